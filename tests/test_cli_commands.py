"""`tracker explain`, `export` (every format, and the dashboard's export function) and `eval`
on a real demo database, and the one-line errors of every command (issue 16 items 2-5, 10,
15, 17, 18). No command may end in a traceback: CliRunner records an escaped exception in
``result.exception``, and every test checks there is none but SystemExit."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from tracker.cli import main
from tracker.demo import load_demo
from tracker.present.export import static_export_problem

NO_BROWSER = static_export_problem()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    report = load_demo(str(path))
    assert report.added and not report.failed
    return path


@pytest.fixture
def db(demo_db, tmp_path) -> Path:
    """A private copy of the demo database (tests that write or damage it)."""
    path = tmp_path / "demo.duckdb"
    shutil.copyfile(demo_db, path)
    return path


def run(*args: str):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        result.output,
        result.exc_info,
    )
    return result


def one_line_error(result, code: int) -> str:
    assert result.exit_code == code, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    return lines[0]


# --- explain ---------------------------------------------------------------------------------
def test_explain_text_and_json(demo_db):
    text = run("explain", "--pair", "USA-BLR", "--period", "2025-08", "--db", demo_db)
    assert text.exit_code == 0
    assert re.match(r"BLR-USA 2025-08: temperature [+-]\d+\.\d", text.stdout)
    result = run("explain", "--pair", "USA-BLR", "--period", "2025-08", "--json", "--db", demo_db)
    assert result.exit_code == 0
    assert "NaN" not in result.stdout  # issue 16 item 5: a bare NaN is not JSON
    data = json.loads(result.stdout, parse_constant=_reject)
    assert data["pair"] == "BLR-USA" and data["period"] == "2025-08"
    assert isinstance(data["value"], float) and data["contributions"]
    row = data["contributions"][0]
    assert {"kind", "contribution", "published_at"} <= set(row)


def _reject(name: str):
    raise AssertionError(f"invalid JSON constant {name}")


def test_explain_json_has_no_nan_where_a_value_is_missing(demo_db):
    """Contributions carry NaN (no category for a tone row, no target...): each is null."""
    result = run("explain", "--pair", "USA-RUS", "--period", "2022-02", "--json", "--db", demo_db)
    data = json.loads(result.stdout, parse_constant=_reject)
    values = [v for row in data["contributions"] for v in row.values()]
    assert None in values  # the NaNs that were there, now JSON null


@pytest.mark.parametrize(
    ("period", "freq"),
    [("2025-13", "M"), ("2025-8", "M"), ("2025-08", "W"), ("2025-02-30", "D"), ("August", "M")],
)
def test_explain_bad_period_is_a_usage_error(demo_db, period, freq):
    result = run(
        "explain", "--pair", "USA-BLR", "--period", period, "--freq", freq, "--db", demo_db
    )
    line = one_line_error(result, 2)
    assert f"--period '{period}'" in line and "('" not in line  # not a Python tuple


def test_explain_period_absent_names_the_pair_not_a_tuple(demo_db):
    result = run("explain", "--pair", "USA-BLR", "--period", "1999-01", "--db", demo_db)
    line = one_line_error(result, 2)
    assert "BLR-USA" in line and "('BLR'" not in line


# --- export ----------------------------------------------------------------------------------
TABLES = ("csv", "parquet", "json")
FIGURES = ("html", "json", "png", "svg", "pdf")


@pytest.mark.parametrize("fmt", ["csv", "parquet", "json", "html", "png", "svg", "pdf"])
def test_export_every_format(demo_db, tmp_path, fmt):
    if fmt in ("png", "svg", "pdf") and NO_BROWSER:
        pytest.skip(NO_BROWSER)
    out = tmp_path / f"chart.{fmt}"
    result = run("export", "--pair", "USA-BLR", "--pair", "USA-RUS", "--out", out, "--db", demo_db)
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert f"wrote {out}" in result.stdout
    if fmt == "csv":
        frame = pd.read_csv(io.BytesIO(data))
        assert set(frame["pair"]) == {"BLR-USA", "RUS-USA"}
    elif fmt == "parquet":  # issue 16 item 4: the timeline's attrs made this raise
        frame = pd.read_parquet(io.BytesIO(data))
        assert set(frame["pair"]) == {"BLR-USA", "RUS-USA"} and len(frame) > 10
    elif fmt == "json":
        rows = json.loads(data)
        assert {r["pair"] for r in rows} == {"BLR-USA", "RUS-USA"}
    elif fmt == "html":
        assert b"<html>" in data[:200] and b"plotly" in data
    else:
        assert data[:4] in (b"\x89PNG", b"<svg", b"%PDF")


def test_parquet_of_a_real_timeline_with_attrs_cli_and_dashboard(demo_db):
    """Issue 16 item 4: the real timeline frame keeps its TemperatureParams in attrs;
    pandas writes attrs into the Parquet metadata and raised. Tested through the library
    and through the dashboard's Data PARQUET button callable (tracker.ui.exports)."""
    from tracker.index.timeline import compute_timelines
    from tracker.present.export import table_bytes
    from tracker.store import Store
    from tracker.ui.exports import _table_callable

    with Store(demo_db, read_only=True) as store:
        frame = compute_timelines(store, [("BLR", "USA"), ("RUS", "USA")], freq="M")
    assert frame.attrs.get("params") is not None  # the case the old test never had
    for data in (table_bytes(frame, "parquet"), _table_callable(frame, "parquet")()):
        back = pd.read_parquet(io.BytesIO(data))
        assert len(back) == len(frame) and "temperature" in back
    assert frame.attrs.get("params") is not None  # the caller's frame is left alone
    csv = _table_callable(frame, "csv")().decode()
    assert csv.splitlines()[0].startswith(frame.columns[0])


@pytest.mark.parametrize("out", ["chart.xlsx", "chart", "chart.PNG.bak"])
def test_export_unknown_extension_is_refused_before_rendering(demo_db, tmp_path, out):
    result = run("export", "--pair", "USA-BLR", "--out", tmp_path / out, "--db", demo_db)
    line = one_line_error(result, 2)
    assert "the file name must end in" in line and ".parquet" in line
    assert not (tmp_path / out).exists()


def test_export_extension_checked_before_the_database(tmp_path):
    """The extension is checked first: no database is needed to be told it is wrong."""
    result = run(
        "export",
        "--pair",
        "USA-BLR",
        "--out",
        tmp_path / "c.xlsx",
        "--db",
        tmp_path / "none.duckdb",
    )
    assert "cannot export to '.xlsx'" in one_line_error(result, 2)


def test_export_to_a_missing_folder_or_a_folder(demo_db, tmp_path):
    missing = run(
        "export", "--pair", "USA-BLR", "--out", tmp_path / "no" / "c.csv", "--db", demo_db
    )
    assert "does not exist" in one_line_error(missing, 2)
    folder = tmp_path / "dir.csv"
    folder.mkdir()
    is_dir = run("export", "--pair", "USA-BLR", "--out", folder, "--db", demo_db)
    assert re.search("is a (folder|directory)", one_line_error(is_dir, 2))


# --- eval ------------------------------------------------------------------------------------
def test_eval_json_on_the_own_set_without_plover(tmp_path):
    result = run("eval", "--json", "--gold", tmp_path / "absent.json")
    assert result.exit_code == 0
    data = json.loads(result.stdout, parse_constant=_reject)
    assert data["own"]["sentences"] > 100
    assert 0 <= data["own"]["pairs"]["f1"] <= 1
    assert data["plover"] is None and "absent.json" in data["plover_note"]


def test_eval_text_on_a_small_own_set(tmp_path):
    own = tmp_path / "own.jsonl"
    own.write_text(
        json.dumps(
            {
                "id": "t-1",
                "text": "The United States imposed sanctions on Russia.",
                "date": "2024-03-02",
                "pairs": [
                    {
                        "pair": ["RUS", "USA"],
                        "tone_sign": -1,
                        "events": [
                            {
                                "category": "SANCTION",
                                "mode": "asserted",
                                "source": "USA",
                                "target": "RUS",
                            }
                        ],
                    }
                ],
                "note": "",
            }
        )
        + "\n"
    )
    result = run("eval", "--own", own, "--gold", tmp_path / "absent.json")
    assert result.exit_code == 0 and result.stdout.strip()
    assert "1" in result.stdout


# --- pairs and dates (item 17) ---------------------------------------------------------------
@pytest.mark.parametrize("command", ["timeline", "explain", "export"])
def test_unknown_pair_code_is_a_usage_error(demo_db, tmp_path, command):
    extra = {
        "timeline": [],
        "explain": ["--period", "2025-08"],
        "export": ["--out", tmp_path / "c.csv"],
    }[command]
    result = run(command, "--pair", "USA-XYZ", *extra, "--db", demo_db)
    line = one_line_error(result, 2)
    assert "unknown country code 'XYZ'" in line
    assert "nothing stored" not in result.output


@pytest.mark.parametrize(
    "value", ["2025-08-15T25:99:00", "2025-13-01", "20250815", "2025-W33-5", "15/08/2025"]
)
def test_invalid_dates_on_the_command_line(demo_db, value):
    result = run("timeline", "--pair", "USA-BLR", "--from", value, "--db", demo_db)
    assert "is not a date; use YYYY-MM-DD" in one_line_error(result, 2)


def test_freq_help_shows_choices_as_the_default_is_spelled():
    result = run("timeline", "--help")
    assert "[D|W|M]" in result.stdout and "[default: M]" in result.stdout
    assert "[d|w|m]" not in result.stdout


def test_direction_help_and_readme_quote_the_arrow():
    """Issue 18: an unquoted USA>BLR in a shell is a redirect that creates a file 'BLR'."""
    result = run("timeline", "--help")
    assert "'USA>BLR'" in " ".join(result.stdout.split())
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    assert not re.search(r"[\s`][A-Z]{3}>[A-Z]{3}", readme)  # every arrow is quoted
    assert "--direction USA-BLR" in readme  # the example needs no arrow at all


# --- backup and restore (items 2, 15) --------------------------------------------------------
def test_backup_refuses_to_overwrite_without_force(db, tmp_path):
    dest = tmp_path / "copy.duckdb"
    dest.write_bytes(b"precious")
    result = run("backup", dest, "--db", db)
    assert "--force" in one_line_error(result, 2)
    assert dest.read_bytes() == b"precious"
    forced = run("backup", dest, "--force", "--db", db)
    assert forced.exit_code == 0 and dest.read_bytes()[:8] != b"precious"


@pytest.mark.parametrize(
    ("dest", "message"),
    [("same", "is the database itself"), ("nodir", "does not exist"), ("dir", "is a directory")],
)
def test_backup_to_a_bad_path_is_one_line(db, tmp_path, dest, message):
    target = {
        "same": db,
        "nodir": tmp_path / "no" / "copy.duckdb",
        "dir": tmp_path,
    }[dest]
    result = run("backup", target, "--db", db)
    assert message in one_line_error(result, 2)


def _damage(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "truncated":
        path.write_bytes(bytes(data[: len(data) // 2]))
    else:  # bits flipped in every block of the second half of the file, past the headers
        # (not only the last 200 KB: with more tables the file may end in free blocks,
        # whose bytes no checksum covers and no read touches)
        for offset in range(len(data) // 2, len(data) - 1000, 4096):
            data[offset] ^= 0xFF
        path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["truncated", "flipped"])
def test_restore_of_a_damaged_backup_changes_nothing(db, tmp_path, how):
    """Issue 16 item 2: a truncated backup was "restored" (exit 0) over the good database."""
    backup = tmp_path / "backup.duckdb"
    assert run("backup", backup, "--db", db).exit_code == 0
    _damage(backup, how)
    before = db.read_bytes()
    result = run("restore", backup, "--db", db)
    line = one_line_error(result, 1)
    assert "backup.duckdb is damaged" in line
    assert db.read_bytes() == before
    assert not list(tmp_path.glob("*.before-restore-*"))


def test_restore_keeps_the_database_it_replaces(db, tmp_path):
    backup = tmp_path / "backup.duckdb"
    assert run("backup", backup, "--db", db).exit_code == 0
    before = db.read_bytes()
    result = run("restore", backup, "--db", db)
    assert result.exit_code == 0, result.output
    (kept,) = tmp_path.glob("demo.duckdb.before-restore-*")
    assert kept.read_bytes() == before and f"kept as {kept}" in result.stdout
    again = run("restore", backup, "--db", db)  # a second one in the same second: own name
    assert again.exit_code == 0 and len(list(tmp_path.glob("demo.duckdb.before-restore-*"))) == 2
    assert run("pairs", "--db", db).exit_code == 0


def test_restore_from_a_missing_file_or_the_database_itself(db, tmp_path):
    missing = run("restore", tmp_path / "nope.duckdb", "--db", db)
    assert "no backup file at" in one_line_error(missing, 2)
    itself = run("restore", db, "--db", db)
    assert "is the database itself" in one_line_error(itself, 2)


# --- a damaged database (item 3) -------------------------------------------------------------
@pytest.mark.parametrize("how", ["truncated", "flipped"])
@pytest.mark.parametrize(
    "args",
    [
        ["pairs"],
        ["timeline", "--pair", "USA-RUS"],
        ["explain", "--pair", "USA-RUS", "--period", "2022-02"],
        ["export", "--pair", "USA-RUS", "--out", "OUT"],
    ],
    ids=["pairs", "timeline", "explain", "export"],
)
def test_damaged_database_is_one_clear_line(db, tmp_path, how, args):
    _damage(db, how)
    args = [str(tmp_path / "c.csv") if a == "OUT" else a for a in args]
    result = run(*args, "--db", db)
    line = one_line_error(result, 1)
    assert str(db) in line and "damaged" in line and "tracker restore" in line


# --- an unwritable folder (item 15) ----------------------------------------------------------
def _unprivileged() -> list[str] | None:
    """A command prefix that runs without root's permission override, or None."""
    import os

    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    return [setpriv, "--bounding-set=-all", "--inh-caps=-all"] if setpriv else None


def test_ingest_into_a_database_whose_folder_is_not_writable(db, tmp_path):
    """Issue 16 item 15: the database file is writable but its folder is not, so DuckDB
    cannot create the .wal at commit: a raw TransactionException before; one line now."""
    import os
    import subprocess
    import sys

    prefix = _unprivileged()
    if prefix is None:
        pytest.skip("running as root without setpriv: permissions cannot be enforced")
    locked = tmp_path / "locked"
    locked.mkdir()
    target = locked / "demo.duckdb"
    shutil.move(db, target)
    target.chmod(0o666)
    article = tmp_path / "a.json"
    article.write_text(
        json.dumps({"date": "2025-08-14", "text": "The United States praised Belarus."})
    )
    locked.chmod(0o555)
    try:
        out = subprocess.run(
            [*prefix, sys.executable, "-m", "tracker", "ingest", str(article), "--db", str(target)],
            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
    finally:
        locked.chmod(0o755)
    assert "Traceback" not in out.stderr, out.stderr[-3000:]
    assert out.returncode == 1, out.stderr
    (line,) = [x for x in out.stderr.splitlines() if x.startswith("Error:")]
    assert str(target) in line and "permission denied" in line and "writable" in line


def test_score_refuses_a_name_list_in_one_line(tmp_path):
    """Item 12 through `tracker score`: over the budget is a refusal, not a traceback."""
    import pycountry

    names = ", ".join(c.name for c in pycountry.countries)
    path = tmp_path / "list-2025-08-15.txt"
    path.write_text(f"The summit of {names} ended.")
    result = run("score", path, "--json")
    assert result.exit_code == 1 and result.stdout == ""
    assert "refused: sentence 1 names" in result.stderr and "over the 60 limit" in result.stderr

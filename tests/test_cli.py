"""The `tracker` command end to end, on real DuckDB files in tmp_path."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import main

SEED = Path(__file__).parent / "data" / "seed_article.txt"


@pytest.fixture
def run(tmp_path):
    db = str(tmp_path / "t.duckdb")

    def invoke(*args: str, with_db: bool = True):
        argv = [*args, "--db", db] if with_db else list(args)
        return CliRunner().invoke(main, argv, catch_exceptions=False)

    invoke.db = db
    return invoke


def test_seed_without_date_fails_with_a_clear_message(run):
    result = run("ingest", str(SEED), "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["added"] == 0
    (failure,) = report["failed"]
    assert failure["file"] == str(SEED)
    assert "no publication date" in failure["error"] and "--date" in failure["error"]


def test_seed_with_date_is_stored_once_then_reported_duplicate(run):
    first = run("ingest", str(SEED), "--date", "2025-08-15", "--json")
    assert first.exit_code == 0, first.output
    report = json.loads(first.stdout)
    assert (report["added"], report["duplicates"], report["failed"]) == (1, 0, [])
    assert len(report["article_ids"]) == 1

    again = run("ingest", str(SEED), "--date", "2025-08-15", "--json")
    assert again.exit_code == 0
    report = json.loads(again.stdout)
    assert (report["added"], report["duplicates"], report["article_ids"]) == (0, 1, [])

    pairs = run("pairs", "--format", "json")
    rows = {(r["pair"]): r for r in json.loads(pairs.stdout)}
    assert rows["BLR-USA"]["articles"] == 1


def test_score_json_has_the_documented_shape(run):
    result = run("score", str(SEED), "--date", "2025-08-15", "--json", with_db=False)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["article"]["published_at"] == "2025-08-15"
    assert data["article"]["date_source"] == "caller"
    assert data["article"]["title"].startswith("Trump Thanks Lukashenko")
    pairs = {tuple(p["pair"]): p for p in data["pairs"]}
    assert ("BLR", "USA") in pairs and ("RUS", "USA") in pairs
    blr_usa = pairs[("BLR", "USA")]
    assert set(blr_usa) >= {"pair", "tone", "sentences", "events"}
    assert set(blr_usa["sentences"][0]) >= {"text", "tone", "source", "target"}
    assert set(blr_usa["events"][0]) >= {
        "source",
        "target",
        "category",
        "mode",
        "intensity",
        "text",
    }
    assert -1 <= blr_usa["tone"] <= 1


def test_ingest_a_folder_keeps_going_past_a_bad_file(run, tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(
        "date: 2025-02-12\n\nRussia and the United States agreed to restore embassy staff.\n"
    )
    (folder / "sub" / "2024-08-01-swap.txt").write_text(
        "Prisoner swap\n\nRussia released Evan Gershkovich to the United States.\n"
    )
    (folder / "broken.json").write_text("{not json")
    (folder / "empty.txt").write_bytes(b"")
    result = run("ingest", str(folder), "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["added"] == 2
    failed = {Path(f["file"]).name: f["error"] for f in report["failed"]}
    assert set(failed) == {"broken.json", "empty.txt"}
    assert "empty" in failed["empty.txt"]


def test_glob_and_missing_path(run, tmp_path):
    (tmp_path / "2025-01-02-a.txt").write_text("The U.S. praised Belarus for the release.")
    ok = run("ingest", str(tmp_path / "*.txt"), "--json")
    assert json.loads(ok.stdout)["added"] == 1
    missing = CliRunner().invoke(main, ["ingest", str(tmp_path / "nope*.txt"), "--db", run.db])
    assert missing.exit_code == 2
    assert "nope" in missing.output


def test_usage_errors_exit_2(run):
    assert run("ingest", str(SEED), "--date", "15/08/2025").exit_code == 2
    assert run("timeline", "--pair", "USA").exit_code == 2
    assert run("timeline", "--pair", "USA-USA").exit_code == 2


def test_rescore_recomputes_stale_scores(run):
    run("ingest", str(SEED), "--date", "2025-08-15")
    from tracker.store import Store

    with Store(run.db) as store:
        before = store.con.execute("SELECT count(*) FROM dyad_sentences").fetchone()[0]
        store.con.execute("UPDATE articles SET scorer_version = 'old'")
        store.con.execute("DELETE FROM dyad_sentences")
    result = run("rescore")
    assert result.exit_code == 0
    assert "rescored 1 articles" in result.output
    with Store(run.db) as store:
        after = store.con.execute("SELECT count(*) FROM dyad_sentences").fetchone()[0]
        stale = store.con.execute(
            "SELECT count(*) FROM articles WHERE scorer_version = 'old'"
        ).fetchone()[0]
    assert after == before > 0 and stale == 0
    assert "rescored 0 articles" in run("rescore").output  # nothing stale any more


def test_backup_and_restore_round_trip(run, tmp_path):
    run("ingest", str(SEED), "--date", "2025-08-15")
    backup = tmp_path / "backup.duckdb"
    assert run("backup", str(backup)).exit_code == 0
    (tmp_path / "2025-01-02-b.txt").write_text("Russia expelled American diplomats.")
    run("ingest", str(tmp_path / "2025-01-02-b.txt"))
    assert run("restore", str(backup)).exit_code == 0
    rows = json.loads(run("pairs", "--format", "json").stdout)
    assert {r["pair"] for r in rows} >= {"BLR-USA"}
    from tracker.store import Store

    with Store(run.db, read_only=True) as store:
        assert store.article_count() == 1


def test_restore_refuses_a_file_that_is_not_a_database(run, tmp_path):
    bogus = tmp_path / "bogus.duckdb"
    bogus.write_text("hello" * 100)
    result = CliRunner().invoke(main, ["restore", str(bogus), "--db", run.db])
    assert result.exit_code == 1
    assert "not a valid DuckDB" in result.output

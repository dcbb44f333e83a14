"""The store under hostile values and hostile files.

* Every value reaches SQL bound (``?`` or a registered Arrow table): injection strings in
  every text column come back byte for byte and the schema is untouched.
* A file that is not a tracker database (text, zero bytes, another DuckDB database, a newer
  schema) ends in a clear one-line message and exit status 1, never a traceback.
Backup and restore: test_store_backup.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest
from conftest import build_scored

from tracker.errors import StoreError
from tracker.models import (
    Article,
    DateSource,
    DyadSentence,
    Event,
    Mention,
    Mode,
    PairScore,
    ScoredArticle,
    article_id,
)
from tracker.store import SCHEMA_VERSION, Store

CLI = [sys.executable, "-c", "from tracker.cli import main; main()"]
REPO = Path(__file__).resolve().parents[1]

INJECTIONS = (
    "'); DROP TABLE articles; --",
    "Robert'); DELETE FROM dyad_sentences WHERE ('1'='1",
    '" OR 1=1; --',
    "x' UNION SELECT id, text FROM articles --",
    "1; ATTACH '/tmp/evil.duckdb' AS evil; --",
    "$1 ? ?? :name %s {0} \\' \\\\",
    "COPY articles TO '/tmp/leak.csv'; --",
    "Ω ✓ 🇧🇾 \u202e reversed \u200b zero-width",
)


def env() -> dict[str, str]:
    """The child imports this checkout's tracker (and tests/conftest.py), from any cwd."""
    paths = (str(REPO), str(REPO / "tests"), os.environ.get("PYTHONPATH", ""))
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}


def run_cli(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args], cwd=cwd, env=env(), capture_output=True, text=True, timeout=timeout,
        check=False,
    )  # fmt: skip


def hostile_scored(n: int, value: str) -> ScoredArticle:
    """An article whose every text field (and its score rows) carries ``value``."""
    text = f"{value}\nThe United States and Belarus {value} talked. ({n})"
    article = Article(
        id=article_id(text),
        origin=f"{value}.txt",
        title=value,
        text=text,
        published_at=date(2025, 8, 15),
        date_source=DateSource.FIELD,
        url=f"https://example.org/?q={value}",
        source=value,
    )
    pair = ("BLR", "USA")
    sentence = DyadSentence(
        pair=pair,
        sentence_index=1,
        text=value,
        tone=0.25,
        source="USA",
        target="BLR",
        mentions=(Mention("USA", 0, 3, value, "country"),),
    )
    event = Event(
        pair=pair,
        sentence_index=1,
        source="USA",
        target="BLR",
        category="CONSULT",
        mode=Mode.ASSERTED,
        intensity=1.0,
        cameo="04",
        quad_class=1,
        text=value,
        span_start=0,
        span_end=1,
        rule=value,
    )
    return ScoredArticle(
        article=article,
        sentence_count=2,
        pairs=(PairScore(pair=pair, tone=0.25, sentences=(sentence,), events=(event,)),),
        scorer_version=value,
    )


def tables(path: Path) -> set[str]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        rows = con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        return {r[0] for r in rows}
    finally:
        con.close()


# --- SQL injection: values are bound ------------------------------------------------------
def test_injection_strings_are_stored_and_read_back_unchanged(db):
    items = [hostile_scored(n, value) for n, value in enumerate(INJECTIONS)]
    with Store(db) as store:
        result = store.add_scored(items)
        assert len(result.added) == len(INJECTIONS)
        assert store.add_scored(items).duplicates == result.added  # dedup by bound ids
    with Store(db, read_only=True) as store:
        back = {a.id: a for a in store.articles_by_ids([i.article.id for i in items])}
        ids = list(back)
        sentences = store.dashboard_sentences(("USA", "BLR"), ids)
        events = store.dashboard_events([("USA", "BLR")])
        assert store.article_count() == len(INJECTIONS)
    for item in items:
        assert back[item.article.id] == item.article
    assert sorted(sentences["text"]) == sorted(INJECTIONS)
    assert sorted(sentences["title"]) == sorted(INJECTIONS)
    surfaces = sorted(json.loads(m)[0][4] for m in sentences["mentions"])
    assert surfaces == sorted(INJECTIONS)
    assert sorted(events["text"]) == sorted(INJECTIONS)
    assert tables(db) >= {"articles", "dyad_sentences", "events", "schema_migrations"}


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_in_query_arguments_matches_nothing_and_breaks_nothing(db, value):
    store_items = [build_scored("2024-03-01", ("USA", "BLR"), [0.5])]
    with Store(db) as store:
        store.add_scored(store_items)
    with Store(db, read_only=True) as store:
        pair = (value, "USA")
        assert store.timeline_tone_days(pair).empty
        assert store.timeline_event_days(pair, direction=(value, "USA")).empty
        assert store.timeline_sentences(pair).empty
        assert store.dashboard_articles([pair]).empty
        assert store.dashboard_sentences(pair, [value]).empty
        assert store.existing_ids([value]) == set()
        assert store.article_ids(stale_for=value) == [store_items[0].article.id]
        assert store.article_count() == 1


def test_cli_pair_argument_is_validated_before_sql(tmp_path, db):
    out = run_cli("timeline", "--pair", "USA-'); DROP TABLE articles; --", "--db", str(db),
                  cwd=tmp_path)  # fmt: skip
    assert out.returncode == 2, out.stderr
    assert "Traceback" not in out.stderr
    assert tables(db) >= {"articles"}


# --- files that are not a (current) tracker database ----------------------------------------
def _not_duckdb(path: Path) -> None:
    path.write_text("id,title\n1,this is a CSV, not a database\n" * 200)


def _zero_bytes(path: Path) -> None:
    path.write_bytes(b"")


def _truncated_header(path: Path) -> None:
    tmp = path.with_name("whole.duckdb")
    with Store(tmp):
        pass
    path.write_bytes(tmp.read_bytes()[:4096])


BAD_FILES = {"text": _not_duckdb, "empty": _zero_bytes, "truncated": _truncated_header}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_not_a_database_is_a_clear_store_error(tmp_path, kind):
    path = tmp_path / "bad.duckdb"
    BAD_FILES[kind](path)
    before = path.read_bytes()
    for read_only in (False, True):
        with pytest.raises(StoreError, match=r"cannot open database .*bad\.duckdb"):
            Store(path, read_only=read_only)
    assert path.read_bytes() == before  # never "repaired" by overwriting


@pytest.mark.parametrize(
    "command",
    [["pairs"], ["backup", "out.duckdb"], ["timeline", "--pair", "USA-BLR"], ["rescore"]],
    ids=lambda c: c[0],
)
def test_cli_on_a_file_that_is_not_duckdb(tmp_path, command):
    path = tmp_path / "bad.duckdb"
    _not_duckdb(path)
    out = run_cli(*command, "--db", str(path), cwd=tmp_path)
    assert out.returncode == 1, (out.stdout, out.stderr)
    assert "Traceback" not in out.stderr
    assert "not a valid DuckDB database file" in out.stderr
    assert out.stderr.startswith("Error: cannot open database")


def test_cli_ingest_into_a_file_that_is_not_duckdb(tmp_path):
    pytest.importorskip("tracker.coding.score")
    path = tmp_path / "bad.duckdb"
    _not_duckdb(path)
    article = tmp_path / "a.txt"
    article.write_text("date: 2025-08-15\n\nThe United States praised Belarus for the release.")
    out = run_cli("ingest", str(article), "--db", str(path), "--json", "--workers", "1",
                  cwd=tmp_path)  # fmt: skip
    assert out.returncode == 1, (out.stdout, out.stderr)
    assert "Traceback" not in out.stderr
    assert "not a valid DuckDB database file" in out.stderr


def _newer_schema(path: Path) -> None:
    with Store(path) as store:
        store.add_scored([build_scored("2024-03-01", ("USA", "BLR"), [0.5])])
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_migrations VALUES (?, 'from the future', now())", [99])
    con.close()


def test_newer_schema_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "future.duckdb"
    _newer_schema(path)
    for read_only in (False, True):
        with pytest.raises(StoreError, match="schema version 99, newer than this tracker"):
            Store(path, read_only=read_only)
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == 99
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    con.close()


@pytest.mark.parametrize("command", [["pairs"], ["backup", "out.duckdb"]], ids=lambda c: c[0])
def test_cli_on_a_newer_schema(tmp_path, command):
    path = tmp_path / "future.duckdb"
    _newer_schema(path)
    out = run_cli(*command, "--db", str(path), cwd=tmp_path)
    assert out.returncode == 1, (out.stdout, out.stderr)
    assert "Traceback" not in out.stderr
    assert f"schema version 99, newer than this tracker understands ({SCHEMA_VERSION})" in (
        out.stderr
    )
    assert "upgrade the tracker" in out.stderr
    assert not (tmp_path / "out.duckdb").exists()


def test_cli_restore_refuses_a_newer_schema(tmp_path, db):
    src = tmp_path / "future.duckdb"
    _newer_schema(src)
    before = db.read_bytes()
    out = run_cli("restore", str(src), "--db", str(db), cwd=tmp_path)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "newer than this tracker" in out.stderr
    assert db.read_bytes() == before


@pytest.mark.parametrize("kind", ["text", "other-duckdb"])
def test_cli_restore_refuses_what_is_not_a_tracker_database(tmp_path, db, kind):
    src = tmp_path / "src.duckdb"
    if kind == "text":
        _not_duckdb(src)
    else:  # a valid DuckDB file of some other application
        con = duckdb.connect(str(src))
        con.execute("CREATE TABLE t AS SELECT 1 AS x")
        con.close()
    with Store(db) as store:
        store.add_scored([build_scored("2024-03-01", ("USA", "BLR"), [0.5])])
    out = run_cli("restore", str(src), "--db", str(db), cwd=tmp_path)
    assert out.returncode == 1, (out.stdout, out.stderr)
    assert "Traceback" not in out.stderr, out.stderr
    assert out.stderr.startswith("Error:")
    with Store(db, read_only=True) as store:
        assert store.article_count() == 1  # the live database is untouched

"""The DuckDB store on real files in tmp_path."""

import subprocess
import sys
from datetime import date

import duckdb
import pytest

from tracker.errors import StoreBusy, StoreError
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
from tracker.store import MIGRATIONS, SCHEMA_VERSION, Store, resolve_db_path


def scored(text: str, day: date = date(2025, 8, 15), tone: float = 0.5) -> ScoredArticle:
    pair = ("BLR", "USA")
    article = Article(
        id=article_id(text),
        origin="test.txt",
        title=text[:20],
        text=text,
        published_at=day,
        date_source=DateSource.CALLER,
    )
    sentence = DyadSentence(
        pair=pair,
        sentence_index=0,
        text=text,
        tone=tone,
        source="USA",
        target="BLR",
        mentions=(Mention("USA", 0, 5, "Trump", "leader"),),
    )
    event = Event(
        pair=pair,
        sentence_index=0,
        source="USA",
        target="BLR",
        category="SUPPORT",
        mode=Mode.ASSERTED,
        intensity=3.4,
        cameo="05",
        quad_class=1,
        text=text,
        span_start=6,
        span_end=13,
        rule="support.praise",
    )
    return ScoredArticle(
        article=article,
        sentence_count=1,
        pairs=(PairScore(pair, tone, (sentence,), (event,)),),
        scorer_version="test",
    )


def counts(path) -> tuple[int, int, int]:
    with Store(path, read_only=True) as store:
        return tuple(
            store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "dyad_sentences", "events")
        )


def test_migrations_from_an_empty_file_are_recorded(tmp_path):
    path = tmp_path / "t.duckdb"
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert [v for v, _ in store.applied_migrations()] == [m[0] for m in MIGRATIONS]
    with Store(path) as store:  # reopening applies nothing twice
        assert len(store.applied_migrations()) == len(MIGRATIONS)


def test_add_is_idempotent(tmp_path):
    path = tmp_path / "t.duckdb"
    item = scored("Trump praised Lukashenko.")
    with Store(path) as store:
        first = store.add_scored([item])
        second = store.add_scored([item])
    assert first.added == (item.article.id,) and first.duplicates == ()
    assert second.added == () and second.duplicates == (item.article.id,)
    assert counts(path) == (1, 1, 1)


def test_duplicates_inside_one_batch_are_stored_once(tmp_path):
    path = tmp_path / "t.duckdb"
    item = scored("Trump praised Lukashenko.")
    with Store(path) as store:
        result = store.add_scored([item, item])
    assert len(result.added) == 1 and len(result.duplicates) == 1
    assert counts(path) == (1, 1, 1)


def test_a_failing_batch_rolls_back_whole(tmp_path):
    path = tmp_path / "t.duckdb"
    good = scored("Trump praised Lukashenko.")
    bad_article = scored("Broken one.")
    # a NULL title violates NOT NULL: the whole batch, good article included, must roll back
    broken = ScoredArticle(
        article=Article(**{**_fields(bad_article.article), "title": None}),
        sentence_count=1,
        pairs=bad_article.pairs,
        scorer_version="test",
    )
    with Store(path) as store, pytest.raises(duckdb.Error):
        store.add_scored([good, broken])
    assert counts(path) == (0, 0, 0)


def _fields(article):
    return {f: getattr(article, f) for f in article.__slots__}


def test_replace_scores_swaps_rows(tmp_path):
    path = tmp_path / "t.duckdb"
    item = scored("Trump praised Lukashenko.", tone=0.5)
    with Store(path) as store:
        store.add_scored([item])
        store.replace_scores([scored("Trump praised Lukashenko.", tone=-0.25)])
        tone = store.con.execute("SELECT tone FROM dyad_sentences").fetchone()[0]
    assert tone == -0.25
    assert counts(path) == (1, 1, 1)


def test_articles_round_trip_for_rescoring(tmp_path):
    path = tmp_path / "t.duckdb"
    item = scored("Trump praised Lukashenko.")
    with Store(path) as store:
        store.add_scored([item])
        assert store.article_ids(stale_for="test") == []
        assert store.article_ids(stale_for="newer") == [item.article.id]
        (back,) = store.articles_by_ids([item.article.id])
    assert back == item.article


def test_pairs_summary(tmp_path):
    path = tmp_path / "t.duckdb"
    with Store(path) as store:
        store.add_scored([scored("One."), scored("Two.", day=date(2025, 9, 1))])
        frame = store.pairs()
    row = frame.iloc[0]
    assert (row.pair_a, row.pair_b, row.articles, row.events) == ("BLR", "USA", 2, 2)


def test_not_a_duckdb_file_gives_a_clear_error(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("this is not a database" * 100)
    with pytest.raises(StoreError, match="not a valid DuckDB"):
        Store(path)


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "t.duckdb"
    with Store(path) as store:
        store.con.execute("INSERT INTO schema_migrations VALUES (999, 'future', now())")
    with pytest.raises(StoreError, match="newer than this tracker"):
        Store(path)


def test_a_writer_in_another_process_makes_us_wait_then_busy(tmp_path):
    path = tmp_path / "t.duckdb"
    Store(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, sys; c = duckdb.connect({str(path)!r}); "
            "print('held', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreBusy, match="busy"):
            Store(path, busy_timeout=0.3)
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
    with Store(path, busy_timeout=5) as store:  # released: works again
        assert store.article_count() == 0


def test_db_path_resolution(monkeypatch, tmp_path):
    monkeypatch.delenv("TRACKER_DB", raising=False)
    assert resolve_db_path() == "data/tracker.duckdb"
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "env.duckdb"))
    assert resolve_db_path() == str(tmp_path / "env.duckdb")
    assert resolve_db_path(tmp_path / "flag.duckdb") == str(tmp_path / "flag.duckdb")

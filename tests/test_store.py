"""The DuckDB store on real files in tmp_path."""

import subprocess
import sys
from datetime import date

import duckdb
import pandas as pd
import pytest

from tracker.errors import StoreBusy, StoreError
from tracker.index.temperature import TemperatureParams
from tracker.index.timeline import compute_timeline
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


# -- article_pair_tone, article_direction_tone (migration 2): what the timeline reads ----------

# (pair, tone, source, target) per dyadic sentence; directions mixed inside one article
_MIXED = {
    "a": [
        (("BLR", "USA"), 0.5, "USA", "BLR"),
        (("BLR", "USA"), -0.25, "BLR", "USA"),
        (("BLR", "USA"), 0.125, None, None),
        (("BLR", "USA"), 0.75, "USA", None),  # half-known direction: undirected only
        (("RUS", "USA"), -0.5, "USA", "RUS"),
    ],
    "b": [(("BLR", "USA"), 0.3, "USA", "BLR"), (("BLR", "USA"), 0.1, "USA", "BLR")],
    "c": [(("RUS", "UKR"), -0.9, None, None)],
}


def mixed(key: str, day: date = date(2025, 8, 15), copy: str = "", sign: float = 1.0):
    """A scored article with the sentences of _MIXED[key] (``copy``: same story, new id)."""
    text = f"Article {key}.{copy}"
    article = Article(
        id=article_id(text),
        origin="test.txt",
        title=f"Article {key}",
        text=text,
        published_at=day,
        date_source=DateSource.CALLER,
    )
    pairs = []
    for pair in sorted({row[0] for row in _MIXED[key]}):
        sentences = tuple(
            DyadSentence(pair, i, f"{key} sentence {i}", sign * tone, source, target)
            for i, (p, tone, source, target) in enumerate(_MIXED[key])
            if p == pair
        )
        pairs.append(PairScore(pair, 0.0, sentences, ()))
    return ScoredArticle(article, len(_MIXED[key]), tuple(pairs), "test")


def tone_rows_of(store) -> dict[str, list[tuple]]:
    return {
        table: store.con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
        for table in ("article_pair_tone", "article_direction_tone")
    }


def tone_rows(path) -> dict[str, list[tuple]]:
    with Store(path, read_only=True) as store:
        return tone_rows_of(store)


def timelines(path) -> list[pd.DataFrame]:
    """Timelines of several pairs, directions, frequencies and both story signatures."""
    frames = []
    with Store(path, read_only=True) as store:
        for signature in ("tone", "text"):
            params = TemperatureParams(story_signature=signature)
            for pair, direction in [
                ("BLR-USA", None),
                ("BLR-USA", "USA>BLR"),
                ("BLR-USA", "BLR>USA"),
                ("RUS-USA", None),
                ("RUS-USA", "USA>RUS"),
            ]:
                for freq in ("D", "M"):
                    frames.append(
                        compute_timeline(store, pair, freq=freq, direction=direction, params=params)
                    )
    return frames


def _items():
    return [
        mixed("a"),
        mixed("a", copy=" (wire copy)"),
        mixed("b"),
        mixed("b", day=date(2025, 9, 2)),
        mixed("c"),
    ]


def test_tone_rows_per_article_pair_and_known_direction(tmp_path):
    path = tmp_path / "t.duckdb"
    with Store(path) as store:
        store.add_scored([mixed("a")])
    rows = tone_rows(path)
    undirected = {(r[2], r[3]): (r[4], r[5]) for r in rows["article_pair_tone"]}
    directed = {(r[2], r[3], r[4], r[5]): (r[6], r[7]) for r in rows["article_direction_tone"]}
    assert undirected == {
        ("BLR", "USA"): (4, pytest.approx((0.5 - 0.25 + 0.125 + 0.75) / 4)),
        ("RUS", "USA"): (1, -0.5),
    }
    assert directed == {  # the half-known direction counts in the pair's row only
        ("BLR", "USA", "USA", "BLR"): (1, 0.5),
        ("BLR", "USA", "BLR", "USA"): (1, -0.25),
        ("RUS", "USA", "USA", "RUS"): (1, -0.5),
    }


def test_migration_2_backfills_a_schema_1_database(tmp_path):
    fresh = tmp_path / "fresh.duckdb"
    with Store(fresh) as store:
        store.add_scored(_items())
    # the same data in a file at schema 1, as an earlier tracker wrote it
    old = tmp_path / "old.duckdb"
    con = duckdb.connect(str(old))
    con.execute(
        "CREATE TABLE schema_migrations ("
        "version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    con.execute(MIGRATIONS[0][2])
    con.execute("INSERT INTO schema_migrations VALUES (1, ?, now())", [MIGRATIONS[0][1]])
    con.execute(f"ATTACH '{fresh}' AS fresh (READ_ONLY)")
    for table in ("articles", "dyad_sentences", "events"):
        con.execute(f"INSERT INTO {table} SELECT * FROM fresh.{table}")
    con.close()

    expected = timelines(fresh)
    # read-only opens do not migrate: the timeline computes the same rows on the fly
    for got, want in zip(timelines(old), expected, strict=True):
        pd.testing.assert_frame_equal(got, want)
    with Store(old, read_only=True) as store:
        assert store.schema_version() == 1

    with Store(old) as store:  # a writer migrates
        assert [v for v, _ in store.applied_migrations()] == [m[0] for m in MIGRATIONS]
    assert tone_rows(old) == tone_rows(fresh)
    for got, want in zip(timelines(old), expected, strict=True):
        pd.testing.assert_frame_equal(got, want)


def article_rows(path):
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("SELECT * FROM articles ORDER BY id").fetchall()


def text_compression(path):
    with duckdb.connect(str(path), read_only=True) as con:
        return {
            row[0]
            for row in con.execute(
                "SELECT compression FROM pragma_storage_info('articles')"
                " WHERE column_name = 'text' AND segment_type = 'VARCHAR'"
            ).fetchall()
        }


def test_migration_3_keeps_the_articles_and_stores_their_text_as_zstd(tmp_path):
    fresh = tmp_path / "fresh.duckdb"
    with Store(fresh) as store:
        store.add_scored(_items())
    assert text_compression(fresh) == {"ZSTD"}
    # the same articles in a file at schema 2 (DuckDB's default compression for the text)
    old = tmp_path / "old.duckdb"
    con = duckdb.connect(str(old))
    con.execute(
        "CREATE TABLE schema_migrations ("
        "version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    for version, name, sql in MIGRATIONS[:2]:
        con.execute(sql)
        con.execute("INSERT INTO schema_migrations VALUES (?, ?, now())", [version, name])
    con.execute(f"ATTACH '{fresh}' AS fresh (READ_ONLY)")
    for table in ("articles", "dyad_sentences", "events", "article_pair_tone"):
        con.execute(f"INSERT INTO {table} SELECT * FROM fresh.{table}")
    con.close()
    assert text_compression(old) != {"ZSTD"}

    with Store(old) as store:  # a writer migrates
        assert [v for v, _ in store.applied_migrations()] == [m[0] for m in MIGRATIONS]
        store.add_scored(_items())  # the primary key still holds: all duplicates
    assert article_rows(old) == article_rows(fresh)
    assert text_compression(old) == {"ZSTD"}


def test_rescoring_keeps_the_tone_rows_consistent(tmp_path):
    path, reference = tmp_path / "t.duckdb", tmp_path / "ref.duckdb"
    with Store(path) as store:
        store.add_scored(_items())
        store.replace_scores([mixed("a", sign=-1.0), mixed("c", sign=0.5)])
        store.replace_scores([mixed("a", sign=-1.0)])  # twice: nothing doubles
    with Store(reference) as store:
        store.add_scored(
            [
                mixed("a", sign=-1.0),
                mixed("a", copy=" (wire copy)"),
                mixed("b"),
                mixed("b", day=date(2025, 9, 2)),
                mixed("c", sign=0.5),
            ]
        )
    assert tone_rows(path) == tone_rows(reference)
    with Store(path) as store:
        before = tone_rows_of(store)
        store.rebuild_tone_aggregates()  # the backfill from the stored sentences agrees
        assert tone_rows_of(store) == before

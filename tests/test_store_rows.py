"""Store-ready rows (tracker/store/rows.py) and writing them with Store.add_rows."""

import json
import pickle

import pytest

from tracker.models import Mention
from tracker.store import Store
from tracker.store.rows import concat_rows, scored_rows


def _items(make_scored, make_event, n: int = 3):
    return [
        make_scored(
            f"2024-03-0{i + 1}",
            ("USA", "BLR"),
            [0.5, -0.25 * i],
            events=[make_event("SANCTION", -4.0, source="USA", target="BLR", year=2020)],
            source="USA",
            target="BLR",
        )
        for i in range(n)
    ]


def test_rows_hold_every_article_sentence_and_event_in_order(make_scored, make_event):
    items = _items(make_scored, make_event)
    rows = scored_rows(items)
    assert rows.ids == [item.article.id for item in items] and len(rows) == 3
    first = rows.articles.to_pylist()[0]
    article = items[0].article
    assert (first["text"], first["date_source"], first["published_at"]) == (
        article.text,
        "caller",
        article.published_at,
    )
    assert "ingested_at" not in first  # stamped by the writer
    assert rows.sentences.column("article_id").to_pylist() == [
        item.article.id for item in items for _ in range(2)
    ]
    event = rows.events.to_pylist()[0]
    assert (event["mode"], event["year"], event["pair_a"]) == ("asserted", 2020, "BLR")


def test_mentions_are_stored_as_json_lists(make_scored):
    item = make_scored("2024-03-01", ("USA", "BLR"), [0.5])
    sentence = item.pairs[0].sentences[0]
    mentioned = type(sentence)(
        **{f: getattr(sentence, f) for f in sentence.__slots__ if f != "mentions"},
        mentions=(Mention("USA", 0, 5, "Trump", "leader"),),
    )
    pair = type(item.pairs[0])(item.pairs[0].pair, 0.5, (mentioned,), ())
    rows = scored_rows([type(item)(item.article, 1, (pair,), "test")])
    (mentions,) = rows.sentences.column("mentions").to_pylist()
    assert json.loads(mentions) == [[0, 5, "USA", "leader", "Trump"]]


@pytest.mark.parametrize(
    "mentions",
    [
        (),
        (Mention("USA", 0, 5, "Trump", "leader"),),
        (
            Mention("BLR", -1, -1, "the two leaders", "pronoun"),
            Mention("RUS", 7, 14, "Russia's", "country"),
        ),
        (Mention("TUR", 3, 10, 'Türkiye "Ankara"\\ \u2028 \U0001f600', "capital"),),
    ],
)
def test_mentions_json_is_what_json_dumps_writes(make_scored, mentions):
    """The writer formats the JSON itself (fast): character for character json.dumps."""
    item = make_scored("2024-03-01", ("USA", "BLR"), [0.5])
    sentence = item.pairs[0].sentences[0]
    mentioned = type(sentence)(
        **{f: getattr(sentence, f) for f in sentence.__slots__ if f != "mentions"},
        mentions=mentions,
    )
    pair = type(item.pairs[0])(item.pairs[0].pair, 0.5, (mentioned,), ())
    rows = scored_rows([type(item)(item.article, 1, (pair,), "test")])
    (stored,) = rows.sentences.column("mentions").to_pylist()
    assert stored == json.dumps([[m.start, m.end, m.code, m.kind, m.surface] for m in mentions])


def test_without_drops_articles_with_their_sentences_and_events(make_scored, make_event):
    items = _items(make_scored, make_event)
    rows = scored_rows(items).without({items[1].article.id})
    assert rows.ids == [items[0].article.id, items[2].article.id]
    assert items[1].article.id not in rows.sentences.column("article_id").to_pylist()
    assert rows.events.num_rows == 2


def test_concat_keeps_order_and_rows_survive_pickling(make_scored, make_event):
    items = _items(make_scored, make_event)
    parts = [pickle.loads(pickle.dumps(scored_rows(items[:1]))), scored_rows(items[1:])]
    whole = concat_rows(parts)
    assert whole.ids == scored_rows(items).ids
    assert whole.sentences.to_pylist() == scored_rows(items).sentences.to_pylist()
    assert concat_rows([]).ids == []


def test_add_rows_stores_what_add_scored_stores(tmp_path, make_scored, make_event):
    items = _items(make_scored, make_event)
    with Store(tmp_path / "a.duckdb") as store:
        store.add_scored(items)
    with Store(tmp_path / "b.duckdb") as store:
        result = store.add_rows(scored_rows(items))
    assert result.added == tuple(item.article.id for item in items)
    for table in ("articles", "dyad_sentences", "events", "article_pair_tone"):
        sql = (
            f"FROM {table}"
            if table != "articles"
            else "SELECT * EXCLUDE (ingested_at) FROM articles"
        )
        with Store(tmp_path / "a.duckdb", read_only=True) as a:
            expected = sorted(a.con.sql(sql).fetchall(), key=repr)
        with Store(tmp_path / "b.duckdb", read_only=True) as b:
            assert sorted(b.con.sql(sql).fetchall(), key=repr) == expected


def test_add_rows_skips_stored_articles_and_refuses_repeats(tmp_path, make_scored, make_event):
    items = _items(make_scored, make_event)
    with Store(tmp_path / "t.duckdb") as store:
        store.add_scored(items[:1])
        result = store.add_rows(scored_rows(items))
        assert result.added == (items[1].article.id, items[2].article.id)
        assert result.duplicates == (items[0].article.id,)
        assert store.con.execute("SELECT count(*) FROM events").fetchone() == (3,)
        with pytest.raises(ValueError, match="repeated"):
            store.add_rows(scored_rows(items[:1] * 2))

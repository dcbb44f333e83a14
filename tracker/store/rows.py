"""Scored articles -> store-ready Arrow tables (pure: no connection, no SQL).

:func:`scored_rows` is what :meth:`Store.add_scored` writes, and what an ingest worker
builds next to the scorer: Arrow tables pickle as flat buffers, so the process that writes
neither unpickles nested dataclasses nor converts them row by row.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

import pyarrow as pa
import pyarrow.compute as pc

from tracker.models import PairScore, ScoredArticle

# articles without ``ingested_at``: the writer stamps it, once per batch, when it inserts
ARTICLE_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("title", pa.string()),
        ("url", pa.string()),
        ("source", pa.string()),
        ("origin", pa.string()),
        ("published_at", pa.date32()),
        ("date_source", pa.string()),
        ("lang", pa.string()),
        ("text", pa.string()),
        ("sentence_count", pa.int32()),
        ("scorer_version", pa.string()),
        ("speaker", pa.string()),
    ]
)
INGESTED_AT = pa.field("ingested_at", pa.timestamp("us"))
SENTENCE_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("published_at", pa.date32()),
        ("pair_a", pa.string()),
        ("pair_b", pa.string()),
        ("sentence_index", pa.int32()),
        ("source", pa.string()),
        ("target", pa.string()),
        ("tone", pa.float64()),
        ("text", pa.string()),
        ("mentions", pa.string()),
    ]
)
EVENT_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("published_at", pa.date32()),
        ("pair_a", pa.string()),
        ("pair_b", pa.string()),
        ("sentence_index", pa.int32()),
        ("source", pa.string()),
        ("target", pa.string()),
        ("category", pa.string()),
        ("mode", pa.string()),
        ("intensity", pa.float64()),
        ("cameo", pa.string()),
        ("quad_class", pa.int32()),
        ("span_start", pa.int32()),
        ("span_end", pa.int32()),
        ("rule", pa.string()),
        ("year", pa.int32()),
        ("source_basis", pa.string()),
    ]
)


@dataclass(frozen=True, slots=True)
class ScoredRows:
    """The rows of a batch of scored articles, one Arrow table per stored table.

    Articles in batch order (``ids``), each article's sentences and events after it.
    """

    articles: pa.Table
    sentences: pa.Table
    events: pa.Table

    @property
    def ids(self) -> list[str]:
        return self.articles.column("id").to_pylist()

    def __len__(self) -> int:
        return self.articles.num_rows

    def without(self, ids: Collection[str]) -> ScoredRows:
        """These rows minus the articles (and their sentences and events) in ``ids``."""
        if not ids:
            return self
        drop = pa.array(list(ids), pa.string())
        return ScoredRows(
            _drop(self.articles, "id", drop),
            _drop(self.sentences, "article_id", drop),
            _drop(self.events, "article_id", drop),
        )


def _drop(table: pa.Table, column: str, ids: pa.Array) -> pa.Table:
    return table.filter(pc.invert(pc.is_in(table.column(column), value_set=ids)))


def concat_rows(parts: Sequence[ScoredRows]) -> ScoredRows:
    """One batch from several (chunks of a window), order kept; no copy of the buffers."""
    if len(parts) == 1:
        return parts[0]
    if not parts:
        return scored_rows(())
    return ScoredRows(
        pa.concat_tables([p.articles for p in parts]),
        pa.concat_tables([p.sentences for p in parts]),
        pa.concat_tables([p.events for p in parts]),
    )


def scored_rows(items: Sequence[ScoredArticle]) -> ScoredRows:
    """The store rows of these scored articles (enum values as strings, mentions as JSON)."""
    articles: list[tuple] = []
    sentences: list[tuple] = []
    events: list[tuple] = []
    for item in items:
        articles.append(_article_row(item))
        key = (item.article.id, item.article.published_at)
        for pair_score in item.pairs:
            sentences.extend(_sentence_rows(key, pair_score))
            events.extend(_event_rows(key, pair_score))
    return ScoredRows(
        _table(articles, ARTICLE_SCHEMA),
        _table(sentences, SENTENCE_SCHEMA),
        _table(events, EVENT_SCHEMA),
    )


def _article_row(item: ScoredArticle) -> tuple:
    a = item.article
    return (
        a.id,
        a.title,
        a.url,
        a.source,
        a.origin,
        a.published_at,
        str(a.date_source),
        a.lang,
        a.text,
        item.sentence_count,
        item.scorer_version,
        a.speaker,
    )


def _sentence_rows(key: tuple[str, date], pair_score: PairScore) -> Iterator[tuple]:
    article_id, published_at = key
    pair_a, pair_b = pair_score.pair
    return (
        (
            article_id,
            published_at,
            pair_a,
            pair_b,
            s.sentence_index,
            s.source,
            s.target,
            s.tone,
            s.text,
            json.dumps([[m.start, m.end, m.code, m.kind, m.surface] for m in s.mentions]),
        )
        for s in pair_score.sentences
    )


def _event_rows(key: tuple[str, date], pair_score: PairScore) -> Iterator[tuple]:
    article_id, published_at = key
    pair_a, pair_b = pair_score.pair
    return (
        (
            article_id,
            published_at,
            pair_a,
            pair_b,
            e.sentence_index,
            e.source,
            e.target,
            e.category,
            str(e.mode),
            e.intensity,
            e.cameo,
            e.quad_class,
            e.span_start,
            e.span_end,
            e.rule,
            e.year,
            e.source_basis,
        )
        for e in pair_score.events
    )


def _table(rows: list[tuple], schema: pa.Schema) -> pa.Table:
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(schema)
    arrays = [pa.array(column, field.type) for column, field in zip(columns, schema, strict=True)]
    return pa.Table.from_arrays(arrays, schema=schema)

"""Scored articles -> store-ready Arrow tables (pure: no connection, no SQL).

:func:`scored_rows` is what :meth:`Store.add_scored` writes, and what an ingest worker
builds next to the scorer: Arrow tables pickle as flat buffers, so the process that writes
neither unpickles nested dataclasses nor converts them row by row.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring_ascii as _quote

import pyarrow as pa
import pyarrow.compute as pc

from tracker.models import DyadSentence, Event, Mention, ScoredArticle

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
    """The store rows of these scored articles (enum values as strings, mentions as JSON).

    Built column by column (one comprehension per column over the flat list of sentences
    or events) rather than row by row: an ingest worker does this for every article."""
    articles = [item.article for item in items]
    sentences: list[DyadSentence] = []
    events: list[Event] = []
    keys: list[list] = [[], [], [], []]  # article id, date, pair_a, pair_b of each sentence
    event_keys: list[list] = [[], [], [], []]  # the same for each event
    for item in items:
        a = item.article
        for pair_score in item.pairs:
            key = (a.id, a.published_at, *pair_score.pair)
            sentences.extend(pair_score.sentences)
            _repeat(keys, key, len(pair_score.sentences))
            events.extend(pair_score.events)
            _repeat(event_keys, key, len(pair_score.events))
    return ScoredRows(
        _columns(_article_columns(items, articles), ARTICLE_SCHEMA),
        _columns(_sentence_columns(keys, sentences), SENTENCE_SCHEMA),
        _columns(_event_columns(event_keys, events), EVENT_SCHEMA),
    )


def _repeat(columns: list[list], key: tuple, n: int) -> None:
    for column, value in zip(columns, key, strict=True):
        column.extend([value] * n)


def _article_columns(items: Sequence[ScoredArticle], articles: list) -> list[list]:
    return [
        [a.id for a in articles],
        [a.title for a in articles],
        [a.url for a in articles],
        [a.source for a in articles],
        [a.origin for a in articles],
        [a.published_at for a in articles],
        [str(a.date_source) for a in articles],
        [a.lang for a in articles],
        [a.text for a in articles],
        [item.sentence_count for item in items],
        [item.scorer_version for item in items],
        [a.speaker for a in articles],
    ]


def _sentence_columns(keys: list[list], sentences: list[DyadSentence]) -> list[list]:
    return [
        *keys,
        [s.sentence_index for s in sentences],
        [s.source for s in sentences],
        [s.target for s in sentences],
        [s.tone for s in sentences],
        [s.text for s in sentences],
        [_mentions_json(s.mentions) for s in sentences],
    ]


def _mentions_json(mentions: Sequence[Mention]) -> str:
    """``json.dumps([[start, end, code, kind, surface], ...])``, character for character,
    without building an encoder per call (the default separators, ASCII escapes)."""
    return (
        "["
        + ", ".join([
            f"[{m.start:d}, {m.end:d}, {_quote(m.code)}, {_quote(m.kind)}, {_quote(m.surface)}]"
            for m in mentions
        ])
        + "]"
    )  # fmt: skip


def _event_columns(keys: list[list], events: list[Event]) -> list[list]:
    return [
        *keys,
        [e.sentence_index for e in events],
        [e.source for e in events],
        [e.target for e in events],
        [e.category for e in events],
        [str(e.mode) for e in events],
        [e.intensity for e in events],
        [e.cameo for e in events],
        [e.quad_class for e in events],
        [e.span_start for e in events],
        [e.span_end for e in events],
        [e.rule for e in events],
        [e.year for e in events],
        [e.source_basis for e in events],
    ]


def _columns(columns: list[list], schema: pa.Schema) -> pa.Table:
    arrays = [pa.array(column, field.type) for column, field in zip(columns, schema, strict=True)]
    return pa.Table.from_arrays(arrays, schema=schema)

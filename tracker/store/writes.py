"""Writes: scored articles in bulk through Arrow tables and ``INSERT ... SELECT``.

One transaction per batch: a batch lands whole or not at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pyarrow as pa

from tracker.models import ScoredArticle
from tracker.store.connection import StoreConnection, utc_now
from tracker.store.schema import TONE_AGGREGATES

_ARTICLE_SCHEMA = pa.schema(
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
        ("ingested_at", pa.timestamp("us")),
    ]
)
_SENTENCE_SCHEMA = pa.schema(
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
_EVENT_SCHEMA = pa.schema(
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
    ]
)


@dataclass(frozen=True, slots=True)
class AddResult:
    """What one batch did: ids added, ids that were already stored (or repeated in the batch)."""

    added: tuple[str, ...] = ()
    duplicates: tuple[str, ...] = ()


@dataclass
class _Rows:
    articles: list[dict] = field(default_factory=list)
    sentences: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)


class StoreWrites(StoreConnection):
    """Adding and replacing scored articles."""

    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are already stored."""
        table = pa.table({"id": pa.array(list(ids), pa.string())})
        self.con.register("_ids", table)
        try:
            found = self.con.execute("SELECT a.id FROM articles a JOIN _ids USING (id)").fetchall()
        finally:
            self.con.unregister("_ids")
        return {row[0] for row in found}

    def add_scored(self, items: Sequence[ScoredArticle]) -> AddResult:
        """Store a batch of scored articles in one transaction; duplicates are skipped."""
        if not items:
            return AddResult()
        stored = self.existing_ids(item.article.id for item in items)
        fresh: list[ScoredArticle] = []
        duplicates: list[str] = []
        seen: set[str] = set()
        for item in items:
            article_id = item.article.id
            if article_id in stored or article_id in seen:
                duplicates.append(article_id)
            else:
                seen.add(article_id)
                fresh.append(item)
        rows = _rows_of(fresh)
        with self._transaction():
            self._insert_rows(rows)
        return AddResult(tuple(item.article.id for item in fresh), tuple(duplicates))

    def replace_scores(self, items: Sequence[ScoredArticle]) -> None:
        """Swap the scores of stored articles for new ones (rescore), in one transaction."""
        if not items:
            return
        rows = _rows_of(items)
        ids = pa.table({"id": pa.array([item.article.id for item in items], pa.string())})
        self.con.register("_ids", ids)
        try:
            with self._transaction():
                tables = [table for table, _ in TONE_AGGREGATES] + ["dyad_sentences", "events"]
                for table in tables:  # constants, never input
                    sql = f"DELETE FROM {table} WHERE article_id IN (SELECT id FROM _ids)"  # noqa: S608
                    self.con.execute(sql)
                self.con.execute("DELETE FROM articles WHERE id IN (SELECT id FROM _ids)")
                self._insert_rows(rows)
        finally:
            self.con.unregister("_ids")

    def rebuild_tone_aggregates(self) -> None:
        """Recompute article_pair_tone and article_direction_tone from dyad_sentences.

        One transaction. For stores filled by SQL rather than through :meth:`add_scored`
        (the benchmark's synthetic store); migration 2 ran the same statements.
        """
        with self._transaction():
            for table, select in TONE_AGGREGATES:  # constants, never input
                self.con.execute(f"DELETE FROM {table}")  # noqa: S608
                self.con.execute(f"INSERT INTO {table} {select.format(rows='dyad_sentences')}")

    def _insert_rows(self, rows: _Rows) -> None:
        for table, schema, data in (
            ("articles", _ARTICLE_SCHEMA, rows.articles),
            ("dyad_sentences", _SENTENCE_SCHEMA, rows.sentences),
            ("events", _EVENT_SCHEMA, rows.events),
        ):
            if not data:
                continue
            arrow = pa.Table.from_pylist(data, schema=schema)
            self.con.register("_batch", arrow)
            try:
                # table comes from the fixed tuple above, never from input
                self.con.execute(f"INSERT INTO {table} SELECT * FROM _batch")  # noqa: S608
                if table == "dyad_sentences":  # the per-article aggregates of the same rows
                    for aggregate, select in TONE_AGGREGATES:
                        self.con.execute(f"INSERT INTO {aggregate} {select.format(rows='_batch')}")
            finally:
                self.con.unregister("_batch")


def _rows_of(items: Sequence[ScoredArticle]) -> _Rows:
    rows = _Rows()
    now = utc_now()
    for item in items:
        a = item.article
        rows.articles.append(
            {
                "id": a.id,
                "title": a.title,
                "url": a.url,
                "source": a.source,
                "origin": a.origin,
                "published_at": a.published_at,
                "date_source": str(a.date_source),
                "lang": a.lang,
                "text": a.text,
                "sentence_count": item.sentence_count,
                "scorer_version": item.scorer_version,
                "ingested_at": now,
            }
        )
        for pair_score in item.pairs:
            pair_a, pair_b = pair_score.pair
            for s in pair_score.sentences:
                rows.sentences.append(
                    {
                        "article_id": a.id,
                        "published_at": a.published_at,
                        "pair_a": pair_a,
                        "pair_b": pair_b,
                        "sentence_index": s.sentence_index,
                        "source": s.source,
                        "target": s.target,
                        "tone": s.tone,
                        "text": s.text,
                        "mentions": json.dumps(
                            [[m.start, m.end, m.code, m.kind, m.surface] for m in s.mentions]
                        ),
                    }
                )
            for e in pair_score.events:
                rows.events.append(
                    {
                        "article_id": a.id,
                        "published_at": a.published_at,
                        "pair_a": pair_a,
                        "pair_b": pair_b,
                        "sentence_index": e.sentence_index,
                        "source": e.source,
                        "target": e.target,
                        "category": e.category,
                        "mode": str(e.mode),
                        "intensity": e.intensity,
                        "cameo": e.cameo,
                        "quad_class": e.quad_class,
                        "span_start": e.span_start,
                        "span_end": e.span_end,
                        "rule": e.rule,
                        "year": e.year,
                    }
                )
    return rows

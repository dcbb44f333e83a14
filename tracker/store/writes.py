"""Writes: scored articles in bulk through Arrow tables and ``INSERT ... SELECT``.

One transaction per batch: a batch lands whole or not at all. The rows come from
:func:`tracker.store.rows.scored_rows`, built here (``add_scored``) or by the caller
(``add_rows``: ingest workers build them beside the scorer).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pyarrow as pa

from tracker.models import ScoredArticle
from tracker.store.connection import StoreConnection, utc_now
from tracker.store.rows import INGESTED_AT, ScoredRows, scored_rows
from tracker.store.schema import TONE_AGGREGATES

# Every table with one or more rows per article (article_id), besides articles itself.
_SCORE_TABLES = (*(table for table, _ in TONE_AGGREGATES), "dyad_sentences", "events")


@dataclass(frozen=True, slots=True)
class AddResult:
    """What one batch did: ids added, ids that were already stored (or repeated in the batch)."""

    added: tuple[str, ...] = ()
    duplicates: tuple[str, ...] = ()


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
        fresh: list[ScoredArticle] = []
        seen: set[str] = set()
        for item in items:
            if item.article.id not in seen:
                seen.add(item.article.id)
                fresh.append(item)
        stored = set(self.add_rows(scored_rows(fresh)).duplicates)
        duplicates: list[str] = []  # in batch order, as the items came
        seen.clear()
        for item in items:
            article_id = item.article.id
            if article_id in stored or article_id in seen:
                duplicates.append(article_id)
            else:
                seen.add(article_id)
        added = tuple(item.article.id for item in fresh if item.article.id not in stored)
        return AddResult(added, tuple(duplicates))

    def add_rows(self, rows: ScoredRows) -> AddResult:
        """Store prepared rows (ids unique in the batch) in one transaction; stored ids skipped."""
        ids = rows.ids
        if len(set(ids)) != len(ids):
            raise ValueError("add_rows: an article id is repeated in the batch")
        if not ids:
            return AddResult()
        stored = self.existing_ids(ids)
        with self._transaction():
            self._insert_rows(rows.without(stored))
        return AddResult(
            tuple(i for i in ids if i not in stored), tuple(i for i in ids if i in stored)
        )

    def replace_scores(self, items: Sequence[ScoredArticle]) -> None:
        """Swap the scores of stored articles for new ones (rescore), in one transaction."""
        self.replace_rows(scored_rows(items))

    def replace_rows(self, rows: ScoredRows) -> None:
        """:meth:`replace_scores` with prepared rows."""
        if not len(rows):
            return
        ids = pa.table({"id": rows.articles.column("id")})
        self.con.register("_ids", ids)
        try:
            with self._transaction():
                for table in _SCORE_TABLES:  # constants, never input
                    sql = f"DELETE FROM {table} WHERE article_id IN (SELECT id FROM _ids)"  # noqa: S608
                    self.con.execute(sql)
                self.con.execute("DELETE FROM articles WHERE id IN (SELECT id FROM _ids)")
                self._insert_rows(rows)
        finally:
            self.con.unregister("_ids")

    def remove_articles(self, ids: Iterable[str]) -> tuple[str, ...]:
        """Delete these articles and every score row of theirs, in one transaction.

        Returns the ids that were stored (and are now gone), in the order given; unknown ids
        are ignored. The timeline reads the same tables, so it changes at once.
        """
        wanted = list(dict.fromkeys(str(i) for i in ids))
        if not wanted:
            return ()
        stored = self.existing_ids(wanted)
        if not stored:
            return ()
        table = pa.table({"id": pa.array(sorted(stored), pa.string())})
        self.con.register("_ids", table)
        try:
            with self._transaction():
                for name in _SCORE_TABLES:  # constants, never input
                    sql = f"DELETE FROM {name} WHERE article_id IN (SELECT id FROM _ids)"  # noqa: S608
                    self.con.execute(sql)
                self.con.execute("DELETE FROM demo_articles WHERE id IN (SELECT id FROM _ids)")
                self.con.execute("DELETE FROM articles WHERE id IN (SELECT id FROM _ids)")
        finally:
            self.con.unregister("_ids")
        return tuple(i for i in wanted if i in stored)

    def mark_demo(self, ids: Iterable[str]) -> None:
        """Record these stored ids as the demo corpus (see :meth:`only_demo_data`)."""
        table = pa.table({"id": pa.array(sorted(set(ids)), pa.string())})
        if not table.num_rows:
            return
        self.con.register("_ids", table)
        try:
            with self._transaction():
                self.con.execute(
                    "INSERT INTO demo_articles SELECT id FROM _ids "
                    "WHERE id NOT IN (SELECT id FROM demo_articles)"
                )
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

    def _insert_rows(self, rows: ScoredRows) -> None:
        now = pa.scalar(utc_now(), INGESTED_AT.type)
        articles = rows.articles.append_column(INGESTED_AT, pa.repeat(now, len(rows)))
        for table, arrow in (
            ("articles", articles),
            ("dyad_sentences", rows.sentences),
            ("events", rows.events),
        ):
            if not arrow.num_rows:
                continue
            self.con.register("_batch", arrow)
            try:
                # table comes from the fixed tuple above, never from input
                # by name: later migrations append columns (articles.speaker after ingested_at)
                self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _batch")  # noqa: S608
                if table == "dyad_sentences":  # the per-article aggregates of the same rows
                    for aggregate, select in TONE_AGGREGATES:
                        self.con.execute(f"INSERT INTO {aggregate} {select.format(rows='_batch')}")
            finally:
                self.con.unregister("_batch")

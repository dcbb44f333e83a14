"""Reads of whole articles and of the pairs present (rescoring, CLI listings)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import pyarrow as pa

from tracker.models import Article, DateSource
from tracker.store.connection import StoreConnection


class StoreArticleReads(StoreConnection):
    """Reads for rescoring and for users: ids, stale counts, articles, pairs."""

    # -- reads for rescoring -----------------------------------------------------------------
    def article_ids(self, *, stale_for: str | None = None) -> list[str]:
        """Ids of stored articles; with ``stale_for``, only those scored by another version."""
        rows = self.con.execute(
            "SELECT id FROM articles WHERE ?::VARCHAR IS NULL OR scorer_version <> ? ORDER BY id",
            [stale_for, stale_for],
        ).fetchall()
        return [r[0] for r in rows]

    def articles_by_ids(self, ids: Sequence[str]) -> list[Article]:
        table = pa.table({"id": pa.array(list(ids), pa.string())})
        self.con.register("_ids", table)
        try:
            rows = self.con.execute(
                "SELECT id, origin, title, text, published_at, date_source, url, source, lang, "
                "speaker "
                "FROM articles JOIN _ids USING (id) ORDER BY id"
            ).fetchall()
        finally:
            self.con.unregister("_ids")
        return [
            Article(
                id=r[0],
                origin=r[1],
                title=r[2],
                text=r[3],
                published_at=r[4],
                date_source=DateSource(r[5]),
                url=r[6],
                source=r[7],
                lang=r[8],
                speaker=r[9],
            )
            for r in rows
        ]

    # -- reads for users ---------------------------------------------------------------------
    def article_count(self) -> int:
        return self.con.execute("SELECT count(*) FROM articles").fetchall()[0][0]

    def pairs(self) -> pd.DataFrame:
        """Pairs present, with article, sentence and event counts and their date span."""
        return self.con.execute(
            """
            WITH s AS (
                SELECT pair_a, pair_b, count(DISTINCT article_id) AS articles,
                       count(*) AS sentences, min(published_at) AS first_date,
                       max(published_at) AS last_date
                FROM dyad_sentences GROUP BY pair_a, pair_b
            ), e AS (
                SELECT pair_a, pair_b, count(*) AS events FROM events GROUP BY pair_a, pair_b
            )
            SELECT s.pair_a, s.pair_b, s.articles, s.sentences, coalesce(e.events, 0) AS events,
                   s.first_date, s.last_date
            FROM s LEFT JOIN e USING (pair_a, pair_b)
            ORDER BY s.articles DESC, s.pair_a, s.pair_b
            """
        ).df()

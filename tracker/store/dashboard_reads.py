"""Reads for the dashboard (owned by tracker/ui and tracker/report.py).

Pairs are bound as two lists (``_WANTED``: first and second codes, unnested into rows) and
every query SEMI JOINs its tables to them before grouping or joining, so a read costs the
chosen pairs' rows, not the whole database; ids are bound as a list (list_contains), every
other value is bound too; no identifier from input. (No register(): in DuckDB 2 it fails
while an earlier result on the connection is unread.)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from tracker.store.connection import StoreConnection

# The wanted pairs as rows (pair_a, pair_b); binds two lists, see _pair_lists.
_WANTED = "wanted AS (SELECT unnest(?::VARCHAR[]) AS pair_a, unnest(?::VARCHAR[]) AS pair_b)"
# Optional [start, end] on a published_at column; binds start, start, end, end.
_DATES = "(?::DATE IS NULL OR published_at >= ?) AND (?::DATE IS NULL OR published_at <= ?)"


class StoreDashboardReads(StoreConnection):
    """Articles, events and sentences of chosen pairs and dates, and a data version token."""

    def data_version(self) -> tuple[int, str]:
        """A token that changes when articles are added or rescored: (count, max ingested_at)."""
        ((count, latest),) = self.con.execute(
            "SELECT count(*), max(ingested_at) FROM articles"
        ).fetchall()
        return int(count), str(latest or "")

    def only_demo_data(self) -> bool:
        """True while the store holds the demo corpus and nothing else (migration 4's
        demo_articles); False on a database from before it (nothing was recorded there)."""
        known = self.con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'demo_articles'"
        ).fetchall()[0][0]
        if not known:
            return False
        ((demo, other),) = self.con.execute(
            "SELECT (SELECT count(*) FROM demo_articles), "
            "(SELECT count(*) FROM articles WHERE id NOT IN (SELECT id FROM demo_articles))"
        ).fetchall()
        return demo > 0 and other == 0

    @staticmethod
    def _pair_lists(pairs: Sequence[tuple[str, str]]) -> list[list[str]]:
        """Pairs (codes sorted, as stored) as two bound lists: first codes, second codes."""
        ordered = [sorted(p) for p in pairs]
        return [[a for a, _ in ordered], [b for _, b in ordered]]

    def dashboard_events(
        self,
        pairs: Sequence[tuple[str, str]],
        *,
        start: date | None = None,
        end: date | None = None,
    ) -> pd.DataFrame:
        """Event rows of these pairs in [start, end], with title, outlet and sentence text.

        ``span_start``/``span_end`` locate the trigger in ``text`` (the sentence).
        """
        dates = [start, start, end, end]
        return self.con.execute(
            f"""
            WITH {_WANTED},
            ev AS (
                SELECT * FROM events SEMI JOIN wanted USING (pair_a, pair_b) WHERE {_DATES}
            ),
            s AS (
                SELECT article_id, pair_a, pair_b, sentence_index, any_value(text) AS text
                FROM dyad_sentences
                SEMI JOIN ev USING (article_id, pair_a, pair_b, sentence_index)
                GROUP BY ALL
            )
            SELECT e.article_id, a.title, a.source AS outlet, e.published_at, e.pair_a,
                   e.pair_b, e.sentence_index, e.source, e.target, e.category, e.mode,
                   e.intensity, e.quad_class, e.cameo, e.span_start, e.span_end, e.year, s.text
            FROM ev e
            JOIN articles a ON a.id = e.article_id
            LEFT JOIN s USING (article_id, pair_a, pair_b, sentence_index)
            ORDER BY e.published_at, e.pair_a, e.pair_b, e.article_id, e.sentence_index
            """,  # noqa: S608 - only this module's constants are formatted in
            [*self._pair_lists(pairs), *dates],
        ).df()

    def dashboard_articles(
        self,
        pairs: Sequence[tuple[str, str]],
        *,
        start: date | None = None,
        end: date | None = None,
    ) -> pd.DataFrame:
        """One row per article and pair in [start, end] with its scores for that pair.

        Columns: published_at, pair_a, pair_b, title, outlet, url, date_source, article_id,
        sentences (dyadic), tone (mean of the dyadic sentences), events, cooperation
        (quads 1-2), conflict (quads 3-4).
        """
        dates = [start, start, end, end]
        return self.con.execute(
            f"""
            WITH {_WANTED},
            s AS (
                SELECT article_id, pair_a, pair_b, count(*) AS sentences, avg(tone) AS tone
                FROM dyad_sentences SEMI JOIN wanted USING (pair_a, pair_b)
                WHERE {_DATES}
                GROUP BY ALL
            ),
            e AS (
                SELECT article_id, pair_a, pair_b, count(*) AS events,
                       count(*) FILTER (WHERE quad_class <= 2) AS cooperation,
                       count(*) FILTER (WHERE quad_class >= 3) AS conflict
                FROM events SEMI JOIN wanted USING (pair_a, pair_b)
                WHERE {_DATES}
                GROUP BY ALL
            )
            SELECT a.published_at, s.pair_a, s.pair_b, a.title, a.source AS outlet, a.url,
                   a.date_source, s.article_id, s.sentences, s.tone,
                   coalesce(e.events, 0) AS events,
                   coalesce(e.cooperation, 0) AS cooperation,
                   coalesce(e.conflict, 0) AS conflict
            FROM s JOIN articles a ON a.id = s.article_id
            LEFT JOIN e USING (article_id, pair_a, pair_b)
            ORDER BY a.published_at DESC, s.pair_a, s.pair_b, a.title
            """,  # noqa: S608 - only this module's constants are formatted in
            [*self._pair_lists(pairs), *dates, *dates],
        ).df()

    def dashboard_sentences(
        self, pair: tuple[str, str], article_ids: Sequence[str]
    ) -> pd.DataFrame:
        """Dyadic sentences of a pair in these articles, with mentions (JSON) for highlighting."""
        pair_a, pair_b = sorted(pair)
        return self.con.execute(
            """
            SELECT d.article_id, a.title, d.published_at, d.sentence_index, d.source,
                   d.target, d.tone, d.text, d.mentions
            FROM dyad_sentences d JOIN articles a ON a.id = d.article_id
            WHERE d.pair_a = ? AND d.pair_b = ? AND list_contains(?::VARCHAR[], d.article_id)
            ORDER BY d.published_at, d.article_id, d.sentence_index
            """,
            [pair_a, pair_b, list(article_ids)],
        ).df()

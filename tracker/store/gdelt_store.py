"""GDELT 2.0 events imported beside our articles (tracker/gdelt/): the ``gdelt_events``
table of migration 5.

Writes are idempotent by GLOBALEVENTID: a row already stored is counted and skipped. Reads
aggregate per day in DuckDB; tracker/index/gdelt.py turns the days into periods.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd
import pyarrow as pa

from tracker.store.connection import StoreConnection, utc_now

# Column order of gdelt_events without imported_at (added at write time).
GDELT_COLUMNS: tuple[str, ...] = (
    "global_event_id",
    "day",
    "pair_a",
    "pair_b",
    "source",
    "target",
    "event_code",
    "quad_class",
    "goldstein",
    "avg_tone",
    "num_mentions",
    "num_articles",
    "is_root_event",
    "source_url",
    "file",
)
GDELT_DAY_COLUMNS = ("day", "events", "goldstein_sum", "tone_sum")


class StoreGdelt(StoreConnection):
    """GDELT event rows: added in batches, read per pair and day."""

    def add_gdelt_events(self, rows: pa.Table) -> tuple[int, int]:
        """Store a batch (columns GDELT_COLUMNS) in one transaction: (added, already stored).

        A GLOBALEVENTID repeated inside the batch is stored once (the first row)."""
        if not rows.num_rows:
            return 0, 0
        batch = rows.select(list(GDELT_COLUMNS))
        self.con.register("_gdelt", batch)
        try:
            with self._transaction():
                before = self._gdelt_count()
                self.con.execute(
                    """
                    INSERT INTO gdelt_events
                    SELECT * EXCLUDE (row_number), ? AS imported_at FROM (
                        SELECT *, row_number() OVER (PARTITION BY global_event_id) AS row_number
                        FROM _gdelt g
                        WHERE NOT EXISTS (SELECT 1 FROM gdelt_events e
                                          WHERE e.global_event_id = g.global_event_id)
                    ) WHERE row_number = 1
                    """,
                    [utc_now()],
                )
                added = self._gdelt_count() - before
        finally:
            self.con.unregister("_gdelt")
        return added, batch.num_rows - added

    def _gdelt_count(self) -> int:
        return int(self.con.execute("SELECT count(*) FROM gdelt_events").fetchall()[0][0])

    def gdelt_version(self) -> tuple[int, str]:
        """A token that changes when GDELT rows are imported: (count, last imported_at)."""
        try:
            ((count, latest),) = self.con.execute(
                "SELECT count(*), max(imported_at) FROM gdelt_events"
            ).fetchall()
        except duckdb.CatalogException:  # a file older than migration 5, opened read-only
            return 0, ""
        return int(count), str(latest or "")

    def gdelt_pairs(self) -> pd.DataFrame:
        """Pairs with GDELT rows: pair_a, pair_b, events, first_date, last_date."""
        try:
            return self.con.execute(
                "SELECT pair_a, pair_b, count(*) AS events, min(day) AS first_date, "
                "max(day) AS last_date FROM gdelt_events GROUP BY ALL ORDER BY events DESC"
            ).df()
        except duckdb.CatalogException:
            return pd.DataFrame(columns=["pair_a", "pair_b", "events", "first_date", "last_date"])

    def gdelt_days(
        self,
        pair: tuple[str, str],
        *,
        start: date | None = None,
        end: date | None = None,
        direction: tuple[str, str] | None = None,
        root_only: bool = False,
    ) -> pd.DataFrame:
        """Per day: events (rows), goldstein_sum and tone_sum (sums over the rows).

        ``direction=(a, b)``: only rows with Actor1 a and Actor2 b. ``root_only``: only
        rows GDELT flags IsRootEvent (the event of a paragraph's lead sentence)."""
        pair_a, pair_b = sorted(pair)
        src, dst = direction if direction is not None else (None, None)
        sql = """
            SELECT day, count(*)::BIGINT AS events, sum(goldstein) AS goldstein_sum,
                   sum(avg_tone) AS tone_sum
            FROM gdelt_events
            WHERE pair_a = ? AND pair_b = ?
              AND (?::DATE IS NULL OR day >= ?) AND (?::DATE IS NULL OR day <= ?)
              AND (?::VARCHAR IS NULL OR (source = ? AND target = ?))
              AND (NOT ? OR is_root_event)
            GROUP BY day ORDER BY day
        """
        params = [pair_a, pair_b, start, start, end, end, src, src, dst, root_only]
        try:
            return self.con.execute(sql, params).df()
        except duckdb.CatalogException:
            return pd.DataFrame(columns=list(GDELT_DAY_COLUMNS))

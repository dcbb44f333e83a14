"""The SQL a cluster task runs on its own batch (an in-memory DuckDB, no store file).

A batch bound for a Parquet archive needs the per-article tone tables that
:meth:`Store.add_rows` builds beside the sentences: the same ``TONE_AGGREGATES`` statements,
so archived and stored rows agree to the bit (the signatures are DuckDB ``hash`` values:
workers and readers should run the same DuckDB version; docs/scale.md).
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from tracker.store.connection import utc_now
from tracker.store.rows import INGESTED_AT, ScoredRows
from tracker.store.schema import TONE_AGGREGATES

# The archive's tables, their hive partition columns (in the paths, not the files) and the
# order of rows inside a file (tracker/archive/layout.py: partitioned by month, clustered
# by pair, so a read of one pair skips the other pairs' row groups by their statistics).
ARCHIVE_PARTITIONS: dict[str, tuple[str, ...]] = {
    "articles": ("month",),
    "dyad_sentences": ("month",),
    "events": ("month",),
    **{table: ("month",) for table, _ in TONE_AGGREGATES},
}
_BY_PAIR = ("pair_a", "pair_b", "published_at", "article_id")
ARCHIVE_CLUSTERING: dict[str, tuple[str, ...]] = {
    "articles": ("published_at", "id"),
    **{table: _BY_PAIR for table in ARCHIVE_PARTITIONS if table != "articles"},
}


def table_glob(location: str, table: str) -> str:
    """The glob DuckDB reads a table's files with (one ``*`` per partition level)."""
    levels = "/".join("*" for _ in ARCHIVE_PARTITIONS[table])
    return f"{location.rstrip('/')}/{table}/{levels}/*.parquet"


def archive_tables(rows: ScoredRows) -> dict[str, pa.Table]:
    """Every archive table's rows for this batch (articles stamped with ``ingested_at``)."""
    now = pa.scalar(utc_now(), INGESTED_AT.type)
    tables = {
        "articles": rows.articles.append_column(INGESTED_AT, pa.repeat(now, len(rows))),
        "dyad_sentences": rows.sentences,
        "events": rows.events,
    }
    con = duckdb.connect()
    try:
        con.register("_batch", rows.sentences)
        for table, select in TONE_AGGREGATES:  # constants, never input
            tables[table] = con.sql(select.format(rows="_batch")).to_arrow_table()
    finally:
        con.close()
    return tables

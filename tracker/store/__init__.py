"""The DuckDB store. ALL SQL of the project lives in this package.

:class:`Store` combines one part per job, each in its own module:

- ``connection``: path, per-path lock, retry while busy ("busy, retry" as :class:`StoreBusy`),
  transactions, migrations (the schema itself is in ``schema``);
- ``writes``: scored articles in bulk (Arrow + ``INSERT ... SELECT``), one transaction per batch;
- ``article_reads``: ids, stale counts and articles for rescoring, pairs for listings;
- ``timeline_reads``: per-day aggregates for tracker/timeline.py;
- ``dashboard_reads``: the dashboard's and the report's frames;
- ``source_store``: feeds and pages polled (tracker/sources/), their entries;
- ``gdelt_store``: GDELT 2.0 events imported (tracker/gdelt/), read per pair and day.
- ``archive_views``: Parquet archives attached to the store, read with it (routing);
- ``archive_sql``: what a cluster task computes on its batch for an archive.
"""

from __future__ import annotations

from pathlib import Path

from tracker.errors import StoreBusy, StoreError
from tracker.store.archive_views import StoreArchives
from tracker.store.article_reads import StoreArticleReads
from tracker.store.connection import (
    BUSY_TIMEOUT_S,
    MEMORY,
    StoreConnection,
    WriteHost,
    resolve_db_path,
)
from tracker.store.dashboard_reads import StoreDashboardReads
from tracker.store.gdelt_store import StoreGdelt
from tracker.store.schema import MIGRATIONS, SCHEMA_VERSION
from tracker.store.source_store import StoreSources
from tracker.store.timeline_reads import StoreTimelineReads
from tracker.store.writes import AddResult, StoreWrites

__all__ = [
    "BUSY_TIMEOUT_S",
    "MEMORY",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "AddResult",
    "Store",
    "StoreBusy",
    "StoreConnection",
    "StoreError",
    "WriteHost",
    "resolve_db_path",
]


class Store(
    StoreWrites,
    StoreArticleReads,
    StoreTimelineReads,
    StoreDashboardReads,
    StoreSources,
    StoreGdelt,
    StoreArchives,
    StoreConnection,
):
    """A short-lived connection to the tracker database.

    Use as a context manager: ``with Store(path) as store: ...``. ``read_only=True`` opens
    an existing file without taking the write lock (several readers may share it).
    """

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        read_only: bool = False,
        busy_timeout: float = BUSY_TIMEOUT_S,
        must_exist: bool = False,
        host: WriteHost | None = None,
    ) -> None:
        super().__init__(
            path,
            read_only=read_only,
            busy_timeout=busy_timeout,
            must_exist=must_exist,
            host=host,
        )
        if self.read_only:  # every read sees attached archives (archive_views.route_archives)
            try:
                self.route_archives()
            except BaseException:
                self.close()
                raise

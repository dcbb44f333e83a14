"""Parquet archives read together with the stored articles (``tracker attach``).

``attach_archive`` records an archive in ``attached_archives`` (migration 7) and (re)makes
one persisted view per table, ``archive_<table>``: the union of every attached archive's
files, read with ``read_parquet`` (hive partition month from the paths, unused). The
views live in the database file, so any DuckDB client sees them.

Routing is in ONE place, ``route_archives``, run by every read-only Store (the CLI's and the
dashboard's reads): it shadows each table with a TEMP view of the same name, the stored rows
UNION ALL the archive's rows whose article is not stored (the local copy wins; read-only
connections see no writer, so whether any article is stored is decided once), so every read
query of tracker/store/*_reads.py reads archive + local rows unchanged. Write connections
are never routed: writes go to the tables.

A view cannot bind parameters: the location is written into the view as a quoted SQL string
literal (``_literal``), the only place of the project where a value is not bound.
"""

from __future__ import annotations

import duckdb

from tracker.errors import StoreError
from tracker.store.archive_sql import ARCHIVE_PARTITIONS, table_glob
from tracker.store.connection import StoreConnection, utc_now

ARCHIVE_VIEW = "archive_{table}"
_ARTICLE_KEY = {"articles": "id"}  # every other table names its article article_id


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


ARCHIVES_MIGRATION = 7  # the migration that made attached_archives (tracker/store/schema.py)


class StoreArchives(StoreConnection):
    """Attach, detach and list Parquet archives; route reads over them."""

    def attached_archives(self) -> list[str]:
        if self.schema_version() < ARCHIVES_MIGRATION:
            return []
        rows = self.con.execute(
            "SELECT location FROM attached_archives ORDER BY attached_at, location"
        ).fetchall()
        return [row[0] for row in rows]

    def attach_archive(self, location: str) -> dict[str, int]:
        """Include the archive at ``location`` in every read; its row counts per table.
        Raises StoreError (and changes nothing) when it cannot be read as an archive."""
        with self._transaction():
            self.con.execute(
                "INSERT OR REPLACE INTO attached_archives VALUES (?, ?)", [location, utc_now()]
            )
            counts = self._make_views()
        return counts

    def detach_archive(self, location: str) -> bool:
        """Stop reading ``location``; False when it was not attached."""
        with self._transaction():
            found = self.con.execute(
                "DELETE FROM attached_archives WHERE location = ? RETURNING location", [location]
            ).fetchall()
            self._make_views()
        return bool(found)

    def _make_views(self) -> dict[str, int]:
        locations = self.attached_archives()
        counts: dict[str, int] = {}
        for table in ARCHIVE_PARTITIONS:  # constant names; locations quoted as literals
            view = ARCHIVE_VIEW.format(table=table)
            self.con.execute(f"DROP VIEW IF EXISTS {view}")
            if not locations:
                continue
            hive_types = ", ".join(f"'{p}': 'VARCHAR'" for p in ARCHIVE_PARTITIONS[table])
            files = ", ".join(_literal(table_glob(loc, table)) for loc in locations)
            create = (
                f"CREATE VIEW {view} AS SELECT * EXCLUDE (month) FROM read_parquet("  # noqa: S608
                f"[{files}], hive_partitioning = true, hive_types = {{{hive_types}}})"
            )
            try:
                self.con.execute(create)
                counts[table] = self.con.execute(f"SELECT count(*) FROM {view}").fetchall()[0][0]  # noqa: S608
            except duckdb.Error as error:
                raise StoreError(
                    f"cannot read the archive's {table} (is every location a tracker archive, "
                    f"written by tracker ingest --archive?): {error}"
                ) from error
        return counts

    def route_archives(self) -> None:
        """Shadow each table with stored rows + attached archives' rows (TEMP views: this
        connection only). A no-op without attached archives."""
        if not self.attached_archives():
            return
        catalog = self.con.execute("SELECT current_database()").fetchall()[0][0]
        stored = f"{_identifier(catalog)}.main"
        # the local copy of an article wins; without local articles there is nothing to drop
        # (and the anti-join would cost each read the archive's article ids: ~2x a scan)
        has_local = self.con.execute(f"SELECT EXISTS (FROM {stored}.articles)").fetchall()[0][0]
        for table in ARCHIVE_PARTITIONS:  # constants, never input
            key = _ARTICLE_KEY.get(table, "article_id")
            view = f"{stored}.{ARCHIVE_VIEW.format(table=table)}"
            archived = f"SELECT * FROM {view}"  # noqa: S608 - constants and the catalog name
            if has_local:
                archived = (
                    f"SELECT r.* FROM {view} r ANTI JOIN {stored}.articles l ON r.{key} = l.id"  # noqa: S608
                )
            self._route(
                f"CREATE OR REPLACE TEMP VIEW {table} AS "  # noqa: S608
                f"SELECT * FROM {stored}.{table} UNION ALL BY NAME {archived}"
            )

    def _route(self, sql: str) -> None:
        try:
            self.con.execute(sql)
        except duckdb.Error as error:
            where = ", ".join(self.attached_archives())
            raise StoreError(
                f"an attached archive cannot be read ({where}): {error}; "
                "tracker detach LOCATION stops reading it"
            ) from error

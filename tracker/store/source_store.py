"""Feeds and pages the tracker polls (tracker/sources/): the ``sources`` and ``source_items``
tables of migration 5.

A source row holds its URL, its kind (``feed`` or ``page``), the validators of its last
answer (ETag, Last-Modified: sent back as a conditional request) and what its last poll did.
``source_items`` remembers each entry URL fetched for a source and what it gave (``added``,
``duplicate`` or ``failed`` with the reason), so an entry already stored is skipped before
it is fetched again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

import pyarrow as pa

from tracker.store.connection import StoreConnection, utc_now

_SOURCE_COLUMNS = (
    "id, url, kind, title, etag, last_modified, added_at, last_polled_at, last_status, "
    "last_error, last_added, last_duplicates, last_failed, total_added"
)


@dataclass(frozen=True, slots=True)
class Source:
    """One polled source as stored."""

    id: int
    url: str
    kind: str  # "feed" or "page"
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    added_at: datetime | None = None
    last_polled_at: datetime | None = None
    last_status: str | None = None  # "ok", "not_modified", "failed"
    last_error: str | None = None
    last_added: int = 0
    last_duplicates: int = 0
    last_failed: int = 0
    total_added: int = 0


@dataclass(frozen=True, slots=True)
class ItemOutcome:
    """What fetching one entry gave: status ``added``, ``duplicate`` or ``failed``."""

    url: str
    status: str
    article_id: str | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class PollOutcome:
    """What one poll of a source did, written back to its row."""

    status: str
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    title: str | None = None
    added: int = 0
    duplicates: int = 0
    failed: int = 0


class StoreSources(StoreConnection):
    """Add, list, remove sources; remember their entries and their polls."""

    def add_source(self, url: str, kind: str, title: str | None = None) -> Source:
        """Store a new source; an URL already stored is returned as it is."""
        existing = self.source_by_url(url)
        if existing is not None:
            return existing
        with self._transaction():
            self.con.execute(
                "INSERT INTO sources (url, kind, title, added_at) VALUES (?, ?, ?, ?)",
                [url, kind, title, utc_now()],
            )
        found = self.source_by_url(url)
        assert found is not None
        return found

    def sources(self) -> list[Source]:
        rows = self.con.execute(f"SELECT {_SOURCE_COLUMNS} FROM sources ORDER BY id").fetchall()  # noqa: S608 -- constant
        return [Source(*row) for row in rows]

    def source_by_url(self, url: str) -> Source | None:
        rows = self.con.execute(
            f"SELECT {_SOURCE_COLUMNS} FROM sources WHERE url = ?",  # noqa: S608 -- constant
            [url],
        ).fetchall()
        return Source(*rows[0]) if rows else None

    def source_by_id(self, source_id: int) -> Source | None:
        rows = self.con.execute(
            f"SELECT {_SOURCE_COLUMNS} FROM sources WHERE id = ?",  # noqa: S608 -- constant
            [source_id],
        ).fetchall()
        return Source(*rows[0]) if rows else None

    def remove_source(self, source_id: int) -> bool:
        """Forget a source and its entry log (the articles it brought stay)."""
        with self._transaction():
            self.con.execute("DELETE FROM source_items WHERE source_id = ?", [source_id])
            removed = self.con.execute(
                "DELETE FROM sources WHERE id = ? RETURNING id", [source_id]
            ).fetchall()
        return bool(removed)

    def stored_entry_urls(self, source_id: int, urls: Iterable[str]) -> set[str]:
        """Which entry URLs are already stored: an article with that URL, or an entry of
        this source fetched before whose article id is stored (added, or a duplicate of
        an article stored under another URL)."""
        table = pa.table({"url": pa.array(list(dict.fromkeys(urls)), pa.string())})
        if not table.num_rows:
            return set()
        self.con.register("_urls", table)
        try:
            rows = self.con.execute(
                """
                SELECT u.url FROM _urls u
                WHERE EXISTS (SELECT 1 FROM articles a WHERE a.url = u.url)
                   OR EXISTS (SELECT 1 FROM source_items i JOIN articles a
                              ON a.id = i.article_id
                              WHERE i.source_id = ? AND i.url = u.url)
                """,
                [source_id],
            ).fetchall()
        finally:
            self.con.unregister("_urls")
        return {row[0] for row in rows}

    def record_poll(
        self, source_id: int, outcome: PollOutcome, items: Sequence[ItemOutcome] = ()
    ) -> None:
        """Write back one poll: validators (kept when the answer had none), counts, entries."""
        now = utc_now()
        with self._transaction():
            self.con.execute(
                """
                UPDATE sources SET
                    etag = coalesce(?, etag), last_modified = coalesce(?, last_modified),
                    title = coalesce(?, title), last_polled_at = ?, last_status = ?,
                    last_error = ?, last_added = ?, last_duplicates = ?, last_failed = ?,
                    total_added = total_added + ?
                WHERE id = ?
                """,
                [
                    outcome.etag,
                    outcome.last_modified,
                    outcome.title,
                    now,
                    outcome.status,
                    outcome.error,
                    outcome.added,
                    outcome.duplicates,
                    outcome.failed,
                    outcome.added,
                    source_id,
                ],
            )
            for item in items:
                self.con.execute(
                    "INSERT OR REPLACE INTO source_items VALUES (?, ?, ?, ?, ?, ?)",
                    [source_id, item.url, item.article_id, item.status, item.error, now],
                )

    def source_items(self, source_id: int):
        """The entry log of a source, newest first (a DataFrame)."""
        return self.con.execute(
            "SELECT url, status, article_id, error, fetched_at FROM source_items "
            "WHERE source_id = ? ORDER BY fetched_at DESC, url",
            [source_id],
        ).df()

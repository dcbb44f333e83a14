"""Opening the database: path, per-path lock, retry while busy, transactions, migrations.

Connections are short-lived: open, do one job, close. DuckDB lets one process hold a file
read-write (or many hold it read-only), so the CLI and the dashboard take turns; a process
that finds the file locked retries for ``busy_timeout`` seconds and then raises
:class:`StoreBusy` ("busy, retry") instead of failing half-way.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Self

import duckdb

from tracker.config import db_path
from tracker.errors import StoreBusy, StoreError
from tracker.store.schema import MIGRATIONS, SCHEMA_VERSION

MEMORY = ":memory:"
BUSY_TIMEOUT_S = 15.0  # how long a writer waits for another process to let go of the file
_RETRY_SLEEP_S = 0.05
_HEADER_BYTES = 4096  # DuckDB writes its file headers in the first blocks
_CREATE_WAIT_S = 1.0  # how long a too-small file may still be "being created"
# Rows per row group of what a write connection checkpoints. DuckDB's default (122,880) keeps
# appending every window into one unfinished row group and rewrites it at each checkpoint
# (every close); with ~5 KB of article text a row that group reaches ~600 MB, so the peak RSS
# of ingest grew with the database (replay of 200 windows of 512 articles: 312 MB at 10k,
# 875 MB at 51k, 1,677 MB at 102k; one close took 93 s). 2,048 (one vector, the smallest
# allowed) bounds what a checkpoint rewrites to one window's rows: 216 MB flat to 102k.
# It is an ATTACH option, not stored in the file, so every write connection passes it.
WRITE_ROW_GROUP_SIZE = 2048
_CATALOG = "tracker"  # the name a write connection attaches the file under (and USEs)
_HOST_CATALOG = "memory"  # the in-memory database every duckdb.connect() starts in

# One lock per database path inside a process: DuckDB refuses two connections with different
# settings to one file in one process, and Streamlit serves sessions on threads.
_PATH_LOCKS: dict[str, threading.RLock] = {}
_PATH_LOCKS_GUARD = threading.Lock()


def resolve_db_path(path: str | Path | None = None) -> str:
    """--db beats TRACKER_DB beats data/tracker.duckdb (tracker.config)."""
    return db_path(path)


def _path_lock(path: str) -> threading.RLock:
    key = path if path == MEMORY else str(Path(path).resolve())
    with _PATH_LOCKS_GUARD:
        return _PATH_LOCKS.setdefault(key, threading.RLock())


def _is_lock_error(error: Exception) -> bool:
    text = str(error)
    return "lock" in text.lower() and ("Conflicting" in text or "Could not set" in text)


_DAMAGE_SIGNS = ("Corrupt database", "Could not read enough bytes", "checksum", "INTERNAL Error")
_PERMISSION_SIGNS = ("Permission denied", "Read-only file system")


def db_error_message(path: str, error: BaseException, *, opening: bool = False) -> str:
    """One line for a DuckDB error on ``path``: what is wrong and what to do about it."""
    text = (str(error).strip().splitlines() or [type(error).__name__])[0]
    head = f"cannot open database {path}: " if opening else f"database {path}: "
    if any(sign in text for sign in _PERMISSION_SIGNS):
        folder = Path(path).absolute().parent
        return (
            f"{head}permission denied ({text}); the file and its folder {folder} must be "
            "writable (DuckDB keeps a .wal file beside it): fix the permissions or choose "
            "another --db"
        )
    if any(sign in text for sign in _DAMAGE_SIGNS):
        return (
            f"{head}the file is damaged ({text}); restore a backup with "
            f"'tracker restore BACKUP --db {path}', or move it away to start afresh"
        )
    return head + text


def _is_being_created(path: str, error: Exception) -> bool:
    """A file that another process has just created may not hold a full header yet."""
    try:
        small = Path(path).stat().st_size < _HEADER_BYTES
    except OSError:
        return False
    return small and "not a valid DuckDB database" in str(error)


class StoreConnection:
    """The connection core of :class:`tracker.store.Store`: open, lock, migrate, close."""

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        read_only: bool = False,
        busy_timeout: float = BUSY_TIMEOUT_S,
        must_exist: bool = False,
        host: WriteHost | None = None,
    ) -> None:
        self.path = resolve_db_path(path)
        if must_exist and self.path != MEMORY and not Path(self.path).exists():
            raise StoreError(
                f"no database at {self.path}: load articles first (tracker ingest PATH, or "
                "tracker demo), or point --db / TRACKER_DB at an existing file"
            )
        self.read_only = read_only and self.path != MEMORY and Path(self.path).exists()
        # a writer of a file may attach it to a kept in-memory instance instead of its own
        self._host = host if not self.read_only and self.path != MEMORY else None
        self._lock = _path_lock(self.path)
        self._lock.acquire()
        try:
            self.con = self._connect(busy_timeout)
            try:
                if not self.read_only:
                    self._migrate()
                else:
                    self._check_version()
            except BaseException:
                with suppress(duckdb.Error):
                    self._let_go(self.con)
                raise
        except BaseException:
            self._lock.release()
            raise

    # -- connection --------------------------------------------------------------------------
    def _connect(self, busy_timeout: float) -> duckdb.DuckDBPyConnection:
        if self.path != MEMORY:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + busy_timeout
        # a file another process is creating has a full header within milliseconds
        created_deadline = time.monotonic() + min(busy_timeout, _CREATE_WAIT_S)
        while True:
            try:
                return self._open()
            except duckdb.IOException as error:
                if _is_lock_error(error):
                    if time.monotonic() < deadline:
                        time.sleep(_RETRY_SLEEP_S)
                        continue
                    raise StoreBusy(
                        f"database {self.path} is busy: another process is writing to it; "
                        "retry in a moment"
                    ) from error
                if _is_being_created(self.path, error) and time.monotonic() < created_deadline:
                    time.sleep(_RETRY_SLEEP_S)  # another process is writing its first pages
                    continue
                raise StoreError(db_error_message(self.path, error, opening=True)) from error
            except duckdb.Error as error:
                raise StoreError(db_error_message(self.path, error, opening=True)) from error

    def _open(self) -> duckdb.DuckDBPyConnection:
        """A read-only or in-memory connection as is; a writer attaches with small row groups."""
        if self.read_only or self.path == MEMORY:
            return duckdb.connect(self.path, read_only=self.read_only)
        con = duckdb.connect() if self._host is None else self._host.cursor()
        try:
            # the path is bound; the alias and the size are constants of this module
            con.execute(
                f"ATTACH ? AS {_CATALOG} (ROW_GROUP_SIZE {WRITE_ROW_GROUP_SIZE})", [self.path]
            )
            con.execute(f"USE {_CATALOG}")
        except BaseException:
            with suppress(duckdb.Error):  # the error that matters (a lock?) is this one
                self._let_go(con)
            raise
        return con

    def close(self) -> None:
        try:
            self._let_go(self.con)
        finally:
            self._lock.release()

    def _let_go(self, con: duckdb.DuckDBPyConnection) -> None:
        """Close ``con``; on a host, detach the file first (which checkpoints it, as closing
        its own instance does, and lets go of the file lock)."""
        try:
            if self._host is not None:
                con.execute(f"USE {_HOST_CATALOG}")
                con.execute(f"DETACH DATABASE IF EXISTS {_CATALOG}")
        finally:
            con.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One transaction; a DuckDB error in it (a full disk, an unwritable folder, a
        damaged file) is rolled back and raised as a StoreError naming the file."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException as error:
            with suppress(duckdb.Error):  # a failed commit may have ended it already
                self.con.execute("ROLLBACK")
            if isinstance(error, duckdb.Error):
                raise StoreError(db_error_message(self.path, error)) from error
            raise
        try:
            self.con.execute("COMMIT")
        except duckdb.Error as error:
            with suppress(duckdb.Error):
                self.con.execute("ROLLBACK")
            raise StoreError(db_error_message(self.path, error)) from error

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database file (before a file-level copy)."""
        self.con.execute("CHECKPOINT")

    # -- migrations --------------------------------------------------------------------------
    def schema_version(self) -> int:
        # duckdb_tables(), not information_schema.tables: ~1 ms on a fresh connection, not ~8
        exists = self.con.execute(
            "SELECT count(*) FROM duckdb_tables() "
            "WHERE table_name = ? AND database_name = current_database()",
            ["schema_migrations"],
        ).fetchall()[0][0]
        if not exists:
            return 0
        return self.con.execute(
            "SELECT coalesce(max(version), 0) FROM schema_migrations"
        ).fetchall()[0][0]

    def _check_version(self) -> int:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"database {self.path} has schema version {version}, newer than this "
                f"tracker understands ({SCHEMA_VERSION}); upgrade the tracker"
            )
        return version

    def _migrate(self) -> None:
        version = self._check_version()
        if version == 0:
            self.con.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                "version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
            )
        for number, name, sql in MIGRATIONS:
            if number <= version:
                continue
            with self._transaction():
                self.con.execute(sql)
                self.con.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)", [number, name, utc_now()]
                )

    def applied_migrations(self) -> list[tuple[int, str]]:
        return self.con.execute(
            "SELECT version, name FROM schema_migrations ORDER BY version"
        ).fetchall()


class WriteHost:
    """One in-memory DuckDB instance that write connections attach their file to, and
    detach it from when they close (which checkpoints and lets go of the file, as closing a
    connection does): a run of short-lived write connections (ingest: two per window) then
    pays ``duckdb.connect()`` once, not ~13 ms of CPU per connection.

    Not shared across a fork: DuckDB's threads do not survive it, so the owner closes the
    host before it starts a process pool (``release``) and a new one is made on next use.
    """

    def __init__(self, threads: int | None = None) -> None:
        self.threads = threads
        self._con: duckdb.DuckDBPyConnection | None = None

    def cursor(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            config = {} if self.threads is None else {"threads": self.threads}
            self._con = duckdb.connect(config=config)
        return self._con.cursor()

    def release(self) -> None:
        if self._con is not None:
            con, self._con = self._con, None
            con.close()


def utc_now() -> datetime:
    """Now in UTC as a naive timestamp (DuckDB TIMESTAMP columns hold no zone)."""
    return datetime.now(UTC).replace(tzinfo=None)

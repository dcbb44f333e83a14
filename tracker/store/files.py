"""The database as a file: verify every block, back up, restore (keeping what it replaces).

``verify_database`` opens a file read-only and reads every row of every table, so DuckDB
checks every block's checksum: a truncated or bit-flipped backup is refused here, before it
replaces anything. ``backup_database`` copies under the write lock into a temporary file
beside the destination and renames it into place (never a half-written backup; an existing
file only with ``force``). ``restore_database`` verifies the backup, keeps the database it
replaces as ``NAME.before-restore-YYYYmmddTHHMMSS``, and swaps the backup in.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from tracker.errors import StoreError, UsageError
from tracker.store.connection import StoreConnection, resolve_db_path


@dataclass(frozen=True, slots=True)
class Restored:
    articles: int
    target: str
    kept: str | None  # where the replaced database was kept (None: there was none)


def verify_database(path: str | Path) -> int:
    """The number of articles in a tracker database whose every table reads back whole;
    raises StoreError (naming the file and the damage) otherwise."""
    path = str(path)
    with StoreConnection(path, read_only=True, must_exist=True) as store:
        if store.schema_version() == 0:
            raise StoreError(f"{path} is a DuckDB file but not a tracker database")
        try:
            tables = [
                row[0]
                for row in store.con.execute(
                    "SELECT table_name FROM duckdb_tables() WHERE database_name = "
                    "current_database() ORDER BY table_name"
                ).fetchall()
            ]
            for table in tables:
                quoted = '"' + table.replace('"', '""') + '"'
                # hash of each whole row: every column of every row group is read and checked
                store.con.execute(f"SELECT count(*), max(hash(t)) FROM {quoted} AS t").fetchall()  # noqa: S608
            return store.con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
        except duckdb.Error as error:
            detail = (str(error).strip().splitlines() or [type(error).__name__])[0]
            raise StoreError(f"{path} is damaged and cannot be used ({detail})") from error


def backup_database(db: str | Path | None, dest: str | Path, *, force: bool = False) -> str:
    """Copy the database ``db`` to ``dest`` consistently; returns the database's path."""
    source = resolve_db_path(db)
    dest = Path(dest)
    _check_destination(source, dest, force)
    with StoreConnection(source, must_exist=True) as store:  # the write lock: nobody writes
        store.checkpoint()
        _copy_into_place(Path(store.path), dest)
    return source


def restore_database(src: str | Path, db: str | Path | None) -> Restored:
    """Replace the database with the backup ``src`` after verifying it whole."""
    src = Path(src)
    target = resolve_db_path(db)
    if not src.is_file():
        raise UsageError(f"no backup file at {src}")
    if Path(target).exists() and _same_file(src, Path(target)):
        raise UsageError(f"{src} is the database itself; name a backup file to restore")
    count = verify_database(src)
    kept = None
    existed = Path(target).exists()
    with StoreConnection(target) as store:  # hold the lock while swapping the file in
        store.checkpoint()
        if existed:
            kept_path = _kept_name(target)
            _copy(Path(target), kept_path)
            kept = str(kept_path)
        _copy_into_place(src, Path(target))
    return Restored(count, target, kept)


def _kept_name(target: str) -> Path:
    """``TARGET.before-restore-STAMP``, with -2, -3... when restores share a second."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    kept = Path(f"{target}.before-restore-{stamp}")
    n = 1
    while kept.exists():
        n += 1
        kept = Path(f"{target}.before-restore-{stamp}-{n}")
    return kept


def _check_destination(source: str, dest: Path, force: bool) -> None:
    if dest.is_dir():
        raise UsageError(f"{dest} is a folder; give a file name for the backup")
    if not dest.parent.is_dir():
        raise UsageError(f"cannot write {dest}: folder {dest.parent} does not exist")
    if dest.exists():
        if Path(source).exists() and _same_file(Path(source), dest):
            raise UsageError(f"{dest} is the database itself; choose another file")
        if not force:
            raise UsageError(f"{dest} exists; choose another name or pass --force to replace it")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _copy(src: Path, dest: Path) -> None:
    try:
        shutil.copyfile(src, dest)
    except OSError as error:
        raise UsageError(f"cannot write {dest}: {error.strerror or error}") from error


def _copy_into_place(src: Path, dest: Path) -> None:
    """Copy to a temporary file beside ``dest``, then rename: ``dest`` is whole or absent."""
    tmp = dest.with_name(f".{dest.name}.partial-{os.getpid()}")
    try:
        _copy(src, tmp)
        os.replace(tmp, dest)
    except OSError as error:
        raise UsageError(f"cannot write {dest}: {error.strerror or error}") from error
    finally:
        tmp.unlink(missing_ok=True)

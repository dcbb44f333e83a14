"""GDELT 2.0 export files -> the store's ``gdelt_events`` table, streaming.

Files are read line by line (a zip's ``*.CSV`` members in memory as streams, never
extracted), parsed by tracker.gdelt.parse and written in batches of BATCH rows, each in one
transaction. Import is idempotent: a GLOBALEVENTID already stored is counted, not stored
again. A malformed row is reported as ``FILE:LINE: reason`` (``bundle.zip/member.CSV:LINE``)
and the file goes on; a file that cannot be opened is reported and the next one is read.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from tracker.errors import IngestError
from tracker.gdelt.parse import GdeltEvent, RowError, parse_row
from tracker.store import Store
from tracker.store.gdelt_store import GDELT_COLUMNS

BATCH = 50_000  # rows per transaction
MAX_LISTED_ERRORS = 50  # malformed rows listed per file; the rest are counted
MAX_ROWS_PER_FILE = 50_000_000  # a day of GDELT 2.0 is ~100k-200k events; bounds a zip bomb


@dataclass
class GdeltFileReport:
    """What one file gave: rows read, kept (pairs of states), added, already stored,
    rows naming no pair of states, malformed rows (listed up to MAX_LISTED_ERRORS)."""

    file: str
    rows: int = 0
    kept: int = 0
    added: int = 0
    existing: int = 0
    not_pairs: int = 0
    malformed: int = 0
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "rows": self.rows,
            "kept": self.kept,
            "added": self.added,
            "existing": self.existing,
            "not_pairs": self.not_pairs,
            "malformed": self.malformed,
            "errors": self.errors,
        }

    def error(self, where: str, line: int, reason: str) -> None:
        self.malformed += 1
        if len(self.errors) < MAX_LISTED_ERRORS:
            self.errors.append(f"{where}:{line}: {reason}")


@dataclass
class GdeltReport:
    files: list[GdeltFileReport] = field(default_factory=list)
    failed: list[IngestError] = field(default_factory=list)  # files that could not be read

    @property
    def added(self) -> int:
        return sum(f.added for f in self.files)

    @property
    def malformed(self) -> int:
        return sum(f.malformed for f in self.files)

    def as_dict(self) -> dict:
        return {
            "added": self.added,
            "existing": sum(f.existing for f in self.files),
            "malformed": self.malformed,
            "files": [f.as_dict() for f in self.files],
            "failed": [{"file": e.file, "error": e.reason} for e in self.failed],
        }


def import_gdelt(
    paths: Sequence[str],
    db: str | Path | None = None,
    *,
    on_file: Callable[[GdeltFileReport], None] | None = None,
) -> GdeltReport:
    """Import GDELT 2.0 event exports (files, folders, globs; .CSV or .zip of them)."""
    from tracker.load.reader import input_files

    report = GdeltReport()
    for path in input_files(paths):
        file_report = GdeltFileReport(path)
        try:
            _import_file(path, db, file_report)
        except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile) as error:
            report.failed.append(IngestError(path, f"cannot read: {error}"))
            continue
        report.files.append(file_report)
        if on_file:
            on_file(file_report)
    return report


def _import_file(path: str, db: str | Path | None, report: GdeltFileReport) -> None:
    batch: list[GdeltEvent] = []
    for where, number, line in _lines(path):
        report.rows += 1
        if report.rows > MAX_ROWS_PER_FILE:
            report.error(where, number, f"stopped: over {MAX_ROWS_PER_FILE:,} rows in one file")
            break
        if not line.strip():
            report.rows -= 1  # a blank line (the end of a file) is no row
            continue
        try:
            event = parse_row(line)
        except RowError as error:
            report.error(where, number, str(error))
            continue
        if event is None:
            report.not_pairs += 1
            continue
        report.kept += 1
        batch.append(event)
        if len(batch) >= BATCH:
            _write(db, batch, report)
            batch = []
    if batch:
        _write(db, batch, report)


def _lines(path: str) -> Iterator[tuple[str, int, str]]:
    """(where, line number, line without its newline) of a plain file or a zip's members."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if info.is_dir() or not info.filename.lower().endswith((".csv", ".txt")):
                    continue
                with archive.open(info) as member:
                    yield from _numbered(f"{path}/{info.filename}", member)
        return
    with open(path, "rb") as handle:
        yield from _numbered(path, handle)


def _numbered(where: str, binary) -> Iterator[tuple[str, int, str]]:
    text = io.TextIOWrapper(binary, encoding="utf-8", errors="replace", newline="")
    for number, line in enumerate(text, start=1):
        yield where, number, line.rstrip("\r\n")


def _write(db: str | Path | None, batch: list[GdeltEvent], report: GdeltFileReport) -> None:
    with Store(db) as store:
        added, existing = store.add_gdelt_events(events_table(batch, report.file))
    report.added += added
    report.existing += existing


def events_table(events: Sequence[GdeltEvent], file: str) -> pa.Table:
    """The store's rows (GDELT_COLUMNS) of parsed events."""
    columns = {
        "global_event_id": pa.array([e.global_event_id for e in events], pa.int64()),
        "day": pa.array([e.day for e in events], pa.date32()),
        "pair_a": pa.array([e.pair[0] for e in events], pa.string()),
        "pair_b": pa.array([e.pair[1] for e in events], pa.string()),
        "source": pa.array([e.source for e in events], pa.string()),
        "target": pa.array([e.target for e in events], pa.string()),
        "event_code": pa.array([e.event_code for e in events], pa.string()),
        "quad_class": pa.array([e.quad_class for e in events], pa.int32()),
        "goldstein": pa.array([e.goldstein for e in events], pa.float64()),
        "avg_tone": pa.array([e.avg_tone for e in events], pa.float64()),
        "num_mentions": pa.array([e.num_mentions for e in events], pa.int32()),
        "num_articles": pa.array([e.num_articles for e in events], pa.int32()),
        "is_root_event": pa.array([e.is_root_event for e in events], pa.bool_()),
        "source_url": pa.array([e.source_url for e in events], pa.string()),
        "file": pa.array([file] * len(events), pa.string()),
    }
    assert tuple(columns) == GDELT_COLUMNS
    return pa.table(columns)

"""An upload under review: files -> records the user checks before anything is stored.

Pure and shared by every front end (the dashboard's upload is one): ``read_upload`` reads
the files (at most ``MAX_UPLOAD_RECORDS`` records per upload, with a message saying what
was left out), ``date_label`` says where a record's date comes from, and ``reviewed_article``
turns a record and the date the user saw into an Article. There is no default date: a
record without a date of its own cannot become an Article until the user types one, so
nothing is stored with a date nobody saw.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from tracker.errors import IngestError
from tracker.load.dates import range_problem
from tracker.load.reader import date_document, read_documents
from tracker.models import Article, DateSource, Document

# An upload is scored once in the review; past this many records the CLI is the way (the
# 150k-record upload of issue 16 took 87 s per widget change and slowed every other user).
MAX_UPLOAD_RECORDS = 2000
NEEDS_DATE = "none in the file: type a date"
TYPED = "typed by you"
_SOURCE_WORDS = {
    DateSource.FIELD: "in the file (date field)",
    DateSource.HTML_META: "in the file (page metadata)",
    DateSource.DATELINE: "in the file (dateline)",
    DateSource.FILENAME: "file name",
    DateSource.CALLER: TYPED,
}


@dataclass(frozen=True)
class Upload:
    """Everything read from one upload: documents and per-file or per-record errors, in
    order, and a message when records past MAX_UPLOAD_RECORDS were left out."""

    items: tuple[Document | IngestError, ...]
    capped: str | None = None

    @property
    def documents(self) -> tuple[Document, ...]:
        return tuple(i for i in self.items if isinstance(i, Document))

    @property
    def errors(self) -> tuple[IngestError, ...]:
        return tuple(i for i in self.items if isinstance(i, IngestError))


def read_upload(files: Iterable[tuple[str, bytes]], limit: int = MAX_UPLOAD_RECORDS) -> Upload:
    """Read (name, bytes) files in order; stop after ``limit`` records, saying so."""
    items: list[Document | IngestError] = []
    left_out = 0
    for name, data in files:
        for item in read_documents(name, data):
            if len(items) < limit:
                items.append(item)
            else:
                left_out += 1
    capped = None
    if left_out:
        capped = (
            f"This upload has {len(items) + left_out:,} records; the dashboard reviews at most "
            f"{limit:,} per upload, so the last {left_out:,} were left out. Add them in smaller "
            "uploads, or from a terminal with `tracker ingest FILE`."
        )
    return Upload(tuple(items), capped)


def date_label(doc: Document, chosen: date | None) -> str:
    """Where the record's date comes from, as the review shows it."""
    if chosen is None:
        return NEEDS_DATE if doc.published_at is None else "removed: type a date"
    if doc.published_at is None or chosen != doc.published_at:
        return TYPED
    return _SOURCE_WORDS.get(doc.date_source, str(doc.date_source))


def reviewed_article(doc: Document, chosen: date | None) -> Article | IngestError:
    """The Article stored for a reviewed record: with the date the user saw (the file's own,
    or the one typed in the review). No date: an IngestError, never a default."""
    if chosen is None:
        return IngestError(doc.origin, "no publication date: type one in the review first")
    problem = range_problem(chosen)
    if problem:
        return IngestError(doc.origin, problem)
    if doc.published_at != chosen:
        doc = dataclasses.replace(doc, published_at=chosen, date_source=DateSource.CALLER)
    try:
        return date_document(doc, chosen)
    except IngestError as error:
        return error

"""File bytes -> Documents and Articles: txt, md, html, json, jsonl, csv and zip.

``read_documents`` never raises: a problem with the whole file, or with one record in it, is
*yielded* as an ``IngestError(file, reason)`` and the other records still come through.
Origins name the record: ``batch.jsonl#3`` (1-based), ``bundle.zip/inner/a.txt``.

This module dispatches on the extension (which files to read: tracker.load.paths); one
module per format:

    .txt/.md   tracker.load.text_files (front matter, Markdown headings)
    .html/.htm tracker.load.html_files (trafilatura + htmldate, visible-text fallback)
    .json .jsonl .csv  tracker.load.records (one Document per record)
    .zip       tracker.load.archive (members read in memory, never extracted)

Every reader ends in tracker.load.documents (text, title and date rules; the English-only rule
is tracker.load.language). Size limits are in tracker.load.limits (patch them there in tests).
Dates: see tracker.load.dates for the precedence FIELD > HTML_META > DATELINE > FILENAME > CALLER.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial
from pathlib import PurePosixPath

from tracker.errors import IngestError
from tracker.load import dates
from tracker.load.archive import read_zip
from tracker.load.documents import Draft, derive_title, document_or_error, finish_document
from tracker.load.encoding import UndecodableError, decode_bytes
from tracker.load.html_worker import html_draft_with_deadline
from tracker.load.limits import (
    MAX_ARTICLE_CHARS,
    MAX_CSV_FIELD_BYTES,
    MAX_FILE_BYTES,
    MAX_JSON_DEPTH,
    MAX_RECORDS_PER_FILE,
    MAX_ZIP_UNPACKED_BYTES,
    MB,
    ZIP_READ_CHUNK,
)
from tracker.load.paths import (
    SUPPORTED_EXTENSIONS,
    RefusedPath,
    file_size_problem,
    file_suffix,
    input_files,
    iter_input_files,
)
from tracker.load.records import csv_records, json_records, jsonl_records, record_drafts
from tracker.load.text_files import split_front_matter, text_draft
from tracker.models import Article, DateSource, Document

# The loader's API. The limits are re-exported for reading; a test lowers one in
# tracker.load.limits.
__all__ = [
    "MAX_ARTICLE_CHARS",
    "MAX_CSV_FIELD_BYTES",
    "MAX_FILE_BYTES",
    "MAX_JSON_DEPTH",
    "MAX_RECORDS_PER_FILE",
    "MAX_ZIP_UNPACKED_BYTES",
    "MB",
    "NO_DATE_HINT",
    "SUPPORTED_EXTENSIONS",
    "ZIP_READ_CHUNK",
    "Pending",
    "RefusedPath",
    "date_document",
    "derive_title",
    "file_size_problem",
    "input_files",
    "iter_input_files",
    "load_articles",
    "pending_articles",
    "read_documents",
    "split_front_matter",
]

NO_DATE_HINT = (
    "no publication date found: add a 'date: YYYY-MM-DD' line at the top, or pass --date YYYY-MM-DD"
)


# --- public API --------------------------------------------------------------------------
def read_documents(name: str, data: bytes) -> Iterator[Document | IngestError]:
    """Documents read from one file; every failure is yielded as an IngestError, never raised."""
    try:
        for item in _read_file(name, data if isinstance(data, bytes) else bytes(data), False):
            if isinstance(item, IngestError):
                yield item
            else:
                yield document_or_error(item.origin, partial(finish_document, item))
    except IngestError as error:
        yield error
    except Exception as error:  # last resort: a bug must not stop a batch upload
        yield IngestError(name, _internal_error(error))


_BUG = "please report it with the file"


def _internal_error(error: Exception) -> str:
    return f"internal error while reading ({type(error).__name__}); {_BUG}"


class Pending:
    """A document read and identified (``id``) whose language, title and date rules have not
    run yet: ``article()`` runs them. Ingest calls it only for ids not stored yet, so a
    duplicate costs the read and the hash; a stored duplicate is a duplicate even when the
    rules would now refuse it (a changed date, or a stricter language rule)."""

    __slots__ = ("default_date", "draft", "file", "warnings")

    def __init__(self, draft: Draft, default_date: date | None, file: str) -> None:
        self.draft, self.default_date, self.file = draft, default_date, file
        self.warnings: tuple[str, ...] = draft.warnings  # all of them once article() ran

    @property
    def id(self) -> str:
        return self.draft.id

    @property
    def origin(self) -> str:
        return self.draft.origin

    def article(self) -> Article | IngestError:
        """The Article, or the IngestError ``load_articles`` gives for this document."""
        try:
            doc = finish_document(self.draft)
            self.warnings = doc.warnings
            return _dated(doc, self.default_date, self.draft.id)
        except IngestError as error:
            return error
        except ValueError as error:
            return IngestError(self.draft.origin, str(error))
        except Exception as error:  # last resort, as in read_documents
            return IngestError(self.file, _internal_error(error))


def pending_articles(
    name: str, data: bytes, default_date: date | None = None
) -> Iterator[Pending | IngestError]:
    """load_articles with the per-document rules left to ``Pending.article()``: the errors
    yielded here are those of reading the file (encoding, format, empty or too long text)."""
    try:
        for item in _read_file(name, data, in_zip=False):
            yield item if isinstance(item, IngestError) else Pending(item, default_date, name)
    except IngestError as error:
        yield error
    except Exception as error:  # last resort: a bug must not stop a batch upload
        yield IngestError(name, _internal_error(error))


def date_document(doc: Document, default_date: date | None) -> Article:
    """The dated Article; the caller's date fills in when the document has none."""
    return _dated(doc, default_date, doc.id)


def _dated(doc: Document, default_date: date | None, doc_id: str) -> Article:
    published, source = doc.published_at, doc.date_source
    if published is None or source is None:
        if default_date is None:
            raise IngestError(doc.origin, NO_DATE_HINT)
        problem = dates.range_problem(default_date)
        if problem:
            raise IngestError(doc.origin, problem)
        published, source = default_date, DateSource.CALLER
    return Article(
        id=doc_id,
        origin=doc.origin,
        title=doc.title,
        text=doc.text,
        published_at=published,
        date_source=source,
        url=doc.url,
        source=doc.source,
        lang=doc.lang,
        speaker=doc.speaker,
    )


def load_articles(
    name: str, data: bytes, default_date: date | None = None
) -> Iterator[Article | IngestError]:
    """read_documents + date_document: Articles, or IngestErrors for what could not load."""
    for item in read_documents(name, data):
        if isinstance(item, IngestError):
            yield item
            continue
        try:
            yield date_document(item, default_date)
        except IngestError as error:
            yield error


def _extension(name: str) -> str:
    """The lower-cased suffix of an origin, read as a POSIX path with ``\\`` as ``/``."""
    posix = name.replace("\\", "/")
    base = posix.rpartition("/")[2]
    if not base or base == ".":  # "a/", "a/.": PurePosixPath drops the empty or "." part
        return PurePosixPath(posix).suffix.lower()
    return file_suffix(base).lower()


# --- dispatch ------------------------------------------------------------------------------
def _read_file(name: str, data: bytes, in_zip: bool) -> Iterator[Draft | IngestError]:
    ext = _extension(name)
    if ext not in SUPPORTED_EXTENSIONS:
        kinds = ", ".join(sorted(SUPPORTED_EXTENSIONS))
        yield IngestError(name, f"unsupported file type '{ext or name}'; supported: {kinds}")
        return
    if too_big := file_size_problem(len(data)):
        yield IngestError(name, too_big)
        return
    if not data:
        yield IngestError(name, "file is empty")
        return
    if ext == ".zip":
        if in_zip:
            yield IngestError(name, "nested zip files are not read; unzip it first")
        else:
            member = partial(_read_file, in_zip=True)
            yield from read_zip(name, data, supported=SUPPORTED_EXTENSIONS, read_member=member)
        return
    try:
        decoded = decode_bytes(data)
    except UndecodableError as error:
        yield IngestError(name, str(error))
        return
    warnings = decoded.warnings
    if ext in (".txt", ".md"):
        yield document_or_error(
            name, lambda: text_draft(name, decoded.text, ext == ".md", warnings)
        )
    elif ext in (".html", ".htm"):
        yield document_or_error(
            name, lambda: html_draft_with_deadline(name, decoded.text, warnings)
        )
    elif ext == ".json":
        yield from record_drafts(name, json_records(name, decoded.text), warnings)
    elif ext == ".jsonl":
        yield from record_drafts(name, jsonl_records(name, decoded.text), warnings)
    else:
        yield from record_drafts(name, csv_records(name, decoded.text), warnings)

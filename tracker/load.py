"""File bytes -> Documents and Articles: txt, md, html, json, jsonl, csv and zip.

``read_documents`` never raises: a problem with the whole file, or with one record in it, is
*yielded* as an ``IngestError(file, reason)`` and the other records still come through.
Origins name the record: ``batch.jsonl#3`` (1-based), ``bundle.zip/inner/a.txt``.

This module finds the files and dispatches on the extension; one module per format:

    .txt/.md   tracker.text_files (front matter, Markdown headings)
    .html/.htm tracker.html_files (trafilatura + htmldate, visible-text fallback)
    .json .jsonl .csv  tracker.records (one Document per record)
    .zip       tracker.archive (members read in memory, never extracted)

Every reader ends in tracker.documents (text, title and date rules; the English-only rule
is tracker.language). Size limits are in tracker.limits (patch them there in tests).
Dates: see tracker.dates for the precedence FIELD > HTML_META > DATELINE > FILENAME > CALLER.
"""

from __future__ import annotations

import glob
from collections.abc import Iterator, Sequence
from datetime import date
from functools import partial
from pathlib import Path, PurePosixPath

from tracker import dates, limits
from tracker.archive import read_zip
from tracker.documents import derive_title, document_or_error
from tracker.encoding import UndecodableError, decode_bytes
from tracker.errors import IngestError, UsageError
from tracker.html_files import html_document
from tracker.limits import (
    MAX_ARTICLE_CHARS,
    MAX_CSV_FIELD_BYTES,
    MAX_FILE_BYTES,
    MAX_JSON_DEPTH,
    MAX_RECORDS_PER_FILE,
    MAX_ZIP_UNPACKED_BYTES,
    MB,
    ZIP_READ_CHUNK,
)
from tracker.models import Article, DateSource, Document
from tracker.records import csv_records, json_records, jsonl_records, record_documents
from tracker.text_files import split_front_matter, text_document

# The loader's API. The limits are re-exported for reading; a test lowers one in tracker.limits.
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
    "date_document",
    "derive_title",
    "file_size_problem",
    "iter_input_files",
    "load_articles",
    "read_documents",
    "split_front_matter",
]

SUPPORTED_EXTENSIONS: frozenset[str] = frozenset(
    {".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv", ".zip"}
)

NO_DATE_HINT = (
    "no publication date found: add a 'date: YYYY-MM-DD' line at the top, or pass --date YYYY-MM-DD"
)


# --- public API --------------------------------------------------------------------------
def read_documents(name: str, data: bytes) -> Iterator[Document | IngestError]:
    """Documents read from one file; every failure is yielded as an IngestError, never raised."""
    try:
        yield from _read_file(name, data if isinstance(data, bytes) else bytes(data), in_zip=False)
    except IngestError as error:
        yield error
    except Exception as error:  # last resort: a bug must not stop a batch upload
        yield IngestError(name, f"internal error while reading ({type(error).__name__}); {_BUG}")


_BUG = "please report it with the file"


def date_document(doc: Document, default_date: date | None) -> Article:
    """The dated Article; the caller's date fills in when the document has none."""
    published, source = doc.published_at, doc.date_source
    if published is None or source is None:
        if default_date is None:
            raise IngestError(doc.origin, NO_DATE_HINT)
        problem = dates.range_problem(default_date)
        if problem:
            raise IngestError(doc.origin, problem)
        published, source = default_date, DateSource.CALLER
    return Article(
        id=doc.id,
        origin=doc.origin,
        title=doc.title,
        text=doc.text,
        published_at=published,
        date_source=source,
        url=doc.url,
        source=doc.source,
        lang=doc.lang,
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


def iter_input_files(paths: Sequence[str]) -> Iterator[Path]:
    """Files named by paths, folders (recursive) and globs, in a stable order.

    Folders and globs give only supported, non-hidden files (sorted); a file named
    explicitly is given as is (the loader reports an unsupported type). Raises UsageError,
    before anything is yielded, when a path matches nothing.
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        matched = _expand(raw)
        if not matched:
            kinds = ", ".join(sorted(SUPPORTED_EXTENSIONS))
            raise UsageError(f"{raw}: no such file, or no supported files in it ({kinds})")
        for path in matched:
            if path not in seen:
                seen.add(path)
                found.append(path)
    return iter(found)


def _expand(raw: str) -> list[Path]:
    path = Path(raw).expanduser()
    if path.is_file():
        return [path]
    if path.is_dir():
        return _folder_files(path)
    if glob.has_magic(raw):
        out: list[Path] = []
        for hit in sorted(glob.glob(str(path), recursive=True)):
            p = Path(hit)
            if p.is_dir():
                out.extend(_folder_files(p))
            elif p.is_file() and _wanted(p.name):
                out.append(p)
        return out
    return []


def _folder_files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and _wanted(p.name)
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def _wanted(filename: str) -> bool:
    return not filename.startswith(".") and Path(filename).suffix.lower() in SUPPORTED_EXTENSIONS


def file_size_problem(size: int) -> str | None:
    """The message for a file over MAX_FILE_BYTES, or None when its size is fine."""
    if size <= limits.MAX_FILE_BYTES:
        return None
    return f"file is {size / MB:.0f} MB, over the {limits.MAX_FILE_BYTES // MB} MB limit; split it"


# --- dispatch ------------------------------------------------------------------------------
def _read_file(name: str, data: bytes, in_zip: bool) -> Iterator[Document | IngestError]:
    ext = PurePosixPath(name.replace("\\", "/")).suffix.lower()
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
            name, lambda: text_document(name, decoded.text, ext == ".md", warnings)
        )
    elif ext in (".html", ".htm"):
        yield document_or_error(name, lambda: html_document(name, decoded.text, warnings))
    elif ext == ".json":
        yield from record_documents(name, json_records(name, decoded.text), warnings)
    elif ext == ".jsonl":
        yield from record_documents(name, jsonl_records(name, decoded.text), warnings)
    else:
        yield from record_documents(name, csv_records(name, decoded.text), warnings)

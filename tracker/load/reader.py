"""File bytes -> Documents and Articles: txt, md, html, json, jsonl, csv and zip.

``read_documents`` never raises: a problem with the whole file, or with one record in it, is
*yielded* as an ``IngestError(file, reason)`` and the other records still come through.
Origins name the record: ``batch.jsonl#3`` (1-based), ``bundle.zip/inner/a.txt``.

This module finds the files and dispatches on the extension; one module per format:

    .txt/.md   tracker.load.text_files (front matter, Markdown headings)
    .html/.htm tracker.load.html_files (trafilatura + htmldate, visible-text fallback)
    .json .jsonl .csv  tracker.load.records (one Document per record)
    .zip       tracker.load.archive (members read in memory, never extracted)

Every reader ends in tracker.load.documents (text, title and date rules; the English-only rule
is tracker.load.language). Size limits are in tracker.load.limits (patch them there in tests).
Dates: see tracker.load.dates for the precedence FIELD > HTML_META > DATELINE > FILENAME > CALLER.
"""

from __future__ import annotations

import errno
import glob
import itertools
import os
import stat
from collections.abc import Iterator, Sequence
from datetime import date
from functools import partial
from pathlib import Path, PurePosixPath

from tracker.errors import IngestError, UsageError
from tracker.load import dates, limits
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


def iter_input_files(paths: Sequence[str], *, follow_links: bool = False) -> Iterator[Path]:
    """Files named by paths, folders (recursive) and globs, in a stable order.

    Folders and globs give only supported, non-hidden files (sorted); a file named
    explicitly is given as is (the loader reports an unsupported type). Raises UsageError,
    before anything is yielded, when a path matches nothing. A symbolic link found in a
    folder (or by a glob) that leads out of it is a :class:`RefusedPath` unless
    ``follow_links``: a link must not turn a readable secret into an article.
    """
    return iter([Path(found) for found in input_files(paths, follow_links=follow_links)])


class RefusedPath(str):
    """A path ``input_files`` found but will not read; ``reason`` says why and what to do."""

    reason: str

    def __new__(cls, path: str, reason: str) -> RefusedPath:
        refused = super().__new__(cls, path)
        refused.reason = reason
        return refused


def input_files(paths: Sequence[str], *, follow_links: bool = False) -> list[str]:
    """iter_input_files as strings (``str(path)`` of each), without a Path per file."""
    found: list[str] = []
    seen: set[str] = set()
    for raw in paths:
        matched = _expand(raw, follow_links)
        if not matched:
            kinds = ", ".join(sorted(SUPPORTED_EXTENSIONS))
            raise UsageError(f"{raw}: no such file, or no supported files in it ({kinds})")
        for path in matched:
            if path not in seen:  # the strings are normalised (str of a Path): same as Paths
                seen.add(path)
                found.append(path)
    return found


def _expand(raw: str, follow_links: bool) -> list[str]:
    path = _path_str(raw)
    mode = _stat_mode(path)
    if stat.S_ISREG(mode):
        return [path]  # named by the user: read even when it is a link
    if stat.S_ISDIR(mode):
        return _folder_files(path, follow_links)
    if glob.has_magic(raw):
        root = _glob_root(path)
        out: list[str] = []
        for hit in sorted(glob.glob(path, recursive=True)):
            p = Path(hit)
            if p.is_dir():
                if follow_links or not p.is_symlink():
                    out.extend(_folder_files(str(p), follow_links))
            elif p.is_file() and _wanted(p.name):
                out.append(_link_checked(str(p), root, follow_links))
        return out
    return []


def _glob_root(pattern: str) -> str:
    """The folder a glob searches: its leading parts without wildcards."""
    parts = Path(pattern).parts
    plain = [p for p in itertools.takewhile(lambda p: not glob.has_magic(p), parts)]
    return str(Path(*plain)) if plain else "."


def _link_checked(path: str, root: str, follow_links: bool) -> str:
    """``path``, or a RefusedPath when it is a symbolic link leading out of ``root``."""
    if follow_links or not os.path.islink(path):
        return path
    target = os.path.realpath(path)
    inside = os.path.realpath(root)
    try:
        if os.path.commonpath([target, inside]) == inside:
            return path
    except ValueError:  # different drives (Windows)
        pass
    return RefusedPath(
        path,
        f"symbolic link to a file outside {root}; not followed (pass --follow-links to "
        "read files that links lead to)",
    )


def _path_str(raw: str) -> str:
    """``str(Path(raw).expanduser())``, without a Path when ``raw`` is already in that form
    (no ``~`` to expand, no empty or ``.`` part for Path to drop)."""
    if (
        raw
        and raw[0] != "~"
        and "//" not in raw
        and "/./" not in raw
        and not raw.startswith("./")
        and not raw.endswith(("/", "/."))
    ):
        return raw
    return str(Path(raw).expanduser())


def _stat_mode(path: str) -> int:
    """The st_mode of ``path`` (symlinks followed), 0 where Path.is_file() says False."""
    try:
        return os.stat(path).st_mode
    except OSError as error:
        if error.errno not in _NO_SUCH_PATH:
            raise  # as Path.is_file: a permission error is not "no such file"
        return 0
    except ValueError:  # a NUL in the name
        return 0


_NO_SUCH_PATH = frozenset((errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP))


def _folder_files(folder: str, follow_links: bool = False) -> list[str]:
    """What ``Path(folder).rglob("*")`` gives that is a file, wanted and under no hidden
    folder, as ``str`` of each Path, sorted as Paths sort (by parts): one os.scandir per
    folder. Like rglob, symlinked folders are not entered (with ``follow_links`` they are,
    once each) and unreadable ones are skipped; a linked file that leads out of ``folder``
    is a RefusedPath unless ``follow_links``."""
    found: list[tuple[tuple[str, ...], str]] = []
    prefix = "" if folder == "." else folder if folder.endswith("/") else folder + "/"
    stack: list[tuple[str, tuple[str, ...]]] = [(prefix, ())]
    entered = {os.path.realpath(folder)}  # linked folders followed once (no loops)
    while stack:
        where, parts = stack.pop()
        try:
            with os.scandir(where or ".") as entries:
                listed = list(entries)
        except PermissionError:
            continue
        for entry in listed:
            name = entry.name
            if name.startswith("."):
                continue  # hidden, or under a hidden folder
            if _is_dir(entry) or (follow_links and _is_linked_dir(entry, entered)):
                stack.append((where + name + "/", (*parts, name)))
            elif _suffix(name).lower() in SUPPORTED_EXTENSIONS and _is_file(entry):
                path = where + name
                if entry.is_symlink():
                    path = _link_checked(path, folder, follow_links)
                found.append(((*parts, name), path))
    found.sort(key=lambda item: item[0])
    return [path for _, path in found]


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _is_linked_dir(entry: os.DirEntry[str], entered: set[str]) -> bool:
    """A symbolic link to a folder not entered yet (it is then marked entered)."""
    try:
        if not (entry.is_symlink() and entry.is_dir()):
            return False
    except OSError:
        return False
    target = os.path.realpath(entry.path)
    if target in entered:
        return False
    entered.add(target)
    return True


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()  # follows a symlink, as Path.is_file does
    except OSError:
        return False


def _wanted(filename: str) -> bool:
    return not filename.startswith(".") and _suffix(filename).lower() in SUPPORTED_EXTENSIONS


def _suffix(filename: str) -> str:
    """PurePosixPath(filename).suffix of a name without "/" (a folder entry)."""
    if not filename or filename == "." or "/" in filename:
        return PurePosixPath(filename).suffix
    dot = filename.rfind(".")
    return filename[dot:] if 0 < dot < len(filename) - 1 else ""


def _extension(name: str) -> str:
    """The lower-cased suffix of an origin, read as a POSIX path with ``\\`` as ``/``."""
    posix = name.replace("\\", "/")
    base = posix.rpartition("/")[2]
    if not base or base == ".":  # "a/", "a/.": PurePosixPath drops the empty or "." part
        return PurePosixPath(posix).suffix.lower()
    return _suffix(base).lower()


def file_size_problem(size: int) -> str | None:
    """The message for a file over MAX_FILE_BYTES, or None when its size is fine."""
    if size <= limits.MAX_FILE_BYTES:
        return None
    return f"file is {size / MB:.0f} MB, over the {limits.MAX_FILE_BYTES // MB} MB limit; split it"


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

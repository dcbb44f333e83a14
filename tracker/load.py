"""File bytes -> Documents and Articles: txt, md, html, json, jsonl, csv and zip.

``read_documents`` never raises: a problem with the whole file, or with one record in it, is
*yielded* as an ``IngestError(file, reason)`` and the other records still come through.
Origins name the record: ``batch.jsonl#3`` (1-based), ``bundle.zip/inner/a.txt``.

Formats
    .txt/.md   optional front matter (a ``---`` block, or plain leading ``key: value`` lines
               for date/title/source/url); the title is the first line when it looks like a
               headline, else the first sentence (truncated). Line structure and blank lines
               are kept so tracker.text sees headings; Markdown ``#`` markers are dropped.
    .html/.htm trafilatura (main text, title, site) + htmldate via trafilatura (markup dates
               only, no guessing from the text). Paragraphs are joined by blank lines; no
               markup or script survives. When trafilatura finds no main text, lxml's visible
               text (scripts, styles, frames removed) is used, with a warning.
    .json      one object, a list of objects, or {"articles"|"items"|"records"|"data": [...]}
    .jsonl     one object per line; .csv: a header row (``,`` ``;`` tab or ``|``).
               Record keys are case-insensitive: text|body|content, title|headline,
               published_at|date|published|publication_date, url|link, source|outlet.
    .zip       members read in memory, never extracted; nested zips and unsafe member names
               (``..``, absolute, drive letters) are refused per member.

Language rule (English only is scored)
    Over the letters of the first LANGUAGE_SAMPLE_CHARS characters: if more than
    NON_LATIN_LETTER_SHARE (30%) are Cyrillic, the record is refused as Russian/Belarusian;
    if more than 30% are in another non-Latin script (Arabic, CJK, Greek...), it is refused
    naming that script. Latin-script text of at least MIN_WORDS_FOR_LANGUAGE words with
    fewer than MIN_ENGLISH_FUNCTION_WORDS (8%) English-only function words (the, of, and,
    said... ~25% of English news) is checked with py3langid (~7 ms, so only then) and
    refused when it names one of the common European languages in _LANGUAGE_NAMES.
    Everything else is taken as English.

Dates: see tracker.dates for the precedence FIELD > HTML_META > DATELINE > FILENAME > CALLER.
"""

from __future__ import annotations

import csv
import glob
import io
import json
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path, PurePosixPath

from tracker import dates
from tracker.encoding import UndecodableError, decode_bytes
from tracker.errors import IngestError, UsageError
from tracker.models import Article, DateSource, Document
from tracker.text import split_sentences

SUPPORTED_EXTENSIONS: frozenset[str] = frozenset(
    {".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv", ".zip"}
)

# --- limits (each a guard against a hostile or mistaken upload) ---------------------------
MB = 1024 * 1024
MAX_FILE_BYTES = 50 * MB  # one file; a month of a busy outlet's text fits in a few MB
MAX_ARTICLE_CHARS = 300_000  # one article; the longest long-read is ~100k characters
MAX_RECORDS_PER_FILE = 200_000  # records (or zip members) per file: bounds memory and time
MAX_ZIP_UNPACKED_BYTES = 200 * MB  # all members of one zip, enforced while reading
MAX_CSV_FIELD_BYTES = 2 * MB  # one CSV cell (csv counts characters; process-wide setting)
MAX_JSON_DEPTH = 50  # records are 2 levels deep; 50 leaves room for rich metadata
ZIP_READ_CHUNK = 1 * MB  # members are read in chunks so a lying header cannot overshoot

# --- titles and language -------------------------------------------------------------------
HEADLINE_MAX_CHARS = 200  # a longer first line is prose, not a headline
HEADLINE_MAX_WORDS = 25
TITLE_MAX_CHARS = 120  # a title derived from the first sentence is cut at a word here
LANGUAGE_SAMPLE_CHARS = 5000
NON_LATIN_LETTER_SHARE = 0.30  # the documented rule: >30% Cyrillic letters -> refused
MIN_WORDS_FOR_LANGUAGE = 40  # shorter Latin text is too little evidence to refuse
MIN_ENGLISH_FUNCTION_WORDS = 0.08  # English news: ~25-35%; German, French: 1-5% ("in", "a")

FRONT_MATTER_MAX_CHARS = 8000  # front matter is a few lines at the very top
NO_DATE_HINT = (
    "no publication date found: add a 'date: YYYY-MM-DD' line at the top, or pass --date YYYY-MM-DD"
)

_FIELD_ALIASES = {
    "text": ("text", "body", "content"),
    "title": ("title", "headline"),
    "date": ("published_at", "date", "published", "publication_date"),
    "url": ("url", "link"),
    "source": ("source", "outlet"),
}
_FRONT_KEYS = {alias: field for field, names in _FIELD_ALIASES.items() for alias in names}
_JSON_LIST_KEYS = ("articles", "items", "records", "data")
_FRONT_LINE = re.compile(r"[ \t]*([A-Za-z_][\w -]{0,30}?)[ \t]*:(.*)")
FRONT_LINE_MAX_CHARS = 2000  # a longer line is prose, not a key: value pair
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*)$", re.MULTILINE)
_MD_RULE = re.compile(r"^[ \t]*(?:=+|-{3,})[ \t]*$\n?", re.MULTILINE)
_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_CYRILLIC = re.compile(r"[\u0400-\u052f]")
# fmt: off
# Function words that are English and not also words of other Latin-script languages
# ("in", "a", "an", "on", "is", "was", "die" are): ~25% of English news, ~0-2% elsewhere.
_FUNCTION_WORDS = frozenset((
    "the", "of", "and", "to", "for", "with", "were", "said", "by", "that", "it", "has",
    "have", "be", "its", "this", "will", "not", "but", "which", "who", "their", "they", "he",
    "she", "his", "her", "from", "are", "would", "been",
))
# fmt: on


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
    if size <= MAX_FILE_BYTES:
        return None
    return f"file is {size / MB:.0f} MB, over the {MAX_FILE_BYTES // MB} MB limit; split it"


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
            yield from _read_zip(name, data)
        return
    try:
        decoded = decode_bytes(data)
    except UndecodableError as error:
        yield IngestError(name, str(error))
        return
    warnings = decoded.warnings
    if ext in (".txt", ".md"):
        yield _guard(name, lambda: _text_document(name, decoded.text, ext == ".md", warnings))
    elif ext in (".html", ".htm"):
        yield _guard(name, lambda: _html_document(name, decoded.text, warnings))
    elif ext == ".json":
        yield from _records(name, _json_records(name, decoded.text), warnings)
    elif ext == ".jsonl":
        yield from _records(name, _jsonl_records(name, decoded.text), warnings)
    else:
        yield from _records(name, _csv_records(name, decoded.text), warnings)


def _guard(origin: str, build) -> Document | IngestError:
    try:
        return build()
    except IngestError as error:
        return error
    except ValueError as error:
        return IngestError(origin, str(error))


# --- text and markdown ---------------------------------------------------------------------
def _text_document(name: str, text: str, markdown: bool, warnings: tuple[str, ...]) -> Document:
    meta, body = split_front_matter(text)
    if markdown:
        body = _MD_RULE.sub("", _MD_HEADING.sub(_heading_text, body))
    return _make_document(name, name, body, meta, warnings)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """({field: value}, body) from a ``---`` block or leading ``key: value`` lines.

    A careful line parser, not YAML: values stay strings (YAML would turn ``2025-08-15`` into
    a date and ``no`` into False), anchors/aliases cannot blow up, and it costs microseconds.
    Unknown keys inside a ``---`` block are ignored; plain leading lines end at the first
    line that is not a known key.
    """
    text = text.lstrip("\ufeff")
    head = text[:FRONT_MATTER_MAX_CHARS]
    meta: dict[str, str] = {}
    if head.startswith("---"):
        lines = head.split("\n")
        if lines[0].strip() == "---":
            for i, line in enumerate(lines[1:], start=1):
                if line.strip() in ("---", "..."):
                    for entry in lines[1:i]:
                        _front_line(entry, meta)
                    consumed = sum(len(x) + 1 for x in lines[: i + 1])
                    return meta, text[consumed:]
        return meta, text
    pos = 0
    while pos < len(head):
        end = head.find("\n", pos)
        end = len(text) if end == -1 else end
        line = text[pos:end]
        if not line.strip():
            if meta:
                pos = end + 1
            break
        if not _front_line(line, meta, known_only=True):
            break
        pos = end + 1
    return meta, text[pos:] if meta else text


def _heading_text(match: re.Match[str]) -> str:
    """'## Background ##' -> 'Background' (string ops: a regex here could backtrack)."""
    heading = match.group(1).rstrip()
    closed = heading.rstrip("#")
    if closed != heading and (not closed or closed[-1] in " \t"):
        heading = closed.rstrip()
    return heading


def _front_line(line: str, meta: dict[str, str], known_only: bool = False) -> bool:
    if len(line) > FRONT_LINE_MAX_CHARS:
        return False
    match = _FRONT_LINE.fullmatch(line.rstrip("\r"))
    if not match:
        return False
    field = _FRONT_KEYS.get(match.group(1).strip().lower())
    if field is None or field == "text":
        return not known_only
    meta[field] = match.group(2).strip().strip("\"'").strip()
    return True


# --- html ----------------------------------------------------------------------------------
_TRAFILATURA_CONFIG = None


def _html_document(name: str, html: str, warnings: tuple[str, ...]) -> Document:
    import trafilatura  # imported late: ~0.5 s, only HTML needs it

    global _TRAFILATURA_CONFIG
    if _TRAFILATURA_CONFIG is None:
        from trafilatura.settings import use_config

        config = use_config()
        config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # no signal handlers in workers
        config.set("DEFAULT", "MAX_FILE_SIZE", str(MAX_FILE_BYTES))
        _TRAFILATURA_CONFIG = config
    meta: dict[str, str] = {}
    html_date: date | None = None
    text = ""
    try:
        result = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            config=_TRAFILATURA_CONFIG,
            date_extraction_params={
                "extensive_search": False,  # markup only: text dates are ours (DATELINE)
                "original_date": True,
                "min_date": dates.EARLIEST_DATE.isoformat(),
                "max_date": dates.latest_date().isoformat(),
            },
        )
    except Exception:  # trafilatura/lxml on hostile markup: fall back to visible text
        result = None
    if result is not None:
        lines = (line.strip() for line in (result.text or "").split("\n"))
        text = "\n\n".join(line for line in lines if line)
        for field in ("title", "url"):
            value = getattr(result, field, None)
            if isinstance(value, str) and value.strip():
                meta[field] = value.strip()
        if isinstance(result.sitename, str) and result.sitename.strip():
            meta["source"] = result.sitename.strip()
        if isinstance(result.date, str):
            try:
                found = date.fromisoformat(result.date[:10])
            except ValueError:
                found = None
            if found is not None and dates.range_problem(found) is None:
                html_date = found
    if not text.strip():
        text = _visible_text(html)
        if text.strip():
            warnings += ("no main article text found in the HTML; used all visible text",)
    return _make_document(name, name, text, meta, warnings, html_date=html_date)


_INVISIBLE = "//script|//style|//noscript|//template|//iframe|//frame|//object|//embed|//svg"
_INVISIBLE_TAGS = frozenset(_INVISIBLE.replace("//", "").split("|"))
# fmt: off
_BLOCKS = frozenset((
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
    "header", "footer", "blockquote", "pre",
))
# fmt: on


def _visible_text(html: str) -> str:
    """Visible text of markup trafilatura found no article in, one block per paragraph."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
        if not isinstance(root.tag, str) or root.tag.lower() in _INVISIBLE_TAGS:
            return ""
        for node in root.xpath(_INVISIBLE):
            node.drop_tree()
        for node in root.iter():
            if isinstance(node.tag, str) and node.tag.lower() in _BLOCKS:
                node.tail = "\n\n" + (node.tail or "")
        raw = root.text_content()
    except Exception:  # empty or unparseable markup: no text
        return ""
    return "\n\n".join(" ".join(p.split()) for p in raw.split("\n\n") if p.strip())


# --- records: json, jsonl, csv -------------------------------------------------------------
Record = tuple[str, "dict[str, object] | IngestError"]


def _records(
    name: str, records: Iterable[Record], warnings: tuple[str, ...]
) -> Iterator[Document | IngestError]:
    try:
        yield from _checked_records(name, records, warnings)
    except IngestError as error:  # the file itself is malformed: stop here, say where
        yield error


def _checked_records(
    name: str, records: Iterable[Record], warnings: tuple[str, ...]
) -> Iterator[Document | IngestError]:
    count = 0
    for origin, record in records:
        count += 1
        if count > MAX_RECORDS_PER_FILE:
            yield IngestError(name, f"more than {MAX_RECORDS_PER_FILE:,} records; split the file")
            return
        if isinstance(record, IngestError):
            yield record
            continue
        yield _guard(origin, lambda o=origin, r=record: _record_document(name, o, r, warnings))
    if count == 0:
        yield IngestError(name, "no records found in the file")


def _record_document(
    name: str, origin: str, record: dict[str, object], warnings: tuple[str, ...]
) -> Document:
    lowered: dict[str, object] = {}
    for key, value in record.items():
        lowered.setdefault(str(key).strip().lower(), value)
    meta: dict[str, object] = {}
    for field, aliases in _FIELD_ALIASES.items():
        for alias in aliases:
            value = lowered.get(alias)
            if value is not None and not (isinstance(value, str) and not value.strip()):
                meta[field] = value
                break
    text = meta.pop("text", None)
    if text is None:
        raise IngestError(origin, "record has no text")
    if not isinstance(text, str):
        raise IngestError(origin, f"text is a {type(text).__name__}, not a string")
    fields: dict[str, object] = {}
    for field, value in meta.items():
        if field == "date" or isinstance(value, str):
            fields[field] = value
        else:
            warnings += (f"{field} ignored: not text",)
    return _make_document(origin, name, text, fields, warnings)


def _json_records(name: str, text: str) -> Iterator[Record]:
    value = _parse_json(name, text)
    if isinstance(value, dict):
        lowered = {str(k).lower(): v for k, v in value.items()}
        if not any(a in lowered for a in _FIELD_ALIASES["text"]):
            for key in _JSON_LIST_KEYS:
                if isinstance(lowered.get(key), list):
                    value = lowered[key]
                    break
    items = value if isinstance(value, list) else [value]
    if not isinstance(value, list | dict):
        raise IngestError(name, "JSON must be an object or a list of objects")
    for n, item in enumerate(items, start=1):
        origin = f"{name}#{n}"
        if isinstance(item, dict):
            yield origin, item
        else:
            yield origin, IngestError(origin, "record is not an object")


def _jsonl_records(name: str, text: str) -> Iterator[Record]:
    n = 0
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        n += 1
        origin = f"{name}#{n}"
        try:
            item = _parse_json(origin, line, lineno)
        except IngestError as error:
            yield origin, error
            continue
        if isinstance(item, dict):
            yield origin, item
        else:
            yield origin, IngestError(origin, f"line {lineno} is not a JSON object")


_JSON_STRING = re.compile(r'"[^"\\]*+(?:\\.[^"\\]*+)*+"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_INNER_PAIR = re.compile(r"\[\]|\{\}")


def _parse_json(origin: str, text: str, lineno: int | None = None) -> object:
    where = f"line {lineno}: " if lineno else ""
    too_deep = f"{where}JSON is nested more than {MAX_JSON_DEPTH} levels deep"
    try:
        value = json.loads(text)
    except RecursionError:
        raise IngestError(origin, too_deep) from None
    except json.JSONDecodeError as error:
        line = lineno or error.lineno
        raise IngestError(
            origin, f"not valid JSON: {error.msg} (line {line}, column {error.colno})"
        ) from None
    except ValueError as error:  # e.g. an integer with more than 4300 digits
        raise IngestError(origin, f"{where}not valid JSON: {error}") from None
    # Valid JSON, so every string is closed and this regex pass is linear.
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    for _ in range(MAX_JSON_DEPTH):
        brackets, removed = _INNER_PAIR.subn("", brackets)
        if not removed or not brackets:
            return value
    if brackets:
        raise IngestError(origin, too_deep)
    return value


def _csv_records(name: str, text: str) -> Iterator[Record]:
    csv.field_size_limit(MAX_CSV_FIELD_BYTES)
    first_line = text.split("\n", 1)[0]
    delimiter = _csv_delimiter(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    try:
        header = next(reader, None)
        if header is None:
            raise IngestError(name, "CSV has no header row")
        columns = {}
        for index, column in enumerate(header):
            columns.setdefault(column.strip().lower().lstrip("\ufeff"), index)
        wanted = {a: columns[a] for names in _FIELD_ALIASES.values() for a in names if a in columns}
        if not any(a in wanted for a in _FIELD_ALIASES["text"]):
            shown = ", ".join(list(columns)[:10]) + (", ..." if len(columns) > 10 else "")
            raise IngestError(
                name, f"CSV has no text column (need text, body or content; found: {shown})"
            )
        n = 0
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            n += 1
            yield f"{name}#{n}", {a: row[i] for a, i in wanted.items() if i < len(row)}
    except csv.Error as error:
        raise IngestError(name, f"malformed CSV at line {reader.line_num}: {error}") from None


def _csv_delimiter(first_line: str) -> str:
    text_names = set(_FIELD_ALIASES["text"])
    for delimiter in (",", ";", "\t", "|"):
        cells = {c.strip().strip('"').lower() for c in first_line.split(delimiter)}
        if cells & text_names:
            return delimiter
    return max((",", ";", "\t", "|"), key=first_line.count)


# --- zip -----------------------------------------------------------------------------------
def _read_zip(name: str, data: bytes) -> Iterator[Document | IngestError]:
    limit = f"{MAX_ZIP_UNPACKED_BYTES // MB} MB"
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except Exception as error:  # BadZipFile, NotImplementedError (unknown version), ...
        yield IngestError(name, f"not a readable zip file ({type(error).__name__}: {error})")
        return
    # not ZipInfo.is_dir(): it fails on an empty member name (found by the fuzzer)
    files = [m for m in members if not m.filename.endswith("/") and not _hidden_member(m.filename)]
    if len(files) > MAX_RECORDS_PER_FILE:
        yield IngestError(name, f"zip has more than {MAX_RECORDS_PER_FILE:,} files; split it")
        return
    declared = sum(m.file_size for m in files)
    if declared > MAX_ZIP_UNPACKED_BYTES:
        yield IngestError(
            name, f"zip unpacks to more than {declared // MB} MB (limit {limit}); split it"
        )
        return
    budget = MAX_ZIP_UNPACKED_BYTES
    read_any = False
    for member in files:
        origin = f"{name}/{member.filename}"
        unsafe = _unsafe_member(member.filename)
        if unsafe:
            yield IngestError(origin, f"unsafe member name ({unsafe}); skipped")
            continue
        ext = PurePosixPath(member.filename).suffix.lower()
        if ext not in SUPPORTED_EXTENSIONS:
            continue  # as in a folder: other files (images, PDFs) are skipped
        read_any = True
        if ext == ".zip":
            yield IngestError(origin, "nested zip files are not read; unzip it first")
            continue
        try:
            content = _read_member(archive, member, min(budget, MAX_FILE_BYTES) + 1)
        except Exception as error:  # encrypted, corrupt, unsupported compression...
            yield IngestError(origin, f"could not unpack this member ({error})")
            continue
        budget -= len(content)
        if budget < 0:
            yield IngestError(name, f"zip unpacks to more than {limit} (limit {limit}); split it")
            return
        if len(content) > MAX_FILE_BYTES:
            yield IngestError(
                origin, f"unpacks to more than {MAX_FILE_BYTES // MB} MB, over the limit; split it"
            )
            continue
        yield from _read_file(origin, content, in_zip=True)
    if not read_any:
        kinds = ", ".join(sorted(SUPPORTED_EXTENSIONS - {".zip"}))
        yield IngestError(name, f"zip has no supported files ({kinds})")


def _read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, cap: int) -> bytes:
    """At most ``cap`` bytes of the member, read in chunks (its header may lie)."""
    chunks: list[bytes] = []
    total = 0
    with archive.open(member) as stream:
        while total < cap:
            chunk = stream.read(min(ZIP_READ_CHUNK, cap - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    return b"".join(chunks)


def _hidden_member(filename: str) -> bool:
    parts = filename.replace("\\", "/").split("/")
    return parts[0] == "__MACOSX" or any(p.startswith(".") and p not in (".", "..") for p in parts)


def _unsafe_member(filename: str) -> str | None:
    path = filename.replace("\\", "/")
    if not path.strip():
        return "empty name"
    if path.startswith("/"):
        return "absolute path"
    if re.match(r"[A-Za-z]:", path):
        return "drive letter"
    if ".." in path.split("/"):
        return "'..' in the path"
    return None


# --- one document ----------------------------------------------------------------------------
def _make_document(
    origin: str,
    name: str,
    text: str,
    fields: dict[str, object],
    warnings: tuple[str, ...],
    html_date: date | None = None,
) -> Document:
    """Document from text and metadata, applying the text, language and date rules."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise IngestError(origin, "no text: the article is empty after extraction")
    if len(text) > MAX_ARTICLE_CHARS:
        raise IngestError(
            origin,
            f"text is {len(text):,} characters, over the {MAX_ARTICLE_CHARS:,} limit per "
            "article; split it",
        )
    language_problem = _language_problem(text)
    if language_problem:
        raise IngestError(origin, language_problem)
    title = fields.get("title")
    if not isinstance(title, str) or not title.strip():
        title, derived = derive_title(text)
        if derived:
            warnings += ("title taken from first sentence",)
    published, source = _resolve_date(origin, name, text, fields.get("date"), html_date)
    url, outlet = fields.get("url"), fields.get("source")
    return Document(
        origin=origin,
        title=" ".join(title.split()),
        text=text,
        published_at=published,
        date_source=source,
        url=url if isinstance(url, str) else None,
        source=outlet if isinstance(outlet, str) else None,
        lang="en",
        warnings=warnings,
    )


def _resolve_date(
    origin: str, name: str, text: str, field: object, html_date: date | None
) -> tuple[date | None, DateSource | None]:
    if field is not None and not (isinstance(field, str) and not field.strip()):
        try:
            return dates.parse_date_field(field), DateSource.FIELD
        except ValueError as error:
            raise IngestError(origin, str(error)) from None
    if html_date is not None:
        return html_date, DateSource.HTML_META
    from_name, year = dates.date_from_filename(name)
    written = dates.find_written_date(text, year)
    if written is not None:
        return written, DateSource.DATELINE
    if from_name is not None:
        return from_name, DateSource.FILENAME
    return None, None


def derive_title(text: str) -> tuple[str, bool]:
    """(title, derived_from_sentence): the first line if it looks like a headline."""
    first = next((line.strip() for line in text.split("\n", 50) if line.strip()), "")
    if (
        len(first) <= HEADLINE_MAX_CHARS
        and len(first.split()) <= HEADLINE_MAX_WORDS
        and not first.endswith((".", ",", ";", ":"))
    ):
        return first, False
    sentences = split_sentences(first[: TITLE_MAX_CHARS * 4])  # "U.S." does not end one
    title = sentences[0].text if sentences else first
    if len(title) > TITLE_MAX_CHARS:
        cut = title[:TITLE_MAX_CHARS].rsplit(" ", 1)[0] or title[:TITLE_MAX_CHARS]
        title = cut.rstrip(" ,;:") + "…"
    return title, True


def _language_problem(text: str) -> str | None:
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if not sample.isascii() and _NON_LATIN_LETTER.search(sample):
        letters = len(_LETTER.findall(sample))
        if len(_NON_LATIN_LETTER.findall(sample)) > NON_LATIN_LETTER_SHARE * letters:
            if len(_CYRILLIC.findall(sample)) > NON_LATIN_LETTER_SHARE * letters:
                return (
                    "language not supported: the text is Russian/Belarusian (Cyrillic); "
                    "only English articles are scored"
                )
            return (
                f"language not supported: the text is in {_main_script(sample)} script; "
                "only English articles are scored"
            )
    words = sample[:2000].lower().split()
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return None
    if sum(map(_FUNCTION_WORDS.__contains__, words)) >= MIN_ENGLISH_FUNCTION_WORDS * len(words):
        return None
    import py3langid  # ~7 ms per call: only for text that already looks non-English

    lang, _ = py3langid.classify(sample[:2000])
    if lang not in _LANGUAGE_NAMES:  # English, or a guess on odd text: do not refuse
        return None
    return (
        f"language not supported: the text looks like {_LANGUAGE_NAMES[lang]}; "
        "only English articles are scored"
    )


_LANGUAGE_NAMES = {
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "pl": "Polish",
    "nl": "Dutch",
    "tr": "Turkish",
    "cs": "Czech",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "ro": "Romanian",
    "sv": "Swedish",
    "fi": "Finnish",
    "hu": "Hungarian",
    "da": "Danish",
    "no": "Norwegian",
    "sk": "Slovak",
    "sl": "Slovenian",
    "hr": "Croatian",
    "et": "Estonian",
    "id": "Indonesian",
    "vi": "Vietnamese",
    "ca": "Catalan",
}  # fmt: skip; the languages refused when py3langid names them (others pass as English)


def _main_script(sample: str) -> str:
    counts: dict[str, int] = {}
    for char in sample:
        if char.isalpha() and not _LATIN.match(char):
            script = unicodedata.name(char, "UNKNOWN").split()[0]
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else "a non-Latin"

"""Record files: .json, .jsonl and .csv, one Draft (or IngestError) per record.

.json is one object, a list of objects, or {"articles"|"items"|"records"|"data": [...]};
.jsonl one object per line; .csv a header row (``,`` ``;`` tab or ``|``). Record keys are
case-insensitive: text|body|content, title|headline, published_at|date|published|
publication_date, url|link, source|outlet, speaker|source_country. Origins name the record:
``batch.jsonl#3``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator

from tracker.errors import IngestError
from tracker.load import limits
from tracker.load.documents import FIELD_ALIASES, Draft, document_or_error, draft_document
from tracker.models import count_surrogates, replace_surrogates

_JSON_LIST_KEYS = ("articles", "items", "records", "data")
Record = tuple[str, "dict[str, object] | IngestError"]


def record_drafts(
    name: str, records: Iterable[Record], warnings: tuple[str, ...]
) -> Iterator[Draft | IngestError]:
    """One Draft (or IngestError) per (origin, record); a malformed file ends the run."""
    try:
        yield from _checked_records(name, records, warnings)
    except IngestError as error:  # the file itself is malformed: stop here, say where
        yield error


def _checked_records(
    name: str, records: Iterable[Record], warnings: tuple[str, ...]
) -> Iterator[Draft | IngestError]:
    count = 0
    for origin, record in records:
        count += 1
        if count > limits.MAX_RECORDS_PER_FILE:
            yield IngestError(
                name, f"more than {limits.MAX_RECORDS_PER_FILE:,} records; split the file"
            )
            return
        if isinstance(record, IngestError):
            yield record
            continue
        yield document_or_error(
            origin, lambda o=origin, r=record: _record_draft(name, o, r, warnings)
        )
    if count == 0:
        yield IngestError(name, "no records found in the file")


def _record_draft(
    name: str, origin: str, record: dict[str, object], warnings: tuple[str, ...]
) -> Draft:
    lowered: dict[str, object] = {}
    for key, value in record.items():
        lowered.setdefault(str(key).strip().lower(), value)
    meta: dict[str, object] = {}
    for field, aliases in FIELD_ALIASES.items():
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
    text, fields, warnings = _without_surrogates(text, fields, warnings)
    return draft_document(origin, name, text, fields, warnings)


def _without_surrogates(
    text: str, fields: dict[str, object], warnings: tuple[str, ...]
) -> tuple[str, dict[str, object], tuple[str, ...]]:
    """JSON's ``"\\udfff"`` escapes decode to lone surrogates, which no UTF-8 file, database
    or page can hold: each becomes U+FFFD, with a warning (the record is kept)."""
    count = count_surrogates(text) + sum(
        count_surrogates(v) for v in fields.values() if isinstance(v, str)
    )
    if not count:
        return text, fields, warnings
    fields = {k: replace_surrogates(v) if isinstance(v, str) else v for k, v in fields.items()}
    warning = f"{count} lone surrogate escape(s) (like \\udfff) replaced with '\ufffd'"
    return replace_surrogates(text), fields, (*warnings, warning)


def json_records(name: str, text: str) -> Iterator[Record]:
    """(origin, object) of a .json file: one object, a list, or a list under a known key."""
    value = _parse_json(name, text)
    if isinstance(value, dict):
        lowered = {str(k).lower(): v for k, v in value.items()}
        if not any(a in lowered for a in FIELD_ALIASES["text"]):
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


def jsonl_records(name: str, text: str) -> Iterator[Record]:
    """(origin, object) per non-blank line of a .jsonl file."""
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
    too_deep = f"{where}JSON is nested more than {limits.MAX_JSON_DEPTH} levels deep"
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
    for _ in range(limits.MAX_JSON_DEPTH):
        brackets, removed = _INNER_PAIR.subn("", brackets)
        if not removed or not brackets:
            return value
    if brackets:
        raise IngestError(origin, too_deep)
    return value


def csv_records(name: str, text: str) -> Iterator[Record]:
    """(origin, {column: cell}) per non-blank row of a .csv file, known columns only.

    A cell over MAX_CSV_FIELD_BYTES fails its record alone (csv's own field limit would end
    the file there and silently drop every row after it): the reader's limit is the file
    limit, and each record's cells are measured here.
    """
    csv.field_size_limit(max(limits.MAX_FILE_BYTES, limits.MAX_CSV_FIELD_BYTES))
    first_line = text.split("\n", 1)[0]
    delimiter = _csv_delimiter(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    n = 0
    try:
        header = next(reader, None)
        if header is None:
            raise IngestError(name, "CSV has no header row")
        columns = {}
        for index, column in enumerate(header):
            columns.setdefault(column.strip().lower().lstrip("\ufeff"), index)
        wanted = {a: columns[a] for names in FIELD_ALIASES.values() for a in names if a in columns}
        if not any(a in wanted for a in FIELD_ALIASES["text"]):
            shown = ", ".join(list(columns)[:10]) + (", ..." if len(columns) > 10 else "")
            raise IngestError(
                name, f"CSV has no text column (need text, body or content; found: {shown})"
            )
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            n += 1
            origin = f"{name}#{n}"
            record = {a: row[i] for a, i in wanted.items() if i < len(row)}
            yield origin, _oversized_cell(origin, record, reader.line_num) or record
    except csv.Error as error:
        after = f" after record {n}" if n else ""
        raise IngestError(
            name,
            f"malformed CSV at line {reader.line_num}{after}: {error}; the rest of the file "
            "was not read",
        ) from None


def _oversized_cell(origin: str, record: dict[str, str], line: int) -> IngestError | None:
    for column, cell in record.items():
        if len(cell) > limits.MAX_CSV_FIELD_BYTES:
            return IngestError(
                origin,
                f"field '{column}' (ending on line {line}) is {len(cell):,} characters, over "
                f"the {limits.MAX_CSV_FIELD_BYTES:,} limit per field",
            )
    return None


def _csv_delimiter(first_line: str) -> str:
    text_names = set(FIELD_ALIASES["text"])
    for delimiter in (",", ";", "\t", "|"):
        cells = {c.strip().strip('"').lower() for c in first_line.split(delimiter)}
        if cells & text_names:
            return delimiter
    return max((",", ";", "\t", "|"), key=first_line.count)

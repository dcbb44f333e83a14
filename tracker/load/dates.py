"""Publication dates for the loaders: explicit fields, datelines, file names, valid range.

Precedence (applied in tracker.load.reader): an explicit field or front matter (FIELD) > HTML
metadata (HTML_META) > a dateline or written date in the first DATELINE_WINDOW characters of
the text (DATELINE) > a YYYY-MM-DD in the file name (FILENAME) > the caller's date (CALLER).

Written dates are found with regexes and built with ``datetime.date`` (an impossible day such
as "Feb. 30, 2025" is skipped); free-form explicit fields fall back to python-dateutil, but
only when they contain a four-digit year (dateutil alone would read "5" as a day this month).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

EARLIEST_DATE = date(1900, 1, 1)  # older "news" is a typo (year 1, 0025) or not news
DATELINE_WINDOW = 600  # datelines sit in the first lines; later dates are history, not "now"
MAX_DATE_FIELD_CHARS = 100  # a longer "date" is not a date; keeps dateutil's work bounded

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# Capitalised month names only: lower-case "may" and "march" are common words.
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_ORD = r"(?:st|nd|rd|th)?"
_WRITTEN_DATE = re.compile(
    rf"(?<![\d-])(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})(?![\d-])"
    rf"|(?<!\d)(?P<dd>\d{{1,2}}){_ORD}\s+(?P<dm>{_MONTH})(?:,?\s+(?P<dy>\d{{4}})(?!\d))?"
    rf"|\b(?P<mm>{_MONTH})\s+(?P<md>\d{{1,2}}){_ORD}(?!\d)(?:,?\s+(?P<my>\d{{4}})(?!\d))?"
)
_ISO_PREFIX = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?:$|[T\s])")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_FILENAME_DATE = re.compile(r"(?<!\d)(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")
_FILENAME_YEAR = re.compile(r"(?<!\d)(19\d{2}|20\d{2})(?!\d)")


def latest_date() -> date:
    """The latest acceptable publication date: tomorrow (time zones ahead of ours)."""
    return date.today() + timedelta(days=1)


def range_problem(value: date) -> str | None:
    """A reason when ``value`` is outside EARLIEST_DATE..tomorrow, else None."""
    if EARLIEST_DATE <= value <= latest_date():
        return None
    return (
        f"date {value.isoformat()} is outside 1900..today "
        f"({EARLIEST_DATE.isoformat()}..{latest_date().isoformat()}); "
        "give the real publication date as YYYY-MM-DD"
    )


def parse_date_field(value: object) -> date:
    """An explicit date (field, front matter); ValueError with the user's message otherwise."""
    parsed = _parse_field(value)
    if parsed is None:
        shown = str(value)[:40]
        raise ValueError(f"date '{shown}' is not a date; use YYYY-MM-DD")
    problem = range_problem(parsed)
    if problem:
        raise ValueError(problem)
    return parsed


def _parse_field(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or len(value) > MAX_DATE_FIELD_CHARS:
        return None
    iso = _ISO_PREFIX.match(value)
    if iso:
        if not _valid_time(value[iso.end(1) :]):
            return None  # "2025-08-15T25:99:00": a date with an impossible time is no date
        try:
            return date.fromisoformat(iso.group(1))
        except ValueError:
            return None
    written = _WRITTEN_DATE.fullmatch(value.strip())
    if written:
        return _build(written, None)
    if not _YEAR.search(value):
        return None
    from dateutil import parser  # imported late: only free-form dates need it

    try:
        return parser.parse(value, default=datetime(2000, 1, 1)).date()
    except (ValueError, OverflowError, TypeError, ArithmeticError):
        return None


_TIME = re.compile(r"[T\s]\s*(\d{1,2}):(\d{2})(?::(\d{2}))?")


def _valid_time(rest: str) -> bool:
    """False when what follows an ISO date starts with a time of day that cannot be."""
    found = _TIME.match(rest)
    if not found:
        return True
    hour, minute, second = (int(g) if g else 0 for g in found.groups())
    return hour < 24 and minute < 60 and second <= 60  # 60: a leap second


def find_written_date(text: str, year_hint: int | None = None) -> date | None:
    """The first valid date written in the first DATELINE_WINDOW characters of ``text``.

    A date without a year ("MINSK, Aug. 15 (Reuters)") is used only when ``year_hint``
    (a year from the file name) is given. Dates outside the valid range are skipped.
    """
    for match in _WRITTEN_DATE.finditer(text, 0, DATELINE_WINDOW):
        found = _build(match, year_hint)
        if found is not None and range_problem(found) is None:
            return found
    return None


def _build(match: re.Match[str], year_hint: int | None) -> date | None:
    g = match.groupdict()
    if g["iy"]:
        year, month, day = int(g["iy"]), int(g["im"]), int(g["id"])
    else:
        month_name = g["dm"] or g["mm"]
        year_text = g["dy"] or g["my"]
        year = int(year_text) if year_text else year_hint
        if year is None:
            return None
        month = _MONTHS[month_name[:3].lower()]
        day = int(g["dd"] or g["md"])
    try:
        return date(year, month, day)
    except ValueError:
        return None


def date_from_filename(name: str) -> tuple[date | None, int | None]:
    """(a valid YYYY-MM-DD date in the file name, a year in it) — either may be None."""
    base = re.split(r"[/\\]", name)[-1]
    for match in _FILENAME_DATE.finditer(base):
        try:
            found = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            continue
        if range_problem(found) is None:
            return found, found.year
    year = _FILENAME_YEAR.search(base)
    return None, int(year.group(1)) if year else None

"""One GDELT 2.0 export line -> a GdeltEvent between two states, or why not. Pure.

A row is kept when Actor1CountryCode and Actor2CountryCode name two different states
(tracker.gdelt.countries); any other row (a region, an organisation, a blank code, one state
with itself) is not a pair of states and is counted, not stored. A kept row whose fields
do not parse is malformed: ``RowError`` says which field and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tracker.gdelt.codebook import COLUMNS, INDEX
from tracker.gdelt.countries import state_of
from tracker.models import make_pair

MAX_URL_CHARS = 2048
_INT64_MAX = 2**63 - 1
_INT32_MAX = 2**31 - 1

_ID, _DAY = INDEX["GLOBALEVENTID"], INDEX["SQLDATE"]
_A1, _A2 = INDEX["Actor1CountryCode"], INDEX["Actor2CountryCode"]
_ROOT, _CODE, _QUAD = INDEX["IsRootEvent"], INDEX["EventCode"], INDEX["QuadClass"]
_GOLD, _MENTIONS, _ARTICLES = INDEX["GoldsteinScale"], INDEX["NumMentions"], INDEX["NumArticles"]
_TONE, _URL = INDEX["AvgTone"], INDEX["SOURCEURL"]


class RowError(ValueError):
    """A malformed row: the message names the field."""


@dataclass(frozen=True, slots=True)
class GdeltEvent:
    """The part of a GDELT event row the comparison uses. source = Actor1, target = Actor2."""

    global_event_id: int
    day: date
    pair: tuple[str, str]
    source: str
    target: str
    event_code: str
    quad_class: int
    goldstein: float
    avg_tone: float
    num_mentions: int
    num_articles: int
    is_root_event: bool
    source_url: str | None


def parse_row(line: str) -> GdeltEvent | None:
    """The event of a line (without its newline), None when it is not a pair of states."""
    fields = line.split("\t")
    if len(fields) != len(COLUMNS):
        raise RowError(f"{len(fields)} columns, not the {len(COLUMNS)} of a GDELT 2.0 event export")
    source, target = state_of(fields[_A1]), state_of(fields[_A2])
    if source is None or target is None or source == target:
        return None
    url = fields[_URL].strip()
    return GdeltEvent(
        global_event_id=_integer(fields[_ID], "GLOBALEVENTID", low=1, high=_INT64_MAX),
        day=_day(fields[_DAY]),
        pair=make_pair(source, target),
        source=source,
        target=target,
        event_code=_event_code(fields[_CODE]),
        quad_class=_integer(fields[_QUAD], "QuadClass", low=1, high=4),
        goldstein=_number(fields[_GOLD], "GoldsteinScale", 10.0),
        avg_tone=_number(fields[_TONE], "AvgTone", 100.0),
        num_mentions=_integer(fields[_MENTIONS], "NumMentions", low=0, high=_INT32_MAX),
        num_articles=_integer(fields[_ARTICLES], "NumArticles", low=0, high=_INT32_MAX),
        is_root_event=_flag(fields[_ROOT]),
        source_url=url
        if url.startswith(("http://", "https://")) and len(url) <= MAX_URL_CHARS
        else None,
    )


def _integer(text: str, name: str, *, low: int | None = None, high: int | None = None) -> int:
    value = text.strip()
    if not value.isascii() or not value.lstrip("-").isdigit() or len(value) > 19:
        raise RowError(f"{name} {_shown(text)} is not a whole number")
    number = int(value)
    if (low is not None and number < low) or (high is not None and number > high):
        bounds = f"{low if low is not None else ''}..{high if high is not None else ''}"
        raise RowError(f"{name} {number} is outside {bounds}")
    return number


def _number(text: str, name: str, bound: float) -> float:
    try:
        value = float(text.strip())
    except ValueError:
        raise RowError(f"{name} {_shown(text)} is not a number") from None
    if not -bound <= value <= bound:  # also refuses nan and inf
        raise RowError(f"{name} {value:g} is outside -{bound:g}..{bound:g}")
    return value


def _day(text: str) -> date:
    value = text.strip()
    if len(value) != 8 or not value.isdigit():
        raise RowError(f"SQLDATE {_shown(text)} is not YYYYMMDD")
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        raise RowError(f"SQLDATE {value} is not a calendar date") from None


def _event_code(text: str) -> str:
    value = text.strip()
    if not (2 <= len(value) <= 4 and value.isascii() and value.isdigit()):
        raise RowError(f"EventCode {_shown(text)} is not a CAMEO code")
    return value


def _flag(text: str) -> bool:
    value = text.strip()
    if value not in ("0", "1"):
        raise RowError(f"IsRootEvent {_shown(text)} is not 0 or 1")
    return value == "1"


def _shown(text: str) -> str:
    value = text.strip()
    return repr(value[:40] + ("…" if len(value) > 40 else "")) if value else "(empty)"

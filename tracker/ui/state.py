"""Widget and session keys (one enum), and the view <-> URL query-parameter sync.

A shared link carries the whole view: ``?pairs=BLR-USA,RUS-USA&from=2021-01-01&to=2022-12-31
&freq=M&dir=1&w_volatility=0.03&...`` (one ``w_`` parameter per temperature weight).
Everything read from the URL is validated here before it reaches a widget (and so before
it can reach a query): unknown pairs, malformed codes, bad or out-of-range dates and unknown
frequencies, and unknown or out-of-range weights are dropped with a short warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

import streamlit as st

from tracker.models import parse_pair


class Key(StrEnum):
    """Every widget key and session_state entry of the dashboard."""

    PAIRS = "pairs"
    DATE_RANGE = "date_range"
    FREQ = "freq"
    DIRECTED = "directed"
    PARAM_PREFIX = "param_"  # + TemperatureParams field name (the weights panel's widgets)
    WEIGHTS = "weights"  # the view's weights, {field: value}: the widgets write here
    PARAMS_RESET = "params_reset"
    CHART = "temperature_chart"
    CATEGORY_CHART = "category_chart"
    CHART_SELECTION_SEEN = "chart_selection_seen"  # + chart key
    REMOVED = "removed_articles"  # the undo stack: lists of Articles removed in this session
    REMOVE_PREFIX = "remove_"  # + article id
    UNDO_BUTTON = "undo_remove"
    DRILL_PERIOD = "drill_period"
    UPLOADER = "uploader"  # + nonce: a new nonce empties the uploader after an add
    UPLOAD_NONCE = "upload_nonce"
    REVIEW_TABLE = "review_table"  # + review version
    REVIEW = "upload_review"  # the upload under review (tracker.ui.upload.Review)
    RECORD_DATE = "record_date"  # + upload digest + record index
    DATE_FOR_ALL = "date_for_all"  # + upload digest
    ADD_BUTTON = "add_button"
    UPLOAD_SUMMARY = "upload_summary"
    EXPORT_PREFIX = "export_"  # + chart id
    BRIEF_BUTTON = "brief_button"
    BRIEF_RESULT = "brief_result"
    INITIALISED = "view_initialised"
    URL_WARNINGS = "url_warnings"
    DRAWN_VIEW = "drawn_view"  # the view whose whole page was drawn (app.py: chart first)


FREQ_CODES = ("D", "W", "M")
FREQ_NAMES = {"D": "day", "W": "week", "M": "month"}
DEFAULT_FREQ = "M"
# USA–BLR and USA–RUS: the pairs the tracker was built for, preselected when present.
DEFAULT_PAIRS: tuple[tuple[str, str], ...] = (("BLR", "USA"), ("RUS", "USA"))
MAX_URL_PAIRS = 8  # a link selecting more is trimmed: the chart stays readable
MAX_PARAM_CHARS = 400  # longer query values are ignored outright
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class View:
    """What the URL can set: pairs, date range, frequency, directed view, weights."""

    pairs: tuple[tuple[str, str], ...] = ()
    start: date | None = None
    end: date | None = None
    freq: str | None = None
    directed: bool | None = None
    warnings: tuple[str, ...] = field(default=())
    weights: tuple[tuple[str, float], ...] = field(default=())


def pair_code(pair: tuple[str, str]) -> str:
    return f"{pair[0]}-{pair[1]}"


def parse_view(
    params: Mapping[str, str],
    available: Iterable[tuple[str, str]],
    *,
    first: date | None = None,
    last: date | None = None,
    weight_ranges: Mapping[str, tuple[float, float]] | None = None,
) -> View:
    """Validate query parameters against the pairs present, the data's date span and the
    model's weights (``weight_ranges``: name -> (low, high))."""
    known = set(available)
    warnings: list[str] = []
    pairs: list[tuple[str, str]] = []
    raw = _get(params, "pairs")
    if raw:
        for part in raw.split(",")[: MAX_URL_PAIRS * 2]:
            try:
                pair = parse_pair(part)
            except ValueError:
                warnings.append("ignored a malformed pair in the link")
                continue
            if pair not in known:
                warnings.append(f"ignored pair {pair_code(pair)}: not in the database")
            elif pair not in pairs:
                pairs.append(pair)
        pairs = pairs[:MAX_URL_PAIRS]
    start = _parse_date(_get(params, "from"), "from", warnings)
    end = _parse_date(_get(params, "to"), "to", warnings)
    if start and end and start > end:
        warnings.append("ignored the link's date range: 'from' is after 'to'")
        start = end = None
    if first and last:
        if start and not first <= start <= last:
            start = first if start < first else None
        if end and not first <= end <= last:
            end = last if end > last else None
        if start and end and start > end:
            start = end = None
    freq = None
    raw_freq = _get(params, "freq")
    if raw_freq:
        if raw_freq.upper() in FREQ_CODES:
            freq = raw_freq.upper()
        else:
            warnings.append("ignored an unknown frequency in the link")
    directed = None
    raw_dir = _get(params, "dir")
    if raw_dir:
        if raw_dir in ("0", "1"):
            directed = raw_dir == "1"
        else:
            warnings.append("ignored an unknown direction setting in the link")
    weights = _parse_weights(params, weight_ranges or {}, warnings)
    return View(tuple(pairs), start, end, freq, directed, tuple(dict.fromkeys(warnings)), weights)


WEIGHT_PREFIX = "w_"


def _parse_weights(
    params: Mapping[str, str], ranges: Mapping[str, tuple[float, float]], warnings: list[str]
) -> tuple[tuple[str, float], ...]:
    out: list[tuple[str, float]] = []
    for key in list(params)[:64]:
        if not str(key).startswith(WEIGHT_PREFIX):
            continue
        name = str(key)[len(WEIGHT_PREFIX) :]
        text = _get(params, key)
        if name not in ranges:
            warnings.append(f"ignored an unknown weight in the link ({name[:40]})")
            continue
        try:
            value = float(text)
        except ValueError:
            warnings.append(f"ignored the link's weight {name}: not a number")
            continue
        low, high = ranges[name]
        if not low <= value <= high:  # NaN fails this too
            warnings.append(f"ignored the link's weight {name}: outside {low:g} … {high:g}")
            continue
        out.append((name, value))
    return tuple(out)


def _get(params: Mapping[str, str], name: str) -> str:
    value = params.get(name)
    if isinstance(value, list):  # a repeated parameter: take the first
        value = value[0] if value else None
    if not value or len(value) > MAX_PARAM_CHARS:
        return ""
    return str(value).strip()


def _parse_date(text: str, name: str, warnings: list[str]) -> date | None:
    if not text:
        return None
    if not _DATE.fullmatch(text):
        warnings.append(f"ignored the link's '{name}' date: use YYYY-MM-DD")
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        warnings.append(f"ignored the link's '{name}' date: not a real date")
        return None


def view_params(
    pairs: Iterable[tuple[str, str]],
    start: date | None,
    end: date | None,
    freq: str,
    directed: bool,
    weights: Mapping[str, float] | None = None,
) -> dict[str, str]:
    """The query parameters that reproduce a view (every weight: a link keeps its numbers
    even where the defaults differ)."""
    params = {"pairs": ",".join(pair_code(p) for p in pairs), "freq": freq}
    if start:
        params["from"] = start.isoformat()
    if end:
        params["to"] = end.isoformat()
    if directed:
        params["dir"] = "1"
    for name, value in (weights or {}).items():
        params[f"{WEIGHT_PREFIX}{name}"] = f"{float(value):.10g}"
    return params


def write_query_params(params: Mapping[str, str]) -> None:
    """Put the view in the URL (only when it changed: each write costs a browser message)."""
    current = {k: st.query_params.get(k) for k in st.query_params}
    if current != dict(params):
        st.query_params.from_dict(dict(params))


@dataclass(frozen=True)
class Context:
    """What every section needs for one run: where the data is and what is selected."""

    db: str
    version: tuple[int, str]
    pairs: tuple[tuple[str, str], ...]
    start: date | None
    end: date | None
    freq: str
    directed: bool
    params_key: tuple[tuple[str, object], ...]
    read_only: bool
    settings: str = ""  # the weights in words (exports, brief)

    def chart_view(self) -> tuple:
        """The temperature chart's arguments (tracker.ui.cached.temperature_chart)."""
        return (
            self.db, self.version, self.pairs, self.freq, self.start, self.end, self.directed,
            self.params_key,
        )  # fmt: skip

"""Labels shared by the charts, the dashboard and the brief: pairs, directions, series,
periods (as the timeline labels them), and escaping for plotly's HTML-ish labels. Pure."""

from __future__ import annotations

import html

import pandas as pd

from tracker.present.safe_text import display_text

FREQ_WORDS = {"D": "day", "W": "week", "M": "month"}


def pair_label(pair: object) -> str:
    """('BLR', 'USA') or 'BLR-USA' -> 'BLR–USA'."""
    if isinstance(pair, tuple | list) and len(pair) == 2:
        return f"{pair[0]}–{pair[1]}"
    return str(pair).replace("-", "–")


def direction_label(direction: object) -> str:
    """('USA', 'BLR') or 'USA>BLR' -> 'USA→BLR'; empty for an undirected series."""
    if direction is None or (isinstance(direction, float) and pd.isna(direction)):
        return ""
    if isinstance(direction, tuple | list) and len(direction) == 2:
        return f"{direction[0]}→{direction[1]}"
    text = str(direction).strip()
    for sep in ("->", ">", "-"):
        if sep in text:
            a, b = text.split(sep, 1)
            return f"{a.strip()}→{b.strip()}"
    return text


def series_label(pair: object, direction: object = None) -> str:
    """The legend name of one series: the directed label when there is a direction."""
    return direction_label(direction) or pair_label(pair)


def or_unknown(code: object) -> object:
    """An actor code, or '?' when the event has none (None, NaN or empty)."""
    return "?" if code is None or (isinstance(code, float) and pd.isna(code)) or not code else code


def escape(value: object, limit: int | None = None) -> str:
    """Text for a plotly label: no bidi controls, HTML-escaped, cut to ``limit`` characters
    with an ellipsis."""
    text = display_text(value)  # "" for None/NaN; no bidi controls
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return html.escape(text, quote=True)


def period_label(start: object, freq: str) -> str:
    """The timeline's label of the period starting at ``start``: 'YYYY-MM' for months, the
    first day 'YYYY-MM-DD' for days and weeks (tracker.index.periods.period_labels)."""
    day = pd.Timestamp(start).strftime("%Y-%m-%d")
    return day[:7] if freq.upper()[:1] == "M" else day


def period_starts(dates: pd.Series, freq: str) -> pd.Series:
    """The start of the day, ISO week (Monday) or month each date falls in."""
    stamps = pd.to_datetime(dates)
    code = freq.upper()[:1]
    if code == "M":
        return stamps.dt.to_period("M").dt.start_time
    if code == "W":
        return stamps.dt.to_period("W-SUN").dt.start_time
    return stamps.dt.normalize()

"""DataFrame -> plotly Figure. Pure: no streamlit, no database, no I/O.

Input frames are the ones tracker.index.timeline and the dashboard reads of tracker.store return:

* timeline: period, period_start, temperature, lower, upper, tone, events_score, articles,
  events, pair, direction (one row per period per series; several pairs/directions stack)
* events: published_at, pair_a, pair_b, source, target, category, mode, quad_class,
  intensity, title (one row per coded event)

Every string that comes from an article (titles, actor codes, categories) is passed through
:func:`html.escape` before it reaches a hover label: plotly renders a subset of HTML in hover
text and escapes nothing by itself.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from tracker.present.safe_text import display_text

# A colour-blind-safe qualitative palette (Okabe & Ito 2008), one colour per series.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
# PLOVER/CAMEO quad classes: 1 verbal cooperation, 2 material cooperation,
# 3 verbal conflict, 4 material conflict.
QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
QUAD_COLOURS = {1: "#8FD3B6", 2: "#009E73", 3: "#F4A582", 4: "#B2182B"}
TEMPERATURE_RANGE = (-100, 100)  # the documented scale of the index
TITLE_HOVER_CHARS = 90  # a hover label is one line; longer titles are cut with an ellipsis
MAX_MARKER_TITLES = 3  # titles listed in one event marker's hover


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


def _or_unknown(code: object) -> object:
    """An actor code, or '?' when the event has none (None, NaN or empty)."""
    return "?" if code is None or (isinstance(code, float) and pd.isna(code)) or not code else code


def _escape(value: object, limit: int | None = None) -> str:
    text = display_text(value)  # "" for None/NaN; no bidi controls
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return html.escape(text, quote=True)


def _with_series(timeline: pd.DataFrame) -> pd.DataFrame:
    frame = timeline.copy()
    directions = frame["direction"] if "direction" in frame else [None] * len(frame)
    frame["series"] = [series_label(p, d) for p, d in zip(frame["pair"], directions, strict=True)]
    frame["period_start"] = pd.to_datetime(frame["period_start"])
    return frame.sort_values(["series", "period_start"])


def temperature_figure(
    timeline: pd.DataFrame,
    events: pd.DataFrame | None = None,
    *,
    title: str | None = None,
    freq: str = "M",
    show_coverage: bool = True,
) -> go.Figure:
    """Temperature per series with its uncertainty band, event markers and coverage bars.

    Each point's ``customdata`` is ``[series, period]`` so a selection names what it hit.
    """
    rows = 2 if show_coverage else 1
    fig = make_subplots(
        rows=rows,
        cols=1,
        shared_xaxes=True,
        row_heights=[0.78, 0.22] if show_coverage else [1.0],
        vertical_spacing=0.04,
    )
    frame = _with_series(timeline) if len(timeline) else timeline
    series_names: Sequence[str] = list(dict.fromkeys(frame["series"])) if len(frame) else []
    for index, name in enumerate(series_names):
        colour = PALETTE[index % len(PALETTE)]
        part = frame[frame["series"] == name]
        x = part["period_start"]
        # the band: upper then lower filled to it, no legend entry, no hover
        fig.add_trace(
            go.Scatter(
                x=x,
                y=part["upper"],
                mode="lines",
                line={"width": 0},
                hoverinfo="skip",
                showlegend=False,
                legendgroup=name,
                name=f"{name} upper",
            ),
            row=1,
            col=1,
        )
        fig.add_trace(
            go.Scatter(
                x=x,
                y=part["lower"],
                mode="lines",
                line={"width": 0},
                fill="tonexty",
                fillcolor=_rgba(colour, 0.18),
                hoverinfo="skip",
                showlegend=False,
                legendgroup=name,
                name=f"{name} band",
            ),
            row=1,
            col=1,
        )
        fig.add_trace(
            go.Scatter(
                x=x,
                y=part["temperature"],
                mode="lines+markers",
                name=_escape(name),
                legendgroup=name,
                line={"color": colour, "width": 2.5},
                marker={"size": 7},
                customdata=list(
                    zip(
                        [_escape(name)] * len(part),
                        part["period"].astype(str).map(_escape),
                        part["lower"].round(1),
                        part["upper"].round(1),
                        part["articles"],
                        part["events"],
                        strict=True,
                    )
                ),
                hovertemplate=(
                    "<b>%{customdata[0]}</b> %{customdata[1]}<br>"
                    "temperature %{y:.1f} (%{customdata[2]} … %{customdata[3]})<br>"
                    "%{customdata[4]} articles, %{customdata[5]} events<extra></extra>"
                ),
            ),
            row=1,
            col=1,
        )
        if show_coverage:
            fig.add_trace(
                go.Bar(
                    x=x,
                    y=part["articles"],
                    name=f"{_escape(name)} articles",
                    marker_color=_rgba(colour, 0.55),
                    showlegend=False,
                    legendgroup=name,
                    hovertemplate="%{y} articles<extra>" + _escape(name) + "</extra>",
                ),
                row=2,
                col=1,
            )
        if events is not None and len(events):
            _add_event_markers(fig, part, events, name, colour, freq)
    fig.add_hline(y=0, line={"color": "#888", "width": 1, "dash": "dot"}, row=1, col=1)
    fig.update_yaxes(title_text="temperature", range=[-105, 105], zeroline=False, row=1, col=1)
    if show_coverage:
        fig.update_yaxes(title_text="articles", rangemode="tozero", row=2, col=1)
        fig.update_layout(barmode="group")
    fig.update_layout(
        title={"text": _escape(title) if title else None},
        template="plotly_white",
        height=520,
        margin={"l": 60, "r": 20, "t": 50 if title else 20, "b": 40},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        hovermode="closest",
    )
    if not series_names:
        _empty_note(fig, "No data for this selection")
    return fig


def _add_event_markers(
    fig: go.Figure,
    series: pd.DataFrame,
    events: pd.DataFrame,
    name: str,
    colour: str,
    freq: str,
) -> None:
    """One marker per period with events, on the series line, hover listing what happened."""
    pair_value = series["pair"].iloc[0]
    pair = tuple(pair_value) if isinstance(pair_value, tuple | list) else None
    if pair is None:
        pair = tuple(str(pair_value).replace("–", "-").split("-", 1))
    mine = events[(events["pair_a"] == pair[0]) & (events["pair_b"] == pair[1])]
    direction = series["direction"].iloc[0] if "direction" in series else None
    if direction_label(direction):
        src, dst = direction_label(direction).split("→")
        mine = mine[(mine["source"] == src) & (mine["target"] == dst)]
    if not len(mine):
        return
    # Vectorised: one groupby over the pair's events, strings only for the few listed per
    # marker (a Python loop over the periods cost ~4 s for 4,000 daily markers).
    starts = period_starts(mine["published_at"], freq)
    temperature = pd.Series(
        series["temperature"].to_numpy(), index=pd.DatetimeIndex(series["period_start"])
    )
    temperature = temperature[~temperature.index.duplicated()]
    keep = starts.isin(temperature.index).to_numpy()
    if not keep.any():
        return
    mine = mine[keep].assign(period_start=starts[keep])
    by_period = mine.groupby("period_start", sort=True)
    counts = by_period.size()
    conflict = mine["quad_class"].ge(3).groupby(mine["period_start"], sort=True).sum()
    listed = by_period.head(MAX_MARKER_TITLES)
    titles = listed["title"] if "title" in listed else pd.Series(None, index=listed.index)
    lines = pd.Series(
        [
            f"<b>{_escape(category)}</b> ({_escape(mode)}) "
            f"{_escape(_or_unknown(source))}→{_escape(_or_unknown(target))}<br>"
            f"  {_escape(title, TITLE_HOVER_CHARS)}"
            for category, mode, source, target, title in zip(
                listed["category"],
                listed["mode"],
                listed["source"],
                listed["target"],
                titles,
                strict=True,
            )
        ],
        index=listed.index,
        dtype=object,
    )
    texts = lines.groupby(listed["period_start"], sort=True).agg("<br>".join)
    more = counts - MAX_MARKER_TITLES
    texts = texts.where(more <= 0, texts + "<br>… and " + more.astype(str) + " more")
    xs = list(counts.index)
    ys = temperature.reindex(counts.index).tolist()
    symbols = list(np.where(conflict > counts / 2, "triangle-down", "triangle-up"))
    periods = [str(start.date()) for start in counts.index]
    texts = texts.tolist()
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="markers",
            name=f"{_escape(name)} events",
            legendgroup=name,
            showlegend=False,
            marker={
                "symbol": symbols,
                "size": 13,
                "color": "white",
                "line": {"color": colour, "width": 2},
            },
            hovertext=texts,
            hovertemplate="%{hovertext}<extra>events</extra>",
            customdata=[[_escape(name), p] for p in periods],
        ),
        row=1,
        col=1,
    )


def period_starts(dates: pd.Series, freq: str) -> pd.Series:
    """The start of the day, ISO week (Monday) or month each date falls in."""
    stamps = pd.to_datetime(dates)
    code = freq.upper()[:1]
    if code == "M":
        return stamps.dt.to_period("M").dt.start_time
    if code == "W":
        return stamps.dt.to_period("W-SUN").dt.start_time
    return stamps.dt.normalize()


def category_counts(events: pd.DataFrame, freq: str, modes: Sequence[str] = ("asserted",)):
    """Events per period, pair and quad class (only the given modes), long format."""
    columns = ["period_start", "pair", "quad_class", "count"]
    if events is None or not len(events):
        return pd.DataFrame(columns=columns)
    part = events[events["mode"].isin(modes)] if modes else events
    if not len(part):
        return pd.DataFrame(columns=columns)
    part = part.assign(
        period_start=period_starts(part["published_at"], freq),
        pair=[pair_label((a, b)) for a, b in zip(part["pair_a"], part["pair_b"], strict=True)],
    )
    return (
        part.groupby(["period_start", "pair", "quad_class"], as_index=False)
        .size()
        .rename(columns={"size": "count"})
    )


def category_figure(counts: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Cooperation (quads 1-2) stacked above zero, conflict (3-4) below, per pair."""
    pairs = list(dict.fromkeys(counts["pair"])) if len(counts) else []
    fig = make_subplots(
        rows=max(1, len(pairs)),
        cols=1,
        shared_xaxes=True,
        subplot_titles=[_escape(p) for p in pairs] or None,
        vertical_spacing=0.08 if len(pairs) > 1 else 0.02,
    )
    for row, pair in enumerate(pairs, start=1):
        part = counts[counts["pair"] == pair]
        for quad, quad_name in QUAD_NAMES.items():
            q = part[part["quad_class"] == quad]
            sign = 1 if quad <= 2 else -1
            fig.add_trace(
                go.Bar(
                    x=pd.to_datetime(q["period_start"]),
                    y=sign * q["count"],
                    name=quad_name,
                    legendgroup=quad_name,
                    showlegend=row == 1,
                    marker_color=QUAD_COLOURS[quad],
                    customdata=q["count"],
                    hovertemplate=f"{quad_name}: %{{customdata}}<extra>{_escape(pair)}</extra>",
                ),
                row=row,
                col=1,
            )
        fig.update_yaxes(title_text="events", row=row, col=1)
    fig.update_layout(
        barmode="relative",
        title={"text": _escape(title) if title else None},
        template="plotly_white",
        height=max(300, 230 * len(pairs) + 80),
        margin={"l": 60, "r": 20, "t": 60 if title else 30, "b": 40},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.04, "x": 0},
    )
    if not pairs:
        _empty_note(fig, "No asserted events in this selection")
    return fig


def _empty_note(fig: go.Figure, text: str) -> None:
    fig.add_annotation(
        text=text, showarrow=False, xref="paper", yref="paper", x=0.5, y=0.5, font={"size": 16}
    )


def _rgba(hex_colour: str, alpha: float) -> str:
    value = hex_colour.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"

"""DataFrame -> plotly Figure. Pure: no streamlit, no database, no I/O.

Input frames are the ones tracker.index.timeline and the dashboard reads of tracker.store return:

* timeline: period, period_start, temperature, lower, upper, tone, events_score, articles,
  events, pair, direction (one row per period per series; several pairs/directions stack)
  (the period labels are the timeline's own: every clickable thing carries one)
* events: published_at, pair_a, pair_b, source, target, category, mode, quad_class,
  intensity, title (one row per coded event)

Every string that comes from an article (titles, actor codes, categories) is passed through
:func:`html.escape` before it reaches a hover label: plotly renders a subset of HTML in hover
text and escapes nothing by itself.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from tracker.present.event_notes import event_notes
from tracker.present.labels import (
    FREQ_WORDS,
    direction_label,
    escape,
    series_label,
)

# A colour-blind-safe qualitative palette (Okabe & Ito 2008), one colour per series.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
TEMPERATURE_RANGE = (-100, 100)  # the documented scale of the index
# The y axis names its ends: a chart copied alone into a slide still says which way is warm.
Y_TICKS = (-100, -50, 0, 50, 100)
Y_TICK_TEXT = ("−100 hostile", "−50", "0 neutral", "+50", "+100 warm")
# Past this many periods in a series (days over years) the line's dots are small and the
# coverage is a filled step line with small dots, not a bar each: the browser draws
# thousands of SVG nodes fewer, and every point still answers hover and click (plotly
# selects only points drawn as markers, so the dots stay).
DENSE_PERIODS = 400
# A dense series draws at most this many of its dots in the visible range (plotly's
# marker.maxdisplayed: evenly spaced, more as the user zooms in). Each dot is an SVG node
# and they were most of the drawing time (~1 s for two daily series); the line still runs
# through every period, and hovering or clicking anywhere on it names and opens the period
# under the mouse (plotly selects the hovered point whether or not its dot is drawn).
DENSE_DOTS = 150


def _with_series(timeline: pd.DataFrame) -> pd.DataFrame:
    frame = timeline.copy()
    directions = frame["direction"] if "direction" in frame else [None] * len(frame)
    frame["series"] = [series_label(p, d) for p, d in zip(frame["pair"], directions, strict=True)]
    frame["period_start"] = pd.to_datetime(frame["period_start"])
    return frame.sort_values(["series", "period_start"])


def series_styles(frame: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """(colour, dash) per series: one colour per pair; in the directed view the pair's two
    directions are two shades of it (the first direction dark and solid, the other light
    and dashed), so the four lines of two pairs read as two pairs."""
    styles: dict[str, tuple[str, str]] = {}
    pairs = list(dict.fromkeys(frame["pair"]))
    for name, pair, direction in zip(
        frame["series"], frame["pair"], frame["direction"], strict=True
    ):
        if name in styles:
            continue
        colour = PALETTE[pairs.index(pair) % len(PALETTE)]
        seen = [n for n, (c, _) in styles.items() if c.startswith(colour) or c == _light(colour)]
        if direction_label(direction) and seen:
            styles[name] = (_light(colour), "dash")
        else:
            styles[name] = (colour, "solid")
    return styles


def temperature_figure(
    timeline: pd.DataFrame,
    events: pd.DataFrame | None = None,
    *,
    title: str | None = None,
    freq: str = "M",
    show_coverage: bool = True,
) -> go.Figure:
    """Temperature per series with its uncertainty band, event markers and coverage bars.

    Every point, marker and bar carries ``customdata = [series, period, ...]`` (the
    timeline's period label), so a click names what it hit. A point's hover lists the
    period's events too, so hovering a marker or the point under it tells the same story.
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
    names = list(dict.fromkeys(frame["series"])) if len(frame) else []
    styles = series_styles(frame) if len(frame) else {}
    unit = FREQ_WORDS.get(freq.upper()[:1], "period")
    for index, name in enumerate(names):
        colour, dash = styles[name]
        part = frame[frame["series"] == name]
        notes = event_notes(part, events, freq) if events is not None and len(events) else None
        _add_band(fig, part, name, colour)
        _add_line(fig, part, name, colour, dash, notes)
        if show_coverage:
            _add_coverage(fig, part, name, colour, unit, first=index == 0)
        if notes is not None and len(notes):
            _add_event_markers(fig, part, notes, name, colour)
    if names:
        _add_legend_keys(fig, events is not None and len(events) > 0)
    _axes_and_layout(fig, title, unit, show_coverage)
    if not names:
        empty_note(fig, "No data for this selection")
    return fig


def fixed_margins(fig: go.Figure) -> go.Figure:
    """The figure with its axes' ``automargin`` off (in place): the margins set here fit
    the tick labels, and automargin costs the browser a second layout pass on every draw
    (~40-80 ms of a ~150 ms redraw). The dashboard's figure; exports keep automargin."""
    fig.update_xaxes(automargin=False)
    fig.update_yaxes(automargin=False)
    return fig


def _axes_and_layout(fig: go.Figure, title: str | None, unit: str, coverage: bool) -> None:
    fig.add_hline(y=0, line={"color": "#888", "width": 1, "dash": "dot"}, row=1, col=1)
    fig.update_yaxes(
        title_text="temperature",
        range=[-108, 108],
        tickvals=list(Y_TICKS),
        ticktext=list(Y_TICK_TEXT),
        zeroline=False,
        row=1,
        col=1,
    )
    if coverage:
        fig.update_yaxes(title_text=f"articles per {unit}", rangemode="tozero", row=2, col=1)
        fig.update_layout(barmode="group")
    fig.update_layout(
        title={"text": escape(title) if title else None},
        template="plotly_white",
        height=540,
        margin={"l": 100, "r": 20, "t": 80 if title else 20, "b": 40},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        hovermode="closest",
        clickmode="event+select",
    )


def _add_band(fig: go.Figure, part: pd.DataFrame, name: str, colour: str) -> None:
    """The uncertainty band: upper, then lower filled to it (no hover, no click)."""
    for edge, fill in (("upper", None), ("lower", "tonexty")):
        fig.add_trace(
            go.Scatter(
                x=part["period_start"],
                y=part[edge],
                mode="lines",
                line={"width": 0},
                fill=fill,
                fillcolor=_rgba(colour, 0.18) if fill else None,
                hoverinfo="skip",
                showlegend=False,
                legendgroup=name,
                name=f"{name} {'band' if fill else 'upper'}",
            ),
            row=1,
            col=1,
        )


def _add_line(
    fig: go.Figure,
    part: pd.DataFrame,
    name: str,
    colour: str,
    dash: str,
    notes: pd.DataFrame | None,
) -> None:
    events_text = [""] * len(part)
    # A dense series lists its events on the event markers only (their hover favours them
    # anyway): on thousands of days, a second copy in the line's points doubled the payload.
    if notes is not None and len(notes) and len(part) <= DENSE_PERIODS:
        lookup = notes["text"].to_dict()
        events_text = [
            f"<br>{lookup[s]}" if s in lookup else ""
            for s in pd.DatetimeIndex(part["period_start"])
        ]
    fig.add_trace(
        go.Scatter(
            x=part["period_start"],
            y=part["temperature"],
            mode="lines+markers",
            name=escape(name),
            legendgroup=name,
            line={
                "color": colour,
                "width": 2.5 if len(part) <= DENSE_PERIODS else 1.5,
                "dash": dash,
            },
            marker=(
                {"size": 8}
                if len(part) <= DENSE_PERIODS
                else {"size": 4, "maxdisplayed": DENSE_DOTS}
            ),
            customdata=custom_data(
                [escape(name)] * len(part),
                part["period"].astype(str).map(escape),
                part["lower"].round(0),
                part["upper"].round(0),
                part["articles"],
                part["events"],
                events_text,
            ),
            hovertemplate=(
                "<b>%{customdata[0]}</b> %{customdata[1]}: <b>%{y:+.0f}</b> "
                "(band %{customdata[2]:+.0f} … %{customdata[3]:+.0f})<br>"
                "%{customdata[4]} articles, %{customdata[5]} events%{customdata[6]}"
                "<br><i>click for the articles</i><extra></extra>"
            ),
        ),
        row=1,
        col=1,
    )


def _add_coverage(
    fig: go.Figure, part: pd.DataFrame, name: str, colour: str, unit: str, *, first: bool
) -> None:
    dense = len(part) > DENSE_PERIODS
    kind = go.Scatter if dense else go.Bar
    style = (
        {"mode": "lines+markers", "line": {"shape": "hv", "width": 0.8, "color": colour},
         "marker": {"size": 3, "color": colour, "maxdisplayed": DENSE_DOTS},
         "fill": "tozeroy", "fillcolor": _rgba(colour, 0.35)}
        if dense
        else {"marker_color": _rgba(colour, 0.55)}
    )  # fmt: skip
    fig.add_trace(
        kind(
            x=part["period_start"],
            y=part["articles"],
            name=f"articles per {unit}" if first else f"{escape(name)} articles",
            **style,
            showlegend=first,
            legendgroup="coverage",
            customdata=custom_data(
                [escape(name)] * len(part), part["period"].astype(str).map(escape)
            ),
            hovertemplate=(
                "%{y} articles in %{customdata[1]}<br><i>click for them</i>"
                "<extra>" + escape(name) + "</extra>"
            ),
        ),
        row=2,
        col=1,
    )


def _add_legend_keys(fig: go.Figure, with_events: bool) -> None:
    """Legend entries that explain the band and the markers (drawn nowhere)."""
    keys = [("shaded band: 95% uncertainty", "square", "rgba(120,120,120,0.3)", 0)]
    if with_events:
        keys += [
            ("mostly cooperative events", "triangle-up", "white", 2),
            ("mostly conflictual events", "triangle-down", "white", 2),
        ]
    for label, symbol, fill, width in keys:
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=label,
                legendgroup="keys",
                hoverinfo="skip",
                marker={
                    "symbol": symbol,
                    "size": 12,
                    "color": fill,
                    "line": {"color": "#555", "width": width},
                },
            ),
            row=1,
            col=1,
        )


def _add_event_markers(
    fig: go.Figure, series: pd.DataFrame, notes: pd.DataFrame, name: str, colour: str
) -> None:
    """One marker per period with events, on the series line, hover listing what happened."""
    temperature = pd.Series(
        series["temperature"].to_numpy(), index=pd.DatetimeIndex(series["period_start"])
    )
    temperature = temperature[~temperature.index.duplicated()]
    labels = pd.Series(series["period"].astype(str).to_numpy(), index=temperature.index)
    xs = list(notes.index)
    symbols = ["triangle-down" if c else "triangle-up" for c in notes["conflictual"]]
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=temperature.reindex(notes.index).tolist(),
            mode="markers",
            name=f"{escape(name)} events",
            legendgroup=name,
            showlegend=False,
            marker={
                "symbol": symbols,
                "size": 14,
                # on a dense series, at most DENSE_DOTS drawn in view, as its dots; every
                # marker still answers hover and click (see DENSE_DOTS)
                "maxdisplayed": DENSE_DOTS if len(series) > DENSE_PERIODS else 0,
                "color": "white",
                "line": {"color": colour, "width": 2},
            },
            hovertext=list(notes["text"]),
            hovertemplate=(
                "<b>%{customdata[0]}</b> %{customdata[1]}: %{y:+.0f}<br>%{hovertext}"
                "<br><i>click for the articles</i><extra>events</extra>"
            ),
            customdata=custom_data(
                [escape(name)] * len(xs), [escape(labels.get(x, "")) for x in xs]
            ),
        ),
        row=1,
        col=1,
    )


def custom_data(*columns: object) -> np.ndarray:
    """Per-point customdata as one object array (rows = points): plotly validates an array
    in one step where a list of tuples costs a Python call per value (~2 s for 8,000 days)."""
    out = np.empty((len(columns[0]), len(columns)), dtype=object)  # type: ignore[arg-type]
    for index, column in enumerate(columns):
        out[:, index] = list(column)  # type: ignore[call-overload]
    return out


def empty_note(fig: go.Figure, text: str) -> None:
    """A centred note on a figure with nothing to draw."""
    fig.add_annotation(
        text=text, showarrow=False, xref="paper", yref="paper", x=0.5, y=0.5, font={"size": 16}
    )


def _rgba(hex_colour: str, alpha: float) -> str:
    value = hex_colour.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def _light(hex_colour: str) -> str:
    """The colour mixed half with white: the second direction of a pair."""
    value = hex_colour.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return "#{:02X}{:02X}{:02X}".format(*((c + 255) // 2 for c in (r, g, b)))

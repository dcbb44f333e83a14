"""Our temperature beside GDELT's series: one small multiple per pair. Pure plotly.

Each pair gets a row: our temperature (left axis, -100..+100, solid) and GDELT's mean
GoldsteinScale and mean AvgTone per period (right axis, -10..+10, dashed and dotted), with
GDELT's event count in the hover. Kept out of tracker/present/charts.py (which stays under
the module size limit) but drawn in its palette and with its escaping: every string that
reaches a label is passed through html.escape.

Inputs: ``timeline`` as compute_timeline(s) returns it (pair, period, period_start,
temperature, articles, events[, direction]) and ``gdelt`` as tracker.index.gdelt returns it
(pair, period, period_start, gdelt_events, gdelt_goldstein, gdelt_tone).
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from tracker.present.charts import PALETTE, empty_note
from tracker.present.labels import pair_label

GDELT_COLOUR = "#555555"
GDELT_RANGE = (-10.5, 10.5)  # Goldstein is -10..+10; AvgTone is -100..+100 but mostly -10..+5


def gdelt_figure(
    timeline: pd.DataFrame, gdelt: pd.DataFrame, *, title: str | None = None
) -> go.Figure:
    """Small multiples: per pair, our temperature and GDELT's Goldstein and tone."""
    undirected = timeline
    if "direction" in timeline and len(timeline):
        undirected = timeline[timeline["direction"].fillna("") == ""]
    pairs = list(dict.fromkeys([*undirected.get("pair", []), *gdelt.get("pair", [])]))
    rows = max(1, len(pairs))
    fig = make_subplots(
        rows=rows,
        cols=1,
        shared_xaxes=True,
        specs=[[{"secondary_y": True}] for _ in range(rows)],
        subplot_titles=[_escape(pair_label(p)) for p in pairs] or None,
        vertical_spacing=0.12 / rows if rows > 1 else 0.02,
    )
    for row, pair in enumerate(pairs, start=1):
        colour = PALETTE[(row - 1) % len(PALETTE)]
        ours = undirected[undirected["pair"] == pair].sort_values("period_start")
        theirs = gdelt[gdelt["pair"] == pair].sort_values("period_start")
        first = row == 1
        if len(ours):
            fig.add_trace(_ours(ours, pair, colour, first), row=row, col=1, secondary_y=False)
        if len(theirs):
            for trace in _theirs(theirs, pair, first):
                fig.add_trace(trace, row=row, col=1, secondary_y=True)
        fig.update_yaxes(
            title_text="temperature", range=[-105, 105], row=row, col=1, secondary_y=False
        )
        fig.update_yaxes(
            title_text="GDELT", range=list(GDELT_RANGE), row=row, col=1, secondary_y=True
        )
    fig.update_layout(
        title={"text": _escape(title) if title else None},
        template="plotly_white",
        height=max(320, 260 * rows + 80),
        margin={"l": 60, "r": 60, "t": 80 if title else 40, "b": 70},
        legend={"orientation": "h", "yanchor": "top", "y": -0.08, "x": 0},
        hovermode="closest",
    )
    if not pairs:
        empty_note(fig, "No data for this selection")
    return fig


def _ours(frame: pd.DataFrame, pair: str, colour: str, legend: bool) -> go.Scatter:
    label = _escape(pair_label(pair))
    return go.Scatter(
        x=pd.to_datetime(frame["period_start"]),
        y=frame["temperature"],
        mode="lines+markers",
        name="our temperature",
        legendgroup="ours",
        showlegend=legend,
        line={"color": colour, "width": 2.5},
        marker={"size": 6},
        customdata=list(
            zip(frame["period"].astype(str).map(_escape), frame["articles"], strict=True)
        ),
        hovertemplate=(
            f"<b>{label}</b> %{{customdata[0]}}<br>temperature %{{y:.1f}}<br>"
            "%{customdata[1]} articles<extra>ours</extra>"
        ),
    )


def _theirs(frame: pd.DataFrame, pair: str, legend: bool) -> list[go.Scatter]:
    label = _escape(pair_label(pair))
    x = pd.to_datetime(frame["period_start"])
    custom = list(zip(frame["period"].astype(str).map(_escape), frame["gdelt_events"], strict=True))
    traces = []
    for column, name, dash in (
        ("gdelt_goldstein", "GDELT mean Goldstein", "dash"),
        ("gdelt_tone", "GDELT mean AvgTone", "dot"),
    ):
        traces.append(
            go.Scatter(
                x=x,
                y=frame[column],
                mode="lines+markers",
                name=name,
                legendgroup=column,
                showlegend=legend,
                line={"color": GDELT_COLOUR, "width": 1.5, "dash": dash},
                marker={"size": 4, "symbol": "square" if dash == "dash" else "circle"},
                customdata=custom,
                hovertemplate=(
                    f"<b>{label}</b> %{{customdata[0]}}<br>{name} %{{y:.2f}}<br>"
                    "%{customdata[1]} GDELT events<extra>GDELT</extra>"
                ),
            )
        )
    return traces


def _escape(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)

"""Titles for exported charts: a PNG, SVG or HTML file names its pairs, period, model
settings and sources ("source: N articles"), so it explains itself away from the dashboard."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from tracker.present.labels import FREQ_WORDS, escape, pair_label


def titled(fig: go.Figure, title: str, note: str) -> go.Figure:
    """A copy of the figure for export: ``title`` on top, ``note`` (settings and "source: N
    articles") under the plot, so the file explains itself away from the dashboard."""
    out = go.Figure(fig)
    out.update_xaxes(automargin=True)  # (the dashboard's figure may have it off: charts.py)
    out.update_yaxes(automargin=True)
    top = out.layout.margin.t or 20
    out.update_layout(
        title={"text": escape(title), "x": 0.01, "xanchor": "left", "font": {"size": 17}},
        margin={"t": max(top, 20) + 70, "b": 80},
        legend={"y": 1.01},
    )
    out.add_annotation(
        text=escape(note),
        showarrow=False,
        xref="paper",
        yref="paper",
        x=0,
        y=-0.08,
        xanchor="left",
        yanchor="top",
        font={"size": 11, "color": "#555"},
    )
    return out


def export_title(
    pairs: object,
    first: object,
    last: object,
    freq: str,
    settings: str,
    articles: int,
    what: str = "Relationship temperature",
) -> tuple[str, str]:
    """(title, note) of an exported chart: pairs and period; model settings and sources."""
    names = ", ".join(pair_label(p) for p in pairs) or "no pairs"  # type: ignore[attr-defined]
    span = f"{_day(first)} to {_day(last)}"
    unit = FREQ_WORDS.get(freq.upper()[:1], freq)
    title = f"{what}: {names}, {span} (per {unit})"
    note = f"−100 hostile … +100 warm · {settings} · source: {articles:,} articles"
    return title, note


def _day(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "…"
    return pd.Timestamp(value).strftime("%Y-%m-%d")

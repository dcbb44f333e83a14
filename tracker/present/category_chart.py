"""Cooperation and conflict events per period: counts and their plotly figure. Pure.

Each bar's ``customdata`` is ``[pair label, period label, count]``: a click names the pair and
the period (labelled as the timeline labels it), so it opens the same drill-down as a point
of the temperature chart.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from tracker.present.charts import custom_data, empty_note
from tracker.present.labels import escape, pair_label, period_label, period_starts

# PLOVER/CAMEO quad classes: 1 verbal cooperation, 2 material cooperation,
# 3 verbal conflict, 4 material conflict.
QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
QUAD_COLOURS = {1: "#8FD3B6", 2: "#009E73", 3: "#F4A582", 4: "#B2182B"}


def category_counts(events: pd.DataFrame, freq: str, modes: Sequence[str] = ("asserted",)):
    """Events per period, pair and quad class (only the given modes), long format."""
    columns = ["period_start", "period", "pair", "quad_class", "count"]
    if events is None or not len(events):
        return pd.DataFrame(columns=columns)
    part = events[events["mode"].isin(modes)] if modes else events
    if not len(part):
        return pd.DataFrame(columns=columns)
    part = part.assign(
        period_start=period_starts(part["published_at"], freq),
        pair=[pair_label((a, b)) for a, b in zip(part["pair_a"], part["pair_b"], strict=True)],
    )
    counts = (
        part.groupby(["period_start", "pair", "quad_class"], as_index=False)
        .size()
        .rename(columns={"size": "count"})
    )
    counts.insert(1, "period", [period_label(s, freq) for s in counts["period_start"]])
    return counts[columns]


def category_figure(counts: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Cooperation (quads 1-2) stacked above zero, conflict (3-4) below, per pair."""
    pairs = list(dict.fromkeys(counts["pair"])) if len(counts) else []
    fig = make_subplots(
        rows=max(1, len(pairs)),
        cols=1,
        shared_xaxes=True,
        subplot_titles=[escape(p) for p in pairs] or None,
        vertical_spacing=0.08 if len(pairs) > 1 else 0.02,
    )
    for row, pair in enumerate(pairs, start=1):
        part = counts[counts["pair"] == pair]
        for quad, quad_name in QUAD_NAMES.items():
            q = part[part["quad_class"] == quad]
            sign = 1 if quad <= 2 else -1
            periods = q["period"] if "period" in q else q["period_start"].astype(str)
            fig.add_trace(
                go.Bar(
                    x=pd.to_datetime(q["period_start"]),
                    y=sign * q["count"],
                    name=quad_name,
                    legendgroup=quad_name,
                    showlegend=row == 1,
                    marker_color=QUAD_COLOURS[quad],
                    customdata=custom_data(
                        [escape(pair)] * len(q), [escape(p) for p in periods], q["count"]
                    ),
                    hovertemplate=(
                        f"{quad_name}: %{{customdata[2]}} in %{{customdata[1]}}"
                        f"<br>click for the articles<extra>{escape(pair)}</extra>"
                    ),
                ),
                row=row,
                col=1,
            )
        fig.update_yaxes(title_text="events (conflict below 0)", row=row, col=1)
    fig.update_layout(
        barmode="relative",
        title={"text": escape(title) if title else None},
        template="plotly_white",
        height=max(300, 230 * len(pairs) + 80),
        margin={"l": 60, "r": 20, "t": 60 if title else 30, "b": 40},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.04, "x": 0},
    )
    if not pairs:
        empty_note(fig, "No asserted events in this selection")
    return fig

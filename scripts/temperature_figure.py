"""The before/after figure of docs/temperature.md: the previous index and the state-space
temperature (smoothed, with its 95% band, and the filtered "now" value) on the demo corpus.

    python scripts/temperature_figure.py [--out docs/temperature_before_after.png]

Loads the demo corpus into a temporary store, computes both series monthly for USA-RUS and
USA-BLR, and writes a PNG with kaleido + Chromium (tracker.present.export.figure_bytes).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from tracker.demo import load_demo
from tracker.index.params import DEFAULT_PARAMS
from tracker.index.previous import previous_index
from tracker.index.timeline import compute_timeline, read_days
from tracker.present.export import figure_bytes
from tracker.store import Store

PAIRS = ("USA-RUS", "USA-BLR")
OUT = Path(__file__).resolve().parents[1] / "docs" / "temperature_before_after.png"


def series(db: Path) -> dict[str, tuple]:
    out = {}
    with Store(db, read_only=True) as store:
        for pair in PAIRS:
            timeline = compute_timeline(store, pair, freq="M")
            key = tuple(sorted(pair.split("-")))
            tone_days, impulses = read_days(store, key, None, None, DEFAULT_PARAMS)
            out[pair] = (timeline, previous_index(tone_days, impulses, timeline))
    return out


def figure(data: dict[str, tuple]) -> go.Figure:
    fig = make_subplots(rows=len(data), cols=1, shared_xaxes=True, subplot_titles=list(data))
    for row, (tl, old) in enumerate(data.values(), start=1):
        x, first = tl["period_start"], row == 1
        fig.add_trace(go.Scatter(x=x, y=tl["upper"], line={"width": 0}, showlegend=False,
                                 hoverinfo="skip"), row=row, col=1)  # fmt: skip
        fig.add_trace(go.Scatter(x=x, y=tl["lower"], line={"width": 0}, fill="tonexty",
                                 fillcolor="rgba(0,114,178,0.18)", name="95% band (smoothed)",
                                 showlegend=first), row=row, col=1)  # fmt: skip
        fig.add_trace(go.Scatter(x=x, y=old, mode="lines", name="previous index",
                                 line={"color": "#999999", "width": 1.5}, showlegend=first),
                      row=row, col=1)  # fmt: skip
        fig.add_trace(go.Scatter(x=x, y=tl["filtered"], mode="lines", name="filtered (now)",
                                 line={"color": "#D55E00", "width": 1.2, "dash": "dot"},
                                 showlegend=first), row=row, col=1)  # fmt: skip
        fig.add_trace(go.Scatter(x=x, y=tl["temperature"], mode="lines", name="smoothed",
                                 line={"color": "#0072B2", "width": 2.5}, showlegend=first),
                      row=row, col=1)  # fmt: skip
        busy = tl[tl["articles"] > 0]
        fig.add_trace(go.Scatter(x=busy["period_start"], y=busy["temperature"], mode="markers",
                                 marker={"color": "#0072B2", "size": 5}, name="month with articles",
                                 showlegend=first), row=row, col=1)  # fmt: skip
        fig.update_yaxes(range=[-105, 105], title_text="temperature", row=row, col=1)
    fig.update_layout(
        template="plotly_white",
        height=640,
        title="Demo corpus, monthly: previous index (grey) vs state-space temperature",
        legend={"orientation": "h", "y": -0.08},
        margin={"l": 60, "r": 20, "t": 70, "b": 60},
    )
    return fig


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.duckdb"
        load_demo(db)
        data = series(db)
    args.out.write_bytes(figure_bytes(figure(data), "png", width=1100, scale=1.5))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()

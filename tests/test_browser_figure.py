"""tracker.present.browser_figure: a cached figure's browser form, made once."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from tests.test_charts import events_frame, timeline_frame
from tracker.present import charts
from tracker.present.browser_figure import PreparedFigure, browser_form


def _normalised(value: object) -> object:
    """Plotly's own JSON with the two simplifications the browser form makes."""
    if isinstance(value, str) and value[10:] in ("T00:00:00", "T00:00:00.000000"):
        return value[:10]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [_normalised(v) for v in value]
    if isinstance(value, dict):
        return {k: _normalised(v) for k, v in value.items()}
    return value


def _dense_timeline(days: int = 500) -> pd.DataFrame:
    starts = pd.date_range("2024-01-01", periods=days, freq="D")
    values = np.sin(np.arange(days) / 9) * 60
    return pd.DataFrame(
        {
            "pair": ["BLR-USA"] * days,
            "direction": [""] * days,
            "period": [s.strftime("%Y-%m-%d") for s in starts],
            "period_start": starts,
            "temperature": values,
            "lower": values - 12.4,
            "upper": values + 12.6,
            "tone": [0.1] * days,
            "events_score": [0.0] * days,
            "articles": np.arange(days) % 4,
            "events": np.arange(days) % 3,
        }
    )


def test_the_browser_form_is_plotlys_json_up_to_exact_simplifications():
    for timeline, freq in ((timeline_frame(), "M"), (_dense_timeline(), "D")):
        fig = charts.fixed_margins(charts.temperature_figure(timeline, events_frame(), freq=freq))
        theirs = json.loads(pio.to_json(fig, validate=False))
        ours_text = pio.to_json(PreparedFigure(fig), validate=False)
        ours = json.loads(ours_text)
        assert ours == _normalised(theirs)
        assert "T00:00:00" not in ours_text and len(ours_text) < len(pio.to_json(fig))
        line = next(t for t in ours["data"] if t.get("customdata") and t["mode"] != "markers")
        assert line["customdata"][0][:2] == ["BLR–USA", timeline["period"].iloc[0]]


def test_the_browser_form_holds_plain_python_only():
    fig = charts.temperature_figure(_dense_timeline(), events_frame(), freq="D")
    form = browser_form(fig)

    def walk(value: object) -> None:
        assert isinstance(value, dict | list | str | int | float | bool | type(None)), value
        assert not isinstance(value, np.generic)
        for item in (
            value.values()
            if isinstance(value, dict)
            else (value if isinstance(value, list) else ())
        ):
            walk(item)

    walk(form)
    json.dumps(form, allow_nan=False)  # the standard encoder, no fallback needed


def test_missing_values_and_times_of_day_are_kept_as_plotly_writes_them():
    fig = go.Figure(
        go.Scatter(
            x=pd.to_datetime(["2025-01-01", "2025-01-02 06:30", None], format="ISO8601"),
            y=[1.0, float("nan"), 2.5],
            customdata=np.array([[1.0, "a"], [float("nan"), "b"], [2.5, None]], dtype=object),
        )
    )
    prepared = PreparedFigure(fig)
    trace = prepared.to_dict()["data"][0]
    assert trace["customdata"] == [[1, "a"], [None, "b"], [2.5, None]]
    # a time of day or a missing date: written by plotly's own encoder, as before
    assert (
        json.loads(pio.to_json(prepared))["data"][0]["x"]
        == json.loads(pio.to_json(fig))["data"][0]["x"]
    )


def test_each_call_gives_fresh_containers_and_the_figure_holds_no_traces():
    prepared = PreparedFigure(charts.temperature_figure(timeline_frame(), freq="M"))
    first = prepared.to_dict()
    first["data"][0]["uid"] = "x"
    first["layout"]["height"] = 1
    second = prepared.to_dict()
    assert "uid" not in second["data"][0] and second["layout"]["height"] == 540
    assert len(prepared.data) == 0  # a stand-in: exports use the figure it was made from


def test_the_json_text_is_the_browser_form_made_once():
    fig = charts.temperature_figure(timeline_frame(), events_frame(), freq="M")
    prepared = PreparedFigure(fig)
    text = prepared.json_text
    assert json.loads(text) == json.loads(json.dumps(prepared.to_dict()))
    assert prepared.json_text is text  # kept with the (cached) figure, not re-encoded

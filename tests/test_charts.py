"""tracker.present.charts: pure DataFrame -> plotly Figure."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from tracker.present import charts

XSS_TITLE = '<img src=x onerror="window.__xss=1"> **bold** [x](javascript:alert(1))'


def timeline_frame(pair: str = "BLR-USA", direction: str = "", values=(-20.0, 10.0, 30.0)):
    n = len(values)
    starts = pd.date_range("2025-06-01", periods=n, freq="MS")
    return pd.DataFrame(
        {
            "pair": [pair] * n,
            "direction": [direction] * n,
            "period": [s.strftime("%Y-%m") for s in starts],
            "period_start": starts.date,
            "temperature": list(values),
            "lower": [v - 15 for v in values],
            "upper": [v + 15 for v in values],
            "tone": [0.1] * n,
            "events_score": [0.0] * n,
            "articles": [3] * n,
            "events": [1] * n,
        }
    )


def events_frame(title: str = XSS_TITLE):
    return pd.DataFrame(
        {
            "published_at": pd.to_datetime(["2025-07-15", "2025-08-02"]).date,
            "pair_a": ["BLR", "BLR"],
            "pair_b": ["USA", "USA"],
            "source": ["USA", "BLR"],
            "target": ["BLR", "USA"],
            "category": ["AGREE", "ACCUSE"],
            "mode": ["asserted", "asserted"],
            "quad_class": [1, 3],
            "intensity": [3.0, -2.0],
            "title": [title, "plain"],
        }
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [(("BLR", "USA"), "BLR–USA"), ("BLR-USA", "BLR–USA")],
)
def test_pair_label(value, expected):
    assert charts.pair_label(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("USA>BLR", "USA→BLR"), (("USA", "BLR"), "USA→BLR"), ("", ""), (None, "")],
)
def test_direction_label(value, expected):
    assert charts.direction_label(value) == expected


def test_temperature_figure_has_band_line_markers_and_coverage():
    fig = charts.temperature_figure(timeline_frame(), events_frame())
    names = [t.name for t in fig.data]
    assert "BLR–USA" in names
    band = [t for t in fig.data if t.name and t.name.endswith("band")]
    assert band and band[0].fill == "tonexty"
    assert any(t.type == "bar" for t in fig.data)  # coverage
    markers = [t for t in fig.data if t.name == "BLR–USA events"]
    assert markers and len(markers[0].x) == 2


def test_several_pairs_and_directions_make_separate_series():
    frame = pd.concat(
        [timeline_frame("BLR-USA", "USA>BLR"), timeline_frame("BLR-USA", "BLR>USA")],
        ignore_index=True,
    )
    fig = charts.temperature_figure(frame, events_frame())
    lines = {t.name for t in fig.data if getattr(t, "mode", None) == "lines+markers"}
    assert lines == {"USA→BLR", "BLR→USA"}
    # each directed series only gets the events of its own direction
    marks = {t.name: len(t.x) for t in fig.data if t.name and t.name.endswith(" events")}
    assert marks == {"USA→BLR events": 1, "BLR→USA events": 1}


def test_hover_text_is_escaped():
    fig = charts.temperature_figure(timeline_frame(), events_frame())
    text = json.dumps([t.hovertext for t in fig.data if t.hovertext is not None])
    assert "<img" not in text
    assert "&lt;img src=x onerror=&quot;" in text


def test_point_customdata_names_series_and_period():
    fig = charts.temperature_figure(timeline_frame(), None)
    line = next(t for t in fig.data if getattr(t, "mode", None) == "lines+markers")
    assert list(line.customdata[0][:2]) == ["BLR–USA", "2025-06"]


def test_empty_timeline_gives_a_note_not_an_error():
    fig = charts.temperature_figure(timeline_frame().iloc[0:0], None)
    assert fig.layout.annotations[0].text == "No data for this selection"


def test_category_counts_and_figure_split_cooperation_and_conflict():
    counts = charts.category_counts(events_frame(), "M")
    assert counts["count"].sum() == 2
    fig = charts.category_figure(counts)
    ys = {t.name: list(t.y) for t in fig.data if len(t.y)}
    assert ys["verbal cooperation"] == [1]
    assert ys["verbal conflict"] == [-1]


@pytest.mark.parametrize(
    ("freq", "expected"), [("M", "2025-07-01"), ("W", "2025-07-14"), ("D", "2025-07-15")]
)
def test_period_starts(freq, expected):
    out = charts.period_starts(pd.Series(pd.to_datetime(["2025-07-15"])), freq)
    assert str(out.iloc[0].date()) == expected

"""tracker.present.charts: pure DataFrame -> plotly Figure."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from tracker.present import category_chart, chart_titles, charts, labels

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
    assert labels.pair_label(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("USA>BLR", "USA→BLR"), (("USA", "BLR"), "USA→BLR"), ("", ""), (None, "")],
)
def test_direction_label(value, expected):
    assert labels.direction_label(value) == expected


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
    marks = {t.name: len(t.x) for t in fig.data if t.name and t.name.endswith("→BLR events")}
    marks |= {t.name: len(t.x) for t in fig.data if t.name and t.name.endswith("→USA events")}
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
    counts = category_chart.category_counts(events_frame(), "M")
    assert counts["count"].sum() == 2
    fig = category_chart.category_figure(counts)
    ys = {t.name: list(t.y) for t in fig.data if len(t.y)}
    assert ys["verbal cooperation"] == [1]
    assert ys["verbal conflict"] == [-1]


@pytest.mark.parametrize(
    ("freq", "expected"), [("M", "2025-07-01"), ("W", "2025-07-14"), ("D", "2025-07-15")]
)
def test_period_starts(freq, expected):
    out = labels.period_starts(pd.Series(pd.to_datetime(["2025-07-15"])), freq)
    assert str(out.iloc[0].date()) == expected


def test_every_marker_carries_the_timeline_period_label():
    for freq, frame in (("M", timeline_frame()), ("W", weekly_frame())):
        fig = charts.temperature_figure(frame, events_frame(), freq=freq)
        markers = next(t for t in fig.data if t.name == "BLR–USA events")
        periods = set(frame["period"])
        assert len(markers.customdata) and all(c[1] in periods for c in markers.customdata)
        bars = next(t for t in fig.data if t.type == "bar")
        assert [c[1] for c in bars.customdata] == list(frame["period"])


def weekly_frame():
    frame = timeline_frame(values=(-5.0,) * 10)
    starts = pd.date_range("2025-06-30", periods=10, freq="W-MON")
    return frame.assign(period=[s.strftime("%Y-%m-%d") for s in starts], period_start=starts.date)


def test_axis_legend_and_hover_explain_the_chart():
    fig = charts.temperature_figure(timeline_frame(), events_frame())
    assert fig.layout.yaxis.ticktext[0] == "−100 hostile"
    assert fig.layout.yaxis.ticktext[-1] == "+100 warm"
    legend = {t.name for t in fig.data if t.showlegend is not False}
    assert {"shaded band: 95% uncertainty", "mostly cooperative events"} <= legend
    assert "mostly conflictual events" in legend and "articles per month" in legend
    line = next(t for t in fig.data if t.name == "BLR–USA")
    july = next(c for c in line.customdata if c[1] == "2025-07")
    assert "AGREE" in july[6]  # the point under a marker tells the event too
    markers = next(t for t in fig.data if t.name == "BLR–USA events")
    assert list(markers.marker.symbol) == ["triangle-up", "triangle-down"]


def test_directed_view_is_two_shades_of_one_colour_per_pair():
    frame = pd.concat(
        [
            timeline_frame("BLR-USA", "BLR>USA"),
            timeline_frame("BLR-USA", "USA>BLR"),
            timeline_frame("RUS-USA", "RUS>USA"),
            timeline_frame("RUS-USA", "USA>RUS"),
        ],
        ignore_index=True,
    )
    fig = charts.temperature_figure(frame, None)
    lines = {
        t.name: (t.line.color, t.line.dash)
        for t in fig.data
        if getattr(t, "mode", "") == "lines+markers"
    }
    assert lines["BLR→USA"] == (charts.PALETTE[0], "solid")
    assert lines["USA→BLR"][1] == "dash" and lines["USA→BLR"][0] != charts.PALETTE[1]
    assert lines["RUS→USA"] == (charts.PALETTE[1], "solid")
    assert len({c for c, _ in lines.values()}) == 4


def test_exported_chart_is_titled_with_pairs_period_settings_and_sources():
    title, note = chart_titles.export_title(
        [("BLR", "USA")], "2025-06-01", "2025-08-31", "M", "volatility 0.017/day", 74
    )
    assert title == "Relationship temperature: BLR–USA, 2025-06-01 to 2025-08-31 (per month)"
    assert "volatility 0.017/day" in note and note.endswith("source: 74 articles")
    fig = chart_titles.titled(charts.temperature_figure(timeline_frame(), None), title, note)
    assert fig.layout.title.text.startswith("Relationship temperature")
    assert any("source: 74 articles" in a.text for a in fig.layout.annotations)


def test_category_bars_carry_pair_and_period():
    counts = category_chart.category_counts(events_frame(), "M")
    assert list(counts["period"]) == ["2025-07", "2025-08"]
    fig = category_chart.category_figure(counts)
    bar = next(t for t in fig.data if t.name == "verbal cooperation" and len(t.y))
    assert list(bar.customdata[0][:2]) == ["BLR–USA", "2025-07"]


def test_a_dense_series_draws_a_bounded_number_of_dots_but_keeps_every_point():
    days = charts.DENSE_PERIODS + 100
    frame = timeline_frame(values=[float(i % 40 - 20) for i in range(days)])
    fig = charts.temperature_figure(frame, None, freq="D")
    line = next(t for t in fig.data if t.mode == "lines+markers" and t.yaxis in (None, "y"))
    coverage = next(t for t in fig.data if t.yaxis == "y2")
    for trace in (line, coverage):
        assert len(trace.x) == days and len(trace.customdata) == days  # all clickable
        assert trace.marker.maxdisplayed == charts.DENSE_DOTS
    sparse = charts.temperature_figure(timeline_frame(), None)
    line = next(t for t in sparse.data if t.mode == "lines+markers")
    assert not line.marker.maxdisplayed  # a short series shows every dot


def test_fixed_margins_for_the_dashboard_and_automargin_back_in_exports():
    fig = charts.fixed_margins(charts.temperature_figure(timeline_frame(), None))
    assert fig.layout.yaxis.automargin is False and fig.layout.xaxis2.automargin is False
    exported = chart_titles.titled(fig, "title", "note")
    assert exported.layout.yaxis.automargin is True and exported.layout.xaxis2.automargin
    assert fig.layout.yaxis.automargin is False  # the dashboard's figure is not changed


def test_a_dense_series_lists_its_events_on_the_markers_only():
    periods = charts.DENSE_PERIODS + 100
    frame = timeline_frame(values=[float(i % 40 - 20) for i in range(periods)])
    fig = charts.temperature_figure(frame, events_frame(), freq="M")
    markers = next(t for t in fig.data if t.name == "BLR–USA events")
    assert len(markers.x) == 2 and markers.marker.maxdisplayed == charts.DENSE_DOTS
    assert "AGREE" in markers.hovertext[0]
    line = next(t for t in fig.data if t.mode == "lines+markers" and t.yaxis in (None, "y"))
    assert all(c[6] == "" for c in line.customdata)  # no second copy of the event list
    sparse = charts.temperature_figure(timeline_frame(), events_frame(), freq="M")
    line = next(t for t in sparse.data if t.mode == "lines+markers")
    assert any("AGREE" in c[6] for c in line.customdata)  # a short series keeps it

"""tracker.present.export: figures and tables -> bytes."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from test_charts import events_frame, timeline_frame

from tracker.present import charts, export
from tracker.present.export import ExportUnavailable


@pytest.fixture(scope="module")
def fig():
    return charts.temperature_figure(timeline_frame(), events_frame())


@pytest.fixture(scope="module", autouse=True)
def _renderer():
    yield
    export.stop_renderer()


needs_chromium = pytest.mark.skipif(
    export.static_export_problem() is not None, reason="no chromium/kaleido here"
)


@needs_chromium
@pytest.mark.parametrize(
    ("fmt", "magic"), [("png", b"\x89PNG"), ("svg", b"<svg"), ("pdf", b"%PDF")]
)
def test_static_formats(fig, fmt, magic):
    assert export.figure_bytes(fig, fmt).startswith(magic)


@needs_chromium
def test_one_browser_is_reused(fig):
    export.figure_bytes(fig, "svg")
    browser = export._RENDERER._kaleido
    assert browser is not None
    for _ in range(3):
        export.figure_bytes(fig, "svg")
    assert export._RENDERER._kaleido is browser  # no new browser per export


def test_html_is_self_contained(fig):
    page = export.figure_bytes(fig, "html").decode("utf-8")
    assert "<script src=" not in page.replace('<script src="data:', "")
    assert "Plotly.newPlot" in page or "plotly" in page.lower()
    assert len(page) > 1_000_000  # plotly.js inlined


def test_tables(tmp_path):
    frame = timeline_frame()
    assert export.table_bytes(frame, "csv").startswith(b"pair,direction,period")
    back = pd.read_parquet(io.BytesIO(export.table_bytes(frame, "parquet")))
    assert list(back["temperature"]) == list(frame["temperature"])
    assert export.table_bytes(frame, "json").startswith(b"[{")


def test_tuples_survive_parquet():
    frame = pd.DataFrame({"pair": [("BLR", "USA")], "x": [1]})
    back = pd.read_parquet(io.BytesIO(export.table_bytes(frame, "parquet")))
    assert back["pair"][0] == "BLR-USA"


def test_unknown_format_is_a_value_error(fig):
    with pytest.raises(ValueError):
        export.figure_bytes(fig, "bmp")
    with pytest.raises(ValueError):
        export.table_bytes(pd.DataFrame(), "xlsx")


def test_missing_browser_is_a_clear_error_not_a_hang(fig, monkeypatch):
    export.stop_renderer()
    monkeypatch.setenv("TRACKER_CHROMIUM", "/nonexistent/chromium")
    assert "Chromium" in export.static_export_problem()
    with pytest.raises(ExportUnavailable, match="Chromium"):
        export.figure_bytes(fig, "png")
    with pytest.raises(ExportUnavailable):
        export.html_to_pdf("<p>x</p>")


def test_export_unavailable_is_a_tracker_error():
    from tracker.errors import TrackerError

    assert issubclass(ExportUnavailable, TrackerError)

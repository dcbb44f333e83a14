"""plotly.js asked for with the page's first element (tracker/ui/preload.py): the bundle
named exists in the installed Streamlit, and in a real Chromium a page requests it even
with no chart on it, and a page with a chart requests it once."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit
from test_browser import (  # noqa: F401 - fixtures
    CHROMIUM,
    browser,
    demo_db,
    shared_server,
    streamlit_server,
    wait_idle,
)
from test_browser_clicks import open_page

from tracker.ui.preload import plotly_bundle

BUNDLES = """() => performance.getEntriesByType('resource')
  .map((e) => e.name.split('/').pop())
  .filter((name) => name.startsWith('PlotlyChart.'))"""
BUNDLE_FETCHED = "() => (" + BUNDLES + ")().length > 0"


def test_the_bundle_is_streamlits_own_plotly_chunk():
    name = plotly_bundle()
    assert name is not None and name.startswith("PlotlyChart.")
    assert (Path(streamlit.__file__).parent / "static" / "static" / "js" / name).is_file()


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no /usr/bin/chromium")
def test_plotly_is_requested_by_the_first_element_not_by_a_chart(browser, tmp_path):  # noqa: F811
    """A page with no chart at all (read-only, empty database) still loads the bundle: the
    request comes from the page's first element; Streamlit alone would never ask for it."""
    env = {"TRACKER_READONLY": "1"}
    with streamlit_server(tmp_path / "empty.duckdb", tmp_path, env) as (url, _):
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.set_default_timeout(90_000)
        try:
            page.goto(url)
            page.get_by_text("the database is empty").wait_for()
            wait_idle(page)
            page.wait_for_function(BUNDLE_FETCHED, timeout=30_000)
            names = page.evaluate(BUNDLES)
            assert names == [plotly_bundle()]
            assert page.locator('[data-testid="stPlotlyChart"]').count() == 0
        finally:
            context.close()


def test_a_chart_page_requests_the_bundle_once(shared_server, browser):  # noqa: F811
    """The preload and the chart ask for the same URL: one module, not two copies."""
    url, _ = shared_server
    context, page = open_page(browser, url + "?pairs=BLR-USA,RUS-USA&freq=M")
    try:
        assert page.evaluate(BUNDLES) == [plotly_bundle()]
    finally:
        context.close()

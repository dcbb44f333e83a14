"""The frequency switch answered in the browser (tracker/ui/quick_switch.py): the budget of
what a view sends ahead, and, in a real Chromium against the real server, a switch drawn
while the server hears nothing of it, then the server's own chart for the same view."""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from test_browser import (  # noqa: F401 - fixtures
    CHROMIUM,
    browser,
    demo_db,
    shared_server,
    wait_idle,
)
from test_browser_clicks import click_and_expect, points

from tracker.ui.quick_switch import within_budget

CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot'
# The first line of the temperature chart (its x and y) and the theme it is drawn with.
LINE_JS = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  const line = gd._fullData.find((t) => t.type === 'scatter' && t.mode === 'lines+markers');
  return {
    view: gd.layout.uirevision,
    x: Array.from(line.x).map(String),
    y: Array.from(line.y),
    font: gd._fullLayout.font.family,
    paper: gd._fullLayout.paper_bgcolor,
    width: gd._fullLayout.width,
  };
}"""


def test_the_budget_keeps_the_smallest_figures_that_fit():
    texts = {"D": "d" * 60, "W": "w" * 30, "M": "m" * 10}
    assert within_budget(texts, 100) == {"M": "m" * 10, "W": "w" * 30, "D": "d" * 60}
    assert within_budget(texts, 99) == {"M": "m" * 10, "W": "w" * 30}
    assert within_budget(texts, 9) == {}


def _days_between(x: list[str]) -> set[int]:
    days = [date.fromisoformat(v[:10]) for v in x]
    return {(b - a).days for a, b in pairwise(days)}


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no /usr/bin/chromium")
def test_a_switch_is_drawn_before_the_server_hears_of_it(shared_server, browser):  # noqa: F811
    """Messages from the page to the server are held back: the click on "week" still
    redraws the chart with weekly periods, in the chart's theme and width. Released, the
    rerun reaches the server, which draws the same series and puts the view in the URL."""
    url, _ = shared_server
    held: list = []
    state: dict = {"hold": False}
    context = browser.new_context(viewport={"width": 1400, "height": 1000})

    def route(ws):
        server = state["server"] = ws.connect_to_server()

        def to_server(message):
            (held.append if state["hold"] else server.send)(message)

        ws.on_message(to_server)

    context.route_web_socket(re.compile(r".*/_stcore/stream"), route)
    page = context.new_page()
    page.set_default_timeout(90_000)
    try:
        page.goto(url + "?pairs=BLR-USA,RUS-USA&freq=M")
        page.wait_for_selector(CHART)
        page.locator(CHART).nth(1).wait_for()  # the second pass: the switch is on the page
        wait_idle(page)
        month = page.evaluate(LINE_JS)
        assert _days_between(month["x"]) <= {28, 29, 30, 31}

        state["hold"] = True
        page.locator('[data-testid="stRadio"]').first.get_by_text("week", exact=True).click()
        page.wait_for_function(
            "(old) => document.querySelector('.js-plotly-plot').layout.uirevision !== old",
            arg=month["view"],
            timeout=30_000,  # drawn at once, or never while the messages are held
        )
        drawn = page.evaluate(LINE_JS)
        assert held, "the click's rerun request was held back"
        assert "freq=W" not in page.url  # the server has not answered
        assert _days_between(drawn["x"]) == {7}
        assert (drawn["font"], drawn["paper"], drawn["width"]) == (
            month["font"],
            month["paper"],
            month["width"],
        )

        state["hold"] = False
        for message in held:
            state["server"].send(message)
        page.wait_for_url(re.compile(r".*freq=W.*"))
        wait_idle(page)
        final = page.evaluate(LINE_JS)
        assert (final["view"], final["x"], final["y"]) == (drawn["view"], drawn["x"], drawn["y"])
        line = points(page, ("line",))
        click_and_expect(page, line[len(line) // 2])  # a week after the switch opens
    finally:
        context.close()

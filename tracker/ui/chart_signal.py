"""The browser's word that a view's chart is drawn: what starts the rest of the page.

A new view is drawn in two passes (app.py). The first sends the headline and the chart; if
the rest followed at once, the browser would parse and lay out the sidebar's weights, the
second chart, tables and other tabs (and fetch their ~60 script chunks) while plotly.js is
still loading, and the chart would appear seconds later. So the first pass ends with this
signal: a script-only component (no frame, no markup) that waits until the chart of *this*
view is drawn (its ``layout.uirevision`` is the view's id, :func:`view_id`), then, after
the next paint, triggers a rerun. It gives up waiting after ``FALLBACK_MS`` (a chart that
failed to draw never holds the page back) and does not wait for a chart in a hidden tab.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable

import streamlit as st

FALLBACK_MS = 4000
# How long a first pass waits for the signal's rerun before it ends on its own (longer than
# FALLBACK_MS: the browser's fallback fires first), and how often it looks.
WAIT_S = FALLBACK_MS / 1000 + 2
POLL_S = 0.02
_JS = """
export default function ({ data, setTriggerValue }) {
  let done = false;
  const started = performance.now();
  const fire = () => {
    done = true;
    // after the next frame is painted: the chart is on screen before the rest is asked for
    requestAnimationFrame(() => setTimeout(() => setTriggerValue("drawn", data.view), 0));
  };
  const check = () => {
    if (done) return;
    const boxes = Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"]'));
    const drawn = boxes.some((box) => {
      const gd = box.querySelector(".js-plotly-plot");
      return gd && gd._fullLayout && gd.layout && gd.layout.uirevision === data.view;
    });
    const hidden = boxes.length > 0 && boxes.every((box) => box.offsetParent === null);
    if (drawn || hidden || performance.now() - started > data.fallback_ms) fire();
    else setTimeout(check, 25);
  };
  check();
  return () => { done = true; };
}
"""
_component = st.components.v2.component("tracker_chart_drawn", js=_JS)


def view_id(view: object) -> str:
    """A short stable id of a view (any repr-able value): the chart's ``uirevision``."""
    return "view-" + hashlib.sha256(repr(view).encode()).hexdigest()[:16]


def when_drawn(view: str, on_drawn: Callable[[], None]) -> None:
    """Mount the signal for ``view``; ``on_drawn`` runs (as a widget callback, before the
    rerun it starts) once the browser has drawn that view's chart."""
    _component(
        key=f"drawn_{view}",
        data={"view": view, "fallback_ms": FALLBACK_MS},
        on_drawn_change=on_drawn,
        height=0,
    )


def wait_for_rerun(timeout_s: float = WAIT_S) -> None:
    """Keep the first pass running until the signal's rerun stops it (or ``timeout_s``).

    A run that ends normally makes the browser remove every element it did not send: on a
    frequency switch, the previous view's drill-down, event chart and tables would be torn
    down while the new chart is being drawn (DOM removal and layout on the same thread), then
    built again by the second pass. A run stopped by a rerun leaves them in place (stale)
    until the second pass replaces them. Reading the session state is one of Streamlit's
    points where a pending rerun stops the script (``SafeSessionState`` checks on access),
    so this loop ends within ``POLL_S`` of the browser's "drawn"."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        time.sleep(POLL_S)
        _ = "drawn" in st.session_state  # a yield point: the signal's rerun raises here

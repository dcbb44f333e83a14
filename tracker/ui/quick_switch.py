"""A frequency switch answered in the browser: the chart changes before the server replies.

A switch of the sidebar's frequency radio costs a round trip: the click reaches the server,
the script reruns, the new chart's message comes back and is drawn (docs/dashboard.md:
~0.1-0.15 s of server and websocket time before plotly even starts). Once a view is on the
page, this script-only component (no frame, no markup) holds the same view's chart at the
other frequencies, in the exact form ``st.plotly_chart`` sends (the ``json_text`` of
``cached.browser_chart``).
When an option of the radio is clicked, it redraws the chart at once with ``Plotly.react``
(before the radio's own handlers run). The radio's rerun goes on as before (the URL, the
headline, the drill-down and tables follow from it) and draws the same figure, so what the
page ends with is the server's chart, as always.

What the browser adds to a figure it draws (Streamlit's theme in ``layout.template``, the
width of the column, the drag mode for selections) is taken from the chart on the page:
every layout key the prepared figure does not set is carried over. The prepared figures are
sent as JSON text and parsed when the browser is idle (or on the click, if it never was).
A view whose other frequencies would weigh more than ``MAX_BYTES`` in all sends none of the
largest ones: those switches take the round trip.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from tracker.ui import cached
from tracker.ui.state import FREQ_CODES, FREQ_NAMES, Context, Key

# The prepared figures of a view's other frequencies, at most (JSON text): the demo's day
# chart is ~1.3 MB, the 200k store's ~3.9 MB.
MAX_BYTES = 8_000_000

_JS = """
export default function ({ data }) {
  const parsed = {};
  let shown = data.shown;
  let stopped = false;
  const figure = (code) => {
    if (!(code in parsed) && code in data.figures) parsed[code] = JSON.parse(data.figures[code]);
    return parsed[code];
  };
  const chart = () => {
    const gd = document.querySelector(data.chart + " .js-plotly-plot");
    return gd && gd._fullLayout && gd.layout ? gd : null;
  };
  const draw = (code) => {
    const gd = chart();
    const fig = figure(code);
    if (stopped || !gd || !fig || !window.Plotly) return;
    const layout = Object.assign({}, fig.layout);
    for (const key of Object.keys(gd.layout)) {
      if (key === "template" || !(key in layout)) layout[key] = gd.layout[key];
    }
    window.Plotly.react(gd, fig.data, layout);
  };
  const onClick = (event) => {
    const option = event.target.closest && event.target.closest(data.radio + " label");
    const code = option ? data.codes[option.innerText.trim()] : undefined;
    const gd = chart();
    // only over a chart of this view (a stale switch of the view before stays still)
    if (!code || code === shown || !gd || !data.views.includes(gd.layout.uirevision)) return;
    if (!(shown in parsed)) parsed[shown] = { data: gd.data, layout: gd.layout };
    shown = code;
    try { draw(code); } catch (error) { console.warn("quick switch:", error); }
  };
  document.addEventListener("click", onClick, true);
  const idle = window.requestIdleCallback || ((f) => setTimeout(f, 50));
  idle(() => { if (!stopped) Object.keys(data.figures).forEach(figure); });
  return () => {
    stopped = true;
    document.removeEventListener("click", onClick, true);
  };
}
"""
_component = st.components.v2.component("tracker_quick_switch", js=_JS)


def offer(ctx: Context) -> None:
    """Mount the switch for ``ctx``'s view: its chart at the other frequencies, ready."""
    texts = {
        freq: cached.browser_chart(*replace(ctx, freq=freq).chart_view()).json_text
        for freq in FREQ_CODES
        if freq != ctx.freq
    }
    figures = within_budget(texts, MAX_BYTES)
    if not figures:
        return
    _component(
        key=f"quick_switch_{cached.chart_id(*ctx.chart_view())}",
        data={
            "shown": ctx.freq,
            "views": [cached.chart_id(*replace(ctx, freq=f).chart_view()) for f in FREQ_CODES],
            "figures": figures,
            "codes": {name: code for code, name in FREQ_NAMES.items()},
            "radio": f".st-key-{Key.FREQ}",
            "chart": f".st-key-{Key.CHART}",
        },
        height=0,
    )


def within_budget(texts: dict[str, str], max_bytes: int) -> dict[str, str]:
    """The texts, smallest first, while their total stays within ``max_bytes``."""
    kept: dict[str, str] = {}
    total = 0
    for code, text in sorted(texts.items(), key=lambda item: len(item[1])):
        if total + len(text) > max_bytes:
            break
        kept[code] = text
        total += len(text)
    return kept

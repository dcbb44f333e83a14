"""plotly.js asked for with the page's first element, not when the chart's element arrives.

Streamlit fetches its plotly bundle (~4.7 MB, about 0.8 s of the browser's main thread to run
here) only when it renders the first chart element. The dashboard's chart comes after the
title, the demo note, the tabs and the headline, so the bundle would start later than on a
page that draws a chart alone. :func:`plotly_early` sends, right after the title, a script
that imports the same bundle (the same URL, so the chart finds the module loaded). Where
the installed Streamlit has no such bundle file, it sends nothing.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import streamlit as st

# The element takes no room: its container is hidden (a flex gap would be left otherwise).
_SCRIPT = """<span id="tracker-preload"></span>
<style>[data-testid="stElementContainer"]:has(#tracker-preload) { display: none; }</style>
<script>
(() => {
  const entry = document.querySelector('script[src*="/static/js/index."]');
  if (entry) import(new URL(%s, entry.src).href).catch(() => {});
})();
</script>"""


@cache
def plotly_bundle() -> str | None:
    """The file name of Streamlit's plotly bundle beside its entry script, or None."""
    folder = Path(st.__file__).parent / "static" / "static" / "js"
    found = sorted(p.name for p in folder.glob("PlotlyChart.*.js"))
    return found[0] if len(found) == 1 else None


def plotly_early() -> None:
    """Start fetching and running plotly.js now (see the module's note)."""
    name = plotly_bundle()
    if name:
        st.html(_SCRIPT % json.dumps(name), unsafe_allow_javascript=True)

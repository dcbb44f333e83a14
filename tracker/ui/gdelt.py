"""GDELT beside our line: shown under Explore when GDELT events are imported for a
selected pair (tracker gdelt import). One small multiple per pair: our temperature and
GDELT's mean Goldstein and mean AvgTone per period (docs/gdelt.md)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from tracker.index.gdelt import gdelt_series_many, with_gdelt
from tracker.present.gdelt_charts import gdelt_figure
from tracker.ui import cached
from tracker.ui.exports import export_buttons, file_stem
from tracker.ui.state import Context

CHART = "gdelt_chart"


def gdelt_version(db: str) -> tuple[int, str]:
    """Not cached: what invalidates the cached GDELT reads."""
    with cached.open_store(db) as store:
        return store.gdelt_version()


@st.cache_data(show_spinner=False, max_entries=32)
def series(
    db: str,
    version: tuple[int, str],
    pairs: tuple[tuple[str, str], ...],
    freq: str,
    start: date | None,
    end: date | None,
) -> pd.DataFrame:
    with cached.open_store(db) as store:
        return gdelt_series_many(store, pairs, freq=freq, start=start, end=end)


def render(ctx: Context) -> None:
    if not ctx.pairs:
        return
    version = gdelt_version(ctx.db)
    if version[0] == 0:
        return
    gdelt = series(ctx.db, version, ctx.pairs, ctx.freq, ctx.start, ctx.end)
    if not len(gdelt):
        return
    timeline = cached.timelines(
        ctx.db, ctx.version, ctx.pairs, ctx.freq, ctx.start, ctx.end, False, ctx.params_key
    )
    st.subheader("Beside GDELT", anchor="gdelt")
    fig = gdelt_figure(timeline, gdelt)
    st.plotly_chart(fig, key=CHART, width="stretch", config={"displaylogo": False})
    st.caption(
        "Solid: our temperature (left axis). Dashed: GDELT's mean Goldstein score of the "
        "events it coded between the two states; dotted: their mean AvgTone (right axis, "
        "both per period; hover for GDELT's event count). GDELT codes every pair of states "
        "named in an event sentence and gives each event the tone of the whole article: "
        "see docs/gdelt.md for what differs."
    )
    stem = "_".join(f"{a}-{b}" for a, b in ctx.pairs)
    export_buttons("gdelt", fig, with_gdelt(timeline, gdelt), file_stem("gdelt", stem, ctx.freq))

"""Explore: headline per series, the temperature chart (band, event markers, coverage),
then (after the first chart is on its way) the drill-down, the cooperation/conflict chart
and the article table, each with its downloads.

The chart and everything that reacts to a click on it run in one fragment: a click reruns
the fragment, not the page.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tracker.index.headline import Headline
from tracker.present.category_chart import category_counts, category_figure
from tracker.present.chart_titles import export_title
from tracker.present.export import table_bytes
from tracker.present.safe_text import display_frame
from tracker.present.tables import articles_table
from tracker.ui import cached, drilldown
from tracker.ui.exports import export_buttons, file_stem
from tracker.ui.state import Context, Key

# Rows of the article table sent to the browser: 43k rows for two pairs of the 200k benchmark
# store made the page ship and render megabytes; the most recent ones are shown, the CSV
# download below the table holds every row.
MAX_TABLE_ROWS = 500


def render(ctx: Context) -> None:
    if not ctx.pairs:
        st.info("Select at least one pair in the sidebar.")
        return
    _explore(ctx)


def render_chart_only(ctx: Context) -> None:
    """The first pass of a new view: the headline and the chart, nothing else."""
    if ctx.pairs:
        _explore(ctx, chart_only=True)


def _chart(ctx: Context, chart_only: bool = False):
    # the series itself only for what follows the chart (a cached copy still costs unpickling)
    timeline = None if chart_only else cached.timelines(*ctx.chart_view())
    headline(cached.headlines(*ctx.chart_view()))
    st.subheader("Relationship temperature", anchor="temperature")
    fig = cached.temperature_chart(*ctx.chart_view())  # exports draw a titled copy of it
    selection = st.plotly_chart(
        cached.browser_chart(*ctx.chart_view()),  # the same figure, encoded once
        key=Key.CHART,
        on_select="rerun",
        selection_mode="points",
        width="stretch",
        config={"displaylogo": False},
    )
    return timeline, fig, selection


@st.fragment
def _explore(ctx: Context, chart_only: bool = False) -> None:
    timeline, fig, selection = _chart(ctx, chart_only)
    if chart_only or timeline is None:
        st.caption("Loading the drill-down, events and articles…")
        return
    events = cached.events(ctx.db, ctx.version, ctx.pairs, ctx.start, ctx.end)
    # everything below comes after the first chart has been sent to the browser
    stem_pairs = "_".join(f"{a}-{b}" for a, b in ctx.pairs)
    export_buttons(
        "temperature",
        fig,
        timeline,
        file_stem("temperature", stem_pairs, ctx.freq),
        title=lambda: _title(ctx, "Relationship temperature"),
    )
    drilldown_slot = st.container()  # filled last: it reads both charts' clicks
    counts = category_counts(events, ctx.freq)
    cat_selection = _category_section(ctx, counts, category_figure(counts), stem_pairs)
    _articles_section(ctx, stem_pairs)
    with drilldown_slot:
        clicks = {Key.CHART: selection, Key.CATEGORY_CHART: cat_selection}
        drilldown.render(ctx, timeline, events, clicks)


def _category_section(ctx: Context, counts: pd.DataFrame, fig, stem_pairs: str):
    st.subheader("Cooperation and conflict events", anchor="categories")
    selection = st.plotly_chart(
        fig,
        key=Key.CATEGORY_CHART,
        on_select="rerun",
        selection_mode="points",
        width="stretch",
        config={"displaylogo": False},
    )
    st.caption(
        "Events reported as facts: cooperation above zero, conflict below. Click a bar for "
        "the articles behind it."
    )
    export_buttons(
        "categories",
        fig,
        counts,
        file_stem("events", stem_pairs, ctx.freq),
        title=lambda: _title(ctx, "Cooperation and conflict events"),
    )
    return selection


def _articles_section(ctx: Context, stem_pairs: str) -> None:
    st.subheader("Articles", anchor="articles")
    articles = cached.articles(ctx.db, ctx.version, ctx.pairs, ctx.start, ctx.end)
    table = articles_table(articles.head(MAX_TABLE_ROWS))
    if len(articles) > MAX_TABLE_ROWS:
        st.caption(
            f"The {MAX_TABLE_ROWS:,} most recent of {len(articles):,} articles; "
            "the Articles CSV below has all of them."
        )
    st.dataframe(
        display_frame(table),  # no bidi controls (issue 16 #11)
        hide_index=True,
        width="stretch",
        height=320,
        column_config={
            "Date": st.column_config.TextColumn("Date", width=90),
            "Pair": st.column_config.TextColumn("Pair", width=75),
            "Title": st.column_config.TextColumn("Title", width="large"),
            "Outlet": st.column_config.TextColumn("Outlet", width=100),
            "Tone": st.column_config.NumberColumn(
                "Tone", format="%+.2f", width=60, help="Mean tone of its sentences (−1 … +1)"
            ),
            "Events": st.column_config.NumberColumn("Events", width=55),
            "Cooperative": st.column_config.NumberColumn("Coop.", width=55),
            "Conflictual": st.column_config.NumberColumn("Confl.", width=55),
        },
    )
    st.download_button(
        "Articles CSV",
        # no formula starts a cell (issue 16 #10)
        data=lambda: table_bytes(articles_table(articles, for_csv=True), "csv"),
        file_name=f"{file_stem('articles', stem_pairs)}.csv",
        mime="text/csv",
        on_click="ignore",
        key=f"{Key.EXPORT_PREFIX}articles_csv",
    )


def _title(ctx: Context, what: str) -> tuple[str, str]:
    articles = cached.articles(ctx.db, ctx.version, ctx.pairs, ctx.start, ctx.end)
    count = articles["article_id"].nunique() if len(articles) else 0
    return export_title(ctx.pairs, ctx.start, ctx.end, ctx.freq, ctx.settings, count, what)


def headline(heads: list[tuple[str, Headline | None, int]]) -> None:
    """One metric per series: the filtered value now with its band (or "uncertain"), the
    articles of the last 90 days behind it and the change against a stated date
    (tracker.index.headline; computed once per view in tracker.ui.cached.headlines)."""
    if not heads:
        st.info("No articles for these pairs in this period.")
        return
    columns = st.columns(min(4, len(heads)))
    for index, (name, head, events) in enumerate(heads):
        column = columns[index % len(columns)]
        if head is None:
            column.metric(name, "–")
            continue
        column.metric(
            name,
            head.value_text,
            delta=head.change_text if head.change is not None else None,
            help=(
                f"Now (filtered, {head.as_of:%Y-%m-%d}): {head.band_text}; −100 hostile … "
                "+100 warm. 'uncertain' when the band is wider than the value."
            ),
        )
        column.caption(f"{head.band_text} · {head.evidence_text} · {events} events")

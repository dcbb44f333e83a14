"""Explore: headline per series, the temperature chart (band, event markers, coverage),
then (after the first chart is on its way) the drill-down, the cooperation/conflict chart
and the article table, each with its downloads.

The chart and everything that reacts to a click on it run in one fragment: a click reruns
the fragment, not the page.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tracker.present.category_chart import category_counts, category_figure
from tracker.present.chart_titles import export_title
from tracker.present.labels import series_label
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


def _chart(ctx: Context):
    timeline = cached.timelines(
        ctx.db, ctx.version, ctx.pairs, ctx.freq, ctx.start, ctx.end, ctx.directed, ctx.params_key
    )
    headline(timeline)
    st.subheader("Relationship temperature", anchor="temperature")
    fig = cached.temperature_chart(
        ctx.db, ctx.version, ctx.pairs, ctx.freq, ctx.start, ctx.end, ctx.directed, ctx.params_key
    )
    selection = st.plotly_chart(
        fig,
        key=Key.CHART,
        on_select="rerun",
        selection_mode="points",
        width="stretch",
        config={"displaylogo": False},
    )
    return timeline, fig, selection


@st.fragment
def _explore(ctx: Context, chart_only: bool = False) -> None:
    timeline, fig, selection = _chart(ctx)
    if chart_only:
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
        table,
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
        data=lambda: articles_table(articles, for_csv=True).to_csv(index=False).encode("utf-8"),
        file_name=f"{file_stem('articles', stem_pairs)}.csv",
        mime="text/csv",
        on_click="ignore",
        key=f"{Key.EXPORT_PREFIX}articles_csv",
    )


def _title(ctx: Context, what: str) -> tuple[str, str]:
    articles = cached.articles(ctx.db, ctx.version, ctx.pairs, ctx.start, ctx.end)
    count = articles["article_id"].nunique() if len(articles) else 0
    return export_title(ctx.pairs, ctx.start, ctx.end, ctx.freq, ctx.settings, count, what)


def headline(timeline: pd.DataFrame) -> None:
    """One metric per series: the latest value and its change over the period. Thin on
    purpose: a headline function of tracker.index (value, band, recent articles, reference,
    'uncertain') replaces the numbers here without touching the layout."""
    if not len(timeline):
        st.info("No articles for these pairs in this period.")
        return
    frame = timeline.assign(
        series=[
            series_label(p, d) for p, d in zip(timeline["pair"], timeline["direction"], strict=True)
        ]
    )
    names = list(dict.fromkeys(frame["series"]))
    columns = st.columns(min(4, len(names)))
    for index, name in enumerate(names):
        part = frame[frame["series"] == name].sort_values("period_start")
        valid = part.dropna(subset=["temperature"])
        column = columns[index % len(columns)]
        if not len(valid):
            column.metric(name, "–")
            continue
        latest = valid.iloc[-1]
        change = latest["temperature"] - valid["temperature"].iloc[0]
        column.metric(
            name,
            f"{latest['temperature']:+.0f}",
            delta=f"{change:+.0f} since {valid['period'].iloc[0]}",
            help="Temperature of the latest period (−100 hostile … +100 warm) and its change "
            "over the chosen range",
        )
        column.caption(
            f"{latest['period']}: band {latest['lower']:+.0f} … {latest['upper']:+.0f} · "
            f"{int(part['articles'].sum())} articles · {int(part['events'].sum())} events"
        )

"""Explore: headline metrics, the temperature chart (band, event markers, coverage), the
cooperation/conflict breakdown and the article table, each with its downloads."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tracker.index.headline import headline
from tracker.present import charts
from tracker.present.export import table_bytes
from tracker.present.safe_text import display_frame
from tracker.ui import cached, drilldown
from tracker.ui.exports import export_buttons, file_stem
from tracker.ui.state import FREQ_NAMES, Context, Key

# Rows of the article table sent to the browser: 43k rows for two pairs of the 200k benchmark
# store made the page ship and render megabytes; the most recent ones are shown, the CSV
# download below the table holds every row.
MAX_TABLE_ROWS = 500
ARTICLE_COLUMNS = (
    "published_at",
    "pair",
    "title",
    "outlet",
    "tone",
    "events",
    "cooperation",
    "conflict",
    "sentences",
    "date_source",
    "url",
)


def render(ctx: Context) -> None:
    if not ctx.pairs:
        st.info("Select at least one pair in the sidebar.")
        return
    timeline = cached.timelines(
        ctx.db, ctx.version, ctx.pairs, ctx.freq, ctx.start, ctx.end, ctx.directed, ctx.params_key
    )
    events = cached.events(ctx.db, ctx.version, ctx.pairs, ctx.start, ctx.end)
    _metrics(timeline)
    stem_pairs = "_".join(f"{a}-{b}" for a, b in ctx.pairs)

    st.subheader("Relationship temperature", anchor="temperature")
    fig = charts.temperature_figure(timeline, events, freq=ctx.freq)
    selection = st.plotly_chart(
        fig,
        key=Key.CHART,
        on_select="rerun",
        selection_mode="points",
        width="stretch",
        config={"displaylogo": False},
    )
    st.caption(
        f"Per {FREQ_NAMES[ctx.freq]}: −100 hostile … +100 warm; shaded band = uncertainty; "
        "▲/▼ = cooperative/conflictual events (hover for details); bars = articles."
    )
    export_buttons("temperature", fig, timeline, file_stem("temperature", stem_pairs, ctx.freq))

    drilldown.render(ctx, timeline, events, selection)

    st.subheader("Cooperation and conflict events", anchor="categories")
    counts = charts.category_counts(events, ctx.freq)
    cat_fig = charts.category_figure(counts)
    st.plotly_chart(cat_fig, key="category_chart", width="stretch")
    st.caption("Asserted events only: quads 1–2 (cooperation) up, quads 3–4 (conflict) down.")
    export_buttons("categories", cat_fig, counts, file_stem("events", stem_pairs, ctx.freq))

    st.subheader("Articles", anchor="articles")
    table = _article_table(cached.articles(ctx.db, ctx.version, ctx.pairs, ctx.start, ctx.end))
    if len(table) > MAX_TABLE_ROWS:
        st.caption(
            f"The {MAX_TABLE_ROWS:,} most recent of {len(table):,} articles; "
            "the Articles CSV below has all of them."
        )
    st.dataframe(
        display_frame(table.head(MAX_TABLE_ROWS)),  # no bidi controls (issue 16 #11)
        hide_index=True,
        width="stretch",
        height=320,
        column_config={
            "tone": st.column_config.NumberColumn(format="%+.2f"),
            "url": st.column_config.TextColumn("url"),  # shown as text, never a live link
        },
    )
    st.download_button(
        "Articles CSV",
        data=lambda: table_bytes(table, "csv"),  # no formula starts a cell (issue 16 #10)
        file_name=f"{file_stem('articles', stem_pairs)}.csv",
        mime="text/csv",
        on_click="ignore",
        key=f"{Key.EXPORT_PREFIX}articles_csv",
    )


def _article_table(articles: pd.DataFrame) -> pd.DataFrame:
    if not len(articles):
        return pd.DataFrame(columns=list(ARTICLE_COLUMNS))
    out = articles.assign(pair=articles["pair_a"] + "–" + articles["pair_b"])
    return out[list(ARTICLE_COLUMNS)]


def _metrics(timeline: pd.DataFrame) -> None:
    if not len(timeline):
        st.info("No articles for these pairs in this period.")
        return
    frame = timeline.assign(
        series=[
            charts.series_label(p, d)
            for p, d in zip(timeline["pair"], timeline["direction"], strict=True)
        ]
    )
    names = list(dict.fromkeys(frame["series"]))
    columns = st.columns(min(4, len(names)))
    for index, name in enumerate(names):
        part = frame[frame["series"] == name].sort_values("period_start")
        head = headline(part)
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
        column.caption(
            f"{head.band_text} · {head.evidence_text} · {int(part['events'].sum())} events"
        )

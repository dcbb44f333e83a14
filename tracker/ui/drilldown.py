"""Behind a point: the articles, sentences and events that make one period's value.

Article text is data, never markup. Every piece of it is turned into HTML character
references by :func:`safe_inline` (HTML *and* Markdown syntax, so ``**x**``,
``[a](javascript:...)``, ``<script>`` and ``:red[x]`` all show as typed); only the
``<mark>``/``<sub>`` tags around actor mentions and event triggers are ours.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from tracker.errors import TrackerError
from tracker.present.charts import series_label
from tracker.present.safe_text import display_text
from tracker.ui import cached
from tracker.ui.state import Key

ACTOR_STYLE = "background:#d6e9ff;border-radius:3px;padding:0 2px"
EVENT_STYLE = "background:#ffe08a;border-radius:3px;padding:0 2px;font-weight:600"
MAX_ARTICLES = 12  # articles listed behind one point, strongest contribution first


def safe_inline(text: object) -> str:
    """Text as inert HTML: every character that is not a letter, digit or space becomes a
    numeric character reference, so neither HTML nor Markdown (nor Streamlit's :colour[]
    and $math$) can act on it. Line breaks become spaces."""
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return ""
    out = []
    for ch in re.sub(r"\s+", " ", display_text(text)):  # no bidi controls (issue 16 #11)
        out.append(ch if ch.isalnum() or ch == " " else f"&#{ord(ch)};")
    return "".join(out)


def highlight_sentence(
    text: str,
    mentions: Sequence[Sequence[object]] = (),
    events: Sequence[tuple[int, int, str]] = (),
) -> str:
    """The sentence with actor mentions and event triggers wrapped in our own <mark> tags.

    ``mentions``: [start, end, code, kind, surface] (start -1: an inherited pronoun, skipped);
    ``events``: (span_start, span_end, category). Event triggers win where they overlap.
    """
    labels: list[tuple[str, str] | None] = [None] * len(text)
    for mention in mentions:
        start, end, code = int(mention[0]), int(mention[1]), str(mention[2])
        if 0 <= start < end <= len(text):
            for i in range(start, end):
                labels[i] = ("actor", code)
    for start, end, category in events:
        if 0 <= start < end <= len(text):
            for i in range(start, end):
                labels[i] = ("event", str(category))
    pieces: list[str] = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and labels[j] == labels[i]:
            j += 1
        chunk = safe_inline(text[i:j]) if text[i:j].strip() else "&#32;" * (j - i)
        label = labels[i]
        if label is None:
            pieces.append(chunk)
        else:
            kind, tag = label
            style = EVENT_STYLE if kind == "event" else ACTOR_STYLE
            pieces.append(f'<mark style="{style}">{chunk}</mark><sub>{safe_inline(tag)}</sub>')
        i = j
    return "".join(pieces)


@dataclass(frozen=True)
class PointRef:
    pair: tuple[str, str]
    direction: str
    period: str

    @property
    def code(self) -> str:
        return f"{self.pair[0]}-{self.pair[1]}|{self.direction}|{self.period}"


def point_options(timeline: pd.DataFrame) -> dict[str, PointRef]:
    """Periods with something behind them, newest first, keyed by a stable code."""
    if not len(timeline):
        return {}
    rows = timeline[(timeline["articles"] > 0) | (timeline["events"] > 0)]
    rows = rows.sort_values("period_start", ascending=False)
    options: dict[str, PointRef] = {}
    for _, row in rows.iterrows():
        a, b = str(row["pair"]).split("-", 1)
        ref = PointRef((a, b), str(row["direction"] or ""), str(row["period"]))
        options[ref.code] = ref
    return options


def label_of(ref: PointRef) -> str:
    return f"{series_label(ref.pair, ref.direction or None)} · {ref.period}"


def ref_from_selection(selection: object, options: dict[str, PointRef]) -> PointRef | None:
    """The point clicked on the chart (customdata = [series label, period])."""
    try:
        points = selection["selection"]["points"]  # type: ignore[index]
    except (KeyError, TypeError):
        return None
    for point in points or ():
        data = point.get("customdata") if isinstance(point, dict) else None
        if not data or len(data) < 2:
            continue
        for ref in options.values():
            label = series_label(ref.pair, ref.direction or None)
            if safe_label(label) == str(data[0]) and ref.period == str(data[1]):
                return ref
    return None


def safe_label(label: str) -> str:
    import html

    return html.escape(label, quote=True)


def render(ctx, timeline: pd.DataFrame, events: pd.DataFrame, selection: object) -> None:
    st.subheader("Behind a point", anchor="behind-a-point")
    options = point_options(timeline)
    if not options:
        st.caption("No period with articles or events in this selection.")
        return
    chosen = ref_from_selection(selection, options)
    seen = st.session_state.get(Key.CHART_SELECTION_SEEN)
    if chosen is not None and chosen.code != seen:
        st.session_state[Key.DRILL_PERIOD] = chosen.code
        st.session_state[Key.CHART_SELECTION_SEEN] = chosen.code
    if st.session_state.get(Key.DRILL_PERIOD) not in options:
        st.session_state[Key.DRILL_PERIOD] = next(iter(options))
    st.caption("Click a point on the chart, or pick a period here.")
    code = st.selectbox(
        "Series and period",
        list(options),
        format_func=lambda c: label_of(options[c]),
        key=Key.DRILL_PERIOD,
    )
    ref = options[code]
    try:
        explanation = cached.explanation(
            ctx.db,
            ctx.version,
            ref.pair,
            ref.period,
            ctx.freq,
            ctx.start,
            ctx.end,
            ref.direction,
            ctx.params_key,
        )
    except TrackerError as error:
        st.warning(str(error))
        return
    cols = st.columns(4)
    cols[0].metric("Temperature", f"{explanation.value:+.1f}")
    cols[1].metric("Band", f"{explanation.lower:+.0f} … {explanation.upper:+.0f}")
    tone = explanation.tone
    cols[2].metric("Mean tone", "–" if pd.isna(tone) else f"{tone:+.2f}")
    cols[3].metric("Events (Goldstein sum)", f"{explanation.events_score:+.1f}")
    parts = explanation.contributions
    if not len(parts):
        st.caption("Nothing contributed to this value.")
        return
    shown = [
        c
        for c in (
            "kind",
            "published_at",
            "title",
            "category",
            "mode",
            "source",
            "target",
            "contribution",
            "note",
        )
        if c in parts
    ]
    st.dataframe(parts[shown], hide_index=True, width="stretch", height=240)
    _articles(ctx, ref, parts, events)


def _articles(ctx, ref: PointRef, parts: pd.DataFrame, events: pd.DataFrame) -> None:
    in_period = parts[parts["kind"].isin(("tone", "event")) & parts["article_id"].notna()]
    if not len(in_period):
        st.caption("Only the fading memory of earlier events: no articles in this period.")
        return
    weight = in_period.groupby("article_id")["contribution"].sum()
    ids = list(weight.abs().sort_values(ascending=False).index[:MAX_ARTICLES])
    sentences = cached.sentences(ctx.db, ctx.version, ref.pair, tuple(ids))
    mine = events[events["article_id"].isin(ids)] if len(events) else events
    st.markdown("**Articles and sentences** (actors in blue, event triggers in yellow)")
    for article_id in ids:
        rows = sentences[sentences["article_id"] == article_id]
        title = rows["title"].iloc[0] if len(rows) else _title(in_period, article_id)
        day = rows["published_at"].iloc[0] if len(rows) else ""
        with st.container(border=True):
            st.markdown(
                f"<b>{safe_inline(title)}</b> &#183; {safe_inline(str(day)[:10])} &#183; "
                f"contribution {safe_inline(f'{weight[article_id]:+.1f}')}",
                unsafe_allow_html=True,
            )
            for _, row in rows.iterrows():
                spans = []
                if len(mine):
                    hits = mine[
                        (mine["article_id"] == article_id)
                        & (mine["sentence_index"] == row["sentence_index"])
                    ]
                    spans = [
                        (int(h.span_start), int(h.span_end), f"{h.category} {h['mode']}")
                        for _, h in hits.iterrows()
                    ]
                try:
                    mentions = json.loads(row["mentions"] or "[]")
                except (TypeError, ValueError):
                    mentions = []
                st.markdown(
                    f"{highlight_sentence(str(row['text']), mentions, spans)} "
                    f"<small>(tone {safe_inline(f'{row.tone:+.2f}')})</small>",
                    unsafe_allow_html=True,
                )


def _title(parts: pd.DataFrame, article_id: str) -> str:
    match = parts[parts["article_id"] == article_id]["title"]
    return str(match.iloc[0]) if len(match) else article_id

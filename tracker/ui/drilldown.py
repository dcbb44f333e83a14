"""Behind a point: the articles, sentences and events that make one period's value.

Article text is data, never markup. Every piece of it is turned into HTML character
references by :func:`safe_inline` (HTML *and* Markdown syntax, so ``**x**``,
``[a](javascript:...)``, ``<script>`` and ``:red[x]`` all show as typed); only the
``<mark>``/``<sub>`` tags around actor mentions and event triggers are ours.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from tracker.errors import TrackerError
from tracker.present.labels import pair_label, series_label
from tracker.present.tables import contributions_table
from tracker.ui import cached, removal
from tracker.ui.safe_text import safe_inline
from tracker.ui.state import Key

ACTOR_STYLE = "background:#d6e9ff;border-radius:3px;padding:0 2px"
EVENT_STYLE = "background:#ffe08a;border-radius:3px;padding:0 2px;font-weight:600"
MAX_ARTICLES = 12  # articles listed behind one point, strongest contribution first


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

    @property
    def label(self) -> str:
        return series_label(self.pair, self.direction or None)


def _ref(pair: object, direction: object, period: object) -> PointRef:
    a, b = str(pair).split("-", 1)
    return PointRef((a, b), str(direction or ""), str(period))


def point_options(timeline: pd.DataFrame, clicked: PointRef | None = None) -> dict[str, PointRef]:
    """Periods with articles or events behind them, newest first, keyed by a stable code;
    a clicked period is offered too, even with nothing of its own."""
    if not len(timeline):
        return {}
    rows = timeline[(timeline["articles"] > 0) | (timeline["events"] > 0)]
    rows = rows.sort_values("period_start", ascending=False)
    options = {ref.code: ref for ref in map(_ref, rows["pair"], rows["direction"], rows["period"])}
    if clicked is not None and clicked.code not in options:
        options = {clicked.code: clicked, **options}
    return options


def label_of(ref: PointRef) -> str:
    return f"{ref.label} · {ref.period}"


def ref_from_selection(selection: object, timeline: pd.DataFrame) -> PointRef | None:
    """The period clicked on a chart: customdata = [series or pair label, period, ...].

    Any period of the timeline counts (a point with no article of its own too). A bar of
    the events chart names the pair: in the directed view it opens the pair's first series.
    """
    try:
        points = selection["selection"]["points"]  # type: ignore[index]
    except (KeyError, TypeError):
        return None
    if not len(timeline):
        return None
    refs = list(map(_ref, timeline["pair"], timeline["direction"], timeline["period"]))
    for point in points or ():
        data = point.get("customdata") if isinstance(point, dict) else None
        if not data or len(data) < 2:
            continue
        name, period = str(data[0]), str(data[1])
        for ref in refs:
            if ref.period == period and name in (
                html.escape(ref.label, quote=True),
                html.escape(pair_label(ref.pair), quote=True),
            ):
                return ref
    return None


def chosen_ref(timeline: pd.DataFrame, selections: dict[str, object]) -> PointRef | None:
    """The newest click of any chart (each chart's selection is read once)."""
    state = st.session_state
    clicked = None
    for chart, selection in selections.items():
        ref = ref_from_selection(selection, timeline)
        seen_key = f"{Key.CHART_SELECTION_SEEN}_{chart}"
        if ref is not None and ref.code != state.get(seen_key):
            state[seen_key] = ref.code
            clicked = ref
    if clicked is not None:
        state[Key.DRILL_PERIOD + "_clicked"] = clicked
    return clicked


def render(ctx, timeline: pd.DataFrame, events: pd.DataFrame, selections: dict) -> None:
    st.subheader("Behind a point", anchor="behind-a-point")
    clicked = chosen_ref(timeline, selections)
    kept = st.session_state.get(Key.DRILL_PERIOD + "_clicked")
    options = point_options(timeline, clicked or kept)
    if not options:
        st.caption("No period with articles or events in this selection.")
        return
    if clicked is not None or st.session_state.get(Key.DRILL_PERIOD) not in options:
        st.session_state[Key.DRILL_PERIOD] = (clicked or options[next(iter(options))]).code
    st.caption("Click any point, marker or bar of the charts, or pick a period here.")
    code = st.selectbox(
        "Series and period",
        list(options),
        format_func=lambda c: label_of(options[c]),
        key=Key.DRILL_PERIOD,
    )
    ref = options[code]
    try:
        explanation = cached.explanation(
            ctx.db, ctx.version, ref.pair, ref.period, ctx.freq, ctx.start, ctx.end,
            ref.direction, ctx.params_key,
        )  # fmt: skip
    except TrackerError as error:
        st.warning(str(error))
        return
    _metrics(ref, explanation)
    parts = explanation.contributions
    own = parts[parts["kind"].isin(("tone", "event")) & parts["article_id"].notna()]
    if not len(own):
        st.info(
            f"No article about {ref.label} was published in {ref.period}. The value "
            f"{explanation.value:+.0f} is what is left of earlier events, fading with time"
            + (": the table lists them." if len(parts) else "; nothing is left of them."),
            icon=":material/history:",
        )
    if not len(parts):
        return
    st.markdown(f"**What makes {safe_inline(ref.label)} {safe_inline(ref.period)}**")
    st.dataframe(
        contributions_table(parts),
        hide_index=True,
        width="stretch",
        height=min(38 + 35 * len(parts), 280),
        column_config={  # fits 1400 px without scrolling: the contribution stays in view
            "What": st.column_config.TextColumn("What", width=110),
            "Date": st.column_config.TextColumn("Date", width=88),
            "Title": st.column_config.TextColumn("Title", width=260),
            "Event": st.column_config.TextColumn("Event", width=90),
            "Mode": st.column_config.TextColumn("Mode", width=80),
            "Who → whom": st.column_config.TextColumn("Who → whom", width=85),
            "Contribution": st.column_config.NumberColumn(
                "Degrees", format="%+.1f", width=70, help="Its part of the temperature"
            ),
            "Note": st.column_config.TextColumn("Note", width=120),
        },
    )
    if len(own):
        _articles(ctx, ref, own, events)


def _metrics(ref: PointRef, explanation) -> None:
    cols = st.columns(4)
    cols[0].metric(f"Temperature in {ref.period}", f"{explanation.value:+.0f}")
    cols[1].metric("Uncertainty band", f"{explanation.lower:+.0f} … {explanation.upper:+.0f}")
    tone = explanation.tone
    cols[2].metric("Mean tone (−1 … +1)", "–" if pd.isna(tone) else f"{tone:+.2f}")
    cols[3].metric("Events this period (Goldstein sum)", f"{explanation.events_score:+.1f}")


def _articles(ctx, ref: PointRef, in_period: pd.DataFrame, events: pd.DataFrame) -> None:
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
            head, button = st.columns([6, 1])
            head.markdown(
                f"<b>{safe_inline(title)}</b> &#183; {safe_inline(str(day)[:10])} &#183; "
                f"contribution {safe_inline(f'{weight[article_id]:+.1f}')} degrees",
                unsafe_allow_html=True,
            )
            if not ctx.read_only:
                button.button(
                    "Remove",
                    key=f"{Key.REMOVE_PREFIX}{article_id}",
                    on_click=removal.remove,
                    args=(ctx.db, [article_id]),
                    icon=":material/delete:",
                    help="Delete this article from the database (you can undo it).",
                )
            for _, row in rows.iterrows():
                st.markdown(_sentence(row, mine, article_id), unsafe_allow_html=True)


def _sentence(row: pd.Series, mine: pd.DataFrame, article_id: str) -> str:
    spans = []
    if len(mine):
        hits = mine[
            (mine["article_id"] == article_id) & (mine["sentence_index"] == row["sentence_index"])
        ]
        spans = [
            (int(h.span_start), int(h.span_end), f"{h.category} {h['mode']}")
            for _, h in hits.iterrows()
        ]
    try:
        mentions = json.loads(row["mentions"] or "[]")
    except (TypeError, ValueError):
        mentions = []
    return (
        f"{highlight_sentence(str(row['text']), mentions, spans)} "
        f"<small>(tone {safe_inline(f'{row.tone:+.2f}')})</small>"
    )


def _title(parts: pd.DataFrame, article_id: str) -> str:
    match = parts[parts["article_id"] == article_id]["title"]
    return str(match.iloc[0]) if len(match) else article_id

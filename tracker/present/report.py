"""The briefing: one self-contained HTML page (and a PDF where Chromium is available) for
chosen pairs and a period, two A4 pages: temperature and event charts (SVG images, no
plotly.js: the page stays small), turning points by date with what moved them, and the
articles that weigh most. Every number says what it is.

Every piece of article text (titles, sentences, outlets, urls) goes through
:func:`html.escape` before it lands in the page; links are kept only for http(s) urls.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from tracker.errors import TrackerError
from tracker.index.headline import headline
from tracker.present import labels as charts
from tracker.present.category_chart import category_counts, category_figure
from tracker.present.charts import temperature_figure
from tracker.present.export import figure_bytes, html_to_pdf, static_export_problem
from tracker.present.safe_text import escape_display
from tracker.store import Store

TOP_ARTICLES = 4  # articles listed per pair: the ones with most events, then most sentences
TURNING_POINTS = 3  # per pair, listed by date
SENTENCE_CHARS = 220  # a sentence quoted in the brief is cut here
CHART_WIDTH = 1000  # px of the SVG charts (scaled to the page width)

_CSS = """
@page{size:A4;margin:11mm 12mm}
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:1000px;
margin:1rem auto;padding:0 .8rem;color:#1b1b1b;line-height:1.3;font-size:12.5px}
h1{font-size:1.45rem;margin:0 0 .15rem} h2{font-size:1.05rem;border-bottom:2px solid #ddd;
padding-bottom:.1rem;margin:.8rem 0 .3rem} .meta{color:#555;margin:.1rem 0}
table{border-collapse:collapse;width:100%;font-size:11.5px;margin:.25rem 0}
th,td{border:1px solid #ddd;padding:.15rem .35rem;text-align:left;vertical-align:top}
th{background:#f4f4f4} td.n{text-align:right;white-space:nowrap} mark{background:#ffe08a}
.warm{color:#0b6e4f;font-weight:600} .cold{color:#b2182b;font-weight:600}
.chart img{width:100%;display:block} .small{font-size:10.5px;color:#555}
q{color:#333;font-size:10.5px}
@media print{.chart,tr{page-break-inside:avoid} h2{page-break-after:avoid}}
"""


@dataclass(frozen=True)
class Brief:
    """Everything the brief shows, read once from the store."""

    pairs: tuple[tuple[str, str], ...]
    freq: str
    start: date | None
    end: date | None
    timeline: pd.DataFrame
    events: pd.DataFrame
    articles: pd.DataFrame
    turning_points: pd.DataFrame
    generated_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    settings: str = "default weights"


def collect_brief(
    db: str | Path | None,
    pairs: Sequence[tuple[str, str]],
    *,
    freq: str = "M",
    start: date | None = None,
    end: date | None = None,
    params: object | None = None,
    settings: str = "default weights",
) -> Brief:
    """Read timelines, turning points, events and articles for the pairs from the store."""
    from tracker.index.timeline import compute_timeline
    from tracker.index.turning import turning_points

    kwargs = {"freq": freq, "start": start, "end": end}
    if params is not None:
        kwargs["params"] = params
    frames, turns = [], []
    with Store(db, read_only=True) as store:
        for pair in pairs:
            frame = compute_timeline(store, tuple(pair), **kwargs)
            frames.append(frame)
            if len(frame):
                points = turning_points(frame, store, tuple(pair), top=TURNING_POINTS)
                turns.append(points.assign(pair=[tuple(pair)] * len(points)))
        events = store.dashboard_events(pairs, start=start, end=end)
        articles = store.dashboard_articles(pairs, start=start, end=end)
    timeline = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    turning = pd.concat(turns, ignore_index=True) if turns else pd.DataFrame()
    if len(turning):  # by date, as a reader follows a story
        turning = turning.sort_values(["period_start", "pair"], kind="stable")
    return Brief(
        tuple(tuple(p) for p in pairs),
        freq,
        start,
        end,
        timeline,
        events,
        articles,
        turning.reset_index(drop=True),
        settings=settings,
    )


def brief_figures(brief: Brief) -> list[tuple[str, go.Figure]]:
    """The brief's charts: temperature of all pairs, then event categories (compact)."""
    temperature = temperature_figure(brief.timeline, brief.events, freq=brief.freq)
    temperature.update_layout(height=430, margin={"t": 40})
    counts = category_counts(brief.events, brief.freq)
    categories = category_figure(counts)
    categories.update_layout(height=150 + 110 * max(1, len(brief.pairs)), margin={"t": 40})
    return [
        ("Relationship temperature", temperature),
        ("Cooperation and conflict events (reported as facts)", categories),
    ]


def brief_html(brief: Brief) -> str:
    """The brief as one HTML page that works offline and prints on two A4 pages: charts
    as SVG images (no plotly.js), tables with a label on every number."""
    e = html.escape
    labels = ", ".join(charts.pair_label(p) for p in brief.pairs) or "no pairs"
    period = f"{_fmt_date(brief.start) or 'first article'} to {_fmt_date(brief.end) or 'latest'}"
    sources = int(brief.articles["article_id"].nunique()) if len(brief.articles) else 0
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>Relationship brief: {e(labels)}</title><style>{_CSS}</style>",
        "</head><body>",
        f"<h1>Relationship brief: {e(labels)}</h1>",
        f"<p class='meta'>Period {e(period)} · per {e(_freq_name(brief.freq))} · "
        f"{e(brief.settings)} · source: {sources:,} articles · generated "
        f"{e(brief.generated_at.strftime('%Y-%m-%d %H:%M UTC'))}</p>",
        "<p class='small'>Temperature: −100 hostile … 0 neutral … +100 warm, from the tone of "
        "sentences about the pair and coded events with a fading memory; the band is its 95% "
        "uncertainty.</p>",
        _summary_table(brief),
    ]
    for heading, fig in brief_figures(brief):
        parts.append(f"<h2>{e(heading)}</h2><div class='chart'>{_chart(fig)}</div>")
    parts.append("<h2>Turning points, by date</h2>")
    parts.append(_turning_points(brief))
    parts.append("<h2>Top articles</h2>")
    parts.append(_top_articles(brief))
    parts.append("</body></html>")
    return "\n".join(parts)


def brief_pdf(brief: Brief) -> bytes:
    """The brief printed to PDF by headless Chromium (raises ExportUnavailable without it)."""
    return html_to_pdf(brief_html(brief))


# -- pieces ----------------------------------------------------------------------------------
def _chart(fig: go.Figure) -> str:
    problem = static_export_problem()
    if problem is not None:
        return f"<p class='small'>Chart not drawn here ({html.escape(problem)}).</p>"
    try:
        svg = figure_bytes(fig, "svg", width=CHART_WIDTH)
    except TrackerError as error:
        return f"<p class='small'>Chart not drawn: {html.escape(str(error))}</p>"
    data = base64.b64encode(svg).decode("ascii")
    return f"<img alt='chart' src='data:image/svg+xml;base64,{data}'>"


def _summary_table(brief: Brief) -> str:
    if not len(brief.timeline):
        return "<p>No data for these pairs in this period.</p>"
    rows = []
    for pair in brief.pairs:
        part = brief.timeline[brief.timeline["pair"].map(_as_pair) == tuple(sorted(pair))]
        part = part[part["direction"].fillna("") == ""] if "direction" in part else part
        head = headline(part, reference="start")
        if head is None:
            continue
        change = head.change or 0.0
        rows.append(
            "<tr>"
            f"<td>{html.escape(charts.pair_label(pair))}</td>"
            f"<td class='n {_css_class(head.value)}'>{html.escape(head.value_text)}</td>"
            f"<td class='n'>{html.escape(head.band_text)}</td>"
            f"<td class='n {_css_class(change)}'>{html.escape(head.change_text)}</td>"
            f"<td class='n'>{html.escape(head.evidence_text)}</td>"
            f"<td class='n'>{int(part['articles'].sum())}</td>"
            f"<td class='n'>{int(part['events'].sum())}</td></tr>"
        )
    return (
        "<table><tr><th>Pair</th><th>Now (filtered)</th><th>Its band (95%)</th>"
        "<th>Change</th><th>Evidence</th><th>Articles</th><th>Events</th></tr>"
        + "".join(rows)
        + "</table>"
    )


def _turning_points(brief: Brief) -> str:
    if not len(brief.turning_points):
        return "<p>No turning points in this period.</p>"
    rows = []
    for _, point in brief.turning_points.iterrows():
        pair = _as_pair(point["pair"])
        change = float(point["change"])
        quote = _quote(brief, point, pair)
        rows.append(
            f"<tr><td>{html.escape(str(point['period']))}</td>"
            f"<td>{html.escape(charts.pair_label(pair))}</td>"
            f"<td class='n'>{point['previous']:+.0f} → {point['temperature']:+.0f}</td>"
            f"<td class='n {_css_class(change)}'>{change:+.0f}</td>"
            f"<td>{escape_display(point['drivers'] or '')}{quote}</td></tr>"
        )
    return (
        "<table><tr><th>Period</th><th>Pair</th><th>Temperature before → after</th>"
        "<th>Change</th><th>What moved it (degrees each)</th></tr>" + "".join(rows) + "</table>"
    )


def _quote(brief: Brief, point: pd.Series, pair: tuple[str, str]) -> str:
    """The sentence of the strongest event of the turning point's period, trigger marked."""
    events = brief.events
    if not len(events):
        return ""
    start = pd.Timestamp(point["period_start"])
    days = pd.to_datetime(events["published_at"])
    mine = events[
        (events["pair_a"] == pair[0])
        & (events["pair_b"] == pair[1])
        & (days >= start)
        & (days < start + _offset(brief.freq))
    ]
    if not len(mine):
        return ""
    top = mine.loc[mine["intensity"].abs().idxmax()]
    return f"<br><q>{highlight_span(top.get('text'), top['span_start'], top['span_end'])}</q>"


def _top_articles(brief: Brief) -> str:
    articles = brief.articles
    if not len(articles):
        return "<p>No articles in this period.</p>"
    rows = []
    for pair in brief.pairs:
        a_, b_ = sorted(pair)
        part = articles[(articles["pair_a"] == a_) & (articles["pair_b"] == b_)]
        part = part.sort_values(["events", "sentences"], ascending=False).head(TOP_ARTICLES)
        for _, a in part.iterrows():
            title = escape_display(a["title"])
            url = str(a["url"] or "")
            if url.startswith(("http://", "https://")):
                title = f"<a href='{html.escape(url, quote=True)}' rel='noopener'>{title}</a>"
            rows.append(
                f"<tr><td>{html.escape(charts.pair_label(pair))}</td>"
                f"<td>{html.escape(_fmt_date(a['published_at']))}</td><td>{title}</td>"
                f"<td>{escape_display(a['outlet'] or '')}</td>"
                f"<td class='n {_css_class(a['tone'])}'>{a['tone']:+.2f}</td>"
                f"<td class='n'>{int(a['events'])}</td></tr>"
            )
    if not rows:
        return "<p>No articles in this period.</p>"
    return (
        "<table><tr><th>Pair</th><th>Date</th><th>Title</th><th>Outlet</th>"
        "<th>Tone (−1 … +1)</th><th>Events</th></tr>" + "".join(rows) + "</table>"
    )


def highlight_span(text: object, start: object, end: object) -> str:
    """A sentence with [start, end) wrapped in <mark>; every piece HTML-escaped."""
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return ""
    sentence = str(text)
    try:
        s, t = int(start), int(end)
    except (TypeError, ValueError):
        s = t = -1
    if not 0 <= s < t <= len(sentence):
        return html.escape(_cut(sentence))
    before, trigger, after = sentence[:s], sentence[s:t], sentence[t:]
    if len(sentence) > SENTENCE_CHARS:
        before = ("…" + before[-80:]) if len(before) > 80 else before
        after = (after[:120] + "…") if len(after) > 120 else after
    return f"{html.escape(before)}<mark>{html.escape(trigger)}</mark>{html.escape(after)}"


def _cut(text: str) -> str:
    return text if len(text) <= SENTENCE_CHARS else text[: SENTENCE_CHARS - 1] + "…"


def _as_pair(value: object) -> tuple[str, str]:
    if isinstance(value, tuple | list):
        return tuple(sorted(value))
    parts = str(value).replace("–", "-").split("-")
    return tuple(sorted(parts))  # type: ignore[return-value]


def _offset(freq: str) -> pd.DateOffset:
    code = freq.upper()[:1]
    if code == "M":
        return pd.DateOffset(months=1)
    if code == "W":
        return pd.DateOffset(weeks=1)
    return pd.DateOffset(days=1)


def _freq_name(freq: str) -> str:
    return {"M": "month", "W": "week", "D": "day"}.get(freq.upper()[:1], freq)


def _fmt_date(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    try:
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    except (ValueError, TypeError):
        return str(value)


def _css_class(value: float) -> str:
    return "warm" if value > 0 else "cold" if value < 0 else ""

"""The briefing: one self-contained HTML page (and a PDF where Chromium is available) for
chosen pairs and a period: temperature and event charts, turning points with the events
behind them, and the articles that weigh most.

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
import plotly.offline

from tracker.index.headline import headline
from tracker.present import charts
from tracker.present.export import figure_bytes, html_to_pdf
from tracker.present.safe_text import escape_display
from tracker.store import Store

TOP_ARTICLES = 8  # articles listed per pair: the ones with most events, then most sentences
EVENTS_PER_TURN = 5  # events shown under one turning point (strongest first)
TURNING_POINTS = 5  # per pair
SENTENCE_CHARS = 400  # a sentence quoted in the brief is cut here

_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:1100px;
margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.7rem;margin-bottom:.2rem} h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;
margin-top:2rem} h3{margin-bottom:.3rem} .meta{color:#555} table{border-collapse:collapse;
width:100%;font-size:.9rem;margin:.5rem 0} th,td{border:1px solid #ddd;padding:.3rem .45rem;
text-align:left;vertical-align:top} th{background:#f4f4f4} mark{background:#ffe08a;padding:0 .1em}
.warm{color:#0b6e4f;font-weight:600} .cold{color:#b2182b;font-weight:600}
.chart img{width:100%} blockquote{margin:.3rem 0 .6rem 1rem;color:#333;border-left:3px solid #ccc;
padding-left:.6rem} .small{font-size:.85rem;color:#555}
@media print{.chart{page-break-inside:avoid} h2{page-break-after:avoid}}
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


def collect_brief(
    db: str | Path | None,
    pairs: Sequence[tuple[str, str]],
    *,
    freq: str = "M",
    start: date | None = None,
    end: date | None = None,
    params: object | None = None,
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
    return Brief(
        tuple(tuple(p) for p in pairs), freq, start, end, timeline, events, articles, turning
    )


def brief_figures(brief: Brief) -> list[tuple[str, go.Figure]]:
    """The brief's charts: temperature of all pairs, then event categories."""
    figures = [
        (
            "Relationship temperature",
            charts.temperature_figure(brief.timeline, brief.events, freq=brief.freq),
        )
    ]
    counts = charts.category_counts(brief.events, brief.freq)
    figures.append(("Cooperation and conflict events", charts.category_figure(counts)))
    return figures


def brief_html(brief: Brief, *, static_images: bool = False) -> str:
    """The brief as one HTML page that works offline.

    Charts are interactive plotly (plotly.js inlined once) or, with ``static_images``,
    SVG images (for printing to PDF; needs Chromium via tracker.present.export).
    """
    e = html.escape
    labels = ", ".join(charts.pair_label(p) for p in brief.pairs) or "no pairs"
    period = f"{_fmt_date(brief.start) or 'start'} – {_fmt_date(brief.end) or 'latest'}"
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>Relationship brief: {e(labels)}</title><style>{_CSS}</style>",
    ]
    if not static_images:
        parts.append(f"<script>{plotly.offline.get_plotlyjs()}</script>")
    parts += [
        "</head><body>",
        f"<h1>Relationship brief: {e(labels)}</h1>",
        f"<p class='meta'>Period {e(period)} · frequency {e(_freq_name(brief.freq))} · "
        f"generated {e(brief.generated_at.strftime('%Y-%m-%d %H:%M UTC'))}</p>",
        "<p class='small'>Temperature runs from −100 (hostile) through 0 (neutral) to +100 "
        "(warm); the band shows its uncertainty. Built from dyadic tone and PLOVER events "
        "with a fading memory.</p>",
        _summary_table(brief),
    ]
    for heading, fig in brief_figures(brief):
        parts.append(f"<h2>{e(heading)}</h2><div class='chart'>{_chart(fig, static_images)}</div>")
    parts.append("<h2>Turning points</h2>")
    parts.append(_turning_points(brief))
    parts.append("<h2>Top articles</h2>")
    parts.append(_top_articles(brief))
    parts.append("</body></html>")
    return "\n".join(parts)


def brief_pdf(brief: Brief) -> bytes:
    """The brief printed to PDF by headless Chromium (raises ExportUnavailable without it)."""
    return html_to_pdf(brief_html(brief, static_images=True))


# -- pieces ----------------------------------------------------------------------------------
def _chart(fig: go.Figure, static_images: bool) -> str:
    if static_images:
        svg = figure_bytes(fig, "svg", width=1000)
        data = base64.b64encode(svg).decode("ascii")
        return f"<img alt='chart' src='data:image/svg+xml;base64,{data}'>"
    return fig.to_html(full_html=False, include_plotlyjs=False, config={"displaylogo": False})


def _summary_table(brief: Brief) -> str:
    if not len(brief.timeline):
        return "<p>No data for these pairs in this period.</p>"
    rows = []
    for pair in brief.pairs:
        part = brief.timeline[brief.timeline["pair"].map(_as_pair) == tuple(pair)]
        part = part[part["direction"].fillna("") == ""] if "direction" in part else part
        head = headline(part, reference="start")
        if head is None:
            continue
        change = head.change or 0.0
        rows.append(
            "<tr>"
            f"<td>{html.escape(charts.pair_label(pair))}</td>"
            f"<td class='{_css_class(head.value)}'>{html.escape(head.value_text)}"
            f"<br><span class='small'>{html.escape(head.band_text)}, "
            f"{html.escape(head.evidence_text)}</span></td>"
            f"<td class='{_css_class(change)}'>{html.escape(head.change_text)}</td>"
            f"<td>{int(part['articles'].sum())}</td><td>{int(part['events'].sum())}</td></tr>"
        )
    return (
        "<table><tr><th>Pair</th><th>Now (filtered)</th><th>Change</th>"
        "<th>Articles</th><th>Events</th></tr>" + "".join(rows) + "</table>"
    )


def _turning_points(brief: Brief) -> str:
    if not len(brief.turning_points):
        return "<p>No turning points in this period.</p>"
    out = []
    for _, point in brief.turning_points.iterrows():
        pair = _as_pair(point["pair"])
        start = pd.Timestamp(point.get("period_start", point.get("period")))
        stop = start + _offset(brief.freq)
        label = point.get("period", start.date())
        change = next(
            (point[c] for c in ("change", "delta", "jump") if c in point and pd.notna(point[c])),
            None,
        )
        head = f"{html.escape(charts.pair_label(pair))} · {html.escape(str(label))}"
        if "temperature" in point and pd.notna(point["temperature"]):
            head += f" · temperature {point['temperature']:+.1f}"
        if change is not None:
            head += f" (<span class='{_css_class(change)}'>{change:+.1f}</span>)"
        out.append(f"<h3>{head}</h3>")
        events = brief.events
        if len(events):
            days = pd.to_datetime(events["published_at"])
            mine = events[
                (events["pair_a"] == pair[0])
                & (events["pair_b"] == pair[1])
                & (days >= start)
                & (days < stop)
            ]
        else:
            mine = events
        if not len(mine):
            out.append("<p class='small'>No coded events in this period (tone moved it).</p>")
            continue
        mine = mine.reindex(mine["intensity"].abs().sort_values(ascending=False).index)
        items = []
        for _, ev in mine.head(EVENTS_PER_TURN).iterrows():
            actors = f"{ev['source'] or '?'}→{ev['target'] or '?'}"
            items.append(
                f"<li><b>{html.escape(str(ev['category']))}</b> ({html.escape(str(ev['mode']))}, "
                f"{html.escape(actors)}, {ev['intensity']:+.1f}) — "
                f"{html.escape(_fmt_date(ev['published_at']))} "
                f"<i>{escape_display(ev['title'])}</i>"
                f"<blockquote>{highlight_span(ev.get('text'), ev['span_start'], ev['span_end'])}"
                "</blockquote></li>"
            )
        out.append("<ul>" + "".join(items) + "</ul>")
    return "\n".join(out)


def _top_articles(brief: Brief) -> str:
    articles = brief.articles
    if not len(articles):
        return "<p>No articles in this period.</p>"
    out = []
    for pair in brief.pairs:
        part = articles[(articles["pair_a"] == pair[0]) & (articles["pair_b"] == pair[1])]
        if not len(part):
            continue
        part = part.sort_values(["events", "sentences"], ascending=False).head(TOP_ARTICLES)
        rows = []
        for _, a in part.iterrows():
            title = escape_display(a["title"])
            url = str(a["url"] or "")
            if url.startswith(("http://", "https://")):
                title = f"<a href='{html.escape(url, quote=True)}' rel='noopener'>{title}</a>"
            rows.append(
                f"<tr><td>{html.escape(_fmt_date(a['published_at']))}</td><td>{title}</td>"
                f"<td>{escape_display(a['outlet'] or '')}</td>"
                f"<td class='{_css_class(a['tone'])}'>{a['tone']:+.2f}</td>"
                f"<td>{int(a['events'])}</td><td>{int(a['sentences'])}</td></tr>"
            )
        out.append(
            f"<h3>{html.escape(charts.pair_label(pair))}</h3><table><tr><th>Date</th>"
            "<th>Title</th><th>Outlet</th><th>Tone</th><th>Events</th><th>Sentences</th></tr>"
            + "".join(rows)
            + "</table>"
        )
    return "\n".join(out) or "<p>No articles in this period.</p>"


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
        before = ("…" + before[-150:]) if len(before) > 150 else before
        after = (after[:200] + "…") if len(after) > 200 else after
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

"""Every st.cache_resource / st.cache_data wrapper of the dashboard, in one place.

Query results are cached per (database path, data version): the version is a cheap
(article count, last ingested_at) token read on every run, so an upload from this session,
another session or the CLI shows up on the next rerun. After an upload the caches are also
cleared outright (``clear_data``).

Connections are short-lived and read-only: the CLI may be writing. A busy database raises
StoreBusy, which app.py turns into a warning.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from tracker.index.headline import Headline
from tracker.index.headline import headline as series_headline
from tracker.index.params import TemperatureParams
from tracker.index.temperature import empty_timeline
from tracker.index.timeline import Explanation, compute_timeline, explain
from tracker.present import charts
from tracker.present.browser_figure import PreparedFigure
from tracker.present.labels import series_label
from tracker.store import Store
from tracker.ui.chart_signal import view_id

READ_BUSY_TIMEOUT_S = 3.0  # a reader waits this long for a writer, then shows "busy, retry"
ParamsKey = tuple[tuple[str, object], ...]


def params_key(params: TemperatureParams) -> ParamsKey:
    """A hashable, cache-friendly form of the temperature parameters."""
    return tuple(asdict(params).items())


def params_of(key: ParamsKey) -> TemperatureParams:
    return TemperatureParams(**dict(key))


def open_store(db: str) -> Store:
    return Store(db, read_only=True, busy_timeout=READ_BUSY_TIMEOUT_S)


def data_version(db: str) -> tuple[int, str]:
    """What invalidates the cached reads. Read again whenever the database file or its
    write-ahead log changed on disk (every commit changes one of them: size or mtime), so
    an unchanged database costs a ``stat``, not a DuckDB connection (30-150 ms a run)."""
    return _version_at(db, _on_disk(db))


def _on_disk(db: str) -> tuple[tuple[int, int], ...]:
    state = []
    for path in (Path(db), Path(f"{db}.wal")):
        try:
            info = path.stat()
        except OSError:
            state.append((-1, -1))
        else:
            state.append((info.st_mtime_ns, info.st_size))
    return tuple(state)


@st.cache_data(show_spinner=False, max_entries=16)
def _version_at(db: str, on_disk: tuple[tuple[int, int], ...]) -> tuple[int, str]:
    with open_store(db) as store:
        return store.data_version()


@st.cache_resource(show_spinner=False)
def scorer():
    """The scorer (actor matcher, tone analyzer, event rules): built once per process."""
    from tracker.coding.score import default_scorer

    return default_scorer()


@st.cache_data(show_spinner=False, max_entries=32)
def only_demo_data(db: str, version: tuple[int, str]) -> bool:
    with open_store(db) as store:
        return store.only_demo_data()


@st.cache_data(show_spinner=False, max_entries=32)
def pairs(db: str, version: tuple[int, str]) -> pd.DataFrame:
    with open_store(db) as store:
        return store.pairs()


@st.cache_data(show_spinner=False, max_entries=64)
def timelines(
    db: str,
    version: tuple[int, str],
    pairs: tuple[tuple[str, str], ...],
    freq: str,
    start: date | None,
    end: date | None,
    directed: bool,
    params: ParamsKey,
) -> pd.DataFrame:
    """Temperature series of the pairs; directed: both directions of each pair."""
    p = params_of(params)
    frames = []
    with open_store(db) as store:
        for pair in pairs:
            directions = [pair, pair[::-1]] if directed else [None]
            for direction in directions:
                frame = compute_timeline(
                    store, pair, freq=freq, start=start, end=end, direction=direction, params=p
                )
                if len(frame):
                    frames.append(frame)
    return pd.concat(frames, ignore_index=True) if frames else empty_timeline()


@st.cache_resource(show_spinner=False, max_entries=48)
def temperature_chart(
    db: str,
    version: tuple[int, str],
    pairs: tuple[tuple[str, str], ...],
    freq: str,
    start: date | None,
    end: date | None,
    directed: bool,
    params: ParamsKey,
):
    """The temperature figure of a view, built once and shared by every session (a
    resource, not data: a plotly Figure re-validates itself when unpickled). Never
    mutated: exports draw a titled copy. Its ``uirevision`` is the view's id
    (:func:`chart_id`): the browser's "drawn" signal looks for it (tracker.ui.chart_signal)."""
    timeline = timelines(db, version, pairs, freq, start, end, directed, params)
    fig = charts.temperature_figure(timeline, events(db, version, pairs, start, end), freq=freq)
    charts.fixed_margins(fig)
    fig.layout.uirevision = chart_id(db, version, pairs, freq, start, end, directed, params)
    return fig


@st.cache_resource(show_spinner=False, max_entries=48)
def browser_chart(
    db: str,
    version: tuple[int, str],
    pairs: tuple[tuple[str, str], ...],
    freq: str,
    start: date | None,
    end: date | None,
    directed: bool,
    params: ParamsKey,
) -> PreparedFigure:
    """The temperature figure in the form ``st.plotly_chart`` sends, made once per view
    (tracker.present.browser_figure): every run that draws the chart (both passes of a view,
    every click) skips re-encoding it. Exports use :func:`temperature_chart`."""
    view = (db, version, pairs, freq, start, end, directed, params)
    return PreparedFigure(temperature_chart(*view))


def chart_id(*view: object) -> str:
    """The id of a temperature chart's view (the arguments of :func:`temperature_chart`)."""
    return view_id(view)


@st.cache_data(show_spinner=False, max_entries=64)
def headlines(
    db: str,
    version: tuple[int, str],
    pairs: tuple[tuple[str, str], ...],
    freq: str,
    start: date | None,
    end: date | None,
    directed: bool,
    params: ParamsKey,
) -> list[tuple[str, Headline | None, int]]:
    """(series label, headline, events) per series of the view (tracker.index.headline)."""
    timeline = timelines(db, version, pairs, freq, start, end, directed, params)
    if not len(timeline):
        return []
    labels = [
        series_label(p, d) for p, d in zip(timeline["pair"], timeline["direction"], strict=True)
    ]
    frame = timeline.assign(series=labels)
    out = []
    for name in dict.fromkeys(labels):
        part = frame[frame["series"] == name].sort_values("period_start")
        out.append((name, series_headline(part), int(part["events"].sum())))
    return out


def prewarm_frequencies(
    db: str,
    version: tuple[int, str],
    pairs: tuple[tuple[str, str], ...],
    shown: str,
    start: date | None,
    end: date | None,
    directed: bool,
    params: ParamsKey,
) -> None:
    """After the page is drawn: the other frequencies' series and figures, so a switch
    finds them ready (a cache hit costs nothing when another session did it already)."""
    for freq in ("M", "W", "D"):
        if freq != shown:
            browser_chart(db, version, pairs, freq, start, end, directed, params)
            headlines(db, version, pairs, freq, start, end, directed, params)


@st.cache_data(show_spinner=False, max_entries=32)
def events(
    db: str,
    version: tuple[int, str],
    pairs: tuple[tuple[str, str], ...],
    start: date | None,
    end: date | None,
) -> pd.DataFrame:
    with open_store(db) as store:
        return store.dashboard_events(pairs, start=start, end=end)


@st.cache_data(show_spinner=False, max_entries=32)
def articles(
    db: str,
    version: tuple[int, str],
    pairs: tuple[tuple[str, str], ...],
    start: date | None,
    end: date | None,
) -> pd.DataFrame:
    with open_store(db) as store:
        return store.dashboard_articles(pairs, start=start, end=end)


@st.cache_data(show_spinner=False, max_entries=64)
def explanation(
    db: str,
    version: tuple[int, str],
    pair: tuple[str, str],
    period: str,
    freq: str,
    start: date | None,
    end: date | None,
    direction: str,
    params: ParamsKey,
) -> Explanation:
    with open_store(db) as store:
        return explain(
            store,
            pair,
            period,
            freq=freq,
            start=start,
            end=end,
            direction=direction or None,
            params=params_of(params),
        )


@st.cache_data(show_spinner=False, max_entries=64)
def sentences(
    db: str, version: tuple[int, str], pair: tuple[str, str], article_ids: tuple[str, ...]
) -> pd.DataFrame:
    with open_store(db) as store:
        return store.dashboard_sentences(pair, article_ids)


def clear_data() -> None:
    """After an upload or a removal: every cached query and figure is stale (they are keyed
    by the data version too; this frees them at once)."""
    st.cache_data.clear()
    temperature_chart.clear()
    browser_chart.clear()

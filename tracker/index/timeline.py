"""The relationship temperature of a pair, read from the store (docs/temperature.md).

``compute_timeline``/``compute_timelines`` fetch small per-day frames from a
:class:`TimelineSource` (the store's read side) and hand them to the pure core
(:mod:`tracker.index.temperature`);
``explain`` names the evidence behind one value (:mod:`tracker.index.attribution`).
Turning points are in :mod:`tracker.index.turning`, the headline in
:mod:`tracker.index.headline`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import numpy as np
import pandas as pd

from tracker.errors import UsageError
from tracker.index import attribution, kalman
from tracker.index.params import DEFAULT_PARAMS, TemperatureParams
from tracker.index.periods import FREQS, period_starts, to_days
from tracker.index.temperature import DailyModel, build_timeline, daily_model, empty_timeline
from tracker.models import make_pair, parse_direction, parse_pair

if TYPE_CHECKING:
    from collections.abc import Iterable


@runtime_checkable
class TimelineSource(Protocol):
    """The store's read side as the temperature needs it: per-day frames of one pair (or one
    direction of it), never whole tables. :class:`tracker.store.Store` implements it over
    DuckDB (local articles plus attached archives); a second store (a remote service, a
    frame cache, a warehouse) plugs in here. Columns are those documented in
    tracker/store/timeline_reads.py, which the pure core reads by name."""

    def timeline_tone_days(
        self,
        pair: tuple[str, str],
        *,
        start: date | None = None,
        end: date | None = None,
        direction: tuple[str, str] | None = None,
        signature: str = "tone",
    ) -> pd.DataFrame: ...

    def timeline_event_impulses(
        self,
        pair: tuple[str, str],
        mode_weights: dict[str, float],
        *,
        end: date | None = None,
        direction: tuple[str, str] | None = None,
    ) -> pd.DataFrame: ...

    def timeline_event_days(
        self,
        pair: tuple[str, str],
        *,
        end: date | None = None,
        direction: tuple[str, str] | None = None,
    ) -> pd.DataFrame: ...

    def timeline_sentences(
        self,
        pair: tuple[str, str],
        *,
        start: date | None = None,
        end: date | None = None,
        direction: tuple[str, str] | None = None,
        signature: str = "tone",
    ) -> pd.DataFrame: ...

    def timeline_events(
        self,
        pair: tuple[str, str],
        *,
        start: date | None = None,
        end: date | None = None,
        direction: tuple[str, str] | None = None,
    ) -> pd.DataFrame: ...


@dataclass(frozen=True)
class Explanation:
    """Why one period has its value: ``contributions.contribution`` sums to ``value``
    (the smoothed temperature, or the filtered one when ``estimate == "filtered"``)."""

    pair: str
    direction: str
    period: str
    value: float
    lower: float
    upper: float
    tone: float
    events_score: float
    contributions: pd.DataFrame
    estimate: str = "smoothed"


def pair_key(pair: tuple[str, str] | str) -> tuple[str, str]:
    """('USA', 'BLR'), 'usa-blr' -> ('BLR', 'USA'); UsageError when not a pair."""
    if isinstance(pair, str):
        try:
            return parse_pair(pair)
        except ValueError as error:
            raise UsageError(str(error)) from error
    return make_pair(*(code.upper() for code in pair))


def direction_key(
    pair: tuple[str, str], direction: tuple[str, str] | str | None
) -> tuple[str, str] | None:
    """'USA>BLR' or ('usa', 'blr') -> ('USA', 'BLR'), checked against the pair."""
    if direction is None or direction == "":
        return None
    if isinstance(direction, str):
        try:
            direction = parse_direction(direction)
        except ValueError as error:
            raise UsageError(str(error)) from error
    direction = (direction[0].upper(), direction[1].upper())
    if make_pair(*direction) != pair:
        raise UsageError(f"direction {'>'.join(direction)} is not within pair {'-'.join(pair)}")
    return direction


def read_days(
    store: TimelineSource,
    key: tuple[str, str],
    directed: tuple[str, str] | None,
    end: date | None,
    params: TemperatureParams,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The per-day tone and event frames of a series, all history up to ``end``."""
    tone_days = store.timeline_tone_days(
        key, end=end, direction=directed, signature=params.story_signature
    )
    impulses = store.timeline_event_impulses(key, params.mode_weights, end=end, direction=directed)
    return tone_days, impulses


def compute_timeline(
    store: TimelineSource,
    pair: tuple[str, str] | str,
    *,
    freq: str = "M",
    start: date | None = None,
    end: date | None = None,
    direction: tuple[str, str] | str | None = None,
    params: TemperatureParams = DEFAULT_PARAMS,
) -> pd.DataFrame:
    """The temperature series of one pair (undirected, or one direction of it).

    Undirected uses every dyadic row of the pair; ``direction=("USA", "BLR")`` only rows
    with source USA and target BLR. Swapping the pair's order changes nothing. Articles
    before ``start`` still inform the level (it persists); none after ``end`` is read.
    """
    if freq not in FREQS:
        raise UsageError(f"unknown frequency {freq!r}: use one of {', '.join(FREQS)}")
    key = pair_key(pair)
    directed = direction_key(key, direction)
    lo = None if start is None else period_starts(np.array([start], "datetime64[D]"), freq)[0]
    tone_days, impulses = read_days(store, key, directed, end, params)
    timeline = build_timeline(
        tone_days,
        impulses,
        freq=freq,
        start=None if lo is None else lo.astype(object),
        end=end,
        pair="-".join(key),
        direction="" if directed is None else ">".join(directed),
        params=params,
    )
    timeline.attrs.update(freq=freq, params=params)  # read back by turning_points
    return timeline


def compute_timelines(
    store: TimelineSource, pairs: Iterable[tuple[str, str] | str], **kwargs: object
) -> pd.DataFrame:
    """Several pairs' timelines stacked (column ``pair`` tells them apart), for comparisons."""
    frames = [compute_timeline(store, pair, **kwargs) for pair in pairs]  # type: ignore[arg-type]
    frames = [f for f in frames if not f.empty]
    if not frames:
        return empty_timeline()
    return pd.concat(frames, ignore_index=True)


@dataclass(frozen=True)
class SeriesModel:
    """One series' daily model and the store coordinates to read its evidence."""

    key: tuple[str, str]
    directed: tuple[str, str] | None
    end: date
    model: DailyModel
    event_days: pd.DataFrame  # per (day, key) events up to end


def series_model(
    store: TimelineSource, row: pd.Series, end: date, params: TemperatureParams
) -> SeriesModel:
    """Re-run the model of the series a timeline row belongs to (its timeline ends ``end``)."""
    key = pair_key(row["pair"])
    directed = direction_key(key, row["direction"] or None)
    tone_days, impulses = read_days(store, key, directed, end, params)
    days = np.concatenate([to_days(tone_days["day"]), to_days(impulses["day"])])
    model = daily_model(tone_days, impulses, days.min().astype(object), end, params)
    event_days = store.timeline_event_days(key, end=end, direction=directed)
    return SeriesModel(key, directed, end, model, event_days)


def evidence(
    store: TimelineSource, series: SeriesModel, window: tuple[date, date], params: TemperatureParams
) -> pd.DataFrame:
    """Every piece of evidence of the series: sentences and event reports inside the window,
    per-day tone and per-key events outside it (attribution.ITEM_COLUMNS)."""
    lo, hi = window
    sentences = store.timeline_sentences(
        series.key, start=lo, end=hi, direction=series.directed, signature=params.story_signature
    )
    events = store.timeline_events(series.key, start=lo, end=hi, direction=series.directed)
    for frame in (sentences, events):
        if len(frame):
            frame["published_at"] = to_days(frame["published_at"]).astype(object)
    parts = [
        attribution.tone_items(sentences, params),
        attribution.event_items(events, params),
        attribution.outside_items(series.model, series.event_days, window, params),
    ]
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame(columns=list(attribution.ITEM_COLUMNS))
    return pd.concat(parts, ignore_index=True)


def explain_row(
    store: TimelineSource,
    row: pd.Series,
    *,
    end: date,
    params: TemperatureParams = DEFAULT_PARAMS,
    estimate: str = "smoothed",
) -> Explanation:
    """Explanation of one timeline row; ``end`` is the last ``as_of`` of its timeline."""
    if estimate not in ("smoothed", "filtered"):
        raise UsageError("estimate must be 'smoothed' or 'filtered'")
    smoothed = estimate == "smoothed"
    prefix = "" if smoothed else "filtered_"
    contributions = pd.DataFrame(columns=list(attribution.CONTRIBUTION_COLUMNS))
    series = series_model(store, row, end, params)
    target = int(series.model.index_of([row["as_of"]])[0])
    if target >= 0:  # (a period before the first article reads the prior: 0, no evidence)
        items = evidence(store, series, (row["period_start"], row["as_of"]), params)
        w = kalman.weights(series.model.inputs, series.model.path, target, smoothed=smoothed)
        x = float(row["state" if smoothed else "filtered_state"])
        weight = attribution.day_weight(series.model, items, w)
        contributions = attribution.contribution_frame(
            items, weight, attribution.attribution_factor(x)
        )
    return Explanation(
        pair=row["pair"],
        direction=row["direction"],
        period=row["period"],
        value=float(row["temperature" if smoothed else "filtered"]),
        lower=float(row[f"{prefix}lower"]),
        upper=float(row[f"{prefix}upper"]),
        tone=float(row["tone"]),
        events_score=float(row["events_score"]),
        contributions=contributions,
        estimate=estimate,
    )


def explain(
    store: TimelineSource,
    pair: tuple[str, str] | str,
    period: str,
    *,
    freq: str = "M",
    start: date | None = None,
    end: date | None = None,
    direction: tuple[str, str] | str | None = None,
    params: TemperatureParams = DEFAULT_PARAMS,
    estimate: str = "smoothed",
) -> Explanation:
    """The sentences, events and earlier/later evidence behind one period's value.

    ``period`` is a label of the timeline computed with the same arguments ('2024-03' for
    M, '2024-03-04' for D and W). Raises UsageError when the timeline has no such period.
    """
    timeline = compute_timeline(
        store, pair, freq=freq, start=start, end=end, direction=direction, params=params
    )
    match = timeline[timeline["period"] == period]
    if match.empty:
        raise UsageError(f"no period {period!r} in the {freq} timeline of {'-'.join(pair)}")
    last = timeline["as_of"].max()
    return explain_row(store, match.iloc[0], end=last, params=params, estimate=estimate)

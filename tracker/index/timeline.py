"""The relationship temperature of a pair, read from the store (docs/temperature.md).

Thin wrappers (``compute_timeline``, ``compute_timelines``, ``explain``, ``turning_points``)
that fetch small per-day frames from :class:`tracker.store.Store` and hand them to the pure
core: :mod:`tracker.index.periods` (calendar periods), :mod:`tracker.index.temperature` (the
index) and :mod:`tracker.index.attribution` (each part's share of a value). The core's public
names are re-exported here, so ``from tracker.index.timeline import build_timeline`` works.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from tracker.errors import UsageError
from tracker.index.attribution import (
    CONTRIBUTION_COLUMNS,
    attribution_factor,
    event_contributions,
    memory_contributions,
    tone_contributions,
)
from tracker.index.periods import FREQS, period_grid, period_labels, period_starts, to_days
from tracker.index.temperature import (
    DEFAULT_PARAMS,
    IMPULSE_COLUMNS,
    TIMELINE_COLUMNS,
    TemperatureParams,
    build_timeline,
    daily_impulses,
    decayed_sum,
    empty_timeline,
    event_impulses,
    squash,
    tone_standard_error,
)
from tracker.models import make_pair, parse_direction, parse_pair

if TYPE_CHECKING:
    from collections.abc import Iterable

    from tracker.store import Store

__all__ = [
    "CONTRIBUTION_COLUMNS",
    "DEFAULT_PARAMS",
    "FREQS",
    "IMPULSE_COLUMNS",
    "TIMELINE_COLUMNS",
    "TURNING_POINT_COLUMNS",
    "Explanation",
    "TemperatureParams",
    "attribution_factor",
    "build_timeline",
    "compute_timeline",
    "compute_timelines",
    "daily_impulses",
    "decayed_sum",
    "empty_timeline",
    "event_contributions",
    "event_impulses",
    "explain",
    "explain_row",
    "memory_contributions",
    "period_grid",
    "period_labels",
    "period_starts",
    "squash",
    "to_days",
    "tone_contributions",
    "tone_standard_error",
    "turning_points",
]

TURNING_POINT_COLUMNS: tuple[str, ...] = (
    "pair",
    "direction",
    "period",
    "period_start",
    "previous",
    "temperature",
    "change",
    "driver",  # 'event' or 'tone': what moved the value most in the direction of the change
    "category",
    "mode",
    "source",
    "target",
    "headline",
    "article_id",
    "contribution",
    "drivers",  # up to `drivers` causes as one readable line
)


@dataclass(frozen=True)
class Explanation:
    """Why one period has its value: ``contributions.contribution`` sums to ``value``."""

    pair: str
    direction: str
    period: str
    value: float
    lower: float
    upper: float
    tone: float
    events_score: float
    contributions: pd.DataFrame


def _pair_of(pair: tuple[str, str] | str) -> tuple[str, str]:
    if isinstance(pair, str):
        try:
            return parse_pair(pair)
        except ValueError as error:
            raise UsageError(str(error)) from error
    return make_pair(*(code.upper() for code in pair))


def _direction_of(
    pair: tuple[str, str], direction: tuple[str, str] | str | None
) -> tuple[str, str] | None:
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


def compute_timeline(
    store: Store,
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
    with source USA and target BLR. Swapping the pair's order changes nothing.
    """
    if freq not in FREQS:
        raise UsageError(f"unknown frequency {freq!r}: use one of {', '.join(FREQS)}")
    key = _pair_of(pair)
    directed = _direction_of(key, direction)
    lo = None if start is None else period_starts(np.array([start], "datetime64[D]"), freq)[0]
    lo_date = None if lo is None else lo.astype(object)
    tone_days = store.timeline_tone_days(
        key, start=lo_date, end=end, direction=directed, signature=params.story_signature
    )
    impulses = store.timeline_event_impulses(key, params.mode_weights, end=end, direction=directed)
    timeline = build_timeline(
        tone_days,
        impulses,
        freq=freq,
        start=lo_date,
        end=end,
        pair="-".join(key),
        direction="" if directed is None else ">".join(directed),
        params=params,
    )
    timeline.attrs.update(freq=freq, params=params)  # read back by turning_points
    return timeline


def compute_timelines(
    store: Store, pairs: Iterable[tuple[str, str] | str], **kwargs: object
) -> pd.DataFrame:
    """Several pairs' timelines stacked (column ``pair`` tells them apart), for comparisons."""
    frames = [compute_timeline(store, pair, **kwargs) for pair in pairs]  # type: ignore[arg-type]
    frames = [f for f in frames if not f.empty]
    if not frames:
        return empty_timeline()
    return pd.concat(frames, ignore_index=True)


def explain_row(
    store: Store,
    row: pd.Series,
    *,
    params: TemperatureParams = DEFAULT_PARAMS,
) -> Explanation:
    """Explanation of one timeline row (needs pair, direction, period_start, as_of, terms)."""
    key = _pair_of(row["pair"])
    directed = _direction_of(key, row["direction"] or None)
    window_start, as_of = row["period_start"], row["as_of"]
    x = float(row["tone_term"] + row["event_term"])
    factor = attribution_factor(x)
    sentences = store.timeline_sentences(
        key,
        start=window_start,
        end=as_of,
        direction=directed,
        signature=params.story_signature,
    )
    events = store.timeline_events(key, start=window_start, end=as_of, direction=directed)
    history = store.timeline_event_days(key, end=as_of, direction=directed)
    earlier = history[to_days(history["day"]) < np.datetime64(window_start, "D")]
    if len(sentences):
        sentences["published_at"] = to_days(sentences["published_at"]).astype(object)
    if len(events):
        events["published_at"] = to_days(events["published_at"]).astype(object)
    parts = [
        tone_contributions(sentences, params, factor),
        event_contributions(events, as_of, params, factor),
        memory_contributions(earlier, as_of, params, factor),
    ]
    parts = [p for p in parts if not p.empty]
    if parts:
        contributions = pd.concat(parts, ignore_index=True)
        order = contributions["contribution"].abs().sort_values(ascending=False, kind="stable")
        contributions = contributions.loc[order.index].reset_index(drop=True)
    else:
        contributions = pd.DataFrame(columns=list(CONTRIBUTION_COLUMNS))
    return Explanation(
        pair=row["pair"],
        direction=row["direction"],
        period=row["period"],
        value=float(row["temperature"]),
        lower=float(row["lower"]),
        upper=float(row["upper"]),
        tone=float(row["tone"]),
        events_score=float(row["events_score"]),
        contributions=contributions,
    )


def explain(
    store: Store,
    pair: tuple[str, str] | str,
    period: str,
    *,
    freq: str = "M",
    start: date | None = None,
    end: date | None = None,
    direction: tuple[str, str] | str | None = None,
    params: TemperatureParams = DEFAULT_PARAMS,
) -> Explanation:
    """The sentences, events and carried-over memory behind one period's value.

    ``period`` is a label of the timeline computed with the same arguments ('2024-03' for
    M, '2024-03-04' for D and W). Raises UsageError when the timeline has no such period.
    """
    timeline = compute_timeline(
        store, pair, freq=freq, start=start, end=end, direction=direction, params=params
    )
    match = timeline[timeline["period"] == period]
    if match.empty:
        raise UsageError(f"no period {period!r} in the {freq} timeline of {'-'.join(pair)}")
    return explain_row(store, match.iloc[0], params=params)


def _describe(row: pd.Series) -> str:
    if row["driver"] in ("event", "memory"):
        who = ">".join(c for c in (row["source"], row["target"]) if isinstance(c, str))
        what = f"{row['category']} ({row['mode']}{', ' + who if who else ''})"
        if row["driver"] == "memory":
            return f"fading memory of {what} ({row['contribution']:+.1f} left)"
    else:
        what = "tone"
    return f"{what}: {row['headline']} ({row['contribution']:+.1f})"


def turning_points(
    timeline: pd.DataFrame,
    store: Store,
    pair: tuple[str, str] | str | None = None,
    *,
    top: int = 5,
    drivers: int = 3,
    direction: tuple[str, str] | str | None = None,
    params: TemperatureParams | None = None,
) -> pd.DataFrame:
    """The ``top`` largest period-to-period changes, each with what caused it.

    The cause is read from the period's explanation: the events reported in the period
    (summed over their reports) and the articles' tone, ranked by how far each pushed the
    value in the direction of the change. Carry-over memory only fades, so it is never a
    cause. ``timeline`` is compute_timeline's output (its pair/direction columns are used
    when ``pair``/``direction`` are not given; ``params`` default to the ones it was
    computed with, kept in ``timeline.attrs``).
    """
    if params is None:
        params = timeline.attrs.get("params", DEFAULT_PARAMS)
    frame = timeline
    if pair is not None and len(frame):
        frame = frame[frame["pair"] == "-".join(_pair_of(pair))]
    if direction is not None and len(frame):
        wanted = _direction_of(_pair_of(frame["pair"].iloc[0]), direction)
        frame = frame[frame["direction"] == (">".join(wanted) if wanted else "")]
    empty = pd.DataFrame(columns=list(TURNING_POINT_COLUMNS))
    if len(frame) < 2:
        return empty
    if frame["direction"].nunique() > 1 or frame["pair"].nunique() > 1:
        raise UsageError("turning_points needs one pair and direction: pass pair=/direction=")
    frame = frame.reset_index(drop=True)
    change = frame["temperature"].diff()
    ranked = change.iloc[1:].abs().sort_values(ascending=False, kind="stable")
    ranked = ranked[ranked > 0].head(top)
    rows = []
    for i in ranked.index:  # one explanation per flagged period (top is small)
        row = frame.loc[i]
        sign = 1.0 if change[i] > 0 else -1.0
        parts = explain_row(store, row, params=params).contributions
        causes = _causes(parts)
        causes = causes[causes["contribution"] * sign > 0]
        causes = causes.reindex(
            (causes["contribution"] * sign).sort_values(ascending=False).index
        ).head(drivers)
        if causes.empty:  # nothing new pushed that way: earlier events fading did
            causes = _causes(parts, kind="memory")
            causes = causes.reindex(
                causes["contribution"].abs().sort_values(ascending=False).index
            ).head(drivers)
        best = causes.iloc[0] if len(causes) else None
        rows.append(
            {
                "pair": row["pair"],
                "direction": row["direction"],
                "period": row["period"],
                "period_start": row["period_start"],
                "previous": float(frame.loc[i - 1, "temperature"]),
                "temperature": float(row["temperature"]),
                "change": float(change[i]),
                **{c: (None if best is None else best[c]) for c in _CAUSE_COLUMNS},
                "drivers": "; ".join(_describe(c) for _, c in causes.iterrows()),
            }
        )
    return pd.DataFrame(rows, columns=list(TURNING_POINT_COLUMNS))


_CAUSE_COLUMNS = (
    "driver",
    "category",
    "mode",
    "source",
    "target",
    "headline",
    "article_id",
    "contribution",
)


def _causes(parts: pd.DataFrame, *, kind: str = "event") -> pd.DataFrame:
    """A period's contributions grouped into causes: one per event key (of ``kind``
    'event' or 'memory'), one per article (tone; only with kind 'event')."""
    columns = list(_CAUSE_COLUMNS)
    if parts.empty:
        return pd.DataFrame(columns=columns)
    events = parts[parts["kind"] == kind]
    by_event = (
        events.groupby(["category", "mode", "source", "target"], dropna=False, sort=False)
        .agg(
            headline=("title", "first"),
            article_id=("article_id", "first"),
            contribution=("contribution", "sum"),
        )
        .reset_index()
        .assign(driver=kind)
    )
    tones = parts[parts["kind"] == ("tone" if kind == "event" else "none")]
    by_article = (
        tones.groupby("article_id", sort=False)
        .agg(headline=("title", "first"), contribution=("contribution", "sum"))
        .reset_index()
        .assign(driver="tone", category=None, mode=None, source=None, target=None)
    )
    return pd.concat(
        [f[columns] for f in (by_event, by_article) if not f.empty]
        or [pd.DataFrame(columns=columns)],
        ignore_index=True,
    )

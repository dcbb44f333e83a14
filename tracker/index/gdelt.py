"""GDELT's series of a pair beside our temperature: per period, the number of GDELT events
between the two states, their mean GoldsteinScale and their mean AvgTone (docs/gdelt.md).

Every event row weighs 1 (GDELT's own unit; no weighting by mentions). Periods are the
timeline's (tracker.index.periods), so the series line up with ``compute_timeline``'s rows
by ``pair`` and ``period``. Reads per-day sums from the store (tracker/store/gdelt_store.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from tracker.errors import UsageError
from tracker.index.periods import FREQS, period_labels, period_starts, to_days
from tracker.index.timeline import direction_key, pair_key

if TYPE_CHECKING:
    from tracker.store import Store

GDELT_SERIES_COLUMNS: tuple[str, ...] = (
    "pair",
    "period",
    "period_start",
    "gdelt_events",
    "gdelt_goldstein",
    "gdelt_tone",
)
GDELT_VALUE_COLUMNS = GDELT_SERIES_COLUMNS[3:]


def empty_gdelt_series() -> pd.DataFrame:
    return pd.DataFrame(columns=list(GDELT_SERIES_COLUMNS))


def gdelt_series(
    store: Store,
    pair: tuple[str, str] | str,
    *,
    freq: str = "M",
    start: date | None = None,
    end: date | None = None,
    direction: tuple[str, str] | str | None = None,
) -> pd.DataFrame:
    """GDELT events, mean Goldstein and mean AvgTone per period of one pair (periods with
    no GDELT event are left out). ``direction=("USA", "RUS")``: Actor1 USA, Actor2 RUS."""
    if freq not in FREQS:
        raise UsageError(f"unknown frequency {freq!r}: use one of {', '.join(FREQS)}")
    key = pair_key(pair)
    directed = direction_key(key, direction)
    lo = None
    if start is not None:
        lo = period_starts(np.array([start], "datetime64[D]"), freq)[0].astype(object)
    days = store.gdelt_days(key, start=lo, end=end, direction=directed)
    return series_from_days(days, "-".join(key), freq)


def series_from_days(days: pd.DataFrame, pair: str, freq: str) -> pd.DataFrame:
    """Per-day sums (day, events, goldstein_sum, tone_sum) -> per-period means. Pure."""
    if days is None or not len(days):
        return empty_gdelt_series()
    starts = period_starts(to_days(days["day"]), freq)
    sums = (
        days.assign(period_start=starts)
        .groupby("period_start", sort=True)[["events", "goldstein_sum", "tone_sum"]]
        .sum()
    )
    events = sums["events"].astype("int64")
    return pd.DataFrame(
        {
            "pair": pair,
            "period": period_labels(sums.index.to_numpy(), freq),
            "period_start": to_days(sums.index.to_numpy()).astype(object),
            "gdelt_events": events.to_numpy(),
            "gdelt_goldstein": (sums["goldstein_sum"] / events).to_numpy(dtype=float),
            "gdelt_tone": (sums["tone_sum"] / events).to_numpy(dtype=float),
        },
        columns=list(GDELT_SERIES_COLUMNS),
    )


def gdelt_series_many(
    store: Store, pairs: Iterable[tuple[str, str] | str], **kwargs: object
) -> pd.DataFrame:
    """Several pairs' GDELT series stacked (column ``pair`` tells them apart)."""
    frames = [gdelt_series(store, pair, **kwargs) for pair in pairs]  # type: ignore[arg-type]
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else empty_gdelt_series()


def with_gdelt(timeline: pd.DataFrame, gdelt: pd.DataFrame) -> pd.DataFrame:
    """The timeline with GDELT's columns beside each (pair, period): gdelt_events (0 where
    GDELT has none), gdelt_goldstein and gdelt_tone (empty where it has none). Periods only
    GDELT has are added with empty temperature columns, so nothing of either is dropped."""
    if not len(gdelt):
        out = timeline.copy()
        out["gdelt_events"] = 0
        out["gdelt_goldstein"] = np.nan
        out["gdelt_tone"] = np.nan
        return out
    right = gdelt.assign(period_start=to_days(gdelt["period_start"]).astype(object))
    if not len(timeline):
        return right.reset_index(drop=True)
    merged = timeline.merge(right, on=["pair", "period", "period_start"], how="outer")
    merged["gdelt_events"] = merged["gdelt_events"].fillna(0).astype("int64")
    order = np.lexsort((to_days(merged["period_start"]), merged["pair"].astype(str)))
    return merged.iloc[order].reset_index(drop=True)

"""The index before the state-space model (kept only to compare against: the synthetic
accuracy test and the before/after figure of docs/temperature.md; nothing else uses it).

Per period: ``100 * tanh(mean story tone / 0.5 + flow(as_of) / 20)``, where a period without
articles has tone 0 and ``flow`` is the events' impulse decayed with a 90-day half-life.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tracker.index.periods import to_days

TONE_SCALE = 0.5
EVENT_SCALE = 20.0
HALF_LIFE_DAYS = 90.0


def previous_index(
    tone_days: pd.DataFrame, impulse_days: pd.DataFrame, grid: pd.DataFrame
) -> np.ndarray:
    """The old temperature of each period of ``grid`` (period_start, as_of columns)."""
    starts, as_of = to_days(grid["period_start"]), to_days(grid["as_of"])
    tone_day = to_days(tone_days["day"])
    idx = np.searchsorted(starts, tone_day, side="right") - 1
    ok = (idx >= 0) & (tone_day <= as_of[np.maximum(idx, 0)])
    n = len(grid)
    stories = np.bincount(idx[ok], tone_days["stories"].to_numpy(float)[ok], minlength=n)
    tone_sum = np.bincount(idx[ok], tone_days["tone_sum"].to_numpy(float)[ok], minlength=n)
    tone = np.divide(tone_sum, stories, out=np.zeros(n), where=stories > 0)
    event_day = to_days(impulse_days["day"]).astype(np.int64)
    impulse = impulse_days["impulse"].to_numpy(float)
    at = as_of.astype(np.int64)
    age = at[:, None] - event_day[None, :]
    flow = np.where(age >= 0, impulse[None, :] * 0.5 ** (np.maximum(age, 0) / HALF_LIFE_DAYS), 0)
    return 100.0 * np.tanh(tone / TONE_SCALE + flow.sum(axis=1) / EVENT_SCALE)

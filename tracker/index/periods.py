"""Calendar periods of a timeline: days, ISO weeks (Monday start) and months.

Pure numpy/pandas on ``datetime64[D]``; no database, no temperature.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from tracker.errors import UsageError

if TYPE_CHECKING:
    from collections.abc import Iterable

# Frequencies: code -> what a period is. Weeks start on Monday (ISO 8601).
FREQS: dict[str, str] = {"D": "day", "W": "week (Monday start)", "M": "month"}


def to_days(values: Iterable[object] | pd.Series | np.ndarray) -> np.ndarray:
    """Dates (date, Timestamp, datetime64, str) -> numpy datetime64[D]."""
    if isinstance(values, np.ndarray | pd.Series) and values.dtype.kind == "M":
        return np.asarray(values, dtype="datetime64[D]")  # fast path: already datetimes
    if len(values) == 0:  # type: ignore[arg-type]
        return np.array([], "datetime64[D]")
    try:  # date / datetime64 objects convert directly (no format guessing)
        return np.asarray(values, dtype="datetime64[D]")
    except (TypeError, ValueError):
        pass
    return np.asarray(pd.to_datetime(pd.Series(values)).to_numpy(), "datetime64[D]")


def period_starts(days: np.ndarray, freq: str) -> np.ndarray:
    """First day of the period each day falls in (D: itself, W: Monday, M: the 1st)."""
    days = to_days(days)
    if freq == "D":
        return days
    if freq == "W":
        # 1970-01-01 was a Thursday: (ordinal + 3) % 7 is 0 on Mondays
        ordinal = days.astype(np.int64)
        return (ordinal - (ordinal + 3) % 7).astype("datetime64[D]")
    if freq == "M":
        return days.astype("datetime64[M]").astype("datetime64[D]")
    raise UsageError(f"unknown frequency {freq!r}: use one of {', '.join(FREQS)}")


def period_labels(starts: np.ndarray, freq: str) -> list[str]:
    """'YYYY-MM' for months, the first day 'YYYY-MM-DD' for days and weeks."""
    text = np.datetime_as_string(to_days(starts), unit="D")
    return [t[:7] for t in text] if freq == "M" else list(text)


def period_grid(first: date, last: date, freq: str) -> pd.DataFrame:
    """Contiguous periods covering first..last: period, period_start, period_end, as_of.

    ``as_of`` (where the level is read) is the period's last day, capped at ``last``.
    """
    starts, ends, as_of = grid_days(first, last, freq)
    return pd.DataFrame(
        {
            "period": period_labels(starts, freq),
            "period_start": starts.astype(object),
            "period_end": ends.astype(object),
            "as_of": as_of.astype(object),
        }
    )


def grid_days(first: date, last: date, freq: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The periods of :func:`period_grid` as datetime64[D] arrays: starts, ends, as_of."""
    lo = period_starts(np.array([first], "datetime64[D]"), freq)[0]
    hi = np.datetime64(last, "D")
    if freq == "M":
        months = np.arange(lo.astype("datetime64[M]"), hi.astype("datetime64[M]") + 1)
        starts = months.astype("datetime64[D]")
        ends = (months + 1).astype("datetime64[D]") - 1
    else:
        step = 1 if freq == "D" else 7
        starts = np.arange(lo, hi + 1, step)
        ends = starts + (step - 1)
    return starts, ends, np.minimum(ends, hi)

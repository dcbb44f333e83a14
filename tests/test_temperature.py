"""The pure temperature math (tracker/temperature.py), without a database."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.index.params import DEFAULT_PARAMS
from tracker.index.periods import FREQS, period_grid
from tracker.index.temperature import TIMELINE_COLUMNS, build_timeline, daily_impulses


@pytest.mark.parametrize(
    ("freq", "first", "last", "count"),
    [
        ("D", "2024-01-03", "2024-02-14", 43),
        ("W", "2024-01-01", "2024-02-12", 7),  # Wednesday 3 Jan is in the week of Monday 1
        ("M", "2024-01", "2024-02", 2),
    ],
)
def test_periods_are_contiguous(freq, first, last, count):
    grid = period_grid(date(2024, 1, 3), date(2024, 2, 14), freq)
    assert grid["period"].iloc[0] == first and grid["period"].iloc[-1] == last
    assert len(grid) == count
    starts = pd.to_datetime(pd.Series(grid["period_start"]))
    if freq == "W":
        assert (starts.dt.weekday == 0).all()
    assert (pd.to_datetime(pd.Series(grid["period_end"])).diff().dropna().dt.days > 0).all()


# -- pure core, properties ---------------------------------------------------------------------

_days = st.dates(min_value=date(2023, 1, 1), max_value=date(2024, 12, 31))


@settings(max_examples=60, deadline=None)
@given(
    tones=st.lists(st.tuples(_days, st.floats(-1, 1)), min_size=0, max_size=12),
    events=st.lists(
        st.tuples(
            _days,
            st.floats(-10, 10),
            st.sampled_from(["asserted", "hypothetical", "negated", "historical"]),
        ),
        max_size=12,
    ),
    freq=st.sampled_from(list(FREQS)),
)
def test_build_timeline_bounds_and_band(tones, events, freq):
    params = DEFAULT_PARAMS
    tone_days = pd.DataFrame(
        {
            "day": [d for d, _ in tones],
            "articles": 1,
            "stories": 1,
            "sentences": 1,
            "tone_sum": [t for _, t in tones],
            "tone_sumsq": [t * t for _, t in tones],
        }
    )
    event_days = pd.DataFrame(
        {
            "day": [d for d, _, _ in events],
            "source": None,
            "target": None,
            "category": "X",
            "mode": [m for _, _, m in events],
            "intensity": [i for _, i, _ in events],
            "reports": 1,
        }
    )
    tl = build_timeline(tone_days, daily_impulses(event_days, params), freq=freq, pair="BLR-USA")
    if not tones and not events:
        assert tl.empty
        return
    assert list(tl.columns) == list(TIMELINE_COLUMNS)
    assert tl["temperature"].between(-100, 100).all()
    assert (tl["lower"] <= tl["temperature"] + 1e-9).all()
    assert (tl["upper"] >= tl["temperature"] - 1e-9).all()
    assert tl["articles"].sum() == len(tones)
    assert tl["period"].is_unique and tl["period"].is_monotonic_increasing
    x = tl["tone_term"] + tl["event_term"]
    assert np.allclose(tl["temperature"], 100 * np.tanh(x))
    assert np.allclose(x, tl["state"])
    assert (tl["filtered_lower"] <= tl["filtered"] + 1e-9).all()
    assert (tl["filtered_upper"] >= tl["filtered"] - 1e-9).all()
    assert np.isclose(tl["filtered"].iloc[-1], tl["temperature"].iloc[-1])  # same on the last day
    assert not math.isnan(tl["temperature"].sum())

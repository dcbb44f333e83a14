"""The state-space temperature against a known truth (issue 14's done-when test).

A latent level walks (the model's volatility) with step changes (asserted events), and is
observed through articles at random gaps whose tone is the level plus day and story noise.
The new smoothed estimate must track the truth with at most half the error of the previous
index, and its 95% band must hold the truth on 90-98% of days.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from tracker.index.params import TemperatureParams
from tracker.index.periods import period_grid
from tracker.index.previous import previous_index
from tracker.index.temperature import build_timeline

SEED = 20260614
DAYS = 3 * 365
SERIES = 6
MEAN_GAP_DAYS = 9.0  # articles arrive as a Poisson process
STEPS = 6  # events per series
INTENSITIES = (-9.7, -7.2, -4.0, -2.0, 3.5, 4.0, 7.0)
PARAMS = TemperatureParams(event_scale=20.0)  # visible steps; the model knows the truth's law


def synthetic_series(rng: np.random.Generator, params: TemperatureParams):
    """(truth x per day, tone_days, impulse_days) of one series starting 2020-01-01."""
    first = np.datetime64("2020-01-01")
    step_days = np.sort(rng.choice(DAYS, STEPS, replace=False))
    intensity = rng.choice(INTENSITIES, STEPS)
    moves = np.zeros(DAYS)
    moves[step_days] = intensity / params.event_scale
    x = np.cumsum(rng.normal(0.0, params.volatility, DAYS) + moves) + rng.normal(0.0, 0.3)
    gaps = np.maximum(1, np.round(rng.exponential(MEAN_GAP_DAYS, DAYS)).astype(int))
    article_days = np.unique(np.concatenate([np.cumsum(gaps) - 1, step_days]))
    article_days = article_days[article_days < DAYS]
    stories = rng.integers(1, 4, len(article_days))
    day_noise = rng.normal(0.0, params.tone_day_sd, len(article_days))
    tone_sum, tone_sumsq = np.zeros(len(article_days)), np.zeros(len(article_days))
    for k, (d, n) in enumerate(zip(article_days, stories, strict=True)):
        tones = x[d] * params.tone_scale + day_noise[k] + rng.normal(0, params.tone_story_sd, n)
        tone_sum[k], tone_sumsq[k] = tones.sum(), (tones**2).sum()
    tone_days = pd.DataFrame(
        {
            "day": first + article_days,
            "articles": stories,
            "stories": stories,
            "sentences": stories,
            "tone_sum": tone_sum,
            "tone_sumsq": tone_sumsq,
        }
    )
    impulse = intensity.astype(float)
    impulse_days = pd.DataFrame(
        {
            "day": first + step_days,
            "impulse": impulse,
            "impulse_sq": impulse**2,
            "events": 1,
            "reports": 1,
        }
    )
    truth_days = first + np.arange(DAYS)
    return x, truth_days, tone_days, impulse_days


@pytest.fixture(scope="module")
def estimates():
    rng = np.random.default_rng(SEED)
    rows = []
    for _ in range(SERIES):
        x, days, tone_days, impulse_days = synthetic_series(rng, PARAMS)
        first, last = days[0].astype(object), days[-1].astype(object)
        tl = build_timeline(tone_days, impulse_days, freq="D", start=first, end=last, params=PARAMS)
        old = previous_index(tone_days, impulse_days, period_grid(first, last, "D"))
        rows.append(tl.assign(truth=100 * np.tanh(x), old=old))
    return pd.concat(rows, ignore_index=True)


def _rmse(a: pd.Series, b: pd.Series) -> float:
    return math.sqrt(float(((a - b) ** 2).mean()))


def test_new_estimate_has_at_most_half_the_error_of_the_previous_index(estimates):
    new = _rmse(estimates["temperature"], estimates["truth"])
    old = _rmse(estimates["old"], estimates["truth"])
    print(f"RMSE new {new:.2f} / previous {old:.2f} = {new / old:.3f}")
    assert new / old <= 0.5


def test_the_95_percent_band_holds_the_truth_on_90_to_98_percent_of_days(estimates):
    inside = estimates["truth"].between(estimates["lower"], estimates["upper"])
    filtered = estimates["truth"].between(estimates["filtered_lower"], estimates["filtered_upper"])
    print(f"coverage smoothed {inside.mean():.3f}, filtered {filtered.mean():.3f}")
    assert 0.90 <= inside.mean() <= 0.98
    assert 0.90 <= filtered.mean() <= 0.98


def test_filtered_estimate_never_looks_ahead():
    rng = np.random.default_rng(SEED + 1)
    _, days, tone_days, impulse_days = synthetic_series(rng, PARAMS)
    first = days[0].astype(object)
    cut = days[400].astype(object)
    full = build_timeline(tone_days, impulse_days, freq="D", start=first, params=PARAMS)
    early = build_timeline(tone_days, impulse_days, freq="D", start=first, end=cut, params=PARAMS)
    shared = full.iloc[: len(early)]
    np.testing.assert_allclose(shared["filtered"], early["filtered"], atol=1e-12)
    assert not np.allclose(shared["temperature"], early["temperature"])  # the history does

"""The relationship temperature, pure core: per-day aggregates in, a -100..+100 series out.

A latent level x per pair (or direction) and day persists and drifts (docs/temperature.md)::

    x_d = phi * x_(d-1) + event_factor * impulse_d + step_d     step ~ N(0, volatility**2
                                                                 + (event_rel_se * move)**2)
    tone_factor * mean_story_tone_d = x_d + noise_d               noise ~ N(0, tone_factor**2
                                                  * (tone_day_sd**2 + tone_story_sd**2 / n_d))
    temperature = 100 * tanh(x)

filtered (``filtered``: what was known on the day, for the "now" value and alerting) and
smoothed (``temperature``: the history, using later articles too), each with a band. No
database: :mod:`tracker.index.timeline` fetches the frames from the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from tracker.errors import UsageError
from tracker.index import kalman
from tracker.index.params import DEFAULT_PARAMS, EVIDENCE_DAYS, TemperatureParams
from tracker.index.periods import FREQS, grid_days, period_labels, to_days

TIMELINE_COLUMNS: tuple[str, ...] = (
    "pair",  # 'BLR-USA' (sorted)
    "direction",  # '' for the undirected series, 'USA>BLR' for a directed one
    "period",  # 'YYYY-MM' (M) or the period's first day 'YYYY-MM-DD' (D, W)
    "period_start",  # date: first day of the period
    "period_end",  # date: last day of the period
    "as_of",  # date the value is read at: period_end, capped at the timeline's end
    "temperature",  # smoothed level at as_of, -100 (hostile) .. +100 (warm): the history
    "lower",  # its band (band_z standard deviations of x, through tanh)
    "upper",
    "tone",  # mean story tone in the period, -1..1; NaN when no articles
    "events_score",  # the period's de-duplicated, mode-weighted event intensity (Goldstein)
    "tone_term",  # the part of the smoothed x due to tone observations
    "event_term",  # the part due to events (tone_term + event_term = state)
    "articles",  # coverage: distinct articles with dyadic sentences for the pair in the period
    "stories",  # articles after merging same-day copies
    "sentences",  # dyadic sentences in the period
    "events",  # deduplicated events (day, source, target, category, mode) dated in the period
    "event_reports",  # event rows behind them (one event reported by 5 articles = 5)
    "filtered",  # filtered level at as_of (only articles up to that day): "now" / alerts
    "filtered_lower",  # its band
    "filtered_upper",
    "state",  # smoothed x (pre-tanh) at as_of
    "state_sd",  # its standard deviation
    "filtered_state",  # filtered x at as_of
    "filtered_state_sd",
    "articles_90d",  # articles in the EVIDENCE_DAYS days up to as_of (the headline's N)
)
_FLOATS = ("temperature", "lower", "upper", "tone", "events_score", "tone_term", "event_term")
_COUNTS = ("articles", "stories", "sentences", "events", "event_reports")
IMPULSE_COLUMNS: tuple[str, ...] = ("day", "impulse", "impulse_sq", "events", "reports")


def event_impulses(event_days: pd.DataFrame, params: TemperatureParams) -> pd.DataFrame:
    """Weight deduplicated event keys by mode: adds ``weight`` and ``impulse``.

    ``event_days`` has one row per (day, source, target, category, mode) with the mean
    ``intensity`` of its reports (Store.timeline_event_days). A key counts once per day,
    however many articles report it: that is the volume-robustness of the event signal.
    """
    modes = event_days["mode"].to_numpy(dtype=object)
    weight = np.zeros(len(modes))
    for mode, value in params.mode_weights.items():  # a handful of modes, vectorised each
        weight[modes == mode] = value
    impulse = weight * event_days["intensity"].to_numpy(dtype=float)
    return event_days.assign(weight=weight, impulse=impulse)


def daily_impulses(event_days: pd.DataFrame, params: TemperatureParams) -> pd.DataFrame:
    """Per-key events -> one row per day: impulse (sum of weighted keys), impulse_sq, events
    (keys), reports. The pandas twin of Store.timeline_event_impulses (same numbers)."""
    if event_days.empty:
        return pd.DataFrame({c: pd.Series(dtype=float) for c in IMPULSE_COLUMNS})
    keyed = event_impulses(event_days, params)
    keyed = keyed.assign(day=to_days(keyed["day"]), impulse_sq=keyed["impulse"] ** 2, events=1)
    out = keyed.groupby("day", sort=True)[["impulse", "impulse_sq", "events", "reports"]].sum()
    return out.reset_index()[list(IMPULSE_COLUMNS)]


def squash(x: np.ndarray | float) -> np.ndarray | float:
    """The level x -> temperature: 100 * tanh(x)."""
    return 100.0 * np.tanh(x)


def empty_timeline() -> pd.DataFrame:
    """No data: zero rows, the right columns and dtypes."""
    frame = pd.DataFrame({c: pd.Series(dtype=object) for c in TIMELINE_COLUMNS})
    ints = (*_COUNTS, "articles_90d")
    floats = [c for c in TIMELINE_COLUMNS[TIMELINE_COLUMNS.index("temperature") :] if c not in ints]
    return frame.astype({**dict.fromkeys(floats, float), **dict.fromkeys(ints, np.int64)})


@dataclass(frozen=True)
class DailyModel:
    """The model on a contiguous day grid from ``first_day``: its inputs, the Kalman path,
    and per-day coverage (``counts``: articles, stories, sentences, events, event_reports,
    tone_sum, impulse)."""

    first_day: np.datetime64
    inputs: kalman.Inputs
    path: kalman.Path
    event_part: tuple[np.ndarray, np.ndarray]  # (filtered, smoothed) x due to events alone
    counts: dict[str, np.ndarray]

    def index_of(self, days: object) -> np.ndarray:
        return (to_days(days) - self.first_day).astype(np.int64)


def _per_day(frame: pd.DataFrame, index: np.ndarray, n: int, column: str) -> np.ndarray:
    return np.bincount(index, weights=frame[column].to_numpy(dtype=float), minlength=n)


def model_inputs(
    counts: dict[str, np.ndarray], impulse_sq: np.ndarray, params: TemperatureParams
) -> kalman.Inputs:
    """Per-day aggregates -> the Kalman model's arrays (observation, its variance, input,
    state noise). Days without stories (or tone_weight 0) observe nothing."""
    stories = counts["stories"]
    seen = (stories > 0) & (params.tone_weight != 0)
    safe = np.maximum(stories, 1.0)
    h_tone = params.tone_day_sd**2 + params.tone_story_sd**2 / safe
    h = np.where(seen, params.tone_factor**2 * h_tone, np.nan)
    y = np.where(seen, params.tone_factor * counts["tone_sum"] / safe, np.nan)
    u = params.event_factor * counts["impulse"]
    coding = (params.event_rel_se * params.event_factor) ** 2 * impulse_sq
    q = params.volatility**2 + coding
    return kalman.Inputs(y, h, u, q, phi=params.daily_persistence, prior_var=params.prior_sd**2)


def daily_model(
    tone_days: pd.DataFrame,
    impulse_days: pd.DataFrame,
    first: date,
    last: date,
    params: TemperatureParams = DEFAULT_PARAMS,
) -> DailyModel:
    """Run the model over the days first..last (frames already cut to that range)."""
    first_day = np.datetime64(first, "D")
    n = int((np.datetime64(last, "D") - first_day).astype(np.int64)) + 1
    t_idx = (to_days(tone_days["day"]) - first_day).astype(np.int64)
    e_idx = (to_days(impulse_days["day"]) - first_day).astype(np.int64)
    counts = {c: _per_day(tone_days, t_idx, n, c) for c in ("articles", "stories", "sentences")}
    counts["tone_sum"] = _per_day(tone_days, t_idx, n, "tone_sum")
    for column in ("impulse", "events"):
        counts[column] = _per_day(impulse_days, e_idx, n, column)
    counts["event_reports"] = _per_day(impulse_days, e_idx, n, "reports")
    impulse_sq = _per_day(impulse_days, e_idx, n, "impulse_sq")
    inputs = model_inputs(counts, impulse_sq, params)
    path = kalman.run(inputs)
    event_part = kalman.run_means(inputs, path, np.zeros(n), inputs.u)
    return DailyModel(first_day, inputs, path, event_part, counts)


def _cut(
    tone_days: pd.DataFrame, impulse_days: pd.DataFrame, end: date | None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    if end is None:
        return tone_days, impulse_days
    limit = np.datetime64(end, "D")
    return (
        tone_days[to_days(tone_days["day"]) <= limit],
        impulse_days[to_days(impulse_days["day"]) <= limit],
    )


def build_timeline(
    tone_days: pd.DataFrame,
    impulse_days: pd.DataFrame,
    *,
    freq: str = "M",
    start: date | None = None,
    end: date | None = None,
    pair: str = "",
    direction: str = "",
    params: TemperatureParams = DEFAULT_PARAMS,
) -> pd.DataFrame:
    """The temperature series from per-day aggregates (pure; no database).

    ``tone_days``: day, articles, stories, sentences, tone_sum, tone_sumsq (stories' tones),
    all history (the level before ``start`` carries in). ``impulse_days``: day, impulse,
    impulse_sq, events, reports (``daily_impulses``). Periods run contiguously from ``start``
    (rounded down to its period) or the first data day, to ``end`` or the last data day;
    each period's values are read on its last day (``as_of``).
    """
    if freq not in FREQS:
        raise UsageError(f"unknown frequency {freq!r}: use one of {', '.join(FREQS)}")
    tone_days, impulse_days = _cut(tone_days, impulse_days, end)
    both = np.concatenate([to_days(tone_days["day"]), to_days(impulse_days["day"])])
    if len(both) == 0:
        return empty_timeline()
    first_data, last = both.min().astype(object), both.max().astype(object)
    last = end if end is not None else last
    first = start if start is not None else first_data
    if first > last:
        return empty_timeline()
    model = daily_model(tone_days, impulse_days, first_data, last, params)
    starts, ends, as_of = grid_days(first, last, freq)
    columns = {
        "pair": np.full(len(starts), pair, dtype=object),
        "direction": np.full(len(starts), direction, dtype=object),
        "period": period_labels(starts, freq),
        "period_start": starts.astype(object),
        "period_end": ends.astype(object),
        "as_of": as_of.astype(object),
        **period_values(model, starts, as_of, params),
    }
    return pd.DataFrame({c: columns[c] for c in TIMELINE_COLUMNS})  # one construction


def period_values(
    model: DailyModel, starts: np.ndarray, as_of: np.ndarray, params: TemperatureParams
) -> dict[str, np.ndarray]:
    """Every value column of the periods (datetime64[D] ``starts`` and ``as_of``): levels
    read at as_of, coverage summed over the period's days. Periods ending before the first
    data day read the prior."""
    raw_at = (as_of - model.first_day).astype(np.int64)
    before, at = raw_at < 0, np.maximum(raw_at, 0)
    lo = np.minimum(np.maximum((starts - model.first_day).astype(np.int64), 0), at)
    path, z = model.path, params.band_z

    def level(mean: np.ndarray, var: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return np.where(before, 0.0, mean[at]), np.where(before, params.prior_sd, np.sqrt(var[at]))

    state, state_sd = level(path.smoothed_mean, path.smoothed_var)
    filt, filt_sd = level(path.filtered_mean, path.filtered_var)
    cum = {k: np.concatenate([[0.0], np.cumsum(v)]) for k, v in model.counts.items()}

    def total(name: str, first: np.ndarray = lo) -> np.ndarray:
        return np.where(before, 0.0, cum[name][at + 1] - cum[name][first])

    stories = total("stories")
    event_smoothed = np.where(before, 0.0, model.event_part[1][at])
    return {
        "temperature": squash(state),
        "lower": squash(state - z * state_sd),
        "upper": squash(state + z * state_sd),
        "tone": np.divide(
            total("tone_sum"), stories, out=np.full(len(at), np.nan), where=stories > 0
        ),
        "events_score": total("impulse"),
        "tone_term": state - event_smoothed,
        "event_term": event_smoothed,
        **{c: np.rint(total(c)).astype(np.int64) for c in _COUNTS},
        "filtered": squash(filt),
        "filtered_lower": squash(filt - z * filt_sd),
        "filtered_upper": squash(filt + z * filt_sd),
        "state": state,
        "state_sd": state_sd,
        "filtered_state": filt,
        "filtered_state_sd": filt_sd,
        "articles_90d": np.rint(total("articles", np.maximum(at + 1 - EVIDENCE_DAYS, 0))).astype(
            np.int64
        ),
    }

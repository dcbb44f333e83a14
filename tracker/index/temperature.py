"""The relationship temperature, pure core: per-day aggregates in, a -100..+100 series out.

No database: tests feed synthetic frames; :mod:`tracker.index.timeline` fetches the real ones from
the store (docs/temperature.md). In one line, per period p evaluated at its last day t
(``as_of``)::

    temperature = 100 * tanh( tone_weight * tone_p / tone_scale
                              + event_weight * flow(t) / event_scale )

where ``tone_p`` is the mean over the period's *stories* (articles, with same-day copies
merged) of each article's mean dyadic sentence tone, and ``flow(t)`` is the sum over earlier
and current days d of the day's deduplicated, mode-weighted event intensities times
``0.5 ** ((t - d) / half_life_days)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from tracker.errors import UsageError
from tracker.index.periods import FREQS, period_grid, to_days
from tracker.models import Mode

TIMELINE_COLUMNS: tuple[str, ...] = (
    "pair",  # 'BLR-USA' (sorted)
    "direction",  # '' for the undirected series, 'USA>BLR' for a directed one
    "period",  # 'YYYY-MM' (M) or the period's first day 'YYYY-MM-DD' (D, W)
    "period_start",  # date: first day of the period
    "period_end",  # date: last day of the period
    "as_of",  # date the value is evaluated at: period_end, capped at the timeline's end
    "temperature",  # -100 (hostile) .. +100 (warm)
    "lower",  # uncertainty band (band_z standard errors, mapped through tanh)
    "upper",
    "tone",  # mean story tone in the period, -1..1; NaN when no articles
    "events_score",  # event flow at as_of: decayed sum of weighted intensities (Goldstein units)
    "tone_term",  # tone_weight * tone / tone_scale (0 when no articles)
    "event_term",  # event_weight * events_score / event_scale
    "articles",  # coverage: distinct articles with dyadic sentences for the pair in the period
    "stories",  # articles after merging same-day copies (the tone mean's denominator)
    "sentences",  # dyadic sentences in the period
    "events",  # deduplicated events (day, source, target, category, mode) dated in the period
    "event_reports",  # event rows behind them (one event reported by 5 articles = 5)
)


@dataclass(frozen=True)
class TemperatureParams:
    """Every number of the index, named. Defaults are calibrated, not sacred: see
    docs/temperature.md for what each does and where the value comes from."""

    # Tone: mean story tone (VADER compound, -1..1) divided by tone_scale. Article means of
    # dyadic news sentences rarely pass +-0.5, so 0.5 maps a strongly warm month to x = 1
    # (76 degrees at weight 1).
    tone_weight: float = 1.0
    tone_scale: float = 0.5
    # Events: flow in Goldstein units divided by event_scale. 20: an asserted SANCTION (-4)
    # alone gives -20 degrees, ASSAULT (-9.7) -45, AID (+7) +34; busy months of the demo
    # corpus reach flows of 10-20, and 10 saturated 31% of its active months past +-90.
    event_weight: float = 1.0
    event_scale: float = 20.0
    # Tsinghua "event flow": an event's effect halves every half_life_days. A quarter: on the
    # demo corpus 30 days let the 2022-24 war years read neutral between articles (US-RUS
    # 2023-06 at -10), 90 keeps them cold (-47) while the 2024-25 thaws still show within a
    # month; 180 blurred the 2025 releases into the 2021-22 freeze.
    half_life_days: float = 90.0
    # PLOVER modes. Negated: "did not impose sanctions" is not a sanction (0); a small
    # negative value would count it as a weak opposite. Historical: background ("after the
    # 2020 elections") is not news on the article's date, so 0 on that date (not re-dated).
    asserted_weight: float = 1.0
    hypothetical_weight: float = 0.3
    negated_weight: float = 0.0
    historical_weight: float = 0.0
    # Uncertainty band: standard error of the tone mean over stories, its variance shrunk
    # towards tone_prior_sd with tone_prior_n pseudo-stories (so 1 article gives a wide band,
    # not a zero one), plus a relative coding error per event (decayed with the event).
    # 0.35: the spread of article-level dyadic tone per pair in the demo corpus is 0.24-0.40.
    tone_prior_sd: float = 0.35
    tone_prior_n: float = 1.0
    event_rel_se: float = 0.25
    band_z: float = 1.96  # 95% normal band
    # Which same-day articles are copies of one story: "tone" = same count of dyadic
    # sentences with the same (index, tone, source, target) - reads no text, ~2.3x a bare
    # scan; "text" = same (index, text) - exact, ~3x (docs/temperature.md, "Stories").
    story_signature: str = "tone"
    extra_mode_weights: tuple[tuple[str, float], ...] = field(default=())  # future modes

    def __post_init__(self) -> None:
        for name in ("tone_scale", "event_scale", "half_life_days", "tone_prior_n"):
            if not getattr(self, name) > 0:
                raise ValueError(f"TemperatureParams.{name} must be > 0")
        for name in ("tone_prior_sd", "event_rel_se", "band_z"):
            if not getattr(self, name) >= 0:
                raise ValueError(f"TemperatureParams.{name} must be >= 0")
        if self.story_signature not in ("tone", "text"):
            raise ValueError("TemperatureParams.story_signature must be 'tone' or 'text'")

    @property
    def mode_weights(self) -> dict[str, float]:
        weights = {
            str(Mode.ASSERTED): self.asserted_weight,
            str(Mode.HYPOTHETICAL): self.hypothetical_weight,
            str(Mode.NEGATED): self.negated_weight,
            str(Mode.HISTORICAL): self.historical_weight,
        }
        weights.update(dict(self.extra_mode_weights))
        return weights


DEFAULT_PARAMS = TemperatureParams()


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


IMPULSE_COLUMNS: tuple[str, ...] = ("day", "impulse", "impulse_sq", "events", "reports")


def daily_impulses(event_days: pd.DataFrame, params: TemperatureParams) -> pd.DataFrame:
    """Per-key events -> one row per day: impulse (sum of weighted keys), impulse_sq, events
    (keys), reports. The pandas twin of Store.timeline_event_impulses (same numbers)."""
    if event_days.empty:
        return pd.DataFrame({c: pd.Series(dtype=float) for c in IMPULSE_COLUMNS})
    keyed = event_impulses(event_days, params)
    keyed = keyed.assign(day=to_days(keyed["day"]), impulse_sq=keyed["impulse"] ** 2, events=1)
    out = keyed.groupby("day", sort=True)[["impulse", "impulse_sq", "events", "reports"]].sum()
    return out.reset_index()[list(IMPULSE_COLUMNS)]


def decayed_sum(
    days: np.ndarray, values: np.ndarray, at: np.ndarray, half_life: float
) -> np.ndarray:
    """Sum over d <= t of value_d * 0.5 ** ((t - d) / half_life), for each t in ``at``.

    ``at`` must be increasing. Impulses are bucketed to the first evaluation time at or
    after them (vectorised), then carried forward by the recurrence
    ``E_k = E_{k-1} * 0.5 ** ((t_k - t_{k-1}) / h) + S_k`` - one step per period, never one
    per event, and no overflow however long the history (unlike r**t * cumsum(v * r**-d)).
    """
    at_n = to_days(at).astype(np.int64)
    out = np.zeros(len(at_n))
    if len(at_n) == 0 or len(values) == 0:
        return out
    d = to_days(days).astype(np.int64)
    v = np.asarray(values, dtype=float)
    bucket = np.searchsorted(at_n, d, side="left")
    keep = bucket < len(at_n)
    bucket, d, v = bucket[keep], d[keep], v[keep]
    fresh = np.bincount(
        bucket, weights=v * 0.5 ** ((at_n[bucket] - d) / half_life), minlength=len(at_n)
    )
    carry = 0.5 ** (np.diff(at_n, prepend=at_n[0]) / half_life)
    acc = 0.0
    for k in range(len(at_n)):  # one step per period (the recurrence), not per event
        acc = acc * carry[k] + fresh[k]
        out[k] = acc
    return out


def tone_standard_error(
    n: np.ndarray, tone_sum: np.ndarray, tone_sumsq: np.ndarray, params: TemperatureParams
) -> np.ndarray:
    """Standard error of the mean story tone, with the variance shrunk towards a prior.

    var = (sum of squared deviations + k * prior_sd**2) / (n - 1 + k), se = sqrt(var / n);
    with no story the tone term is 0 by definition (memory only), so its se is 0 too.
    """
    n = np.asarray(n, dtype=float)
    safe = np.maximum(n, 1.0)
    ss = np.maximum(np.asarray(tone_sumsq) - np.asarray(tone_sum) ** 2 / safe, 0.0)
    k = params.tone_prior_n
    var = (ss + k * params.tone_prior_sd**2) / (safe - 1.0 + k)
    return np.where(n > 0, np.sqrt(var / safe), 0.0)


def squash(x: np.ndarray | float) -> np.ndarray | float:
    """The pre-tanh sum x -> temperature: 100 * tanh(x)."""
    return 100.0 * np.tanh(x)


def empty_timeline() -> pd.DataFrame:
    """No data: zero rows, the right columns and dtypes."""
    frame = pd.DataFrame({c: pd.Series(dtype=object) for c in TIMELINE_COLUMNS})
    first_count = TIMELINE_COLUMNS.index("articles")
    floats = TIMELINE_COLUMNS[TIMELINE_COLUMNS.index("temperature") : first_count]
    ints = TIMELINE_COLUMNS[first_count:]
    return frame.astype({**dict.fromkeys(floats, float), **dict.fromkeys(ints, np.int64)})


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

    ``tone_days``: day, articles, stories, sentences, tone_sum, tone_sumsq (stories' tones).
    ``impulse_days``: day, impulse, impulse_sq, events, reports (``daily_impulses``; any
    history: events before ``start`` carry memory in).
    Periods run contiguously from ``start`` (rounded down to its period) or the first data
    day, to ``end`` or the last data day.
    """
    if freq not in FREQS:
        raise UsageError(f"unknown frequency {freq!r}: use one of {', '.join(FREQS)}")
    tone_day = to_days(tone_days["day"])
    event_days, event_day = impulse_days, to_days(impulse_days["day"])
    if start is not None:
        tone_keep = tone_day >= np.datetime64(start, "D")
        tone_days, tone_day = tone_days[tone_keep], tone_day[tone_keep]
    if end is not None:
        t_keep, e_keep = tone_day <= np.datetime64(end, "D"), event_day <= np.datetime64(end, "D")
        tone_days, tone_day = tone_days[t_keep], tone_day[t_keep]
        event_days, event_day = event_days[e_keep], event_day[e_keep]
    both = np.concatenate([tone_day, event_day])
    if len(both) == 0:
        return empty_timeline()
    first = start if start is not None else both.min().astype(object)
    last = end if end is not None else both.max().astype(object)
    if first > last:
        return empty_timeline()
    grid = period_grid(first, last, freq)
    starts = to_days(grid["period_start"])
    as_of = to_days(grid["as_of"])
    n_periods = len(grid)

    # tone: sums per period over the days' story sums (each story weight 1)
    t_idx = np.searchsorted(starts, tone_day, side="right") - 1
    t_ok = t_idx >= 0

    def per_period(frame: pd.DataFrame, column: str, idx: np.ndarray, ok: np.ndarray):
        weights = frame[column].to_numpy(dtype=float)[ok]
        return np.bincount(idx[ok], weights=weights, minlength=n_periods)

    stories = per_period(tone_days, "stories", t_idx, t_ok)
    tone_sum = per_period(tone_days, "tone_sum", t_idx, t_ok)
    tone_sumsq = per_period(tone_days, "tone_sumsq", t_idx, t_ok)
    tone = np.divide(tone_sum, stories, out=np.full(n_periods, np.nan), where=stories > 0)
    tone_term = params.tone_weight * np.nan_to_num(tone, nan=0.0) / params.tone_scale
    tone_se_x = (abs(params.tone_weight) / params.tone_scale) * tone_standard_error(
        stories, tone_sum, tone_sumsq, params
    )

    # events: decayed flow of the days' weighted keys at each period's as_of; the variance
    # of a relative coding error decays with the square (half the half-life)
    impulse = event_days["impulse"].to_numpy(dtype=float)
    impulse_var = params.event_rel_se**2 * event_days["impulse_sq"].to_numpy(dtype=float)
    flow = decayed_sum(event_day, impulse, as_of, params.half_life_days)
    flow_var = decayed_sum(event_day, impulse_var, as_of, params.half_life_days / 2.0)
    event_term = params.event_weight * flow / params.event_scale
    event_se_x = abs(params.event_weight) / params.event_scale * np.sqrt(flow_var)
    e_idx = np.searchsorted(starts, event_day, side="right") - 1
    e_ok = e_idx >= 0  # earlier events carry memory but are not this range's coverage
    events = per_period(event_days, "events", e_idx, e_ok)
    reports = per_period(event_days, "reports", e_idx, e_ok)

    x = tone_term + event_term
    se_x = np.sqrt(tone_se_x**2 + event_se_x**2)
    out = grid.assign(
        temperature=squash(x),
        lower=squash(x - params.band_z * se_x),
        upper=squash(x + params.band_z * se_x),
        tone=tone,
        events_score=flow,
        tone_term=tone_term,
        event_term=event_term,
        articles=per_period(tone_days, "articles", t_idx, t_ok).astype(np.int64),
        stories=stories.astype(np.int64),
        sentences=per_period(tone_days, "sentences", t_idx, t_ok).astype(np.int64),
        events=events.astype(np.int64),
        event_reports=reports.astype(np.int64),
    )
    out.insert(0, "direction", direction)
    out.insert(0, "pair", pair)
    return out[list(TIMELINE_COLUMNS)]

"""The relationship temperature: a -100..+100 series per country pair (docs/temperature.md).

Two layers:

* a **pure core** (``build_timeline``, ``event_impulses``, ``decayed_sum``, ``period_grid``,
  ``attribute``...) that works on the small aggregated frames the store returns, so tests
  feed synthetic frames without a database;
* thin **wrappers** (``compute_timeline``, ``explain``, ``turning_points``,
  ``compute_timelines``) that fetch those frames from :class:`tracker.store.Store`.

In one line, per period p evaluated at its last day t (``as_of``)::

    temperature = 100 * tanh( tone_weight * tone_p / tone_scale
                              + event_weight * flow(t) / event_scale )

where ``tone_p`` is the mean over the period's *stories* (articles, with same-day copies
merged) of each article's mean dyadic sentence tone, and ``flow(t)`` is the sum over earlier
and current days d of the day's deduplicated, mode-weighted event intensities times
``0.5 ** ((t - d) / half_life_days)``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from tracker.errors import UsageError
from tracker.models import Mode, make_pair, parse_direction, parse_pair

if TYPE_CHECKING:
    from collections.abc import Iterable

    from tracker.store import Store

# Frequencies: code -> what a period is. Weeks start on Monday (ISO 8601).
FREQS: dict[str, str] = {"D": "day", "W": "week (Monday start)", "M": "month"}

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

CONTRIBUTION_COLUMNS: tuple[str, ...] = (
    "kind",  # 'tone' (a sentence), 'event' (a report in the period), 'memory' (earlier events)
    "article_id",
    "title",
    "published_at",
    "sentence_index",
    "text",
    "category",
    "mode",
    "source",
    "target",
    "intensity",
    "weight",  # the mode weight for events; the sentence's share of the tone mean for tone
    "raw",  # its part of the pre-tanh sum x
    "contribution",  # its part of the temperature; these sum to the value
    "note",
)

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


# -- pure core ---------------------------------------------------------------------------------


def to_days(values: Iterable[object] | pd.Series | np.ndarray) -> np.ndarray:
    """Dates (date, Timestamp, datetime64, str) -> numpy datetime64[D]."""
    if isinstance(values, np.ndarray | pd.Series) and values.dtype.kind == "M":
        return np.asarray(values, dtype="datetime64[D]")  # fast path: already datetimes
    if len(values) == 0:  # type: ignore[arg-type]
        return np.array([], "datetime64[D]")
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

    ``as_of`` (where the event flow is read) is the period's last day, capped at ``last``.
    """
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
    as_of = np.minimum(ends, hi)
    return pd.DataFrame(
        {
            "period": period_labels(starts, freq),
            "period_start": starts.astype(object),
            "period_end": ends.astype(object),
            "as_of": as_of.astype(object),
        }
    )


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


def attribution_factor(x: float) -> float:
    """100 * tanh(x) / x (100 at x = 0): multiply each raw term of x by it and the terms sum
    to the temperature - the proportional attribution of docs/temperature.md."""
    return 100.0 if x == 0 else float(100.0 * math.tanh(x) / x)


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


def tone_contributions(
    sentences: pd.DataFrame, params: TemperatureParams, factor: float
) -> pd.DataFrame:
    """Each dyadic sentence's share of the tone term.

    Sentence share = 1 / stories * 1 / copies of its story * 1 / sentences of its article,
    so the shares of one period sum to the mean story tone's coefficient (1).
    """
    if sentences.empty:
        return pd.DataFrame(columns=list(CONTRIBUTION_COLUMNS))
    s = sentences.copy()
    story = [s["published_at"], s["signature"], s["article_sentences"]]
    copies = s.groupby(story, dropna=False)["article_id"].transform("nunique")
    n_stories = s.groupby(story, dropna=False).ngroups
    share = 1.0 / (n_stories * copies * s["article_sentences"])
    s["weight"] = share
    s["raw"] = params.tone_weight / params.tone_scale * share * s["tone"]
    s["contribution"] = s["raw"] * factor
    s["kind"] = "tone"
    s["intensity"] = np.nan
    s["note"] = np.where(copies > 1, "story reported by " + copies.astype(str) + " articles", "")
    for column in ("category", "mode"):
        s[column] = None
    return s[list(CONTRIBUTION_COLUMNS)]


def event_contributions(
    events: pd.DataFrame, as_of: date, params: TemperatureParams, factor: float
) -> pd.DataFrame:
    """Each event report's share of the event term (a key-day shared by its reports)."""
    if events.empty:
        return pd.DataFrame(columns=list(CONTRIBUTION_COLUMNS))
    e = events.copy()
    key = [e["published_at"], e["source"], e["target"], e["category"], e["mode"]]
    reports = e.groupby(key, dropna=False)["article_id"].transform("size")
    e["weight"] = e["mode"].map(params.mode_weights).fillna(0.0).astype(float)
    age = (np.datetime64(as_of, "D") - to_days(e["published_at"])).astype(np.int64)
    decay = 0.5 ** (age / params.half_life_days)
    e["raw"] = (
        params.event_weight / params.event_scale * e["weight"] * e["intensity"] * decay / reports
    )
    e["contribution"] = e["raw"] * factor
    e["kind"] = "event"
    notes = np.where(reports > 1, "same event reported by " + reports.astype(str), "")
    not_counted = np.where(e["weight"] == 0, e["mode"] + ": weight 0, not counted", "")
    e["note"] = ["; ".join(p for p in parts if p) for parts in zip(not_counted, notes, strict=True)]
    return e[list(CONTRIBUTION_COLUMNS)]


def memory_contributions(
    earlier: pd.DataFrame, as_of: date, params: TemperatureParams, factor: float
) -> pd.DataFrame:
    """Carry-over of events before the period, one row per (source, target, category, mode)."""
    if earlier.empty:
        return pd.DataFrame(columns=list(CONTRIBUTION_COLUMNS))
    e = event_impulses(earlier, params)
    age = (np.datetime64(as_of, "D") - to_days(e["day"])).astype(np.int64)
    e["raw"] = (
        params.event_weight
        / params.event_scale
        * e["impulse"]
        * 0.5 ** (age / params.half_life_days)
    )
    e["day"] = to_days(e["day"]).astype(object)
    grouped = (
        e.groupby(["source", "target", "category", "mode"], dropna=False)
        .agg(
            raw=("raw", "sum"),
            published_at=("day", "max"),
            days=("day", "size"),
            weight=("weight", "first"),
            intensity=("intensity", "mean"),
        )
        .reset_index()
    )
    grouped["contribution"] = grouped["raw"] * factor
    grouped["kind"] = "memory"
    grouped["note"] = "carry-over of " + grouped["days"].astype(str) + " earlier day(s), last"
    grouped["note"] += " " + grouped["published_at"].astype(str)
    for column in ("article_id", "title", "sentence_index", "text"):
        grouped[column] = None
    return grouped[list(CONTRIBUTION_COLUMNS)]


# -- wrappers over the store -------------------------------------------------------------------


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
        raise UsageError(f"no period {period!r} in the {freq} timeline of {pair}")
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
                **{
                    c: (None if best is None else best[c])
                    for c in (
                        "driver",
                        "category",
                        "mode",
                        "source",
                        "target",
                        "headline",
                        "article_id",
                        "contribution",
                    )
                },
                "drivers": "; ".join(_describe(c) for _, c in causes.iterrows()),
            }
        )
    return pd.DataFrame(rows, columns=list(TURNING_POINT_COLUMNS))


def _causes(parts: pd.DataFrame, *, kind: str = "event") -> pd.DataFrame:
    """A period's contributions grouped into causes: one per event key (of ``kind``
    'event' or 'memory'), one per article (tone; only with kind 'event')."""
    columns = [
        "driver",
        "category",
        "mode",
        "source",
        "target",
        "headline",
        "article_id",
        "contribution",
    ]
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

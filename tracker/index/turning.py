"""Turning points: period-to-period changes of the smoothed level that exceed their own
uncertainty, each with the evidence that made it (docs/temperature.md, "Turning points").

The change of x between the as_of days a < b of two periods has variance
``var_a + var_b - 2 cov(a, b)`` under the smoother (:func:`tracker.index.kalman.lag_covariance`);
a change is a turning point when ``|change| > band_z * sd``. Its causes are the difference
of the two values' attributions, so they add up to the change in degrees.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tracker.errors import UsageError
from tracker.index import attribution, kalman
from tracker.index.params import DEFAULT_PARAMS, TemperatureParams
from tracker.index.timeline import (
    TimelineSource,
    direction_key,
    evidence,
    pair_key,
    series_model,
)

TURNING_POINT_COLUMNS: tuple[str, ...] = (
    "pair",
    "direction",
    "period",
    "period_start",
    "previous",
    "temperature",
    "change",
    "change_z",  # the change of x in standard deviations of that change (> band_z)
    "driver",  # 'event', 'tone', 'memory' or 'later': what pushed most in the change's way
    "category",
    "mode",
    "source",
    "target",
    "headline",
    "article_id",
    "contribution",
    "drivers",  # up to `drivers` causes as one readable line
)
_CAUSE_COLUMNS = ("driver", "category", "mode", "source", "target", "headline", "article_id")


def significant_changes(frame: pd.DataFrame, model_path: kalman.Path, days: np.ndarray, z: float):
    """Rows i (>= 1) whose change from row i-1 exceeds z standard deviations, with the
    change in x and its z-score. ``days``: each row's as_of index in the model."""
    a, b = days[:-1], days[1:]
    ok = (a >= 0) & (b > a)
    a, b = np.maximum(a, 0), np.maximum(b, 0)
    var = model_path.smoothed_var[a] + model_path.smoothed_var[b]
    var = var - 2.0 * kalman.lag_covariance(model_path, a, b)
    change = frame["state"].to_numpy(float)[1:] - frame["state"].to_numpy(float)[:-1]
    score = np.abs(change) / np.sqrt(np.maximum(var, 1e-300))
    keep = ok & (score > z)
    return np.flatnonzero(keep) + 1, score


def _causes(parts: pd.DataFrame) -> pd.DataFrame:
    """Contributions to a change grouped: one cause per event key (per kind), one per
    article for tone in the period, one per side for tone outside it."""
    p = parts.assign(driver=parts["kind"], headline=parts["title"])
    p["driver"] = p["driver"].where(p["kind"] != "tone", "tone")
    keys = ["driver", "category", "mode", "source", "target", "article_id"]
    p["article_id"] = p["article_id"].where(p["kind"] == "tone", None)
    grouped = (
        p.groupby(keys, dropna=False, sort=False)
        .agg(contribution=("contribution", "sum"), headline=("headline", "first"))
        .reset_index()
    )
    return grouped


def _describe(row: pd.Series) -> str:
    if isinstance(row["category"], str):
        who = ">".join(c for c in (row["source"], row["target"]) if isinstance(c, str))
        what = f"{row['category']} ({row['mode']}{', ' + who if who else ''})"
    else:
        what = "tone"
    when = {"memory": "earlier ", "later": "later "}.get(row["driver"], "")
    title = f": {row['headline']}" if isinstance(row["headline"], str) and row["headline"] else ""
    return f"{when}{what}{title} ({row['contribution']:+.1f})"


def turning_points(
    timeline: pd.DataFrame,
    store: TimelineSource,
    pair: tuple[str, str] | str | None = None,
    *,
    top: int = 5,
    drivers: int = 3,
    direction: tuple[str, str] | str | None = None,
    params: TemperatureParams | None = None,
) -> pd.DataFrame:
    """The ``top`` largest significant changes of the smoothed series, each with its causes
    (the events and articles whose contributions pushed most in the change's direction).

    ``timeline`` is compute_timeline's output (its pair/direction columns are used when
    ``pair``/``direction`` are not given; ``params`` default to the ones it was computed
    with, kept in ``timeline.attrs``).
    """
    params = params or timeline.attrs.get("params", DEFAULT_PARAMS)
    frame = _one_series(timeline, pair, direction)
    if len(frame) < 2:
        return pd.DataFrame(columns=list(TURNING_POINT_COLUMNS))
    series = series_model(store, frame.iloc[0], frame["as_of"].max(), params)
    days = series.model.index_of(frame["as_of"])
    rows, score = significant_changes(frame, series.model.path, days, params.band_z)
    change = frame["temperature"].diff()
    ranked = change.iloc[rows].abs().sort_values(ascending=False, kind="stable").head(top)
    out = []
    for i in ranked.index:  # one attribution per flagged period (top is small)
        row, before = frame.loc[i], frame.loc[i - 1]
        causes = _change_causes(store, series, row, before, params)
        sign = 1.0 if change[i] > 0 else -1.0
        pushing = causes[causes["contribution"] * sign > 0]
        pushing = pushing.loc[(pushing["contribution"] * sign).sort_values(ascending=False).index]
        best = pushing.iloc[0] if len(pushing) else None
        out.append(
            {
                "pair": row["pair"],
                "direction": row["direction"],
                "period": row["period"],
                "period_start": row["period_start"],
                "previous": float(before["temperature"]),
                "temperature": float(row["temperature"]),
                "change": float(change[i]),
                "change_z": float(score[i - 1]),
                **{c: (None if best is None else best[c]) for c in _CAUSE_COLUMNS},
                "contribution": None if best is None else float(best["contribution"]),
                "drivers": "; ".join(_describe(c) for _, c in pushing.head(drivers).iterrows()),
            }
        )
    return pd.DataFrame(out, columns=list(TURNING_POINT_COLUMNS))


def _one_series(timeline: pd.DataFrame, pair, direction) -> pd.DataFrame:
    frame = timeline
    if pair is not None and len(frame):
        frame = frame[frame["pair"] == "-".join(pair_key(pair))]
    if direction is not None and len(frame):
        wanted = direction_key(pair_key(frame["pair"].iloc[0]), direction)
        frame = frame[frame["direction"] == (">".join(wanted) if wanted else "")]
    if len(frame) and (frame["direction"].nunique() > 1 or frame["pair"].nunique() > 1):
        raise UsageError("turning_points needs one pair and direction: pass pair=/direction=")
    return frame.reset_index(drop=True)


def _change_causes(store: TimelineSource, series, row, before, params) -> pd.DataFrame:
    """Each piece of evidence's part of the change in degrees (sums to the change)."""
    items = evidence(store, series, (row["period_start"], row["as_of"]), params)
    model = series.model
    now, then = model.index_of([row["as_of"], before["as_of"]])
    w_now = attribution.day_weight(model, items, kalman.weights(model.inputs, model.path, now))
    w_then = attribution.day_weight(model, items, kalman.weights(model.inputs, model.path, then))
    f_now = attribution.attribution_factor(float(row["state"]))
    f_then = attribution.attribution_factor(float(before["state"]))
    value = items["value"].to_numpy(dtype=float)
    raw = value * (w_now * f_now - w_then * f_then)
    parts = attribution.contribution_frame(items, w_now, 1.0, raw=raw)
    return _causes(parts)

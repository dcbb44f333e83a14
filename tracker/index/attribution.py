"""Why a value is what it is: each piece of evidence's share (docs/temperature.md, "Explain").

The smoothed (or filtered) level of a day is linear in the days' tone observations y and
event inputs u: ``x_t = sum_d w_y[d] y_d + sum_d w_u[d] u_d`` (the prior mean is 0), with
the weights of :func:`tracker.index.kalman.weights`. Each day's y is a mean over its stories
(each story a mean over copies, each article a mean over its sentences) and each day's u a
sum over de-duplicated event keys, so every sentence and event report gets an exact share.
Multiplying by :func:`attribution_factor` turns the parts of x into parts of the temperature
``100 * tanh(x)`` that add up to it. Pure: frames in, frames out.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from tracker.index import kalman
from tracker.index.params import TemperatureParams
from tracker.index.periods import to_days
from tracker.index.temperature import DailyModel, event_impulses

CONTRIBUTION_COLUMNS: tuple[str, ...] = (
    "kind",  # 'tone' / 'event' (in the period), 'memory' (before it), 'later' (after it)
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
    "weight",  # the model's weight of this evidence's day in the value (x per unit)
    "raw",  # its part of the level x
    "contribution",  # its part of the temperature; these sum to the value
    "note",
)
# Evidence items: CONTRIBUTION_COLUMNS' descriptive part plus how to weigh them.
ITEM_COLUMNS: tuple[str, ...] = (*CONTRIBUTION_COLUMNS[:11], "channel", "value")


def attribution_factor(x: float) -> float:
    """100 * tanh(x) / x (100 at x = 0): multiply each part of x by it and the parts sum
    to the temperature - the proportional attribution of docs/temperature.md."""
    return 100.0 if x == 0 else float(100.0 * math.tanh(x) / x)


def _items(frame: pd.DataFrame) -> pd.DataFrame:
    for column in ITEM_COLUMNS:
        if column not in frame:
            frame[column] = None
    return frame[list(ITEM_COLUMNS)]


def tone_items(sentences: pd.DataFrame, params: TemperatureParams) -> pd.DataFrame:
    """Each dyadic sentence's share of its day's tone observation.

    Share = 1 / stories of the day * 1 / copies of its story * 1 / sentences of its article.
    """
    if sentences.empty:
        return pd.DataFrame(columns=list(ITEM_COLUMNS))
    s = sentences.copy()
    story = [s["published_at"], s["signature"], s["article_sentences"]]
    copies = s.groupby(story, dropna=False)["article_id"].transform("nunique")
    stories = s.groupby(story, dropna=False).ngroup()
    per_day = stories.groupby(s["published_at"]).transform("nunique")
    share = 1.0 / (per_day * copies * s["article_sentences"])
    s["value"] = params.tone_factor * share * s["tone"]
    s["kind"], s["channel"], s["intensity"] = "tone", "y", np.nan
    s["note"] = np.where(copies > 1, "story reported by " + copies.astype(str) + " articles", "")
    return _items(s)


def event_items(events: pd.DataFrame, params: TemperatureParams) -> pd.DataFrame:
    """Each event report's share of its day's input (a key-day shared by its reports)."""
    if events.empty:
        return pd.DataFrame(columns=list(ITEM_COLUMNS))
    e = events.copy()
    key = [e["published_at"], e["source"], e["target"], e["category"], e["mode"]]
    reports = e.groupby(key, dropna=False)["article_id"].transform("size")
    mode_weight = e["mode"].map(params.mode_weights).fillna(0.0).astype(float)
    e["value"] = params.event_factor * mode_weight * e["intensity"] / reports
    e["kind"], e["channel"] = "event", "u"
    notes = np.where(reports > 1, "same event reported by " + reports.astype(str), "")
    not_counted = np.where(mode_weight == 0, e["mode"] + ": weight 0, not counted", "")
    e["note"] = ["; ".join(p for p in parts if p) for parts in zip(not_counted, notes, strict=True)]
    return _items(e)


def outside_items(
    model: DailyModel,
    event_days: pd.DataFrame,
    window: tuple[object, object],
    params: TemperatureParams,
) -> pd.DataFrame:
    """Evidence outside the window: one tone item per day with stories, one event item per
    (day, key); kind 'memory' before the window, 'later' after it."""
    lo, hi = (np.datetime64(w, "D") for w in window)
    n = len(model.inputs.y)
    days = model.first_day + np.arange(n)
    seen = ~np.isnan(model.inputs.h) & ((days < lo) | (days > hi))
    tone = pd.DataFrame(
        {
            "published_at": days[seen],
            "value": model.inputs.y[seen],
            "channel": "y",
            "note": [f"tone of {int(a)} article(s)" for a in model.counts["articles"][seen]],
        }
    )
    e = event_impulses(event_days, params)
    e_day = to_days(e["day"])
    e = e[(e_day < lo) | (e_day > hi)].assign(
        published_at=lambda f: to_days(f["day"]),
        value=lambda f: params.event_factor * f["impulse"],
        channel="u",
        note="",
    )
    out = pd.concat([_items(tone), _items(e)], ignore_index=True)
    out["kind"] = np.where(to_days(out["published_at"]) < lo, "memory", "later")
    return out


def day_weight(model: DailyModel, items: pd.DataFrame, weights: kalman.Weights) -> np.ndarray:
    """Each item's day weight in the value (its y or u channel); raw part = value * this."""
    if items.empty:
        return np.zeros(0)
    index = model.index_of(items["published_at"])
    on_y = (items["channel"] == "y").to_numpy()
    return np.where(on_y, weights.y_weight[index], weights.u_weight[index])


def contribution_frame(
    items: pd.DataFrame, weight: np.ndarray, factor: float, raw: np.ndarray | None = None
) -> pd.DataFrame:
    """Items with their raw part (value * day weight, unless given) and contribution
    (raw * factor); evidence outside the period grouped (one row per event key and one for
    tone, per side), largest first. Sums are kept exactly."""
    if raw is None:
        raw = items["value"].to_numpy(dtype=float) * weight
    frame = items.assign(raw=raw, contribution=raw * factor, weight=weight)
    inside = frame[frame["kind"].isin(("tone", "event"))]
    outside = frame[~frame["kind"].isin(("tone", "event")) & (frame["weight"] != 0)].copy()
    if len(outside):
        outside["published_at"] = to_days(outside["published_at"])
        keys = ["kind", "source", "target", "category", "mode"]
        grouped = (
            outside.groupby(keys, dropna=False, sort=False)
            .agg(
                raw=("raw", "sum"),
                contribution=("contribution", "sum"),
                published_at=("published_at", "max"),
                days=("published_at", "size"),
                weight=("weight", "mean"),
                intensity=("intensity", "mean"),
            )
            .reset_index()
        )
        grouped["published_at"] = to_days(grouped["published_at"]).astype(object)
        what = np.where(grouped["category"].isna(), "tone on", "event on")
        side = np.where(grouped["kind"] == "memory", "earlier", "later")
        grouped["note"] = [
            f"{w} {d} {s} day(s), last {p}"
            for w, d, s, p in zip(what, grouped["days"], side, grouped["published_at"], strict=True)
        ]
        outside = grouped
    parts = [f for f in (inside, outside) if len(f)]
    if not parts:
        return pd.DataFrame(columns=list(CONTRIBUTION_COLUMNS))
    columns = list(CONTRIBUTION_COLUMNS)
    out = pd.concat([f.reindex(columns=columns) for f in parts], ignore_index=True)
    order = out["contribution"].abs().sort_values(ascending=False, kind="stable").index
    return out.loc[order].reset_index(drop=True)

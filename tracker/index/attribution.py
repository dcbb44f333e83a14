"""Why a period has its value: each sentence's, event report's and earlier event's share.

The temperature is ``100 * tanh(x)`` with x a sum of raw terms; multiplying every raw term
by :func:`attribution_factor` makes the parts sum to the temperature (the proportional
attribution of docs/temperature.md). Pure: frames in, frames out.
"""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pandas as pd

from tracker.index.periods import to_days
from tracker.index.temperature import TemperatureParams, event_impulses

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


def attribution_factor(x: float) -> float:
    """100 * tanh(x) / x (100 at x = 0): multiply each raw term of x by it and the terms sum
    to the temperature - the proportional attribution of docs/temperature.md."""
    return 100.0 if x == 0 else float(100.0 * math.tanh(x) / x)


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

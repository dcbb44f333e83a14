"""Turning points of the temperature: where a change beyond its uncertainty happened and which
events caused it (tracker/index/turning.py, docs/temperature.md)."""

from __future__ import annotations

import pytest

from tracker.index.params import TemperatureParams
from tracker.index.timeline import compute_timeline
from tracker.index.turning import turning_points
from tracker.store import Store

PAIR = ("USA", "BLR")


def test_turning_points_flag_the_causing_event(db, add_articles, make_scored, make_event):
    warm = [
        make_scored(f"2024-0{m}-10", PAIR, [0.5, 0.4], texts=[f"w{m}", f"v{m}"]) for m in (1, 2)
    ]
    cold = [
        make_scored(
            "2024-03-05",
            PAIR,
            [-0.6, -0.5],
            [make_event("SANCTION", -8.0, source="USA", target="BLR")],
            title="US sanctions Belaruskali",
        ),
        make_scored("2024-04-10", PAIR, [-0.5, -0.6], texts=["c4", "d4"]),
    ]
    add_articles(db, [*warm, *cold])
    params = TemperatureParams(event_scale=10.0)
    with Store(db) as store:
        tl = compute_timeline(store, PAIR, params=params)
        points = turning_points(tl, store, PAIR, top=2)
    first = points.iloc[0]
    assert first["period"] == "2024-03" and first["change"] < 0
    assert first["change_z"] > params.band_z
    assert "SANCTION" in first["drivers"] and "US sanctions Belaruskali" in first["drivers"]
    assert (first["source"], first["target"]) in (("USA", "BLR"), (None, None))
    assert len(points) <= 2 and points["change"].abs().is_monotonic_decreasing


def test_turning_point_causes_add_up_to_the_change(db, add_articles, make_scored, make_event):
    event = make_event("SANCTION", -8.0, mode="hypothetical", source="USA", target="BLR")
    items = [
        make_scored("2024-01-10", PAIR, [0.4, 0.5]),
        make_scored("2024-02-10", PAIR, [-0.5, -0.4], [event]),
    ]
    add_articles(db, items)
    params = TemperatureParams(hypothetical_weight=1.0, event_scale=5.0, tone_weight=0.0)
    with Store(db) as store:
        tl = compute_timeline(store, PAIR, params=params)
        point = turning_points(tl, store, PAIR, top=1, drivers=10).iloc[0]
    assert point["change"] == pytest.approx(tl["temperature"].iloc[1] - tl["temperature"].iloc[0])
    assert point["contribution"] == pytest.approx(point["change"])  # the event is the only cause
    assert point["driver"] == "event" and point["category"] == "SANCTION"


def test_turning_points_need_a_change_beyond_its_uncertainty(db, add_articles, make_scored):
    items = [
        make_scored(f"2024-0{m}-10", PAIR, [0.1 + 0.02 * m], texts=[str(m)]) for m in (1, 2, 3)
    ]
    add_articles(db, items)
    with Store(db) as store:
        tl = compute_timeline(store, PAIR)
        assert turning_points(tl, store, PAIR).empty  # small moves within the noise

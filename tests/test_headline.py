"""The honest headline (tracker/index/headline.py), the filtered explanation and the
exports' band columns."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest
from click.testing import CliRunner

from tracker.cli import main
from tracker.index.headline import headline
from tracker.index.timeline import compute_timeline, explain
from tracker.store import Store

PAIR = ("USA", "BLR")


def _series(values, lowers, uppers, as_of, articles_90d=3):
    n = len(values)
    return pd.DataFrame(
        {
            "as_of": as_of,
            "temperature": values,
            "filtered": values,
            "filtered_lower": lowers,
            "filtered_upper": uppers,
            "articles_90d": [articles_90d] * n,
        }
    )


def test_headline_reads_the_filtered_value_band_and_evidence():
    days = [date(2025, 1, 31) + timedelta(days=30 * i) for i in range(6)]
    frame = _series([-10, -20, -30, -40, -50, -60], [-70] * 6, [-45] * 6, days, articles_90d=1)
    head = headline(frame)
    assert (head.value, head.lower, head.upper, head.as_of) == (-60, -70, -45, days[-1])
    assert not head.uncertain and head.value_text == "-60"
    assert head.evidence_text == "based on 1 article in the last 90 days"
    # reference: the last period ending at least 90 days before the last one, stated
    assert head.reference_date == days[2] and head.change == -30
    assert head.change_text == f"-30 since {days[2]:%Y-%m-%d} (90 days earlier)"
    start = headline(frame, reference="start")
    assert start.reference_date == days[0] and start.change == -50
    assert "the start of the range" in start.change_text


def test_a_band_wider_than_the_value_reads_uncertain():
    head = headline(_series([-39.5], [-95.0], [74.0], [date(2025, 3, 31)]))
    assert head.uncertain and head.value_text == "uncertain"
    assert "-95" in head.band_text and "+74" in head.band_text
    assert head.change is None and "no value 90 days earlier" in head.change_text


def test_headline_of_nothing_is_none_and_references_are_checked():
    assert headline(_series([], [], [], [])) is None
    with pytest.raises(ValueError):
        headline(_series([1.0], [0.0], [2.0], [date(2025, 1, 1)]), reference="year")


def test_headline_on_a_real_timeline(db, add_articles, make_scored):
    items = [make_scored(f"2025-0{m}-10", PAIR, [-0.5, -0.6], texts=[f"a{m}", f"b{m}"])
             for m in range(1, 7)]  # fmt: skip
    add_articles(db, items)
    with Store(db) as store:
        frame = compute_timeline(store, PAIR, freq="M")
    head = headline(frame)
    assert head.value == pytest.approx(frame["temperature"].iloc[-1])  # last day: same number
    assert head.articles == 3  # April 10, May 10, June 10 within 90 days of June 10
    assert head.reference_date == date(2025, 2, 28)  # last month ending by June 10 - 90 days


def test_filtered_explanation_adds_up_and_has_no_later_evidence(db, add_articles, make_scored):
    items = [make_scored(f"2025-0{m}-10", PAIR, [0.3 - 0.2 * m]) for m in range(1, 6)]
    add_articles(db, items)
    with Store(db) as store:
        ex = explain(store, PAIR, "2025-03", estimate="filtered")
        smoothed = explain(store, PAIR, "2025-03")
    assert ex.contributions["contribution"].sum() == pytest.approx(ex.value, abs=1e-9)
    assert "later" not in set(ex.contributions["kind"])
    assert "later" in set(smoothed.contributions["kind"])
    assert smoothed.contributions["contribution"].sum() == pytest.approx(smoothed.value, abs=1e-9)


def test_exports_carry_both_bands(db, add_articles, make_scored, tmp_path):
    add_articles(
        db, [make_scored("2025-01-10", PAIR, [0.2]), make_scored("2025-03-10", PAIR, [0.1])]
    )
    out = tmp_path / "t.csv"
    result = CliRunner().invoke(
        main, ["export", "--pair", "USA-BLR", "--out", str(out), "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    for column in ("lower", "upper", "filtered", "filtered_lower", "filtered_upper", "state_sd"):
        assert column in header

"""The demo corpus moves the curves the way history did (issue: temperature + demo corpus)."""

import itertools
import json

import numpy as np
import pytest
from click.testing import CliRunner

from tracker.cli import main
from tracker.demo import SAMPLES_DIR, SEED_FILE, load_demo, sample_files


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    report = load_demo(db)
    assert report.failed == []
    return db


def monthly(db, pair: str) -> dict[str, float]:
    result = CliRunner().invoke(
        main,
        ["timeline", "--pair", pair, "--freq", "M", "--format", "json", "--db", str(db)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {"period", "temperature", "lower", "upper", "tone", "events_score"} <= set(rows[0])
    assert {"articles", "events"} <= set(rows[0])
    return {row["period"]: row["temperature"] for row in rows}


def test_corpus_is_complete():
    files = sample_files()
    assert len(files) >= 61
    assert (SAMPLES_DIR / SEED_FILE) in files
    assert (SAMPLES_DIR / "README.md").exists()


def test_loading_twice_adds_nothing(tmp_path):
    first = load_demo(tmp_path / "d.duckdb")
    again = load_demo(tmp_path / "d.duckdb")
    assert len(first.added) == len(sample_files())
    assert (len(again.added), len(again.duplicates)) == (0, len(sample_files()))


def test_issue_orderings(demo_db):
    rus = monthly(demo_db, "USA-RUS")
    blr = monthly(demo_db, "USA-BLR")
    assert rus["2022-03"] < rus["2021-06"]
    assert rus["2025-08"] > rus["2022-03"]
    assert blr["2025-09"] > blr["2021-06"]


@pytest.mark.parametrize(
    ("pair", "before", "during", "what"),
    [
        ("USA-RUS", "2014-02", "2014-03", "falls at the Crimea annexation"),
        ("USA-RUS", "2016-11", "2016-12", "falls at the 2016 expulsions"),
        ("USA-RUS", "2018-02", "2018-03", "falls at the Skripal expulsions"),
        ("USA-RUS", "2022-01", "2022-02", "falls at the invasion"),
        ("USA-BLR", "2020-07", "2020-08", "falls at the 2020 election crackdown"),
        ("USA-BLR", "2021-04", "2021-05", "falls at the Ryanair diversion"),
    ],
)
def test_falls(demo_db, pair, before, during, what):
    series = monthly(demo_db, pair)
    assert series[during] < series.get(before, 0.0), what


@pytest.mark.parametrize(
    ("pair", "before", "during", "what"),
    [
        ("USA-RUS", "2021-01", "2021-02", "rises at the New START extension"),
        ("USA-RUS", "2024-07", "2024-08", "rises at the prisoner exchange"),
        ("USA-RUS", "2025-01", "2025-03", "rises with the 2025 contacts"),
        ("USA-BLR", "2025-01", "2025-02", "rises with the February 2025 release"),
        ("USA-BLR", "2025-05", "2025-06", "rises with the June 2025 releases"),
        ("USA-BLR", "2025-08", "2025-09", "rises with the September 2025 releases"),
    ],
)
def test_rises(demo_db, pair, before, during, what):
    series = monthly(demo_db, pair)
    assert series[during] > series[before], what


def test_interaction_free_texts_make_no_pair(demo_db):
    from tracker.store import Store

    with Store(demo_db, read_only=True) as store:
        rows = store.con.execute(
            "SELECT a.origin, count(s.article_id) FROM articles a "
            "LEFT JOIN dyad_sentences s ON s.article_id = a.id "
            "WHERE a.origin LIKE '%-neutral-%' "
            "GROUP BY a.origin"
        ).fetchall()
    assert rows, "the corpus has texts without interaction"
    assert all(count == 0 for _, count in rows), rows


@pytest.mark.parametrize("pair", ["USA-RUS", "USA-BLR", "RUS-UKR", "UKR-USA"])
def test_no_pair_returns_to_neutral_between_articles(demo_db, pair):
    """Between two articles the level persists (issue 14): the filtered value holds, the
    smoothed history is a straight line from one piece of evidence to the next (no decay
    toward 0), and a quiet month keeps the sign of the line it lies on."""
    from tracker.index.timeline import compute_timeline
    from tracker.store import Store

    with Store(demo_db, read_only=True) as store:
        daily = compute_timeline(store, pair, freq="D")
        monthly = compute_timeline(store, pair, freq="M")
    evidence = ((daily["articles"] > 0) | (daily["events"] > 0)).to_numpy()
    stretches = 0
    for left, right in itertools.pairwise(np.flatnonzero(evidence)):
        if right - left < 3:
            continue
        quiet = daily.iloc[left:right]  # the evidence day, then the silence
        assert np.ptp(quiet["filtered_state"]) < 1e-12  # holds its level
        assert np.abs(np.diff(quiet["state"], n=2)).max() < 1e-9  # a straight line
        stretches += 1
    assert stretches > 3
    # A quiet month reads the level of its last day, on the line from the last evidence to
    # the day before the next: when both ends of that line have one sign, so does the month.
    state_on = dict(zip(daily["as_of"], daily["state"], strict=True))
    days = daily["as_of"].to_numpy()
    checked = 0
    for _, month in monthly[monthly["articles"] == 0].iterrows():
        assert month["state"] == pytest.approx(state_on[month["as_of"]], abs=1e-12)
        at = int(np.searchsorted(days, np.datetime64(month["as_of"])))
        before = np.flatnonzero(evidence[:at])
        after = np.flatnonzero(evidence[at:])
        if not len(before) or not len(after):
            continue
        ends = np.sign(daily["state"].iloc[[before[-1], at + after[0] - 1]]).to_numpy()
        if ends[0] == ends[1]:
            assert np.sign(month["state"]) == ends[0], (pair, month["period"])
            checked += 1
    assert checked > 3

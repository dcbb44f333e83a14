"""The relationship temperature: properties on small synthetic inputs (docs/temperature.md)."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pandas as pd
import pytest

from tracker.errors import UsageError
from tracker.index.attribution import CONTRIBUTION_COLUMNS
from tracker.index.params import DEFAULT_PARAMS, TemperatureParams
from tracker.index.periods import FREQS
from tracker.index.temperature import TIMELINE_COLUMNS, daily_impulses
from tracker.index.timeline import compute_timeline, compute_timelines, explain
from tracker.index.turning import turning_points
from tracker.store import Store

PAIR = ("USA", "BLR")
VALUE_COLUMNS = ["temperature", "lower", "upper", "tone", "events_score"]


@pytest.fixture
def timeline_of(db, add_articles):
    """Store these articles, return compute_timeline(**kwargs) on them."""

    def run(items, pair=PAIR, **kwargs):
        add_articles(db, items)
        with Store(db) as store:
            return compute_timeline(store, pair, **kwargs)

    return run


def values(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[["period", *VALUE_COLUMNS]].reset_index(drop=True)


# -- volume robustness -------------------------------------------------------------------------


@pytest.mark.parametrize("signature", ["tone", "text"])
def test_duplicated_article_leaves_value_unchanged(
    db, add_articles, make_scored, make_event, signature
):
    params = TemperatureParams(story_signature=signature)
    sanction = make_event("SANCTION", -4.0, source="USA", target="BLR")
    base = [
        make_scored("2024-01-05", PAIR, [0.6, 0.2], [sanction]),
        make_scored("2024-01-09", PAIR, [-0.4]),
        make_scored("2024-02-14", PAIR, [0.1, 0.3, -0.2]),
    ]
    copy = make_scored("2024-01-05", PAIR, [0.6, 0.2], [sanction], variant="wire copy")
    assert copy.article.id != base[0].article.id
    add_articles(db, base)
    with Store(db) as store:
        before = {f: compute_timeline(store, PAIR, freq=f, params=params) for f in FREQS}
    add_articles(db, [copy])
    with Store(db) as store:
        after = {f: compute_timeline(store, PAIR, freq=f, params=params) for f in FREQS}
    for freq in FREQS:
        pd.testing.assert_frame_equal(values(before[freq]), values(after[freq]))
        assert after[freq]["articles"].sum() == before[freq]["articles"].sum() + 1
        assert after[freq]["stories"].sum() == before[freq]["stories"].sum()
        assert after[freq]["event_reports"].sum() == before[freq]["event_reports"].sum() + 1


@pytest.mark.parametrize("signature", ["tone", "text"])
def test_many_distinct_articles_move_the_level_further_but_not_past_their_tone(
    db, add_articles, make_scored, signature
):
    # 50 different articles, tones 0.2..0.6 (mean 0.4), vs one article of tone 0.4
    many = [
        make_scored("2024-03-01", PAIR, [0.2 + 0.4 * i / 49], texts=[f"report {i}"], title=f"{i}")
        for i in range(50)
    ]
    add_articles(db, [make_scored("2024-03-02", ("USA", "RUS"), [0.4]), *many])
    params = TemperatureParams(story_signature=signature)
    with Store(db) as store:
        fifty = compute_timeline(store, PAIR, params=params).iloc[0]
        one = compute_timeline(store, ("USA", "RUS"), params=params).iloc[0]
    assert fifty["articles"] == fifty["stories"] == 50
    implied = 100 * math.tanh(0.4 / params.tone_scale)
    assert 0 < one["temperature"] < fifty["temperature"] < implied  # more evidence, same tone
    assert fifty["upper"] - fifty["lower"] < one["upper"] - one["lower"]
    # the day-level floor: 50 stories are not 50 times one (volume cannot pin the level)
    floor = params.tone_factor * params.tone_day_sd
    assert fifty["state_sd"] > floor / 2


@pytest.mark.parametrize(("signature", "stories"), [("tone", 1), ("text", 3)])
def test_story_signatures(db, add_articles, make_scored, signature, stories):
    # three different one-line articles with the same tone at the same index: the "tone"
    # signature takes them for copies of one story, the "text" signature does not
    items = [make_scored("2024-03-01", PAIR, [0.25], texts=[f"line {i}"]) for i in range(3)]
    add_articles(db, items)
    params = TemperatureParams(story_signature=signature)
    with Store(db) as store:
        row = compute_timeline(store, PAIR, params=params).iloc[0]
        ex = explain(store, PAIR, "2024-03", params=params)
    assert (row["articles"], row["stories"], row["tone"]) == (3, stories, 0.25)
    assert ex.contributions["contribution"].sum() == pytest.approx(ex.value, abs=1e-9)


def test_same_event_from_many_articles_counts_once_per_day(
    db, add_articles, make_scored, make_event
):
    def sanction():
        return make_event("SANCTION", -4.0, source="USA", target="BLR")

    add_articles(db, [make_scored("2024-03-01", ("USA", "RUS"), [0.0], [sanction()])])
    reports = [
        make_scored("2024-03-01", PAIR, [0.0], [sanction()], texts=[f"outlet {i}"], title=f"o{i}")
        for i in range(5)
    ]
    add_articles(db, reports)
    with Store(db) as store:
        five = compute_timeline(store, PAIR, freq="D")
    assert five["events"].iloc[0] == 1
    assert five["event_reports"].iloc[0] == 5
    assert five["events_score"].iloc[0] == pytest.approx(-4.0)


# -- event modes -------------------------------------------------------------------------------


def _event_value(timeline_of, make_scored, make_event, mode, params=DEFAULT_PARAMS):
    event = make_event("SANCTION", -4.0, mode=mode, source="USA", target="BLR", year=2020)
    return timeline_of([make_scored("2024-03-01", PAIR, [0.2], [event])], params=params).iloc[0]


def test_negated_event_does_not_move_value_like_asserted(db, add_articles, make_scored, make_event):
    # three pairs, same tone: no event, an asserted sanction, a negated one
    def article(pair, mode=None):
        events = [] if mode is None else [make_event("SANCTION", -4.0, mode=mode)]
        return make_scored("2024-03-01", pair, [0.2], events)

    add_articles(
        db,
        [article(("USA", "FRA")), article(PAIR, "asserted"), article(("USA", "RUS"), "negated")],
    )
    params = TemperatureParams(event_scale=20.0)
    with Store(db) as store:
        baseline = compute_timeline(store, ("USA", "FRA"), params=params).iloc[0]
        asserted = compute_timeline(store, PAIR, params=params).iloc[0]
        negated = compute_timeline(store, ("USA", "RUS"), params=params).iloc[0]
    assert asserted["temperature"] < baseline["temperature"] - 2
    assert negated["temperature"] == pytest.approx(baseline["temperature"], abs=1e-12)
    assert negated["events_score"] == 0.0 and negated["events"] == 1


@pytest.mark.parametrize(
    ("mode", "weight"),
    [("asserted", 1.0), ("hypothetical", 0.3), ("negated", 0.0), ("historical", 0.0)],
)
def test_mode_weights_scale_the_event(timeline_of, make_scored, make_event, mode, weight):
    row = _event_value(timeline_of, make_scored, make_event, mode)
    assert row["events_score"] == pytest.approx(-4.0 * weight)
    assert row["events"] == 1  # reported as coverage even when not counted


def test_negated_can_count_as_a_small_opposite(timeline_of, make_scored, make_event):
    params = TemperatureParams(negated_weight=-0.25)
    row = _event_value(timeline_of, make_scored, make_event, "negated", params)
    assert row["events_score"] == pytest.approx(1.0)  # -4 * -0.25: warmer, slightly


# -- memory ------------------------------------------------------------------------------------


def test_an_events_move_lasts_and_the_band_widens_in_silence(timeline_of, make_scored, make_event):
    params = TemperatureParams(tone_weight=0.0, event_scale=20.0)  # events only
    event = make_event("SANCTION", -4.0, source="USA", target="BLR")
    tl = timeline_of(
        [make_scored("2024-03-01", PAIR, [0.1], [event]), make_scored("2024-03-29", PAIR, [0.1])],
        freq="D",
        params=params,
    ).set_index("period")
    move = 100 * math.tanh(-4.0 / 20.0)
    for column in ("temperature", "filtered"):  # no decay: the move holds every day
        assert tl[column].to_numpy() == pytest.approx(np.full(len(tl), move), abs=1e-9)
    quiet = tl.loc["2024-03-02":"2024-03-28"]
    assert (quiet["articles"] == 0).all() and quiet["tone"].isna().all()
    assert quiet["filtered_state_sd"].is_monotonic_increasing  # uncertainty grows in silence
    assert tl.loc["2024-03-01", "event_term"] == pytest.approx(-0.2)


def test_between_articles_the_level_holds_not_returns_to_zero(timeline_of, make_scored):
    tl = timeline_of(
        [make_scored("2024-01-05", PAIR, [-0.6, -0.5]), make_scored("2024-06-20", PAIR, [-0.4])],
        freq="D",
    ).set_index("period")
    ends = tl.loc[["2024-01-05", "2024-06-20"], "state"]
    quiet = tl.loc["2024-01-06":"2024-06-19"]
    filtered = tl.loc["2024-01-05":"2024-06-19", "filtered"]
    assert (filtered == filtered.iloc[0]).all()  # the now-value holds until the next article
    assert (quiet["state"] < 0).all()  # never back to neutral between two cold articles
    assert quiet["state"].between(ends.min() - 1e-12, ends.max() + 1e-12).all()
    width = quiet["upper"] - quiet["lower"]
    assert width.max() > width.iloc[0]  # widest in the middle of the silence


def test_the_level_before_start_is_carried_in(db, add_articles, make_scored, make_event):
    event = make_event("SANCTION", -4.0, source="USA", target="BLR")
    add_articles(db, [make_scored("2024-01-15", PAIR, [-0.3], [event])])
    with Store(db) as store:
        tl = compute_timeline(store, PAIR, start=date(2024, 3, 1), end=date(2024, 4, 30))
        full = compute_timeline(store, PAIR, end=date(2024, 4, 30)).set_index("period")
    assert tl["period"].tolist() == ["2024-03", "2024-04"]
    assert (tl["events"] == 0).all() and (tl["articles"] == 0).all()
    assert (tl["events_score"] == 0).all()
    january = float(full.loc["2024-01", "temperature"])
    assert tl["temperature"].to_numpy() == pytest.approx(np.full(2, january), abs=1e-9)
    assert tl["temperature"].iloc[0] < 0
    assert tl["upper"].iloc[1] - tl["lower"].iloc[1] > tl["upper"].iloc[0] - tl["lower"].iloc[0]


# -- pairs and directions ----------------------------------------------------------------------


def _mixed(make_scored, make_event):
    return [
        make_scored(
            "2024-01-03",
            PAIR,
            [0.5, 0.3],
            [make_event("SUPPORT", 3.5, source="USA", target="BLR")],
            source="USA",
            target="BLR",
        ),
        make_scored(
            "2024-01-20",
            PAIR,
            [-0.6],
            [make_event("ACCUSE", -2.0, source="BLR", target="USA")],
            source="BLR",
            target="USA",
        ),
        make_scored("2024-02-11", PAIR, [0.1], [make_event("CONSULT", 1.0)]),
    ]


def test_swapping_pair_order_changes_nothing(db, add_articles, make_scored, make_event):
    add_articles(db, _mixed(make_scored, make_event))
    with Store(db) as store:
        for freq in FREQS:
            ab = compute_timeline(store, ("USA", "BLR"), freq=freq)
            ba = compute_timeline(store, ("BLR", "USA"), freq=freq)
            text = compute_timeline(store, "usa-blr", freq=freq)
            pd.testing.assert_frame_equal(ab, ba)
            pd.testing.assert_frame_equal(ab, text)
            assert set(ab["pair"]) == {"BLR-USA"}
        directed = compute_timeline(store, ("BLR", "USA"), direction=("USA", "BLR"))
        directed_text = compute_timeline(store, ("USA", "BLR"), direction="USA>BLR")
        pd.testing.assert_frame_equal(directed, directed_text)


def test_directed_series_use_only_their_direction(db, add_articles, make_scored, make_event):
    add_articles(db, _mixed(make_scored, make_event))
    with Store(db) as store:
        both = compute_timeline(store, PAIR).set_index("period")
        us = compute_timeline(store, PAIR, direction=("USA", "BLR")).set_index("period")
        by = compute_timeline(store, PAIR, direction=("BLR", "USA")).set_index("period")
        with pytest.raises(UsageError):
            compute_timeline(store, PAIR, direction=("USA", "RUS"))
    assert set(us["direction"]) == {"USA>BLR"} and set(both["direction"]) == {""}
    assert us.loc["2024-01", "tone"] == pytest.approx(0.4)
    assert by.loc["2024-01", "tone"] == pytest.approx(-0.6)
    assert both.loc["2024-01", "tone"] == pytest.approx((0.4 - 0.6) / 2)  # includes directed
    assert us.loc["2024-01", "temperature"] > 0 > by.loc["2024-01", "temperature"]
    assert both.loc["2024-02", "articles"] == 1  # the undirected article
    assert us.index.tolist() == ["2024-01"]  # USA>BLR has no data after January


# -- explanations ------------------------------------------------------------------------------


@pytest.mark.parametrize("freq", list(FREQS))
@pytest.mark.parametrize("direction", [None, ("USA", "BLR")])
def test_explain_contributions_sum_to_the_value(
    db, add_articles, make_scored, make_event, freq, direction
):
    items = [
        *_mixed(make_scored, make_event),
        make_scored(
            "2024-01-03",
            PAIR,
            [0.5, 0.3],
            [make_event("SUPPORT", 3.5, source="USA", target="BLR")],
            source="USA",
            target="BLR",
            variant="copy",
        ),
        make_scored(
            "2024-02-12",
            PAIR,
            [-0.2, 0.9],
            [
                make_event("SANCTION", -4.0, mode="hypothetical", source="USA", target="BLR"),
                make_event("AID", 7.0, mode="negated", source="USA", target="BLR"),
            ],
            source="USA",
            target="BLR",
        ),
    ]
    add_articles(db, items)
    with Store(db) as store:
        tl = compute_timeline(store, PAIR, freq=freq, direction=direction)
        assert len(tl) > 1
        for _, row in tl.iterrows():
            ex = explain(store, PAIR, row["period"], freq=freq, direction=direction)
            assert ex.value == row["temperature"]
            assert list(ex.contributions.columns) == list(CONTRIBUTION_COLUMNS)
            assert ex.contributions["contribution"].sum() == pytest.approx(ex.value, abs=1e-9)
            kinds = set(ex.contributions["kind"])
            if row["events_score"] != 0 and row["events"] == 0:
                assert kinds == {"memory"}


def test_explain_names_sentences_events_and_memory(db, add_articles, make_scored, make_event):
    add_articles(db, _mixed(make_scored, make_event))
    with Store(db) as store:
        ex = explain(store, ("BLR", "USA"), "2024-02")
        with pytest.raises(UsageError):
            explain(store, PAIR, "1999-01")
    parts = ex.contributions
    assert {"tone", "event", "memory"} <= set(parts["kind"])
    event = parts[parts["kind"] == "event"].iloc[0]
    assert event["category"] == "CONSULT" and event["title"]
    assert event["text"].startswith("BLR and USA on 2024-02-11")
    memory = parts[parts["kind"] == "memory"]
    assert set(memory["category"].dropna()) == {"SUPPORT", "ACCUSE"}
    assert memory["category"].isna().any()  # earlier days' tone, one row


# -- periods, band, edges ----------------------------------------------------------------------


def test_period_labels_for_d_w_m(timeline_of, make_scored):
    items = [make_scored("2024-01-03", PAIR, [0.2]), make_scored("2024-02-14", PAIR, [0.1])]
    tl = timeline_of(items, freq="M")
    assert tl["period"].tolist() == ["2024-01", "2024-02"]
    assert tl["period_start"].tolist() == [date(2024, 1, 1), date(2024, 2, 1)]
    assert tl["as_of"].tolist() == [date(2024, 1, 31), date(2024, 2, 14)]


def test_empty_store_and_unknown_pair_give_empty_frames(db, add_articles, make_scored):
    with Store(db) as store:
        empty = compute_timeline(store, PAIR)
        assert list(empty.columns) == list(TIMELINE_COLUMNS) and empty.empty
        assert compute_timelines(store, [PAIR, ("USA", "RUS")]).empty
        assert turning_points(empty, store, PAIR).empty
    add_articles(db, [make_scored("2024-01-03", PAIR, [0.2])])
    with Store(db) as store:
        unknown = compute_timeline(store, ("FRA", "DEU"), freq="W")
        assert list(unknown.columns) == list(TIMELINE_COLUMNS) and unknown.empty
        with pytest.raises(UsageError):
            compute_timeline(store, PAIR, freq="Y")


def test_one_article_gives_a_wide_band_not_zero(timeline_of, make_scored):
    row = timeline_of([make_scored("2024-01-03", PAIR, [0.3])]).iloc[0]
    assert row["lower"] < row["temperature"] < row["upper"]
    assert row["upper"] - row["lower"] > 50


def test_compute_timelines_stacks_pairs(db, add_articles, make_scored):
    add_articles(
        db,
        [make_scored("2024-01-03", PAIR, [0.2]), make_scored("2024-03-03", ("RUS", "USA"), [-0.5])],
    )
    with Store(db) as store:
        both = compute_timelines(store, [PAIR, "USA-RUS"], freq="M")
    assert both.groupby("pair").size().to_dict() == {"BLR-USA": 1, "RUS-USA": 1}


def test_sql_and_pandas_weight_events_alike(db, add_articles, make_scored, make_event):
    modes = ["asserted", "hypothetical", "negated", "historical", "asserted"]
    items = [
        make_scored(
            f"2024-01-{1 + i % 3:02d}",
            PAIR,
            [0.1],
            [make_event("SANCTION", -4.0 - i, mode=modes[i % 5], source="USA", target="BLR")],
            texts=[f"s{i}"],
        )
        for i in range(12)
    ]
    add_articles(db, items)
    params = TemperatureParams(hypothetical_weight=0.5, negated_weight=-0.1)
    with Store(db) as store:
        sql = store.timeline_event_impulses(PAIR, params.mode_weights)
        keys = store.timeline_event_days(PAIR)
    pandas = daily_impulses(keys, params)
    assert len(sql) == 3
    for column in ("impulse", "impulse_sq", "events", "reports"):
        assert sql[column].to_numpy(float) == pytest.approx(pandas[column].to_numpy(float))


class FrameSource:
    """A second TimelineSource: the store's frames fetched once and served from memory, as a
    cache or a remote store would. Nothing in tracker.index may need more than the protocol."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.calls: dict[tuple, pd.DataFrame] = {}

    def _cached(self, name: str, *args, **kwargs) -> pd.DataFrame:
        key = (name, repr(args), repr(sorted(kwargs.items())))
        if key not in self.calls:
            self.calls[key] = getattr(self._store, name)(*args, **kwargs)
        return self.calls[key].copy()

    def timeline_tone_days(self, pair, **kwargs):
        return self._cached("timeline_tone_days", pair, **kwargs)

    def timeline_event_impulses(self, pair, mode_weights, **kwargs):
        return self._cached("timeline_event_impulses", pair, mode_weights, **kwargs)

    def timeline_event_days(self, pair, **kwargs):
        return self._cached("timeline_event_days", pair, **kwargs)

    def timeline_sentences(self, pair, **kwargs):
        return self._cached("timeline_sentences", pair, **kwargs)

    def timeline_events(self, pair, **kwargs):
        return self._cached("timeline_events", pair, **kwargs)


def test_the_store_read_side_is_a_declared_seam(db, add_articles, make_scored, make_event):
    from tracker.index.timeline import TimelineSource

    add_articles(db, _mixed(make_scored, make_event))
    with Store(db) as store:
        assert isinstance(store, TimelineSource)
        source = FrameSource(store)
        assert isinstance(source, TimelineSource)
        for freq in FREQS:
            pd.testing.assert_frame_equal(
                compute_timeline(source, PAIR, freq=freq), compute_timeline(store, PAIR, freq=freq)
            )
        period = compute_timeline(store, PAIR)["period"].iloc[0]
        got = explain(source, PAIR, period)
        want = explain(store, PAIR, period)
        assert got.value == pytest.approx(want.value, abs=1e-12)
        pd.testing.assert_frame_equal(got.contributions, want.contributions)
        assert source.calls  # everything it needed went through the protocol

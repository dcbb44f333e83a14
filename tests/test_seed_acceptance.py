"""The seed article (../shared/seed/README.md) reads, sentence by sentence, as an analyst
reads it: one test per line of the README. Scored on its publication date, 2025-08-15."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tracker.coding.score import score_article
from tracker.models import Article, DateSource, Event, Mode, article_id

SHARED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "seed_article.txt"
COPY = Path(__file__).parent / "data" / "seed_article_original.txt"  # byte for byte
A, H = Mode.ASSERTED, Mode.HYPOTHETICAL
MUTUAL_KINDS = {"CONSULT", "AGREE", "COOPERATE"}


@pytest.fixture(scope="module")
def events() -> list[Event]:
    text = (SHARED if SHARED.is_file() else COPY).read_text(encoding="utf-8")
    article = Article(article_id(text), "seed", "", text, date(2025, 8, 15), DateSource.CALLER)
    return list(score_article(article).events)


def where(events: list[Event], phrase: str) -> list[Event]:
    return [e for e in events if phrase in e.text]


def show(events: list[Event]) -> list[tuple[object, ...]]:
    return [(e.source, e.target, e.category, e.mode.value, e.trigger, e.text[:50]) for e in events]


def test_the_copy_is_the_seed_byte_for_byte() -> None:
    if not SHARED.is_file():
        pytest.skip(f"{SHARED} not present")
    assert COPY.read_bytes() == SHARED.read_bytes()


def test_praise_and_call_are_asserted_usa_to_belarus(events) -> None:
    first = where(events, "has praised Belarusian President")
    assert ("USA", "BLR", "SUPPORT", A) in [(e.source, e.target, e.category, e.mode) for e in first]
    calls = [e for e in first if e.category == "CONSULT"]
    assert calls and all(e.mode is A for e in calls), show(first)
    assert all((e.source, e.target) in {("USA", "BLR"), (None, None)} for e in calls)


def test_release_of_16_is_an_asserted_cooperative_act_of_belarus(events) -> None:
    release = [e for e in where(events, "16 political prisoners") if e.source == "BLR"]
    assert any(e.target == "USA" and e.mode is A and e.quad_class == 2 for e in release), show(
        where(events, "16 political prisoners")
    )


def test_release_of_1300_more_is_hypothetical(events) -> None:
    more = where(events, "1,300")
    assert any(
        (e.source, e.target, e.category, e.mode) == ("BLR", "USA", "RETREAT", H) for e in more
    ), show(more)
    assert not [e for e in more if e.category == "RETREAT" and e.mode is A], show(more)


def test_putins_forthcoming_visit_is_a_future_meeting_not_an_asserted_one(events) -> None:
    visit = [e for e in where(events, "forthcoming visit") if e.pair == ("RUS", "USA")]
    assert [e for e in visit if e.category == "CONSULT" and e.mode is H], show(visit)
    asserted = [e for e in events if e.pair == ("RUS", "USA") and e.mode is A]
    assert not asserted, show(asserted)


def test_future_meetings_with_lukashenko_are_hypothetical(events) -> None:
    future = [
        e for e in where(events, "future meetings with Lukashenko") if e.category == "CONSULT"
    ]
    assert future and all(e.mode is H and e.pair == ("BLR", "USA") for e in future), show(future)


def test_urging_ukraine_is_usa_to_ukraine_and_nothing_for_usa_russia(events) -> None:
    urged = where(events, "previously urged Ukraine")
    assert ("USA", "UKR", "REQUEST", A) in [(e.source, e.target, e.category, e.mode) for e in urged]
    assert not [e for e in urged if e.pair == ("RUS", "USA")], show(urged)


@pytest.mark.parametrize("phrase", ["2020 presidential elections", "sanctions imposed on"])
def test_background_is_not_an_event_of_the_day(events, phrase) -> None:
    assert not [e for e in where(events, phrase) if e.mode is A], show(where(events, phrase))


@pytest.mark.parametrize(
    "phrase", ["geopolitical ramifications", "may hinge on", "closely monitoring"]
)
def test_commentary_asserts_nothing(events, phrase) -> None:
    assert not [e for e in where(events, phrase) if e.mode is A], show(where(events, phrase))


def test_every_event_names_source_and_target_or_is_mutual(events) -> None:
    assert events
    for e in events:
        assert (e.source and e.target) or e.category in MUTUAL_KINDS, show([e])

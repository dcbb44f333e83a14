"""A leader named by rank alone as a speaker (tracker/coding/rank_mentions.py)."""

from __future__ import annotations

from datetime import date

from event_helpers import pairs_by_sentence, sentence_events

from tracker.coding.actors import default_matcher
from tracker.coding.rank_mentions import RANK, with_rank_speakers

ON = date(2025, 9, 17)


def _ranks(texts: list[str]) -> list[list[tuple[str, str]]]:
    found = [default_matcher().find(t, ON) for t in texts]
    return [
        [(m.code, m.surface) for m in ms if m.kind == RANK]
        for ms in with_rank_speakers(texts, found)
    ]


def test_the_president_who_speaks_is_the_president_named_before() -> None:
    texts = [
        "Belarusian President Alexander Lukashenko met ideological activists on Tuesday.",
        "Nevertheless, the President noted, the Polish side found a pretext to close the border.",
    ]
    assert _ranks(texts) == [[], [("BLR", "President")]]
    assert pairs_by_sentence(" ".join(texts)).get(1) == {("BLR", "POL")}


def test_a_rank_is_no_one_when_two_states_presidents_were_named() -> None:
    texts = [
        "President Donald Trump met President Vladimir Putin in Alaska.",
        "The president said the Polish side had closed the border.",
    ]
    assert _ranks(texts) == [[], []]


def test_a_rank_that_does_not_speak_is_left_alone() -> None:
    texts = [
        "Belarusian President Alexander Lukashenko met ideological activists on Tuesday.",
        "The President signed a decree on the Polish border.",
    ]
    assert _ranks(texts) == [[], []]


def test_a_rank_with_no_titled_leader_before_is_no_one() -> None:
    assert _ranks(["The minister said Poland had closed the border."]) == [[]]


def test_a_state_body_named_alone_is_the_state_whose_body_was_named_before() -> None:
    texts = [
        "Belarus is massing troops on the border, Ukraine's Foreign Ministry warned.",
        "On Monday, the Foreign Ministry warned Belarus not to make tragic mistakes.",
    ]
    assert _ranks(texts) == [[], [("UKR", "Foreign Ministry")]]
    assert ("THREATEN", "UKR", "BLR", "asserted") in sentence_events(" ".join(texts))


def test_a_body_of_two_states_named_before_is_no_one() -> None:
    texts = [
        "The Russian Foreign Ministry and Ukraine's Foreign Ministry traded accusations.",
        "The Foreign Ministry said Poland had closed the border.",
    ]
    assert _ranks(texts) == [[], []]


def test_a_body_with_its_owner_after_it_is_not_read_back() -> None:
    texts = [
        "Ukraine's Foreign Ministry warned Belarus.",
        "The Foreign Ministry of Poland said Belarus had closed the border.",
    ]
    assert _ranks(texts)[1] == []

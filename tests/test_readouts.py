"""Readouts: a quotation's speaker named by rank, and "your President" as the state addressed
(tracker/coding/readouts.py). The texts are written for these tests in the style of a
presidential readout; none is taken from an article or an evaluation set."""

from __future__ import annotations

from datetime import date

import pytest
from event_helpers import sentence_events as _events

from tracker.coding.readouts import ADDRESSEE, rank_speaker, rank_titles, with_second_person
from tracker.models import Mention

VISIT = (
    "Belarusian President Aleksandr Lukashenko met with U.S. President's representative"
    " John Coale in Minsk.\n\n"
)


def test_the_head_of_state_is_the_titled_leader_and_your_president_the_visitor() -> None:
    text = VISIT + '"I want to thank your President for his efforts," the head of state said.'
    assert ("SUPPORT", "BLR", "USA", "asserted") in _events(text, date(2025, 9, 11))


def test_a_quotation_right_after_an_attributed_one_keeps_its_speaker() -> None:
    text = VISIT + (
        '"We are glad to see you," the head of state said. "I am grateful to your country'
        ' for its efforts. We value them."'
    )
    assert ("SUPPORT", "BLR", "USA", "asserted") in _events(text, date(2025, 9, 11))


def test_a_colon_quotation_is_the_subject_s() -> None:
    text = (
        "Aleksandr Lukashenko stressed the role of the United States in the talks:"
        ' "I am grateful to your President for this work."'
    )
    assert ("SUPPORT", "BLR", "USA", "asserted") in _events(text, date(2025, 9, 11))


def test_two_presidents_leave_the_president_unknown() -> None:
    text = (
        "President Donald Trump met President Vladimir Putin in Alaska.\n\n"
        '"I am grateful to your country for this meeting," the president said.'
    )
    assert not {e for e in _events(text, date(2025, 8, 15)) if e[0] == "SUPPORT"}


def test_an_organisation_s_meeting_is_no_meeting_of_the_speaker() -> None:
    text = (
        "Aleksandr Lukashenko spoke about the United States:"
        ' "You know the recent SCO meeting discussed this, as I see it."'
    )
    assert not {e for e in _events(text, date(2025, 9, 11)) if e[0] == "CONSULT"}


def _leader(code: str, text: str, surface: str) -> Mention:
    start = text.index(surface)
    return Mention(code, start, start + len(surface), surface, "leader")


HOST = "Belarusian President Aleksandr Lukashenko met envoy John Coale."


@pytest.mark.parametrize(
    "first, who, expected",
    [
        (HOST, "the head of state", "BLR"),
        (HOST, "the president", "BLR"),
        (HOST, "the minister", None),
        (HOST, "the envoy", None),
        ("President Aleksandr Lukashenko met President Donald Trump.", "the president", None),
        ("Aleksandr Lukashenko met John Coale.", "the head of state", None),
    ],
)
def test_rank_speaker_needs_the_title_and_one_state(first, who, expected) -> None:
    leaders = [
        ("BLR", "Aleksandr Lukashenko"),
        ("USA", "John Coale"),
        ("USA", "Donald Trump"),
    ]
    mentions = [_leader(c, first, s) for c, s in leaders if s in first]
    texts = [first, '"We are glad," ' + who + " said."]
    assert rank_speaker(who, texts, [mentions, []], 1) == expected


def test_second_person_names_the_nearest_other_state_inside_a_quotation_only() -> None:
    texts = [
        "Lukashenko met Coale.",
        '"Your country and your people are welcome, and you know it," he said. Your side left.',
    ]
    mentions = [
        [_leader("BLR", texts[0], "Lukashenko"), _leader("USA", texts[0], "Coale")],
        [],
    ]
    quote_end = texts[1].index('," he said')
    found = with_second_person(texts, mentions, {1: ("BLR", 1, quote_end)})[1]
    assert [(m.code, m.surface, m.kind) for m in found] == [
        ("USA", "Your country", ADDRESSEE),
        ("USA", "your people", ADDRESSEE),
    ]  # the nearest other state; not bare "you", nor "Your side" outside the quotation
    assert mentions[1] == []  # the input is not modified


@pytest.mark.parametrize(
    "before, titled",
    [
        ("Belarusian President Aleksandr ", True),
        ("the President of Belarus, Aleksandr ", True),
        ("President Trump's envoy ", False),  # the envoy is no president
        ("U.S. President's representative John ", False),
        ("the president met with envoy John ", False),
    ],
)
def test_a_title_stands_right_before_the_name(before, titled) -> None:
    assert bool(rank_titles()["president"].search(before)) is titled

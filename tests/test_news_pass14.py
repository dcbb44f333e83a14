"""Rules from the thirteenth reading of real news copy (issue 13; docs/tone_and_events.md
N326-). The sentences are written for these tests in the style of the copy that showed
each error; none is taken from an article or an evaluation set.
"""

from __future__ import annotations

from datetime import date

import pytest
from event_helpers import sentence_events as _events

BIDEN_YEAR = date(2021, 6, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Biden said Moscow would pay a heavy price for its meddling.",
            ("THREATEN", "USA", "RUS"),
        ),
        (
            "Biden said Russia would face severe consequences if it moved against Ukraine.",
            ("THREATEN", "USA", "RUS"),
        ),
        (
            "Russia will face swift consequences if it escalates, Blinken said on Tuesday.",
            ("THREATEN", "USA", "RUS"),
        ),
        (
            "Lavrov said Washington would pay a price for arming Kyiv.",
            ("THREATEN", "RUS", "USA"),
        ),
    ],
)
def test_a_speaker_who_says_a_state_will_pay_or_face_consequences_threatens_it(
    text, expected
) -> None:
    assert (*expected, "asserted") in _events(text, BIDEN_YEAR)


@pytest.mark.parametrize(
    "text",
    [
        "Russia faces the consequences of its war against Ukraine.",  # no one threatens
        "Biden said Russia would not face consequences.",
    ],
)
def test_consequences_no_one_promises_are_no_threat(text) -> None:
    assert not {e for e in _events(text, BIDEN_YEAR) if e[0] == "THREATEN"}


def test_the_year_of_a_reason_gerund_does_not_date_the_threat() -> None:
    found = _events("Biden said Putin would pay a price for meddling in the 2020 vote.", BIDEN_YEAR)
    assert ("THREATEN", "USA", "RUS", "asserted") in found


@pytest.mark.parametrize(
    "text",
    [
        "Belarus ordered the United States to reduce its embassy staff in Minsk.",
        "Minsk told Washington to close its consulate.",
    ],
)
def test_ordering_a_state_to_cut_its_mission_is_the_orderers_sanction(text) -> None:
    found = _events(text)
    assert ("SANCTION", "BLR", "USA", "asserted") in found
    assert ("SANCTION", "USA", "BLR", "asserted") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Russian and U.S. negotiators were due to meet again in Riyadh.",
        "Rubio and Lavrov are scheduled to meet in Kuala Lumpur.",
    ],
)
def test_a_meeting_due_or_scheduled_is_future(text) -> None:
    found = _events(text)
    assert ("CONSULT", None, None, "hypothetical") in found
    assert ("CONSULT", None, None, "asserted") not in found


def test_what_a_state_is_blamed_for_is_alleged_not_its_act() -> None:
    found = _events("Moscow blamed Washington for reneging on its commitments.")
    assert ("ACCUSE", "RUS", "USA", "asserted") in found
    assert not {e for e in found if e[0] == "REJECT"}


def test_a_second_judged_gerund_after_and_is_alleged_too() -> None:
    found = _events(
        "Washington condemned Belarus for diverting a passenger jet to Minsk and detaining "
        "a journalist who was on board."
    )
    assert ("ACCUSE", "USA", "BLR", "asserted") in found
    assert not {e for e in found if e[0] == "COERCE"}


def test_what_a_coming_meeting_will_be_declares_no_intent() -> None:
    found = _events(
        "It will be the third meeting of the Turkish president with Mitsotakis this year."
    )
    assert {("CONSULT", "hypothetical")} == {(e[0], e[3]) for e in found}  # (mutual kind)
    assert not {e for e in found if e[0] == "AGREE"}


def test_a_denial_of_a_fact_with_no_claimant_is_no_rejection_of_those_inside_it() -> None:
    found = _events("Tehran denied that Iran had delivered the missiles to Russia.")
    assert not {e for e in found if e[0] == "REJECT"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Georgia's foreign minister welcomed Russia's decision to lift the visa regime.",
            ("SUPPORT", "GEO", "RUS"),
        ),
        (
            "Lukashenko said Washington would remove Minsk from the list of state sponsors of "
            "terrorism.",
            ("AGREE", "USA", "BLR"),
        ),
        (
            "In a call with Lavrov, Rubio conveyed concern over the detention of a U.S. reporter.",
            ("ACCUSE", "USA", "RUS"),
        ),
        (
            "Erdogan said Turkey would mount a ground operation into northern Syria.",
            ("THREATEN", "TUR", "SYR"),
        ),
    ],
)
def test_acts_the_thirteenth_reading_found_unnamed(text, expected) -> None:
    assert (*expected, "asserted") in _events(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "Georgia's foreign minister welcomed Russia's decision to lift the visa regime.",
            "CONSULT",
        ),
        (
            "Wagner fighters could pose as asylum seekers to cross from Belarus into Lithuania.",
            "AID",
        ),
        (
            "Dozens of Georgians gathered outside the foreign ministry building to protest "
            "against Russia's decision.",
            "ACCUSE",
        ),
    ],
)
def test_words_that_only_look_like_acts(text, category) -> None:
    assert not {e for e in _events(text) if e[0] == category}


def test_a_request_across_an_aside_governs_its_act() -> None:
    found = _events(
        "Rubio urged his Russian counterpart, in a rare phone call, to release a detained American."
    )
    assert ("RETREAT", "RUS", "USA", "hypothetical") in found
    assert ("RETREAT", "RUS", "USA", "asserted") not in found

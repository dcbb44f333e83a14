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

"""Rules from the second batch of the eleventh reading of real news copy (issue 13;
docs/tone_and_events.md N288-N295). The sentences are written for these tests in the style
of the copy that showed each error; none is taken from an article or an evaluation set.
"""

from __future__ import annotations

import pytest
from event_helpers import sentence_events as _events
from event_helpers import sentence_pairs


def _categories(text: str, pair: tuple[str, str]) -> set[str]:
    found = sentence_pairs(text).get(pair)
    return {e.category for e in found.events} if found else set()


def test_co_subjects_of_a_mutual_act_reported_by_a_third_state_are_a_pair() -> None:
    text = "After the meeting, Witkoff said that Russia and Ukraine had agreed on a prisoner swap."
    assert "AGREE" in _categories(text, ("RUS", "UKR"))
    drills = (
        'Warsaw shut its border with Belarus amid the exercise "Zapad-2025" conducted by Russia'
    )
    assert "COOPERATE" in _categories(drills + " and Belarus.", ("BLR", "RUS"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Islamabad said India carried out strikes inside Pakistan.", ("ASSAULT", "IND", "PAK")),
        ("Warsaw shuttered all border checkpoints with Belarus.", ("SANCTION", "POL", "BLR")),
    ],
)
def test_strikes_inside_a_state_and_shuttered_crossings(text, expected) -> None:
    assert (*expected, "asserted") in _events(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Washington let buyers purchase sanctioned Russian oil stranded at sea.", "SANCTION"),
        (
            "I started a relationship with Lukashenko and we brought back the last American held"
            " there.",
            "SUPPORT",
        ),
        ("Speaking to CNBC on Monday, Witkoff said Russian officials denied it.", "CONSULT"),
        (
            "Cuba's deputy foreign minister described the U.S. move as a brutal assault against"
            " a peaceful nation.",
            "ASSAULT",
        ),
    ],
)
def test_words_that_only_look_like_acts(text, category) -> None:
    assert category not in {e[0] for e in _events(text)}


def test_releasing_a_woman_or_two_americans_is_a_release() -> None:
    assert ("RETREAT", "BLR", "USA", "asserted") in _events(
        'Rubio announced that Belarus had "unilaterally" released an American woman from detention.'
    )
    assert not _events("Belarus released a statement on the American proposal.")


def test_a_leader_s_he_in_what_he_said_is_his_state() -> None:
    text = (
        "US President Donald Trump on Wednesday said that he and Russian President Vladimir Putin"
        " have agreed to begin negotiations on ending Ukraine war."
    )
    assert "AGREE" in _categories(text, ("RUS", "USA"))
    assert not _categories(text, ("RUS", "UKR"))
    assert _categories("Trump, who met Putin, said he would visit Moscow.", ("RUS", "USA"))


def test_the_held_person_not_the_place_is_the_subject_of_an_agentless_release() -> None:
    assert ("RETREAT", "BLR", "USA", "asserted") in _events(
        "An American citizen detained in Belarus has been released, according to Rubio."
    )
    assert ("COERCE", "RUS", "USA", "asserted") in _events(
        "Americans in Russia were detained last week."
    )

"""tracker.coding.events: joint acts are cooperation between their participants; a state
that reacts to them after a comma is no target of the exercise."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.coding.score import score_article
from tracker.evaluate.pipeline import sentence_article


def _events(text: str) -> set[tuple[str, str | None, str | None, tuple[str, str]]]:
    scored = score_article(sentence_article("t", text, date(2025, 11, 5)))
    return {(e.category, e.source, e.target, e.pair) for e in scored.events}


@pytest.mark.parametrize(
    ("text", "partners", "third"),
    [
        (
            "Russia and Belarus began joint military drills on Friday, prompting Poland to close"
            " its border.",
            ("BLR", "RUS"),
            "POL",
        ),
        (
            "China and Russia held joint naval exercises in the Sea of Japan, prompting Tokyo to"
            " express concern.",
            ("CHN", "RUS"),
            "JPN",
        ),
        (
            "Russia and Belarus held joint drills, a move condemned by Poland.",
            ("BLR", "RUS"),
            "POL",
        ),
    ],
)
def test_joint_drills_and_a_third_states_reaction(text, partners, third) -> None:
    """Before, the drills were MOBILIZE toward the state that reacted, and the partners had
    no dyad of their own."""
    events = _events(text)
    assert ("COOPERATE", None, None, partners) in events, events
    assert not [e for e in events if e[0] == "MOBILIZE" and e[2] == third], events


def test_a_joint_exercise_named_with_its_participants_is_theirs() -> None:
    """ "Poland condemned the joint Russian-Belarusian exercises": Poland accuses them; the
    exercises are not Poland's (it had been Poland MOBILIZE toward Belarus and Russia)."""
    events = _events("Poland condemned the joint Russian-Belarusian Zapad exercises.")
    assert ("COOPERATE", None, None, ("BLR", "RUS")) in events, events
    assert ("ACCUSE", "POL", "RUS", ("POL", "RUS")) in events, events
    assert not [e for e in events if e[0] == "MOBILIZE"], events


def test_joint_drills_near_a_border_stay_a_posture_toward_it() -> None:
    events = _events("Russia and Belarus held joint drills near the Polish border.")
    assert ("MOBILIZE", "RUS", "POL", ("POL", "RUS")) in events, events
    assert ("COOPERATE", None, None, ("BLR", "RUS")) in events, events


def test_joint_exercises_with_the_state_an_act_went_to_are_cooperation() -> None:
    events = _events("Russia had moved large numbers of troops into Belarus for joint exercises.")
    assert ("COOPERATE", None, None, ("BLR", "RUS")) in events, events


def test_states_that_blame_each_other_each_accuse_the_other() -> None:
    """ "Kyiv and Moscow blamed each other" had no event (a hostile act of a coordinated
    subject goes each way only when its rule says so, or when "each other" says it)."""
    events = _events("Kyiv and Moscow blamed each other for the attack on the nuclear plant.")
    assert {
        ("ACCUSE", "UKR", "RUS", ("RUS", "UKR")),
        ("ACCUSE", "RUS", "UKR", ("RUS", "UKR")),
    } <= events


@pytest.mark.parametrize(
    "text",
    [
        # an unspecified act ("any attack") is not the subject's: no Russian attack on Belarus
        "Putin said Russia would respond to any attack on Belarus with all means.",
        # hosting weapons is no meeting
        "Minsk hosts Russian nuclear arms.",
        # "The visit" is an earlier sentence's meeting, not this sentence's pair's
        "The visit comes weeks after Washington eased some sanctions on Belarus.",
    ],
)
def test_no_event_for_a_pair_that_is_not_the_act_s(text) -> None:
    events = _events(text)
    assert not [e for e in events if e[0] in {"ASSAULT", "CONSULT"}], events

"""Rules from a fifth reading of real news copy (issue 13; docs/tone_and_events.md N125-).
The sentences are written for these tests in the style of the copy that showed each error;
none is taken from an article or an evaluation set.
"""

from __future__ import annotations

import pytest
from event_helpers import sentence_events as _events
from event_helpers import sentence_pairs as _pairs


@pytest.mark.parametrize(
    "text",
    [
        # a wish's content is hypothetical, but what "since" dates happened
        "Hosting Putin gives the Kremlin the standing it has sought since Russia's invasion of"
        " Ukraine three years ago.",
        # negation frames the meeting, not the invasion
        "Putin and Trump have not met in person since Russia's invasion of Ukraine.",
    ],
)
def test_what_since_dates_happened_whatever_frames_its_clause(text) -> None:
    assert ("ASSAULT", "RUS", "UKR", "historical") in _events(text)


@pytest.mark.parametrize(
    "text",
    [
        "The EU imposed new sanctions on Russia and Belarus.",
        "Exports to Russia and Belarus fell sharply last year.",
        "The group threatened to strike against Russia and Belarus.",
    ],
)
def test_states_after_one_directed_preposition_are_co_targets_not_partners(text) -> None:
    assert ("BLR", "RUS") not in _pairs(text)


def test_a_list_of_states_that_ends_the_sentence_after_a_dash_is_no_pair() -> None:
    text = (
        "The ministry counted observers from 23 countries, including two other NATO"
        " members \u2014 Turkey and Hungary."
    )
    assert ("HUN", "TUR") not in _pairs(text)


@pytest.mark.parametrize(
    "text",
    [
        "The treaty was signed by Russia and Belarus.",  # joint agents
        "Russia and Belarus: talks resume in Minsk.",  # a first clause is no list
        "The two neighbours \u2014 Russia and Belarus \u2014 signed a treaty.",  # an aside
    ],
)
def test_a_lone_coordinated_group_of_joint_actors_stays_a_pair(text) -> None:
    assert ("BLR", "RUS") in _pairs(text)


@pytest.mark.parametrize(
    "text",
    [
        "The two sides held consultations on Ukraine, the first US-Russia engagement on Ukraine"
        " in months.",
        "Russia and the United States agreed to a summit on Ukraine.",
    ],
)
def test_the_state_a_meeting_is_on_is_its_topic(text) -> None:
    pairs = _pairs(text)
    assert ("RUS", "USA") in pairs
    assert not any("UKR" in pair for pair in pairs), pairs


def test_speaking_on_the_phone_is_a_consultation() -> None:
    events = _events("Trump and Lukashenko spoke on the phone on Tuesday.")
    assert any(cat == "CONSULT" and mode == "asserted" for cat, _, _, mode in events), events


@pytest.mark.parametrize(
    "text",
    [
        "Russia and Belarus began the Zapad-2025 exercise on Friday.",
        "Russia and Belarus started their drills on Friday.",
    ],
)
def test_exercises_held_together_without_military_before_them_are_cooperation(text) -> None:
    events = _events(text)
    assert any(cat == "COOPERATE" for cat, _, _, _ in events), events


@pytest.mark.parametrize(
    "text",
    [
        "Russia urged Poland to exercise restraint.",
        "The United States will exercise its right to respond to Russia.",
    ],
)
def test_the_verb_exercise_is_no_drill(text) -> None:
    assert not any(cat in ("MOBILIZE", "COOPERATE") for cat, _, _, _ in _events(text))


def test_drills_of_two_states_lend_no_target_named_in_another_clause() -> None:
    text = (
        "Russia and Belarus held military exercises on Friday, two days after Poland shot"
        " down Russian drones."
    )
    events = _events(text)
    assert any(cat == "COOPERATE" for cat, _, _, _ in events), events
    assert not any(cat == "MOBILIZE" for cat, _, _, _ in events), events

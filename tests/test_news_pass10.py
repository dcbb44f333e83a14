"""Rules from the third batch of the tenth reading of real news copy (issue 13;
docs/tone_and_events.md N262-N273). The sentences are written for these tests in the style
of the copy that showed each error; none is taken from an article or an evaluation set.
"""

from __future__ import annotations

import pytest
from event_helpers import pairs_by_sentence
from event_helpers import sentence_events as _events


def test_flights_to_a_list_of_states_pair_none_of_them() -> None:
    assert (
        pairs_by_sentence(
            "The license does not permit flights to Cuba, Iran, North Korea, Russia or Syria."
        )
        == {}
    )


def test_conceding_uncertainty_is_an_admission_and_concessions_stay_concessions() -> None:
    assert not _events("Trump conceded uncertainty over whether the sanctions would move Russia.")
    assert ("CONCEDE", "UKR", "RUS", "hypothetical") in _events(
        "For Putin, it is an opportunity to secure concessions that could cement Russia's gains"
        " in Ukraine."
    )


def test_what_should_be_done_with_no_speaker_after_the_comma_is_no_one_s_demand() -> None:
    assert not _events(
        "Vilnius should focus on pragmatic interests rather than politicizing Belarusian"
        " fertilizer transit, the official added."
    )


def test_in_early_2022_dates_the_act() -> None:
    assert ("SANCTION", "LTU", "BLR", "historical") in _events(
        "Lithuania banned the transit of Belarusian fertilizers in early 2022."
    )


def test_an_offer_not_responded_to_was_made() -> None:
    assert ("AGREE", "RUS", "USA", "asserted") in _events(
        "Lavrov said that even though the U.S. hasn't responded to Putin's offer, Russia will"
        " respect the caps."
    )


def test_drills_carried_out_by_two_states_are_not_the_closer_s() -> None:
    events = _events(
        "Poland closed its border crossings with Belarus in connection with the Zapad military"
        " drills carried out jointly by Minsk and Moscow."
    )
    assert ("SANCTION", "POL", "BLR", "asserted") in events
    assert not {e for e in events if e[0] == "MOBILIZE" and e[1] == "POL"}


def test_what_an_air_strike_killed_is_the_strike_s() -> None:
    events = _events(
        "Russia launched 120 missiles in a massive combined air strike on Ukraine's energy"
        " infrastructure that killed at least seven people, Ukrainian authorities said."
    )
    assert ("ASSAULT", "RUS", "UKR", "asserted") in events
    assert not {e for e in events if e[0] == "ASSAULT" and e[1] == "UKR"}


def test_offensives_are_attacks() -> None:
    assert ("ASSAULT", "PAK", "IND", "asserted") in _events(
        "The Pakistani offensives came in response to India's launch of Operation Sindoor."
    )


def test_a_trip_to_a_state_by_an_envoy_is_a_visit() -> None:
    assert ("CONSULT", "USA", "BLR", "asserted") in _events(
        "The release followed a trip to Belarus by U.S. presidential envoy Keith Kellogg."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Trump began a trip to Asia on Monday, leaving Russia's offer unanswered.",
        "Trump's visit to the Middle East angered Iran.",
    ],
)
def test_a_visit_to_a_place_that_is_no_state_visits_no_state(text) -> None:
    assert not {e for e in _events(text) if e[0] == "CONSULT"}


@pytest.mark.parametrize(
    "text",
    [
        "Trilateral talks between Russia, the United States and Ukraine opened in Abu Dhabi.",
        "Trilateral talks between Russia, the United States, and Ukraine opened in Abu Dhabi.",
    ],
)
def test_a_list_with_the_before_a_name_is_one_group(text) -> None:
    """ ", the United States," is the list's next state, no description of Russia."""
    assert set(pairs_by_sentence(text)[0]) == {("RUS", "UKR"), ("RUS", "USA"), ("UKR", "USA")}
    assert ("CONSULT", None, None, "asserted") in _events(text)


def test_a_strategy_to_potentially_ease_sanctions_eases_none() -> None:
    assert not {e for e in _events(
        "Opposition figures suggested that Lukashenko's move is a strategy to re-engage with"
        " Washington and potentially ease sanctions.") if e[3] == "asserted"}  # fmt: skip


def test_a_named_person_with_a_nationality_who_was_arrested_is_the_target() -> None:
    """ "Marc Fogel, an American teacher, was arrested in Moscow": the American is arrested."""
    events = _events("Marc Fogel, an American teacher, was arrested in Moscow on Friday.")
    assert ("COERCE", "RUS", "USA", "asserted") in events
    assert not {e for e in events if e[1] == "USA"}

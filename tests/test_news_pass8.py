"""Rules from a ninth reading of real news copy (issue 13; docs/tone_and_events.md N195-).
The sentences are written for these tests in the style of the copy that showed each error;
none is taken from an article or an evaluation set.
"""

from __future__ import annotations

import pytest
from event_helpers import pairs_by_sentence
from event_helpers import sentence_events as _events


@pytest.mark.parametrize(
    "text, event",
    [
        ("Rubio's Minsk visit won praise at home.", ("CONSULT", "USA", "BLR", "asserted")),
        ("Lavrov's first U.S. visit angered Kyiv.", ("CONSULT", "RUS", "USA", "asserted")),
        (
            "After Witkoff's recent Moscow visit, the Kremlin sounded upbeat.",
            ("CONSULT", "USA", "RUS", "asserted"),
        ),
    ],
)
def test_a_possessor_visits_the_place_that_modifies_the_visit(text, event) -> None:
    """In "<possessor>'s <place> visit" the possessor travels and the place is visited."""
    assert event in _events(text)


def test_a_place_alone_before_a_visit_is_still_its_only_party() -> None:
    assert ("CONSULT", "USA", "BLR", "asserted") in _events(
        "The U.S. delegation's visit to Minsk lasted two days."
    )


@pytest.mark.parametrize(
    "text, event",
    [
        (
            'Trump has called Lukashenko a "truly respected" statesman.',
            ("SUPPORT", "USA", "BLR", "asserted"),
        ),
        (
            "Lavrov described Washington as a reliable partner.",
            ("SUPPORT", "RUS", "USA", "asserted"),
        ),
        ("Lukashenko called Trump a wise man.", ("SUPPORT", "BLR", "USA", "asserted")),
    ],
)
def test_calling_a_leader_something_good_is_praise(text, event) -> None:
    assert event in _events(text)


def test_what_a_state_calls_something_is_not_praise() -> None:
    assert not {e for e in _events("Minsk released what Washington called a wise gesture.")
                if e[0] == "SUPPORT"}  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "When Rubio was asked what guarantees Moscow wants to see, he gave no answer.",
        "Witkoff asked Putin whether Russia was ready to talk.",
        "Lukashenko asked Coale how Washington planned to ease sanctions.",
    ],
)
def test_asking_a_question_with_a_later_to_is_no_request(text) -> None:
    assert not {e for e in _events(text) if e[0] == "REQUEST"}


def test_asking_to_with_a_question_word_later_is_still_a_request() -> None:
    assert ("REQUEST", "BLR", "USA", "asserted") in _events(
        "Minsk asked Washington to explain what the sanctions were for."
    )


@pytest.mark.parametrize(
    "text, event",
    [
        (
            "Peskov did not comment on Witkoff's Moscow visit.",
            ("CONSULT", "USA", "RUS", "asserted"),
        ),
        (
            "The Kremlin has not commented on the new U.S. sanctions against Russia.",
            ("SANCTION", "USA", "RUS", "asserted"),
        ),
    ],
)
def test_a_negated_comment_does_not_negate_what_it_is_about(text, event) -> None:
    assert event in _events(text)


def test_a_negation_of_its_own_after_the_comment_still_negates() -> None:
    events = _events("Peskov commented that there had been no talks with Washington.")
    assert not {e for e in events if e[0] == "CONSULT" and e[3] == "asserted"}


def test_the_sides_name_the_pair_before() -> None:
    text = (
        "Lukashenko hosted U.S. envoy John Coale in Minsk on Friday.\n\n"
        "The sides discussed further releases."
    )
    assert ("BLR", "USA") in pairs_by_sentence(text).get(1, set())


def test_both_parties_in_washington_are_no_pair() -> None:
    """The parties of "both parties" / "the two parties" are as often Democrats and Republicans."""
    text = (
        "Trump met Putin in Helsinki on Monday.\n\n"
        "His remarks drew criticism from lawmakers of both parties."
    )
    assert 1 not in pairs_by_sentence(text)


@pytest.mark.parametrize(
    "text",
    [
        "Belarus remains under Western and U.S. sanctions.",
        "Moscow, which is under heavy U.S. sanctions, sent a delegation to Geneva.",
        "Belarus has been under U.S. sanctions since 2021.",
    ],
)
def test_being_under_sanctions_is_a_state_not_an_act(text) -> None:
    assert not {e for e in _events(text) if e[0] == "SANCTION"}


@pytest.mark.parametrize(
    "text",
    [
        "Belarus came under U.S. sanctions on Friday.",
        "Washington placed Russia under new sanctions on Friday.",
        "Washington imposed sanctions under a new law on Russia.",
    ],
)
def test_coming_or_being_placed_under_sanctions_is_still_sanctioning(text) -> None:
    assert {e for e in _events(text) if e[0] == "SANCTION" and e[3] == "asserted"}


@pytest.mark.parametrize(
    "text",
    [
        "The expected meeting between Lavrov and Rubio comes amid tension.",
        "Lukashenko addressed the possibility of meeting with Trump.",
        "Washington is frustrated by Moscow's delay in holding talks with Kyiv.",
        "Minsk showed reluctance to hold talks with Washington.",
    ],
)
def test_expected_possible_or_delayed_meetings_are_not_held(text) -> None:
    assert not {e for e in _events(text) if e[0] == "CONSULT" and e[3] == "asserted"}


def test_what_a_state_resists_is_the_other_state_s_act() -> None:
    events = _events("Ukraine's resistance to the Russian invasion has lasted for years.")
    assert ("ASSAULT", "RUS", "UKR", "asserted") in events
    assert not {e for e in events if e[0] == "ASSAULT" and e[1] == "UKR"}


def test_a_call_between_two_is_a_consultation() -> None:
    events = _events("The plan stalled after a call between Rubio and Lavrov on Monday.")
    assert {e[0] for e in events if e[3] == "asserted"} == {"CONSULT"}  # (mutual: no direction)


def test_he_after_a_state_s_act_is_the_person_that_sentence_names() -> None:
    text = (
        "On Friday, Minsk freed 20 prisoners after an appeal from Trump. He had urged"
        " Lukashenko, who has ruled since 1994, to free hundreds more."
    )
    assert {e[:3] for e in _events(text) if e[0] == "REQUEST"} == {("REQUEST", "USA", "BLR")}


def test_delegations_from_three_states_are_the_subject_not_a_list() -> None:
    text = "Delegations from Russia, Ukraine and the United States met in Abu Dhabi on Friday."
    assert {p for ps in pairs_by_sentence(text).values() for p in ps} == {
        ("RUS", "UKR"),
        ("RUS", "USA"),
        ("UKR", "USA"),
    }


def test_a_list_of_three_after_another_noun_stays_a_list() -> None:
    assert not pairs_by_sentence("The study compares the economies of Russia, Belarus and Poland.")


@pytest.mark.parametrize(
    "text, event",
    [
        (
            "Jane Doe, a senior U.S. diplomat, met with Lukashenko in Minsk on Monday.",
            ("CONSULT", "USA", "BLR", "asserted"),
        ),
        (
            "John Roe, Russian deputy foreign minister, criticised Washington on Monday.",
            ("ACCUSE", "RUS", "USA", "asserted"),
        ),
    ],
)
def test_an_unknown_person_s_appositive_gives_their_state(text, event) -> None:
    assert event in _events(text)


def test_lukashenka_in_lacinka_is_lukashenko() -> None:
    assert ("CONSULT", "BLR", "USA", "asserted") in _events("Łukašenka met the U.S. envoy.")


@pytest.mark.parametrize(
    "text",
    [
        "Rubio declined to say whether he had spoken with Lavrov about Russia.",
        "Russia refused to comment on the U.S. proposal.",
    ],
)
def test_declining_to_say_is_no_rejection(text) -> None:
    assert not {e for e in _events(text) if e[0] == "REJECT"}


def test_a_protester_named_is_no_protest() -> None:
    text = (
        "The report described how Jones took the released journalist Ivan Ivanou, protester"
        " Olga Petrova and unnamed US citizen out of Belarus."
    )
    assert not {e for e in _events(text) if e[0] == "PROTEST"}


@pytest.mark.parametrize(
    "text, pair",
    [
        ("Washington is mending its frozen relations with Russia's closest ally.", None),
        ("Trump criticised Moscow's ally Tehran on Monday.", ("IRN", "USA")),
    ],
)
def test_a_state_s_ally_is_not_that_state(text, pair) -> None:
    pairs = {p for ps in pairs_by_sentence(text).values() for p in ps}
    assert pairs == ({pair} if pair else set())


def test_being_disappointed_with_a_leader_is_criticism_of_him() -> None:
    assert ("ACCUSE", "USA", "RUS", "asserted") in _events(
        "Trump said he is disappointed with Putin."
    )


@pytest.mark.parametrize(
    "text",
    [
        "U.S. officers observed the joint drills Zapad-2025 between Russia and Belarus.",
        "A U.S. military attache attended the Zapad 2025 military exercise in Belarus.",
    ],
)
def test_observing_exercises_is_no_force_posture_of_the_observer(text) -> None:
    assert not {e for e in _events(text) if e[0] == "MOBILIZE" and e[1] == "USA"}


def test_exercises_between_two_states_named_by_name_are_theirs_together() -> None:
    events = _events(
        "U.S. officers observed the joint drills Zapad-2025 between Russia and Belarus."
    )
    assert ("COOPERATE", None, None, "asserted") in events


@pytest.mark.parametrize("dash", ["-", "–"])
def test_a_compound_s_talks_have_only_its_two_parties(dash) -> None:
    text = f"Peskov, commenting on the U.S.{dash}Ukraine talks in Geneva, said Russia saw no plan."
    assert ("CONSULT", None, None, "asserted") in _events(text)  # the talks' own two sides
    assert not {e for e in _events(text) if e[0] == "CONSULT" and "RUS" in e[1:3]}


def test_an_awaited_visit_is_not_yet_made() -> None:
    events = _events("The Kremlin is expecting a visit to Moscow by U.S. envoy Steve Witkoff.")
    assert not {e for e in events if e[0] == "CONSULT" and e[3] == "asserted"}


def test_a_session_between_two_leaders_is_their_consultation() -> None:
    events = _events("The deal followed a late session between Putin and Witkoff.")
    assert {e[0] for e in events if e[3] == "asserted"} == {"CONSULT"}


def test_an_act_under_pressure_is_not_yet_done() -> None:
    text = "Minsk faces U.S. pressure to release political prisoners."
    assert not {e for e in _events(text) if e[0] == "RETREAT" and e[3] == "asserted"}


def test_a_participle_after_a_verb_describes_its_object() -> None:
    events = _events("Witkoff met sanctioned Russian envoy Kirill Dmitriev in Miami.")
    assert not {e for e in events if e[0] == "SANCTION"}
    assert ("CONSULT", "USA", "RUS", "asserted") in events


@pytest.mark.parametrize(
    "text, event",
    [
        ("The U.S. froze assets and sanctioned Russian banks.", ("SANCTION", "USA", "RUS")),
        (
            "Washington would relax sanctions on Belarusian banks in return.",
            ("AGREE", "USA", "BLR"),
        ),
    ],
)
def test_what_sanctions_hit_is_the_state_s_even_its_banks(text, event) -> None:
    assert event in {e[:3] for e in _events(text)}


@pytest.mark.parametrize(
    "text",
    ["Belarus is under pressure to free more prisoners, Washington said.",
     "Minsk has been under pressure from Washington for months."],
)  # fmt: skip
def test_the_one_under_pressure_is_its_target(text) -> None:
    assert ("REQUEST", "USA", "BLR") in {e[:3] for e in _events(text)}

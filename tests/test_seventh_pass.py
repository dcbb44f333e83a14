"""Rules of the coder's seventh accuracy pass (issue 13; docs/tone_and_events.md 57-)."""

from __future__ import annotations

import pytest
from event_helpers import sentence_events as _events
from event_helpers import sentence_pairs as _pairs


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Lithuania and Poland condemned the deployment.", ("LTU", "POL")),
        ("The U.S. and Britain condemned the attack.", ("GBR", "USA")),
        ("The U.S. and Britain launched strikes against the Houthis.", ("GBR", "USA")),
    ],
)
def test_co_agents_of_an_act_toward_something_else_are_no_pair(text, pair) -> None:
    assert pair not in _pairs(text)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Russia and Belarus signed a deal.", ("BLR", "RUS")),
        ("Kyiv and Moscow blamed each other.", ("RUS", "UKR")),
        ("Xi and Putin hailed a new era of partnership.", ("CHN", "RUS")),
        ("Trump and Putin met in Alaska.", ("RUS", "USA")),
    ],
)
def test_co_agents_acting_together_or_on_each_other_stay_a_pair(text, pair) -> None:
    assert _pairs(text)[pair].events  # type: ignore[attr-defined]


def test_co_agents_keep_their_links_to_the_object_state() -> None:
    pairs = _pairs("The U.S. and Britain condemned Russia's attack on Ukraine.")
    assert ("GBR", "USA") not in pairs
    assert {("GBR", "RUS"), ("RUS", "USA"), ("RUS", "UKR")} <= set(pairs)


@pytest.mark.parametrize(
    ("text", "lost"),
    [
        (
            "The United States imposed sanctions on Belarus, after Minsk forced a Ryanair jet "
            "to land.",
            ("COERCE", "BLR", "USA", "asserted"),
        ),
        (
            "If Russia attacks a NATO member, the United States will defend it.",
            ("AGREE", "USA", "RUS", "asserted"),
        ),
    ],
)
def test_the_only_dyad_lends_no_state_that_acts_in_a_clause_of_its_own(text, lost) -> None:
    assert lost not in _events(text)


def test_the_only_dyad_still_lends_within_one_clause() -> None:
    text = "Trump praised Lukashenko for his part in freeing 16 political prisoners."
    assert ("RETREAT", "BLR", "USA", "asserted") in _events(text)
    assert ("SANCTION", "USA", "BLR", "asserted") in _events(
        "The United States imposed sanctions on Belarus, after Minsk forced a Ryanair jet to land."
    )


def test_the_meeting_of_two_leaders_is_their_pair() -> None:
    assert ("CONSULT", None, None, "asserted") in _events(
        "The meeting of Trump and Putin lasted two hours."
    )


@pytest.mark.parametrize(
    ("text", "asked", "act"),
    [
        (
            "Trump wants Putin to attack Switzerland.",
            ("REQUEST", "USA", "RUS", "asserted"),
            ("ASSAULT", "RUS", "CHE", "hypothetical"),
        ),
        (
            "Washington wants Minsk to free all prisoners.",
            ("REQUEST", "USA", "BLR", "asserted"),
            None,
        ),
    ],
)
def test_wanting_a_state_to_act_is_a_request_of_it(text, asked, act) -> None:
    events = _events(text)
    assert asked in events
    assert act is None or act in events


def test_wanting_to_act_oneself_is_no_request() -> None:
    assert not any(e[0] == "REQUEST" for e in _events("Trump wants to meet Putin."))


def test_a_gap_of_at_least_one_token() -> None:
    from tracker.coding.event_rules import match_slots, parse_pattern

    slots = parse_pattern("want ...+ to")
    assert match_slots(slots, ["wants", "putin", "to", "attack"], 0) == 2
    assert match_slots(slots, ["wants", "to", "meet"], 0) == -1
    assert match_slots(slots, ["wants", ",", "to"], 0) == -1


@pytest.mark.parametrize(
    "text",
    [
        "Zelensky called on Western partners to step up pressure on Moscow.",
        "Zelensky urged allies not to ease sanctions on Russia.",
    ],
)
def test_a_request_to_no_state_is_no_request_of_the_state_after_it(text) -> None:
    assert not any(e[1] == "UKR" for e in _events(text))


def test_a_request_of_a_state_is_still_its_own() -> None:
    assert ("REQUEST", "POL", "BLR", "asserted") in _events(
        "Poland called on the Belarusian authorities to release Andrzej Poczobut."
    )


def test_an_air_force_forces_nothing() -> None:
    events = _events(
        "Ukraine's air force said it shot down 56 of the 83 drones launched by Russia."
    )
    assert ("ASSAULT", "UKR", "RUS", "asserted") in events
    assert not any(e[0] == "COERCE" for e in events)


def test_a_capital_before_based_is_no_party() -> None:
    text = (
        "Russian authorities designated the Washington-based Carnegie Endowment an "
        "undesirable organization."
    )
    assert ("RUS", "USA") not in _pairs(text)


@pytest.mark.parametrize(
    "text",
    [
        "Lukashenko freed 52 prisoners, after talks with a US envoy.",
        "Belarus released 14 prisoners, following a visit by U.S. envoy Keith Kellogg.",
    ],
)
def test_a_circumstance_after_a_comma_links_to_the_subject(text) -> None:
    assert ("RETREAT", "BLR", "USA", "asserted") in _events(text)


def test_a_condemnation_drawn_has_no_modifier_source() -> None:
    events = _events("Russia's invasion of Ukraine drew condemnation.")
    assert not any(e[0] == "ACCUSE" for e in events)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Washington sided with Moscow in the vote.", ("SUPPORT", "USA", "RUS", "asserted")),
        (
            "Tehran retaliated against Israel with a barrage of missiles.",
            ("ASSAULT", "IRN", "ISR", "asserted"),
        ),
        (
            "Israel struck targets in Iran, and Tehran retaliated with missile strikes.",
            ("ASSAULT", "IRN", "ISR", "asserted"),
        ),
        (
            "Washington brokered the deal between Armenia and Azerbaijan.",
            ("CONSULT", "USA", "ARM", "asserted"),
        ),
        (
            "India and Russia agreed to expand trade despite US pressure.",
            ("AGREE", None, None, "asserted"),
        ),
    ],
)
def test_vocabulary_and_responses_of_the_seventh_pass(text, event) -> None:
    assert event in _events(text)


def test_smugglers_are_no_state() -> None:
    assert not _events("Belarus denied the accusations and blamed Lithuanian smugglers.")


def test_despite_names_no_object() -> None:
    assert not any(
        e[2] == "USA"
        for e in _events("India and Russia agreed to expand trade despite US pressure.")
    )


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Lavrov told Rubio that Moscow would respond.", ("CONSULT", "RUS", "USA", "asserted")),
        ("Moscow is ready to continue, Lavrov told Rubio.", ("CONSULT", "RUS", "USA", "asserted")),
        ("Trump told Zelensky to accept the deal.", ("REQUEST", "USA", "UKR", "asserted")),
        (
            "The Chinese side expressed strong dissatisfaction and lodged stern representations "
            "with the US side.",
            ("ACCUSE", "CHN", "USA", "asserted"),
        ),
    ],
)
def test_telling_and_representations(text, event) -> None:
    assert event in _events(text)


@pytest.mark.parametrize(
    "text",
    [
        "Peskov told reporters that Washington must stop arming Kyiv.",
        "Russia will respond, Lavrov told reporters.",
    ],
)
def test_telling_no_state_is_no_conversation(text) -> None:
    assert not any(e[0] == "CONSULT" for e in _events(text))


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "Trump said he had a very good call with Putin and would meet him in Budapest.",
            ("CONSULT", "USA", "RUS", "asserted"),
        ),
        (
            "The United States and Russia held a new round of talks in Istanbul on the "
            "functioning of their embassies.",
            ("CONSULT", None, None, "asserted"),
        ),
        (
            "Russia blocked Ukrainian ports and attacked Odesa.",
            ("ASSAULT", "RUS", "UKR", "asserted"),
        ),
    ],
)
def test_held_calls_rounds_of_talks_and_second_verbs(text, event) -> None:
    assert event in _events(text)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "Russian officials privately expect the United States to ease some sanctions.",
            ("CONCEDE", "USA", "RUS", "hypothetical"),
        ),
        ("Denmark handed over the first F-16 jets to Ukraine.", ("AID", "DNK", "UKR", "asserted")),
        (
            "Kyiv struck back at Moscow with long-range drones.",
            ("ASSAULT", "UKR", "RUS", "asserted"),
        ),
    ],
)
def test_expectations_handed_jets_and_striking_back(text, event) -> None:
    events = _events(text)
    assert event in events
    assert not any(e[0] == "SUPPORT" for e in events)


def test_wanting_things_to_happen_is_no_request() -> None:
    text = (
        'In 2022, the Belarusian government vetoed a resolution backed by the U.S.. "We just '
        'want the trains to run on time and the schools to stay open," a resident of Belarus said.'
    )
    assert not any(e[0] == "REQUEST" for e in _events(text))


def test_a_retaliation_still_lends_the_state_it_answers() -> None:
    text = (
        "President Vladimir Putin said Russia would not expel any American diplomats in "
        "retaliation for the U.S. sanctions, rejecting a proposal from his own foreign minister."
    )
    assert ("SANCTION", "USA", "RUS", "asserted") in _events(text)


def test_a_meeting_after_the_clause_is_still_the_subjects() -> None:
    text = (
        "In recent months, Minsk has freed several groups of prisoners after visits by U.S. envoys."
    )
    assert ("CONSULT", "USA", "BLR", "asserted") in _events(text)

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


def test_kosovo_is_a_state_with_its_leaders() -> None:
    found = _events("Kosovo's prime minister Albin Kurti met Serbian President Aleksandar Vucic.")
    assert ("CONSULT", "XKX", "SRB", "asserted") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "(LONDON and DELHI) -- At least 31 people were killed in Pakistan by Indian "
            "aerial attacks, Pakistani officials said.",
            ("ASSAULT", "IND", "PAK"),
        ),
        (
            "Hours after Trump's remarks, Iran's Islamic Revolutionary Guard Corps (IRGC) sent a "
            "warning to the United States, threatening a harsh response.",
            ("THREATEN", "IRN", "USA"),
        ),
        ("Trump has become increasingly frustrated with Putin.", ("ACCUSE", "USA", "RUS")),
        (
            "A Venezuelan coast guard patrol entered Guyanese waters on Saturday.",
            ("ASSAULT", "VEN", "GUY"),
        ),
        ("The Pakistani army chief called his Indian counterpart.", ("CONSULT", "PAK", "IND")),
        ("Moldova alleged that Russia plans to fund its rivals.", ("ACCUSE", "MDA", "RUS")),
    ],
)
def test_what_the_second_batch_read(text, expected) -> None:
    found = _events(text)
    assert (*expected, "asserted") in found
    assert (expected[0], expected[2], expected[1], "asserted") not in found


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("(LONDON and DELHI) -- Dozens were killed in Pakistan by Indian attacks.", {"GBR", "IND"}),
        ("The lawmaker financed the banned pro-Russian party in Moldova.", {"MDA", "RUS"}),
        ("Kosovar Albanian police officers were attacked by Serb gunmen.", {"ALB", "SRB"}),
    ],
)
def test_no_party_in_a_dateline_a_stance_or_an_ethnic_name(text, pair) -> None:
    assert not {e for e in _events(text) if pair <= {e[1], e[2]}}


def test_a_cabinet_meeting_is_no_meeting_with_the_state_talked_about() -> None:
    found = _events("Trump said during a Cabinet meeting that Putin was not treating people right.")
    assert not {e for e in found if e[0] == "CONSULT"}


def test_co_subjects_with_a_possessive_meet_each_other() -> None:
    found = _events("Rubio and his Russian counterpart will meet in Kuala Lumpur.")
    assert ("AGREE", None, None, "asserted") in found  # a declared intent of both


@pytest.mark.parametrize(
    "text",
    [
        "Moscow invaded Moldova in the early 1990s to protect the Russian population.",
        "Russia invaded Moldova in the 1990s.",
    ],
)
def test_a_decade_is_a_past_year(text) -> None:
    found = _events(text, date(2025, 3, 31))
    assert ("ASSAULT", "RUS", "MDA", "historical") in found


def test_an_alleged_thing_is_no_accusation() -> None:  # (the writer's hedge, not an act)
    found = _events("Moldova says this alleged Russian interference undermines its sovereignty.")
    assert not {e for e in found if e[0] == "ACCUSE"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dozens of missiles were fired from Iran towards Israel overnight.", ("IRN", "ISR")),
        ("Rockets were launched at Kyiv from Belarus, Ukraine said.", ("BLR", "UKR")),
    ],
)
def test_an_attack_launched_from_a_state_is_its(text, expected) -> None:
    found = _events(text)
    assert ("ASSAULT", *expected, "asserted") in found
    assert ("ASSAULT", expected[1], expected[0], "asserted") not in found


def test_what_a_user_of_a_states_territory_sends_is_the_users() -> None:
    found = _events(
        "Minsk allowed the Kremlin to use Belarusian territory to send troops into Ukraine."
    )
    assert not {e for e in found if e[1] == "BLR" and e[2] == "UKR"}

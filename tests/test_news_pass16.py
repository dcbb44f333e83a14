"""Rules from the fourteenth reading of real news copy, its second and third batches
(held-out 153-176; docs/tone_and_events.md N367-). The sentences are written for these tests
in the style of the copy that showed each error, or are the copy's own sentence where only it
shows the error; none is taken from an evaluation set.
"""

from __future__ import annotations

from datetime import date

import pytest
from event_helpers import SENTENCE_DAY, sentence_events, sentence_pairs

PELOSI_DAY = date(2022, 8, 5)


@pytest.mark.parametrize(
    "text",
    [
        "The Chinese Foreign Ministry said it took these actions because Pelosi visited Taiwan.",
        "China ramped up its military action following Pelosi's visit to Taiwan on Tuesday.",
        "Tensions between the U.S. and China rose since Pelosi decided to go ahead with her "
        "trip to Taiwan.",
    ],
)
def test_a_person_who_is_no_actor_is_the_acts_subject_not_another_state(text) -> None:
    found = sentence_events(text, PELOSI_DAY)
    assert not {e for e in found if e[0] == "CONSULT"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a title between a state and its official's name: the state's
            "Nigerian junior foreign minister Dubem Oniya summoned Niger's ambassador.",
            ("ACCUSE", "NGA", "NER"),
        ),
        (  # co-subjects
            "The United States and the European Union imposed sanctions on Belarus.",
            ("SANCTION", "USA", "BLR"),
        ),
        (  # a speaker's clause
            "Osman said the Sudanese government accused Chad of supplying arms.",
            ("ACCUSE", "SDN", "TCD"),
        ),
        (  # a name inside a prepositional phrase
            "Angered by cartoons of the Prophet Mohammed, Iran expelled Denmark's ambassador.",
            ("SANCTION", "IRN", "DNK"),
        ),
    ],
)
def test_names_that_are_no_subject_leave_the_states_acts_alone(text, expected) -> None:
    found = sentence_events(text, date(2021, 6, 1))
    assert (*expected, "asserted") in found


def test_pulling_out_of_a_deal_is_reneging_not_a_withdrawal_of_forces() -> None:
    found = sentence_events(
        "One day earlier, Moscow pulled out of a landmark deal with Ukraine.", date(2023, 7, 18)
    )
    assert ("REJECT", "RUS", "UKR", "asserted") in found
    assert not {e for e in found if e[0] == "RETREAT"}


def test_lifting_export_controls_is_a_concession() -> None:
    found = sentence_events(
        "Japan lifted the export controls on shipments to South Korea.", date(2023, 3, 18)
    )
    assert ("CONCEDE", "JPN", "KOR", "asserted") in found
    assert not {e for e in found if e[0] == "SANCTION"}


def test_avoiding_a_visit_is_no_visit() -> None:
    found = sentence_events("China advised its citizens to avoid visiting Japan.", SENTENCE_DAY)
    assert not {e for e in found if e[0] == "CONSULT" and e[3] != "negated"}


def test_a_verb_after_and_will_is_the_subjects() -> None:
    text = (
        "Mr. Kishida plans to call for the reversal of China‘s ban and will also insist on the "
        "early release of Japanese nationals arrested by Chinese authorities, Japanese media "
        "reported."
    )
    found = sentence_events(text, date(2023, 11, 17))
    assert not {e for e in found if e[0] == "REQUEST" and e[1] == "CHN"}


def test_a_states_airlines_are_no_state_unless_sanctioned() -> None:
    found = sentence_events(
        "Several Chinese airlines offered refunds on tickets to Japan.", SENTENCE_DAY
    )
    assert not found
    assert ("SANCTION", "RUS", "BLR", "asserted") in sentence_events(
        "Russia sanctioned Belarusian airlines.", SENTENCE_DAY
    )


def test_flights_there_and_back_are_no_backing() -> None:
    found = sentence_events(
        "Russian airlines plan seven flights from Moscow to Tbilisi and back each week, "
        "Russia's transport ministry told Georgia.",
        date(2023, 5, 10),
    )
    assert not {e for e in found if e[0] == "SUPPORT"}


def test_an_attack_attributed_to_a_state_is_its_attack() -> None:
    text = (
        "Iran and Saudi Arabia agreed to reopen embassies after years of tensions, including "
        "a devastating attack on the heart of the kingdom's oil production attributed to Tehran."
    )
    found = sentence_events(text, date(2023, 3, 10))
    assert ("ASSAULT", "IRN", "SAU", "asserted") in found
    assert ("ASSAULT", "SAU", "IRN", "asserted") not in found


def test_the_threat_a_state_poses_is_an_assessment_not_a_threat() -> None:
    found = sentence_events(
        "The Saudi crown prince warned of the threats posed by the Iranian regime's missile "
        "programme.",
        date(2021, 1, 6),
    )
    assert not {e for e in found if e[0] == "THREATEN" and e[1] == "IRN"}


def test_an_envoy_set_off_with_his_principal_and_brief_meets_as_his_state() -> None:
    text = (
        "Keith Kellogg, US President Donald Trump’s Special Envoy for Ukraine, met with "
        "self-proclaimed Belarusian president Alexander Lukashenko to seek his support for a "
        "potential peace agreement between Ukraine and Russia, among other things."
    )
    pairs = sentence_pairs(text, date(2025, 6, 21))
    assert ("BLR", "USA") in pairs
    assert ("CONSULT", "USA", "BLR", "asserted") in sentence_events(text, date(2025, 6, 21))


def test_then_names_the_office_held_at_the_time() -> None:
    text = (
        "During a meeting with Lukashenko in 2020, then-Secretary of State Mike Pompeo sought "
        "to weaken his partnership with Kremlin leader Vladimir Putin."
    )
    assert ("BLR", "USA") in sentence_pairs(text, date(2025, 6, 21))
    assert ("BLR", "USA") not in sentence_pairs(
        "Former Secretary of State Mike Pompeo criticised Lukashenko.", date(2025, 6, 21)
    )


def test_a_dateline_dash_that_touches_the_text_is_a_dateline() -> None:
    text = "HANOI, Vietnam–Talks between Trump and Kim Jong Un collapsed earlier today."
    pairs = sentence_pairs(text, date(2019, 2, 28))
    assert ("PRK", "USA") in pairs
    assert not {p for p in pairs if "VNM" in p}


def test_cease_fire_in_two_words_is_a_ceasefire() -> None:
    found = sentence_events(
        "Pakistan and India announced a mutual agreement to cease fire, effective immediately.",
        date(2025, 5, 10),
    )
    assert ("RETREAT", "PAK", "IND", "hypothetical") in found
    assert ("RETREAT", "IND", "PAK", "hypothetical") in found


def test_what_is_yet_to_happen_has_not_happened() -> None:
    found = sentence_events("Lithuania has yet to blame Belarus for the collapse of talks.")
    assert ("ACCUSE", "LTU", "BLR", "negated") in found
    assert ("ACCUSE", "LTU", "BLR", "asserted") not in found


def test_the_content_of_a_deal_is_not_done() -> None:
    found = sentence_events(
        "Earlier in the day, Qatar and Washington's top diplomats said that US and Israeli "
        "negotiators would gather in Doha in the coming days to try to restart talks toward a "
        "deal for a ceasefire and the release of hostages in Gaza.",
        date(2024, 10, 24),
    )
    assert not {e for e in found if e[0] == "RETREAT" and e[3] == "asserted"}


def test_a_former_protectorate_is_not_its_rulers_state() -> None:
    found = sentence_events(
        "The comments come after Ethiopia announced that it may recognize independence claims "
        "put forth by the former British protectorate Somaliland in 1991.",
        date(2024, 1, 21),
    )
    assert not {e for e in found if "GBR" in e[1:3]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "India summoned the deputy high commissioner of Bangladesh Nural Islam on Monday.",
            ("ACCUSE", "IND", "BGD"),
        ),
        (
            "On September 20, Ukraine's Ambassador Vasyl Zvarych was summoned to the Polish "
            "Foreign Ministry over Zelenskyy's statements.",
            ("ACCUSE", "POL", "UKR"),
        ),
    ],
)
def test_a_high_commissioner_or_a_titled_ambassador_is_summoned(text, expected) -> None:
    assert (*expected, "asserted") in sentence_events(text, date(2025, 1, 13))


def test_critical_for_is_no_criticism() -> None:
    text = "Ukraine knows that the Druzhba pipeline is critical for Hungary's energy security."
    assert not sentence_events(text, date(2025, 8, 28))
    assert ("ACCUSE", "HUN", "UKR", "asserted") in sentence_events(
        "Hungary was critical of Ukraine's conduct.", date(2025, 8, 28)
    )


def test_withdrawing_from_a_tournament_is_no_retreat() -> None:
    text = (
        "Kabul responded by withdrawing from a planned T20 tri-series with Pakistan and Sri "
        "Lanka set for November."
    )
    assert not {e for e in sentence_events(text, date(2025, 10, 19)) if e[0] == "RETREAT"}


def test_a_caller_who_calls_a_titled_counterpart_congratulates_him() -> None:
    found = sentence_events(
        "On October 7, Aliyev called the Russian president to congratulate him on his "
        "birthday, but before that, they last spoke in March.",
        date(2025, 10, 9),
    )
    assert ("SUPPORT", "AZE", "RUS", "asserted") in found
    assert ("SUPPORT", "RUS", "AZE", "asserted") not in found


def test_relief_from_a_state_is_that_states_concession() -> None:
    found = sentence_events(
        "Belarus has freed 123 prisoners in exchange for sanctions relief from the United States.",
        date(2025, 12, 13),
    )
    assert ("CONCEDE", "USA", "BLR", "asserted") in found
    assert ("CONCEDE", "BLR", "USA", "asserted") not in found


def test_the_ally_of_a_titled_leader_is_not_the_leaders_state() -> None:
    text = (
        "The prisoner release was by far the biggest by Lukashenko since the Trump "
        "administration opened talks this year with the close ally of Russian President "
        "Vladimir Putin."
    )
    assert ("RUS", "USA") not in sentence_pairs(text, date(2025, 12, 13))

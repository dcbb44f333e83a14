"""Rules from the twelfth reading of real news copy (issue 13; docs/tone_and_events.md
N299-). The sentences are written for these tests in the style of the copy that showed
each error; none is taken from an article or an evaluation set.
"""

from __future__ import annotations

import pytest
from event_helpers import sentence_events as _events
from event_helpers import sentence_pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kyiv said it repelled an attack by Russia overnight.", ("ASSAULT", "RUS", "UKR")),
        ("Latvia reported an incursion by Russian drones.", ("ASSAULT", "RUS", "LVA")),
        (
            "Vilnius recorded a violation of its airspace by a Belarusian helicopter.",
            ("ASSAULT", "BLR", "LTU"),
        ),
    ],
)
def test_a_hostile_act_by_someone_is_theirs_whoever_saw_or_suffered_it(text, expected) -> None:
    found = _events(text)
    assert (*expected, "asserted") in found
    assert (expected[0], expected[2], expected[1], "asserted") not in found


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. president announced new deliveries of weapons to Ukraine.",
        "The Pentagon resumed arms shipments to Kyiv.",
    ],
)
def test_weapons_deliveries_and_shipments_are_aid(text) -> None:
    assert ("AID", "USA", "UKR", "asserted") in _events(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Pentagon paused some weapons shipments to Kyiv.", ("SANCTION", "USA", "UKR")),
        ("Moscow halted gas deliveries to Warsaw.", ("SANCTION", "RUS", "POL")),
    ],
)
def test_halted_deliveries_are_no_aid(text, expected) -> None:
    found = _events(text)
    assert (*expected, "asserted") in found
    assert not any(e[0] == "AID" for e in found)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Beijing denied allegations that it had passed intelligence to Tehran.", {"CHN", "IRN"}),
        ("Moscow rejected claims that it sent weapons to Pyongyang.", {"RUS", "PRK"}),
        ("Minsk denied supplying fuel to Moscow's forces.", {"BLR", "RUS"}),
    ],
)
def test_a_denied_claim_is_no_rejection_of_the_states_inside_it(text, pair) -> None:
    found = _events(text)
    assert not any(e[0] == "REJECT" and {e[1], e[2]} == pair for e in found)
    assert not any(e[3] == "asserted" and {e[1], e[2]} == pair for e in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscow rejected the accusations of the Estonian authorities.", ("RUS", "EST")),
        ("The Kremlin denied the allegations made by Lithuania.", ("RUS", "LTU")),
        ("Kyiv rejected holding any talks with Moscow.", ("UKR", "RUS")),
    ],
)
def test_a_rejection_of_someones_claims_or_of_talks_is_toward_them(text, expected) -> None:
    assert ("REJECT", *expected, "asserted") in _events(text)


@pytest.mark.parametrize(
    "text",
    [
        "Minsk offered to free a Lithuanian blogger jailed on false charges.",
        "Minsk is ready to release a Lithuanian blogger jailed on false charges.",
        "Vilnius denied that Minsk offered to free a Lithuanian blogger jailed on false charges.",
    ],
)
def test_an_offer_to_release_someone_jailed_is_no_threat(text) -> None:
    found = _events(text)
    assert not any(e[0] == "THREATEN" for e in found)
    if not text.startswith("Vilnius"):
        assert ("AGREE", "BLR", "LTU", "asserted") in found


# -- first batch of the twelfth reading (held-out 99-104) ----------------------------------


def test_a_currency_is_no_state() -> None:
    found = _events("Moscow bestowed a US$1.5 billion loan on Minsk on Monday.")
    assert ("AID", "RUS", "BLR", "asserted") in found
    assert not any("USA" in (e[1], e[2]) for e in found)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Ties between Moscow and Washington improved after Trump retook office.", "ASSAULT"),
        ("Talks between Moscow and Kyiv in Istanbul yielded an agreement on prisoners.", "CONCEDE"),
        ("Lithuania said the Belarusian guards moved back into Belarus after warnings.", "SUPPORT"),
        ("Belarusian officers wearing riot gear crossed Lithuania's border.", "PROTEST"),
        ("The U.S. official declined to characterize Lavrov's reply to Rubio.", "REJECT"),
        ("The U.S. sanctioned Belarusians for their role in attacks on democracy.", "ASSAULT"),
        ("Moscow often singles out Warsaw as a particular threat.", "THREATEN"),
        ("Minsk expelled Riga's envoy after a hockey game hosted in Latvia.", "CONSULT"),
        ("Manila said Chinese ships blocked two Philippine supply ships carrying food.", "AID"),
    ],
)
def test_words_that_only_look_like_acts_in_wire_copy(text, category) -> None:
    assert category not in {e[0] for e in _events(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kyiv and the West say Moscow began an unprovoked war on Ukraine.", ("ASSAULT", "RUS")),
        ("Warsaw closed one of its three existing border crossings with Belarus.", ("SANCTION",)),
        (
            "Minsk ordered Latvian Ambassador to Belarus Einars Semanis and other diplomats to"
            " leave the country.",
            ("SANCTION", "BLR", "LVA"),
        ),
        ("Trump has been reaching out to Putin directly.", ("CONSULT", "USA", "RUS")),
    ],
)
def test_acts_in_wire_copy_are_found(text, expected) -> None:
    assert any(e[: len(expected)] == expected and e[3] == "asserted" for e in _events(text))


@pytest.mark.parametrize(
    "text",
    [
        "Russia's invasion of Ukraine has killed thousands of people.",
        "Russia's Feb. 24 invasion of Ukraine has killed thousands of people.",
    ],
)
def test_the_killing_of_an_invasion_is_the_invaders(text) -> None:
    found = _events(text)
    assert not any(e[0] == "ASSAULT" and e[1] == "UKR" for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "Rubio and Lavrov talked briefly in the first talks since Russia's invasion of Ukraine.",
        "Russian and US officials have since met to discuss a range of topics, including the"
        " Russia-Ukraine war.",
    ],
)
def test_co_subjects_who_meet_meet_each_other_only(text) -> None:
    found = _events(text)
    assert any(e[0] == "CONSULT" and {e[1], e[2]} <= {"RUS", "USA", None} for e in found)
    assert not any(e[0] == "CONSULT" and "UKR" in (e[1], e[2]) for e in found)


def test_an_accused_state_is_the_target_of_a_passive_with_no_accuser() -> None:
    found = _events("Lukashenko is accused of rigging the vote, the U.S. said.")
    assert not any(e[0] == "ACCUSE" and e[1] == "BLR" for e in found)


# -- second batch of the twelfth reading (held-out 105-110) --------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin called Trump to congratulate him on his victory.", ("SUPPORT", "RUS", "USA")),
        ("The United States and Canada announced new penalties on Belarus.", ("SANCTION", "USA")),
        (
            "Warsaw reported a violation of Polish airspace by two Belarusian helicopters.",
            ("ASSAULT", "BLR", "POL"),
        ),
        ("Latvia reported an incursion by three Russian drones.", ("ASSAULT", "RUS", "LVA")),
        (
            "The foreign ministers of Saudi Arabia and Iran announced the resumption of"
            " diplomatic ties.",
            ("SUPPORT", "SAU", "IRN"),
        ),
        ("Rwanda and DR Congo inked a peace deal in Washington.", ("SUPPORT", "RWA", "COD")),
        ("Rwanda and DR Congo signed the US-brokered peace agreement.", ("SUPPORT", "COD", "RWA")),
        ("Japan protested China's travel advisory.", ("ACCUSE", "JPN", "CHN")),
        (
            "Bucharest summoned Moscow's envoy over the violation of Romanian airspace by a"
            " Russian drone.",
            ("ASSAULT", "RUS", "ROU"),
        ),
    ],
)
def test_acts_in_the_second_batch_are_found(text, expected) -> None:
    assert any(e[: len(expected)] == expected and e[3] == "asserted" for e in _events(text))


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Putin is not planning to call Trump to congratulate him.", ("SUPPORT", "USA", "RUS")),
        (
            "Putin said Russia should resume making such missiles, after the U.S. brought"
            " similar missiles to Europe.",
            ("REQUEST", "USA", "RUS"),
        ),
        ("Zelensky insisted he respects Trump.", ("REQUEST",)),
        (
            "Russia has used the territory of Belarus as a staging ground to send troops into"
            " Ukraine.",
            ("MOBILIZE", "BLR"),
        ),
        ("England beat Italy on penalties.", ("SANCTION",)),
        (
            "Vilnius shut its border with Minsk after what it called constant violations of its"
            " airspace by hot-air balloons.",
            ("ASSAULT", "LTU"),
        ),
        (
            "Trump called Putin over the buildup of Russian troops surrounding Ukraine.",
            ("MOBILIZE", "USA"),
        ),
    ],
)
def test_what_the_second_batch_misread(text, wrong) -> None:
    assert not any(e[: len(wrong)] == wrong for e in _events(text))


# -- third batch of the twelfth reading (held-out 111-116) ---------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The talks seek the lifting of the sanctions the US has imposed on the Islamic"
            " Republic.",
            ("SANCTION", "USA", "IRN"),
        ),
        ("Manila filed a new diplomatic protest over China's actions.", ("ACCUSE", "PHL", "CHN")),
        ("Minsk protested to Ukraine's ambassador on Thursday.", ("ACCUSE", "BLR", "UKR")),
        ("Russia returned two prisoners to Ukraine.", ("RETREAT", "RUS", "UKR")),
    ],
)
def test_acts_in_the_third_batch_are_found(text, expected) -> None:
    assert any(e[:3] == expected for e in _events(text))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Iran's Araghchi took time out to sign copies of his book at the Muscat fair.", "SUPPORT"),
        (
            "Vilnius distributed video shot from a helicopter as proof that Belarusian guards"
            " escorted migrants to the border.",
            "ASSAULT",
        ),
        ("Lithuanian border guards ordered them to return to Belarus.", "RETREAT"),
        (
            "Beijing calls on Manila to stop its provocations and not to challenge China's firm"
            " resolve to defend our lawful rights.",
            "SUPPORT",
        ),
    ],
)
def test_acts_the_third_batch_misread(text, category) -> None:
    assert category not in {e[0] for e in _events(text)}


@pytest.mark.parametrize(
    ("text", "state"),
    [
        (
            "Minsk said the missile came down some 15km from the border with Ukraine, at around"
            " 10am (3pm Singapore time).",
            "SGP",
        ),
        (
            "Beirut, (APP - UrduPoint / Pakistan Point News - 27th Nov, 2024) Lebanese families"
            " displaced by the war between Israel and Hezbollah began heading home.",
            "PAK",
        ),
    ],
)
def test_a_time_zone_or_a_news_outlet_is_no_party(text, state) -> None:
    assert not any(state in pair for pair in sentence_pairs(text))


# -- fourth batch of the twelfth reading (held-out 117-122) --------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The United States, European Union, Britain and Canada widened sanctions on Minsk.",
            ("SANCTION", "USA", "BLR"),
        ),
        (
            "A Russian court sentenced an American businessman and former U.S. Marine to 16"
            " years in prison.",
            ("COERCE", "RUS", "USA"),
        ),
        ("Washington returned Konstantin Yaroshenko, a Russian pilot, to Moscow.", ("RETREAT",)),
        (
            "Trump on Thursday warned his Russian counterpart, Vladimir Putin, that the US could"
            " impose new sanctions against his country if it takes action against Ukraine.",
            ("SANCTION", "USA", "RUS"),
        ),
        ("Russia launched a new offensive against Ukraine.", ("ASSAULT", "RUS", "UKR")),
    ],
)
def test_acts_in_the_fourth_batch_are_found(text, expected) -> None:
    assert any(e[: len(expected)] == expected for e in _events(text))


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Putin told Trump Moscow would respond if offensive weapons were put near Russia.", ()),
        ("White House officials offered a muted post-call readout of the Trump-Putin call.", ()),
        ("Robert Wood, the US ambassador to disarmament, met Russian diplomats.", ("RETREAT",)),
        ("Fomin said Russian forces would cut back military activity near Kyiv.", ("AGREE",)),
        (
            "Putin signed a defence pact with North Korea's Kim Jong-un, who offered his full"
            " support for the war on Ukraine.",
            ("AGREE", "PRK", "UKR"),
        ),
        (
            "Trump on Thursday warned his Russian counterpart, Vladimir Putin, that the US could"
            " impose new sanctions against his country if it takes action against Ukraine.",
            ("SANCTION", "USA", "UKR"),
        ),
    ],
)
def test_what_the_fourth_batch_misread(text, wrong) -> None:
    found = _events(text)
    if not wrong:  # no act at all: an adjective, a readout
        assert not any(e[0] in ("ASSAULT", "AGREE") for e in found)
    else:
        assert not any(e[: len(wrong)] == wrong for e in found)


def test_an_airline_named_after_a_state_is_no_party() -> None:
    text = "Airlines including KLM, Air France and British Airways refused to fly over Belarus."
    assert not any("FRA" in pair for pair in sentence_pairs(text))

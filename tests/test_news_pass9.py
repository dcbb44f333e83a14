"""Rules from a tenth reading of real news copy (issue 13; docs/tone_and_events.md N225-N261).
The sentences are written for these tests in the style of the copy that showed each error;
none is taken from an article or an evaluation set.
"""

from __future__ import annotations

import pytest
from event_helpers import pairs_by_sentence
from event_helpers import sentence_events as _events


@pytest.mark.parametrize(
    "text, events",
    [
        (
            "Lukashenko will release the prisoners and the United States will ease sanctions"
            " on Belarus.",
            {("AGREE", "BLR", "USA", "asserted"), ("AGREE", "USA", "BLR", "asserted")},
        ),
        (
            "Moscow will return the captured soldiers to Kyiv, and Kyiv will hand over the bodies"
            " to Russia.",
            {("AGREE", "RUS", "UKR", "asserted"), ("AGREE", "UKR", "RUS", "asserted")},
        ),
    ],
)
def test_a_promise_each_way_is_two_agreements(text, events) -> None:
    assert events <= _events(text)


def test_agreeing_with_a_state_to_extend_a_treaty_is_one_agreement() -> None:
    agreements = {e for e in _events("Trump agreed with Putin to extend the treaty.")
                  if e[0] == "AGREE"}  # fmt: skip
    assert len(agreements) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Moscow will return the captured soldiers to Kyiv.",
        "Kyiv demanded news of its detained citizens from Russia.",
        "The expelled diplomats left Minsk for Vilnius on Friday.",
    ],
)
def test_a_participle_before_its_noun_is_no_act_of_the_day(text) -> None:
    """ "the captured soldiers": a state of the soldiers, not a capture (nor a threat)."""
    assert not {e for e in _events(text) if e[0] in ("COERCE", "THREATEN", "REDUCE")}


def test_a_participle_before_the_freed_is_still_part_of_the_release() -> None:
    assert ("RETREAT", "RUS", "UKR", "asserted") in _events(
        "Russia freed the detained Ukrainian journalists on Friday."
    )


def test_returning_prisoners_is_a_release() -> None:
    assert ("AGREE", "RUS", "UKR", "asserted") in _events(
        "Moscow will return 84 Ukrainian soldiers to Kyiv next week."
    )


def test_talks_with_two_states_are_no_talks_between_them() -> None:
    """ "after the talks with Ukraine and Russia": both are the talks' other side."""
    events = _events(
        "The White House said in separate statements after the talks with Ukraine and Russia"
        " that progress was made."
    )
    assert ("CONSULT", "USA", "UKR", "asserted") in events
    assert ("CONSULT", "USA", "RUS", "asserted") in events
    assert not {e for e in events if {e[1], e[2]} <= {"UKR", "RUS", None}}


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv said Moscow had sent 400 drones and 18 missiles across the country overnight.",
        "Russia sent 120 drones at Ukraine overnight.",
    ],
)
def test_drones_sent_across_a_country_are_an_attack(text) -> None:
    events = _events(text)
    assert ("ASSAULT", "RUS", "UKR", "asserted") in events
    assert not {e for e in events if e[0] == "AID"}


def test_missiles_sent_to_a_state_are_still_aid() -> None:
    assert ("AID", "USA", "UKR", "asserted") in _events(
        "Washington sent drones and missiles to Kyiv at a difficult moment."
    )


@pytest.mark.parametrize("verb", ["stressed", "noted", "emphasised", "insisted"])
def test_a_quotation_stressed_by_a_leader_is_his(verb) -> None:
    """ "'We ...,' Putin stressed": the verb attributes the quotation as "said" does, so
    "we" is Russia and the quotation is a Russian-U.S. sentence."""
    text = f"“We will respond to the actions of the United States,” Putin {verb}."
    assert pairs_by_sentence(text) == {0: {("RUS", "USA")}}


def test_moscow_struck_a_state_with_a_missile_is_an_attack() -> None:
    assert ("ASSAULT", "RUS", "UKR", "asserted") in _events(
        "Putin confirmed in an address that Moscow had struck Ukraine with a medium-range"
        " ballistic missile."
    )


def test_another_state_s_foreign_office_is_that_state_s() -> None:
    """ "Germany's foreign office" is Germany's, not Britain's Foreign Office."""
    assert not {e for e in _events("Germany’s foreign office said Belarus had pardoned him.")
                if "GBR" in e[1:3]}  # fmt: skip
    assert pairs_by_sentence("The German Foreign Office summoned the Russian ambassador.") == {
        0: {("DEU", "RUS")}
    }


@pytest.mark.parametrize(
    "text",
    [
        "The Kremlin said an American arrested in Moscow was charged with spying.",
        "Russia freed Marc Fogel, an American detained in Moscow since 2021.",
    ],
)
def test_a_demonym_before_a_participle_is_the_person_it_happened_to(text) -> None:
    """ "an American detained in Moscow": the American is detained, not detaining."""
    events = _events(text)
    assert not {e for e in events if e[0] == "COERCE" and e[1] == "USA"}
    assert ("COERCE", "RUS", "USA") in {e[:3] for e in events}


def test_an_attack_s_effect_is_the_attack_s_not_the_speaker_s() -> None:
    """ "Ukraine said the shelling of Kharkiv by Russian forces killed three": Russia's."""
    events = _events("Ukraine said the shelling of Kharkiv by Russian forces killed three.")
    assert ("ASSAULT", "RUS", "UKR", "asserted") in events
    assert ("ASSAULT", "UKR", "RUS", "asserted") not in events


@pytest.mark.parametrize(
    "text",
    [
        "Russia's Defence Ministry says an attack began Tuesday, with Ukrainian forces pushing"
        " toward Sudzha.",
        "Kyiv said a massive attack on Odesa killed two people on Friday, Russia denied it.",
    ],
)
def test_an_attack_a_state_reports_is_not_the_state_s(text) -> None:
    assert not {e for e in _events(text) if e[0] == "ASSAULT"}


def test_what_a_leader_made_no_reference_to_is_not_negated_nor_his() -> None:
    assert not _events(
        "Zelensky made no reference to the attack, while urging Kyiv's soldiers to weaken"
        " Russian forces."
    )


def test_a_state_s_own_sanctions_in_what_it_says_stay_its_own() -> None:
    assert ("SANCTION", "RUS", "USA") in {
        e[:3]
        for e in _events(
            "The Russian Foreign Ministry said the sanctions were a response to US sanctions"
            " against Russia in recent weeks."
        )
    }


def test_a_participle_s_act_toward_the_other_side_keeps_it() -> None:
    """ ", rejecting his claim that Moscow's army ...": Moscow is what the claim is about;
    the rejection is still the Kremlin's, of Trump."""
    assert ("REJECT", "RUS", "USA", "asserted") in _events(
        "The Kremlin fired back at Trump's latest swipe at Russia, rejecting his claim that"
        " Moscow's army is weak."
    )


@pytest.mark.parametrize(
    "text, event",
    [
        (
            "The deal gives Trump the ability to negotiate with Russia on a stronger basis.",
            ("CONSULT", "USA", "RUS", "hypothetical"),
        ),
        (
            "The new law limits Trump's ability to lift sanctions on Russia.",
            ("CONCEDE", "USA", "RUS", "hypothetical"),
        ),
    ],
)
def test_an_ability_to_act_is_no_act(text, event) -> None:
    assert event in _events(text)


def test_a_year_in_a_since_clause_does_not_date_the_talks_after_it() -> None:
    events = _events(
        "Ukraine and Russia agreed on the largest exchange since the war began in February"
        " 2022, officials confirmed following peace talks hosted by Turkey."
    )
    assert ("CONSULT", None, None, "asserted") in events


def test_an_exchange_agreed_on_is_the_agreement_s_content() -> None:
    events = _events("Moscow and Kyiv agreed on the largest-ever exchange of prisoners of war.")
    assert ("AGREE", None, None, "asserted") in events
    assert not {e for e in events if e[0] == "RETREAT" and e[3] == "asserted"}


@pytest.mark.parametrize(
    "text, event",
    [
        (
            "Belarusian diplomats keep in touch with the U.S. Embassy in Minsk.",
            ("CONSULT", "BLR", "USA", "asserted"),
        ),
        (
            "Lavrov said Moscow remains in contact with Washington.",
            ("CONSULT", "RUS", "USA", "asserted"),
        ),
    ],
)
def test_being_in_touch_with_a_state_is_consultation(text, event) -> None:
    assert event in _events(text)


def test_coming_into_contact_with_troops_is_no_consultation() -> None:
    assert not _events("Russian troops came into contact with Ukrainian forces.")


def test_meetings_of_a_state_s_officials_with_a_person_are_no_meeting_with_a_state() -> None:
    """ "the meetings of U.S. officials with Tikhanovskaya": the other side is a person;
    the Belarusian who comments on them is no party (nor is a topic "related to" them)."""
    assert not _events(
        "Belarus commented on reports related to the meetings of senior officials of the U.S."
        " Department of State with Svetlana Tikhanovskaya."
    )
    assert ("CONSULT", "USA", "RUS", "asserted") in _events(
        "The meeting of U.S. officials with Lavrov was productive."
    )


def test_a_nation_s_press_is_no_state() -> None:
    assert pairs_by_sentence(
        "Peskov told the French magazine Le Point that Trump has never given Moscow a deadline."
    ) == {0: {("RUS", "USA")}}


def test_a_withdrawal_of_a_state_s_troops_that_is_necessary_is_theirs_and_not_done() -> None:
    assert ("RETREAT", "UKR", "RUS", "hypothetical") in _events(
        "Peskov stressed that the withdrawal of the Ukrainian military from Russia's regions is"
        " necessary for peace."
    )


def test_alleged_hybrid_attacks_are_the_summons_topic_not_an_attack() -> None:
    events = _events(
        "The German Foreign Ministry summoned the Russian ambassador on Friday over allegations"
        " of repeated Russian hybrid attacks on Germany."
    )
    assert ("ACCUSE", "DEU", "RUS", "asserted") in events
    assert not {e for e in events if e[0] == "ASSAULT"}


def test_a_participle_after_of_before_a_demonym_is_an_adjective() -> None:
    assert not _events(
        "The move followed mounting evidence of coordinated Russian activity aimed at"
        " undermining Germany's stability."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Israel and Iran traded strikes on Friday.",
        "Israel and Iran entered their seventh day of tit-for-tat strikes.",
    ],
)
def test_traded_strikes_are_an_attack_each_way(text) -> None:
    events = _events(text)
    assert {("ASSAULT", "ISR", "IRN", "asserted"), ("ASSAULT", "IRN", "ISR", "asserted")} <= events


def test_fighting_since_a_month_and_year_is_still_going_on() -> None:
    assert ("ASSAULT", "ISR", "IRN") in {
        e[:3]
        for e in _events("Israel has been fighting Iran since October 2023.")
        if e[3] != "historical"
    }


def test_a_surname_after_after_is_a_person_no_state_is_guessed_for() -> None:
    """ "days after Wang held talks with ... Sullivan": Wang's talks, not Moscow's."""
    assert not _events(
        "The Moscow trip comes days after Wang held talks with U.S. National Security Adviser"
        " Jake Sullivan in Malta."
    )
    assert ("CONSULT", "RUS", "USA", "asserted") in _events(
        "The visit came after Moscow held talks with Washington."
    )


def test_a_ministry_in_a_capital_is_that_state_s_not_a_place() -> None:
    """ "The foreign ministry in Vilnius stated that the Belarusian government ...": a
    Lithuanian statement about Belarus; "a close ally of Russia" is not Russia."""
    assert pairs_by_sentence(
        "The foreign ministry in Vilnius stated that the Belarusian government, a close ally"
        " of Russia, is engaging in coercion and blackmail."
    ) == {0: {("BLR", "LTU")}}


def test_informing_a_state_about_talks_is_consultation() -> None:
    assert ("CONSULT", "RUS", "TUR", "asserted") in _events(
        "Lavrov informed Fidan about the talks with Washington."
    )


def test_a_way_to_unlock_supplies_is_no_supply() -> None:
    assert not {e for e in _events("Ukraine sees the deal as a way to unlock supplies of new"
                                   " U.S. weapons.") if e[3] == "asserted"}  # fmt: skip


def test_on_his_way_to_a_summit_is_no_means_to_an_end() -> None:
    assert ("SUPPORT", "USA", "BLR", "asserted") in _events(
        "Trump said he spoke to Lukashenko on his way to the summit in Alaska to thank him for"
        " releasing prisoners."
    )


def test_a_statement_s_title_names_its_speaker() -> None:
    """ "Statement of the Ministry of Foreign Affairs of Ukraine on ...": "we" is Ukraine."""
    from datetime import date

    from tracker.coding.score import score_article
    from tracker.models import Article, DateSource

    article = Article(
        id="t", origin="t", title="Statement of the Ministry of Foreign Affairs of Ukraine on"
        " yet another provocation", text="We categorically reject the insinuations of Belarus.",
        published_at=date(2022, 10, 9), date_source=DateSource.CALLER,
    )  # fmt: skip
    events = {(e.category, e.source, e.target) for e in score_article(article).events}
    assert ("REJECT", "UKR", "BLR") in events


def test_an_envoy_invited_to_a_ministry_is_its_state_s_target() -> None:
    assert ("REQUEST", "BLR", "UKR", "asserted") in _events(
        "The Ambassador of Ukraine in Minsk was invited to the Ministry of Foreign Affairs of"
        " Belarus and handed a diplomatic note."
    )

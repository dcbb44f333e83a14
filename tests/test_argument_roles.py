"""Argument roles of tracker.coding.argument_roles: which actor group before a trigger is
its subject (not a preposition's object), and whose subject an infinitive of purpose or a
coordinated verb carries over."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.coding.argument_groups import Group
from tracker.coding.argument_roles import subject_group
from tracker.coding.score import score_article
from tracker.evaluate.pipeline import sentence_article


def _events(text: str, on: date = date(2025, 10, 25)) -> list[tuple[str, str, str]]:
    """(category, source, target) of every event of the whole pipeline on one sentence."""
    scored = score_article(sentence_article("t", text, on))
    return [(e.category, e.source, e.target) for e in scored.events]


def _group(text: str, surface: str, code: str) -> Group:
    start = text.index(surface)
    return Group((code,), start, start + len(surface))


def test_the_object_of_a_preposition_is_passed_over_for_the_clauses_subject() -> None:
    text = "Trump said he was disappointed with Putin and threatened tariffs."
    before = [_group(text, "Putin", "RUS"), _group(text, "Trump", "USA")]
    assert subject_group(text, before, text.index("threatened")).codes == ("USA",)


@pytest.mark.parametrize(
    ("text", "trigger", "nearest", "code"),
    [
        # a possessor is the agent of its noun: Finland closes
        ("Russia will respond to Finland's decision to close the border.", "close",
         "Finland", "FIN"),
        # the subject of an infinitive: Washington supplies
        ("We call on Washington to stop supplying weapons.", "supplying", "Washington", "USA"),
        # a subordinate clause opens after the main subject: Moscow's clause is the main one
        ("Poland demanded an admission by Moscow that its forces killed officers.", "killed",
         "Moscow", "RUS"),
    ],
)  # fmt: skip
def test_the_nearest_group_stays_the_subject(text, trigger, nearest, code) -> None:
    before = [_group(text, nearest, code), _group(text, text.split()[0], "XXX")]
    assert subject_group(text, before, text.index(trigger)).codes == (code,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trump said he was \"very disappointed\" with Putin and threatened to impose tariffs"
         " on buyers of Russian oil.", ("THREATEN", "USA", "RUS")),
        ("Russia's ambassador to Washington met State Department officials on visas.",
         ("CONSULT", "RUS", "USA")),
        ("Russia retaliated against Washington by expelling 60 U.S. diplomats.",
         ("SANCTION", "RUS", "USA")),
    ],
)  # fmt: skip
def test_the_source_is_the_subject_not_a_prepositions_object(text, expected) -> None:
    events = _events(text)
    assert expected in events, events
    assert (expected[0], expected[2], expected[1]) not in events, events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Belarusian foreign ministry summoned the Lithuanian charge d'affaires to protest"
         " the closure of the border.", ("PROTEST", "BLR", "LTU")),
        ("Russia summoned the U.S. ambassador to protest new sanctions.",
         ("ACCUSE", "RUS", "USA")),  # (a government's protest to an envoy: N319)
    ],
)  # fmt: skip
def test_an_infinitive_of_purpose_has_the_earlier_acts_subject(text, expected) -> None:
    events = _events(text)
    assert expected in events, events
    assert not [e for e in events if e[0] == expected[0] and e[1] != expected[1]], events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a request's object does what is asked
        ("The United States urged Russia to withdraw its troops from Georgia.",
         ("RETREAT", "RUS", "GEO")),
        # a possessor's decision: Lithuania closes, not the one rejecting it
        ("Belarus firmly rejected Lithuania's decision to close the border.",
         ("SANCTION", "LTU", "BLR")),
    ],
)  # fmt: skip
def test_an_infinitive_after_a_request_or_a_possessor_is_theirs(text, expected) -> None:
    events = _events(text)
    acts = [e for e in events if e[0] == expected[0]]
    assert acts and all(e[1] == expected[1] for e in acts), events


def test_a_verb_after_and_carries_the_clauses_verb_past_a_noun_with_its_own_actors() -> None:
    """ "condemned Russia's invasion of Ukraine and promised aid": Biden promises, not Russia."""
    events = _events(
        "Biden condemned Russia's invasion of Ukraine and promised aid to Kyiv.", date(2022, 3, 1)
    )
    assert ("ACCUSE", "USA", "RUS") in events, events
    assert not [e for e in events if e[0] in ("AGREE", "AID") and e[1] == "RUS"], events


def test_a_noun_after_and_keeps_the_noun_before_it() -> None:
    """ "over the SolarWinds cyber attack and interference": both are Russia's, not the
    sanctioning state's."""
    events = _events(
        "The United States imposed sanctions on Russia and expelled 10 Russian diplomats over"
        " the cyber attack and interference in the election.",
        date(2021, 4, 15),
    )
    assert ("SANCTION", "USA", "RUS") in events, events
    assert not [e for e in events if e[0] == "COERCE" and e[1] == "USA"], events


def test_an_infinitive_after_a_gerund_or_preposition_is_not_the_acts_purpose() -> None:
    events = _events("Putin accused Washington of seeking a pretext to leave the treaty.")
    assert ("REJECT", "USA", "RUS") in events, events


def test_the_gerund_of_an_accusation_is_the_accused_ones_act() -> None:
    """ "accused Washington of legitimising Lukashenko by easing sanctions": Washington eases."""
    events = _events(
        "Belarus's opposition accused Washington of legitimising Lukashenko by easing sanctions."
    )
    assert ("CONCEDE", "USA", "BLR") in events, events


def test_a_participle_after_a_report_is_the_reported_actors() -> None:
    """ "Ukraine said Russian forces had shelled Kharkiv, killing three": the speaker kills
    no one."""
    events = _events(
        "Ukraine said Russian forces had shelled the city of Kharkiv overnight, killing three"
        " civilians."
    )
    assert events == [("ASSAULT", "RUS", "UKR")], events


def test_the_parties_after_between_are_the_subjects() -> None:
    """ "The deal between Saudi Arabia and Iran restored ties": they restored them."""
    events = _events("The deal between Saudi Arabia and Iran restored ties.")
    assert sorted(events) == [("SUPPORT", "IRN", "SAU"), ("SUPPORT", "SAU", "IRN")], events


def test_what_a_praise_is_for_is_the_praised_ones_act_an_accusation_only_alleges() -> None:
    praised = _events("Zelensky thanked Germany for supplying air defence systems to Ukraine.")
    assert ("AID", "DEU", "UKR") in praised, praised
    accused = _events("Russia accused the United States of supplying weapons to Kyiv.")
    assert [e for e in accused if e[0] == "AID"] == [], accused


def test_an_ing_noun_after_an_article_has_only_its_own_actors() -> None:
    """ "over the killing of a Sikh separatist": no Indian killing of Canada."""
    events = _events("Canada expelled six Indian diplomats over the killing of a Sikh separatist.")
    assert events == [("SANCTION", "CAN", "IND")], events


def test_he_in_the_next_sentence_is_the_earlier_subject_acting_on_a_named_state() -> None:
    text = "Trump spoke with Putin on Tuesday.\nHe accused Russia of attacking Ukraine."
    article = sentence_article("t", text, date(2025, 10, 16))
    events = [
        (e.sentence_index, e.category, e.source, e.target) for e in score_article(article).events
    ]
    assert (1, "ACCUSE", "USA", "RUS") in events, events


@pytest.mark.parametrize(
    "text",
    [
        "Svetlana Tikhanovskaya, the exiled Belarusian opposition leader, urged Washington to"
        " keep up pressure on Lukashenko.",
        "Exiled opposition leader Svetlana Tikhanovskaya welcomed the releases but urged"
        " Washington not to lift sanctions on the Belarusian regime.",
    ],
)
def test_a_named_person_who_is_no_actor_lends_no_state_to_the_act(text) -> None:
    """The single dyad's other state (Lukashenko's) had become the source: BLR->USA REQUEST."""
    assert [e for e in _events(text) if e[0] == "REQUEST" and e[1] == "BLR"] == []


def test_a_state_named_as_the_subject_is_still_the_source() -> None:
    assert ("REQUEST", "POL", "USA") in _events(
        "Polish Foreign Minister Radoslaw Sikorski urged Washington to keep up pressure on Moscow."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia and Belarus held joint drills, a move condemned by Poland.",
            {("ACCUSE", "POL", "RUS"), ("ACCUSE", "POL", "BLR")},
        ),
        (
            "Russia deployed troops to Belarus, a move condemned by Lithuania and Poland.",
            {("ACCUSE", "LTU", "RUS"), ("ACCUSE", "POL", "RUS")},
        ),
    ],
)
def test_a_reaction_summed_up_after_a_comma_targets_the_act_s_source(text, expected) -> None:
    """ ", a move condemned by Poland" had no target (no event at all for Poland)."""
    events = set(_events(text))
    assert expected <= events, events
    assert ("ACCUSE", "LTU", "BLR") not in events


def test_a_verb_after_and_shares_the_subject_not_its_object_noun_s_source() -> None:
    """ "called the new U.S. sanctions ... and vowed to respond": Russia vows (it was USA)."""
    events = _events('Russia called the new U.S. sanctions "an act of war" and vowed to respond.')
    assert ("THREATEN", "RUS", "USA") in events, events


def test_a_request_to_the_source_s_own_people_targets_no_other_state() -> None:
    """ "urged Americans not to travel to Belarus" had been a U.S. request to Belarus."""
    assert _events("The State Department urged Americans not to travel to Belarus.") == []
    assert ("REQUEST", "USA", "UKR") in _events("The US urged Ukrainians to stay.")
    said = score_article(
        sentence_article("t", "We thank our Lithuanian partners.", date(2025, 11, 5), "USA")
    )
    assert [(e.category, e.source, e.target) for e in said.events] == [("SUPPORT", "USA", "LTU")]


def test_the_object_of_a_first_verb_is_no_subject_after_and() -> None:
    """ "expelled 10 Russian diplomats and announced new sanctions": Washington's sanctions
    (they had been Russia's, SANCTION RUS->USA)."""
    events = _events("Washington expelled 10 Russian diplomats and announced new sanctions.")
    assert ("SANCTION", "RUS", "USA") not in events, events
    assert ("SANCTION", "USA", "RUS") in events, events


def test_what_it_called_names_no_accuser() -> None:
    """ "in response to what it called unfriendly actions by Washington": "it" is Russia,
    whom no argument names; no ACCUSE USA->RUS from the nearest state."""
    events = _events(
        "Russia expelled two U.S. diplomats in response to what it called unfriendly actions"
        " by Washington."
    )
    assert events == [("SANCTION", "RUS", "USA")], events


def test_a_mediator_after_a_comma_is_no_party_to_the_talks() -> None:
    """ "held indirect talks in Muscat, mediated by Oman": Iran and the U.S. talked with each
    other (each had also talked with Oman)."""
    events = _events("Iran and the United States held indirect talks in Muscat, mediated by Oman.")
    assert events == [("CONSULT", None, None)], events


def test_a_passive_s_target_is_its_subject_not_a_preposition_s_object() -> None:
    """ "Trump's tariffs on Indian goods were criticised by New Delhi": India accuses the
    U.S. (the target had been India itself: no event)."""
    events = _events("Trump's tariffs on Indian goods were criticised by New Delhi as unfair.")
    assert ("ACCUSE", "IND", "USA") in events, events

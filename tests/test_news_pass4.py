"""Rules from a fourth reading of real news copy (issue 13; docs/tone_and_events.md N107-).
The sentences are written for these tests in the style of the copy that showed each error;
none is taken from an article or an evaluation set.
"""

from __future__ import annotations

import pytest
from event_helpers import sentence_events as _events
from event_helpers import sentence_pairs as _pairs


def test_a_quotation_opening_the_sentence_is_its_speakers_when_more_follows() -> None:
    # the tail wrapper needed the verb's clause to end the sentence: ", adding ..." hid it
    text = (
        '"Moscow must stop its attacks on Ukrainian cities," Rubio said, adding that the'
        ' department "will keep working with our partners."'
    )
    assert ("RUS", "USA") in _pairs(text)
    assert ("REQUEST", "USA", "RUS", "asserted") in _events(text)


def test_an_act_after_the_wrapper_is_the_speakers_not_the_quoted_states() -> None:
    text = (
        '"We are sanctioning Russia\'s largest oil companies," Bessent said, adding that the'
        ' department "is prepared to support President Trump\'s effort to end the war."'
    )
    events = _events(text)
    assert ("SANCTION", "USA", "RUS", "asserted") in events
    assert not any(cat == "SUPPORT" and src == "RUS" for cat, src, _, _ in events), events


@pytest.mark.parametrize(
    ("text", "member"),
    [
        (
            "The two delegations did not discuss the wording of the plan, reach any compromise"
            " or agree to a new summit between Trump and Putin.",
            "AGREE",
        ),
        (
            "Trump will fly to Moscow on Friday, meet Putin and sign a trade accord with Russia.",
            "SUPPORT",  # (signing is support; the trip's "will" frames the whole list)
        ),
        (
            "Witkoff and a Russian envoy drafted a plan aiming to freeze the front line and offer"
            " security guarantees.",
            "AGREE",
        ),
    ],
)
def test_a_bare_verb_in_a_list_takes_the_mode_of_the_lists_head(text, member) -> None:
    events = _events(text)
    assert any(cat == member for cat, _, _, _ in events), events
    assert not any(cat == member and mode == "asserted" for cat, _, _, mode in events), events


def test_a_past_verb_after_and_is_its_own_act() -> None:
    events = _events("Russia did not comment, and the United States imposed sanctions on Moscow.")
    assert ("SANCTION", "USA", "RUS", "asserted") in events


@pytest.mark.parametrize(
    "text",
    [
        "Putin met Witkoff in Moscow to discuss the latest American peace proposal for Ukraine.",
        "The two sides reviewed documents outlining a Ukraine settlement that Washington had"
        " sent to Moscow.",
        "The Alaska summit between Trump and Putin brought no progress toward a Ukraine ceasefire.",
        "Putin told Trump that the missiles would harm relations and the prospects for a"
        " peaceful settlement in Ukraine.",
    ],
)
def test_the_state_a_peace_proposal_or_settlement_is_for_is_its_topic(text) -> None:
    _assert_pair_without(text, ("RUS", "USA"), "UKR")


def _assert_pair_without(text: str, pair: tuple[str, str], absent: str) -> None:
    """``pair`` is found in ``text`` and no pair holds ``absent`` (a topic or a place)."""
    pairs = _pairs(text)
    assert pair in pairs, pairs
    assert not any(absent in p for p in pairs), pairs


@pytest.mark.parametrize(
    ("text", "permitted"),
    [
        ("The executive order allows the United States to sanction Moscow's banks.", "SANCTION"),
        ("Trump signed a decision allowing Ukraine to strike targets in Russia.", "ASSAULT"),
    ],
)
def test_a_permission_frames_the_permitted_act_as_not_done(text, permitted) -> None:
    events = _events(text)
    assert any(cat == permitted for cat, _, _, _ in events), events
    assert not any(cat == permitted and mode == "asserted" for cat, _, _, mode in events), events


def test_bombers_counted_under_an_arms_limit_are_aircraft_not_an_attack() -> None:
    text = (
        "Russia would keep 700 deployed missiles and strategic bombers under the cap, and it"
        " expects the United States to do the same."
    )
    assert ("RUS", "USA") in _pairs(text)
    assert not any(cat == "ASSAULT" for cat, _, _, _ in _events(text))


@pytest.mark.parametrize(
    "text",
    [
        'Putin spoke on Monday. "This measure works only if the United States acts in a similar'
        ' manner." He warned that if the United States pushes ahead, Russia will respond.',
        "Putin spoke on Monday. The United States has kept its own forces in place. He warned"
        " Washington against new deployments.",
    ],
)
def test_he_is_the_last_person_named_not_a_state_named_since(text) -> None:
    assert ("THREATEN", "RUS", "USA", "asserted") in _events(text)


def test_a_person_named_only_by_surname_is_still_who_she_is() -> None:
    # "Sherman" is in no list of leaders: a capitalised name before "warned" is a person
    text = (
        "Sherman warned that Russia would face costs if it invaded Ukraine. She said the United"
        " States and its allies were ready to impose sanctions."
    )
    assert any(src == "USA" and tgt == "RUS" for _, src, tgt, _ in _events(text))


def test_a_place_named_as_a_venue_is_no_party() -> None:
    text = (
        "Putin and Trump agreed to meet again, with Budapest, the Hungarian capital, mentioned as"
        " a potential venue."
    )
    _assert_pair_without(text, ("RUS", "USA"), "HUN")


def test_firing_back_at_a_remark_is_a_verbal_reply_not_an_attack() -> None:
    events = _events("The Kremlin fired back at Trump's latest swipe at Russia on Wednesday.")
    assert not any(cat in ("ASSAULT", "SUPPORT") for cat, _, _, _ in events), events
    events = _events("Ukrainian troops fired back at Russian positions with drones.")
    assert ("ASSAULT", "UKR", "RUS", "asserted") in events


def test_a_measure_being_proposed_is_not_imposed() -> None:
    events = _events("Trump called for more pressure on Moscow, proposing new tariffs on Russia.")
    assert any(cat == "SANCTION" for cat, _, _, _ in events), events
    assert not any(cat == "SANCTION" and mode == "asserted" for cat, _, _, mode in events)


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ('"Russia is in big economic trouble," he said.', None),
        ('"We will impose new sanctions on Russia," he said.', "SANCTION"),
    ],
)
def test_he_said_after_a_quotation_is_the_person_named_before(quote, expected) -> None:
    text = "Trump spoke at the United Nations on Tuesday. " + quote
    assert ("RUS", "USA") in _pairs(text)
    if expected:
        assert (expected, "USA", "RUS", "hypothetical") in _events(text)


def test_he_naming_a_noun_act_is_not_its_source() -> None:
    # "what he called threats from X": the threats are X's; "he" only names them
    text = (
        "Trump ordered two submarines deployed near Russia, citing what he called provocative"
        " threats from Kremlin official Dmitry Medvedev."
    )
    events = _events(text)
    assert any(cat == "THREATEN" and src == "RUS" for cat, src, _, _ in events), events
    assert not any(cat == "THREATEN" and src == "USA" for cat, src, _, _ in events), events


def test_an_agent_inside_a_gapped_trigger_is_its_source() -> None:
    # "charged ... with" has "by Russia" in its gap: the one who charges, not the charged
    text = "The dancer, a U.S. citizen, was charged by Russia with treason, Rubio said."
    events = _events(text)
    assert ("ACCUSE", "RUS", "USA", "asserted") in events, events
    assert not any(cat == "ACCUSE" and src == "USA" for cat, src, _, _ in events), events


def test_one_persons_two_nationalities_are_no_relation_between_them() -> None:
    pairs = _pairs("Washington freed a dual German-Russian citizen on Thursday.")
    assert ("DEU", "RUS") not in pairs, pairs
    assert ("RUS", "USA") in pairs
    pairs = _pairs("Russia released Ksenia Karelina, a dual U.S.-Russian citizen.")
    assert pairs[("RUS", "USA")].sentences[0].source == "RUS"


def test_a_detainee_wrongfully_held_is_coerced_by_the_holder() -> None:
    events = _events("The American teacher was wrongfully held by Russia for a year.")
    assert ("COERCE", "RUS", "USA", "asserted") in events, events


def test_she_as_the_patient_of_a_passive_is_not_its_source() -> None:
    events = _events("Trump said she had been wrongfully detained by Russia for a year.")
    assert any(cat == "COERCE" and src == "RUS" for cat, src, _, _ in events), events
    assert not any(cat == "COERCE" and src == "USA" for cat, src, _, _ in events), events


def test_a_country_naming_the_war_inside_a_phrase_is_its_topic() -> None:
    text = (
        "The two leaders last met in Alaska, the first meeting between Russian and US presidents"
        " since the start of the three-year Ukraine war."
    )
    _assert_pair_without(text, ("RUS", "USA"), "UKR")
    # a country's own war against another keeps it
    assert ("RUS", "USA") in _pairs("Russia criticized the U.S. war in Afghanistan again.")

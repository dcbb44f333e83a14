"""Rules from a second reading of real wire and news copy about speakers, quotations and
what a sentence's form says (issue 13; docs/tone_and_events.md N27-). The sentences are written
for these tests in the style of the copy that showed each error; none is taken from an article
or an evaluation set.
"""

from __future__ import annotations

from datetime import date

import pytest
from event_helpers import sentence_events as _events
from event_helpers import sentence_pairs as _pairs

from tracker.coding.score import score_article
from tracker.evaluate.pipeline import sentence_article


def _article_events(text: str) -> set[tuple[str, str | None, str | None, int]]:
    scored = score_article(sentence_article("q", text, date(2025, 12, 3)))
    return {(e.category, e.source, e.target, e.sentence_index) for e in scored.events}


def _article_pairs(text: str) -> set[tuple[tuple[str, str], int]]:
    scored = score_article(sentence_article("q", text, date(2025, 12, 3)))
    return {(p.pair, s.sentence_index) for p in scored.pairs for s in p.sentences}


def test_a_quotation_over_two_sentences_takes_the_attribution_after_it() -> None:
    text = (
        'Peskov spoke to reporters on Tuesday. "We agreed with our American partners to keep'
        ' the talks going. The conversation was frank," Peskov said.'
    )
    assert ("AGREE", "RUS", "USA", 1) in _article_events(text)


def test_a_quotation_right_after_an_attributed_one_continues_its_speaker() -> None:
    text = (
        '"We will answer any provocation," Lavrov said on Friday. "Our patience with'
        ' Washington is running out."'
    )
    assert (("RUS", "USA"), 1) in _article_pairs(text)
    # a quotation after a sentence with no attributed one has no known speaker
    later = 'Lavrov arrived on Friday. "Our partners in Washington must listen."'
    assert not {pair for pair, i in _article_pairs(later) if i == 1}


def test_the_last_meeting_named_by_one_side_keeps_its_pair() -> None:
    text = (
        "Witkoff met Putin in the Kremlin on Tuesday. The talks were useful and constructive,"
        " Ushakov told reporters."
    )
    assert (("RUS", "USA"), 1) in _article_pairs(text)


def test_he_after_a_quotation_is_its_speaker() -> None:
    text = (
        "\"Given Putin's refusal to end this war, Treasury is sanctioning Russia's oil"
        ' companies," Treasury Secretary Scott Bessent said. He warned that Treasury was prepared'
        " to take further action to support Trump's efforts to end the war."
    )
    assert not any(e[1] == "RUS" and e[3] == 1 for e in _article_events(text))


def test_a_running_quotation_names_its_speakers_partner_before_the_attribution() -> None:
    text = (
        '"The Americans are taking a very constructive stance on the prisoners. We do not need'
        ' any prisoners," Lukashenko told state media.'
    )
    assert (("BLR", "USA"), 0) in _article_pairs(text)


@pytest.mark.parametrize(
    "text",
    [
        'Speaking first, Putin said: "We have established good contacts with Washington."',
        'Putin thanked his hosts. He said: "We have established good contacts with Washington."',
        'Putin said: "We have established good contacts. Our American partners listen."',
    ],
)
def test_a_speaker_named_before_the_quotation(text) -> None:
    assert any(pair == ("RUS", "USA") for pair, _ in _article_pairs(text))


def test_quoted_words_whose_actors_are_outside_the_quotation_are_nobodys_act() -> None:
    text = (
        '"You can go and see for yourself, talk to people," Belarusian Defense Minister Viktor'
        " Khrenin told the American officers at the training ground."
    )
    assert not any(e[0] == "CONSULT" for e in _events(text))
    assert ("AGREE", "RUS", "USA", "asserted") in _events(
        '"We will talk to Washington," Lavrov told reporters.'
    )


def test_a_yes_no_question_asserts_nothing() -> None:
    asked = _events(
        "Can't we simply engage in a dialogue about relations between Belarus and the US?"
    )
    assert asked and all(e[3] == "hypothetical" for e in asked)
    assert ("ASSAULT", "RUS", "UKR", "asserted") in _events("Why did Russia attack Ukraine?")


def test_talks_named_in_a_leading_time_phrase_are_the_earlier_ones() -> None:
    text = "Hours after the talks, Belarus released 14 prisoners, who were flown to Lithuania."
    assert not any(e[0] == "CONSULT" for e in _events(text))


def test_a_quotation_opening_on_its_verb_keeps_the_subject() -> None:
    events = _events(
        'According to the Russian Foreign Ministry, Rubio "welcomed agreements to exchange'
        " captured soldiers and stressed Washington's readiness to help.\""
    )
    assert ("SUPPORT", "RUS", "USA", "asserted") not in events


def test_he_past_a_comma_is_the_leader_the_sentence_named() -> None:
    events = _events(
        "While Trump has threatened Russia, he appeared to shift his stance, announcing that he"
        " would meet the Russian leader in Budapest."
    )
    assert ("AGREE", "USA", "RUS", "asserted") in events


@pytest.mark.parametrize(
    "text",
    [
        '"I want to particularly thank the Lithuanian government," the U.S. envoy said.',
        "Poland would like to congratulate Ukraine on its success.",
    ],
)
def test_a_formula_of_thanks_is_the_thanks(text) -> None:
    events = _events(text)
    assert events and all(e[0] == "SUPPORT" and e[3] == "asserted" for e in events)


def test_an_attribution_may_hold_an_abbreviation() -> None:
    text = '"We will not abandon our partners," the U.S. envoy said. "Our support for Kyiv stays."'
    assert (("UKR", "USA"), 1) in _article_pairs(text)


def test_statements_in_the_present_and_requests_to_ones_own_side() -> None:
    scored = score_article(
        sentence_article(
            "s", "We urge Belarus to release all political prisoners.", date(2025, 1, 9), "USA"
        )
    )
    events = {(e.category, e.source, e.target, e.mode.value) for e in scored.events}
    assert ("REQUEST", "USA", "BLR", "asserted") in events
    assert not any(e[0] == "RETREAT" and e[3] == "asserted" for e in events)
    text = (
        "Senators called on the Trump Administration to use caution with the Putin-aligned regime."
    )
    assert not any("RUS" in p for p in _pairs(text))

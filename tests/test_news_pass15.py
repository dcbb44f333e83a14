"""Rules from the fourteenth reading of real news copy (issue 13; docs/tone_and_events.md
N346-). The sentences are written for these tests in the style of the copy that showed
each error; none is taken from an article or an evaluation set.
"""

from __future__ import annotations

import pytest
from event_helpers import SENTENCE_DAY, sentence_events

from tracker.coding.score import score_article
from tracker.evaluate.pipeline import sentence_article

CLASH = "Thailand and Cambodia clashed along their disputed border on Thursday. "


def _second_sentence_events(text: str) -> set[tuple[str, str | None, str | None, str]]:
    """(category, source, target, mode) of the events of the text's second sentence."""
    scored = score_article(sentence_article("t", text, SENTENCE_DAY))
    return {
        (e.category, e.source, e.target, e.mode.value)
        for e in scored.events
        if e.sentence_index == 1
    }


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Both sides blamed each other for the violence.", "ACCUSE"),
        ("Both sides blamed the other for starting the fighting.", "ACCUSE"),
        ("The two countries have imposed sanctions on each other.", "SANCTION"),
        ("The two sides swapped prisoners on Saturday.", "RETREAT"),
        ("They traded accusations over the shelling.", "ACCUSE"),
        ("The two neighbours signed a ceasefire accord on Monday.", "SUPPORT"),
    ],
)
def test_a_pair_named_as_the_two_sides_acts_on_each_other(sentence, category) -> None:
    found = _second_sentence_events(CLASH + sentence)
    assert (category, "KHM", "THA", "asserted") in found
    assert (category, "THA", "KHM", "asserted") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Both sides imposed new curbs on trade.",  # no "each other": whose curbs on whom?
        "The two sides accused the United Nations of bias.",
    ],
)
def test_what_the_two_sides_do_to_no_one_of_the_pair_is_not_each_ones_act(sentence) -> None:
    found = _second_sentence_events(CLASH + sentence)
    assert not {e for e in found if {e[1], e[2]} == {"KHM", "THA"}}


def test_exchanged_fire_again_is_an_exchange_of_fire() -> None:
    found = sentence_events("Thailand and Cambodia exchanged fire again on Friday.")
    assert ("ASSAULT", "KHM", "THA", "asserted") in found
    assert ("ASSAULT", "THA", "KHM", "asserted") in found


@pytest.mark.parametrize(
    "text",
    [
        "Russia and Ukraine traded accusations over the shelling of the plant.",
        "Russia and Ukraine traded blame for strikes on the dam.",
    ],
)
def test_the_nearer_object_of_traded_decides_the_act(text) -> None:
    found = sentence_events(text)
    assert ("ACCUSE", "RUS", "UKR", "asserted") in found
    assert not {e for e in found if e[0] == "ASSAULT"}

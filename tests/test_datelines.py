"""tracker.coding.datelines: a wire dateline opens an article but is no part of its first
sentence."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.coding.datelines import cut_dateline, dateline_end, without_dateline
from tracker.coding.score import score_article
from tracker.evaluate.pipeline import sentence_article
from tracker.models import Sentence


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("MOSCOW, Oct 23 (Reuters) - Russia said", "Russia said"),
        ("WASHINGTON (AP) — The United States", "The United States"),
        ("MINSK, Belarus, Oct. 23 (Reuters) – Belarus freed", "Belarus freed"),
        ("Moscow, 23 October (TASS) - Russia", "Russia"),
        ("ST. PETERSBURG, Russia (AP) — Putin", "Putin"),
        ("LONDON — Britain", "Britain"),
        ("VILNIUS/WASHINGTON (Reuters) - Three Russian jets", "Three Russian jets"),
        ("KYIV/MOSCOW, Sept 19 (Reuters) - Ukraine", "Ukraine"),
    ],
)
def test_a_dateline_is_cut(text, rest) -> None:
    assert text[dateline_end(text) :] == rest


@pytest.mark.parametrize(
    "text",
    [
        "U.S. - Russia talks resumed.",  # a compound, not a place
        "EU — Russia ties are at a low.",  # two letters: no place name
        "Russia - the largest country - said",  # prose
        "NATO - the alliance met",  # a lower-case word after the dash
    ],
)
def test_prose_is_no_dateline(text) -> None:
    assert dateline_end(text) == 0


def test_the_sentence_keeps_its_offsets() -> None:
    s = Sentence(0, 0, 0, 31, "KYIV (Reuters) - Ukraine said.")
    cut = without_dateline(s)
    assert cut.text == "Ukraine said." and cut.start == 17


def test_the_first_sentence_of_a_wire_story_keeps_its_pair() -> None:
    """ "MOSCOW" before the subject had left the sentence with no Russia-U.S. pair."""
    text = (
        "MOSCOW, Oct 23 (Reuters) - Russia said on Thursday that new U.S. sanctions on its"
        " oil companies were counterproductive.\n\nOil prices rose."
    )
    pairs = {
        p.pair: p for p in score_article(sentence_article("t", text, date(2025, 10, 23))).pairs
    }
    assert ("RUS", "USA") in pairs
    first = pairs[("RUS", "USA")].sentences[0]
    assert first.sentence_index == 0 and first.text.startswith("Russia said")


def test_a_dateline_after_a_headline_and_a_byline_is_cut() -> None:
    """ "MINSK, Nov 4 (Reuters) - " after the headline had made Minsk the lead's first actor:
    the lead lost its meeting and its release."""
    text = (
        "Belarus frees more prisoners\n\nBy Staff Writer\n\nMINSK, Nov 4 (Reuters) - Belarusian"
        " President Alexander Lukashenko met U.S. special envoy John Coale on Tuesday and"
        " released 31 prisoners, the latest sign of a thaw.\n\nMINSK - Oil prices rose."
    )
    scored = score_article(sentence_article("t", text, date(2025, 11, 4)))
    events = {(e.category, e.source, e.target) for e in scored.events}
    assert {("CONSULT", "BLR", "USA"), ("RETREAT", "BLR", "USA")} <= events, events
    lead = scored.pairs[0].sentences[0]
    assert lead.text.startswith("Belarusian President")


def test_only_the_first_dateline_is_cut() -> None:
    sentences = [
        Sentence(0, 0, 0, 9, "Headline"),
        Sentence(1, 1, 10, 30, "KYIV (Reuters) - Ukraine said."),
        Sentence(2, 2, 31, 50, "LONDON - Britain said."),
    ]
    cut_dateline(sentences)
    assert [s.text for s in sentences] == ["Headline", "Ukraine said.", "LONDON - Britain said."]

"""tracker.coding.coreference: a leading "He/She" is the earlier sentence's subject."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.coding.score import score_article
from tracker.evaluate.pipeline import sentence_article


def _events(text: str, on: date = date(2025, 11, 5)) -> set[tuple[int, str, str, str]]:
    scored = score_article(sentence_article("t", text, on))
    return {(e.sentence_index, e.category, e.source, e.target) for e in scored.events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the pronoun's own state named as a place: the meeting keeps its source
        (
            "Trump spoke with Putin on Tuesday. He said he would meet Zelenskiy at the White"
            " House.",
            (1, "AGREE", "USA", "UKR"),
        ),
        # ... or as a later clause's subject: the thanks keep theirs
        (
            "Lukashenko met Coale in Minsk. He thanked Trump for the decision and said Minsk"
            " would release more prisoners.",
            (1, "SUPPORT", "BLR", "USA"),
        ),
    ],
)
def test_he_is_the_subject_when_the_sentence_names_his_state(text, expected) -> None:
    """Before, a sentence naming the pronoun's state read as if "He" were nobody."""
    assert expected in _events(text)


def test_a_state_named_as_the_subject_keeps_its_acts() -> None:
    events = _events("Trump spoke with Putin. He urged Congress to pass military aid for Ukraine.")
    assert all(e[2] == "USA" for e in events if e[0] == 1), events

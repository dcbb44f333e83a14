"""What one article may cost the scorer: a cap on sentence length and on actor mentions in
one sentence, checked right after the (linear) mention search and before the steps whose
cost grows with the square of the mentions (dyads, event arguments).

One 247 KB "sentence" naming ~9,000 countries took 37 s to score (and a 290 KB name list
781 MB); real news stays far below both caps (the benchmark corpus, the demo and the
labelled sets: at most 278 characters and 7 mentions in a sentence). An article over a cap
is refused whole, with the reason (``BudgetExceeded``), never scored for minutes.
"""

from __future__ import annotations

from collections.abc import Sequence

from tracker.errors import TrackerError
from tracker.models import Mention, Sentence

MAX_SENTENCE_CHARS = 10_000  # a sentence longer than this is a list or a page without stops
MAX_MENTIONS_PER_SENTENCE = 60  # a summit of every EU member names 27; a list names hundreds


class BudgetExceeded(TrackerError, ValueError):
    """An article would cost the scorer far more than any real article; ``str()`` says why."""


def check_sentences(sentences: Sequence[Sentence]) -> None:
    """Raise BudgetExceeded when a sentence is too long (before looking for actors in it)."""
    for sentence in sentences:
        if len(sentence.text) > MAX_SENTENCE_CHARS:
            raise BudgetExceeded(
                f"refused: sentence {sentence.index + 1} is {len(sentence.text):,} characters, "
                f"over the {MAX_SENTENCE_CHARS:,} limit per sentence (a list or a page "
                "without full stops?)"
            )


def check_mentions(sentences: Sequence[Sentence], mentions: Sequence[Sequence[Mention]]) -> None:
    """Raise BudgetExceeded when a sentence names too many actors."""
    for sentence, found in zip(sentences, mentions, strict=True):
        if len(found) > MAX_MENTIONS_PER_SENTENCE:
            raise BudgetExceeded(
                f"refused: sentence {sentence.index + 1} names {len(found):,} countries or "
                f"leaders, over the {MAX_MENTIONS_PER_SENTENCE} limit per sentence (a list, "
                "not news)"
            )

"""A wire dateline opening an article ("MOSCOW, Oct 23 (Reuters) - ", "WASHINGTON (AP) — ",
"MINSK, Belarus, Oct. 23 (Reuters) – "): where and by whom the story was filed, not a
party to its first sentence. Left in, "MOSCOW" is an actor before the sentence's subject
and the sentence loses its dyad ("MOSCOW, Oct 23 (Reuters) - Russia said new U.S.
sanctions were counterproductive" had no Russia-U.S. pair). The loaders keep the text as
written (the dateline also dates the article: tracker.load.dates); the coder reads the
first sentence from after it."""

from __future__ import annotations

import dataclasses
import re

from tracker.models import Sentence

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"  # "Oct", "October"
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?"
# "MOSCOW", "NEW YORK", "ST. PETERSBURG", "VILNIUS/WASHINGTON"; not "U.S." (a dot only
# before the next word)
_ONE_CAPS = r"[A-Z][A-Z'-]{2,}\.?(?:\s+[A-Z][A-Z'-]+){0,3}"
_PLACE_CAPS = rf"{_ONE_CAPS}(?:/{_ONE_CAPS}){{0,3}}"
_PLACE = r"[A-Z][A-Za-z'.-]+(?:\s+[A-Z][A-Za-z'.-]+){0,3}"  # "Moscow", "Kyiv"
_AGENCY = r"\([A-Z][\w .&/-]{1,30}\)"  # "(Reuters)", "(AP)", "(BelTA)"
_DASH = r"\s*(?:--?\s+|[—–]\s*)"  # (a long dash may touch the text: "HANOI, Vietnam–Talks")
_DATELINE = re.compile(
    rf"^\s*(?:"
    # a place in capitals, an optional region and date, an optional agency, a dash
    rf"{_PLACE_CAPS}(?:,\s*{_PLACE})?(?:,?\s*{_DATE})?\s*(?:{_AGENCY})?"
    # or a place in any case with an agency: "Moscow, 23 October (TASS) - "
    rf"|{_PLACE}(?:,\s*{_PLACE})?(?:,?\s*{_DATE})?\s*{_AGENCY}"
    # or places in capitals in brackets: "(LONDON and DELHI) -- "
    rf"|\({_PLACE_CAPS}(?:\s*(?:,|and|&)\s*{_PLACE_CAPS})*\)"
    rf"){_DASH}(?=[A-Z\"“'‘])"
)
MAX_DATELINE = 80  # characters: a longer opening is prose
DATELINE_SENTENCES = 4  # a headline, a kicker and a byline may stand before the dateline


def dateline_end(text: str) -> int:
    """Where the text after a leading wire dateline starts, or 0 when there is none."""
    found = _DATELINE.match(text, 0, min(len(text), MAX_DATELINE + 2))
    return found.end() if found else 0


def without_dateline(sentence: Sentence) -> Sentence:
    """The sentence from after its leading dateline (the same sentence when it has none)."""
    cut = dateline_end(sentence.text)
    if not cut:
        return sentence
    return dataclasses.replace(sentence, start=sentence.start + cut, text=sentence.text[cut:])


def cut_dateline(sentences: list[Sentence]) -> None:
    """Cut the wire dateline from the first of the article's first sentences that opens with
    one, in place: a headline or a byline ("By Staff Writer") may stand before it, and left
    in, "MINSK, Nov 4 (Reuters) - " made the lead's first actor a place (the lead of an
    article with a headline lost its pair). Only the first dateline is cut."""
    for i, sentence in enumerate(sentences[:DATELINE_SENTENCES]):
        cut = without_dateline(sentence)
        if cut is not sentence:
            sentences[i] = cut
            return

"""Relation words: the word lists of ``tracker/data/relation_words.txt``, read once.

Used by dyad attribution (``tracker/dyads.py``: linking words, reported speech, sport and
weather context) and coreference (``tracker/coreference.py``: "the two leaders", "each
other"), which also share ``PASSIVE``, the shallow test for a passive clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

# A passive auxiliary and a participle: "was sanctioned", "were quickly imposed", "was shut".
PASSIVE = re.compile(
    r"\b(?:was|were|is|are|been|being|be|got|gets|get)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ght|id|ut)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class RelationWords:
    mutual: frozenset[str]
    directed: frozenset[str]
    reverse: frozenset[str]
    locative: frozenset[str]
    determiner: frozenset[str]
    speech_tail: re.Pattern[str]
    speech_head: re.Pattern[str]
    coref_mutual: re.Pattern[str]
    non_political: re.Pattern[str]

    @property
    def prepositions(self) -> frozenset[str]:
        return self.mutual | self.directed | self.reverse | self.locative | {"by"}


@cache
def relation_words() -> RelationWords:
    """The word lists of ``relation_words.txt``, read once."""
    raw = files("tracker.data").joinpath("relation_words.txt").read_text(encoding="utf-8")
    sections: dict[str, list[str]] = {}
    current = ""
    for line in raw.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections[current] = []
        else:
            sections[current].append(line.lower())

    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    speech = alternation(sections["speech"])
    return RelationWords(
        non_political=re.compile(
            rf"\b(?:{alternation(sections['non_political'])})\b", re.IGNORECASE
        ),
        mutual=frozenset(sections["mutual"]),
        directed=frozenset(sections["directed"]),
        reverse=frozenset(sections["reverse"]),
        locative=frozenset(sections["locative"]),
        determiner=frozenset(sections["determiner"]),
        speech_tail=re.compile(
            rf",\s*[\"”']?\s*(?P<wrap>[^,;\"”]{{0,80}}?\b(?:{speech})\b[^,;]*)$", re.IGNORECASE
        ),
        speech_head=re.compile(r"^\W*(?P<wrap>according to\b[^,]{0,80}),", re.IGNORECASE),
        coref_mutual=re.compile(rf"\b(?:{alternation(sections['coref_mutual'])})\b", re.I),
    )

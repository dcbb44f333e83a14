"""Relation words: the word lists of ``tracker/data/en/relation_words.txt``, read once.

Used by dyad attribution (``tracker/dyads.py``: linking words, reported speech, sport and
weather context) and coreference (``tracker/coreference.py``: "the two leaders", "each
other"), which also share ``PASSIVE``, the shallow test for a passive clause.

Phrase lists (``Phrases``) are searched as whole words ignoring case; most sentences hold
none of the phrases, which a substring test on the lower-cased sentence shows cheaply
before the regex runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.resources import files

# A passive auxiliary and a participle: "was sanctioned", "were quickly imposed", "was shut".
PASSIVE = re.compile(
    r"\b(?:was|were|is|are|been|being|be|got|gets|get)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ght|id|ut)\b",
    re.IGNORECASE,
)


# The only non-ASCII characters a case-insensitive regex matches to ASCII ones ("İ" and "ı"
# to "i", long "ſ" to "s", the Kelvin sign to "k"): mapped so that every match of an ASCII
# phrase stays a substring of ``fold_for_phrases(text)``.
_ASCII_TWINS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "\u212a": "k"})


def fold_for_phrases(text: str) -> str:
    """``text`` lower-cased, ASCII twins mapped: where ``Phrases`` look before the regex."""
    return text.lower() if text.isascii() else text.translate(_ASCII_TWINS).lower()


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# phrases sharing a prefix this long are looked for by that prefix ("the " alone would let
SHARED_PREFIX_MIN = 5  # every sentence through: "the leaders", "the presidents", "the two")


def _shared_substrings(phrases: list[str]) -> tuple[str, ...]:
    """Few substrings such that every phrase holds one ("the two leaders", "the two sides"
    -> "the two "): sorted phrases merged on common prefixes, then any that holds another
    dropped."""
    merged: list[str] = []
    for phrase in sorted(set(phrases)):
        shared = 0
        if merged:
            last = merged[-1]
            while shared < min(len(last), len(phrase)) and last[shared] == phrase[shared]:
                shared += 1
        if shared >= SHARED_PREFIX_MIN:
            merged[-1] = phrase[:shared]
        else:
            merged.append(phrase)
    return tuple(s for s in merged if not any(o != s and o in s for o in merged))


@dataclass(frozen=True)
class Phrases:
    """Lower-case phrases, matched as whole words ignoring case (``pattern``).

    ``search`` is ``pattern.search``, skipped when none of ``substrings`` is in the folded
    text: a case-insensitive match of an ASCII phrase always holds one of them (each phrase
    holds one: the phrases themselves, shared prefixes merged). ``substrings`` is empty (no
    skipping) when a phrase is not ASCII.
    """

    pattern: re.Pattern[str]
    substrings: tuple[str, ...]

    @classmethod
    def of(cls, phrases: list[str]) -> Phrases:
        pattern = re.compile(rf"\b(?:{_alternation(phrases)})\b", re.IGNORECASE)
        ascii_only = all(p.isascii() and p == p.lower() for p in phrases)
        return cls(pattern, _shared_substrings(phrases) if ascii_only else ())

    def search(self, text: str) -> re.Match[str] | None:
        """The first phrase in ``text``."""
        return self.pattern.search(text) if self.may_occur(text) else None

    def may_occur(self, text: str) -> bool:
        """False when no phrase can match in ``text`` (cheap); True says only "maybe"."""
        if not self.substrings:
            return True
        return any(map(fold_for_phrases(text).__contains__, self.substrings))


@dataclass(frozen=True)
class RelationWords:
    mutual: frozenset[str]
    directed: frozenset[str]
    reverse: frozenset[str]
    locative: frozenset[str]
    determiner: frozenset[str]
    speech: Phrases  # the verbs (and "according to") of a reported-speech wrapper
    speech_tail: re.Pattern[str]
    speech_head: re.Pattern[str]
    speech_after_quote: re.Pattern[str]  # '"...," Bessent said, adding ...': at the close
    speech_lead: re.Pattern[str]  # "X said (that) ...": the speaker opens the sentence
    signing: Phrases  # a place after a signing is its venue ("signed a deal in Cairo")
    parallel: re.Pattern[str]  # side by side right after a group: "X and Y voted in favour"
    coref_mutual: Phrases
    coref_event: re.Pattern[str]  # a sentence opening that names the previous meeting
    non_political: Phrases
    diplomatic: Phrases  # ... unless the sentence holds diplomacy ("expelled the ... envoy")

    def not_politics(self, text: str) -> bool:
        """Sport or weather with no diplomacy: states side by side, no interaction (rule 9
        of ``dyads.py``)."""
        return bool(self.non_political.search(text)) and not self.diplomatic.search(text)

    @cached_property
    def prepositions(self) -> frozenset[str]:
        return self.mutual | self.directed | self.reverse | self.locative | {"by"}


@cache
def relation_words() -> RelationWords:
    """The word lists of ``relation_words.txt``, read once."""
    raw = files("tracker.data").joinpath("en/relation_words.txt").read_text(encoding="utf-8")
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

    speech = _alternation(sections["speech"])
    return RelationWords(
        non_political=Phrases.of(sections["non_political"]),
        diplomatic=Phrases.of(sections["diplomatic"]),
        mutual=frozenset(sections["mutual"]),
        directed=frozenset(sections["directed"]),
        reverse=frozenset(sections["reverse"]),
        locative=frozenset(sections["locative"]),
        determiner=frozenset(sections["determiner"]),
        speech=Phrases.of(sections["speech"]),
        speech_tail=re.compile(
            rf",\s*[\"”']?\s*(?P<wrap>[^,;\"”]{{0,80}}?\b(?:{speech})\b[^,;]*)$", re.IGNORECASE
        ),
        speech_head=re.compile(r"^\W*(?P<wrap>according to\b[^,]{0,80}),", re.IGNORECASE),
        speech_after_quote=re.compile(
            rf"[,!?]\s*[\"”]\s*(?P<wrap>[^,;\"“”]{{0,60}}?\b(?:{speech})\b[^,;\"“”.]*)",
            re.IGNORECASE,
        ),
        speech_lead=re.compile(
            rf"^\W*(?P<wrap>[^,;:\"“”()]{{0,80}}?\b(?:{_alternation(sections['speech_lead'])})\b)"
            r"(?:\s+(?:on|late|early|last|this)\s+[A-Z]?[a-z]+|\s+(?:today|yesterday|earlier))?"
            r"(?:\s+that\b)?",
        ),
        signing=Phrases.of(sections["signing"]),
        parallel=re.compile(rf"\s*(?:{_alternation(sections['parallel'])})\b", re.IGNORECASE),
        coref_mutual=Phrases.of(sections["coref_mutual"]),
        coref_event=re.compile(rf"^\W*(?:{_alternation(sections['coref_event'])})\b", re.I),
    )

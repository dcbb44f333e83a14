"""Actor matcher: which states a sentence names, and where.

The gazetteer (``ActorAlias``, ``NegativePattern``, ``Gazetteer``, ``load_gazetteer`` and the
CSV readers) lives in ``tracker/gazetteer.py`` and is re-exported here.

Matching is one Aho-Corasick automaton over the folded (lower-cased, accent-stripped) text
holding every alias *and* every negative pattern. Overlaps are resolved longest-first, so
"Washington Post" swallows "Washington" and "Nigeria" beats "Niger"; a surviving negative
produces no mention. Word boundaries are enforced on both sides ("Oman" is not in "woman",
"Russian" is not in "Prussian"). Then per alias:

- ``case_sensitive``: the text must match the alias exactly (after accent folding), or be the
  alias in capitals inside an all-capitals text (a headline). "us" is never USA, "turkey" is the
  bird. Every leader alias is case-sensitive ("Xi", "Abe", "Bush").
- tenure: a leader alias maps only on dates inside ``valid_from..valid_to`` (both inclusive;
  an open end means still in office). "Trump" on 2022-06-01 is no mention.
- context rules (``context`` column), the ambiguity that a stoplist cannot enumerate:
  ``given_name``: not a state when glued to another capitalised name ("Michael Jordan",
  "Chad Smith", "Jordan Bardella") unless that word is a title ("Chad President ...");
  ``surname``: not a state after a capitalised given name ("Denzel Washington");
  ``us_state``: "Georgia" is the US state when the sentence has a US-state cue (Atlanta,
  governor, Senate, county, Kemp ...) and no cue for the country (Tbilisi, Georgian, Ossetia,
  Abkhazia ...); the country is the default.

Last, venues and topics are dropped ("talks in Geneva", "the war in Ukraine"): see the
"venues and topics" section below.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from functools import cache

import ahocorasick

from tracker.coding.appositives import drop_appositive_modifiers
from tracker.coding.gazetteer import (
    CONTEXT_RULES,
    KINDS,
    ActorAlias,
    Gazetteer,
    NegativePattern,
    load_gazetteer,
    read_aliases,
    read_leaders,
    read_negatives,
)
from tracker.coding.non_state_heads import drop_non_state_heads
from tracker.coding.venues import VENUE_KEEP, VENUE_KEEP_REACH, drop_venues_and_topics
from tracker.models import Mention

__all__ = [
    "CONTEXT_RULES",
    "KINDS",
    "VENUE_KEEP",
    "VENUE_KEEP_REACH",
    "ActorAlias",
    "ActorMatcher",
    "Gazetteer",
    "NegativePattern",
    "deaccent",
    "default_matcher",
    "find_mentions",
    "fold",
    "load_gazetteer",
    "read_aliases",
    "read_leaders",
    "read_negatives",
]

# Curly quotes and primes normalised to "'" (same length, so offsets stay valid).
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "´": "'"})


class _Deaccent(dict[int, str]):
    """Translation table: each character to its base letter, one character for one."""

    def __missing__(self, key: int) -> str:
        char = chr(key)
        base = unicodedata.normalize("NFKD", char)[:1] or char
        if unicodedata.combining(base) or not base.isprintable():
            base = char
        value = base if len(base) == 1 else char
        self[key] = value
        return value


_DEACCENT = _Deaccent({ord(k): v for k, v in {"ı": "i", "ł": "l", "Ł": "L", "ø": "o"}.items()})


def deaccent(text: str) -> str:
    """Strip accents and normalise apostrophes, keeping the length (offsets stay valid)."""
    if text.isascii():
        return text
    return text.translate(_APOSTROPHES).translate(_DEACCENT)


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower()[:1] or c for c in text)  # "İ".lower() has two characters


def fold(text: str) -> str:
    """The form the automaton sees: accent-free, lower-case, same length as ``text``."""
    return _lower(deaccent(text))


# --- context rules -------------------------------------------------------------------------

# Capitalised words that may stand right before a "given_name"/"surname" alias without making
# it a person's name (sentence openers, prepositions, titles, directions).
_ALLOWED_BEFORE = frozenset(
    [
        "the", "a", "in", "and", "but", "with", "from", "to", "on", "at", "for", "by", "of", "or",
        "neighbouring", "neighboring", "both", "while", "as", "if", "meanwhile", "like", "unlike",
        "then", "when", "since", "after", "before", "including", "king", "queen", "visit",
        "visited", "southern", "northern", "western", "eastern", "central", "rural", "neighbour",
        "neighbor", "ally", "allies", "where", "that", "this", "said", "says", "officials",
        "president", "between", "across", "into", "via", "near", "about", "against"
    ]
)  # fmt: skip
# Capitalised words that may follow a "given_name" alias (it is still the state).
_ALLOWED_AFTER = frozenset(
    [
        "president", "prime", "premier", "foreign", "minister", "ministry", "government", "king",
        "queen", "crown", "prince", "army", "armed", "military", "forces", "troops", "officials",
        "embassy", "ambassador", "parliament", "said", "says", "has", "had", "is", "was", "will",
        "would", "and", "or", "but", "on", "in", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december"
    ]
)  # fmt: skip
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.'-]*) $")
_WORD_AFTER = re.compile(r"^ ([A-Z][\w'-]*)")
_GEO_CUES = re.compile(
    r"\b(?:tbilisi|georgian|georgians|ossetia|abkhazia|caucasus|saakashvili|kobakhidze|"
    r"garibashvili|zourabichvili|kavelashvili|ivanishvili|batumi|kutaisi|black sea)\b"
)
_US_STATE_CUES = re.compile(
    r"\b(?:atlanta|savannah|governor|gov\.|senate|senator|senators|county|counties|kemp|"
    r"raffensperger|peach state|u\.s\. state|us state|state of georgia|state's|statehouse|"
    r"runoff|primary|alabama|florida|tennessee|carolina|bulldogs|legislature)\b"
)


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _context_ok(rule: str, text: str, start: int, end: int) -> bool:
    if not rule:
        return True
    if rule in ("given_name", "surname"):
        before = _WORD_BEFORE.search(text, 0, start)
        if before and _is_capitalised(before.group(1)):
            word = before.group(1).rstrip(".").lower()
            if word not in _ALLOWED_BEFORE and not before.group(1).isupper():
                return False
        if rule == "given_name":
            after = _WORD_AFTER.match(text[end : end + 40])
            if after and after.group(1).lower() not in _ALLOWED_AFTER:
                return False
        return True
    if rule == "us_state":
        low = text.lower()
        return bool(_GEO_CUES.search(low)) or not _US_STATE_CUES.search(low)
    return True


# "then-Secretary of State Mike Pompeo", "then-President Donald Trump": the office held then
_THEN = re.compile(r"\bthen[-\s](?:[\w.’'-]+\s+){0,5}$", re.I)


def _then_held(alias: ActorAlias, on: date, text: str, start: int) -> bool:
    """Did the leader hold the office before ``on``, and does "then-" name that office?"""
    return (
        alias.valid_from is not None
        and alias.valid_from <= on
        and _THEN.search(text, max(0, start - 60), start) is not None
    )


# --- matcher -------------------------------------------------------------------------------


class ActorMatcher:
    """Finds actor mentions in one sentence. Build once, call ``find`` per sentence."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or load_gazetteer()
        entries: dict[str, list[ActorAlias | NegativePattern]] = {}
        for alias in self.gazetteer.aliases:
            entries.setdefault(fold(alias.surface), []).append(alias)
        for negative in self.gazetteer.negatives:
            entries.setdefault(fold(negative.pattern), []).append(negative)
        automaton = ahocorasick.Automaton()
        for key, values in entries.items():
            # Negatives first: a negative that applies blocks the alias of the same key.
            ordered = sorted(values, key=lambda v: not isinstance(v, NegativePattern))
            # (entry or None for a negative, exact deaccented surface when case-sensitive,
            # whether the entry maps on every date and in every context)
            prepared = tuple(
                (
                    None if isinstance(v, NegativePattern) else v,
                    deaccent(v.pattern if isinstance(v, NegativePattern) else v.surface)
                    if v.case_sensitive
                    else None,
                    isinstance(v, ActorAlias)
                    and v.valid_from is None
                    and v.valid_to is None
                    and not v.context,
                )
                for v in ordered
            )
            automaton.add_word(key, (len(key), prepared))
        automaton.make_automaton()
        self._automaton = automaton

    def find(self, text: str, on: date) -> list[Mention]:
        """Mentions in ``text`` on date ``on``: non-overlapping, longest first, by start."""
        if not text:
            return []
        if text.isascii():  # (the common case: deaccent and _lower have nothing to do)
            plain, folded = text, text.lower()
        else:
            plain = deaccent(text)
            folded = _lower(plain)
        all_caps: bool | None = None
        candidates: list[tuple[int, int, ActorAlias | None]] = []
        n = len(text)
        for last, (length, values) in self._automaton.iter(folded):
            start = last - length + 1
            end = last + 1
            if (start and folded[start - 1].isalnum()) or (
                end < n and (folded[end].isalnum() or folded[end] == "$")
            ):
                continue  # not on word boundaries ("woman", "Prussian"), a currency ("US$")
            if start > 3 and folded[start - 1] == "-" and folded[start - 4 : start - 1] == "pro":
                continue  # a stance, no party: "the pro-Russian Shor Party", "pro-Kremlin"
            surface = plain[start:end]
            for alias, exact, always in values:
                if exact is not None and surface != exact:
                    if all_caps is None:
                        all_caps = text.upper() == text
                    if not (all_caps and surface == exact.upper()):
                        continue
                if alias is None:  # a negative pattern
                    candidates.append((start, end, None))
                    break
                if always or (
                    (alias.valid_on(on) or _then_held(alias, on, plain, start))
                    and (not alias.context or _context_ok(alias.context, plain, start, end))
                ):
                    candidates.append((start, end, alias))
                    break
        if not candidates:
            return []
        placed = drop_venues_and_topics(plain, _select(text, candidates))
        return drop_appositive_modifiers(plain, drop_non_state_heads(plain, placed))


def _select(text: str, candidates: list[tuple[int, int, ActorAlias | None]]) -> list[Mention]:
    """Longest match wins among overlapping candidates; surviving negatives give no mention.

    One sweep in start order: a candidate overlapping the last kept one replaces it when it
    is longer (ties keep the leftmost). Linear, and equal to longest-first for the overlaps
    that occur in practice (nested or pairwise: "Washington Post" over "Washington").
    """
    if len(candidates) > 1:
        candidates.sort(key=lambda c: (c[0], -c[1]))
    kept: list[tuple[int, int, ActorAlias | None]] = []
    for c in candidates:
        if kept and c[0] < kept[-1][1]:
            if c[1] - c[0] > kept[-1][1] - kept[-1][0]:
                kept[-1] = c
            continue
        kept.append(c)
    mentions = [
        Mention(alias.code, start, end, text[start:end], alias.kind)
        for start, end, alias in kept
        if alias is not None
    ]
    if "(" in text:
        mentions = _without_bracketed_repeats(text, mentions)
    return _without_owned_institutions(text, mentions)


_OWNER_GAPS = frozenset({"'s ", "’s ", "' ", "’ ", " "})


def _without_owned_institutions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions minus an institution of one state owned by another named right before it:
    "Germany's foreign office", "the German Foreign Office" are Germany's, not Britain's."""
    return [
        m
        for k, m in enumerate(mentions)
        if not (
            k
            and m.kind == "institution"
            and mentions[k - 1].code != m.code
            and mentions[k - 1].kind in ("country", "demonym")
            and text[mentions[k - 1].end : m.start] in _OWNER_GAPS
        )
    ]


def _without_bracketed_repeats(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions minus the bracketed short form right after the same state ("the United
    Arab Emirates (UAE)"): one actor, not a second group or clause."""
    return [
        m
        for k, m in enumerate(mentions)
        if not (
            k
            and mentions[k - 1].code == m.code
            and text[mentions[k - 1].end : m.start] == " ("
            and text[m.end : m.end + 1] == ")"
        )
    ]


@cache
def default_matcher() -> ActorMatcher:
    """One matcher over the package gazetteer per process."""
    return ActorMatcher()


def find_mentions(texts: Iterable[str], on: date) -> list[list[Mention]]:
    """Mentions for each sentence text, with the default matcher."""
    matcher = default_matcher()
    return [matcher.find(t, on) for t in texts]

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
from importlib.resources import files

import ahocorasick

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
            if (start and folded[start - 1].isalnum()) or (end < n and folded[end].isalnum()):
                continue  # not on word boundaries ("woman", "Prussian")
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
                    alias.valid_on(on)
                    and (not alias.context or _context_ok(alias.context, plain, start, end))
                ):
                    candidates.append((start, end, alias))
                    break
        if not candidates:
            return []
        return _drop_non_state_heads(
            plain, _drop_venues_and_topics(plain, _select(text, candidates))
        )


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
    return [
        Mention(alias.code, start, end, text[start:end], alias.kind)
        for start, end, alias in kept
        if alias is not None
    ]


# --- venues and topics ---------------------------------------------------------------------

# "talks in Geneva", "a summit in Helsinki", "snow in Minsk and Washington": a capital after
# "in"/"at" is the place where something happened, not a party to it ...
_VENUE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)
# ... unless it is the seat of a mission or the target of force ("the embassy in Minsk",
# "strikes in Kyiv"): one of these words up to VENUE_KEEP_REACH characters before "in".
VENUE_KEEP_REACH = 40
VENUE_KEEP = re.compile(
    r"\b(?:embass(?:y|ies)|consulates?|ambassadors?|envoys?|missions?|diplomats?|strikes?|"
    r"struck|attacks?|attacked|shell(?:ing|ed)|missiles?|drones?|explosions?|bomb(?:ing|ed)|"
    r"killed|targets?|targeted|targeting|troops|protests?|protesters|arrested|detained|jailed|"
    r"administration|government|authorities|leadership|regime|officials|courts?|judges?|"
    r"police|prosecutors?)\b",
    re.IGNORECASE,
)
# A country is a venue only after a meeting word: "held talks in Saudi Arabia".
_MEETING_VENUE = re.compile(
    r"\b(?:talks|summit|meeting|met|meet|negotiations|conference|held|hosted|signed|swapped)"
    r"\b[^,;]{0,40}\b(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "the war in Ukraine", "a ceasefire in Gaza", "envoy for Ukraine", "peace plan for Ukraine":
# the state is the topic, not an actor. "Russia's war in Ukraine" keeps Ukraine (no article).
_TOPIC = re.compile(
    r"(?:\b(?:the|a|an)\s+(?:war|conflict|fighting|ceasefire|truce|crisis|situation)\s+"
    r"(?:in|over)\s+(?:the\s+)?"
    r"|\benvoy\s+(?:for|on)\s+(?:the\s+)?"
    r"|\b(?:talks|negotiations|discussions|conference|forum|debate)\s+(?:on|about|over)\s+(?:the\s+)?"
    r"|\bpeace\s+(?:plan|deal|process|settlement|efforts?)\s+(?:for|on|in)\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
_LIST_GAP = re.compile(r"^\s*(?:,|and|or|,\s*and)\s*$")
# A _TOPIC or _VENUE match spans at most this many words ("the war in the"): it starts in
# one of the last ones, so the search skips the words before them.
_TOPIC_WORDS = 4
# Both in one search: a topic match starts before the venue match in the same text (its
# words precede the same "in"), so a topic is found whenever there is one.
_TOPIC_OR_VENUE = re.compile(
    rf"(?P<topic>{_TOPIC.pattern})|(?P<venue>{_VENUE.pattern})", re.IGNORECASE
)


# Every match of _TOPIC_OR_VENUE ends with one of these words, whitespace and an optional
# "the" and whitespace.
_PLACE_WORDS = ("in", "at", "over", "for", "on")


def _may_be_topic_or_venue(before: str) -> bool:
    """False when _TOPIC_OR_VENUE cannot match ``before`` (cheap): it ends with neither
    "<place word> " nor "<place word> the "."""
    if not before[-1:].isspace():
        return False
    words = before.rsplit(None, 2)
    last = words[-1].lower() if words else ""
    if last == "the" and len(words) > 1:
        last = words[-2].lower()
    return last.endswith(_PLACE_WORDS)


def _last_words_start(before: str, count: int) -> int:
    """An offset in ``before`` at or before the start of its last ``count`` words."""
    parts = before.rsplit(None, count)
    return len(parts[0]) if len(parts) > count else 0


def _drop_venues_and_topics(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions minus topics and third-party venues (see the patterns above).

    A venue is dropped when the sentence names at least two other states (a third place:
    "Rubio and Lavrov held talks in Riyadh") or no state except venues ("snow in Minsk and
    Washington"); with one other state the venue is kept, since it is usually the host
    ("Putin and Kim signed a pact in Pyongyang"). Cheap: one short look-behind per country
    or capital mention.
    """
    venue: list[bool] = []
    keep: list[Mention] = []
    venue_end = -1
    for m in mentions:
        is_venue = False
        if m.kind in ("capital", "country"):
            before = text[max(0, m.start - 60) : m.start]
            found = (
                _TOPIC_OR_VENUE.search(before, _last_words_start(before, _TOPIC_WORDS))
                if _may_be_topic_or_venue(before)
                else None
            )
            if found and found.lastgroup == "topic":
                continue
            if found:  # a venue
                reach = before[-VENUE_KEEP_REACH - 6 :]
                if m.kind == "capital":
                    is_venue = not VENUE_KEEP.search(reach)
                else:
                    is_venue = bool(_MEETING_VENUE.search(before)) and not VENUE_KEEP.search(reach)
            if not is_venue and venue_end >= 0 and m.kind == "capital":
                is_venue = bool(_LIST_GAP.match(text[venue_end : m.start]))  # "in Minsk and Kyiv"
            if is_venue:
                venue_end = m.end
        keep.append(m)
        venue.append(is_venue)
    if not any(venue):
        return keep
    parties = {m.code for m, v in zip(keep, venue, strict=True) if not v}
    return [
        m
        for m, v in zip(keep, venue, strict=True)
        if not v or (parties and len(parties - {m.code}) < 2)
    ]


@cache
def non_state_heads() -> tuple[frozenset[str], tuple[str, ...]]:
    """(words, hyphen suffixes) of ``data/en/non_state_heads.txt``."""
    raw = files("tracker.data").joinpath("en/non_state_heads.txt").read_text(encoding="utf-8")
    lines = [w.strip().lower() for w in raw.splitlines() if w.strip() and w[0] != "#"]
    return frozenset(w for w in lines if w[0] != "-"), tuple(w for w in lines if w[0] == "-")


_HEAD = re.compile(r"(?:'s)?\s*([A-Za-z]+)")


def _drop_non_state_heads(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions minus those modifying a non-state noun ("Chinese tourists", "UK-based")."""
    if not mentions:
        return mentions
    words, suffixes = non_state_heads()
    keep = []
    for m in mentions:
        if m.kind in ("country", "demonym"):
            after = text[m.end : m.end + 24].lower()
            if after.startswith(suffixes):
                continue
            head = _HEAD.match(after)
            if head is not None and head.group(1) in words:
                continue
        keep.append(m)
    return keep


@cache
def default_matcher() -> ActorMatcher:
    """One matcher over the package gazetteer per process."""
    return ActorMatcher()


def find_mentions(texts: Iterable[str], on: date) -> list[list[Mention]]:
    """Mentions for each sentence text, with the default matcher."""
    matcher = default_matcher()
    return [matcher.find(t, on) for t in texts]

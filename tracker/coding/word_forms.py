"""The form of a trigger's words: a verb form or a noun (issue 13, one sentence analysis:
used by the argument finder)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from tracker.coding.matching import Match
from tracker.coding.mode_scopes import IRREGULAR_PARTICIPLES

TOPIC_PREPS = frozenset({"on", "about", "over"})  # "talks on sanctions relief"
_ARTICLES = frozenset({"the", "a", "an"})


def topic_noun(words: Sequence[str], m: Match) -> bool:
    """Is the trigger a noun after "on/about/over the" ("brief him on the talks with")?"""
    return m.first > 1 and words[m.first - 1] in _ARTICLES and words[m.first - 2] in TOPIC_PREPS


def is_verb_form(word: str, before: str = "") -> bool:
    """A past tense, participle or gerund ("imposed", "met", "supplying"); an -ing word after
    an article is a noun ("over the killing of a Sikh separatist")."""
    if word.endswith("ing"):
        return before not in _ARTICLES
    return word.endswith("ed") or word in IRREGULAR_PARTICIPLES


def is_noun(words: Sequence[str], m: Match) -> bool:
    """A one-word noun trigger ("sanctions", "exercises"), no verb form."""
    return (
        m.first == m.last and m.first > 0 and not is_verb_form(words[m.first], words[m.first - 1])
    )


def reads_as_noun(words: Sequence[str], m: Match) -> bool:
    """Is the trigger read as a noun with arguments of its own: one word and no verb form,
    after a topic preposition ("talks on sanctions relief") or after "on the" ("brief him on
    the talks with Putin"), or several words after "the" ("since the start of the war")?"""
    return (
        (m.first == m.last and not is_verb_form(words[m.first], words[m.first - 1]))
        or (m.first > 0 and words[m.first - 1] in TOPIC_PREPS)
        or (m.first < m.last and m.first > 0 and words[m.first - 1] == "the")  # "since the
        # start of the war": a verb after "the" is a noun
        or topic_noun(words, m)
    )


_NOUN_OPENERS = frozenset({"the", "a", "an", "its", "their", "his", "her"})


def conjunction_before(words: Sequence[str], first: int) -> str:
    """The word before a trigger, or "and"/"but" before its determiner and participle ("the
    arrest of a spy and the planned expulsion of a diplomat": one subject for both nouns)."""
    k = first - 1
    if k >= 1 and words[k].endswith("ed") and words[k - 1] in _NOUN_OPENERS:
        k -= 1  # "the planned"
    if k >= 1 and words[k] in _NOUN_OPENERS and words[k - 1] in ("and", "but"):
        return words[k - 1]
    return words[first - 1] if first > 0 else ""


_PHRASE_PREPOSITIONS = frozenset(
    {"amid", "of", "after", "during", "following", "despite", "over", "since", "before", "in"}
)


def in_phrase_between(before: Sequence[str]) -> bool:
    """Do the lower-cased words ``before`` a group end with "between (the)" after a noun in a
    prepositional phrase ("amid a warming of relations between")? Then the group is that
    noun's parties, not a clause subject ("The deal between Saudi Arabia and Iran restored
    ties" has no preposition before its noun: the parties are the subject)."""
    tail = before[-2:]
    if "between" not in tail:
        return False
    k = len(before) - (2 if tail[-1] != "between" else 1)
    return not _PHRASE_PREPOSITIONS.isdisjoint(before[max(0, k - 4) : k])


_PREPOSITION_TAILS = frozenset({"with", "on", "against", "to", "of", "by", "from"})


def ends_in_preposition(text: str, m: Match) -> bool:
    """Does the trigger end in a preposition ("talks with")?"""
    tail = text.rfind(" ", m.start, m.end)
    return tail > 0 and text[tail + 1 : m.end].lower() in _PREPOSITION_TAILS


_ADDRESSEE_GAP = re.compile(r"\s*(?:(?:the|his|her|their|its)\s+)?$")


def addressed_next(text: str, end: int, after_all: Sequence[Any]) -> bool:
    """Is the first actor group after ``end`` named right after it, past a possessive or
    "the" at most ("told Kyiv", "spoke to his Russian counterpart"; not "speaking to CNBC")?"""
    return bool(after_all) and _ADDRESSEE_GAP.match(text, end, after_all[0].start) is not None

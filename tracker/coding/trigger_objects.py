"""Triggers that are no act of their own (docs/tone_and_events.md, items 78-80).

- An attributive participle names a state of affairs, not an act of the day: "the annexed
  Crimea", "the occupied West Bank" (before a name), and a hedge whatever follows it: "the
  alleged violations", "his alleged role" (the writer's caution, nobody's accusation).
- The agreement a signing takes as its object is what was signed, not a second event: in
  "signed a security treaty" the treaty is the signing's object (SUPPORT, CAMEO 057), as it
  is in every signing, so it is made the signing's content (``Match.governor``).
- A hostile act in a condition makes no threat of an intent before the condition: "is
  willing to help defend Lithuania if it is attacked" promises the defence; the attack is
  the condition's (see ``conditions_between``).
- An act ruled out is negated, and a cooperative one is refused: "lifting the sanctions is
  out of the question", "a withdrawal is off the table", "ruled out talks with Kyiv" (see
  ``with_ruled_out``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from tracker.coding.mode_scopes import CLAUSE_BREAK, IRREGULAR_PARTICIPLES, is_participle
from tracker.models import Mode

Match = Any  # tracker.coding.matching.Match, which imports this module (no import circle)

__all__ = [
    "CHECKED",
    "INFINITIVE_HEADS",
    "NAMED_OBJECT",
    "attributive",
    "conditions_between",
    "names_next",
    "no_act_here",
    "with_ruled_out",
    "with_signed_objects",
]

_DETERMINERS = frozenset({"the", "a", "an", "all"})
# hedging participles: an adjective after a determiner, a possessive or a preposition
_HEDGES = frozenset({"alleged", "purported"})
_HEDGE_MARKERS = _DETERMINERS | {
    "his", "her", "its", "their", "our", "of", "for", "over", "about", "against", "into",
    "on", "in", "by", "with", "and", "or",
}  # fmt: skip


# what may follow a participle used as a verb or a noun ("the detained in Minsk")
_LINKS = frozenset({
    "by", "in", "at", "to", "with", "from", "on", "and", "or", "of", "for", "after", "over",
    "since", "during", "under", "as", "were", "was", "are", "is", "have", "had", "has",
})  # fmt: skip


def attributive(words: Sequence[str], surface: Sequence[str], i: int) -> bool:
    """Is the participle at ``i`` an adjective, a state of affairs or a hedge ("in the
    occupied West Bank", "the annexed Crimea", "the alleged violations")?"""
    if not 0 < i < len(words) - 1:
        return False
    if words[i] in _HEDGES:
        return words[i - 1] in _HEDGE_MARKERS and words[i + 1] not in ("that", "to")
    if not surface[i + 1][:1].isupper():  # "the captured soldiers", "their detained son"
        return words[i - 1] in _OWNERS and words[i + 1].isalpha() and words[i + 1] not in _LINKS
    k = i - 2 if i > 1 and words[i - 1].endswith("ly") else i - 1  # "all wrongfully detained"
    return (
        words[k] in _DETERMINERS
        or words[k] == "of"
        or words[k] in _TRADED  # "to purchase sanctioned Russian oil": the oil's adjective
        or (  # "evidence of coordinated
            words[k].endswith("ed") or words[k] in IRREGULAR_PARTICIPLES  # Russian activity";
        )
    )  # "met sanctioned Russian envoy Kirill Dmitriev": the object's adjective after a verb


_TRADED = frozenset(
    {"buy", "buys", "buying", "bought", "purchase", "purchases", "purchasing", "purchased",
     "sell", "sells", "selling", "sold", "import", "imports", "importing", "imported",
     "export", "exports", "exporting", "exported", "ship", "shipping", "shipped", "carry",
     "carries", "carrying", "transport", "transporting", "load", "loading", "loaded"}
)  # fmt: skip


# Verbs that are an act toward a state only with a named object ("helped Ukraine", "wants
# to help Israel"); "help him oust", "help support", "help end the war" are help to another
# act, and "asked for help" a noun (item 86).
NAMED_OBJECT = frozenset(
    {"help", "helps", "helped", "helping", "assist", "assists", "assisted", "assisting"}
)


def names_next(surface: Sequence[str], i: int) -> bool:
    """Does a name follow the token at ``i`` (directly or after "the")? A name is any token
    not all lower case ("Ukraine", "U.S.", "iSrael")."""
    k = i + 2 if i + 2 < len(surface) and surface[i + 1] == "the" else i + 1
    return k < len(surface) and not surface[k].islower() and surface[k][:1].isalpha()


# Words whose "to" makes the trigger after it a verb: "The U.S. Secretary of State wants to
# help Israel" is the Secretary's act, not a noun inside "of State" (item 87).
INFINITIVE_HEADS = frozenset({
    "want", "wants", "intend", "intends", "plan", "plans", "hope", "hopes", "seek", "seeks",
    "wish", "wishes", "aim", "aims", "try", "tries", "ready", "willing", "able", "set",
    "going", "due", "prepared", "eager", "keen",
})  # fmt: skip


# Present participles that before a noun describe a standing state, not the day's act: "an
# occupying army", "the invading troops", "the warring parties" (item 94)
_STATE_PARTICIPLES = frozenset({"occupying", "invading", "warring"})
_OWNERS = _DETERMINERS | {"his", "her", "its", "their", "our", "this", "these", "those"}
_NOT_A_NOUN = frozenset({"of", "the", "a", "an", "its", "their", "and", "or", ",", "."})
# The noun of an agreement after a definite determiner names one already made ("extend the
# agreement", "the last major nuclear arms agreement between Washington and Moscow"), not
# the day's agreeing, unless it was reached or signed then ("the agreement reached in
# Riyadh"); "an agreement with", "no agreement" and "agreements reached" stay acts.
_AGREEMENT_NOUNS = frozenset({"agreement", "agreements"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their"})
_MADE_THEN = frozenset({"reached", "signed", "struck", "concluded", "clinched", "brokered"})
_WELCOMED = frozenset({"welcomed", "welcome", "welcomes", "welcoming", "hailed", "hails"})
_MODIFIER_REACH = 4  # words between the determiner and the noun ("the last major nuclear arms")
# "asked what / how / whether ...": a question, not a request, even with a "to" later
# ("was asked what concessions Putin needs to make"); the addressee may stand between
_ASKING = frozenset({"ask", "asks", "asked", "asking"})
_QUESTION_WORDS = frozenset({"what", "how", "why", "which", "whether", "who", "if", "when"})
_REQUESTED = frozenset({"to", "for", "that", ",", "."})
# "is / remains / has been under U.S. sanctions": a standing state, not the day's sanctioning
# ("placed Belavia under sanctions", "came under new sanctions" are acts)
_SANCTIONS = frozenset({"sanctions", "sanction"})
_PUT_UNDER = frozenset(
    {"placed", "place", "places", "placing", "put", "puts", "putting", "brought", "bring",
     "came", "come", "comes", "coming", "fell", "fall", "falls", "new", "fresh", "additional"}
)  # fmt: skip
# a person's title before a name is no act: "the released journalist X, protester Y and ..."
_TITLE_NOUNS = frozenset({"protester", "protestor", "demonstrator"})
# a bare form that is mostly a noun of another sense is the verb only after "to" or a modal:
# "to lobby Washington", "will lobby", but "a strong anti-Russian lobby persists" (a group)
_NOUN_FIRST = frozenset({"lobby"})
_VERB_BEFORE = frozenset(
    {"to", "will", "would", "can", "could", "must", "should", "may", "might", "not", "and", "or"}
)
CHECKED = (
    NAMED_OBJECT | _STATE_PARTICIPLES | _AGREEMENT_NOUNS | _ASKING | _SANCTIONS | _TITLE_NOUNS
    | _NOUN_FIRST
)  # fmt: skip


def no_act_here(words: Sequence[str], surface: Sequence[str], i: int) -> bool:
    """Is the trigger word at ``i`` (a participle, or a word of CHECKED) no act here: an
    attributive participle, "help" with no name after it, "an occupying army" or "the
    agreement" already made?"""
    w = words[i]
    if w in NAMED_OBJECT:
        return not names_next(surface, i)
    if w in _AGREEMENT_NOUNS:
        return _made_before(words, i)
    if w in _TITLE_NOUNS:
        return names_next(surface, i)
    if w in _NOUN_FIRST:
        return i == 0 or words[i - 1] not in _VERB_BEFORE
    if w in _SANCTIONS:
        return _under_sanctions(words, i)
    if w in _ASKING:
        return _asks_a_question(words, i) or (w == "asked" and attributive(words, surface, i))
    if w in _STATE_PARTICIPLES:
        nxt = words[i + 1] if i + 1 < len(words) else "."
        return i > 0 and words[i - 1] in _OWNERS and nxt not in _NOT_A_NOUN
    return attributive(words, surface, i)


def _under_sanctions(words: Sequence[str], i: int) -> bool:
    """Is the sanctions noun at ``i`` what a state is under ("has been under U.S.
    sanctions since 2022"), not sanctions put on it then?"""
    for k in range(i - 1, max(-1, i - 6), -1):  # ("under Western and U.S. sanctions")
        if words[k] == "under":
            return _PUT_UNDER.isdisjoint(words[max(0, k - 4) : i])
        if not words[k].isalnum() and "." not in words[k]:
            return False  # a comma, a quotation mark: the phrase starts after it
    return False


def _asks_a_question(words: Sequence[str], i: int) -> bool:
    """Does a question word follow the asking verb at ``i`` within three words, before any
    "to / for / that" of a request ("asked Lavrov how Russia intends to respond")?"""
    for w in words[i + 1 : i + 4]:
        if w in _QUESTION_WORDS:
            return True
        if w in _REQUESTED:
            return False
    return False


def _made_before(words: Sequence[str], i: int) -> bool:
    """Is the agreement noun at ``i`` a definite one made before ("shifting the agreement"),
    not one reached or signed in the sentence ("the agreement reached in Riyadh")?"""
    for k in range(i - 1, max(-1, i - 2 - _MODIFIER_REACH), -1):
        if words[k] in _DEFINITE:  # (one welcomed is the day's: "welcomed the agreement")
            return _MADE_THEN.isdisjoint(words[i + 1 : i + 4]) and (
                k == 0 or words[k - 1] not in _WELCOMED
            )
        if not words[k].isalnum() and "-" not in words[k]:
            return False  # a comma or a quotation mark: the noun phrase starts after it
    return False


SIGNING = "agree.sign"
# nouns of a formal agreement, the object of a signing
_AGREEMENTS = frozenset({
    "agreement", "agreements", "deal", "deals", "accord", "accords", "pact", "pacts",
    "treaty", "treaties", "memorandum", "memorandums", "memoranda", "protocol", "charter",
})  # fmt: skip
_OBJECT_REACH = 5  # tokens between "signed" and its object ("signed a 10-year security treaty")


_LAUNCHED = frozenset({"fired", "launched", "lobbed", "dropped"})
_BE_WORDS = frozenset({"was", "were", "been", "had", "has", "have", "being"})


def _launched_weapon(matches: tuple[Match, ...], words: Sequence[str], j: int) -> bool:
    """Is the noun ``matches[j]`` ("a mortar bomb", "shells") the subject of the passive
    launch that follows it ("was fired at it from the Gaza Strip")? One act, the verb's."""
    m = matches[j]
    if m.category != "ASSAULT" or m.first != m.last or words[m.first].endswith("ing"):
        return False
    if j + 1 >= len(matches) or matches[j + 1].category != "ASSAULT":
        return False
    between = words[m.last + 1 : matches[j + 1].first]
    return (
        bool(between)
        and _BE_WORDS.issuperset(between)
        and (words[matches[j + 1].first] in _LAUNCHED)
    )


def with_signed_objects(matches: tuple[Match, ...], words: Sequence[str]) -> tuple[Match, ...]:
    """``matches`` with the agreement a signing takes as its object ("signed a treaty",
    "signed an agreement on ...") made that signing's content: coded with it, not as a
    second (AGREE) event of the sentence; and a weapon noun that is the subject of a passive
    launch ("a mortar bomb was fired at ...") the launch's (item 95)."""
    out = list(matches)
    for j, m in enumerate(matches):
        if m.category == "ASSAULT" and _launched_weapon(matches, words, j):
            out[j] = m._replace(governor=j + 1)
            continue
        if m.rule != SIGNING:
            continue
        for k in range(j + 1, len(matches)):
            o = matches[k]
            between = words[m.last + 1 : o.first]
            if len(between) > _OBJECT_REACH or not CLAUSE_BREAK.isdisjoint(between):
                break
            if o.category == "AGREE" and words[o.last] in _AGREEMENTS and o.governor < 0:
                out[k] = o._replace(governor=j)
                break
    return tuple(out)


_CONDITIONS = frozenset({"if", "unless"})


def conditions_between(words: Sequence[str], first: int, last: int) -> bool:
    """Does a condition ("if", "unless") open between two triggers? A hostile act after it
    is the condition's, no threat of the intent before ("ready to help defend Lithuania if
    it is attacked": the attack is no act promised)."""
    return not _CONDITIONS.isdisjoint(words[first:last])


# what rules an act out, after it ("is out of the question", "is off the table", "has been
# ruled out") or before it ("ruled out talks"); a sentence without any of these words is
# not read further
_RULING_WORDS = frozenset({"question", "table", "out"})
_BE = frozenset({"is", "was", "are", "were", "be", "been", "remains", "remain", "remained"})
_RULE_VERBS = frozenset({"ruled", "rules", "rule", "ruling"})
_RULE_REACH = 8  # tokens between the act and what rules it out
# acts whose ruling out is a refusal (CAMEO 12), as a declared "will not" is
_REFUSABLE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})


def _ruled_out_after(words: Sequence[str], last: int) -> bool:
    """Does "is (currently) out of the question / off the table / ruled out" follow the
    act in its clause?"""
    for k in range(last + 1, min(len(words), last + 1 + _RULE_REACH)):
        w = words[k]
        if w in CLAUSE_BREAK:
            return False
        if w in _BE:
            j = k + 2 if k + 1 < len(words) and words[k + 1].endswith("ly") else k + 1
            rest = list(words[j : j + 4])
            return rest == _QUESTION or rest[:3] == _TABLE or rest[:2] == _RULED
    return False


_QUESTION, _TABLE, _RULED = (
    ["out", "of", "the", "question"],
    ["off", "the", "table"],
    ["ruled", "out"],
)


def _ruled_out_before(words: Sequence[str], first: int) -> bool:
    for k in range(first - 1, max(0, first - 1 - _RULE_REACH), -1):
        w = words[k]
        if w in CLAUSE_BREAK:
            return False
        if w == "out" and words[k - 1] in _RULE_VERBS:
            return True
    return False


def with_ruled_out(matches: tuple[Match, ...], words: Sequence[str]) -> tuple[Match, ...]:
    """``matches`` with each act that is ruled out negated and, when it is cooperative, a
    REJECT on its span whose content it is ("removing the sanctions on Burma is out of the
    question": a refusal by whoever says so). Run before any governor is set (the caller
    skips sentences without " out" or "table")."""
    if _RULING_WORDS.isdisjoint(words):
        return matches
    out: list[Match] = []
    for m in matches:
        ruled = (
            m.mode is Mode.ASSERTED and m.category != "REJECT" and (_ruled_out_after(words, m.last))
        )
        refused = m.category in _REFUSABLE and (
            ruled or (m.mode is Mode.NEGATED and _ruled_out_before(words, m.first))
        )
        if not (ruled or refused):
            out.append(m)
            continue
        out.append(m._replace(mode=Mode.NEGATED, governor=len(out) + 1 if refused else -1))
        if refused:
            out.append(m._replace(rule="reject.ruled_out", category="REJECT", mode=Mode.ASSERTED))
    return tuple(out)


# what one names, grants or refuses is someone else's act or request ("called the releases a
# success", "Putin granted the request": no request of Putin's)
NAMING = frozenset(
    {"called", "calls", "call", "described", "describes", "termed", "dubbed", "branded",
     "granted", "accepted", "rejected", "denied", "refused", "approved", "ignored", "heeded",
     "fulfilled", "answered", "declined"}
)  # fmt: skip
_NAMED_AS = re.compile(
    r"\b(?:called|described|termed|dubbed|branded|labell?ed|characteri[sz]ed|qualifying"
    r"|singl(?:es|ed|e)\s+out|regard(?:s|ed)?|views?|viewed|sees|saw|seen|perceive[sd]?"
    r"|portray(?:s|ed)?|depict(?:s|ed)?|paint(?:s|ed)?)\b"
    r"[^,;]{0,40}?\bas\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}$"
)


def named_as(text: str, words: Sequence[str], m: Any, noun: bool) -> bool:
    """Is the noun trigger ``m`` (``noun``, or a phrase led by a noun: "violations of its
    airspace") what something is called ("described this move as a brutal assault against a
    peaceful nation": the namer's judgement, not its act)?"""
    if not noun and (m.first == m.last or words[m.first].endswith(("ed", "ing"))):
        return False
    return _NAMED_AS.search(text, max(0, m.start - 80), m.start) is not None


_HOSTS = frozenset({"be", "been", "being", "is", "are", "was", "were", "get", "got", "have",
                    "has", "had", "and", "or", "not", "to", "never"})  # fmt: skip
_ATTRIBUTIVE_NEXT = frozenset({"on", "in", "for", "since", "over", "after", "at", "by", "under"})


def noun_modifier(words: Sequence[str], i: int) -> bool:
    """Is the participle at ``i`` a noun's modifier ("a journalist jailed on false charges"),
    no content of a verb before it ("offered to free a journalist jailed on ...")?"""
    before = words[i - 1] if i > 0 else ""
    return (
        i + 1 < len(words)
        and words[i + 1] in _ATTRIBUTIVE_NEXT
        and before.isalpha()
        and before not in _HOSTS
        and not before.endswith("ly")
        and is_participle(words[i])
    )

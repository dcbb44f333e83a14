"""Is a trigger in the passive voice ("was praised", "were expelled"), and who is its "by X"
agent? Shared by the argument finder and the positional fallback (docs/tone_and_events.md,
"Arguments and direction").

``is_passive`` runs for most verb triggers; its two regexes are guarded by string tests that
give the same answer on ASCII text (the regexes are case-insensitive: on other text,
Unicode case folding decides, so the regexes run as they are).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from operator import itemgetter
from typing import TYPE_CHECKING

from tracker.coding.argument_groups import Args
from tracker.coding.mode_scopes import IRREGULAR_PARTICIPLES

if TYPE_CHECKING:
    from tracker.coding.argument_groups import Group, Near
    from tracker.coding.matching import Match

PASSIVE_REACH = 60  # characters between a trigger and "by X" for X to be the passive agent
# "a deal brokered by the UAE", "talks mediated by Turkey": the agent of a participle that
# modifies a noun (no auxiliary before it), not of the sentence's verb
REDUCED_RELATIVE_BY = re.compile(
    r"\b(?!(?:was|were|been|being|is|are|be|got|get|gets|has|have|had|not|also)\b)"
    r"(?![a-z]+ly\b)[A-Za-z]+,?\s+"  # ", mediated by Oman" after a place or noun too
    r"[a-z]+(?:ed|en)\s+by\s+(?:the\s+)?$"
)
_IN_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")
# "the ambassador was summoned to the X ministry", "... to the Ministry of Foreign Affairs of X"
_TO_THE = re.compile(r"\s+to\s+(?:the\s+)?(?:(?:[A-Z]\w*|of)\s+){0,6}(?:the\s+)?$")
# "by Trump", "by the United States", and after a list of names that are no state: "by the
# European Union, the U.S., and others"
_NAME = r"[A-Z][\w.'’-]*"
_LISTED = rf"(?:{_NAME}\s+){{0,2}}{_NAME}(?:,\s+and\s+|,\s+|\s+and\s+)(?:the\s+)?"
PASSIVE_BY = re.compile(rf"\bby\s+(?:the\s+)?(?:{_LISTED}){{0,3}}(?:{_NAME}\s+){{0,3}}$")
BE_PARTICIPLE = re.compile(
    r"\b(?:was|were|been|being|be|is|are|got)\s+(?:\w+ly\s+)?"
    r"(?:\w+(?:ed|en|wn)|held|met|hit|shot|struck|sent|put|cut|freed)$",
    re.IGNORECASE,
)
_PARTICIPLE_END = re.compile(r"(?:ed|en|wn|held|met|hit|shot|struck|sent|put|cut|freed)$", re.I)
# The endings _PARTICIPLE_END matches.
_PARTICIPLE_ENDINGS = ("ed", "en", "wn", "held", "met", "hit", "shot", "struck", "sent", "put",
                       "cut", "freed")  # fmt: skip
_PARTICIPLE_REACH = 7  # characters: "struck" (6 letters), or 7 before a trailing "\n"
_BE_REACH = 40  # characters before the trigger searched for its "be" verb


_LAUNCHES = ("fired", "launched", "lobbed", "shot")


def is_passive(text: str, start: int, end: int) -> bool:
    """BE_PARTICIPLE ends at the trigger ``text[start:end]`` ("was praised", "were expelled");
    a launch's first word is its participle ("were fired at", item 84)."""
    if text.startswith(_LAUNCHES, start) and (space := text.find(" ", start, end)) > 0:
        end = space
    tail = text[max(0, end - _PARTICIPLE_REACH) : end]
    if not tail.isascii():
        if not _PARTICIPLE_END.search(tail):
            return False
    elif not tail.lower().removesuffix("\n").endswith(_PARTICIPLE_ENDINGS):
        return False  # "$" matches at the end and before a final newline
    pos = max(0, start - _BE_REACH)
    window = text[pos:end]
    if window.isascii() and not _may_hold_be(window.lower()):
        return False
    return BE_PARTICIPLE.search(text, pos, end) is not None


_PUT_UNDER = frozenset({"put", "placed", "kept", "held"})
_UNDER = "under"
_BEING_UNDER = frozenset({"is", "are", "was", "were", "been", "remains", "remain", "came", "comes"})


def put_under(words: Sequence[str], m: Match) -> bool:
    """Is the noun trigger what its subject was put under or is under ("has been put under
    investigation", "were placed under house arrest", "is under pressure", "came under
    attack")? Its subject is its target (item 89)."""
    k = m.first - 1
    if m.last != k + 1 or k < 2 or (words[k] != "under" and words[k - 1] != "under"):
        return False
    if words[k] != "under":
        k -= 1
    return k >= 1 and (
        words[k - 1] in _BEING_UNDER  # "Belarus is under pressure", "came under attack"
        or (k >= 2 and words[k - 1] in _PUT_UNDER and words[k - 2] in _AUXILIARY_BEFORE)
    )


# participles of a state of mind: "X is disappointed / frustrated / pleased with Y" is X's
_STATES_OF_MIND = frozenset(
    {"disappointed", "dismayed", "concerned", "alarmed", "troubled", "outraged", "frustrated",
     "angered", "annoyed", "irritated", "pleased", "satisfied", "impressed", "delighted"}
)  # fmt: skip


def opens_passive(text: str, words: Sequence[str], m: Match) -> bool:
    """Is a trigger of several tokens opened by a passive participle and "with" ("Belarus
    has been slapped with Western sanctions", "was hit with new tariffs"), or a noun the
    subject was put under? Its subject is its target ("was disappointed in Putin" is no
    passive: a state of mind)."""
    if m.first == m.last:
        return _UNDER in words[m.first - 2 : m.first] and put_under(words, m)
    return (
        m.first < m.last
        and words[m.first + 1] == "with"
        and words[m.first] not in _STATES_OF_MIND  # "is disappointed with Putin": Trump is
        and is_passive(text, m.start, m.start + len(words[m.first]))
    )


def is_agent_by(text: str, trigger_end: int, actor_start: int) -> bool:
    """Does PASSIVE_BY end at the actor after the trigger ("was praised by Trump",
    "sanctions imposed on Belarus by the US")?"""
    if text.find("by", trigger_end, actor_start) < 0:  # PASSIVE_BY is case-sensitive
        return False
    found = PASSIVE_BY.search(text, trigger_end, actor_start)
    # "exchanged prisoners in a deal brokered by the UAE": another participle's agent
    return found is not None and not REDUCED_RELATIVE_BY.search(text, trigger_end, actor_start)


# a participle and "by" right before an actor inside a gapped trigger: "charged by Russia with"
_PARTICIPLE_BY = re.compile(
    r"\b(?:[a-z]+(?:ed|en)\s+by|withdrawal\s+of|pullout\s+of)\s+(?:the\s+|its\s+|their\s+)?$"
)  # ("the withdrawal of the Ukrainian military from ...": Ukraine withdraws)


def agent_inside(text: str, m: Match, inside: Sequence[Group]) -> tuple[str, ...] | None:
    """The agent named inside a gapped trigger right after its participle ("who was charged
    by Russia with treason": Russia charges, it is no target) or its noun's "of"
    ("withdrawal of the Ukrainian military"), or None."""
    for g in inside:
        if _PARTICIPLE_BY.search(text, m.start, g.start):
            return g.codes
    return None


# Material conflict: "were killed in Israeli shelling" names the attacker in the attack.
ATTACKS = frozenset({"ASSAULT", "COERCE"})  # categories of the attacks an agent is read from
_IN_ATTACK = re.compile(r"^\s+(?:in|during)\s+(?:an?\s+|the\s+)?$", re.I)
_TO_ATTACK = re.compile(r"^(?:'s|')?\s+(?:[\w-]+\s+){0,2}$")  # "Israeli tank shelling"


def is_attack_agent(
    text: str, trigger_end: int, actor_start: int, actor_end: int, attacks: tuple[int, ...]
) -> bool:
    """Is the actor the attacker of an attack the passive trigger happened in ("were killed
    in Israeli shelling", "died in a Russian drone strike")? ``attacks``: where the
    sentence's attack triggers start."""
    if not attacks or not _IN_ATTACK.match(text[trigger_end:actor_start]):
        return False
    return any(a >= actor_end and _TO_ATTACK.match(text[actor_end:a]) for a in attacks)


def _may_hold_be(lower: str) -> bool:
    """Does lower-cased ASCII text hold a "be" word of BE_PARTICIPLE (at least as part of
    a word: "been" and "being" hold "be")?"""
    return (
        "be" in lower
        or "is" in lower
        or "was" in lower
        or "were" in lower
        or "are" in lower
        or "got" in lower
    )


# A passive launch names where it came from and where it went: "rockets were fired from
# Lebanon at northern Israel", "a drone was launched at Poland from Belarus" (item 84).
_FROM_ORIGIN = re.compile(r"\bfrom\s+(?:the\s+)?(?:[a-z]+ern\s+)?$")
_AT_GOAL = re.compile(r"\b(?:at|into|on|toward|towards|against)\s+(?:the\s+)?(?:[a-z]+ern\s+)?$")
_START = itemgetter(1)  # a Group's start


def launch_origin(
    text: str, m: Match, before: Sequence[Group], groups: Sequence[Group]
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(source, target) of a passive launch, or one with no actor as its subject ("Hezbollah
    fired rockets from Lebanon at Israel"), with a "from X" origin among ``groups`` (the
    actors inside and after the trigger, in text order), else None: its goal is the group
    after "at/into/on/toward", else the subject before it ("Israel was hit by rockets")."""
    if not text.startswith(_LAUNCHES, m.start) or "from" not in text[m.start :]:
        return None
    first_end = text.find(" ", m.start, m.end)
    if before and not is_passive(text, m.start, first_end if first_end > 0 else m.end):
        return None  # an active launch has its subject as source
    origin = goal = None
    end = m.start
    for g in groups:
        if g.start - m.end > PASSIVE_REACH:
            break
        gap = text[end : g.start]
        if origin is None and _FROM_ORIGIN.search(gap):
            origin = g
        elif goal is None and _AT_GOAL.search(gap):
            goal = g
        end = g.end
    if origin is None:
        return None
    target = goal.codes if goal else before[0].codes if before else ()
    return origin.codes, tuple(c for c in target if c not in origin.codes)


def passive_agent(
    text: str,
    m: Match,
    before: Sequence[Group],
    after_all: Sequence[Group],
    inside: Sequence[Group],
    attacks: tuple[int, ...],
    passive: bool | None,
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(source, target) when an actor after the trigger is its passive agent ("was praised
    by Trump", "were killed in Israeli shelling"), else None; ``passive``: is the trigger
    passive (None: not known yet)."""
    if m.category == "ASSAULT" and (
        launched := launch_origin(text, m, before, sorted([*inside, *after_all], key=_START))
    ):
        return launched
    summoned = text.endswith(("summoned", "invited"), m.start, m.end)  # "was summoned to the
    # X ministry", "was invited to the Ministry of Foreign Affairs of Belarus"
    for k, g in enumerate(after_all):
        if g.start - m.end > PASSIVE_REACH:
            break
        if (
            is_agent_by(text, m.end, g.start)
            or (summoned and _TO_THE.match(text, m.end, g.start) is not None)
        ) or (
            is_attack_agent(text, m.end, g.start, g.end, attacks)
            and (passive if passive is not None else is_passive(text, m.start, m.end))
        ):
            if before:  # (past a place: "the Ambassador of Ukraine in Minsk was invited")
                placed = len(before) > 1 and _IN_PLACE.search(text, 0, before[0].start)
                target = before[1 if placed else 0].codes
            elif inside:
                target = inside[0].codes
            else:
                target = after_all[k - 1].codes if k else ()
            return g.codes, target
    return None


# Categories of acts (QuadClass 2 and 4) whose agentless passive has its subject as target;
# verbal ones are often adjectives ("is opposed to", "is committed to").
MATERIAL = frozenset(
    {"CONCEDE", "COOPERATE", "AID", "RETREAT", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
     "ASSAULT"}
)  # fmt: skip


def reduced_passive(words: Sequence[str], m: Match) -> bool:
    """ "officials accused of playing a role": a participle straight before of/for/over/by
    modifies the noun before it; whoever accused them is not said."""
    nxt = words[m.last + 1] if m.last + 1 < len(words) else ""
    return (
        m.first == m.last
        and m.first > 0
        and words[m.first].endswith("ed")
        and nxt in {"of", "for", "over"}
        and words[m.first - 1] not in _AUXILIARY_BEFORE
    )


def predicative_participle(words: Sequence[str], m: Match) -> bool:
    """ "citizens classified by the U.S. government as wrongfully detained": a participle
    after "as" says what someone is called; the "by X" before it is the calling's agent,
    not the act's (the act's own agent may follow: "as detained by Russia")."""
    if m.first != m.last or m.first < 1 or not words[m.first].endswith("ed"):
        return False
    k = m.first - 1
    if words[k].endswith("ly") and k > 0:  # "as wrongfully detained"
        k -= 1
    return words[k] == "as"


# After a participle of a material act, these open what follows a reduced passive ("soldiers
# killed in Ukraine", "killed by drones", "detained near the border").
_AFTER_REDUCED = frozenset(
    {"by", "in", "at", "near", "during", "on", "outside", "inside", "while", "when", "after"}
)


def reduced_material_passive(words: Sequence[str], m: Match) -> bool:
    """ "Russian soldiers killed in Ukraine": a material act's participle right after a noun
    (no auxiliary, no pronoun) and before a preposition is a reduced passive."""
    if m.category not in MATERIAL or m.first != m.last or m.first == 0:
        return False
    word, prev = words[m.first], words[m.first - 1]
    nxt = words[m.last + 1] if m.last + 1 < len(words) else ""
    return (
        (word.endswith("ed") or word in IRREGULAR_PARTICIPLES)
        and nxt in _AFTER_REDUCED
        and prev.isalpha()
        and prev not in _AUXILIARY_BEFORE
        and prev not in _NOT_A_HEAD
        and word not in _ALSO_INTRANSITIVE
    )


# Participles whose verb also goes without an object ("Russian troops attacked in the
# night" is active): no reduced passive is read from them.
_ALSO_INTRANSITIVE = frozenset(
    {"attacked", "shelled", "struck", "fired", "bombed", "fought", "advanced", "raided",
     "clashed", "retaliated", "protested", "demonstrated", "rioted", "retreated", "withdrew",
     "mobilized", "mobilised", "intervened", "invaded", "escalated"}
)  # fmt: skip


_NOT_A_HEAD = frozenset(
    {"who", "which", "that", "he", "she", "they", "we", "it", "i", "also", "reportedly",
     "allegedly", "and", "or", "then", "later", "had", "has", "have"}
)  # fmt: skip
_AUXILIARY_BEFORE = frozenset({"has", "have", "had", "was", "were", "is", "are", "be", "been"})


# Participles never adjectives: "would be indicted", "is accused of" name no accuser (N306).
_VERBAL_PASSIVES = frozenset({"indicted", "accused", "blamed", "condemned", "criticised",
    "criticized", "denounced", "rebuked", "warned", "threatened", "praised", "urged"})  # fmt: skip
# A relative clause between the actor and a passive act has a subject of its own.
_RELATIVE_SUBJECT = re.compile(r"\b(?:where|which|whom|whose)\b", re.IGNORECASE)
# A condition between them: "will defend Lithuania if it is attacked" names no attacker.
_CONDITION = re.compile(r"\b(?:if|unless)\b", re.IGNORECASE)


def agentless_passive(
    text: str,
    words: Sequence[str],
    m: Match,
    subject: Group,
    near: Near,
    passive: bool | None,
    inside: Sequence[Group] = (),
) -> Args | None:
    """A passive with no agent has its subject as target: "Belarus has been slapped with
    Western sanctions" (no source named; "was hit with new U.S. sanctions": the state
    inside the trigger), "two U.S. diplomats were expelled" (material conflict);
    ``passive`` is ``is_passive`` when already known. Else None."""
    if _UNDER in words[m.first - 2 : m.first] and put_under(words, m):  # "were placed under
        return Args((), subject.codes, *near)  # arrest in Poland": the place's state acts
    if opens_passive(text, words, m):
        source = next((g.codes for g in inside if g.codes != subject.codes), ())
        return Args(source, subject.codes, *near, unowned=not source)
    if m.first != m.last:
        return None
    if m.category not in MATERIAL:  # verbal: only a participle that is no adjective
        verbal = words[m.first] in _VERBAL_PASSIVES and is_passive(text, m.start, m.end)
        # no accuser is guessed ("hoped X would be indicted", "indicted by the U.N. court")
        return Args((), subject.codes, *near, unowned=True) if verbal else None
    if not (passive if passive is not None else is_passive(text, m.start, m.end)):
        return None
    if _RELATIVE_SUBJECT.search(text, subject.end, m.start):
        return Args((), (), *near, own=True)  # "in Montenegro where 28 people were killed"
    if _CONDITION.search(text, subject.end, m.start):  # no attacker is guessed (item 81)
        return Args((), subject.codes, *near, unowned=True)
    return Args((), subject.codes, *near)


# a demonym as a noun, a person: "an American detained in Moscow", "two Germans arrested"
_PERSON_NOUN = re.compile(r"\b(?:an?|two|three|four|five|several)\s+$", re.I)


_RIGHT_AFTER = re.compile(r"\s*,?\s*(?:and\s+)?$")  # "Israel and supported", "Russia, backed"


def participle_agent(
    text: str, words: Sequence[str], m: Match, before: Sequence[Group], after_all: Sequence[Group]
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(source, target) of a past participle right before "by X" with no auxiliary ("the
    attacks carried out by Israel and supported by Washington", "Russia, backed by China,"):
    X is its agent and the actor right before it what it acts on; None otherwise ("vetoed a
    resolution backed by X": X backs a resolution, not the one who vetoed it)."""
    k = m.last + 1
    if m.first != m.last or m.first == 0 or k >= len(words) or words[k] != "by":
        return None
    if not before or _RIGHT_AFTER.match(text, before[0].end, m.start) is None:
        return None
    if not words[m.first].endswith(("ed", "en")) or words[m.first - 1] in _AUXILIARY_BEFORE:
        return None
    return passive_agent(text, m, before, after_all, (), (), True)


def reduced_object(
    text: str, words: Sequence[str], m: Match, before: Sequence[Group], after_all: Sequence[Group]
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(source, target) of a reduced passive whose head noun is an actor's ("Ten Russian
    soldiers killed by Ukrainian drones", "an American detained in Moscow"): the noun is the
    object, "by X" the agent. None when the participle is a verb ("Russia attacked")."""
    if not reduced_material_passive(words, m) or not (
        text[before[0].end : m.start].strip()  # a head noun: not "Russia attacked"
        or _PERSON_NOUN.search(text, 0, before[0].start)  # "an American detained"
    ):
        return None
    target = before[0].codes
    agent = passive_agent(text, m, before, after_all, (), (), True)
    source = agent[0] if agent is not None else ()
    return source, tuple(c for c in target if c not in source)

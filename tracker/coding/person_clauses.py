"""Clauses about a private person ("a dual U.S.-Russian citizen who had been jailed for
donating ..."): the person is never a state source (docs/tone_and_events.md, "Arguments and
direction"). Used by the argument finder."""

from __future__ import annotations

from collections.abc import Sequence

from tracker.coding.argument_groups import Args, Group
from tracker.coding.matching import Match
from tracker.coding.mode_scopes import CLAUSE_BREAK
from tracker.coding.passive import PASSIVE_REACH, is_agent_by, is_passive

RELATIVE_PERSON = frozenset({"who", "whom"})
RELATIVE_REACH = 12  # tokens back from a trigger searched for its clause's "who"
# A "who" clause after these nouns is about a state agent ("a Russian official who ordered"),
# after any other noun about a private person ("a U.S. citizen who donated money").
_STATE_AGENTS = frozenset(
    {"official", "officials", "diplomat", "diplomats", "minister", "ministers", "envoy",
     "envoys", "ambassador", "ambassadors", "president", "leader", "leaders", "general",
     "generals", "commander", "commanders", "spokesman", "spokeswoman", "spokesperson",
     "soldier", "soldiers", "troops", "forces", "agent", "agents", "officer", "officers",
     "government", "authorities", "military", "army", "negotiator", "negotiators"}
)  # fmt: skip


def person_clause(
    text: str, words: Sequence[str], starts: Sequence[int], m: Match, before: Sequence[Group]
) -> tuple[Group, ...] | None:
    """The actor groups naming a private person that a "who" clause holding the trigger is
    about ("a dual U.S.-Russian citizen who had been jailed for donating ..."), or None when
    the trigger is not in such a clause (or its "who" follows an actor or a state agent)."""
    k = m.first - 1
    stop = max(-1, m.first - 1 - RELATIVE_REACH)
    while k > stop and words[k] not in RELATIVE_PERSON:
        if words[k] in CLAUSE_BREAK:
            return None
        k -= 1
    if k <= stop or k == 0 or words[k - 1] in _STATE_AGENTS or words[k - 1] in CLAUSE_BREAK:
        return None
    who = starts[k]
    head = tuple(g for g in before if g.end <= who)
    if not head or not text[head[0].end : who].strip():
        return None  # "Putin who ...": the antecedent is the actor itself
    return head[:1]


def person_arguments(
    text: str, m: Match, person: Sequence[Group], after_all: Sequence[Group]
) -> Args:
    """In a clause about a private person, the person is never a state source: their own
    acts are not coded; a passive ("who was jailed [by X]") has the person's state as target."""
    if not is_passive(text, m.start, m.end):
        return Args(own=True)
    target = person[0].codes
    for g in after_all:
        if g.start - m.end > PASSIVE_REACH:
            break
        if is_agent_by(text, m.end, g.start):
            return Args(g.codes, tuple(c for c in target if c not in g.codes), own=True)
    return Args((), target, own=True)

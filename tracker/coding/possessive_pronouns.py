"""A noun trigger owned by "his" or "her" ("his scheduled meeting with Zelensky", "her
visit to Minsk") is the act of the person the pronoun stands for: the first leader the
sentence names before it, as for "he said" (``argument_roles.pronoun_source``), who is not
its target. Only acts whose possessor is their agent: "his release" and "his arrest" are
done to him. docs/tone_and_events.md, N81."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tracker.coding.argument_groups import Args
from tracker.coding.matching import Match
from tracker.models import Mention

# "his scheduled meeting", "her first visit": the pronoun and at most two modifiers
_OWNED_BY_PRONOUN = re.compile(r"\b(?:his|her)\s+(?:[\w-]+\s+){0,2}$")
_REACH = 40  # characters before the trigger searched for the pronoun
# Acts a possessor does (the visit, the call, the demand, the threat, the praise ...)
AGENTIVE_KINDS = frozenset(
    {"CONSULT", "REQUEST", "THREATEN", "ACCUSE", "SUPPORT", "REJECT", "AGREE"}
)


def possessor_source(text: str, m: Match, placed: Sequence[Mention], args: Args) -> Args:
    """``args`` with the leader "his/her" stands for as the source of a noun trigger that
    has none, and that leader's state out of its targets; ``args`` unchanged otherwise."""
    if args.sources or m.category not in AGENTIVE_KINDS:
        return args
    owned = _OWNED_BY_PRONOUN.search(text, max(0, m.start - _REACH), m.start)
    if owned is None or owned.end() != m.start:
        return args
    leaders = [  # (not the one it is done to: "welcomed Xi for his state visit to Russia")
        x.code
        for x in placed
        if x.kind == "leader" and 0 <= x.end <= owned.start() and x.code not in args.targets
    ]
    if not leaders:
        return args
    source = (leaders[0],)
    targets = tuple(c for c in args.targets if c not in source)
    return args._replace(sources=source, targets=targets, own=True, unowned=False)

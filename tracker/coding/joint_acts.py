"""Joint exercises: cooperation between their participants, or a posture toward a third.

Exercises held together are cooperation between the participants, not a force posture
against each other: a coordinated group's ("French and Egyptian warships launched war
games"), or one "with" a partner ("drills with X"). Joint exercises toward a state named as
their target ("Russia and Belarus held joint exercises near Poland") are a posture toward it.
Moved out of ``events`` unchanged (the module's 400-line limit).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tracker.coding.argument_groups import Args
from tracker.coding.attach import RECIPROCAL
from tracker.coding.matching import Match
from tracker.models import Mention

JOINT_RULES = frozenset({"mobilize.exercise", "mobilize.exercises", "mobilize.wargames"})
JOINT_NOUN = "cooperate.joint"
_EXERCISE = re.compile(r"\b(?:exercises?|drills?|manoeuvres?|maneuvers?|patrols?)\b", re.I)
_WITH_PARTNER = re.compile(r"\s*(?:[\w-]+\s+){0,2}?with\b", re.I)


def joint_participants(
    matches: Sequence[Match], arguments: tuple[Args, ...], placed: Sequence[Mention]
) -> tuple[Args, ...]:
    """A joint act naming two states or more inside its phrase ("condemned the joint
    Russian-Belarusian exercises") is theirs together: those states are its participants,
    with no other side. Before, the clause's subject was its source (Poland MOBILIZE)."""
    out = list(arguments)
    for k, m in enumerate(matches):
        if m.rule == JOINT_NOUN:
            inside = tuple(dict.fromkeys(x.code for x in placed if m.start <= x.start < m.end))
            if len(inside) > 1:
                out[k] = Args(inside, (), arguments[k].before, ())
    return tuple(out)


def joint_exercise(
    m: Match, direction: object, text: str, args: Args
) -> tuple[Match, object] | None:
    """A joint-exercise trigger (``JOINT_RULES`` or ``JOINT_NOUN``) read on one dyad: the
    (match, direction) to code, its category changed where the reading says so, or None
    when the dyad gets no event from it."""
    if m.rule in JOINT_RULES:
        if _joint(m, direction, text):
            return m._replace(category="COOPERATE"), (None, None)
        if len(args.sources) > 1 and direction[1] not in args.targets:  # type: ignore[index]
            return None  # co-agents' drills are toward no state they do not name as target
        return m, direction
    if not _EXERCISE.search(text, m.start, m.end) or _joint(m, direction, text):
        return m, direction
    # "Russia and Belarus held joint exercises near Poland": toward Poland, a posture;
    if direction[1] in args.targets:  # type: ignore[index]
        return m._replace(category="MOBILIZE"), direction
    if direction[1] in args.before:  # type: ignore[index]  # "moved troops into Belarus
        return m._replace(category="COOPERATE"), (None, None)  # for joint exercises": partners
    return None  # not toward a state named after a comma (", prompting Poland to")


def _joint(m: Match, direction: object, text: str) -> bool:
    """Are exercises held together ("French and Egyptian warships launched war games",
    co-agents "Russia and Belarus held drills near", "drills with X")? Then they cooperate."""
    return (
        direction is RECIPROCAL
        or direction == (None, None)
        or _WITH_PARTNER.match(text, m.end) is not None
    )

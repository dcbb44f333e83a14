"""Blocking or refusing a measure is no act toward its target: "China and Russia blocked new
sanctions against North Korea" is a rejection of the sanctions (of whoever proposed them),
not a sanction, and not a rejection of North Korea; nor is "Trump declined to impose
sanctions on Pyongyang" a rejection of Pyongyang (docs/tone_and_events.md item 76).

A REJECT whose object is a sanction it governs (``Match.governor``: "blocked", "vetoed" are
``topic`` rules, "refused to" an ``act`` rule, so the sanction is what they are about, never
asserted) loses, as targets,
the states named after that sanction: those are the sanction's targets; the rejecting
states are not the sanction's source. With no other
target left, the rejection has no state on its other side and codes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from tracker.coding.argument_groups import Args
from tracker.coding.matching import Match

__all__ = ["without_measure_targets"]

_MEASURES = frozenset({"SANCTION"})


def without_measure_targets(matches: Sequence[Match], arguments: list[Args]) -> list[Args]:
    """``arguments`` (one per match) with each rejection's targets that belong to the
    sanction it blocks removed."""
    for k, m in enumerate(matches):
        gov = m.governor
        if gov < 0 or m.category not in _MEASURES or matches[gov].category != "REJECT":
            continue
        blocked = arguments[gov]
        theirs = set(arguments[k].after) | set(arguments[k].targets)
        if not theirs & (set(blocked.targets) | set(blocked.after)):
            continue
        if set(arguments[k].sources) <= set(blocked.sources):  # the blockers are not the
            arguments[k] = arguments[k]._replace(sources=())  # sanction's source
        kept = tuple(c for c in blocked.targets if c not in theirs)
        after = tuple(c for c in blocked.after if c not in theirs)
        if kept:  # "blocked U.S. sanctions against X": the U.S. is rejected
            arguments[gov] = blocked._replace(targets=kept, after=after)
        else:  # whoever proposed them is not named: no state is rejected
            arguments[gov] = Args((), (), blocked.before, after, own=True)
    return arguments

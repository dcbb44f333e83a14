"""The proposal a response answers was made to the responder (docs/tone_and_events.md, item
92): in "South Korea rejected North Korea's demand to sever its alliance with Washington"
the demand is North Korea's to South Korea, not to Washington, which only its content names.

A proposal (a demand, offer, request, ultimatum) that is the topic of a RESPONDING trigger
("rejected", "accepted": ``Match.governor``) and has a source of its own takes the
responder as its target; coded with the response on their pair, it is no event of the
pair its content names. The act a demand asks for, read with the proposer as its source,
is the responder's to do (an offer's or a threat's stays the proposer's).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tracker.coding.argument_groups import Args
from tracker.coding.matching import RESPONDING

if TYPE_CHECKING:
    from tracker.coding.matching import Match

__all__ = ["to_responders"]

_PROPOSALS = frozenset({"REQUEST", "AGREE", "THREATEN"})


def to_responders(matches: Sequence[Match], arguments: list[Args]) -> list[Args]:
    """``arguments`` (one per match) with each answered proposal's target the responder."""
    for j, m in enumerate(matches):
        k = m.governor
        if k < 0 or not m.topic or m.category not in _PROPOSALS:
            continue
        if matches[k].category not in RESPONDING:
            continue
        own, responder = arguments[j], arguments[k].sources
        if not own.sources or not responder or set(own.sources) & set(responder):
            continue
        arguments[j] = own._replace(targets=responder)
        if m.category != "REQUEST":  # an offer's or threat's act is the proposer's own
            continue
        for c, act in enumerate(matches):  # a demand's is the responder's to do: "to sever
            if act.governor == j and arguments[c].sources == own.sources:  # ties with X"
                arguments[c] = arguments[c]._replace(sources=responder)
    return arguments

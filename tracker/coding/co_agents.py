"""Co-agents are no pair: "Lithuania and Poland condemned the deployment".

Two states that are together the subject of an act toward something that is no state of
theirs did not interact: their pair gets neither the sentence's tone nor its events. An act
they do together or to each other ("X and Y signed a deal", "held talks", "blamed each
other") is coded on their pair by the event coder, and such a pair is kept.
"""

from __future__ import annotations

from typing import Any

__all__ = ["only_co_agents"]


def only_co_agents(sentence: Any, pair: tuple[str, str], coded: list[Any]) -> bool:
    """Is ``pair`` in this sentence only two subjects of one act toward something else?

    ``sentence`` is what the event model's ``analyse`` returned (read only when it holds
    matches and their arguments), ``coded`` the pair's events there: a pair with an event
    of its own is kept."""
    if coded:
        return False
    arguments = getattr(sentence, "arguments", ())
    both = set(pair)
    return any(both <= set(a.sources) and not both & set(a.targets) for a in arguments)

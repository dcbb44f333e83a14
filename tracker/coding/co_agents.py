"""Co-agents are no pair: "Lithuania and Poland condemned the deployment".

Two states that are together the subject of an act toward something that is no state of
theirs did not interact: their pair gets neither the sentence's tone nor its events. An act
they do together or to each other ("X and Y signed a deal", "held talks", "blamed each
other") is coded on their pair by the event coder, and such a pair is kept.

Members of a list of three or more states in a sentence with no act at all did not interact
either: "the freed included six Lithuanians, two Latvians, two Poles and one from the U.K.",
"Lithuania, Latvia and Poland held elections".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from tracker.models import Mention

__all__ = ["only_co_agents", "only_listed"]

# Between two members of a list: a comma or "and"/"or", a count ("six Lithuanians, two
# Latvians"), a noun after the member before ("one French citizen, and one from the U.K.")
_LIST_GAP = re.compile(
    r"(?:\s+[a-z]+)?\s*(?:,(?:\s+(?:and|or))?|\s+(?:and|or))\s+"
    r"(?:(?:the|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|dozens\s+of)\s+)?"
    r"(?:from\s+(?:the\s+)?)?"
)
LIST_MIN = 3  # states in a list; two ("Russia and the United States") may be a relation
SAME_STATE_GAP = 30  # characters between two mentions of one state that stay one member


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


def only_listed(text: str, mentions: Sequence[Mention], pair: tuple[str, str]) -> bool:
    """Are both states of ``pair`` members of one list of LIST_MIN or more states (call
    only for a sentence with no act)?"""
    chain: set[str] = set()
    for k, m in enumerate(mentions):
        last = mentions[k - 1] if k else None
        if last is not None and (
            (m.code == last.code and m.start - last.end <= SAME_STATE_GAP)  # "Russian ... Putin"
            or _LIST_GAP.fullmatch(text, last.end, m.start)
        ):
            chain.add(m.code)
            continue
        if len(chain) >= LIST_MIN and set(pair) <= chain:
            return True
        chain = {m.code}
    return len(chain) >= LIST_MIN and set(pair) <= chain

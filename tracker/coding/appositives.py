"""Appositives: a state modifying the noun of an appositive to the actor before it is a
description, not a party ("Pakistan, a key U.S. ally in the war on terror, refused ...";
"Belarus, Russia's closest ally, has released ..."). Applied by the actor matcher after the
venues and topics (``venues.py``); the dyads' clause rules read the same openings
(``clauses``, ``DESCRIPTION_OPENING``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import Protocol

from tracker.models import Mention

# An appositive describes the state before it ("Pakistan, a key U.S. ally in the war on
# terror, refused ..."; "Iran, a close Russian partner, ..."): a state that modifies its
# noun is a description, not a party.
DESCRIPTION_OPENING = r",\s*(?:one\s+of\s+)?(?:a|an|the|another)\s+"  # ", a key U.S. ally"
_APPOSITIVE_OPENING = re.compile(
    r"\s*" + DESCRIPTION_OPENING + r"(?:[a-z][\w-]*\s+){0,3}", re.IGNORECASE
)
_MODIFIED_NOUN = re.compile(r"\s+(?!(?:and|or|as|to|in|on|at|for)\b)[a-z]")  # a noun, no link
# ", a move condemned by Lithuania and Poland": the agent of a participle modifies nothing
_AGENT_BEFORE = re.compile(r"\b(?:by|from|with|to|against)\s+(?:the\s+)?$", re.IGNORECASE)


def drop_appositive_modifiers(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions minus a state modifying the noun of an appositive to the actor before it."""
    if len(mentions) < 2 or "," not in text:
        return mentions
    keep = [mentions[0]]
    for before, m in pairwise(mentions):
        if (
            m.kind in ("country", "demonym")
            and _APPOSITIVE_OPENING.fullmatch(text, before.end, m.start)
            and _MODIFIED_NOUN.match(text, m.end)
            and not _AGENT_BEFORE.search(text, max(0, m.start - 12), m.start)
        ):  # ("Belarus, Russia's closest ally, ...": ``non_state_heads`` drops the possessor)
            continue
        keep.append(m)
    return keep


class _Span(Protocol):  # an actor group: its codes and where it stands
    codes: tuple[str, ...]
    start: int
    end: int


# "Christopher Smith, US deputy assistant secretary of state, met ...": the state of the
# appositive that describes a named person right before the verb is that person's
_NAME_THEN_COMMA = re.compile(
    r"[A-Z][\w.'’-]+\s*,\s*(?:(?:a|an|the)\s+)?(?:(?:former|senior|top|deputy|acting|chief)\s+)?$"
)
_REST_OF_APPOSITIVE = re.compile(
    r"[^,;:\"“”()]{0,80},\s*(?:(?:also|then|later|previously|reportedly|has|had|was)\s+)?"
)


def appositive_state(text: str, start: int, before: Sequence[_Span]) -> tuple[str, ...]:
    """The one state of the appositive between a named person and the verb at ``start``
    (', a U.S. diplomat, met'), or () when there is none."""
    for g in before:  # nearest first
        if (
            len(g.codes) == 1
            and _REST_OF_APPOSITIVE.fullmatch(text, g.end, start)
            and _NAME_THEN_COMMA.search(text, max(0, g.start - 60), g.start)
        ):
            return g.codes
    return ()

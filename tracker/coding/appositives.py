"""Appositives: a state modifying the noun of an appositive to the actor before it is a
description, not a party ("Pakistan, a key U.S. ally in the war on terror, refused ...";
"Belarus, Russia's closest ally, has released ..."). Applied by the actor matcher after the
venues and topics (``venues.py``); the dyads' clause rules read the same openings
(``clauses``, ``DESCRIPTION_OPENING``)."""

from __future__ import annotations

import re
from itertools import pairwise

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


# "Belarus, Russia's closest ally, has released ...": the possessor of an appositive ally
_COMMA_GAP = re.compile(r"\s*,\s*")
_WHOSE_ALLY = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:ally|allies|partner|neighbou?r|proxy|satellite|client)\s*,"
)


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
        ) or (
            m.kind == "country"
            and _COMMA_GAP.fullmatch(text, before.end, m.start)
            and _WHOSE_ALLY.match(text, m.end)
        ):
            continue
        keep.append(m)
    return keep

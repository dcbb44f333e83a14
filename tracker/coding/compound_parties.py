"""A hyphenated pair of names before a noun names its parties: "the Israel-Hamas ceasefire",
"U.S.-Soviet nuclear talks", "the NATO-Russia council" (item 90). Moved out of
``noun_arguments`` unchanged (its 400-line limit).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tracker.coding.argument_groups import Group
from tracker.coding.matching import Match

# "the Israel-Hamas ceasefire", "U.S.-Soviet nuclear talks", "the NATO-Russia council": a
# hyphenated pair of names before a noun names its parties (item 90)
_COMPOUND = re.compile(r"(?<![\w.'’-])[A-Z][\w.'’]*-([A-Z][\w.'’]*)(?:\s+[a-z][\w-]*){0,2}\s+$")
_COMPOUND_REACH = 60  # characters before the trigger searched for the pair of names


def named_parties(text: str, m: Match, before_all: Sequence[Group]) -> bool:
    """Is the noun trigger ``m`` modified by a hyphenated pair of names that is not one
    actor group ("Israel-Hamas", "U.S.-Soviet", "U.S.-Taliban"; "Russia-Ukraine" is a group
    of two states)? Its parties are those names, no other state of the sentence."""
    head = text[max(0, m.start - _COMPOUND_REACH) : m.start]
    if "-" not in head or (found := _COMPOUND.search(head)) is None:
        return False
    offset = m.start - len(head)
    start, second_end = offset + found.start(), offset + found.end(1)
    return not any(g.start <= start and g.end >= second_end for g in before_all)

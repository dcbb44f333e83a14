"""What a sentence's form says of its acts, beside their words: a definite noun that names
an earlier act ("The visit comes weeks after ...", "Hours after the talks, ..."), and a
yes/no question, which asserts nothing ("Can't we simply engage in a normal dialogue?")."""

from __future__ import annotations

import re

from tracker.coding.matching import Match
from tracker.models import Mode

# "The visit ...", "This meeting ...", "Hours after the talks, ...", "Following the talks, ..."
_BACK_REFERENCE = re.compile(
    r"\W*(?:(?:[\w-]+\s+){0,2}?(?:after|before|during|following|since)\s+)?"
    r"(?:The|This|That|These)\s+(?:[a-z-]+\s+)?",
    re.IGNORECASE,
)


def refers_back(text: str, m: Match) -> bool:
    """Does the trigger open the sentence as a definite noun, or as one in its leading time
    phrase ("The visit comes weeks after Washington eased sanctions on Belarus", "Hours after
    the talks, Belarus released 14 prisoners")? It names an earlier sentence's act, not one
    of this sentence's pairs."""
    return _BACK_REFERENCE.fullmatch(text, 0, m.start) is not None


# A question that opens with an auxiliary asks whether; a wh-question presupposes its act
# ("Why did Russia attack?") and keeps it.
_YES_NO = re.compile(
    r"\W*(?:can|can't|cannot|could|couldn't|will|won't|would|wouldn't|shall|should|"
    r"shouldn't|do|does|did|don't|doesn't|didn't|is|isn't|are|aren't|was|wasn't|were|"
    r"weren't|has|hasn't|have|haven't|had|hadn't|may|might|must)\b",
    re.IGNORECASE,
)


def as_asked(text: str, matches: tuple[Match, ...]) -> tuple[Match, ...]:
    """``matches`` of a yes/no question ("Can't we simply engage in a normal dialogue and
    talk about relations between Belarus and the United States?"), asserted and negated ones
    made hypothetical (a negated question proposes: "can't we"); any other sentence's
    unchanged."""
    if not _YES_NO.match(text):
        return matches
    return tuple(m._replace(mode=Mode.HYPOTHETICAL) if m.mode in _STATED else m for m in matches)


_STATED = (Mode.ASSERTED, Mode.NEGATED)

"""How the actor groups of a clause link into dyads (tracker.coding.dyads, rules 4-6): the
way a preposition attaches a group to its anchor, and a clause that names one state."""

from __future__ import annotations

import re

from tracker.coding.dyad_groups import PLACE_PREPS, Group, Links
from tracker.coding.relation_words import PASSIVE, RelationWords
from tracker.coding.venues import VENUE_KEEP

__all__ = ["attach_how", "link", "lone_state", "side_by_side", "without_signing_venues"]

_PLACE_OF = PLACE_PREPS | {"of"}  # "in the east of X"


def link(links: Links, left: Group, right: Group, how: str) -> None:
    for a in left.codes:
        for b in right.codes:
            if how == "mutual":
                links.add(a, b, directed=False)
            elif how == "forward":
                links.add(a, b)
            elif how == "reverse":
                links.add(b, a)


# "Russia's invasion of Ukraine", "China's support of Moscow": the possessor acts on the
# object of its noun
_POSSESSOR_OF = re.compile(r"^['’]s?\s+(?:[\w-]+\s+){1,3}of\s+(?:the\s+)?$")


def attach_how(prep: str, words: RelationWords, passive: bool, gap: str = "") -> str:
    if prep in _PLACE_OF and VENUE_KEEP.search(gap):
        return "forward"  # the place of force is its target: "killed in Israeli shelling in Gaza"
    if prep == "of" and _POSSESSOR_OF.match(gap):
        return "forward"
    if prep in words.mutual:
        return "mutual"
    if prep in words.directed or prep == "to-verb":
        return "forward"
    if prep in words.reverse or (prep == "by" and passive):
        return "reverse"
    return ""


# a clause that is a circumstance of the one before: a conjunction, a noun and its preposition
_CIRCUMSTANCE = re.compile(
    r"\s*(?:after|before|following|during|amid)\s+(?:[a-z]+\s+){1,3}(?:with|by|to|from)\s",
)


def lone_state(links: Links, code: str, prep: str, clause: str, words: RelationWords) -> None:
    """A clause naming one state: the state is the subject unless it is a place or the agent
    of a passive (what the rules of ``_analyse_clause`` come to for one group); a clause that
    is a circumstance of an earlier subject ("..., after talks with a US envoy") links it."""
    passive_agent = prep == "by" and PASSIVE.search(clause)
    if links.subject is None and prep not in words.locative and not passive_agent:
        links.subject = code
    elif links.subject not in (None, code) and _CIRCUMSTANCE.match(clause):
        # "Lukashenko freed 52 prisoners, after talks with a US envoy": the subject's talks
        how, subject = attach_how(prep, words, True), links.subject
        if how:
            links.add(*((code, subject) if how == "reverse" else (subject, code)), how != "mutual")


def without_signing_venues(rest: list[Group], words: RelationWords) -> list[Group]:
    """``rest`` minus the places right after a signing: "Iran and the IAEA signed an
    agreement in Cairo" names where, not with whom (the seat of a mission or the place of
    force is kept: ``VENUE_KEEP``)."""
    if not any(g.prep in PLACE_PREPS for g in rest):
        return rest
    return [
        g
        for g in rest
        if g.prep not in PLACE_PREPS or not words.signing.search(g.gap) or VENUE_KEEP.search(g.gap)
    ]


def side_by_side(text: str, group: Group, words: RelationWords) -> bool:
    """Does a coordinated group do something each on its own, right after it ("The United
    States and Britain voted in favour": co-voters, no pair; ``[parallel]`` words)?"""
    return len(group.codes) > 1 and words.parallel.match(text, group.end) is not None

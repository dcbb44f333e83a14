"""The leader a pronoun stands for, as a trigger's source: the first leader the sentence
names before it.

- "he/she" between a trigger and its nearest actor (``pronoun_source``): "Zelensky thanked
  the American people and said he still wanted to sign" is Zelensky's act.
- A noun trigger owned by "his" or "her" ("his scheduled meeting with Zelensky", "her visit
  to Minsk", ``possessor_source``) is the act of the person the pronoun stands for, who is
  not its target. Only acts whose possessor is their agent: "his release" and "his arrest"
  are done to him. docs/tone_and_events.md, N81.
- A third-person pronoun between the speaker's "we" and a trigger is the trigger's subject,
  not the speaker (``speaker_not_subject``, N194): '"We see that they launch strikes
  against Ukraine," Rubio said'."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tracker.coding.argument_groups import Args, Group
from tracker.coding.matching import Match
from tracker.data import word_list
from tracker.models import Mention

# "his scheduled meeting", "her first visit": the pronoun and at most two modifiers
_OWNED_BY_PRONOUN = re.compile(r"\b(?:his|her)\s+(?:[\w-]+\s+){0,2}$")
_REACH = 40  # characters before the trigger searched for the pronoun
# Acts a possessor does (the visit, the call, the demand, the threat, the praise ...)
AGENTIVE_KINDS = frozenset(
    {"CONSULT", "REQUEST", "THREATEN", "ACCUSE", "SUPPORT", "REJECT", "AGREE"}
)


_WHO = re.compile(r",\s+who\b")


def possessor_source(text: str, m: Match, placed: Sequence[Mention], args: Args) -> Args:
    """``args`` with the leader "his/her" stands for as the source of a noun trigger that
    has none, and that leader's state out of its targets; ``args`` unchanged otherwise."""
    if args.sources or m.category not in AGENTIVE_KINDS:
        return args
    owned = _OWNED_BY_PRONOUN.search(text, max(0, m.start - _REACH), m.start)
    if owned is None or owned.end() != m.start:
        return args
    leaders = [  # (not the one it is done to: "welcomed Xi for his state visit to Russia")
        x
        for x in placed
        if x.kind == "leader" and 0 <= x.end <= owned.start() and x.code not in args.targets
    ]
    if not leaders:
        return args
    # the subject's, or in a relative clause its antecedent's: "Putin signed a pact with
    # Kim, who offered his full support" (Kim's), "Trump and Putin held a call, one day
    # before his meeting with Zelenskyy" (Trump's)
    who = next((x for x in reversed(leaders) if _WHO.match(text, x.end)), leaders[0])
    source = (who.code,)
    targets = tuple(c for c in args.targets if c not in source)
    return args._replace(sources=source, targets=targets, own=True, unowned=False)


# lower case: "Liu He" is a name; not "what he called threats from X" (he names them) nor
# "after she was wrongfully held by Russia" (the patient of a passive)
_HE_OR_SHE = re.compile(
    r"\b(?:he|she)\b(?!\s+(?:called|described|termed|dubbed|branded)\b|\s+(?:was|were|had"
    r"\s+been|has\s+been)\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|held|taken|seen|shot|beaten)\b)"
)


def pronoun_source(
    text: str, m: Match, before: Sequence[Group], placed: Sequence[Mention], args: Args
) -> Args:
    """The source of a trigger whose clause has "he" or "she" between its nearest actor and
    it ("Zelensky thanked the American people and said he still wanted to sign"): the
    person is the first leader the sentence names, its subject, not a state or people in
    between; with no leader named before the pronoun the nearest actor stays."""
    lo = before[0].end if before else max(0, m.start - 30)  # (past a comma: ", saying he")
    pronoun = _HE_OR_SHE.search(text, lo)  # (no end: its look-ahead reads the trigger too)
    if pronoun is None or pronoun.start() >= m.start:
        return args
    leaders = [x for x in placed if x.kind == "leader" and x.end <= pronoun.start()]
    if not leaders:
        return args  # "King Hassan of Morocco ... saying he would": no name to prefer
    source = (leaders[0].code,)  # the sentence's subject: "Trump met Putin and said he would"
    targets = tuple(c for c in args.targets if c not in source)
    # (an object of the source's own side stays: "he had asked Witkoff to meet ..." is no
    # request to another state)
    return args._replace(sources=source, targets=targets or args.targets, unowned=False)


# a third-person pronoun, contracted or not ("they're continuing to launch strikes")
_THIRD_PERSON = re.compile(r"\b(?:they|he|she)(?:'re|'ve|'d|'ll|'s|’re|’ve|’d|’ll|’s)?\s", re.I)


def speaker_not_subject(text: str, m: Match, before: Sequence[Group], sources: tuple) -> bool:
    """Is the trigger's source only the speaker's first person ("we", "I"), with a
    third-person pronoun between it and the trigger ('"We see that they launch strikes
    against Ukraine," Rubio said')? Then the pronoun is the act's subject, not the speaker."""
    speakers = [g for g in before if g.codes == sources and g.end <= m.start]
    surface = text[speakers[-1].start : speakers[-1].end] if speakers else ""
    if surface.lower() not in word_list("first_person.txt") or surface in _NOT_FIRST_PERSON:
        return False
    return _THIRD_PERSON.search(text, speakers[-1].end, m.start) is not None


_NOT_FIRST_PERSON = frozenset({"US", "U.S."})  # the country, not "us"

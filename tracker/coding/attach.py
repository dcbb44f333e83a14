"""Attachment: the direction an event takes on one dyad, from its trigger's arguments
(docs/tone_and_events.md, "Arguments and direction", step 9)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from tracker.coding.argument_groups import MADE_BY, Args
from tracker.models import Mention

MUTUAL_JOIN = re.compile(r"^\s*(?:,|and|&)\s*(?:the\s+)?$", re.IGNORECASE)

FALLBACK = ("fallback", "fallback")


# sentinel: a coordinated group acting with no other side ("Russia and the U.S. swapped
# prisoners"): one mutual event of a mutual kind, else the act each way
RECIPROCAL = ("reciprocal", "reciprocal")

# co-subjects acting "on / against each other" (their phrase, up to a comma)
# (or "the other" as the object: "Both sides blamed the other for starting the fighting")
EACH_OTHER = re.compile(
    r"[^,;.]{0,40}?\b(?:each\s+other|one\s+another"
    r"|the\s+other(?:\s+side)?(?=\s*(?:[,;.]|(?:for|of|over)\b)))\b",
    re.IGNORECASE,
)

SIGNED = "agree.sign"  # co-signers sign with each other (SUPPORT, CAMEO 057)

# Categories whose event may name no direction: both sides do it together.
MUTUAL_KINDS = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def attach(
    args: Args, pair: tuple[str, str], single: bool, inherited: Sequence[Mention]
) -> tuple[str | None, str | None] | None:
    """The direction of a trigger for ``pair``, or None when its arguments are not the pair.

    Both sides found: the pair must be (source, target). One side found: the pair must hold
    that actor and the other member must be the nearest other actor on the other side (or a
    pronoun-inherited subject), or the sentence must have this one dyad. A coordinated group
    with no other side is mutual. Nothing found: the dyad's own mentions decide, when this
    is the sentence's only dyad.
    """
    a, b = pair
    src, tgt = args.sources, args.targets
    if src and tgt:
        if a in src and b in tgt:
            return a, b
        if b in src and a in tgt:
            return b, a
        if a in src and b in src and len(src) > 1:
            return None, None
        return None
    side = src or tgt
    if args.unowned and not inherited:
        return None  # the pronoun's person is not the sentence's other actor
    if side:
        if a in side and b in side:
            # a noun's or a person's own target group is not mutual ("a U.S.-Russian citizen")
            return None if args.own and not src else RECIPROCAL
        if args.own and not (a in side or b in side):
            return None
        if args.own and len(src) > 1:
            return None  # "the U.S.-Ukraine talks": its parties, no one else's
        if a in side:
            found, other = a, b
        elif b in side:
            found, other = b, a
        else:
            return None
        if len(set(src)) > 1:
            return None  # co-subjects and no target: "Rubio and Lavrov talked ... since
            # Russia's invasion of Ukraine" is no talk with Ukraine
        if src:
            nearest = next((c for c in args.after if c != found), None)
            ok = (
                single
                or nearest == other
                or (nearest is None and any(m.code == other for m in inherited))
            )
            return (found, other) if ok else None
        if args.unowned:  # a pronoun subject: its inherited state is the source, or none
            return (other, found) if any(m.code == other for m in inherited) else None
        nearest = next((c for c in args.before if c != found), None)
        if nearest is None and any(m.code == other for m in inherited):
            nearest = other
        return (other, found) if (single or nearest == other) else None
    if args.own:
        return None
    return FALLBACK if single or inherited else None


# between two acts, what ends one's clause: a comma or a subordinating conjunction
_CLAUSE_BETWEEN = re.compile(
    r",|;|\b(?:after|before|when|if|because|since|as|while|unless|until|once)\b", re.IGNORECASE
)


# a list of examples set off by commas is no clause: "released 123 prisoners, including
# prominent opposition figures, in a deal that saw the U.S. agree to ease sanctions"
_EXAMPLES_ASIDE = re.compile(r",\s+(?:including|among them|among whom)\b[^,;]*,", re.IGNORECASE)


def _clause_between(text: str, lo: int, hi: int) -> bool:
    """Does a clause end between ``lo`` and ``hi`` (a list of examples aside)?"""
    between = _EXAMPLES_ASIDE.sub(" ", text[lo:hi])
    return _CLAUSE_BETWEEN.search(between) is not None


# a response is to the one whose act it answers: "Israel struck Iran, and Tehran retaliated"
_RESPONSE = re.compile(r"\b(?:retaliat|respon[ds]|in return\b|hit back\b|struck back\b)", re.I)


def acts_elsewhere(
    args: Args,
    pair: tuple[str, str],
    trigger: Any,
    text: str,
    matches: Sequence[Any],
    arguments: Sequence[Args],
) -> bool:
    """Is the pair's other state, not after this ``trigger`` (a Match) that has a source only,
    the subject of another act of the sentence in a clause of its own? Then the sentence's
    only dyad does not lend it to this trigger: "The United States imposed sanctions on
    Belarus, after Minsk forced a Ryanair jet to land" is no Belarusian coercion of the U.S.;
    "If Russia attacks a NATO member, the United States will defend it" is no U.S. promise to
    Russia. ``matches`` and ``arguments`` are the sentence's; the other act's clause must end (a
    comma or a subordinating conjunction) between the two triggers ("praised Lukashenko for
    his part in freeing prisoners" lends the release to Trump), and a response lends it too
    ("Israel struck targets in Iran, and Tehran retaliated with missile strikes", "would not
    expel diplomats in retaliation for the U.S. sanctions, rejecting ...")."""
    side = args.sources
    if not side or args.targets or trigger.category == "CONSULT":
        return False  # a meeting after the clause is the subject's ("freed prisoners after
    at = (trigger.start, trigger.end)  # visits by U.S. envoys")
    others = [c for c in pair if c not in side]
    if len(others) != 1 or others[0] in args.after:
        return False
    other = others[0]
    for m, a in zip(matches, arguments, strict=True):
        if other in a.sources and not set(side) & set(a.sources):
            lo, hi = (m.end, at[0]) if m.end <= at[0] else (at[1], m.start)
            if _clause_between(text, lo, hi) and not _RESPONSE.search(text, 0, at[1]):
                return True
    return False


def only_conceded(
    args: Args, pair: tuple[str, str], text: str, mentions: Sequence[Mention], category: str = ""
) -> bool:
    """Is the pair's other state, for a trigger that has a source only, named nowhere but
    right after "despite" or "alongside"? A concession or a partner is never the object, so
    the sentence's only dyad does not lend it ("the Russians were committed to fighting
    despite Trump's repeated attempts to end the war" is no Russian attack on the U.S.). A
    refusal's concession is what it refuses (``category`` REJECT: lent as before)."""
    side = args.sources
    if not side or args.targets or category == "REJECT":  # "refused to meet Zelensky,
        return False  # despite Trump's request": the request's owner is what is rejected
    others = [c for c in pair if c not in side]
    if len(others) != 1:
        return False
    named = [m for m in mentions if m.code == others[0] and m.start >= 0]
    return bool(named) and all(
        text[max(0, m.start - 16) : m.start].lower().split()[-1:] in (["despite"], ["alongside"])
        for m in named
    )


def lends(
    args: Args,
    pair: tuple[str, str],
    trigger: Any,
    text: str,
    sentence: Any,
    mentions: Sequence[Mention],
    single: bool,
) -> bool | None:
    """May the sentence's only dyad (``single``) lend its other state to ``trigger``
    (``sentence``: the CodedSentence)? Not when that state acts elsewhere (``acts_elsewhere``)
    or is only conceded (``only_conceded``). Only a trigger with a source alone may be denied
    one. None: the trigger is not this pair's at all, the other state being named only in
    what its subject went on to say (``only_reported_after``)."""
    if (
        (args.sources or args.unowned)
        and not args.targets
        and only_reported_after(args, pair, trigger, text, mentions)
    ):
        return None
    if not args.sources or args.targets:
        return single
    return (
        single
        and not acts_elsewhere(args, pair, trigger, text, sentence.matches, sentence.arguments)
        and not only_conceded(args, pair, text, mentions, trigger.category)
        and not _only_a_maker(args, pair, text, mentions)
    )


def _only_a_maker(
    args: Args, pair: tuple[str, str], text: str, mentions: Sequence[Mention]
) -> bool:
    """Is the pair's state other than the trigger's source named only as the maker, broker
    or backer of a thing ("Russia violated the U.S.-brokered truce": no rejection of the U.S.)?"""
    other = pair[1] if pair[0] in args.sources else pair[0]
    named = [m for m in mentions if m.code == other and m.start >= 0]
    return bool(named) and all(MADE_BY.match(text, m.end) for m in named)


# a new predicate of the same subject that reports speech: "... and said he would brief X"
_AND_SAID = re.compile(r"\band\s+(?:said|says|added|told|announced|stressed|noted)\b")


def only_reported_after(
    args: Args, pair: tuple[str, str], trigger: Any, text: str, mentions: Sequence[Mention]
) -> bool:
    """Is the pair's other state, for a ``trigger`` with a source alone (or a pronoun
    subject), named only after an "and said" that follows it? What the subject went on to
    say is no object of its earlier act: "Trump called the talks very productive and said
    he would brief Zelensky" is no meeting with Ukraine."""
    said = _AND_SAID.search(text, trigger.end)
    if said is None:
        return False
    subject = set(args.sources) | {m.code for m in mentions if m.start < 0}  # ("He called")
    others = [c for c in pair if c not in subject]
    if len(others) != 1:
        return False
    named = [m for m in mentions if m.code == others[0] and m.start >= 0]
    return bool(named) and all(m.start > said.start() for m in named)

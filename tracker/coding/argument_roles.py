"""Argument roles: which actor group around a trigger is its subject. The clause's subject,
not a preposition's object; the subject an earlier verb carries over to a coordinated verb,
an infinitive of purpose or a judged gerund; a pronoun's leader; an act addressed to its
source's own side; a passive agent after a participle (docs/tone_and_events.md, "Arguments
and direction")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tracker.coding.argument_groups import CLAUSE_BREAK_RE, Args, Group, Near, Scene
from tracker.coding.attach import MADE_BY
from tracker.coding.dyad_groups import COORDINATED_VERB
from tracker.coding.matching import Match
from tracker.coding.mode_scopes import is_participle
from tracker.coding.passive import REDUCED_RELATIVE_BY, passive_agent
from tracker.coding.word_forms import conjunction_before, in_phrase_between

# A state after one of these is the object of a preposition ("disappointed with Putin",
# "ambassador to Washington", "backed by the U.S."), not the subject of a verb after it;
# "of" and "from" name the subject's own state ("the president of Belarus", "an envoy from
# Minsk"), "between" names the parties of the subject ("The deal between Saudi Arabia and Iran
# restored ties"), and "in"/"at" are places (_is_place).
_OBJECT_PREPOSITION = re.compile(
    r"\b(?:with|to|on|against|for|by|toward|towards|over|about|into|than|among|"
    r"alongside|including|like)\s+(?:the\s+|its\s+|their\s+)?$",
    re.IGNORECASE,
)
# ... and so is the first object of a verb of giving ("granted Belarus sanctions relief":
# Belarus receives it)
_RECIPIENT = re.compile(
    r"\b(?:gave|give|gives|giving|granted|grant|grants|granting|offered|offers|offering|"
    r"promised|promises|sent|sends|awarded|awards|handed|lent|denied|denies|owes)\s+"
    r"(?:(?:the|a|an|its|their)\s+)?$",  # "handed the Finnish ambassador a note of protest"
    re.IGNORECASE,
)
# ... unless it is a possessor ("respond to Finland's decision to close": Finland closes) or
# the subject of an infinitive ("called on Washington to stop supplying": Washington supplies)
_OWN_CLAUSE = re.compile(r"(?:'s?|’s?)\s|\s+to\s", re.IGNORECASE)


# A subordinate clause opens between an earlier group and the trigger: the earlier group is
# the main clause's ("demanded an admission by Moscow that Soviet forces murdered ...")
_SUBORDINATE = re.compile(r"\b(?:that|which|who|whom|whose|where)\b", re.IGNORECASE)


# "expelled 60 U.S. diplomats and ordered / and ordering the closure of ...": a second verb
# phrase of the clause's subject (the dyads' COORDINATED_VERB, gerunds too)
_MODAL_VERB = r"|\s+and\s+(?:also\s+)?(?:will|would|could|can|must|should)\s+(?:also\s+)?[a-z]+\b"
_SECOND_VERB = re.compile(  # (and a modal's: "the reversal of China's ban and will also insist")
    COORDINATED_VERB.pattern.replace(r"(?:\w+ed|", r"(?:\w+ed|\w+ing|") + _MODAL_VERB
)


_GERUND = re.compile(r"[a-z]+ing\b")
_AUXILIARY_NEXT = re.compile(r"\s+(?:has|have|had|was|were|is|are|will|would)\s")


def _second_verb_after(text: str, g: Group, trigger_start: int, word_end: int) -> bool:
    """Does a second verb of the clause's subject ("and announced", "and ordering") stand
    between the group and the trigger (ending at ``word_end``, -1: the text's end)? Not after
    a group an auxiliary follows ("Ukraine had conducted drone and shelling attacks")."""
    return (
        text.find(" and ", g.end, trigger_start) >= 0  # (cheap test first)
        and _SECOND_VERB.search(text, g.end, word_end if word_end > 0 else len(text)) is not None
        and _AUXILIARY_NEXT.match(text, g.end) is None
    )


def subject_group(text: str, before: Sequence[Group], trigger_start: int) -> Group | None:
    """The subject among the groups before a trigger in its clause (nearest first): the
    nearest that is not the object of a preposition, when the clause has one ("Trump said he
    was disappointed with Putin and threatened ...": Trump) and no subordinate clause opens
    after it; else the nearest."""
    if not before:
        return None
    word_end = text.find(" ", trigger_start)  # the trigger itself may be the second verb
    if len(before) == 1 or (
        not text[before[0].end : trigger_start].strip() and _GERUND.match(text, trigger_start)
    ):  # (no other candidate; or "role in Kiev agreeing": the gerund's subject right before)
        only = before[0]  # ... unless it is a first verb's object ("expelling 60 U.S.
        # diplomats and ordering the closure") or a phrase's parties ("amid relations between")
        parties = in_phrase_between(text[max(0, only.start - 60) : only.start].lower().split())
        return None if parties or _second_verb_after(text, only, trigger_start, word_end) else only
    for g in before:
        if g is not before[-1] and _second_verb_after(text, g, trigger_start, word_end):
            continue  # "expelled 10 Russian diplomats and announced new sanctions": the
            # first verb's object; the second verb is its subject's ("blocked Ukrainian ports
            # and attacked Odesa")
        if (
            not _OBJECT_PREPOSITION.search(text, max(0, g.start - 16), g.start)
            and not _RECIPIENT.search(text, max(0, g.start - 16), g.start)
        ) or _OWN_CLAUSE.match(text, g.end) is not None:
            if g is before[0] or not _SUBORDINATE.search(text, g.end, trigger_start):
                return g
            break
    return before[0]


# Acts whose infinitive of purpose has their own subject ("summoned the Lithuanian envoy to
# protest": Belarus protests; "sent troops into Belarus to attack Ukraine"); after a request,
# aid or concession the object acts ("urged Washington to", "helped Kyiv to", "allowed X to").
_SUBJECT_CONTROL = frozenset(
    {"ACCUSE", "CONSULT", "MOBILIZE", "SANCTION", "ASSAULT", "PROTEST", "RETREAT"}
)
# Judging someone for what they did: the gerund after "of/for" is the judged one's act
# ("accused X of supplying", "praised X for releasing", "blamed X for starting")
_JUDGING = frozenset({"ACCUSE", "SUPPORT"})
_OF_GERUND = re.compile(r"\b(?:of|for)\s+(?:[a-z]+\s+)?[a-z]+ing\b")
PURPOSE_REACH = 10  # tokens from the earlier trigger to the "to" of its purpose
# The object's own words, then "to": "the Lithuanian charge d'affaires to", "Niger's
# ambassador Brah Mohamane to"; not "Lithuania's decision to" (a possessor of an act),
# "Washington of seeking a pretext to" (a preposition or gerund between: the infinitive is
# not the act's purpose); a place may come between ("met Modi in Budapest to discuss")
_OBJECT_THEN_TO = re.compile(
    r"(?:['’]s?\s+(?=(?:ambassador|envoy|charge|chargé|diplomats?|ministers?|consul|"
    r"representatives?|officials?|delegation|counterpart)\b)|(?!['’]))"
    r"(?:\s*(?<=\s)(?!(?:of|for|on|with|from|about|over|against|by)\b)"
    r"[\w'’.-]+(?<!ing)){0,4}\s+to\s+$",
    re.IGNORECASE,
)


def is_purpose(words: Sequence[str], m: Match, prev: Match) -> bool:
    """Is ``m`` the infinitive of purpose of the earlier act ``prev`` ("summoned the envoy
    to protest"): a verb, though its form is also a noun's?"""
    return (
        m.first > 0
        and words[m.first - 1] == "to"
        and prev.category in _SUBJECT_CONTROL
        and prev.governor < 0
        and prev.last < m.first
        and m.first - prev.last <= PURPOSE_REACH
    )


def carried_subject(
    text: str,
    words: Sequence[str],
    m: Match,
    scene: Scene,
    previous: tuple[Match, Args],
    args: Args,
) -> Args | None:
    """The arguments of a trigger whose subject comes from the previous trigger, else None: a
    verb coordinated with it ("Trump praised Lukashenko and criticised Putin"), the gerund of
    what it judges ("accused Washington of ... easing": the accused eases) or its purpose
    ("summoned the Lithuanian envoy to protest the closure": the envoy is the one addressed)."""
    before, (prev, prev_args) = conjunction_before(words, m.first), previous
    if prev.last >= m.first or not (prev_args.sources or prev_args.unowned or prev_args.targets):
        return None
    if m.governor >= 0 and prev_args.sources and prev_args.targets == prev_args.sources:
        return Args((), args.targets, *scene.near, unowned=True)  # "urged allies not to ease
    # sanctions on Russia": the allies' act (a request to the source's own side or to no state)
    if before in ("and", "but"):  # "welcomed the releases but urged Washington": one subject
        if not (prev_args.sources or prev_args.unowned):
            return None
        src = prev_args.sources
        first = scene.before_all[-1] if scene.before_all else None
        if (
            first
            and _object_noun(words, prev)
            and first.start < prev.start
            and first.codes[0] not in src
        ):
            src = first.codes  # "called the new U.S. sanctions ... and vowed to respond": the
            # clause's subject, not the source of the noun it spoke of
        targets = tuple(c for c in args.targets if c not in src)
        return Args(src, targets, *scene.near, unowned=prev_args.unowned)
    if (
        prev.category in _JUDGING
        and prev_args.targets
        and words[m.first].endswith("ing")
        and _OF_GERUND.search(text, prev.end, m.end) is not None
        and not CLAUSE_BREAK_RE.search(text, prev.end, m.start)
    ):  # "accused Washington of legitimising Lukashenko by easing sanctions": Washington eases
        src = prev_args.targets
        targets = tuple(c for c in args.targets if c not in src)
        return Args(src, targets, *scene.near)
    if (
        is_purpose(words, m, prev)
        and prev_args.sources
        and scene.before
        and scene.before[0].start > prev.start  # the nearest actor is the earlier act's object
        and _OBJECT_THEN_TO.match(text, scene.before[0].end, m.start) is not None
    ):
        src = prev_args.sources
        targets = tuple(c for c in (args.targets or prev_args.targets) if c not in src)
        return Args(src, targets, *scene.near)
    return None


def _object_noun(words: Sequence[str], m: Match) -> bool:
    """Is the trigger a one-word noun ("sanctions"), no verb whose subject a verb after
    "and" shares?"""
    word = words[m.first]
    return m.first == m.last and not (is_participle(word) or word.endswith("ing"))


# Acts whose object is whom they address: "urged its citizens", "praised their troops" is
# said to the source's own side, not to the other state of the sentence.
_ADDRESSED = frozenset({"REQUEST", "ACCUSE", "SUPPORT", "THREATEN"})
_OWN_OBJECT = re.compile(r"\s+(?:its|their)\s+[a-z]", re.IGNORECASE)
_OWN_NAMED = re.compile(r"\s+(?:its|their)\s+(?:[\w-]+\s+){1,2}(?:the\s+)?", re.IGNORECASE)


_FIRST_PERSON_OWNERS = frozenset({"our", "my", "us"})
# a reflexive object is the subject itself, of any act ("had shelled itself", "attacked its
# own city"): no other state is its target (item 85)
_REFLEXIVE = re.compile(r"\s+(?:itself|themselves|its\s+own|their\s+own)\b", re.IGNORECASE)


def addressed_to_own_side(
    text: str, m: Match, after: Sequence[Group], sources: Sequence[str] = ()
) -> bool:
    """Is the trigger said to its source's own people ("urged its citizens", "urged
    Americans not to travel to Belarus"), and not to a state named just after ("accused its
    neighbour Ukraine")? Or is its object reflexive ("attacked itself")?"""
    if _REFLEXIVE.match(text, m.end):
        return True
    if m.category not in _ADDRESSED:
        return False
    if (
        after
        and after[0].codes == tuple(sources)
        and not text[m.end : after[0].start].strip()
        and text[after[0].start : after[0].end].lower() not in _FIRST_PERSON_OWNERS
    ):
        return True  # the object is the source's own state's people ("our partners" is not)
    if m.category == "REQUEST" and after and _OTHER_ADDRESSEE.match(text, m.end, after[0].start):
        return True  # "called on Western partners to step up pressure on Moscow": not Moscow
    return _OWN_OBJECT.match(text, m.end) is not None and not (
        after and _OWN_NAMED.fullmatch(text, m.end, after[0].start)
    )


# the addressee of a request that is no state, then its infinitive, before the first state
_OTHER_ADDRESSEE = re.compile(  # (not "the counterpart", "the other side": a state meant)
    r"\s*(?:(?:on|upon)\s+)?(?!(?:the\s+)?(?:counterparts?|other|neighbou?rs?)\b)"
    r"(?:[\w'’.-]+\s+){1,5}(?:not\s+)?to\s+[a-z]"
)


def without_mediator(
    text: str,
    m: Match,
    before: Sequence[Group],
    after: Sequence[Group],
    near: Near,
    after_all: Sequence[Group] = (),
) -> tuple[Sequence[Group], Near]:
    """``after`` and ``near`` without the agent of a participle on a noun after an act of a
    coordinated subject ("The U.S. and Russia exchanged prisoners in a deal brokered by the
    UAE": the two swapped with each other, not with the UAE; "held talks in Muscat,
    mediated by Oman" after a comma too), or the maker of a thing ("the U.S.-brokered truce")."""
    first = after[0] if after else after_all[0] if after_all else None
    if first is not None and (
        MADE_BY.match(text, first.end) is not None
        or (bool(before) and len(before[0].codes) > 1 and _mediated(text, m.end, first.start))
    ):
        rest = after[1:] if after else after
        return rest, (near[0], tuple(c for c in near[1] if c not in first.codes))
    return after, near


_BY_NEXT = re.compile(r"\s+by\s")
_mediated = REDUCED_RELATIVE_BY.search


def by_agent(
    text: str,
    words: Sequence[str],
    m: Match,
    before: Sequence[Group],
    after_all: Sequence[Group],
    inside: Sequence[Group],
    near: Near,
) -> Args | None:
    """The arguments of a trigger ending in a participle right before "by X" with no
    auxiliary ("the sanctions imposed by Washington", "Ukraine, attacked by Russia,"): X is
    the source; a participle on a noun that is no state ("a resolution backed by X") has no
    state for its object, so no event."""
    if not is_participle(words[m.last]) or _BY_NEXT.match(text, m.end) is None:
        return None
    agent = passive_agent(text, m, before, after_all, inside, (), True)
    if agent is None:
        return None
    if m.first == m.last and before and text[before[0].end : m.start].strip(" ,"):
        return Args((), (), *near, own=True)
    return Args(*agent, *near)


# ", a move condemned by Poland", ", a step the White House welcomed": a reaction to the act
# of the clause before the comma
_SUMMARY = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:move|step|decision|act|action|measure|gesture)\b"
    r"[^,;:]*$",
    re.IGNORECASE,
)
SUMMARY_REACH = 80  # characters searched back from a reaction for its summary noun


def reaction_targets(
    text: str, matches: Sequence[Match], arguments: tuple[Args, ...]
) -> tuple[Args, ...]:
    """A reaction to the previous clause's act, summed up by a noun after a comma (", a move
    condemned by Poland"), targets that act's source: Russia and Belarus, not nobody (or the
    state the act was done to: "Russia deployed troops to Belarus, a move condemned by
    Lithuania" is Lithuania toward Russia). Only for a reaction with a source and no target."""
    out = list(arguments)
    for k in range(1, len(matches)):
        m, args = matches[k], arguments[k]
        if not args.sources or args.targets:
            continue
        found = _SUMMARY.search(text, max(0, m.start - SUMMARY_REACH), m.start)
        if found is None:
            continue
        acts = [
            a for x, a in zip(matches[:k], arguments[:k], strict=True) if x.end <= found.start()
        ]
        done = next((a.sources for a in reversed(acts) if a.sources), ())
        targets = tuple(c for c in done if c not in args.sources)
        if targets:
            out[k] = args._replace(targets=targets)
    return tuple(out)


def passive_subject(
    text: str, m: Match, before: Sequence[Group], target: tuple[str, ...]
) -> tuple[str, ...]:
    """A passive's target: its subject, no preposition's object ("Trump's tariffs on Indian
    goods were criticised by New Delhi": the U.S., not India)."""
    subject = subject_group(text, before, m.start) if len(before) > 1 else None
    return subject.codes if subject is not None and target == before[0].codes else target

"""Roles one word implies, whatever the clause's subject and object say: "its" in "drones
that entered its airspace" names the incursion's target, and the one who must "face new
sanctions" is their target; a request for talks with a body is addressed to that body; the
subject of "must" or "should" is the one demanded of; what an attack did ("the shelling ...
killed three") is the attack's, and an attack noun that opens what a state says is not the
speaker's; a hostile act "by X" is X's, whoever saw or suffered it; a denied claim is no
act toward the states inside it; what a caller or user came to do is the caller's ("called
Trump to congratulate him") (docs/tone_and_events.md, N140-N141, N152-, N234-N235,
N299-N301, N310)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from tracker.coding.argument_groups import Args, Near, Scene
from tracker.coding.attack_origin import launched_from
from tracker.coding.bodies import BODY, accused_nobody
from tracker.coding.judged_conduct import JUDGED_RULE, judged_arguments, wrapper_speaker
from tracker.coding.matching import Match
from tracker.coding.word_forms import is_noun, is_verb_form
from tracker.data import word_list

AIRSPACE_RULE = "assault.airspace"


@cache
def _ground() -> frozenset[str]:
    return word_list("own_ground.txt")


def ground_owner(words: Sequence[str], m: Match, scene: Scene, args: Args) -> Args:
    """The target of an attack or an airspace incursion named by "its" ("drones that
    entered its airspace", "drones hit its territory"): the nearest earlier state
    (``before_all`` is nearest first) that is not the attack's source ("Estonia said
    Russian jets entered its airspace"). ``words``: the sentence's lower-cased tokens."""
    if args.own and not args.sources:
        return args  # nobody's act: "what it called 'constant violations' of its airspace"
    if m.rule == AIRSPACE_RULE:
        if not args.targets and (whose := [g for g in scene.inside if g.codes != args.sources]):
            return args._replace(targets=whose[0].codes)  # "a violation of Romanian airspace"
        named = "its" in words[m.first : m.last + 1]
    else:  # "hit its territory": the two words after the trigger
        after = words[m.last + 1 : m.last + 3]
        named = not args.targets and len(after) == 2 and after[0] == "its" and after[1] in _ground()
    if not named:
        return args
    owner = next((g.codes for g in scene.before_all if not set(g.codes) & set(args.sources)), ())
    return args._replace(targets=owner) if owner else args


_FACE = re.compile(r"\bfac(?:e|es|ed|ing)\b", re.IGNORECASE)


def faced_measure(text: str, m: Match, scene: Scene, args: Args) -> Args:
    """A measure its source group faces ("a deadline for Russia to halt its campaign or face
    new sanctions"): that group, the nearest before it with "face" between, is its target,
    and its source is left to the sentence."""
    if not scene.before_all or scene.before_all[0].codes != args.sources:
        return args  # ("faces sanctions from the United States": the source is named)
    between = text[scene.before_all[0].end : m.start]
    if len(between) > 80 or not _FACE.search(between):
        return args  # ("faced US sanctions": the modifier is the source)
    return args._replace(sources=(), targets=args.sources)


def content_addressee(matches: Sequence[Match], arguments: list[Args]) -> list[Args]:
    """A demand, offer or threat with a source and no target whose content is an act with a
    non-state body ("requested an urgent consultation with other NATO members"): the body is
    its addressee too, so no other state of the sentence is lent to it ("... after Russian
    jets entered its airspace" is no request to Russia). What a body is asked to do is the
    body's act, not the asker's."""
    for i, (m, args) in enumerate(zip(matches, arguments, strict=True)):
        if m.governor < 0:
            continue
        governor = arguments[m.governor]
        if args.targets == (BODY,) and (
            (governor.sources and not governor.targets)
            or (governor.targets and not governor.sources)
        ):  # ("who offered his full support for the war on Ukraine": no offer to Ukraine)
            arguments[m.governor] = governor = governor._replace(targets=(BODY,))
        if (
            governor.targets == (BODY,)
            and args.sources == governor.sources
            and matches[m.governor].category == "REQUEST"
        ):  # "urged allies not to ease sanctions on Russia": the allies would ease them
            arguments[i] = args._replace(sources=(BODY,))
    return arguments


# a speech verb right after an actor: what follows is what it said
SPEECH_AFTER = re.compile(r"\s+(?:said|says|told|claimed|reported|announced|alleged)\b", re.I)

# modals of obligation: their subject is the one demanded of; "should" is a demand only when
# someone in the sentence says it ("must" may be a statement's own words)
SHOULD_RULE = "request.should"
DUTY_RULES = frozenset({"request.must", SHOULD_RULE, "threaten.consequences", JUDGED_RULE})


def duty_arguments(text: str, m: Match, scene: Scene, near: Near) -> Args:
    """ "The minister said Libya must hand over the suspects": the subject of "must" is the
    target of the demand; its source is whoever states it, the actor before that subject
    ("Mubarak said that the US must ...") or, failing one, the speaker after it (", Britain
    said"). Without a speaker in the sentence, only the target is known."""
    if m.rule == JUDGED_RULE:  # "Russia's actions are unacceptable, Blinken said"
        return judged_arguments(text, m, scene, near)
    if not scene.before:
        return Args((), (), *near)
    if SPEECH_AFTER.search(text, scene.before[0].end, m.start):
        return Args((), (), *near, own=True)  # "Trump said the war must end": no state must
    target = scene.before[0].codes
    if m.rule == SHOULD_RULE and text[scene.before[0].end : m.start].strip():
        return Args((), (), *near, own=True)  # "U.S.-Russia talks should help": no state's
    if len(scene.before_all) > 1:
        speaker = scene.before_all[1].codes
    else:
        speaker = wrapper_speaker(text, m, scene)
    speaker = tuple(c for c in speaker if c not in target)
    if not speaker and m.rule == SHOULD_RULE:  # "Washington should not expect ...": a
        return Args((), (), *near, own=True)  # writer's advice, nobody's demand
    return Args(speaker, target, *near)


# verbs of what an attack did: "the shelling of Kharkiv by Russian forces killed three"
_EFFECTS = frozenset(
    {"killed", "kills", "killing", "wounded", "wounds", "injured", "injures", "damaged",
     "damages", "destroyed", "destroys", "hit", "hits"}
)  # fmt: skip
_ARTICLES = frozenset({"the", "a", "an"})
_POSSESSED = re.compile(r"['’]s\s+(?:[\w.-]+\s+){0,3}$")
_EFFECT_GAP = re.compile(r"[,;:\"“”()]|\b(?:and|but|while|as|said|says|after|before)\b")


def attack_effect(
    text: str, words: Sequence[str], m: Match, previous: tuple[Match, Args]
) -> Args | None:
    """The arguments of an attack's effect whose subject is the attack noun before it: "Kyiv
    said the shelling of Kharkiv by Russian forces killed three" is the shelling's killing
    (by Russia), not the speaker's; "a massive attack on Odesa killed two" is nobody's
    named act. None when the verb has a subject of its own."""
    prev, prev_args = previous
    if (
        m.category != "ASSAULT"
        or prev.category != "ASSAULT"
        or words[m.first] not in _EFFECTS
        or prev.last - prev.first > 1  # a noun of one or two words ("air strike")
        or (  # a noun: "the shelling", "Russia's Feb. 24 invasion"
            _ARTICLES.isdisjoint(words[max(0, prev.first - 5) : prev.first])
            and not _POSSESSED.search(text, max(0, prev.start - 40), prev.start)
        )
        or _EFFECT_GAP.search(text, prev.end, m.start)
    ):
        return None
    return prev_args if prev_args.sources or prev_args.targets else prev_args._replace(unowned=True)


# a noun trigger that opens what a state says: the speaker is not its subject ("Russia's
# Defence Ministry says an attack began", not "confirmed the release": its object)
_REPORTED_NOUN = re.compile(
    r"(?:['’]s)?[^,;:\"“”]{0,40}?\s(?:says|said|claims|claimed|(?:reports|reported|confirms|"
    r"confirmed)\s+that)\s+(?:that\s+)?(?:an?|the)\s+(?:(?!by\b)[a-z-]+\s+){0,2}$"
)


def reported_attack(text: str, words: Sequence[str], m: Match, scene: Scene) -> bool:
    """Is the trigger an attack noun that opens what a state says ("Russia's Defence Ministry
    says an attack began Tuesday, with Ukrainian forces pushing ...")? Its speaker is not its
    subject, only its own arguments count. (A speaker's sanctions or troop buildup is often
    its own: "Russia said the sanctions were a response to US sanctions".)"""
    return (
        m.category == "ASSAULT"
        and bool(scene.before)
        and is_noun(words, m)
        and _REPORTED_NOUN.match(text, scene.before[0].end, m.start) is not None
    )


@cache
def _regions() -> re.Pattern[str]:
    names = sorted(word_list("world_regions.txt"), key=len, reverse=True)
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?:\s+to)?\s+(?:the\s+)?(?:{alternatives})\b", re.IGNORECASE)


_VISITS = ("visit", "visits", "trip", "trips", "trip to", "trips to", "tour", "voyage")


def place_visited(text: str, m: Match, scene: Scene, args: Args) -> Args:
    """A visit or trip to a region that is no state (``data/en/world_regions.txt``: "Trump
    began a trip to Asia, leaving Russia's offer unanswered", "Trump's visit to the Middle
    East angered Iran"): its target is that place, so no state of the sentence is lent to
    it, nor is the clause's object (``BODY``: no state). "Putin's forthcoming visit to
    Alaska" stays a visit to the United States."""
    trigger = text[m.start : m.end].lower()
    if trigger not in _VISITS or not args.sources:
        return args
    to = _regions().match(text, m.end)
    if to is None or (not trigger.endswith(" to") and " to" not in to.group().lower()):
        return args
    return args._replace(targets=(BODY,))


# a noun's own agent right after it, or after what it hit: "an attack by Russia", "a violation
# of its airspace by a Belarusian helicopter" (whoever detected, repelled or suffered it)
_BY_HEAD = r"\s*(?:of\s+(?:its|their|the)\s+[\w-]+\s+)?by\s+(?:(?:the|an?)\s+)?"
_BY = re.compile(_BY_HEAD + r"(?:\d+\s+|two\s+|three\s+|four\s+|several\s+|dozens\s+of\s+)?$")
_BY_SOMETHING = re.compile(_BY_HEAD + r"(?!(?:the|an?)\s)[a-z]")  # "by hot-air balloons", not
# "by the European Union"
_SUFFERED = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "REJECT", "SANCTION", "THREATEN"})


def suffered_by(text: str, words: Sequence[str], m: Match, scene: Scene, noun: bool) -> bool:
    """Is a hostile act named as a noun (``noun``, or a phrase led by one: "a violation of
    Polish airspace") with its own agent ("repelled an attack by Russia", "detected the
    incursion by Russian jets")? The clause's subject suffered or saw it. (A request or
    offer "by X" is the subject's to answer: "was considering a request by Ukraine".)"""
    if not noun and (m.first == m.last or m.first == 0 or is_verb_form(words[m.first])):
        return False
    if m.category not in _SUFFERED:
        return False
    after = scene.after_all
    if after and _BY.match(text, m.end, after[0].start):
        return True
    return _BY_SOMETHING.match(text, m.end) is not None  # "by hot-air balloons": no state's


_DENIALS = frozenset({"deny", "denies", "denied", "denying", "denial"})
_ALLEGED = (
    r"(?:allegations?|accusations?|claims?|reports?|suggestions?|charges?|rumou?rs?"
    r"|speculation|insinuations?)"
)
# what a denial or rejection is about: "denied that it supplied drones to Iran", "denied
# supplying", "rejected allegations that it attacked Ukraine", "dismissed Kyiv's claims of"
_DENIED_FACT = re.compile(
    rf"\s+(?:(?:[\w.'’-]+\s+){{0,4}}?{_ALLEGED}\b[^,;.]{{0,48}}?\s(?:that|of)\b"
    rf"|(?P<clause>that\b|(?!(?:during|according|including|regarding|concerning)\b)[a-z]+ing\b))",
    re.I,
)

_OF_WHOM = re.compile(r"\s*(?:the\s+)?")


def denied_fact(text: str, m: Match, scene: Scene, args: Args) -> Args:
    """The target of a denial or rejection of a claimed fact: who claimed it ("denied claims
    by Ukraine that ...", "rejected Kyiv's accusations of"), never a state inside the fact
    ("China denied allegations that it has shared intelligence with Iran": not toward
    Iran). A fact without "allegations"/"claims" is denied only ("denied that ..."; "rejected
    holding talks with Kyiv" rejects the talks)."""
    if (found := _DENIED_FACT.match(text, m.end)) is None:
        return args
    if found.group("clause") and text[m.start : m.end].lower() not in _DENIALS:
        return args
    if not args.targets:  # "denied that Iran had made the transfers to Russia": no one's
        bare = args.sources and (found.group("clause") or "").lower() == "that"  # is lent to
        return args._replace(targets=(BODY,)) if bare else args  # it (a claim: its claimant)
    end = found.end()
    if text[end - 2 : end].lower() == "of":  # "the accusations of the Estonian authorities"
        end += len(_OF_WHOM.match(text, end).group())  # are theirs, and "of shelling" is
    claimants = [g for g in scene.after_all if g.start <= end]  # what they claim
    targets = tuple(c for g in claimants for c in g.codes if c in args.targets)
    return args._replace(targets=targets or (BODY,))  # (BODY: no state is lent to it)


_CLAIM_GAP = re.compile(r"\s+(?:[\w.'’-]+\s+){0,3}$")
_CLAIMED_BY = re.compile(r"\s+(?:made\s+)?(?:by|from)\s+(?:the\s+)?$", re.I)


def denied_claim(text: str, m: Match, scene: Scene, previous: tuple[Match, Args]) -> Args | None:
    """An accusation that a denial or rejection right before it is about ("rejected
    allegations that it attacked Ukraine", "denied Kyiv's accusations", "dismissed the
    allegations by Lithuania"): its source is its claimant alone, if named, and its target
    the one who rejects it; else None."""
    before, rejection = previous
    if (
        before.category != "REJECT"
        or m.category != "ACCUSE"
        or not _CLAIM_GAP.match(text, before.end, m.start)
    ):
        return None
    claimant: tuple[str, ...] = ()
    if scene.before_all and scene.before_all[0].start >= before.end:  # "Kyiv's accusations"
        claimant = scene.before_all[0].codes
    elif scene.after_all and _CLAIMED_BY.match(text, m.end, scene.after_all[0].start):
        claimant = scene.after_all[0].codes
    if not claimant:
        return Args((), (), *scene.near, own=True)
    return Args(claimant, rejection.sources, *scene.near, own=True)


# "Putin called Trump to congratulate him": the caller's purpose (not "called on X to")
_CALLED = re.compile(
    r"\s+(?:[\w']+\s+){0,4}?(?:called|calls|call|phoned|phones|phone|rang|telephoned|"
    r"contacted|contacts|visited|visits|visit|met|meets|meet|used|uses|use|using)\s+"
    r"(?:the\s+)?(?:(?:territory|soil|airspace|ports?|bases?)\s+of\s+)?$",
    re.I,
)  # ("has used the territory of Belarus as a staging ground to send troops": Russia's)
_TO = re.compile(  # (a title after a demonym: "called the Russian president to congratulate")
    r"\s+(?:(?:territory|soil|airspace|president|leader|counterpart|(?:prime|foreign)\s+minister)"
    r"\s+)?(?:as\s+an?\s+(?:[\w-]+\s+){1,2})?to\s+$"
)


def caller_purpose(text: str, m: Match, scene: Scene, args: Args) -> Args | None:
    """The arguments of an act a caller, visitor or user came to do: "Putin is not planning to
    call Trump to congratulate him" is Putin's congratulation of Trump, not Trump's; "Russia
    used Belarus to attack Ukraine" is Russia's attack; else None."""
    before = scene.before_all
    if len(before) < 2 or not _TO.fullmatch(text, before[0].end, m.start):
        return None
    if not _CALLED.fullmatch(text, before[1].end, before[0].start):
        return None
    targets = args.targets if args.targets and args.targets != args.sources else before[0].codes
    return args._replace(sources=before[1].codes, targets=targets)


_HIS_COUNTRY = re.compile(
    r"\s+(?:against|on)\s+(?:his|her|its|their)\s+(?:country|government|nation)\b"
)
# "the sanctions the US has imposed on the Islamic Republic": a relative clause's subject
_HAS = re.compile(r"\s+(?:has|have|had)\s+(?:[a-z]+\s+)?")
_ON = re.compile(r"\s+(?:on|against)\s+(?:the\s+)?")


def imposed_by_inside(text: str, m: Match, scene: Scene, args: Args) -> Args | None:
    """A measure whose imposer is the subject of a relative clause inside the trigger
    ("the crushing economic sanctions the US has imposed on the Islamic Republic": the
    United States', on Iran), else None."""
    imposer = next((g for g in scene.inside if _HAS.match(text, g.end)), None)
    if imposer is None:
        return None
    after = scene.after_all
    on = after[0].codes if after and _ON.fullmatch(text, m.end, after[0].start) else ()
    return args._replace(sources=imposer.codes, targets=on)


def category_roles(text: str, words: Sequence[str], m: Match, scene: Scene, args: Args) -> Args:
    """The roles a trigger's category implies beyond its clause (the functions above)."""
    if (called := caller_purpose(text, m, scene, args)) is not None:
        return called  # "called Trump to congratulate him"
    if m.category == "ASSAULT" and not args.sources and (origin := launched_from(text, m, scene)):
        return origin  # "missiles were fired from Iran towards Israel": Iran's
    if m.category == "ASSAULT" and not m.topic:  # whose airspace or ground is hit
        return ground_owner(words, m, scene, args)
    if (
        m.category == "SANCTION"
        and scene.inside
        and (inside := imposed_by_inside(text, m, scene, args))
    ):
        return inside  # "the sanctions the US has imposed on the Islamic Republic"
    if m.category == "SANCTION" and args.sources and _HIS_COUNTRY.match(text, m.end):
        owner = next(
            (g.codes for g in scene.before_all if not set(g.codes) & set(args.sources)), ()
        )
        return args._replace(targets=owner) if owner else args  # "sanctions against his
        # country": the state of the one named before ("warned Putin that ...")
    if m.category == "SANCTION" and args.sources:  # "or face new sanctions": the one
        return faced_measure(text, m, scene, args)  # who faces them is their target
    if m.category == "CONSULT":  # "a trip to Asia": a place, no state
        return place_visited(text, m, scene, args)
    if m.category == "REJECT":  # "denied allegations that it ...": not toward those inside
        return denied_fact(text, m, scene, args)
    if m.category == "ACCUSE":  # "accused unnamed parties of": no later state
        return accused_nobody(text, m, args)
    return args


# an example set off after an act: "Russian attacks on Ukraine, including strikes on the capital"
_EXAMPLE_BEFORE = re.compile(r",\s+(?:including|such\s+as|among\s+them)\s+(?:the\s+)?$", re.I)


def example_of(text: str, m: Match, previous: tuple[Match, Args]) -> Args | None:
    """The arguments of an act named as an example of the act before it, of the same category
    ("Russian attacks on Ukraine, including strikes on the capital": Russia's), else None."""
    before, args = previous
    if before.category != m.category or not (args.sources or args.targets):
        return None
    return args if _EXAMPLE_BEFORE.search(text, max(0, m.start - 24), m.start) else None

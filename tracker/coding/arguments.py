"""Who did it to whom: the actor arguments of each trigger and the dyad they attach to.

Arguments are found among ALL the sentence's actor mentions (docs/tone_and_events.md,
"Arguments and direction"): actor groups, the trigger's clause, noun triggers with only
their own arguments (prepositional phrases, topics of speech), relative clauses about a
person, passives; then ``attach`` gives the event to the one dyad those arguments are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tracker.coding.argument_groups import Args, Group, Layout, Near, Scene, actor_groups
from tracker.coding.argument_roles import (
    addressed_to_own_side,
    by_agent,
    carried_subject,
    is_purpose,
    passive_subject,
    subject_group,
    without_mediator,
)
from tracker.coding.attach import EACH_OTHER
from tracker.coding.blocked_measures import without_measure_targets
from tracker.coding.bodies import bodies_alone, body_spans, with_bodies
from tracker.coding.clauses import nominal_subject_between, opening_adjunct_end
from tracker.coding.implied_roles import (
    DUTY_RULES,
    SPEECH_AFTER,
    attack_effect,
    category_roles,
    content_addressee,
    denied_claim,
    duty_arguments,
    example_of,
    reported_attack,
)
from tracker.coding.matching import Match
from tracker.coding.mode_scopes import CLAUSE_BREAK, is_participle
from tracker.coding.noun_arguments import (
    ATTRIBUTED,
    BETWEEN,
    MODIFIER_GAP,
    noun_arguments,
    own_only,
)
from tracker.coding.passive import (
    ATTACKS,
    agent_inside,
    agentless_passive,
    is_passive,
    opens_passive,
    participle_agent,
    passive_agent,
    predicative_participle,
    reduced_object,
    reduced_passive,
)
from tracker.coding.person_clauses import RELATIVE_PERSON, person_arguments, person_clause
from tracker.coding.person_subjects import unnamed_agent, with_subject_checked
from tracker.coding.pronouns import possessor_source, pronoun_source
from tracker.coding.responses import to_responders
from tracker.coding.trigger_objects import INFINITIVE_HEADS
from tracker.coding.word_forms import (
    is_noun,
    is_verb_form,
    reads_as_noun,
    topic_noun,
)
from tracker.data import word_list
from tracker.models import Mention

# Material conflict needs a named actor: a bare "the invasion" or "sanctions" is background.
NEEDS_ACTORS = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION"})
_TOOK_PART = Args(own=True)  # sentinel of _own_arguments: the clause's actors took part
_LOCATIVE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.I)
_FROM_AGENT = re.compile(r"^\s*from\s+(?:the\s+)?$", re.I)  # "warnings from Washington"
# A noun trigger after one of these (within PP_REACH tokens) is inside a prepositional phrase.
_PP_PREPS = frozenset(
    {"behind", "of", "after", "since", "following", "before", "during", "amid", "despite", "over",
     "about", "for", "in", "on", "with", "from", "by", "against", "into", "at"}
)  # fmt: skip
_TO_PREPOSITIONS = word_list("to_prepositions.txt")  # "due to the attack", "response to"
_VERBBETWEEN = frozenset({"has", "have", "had", "is", "are", "was", "were", "will", "would"})
PP_REACH = 4  # tokens between the preposition and the noun ("of the 2022 invasion")
# "his role in the release", "its part in freeing": the possessor is the actor, not a PP.
_CIRCUMSTANCE = frozenset({"during", "at", "after", "in", "following", "before", "on", "for"})
_AMID = frozenset({"during", "amid"})  # a circumstance: its act's source is not the clause's
_DURATIONS = frozenset({"minutes", "hours", "days"})  # "concluded three hours of talks"
_ROLE_NOUNS = frozenset(
    {"role", "part", "hand", "help", "contribution", "efforts", "effort", "responsibility"}
    | {"round", "rounds", "series", "wave", "spate"}
)  # "claimed responsibility for the attack": the claimant did it; "held a round of talks"


_DISCUSSING = frozenset({"consult.discuss"})  # its object is a topic, its "with X" a party


def _among_themselves(text: str, m: Match, scene: Scene, reciprocal: frozenset[str]) -> bool:
    """Do co-subjects act on each other ("traded accusations") or discuss what follows ("the
    Russian and US diplomats discussed the talks between Moscow and Kiev"), no one else?"""
    if m.rule in reciprocal or EACH_OTHER.match(text, m.end):
        return True
    first = scene.after_all[0] if scene.after_all else None
    return m.rule in _DISCUSSING and first is not None and "with" not in text[m.end : first.start]


def find_arguments(
    text: str,
    matches: Sequence[Match],
    placed: Sequence[Mention],
    words: Sequence[str],
    starts: Sequence[int],
    reciprocal: frozenset[str] = frozenset(),
) -> tuple[Args, ...]:
    """The arguments of every match, from the sentence's placed mentions (text order);
    ``words`` are the sentence's lower-cased tokens, ``starts`` their character offsets (up to
    the last trigger); ``reciprocal``: the rules whose co-subjects act on each other (N278)."""
    groups = actor_groups(text, placed, matches) if matches else ()
    if not groups:
        return bodies_alone(text, matches, words)
    layout = Layout.of(text, groups)
    relative = not RELATIVE_PERSON.isdisjoint(words)
    has_pronoun, by_pronoun = "he" in words or "she" in words, "his" in words or "her" in words
    leading = bool(words) and words[0] in _PP_PREPS
    attacks = tuple(x.start for x in matches if x.category in ATTACKS)
    bodies = body_spans(text, words)
    out: list[Args] = []
    previous: tuple[Match, Args] | None = None  # the trigger before
    verb: tuple[Match, Args] | None = None  # the last one that is no noun with its own actors
    for m in matches:
        scene = Scene.of(text, layout, m, leading)
        person = person_clause(text, words, starts, m, scene.before) if relative else None
        if person is not None:
            args = person_arguments(text, m, person, scene.after_all)
        elif previous is not None and (effect := attack_effect(text, words, m, previous)):
            args = effect  # "the shelling of Kharkiv by Russian forces killed three"
        else:
            # a verb carries over the clause's last verb, past nouns with actors of their own
            # ("condemned Russia's invasion of Ukraine and promised aid")
            earlier = verb if is_verb_form(words[m.first]) else previous
            args = _trigger_arguments(text, words, m, scene, earlier, attacks)
            if bodies:  # "The EU called on Belarus to ...": no state is its source
                args = with_bodies(text, m, scene, args, bodies)
        if previous is not None and (claim := denied_claim(text, m, scene, previous)):
            args = claim  # "rejected allegations that ...": the claimant's, if named
        elif not args.sources and not args.targets and _bare_conflict_noun(words, m):
            args = Args((), (), *scene.near, own=True)  # "since the invasion"
        elif len(args.sources) > 1 and _among_themselves(text, m, scene, reciprocal):
            args = Args(args.sources, (), *scene.near, own=True)  # "attacks against each other"
        elif (args.sources or args.unowned) and has_pronoun:  # ("he" of a leader named before)
            args = pronoun_source(text, m, scene.before, placed, args)
        elif by_pronoun:  # "his scheduled meeting with Zelensky": the leader's
            args = possessor_source(text, m, placed, args)
        args = category_roles(text, words, m, scene, args)  # "its airspace", "face sanctions"
        args = unnamed_agent(text, m, scene, placed, args)  # ("Kishida said", "Pelosi visited")
        out.append(args)
        previous = (m, args)
        if not args.own and m.governor < 0:  # (a demand's content is no verb of the clause:
            verb = previous  # "called on Trump to help ... and urged": the call's subject)
    if len(matches) > 1:  # "blocked new sanctions against North Korea": not toward it;
        out = to_responders(  # "rejected X's demand": to the rejecter
            matches, without_measure_targets(matches, content_addressee(matches, out))
        )
    return tuple(out)


def _trigger_arguments(
    text: str,
    words: Sequence[str],
    m: Match,
    scene: Scene,
    previous: tuple[Match, Args] | None,
    attacks: tuple[int, ...] = (),
) -> Args:
    """Arguments of a trigger not in a clause about a private person; ``attacks``: where
    the sentence's attack triggers start."""
    near = scene.near
    if m.rule in DUTY_RULES:  # "X must hand over ...": X is told, not telling
        return duty_arguments(text, m, scene, near)
    if m.topic:  # "raised the poisoning of X": only the noun's own arguments count
        return _topic_arguments(text, words, m, scene, previous, near)
    if (own := own_only(text, words, m, scene, is_noun(words, m))) is not None:
        return own  # "helping Russia circumvent sanctions", "a new EU sanctions package"
    if reads_as_noun(words, m) and not (previous is not None and is_purpose(words, m, previous[0])):
        own = _own_arguments(text, words, m, scene.before_all, scene.after_all, near)
        clause = [g.codes for g in (*reversed(scene.before), *scene.after)]
        if own is _TOOK_PART and clause:  # "during a phone call": the clause's subject, object
            return Args(clause[0], clause[1] if len(clause) > 1 else (), *near)
        if own is not None and own is not _TOOK_PART:
            return own
    if previous is not None and (example := example_of(text, m, previous)):
        return example  # "Russian attacks on Ukraine, including strikes on the capital"
    if reported_attack(text, words, m, scene):  # "Russia's Defence Ministry says an
        return noun_arguments(text, m, scene.before_all, scene.after_all, near)  # attack"
    if (by := participle_agent(text, words, m, scene.before, scene.after_all)) is not None:
        return Args(*by, *near)  # "supported by Washington": Washington's
    args = _clause_arguments(  # verbs and gerunds ("against supplying missiles")
        text, words, m, scene.before, scene.after, scene.after_all, scene.inside, near, attacks
    )
    if previous is not None and (carried := carried_subject(text, words, m, scene, previous, args)):
        return carried
    if _comma_participle(words, m) and scene.before_all:
        # "Bangladesh rejected an Indian proposal, urging the counterpart to ...": the
        # participle's subject is the sentence's first actor, not the nearest one, nor a
        # speaker ("Ukraine said Russian forces had shelled Kharkiv, killing three")
        opening = opening_adjunct_end(text)  # (not "Shortly after Trump's post, Iran ...")
        first = [g for g in scene.before_all if g.start >= opening]
        first = [g for g in first if not SPEECH_AFTER.match(text, g.end)]
        src = first[-1].codes if first else scene.before_all[-1].codes
        targets = tuple(c for c in args.targets if c not in src)
        if not targets and m.category == "REQUEST":  # "while urging Kyiv's soldiers to": its
            targets = args.targets  # own side
        return Args(src, targets, *near)
    if predicative_participle(words, m):  # "classified by X as wrongfully detained by Y"
        agent = passive_agent(text, m, scene.before, scene.after_all, (), (), True)
        return Args(agent[0] if agent is not None else (), (), *near, unowned=True)
    if reduced_passive(words, m):  # "French officials accused of ...": they are its target
        target = scene.before[0].codes if scene.before else ()
        return Args((), target, *near, unowned=True)
    if scene.before and (roles := reduced_object(text, words, m, scene.before, scene.after_all)):
        return Args(*roles, *near)  # "Ten Russian soldiers killed by Ukrainian drones"
    return with_subject_checked(text, words, m, scene.before_all, args)


def _comma_participle(words: Sequence[str], m: Match) -> bool:
    """Is the trigger a present participle opening a clause after a comma (", urging",
    ", calling on", ", while urging")?"""
    k = m.first - 2 if m.first > 2 and words[m.first - 1] in _WHILE else m.first - 1
    return k > 0 and words[k] == "," and words[m.first].endswith("ing")


_WHILE = frozenset({"while", "when", "before", "after", "by", "thus"})


def _topic_arguments(
    text: str,
    words: Sequence[str],
    m: Match,
    scene: Scene,
    previous: tuple[Match, Args] | None,
    near: Near,
) -> Args:
    """A topic of speech has only its own arguments, and the speaker is never its source;
    a gerund that is what a praise is for is the praised one's act."""
    args = noun_arguments(text, m, scene.before_all, scene.after_all, near)
    if (
        not args.sources
        and previous is not None
        and previous[0].category == "SUPPORT"
        and words[m.first].endswith("ing")
    ):  # "praised Lukashenko for releasing prisoners": what is praised was done (an
        # accusation's "of supplying weapons" is alleged: a topic, as before)
        clause = _clause_arguments(
            text, words, m, scene.before, scene.after, scene.after_all, scene.inside, near
        )
        if carried := carried_subject(text, words, m, scene, previous, clause):
            return carried
    return args if args.sources else Args(own=True)  # the speaker is never its source


def _bare_conflict_noun(words: Sequence[str], m: Match) -> bool:
    """A material-conflict noun trigger ("invasion", "sanctions", "arrest")."""
    return m.category in NEEDS_ACTORS and m.first == m.last and not is_participle(words[m.first])


def _own_arguments(
    text: str,
    words: Sequence[str],
    m: Match,
    before_all: Sequence[Group],
    after_all: Sequence[Group],
    near: Near,
) -> Args | None:
    """Arguments of a one-token noun trigger inside a prepositional phrase, or None when it
    is not in one."""
    prep = -1
    for k in range(m.first - 1, max(-1, m.first - 1 - PP_REACH), -1):
        w = words[k]
        if (
            (w in CLAUSE_BREAK and w not in {"after", "before"})
            or w in _VERBBETWEEN
            or (k < m.first - 1 and w.endswith("ed"))
            or (w == "to" and k == m.first - 1 and k > 0 and words[k - 1] in INFINITIVE_HEADS)
        ):
            break  # a verb between: "in Guyana has issued arrest warrants" is no phrase
        if w in _PP_PREPS or (w == "to" and k > 0 and words[k - 1] in _TO_PREPOSITIONS):
            prep = k
            break
    if prep < 0 or (
        prep > 0
        and (
            words[prep - 1] in _ROLE_NOUNS
            or (m.category == "CONSULT" and words[prep - 1] in _DURATIONS)  # "hours of talks"
        )
    ):
        return None
    args = noun_arguments(text, m, before_all, after_all, near)
    if (
        not args.sources
        and not args.targets
        and words[prep] in _CIRCUMSTANCE
        and (m.category == "CONSULT" or words[prep] == "during")
        and not (prep > 0 and words[prep] == "for" and words[prep - 1] in for_no_part())
    ):  # (not "useful for negotiations", "the agenda for the meeting": who takes part?)
        if topic_noun(words, m):  # "brief him on the talks with Putin": the topic, not
            return Args((), after_all[0].codes if after_all else (), *near, True, True)  # an act
        return _TOOK_PART  # "during talks in the Kremlin", "arrived on a visit": they took part
    if args.targets and not args.sources and words[prep] in _AMID and m.category != "CONSULT":
        return args._replace(unowned=True)  # "downed drones during an assault on Ukraine":
    return args  # whose assault is not said, and it is not the clause subject's


def _subject(text: str, words: Sequence[str], m: Match, before: Sequence[Group]) -> Group | None:
    """The trigger's subject among the groups before it (``subject_group``), past a place
    before the verb; none when a that-clause with a subject of its own that names no state
    opens between it and the trigger (``clauses.nominal_subject_between``)."""
    src = subject_group(text, before, m.start)
    if src is None or nominal_subject_between(text, src.end, m.start):
        return None
    if (
        len(before) > 1
        and src is before[0]
        and _LOCATIVE.search(text, 0, src.start)
        and not (words[m.first].endswith("ing") and MODIFIER_GAP.match(text, src.end, m.start))
    ):  # "The U.S. embassy in Minsk suspended ...": Minsk is the place; in "killed in
        return before[1]  # Israeli shelling" the actor is the shelling's, not a place
    return src


def _clause_arguments(
    text: str,
    words: Sequence[str],
    m: Match,
    before: Sequence[Group],
    after: Sequence[Group],
    after_all: Sequence[Group],
    inside: Sequence[Group],
    near: Near,
    attacks: tuple[int, ...] = (),
) -> Args:
    """Source = nearest group before the trigger in its clause, target = nearest after it;
    a passive "by X" (or a noun's "from X") agent is the source, and so is the actor of the
    attack it happened in ("were killed in Israeli shelling"); a passive without an agent
    has its subject as target ("two U.S. diplomats were expelled")."""
    passive: bool | None = None  # computed only when needed (a regex search)
    after, near = without_mediator(text, m, before, after, near, after_all)
    if inside and (agent := agent_inside(text, m, inside)):  # "charged by Russia with"
        return Args(agent, before[0].codes if before else (), *near)
    if after_all and (
        not before
        or (passive := is_passive(text, m.start, m.end))
        or opens_passive(text, words, m)  # "was slapped with sanctions by X"
    ):
        agent = passive_agent(text, m, before, after_all, inside, attacks, passive)
        if agent is not None:  # "was praised by X"
            return Args(agent[0], passive_subject(text, m, before, agent[1]), *near)
    elif after_all and (by := by_agent(text, words, m, before, after_all, inside, near)):
        return by
    held = before[1] if len(before) > 1 and _LOCATIVE.search(text, 0, before[0].start) else None
    if before and (  # ("an American detained in Belarus has been released": the American)
        agentless := agentless_passive(text, words, m, held or before[0], near, passive, inside)
    ):
        return agentless
    if (
        m.last - m.first <= 1  # a noun ("sanctions relief from the United States")
        and not (words[m.first].endswith("ed") or words[m.last].endswith("ed"))
        and after
        and after[0].start - m.end >= 5  # "from " at least
        and (_FROM_AGENT.match(gap := text[m.end : after[0].start]) or ATTRIBUTED.search(gap))
    ):  # ("warnings from Washington", "an attack on the kingdom's oil attributed to Tehran")
        target = before[0].codes if before else ()
        return Args(after[0].codes, target, *near)
    if after and len(after[0].codes) > 1 and BETWEEN.match(text[m.end : after[0].start]):
        return Args(after[0].codes, (), *near)  # "talks between X and Y"
    src = _subject(text, words, m, before)
    sources = src.codes if src is not None else ()
    if sources and addressed_to_own_side(text, m, after, sources):
        return Args(sources, sources, *near)  # "urged its citizens": its own side
    # "lifted sanctions on Belarus": an actor inside a long trigger is the object
    targets = inside[0].codes if inside else after[0].codes if after else ()
    if src is None and before:  # "clear to Washington that the country would support"
        return Args((), targets, *near, unowned=True)
    if sources and targets:
        # (a request to the source's own side stays one: "Senators called on the Trump
        # Administration to use caution in negotiations with Belarus" asks nothing of Belarus)
        targets = tuple([c for c in targets if c not in sources]) or (
            targets if m.category == "REQUEST" else ()
        )
    return Args(sources, targets, *near)


def for_no_part() -> frozenset[str]:
    """Words before "for" + a meeting noun that say nothing of who takes part in it
    (``data/en/for_no_part.txt``: "useful for negotiations", "the agenda for the meeting")."""
    return word_list("for_no_part.txt")

"""PLOVER event coding: rules as data -> Event(category, mode, intensity, source, target).

The coder (docs/tone_and_events.md) is three steps over one sentence, each in its module:

- rules (``tracker.coding.event_rules``): categories, rules and cues loaded once from package CSVs;
- match (here): the sentence is tokenised once, candidate rules are found by a dict lookup
  on each token's surface form, and the longest non-overlapping matches win; their framing
  (mode, year, topic of speech) comes from ``tracker.coding.modes``;
- arguments (``tracker.coding.arguments``): each trigger's source and target among all the
  sentence's actors; an event goes only to the dyad its arguments are.

Matching (compute) is separate from building events (annotate).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import date
from functools import cache
from typing import NamedTuple

from tracker.coding.argument_groups import Args
from tracker.coding.argument_roles import reaction_targets
from tracker.coding.arguments import find_arguments
from tracker.coding.attach import (
    EACH_OTHER,
    FALLBACK,
    MUTUAL_KINDS,
    RECIPROCAL,
    SIGNED,
    attach,
    lends,
)
from tracker.coding.direction import (
    POSITION_KEY,
    dyad_mentions,
    mention_position,
    positional_direction,
    resolve_direction,
)
from tracker.coding.event_context import as_asked, refers_back
from tracker.coding.event_rules import (
    EventCategory,
    EventRule,
    ModeCue,
    inflect,
    load_categories,
    load_mode_cues,
    load_rules,
    parse_pattern,
    rules_from_records,
    tokenize,
    tokenize_lower,
)
from tracker.coding.joint_acts import JOINT_NOUN, JOINT_RULES, joint_exercise, joint_participants
from tracker.coding.matching import INTENT_RULES, Match, RuleMatcher
from tracker.coding.modes import ModeReader
from tracker.coding.speakers import SPEAKER
from tracker.models import Dyad, Event, Mention, Mode, make_pair

__all__ = [
    "Args",
    "EventCategory",
    "EventCoder",
    "EventRule",
    "Match",
    "ModeCue",
    "code_sentence",
    "default_event_coder",
    "inflect",
    "load_categories",
    "load_mode_cues",
    "load_rules",
    "parse_pattern",
    "primary_event",
    "resolve_direction",
    "rules_from_records",
    "tokenize",
    "tokenize_lower",
]


class CodedSentence(NamedTuple):
    """One sentence read once by ``EventCoder.analyse``, shared by all its dyads."""

    text: str
    matches: tuple[Match, ...]
    arguments: tuple[Args, ...]  # one per match
    codes: frozenset[str]  # the states of the sentence's placed mentions


class EventCoder:
    """Codes PLOVER events for a dyad in a sentence. Build once; ``code`` is pure."""

    def __init__(
        self,
        rules: Sequence[EventRule] | None = None,
        categories: Mapping[str, EventCategory] | None = None,
        cues: Sequence[ModeCue] | None = None,
    ) -> None:
        self.categories = dict(load_categories() if categories is None else categories)
        self.rules = tuple(load_rules() if rules is None else rules)
        cues = tuple(load_mode_cues() if cues is None else cues)
        # hostile acts a coordinated subject does to each other ("X and Y exchanged fire");
        # any other hostile act of "X and Y" with no object named is theirs together, toward
        # someone else ("the U.S. and Britain launched strikes against the Houthis"), while
        # cooperation among them goes each way ("X and Y hailed a new era of partnership")
        self.reciprocal = frozenset(r.id for r in self.rules if r.content == "each_other")
        self._rules = RuleMatcher(self.rules, self.categories, ModeReader(cues))
        rules_text = repr((self.rules, sorted(self.categories.items()), cues)).encode()
        self.version = f"plover.{hashlib.sha256(rules_text).hexdigest()[:8]}"
        # No per-call state: after __init__ the coder is only read, so one instance may be
        # shared between threads (the dashboard's sessions do).

    # -- compute: rules and modes over one sentence ----------------------------------------

    def match(self, sentence_text: str, published_year: int) -> tuple[Match, ...]:
        """All non-overlapping rule matches in a sentence, longest first, in text order."""
        return self._rules.match(sentence_text, published_year)[0]

    # -- annotate: events for one dyad -----------------------------------------------------

    def analyse(
        self, sentence_text: str, published_year: int, sentence_mentions: Sequence[Mention]
    ) -> CodedSentence:
        """Read one sentence once: its matches and every match's arguments among all its
        placed mentions. Its dyads then only look their pair up (``code_dyad``)."""
        matches, words, starts = self._rules.match(sentence_text, published_year)
        if matches and "?" in sentence_text[-3:]:  # "Can't we engage in a dialogue?"
            matches = as_asked(sentence_text, matches)
        placed = sorted([m for m in sentence_mentions if m.start >= 0], key=POSITION_KEY)
        arguments = find_arguments(sentence_text, matches, placed, words, starts, self.reciprocal)
        if any(m.rule == JOINT_NOUN for m in matches):
            arguments = joint_participants(matches, arguments, placed)
        if len(matches) > 1 and "," in sentence_text:
            arguments = reaction_targets(sentence_text, matches, arguments)
        return CodedSentence(sentence_text, matches, arguments, frozenset(m.code for m in placed))

    def code(
        self,
        sentence_text: str,
        mentions: Sequence[Mention],
        dyad: Dyad,
        published_at: date,
        sentence_mentions: Sequence[Mention] | None = None,
        dyad_count: int | None = None,
    ) -> list[Event]:
        """Events for ONE dyad in ONE sentence (see module docstring and "Arguments").

        ``mentions`` are the dyad's own mentions (pronoun-inherited ones included);
        ``sentence_mentions`` all actor mentions of the sentence (default: ``mentions``), from
        which each trigger's source and target are found; ``dyad_count`` is how many dyads
        the sentence has (default: 1 when every placed mention belongs to this dyad).
        A sentence with several dyads is better read once with ``analyse`` + ``code_dyad``.
        """
        everyone = mentions if sentence_mentions is None else sentence_mentions
        sentence = self.analyse(sentence_text, published_at.year, everyone)
        return self.code_dyad(sentence, mentions, dyad, dyad_count)

    def code_dyad(
        self,
        sentence: CodedSentence,
        mentions: Sequence[Mention],
        dyad: Dyad,
        dyad_count: int | None = None,
        earlier: Mapping[tuple[tuple[str, str], str], tuple[str, str]] | None = None,
    ) -> list[Event]:
        """Events for ONE dyad of a sentence read by ``analyse`` (see ``code``).

        ``earlier`` maps (pair, category) to the direction of that pair's latest earlier
        event of the category in the article: a dyad both of whose actors are only implied
        ("The two leaders discussed the potential release of 1,300 more prisoners") takes
        a trigger with no named actor from it, as a reader does.
        """
        matches = sentence.matches
        if not matches:
            return []
        pair = dyad.pair
        inherited = [m for m in mentions if m.start < 0 and m.code in pair]
        implied = bool(inherited) and all(m.start < 0 for m in mentions if m.code in pair)
        if dyad_count is None:
            dyad_count = 1 if sentence.codes <= set(pair) else 2
        single = dyad_count == 1
        named = any(m.start >= 0 for m in mentions if m.code in pair)
        text = sentence.text
        fallback: tuple[list[Mention], list[Mention]] | None = None  # found once, if needed
        per_match: list[list[Event]] = []
        # "The two sides / Both countries / They" name the pair and no one else: what they
        # do to each other ("exchanged fire", "blamed the other") is each one's act (N346)
        # (the sentence's first act only: "blamed each other for the fighting")
        both = implied and len({m.code for m in inherited}) == 2
        for m, args in zip(matches, sentence.arguments, strict=True):
            lend = lends(args, pair, m, text, sentence, mentions, single)  # (None: not the pair's)
            if (
                both
                and m is matches[0]
                and not (args.sources or args.targets)
                and self._mutual(m, text)
            ):
                found: tuple[object, str] | bool | None = (RECIPROCAL, "")
            else:
                found = lend is not None and _direction(
                    args, m.category, pair, lend, inherited, implied, earlier, named
                )
            if not found or (found[0] is FALLBACK and named and refers_back(text, m)):
                per_match.append([])  # ("The visit comes weeks after ...": an earlier act)
                continue
            direction, basis = found
            if direction is FALLBACK:  # (None: quoted words whose actors are not quoted)
                fallback = fallback or dyad_mentions(mentions, dyad)
                direction = positional_direction(text, *fallback, dyad, m.start, m.end)
            per_match.append(self._events(m, direction, basis, dyad, mentions, text, args))
        return _kept(matches, sentence.arguments, per_match)

    def _events(
        self,
        m: Match,
        direction: object,
        basis: str,
        dyad: Dyad,
        mentions: Sequence[Mention],
        text: str,
        args: Args,
    ) -> list[Event]:
        """The events of one trigger on one dyad, once its direction is known (None: none)."""
        if direction is None:
            return []
        pair = dyad.pair
        if m.rule in JOINT_RULES or m.rule == JOINT_NOUN:
            joint = joint_exercise(m, direction, text, args)
            if joint is None:
                return []
            m, direction = joint
        mutual = m.category in MUTUAL_KINDS
        if direction is RECIPROCAL:  # "X and Y swapped prisoners": each did it to the other
            if mutual:
                directions = [(None, None)]
            elif self.categories[m.category].quad_class <= 2 or self._mutual(m, text):
                directions = [pair, pair[::-1]]  # "X and Y hailed a new era": each praised
            else:
                return []
        elif direction[0] is None and not mutual:  # type: ignore[index]
            return []  # every event names its source and target unless it is mutual
        else:
            directions = [direction]
        cat = self.categories[m.category]
        return [
            Event(pair, dyad.sentence_index, source, target, cat.name, m.mode,
                  cat.intensity, cat.cameo, cat.quad_class, text, m.start, m.end,
                  m.rule, m.year, basis or _basis(source, mentions))
            for source, target in directions
        ]  # fmt: skip  # positional: the fields of Event in order

    def _mutual(self, m: Match, text: str) -> bool:
        """Does the trigger say its co-agents did it to each other ("exchanged fire",
        "Kyiv and Moscow blamed each other", "signed an accord")?"""
        return m.rule in self.reciprocal or m.rule == SIGNED or bool(EACH_OTHER.match(text, m.end))

    def arguments(
        self, sentence_text: str, published_year: int, mentions: Sequence[Mention]
    ) -> tuple[Args, ...]:
        """Source/target actor groups of every match, from all the sentence's mentions."""
        return self.analyse(sentence_text, published_year, mentions).arguments


Direction = tuple[str | None, str | None]


def _kept(
    matches: Sequence[Match], arguments: Sequence[Args], per_match: Sequence[list[Event]]
) -> list[Event]:
    """The events of one dyad's triggers that stand: not another trigger's content, and one
    per kind, mode and direction."""
    events: list[Event] = []
    seen: set[tuple[tuple[str, Mode], tuple[str | None, str | None]]] = set()
    kinds: set[tuple[str, Mode]] = set()
    for m, args, coded in zip(matches, arguments, per_match, strict=True):
        if not coded or (m.governor >= 0 and (per_match[m.governor] or not args.sources)):
            # an act this dyad's agreement, demand or threat says: its content; with no
            # source of its own it is another dyad's content ("promised aid to Kyiv")
            continue
        first = coded[0]
        kind, way = (first.category, m.mode), _way(first)
        # "imposed sanctions ... the sanctions": one per sentence, dyad and direction; a
        # second direction needs a source of its own ("expelled a diplomat in response to
        # Moscow's expulsion"), not a guess ("imposed sanctions on X over tariffs")
        if (kind, way) in seen or (kind in kinds and not args.sources):
            continue
        seen.add((kind, way))
        kinds.add(kind)
        events.extend(coded)
    return events


def _direction(
    args: Args,
    category: str,
    pair: tuple[str, str],
    single: bool,
    inherited: Sequence[Mention],
    implied: bool,
    earlier: Mapping[tuple[tuple[str, str], str], tuple[str, str]] | None,
    named: bool,
) -> tuple[Direction, str] | None:
    """(direction or a sentinel, source basis) of one trigger on one dyad, or None when
    its arguments are not this pair. A trigger with no named actor on a pair with an
    implied actor takes the pair's earlier direction for the category ("discourse").

    A directed act none of whose arguments is an actor ("in line with efforts to end the
    fighting there", "where 28 people have been killed") is not the pair's when the pair is
    ``named`` in the sentence: its actors are someone else. A mutual kind ("after talks in
    Jeddah", "no deal was reached") is the pair's, and so is an act in a sentence that names
    neither actor ("He imposed sanctions": the pair comes from the sentences before)."""
    bare = not (args.sources or args.targets)
    if bare and inherited and earlier and (pair, category) in earlier:
        return earlier[(pair, category)], "discourse"  # the same act as before, continued
    if bare and implied:
        return ((None, None), "") if category in MUTUAL_KINDS else None
    direction = attach(args, pair, single, inherited)
    if direction is FALLBACK and named and category not in MUTUAL_KINDS:
        return None  # the pair is named, but not as this act's actors ("the fighting there")
    return None if direction is None else (direction, "")


def _basis(source: str | None, mentions: Sequence[Mention]) -> str:
    """Where the source actor came from: named in the sentence ("text"), a first-person
    word of the speaker ("speaker") or an earlier sentence's actor ("pronoun")."""
    if source is None:
        return ""
    kinds = {m.kind for m in mentions if m.code == source}
    if kinds - {SPEAKER, "pronoun"}:
        return "text"
    return SPEAKER if SPEAKER in kinds else "pronoun"


def primary_event(events: Sequence[Event]) -> Event | None:
    """The sentence's main event: the earliest asserted one, else the earliest of any mode."""
    if not events:
        return None
    asserted = [e for e in events if e.mode is Mode.ASSERTED]
    return min(asserted or events, key=lambda e: e.span_start)


@cache
def default_event_coder() -> EventCoder:
    """One coder with the packaged rules, categories and cues per process."""
    return EventCoder()


def code_sentence(
    sentence_text: str,
    mentions: Sequence[Mention],
    published_at: date,
    coder: EventCoder | None = None,
    sentence_index: int = 0,
) -> list[Event]:
    """Events of a sentence for every pair of its actors (for eval and quick use).

    Dyads follow actor order: the first actor is the default source, the next the target.
    """
    coder = coder or default_event_coder()
    order: list[str] = []
    for m in sorted(mentions, key=mention_position):
        if m.code not in order:
            order.append(m.code)
    events: list[Event] = []
    count = len(order) * (len(order) - 1) // 2
    sentence = coder.analyse(sentence_text, published_at.year, mentions)
    for x, src in enumerate(order):
        for tgt in order[x + 1 :]:
            dyad = Dyad(make_pair(src, tgt), sentence_index, src, tgt)
            events.extend(coder.code_dyad(sentence, mentions, dyad, count))
    return events


def _way(event: Event) -> tuple[str | None, str | None]:
    """An event's direction for the one-per-sentence rule: (source, target), so that an
    expulsion in response to an expulsion is two, and so are a promise each way ("X will
    release ... and Y will ease sanctions"); none for any other mutual act (a meeting and
    the talks at it are one, whoever hosted; "agreed with Y to extend the treaty" is one)."""
    if event.category in MUTUAL_KINDS and event.rule not in INTENT_RULES:
        return (None, None)
    return (event.source, event.target)

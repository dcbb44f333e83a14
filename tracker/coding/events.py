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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from operator import itemgetter
from typing import NamedTuple

from tracker.coding.arguments import (
    FALLBACK,
    MUTUAL_KINDS,
    RECIPROCAL,
    Args,
    attach,
    find_arguments,
)
from tracker.coding.direction import (
    POSITION_KEY,
    dyad_mentions,
    mention_position,
    positional_direction,
    resolve_direction,
)
from tracker.coding.event_rules import (
    TOKEN,
    EventCategory,
    EventRule,
    ModeCue,
    inflect,
    load_categories,
    load_mode_cues,
    load_rules,
    match_slots,
    name_tokens,
    parse_pattern,
    rules_from_records,
    slot_forms,
    token_starts,
    tokenize,
    tokenize_lower,
)
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


@dataclass(frozen=True, slots=True)
class _Compiled:
    order: int
    rule: EventRule
    slots: tuple[frozenset[str] | int, ...]
    requires: frozenset[str]
    unless: frozenset[str]
    single: bool  # one slot: the trigger is the indexed token itself (no match_slots call)
    context: bool  # has `requires` or `unless` words to look for around the trigger


# A future act its source declares ("Israel announced it would free 150 prisoners", "Obama
# said he would not provide support"): the declaration itself is an act of the day, CAMEO 03
# "express intent to cooperate" (AGREE) or 12 "reject" (REJECT); the act stays hypothetical
# or negated beside it.
_STATED_FUTURE = frozenset({"will", "would", "'ll", "shall", "won't", "wouldn't"})
_COOPERATIVE_ACTS = frozenset({"CONCEDE", "COOPERATE", "AID", "RETREAT", "SUPPORT"})
_INTENT_REACH = 4  # tokens between the modal and the act ("would soon be able to free")
_DECLARATION_BREAKS = frozenset({",", ";", ":", "if", "unless", "whether", "to", "urged"})


def _stated_modal(words: Sequence[str], first: int) -> str | None:
    """The future modal (with a negation, "not") a few tokens before ``first`` in its clause."""
    negated = False
    for k in range(first - 1, max(-1, first - 1 - _INTENT_REACH), -1):
        w = words[k]
        if w in _DECLARATION_BREAKS:
            return None
        if w in {"not", "never"} or w.endswith("n't"):
            negated = True
        if w in _STATED_FUTURE:
            return "not" if negated or w.endswith("n't") else "will"
    return None


def _with_stated_intent(matches: tuple[Match, ...], words: Sequence[str]) -> tuple[Match, ...]:
    """``matches`` plus an AGREE (intent) or REJECT (refusal) for each cooperative act that
    its source declares for the future (see _STATED_FUTURE)."""
    out: list[Match] = []
    for m in matches:
        out.append(m)
        if m.category not in _COOPERATIVE_ACTS or m.mode not in (Mode.HYPOTHETICAL, Mode.NEGATED):
            continue
        modal = _stated_modal(words, m.first)
        if modal == "will" and m.mode is Mode.HYPOTHETICAL:
            out.append(m._replace(rule="agree.intent", category="AGREE", mode=Mode.ASSERTED))
        elif modal == "not" and m.mode is Mode.NEGATED:
            out.append(m._replace(rule="reject.refusal", category="REJECT", mode=Mode.ASSERTED))
    return tuple(out)


def _lower_tokens(norm: str, surface: list[str]) -> list[str]:
    """The lower-cased tokens: ``TOKEN`` over ``norm.lower()``, or each token lower-cased
    when a case mapping changed the token count ("İ")."""
    if norm.isascii():  # ASCII case mapping keeps every token boundary; tokens have no space
        return " ".join(surface).lower().split(" ") if surface else []
    words = TOKEN.findall(norm.lower())
    if len(words) != len(surface):
        words = [w.lower() for w in surface]
    return words


_FIRST_TOKEN = itemgetter(0)  # of a taken match (first token, last token, rule)


class Match(NamedTuple):
    """A rule matched in a sentence, with its mode (direction is decided per dyad).

    A named tuple: built for every trigger of every sentence, it is ~4x cheaper to make
    than a frozen dataclass."""

    rule: str
    category: str
    first: int  # token indices, inclusive
    last: int
    start: int  # character offsets of the trigger in the sentence
    end: int
    mode: Mode
    year: int | None
    topic: bool = False  # the object of a verb of speech ("raised the arrest"): own actors only


class CodedSentence(NamedTuple):
    """One sentence read once by ``EventCoder.analyse``, shared by all its dyads."""

    text: str
    matches: tuple[Match, ...]
    arguments: tuple[Args, ...]  # one per match
    codes: frozenset[str]  # the states of the sentence's placed mentions


_Matched = tuple[tuple[Match, ...], list[str], list[int]]  # matches, tokens, token starts


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
        self._index: dict[str, list[_Compiled]] = {}
        seen: set[str] = set()
        for order, rule in enumerate(self.rules):
            if rule.category not in self.categories:
                raise ValueError(f"rule {rule.id!r}: unknown category {rule.category!r}")
            if rule.id in seen:
                raise ValueError(f"duplicate rule id {rule.id!r}")
            seen.add(rule.id)
            slots = parse_pattern(rule.pattern)
            requires = slot_forms(rule.requires) if rule.requires else frozenset()
            unless = slot_forms(rule.unless) if rule.unless else frozenset()
            comp = _Compiled(
                order, rule, slots, requires, unless, len(slots) == 1, bool(requires or unless)
            )
            first = comp.slots[0]
            assert isinstance(first, frozenset)
            for form in first:
                self._index.setdefault(form, []).append(comp)
        self._modes = ModeReader(load_mode_cues() if cues is None else cues)
        # No per-call state: after __init__ the coder is only read, so one instance may be
        # shared between threads (the dashboard's sessions do).

    # -- compute: rules and modes over one sentence ----------------------------------------

    def match(self, sentence_text: str, published_year: int) -> tuple[Match, ...]:
        """All non-overlapping rule matches in a sentence, longest first, in text order."""
        return self._match(sentence_text, published_year)[0]

    def _match(self, sentence_text: str, published_year: int) -> _Matched:
        """``match`` with the sentence's lower-cased tokens and their character starts (up
        to the last trigger)."""
        norm = sentence_text.replace("’", "'")
        surface = TOKEN.findall(norm)
        words = _lower_tokens(norm, surface)
        index = self._index
        in_name: frozenset[int] | tuple[()] | None = None  # computed at the first capital
        # (-length, first token, rule order): longest first, then leftmost, then file order
        cands: list[tuple[int, int, int, int, _Compiled]] = []
        for i, w in enumerate(words):
            if w not in index:
                continue
            if surface[i][0].isupper():  # "Economic Cooperation" inside a name is no trigger
                if in_name is None:
                    in_name = name_tokens(surface)
                if i in in_name:
                    continue
            for comp in index[w]:
                last = i if comp.single else match_slots(comp.slots, words, i)
                if last < 0:
                    continue
                if comp.context:
                    win = comp.rule.window
                    ctx = words[max(0, i - win) : i] + words[last + 1 : last + 1 + win]
                    if comp.requires and comp.requires.isdisjoint(ctx):
                        continue
                    if comp.unless and not comp.unless.isdisjoint(ctx):
                        continue
                cands.append((i - last, i, comp.order, last, comp))
        if not cands:
            return (), words, []
        if len(cands) == 1:
            taken = [(cands[0][1], cands[0][3], cands[0][4])]
        else:
            cands.sort()  # the first three items are unique per candidate
            taken = []
            for _, i, _, last, comp in cands:
                for a, b, _ in taken:
                    if last >= a and i <= b:  # overlaps a longer (or earlier) match
                        break
                else:
                    taken.append((i, last, comp))
            taken.sort(key=_FIRST_TOKEN)
        starts = token_starts(norm, surface, taken[-1][1])
        spans = [(i, last, comp.rule.content) for i, last, comp in taken]
        framing = self._modes.frame(words, spans, published_year, norm)
        result = tuple([
            Match(comp.rule.id, comp.rule.category, i, last, starts[i],
                  starts[last] + len(surface[last]), mode, year, topic)
            for (i, last, comp), (mode, year, topic) in zip(taken, framing, strict=True)
        ])  # fmt: skip
        if _STATED_FUTURE.intersection(words):
            result = _with_stated_intent(result, words)
        return result, words, starts

    # -- annotate: events for one dyad -----------------------------------------------------

    def analyse(
        self, sentence_text: str, published_year: int, sentence_mentions: Sequence[Mention]
    ) -> CodedSentence:
        """Read one sentence once: its matches and every match's arguments among all its
        placed mentions. Its dyads then only look their pair up (``code_dyad``)."""
        matches, words, starts = self._match(sentence_text, published_year)
        placed = sorted([m for m in sentence_mentions if m.start >= 0], key=POSITION_KEY)
        arguments = find_arguments(sentence_text, matches, placed, words, starts) if matches else ()
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
        text = sentence.text
        events: list[Event] = []
        seen: set[tuple[str, Mode]] = set()
        fallback: tuple[list[Mention], list[Mention]] | None = None
        categories = self.categories
        for m, args in zip(matches, sentence.arguments, strict=True):
            bare = not (args.sources or args.targets)
            basis = ""
            if bare and inherited and earlier and (pair, m.category) in earlier:
                direction = earlier[(pair, m.category)]  # the same act as before, continued
                basis = "discourse"
            elif bare and implied:
                direction = (None, None) if m.category in MUTUAL_KINDS else None
            else:
                direction = attach(args, pair, single, inherited)
            if direction is None:
                continue
            if direction is FALLBACK:
                if fallback is None:
                    fallback = dyad_mentions(mentions, dyad)
                direction = positional_direction(text, *fallback, dyad, m.start, m.end)
            mutual = m.category in MUTUAL_KINDS
            if direction is RECIPROCAL:  # "X and Y swapped prisoners": each did it to the other
                directions = [(None, None)] if mutual else [pair, pair[::-1]]
            elif direction[0] is None and not mutual:
                continue  # every event names its source and target unless it is mutual
            else:
                directions = [direction]
            key = (m.category, m.mode)
            if key in seen:  # "imposed sanctions ... the sanctions": one per sentence and dyad
                continue
            seen.add(key)
            cat = categories[m.category]
            for source, target in directions:
                events.append(
                    Event(pair, dyad.sentence_index, source, target, cat.name, m.mode,
                          cat.intensity, cat.cameo, cat.quad_class, text, m.start, m.end,
                          m.rule, m.year, basis or _basis(source, mentions))
                )  # fmt: skip  # positional: the fields of Event in order
        return events

    def arguments(
        self, sentence_text: str, published_year: int, mentions: Sequence[Mention]
    ) -> tuple[Args, ...]:
        """Source/target actor groups of every match, from all the sentence's mentions."""
        return self.analyse(sentence_text, published_year, mentions).arguments


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

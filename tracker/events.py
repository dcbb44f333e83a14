"""PLOVER event coding: rules as data -> Event(category, mode, intensity, source, target).

Three package data files drive the coder (docs/tone_and_events.md):

- ``event_categories.csv``: PLOVER's 16 categories with a Goldstein-like intensity, the
  CAMEO root code and GDELT QuadClass;
- ``event_rules.csv``: records ``{id, category, pattern, requires, unless, window}``. A
  pattern is space-separated token slots; a slot is ``a|b|c`` alternatives, each a lemma
  expanded to its inflections (``praise`` -> praises, praised, praising) unless written
  ``=exact``; ``...`` lets up to three tokens stand between two slots;
- ``mode_cues.csv``: negation, hypothetical and historical cues.

Matching (compute) is separate from building events (annotate): a sentence is tokenised
once, candidate rules are found by a dict lookup on each token's surface form, the longest
non-overlapping matches win, and modes are read from cues in the same clause before the
trigger. Direction comes from where the dyad's actor mentions sit around the trigger.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from typing import NamedTuple

from tracker.models import Dyad, Event, Mention, Mode, make_pair

CATEGORIES_FILE = "event_categories.csv"
RULES_FILE = "event_rules.csv"
CUES_FILE = "mode_cues.csv"

GAP = "..."
MAX_GAP = 3  # tokens allowed between slots joined by "..." ("imposed new economic sanctions")
DEFAULT_WINDOW = 5  # tokens either side searched for a rule's `requires` / `unless` words
MODE_WINDOW = 6  # tokens before a trigger searched for negation/hypothetical cues (same clause)
HISTORY_WINDOW = 12  # tokens before a trigger searched for a past year ("after the 2020 vote")
HISTORY_AFTER = 8  # tokens after a trigger searched for "in 2020" / "since 2014" / "ago"
MODE_PRECEDENCE = (Mode.NEGATED, Mode.HYPOTHETICAL, Mode.HISTORICAL)  # first found wins

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+(?:['\-][^\W_]+)*|'ll|n't|[;:,.!?()\"]")
_YEAR = re.compile(r"(?:19|20)\d\d")
_ANY_YEAR = re.compile(r"(?:19|20)\d\d")  # a cheap pre-check before the per-token scan
_CLAUSE_BREAK = frozenset(
    {",", ";", ":", ".", "!", "?", "(", ")", '"', "but", "while", "whereas", "although",
     "though", "however", "because", "after", "before", "when"}
)  # fmt: skip
_SENTENCE_BREAK = frozenset({";", ".", "!", "?", "but", "however"})
_PAST_PREPOSITIONS = frozenset({"in", "since", "during", "until", "from"})
# Linking words after which "the YEAR ..." dates the trigger's clause ("following the 2020 vote").
_TIME_LINKS = frozenset({"after", "following", "since", "before", "during", "in", "amid"})
_AUXILIARIES = frozenset(
    {"will", "would", "could", "may", "might", "shall", "should", "can", "must", "won't",
     "were", "was", "are", "is", "have", "has", "had", "did", "do", "does"}
)  # fmt: skip
_IRREGULAR_PARTICIPLES = frozenset(
    {"met", "held", "sent", "struck", "shot", "fought", "spoke", "spoken", "taken", "hit",
     "sought", "made", "given", "withdrawn", "frozen", "begun", "beaten", "cut", "put", "left"}
)  # fmt: skip
# Inside a gapped trigger only modals and negation count ("cancelled a planned visit").
_INNER_CUES = frozenset(
    {"will", "would", "could", "may", "might", "shall", "should", "must", "'ll", "not", "never",
     "no"}
)  # fmt: skip
_REPORTING = frozenset(
    {"said", "says", "told", "announced", "reported", "stated", "added", "claimed", "confirmed"}
)  # fmt: skip  # "said it had halted aid" is reported speech, not background
NOUN_MODAL_REACH = 6  # tokens after a noun trigger searched for its clause's modal verb
_MODALS = frozenset({"will", "would", "could", "may", "might", "shall", "should", "must", "'ll"})
PASSIVE_REACH = 60  # characters between a trigger and "by X" for X to be the passive agent
NAME_SHARE = 0.6  # above this share of capitalised words a sentence is a title-case headline
_PASSIVE_BY = re.compile(r"\bby\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}$")
_BE_PARTICIPLE = re.compile(
    r"\b(?:was|were|been|being|be|is|are|got)\s+(?:\w+ly\s+)?"
    r"(?:\w+(?:ed|en|wn)|held|met|hit|shot|struck|sent|put|cut|freed)$",
    re.IGNORECASE,
)
# The clause breaks of _CLAUSE_BREAK in characters ("1,300" is a number, "U.S." breaks).
_CLAUSE_BREAK_RE = re.compile(
    r"(?<!\d)[,.](?!\d)|[;:!?()\"]|\b(?=[BbWwAaTtHh])(?:[Bb]ut|[Ww]hile|[Ww]hereas|[Aa]lthough|"
    r"[Tt]hough|[Hh]owever|[Bb]ecause|[Aa]fter|[Bb]efore|[Ww]hen)\b"
)
_MUTUAL_JOIN = re.compile(r"^\s*(?:,|and|&)\s*(?:the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class EventCategory:
    """A PLOVER category with GDELT-comparable codes (see event_categories.csv)."""

    name: str
    intensity: float  # -10..+10, Goldstein value of the CAMEO root (documented per row)
    cameo: str  # CAMEO root code, two digits
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    description: str = ""


@dataclass(frozen=True, slots=True)
class EventRule:
    """One trigger pattern for one category; a data record, saved and loaded as CSV."""

    id: str
    category: str
    pattern: str
    requires: str = ""  # "a|b|c": one of these within `window` tokens, else no match
    unless: str = ""  # "a|b|c": none of these within `window` tokens
    window: int = DEFAULT_WINDOW
    note: str = ""


@dataclass(frozen=True, slots=True)
class ModeCue:
    mode: Mode
    tokens: tuple[str, ...]


# ---------------------------------------------------------------------------- data loading


def _read_csv(name: str) -> list[dict[str, str]]:
    raw = files("tracker.data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(raw)))


@cache
def _categories() -> tuple[EventCategory, ...]:
    out = []
    for row in _read_csv(CATEGORIES_FILE):
        cat = EventCategory(
            name=row["name"].strip(),
            intensity=float(row["intensity"]),
            cameo=row["cameo"].strip(),
            quad_class=int(row["quad_class"]),
            description=row["description"].strip(),
        )
        if not -10.0 <= cat.intensity <= 10.0 or cat.quad_class not in (1, 2, 3, 4):
            raise ValueError(f"{CATEGORIES_FILE}: bad intensity or quad_class in {cat}")
        if not re.fullmatch(r"\d\d", cat.cameo):
            raise ValueError(f"{CATEGORIES_FILE}: CAMEO root must be two digits in {cat}")
        out.append(cat)
    return tuple(out)


def load_categories() -> dict[str, EventCategory]:
    """PLOVER categories by name, from the packaged CSV (read once per process)."""
    return {c.name: c for c in _categories()}


def rules_from_records(records: Iterable[Mapping[str, str | int]]) -> tuple[EventRule, ...]:
    """Rules from dict records (CSV rows or JSON objects) with keys as in EventRule."""
    rules = []
    for rec in records:
        window = rec.get("window") or DEFAULT_WINDOW
        rules.append(
            EventRule(
                id=str(rec["id"]).strip(),
                category=str(rec["category"]).strip(),
                pattern=str(rec["pattern"]).strip(),
                requires=str(rec.get("requires") or "").strip(),
                unless=str(rec.get("unless") or "").strip(),
                window=int(window),
                note=str(rec.get("note") or ""),
            )
        )
    return tuple(rules)


@cache
def load_rules() -> tuple[EventRule, ...]:
    """The packaged event rules (read once per process)."""
    return rules_from_records(_read_csv(RULES_FILE))


@cache
def load_mode_cues() -> tuple[ModeCue, ...]:
    """The packaged mode cues (read once per process)."""
    return tuple(
        ModeCue(Mode(row["mode"].strip()), tuple(tokenize_lower(row["cue"])))
        for row in _read_csv(CUES_FILE)
        if row["cue"].strip()
    )


# ------------------------------------------------------------------------- tokens and forms


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Lower-cased tokens of ``text`` with their character offsets."""
    norm = text.replace("’", "'")  # same length: offsets stay valid
    return [(m.group().lower(), *m.span()) for m in _TOKEN.finditer(norm)]


def tokenize_lower(text: str) -> list[str]:
    return [t for t, _, _ in tokenize(text)]


_VOWELS = frozenset("aeiou")


def inflect(lemma: str) -> frozenset[str]:
    """Regular verb and noun forms of ``lemma``; over-generation is harmless."""
    w = lemma.lower()
    forms = {w}
    if w.endswith("e"):
        forms |= {w + "s", w + "d", w[:-1] + "ing", w + "ing"}
    elif w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        forms |= {w[:-1] + "ies", w[:-1] + "ied", w + "ing"}
    elif w.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {w + "es", w + "ed", w + "ing"}
    else:
        forms |= {w + "s", w + "ed", w + "ing"}
        cvc = len(w) >= 3 and w[-1] not in _VOWELS | {"w", "y"} and w[-2] in _VOWELS
        if cvc and w[-3] not in _VOWELS:  # ban -> banned, commit -> committed
            forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return frozenset(forms)


def _slot(spec: str) -> frozenset[str]:
    out: set[str] = set()
    for alt in spec.split("|"):
        alt = alt.strip().lower()
        if not alt:
            continue
        out |= {alt[1:]} if alt.startswith("=") else inflect(alt)
    return frozenset(out)


def parse_pattern(pattern: str) -> tuple[frozenset[str] | int, ...]:
    """Pattern text -> slots; an int is a gap ("..." = MAX_GAP tokens, "...5" = five)."""
    slots: list[frozenset[str] | int] = []
    for part in pattern.split():
        if part.startswith(GAP):
            if not slots or isinstance(slots[-1], int):
                raise ValueError(f"misplaced '...' in pattern {pattern!r}")
            slots.append(int(part[len(GAP) :] or MAX_GAP))
        else:
            slots.append(_slot(part))
    if not slots or isinstance(slots[-1], int):
        raise ValueError(f"empty pattern or trailing '...' in {pattern!r}")
    return tuple(slots)


# ---------------------------------------------------------------------------------- coding


@dataclass(frozen=True, slots=True)
class _Compiled:
    order: int
    rule: EventRule
    slots: tuple[frozenset[str] | int, ...]
    requires: frozenset[str]
    unless: frozenset[str]


@dataclass(frozen=True, slots=True)
class Match:
    """A rule matched in a sentence, with its mode (direction is decided per dyad)."""

    rule: str
    category: str
    first: int  # token indices, inclusive
    last: int
    start: int  # character offsets of the trigger in the sentence
    end: int
    mode: Mode
    year: int | None


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
            comp = _Compiled(
                order,
                rule,
                parse_pattern(rule.pattern),
                _slot(rule.requires) if rule.requires else frozenset(),
                _slot(rule.unless) if rule.unless else frozenset(),
            )
            first = comp.slots[0]
            assert isinstance(first, frozenset)
            for form in first:
                self._index.setdefault(form, []).append(comp)
        self._cues: dict[str, list[ModeCue]] = {}
        for cue in load_mode_cues() if cues is None else cues:
            self._cues.setdefault(cue.tokens[0], []).append(cue)
        self._cue_first = frozenset(self._cues)
        self._memo: tuple[tuple[str, int], tuple[Match, ...]] | None = None
        self._args_memo: tuple[tuple[object, ...], tuple[Args, ...]] | None = None
        self._tokens: tuple[str, list[str], list[str]] = ("", [], [])  # of the memoised match

    # -- compute: rules and modes over one sentence ----------------------------------------

    def match(self, sentence_text: str, published_year: int) -> tuple[Match, ...]:
        """All non-overlapping rule matches in a sentence, longest first, in text order."""
        key = (sentence_text, published_year)
        if self._memo is not None and self._memo[0] == key:
            return self._memo[1]
        norm = sentence_text.replace("’", "'")
        surface = _TOKEN.findall(norm)
        words = _TOKEN.findall(norm.lower())  # one lower() call instead of one per token
        if len(words) != len(surface):  # a case mapping changed a length ("İ"): per token
            words = [w.lower() for w in surface]
        self._tokens = (norm, surface, words)
        in_name = _name_tokens(surface)
        cands: list[tuple[int, int, int, _Compiled]] = []
        index = self._index
        for i, w in enumerate(words):
            comps = index.get(w)
            if not comps or i in in_name:
                continue
            for comp in comps:
                last = _match_slots(comp.slots, words, i)
                if last < 0:
                    continue
                if comp.requires or comp.unless:
                    win = comp.rule.window
                    ctx = words[max(0, i - win) : i] + words[last + 1 : last + 1 + win]
                    if comp.requires and comp.requires.isdisjoint(ctx):
                        continue
                    if comp.unless and not comp.unless.isdisjoint(ctx):
                        continue
                cands.append((last - i, i, last, comp))
        if not cands:
            result: tuple[Match, ...] = ()
            self._memo = (key, result)
            return result
        cands.sort(key=lambda c: (-c[0], c[1], c[3].order))
        taken: list[tuple[int, int, _Compiled]] = []
        for _, i, last, comp in cands:
            if all(last < a or i > b for a, b, _ in taken):
                taken.append((i, last, comp))
        taken.sort(key=lambda t: t[0])
        starts = _token_starts(norm, surface, taken[-1][1])
        years = (
            {k for k, w in enumerate(words) if len(w) == 4 and _YEAR.fullmatch(w)}
            if _ANY_YEAR.search(norm)
            else set()
        )
        out = []
        for i, last, comp in taken:
            mode, year = self._mode(words, years, i, last, published_year)
            out.append(
                Match(comp.rule.id, comp.rule.category, i, last, starts[i],
                      starts[last] + len(surface[last]), mode, year)
            )  # fmt: skip
        result = tuple(out)
        self._memo = (key, result)
        return result

    def _cue_modes(self, words: Sequence[str]) -> set[Mode]:
        found: set[Mode] = set()
        if self._cue_first.isdisjoint(words) and not any(w.endswith("n't") for w in words):
            return found
        for k, w in enumerate(words):
            if w.endswith("n't"):
                found.add(Mode.NEGATED)
                continue
            for cue in self._cues.get(w, ()):
                n = len(cue.tokens)
                if tuple(words[k : k + n]) == cue.tokens:
                    if cue.tokens == ("not",) and words[k + 1 : k + 2] == ["only"]:
                        continue  # "not only ... but also"
                    found.add(cue.mode)
        return found

    def _mode(
        self, words: list[str], years: set[int], i: int, last: int, year_now: int
    ) -> tuple[Mode, int | None]:
        # Negation and hypothetical: the clause before the trigger, gaps inside it, and an
        # auxiliary right after a noun trigger ("sanctions will not be lifted").
        before: list[str] = []
        for k in range(i - 1, max(-1, i - 1 - MODE_WINDOW), -1):
            if words[k] in _CLAUSE_BREAK:
                break
            before.append(words[k])
        before.reverse()
        scope = before + [w for w in words[i + 1 : last] if w in _INNER_CUES or w.endswith("n't")]
        if last + 1 < len(words) and words[last + 1] in _AUXILIARIES:
            scope += words[last + 1 : last + 4]
        elif i == last and not words[i].endswith("ed"):
            # a noun trigger and its clause's modal: "a meeting between X and Y might take place"
            for k in range(last + 1, min(len(words), last + 1 + NOUN_MODAL_REACH)):
                if words[k] in _CLAUSE_BREAK:
                    break
                if words[k] in _MODALS:
                    scope += words[k : k + 2]
                    break
        modes = self._cue_modes(scope)
        # Historical: a past year before the trigger in the sentence part, or "in 2020" after.
        year: int | None = None
        for k in range(i - 1, max(-1, i - 1 - HISTORY_WINDOW) if years else i - 1, -1):
            w = words[k]
            if w in _SENTENCE_BREAK:
                break
            if k in years:
                year = int(w)
                break
        if year is None and years:
            for k in range(last + 1, min(len(words), last + 1 + HISTORY_AFTER)):
                w = words[k]
                if w in _CLAUSE_BREAK and w not in _TIME_LINKS:
                    break
                if k in years and (
                    words[k - 1] in _PAST_PREPOSITIONS
                    or (words[k - 1] == "the" and words[k - 2] in _TIME_LINKS)
                ):  # "in 2020", "since 2014", "following the 2020 elections"
                    year = int(w)
                    break
        if year is not None:
            if year < year_now:
                modes.add(Mode.HISTORICAL)
            elif year > year_now:
                modes.add(Mode.HYPOTHETICAL)
                year = None
            else:
                year = None
        if "last year" in " ".join(before) and year is None:
            year = year_now - 1
        if "ago" in words[last + 1 : last + 5]:
            modes.add(Mode.HISTORICAL)
        if "had" in words[max(0, i - 2) : i] and _REPORTING.isdisjoint(words[:i]):
            trig = words[i]
            if trig.endswith(("ed", "en", "wn")) or trig in _IRREGULAR_PARTICIPLES:
                modes.add(Mode.HISTORICAL)
        for mode in MODE_PRECEDENCE:
            if mode in modes:
                return mode, year
        return Mode.ASSERTED, year

    # -- annotate: events for one dyad -----------------------------------------------------

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
        """
        matches = self.match(sentence_text, published_at.year)
        if not matches:
            return []
        everyone = mentions if sentence_mentions is None else sentence_mentions
        inherited = tuple(m for m in mentions if m.start < 0 and m.code in dyad.pair)
        placed_all = tuple(m for m in everyone if m.start >= 0)
        if dyad_count is None:
            dyad_count = 1 if all(m.code in dyad.pair for m in placed_all) else 2
        arguments = self.arguments(sentence_text, published_at.year, placed_all)
        events: list[Event] = []
        seen: set[tuple[str, Mode]] = set()
        fallback: tuple[list[Mention], list[Mention]] | None = None
        for m, args in zip(matches, arguments, strict=True):
            direction = _attach(args, dyad.pair, dyad_count == 1, inherited)
            if direction is None:
                continue
            if direction is _FALLBACK:
                if fallback is None:
                    fallback = _dyad_mentions(mentions, dyad)
                direction = _direction(sentence_text, *fallback, dyad, m.start, m.end)
            source, target = direction
            key = (m.category, m.mode)
            if key in seen:  # "imposed sanctions ... the sanctions": one per sentence and dyad
                continue
            seen.add(key)
            cat = self.categories[m.category]
            events.append(
                Event(
                    pair=dyad.pair,
                    sentence_index=dyad.sentence_index,
                    source=source,
                    target=target,
                    category=cat.name,
                    mode=m.mode,
                    intensity=cat.intensity,
                    cameo=cat.cameo,
                    quad_class=cat.quad_class,
                    text=sentence_text,
                    span_start=m.start,
                    span_end=m.end,
                    rule=m.rule,
                    year=m.year,
                )
            )
        return events

    def arguments(
        self, sentence_text: str, published_year: int, mentions: Sequence[Mention]
    ) -> tuple[Args, ...]:
        """Source/target actor groups of every match, from all the sentence's mentions.

        Computed once per sentence (memoised like ``match``): the dyads of a sentence then
        only look their pair up in the result.
        """
        placed = tuple(sorted((m for m in mentions if m.start >= 0), key=_pos))
        key = (sentence_text, published_year, placed)
        if self._args_memo is not None and self._args_memo[0] == key:
            return self._args_memo[1]
        matches = self.match(sentence_text, published_year)
        result = _arguments(sentence_text, matches, placed, self._tokens) if matches else ()
        self._args_memo = (key, result)
        return result


# ------------------------------------------------------------------------------ arguments


class Args(NamedTuple):
    """The actor arguments of one trigger, found among ALL the sentence's actor groups.

    ``sources``/``targets`` are the codes of the source/target group (a coordinated group
    has several: "Trump and Putin agreed" has two sources and no target). ``before`` and
    ``after`` are the codes of every actor group before/after the trigger in the sentence,
    nearest first: the fallback when only one side was found. ``own`` marks a noun
    trigger inside a prepositional phrase ("following the 2022 invasion of Ukraine"): it
    has only its own arguments and no fallback.
    """

    sources: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    own: bool = False


@dataclass(frozen=True, slots=True)
class _Group:
    codes: tuple[str, ...]
    start: int
    end: int


_FALLBACK = ("fallback", "fallback")  # sentinel: decide direction from the dyad's mentions
_GROUP_GAP = re.compile(r"^(?:'s)?\s*(?:,\s*)?(?:and|or|&|/|-|–)\s*(?:the\s+)?$", re.I)
_OWN_ARG = re.compile(
    r"^\s*(?:of|on|against|with|into|over|to|for|toward|towards)\s+(?:the\s+)?$", re.I
)
# Between an actor and the noun it modifies: "Russia's 2022 invasion", "U.S. sanctions".
_MODIFIER_GAP = re.compile(r"(?:'s|')?\s*(?:[\w-]+\s+){0,2}$")
_LOCATIVE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.I)
_BETWEEN = re.compile(r"^\s*between\s+(?:the\s+)?$", re.I)
_OWN_AGENT = re.compile(r"^\s*(?:by|from)\s+(?:the\s+)?$", re.I)
_FROM_AGENT = re.compile(r"^\s*from\s+(?:the\s+)?$", re.I)  # "warnings from Washington"
# A noun trigger after one of these (within PP_REACH tokens) is inside a prepositional phrase.
_PP_PREPS = frozenset(
    {"of", "after", "since", "following", "before", "during", "amid", "despite", "over",
     "about", "for", "in", "on", "with", "from", "by", "against", "into", "at"}
)  # fmt: skip
SAME_ACTOR_GAP = 30  # characters: "Russian President Vladimir Putin", "U.S. envoy Steve Witkoff"
PP_REACH = 4  # tokens between the preposition and the noun ("of the 2022 invasion")
# "his role in the release", "its part in freeing": the possessor is the actor, not a PP.
_CIRCUMSTANCE = frozenset({"during", "at", "after", "in", "following", "before"})
_ROLE_NOUNS = frozenset({"role", "part", "hand", "help", "contribution", "efforts", "effort"})


def _actor_groups(text: str, placed: Sequence[Mention], matches: Sequence[Match]) -> list[_Group]:
    """Consecutive mentions of one state merge ("Russian President Vladimir Putin"); states
    joined by and/or/&/hyphen form one coordinated group ("Trump and Putin", "U.S.-Russian")."""
    groups: list[_Group] = []
    for m in placed:
        if groups:
            g = groups[-1]
            gap = text[g.end : m.start]
            if (
                m.code in g.codes
                and "," not in gap
                and len(gap) <= SAME_ACTOR_GAP
                and not any(g.end < x.end and x.start < m.start for x in matches)
            ):
                groups[-1] = _Group(g.codes, g.start, m.end)
                continue
            if _GROUP_GAP.match(gap):
                groups[-1] = _Group((*g.codes, m.code), g.start, m.end)
                continue
        groups.append(_Group((m.code,), m.start, m.end))
    return groups


def _codes_of(groups: Sequence[_Group]) -> tuple[str, ...]:
    """Codes of ``groups`` in order, without repeats."""
    if len(groups) == 1:
        return groups[0].codes
    out: list[str] = []
    for g in groups:
        for c in g.codes:
            if c not in out:
                out.append(c)
    return tuple(out)


def _arguments(
    text: str,
    matches: Sequence[Match],
    placed: Sequence[Mention],
    tokens: tuple[str, list[str], list[str]],
) -> tuple[Args, ...]:
    groups = _actor_groups(text, placed, matches)
    if not groups:
        return tuple(Args() for _ in matches)
    words = tokens[2]
    first_group_end = groups[0].end
    search_break = _CLAUSE_BREAK_RE.search
    out: list[Args] = []
    previous: tuple[Match, Args] | None = None
    for m in matches:
        start, end = m.start, m.end
        before_all = [g for g in groups if g.end <= start]
        after_all = [g for g in groups if g.start >= end]
        before_all.reverse()  # nearest first
        near = Args((), (), _codes_of(before_all), _codes_of(after_all))
        # the groups in the trigger's clause: no clause break between them and the trigger
        before = []
        for g in before_all:
            if search_break(text, g.end, start):
                break
            before.append(g)
        after = []
        for g in after_all:
            pos, stop = end, False
            while (b := search_break(text, pos, g.start)) is not None:
                if b.group() == "," and first_group_end > b.start():
                    pos = b.end()  # a leading adverbial: "In a call on Tuesday, Trump and ..."
                    continue
                stop = True
                break
            if stop:
                break
            after.append(g)
        args = _own_arguments(text, words, m, before_all, after_all, near)
        if args is None:
            inside = [g for g in groups if g.start >= start and g.end <= end]
            args = _clause_arguments(text, words, m, before, after, after_all, inside, near)
            if (
                previous is not None
                and m.first > 0
                and words[m.first - 1] == "and"
                and previous[1].sources
                and previous[0].last < m.first
            ):  # "Trump praised Lukashenko and criticised Putin": the subject carries over
                src = previous[1].sources
                tgt = tuple(c for c in args.targets if c not in src)
                args = Args(src, tgt, near.before, near.after)
        out.append(args)
        previous = (m, args)
    return tuple(out)


def _own_arguments(
    text: str,
    words: Sequence[str],
    m: Match,
    before_all: Sequence[_Group],
    after_all: Sequence[_Group],
    near: Args,
) -> Args | None:
    """Arguments of a noun trigger inside a prepositional phrase, or None when it is not."""
    word = words[m.first]
    if m.first != m.last or word.endswith(("ed", "ing")) or word in _IRREGULAR_PARTICIPLES:
        return None  # verbs and gerunds ("against supplying missiles") take clause arguments
    prep = -1
    for k in range(m.first - 1, max(-1, m.first - 1 - PP_REACH), -1):
        w = words[k]
        if w in _CLAUSE_BREAK and w not in {"after", "before"}:
            break
        if w in _PP_PREPS:
            prep = k
            break
    if prep < 0 or (prep > 0 and words[prep - 1] in _ROLE_NOUNS):
        return None
    sources: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    if before_all and _MODIFIER_GAP.match(text, before_all[0].end, m.start):
        sources = before_all[0].codes  # "of Russia's invasion", "with new U.S. sanctions"
    pos = m.end
    for g in after_all[:2]:  # "a visit to Minsk by U.S. envoy John Coale"
        gap = text[pos : g.start]
        if _OWN_ARG.match(gap) and not targets:
            targets = g.codes
        elif _OWN_AGENT.match(gap) and not sources:
            sources = g.codes
        elif _BETWEEN.match(gap) and len(g.codes) > 1:  # "talks between Russia and Ukraine"
            sources, targets = g.codes, ()
        else:
            break
        pos = g.end
    if (
        not sources
        and not targets
        and words[prep] in _CIRCUMSTANCE
        and (m.category == "CONSULT" or words[prep] == "during")
    ):
        return None  # "during talks in the Kremlin": the clause's actors took part
    return Args(sources, targets, near.before, near.after, own=True)


def _clause_arguments(
    text: str,
    words: Sequence[str],
    m: Match,
    before: Sequence[_Group],
    after: Sequence[_Group],
    after_all: Sequence[_Group],
    inside: Sequence[_Group],
    near: Args,
) -> Args:
    """Source = nearest group before the trigger in its clause, target = nearest after it;
    a passive "by X" (or a noun's "from X") agent is the source."""
    if after_all and (not before or _BE_PARTICIPLE.search(text, max(0, m.start - 40), m.end)):
        for k, g in enumerate(after_all):
            if g.start - m.end > PASSIVE_REACH:
                break
            if _PASSIVE_BY.search(text, m.end, g.start):
                if before:
                    target = before[0].codes
                elif inside:
                    target = inside[0].codes
                else:
                    target = after_all[k - 1].codes if k else ()
                return Args(g.codes, target, near.before, near.after)
    noun = m.first == m.last and not words[m.first].endswith("ed")
    if noun and after and _FROM_AGENT.match(text[m.end : after[0].start]):
        target = before[0].codes if before else ()
        return Args(after[0].codes, target, near.before, near.after)
    if after and len(after[0].codes) > 1 and _BETWEEN.match(text[m.end : after[0].start]):
        return Args(after[0].codes, (), near.before, near.after)  # "talks between X and Y"
    src = before[0] if before else None
    if src is not None and len(before) > 1 and _LOCATIVE.search(text, 0, src.start):
        src = before[1]  # "The U.S. embassy in Minsk suspended ...": Minsk is the place
    sources = src.codes if src is not None else ()
    if inside:  # "lifted sanctions on Belarus": an actor inside a long trigger is the object
        targets = inside[0].codes
    elif after:
        targets = after[0].codes
    else:
        targets = ()
    return Args(sources, tuple(c for c in targets if c not in sources), near.before, near.after)


def _attach(
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
    if side:
        if a in side and b in side:
            return None, None
        if args.own and not (a in side or b in side):
            return None
        if a in side:
            found, other = a, b
        elif b in side:
            found, other = b, a
        else:
            return None
        if src:
            nearest = next((c for c in args.after if c != found), None)
            ok = (
                single
                or nearest == other
                or (nearest is None and any(m.code == other for m in inherited))
            )
            return (found, other) if ok else None
        nearest = next((c for c in args.before if c != found), None)
        if nearest is None and any(m.code == other for m in inherited):
            nearest = other
        return (other, found) if (single or nearest == other) else None
    if args.own:
        return None
    return _FALLBACK if single or inherited else None


def _token_starts(text: str, surface: Sequence[str], upto: int) -> list[int]:
    """Character offsets of tokens 0..upto (tokens come from _TOKEN over ``text``)."""
    starts = []
    pos = 0
    for w in surface[: upto + 1]:
        pos = text.index(w, pos)
        starts.append(pos)
        pos += len(w)
    return starts


def _name_tokens(surface: Sequence[str]) -> frozenset[int] | tuple[()]:
    """Indices of capitalised tokens inside multi-word names ("Amnesty International",
    "Security Council", "Economic Cooperation"): they are not triggers. Off for headlines."""
    caps = [k for k, w in enumerate(surface) if w[0].isupper()]
    if not caps or len(caps) > NAME_SHARE * len(surface):
        return ()
    capset = set(caps)
    return frozenset(
        k for k in caps if k > 0 and ((k - 1 in capset and k - 1 > 0) or k + 1 in capset)
    )


def _match_slots(slots: Sequence[frozenset[str] | int], words: Sequence[str], i: int) -> int:
    """Index of the last token matched by ``slots`` starting at ``i`` (slot 0 already matched)."""
    j = i + 1
    gap = 0
    n = len(words)
    for slot in slots[1:]:
        if isinstance(slot, int):
            gap = slot
            continue
        for k in range(j, min(n, j + gap + 1)):
            w = words[k]
            if w in slot:
                j = k + 1
                break
            if w in _SENTENCE_BREAK or w in {",", ":", "(", ")"}:
                return -1
        else:
            return -1
        gap = 0
    return j - 1


def resolve_direction(
    text: str, mentions: Sequence[Mention], dyad: Dyad, start: int, end: int
) -> tuple[str | None, str | None]:
    """Source/target of a trigger at ``text[start:end]`` from where the dyad's actors sit.

    Passive "by X" after the trigger makes X the source; otherwise the nearest actor before
    the trigger is the source ("X and Y agreed" is mutual: None, None); otherwise the first
    actor after it (or inside a long trigger) is the target; a pronoun-inherited actor
    counts as the subject; with no usable mention the dyad's own direction is kept.
    """
    placed, inherited = _dyad_mentions(mentions, dyad)
    return _direction(text, placed, inherited, dyad, start, end)


def _dyad_mentions(mentions: Sequence[Mention], dyad: Dyad) -> tuple[list[Mention], list[Mention]]:
    codes = dyad.pair
    placed = sorted((m for m in mentions if m.code in codes and m.start >= 0), key=_pos)
    inherited = [m for m in mentions if m.code in codes and m.start < 0]
    return placed, inherited


def _direction(
    text: str,
    placed: Sequence[Mention],
    inherited: Sequence[Mention],
    dyad: Dyad,
    start: int,
    end: int,
) -> tuple[str | None, str | None]:
    a, b = dyad.pair

    def other(code: str) -> str:
        return b if code == a else a

    after = [m for m in placed if m.start >= end]
    before = [m for m in placed if m.end <= start]
    if after and (not before or _BE_PARTICIPLE.search(text, max(0, start - 40), end)):
        for m in after:  # "was praised by Trump", "sanctions imposed on Belarus by the US"
            if m.start - end <= PASSIVE_REACH and _PASSIVE_BY.search(text, end, m.start):
                return m.code, other(m.code)
    if before:
        near = before[-1]
        for m in reversed(before[:-1]):
            if m.code != near.code:
                if _MUTUAL_JOIN.match(text[m.end : near.start]):
                    return None, None
                break
        return near.code, other(near.code)
    if inherited:
        return inherited[0].code, other(inherited[0].code)
    inside = [m for m in placed if m.start >= start and m.end <= end]
    if inside:  # "sanctions on Russia will not be lifted": the actor inside is the object
        return other(inside[0].code), inside[0].code
    if after:
        return other(after[0].code), after[0].code
    if dyad.source in dyad.pair or dyad.target in dyad.pair:
        return dyad.source, dyad.target
    return None, None


def _pos(m: Mention) -> tuple[int, int]:
    return (m.start, m.end)


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
    for m in sorted(mentions, key=_pos):
        if m.code not in order:
            order.append(m.code)
    events: list[Event] = []
    count = len(order) * (len(order) - 1) // 2
    for x, src in enumerate(order):
        for tgt in order[x + 1 :]:
            dyad = Dyad(make_pair(src, tgt), sentence_index, src, tgt)
            events.extend(coder.code(sentence_text, mentions, dyad, published_at, mentions, count))
    return events

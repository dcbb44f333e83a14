"""Rules over one sentence: which triggers a sentence holds and how each is framed.

The sentence is tokenised once; candidate rules come from a dict keyed by the surface form
of their first slot (one lookup per token, not one regex per rule); the longest
non-overlapping matches win; ``tracker.coding.modes`` reads each trigger's framing (mode,
year, topic of speech). A future cooperative act its source declares adds the declaration
itself (AGREE, or REJECT for a refusal). docs/tone_and_events.md, "Matching".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

from tracker.coding.event_rules import (
    SCARE_QUOTE,
    TOKEN,
    EventCategory,
    EventRule,
    lower_tokens,
    match_slots,
    name_tokens,
    nearest_objects,
    parse_pattern,
    slot_forms,
    token_starts,
)
from tracker.coding.mode_scopes import CLAUSE_BREAK, EMBED_REACH, is_participle, part_of
from tracker.coding.modes import ModeReader
from tracker.coding.trigger_objects import (
    CHECKED,
    conditions_between,
    no_act_here,
    noun_modifier,
    with_ruled_out,
    with_signed_objects,
)
from tracker.models import Mode


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
# "express intent to cooperate" (AGREE; for a meeting, "X will visit Y", 036 "express intent
# to meet or negotiate") or 12 "reject" (REJECT); the act stays hypothetical
# or negated beside it. A declared future act of force or punishment ("Palestinian leaders
# said they would boycott all contact with the US", "Minsk will arrest any diplomat who") is
# CAMEO 13 / PLOVER THREATEN: the announcement is the threat.
_STATED_FUTURE = frozenset({"will", "would", "'ll", "shall", "won't", "wouldn't"})
_COOPERATIVE_ACTS = frozenset({"CONCEDE", "COOPERATE", "AID", "RETREAT", "SUPPORT", "CONSULT"})
_CONFLICT_ACTS = frozenset({"COERCE", "ASSAULT", "PROTEST"})  # an announced sanction is a decision
# Verbs of intent before "to" declare the act as "will" does ("Obama wants to attack
# Switzerland": CAMEO 138, a threat; "wants to help Israel": 033, intent to aid).
_INTENT_VERBS = frozenset({"want", "wants", "intend", "intends", "plan", "plans"})
_DECLARING = _STATED_FUTURE | _INTENT_VERBS  # a sentence without any declares no intent
_INTENT_REACH = 4  # tokens between the modal and the act ("would soon be able to free")
_DECLARATION_BREAKS = frozenset({",", ";", ":", "if", "unless", "whether", "to", "urged"})


_NOUN_MARKERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "this", "new"})


def _a_noun(words: Sequence[str], k: int) -> bool:
    """Is the intent word at ``k`` a noun ("agreed on a plan to restore a ceasefire")?"""
    return k > 0 and words[k - 1] in _NOUN_MARKERS


def _stated_modal(words: Sequence[str], first: int, after: int = -1) -> str | None:
    """The future modal (with a negation, "not") a few tokens before ``first`` in its clause
    and after token ``after`` (the trigger before: "will boycott the summit" declares the
    boycott, not the summit)."""
    negated = False
    for k in range(first - 1, max(after, first - 1 - _INTENT_REACH), -1):
        w = words[k]
        if w == "to" and k > 0 and words[k - 1] in _INTENT_VERBS and not _a_noun(words, k - 1):
            before = words[max(0, k - 3) : k - 1]
            denied = negated or any(b in {"not", "never"} or b.endswith("n't") for b in before)
            return "not" if denied else "will"
        if w in _DECLARATION_BREAKS:
            return None
        if w in {"not", "never"} or w.endswith("n't"):
            negated = True
        if w in _STATED_FUTURE:
            if words[k + 1] == "have" or (words[k + 1] == "be" and words[k + 2] in _NOUN_MARKERS):
                return None  # "would have funded", "it will be the third meeting": no intent
            return "not" if negated or w.endswith("n't") else "will"
    return None


def _with_stated_intent(matches: tuple[Match, ...], words: Sequence[str]) -> tuple[Match, ...]:
    """``matches`` plus an AGREE (intent) or REJECT (refusal) for each cooperative act, and a
    THREATEN for each act of force or punishment, that its source declares for the future
    (see _STATED_FUTURE); the act of a threat or refusal is its content (``governor``)."""
    out: list[Match] = []
    after = -1  # the last token of the trigger before
    for m in matches:
        out.append(m)
        after, before = m.last, after
        if m.category in _CONFLICT_ACTS:
            if m.mode is not Mode.HYPOTHETICAL or _stated_modal(words, m.first, before) != "will":
                continue
            declared = m._replace(rule="threaten.intent", category="THREATEN", mode=Mode.ASSERTED)
        elif m.category == "AGREE" and m.mode is Mode.HYPOTHETICAL:
            if _stated_modal(words, m.first, before) == "will":  # "will deepen cooperation":
                out[-1] = m._replace(mode=Mode.ASSERTED)  # the declared intent is the act
            continue
        elif m.category not in _COOPERATIVE_ACTS or m.mode not in (
            Mode.HYPOTHETICAL,
            Mode.NEGATED,
        ):
            continue
        elif (modal := _stated_modal(words, m.first, before)) == "will" and (
            m.mode is Mode.HYPOTHETICAL
        ):
            if "unless" in words[m.last + 1 :]:  # "will withdraw its force unless ...": CAMEO
                declared = m._replace(  # 139, an ultimatum, not an intent to cooperate
                    rule="threaten.ultimatum_intent", category="THREATEN", mode=Mode.ASSERTED
                )
            else:
                declared = m._replace(rule="agree.intent", category="AGREE", mode=Mode.ASSERTED)
        elif modal == "not" and m.mode is Mode.NEGATED:
            declared = m._replace(rule="reject.refusal", category="REJECT", mode=Mode.ASSERTED)
        else:
            continue
        if governs(declared):  # a threat's, refusal's or intent's act is its content
            out[-1] = m._replace(governor=len(out))
        out.append(declared)
    return tuple(out)


# Acts whose object is another act: a demand, a threat or a refusal to do it ("demanded that
# Moscow admit", "threatened to cut gas", "refused to withdraw"). The act they govern is their
# content, coded with them, not a second event of the sentence (CAMEO and PLOVER code the
# governing verb). An agreement's content stays beside it, hypothetical ("agreed to lift the
# sanctions": PETRARCH-2's validation codes the lifting; docs/tone_and_events.md, "Content").
GOVERNING = frozenset({"REQUEST", "THREATEN", "REJECT"})
# A declared intent to cooperate is CAMEO 03, one event whatever the act it promises ("will
# visit" 036, "offered to negotiate" 036, "promised to continue military aid" 033); an
# agreement ("agreed to lift the sanctions") is coded by what was agreed and keeps it.
INTENT_RULES = frozenset({"agree.intent", "agree.offer", "agree.willing", "agree.promise"})
_PROMISES = frozenset({"agree.offer", "agree.promise"})  # "pledged to send troops to Ukraine":
# ... unless the act is hostile: an intent to sanction, mobilise or attack is a threat (CAMEO 13)
_HOSTILE_ACTS = _CONFLICT_ACTS | {"SANCTION", "MOBILIZE"}
_PROMISED_HOSTILE = _HOSTILE_ACTS - {"MOBILIZE"}  # a commitment to Ukraine, not a threat


def governs(m: Match) -> bool:
    """Is ``m`` a trigger whose act, following it, is its content?"""
    return m.governor < 0 and (m.category in GOVERNING or m.rule in INTENT_RULES)


# The object of a response to a proposal ("rejected a U.S. request", "accepted the offer")
# is the proposal itself: reported when it was made, not a second act of the sentence.
RESPONDING = frozenset({"REJECT", "AGREE"})


def _with_governors(matches: tuple[Match, ...], words: Sequence[str]) -> tuple[Match, ...]:
    """``matches`` with ``governor`` set on each act that is not asserted and follows, in
    the same clause and within EMBED_REACH tokens, a GOVERNING trigger (its content), and on
    each topic of a RESPONDING trigger (what it responds to)."""
    out = list(matches)
    for j, m in enumerate(matches):
        if m.governor >= 0:
            continue
        if m.topic:
            k = _topic_verb(matches, j)
            if k >= 0:
                out[j] = m._replace(governor=k)
            continue
        if m.mode not in (Mode.HYPOTHETICAL, Mode.NEGATED):
            continue
        if (k := _conditioning(out, words, j)) >= 0:
            out[j] = m._replace(governor=k)
            continue
        for k in range(j - 1, -1, -1):
            g = matches[k]
            if g.last >= m.first or m.first - g.last - 1 > EMBED_REACH:
                if g.last < m.first:
                    break  # too far: every earlier trigger is further still
                continue
            if not CLAUSE_BREAK.isdisjoint(words[g.last + 1 : m.first]):
                break
            if governs(g):
                out[j] = m._replace(governor=k)
                break
    first_content = {}  # each governor's first act, no noun's modifier: "offered to free
    for j, m in enumerate(out):  # a journalist jailed on charges" threatens no jailing
        if m.governor >= 0 and not noun_modifier(words, m.first):
            first_content.setdefault(m.governor, j)
    for j, m in enumerate(out):  # "is ready to impose sanctions", "willing to attack": a threat
        g = out[m.governor] if m.governor >= 0 and first_content.get(m.governor) == j else None
        hostile = _PROMISED_HOSTILE if g is not None and g.rule in _PROMISES else _HOSTILE_ACTS
        if g is None or g.rule not in INTENT_RULES or m.category not in hostile:
            continue
        if not conditions_between(words, g.last + 1, m.first):  # "if it is attacked": none
            out[m.governor] = g._replace(category="THREATEN", rule="threaten.intent")
    return tuple(out)


_CONDITIONS = frozenset({"if", "unless"})
_CONDITIONED = frozenset({"THREATEN", "REQUEST"})


def _conditioning(matches: Sequence[Match], words: Sequence[str], j: int) -> int:
    """The threat or demand whose condition the act ``matches[j]`` is in ("threatened an
    offensive unless Baghdad accepted its conditions": the acceptance is the threat's
    terms, not a second event), else -1: the nearest trigger before the condition's "if" or
    "unless", all three in one sentence part (``part_of``: split at ";" and ":")."""
    m = matches[j]
    u = next((k for k in range(m.first - 1, -1, -1) if words[k] in _CONDITIONS), -1)
    if u < 0 or part_of(words, u) != part_of(words, m.first):
        return -1
    k = next((k for k in range(j - 1, -1, -1) if matches[k].last < u), -1)
    if k < 0 or part_of(words, matches[k].last) != part_of(words, u):
        return -1
    if matches[k].governor >= 0:  # "threatened to launch an offensive unless": the threat's
        k = matches[k].governor
    g = matches[k]
    return k if g.category in _CONDITIONED and g.governor < 0 else -1


def _between_triggers(matches: tuple[Match, ...], words: list[str], norm: str) -> tuple[Match, ...]:
    """What one trigger does to another: a shared modal, a declared intent, a content."""
    if len(matches) > 1:
        matches = _with_coordinated_modes(matches, words)
    if " out" in norm or "table" in norm:  # "out of the question", "off the table"
        matches = with_ruled_out(matches, words)
    if not _DECLARING.isdisjoint(words):
        matches = _with_stated_intent(matches, words)
    if len(matches) > 1:
        matches = _with_governors(with_signed_objects(matches, words), words)
    return matches


def _with_coordinated_modes(matches: tuple[Match, ...], words: Sequence[str]) -> tuple[Match, ...]:
    """A bare verb or noun after "and"/"or" shares the hypothetical mode of the trigger it is
    coordinated with ("may impose tariffs and sanctions"), after "or" a negated one ("did not
    sign the deal or agree to talks"); a past form is its own act ("threatened sanctions and
    expelled diplomats"). An infinitive of purpose shares a hypothetical or negated mode too
    ("did not meet Biden to discuss"), and a deployment's purpose is its plan ("to attack")."""
    out = list(matches)
    for j in range(1, len(matches)):
        m, prev = matches[j], out[j - 1]
        word, joint = words[m.first], words[m.first - 1]
        if m.mode is not Mode.ASSERTED or (
            prev.mode not in _SHARED_MODES and (joint != "to" or prev.category != "MOBILIZE")
        ):
            continue
        if joint == "to":
            mode = prev.mode if prev.mode in _SHARED_MODES else Mode.HYPOTHETICAL
        elif joint in {"and", "or"} and prev.mode is Mode.HYPOTHETICAL:
            mode = Mode.HYPOTHETICAL
        elif joint == "or" and prev.mode is Mode.NEGATED:
            mode = Mode.NEGATED
        else:
            continue
        if is_participle(word) or word.endswith("ing"):
            continue
        between = words[prev.last + 1 : m.first - 1]
        reach = 2 * EMBED_REACH if joint == "to" else EMBED_REACH  # "will meet X on Tuesday to"
        if len(between) <= reach and CLAUSE_BREAK.isdisjoint(between):
            out[j] = m._replace(mode=mode)
    return tuple(out)


_SHARED_MODES = frozenset({Mode.HYPOTHETICAL, Mode.NEGATED})


def _topic_verb(matches: tuple[Match, ...], j: int) -> int:
    """The response to a proposal whose object the topic ``matches[j]`` is ("rejected a U.S.
    request"): the nearest trigger before it that is not a topic itself, if it is one of the
    RESPONDING kinds (else -1: "praised the U.S. offer" keeps the offer)."""
    for k in range(j - 1, -1, -1):
        g = matches[k]
        if not g.topic:
            return k if g.governor < 0 and g.category in RESPONDING else -1
    return -1


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
    governor: int = -1  # the match whose content this act is ("agreed to withdraw"), else -1


Matched = tuple[tuple["Match", ...], list[str], list[int]]  # matches, tokens, token starts


class RuleMatcher:
    """The rules indexed by the forms of their first slot, and the mode reader. Built once,
    only read after: safe to share between threads."""

    def __init__(
        self, rules: Sequence[EventRule], categories: Mapping[str, EventCategory], modes: ModeReader
    ) -> None:
        self.modes = modes
        self.index: dict[str, list[_Compiled]] = {}
        seen: set[str] = set()
        for order, rule in enumerate(rules):
            if rule.category not in categories:
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
                self.index.setdefault(form, []).append(comp)

    def match(self, sentence_text: str, published_year: int) -> Matched:
        """``match`` with the sentence's lower-cased tokens and their character starts (up
        to the last trigger)."""
        norm = sentence_text.replace("’", "'")
        surface = TOKEN.findall(norm)
        words = lower_tokens(norm, surface)
        index = self.index
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
            if (w.endswith("ed") or w in CHECKED) and no_act_here(words, surface, i):
                continue
            for comp in index[w]:
                last = i if comp.single else match_slots(comp.slots, words, i)
                if last < 0:
                    continue
                if comp.context:
                    win = comp.rule.window
                    lo = max(0, i - win)  # (a scare quote's marks take no room: 'held a
                    lo = max(0, lo - words[lo:i].count(SCARE_QUOTE))  # "constructive" call')
                    ctx = words[lo:i] + words[last + 1 : last + 1 + win]
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
            cands = nearest_objects(cands, words)
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
        framing = self.modes.frame(words, spans, published_year, norm)
        result = tuple([
            Match(comp.rule.id, comp.rule.category, i, last, starts[i],
                  starts[last] + len(surface[last]), mode, year, topic)
            for (i, last, comp), (mode, year, topic) in zip(taken, framing, strict=True)
        ])  # fmt: skip
        return _between_triggers(result, words, norm), words, starts

"""Actor groups around a trigger: consecutive mentions of one state merge, coordinated
states form one group, and each trigger sees the groups before and after it, those in its
clause and those inside it (docs/tone_and_events.md, "Arguments and direction")."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from tracker.coding.clauses import aside_spans, description_spans
from tracker.coding.matching import Match
from tracker.coding.venues import GERUND_NEXT, ROLE_IN, TRAVEL, VENUE_KEEP, VENUE_KEEP_REACH
from tracker.models import Mention

# The clause breaks of CLAUSE_BREAK in characters ("1,300" is a number, "U.S." breaks): "," or
# "." not between digits nor after a month ("Russia's Feb. 24 invasion"), ;:!?()" and the
# words but/while/whereas/(al)though/however/because/after/before/when (first letter either
# case), and "as" after come/comes/came. One leading character class lets a search skip to
# candidates; lookbehinds check that character ("(?<!\w.)" is the word boundary).
CLAUSE_BREAK_RE = re.compile(
    r"[,.;:!?()\"BbWwAaTtHh]"
    r"(?:(?<=[,.])(?<!\d.)(?!\d)(?<!Jan.)(?<!Feb.)(?<!Aug.)(?<!Sep.)(?<!Sept.)(?<!Oct.)"
    r"(?<!Nov.)(?<!Dec.)|(?<=[;:!?()\"])"
    r"|(?<!\w.)(?:(?<=[Bb])(?:ut|ecause|efore)|(?<=[Ww])(?:hile|hereas|hen)"
    r"|(?<=[Aa])(?:lthough|fter|nd(?=\s+(?:said|says|added|told|announced|stressed|noted)\b))"
    r"|(?<=[Tt])hough|(?<=[Hh])owever"
    r"|(?:(?<=comes a)|(?<=came a)|(?<=come a))s)\b)"  # "The meeting comes as Russia ...";
)  # "called the talks productive and said he would brief Zelensky": a new predicate


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
    unowned: bool = False  # its subject is a person named by a pronoun: no source is guessed


class Group(NamedTuple):  # a named tuple: cheaper to build than a frozen dataclass
    codes: tuple[str, ...]
    start: int
    end: int


Near = tuple[tuple[str, ...], tuple[str, ...]]  # Args.before and Args.after of a trigger

# (a title before the second name: "President Joe Biden and President Vladimir Putin")
_GROUP_GAP = re.compile(
    r"^(?:'s)?\s*(?:,\s*)?(?:and|or|&|/|-|–)\s*(?:(?:the|his|her)\s+)?(?:(?-i:[A-Z][a-z]+)\s+){0,2}$",
    re.I,
)  # ("Rubio and his Russian counterpart will meet": co-subjects)

SAME_ACTOR_GAP = 30  # characters: "Russian President Vladimir Putin", "U.S. envoy Steve Witkoff"
# ... but a linking word between two mentions of one state makes two actors: "a US and
# Russian president since Russia's invasion", "Russian envoy to Russia" (titles take "of",
# "for": "Minister for Foreign Affairs")
_NOT_ONE_ACTOR = re.compile(
    r"\b(?:since|to|with|against|from|than|toward|towards|into|by|amid|during|despite|after|before"
    r"|following|including|over|near|between|among|in|at|on)\b",
    re.I,
)  # ("close its border with Belarus amid Belarusian-Russian exercises": two actors)


def actor_groups(text: str, placed: Sequence[Mention], matches: Sequence[Match]) -> list[Group]:
    """Consecutive mentions of one state merge ("Russian President Vladimir Putin"); states
    joined by and/or/&/hyphen form one coordinated group ("Trump and Putin", "U.S.-Russian")."""
    groups: list[Group] = []
    codes: tuple[str, ...] = ()  # the open group: its codes and span
    g_start = g_end = 0
    for m in placed:
        if codes:
            gap = text[g_end : m.start]
            if (
                m.code in codes
                and "," not in gap
                and len(gap) <= SAME_ACTOR_GAP
                and not any(g_end < x.end and x.start < m.start for x in matches)
                and not CLAUSE_BREAK_RE.search(gap)  # "Moscow and Washington worsened after
                and not _NOT_ONE_ACTOR.search(gap)  # Russia expelled ...": Russia opens a
            ):  # clause of its own
                g_end = m.end
                continue
            if (  # ", and we call on ...": the speaker opens a clause of its own
                _GROUP_GAP.match(gap) and not (m.kind == "speaker" and "," in gap)
            ) or (_LIST_COMMA.match(gap) and _closed_list(text, placed, m)):
                codes, g_end = (*codes, m.code), m.end
                continue
            groups.append(Group(codes, g_start, g_end))
        codes, g_start, g_end = (m.code,), m.start, m.end
    if codes:
        groups.append(Group(codes, g_start, g_end))
    return groups


_AND_OR = re.compile(r"\b(?:and|or)\b", re.I)
_LIST_COMMA = re.compile(  # "Russia, the United States and"; a union of states may stand in
    r"^\s*,\s*(?:the\s+)?(?:(?:European\s+Union|EU|E\.U\.)\s*,\s*(?:the\s+)?)?$", re.I
)  # the list: "The United States, European Union, Britain and Canada have expanded sanctions"


def _closed_list(text: str, placed: Sequence[Mention], m: Mention) -> bool:
    """Is ``m`` (after a bare comma) in a list that "and"/"or" closes ("The US, Russia, and
    Switzerland met")?"""
    k = placed.index(m)
    for a, b in zip(placed[k:], placed[k + 1 :], strict=False):
        gap = text[a.end : b.start]
        if _LIST_COMMA.match(gap):
            continue
        return (
            bool(_GROUP_GAP.match(gap))
            and bool(_AND_OR.search(gap))
            and not (b.kind == "demonym" and "the" in text[max(0, m.start - 6) : m.start].lower())
        )  # (", the U.S. and Russian special envoys whose talks": a description)
    return False


def _codes_of(groups: Sequence[Group]) -> tuple[str, ...]:
    """Codes of ``groups`` in order, without repeats."""
    if len(groups) == 1:
        return groups[0].codes
    if not groups:
        return ()
    out: list[str] = []
    for g in groups:
        for c in g.codes:
            if c not in out:
                out.append(c)
    return tuple(out)


class Layout(NamedTuple):
    """A sentence's actor groups, read once: all of them, those that are no place ("in
    Turkey"), and its clause-break search (appositions passed over)."""

    groups: list[Group]
    parties: list[Group]
    search_break: Callable[[str, int, int], re.Match[str] | None]
    asides: list[tuple[int, int]]  # relative clauses between commas (clauses.aside_spans)

    @classmethod
    def of(cls, text: str, groups: list[Group]) -> Layout:
        parties = [g for g in groups if not _is_place(text, g)]
        asides = aside_spans(text, 0, len(text))
        return cls(groups, parties, _break_search(text, groups, asides), asides)

    def parties_for(self, start: int) -> list[Group]:
        """The parties a trigger at ``start`` may take: outside any aside, those outside
        them ("Lukashenko, who has ruled Belarus since 1994, met Trump's envoy": not
        Belarus); inside one, its own and the actor it describes, just before it."""
        if not self.asides:
            return self.parties
        aside = next(((a, b) for a, b in self.asides if a <= start < b), None)
        if aside is None:
            return [g for g in self.parties if not any(a <= g.start < b for a, b in self.asides)]
        a, b = aside
        head = [g for g in self.parties if g.end <= a][-1:]
        return head + [g for g in self.parties if a <= g.start < b]


class Scene(NamedTuple):
    """The actor groups around one trigger: all before/after it (nearest first), those in
    its clause, those inside a gapped trigger, and their codes (``Args.before/after``)."""

    before_all: list[Group]
    after_all: list[Group]
    before: list[Group]
    after: list[Group]
    inside: list[Group]
    near: Near

    @classmethod
    def of(cls, text: str, layout: Layout, m: Match, leading: bool) -> Scene:
        """``leading``: the sentence opens with a preposition ("In a call on Tuesday, ...")."""
        start, end = m.start, m.end
        groups = layout.groups
        before_all: list[Group] = []
        after_all: list[Group] = []
        for g in layout.parties_for(start):  # (one pass: a group ends before or after it)
            if g.end <= start:
                before_all.append(g)
            elif g.start >= end:
                after_all.append(g)
        before_all.reverse()  # nearest first
        inside = [
            g
            for g in groups
            if g.start >= start
            and g.end <= end
            and not _ORIGIN.search(text, g.start - 9, g.start)
            and not MADE_BY.match(text, g.end)
        ]  # (an origin is no object: "launched from Belarus 25 missiles at Ukraine"; nor a
        # maker: "in violation of a US-brokered truce")
        search_break = layout.search_break
        before = []  # the groups in the trigger's clause: no clause break in between
        for g in before_all:
            if search_break(text, g.end, start):
                break
            before.append(g)
        after = []
        first_group_end = groups[0].end
        for g in after_all:
            pos, stop = end, False
            while (b := search_break(text, pos, g.start)) is not None:
                if leading and b.group() == "," and first_group_end > b.start():
                    pos = b.end()  # a leading adverbial: "In a call on Tuesday, Trump and ..."
                    continue
                stop = True
                break
            if stop:
                break
            after.append(g)
        near = (
            before_all[0].codes if len(before_all) == 1 else _codes_of(before_all),
            after_all[0].codes if len(after_all) == 1 else _codes_of(after_all),
        )
        return cls(before_all, after_all, before, after, inside, near)


# a state that made, brokered or backs a thing ("the U.S.-brokered truce", "Iranian-made
# drones", "Iran-backed Houthis") is no object of an act on the thing, nor lent to one
MADE_BY = re.compile(
    r"-(?:brokered|mediated|made|built|designed|manufactured|supplied|produced|backed)\b", re.I
)
_ORIGIN = re.compile(r"\bfrom\s+(?:the\s+)?$")
_PLACE_WORDS = frozenset(
    {"in", "at", "within", "inside", "across", "throughout", "the", "both", "to"}
)
# ... or where one travels ("Orban travelled to Moscow to meet Putin": Orban meets)
_PLACE_BEFORE = re.compile(
    rf"\b(?:in|at|within|inside|across|throughout|(?:{'|'.join(TRAVEL)})[a-z]*\s+to)\s+"
    r"(?:the\s+|both\s+)?$",  # ("critics in both Washington and abroad")
    re.I,
)


def _is_place(text: str, g: Group) -> bool:
    """A state after "in/at" ("landscape in Belarus", "met in Turkey") is where the act
    happened, not its object; the seat of a mission or the target of force is kept ("the
    embassy in Minsk", "strikes in Ukraine")."""
    before = text[max(0, g.start - 16) : g.start].split()
    if before and before[-1].lower() in ("alongside", "despite"):
        return True  # a partner, never the object: "sent troops to fight alongside Russian forces";
        # nor a concession's ("agreed to expand trade despite US pressure")
    if not before or before[-1].lower() not in _PLACE_WORDS:
        return False  # (the cheap test: _PLACE_BEFORE ends with one of these words)
    if not _PLACE_BEFORE.search(text, max(0, g.start - 24), g.start):
        return False
    if GERUND_NEXT.match(text, g.end) and ROLE_IN.search(text, max(0, g.start - 16), g.start):
        return False  # "Washington's role in Kiev agreeing to ...": the gerund's subject
    return not VENUE_KEEP.search(text, max(0, g.start - VENUE_KEEP_REACH - 6), g.start)


# ", General David Petraeus," / ", Sergei Lavrov,": an apposition of names, no clause break
_APPOSITION = re.compile(  # (", US President Donald Trump's Special Envoy for Ukraine,")
    r",\s+(?:(?:[A-Z][\w.'’-]*|of|for|the)\s+){0,8}[A-Z][\w.'’-]*\s*(?=,)"
)
# an adverb set off by commas between a subject and its verb: "Lukashenko, in turn, thanked"
_ADVERB_ASIDE = re.compile(
    r",\s+(?:in\s+turn|for\s+(?:his|her|its|their)\s+part|in\s+response|in\s+return"
    r"|however|meanwhile|though|too|also|likewise|separately|instead)\s*,",
    re.I,
)


# A quoted phrase of at most four words with no punctuation, inside a clause (lower-case
# or a comma-free word after it): the quotation marks are not clause breaks.
_SCARE_QUOTE = re.compile(r'(?<=\s)"[\w\'’-]+(?: [\w\'’-]+){0,3}"(?= [a-z])')
# A quotation that opens after its subject, on its verb ('Rubio "welcomed agreements to ...'):
# the opening mark is no clause break
_PARTIAL_QUOTE = re.compile(r'(?<=[A-Za-z] )["“](?=[a-z])')


def _break_search(
    text: str, groups: Sequence[Group] = (), asides: Sequence[tuple[int, int]] = ()
) -> Callable[[str, int, int], re.Match[str] | None]:
    """``CLAUSE_BREAK_RE.search`` that passes over the commas around an apposition, a
    relative-clause aside, and a description that follows an actor group."""
    quoted = '"' in text
    if text.count(",") < 2 and not quoted:
        return CLAUSE_BREAK_RE.search
    skip = {at for a, b in asides for at in (a, b - 1)}
    for found in _APPOSITION.finditer(text):
        skip.update((found.start(), found.end()))
    for found in _ADVERB_ASIDE.finditer(text):  # (its own "however" too)
        skip.update(range(found.start(), found.end()))
    if quoted:  # a few words quoted inside a clause: no break ("was \"very disappointed\" with")
        for found in _SCARE_QUOTE.finditer(text):
            skip.update((found.start(), found.end() - 1))
        skip.update(found.start() for found in _PARTIAL_QUOTE.finditer(text))
    # a description after a group: every break from its comma to the closing one is passed
    described = description_spans(text, [(g.start, g.end) for g in groups])
    if not skip and not described:
        return CLAUSE_BREAK_RE.search

    def search(s: str, lo: int, hi: int) -> re.Match[str] | None:
        for found in CLAUSE_BREAK_RE.finditer(s, lo, hi):
            at = found.start()
            if at not in skip and not any(a <= at <= b for a, b in described):
                return found
        return None

    return search

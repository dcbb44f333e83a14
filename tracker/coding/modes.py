"""How a trigger is framed in its sentence: its mode (asserted, negated, hypothetical,
historical), the past year it refers to, and whether it is only a topic of speech.

Cues come from ``mode_cues.csv`` (docs/tone_and_events.md, "Modes"); the rules' ``content``
column marks triggers that govern what follows them in their clause: the object of an
``act`` trigger (threaten, urge, call for, offer) is an act that has not happened, the noun
object of a ``topic`` trigger (condemn, raise, discuss) is what is talked about.
"""

from __future__ import annotations

from collections.abc import Sequence

from tracker.coding.event_rules import ModeCue
from tracker.coding.mode_scopes import (
    ANY_YEAR,
    AUXILIARIES,
    BACKGROUND_REACH,
    BACKGROUND_STOPS,
    CLAUSE_BREAK,
    CONDITION_REACH,
    CONDITIONAL,
    HELD,
    INNER_CUES,
    IRREGULAR_PARTICIPLES,
    MODALS,
    MODE_PRECEDENCE,
    MODE_WINDOW,
    NOUN_MODAL_REACH,
    REPORTING,
    TRIGGER_WATCH,
    YEAR,
    SentenceCues,
    Span,
    cancelled_after,
    denies_the_noun,
    embedded,
    future_after,
    has_contraction,
    in_commentary,
    is_participle,
    list_head,
    listed_mode,
    own_verb_phrase,
    pluperfect,
    receives_response,
    year_of,
)
from tracker.coding.speech_topics import topic_framing
from tracker.models import Mode

# The framing of one trigger: (mode, past year it refers to, is it only a topic of speech).
Framing = tuple[Mode, int | None, bool]


# Past forms that are no nouns: "met" in "Trump met Putin and said he would ..." is not a
# noun whose clause's modal ("a meeting ... would take place") frames it.
_PAST_VERBS = IRREGULAR_PARTICIPLES - {"cut", "hit", "put", "left", "shot", "been"}
_RULE = (["rule"], ["ruled"], ["ruling"], ["rules"])  # "not ruled out": a possibility
_LISTED = (Mode.ASSERTED, Mode.HYPOTHETICAL)  # modes a list's head may change (``list_head``)
# words before a noun that make it a subject of talk, not an act a time could date
_SUBJECT_MATTER = frozenset(
    {"on", "about", "over", "with", "of", "discuss", "discussed", "discussing"}
)
_SET = frozenset({"set", "due", "expected", "scheduled", "slated", "poised"})  # after a noun
_MODAL_NEXT = [[w] for w in (*MODALS, *AUXILIARIES)]  # "a meeting that would take place"


class ModeReader:
    """Reads the framing of every trigger of a sentence from the cues around it."""

    def __init__(self, cues: Sequence[ModeCue]) -> None:
        self._cues: dict[str, list[ModeCue]] = {}  # mode and background cues, by first token
        self._conditions: dict[str, list[ModeCue]] = {}
        self._topics: dict[str, list[ModeCue]] = {}
        self._commentary: dict[str, list[ModeCue]] = {}
        self._background: dict[str, list[tuple[str, ...]]] = {}  # by last token: "prior to"
        self._cancel: dict[str, list[tuple[str, ...]]] = {}  # by last token: "called off"
        self._settled = frozenset(c.tokens for c in cues if c.kind == "settled")  # "since"
        self._future: dict[str, list[tuple[str, ...]]] = {}  # after a trigger: "next year"
        by_first = {CONDITIONAL: self._conditions, "topic": self._topics}
        by_first |= {"commentary": self._commentary}
        by_last = {"background": self._background, "settled": self._background}
        by_last |= {"cancel": self._cancel}
        for cue in cues:
            if cue.kind in by_first:
                by_first[cue.kind].setdefault(cue.tokens[0], []).append(cue)
            elif cue.kind in by_last:
                by_last[cue.kind].setdefault(cue.tokens[-1], []).append(cue.tokens)
            elif cue.kind == "future":
                self._future.setdefault(cue.tokens[0], []).append(cue.tokens)
            else:
                self._cues.setdefault(cue.tokens[0], []).append(cue)
        self._cue_first = frozenset(self._cues)
        self._condition_first = frozenset(self._conditions)
        self._topic_first = frozenset(self._topics)
        # The first word of every condition, topic and background cue: a sentence without
        # any has none of these cues ("prior", not the "to" of "prior to").
        background_first = frozenset(t[0] for ts in self._background.values() for t in ts)
        background_first |= frozenset(t[0] for ts in self._cancel.values() for t in ts)
        self._commentary_first = frozenset(self._commentary)
        self._special = (
            self._condition_first | self._topic_first | background_first | self._commentary_first
        )
        # A mode cue can be found in a trigger's clause only if all its words are in the
        # sentence (a cheap per-sentence guard): one-word cues, and the words of each longer
        # cue by its first word.
        mode_cues = [c for cues in self._cues.values() for c in cues]
        self._one_word_cues = frozenset(c.tokens[0] for c in mode_cues if len(c.tokens) == 1)
        self._longer_cues: dict[str, list[frozenset[str]]] = {}
        for c in mode_cues:
            if len(c.tokens) > 1:
                self._longer_cues.setdefault(c.tokens[0], []).append(frozenset(c.tokens))
        self._longer_first = frozenset(self._longer_cues)
        every_cue_word = frozenset(w for c in mode_cues for w in c.tokens)
        # a background cue needs all its words too ("prior to", not every "to")
        self._background_words = [
            frozenset(t)
            for index in (self._background, self._cancel)
            for ts in index.values()
            for t in ts
        ]
        # words whose presence in a sentence is read once per sentence
        self._trigger_watch = TRIGGER_WATCH | frozenset(self._future)  # read for every trigger
        self._watched = (
            self._special
            | every_cue_word
            | self._trigger_watch
            | frozenset().union(*self._background_words)
        )

    def frame(
        self, words: list[str], spans: Sequence[Span], year_now: int, text: str
    ) -> list[Framing]:
        """The framing of each span (token ranges in text order) of a sentence."""
        cues = self._sentence_cues(words, spans, text)
        if cues.plain and not (cues.conditional or cues.acts or cues.topic_ends or cues.commentary):
            return [(Mode.ASSERTED, None, False)] * len(spans)
        return [self._frame_one(words, span, year_now, cues) for span in spans]

    def _sentence_cues(self, words: list[str], spans: Sequence[Span], text: str) -> SentenceCues:
        """What the sentence holds that can frame its triggers (read once per sentence)."""
        years = (
            {k for k, w in enumerate(words) if 4 <= len(w) <= 10 and YEAR.fullmatch(w)}
            if ("19" in text or "20" in text) and ANY_YEAR.search(text)
            else set()
        )
        present = self._watched.intersection(words)
        contraction = has_contraction(words, text)
        cued = contraction or self._may_have_cue(present)
        commentary: set[int] = set()  # where analysis cues end (``in_commentary``)
        conditional = background = False
        topic_ends: set[int] = set()
        if not self._special.isdisjoint(present):  # most sentences: no condition, topic ...
            if not self._commentary_first.isdisjoint(present):
                commentary = self._cue_ends(words, self._commentary)
            conditional = not self._condition_first.isdisjoint(present)
            background = any(cue <= present for cue in self._background_words)
            if not self._topic_first.isdisjoint(present):
                topic_ends = self._cue_ends(words, self._topics)
        acts: list[Span] = []
        for s in spans[:-1]:  # the last trigger governs nothing after it
            if s[2] == "topic":
                topic_ends.add(s[1])
            elif s[2] == "act":
                acts.append(s)
        verbs: set[int] = set()  # tokens of verb triggers: they end a topic verb's object
        if topic_ends:
            for first, last, _ in spans:
                if last > first or is_participle(words[first]):
                    verbs.update(range(first, last + 1))
        # nothing in the sentence can make a trigger negated, hypothetical or historical by
        # itself (no cue, year, background, "ago", "had" or "last year")
        plain = not (cued or background or years) and self._trigger_watch.isdisjoint(present)
        return SentenceCues(years, present, contraction, cued, commentary, conditional, background,
                     topic_ends, acts, verbs, plain, [s[0] for s in spans])  # fmt: skip

    def _frame_one(
        self, words: list[str], span: Span, year_now: int, cues: SentenceCues
    ) -> Framing:
        first, last, _ = span
        if cues.plain:
            mode, year = Mode.ASSERTED, None
        else:
            mode, year = self._mode(
                words, cues.years, first, last, year_now, cues.background, cues.cued,
                cues.present, cues.contraction,
            )  # fmt: skip
        if (
            mode is Mode.ASSERTED
            and not cues.present.isdisjoint(self._future)
            and span[2] != "act"  # ("threatened to mass forces in the coming weeks": the act's)
            and _SUBJECT_MATTER.isdisjoint(words[max(0, first - 2) : first])
            and future_after(words, last, self._future, cues.starts)
        ):  # "Witkoff travels to Moscow next week" (not "talks on trade tariffs next month")
            mode = Mode.HYPOTHETICAL
        if mode is Mode.HISTORICAL and self._settled_at(words, first, cues.background):
            pass  # "the legitimacy he has sought since the invasion": the invasion happened
        elif cues.conditional and self._in_condition(words, first):
            mode = Mode.HYPOTHETICAL  # "if Russia did not agree": a condition, not a fact
        elif (
            cues.commentary
            and mode is not Mode.NEGATED
            and in_commentary(words, cues.commentary, first)
        ):
            mode = Mode.HYPOTHETICAL  # analysis ("may hinge on the talks") asserts nothing
        elif (
            cues.acts
            and mode in (Mode.ASSERTED, Mode.HISTORICAL)
            and embedded(words, cues.acts, first)
        ):
            mode = Mode.HYPOTHETICAL
        if mode in _LISTED and cues.cued and (head := list_head(words, first)) >= 0:
            mode = listed_mode(mode, self._frame_one(words, (head, head, ""), year_now, cues)[0])
        if cues.topic_ends:  # a reported fact is only the topic of its verb of speech
            mode, topic = topic_framing(words, cues.verbs, cues.topic_ends, span, mode)
            return mode, year, topic
        return mode, year, False

    # -- cues ---------------------------------------------------------------------------

    def _may_have_cue(self, present: set[str]) -> bool:
        """Does the sentence have all the words of some mode cue? Else (and without an "n't"
        word) no clause scan of its triggers can find a mode (``present``: its watched
        words)."""
        if not self._one_word_cues.isdisjoint(present):
            return True
        if not self._longer_first.isdisjoint(present):
            for first in self._longer_first.intersection(present):
                for cue in self._longer_cues[first]:
                    if cue <= present:
                        return True
        return False

    def _cue_ends(self, words: Sequence[str], index: dict[str, list[ModeCue]]) -> set[int]:
        ends = set()
        for k, w in enumerate(words):
            for cue in index.get(w, ()):
                n = len(cue.tokens)
                if tuple(words[k : k + n]) == cue.tokens:
                    ends.add(k + n - 1)
        return ends

    def _cue_modes(self, words: Sequence[str], contraction: bool = True) -> set[Mode]:
        """The modes of the cues in ``words``; ``contraction`` is False when the sentence has
        no "n't" word (a guard)."""
        found: set[Mode] = set()
        if self._cue_first.isdisjoint(words) and not (
            contraction and any(w.endswith("n't") for w in words)
        ):
            return found
        after_not = -1  # the last token of a "not ruled out"
        for k, w in enumerate(words):
            if k <= after_not:
                continue
            if (
                (w == "not" or w.endswith("n't"))
                and words[k + 1 : k + 2] in _RULE
                and (words[k + 2 : k + 3] == ["out"])
            ):
                found.add(Mode.HYPOTHETICAL)  # "have not ruled out new sanctions": possible
                after_not = k + 2
                continue
            if w.endswith("n't"):
                found.add(Mode.NEGATED)
                continue
            cues = self._cues.get(w, ())
            if cues and receives_response(words, k):  # (a function call for cue words only)
                continue
            for cue in cues:
                n = len(cue.tokens)  # a one-word cue is its index word
                if n == 1 or tuple(words[k : k + n]) == cue.tokens:
                    if cue.tokens == ("not",) and words[k + 1 : k + 2] == ["only"]:
                        continue  # "not only ... but also"
                    found.add(cue.mode)
        return found

    def _in_condition(self, words: Sequence[str], i: int) -> bool:
        """Is token ``i`` inside an "if"/"unless" clause (conditional: hypothetical)?"""
        for k in range(i - 1, max(-1, i - 1 - CONDITION_REACH), -1):
            w = words[k]
            if w in CLAUSE_BREAK:
                return False
            for cue in self._conditions.get(w, ()):
                if tuple(words[k : k + len(cue.tokens)]) == cue.tokens:
                    return True
        return False

    def _in_background(
        self, words: Sequence[str], i: int, index: dict[str, list[tuple[str, ...]]] | None = None
    ) -> tuple[str, ...] | None:
        """The cue ("since"/"before"/"prior to") whose object the noun trigger at ``i`` is
        ("since the invasion began", "before the 2022 talks"): then it is background to the
        news. With ``index`` the cancel cues: "cancelled"/"called off"."""
        cues = self._background if index is None else index
        for k in range(i - 1, max(-1, i - 1 - BACKGROUND_REACH), -1):
            for t in cues.get(words[k], ()):
                if tuple(words[k - len(t) + 1 : k + 1]) == t:  # not "before meeting Putin":
                    return None if k == i - 1 and words[i].endswith("ing") else t
            if (words[k] in CLAUSE_BREAK or words[k] in BACKGROUND_STOPS) and words[k] != '"':
                return None  # (a scare quote is none: 'accused Kyiv of "disrupting" talks')
        return None

    def _settled_at(self, words: Sequence[str], i: int, background: bool) -> bool:
        """Is the noun trigger at ``i`` the object of a settled cue ("since the invasion")?"""
        return background and self._in_background(words, i) in self._settled

    def _scope_modes(
        self, words: list[str], before: list[str], i: int, last: int, contraction: bool
    ) -> set[Mode]:
        """Negation and hypothetical cues in the trigger's scope: the clause before it
        (``before``), gaps inside it, an auxiliary right after a noun trigger ("sanctions
        will not be lifted") or its clause's modal ("a meeting ... might take place")."""
        scope = before[:]  # and the cue words inside a gapped trigger
        if last > i + 1:
            scope += [w for w in words[i + 1 : last] if w in INNER_CUES or w.endswith("n't")]
        if last + 1 < len(words) and (words[last + 1] in AUXILIARIES or words[last + 1] in _SET):
            after = words[last + 1 : last + 4]  # ("talks set to take place on Tuesday")
            if not denies_the_noun(words[last + 1 : last + 6]):  # ("the sanctions will not
                after = [w for w in after if w != "not" and not w.endswith("n't")]  # go ...")
            scope += after
        elif i == last and not words[i].endswith("ed") and words[i] not in _PAST_VERBS:
            for k in range(last + 1, min(len(words), last + 1 + NOUN_MODAL_REACH)):
                if (
                    words[k] in CLAUSE_BREAK
                    or words[k] == "as"  # "regard the sanctions as a step that will not"
                    or (
                        words[k] == "and"
                        and words[k + 1 : k + 2]
                        and words[k + 1] in MODALS
                        and not HELD.isdisjoint(words[max(0, i - 4) : i])
                    )
                    or (words[k] == "that" and words[k + 1 : k + 2] not in _MODAL_NEXT)
                ):  # "told Trump in a phone call that Russia would not": another clause; "had
                    # a good call with Putin and would meet him": the subject's next verb
                    break
                if words[k] in MODALS or words[k] in _SET:  # ("talks ... are scheduled to")
                    scope += words[k : k + 3]
                    break
        return self._cue_modes(scope, contraction)

    def _mode(
        self,
        words: list[str],
        years: set[int],
        i: int,
        last: int,
        year_now: int,
        background: bool = False,
        cued: bool = True,
        present: frozenset[str] | set[str] = TRIGGER_WATCH,
        contraction: bool = True,
    ) -> tuple[Mode, int | None]:
        """Mode and past year of the trigger ``words[i..last]``. ``cued`` is False when the
        sentence has no mode cue at all (nor an "n't" word), ``present`` the watched words the
        sentence has, ``contraction`` False when it has no "n't" word: guards that skip scans
        which cannot find anything."""
        before: list[str] = []
        if cued or "year" in present or "had" in present:
            clause_start, stop = i, max(0, i - MODE_WINDOW)
            while clause_start > stop and words[clause_start - 1] not in CLAUSE_BREAK:
                clause_start -= 1
            before = own_verb_phrase(words, clause_start, i)
        modes = self._scope_modes(words, before, i, last, contraction) if cued else set()
        if background and not is_participle(words[i]):  # (cancelled "talks with": two words)
            if i == last and (cue := self._in_background(words, i)) is not None:
                modes = {Mode.HISTORICAL} if cue in self._settled else modes | {Mode.HISTORICAL}
            if self._cancel and (
                self._in_background(words, i, self._cancel)
                or cancelled_after(words, i, self._cancel)
            ):
                modes.add(Mode.NEGATED)  # "cancelled a planned meeting", "was postponed"
        # Historical: a past year before the trigger in the sentence part, or "in 2020" after.
        year: int | None = None
        if years:
            year = year_of(words, years, i, last)
        if year is not None:
            if year < year_now:
                modes.add(Mode.HISTORICAL)
            elif year > year_now:
                modes.add(Mode.HYPOTHETICAL)
                year = None
            else:
                year = None
        if year is None and "year" in before and "last year" in " ".join(before):
            year = year_now - 1
        if "ago" in present and "ago" in words[last + 1 : last + 5]:
            modes.add(Mode.HISTORICAL)
        if "had" in before and REPORTING.isdisjoint(words[:i]) and pluperfect(words, i, before):
            modes.add(Mode.HISTORICAL)
        if modes:
            for mode in MODE_PRECEDENCE:
                if mode in modes:
                    return mode, year
        return Mode.ASSERTED, year

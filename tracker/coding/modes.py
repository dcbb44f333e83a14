"""How a trigger is framed in its sentence: its mode (asserted, negated, hypothetical,
historical), the past year it refers to, and whether it is only a topic of speech.

Cues come from ``mode_cues.csv`` (docs/tone_and_events.md, "Modes"); the rules' ``content``
column marks triggers that govern what follows them in their clause: the object of an
``act`` trigger (threaten, urge, call for, offer) is an act that has not happened, the noun
object of a ``topic`` trigger (condemn, raise, discuss) is what is talked about.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tracker.coding.event_rules import SENTENCE_BREAK, ModeCue
from tracker.models import Mode

MODE_WINDOW = 6  # tokens before a trigger searched for negation/hypothetical cues (same clause)
HISTORY_WINDOW = 12  # tokens before a trigger searched for a past year ("after the 2020 vote")
HISTORY_AFTER = 8  # tokens after a trigger searched for "in 2020" / "since 2014" / "ago"
NOUN_MODAL_REACH = 6  # tokens after a noun trigger searched for its clause's modal verb
CONDITION_REACH = 12  # tokens an "if"/"unless" reaches ("if Russia did not agree to a truce")
EMBED_REACH = 8  # tokens between an act trigger and the act it governs ("threatened new ...")
TOPIC_REACH = 25  # tokens a topic verb's object list may run ("raised A, B and C")
BACKGROUND_REACH = 4  # tokens between "since"/"before" and its noun ("since the 2022 invasion")
MODE_PRECEDENCE = (Mode.NEGATED, Mode.HYPOTHETICAL, Mode.HISTORICAL)  # first found wins
CONDITIONAL = "conditional"  # found-set marker: outranks negation

YEAR = re.compile(r"(?:19|20)\d\d")
ANY_YEAR = re.compile(r"(?:19|20)\d\d")  # a pre-check (after a cheaper substring test)
CLAUSE_BREAK = frozenset(
    {",", ";", ":", ".", "!", "?", "(", ")", '"', "but", "while", "whereas", "although",
     "though", "however", "because", "after", "before", "when"}
)  # fmt: skip
_PAST_PREPOSITIONS = frozenset({"in", "since", "during", "until", "from"})
# Linking words after which "the YEAR ..." dates the trigger's clause ("following the 2020 vote").
_TIME_LINKS = frozenset({"after", "following", "since", "before", "during", "in", "amid"})
_AUXILIARIES = frozenset(
    {"will", "would", "could", "may", "might", "shall", "should", "can", "must", "won't",
     "were", "was", "are", "is", "have", "has", "had", "did", "do", "does"}
)  # fmt: skip
IRREGULAR_PARTICIPLES = frozenset(
    {"met", "held", "sent", "struck", "shot", "fought", "spoke", "spoken", "taken", "hit",
     "sought", "made", "given", "withdrawn", "frozen", "begun", "beaten", "cut", "put", "left",
     "been"}
)  # fmt: skip
# Inside a gapped trigger only modals and negation count ("cancelled a planned visit").
_INNER_CUES = frozenset(
    {"will", "would", "could", "may", "might", "shall", "should", "must", "'ll", "not", "never",
     "no"}
)  # fmt: skip
_REPORTING = frozenset(
    {"said", "says", "told", "announced", "reported", "stated", "added", "claimed", "confirmed"}
)  # fmt: skip  # "said it had halted aid" is reported speech, not background
_MODALS = frozenset({"will", "would", "could", "may", "might", "shall", "should", "must", "'ll"})
# A topic verb's object ends at a preposition other than of/about ("praised X for his role in
# the release": the release is not what was praised) and at a comma opening a new clause.
_TOPIC_STOPS = frozenset(
    {"for", "in", "on", "at", "with", "to", "from", "by", "against", "into", "during", "amid",
     "despite", "over", "under", "than", "as", "since", "until", "that", "which", "who",
     "whom", "whose", "said", "says"}
)  # fmt: skip
_CLAUSE_OPENERS = frozenset(
    {"and", "but", "or", "which", "who", "whom", "whose", "while", "as", "saying", "adding",
     "when", "where", "after", "before", "said", "he", "she", "it", "they", "we"}
)  # fmt: skip


# Words a trigger's framing looks for besides the cues ("last year", "ago", "had jailed").
_TRIGGER_WATCH = frozenset({"year", "ago", "had"})
# Words that end the noun phrase after "since"/"before" (a new clause or conjunct).
_BACKGROUND_STOPS = frozenset({"and", "or", "that", "which", "who", "it", "he", "she", "they"})


def _has_contraction(words: Sequence[str], text: str) -> bool:
    """Does a word of the sentence end in "n't" (``words`` lower-cased tokens of ``text``)?"""
    if "n't" not in text and "N'T" not in text and "n'T" not in text and "N't" not in text:
        return False  # no word of the sentence can end in "n't"
    return any(w.endswith("n't") for w in words)


def is_participle(word: str) -> bool:
    """A past participle or past tense form (regular or listed irregular)."""
    return word.endswith(("ed", "en", "wn")) or word in IRREGULAR_PARTICIPLES


# The framing of one trigger: (mode, past year it refers to, is it only a topic of speech).
Framing = tuple[Mode, int | None, bool]
# A matched trigger as the framing needs it: (first token, last token, its rule's content).
Span = tuple[int, int, str]


class ModeReader:
    """Reads the framing of every trigger of a sentence from the cues around it."""

    def __init__(self, cues: Sequence[ModeCue]) -> None:
        self._cues: dict[str, list[ModeCue]] = {}  # mode and background cues, by first token
        self._conditions: dict[str, list[ModeCue]] = {}
        self._topics: dict[str, list[ModeCue]] = {}
        self._commentary: dict[str, list[ModeCue]] = {}
        self._background: dict[str, list[tuple[str, ...]]] = {}  # by last token: "prior to"
        self._cancel: dict[str, list[tuple[str, ...]]] = {}  # by last token: "called off"
        for cue in cues:
            if cue.kind == CONDITIONAL:
                self._conditions.setdefault(cue.tokens[0], []).append(cue)
            elif cue.kind == "topic":
                self._topics.setdefault(cue.tokens[0], []).append(cue)
            elif cue.kind == "commentary":
                self._commentary.setdefault(cue.tokens[0], []).append(cue)
            elif cue.kind == "background":
                self._background.setdefault(cue.tokens[-1], []).append(cue.tokens)
            elif cue.kind == "cancel":
                self._cancel.setdefault(cue.tokens[-1], []).append(cue.tokens)
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
        self._watched = (
            self._special
            | every_cue_word
            | _TRIGGER_WATCH
            | frozenset().union(*self._background_words)
        )

    def frame(
        self, words: list[str], spans: Sequence[Span], year_now: int, text: str
    ) -> list[Framing]:
        """The framing of each span (token ranges in text order) of a sentence."""
        years = (
            {k for k, w in enumerate(words) if len(w) == 4 and YEAR.fullmatch(w)}
            if ("19" in text or "20" in text) and ANY_YEAR.search(text)
            else set()
        )
        present = self._watched.intersection(words)
        contraction = _has_contraction(words, text)
        cued = contraction or self._may_have_cue(present)
        commentary: set[int] = set()  # the sentence parts (";" and ":" split) holding analysis
        if self._special.isdisjoint(present):  # most sentences: no condition, background, topic
            conditional = background = False
            topic_ends: set[int] = set()
        else:
            if not self._commentary_first.isdisjoint(present):
                commentary = {_part_of(words, k) for k in self._cue_ends(words, self._commentary)}
            conditional = not self._condition_first.isdisjoint(present)
            background = any(cue <= present for cue in self._background_words)
            topic_ends = (
                set()
                if self._topic_first.isdisjoint(present)
                else self._cue_ends(words, self._topics)
            )
        acts: list[Span] = []
        if len(spans) > 1:  # the last trigger governs nothing after it
            for s in spans[:-1]:
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
        plain = not (cued or background or years) and _TRIGGER_WATCH.isdisjoint(present)
        if plain and not (conditional or acts or topic_ends or commentary):
            return [(Mode.ASSERTED, None, False)] * len(spans)
        out = []
        for span in spans:
            first, last, _ = span
            if plain:
                mode, year = Mode.ASSERTED, None
            else:
                mode, year = self._mode(
                    words, years, first, last, year_now, background, cued, present, contraction
                )
            if conditional and self._in_condition(words, first):
                mode = Mode.HYPOTHETICAL  # "if Russia did not agree": a condition, not a fact
            elif commentary and mode is not Mode.NEGATED and _part_of(words, first) in commentary:
                mode = Mode.HYPOTHETICAL  # analysis ("may hinge on the talks") asserts nothing
            elif (
                acts and mode in (Mode.ASSERTED, Mode.HISTORICAL) and _embedded(words, acts, first)
            ):
                mode = Mode.HYPOTHETICAL
            # a proposal under discussion ("discussed the potential release") stays the
            # speaker's own hypothetical act; a reported fact is only the topic
            topic = (
                bool(topic_ends)
                and mode in (Mode.ASSERTED, Mode.HISTORICAL)
                and _is_topic(words, verbs, topic_ends, span)
            )
            out.append((mode, year, topic))
        return out

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
        for k, w in enumerate(words):
            if w.endswith("n't"):
                found.add(Mode.NEGATED)
                continue
            for cue in self._cues.get(w, ()):
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
    ) -> bool:
        """Is the noun trigger at ``i`` the object of "since"/"before"/"prior to" ("since the
        invasion began", "before the 2022 talks")? Then it is background to the news. With
        ``index`` the cancel cues: is it the object of "cancelled"/"called off"?"""
        cues = self._background if index is None else index
        for k in range(i - 1, max(-1, i - 1 - BACKGROUND_REACH), -1):
            if any(tuple(words[k - len(t) + 1 : k + 1]) == t for t in cues.get(words[k], ())):
                return not (k == i - 1 and words[i].endswith("ing"))  # "before meeting Putin"
            if words[k] in CLAUSE_BREAK or words[k] in _BACKGROUND_STOPS:
                return False
        return False

    def _mode(
        self,
        words: list[str],
        years: set[int],
        i: int,
        last: int,
        year_now: int,
        background: bool = False,
        cued: bool = True,
        present: frozenset[str] | set[str] = _TRIGGER_WATCH,
        contraction: bool = True,
    ) -> tuple[Mode, int | None]:
        """Mode and past year of the trigger ``words[i..last]``. ``cued`` is False when the
        sentence has no mode cue at all (nor an "n't" word), ``present`` the watched words the
        sentence has, ``contraction`` False when it has no "n't" word: guards that skip scans
        which cannot find anything."""
        # Negation and hypothetical: the clause before the trigger, gaps inside it, and an
        # auxiliary right after a noun trigger ("sanctions will not be lifted").
        before: list[str] = []
        if cued or "year" in present or "had" in present:
            clause_start, stop = i, max(0, i - MODE_WINDOW)
            while clause_start > stop and words[clause_start - 1] not in CLAUSE_BREAK:
                clause_start -= 1
            before = words[clause_start:i]
        modes: set[Mode] = set()
        if cued:
            scope = before[:]  # and the cue words inside a gapped trigger
            if last > i + 1:
                scope += [w for w in words[i + 1 : last] if w in _INNER_CUES or w.endswith("n't")]
            if last + 1 < len(words) and words[last + 1] in _AUXILIARIES:
                scope += words[last + 1 : last + 4]
            elif i == last and not words[i].endswith("ed"):
                # a noun trigger and its clause's modal: "a meeting between X and Y might ..."
                for k in range(last + 1, min(len(words), last + 1 + NOUN_MODAL_REACH)):
                    if words[k] in CLAUSE_BREAK:
                        break
                    if words[k] in _MODALS:
                        scope += words[k : k + 2]
                        break
            modes = self._cue_modes(scope, contraction)
        if background and i == last and not is_participle(words[i]):
            if self._in_background(words, i):
                modes.add(Mode.HISTORICAL)
            if self._cancel and self._in_background(words, i, self._cancel):
                modes.add(Mode.NEGATED)  # "cancelled a planned meeting"
        # Historical: a past year before the trigger in the sentence part, or "in 2020" after.
        year: int | None = None
        if years:
            year = _year_of(words, years, i, last)
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
        if "had" in before and _REPORTING.isdisjoint(words[:i]) and _pluperfect(words, i, before):
            modes.add(Mode.HISTORICAL)
        if modes:
            for mode in MODE_PRECEDENCE:
                if mode in modes:
                    return mode, year
        return Mode.ASSERTED, year


_PART_BREAKS = frozenset({";", ":"})


def _part_of(words: Sequence[str], k: int) -> int:
    """The sentence part (counted from 0, split at ";" and ":") that token ``k`` is in."""
    return sum(1 for w in words[:k] if w in _PART_BREAKS)


def _year_of(words: Sequence[str], years: set[int], i: int, last: int) -> int | None:
    """The year (as written) that dates the trigger ``words[i..last]``: a year before it in
    its sentence part, else "in 2020" / "since 2014" / "following the 2020 vote" after it."""
    for k in range(i - 1, max(-1, i - 1 - HISTORY_WINDOW), -1):
        w = words[k]
        if w in SENTENCE_BREAK:
            break
        if k in years:
            return int(w)
    for k in range(last + 1, min(len(words), last + 1 + HISTORY_AFTER)):
        w = words[k]
        if w in CLAUSE_BREAK and w not in _TIME_LINKS:
            break
        if k in years and (
            words[k - 1] in _PAST_PREPOSITIONS
            or (words[k - 1] == "the" and words[k - 2] in _TIME_LINKS)
        ):  # "in 2020", "since 2014", "following the 2020 elections"
            return int(w)
    return None


def _pluperfect(words: Sequence[str], i: int, before: Sequence[str]) -> bool:
    """ "had + participle" is the trigger ("had imposed") or opens its clause ("who had been
    jailed for donating"): background to the sentence's news."""
    if "had" in words[max(0, i - 2) : i] and is_participle(words[i]):
        return True
    n = len(before)
    return any(
        w == "had" and any(is_participle(x) for x in before[k + 1 : k + 3])
        for k, w in enumerate(before)
        if k < n - 1
    )


def _embedded(words: Sequence[str], acts: Sequence[Span], i: int) -> bool:
    """Is the trigger at ``i`` the content of an earlier ``act`` trigger in its clause
    ("threatened new sanctions", "urged Russia to lift", "called for talks")?"""
    for g in reversed(acts):
        g_last = g[1]
        if g_last >= i:
            continue
        if i - g_last - 1 > EMBED_REACH:
            return False
        between = words[g_last + 1 : i]
        if not CLAUSE_BREAK.isdisjoint(between):
            return False
        # "threatened sanctions and expelled diplomats": a new finite verb is its own act
        return not ("and" in between and words[i].endswith("ed"))
    return False


def _is_topic(words: Sequence[str], verbs: set[int], topic_ends: set[int], span: Span) -> bool:
    """Is a noun trigger the object of a verb of speech ("raised the poisoning and arrest of
    X", "condemned the invasion")? Then it is what was talked about, not the speaker's act."""
    i, last, _ = span
    word = words[i]
    if last != i or is_participle(word):
        return False
    for k in range(i - 1, max(-1, i - 1 - TOPIC_REACH), -1):
        if k in topic_ends:
            return True
        w = words[k]
        if w == ",":
            if k + 1 < len(words) and words[k + 1] in _CLAUSE_OPENERS:
                return False
            continue
        if w in CLAUSE_BREAK or w in _TOPIC_STOPS or k in verbs:
            return False  # a verb trigger between: "condemned X and imposed sanctions"
    return False

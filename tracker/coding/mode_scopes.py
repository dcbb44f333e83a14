"""The scopes a trigger's framing reads (``tracker/coding/modes.py``): clause breaks,
window sizes, the year that dates a trigger, pluperfect background and embedded acts
(topics of speech: ``speech_topics``). Pure functions over a sentence's lower-cased tokens."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from tracker.coding.event_rules import SENTENCE_BREAK
from tracker.models import Mode

Span = tuple[int, int, str]  # a matched trigger: (first token, last token, its rule's content)


class SentenceCues(NamedTuple):
    """What one sentence holds that frames its triggers (``ModeReader._sentence_cues``)."""

    years: set[int]  # token indices of four-digit years
    present: set[str]  # the watched words the sentence has
    contraction: bool  # an "n't" word
    cued: bool  # some mode cue may be found
    commentary: set[int]  # where commentary cues end
    conditional: bool
    background: bool
    topic_ends: set[int]  # last tokens of topic verbs and cues
    acts: list[Span]  # triggers whose object is an act
    verbs: set[int]  # tokens of verb triggers
    plain: bool  # nothing can make a trigger other than asserted by itself
    starts: list[int]  # first tokens of the sentence's triggers, in text order


MODE_WINDOW = 6  # tokens before a trigger searched for negation/hypothetical cues (same clause)
HISTORY_WINDOW = 12  # tokens before a trigger searched for a past year ("after the 2020 vote")
HISTORY_AFTER = 8  # tokens after a trigger searched for "in 2020" / "since 2014" / "ago"
# past verbs whose object noun happened: its look-ahead stops at "and will/would"
HELD = frozenset({"had", "held", "made", "paid", "conducted", "hosted", "concluded"})
NOUN_MODAL_REACH = 6  # tokens after a noun trigger searched for its clause's modal verb
CONDITION_REACH = 12  # tokens an "if"/"unless" reaches ("if Russia did not agree to a truce")
EMBED_REACH = 8  # tokens between an act trigger and the act it governs ("threatened new ...")
BACKGROUND_REACH = 4  # tokens between "since"/"before" and its noun ("since the 2022 invasion")
MODE_PRECEDENCE = (Mode.NEGATED, Mode.HYPOTHETICAL, Mode.HISTORICAL)  # first found wins
CONDITIONAL = "conditional"  # found-set marker: outranks negation

YEAR = re.compile(r"(?:19|20)\d\d|(?:mid|early|late)-(?:19|20)\d\d")  # "in mid-2022" (one token)
ANY_YEAR = re.compile(r"(?:19|20)\d\d")  # a pre-check (after a cheaper substring test)
CLAUSE_BREAK = frozenset(
    {",", ";", ":", ".", "!", "?", "(", ")", '"', "but", "while", "whereas", "although",
     "though", "however", "because", "after", "before", "when"}
)  # fmt: skip
_PAST_PREPOSITIONS = frozenset({"in", "since", "during", "until", "from"})
# Linking words after which "the YEAR ..." dates the trigger's clause ("following the 2020 vote").
_TIME_LINKS = frozenset({"after", "following", "since", "before", "during", "in", "amid"})
AUXILIARIES = frozenset(
    {"will", "would", "could", "may", "might", "shall", "should", "can", "must", "won't",
     "were", "was", "are", "is", "have", "has", "had", "did", "do", "does"}
)  # fmt: skip
IRREGULAR_PARTICIPLES = frozenset(
    {"met", "held", "sent", "struck", "shot", "fought", "spoke", "spoken", "taken", "hit",
     "sought", "made", "given", "withdrawn", "frozen", "begun", "beaten", "cut", "put", "left",
     "been"}
)  # fmt: skip
# A plan that draws a response is the clause's subject, no frame ("the plan drew criticism")
_PLAN_NOUNS = frozenset({"plan", "plans"})
_RECEPTION = frozenset(
    {"drew", "drawn", "sparked", "faced", "prompted", "provoked", "triggered", "received",
     "attracted", "met"}
)  # fmt: skip
_RECEPTION_REACH = 4  # tokens from "plan" to its verb ("plan revealed last month drew")
_PLAN_CONTENT = frozenset({"to", "for", "that", "calls", "includes", "envisages", "foresees"})


def receives_response(words: Sequence[str], k: int) -> bool:
    """Is ``words[k]`` "plan(s)" as the subject of a verb of reception ("drew", "has drawn",
    "revealed last month drew")? Its content ("to", "for", a modal) or a break comes first
    otherwise."""
    if words[k] not in _PLAN_NOUNS:
        return False
    for w in words[k + 1 : k + 1 + _RECEPTION_REACH]:
        if w in _RECEPTION:
            return True
        if w in _PLAN_CONTENT or w in CLAUSE_BREAK or w in MODALS:
            return False
    return False


# After a noun and its auxiliary, negation denies the act only with a verb of its taking place
# ("the meeting will not take place"); else the act is presupposed ("will not go unanswered")
_TAKING_PLACE = frozenset(
    {"take", "taken", "took", "happen", "happened", "occur", "occurred", "proceed", "held",
     "convene", "convened", "materialize", "materialise", "start", "started", "begin",
     "begun", "resume", "resumed", "exist", "existed", "come", "came"}
)  # fmt: skip
_NOUN_AUXILIARIES = frozenset({"not", "never", "be", "been", "being", "have", "has", "had"})


def denies_the_noun(after: Sequence[str]) -> bool:
    """Do the words ``after`` a noun trigger and its auxiliary deny the act itself: is their
    main verb (past auxiliaries, "not", "be") one of its taking place ("go ahead" too)?"""
    for k, w in enumerate(after):
        if w in AUXILIARIES or w in _NOUN_AUXILIARIES or w.endswith("n't"):
            continue
        return w in _TAKING_PLACE or (
            w in ("go", "went", "gone") and after[k + 1 : k + 2] in (["ahead"], ["forward"])
        )
    return True


# Inside a gapped trigger only modals and negation count ("cancelled a planned visit").
INNER_CUES = frozenset(
    {"will", "would", "could", "may", "might", "shall", "should", "must", "'ll", "not", "never",
     "no"}
)  # fmt: skip
REPORTING = frozenset(
    {"said", "says", "told", "announced", "reported", "stated", "added", "claimed", "confirmed",
     "saying", "announcing", "confirming", "claiming", "stating", "announces", "confirms"}
)  # fmt: skip  # "said it had halted aid", "a video of X announcing that Washington had
# lifted sanctions" are reported speech, not background
MODALS = (INNER_CUES - {"not", "never", "no"}) | {"can"}  # will, would, could, can, 'll ...


# Words a trigger's framing looks for besides the cues ("last year", "ago", "had jailed").
TRIGGER_WATCH = frozenset({"year", "ago", "had"})
# Words that end the noun phrase after "since"/"before" (a new clause or conjunct).
BACKGROUND_STOPS = frozenset({"and", "or", "that", "which", "who", "it", "he", "she", "they"})


def has_contraction(words: Sequence[str], text: str) -> bool:
    """Does a word of the sentence end in "n't" (``words`` lower-cased tokens of ``text``)?"""
    if "n't" not in text and "N'T" not in text and "n'T" not in text and "N't" not in text:
        return False  # no word of the sentence can end in "n't"
    return any(w.endswith("n't") for w in words)


def is_participle(word: str) -> bool:
    """A past participle or past tense form (regular or listed irregular)."""
    return word.endswith(("ed", "en", "wn")) or word in IRREGULAR_PARTICIPLES


_PART_BREAKS = frozenset({";", ":"})


def part_of(words: Sequence[str], k: int) -> int:
    """The sentence part (counted from 0, split at ";" and ":") that token ``k`` is in."""
    return sum(1 for w in words[:k] if w in _PART_BREAKS)


def in_commentary(words: Sequence[str], cue_ends: set[int], i: int) -> bool:
    """Is the trigger at ``i`` under an analysis cue ending at one of ``cue_ends``: in its part
    (";" and ":" split), after it or in its clause (not "Putin refused, raising questions")?"""
    ends = [k for k in cue_ends if part_of(words, k) == part_of(words, i)]
    return any(k < i or CLAUSE_BREAK.isdisjoint(words[i:k]) for k in ends)


_RELATIVE = frozenset({"who", "whom", "whose", "which"})


def _in_aside(words: Sequence[str], k: int) -> bool:
    """Is token ``k`` in a relative clause opened by a comma (", whose forces invaded
    Ukraine in 2022, met") or in a clause of "since" (", the largest since the war began in
    February 2022, officials confirmed following talks")?"""
    for j in range(k - 1, max(-1, k - 1 - HISTORY_WINDOW), -1):
        if words[j] == ",":
            return words[j + 1] in _RELATIVE
        if words[j] == "since":
            return True
    return False


MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"}
)  # fmt: skip


_MONTH_OR_PART = MONTHS | {"early", "late", "mid"}
_ONGOING = frozenset({"has", "have", "been"})  # a perfect before the trigger: "has been ..."


def year_of(words: Sequence[str], years: set[int], i: int, last: int) -> int | None:
    """The year (as written) that dates the trigger ``words[i..last]``: a year before it in
    its sentence part, else "in 2020" / "since 2014" / "following the 2020 vote" after it."""
    comma = False  # a comma between the year and the trigger
    for k in range(i - 1, max(-1, i - 1 - HISTORY_WINDOW), -1):
        w = words[k]
        if w in SENTENCE_BREAK:
            break
        comma = comma or w == ","
        if k in years and not (comma and _in_aside(words, k)):
            return int(w[-4:])  # (", who has ruled Belarus since 1994, met": an aside's year)
    for k in range(last + 1, min(len(words), last + 1 + HISTORY_AFTER)):
        w = words[k]
        if (w in CLAUSE_BREAK and w not in _TIME_LINKS) or (
            w.endswith("ing") and words[k - 1] in ("for", "of", "by", "after", "before")
        ):  # (the gerund's year: "would pay a price for interfering in the 2020 election")
            break
        if k in years and (
            words[k - 1] in _PAST_PREPOSITIONS
            or (words[k - 1] == "the" and words[k - 2] in _TIME_LINKS)
            or (words[k - 1] in _MONTH_OR_PART and words[k - 2] in _PAST_PREPOSITIONS)
            or (words[k - 1] in _MONTH_OR_PART and words[k - 3 : k - 1] == ["in", "the"])
        ):  # "in 2020", "since 2014", "following the 2020 elections", "in November / early
            # 2024", "in the early 1990s"
            since = words[k - 1] == "since" or (words[k - 1] in MONTHS and words[k - 2] == "since")
            if since and not _ONGOING.isdisjoint(words[max(0, i - 3) : i]):
                return None  # "has been bombing ... since (October) 2022": still going on
            return int(w[-4:])
    return None


def pluperfect(words: Sequence[str], i: int, before: Sequence[str]) -> bool:
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


def embedded(words: Sequence[str], acts: Sequence[Span], i: int) -> bool:
    """Is the trigger at ``i`` the content of an earlier ``act`` trigger in its clause
    ("threatened new sanctions", "urged Russia to lift", "called for talks")?"""
    for g in reversed(acts):
        g_last = g[1]
        if g_last >= i:
            continue
        between = _without_aside(words[g_last + 1 : i])
        if len(between) > EMBED_REACH:
            return False
        if not CLAUSE_BREAK.isdisjoint(between):
            return False
        # "threatened sanctions and expelled diplomats": a new finite verb is its own act
        return not ("and" in between and words[i].endswith("ed"))
    return False


_ASIDE_OPENERS = frozenset({"in", "on", "during", "at", "via", "by"})


def _without_aside(between: Sequence[str]) -> Sequence[str]:
    """``between`` without an aside set off by commas that opens with a preposition ("urged
    his Russian counterpart, in a rare phone call, to release": the release is urged)."""
    if "," not in between:
        return between
    start = between.index(",")
    if start + 1 >= len(between) or between[start + 1] not in _ASIDE_OPENERS:
        return between
    end = next((k for k in range(start + 1, len(between)) if between[k] == ","), -1)
    return [*between[:start], *between[end + 1 :]] if end > 0 else between


def own_verb_phrase(words: Sequence[str], clause_start: int, i: int) -> list[str]:
    """The clause before the trigger at ``i`` (``words[clause_start:i]``), from its own verb
    phrase on when it is a past verb after "and"/"but" that follows another past verb:
    "Belarus denied sending the balloons and accused Vilnius" (the denial frames its own
    object, not the accusation). The other verb may stand before the window, back to a clause
    break ("summoned X to demand measures and threatened": no demand frames the threat). A
    negation or modal before both frames both ("did not meet Putin and discuss", "has not
    imposed sanctions and frozen assets"), but "do/does/did not" only bare verbs ("does not
    give up and calls on": the call is not negated)."""
    before = list(words[clause_start:i])
    if len(before) < 3 or before[-1] not in ("and", "but"):
        return before
    if words[i].endswith(("ed", "s")) and not _DO_NOT.isdisjoint(before) and before[-2][-1] != "s":
        return before[len(before) - 1 :]  # (not "did not impose tariffs and sanctions": nouns)
    if not words[i].endswith("ed"):
        return before
    first = clause_start
    while first > max(0, clause_start - CLAUSE_REACH) and words[first - 1] not in CLAUSE_BREAK:
        first -= 1
    clause = words[first:i]
    for k in range(len(clause) - 2, -1, -1):
        w = clause[k]
        if w.endswith("ed") and (k == 0 or clause[k - 1] not in _AUXILIARY_BEFORE):
            return before[len(before) - 1 :]  # another finite past verb: its phrase ends
    return before


CLAUSE_REACH = 12  # tokens before the mode window searched for the clause's other past verb
_DO_NOT = frozenset({"do", "does", "did"})  # do-support: negates bare verbs only

_AUXILIARY_BEFORE = frozenset({"not", "never", "has", "have", "had", "was", "were", "be", "been"})


LIST_REACH = 12  # tokens from a list's head verb back from a later member ("did not X ..., Y")
_LIST_JOINTS = frozenset({",", "and", "or"})
_LIST_HEAD_CUES = MODALS | {"not", "never", "to", "cannot"}


def _bare_verb(word: str) -> bool:
    """Could ``word`` be a verb's bare form ("reach", "discuss"), not a past or -ing form, nor
    a finite "signs"?"""
    return (
        word.isalpha()
        and not is_participle(word)
        and not word.endswith("ing")
        and (not word.endswith("s") or word.endswith("ss"))
    )


def list_head(words: Sequence[str], i: int) -> int:
    """The head verb of a list of bare verbs that the trigger at ``i`` continues after a
    comma, "and" or "or", or -1: "did not delve into the details, reach any compromise or
    agree to a summit" (reach's head is "delve", after "not"), "aiming to freeze the front
    line and offer guarantees" (offer's head is "freeze", after "to"). The head follows a
    negation, a modal or "to" within ``LIST_REACH`` tokens, with no clause break but commas
    between (or is an earlier member's head); its framing is the member's."""
    if i < 3 or words[i - 1] not in _LIST_JOINTS or not _bare_verb(words[i]):
        return -1
    for k in range(i - 2, max(0, i - LIST_REACH), -1):
        w = words[k]
        if w in CLAUSE_BREAK and w != ",":
            return -1
        before = words[k - 1]
        if (before in _LIST_HEAD_CUES or before.endswith("n't")) and _bare_verb(w):
            return k
        if before in _LIST_JOINTS and _bare_verb(w):  # an earlier member: its head is ours
            return list_head(words, k)
    return -1


def listed_mode(own: Mode, head: Mode) -> Mode:
    """The mode of a list member (``list_head``) whose own is ``own``: a negated head negates
    it ("did not delve ..., reach ... or agree to a summit"), and a hypothetical head makes an
    asserted member hypothetical."""
    if head is Mode.NEGATED or (own is Mode.ASSERTED and head is Mode.HYPOTHETICAL):
        return head
    return own


# tokens after a noun trigger searched for "was postponed/called off" (long: "a meeting
CANCEL_REACH = 20  # between Russian Foreign Minister Sergey Lavrov and US Secretary ...")
_BE = frozenset({"was", "were", "is", "are", "has", "have", "had"})


def cancelled_after(words: Sequence[str], i: int, cancel: dict[str, list[tuple[str, ...]]]) -> bool:
    """Is the noun trigger at ``i`` the subject of a passive cancel cue (``cancel``, by last
    token) in its clause ("a meeting ... in Budapest was postponed indefinitely"), or
    "meeting cancellation"?"""
    for k in range(i + 1, min(len(words) - 1, i + 1 + CANCEL_REACH)):
        w = words[k]
        if w in CLAUSE_BREAK or w == "that":
            return False
        if k == i + 1 and w in ("cancellation", "postponement"):
            return True
        if w in _BE:
            at = k + 2 if words[k + 1] == "been" else k + 1
            return any(tuple(words[at : at + len(t)]) == t for ts in cancel.values() for t in ts)
    return False


FUTURE_REACH = 12  # tokens after a trigger searched for "next week" ("dispatched X and Y to ...")


def future_after(
    words: Sequence[str], last: int, future: dict[str, list[tuple[str, ...]]], starts: list[int]
) -> bool:
    """Does a time still to come ("next year", "later this month"; ``future``, by first
    token) follow the trigger ending at ``last`` in its clause, before the next trigger
    (``starts``) ("Witkoff travels to Moscow next week"; not "rejected an invitation to a
    meeting next week": the meeting's)?"""
    stop = min(len(words), last + 1 + FUTURE_REACH)
    stop = min([stop, *(k for k in starts if k > last)])
    for k in range(last + 1, stop):
        w = words[k]
        if w in CLAUSE_BREAK:
            return False
        if w in future and any(tuple(words[k : k + len(t)]) == t for t in future[w]):
            return True
    return False

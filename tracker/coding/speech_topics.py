"""The mode of what a verb of speech is about: a reported fact is only the topic ("raised the
arrest of X"), and a negated verb of speech does not negate its topic ("has not commented on
his U.S. visit": the visit took place). ``is_topic`` says which triggers are such topics:
the object of a verb of speech, or a judged gerund ("accused X of violating", "blamed X for
reneging")."""

from __future__ import annotations

from collections.abc import Sequence

from tracker.coding.mode_scopes import CLAUSE_BREAK, Span, is_participle
from tracker.models import Mode

_NEGATIONS = frozenset({"not", "no", "never", "without"})
_REPORTED = (Mode.ASSERTED, Mode.HISTORICAL)
# A topic verb's object ends at a preposition other than of/about ("praised X for his role in
# the release": the release is not what was praised) and at a comma opening a new clause.
_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_TOPIC_STOPS = frozenset(
    {"for", "in", "on", "at", "with", "to", "from", "by", "against", "into", "during", "amid",
     "despite", "over", "under", "than", "as", "since", "until", "that", "which", "who",
     "whom", "whose", "said", "says"}
)  # fmt: skip
_CLAUSE_OPENERS = frozenset(
    {"and", "but", "or", "which", "who", "whom", "whose", "while", "as", "saying", "adding",
     "when", "where", "after", "before", "said", "he", "she", "it", "they", "we"}
)  # fmt: skip
TOPIC_REACH = 25  # tokens a topic verb's object list may run ("raised A, B and C")
_JUDGED = frozenset({"of", "for"})  # before a judged gerund: "accused X of violating"
_GERUND_STOPS = frozenset({";", ":", ".", "but", "while", "which", "who", "said"})


def topic_framing(
    words: Sequence[str], verbs: set[int], topic_ends: set[int], span: Span, mode: Mode
) -> tuple[Mode, bool]:
    """(mode, is it only a topic of speech) of a trigger in a sentence with verbs of speech
    ending at ``topic_ends``; a proposal under discussion ("discussed the potential
    release") stays the speaker's own hypothetical act."""
    if mode is Mode.NEGATED and is_topic(words, verbs, topic_ends, span):
        end = max((k for k in topic_ends if k < span[0]), default=-1)
        if not any(w in _NEGATIONS or w.endswith("n't") for w in words[end + 1 : span[0]]):
            return Mode.ASSERTED, True  # the negation is the speech verb's
        return mode, False
    return mode, mode in _REPORTED and is_topic(words, verbs, topic_ends, span)


def is_topic(words: Sequence[str], verbs: set[int], topic_ends: set[int], span: Span) -> bool:
    """Is a noun trigger the object of a verb of speech ("raised the poisoning and arrest of
    X", "condemned the invasion")? Then it is what was talked about, not the speaker's act."""
    i, last, _ = span
    judged = _judged_gerund(words, i)
    if is_participle(words[i]) or (
        last != i  # a phrase: a judged gerund's ("accused X of violating its airspace"), or
        and judged < 0
        and (i - 1) not in topic_ends  # the object right after the verb ("protested the
    ):  # violation of its airspace")
        return False
    start = judged - 1 if judged >= 0 else i - 1  # (before "for": "blamed X for reneging")
    for k in range(start, max(-1, i - 1 - TOPIC_REACH), -1):
        if k in topic_ends:
            return True
        w = words[k]
        if w == ",":
            if k + 1 < len(words) and words[k + 1] in _CLAUSE_OPENERS:
                return False
            continue
        if w == "." and k > 0 and len(words[k - 1]) == 1:
            continue  # the stops of an abbreviation: "rejected a U.S. request"
        if w == "on" and k + 1 < len(words) and words[k + 1] in _DAYS:
            continue  # "accused Ukraine on Wednesday of launching attacks": a date, no place
        if w in CLAUSE_BREAK or w in _TOPIC_STOPS or k in verbs:
            return False  # a verb trigger between: "condemned X and imposed sanctions"
    return False


def _judged_gerund(words: Sequence[str], i: int) -> int:
    """The "of"/"for" before the gerund at ``i`` or before the one it is joined to by "and"
    ("condemned Belarus for forcing a jet to land in Minsk and arresting a journalist": what
    is judged), else -1."""
    if not words[i].endswith("ing") or i < 2:
        return -1
    if words[i - 1] in _JUDGED:
        return i - 1
    if words[i - 1] != "and":
        return -1
    for k in range(i - 2, max(0, i - 1 - TOPIC_REACH), -1):
        if words[k] in _GERUND_STOPS:
            return -1
        if words[k].endswith("ing") and words[k - 1] in _JUDGED:
            return k - 1
    return -1

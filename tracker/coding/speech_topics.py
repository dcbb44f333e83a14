"""The mode of what a verb of speech is about: a reported fact is only the topic ("raised the
arrest of X"), and a negated verb of speech does not negate its topic ("has not commented on
his U.S. visit": the visit took place)."""

from __future__ import annotations

from collections.abc import Sequence

from tracker.coding.mode_scopes import Span, is_topic
from tracker.models import Mode

_NEGATIONS = frozenset({"not", "no", "never", "without"})
_REPORTED = (Mode.ASSERTED, Mode.HISTORICAL)


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

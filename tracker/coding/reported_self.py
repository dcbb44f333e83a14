"""A leader's "he" or "she" coordinated with another actor in what the leader is reported to
say: "Trump said that he and Putin have agreed to begin negotiations" makes "he" Trump's (a
``speaker`` mention of his state), so "he and Putin" is a pair of co-subjects, not Putin alone
(docs/tone_and_events.md N297). A "he" alone ("Trump said he would meet Putin") is left to
the pronoun rules of the argument finder (``pronouns.py``), which read it already.

Only a leader named right before the verb of speech, with nothing but a time or an adverb
between (in "Trump, who met Putin, said he" or "Trump met Putin and said he", the nearest
name is not the speaker), and only "said", "says", "added", "stated", "announced", "noted"
(after "told X" the pronoun may be X).
"""

from __future__ import annotations

import re

from tracker.coding.speakers import SPEAKER
from tracker.models import Mention

_SAID_HE = re.compile(
    r"\b(?:said|says|added|stated|announced|noted)\s+(?:(?:on|last|this)\s+\w+\s+)?"
    r"(?:that\s+)?(?P<pronoun>he|she)\s+and\s"
)


# between the leader and the verb: nothing but a time or an adverb ("Trump on Wednesday said")
_SUBJECT_GAP = re.compile(
    r"\s+(?:(?:on\s+\w+|last\s+\w+|also|later|then|again|earlier|previously|publicly|has|had)\s+)*"
)


def with_reported_self(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` plus a ``speaker`` mention for each "he"/"she" (and ...) right after a
    verb of speech whose subject is a leader named right before it."""
    if " he and " not in text and " she and " not in text:
        return mentions
    added: list[Mention] = []
    for found in _SAID_HE.finditer(text):
        verb = found.start()
        before = [m for m in mentions if 0 <= m.end <= verb]
        if not before or before[-1].kind != "leader":
            continue
        if not _SUBJECT_GAP.fullmatch(text, before[-1].end, verb):
            continue  # ("Trump met Putin and said he": Putin is the object)
        start, end = found.span("pronoun")
        if not any(m.start < end and start < m.end for m in mentions):
            added.append(Mention(before[-1].code, start, end, found.group("pronoun"), SPEAKER))
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end))

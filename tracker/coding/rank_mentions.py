"""A leader named by rank alone as a speaker outside quotation marks: "Nevertheless, the
President noted, the Polish side has found a pretext to close the border" is Lukashenko's
(Belarus) when the nearest earlier sentence with a titled leader names him "Belarus'
President Alexander Lukashenko" (``readouts.rank_speaker``; several states' presidents
there: no one). The rank becomes a mention of the leader's state, so the sentence is his
state's with the state it names. Only the subject of a verb of speech is read this way ("the
President signed ..." after a meeting of two presidents is left alone)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from tracker.coding.readouts import rank_speaker, rank_titles
from tracker.models import Mention

RANK = "rank"  # Mention.kind of a rank that names a leader named before


@cache
def _rank_subject() -> re.Pattern[str]:
    ranks = "|".join(re.escape(r) for r in sorted(rank_titles(), key=len, reverse=True))
    return re.compile(
        rf"\b[Tt]he\s+(?P<rank>(?i:{ranks}))\s+(?:also\s+)?"
        r"(?:said|says|noted|notes|stressed|stresses|added|adds|told|emphasi[sz]ed|insisted|"
        r"explained|stated|underlined|pointed\s+out|remarked|recalled|warned)\b"
    )


def with_rank_speakers(texts: Sequence[str], mentions: list[list[Mention]]) -> list[list[Mention]]:
    """``mentions`` (by sentence) plus a mention for each rank that speaks and names one
    state's leader of the sentences before (``RANK``)."""
    pattern = _rank_subject()
    for i, text in enumerate(texts):
        if "he " not in text or (found := pattern.search(text)) is None:
            continue
        start, end = found.span("rank")
        if any(m.start < end and start < m.end for m in mentions[i]):
            continue
        code = rank_speaker(found.group("rank"), texts, mentions, i)
        if code is not None:
            added = Mention(code, start, end, text[start:end], RANK)
            mentions[i] = sorted([*mentions[i], added], key=lambda m: (m.start, m.end))
    return mentions

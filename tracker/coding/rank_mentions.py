"""A leader or a state body named by rank alone, after its state was named.

- **Ranks that speak** outside quotation marks: "Nevertheless, the President noted, the
  Polish side has found a pretext to close the border" is Lukashenko's (Belarus) when the
  nearest earlier sentence with a titled leader names him "Belarus' President Alexander
  Lukashenko" (``readouts.rank_speaker``; several states' presidents there: no one). Only
  the subject of a verb of speech is read this way ("the President signed ..." after a
  meeting of two presidents is left alone).
- **State bodies** (``data/en/state_bodies.txt``): "the Foreign Ministry warned Belarus"
  is the state whose foreign ministry the nearest earlier sentence naming one names
  ("Ukraine's Foreign Ministry", "the Foreign Ministry of Ukraine"; two states' there: none).

Each becomes a mention of its state, so the sentence is that state's with the state it
names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from tracker.coding.readouts import RANK_LOOKBACK, rank_speaker, rank_titles
from tracker.data import word_list
from tracker.models import Mention

RANK = "rank"  # Mention.kind of a rank or body that names a state named before


@cache
def _rank_subject() -> re.Pattern[str]:
    ranks = "|".join(re.escape(r) for r in sorted(rank_titles(), key=len, reverse=True))
    return re.compile(
        rf"\b[Tt]he\s+(?P<rank>(?i:{ranks}))\s+(?:also\s+)?"
        r"(?:said|says|noted|notes|stressed|stresses|added|adds|told|emphasi[sz]ed|insisted|"
        r"explained|stated|underlined|pointed\s+out|remarked|recalled|warned)\b"
    )


@cache
def _rank_heads() -> tuple[str, ...]:
    """Every rank and body name, lower-cased: a sentence without one names none."""
    names = [
        *rank_titles(),
        *(n for line in word_list("state_bodies.txt") for n in line.split("|")),
    ]
    return tuple(sorted({n.strip() for n in names}))


@cache
def _bodies() -> tuple[re.Pattern[str], dict[str, str]]:
    """The pattern of the bodies' names and each name's body."""
    names: dict[str, str] = {}
    for line in word_list("state_bodies.txt"):
        body, *others = (n.strip() for n in line.split("|"))
        names.update({n: body for n in (body, *others)})
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE), names


_THE = re.compile(r"\b[Tt]he\s+$")
_OF_STATE = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")  # "the Foreign Ministry of Ukraine"
_OWNER_BEFORE = re.compile(r"(?:['’]s?)?\s+")  # "Ukraine's Foreign Ministry"
_OWNER_AFTER = re.compile(r"\s+of\s+(?:the\s+)?")  # "the Foreign Ministry of Ukraine"


def with_rank_speakers(texts: Sequence[str], mentions: list[list[Mention]]) -> list[list[Mention]]:
    """``mentions`` (by sentence) plus a ``RANK`` mention for each rank that speaks and
    names one state's leader of the sentences before, and for each state body named alone."""
    speaking = _rank_subject()
    bodies, body_of = _bodies()
    heads = _rank_heads()
    for i, text in enumerate(texts):
        low = text.lower()
        if not any(h in low for h in heads):
            continue
        if (found := speaking.search(text)) is not None:
            code = rank_speaker(found.group("rank"), texts, mentions, i)
            _add(mentions, i, text, *found.span("rank"), code)
        if "inistr" not in low and "staff" not in low:
            continue
        for found in bodies.finditer(text):
            start, end = found.span()
            if _THE.search(text, 0, start) and not _OF_STATE.match(text, end):
                body = body_of[found.group().lower()]
                code = _body_owner(body, texts, mentions, i)
                _add(mentions, i, text, start, end, code)
    return mentions


def _add(
    mentions: list[list[Mention]], i: int, text: str, start: int, end: int, code: str | None
) -> None:
    """Add a ``RANK`` mention of ``code`` at text[start:end] of sentence ``i`` (no code, or
    a mention there already: nothing)."""
    if code is None or any(m.start < end and start < m.end for m in mentions[i]):
        return
    added = Mention(code, start, end, text[start:end], RANK)
    mentions[i] = sorted([*mentions[i], added], key=lambda m: (m.start, m.end))


def _body_owner(
    body: str, texts: Sequence[str], mentions: Sequence[Sequence[Mention]], i: int
) -> str | None:
    """The state whose ``body`` the nearest of the sentences up to ``i`` names with its
    owner ("Ukraine's Foreign Ministry"), or None (none, or two states' bodies)."""
    bodies, body_of = _bodies()
    for j in range(i, max(-1, i - 1 - RANK_LOOKBACK), -1):
        text, codes = texts[j], set()
        for found in bodies.finditer(text):
            if body_of[found.group().lower()] != body:
                continue
            lo, hi = found.span()
            codes.update(
                m.code
                for m in mentions[j]
                if (m.end <= lo and _OWNER_BEFORE.fullmatch(text, m.end, lo))
                or (m.start >= hi and _OWNER_AFTER.fullmatch(text, hi, m.start))
            )
        if codes:
            return codes.pop() if len(codes) == 1 else None
    return None

"""Readouts and transcripts: who "the head of state" is, and whom "your President" names.

A presidential readout (president.gov.by, kremlin.ru) or an interview quotes its speaker by
rank and addresses the visitor in the second person::

    Belarusian President Aleksandr Lukashenko met with U.S. President's representative John
    Coale. "... I want to thank your President for the efforts he is making towards peace,"
    the head of state said.

- **Rank speakers** (``rank_speaker``): an attribution whose "who" is a rank
  (``data/en/rank_titles.txt``: "the head of state", "the president", "the minister") is the
  leader that the nearest of the ``RANK_LOOKBACK`` sentences before names with one of the
  rank's titles ("President Aleksandr Lukashenko"; not "President's representative John
  Coale"), when those leaders are of one state. Several states' presidents: no one.
- **Addressees** (``with_second_person``): inside a quotation whose speaker is known, "your
  President / country / government ..." (``data/en/second_person.txt``) is the nearest other
  state named in that sentence before the phrase or in the ``ADDRESSEE_LOOKBACK`` sentences
  before it, as a mention of kind ``addressee``. Bare "you" stays no one (at a press
  conference it is the journalists).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache

from tracker.data import word_list
from tracker.models import Mention

ADDRESSEE = "addressee"  # Mention.kind of a second-person phrase that names a state
RANK_LOOKBACK = 8  # sentences before a rank's quotation searched for its titled leader
ADDRESSEE_LOOKBACK = 4  # sentences before a "your President" searched for the addressee
_NAME_WORDS = 2  # capitalised words a title may stand before the leader's alias ("Aleksandr")
_TITLE_REACH = 60  # characters before a leader's mention searched for the title


@cache
def rank_titles() -> dict[str, re.Pattern[str]]:
    """Each rank ("head of state") -> a pattern for its titles right before a name."""
    out: dict[str, re.Pattern[str]] = {}
    for line in word_list("rank_titles.txt"):
        rank, _, titles = (part.strip() for part in line.partition("="))
        alternatives = "|".join(re.escape(t.strip()) for t in titles.split("|") if t.strip())
        out[rank] = re.compile(
            rf"\b(?:{alternatives})\s+(?:of\s+)?(?:(?-i:[A-Z])[\w.'-]*,?\s+){{0,{_NAME_WORDS}}}$",
            re.IGNORECASE,
        )
    return out


@cache
def _second_person() -> re.Pattern[str]:
    phrases = sorted(word_list("second_person.txt"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)


def rank_speaker(
    who: str, texts: Sequence[str], mentions: Sequence[Sequence[Mention]], i: int
) -> str | None:
    """The state of the speaker a rank names in sentence ``i``'s attribution (``who``: "the
    head of state"), or None (not a rank, or no one leader of one state has its title)."""
    rank = who.strip().lower()
    rank = rank[4:] if rank.startswith("the ") else rank
    title = rank_titles().get(rank)
    if title is None:
        return None
    for j in range(i - 1, max(-1, i - 1 - RANK_LOOKBACK), -1):
        text = texts[j]
        codes = {
            m.code
            for m in mentions[j]
            if m.kind == "leader"
            and m.start > 0
            and title.search(text, max(0, m.start - _TITLE_REACH), m.start)
        }
        if codes:
            return next(iter(codes)) if len(codes) == 1 else None
    return None


def _addressee(
    speaker: str, mentions: Sequence[Sequence[Mention]], i: int, before: int
) -> str | None:
    """The nearest state other than ``speaker`` named in sentence ``i`` before offset
    ``before``, else in the sentences before it."""
    for j in range(i, max(-1, i - 1 - ADDRESSEE_LOOKBACK), -1):
        named = [
            m
            for m in mentions[j]
            if m.start >= 0 and m.code != speaker and (j < i or m.end <= before)
        ]
        if named:
            return named[-1].code
    return None


def with_second_person(
    texts: Sequence[str],
    mentions: list[list[Mention]],
    quotes: Mapping[int, tuple[str, int, int] | None],
) -> list[list[Mention]]:
    """``mentions`` plus an ``addressee`` mention for each second-person phrase inside a
    quotation whose speaker is known (``quotes``: sentence -> (code, start, end))."""
    pattern = _second_person()
    out = mentions
    for i, quote in quotes.items():
        if quote is None:
            continue
        speaker, lo, hi = quote
        added = []
        for found in pattern.finditer(texts[i], lo, hi):
            code = _addressee(speaker, mentions, i, found.start())
            if code is not None and not any(
                m.start < found.end() and found.start() < m.end for m in mentions[i]
            ):
                added.append(Mention(code, found.start(), found.end(), found.group(0), ADDRESSEE))
        if added:
            out = out if out is not mentions else list(mentions)
            out[i] = sorted([*mentions[i], *added], key=lambda m: (m.start, m.end))
    return out

"""Shared by the event-coding tests: mentions from (surface, code) pairs, one dyad's events,
the golden cases of ``data/event_cases.jsonl``, and the whole pipeline on one sentence
(``sentence_pairs``, ``sentence_events``, ``pairs_by_sentence``)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from tracker.coding.events import default_event_coder
from tracker.coding.score import score_article
from tracker.evaluate.pipeline import sentence_article
from tracker.models import Dyad, Mention, Mode, make_pair

PUBLISHED = date(2025, 9, 1)
A, N, H, P = Mode.ASSERTED, Mode.NEGATED, Mode.HYPOTHETICAL, Mode.HISTORICAL
PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip


def mentions(text: str, actors: list[tuple[str, str]]) -> list[Mention]:
    """Mentions from (surface, code) pairs, located with str.find, in text order."""
    out = []
    for surface, code_ in actors:
        i = text.find(surface)
        assert i >= 0, surface
        out.append(Mention(code_, i, i + len(surface), surface, "country"))
    return sorted(out, key=lambda m: m.start)


def code(text: str, actors: list[tuple[str, str]], published: date = PUBLISHED):
    ms = mentions(text, actors)
    codes = list(dict.fromkeys(code_ for _, code_ in actors))
    dyad = Dyad(make_pair(codes[0], codes[1]), 3, codes[0], codes[1])
    return default_event_coder().code(text, ms, dyad, published)


SENTENCE_DAY = date(2025, 10, 25)  # the day the accuracy passes' sentences are scored on


def sentence_pairs(text: str, on: date = SENTENCE_DAY) -> dict[tuple[str, str], object]:
    """Each pair the whole pipeline finds in ``text`` (one sentence article), by pair."""
    scored = score_article(sentence_article("t", text, on))
    return {p.pair: p for p in scored.pairs}


def sentence_events(
    text: str, on: date = SENTENCE_DAY
) -> set[tuple[str, str | None, str | None, str]]:
    """(category, source, target, mode) of every event the whole pipeline codes in ``text``."""
    scored = score_article(sentence_article("t", text, on))
    return {(e.category, e.source, e.target, e.mode.value) for e in scored.events}


def pairs_by_sentence(text: str, on: date = SENTENCE_DAY) -> dict[int, set[tuple[str, str]]]:
    """The pairs the whole pipeline finds in a several-sentence ``text``, by sentence index."""
    found: dict[int, set[tuple[str, str]]] = {}
    for p in score_article(sentence_article("t", text, on)).pairs:
        for s in p.sentences:
            found.setdefault(s.sentence_index, set()).add(p.pair)
    return found


USRU = [("Trump", "USA"), ("Putin", "RUS")]
# Golden cases: one JSON object per line (text, actors as [surface, code], category, mode,
# source, target), so they can be read, diffed and extended without touching code.
CASES = [
    (
        case["text"],
        [tuple(actor) for actor in case["actors"]],
        case["category"],
        Mode(case["mode"]),
        case["source"],
        case["target"],
    )
    for case in map(json.loads, (Path(__file__).parent / "data" / "event_cases.jsonl").open())
]

"""Reported speech: who speaks in a sentence, and the pairs the speaker's own words make.

Wire copy reports most statements through a wrapper: "Washington must stop arming Kyiv,
Lavrov said", "..., Lavrov told reporters on Tuesday", "According to Rubio, ...". The
wrapper's actors are *speakers*, not parties of the content (docs/tone_and_events.md,
"Reported speech"; ``speech_wrapper`` finds them, ``dyads`` reads the content without them).

What the speaker's state does by speaking (``speaker_dyads``, after the dyads and once the
sentence is read by the event model, before its dyads are coded):

- a trigger of the content whose source is the speaker's state (the argument reader makes
  the speaker the source of a bare "must"/"should" demand, or of a first-person "we" in the
  quote) is the speaker's act toward its targets: a speaker -> target dyad ("Washington must
  stop arming Kyiv, Lavrov said": RUS -> USA, the demand);
- content with no act of a state (no trigger, or triggers with no source) is the speaker's
  judgement of the states it describes: speaker -> each participant of the content's
  dyads, with the sentence's tone ("Kyiv is a puppet of Washington, Lavrov said": RUS ->
  UKR and RUS -> USA); a neutral sentence
  (|tone| < 0.05) judges nothing ("Russia and Ukraine are far apart, Rubio said");
- content with triggers of other sources is a report: the speaker adds nothing ("Russia
  launched drones at Kyiv, the Pentagon said" stays RUS -> UKR);
- a speaker whose state already has a pair in the sentence adds nothing ("According to
  Rubio, Moscow has not responded to the U.S. proposal" stays one RUS-USA pair).

The content's own dyads stay as the dyad rules read them. An event whose source state is
named only in the wrapper gets the source basis ``quote`` (``quoted``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any, NamedTuple

from tracker.coding.relation_words import RelationWords, relation_words
from tracker.models import Dyad, Event, Mention, make_pair

__all__ = ["QUOTE", "Wrapper", "quoted", "speaker_dyads", "speech_wrapper"]

NEUTRAL_BAND = 0.05  # |tone| below it judges nothing (VADER's own neutral threshold)
QUOTE = "quote"  # Event.source_basis of a source named only as the speaker of a wrapper

# a speech wrapper that ends with whom it was told: ", Lavrov told U.S. Secretary of State Rubio"
_ADDRESSEE_TAIL = re.compile(r"(?:told|tells)\s+(?:(?:[A-Z][\w.'’-]*|of|the)\s*){1,6}[.!?\"”]*\s*$")
_ACCORDING = re.compile(r"according\s+to\b", re.IGNORECASE)  # its speaker follows it
_SPEAKER_NEAR = 30  # "according to the US government" names it; "a report sent to Israel" not
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|inside|within|from|to|across)\s+(?:the\s+)?$", re.I)
_LEAD_GAP = re.compile(r"\s*(?:\S+\s+){0,6}\S*$")  # at most 6 words from speaker to verb


def _according(text: str, verb: re.Match[str], last: Mention) -> bool:
    """Is the tail "according to X" with X named right after it (its speaker)?"""
    return bool(_ACCORDING.match(text, verb.start())) and last.start - verb.end() <= _SPEAKER_NEAR


class Wrapper(NamedTuple):
    """The reported-speech wrapper of one sentence: its content is ``text[lo:hi]``."""

    lo: int
    hi: int
    speakers: tuple[str, ...]  # the speaker's state first, then an addressee's ("told Rubio")
    lead: bool = False  # "X said (that) ...": the speaker is the sentence's subject
    rest: int = 0  # where the speaker's words go on after the wrapper (", adding ..."); 0: none


def speech_wrapper(text: str, mentions: Sequence[Mention], words: RelationWords) -> Wrapper | None:
    """A trailing wrapper (", the Kremlin said") or a leading "According to X," whose actors
    are speakers; ``mentions`` are sorted by start. None when there is none.

    The tail wrapper holds no comma after its own: it can only start at the last one, holds
    a speech word, and counts only when a mention follows that comma."""
    comma = text.rfind(",")
    tail = None
    if 0 <= comma < mentions[-1].start and words.speech.may_occur(text[comma:]):
        tail = words.speech_tail.match(text, comma)
        verb = words.speech.pattern.search(text, comma) if tail else None
        if (
            verb is not None
            and mentions[-1].start >= verb.end()
            and not _ADDRESSEE_TAIL.match(text, verb.start())  # ", Lavrov told Rubio."
            and not _according(text, verb, mentions[-1])  # ", according to Lavrov."
        ):
            tail = None  # "..., came as Israel announced it would free Palestinians"
    if tail and mentions[-1].start >= tail.start("wrap"):  # (mentions are by start)
        speakers = [m.code for m in mentions if m.start >= tail.start("wrap")]
        return Wrapper(0, tail.start(), tuple(speakers))
    head = words.speech_head.search(text)
    if head and any(m.end <= head.end("wrap") for m in mentions):
        speakers = [m.code for m in mentions if m.end <= head.end("wrap")]
        return Wrapper(head.end(), len(text), tuple(speakers))
    return _after_quote(text, mentions, words) or _lead(text, mentions, words)


_QUOTE_CLOSE = re.compile(r"[,!?]\s*[\"”]")


def _after_quote(text: str, mentions: Sequence[Mention], words: RelationWords) -> Wrapper | None:
    """'"...," Bessent said, adding that ...': a sentence that opens with a quotation whose
    speaker and verb of speech follow its close, with more of the sentence after them (the
    tail wrapper holds only a sentence that ends with its verb's clause). The content is the
    quotation; what follows the wrapper is the speaker's again, no party of the content."""
    if text[:1] not in ('"', "“"):
        return None
    close = _QUOTE_CLOSE.search(text, 1)
    wrap = words.speech_after_quote.match(text, close.start()) if close else None
    if wrap is None:
        return None
    lo, hi = wrap.span("wrap")
    speakers = [m.code for m in mentions if lo <= m.start and m.end <= hi]
    return Wrapper(0, wrap.start(), tuple(speakers), rest=hi) if speakers else None


def _lead(text: str, mentions: Sequence[Mention], words: RelationWords) -> Wrapper | None:
    """ "Lavrov said (on Tuesday) (that) ...": a sentence that opens with its one speaking
    state and a verb of speech whose complement is the rest (``[speech_lead]``)."""
    if mentions[0].start > 80:
        return None
    lead = words.speech_lead.match(text)
    if lead is None:
        return None
    wrap_end = lead.end("wrap")
    named = [m for m in mentions if m.end <= wrap_end]
    content = {m.code for m in mentions if m.start >= lead.end()}
    if len({m.code for m in named}) != 1 or not content or named[0].code in content:
        return None  # no speaker, two ("Obama and Putin said they will attack Iraq"), or
        # one that is a party of its content too ("Biden said Putin would pay a price for
        # interfering in the U.S. election": the subject's threat, read as a clause)
    if not _LEAD_GAP.match(text, named[-1].end, wrap_end):
        return None  # a clause, not a speaker: "Serbian police launched a probe into alleged"
    if _PLACE_BEFORE.search(text, 0, named[0].start):
        return None  # a place, not the speaker: "The Red Cross operating in Iraq said"
    speakers = {named[0].code}
    return Wrapper(lead.end(), len(text), tuple(speakers), lead=True)


def _in_order(mentions: Sequence[Mention]) -> list[Mention]:
    return sorted((m for m in mentions if m.start >= 0), key=lambda m: m.start)


def _wrapper_of(text: str, mentions: Sequence[Mention]) -> Wrapper | None:
    placed = _in_order(mentions)
    if len({m.code for m in placed}) < 2:
        return None
    return speech_wrapper(text, placed, relation_words())


def _addressed(wrapper: Wrapper, dyads: Sequence[Dyad], sentence: Any, tone: float) -> list[str]:
    """The states the speaker's words address, in order (see the module docstring)."""
    speaker = wrapper.speakers[0]
    inside = [
        args
        for m, args in zip(sentence.matches, sentence.arguments, strict=True)
        if wrapper.lo <= m.start < wrapper.hi
    ]
    if any(a.sources for a in inside):  # the speaker's own acts, else others' acts reported
        found = [t for a in inside if speaker in a.sources for t in a.targets]
    elif abs(tone) >= NEUTRAL_BAND:  # a judgement: the participants of the content's dyads
        found = [c for d in dyads for c in d.pair]
    else:  # a neutral description ("Russia and Ukraine are far apart, Rubio said")
        return []
    return [c for c in dict.fromkeys(found) if c != speaker]


def speaker_dyads(
    sentences: Sequence[Any],
    mentions: Sequence[Sequence[Mention]],
    dyads: list[tuple[Dyad, tuple[Mention, ...]]],
    analysed: Callable[[int], tuple[Any, float]],
    found: Mapping[int, Wrapper | None] | None = None,
) -> tuple[list[tuple[Dyad, tuple[Mention, ...]]], dict[int, Wrapper]]:
    """``dyads`` with the speaker -> addressed-state dyads of reported speech added after
    each sentence's own, and the wrapper of every sentence that has one. ``analysed(i)``
    is the event model's reading of sentence ``i`` and its tone (read once, where needed);
    ``found``: the wrappers the dyads already found (``attribute_dyads(..., wrappers)``)."""
    per_sentence: dict[int, list[Dyad]] = {}
    for dyad, _ in dyads:
        per_sentence.setdefault(dyad.sentence_index, []).append(dyad)
    wrappers: dict[int, Wrapper] = {}
    added: dict[int, list[tuple[Dyad, tuple[Mention, ...]]]] = {}
    for i, own in per_sentence.items():
        wrapper = (
            found[i]
            if found is not None and i in found
            else _wrapper_of(sentences[i].text, mentions[i])
        )
        if wrapper is None:
            continue
        wrappers[i] = wrapper
        speaker = wrapper.speakers[0]
        if any(speaker in d.pair for d in own):
            continue  # the speaker's state has its pair already: nothing doubles
        for target in _addressed(wrapper, own, *analysed(i)):
            pair = make_pair(speaker, target)
            support = tuple(m for m in mentions[i] if m.code in pair)
            added.setdefault(i, []).append((Dyad(pair, i, speaker, target), support))
    if not added:
        return dyads, wrappers
    out: list[tuple[Dyad, tuple[Mention, ...]]] = []
    for k, item in enumerate(dyads):
        out.append(item)
        i = item[0].sentence_index
        if i in added and (k + 1 == len(dyads) or dyads[k + 1][0].sentence_index != i):
            out.extend(added.pop(i))
    return out, wrappers


def _lent_in_rest(e: Event, rest: int, mentions: Sequence[Mention]) -> bool:
    """Is ``e`` an act of the speaker's words after the wrapper whose source is named nowhere
    in them? The rest is the speaker's; a state of the quotation is not its actor ('"...,"
    Bessent said, adding that the department "is prepared to support President Trump's
    effort"' is no Russian support)."""
    return (
        e.source is not None
        and e.span_start >= rest
        and not any(m.code == e.source and m.start >= rest for m in mentions)
    )


def quoted(events: list[Event], wrapper: Wrapper, mentions: Sequence[Mention]) -> list[Event]:
    """Events whose source state is named only in the wrapper take the source basis
    ``quote`` (the speaker of reported speech), as a first-person source takes ``speaker``;
    an act after the wrapper whose source is not named there is dropped (``_lent_in_rest``)."""
    if wrapper.rest:
        events = [e for e in events if not _lent_in_rest(e, wrapper.rest, mentions)]
    out = events
    for k, e in enumerate(events):
        if e.source is None or e.source_basis != "text":
            continue
        named = [m for m in mentions if m.code == e.source and m.start >= 0]
        if named and all(not (wrapper.lo <= m.start < wrapper.hi) for m in named):
            out = out if out is not events else list(events)
            out[k] = replace(e, source_basis=QUOTE)
    return out


def running_quote_dyads(
    dyads: list[tuple[Dyad, tuple[Mention, ...]]],
    running: Mapping[int, tuple[str, int, int]],
    mentions: Sequence[Sequence[Mention]],
) -> list[tuple[Dyad, tuple[Mention, ...]]]:
    """``dyads`` plus, for a sentence of a quotation that runs over several sentences and
    pairs no one itself, its speaker toward the one other state it names ('"The Americans
    are taking a very constructive stance on the so-called political prisoners. We do not
    need political prisoners," Lukashenko told state media': BLR -> USA in the first)."""
    have = {d.sentence_index for d, _ in dyads}
    added: list[tuple[Dyad, tuple[Mention, ...]]] = []
    for i, (speaker, lo, hi) in running.items():
        if i in have:
            continue
        named = [m for m in mentions[i] if lo <= m.start < hi and m.code != speaker]
        others = {m.code for m in named}
        if len(others) == 1:
            other = others.pop()
            added.append((Dyad(make_pair(speaker, other), i, speaker, other), tuple(named)))
    if not added:
        return dyads
    return sorted([*dyads, *added], key=lambda item: item[0].sentence_index)

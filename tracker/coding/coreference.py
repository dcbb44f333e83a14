"""Coreference: a sentence that names at most one state inheriting a dyad from an earlier one.

Rule 8 of dyad attribution (``tracker/dyads.py`` has rules 1-7 and 9). A sentence with no
dyad and at most one state may inherit from the antecedent sentence: the nearest earlier
sentence with a dyad, looking back at most two sentences inside the same paragraph (a
paragraph's first sentence looks only at the sentence just before it).

- "the two leaders/countries/sides...", "both sides...", "each other", "bilateral", or a
  leading "They": inherit the antecedent's pair (mutual) if it has exactly one pair and this
  sentence names at most one state (a state outside the pair is not paired with it).
- A leading "He/She/His/Her" with exactly one state named: the pronoun is the antecedent's
  subject (the source of its directed dyad, or its subject actor), so "He also praised
  Lukashenko" after a Trump sentence is USA -> BLR (reversed in a passive with "by"). The
  antecedent is the nearest sentence that names a person (``names_a_person``): a sentence
  whose only actors are states ("... if the United States acts in a similar manner.") is
  passed over.
- A leading "He/She" in a sentence that has dyads of its own and does not name the
  pronoun's state (``with_pronoun``): the pronoun acts on the first state named ("He
  accused Russia of attacking Ukraine": USA -> RUS beside RUS -> UKR). When it names the
  pronoun's state, the dyads holding that state keep the pronoun as a mention: an act with
  no subject in the text has it ("He said he would meet Zelenskiy at the White House").

Inherited actors appear as ``Mention(kind="pronoun", start=-1, end=-1, surface=phrase)``. A
sport or weather sentence (rule 9) leaves an empty result, so nothing inherits from it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from tracker.coding.relation_words import PASSIVE, relation_words
from tracker.models import Dyad, Mention, Sentence, make_pair

COREF_LOOKBACK = 2  # sentences an inherited dyad may reach back, inside one paragraph
# sentences "the two sides" / "both countries" may reach back, across paragraphs: wire copy
# often puts a quotation or two between the pair and the phrase that names it again
BOTH_LOOKBACK = 4

_STATE_NAMES = frozenset({"country", "capital"})  # a subject named as a state, not a person
_PRONOUN_START = re.compile(r"^\W*(He|She|His|Her)\b")
_THEY_START = re.compile(r"^\W*(They|Their)\b")


@dataclass(frozen=True)
class SentenceDyads:
    """One sentence's dyads (with their mentions) and its subject actor, for later sentences."""

    dyads: list[tuple[Dyad, tuple[Mention, ...]]]
    subject: str | None
    person: bool = True  # may its subject be who a later "He/She" is (``names_a_person``)?


# A person the sentence names without a mention of its own: a title ("the U.S. president")
_PERSON_WORD = re.compile(
    r"\b(?:he|she|president|minister|leader|spokes(?:man|woman|person)|envoy|"
    r"(?:under-?)?secretary|chancellor|premier|king|aide|ambassador|official|adviser|advisor|"
    r"diplomat|negotiator|deputy|general|commander|chief|senator|lawmaker|representative)\b",
    re.IGNORECASE,
)


# "Sherman warned that ...": a capitalised name right before a verb of speech
_NAMED_SPEAKER = re.compile(
    r"\b[A-Z][a-z]+\s+(?:said|says|warned|told|added|stated|noted|insisted|urged|wrote|"
    r"announced|met|visited|spoke)\b"
)


def names_a_person(text: str, mentions: Sequence[Mention]) -> bool:
    """Does the sentence name a person (a leader, a title, a pronoun), who a later "He/She"
    may be? A sentence whose only actors are states is no antecedent of a pronoun: after
    '"This measure is viable only if the United States acts in a similar manner."', "He
    warned ..." is still the Putin of the sentence before."""
    if any(m.kind == "leader" for m in mentions) or _PERSON_WORD.search(text):
        return True
    starts = {m.start for m in mentions}  # a name that is no state's, before a verb of speech
    return any(n.start() not in starts for n in _NAMED_SPEAKER.finditer(text))


def pronoun_openers(sentences: Sequence[Sentence]) -> set[int]:
    """The sentences that open with "He/She/His/Her": only the sentences they may look back
    at need ``names_a_person``."""
    return {i for i, s in enumerate(sentences) if _PRONOUN_START.match(s.text)}


def with_person(
    result: SentenceDyads, i: int, text: str, mentions: Sequence[Mention], openers: set[int]
) -> SentenceDyads:
    """``result`` (of the ``i``-th sentence, ``text``) marked as no antecedent of "He/She"
    when a sentence that may look back at it opens with one (``openers``: positions) and it
    names no person (``names_a_person``)."""
    later = range(i + 1, i + 1 + COREF_LOOKBACK)
    if not result.subject or openers.isdisjoint(later):
        return result
    if not names_a_person(text, mentions):
        return replace(result, person=False)
    leaders = {m.code for m in mentions if m.kind == "leader"}
    if (
        len(leaders) == 1
        and result.subject not in leaders
        and {m.kind for m in mentions if m.code == result.subject} <= _STATE_NAMES
        and any(m.code == result.subject for m in mentions)
    ):  # "Belarus freed 52 prisoners after an appeal from Trump. He ...": Trump
        return replace(result, subject=leaders.pop())
    return result


def _person(candidates: Sequence[SentenceDyads]) -> SentenceDyads | None:
    """The nearest earlier sentence whose subject a "He/She" may be."""
    return next((c for c in candidates if c.subject and c.person), None)


def _pronoun(code: str, surface: str) -> Mention:
    return Mention(code=code, start=-1, end=-1, surface=surface, kind="pronoun")


def _one_pair(candidates: Sequence[SentenceDyads]) -> tuple[str, str] | None:
    """The pair of the nearest candidate with dyads, when it has exactly one pair."""
    for c in candidates:
        if c.dyads:
            pairs = {d.pair for d, _ in c.dyads}
            return next(iter(pairs)) if len(pairs) == 1 else None
    return None


# "the two leaders / presidents / men / ministers" are two people: their antecedent names
# both states by a person ("Trump met Putin"), not a state ("Trump urged Ukraine")
_PEOPLE_PHRASE = re.compile(r"\b(?:leaders|presidents|men|ministers|heads)\b", re.IGNORECASE)
_PERSON_KINDS = frozenset({"leader", "pronoun"})


def _pair_of_people(candidates: Sequence[SentenceDyads]) -> tuple[str, str] | None:
    """The pair of the nearest candidate with exactly one pair that it names by two people
    ("Trump met Putin") or by two country names ("relations between Russia and the United
    States"), skipping one that names a person and a state ("Trump urged Ukraine ...") or
    an institution and a capital ("The Kremlin said ... aid to Kyiv")."""
    for c in candidates:
        pairs = {d.pair for d, _ in c.dyads}
        if len(pairs) == 1:
            pair = set(next(iter(pairs)))
            mentions = [m for _, ms in c.dyads for m in ms]
            if pair <= {m.code for m in mentions if m.kind in _PERSON_KINDS} or (
                pair <= {m.code for m in mentions if m.kind == "country"}
                and not pair & {m.code for m in mentions if m.kind in _PERSON_KINDS}
            ):
                return next(iter(pairs))
    return None


def event_dyad(
    sentence: Sentence, mentions: Sequence[Mention], candidates: Sequence[SentenceDyads]
) -> tuple[Dyad, tuple[Mention, ...]] | None:
    """A sentence opening with "The conversation", "The talks" ... names the previous
    sentence's meeting: its pair (mutual) takes part, whatever other states it names."""
    match = relation_words().coref_event.match(sentence.text)
    pair = _one_pair(candidates) if match else None
    if match is None or pair is None:
        return None
    own = tuple(m for m in mentions if m.code in pair)
    inherited = tuple(_pronoun(c, match.group(0).strip()) for c in pair)
    return Dyad(pair=pair, sentence_index=sentence.index), own + inherited


def refers_back(text: str) -> bool:
    """Does a sentence that names no state hold a cue by which it could inherit a dyad: a
    mutual phrase, a leading "They", or an opening naming the last meeting? Without one,
    ``inherit_dyads`` and ``event_dyad`` find nothing for it (a cheap test done first)."""
    words = relation_words()
    return bool(
        words.coref_mutual.search(text) or _THEY_START.search(text) or words.coref_event.match(text)
    )


def inherit_dyads(
    sentence: Sentence, mentions: Sequence[Mention], candidates: Sequence[SentenceDyads]
) -> SentenceDyads | None:
    """This sentence's dyad inherited from the earlier sentences ``candidates`` (nearest
    first), or None (see the module docstring)."""
    codes = list(dict.fromkeys(m.code for m in mentions)) if mentions else []
    if len(codes) > 1 or not candidates:
        return None
    text = sentence.text
    antecedent = candidates[0]
    phrase = relation_words().coref_mutual.search(text) or _THEY_START.search(text)
    if phrase and _PEOPLE_PHRASE.search(phrase.group(0)):  # "the two leaders"
        pair = _pair_of_people(candidates)
    else:
        pair = _one_pair(candidates) if phrase else None
    if pair is not None and phrase:
        surface = phrase.group(1) if phrase.re is _THEY_START else phrase.group(0)
        inherited = tuple(_pronoun(c, surface) for c in pair if c not in codes)
        own = tuple(m for m in mentions if m.code in pair)
        dyad = Dyad(pair=pair, sentence_index=sentence.index)
        return SentenceDyads([(dyad, own + inherited)], antecedent.subject)
    pronoun = _PRONOUN_START.search(text)
    person = _person(candidates) if pronoun and len(codes) == 1 else None
    if pronoun is None or person is None or person.subject in (None, codes[0]):
        return None
    source, target = person.subject, codes[0]
    by_agent = re.search(rf"\bby\s+(?:\w+\s+){{0,3}}{re.escape(mentions[0].surface)}", text)
    if PASSIVE.search(text) and by_agent:
        source, target = target, source
    dyad = Dyad(make_pair(source, target), sentence.index, source, target)
    inherited = (_pronoun(person.subject, pronoun.group(1)),)
    return SentenceDyads([(dyad, tuple(mentions) + inherited)], person.subject)


def names_both(text: str) -> bool:
    """Does the sentence name a pair as such ("the two sides", "both countries")? Such a
    phrase needs an antecedent pair, which wire copy often gives a paragraph before."""
    phrase = relation_words().coref_mutual.search(text)
    return phrase is not None and phrase.group(0).lower().startswith(("the two ", "both "))


def find_antecedents(
    sentences: Sequence[Sentence], results: list[SentenceDyads], i: int, across: bool = False
) -> list[SentenceDyads]:
    """The earlier sentences with a dyad or a subject within the look-back window, nearest
    first (a paragraph's first sentence looks only at the sentence just before it, unless
    ``across`` paragraphs: for a sentence that ``names_both``)."""
    if i == 0:
        return []
    paragraph = sentences[i].paragraph
    if across:
        window = range(i - 1, max(-1, i - 1 - BOTH_LOOKBACK), -1)
        return [results[j] for j in window if results[j].dyads or results[j].subject]
    if sentences[i - 1].paragraph != paragraph:
        return [results[i - 1]] if (results[i - 1].dyads or results[i - 1].subject) else []
    out = []
    for j in range(i - 1, max(-1, i - 1 - COREF_LOOKBACK), -1):
        if sentences[j].paragraph != paragraph:
            break
        if results[j].dyads or results[j].subject:
            out.append(results[j])
    return out


def looking_back(
    sentence: Sentence,
    mentions: Sequence[Mention],
    dyads: list[tuple[Dyad, tuple[Mention, ...]]],
    subject: str | None,
) -> Callable[[Sequence[SentenceDyads]], SentenceDyads] | None:
    """For a sentence with dyads of its own that names the last meeting ("The talks ...") or
    opens with "He/She": its dyads given the earlier sentences (nearest first), else None
    (it does not look back, and the earlier sentences need not be found)."""
    text = sentence.text
    if relation_words().coref_event.match(text):

        def with_meeting(candidates: Sequence[SentenceDyads]) -> SentenceDyads:
            extra = event_dyad(sentence, mentions, candidates)
            if extra is not None and all(d.pair != extra[0].pair for d, _ in dyads):
                return SentenceDyads([*dyads, extra], subject)
            return SentenceDyads(dyads, subject)

        return with_meeting
    if _PRONOUN_START.search(text):
        return lambda candidates: SentenceDyads(
            with_pronoun(sentence, mentions, dyads, candidates), subject
        )
    return None


def with_pronoun(
    sentence: Sentence,
    mentions: Sequence[Mention],
    dyads: list[tuple[Dyad, tuple[Mention, ...]]],
    candidates: Sequence[SentenceDyads],
) -> list[tuple[Dyad, tuple[Mention, ...]]]:
    """The dyads of a sentence opening with "He/She" that names states of its own, with the
    pronoun as the antecedent's subject (see the module docstring); ``dyads`` unchanged
    when there is no antecedent subject or no named state."""
    person = _person(candidates)
    subject = person.subject if person is not None else None
    pronoun = _PRONOUN_START.search(sentence.text)
    if not subject or pronoun is None or not mentions:
        return dyads
    if any(m.code == subject for m in mentions):  # its state is named ("He urged Congress",
        return _with_subject(dyads, subject, pronoun.group(1))  # "at the White House")
    target = mentions[0].code
    if any(d.pair == make_pair(subject, target) for d, _ in dyads):
        return dyads
    own = tuple(m for m in mentions if m.code == target)
    extra = Dyad(make_pair(subject, target), sentence.index, subject, target)
    return [*dyads, (extra, (*own, _pronoun(subject, pronoun.group(1))))]


def _with_subject(
    dyads: list[tuple[Dyad, tuple[Mention, ...]]], subject: str, surface: str
) -> list[tuple[Dyad, tuple[Mention, ...]]]:
    """The sentence's own dyads, those holding the pronoun's state with the pronoun among
    their mentions: the named state may be an object or a place ("He said he would meet
    Zelenskiy at the White House", "He thanked Trump and said Minsk would ..."), and the
    pronoun is still the subject of the acts that have none in the text."""
    return [
        (dyad, (*support, _pronoun(subject, surface))) if subject in dyad.pair else (dyad, support)
        for dyad, support in dyads
    ]


NOTHING = SentenceDyads([], None)  # no dyad, no subject (never modified)


def inherited_through_cue(
    sentences: Sequence[Sentence],
    results: list[SentenceDyads],
    i: int,
    mentions: Sequence[Mention],
    since: int,
) -> SentenceDyads:
    """What sentence ``i``, which names no state, inherits through a cue (else nothing);
    ``since``: sentences since the last one with a dyad or a subject ("the two sides" reaches
    further back than other cues)."""
    sentence = sentences[i]
    text = sentence.text
    if since > COREF_LOOKBACK and not (since <= BOTH_LOOKBACK and names_both(text)):
        return NOTHING
    antecedents = (
        find_antecedents(sentences, results, i, names_both(text)) if refers_back(text) else []
    )
    if not antecedents:
        return NOTHING
    result = inherit_dyads(sentence, mentions, antecedents) or NOTHING
    extra = None if result.dyads else event_dyad(sentence, mentions, antecedents)
    return SentenceDyads([extra], result.subject) if extra is not None else result

"""Pairs that an act's arguments name where the dyad rules paired no one.

The dyad rules (``dyads.py``) read a sentence's actor groups and the words between them
without a parser, and some sentences defeat them: "Wednesday's sanctions, however, the
first imposed on Moscow by the Trump administration since his return to office, mark the
latest reversal" has a passive with no auxiliary and every group after a preposition, so no
pair. The event coder's argument roles read the same sentence as USA -> RUS SANCTION. A
sentence naming two states or more that has no dyad gets the pair of each act whose
arguments name one source and one target (docs/tone_and_events.md, N41). Any sentence gets
the pair of states that act on each other ("Russia and Ukraine traded accusations ... of a
US-brokered moratorium": the dyad rules pair each with the U.S., not with each other; N278),
or together ("Witkoff said that Russia and Ukraine had agreed", N288)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from tracker.coding.attach import MUTUAL_KINDS, SIGNED
from tracker.coding.relation_words import relation_words
from tracker.models import Dyad, Mention, make_pair


def act_dyads(
    dyads: list[tuple[Dyad, tuple[Mention, ...]]],
    texts: Sequence[str],
    mentions: Sequence[Sequence[Mention]],
    analysed: Callable[[int], Any],
) -> list[tuple[Dyad, tuple[Mention, ...]]]:
    """``dyads`` plus the act pairs of sentences with two states or more and no dyad;
    ``analysed(i)`` is the event model's reading of sentence ``i`` (a ``CodedSentence``)."""
    have: dict[int, set[tuple[str, str]]] = {}
    for d, _ in dyads:
        have.setdefault(d.sentence_index, set()).add(d.pair)
    words = relation_words()
    added: list[tuple[Dyad, tuple[Mention, ...]]] = []
    for i, found in enumerate(mentions):
        if len(found) < 2:
            continue
        codes = {m.code for m in found if m.start >= 0}
        if len(codes) < 2 or words.not_politics(texts[i]):
            continue  # (sport and weather name states side by side: rule 9 of dyads.py)
        if i in have:
            added.extend(_each_other(analysed(i), i, found, have[i]))
            continue
        sentence = analysed(i)
        pairs: set[tuple[str, str]] = set()
        for args in sentence.arguments:
            if len(args.sources) == 1 and len(args.targets) == 1:
                source, target = args.sources[0], args.targets[0]
                if source != target and source in codes and target in codes:
                    pair = make_pair(source, target)
                    if pair not in pairs:
                        pairs.add(pair)
                        support = tuple(m for m in found if m.code in pair)
                        added.append((Dyad(pair, i, source, target), support))
    if not added:
        return dyads
    return sorted([*dyads, *added], key=lambda item: item[0].sentence_index)


def _each_other(
    sentence: Any, i: int, found: Sequence[Mention], paired: set[tuple[str, str]]
) -> list[tuple[Dyad, tuple[Mention, ...]]]:
    """The pairs of states that sentence ``i`` says act on each other or together (an act's
    own arguments, or a mutual act's, with two sources or more and no target: "Witkoff said
    that Russia and Ukraine had agreed on an exchange") that its dyads do not hold yet."""
    out: list[tuple[Dyad, tuple[Mention, ...]]] = []
    for m, args in zip(sentence.matches, sentence.arguments, strict=True):
        together = m.category in MUTUAL_KINDS or m.rule == SIGNED  # ("signed the US-brokered
        if not (args.own or together) or args.targets or len(args.sources) < 2:  # deal")
            continue
        if m.rule in _BY_A_THIRD:  # "to mediate in a dispute between the two": no meeting
            continue
        for k, a in enumerate(args.sources):
            for b in args.sources[k + 1 :]:
                pair = make_pair(a, b)
                if a != b and pair not in paired:
                    paired.add(pair)
                    support = tuple(x for x in found if x.code in pair)
                    out.append((Dyad(pair, i, None, None), support))
    return out


_BY_A_THIRD = frozenset({"consult.mediate"})

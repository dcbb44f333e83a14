"""Pairs that an act's arguments name where the dyad rules paired no one.

The dyad rules (``dyads.py``) read a sentence's actor groups and the words between them
without a parser, and some sentences defeat them: "Wednesday's sanctions, however, the
first imposed on Moscow by the Trump administration since his return to office, mark the
latest reversal" has a passive with no auxiliary and every group after a preposition, so no
pair. The event coder's argument roles read the same sentence as USA -> RUS SANCTION. A
sentence naming two states or more that has no dyad gets the pair of each act whose
arguments name one source and one target (docs/tone_and_events.md, N41)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

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
    have = {d.sentence_index for d, _ in dyads}
    words = relation_words()
    added: list[tuple[Dyad, tuple[Mention, ...]]] = []
    for i, found in enumerate(mentions):
        if i in have or len(found) < 2:
            continue
        codes = {m.code for m in found if m.start >= 0}
        if len(codes) < 2 or words.not_politics(texts[i]):
            continue  # (sport and weather name states side by side: rule 9 of dyads.py)
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

"""Pure metric functions: precision, recall, F1 (micro and per label), sign with a neutral
band. They need nothing but their arguments (docs/evaluation.md defines each)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Any

# |tone| below this is neutral. VADER's authors use 0.05 as the neutral threshold on the
# compound score (vaderSentiment README, "About the Scoring").
NEUTRAL_BAND = 0.05


def ratio(numerator: int, denominator: int) -> float | None:
    """numerator / denominator, or None when there is nothing to divide (0/0 is undefined)."""
    return numerator / denominator if denominator else None


def precision(tp: int, fp: int) -> float | None:
    """Share of predictions that are right: tp / (tp + fp)."""
    return ratio(tp, tp + fp)


def recall(tp: int, fn: int) -> float | None:
    """Share of gold items found: tp / (tp + fn)."""
    return ratio(tp, tp + fn)


def f1_score(p: float | None, r: float | None) -> float | None:
    """Harmonic mean of precision and recall; 0.0 when both are 0, None when undefined."""
    if p is None or r is None:
        return None
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


@dataclass(frozen=True, slots=True)
class PRF:
    """True positives, false positives and false negatives, with the derived scores."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return precision(self.tp, self.fp)

    @property
    def recall(self) -> float | None:
        return recall(self.tp, self.fn)

    @property
    def f1(self) -> float | None:
        return f1_score(self.precision, self.recall)

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


def prf_of_sets(gold: Iterable[Hashable], predicted: Iterable[Hashable]) -> PRF:
    """Set comparison of one item: tp = |gold & pred|, fp = |pred - gold|, fn = |gold - pred|."""
    g, p = set(gold), set(predicted)
    return PRF(len(g & p), len(p - g), len(g - p))


def micro_prf(items: Iterable[tuple[Iterable[Hashable], Iterable[Hashable]]]) -> PRF:
    """Micro-averaged counts over (gold, predicted) set pairs."""
    total = PRF()
    for gold, predicted in items:
        total = total + prf_of_sets(gold, predicted)
    return total


def prf_by_label(
    items: Iterable[tuple[Iterable[str], Iterable[str]]],
) -> dict[str, PRF]:
    """Per-label counts over (gold labels, predicted labels) of each item."""
    counts: dict[str, list[int]] = {}
    for gold, predicted in items:
        g, p = set(gold), set(predicted)
        for label in g | p:
            row = counts.setdefault(label, [0, 0, 0])
            row[0] += label in g and label in p
            row[1] += label in p and label not in g
            row[2] += label in g and label not in p
    return {label: PRF(*row) for label, row in sorted(counts.items())}


def sign_with_band(value: float, band: float = NEUTRAL_BAND) -> int:
    """-1, 0 or +1: values with ``|value| < band`` are neutral."""
    if abs(value) < band:
        return 0
    return 1 if value > 0 else -1

"""The PLOVER runner: the event coder against the GSR, whole pipeline and gold actors.

A) the whole pipeline (actor matcher + dyads + coder) on each gold sentence as a
one-sentence article; B) the coder alone, given the gold actor spans as mentions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.evaluate.codebook import QUAD_CLASS, QUAD_NAMES
from tracker.evaluate.metrics import PRF, prf_by_label, ratio
from tracker.evaluate.pipeline import pipeline_scorer, sentence_article
from tracker.evaluate.plover_gold import PloverRecord, gold_mentions, load_plover
from tracker.models import Mode

if TYPE_CHECKING:
    from tracker.coding.score import Scorer
    from tracker.models import Event

# Published PETRARCH figures, for context only: measured on PETRARCH's own validation
# records with its own dictionaries, not on this file and not with our actor table.
PETRARCH_BASELINE = {"true_positive_rate": 0.68, "false_positive_rate": 0.23}


def _best_event(events: Sequence[Event], category: str) -> Event | None:
    """The event compared with the gold: one of the gold category, else one of the gold
    QuadClass, else the earliest asserted (else earliest) event."""
    if not events:
        return None
    by_pos = sorted(events, key=lambda e: (e.span_start, e.span_end))
    for keep in (
        lambda e: e.category == category,
        lambda e: QUAD_CLASS.get(e.category) == QUAD_CLASS[category],
        lambda e: str(e.mode) == "asserted",
        lambda e: True,
    ):
        hit = next((e for e in by_pos if keep(e)), None)
        if hit is not None:
            return hit
    return None  # pragma: no cover


def _first_event(events: Sequence[Event]) -> Event | None:
    return min(events, key=lambda e: (e.span_start, e.span_end)) if events else None


@dataclass(frozen=True)
class PloverOutcome:
    """What the coder emitted for one gold sentence."""

    record: PloverRecord
    categories: tuple[str, ...]  # distinct categories emitted, in span order
    best: tuple[str, str | None, str | None] | None  # (category, source, target)
    first: str | None
    direction_ok: bool | None
    asserted: tuple[str, ...] = ()  # distinct categories of the ASSERTED events

    @property
    def found(self) -> bool:
        return bool(self.categories)

    @property
    def hit(self) -> bool:
        return self.record.category in self.categories


@dataclass(frozen=True)
class PloverScores:
    """Event-coding metrics over one set of gold sentences."""

    n: int
    found: int
    hit: int
    category_best: int
    category_first: int
    quad_best: int
    quad_first: int
    direction_judged: int
    direction_ok: int
    undirected: int
    per_category: dict[str, PRF]
    per_quad: dict[str, PRF]
    # micro P/R counting only asserted events (hypothetical, negated and historical ones are
    # not claims that the act happened; the gold codes what happened): both sides, not P alone
    micro_asserted: PRF = field(default_factory=PRF)

    @property
    def detection_rate(self) -> float | None:  # "any event" recall
        return ratio(self.found, self.n)

    @property
    def event_recall(self) -> float | None:  # an event of the gold category
        return ratio(self.hit, self.n)

    @property
    def category_accuracy(self) -> float | None:
        return ratio(self.category_best, self.found)

    @property
    def category_accuracy_first(self) -> float | None:
        return ratio(self.category_first, self.found)

    @property
    def quad_accuracy(self) -> float | None:
        return ratio(self.quad_best, self.found)

    @property
    def quad_accuracy_first(self) -> float | None:
        return ratio(self.quad_first, self.found)

    @property
    def direction_accuracy(self) -> float | None:
        return ratio(self.direction_ok, self.direction_judged)

    @property
    def micro(self) -> PRF:
        total = PRF()
        for prf in self.per_category.values():
            total = total + prf
        return total

    def as_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "found": self.found,
            "detection_rate": self.detection_rate,
            "event_recall": self.event_recall,
            "category_accuracy": self.category_accuracy,
            "category_accuracy_first": self.category_accuracy_first,
            "quad_accuracy": self.quad_accuracy,
            "quad_accuracy_first": self.quad_accuracy_first,
            "direction_judged": self.direction_judged,
            "direction_accuracy": self.direction_accuracy,
            "undirected_events": self.undirected,
            "micro": self.micro.as_dict(),
            "micro_asserted": self.micro_asserted.as_dict(),
            "per_category": {k: v.as_dict() for k, v in self.per_category.items()},
            "per_quad": {k: v.as_dict() for k, v in self.per_quad.items()},
        }


def score_plover(outcomes: Sequence[PloverOutcome]) -> PloverScores:
    """Aggregate per-sentence outcomes into the PLOVER metrics (pure)."""
    found = [o for o in outcomes if o.found]
    gold_quad = [QUAD_CLASS[o.record.category] for o in found]
    cat_items = [({o.record.category}, set(o.categories)) for o in outcomes]
    quad_items = [
        ({QUAD_NAMES[QUAD_CLASS[g]] for g in gold}, {QUAD_NAMES[QUAD_CLASS[c]] for c in pred})
        for gold, pred in cat_items
    ]
    judged = [o for o in found if o.direction_ok is not None]
    return PloverScores(
        n=len(outcomes),
        found=len(found),
        hit=sum(o.hit for o in outcomes),
        category_best=sum(o.best is not None and o.best[0] == o.record.category for o in found),
        category_first=sum(o.first == o.record.category for o in found),
        quad_best=sum(
            o.best is not None and QUAD_CLASS[o.best[0]] == q
            for o, q in zip(found, gold_quad, strict=True)
        ),
        quad_first=sum(
            o.first is not None and QUAD_CLASS[o.first] == q
            for o, q in zip(found, gold_quad, strict=True)
        ),
        direction_judged=len(judged),
        direction_ok=sum(bool(o.direction_ok) for o in judged),
        undirected=sum(o.best is not None and o.best[1] is None for o in found),
        per_category=prf_by_label(cat_items),
        per_quad=prf_by_label(quad_items),
        micro_asserted=sum(
            prf_by_label([({o.record.category}, set(o.asserted)) for o in outcomes]).values(),
            PRF(),
        ),
    )


def _outcome(record: PloverRecord, events: Sequence[Event]) -> PloverOutcome:
    ordered = sorted(events, key=lambda e: (e.span_start, e.span_end))
    categories = tuple(dict.fromkeys(e.category for e in ordered if e.category in QUAD_CLASS))
    best = _best_event(ordered, record.category)
    first = _first_event(ordered)
    return PloverOutcome(
        record=record,
        categories=categories,
        best=(best.category, best.source, best.target) if best else None,
        first=first.category if first else None,
        direction_ok=record.direction_ok(best.source, best.target) if best else None,
        asserted=tuple(
            dict.fromkeys(
                e.category for e in ordered if e.category in QUAD_CLASS and e.mode is Mode.ASSERTED
            )
        ),
    )


def plover_pipeline_events(record: PloverRecord, scorer: Scorer | None = None) -> list[Event]:
    """Events of the whole pipeline on the gold sentence as a one-sentence article."""
    from tracker.coding.score import score_article

    scored = score_article(sentence_article(record.id, record.text, record.on), scorer)
    return list(scored.events)


def plover_gold_actor_events(record: PloverRecord, scorer: Scorer | None = None) -> list[Event]:
    """Events of the coder alone, given mentions at the gold actor spans (any code)."""
    from tracker.coding.events import code_sentence

    coder = (scorer or pipeline_scorer()).events
    return code_sentence(record.text, gold_mentions(record), record.on, coder=coder)


@dataclass(frozen=True)
class PloverResult:
    path: str
    records: int
    scope_counts: dict[str, int]
    pipeline: dict[str, PloverScores]  # by scope: "all", "country-dyad"
    gold_actors: dict[str, PloverScores]  # by scope: "all", "two-or-more-actors"
    outcomes_pipeline: tuple[PloverOutcome, ...] = field(repr=False, default=())
    outcomes_gold: tuple[PloverOutcome, ...] = field(repr=False, default=())

    @property
    def headline(self) -> PloverScores:
        """The figures the thresholds apply to: whole pipeline, country dyads."""
        return self.pipeline["country-dyad"]

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "records": self.records,
            "scope_counts": self.scope_counts,
            "pipeline": {k: v.as_dict() for k, v in self.pipeline.items()},
            "gold_actors": {k: v.as_dict() for k, v in self.gold_actors.items()},
            "petrarch_baseline": PETRARCH_BASELINE,
        }


def evaluate_plover(path: Path, scorer: Scorer | None = None) -> PloverResult:
    """Run both PLOVER variants (pipeline; coder with gold actor spans) over the GSR."""
    scorer = scorer or pipeline_scorer()
    records = load_plover(path)
    pipe = tuple(_outcome(r, plover_pipeline_events(r, scorer)) for r in records)
    gold = tuple(_outcome(r, plover_gold_actor_events(r, scorer)) for r in records)
    scopes = Counter(r.scope for r in records)
    return PloverResult(
        path=str(path),
        records=len(records),
        scope_counts=dict(sorted(scopes.items())),
        pipeline={
            "all": score_plover(pipe),
            "country-dyad": score_plover([o for o in pipe if o.record.scope == "country-dyad"]),
        },
        gold_actors={
            "all": score_plover(gold),
            "two-or-more-actors": score_plover(
                [o for o in gold if o.record.scope != "single-actor"]
            ),
        },
        outcomes_pipeline=pipe,
        outcomes_gold=gold,
    )

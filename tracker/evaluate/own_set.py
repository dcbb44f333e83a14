"""The own labelled set: original sentences about US-Russia, US-Belarus and other pairs,
each with the pairs that interact, a tone sign per pair and PLOVER events (category, mode,
direction). Many are traps (co-occurrence, negation, "Minsk agreements", "Washington
Post", leaders out of office...)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.errors import UsageError
from tracker.evaluate.codebook import QUAD_CLASS
from tracker.evaluate.gold_paths import DEFAULT_OWN_PATH
from tracker.evaluate.metrics import (
    NEUTRAL_BAND,
    PRF,
    micro_prf,
    prf_by_label,
    ratio,
    sign_with_band,
)
from tracker.evaluate.pipeline import pipeline_scorer, sentence_article

if TYPE_CHECKING:
    from tracker.coding.score import Scorer


@dataclass(frozen=True, slots=True)
class LabelledEvent:
    category: str
    mode: str
    source: str | None
    target: str | None


@dataclass(frozen=True, slots=True)
class LabelledPair:
    pair: tuple[str, str]
    tone_sign: int
    events: tuple[LabelledEvent, ...]

    @property
    def direction(self) -> tuple[str, str] | None:
        """The pair's direction when all its directed events agree on one, else None."""
        dirs = {(e.source, e.target) for e in self.events if e.source and e.target}
        return next(iter(dirs)) if len(dirs) == 1 else None


@dataclass(frozen=True, slots=True)
class LabelledSentence:
    id: str
    text: str
    on: date
    pairs: tuple[LabelledPair, ...]
    note: str = ""
    speaker: str | None = None  # a statement's speaking state ("we" is it)
    speaker_pair: tuple[str, str] | None = None  # the pair the speaker's statement is about
    speaker_sign: int = 0  # its tone sign

    @property
    def is_trap(self) -> bool:
        return self.note.startswith("trap")


def load_labelled(path: Path) -> list[LabelledSentence]:
    """Read the own labelled set (JSON Lines). Raises UsageError on a malformed line."""
    from tracker.models import make_pair

    items = []
    for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
            pairs = tuple(
                LabelledPair(
                    make_pair(*p["pair"]),
                    int(p["tone_sign"]),
                    tuple(
                        LabelledEvent(e["category"], e["mode"], e.get("source"), e.get("target"))
                        for e in p.get("events", ())
                    ),
                )
                for p in r["pairs"]
            )
            spoken = r.get("speaker_pair")
            items.append(
                LabelledSentence(
                    r["id"], r["text"], date.fromisoformat(r["date"]), pairs, r.get("note", ""),
                    r.get("speaker"), make_pair(*spoken) if spoken else None,
                    int(r.get("speaker_sign", 0)),
                )
            )  # fmt: skip
        except (KeyError, TypeError, ValueError) as e:
            raise UsageError(f"{path}:{lineno}: not a labelled sentence ({e})") from e
    return items


@dataclass(frozen=True)
class OwnOutcome:
    """What the system found in one labelled sentence."""

    item: LabelledSentence
    pairs: dict[tuple[str, str], float]  # found pair -> mean tone of its dyadic sentences
    directions: dict[tuple[str, str], tuple[str | None, str | None]]
    events: tuple[tuple[tuple[str, str], str, str, str | None, str | None], ...]
    # (pair, category, mode, source, target) in span order


@dataclass(frozen=True)
class OwnResult:
    path: str
    sentences: int
    traps: int
    pairs: PRF
    direction_judged: int
    direction_ok: int
    events_category: PRF  # (pair, category)
    events_category_directed: PRF  # (source, target, category); None = mutual
    events_quad: PRF  # (pair, QuadClass)
    events_quad_directed: PRF
    per_category: dict[str, PRF]
    mode_judged: int
    mode_ok: int
    mode_confusion: dict[str, int]  # "gold->predicted" for wrong modes
    tone_polar_judged: int
    tone_polar_ok: int
    tone_all_judged: int
    tone_all_ok: int
    trap_clean: int  # trap sentences with no spurious pair
    outcomes: tuple[OwnOutcome, ...] = field(repr=False, default=())
    statements: int = 0  # first-person statements (with a speaker)
    statement_pair_found: int = 0  # ... whose speaker's pair was found
    statement_sign_ok: int = 0  # ... with the right tone sign on that pair

    @property
    def statement_pair_recall(self) -> float | None:
        return ratio(self.statement_pair_found, self.statements)

    @property
    def statement_sign_accuracy(self) -> float | None:
        return ratio(self.statement_sign_ok, self.statements)

    @property
    def direction_accuracy(self) -> float | None:
        return ratio(self.direction_ok, self.direction_judged)

    @property
    def mode_accuracy(self) -> float | None:
        return ratio(self.mode_ok, self.mode_judged)

    @property
    def tone_sign_accuracy(self) -> float | None:
        return ratio(self.tone_polar_ok, self.tone_polar_judged)

    @property
    def tone_sign_accuracy_3way(self) -> float | None:
        return ratio(self.tone_all_ok, self.tone_all_judged)

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "sentences": self.sentences,
            "traps": self.traps,
            "trap_sentences_without_spurious_pair": self.trap_clean,
            "pairs": self.pairs.as_dict(),
            "dyad_direction": {
                "judged": self.direction_judged,
                "accuracy": self.direction_accuracy,
            },
            "events_category": self.events_category.as_dict(),
            "events_category_directed": self.events_category_directed.as_dict(),
            "events_quad": self.events_quad.as_dict(),
            "events_quad_directed": self.events_quad_directed.as_dict(),
            "per_category": {k: v.as_dict() for k, v in self.per_category.items()},
            "mode": {
                "judged": self.mode_judged,
                "accuracy": self.mode_accuracy,
                "confusion": self.mode_confusion,
            },
            "first_person_statements": {
                "n": self.statements,
                "speaker_pair_found": self.statement_pair_recall,
                "right_sign": self.statement_sign_accuracy,
            },
            "tone_sign": {
                "neutral_band": NEUTRAL_BAND,
                "polar_judged": self.tone_polar_judged,
                "polar_accuracy": self.tone_sign_accuracy,
                "three_way_judged": self.tone_all_judged,
                "three_way_accuracy": self.tone_sign_accuracy_3way,
            },
        }


def own_outcome(item: LabelledSentence, scorer: Scorer | None = None) -> OwnOutcome:
    """Score one labelled sentence as a one-sentence article."""
    from tracker.coding.score import score_article

    article = sentence_article(item.id, item.text, item.on, item.speaker)
    scored = score_article(article, scorer)
    events = sorted(scored.events, key=lambda e: (e.span_start, e.span_end))
    return OwnOutcome(
        item=item,
        pairs={p.pair: p.tone for p in scored.pairs},
        directions={p.pair: (p.sentences[0].source, p.sentences[0].target) for p in scored.pairs},
        events=tuple((e.pair, e.category, str(e.mode), e.source, e.target) for e in events),
    )


def _directed(events: Sequence[tuple[Any, ...]], label: Any) -> set[tuple[Any, ...]]:
    """(source, target, label(category)) of predicted events; an act coded both ways on one
    pair ("X and Y swapped prisoners") also counts as the mutual (None, None) key."""
    keys = {(ev[3], ev[4], label(ev[1])) for ev in events}
    keys |= {(None, None, k[2]) for k in keys if k[0] and (k[1], k[0], k[2]) in keys}
    return keys


def _event_items(o: OwnOutcome) -> tuple[tuple[set[Any], set[Any]], ...]:
    """(gold, predicted) key sets of one sentence: pair+category, direction+category,
    pair+QuadClass, direction+QuadClass, category."""
    gold = [(p.pair, e) for p in o.item.pairs for e in p.events]
    quad = QUAD_CLASS.get
    return (
        ({(pr, e.category) for pr, e in gold}, {ev[:2] for ev in o.events}),
        ({(e.source, e.target, e.category) for _, e in gold}, _directed(o.events, str)),
        (
            {(pr, QUAD_CLASS[e.category]) for pr, e in gold},
            {(ev[0], quad(ev[1], 0)) for ev in o.events},
        ),
        (
            {(e.source, e.target, QUAD_CLASS[e.category]) for _, e in gold},
            _directed(o.events, lambda c: quad(c, 0)),
        ),
        ({e.category for _, e in gold}, {ev[1] for ev in o.events}),
    )


def _mode_checks(o: OwnOutcome) -> list[tuple[str, str]]:
    """(gold mode, predicted mode) of each labelled event that was found: the first
    predicted event of its (pair, category)."""
    out = []
    for p in o.item.pairs:
        for e in p.events:
            match = next((ev for ev in o.events if ev[:2] == (p.pair, e.category)), None)
            if match is not None:
                out.append((e.mode, match[2]))
    return out


def score_own(outcomes: Sequence[OwnOutcome], path: str = "") -> OwnResult:
    """Aggregate own-set outcomes into the metrics (pure)."""
    items: list[list[tuple[set[Any], set[Any]]]] = [[] for _ in range(5)]
    pair_items = []
    c = Counter[str]()
    mode_confusion: Counter[str] = Counter()
    for o in outcomes:
        gold_pairs = {p.pair for p in o.item.pairs}
        pair_items.append((gold_pairs, set(o.pairs)))
        c["trap_clean"] += o.item.is_trap and not set(o.pairs) - gold_pairs
        for k, item in enumerate(_event_items(o)):
            items[k].append(item)
        for gold_mode, predicted in _mode_checks(o):
            c["mode_judged"] += 1
            c["mode_ok"] += predicted == gold_mode
            if predicted != gold_mode:
                mode_confusion[f"{gold_mode}->{predicted}"] += 1
        for p in o.item.pairs:
            if p.pair not in o.pairs:
                continue
            if p.direction is not None:
                c["dir_judged"] += 1
                c["dir_ok"] += o.directions.get(p.pair) == p.direction
            predicted_sign = sign_with_band(o.pairs[p.pair])
            c["all_judged"] += 1
            c["all_ok"] += predicted_sign == p.tone_sign
            if p.tone_sign != 0:
                c["polar_judged"] += 1
                c["polar_ok"] += predicted_sign == p.tone_sign
    return OwnResult(
        path=path,
        sentences=len(outcomes),
        traps=sum(o.item.is_trap for o in outcomes),
        pairs=micro_prf(pair_items),
        direction_judged=c["dir_judged"],
        direction_ok=c["dir_ok"],
        events_category=micro_prf(items[0]),
        events_category_directed=micro_prf(items[1]),
        events_quad=micro_prf(items[2]),
        events_quad_directed=micro_prf(items[3]),
        per_category=prf_by_label(items[4]),
        mode_judged=c["mode_judged"],
        mode_ok=c["mode_ok"],
        mode_confusion=dict(mode_confusion.most_common()),
        tone_polar_judged=c["polar_judged"],
        tone_polar_ok=c["polar_ok"],
        tone_all_judged=c["all_judged"],
        tone_all_ok=c["all_ok"],
        trap_clean=c["trap_clean"],
        outcomes=tuple(outcomes),
        **_statement_counts(outcomes),
    )


def _statement_counts(outcomes: Sequence[OwnOutcome]) -> dict[str, int]:
    """First-person statements: is the speaker's pair found, with the labelled sign?"""
    spoken = [o for o in outcomes if o.item.speaker_pair is not None]
    found = [o for o in spoken if o.item.speaker_pair in o.pairs]
    right = [
        o for o in found if sign_with_band(o.pairs[o.item.speaker_pair]) == o.item.speaker_sign
    ]
    return {
        "statements": len(spoken),
        "statement_pair_found": len(found),
        "statement_sign_ok": len(right),
    }


def evaluate_own(path: Path = DEFAULT_OWN_PATH, scorer: Scorer | None = None) -> OwnResult:
    """Run the pipeline over the own labelled set."""
    if not Path(path).is_file():
        raise UsageError(f"labelled set {path} not found (pass --gold PATH)")
    scorer = scorer or pipeline_scorer()
    items = load_labelled(path)
    return score_own([own_outcome(i, scorer) for i in items], str(path))

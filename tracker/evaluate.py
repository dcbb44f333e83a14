"""`tracker eval`: measure actors, dyads, tone and events against labelled sentences.

Two gold sets (docs/evaluation.md explains every definition):

- **own set** ``tests/data/labelled_sentences.jsonl``: original sentences about US-Russia,
  US-Belarus and other pairs, each with the pairs that interact, a tone sign per pair and
  PLOVER events (category, mode, direction). Many are traps (co-occurrence, negation,
  "Minsk agreements", "Washington Post", leaders out of office...).
- **PLOVER GSR** ``../shared/eval/plover_gsr_cameo.json``: 322 human-coded sentences from the
  CAMEO manual (Open Event Data Alliance, CC BY-SA 4.0). Read where it is, never copied; the
  evaluation is skipped with a message when it is absent.

The module has two layers: pure metric functions (precision, recall, F1, sign with a neutral
band, QuadClass) that need nothing but their arguments, and runners that drive the pipeline
(imported lazily, so the metrics work even where the pipeline does not) and return typed
results with ``format_report()`` and ``as_dict()``.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.errors import UsageError

if TYPE_CHECKING:
    from tracker.models import Event, Mention
    from tracker.score import Scorer

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OWN_PATH = REPO_ROOT / "tests" / "data" / "labelled_sentences.jsonl"
PLOVER_ENV = "TRACKER_PLOVER_GOLD"  # overrides where the PLOVER gold file is looked for
PLOVER_RELATIVE = Path("shared") / "eval" / "plover_gsr_cameo.json"  # next to the repo

# |tone| below this is neutral. VADER's authors use 0.05 as the neutral threshold on the
# compound score (vaderSentiment README, "About the Scoring").
NEUTRAL_BAND = 0.05

# Thresholds of the regression test (from the eval issue). Checked by tests/test_evaluate.py.
THRESHOLDS = {
    "plover_quad_accuracy": 0.75,  # QuadClass accuracy where the coder finds an event
    "plover_event_recall": 0.60,  # share of gold sentences with an event of the gold category
    "plover_direction_accuracy": 0.80,  # among found events with both actors in the gold
    "own_tone_sign_accuracy": 0.90,  # labelled +1/-1 pairs the system finds
}

# Published PETRARCH figures, for context only: measured on PETRARCH's own validation
# records with its own dictionaries, not on this file and not with our actor table.
PETRARCH_BASELINE = {"true_positive_rate": 0.68, "false_positive_rate": 0.23}

PLOVER_CATEGORIES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

# GDELT QuadClass of each category's CAMEO root (03-05 verbal cooperation, 06-08 material
# cooperation, 09-13 verbal conflict, 14-20 material conflict). One table is used for gold
# and prediction alike, so QuadClass agreement never depends on a coder's own table.
QUAD_CLASS = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1,
    "CONCEDE": 2, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}  # fmt: skip
QUAD_NAMES = {1: "verbal coop", 2: "material coop", 3: "verbal conflict", 4: "material conflict"}

# PLOVER GSR (2016 label set) -> current PLOVER categories; DOCUMENT records are skipped.
LEGACY_LABELS = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "INVESTIGATE": "ACCUSE",
}
SKIPPED_LABELS = frozenset({"DOCUMENT"})
# CAMEO country codes in the GSR that are not ISO 3166-1 alpha-3.
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
NON_STATE_CODES = frozenset({"IGO", "NGO", "IMG", "ISM"})  # CAMEO generic non-state actors


# --------------------------------------------------------------------------- metrics (pure)


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


def quad_class(category: str) -> int:
    """GDELT QuadClass (1-4) of a PLOVER category; KeyError for an unknown one."""
    return QUAD_CLASS[category]


def normalise_label(label: str) -> str | None:
    """A PLOVER GSR label in the current category set; None for labels that are skipped."""
    if label in SKIPPED_LABELS:
        return None
    return LEGACY_LABELS.get(label, label)


def normalise_code(code: str) -> str:
    """A GSR actor code with CAMEO-only country codes mapped to ISO 3166-1 alpha-3."""
    code = (code or "").strip().upper()
    return CAMEO_TO_ISO.get(code, code)


@cache
def _iso_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)


def is_country(code: str | None) -> bool:
    """True for an ISO 3166-1 alpha-3 country code (IGO, NGO... are not countries)."""
    return bool(code) and code not in NON_STATE_CODES and code in _iso_codes()


def _fmt(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


# --------------------------------------------------------------------------- gold data


@dataclass(frozen=True, slots=True)
class GoldActor:
    text: str
    code: str


@dataclass(frozen=True, slots=True)
class PloverRecord:
    """One PLOVER GSR sentence with its label in the current category set."""

    id: str
    text: str
    category: str
    original_label: str
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]
    compound: bool  # SRC/TAR: the actors act together or on each other, direction free
    on: date
    markup: str = ""

    @property
    def actor_codes(self) -> frozenset[str]:
        return frozenset(a.code for a in self.sources + self.targets if a.code)

    @property
    def scope(self) -> str:
        """'country-dyad', 'actor-dyad' (>= 2 actors, some non-state) or 'single-actor'."""
        if self._has_pair(is_country):
            return "country-dyad"
        if self._has_pair(bool):
            return "actor-dyad"
        return "single-actor"

    def _has_pair(self, keep: Any) -> bool:
        if self.compound:
            return len({c for c in self.actor_codes if keep(c)}) >= 2
        src = {a.code for a in self.sources if keep(a.code)}
        tgt = {a.code for a in self.targets if keep(a.code)}
        return any(s != t for s in src for t in tgt)

    def direction_ok(self, source: str | None, target: str | None) -> bool | None:
        """Is an event's direction right? None when it cannot be judged (actor not in gold)."""
        codes = self.actor_codes
        if source is None or target is None or source not in codes or target not in codes:
            return None
        if self.compound:
            return source != target
        return source in {a.code for a in self.sources} and target in {a.code for a in self.targets}


def _actors(value: Any) -> tuple[GoldActor, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(
        GoldActor(str(a.get("actorText", "")).strip(), normalise_code(str(a.get("code", ""))))
        for a in value
        if isinstance(a, dict)
    )


def load_plover(path: Path) -> list[PloverRecord]:
    """The GSR records with text and a usable label (DOCUMENT and text-less ones skipped)."""
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    records = []
    for r in raw:
        label = normalise_label(str(r.get("event", "")))
        text = r.get("text")
        if not label or not text or label not in QUAD_CLASS:
            continue
        info = r.get("textInfo")
        markup = str(info.get("markup", "") if isinstance(info, dict) else info or "")
        sources, targets = _actors(r.get("source")), _actors(r.get("target"))
        compound = "SRC/TAR" in markup or (not targets and len({a.code for a in sources}) >= 2)
        on = date.fromisoformat(r.get("date") or "2000-01-01")
        records.append(
            PloverRecord(
                str(r["id"]), text, label, str(r["event"]), sources, targets, compound, on,
                markup,
            )
        )  # fmt: skip
    return records


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
            items.append(
                LabelledSentence(
                    r["id"], r["text"], date.fromisoformat(r["date"]), pairs, r.get("note", "")
                )
            )
        except (KeyError, TypeError, ValueError) as e:
            raise UsageError(f"{path}:{lineno}: not a labelled sentence ({e})") from e
    return items


def default_plover_path() -> Path:
    """Where the PLOVER gold file is looked for: $TRACKER_PLOVER_GOLD, then ../shared/eval
    next to the repository (or the working directory). The first existing path wins; if
    none exists the repository-relative one is returned (and reported as absent)."""
    candidates = []
    if os.environ.get(PLOVER_ENV):
        candidates.append(Path(os.environ[PLOVER_ENV]))
    candidates += [
        REPO_ROOT.parent / PLOVER_RELATIVE,
        Path.cwd().parent / PLOVER_RELATIVE,
        Path.cwd() / ".." / PLOVER_RELATIVE,
    ]
    return next((p for p in candidates if p.is_file()), candidates[0])


# --------------------------------------------------------------------------- pipeline glue


def _article(item_id: str, text: str, on: date):
    from tracker.models import Article, DateSource, article_id

    return Article(
        id=article_id(text), origin=item_id, title="", text=text, published_at=on,
        date_source=DateSource.CALLER,
    )  # fmt: skip


def _default_scorer() -> Scorer:
    from tracker.score import default_scorer

    return default_scorer()


def gold_mentions(record: PloverRecord) -> list[Mention]:
    """Mentions at the gold actor spans (the CAMEO codes as given, IGO/NGO included).

    The span is the actor text found in the sentence (case-insensitive; for "U.S. ...
    negotiators" the part before the ellipsis); actors not found are left out.
    """
    from tracker.models import Mention

    lower = record.text.lower()
    mentions: dict[tuple[int, str], Mention] = {}
    for actor in record.sources + record.targets:
        if not actor.code or not actor.text:
            continue
        for candidate in (actor.text, actor.text.split("...")[0], actor.text.split("(")[0]):
            needle = candidate.strip().lower()
            at = lower.find(needle) if needle else -1
            if at >= 0:
                end = at + len(needle)
                mentions[(at, actor.code)] = Mention(
                    actor.code, at, end, record.text[at:end], "gold"
                )
                break
    return sorted(mentions.values(), key=lambda m: (m.start, m.end))


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


# --------------------------------------------------------------------------- PLOVER runner


@dataclass(frozen=True)
class PloverOutcome:
    """What the coder emitted for one gold sentence."""

    record: PloverRecord
    categories: tuple[str, ...]  # distinct categories emitted, in span order
    best: tuple[str, str | None, str | None] | None  # (category, source, target)
    first: str | None
    direction_ok: bool | None

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
    )


def plover_pipeline_events(record: PloverRecord, scorer: Scorer | None = None) -> list[Event]:
    """Events of the whole pipeline on the gold sentence as a one-sentence article."""
    from tracker.score import score_article

    scored = score_article(_article(record.id, record.text, record.on), scorer)
    return list(scored.events)


def plover_gold_actor_events(record: PloverRecord, scorer: Scorer | None = None) -> list[Event]:
    """Events of the coder alone, given mentions at the gold actor spans (any code)."""
    from tracker.events import code_sentence

    coder = (scorer or _default_scorer()).events
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
    scorer = scorer or _default_scorer()
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


# --------------------------------------------------------------------------- own-set runner


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
    from tracker.score import score_article

    scored = score_article(_article(item.id, item.text, item.on), scorer)
    events = sorted(scored.events, key=lambda e: (e.span_start, e.span_end))
    return OwnOutcome(
        item=item,
        pairs={p.pair: p.tone for p in scored.pairs},
        directions={p.pair: (p.sentences[0].source, p.sentences[0].target) for p in scored.pairs},
        events=tuple((e.pair, e.category, str(e.mode), e.source, e.target) for e in events),
    )


def score_own(outcomes: Sequence[OwnOutcome], path: str = "") -> OwnResult:
    """Aggregate own-set outcomes into the metrics (pure)."""
    pair_items, cat, cat_dir, quad, quad_dir, per_cat = [], [], [], [], [], []
    dir_judged = dir_ok = mode_judged = mode_ok = 0
    polar_judged = polar_ok = all_judged = all_ok = trap_clean = 0
    mode_confusion: Counter[str] = Counter()
    for o in outcomes:
        gold_pairs = {p.pair for p in o.item.pairs}
        pair_items.append((gold_pairs, set(o.pairs)))
        if o.item.is_trap and not set(o.pairs) - gold_pairs:
            trap_clean += 1
        gold_events = [(p.pair, e) for p in o.item.pairs for e in p.events]
        cat.append(({(pr, e.category) for pr, e in gold_events}, {ev[:2] for ev in o.events}))
        cat_dir.append(
            (
                {(e.source, e.target, e.category) for _, e in gold_events},
                {(ev[3], ev[4], ev[1]) for ev in o.events},
            )
        )
        quad.append(
            (
                {(pr, QUAD_CLASS[e.category]) for pr, e in gold_events},
                {(ev[0], QUAD_CLASS.get(ev[1], 0)) for ev in o.events},
            )
        )
        quad_dir.append(
            (
                {(e.source, e.target, QUAD_CLASS[e.category]) for _, e in gold_events},
                {(ev[3], ev[4], QUAD_CLASS.get(ev[1], 0)) for ev in o.events},
            )
        )
        per_cat.append(({e.category for _, e in gold_events}, {ev[1] for ev in o.events}))
        for pr, e in gold_events:  # mode on matched events: first predicted of that key
            match = next((ev for ev in o.events if ev[:2] == (pr, e.category)), None)
            if match is not None:
                mode_judged += 1
                mode_ok += match[2] == e.mode
                if match[2] != e.mode:
                    mode_confusion[f"{e.mode}->{match[2]}"] += 1
        for p in o.item.pairs:
            if p.pair not in o.pairs:
                continue
            if p.direction is not None:
                dir_judged += 1
                dir_ok += o.directions.get(p.pair) == p.direction
            predicted = sign_with_band(o.pairs[p.pair])
            all_judged += 1
            all_ok += predicted == p.tone_sign
            if p.tone_sign != 0:
                polar_judged += 1
                polar_ok += predicted == p.tone_sign
    return OwnResult(
        path=path,
        sentences=len(outcomes),
        traps=sum(o.item.is_trap for o in outcomes),
        pairs=micro_prf(pair_items),
        direction_judged=dir_judged,
        direction_ok=dir_ok,
        events_category=micro_prf(cat),
        events_category_directed=micro_prf(cat_dir),
        events_quad=micro_prf(quad),
        events_quad_directed=micro_prf(quad_dir),
        per_category=prf_by_label(per_cat),
        mode_judged=mode_judged,
        mode_ok=mode_ok,
        mode_confusion=dict(mode_confusion.most_common()),
        tone_polar_judged=polar_judged,
        tone_polar_ok=polar_ok,
        tone_all_judged=all_judged,
        tone_all_ok=all_ok,
        trap_clean=trap_clean,
        outcomes=tuple(outcomes),
    )


def evaluate_own(path: Path = DEFAULT_OWN_PATH, scorer: Scorer | None = None) -> OwnResult:
    """Run the pipeline over the own labelled set."""
    if not Path(path).is_file():
        raise UsageError(f"labelled set {path} not found (pass --gold PATH)")
    scorer = scorer or _default_scorer()
    items = load_labelled(path)
    return score_own([own_outcome(i, scorer) for i in items], str(path))


# --------------------------------------------------------------------------- report


def _prf_row(name: str, prf: PRF) -> str:
    return (
        f"  {name:<28} P {_fmt(prf.precision)}  R {_fmt(prf.recall)}  F1 {_fmt(prf.f1)}"
        f"   (tp {prf.tp}, fp {prf.fp}, fn {prf.fn})"
    )


def _plover_block(title: str, s: PloverScores) -> list[str]:
    lines = [
        f"  {title}: {s.n} sentences, coder found an event in {s.found}",
        f"    event recall (gold category)   {_fmt(s.event_recall)}    any-event recall "
        f"{_fmt(s.detection_rate)}",
        f"    category accuracy (found)      {_fmt(s.category_accuracy)}    first event "
        f"{_fmt(s.category_accuracy_first)}",
        f"    QuadClass accuracy (found)     {_fmt(s.quad_accuracy)}    first event "
        f"{_fmt(s.quad_accuracy_first)}",
        f"    direction accuracy             {_fmt(s.direction_accuracy)}    judged "
        f"{s.direction_judged}, undirected best events {s.undirected}",
        _prf_row("micro (category)", s.micro),
    ]
    return lines


@dataclass(frozen=True)
class EvalReport:
    """Everything `tracker eval` prints; ``plover`` is None when the gold file is absent."""

    own: OwnResult
    plover: PloverResult | None
    plover_note: str = ""

    def checks(self) -> dict[str, tuple[float | None, float, bool]]:
        """Each threshold: (measured, threshold, passed). PLOVER checks only when run."""
        out: dict[str, tuple[float | None, float, bool]] = {}
        measured: dict[str, float | None] = {"own_tone_sign_accuracy": self.own.tone_sign_accuracy}
        if self.plover is not None:
            h = self.plover.headline
            measured |= {
                "plover_quad_accuracy": h.quad_accuracy,
                "plover_event_recall": h.event_recall,
                "plover_direction_accuracy": h.direction_accuracy,
            }
        for name, value in measured.items():
            limit = THRESHOLDS[name]
            out[name] = (value, limit, value is not None and value >= limit)
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "own": self.own.as_dict(),
            "plover": self.plover.as_dict() if self.plover else None,
            "plover_note": self.plover_note,
            "checks": {
                k: {"measured": v, "threshold": t, "passed": ok}
                for k, (v, t, ok) in self.checks().items()
            },
        }

    def format_report(self, errors: int = 0) -> str:
        """A plain-text report; ``errors`` > 0 appends up to that many misses per kind."""
        o = self.own
        lines = [
            f"Own labelled set: {o.path}",
            f"  {o.sentences} sentences, {o.traps} traps "
            f"({o.trap_clean} handled without a spurious pair)",
            _prf_row("pairs (undirected)", o.pairs),
            f"  {'dyad direction accuracy':<28} {_fmt(o.direction_accuracy)}"
            f"   ({o.direction_ok}/{o.direction_judged} found pairs with a labelled direction)",
            _prf_row("events: pair+category", o.events_category),
            _prf_row("events: direction+category", o.events_category_directed),
            _prf_row("events: pair+QuadClass", o.events_quad),
            _prf_row("events: direction+QuadClass", o.events_quad_directed),
            f"  {'mode accuracy (matched)':<28} {_fmt(o.mode_accuracy)}"
            f"   ({o.mode_ok}/{o.mode_judged}; wrong: {o.mode_confusion or '-'})",
            f"  {'tone sign accuracy':<28} {_fmt(o.tone_sign_accuracy)}"
            f"   ({o.tone_polar_ok}/{o.tone_polar_judged} found +1/-1 pairs; "
            f"3-way incl. neutral {_fmt(o.tone_sign_accuracy_3way)}, "
            f"band |tone| < {NEUTRAL_BAND})",
            "  per category (own set):",
            *(_prf_row(k, v) for k, v in o.per_category.items()),
            "",
        ]
        if self.plover is None:
            lines.append(f"PLOVER gold set: skipped - {self.plover_note}")
        else:
            p = self.plover
            lines += [
                f"PLOVER gold set: {p.path} ({p.records} usable records; scopes {p.scope_counts})",
                "  A) whole pipeline (actor matcher + dyads + coder), one-sentence articles",
                *_plover_block("country dyads [thresholds]", p.pipeline["country-dyad"]),
                *_plover_block("all records", p.pipeline["all"]),
                "  B) coder alone, given the gold actor spans as mentions (IGO/NGO included)",
                *_plover_block("records with >= 2 actors", p.gold_actors["two-or-more-actors"]),
                *_plover_block("all records", p.gold_actors["all"]),
                "  per category, A) country dyads:",
                *(_prf_row(k, v) for k, v in p.headline.per_category.items()),
                "  per QuadClass, A) country dyads:",
                *(_prf_row(k, v) for k, v in p.headline.per_quad.items()),
                f"  PETRARCH (published, its own validation records): "
                f"~{PETRARCH_BASELINE['true_positive_rate']:.0%} true positives, "
                f"~{PETRARCH_BASELINE['false_positive_rate']:.0%} false positives "
                "(context only, not comparable)",
            ]
        lines += ["", "Thresholds:"]
        for name, (value, limit, ok) in self.checks().items():
            lines.append(f"  {'PASS' if ok else 'FAIL'}  {name:<28} {_fmt(value)} >= {limit}")
        if errors > 0:
            lines += ["", *self.error_lines(errors)]
        return "\n".join(lines)

    def error_lines(self, limit: int = 20) -> list[str]:
        """The misses, to read when a figure drops."""
        lines = ["Own set: pair errors"]
        n = 0
        for o in self.own.outcomes:
            gold = {p.pair for p in o.item.pairs}
            missed, spurious = gold - set(o.pairs), set(o.pairs) - gold
            if (missed or spurious) and n < limit:
                n += 1
                lines.append(
                    f"  {o.item.id}: missed {sorted(missed) or '-'} spurious "
                    f"{sorted(spurious) or '-'} | {o.item.text}"
                )
        lines.append("Own set: tone sign errors")
        n = 0
        for o in self.own.outcomes:
            for p in o.item.pairs:
                if p.pair in o.pairs and p.tone_sign != 0 and n < limit:
                    got = sign_with_band(o.pairs[p.pair])
                    if got != p.tone_sign:
                        n += 1
                        lines.append(
                            f"  {o.item.id} {'-'.join(p.pair)}: gold {p.tone_sign:+d}, tone "
                            f"{o.pairs[p.pair]:+.3f} | {o.item.text}"
                        )
        lines.append("Own set: event errors (gold vs predicted (pair, category, mode, src, tgt))")
        n = 0
        for o in self.own.outcomes:
            gold = {(p.pair, e.category) for p in o.item.pairs for e in p.events}
            pred = {ev[:2] for ev in o.events}
            if gold != pred and n < limit:
                n += 1
                gl = [
                    (e.category, e.mode, e.source, e.target) for p in o.item.pairs for e in p.events
                ]
                pl = [ev[1:] for ev in o.events]
                lines.append(f"  {o.item.id}: gold {gl} pred {pl} | {o.item.text}")
        if self.plover is not None:
            for label, outcomes in (
                ("A pipeline", self.plover.outcomes_pipeline),
                ("B gold actors", self.plover.outcomes_gold),
            ):
                lines.append(f"PLOVER {label}: misses (gold category not emitted)")
                n = 0
                for out in outcomes:
                    if (
                        not out.hit
                        and n < limit
                        and (label.startswith("B") or out.record.scope == "country-dyad")
                    ):
                        n += 1
                        lines.append(
                            f"  {out.record.id} gold {out.record.category} got "
                            f"{list(out.categories) or '-'} | {out.record.text[:140]}"
                        )
        return lines


def run_eval(
    plover_path: Path | None = None,
    own_path: Path = DEFAULT_OWN_PATH,
    scorer: Scorer | None = None,
) -> EvalReport:
    """Evaluate the pipeline on the own labelled set and, when present, the PLOVER GSR.

    ``plover_path`` None looks in the default places (:func:`default_plover_path`); a path
    that does not exist skips the PLOVER part with a note instead of failing.
    """
    own = evaluate_own(Path(own_path), scorer)
    path = Path(plover_path) if plover_path is not None else default_plover_path()
    if not path.is_file():
        note = (
            f"{path} not found (the PLOVER GSR is read from ../shared/eval or "
            f"${PLOVER_ENV}; it is not shipped with the project)"
        )
        return EvalReport(own=own, plover=None, plover_note=note)
    return EvalReport(own=own, plover=evaluate_plover(path, scorer))


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m tracker.evaluate [--gold PATH] [--plover PATH] [--json] [--errors N]``."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m tracker.evaluate")
    parser.add_argument("--gold", type=Path, default=DEFAULT_OWN_PATH)
    parser.add_argument("--plover", type=Path, default=None)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", type=int, default=0)
    args = parser.parse_args(argv)
    report = run_eval(args.plover, args.gold)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2, default=str))
    else:
        print(report.format_report(errors=args.errors))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

"""`tracker eval`: measure actors, dyads, tone and events against labelled sentences.

Two gold sets (docs/evaluation.md explains every definition):

- **own set** ``tests/data/labelled_sentences.jsonl`` (:mod:`.own_set`): original sentences
  about US-Russia, US-Belarus and other pairs, each with the pairs that interact, a tone
  sign per pair and PLOVER events (category, mode, direction). Many are traps.
- **PLOVER GSR** ``../shared/eval/plover_gsr_cameo.json`` (:mod:`.plover_gold`,
  :mod:`.plover`): 322 human-coded sentences from the CAMEO manual (Open Event Data
  Alliance, CC BY-SA 4.0). Read where it is, never copied; the evaluation is skipped with a
  message when it is absent.

Pure metric functions (:mod:`.metrics`: precision, recall, F1, sign with a neutral band) and
the codebook (:mod:`.codebook`: QuadClass, legacy labels, country codes) need nothing but
their arguments; the runners drive the pipeline (imported lazily, :mod:`.pipeline`, so the
metrics work even where the pipeline does not) and return typed results; :mod:`.report`
formats them (``format_report()``, ``as_dict()``); :mod:`.run` has ``run_eval`` and ``main``.
Everything is re-exported here: ``from tracker.evaluate import run_eval``.
"""

from __future__ import annotations

from tracker.evaluate.codebook import (
    CAMEO_TO_ISO,
    LEGACY_LABELS,
    NON_STATE_CODES,
    PLOVER_CATEGORIES,
    QUAD_CLASS,
    QUAD_NAMES,
    SKIPPED_LABELS,
    is_country,
    normalise_code,
    normalise_label,
    quad_class,
)
from tracker.evaluate.gold_paths import (
    DEFAULT_OWN_PATH,
    PLOVER_ENV,
    PLOVER_RELATIVE,
    REPO_ROOT,
    default_plover_path,
)
from tracker.evaluate.metrics import (
    NEUTRAL_BAND,
    PRF,
    f1_score,
    micro_prf,
    precision,
    prf_by_label,
    prf_of_sets,
    ratio,
    recall,
    sign_with_band,
)
from tracker.evaluate.own_set import (
    LabelledEvent,
    LabelledPair,
    LabelledSentence,
    OwnOutcome,
    OwnResult,
    evaluate_own,
    load_labelled,
    own_outcome,
    score_own,
)
from tracker.evaluate.plover import (
    PETRARCH_BASELINE,
    PloverOutcome,
    PloverResult,
    PloverScores,
    evaluate_plover,
    plover_gold_actor_events,
    plover_pipeline_events,
    score_plover,
)
from tracker.evaluate.plover_gold import GoldActor, PloverRecord, gold_mentions, load_plover
from tracker.evaluate.report import THRESHOLDS, EvalReport
from tracker.evaluate.run import main, run_eval

__all__ = [
    "CAMEO_TO_ISO",
    "DEFAULT_OWN_PATH",
    "LEGACY_LABELS",
    "NEUTRAL_BAND",
    "NON_STATE_CODES",
    "PETRARCH_BASELINE",
    "PLOVER_CATEGORIES",
    "PLOVER_ENV",
    "PLOVER_RELATIVE",
    "PRF",
    "QUAD_CLASS",
    "QUAD_NAMES",
    "REPO_ROOT",
    "SKIPPED_LABELS",
    "THRESHOLDS",
    "EvalReport",
    "GoldActor",
    "LabelledEvent",
    "LabelledPair",
    "LabelledSentence",
    "OwnOutcome",
    "OwnResult",
    "PloverOutcome",
    "PloverRecord",
    "PloverResult",
    "PloverScores",
    "default_plover_path",
    "evaluate_own",
    "evaluate_plover",
    "f1_score",
    "gold_mentions",
    "is_country",
    "load_labelled",
    "load_plover",
    "main",
    "micro_prf",
    "normalise_code",
    "normalise_label",
    "own_outcome",
    "plover_gold_actor_events",
    "plover_pipeline_events",
    "precision",
    "prf_by_label",
    "prf_of_sets",
    "quad_class",
    "ratio",
    "recall",
    "run_eval",
    "score_own",
    "score_plover",
    "sign_with_band",
]

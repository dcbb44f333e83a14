"""Where the two gold sets are: the own labelled set in tests/data, the PLOVER GSR next to
the repository (read where it is, never copied)."""

from __future__ import annotations

from pathlib import Path

from tracker.config import PLOVER_GOLD_ENV, plover_gold_override

REPO_ROOT = Path(__file__).resolve().parents[2]  # tracker/evaluate/gold_paths.py -> repo
DEFAULT_OWN_PATH = REPO_ROOT / "tests" / "data" / "labelled_sentences.jsonl"
PLOVER_ENV = PLOVER_GOLD_ENV  # where a user points tracker eval at the PLOVER gold file
PLOVER_RELATIVE = Path("shared") / "eval" / "plover_gsr_cameo.json"  # next to the repo


PETRARCH_RELATIVE = Path("shared") / "eval" / "petr2_gsr_validation.xml"


def default_petrarch_path() -> Path:
    """The PETRARCH-2 validation file next to the repository (or the working directory)."""
    candidates = [REPO_ROOT.parent / PETRARCH_RELATIVE, Path.cwd().parent / PETRARCH_RELATIVE]
    return next((p for p in candidates if p.is_file()), candidates[0])


def default_plover_path() -> Path:
    """Where the PLOVER gold file is looked for: $TRACKER_PLOVER_GOLD, then ../shared/eval
    next to the repository (or the working directory). The first existing path wins; if
    none exists the repository-relative one is returned (and reported as absent)."""
    candidates = []
    override = plover_gold_override()
    if override:
        candidates.append(override)
    candidates += [
        REPO_ROOT.parent / PLOVER_RELATIVE,
        Path.cwd().parent / PLOVER_RELATIVE,
        Path.cwd() / ".." / PLOVER_RELATIVE,
    ]
    return next((p for p in candidates if p.is_file()), candidates[0])

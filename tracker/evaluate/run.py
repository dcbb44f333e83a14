"""Run the evaluation: ``run_eval`` (both gold sets) and ``main`` (python -m tracker.evaluate)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.evaluate.gold_paths import (
    DEFAULT_OWN_PATH,
    PLOVER_ENV,
    default_petrarch_path,
    default_plover_path,
)
from tracker.evaluate.own_set import evaluate_own
from tracker.evaluate.petrarch import evaluate_petrarch
from tracker.evaluate.plover import evaluate_plover
from tracker.evaluate.report import EvalReport

if TYPE_CHECKING:
    from tracker.coding.score import Scorer


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
    petrarch_file = default_petrarch_path()
    petrarch = evaluate_petrarch(petrarch_file, scorer) if petrarch_file.is_file() else None
    petrarch_note = "" if petrarch else f"{petrarch_file} not found (read from ../shared/eval)"
    path = Path(plover_path) if plover_path is not None else default_plover_path()
    if not path.is_file():
        note = (
            f"{path} not found (the PLOVER GSR is read from ../shared/eval or "
            f"${PLOVER_ENV}; it is not shipped with the project)"
        )
        return EvalReport(own, None, note, petrarch, petrarch_note)
    return EvalReport(own, evaluate_plover(path, scorer), "", petrarch, petrarch_note)


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

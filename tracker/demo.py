"""The bundled demo corpus (package data, tracker/data/samples/): loaded by `tracker demo` and
on the dashboard's first start against an empty database."""

from __future__ import annotations

from datetime import date
from importlib.resources import files
from pathlib import Path

from tracker.ingest import IngestReport, articles_from_paths, ingest_articles
from tracker.store import Store

# Package data read through importlib.resources, so a wheel installed with `pip install .`
# carries it; installed packages are folders on disk (wheels are unpacked), hence a Path.
SAMPLES_DIR = Path(str(files("tracker.data").joinpath("samples")))
SEED_FILE = "seed-trump-lukashenko-call.txt"
# The seed article arrived without any date in its text, as users' files often do; the demo
# gives it the day of the call it reports. Every other sample carries `date:` front matter.
SEED_DATE = date(2025, 8, 15)


def sample_files(samples_dir: Path = SAMPLES_DIR) -> list[Path]:
    """The corpus files (the README beside them is documentation, not an article)."""
    return sorted(p for p in samples_dir.glob("*.txt") if p.is_file())


def load_demo(db: str | Path | None = None, *, samples_dir: Path = SAMPLES_DIR) -> IngestReport:
    """Ingest the demo corpus; already-stored samples are reported as duplicates."""
    paths = sample_files(samples_dir)
    if not paths:
        raise FileNotFoundError(f"no demo corpus in {samples_dir}")
    dated = [str(p) for p in paths if p.name != SEED_FILE]
    seed = [str(p) for p in paths if p.name == SEED_FILE]

    def items():
        yield from articles_from_paths(dated)
        if seed:
            yield from articles_from_paths(seed, SEED_DATE)

    report = ingest_articles(items(), db)
    with Store(db) as store:  # the dashboard's demo note holds while only these are stored
        store.mark_demo(report.added)
    return report

"""Fuzz the loaders with atheris: no input may make load_articles raise.

    python benchmarks/fuzz_load.py -max_total_time=120 [-max_len=65536] [corpus_dir]

The first input byte picks the file extension; the rest is the file's bytes. Any exception
escaping ``load_articles`` is a crash, and so is an IngestError whose reason says
"internal error" (the loader's last-resort catch: a bug that was contained, not handled).
"""

from __future__ import annotations

import sys
from datetime import date

import atheris

with atheris.instrument_imports():
    from tracker.load import dates, encoding
    from tracker.load.reader import reader as load

from tracker.errors import IngestError
from tracker.models import Article, article_id

NAMES = [f"fuzz-2025-08-15{ext}" for ext in sorted(load.SUPPORTED_EXTENSIONS)] + [
    "fuzz.txt",
    "fuzz.json",
]
_ = (dates, encoding)  # instrumented with load


def test_one_input(data: bytes) -> None:
    if not data:
        return
    name = NAMES[data[0] % len(NAMES)]
    for item in load.load_articles(name, data[1:], date(2025, 1, 1)):
        if isinstance(item, IngestError):
            if "internal error" in item.reason:
                raise AssertionError(f"contained bug: {item}")
            continue
        assert isinstance(item, Article)
        assert item.text.strip() and item.id == article_id(item.text)
        assert dates.range_problem(item.published_at) is None


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

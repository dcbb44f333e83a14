"""Fuzz the loaders (and the scorer behind them) with atheris: no input may make them raise.

    python benchmarks/fuzz_load.py -max_total_time=120 [-max_len=65536] [corpus_dir]

The first input byte picks the file extension; the rest is the file's bytes. Any exception
escaping ``load_articles`` or ``score_article`` is a crash (a refusal for going over the
scorer's budget, ``BudgetExceeded``, is not), and so is an IngestError whose reason says
"internal error" (the loader's last-resort catch: a bug that was contained, not handled).
Every article must also come out displayable: no bidi control survives ``display_text`` and
no CSV cell of its title starts a formula.

Without a corpus folder, one is made in the working directory (``fuzz_corpus/``) holding the
seeds below: the hostile inputs of issue 16 (a lone surrogate escape in JSON, a bidi
override in a title, an attribute-heavy HTML page, a long list of country names, a CSV row
after an oversized cell, a UTF-8 file with one stray byte) and one good file per format.
"""

from __future__ import annotations

import contextlib
import json
import sys
from datetime import date
from pathlib import Path

import atheris

with atheris.instrument_imports():
    import tracker.load.reader as load
    from tracker.load import dates, encoding

from tracker.coding.budget import BudgetExceeded
from tracker.coding.score import default_scorer, score_article
from tracker.errors import IngestError
from tracker.models import Article, article_id
from tracker.present.safe_text import BIDI_CONTROLS, FORMULA_STARTS, csv_cell, display_text

NAMES = [f"fuzz-2025-08-15{ext}" for ext in sorted(load.SUPPORTED_EXTENSIONS)] + [
    "fuzz.txt",
    "fuzz.json",
]
_ = (dates, encoding)  # instrumented with load
BODY = "The United States praised Belarus for the release of political prisoners in Minsk."
COUNTRIES = "France, Germany, Italy, Spain, Poland, Belarus, Russia, Ukraine, China, Japan, "


def _seed(name: str, data: bytes) -> bytes:
    return bytes([NAMES.index(name)]) + data


SEEDS = {
    "surrogate.json": _seed(
        "fuzz-2025-08-15.json",
        b'{"date":"2025-08-14","title":"x \\udfff","text":"' + BODY.encode() + b' \\udfff"}',
    ),
    "bidi.jsonl": _seed(
        "fuzz-2025-08-15.jsonl",
        json.dumps({"title": "Belarus praises \u202eASU\u202c", "text": BODY}).encode(),
    ),
    "attributes.html": _seed(
        "fuzz-2025-08-15.html",
        b"<html><body><div "
        + b" ".join(b'data-a%d="%d"' % (i, i) for i in range(2000))
        + b"><p>"
        + BODY.encode()
        + b"</p></div></body></html>",
    ),
    "name_list.txt": _seed(
        "fuzz-2025-08-15.txt",
        ("Leaders of " + COUNTRIES * 12 + "and the United States met.").encode(),
    ),
    "big_cell.csv": _seed(
        "fuzz-2025-08-15.csv",
        b'title,text\nbig,"' + b"y" * 5000 + b'"\nok,"' + BODY.encode() + b'"\n',
    ),
    "stray_byte.txt": _seed(
        "fuzz-2025-08-15.txt", ("Caf\u00e9 \u2014 " + BODY).encode() + b"\xff more."
    ),
    "good.md": _seed("fuzz-2025-08-15.md", ("---\ndate: 2025-08-15\n---\n# T\n\n" + BODY).encode()),
    "formula.csv": _seed(
        "fuzz-2025-08-15.csv", b'title,source,text\n"=1+1","@x","' + BODY.encode() + b'"\n'
    ),
}


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
        shown = display_text(item.title)
        assert not set(shown) & set(BIDI_CONTROLS)
        cell = csv_cell(item.title)
        assert not (isinstance(cell, str) and cell.startswith(FORMULA_STARTS))
        with contextlib.suppress(BudgetExceeded):
            score_article(item, SCORER)


SCORER = default_scorer()


def _with_seed_corpus(argv: list[str]) -> list[str]:
    """argv with a corpus folder: the one given, or fuzz_corpus/ made here with SEEDS."""
    if any(not arg.startswith("-") for arg in argv[1:]):
        return argv
    folder = Path("fuzz_corpus")
    folder.mkdir(exist_ok=True)
    for name, data in SEEDS.items():
        (folder / name).write_bytes(data)
    return [*argv, str(folder)]


def main() -> None:
    argv = _with_seed_corpus(sys.argv)
    if not any(arg.startswith("-max_len") for arg in argv):
        argv.insert(1, "-max_len=65536")  # the seeds are up to ~30 KB
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

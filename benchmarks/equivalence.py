"""Same output before and after a speed-up: score a fixed set of texts and compare.

    python -m benchmarks.equivalence save  [--articles 2000] [--out FILE]
    python -m benchmarks.equivalence check [--articles 2000] [--out FILE]

``save`` scores the benchmark corpus (seed 7), the demo corpus (``data/samples``) and every
sentence of the labelled test sets (one mini-article each) with ``score_article`` in this
process, and writes one canonical line per article (its pairs, dyad sentences with tone,
direction and mentions, and events, as ``repr``) to ``benchmarks/out/equivalence.pkl``.
``check`` scores them again and lists the articles whose lines differ, stage by stage
(dyads, tone, events). A pure optimisation must report "identical"; a rule change will
not, and the diff shows what it changed. The scorer version (which hashes the rule files)
is left out of the comparison.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from datetime import date
from pathlib import Path

from benchmarks.corpus import ensure_corpus
from benchmarks.measure import ROOT

OUT = ROOT / "benchmarks" / "out"
DEFAULT_FILE = OUT / "equivalence.pkl"
SENTENCE_SETS = ("tests/data/labelled_sentences.jsonl", "tests/data/event_cases.jsonl")
SHOWN_DIFFS = 8


def _articles(n: int, seed: int):
    from tracker.ingest import articles_from_paths
    from tracker.load.reader import Pending
    from tracker.models import Article

    corpus, _ = ensure_corpus(OUT / "corpus", n, seed, "txt")
    files = sorted(str(p) for p in corpus.rglob("*.txt"))[:n]
    files += sorted(str(p) for p in (ROOT / "tracker" / "data" / "samples").glob("*.txt"))
    for item in articles_from_paths(files, date(2025, 1, 1)):
        if isinstance(item, Pending):  # what ingest does with a new document
            item = item.article()
        if isinstance(item, Article):
            yield item
    for name in SENTENCE_SETS:
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            text = record.get("text") or record.get("sentence") or ""
            if text:
                on = date.fromisoformat(record["date"]) if record.get("date") else None
                yield _sentence_article(name, text, on)
    from tracker.evaluate.gold_paths import default_plover_path
    from tracker.evaluate.plover_gold import load_plover

    plover = default_plover_path()
    if plover.is_file():
        for record in load_plover(plover):
            yield _sentence_article("plover", record.text, record.on)


def _sentence_article(origin: str, text: str, on: date | None):
    from tracker.models import Article, DateSource, article_id

    return Article(
        id=article_id(text),
        origin=origin,
        title="",
        text=text,
        published_at=on or date(2025, 6, 1),
        date_source=DateSource.FIELD,
    )


def _canonical(scored) -> dict[str, str]:
    """Stage -> repr of what the scorer found (no scorer version, no article text)."""
    dyads = [
        (p.pair, s.sentence_index, s.source, s.target, s.mentions)
        for p in scored.pairs
        for s in p.sentences
    ]
    tone = [(p.pair, p.tone, [s.tone for s in p.sentences]) for p in scored.pairs]
    events = [(p.pair, p.events) for p in scored.pairs]
    return {
        "sentences": repr(scored.sentence_count),
        "dyads": repr(dyads),
        "tone": repr(tone),
        "events": repr(events),
    }


def score_all(n: int, seed: int) -> tuple[dict[str, dict[str, str]], float]:
    from tracker.coding.score import default_scorer, score_article

    scorer = default_scorer()
    lines: dict[str, dict[str, str]] = {}
    elapsed = 0.0
    for article in _articles(n, seed):
        start = time.process_time()
        scored = score_article(article, scorer)
        elapsed += time.process_time() - start
        origin = article.origin.removeprefix(f"{ROOT}/")  # the same key in any checkout
        lines[f"{origin}:{article.id[:12]}"] = _canonical(scored)
    return lines, elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("save", "check"))
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=DEFAULT_FILE)
    args = parser.parse_args(argv)
    lines, cpu = score_all(args.articles, args.seed)
    print(f"scored {len(lines)} articles in {cpu:.2f} CPU-s (score_article only)")
    if args.action == "save":
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(pickle.dumps({"articles": args.articles, "lines": lines}))
        print(f"saved {args.out}")
        return 0
    saved = pickle.loads(args.out.read_bytes())
    if saved["articles"] != args.articles:
        print(f"{args.out} was saved with --articles {saved['articles']}", file=sys.stderr)
        return 2
    reference: dict[str, dict[str, str]] = saved["lines"]
    missing = sorted(set(reference) ^ set(lines))
    changed = {
        key: [stage for stage in reference[key] if reference[key][stage] != lines[key][stage]]
        for key in sorted(set(reference) & set(lines))
    }
    changed = {key: stages for key, stages in changed.items() if stages}
    if not missing and not changed:
        print(f"identical: {len(lines)} articles")
        return 0
    by_stage: dict[str, int] = {}
    for stages in changed.values():
        for stage in stages:
            by_stage[stage] = by_stage.get(stage, 0) + 1
    print(f"DIFFERENT: {len(changed)} articles changed {by_stage}, {len(missing)} missing/new")
    for key in list(changed)[:SHOWN_DIFFS]:
        for stage in changed[key]:
            print(f"--- {key} [{stage}]\n  was: {reference[key][stage][:600]}")
            print(f"  now: {lines[key][stage][:600]}")
    return 1


if __name__ == "__main__":
    raise SystemExit(main())

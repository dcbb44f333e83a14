"""The measured programs, each run in its own process by benchmarks.run.

    python -m benchmarks.child ingest --db DB [--workers N] PATH...
    python -m benchmarks.child vader PATH...

Each prints one JSON line last. Timing starts after imports (both sides pay ~the same
interpreter start) and includes everything a user waits for after that: building the
scorer(s) or the analyzer, reading the files, and for ingest the process pool and the store.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def _files(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in (".txt", ".jsonl")))
        else:
            found.append(path)
    return found


def run_vader(paths: list[str]) -> dict:
    """The cheapest tone-only tracker: read, split sentences, VADER on every sentence."""
    t_import = time.perf_counter()
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from tracker.coding.sentences import split_sentences

    start = time.perf_counter()
    analyzer = SentimentIntensityAnalyzer()
    articles = sentences = 0
    total = 0.0
    for path in _files(paths):
        raw = path.read_text(encoding="utf-8")
        if path.suffix == ".jsonl":
            texts = [json.loads(line)["text"] for line in raw.splitlines() if line.strip()]
        else:  # drop the front matter block, as any reader of these files would
            texts = [raw.partition("\n\n")[2]]
        for text in texts:
            articles += 1
            for sentence in split_sentences(text):
                total += analyzer.polarity_scores(sentence.text)["compound"]
                sentences += 1
    elapsed = time.perf_counter() - start
    return {
        "elapsed_s": elapsed,
        "import_s": start - t_import,
        "articles": articles,
        "sentences": sentences,
        "checksum": round(total, 6),
    }


def run_ingest(paths: list[str], db: str, workers: int | None) -> dict:
    """tracker.ingest.ingest_articles over tracker.ingest.articles_from_paths."""
    t_import = time.perf_counter()
    from tracker.ingest import articles_from_paths, ingest_articles
    from tracker.store import Store

    start = time.perf_counter()
    report = ingest_articles(articles_from_paths(paths), db, workers=workers)
    elapsed = time.perf_counter() - start
    with Store(db, read_only=True) as store:
        row = store.con.execute(
            "SELECT count(*), coalesce(sum(sentence_count), 0) FROM articles"
        ).fetchone()
        dyads = store.con.execute("SELECT count(*) FROM dyad_sentences").fetchone()[0]
        events = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
    return {
        "elapsed_s": elapsed,
        "import_s": start - t_import,
        "added": len(report.added),
        "duplicates": len(report.duplicates),
        "failed": len(report.failed),
        "failures": [f"{e.file}: {e.reason}" for e in report.failed[:3]],
        "stored_articles": row[0],
        "sentences": int(row[1]),
        "dyad_sentences": dyads,
        "events": events,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="what", required=True)
    vader = sub.add_parser("vader")
    vader.add_argument("paths", nargs="+")
    ingest = sub.add_parser("ingest")
    ingest.add_argument("paths", nargs="+")
    ingest.add_argument("--db", required=True)
    ingest.add_argument("--workers", type=int)
    args = parser.parse_args(argv)
    if args.what == "vader":
        result = run_vader(args.paths)
    else:
        result = run_ingest(args.paths, args.db, args.workers)
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()

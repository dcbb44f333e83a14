"""CPU seconds per article of the coder against bare VADER, side by side in one process.

    python -m benchmarks.cpu_side [--articles 300] [--dense] [--rounds 3]

A loaded machine makes wall-clock ratios unreliable; ``time.process_time`` counts only this
process's CPU. Both sides read the same articles (already loaded, so file reading is left
out of both): bare VADER splits sentences and scores every one; the coder runs
``score_article``. Rounds alternate the two sides and the minimum of each is kept.
"""

from __future__ import annotations

import argparse
import time
from datetime import date

from benchmarks.corpus import ensure_corpus
from benchmarks.measure import ROOT

OUT = ROOT / "benchmarks" / "out"


def _articles(n: int, dense: bool):
    from tracker.ingest import articles_from_paths
    from tracker.load.reader import Pending
    from tracker.models import Article

    corpus, _ = ensure_corpus(OUT / "corpus", n, 7, "txt", dense=dense)
    files = sorted(str(p) for p in corpus.rglob("*.txt"))[:n]
    out = []
    for item in articles_from_paths(files, date(2025, 1, 1)):
        if isinstance(item, Pending):
            item = item.article()
        if isinstance(item, Article):
            out.append(item)
    return out


def measure(n: int, dense: bool, rounds: int) -> dict[str, float]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from tracker.coding.score import default_scorer, score_article
    from tracker.coding.sentences import split_sentences

    articles = _articles(n, dense)
    analyzer = SentimentIntensityAnalyzer()
    scorer = default_scorer()
    score_article(articles[0], scorer)  # warm the caches of both
    vader_s, coder_s = [], []
    for _ in range(rounds):
        t = time.process_time()
        for a in articles:
            for s in split_sentences(a.text):
                analyzer.polarity_scores(s.text)
        vader_s.append(time.process_time() - t)
        t = time.process_time()
        for a in articles:
            score_article(a, scorer)
        coder_s.append(time.process_time() - t)
    v, c = min(vader_s), min(coder_s)
    return {"articles": len(articles), "vader_ms": 1000 * v / len(articles),
            "coder_ms": 1000 * c / len(articles), "coder_over_vader": c / v}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--dense", action="store_true")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    r = measure(args.articles, args.dense, args.rounds)
    kind = "dense" if args.dense else "mixed"
    ratio = r["coder_over_vader"]
    print(f"{kind}, {r['articles']} articles: coder {r['coder_ms']:.2f} ms CPU/article, "
          f"bare VADER {r['vader_ms']:.2f} ms; coder/VADER {ratio:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()

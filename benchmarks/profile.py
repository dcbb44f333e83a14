"""Where the time goes: pyinstrument profiles and a per-stage breakdown of ingest.

    python -m benchmarks.profile ingest|reingest|stages|timeline|dashboard [--articles N]
    python -m benchmarks.profile stages --dense   (CPU seconds per stage, dense corpus)

Profiles run in one process (``workers=1``: a sampling profiler does not follow a process
pool) and are written as text to ``benchmarks/out/profiles/<what>.txt`` (call tree) and
``<what>-flat.txt`` (functions by self time). ``python -m benchmarks.run --profile`` runs
the ones whose targets were missed.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from benchmarks.corpus import ensure_corpus
from benchmarks.measure import ROOT

OUT = ROOT / "benchmarks" / "out"
PROFILE_ARTICLES = 300  # enough for a stable profile in ~10-30 s on one core
TREE_DEPTH_PERCENT = 1.0  # hide call-tree frames under 1% of the total


def _save(profiler, name: str, out: Path) -> Path:
    from pyinstrument.renderers import ConsoleRenderer

    folder = out / "profiles"
    folder.mkdir(parents=True, exist_ok=True)
    session = profiler.last_session
    opts = {"filter_threshold": TREE_DEPTH_PERCENT / 100}
    tree = ConsoleRenderer(unicode=False, color=False, processor_options=opts).render(session)
    flat = ConsoleRenderer(unicode=False, color=False, flat=True).render(session)
    (folder / f"{name}.txt").write_text(tree)
    (folder / f"{name}-flat.txt").write_text(flat)
    return folder / f"{name}.txt"


def _corpus_files(out: Path, n: int, seed: int, dense: bool = False) -> list[str]:
    corpus, _ = ensure_corpus(out / "corpus", n, seed, "txt", dense=dense)
    return [str(p) for p in sorted(corpus.rglob("*.txt"))][:n]


def profile_ingest(out: Path, n: int, seed: int, *, again: bool = False) -> Path:
    """ingest_articles(workers=1) on ``n`` articles; ``again``: a second pass (duplicates)."""
    from pyinstrument import Profiler

    from tracker.ingest import articles_from_paths, ingest_articles

    files = _corpus_files(out, n, seed)
    db = out / "db" / "profile-ingest.duckdb"
    db.parent.mkdir(parents=True, exist_ok=True)
    for stale in (db, db.with_name(db.name + ".wal")):
        stale.unlink(missing_ok=True)
    if again:
        ingest_articles(articles_from_paths(files), db, workers=1)
    profiler = Profiler(interval=0.001)
    with profiler:
        ingest_articles(articles_from_paths(files), db, workers=1)
    return _save(profiler, "reingest" if again else "ingest", out)


class _Timed:
    """Delegates to ``target``; calls of the named methods add their time to ``bucket``."""

    def __init__(self, target, methods: dict[str, str], times: dict[str, float]) -> None:
        self._target, self._methods, self._times = target, methods, times

    def __getattr__(self, name: str):
        value = getattr(self._target, name)
        label = self._methods.get(name)
        if label is None or not callable(value):
            return value

        def timed(*args, **kwargs):
            start = time.process_time()
            try:
                return value(*args, **kwargs)
            finally:
                self._times[label] += time.process_time() - start

        return timed


def stage_breakdown(out: Path, n: int, seed: int, dense: bool = False) -> dict[str, float]:
    """CPU seconds per pipeline stage over ``n`` articles (the mixed or the dense corpus) in
    one process: score_article itself, with its stages' entry points wrapped in timers (in
    this process only), plus loading, the rows an ingest worker builds, the store, and bare
    VADER on every sentence of the same articles for scale."""
    import tracker.coding.score as score_module
    from tracker.load.reader import load_articles
    from tracker.store import Store
    from tracker.store.rows import scored_rows

    t: dict[str, float] = defaultdict(float)
    clock = time.process_time
    files = _corpus_files(out, n, seed, dense)
    articles = []
    start = clock()
    for path in files:
        articles.extend(load_articles(path, Path(path).read_bytes()))
    t["load (read, decode, front matter, dates, id)"] = clock() - start
    scorer = _timed_scorer(score_module.default_scorer(), t)
    labels = {
        "split_sentences": "segment (split_sentences)",
        "document_speaker": "speaker of the document",
        "with_first_person": "first-person mentions (with_first_person)",
        "attribute_dyads": "dyads (attribute_dyads)",
    }
    originals = {name: getattr(score_module, name) for name in labels}
    for name, function in originals.items():
        setattr(score_module, name, _timer(function, labels[name], t))
    try:
        start = clock()
        scored = [score_module.score_article(a, scorer) for a in articles]
        t["score_article total"] = clock() - start
    finally:
        for name, function in originals.items():
            setattr(score_module, name, function)
    staged = sum(v for k, v in t.items() if not k.startswith(("load", "score_article")))
    t["  rest of score_article (dataclasses, glue)"] = t["score_article total"] - staged
    start = clock()
    scored_rows(scored)
    t["rows (scored_rows: what an ingest worker sends back)"] = clock() - start
    db = out / "db" / "profile-stages.duckdb"
    for stale in (db, db.with_name(db.name + ".wal")):
        stale.unlink(missing_ok=True)
    start = clock()
    with Store(db) as store:
        store.add_scored(scored)
    t["store (add_scored, one transaction)"] = clock() - start
    sentences, t["bare VADER baseline: split + VADER on every sentence"] = _bare_vader(articles)
    counts = {
        "count: articles": len(articles),
        "count: sentences": sentences,
        "count: dyadic sentences": sum(len(x.dyad_sentences) for x in scored),
        "count: events": sum(len(x.events) for x in scored),
    }
    return {**t, **counts}


def _bare_vader(articles) -> tuple[int, float]:
    """Split and VADER every sentence (the baseline): (sentences, CPU seconds, the
    analyzer's construction left out)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from tracker.coding.sentences import split_sentences

    analyzer = SentimentIntensityAnalyzer()
    start = time.process_time()
    sentences = 0
    for article in articles:
        for s in split_sentences(article.text):
            analyzer.polarity_scores(s.text)
            sentences += 1
    return sentences, time.process_time() - start


def _timed_scorer(base, t: dict[str, float]):
    """``base`` with its matcher, tone model and event coder timed (a copy: the default
    scorer itself is left alone)."""
    import dataclasses

    events = {"analyse": "events: read each dyadic sentence (analyse)",
              "code_dyad": "events: each dyad (code_dyad)"}  # fmt: skip
    return dataclasses.replace(
        base,
        matcher=_Timed(base.matcher, {"find": "actors (matcher.find)"}, t),
        tone=_Timed(base.tone, {"score": "tone (dyadic sentences)"}, t),
        events=_Timed(base.events, events, t),
    )


def _timer(function, label: str, times: dict[str, float]):
    def timed(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            times[label] += time.process_time() - start

    return timed


def profile_timeline(out: Path, seed: int, repeats: int = 5) -> Path:
    from pyinstrument import Profiler

    from benchmarks.synth_store import build_store
    from tracker.index.timeline import compute_timeline
    from tracker.store import Store

    db = out / "db" / "store-200k.duckdb"
    if not db.exists():
        build_store(db, seed=seed)
    profiler = Profiler(interval=0.0005)
    with profiler, Store(db, read_only=True) as store:
        for _ in range(repeats):
            compute_timeline(store, ("RUS", "USA"), freq="M")
    return _save(profiler, "timeline", out)


def profile_dashboard(out: Path, seed: int) -> Path:
    """py-spy on the real Streamlit server (all threads) while chromium opens the page on
    the big store: a cold visit and one warm visit."""
    from benchmarks.dashboard_bench import summarise_collapsed, time_dashboard
    from benchmarks.synth_store import build_store

    db = out / "db" / "store-200k.duckdb"
    if not db.exists():
        build_store(db, seed=seed)
    raw = out / "profiles" / "dashboard.collapsed"
    timing = time_dashboard(db, out / "logs" / "dashboard-profile.log", 1, spy=raw)
    text = f"{timing}\n\n{summarise_collapsed(raw)}"
    path = out / "profiles" / "dashboard.txt"
    path.write_text(text)
    return path


def profile_missed(rows, out: Path, plan, seed: int) -> dict[str, str]:
    """Run the profiles that explain the missed targets; returns {name: path}."""
    missed = {r.bench for r in rows if r.met is False}
    reingest_missed = any(r.met is False and r.measure.startswith("re-ingest") for r in rows)
    done: dict[str, str] = {}
    if "scaling" in missed or any(
        r.met is False and r.measure.startswith("ingest vs") for r in rows
    ):
        done["ingest"] = str(profile_ingest(out, PROFILE_ARTICLES, seed))
        for dense in (False, True) if "dense" in missed else (False,):
            name = "stages-dense" if dense else "stages"
            stages = stage_breakdown(out, PROFILE_ARTICLES, seed, dense)
            (out / "profiles" / f"{name}.txt").write_text(_stages_text(stages))
            done[name] = str(out / "profiles" / f"{name}.txt")
    if reingest_missed:
        done["reingest"] = str(profile_ingest(out, PROFILE_ARTICLES, seed, again=True))
    if "timeline" in missed:
        done["timeline"] = str(profile_timeline(out, seed))
    if "dashboard" in missed:
        done["dashboard"] = str(profile_dashboard(out, seed))
    return done


def _stages_text(stages: dict[str, float]) -> str:
    width = max(len(k) for k in stages)
    lines = []
    for key, value in stages.items():
        number = f"{value:10.0f}" if key.startswith("count") else f"{value:10.3f}"
        lines.append(f"{key.ljust(width)}  {number}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("ingest", "reingest", "stages", "timeline", "dashboard"))
    parser.add_argument("--articles", type=int, default=PROFILE_ARTICLES)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--dense", action="store_true", help="stages: the dense corpus")
    args = parser.parse_args(argv)
    if args.what == "stages":
        text = _stages_text(stage_breakdown(OUT, args.articles, args.seed, args.dense))
        (OUT / "profiles").mkdir(parents=True, exist_ok=True)
        name = "stages-dense" if args.dense else "stages"
        (OUT / "profiles" / f"{name}.txt").write_text(text)
        print(text)
        return
    if args.what in ("ingest", "reingest"):
        path = profile_ingest(OUT, args.articles, args.seed, again=args.what == "reingest")
    elif args.what == "timeline":
        path = profile_timeline(OUT, args.seed)
    else:
        path = profile_dashboard(OUT, args.seed)
    print(path.read_text()[:6000])


if __name__ == "__main__":
    main()

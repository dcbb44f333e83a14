"""The benchmark suite: one command, one table of figures and ratios against baselines.

    python -m benchmarks.run [--quick | --full] [--articles N] [--seed S] [--only a,b]
                             [--profile] [--out benchmarks/out]

Measures (see docs/performance.md for the method and the latest figures):
  ingest     full ingest (load, segment, actors, tone, events, store in a fresh DuckDB) vs
             bare VADER on every sentence of the same files; re-ingest of the same corpus
  timeline   compute_timeline USA-RUS at D, W and M (state-space level, both bands) on 1M
             dyadic sentences / 200k articles vs a bare DuckDB GROUP BY at the same period
             unit (whole table, and filtered to the pair)
  scaling    ingest time and peak RSS of the process tree at 1k and 10k articles (+100k
             with --full)
  dashboard  request -> first rendered chart in chromium, 200k store vs the demo corpus
Results: a table on stdout and benchmarks/out/results.json. Exit status 0 even when a
target is missed (machines are noisy; the table says which).
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import sys
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.corpus import ensure_corpus
from benchmarks.measure import ROOT, Sampled, machine, median, run_sampled
from benchmarks.table import Row, render_table

MEASURES = ("ingest", "dense", "timeline", "scaling", "dashboard")
RSS_LIMIT_MB = 1536  # target: peak RSS < 1.5 GB
FLAT_RSS_RATIO = 1.25  # "flat in N": peak at the largest N within 25% of the smallest
TIMELINE_PAIR = ("RUS", "USA")


@dataclass
class Plan:
    articles: int
    scaling: tuple[int, ...]
    store_articles: int
    repeats: int
    ingest_repeats: int


PLANS = {
    "quick": Plan(
        articles=300, scaling=(200, 1000), store_articles=200_000, repeats=5, ingest_repeats=1
    ),
    "default": Plan(
        articles=2000, scaling=(1000, 10_000), store_articles=200_000, repeats=7, ingest_repeats=2
    ),
    "full": Plan(
        articles=2000,
        scaling=(1000, 10_000, 100_000),
        store_articles=200_000,
        repeats=9,
        ingest_repeats=3,
    ),
}


def _log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _ratio(a: float, b: float | None) -> float | None:
    return None if not b else a / b


def _fresh_db(path: Path) -> Path:
    for stale in (path, path.with_name(path.name + ".wal")):
        stale.unlink(missing_ok=True)
    return path


def _check(run: Sampled, what: str) -> dict:
    if run.returncode != 0 or "elapsed_s" not in run.result:
        raise RuntimeError(f"{what} failed (exit {run.returncode}):\n{run.log[-3000:]}")
    return run.result


# -- measures ------------------------------------------------------------------------------
def bench_ingest(out: Path, plan: Plan, seed: int, details: dict, dense: bool = False) -> list[Row]:
    """Ingest vs bare VADER on the mixed corpus (target 1.5x) or the dense one (1.2x)."""
    corpus, stats = ensure_corpus(out / "corpus", plan.articles, seed, "txt", dense)
    kind, target = ("dense", 1.2) if dense else ("mixed", 1.5)
    _log(f"{kind} corpus: {stats.articles} articles, {stats.words / stats.articles:.0f} words"
         f" avg, {stats.dyadic / stats.sentences:.0%} of sentences dyadic")  # fmt: skip
    db = out / "db" / "ingest.duckdb"
    db.parent.mkdir(parents=True, exist_ok=True)
    vaders: list[Sampled] = []
    firsts: list[Sampled] = []
    for rep in range(plan.ingest_repeats):  # interleaved; the best of each is kept
        _log(f"bare VADER ({rep + 1}/{plan.ingest_repeats}) ...")
        run = run_sampled(["-m", "benchmarks.child", "vader", str(corpus)], out / "logs/vader.log")
        _check(run, "bare VADER")
        vaders.append(run)
        _log(f"ingest ({rep + 1}/{plan.ingest_repeats}) ...")
        _fresh_db(db)
        run = run_sampled(
            ["-m", "benchmarks.child", "ingest", "--db", str(db), str(corpus)],
            out / "logs/ingest.log",
        )
        _check(run, "ingest")
        firsts.append(run)
    _log("re-ingest ...")
    again = run_sampled(
        ["-m", "benchmarks.child", "ingest", "--db", str(db), str(corpus)],
        out / "logs/reingest.log",
    )
    r = _check(again, "re-ingest")
    vader = min(vaders, key=lambda x: x.result["elapsed_s"])
    first = min(firsts, key=lambda x: x.result["elapsed_s"])
    v, f = vader.result, first.result
    last = firsts[-1].result  # the database the re-ingest ran against

    def info(run: Sampled) -> dict:
        return {
            **run.result,
            "peak_rss_mb": run.peak_rss_mb,
            "peak_main_rss_mb": run.peak_main_rss / 2**20,
            "wall_s": run.wall_s,
            "cpu_s": run.cpu_s,
            "load_before": run.load_before,
        }

    details[kind] = {
        "corpus": asdict(stats),
        "vader_runs": [info(x) for x in vaders],
        "ingest_runs": [info(x) for x in firsts],
        "reingest": info(again),
    }
    n = plan.articles
    ours_aps, base_aps = n / f["elapsed_s"], v["articles"] / v["elapsed_s"]
    ours_sps, base_sps = f["sentences"] / f["elapsed_s"], v["sentences"] / v["elapsed_s"]
    ratio = ours_aps / base_aps
    ingest_cpu = min(x.cpu_s for x in firsts)  # CPU time is less noisy than wall time
    vader_cpu = min(x.cpu_s for x in vaders)
    cpu_ratio = vader_cpu / ingest_cpu  # >1: ingest needs less CPU than bare VADER
    busy = first.cpu_s / f["elapsed_s"]  # cores kept busy on average (2 = both, always)
    note = (
        f"{f['added']} added, {f['failed']} failed; {f['dyad_sentences']} dyadic sentences, "
        f"{f['events']} events; best of {plan.ingest_repeats}; load avg before "
        f"{first.load_before:.1f}"
    )
    if f["added"] != n:
        note += f" (expected {n} added)"
    reingest_ratio = r["elapsed_s"] / last["elapsed_s"]
    return [
        Row(f"ingest vs bare VADER, {n} {kind} articles", ours_aps, base_aps, "articles/s",
            ratio, f">= {target}x", ratio >= target, note),
        Row("  same, per sentence", ours_sps, base_sps, "sentences/s",
            ours_sps / base_sps, "(info)", None,
            f"{f['sentences']} vs {v['sentences']} sentences segmented"),
        Row("  same, CPU seconds (all processes)", ingest_cpu, vader_cpu, "s", cpu_ratio,
            "(info) baseline/ours", None,
            f"min of runs; ingest kept {busy:.2f} cores busy on average"),
        Row("  same, projected on 2 idle cores", 2 * n / ingest_cpu, n / vader_cpu,
            "articles/s", 2 * cpu_ratio, "(info) upper bound", None,
            "articles per CPU-second; ingest x2 cores, perfect overlap assumed"),
        Row(f"re-ingest (all duplicates) vs first ingest, {n}", r["elapsed_s"],
            last["elapsed_s"], "s", reingest_ratio, "<= 0.1x", reingest_ratio <= 0.1,
            f"{r['duplicates']} duplicates, {r['added']} added"),
    ]  # fmt: skip


TIMELINE_FREQS = {"D": "day", "W": "week", "M": "month"}


def _bare_queries(unit: str) -> tuple[str, str]:
    """The bare GROUP BY a user would otherwise run, at one period unit (a constant)."""
    if unit not in TIMELINE_FREQS.values():
        raise ValueError(unit)
    bare_all = (
        f"SELECT pair_a, pair_b, date_trunc('{unit}', published_at) AS m, avg(tone) "  # noqa: S608 -- unit from TIMELINE_FREQS
        "FROM dyad_sentences GROUP BY ALL"
    )
    bare_pair = (
        f"SELECT date_trunc('{unit}', published_at) AS m, avg(tone) FROM dyad_sentences "  # noqa: S608 -- unit from TIMELINE_FREQS
        "WHERE pair_a = ? AND pair_b = ? GROUP BY ALL"
    )
    return bare_all, bare_pair


def _time_interleaved(runs: dict, repeats: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in runs}
    for run in runs.values():
        run()  # warm-up
    names = list(runs)
    for rep in range(repeats):
        for name in names[rep % len(names) :] + names[: rep % len(names)]:  # rotated
            start = time.perf_counter()
            runs[name]()
            times[name].append(time.perf_counter() - start)
    return times


def bench_timeline(out: Path, plan: Plan, seed: int, details: dict) -> list[Row]:
    """compute_timeline (the state-space series with both bands) of one pair over the whole
    store at D, W and M, each against the bare GROUP BY at the same period unit."""
    from benchmarks.synth_store import build_store
    from tracker.index.timeline import compute_timeline
    from tracker.store import Store

    db = out / "db" / f"store-{plan.store_articles // 1000}k.duckdb"
    db.parent.mkdir(parents=True, exist_ok=True)
    _log(f"building the {plan.store_articles:,}-article store ...")
    built = build_store(db, articles=plan.store_articles, seed=seed)
    _log(f"store: {json.dumps(built, default=str)}")
    a, b = TIMELINE_PAIR
    rows, info = [], {"store": built}
    with Store(db, read_only=True) as store:
        for freq, unit in TIMELINE_FREQS.items():
            bare_all, bare_pair = _bare_queries(unit)
            runs = {
                "timeline": lambda f=freq: compute_timeline(store, TIMELINE_PAIR, freq=f),
                "bare_all": lambda q=bare_all: store.con.execute(q).fetchall(),
                "bare_pair": lambda q=bare_pair: store.con.execute(q, [a, b]).fetchall(),
            }
            frame = compute_timeline(store, TIMELINE_PAIR, freq=freq)
            times = _time_interleaved(runs, plan.repeats)
            med = {k: median(v) for k, v in times.items()}
            info[freq] = {"times_s": times, "median_s": med, "periods": len(frame)}
            r_all, r_pair = med["timeline"] / med["bare_all"], med["timeline"] / med["bare_pair"]
            every = {"day": "daily"}.get(unit, f"{unit}ly")
            label = f"timeline {a}-{b} {every}, smoothed+filtered bands"
            rows += [
                Row(f"{label} vs bare GROUP BY (all pairs)", med["timeline"], med["bare_all"],
                    "s", r_all, "<= 3x", r_all <= 3, f"median of {plan.repeats}, interleaved"),
                Row(f"  same vs bare GROUP BY filtered to the pair ({unit})", med["timeline"],
                    med["bare_pair"], "s", r_pair, "<= 3x", r_pair <= 3,
                    f"{len(frame)} periods"),
            ]  # fmt: skip
    opened = []
    for _ in range(plan.repeats):  # as the dashboard and CLI do: open, compute, close
        start = time.perf_counter()
        with Store(db, read_only=True) as store:
            compute_timeline(store, TIMELINE_PAIR, freq="M")
        opened.append(time.perf_counter() - start)
    base = info["M"]["median_s"]["bare_pair"]
    rows.append(
        Row("  timeline (month) incl. opening the store", median(opened), base, "s",
            median(opened) / base, "(info)", None, "short-lived connection, as CLI/dashboard")
    )  # fmt: skip
    details["timeline"] = info
    return rows


def bench_scaling(out: Path, plan: Plan, seed: int, details: dict) -> list[Row]:
    rows: list[Row] = []
    points = []
    for n in plan.scaling:
        corpus, _ = ensure_corpus(out / "corpus", n, seed, "jsonl")
        db = _fresh_db(out / "db" / f"scale-{n}.duckdb")
        _log(f"scaling: ingest {n:,} articles ...")
        run = run_sampled(
            ["-m", "benchmarks.child", "ingest", "--db", str(db), str(corpus)],
            out / f"logs/scale-{n}.log",
        )
        result = _check(run, f"ingest of {n}")
        point = {
            "articles": n,
            "elapsed_s": result["elapsed_s"],
            "wall_s": run.wall_s,
            "peak_rss_mb": run.peak_rss_mb,
            "processes_at_peak": run.peak_processes,
            "peak_main_rss_mb": run.peak_main_rss / 2**20,
            "cpu_s": run.cpu_s,
            "load_before": run.load_before,
            "added": result["added"],
            "failed": result["failed"],
            "db_mb": db.stat().st_size / 2**20,
        }
        points.append(point)
        _log(f"  {json.dumps(point)}")
        rows.append(
            Row(f"ingest peak RSS (process tree), {n:,} articles", run.peak_rss_mb, None, "MB",
                None, f"< {RSS_LIMIT_MB} MB", run.peak_rss_mb < RSS_LIMIT_MB,
                f"{result['elapsed_s']:.1f} s, {n / result['elapsed_s']:.0f} articles/s, "
                f"{run.peak_processes} processes, main process peak "
                f"{run.peak_main_rss / 2**20:.0f} MB, load avg {run.load_before:.1f}")
        )  # fmt: skip
    details["scaling"] = points
    lo, hi = points[0], points[-1]
    growth = hi["peak_rss_mb"] / lo["peak_rss_mb"]
    rows.append(
        Row(f"  peak RSS growth {lo['articles']:,} -> {hi['articles']:,}", hi["peak_rss_mb"],
            lo["peak_rss_mb"], "MB", growth, f"flat (<= {FLAT_RSS_RATIO}x)",
            growth <= FLAT_RSS_RATIO)
    )  # fmt: skip
    per_lo = lo["elapsed_s"] / lo["articles"]
    per_hi = hi["elapsed_s"] / hi["articles"]
    rows.append(
        Row(f"  time per article {lo['articles']:,} -> {hi['articles']:,}", per_hi * 1000,
            per_lo * 1000, "ms", per_hi / per_lo, "(info) ~1x = linear", None)
    )  # fmt: skip
    return rows


def bench_dashboard(out: Path, plan: Plan, seed: int, details: dict) -> list[Row]:
    from benchmarks.dashboard_bench import (
        FLOOR_APP,
        DashboardUnavailable,
        check_available,
        time_dashboard,
    )

    try:
        check_available()
        big = out / "db" / f"store-{plan.store_articles // 1000}k.duckdb"
        if not big.exists():
            from benchmarks.synth_store import build_store

            build_store(big, articles=plan.store_articles, seed=seed)
        demo = _fresh_db(out / "db" / "demo.duckdb")
        _log("loading the demo corpus ...")
        loaded = run_sampled(
            ["-c", f"from tracker.demo import load_demo; r = load_demo({str(demo)!r}); "
             "import json; print(json.dumps({'elapsed_s': 0, 'added': len(r.added)}))"],
            out / "logs/demo.log",
        )  # fmt: skip
        _check(loaded, "demo load")
        _log("floor: a minimal Streamlit page with one plotly chart ...")
        floor_app = out / "floor_app.py"
        floor_app.write_text(FLOOR_APP)
        floor = time_dashboard(demo, out / "logs/dashboard-floor.log", script=floor_app)
        _log("dashboard on the demo store ...")
        small = time_dashboard(demo, out / "logs/dashboard-demo.log")
        _log("dashboard on the big store ...")
        large = time_dashboard(big, out / "logs/dashboard-big.log")
    except DashboardUnavailable as error:
        _log(str(error))
        details["dashboard"] = {"skipped": str(error)}
        return [Row("dashboard", math.nan, None, "s", None, "<= 3x", None, str(error)[:200])]
    details["dashboard"] = {
        "demo": asdict(small),
        "big": asdict(large),
        "floor": asdict(floor),
        "demo_added": loaded.result.get("added"),
    }
    cold, warm = large.cold_s / small.cold_s, large.warm_s / small.warm_s
    k = plan.store_articles // 1000
    return [
        Row(f"dashboard first chart, {k}k store vs demo (cold)", large.cold_s, small.cold_s,
            "s", cold, "<= 3x", cold <= 3, "first visit after server start"),
        Row("  same, warm (new session, caches warm)", large.warm_s, small.warm_s, "s", warm,
            "<= 3x", warm <= 3, "median of 3 visits"),
        Row("  floor: minimal page, one plotly chart (cold / warm)", floor.cold_s,
            floor.warm_s, "s", None, "(info)", None,
            "Streamlit + chromium + plotly.js alone; ours minus this = the app's own time"),
    ]  # fmt: skip


BENCHES = {
    "ingest": bench_ingest,
    "dense": lambda out, plan, seed, details: bench_ingest(out, plan, seed, details, True),
    "timeline": bench_timeline,
    "scaling": bench_scaling,
    "dashboard": bench_dashboard,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the tracker benchmark suite.")
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="small sizes (~2-3 minutes)")
    size.add_argument("--full", action="store_true", help="adds scaling at 100k articles")
    parser.add_argument("--articles", type=int, help="articles for ingest vs VADER")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--only", help=f"comma-separated subset of {','.join(MEASURES)}")
    parser.add_argument("--profile", action="store_true", help="profile the missed targets")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    parser.add_argument("--clean", action="store_true", help="delete cached corpora first")
    args = parser.parse_args(argv)
    plan = PLANS["quick" if args.quick else "full" if args.full else "default"]
    if args.articles:
        plan.articles = args.articles
    only = args.only.split(",") if args.only else list(MEASURES)
    unknown = set(only) - set(MEASURES)
    if unknown:
        parser.error(f"unknown measure(s) {sorted(unknown)}; choose from {MEASURES}")
    out: Path = args.out
    if args.clean:
        shutil.rmtree(out / "corpus", ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)

    started = time.perf_counter()
    rows: list[Row] = []
    details: dict = {}
    errors: dict[str, str] = {}
    for name in only:
        _log(f"== {name}")
        t0 = time.perf_counter()
        try:
            made = BENCHES[name](out, plan, args.seed, details)
            for row in made:
                row.bench = name
            rows += made
        except Exception as error:  # one broken measure must not hide the others
            errors[name] = f"{type(error).__name__}: {error}"
            _log(f"{name} FAILED: {errors[name][:3000]}")
            rows.append(Row(name, math.nan, None, "", None, "", False, "FAILED", name))
        _log(f"== {name} took {time.perf_counter() - t0:.1f} s")
    total = time.perf_counter() - started
    table = render_table(rows)
    print(table)
    print(f"\ntotal {total:.0f} s; results in {out / 'results.json'}")
    profiles = {}
    if args.profile:
        from benchmarks.profile import profile_missed

        profiles = profile_missed(rows, out, plan, args.seed)
    results = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "plan": asdict(plan),
        "seed": args.seed,
        "total_s": total,
        "rows": [asdict(r) for r in rows],
        "details": details,
        "errors": errors,
        "profiles": profiles,
        "table": table,
    }
    (out / "results.json").write_text(json.dumps(results, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())

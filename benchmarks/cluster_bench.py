"""Issue 17's measures: ingest on a Dask LocalCluster, timeline over a Parquet archive.

    python -m benchmarks.cluster_bench [--articles 10000] [--repeats 1]
                                       [--sizes 1,3,10] [--only ingest,archive,dashboard]

  ingest     the same corpus (.txt, one article a file) ingested, each run its own process
             timed from after imports to the end (the pool's or the cluster's start included):
             local ingest (today: process pool on every core) into a fresh DuckDB file;
             --cluster local:2 and local:1 into a fresh file; local:2 into a Parquet archive.
             Runs interleaved per repeat, best of each kept.
  archive    a synthetic store of N million dyadic sentences (benchmarks/synth_store.py)
             exported to the archive layout (hive pair_a/pair_b/month, one file a
             partition, as after tracker compact), attached to an empty store: the timeline
             (compute_timeline RUS-USA monthly + band, one open connection) vs a bare DuckDB
             GROUP BY over the same files, whole archive and filtered to the pair; median of
             --timeline-repeats, interleaved and rotated.
  dashboard  first chart in chromium on the largest archive attached vs the same rows in a
             DuckDB store (benchmarks/dashboard_bench.py).

Also ``python -m benchmarks.cluster_bench child SPEC --db DB | --archive DIR PATH`` (one run).
Results: a table on stdout and benchmarks/out/cluster-results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from dataclasses import asdict
from pathlib import Path

from benchmarks.corpus import ensure_corpus
from benchmarks.measure import Sampled, machine, median, run_sampled
from benchmarks.table import Row, render_table

PAIR = ("RUS", "USA")


def _log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- the measured child ----------------------------------------------------------------------
def child(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("spec")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--db")
    parser.add_argument("--archive")
    args = parser.parse_args(argv)
    from tracker.cluster.run import cluster_ingest
    from tracker.cluster.session import cluster_client

    start = time.perf_counter()
    with cluster_client(args.spec) as client:
        up = time.perf_counter() - start
        report = cluster_ingest(args.paths, client, db=args.db, archive=args.archive)
        elapsed = time.perf_counter() - start
        # the workers' own CPU time (also counted in the tree's, for reference)
        workers_cpu = sum(client.run(_own_cpu_s).values())
    own = _own_cpu_s()
    print(json.dumps({"elapsed_s": elapsed, "cluster_start_s": up, "added": len(report.added),
                      "failed": len(report.failed), "workers_cpu_s": workers_cpu,
                      "client_cpu_s": own}))  # fmt: skip


def _own_cpu_s() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


# -- ingest throughput -----------------------------------------------------------------------
def _fresh(path: Path) -> Path:
    if path.is_dir():
        shutil.rmtree(path)
    for stale in (path, path.with_name(path.name + ".wal")):
        stale.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def time_ordered(corpus: Path) -> Path:
    """A copy of ``corpus`` whose dates follow the file order (as a feed arrives: a batch
    then touches one or two months, not all 144 of the uniformly dated corpus)."""
    from datetime import timedelta

    from benchmarks.corpus import FIRST_DAY, SPAN_DAYS

    target = corpus.with_name(corpus.name + "-ordered")
    marker = target / ".complete"
    if marker.exists():
        return target
    files = sorted(corpus.rglob("*.txt"))
    for i, path in enumerate(files):
        day = FIRST_DAY + timedelta(days=i * SPAN_DAYS // len(files))
        text = path.read_text(encoding="utf-8")
        head, sep, body = text.partition("\n\n")
        lines = [f"date: {day}" if line.startswith("date: ") else line for line in head.split("\n")]
        copy = target / path.relative_to(corpus)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text("\n".join(lines) + sep + body, encoding="utf-8")
    marker.write_text("")
    return target


def bench_ingest(out: Path, articles: int, repeats: int, details: dict) -> list[Row]:
    corpus, stats = ensure_corpus(out / "corpus", articles, 7, "txt")
    ordered = time_ordered(corpus)
    db, archive = out / "db" / "cluster-ingest.duckdb", out / "db" / "cluster-archive"
    names = ("local", "local:2", "local:1", "archive", "local-ordered", "archive-ordered")
    runs: dict[str, list[Sampled]] = {name: [] for name in names}
    commands = {
        "local": ["-m", "benchmarks.child", "ingest", "--db", str(db), str(corpus)],
        "local:2": ["-m", "benchmarks.cluster_bench", "child", "local:2", "--db", str(db),
                    str(corpus)],
        "local:1": ["-m", "benchmarks.cluster_bench", "child", "local:1", "--db", str(db),
                    str(corpus)],
        "archive": ["-m", "benchmarks.cluster_bench", "child", "local:2", "--archive",
                    str(archive), str(corpus)],
        "local-ordered": ["-m", "benchmarks.child", "ingest", "--db", str(db), str(ordered)],
        "archive-ordered": ["-m", "benchmarks.cluster_bench", "child", "local:2", "--archive",
                            str(archive), str(ordered)],
    }  # fmt: skip
    for rep in range(repeats):
        for name, command in commands.items():
            _fresh(db)
            _fresh(archive)
            _log(f"ingest {name} ({rep + 1}/{repeats}), load {os.getloadavg()[0]:.1f} ...")
            run = run_sampled(command, out / f"logs/cluster-{name.replace(':', '')}.log")
            if "archive" in name:
                run.result["files"] = sum(1 for _ in archive.rglob("*.parquet"))
            if run.returncode != 0 or "elapsed_s" not in run.result:
                raise RuntimeError(f"{name} failed:\n{run.log[-3000:]}")
            _log(f"  {run.result['elapsed_s']:.1f} s, cpu {run.cpu_s:.1f} s, {run.result}")
            runs[name].append(run)
    best = {k: min(v, key=lambda r: r.result["elapsed_s"]) for k, v in runs.items()}
    t = {k: r.result["elapsed_s"] for k, r in best.items()}
    details["ingest"] = {
        "corpus": stats.__dict__,
        "runs": {k: [{**r.result, "cpu_s": r.cpu_s, "load_before": r.load_before,
                      "peak_rss_mb": r.peak_rss_mb} for r in v] for k, v in runs.items()},
    }  # fmt: skip
    cpu = {k: min(_cpu_of(r) for r in v) for k, v in runs.items()}
    n = articles
    loads = ", ".join(f"{k} {r.load_before:.1f}" for k, r in best.items())
    vs_local = t["local"] / t["local:2"]
    efficiency = t["local:1"] / (2 * t["local:2"])
    to_archive = t["local"] / t["archive"]
    return [
        Row(f"ingest --cluster local:2 vs local ingest, {n:,} articles", n / t["local:2"],
            n / t["local"], "articles/s", vs_local, ">= 0.9x", vs_local >= 0.9,
            f"best of {repeats}; cluster start {best['local:2'].result['cluster_start_s']:.1f} s "
            f"included; load before: {loads}"),
        Row("  scaling: local:2 vs local:1 (efficiency = T1 / 2 T2)", n / t["local:2"],
            n / t["local:1"], "articles/s", efficiency, ">= 0.85", efficiency >= 0.85,
            "2 cores shared with other work: see the load"),
        Row("  local:2 into a Parquet archive vs local ingest", n / t["archive"],
            n / t["local"], "articles/s", to_archive, "(info)", None,
            "uniform dates: every batch writes a file in each of 144 months x 5 tables"),
        Row("  same on a time-ordered corpus (as a feed arrives)", n / t["archive-ordered"],
            n / t["local-ordered"], "articles/s", t["local-ordered"] / t["archive-ordered"],
            "(info)", None, "dates follow the file order; baseline: local ingest of it"),
        Row("  CPU seconds local:2 vs local (all processes)", cpu["local:2"], cpu["local"], "s",
            cpu["local:2"] / cpu["local"], "(info)", None,
            "min of runs; client (scheduler, nannies) + workers vs the pool's process tree"),
        Row("  same, projected on 2 idle cores", 2 * n / cpu["local:2"], 2 * n / cpu["local"],
            "articles/s", cpu["local"] / cpu["local:2"], "(info) >= 0.9x", None,
            "articles per CPU-second x 2: the ratio a quiet machine would show"),
    ]  # fmt: skip


def _cpu_of(run: Sampled) -> float:
    """CPU seconds of a run's process tree (spawned workers are reaped children: counted;
    ``workers_cpu_s`` in the result is their own report, kept for reference)."""
    return run.cpu_s


# -- timeline over an archive ----------------------------------------------------------------
def export_archive(store_db: Path, location: Path) -> dict:
    """The store's rows in the archive layout, one file per partition (as compacted):
    month partitions, rows clustered by pair in row groups of ROW_GROUP_ROWS."""
    import duckdb
    import pyarrow as pa
    import pyarrow.dataset as ds

    from tracker.archive.layout import ROW_GROUP_ROWS, TABLE_SCHEMAS, clustering_of, open_archive
    from tracker.archive.staging import ensure_layout

    _fresh(location)
    location.mkdir(parents=True)
    start = time.perf_counter()
    con = duckdb.connect(str(store_db), read_only=True)
    try:
        for table in TABLE_SCHEMAS:  # constant names
            order = ", ".join(column for column, _ in clustering_of(table))
            reader = con.sql(
                f"SELECT *, strftime(published_at, '%Y-%m') AS month FROM {table} "  # noqa: S608
                f"ORDER BY month, {order}"
            ).to_arrow_reader(batch_size=1 << 16)
            ds.write_dataset(
                reader, str(location / table), format="parquet",
                partitioning=ds.partitioning(pa.schema([("month", pa.string())]), flavor="hive"),
                basename_template="compacted-synthetic-{i}.parquet",
                min_rows_per_group=ROW_GROUP_ROWS, max_rows_per_group=ROW_GROUP_ROWS,
                file_options=ds.ParquetFileFormat().make_write_options(compression="zstd"),
            )  # fmt: skip
        manifest = con.sql("SELECT id, published_at, 'synthetic' AS batch FROM articles")
        (location / "_manifest").mkdir(parents=True, exist_ok=True)
        import pyarrow.parquet as pq

        pq.write_table(
            manifest.to_arrow_table(), location / "_manifest" / "batch-synthetic.parquet"
        )
    finally:
        con.close()
    ensure_layout(open_archive(str(location)))
    files = sum(1 for _ in location.rglob("*.parquet"))
    size = sum(p.stat().st_size for p in location.rglob("*.parquet"))
    return {"export_s": time.perf_counter() - start, "files": files, "mb": size / 2**20}


def time_archive(location: Path, attach_db: Path, repeats: int) -> dict:
    import duckdb

    from tracker.index.timeline import compute_timeline
    from tracker.store import Store
    from tracker.store.archive_sql import table_glob

    _fresh(attach_db)
    with Store(attach_db) as store:
        store.attach_archive(str(location))
    files = table_glob(str(location), "dyad_sentences").replace("'", "''")
    scan = f"read_parquet('{files}', hive_partitioning = true)"
    bare_all = (
        "SELECT pair_a, pair_b, date_trunc('month', published_at) AS m, avg(tone) "  # noqa: S608
        f"FROM {scan} GROUP BY ALL"
    )
    bare_pair = (
        "SELECT date_trunc('month', published_at) AS m, avg(tone) "  # noqa: S608
        f"FROM {scan} WHERE pair_a = ? AND pair_b = ? GROUP BY ALL"
    )
    bare = duckdb.connect()
    times: dict[str, list[float]] = {"timeline": [], "bare_all": [], "bare_pair": [], "open": []}
    with Store(attach_db, read_only=True) as store:
        runs = {
            "timeline": lambda: compute_timeline(store, PAIR, freq="M"),
            "bare_all": lambda: bare.execute(bare_all).fetchall(),
            "bare_pair": lambda: bare.execute(bare_pair, list(PAIR)).fetchall(),
        }
        frame = runs["timeline"]()
        runs["bare_all"]()
        runs["bare_pair"]()
        names = list(runs)
        for rep in range(repeats):
            for name in names[rep % 3 :] + names[: rep % 3]:
                start = time.perf_counter()
                runs[name]()
                times[name].append(time.perf_counter() - start)
    for _ in range(repeats):
        start = time.perf_counter()
        with Store(attach_db, read_only=True) as store:
            compute_timeline(store, PAIR, freq="M")
        times["open"].append(time.perf_counter() - start)
    bare.close()
    return {"times_s": times, "median_s": {k: median(v) for k, v in times.items()},
            "periods": len(frame)}  # fmt: skip


def bench_archive(
    out: Path, sizes: list[float], repeats: int, details: dict, *, reuse: bool = False
) -> list[Row]:
    from benchmarks.synth_store import SENTENCES_PER_ARTICLE, build_store

    rows: list[Row] = []
    details["archive"] = []
    for millions in sizes:
        articles = int(millions * 1_000_000 / SENTENCES_PER_ARTICLE)
        label = f"{millions:g}M"
        store_db = out / "db" / f"archive-src-{label}.duckdb"
        location = out / "db" / f"archive-{label}"
        made = location.with_name(location.name + ".json")  # what built it (for --reuse)
        if reuse and made.exists():
            built, exported = json.loads(made.read_text())
            _log(f"archive {label}: reusing {location}")
        else:
            _log(f"archive {label}: building a {articles:,}-article store ...")
            built = build_store(_fresh(store_db), articles=articles, seed=7)
            _log(f"  built in {built['build_s']:.0f} s; exporting to {location} ...")
            exported = export_archive(store_db, location)
            made.write_text(json.dumps([built, exported], default=str))
            store_db.unlink(missing_ok=True)
        _log(f"  {exported}; timing ...")
        timed = time_archive(location, out / "db" / f"attached-{label}.duckdb", repeats)
        med = timed["median_s"]
        details["archive"].append({"sentences_m": millions, "store": built, **exported, **timed})
        r_all, r_pair = med["timeline"] / med["bare_all"], med["timeline"] / med["bare_pair"]
        note = (f"{exported['files']:,} files, {exported['mb']:.0f} MB; median of {repeats}; "
                f"load {os.getloadavg()[0]:.1f}")  # fmt: skip
        rows += [
            Row(f"timeline {'-'.join(PAIR)} over a {label}-sentence archive vs bare GROUP BY",
                med["timeline"], med["bare_all"], "s", r_all, "<= 3x", r_all <= 3, note),
            Row("  same vs bare GROUP BY filtered to the pair", med["timeline"],
                med["bare_pair"], "s", r_pair, "<= 3x", r_pair <= 3,
                f"{timed['periods']} periods; {built['usa_rus_sentences']:,} pair sentences"),
            Row("  timeline incl. opening the store (views made)", med["open"],
                med["bare_pair"], "s", med["open"] / med["bare_pair"], "(info)", None, ""),
        ]  # fmt: skip
        _log(f"  timeline {med['timeline']:.3f} s, bare all {med['bare_all']:.3f} s, "
             f"bare pair {med['bare_pair']:.3f} s")  # fmt: skip
    return rows


def bench_dashboard(out: Path, sizes: list[float], details: dict) -> list[Row]:
    from benchmarks.dashboard_bench import DashboardUnavailable, check_available, time_dashboard
    from benchmarks.synth_store import SENTENCES_PER_ARTICLE, build_store

    label = f"{max(sizes):g}M"
    attached = out / "db" / f"attached-{label}.duckdb"
    try:
        check_available()
        if not attached.exists():
            raise DashboardUnavailable(f"run the archive measure first ({attached} missing)")
        store_db = out / "db" / f"archive-src-{label}.duckdb"
        articles = int(max(sizes) * 1_000_000 / SENTENCES_PER_ARTICLE)
        build_store(_fresh(store_db), articles=articles, seed=7)
        _log("dashboard on the DuckDB store ...")
        base = time_dashboard(store_db, out / "logs/dashboard-store.log")
        _log("dashboard on the attached archive ...")
        ours = time_dashboard(attached, out / "logs/dashboard-archive.log")
    except DashboardUnavailable as error:
        return [Row("dashboard on an archive", float("nan"), None, "s", None, "(info)", None,
                    str(error)[:200])]  # fmt: skip
    details["dashboard"] = {"archive": asdict(ours), "store": asdict(base)}
    return [
        Row(f"dashboard first chart, {label}-sentence archive vs same rows in DuckDB (cold)",
            ours.cold_s, base.cold_s, "s", ours.cold_s / base.cold_s, "(info)", None,
            f"load {os.getloadavg()[0]:.1f}"),
        Row("  same, warm (median of later visits)", ours.warm_s, base.warm_s, "s",
            ours.warm_s / base.warm_s, "(info)", None, ""),
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["child"]:
        child(argv[1:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--timeline-repeats", type=int, default=7)
    parser.add_argument("--sizes", default="1,3,10", help="archive sizes, million sentences")
    parser.add_argument("--only", default="ingest,archive,dashboard")
    parser.add_argument("--reuse", action="store_true", help="keep archives built before")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/out"))
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    sizes = [float(s) for s in args.sizes.split(",")]
    details: dict = {"machine": machine(), "started": time.strftime("%Y-%m-%d %H:%M:%S")}
    rows: list[Row] = []
    if "ingest" in only:
        rows += bench_ingest(args.out, args.articles, args.repeats, details)
    if "archive" in only:
        rows += bench_archive(args.out, sizes, args.timeline_repeats, details, reuse=args.reuse)
    if "dashboard" in only:
        rows += bench_dashboard(args.out, sizes, details)
    print(render_table(rows))
    details["rows"] = [asdict(row) for row in rows]
    (args.out / "cluster-results.json").write_text(json.dumps(details, indent=2, default=str))


if __name__ == "__main__":
    main()

"""Ingest on a real distributed.LocalCluster (processes, 2 workers).

Every client call has a timeout, and the cluster is closed by the fixture's finalizer, so a
broken cluster fails these tests instead of hanging them.
"""

from __future__ import annotations

import io
import os
import shutil
import signal
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from benchmarks.corpus import write_corpus
from tracker.cli import main
from tracker.cluster.run import cluster_ingest
from tracker.cluster.session import cluster_client
from tracker.index.timeline import compute_timeline
from tracker.ingest import articles_from_paths, ingest_articles
from tracker.store import Store

TIMEOUT = 120  # seconds, for any one result: far above a batch's cost
pytestmark = pytest.mark.timeout(300)  # a test that hangs fails (calls without a timeout)
TABLES = ("articles", "dyad_sentences", "events", "article_pair_tone", "article_direction_tone")


@pytest.fixture(scope="module")
def client():
    with cluster_client("local:2", timeout=60) as client:
        client.wait_for_workers(2, timeout=60)
        yield client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """36 articles, one of them twice (another name), a file without a date, an empty file."""
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder / "news", 36, 5, "txt")
    first = sorted((folder / "news").rglob("*.txt"))[3]
    shutil.copyfile(first, folder / "news" / "zz-copy.txt")
    (folder / "news" / "undated.txt").write_text("Russia and the United States held talks.\n")
    (folder / "news" / "empty.txt").write_text("")
    return folder / "news"


@pytest.fixture(scope="module")
def local(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("local") / "local.duckdb"
    report = ingest_articles(articles_from_paths([str(corpus)]), db, workers=1)
    return db, report


def rows(db: Path, table: str) -> pd.DataFrame:
    with Store(db, read_only=True) as store:
        frame = store.con.execute(f"SELECT * FROM {table}").df()
    frame = frame.drop(columns=["ingested_at"], errors="ignore")
    return frame.sort_values(list(frame.columns)).reset_index(drop=True)


def outcome(report) -> tuple:
    return (
        sorted(report.added),
        sorted(report.duplicates),
        sorted((f.file, f.reason) for f in report.failed),
    )


@pytest.mark.parametrize("window", [512, 3], ids=["one-write", "a-write-per-few-articles"])
def test_cluster_ingest_equals_local_ingest_row_for_row(client, corpus, local, tmp_path, window):
    local_db, local_report = local
    db = tmp_path / "cluster.duckdb"
    report = cluster_ingest(
        [str(corpus)], client, db=db, max_files=5, timeout=TIMEOUT, window=window
    )
    assert outcome(report) == outcome(local_report)
    assert len(report.added) == 36 and len(report.duplicates) == 1 and len(report.failed) == 2
    for table in TABLES:
        pd.testing.assert_frame_equal(rows(db, table), rows(local_db, table), check_exact=True)
    again = cluster_ingest(
        [str(corpus)], client, db=db, max_files=5, timeout=TIMEOUT, window=window
    )
    assert again.added == [] and len(again.duplicates) == 37
    assert outcome(again)[2] == outcome(report)[2]
    assert rows(db, "articles").shape[0] == 36


def archive_ids(location: Path) -> list[str]:
    with Store(location.parent / "read.duckdb") as store:
        store.attach_archive(str(location))
    with Store(location.parent / "read.duckdb", read_only=True) as store:
        return [r[0] for r in store.con.execute("SELECT id FROM articles").fetchall()]


def test_a_repeated_archive_run_adds_nothing(client, corpus, local, tmp_path):
    location = tmp_path / "archive"
    first = cluster_ingest(
        [str(corpus)], client, archive=str(location), max_files=5, timeout=TIMEOUT
    )
    files = sorted(location.rglob("*.parquet"))
    second = cluster_ingest(
        [str(corpus)], client, archive=str(location), max_files=7, timeout=TIMEOUT
    )
    assert outcome(first)[0] == outcome(local[1])[0] and len(first.failed) == 2
    assert second.added == [] and len(second.duplicates) == 37
    assert sorted(location.rglob("*.parquet")) == files
    ids = archive_ids(location)
    assert sorted(ids) == sorted(first.added) and len(set(ids)) == len(ids)


@pytest.mark.slow
def test_a_killed_worker_loses_nothing(client, corpus, local, tmp_path):
    pids = client.run(os.getpid, wait=True)
    killed: list[tuple[str, int]] = []

    def kill_a_busy_worker(_done: int) -> None:
        if killed:
            return
        busy = [w for w, keys in client.processing().items() if keys]
        if busy:
            killed.append((busy[0], len(client.processing()[busy[0]])))
            os.kill(pids[busy[0]], signal.SIGKILL)

    location = tmp_path / "archive"
    report = cluster_ingest(
        [str(corpus)],
        client,
        archive=str(location),
        max_files=2,
        on_batch=kill_a_busy_worker,
        timeout=TIMEOUT,
    )
    client.wait_for_workers(2, timeout=60)  # the nanny starts another
    assert killed and killed[0][1] >= 1  # it died holding at least one batch
    assert sorted(report.added) == sorted(local[1].added)
    ids = archive_ids(location)
    assert sorted(ids) == sorted(local[1].added) and len(set(ids)) == len(ids)
    with Store(location.parent / "read.duckdb", read_only=True) as store:
        ((count, distinct),) = store.con.execute(
            "SELECT count(*), count(DISTINCT (article_id, pair_a, pair_b, sentence_index, "
            "source, target)) FROM dyad_sentences"
        ).fetchall()
    assert count == distinct == rows(local[0], "dyad_sentences").shape[0]


def test_attached_archive_gives_the_same_timeline(client, corpus, local, tmp_path):
    location = tmp_path / "archive"
    cluster_ingest([str(corpus)], client, archive=str(location), max_files=4, timeout=TIMEOUT)
    db = tmp_path / "attached.duckdb"
    with Store(db) as store:
        store.attach_archive(str(location))
    for pair in [("RUS", "USA"), ("RUS", "UKR"), ("BLR", "USA")]:
        with Store(db, read_only=True) as ours, Store(local[0], read_only=True) as theirs:
            mine = compute_timeline(ours, pair, freq="M")
            pd.testing.assert_frame_equal(mine, compute_timeline(theirs, pair, freq="M"))


@pytest.mark.slow
def test_cli_ingest_cluster_archive_attach_timeline(corpus, local, tmp_path):
    runner = CliRunner()
    location = str(tmp_path / "archive")
    db = str(tmp_path / "cli.duckdb")
    argv = ["ingest", str(corpus), "--cluster", "local:1", "--archive", location, "--json"]
    result = runner.invoke(main, [*argv, "--batch-mb", "0.05"])  # several tasks, files
    assert result.exit_code == 1, result.output  # two files failed, the rest landed
    assert '"added": 36' in result.stdout and "undated.txt" in result.stdout
    compacted = runner.invoke(main, ["compact", location, "--json"])
    assert compacted.exit_code == 0 and '"folders": 0' not in compacted.stdout
    assert runner.invoke(main, ["attach", location, "--db", db]).exit_code == 0
    ours = runner.invoke(main, ["timeline", "--pair", "USA-RUS", "--db", db, "--format", "csv"])
    theirs = runner.invoke(
        main, ["timeline", "--pair", "USA-RUS", "--db", str(local[0]), "--format", "csv"]
    )
    assert ours.exit_code == 0 and theirs.exit_code == 0
    read = [pd.read_csv(io.StringIO(r.stdout)) for r in (ours, theirs)]
    assert len(read[0]) > 0
    pd.testing.assert_frame_equal(*read)  # to 1e-5: DuckDB may sum in another order


def test_cluster_usage_errors(tmp_path):
    runner = CliRunner()
    for argv in (
        ["ingest", str(tmp_path), "--cluster", "nonsense"],
        ["ingest", str(tmp_path), "--archive", str(tmp_path / "a")],
        ["ingest", str(tmp_path), "--cluster", "local:2", "--workers", "2"],
        ["ingest", str(tmp_path), "--cluster", "local:0"],
        ["ingest", str(tmp_path), "--batch-mb", "1"],
    ):
        result = runner.invoke(main, argv)
        assert result.exit_code == 2, (argv, result.output)

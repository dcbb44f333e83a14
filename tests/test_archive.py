"""The Parquet archive without a cluster: a batch run in-process, staged, committed,
recovered after a crash, compacted, and read through an attached store."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from benchmarks.corpus import write_corpus
from tracker.archive import staging
from tracker.archive.compact import compact, recover_compaction
from tracker.archive.layout import COMPACTING, open_archive
from tracker.cluster.batches import plan_batches
from tracker.cluster.tasks import TaskOptions, run_batch
from tracker.errors import StoreError
from tracker.index.timeline import compute_timeline, explain
from tracker.ingest import articles_from_paths, ingest_articles
from tracker.load.reader import input_files
from tracker.store import Store

PAIRS = [("RUS", "USA"), ("RUS", "UKR"), ("CHN", "USA")]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, 24, 11, "txt")
    return folder


@pytest.fixture(scope="module")
def local_db(corpus, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("local") / "local.duckdb"
    ingest_articles(articles_from_paths([str(corpus)]), db, workers=1)
    return db


def files_of(folder: Path) -> list[str]:
    return input_files([str(folder)])


def stage_all(corpus: Path, location: Path, *, max_files: int = 4) -> list[str]:
    """Run every batch in this process; the staged batch names, in order (not committed)."""
    archive = open_archive(str(location))
    staging.ensure_layout(archive)
    names = []
    for batch in plan_batches(files_of(corpus), max_files=max_files):
        result = run_batch(batch, TaskOptions(archive=str(location)))
        if result.staged:
            names.append(result.staged)
    return names


def ingest_in_process(corpus: Path, location: Path, *, max_files: int = 4) -> None:
    archive = open_archive(str(location))
    for name in stage_all(corpus, location, max_files=max_files):
        staging.commit_batch(archive, name)


def parquet_files(location: Path) -> list[Path]:
    """Data and manifest files (not placeholders, nothing staged)."""
    return sorted(
        p
        for p in location.rglob("*.parquet")
        if p.name != "empty.parquet" and "_staging" not in p.parts
    )


def data_files(location: Path) -> list[Path]:
    """What a reader of the archive sees."""
    return [p for p in parquet_files(location) if "_manifest" not in p.parts]


def attached(tmp_path: Path, location: Path) -> Path:
    db = tmp_path / "attached.duckdb"
    with Store(db) as store:
        store.attach_archive(open_archive(str(location)).location)
    return db


def timelines(db: Path) -> dict:
    with Store(db, read_only=True) as store:
        return {pair: compute_timeline(store, pair, freq="M") for pair in PAIRS}


def assert_same_timelines(a: dict, b: dict) -> None:
    for pair in PAIRS:
        assert len(a[pair]) > 0
        pd.testing.assert_frame_equal(a[pair], b[pair])


def test_attached_archive_gives_the_timeline_of_local_ingest(corpus, local_db, tmp_path):
    location = tmp_path / "archive"
    ingest_in_process(corpus, location)
    db = attached(tmp_path, location)
    assert_same_timelines(timelines(db), timelines(local_db))
    with Store(db, read_only=True) as archive_store, Store(local_db, read_only=True) as local:
        assert archive_store.article_count() == local.article_count() == 24
        pd.testing.assert_frame_equal(archive_store.pairs(), local.pairs())
        ours = explain(archive_store, ("RUS", "USA"), "2020-01", freq="M")
        theirs = explain(local, ("RUS", "USA"), "2020-01", freq="M")
        assert ours.value == pytest.approx(theirs.value, rel=1e-12)  # sums in another order
        assert len(ours.contributions) == len(theirs.contributions) > 0
        pd.testing.assert_frame_equal(
            archive_store.dashboard_articles(PAIRS), local.dashboard_articles(PAIRS)
        )


def test_a_batch_run_again_writes_nothing_twice(corpus, tmp_path):
    location = tmp_path / "archive"
    ingest_in_process(corpus, location)
    before = parquet_files(location)
    archive = open_archive(str(location))
    for batch in plan_batches(files_of(corpus), max_files=4):
        result = run_batch(batch, TaskOptions(archive=str(location)))
        assert result.added == () and result.staged is None
        assert len(result.duplicates) == len(batch.names)
    assert parquet_files(location) == before
    assert staging.recover(archive) == (0, 0)


def test_a_crash_before_the_commit_rolls_back_and_after_it_rolls_forward(corpus, tmp_path):
    location = tmp_path / "archive"
    names = stage_all(corpus, location)
    archive = open_archive(str(location))
    assert len(names) == 6 and data_files(location) == []  # staged only: nothing visible
    # a crash after batch 0's commit point (its manifest moved in), before its data moved
    (location / "_manifest" / f"batch-{names[0]}.parquet").write_bytes(
        (location / "_staging" / names[0] / "_manifest.parquet").read_bytes()
    )
    (location / "_staging" / names[0] / "_manifest.parquet").unlink()
    assert staging.recover(archive) == (1, 5)  # batch 0 forward, the others back
    assert not (location / "_staging").exists() or not any((location / "_staging").iterdir())
    assert staging.committed_ids(archive, ids_in(location)) == ids_in(location)
    with Store(attached(tmp_path, location), read_only=True) as store:
        assert store.article_count() == 4
    # the next run scores the rolled-back ones: everything once
    ingest_in_process(corpus, location)
    with Store(tmp_path / "attached.duckdb", read_only=True) as store:
        ids = store.con.execute("SELECT id FROM articles").fetchall()
    assert len(ids) == len(set(ids)) == 24


def ids_in(location: Path) -> set[str]:
    return {
        i
        for p in (location / "_manifest").glob("*.parquet")
        for i in pq.read_table(p).column("id").to_pylist()
    }


def test_compact_merges_files_and_keeps_every_row(corpus, local_db, tmp_path):
    location = tmp_path / "archive"
    ingest_in_process(corpus, location, max_files=2)
    before = parquet_files(location)
    report = compact(open_archive(str(location)))
    after = parquet_files(location)
    assert report.files_before == len(before) and report.files_after == len(after)
    assert report.folders > 0 and len(after) < len(before)
    assert_same_timelines(timelines(attached(tmp_path, location)), timelines(local_db))
    assert compact(open_archive(str(location))).folders == 0  # nothing left to merge


def test_a_compaction_cut_short_is_finished(corpus, tmp_path):
    location = tmp_path / "archive"
    ingest_in_process(corpus, location, max_files=2)
    archive = open_archive(str(location))
    by_folder: dict[Path, list[Path]] = {}
    for path in data_files(location):
        by_folder.setdefault(path.parent, []).append(path)
    folder, inputs = next((f, sorted(p)) for f, p in by_folder.items() if len(p) >= 2)
    # as if killed after the merged file and its journal were written, before the rename
    output = folder / "compacted-test.parquet"
    pq.write_table(pa.concat_tables([pq.read_table(p) for p in inputs]), f"{output}.tmp")
    (location / COMPACTING).mkdir()
    journal = {"output": str(output), "inputs": [str(p) for p in inputs]}
    (location / COMPACTING / "test.json").write_text(json.dumps(journal))
    assert recover_compaction(archive) == (1, 0)
    assert output.exists() and not any(p.exists() for p in inputs)
    with Store(attached(tmp_path, location), read_only=True) as store:
        assert store.article_count() == 24
        ((count, distinct),) = store.con.execute(
            "SELECT count(*), count(DISTINCT (article_id, pair_a, pair_b, sentence_index)) "
            "FROM dyad_sentences"
        ).fetchall()
    assert count == distinct > 0


def test_a_stored_article_is_read_once_when_the_archive_holds_it_too(corpus, local_db, tmp_path):
    location = tmp_path / "archive"
    ingest_in_process(corpus, location)
    db = tmp_path / "both.duckdb"
    shutil.copyfile(local_db, db)
    with Store(db) as store:
        store.attach_archive(str(location))
    assert_same_timelines(timelines(db), timelines(local_db))
    with Store(db, read_only=True) as store:
        assert store.article_count() == 24


def test_attach_refuses_what_is_not_an_archive_and_detach_stops_reading(tmp_path, local_db):
    db = tmp_path / "t.duckdb"
    with Store(db) as store, pytest.raises(StoreError, match="cannot read the archive"):
        store.attach_archive(str(tmp_path / "nothing-here"))
    with Store(db) as store:
        assert store.attached_archives() == []
    location = tmp_path / "archive"
    staging.ensure_layout(open_archive(str(location)))  # an empty archive reads as empty
    with Store(db) as store:
        assert store.attach_archive(str(location))["articles"] == 0
        assert store.detach_archive(str(location)) and store.attached_archives() == []


def test_an_archive_gone_missing_names_the_way_out(corpus, tmp_path):
    location = tmp_path / "archive"
    ingest_in_process(corpus, location)
    db = attached(tmp_path, location)
    shutil.rmtree(location)
    with pytest.raises(StoreError, match="tracker detach"):
        Store(db, read_only=True)
    with Store(db) as store:  # writes are never routed: the store still opens to detach
        assert store.detach_archive(str(location))
    with Store(db, read_only=True) as store:
        assert store.article_count() == 0

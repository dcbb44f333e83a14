"""Writing to an archive: a task stages a batch, the client commits it; idempotent by id.

The protocol (docs/scale.md, "Idempotence"):

1. A task drops the ids already committed (``committed_ids``: the manifest) and scores the
   rest; the batch's name ``h`` is a hash of the ids it adds and the scorer version.
2. It writes every table's rows under ``_staging/h/`` (clearing that folder first, so a retry
   of a task whose worker died half-way rewrites the same names, never adds to them), and
   last the batch's manifest file ``_staging/h/_manifest.parquet``.
3. The client takes results in batch order. If a batch adds an id that an earlier batch of
   the run committed (the same text in two files), its staging is dropped and the batch is
   run again without those ids. Otherwise it commits: the manifest file moves to
   ``_manifest/batch-h.parquet`` (one rename: the commit point), then the data files move
   into their partitions.
4. ``recover`` (at the start of every ingest and compact) finishes what a crash left: a
   staged batch whose manifest is committed is moved in (roll forward); any other staging
   is deleted (roll back: its ids are not committed, so the next run scores them again).

Readers see only committed files, except for the moment of step 3's moves. One writer
(ingest or compact) per archive at a time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from tracker.archive.layout import (
    EMPTY_FILE,
    MANIFEST,
    MANIFEST_SCHEMA,
    PLACEHOLDER,
    ROW_GROUP_ROWS,
    STAGING,
    TABLE_SCHEMAS,
    Archive,
    clustering_of,
    file_schema,
    partitions_of,
)

COMPRESSION = "zstd"
MAX_PARTITIONS = 1 << 16  # months a batch may touch (pyarrow's default: 1,024)


def batch_name(ids: Iterable[str], scorer_version: str) -> str:
    digest = hashlib.sha256(scorer_version.encode())
    for article_id in sorted(ids):
        digest.update(article_id.encode())
    return digest.hexdigest()[:20]


def ensure_layout(archive: Archive) -> None:
    """Create the archive's folders and each table's empty placeholder file (idempotent)."""
    fs = archive.fs
    for table in TABLE_SCHEMAS:
        folder = archive.path(table, *(f"{p}={PLACEHOLDER}" for p in partitions_of(table)))
        target = f"{folder}/{EMPTY_FILE}"
        if fs.get_file_info(target).type == pafs.FileType.NotFound:
            fs.create_dir(folder, recursive=True)
            _write_atomic(archive, file_schema(table).empty_table(), target)
    fs.create_dir(archive.path(MANIFEST), recursive=True)


def committed_ids(archive: Archive, ids: Iterable[str]) -> set[str]:
    """Which of these ids the archive's manifest holds."""
    wanted = pa.array(sorted(set(ids)), pa.string())
    if not len(wanted) or not _files(archive, archive.path(MANIFEST)):
        return set()
    manifest = ds.dataset(archive.path(MANIFEST), format="parquet", filesystem=archive.fs)
    found = manifest.to_table(columns=["id"], filter=pc.field("id").isin(wanted))
    return set(found.column("id").to_pylist())


def stage_batch(archive: Archive, name: str, tables: dict[str, pa.Table]) -> int:
    """Write a batch's tables (full schemas, see layout.TABLE_SCHEMAS) under _staging/name/;
    the manifest last, from ``tables["articles"]``. Returns the number of data files."""
    fs = archive.fs
    staging = archive.path(STAGING, name)
    fs.create_dir(staging, recursive=True)
    fs.delete_dir_contents(staging, missing_dir_ok=True)  # a retried task starts clean
    written = 0
    for table, rows in tables.items():
        if not rows.num_rows:
            continue
        written += _write_partitioned(archive, table, rows, f"{staging}/{table}", name)
    articles = tables["articles"]
    manifest = pa.table(
        {
            "id": articles.column("id"),
            "published_at": articles.column("published_at"),
            "batch": pa.repeat(pa.scalar(name), articles.num_rows),
        },
        schema=MANIFEST_SCHEMA,
    )
    _write_atomic(archive, manifest, f"{staging}/_manifest.parquet")
    return written


def _write_partitioned(archive: Archive, table: str, rows: pa.Table, base: str, name: str) -> int:
    month = pc.strftime(rows.column("published_at"), format="%Y-%m")
    rows = rows.append_column("month", month)
    keys = partitions_of(table)
    rows = rows.sort_by([(k, "ascending") for k in keys] + clustering_of(table))
    written: list[str] = []
    ds.write_dataset(
        rows,
        base,
        format="parquet",
        filesystem=archive.fs,
        partitioning=ds.partitioning(pa.schema([(k, pa.string()) for k in keys]), flavor="hive"),
        basename_template=f"part-{name}-{{i}}.parquet",
        existing_data_behavior="overwrite_or_ignore",
        max_partitions=MAX_PARTITIONS,
        max_open_files=MAX_PARTITIONS,
        max_rows_per_group=ROW_GROUP_ROWS,
        file_options=ds.ParquetFileFormat().make_write_options(compression=COMPRESSION),
        file_visitor=lambda f: written.append(f.path),
        use_threads=False,  # one Dask task per core already
    )
    return len(written)


def commit_batch(archive: Archive, name: str) -> None:
    """Commit a staged batch: its manifest file in (the commit point), then its data files."""
    fs = archive.fs
    staging = archive.path(STAGING, name)
    fs.move(f"{staging}/_manifest.parquet", archive.path(MANIFEST, f"batch-{name}.parquet"))
    _move_in(archive, name)


def drop_staged(archive: Archive, name: str) -> None:
    archive.fs.delete_dir(archive.path(STAGING, name))


def _move_in(archive: Archive, name: str) -> None:
    fs = archive.fs
    staging = archive.path(STAGING, name)
    made: set[str] = set()
    for info in _files(archive, staging):
        relative = info.path[len(staging) + 1 :]
        if relative == "_manifest.parquet":
            continue
        target = archive.path(relative)
        parent = target.rsplit("/", 1)[0]
        if parent not in made:
            fs.create_dir(parent, recursive=True)
            made.add(parent)
        fs.move(info.path, target)
    fs.delete_dir(staging)


def recover(archive: Archive) -> tuple[int, int]:
    """Finish what a crash left in _staging/: (batches rolled forward, batches rolled back)."""
    fs = archive.fs
    forward = back = 0
    staging_root = archive.path(STAGING)
    if fs.get_file_info(staging_root).type != pafs.FileType.Directory:
        return 0, 0
    for info in fs.get_file_info(pafs.FileSelector(staging_root)):
        name = info.base_name
        committed = archive.path(MANIFEST, f"batch-{name}.parquet")
        if fs.get_file_info(committed).type == pafs.FileType.File:
            _move_in(archive, name)
            forward += 1
        else:
            fs.delete_dir(info.path)
            back += 1
    return forward, back


def _files(archive: Archive, folder: str) -> list[pafs.FileInfo]:
    selector = pafs.FileSelector(folder, recursive=True, allow_not_found=True)
    return [i for i in archive.fs.get_file_info(selector) if i.type == pafs.FileType.File]


def _write_atomic(archive: Archive, table: pa.Table, target: str) -> None:
    """Write then rename (an object store's PUT is atomic anyway): never half a file."""
    temporary = f"{target}.tmp"
    with archive.fs.open_output_stream(temporary) as stream:
        pq.write_table(table, stream, compression=COMPRESSION)
    archive.fs.move(temporary, target)

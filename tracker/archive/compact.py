"""``tracker compact``: each partition's files merged into one (and the manifest's).

Ingest writes one file per batch in every partition the batch touches, so an archive fed
in small batches holds many small files; a read pays per file (open, footer, row groups).
Compaction rewrites each folder with two or more files as one ``compacted-<h>.parquet``
(rows in the table's clustering: by pair, date and article), ``h`` a hash of the merged
files' names.

Crash safety (one writer at a time, as for ingest): the merged file is written as ``.tmp``
(no reader globs it), then a journal ``_compacting/<h>.json`` names the inputs and the
output, then the rename makes the output visible, the inputs are deleted, the journal last.
``recover_compaction`` (run first by every compact and ingest) finishes a journal whose
output is in place (deletes the inputs left) and rolls back any other (deletes the .tmp).
Between the rename and the deletes a reader may count a partition's rows twice: run
compact when nobody reads, or accept that moment.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from tracker.archive.layout import (
    COMPACTING,
    EMPTY_FILE,
    MANIFEST,
    ROW_GROUP_ROWS,
    TABLE_SCHEMAS,
    Archive,
    clustering_of,
)
from tracker.archive.staging import COMPRESSION, recover


@dataclass(frozen=True)
class CompactReport:
    folders: int  # folders rewritten
    files_before: int  # data and manifest files, placeholders excluded
    files_after: int


def compact(archive: Archive) -> CompactReport:
    """Merge every folder of two or more files (tables and manifest) into one file."""
    recover(archive)
    recover_compaction(archive)
    groups = _folders(archive)
    before = sum(len(files) for files in groups.values())
    rewritten = 0
    for folder, files in sorted(groups.items()):
        if len(files) >= 2:
            _merge(archive, folder, sorted(files))
            rewritten += 1
    after = sum(1 if len(files) >= 2 else len(files) for files in groups.values())
    return CompactReport(rewritten, before, after)


def _folders(archive: Archive) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for top in [*TABLE_SCHEMAS, MANIFEST]:
        selector = pafs.FileSelector(archive.path(top), recursive=True, allow_not_found=True)
        for info in archive.fs.get_file_info(selector):
            if info.base_name.endswith(".parquet.tmp"):  # a merge cut short: never visible
                archive.fs.delete_file(info.path)
            elif (
                info.type == pafs.FileType.File
                and info.base_name.endswith(".parquet")
                and info.base_name != EMPTY_FILE
            ):
                groups[info.path.rsplit("/", 1)[0]].append(info.path)
    return groups


def _merge(archive: Archive, folder: str, inputs: list[str]) -> None:
    fs = archive.fs
    name = hashlib.sha256("\n".join(inputs).encode()).hexdigest()[:20]
    output = f"{folder}/compacted-{name}.parquet"
    tables = []
    for path in inputs:
        with fs.open_input_file(path) as source:
            tables.append(pq.read_table(source))
    merged = pa.concat_tables(tables, promote_options="default")
    table = folder[len(archive.root) + 1 :].split("/", 1)[0]
    order = clustering_of(table) if table in TABLE_SCHEMAS else [("id", "ascending")]
    merged = merged.sort_by(order)
    with fs.open_output_stream(f"{output}.tmp") as stream:
        pq.write_table(merged, stream, compression=COMPRESSION, row_group_size=ROW_GROUP_ROWS)
    journal = archive.path(COMPACTING, f"{name}.json")
    fs.create_dir(archive.path(COMPACTING), recursive=True)
    with fs.open_output_stream(f"{journal}.tmp") as stream:
        stream.write(json.dumps({"output": output, "inputs": inputs}).encode())
    fs.move(f"{journal}.tmp", journal)
    _finish(archive, journal, output, inputs)


def _finish(archive: Archive, journal: str, output: str, inputs: list[str]) -> None:
    fs = archive.fs
    fs.move(f"{output}.tmp", output)
    _delete_existing(archive, inputs)
    fs.delete_file(journal)


def recover_compaction(archive: Archive) -> tuple[int, int]:
    """Finish or roll back what a crash left in _compacting/: (finished, rolled back)."""
    fs = archive.fs
    finished = back = 0
    selector = pafs.FileSelector(archive.path(COMPACTING), allow_not_found=True)
    for info in fs.get_file_info(selector):
        if not info.base_name.endswith(".json"):
            fs.delete_file(info.path)  # a journal that was never complete
            continue
        with fs.open_input_stream(info.path) as stream:
            entry = json.loads(stream.read())
        output, inputs = entry["output"], entry["inputs"]
        if fs.get_file_info(output).type == pafs.FileType.File:
            _delete_existing(archive, inputs)
            fs.delete_file(info.path)
            finished += 1
        elif fs.get_file_info(f"{output}.tmp").type == pafs.FileType.File:
            _finish(archive, info.path, output, inputs)  # the rename had not happened yet
            finished += 1
        else:
            fs.delete_file(info.path)
            back += 1
    return finished, back


def _delete_existing(archive: Archive, paths: list[str]) -> None:
    for path in paths:
        if archive.fs.get_file_info(path).type == pafs.FileType.File:
            archive.fs.delete_file(path)

"""Where an archive keeps its files (no I/O beyond resolving the location).

    ROOT/<table>/month=2025-08/part-<batch>-0.parquet   (after compact: compacted-<h>.parquet)
         for articles, dyad_sentences, events, article_pair_tone, article_direction_tone
    ROOT/_manifest/batch-<batch>.parquet   committed article ids (id, published_at, batch)
    ROOT/_staging/<batch>/...              a batch written, not committed yet

Hive-partitioned by month; inside a file, rows are sorted by pair then date (clustered by
pair) in row groups of ROW_GROUP_ROWS, so a read of one pair opens each month's footer and
only the row groups whose pair_a/pair_b statistics match. Pair folders were measured first
and dropped: pair x month partitions make a file per pair and month (93,000 files, 756 MB
for 1M dyadic sentences of 300 pairs over 12 years, ~8 KB of overhead each), and DuckDB
lists every file of a glob before it prunes, so one pair's timeline took 4 s and opening a
store 4-8 s (docs/scale.md, "Layout").

A batch's name is a hash of the article ids it adds (and the scorer version), so a task run
twice writes the same names. Each table also holds an empty file in a placeholder partition
(``month=-``), so a glob over it never matches nothing.

A location is a local path or a URL pyarrow.fs resolves (s3://, gs://, hdfs://, file://;
other fsspec protocols through fsspec when it is installed).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.fs as pafs

from tracker.store.archive_sql import ARCHIVE_CLUSTERING, ARCHIVE_PARTITIONS
from tracker.store.rows import ARTICLE_SCHEMA, EVENT_SCHEMA, INGESTED_AT, SENTENCE_SCHEMA

PLACEHOLDER = "-"  # the value of every partition key of a table's empty file
EMPTY_FILE = "empty.parquet"
MANIFEST = "_manifest"
STAGING = "_staging"
COMPACTING = "_compacting"
_TONE_BASE = [
    ("article_id", pa.string()),
    ("published_at", pa.date32()),
    ("pair_a", pa.string()),
    ("pair_b", pa.string()),
]
_TONE_VALUES = [
    ("sentences", pa.int32()),
    ("tone", pa.float64()),
    ("signature_tone", pa.uint64()),
    ("signature_text", pa.uint64()),
]
# every table of the archive with its full schema (partition columns included)
TABLE_SCHEMAS: dict[str, pa.Schema] = {
    "articles": ARTICLE_SCHEMA.append(INGESTED_AT),
    "dyad_sentences": SENTENCE_SCHEMA,
    "events": EVENT_SCHEMA,
    "article_pair_tone": pa.schema(_TONE_BASE + _TONE_VALUES),
    "article_direction_tone": pa.schema(
        [*_TONE_BASE, ("source", pa.string()), ("target", pa.string()), *_TONE_VALUES]
    ),
}
assert set(TABLE_SCHEMAS) == set(ARCHIVE_PARTITIONS)
MANIFEST_SCHEMA = pa.schema(
    [("id", pa.string()), ("published_at", pa.date32()), ("batch", pa.string())]
)


ROW_GROUP_ROWS = 16_384  # rows per row group: small enough that one pair's rows skip most


def partitions_of(table: str) -> tuple[str, ...]:
    return ARCHIVE_PARTITIONS[table]


def clustering_of(table: str) -> list[tuple[str, str]]:
    """The sort order of a table's rows inside a file (pyarrow's sort_by keys)."""
    return [(column, "ascending") for column in ARCHIVE_CLUSTERING[table]]


def file_schema(table: str) -> pa.Schema:
    """The columns stored in the files of ``table`` (its partition columns are in the paths)."""
    schema = TABLE_SCHEMAS[table]
    for name in partitions_of(table):
        if name in schema.names:
            schema = schema.remove(schema.get_field_index(name))
    return schema


@dataclass(frozen=True)
class Archive:
    """An archive's filesystem and root (``root`` has no trailing slash)."""

    fs: pafs.FileSystem
    root: str
    location: str  # as the user gave it, normalised: an absolute path or a URL

    def path(self, *parts: str) -> str:
        return "/".join([self.root, *parts])


def open_archive(location: str) -> Archive:
    """The archive at a local path (made absolute) or a URL."""
    if "://" not in location:
        absolute = os.path.abspath(os.path.expanduser(location))
        return Archive(pafs.LocalFileSystem(), absolute.rstrip("/") or "/", absolute)
    try:
        fs, root = pafs.FileSystem.from_uri(location)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        import fsspec  # other protocols: through fsspec, when installed

        spec_fs, root = fsspec.core.url_to_fs(location)
        fs = pafs.PyFileSystem(pafs.FSSpecHandler(spec_fs))
    return Archive(fs, root.rstrip("/"), location.rstrip("/"))

"""Where an archive keeps its files (no I/O beyond resolving the location).

    ROOT/articles/month=2025-08/part-<batch>-0.parquet
    ROOT/<table>/pair_a=BLR/pair_b=USA/month=2025-08/part-<batch>-0.parquet
         for dyad_sentences, events, article_pair_tone, article_direction_tone
    ROOT/_manifest/batch-<batch>.parquet   committed article ids (id, published_at, batch)
    ROOT/_staging/<batch>/...              a batch written, not committed yet

A batch's name is a hash of the article ids it adds (and the scorer version), so a task run
twice writes the same names. Partition columns (pair_a, pair_b, month) live in the paths, not
in the files: a read filtered to a pair opens that pair's folders only. Each table also holds
an empty file in a placeholder partition (``-``), so a glob over it never matches nothing.

A location is a local path or a URL pyarrow.fs resolves (s3://, gs://, hdfs://, file://;
other fsspec protocols through fsspec when it is installed).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.fs as pafs

from tracker.store.archive_sql import ARCHIVE_PARTITIONS
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


def partitions_of(table: str) -> tuple[str, ...]:
    return ARCHIVE_PARTITIONS[table]


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

"""The Parquet archive: scored rows as a hive-partitioned Parquet dataset DuckDB reads.

    layout   where things live: location -> filesystem, tables and their partitions
    staging  what a task writes (one batch, under _staging/), the manifest, commit, recovery
    compact  small files of a partition merged into one

Idempotent by article id; the protocol is in tracker/archive/staging.py and docs/scale.md.
SQL stays in tracker/store/ (archive_sql: the batch's tone tables; archive_views: attach).
"""

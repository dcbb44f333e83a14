"""The client's plan: the input files, in ingest order, cut into batches (pure).

A batch is the unit of one Dask task: big enough that the task's overhead (a few ms of
scheduling, the scorer already built on the worker) is small beside its scoring (~3 ms of CPU
per news-sized article), small enough that two workers share the tail of a run evenly and that
a task lost with its worker costs little to redo. Files are never split: a .jsonl or .zip of
many articles is one file of one batch.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

BATCH_BYTES = 1 << 20  # ~200 news-sized articles: ~0.6 s of one core's scoring
BATCH_FILES = 200  # at most this many files per batch (small files: the read dominates)


@dataclass(frozen=True, slots=True)
class Batch:
    """One task's files: ``names`` as the user gave them (they name failures and origins),
    ``paths`` absolute (what a worker opens: its working directory may differ)."""

    index: int
    names: tuple[str, ...]
    paths: tuple[str, ...]


def plan_batches(
    files: Sequence[str], *, max_bytes: int = BATCH_BYTES, max_files: int = BATCH_FILES
) -> list[Batch]:
    """Consecutive runs of ``files`` of at most ``max_bytes`` (a bigger file alone) and at
    most ``max_files`` files; the order is kept, so batch order is ingest order."""
    return list(_cut(files, max_bytes, max_files))


def _cut(files: Sequence[str], max_bytes: int, max_files: int) -> Iterator[Batch]:
    names: list[str] = []
    size = 0
    index = 0
    for name in files:
        file_size = _size(name)
        if names and (size + file_size > max_bytes or len(names) >= max_files):
            yield _batch(index, names)
            index += 1
            names, size = [], 0
        names.append(name)
        size += file_size
    if names:
        yield _batch(index, names)


def _batch(index: int, names: list[str]) -> Batch:
    return Batch(index, tuple(names), tuple(os.path.abspath(n) for n in names))


def _size(name: str) -> int:
    try:
        return os.stat(name).st_size
    except OSError:  # the worker reports it, as local ingest does
        return 0

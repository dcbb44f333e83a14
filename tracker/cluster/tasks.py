"""What a Dask worker runs: one batch of files -> scored rows, returned or staged.

The same steps as local ingest (tracker/ingest.py): files read into ``Pending`` documents,
known ids dropped before the rules and the scorer run, the per-process scorer of
``default_scorer``, one article's scorer error costing that article only. With an archive the
task writes its rows there itself (staged, see tracker/archive/staging.py) and returns ids
only; without, it returns the store-ready Arrow rows for the client to write.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date

from tracker.archive import staging
from tracker.archive.layout import TABLE_SCHEMAS, open_archive
from tracker.cluster.batches import Batch
from tracker.cluster.local_pool import (
    score_rows,  # the local pool's scoring step, shared on purpose
)
from tracker.coding.score import default_scorer
from tracker.errors import IngestError
from tracker.load.reader import Pending, file_size_problem, pending_articles
from tracker.models import Article
from tracker.store.archive_sql import archive_tables
from tracker.store.rows import ScoredRows


@dataclass(frozen=True)
class BatchResult:
    """One batch's outcome, in the batch's order.

    ``refused``: documents whose rules failed (date, language...) that are a duplicate if
    the id is already stored (a DuckDB store the task cannot see): the client decides.
    ``staged``: the batch name under the archive's _staging/ (archive mode), else None.
    """

    index: int
    added: tuple[str, ...] = ()
    duplicates: tuple[str, ...] = ()
    failed: tuple[IngestError, ...] = ()
    refused: tuple[tuple[str, IngestError], ...] = ()
    rows: ScoredRows | None = None
    staged: str | None = None


@dataclass(frozen=True)
class TaskOptions:
    default_date: date | None = None
    actors_file: str | None = None
    archive: str | None = None  # location; None: rows go back to the client


def run_batch(
    batch: Batch, options: TaskOptions, skip: frozenset[str] = frozenset()
) -> BatchResult:
    """Load and score one batch; ``skip``: ids to count as duplicates without scoring."""
    items = list(_pending(batch, options.default_date))
    archive = open_archive(options.archive) if options.archive else None
    known = set(skip)
    if archive is not None:
        ids = {i.id for i in items if isinstance(i, Pending)}
        known |= staging.committed_ids(archive, ids)
    todo, duplicates, failed, refused = _sort(items, known, archive is not None)
    rows, score_failed = score_rows(todo, options.actors_file)
    failed.extend(score_failed)
    result = BatchResult(
        batch.index, tuple(rows.ids), tuple(duplicates), tuple(failed), tuple(refused)
    )
    if archive is None:
        return BatchResult(**{**result.__dict__, "rows": rows})
    if not len(rows):
        return result
    version = default_scorer(options.actors_file).version
    name = staging.batch_name(rows.ids, version)
    tables = {t: table.cast(TABLE_SCHEMAS[t]) for t, table in archive_tables(rows).items()}
    staging.stage_batch(archive, name, tables)
    return BatchResult(**{**result.__dict__, "staged": name})


def _pending(batch: Batch, default_date: date | None):
    """articles_from_paths for one batch: files opened by absolute path, named as given."""
    for name, path in zip(batch.names, batch.paths, strict=True):
        try:
            too_big = file_size_problem(os.stat(path).st_size)
            if too_big:
                yield IngestError(name, too_big)
                continue
            with open(path, "rb") as file:
                data = file.read()
        except OSError as error:
            yield IngestError(name, f"cannot read file: {error.strerror or error}")
        else:
            yield from pending_articles(name, data, default_date)


def _sort(items, known: set[str], final: bool):
    """(to score, duplicates, failed, refused) as tracker.ingest._new_articles sorts them;
    ``final``: the task sees every stored id (an archive), so a refusal is a failure."""
    todo: list[Article] = []
    duplicates: list[str] = []
    failed: list[IngestError] = []
    refused: list[tuple[str, IngestError]] = []
    seen: set[str] = set()
    for item in items:
        if isinstance(item, IngestError):
            failed.append(item)
            continue
        if item.id in known:
            duplicates.append(item.id)
            continue
        article = item.article()
        if isinstance(article, IngestError):
            if final:
                failed.append(article)
            else:
                refused.append((item.id, article))
        elif item.id in seen:
            duplicates.append(item.id)
        else:
            seen.add(item.id)
            todo.append(article)
    return todo, duplicates, failed, refused

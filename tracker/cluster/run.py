"""The client loop of ``tracker ingest --cluster``: submit batches, take results in order.

At most ``2 x worker threads + 2`` batches are in flight, so memory stays flat in the
corpus size and every worker always has a batch queued. Results are taken in batch order
(a later batch that finishes first waits in memory), so the first copy of a text in file
order is the one stored, as with local ingest. Per batch:

- DuckDB store: its rows, minus the ids an earlier batch of the run added (duplicates), are
  written with the batches taken since the last write, in one transaction
  (``Store.add_rows``) per CLUSTER_WINDOW articles or FLUSH_S seconds, and at the end;
- archive: it is committed (tracker/archive/staging.py), unless it adds an id an earlier
  batch committed: then its staging is dropped and it runs again without those ids.

A worker that dies takes its tasks with it; the scheduler runs them again elsewhere (Dask's
``allowed-failures``), and since a task's output is either returned or staged under a name
fixed by its content, the retry adds nothing twice.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from tracker.archive import staging
from tracker.archive.layout import open_archive
from tracker.cluster.batches import BATCH_BYTES, BATCH_FILES, Batch, plan_batches
from tracker.cluster.tasks import BatchResult, TaskOptions, run_batch
from tracker.errors import IngestError, TrackerError
from tracker.ingest import WINDOW, IngestReport
from tracker.load.reader import input_files
from tracker.store import Store
from tracker.store.rows import ScoredRows, concat_rows

TASK_RETRIES = 2  # a task that raises (not a failed file: those are results) runs again
FLUSH_S = 2.0  # longest a taken batch waits in memory for the next DuckDB write
# Articles per DuckDB write: a connection's open and checkpoint cost the client ~0.1 s of CPU,
# so it writes every FLUSH_S rather than per local-ingest WINDOW (10k articles on local:2:
# client CPU 3.7-4.3 s at 512 articles a write, 3.0-3.2 s at 2 s a write).
CLUSTER_WINDOW = 4 * WINDOW


class ClusterError(TrackerError):
    """The cluster did not answer in time, or a task failed on every try."""


def cluster_ingest(
    paths: Sequence[str],
    client,
    *,
    db: str | Path | None = None,
    archive: str | None = None,
    default_date: date | None = None,
    actors_file: str | None = None,
    on_batch: Callable[[int], None] | None = None,
    on_plan: Callable[[int], None] | None = None,
    max_bytes: int = BATCH_BYTES,
    max_files: int = BATCH_FILES,
    timeout: float | None = None,
    window: int = CLUSTER_WINDOW,
) -> IngestReport:
    """Ingest files on the cluster of ``client`` into the store ``db`` or the ``archive``.

    ``on_plan(batches)`` once the files are batched, ``on_batch(1)`` per batch taken;
    ``timeout``: longest wait for any one result (None: no limit); ``window``: articles
    per DuckDB write.
    """
    batches = plan_batches(input_files(paths), max_bytes=max_bytes, max_files=max_files)
    if on_plan:
        on_plan(len(batches))
    if archive is not None:
        target = open_archive(archive)
        staging.ensure_layout(target)
        staging.recover(target)
    options = TaskOptions(default_date, actors_file, archive)
    loop = _Loop(client, options, db, timeout, window)
    return loop.run(batches, on_batch)


class _Loop:
    def __init__(
        self, client, options: TaskOptions, db, timeout: float | None, window: int
    ) -> None:
        self.client, self.options, self.db, self.timeout = client, options, db, timeout
        self.archive = open_archive(options.archive) if options.archive else None
        self.report = IngestReport()
        self.added: set[str] = set()  # ids this run stored or committed
        self.pending = _PendingWrites(window)  # DuckDB store: taken batches not written yet
        threads = sum(client.nthreads().values()) or 1
        self.limit = 2 * threads + 2

    def run(self, batches: list[Batch], on_batch) -> IngestReport:
        from distributed import wait

        queue = list(reversed(batches))
        in_flight: dict = {}  # future -> batch
        done: dict[int, tuple[Batch, BatchResult]] = {}
        following = 0
        try:
            while following < len(batches):
                while queue and len(in_flight) < self.limit:
                    batch = queue.pop()
                    in_flight[self._submit(batch)] = batch
                finished = _wait_any(wait, list(in_flight), self.timeout)
                for future in finished:
                    batch = in_flight.pop(future)
                    done[batch.index] = (batch, _result(future, self.timeout))
                while following in done:
                    batch, result = done.pop(following)
                    again = self._take(result)
                    if again:  # ids an earlier batch committed: run it without them
                        in_flight[self._submit(batch, frozenset(again))] = batch
                        break
                    following += 1
                    if on_batch:
                        on_batch(1)
            if self.archive is None:
                self.pending.flush(self.db, self.report)
        finally:
            for future in in_flight:
                future.cancel()
            if self.archive is None and self.pending.articles:  # a failure: keep what came
                self.pending.flush(self.db, self.report)
        return self.report

    def _submit(self, batch: Batch, skip: frozenset[str] = frozenset()):
        return self.client.submit(
            run_batch,
            batch,
            self.options,
            skip,
            pure=False,
            retries=TASK_RETRIES,
            key=f"tracker-batch-{batch.index}-{uuid.uuid4().hex}",  # never an old run's
        )

    def _take(self, result: BatchResult) -> set[str]:
        """Store or commit one batch; the ids to run it again without (archive overlap)."""
        report = self.report
        overlap = self.added.intersection(result.added)
        if self.archive is not None:
            if overlap and result.staged:
                staging.drop_staged(self.archive, result.staged)
                return overlap
            if result.staged:
                staging.commit_batch(self.archive, result.staged)
            report.added.extend(result.added)
            report.failed.extend(result.failed)
        else:
            self._write(result, overlap)
        report.duplicates.extend(result.duplicates)
        self.added.update(result.added)
        return set()

    def _write(self, result: BatchResult, overlap: set[str]) -> None:
        rows = result.rows.without(overlap) if result.rows is not None else None
        self.pending.add(result, rows, overlap, self.added)
        if self.pending.due():
            self.pending.flush(self.db, self.report)


class _PendingWrites:
    """Batches taken but not written yet: written together once they hold ``window``
    articles or the oldest has waited FLUSH_S, and at the end of the run. One transaction
    per write: a connection opened and checkpointed per 200-article batch cost the client
    as much CPU as the rows' insert."""

    def __init__(self, window: int = CLUSTER_WINDOW) -> None:
        self.window = window
        self.rows: list[ScoredRows] = []
        self.articles = 0
        self.since = 0.0
        self.failed: list[IngestError] = []
        self.duplicates: list[str] = []  # repeats of an id taken earlier in the run
        self.refused: list[tuple[str, IngestError, bool]] = []  # (id, error, run added id)

    def add(self, result: BatchResult, rows, overlap: set[str], added: set[str]) -> None:
        if not self.articles and not self.refused and not self.failed:
            self.since = time.monotonic()
        if rows is not None and len(rows):
            self.rows.append(rows)
            self.articles += len(rows)
        self.refused.extend((i, error, i in added) for i, error in result.refused)
        self.duplicates.extend(i for i in result.added if i in overlap)
        self.failed.extend(result.failed)

    def due(self) -> bool:
        return self.articles >= self.window or time.monotonic() - self.since >= FLUSH_S

    def flush(self, db, report: IngestReport) -> None:
        """Write what is pending in one transaction; the outcome goes to ``report``."""
        rows, refused = self.rows, self.refused
        failed, duplicates = self.failed, self.duplicates
        self.__init__(self.window)
        if rows or refused:
            with Store(db) as store:
                if rows:
                    written = store.add_rows(concat_rows(rows))
                    report.added.extend(written.added)
                    report.duplicates.extend(written.duplicates)
                if refused:  # a stored id is a duplicate whatever its rules say now
                    stored = store.existing_ids([i for i, _, _ in refused])
                    for article_id, error, run_added in refused:
                        if article_id in stored and not run_added:
                            report.duplicates.append(article_id)
                        else:
                            failed.append(error)
        report.duplicates.extend(duplicates)
        report.failed.extend(failed)


def _wait_any(wait, futures: list, timeout: float | None) -> list:
    try:
        finished, _ = wait(futures, timeout=timeout, return_when="FIRST_COMPLETED")
    except TimeoutError as error:
        raise ClusterError(f"no batch finished within {timeout:g} s: is the cluster up?") from error
    return list(finished)


def _result(future, timeout: float | None) -> BatchResult:
    try:
        return future.result(timeout=timeout)
    except IngestError:
        raise
    except TrackerError:
        raise
    except Exception as error:  # KilledWorker (a task lost with 3 workers), or a bug
        raise ClusterError(f"a batch failed on the cluster: {error!r}") from error

"""Files -> scored articles -> store, streaming, on every core, one transaction per window.

The caller's iterable of articles (or per-file errors) is consumed in windows of
``WINDOW`` articles: each window drops what is already stored (re-ingest costs a read, a
hash and one lookup, no scoring), scores the rest on a process pool, and is written in one
transaction on a short-lived connection, so memory stays flat in the corpus size and the
dashboard can read between windows. A kill at any moment loses at most the window in
flight, and never leaves half an article: the next run stores it. The run's connections
attach the file to one kept DuckDB instance (``WriteHost``), so each costs an ATTACH, not
a new instance.

Files come in as ``tracker.load.reader.Pending`` documents: their id is known, and the language,
title and date rules run only for those whose id was not stored before the run
(``Pending.article()``), so a stored duplicate is counted as a duplicate even where those
rules would now refuse it; everything else gets exactly the errors of ``load_articles``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tracker.cluster.local_pool import (
    Scored,
    WindowScoring,
    default_workers,
    init_worker,
    score_one,
)
from tracker.coding.score import default_scorer
from tracker.errors import IngestError, StoreBusy
from tracker.load.paths import RefusedPath, input_files, read_settled
from tracker.load.reader import Pending, pending_articles
from tracker.models import Article, ScoredArticle
from tracker.store import MEMORY, Store, WriteHost, resolve_db_path

WINDOW = 512  # articles per transaction: big enough to amortise the connection, small in RAM
# With a pool, the first window is cut at FIRST_WINDOW items (a task for each of two workers):
# they start ~0.05 s sooner. Its rows are written with the next window's (no extra write).
FIRST_WINDOW = 128
POOL_MIN_ARTICLES = 48  # below this, a process pool costs more to start than it saves
# DuckDB threads of the run's writes: the workers have the cores, and a second thread only
# adds CPU to these small writes (-20% of the insert's CPU, ~0.05 s per 2,000 dense articles)
WRITE_THREADS = 1
LOOKUP_HOLD_S = 0.5  # longest a duplicate lookup keeps the file open while files are read

Progress = Callable[[int], None]  # called with the number of items just finished
Item = Article | Pending | IngestError  # what ingest_articles takes


@dataclass
class IngestReport:
    """What a run did. ``failed`` holds one (file, reason) per file or record that failed;
    ``warnings`` one (file, warning) per thing a new article's loader fixed up or guessed
    (a damaged byte replaced, an encoding detected, a title derived)."""

    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failed: list[IngestError] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "added": len(self.added),
            "duplicates": len(self.duplicates),
            "failed": [{"file": e.file, "error": e.reason} for e in self.failed],
            "warnings": [{"file": f, "warning": w} for f, w in self.warnings],
            "article_ids": self.added,
        }

    def merge(self, other: IngestReport) -> None:
        self.added.extend(other.added)
        self.duplicates.extend(other.duplicates)
        self.failed.extend(other.failed)
        self.warnings.extend(other.warnings)


def articles_from_paths(
    paths: Sequence[str],
    default_date: date | None = None,
    *,
    on_file: Progress | None = None,
    follow_links: bool = False,
) -> Iterator[Pending | IngestError]:
    """Every document (or error) in these files, folders and globs, one file at a time.

    Documents come as ``Pending`` (see the module docstring): ingest_articles runs their
    remaining rules, which give the errors ``load_articles`` would, for new ones only.
    A link out of a given folder is refused unless ``follow_links``; a file that is still
    being written is refused, never stored half (:func:`read_settled`).
    """
    for path in input_files(paths, follow_links=follow_links):
        if isinstance(path, RefusedPath):
            yield IngestError(path, path.reason)
        else:
            data = read_settled(path)
            if isinstance(data, IngestError):
                yield data
            else:
                yield from pending_articles(path, data, default_date)
        if on_file:
            on_file(1)


def ingest_articles(
    items: Iterable[Item],
    db: str | Path | None = None,
    *,
    workers: int | None = None,
    actors_file: str | None = None,
    on_article: Progress | None = None,
) -> IngestReport:
    """Score and store articles; errors in ``items`` are passed through to the report, and
    ``Pending`` documents are finished (or reported) when their id is not stored yet.

    Pipelined: while the pool scores one window, this process loads the next one, drops its
    stored articles, queues it on the pool and only then writes the previous one, so the
    workers always have a window to score (at most two windows in memory, and the item
    read after a full window, so that the last window is known as such: it is written in
    two halves, see TAIL_ARTICLES; the first one is cut short to start the pool sooner, see
    FIRST_WINDOW). Workers send back store-ready Arrow rows, not
    ScoredArticles. A StoreBusy raised on the way carries the partial report
    (``error.report``): what was stored before it.
    """
    report = IngestReport()
    workers = default_workers() if workers is None else workers
    host = WriteHost(threads=WRITE_THREADS)  # the run's DuckDB instance (never across a fork)
    lookups = _Lookups(db, host)
    queue = _Queue(db, host, report, workers, actors_file, on_article)
    try:
        seen: set[str] = set()
        first = FIRST_WINDOW if workers > 1 else None
        carry: list[Article] = []  # a short first window's articles: too few to start the pool
        for n, (window, last) in enumerate(_windows(items, lookups.expire, first=first)):
            ids = {i.id for i in window if not isinstance(i, IngestError)}.difference(seen)
            stored: set[str] = set()
            if ids:  # (a window of errors and repeats needs no lookup)
                stored = lookups.existing_ids(ids)
            todo, skipped = _new_articles(window, stored, seen, report)
            if on_article and skipped:
                on_article(skipped)
            todo, carry = carry + todo, []
            if n == 0 and first and not last and len(todo) < POOL_MIN_ARTICLES:
                carry = todo  # the pool is decided with the next window, as without the cut
                continue
            if not todo and queue.in_flight is None:
                continue  # nothing to score or write: the lookup connection may stay open
            lookups.close()
            queue.add(todo, last, joined=n == 0 and first is not None and not last)
        queue.finish()
    except StoreBusy as error:
        error.report = report  # what landed before the database became busy
        raise
    finally:
        lookups.close()
        host.release()
        queue.close()
    return report


class _Queue:
    """The run's process pool (started at the first window of at least POOL_MIN_ARTICLES
    articles) and the window it is scoring, written when the next one is queued."""

    def __init__(
        self,
        db: str | Path | None,
        host: WriteHost,
        report: IngestReport,
        workers: int,
        actors_file: str | None,
        on_article: Progress | None,
    ) -> None:
        self.db, self.host, self.report = db, host, report
        self.workers, self.actors_file, self.on_article = workers, actors_file, on_article
        self.pool: ProcessPoolExecutor | None = None
        self.in_flight: WindowScoring | None = None
        self.joins = False  # in_flight is a short first window: the next one's rows join it

    def add(self, todo: list[Article], last: bool, joined: bool) -> None:
        """Queue ``todo``, then write the window before it; ``joined``: with the next one."""
        if self.pool is None and self.workers > 1 and len(todo) >= POOL_MIN_ARTICLES:
            self.host.release()  # the workers fork at the first submit
            default_scorer(self.actors_file)  # built once, before the fork: they inherit it
            self.pool = ProcessPoolExecutor(
                self.workers, initializer=init_worker, initargs=(self.actors_file,)
            )
        scoring = WindowScoring(todo, self.pool, self.actors_file, self.on_article, last=last)
        if self.joins and self.in_flight is not None:
            self.in_flight.absorb(scoring)
        else:
            if self.in_flight is not None:
                _write(self.db, self.in_flight.collect(), self.report, self.host)
            self.in_flight = scoring
        self.joins = joined

    def finish(self) -> None:
        """Write the last window in two parts: the first while the workers score the rest."""
        if self.in_flight is not None:
            for part in self.in_flight.collect_parts(2):
                _write(self.db, part, self.report, self.host)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


def _windows(
    items: Iterable[Item],
    tick: Callable[[], None],
    size: int | None = None,
    first: int | None = None,
) -> Iterator[tuple[list[Item], bool]]:
    """(window, is it the last) for windows of ``size`` (WINDOW) items, the first one of
    ``first`` items when given; ``tick()`` after each item (as it is read). A full window
    is held back until the next item is read (or the input ends), so the last one is known
    as such."""
    size = size or WINDOW
    cut = first or size
    window: list[Item] = []
    full: list[Item] | None = None
    for item in items:
        if full is not None:
            yield full, False
            full = None
        window.append(item)
        tick()
        if len(window) == cut:
            full, window, cut = window, [], size
    if full is not None:
        yield full, not window
    if window:
        yield window, True


class _Lookups:
    """``existing_ids`` on a connection that stays open across windows needing no write
    (a re-ingest: ~25 ms per open saved), for at most LOOKUP_HOLD_S: ``expire()``, called
    as each item is read, closes it then, so another process waits no longer for the file
    than that plus one file's read. The ingest loop closes it before any scoring or write;
    the write re-checks duplicates in its own transaction, as always. A database with no
    file yet is never looked up (``_may_hold_articles``)."""

    def __init__(self, db: str | Path | None, host: WriteHost) -> None:
        self.db, self.host = db, host
        self.store: Store | None = None
        self.opened = 0.0
        self.needed = _may_hold_articles(db)

    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        if not self.needed:
            return set()
        if self.store is None:
            self.store = Store(self.db, host=self.host)
            self.opened = time.monotonic()
        return self.store.existing_ids(ids)

    def expire(self) -> None:
        if self.store is not None and time.monotonic() - self.opened > LOOKUP_HOLD_S:
            self.close()

    def close(self) -> None:
        if self.store is not None:
            store, self.store = self.store, None
            store.close()


def _may_hold_articles(db: str | Path | None) -> bool:
    """Could the database hold articles before this run? Not if it has no file yet (nor a
    write-ahead log): every id it will hold is then stored by this run (``seen`` knows
    those) or by another process meanwhile (the write re-checks, in its transaction; only
    such a rival's document that our rules refuse is then a failure, not a duplicate), so a
    first ingest into a new file opens it only to write (5 opens, not 9, for 2,000
    articles, and none before the pool starts)."""
    path = resolve_db_path(db)
    if path == MEMORY:
        return False  # every connection to :memory: is a new, empty database
    return Path(path).exists() or Path(path + ".wal").exists()


def _new_articles(
    window: list[Item], stored: set[str], seen: set[str], report: IngestReport
) -> tuple[list[Article], int]:
    """(articles to score, how many were stored duplicates), in order; errors and
    duplicates go to the report. A stored id is a duplicate without further checks; any
    other Pending is finished first (its rules may refuse it, as load_articles would), and
    only then is it a repeat of an earlier item of this run or a new article."""
    todo: list[Article] = []
    skipped = 0
    for item in window:
        if isinstance(item, IngestError):
            report.failed.append(item)
            continue
        article_id = item.id
        if article_id in stored:
            report.duplicates.append(article_id)
            if article_id not in seen:
                seen.add(article_id)
                skipped += 1
            continue
        article = item.article() if isinstance(item, Pending) else item
        if isinstance(item, Pending) and item.warnings:
            report.warnings.extend((item.origin, w) for w in item.warnings)
        if isinstance(article, IngestError):
            report.failed.append(article)
        elif article_id in seen:
            report.duplicates.append(article_id)
        else:
            seen.add(article_id)
            todo.append(article)
    return todo, skipped


def _write(
    db: str | Path | None,
    results: Scored,
    report: IngestReport,
    host: WriteHost,
) -> None:
    rows, failed = results
    report.failed.extend(failed)
    if len(rows):
        with Store(db, host=host) as store:
            result = store.add_rows(rows)
        report.added.extend(result.added)
        report.duplicates.extend(result.duplicates)


def score_articles(articles: Iterable[Article]) -> list[ScoredArticle | IngestError]:
    """Score here, one by one (the upload review: each record once, for the date shown)."""
    return [score_one(article, None) for article in articles]


def ingest_scored(
    items: Iterable[ScoredArticle | IngestError],
    db: str | Path | None = None,
    *,
    on_article: Progress | None = None,
) -> IngestReport:
    """Store articles scored already (the reviewed upload), a transaction per WINDOW; errors
    go to the report, stored ids count as duplicates. Nothing is scored a second time."""
    report = IngestReport()
    batch: list[ScoredArticle] = []

    def flush() -> None:
        if batch:
            with Store(db) as store:
                result = store.add_scored(batch)
            report.added.extend(result.added)
            report.duplicates.extend(result.duplicates)
            if on_article:
                on_article(len(batch))
            batch.clear()

    for item in items:
        if isinstance(item, IngestError):
            report.failed.append(item)
            continue
        batch.append(item)
        if len(batch) == WINDOW:
            flush()
    flush()
    return report


def rescore(
    db: str | Path | None = None,
    *,
    workers: int | None = None,
    actors_file: str | None = None,
    force: bool = False,
    on_article: Progress | None = None,
) -> tuple[int, list[IngestError]]:
    """Recompute the scores of stored articles whose scorer version is not the current one."""
    version = default_scorer(actors_file).version
    with Store(db) as store:
        ids = store.article_ids(stale_for=None if force else version)
    workers = default_workers() if workers is None else workers
    pool = None
    if workers > 1 and len(ids) >= POOL_MIN_ARTICLES:
        pool = ProcessPoolExecutor(workers, initializer=init_worker, initargs=(actors_file,))
    done = 0
    failures: list[IngestError] = []
    try:
        for start in range(0, len(ids), WINDOW):
            with Store(db) as store:
                articles = store.articles_by_ids(ids[start : start + WINDOW])
            rows, failed = WindowScoring(articles, pool, actors_file, on_article).collect()
            failures.extend(failed)
            with Store(db) as store:
                store.replace_rows(rows)
            done += len(rows)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return done, failures

"""Scoring a window of articles on the ingest's process pool (or, without one, here):
the local counterpart of a cluster's workers (``tasks`` shares its scoring step).

Workers are forked once per run (``init_worker`` builds their scorer) and get tasks of
POOL_CHUNK articles; each sends back store-ready Arrow rows (tracker.store.rows), not
ScoredArticles, and an article that cannot be scored costs that article, not the task.
The window before the last keeps the workers busy while the ingest process writes; the
last one (see TAIL_ARTICLES) is cut finer at its end and collected in two parts.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from tracker.coding.budget import BudgetExceeded
from tracker.coding.score import default_scorer, score_article
from tracker.errors import IngestError
from tracker.lifeline import exit_with_parent
from tracker.models import Article, ScoredArticle
from tracker.store.rows import ScoredRows, concat_rows, scored_rows

Progress = Callable[[int], None]  # called with the number of items just finished
# articles per task sent to a worker: between two tasks a worker waits ~5-10 ms (its rows go
# through a pipe the ingest process drains between its own work), so fewer, larger tasks
POOL_CHUNK = 64
# The last window's last TAIL_ARTICLES go out TAIL_CHUNK at a time, so the workers finish
# within a few articles of each other, and the window is written in two transactions:
# the first half while the workers score the second (less for the pool to wait on at the end).
TAIL_ARTICLES = 64
TAIL_CHUNK = 8


Scored = tuple[ScoredRows, list[IngestError]]  # a task's rows and its failed articles


class WindowScoring:
    """One window being scored: on the pool (futures) or, without one, right here."""

    def __init__(
        self,
        articles: list[Article],
        pool: ProcessPoolExecutor | None,
        actors_file: str | None,
        on_article: Progress | None,
        *,
        last: bool = False,
    ) -> None:
        self.on_article = on_article
        self.count = len(articles)
        self.futures: list[Future[Scored]] = []
        self.sizes: list[int] = []  # articles per task
        if pool is None:
            if articles:
                self.futures = [_done(score_rows(articles, actors_file))]
                self.sizes = [len(articles)]
        else:
            for chunk in _chunks(articles, POOL_CHUNK, TAIL_ARTICLES if last else 0):
                self.futures.append(pool.submit(_score_chunk, chunk))
                self.sizes.append(len(chunk))

    def absorb(self, other: WindowScoring) -> None:
        """Take ``other``'s tasks after this window's: collected (and written) together."""
        self.futures += other.futures
        self.sizes += other.sizes
        self.count += other.count

    def collect(self) -> Scored:
        """The window's store rows (articles in order) and the articles that failed."""
        return next(self.collect_parts(1))

    def collect_parts(self, parts: int) -> Iterator[Scored]:
        """The same in up to ``parts`` consecutive parts of about as many articles, each
        as soon as its tasks are done."""
        if not self.futures:
            yield concat_rows([]), []
            return
        for group in _groups(self.sizes, parts):
            results = [self.futures[i].result() for i in group]
            if self.on_article:
                self.on_article(sum(self.sizes[i] for i in group))
            yield (
                concat_rows([rows for rows, _ in results]),
                [error for _, errors in results for error in errors],
            )


def _done(result: Scored) -> Future[Scored]:
    future: Future[Scored] = Future()
    future.set_result(result)
    return future


def _groups(sizes: list[int], parts: int) -> list[list[int]]:
    """Task indexes in at most ``parts`` consecutive groups of about as many articles."""
    total, done = sum(sizes), 0
    groups: list[list[int]] = [[]]
    for index, size in enumerate(sizes):
        groups[-1].append(index)
        done += size
        if len(groups) < parts and done * parts >= total * len(groups) and index + 1 < len(sizes):
            groups.append([])
    return groups


def default_workers() -> int:
    """Both cores on this kind of machine; never more than the CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _chunks(items: list[Article], size: int, tail: int = 0) -> Iterator[list[Article]]:
    """Chunks of ``size`` items, the last ``tail`` items in chunks of TAIL_CHUNK."""
    body = max(0, len(items) - tail)
    for start in range(0, body, size):
        yield items[start : min(start + size, body)]
    for start in range(body, len(items), TAIL_CHUNK):
        yield items[start : start + TAIL_CHUNK]


_WORKER_ACTORS: str | None = None


def init_worker(actors_file: str | None) -> None:
    global _WORKER_ACTORS
    exit_with_parent()  # a SIGKILLed ingest must not leave its workers behind
    _WORKER_ACTORS = actors_file
    default_scorer(actors_file)  # build the matcher, analyzer and rules once per process


def _score_chunk(articles: list[Article]) -> tuple[ScoredRows, list[IngestError]]:
    """Score in a worker; store-ready Arrow tables go back (flat buffers, cheap to unpickle)."""
    return score_rows(articles, _WORKER_ACTORS)


def score_rows(
    articles: list[Article], actors_file: str | None
) -> tuple[ScoredRows, list[IngestError]]:
    results = [score_one(a, actors_file) for a in articles]
    scored = [r for r in results if not isinstance(r, IngestError)]
    return scored_rows(scored), [r for r in results if isinstance(r, IngestError)]


def score_one(article: Article, actors_file: str | None) -> ScoredArticle | IngestError:
    try:
        return score_article(article, default_scorer(actors_file))
    except BudgetExceeded as error:  # a list of 9,000 names: refused, not scored for minutes
        return IngestError(article.origin, str(error))
    except Exception as error:  # a scorer bug must cost one article, not the batch
        return IngestError(article.origin, f"could not be scored: {error!r}")

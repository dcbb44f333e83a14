"""Sources -> articles: add a feed or a page, poll them, report per source.

A poll of one source: GET its URL with the validators of the previous answer (a 304 ends
the poll: nothing changed); a feed's entries already stored (an article with that URL, or
an entry of this source fetched before whose article id is stored) are skipped before any
request; the other entries are fetched (a politeness delay per host), read as pages by the
loader (tracker.sources.pages) and handed to the one front door, ``ingest_articles``, which
drops texts already stored, scores the rest and stores them. Each source gets a report
shaped like ``tracker ingest --json``; a source that fails is reported and the next one
is polled.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tracker.errors import IngestError, StoreBusy, TrackerError
from tracker.ingest import IngestReport, ingest_articles
from tracker.load.reader import Pending
from tracker.sources.feeds import (
    FeedEntry,
    FeedError,
    looks_like_feed,
    looks_like_html,
    media_type,
    parse_feed,
)
from tracker.sources.fetch import Fetched, Fetcher, FetchError
from tracker.sources.pages import page_item
from tracker.sources.urls import BadUrl, check_url
from tracker.store import Store
from tracker.store.source_store import ItemOutcome, PollOutcome, Source

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
KINDS = ("feed", "page")


@dataclass
class SourceReport:
    """What one poll of one source did."""

    source: str
    kind: str
    status: str  # "ok", "not_modified" or "failed"
    error: str | None = None
    report: IngestReport = field(default_factory=IngestReport)
    skipped: int = 0  # entries already stored: not fetched

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "kind": self.kind,
            "status": self.status,
            "error": self.error,
            **self.report.as_dict(),
            "skipped": self.skipped,
        }


def detect_kind(fetched: Fetched) -> tuple[str, str | None]:
    """('feed', its title) or ('page', None) for an answer; FetchError when it is neither."""
    if looks_like_feed(fetched.content_type, fetched.body):
        try:
            feed = parse_feed(fetched.body, fetched.url)
        except FeedError as error:
            raise FetchError(fetched.url, str(error)) from None
        return "feed", feed.title
    if looks_like_html(fetched.content_type, fetched.body):
        return "page", None
    shown = media_type(fetched.content_type) or "none"
    raise FetchError(fetched.url, f"neither a feed nor an HTML page (content type {shown})")


def add_source(
    db: str | Path | None, url: str, *, kind: str | None = None, fetcher: Fetcher | None = None
) -> Source:
    """Store a source. Without ``kind`` the URL is fetched once to tell a feed (RSS, Atom)
    from a page; FetchError when it cannot be fetched or is neither. BadUrl for a URL
    that is not http(s)."""
    url = check_url(url)
    title = None
    if kind is None:
        own = fetcher is None
        fetcher = fetcher or Fetcher()
        try:
            kind, title = detect_kind(fetcher.get(url, accept=FEED_ACCEPT + ", text/html;q=0.5"))
        finally:
            if own:
                fetcher.close()
    elif kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    with Store(db) as store:
        return store.add_source(url, kind, title)


def find_source(db: str | Path | None, which: str) -> Source | None:
    """A stored source by id ('3') or URL."""
    with Store(db) as store:
        if which.strip().isdigit():
            return store.source_by_id(int(which))
        try:
            return store.source_by_url(check_url(which))
        except BadUrl:
            return None


def poll_sources(
    db: str | Path | None,
    *,
    sources: Sequence[Source] | None = None,
    fetcher: Fetcher | None = None,
    workers: int | None = None,
    on_source: Callable[[SourceReport], None] | None = None,
) -> list[SourceReport]:
    """Poll every stored source (or the given ones) once, one after another."""
    if sources is None:
        with Store(db) as store:
            sources = store.sources()
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    reports: list[SourceReport] = []
    try:
        for source in sources:
            report = poll_source(db, source, fetcher, workers=workers)
            reports.append(report)
            if on_source:
                on_source(report)
    finally:
        if own:
            fetcher.close()
    return reports


def poll_source(
    db: str | Path | None, source: Source, fetcher: Fetcher, *, workers: int | None = None
) -> SourceReport:
    """One poll of one source, recorded in the store. Only a busy store raises."""
    result = SourceReport(source.url, source.kind, "ok")
    outcome: PollOutcome
    items: list[ItemOutcome] = []
    try:
        outcome, items = _poll(db, source, fetcher, result, workers)
    except (FetchError, FeedError) as error:
        reason = error.reason if isinstance(error, FetchError) else str(error)
        result.status, result.error = "failed", reason
        result.report.failed.append(IngestError(source.url, reason))
        outcome = PollOutcome("failed", reason, failed=1)
    except StoreBusy:
        raise
    except TrackerError as error:
        result.status, result.error = "failed", str(error)
        result.report.failed.append(IngestError(source.url, str(error)))
        outcome = PollOutcome("failed", str(error), failed=1)
    except Exception as error:  # a bug on one source must not stop the others
        reason = f"internal error ({type(error).__name__}: {error}); please report it"
        result.status, result.error = "failed", reason
        result.report.failed.append(IngestError(source.url, reason))
        outcome = PollOutcome("failed", reason, failed=1)
    with Store(db) as store:
        store.record_poll(source.id, outcome, items)
    return result


def _poll(
    db: str | Path | None,
    source: Source,
    fetcher: Fetcher,
    result: SourceReport,
    workers: int | None,
) -> tuple[PollOutcome, list[ItemOutcome]]:
    if source.kind == "page":
        with Store(db) as store:
            if store.stored_entry_urls(source.id, [source.url]):
                result.skipped = 1
                return PollOutcome("ok"), []
    accept = FEED_ACCEPT if source.kind == "feed" else PAGE_ACCEPT
    answer = fetcher.get(
        source.url, etag=source.etag, last_modified=source.last_modified, accept=accept
    )
    if answer.not_modified:
        result.status = "not_modified"
        return PollOutcome("not_modified", etag=answer.etag, last_modified=answer.last_modified), []
    title = None
    if source.kind == "feed":
        feed = parse_feed(answer.body, answer.url)
        title = feed.title
        with Store(db) as store:
            stored = store.stored_entry_urls(source.id, [e.url for e in feed.entries])
        todo = [e for e in feed.entries if e.url not in stored]
        result.skipped = len(feed.entries) - len(todo)
        items = [_fetch_entry(fetcher, entry, feed.title) for entry in todo]
    else:
        if not looks_like_html(answer.content_type, answer.body):
            shown = media_type(answer.content_type) or "none"
            raise FetchError(source.url, f"not an HTML page (content type {shown})")
        items = [page_item(source.url, answer.body, outlet=source.title)]
    report = ingest_articles(items, db, workers=workers)
    result.report = report
    outcomes = _item_outcomes(items, report)
    return (
        PollOutcome(
            "ok",
            etag=answer.etag,
            last_modified=answer.last_modified,
            title=title,
            added=len(report.added),
            duplicates=len(report.duplicates),
            failed=len(report.failed),
        ),
        outcomes,
    )


def _fetch_entry(fetcher: Fetcher, entry: FeedEntry, outlet: str | None) -> Pending | IngestError:
    try:
        page = fetcher.get(entry.url, accept=PAGE_ACCEPT)
    except FetchError as error:
        return IngestError(entry.url, error.reason)
    if not looks_like_html(page.content_type, page.body):
        shown = media_type(page.content_type) or "none"
        return IngestError(entry.url, f"not an HTML page (content type {shown})")
    return page_item(entry.url, page.body, entry_date=entry.published, outlet=outlet)


def _item_outcomes(
    items: Sequence[Pending | IngestError], report: IngestReport
) -> list[ItemOutcome]:
    """One outcome per entry URL: added (the first URL of a new text), duplicate, failed."""
    added = set(report.added)
    failed = {error.file: error.reason for error in report.failed}
    outcomes: list[ItemOutcome] = []
    claimed: set[str] = set()
    for item in items:
        if isinstance(item, IngestError):
            outcomes.append(ItemOutcome(item.file, "failed", error=item.reason))
            continue
        url = item.origin
        if url in failed:
            outcomes.append(ItemOutcome(url, "failed", error=failed[url]))
        elif item.id in added and item.id not in claimed:
            claimed.add(item.id)
            outcomes.append(ItemOutcome(url, "added", article_id=item.id))
        else:
            outcomes.append(ItemOutcome(url, "duplicate", article_id=item.id))
    return outcomes

"""Feed bytes -> entries (feedparser), and telling a feed from an HTML page. Pure: no I/O.

feedparser reads RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed; it is given the bytes as a
stream (never a URL or a path, which it would open itself) and never resolves external
entities. Entry links are made absolute against the feed's URL and kept only when they are
http(s) (tracker.sources.urls).
"""

from __future__ import annotations

import calendar
import io
from dataclasses import dataclass
from datetime import UTC, date, datetime

from tracker.sources.urls import BadUrl, check_url

MAX_ENTRIES = 500  # entries read from one feed per poll; a feed is a recent list, not an archive
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/feed+json",
)
HTML_TYPES = ("text/html", "application/xhtml+xml")
_FEED_STARTS = (b"<?xml", b"<rss", b"<feed", b"<rdf:rdf")


class FeedError(ValueError):
    """Bytes that are not a readable feed; the message says why."""


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One entry of a feed: the page it links to, its title and date when given."""

    url: str
    title: str | None = None
    published: date | None = None


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    entries: tuple[FeedEntry, ...]
    skipped: tuple[str, ...] = ()  # one reason per entry left out (no link, bad link)


def media_type(content_type: str | None) -> str:
    """'text/HTML; charset=utf-8' -> 'text/html'."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def looks_like_feed(content_type: str | None, body: bytes) -> bool:
    """A feed by its media type, or by its first bytes when the type says nothing useful."""
    kind = media_type(content_type)
    if kind in FEED_TYPES or kind.endswith(("+xml", "/xml")):
        return True
    head = body[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if kind in HTML_TYPES and not head.startswith((b"<rss", b"<feed", b"<rdf:rdf")):
        return False
    return head.startswith(_FEED_STARTS)


def looks_like_html(content_type: str | None, body: bytes) -> bool:
    kind = media_type(content_type)
    if kind in HTML_TYPES:
        return True
    if kind and kind not in ("text/plain", "application/octet-stream"):
        return False  # an image, a PDF, JSON...: never read as a page
    head = body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


def parse_feed(body: bytes, base_url: str, *, max_entries: int = MAX_ENTRIES) -> Feed:
    """The feed's title and entries (newest as the feed orders them, at most max_entries).

    Raises FeedError when the bytes are no feed at all (an HTML page, an empty body) or
    malformed XML that gives no entry with a link. A feed that is slightly malformed but
    has entries is read (feedparser's lenient parser); a well-formed empty feed is empty.
    """
    import feedparser

    if not body.strip():
        raise FeedError("empty feed")
    parsed = feedparser.parse(
        io.BytesIO(body), response_headers={"content-location": base_url}, sanitize_html=True
    )
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f": {_one_line(problem)}" if problem else ""
        raise FeedError(f"not a feed (malformed XML or not RSS/Atom){detail}")
    entries: list[FeedEntry] = []
    skipped: list[str] = []
    seen: set[str] = set()
    for entry in parsed.entries[:max_entries]:
        link = _entry_link(entry)
        if not link:
            skipped.append("entry without a link")
            continue
        try:
            url = check_url(link, base_url)
        except BadUrl as error:
            skipped.append(f"{_one_line(link)[:120]}: {error}")
            continue
        if url in seen:
            continue
        seen.add(url)
        entries.append(FeedEntry(url, _text(entry.get("title")), _entry_date(entry)))
    if parsed.get("bozo") and not entries:  # broken XML that gave nothing usable
        problem = parsed.get("bozo_exception")
        raise FeedError(f"malformed feed with no usable entry: {_one_line(problem)}")
    title = _text(parsed.feed.get("title")) if parsed.get("feed") else None
    return Feed(title, tuple(entries), tuple(skipped))


def _entry_link(entry) -> str | None:
    link = entry.get("link")
    if isinstance(link, str) and link.strip():
        return link.strip()
    for candidate in entry.get("links") or ():
        href = candidate.get("href")
        rel = candidate.get("rel", "alternate")
        if isinstance(href, str) and href.strip() and rel == "alternate":
            return href.strip()
    guid = entry.get("id")
    if isinstance(guid, str) and guid.startswith(("http://", "https://")):
        return guid.strip()
    return None


def _entry_date(entry) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), UTC).date()
            except (OverflowError, ValueError, TypeError):
                continue
    return None


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _one_line(value: object) -> str:
    return " ".join(str(value).split())

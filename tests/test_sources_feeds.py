"""tracker.sources: URLs, feed parsing, feed-or-page, intervals and the politeness delay
(pure parts; the HTTP parts are in test_sources_fetch.py)."""

from __future__ import annotations

from datetime import date

import pytest
from feed_fixtures import atom, rss

from tracker.sources.feeds import FeedError, looks_like_feed, looks_like_html, parse_feed
from tracker.sources.fetch import HostPacer
from tracker.sources.schedule import parse_every, run_every
from tracker.sources.urls import BadUrl, check_url, host_of

BASE = "http://news.example/world/feed.xml"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://a.example/x?y=1#frag", "http://a.example/x?y=1"),
        ("HTTPS://A.Example:8443", "https://a.example:8443/"),
        ("https://[::1]:8080/p", "https://[::1]:8080/p"),
    ],
)
def test_http_urls_are_kept(url, expected):
    assert check_url(url) == expected


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///etc/passwd", "only http and https"),
        ("ftp://a.example/x", "only http and https"),
        ("javascript:alert(1)", "only http and https"),
        ("data:text/html,<script>", "only http and https"),
        ("a.example/no-scheme", "only http and https"),
        ("http://user:pw@a.example/", "user name or password"),
        ("http:///nohost", "no host"),
        ("http://a.example/a b", "control characters or spaces"),
        ("http://a.example:99999/", "malformed URL"),
        ("", "empty URL"),
    ],
)
def test_other_urls_are_refused_with_a_reason(url, reason):
    with pytest.raises(BadUrl, match=reason):
        check_url(url)


def test_relative_links_resolve_against_the_feed_and_host_keys_include_the_port():
    assert check_url("../story.html", BASE) == "http://news.example/story.html"
    assert host_of("http://a.example/x") == "a.example:80"
    assert host_of("https://a.example/x") == "a.example:443"
    assert host_of("http://127.0.0.1:8123/") == "127.0.0.1:8123"


def test_rss_entries_with_dates_titles_and_absolute_links():
    feed = parse_feed(
        rss(
            "World <News>",
            [
                ("First", "/a.html", "Wed, 16 Jun 2021 12:00:00 GMT"),
                ("Second", "http://other.example/b.html", "Thu, 15 Apr 2021 23:30:00 -0500"),
                ("Repeat", "/a.html", "Wed, 16 Jun 2021 12:00:00 GMT"),
            ],
        ).encode(),
        BASE,
    )
    assert feed.title == "World <News>"
    assert [e.url for e in feed.entries] == [
        "http://news.example/a.html",
        "http://other.example/b.html",
    ]
    assert feed.entries[0].published == date(2021, 6, 16)
    assert feed.entries[1].published == date(2021, 4, 16)  # 23:30 -05:00 is the 16th in UTC
    assert feed.entries[0].title == "First"


def test_atom_entries():
    feed = parse_feed(
        atom("Atom world", [("One", "http://a.example/1", "2024-08-01T10:00:00Z")]).encode(), BASE
    )
    assert [(e.url, e.published) for e in feed.entries] == [
        ("http://a.example/1", date(2024, 8, 1))
    ]


def test_entries_with_other_schemes_are_skipped_with_a_reason():
    feed = parse_feed(
        rss(
            "x",
            [
                ("js", "javascript:alert(1)", ""),
                ("file", "file:///etc/passwd", ""),
                ("ok", "http://a.example/ok", ""),
            ],
        ).encode(),
        BASE,
    )
    assert [e.url for e in feed.entries] == ["http://a.example/ok"]
    assert len(feed.skipped) == 2 and all("only http and https" in s for s in feed.skipped)


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"<rss><channel><item><title>broken",
        b"<html><body><p>not a feed</p></body></html>",
        b"\x89PNG\r\n\x1a\n\x00\x00",
    ],
)
def test_what_is_no_feed_raises(body):
    with pytest.raises(FeedError):
        parse_feed(body, BASE)


def test_feed_or_page_by_type_then_by_first_bytes():
    xml = b'<?xml version="1.0"?><rss version="2.0"></rss>'
    page = b"<!DOCTYPE html><html><body>x</body></html>"
    assert looks_like_feed("application/rss+xml", b"")
    assert looks_like_feed("text/xml; charset=utf-8", b"")
    assert looks_like_feed("text/plain", xml)
    assert looks_like_feed("text/html", b"<rss version='2.0'>")  # mislabelled feed
    assert not looks_like_feed("text/html", page)
    assert looks_like_html("text/html; charset=utf-8", page)
    assert looks_like_html(None, page)
    assert not looks_like_html("image/png", page)  # a type that says "not a page" wins
    assert not looks_like_html("application/json", b"{}")


def test_intervals():
    assert parse_every("15m") == 900
    assert parse_every("30s") == 30
    assert parse_every("2h") == 7200
    assert parse_every("1d") == 86400
    assert parse_every("90") == 90
    for bad in ("", "15 minutes", "-5m", "0s", "m"):
        with pytest.raises(ValueError):
            parse_every(bad)


class FakeClock:
    """Time that moves only when slept through (or advanced by the test)."""

    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 6))
        self.now += seconds


def test_politeness_delay_is_per_host():
    clock = FakeClock()
    pacer = HostPacer(2.0, clock=clock, sleep=clock.sleep)
    pacer.wait("http://a.example/1")
    pacer.wait("http://b.example/1")  # another host: no wait
    pacer.wait("http://a.example/2")  # same host at once: waits the full delay
    clock.now += 0.5
    pacer.wait("http://a.example/3")  # 0.5 s later: waits the rest
    clock.now += 5
    pacer.wait("http://a.example/4")  # long after: no wait
    assert clock.slept == [2.0, 1.5]


def test_run_every_keeps_the_interval_from_start_to_start():
    clock = FakeClock()
    calls: list[float] = []

    def work() -> None:
        calls.append(clock.now)
        clock.now += 3  # each round takes 3 s

    assert run_every(10, work, rounds=3, clock=clock, sleep=clock.sleep) == 3
    assert [c - calls[0] for c in calls] == [0, 10, 20]
    assert clock.slept == [7, 7]

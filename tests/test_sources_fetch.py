"""tracker.sources.fetch against a real HTTP server on 127.0.0.1: conditional requests,
checked redirects, timeouts, the size cap, refused connections."""

from __future__ import annotations

import socket
from dataclasses import replace

import pytest
from feed_server import (
    declared_huge,
    dripping,
    endless,
    gzip_bomb,
    redirect,
    stalled,
)

from tracker.sources.fetch import Fetcher, FetchError, FetchPolicy

CAP = 256 * 1024
# Generous timeouts where a test is not about them: on a loaded machine the local server's
# thread can take more than half a second to answer a small page.
POLICY = FetchPolicy(
    connect_timeout_s=10.0,
    read_timeout_s=10.0,
    body_deadline_s=30.0,
    max_bytes=CAP,
    max_redirects=3,
    host_delay_s=0.0,
)
# For the timeout tests: a read timeout ten times the drip's gap, a deadline far below the
# drip's whole length (10 s) and the stall (3 s).
TIGHT = replace(POLICY, read_timeout_s=1.0, body_deadline_s=1.5)


@pytest.fixture
def fetcher():
    with Fetcher(POLICY) as client:
        yield client


@pytest.fixture
def tight_fetcher():
    with Fetcher(TIGHT) as client:
        yield client


def test_a_page_and_its_validators(server, fetcher):
    url = server.page(
        "/a.html",
        "<html><body><p>hello</p></body></html>",
        last_modified="Fri, 15 Aug 2025 12:00:00 GMT",
    )
    first = fetcher.get(url)
    assert first.status == 200 and b"hello" in first.body
    assert first.etag and first.last_modified == "Fri, 15 Aug 2025 12:00:00 GMT"
    assert first.content_type.startswith("text/html")
    again = fetcher.get(url, etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.body == b""
    hits = server.hits("/a.html")
    assert [h.status for h in hits] == [200, 304]
    assert hits[1].headers["If-None-Match"] == first.etag
    assert hits[1].headers["If-Modified-Since"] == first.last_modified
    assert "If-None-Match" not in hits[0].headers


def test_redirects_are_followed_and_checked(server, fetcher):
    target = server.page("/final.html", "<html><body><p>there</p></body></html>")
    server.route("/moved", redirect("/final.html", 301))
    answer = fetcher.get(server.url("/moved"))
    assert answer.url == target and b"there" in answer.body


@pytest.mark.parametrize(
    ("location", "reason"),
    [
        ("ftp://127.0.0.1/file", "redirected to a URL not fetched (only http and https URLs"),
        ("file:///etc/passwd", "redirected to a URL not fetched (only http and https URLs"),
        ("javascript:alert(1)", "redirected to a URL not fetched"),
    ],
)
def test_redirects_to_other_schemes_are_refused(server, fetcher, location, reason):
    url = server.route("/away", redirect(location))
    with pytest.raises(FetchError, match=reason.replace("(", r"\(")):
        fetcher.get(url)


def test_redirect_loops_and_chains_stop(server, fetcher):
    server.route("/loop1", redirect("/loop2"))
    server.route("/loop2", redirect("/loop1"))
    with pytest.raises(FetchError, match="redirect loop"):
        fetcher.get(server.url("/loop1"))
    for i in range(6):
        server.route(f"/hop{i}", redirect(f"/hop{i + 1}"))
    with pytest.raises(FetchError, match="more than 3 redirects"):
        fetcher.get(server.url("/hop0"))
    assert len(server.hits("/hop4")) == 0  # never followed past the limit


def test_a_body_over_the_cap_is_cut_off(server, fetcher):
    with pytest.raises(FetchError, match="over the 262,144 byte limit"):
        fetcher.get(server.route("/endless", endless()))


def test_a_declared_length_over_the_cap_is_refused_before_reading(server, fetcher):
    with pytest.raises(FetchError, match="1,073,741,824 bytes, over the 262,144 limit"):
        fetcher.get(server.route("/huge", declared_huge()))


def test_a_gzip_bomb_is_refused_on_its_inflated_size(server, fetcher):
    with pytest.raises(FetchError, match="over the 262,144 byte limit"):
        fetcher.get(server.route("/bomb", gzip_bomb(20 * 1024 * 1024)))


def test_a_stalled_answer_times_out(server, tight_fetcher):
    with pytest.raises(FetchError, match="timed out reading"):
        tight_fetcher.get(server.route("/stalled", stalled(3.0)))


def test_a_dripping_answer_hits_the_body_deadline(server, tight_fetcher):
    # each byte comes well inside the read timeout; the whole body never does
    with pytest.raises(FetchError, match=r"took over 1\.5 s"):
        tight_fetcher.get(server.route("/drip", dripping(0.1, 100)))


def test_http_errors_and_dead_hosts(server, fetcher):
    with pytest.raises(FetchError, match="HTTP 404"):
        fetcher.get(server.url("/nothing-here"))
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match="cannot connect"):
        fetcher.get(f"http://127.0.0.1:{port}/feed.xml")


def test_the_first_url_is_checked_too(fetcher):
    with pytest.raises(FetchError, match="only http and https"):
        fetcher.get("file:///etc/passwd")

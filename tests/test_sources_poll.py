"""Polling sources end to end, on a real HTTP server on 127.0.0.1 and a real DuckDB file:
a feed is polled, its entries fetched, scored, stored and charted; a second poll fetches
nothing; dead and hostile sources are reported while the others land."""

from __future__ import annotations

import socket

import pytest
from feed_fixtures import ARTICLES, article_html, rss, rss_of, serve_articles
from feed_server import (
    endless,
    redirect,
    stalled,
    typed,
)

from tracker.index.timeline import compute_timeline
from tracker.present.charts import temperature_figure
from tracker.sources.fetch import Fetcher, FetchPolicy
from tracker.sources.poll import add_source, poll_sources
from tracker.store import Store

POLICY = FetchPolicy(
    connect_timeout_s=2.0,
    read_timeout_s=0.5,
    body_deadline_s=2.0,
    max_bytes=256 * 1024,
    max_redirects=3,
    host_delay_s=0.0,
)
WHEN = "Thu, 01 Aug 2024 12:00:00 GMT"


@pytest.fixture
def fetcher():
    with Fetcher(POLICY) as client:
        yield client


@pytest.fixture
def db(tmp_path):
    return tmp_path / "tracker.duckdb"


def page_hits(server):
    return [h for h in server.log if h.path.startswith("/news/")]


def test_a_feed_is_polled_scored_and_charted_and_a_second_poll_fetches_nothing(
    server,
    fetcher,
    db,
):
    urls = serve_articles(server)
    feed_url = server.feed("/feed.xml", rss_of(urls))
    source = add_source(db, feed_url, fetcher=fetcher)
    assert (source.kind, source.title) == ("feed", "Loopback World News")

    (first,) = poll_sources(db, fetcher=fetcher, workers=1)
    assert first.status == "ok" and first.error is None
    assert len(first.report.added) == 3 and not first.report.failed
    assert sorted(h.path for h in page_hits(server)) == sorted(p for p, *_ in ARTICLES)
    with Store(db, read_only=True) as store:
        stored = store.con.execute("SELECT url, source, published_at FROM articles").fetchall()
        timeline = compute_timeline(store, "USA-RUS", freq="M")
        (polled,) = store.sources()
    assert sorted(u for u, _, _ in stored) == sorted(urls)
    assert {s for _, s, _ in stored} == {"Loopback News"}  # the page's site name
    assert {str(d) for *_, d in stored} == {"2021-06-16", "2021-04-15", "2024-08-01"}
    assert timeline["articles"].sum() == 3 and timeline["temperature"].notna().all()
    figure = temperature_figure(timeline)
    assert any(t.name == "RUS–USA" for t in figure.data)
    assert (polled.last_status, polled.last_added, polled.total_added) == ("ok", 3, 3)
    assert polled.etag and polled.last_polled_at is not None

    fetched_before = len(page_hits(server))
    (second,) = poll_sources(db, fetcher=fetcher, workers=1)
    assert second.status == "not_modified" and second.as_dict()["added"] == 0
    last_feed_hit = server.hits("/feed.xml")[-1]
    assert last_feed_hit.status == 304
    assert last_feed_hit.headers["If-None-Match"] == polled.etag
    assert last_feed_hit.headers["If-Modified-Since"] == polled.last_modified
    assert len(page_hits(server)) == fetched_before  # no page fetched again


def test_a_changed_feed_fetches_only_its_new_entries(server, fetcher, db):
    urls = serve_articles(server)
    feed_url = server.feed("/feed.xml", rss_of(urls))
    add_source(db, feed_url, fetcher=fetcher)
    poll_sources(db, fetcher=fetcher, workers=1)
    # the same text under a second URL, and a new story
    server.page("/news/copy.html", article_html(*ARTICLES[0][1:]))
    new = server.page(
        "/news/new.html",
        article_html(
            "Russia and the United States agree to restore embassy staff",
            "2025-04-10",
            [
                "ISTANBUL - Russia and the United States agreed on Thursday to restore the "
                "staffing of their embassies after talks in Istanbul.",
                "Washington welcomed the agreement and Moscow praised the constructive talks.",
            ],
        ),
    )
    items = [(a[1], u, WHEN) for a, u in zip(ARTICLES, urls, strict=True)]
    items += [("copy", server.url("/news/copy.html"), WHEN), ("new", new, WHEN)]
    server.feed("/feed.xml", rss("Loopback World News", items))
    before = {h.path for h in page_hits(server)}
    (report,) = poll_sources(db, fetcher=fetcher, workers=1)
    fetched = [h.path for h in page_hits(server)][len(before) :]
    assert sorted(fetched) == ["/news/copy.html", "/news/new.html"]
    assert report.skipped == 3 and len(report.report.added) == 1
    assert len(report.report.duplicates) == 1  # the copy: its text is stored already
    server.feed("/feed.xml", rss("Loopback World News", [*items, ("x", new + "?v=2", WHEN)]))
    count = len(page_hits(server))
    (again,) = poll_sources(db, fetcher=fetcher, workers=1)
    # the copy is skipped by its article id, the others by URL: only the new link is fetched
    assert [h.path for h in page_hits(server)][count:] == ["/news/new.html?v=2"]
    assert again.skipped == 5


def test_dead_and_hostile_sources_are_reported_and_the_rest_land(server, fetcher, db):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}/feed.xml"
    add_source(db, dead, kind="feed")
    broken = server.route(
        "/broken.xml", typed(b"<rss><channel><item><title>no end", "application/rss+xml")
    )
    add_source(db, broken, kind="feed")
    scripted = server.page(
        "/news/scripted.html",
        article_html(
            "Washington and Moscow <script>alert('title')</script> hold talks",
            "2022-01-10",
            [
                "GENEVA - The United States and Russia held security talks in Geneva on "
                "Monday, and both delegations described the meeting as frank.",
                "Washington urged Moscow to pull back its troops from the border of Ukraine.",
            ],
            extra_body="<script>document.write('INJECTED-SCRIPT')</script>"
            "<style>p{color:red}</style><noscript>INJECTED-NOSCRIPT</noscript>",
        ),
    )
    hostile_routes = {
        "/news/endless.html": endless(),
        "/news/stalled.html": stalled(3.0),
        "/news/loop.html": redirect("/news/loop.html"),
        "/news/ftp.html": redirect("ftp://127.0.0.1/x"),
        "/news/image.html": typed(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png"),
    }
    hostile = [server.route(path, handler) for path, handler in hostile_routes.items()]
    mixed = server.feed(
        "/mixed.xml",
        rss(
            "Mixed",
            [(p, u, WHEN) for p, u in zip(hostile_routes, hostile, strict=True)]
            + [("scripted", scripted, WHEN)],
        ),
    )
    add_source(db, mixed, fetcher=fetcher)
    good = server.feed("/feed.xml", rss_of(serve_articles(server)))
    add_source(db, good, fetcher=fetcher)

    reports = {r.source: r for r in poll_sources(db, fetcher=fetcher, workers=1)}
    assert reports[dead].status == "failed" and "cannot connect" in reports[dead].error
    assert reports[broken].status == "failed" and "malformed feed" in reports[broken].error
    assert reports[good].status == "ok" and len(reports[good].report.added) == 3
    mixed_report = reports[mixed]
    assert mixed_report.status == "ok" and len(mixed_report.report.added) == 1
    reasons = {e.file: e.reason for e in mixed_report.report.failed}
    assert set(reasons) == set(hostile)
    assert "byte limit" in reasons[server.url("/news/endless.html")]
    assert "timed out" in reasons[server.url("/news/stalled.html")]
    assert "redirect loop" in reasons[server.url("/news/loop.html")]
    assert "only http and https" in reasons[server.url("/news/ftp.html")]
    assert "not an HTML page (content type image/png)" in reasons[server.url("/news/image.html")]
    as_json = mixed_report.as_dict()
    assert set(as_json) >= {"added", "duplicates", "failed", "article_ids", "source", "status"}
    with Store(db, read_only=True) as store:
        (title, text) = store.con.execute(
            "SELECT title, text FROM articles WHERE url = ?", [scripted]
        ).fetchall()[0]
        states = {s.url: (s.last_status, s.last_error) for s in store.sources()}
        log = store.source_items(store.source_by_url(mixed).id)
    # script, style and noscript elements never become text ...
    assert "INJECTED" not in text and "document.write" not in text and "color:red" not in text
    # ... while a headline that *shows* markup (escaped in the page) is text, kept as such
    # and escaped wherever it is shown
    assert "<script>alert('title')</script>" in title
    assert states[dead][0] == "failed" and "cannot connect" in states[dead][1]
    assert states[good] == ("ok", None)
    assert dict(zip(log["url"], log["status"], strict=True))[scripted] == "added"
    assert (log["status"] == "failed").sum() == len(hostile)


def test_a_single_page_source(server, fetcher, db):
    url = server.page("/news/one.html", article_html(*ARTICLES[2][1:]))
    source = add_source(db, url, fetcher=fetcher)
    assert source.kind == "page"
    (first,) = poll_sources(db, fetcher=fetcher, workers=1)
    assert len(first.report.added) == 1
    hits = len(server.hits("/news/one.html"))
    (second,) = poll_sources(db, fetcher=fetcher, workers=1)
    assert second.skipped == 1 and second.as_dict()["added"] == 0
    assert len(server.hits("/news/one.html")) == hits  # stored: not fetched again


def test_a_url_that_is_neither_feed_nor_page_is_not_added(server, fetcher, db):
    from tracker.sources.fetch import FetchError

    url = server.route("/data.json", typed(b'{"a": 1}', "application/json"))
    with pytest.raises(FetchError, match="neither a feed nor an HTML page"):
        add_source(db, url, fetcher=fetcher)
    assert not db.exists()  # refused before anything was stored

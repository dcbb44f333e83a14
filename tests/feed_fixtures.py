"""Fixture feeds and article pages for the source tests (English, dated, about two states)."""

from __future__ import annotations

import html

ARTICLES = (
    (
        "/news/summit.html",
        "Biden and Putin hold talks in Geneva",
        "2021-06-16",
        [
            "GENEVA - U.S. President Joe Biden and Russian President Vladimir Putin met in "
            "Geneva on Wednesday for their first summit, and both sides called the talks "
            "constructive.",
            "The United States and Russia agreed to return their ambassadors to their posts "
            "and to start a dialogue on strategic stability and arms control.",
            "Washington praised Moscow for the businesslike tone of the meeting, officials said.",
        ],
    ),
    (
        "/news/sanctions.html",
        "United States imposes new sanctions on Russia",
        "2021-04-15",
        [
            "WASHINGTON - The United States imposed sweeping sanctions on Russia on Thursday "
            "and expelled ten Russian diplomats over election interference and the "
            "SolarWinds hacking campaign.",
            "Washington accused Moscow of malicious cyber activity. Russia condemned the "
            "sanctions and threatened to retaliate against the United States.",
            "The measures bar American banks from buying newly issued Russian sovereign debt.",
        ],
    ),
    (
        "/news/prisoners.html",
        "Russia and the United States swap prisoners in Ankara",
        "2024-08-01",
        [
            "ANKARA - Russia and the United States completed the largest prisoner exchange "
            "since the Cold War on Thursday, with Turkey mediating the swap.",
            "Washington thanked Moscow for releasing the journalist, and the United States "
            "freed several Russians held in American and European prisons.",
            "Officials in both capitals said the agreement followed months of quiet talks.",
        ],
    ),
)


def article_html(title: str, day: str, paragraphs: list[str], extra_body: str = "") -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)}</title>
<meta property="article:published_time" content="{day}T10:00:00Z">
<meta property="og:site_name" content="Loopback News">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<article><h1>{html.escape(title)}</h1>
{body}
{extra_body}
</article>
<footer>Copyright Loopback News</footer>
</body></html>"""


def rss(title: str, items: list[tuple[str, str, str]]) -> str:
    """An RSS 2.0 feed; items are (title, link, RFC 822 date)."""
    entries = "\n".join(
        f"<item><title>{html.escape(t)}</title><link>{html.escape(link)}</link>"
        f"<guid>{html.escape(link)}</guid><pubDate>{when}</pubDate></item>"
        for t, link, when in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{html.escape(title)}</title>
<link>http://example.invalid/</link><description>fixture</description>
{entries}
</channel></rss>"""


def atom(title: str, items: list[tuple[str, str, str]]) -> str:
    """An Atom 1.0 feed; items are (title, link, ISO date)."""
    entries = "\n".join(
        f'<entry><title>{html.escape(t)}</title><link rel="alternate" href="{html.escape(link)}"/>'
        f"<id>{html.escape(link)}</id><updated>{when}</updated></entry>"
        for t, link, when in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>{html.escape(title)}</title>
<id>urn:fixture</id><updated>2025-08-15T00:00:00Z</updated>
{entries}
</feed>"""


def serve_articles(server, prefix: str = "") -> list[str]:
    """Serve ARTICLES under ``prefix``; their URLs."""
    return [
        server.page(prefix + path, article_html(title, day, paragraphs))
        for path, title, day, paragraphs in ARTICLES
    ]


def rss_of(urls: list[str], title: str = "Loopback World News") -> str:
    dates = [
        "Wed, 16 Jun 2021 12:00:00 GMT",
        "Thu, 15 Apr 2021 12:00:00 GMT",
        "Thu, 01 Aug 2024 12:00:00 GMT",
    ]
    items = [
        (a[1], url, dates[i % 3]) for i, (a, url) in enumerate(zip(ARTICLES, urls, strict=True))
    ]
    return rss(title, items)

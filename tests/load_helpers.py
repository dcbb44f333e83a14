"""Shared by the loader tests: a news body, a day, one document's article or error."""

from __future__ import annotations

from datetime import date

from tracker.errors import IngestError
from tracker.load.reader import load_articles
from tracker.models import Article

BODY = (
    "The U.S. envoy met Belarusian leader Alexander Lukashenko on Friday in Minsk. "
    "He praised him for the release of 16 political prisoners, officials said."
)
DAY = date(2025, 8, 15)


def only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def article(name: str, data: bytes, default: date | None = None) -> Article:
    item = only(load_articles(name, data, default))
    assert isinstance(item, Article), item
    return item


def error(name: str, data: bytes, default: date | None = None) -> IngestError:
    item = only(load_articles(name, data, default))
    assert isinstance(item, IngestError), item
    return item


HTML = f"""<!doctype html><html><head><meta charset="utf-8">
<title>US envoy meets Lukashenko</title>
<meta property="article:published_time" content="2025-08-15T10:00:00Z"></head>
<body><nav>Home | World</nav><article><h1>US envoy meets Lukashenko</h1>
<p>{BODY}</p><h2>Background</h2>
<p>Belarus has been under Western sanctions since 2020. The talks were described as
constructive by both sides, officials said on Saturday.</p></article></body></html>"""

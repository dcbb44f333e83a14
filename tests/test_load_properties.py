"""Properties of tracker.load.reader: any bytes, any extension -> never raises, valid Articles
only."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.errors import IngestError
from tracker.load import dates
from tracker.load.reader import (
    SUPPORTED_EXTENSIONS,
    Pending,
    load_articles,
    pending_articles,
    read_documents,
)
from tracker.models import Article, Document, article_id

EXTENSIONS = sorted(SUPPORTED_EXTENSIONS)
names = st.builds(
    lambda stem, ext: stem + ext,
    st.sampled_from(["a", "2025-08-15-a", "news_2024", "dir/b", "x.zip/inner"]),
    st.sampled_from([*EXTENSIONS, ".pdf", ""]),
)
text_like = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=1500).map(lambda s: s.encode("utf-8")),
    st.text(max_size=500).map(lambda s: s.encode("utf-16")),
    st.text(alphabet=st.characters(max_codepoint=0xFF), max_size=500).map(
        lambda s: s.encode("latin-1")
    ),
)
records = st.lists(
    st.dictionaries(
        st.sampled_from(["text", "Title", "DATE", "body", "url", "source", "x"]),
        st.one_of(st.text(max_size=200), st.integers(), st.none(), st.lists(st.integers())),
        max_size=6,
    ),
    max_size=5,
)
PROPERTY_SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def check(items: list, default: date | None) -> None:
    for item in items:
        assert isinstance(item, Article | IngestError), item
        if isinstance(item, IngestError):
            assert item.reason and "internal error" not in item.reason, item
            continue
        assert item.text and item.text == item.text.strip()
        assert item.id == article_id(item.text)
        assert dates.range_problem(item.published_at) is None
        assert item.title.strip()


@PROPERTY_SETTINGS
@given(name=names, data=text_like, default=st.one_of(st.none(), st.dates()))
def test_load_articles_never_raises(name, data, default):
    check(list(load_articles(name, data, default)), default)


@PROPERTY_SETTINGS
@given(name=names, data=text_like)
def test_read_documents_never_raises(name, data):
    for item in read_documents(name, data):
        assert isinstance(item, Document | IngestError)
        if isinstance(item, Document):
            assert item.text.strip() and item.id == article_id(item.text)
            if item.published_at is not None:
                assert dates.range_problem(item.published_at) is None


def finished(name: str, data: bytes, default: date | None) -> list:
    """pending_articles with every Pending finished: what ingest does with new documents."""
    items = []
    for item in pending_articles(name, data, default):
        if isinstance(item, Pending):
            assert item.id == article_id(item.draft.text)
            item = item.article()
        items.append(item)
    return items


def same(items: list) -> list:
    return [(e.file, e.reason) if isinstance(e, IngestError) else e for e in items]


@PROPERTY_SETTINGS
@given(name=names, data=text_like, default=st.one_of(st.none(), st.dates()))
def test_pending_articles_finish_as_load_articles(name, data, default):
    assert same(finished(name, data, default)) == same(list(load_articles(name, data, default)))


@PROPERTY_SETTINGS
@given(rows=records, ext=st.sampled_from([".json", ".jsonl", ".csv"]))
def test_pending_records_finish_as_load_articles(rows, ext):
    if ext == ".json":
        data = json.dumps(rows).encode()
    elif ext == ".jsonl":
        data = "\n".join(json.dumps(r) for r in rows).encode()
    else:
        keys = sorted({k for r in rows for k in r}) or ["text"]
        lines = [",".join(keys)] + [",".join(json.dumps(r.get(k, "")) for k in keys) for r in rows]
        data = "\n".join(lines).encode()
    name = "batch" + ext
    for default in (None, date(2025, 1, 1)):
        assert same(finished(name, data, default)) == same(list(load_articles(name, data, default)))


@PROPERTY_SETTINGS
@given(rows=records, ext=st.sampled_from([".json", ".jsonl"]))
def test_structured_records_never_raise(rows, ext):
    if ext == ".json":
        data = json.dumps(rows).encode()
    else:
        data = "\n".join(json.dumps(r) for r in rows).encode()
    items = list(load_articles("batch" + ext, data, date(2025, 1, 1)))
    check(items, date(2025, 1, 1))
    assert len(items) == max(len(rows), 1)


@PROPERTY_SETTINGS
@given(
    members=st.dictionaries(
        st.text(alphabet="ab./\\:.", min_size=1, max_size=12).map(lambda s: s + ".txt"),
        st.binary(max_size=300),
        max_size=4,
    )
)
def test_zip_never_raises(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    check(list(load_articles("bundle.zip", buffer.getvalue(), date(2025, 1, 1))), None)


@settings(max_examples=200, deadline=None)
@given(text=st.text(min_size=1, max_size=300))
def test_written_date_finder_only_returns_valid_dates(text):
    found = dates.find_written_date(text, 2025)
    assert found is None or dates.range_problem(found) is None

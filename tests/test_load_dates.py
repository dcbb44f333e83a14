"""tracker.load dates: which date an article gets, and the errors when it has none."""

from __future__ import annotations

import json
from datetime import date

import pytest
from load_helpers import BODY, DAY, HTML, article, error

from tracker.errors import IngestError
from tracker.load.reader import date_document, load_articles
from tracker.models import Article, DateSource, Document


# --- dates -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "body", "expected", "source"),
    [
        # field beats everything
        ("2024-01-01.txt", "date: 2025-08-15\n\nMINSK, Aug. 20, 2025 - x.", DAY, "field"),
        # dateline beats the file name
        ("2024-01-01.txt", "Head\n\nMINSK, Aug. 15, 2025 (Reuters) — x.", DAY, "dateline"),
        ("a.txt", "Head\n\nOn 15 August 2025 the envoy arrived.", DAY, "dateline"),
        ("a.txt", "Head\n\nPublished 2025-08-15. Text.", DAY, "dateline"),
        ("a.txt", "Head\n\nAugust 15, 2025 — text.", DAY, "dateline"),
        # a dateline without a year takes the year from the file name
        ("news-2025-09-01.txt", "Head\n\nMINSK, Aug. 15 (Reuters) — x.", DAY, "dateline"),
        # ... and is ignored without one
        ("a.txt", "Head\n\nMINSK, Aug. 15 (Reuters) — x.", date(2020, 1, 1), "caller"),
        # the file name beats the caller
        ("2025-08-15-story.txt", "Head\n\nNo date in here.", DAY, "filename"),
        ("a.txt", "Head\n\nNo date in here.", date(2020, 1, 1), "caller"),
        # a date after the first 600 characters is history, not a dateline
        ("a.txt", "Head\n\n" + "x " * 400 + "15 August 2025", date(2020, 1, 1), "caller"),
    ],
)
def test_date_precedence(name, body, expected, source):
    a = article(name, body.encode(), date(2020, 1, 1))
    assert (a.published_at, a.date_source.value) == (expected, source)


def test_html_meta_beats_dateline_and_filename():
    html = HTML.replace(BODY, "MINSK, Aug. 20, 2025 (Reuters) — " + BODY)
    a = article("2024-01-01.html", html.encode())
    assert (a.published_at, a.date_source) == (DAY, DateSource.HTML_META)


def test_no_date_anywhere_says_how_to_give_one():
    err = error("a.txt", f"Head\n\n{BODY}".encode())
    assert "no publication date found" in err.reason
    assert "date: YYYY-MM-DD" in err.reason and "--date YYYY-MM-DD" in err.reason


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("foo", "date 'foo' is not a date; use YYYY-MM-DD"),
        ("0001-01-01", "date 0001-01-01 is outside 1900..today"),
        ("9999-01-01", "date 9999-01-01 is outside 1900..today"),
        ("2025-02-30", "is not a date"),
    ],
)
def test_bad_explicit_dates(value, message):
    records = [{"text": BODY, "date": value}, {"text": BODY + " ok", "date": "2025-08-15"}]
    bad, good = load_articles("b.json", json.dumps(records).encode())
    assert isinstance(bad, IngestError) and message in bad.reason and bad.file == "b.json#1"
    assert isinstance(good, Article)


def test_date_document_uses_default_only_when_missing():
    doc = Document(origin="a.txt", title="t", text="x")
    assert date_document(doc, DAY).date_source is DateSource.CALLER
    with pytest.raises(IngestError, match="no publication date found"):
        date_document(doc, None)
    with pytest.raises(IngestError, match="outside"):
        date_document(doc, date(1, 1, 1))
    dated = Document("a.txt", "t", "x", published_at=DAY, date_source=DateSource.FIELD)
    assert date_document(dated, date(2020, 1, 1)).published_at == DAY

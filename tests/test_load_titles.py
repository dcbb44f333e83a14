"""The title rule (tracker/load/titles.py) and the upload review (tracker/load/review.py)."""

from datetime import date
from pathlib import Path

import pytest

from tracker.errors import IngestError
from tracker.load.reader import load_articles
from tracker.load.review import NEEDS_DATE, TYPED, date_label, read_upload, reviewed_article
from tracker.load.titles import clean_title
from tracker.models import DateSource

SEED = Path(__file__).parent / "data" / "seed_article.txt"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("#BREAKING — In a significant development", "In a significant development"),
        ("BREAKING: Russia recalls envoy", "Russia recalls envoy"),
        ("UPDATE 2 - Talks resume in Minsk", "Talks resume in Minsk"),
        ("Exclusive | Minsk frees prisoners", "Minsk frees prisoners"),
        ("#Belarus #USA Trump praises Lukashenko", "Trump praises Lukashenko"),
        ("NATO: allies agree", "NATO: allies agree"),  # an acronym is not a label
        ("Update on the talks", "Update on the talks"),  # no separator: a word of the title
        ("#BREAKING", "#BREAKING"),  # never empty
        ("  two   spaces ", "two spaces"),
    ],
)
def test_clean_title(raw, clean):
    assert clean_title(raw) == clean


def test_seed_title_has_no_label():
    # the first paragraph of the seed article as the team received it (../shared/seed)
    data = (
        "#BREAKING — In a significant diplomatic development, U.S. President Donald Trump has "
        "praised Belarusian President Aleksandr Lukashenko for his role in the release of 16 "
        "political prisoners during a recent phone call.\n\n"
    ).encode() + SEED.read_bytes()
    (article,) = load_articles("seed.txt", data, date(2025, 8, 15))
    assert article.title.startswith("In a significant diplomatic development")


def test_title_field_is_cleaned_too():
    record = b'{"title": "BREAKING: US praises Belarus", "date": "2025-10-01", "text": "x y z."}'
    (article,) = load_articles("a.json", record)
    assert article.title == "US praises Belarus"


def test_review_never_dates_a_record_by_itself():
    upload = read_upload([("undated.txt", b"Russia accused the United States of provocations.")])
    (doc,) = upload.documents
    assert doc.published_at is None
    assert date_label(doc, None) == NEEDS_DATE
    assert isinstance(reviewed_article(doc, None), IngestError)
    article = reviewed_article(doc, date(2025, 10, 29))
    assert article.published_at == date(2025, 10, 29)
    assert article.date_source == DateSource.CALLER
    assert date_label(doc, date(2025, 10, 29)) == TYPED
    assert isinstance(reviewed_article(doc, date(2999, 1, 1)), IngestError)


def test_review_keeps_the_files_own_date_and_caps_the_records():
    dated = read_upload([("2025-10-30-a.txt", b"The United States praised Belarus.")])
    (doc,) = dated.documents
    assert date_label(doc, doc.published_at) == "file name"
    assert reviewed_article(doc, doc.published_at).date_source == DateSource.FILENAME
    lines = b"\n".join(b'{"date":"2025-10-01","text":"Text number %d here."}' % i for i in range(9))
    capped = read_upload([("b.jsonl", lines)], limit=4)
    assert len(capped.items) == 4 and "has 9 records" in capped.capped
    assert read_upload([("b.jsonl", lines)]).capped is None

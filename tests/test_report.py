"""tracker.present.report: the self-contained briefing (HTML, and PDF where Chromium is)."""

from __future__ import annotations

import re
import shutil
from datetime import date

import pandas as pd
import pytest

from tracker.demo import load_demo
from tracker.ingest import ingest_articles
from tracker.models import Article, DateSource, article_id
from tracker.present import export, report

HOSTILE_TITLE = "<script>window.__xss=2</script> **Belarus** [x](javascript:alert(1))"


def make_article(title: str, text: str, day: date) -> Article:
    body = f"{title}\n\n{text}"
    return Article(
        id=article_id(body),
        origin=f"{title[:10]}.txt",
        title=title,
        text=body,
        published_at=day,
        date_source=DateSource.CALLER,
    )


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory):
    """The demo corpus plus one article with a hostile title, built once per session."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    load_demo(path)
    hostile = make_article(
        HOSTILE_TITLE,
        "The United States imposed sanctions on Belarus on Monday. Washington accused Minsk "
        "of repression.",
        date(2025, 9, 1),
    )
    ingest_articles([hostile], path, workers=1)
    return path


@pytest.fixture
def db(demo_db, tmp_path):
    """A private copy of the demo database for one test."""
    copy = tmp_path / "tracker.duckdb"
    shutil.copy(demo_db, copy)
    return copy


PAIRS = (("BLR", "USA"), ("RUS", "USA"))


def test_brief_html_is_self_contained_and_escaped(db):
    brief = report.collect_brief(db, PAIRS, freq="M", start=date(2025, 8, 20))
    page = report.brief_html(brief)
    assert page.startswith("<!DOCTYPE html>")
    assert "BLR–USA" in page and "RUS–USA" in page
    assert "Turning points" in page and "Top articles" in page
    assert "<script" not in page  # no plotly.js: static charts, and hostile text escaped
    assert len(page.encode()) < 500_000
    assert "source: " in page and " articles" in page
    assert "&lt;script&gt;window.__xss=2&lt;/script&gt;" in page
    assert "href='javascript" not in page


def test_turning_points_list_their_events(db):
    brief = report.collect_brief(db, PAIRS, freq="M", start=date(2020, 1, 1))
    assert len(brief.turning_points)
    page = report.brief_html(brief)
    assert "<mark>" in page  # an event trigger highlighted in its sentence


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("a <b> c", 2, 5, "a <mark>&lt;b&gt;</mark> c"),
        ("x & y", -1, 0, "x &amp; y"),
        ("short", 0, 99, "short"),
    ],
)
def test_highlight_span_escapes_every_piece(text, start, end, expected):
    assert report.highlight_span(text, start, end) == expected


def test_turning_points_are_listed_by_date(db):
    brief = report.collect_brief(db, PAIRS, freq="M")
    starts = list(pd.to_datetime(brief.turning_points["period_start"]))
    assert len(starts) > 1 and starts == sorted(starts)


@pytest.mark.skipif(export.static_export_problem() is not None, reason="no chromium here")
def test_brief_is_two_pages_with_svg_charts_and_small(db):
    brief = report.collect_brief(db, PAIRS, freq="M", start=date(2020, 1, 1))
    page = report.brief_html(brief)
    assert page.count("data:image/svg+xml;base64,") == 2
    assert len(page.encode()) < 500_000
    pdf = report.brief_pdf(brief)
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert 1 <= pages <= 2, pages
    export.stop_renderer()


def test_empty_selection_still_makes_a_page(db):
    brief = report.collect_brief(db, (("CHN", "FRA"),), freq="M")
    page = report.brief_html(brief)
    assert "No data for these pairs" in page

"""The dashboard's Sources tab and GDELT beside our line, through Streamlit's AppTest, with
a real HTTP server on 127.0.0.1 and a real DuckDB file."""

from __future__ import annotations

import json
import shutil

import pytest
from feed_fixtures import rss_of, serve_articles
from streamlit.testing.v1 import AppTest
from test_gdelt import event, write
from test_report import demo_db  # noqa: F401 - session fixture
from test_ui_app import DASHBOARD, TIMEOUT

from tracker.gdelt.importer import import_gdelt
from tracker.store import Store
from tracker.ui import sources as sources_view


@pytest.fixture
def db(demo_db, tmp_path, monkeypatch):  # noqa: F811
    copy = tmp_path / "tracker.duckdb"
    shutil.copy(demo_db, copy)
    monkeypatch.setenv("TRACKER_DB", str(copy))
    monkeypatch.delenv("TRACKER_READONLY", raising=False)
    return copy


def app() -> AppTest:
    return AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)


def test_sources_tab_adds_a_feed_and_polls_it(db, server):
    feed = server.feed("/feed.xml", rss_of(serve_articles(server)))
    at = app().run()
    assert not at.exception
    assert "Sources" in [t.label for t in at.tabs]
    at.text_input(key=sources_view.URL_INPUT).input(feed)
    next(b for b in at.button if b.label == "Add source").click().run()
    assert not at.exception
    assert any(feed in s.value for s in at.success)
    with Store(db, read_only=True) as store:
        before = store.article_count()
    at.button(key=sources_view.POLL_BUTTON).click().run()
    assert not at.exception
    assert any("3 article(s) added" in t.value for t in at.text)
    with Store(db, read_only=True) as store:
        assert store.article_count() == before + 3
        (source,) = store.sources()
    assert (source.last_status, source.last_added) == ("ok", 3)


def test_read_only_mode_has_no_sources_tab(db, monkeypatch):
    monkeypatch.setenv("TRACKER_READONLY", "1")
    at = app().run()
    assert not at.exception
    assert "Sources" not in [t.label for t in at.tabs]
    assert not at.text_input  # no URL box anywhere


def test_gdelt_series_appears_beside_ours(db, tmp_path):
    at = app().run()
    assert not any(h.value == "Beside GDELT" for h in at.subheader)  # nothing imported yet
    path = write(
        tmp_path / "20220224.export.CSV",
        [
            event(201, "20220224", GoldsteinScale=-10.0, AvgTone=-8.0),
            event(202, "20210216", GoldsteinScale=8.0, AvgTone=2.0),
        ],
    )
    assert import_gdelt([str(path)], db).added == 2
    at = app().run()
    assert not at.exception
    assert any(h.value == "Beside GDELT" for h in at.subheader)
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    names = {trace.get("name") for spec in specs for trace in spec["data"]}
    assert {"GDELT mean Goldstein", "GDELT mean AvgTone", "our temperature"} <= names

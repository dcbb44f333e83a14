"""tracker.ui.cached's data version: read again after any write, from the file's stat."""

from __future__ import annotations

import warnings

import pytest

from tracker.demo import load_demo
from tracker.store import Store

with warnings.catch_warnings():  # streamlit outside a server warns once: not a failure
    warnings.simplefilter("ignore")
    from tracker.ui import cached


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("cached") / "demo.duckdb"
    assert not load_demo(db).failed
    return str(db)


def test_data_version_follows_removal_and_is_not_reread_without_a_write(demo_db):
    before = cached.data_version(demo_db)
    assert before[0] == 74
    on_disk = cached._on_disk(demo_db)
    assert cached.data_version(demo_db) == before and cached._on_disk(demo_db) == on_disk
    some_id = cached.articles(demo_db, before, (("RUS", "USA"),), None, None)["article_id"][0]
    with Store(demo_db) as store:
        assert store.remove_articles([some_id])
    assert cached._on_disk(demo_db) != on_disk  # the commit changed the file or its log
    assert cached.data_version(demo_db)[0] == 73


def test_headlines_name_every_series_once(demo_db):
    version = cached.data_version(demo_db)
    pairs = (("BLR", "USA"), ("RUS", "USA"))
    params = cached.params_key(cached.TemperatureParams())
    heads = cached.headlines(demo_db, version, pairs, "M", None, None, False, params)
    assert [name for name, _, _ in heads] == ["BLR–USA", "RUS–USA"]
    assert all(head is not None and events >= 0 for _, head, events in heads)
    directed = cached.headlines(demo_db, version, pairs, "M", None, None, True, params)
    assert len(directed) == 4


def test_the_chart_carries_its_view_id(demo_db):
    version = cached.data_version(demo_db)
    view = (demo_db, version, (("BLR", "USA"),), "W", None, None, False, ())
    fig = cached.temperature_chart(*view[:-1], cached.params_key(cached.TemperatureParams()))
    assert fig.layout.uirevision == cached.chart_id(
        *view[:-1], cached.params_key(cached.TemperatureParams())
    )
    assert fig.layout.yaxis.automargin is False  # charts.fixed_margins
    other = cached.chart_id(demo_db, version, (("BLR", "USA"),), "D", None, None, False, ())
    assert other != fig.layout.uirevision

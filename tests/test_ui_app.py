"""The dashboard through Streamlit's AppTest (widgets by key)."""

from __future__ import annotations

import base64
import io
import json
import shutil
import zipfile
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from test_report import HOSTILE_TITLE, demo_db  # noqa: F401 - session fixture

from tracker.load.review import NEEDS_DATE, TYPED
from tracker.store import Store
from tracker.ui.state import Key

TIMEOUT = 120
DASHBOARD = str(Path(__file__).resolve().parent.parent / "dashboard.py")


@pytest.fixture
def db(demo_db, tmp_path, monkeypatch):  # noqa: F811
    copy = tmp_path / "tracker.duckdb"
    shutil.copy(demo_db, copy)
    monkeypatch.setenv("TRACKER_DB", str(copy))
    monkeypatch.delenv("TRACKER_READONLY", raising=False)
    return copy


def app() -> AppTest:
    return AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT)


def chart_data(at: AppTest) -> str:
    return at.get("plotly_chart")[0].proto.spec


def chart_values(at: AppTest) -> dict[str, list[float]]:
    """Each series' temperatures, as drawn (plotly packs them as base64 "bdata")."""
    out = {}
    for t in json.loads(chart_data(at))["data"]:
        if t.get("mode") == "lines+markers":
            y = t["y"]
            raw = np.frombuffer(base64.b64decode(y["bdata"]), y["dtype"]) if "bdata" in y else y
            out[t["name"]] = [float(v) for v in raw]
    return out


def test_empty_database_loads_the_demo_with_a_note(tmp_path, monkeypatch):
    path = tmp_path / "empty.duckdb"
    monkeypatch.setenv("TRACKER_DB", str(path))
    monkeypatch.delenv("TRACKER_READONLY", raising=False)
    at = app().run()
    assert not at.exception
    assert any("demo data" in i.value for i in at.info)
    with Store(path, read_only=True) as store:
        assert store.article_count() > 50
    assert at.multiselect(key=Key.PAIRS).value == ["BLR-USA", "RUS-USA"]


def test_demo_database_renders(db):
    at = app().run()
    assert not at.exception
    assert [m.label for m in at.metric][:2] == ["BLR–USA", "RUS–USA"]
    assert len(at.get("plotly_chart")) >= 2
    assert at.query_params["pairs"] in ("BLR-USA,RUS-USA", ["BLR-USA,RUS-USA"])


def test_changing_pairs_and_frequency_changes_the_chart(db):
    at = app().run()
    before = chart_data(at)
    at.multiselect(key=Key.PAIRS).set_value(["BLR-USA"]).run()
    assert not at.exception
    one_pair = chart_data(at)
    assert one_pair != before and "RUS–USA" not in one_pair
    at.radio(key=Key.FREQ).set_value("W").run()
    assert not at.exception
    assert chart_data(at) != one_pair
    assert at.query_params["freq"] in ("W", ["W"])


def test_directed_view_splits_the_pair(db):
    at = app().run()
    at.multiselect(key=Key.PAIRS).set_value(["BLR-USA"])
    at.toggle(key=Key.DIRECTED).set_value(True).run()
    assert not at.exception
    names = {trace.get("name", "") for trace in json.loads(chart_data(at))["data"]}
    # the JSON may escape the arrow (\u2192) depending on plotly's JSON engine: parse it
    assert any(n.startswith("USA→BLR") for n in names)
    assert any(n.startswith("BLR→USA") for n in names)


def test_link_state_is_validated(db):
    at = app()
    at.query_params["pairs"] = "BLR-USA,XXX-YYY,'; DROP TABLE articles;--"
    at.query_params["from"] = "2021-13-45"
    at.query_params["freq"] = "<script>"
    at.run()
    assert not at.exception
    assert at.multiselect(key=Key.PAIRS).value == ["BLR-USA"]
    assert at.radio(key=Key.FREQ).value == "M"
    captions = " ".join(c.value for c in at.caption)
    assert "ignored" in captions
    with Store(db, read_only=True) as store:
        assert store.article_count() > 0


def test_link_reproduces_a_view(db):
    at = app()
    at.query_params["pairs"] = "RUS-USA"
    at.query_params["from"] = "2021-01-01"
    at.query_params["to"] = "2022-12-31"
    at.query_params["freq"] = "W"
    at.run()
    assert at.multiselect(key=Key.PAIRS).value == ["RUS-USA"]
    assert at.radio(key=Key.FREQ).value == "W"
    assert str(at.date_input(key=Key.DATE_RANGE).value[0]) == "2021-01-01"


GOOD = (
    "2025-10-30-good.txt",
    b"US and Belarus agree on prisoner release\n\nThe United States praised Belarus on "
    b"Thursday for releasing 31 political prisoners. Washington lifted sanctions on Belavia.\n",
)
UNDATED = (
    "undated.txt",
    b"Russia accuses US of provocation\n\nRussia accused the United States of dangerous "
    b"provocations near its border.\n",
)
BAD = ("broken.json", b"{not json", "application/json")


def review_table(at: AppTest) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if "File / record" in d.value.columns)


def test_upload_goes_through_review_and_lands(db):
    at = app().run()
    uploader = at.get("file_uploader")[0]
    uploader.upload(GOOD[0], GOOD[1], "text/plain")
    uploader.upload(UNDATED[0], UNDATED[1], "text/plain")
    uploader.upload(*BAD)
    at.run()
    assert not at.exception
    table = review_table(at)
    assert list(table["File / record"])[:2] == ["2025-10-30-good.txt", "undated.txt"]
    assert table["Date"].iloc[1] == "" and table["Date from"].iloc[1] == NEEDS_DATE
    assert table["Problem"].iloc[2]  # the broken file shows its error
    assert table["Pairs found"].iloc[0] == "BLR–USA"
    # no date, no Add: nothing may be stored with a date the user did not see
    assert at.button(key=Key.ADD_BUTTON).disabled
    assert any("have no date" in e.value for e in at.error)
    with Store(db, read_only=True) as store:
        count = store.article_count()
    undated_input = next(d for d in at.date_input if "undated.txt" in d.label)
    undated_input.set_value(date(2025, 10, 29)).run()
    assert not at.exception
    table = review_table(at)
    assert table["Date"].iloc[1] == "2025-10-29" and table["Date from"].iloc[1] == TYPED
    assert NEEDS_DATE not in set(table["Date from"])
    assert table["Pairs found"].iloc[1] == "RUS–USA"
    assert not at.button(key=Key.ADD_BUTTON).disabled
    at.button(key=Key.ADD_BUTTON).click().run()
    assert not at.exception
    with Store(db, read_only=True) as store:
        assert store.article_count() == count + 2
        ((stored_date,),) = store.con.execute(
            "SELECT published_at FROM articles WHERE origin = 'undated.txt'"
        ).fetchall()
    assert stored_date == date(2025, 10, 29)
    summary = " ".join(m.value for m in [*at.success, *at.warning, *at.info])
    assert "Added 2 article(s)" in summary and "1 failed" in summary
    assert "Added to: BLR–USA (1), RUS–USA (1)" in summary
    # the same file again is a duplicate
    at.get("file_uploader")[0].upload(GOOD[0], GOOD[1], "text/plain")
    at.run()
    at.button(key=Key.ADD_BUTTON).click().run()
    summary = " ".join(m.value for m in [*at.success, *at.warning, *at.info])
    assert "1 duplicate(s)" in summary


def test_upload_is_scored_once_and_capped(db, monkeypatch):
    from tracker.load import review
    from tracker.ui import upload

    monkeypatch.setattr(review, "MAX_UPLOAD_RECORDS", 3)
    monkeypatch.setattr(review.read_upload, "__defaults__", (3,))
    calls = []
    real = upload.score_articles

    def counting(articles):
        articles = list(articles)
        calls.append(len(articles))
        return real(articles)

    monkeypatch.setattr(upload, "score_articles", counting)
    records = "\n".join(
        f'{{"date": "2025-10-0{i}", "text": "The United States praised Belarus {i} times."}}'
        for i in range(1, 6)
    )
    at = app().run()
    at.get("file_uploader")[0].upload("batch.jsonl", records.encode(), "application/json")
    at.run()
    assert not at.exception
    assert len(review_table(at)) == 3
    assert any("has 5 records" in w.value and "left out" in w.value for w in at.warning)
    at.radio(key=Key.FREQ).set_value("W").run()  # another widget: no re-scoring
    at.run()
    assert calls == [3]
    at.button(key=Key.ADD_BUTTON).click().run()
    assert calls == [3]  # Add stores the review's scores
    assert "Added 3 article(s)" in " ".join(s.value for s in at.success)


def test_title_labels_are_dropped_in_the_review(db):
    at = app().run()
    at.get("file_uploader")[0].upload(
        "2025-10-30-breaking.txt",
        "#BREAKING — US and Belarus agree on prisoner release\n\nThe United States praised "
        "Belarus on Thursday.\n".encode(),
        "text/plain",
    )
    at.run()
    assert review_table(at)["Title"].iloc[0] == "US and Belarus agree on prisoner release"


def test_read_only_mode_hides_upload(db, monkeypatch):
    monkeypatch.setenv("TRACKER_READONLY", "1")
    at = app().run()
    assert not at.exception
    assert not at.get("file_uploader")
    assert "Add articles" not in [t.label for t in at.tabs]


def test_read_only_mode_with_empty_database_explains(tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "none.duckdb"))
    monkeypatch.setenv("TRACKER_READONLY", "1")
    at = app().run()
    assert not at.exception
    assert any("Read-only" in i.value for i in at.info)
    assert not (tmp_path / "none.duckdb").exists()


def test_hostile_title_shows_as_text(db):
    at = app()
    at.query_params["pairs"] = "BLR-USA"
    at.query_params["from"] = "2025-09-01"
    at.run()
    assert not at.exception
    markdown = " ".join(m.value for m in at.markdown)
    assert "<script>" not in markdown and "**Belarus**" not in markdown
    assert "javascript:" not in markdown
    tables = [d.value for d in at.dataframe]
    titles = {t for frame in tables if "Title" in frame.columns for t in frame["Title"]}
    assert HOSTILE_TITLE in titles  # shown verbatim as data in st.dataframe


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_hostile_uploads_get_their_errors_and_the_rest_lands(db, monkeypatch):
    from tracker.load import limits

    monkeypatch.setattr(limits, "MAX_ZIP_UNPACKED_BYTES", 1024 * 1024)
    hostile = [
        ("binary.txt", bytes(range(256)) * 64, "text/plain"),
        ("nul.txt", b"The United States\x00\x00 praised\x00 Belarus" * 50, "text/plain"),
        ("bomb.zip", _zip({"big.txt": b"0" * (5 * 1024 * 1024)}), "application/zip"),
        (
            "slip.zip",
            _zip({"../../etc/passwd": GOOD[1], "/abs/path.txt": GOOD[1]}),
            "application/zip",
        ),
        (
            "2025-10-31-ru.txt",
            "Президент России встретился с президентом США.".encode() * 20,
            "text/plain",
        ),
        ("deep.json", b"[" * 100_000, "application/json"),
        ("empty.txt", b"", "text/plain"),
    ]
    xss = (
        "2025-10-31-xss.html",
        b"<html><head><title>Minsk talks</title><script>window.__x=1</script></head><body>"
        b"<iframe src='javascript:alert(1)'></iframe><img src=x onerror='alert(2)'>"
        b"<p>The United States praised Belarus on Friday for releasing 20 political prisoners "
        b"and agreed to restore its embassy in Minsk.</p></body></html>",
        "text/html",
    )
    at = app().run()
    uploader = at.get("file_uploader")[0]
    for name, data, mime in [*hostile, (*GOOD, "text/plain"), xss]:
        uploader.upload(name, data, mime)
    at.run()
    assert not at.exception
    table = review_table(at)
    errors = dict(zip(table["File / record"], table["Problem"], strict=True))
    for name, *_ in hostile:
        assert any(origin.startswith(name) and error for origin, error in errors.items()), name
    with Store(db, read_only=True) as store:
        count = store.article_count()
    at.button(key=Key.ADD_BUTTON).click().run()
    assert not at.exception
    with Store(db, read_only=True) as store:
        assert store.article_count() == count + 2  # the good text and the defanged HTML
        (title, text), *_ = store.con.execute(
            "SELECT title, text FROM articles WHERE origin = ?", [xss[0]]
        ).fetchall()
    assert "praised Belarus" in text
    for marker in ("<script", "onerror", "javascript:", "<iframe"):
        assert marker not in text and marker not in title


def test_weights_travel_in_the_link_and_change_the_numbers(db):
    at = app()
    at.query_params["pairs"] = "RUS-USA"
    at.query_params["w_volatility"] = "0.05"
    at.query_params["w_band_z"] = "9"  # out of range: ignored with a warning
    at.query_params["w_bogus"] = "1"
    at.run()
    assert not at.exception
    assert at.slider(key=f"{Key.PARAM_PREFIX}volatility").value == 0.05
    assert at.query_params["w_volatility"] in ("0.05", ["0.05"])
    assert at.query_params["w_band_z"] in ("1.96", ["1.96"])  # the default, written back
    captions = " ".join(c.value for c in at.caption)
    assert "band_z: outside" in captions and "unknown weight" in captions
    shorter = chart_data(at)
    default = app()
    default.query_params["pairs"] = "RUS-USA"
    default.run()
    assert chart_data(default) != shorter  # another drift, other numbers


def test_weights_panel_speaks_plainly(db):
    at = app().run()
    labels = [s.label for s in at.slider] + [n.label for n in at.number_input]
    assert "How fast relations can drift (per day)" in labels
    assert not any("_" in label for label in labels)
    assert all(n.help for n in at.number_input)


def test_pair_picker_labels_carry_names_and_demonyms(db):
    at = app().run()
    picker = at.multiselect(key=Key.PAIRS)
    labels = list(picker.options)  # the formatted labels the browser searches
    blr = next(label for label in labels if "BLR–USA" in label)
    assert "Belarus" in blr and "Belarusian" in blr and "United States" in blr
    assert any("Russia" in label for label in labels)


def test_demo_note_persists_until_own_articles_are_added(tmp_path, monkeypatch):
    path = tmp_path / "fresh.duckdb"
    monkeypatch.setenv("TRACKER_DB", str(path))
    monkeypatch.delenv("TRACKER_READONLY", raising=False)
    app().run()
    again = app().run()  # a new session, another browser: the note is still there
    assert any("demo data" in i.value for i in again.info)
    again.get("file_uploader")[0].upload(GOOD[0], GOOD[1], "text/plain")
    again.run()
    again.button(key=Key.ADD_BUTTON).click().run()
    later = app().run()
    assert not any("demo data" in i.value for i in later.info)


def test_remove_an_article_then_undo(db):
    at = app()
    at.query_params["pairs"] = "BLR-USA"
    at.query_params["from"] = "2025-08-01"
    at.run()
    with Store(db, read_only=True) as store:
        count = store.article_count()
    before = chart_values(at)
    remove = next(b for b in at.button if b.key and b.key.startswith(Key.REMOVE_PREFIX))
    removed_id = remove.key[len(Key.REMOVE_PREFIX) :]
    remove.click().run()
    assert not at.exception
    with Store(db, read_only=True) as store:
        assert store.article_count() == count - 1
        assert not store.existing_ids([removed_id])
    assert chart_values(at) != before  # the timeline updated
    assert any("Removed 1 article(s)" in w.value for w in at.warning)
    at.button(key=Key.UNDO_BUTTON).click().run()
    assert not at.exception
    with Store(db, read_only=True) as store:
        assert store.article_count() == count
        assert store.existing_ids([removed_id])
    after = chart_values(at)  # the timeline as it was, to the last bit of a parallel sum
    assert after.keys() == before.keys()
    assert all(after[k] == pytest.approx(before[k], rel=1e-12, abs=1e-12) for k in before)


def test_read_only_mode_offers_no_remove(db, monkeypatch):
    monkeypatch.setenv("TRACKER_READONLY", "1")
    at = app()
    at.query_params["pairs"] = "BLR-USA"
    at.run()
    assert not any(b.key and b.key.startswith(Key.REMOVE_PREFIX) for b in at.button)


def test_brief_made_for_another_view_is_not_offered(db, monkeypatch):
    from tracker.present import export

    monkeypatch.setattr(export, "static_export_problem", lambda: "no chromium in this test")
    monkeypatch.setattr(
        "tracker.ui.briefing.static_export_problem", lambda: "no chromium in this test"
    )
    monkeypatch.setattr(
        "tracker.present.report.static_export_problem", lambda: "no chromium in this test"
    )
    at = app().run()
    at.button(key=Key.BRIEF_BUTTON).click().run()
    assert not at.exception
    assert [b.label for b in at.get("download_button") if b.label.startswith("Brief")]
    at.radio(key=Key.FREQ).set_value("W").run()
    assert not [b.label for b in at.get("download_button") if b.label.startswith("Brief")]
    assert any("make it again" in c.value for c in at.caption)


def test_a_click_on_a_point_without_articles_opens_its_period():
    from tracker.ui.drilldown import point_options, ref_from_selection

    timeline = pd.DataFrame(
        {
            "pair": ["BLR-USA"] * 2,
            "direction": ["", ""],
            "period": ["2025-06", "2025-07"],
            "period_start": pd.to_datetime(["2025-06-01", "2025-07-01"]),
            "articles": [2, 0],
            "events": [1, 0],
        }
    )
    click = {"selection": {"points": [{"customdata": ["BLR–USA", "2025-07", 1]}]}}
    ref = ref_from_selection(click, timeline)
    assert ref is not None and ref.period == "2025-07"
    assert ref.code in point_options(timeline, ref)
    assert ref.code not in point_options(timeline)

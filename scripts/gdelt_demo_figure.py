"""The figure of docs/gdelt.md: our US-Russia line beside a GDELT series, on the demo period.

    python scripts/gdelt_demo_figure.py

1. writes ``docs/data/gdelt_usa_rus_synthetic.export.CSV``: a SYNTHETIC GDELT 2.0 event
   export (the real 61-column layout, tab-separated) for USA-RUS, 2014-2025. There is no
   internet here, so these are NOT GDELT's numbers: they are made up (seeded, reproducible)
   to look like GDELT's coding: each synthetic article has one tone that every event coded
   from it carries (GDELT's AvgTone is the article's), events carry the Goldstein value of
   their CAMEO code, and articles about a third state that name both the US and Russia
   give USA-RUS rows too (co-occurrence). Around the demo corpus's turning points the
   synthetic coverage has the matching CAMEO events (sanctions, expulsions, agreements,
   talks, a prisoner release).
2. loads the demo corpus into a temporary database, imports that file with
   ``tracker gdelt import``'s code, and draws tracker.present.gdelt_charts.gdelt_figure to
   ``docs/screenshots/gdelt_usa_rus.png`` (kaleido + Chromium).
3. prints the yearly means used in the doc's table.
"""

from __future__ import annotations

import random
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.gdelt.codebook import format_row  # noqa: E402

FIXTURE = ROOT / "docs" / "data" / "gdelt_usa_rus_synthetic.export.CSV"
FIGURE = ROOT / "docs" / "screenshots" / "gdelt_usa_rus.png"
SEED = 18

# CAMEO code -> (Goldstein value, quad class), for the codes the synthetic rows use.
CODES = {
    "010": (0.0, 1),  # make statement
    "036": (4.0, 1),  # express intent to meet or negotiate
    "040": (1.0, 1),  # consult
    "042": (1.9, 1),  # make a visit
    "046": (7.0, 1),  # engage in negotiation
    "057": (8.0, 1),  # sign formal agreement
    "0841": (7.0, 2),  # return, release person(s)
    "111": (-2.0, 3),  # criticize or denounce
    "112": (-2.0, 3),  # accuse
    "130": (-4.4, 3),  # threaten
    "163": (-8.0, 4),  # impose embargo, boycott, or sanctions
    "166": (-7.0, 4),  # expel or withdraw
    "172": (-5.0, 4),  # impose administrative sanctions
}
# (month, article tone, events) at the demo corpus's turning points
EPISODES = (
    ("2014-03", -6.5, ["163", "163", "111", "112", "130"]),
    ("2014-07", -6.0, ["163", "163", "112"]),
    ("2016-12", -5.5, ["166", "166", "112"]),
    ("2017-08", -5.0, ["163", "166", "111"]),
    ("2018-03", -6.0, ["166", "166", "112", "111"]),
    ("2018-07", -1.0, ["042", "040", "036"]),
    ("2019-02", -4.0, ["130", "111"]),
    ("2021-02", 0.5, ["057", "046", "040"]),
    ("2021-04", -5.0, ["163", "166", "172"]),
    ("2021-06", 0.0, ["042", "040", "046", "036"]),
    ("2022-02", -7.5, ["163", "163", "130", "111", "112"]),
    ("2022-03", -7.0, ["163", "112", "111"]),
    ("2022-12", -1.5, ["0841", "046"]),
    ("2024-02", -6.0, ["112", "163"]),
    ("2024-08", -2.0, ["0841", "0841", "046"]),
    ("2025-02", -1.0, ["040", "046", "036"]),
    ("2025-08", -1.5, ["042", "040", "046"]),
    ("2025-10", -4.5, ["163", "172"]),
)
BACKGROUND = ["010", "010", "040", "111", "112", "036"]


def fixture_lines() -> list[str]:
    rng = random.Random(SEED)
    lines: list[str] = []
    next_id = 410_000_000

    def add(day: date, code: str, tone: float, actors: tuple[str, str]) -> None:
        nonlocal next_id
        next_id += 1
        goldstein, quad = CODES[code]
        lines.append(
            format_row(
                {
                    "GLOBALEVENTID": next_id,
                    "SQLDATE": day.strftime("%Y%m%d"),
                    "Actor1Code": actors[0] + "GOV",
                    "Actor1Name": {"USA": "UNITED STATES", "RUS": "RUSSIA"}[actors[0]],
                    "Actor1CountryCode": actors[0],
                    "Actor1Type1Code": "GOV",
                    "Actor2Code": actors[1] + "GOV",
                    "Actor2Name": {"USA": "UNITED STATES", "RUS": "RUSSIA"}[actors[1]],
                    "Actor2CountryCode": actors[1],
                    "Actor2Type1Code": "GOV",
                    "IsRootEvent": rng.choice((0, 1)),
                    "EventCode": code,
                    "EventBaseCode": code[:3],
                    "EventRootCode": code[:2],
                    "QuadClass": quad,
                    "GoldsteinScale": goldstein,
                    "NumMentions": rng.randint(1, 40),
                    "NumSources": rng.randint(1, 8),
                    "NumArticles": rng.randint(1, 40),
                    "AvgTone": round(tone, 6),
                    "DATEADDED": day.strftime("%Y%m%d") + "000000",
                    "SOURCEURL": f"https://synthetic.invalid/gdelt-fixture/{next_id}",
                }
            )
        )

    for year in range(2014, 2026):
        for month in range(1, 13):
            if (year, month) > (2025, 10):
                break
            for _ in range(rng.randint(2, 5)):  # background articles, each one tone
                day = date(year, month, rng.randint(1, 28))
                tone = rng.gauss(-2.8, 1.2)  # news about the two is rarely warm
                for _ in range(rng.randint(1, 3)):
                    add(day, rng.choice(BACKGROUND), tone, _actors(rng))
    for month, tone, codes in EPISODES:
        year, mon = map(int, month.split("-"))
        day = date(year, mon, rng.randint(5, 25))
        for code in codes:  # one article: every event carries its tone
            add(day, code, tone + rng.gauss(0, 0.3), _actors(rng))
    return lines


def _actors(rng: random.Random) -> tuple[str, str]:
    return ("USA", "RUS") if rng.random() < 0.6 else ("RUS", "USA")


def main() -> None:
    from tracker.demo import load_demo
    from tracker.gdelt.importer import import_gdelt
    from tracker.index.gdelt import gdelt_series, with_gdelt
    from tracker.index.timeline import compute_timeline
    from tracker.present.export import figure_bytes
    from tracker.present.gdelt_charts import gdelt_figure
    from tracker.store import Store

    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    FIXTURE.write_text("\n".join(fixture_lines()) + "\n", encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.duckdb"
        load_demo(db)
        report = import_gdelt([str(FIXTURE)], db)
        with Store(db, read_only=True) as store:
            ours = compute_timeline(store, "USA-RUS", freq="M")
            theirs = gdelt_series(store, "USA-RUS", freq="M")
    title = "US–Russia: our temperature and a SYNTHETIC GDELT fixture (not real GDELT data)"
    fig = gdelt_figure(ours, theirs, title=title)
    FIGURE.write_bytes(figure_bytes(fig, "png", width=1200, height=520))
    print(f"fixture: {FIXTURE.relative_to(ROOT)} ({report.added} events)")
    print(f"figure: {FIGURE.relative_to(ROOT)}")
    merged = with_gdelt(ours, theirs)
    merged["year"] = merged["period"].str[:4]
    yearly = merged.groupby("year").agg(
        temperature=("temperature", "mean"),
        articles=("articles", "sum"),
        gdelt_events=("gdelt_events", "sum"),
        gdelt_goldstein=("gdelt_goldstein", "mean"),
        gdelt_tone=("gdelt_tone", "mean"),
    )
    print(
        "| year | our mean temperature | articles | synthetic GDELT events "
        "| synthetic mean Goldstein | synthetic mean AvgTone |"
    )
    print("|---|---|---|---|---|---|")
    for year, row in yearly.iterrows():
        print(
            f"| {year} | {row.temperature:+.1f} | {row.articles:.0f} | {row.gdelt_events:.0f} "
            f"| {row.gdelt_goldstein:+.2f} | {row.gdelt_tone:+.2f} |"
        )


if __name__ == "__main__":
    main()

"""tracker.present.tables: what the dashboard's tables show."""

import pandas as pd

from tracker.present.tables import articles_table, contributions_table


def test_articles_table_is_readable():
    frame = pd.DataFrame(
        {
            "published_at": pd.to_datetime(["2025-10-01"]),
            "pair_a": ["BLR"],
            "pair_b": ["USA"],
            "title": ["A title longer than six characters"],
            "outlet": [None],
            "url": [None],
            "date_source": ["filename"],
            "article_id": ["abc"],
            "sentences": [2],
            "tone": [0.123456],
            "events": [1],
            "cooperation": [1],
            "conflict": [0],
        }
    )
    shown = articles_table(frame)
    assert list(shown.columns) == [
        "Date", "Pair", "Title", "Outlet", "Tone", "Events", "Cooperative", "Conflictual"
    ]  # fmt: skip
    row = shown.iloc[0]
    assert row["Date"] == "2025-10-01" and row["Pair"] == "BLR–USA"
    assert row["Outlet"] == "" and row["Tone"] == 0.12
    assert row["Title"] == "A title longer than six characters"
    csv = articles_table(frame, for_csv=True)
    assert {"Article ID", "URL", "Date from"} <= set(csv.columns)
    assert "None" not in csv.to_csv(index=False) and "00:00:00" not in csv.to_csv(index=False)


def test_contributions_table_rounds_and_names():
    parts = pd.DataFrame(
        {
            "kind": ["event", "memory"],
            "published_at": [pd.Timestamp("2025-10-02"), None],
            "title": ["T", None],
            "category": ["AGREE", "SANCTION"],
            "mode": ["asserted", None],
            "source": ["USA", None],
            "target": ["BLR", None],
            "contribution": [-36.701, 15.6947],
            "note": ["", None],
        }
    )
    shown = contributions_table(parts)
    assert list(shown["Contribution"]) == [-36.7, 15.7]
    assert list(shown["What"]) == ["event", "earlier events"]
    assert shown.iloc[1]["Date"] == "" and shown.iloc[1]["Title"] == ""
    assert shown.iloc[0]["Who → whom"] == "USA→BLR"
    assert "None" not in shown.to_csv(index=False)

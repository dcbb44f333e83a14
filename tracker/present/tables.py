"""The dashboard's tables as people read them: human column names, dates without a time,
rounded numbers, empty cells empty (never "None" or "nan"). Pure DataFrame -> DataFrame;
the values stay data (the dashboard shows them with st.dataframe, never as markup)."""

from __future__ import annotations

import pandas as pd

from tracker.present.labels import pair_label

KIND_WORDS = {"tone": "tone of a sentence", "event": "event", "memory": "earlier events"}
ARTICLE_COLUMNS = {  # stored name -> shown name, in the order shown
    "published_at": "Date",
    "pair": "Pair",
    "title": "Title",
    "outlet": "Outlet",
    "tone": "Tone",
    "events": "Events",
    "cooperation": "Cooperative",
    "conflict": "Conflictual",
}
ARTICLE_CSV_EXTRA = {
    "sentences": "Sentences about the pair",
    "date_source": "Date from",
    "url": "URL",
    "article_id": "Article ID",
}


def day_text(values: pd.Series) -> pd.Series:
    """Dates as 'YYYY-MM-DD' strings; missing ones as ''."""
    stamps = pd.to_datetime(values, errors="coerce")
    return stamps.dt.strftime("%Y-%m-%d").fillna("")


def _text(values: pd.Series) -> pd.Series:
    return values.astype(object).where(values.notna(), "").astype(str)


def articles_table(articles: pd.DataFrame, *, for_csv: bool = False) -> pd.DataFrame:
    """One row per article and pair; ``for_csv`` adds sentences, date source, URL and id."""
    names = {**ARTICLE_COLUMNS, **(ARTICLE_CSV_EXTRA if for_csv else {})}
    if not len(articles):
        return pd.DataFrame(columns=list(names.values()))
    out = articles.assign(
        pair=[pair_label(p) for p in zip(articles["pair_a"], articles["pair_b"], strict=True)],
        published_at=day_text(articles["published_at"]),
        tone=articles["tone"].astype(float).round(2),
    )
    for column in ("title", "outlet", "url", "date_source"):
        if column in out:
            out[column] = _text(out[column])
    return out[list(names)].rename(columns=names).reset_index(drop=True)


def contributions_table(parts: pd.DataFrame) -> pd.DataFrame:
    """What made one period's value: each sentence, event and carried-over memory."""
    columns = ["What", "Date", "Title", "Event", "Mode", "Who → whom", "Contribution", "Note"]
    if not len(parts):
        return pd.DataFrame(columns=columns)
    who = [
        f"{s}→{t}" if isinstance(s, str) and isinstance(t, str) else ""
        for s, t in zip(parts["source"], parts["target"], strict=True)
    ]
    return pd.DataFrame(
        {
            "What": parts["kind"].map(KIND_WORDS).fillna(_text(parts["kind"])),
            "Date": day_text(parts["published_at"]),
            "Title": _text(parts["title"]),
            "Event": _text(parts["category"]),
            "Mode": _text(parts["mode"]),
            "Who → whom": who,
            "Contribution": parts["contribution"].astype(float).round(1),
            "Note": _text(parts["note"]),
        }
    ).reset_index(drop=True)

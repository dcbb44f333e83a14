"""Add articles: upload -> review (nothing stored yet) -> Add -> progress -> summary.

The review table shows, per file or record, the detected title, date and where the date
came from, the pairs a quick score finds, warnings and errors. Records without a date get an
editable date (default: today). Nothing touches the database before "Add".
"""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import date

import pandas as pd
import streamlit as st

from tracker.errors import IngestError, TrackerError
from tracker.ingest import ingest_articles
from tracker.load.reader import SUPPORTED_EXTENSIONS, date_document, read_documents
from tracker.models import Article, DateSource, Document
from tracker.ui import cached
from tracker.ui.state import Key

REVIEW_COLUMNS = ("add", "origin", "title", "date", "date source", "pairs", "warnings", "error")


def upload_types() -> list[str]:
    return sorted(ext.lstrip(".") for ext in SUPPORTED_EXTENSIONS)


@st.cache_data(show_spinner=False, max_entries=64)
def _read(name: str, digest: str, _data: bytes) -> list[Document | IngestError]:
    """Parse one uploaded file (cached by name and content digest: reruns do not re-parse)."""
    return list(read_documents(name, _data))


def _quick_pairs(doc: Document, on: date) -> str:
    """The pairs a document mentions, by a full score on its (provisional) date."""
    try:
        from tracker.coding.score import score_article

        article = date_document(doc, on)
        scored = score_article(article, cached.scorer())
    except Exception as error:  # the review must show, whatever the scorer does
        return f"(not scored: {type(error).__name__})"
    return ", ".join(f"{a}–{b}" for a, b in (p.pair for p in scored.pairs)) or "none"


def _review_rows(items: list[Document | IngestError], today: date) -> pd.DataFrame:
    rows = []
    for item in items:
        if isinstance(item, IngestError):
            rows.append(
                {
                    "add": False,
                    "origin": item.file,
                    "title": "",
                    "date": None,
                    "date source": "",
                    "pairs": "",
                    "warnings": "",
                    "error": item.reason,
                }
            )
            continue
        on = item.published_at or today
        rows.append(
            {
                "add": True,
                "origin": item.origin,
                "title": item.title,
                "date": on,
                "date source": str(item.date_source) if item.date_source else "none: edit it",
                "pairs": _quick_pairs(item, on),
                "warnings": "; ".join(item.warnings),
                "error": "",
            }
        )
    return pd.DataFrame(rows, columns=list(REVIEW_COLUMNS))


def render(db: str) -> None:
    st.subheader("Add articles", anchor="add-articles")
    summary = st.session_state.get(Key.UPLOAD_SUMMARY)
    if summary:
        _show_summary(summary)
    nonce = st.session_state.setdefault(Key.UPLOAD_NONCE, 0)
    files = st.file_uploader(
        "Files (" + ", ".join(upload_types()) + ")",
        type=upload_types(),
        accept_multiple_files=True,
        key=f"{Key.UPLOADER}_{nonce}",
        help="Nothing is stored until you review the records and press Add.",
    )
    if not files:
        return
    items: list[Document | IngestError] = []
    for file in files:
        data = file.getvalue()
        items.extend(_read(file.name, hashlib.sha256(data).hexdigest(), data))
    today = date.today()
    table = _review_rows(items, today)
    st.markdown(f"**Review** {len(items)} record(s) from {len(files)} file(s)")
    edited = st.data_editor(
        table,
        key=f"{Key.REVIEW_TABLE}_{nonce}",
        hide_index=True,
        width="stretch",
        disabled=[c for c in REVIEW_COLUMNS if c not in ("add", "date")],
        column_config={
            "add": st.column_config.CheckboxColumn("add", help="Store this record"),
            "date": st.column_config.DateColumn("date", help="Publication date (editable)"),
            "error": st.column_config.TextColumn("error", width="medium"),
        },
    )
    errors = int((table["error"] != "").sum())
    if errors:
        st.warning(f"{errors} record(s) cannot be added; see the error column.")
    chosen = [
        (item, row)
        for item, (_, row) in zip(items, edited.iterrows(), strict=True)
        if isinstance(item, Document) and bool(row["add"])
    ]
    if st.button(
        f"Add {len(chosen)} article(s)",
        key=Key.ADD_BUTTON,
        type="primary",
        disabled=not chosen and not errors,
    ):
        failures = [item for item in items if isinstance(item, IngestError)]
        _add(db, chosen, failures, today)


def _article(doc: Document, row: pd.Series, today: date) -> Article | IngestError:
    chosen = row["date"]
    if chosen is None or (not isinstance(chosen, date) and pd.isna(chosen)):
        chosen = doc.published_at or today
    if isinstance(chosen, pd.Timestamp):
        chosen = chosen.date()
    if doc.published_at != chosen:  # typed (or defaulted) in the review: the caller's date
        doc = dataclasses.replace(doc, published_at=chosen, date_source=DateSource.CALLER)
    try:
        return date_document(doc, chosen)
    except IngestError as error:
        return error


def _add(
    db: str, chosen: list[tuple[Document, pd.Series]], failures: list[IngestError], today: date
) -> None:
    items: list[Article | IngestError] = [_article(d, r, today) for d, r in chosen]
    items.extend(failures)
    total = max(1, len(chosen))
    bar = st.progress(0.0, text="Scoring and storing…")
    done = 0

    def on_article(n: int) -> None:
        nonlocal done
        done += n
        bar.progress(min(1.0, done / total), text=f"Scoring and storing… {done}/{total}")

    try:
        report = ingest_articles(items, db, workers=1, on_article=on_article)
    except TrackerError as error:  # busy database, disk full...: say so, store nothing more
        bar.empty()
        st.error(f"Nothing more was added: {error}")
        return
    bar.progress(1.0, text="Done")
    cached.clear_data()
    st.session_state[Key.UPLOAD_SUMMARY] = {
        "added": len(report.added),
        "duplicates": len(report.duplicates),
        "failed": [(e.file, e.reason) for e in report.failed],
    }
    st.session_state[Key.UPLOAD_NONCE] = st.session_state.get(Key.UPLOAD_NONCE, 0) + 1
    st.rerun()


def _show_summary(summary: dict) -> None:
    added, dupes, failed = summary["added"], summary["duplicates"], summary["failed"]
    text = f"Added {added} article(s); {dupes} duplicate(s) skipped; {len(failed)} failed."
    (st.success if added and not failed else st.info if not failed else st.warning)(text)
    if failed:
        st.dataframe(
            pd.DataFrame(failed, columns=["file", "reason"]), hide_index=True, width="stretch"
        )

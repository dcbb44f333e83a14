"""Add articles: upload -> review (nothing stored yet) -> Add -> summary.

Rendering only: reading the files and the date rule are tracker.load.review, scoring and
storing are tracker.ingest (the CLI's front door). An upload is read and scored once: the
review keeps its records, the user's choices and each record's scores (per date) in the
session, so a rerun re-scores nothing. A record without a date of its own has an empty date
and cannot be added until the user types one.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import pandas as pd
import streamlit as st

from tracker.errors import IngestError, TrackerError
from tracker.ingest import ingest_scored, score_articles
from tracker.load.reader import SUPPORTED_EXTENSIONS
from tracker.load.review import Upload, date_label, read_upload, reviewed_article
from tracker.models import Document, ScoredArticle
from tracker.present.labels import pair_label
from tracker.ui import cached
from tracker.ui.state import Key

PER_RECORD_DATES = 20  # more undated records than this: one date for all of them
WARNINGS_LISTED = 10
_READ_ONLY_COLUMNS = ("Title", "Date", "Date from", "Warnings", "Pairs found", "Problem")
_READ_ONLY_COLUMNS += ("File / record",)


def upload_types() -> list[str]:
    return sorted(ext.lstrip(".") for ext in SUPPORTED_EXTENSIONS)


@dataclass
class Review:
    """One upload under review (session state): what was read, and the user's choices."""

    digest: str
    upload: Upload
    dates: dict[int, date | None]
    add: dict[int, bool]
    scores: dict[tuple[int, date], ScoredArticle | IngestError] = field(default_factory=dict)
    version: int = 0  # bumped on every change: the table is rebuilt with the new labels


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
        st.session_state.pop(Key.REVIEW, None)
        return
    review = _review_of([(f.name, f.getvalue()) for f in files])
    if review.upload.capped:
        st.warning(review.upload.capped, icon=":material/content_cut:")
    _score_missing(review)
    docs = dict(_documents(review))
    st.markdown(
        f"**Review** {len(review.upload.items)} record(s) from {len(files)} file(s). "
        "Untick a record to leave it out."
    )
    _warnings(review)
    _table(review)
    _dates(review, docs)
    chosen = [i for i in docs if review.add.get(i)]
    undated = [i for i in chosen if review.dates.get(i) is None]
    errors = len(review.upload.errors)
    if errors:
        st.warning(f"{errors} file(s) or record(s) cannot be added; see the Problem column.")
    if undated:
        st.error(
            f"{len(undated)} record(s) to add have no date: type one above, or untick them.",
            icon=":material/event_busy:",
        )
    label = f"Add {len(chosen)} article(s)"
    if st.button(label, key=Key.ADD_BUTTON, type="primary", disabled=bool(undated) or not chosen):
        _add(db, review, chosen)


def _review_of(files: list[tuple[str, bytes]]) -> Review:
    digest = hashlib.sha256()
    for name, data in files:
        digest.update(name.encode("utf-8", "replace") + b"\0" + hashlib.sha256(data).digest())
    review = st.session_state.get(Key.REVIEW)
    if isinstance(review, Review) and review.digest == digest.hexdigest():
        return review
    with st.spinner("Reading the files…"):
        upload = read_upload(files)
    docs = [(i, item) for i, item in enumerate(upload.items) if isinstance(item, Document)]
    review = Review(
        digest=digest.hexdigest(),
        upload=upload,
        dates={i: doc.published_at for i, doc in docs},
        add={i: True for i, _ in docs},
    )
    st.session_state[Key.REVIEW] = review
    return review


def _documents(review: Review):
    for index, item in enumerate(review.upload.items):
        if isinstance(item, Document):
            yield index, item


def _score_missing(review: Review) -> None:
    """Score each dated record once for its date (the review shows its pairs; Add stores
    these scores as they are)."""
    todo = [
        (index, doc, review.dates[index])
        for index, doc in _documents(review)
        if review.dates.get(index) is not None and (index, review.dates[index]) not in review.scores
    ]
    if not todo:
        return
    cached.scorer()  # build the scorer once per process (ingest's default_scorer is cached)
    with st.spinner(f"Finding the country pairs in {len(todo)} record(s)…"):
        articles = [reviewed_article(doc, day) for _, doc, day in todo]
        ready = [a for a in articles if not isinstance(a, IngestError)]
        scored = iter(score_articles(ready))
        for (index, _, day), article in zip(todo, articles, strict=True):
            result = article if isinstance(article, IngestError) else next(scored)
            review.scores[(index, day)] = result


def _pairs_text(review: Review, index: int) -> str:
    day = review.dates.get(index)
    if day is None:
        return "(found once it has a date)"
    result = review.scores.get((index, day))
    if isinstance(result, IngestError):
        return ""
    if result is None:
        return ""
    return ", ".join(pair_label(p.pair) for p in result.pairs) or "none found"


def _problem(review: Review, index: int, item: object) -> str:
    if isinstance(item, IngestError):
        return item.reason
    day = review.dates.get(index)
    result = review.scores.get((index, day)) if day is not None else None
    return result.reason if isinstance(result, IngestError) else ""


def review_frame(review: Review) -> pd.DataFrame:
    rows = []
    for index, item in enumerate(review.upload.items):
        doc = item if isinstance(item, Document) else None
        day = review.dates.get(index)
        rows.append(
            {
                "Add": bool(review.add.get(index)) if doc else False,
                "Title": doc.title if doc else "",
                "Date": day.isoformat() if day else "",
                "Date from": date_label(doc, day) if doc else "",
                "Warnings": "; ".join(doc.warnings) if doc else "",
                "Pairs found": _pairs_text(review, index) if doc else "",
                "Problem": _problem(review, index, item),
                "File / record": item.file if isinstance(item, IngestError) else item.origin,
            }
        )
    return pd.DataFrame(rows)


def _table(review: Review) -> None:
    key = f"{Key.REVIEW_TABLE}_{review.version}"

    def changed() -> None:  # the user's ticks go to the review; the table is rebuilt
        edits = st.session_state.get(key, {}).get("edited_rows", {})
        for row, values in edits.items():
            if "Add" in values and int(row) in review.add:
                review.add[int(row)] = bool(values["Add"])
        review.version += 1

    st.data_editor(
        review_frame(review),
        key=key,
        hide_index=True,
        width="stretch",
        on_change=changed,
        disabled=_READ_ONLY_COLUMNS,
        column_config={
            "Add": st.column_config.CheckboxColumn("Add", help="Store this record", width=45),
            "Title": st.column_config.TextColumn("Title", width=230),
            "Date": st.column_config.TextColumn("Date", width=88),
            "Date from": st.column_config.TextColumn("Date from", width=130),
            "Warnings": st.column_config.TextColumn("Warnings", width=130),
            "Pairs found": st.column_config.TextColumn("Pairs found", width=110),
            "Problem": st.column_config.TextColumn("Problem", width=110),
            "File / record": st.column_config.TextColumn("File / record", width=110),
        },
    )


def _warnings(review: Review) -> None:
    warned = [(doc.origin, w) for _, doc in _documents(review) for w in doc.warnings]
    if not warned:
        return
    lines = [f"- {origin}: {warning}" for origin, warning in warned[:WARNINGS_LISTED]]
    if len(warned) > WARNINGS_LISTED:
        lines.append(f"- … and {len(warned) - WARNINGS_LISTED} more (Warnings column)")
    st.warning("**Warnings** (the records can still be added):\n" + "\n".join(lines))


def _dates(review: Review, docs: dict[int, Document]) -> None:
    """Date inputs for the records without a date of their own (never a default)."""
    undated = [i for i, doc in docs.items() if doc.published_at is None]
    if not undated:
        return
    st.markdown(f"**Dates needed**: {len(undated)} record(s) have no date in the file.")
    if len(undated) > PER_RECORD_DATES:
        day = st.date_input(
            "Publication date for every undated record",
            value=None,
            key=f"{Key.DATE_FOR_ALL}_{review.digest[:12]}",
            format="YYYY-MM-DD",
        )
        if day != review.dates.get(undated[0]):
            for index in undated:
                review.dates[index] = day
            st.rerun()  # the table above shows the new dates, their source and pairs
        return
    for index in undated:
        day = st.date_input(
            f"Publication date of {docs[index].origin} ({docs[index].title[:60]})",
            value=None,
            key=f"{Key.RECORD_DATE}_{review.digest[:12]}_{index}",
            format="YYYY-MM-DD",
        )
        if day != review.dates.get(index):
            review.dates[index] = day
            st.rerun()  # the table above shows the new date, its source and pairs


def _add(db: str, review: Review, chosen: list[int]) -> None:
    _score_missing(review)
    items = [review.scores[(i, review.dates[i])] for i in chosen]  # type: ignore[index]
    items.extend(review.upload.errors)
    bar = st.progress(0.0, text="Storing…")
    try:
        report = ingest_scored(items, db)
    except TrackerError as error:  # busy database, disk full...: say so, store nothing more
        bar.empty()
        st.error(f"Nothing more was added: {error}")
        return
    bar.progress(1.0, text="Done")
    cached.clear_data()
    added = set(report.added)
    per_pair = Counter(
        pair_label(p.pair)
        for item in items
        if isinstance(item, ScoredArticle) and item.article.id in added
        for p in item.pairs
    )
    st.session_state[Key.UPLOAD_SUMMARY] = {
        "added": len(report.added),
        "duplicates": len(report.duplicates),
        "failed": [(e.file, e.reason) for e in report.failed],
        "pairs": sorted(per_pair.items(), key=lambda kv: (-kv[1], kv[0])),
        "no_pair": sum(
            1
            for item in items
            if isinstance(item, ScoredArticle) and item.article.id in added and not item.pairs
        ),
    }
    st.session_state[Key.UPLOAD_NONCE] = st.session_state.get(Key.UPLOAD_NONCE, 0) + 1
    st.session_state.pop(Key.REVIEW, None)
    st.rerun()


def summary_text(summary: dict) -> str:
    added, dupes, failed = summary["added"], summary["duplicates"], summary["failed"]
    text = f"Added {added} article(s); {dupes} duplicate(s) skipped; {len(failed)} failed."
    pairs = summary.get("pairs") or []
    if pairs:
        text += " Added to: " + ", ".join(f"{p} ({n})" for p, n in pairs) + "."
    if summary.get("no_pair"):
        text += f" {summary['no_pair']} article(s) name no country pair and show on no chart."
    return text


def _show_summary(summary: dict) -> None:
    added, failed = summary["added"], summary["failed"]
    text = summary_text(summary)
    (st.success if added and not failed else st.info if not failed else st.warning)(text)
    if failed:
        st.dataframe(
            pd.DataFrame(failed, columns=["File / record", "Reason"]),
            hide_index=True,
            width="stretch",
        )

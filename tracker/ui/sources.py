"""The Sources view: add a feed or a page, see when each was last polled and what it
brought, poll now, remove one. Never shown in read-only mode (app.py leaves the tab out).

Everything a source says (titles, URLs, errors) is shown in tables or as plain text, never
as Markdown or HTML.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tracker.errors import TrackerError
from tracker.store import Store
from tracker.ui import cached

URL_INPUT = "sources_url"
ADD_FORM = "sources_add_form"
POLL_BUTTON = "sources_poll"
REMOVE_SELECT = "sources_remove_choice"
REMOVE_BUTTON = "sources_remove"
LAST_POLL = "sources_last_poll"  # session: the reports of this session's last "Poll now"
TABLE = "sources_table"
REPORT_TABLE = "sources_report_table"
COLUMNS = {
    "id": "id",
    "kind": "kind",
    "url": "URL",
    "title": "title",
    "last_polled_at": "last polled (UTC)",
    "last_status": "status",
    "last_added": "added",
    "last_duplicates": "duplicates",
    "last_failed": "failed",
    "total_added": "added in all",
    "last_error": "error",
}


def render(db: str) -> None:
    st.subheader("Sources", anchor="sources")
    st.caption(
        "RSS/Atom feeds and single article pages. *Poll now* fetches what is new (a feed "
        "that has not changed costs one request; entries already stored are not fetched "
        "again), scores it and adds it. `tracker sources poll --every 15m` does this on a "
        "schedule."
    )
    _add_form(db)
    # read-write (this tab is never shown read-only): a file older than migration 5 gets
    # its sources tables here
    with Store(db, busy_timeout=cached.READ_BUSY_TIMEOUT_S) as store:
        sources = store.sources()
    if not sources:
        st.info("No sources yet: add a feed or a page above.")
        return
    table = pd.DataFrame([{c: getattr(s, c) for c in COLUMNS} for s in sources])
    st.dataframe(
        table.rename(columns=COLUMNS),
        hide_index=True,
        width="stretch",
        key=TABLE,
        column_config={"URL": st.column_config.TextColumn("URL")},  # text, never a live link
    )
    if st.button("Poll now", key=POLL_BUTTON, type="primary"):
        _poll(db)
    reports = st.session_state.get(LAST_POLL)
    if reports:
        _show_reports(reports)
    _remove(db, sources)


def _add_form(db: str) -> None:
    from tracker.sources.poll import add_source
    from tracker.sources.urls import BadUrl

    with st.form(ADD_FORM, clear_on_submit=True):
        url = st.text_input("Feed or page URL", key=URL_INPUT, placeholder="https://…/rss.xml")
        submitted = st.form_submit_button("Add source")
    if not submitted or not url.strip():
        return
    try:
        with st.spinner("Fetching it once to see whether it is a feed or a page…"):
            source = add_source(db, url)
    except (BadUrl, TrackerError) as error:
        st.error(f"Not added: {error}")
        return
    st.success(f"Added {source.kind} {source.url}")


def _poll(db: str) -> None:
    from tracker.sources.poll import poll_sources

    with Store(db, read_only=True, busy_timeout=cached.READ_BUSY_TIMEOUT_S) as store:
        total = len(store.sources())
    progress = st.progress(0.0, text="Polling…")
    done: list[dict] = []

    def step(report) -> None:
        done.append(report.as_dict())
        progress.progress(min(1.0, len(done) / max(1, total)), text=f"Polled {report.source}")

    poll_sources(db, workers=1, on_source=step)
    progress.empty()
    st.session_state[LAST_POLL] = done
    cached.clear_data()  # new articles: every cached chart is stale


def _show_reports(reports: list[dict]) -> None:
    added = sum(r["added"] for r in reports)
    failed = sum(len(r["failed"]) for r in reports)
    st.text(f"Last poll: {added} article(s) added, {failed} failure(s).")
    rows = [
        {
            "source": r["source"],
            "status": r["status"],
            "added": r["added"],
            "duplicates": r["duplicates"],
            "skipped": r["skipped"],
            "failed": len(r["failed"]),
        }
        for r in reports
    ]
    failures = [
        {"source": r["source"], "what": f["file"], "reason": f["error"]}
        for r in reports
        for f in r["failed"]
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key=REPORT_TABLE)
    if failures:
        st.dataframe(pd.DataFrame(failures), hide_index=True, width="stretch")


def _remove(db: str, sources: list) -> None:
    with st.expander("Remove a source"):
        labels = {s.id: f"{s.id}: {s.url}" for s in sources}
        chosen = st.selectbox(
            "Source", list(labels), format_func=lambda i: labels[i], key=REMOVE_SELECT
        )
        if st.button("Remove", key=REMOVE_BUTTON) and chosen is not None:
            try:
                with Store(db) as store:
                    store.remove_source(int(chosen))
            except TrackerError as error:
                st.error(str(error))
                return
            st.session_state.pop(LAST_POLL, None)
            st.rerun()

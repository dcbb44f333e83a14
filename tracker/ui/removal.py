"""Removing articles from the dashboard, with an undo for this session.

Remove: the article (text, title, date, outlet...) is read first and kept in the session,
then deleted with every score of it (Store.remove_articles, one transaction). Undo stores
it again through the ingest front door (scored again: the same scorer gives the same
scores). Read-only mode never shows any of this.
"""

from __future__ import annotations

import streamlit as st

from tracker.errors import TrackerError
from tracker.ingest import ingest_articles
from tracker.models import Article
from tracker.store import Store
from tracker.ui import cached
from tracker.ui.safe_text import safe_inline
from tracker.ui.state import Key

MAX_UNDO = 20  # removals remembered per session


def remove(db: str, article_ids: list[str]) -> None:
    """Button callback: remove the articles, remember them for undo."""
    try:
        with Store(db) as store:
            articles = store.articles_by_ids(article_ids)
            store.remove_articles(article_ids)
    except TrackerError as error:
        st.session_state[Key.REMOVED + "_error"] = f"Nothing was removed: {error}"
        return
    stack = list(st.session_state.get(Key.REMOVED, []))
    stack.append(articles)
    st.session_state[Key.REMOVED] = stack[-MAX_UNDO:]
    cached.clear_data()


def _undo(db: str) -> None:
    stack = list(st.session_state.get(Key.REMOVED, []))
    if not stack:
        return
    articles: list[Article] = stack.pop()
    try:
        ingest_articles(articles, db, workers=1)
    except TrackerError as error:
        st.session_state[Key.REMOVED + "_error"] = f"Could not put it back: {error}"
        return
    st.session_state[Key.REMOVED] = stack
    cached.clear_data()


def undo_banner(db: str) -> None:
    """'Removed …  [Undo]' after a removal in this session."""
    error = st.session_state.pop(Key.REMOVED + "_error", None)
    if error:
        st.error(error)
    stack = st.session_state.get(Key.REMOVED) or []
    if not stack:
        return
    last = stack[-1]
    titles = ", ".join(f"“{safe_inline(a.title[:80])}”" for a in last[:3])
    left, right = st.columns([5, 1])
    left.warning(
        f"Removed {len(last)} article(s): {titles}. The charts no longer count it.",
        icon=":material/delete:",
    )
    right.button(
        "Undo remove",
        key=Key.UNDO_BUTTON,
        on_click=_undo,
        args=(db,),
        icon=":material/undo:",
        help="Put the article back (scored again, same scores).",
    )

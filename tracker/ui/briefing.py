"""One click: the two-page brief as self-contained HTML (and PDF where Chromium is).

The brief made is kept with the view it was made for; when the view changes (pairs, range,
frequency, weights, or the data), the old one is no longer offered.
"""

from __future__ import annotations

import streamlit as st

from tracker.errors import TrackerError
from tracker.present.export import MIME, static_export_problem
from tracker.present.report import brief_html, brief_pdf, collect_brief
from tracker.ui import cached
from tracker.ui.exports import file_stem
from tracker.ui.state import Context, Key


def view_signature(ctx: Context) -> tuple:
    return (ctx.version, ctx.pairs, ctx.start, ctx.end, ctx.freq, ctx.params_key)


def render(ctx: Context) -> None:
    st.subheader("Briefing", anchor="briefing")
    st.caption(
        "A two-page brief for the selected pairs and period: the charts, turning points by "
        "date with what moved them, and the top articles."
    )
    if not ctx.pairs:
        st.info("Select at least one pair.")
        return
    result = st.session_state.get(Key.BRIEF_RESULT)
    if result and result[0] != view_signature(ctx):
        st.session_state.pop(Key.BRIEF_RESULT, None)
        st.caption("The view changed since the last brief: make it again for this view.")
        result = None
    if st.button("Make the brief", key=Key.BRIEF_BUTTON, icon=":material/description:"):
        result = _make(ctx)
        if result is None:
            return
        st.session_state[Key.BRIEF_RESULT] = result
    if not result:
        return
    _, stem, page, pdf, pdf_problem = result
    left, right = st.columns(2)
    left.download_button(
        "Brief (HTML)",
        data=page,
        file_name=f"{stem}.html",
        mime=MIME["html"],
        on_click="ignore",
        icon=":material/download:",
    )
    if pdf is not None:
        right.download_button(
            "Brief (PDF)",
            data=pdf,
            file_name=f"{stem}.pdf",
            mime=MIME["pdf"],
            on_click="ignore",
            icon=":material/picture_as_pdf:",
        )
    else:
        right.warning(f"PDF unavailable: {pdf_problem}")


def _make(ctx: Context):
    with st.spinner("Writing the brief…"):
        try:
            brief = collect_brief(
                ctx.db,
                ctx.pairs,
                freq=ctx.freq,
                start=ctx.start,
                end=ctx.end,
                params=cached.params_of(ctx.params_key),
                settings=ctx.settings,
            )
            page = brief_html(brief).encode("utf-8")
        except TrackerError as error:
            st.warning(f"Could not make the brief: {error}")
            return None
        pdf, pdf_problem = None, static_export_problem()
        if pdf_problem is None:
            try:
                pdf = brief_pdf(brief)
            except TrackerError as error:
                pdf_problem = str(error)
    stem = file_stem("brief", *(f"{a}-{b}" for a, b in ctx.pairs), ctx.freq)
    return (view_signature(ctx), stem, page, pdf, pdf_problem)

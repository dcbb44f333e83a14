"""One click: the self-contained HTML brief (and PDF where Chromium is available)."""

from __future__ import annotations

import streamlit as st

from tracker.errors import TrackerError
from tracker.present.export import MIME, static_export_problem
from tracker.present.report import brief_html, brief_pdf, collect_brief
from tracker.ui import cached
from tracker.ui.exports import file_stem
from tracker.ui.state import Key


def render(ctx) -> None:
    st.subheader("Briefing", anchor="briefing")
    st.caption(
        "A one-page brief for the selected pairs and period: charts, turning points with "
        "the events behind them, and the top articles."
    )
    if not ctx.pairs:
        st.info("Select at least one pair.")
        return
    if st.button("Make the brief", key=Key.BRIEF_BUTTON, icon=":material/description:"):
        with st.spinner("Writing the brief…"):
            try:
                brief = collect_brief(
                    ctx.db,
                    ctx.pairs,
                    freq=ctx.freq,
                    start=ctx.start,
                    end=ctx.end,
                    params=cached.params_of(ctx.params_key),
                )
                page = brief_html(brief).encode("utf-8")
            except TrackerError as error:
                st.warning(f"Could not make the brief: {error}")
                return
            pdf, pdf_problem = None, static_export_problem()
            if pdf_problem is None:
                try:
                    pdf = brief_pdf(brief)
                except TrackerError as error:
                    pdf_problem = str(error)
        stem = file_stem("brief", *(f"{a}-{b}" for a, b in ctx.pairs))
        st.session_state[Key.BRIEF_RESULT] = (stem, page, pdf, pdf_problem)
    result = st.session_state.get(Key.BRIEF_RESULT)
    if not result:
        return
    stem, page, pdf, pdf_problem = result
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

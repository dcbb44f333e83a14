"""Download buttons for a chart (PNG, SVG, HTML) and the data behind it (CSV, Parquet).

The bytes are made lazily: st.download_button takes a callable that Streamlit runs only
when the button is clicked, so reruns stay fast and no browser starts until asked.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from tracker.present.chart_titles import titled
from tracker.present.export import MIME, figure_bytes, static_export_problem, table_bytes
from tracker.ui.state import Key

_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9_.-]+")


def file_stem(*parts: str) -> str:
    """A safe download file name from its parts ('temperature', 'BLR-USA', ...)."""
    return _UNSAFE_NAME.sub("_", "_".join(p for p in parts if p)).strip("_")[:120] or "export"


TitleFn = Callable[[], tuple[str, str]]


def export_buttons(
    chart_id: str, fig: go.Figure, data: pd.DataFrame, stem: str, title: TitleFn | None = None
) -> None:
    """One row of download buttons under a chart. ``title()`` gives the exported figure's
    (title, note), asked for only when a button is clicked."""
    problem = static_export_problem()
    columns = st.columns(5)
    key = f"{Key.EXPORT_PREFIX}{chart_id}"
    if problem is None:
        for column, fmt in zip(columns[:2], ("png", "svg"), strict=True):
            column.download_button(
                fmt.upper(),
                data=_figure_callable(fig, fmt, title),
                file_name=f"{stem}.{fmt}",
                mime=MIME[fmt],
                key=f"{key}_{fmt}",
                on_click="ignore",
                icon=":material/image:",
            )
    columns[2].download_button(
        "HTML",
        data=_figure_callable(fig, "html", title),
        file_name=f"{stem}.html",
        mime=MIME["html"],
        key=f"{key}_html",
        on_click="ignore",
        icon=":material/code:",
        help="Interactive chart, self-contained (works offline)",
    )
    for column, fmt in zip(columns[3:], ("csv", "parquet"), strict=True):
        column.download_button(
            f"Data {fmt.upper()}",
            data=_table_callable(data, fmt),
            file_name=f"{stem}.{fmt}",
            mime=MIME[fmt],
            key=f"{key}_{fmt}",
            on_click="ignore",
            icon=":material/table:",
        )
    if problem is not None:
        st.warning(problem, icon=":material/warning:")


def _figure_callable(fig: go.Figure, fmt: str, title: TitleFn | None):
    def make() -> bytes:
        return figure_bytes(titled(fig, *title()) if title else fig, fmt)

    return make


def _table_callable(data: pd.DataFrame, fmt: str):
    return lambda: table_bytes(data, fmt)

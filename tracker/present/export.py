"""Figures and tables -> bytes: png, svg, pdf (static, via kaleido + chromium), html
(self-contained, plotly.js inlined), csv, parquet, json.

Static images need a Chromium. kaleido 1.x starts one per call (~3 s); here ONE browser is
kept running on a background event loop and reused (~0.2 s per export), as
``kaleido.start_sync_server`` does. We run our own loop instead of that server because the
server waits without a timeout: when the browser cannot start, its worker thread dies and
every later export blocks forever. Here each render has a deadline, a dead browser is
restarted once, and a missing browser raises :class:`ExportUnavailable` with a clear message
that callers show to the user.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import io
import json
import os
import shutil
import subprocess
import tempfile
import threading
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from tracker.config import chromium_override
from tracker.errors import TrackerError
from tracker.present.safe_text import csv_safe_frame

FIGURE_FORMATS = ("png", "svg", "pdf", "html", "json")
TABLE_FORMATS = ("csv", "parquet", "json")
STATIC_FORMATS = ("png", "svg", "pdf")
MIME = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "html": "text/html",
    "json": "application/json",
    "csv": "text/csv",
    "parquet": "application/vnd.apache.parquet",
}
DEFAULT_WIDTH = 1200  # px: a readable slide/report width
DEFAULT_HEIGHT = 600
DEFAULT_SCALE = 2  # PNG at 2x for sharp text on high-DPI screens and print
RENDER_TIMEOUT_S = 45.0  # one figure; a cold browser start is ~3 s on these machines
START_TIMEOUT_S = 30.0
PDF_TIMEOUT_S = 60.0
# Where we look for a browser, in order; TRACKER_CHROMIUM or BROWSER_PATH override.
BROWSER_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# chromium flags for headless use in containers (no sandbox user namespace, no GPU, offline)
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


class ExportUnavailable(TrackerError):
    """A static export (PNG, SVG, PDF) cannot be made here: no Chromium, or it failed."""


def browser_path() -> str | None:
    """The Chromium used for static exports, or None when there is none."""
    value = chromium_override()
    if value:
        return value if Path(value).is_file() and os.access(value, os.X_OK) else None
    for name in BROWSER_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def static_export_problem() -> str | None:
    """Why PNG/SVG/PDF export is unavailable here, or None when it should work."""
    try:
        import kaleido  # noqa: F401
    except ImportError:
        return "Static export needs the 'kaleido' package (pip install 'kaleido>=1')."
    if browser_path() is None:
        return (
            "Static export (PNG, SVG, PDF) needs Chromium, which was not found. Install it "
            "(Debian: apt-get install chromium) or set TRACKER_CHROMIUM to its path. "
            "HTML, CSV and Parquet downloads still work."
        )
    return None


class _Renderer:
    """One Kaleido browser on a private event loop thread, shared by every caller."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # one render at a time; the browser has one tab
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido = None

    def _ensure_started(self) -> None:
        if self._kaleido is not None and self._thread is not None and self._thread.is_alive():
            return
        self._shutdown()
        problem = static_export_problem()
        if problem:
            raise ExportUnavailable(problem)
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, name="tracker-kaleido", daemon=True)
        thread.start()
        self._loop, self._thread = loop, thread
        try:
            self._kaleido = self._call(self._open(), START_TIMEOUT_S)
        except BaseException as error:
            self._shutdown()
            raise ExportUnavailable(f"Could not start Chromium for static export: {error}") from (
                error
            )

    async def _open(self):
        import kaleido

        # mathjax=False: no CDN fetch (offline); plotly.js comes from the plotly package
        k = kaleido.Kaleido(n=1, timeout=RENDER_TIMEOUT_S, mathjax=False, path=browser_path())
        await k.open()
        return k

    def _call(self, coroutine, timeout: float):
        assert self._loop is not None
        future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        try:
            return future.result(timeout)
        except FutureTimeout:
            future.cancel()
            raise

    def render(self, fig_dict: dict, opts: dict) -> bytes:
        with self._lock:
            for attempt in (1, 2):  # a browser that died is restarted once
                self._ensure_started()
                try:
                    return self._call(self._kaleido.calc_fig(fig_dict, opts=opts), RENDER_TIMEOUT_S)
                except ExportUnavailable:
                    raise
                except Exception as error:
                    self._shutdown()
                    if attempt == 2:
                        raise ExportUnavailable(f"Static export failed: {error!r}") from error
        raise AssertionError("unreachable")  # pragma: no cover

    def _shutdown(self) -> None:
        if self._kaleido is not None and self._loop is not None and self._loop.is_running():
            with contextlib.suppress(Exception):  # best effort: the browser may be gone
                self._call(self._kaleido.close(), 10)
        self._kaleido = None
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            if self._thread is not None:
                self._thread.join(5)
            if not self._loop.is_running():
                self._loop.close()
        self._loop, self._thread = None, None

    def stop(self) -> None:
        with self._lock:
            self._shutdown()


_RENDERER = _Renderer()
atexit.register(_RENDERER.stop)


def stop_renderer() -> None:
    """Close the shared browser (it restarts on the next static export)."""
    _RENDERER.stop()


def figure_bytes(
    fig: go.Figure,
    fmt: str,
    *,
    width: int = DEFAULT_WIDTH,
    height: int | None = None,
    scale: float = DEFAULT_SCALE,
) -> bytes:
    """A figure as png/svg/pdf (static), html (self-contained) or json."""
    fmt = fmt.lower()
    if fmt == "html":
        return fig.to_html(include_plotlyjs=True, full_html=True).encode("utf-8")
    if fmt == "json":
        return fig.to_json().encode("utf-8")
    if fmt not in STATIC_FORMATS:
        raise ValueError(f"unknown figure format {fmt!r}; use one of {', '.join(FIGURE_FORMATS)}")
    fig_dict = json.loads(fig.to_json())  # plain JSON types: dates, numpy and NaN handled
    height = height or fig_dict.get("layout", {}).get("height") or DEFAULT_HEIGHT
    opts = {"format": fmt, "width": width, "height": height, "scale": scale if fmt == "png" else 1}
    return _RENDERER.render(fig_dict, opts)


def table_bytes(frame: pd.DataFrame, fmt: str) -> bytes:
    """The data behind a chart as csv (UTF-8), parquet or json (records, ISO dates).

    CSV text cells never start a formula and carry no bidi controls
    (:func:`tracker.present.safe_text.csv_cell`); ``frame.attrs`` (the timeline keeps its
    parameters there) is not written: pandas would put it in the Parquet metadata as JSON,
    and a dataclass in it made that raise.
    """
    fmt = fmt.lower()
    if fmt == "csv":
        return csv_safe_frame(frame).to_csv(index=False).encode("utf-8")
    if fmt == "parquet":
        buffer = io.BytesIO()
        _parquet_safe(frame).to_parquet(buffer, index=False)
        return buffer.getvalue()
    if fmt == "json":
        return frame.to_json(orient="records", date_format="iso", force_ascii=False).encode("utf-8")
    raise ValueError(f"unknown table format {fmt!r}; use one of {', '.join(TABLE_FORMATS)}")


def export_format_problem(fmt: str) -> str | None:
    """Why ``fmt`` (a file extension, no dot) cannot be exported, or None: checked before
    anything is computed or rendered."""
    known = sorted(set(FIGURE_FORMATS) | set(TABLE_FORMATS))
    if fmt.lower() in known:
        return None
    shown = f"'.{fmt}'" if fmt else "no extension"
    return f"cannot export to {shown}; the file name must end in " + ", ".join(
        f".{k}" for k in known
    )


def _parquet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Tuples (pairs, directions) become 'A-B' strings: Arrow cannot type mixed objects;
    attrs are dropped (see table_bytes)."""
    out = frame.copy()
    out.attrs = {}
    for column in out.columns:
        if out[column].dtype == object and out[column].map(type).eq(tuple).any():
            out[column] = out[column].map(
                lambda v: "-".join(map(str, v)) if isinstance(v, tuple) else v
            )
    return out


def export_bytes(obj: go.Figure | pd.DataFrame, fmt: str) -> bytes:
    """Figure or DataFrame -> bytes in ``fmt`` (see FIGURE_FORMATS and TABLE_FORMATS)."""
    if isinstance(obj, pd.DataFrame):
        return table_bytes(obj, fmt)
    return figure_bytes(obj, fmt)


def html_to_pdf(html_text: str, *, timeout: float = PDF_TIMEOUT_S) -> bytes:
    """Print an HTML page to PDF with headless Chromium (``--print-to-pdf``)."""
    browser = browser_path()
    if browser is None:
        raise ExportUnavailable(static_export_problem() or "Chromium not found")
    with tempfile.TemporaryDirectory(prefix="tracker-pdf-") as folder:
        page = Path(folder) / "brief.html"
        out = Path(folder) / "brief.pdf"
        page.write_text(html_text, encoding="utf-8")
        command = [
            browser,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={Path(folder) / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            page.as_uri(),
        ]
        try:
            subprocess.run(
                command,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=timeout,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise ExportUnavailable(f"Chromium could not print the PDF: {error}") from error
        if not out.is_file() or out.stat().st_size == 0:
            raise ExportUnavailable("Chromium did not produce a PDF")
        return out.read_bytes()

"""Request -> first rendered chart, in a real browser, against the real Streamlit server.

As Streamlit's own e2e harness does it: the server on a free port of 127.0.0.1 with its output
in a file, readiness by ``/_stcore/health``, then Playwright (PyPI, no browser download)
drives Debian's chromium. The clock runs from ``page.goto`` to the first ``.js-plotly-plot``
being visible. "cold" is the first visit after the server started (the app's imports and
empty caches included); "warm" is the median of later visits in fresh pages (new sessions,
server caches warm).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.measure import ROOT, median
from tracker.present.export import CHROMIUM_FLAGS

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = list(CHROMIUM_FLAGS)  # the project's headless flags (tracker/export.py)
CHART = ".js-plotly-plot"
HEALTH_TIMEOUT_S = 90.0
CHART_TIMEOUT_S = 180.0
WARM_VISITS = 3


class DashboardUnavailable(RuntimeError):
    """The dashboard, Playwright or chromium is missing: the measure is skipped."""


@dataclass
class DashboardTiming:
    cold_s: float
    warm_s: float
    warm_all: list[float] = field(default_factory=list)
    server_start_s: float = 0.0


def check_available() -> None:
    if not (ROOT / "dashboard.py").exists():
        raise DashboardUnavailable("dashboard not available: no dashboard.py")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as error:
        raise DashboardUnavailable("dashboard not available: playwright not installed") from error
    if not Path(CHROMIUM).exists():
        raise DashboardUnavailable(f"dashboard not available: no {CHROMIUM}")
    try:  # located, not imported: importing streamlit code outside a server only warns
        found = importlib.util.find_spec("tracker.ui.app") is not None
    except ImportError:
        found = False
    if not found:
        raise DashboardUnavailable("dashboard not available: no tracker.ui.app")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(port: int, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + HEALTH_TIMEOUT_S
    url = f"http://127.0.0.1:{port}/_stcore/health"
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise DashboardUnavailable(f"streamlit exited: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # localhost only
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise DashboardUnavailable(f"streamlit not healthy in {HEALTH_TIMEOUT_S}s: {log.read_text()}")


FLOOR_APP = """import plotly.graph_objects as go
import streamlit as st

st.title("floor")
st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2])))
"""  # the least any Streamlit page with one plotly chart costs: framework + browser


def time_dashboard(
    db: Path,
    log: Path,
    warm_visits: int = WARM_VISITS,
    *,
    spy: Path | None = None,
    script: Path | None = None,
) -> DashboardTiming:
    """Start ``streamlit run dashboard.py`` on ``db`` and time first charts in chromium.

    With ``spy``, py-spy records the server (all threads) during the visits into that file
    (collapsed stacks), for :func:`summarise_collapsed`.
    """
    from playwright.sync_api import sync_playwright

    port = _free_port()
    env = {**os.environ, "TRACKER_DB": str(db), "PYTHONPATH": str(ROOT)}
    command = [
        sys.executable, "-m", "streamlit", "run", str(script or ROOT / "dashboard.py"),
        "--server.headless", "true", "--server.address", "127.0.0.1",
        "--server.port", str(port), "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none", "--server.runOnSave", "false",
    ]  # fmt: skip
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as out:
        started = time.perf_counter()
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            _wait_healthy(port, server, log)
            server_start = time.perf_counter() - started
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                recorder = _start_spy(server.pid, spy) if spy else None
                try:
                    url = f"http://127.0.0.1:{port}/"
                    cold = _first_chart(browser, url, log)
                    warm = [_first_chart(browser, url, log) for _ in range(warm_visits)]
                finally:
                    browser.close()
                    if recorder is not None:
                        recorder.send_signal(signal.SIGINT)
                        recorder.wait(timeout=60)
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
    return DashboardTiming(cold, median(warm), warm, server_start)


def _first_chart(browser, url: str, log: Path) -> float:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        start = time.perf_counter()
        page.goto(url)
        try:
            page.wait_for_selector(CHART, state="visible", timeout=CHART_TIMEOUT_S * 1000)
        except Exception as error:
            shot = log.with_suffix(".png")
            page.screenshot(path=str(shot), full_page=True)
            raise DashboardUnavailable(
                f"no chart within {CHART_TIMEOUT_S}s (screenshot {shot}); server log tail:\n"
                + log.read_text(errors="replace")[-3000:]
            ) from error
        return time.perf_counter() - start
    finally:
        page.close()


def _start_spy(pid: int, out: Path) -> subprocess.Popen:
    exe = shutil.which("py-spy")
    if exe is None:
        raise DashboardUnavailable("py-spy not installed (pip install py-spy)")
    out.parent.mkdir(parents=True, exist_ok=True)
    command = [exe, "record", "--pid", str(pid), "--rate", "200", "--format", "raw"]
    recorder = subprocess.Popen(
        [*command, "--output", str(out), "--nonblocking"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1.0)  # let it attach before the first request
    return recorder


_FRAME = re.compile(r"^(?P<func>.*?) \((?P<file>[^:()]*)(?::\d+)?\)$")


def _frame_key(frame: str) -> tuple[str, bool]:
    """'func (path/file.py:12)' -> ('func  path/in/project.py', is_project_code)."""
    match = _FRAME.match(frame)
    if not match:
        return frame, False
    path = match.group("file")
    for marker in (str(ROOT) + "/", "site-packages/", "lib/python3.11/"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    project = path.startswith(("tracker/", "dashboard.py"))
    return f"{match.group('func')}  {path}", project


def summarise_collapsed(path: Path, top: int = 25) -> str:
    """Functions by inclusive and self samples from py-spy's collapsed stacks, and the
    project's own functions (tracker/, dashboard.py) by inclusive samples."""
    inclusive: dict[str, int] = {}
    own: dict[str, int] = {}
    project: dict[str, int] = {}
    total = 0
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        n = int(count)
        total += n
        keys = [_frame_key(f) for f in stack.split(";")]
        for key, is_project in set(keys):
            inclusive[key] = inclusive.get(key, 0) + n
            if is_project:
                project[key] = project.get(key, 0) + n
        own[keys[-1][0]] = own.get(keys[-1][0], 0) + n
    lines = [f"{total} samples at 200 Hz (all threads, idle excluded)"]
    for title, table in (("project code, inclusive", project), ("self", own)):
        lines += ["", f"{title}:"]
        for key, n in sorted(table.items(), key=lambda kv: -kv[1])[:top]:
            lines.append(f"{100 * n / max(total, 1):6.1f}%  {key}")
    return "\n".join(lines)

"""One real-browser test: the real server, Debian's chromium through Playwright.

Server output goes to a file (a pipe can deadlock), readiness is /_stcore/health, then the
app's script state must be "notRunning"; there is no fixed sleep.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from test_report import demo_db  # noqa: F401 - session fixture

from tracker.present.export import CHROMIUM_FLAGS

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
FLAGS = list(CHROMIUM_FLAGS)  # the same headless flags as static export
HEALTH_TIMEOUT_S = 40
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
XSS_FILE = (
    "2025-11-03-hostile.txt",
    b'<img src=x onerror="window.__xss=1"> <script>window.__xss=2</script>\n\n'
    b"The United States praised Belarus on Monday for freeing 14 political prisoners. "
    b"Washington eased sanctions on Minsk.\n",
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no /usr/bin/chromium"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit_server(db: Path, folder: Path, env_extra: dict[str, str] | None = None):
    """The real server on a free loopback port, ready when /_stcore/health says ok."""
    port = free_port()
    log_path = folder / f"server-{port}.log"
    env = {**os.environ, "TRACKER_DB": str(db)}
    env.pop("TRACKER_READONLY", None)
    env.update(env_extra or {})
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [
                sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"),
                "--server.port", str(port), "--server.address", "127.0.0.1",
                "--server.headless", "true", "--browser.gatherUsageStats", "false",
                "--server.fileWatcherType", "none",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + HEALTH_TIMEOUT_S
        while True:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/_stcore/health", timeout=1
                ) as r:
                    if r.read() == b"ok":
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail("server did not start:\n" + log_path.read_text(errors="replace"))
            time.sleep(0.2)  # polling interval, not a wait for the app
        yield f"http://127.0.0.1:{port}/", log_path
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture
def server(demo_db, tmp_path):  # noqa: F811
    db = tmp_path / "tracker.duckdb"
    shutil.copy(demo_db, db)
    with streamlit_server(db, tmp_path) as (url, log_path):
        yield url, log_path, tmp_path


@pytest.fixture(scope="module")
def shared_server(demo_db, tmp_path_factory):  # noqa: F811
    """One server for the tests that only read (each test opens its own browser context)."""
    folder = tmp_path_factory.mktemp("browser")
    db = folder / "tracker.duckdb"
    shutil.copy(demo_db, db)
    with streamlit_server(db, folder) as (url, log_path):
        yield url, log_path


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


# A new view comes in two passes (tracker/ui/app.py): the chart, then (when the browser has
# drawn it) the rest. Between them the script is idle but the page says "Loading the ...".
PAGE_DONE = "() => !document.body.innerText.includes('Loading the ')"


def wait_idle(page) -> None:
    """The script idle and the page whole (not between a new view's two passes)."""
    page.wait_for_function(PAGE_DONE, timeout=60_000)
    page.wait_for_selector(IDLE, timeout=60_000)


def test_upload_export_and_no_script_execution(server):
    from playwright.sync_api import sync_playwright

    url, log_path, tmp_path = server
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(60_000)
            page.goto(url + "?pairs=BLR-USA&from=2025-01-01")
            page.wait_for_selector('[data-testid="stPlotlyChart"] .js-plotly-plot')
            wait_idle(page)
            metric = page.locator('[data-testid="stMetric"]').first
            assert "BLR–USA" in metric.inner_text()
            articles_before = page.locator('[data-testid="stSidebar"]').inner_text()

            page.get_by_role("tab", name="Add articles").click()
            page.locator('input[type="file"]').set_input_files(
                [{"name": XSS_FILE[0], "mimeType": "text/plain", "buffer": XSS_FILE[1]}]
            )
            add = page.get_by_role("button", name="Add 1 article(s)")
            add.wait_for()
            wait_idle(page)
            add.click()
            page.get_by_text("Added 1 article(s)").wait_for()
            wait_idle(page)
            sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
            assert sidebar != articles_before  # the article count moved: data refreshed

            page.get_by_role("tab", name="Explore").click()
            with page.expect_download() as download:
                page.get_by_role("button", name="PNG").first.click()
            png = Path(download.value.path()).read_bytes()
            assert png.startswith(b"\x89PNG")

            assert page.evaluate("window.__xss") is None
            page.screenshot(path=str(tmp_path / "after-upload.png"), full_page=False)
            browser.close()
    except BaseException:
        print("---- server log ----\n" + log_path.read_text(errors="replace"))
        raise

"""Issue 16 item 9: a read-only dashboard refuses uploads at the server.

A real Streamlit server (``streamlit run dashboard.py``) and a real browser session (Debian's
Chromium via Playwright) give a live session id and XSRF cookie; then an attacker's HTTP
``PUT /_stcore/upload_file/{session}/{file}`` is sent from Python. Read-only: 413 and
nothing kept. The same request to a normal dashboard is accepted (204), which shows the
request is a valid upload and the refusal is the read-only guard, not a malformed request.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from test_browser import CHROMIUM, FLAGS, HEALTH_TIMEOUT_S, IDLE, ROOT, free_port
from test_report import demo_db  # noqa: F401 - session fixture


def test_streamlit_config_hides_errors_and_watches_no_files():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["client"]["showErrorDetails"] == "none"
    assert config["server"]["fileWatcherType"] == "none"
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["enableExpensiveMemoryStats"] is False
    assert config["server"]["maxUploadSize"] == 50


def test_guard_sets_the_limit_only_in_read_only_mode():
    from streamlit import config

    from tracker.ui.server_guard import refuse_uploads_when_read_only

    before = config.get_option("server.maxUploadSize")
    try:
        refuse_uploads_when_read_only(False)
        assert config.get_option("server.maxUploadSize") == before
        refuse_uploads_when_read_only(True)
        assert config.get_option("server.maxUploadSize") == 0
    finally:
        config.set_option("server.maxUploadSize", before)


REFUSED_MID_BODY = -1  # the connection was cut while the body was being sent


def _start(db: Path, log_path: Path, read_only: bool) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = {**os.environ, "TRACKER_DB": str(db)}
    env.pop("TRACKER_READONLY", None)
    env.pop("STREAMLIT_SERVER_MAX_UPLOAD_SIZE", None)
    if read_only:
        env["TRACKER_READONLY"] = "1"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(ROOT / "dashboard.py"),
                "--server.port",
                str(port),
                "--server.address",
                "127.0.0.1",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + HEALTH_TIMEOUT_S
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as r:
                if r.read() == b"ok":
                    return process, port
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail("server did not start:\n" + log_path.read_text(errors="replace"))
        time.sleep(0.2)  # polling interval, not a wait for the app


def _session(port: int):
    """A live session id (from the NewSession message on the page's websocket) and the
    browser's cookies, after the page has run once."""
    from playwright.sync_api import sync_playwright
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    ids: list[str] = []

    def on_frame(payload) -> None:
        if isinstance(payload, bytes | bytearray):
            message = ForwardMsg.FromString(bytes(payload))
            if message.HasField("new_session"):
                ids.append(message.new_session.initialize.session_id)

    pw = sync_playwright().start()
    try:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page()
        page.on("websocket", lambda ws: ws.on("framereceived", on_frame))
        page.goto(f"http://127.0.0.1:{port}/")
        page.wait_for_selector(IDLE, timeout=60_000)
        cookies = {c["name"]: c["value"] for c in page.context.cookies()}
        assert ids, "no NewSession message seen"
        # the attack runs while the session is alive (the browser stays open)
        return ids[-1], cookies, browser, pw
    except BaseException:
        pw.stop()
        raise


def _put(port: int, session_id: str, cookies: dict[str, str], size: int) -> int:
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n'
            f"Content-Type: text/plain\r\n\r\n"
        ).encode()
        + b"x" * size
        + f"\r\n--{boundary}--\r\n".encode()
    )
    xsrf = cookies.get("_streamlit_xsrf", "")
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/_stcore/upload_file/{session_id}/{uuid.uuid4().hex}",
        data=body,
        method="PUT",
        headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "X-Xsrftoken": xsrf,
            "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except urllib.error.URLError as error:
        # A server that refuses (413) may close the socket before the body is sent: the
        # client then sees the reset, not the status. Only a reset counts as "refused".
        if isinstance(error.reason, ConnectionResetError | BrokenPipeError):
            return REFUSED_MID_BODY
        raise


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no /usr/bin/chromium")
@pytest.mark.parametrize("read_only", [True, False], ids=["read-only", "normal"])
def test_upload_endpoint_refuses_in_read_only_mode(demo_db, tmp_path, read_only):  # noqa: F811
    db = tmp_path / "tracker.duckdb"
    shutil.copy(demo_db, db)
    process, port = _start(db, tmp_path / "server.log", read_only)
    try:
        session_id, cookies, browser, pw = _session(port)
        try:
            statuses = [_put(port, session_id, cookies, size) for size in (1, 1024 * 1024)]
        finally:
            browser.close()
            pw.stop()
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
    if read_only:
        assert statuses[0] == 413, statuses  # a one-byte body is read whole: the status
        assert statuses[1] in (413, REFUSED_MID_BODY), statuses
    else:
        assert statuses == [204, 204], statuses  # the same request is a valid upload

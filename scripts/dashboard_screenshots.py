"""Screenshots of each dashboard tab, for docs/screenshots/ (before/after a change).

    python scripts/dashboard_screenshots.py --root . --db /tmp/demo.duckdb --out docs/screenshots \
        --prefix after-

Starts ``streamlit run ROOT/dashboard.py`` on a free loopback port with ``TRACKER_DB=DB``
(readiness by /_stcore/health), opens it in Debian's chromium at 1400 px wide and saves the
Explore tab, the drill-down, the Add articles tab with an upload under review, and the
Briefing tab. ``--root`` may be another checkout (for "before" shots of an older commit).
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
UPLOAD = (
    "undated-note.txt",
    b"#BREAKING \xe2\x80\x94 Russia accuses US of provocation\n\nRussia accused the United "
    b"States of dangerous provocations near its border. Moscow summoned the US ambassador.\n",
)


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(root: Path, db: Path, port: int, log: Path) -> subprocess.Popen:
    env = {**os.environ, "TRACKER_DB": str(db), "PYTHONPATH": str(root)}
    env.pop("TRACKER_READONLY", None)
    command = [
        sys.executable, "-m", "streamlit", "run", str(root / "dashboard.py"),
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    with open(log, "wb") as out:
        server = subprocess.Popen(command, cwd=root, env=env, stdout=out, stderr=out)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1):
                return server
        except OSError:
            if server.poll() is not None:
                break
            time.sleep(0.2)
    server.kill()
    raise SystemExit(f"server did not start: {log.read_text(errors='replace')[-2000:]}")


def shoot(root: Path, db: Path, out: Path, prefix: str) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    port = _port()
    server = _serve(root, db, port, out / f".{prefix}server.log")
    saved: list[Path] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(120_000)
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_selector(".js-plotly-plot")
            # a new view comes in two passes: the chart, then the rest (docs/dashboard.md)
            page.wait_for_function("() => !document.body.innerText.includes('Loading the ')")
            page.wait_for_selector(IDLE)

            def save(name: str, full: bool = False) -> None:
                path = out / f"{prefix}{name}.png"
                page.screenshot(path=str(path), full_page=full)
                saved.append(path)

            save("explore")
            heading = page.get_by_text("Behind a point").first
            heading.scroll_into_view_if_needed()
            save("drilldown")
            page.get_by_text("Articles", exact=True).last.scroll_into_view_if_needed()
            save("articles")
            page.get_by_role("tab", name="Add articles").click()
            page.locator('input[type="file"]').set_input_files(
                [{"name": UPLOAD[0], "mimeType": "text/plain", "buffer": UPLOAD[1]}]
            )
            page.get_by_text("Review").first.wait_for()
            page.wait_for_selector(IDLE)
            save("upload_review")
            page.get_by_role("tab", name="Briefing").click()
            page.wait_for_selector(IDLE)
            save("briefing")
            browser.close()
    finally:
        server.terminate()
        server.wait(15)
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--prefix", default="")
    args = parser.parse_args()
    for path in shoot(args.root.resolve(), args.db.resolve(), args.out, args.prefix):
        print(path)


if __name__ == "__main__":
    main()

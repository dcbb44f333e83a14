"""`tracker sources ...` on a real HTTP server on 127.0.0.1: add, list, poll (JSON shaped like
`tracker ingest --json`, per source), remove, and `poll --every` stopped by Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from feed_fixtures import rss_of, serve_articles

from tracker.cli import main

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str):
    return CliRunner().invoke(main, ["sources", *args])


def dead_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}/rss.xml"


def test_add_list_poll_remove(server, tmp_path):
    db = str(tmp_path / "t.duckdb")
    feed = server.feed("/feed.xml", rss_of(serve_articles(server)))
    added = run("add", feed, "--db", db, "--json")
    assert added.exit_code == 0, added.output
    assert json.loads(added.stdout) == {
        "id": 1,
        "url": feed,
        "kind": "feed",
        "title": "Loopback World News",
    }
    dead = dead_url()
    assert run("add", dead, "--kind", "feed", "--db", db).exit_code == 0

    polled = run("poll", "--db", db, "--json")
    assert polled.exit_code == 1  # the dead source failed; the feed still landed
    reports = {r["source"]: r for r in json.loads(polled.stdout)}
    assert reports[feed]["added"] == 3 and reports[feed]["failed"] == []
    assert len(reports[feed]["article_ids"]) == 3
    assert reports[dead]["status"] == "failed"
    assert reports[dead]["failed"][0]["file"] == dead
    assert "cannot connect" in reports[dead]["failed"][0]["error"]

    listed = json.loads(run("list", "--db", db, "--format", "json").stdout)
    assert [(s["kind"], s["last_status"], s["last_added"]) for s in listed] == [
        ("feed", "ok", 3),
        ("feed", "failed", 0),
    ]
    assert listed[0]["last_polled_at"]

    assert run("remove", dead, "--db", db).exit_code == 0
    again = run("poll", "--db", db, "--json")
    assert again.exit_code == 0
    (only,) = json.loads(again.stdout)
    assert (only["status"], only["added"]) == ("not_modified", 0)
    text = run("poll", "--db", db, "--source", "1")
    assert "(not modified): added 0, duplicates 0, failed 0, skipped 0" in text.stdout
    assert run("remove", "7", "--db", db).exit_code == 2  # no such source


def test_bad_urls_are_usage_errors(tmp_path):
    db = str(tmp_path / "t.duckdb")
    for url in ("file:///etc/passwd", "ftp://a.example/feed", "not a url"):
        result = run("add", url, "--db", db)
        assert result.exit_code == 2 and "URL" in result.output
    assert run("poll", "--every", "soon", "--db", db).exit_code == 2


def test_poll_every_loops_until_ctrl_c(server, tmp_path):
    db = str(tmp_path / "t.duckdb")
    feed = server.feed("/feed.xml", rss_of(serve_articles(server)))
    assert run("add", feed, "--db", db).exit_code == 0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tracker",
            "sources",
            "poll",
            "--every",
            "1s",
            "--db",
            db,
            "--json",
            "--workers",
            "1",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
        # a shell's background job starts with SIGINT ignored, and Python keeps it ignored:
        # the child gets the default back, as a terminal's foreground command has
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        rounds = [json.loads(process.stdout.readline()) for _ in range(2)]
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert rounds[0][0]["added"] == 3 and rounds[1][0]["status"] == "not_modified"
    assert process.returncode == 0, err
    assert "stopped polling" in err and "Traceback" not in err

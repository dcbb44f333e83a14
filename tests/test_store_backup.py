"""``tracker backup`` + ``tracker restore`` round-trip the exact article set, and a backup
taken while another process writes waits for it (or says "busy, retry")."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import build_scored
from test_store_safety import env, run_cli

from tracker.cli import main
from tracker.errors import StoreBusy, StoreError
from tracker.models import (
    ScoredArticle,
)
from tracker.store import Store


# --- backup and restore ---------------------------------------------------------------------
def _corpus(n: int, variant: str = "") -> list[ScoredArticle]:
    return [
        build_scored(
            date(2024, 1, 1 + i % 28),
            ("USA", "BLR") if i % 2 else ("USA", "RUS"),
            [0.1 * (i % 7) - 0.3, 0.2],
            variant=f"{variant}{i}",
        )
        for i in range(n)
    ]


def _snapshot(path: Path) -> tuple[list, int, int]:
    with Store(path, read_only=True) as store:
        con = store.con
        articles = con.execute(
            "SELECT id, title, text, published_at, origin FROM articles ORDER BY id"
        ).fetchall()
        sentences = con.execute("SELECT count(*) FROM dyad_sentences").fetchone()[0]
        events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    return articles, sentences, events


def test_backup_then_restore_round_trip(tmp_path, db):
    with Store(db) as store:
        store.add_scored(_corpus(120))
    original = _snapshot(db)
    backup = tmp_path / "backup.duckdb"
    out = run_cli("backup", str(backup), "--db", str(db), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert _snapshot(backup) == original
    with Store(db) as store:  # the live database moves on after the backup
        store.add_scored(_corpus(30, variant="later"))
    assert len(_snapshot(db)[0]) == 150
    out = run_cli("restore", str(backup), "--db", str(db), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "restored 120 articles" in out.stdout
    assert _snapshot(db) == original
    assert not list(tmp_path.glob("*.restoring"))
    with Store(db) as store:  # and it is a working, writable tracker database again
        assert store.add_scored(_corpus(1, variant="after")).added


def test_restore_into_a_new_path(tmp_path, db):
    with Store(db) as store:
        store.add_scored(_corpus(10))
    target = tmp_path / "fresh" / "restored.duckdb"
    out = run_cli("restore", str(db), "--db", str(target), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert _snapshot(target) == _snapshot(db)


HOLD_WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from conftest import build_scored
    from tracker.store import Store
    path, release, flag = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    items = [build_scored("2024-05-01", ("USA", "BLR"), [0.1, 0.2], variant=f"w{i}")
             for i in range(50)]
    with Store(path) as store:
        flag.write_text("locked")
        while not release.exists():  # a long write in progress, until the test releases it
            time.sleep(0.01)
        store.add_scored(items)
    """
)

# `tracker backup` in a process that writes a flag file the first time it finds the database
# locked (the retry loop's first sleep): the event that proves it waited.
BACKUP_WAITING = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import tracker.store.connection as connection
    flag = Path(sys.argv.pop(1))
    real_sleep = time.sleep

    class _Time:
        def __getattr__(self, name):
            return getattr(time, name)

        @staticmethod
        def sleep(seconds):
            if not flag.exists():
                flag.write_text("waiting")
            real_sleep(seconds)

    connection.time = _Time()
    from tracker.cli import main
    main()
    """
)


def _start_writer(tmp_path: Path, db: Path) -> tuple[subprocess.Popen, Path]:
    """A writer holding the database until ``release`` (the returned path) is created."""
    flag, release = tmp_path / "writer.flag", tmp_path / "writer.release"
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD_WRITER, str(db), str(release), str(flag)], env=env()
    )
    deadline = time.monotonic() + 30
    while not flag.exists():
        assert proc.poll() is None, "writer died before taking the lock"
        assert time.monotonic() < deadline, "writer never took the lock"
        time.sleep(0.02)
    return proc, release


def test_backup_waits_for_a_writer_in_another_process(tmp_path, db):
    with Store(db) as store:
        store.add_scored(_corpus(10))
    writer, release = _start_writer(tmp_path, db)
    backup, waiting = tmp_path / "backup.duckdb", tmp_path / "backup.waiting"
    try:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-c",
                BACKUP_WAITING,
                str(waiting),
                "backup",
                str(backup),
                "--db",
                str(db),
            ],
            cwd=tmp_path,
            env=env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 30  # a hang detector, not a speed limit
        while not waiting.exists():  # the event: the backup found the database locked
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "backup never tried the locked database"
            time.sleep(0.01)
        assert not backup.exists()  # nothing copied while the writer holds the file
        release.write_text("go")
        _, err = proc.communicate(timeout=60)
    finally:
        release.write_text("go")
        assert writer.wait(timeout=30) == 0
    assert proc.returncode == 0, err
    assert len(_snapshot(backup)[0]) == 60  # it waited: it holds the writer's committed batch


def test_backup_says_busy_retry_when_the_writer_does_not_let_go(tmp_path, db, monkeypatch):
    monkeypatch.setitem(Store.__init__.__kwdefaults__, "busy_timeout", 0.5)
    writer, release = _start_writer(tmp_path, db)  # holds the file until released
    try:
        result = CliRunner().invoke(main, ["backup", str(tmp_path / "b.duckdb"), "--db", str(db)])
        with pytest.raises(StoreBusy, match="busy: another process is writing"):
            Store(db, read_only=True, busy_timeout=0.3)
    finally:
        release.write_text("go")
        assert writer.wait(timeout=30) == 0
    assert result.exit_code == 1
    assert "busy" in result.output and "retry" in result.output
    assert not isinstance(result.exception, StoreError)  # turned into a message, not raised
    assert not (tmp_path / "b.duckdb").exists()
    # once the writer is gone, the same command works
    result = CliRunner().invoke(main, ["backup", str(tmp_path / "b.duckdb"), "--db", str(db)])
    assert result.exit_code == 0, result.output

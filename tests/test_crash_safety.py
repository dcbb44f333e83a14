"""Kill safety: SIGKILL `tracker ingest` at random moments; no article is ever half-stored.

ingest writes windows of tracker.ingest.WINDOW articles, each in one transaction. After a
SIGKILL at any moment the database must reopen, hold only whole articles (each with every
dyad_sentences and events row its scoring produces, compared with tracker.coding.score run again),
no orphan score rows, and a second run must bring it to exactly the full corpus, once.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from tracker.store import Store

REPO = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-c", "from tracker.cli import main; main()"]
CORPUS_SIZE = 3000
FILES = 6  # .jsonl files of CORPUS_SIZE / FILES records
SEED = 20250815
# Kill points as fractions of FULL_DB_BYTES of growth past an empty database, one drawn
# (seeded) from each range: inside the first window's commit, in the middle, near the end.
KILL_RANGES = ((0.0, 0.15), (0.3, 0.6), (0.6, 0.9))
FULL_DB_BYTES = 4_000_000  # about what the full corpus takes on disk (DuckDB 2.0)
RUN_TIMEOUT_S = 60

COUNTRIES = (
    ("the United States", "USA"),
    ("Belarus", "BLR"),
    ("Russia", "RUS"),
    ("Ukraine", "UKR"),
    ("Poland", "POL"),
    ("China", "CHN"),
    ("France", "FRA"),
    ("Germany", "DEU"),
)
VERBS = (
    "praised",
    "criticised",
    "imposed sanctions on",
    "signed an agreement with",
    "threatened",
    "held talks with",
    "accused",
    "sent aid to",
)


def corpus_records(n: int = CORPUS_SIZE) -> list[dict[str, str]]:
    """n distinct short articles; each names two countries interacting, so it has scores."""
    rng = random.Random(SEED)
    records = []
    for i in range(n):
        (a, _), (b, _) = rng.sample(COUNTRIES, 2)
        verb, other = rng.choice(VERBS), rng.choice(VERBS)
        day = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
        records.append(
            {
                "title": f"Report {i}",
                "date": day.isoformat(),
                "text": f"{a[0].upper() + a[1:]} {verb} {b} on Tuesday, officials said. "
                f"Later, {b} {other} {a} in reply number {i}.",
            }
        )
    return records


def write_corpus(folder: Path, records: list[dict[str, str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    per_file = -(-len(records) // FILES)
    for n in range(FILES):
        part = records[n * per_file : (n + 1) * per_file]
        lines = "\n".join(json.dumps(r) for r in part)
        (folder / f"batch_{n}.jsonl").write_text(lines + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict[str, tuple[int, int]]]:
    """The corpus folder and, per article id, (dyad sentences, events) from scoring it."""
    from tracker.coding.score import default_scorer, score_article
    from tracker.load.reader import load_articles

    folder = tmp_path_factory.mktemp("crash") / "corpus"
    write_corpus(folder, corpus_records())
    scorer = default_scorer()
    expected: dict[str, tuple[int, int]] = {}
    for path in sorted(folder.iterdir()):
        for article in load_articles(str(path), path.read_bytes()):
            assert not isinstance(article, Exception), article
            scored = score_article(article, scorer)
            expected[article.id] = (len(scored.dyad_sentences), len(scored.events))
    assert len(expected) == CORPUS_SIZE
    assert all(sentences > 0 for sentences, _ in expected.values())
    return folder, expected


def _env() -> dict[str, str]:
    path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path}


def _start_ingest(folder: Path, db: Path, log: Path) -> subprocess.Popen:
    with log.open("wb") as handle:  # a file, not a pipe: a full pipe would stall the child
        return subprocess.Popen(
            [*CLI, "ingest", str(folder), "--db", str(db), "--json"],
            cwd=db.parent,
            env=_env(),
            stdout=handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: the kill takes the pool too
        )


def _db_bytes(db: Path) -> int:
    wal = db.with_name(db.name + ".wal")
    return sum(p.stat().st_size for p in (db, wal) if p.exists())


def _kill_when_grown(proc: subprocess.Popen, db: Path, threshold: int) -> bool:
    """SIGKILL the ingest (and its pool) once the database files exceed ``threshold`` bytes.

    Growth, not time, picks the moment, so the kill points do not depend on the machine's
    speed. Returns False when the run finished before reaching it.
    """
    deadline = time.monotonic() + RUN_TIMEOUT_S
    while _db_bytes(db) < threshold:
        if proc.poll() is not None:
            return False
        assert time.monotonic() < deadline, "ingest did not grow the database in time"
        time.sleep(0.002)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    return True


def check_whole_articles(db: Path, expected: dict[str, tuple[int, int]]) -> int:
    """Every stored article has all its score rows; no orphans. Returns the article count."""
    with Store(db) as store:  # read-write: replays the write-ahead log left by the kill
        con = store.con
        ids = [r[0] for r in con.execute("SELECT id FROM articles").fetchall()]
        sentences = dict(
            con.execute("SELECT article_id, count(*) FROM dyad_sentences GROUP BY 1").fetchall()
        )
        events = dict(con.execute("SELECT article_id, count(*) FROM events GROUP BY 1").fetchall())
    duplicates = [i for i, n in Counter(ids).items() if n > 1]
    assert not duplicates, f"{len(duplicates)} articles stored twice"
    stored = set(ids)
    assert stored <= set(expected), "an article that is not in the corpus"
    assert set(sentences) <= stored, "orphan dyad_sentences rows"
    assert set(events) <= stored, "orphan events rows"
    partial = {
        i: ((sentences.get(i, 0), events.get(i, 0)), expected[i])
        for i in stored
        if (sentences.get(i, 0), events.get(i, 0)) != expected[i]
    }
    assert not partial, f"{len(partial)} partial articles, e.g. {list(partial.items())[:3]}"
    return len(stored)


def _empty_db_bytes(tmp_path: Path) -> int:
    reference = tmp_path / "empty.duckdb"
    with Store(reference):
        pass
    return _db_bytes(reference)


@pytest.mark.slow
def test_sigkill_mid_ingest_never_leaves_half_an_article(tmp_path, corpus):
    folder, expected = corpus
    empty = _empty_db_bytes(tmp_path)
    rng = random.Random(SEED)
    outcomes = []
    for point, (low, high) in enumerate(KILL_RANGES):
        db = tmp_path / f"kill_{point}" / "tracker.duckdb"
        db.parent.mkdir()
        log = db.parent / "ingest.log"
        grown = int(rng.uniform(low, high) * FULL_DB_BYTES) + 1
        proc = _start_ingest(folder, db, log)
        try:
            killed = _kill_when_grown(proc, db, empty + grown)
        finally:
            if proc.poll() is None:  # only on a failed assertion above
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
        assert killed or proc.returncode == 0, log.read_text()[-2000:]
        after_kill = check_whole_articles(db, expected)
        outcomes.append((grown, killed, after_kill))

        # the same command again completes the corpus: every article exactly once
        rerun = subprocess.run(
            [*CLI, "ingest", str(folder), "--db", str(db), "--json"],
            cwd=db.parent,
            env=_env(),
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT_S,
            check=False,
        )
        assert rerun.returncode == 0, rerun.stderr[-2000:]
        report = json.loads(rerun.stdout)
        assert report["added"] == CORPUS_SIZE - after_kill
        assert report["duplicates"] == after_kill and report["failed"] == []
        assert check_whole_articles(db, expected) == CORPUS_SIZE
    print("kill points (bytes grown, killed, articles stored at the kill):", outcomes)
    # at least one kill landed in the middle of the corpus, not before or after all of it
    assert any(killed and 0 < n < CORPUS_SIZE for _, killed, n in outcomes), outcomes


@pytest.mark.slow
def test_pool_workers_exit_when_ingest_is_sigkilled(tmp_path, corpus):
    """Issue 16 item 14: the scoring workers of a SIGKILLed ingest (the process alone, not
    its group) blocked on their queue forever, ~100 MB each. Now they exit."""
    import psutil

    folder, _ = corpus
    db = tmp_path / "t.duckdb"
    proc = _start_ingest(folder, db, tmp_path / "log")
    parent = psutil.Process(proc.pid)
    workers: list[psutil.Process] = []
    deadline = time.monotonic() + 120  # hang detectors, not speed limits
    while len(workers) < 2:
        assert proc.poll() is None and time.monotonic() < deadline, "no pool started"
        workers = [c for c in parent.children() if c.is_running()]
        time.sleep(0.02)
    proc.kill()  # SIGKILL to the ingest process only: its workers are not signalled
    proc.wait(30)
    deadline = time.monotonic() + 60
    alive = workers
    while alive:
        assert time.monotonic() < deadline, f"workers still alive: {[w.pid for w in alive]}"
        alive = [w for w in alive if _alive(w)]
        time.sleep(0.05)


def _alive(process) -> bool:
    import psutil

    try:
        return process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False

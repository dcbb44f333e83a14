"""WriteHost (tracker/store/connection.py): write connections attached to one kept instance."""

import subprocess
import sys

import duckdb
import pytest
from test_store import counts, scored

from tracker.errors import StoreBusy, StoreError
from tracker.store import SCHEMA_VERSION, Store, WriteHost


def other_process_count(path) -> str:
    """Open the file in another process (as the dashboard would) and count its articles."""
    code = (
        "import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=True); "
        "print(c.execute('SELECT count(*) FROM articles').fetchone()[0])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60
    )
    return done.stdout.strip() or done.stderr.strip().splitlines()[-1]


def test_a_hosted_writer_migrates_writes_and_lets_go_of_the_file(tmp_path):
    path, host = tmp_path / "t.duckdb", WriteHost()
    try:
        with Store(path, host=host) as store:
            assert store.schema_version() == SCHEMA_VERSION
            store.add_scored([scored("Washington praised Minsk.")])
            assert "lock" in other_process_count(path).lower()  # held while attached
        assert other_process_count(path) == "1"  # detached: checkpointed, lock let go
        assert not (tmp_path / "t.duckdb.wal").exists()
        with Store(path, host=host) as store:  # the same host attaches it again
            store.add_scored([scored("Washington praised Minsk again.")])
    finally:
        host.release()
    assert counts(path) == (2, 2, 2)


def test_two_files_on_one_host_in_turn_keep_their_own_tables(tmp_path):
    host = WriteHost()
    try:
        for name, n in (("a.duckdb", 1), ("b.duckdb", 2)):
            with Store(tmp_path / name, host=host) as store:
                store.add_scored([scored(f"Washington praised Minsk {i}.") for i in range(n)])
    finally:
        host.release()
    assert (counts(tmp_path / "a.duckdb"), counts(tmp_path / "b.duckdb")) == (
        (1, 1, 1),
        (2, 2, 2),
    )


def test_a_host_survives_a_busy_file_and_a_failed_batch(tmp_path):
    path, host = tmp_path / "t.duckdb", WriteHost()
    Store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); "
         "print('held', flush=True); sys.stdin.read()", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreBusy):
            Store(path, busy_timeout=0.3, host=host)
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
    try:
        with Store(path, host=host) as store, pytest.raises(StoreError), store._transaction():
            store.con.execute("INSERT INTO articles (id) VALUES ('half')")  # NOT NULLs
        with Store(path, host=host) as store:
            store.add_scored([scored("Washington praised Minsk.")])
    finally:
        host.release()
    assert counts(path) == (1, 1, 1)


def test_a_released_host_starts_a_new_instance_on_next_use(tmp_path):
    host = WriteHost(threads=1)
    with Store(tmp_path / "t.duckdb", host=host) as store:
        assert store.con.execute("SELECT current_setting('threads')").fetchone()[0] == 1
    host.release()
    host.release()  # twice is harmless
    with Store(tmp_path / "t.duckdb", host=host) as store:
        store.add_scored([scored("Washington praised Minsk.")])
    host.release()
    assert counts(tmp_path / "t.duckdb") == (1, 1, 1)


def test_read_only_and_memory_stores_ignore_the_host(tmp_path):
    path, host = tmp_path / "t.duckdb", WriteHost()
    Store(path).close()
    try:
        with Store(path, read_only=True, host=host) as store, pytest.raises(duckdb.Error):
            store.con.execute("INSERT INTO demo_articles VALUES ('x')")
        with Store(":memory:", host=host) as store:
            assert store.schema_version() == SCHEMA_VERSION
    finally:
        host.release()

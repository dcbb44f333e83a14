"""Streaming ingest: windows, the process pool, dedup before scoring."""

from concurrent.futures import ProcessPoolExecutor
from datetime import date, timedelta

from tracker import ingest as ingest_module
from tracker.cluster import local_pool as pool_module
from tracker.coding.score import score_article
from tracker.errors import IngestError
from tracker.ingest import articles_from_paths, ingest_articles
from tracker.load.reader import load_articles
from tracker.store import Store, WriteHost

TEMPLATES = [
    "The United States imposed new sanctions on Russia over the war in Ukraine.",
    "Belarus released {n} political prisoners after talks with an American envoy.",
    "Russia and the United States agreed to resume talks on embassy staffing.",
    "Washington condemned Minsk for the crackdown on protesters.",
]


def corpus(n: int):
    start = date(2020, 1, 1)
    for i in range(n):
        day = start + timedelta(days=i)
        text = f"date: {day}\n\nReport number {i}\n\n" + " ".join(
            t.format(n=i + 2) for t in TEMPLATES[i % 2 : i % 2 + 3]
        )
        yield f"a{i}.txt", text.encode()


def table_rows(db):
    with Store(db, read_only=True) as store:
        return {
            table: sorted(
                store.con.execute(
                    f"SELECT * EXCLUDE (ingested_at) FROM {table}"
                    if table == "articles"
                    else f"SELECT * FROM {table}"
                ).fetchall(),
                key=repr,
            )
            for table in ("articles", "dyad_sentences", "events")
        }


def items_of(docs):
    for name, data in docs:
        yield from load_articles(name, data)


def test_pool_and_single_process_store_the_same_rows(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest_module, "POOL_MIN_ARTICLES", 10)
    monkeypatch.setattr(ingest_module, "WINDOW", 25)  # several windows, each a transaction
    docs = list(corpus(60))
    single = ingest_articles(items_of(docs), tmp_path / "one.duckdb", workers=1)
    pooled = ingest_articles(items_of(docs), tmp_path / "two.duckdb", workers=2)
    assert len(single.added) == len(pooled.added) == 60
    assert table_rows(tmp_path / "one.duckdb") == table_rows(tmp_path / "two.duckdb")


def test_reingest_reports_duplicates_and_scores_nothing(tmp_path, monkeypatch):
    db = tmp_path / "t.duckdb"
    docs = list(corpus(12))
    ingest_articles(items_of(docs), db, workers=1)
    scored = []
    monkeypatch.setattr(
        pool_module, "score_one", lambda a, f: scored.append(a) or IngestError(a.origin, "x")
    )
    report = ingest_articles(items_of(docs), db, workers=1)
    assert (len(report.added), len(report.duplicates), report.failed) == (0, 12, [])
    assert scored == []


def test_duplicates_within_one_run_are_stored_once(tmp_path):
    db = tmp_path / "t.duckdb"
    docs = list(corpus(3))
    report = ingest_articles(items_of(docs + docs), db, workers=1)
    assert (len(report.added), len(report.duplicates)) == (3, 3)


def test_errors_pass_through_and_the_rest_lands(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in corpus(3):
        (folder / name).write_bytes(data)
    (folder / "bad.csv").write_text("title,text\nno text here,\n")
    report = ingest_articles(articles_from_paths([str(folder)]), tmp_path / "t.duckdb")
    assert len(report.added) == 3
    assert [e.file for e in report.failed] == [f"{folder / 'bad.csv'}#1"]


def test_a_scoring_bug_costs_one_article_not_the_batch(tmp_path, monkeypatch):
    real = pool_module.score_article

    def flaky(article, scorer):
        if "number 1\n" in article.text or article.text.startswith("Report number 1\n"):
            raise RuntimeError("boom")
        return real(article, scorer)

    monkeypatch.setattr(pool_module, "score_article", flaky)
    report = ingest_articles(items_of(corpus(3)), tmp_path / "t.duckdb", workers=1)
    assert len(report.added) == 2
    (failure,) = report.failed
    assert "could not be scored" in failure.reason and "boom" in failure.reason


def test_new_documents_fail_as_load_articles_says(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "undated.txt").write_text("Minsk and Washington agreed to resume talks.")
    (folder / "german.txt").write_text("date: 2024-01-02\n\n" + "Der Rat und die Regierung " * 20)
    (folder / "late.jsonl").write_text('{"text": "Minsk said so.", "date": "1066-10-14"}\n')
    expected = [
        (e.file, e.reason)
        for path in sorted(folder.iterdir())
        for e in load_articles(str(path), path.read_bytes())
        if isinstance(e, IngestError)
    ]
    report = ingest_articles(articles_from_paths([str(folder)]), tmp_path / "t.duckdb")
    assert len(expected) == 3 and [(e.file, e.reason) for e in report.failed] == expected
    assert report.added == [] and report.duplicates == []


def test_a_stored_text_is_a_duplicate_before_its_date_is_checked(tmp_path):
    """Documented: the id decides first; a stored text that would now fail the date rule
    (here: no date any more) is counted as a duplicate, not reported as an error."""
    db = tmp_path / "t.duckdb"
    text = "Minsk and Washington agreed to resume talks on embassy staffing."
    dated = tmp_path / "dated.txt"
    dated.write_text(f"date: 2024-05-06\n\n{text}")
    undated = tmp_path / "undated.txt"
    undated.write_text(text)
    first = ingest_articles(articles_from_paths([str(dated)]), db, workers=1)
    again = ingest_articles(articles_from_paths([str(undated)]), db, workers=1)
    assert (len(first.added), again.added, again.failed) == (1, [], [])
    assert again.duplicates == first.added


def test_a_failed_text_does_not_make_its_twin_a_duplicate(tmp_path):
    text = "Minsk and Washington agreed to resume talks on embassy staffing."
    (tmp_path / "a.txt").write_text(text)  # no date: refused
    (tmp_path / "b.txt").write_text(f"date: 2024-05-06\n\n{text}")
    report = ingest_articles(articles_from_paths([str(tmp_path)]), tmp_path / "t.duckdb")
    assert [e.file for e in report.failed] == [str(tmp_path / "a.txt")]
    assert (len(report.added), report.duplicates) == (1, [])


def test_progress_counts_stored_duplicates_once(tmp_path):
    db = tmp_path / "t.duckdb"
    docs = list(corpus(5))
    ingest_articles(items_of(docs), db, workers=1)
    counted = []
    report = ingest_articles(items_of(docs + docs), db, workers=1, on_article=counted.append)
    assert (len(report.duplicates), sum(counted)) == (10, 5)


def count_opens(monkeypatch) -> list[int]:
    opens = [0]

    class Counting(Store):
        def __init__(self, *args, **kwargs):
            opens[0] += 1
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(ingest_module, "Store", Counting)
    return opens


def test_a_reingest_looks_windows_up_on_one_connection(tmp_path, monkeypatch):
    db = tmp_path / "t.duckdb"
    docs = list(corpus(30))
    ingest_articles(items_of(docs), db, workers=1)
    monkeypatch.setattr(ingest_module, "WINDOW", 7)  # five windows, all duplicates
    monkeypatch.setattr(ingest_module, "LOOKUP_HOLD_S", 3600.0)
    opens = count_opens(monkeypatch)
    report = ingest_articles(items_of(docs), db, workers=1)
    assert (len(report.duplicates), opens[0]) == (30, 1)
    with Store(db) as store:  # and it was closed at the end
        assert len(store.existing_ids(report.duplicates)) == 30


def test_the_lookup_connection_is_let_go_after_the_hold(tmp_path, monkeypatch):
    db = tmp_path / "t.duckdb"
    docs = list(corpus(30))
    ingest_articles(items_of(docs), db, workers=1)
    monkeypatch.setattr(ingest_module, "WINDOW", 7)
    monkeypatch.setattr(ingest_module, "LOOKUP_HOLD_S", -1.0)  # expired as soon as opened
    opens = count_opens(monkeypatch)
    report = ingest_articles(items_of(docs), db, workers=1)
    assert (len(report.duplicates), opens[0]) == (30, 5)


def test_new_articles_after_duplicate_windows_are_written(tmp_path, monkeypatch):
    db = tmp_path / "t.duckdb"
    docs = list(corpus(20))
    ingest_articles(items_of(docs[:12]), db, workers=1)
    monkeypatch.setattr(ingest_module, "WINDOW", 5)
    monkeypatch.setattr(ingest_module, "LOOKUP_HOLD_S", 3600.0)
    report = ingest_articles(items_of(docs), db, workers=1)
    assert (len(report.duplicates), len(report.added)) == (12, 8)
    with Store(db, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 20


def test_a_repeat_within_the_run_still_gets_its_own_error(tmp_path):
    text = "Minsk and Washington agreed to resume talks on embassy staffing."
    (tmp_path / "a.txt").write_text(f"date: 2024-05-06\n\n{text}")
    (tmp_path / "b.txt").write_text(f"date: 0001-01-01\n\n{text}")  # not stored before: checked
    report = ingest_articles(articles_from_paths([str(tmp_path)]), tmp_path / "t.duckdb")
    assert [e.file for e in report.failed] == [str(tmp_path / "b.txt")]
    assert (len(report.added), report.duplicates) == (1, [])


def count_lookups(monkeypatch) -> list[int]:
    calls = [0]
    real = Store.existing_ids

    def counting(self, ids):
        calls[0] += 1
        return real(self, ids)

    monkeypatch.setattr(Store, "existing_ids", counting)
    return calls


def test_a_new_database_is_opened_only_to_write(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest_module, "WINDOW", 7)  # three windows, then one of repeats
    docs = list(corpus(20))
    opens, lookups = count_opens(monkeypatch), count_lookups(monkeypatch)
    report = ingest_articles(items_of(docs + docs[:3]), tmp_path / "new.duckdb", workers=1)
    assert (len(report.added), len(report.duplicates)) == (20, 3)
    # one connection per window written (add_rows re-checks there), no lookup before
    assert (opens[0], lookups[0]) == (3, 3)
    assert table_rows(tmp_path / "new.duckdb") == table_rows_of(tmp_path, docs)


def table_rows_of(tmp_path, docs):
    """The rows of the same documents stored in one batch of their own (a reference)."""
    reference = tmp_path / "reference.duckdb"
    with Store(reference) as store:
        store.add_scored([score_article(a) for a in items_of(docs)])
    return table_rows(reference)


def test_an_existing_database_is_still_looked_up_before_scoring(tmp_path, monkeypatch):
    db = tmp_path / "t.duckdb"
    docs = list(corpus(12))
    ingest_articles(items_of(docs[:6]), db, workers=1)
    scored = []
    real = pool_module.score_one
    monkeypatch.setattr(pool_module, "score_one", lambda a, f: scored.append(a.id) or real(a, f))
    report = ingest_articles(items_of(docs), db, workers=1)
    assert (len(report.added), len(report.duplicates), len(scored)) == (6, 6, 6)


def test_a_database_created_by_another_writer_mid_run_keeps_its_articles(tmp_path, monkeypatch):
    """No lookup on a new file: a concurrent writer's articles are found by the write."""
    db = tmp_path / "t.duckdb"
    docs = list(corpus(10))
    monkeypatch.setattr(ingest_module, "WINDOW", 5)
    items = items_of(docs)

    def with_a_rival():
        for n, item in enumerate(items):
            if n == 6:  # before this run wrote anything, another writer stores item 7
                with Store(db) as store:
                    store.add_scored([score_article(next(iter(items_of(docs[7:8]))))])
            yield item

    report = ingest_articles(with_a_rival(), db, workers=1)
    assert (len(report.added), report.duplicates) == (9, [docs_id(docs[7])])
    assert table_rows(db) == table_rows_of(tmp_path, docs)


def docs_id(doc) -> str:
    return next(iter(items_of([doc]))).id


def test_windows_know_which_is_the_last():
    ticks = []
    for n, expected in ((0, []), (3, [3]), (6, [3, 3]), (7, [3, 3, 1])):
        with_last = list(ingest_module._windows(range(n), lambda: ticks.append(1), size=3))
        assert [len(w) for w, _ in with_last] == expected
        assert [last for _, last in with_last] == [
            i == len(expected) - 1 for i in range(len(expected))
        ]
    assert len(ticks) == 16  # one per item read


def test_the_first_window_may_be_cut_short():
    sizes = [len(w) for w, _ in ingest_module._windows(range(10), lambda: None, size=3, first=2)]
    assert sizes == [2, 3, 3, 2]
    assert [len(w) for w, _ in ingest_module._windows(range(2), lambda: None, 3, 2)] == [2]


def test_a_short_first_window_with_few_new_articles_waits_for_the_next(tmp_path, monkeypatch):
    """The pool starts with the first window that has POOL_MIN_ARTICLES new articles; a short
    first window of mostly stored articles is scored with the next one, in order."""
    db = tmp_path / "t.duckdb"
    docs = list(corpus(40))
    ingest_articles(items_of(docs[:8]), db, workers=1)
    monkeypatch.setattr(ingest_module, "POOL_MIN_ARTICLES", 10)
    monkeypatch.setattr(ingest_module, "FIRST_WINDOW", 10)  # 8 stored + 2 new: too few
    monkeypatch.setattr(ingest_module, "WINDOW", 20)
    pools: list[int] = []

    class Counting(ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(ingest_module, "ProcessPoolExecutor", Counting)
    report = ingest_articles(items_of(docs), db, workers=2)
    assert (len(report.added), len(report.duplicates), pools) == (32, 8, [1])
    assert report.added == [docs_id(d) for d in docs[8:]]
    assert table_rows(db) == table_rows_of(tmp_path, docs)


def test_the_last_window_goes_out_in_small_tasks_and_two_halves():
    chunks = list(pool_module._chunks(list(range(100)), 32, tail=20))
    assert [len(c) for c in chunks] == [32, 32, 16, 8, 8, 4]
    assert [i for chunk in chunks for i in chunk] == list(range(100))
    assert pool_module._groups([32, 32, 16, 8, 8, 4], 2) == [[0, 1], [2, 3, 4, 5]]
    assert pool_module._groups([32, 32, 16, 8, 8, 4], 1) == [[0, 1, 2, 3, 4, 5]]
    assert pool_module._groups([5], 2) == [[0]]


def test_the_pool_writes_the_last_window_in_two_transactions(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest_module, "POOL_MIN_ARTICLES", 10)
    monkeypatch.setattr(ingest_module, "WINDOW", 30)
    monkeypatch.setattr(pool_module, "TAIL_ARTICLES", 16)
    monkeypatch.setattr(ingest_module, "FIRST_WINDOW", 5)  # windows of 5 (joins the next), 30, 15
    docs = list(corpus(50))
    opens = count_opens(monkeypatch)
    done: list[int] = []
    db = tmp_path / "t.duckdb"
    report = ingest_articles(items_of(docs), db, workers=2, on_article=done.append)
    assert (len(report.added), opens[0], done) == (50, 3, [35, 8, 7])  # the last: 8, 7
    assert table_rows(db) == table_rows_of(tmp_path, docs)


def test_no_duckdb_instance_is_alive_when_the_workers_fork(tmp_path, monkeypatch):
    """DuckDB's threads do not survive a fork: the run's kept instance (used here by the
    lookups of an existing database) is let go before the first task forks the workers."""
    db = tmp_path / "t.duckdb"
    docs = list(corpus(40))
    ingest_articles(items_of(docs[:5]), db, workers=1)
    hosts: list[WriteHost] = []
    live_at_submit: list[bool] = []

    class Recording(WriteHost):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            hosts.append(self)

    class Checking(ProcessPoolExecutor):
        def submit(self, *args, **kwargs):
            live_at_submit.append(any(host._con is not None for host in hosts))
            return super().submit(*args, **kwargs)

    monkeypatch.setattr(ingest_module, "WriteHost", Recording)
    monkeypatch.setattr(ingest_module, "ProcessPoolExecutor", Checking)
    monkeypatch.setattr(ingest_module, "POOL_MIN_ARTICLES", 10)
    monkeypatch.setattr(ingest_module, "WINDOW", 20)
    report = ingest_articles(items_of(docs), db, workers=2)
    assert (len(report.added), len(report.duplicates)) == (35, 5)
    assert live_at_submit and live_at_submit[0] is False
    assert all(host._con is None for host in hosts)  # and let go at the end

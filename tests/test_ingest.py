"""Streaming ingest: windows, the process pool, dedup before scoring."""

from datetime import date, timedelta

from tracker import ingest as ingest_module
from tracker.errors import IngestError
from tracker.ingest import articles_from_paths, ingest_articles
from tracker.load import load_articles
from tracker.store import Store

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
        ingest_module, "_score_one", lambda a, f: scored.append(a) or IngestError(a.origin, "x")
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
    real = ingest_module.score_article

    def flaky(article, scorer):
        if "number 1\n" in article.text or article.text.startswith("Report number 1\n"):
            raise RuntimeError("boom")
        return real(article, scorer)

    monkeypatch.setattr(ingest_module, "score_article", flaky)
    report = ingest_articles(items_of(corpus(3)), tmp_path / "t.duckdb", workers=1)
    assert len(report.added) == 2
    (failure,) = report.failed
    assert "could not be scored" in failure.reason and "boom" in failure.reason

"""The benchmark corpus generator: deterministic, news-sized, with the promised dyad share.

No timings here (machines are noisy): the benchmarks themselves run with
``python -m benchmarks.run``.
"""

from __future__ import annotations

import json

import duckdb
import pytest

from benchmarks.corpus import (
    FIRST_DAY,
    LAST_DAY,
    MAX_WORDS,
    MIN_WORDS,
    make_article,
    write_corpus,
)
from tracker.load.reader import load_articles
from tracker.models import DateSource

SEED = 11


def _tree_bytes(folder) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.mark.parametrize("fmt", ["txt", "jsonl"])
def test_same_seed_same_bytes(tmp_path, fmt):
    write_corpus(tmp_path / "a", 3, SEED, fmt)
    write_corpus(tmp_path / "b", 3, SEED, fmt)
    write_corpus(tmp_path / "c", 3, SEED + 1, fmt)
    a, b, c = (_tree_bytes(tmp_path / x) for x in "abc")
    assert len(a) == (3 if fmt == "txt" else 1)
    assert a == b
    assert a != c


def test_prefix_property():
    """Article i does not depend on how many articles are generated."""
    assert make_article(SEED, 2).as_txt() == make_article(SEED, 2).as_txt()
    assert make_article(SEED, 2).as_txt() != make_article(SEED, 3).as_txt()


@pytest.mark.parametrize("index", [0, 1, 2])
def test_article_properties(index):
    article = make_article(SEED, index)
    words = len(article.body.split())
    assert MIN_WORDS <= words <= MAX_WORDS
    assert words == article.word_count
    assert 0.05 <= article.dyad_share <= 0.40
    assert FIRST_DAY <= article.published_at <= LAST_DAY
    assert len(article.dyadic) == len(article.sentences)


def test_loads_as_dated_articles(tmp_path):
    stats = write_corpus(tmp_path / "txt", 3, SEED, "txt")
    assert stats.articles == 3
    for path in sorted((tmp_path / "txt").rglob("*.txt")):
        index = int(path.stem)
        (article,) = load_articles(str(path), path.read_bytes())
        assert article.published_at == make_article(SEED, index).published_at
        assert article.date_source == DateSource.FIELD
    write_corpus(tmp_path / "jsonl", 3, SEED, "jsonl")
    (part,) = (tmp_path / "jsonl").glob("*.jsonl")
    records = [json.loads(line) for line in part.read_text().splitlines()]
    loaded = list(load_articles(str(part), part.read_bytes()))
    assert [a.published_at.isoformat() for a in loaded] == [r["date"] for r in records]


def test_the_dense_corpus_names_two_states_in_about_half_its_sentences():
    articles = [make_article(SEED, i, dense=True) for i in range(60)]
    share = sum(sum(a.dyadic) for a in articles) / sum(len(a.dyadic) for a in articles)
    assert 0.45 <= share <= 0.65
    assert sum(len(a.pairs) >= 2 for a in articles) >= 0.8 * len(articles)
    assert make_article(SEED, 2, dense=True).as_txt() != make_article(SEED, 2).as_txt()
    assert make_article(SEED, 2, dense=True).as_txt() == make_article(SEED, 2, dense=True).as_txt()


def test_fuzz_seeds_hold_the_issue_16_attacks_and_pass():
    """benchmarks/fuzz_load.py seeds its corpus with the hostile inputs of issue 16; each
    goes through the fuzz target (load, score, display and CSV checks) without a crash."""
    pytest.importorskip("atheris")
    from benchmarks import fuzz_load

    seeds = fuzz_load.SEEDS
    assert b"\\udfff" in seeds["surrogate.json"]
    assert "\u202e".encode() in seeds["bidi.jsonl"] or b"\\u202e" in seeds["bidi.jsonl"]
    assert seeds["attributes.html"].count(b"data-a") >= 2000
    assert seeds["name_list.txt"].count(b", ") > 60  # over the mentions-per-sentence cap
    for data in seeds.values():
        fuzz_load.test_one_input(data)


def test_the_stage_breakdown_times_every_stage_of_the_dense_corpus(tmp_path):
    """``python -m benchmarks.profile stages --dense``: each stage the coder runs is timed
    (the events model's ``analyse`` and ``code_dyad`` included), and the stages add up to
    no more than score_article itself."""
    from benchmarks.profile import stage_breakdown

    stages = stage_breakdown(tmp_path, 4, SEED, dense=True)
    assert stages["count: articles"] == 4
    assert stages["count: dyadic sentences"] > 0
    timed = [
        "actors (matcher.find)",
        "dyads (attribute_dyads)",
        "tone (dyadic sentences)",
        "events: read each dyadic sentence (analyse)",
        "events: each dyad (code_dyad)",
        "rows (scored_rows: what an ingest worker sends back)",
    ]
    assert all(stages[name] > 0 for name in timed)
    assert stages["  rest of score_article (dataclasses, glue)"] >= 0


def test_the_synthetic_store_follows_the_current_schema(tmp_path) -> None:
    """The dashboard benchmark's 200k store is built by SQL beside the store's own writes:
    a new column must not break it (it did when ``speaker`` and ``source_basis`` came)."""
    from benchmarks.synth_store import SENTENCES_PER_ARTICLE, build_store
    from tracker.store import Store

    path = tmp_path / "synthetic.duckdb"
    build_store(path, articles=300)
    with Store(path, read_only=True) as store:
        count = store.con.execute
        assert count("SELECT count(*) FROM articles").fetchone() == (300,)
        assert count("SELECT count(*) FROM dyad_sentences").fetchone() == (
            300 * SENTENCES_PER_ARTICLE,
        )
        assert count("SELECT count(*) FROM events").fetchone()[0] > 0


def test_a_failed_synthetic_build_leaves_no_store_behind(tmp_path) -> None:
    from benchmarks.synth_store import build_store

    path = tmp_path / "synthetic.duckdb"
    with pytest.raises(duckdb.Error):  # DuckDB refuses range('many') half-way through
        build_store(path, articles="many")  # type: ignore[arg-type]
    assert not path.exists()

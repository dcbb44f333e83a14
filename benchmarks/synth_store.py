"""A big tracker store made in seconds: rows inserted with SQL, nothing scored.

Schema from ``tracker.store.Store`` (so migrations run as for users), then ``INSERT ...
SELECT`` over ``range()``. Every value is a function of ``hash(row, seed, salt)`` (not
``random()``, whose sequence depends on DuckDB's threads), so the same seed gives the same
store. Shape: ``articles`` articles, 5 dyadic sentences each (``SENTENCES_PER_ARTICLE``),
one article pair plus a side pair in 1 of 5 sentences, pairs weighted as in the synthetic
corpus (USA-RUS ~9% of rows) plus a long tail of all pairs of its 25 countries, dates
uniform over 2014..2025, ~15% of sentences carrying one event (all 16 categories, modes
70/10/15/5 asserted/negated/hypothetical/historical). Article text is a short stand-in.
The per-article tone tables are then built from the sentences by the store (ingest writes
them with each batch).
"""

from __future__ import annotations

import csv
import itertools
import re
import time
from importlib.resources import files
from pathlib import Path

from benchmarks import vocab
from benchmarks.corpus import FIRST_DAY, SPAN_DAYS

SENTENCES_PER_ARTICLE = 5
EVENT_PER_MILLE = 150  # sentences with an event, per thousand
WEIGHT_REPEAT = 3  # slots per unit of weight of the corpus's pairs (tail pairs get 1 slot)


def _slots() -> list[tuple[int, str, str]]:
    pairs: list[tuple[str, str]] = []
    for a, b, weight in vocab.PAIRS:
        pairs.extend([tuple(sorted((a, b)))] * (weight * WEIGHT_REPEAT))
    pairs.extend(itertools.combinations(sorted(vocab.COUNTRIES), 2))
    return [(i, a, b) for i, (a, b) in enumerate(pairs)]


def _categories() -> list[tuple[int, str, float, str, int]]:
    raw = files("tracker.data").joinpath("event_categories.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(raw.splitlines()))
    return [
        (i, r["name"], float(r["intensity"]), r["cameo"], int(r["quad_class"]))
        for i, r in enumerate(rows)
    ]


def _scorer_version() -> str:
    try:
        from tracker.coding.score import scorer_version

        return scorer_version()
    except Exception:  # the scorer may not import yet; the label is informative only
        return "benchmark"


_PARAM = re.compile(r"\$(\w+)")


def _run(con, sql: str, values: dict[str, object]) -> None:
    """Execute with exactly the named parameters the statement uses (DuckDB insists)."""
    con.execute(sql, {name: values[name] for name in set(_PARAM.findall(sql))})


def build_store(path: Path, *, articles: int = 200_000, seed: int = 7) -> dict[str, float]:
    """Create ``path`` afresh with ``articles`` articles and 5x as many dyadic sentences.

    Built under a temporary name and renamed when complete: a failed build never leaves a
    file at ``path`` that a later run would take for a finished store."""
    from tracker.store import Store

    final, path = path, path.with_name(path.name + ".building")
    for stale in (final, path, path.with_name(path.name + ".wal")):
        stale.unlink(missing_ok=True)
    start = time.perf_counter()
    slots = _slots()
    cats = _categories()
    n_sentences = articles * SENTENCES_PER_ARTICLE
    with Store(path) as store:
        con = store.con
        con.execute("CREATE TEMP TABLE _slots(slot INTEGER, pair_a VARCHAR, pair_b VARCHAR)")
        con.executemany("INSERT INTO _slots VALUES (?, ?, ?)", slots)
        con.execute(
            "CREATE TEMP TABLE _cats(idx INTEGER, category VARCHAR, intensity DOUBLE, "
            "cameo VARCHAR, quad_class INTEGER)"
        )
        con.executemany("INSERT INTO _cats VALUES (?, ?, ?, ?, ?)", cats)
        params = {
            "seed": seed,
            "first": FIRST_DAY,
            "span": SPAN_DAYS,
            "nslots": len(slots),
            "version": _scorer_version(),
            "articles": articles,
            "sentences": n_sentences,
            "per_mille": EVENT_PER_MILLE,
            "per_article": SENTENCES_PER_ARTICLE,
        }
        con.execute("BEGIN TRANSACTION")
        _run(
            con,
            """
            INSERT INTO articles (id, title, url, source, origin, published_at, date_source,
                                  lang, text, sentence_count, scorer_version, ingested_at)
            SELECT md5(format('{}:{}', $seed, k))::VARCHAR AS id,
                   'Synthetic article ' || k AS title,
                   'https://news.example.org/synthetic/' || k AS url,
                   'Benchmark Wire' AS source,
                   'synthetic.jsonl#' || (k + 1) AS origin,
                   $first::DATE + (hash(k, $seed, 1) % $span)::INTEGER AS published_at,
                   'field', 'en',
                   'Synthetic article ' || k || '. A stand-in for the text of a news story.',
                   30, $version, now()::TIMESTAMP
            FROM range($articles) t(k)
            """,
            params,
        )
        _run(
            con,
            """
            CREATE TEMP TABLE _rows AS
            SELECT j, k, md5(format('{}:{}', $seed, k))::VARCHAR AS article_id,
                   $first::DATE + (hash(k, $seed, 1) % $span)::INTEGER AS published_at,
                   CASE WHEN hash(j, $seed, 2) % 5 = 0 THEN hash(k, $seed, 3) % $nslots
                        ELSE hash(k, $seed, 4) % $nslots END AS slot,
                   ((j % $per_article) * 3 + hash(j, $seed, 5) % 3)::INTEGER AS sentence_index,
                   hash(j, $seed, 6) % 10 AS dir
            FROM (SELECT j, j // $per_article AS k FROM range($sentences) t(j))
            """,
            params,
        )
        _run(
            con,
            """
            INSERT INTO dyad_sentences (article_id, published_at, pair_a, pair_b,
                                        sentence_index, source, target, tone, text, mentions)
            SELECT r.article_id, r.published_at, s.pair_a, s.pair_b, r.sentence_index,
                   CASE WHEN r.dir < 4 THEN s.pair_a WHEN r.dir < 7 THEN s.pair_b END,
                   CASE WHEN r.dir < 4 THEN s.pair_b WHEN r.dir < 7 THEN s.pair_a END,
                   greatest(-1.0, least(1.0,
                       0.35 * sin((year(r.published_at) * 12 + month(r.published_at)
                                   + r.slot) / 6.0)
                       + ((hash(r.j, $seed, 7) % 2001) / 1000.0 - 1.0) * 0.6)),
                   'Sentence ' || r.j || ' of synthetic article ' || r.k || '.',
                   '[]'
            FROM _rows r JOIN _slots s USING (slot)
            """,
            params,
        )
        _run(
            con,
            """
            INSERT INTO events (article_id, published_at, pair_a, pair_b, sentence_index,
                                source, target, category, mode, intensity, cameo, quad_class,
                                span_start, span_end, rule, year)
            SELECT r.article_id, r.published_at, s.pair_a, s.pair_b, r.sentence_index,
                   CASE WHEN r.dir < 4 THEN s.pair_a WHEN r.dir < 7 THEN s.pair_b END,
                   CASE WHEN r.dir < 4 THEN s.pair_b WHEN r.dir < 7 THEN s.pair_a END,
                   c.category, m.mode, c.intensity, c.cameo, c.quad_class, 0, 8,
                   'benchmark.synthetic',
                   CASE WHEN m.mode = 'historical'
                        THEN year(r.published_at) - 1 - (hash(r.j, $seed, 11) % 5)::INTEGER
                   END
            FROM _rows r
            JOIN _slots s USING (slot)
            JOIN _cats c ON c.idx = hash(r.j, $seed, 9) % 16
            JOIN (SELECT r2.j,
                         CASE WHEN h < 70 THEN 'asserted' WHEN h < 80 THEN 'negated'
                              WHEN h < 95 THEN 'hypothetical' ELSE 'historical' END AS mode
                  FROM (SELECT j, hash(j, $seed, 10) % 100 AS h FROM _rows) r2) m USING (j)
            WHERE hash(r.j, $seed, 8) % 1000 < $per_mille
            """,
            params,
        )
        con.execute("COMMIT")
        con.execute("DROP TABLE _rows")
        store.rebuild_tone_aggregates()  # what add_scored writes beside the sentences
        store.checkpoint()
        counts = {
            table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
            for table in ("articles", "dyad_sentences", "events")
        }
        usa_rus = con.execute(
            "SELECT count(*) FROM dyad_sentences WHERE pair_a = 'RUS' AND pair_b = 'USA'"
        ).fetchone()[0]
    path.replace(final)  # (closed and checkpointed: no write-ahead log is left beside it)
    return {
        **counts,
        "usa_rus_sentences": usa_rus,
        "build_s": time.perf_counter() - start,
        "file_mb": final.stat().st_size / 2**20,
    }


if __name__ == "__main__":
    import json
    import sys

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "benchmarks/out/store-200k.duckdb")
    print(json.dumps(build_store(out), default=str))

"""The DuckDB store. ALL SQL of the project lives in this module.

Connections are short-lived: open, do one job, close. DuckDB lets one process hold a file
read-write (or many hold it read-only), so the CLI and the dashboard take turns; a process
that finds the file locked retries for ``busy_timeout`` seconds and then raises
:class:`StoreBusy` ("busy, retry") instead of failing half-way.

Writes go through Arrow tables registered on the connection and ``INSERT ... SELECT`` (bulk,
not row by row), one transaction per batch: a batch lands whole or not at all.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from tracker.errors import StoreBusy, StoreError
from tracker.models import Article, DateSource, ScoredArticle

DEFAULT_DB = Path("data") / "tracker.duckdb"
MEMORY = ":memory:"
BUSY_TIMEOUT_S = 15.0  # how long a writer waits for another process to let go of the file
_RETRY_SLEEP_S = 0.05
_HEADER_BYTES = 4096  # DuckDB writes its file headers in the first blocks
_CREATE_WAIT_S = 1.0  # how long a too-small file may still be "being created"

# Numbered migrations, applied in order, each in its own transaction and recorded in
# schema_migrations. Never edit a released one: add the next number.
MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (
        1,
        "initial schema",
        """
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,
            title VARCHAR NOT NULL,
            url VARCHAR,
            source VARCHAR,
            origin VARCHAR NOT NULL,
            published_at DATE NOT NULL,
            date_source VARCHAR NOT NULL,
            lang VARCHAR NOT NULL,
            text VARCHAR NOT NULL,
            sentence_count INTEGER NOT NULL,
            scorer_version VARCHAR NOT NULL,
            ingested_at TIMESTAMP NOT NULL
        );
        CREATE TABLE dyad_sentences (
            article_id VARCHAR NOT NULL,
            published_at DATE NOT NULL,
            pair_a VARCHAR NOT NULL,
            pair_b VARCHAR NOT NULL,
            sentence_index INTEGER NOT NULL,
            source VARCHAR,
            target VARCHAR,
            tone DOUBLE NOT NULL,
            text VARCHAR NOT NULL,
            mentions VARCHAR NOT NULL
        );
        CREATE TABLE events (
            article_id VARCHAR NOT NULL,
            published_at DATE NOT NULL,
            pair_a VARCHAR NOT NULL,
            pair_b VARCHAR NOT NULL,
            sentence_index INTEGER NOT NULL,
            source VARCHAR,
            target VARCHAR,
            category VARCHAR NOT NULL,
            mode VARCHAR NOT NULL,
            intensity DOUBLE NOT NULL,
            cameo VARCHAR NOT NULL,
            quad_class INTEGER NOT NULL,
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            rule VARCHAR NOT NULL,
            year INTEGER
        );
        """,
    ),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]

_ARTICLE_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("title", pa.string()),
        ("url", pa.string()),
        ("source", pa.string()),
        ("origin", pa.string()),
        ("published_at", pa.date32()),
        ("date_source", pa.string()),
        ("lang", pa.string()),
        ("text", pa.string()),
        ("sentence_count", pa.int32()),
        ("scorer_version", pa.string()),
        ("ingested_at", pa.timestamp("us")),
    ]
)
_SENTENCE_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("published_at", pa.date32()),
        ("pair_a", pa.string()),
        ("pair_b", pa.string()),
        ("sentence_index", pa.int32()),
        ("source", pa.string()),
        ("target", pa.string()),
        ("tone", pa.float64()),
        ("text", pa.string()),
        ("mentions", pa.string()),
    ]
)
_EVENT_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("published_at", pa.date32()),
        ("pair_a", pa.string()),
        ("pair_b", pa.string()),
        ("sentence_index", pa.int32()),
        ("source", pa.string()),
        ("target", pa.string()),
        ("category", pa.string()),
        ("mode", pa.string()),
        ("intensity", pa.float64()),
        ("cameo", pa.string()),
        ("quad_class", pa.int32()),
        ("span_start", pa.int32()),
        ("span_end", pa.int32()),
        ("rule", pa.string()),
        ("year", pa.int32()),
    ]
)

# One lock per database path inside a process: DuckDB refuses two connections with different
# settings to one file in one process, and Streamlit serves sessions on threads.
_PATH_LOCKS: dict[str, threading.RLock] = {}
_PATH_LOCKS_GUARD = threading.Lock()


def resolve_db_path(path: str | Path | None = None) -> str:
    """--db beats TRACKER_DB beats data/tracker.duckdb."""
    chosen = path or os.environ.get("TRACKER_DB") or DEFAULT_DB
    return str(chosen)


def _path_lock(path: str) -> threading.RLock:
    key = path if path == MEMORY else str(Path(path).resolve())
    with _PATH_LOCKS_GUARD:
        return _PATH_LOCKS.setdefault(key, threading.RLock())


def _is_lock_error(error: Exception) -> bool:
    text = str(error)
    return "lock" in text.lower() and ("Conflicting" in text or "Could not set" in text)


def _is_being_created(path: str, error: Exception) -> bool:
    """A file that another process has just created may not hold a full header yet."""
    try:
        small = Path(path).stat().st_size < _HEADER_BYTES
    except OSError:
        return False
    return small and "not a valid DuckDB database" in str(error)


@dataclass(frozen=True, slots=True)
class AddResult:
    """What one batch did: ids added, ids that were already stored (or repeated in the batch)."""

    added: tuple[str, ...] = ()
    duplicates: tuple[str, ...] = ()


@dataclass
class _Rows:
    articles: list[dict] = field(default_factory=list)
    sentences: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)


class Store:
    """A short-lived connection to the tracker database.

    Use as a context manager: ``with Store(path) as store: ...``. ``read_only=True`` opens
    an existing file without taking the write lock (several readers may share it).
    """

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        read_only: bool = False,
        busy_timeout: float = BUSY_TIMEOUT_S,
        must_exist: bool = False,
    ) -> None:
        self.path = resolve_db_path(path)
        if must_exist and self.path != MEMORY and not Path(self.path).exists():
            raise StoreError(
                f"no database at {self.path}: load articles first (tracker ingest PATH, or "
                "tracker demo), or point --db / TRACKER_DB at an existing file"
            )
        self.read_only = read_only and self.path != MEMORY and Path(self.path).exists()
        self._lock = _path_lock(self.path)
        self._lock.acquire()
        try:
            self.con = self._connect(busy_timeout)
            if not self.read_only:
                self._migrate()
            else:
                self._check_version()
        except BaseException:
            self._lock.release()
            raise

    # -- connection --------------------------------------------------------------------------
    def _connect(self, busy_timeout: float) -> duckdb.DuckDBPyConnection:
        if self.path != MEMORY:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + busy_timeout
        # a file another process is creating has a full header within milliseconds
        created_deadline = time.monotonic() + min(busy_timeout, _CREATE_WAIT_S)
        while True:
            try:
                return duckdb.connect(self.path, read_only=self.read_only)
            except duckdb.IOException as error:
                if _is_lock_error(error):
                    if time.monotonic() < deadline:
                        time.sleep(_RETRY_SLEEP_S)
                        continue
                    raise StoreBusy(
                        f"database {self.path} is busy: another process is writing to it; "
                        "retry in a moment"
                    ) from error
                if _is_being_created(self.path, error) and time.monotonic() < created_deadline:
                    time.sleep(_RETRY_SLEEP_S)  # another process is writing its first pages
                    continue
                raise StoreError(f"cannot open database {self.path}: {error}") from error
            except duckdb.Error as error:
                raise StoreError(f"cannot open database {self.path}: {error}") from error

    def close(self) -> None:
        try:
            self.con.close()
        finally:
            self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database file (before a file-level copy)."""
        self.con.execute("CHECKPOINT")

    # -- migrations --------------------------------------------------------------------------
    def schema_version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
            ["schema_migrations"],
        ).fetchall()[0][0]
        if not exists:
            return 0
        return self.con.execute(
            "SELECT coalesce(max(version), 0) FROM schema_migrations"
        ).fetchall()[0][0]

    def _check_version(self) -> int:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"database {self.path} has schema version {version}, newer than this "
                f"tracker understands ({SCHEMA_VERSION}); upgrade the tracker"
            )
        return version

    def _migrate(self) -> None:
        version = self._check_version()
        if version == 0:
            self.con.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                "version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
            )
        for number, name, sql in MIGRATIONS:
            if number <= version:
                continue
            with self._transaction():
                self.con.execute(sql)
                self.con.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)", [number, name, _now()]
                )

    def applied_migrations(self) -> list[tuple[int, str]]:
        return self.con.execute(
            "SELECT version, name FROM schema_migrations ORDER BY version"
        ).fetchall()

    # -- writes ------------------------------------------------------------------------------
    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are already stored."""
        table = pa.table({"id": pa.array(list(ids), pa.string())})
        self.con.register("_ids", table)
        try:
            found = self.con.execute("SELECT a.id FROM articles a JOIN _ids USING (id)").fetchall()
        finally:
            self.con.unregister("_ids")
        return {row[0] for row in found}

    def add_scored(self, items: Sequence[ScoredArticle]) -> AddResult:
        """Store a batch of scored articles in one transaction; duplicates are skipped."""
        if not items:
            return AddResult()
        stored = self.existing_ids(item.article.id for item in items)
        fresh: list[ScoredArticle] = []
        duplicates: list[str] = []
        seen: set[str] = set()
        for item in items:
            article_id = item.article.id
            if article_id in stored or article_id in seen:
                duplicates.append(article_id)
            else:
                seen.add(article_id)
                fresh.append(item)
        rows = _rows_of(fresh)
        with self._transaction():
            self._insert_rows(rows)
        return AddResult(tuple(item.article.id for item in fresh), tuple(duplicates))

    def replace_scores(self, items: Sequence[ScoredArticle]) -> None:
        """Swap the scores of stored articles for new ones (rescore), in one transaction."""
        if not items:
            return
        rows = _rows_of(items)
        ids = pa.table({"id": pa.array([item.article.id for item in items], pa.string())})
        self.con.register("_ids", ids)
        try:
            with self._transaction():
                self.con.execute(
                    "DELETE FROM dyad_sentences WHERE article_id IN (SELECT id FROM _ids)"
                )
                self.con.execute("DELETE FROM events WHERE article_id IN (SELECT id FROM _ids)")
                self.con.execute("DELETE FROM articles WHERE id IN (SELECT id FROM _ids)")
                self._insert_rows(rows)
        finally:
            self.con.unregister("_ids")

    def _insert_rows(self, rows: _Rows) -> None:
        for table, schema, data in (
            ("articles", _ARTICLE_SCHEMA, rows.articles),
            ("dyad_sentences", _SENTENCE_SCHEMA, rows.sentences),
            ("events", _EVENT_SCHEMA, rows.events),
        ):
            if not data:
                continue
            arrow = pa.Table.from_pylist(data, schema=schema)
            self.con.register("_batch", arrow)
            try:
                # table comes from the fixed tuple above, never from input
                self.con.execute(f"INSERT INTO {table} SELECT * FROM _batch")  # noqa: S608
            finally:
                self.con.unregister("_batch")

    # -- reads for rescoring -----------------------------------------------------------------
    def count_stale(self, scorer_version: str) -> int:
        return self.con.execute(
            "SELECT count(*) FROM articles WHERE scorer_version <> ?", [scorer_version]
        ).fetchall()[0][0]

    def article_ids(self, *, stale_for: str | None = None) -> list[str]:
        """Ids of stored articles; with ``stale_for``, only those scored by another version."""
        rows = self.con.execute(
            "SELECT id FROM articles WHERE ?::VARCHAR IS NULL OR scorer_version <> ? ORDER BY id",
            [stale_for, stale_for],
        ).fetchall()
        return [r[0] for r in rows]

    def articles_by_ids(self, ids: Sequence[str]) -> list[Article]:
        table = pa.table({"id": pa.array(list(ids), pa.string())})
        self.con.register("_ids", table)
        try:
            rows = self.con.execute(
                "SELECT id, origin, title, text, published_at, date_source, url, source, lang "
                "FROM articles JOIN _ids USING (id) ORDER BY id"
            ).fetchall()
        finally:
            self.con.unregister("_ids")
        return [
            Article(
                id=r[0],
                origin=r[1],
                title=r[2],
                text=r[3],
                published_at=r[4],
                date_source=DateSource(r[5]),
                url=r[6],
                source=r[7],
                lang=r[8],
            )
            for r in rows
        ]

    # -- reads for users ---------------------------------------------------------------------
    def article_count(self) -> int:
        return self.con.execute("SELECT count(*) FROM articles").fetchall()[0][0]

    def pairs(self) -> pd.DataFrame:
        """Pairs present, with article, sentence and event counts and their date span."""
        return self.con.execute(
            """
            WITH s AS (
                SELECT pair_a, pair_b, count(DISTINCT article_id) AS articles,
                       count(*) AS sentences, min(published_at) AS first_date,
                       max(published_at) AS last_date
                FROM dyad_sentences GROUP BY pair_a, pair_b
            ), e AS (
                SELECT pair_a, pair_b, count(*) AS events FROM events GROUP BY pair_a, pair_b
            )
            SELECT s.pair_a, s.pair_b, s.articles, s.sentences, coalesce(e.events, 0) AS events,
                   s.first_date, s.last_date
            FROM s LEFT JOIN e USING (pair_a, pair_b)
            ORDER BY s.articles DESC, s.pair_a, s.pair_b
            """
        ).df()

    # -- reads for the timeline --------------------------------------------------------------
    # Owned by tracker/timeline.py. Everything heavy is aggregated here, in DuckDB, so only
    # small frames (one row per day, or per day and event key) reach pandas. The WHERE clauses
    # are assembled from the constant fragments of _timeline_filter; every value is bound.

    # Story signatures (see timeline_tone_days): xor over an article's dyadic sentences, so
    # an aggregate (or window) expression; constant SQL text chosen by name (allow-list).
    # "tone" reads no text (the fast default); "text" merges only identical sentences.
    TIMELINE_SIGNATURES = (
        ("tone", "bit_xor(hash({p}sentence_index, {p}tone, {p}source, {p}target))"),
        ("text", "bit_xor(hash({p}sentence_index, {p}text))"),
    )

    def _signature(self, name: str, alias: str = "") -> str:
        signatures = dict(self.TIMELINE_SIGNATURES)
        if name not in signatures or alias not in ("", "s."):
            raise ValueError(f"unknown story signature {name!r}")
        return signatures[name].format(p=alias)

    @staticmethod
    def _timeline_filter(
        pair: tuple[str, str],
        start: date | None,
        end: date | None,
        direction: tuple[str, str] | None,
        *,
        alias: str = "",
    ) -> tuple[str, list[object]]:
        """WHERE clause (constant fragments only) and bound values for the timeline reads."""
        if alias not in ("", "s.", "e."):  # identifiers from an allow-list
            raise ValueError(f"bad alias {alias!r}")
        pair_a, pair_b = sorted(pair)
        parts = [f"{alias}pair_a = ?", f"{alias}pair_b = ?"]
        params: list[object] = [pair_a, pair_b]
        if start is not None:
            parts.append(f"{alias}published_at >= ?")
            params.append(start)
        if end is not None:
            parts.append(f"{alias}published_at <= ?")
            params.append(end)
        if direction is not None:
            parts.append(f"{alias}source = ? AND {alias}target = ?")
            params.extend(direction)
        return " AND ".join(parts), params

    def timeline_tone_days(
        self,
        pair: tuple[str, str],
        *,
        start: date | None = None,
        end: date | None = None,
        direction: tuple[str, str] | None = None,
        signature: str = "tone",
    ) -> pd.DataFrame:
        """Dyadic tone per day: one row per day with sums over *stories*, not sentences.

        An article's tone is the mean of its dyadic sentences for the pair. Articles of one
        day with the same *signature* - the number of dyadic sentences and, xor-combined, the
        hash of each one's (index, tone, source, target) for ``signature="tone"`` or (index,
        text) for ``"text"`` - are copies of one story (a wire report stored under another
        id): one story, whose tone is the mean of its copies' tones.
        Columns: day, articles (distinct ids), stories, sentences, tone_sum and tone_sumsq
        (sum and sum of squares of story tones).
        """
        where, params = self._timeline_filter(pair, start, end, direction)
        sql = f"""
            WITH per_article AS (
                SELECT published_at AS day, avg(tone) AS tone, count(*) AS sentences,
                       {self._signature(signature)} AS signature
                FROM dyad_sentences WHERE {where}
                GROUP BY hash(article_id), published_at
            ), per_story AS (
                SELECT day, avg(tone) AS tone, count(*) AS copies, sum(sentences) AS sentences
                FROM per_article GROUP BY day, signature, sentences
            )
            SELECT day, sum(copies)::BIGINT AS articles, count(*)::BIGINT AS stories,
                   sum(sentences)::BIGINT AS sentences, sum(tone) AS tone_sum,
                   sum(tone * tone) AS tone_sumsq
            FROM per_story GROUP BY day ORDER BY day
        """  # noqa: S608 -- where is built from constant fragments; values are bound
        return self.con.execute(sql, params).df()

    def timeline_event_impulses(
        self,
        pair: tuple[str, str],
        mode_weights: dict[str, float],
        *,
        end: date | None = None,
        direction: tuple[str, str] | None = None,
    ) -> pd.DataFrame:
        """Mode-weighted event impulse per day, all history up to end (the flow's input).

        Events are first deduplicated per day and key (source, target, category, mode) with
        the mean intensity of their reports, weighted by ``mode_weights`` (modes not listed
        weigh 0), then summed per day. Columns: day, impulse, impulse_sq (sum of squared
        key impulses), events (keys), reports (event rows). Same numbers as
        :meth:`timeline_event_days` weighted in pandas, one row per day instead of per key.
        """
        where, params = self._timeline_filter(pair, None, end, direction)
        whens = " ".join("WHEN ? THEN ?" for _ in mode_weights)  # constant fragments
        case = f"CASE mode {whens} ELSE 0.0 END" if mode_weights else "0.0"
        weights: list[object] = [v for item in mode_weights.items() for v in item]
        sql = f"""
            WITH per_key AS (
                SELECT published_at AS day, ({case})::DOUBLE * avg(intensity) AS impulse,
                       count(*) AS reports
                FROM events WHERE {where}
                GROUP BY published_at, source, target, category, mode
            )
            SELECT day, sum(impulse) AS impulse, sum(impulse * impulse) AS impulse_sq,
                   count(*)::BIGINT AS events, sum(reports)::BIGINT AS reports
            FROM per_key GROUP BY day ORDER BY day
        """  # noqa: S608 -- case and where are constant fragments; values are bound
        return self.con.execute(sql, [*weights, *params]).df()

    def timeline_event_days(
        self,
        pair: tuple[str, str],
        *,
        end: date | None = None,
        direction: tuple[str, str] | None = None,
    ) -> pd.DataFrame:
        """Events per day and key (source, target, category, mode), all history up to end.

        A key reported by many articles on one day is one row: ``intensity`` is the mean of
        its reports, ``reports`` the number of event rows behind it.
        No start bound on purpose: earlier events carry memory into the requested range.
        """
        where, params = self._timeline_filter(pair, None, end, direction)
        sql = f"""
            SELECT published_at AS day, source, target, category, mode,
                   avg(intensity) AS intensity, count(*)::BIGINT AS reports
            FROM events WHERE {where}
            GROUP BY ALL ORDER BY day, category, mode, source NULLS FIRST, target NULLS FIRST
        """  # noqa: S608 -- where is built from constant fragments; values are bound
        return self.con.execute(sql, params).df()

    def timeline_sentences(
        self,
        pair: tuple[str, str],
        *,
        start: date | None = None,
        end: date | None = None,
        direction: tuple[str, str] | None = None,
        signature: str = "tone",
    ) -> pd.DataFrame:
        """Dyadic sentences behind a stretch of the timeline (for explanations), with titles.

        ``signature`` and ``article_sentences`` are the per-article values that
        :meth:`timeline_tone_days` groups stories by, computed by the same expression.
        """
        where, params = self._timeline_filter(pair, start, end, direction, alias="s.")
        sql = f"""
            SELECT s.article_id, a.title, s.published_at, s.sentence_index, s.source,
                   s.target, s.tone, s.text,
                   {self._signature(signature, "s.")}
                       OVER (PARTITION BY s.article_id, s.published_at)
                       AS signature,
                   count(*) OVER (PARTITION BY s.article_id, s.published_at)
                       AS article_sentences
            FROM dyad_sentences s JOIN articles a ON a.id = s.article_id
            WHERE {where}
            ORDER BY s.published_at, s.article_id, s.sentence_index
        """  # noqa: S608 -- where is built from constant fragments; values are bound
        return self.con.execute(sql, params).df()

    def timeline_events(
        self,
        pair: tuple[str, str],
        *,
        start: date | None = None,
        end: date | None = None,
        direction: tuple[str, str] | None = None,
    ) -> pd.DataFrame:
        """Event rows behind a stretch of the timeline, with titles and sentence texts."""
        where, params = self._timeline_filter(pair, start, end, direction, alias="e.")
        sql = f"""
            SELECT e.article_id, a.title, e.published_at, e.sentence_index, e.source,
                   e.target, e.category, e.mode, e.intensity, e.year, e.cameo,
                   (SELECT any_value(s.text) FROM dyad_sentences s
                    WHERE s.article_id = e.article_id AND s.pair_a = e.pair_a
                      AND s.pair_b = e.pair_b AND s.sentence_index = e.sentence_index) AS text
            FROM events e JOIN articles a ON a.id = e.article_id
            WHERE {where}
            ORDER BY e.published_at, e.article_id, e.sentence_index, e.category
        """  # noqa: S608 -- where is built from constant fragments; values are bound
        return self.con.execute(sql, params).df()

    # -- reads for the dashboard -------------------------------------------------------------
    # Owned by tracker/ui (the dashboard) and tracker/report.py. Pairs and ids are bound as
    # lists (list_contains), every other value is bound too; no identifier from input. (No
    # register(): in DuckDB 2 it fails while an earlier result on the connection is unread.)

    def data_version(self) -> tuple[int, str]:
        """A token that changes when articles are added or rescored: (count, max ingested_at)."""
        ((count, latest),) = self.con.execute(
            "SELECT count(*), max(ingested_at) FROM articles"
        ).fetchall()
        return int(count), str(latest or "")

    @staticmethod
    def _pair_keys(pairs: Sequence[tuple[str, str]]) -> list[str]:
        """Pairs as bound 'A-B' keys (sorted codes), matched with list_contains."""
        return ["-".join(sorted(p)) for p in pairs]

    def dashboard_events(
        self,
        pairs: Sequence[tuple[str, str]],
        *,
        start: date | None = None,
        end: date | None = None,
    ) -> pd.DataFrame:
        """Event rows of these pairs in [start, end], with title, outlet and sentence text.

        ``span_start``/``span_end`` locate the trigger in ``text`` (the sentence).
        """
        return self.con.execute(
            """
                SELECT e.article_id, a.title, a.source AS outlet, e.published_at, e.pair_a,
                       e.pair_b, e.sentence_index, e.source, e.target, e.category, e.mode,
                       e.intensity, e.quad_class, e.cameo, e.span_start, e.span_end, e.year,
                       (SELECT any_value(s.text) FROM dyad_sentences s
                        WHERE s.article_id = e.article_id AND s.pair_a = e.pair_a
                          AND s.pair_b = e.pair_b AND s.sentence_index = e.sentence_index)
                           AS text
                FROM events e
                JOIN articles a ON a.id = e.article_id
                WHERE list_contains(?::VARCHAR[], e.pair_a || '-' || e.pair_b)
                  AND (?::DATE IS NULL OR e.published_at >= ?)
                  AND (?::DATE IS NULL OR e.published_at <= ?)
                ORDER BY e.published_at, e.pair_a, e.pair_b, e.article_id, e.sentence_index
                """,
            [self._pair_keys(pairs), start, start, end, end],
        ).df()

    def dashboard_articles(
        self,
        pairs: Sequence[tuple[str, str]],
        *,
        start: date | None = None,
        end: date | None = None,
    ) -> pd.DataFrame:
        """One row per article and pair in [start, end] with its scores for that pair.

        Columns: published_at, pair_a, pair_b, title, outlet, url, date_source, article_id,
        sentences (dyadic), tone (mean of the dyadic sentences), events, cooperation
        (quads 1-2), conflict (quads 3-4).
        """
        return self.con.execute(
            """
                WITH s AS (
                    SELECT d.article_id, d.pair_a, d.pair_b, count(*) AS sentences,
                           avg(d.tone) AS tone
                    FROM dyad_sentences d
                    WHERE list_contains(?::VARCHAR[], d.pair_a || '-' || d.pair_b)
                      AND (?::DATE IS NULL OR d.published_at >= ?)
                      AND (?::DATE IS NULL OR d.published_at <= ?)
                    GROUP BY d.article_id, d.pair_a, d.pair_b
                ), e AS (
                    SELECT article_id, pair_a, pair_b, count(*) AS events,
                           count(*) FILTER (WHERE quad_class <= 2) AS cooperation,
                           count(*) FILTER (WHERE quad_class >= 3) AS conflict
                    FROM events GROUP BY article_id, pair_a, pair_b
                )
                SELECT a.published_at, s.pair_a, s.pair_b, a.title, a.source AS outlet, a.url,
                       a.date_source, s.article_id, s.sentences, s.tone,
                       coalesce(e.events, 0) AS events,
                       coalesce(e.cooperation, 0) AS cooperation,
                       coalesce(e.conflict, 0) AS conflict
                FROM s JOIN articles a ON a.id = s.article_id
                LEFT JOIN e USING (article_id, pair_a, pair_b)
                ORDER BY a.published_at DESC, s.pair_a, s.pair_b, a.title
                """,
            [self._pair_keys(pairs), start, start, end, end],
        ).df()

    def dashboard_sentences(
        self, pair: tuple[str, str], article_ids: Sequence[str]
    ) -> pd.DataFrame:
        """Dyadic sentences of a pair in these articles, with mentions (JSON) for highlighting."""
        pair_a, pair_b = sorted(pair)
        return self.con.execute(
            """
            SELECT d.article_id, a.title, d.published_at, d.sentence_index, d.source,
                   d.target, d.tone, d.text, d.mentions
            FROM dyad_sentences d JOIN articles a ON a.id = d.article_id
            WHERE d.pair_a = ? AND d.pair_b = ? AND list_contains(?::VARCHAR[], d.article_id)
            ORDER BY d.published_at, d.article_id, d.sentence_index
            """,
            [pair_a, pair_b, list(article_ids)],
        ).df()


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _rows_of(items: Sequence[ScoredArticle]) -> _Rows:
    rows = _Rows()
    now = _now()
    for item in items:
        a = item.article
        rows.articles.append(
            {
                "id": a.id,
                "title": a.title,
                "url": a.url,
                "source": a.source,
                "origin": a.origin,
                "published_at": a.published_at,
                "date_source": str(a.date_source),
                "lang": a.lang,
                "text": a.text,
                "sentence_count": item.sentence_count,
                "scorer_version": item.scorer_version,
                "ingested_at": now,
            }
        )
        for pair_score in item.pairs:
            pair_a, pair_b = pair_score.pair
            for s in pair_score.sentences:
                rows.sentences.append(
                    {
                        "article_id": a.id,
                        "published_at": a.published_at,
                        "pair_a": pair_a,
                        "pair_b": pair_b,
                        "sentence_index": s.sentence_index,
                        "source": s.source,
                        "target": s.target,
                        "tone": s.tone,
                        "text": s.text,
                        "mentions": json.dumps(
                            [[m.start, m.end, m.code, m.kind, m.surface] for m in s.mentions]
                        ),
                    }
                )
            for e in pair_score.events:
                rows.events.append(
                    {
                        "article_id": a.id,
                        "published_at": a.published_at,
                        "pair_a": pair_a,
                        "pair_b": pair_b,
                        "sentence_index": e.sentence_index,
                        "source": e.source,
                        "target": e.target,
                        "category": e.category,
                        "mode": str(e.mode),
                        "intensity": e.intensity,
                        "cameo": e.cameo,
                        "quad_class": e.quad_class,
                        "span_start": e.span_start,
                        "span_end": e.span_end,
                        "rule": e.rule,
                        "year": e.year,
                    }
                )
    return rows

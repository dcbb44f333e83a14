"""Reads for the timeline (owned by tracker/timeline.py).

Everything heavy is aggregated here, in DuckDB, so only small frames (one row per day, or per
day and event key) reach pandas. The WHERE clauses are assembled from the constant fragments
of ``_timeline_filter``; every value is bound.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from tracker.store.connection import StoreConnection
from tracker.store.schema import SENTENCE_HASHES, TONE_AGGREGATES


class StoreTimelineReads(StoreConnection):
    """Per-day tone and event aggregates of one pair, and the rows behind them."""

    # Story signatures (see timeline_tone_days): xor over an article's dyadic sentences of
    # the hash of each (schema.SENTENCE_HASHES); constant SQL chosen by name (allow-list):
    # the aggregate (or window) expression over dyad_sentences, and the column of
    # article_pair_tone / article_direction_tone that stores its value per article.
    TIMELINE_SIGNATURES = tuple((name, f"bit_xor({expr})") for name, expr in SENTENCE_HASHES)
    SIGNATURE_COLUMNS = (("tone", "signature_tone"), ("text", "signature_text"))

    def _signature(self, name: str, alias: str = "") -> str:
        signatures = dict(self.TIMELINE_SIGNATURES)
        if name not in signatures or alias not in ("", "s."):
            raise ValueError(f"unknown story signature {name!r}")
        return signatures[name].format(p=alias)

    def _signature_column(self, name: str) -> str:
        columns = dict(self.SIGNATURE_COLUMNS)
        if name not in columns:
            raise ValueError(f"unknown story signature {name!r}")
        return columns[name]

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

        Reads the per-article rows written with the sentences: ``article_pair_tone``, or
        ``article_direction_tone`` for one direction.
        """
        where, params = self._timeline_filter(pair, start, end, direction)
        table = "article_pair_tone" if direction is None else "article_direction_tone"
        select = dict(TONE_AGGREGATES)[table]
        sql = """
            WITH per_story AS (
                SELECT published_at AS day, avg(tone) AS tone, count(*) AS copies,
                       sum(sentences) AS sentences
                FROM {relation} WHERE {where}
                GROUP BY published_at, {signature}, sentences
            )
            SELECT day, sum(copies)::BIGINT AS articles, count(*)::BIGINT AS stories,
                   sum(sentences)::BIGINT AS sentences, sum(tone) AS tone_sum,
                   sum(tone * tone) AS tone_sumsq
            FROM per_story GROUP BY day ORDER BY day
        """
        parts = {"where": where, "signature": self._signature_column(signature)}
        try:
            # relation, where and signature are constant fragments; values are bound
            return self.con.execute(sql.format(relation=table, **parts), params).df()
        except duckdb.CatalogException:
            if not self.read_only:
                raise
            # a file of schema 1 opened read-only (so not migrated): the same rows, computed
            relation = f"({select.format(rows='dyad_sentences')})"
            return self.con.execute(sql.format(relation=relation, **parts), params).df()

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

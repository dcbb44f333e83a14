"""Shared fixtures: a migrated database on tmp_path and synthetic ScoredArticles.

Build articles from (date, pair, tones, events) without running the scorer::

    def test_x(db, make_scored, make_event, add_articles):
        a = make_scored("2024-03-01", ("USA", "BLR"), [0.5, 0.2],
                        events=[make_event("SANCTION", -4.0, source="USA", target="BLR")])
        add_articles(db, [a])
        with Store(db) as store: ...

``make_scored(..., variant="copy")`` keeps the same dyadic sentences under another
article id (a wire copy); ``make_scored(..., texts=[...])`` sets the sentence texts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path

import pytest

from tracker.models import (
    Article,
    DateSource,
    DyadSentence,
    Event,
    Mode,
    PairScore,
    ScoredArticle,
    article_id,
    make_pair,
)
from tracker.store import Store

# Category -> (CAMEO root, QuadClass), enough to fill Event's codes in synthetic events.
_CODES = {
    "AGREE": ("03", 1),
    "CONSULT": ("04", 1),
    "SUPPORT": ("05", 1),
    "COOPERATE": ("06", 2),
    "AID": ("07", 2),
    "CONCEDE": ("08", 2),
    "RETREAT": ("08", 2),
    "REQUEST": ("10", 3),
    "ACCUSE": ("11", 3),
    "REJECT": ("12", 3),
    "THREATEN": ("13", 3),
    "PROTEST": ("14", 4),
    "MOBILIZE": ("15", 4),
    "SANCTION": ("16", 4),
    "COERCE": ("17", 4),
    "ASSAULT": ("19", 4),
}


def build_event(
    category: str,
    intensity: float,
    *,
    mode: Mode | str = Mode.ASSERTED,
    source: str | None = None,
    target: str | None = None,
    sentence_index: int = 0,
    year: int | None = None,
    pair: tuple[str, str] | None = None,
) -> Event:
    """A synthetic Event; ``pair`` is filled in by build_scored when left None."""
    cameo, quad = _CODES.get(category, ("00", 1))
    return Event(
        pair=make_pair(*pair) if pair else ("", ""),
        sentence_index=sentence_index,
        source=source,
        target=target,
        category=category,
        mode=Mode(mode),
        intensity=float(intensity),
        cameo=cameo,
        quad_class=quad,
        text="",
        span_start=0,
        span_end=0,
        rule="synthetic",
        year=year,
    )


def build_scored(
    published_at: date | str,
    pair: tuple[str, str],
    tones: Sequence[float] = (),
    events: Sequence[Event] = (),
    *,
    texts: Sequence[str] | None = None,
    title: str | None = None,
    source: str | None = None,
    target: str | None = None,
    variant: str = "",
    scorer_version: str = "test",
) -> ScoredArticle:
    """A ScoredArticle with one PairScore: one dyadic sentence per tone, and the events.

    Sentence texts default to text derived from the date, pair and tones, so two calls
    with the same arguments make the same article (same id: a duplicate for the store),
    and ``variant`` changes only the article text, hence its id (a copy of the story).
    ``source``/``target`` direct every sentence; events keep their own.
    """
    day = date.fromisoformat(published_at) if isinstance(published_at, str) else published_at
    key = make_pair(*pair)
    if texts is None:
        texts = [
            f"{key[0]} and {key[1]} on {day}: sentence {i} tone {t}" for i, t in enumerate(tones)
        ]
    if len(texts) != len(tones):
        raise ValueError("texts and tones differ in length")
    sentences = tuple(
        DyadSentence(
            pair=key, sentence_index=i, text=text, tone=float(t), source=source, target=target
        )
        for i, (text, t) in enumerate(zip(texts, tones, strict=True))
    )
    coded = tuple(
        build_event(
            e.category,
            e.intensity,
            mode=e.mode,
            source=e.source,
            target=e.target,
            sentence_index=e.sentence_index,
            year=e.year,
            pair=key,
        )
        for e in events
    )
    title = title or f"{key[0]}-{key[1]} {day} ({len(tones)} sentences, {len(events)} events)"
    event_lines = [f"{e.category} {e.mode} {e.source}>{e.target} {e.intensity}" for e in coded]
    text = "\n".join([title, *texts, *event_lines, variant])
    article = Article(
        id=article_id(text),
        origin="synthetic",
        title=title,
        text=text,
        published_at=day,
        date_source=DateSource.CALLER,
    )
    return ScoredArticle(
        article=article,
        sentence_count=max(len(texts), 1),
        pairs=(PairScore(pair=key, tone=_mean(tones), sentences=sentences, events=coded),),
        scorer_version=scorer_version,
    )


def _mean(values: Sequence[float]) -> float:
    return float(sum(values) / len(values)) if values else 0.0


def store_articles(path: Path | str, items: Sequence[ScoredArticle]) -> Path | str:
    """Add scored articles to the database at ``path`` (one transaction); returns path."""
    with Store(path) as store:
        store.add_scored(list(items))
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Path of a migrated, empty tracker database on tmp_path."""
    path = tmp_path / "tracker.duckdb"
    with Store(path):
        pass
    return path


@pytest.fixture
def store(db: Path) -> Iterator[Store]:
    """An open Store on the ``db`` fixture's file, closed after the test."""
    with Store(db) as opened:
        yield opened


@pytest.fixture
def make_scored() -> Callable[..., ScoredArticle]:
    """build_scored: (date, pair, tones, events, texts=, title=, source=, target=, variant=)."""
    return build_scored


@pytest.fixture
def make_event() -> Callable[..., Event]:
    """build_event: (category, intensity, mode=, source=, target=, sentence_index=, year=)."""
    return build_event


@pytest.fixture
def add_articles() -> Callable[[Path | str, Sequence[ScoredArticle]], Path | str]:
    """store_articles: (db path, scored articles) -> db path."""
    return store_articles


def pytest_configure(config: pytest.Config) -> None:
    """In CI (TRACKER_REQUIRE_BROWSER=1) the browser and export tests must run, not skip."""
    import os
    import shutil

    if os.environ.get("TRACKER_REQUIRE_BROWSER") and not (
        Path("/usr/bin/chromium").exists() or shutil.which("chromium")
    ):
        raise pytest.UsageError(
            "TRACKER_REQUIRE_BROWSER is set but Debian's chromium is not installed "
            "(apt-get install -y chromium)"
        )


@pytest.fixture
def server():
    """A real HTTP server on 127.0.0.1 (tests/feed_server.py), stopped after the test."""
    from feed_server import FeedServer

    running = FeedServer().start()
    yield running
    running.stop()

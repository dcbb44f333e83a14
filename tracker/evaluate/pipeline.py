"""Glue to the scoring pipeline, imported lazily so the metrics work where it does not."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.coding.score import Scorer
    from tracker.models import Article


def sentence_article(item_id: str, text: str, on: date, speaker: str | None = None) -> Article:
    """A gold sentence as a one-sentence article dated ``on`` (the caller's date), spoken by
    ``speaker`` when it is a statement."""
    from tracker.models import Article, DateSource, article_id

    return Article(
        id=article_id(text), origin=item_id, title="", text=text, published_at=on,
        date_source=DateSource.CALLER, speaker=speaker,
    )  # fmt: skip


def pipeline_scorer() -> Scorer:
    """The default scorer (actor table, lexicons, event rules), built on first use."""
    from tracker.coding.score import default_scorer

    return default_scorer()

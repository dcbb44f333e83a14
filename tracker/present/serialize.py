"""ScoredArticle -> plain dicts for JSON output (the I/O edge where dicts are allowed)."""

from __future__ import annotations

import contextlib
import math
from datetime import date, datetime

from tracker.models import Event, ScoredArticle


def json_ready(value: object) -> object:
    """``value`` with what strict JSON cannot hold made plain: NaN, NaT and infinities ->
    None (``json.dumps`` would write a bare ``NaN``, which JSON parsers reject), numpy
    scalars -> Python numbers, dates -> ISO strings, tuples -> lists."""
    if isinstance(value, dict):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_ready(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, str | bytes):  # numpy scalar
        with contextlib.suppress(TypeError, ValueError):
            value = value.item()
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if value is None or isinstance(value, str | int | bool):
        return value
    if _is_missing(value):  # NaT, pd.NA
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _is_missing(value: object) -> bool:
    import pandas as pd

    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def event_to_dict(event: Event) -> dict:
    return {
        "source": event.source,
        "target": event.target,
        "category": event.category,
        "mode": str(event.mode),
        "intensity": event.intensity,
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "trigger": event.trigger,
        "year": event.year,
        "text": event.text,
    }


def scored_to_dict(scored: ScoredArticle) -> dict:
    """The `tracker score --json` shape: {"article": {...}, "pairs": [...]}."""
    article = scored.article
    return {
        "article": {
            "id": article.id,
            "title": article.title,
            "published_at": article.published_at.isoformat(),
            "date_source": str(article.date_source),
            "origin": article.origin,
            "url": article.url,
            "source": article.source,
            "sentences": scored.sentence_count,
            "scorer_version": scored.scorer_version,
        },
        "pairs": [
            {
                "pair": list(pair.pair),
                "tone": round(pair.tone, 4),
                "sentences": [
                    {
                        "index": s.sentence_index,
                        "text": s.text,
                        "tone": round(s.tone, 4),
                        "source": s.source,
                        "target": s.target,
                    }
                    for s in pair.sentences
                ],
                "events": [event_to_dict(e) for e in pair.events],
            }
            for pair in scored.pairs
        ],
    }

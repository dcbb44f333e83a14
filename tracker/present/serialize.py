"""ScoredArticle -> plain dicts for JSON output (the I/O edge where dicts are allowed)."""

from __future__ import annotations

from tracker.models import Event, ScoredArticle


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

"""The database schema: numbered migrations, applied in order by :class:`StoreConnection`."""

from __future__ import annotations

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

"""The database schema: numbered migrations, applied in order by :class:`StoreConnection`."""

from __future__ import annotations

# Story signatures: the hash of one dyadic sentence, xor-combined over an article's sentences
# (docs/temperature.md, "Stories"). "tone" reads no text (the default); "text" merges only
# identical sentences. Constant SQL chosen by name ({p} is "" or a table alias).
SENTENCE_HASHES: tuple[tuple[str, str], ...] = (
    ("tone", "hash({p}sentence_index, {p}tone, {p}source, {p}target)"),
    ("text", "hash({p}sentence_index, {p}text)"),
)

# Dyadic tone per article, stored beside the sentences so the timeline groups articles, not
# sentences (docs/temperature.md, "Cost"): article_pair_tone has one row per article and pair
# (all its dyadic sentences of the pair: the undirected series), article_direction_tone one
# per article, pair and direction where both source and target are known (the directed
# series). Each row: the number of sentences, their mean tone, both story signatures.
# {rows} is dyad_sentences (migration 2's backfill) or the registered Arrow batch of a write:
# one statement for both, so stored and backfilled rows agree. Changing one needs a migration
# that rebuilds the table. Rows go in article order: an article's ids then sit together and
# compress (a third smaller than in hash-aggregate order, measured on the benchmark's store),
# and the stored order is deterministic.
_HASH = {name: expr.format(p="") for name, expr in SENTENCE_HASHES}
_TONE_SELECT = f"""
    SELECT article_id, published_at, pair_a, pair_b{{keys}},
           count(*)::INTEGER AS sentences, avg(tone) AS tone,
           bit_xor({_HASH["tone"]}) AS signature_tone,
           bit_xor({_HASH["text"]}) AS signature_text
    FROM {{{{rows}}}}{{where}}
    GROUP BY ALL
    ORDER BY article_id, pair_a, pair_b{{keys}}
"""  # noqa: S608 -- constant fragments only
TONE_AGGREGATES: tuple[tuple[str, str], ...] = (
    ("article_pair_tone", _TONE_SELECT.format(keys="", where="")),
    (
        "article_direction_tone",
        _TONE_SELECT.format(
            keys=", source, target", where=" WHERE source IS NOT NULL AND target IS NOT NULL"
        ),
    ),
)
_TONE_BACKFILL = "".join(
    f"INSERT INTO {table} {select.format(rows='dyad_sentences')};"
    for table, select in TONE_AGGREGATES
)
_TONE_COLUMNS = """
            sentences INTEGER NOT NULL,
            tone DOUBLE NOT NULL,
            signature_tone UBIGINT NOT NULL,
            signature_text UBIGINT NOT NULL"""

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
    (
        2,
        "article_pair_tone, article_direction_tone: dyadic tone per article",
        f"""
        CREATE TABLE article_pair_tone (
            article_id VARCHAR NOT NULL,
            published_at DATE NOT NULL,
            pair_a VARCHAR NOT NULL,
            pair_b VARCHAR NOT NULL,{_TONE_COLUMNS}
        );
        CREATE TABLE article_direction_tone (
            article_id VARCHAR NOT NULL,
            published_at DATE NOT NULL,
            pair_a VARCHAR NOT NULL,
            pair_b VARCHAR NOT NULL,
            source VARCHAR NOT NULL,
            target VARCHAR NOT NULL,{_TONE_COLUMNS}
        );
        {_TONE_BACKFILL}
        """,
    ),
    (
        3,
        "articles.text compressed with ZSTD: checkpoints ~3x cheaper, the column ~2.7x smaller",
        # Each write connection's close checkpoints the articles' unfinished row group; with
        # DuckDB's default (FSST) for ~5 KB texts that cost 44-166 ms per 512-article window
        # and grew with the group, with ZSTD 13-54 ms (docs/performance.md, "Article text").
        """
        CREATE TABLE articles_v3 (
            id VARCHAR PRIMARY KEY,
            title VARCHAR NOT NULL,
            url VARCHAR,
            source VARCHAR,
            origin VARCHAR NOT NULL,
            published_at DATE NOT NULL,
            date_source VARCHAR NOT NULL,
            lang VARCHAR NOT NULL,
            text VARCHAR NOT NULL USING COMPRESSION zstd,
            sentence_count INTEGER NOT NULL,
            scorer_version VARCHAR NOT NULL,
            ingested_at TIMESTAMP NOT NULL
        );
        INSERT INTO articles_v3 SELECT * FROM articles;
        DROP TABLE articles;
        ALTER TABLE articles_v3 RENAME TO articles;
        """,
    ),
    (
        4,
        "demo_articles: the ids the demo corpus stored (the dashboard's demo note)",
        # The dashboard says "this is demo data" while every stored article is one of these,
        # in every session and after a restart, until the user adds their own articles.
        """
        CREATE TABLE demo_articles (id VARCHAR PRIMARY KEY);
        """,
    ),
    (
        5,
        "sources and source_items (feeds and pages polled), gdelt_events (GDELT 2.0 imports)",
        # docs/sources.md and docs/gdelt.md. A source is polled with conditional requests
        # (etag, last_modified); each entry fetched is remembered by URL with what it gave.
        # GDELT rows keep only what the comparison needs; GLOBALEVENTID makes imports
        # idempotent.
        """
        CREATE SEQUENCE sources_id_seq START 1;
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY DEFAULT nextval('sources_id_seq'),
            url VARCHAR NOT NULL UNIQUE,
            kind VARCHAR NOT NULL,
            title VARCHAR,
            etag VARCHAR,
            last_modified VARCHAR,
            added_at TIMESTAMP NOT NULL,
            last_polled_at TIMESTAMP,
            last_status VARCHAR,
            last_error VARCHAR,
            last_added INTEGER NOT NULL DEFAULT 0,
            last_duplicates INTEGER NOT NULL DEFAULT 0,
            last_failed INTEGER NOT NULL DEFAULT 0,
            total_added INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE source_items (
            source_id INTEGER NOT NULL,
            url VARCHAR NOT NULL,
            article_id VARCHAR,
            status VARCHAR NOT NULL,
            error VARCHAR,
            fetched_at TIMESTAMP NOT NULL,
            PRIMARY KEY (source_id, url)
        );
        CREATE TABLE gdelt_events (
            global_event_id BIGINT PRIMARY KEY,
            day DATE NOT NULL,
            pair_a VARCHAR NOT NULL,
            pair_b VARCHAR NOT NULL,
            source VARCHAR NOT NULL,
            target VARCHAR NOT NULL,
            event_code VARCHAR NOT NULL,
            quad_class INTEGER NOT NULL,
            goldstein DOUBLE NOT NULL,
            avg_tone DOUBLE NOT NULL,
            num_mentions INTEGER NOT NULL,
            num_articles INTEGER NOT NULL,
            is_root_event BOOLEAN NOT NULL,
            source_url VARCHAR,
            file VARCHAR NOT NULL,
            imported_at TIMESTAMP NOT NULL
        );
        """,
    ),
    (
        6,
        "articles.speaker (who speaks: 'we' resolves to it); events.source_basis (where the "
        "source actor came from: text, speaker, pronoun, discourse)",
        """
        ALTER TABLE articles ADD COLUMN speaker VARCHAR;
        ALTER TABLE events ADD COLUMN source_basis VARCHAR;
        """,
    ),
    (
        7,
        "attached_archives: Parquet archives the reads include (tracker attach)",
        # The views over each archive (archive_<table>) are made by attach itself: they
        # name the archive's location, which a migration cannot know.
        """
        CREATE TABLE attached_archives (
            location VARCHAR PRIMARY KEY,
            attached_at TIMESTAMP NOT NULL
        );
        """,
    ),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]

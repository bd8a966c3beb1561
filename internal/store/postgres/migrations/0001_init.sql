-- Initial schema. Instants are timestamptz (microseconds). news.Timestamp
-- values keep their written form (RFC 3339 with offset and nanoseconds) as
-- text plus precision flags (1 = date only, 2 = floating).

CREATE TABLE documents (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_uri   TEXT NOT NULL,
    fetched_at   TIMESTAMPTZ NOT NULL,
    content_type TEXT NOT NULL,
    sha256       TEXT NOT NULL UNIQUE,
    raw          BYTEA NOT NULL
);

CREATE TABLE articles (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id       BIGINT NOT NULL UNIQUE REFERENCES documents (id) ON DELETE CASCADE,
    source            TEXT NOT NULL,
    url               TEXT,
    title             TEXT,
    byline            TEXT,
    outlet            TEXT,
    published_at      TEXT,
    published_flags   SMALLINT NOT NULL DEFAULT 0,
    updated_at        TEXT,
    updated_flags     SMALLINT NOT NULL DEFAULT 0,
    language          TEXT,
    text              TEXT NOT NULL,
    text_sha256       TEXT NOT NULL,
    warnings          JSONB NOT NULL,
    from_feed_content BOOLEAN NOT NULL DEFAULT FALSE,
    -- dated_at is the publication instant, else the document's fetch time:
    -- the time that date filters and "oldest first" use.
    dated_at          TIMESTAMPTZ NOT NULL,
    -- Title words weigh A, body words B: ranking puts title matches first.
    search            TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english', text), 'B')) STORED
);
CREATE INDEX articles_outlet ON articles (outlet, id);
CREATE INDEX articles_dated ON articles (dated_at, id);
CREATE INDEX articles_search ON articles USING GIN (search);

-- Annotations remember the text they were made for: a new text drops them.
CREATE TABLE annotations (
    article_id  BIGINT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    text_sha256 TEXT NOT NULL,
    body        JSONB NOT NULL
);

-- article_entities indexes canonical entity IDs (an entity's own ID and
-- what it Refers to) for EntityMentions and the search entity filter;
-- position is the entity's index in the annotations' Entities.
CREATE TABLE article_entities (
    entity_id  TEXT NOT NULL,
    article_id BIGINT NOT NULL REFERENCES annotations (article_id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    PRIMARY KEY (entity_id, article_id)
);
CREATE INDEX article_entities_article ON article_entities (article_id);

CREATE TABLE stories (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title      TEXT NOT NULL,
    event_date TEXT NOT NULL,
    first_seen TIMESTAMPTZ NOT NULL,
    last_seen  TIMESTAMPTZ NOT NULL,
    sources    INTEGER NOT NULL
);
CREATE INDEX stories_last_seen ON stories (last_seen, id);

-- The primary key on article_id makes membership exclusive.
CREATE TABLE story_articles (
    article_id BIGINT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    story_id   BIGINT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL
);
CREATE INDEX story_articles_story ON story_articles (story_id, position);

CREATE TABLE copies (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    copy_of    BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    score      DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (article_id, copy_of)
);

CREATE TABLE feeds (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url           TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL,
    etag          TEXT NOT NULL,
    last_modified TEXT NOT NULL,
    next_poll_at  TIMESTAMPTZ NOT NULL,
    error_count   INTEGER NOT NULL,
    last_error    TEXT NOT NULL,
    paused        BOOLEAN NOT NULL,
    paused_reason TEXT NOT NULL
);

CREATE TABLE feed_items (
    feed_id BIGINT NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    key     TEXT NOT NULL,
    seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (feed_id, key)
);

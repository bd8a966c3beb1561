-- Initial schema. Instants are fixed-width UTC text
-- ("2006-01-02T15:04:05.000000Z") so that text order is time order.
-- news.Timestamp values keep their written form (RFC 3339 with offset and
-- nanoseconds) plus precision flags (1 = date only, 2 = floating).

CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    source_uri   TEXT NOT NULL,
    fetched_at   TEXT NOT NULL,
    content_type TEXT NOT NULL,
    sha256       TEXT NOT NULL UNIQUE,
    raw          BLOB NOT NULL
);

CREATE TABLE articles (
    id                INTEGER PRIMARY KEY,
    document_id       INTEGER NOT NULL UNIQUE REFERENCES documents (id) ON DELETE CASCADE,
    source            TEXT NOT NULL,
    url               TEXT,
    title             TEXT,
    byline            TEXT,
    outlet            TEXT,
    published_at      TEXT,
    published_flags   INTEGER NOT NULL DEFAULT 0,
    updated_at        TEXT,
    updated_flags     INTEGER NOT NULL DEFAULT 0,
    language          TEXT,
    text              TEXT NOT NULL,
    text_sha256       TEXT NOT NULL,
    warnings          TEXT NOT NULL,
    from_feed_content INTEGER NOT NULL DEFAULT 0,
    -- dated_at is the publication instant, else the document's fetch time:
    -- the time that date filters and "oldest first" use.
    dated_at          TEXT NOT NULL
);
CREATE INDEX articles_outlet ON articles (outlet, id);
CREATE INDEX articles_dated ON articles (dated_at, id);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

-- Annotations remember the text they were made for: a new text drops them.
CREATE TABLE annotations (
    article_id  INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    text_sha256 TEXT NOT NULL,
    body        TEXT NOT NULL
);

-- article_entities indexes canonical entity IDs (an entity's own ID and
-- what it Refers to) for EntityMentions and the search entity filter;
-- position is the entity's index in the annotations' Entities.
CREATE TABLE article_entities (
    entity_id  TEXT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES annotations (article_id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    PRIMARY KEY (entity_id, article_id)
) WITHOUT ROWID;
CREATE INDEX article_entities_article ON article_entities (article_id);

CREATE TABLE stories (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL,
    event_date TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL,
    sources    INTEGER NOT NULL
);
CREATE INDEX stories_last_seen ON stories (last_seen, id);

-- The primary key on article_id makes membership exclusive.
CREATE TABLE story_articles (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    story_id   INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL
);
CREATE INDEX story_articles_story ON story_articles (story_id, position);

CREATE TABLE copies (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    copy_of    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    score      REAL NOT NULL,
    PRIMARY KEY (article_id, copy_of)
) WITHOUT ROWID;

CREATE TABLE feeds (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL,
    etag          TEXT NOT NULL,
    last_modified TEXT NOT NULL,
    next_poll_at  TEXT NOT NULL,
    error_count   INTEGER NOT NULL,
    last_error    TEXT NOT NULL,
    paused        INTEGER NOT NULL,
    paused_reason TEXT NOT NULL
);

CREATE TABLE feed_items (
    feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    key     TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (feed_id, key)
) WITHOUT ROWID;

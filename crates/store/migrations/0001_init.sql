-- entente store, schema 1: documents, their layers, actors and events.
-- Offsets (start, end) are byte offsets; see docs/store.md.

CREATE TABLE documents (
    id                 INTEGER PRIMARY KEY,
    key                TEXT NOT NULL UNIQUE,
    path               TEXT,
    line               INTEGER,
    format             TEXT CHECK (format IN ('text', 'html', 'jsonl')),
    url                TEXT,
    source             TEXT COLLATE NOCASE,
    title              TEXT,
    published          TEXT,     -- ISO date (YYYY-MM-DD)
    published_datetime TEXT,     -- the date-time as found
    published_from     TEXT CHECK (published_from IN ('metadata', 'text', 'command-line')),
    body               TEXT NOT NULL,
    text               TEXT,     -- cleaned text; NULL when identical to body
    text_map           BLOB,     -- (text offset, body offset) u32 pairs, little-endian
    captions           BLOB,     -- (start, end) u32 pairs, little-endian
    extra              TEXT,     -- JSON object of unknown input fields, NULL when none
    hash               TEXT NOT NULL,
    ingested_at        TEXT NOT NULL
);
-- newest first, undated last: the order of the document listing
CREATE INDEX documents_published ON documents (published DESC, key);
CREATE INDEX documents_source ON documents (source, published DESC, key);

CREATE TABLE sentences (
    doc      INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    idx      INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    caption  INTEGER NOT NULL DEFAULT 0,
    headline INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE actors (
    id      TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL CHECK (kind IN ('person', 'state', 'organization')),
    country TEXT COLLATE NOCASE,
    role    TEXT
) WITHOUT ROWID;
CREATE INDEX actors_kind ON actors (kind, country);

CREATE TABLE mentions (
    doc      INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    idx      INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    form     TEXT NOT NULL,
    actors   TEXT NOT NULL,      -- JSON array of actor ids
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

-- One row per (document, actor mentioned in it).
CREATE TABLE doc_actors (
    doc      INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    actor    TEXT NOT NULL,      -- actors.id
    mentions INTEGER NOT NULL,
    role     TEXT,               -- the actor's role on the document's date
    PRIMARY KEY (doc, actor)
) WITHOUT ROWID;
-- (actor, doc): new rows append to each actor's run; covers the per-actor totals
CREATE INDEX doc_actors_actor ON doc_actors (actor, doc, mentions);

-- Events get an integer `seq` (ingest order) that the child tables use as their key, so that
-- bulk ingest appends to them instead of inserting at random places; `id` is the stable id.
CREATE TABLE events (
    seq            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    type           TEXT NOT NULL,
    mode           TEXT,
    kind           TEXT NOT NULL,
    cameo          TEXT NOT NULL,
    status         TEXT NOT NULL,
    countries      TEXT NOT NULL,   -- JSON array of ISO alpha-3 codes
    orgs           TEXT NOT NULL,   -- JSON array of organisation codes
    date_start     TEXT,
    date_end       TEXT,
    date_precision TEXT,
    date_text      TEXT,
    location_name    TEXT,
    location_country TEXT,
    location_lat     REAL,
    location_lon     REAL,
    confidence     REAL NOT NULL,
    doc            INTEGER REFERENCES documents (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    doc_idx        INTEGER         -- index of the event in its document
);
CREATE INDEX events_date ON events (date_start, date_end);
CREATE INDEX events_doc ON events (doc);

CREATE TABLE event_countries (
    event   INTEGER NOT NULL REFERENCES events (seq) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    country TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (event, country)
) WITHOUT ROWID;
CREATE INDEX event_countries_country ON event_countries (country);

CREATE TABLE event_participants (
    event   INTEGER NOT NULL REFERENCES events (seq) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    pos     INTEGER NOT NULL,
    actor   TEXT NOT NULL,
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL,
    country TEXT,
    role    TEXT,
    PRIMARY KEY (event, pos)
) WITHOUT ROWID;
CREATE INDEX event_participants_actor ON event_participants (actor);

CREATE TABLE event_sources (
    event     INTEGER NOT NULL REFERENCES events (seq) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    pos       INTEGER NOT NULL,
    doc       TEXT NOT NULL,       -- document key
    sentence  INTEGER NOT NULL,
    text      TEXT NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    published TEXT,
    PRIMARY KEY (event, pos)
) WITHOUT ROWID;

-- entente store, schema 4: incremental cross-document resolution. Each resolved event keeps
-- its matching state (opaque bytes written by entente-resolve) and is filed under the pages
-- of the resolution index, so that new reports read only the events that may match them.
-- One row of `resolution_state` remembers how far resolution got; triggers on `documents`
-- mark it dirty when a stored document is replaced or deleted (only a full run is right then).

ALTER TABLE resolved_events ADD COLUMN state BLOB;   -- NULL: written by a full run of schema 3

CREATE TABLE resolved_pages (
    type     TEXT NOT NULL,
    a        TEXT NOT NULL,       -- first party
    b        TEXT NOT NULL,       -- second party (= a for a single party)
    undated  INTEGER NOT NULL,    -- 1: undated events, filed by their first report
    period   INTEGER NOT NULL,    -- days from the common era / 32
    resolved INTEGER NOT NULL REFERENCES resolved_events (seq) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (type, a, b, undated, period, resolved)
) WITHOUT ROWID;
CREATE INDEX resolved_pages_resolved ON resolved_pages (resolved);

CREATE TABLE resolution_state (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    last_day  INTEGER,            -- order key of the last resolved report: publication day
    last_doc  TEXT,               --   (days from the common era), document key,
    last_rank INTEGER,            --   date precision rank,
    last_idx  INTEGER,            --   index in the document,
    last_id   TEXT,               --   event id
    last_seq  INTEGER NOT NULL DEFAULT 0,  -- greatest events.seq resolved
    dirty     INTEGER NOT NULL DEFAULT 1,  -- 1: the next run resolves everything again
    rebuilds  INTEGER NOT NULL DEFAULT 0,  -- full runs so far
    runs      INTEGER NOT NULL DEFAULT 0   -- runs so far
);
-- resolved events of schema 3 have no state: the first run rebuilds them
INSERT INTO resolution_state (id, dirty) VALUES (1, 1);

CREATE TRIGGER documents_deleted_dirty AFTER DELETE ON documents
BEGIN
    UPDATE resolution_state SET dirty = 1 WHERE id = 1;
END;

CREATE TRIGGER documents_updated_dirty AFTER UPDATE ON documents
BEGIN
    UPDATE resolution_state SET dirty = 1 WHERE id = 1;
END;

-- a resolved event written without state (a full rewrite by an older code path) leaves the
-- index incomplete
CREATE TRIGGER resolved_without_state_dirty AFTER INSERT ON resolved_events
WHEN NEW.state IS NULL
BEGIN
    UPDATE resolution_state SET dirty = 1 WHERE id = 1;
END;

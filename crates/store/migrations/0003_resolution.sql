-- entente store, schema 3: cross-document event resolution. Every per-document event
-- (`events`) is linked to exactly one resolved event: the real-world event that all its
-- reports describe. The resolved tables are derived data, rewritten after each ingest.

CREATE TABLE resolved_events (
    seq              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,   -- 're-' and 16 hex digits
    type             TEXT NOT NULL,
    mode             TEXT,
    kind             TEXT NOT NULL,
    countries        TEXT NOT NULL,          -- JSON array of ISO alpha-3 codes (or org codes)
    status           TEXT NOT NULL,          -- current status from all reports
    date_start       TEXT,
    date_end         TEXT,
    date_precision   TEXT,
    location_name    TEXT,
    location_country TEXT,
    confidence       REAL NOT NULL,
    documents        INTEGER NOT NULL,       -- distinct reporting documents
    sources          INTEGER NOT NULL,       -- distinct publishers
    first_reported   TEXT,                   -- earliest publication date of a report
    last_reported    TEXT                    -- latest publication date of a report
);
CREATE INDEX resolved_events_date ON resolved_events (date_start, date_end);

CREATE TABLE resolved_countries (
    resolved INTEGER NOT NULL REFERENCES resolved_events (seq) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    country  TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (resolved, country)
) WITHOUT ROWID;
CREATE INDEX resolved_countries_country ON resolved_countries (country);

CREATE TABLE resolved_links (
    event    INTEGER PRIMARY KEY REFERENCES events (seq) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    resolved INTEGER NOT NULL REFERENCES resolved_events (seq) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    pos      INTEGER NOT NULL                -- order of the report (publication date, document)
);
CREATE INDEX resolved_links_resolved ON resolved_links (resolved, pos);

-- entente store, schema 2: one row per report of an event, ready for cross-document
-- resolution (an event reported by many documents, each with its own status and date).
-- Existing events get one report each, from the document they were extracted from.

CREATE TABLE event_reports (
    event          INTEGER NOT NULL REFERENCES events (seq) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    doc            INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    status         TEXT NOT NULL,
    date_start     TEXT,
    date_end       TEXT,
    date_precision TEXT,
    date_text      TEXT,
    confidence     REAL NOT NULL,
    published      TEXT,          -- publication date of the reporting document
    PRIMARY KEY (event, doc)
) WITHOUT ROWID;
CREATE INDEX event_reports_doc ON event_reports (doc);

INSERT INTO event_reports (event, doc, status, date_start, date_end, date_precision,
                           date_text, confidence, published)
SELECT e.seq, e.doc, e.status, e.date_start, e.date_end, e.date_precision, e.date_text,
       e.confidence, d.published
FROM events e JOIN documents d ON d.id = e.doc;

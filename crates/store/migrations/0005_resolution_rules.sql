-- entente store, schema 5: the version of the resolution rules (entente-resolve's
-- RULES_VERSION) the stored resolved events were made with. When the program's rules differ,
-- the next ingest resolves everything again from scratch instead of adding to events matched
-- under other rules. 0: resolved before schema 5 (treated as out of date).

ALTER TABLE resolution_state ADD COLUMN rules INTEGER NOT NULL DEFAULT 0;

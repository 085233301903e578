//! What incremental cross-document resolution keeps between ingests (schema 4): each
//! resolved event's matching state (`resolved_events.state`, opaque bytes written by
//! `entente-resolve`), the index pages it is filed under (`resolved_pages`), and how far
//! resolution got (`resolution_state`: the order key of the last resolved report, the greatest
//! `events.seq` resolved, and a dirty flag that triggers on `documents` set when a stored
//! document is replaced or deleted).
//!
//! The methods here read the per-document events not yet linked, one page of the index (an
//! indexed prefix lookup, logarithmic in the store), and write a run's created and updated
//! events in one transaction, keeping the tables that `timeline`, `history` and `events` read
//! as a full rewrite would leave them.

use crate::ingest::MultiInsert;
use crate::resolved::{row_values, MentionRow, ResolvedRow};
use crate::{sql_err, Store, StoreError};
use rusqlite::{params, OptionalExtension};
use std::collections::HashSet;

/// The key of one page of the resolution index.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PageKey {
    /// PLOVER type (`as_str` form).
    pub event_type: String,
    /// First party.
    pub a: String,
    /// Second party (equal to `a` for a single party).
    pub b: String,
    /// Undated events.
    pub undated: bool,
    /// The period (days from the common era divided by the page length).
    pub period: i32,
}

/// The position of a report in resolution order: publication day (days from the common era),
/// document key, date precision rank, index in the document, event id.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ResolutionOrder {
    /// Publication day, days from the common era.
    pub day: i32,
    /// Document key.
    pub doc: String,
    /// Date precision rank.
    pub rank: u8,
    /// Index of the event in its document.
    pub idx: i64,
    /// Event id.
    pub id: String,
}

/// A resolved event created or updated by a resolution run.
#[derive(Clone, Debug, PartialEq)]
pub struct StateWrite {
    /// The resolved event (replaces the stored row of the same id).
    pub row: ResolvedRow,
    /// Its matching state.
    pub state: Vec<u8>,
    /// The pages it is filed under (replace its stored pages).
    pub pages: Vec<PageKey>,
    /// Rank of the first report in `events` among all the event's reports.
    pub first_pos: usize,
    /// `events.seq` of its new reports, in report order.
    pub events: Vec<i64>,
    /// Its countries and pages are those stored already (written by an earlier run of the
    /// same resolver): only the row, state and links are written.
    pub same_index: bool,
    /// The pages and countries stored for it already, when the writer knows them (written by
    /// an earlier run of the same resolver): only the difference is written. `None`: they
    /// are all replaced.
    pub before: Option<(Vec<PageKey>, Vec<String>)>,
}

/// Page cache of a second connection opened by [`Store::open_another`], in KiB (16 MiB: it
/// reads the rows another connection just wrote, and SQLite empties a connection's cache
/// whenever another one has committed).
const ANOTHER_CACHE_KIB: i64 = 16 * 1024;

impl Store {
    /// A second read-write connection to the same database file, for a thread that resolves
    /// what this connection has committed while it goes on ingesting (`None` for a database
    /// in memory, which no other connection sees). SQLite lets one connection write at a
    /// time, and a commit by one empties the page cache of the other: a reader that resolves
    /// is best left to read, handing its writes to the connection that ingests.
    pub fn open_another(&self) -> Result<Option<Store>, StoreError> {
        if self.path.is_empty() || self.path == ":memory:" {
            return Ok(None);
        }
        let other = Store::open(&self.path)?;
        other
            .conn
            .pragma_update(None, "cache_size", -ANOTHER_CACHE_KIB)
            .map_err(|e| sql_err(&self.path, e, || "setting the page cache size".into()))?;
        Ok(Some(other))
    }

    /// The stored per-document events not yet linked to a resolved event (those stored since
    /// the last resolution).
    pub fn unresolved_mentions(&self) -> Result<Vec<MentionRow>, StoreError> {
        let last_seq: i64 = self
            .conn
            .query_row(
                "SELECT coalesce((SELECT last_seq FROM resolution_state WHERE id = 1), 0)",
                [],
                |r| r.get(0),
            )
            .map_err(|e| sql_err(&self.path, e, || "reading the last resolved event".into()))?;
        // events are appended (seq grows); a deleted document makes the next run a full one,
        // so the unresolved events all lie after the last resolved seq
        self.mention_rows(
            "LEFT JOIN resolved_links l ON l.event = e.seq
             WHERE e.seq > ?1 AND l.event IS NULL",
            params![last_seq],
        )
    }

    /// Whether the stored resolution must be redone from scratch: a document was replaced or
    /// deleted since, or the resolved events lack their state (written by schema 3).
    pub fn resolution_needs_rebuild(&self) -> Result<bool, StoreError> {
        let dirty: Option<i64> = self
            .conn
            .query_row("SELECT dirty FROM resolution_state WHERE id = 1", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| sql_err(&self.path, e, || "reading the resolution state".into()))?;
        Ok(dirty != Some(0))
    }

    /// The version of the resolution rules the stored resolved events were made with (0:
    /// before schema 5, or nothing resolved yet).
    pub fn resolution_rules(&self) -> Result<u32, StoreError> {
        let rules: Option<i64> = self
            .conn
            .query_row("SELECT rules FROM resolution_state WHERE id = 1", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| sql_err(&self.path, e, || "reading the resolution rules".into()))?;
        let rules = rules.unwrap_or(0);
        u32::try_from(rules).map_err(|_| StoreError::Corrupt {
            path: self.path.clone(),
            what: "resolution_state.rules".into(),
            detail: format!("{rules} is out of range"),
        })
    }

    /// Records the version of the resolution rules a full run has just applied.
    pub fn set_resolution_rules(&mut self, rules: u32) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE resolution_state SET rules = ?1 WHERE id = 1",
                params![i64::from(rules)],
            )
            .map_err(|e| sql_err(&self.path, e, || "writing the resolution rules".into()))?;
        Ok(())
    }

    /// The order key of the last report resolved (`None`: nothing resolved yet).
    pub fn last_resolved_order(&self) -> Result<Option<ResolutionOrder>, StoreError> {
        type Raw = (
            Option<i64>,
            Option<String>,
            Option<i64>,
            Option<i64>,
            Option<String>,
        );
        let raw: Option<Raw> = self
            .conn
            .query_row(
                "SELECT last_day, last_doc, last_rank, last_idx, last_id
                 FROM resolution_state WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()
            .map_err(|e| sql_err(&self.path, e, || "reading the resolution state".into()))?;
        let Some((Some(day), Some(doc), Some(rank), Some(idx), Some(id))) = raw else {
            return Ok(None);
        };
        let corrupt = |what: &str, v: i64| StoreError::Corrupt {
            path: self.path.clone(),
            what: format!("resolution_state.{what}"),
            detail: format!("{v} is out of range"),
        };
        Ok(Some(ResolutionOrder {
            day: i32::try_from(day).map_err(|_| corrupt("last_day", day))?,
            doc,
            rank: u8::try_from(rank).map_err(|_| corrupt("last_rank", rank))?,
            idx,
            id,
        }))
    }

    /// The id and state of every resolved event filed under `page`, by id.
    pub fn resolution_page(&self, page: &PageKey) -> Result<Vec<(String, Vec<u8>)>, StoreError> {
        let path = self.path.as_str();
        let what = || {
            format!(
                "reading resolution page {} {}-{} {}{}",
                page.event_type,
                page.a,
                page.b,
                if page.undated { "undated " } else { "" },
                page.period
            )
        };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT r.id, r.state FROM resolved_pages p
                 JOIN resolved_events r ON r.seq = p.resolved
                 WHERE p.type = ?1 AND p.a = ?2 AND p.b = ?3 AND p.undated = ?4 AND p.period = ?5
                 ORDER BY r.id",
            )
            .map_err(|e| sql_err(path, e, what))?;
        let rows = stmt
            .query_map(
                params![page.event_type, page.a, page.b, page.undated, page.period],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<Vec<u8>>>(1)?)),
            )
            .map_err(|e| sql_err(path, e, what))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| sql_err(path, e, what))?;
        rows.into_iter()
            .map(|(id, state)| match state {
                Some(s) => Ok((id, s)),
                None => Err(StoreError::Corrupt {
                    path: path.to_string(),
                    what: format!("resolved_events.state of {id}"),
                    detail: "missing".into(),
                }),
            })
            .collect()
    }

    /// Writes a resolution run in one transaction. Each write replaces the resolved event of
    /// its id (row and state; its seq is kept), its countries and pages, and links its new
    /// reports from rank `first_pos` on. `last` becomes the last resolved order key (kept
    /// when `None` and not `clear`), the dirty flag is cleared. With `clear`, every resolved
    /// event, page and link is deleted first (a full run).
    pub fn apply_resolution(
        &mut self,
        writes: &[StateWrite],
        last: Option<&ResolutionOrder>,
        clear: bool,
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        let path = path.as_str();
        let err = |what: &'static str| move |e| sql_err(path, e, || what.to_string());
        let tx = self
            .conn
            .transaction()
            .map_err(err("starting resolution"))?;
        if clear {
            tx.execute_batch(
                "DELETE FROM resolved_links; DELETE FROM resolved_pages;
                 DELETE FROM resolved_countries; DELETE FROM resolved_events;
                 UPDATE resolution_state SET last_day = NULL, last_doc = NULL, last_rank = NULL,
                     last_idx = NULL, last_id = NULL, last_seq = 0, rebuilds = rebuilds + 1
                 WHERE id = 1;",
            )
            .map_err(err("clearing resolved events"))?;
        }
        {
            let mut upsert = tx
                .prepare_cached(
                    "INSERT INTO resolved_events (id, type, mode, kind, countries, status,
                        date_start, date_end, date_precision, location_name, location_country,
                        confidence, documents, sources, first_reported, last_reported, state)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                             ?16, ?17)
                     ON CONFLICT (id) DO UPDATE SET type = excluded.type, mode = excluded.mode,
                        kind = excluded.kind, countries = excluded.countries,
                        status = excluded.status, date_start = excluded.date_start,
                        date_end = excluded.date_end, date_precision = excluded.date_precision,
                        location_name = excluded.location_name,
                        location_country = excluded.location_country,
                        confidence = excluded.confidence, documents = excluded.documents,
                        sources = excluded.sources, first_reported = excluded.first_reported,
                        last_reported = excluded.last_reported, state = excluded.state
                     RETURNING seq",
                )
                .map_err(err("preparing resolved upsert"))?;
            let mut del_c = tx
                .prepare_cached("DELETE FROM resolved_countries WHERE resolved = ?1")
                .map_err(err("preparing resolved countries delete"))?;
            let mut ins_c = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO resolved_countries (resolved, country) VALUES (?1, ?2)",
                )
                .map_err(err("preparing resolved countries insert"))?;
            let mut del_p = tx
                .prepare_cached("DELETE FROM resolved_pages WHERE resolved = ?1")
                .map_err(err("preparing resolved pages delete"))?;
            let mut del_page = tx
                .prepare_cached(
                    "DELETE FROM resolved_pages WHERE type = ?1 AND a = ?2 AND b = ?3
                        AND undated = ?4 AND period = ?5 AND resolved = ?6",
                )
                .map_err(err("preparing resolved page delete"))?;
            let mut del_country = tx
                .prepare_cached(
                    "DELETE FROM resolved_countries WHERE resolved = ?1 AND country = ?2",
                )
                .map_err(err("preparing resolved country delete"))?;
            // links and pages are many (a link per report): written 64 rows per statement
            let mut ins_l = MultiInsert::prepare(
                &tx,
                "INSERT OR REPLACE",
                "resolved_links (event, resolved, pos)",
                3,
            )
            .map_err(err("preparing resolved links insert"))?;
            let mut ins_p = MultiInsert::prepare(
                &tx,
                "INSERT OR IGNORE",
                "resolved_pages (type, a, b, undated, period, resolved)",
                6,
            )
            .map_err(err("preparing resolved pages insert"))?;
            // (event, resolved, pos)
            let mut links: Vec<(i64, i64, i64)> = Vec::new();
            let mut pages: Vec<(&PageKey, i64)> = Vec::new();
            let mut last_seq: Option<i64> = None;
            for w in writes {
                let r = &w.row;
                let values = row_values(r);
                let state: &dyn rusqlite::ToSql = &w.state;
                let args = values.iter().map(|v| v as &dyn rusqlite::ToSql);
                let seq: i64 = upsert
                    .query_row(
                        rusqlite::params_from_iter(args.chain(std::iter::once(state))),
                        |row| row.get(0),
                    )
                    .map_err(|e| sql_err(path, e, || format!("writing resolved event {}", r.id)))?;
                if !w.same_index || clear {
                    // what is stored already and stays (nothing when unknown or cleared)
                    let (kept_pages, kept_countries) = match (&w.before, clear) {
                        (Some((pages, countries)), false) => {
                            let new: HashSet<&PageKey> = w.pages.iter().collect();
                            for p in pages.iter().filter(|p| !new.contains(p)) {
                                del_page
                                    .execute(params![
                                        p.event_type,
                                        p.a,
                                        p.b,
                                        p.undated,
                                        p.period,
                                        seq
                                    ])
                                    .map_err(err("deleting a resolved page"))?;
                            }
                            for c in countries.iter().filter(|c| !r.countries.contains(c)) {
                                del_country
                                    .execute(params![seq, c])
                                    .map_err(err("deleting a resolved country"))?;
                            }
                            (pages.iter().collect(), countries.as_slice())
                        }
                        (None, false) => {
                            del_c
                                .execute(params![seq])
                                .map_err(err("deleting resolved countries"))?;
                            del_p
                                .execute(params![seq])
                                .map_err(err("deleting resolved pages"))?;
                            (HashSet::new(), &[][..])
                        }
                        (_, true) => (HashSet::new(), &[][..]),
                    };
                    for c in r.countries.iter().filter(|c| !kept_countries.contains(c)) {
                        ins_c
                            .execute(params![seq, c])
                            .map_err(err("inserting a resolved country"))?;
                    }
                    pages.extend(
                        w.pages
                            .iter()
                            .filter(|p| !kept_pages.contains(p))
                            .map(|p| (p, seq)),
                    );
                }
                for (i, ev) in w.events.iter().enumerate() {
                    links.push((*ev, seq, (w.first_pos + i) as i64));
                    last_seq = last_seq.max(Some(*ev));
                }
            }
            ins_p
                .run(&pages, |stmt, first, _, (p, seq)| {
                    stmt.raw_bind_parameter(first, &p.event_type)?;
                    stmt.raw_bind_parameter(first + 1, &p.a)?;
                    stmt.raw_bind_parameter(first + 2, &p.b)?;
                    stmt.raw_bind_parameter(first + 3, p.undated)?;
                    stmt.raw_bind_parameter(first + 4, p.period)?;
                    stmt.raw_bind_parameter(first + 5, seq)
                })
                .map_err(|(_, e)| sql_err(path, e, || "inserting resolved pages".into()))?;
            ins_l
                .run(&links, |stmt, first, _, (ev, seq, pos)| {
                    stmt.raw_bind_parameter(first, ev)?;
                    stmt.raw_bind_parameter(first + 1, seq)?;
                    stmt.raw_bind_parameter(first + 2, pos)
                })
                .map_err(|(_, e)| sql_err(path, e, || "inserting resolved links".into()))?;
            if let Some(l) = last {
                tx.execute(
                    "UPDATE resolution_state SET last_day = ?1, last_doc = ?2, last_rank = ?3,
                         last_idx = ?4, last_id = ?5 WHERE id = 1",
                    params![l.day, l.doc, l.rank, l.idx, l.id],
                )
                .map_err(err("writing the last resolved order"))?;
            }
            tx.execute(
                "UPDATE resolution_state SET last_seq = max(last_seq, ?1), dirty = 0,
                     runs = runs + 1 WHERE id = 1",
                params![last_seq.unwrap_or(0)],
            )
            .map_err(err("writing the resolution state"))?;
        }
        tx.commit().map_err(err("committing resolution"))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use entente_doc::{EventStatus, EventType};

    fn row(id: &str, countries: &[&str]) -> ResolvedRow {
        ResolvedRow {
            id: id.into(),
            event_type: EventType::Consult,
            mode: None,
            kind: "meet".into(),
            countries: countries.iter().map(|c| c.to_string()).collect(),
            status: EventStatus::Occurred,
            date: None,
            location_name: None,
            location_country: None,
            confidence: 0.5,
            documents: 1,
            sources: 1,
            first_reported: None,
            last_reported: None,
        }
    }

    fn page(a: &str, b: &str, period: i32) -> PageKey {
        PageKey {
            event_type: "CONSULT".into(),
            a: a.into(),
            b: b.into(),
            undated: false,
            period,
        }
    }

    #[test]
    fn a_new_store_rebuilds_then_pages_are_read_back_and_replaced() {
        let mut store = Store::open_in_memory().unwrap();
        assert!(store.resolution_needs_rebuild().unwrap());
        assert_eq!(store.last_resolved_order().unwrap(), None);
        assert!(store.unresolved_mentions().unwrap().is_empty());
        let w = StateWrite {
            row: row("re-1", &["PRK", "USA"]),
            state: b"one".to_vec(),
            pages: vec![page("PRK", "USA", 10), page("PRK", "PRK", 10)],
            first_pos: 0,
            events: Vec::new(),
            same_index: false,
            before: None,
        };
        let last = ResolutionOrder {
            day: 737_000,
            doc: "d1".into(),
            rank: 1,
            idx: 0,
            id: "ev-1".into(),
        };
        store
            .apply_resolution(std::slice::from_ref(&w), Some(&last), true)
            .unwrap();
        assert!(!store.resolution_needs_rebuild().unwrap());
        assert_eq!(store.last_resolved_order().unwrap(), Some(last.clone()));
        let got = store.resolution_page(&page("PRK", "USA", 10)).unwrap();
        assert_eq!(got, vec![("re-1".to_string(), b"one".to_vec())]);
        // an update moves the event to another page and keeps its row
        let w2 = StateWrite {
            state: b"two".to_vec(),
            pages: vec![page("PRK", "USA", 11)],
            row: row("re-1", &["KOR", "USA"]),
            ..w
        };
        store
            .apply_resolution(std::slice::from_ref(&w2), None, false)
            .unwrap();
        // the same writer knows what it stored: only the difference is written, to the same end
        let w3 = StateWrite {
            state: b"three".to_vec(),
            pages: vec![page("PRK", "USA", 11), page("KOR", "KOR", 11)],
            row: row("re-1", &["KOR", "JPN"]),
            before: Some((w2.pages.clone(), w2.row.countries.clone())),
            ..w2.clone()
        };
        store.apply_resolution(&[w3], None, false).unwrap();
        assert_eq!(
            store.resolution_page(&page("KOR", "KOR", 11)).unwrap(),
            vec![("re-1".to_string(), b"three".to_vec())]
        );
        assert!(store
            .resolved_events(&["USA".to_string()], None, None, None)
            .unwrap()
            .is_empty());
        assert_eq!(
            store
                .resolved_events(&["JPN".to_string()], None, None, None)
                .unwrap()
                .len(),
            1
        );
        let w2 = StateWrite {
            before: Some((
                vec![page("PRK", "USA", 11), page("KOR", "KOR", 11)],
                vec!["KOR".to_string(), "JPN".to_string()],
            )),
            ..w2
        };
        store.apply_resolution(&[w2], None, false).unwrap();
        assert!(store
            .resolution_page(&page("KOR", "KOR", 11))
            .unwrap()
            .is_empty());
        assert!(store
            .resolution_page(&page("PRK", "USA", 10))
            .unwrap()
            .is_empty());
        assert_eq!(
            store.resolution_page(&page("PRK", "USA", 11)).unwrap(),
            vec![("re-1".to_string(), b"two".to_vec())]
        );
        assert_eq!(store.last_resolved_order().unwrap(), Some(last));
        let kor = store
            .resolved_events(&["KOR".to_string()], None, None, None)
            .unwrap();
        assert_eq!(kor.len(), 1);
        assert!(store
            .resolved_events(&["PRK".to_string()], None, None, None)
            .unwrap()
            .is_empty());
        // a full rewrite without state makes the next run a full one
        store
            .write_resolution(&[crate::ResolvedWrite {
                row: row("re-2", &["USA"]),
                events: Vec::new(),
            }])
            .unwrap();
        assert!(store.resolution_needs_rebuild().unwrap());
        assert_eq!(store.integrity_check().unwrap(), "ok");
    }

    #[test]
    fn another_connection_sees_what_this_one_committed() {
        let memory = Store::open_in_memory().unwrap();
        assert!(memory.open_another().unwrap().is_none());
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path().join("e.db")).unwrap();
        let mut other = store.open_another().unwrap().unwrap();
        assert!(other.resolution_needs_rebuild().unwrap());
        let w = StateWrite {
            row: row("re-1", &["PRK", "USA"]),
            state: b"one".to_vec(),
            pages: vec![page("PRK", "USA", 10)],
            first_pos: 0,
            events: Vec::new(),
            same_index: false,
            before: None,
        };
        other.apply_resolution(&[w], None, true).unwrap();
        assert!(!store.resolution_needs_rebuild().unwrap());
        assert_eq!(
            store.resolution_page(&page("PRK", "USA", 10)).unwrap(),
            vec![("re-1".to_string(), b"one".to_vec())]
        );
        let doc = crate::Document {
            key: "a1".into(),
            body: "Hello.".into(),
            text: "Hello.".into(),
            ..crate::Document::default()
        };
        assert_eq!(store.ingest_batch(&[doc]).unwrap().inserted, 1);
        assert_eq!(other.counts().unwrap().documents, 1);
    }

    #[test]
    fn a_schema_3_database_is_resolved_again_from_scratch() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        {
            let mut conn = rusqlite::Connection::open(&path).unwrap();
            crate::schema::migrate(&mut conn, "old.db", &crate::schema::MIGRATIONS[..3]).unwrap();
            conn.execute(
                "INSERT INTO resolved_events (id, type, kind, countries, status, confidence,
                    documents, sources)
                 VALUES ('re-1', 'CONSULT', 'meet', '[\"USA\"]', 'occurred', 1, 1, 1)",
                [],
            )
            .unwrap();
        }
        let store = Store::open(&path).unwrap();
        assert!(store.resolution_needs_rebuild().unwrap());
        assert_eq!(store.last_resolved_order().unwrap(), None);
        assert_eq!(
            store.resolved_events(&[], None, None, None).unwrap().len(),
            1,
            "the old resolution stays readable until the next ingest"
        );
    }
}

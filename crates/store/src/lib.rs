//! The embedded store of entente: one SQLite file holding documents, their layers, actors and
//! events.
//!
//! Data flow: the pipeline hands finished [`Document`]s (text, sentences, mentions, events) to
//! [`Store::ingest_batch`], which writes a whole batch in one transaction: a crash or Ctrl-C
//! loses no committed document and leaves no half-written one. Re-ingesting is idempotent: a
//! document whose key is stored with the same content hash is skipped, one whose content changed
//! replaces the old document and everything derived from it. Events without an id get a
//! deterministic one (see [`event_id`]), so the same corpus always yields the same ids.
//!
//! The read side ([`Store::counts`], [`Store::documents`], [`Store::document`],
//! [`Store::actors`], [`Store::events`], [`Store::event`]) returns typed rows that the CLI
//! formats; event lists are assembled with one query per table, never one per event.
//!
//! The file uses WAL journaling, so readers ([`Store::open_read_only`]) work while an ingest
//! writes. The schema is versioned (`PRAGMA user_version`); opening an older file migrates it,
//! opening a newer one fails. The tables are described for `sqlite3` users in `docs/store.md`.
//!
//! ```
//! use entente_doc::Document;
//! use entente_store::{EventFilter, Store};
//!
//! let mut store = Store::open_in_memory()?;
//! let doc = Document { key: "a1".into(), body: "Hello.".into(), text: "Hello.".into(),
//!                      ..Document::default() };
//! let outcome = store.ingest_batch(&[doc.clone()])?;
//! assert_eq!(outcome.inserted, 1);
//! assert_eq!(store.ingest_batch(&[doc])?.unchanged, 1);
//! assert_eq!(store.counts()?.documents, 1);
//! assert!(store.events(&EventFilter::default())?.is_empty());
//! # Ok::<(), entente_store::StoreError>(())
//! ```
#![deny(missing_docs)]

mod encode;
mod error;
mod ingest;
mod query;
mod read;
mod resolved;
mod schema;

pub use encode::{content_hash, event_id};
pub use entente_doc::{Document, EventRecord};
pub use error::StoreError;
pub use ingest::{BatchOutcome, IngestOptions};
pub use query::{ActorFilter, ActorSummary, Counts, DocFilter, DocSummary, EventFilter};
pub use resolved::{MentionRow, ReportRow, ResolvedRow, ResolvedWrite};
pub use schema::SCHEMA_VERSION;

use rusqlite::{Connection, OpenFlags};
use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

/// Process-wide SQLite settings, applied once before the first connection is opened.
///
/// SQLite keeps memory statistics by default, taking a global mutex on every allocation; the
/// writer of a bulk ingest allocates for every row, and the statistics are never read here,
/// so they are switched off. When SQLite was initialised already (another library opened a
/// connection first) the call is refused and nothing changes.
fn configure_sqlite() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: `sqlite3_config` may only run before `sqlite3_initialize` and while no other
        // thread uses SQLite; this runs before the first connection of the process that goes
        // through `Store`. If SQLite is initialised already it returns SQLITE_MISUSE and does
        // nothing, which is fine.
        unsafe {
            rusqlite::ffi::sqlite3_config(
                rusqlite::ffi::SQLITE_CONFIG_MEMSTATUS,
                0 as std::os::raw::c_int,
            );
        }
    });
}

/// How long a connection waits for another writer's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// An actor as last written to the `actors` table (to skip redundant upserts).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ActorRow {
    pub(crate) name: String,
    pub(crate) kind: &'static str,
    pub(crate) country: Option<String>,
    pub(crate) role: Option<String>,
}

/// An open entente database.
pub struct Store {
    conn: Connection,
    path: String,
    /// Actors known to be stored with these values (committed batches only).
    actors: HashMap<String, ActorRow>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens (creating if needed) the database at `path` for reading and writing, and migrates
    /// it to [`SCHEMA_VERSION`].
    pub fn open(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        let display = path.as_ref().display().to_string();
        configure_sqlite();
        let conn = Connection::open(path.as_ref()).map_err(|source| StoreError::Open {
            path: display.clone(),
            source,
        })?;
        Store::configure(conn, display, true)
    }

    /// Opens a fresh database in memory (for tests and one-shot runs).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let display = ":memory:".to_string();
        configure_sqlite();
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Open {
            path: display.clone(),
            source,
        })?;
        Store::configure(conn, display, true)
    }

    /// Opens an existing database for reading only; works while another process ingests.
    ///
    /// Fails with [`StoreError::NeedsMigration`] when the file has an older schema (open it
    /// once with [`Store::open`] to migrate) and with [`StoreError::TooNew`] for a newer one.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        let display = path.as_ref().display().to_string();
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        configure_sqlite();
        let conn = Connection::open_with_flags(path.as_ref(), flags).map_err(|source| {
            StoreError::Open {
                path: display.clone(),
                source,
            }
        })?;
        Store::configure(conn, display, false)
    }

    /// Sets the pragmas and checks or migrates the schema.
    fn configure(mut conn: Connection, path: String, write: bool) -> Result<Store, StoreError> {
        let open_err = |source| StoreError::Open {
            path: path.clone(),
            source,
        };
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_err)?;
        conn.set_prepared_statement_cache_capacity(64);
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(open_err)?;
        // negative: KiB; 128 MiB of page cache keeps the indexes hot during a bulk ingest (a
        // day of news, 250,000 articles, makes a 2.3 GB file)
        conn.pragma_update(None, "cache_size", -131_072)
            .map_err(open_err)?;
        conn.pragma_update(None, "temp_store", "MEMORY")
            .map_err(open_err)?;
        if write {
            // in-memory databases answer "memory" and keep it; files switch to WAL
            conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
                .map_err(open_err)?;
            conn.pragma_update(None, "synchronous", "NORMAL")
                .map_err(open_err)?;
            // checkpoint every 128 MiB of log rather than 4: fewer, larger copies into the file,
            // and a page changed by several batches in between is copied once
            conn.pragma_update(None, "wal_autocheckpoint", 32_768)
                .map_err(open_err)?;
            schema::migrate(&mut conn, &path, schema::MIGRATIONS)?;
        } else {
            let found = schema::user_version(&conn, &path)?;
            let known = SCHEMA_VERSION;
            if found > known {
                return Err(StoreError::TooNew { path, found, known });
            }
            if found < known {
                return Err(StoreError::NeedsMigration { path, found, known });
            }
        }
        Ok(Store {
            conn,
            path,
            actors: HashMap::new(),
        })
    }

    /// The database path as given (`:memory:` for an in-memory store).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        schema::user_version(&self.conn, &self.path)
    }

    /// Runs `PRAGMA integrity_check` and `PRAGMA foreign_key_check`; returns `"ok"` when both
    /// find nothing, otherwise their findings, one per line.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        let mut lines: Vec<String> = Vec::new();
        let mut stmt = self
            .conn
            .prepare("PRAGMA integrity_check")
            .map_err(|e| self.sql_err(e, || "running integrity_check".into()))?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(|e| self.sql_err(e, || "running integrity_check".into()))?;
        for row in rows {
            let line = row.map_err(|e| self.sql_err(e, || "running integrity_check".into()))?;
            if line != "ok" {
                lines.push(line);
            }
        }
        let mut stmt = self
            .conn
            .prepare("PRAGMA foreign_key_check")
            .map_err(|e| self.sql_err(e, || "running foreign_key_check".into()))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(format!(
                    "foreign key violation: {} row {} references missing {}",
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<i64>>(1)?
                        .map_or_else(|| "?".to_string(), |v| v.to_string()),
                    r.get::<_, String>(2)?
                ))
            })
            .map_err(|e| self.sql_err(e, || "running foreign_key_check".into()))?;
        for row in rows {
            lines.push(row.map_err(|e| self.sql_err(e, || "running foreign_key_check".into()))?);
        }
        Ok(if lines.is_empty() {
            "ok".to_string()
        } else {
            lines.join("\n")
        })
    }

    /// Wraps an SQLite error with the database path and what was being done.
    pub(crate) fn sql_err(
        &self,
        source: rusqlite::Error,
        what: impl FnOnce() -> String,
    ) -> StoreError {
        sql_err(&self.path, source, what)
    }
}

/// Wraps an SQLite error with the database path and what was being done.
pub(crate) fn sql_err(
    path: &str,
    source: rusqlite::Error,
    what: impl FnOnce() -> String,
) -> StoreError {
    StoreError::Sql {
        path: path.to_string(),
        what: what(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_memory_store_is_current_and_sound() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        assert_eq!(store.integrity_check().unwrap(), "ok");
        assert_eq!(store.path(), ":memory:");
    }

    #[test]
    fn file_store_uses_wal_and_read_only_refuses_old_schemas() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("e.db");
        let store = Store::open(&path).unwrap();
        let mode: String = store
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        drop(store);
        assert!(Store::open_read_only(&path).is_ok());

        let old = dir.path().join("old.db");
        Connection::open(&old)
            .unwrap()
            .execute_batch(schema::MIGRATIONS[0])
            .unwrap();
        let err = Store::open_read_only(&old).unwrap_err();
        assert!(
            matches!(err, StoreError::NeedsMigration { found: 0, .. }),
            "{err}"
        );
    }
}

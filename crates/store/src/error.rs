//! The store's error type.

/// Everything that can go wrong opening, migrating, writing or reading a store.
///
/// Every message names the database (its path, or `:memory:`) and what was being done.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file could not be opened or configured.
    #[error("cannot open database {path}: {source}")]
    Open {
        /// Database path.
        path: String,
        /// The SQLite error.
        source: rusqlite::Error,
    },
    /// The database was written by a newer build with a schema this build does not know.
    #[error(
        "database {path} was written by a newer entente (schema {found}, this build knows {known})"
    )]
    TooNew {
        /// Database path.
        path: String,
        /// Schema version found in the file.
        found: u32,
        /// Newest schema version this build knows.
        known: u32,
    },
    /// A read-only open found an older schema that needs migrating first.
    #[error(
        "database {path} has schema {found}, older than this build's {known}; open it once for writing (e.g. ingest) to migrate it"
    )]
    NeedsMigration {
        /// Database path.
        path: String,
        /// Schema version found in the file.
        found: u32,
        /// Newest schema version this build knows.
        known: u32,
    },
    /// A migration step failed; the database was left at its previous version.
    #[error("database {path}: migrating to schema {version} failed: {source}")]
    Migrate {
        /// Database path.
        path: String,
        /// The version being migrated to.
        version: u32,
        /// The SQLite error.
        source: rusqlite::Error,
    },
    /// An SQL statement failed.
    #[error("database {path}: {what}: {source}")]
    Sql {
        /// Database path.
        path: String,
        /// What was being done ("inserting event ev-… of document k").
        what: String,
        /// The SQLite error.
        source: rusqlite::Error,
    },
    /// A stored value could not be decoded (written by hand or by a broken build).
    #[error("database {path}: {what}: {detail}")]
    Corrupt {
        /// Database path.
        path: String,
        /// Which row and column.
        what: String,
        /// What is wrong with it.
        detail: String,
    },
    /// A document cannot be stored as it is.
    #[error("database {path}: document {key}: {detail}")]
    Invalid {
        /// Database path.
        path: String,
        /// Document key.
        key: String,
        /// What is wrong with it.
        detail: String,
    },
}

impl StoreError {
    /// Whether the error is SQLite reporting the database as busy or locked by another writer.
    pub fn is_busy(&self) -> bool {
        let source = match self {
            StoreError::Open { source, .. }
            | StoreError::Migrate { source, .. }
            | StoreError::Sql { source, .. } => source,
            _ => return false,
        };
        matches!(
            source.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_database() {
        let cases: Vec<(StoreError, &str)> = vec![
            (
                StoreError::TooNew {
                    path: "./x.db".into(),
                    found: 5,
                    known: 1,
                },
                "database ./x.db was written by a newer entente (schema 5, this build knows 1)",
            ),
            (
                StoreError::Corrupt {
                    path: "a.db".into(),
                    what: "events.type of ev-1".into(),
                    detail: "unknown event type 'X'".into(),
                },
                "database a.db: events.type of ev-1: unknown event type 'X'",
            ),
        ];
        for (err, expected) in cases {
            assert_eq!(err.to_string(), expected);
            assert!(!err.is_busy());
        }
    }
}

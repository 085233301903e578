//! Schema versions and migrations.
//!
//! Migration `n` (1-based) is the SQL file `migrations/000n_*.sql`; `PRAGMA user_version`
//! holds the number of migrations applied. Opening an older database applies the missing
//! ones in one transaction; a newer one is refused.

use crate::StoreError;
use rusqlite::{Connection, TransactionBehavior};

/// The migrations, in order: migration `i` brings the schema from version `i` to `i + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_init.sql"),
    include_str!("../migrations/0002_event_reports.sql"),
    include_str!("../migrations/0003_resolution.sql"),
    include_str!("../migrations/0004_incremental_resolution.sql"),
    include_str!("../migrations/0005_resolution_rules.sql"),
];

/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// Reads `PRAGMA user_version`.
pub(crate) fn user_version(conn: &Connection, path: &str) -> Result<u32, StoreError> {
    conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
        .map(|v| v.clamp(0, i64::from(u32::MAX)) as u32)
        .map_err(|source| StoreError::Sql {
            path: path.to_string(),
            what: "reading the schema version".into(),
            source,
        })
}

/// Brings the database to the newest version of `migrations`, refusing a newer database.
///
/// All missing steps run in one immediate transaction, so a failure leaves the database at
/// the version it had; the version is checked again inside the transaction in case another
/// process migrated it meanwhile.
pub(crate) fn migrate(
    conn: &mut Connection,
    path: &str,
    migrations: &[&str],
) -> Result<u32, StoreError> {
    let known = migrations.len() as u32;
    let found = user_version(conn, path)?;
    if found > known {
        return Err(StoreError::TooNew {
            path: path.to_string(),
            found,
            known,
        });
    }
    if found == known {
        return Ok(found);
    }
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|source| StoreError::Migrate {
            path: path.to_string(),
            version: found + 1,
            source,
        })?;
    let found = user_version(&tx, path)?;
    if found > known {
        return Err(StoreError::TooNew {
            path: path.to_string(),
            found,
            known,
        });
    }
    for (i, sql) in migrations.iter().enumerate().skip(found as usize) {
        let version = i as u32 + 1;
        let err = |source| StoreError::Migrate {
            path: path.to_string(),
            version,
            source,
        };
        tx.execute_batch(sql).map_err(err)?;
        tx.pragma_update(None, "user_version", version)
            .map_err(err)?;
    }
    tx.commit().map_err(|source| StoreError::Migrate {
        path: path.to_string(),
        version: known,
        source,
    })?;
    Ok(known)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conn() -> Connection {
        let c = Connection::open_in_memory().unwrap();
        c.pragma_update(None, "foreign_keys", true).unwrap();
        c
    }

    #[test]
    fn fresh_database_gets_every_migration() {
        let mut c = conn();
        assert_eq!(
            migrate(&mut c, ":memory:", MIGRATIONS).unwrap(),
            SCHEMA_VERSION
        );
        assert_eq!(user_version(&c, "m").unwrap(), SCHEMA_VERSION);
        // a second run is a no-op
        assert_eq!(
            migrate(&mut c, ":memory:", MIGRATIONS).unwrap(),
            SCHEMA_VERSION
        );
    }

    #[test]
    fn steps_apply_in_order_and_failures_roll_back() {
        let steps = [
            "CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (1);",
            "ALTER TABLE t ADD COLUMN b TEXT DEFAULT 'x';",
            "INSERT INTO t (a) VALUES (2); THIS IS NOT SQL;",
        ];
        let cases: &[(usize, Result<u32, ()>, u32)] = &[
            // (steps offered, outcome, version afterwards)
            (1, Ok(1), 1),
            (2, Ok(2), 2),
            (3, Err(()), 2),
        ];
        let mut c = conn();
        for (n, outcome, after) in cases {
            let got = migrate(&mut c, "t.db", &steps[..*n]).map_err(|_| ());
            assert_eq!(&got, outcome, "{n} steps");
            assert_eq!(user_version(&c, "t.db").unwrap(), *after);
        }
        let rows: i64 = c
            .query_row("SELECT count(*) FROM t", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 1, "the failed step's insert was rolled back");
    }

    #[test]
    fn newer_database_is_refused() {
        let mut c = conn();
        c.pragma_update(None, "user_version", 7).unwrap();
        let err = migrate(&mut c, "./x.db", MIGRATIONS).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "database ./x.db was written by a newer entente (schema 7, this build knows {SCHEMA_VERSION})"
            )
        );
    }
}

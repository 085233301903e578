//! Cross-document resolution tables (`resolved_events`, `resolved_countries`,
//! `resolved_links`): reading the per-document events to resolve, writing the resolved
//! events, and the queries of the timeline and history commands.

use crate::read::parse_date;
use crate::{sql_err, Store, StoreError};
use chrono::NaiveDate;
use entente_doc::{EventDate, EventStatus, EventType, Mode};
use rusqlite::params;
use rusqlite::types::Value;
use std::str::FromStr;

/// A per-document event as the resolver needs it, with its document's metadata.
#[derive(Clone, Debug, PartialEq)]
pub struct MentionRow {
    /// `events.seq`.
    pub seq: i64,
    /// Event id (`ev-…`).
    pub id: String,
    /// PLOVER type.
    pub event_type: EventType,
    /// CONSULT mode.
    pub mode: Option<Mode>,
    /// Finer kind.
    pub kind: String,
    /// Status as reported.
    pub status: EventStatus,
    /// Sorted states.
    pub countries: Vec<String>,
    /// Organisations.
    pub orgs: Vec<String>,
    /// Date as reported.
    pub date: Option<EventDate>,
    /// Place name.
    pub location_name: Option<String>,
    /// Place country.
    pub location_country: Option<String>,
    /// Confidence.
    pub confidence: f32,
    /// Document key.
    pub doc: String,
    /// Index of the event in its document.
    pub doc_idx: i64,
    /// Publisher.
    pub source: Option<String>,
    /// Publication date of the document.
    pub published: Option<NaiveDate>,
}

/// A resolved (real-world) event.
#[derive(Clone, Debug, PartialEq)]
pub struct ResolvedRow {
    /// Resolved id (`re-…`).
    pub id: String,
    /// PLOVER type.
    pub event_type: EventType,
    /// CONSULT mode.
    pub mode: Option<Mode>,
    /// Finer kind.
    pub kind: String,
    /// The parties: sorted states (organisation codes when no state is known).
    pub countries: Vec<String>,
    /// Current status, from every report.
    pub status: EventStatus,
    /// Best date.
    pub date: Option<EventDate>,
    /// Place name.
    pub location_name: Option<String>,
    /// Place country.
    pub location_country: Option<String>,
    /// Highest confidence of a report.
    pub confidence: f32,
    /// Distinct reporting documents.
    pub documents: u32,
    /// Distinct publishers.
    pub sources: u32,
    /// Earliest publication date of a report.
    pub first_reported: Option<NaiveDate>,
    /// Latest publication date of a report.
    pub last_reported: Option<NaiveDate>,
}

/// The values of a resolved event's `resolved_events` columns, in the order `id, type, mode,
/// kind, countries, status, date_start, date_end, date_precision, location_name,
/// location_country, confidence, documents, sources, first_reported, last_reported` (shared
/// by the full write and the incremental upsert).
pub(crate) fn row_values(r: &ResolvedRow) -> [Value; 16] {
    let text = |s: Option<&str>| s.map_or(Value::Null, |s| Value::Text(s.to_string()));
    let day = |d: Option<NaiveDate>| d.map_or(Value::Null, |d| Value::Text(d.to_string()));
    let date = r.date.as_ref();
    [
        Value::Text(r.id.clone()),
        Value::Text(r.event_type.as_str().to_string()),
        text(r.mode.map(|m| m.as_str())),
        Value::Text(r.kind.clone()),
        Value::Text(serde_json::to_string(&r.countries).unwrap_or_else(|_| "[]".into())),
        Value::Text(r.status.as_str().to_string()),
        text(date.map(|d| d.start.as_str())),
        text(date.map(|d| d.end.as_str())),
        text(date.map(|d| d.precision.as_str())),
        text(r.location_name.as_deref()),
        text(r.location_country.as_deref()),
        Value::Real(f64::from(r.confidence)),
        Value::Integer(i64::from(r.documents)),
        Value::Integer(i64::from(r.sources)),
        day(r.first_reported),
        day(r.last_reported),
    ]
}

/// A resolved event to write, with the `events.seq` of its reports in order.
#[derive(Clone, Debug, PartialEq)]
pub struct ResolvedWrite {
    /// The resolved event.
    pub row: ResolvedRow,
    /// `events.seq` of every report, in report order.
    pub events: Vec<i64>,
}

/// One report of a resolved event, as its document gave it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportRow {
    /// Per-document event id.
    pub event: String,
    /// Document key.
    pub doc: String,
    /// Publisher.
    pub source: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Status as reported.
    pub status: EventStatus,
    /// Date as reported.
    pub date: Option<EventDate>,
    /// The first sentence reporting it.
    pub text: Option<String>,
}

fn corrupt(path: &str, what: String, detail: String) -> StoreError {
    StoreError::Corrupt {
        path: path.to_string(),
        what,
        detail,
    }
}

fn parse_enum<T: FromStr>(
    path: &str,
    v: &str,
    what: impl FnOnce() -> String,
) -> Result<T, StoreError>
where
    T::Err: std::fmt::Display,
{
    v.parse()
        .map_err(|e: T::Err| corrupt(path, what(), e.to_string()))
}

fn parse_list(
    path: &str,
    v: &str,
    what: impl FnOnce() -> String,
) -> Result<Vec<String>, StoreError> {
    serde_json::from_str(v).map_err(|e| corrupt(path, what(), e.to_string()))
}

fn opt_date(
    path: &str,
    v: Option<String>,
    what: impl FnOnce() -> String,
) -> Result<Option<NaiveDate>, StoreError> {
    v.map(|s| parse_date(path, &s, what)).transpose()
}

fn event_date(
    path: &str,
    start: Option<String>,
    end: Option<String>,
    precision: Option<String>,
    text: Option<String>,
    what: &dyn Fn() -> String,
) -> Result<Option<EventDate>, StoreError> {
    match (start, end) {
        (Some(start), Some(end)) => {
            parse_date(path, &start, what)?;
            parse_date(path, &end, what)?;
            Ok(Some(EventDate {
                start,
                end,
                precision: precision.unwrap_or_else(|| "day".into()),
                text,
            }))
        }
        _ => Ok(None),
    }
}

const RESOLVED_COLUMNS: &str =
    "r.id, r.type, r.mode, r.kind, r.countries, r.status, r.date_start, \
    r.date_end, r.date_precision, r.location_name, r.location_country, r.confidence, r.documents, \
    r.sources, r.first_reported, r.last_reported";

type RawResolved = (
    String,
    String,
    Option<String>,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    f64,
    i64,
    i64,
    Option<String>,
    Option<String>,
);

fn raw_resolved(r: &rusqlite::Row<'_>) -> rusqlite::Result<RawResolved> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
        r.get(9)?,
        r.get(10)?,
        r.get(11)?,
        r.get(12)?,
        r.get(13)?,
        r.get(14)?,
        r.get(15)?,
    ))
}

fn decode_resolved(path: &str, raw: RawResolved) -> Result<ResolvedRow, StoreError> {
    let (id, ty, mode, kind, countries, status, ds, de, dp, ln, lc, conf, docs, srcs, fr, lr) = raw;
    let col = |c: &str| format!("resolved_events.{c} of {id}");
    Ok(ResolvedRow {
        event_type: parse_enum(path, &ty, || col("type"))?,
        mode: mode
            .map(|m| parse_enum(path, &m, || col("mode")))
            .transpose()?,
        kind,
        countries: parse_list(path, &countries, || col("countries"))?,
        status: parse_enum(path, &status, || col("status"))?,
        date: event_date(path, ds, de, dp, None, &|| col("date"))?,
        location_name: ln,
        location_country: lc,
        confidence: conf as f32,
        documents: u32::try_from(docs).unwrap_or(0),
        sources: u32::try_from(srcs).unwrap_or(0),
        first_reported: opt_date(path, fr, || col("first_reported"))?,
        last_reported: opt_date(path, lr, || col("last_reported"))?,
        id,
    })
}

impl Store {
    /// Every stored per-document event with its document's key, publisher and publication
    /// date; only documents published on or before `as_of` when it is given.
    pub fn resolution_mentions(
        &self,
        as_of: Option<NaiveDate>,
    ) -> Result<Vec<MentionRow>, StoreError> {
        let as_of = as_of.map(|d| d.to_string());
        self.mention_rows(
            "WHERE ?1 IS NULL OR (d.published IS NOT NULL AND d.published <= ?1)",
            params![as_of],
        )
    }

    /// The per-document events (with their documents' metadata) that `filter` (a `WHERE`
    /// clause over `events e JOIN documents d`, or more joins before it) selects.
    pub(crate) fn mention_rows(
        &self,
        filter: &str,
        args: impl rusqlite::Params,
    ) -> Result<Vec<MentionRow>, StoreError> {
        let path = self.path.as_str();
        let what = || "reading events to resolve".to_string();
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT e.seq, e.id, e.type, e.mode, e.kind, e.status, e.countries, e.orgs,
                        e.date_start, e.date_end, e.date_precision, e.date_text,
                        e.location_name, e.location_country, e.confidence,
                        d.key, coalesce(e.doc_idx, 0), d.source, d.published
                 FROM events e JOIN documents d ON d.id = e.doc {filter}"
            ))
            .map_err(|e| sql_err(path, e, what))?;
        let mut rows = stmt.query(args).map_err(|e| sql_err(path, e, what))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next().map_err(|e| sql_err(path, e, what))? {
            let g = |e| sql_err(path, e, what);
            let id: String = r.get(1).map_err(g)?;
            let col = |c: &str| format!("events.{c} of {id}");
            let ty: String = r.get(2).map_err(g)?;
            let mode: Option<String> = r.get(3).map_err(g)?;
            let status: String = r.get(5).map_err(g)?;
            let countries: String = r.get(6).map_err(g)?;
            let orgs: String = r.get(7).map_err(g)?;
            let published: Option<String> = r.get(18).map_err(g)?;
            out.push(MentionRow {
                seq: r.get(0).map_err(g)?,
                event_type: parse_enum(path, &ty, || col("type"))?,
                mode: mode
                    .map(|m| parse_enum(path, &m, || col("mode")))
                    .transpose()?,
                kind: r.get(4).map_err(g)?,
                status: parse_enum(path, &status, || col("status"))?,
                countries: parse_list(path, &countries, || col("countries"))?,
                orgs: parse_list(path, &orgs, || col("orgs"))?,
                date: event_date(
                    path,
                    r.get(8).map_err(g)?,
                    r.get(9).map_err(g)?,
                    r.get(10).map_err(g)?,
                    r.get(11).map_err(g)?,
                    &|| col("date"),
                )?,
                location_name: r.get(12).map_err(g)?,
                location_country: r.get(13).map_err(g)?,
                confidence: r.get::<_, f64>(14).map_err(g)? as f32,
                doc: r.get(15).map_err(g)?,
                doc_idx: r.get(16).map_err(g)?,
                source: r.get(17).map_err(g)?,
                published: opt_date(path, published, || format!("published of {id}"))?,
                id,
            });
        }
        Ok(out)
    }

    /// Replaces the resolution tables with `events`, in one transaction.
    pub fn write_resolution(&mut self, events: &[ResolvedWrite]) -> Result<(), StoreError> {
        let path = self.path.clone();
        let path = path.as_str();
        let err = |what: &'static str| move |e| sql_err(path, e, || what.to_string());
        let tx = self
            .conn
            .transaction()
            .map_err(err("starting resolution"))?;
        tx.execute_batch(
            "DELETE FROM resolved_links; DELETE FROM resolved_countries; DELETE FROM resolved_events;",
        )
        .map_err(err("clearing resolved events"))?;
        {
            let mut ins = tx
                .prepare_cached(
                    "INSERT INTO resolved_events (id, type, mode, kind, countries, status,
                        date_start, date_end, date_precision, location_name, location_country,
                        confidence, documents, sources, first_reported, last_reported)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                )
                .map_err(err("preparing resolved insert"))?;
            let mut ins_c = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO resolved_countries (resolved, country) VALUES (?1, ?2)",
                )
                .map_err(err("preparing resolved countries insert"))?;
            let mut ins_l = tx
                .prepare_cached("INSERT OR REPLACE INTO resolved_links (event, resolved, pos) VALUES (?1, ?2, ?3)")
                .map_err(err("preparing resolved links insert"))?;
            for w in events {
                let r = &w.row;
                ins.execute(rusqlite::params_from_iter(row_values(r)))
                    .map_err(err("inserting a resolved event"))?;
                let seq = tx.last_insert_rowid();
                for c in &r.countries {
                    ins_c
                        .execute(params![seq, c])
                        .map_err(err("inserting a resolved country"))?;
                }
                for (pos, ev) in w.events.iter().enumerate() {
                    ins_l
                        .execute(params![ev, seq, pos as i64])
                        .map_err(err("inserting a resolved link"))?;
                }
            }
        }
        tx.commit().map_err(err("committing resolution"))?;
        Ok(())
    }

    /// Resolved events involving every one of `countries` (and, when given, an actor whose id
    /// or name contains `actor`), whose date meets `from..=to`, by date (undated last) then id.
    pub fn resolved_events(
        &self,
        countries: &[String],
        actor: Option<&str>,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<ResolvedRow>, StoreError> {
        let mut conds: Vec<String> = Vec::new();
        let mut args: Vec<Value> = Vec::new();
        for c in countries {
            args.push(Value::Text(c.clone()));
            conds.push(format!(
                "r.seq IN (SELECT resolved FROM resolved_countries WHERE country = ?{})",
                args.len()
            ));
        }
        if let Some(a) = actor {
            args.push(Value::Text(format!("%{}%", a.to_lowercase())));
            conds.push(format!(
                "r.seq IN (SELECT l.resolved FROM resolved_links l
                           JOIN event_participants p ON p.event = l.event
                           WHERE lower(p.actor) LIKE ?{n} OR lower(p.name) LIKE ?{n})",
                n = args.len()
            ));
        }
        if let Some(f) = from {
            args.push(Value::Text(f.to_string()));
            conds.push(format!("r.date_end >= ?{}", args.len()));
        }
        if let Some(t) = to {
            args.push(Value::Text(t.to_string()));
            conds.push(format!("r.date_start <= ?{}", args.len()));
        }
        let sql = format!(
            "SELECT {RESOLVED_COLUMNS} FROM resolved_events r {}{} \
             ORDER BY r.date_start IS NULL, r.date_start, r.id",
            if conds.is_empty() { "" } else { "WHERE " },
            conds.join(" AND ")
        );
        self.load_resolved(&sql, &args)
    }

    fn load_resolved(&self, sql: &str, args: &[Value]) -> Result<Vec<ResolvedRow>, StoreError> {
        let path = self.path.as_str();
        let what = || "reading resolved events".to_string();
        let mut stmt = self.conn.prepare(sql).map_err(|e| sql_err(path, e, what))?;
        let raws = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), raw_resolved)
            .map_err(|e| sql_err(path, e, what))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| sql_err(path, e, what))?;
        raws.into_iter().map(|r| decode_resolved(path, r)).collect()
    }

    /// One resolved event with every report, in report order; `None` when the id is unknown.
    pub fn resolved_history(
        &self,
        id: &str,
    ) -> Result<Option<(ResolvedRow, Vec<ReportRow>)>, StoreError> {
        let sql = format!("SELECT {RESOLVED_COLUMNS} FROM resolved_events r WHERE r.id = ?1");
        let Some(row) = self
            .load_resolved(&sql, &[Value::Text(id.to_string())])?
            .pop()
        else {
            return Ok(None);
        };
        let path = self.path.as_str();
        let what = || format!("reading the reports of {id}");
        let mut stmt = self
            .conn
            .prepare(
                "SELECT e.id, d.key, d.source, d.published, e.status, e.date_start, e.date_end,
                        e.date_precision, e.date_text,
                        (SELECT s.text FROM event_sources s WHERE s.event = e.seq ORDER BY s.pos LIMIT 1)
                 FROM resolved_events r
                 JOIN resolved_links l ON l.resolved = r.seq
                 JOIN events e ON e.seq = l.event
                 JOIN documents d ON d.id = e.doc
                 WHERE r.id = ?1 ORDER BY l.pos",
            )
            .map_err(|e| sql_err(path, e, what))?;
        type Raw = (
            String,
            String,
            Option<String>,
            Option<String>,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
        );
        let raws: Vec<Raw> = stmt
            .query_map(params![id], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                    r.get(9)?,
                ))
            })
            .map_err(|e| sql_err(path, e, what))?
            .collect::<Result<_, _>>()
            .map_err(|e| sql_err(path, e, what))?;
        let mut reports = Vec::with_capacity(raws.len());
        for (ev, doc, source, published, status, ds, de, dp, dt, text) in raws {
            let col = |c: &str| format!("events.{c} of {ev}");
            reports.push(ReportRow {
                status: parse_enum(path, &status, || col("status"))?,
                date: event_date(path, ds, de, dp, dt, &|| col("date"))?,
                published: opt_date(path, published, || col("published"))?,
                event: ev.clone(),
                doc,
                source,
                text,
            });
        }
        Ok(Some((row, reports)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_store_has_no_resolved_events() {
        let mut store = Store::open_in_memory().unwrap();
        assert!(store.resolution_mentions(None).unwrap().is_empty());
        store.write_resolution(&[]).unwrap();
        assert!(store
            .resolved_events(&[], None, None, None)
            .unwrap()
            .is_empty());
        assert!(store.resolved_history("re-0").unwrap().is_none());
        assert_eq!(store.integrity_check().unwrap(), "ok");
    }
}

//! The read side: counts, document, actor and event listings.

use crate::read::{decode_document_blobs, parse_date, parse_format, parse_from, parse_kind};
use crate::{sql_err, Store, StoreError};
use chrono::NaiveDate;
use entente_doc::{
    Actor, ActorKind, Document, EventRecord, EventStatus, EventType, Format, Published,
    PublishedFrom,
};
use rusqlite::types::Value;
use rusqlite::{params, Row};

/// Number of rows of the main tables.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Stored documents.
    pub documents: u64,
    /// Sentences of all documents.
    pub sentences: u64,
    /// Actor mentions of all documents.
    pub mentions: u64,
    /// Distinct actors.
    pub actors: u64,
    /// Events.
    pub events: u64,
}

/// Which documents [`Store::documents`] lists (all of them by default).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocFilter {
    /// Published on or after this date (undated documents excluded when set).
    pub from: Option<NaiveDate>,
    /// Published on or before this date (undated documents excluded when set).
    pub to: Option<NaiveDate>,
    /// Publisher, compared case-insensitively.
    pub source: Option<String>,
    /// At most this many.
    pub limit: Option<usize>,
    /// Skip this many first.
    pub offset: usize,
}

/// One line of a document listing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocSummary {
    /// External key.
    pub key: String,
    /// Title.
    pub title: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// Article URL.
    pub url: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Where the publication date came from.
    pub published_from: Option<PublishedFrom>,
    /// Input format.
    pub format: Option<Format>,
    /// Number of events extracted from it.
    pub events: u64,
}

/// Which actors [`Store::actors`] lists (all of them by default).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActorFilter {
    /// Only this kind.
    pub kind: Option<ActorKind>,
    /// Only actors of this state (ISO alpha-3, case-insensitive).
    pub country: Option<String>,
    /// At most this many.
    pub limit: Option<usize>,
}

/// An actor with how often it appears.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorSummary {
    /// The actor as last stored (role: the latest one seen).
    pub actor: Actor,
    /// Mentions in all documents.
    pub mentions: u64,
    /// Documents mentioning it.
    pub documents: u64,
    /// Events it takes part in.
    pub events: u64,
}

/// Which events [`Store::events`] lists (all of them by default).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventFilter {
    /// States that must all be involved (ISO alpha-3, case-insensitive).
    pub countries: Vec<String>,
    /// A participant: an actor id, or a case-insensitive substring of an actor's name.
    pub actor: Option<String>,
    /// Any of these types (all when empty).
    pub types: Vec<EventType>,
    /// Any of these statuses (all when empty).
    pub statuses: Vec<EventStatus>,
    /// The event's date interval ends on or after this day (undated events excluded).
    pub from: Option<NaiveDate>,
    /// The event's date interval starts on or before this day (undated events excluded).
    pub to: Option<NaiveDate>,
    /// Only events of the document with this key.
    pub doc: Option<String>,
    /// At most this many.
    pub limit: Option<usize>,
}

/// `LIMIT` argument: -1 for none.
fn limit_arg(limit: Option<usize>) -> i64 {
    limit.map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX))
}

/// A JSON array of strings, for `json_each`.
fn json_list<'a>(items: impl IntoIterator<Item = &'a str>) -> Value {
    let items: Vec<&str> = items.into_iter().collect();
    Value::Text(serde_json::to_string(&items).unwrap_or_else(|_| "[]".into()))
}

/// The columns [`summary_from_row`] reads (alias `d`).
const SUMMARY_COLUMNS: &str = "d.key, d.title, d.source, d.url, d.published, d.published_from, \
    d.format, (SELECT count(*) FROM events e WHERE e.doc = d.id)";

/// Builds a document summary from a row of [`SUMMARY_COLUMNS`].
fn summary_from_row(path: &str, row: &Row<'_>) -> Result<DocSummary, StoreError> {
    let g = |i: usize, what: &str| -> Result<Option<String>, StoreError> {
        row.get(i)
            .map_err(|e| sql_err(path, e, || format!("reading documents.{what}")))
    };
    let key = g(0, "key")?.unwrap_or_default();
    let published = match g(4, "published")? {
        Some(d) => Some(parse_date(path, &d, || {
            format!("documents.published of {key}")
        })?),
        None => None,
    };
    let published_from = match g(5, "published_from")? {
        Some(f) => Some(parse_from(path, &f, || {
            format!("documents.published_from of {key}")
        })?),
        None => None,
    };
    let format = match g(6, "format")? {
        Some(f) => Some(parse_format(path, &f, || {
            format!("documents.format of {key}")
        })?),
        None => None,
    };
    let events: i64 = row
        .get(7)
        .map_err(|e| sql_err(path, e, || format!("counting the events of {key}")))?;
    Ok(DocSummary {
        title: g(1, "title")?,
        source: g(2, "source")?,
        url: g(3, "url")?,
        published,
        published_from,
        format,
        events: events.max(0) as u64,
        key,
    })
}

impl Store {
    /// Counts the rows of the main tables.
    pub fn counts(&self) -> Result<Counts, StoreError> {
        let count = |table: &str| -> Result<u64, StoreError> {
            self.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
                    r.get::<_, i64>(0)
                })
                .map(|n| n.max(0) as u64)
                .map_err(|e| self.sql_err(e, || format!("counting {table}")))
        };
        Ok(Counts {
            documents: count("documents")?,
            sentences: count("sentences")?,
            mentions: count("mentions")?,
            actors: count("actors")?,
            events: count("events")?,
        })
    }

    /// Lists documents, newest first (undated last), then by key.
    pub fn documents(&self, filter: &DocFilter) -> Result<Vec<DocSummary>, StoreError> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM documents d
             WHERE (?1 IS NULL OR d.published >= ?1) AND (?2 IS NULL OR d.published <= ?2)
               AND (?3 IS NULL OR d.source = ?3)
             ORDER BY d.published DESC, d.key LIMIT ?4 OFFSET ?5"
        );
        let what = || "listing documents".to_string();
        let mut stmt = self
            .conn
            .prepare_cached(&sql)
            .map_err(|e| self.sql_err(e, what))?;
        let offset = i64::try_from(filter.offset).unwrap_or(i64::MAX);
        let mut rows = stmt
            .query(params![
                filter.from.map(|d| d.to_string()),
                filter.to.map(|d| d.to_string()),
                filter.source,
                limit_arg(filter.limit),
                offset
            ])
            .map_err(|e| self.sql_err(e, what))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(|e| self.sql_err(e, what))? {
            out.push(summary_from_row(&self.path, row)?);
        }
        Ok(out)
    }

    /// One document: its summary, the document reloaded (metadata, body, text, text map,
    /// captions, sentences, mentions; no tokens, time expressions or places, and
    /// `Document::events` left empty) and its events in document order.
    pub fn document(
        &self,
        key: &str,
    ) -> Result<Option<(DocSummary, Document, Vec<EventRecord>)>, StoreError> {
        let path = self.path.as_str();
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS}, d.id, d.path, d.line, d.published_datetime, d.body, d.text,
               d.text_map, d.captions, d.extra
             FROM documents d WHERE d.key = ?1"
        );
        let what = || format!("reading document {key}");
        let mut stmt = self
            .conn
            .prepare_cached(&sql)
            .map_err(|e| sql_err(path, e, what))?;
        let mut rows = stmt
            .query(params![key])
            .map_err(|e| sql_err(path, e, what))?;
        let Some(row) = rows.next().map_err(|e| sql_err(path, e, what))? else {
            return Ok(None);
        };
        let summary = summary_from_row(path, row)?;
        let cell = |e| sql_err(path, e, what);
        let id: i64 = row.get(8).map_err(cell)?;
        let line: Option<i64> = row.get(10).map_err(cell)?;
        let datetime: Option<String> = row.get(11).map_err(cell)?;
        let published = summary.published.map(|date| Published {
            date,
            datetime,
            from: summary.published_from.unwrap_or(PublishedFrom::Metadata),
        });
        let mut doc = Document {
            key: summary.key.clone(),
            path: row.get(9).map_err(cell)?,
            line: line.and_then(|l| usize::try_from(l).ok()),
            format: summary.format,
            url: summary.url.clone(),
            source: summary.source.clone(),
            title: summary.title.clone(),
            published,
            body: row.get(12).map_err(cell)?,
            ..Document::default()
        };
        let text: Option<String> = row.get(13).map_err(cell)?;
        doc.text = text.unwrap_or_else(|| doc.body.clone());
        let text_map: Option<Vec<u8>> = row.get(14).map_err(cell)?;
        let captions: Option<Vec<u8>> = row.get(15).map_err(cell)?;
        let extra: Option<String> = row.get(16).map_err(cell)?;
        drop(rows);
        decode_document_blobs(path, key, text_map, captions, extra, &mut doc)?;
        self.load_layers(id, &mut doc)?;
        let events = self.load_events(
            "WHERE e.doc = ?1 ORDER BY e.doc_idx, e.id",
            &[Value::Integer(id)],
        )?;
        Ok(Some((summary, doc, events)))
    }

    /// Lists actors, most mentioned first (then most events, then id).
    pub fn actors(&self, filter: &ActorFilter) -> Result<Vec<ActorSummary>, StoreError> {
        let path = self.path.as_str();
        let what = || "listing actors".to_string();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.id, a.name, a.kind, a.country, a.role,
                   coalesce(m.mentions, 0), coalesce(m.documents, 0), coalesce(p.events, 0)
                 FROM actors a
                 LEFT JOIN (SELECT actor, sum(mentions) AS mentions, count(*) AS documents
                            FROM doc_actors GROUP BY actor) m ON m.actor = a.id
                 LEFT JOIN (SELECT actor, count(DISTINCT event) AS events
                            FROM event_participants GROUP BY actor) p ON p.actor = a.id
                 WHERE (?1 IS NULL OR a.kind = ?1) AND (?2 IS NULL OR a.country = ?2)
                 ORDER BY 6 DESC, 8 DESC, a.id LIMIT ?3",
            )
            .map_err(|e| sql_err(path, e, what))?;
        let mut rows = stmt
            .query(params![
                filter.kind.map(|k| k.as_str()),
                filter.country,
                limit_arg(filter.limit)
            ])
            .map_err(|e| sql_err(path, e, what))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(|e| sql_err(path, e, what))? {
            let cell = |e| sql_err(path, e, what);
            let id: String = row.get(0).map_err(cell)?;
            let kind: String = row.get(2).map_err(cell)?;
            let n = |i: usize| -> Result<u64, StoreError> {
                row.get::<_, i64>(i).map(|v| v.max(0) as u64).map_err(cell)
            };
            out.push(ActorSummary {
                actor: Actor {
                    name: row.get(1).map_err(cell)?,
                    kind: parse_kind(path, &kind, || format!("actors.kind of {id}"))?,
                    country: row.get(3).map_err(cell)?,
                    role: row.get(4).map_err(cell)?,
                    id,
                },
                mentions: n(5)?,
                documents: n(6)?,
                events: n(7)?,
            });
        }
        Ok(out)
    }

    /// Ids of the actors whose id equals `query` or whose name contains it, ignoring case.
    fn matching_actors(&self, query: &str) -> Result<Vec<String>, StoreError> {
        let what = || "matching actor names".to_string();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name FROM actors")
            .map_err(|e| self.sql_err(e, what))?;
        let needle = query.to_lowercase();
        let mut rows = stmt.query([]).map_err(|e| self.sql_err(e, what))?;
        let mut ids = Vec::new();
        while let Some(row) = rows.next().map_err(|e| self.sql_err(e, what))? {
            let id: String = row.get(0).map_err(|e| self.sql_err(e, what))?;
            let name: String = row.get(1).map_err(|e| self.sql_err(e, what))?;
            if id.eq_ignore_ascii_case(query) || name.to_lowercase().contains(&needle) {
                ids.push(id);
            }
        }
        Ok(ids)
    }

    /// Lists events matching every condition of `filter`, by date (undated last) then id,
    /// with their participants and sources.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<EventRecord>, StoreError> {
        let mut conds: Vec<String> = Vec::new();
        let mut args: Vec<Value> = Vec::new();
        let arg = |v: Value, args: &mut Vec<Value>| {
            args.push(v);
            format!("?{}", args.len())
        };
        for c in &filter.countries {
            let p = arg(Value::Text(c.clone()), &mut args);
            conds.push(format!(
                "e.seq IN (SELECT event FROM event_countries WHERE country = {p})"
            ));
        }
        if let Some(q) = &filter.actor {
            let ids = self.matching_actors(q)?;
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            let p = arg(json_list(ids.iter().map(String::as_str)), &mut args);
            conds.push(format!(
                "e.seq IN (SELECT event FROM event_participants
                          WHERE actor IN (SELECT value FROM json_each({p})))"
            ));
        }
        if !filter.types.is_empty() {
            let p = arg(
                json_list(filter.types.iter().map(|t| t.as_str())),
                &mut args,
            );
            conds.push(format!("e.type IN (SELECT value FROM json_each({p}))"));
        }
        if !filter.statuses.is_empty() {
            let p = arg(
                json_list(filter.statuses.iter().map(|s| s.as_str())),
                &mut args,
            );
            conds.push(format!("e.status IN (SELECT value FROM json_each({p}))"));
        }
        if let Some(from) = filter.from {
            let p = arg(Value::Text(from.to_string()), &mut args);
            conds.push(format!("e.date_end >= {p}"));
        }
        if let Some(to) = filter.to {
            let p = arg(Value::Text(to.to_string()), &mut args);
            conds.push(format!("e.date_start <= {p}"));
        }
        if let Some(doc) = &filter.doc {
            let p = arg(Value::Text(doc.clone()), &mut args);
            conds.push(format!(
                "e.doc = (SELECT id FROM documents WHERE key = {p})"
            ));
        }
        let limit = arg(Value::Integer(limit_arg(filter.limit)), &mut args);
        let tail = format!(
            "{}{} ORDER BY e.date_start IS NULL, e.date_start, e.id LIMIT {limit}",
            if conds.is_empty() { "" } else { "WHERE " },
            conds.join(" AND ")
        );
        self.load_events(&tail, &args)
    }

    /// One event by id, with its participants and sources.
    pub fn event(&self, id: &str) -> Result<Option<EventRecord>, StoreError> {
        let mut found = self.load_events("WHERE e.id = ?1", &[Value::Text(id.to_string())])?;
        Ok(found.pop())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_map_to_sqlite() {
        let cases = [(None, -1), (Some(0), 0), (Some(25), 25)];
        for (limit, expected) in cases {
            assert_eq!(limit_arg(limit), expected);
        }
    }

    #[test]
    fn empty_store_answers_empty() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.counts().unwrap(), Counts::default());
        assert!(store.documents(&DocFilter::default()).unwrap().is_empty());
        assert!(store.document("nope").unwrap().is_none());
        assert!(store.actors(&ActorFilter::default()).unwrap().is_empty());
        assert!(store.events(&EventFilter::default()).unwrap().is_empty());
        assert!(store.event("ev-0").unwrap().is_none());
        let filter = EventFilter {
            actor: Some("moon".into()),
            ..EventFilter::default()
        };
        assert!(store.events(&filter).unwrap().is_empty());
    }
}

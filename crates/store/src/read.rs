//! Decoding stored rows back into the document model: events (with their children, in one
//! query per table) and whole documents.

use crate::{sql_err, Store, StoreError};
use entente_doc::{
    Actor, ActorKind, Document, EventDate, EventRecord, EventSource, EventStatus, EventType,
    Format, Location, Mention, Mode, Participant, PublishedFrom, Sentence,
};
use entente_text::Span;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Row};
use std::collections::HashMap;
use std::str::FromStr;

/// The columns of `events` that [`event_from_row`] reads, in order (alias `e`).
pub(crate) const EVENT_COLUMNS: &str = "e.id, e.type, e.mode, e.kind, e.cameo, e.status, \
    e.countries, e.orgs, e.date_start, e.date_end, e.date_precision, e.date_text, \
    e.location_name, e.location_country, e.location_lat, e.location_lon, e.confidence, e.seq";

/// A value read from a row, or the error to report for it.
type Cell<T> = Result<T, StoreError>;

/// Reads column `i` of a row, naming the column in the error.
fn get<T: rusqlite::types::FromSql>(path: &str, row: &Row<'_>, i: usize, what: &str) -> Cell<T> {
    row.get(i)
        .map_err(|e| sql_err(path, e, || format!("reading {what}")))
}

/// Parses a stored enum name.
fn parse<T: FromStr>(path: &str, value: &str, what: impl FnOnce() -> String) -> Cell<T>
where
    T::Err: std::fmt::Display,
{
    value.parse().map_err(|e: T::Err| StoreError::Corrupt {
        path: path.to_string(),
        what: what(),
        detail: e.to_string(),
    })
}

/// Parses an actor kind.
pub(crate) fn parse_kind(
    path: &str,
    value: &str,
    what: impl FnOnce() -> String,
) -> Cell<ActorKind> {
    match value {
        "person" => Ok(ActorKind::Person),
        "state" => Ok(ActorKind::State),
        "organization" => Ok(ActorKind::Organization),
        other => Err(StoreError::Corrupt {
            path: path.to_string(),
            what: what(),
            detail: format!("unknown actor kind '{other}'"),
        }),
    }
}

/// Parses a stored document format.
pub(crate) fn parse_format(path: &str, value: &str, what: impl FnOnce() -> String) -> Cell<Format> {
    match value {
        "text" => Ok(Format::Text),
        "html" => Ok(Format::Html),
        "jsonl" => Ok(Format::Jsonl),
        other => Err(StoreError::Corrupt {
            path: path.to_string(),
            what: what(),
            detail: format!("unknown format '{other}'"),
        }),
    }
}

/// Parses where a publication date came from.
pub(crate) fn parse_from(
    path: &str,
    value: &str,
    what: impl FnOnce() -> String,
) -> Cell<PublishedFrom> {
    match value {
        "metadata" => Ok(PublishedFrom::Metadata),
        "text" => Ok(PublishedFrom::Text),
        "name" => Ok(PublishedFrom::Name),
        "command-line" => Ok(PublishedFrom::CommandLine),
        other => Err(StoreError::Corrupt {
            path: path.to_string(),
            what: what(),
            detail: format!("unknown provenance '{other}'"),
        }),
    }
}

/// Parses a stored ISO date.
pub(crate) fn parse_date(
    path: &str,
    value: &str,
    what: impl FnOnce() -> String,
) -> Cell<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|e| StoreError::Corrupt {
        path: path.to_string(),
        what: what(),
        detail: format!("'{value}' is not a date: {e}"),
    })
}

/// Parses a JSON array of strings.
fn parse_list(path: &str, value: &str, what: impl FnOnce() -> String) -> Cell<Vec<String>> {
    serde_json::from_str(value).map_err(|e| StoreError::Corrupt {
        path: path.to_string(),
        what: what(),
        detail: format!("not a JSON array of strings: {e}"),
    })
}

/// Unpacks little-endian `u32` pairs.
fn unpack_pairs(
    path: &str,
    blob: Option<Vec<u8>>,
    what: impl FnOnce() -> String,
) -> Cell<Vec<(u32, u32)>> {
    let Some(blob) = blob else {
        return Ok(Vec::new());
    };
    if blob.len() % 8 != 0 {
        return Err(StoreError::Corrupt {
            path: path.to_string(),
            what: what(),
            detail: format!("{} bytes is not a whole number of u32 pairs", blob.len()),
        });
    }
    let word = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    Ok(blob
        .chunks_exact(8)
        .map(|c| (word(&c[..4]), word(&c[4..])))
        .collect())
}

/// Builds an event (without participants and sources) and its `seq` from a row of
/// [`EVENT_COLUMNS`].
fn event_from_row(path: &str, row: &Row<'_>) -> Cell<(i64, EventRecord)> {
    let id: String = get(path, row, 0, "events.id")?;
    let col = |name: &str| format!("events.{name} of {id}");
    let text: String = get(path, row, 1, &col("type"))?;
    let event_type: EventType = parse(path, &text, || col("type"))?;
    let mode: Option<String> = get(path, row, 2, &col("mode"))?;
    let mode: Option<Mode> = match mode {
        Some(m) => Some(parse(path, &m, || col("mode"))?),
        None => None,
    };
    let status: String = get(path, row, 5, &col("status"))?;
    let status: EventStatus = parse(path, &status, || col("status"))?;
    let countries: String = get(path, row, 6, &col("countries"))?;
    let orgs: String = get(path, row, 7, &col("orgs"))?;
    let date_start: Option<String> = get(path, row, 8, &col("date_start"))?;
    let date = match date_start {
        Some(start) => {
            let end: Option<String> = get(path, row, 9, &col("date_end"))?;
            Some(EventDate {
                end: end.unwrap_or_else(|| start.clone()),
                start,
                precision: get::<Option<String>>(path, row, 10, &col("date_precision"))?
                    .unwrap_or_default(),
                text: get(path, row, 11, &col("date_text"))?,
            })
        }
        None => None,
    };
    let location_name: Option<String> = get(path, row, 12, &col("location_name"))?;
    let location = match location_name {
        Some(name) => Some(Location {
            name,
            country: get(path, row, 13, &col("location_country"))?,
            lat: get(path, row, 14, &col("location_lat"))?,
            lon: get(path, row, 15, &col("location_lon"))?,
        }),
        None => None,
    };
    let confidence: f64 = get(path, row, 16, &col("confidence"))?;
    let seq: i64 = get(path, row, 17, &col("seq"))?;
    let event = EventRecord {
        event_type,
        mode,
        kind: get(path, row, 3, &col("kind"))?,
        cameo: get(path, row, 4, &col("cameo"))?,
        status,
        participants: Vec::new(),
        countries: parse_list(path, &countries, || col("countries"))?,
        orgs: parse_list(path, &orgs, || col("orgs"))?,
        date,
        location,
        sources: Vec::new(),
        confidence: confidence as f32,
        id,
    };
    Ok((seq, event))
}

impl Store {
    /// Loads full event records: `SELECT <EVENT_COLUMNS> FROM events e <tail>` with `args`,
    /// then the participants and sources of all selected events in one query each.
    pub(crate) fn load_events(&self, tail: &str, args: &[Value]) -> Cell<Vec<EventRecord>> {
        let path = self.path.as_str();
        let sql = format!("SELECT {EVENT_COLUMNS} FROM events e {tail}");
        let what = || "selecting events".to_string();
        let mut stmt = self
            .conn
            .prepare_cached(&sql)
            .map_err(|e| sql_err(path, e, what))?;
        let mut rows = stmt
            .query(params_from_iter(args))
            .map_err(|e| sql_err(path, e, what))?;
        let mut events = Vec::new();
        let mut index: HashMap<i64, usize> = HashMap::new();
        while let Some(row) = rows.next().map_err(|e| sql_err(path, e, what))? {
            let (seq, event) = event_from_row(path, row)?;
            index.insert(seq, events.len());
            events.push(event);
        }
        drop(rows);
        if events.is_empty() {
            return Ok(events);
        }
        let seqs = serde_json::to_string(&index.keys().collect::<Vec<_>>())
            .unwrap_or_else(|_| "[]".into());

        let what = || "selecting event participants".to_string();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT event, actor, name, kind, country, role FROM event_participants
                 WHERE event IN (SELECT value FROM json_each(?1)) ORDER BY event, pos",
            )
            .map_err(|e| sql_err(path, e, what))?;
        let mut rows = stmt
            .query(params![seqs])
            .map_err(|e| sql_err(path, e, what))?;
        let mut participants: Vec<(usize, Participant)> = Vec::new();
        while let Some(row) = rows.next().map_err(|e| sql_err(path, e, what))? {
            let seq: i64 = get(path, row, 0, "event_participants.event")?;
            let Some(&i) = index.get(&seq) else {
                continue;
            };
            let event = &events[i].id;
            let col = |name: &str| format!("event_participants.{name} of {event}");
            let kind: String = get(path, row, 3, &col("kind"))?;
            participants.push((
                i,
                Participant {
                    actor: get(path, row, 1, &col("actor"))?,
                    name: get(path, row, 2, &col("name"))?,
                    kind: parse_kind(path, &kind, || col("kind"))?,
                    country: get(path, row, 4, &col("country"))?,
                    role: get(path, row, 5, &col("role"))?,
                },
            ));
        }
        drop(rows);

        let what = || "selecting event sources".to_string();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT event, doc, sentence, text, start, end, published FROM event_sources
                 WHERE event IN (SELECT value FROM json_each(?1)) ORDER BY event, pos",
            )
            .map_err(|e| sql_err(path, e, what))?;
        let mut rows = stmt
            .query(params![seqs])
            .map_err(|e| sql_err(path, e, what))?;
        let mut sources: Vec<(usize, EventSource)> = Vec::new();
        while let Some(row) = rows.next().map_err(|e| sql_err(path, e, what))? {
            let seq: i64 = get(path, row, 0, "event_sources.event")?;
            let Some(&i) = index.get(&seq) else {
                continue;
            };
            let event = &events[i].id;
            let col = |name: &str| format!("event_sources.{name} of {event}");
            sources.push((
                i,
                EventSource {
                    doc: get(path, row, 1, &col("doc"))?,
                    sentence: get(path, row, 2, &col("sentence"))?,
                    text: get(path, row, 3, &col("text"))?,
                    start: get(path, row, 4, &col("start"))?,
                    end: get(path, row, 5, &col("end"))?,
                    published: get(path, row, 6, &col("published"))?,
                },
            ));
        }
        drop(rows);
        for (i, p) in participants {
            events[i].participants.push(p);
        }
        for (i, s) in sources {
            events[i].sources.push(s);
        }
        Ok(events)
    }

    /// Reloads the stored parts of document `doc_id` (row already read into `doc`): sentences
    /// and mentions with their actors.
    pub(crate) fn load_layers(&self, doc_id: i64, doc: &mut Document) -> Cell<()> {
        let path = self.path.as_str();
        let key = doc.key.clone();
        let what = || format!("selecting the sentences of document {key}");
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT start, end, caption, headline FROM sentences WHERE doc = ?1 ORDER BY idx",
            )
            .map_err(|e| sql_err(path, e, what))?;
        let mut rows = stmt
            .query(params![doc_id])
            .map_err(|e| sql_err(path, e, what))?;
        while let Some(row) = rows.next().map_err(|e| sql_err(path, e, what))? {
            let start: u32 = get(path, row, 0, "sentences.start")?;
            let end: u32 = get(path, row, 1, "sentences.end")?;
            doc.sentences.push(Sentence {
                span: Span { start, end },
                caption: get(path, row, 2, "sentences.caption")?,
                headline: get(path, row, 3, "sentences.headline")?,
                first_token: 0,
                end_token: 0,
            });
        }
        drop(rows);

        let what = || format!("selecting the actors of document {key}");
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.id, a.name, a.kind, a.country, d.role FROM doc_actors d
                 JOIN actors a ON a.id = d.actor WHERE d.doc = ?1",
            )
            .map_err(|e| sql_err(path, e, what))?;
        let mut rows = stmt
            .query(params![doc_id])
            .map_err(|e| sql_err(path, e, what))?;
        let mut actors: HashMap<String, Actor> = HashMap::new();
        while let Some(row) = rows.next().map_err(|e| sql_err(path, e, what))? {
            let id: String = get(path, row, 0, "actors.id")?;
            let kind: String = get(path, row, 2, "actors.kind")?;
            let actor = Actor {
                name: get(path, row, 1, "actors.name")?,
                kind: parse_kind(path, &kind, || format!("actors.kind of {id}"))?,
                country: get(path, row, 3, "actors.country")?,
                role: get(path, row, 4, "doc_actors.role")?,
                id: id.clone(),
            };
            actors.insert(id, actor);
        }
        drop(rows);

        let what = || format!("selecting the mentions of document {key}");
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT sentence, start, end, form, actors FROM mentions WHERE doc = ?1 ORDER BY idx",
            )
            .map_err(|e| sql_err(path, e, what))?;
        let mut rows = stmt
            .query(params![doc_id])
            .map_err(|e| sql_err(path, e, what))?;
        while let Some(row) = rows.next().map_err(|e| sql_err(path, e, what))? {
            let ids: String = get(path, row, 4, "mentions.actors")?;
            let ids = parse_list(path, &ids, || format!("mentions.actors of document {key}"))?;
            let mut list = Vec::with_capacity(ids.len());
            for id in ids {
                let actor = actors
                    .get(&id)
                    .cloned()
                    .ok_or_else(|| StoreError::Corrupt {
                        path: path.to_string(),
                        what: format!("mentions.actors of document {key}"),
                        detail: format!("actor {id} is not among the document's actors"),
                    })?;
                list.push(actor);
            }
            let start: u32 = get(path, row, 1, "mentions.start")?;
            let end: u32 = get(path, row, 2, "mentions.end")?;
            doc.mentions.push(Mention {
                span: Span { start, end },
                sentence: get(path, row, 0, "mentions.sentence")?,
                actors: list,
                form: get(path, row, 3, "mentions.form")?,
            });
        }
        Ok(())
    }
}

/// Decodes the stored `text_map` and `captions` blobs and `extra` JSON of a document.
pub(crate) fn decode_document_blobs(
    path: &str,
    key: &str,
    text_map: Option<Vec<u8>>,
    captions: Option<Vec<u8>>,
    extra: Option<String>,
    doc: &mut Document,
) -> Cell<()> {
    doc.map = unpack_pairs(path, text_map, || format!("documents.text_map of {key}"))?;
    doc.captions = unpack_pairs(path, captions, || format!("documents.captions of {key}"))?
        .into_iter()
        .map(|(start, end)| Span { start, end })
        .collect();
    if let Some(extra) = extra {
        doc.extra = serde_json::from_str(&extra).map_err(|e| StoreError::Corrupt {
            path: path.to_string(),
            what: format!("documents.extra of {key}"),
            detail: format!("not a JSON object: {e}"),
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrupt_values_are_reported_with_their_column() {
        let cases: Vec<(StoreError, &str)> = vec![
            (
                parse_kind("d.db", "robot", || "actors.kind of x".into()).unwrap_err(),
                "database d.db: actors.kind of x: unknown actor kind 'robot'",
            ),
            (
                unpack_pairs("d.db", Some(vec![1, 2, 3]), || "documents.text_map of k".into())
                    .unwrap_err(),
                "database d.db: documents.text_map of k: 3 bytes is not a whole number of u32 pairs",
            ),
            (
                parse_list("d.db", "{}", || "events.orgs of e".into()).unwrap_err(),
                "database d.db: events.orgs of e: not a JSON array of strings: invalid type: map, expected a sequence at line 1 column 0",
            ),
        ];
        for (err, expected) in cases {
            assert_eq!(err.to_string(), expected);
        }
    }

    #[test]
    fn pairs_unpack() {
        let got = unpack_pairs("d", Some(vec![1, 0, 0, 0, 2, 1, 0, 0]), String::new).unwrap();
        assert_eq!(got, vec![(1, 258)]);
        assert!(unpack_pairs("d", None, String::new).unwrap().is_empty());
    }
}

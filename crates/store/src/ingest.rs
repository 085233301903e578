//! Writing documents: one transaction per batch, idempotent by content hash.

use crate::encode::{content_hash, event_id, json_array, json_array_into, pack_pairs};
use crate::{sql_err, ActorRow, Store, StoreError};
use entente_doc::{Actor, Document, EventRecord};
use rusqlite::{params, CachedStatement, Connection, Statement, TransactionBehavior};
use std::collections::HashMap;

/// What a batch did to each of its documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BatchOutcome {
    /// Documents whose key was new.
    pub inserted: usize,
    /// Documents whose key was stored with other content, now replaced.
    pub replaced: usize,
    /// Documents stored already with the same content hash, skipped.
    pub unchanged: usize,
    /// Events written (of inserted and replaced documents).
    pub events: usize,
}

impl BatchOutcome {
    /// Adds another batch's counts to this one.
    pub fn add(&mut self, other: BatchOutcome) {
        self.inserted += other.inserted;
        self.replaced += other.replaced;
        self.unchanged += other.unchanged;
        self.events += other.events;
    }
}

/// Options of [`Store::ingest_batch_with`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IngestOptions {
    /// Replace documents even when their content hash is unchanged (after a change of the
    /// pipeline that alters the derived layers but not the text).
    pub replace_unchanged: bool,
}

/// Row counts of the multi-row `INSERT` statements: a list of rows is written as a sum of
/// these (largest first), so 29 mentions take 4 statements instead of 29, and the 3,000
/// participants of a batch's events take about 50.
pub(crate) const CHUNKS: [usize; 6] = [64, 16, 8, 4, 2, 1];

/// A multi-row insert into one table: one cached statement per size of [`CHUNKS`].
pub(crate) struct MultiInsert<'c> {
    statements: Vec<CachedStatement<'c>>,
    columns: usize,
}

impl<'c> MultiInsert<'c> {
    /// Prepares `<verb> INTO <head> VALUES (?, …), …` for every size of [`CHUNKS`].
    pub(crate) fn prepare(
        conn: &'c Connection,
        verb: &str,
        head: &str,
        columns: usize,
    ) -> rusqlite::Result<Self> {
        let row = format!("({})", vec!["?"; columns].join(", "));
        let statements = CHUNKS
            .iter()
            .map(|&n| {
                conn.prepare_cached(&format!(
                    "{verb} INTO {head} VALUES {}",
                    vec![row.as_str(); n].join(", ")
                ))
            })
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(MultiInsert {
            statements,
            columns,
        })
    }

    /// Inserts one row per item; `bind(statement, first parameter, index, item)` binds the
    /// columns of one row. Returns the index of the item whose chunk failed with the error.
    pub(crate) fn run<T>(
        &mut self,
        items: &[T],
        mut bind: impl FnMut(&mut Statement<'_>, usize, usize, &T) -> rusqlite::Result<()>,
    ) -> Result<(), (usize, rusqlite::Error)> {
        let mut done = 0;
        for (k, &size) in CHUNKS.iter().enumerate() {
            while items.len() - done >= size {
                let stmt = &mut self.statements[k];
                for j in 0..size {
                    bind(stmt, j * self.columns + 1, done + j, &items[done + j])
                        .map_err(|e| (done + j, e))?;
                }
                stmt.raw_execute().map_err(|e| (done, e))?;
                done += size;
            }
        }
        Ok(())
    }
}

/// Binds consecutive parameters of a statement from `first` on.
macro_rules! bind {
    ($stmt:expr, $first:expr, $($value:expr),+ $(,)?) => {{
        let mut _i = $first;
        $( $stmt.raw_bind_parameter(_i, $value)?; _i += 1; )+
        Ok(())
    }};
}

/// The statements of one batch, prepared (from the connection's cache) once per batch.
///
/// Inserts use `OR ROLLBACK` (and the schema's foreign keys are checked at commit): a
/// violation then fails the whole batch, as any error does, and in exchange SQLite needs no
/// statement journal, which would copy the table's last page before every statement.
struct Statements<'c> {
    find: CachedStatement<'c>,
    delete: CachedStatement<'c>,
    document: CachedStatement<'c>,
    sentences: MultiInsert<'c>,
    mentions: MultiInsert<'c>,
    actor: CachedStatement<'c>,
    actor_if_new: CachedStatement<'c>,
    doc_actors: MultiInsert<'c>,
    event: CachedStatement<'c>,
    countries: MultiInsert<'c>,
    participants: MultiInsert<'c>,
    sources: MultiInsert<'c>,
    reports: MultiInsert<'c>,
}

/// The conflict clause of the plain inserts (see [`Statements`]).
const ROLLBACK: &str = "INSERT OR ROLLBACK";

impl<'c> Statements<'c> {
    fn prepare(conn: &'c Connection) -> rusqlite::Result<Statements<'c>> {
        Ok(Statements {
            find: conn.prepare_cached("SELECT id, hash FROM documents WHERE key = ?1")?,
            delete: conn.prepare_cached("DELETE FROM documents WHERE id = ?1")?,
            document: conn.prepare_cached(
                "INSERT OR ROLLBACK INTO documents (key, path, line, format, url, source, title, published,
                   published_datetime, published_from, body, text, text_map, captions, extra,
                   hash, ingested_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
            )?,
            sentences: MultiInsert::prepare(
                conn,
                ROLLBACK,
                "sentences (doc, idx, start, end, caption, headline)",
                6,
            )?,
            mentions: MultiInsert::prepare(
                conn,
                ROLLBACK,
                "mentions (doc, idx, sentence, start, end, form, actors)",
                7,
            )?,
            actor: conn.prepare_cached(
                "INSERT INTO actors (id, name, kind, country, role) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
                   country = excluded.country, role = coalesce(excluded.role, actors.role)",
            )?,
            actor_if_new: conn.prepare_cached(
                "INSERT OR IGNORE INTO actors (id, name, kind, country) VALUES (?1, ?2, ?3, ?4)",
            )?,
            doc_actors: MultiInsert::prepare(
                conn,
                ROLLBACK,
                "doc_actors (doc, actor, mentions, role)",
                4,
            )?,
            event: conn.prepare_cached(
                "INSERT OR ROLLBACK INTO events (id, type, mode, kind, cameo, status, countries, orgs,
                   date_start, date_end, date_precision, date_text, location_name,
                   location_country, location_lat, location_lon, confidence, doc, doc_idx)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                   ?17, ?18, ?19)",
            )?,
            countries: MultiInsert::prepare(
                conn,
                "INSERT OR IGNORE",
                "event_countries (event, country)",
                2,
            )?,
            participants: MultiInsert::prepare(
                conn,
                ROLLBACK,
                "event_participants (event, pos, actor, name, kind, country, role)",
                7,
            )?,
            sources: MultiInsert::prepare(
                conn,
                ROLLBACK,
                "event_sources (event, pos, doc, sentence, text, start, end, published)",
                8,
            )?,
            reports: MultiInsert::prepare(
                conn,
                ROLLBACK,
                "event_reports (event, doc, status, date_start, date_end, date_precision,
                   date_text, confidence, published)",
                9,
            )?,
        })
    }
}

/// An actor mentioned in a document: a row of `doc_actors`.
struct DocActor<'d> {
    /// The actor as first mentioned.
    actor: &'d Actor,
    /// How many mentions refer to it.
    mentions: u32,
    /// Its role on the document's date (the first one given).
    role: Option<&'d str>,
}

/// An event whose row is written and whose child rows wait for [`Batch::flush`].
struct PendingEvent<'a> {
    /// `events.seq` of its row.
    seq: i64,
    /// `documents.id` of its document.
    doc_id: i64,
    /// Index of the event in its document.
    index: usize,
    /// Key of its document.
    key: &'a str,
    /// The stored event id.
    id: String,
    ev: &'a EventRecord,
    /// Index of its document's publication date in [`Batch::published`].
    published: usize,
}

/// The state of one batch: its statements, the actors it wrote and the child rows it has
/// still to write.
struct Batch<'c, 'a> {
    st: Statements<'c>,
    path: &'a str,
    /// Actors committed by earlier batches.
    known: &'a HashMap<String, ActorRow>,
    /// Actors written by this batch (merged into `known` on commit).
    written: HashMap<String, ActorRow>,
    now: String,
    /// Events whose countries, participants, sources and report are not written yet.
    pending: Vec<PendingEvent<'a>>,
    /// Publication dates (`YYYY-MM-DD`) of the documents of `pending`.
    published: Vec<Option<String>>,
}

impl<'a> Batch<'_, 'a> {
    fn stored(&self, id: &str) -> Option<&ActorRow> {
        self.written.get(id).or_else(|| self.known.get(id))
    }

    /// Upserts an actor seen in a mention unless it is stored with these values already.
    fn upsert_actor(&mut self, a: &Actor, key: &str) -> Result<(), StoreError> {
        let kind = a.kind.as_str();
        let old_role = match self.stored(&a.id) {
            Some(old) => {
                let same = old.name == a.name
                    && old.kind == kind
                    && old.country == a.country
                    && (a.role.is_none() || old.role == a.role);
                if same {
                    return Ok(());
                }
                old.role.clone()
            }
            None => None,
        };
        self.st
            .actor
            .execute(params![a.id, a.name, kind, a.country, a.role])
            .map_err(|e| {
                sql_err(self.path, e, || {
                    format!("storing actor {} of document {key}", a.id)
                })
            })?;
        let row = ActorRow {
            name: a.name.clone(),
            kind,
            country: a.country.clone(),
            role: a.role.clone().or(old_role),
        };
        self.written.insert(a.id.clone(), row);
        Ok(())
    }

    /// Writes one document (known not to be stored) and returns its number of events.
    fn insert(&mut self, doc: &'a Document, hash: &str) -> Result<usize, StoreError> {
        let key = doc.key.as_str();
        let path = self.path;
        let line = match doc.line {
            Some(l) => Some(i64::try_from(l).map_err(|_| StoreError::Invalid {
                path: path.to_string(),
                key: key.to_string(),
                detail: format!("line number {l} is too large"),
            })?),
            None => None,
        };
        let published = doc.published.as_ref();
        let published_date = published.map(|p| p.date.to_string());
        let extra = if doc.extra.is_empty() {
            None
        } else {
            Some(serde_json::Value::Object(doc.extra.clone()).to_string())
        };
        let doc_id = self
            .st
            .document
            .insert(params![
                key,
                doc.path,
                line,
                doc.format.map(|f| f.as_str()),
                doc.url,
                doc.source,
                doc.title,
                published_date,
                published.and_then(|p| p.datetime.as_deref()),
                published.map(|p| p.from.as_str()),
                doc.body,
                (doc.text != doc.body).then_some(doc.text.as_str()),
                pack_pairs(doc.map.iter().copied()),
                pack_pairs(doc.captions.iter().map(|s| (s.start, s.end))),
                extra,
                hash,
                self.now,
            ])
            .map_err(|e| sql_err(path, e, || format!("storing document {key}")))?;

        self.st
            .sentences
            .run(&doc.sentences, |st, p, i, s| {
                bind!(
                    st,
                    p,
                    doc_id,
                    i as i64,
                    s.span.start,
                    s.span.end,
                    s.caption,
                    s.headline
                )
            })
            .map_err(|(i, e)| {
                sql_err(path, e, || {
                    format!("storing sentence {i} of document {key}")
                })
            })?;

        let mut ids = String::new();
        self.st
            .mentions
            .run(&doc.mentions, |st, p, i, m| {
                ids.clear();
                json_array_into(&mut ids, m.actors.iter().map(|a| a.id.as_str()));
                bind!(
                    st,
                    p,
                    doc_id,
                    i as i64,
                    m.sentence,
                    m.span.start,
                    m.span.end,
                    m.form.as_str(),
                    ids.as_str()
                )
            })
            .map_err(|(i, e)| {
                sql_err(path, e, || format!("storing mention {i} of document {key}"))
            })?;

        let mut doc_actors: Vec<DocActor<'_>> = Vec::new();
        for a in doc.mentions.iter().flat_map(|m| &m.actors) {
            match doc_actors.iter_mut().find(|d| d.actor.id == a.id) {
                Some(d) => {
                    d.mentions += 1;
                    d.role = d.role.or(a.role.as_deref());
                }
                None => doc_actors.push(DocActor {
                    actor: a,
                    mentions: 1,
                    role: a.role.as_deref(),
                }),
            }
        }
        doc_actors.sort_unstable_by(|x, y| x.actor.id.cmp(&y.actor.id));
        for d in &doc_actors {
            self.upsert_actor(d.actor, key)?;
        }
        self.st
            .doc_actors
            .run(&doc_actors, |st, p, _, d| {
                bind!(st, p, doc_id, d.actor.id.as_str(), d.mentions, d.role)
            })
            .map_err(|(i, e)| {
                let id = doc_actors.get(i).map_or("?", |d| d.actor.id.as_str());
                sql_err(path, e, || format!("storing actor {id} of document {key}"))
            })?;

        let slot = self.published.len();
        self.published.push(published_date);
        for (i, ev) in doc.events.iter().enumerate() {
            self.insert_event(doc, doc_id, i, ev, slot)?;
        }
        Ok(doc.events.len())
    }

    /// Writes one event's row and queues its countries, participants, sources and report
    /// for [`Batch::flush`].
    fn insert_event(
        &mut self,
        doc: &'a Document,
        doc_id: i64,
        index: usize,
        ev: &'a EventRecord,
        published: usize,
    ) -> Result<(), StoreError> {
        let key = doc.key.as_str();
        let path = self.path;
        let id = if ev.id.is_empty() {
            event_id(key, index, ev)
        } else {
            ev.id.clone()
        };
        if !ev.confidence.is_finite() {
            return Err(StoreError::Invalid {
                path: path.to_string(),
                key: key.to_string(),
                detail: format!("event {index} has confidence {}", ev.confidence),
            });
        }
        let date = ev.date.as_ref();
        let loc = ev.location.as_ref();
        let seq = self
            .st
            .event
            .insert(params![
                id,
                ev.event_type.as_str(),
                ev.mode.map(|m| m.as_str()),
                ev.kind,
                ev.cameo,
                ev.status.as_str(),
                json_array(ev.countries.iter().map(String::as_str)),
                json_array(ev.orgs.iter().map(String::as_str)),
                date.map(|d| d.start.as_str()),
                date.map(|d| d.end.as_str()),
                date.map(|d| d.precision.as_str()),
                date.and_then(|d| d.text.as_deref()),
                loc.map(|l| l.name.as_str()),
                loc.and_then(|l| l.country.as_deref()),
                loc.and_then(|l| l.lat),
                loc.and_then(|l| l.lon),
                f64::from(ev.confidence),
                doc_id,
                index as i64,
            ])
            .map_err(|e| {
                sql_err(path, e, || {
                    format!("storing the row of event {id} (event {index} of document {key})")
                })
            })?;
        // Actors first seen as participants, in the order the rows used to be written (an
        // actor's row is whatever was written first).
        for p in &ev.participants {
            if self.stored(&p.actor).is_none() {
                self.st
                    .actor_if_new
                    .execute(params![p.actor, p.name, p.kind.as_str(), p.country])
                    .map_err(|e| {
                        sql_err(path, e, || {
                            format!(
                                "storing a participant's actor of event {id} (event {index} of document {key})"
                            )
                        })
                    })?;
                let row = ActorRow {
                    name: p.name.clone(),
                    kind: p.kind.as_str(),
                    country: p.country.clone(),
                    role: None,
                };
                self.written.insert(p.actor.clone(), row);
            }
        }
        self.pending.push(PendingEvent {
            seq,
            doc_id,
            index,
            key,
            id,
            ev,
            published,
        });
        Ok(())
    }

    /// Writes the queued child rows of the events inserted since the last flush, many rows
    /// per statement. Runs before the commit and before any document is deleted (whose
    /// cascade must see every row that refers to it).
    fn flush(&mut self) -> Result<(), StoreError> {
        let path = self.path;
        let events = &self.pending;
        let published = &self.published;
        let what = |i: usize, part: &str| {
            events.get(i).map_or_else(
                || format!("storing {part} of an event"),
                |e| {
                    format!(
                        "storing {part} of event {} (event {} of document {})",
                        e.id, e.index, e.key
                    )
                },
            )
        };

        let countries: Vec<(usize, &str)> = events
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.ev.countries.iter().map(move |c| (i, c.as_str())))
            .collect();
        self.st
            .countries
            .run(&countries, |st, p, _, &(i, c)| {
                bind!(st, p, events[i].seq, c)
            })
            .map_err(|(k, e)| {
                let i = countries.get(k).map_or(usize::MAX, |r| r.0);
                sql_err(path, e, || what(i, "a country"))
            })?;

        let participants: Vec<(usize, usize)> = events
            .iter()
            .enumerate()
            .flat_map(|(i, e)| (0..e.ev.participants.len()).map(move |pos| (i, pos)))
            .collect();
        self.st
            .participants
            .run(&participants, |st, p, _, &(i, pos)| {
                let part = &events[i].ev.participants[pos];
                bind!(
                    st,
                    p,
                    events[i].seq,
                    pos as i64,
                    part.actor.as_str(),
                    part.name.as_str(),
                    part.kind.as_str(),
                    part.country.as_deref(),
                    part.role.as_deref()
                )
            })
            .map_err(|(k, e)| {
                let i = participants.get(k).map_or(usize::MAX, |r| r.0);
                sql_err(path, e, || what(i, "a participant"))
            })?;

        let sources: Vec<(usize, usize)> = events
            .iter()
            .enumerate()
            .flat_map(|(i, e)| (0..e.ev.sources.len()).map(move |pos| (i, pos)))
            .collect();
        self.st
            .sources
            .run(&sources, |st, p, _, &(i, pos)| {
                let s = &events[i].ev.sources[pos];
                bind!(
                    st,
                    p,
                    events[i].seq,
                    pos as i64,
                    s.doc.as_str(),
                    s.sentence,
                    s.text.as_str(),
                    s.start,
                    s.end,
                    s.published.as_deref()
                )
            })
            .map_err(|(k, e)| {
                let i = sources.get(k).map_or(usize::MAX, |r| r.0);
                sql_err(path, e, || what(i, "a source"))
            })?;

        self.st
            .reports
            .run(events, |st, p, _, e| {
                let ev = e.ev;
                let date = ev.date.as_ref();
                bind!(
                    st,
                    p,
                    e.seq,
                    e.doc_id,
                    ev.status.as_str(),
                    date.map(|d| d.start.as_str()),
                    date.map(|d| d.end.as_str()),
                    date.map(|d| d.precision.as_str()),
                    date.and_then(|d| d.text.as_deref()),
                    f64::from(ev.confidence),
                    published.get(e.published).and_then(|p| p.as_deref())
                )
            })
            .map_err(|(i, e)| sql_err(path, e, || what(i, "the report")))?;

        self.pending.clear();
        self.published.clear();
        Ok(())
    }
}

impl Store {
    /// Stores a batch of documents in one transaction (see [`Store::ingest_batch_with`]).
    pub fn ingest_batch(&mut self, docs: &[Document]) -> Result<BatchOutcome, StoreError> {
        self.ingest_batch_with(docs, &IngestOptions::default())
    }

    /// Stores a batch of documents in one transaction: all of them, or none on error.
    ///
    /// A document whose key is stored with the same [`content_hash`] is skipped (`unchanged`)
    /// unless `options.replace_unchanged`; one stored with another hash is deleted with
    /// everything derived from it and written anew (`replaced`); a new key is `inserted`.
    /// Events with an empty id get [`event_id`]. Fails when an event id given by the caller is
    /// stored already for another document.
    pub fn ingest_batch_with(
        &mut self,
        docs: &[Document],
        options: &IngestOptions,
    ) -> Result<BatchOutcome, StoreError> {
        let path = self.path.as_str();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| sql_err(path, e, || "starting a write transaction".into()))?;
        let mut outcome = BatchOutcome::default();
        let written = {
            let st = Statements::prepare(&tx)
                .map_err(|e| sql_err(path, e, || "preparing the insert statements".into()))?;
            let mut batch = Batch {
                st,
                path,
                known: &self.actors,
                written: HashMap::new(),
                now: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                pending: Vec::new(),
                published: Vec::new(),
            };
            for doc in docs {
                let hash = format!("{:016x}", content_hash(doc));
                let key = doc.key.as_str();
                let old: Option<(i64, String)> =
                    {
                        let mut rows = batch.st.find.query(params![key]).map_err(|e| {
                            sql_err(path, e, || format!("looking up document {key}"))
                        })?;
                        match rows.next().map_err(|e| {
                            sql_err(path, e, || format!("looking up document {key}"))
                        })? {
                            Some(r) => Some((
                                r.get(0).map_err(|e| {
                                    sql_err(path, e, || format!("reading documents.id of {key}"))
                                })?,
                                r.get(1).map_err(|e| {
                                    sql_err(path, e, || format!("reading documents.hash of {key}"))
                                })?,
                            )),
                            None => None,
                        }
                    };
                match old {
                    Some((_, old_hash)) if old_hash == hash && !options.replace_unchanged => {
                        outcome.unchanged += 1;
                        continue;
                    }
                    Some((old_id, _)) => {
                        batch.flush()?;
                        batch.st.delete.execute(params![old_id]).map_err(|e| {
                            sql_err(path, e, || {
                                format!("deleting the old version of document {key}")
                            })
                        })?;
                        outcome.replaced += 1;
                    }
                    None => outcome.inserted += 1,
                }
                outcome.events += batch.insert(doc, &hash)?;
            }
            batch.flush()?;
            batch.written
        };
        tx.commit().map_err(|e| {
            sql_err(path, e, || {
                format!("committing a batch of {} documents", docs.len())
            })
        })?;
        self.actors.extend(written);
        Ok(outcome)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_add_up() {
        let mut total = BatchOutcome::default();
        let batches = [(1, 0, 2, 3), (0, 1, 0, 1)];
        for (inserted, replaced, unchanged, events) in batches {
            total.add(BatchOutcome {
                inserted,
                replaced,
                unchanged,
                events,
            });
        }
        assert_eq!(
            total,
            BatchOutcome {
                inserted: 1,
                replaced: 1,
                unchanged: 2,
                events: 4
            }
        );
    }
}

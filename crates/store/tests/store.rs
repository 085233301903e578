//! Store behaviour end to end, on generated documents.

mod common;

use chrono::NaiveDate;
use common::{article, leader, participant, state};
use entente_doc::{ActorKind, Document, EventRecord, EventStatus, EventType};
use entente_store::{
    event_id, ActorFilter, BatchOutcome, Counts, DocFilter, EventFilter, IngestOptions, Store,
    StoreError, SCHEMA_VERSION,
};

fn corpus(n: usize) -> Vec<Document> {
    (0..n).map(article).collect()
}

/// The events of `doc` with the ids the store assigns.
fn with_ids(doc: &Document) -> Vec<EventRecord> {
    doc.events
        .iter()
        .enumerate()
        .map(|(i, e)| EventRecord {
            id: event_id(&doc.key, i, e),
            ..e.clone()
        })
        .collect()
}

fn all_event_ids(store: &Store) -> Vec<String> {
    let mut ids: Vec<String> = store
        .events(&EventFilter::default())
        .unwrap()
        .into_iter()
        .map(|e| e.id)
        .collect();
    ids.sort();
    ids
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn generated_articles_look_like_news() {
    let docs = corpus(20);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mentions: usize = docs.iter().map(|d| d.mentions.len()).sum();
    println!("average {} bytes, {} mentions", bytes / 20, mentions / 20);
    assert!((2500..4000).contains(&(bytes / 20)));
    assert!((25..35).contains(&(mentions / 20)));
    assert!(docs
        .iter()
        .all(|d| d.sentences.len() == 20 && d.events.len() == 3));
}

#[test]
fn event_records_round_trip_exactly() {
    let mut store = Store::open_in_memory().unwrap();
    let doc = article(7);
    store.ingest_batch(std::slice::from_ref(&doc)).unwrap();
    let expected = with_ids(&doc);
    let filter = EventFilter {
        doc: Some(doc.key.clone()),
        ..EventFilter::default()
    };
    let mut got = store.events(&filter).unwrap();
    got.sort_by_key(|e| expected.iter().position(|x| x.id == e.id));
    assert_eq!(
        serde_json::to_value(&got).unwrap(),
        serde_json::to_value(&expected).unwrap()
    );
    for e in &expected {
        let one = store.event(&e.id).unwrap().unwrap();
        assert_eq!(
            serde_json::to_string(&one).unwrap(),
            serde_json::to_string(e).unwrap()
        );
    }
    // an id given by the caller is kept
    let mut given = article(8);
    given.events[0].id = "ev-given".into();
    store.ingest_batch(&[given]).unwrap();
    assert_eq!(store.event("ev-given").unwrap().unwrap().kind, "summit");
}

#[test]
fn documents_reload_with_their_layers() {
    let mut store = Store::open_in_memory().unwrap();
    let doc = article(3);
    store.ingest_batch(std::slice::from_ref(&doc)).unwrap();
    let (summary, back, events) = store.document(&doc.key).unwrap().unwrap();
    assert_eq!(summary.key, doc.key);
    assert_eq!(summary.title, doc.title);
    assert_eq!(summary.published, doc.published_date());
    assert_eq!(summary.events, 3);
    assert_eq!(events, with_ids(&doc));
    let strip = |d: &Document| {
        let mut v = serde_json::to_value(d).unwrap();
        let o = v.as_object_mut().unwrap();
        for layer in ["tokens", "timexes", "places", "events"] {
            o.remove(layer);
        }
        v
    };
    assert_eq!(strip(&back), strip(&doc));
    assert!(store.document("missing").unwrap().is_none());
}

#[test]
fn reingesting_is_idempotent() {
    let mut store = Store::open_in_memory().unwrap();
    let docs = corpus(60);
    let first = store.ingest_batch(&docs).unwrap();
    assert_eq!(
        first,
        BatchOutcome {
            inserted: 60,
            replaced: 0,
            unchanged: 0,
            events: 180
        }
    );
    let counts = store.counts().unwrap();
    let ids = all_event_ids(&store);
    assert_eq!(ids.len(), 180);
    let again = store.ingest_batch(&docs).unwrap();
    assert_eq!(again.unchanged, 60);
    assert_eq!(again.inserted + again.replaced + again.events, 0);
    assert_eq!(store.counts().unwrap(), counts);
    assert_eq!(all_event_ids(&store), ids);

    // a second store ingesting the same corpus in other batches gets the same ids
    let mut other = Store::open_in_memory().unwrap();
    for chunk in docs.chunks(7) {
        other.ingest_batch(chunk).unwrap();
    }
    assert_eq!(all_event_ids(&other), ids);
    assert_eq!(other.counts().unwrap(), counts);

    // forced replacement keeps everything identical too
    let forced = store
        .ingest_batch_with(
            &docs,
            &IngestOptions {
                replace_unchanged: true,
            },
        )
        .unwrap();
    assert_eq!(forced.replaced, 60);
    assert_eq!(store.counts().unwrap(), counts);
    assert_eq!(all_event_ids(&store), ids);
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn changed_documents_replace_everything_derived() {
    let mut store = Store::open_in_memory().unwrap();
    let docs = corpus(5);
    store.ingest_batch(&docs).unwrap();
    let before = store.counts().unwrap();
    let old_ids = with_ids(&docs[2]);

    let mut changed = docs[2].clone();
    changed.body.push_str(" Updated.");
    changed.events.truncate(1);
    changed.events[0].event_type = EventType::Sanction;
    changed.mentions.truncate(10);
    let outcome = store
        .ingest_batch(&[changed.clone(), docs[3].clone()])
        .unwrap();
    assert_eq!(outcome.replaced, 1);
    assert_eq!(outcome.unchanged, 1);
    assert_eq!(outcome.events, 1);
    let after = store.counts().unwrap();
    assert_eq!(
        after,
        Counts {
            events: before.events - 2,
            mentions: before.mentions - (docs[2].mentions.len() as u64 - 10),
            ..before
        }
    );
    assert!(old_ids
        .iter()
        .all(|e| store.event(&e.id).unwrap().is_none()));
    let (_, back, events) = store.document(&changed.key).unwrap().unwrap();
    assert!(back.body.ends_with("Updated."));
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].event_type, EventType::Sanction);
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn the_same_key_twice_in_one_batch_keeps_the_last_version() {
    let mut store = Store::open_in_memory().unwrap();
    let a = article(1);
    let mut b = a.clone();
    b.title = Some("New title".into());
    let outcome = store.ingest_batch(&[a.clone(), a.clone(), b]).unwrap();
    assert_eq!(
        (outcome.inserted, outcome.unchanged, outcome.replaced),
        (1, 1, 1)
    );
    let (summary, _, _) = store.document(&a.key).unwrap().unwrap();
    assert_eq!(summary.title.as_deref(), Some("New title"));
}

#[test]
fn a_failing_batch_leaves_nothing_behind() {
    let mut store = Store::open_in_memory().unwrap();
    store.ingest_batch(&corpus(3)).unwrap();
    let before = store.counts().unwrap();
    let actors_before = store.actors(&ActorFilter::default()).unwrap();

    let mut fresh = article(100);
    fresh.mentions[0].actors[0] = entente_doc::Actor {
        id: "person:only-in-failed-batch".into(),
        ..leader("KOR")
    };
    let mut b = article(101);
    b.events[0].id = "ev-duplicate".into();
    let mut c = article(102);
    c.events[1].id = "ev-duplicate".into();
    let err = store.ingest_batch(&[fresh, b, c.clone()]).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("ev-duplicate") && msg.contains(&c.key),
        "{msg}"
    );
    assert_eq!(store.counts().unwrap(), before);
    assert!(store.document("article-0000100").unwrap().is_none());
    assert_eq!(
        store.actors(&ActorFilter::default()).unwrap(),
        actors_before
    );

    // the store stays usable, and the actor cache did not keep the rolled-back actor
    let mut fresh = article(100);
    fresh.mentions[0].actors[0] = entente_doc::Actor {
        id: "person:only-in-failed-batch".into(),
        ..leader("KOR")
    };
    store.ingest_batch(&[fresh]).unwrap();
    let found = store.actors(&ActorFilter::default()).unwrap();
    assert!(found
        .iter()
        .any(|a| a.actor.id == "person:only-in-failed-batch"));
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn invalid_documents_are_refused_with_their_key() {
    let mut store = Store::open_in_memory().unwrap();
    let mut doc = article(4);
    doc.events[2].confidence = f32::NAN;
    let err = store.ingest_batch(&[doc]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "database :memory:: document article-0000004: event 2 has confidence NaN"
    );
    assert_eq!(store.counts().unwrap(), Counts::default());
}

/// A small hand-made corpus for the filters.
fn filter_corpus() -> Vec<Document> {
    let mut docs = corpus(3);
    let plan = [
        // (doc, event, type, status, countries, date)
        (
            0,
            0,
            EventType::Consult,
            EventStatus::Occurred,
            vec!["KOR", "PRK"],
            Some(("2019-02-27", "2019-02-28")),
        ),
        (
            0,
            1,
            EventType::Agree,
            EventStatus::Planned,
            vec!["KOR", "PRK", "USA"],
            Some(("2019-03-01", "2019-03-31")),
        ),
        (
            0,
            2,
            EventType::Accuse,
            EventStatus::Occurred,
            vec!["USA", "CHN"],
            None,
        ),
        (
            1,
            0,
            EventType::Consult,
            EventStatus::Cancelled,
            vec!["USA", "PRK"],
            Some(("2019-02-10", "2019-02-10")),
        ),
        (
            1,
            1,
            EventType::Sanction,
            EventStatus::Occurred,
            vec!["USA", "RUS"],
            Some(("2018-12-01", "2018-12-31")),
        ),
        (
            1,
            2,
            EventType::Consult,
            EventStatus::Speculated,
            vec!["TUR", "RUS"],
            Some(("2019-06-01", "2019-06-01")),
        ),
        (
            2,
            0,
            EventType::Consult,
            EventStatus::Occurred,
            vec!["TUR", "USA"],
            Some(("2019-02-28", "2019-02-28")),
        ),
        (
            2,
            1,
            EventType::Agree,
            EventStatus::Occurred,
            vec!["CHN", "JPN"],
            Some(("2019-01-15", "2019-01-15")),
        ),
        (
            2,
            2,
            EventType::Reject,
            EventStatus::Denied,
            vec!["CHN"],
            None,
        ),
    ];
    for (d, e, t, s, countries, when) in plan {
        let ev = &mut docs[d].events[e];
        ev.id = format!("ev-{d}{e}");
        ev.event_type = t;
        ev.status = s;
        ev.countries = countries.iter().map(|c| c.to_string()).collect();
        ev.participants = countries
            .iter()
            .map(|c| {
                participant(
                    &if *c == "TUR" { leader(c) } else { state(c) },
                    "participant",
                )
            })
            .collect();
        match (when, ev.date.as_mut()) {
            (None, _) => ev.date = None,
            (Some((a, b)), Some(date)) => {
                date.start = a.into();
                date.end = b.into();
            }
            (Some((a, b)), None) => {
                ev.date = Some(entente_doc::EventDate {
                    start: a.into(),
                    end: b.into(),
                    precision: "day".into(),
                    text: None,
                })
            }
        }
    }
    docs
}

#[test]
fn event_filters_combine() {
    let mut store = Store::open_in_memory().unwrap();
    store.ingest_batch(&filter_corpus()).unwrap();
    let ids = |f: EventFilter| -> Vec<String> {
        store
            .events(&f)
            .unwrap()
            .into_iter()
            .map(|e| e.id)
            .collect()
    };
    let cases: Vec<(EventFilter, Vec<&str>)> = vec![
        // everything: by date, undated last (then by id)
        (
            EventFilter::default(),
            vec![
                "ev-11", "ev-21", "ev-10", "ev-00", "ev-20", "ev-01", "ev-12", "ev-02", "ev-22",
            ],
        ),
        (
            EventFilter {
                countries: vec!["KOR".into(), "prk".into()],
                ..Default::default()
            },
            vec!["ev-00", "ev-01"],
        ),
        (
            EventFilter {
                countries: vec!["USA".into(), "PRK".into()],
                ..Default::default()
            },
            vec!["ev-10", "ev-01"],
        ),
        (
            EventFilter {
                types: vec![EventType::Agree, EventType::Reject],
                ..Default::default()
            },
            vec!["ev-21", "ev-01", "ev-22"],
        ),
        (
            EventFilter {
                statuses: vec![EventStatus::Occurred],
                types: vec![EventType::Consult],
                ..Default::default()
            },
            vec!["ev-00", "ev-20"],
        ),
        // interval overlap; undated events drop out once a bound is given
        (
            EventFilter {
                from: Some(date("2019-02-28")),
                to: Some(date("2019-03-05")),
                ..Default::default()
            },
            vec!["ev-00", "ev-20", "ev-01"],
        ),
        (
            EventFilter {
                to: Some(date("2019-01-15")),
                ..Default::default()
            },
            vec!["ev-11", "ev-21"],
        ),
        (
            EventFilter {
                from: Some(date("2019-03-31")),
                ..Default::default()
            },
            vec!["ev-01", "ev-12"],
        ),
        // actor by id, or by a case-insensitive piece of its name (non-ASCII too)
        (
            EventFilter {
                actor: Some("state:rus".into()),
                ..Default::default()
            },
            vec!["ev-11", "ev-12"],
        ),
        (
            EventFilter {
                actor: Some("ERDOĞAN".into()),
                ..Default::default()
            },
            vec!["ev-20", "ev-12"],
        ),
        (
            EventFilter {
                actor: Some("nobody at all".into()),
                ..Default::default()
            },
            vec![],
        ),
        (
            EventFilter {
                doc: Some("article-0000002".into()),
                limit: Some(2),
                ..Default::default()
            },
            vec!["ev-21", "ev-20"],
        ),
        (
            EventFilter {
                doc: Some("missing".into()),
                ..Default::default()
            },
            vec![],
        ),
    ];
    for (filter, expected) in cases {
        assert_eq!(ids(filter.clone()), expected, "{filter:?}");
    }
    // listed events carry their children
    let all = store.events(&EventFilter::default()).unwrap();
    assert!(all
        .iter()
        .all(|e| !e.participants.is_empty() && e.sources.len() == 1));
}

#[test]
fn document_and_actor_listings() {
    let mut store = Store::open_in_memory().unwrap();
    store.ingest_batch(&corpus(9)).unwrap();
    let keys = |f: DocFilter| -> Vec<String> {
        store
            .documents(&f)
            .unwrap()
            .into_iter()
            .map(|d| d.key)
            .collect()
    };
    let cases: Vec<(DocFilter, Vec<&str>)> = vec![
        (
            DocFilter {
                limit: Some(2),
                ..Default::default()
            },
            vec!["article-0000008", "article-0000007"],
        ),
        (
            DocFilter {
                limit: Some(2),
                offset: 7,
                ..Default::default()
            },
            vec!["article-0000001", "article-0000000"],
        ),
        (
            DocFilter {
                from: Some(date("2018-01-03")),
                to: Some(date("2018-01-04")),
                ..Default::default()
            },
            vec!["article-0000003", "article-0000002"],
        ),
        (
            DocFilter {
                source: Some("reuters".into()),
                ..Default::default()
            },
            vec!["article-0000007", "article-0000004", "article-0000001"],
        ),
    ];
    for (filter, expected) in cases {
        assert_eq!(keys(filter.clone()), expected, "{filter:?}");
    }
    let all = store.documents(&DocFilter::default()).unwrap();
    assert!(all.iter().all(|d| d.events == 3 && d.format.is_some()));

    let actors = store.actors(&ActorFilter::default()).unwrap();
    let total: u64 = actors.iter().map(|a| a.mentions).sum();
    assert_eq!(total, store.counts().unwrap().mentions);
    assert!(actors.windows(2).all(|w| w[0].mentions >= w[1].mentions));
    assert!(actors.iter().all(|a| a.documents <= 9));
    let people = store
        .actors(&ActorFilter {
            kind: Some(ActorKind::Person),
            limit: Some(3),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(people.len(), 3);
    assert!(people
        .iter()
        .all(|a| a.actor.kind == ActorKind::Person && a.actor.role.is_some()));
    let korea = store
        .actors(&ActorFilter {
            country: Some("kor".into()),
            ..Default::default()
        })
        .unwrap();
    assert!(
        !korea.is_empty()
            && korea
                .iter()
                .all(|a| a.actor.country.as_deref() == Some("KOR"))
    );
    let events_of_participants: u64 = actors.iter().map(|a| a.events).sum();
    assert_eq!(events_of_participants, 9 * 3 * 2);
}

#[test]
fn version_one_databases_are_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(include_str!("../migrations/0001_init.sql"))
            .unwrap();
        conn.execute_batch(
            "INSERT INTO documents (id, key, body, text, hash, ingested_at, published)
               VALUES (1, 'old', 'Body.', 'Body.', '00', '2020-01-01T00:00:00Z', '2019-02-27');
             INSERT INTO events (id, type, kind, cameo, status, countries, orgs, confidence, doc, doc_idx)
               VALUES ('ev-old', 'CONSULT', 'meeting', '040', 'occurred', '[\"KOR\"]', '[]', 0.5, 1, 0);
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let report: (String, String, String) = conn
        .query_row(
            "SELECT e.id, r.status, r.published FROM event_reports r JOIN events e ON e.seq = r.event",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        report,
        ("ev-old".into(), "occurred".into(), "2019-02-27".into())
    );
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.event("ev-old").unwrap().unwrap().countries,
        vec!["KOR"]
    );
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn newer_databases_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99;")
        .unwrap();
    for err in [
        Store::open(&path).unwrap_err(),
        Store::open_read_only(&path).unwrap_err(),
    ] {
        assert!(matches!(err, StoreError::TooNew { found: 99, .. }));
        assert_eq!(
            err.to_string(),
            format!(
                "database {} was written by a newer entente (schema 99, this build knows {SCHEMA_VERSION})",
                path.display()
            )
        );
    }
}

#[test]
fn readers_work_while_a_writer_ingests() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.db");
    let mut writer = Store::open(&path).unwrap();
    writer.ingest_batch(&corpus(10)).unwrap();
    let reader = Store::open_read_only(&path).unwrap();
    assert_eq!(reader.counts().unwrap().documents, 10);
    let docs: Vec<Document> = (10..400).map(article).collect();
    let handle = std::thread::spawn(move || {
        for chunk in docs.chunks(30) {
            writer.ingest_batch(chunk).unwrap();
        }
        writer
    });
    let mut seen = Vec::new();
    for _ in 0..20 {
        let n = reader.counts().unwrap().documents;
        // every snapshot holds whole batches only
        assert_eq!((n - 10) % 30, 0, "{n}");
        seen.push(n);
    }
    let writer = handle.join().unwrap();
    assert!(seen.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(reader.counts().unwrap().documents, 400);
    assert!(reader.ingest_batch_is_refused());
    assert_eq!(writer.integrity_check().unwrap(), "ok");
}

/// Read-only stores cannot write.
trait RefusesWrites {
    fn ingest_batch_is_refused(self) -> bool;
}

impl RefusesWrites for Store {
    fn ingest_batch_is_refused(mut self) -> bool {
        self.ingest_batch(&[article(999)]).is_err()
    }
}

#[test]
fn example_queries_of_the_documentation_run() {
    let doc = include_str!("../../../docs/store.md");
    let sql = doc
        .split("```sql")
        .nth(1)
        .and_then(|s| s.split("```").next())
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("docs.db");
    let mut store = Store::open(&path).unwrap();
    store.ingest_batch(&filter_corpus()).unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mut ran = 0;
    for statement in sql.split(';').filter(|s| s.contains("SELECT")) {
        let mut stmt = conn.prepare(statement).unwrap();
        let columns = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                (0..columns)
                    .map(|i| r.get::<_, rusqlite::types::Value>(i))
                    .collect::<Result<Vec<_>, _>>()
            })
            .unwrap()
            .count();
        println!(
            "{rows} rows: {}",
            statement.trim().lines().next().unwrap_or("")
        );
        ran += 1;
    }
    assert_eq!(ran, 5);
    // the byte-offset recipe cuts out exactly the sentence
    let text_query = sql
        .split(';')
        .find(|s| s.contains("s.idx = 3"))
        .unwrap()
        .replace("'article-1'", "'article-0000001'");
    let got: String = conn.query_row(&text_query, [], |r| r.get(0)).unwrap();
    let doc = article(1);
    assert_eq!(got, doc.sentence_text(3));
}

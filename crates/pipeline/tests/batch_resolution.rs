//! Cross-document resolution during an ingest, batch by batch, gives what one resolution at
//! the end gives: the same resolved events (every column), the same reports in the same order,
//! and a store the next ingest continues from as it would after a single run.

use entente_pipeline::{ingest_with, Engine, RunOptions};
use entente_read::ReadOptions;
use entente_store::Store;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The sample feed's lines and generated reports of meetings among a few leaders (several
/// articles per meeting, plans and outcomes, some articles naming two meetings), in
/// publication order.
fn corpus() -> Vec<String> {
    const PEOPLE: [&str; 5] = [
        "Moon Jae-in",
        "Kim Jong Un",
        "Donald Trump",
        "Xi Jinping",
        "Vladimir Putin",
    ];
    const PLACES: [&str; 3] = ["Hanoi", "Beijing", "Vladivostok"];
    let feed = std::fs::read_to_string(root().join("examples/news/feed.jsonl")).unwrap();
    let mut lines: Vec<(String, String)> = feed
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["published"].as_str().unwrap_or("").to_string(),
                l.to_string(),
            )
        })
        .collect();
    for i in 0..90 {
        let a = PEOPLE[i % 5];
        let b = PEOPLE[(i / 5 + 1 + i % 5) % 5];
        let c = PEOPLE[(i / 3) % 5];
        let place = PLACES[i % 3];
        let published = format!("2019-{:02}-{:02}", i / 30 + 3, (i % 30) / 3 * 3 + 1);
        let mut text = String::new();
        let _ = write!(
            text,
            "{a} met {b} in {place} on Tuesday, officials said. The two sides agreed to hold \
             further talks next month."
        );
        if i % 4 == 0 {
            let _ = write!(
                text,
                "\n\n{c} will visit {place} next week for talks with {b}, the foreign ministry \
                 said."
            );
        }
        let rec = serde_json::json!({
            "id": format!("gen-{i:03}"),
            "source": format!("Wire {}", i % 3),
            "published": published,
            "title": format!("{a} meets {b}"),
            "text": text,
        });
        lines.push((published, rec.to_string()));
    }
    // in resolution order (publication day, then key), as a day's feed is
    lines.sort();
    lines.into_iter().map(|(_, l)| l).collect()
}

/// Every resolved event (all columns but the internal seq) with the ids of its reports in
/// order, by id.
fn resolved(store: &Store) -> Vec<String> {
    let mut rows = store.resolved_events(&[], None, None, None).unwrap();
    rows.sort_by(|a, b| a.id.cmp(&b.id));
    rows.into_iter()
        .map(|r| {
            let (_, reports) = store.resolved_history(&r.id).unwrap().unwrap();
            let ids: Vec<String> = reports.into_iter().map(|x| x.event).collect();
            format!("{r:?} {ids:?}")
        })
        .collect()
}

/// Ingests each file in turn (batches of `batch` articles, a resolution step after every
/// `every` events) into a new store; returns what is resolved after each.
fn run(
    engine: &Engine,
    dir: &Path,
    name: &str,
    files: &[&[String]],
    (batch, every): (usize, usize),
) -> Vec<Vec<String>> {
    let db = dir.join(format!("{name}.db"));
    let mut store = Store::open(&db).unwrap();
    let opts = ReadOptions {
        published: None,
        max_file_bytes: 16 << 20,
    };
    let mut out = Vec::new();
    for (i, lines) in files.iter().enumerate() {
        let path = dir.join(format!("{name}-{i}.jsonl"));
        let mut text = String::new();
        for l in lines.iter() {
            text.push_str(l);
            text.push('\n');
        }
        std::fs::write(&path, text).unwrap();
        let run = RunOptions {
            batch,
            resolve_every: every,
        };
        let s = ingest_with(engine, &[path], &opts, &mut store, &run, |_| {}).unwrap();
        assert!(s.rejected.is_empty(), "{:?}", s.rejected);
        out.push(resolved(&store));
    }
    assert_eq!(store.integrity_check().unwrap(), "ok");
    out
}

#[test]
fn resolution_batch_by_batch_equals_one_resolution_at_the_end() {
    let engine = Engine::load(&root().join("data")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let all = corpus();
    let (old, new) = all.split_at(all.len() / 2);
    // one batch: the whole ingest is resolved at once
    let want = run(&engine, dir.path(), "once", &[&all], (100_000, 1_000_000));
    assert!(want[0].len() > 10, "{:?}", want[0]);
    assert!(
        want[0].iter().any(|r| r.contains("documents: 3")),
        "no event reported by several articles: {:?}",
        want[0]
    );
    let halves = run(
        &engine,
        dir.path(),
        "halves",
        &[old, new],
        (100_000, 1_000_000),
    );
    assert_eq!(halves[1], want[0]);
    // batch by batch into a new store, and onto yesterday's store:
    // (name, articles per batch, events per resolution step)
    let cases = [("b1", 1, 1), ("b2", 2, 1), ("b7", 7, 1), ("b3e20", 3, 20)];
    for (name, batch, every) in cases {
        let got = run(&engine, dir.path(), name, &[&all], (batch, every));
        assert_eq!(got[0], want[0], "{name}: new store");
        let got = run(
            &engine,
            dir.path(),
            &format!("{name}h"),
            &[old, new, new],
            (batch, every),
        );
        assert_eq!(got[0], halves[0], "{name}: first half");
        assert_eq!(got[1], want[0], "{name}: second half onto the first");
        assert_eq!(got[2], want[0], "{name}: the second half again");
    }
}

#[test]
fn batches_out_of_order_are_resolved_at_the_end() {
    let engine = Engine::load(&root().join("data")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let all = corpus();
    let want = run(&engine, dir.path(), "once", &[&all], (100_000, 1_000_000));
    // newest first: every batch after the first sorts before what was resolved
    let mut reversed = all.clone();
    reversed.reverse();
    let got = run(&engine, dir.path(), "reversed", &[&reversed], (5, 1));
    assert_eq!(got[0], want[0]);
    // a replaced document in a later batch
    let mut changed = all.clone();
    let i = changed.iter().position(|l| l.contains("gen-010")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&changed[i]).unwrap();
    v["text"] = "Markets were calm on Tuesday, traders said.".into();
    changed[i] = v.to_string();
    let want = run(
        &engine,
        dir.path(),
        "changed",
        &[&changed],
        (100_000, 1_000_000),
    );
    let got = run(&engine, dir.path(), "replaced", &[&all, &changed], (4, 1));
    assert_eq!(got[1], want[0]);
}

#[test]
fn a_store_in_memory_resolves_on_the_writer_thread_with_the_same_result() {
    // a database file resolves on a thread of its own with a second connection; a store in
    // memory has none and takes its steps between batches
    let engine = Engine::load(&root().join("data")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let all = corpus();
    let want = run(&engine, dir.path(), "once", &[&all], (100_000, 1_000_000));
    let path = dir.path().join("memory.jsonl");
    std::fs::write(&path, all.join("\n") + "\n").unwrap();
    let opts = ReadOptions {
        published: None,
        max_file_bytes: 16 << 20,
    };
    // (articles per batch, events per resolution step)
    for (batch, every) in [(1, 1), (3, 20), (100_000, 1_000_000)] {
        let mut store = Store::open_in_memory().unwrap();
        assert!(store.open_another().unwrap().is_none());
        let run = RunOptions {
            batch,
            resolve_every: every,
        };
        let s = ingest_with(
            &engine,
            std::slice::from_ref(&path),
            &opts,
            &mut store,
            &run,
            |_| {},
        )
        .unwrap();
        assert!(s.rejected.is_empty(), "{:?}", s.rejected);
        assert_eq!(
            resolved(&store),
            want[0],
            "batches of {batch}, steps of {every}"
        );
    }
}

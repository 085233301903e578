//! Incremental resolution through `entente ingest`: ingesting a corpus in dated halves
//! (older first) updates the first half's resolved events in place and gives what one ingest
//! of everything gives; a backfill or a replaced document resolves everything again.

mod util;

use rusqlite::{Connection, OpenFlags};
use std::fmt::Write as _;
use std::path::Path;
use util::Sandbox;

/// The sample feed's lines plus generated articles (meetings of a few leaders reported by
/// several articles each), sorted by publication date.
fn corpus() -> Vec<(String, String)> {
    const PEOPLE: [&str; 4] = ["Moon Jae-in", "Kim Jong Un", "Donald Trump", "Xi Jinping"];
    let feed = std::fs::read_to_string(util::news().join("feed.jsonl")).expect("sample feed");
    let mut lines: Vec<(String, String)> = feed
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("feed line");
            let published = v["published"].as_str().unwrap_or("").to_string();
            (published, l.to_string())
        })
        .collect();
    for i in 0..60 {
        let a = PEOPLE[i % 4];
        let b = PEOPLE[(i / 4 + 1) % 4];
        let published = format!("2019-{:02}-{:02}", i / 10 + 2, (i % 10) * 2 + 3);
        let mut text = String::new();
        let _ = write!(
            text,
            "{a} met {b} in Hanoi on Tuesday, officials said. The two sides agreed to hold \
             further talks next month."
        );
        let rec = serde_json::json!({
            "id": format!("gen-{i:03}"),
            "source": if i % 2 == 0 { "Wire A" } else { "Wire B" },
            "published": published,
            "title": format!("{a} meets {b}"),
            "text": text,
        });
        lines.push((published, rec.to_string()));
    }
    lines.sort();
    lines
}

fn jsonl(lines: &[(String, String)]) -> String {
    lines.iter().map(|(_, l)| format!("{l}\n")).collect()
}

/// Every resolved event (all columns but the seq) with its reports in order, and the
/// resolution counters (runs, full runs).
fn resolved(db: &Path) -> (Vec<String>, (i64, i64)) {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("open db");
    let mut st = conn
        .prepare(
            "SELECT r.id, r.type, r.mode, r.kind, r.countries, r.status, r.date_start,
                    r.date_end, r.date_precision, r.location_name, r.location_country,
                    r.confidence, r.documents, r.sources, r.first_reported, r.last_reported,
                    (SELECT group_concat(e.id, ' ') FROM
                       (SELECT e.id FROM resolved_links l JOIN events e ON e.seq = l.event
                        WHERE l.resolved = r.seq ORDER BY l.pos) e)
             FROM resolved_events r ORDER BY r.id",
        )
        .expect("prepare");
    let rows = st
        .query_map([], |r| {
            let mut s = String::new();
            for i in 0..17 {
                let v: rusqlite::types::Value = r.get(i)?;
                let _ = write!(s, "{v:?}|");
            }
            Ok(s)
        })
        .expect("query")
        .map(|r| r.expect("row"))
        .collect();
    let counters = conn
        .query_row(
            "SELECT runs, rebuilds FROM resolution_state WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("resolution state");
    (rows, counters)
}

fn ingest(sb: &Sandbox, name: &str, lines: &[(String, String)]) {
    let path = sb.write(name, jsonl(lines));
    sb.ingest(&[path]).ok();
}

#[test]
fn ingest_in_dated_halves_updates_events_in_place() {
    let all = corpus();
    let (old, new) = all.split_at(all.len() / 2);
    let once = Sandbox::new();
    ingest(&once, "all.jsonl", &all);
    let (want, _) = resolved(&once.db());
    assert!(want.len() > 5, "{want:?}");
    // some events are reported by several articles
    assert!(
        want.iter().any(|r| r.contains("Integer(2)|")),
        "no event with several reports: {want:?}"
    );

    let halves = Sandbox::new();
    ingest(&halves, "old.jsonl", old);
    let (first, c1) = resolved(&halves.db());
    assert_eq!(c1, (1, 1), "the first run of a new store is a full one");
    ingest(&halves, "new.jsonl", new);
    let (got, c2) = resolved(&halves.db());
    assert_eq!(c2, (2, 1), "the newer half must be resolved in place");
    assert_eq!(got, want);
    // events of the first half keep their ids
    let ids = |rows: &[String]| -> Vec<String> {
        rows.iter()
            .filter_map(|r| r.split('|').next().map(str::to_string))
            .collect()
    };
    let later = ids(&got);
    assert!(ids(&first).iter().all(|id| later.contains(id)));

    // nothing new: still no full run
    ingest(&halves, "new.jsonl", new);
    assert_eq!(resolved(&halves.db()), (want, (3, 1)));
}

#[test]
fn a_backfill_resolves_everything_again() {
    let all = corpus();
    let (old, new) = all.split_at(all.len() / 2);
    let once = Sandbox::new();
    ingest(&once, "all.jsonl", &all);
    let (want, _) = resolved(&once.db());

    let sb = Sandbox::new();
    ingest(&sb, "new.jsonl", new);
    ingest(&sb, "old.jsonl", old);
    let (got, counters) = resolved(&sb.db());
    assert_eq!(counters, (2, 2), "an older article makes a full run");
    assert_eq!(got, want);
}

#[test]
fn a_replaced_document_resolves_everything_again() {
    let all = corpus();
    let mut changed = all.clone();
    let i = changed
        .iter()
        .position(|(_, l)| l.contains("gen-010"))
        .expect("generated line");
    let mut v: serde_json::Value = serde_json::from_str(&changed[i].1).expect("line");
    v["text"] = "Markets were calm on Tuesday, traders said.".into();
    changed[i].1 = v.to_string();

    let once = Sandbox::new();
    ingest(&once, "all.jsonl", &changed);
    let (want, _) = resolved(&once.db());

    let sb = Sandbox::new();
    ingest(&sb, "all.jsonl", &all);
    let (before, _) = resolved(&sb.db());
    assert_ne!(before, want, "the change must matter to the test");
    ingest(&sb, "all.jsonl", &changed);
    let (got, counters) = resolved(&sb.db());
    assert_eq!(counters, (2, 2), "a replaced document makes a full run");
    assert_eq!(got, want);
}

#[test]
fn events_resolved_under_other_rules_are_resolved_again() {
    let all = corpus();
    let (old, new) = all.split_at(all.len() / 2);
    let once = Sandbox::new();
    ingest(&once, "all.jsonl", &all);
    let (want, _) = resolved(&once.db());

    let sb = Sandbox::new();
    ingest(&sb, "old.jsonl", old);
    // the store says its events were matched by an older version of the rules
    Connection::open(sb.db())
        .expect("open db")
        .execute("UPDATE resolution_state SET rules = 1 WHERE id = 1", [])
        .expect("age the rules");
    ingest(&sb, "new.jsonl", new);
    let (got, counters) = resolved(&sb.db());
    assert_eq!(counters, (2, 2), "other rules make a full run");
    assert_eq!(got, want);
    // the full run recorded today's rules: the next ingest is in place again
    ingest(&sb, "new.jsonl", new);
    assert_eq!(resolved(&sb.db()).1, (3, 2));
}

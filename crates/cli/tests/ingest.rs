//! `entente ingest` end to end: idempotence, interruption, bad inputs, help, errors, stdin.

mod util;

use rusqlite::{Connection, OpenFlags};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};
use util::Sandbox;

/// A JSON Lines corpus of `n` short generated articles (three sentences, varied names,
/// places and dates), as one string.
fn generated_corpus(n: usize) -> String {
    const PEOPLE: [&str; 6] = [
        "Moon Jae-in",
        "Kim Jong Un",
        "Donald Trump",
        "Xi Jinping",
        "Vladimir Putin",
        "Shinzo Abe",
    ];
    const PLACES: [&str; 6] = ["Hanoi", "Beijing", "Seoul", "Pyongyang", "Moscow", "Tokyo"];
    let mut out = String::with_capacity(n * 260);
    for i in 0..n {
        let a = PEOPLE[i % 6];
        let b = PEOPLE[(i / 6 + 1) % 6];
        let place = PLACES[(i / 36) % 6];
        let published = format!("2019-{:02}-{:02}", i % 12 + 1, i % 27 + 1);
        let text = format!(
            "{a} met {b} in {place} on Tuesday, officials said. The two sides agreed to hold \
             further talks next month. Article number {i} was filed from {place}."
        );
        let rec = serde_json::json!({
            "id": format!("gen-{i:06}"),
            "source": "Generated Wire",
            "published": published,
            "title": format!("{a} meets {b} in {place}"),
            "text": text,
        });
        let _ = writeln!(out, "{rec}");
    }
    out
}

/// The summary of `ingest --format json`.
fn summary(out: &util::Output) -> Value {
    out.json()
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// Per-document (sentences, mentions, events) counts, by key.
fn per_doc_counts(db: &Path) -> BTreeMap<String, (i64, i64, i64)> {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("open db");
    let mut st = conn
        .prepare(
            "SELECT d.key,
                    (SELECT count(*) FROM sentences s WHERE s.doc = d.id),
                    (SELECT count(*) FROM mentions m WHERE m.doc = d.id),
                    (SELECT count(*) FROM events e WHERE e.doc = d.id)
             FROM documents d",
        )
        .expect("prepare");
    let rows = st
        .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))))
        .expect("query");
    rows.map(|r| r.expect("row")).collect()
}

#[test]
fn ingesting_twice_changes_nothing() {
    let sb = Sandbox::new();
    let first = sb
        .run(&[
            "ingest".as_ref(),
            util::news().as_os_str(),
            "--quiet".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
        ])
        .ok();
    let s1 = summary(&first);
    let read = s1["read"].as_u64().expect("read");
    assert!(read > 0);
    assert_eq!(s1["inserted"].as_u64(), Some(read), "first run: {s1}");
    let docs1 = sb.run(&["docs", "--format", "jsonl"]).ok().stdout;
    let events1 = sb.run(&["events", "--format", "jsonl"]).ok().stdout;

    let second = sb
        .run(&[
            "ingest".as_ref(),
            util::news().as_os_str(),
            "--quiet".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
        ])
        .ok();
    let s2 = summary(&second);
    assert_eq!(s2["read"].as_u64(), Some(read), "second run: {s2}");
    assert_eq!(s2["inserted"].as_u64(), Some(0), "second run: {s2}");
    assert_eq!(s2["replaced"].as_u64(), Some(0), "second run: {s2}");
    assert_eq!(s2["unchanged"].as_u64(), Some(read), "second run: {s2}");
    let docs2 = sb.run(&["docs", "--format", "jsonl"]).ok().stdout;
    let events2 = sb.run(&["events", "--format", "jsonl"]).ok().stdout;
    assert_eq!(docs1, docs2, "docs differ after a second ingest");
    assert_eq!(events1, events2, "events differ after a second ingest");

    // the text summary says so too
    let text = sb.ingest(&[util::news()]).ok().stdout;
    assert!(text.contains(" 0 new"), "text summary: {text}");
    assert!(
        text.contains(&format!("{read} unchanged")),
        "text summary: {text}"
    );
}

#[test]
fn killed_ingest_leaves_a_consistent_database_and_a_rerun_completes() {
    const N: usize = 6000;
    const BATCH: usize = 200;
    let sb = Sandbox::new();
    let corpus = sb.write("big/feed.jsonl", generated_corpus(N));
    let db = sb.db();

    // reference: the first two batches ingested on their own, to compare document contents
    let reference = Sandbox::new();
    let head: String = generated_corpus(2 * BATCH);
    let head_file = reference.write("head.jsonl", head);
    reference.ingest(&[&head_file]).ok();
    let expected = per_doc_counts(&reference.db());
    assert_eq!(expected.len(), 2 * BATCH);

    let mut child = sb
        .cmd(&[
            "ingest".as_ref(),
            corpus.as_os_str(),
            "--batch".as_ref(),
            "200".as_ref(),
            "--quiet".as_ref(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn ingest");

    // poll until at least one batch is committed, then kill
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut finished_early = false;
    loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            // the whole ingest ran before we saw a batch: nothing to interrupt
            assert!(status.success(), "ingest failed: {status}");
            finished_early = true;
            break;
        }
        let committed = Connection::open_with_flags(&db, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .and_then(|c| c.query_row("SELECT count(*) FROM documents", [], |r| r.get::<_, i64>(0)))
            .unwrap_or(0);
        if committed > 0 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "no batch committed within two minutes"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    if !finished_early {
        child.kill().expect("kill ingest");
    }
    let _ = child.wait();

    let stored = {
        let conn = Connection::open(&db).expect("open db after kill");
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("integrity_check");
        assert_eq!(check, "ok");
        let fk: i64 = count(&conn, "SELECT count(*) FROM pragma_foreign_key_check");
        assert_eq!(fk, 0, "foreign key violations after kill");
        let docs = count(&conn, "SELECT count(*) FROM documents");
        assert!(docs > 0);
        assert_eq!(
            docs % BATCH as i64,
            0,
            "{docs} documents: a batch was stored in part"
        );
        let bare = count(
            &conn,
            "SELECT count(*) FROM documents d WHERE NOT EXISTS \
             (SELECT 1 FROM sentences s WHERE s.doc = d.id)",
        );
        assert_eq!(bare, 0, "documents stored without their sentences");
        let orphans = count(
            &conn,
            "SELECT count(*) FROM events e WHERE NOT EXISTS \
             (SELECT 1 FROM event_sources s WHERE s.event = e.seq)",
        );
        assert_eq!(orphans, 0, "events stored without their sources");
        eprintln!("killed after {docs} of {N} documents were committed (finished early: {finished_early})");
        docs as usize
    };
    // every document stored before the kill is whole: same counts as in the reference
    let got = per_doc_counts(&db);
    for (key, counts) in &got {
        if let Some(want) = expected.get(key) {
            assert_eq!(counts, want, "{key}: (sentences, mentions, events)");
        }
    }

    // a rerun completes and stores the rest
    let rerun = sb
        .run(&[
            "ingest".as_ref(),
            corpus.as_os_str(),
            "--batch".as_ref(),
            "200".as_ref(),
            "--quiet".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
        ])
        .ok();
    let s = summary(&rerun);
    assert_eq!(s["read"].as_u64(), Some(N as u64), "{s}");
    assert_eq!(s["replaced"].as_u64(), Some(0), "{s}");
    assert_eq!(s["unchanged"].as_u64(), Some(stored as u64), "{s}");
    assert_eq!(s["inserted"].as_u64(), Some((N - stored) as u64), "{s}");
    let conn = Connection::open_with_flags(&db, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("open");
    assert_eq!(count(&conn, "SELECT count(*) FROM documents"), N as i64);
}

#[test]
fn bad_inputs_are_named_and_good_ones_stored() {
    let sb = Sandbox::new();
    let good = "{\"id\": \"good-1\", \"published\": \"2019-02-08\", \"title\": \"One\", \
                \"text\": \"Moon Jae-in met Kim Jong Un in Panmunjom on Friday.\"}\n";
    let broken = "{\"id\": \"broken\", \"text\": \"unterminated\n";
    let good2 = "{\"id\": \"good-2\", \"published\": \"2019-02-09\", \"title\": \"Two\", \
                 \"text\": \"Xi Jinping will visit Pyongyang next week.\"}\n";
    sb.write("in/feed.jsonl", format!("{good}{broken}{good2}"));
    sb.write(
        "in/good.txt",
        "Abe visits Beijing\n\nPublished: 2018-10-26\n\nJapanese Prime Minister Shinzo Abe \
         met Chinese President Xi Jinping in Beijing on Friday.\n",
    );
    sb.write(
        "in/latin1.txt",
        b"Caf\xe9 talks\n\nThe ministers met in Par\xeds.\n",
    );
    sb.write("in/empty.txt", "");
    let big_line = "The delegations met again for talks on Tuesday. ".repeat(20);
    let mut big = String::with_capacity(50 << 20);
    while big.len() < 50 << 20 {
        big.push_str(&big_line);
        big.push('\n');
    }
    sb.write("in/huge.txt", big);

    let out = sb.ingest(&[sb.path().join("in")]);
    assert_eq!(out.code, 1, "exit code; stderr:\n{}", out.stderr);
    for name in ["feed.jsonl:2", "latin1.txt", "empty.txt", "huge.txt"] {
        assert!(
            out.stderr.contains(name),
            "stderr does not name {name}:\n{}",
            out.stderr
        );
    }
    for good in ["feed.jsonl:1", "feed.jsonl:3", "good.txt"] {
        assert!(
            !out.stderr.contains(good),
            "stderr names a good input {good}:\n{}",
            out.stderr
        );
    }
    let docs = sb.run(&["docs", "--format", "jsonl"]).ok().jsonl();
    let mut keys: Vec<&str> = docs.iter().filter_map(|d| d["key"].as_str()).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["good-1", "good-2", "good.txt"], "stored documents");
}

/// Subcommand names listed under "Commands:" in a help text.
fn subcommands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_string)
        .collect()
}

#[test]
fn every_subcommand_has_help_with_examples() {
    let sb = Sandbox::new();
    let top = sb.run(&["--help"]).ok().stdout;
    assert!(top.contains("Examples"), "entente --help:\n{top}");
    let cmds = subcommands(&top);
    for expected in ["ingest", "docs", "actors", "events", "show", "time", "eval"] {
        assert!(
            cmds.iter().any(|c| c == expected),
            "{expected} missing from {cmds:?}"
        );
    }
    let mut missing = Vec::new();
    for c in &cmds {
        let help = sb.run(&[c.as_str(), "--help"]).ok().stdout;
        if !help.contains("Examples") {
            missing.push(c.clone());
        }
        for sub in subcommands(&help) {
            let h = sb.run(&[c.as_str(), sub.as_str(), "--help"]).ok().stdout;
            if !h.contains("Examples") {
                missing.push(format!("{c} {sub}"));
            }
        }
    }
    assert!(missing.is_empty(), "--help without Examples: {missing:?}");
}

#[test]
fn a_missing_database_is_a_fatal_error_naming_it() {
    let out = util::run_cmd(
        {
            let mut c = std::process::Command::new(util::bin());
            c.args(["events", "--db", "/nonexistent.db"])
                .env_remove("ENTENTE_DB");
            c
        },
        None,
    );
    assert_eq!(out.code, 2, "stderr: {}", out.stderr);
    assert!(
        out.stderr.contains("/nonexistent.db"),
        "stderr: {}",
        out.stderr
    );
    assert!(out.stdout.is_empty(), "stdout: {}", out.stdout);
    assert!(
        !Path::new("/nonexistent.db").exists(),
        "the file was created"
    );
}

#[test]
fn stdin_is_read_with_a_publication_date_from_the_command_line() {
    let sb = Sandbox::new();
    let text = std::fs::read(util::news().join("text/2019-02-09-hanoi-named.txt"))
        .expect("sample article");
    // drop the date line so that --published supplies the date
    let text = String::from_utf8(text).expect("utf-8");
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with("Date:"))
        .collect::<Vec<_>>()
        .join("\n");
    let out = sb.run_stdin(
        &["ingest", "-", "--published", "2019-02-08", "--quiet"],
        body.as_bytes(),
    );
    assert_eq!(out.code, 0, "stderr: {}", out.stderr);
    let docs = sb.run(&["docs", "--format", "jsonl"]).ok().jsonl();
    assert_eq!(docs.len(), 1, "{docs:?}");
    assert_eq!(docs[0]["published"], "2019-02-08");
    assert!(!sb.events().is_empty(), "no events from stdin");
}

//! Snapshots of the events found in a few sample articles, rendered for people to review.
//!
//! Extraction changes often; after a deliberate change, review and accept the new renderings
//! with `cargo insta review` (or `INSTA_UPDATE=always cargo test -p entente-cli --test snapshots`).

mod util;

use serde_json::Value;
use std::fmt::Write as _;
use std::path::PathBuf;
use util::Sandbox;

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or("-")
}

/// One block per event: the headline facts, the participants, then the evidence.
fn render(events: &[Value]) -> String {
    let mut evs: Vec<&Value> = events.iter().collect();
    evs.sort_by_key(|e| {
        (
            e["sources"][0]["sentence"].as_u64().unwrap_or(0),
            s(&e["type"]).to_string(),
            s(&e["status"]).to_string(),
            e["countries"].to_string(),
        )
    });
    let mut out = String::new();
    if evs.is_empty() {
        out.push_str("(no events)\n");
    }
    for e in evs {
        let countries: Vec<&str> = e["countries"]
            .as_array()
            .map(|a| a.iter().map(s).collect())
            .unwrap_or_default();
        let date = if e["date"].is_null() {
            "undated".to_string()
        } else {
            let d = &e["date"];
            format!(
                "{}..{} ({}, {:?})",
                s(&d["start"]),
                s(&d["end"]),
                s(&d["precision"]),
                s(&d["text"])
            )
        };
        let place = if e["location"].is_null() {
            "nowhere".to_string()
        } else {
            format!(
                "{} ({})",
                s(&e["location"]["name"]),
                s(&e["location"]["country"])
            )
        };
        let _ = writeln!(
            out,
            "{} {} {} [{}] {} @ {}",
            s(&e["type"]),
            e["mode"].as_str().unwrap_or("-"),
            s(&e["status"]),
            countries.join(" "),
            date,
            place
        );
        let parts: Vec<String> = e["participants"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|p| format!("{} ({})", s(&p["name"]), p["role"].as_str().unwrap_or("-")))
                    .collect()
            })
            .unwrap_or_default();
        let _ = writeln!(out, "  who: {}", parts.join("; "));
        for src in e["sources"].as_array().into_iter().flatten() {
            let _ = writeln!(out, "  > [{}] {}", src["sentence"], s(&src["text"]));
        }
        out.push('\n');
    }
    out
}

/// Ingests one file into a fresh database and renders its events.
fn events_of(file: PathBuf) -> String {
    let sb = Sandbox::new();
    sb.ingest(&[file]).ok();
    render(&sb.events())
}

fn sample(rel: &str) -> PathBuf {
    util::news().join(rel)
}

#[test]
fn hanoi_named() {
    insta::assert_snapshot!(events_of(sample("text/2019-02-09-hanoi-named.txt")));
}

#[test]
fn wang_yi_pyongyang_spun_text() {
    insta::assert_snapshot!(events_of(sample(
        "text/2018-05-04-wang-yi-pyongyang-spun.txt"
    )));
}

#[test]
fn dmz_meeting_scraped_html() {
    insta::assert_snapshot!(events_of(sample("html/2019-06-30-dmz-meeting.html")));
}

#[test]
fn trump_calls_off_summit() {
    insta::assert_snapshot!(events_of(sample(
        "text/2018-05-24-trump-calls-off-summit.txt"
    )));
}

#[test]
fn feed_line_blinken_xi() {
    let feed = std::fs::read_to_string(sample("feed.jsonl")).expect("feed.jsonl");
    let line = feed
        .lines()
        .find(|l| l.contains("\"feed-2023-06-19-blinken-xi\""))
        .expect("the blinken-xi line");
    let sb = Sandbox::new();
    let file = sb.write("one.jsonl", format!("{line}\n"));
    sb.ingest(&[file]).ok();
    insta::assert_snapshot!(render(&sb.events()));
}

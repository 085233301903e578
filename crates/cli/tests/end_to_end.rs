//! The time engine and event extraction through the command line, on text written here.

mod util;

use serde_json::Value;
use util::Sandbox;

#[test]
fn time_resolves_next_week_against_the_publication_date() {
    let sb = Sandbox::new();
    let out = sb
        .run(&[
            "time",
            "Kim will travel to Hanoi next week.",
            "--published",
            "2019-02-18",
            "--format",
            "json",
        ])
        .ok()
        .json();
    let found = out.as_array().expect("an array of time expressions");
    let next_week = found
        .iter()
        .find(|t| t["text"] == "next week")
        .unwrap_or_else(|| panic!("\"next week\" not found in {out}"));
    assert_eq!(next_week["interval"]["start"], "2019-02-25", "{next_week}");
    assert_eq!(next_week["interval"]["end"], "2019-03-03", "{next_week}");
}

#[test]
fn time_reads_standard_input() {
    let sb = Sandbox::new();
    let out = sb
        .run_stdin(
            &["time", "-", "--published", "2019-02-18", "--format", "json"],
            b"The summit was held last March.",
        )
        .ok()
        .json();
    let found = out.as_array().expect("array");
    assert!(
        found
            .iter()
            .any(|t| t["interval"]["start"] == "2018-03-01" && t["interval"]["end"] == "2018-03-31"),
        "last March from 2019-02-18: {out}"
    );
}

fn is_consult(e: &Value) -> bool {
    e["type"] == "CONSULT"
}

/// Ingests one article and checks for a planned CONSULT in the week of 2019-06-24 and an
/// occurred event dated 2019-06-12.
fn check_planned_and_past(body: &str) {
    let sb = Sandbox::new();
    let article = sb.write("news/2019-06-20-kim-hanoi.txt", body);
    sb.ingest(&[article]).ok();
    let events = sb.events();
    let listing = events
        .iter()
        .map(|e| e.to_string())
        .collect::<Vec<_>>()
        .join("\n");

    let planned = events.iter().any(|e| {
        is_consult(e)
            && e["status"] == "planned"
            && e["date"]["start"]
                .as_str()
                .is_some_and(|d| ("2019-06-24"..="2019-06-30").contains(&d))
    });
    assert!(
        planned,
        "no planned CONSULT dated in the week of 2019-06-24:\n{listing}"
    );

    let held = events.iter().any(|e| {
        e["status"] == "occurred"
            && e["date"]["start"] == "2019-06-12"
            && e["date"]["end"] == "2019-06-12"
    });
    assert!(held, "no occurred event dated 2019-06-12:\n{listing}");
}

#[test]
fn planned_and_past_meetings_get_their_own_dates() {
    check_planned_and_past(
        "Kim to travel to Hanoi for talks\n\n\
         Published: 2019-06-20\n\n\
         North Korean leader Kim Jong Un will travel to Hanoi next week for talks with \
         Vietnamese President Nguyen Phu Trong, state media said on Thursday.\n\n\
         The two leaders held talks on June 12.\n",
    );
}

/// The same with only a surname and "the two leaders": the participants must come from the
/// title and the context.
#[test]
fn planned_and_past_meetings_from_short_sentences() {
    check_planned_and_past(
        "Kim Jong Un to visit Vietnam\n\n\
         Published: 2019-06-20\n\n\
         Kim will travel to Hanoi next week for talks with Nguyen Phu Trong.\n\n\
         The two leaders held talks on June 12.\n",
    );
}

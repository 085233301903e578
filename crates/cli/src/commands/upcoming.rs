//! `entente upcoming`: planned and speculated events still ahead, as known on a given day.
//!
//! As-of semantics: only documents published on or before the as-of date are resolved, so
//! `--as-of 2019-02-01` shows what the news said on that day.

use super::timeline::open;
use crate::output::{cut, print_json, print_table};
use chrono::{Duration, NaiveDate};
use entente_doc::EventStatus;
use entente_resolve::{resolve_stored, ResolvedEvent};
use entente_store::Store;
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::ExitCode;

/// Output formats of `entente upcoming`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum UpcomingFormat {
    /// Aligned columns.
    #[default]
    Table,
    /// One JSON array.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// iCalendar (RFC 5545): one all-day VEVENT per event.
    Ics,
}

/// Arguments of `entente upcoming`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  entente upcoming
  entente upcoming --as-of 2019-02-01 --days 60
  entente upcoming --as-of 2019-02-01 --format ics > summits.ics")]
pub struct Args {
    /// The day to look from (default: today); only reports published by then count.
    #[arg(long)]
    pub as_of: Option<NaiveDate>,
    /// Only events starting within this many days of the as-of date.
    #[arg(long)]
    pub days: Option<i64>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = UpcomingFormat::Table)]
    pub format: UpcomingFormat,
}

/// One upcoming event.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct Upcoming {
    /// Resolved id.
    pub id: String,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub event_type: String,
    /// Finer kind.
    pub kind: String,
    /// Parties.
    pub countries: Vec<String>,
    /// `planned` or `speculated`.
    pub status: String,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// Date precision.
    pub precision: String,
    /// Place.
    pub location: Option<String>,
    /// Highest report confidence.
    pub confidence: f32,
    /// Reporting documents.
    pub reports: usize,
    /// Publishers (document keys where the publisher is unknown).
    pub sources: Vec<String>,
}

/// Planned and speculated events whose date has not ended by `as_of` (and, with `days`,
/// that start within that many days), soonest first.
pub fn upcoming(events: &[ResolvedEvent], as_of: NaiveDate, days: Option<i64>) -> Vec<Upcoming> {
    let horizon = days.map(|d| as_of + Duration::days(d));
    let mut out: Vec<Upcoming> = events
        .iter()
        .filter(|e| matches!(e.status, EventStatus::Planned | EventStatus::Speculated))
        .filter_map(|e| {
            let d = e.date.as_ref()?;
            if d.end < as_of || horizon.is_some_and(|h| d.start > h) {
                return None;
            }
            let sources: BTreeSet<String> = e
                .reports
                .iter()
                .map(|r| r.source.clone().unwrap_or_else(|| r.doc.clone()))
                .collect();
            Some(Upcoming {
                id: e.id.clone(),
                event_type: e.event_type.as_str().to_string(),
                kind: e.kind.clone(),
                countries: e.parties.clone(),
                status: e.status.as_str().to_string(),
                start: d.start,
                end: d.end,
                precision: d.precision.clone(),
                location: e.location.clone(),
                confidence: e.confidence,
                reports: e.documents,
                sources: sources.into_iter().collect(),
            })
        })
        .collect();
    out.sort_by(|a, b| (a.start, a.end, &a.id).cmp(&(b.start, b.end, &b.id)));
    out
}

/// Upcoming events of a store as of a day.
pub fn upcoming_in(
    store: &Store,
    as_of: NaiveDate,
    days: Option<i64>,
) -> anyhow::Result<Vec<Upcoming>> {
    let events = resolve_stored(store, Some(as_of))?;
    Ok(upcoming(&events, as_of, days))
}

/// Escapes a TEXT value (RFC 5545 3.3.11).
fn ics_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded at 75 octets (RFC 5545 3.1), with CRLF.
fn ics_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

/// The events as an iCalendar file: one all-day VEVENT each (DTEND exclusive).
pub fn to_ics(events: &[Upcoming], stamp: NaiveDate) -> String {
    let mut out = String::new();
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//entente//upcoming//EN",
        "CALSCALE:GREGORIAN",
    ] {
        ics_line(&mut out, l);
    }
    for e in events {
        ics_line(&mut out, "BEGIN:VEVENT");
        ics_line(&mut out, &format!("UID:{}", e.id));
        ics_line(
            &mut out,
            &format!("DTSTAMP:{}T000000Z", stamp.format("%Y%m%d")),
        );
        ics_line(
            &mut out,
            &format!("DTSTART;VALUE=DATE:{}", e.start.format("%Y%m%d")),
        );
        let end = e.end + Duration::days(1);
        ics_line(
            &mut out,
            &format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")),
        );
        let summary = format!("{} {}: {}", e.event_type, e.kind, e.countries.join(", "));
        ics_line(&mut out, &format!("SUMMARY:{}", ics_text(&summary)));
        let desc = format!(
            "status {} ({} date); confidence {:.2}; {} reports; sources: {}",
            e.status,
            e.precision,
            e.confidence,
            e.reports,
            e.sources.join(", ")
        );
        ics_line(&mut out, &format!("DESCRIPTION:{}", ics_text(&desc)));
        if let Some(l) = &e.location {
            ics_line(&mut out, &format!("LOCATION:{}", ics_text(l)));
        }
        let status = if e.status == "planned" {
            "CONFIRMED"
        } else {
            "TENTATIVE"
        };
        ics_line(&mut out, &format!("STATUS:{status}"));
        ics_line(&mut out, "END:VEVENT");
    }
    ics_line(&mut out, "END:VCALENDAR");
    out
}

/// Runs `entente upcoming`.
pub fn run(db: &Path, a: Args) -> anyhow::Result<ExitCode> {
    let store = open(db)?;
    let as_of = a.as_of.unwrap_or_else(|| chrono::Local::now().date_naive());
    let rows = upcoming_in(&store, as_of, a.days)?;
    match a.format {
        UpcomingFormat::Table => {
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|e| {
                    vec![
                        if e.start == e.end {
                            e.start.to_string()
                        } else {
                            format!("{}..{}", e.start, e.end)
                        },
                        e.status.clone(),
                        format!("{:.2}", e.confidence),
                        e.event_type.clone(),
                        e.kind.clone(),
                        e.countries.join(","),
                        e.id.clone(),
                        cut(&e.sources.join(", "), 60),
                    ]
                })
                .collect();
            print_table(
                &[
                    "DATE",
                    "STATUS",
                    "CONF",
                    "TYPE",
                    "KIND",
                    "COUNTRIES",
                    "ID",
                    "SOURCES",
                ],
                &cells,
            )?;
        }
        UpcomingFormat::Json => print_json(&rows, crate::output::Format::Json)?,
        UpcomingFormat::Jsonl => print_json(&rows, crate::output::Format::Jsonl)?,
        UpcomingFormat::Ics => print!("{}", to_ics(&rows, as_of)),
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn sample(id: &str, start: &str, end: &str, location: Option<&str>) -> Upcoming {
        Upcoming {
            id: id.into(),
            event_type: "CONSULT".into(),
            kind: "summit".into(),
            countries: vec!["PRK".into(), "USA".into()],
            status: "planned".into(),
            start: d(start),
            end: d(end),
            precision: "day".into(),
            location: location.map(str::to_string),
            confidence: 0.8,
            reports: 2,
            sources: vec![
                "Yonhap; wire, a very long publisher name that forces the line to fold over".into(),
            ],
        }
    }

    #[test]
    fn ics_parses_with_an_icalendar_parser() {
        let events = [
            sample(
                "re-0000000000000001",
                "2019-02-27",
                "2019-02-28",
                Some("Hanoi"),
            ),
            sample("re-0000000000000002", "2019-03-01", "2019-03-31", None),
        ];
        let ics = to_ics(&events, d("2019-02-01"));
        assert!(ics.lines().all(|l| l.len() <= 76), "folded");
        let mut parser = ical::IcalParser::new(ics.as_bytes());
        let cal = parser.next().expect("a calendar").expect("valid iCalendar");
        assert!(parser.next().is_none());
        assert_eq!(cal.events.len(), 2);
        let prop = |i: usize, name: &str| {
            cal.events[i]
                .properties
                .iter()
                .find(|p| p.name == name)
                .and_then(|p| p.value.clone())
        };
        let cases = [
            (0, "UID", "re-0000000000000001"),
            (0, "DTSTART", "20190227"),
            (0, "DTEND", "20190301"),
            (0, "SUMMARY", "CONSULT summit: PRK\\, USA"),
            (0, "LOCATION", "Hanoi"),
            (1, "DTEND", "20190401"),
        ];
        for (i, name, want) in cases {
            assert_eq!(prop(i, name).as_deref(), Some(want), "{name}");
        }
        let desc = prop(0, "DESCRIPTION").unwrap();
        assert!(desc.starts_with("status planned"), "{desc}");
        assert!(desc.contains("sources: Yonhap\\; wire"), "{desc}");
    }

    #[test]
    fn sample_corpus_upcoming_in_date_order_with_the_hanoi_summit() {
        let corpus = crate::paths::sample_news();
        if !corpus.is_dir() {
            println!("skipped: no sample corpus at {}", corpus.display());
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("u.db");
        let data = crate::paths::data_dir();
        super::super::ingest::ingest_into(
            &db,
            &data,
            &[corpus],
            &entente_read::ReadOptions::default(),
            64,
            true,
        )
        .unwrap();
        let store = Store::open_read_only(&db).unwrap();
        let is_hanoi = |r: &Upcoming| {
            r.countries.contains(&"PRK".to_string())
                && r.countries.contains(&"USA".to_string())
                && r.start <= d("2019-02-27")
                && r.end >= d("2019-02-27")
        };
        // (as-of, whether the extractor's events published by then announce the Hanoi summit)
        let cases = [
            ("2019-02-01", false),
            ("2019-02-10", true),
            ("2019-02-26", true),
        ];
        for (as_of, hanoi) in cases {
            let as_of = d(as_of);
            let rows = upcoming_in(&store, as_of, None).unwrap();
            for r in &rows {
                println!(
                    "{as_of}: {} {} {} {:?} {}",
                    r.start, r.end, r.status, r.countries, r.id
                );
            }
            assert!(
                rows.windows(2).all(|w| w[0].start <= w[1].start),
                "soonest first"
            );
            assert!(rows.iter().all(|r| r.end >= as_of), "ahead of {as_of}");
            assert!(
                rows.iter()
                    .all(|r| r.status == "planned" || r.status == "speculated"),
                "only plans"
            );
            if hanoi {
                assert!(
                    rows.iter().any(is_hanoi),
                    "Hanoi summit upcoming on {as_of}"
                );
            }
        }
        // the day after it was held, it is no longer upcoming
        let rows = upcoming_in(&store, d("2019-03-01"), None).unwrap();
        assert!(!rows.iter().any(is_hanoi));
    }
}

//! `entente timeline`: resolved events in date order, with how many reports each has.

use crate::output::{cut, print_csv, print_json, print_table, Format};
use anyhow::{bail, Context};
use chrono::NaiveDate;
use entente_resolve::GRACE_DAYS;
use entente_store::{ResolvedRow, Store};
use serde::Serialize;
use std::path::Path;
use std::process::ExitCode;

/// Opens the database read-only, with a helpful message when it does not exist.
pub(crate) fn open(db: &Path) -> anyhow::Result<Store> {
    if !db.exists() {
        bail!(
            "database {} does not exist (run `entente ingest PATH` or `entente demo` first, or pass --db)",
            db.display()
        );
    }
    Store::open_read_only(db).with_context(|| format!("opening database {}", db.display()))
}

/// Arguments of `entente timeline`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  entente timeline --country PRK --country USA
  entente timeline --actor moon --from 2018-01-01 --to 2018-12-31 --format jsonl")]
pub struct Args {
    /// Only events involving this state (ISO alpha-3); repeat for several (all must take part).
    #[arg(long)]
    pub country: Vec<String>,
    /// Only events with a participant whose id or name contains this.
    #[arg(long)]
    pub actor: Option<String>,
    /// Only events ending on or after this date.
    #[arg(long)]
    pub from: Option<NaiveDate>,
    /// Only events starting on or before this date.
    #[arg(long)]
    pub to: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// One line of the timeline (also the JSON form of a resolved event).
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct TimelineRow {
    /// Resolved id.
    pub id: String,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub event_type: String,
    /// Finer kind.
    pub kind: String,
    /// CONSULT mode.
    pub mode: Option<String>,
    /// Parties.
    pub countries: Vec<String>,
    /// Current status.
    pub status: String,
    /// Planned, its date past by more than the grace period, never reported held.
    pub overdue: bool,
    /// First day.
    pub date_start: Option<String>,
    /// Last day.
    pub date_end: Option<String>,
    /// Date precision.
    pub date_precision: Option<String>,
    /// Place.
    pub location: Option<String>,
    /// Reporting documents.
    pub reports: u32,
    /// Distinct publishers.
    pub sources: u32,
    /// First report.
    pub first_reported: Option<String>,
    /// Last report.
    pub last_reported: Option<String>,
    /// Confidence.
    pub confidence: f32,
}

/// The timeline row of a resolved event, with its overdue flag as of `today`.
pub fn row(r: &ResolvedRow, today: NaiveDate) -> TimelineRow {
    let end = r
        .date
        .as_ref()
        .and_then(|d| d.end.parse::<NaiveDate>().ok());
    TimelineRow {
        id: r.id.clone(),
        event_type: r.event_type.as_str().to_string(),
        kind: r.kind.clone(),
        mode: r.mode.map(|m| m.as_str().to_string()),
        countries: r.countries.clone(),
        status: r.status.as_str().to_string(),
        overdue: r.status == entente_doc::EventStatus::Planned
            && end.is_some_and(|e| (today - e).num_days() > GRACE_DAYS),
        date_start: r.date.as_ref().map(|d| d.start.clone()),
        date_end: r.date.as_ref().map(|d| d.end.clone()),
        date_precision: r.date.as_ref().map(|d| d.precision.clone()),
        location: r.location_name.clone(),
        reports: r.documents,
        sources: r.sources,
        first_reported: r.first_reported.map(|d| d.to_string()),
        last_reported: r.last_reported.map(|d| d.to_string()),
        confidence: r.confidence,
    }
}

fn date_cell(r: &TimelineRow) -> String {
    match (&r.date_start, &r.date_end) {
        (Some(s), Some(e)) if s == e => s.clone(),
        (Some(s), Some(e)) => format!("{s}..{e}"),
        _ => "undated".into(),
    }
}

fn status_cell(r: &TimelineRow) -> String {
    if r.overdue {
        format!("{} (overdue)", r.status)
    } else {
        r.status.clone()
    }
}

/// Runs `entente timeline`.
pub fn run(db: &Path, a: Args) -> anyhow::Result<ExitCode> {
    let store = open(db)?;
    let countries: Vec<String> = a.country.iter().map(|c| c.to_ascii_uppercase()).collect();
    let found = store.resolved_events(&countries, a.actor.as_deref(), a.from, a.to)?;
    let today = chrono::Local::now().date_naive();
    let rows: Vec<TimelineRow> = found.iter().map(|r| row(r, today)).collect();
    let header = [
        "DATE",
        "STATUS",
        "TYPE",
        "KIND",
        "COUNTRIES",
        "REPORTS",
        "SOURCES",
        "ID",
        "PLACE",
    ];
    let cells = |r: &TimelineRow| {
        vec![
            date_cell(r),
            status_cell(r),
            r.event_type.clone(),
            r.kind.clone(),
            cut(&r.countries.join(","), 30),
            r.reports.to_string(),
            r.sources.to_string(),
            r.id.clone(),
            r.location.clone().unwrap_or_default(),
        ]
    };
    let cells: Vec<Vec<String>> = rows.iter().map(cells).collect();
    match a.format {
        Format::Table => print_table(&header, &cells)?,
        Format::Csv => print_csv(&header, &cells)?,
        f => print_json(&rows, f)?,
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use entente_pipeline::Engine;
    use entente_read::ReadOptions;
    use std::path::PathBuf;

    /// Every resolved event with the documents of its reports, in order.
    fn snapshot(store: &Store) -> Vec<(ResolvedRow, Vec<String>)> {
        store
            .resolved_events(&[], None, None, None)
            .unwrap()
            .into_iter()
            .map(|r| {
                let (_, reports) = store.resolved_history(&r.id).unwrap().unwrap();
                (r, reports.into_iter().map(|x| x.event).collect())
            })
            .collect()
    }

    #[test]
    fn incremental_shuffled_ingest_equals_resolution_from_scratch() {
        let corpus = crate::paths::sample_news();
        if !corpus.is_dir() {
            println!("skipped: no sample corpus at {}", corpus.display());
            return;
        }
        let mut files: Vec<PathBuf> = Vec::new();
        for sub in ["text", "html"] {
            for e in std::fs::read_dir(corpus.join(sub)).unwrap() {
                files.push(e.unwrap().path());
            }
        }
        files.push(corpus.join("feed.jsonl"));
        files.sort();
        // a fixed shuffle: order by a hash of the name
        files.sort_by_key(|p| {
            xorshift(
                p.to_string_lossy()
                    .bytes()
                    .fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b))),
            )
        });
        let engine = Engine::load(&crate::paths::data_dir()).unwrap();
        let opts = ReadOptions::default();
        let mut incremental = Store::open_in_memory().unwrap();
        for chunk in files.chunks(files.len() / 4 + 1) {
            entente_pipeline::ingest(&engine, chunk, &opts, &mut incremental, 7, |_| {}).unwrap();
        }
        let mut whole = Store::open_in_memory().unwrap();
        entente_pipeline::ingest(&engine, &[corpus], &opts, &mut whole, 64, |_| {}).unwrap();
        let a = snapshot(&incremental);
        assert!(!a.is_empty());
        assert_eq!(
            a,
            snapshot(&whole),
            "shuffled incremental ingest = one ingest"
        );
        // A full run from scratch (which leaves the store marked for a rebuild), then the
        // incremental entry point (which rebuilds): both equal the incremental ingest.
        entente_resolve::resolve_store_full(&mut incremental).unwrap();
        assert_eq!(a, snapshot(&incremental), "= resolution from scratch");
        entente_resolve::resolve_store(&mut incremental).unwrap();
        assert_eq!(a, snapshot(&incremental), "= incremental after a full run");
        assert_eq!(incremental.integrity_check().unwrap(), "ok");
    }

    fn xorshift(mut x: u64) -> u64 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    }

    #[test]
    fn overdue_needs_a_past_plan() {
        let plan = |status: entente_doc::EventStatus, end: &str| ResolvedRow {
            id: "re-1".into(),
            event_type: entente_doc::EventType::Consult,
            mode: None,
            kind: "summit".into(),
            countries: vec!["PRK".into(), "USA".into()],
            status,
            date: Some(entente_doc::EventDate {
                start: end.into(),
                end: end.into(),
                precision: "day".into(),
                text: None,
            }),
            location_name: None,
            location_country: None,
            confidence: 0.5,
            documents: 1,
            sources: 1,
            first_reported: None,
            last_reported: None,
        };
        let today = NaiveDate::from_ymd_opt(2019, 3, 10).unwrap();
        use entente_doc::EventStatus::{Occurred, Planned};
        let cases = [
            (Planned, "2019-02-28", true),
            (Planned, "2019-03-05", false),
            (Occurred, "2019-02-28", false),
        ];
        for (status, end, overdue) in cases {
            assert_eq!(
                row(&plan(status, end), today).overdue,
                overdue,
                "{status} {end}"
            );
        }
    }
}

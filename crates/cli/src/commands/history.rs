//! `entente history EVENT_ID`: every report of a resolved event, in order.

use super::timeline::{open, row, TimelineRow};
use crate::output::{cut, print_table};
use anyhow::bail;
use serde::Serialize;
use std::path::Path;
use std::process::ExitCode;

/// Arguments of `entente history`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  entente timeline --country PRK --country USA     find an id
  entente history re-1a2b3c4d5e6f7a8b")]
pub struct Args {
    /// Resolved event id (`re-…`, from `entente timeline`).
    pub id: String,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct Report {
    event: String,
    doc: String,
    source: Option<String>,
    published: Option<String>,
    status: String,
    date_start: Option<String>,
    date_end: Option<String>,
    date_precision: Option<String>,
    date_text: Option<String>,
    text: Option<String>,
}

#[derive(Serialize)]
struct History {
    #[serde(flatten)]
    event: TimelineRow,
    history: Vec<Report>,
}

/// Runs `entente history`.
pub fn run(db: &Path, a: Args) -> anyhow::Result<ExitCode> {
    let store = open(db)?;
    let Some((resolved, reports)) = store.resolved_history(&a.id)? else {
        bail!(
            "no resolved event {} (ids come from `entente timeline`)",
            a.id
        );
    };
    let today = chrono::Local::now().date_naive();
    let h = History {
        event: row(&resolved, today),
        history: reports
            .into_iter()
            .map(|r| Report {
                event: r.event,
                doc: r.doc,
                source: r.source,
                published: r.published.map(|d| d.to_string()),
                status: r.status.as_str().to_string(),
                date_start: r.date.as_ref().map(|d| d.start.clone()),
                date_end: r.date.as_ref().map(|d| d.end.clone()),
                date_precision: r.date.as_ref().map(|d| d.precision.clone()),
                date_text: r.date.as_ref().and_then(|d| d.text.clone()),
                text: r.text,
            })
            .collect(),
    };
    if a.json {
        println!("{}", serde_json::to_string_pretty(&h)?);
        return Ok(ExitCode::SUCCESS);
    }
    let e = &h.event;
    println!(
        "{} {} {} [{}] now {}{}, date {}, {} reports from {} sources",
        e.id,
        e.event_type,
        e.kind,
        e.countries.join(","),
        e.status,
        if e.overdue { " (overdue)" } else { "" },
        match (&e.date_start, &e.date_end) {
            (Some(s), Some(t)) => format!("{s}..{t}"),
            _ => "unknown".into(),
        },
        e.reports,
        e.sources
    );
    let rows: Vec<Vec<String>> = h
        .history
        .iter()
        .map(|r| {
            vec![
                r.published.clone().unwrap_or_else(|| "undated".into()),
                r.status.clone(),
                match (&r.date_start, &r.date_end) {
                    (Some(s), Some(t)) if s == t => s.clone(),
                    (Some(s), Some(t)) => format!("{s}..{t}"),
                    _ => "-".into(),
                },
                r.date_text.clone().unwrap_or_default(),
                r.doc.clone(),
                cut(r.text.as_deref().unwrap_or(""), 80),
            ]
        })
        .collect();
    print_table(
        &[
            "PUBLISHED",
            "STATUS",
            "DATE",
            "AS WRITTEN",
            "DOCUMENT",
            "SENTENCE",
        ],
        &rows,
    )?;
    Ok(ExitCode::SUCCESS)
}

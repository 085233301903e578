//! `entente ingest`.

use anyhow::Context;
use chrono::NaiveDate;
use entente_pipeline::{ingest, Engine, IngestSummary};
use entente_read::ReadOptions;
use entente_store::Store;
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `entente ingest`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  entente ingest examples/news
  entente ingest feed.jsonl --published 2019-02-08
  cat page.html | entente ingest - --published 2019-02-08
  entente ingest news/ --db day.db --format json

Exit status: 0 when every input was stored, 1 when some were rejected (they are listed on
stderr), 2 on a fatal error.")]
pub struct Args {
    /// Files or directories to read (recursively); "-" reads standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Publication date for articles that give none (YYYY-MM-DD).
    #[arg(long)]
    pub published: Option<NaiveDate>,
    /// Articles per transaction (larger batches write less to disk: each commit rewrites
    /// the index pages it touched).
    #[arg(long, default_value_t = 2048)]
    pub batch: usize,
    /// Largest text or HTML file accepted, in MiB.
    #[arg(long, default_value_t = 16)]
    pub max_file_mib: u64,
    /// Summary format.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    pub format: SummaryFormat,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

/// How the ingest summary is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SummaryFormat {
    /// Lines for people.
    Text,
    /// One JSON object.
    Json,
}

#[derive(Serialize)]
struct JsonSummary<'a> {
    read: usize,
    inserted: usize,
    replaced: usize,
    unchanged: usize,
    events: usize,
    undated: usize,
    rejected: Vec<JsonRejection<'a>>,
    seconds: f64,
    articles_per_second: f64,
    database: String,
}

#[derive(Serialize)]
struct JsonRejection<'a> {
    input: &'a str,
    error: &'a str,
}

/// Ingests into `db` and prints the summary; shared with `demo`.
pub fn ingest_into(
    db: &Path,
    data: &Path,
    paths: &[PathBuf],
    opts: &ReadOptions,
    batch: usize,
    quiet: bool,
) -> anyhow::Result<(IngestSummary, f64)> {
    // freed batches are reused, not handed back to the system and faulted in again
    entente_pipeline::keep_freed_memory();
    let engine =
        Engine::load(data).with_context(|| format!("loading data from {}", data.display()))?;
    let mut store =
        Store::open(db).with_context(|| format!("opening database {}", db.display()))?;
    let bar = if !quiet && std::io::stderr().is_terminal() {
        let b = ProgressBar::new_spinner();
        b.set_style(
            ProgressStyle::with_template("{spinner} {elapsed_precise} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        b.enable_steady_tick(std::time::Duration::from_millis(120));
        Some(b)
    } else {
        None
    };
    let start = Instant::now();
    let summary = ingest(&engine, paths, opts, &mut store, batch, |p| {
        if let Some(b) = &bar {
            b.set_message(format!(
                "{} articles read, {} stored, {} events, {} rejected",
                p.read, p.stored, p.events, p.rejected
            ));
        }
    })
    .with_context(|| format!("writing to database {}", db.display()))?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    Ok((summary, start.elapsed().as_secs_f64()))
}

/// Prints rejections to stderr and the summary to stdout.
pub fn report(
    db: &Path,
    s: &IngestSummary,
    secs: f64,
    format: SummaryFormat,
) -> anyhow::Result<()> {
    for r in &s.rejected {
        eprintln!("entente: rejected {}: {}", r.what, r.message);
    }
    let rate = if secs > 0.0 {
        s.read as f64 / secs
    } else {
        0.0
    };
    match format {
        SummaryFormat::Json => {
            let j = JsonSummary {
                read: s.read,
                inserted: s.stored.inserted,
                replaced: s.stored.replaced,
                unchanged: s.stored.unchanged,
                events: s.stored.events,
                undated: s.undated,
                rejected: s
                    .rejected
                    .iter()
                    .map(|r| JsonRejection {
                        input: &r.what,
                        error: &r.message,
                    })
                    .collect(),
                seconds: (secs * 1000.0).round() / 1000.0,
                articles_per_second: rate.round(),
                database: db.display().to_string(),
            };
            println!("{}", serde_json::to_string_pretty(&j)?);
        }
        SummaryFormat::Text => {
            println!(
                "{} articles read in {:.2} s ({:.0}/s): {} new, {} replaced, {} unchanged; {} events stored in {}",
                s.read,
                secs,
                rate,
                s.stored.inserted,
                s.stored.replaced,
                s.stored.unchanged,
                s.stored.events,
                db.display()
            );
            if s.undated > 0 {
                println!(
                    "{} article(s) had no publication date (none in metadata or text, no --published): their relative dates were not resolved",
                    s.undated
                );
            }
            if !s.rejected.is_empty() {
                println!("{} input(s) rejected (see above)", s.rejected.len());
            }
        }
    }
    Ok(())
}

/// Runs `entente ingest`.
pub fn run(db: &Path, data: &Path, a: Args) -> anyhow::Result<ExitCode> {
    let opts = ReadOptions {
        published: a.published,
        max_file_bytes: a.max_file_mib.saturating_mul(1 << 20),
    };
    let (summary, secs) = ingest_into(db, data, &a.paths, &opts, a.batch, a.quiet)?;
    report(db, &summary, secs, a.format)?;
    Ok(if summary.rejected.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

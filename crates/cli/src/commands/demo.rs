//! `entente demo`: the bundled sample news, end to end.

use super::ingest::{ingest_into, report, SummaryFormat};
use super::query::{print_events, EventsArgs};
use crate::output::Format;
use entente_read::ReadOptions;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `entente demo`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  entente demo
  entente demo --db /tmp/demo.db --limit 100")]
pub struct Args {
    /// The sample corpus (default: the bundled examples/news).
    #[arg(long)]
    pub corpus: Option<PathBuf>,
    /// How many events to list.
    #[arg(long, default_value_t = 40)]
    pub limit: usize,
}

/// Runs the demo.
pub fn run(db: &Path, data: &Path, a: Args) -> anyhow::Result<ExitCode> {
    let corpus = a.corpus.unwrap_or_else(crate::paths::sample_news);
    println!(
        "Ingesting the sample news in {} into {}",
        corpus.display(),
        db.display()
    );
    let (summary, secs) = ingest_into(db, data, &[corpus], &ReadOptions::default(), 512, false)?;
    report(db, &summary, secs, SummaryFormat::Text)?;
    println!();
    let args = EventsArgs {
        limit: Some(a.limit),
        format: Format::Table,
        ..EventsArgs::default()
    };
    print_events(db, &args)?;
    println!();
    println!("Next: `entente events --help`, `entente show ID`, `entente eval events`.");
    Ok(if summary.rejected.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

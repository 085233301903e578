//! `entente`: read international-affairs news into a queryable store of diplomatic events.
//!
//! Flags and glue only: every capability lives in a library crate.

mod commands;
mod output;
mod paths;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Every command allocates with mimalloc (for Rust and SQLite alike): ingest spends 15-25 %
/// less CPU than with the system allocator.
#[global_allocator]
static ALLOCATOR: entente_pipeline::Allocator = entente_pipeline::Allocator;

/// Read international-affairs news into a queryable store of diplomatic events.
#[derive(Parser, Debug)]
#[command(name = "entente", version, about, long_about = None, after_help = EXAMPLES)]
struct Cli {
    /// Database file (SQLite).
    #[arg(long, global = true, default_value = "entente.db", env = "ENTENTE_DB")]
    db: PathBuf,
    /// Data directory holding kb/ and lexicon/ (default: $ENTENTE_DATA, ./data, or the
    /// repository's data/).
    #[arg(long, global = true, env = "ENTENTE_DATA")]
    data: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

const EXAMPLES: &str = "Examples:
  entente demo                                   ingest the bundled sample news and list events
  entente ingest news/ feed.jsonl --db day.db    ingest files and directories
  entente events --country PRK --country USA --status planned
  entente show ev-1a2b3c4d5e6f7a8b
  entente eval events                            score extraction on the sample corpus gold";

#[derive(Subcommand, Debug)]
enum Command {
    /// Ingest the bundled sample news into the database and show the events found.
    Demo(commands::demo::Args),
    /// Read news files (text, HTML, JSON Lines), directories or stdin ("-") into the database.
    Ingest(commands::ingest::Args),
    /// List stored documents.
    Docs(commands::query::DocsArgs),
    /// List actors (states, organisations, people) with how often they are mentioned.
    Actors(commands::query::ActorsArgs),
    /// List events, filtered by country, actor, type, status and date.
    Events(commands::query::EventsArgs),
    /// Show one event with its evidence, or one document with its events.
    Show(commands::query::ShowArgs),
    /// Resolved (real-world) events in date order, with how many reports each has.
    Timeline(commands::timeline::Args),
    /// Planned and speculated events still ahead, as known on a given day (iCalendar too).
    Upcoming(commands::upcoming::Args),
    /// Every report of one resolved event, in order, with its status and date as reported.
    History(commands::history::Args),
    /// Find and normalize the time expressions of a text.
    Time(commands::time::Args),
    /// Score entente against evaluation data.
    #[command(
        subcommand,
        after_help = "Examples:\n  entente eval events --errors\n  entente eval time\n  entente eval html\n  entente eval petrarch\n  entente eval plover\n  entente eval resolution"
    )]
    Eval(commands::eval::EvalCommand),
}

fn main() -> ExitCode {
    // `entente events | head` must end quietly when the reader goes away, as Unix tools do,
    // instead of panicking on a broken pipe in `println!`.
    #[cfg(unix)]
    // SAFETY: restoring the default action of one signal before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    let data = cli.data.clone().unwrap_or_else(paths::data_dir);
    let result = match cli.command {
        Command::Demo(a) => commands::demo::run(&cli.db, &data, a),
        Command::Ingest(a) => commands::ingest::run(&cli.db, &data, a),
        Command::Docs(a) => commands::query::docs(&cli.db, a),
        Command::Actors(a) => commands::query::actors(&cli.db, a),
        Command::Events(a) => commands::query::events(&cli.db, a),
        Command::Show(a) => commands::query::show(&cli.db, a),
        Command::Timeline(a) => commands::timeline::run(&cli.db, a),
        Command::Upcoming(a) => commands::upcoming::run(&cli.db, a),
        Command::History(a) => commands::history::run(&cli.db, a),
        Command::Time(a) => commands::time::run(a),
        Command::Eval(c) => commands::eval::run(&data, c),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("entente: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

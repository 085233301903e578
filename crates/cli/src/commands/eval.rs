//! `entente eval …`: scores against evaluation data.

use crate::paths;
use anyhow::Context;
use entente_time::Tagger;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Evaluations.
#[derive(clap::Subcommand, Debug)]
pub enum EvalCommand {
    /// Event extraction against the sample corpus gold (type + countries + date + status).
    Events(super::eval_events::Args),
    /// Cross-document resolution against the gold clusters (pairwise and B-cubed F1, chains).
    Resolution(super::eval_resolution::Args),
    /// CAMEO dyads against the PETRARCH-2 validation sentences (found and extra codings).
    Petrarch(super::eval_petrarch::Args),
    /// Event-type accuracy against the PLOVER gold standard (CAMEO manual examples).
    Plover(super::eval_plover::Args),
    /// HTML main-text extraction: word-overlap F1 on the article extraction benchmark.
    #[command(
        after_help = "Examples:\n  entente eval html ../shared/eval/html/article_extraction_benchmark"
    )]
    Html {
        /// Benchmark folder (html/*.html.gz and ground-truth.json).
        dir: Option<PathBuf>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Time expressions: TempEval-3 extent and value scores, Duckling accuracy.
    #[command(
        after_help = "Examples:\n  entente eval time --tempeval ../shared/eval/time/tempeval3 --duckling ../shared/eval/time/duckling_en_corpus.jsonl"
    )]
    Time {
        /// TempEval-3 folder (with te3-platinum.flat.jsonl).
        #[arg(long)]
        tempeval: Option<PathBuf>,
        /// Duckling corpus (JSON Lines).
        #[arg(long)]
        duckling: Option<PathBuf>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

fn or_shared(p: Option<PathBuf>, rel: &str) -> PathBuf {
    p.unwrap_or_else(|| paths::shared().join(rel))
}

fn emit<T: serde::Serialize + std::fmt::Display>(r: &T, json: bool) -> anyhow::Result<()> {
    if json {
        println!("{}", serde_json::to_string_pretty(r)?);
    } else {
        println!("{r}");
    }
    Ok(())
}

/// Runs an evaluation.
pub fn run(data: &Path, c: EvalCommand) -> anyhow::Result<ExitCode> {
    match c {
        EvalCommand::Events(a) => super::eval_events::run(data, a),
        EvalCommand::Resolution(a) => super::eval_resolution::run(data, a),
        EvalCommand::Petrarch(a) => super::eval_petrarch::run(data, a),
        EvalCommand::Plover(a) => super::eval_plover::run(data, a),
        EvalCommand::Html { dir, json } => {
            let dir = or_shared(dir, "eval/html/article_extraction_benchmark");
            let r = entente_read::eval::html_benchmark(&dir)
                .with_context(|| format!("evaluating HTML extraction on {}", dir.display()))?;
            emit(&r, json)?;
            Ok(ExitCode::SUCCESS)
        }
        EvalCommand::Time {
            tempeval,
            duckling,
            json,
        } => {
            let tagger = Tagger::new();
            let both = tempeval.is_none() && duckling.is_none();
            if tempeval.is_some() || both {
                let dir = or_shared(tempeval, "eval/time/tempeval3");
                let r = entente_time::eval::tempeval(&dir, &tagger)
                    .with_context(|| format!("evaluating on TempEval-3 in {}", dir.display()))?;
                emit(&r, json)?;
            }
            if duckling.is_some() || both {
                let f = or_shared(duckling, "eval/time/duckling_en_corpus.jsonl");
                let r = entente_time::eval::duckling(&f, &tagger)
                    .with_context(|| format!("evaluating on Duckling's corpus {}", f.display()))?;
                emit(&r, json)?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Prints titled lists of error lines, as `--errors` of the evaluations does.
/// Reads a JSON Lines file of `what`s (blank lines skipped).
///
/// # Errors
/// An unreadable file, or a line that is not a valid `what` (the message names the line).
pub(crate) fn read_jsonl<T: serde::de::DeserializeOwned>(
    path: &Path,
    what: &str,
) -> anyhow::Result<Vec<T>> {
    use std::io::BufRead;
    let f = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut out = Vec::new();
    for (i, line) in std::io::BufReader::new(f).lines().enumerate() {
        let line = line.with_context(|| format!("{}:{}", path.display(), i + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        out.push(
            serde_json::from_str(&line)
                .with_context(|| format!("{}:{}: not a {what}", path.display(), i + 1))?,
        );
    }
    Ok(out)
}

pub(crate) fn print_lists(lists: &[(&str, &[String])]) {
    for (title, items) in lists {
        println!("\n{title} ({}):", items.len());
        for m in *items {
            println!("  {m}");
        }
    }
}

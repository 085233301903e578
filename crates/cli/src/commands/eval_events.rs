//! `entente eval events`: extraction scored against gold event annotations.
//!
//! Each gold line is one event as reported by one document. Predictions of a document are
//! aligned one-to-one with its gold events of the same type, greedily by similarity (shared
//! states, date, status, evidence sentence). A field of an aligned pair is correct when:
//! countries are the same set; the dates are both absent, or overlap with an
//! intersection-over-union of at least 0.5 (in days); the statuses and modes are equal; the
//! locations name the same country. Precision of a field = correct pairs / predictions,
//! recall = correct pairs / gold. `overall` needs type, countries, date and status all correct.
//! With `--errors`, gold events aligned with no prediction are listed as missed, predictions
//! aligned with no gold event as spurious (a wrong type, a split event or no event at all), and
//! aligned pairs with a wrong field as wrong, with the fields that differ.

use crate::output::cut;
use anyhow::Context;
use chrono::NaiveDate;
use entente_doc::{EventRecord, EventStatus, EventType, Mode};
use entente_pipeline::Engine;
use entente_read::{read_paths, ReadOptions};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `entente eval events`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  entente eval events
  entente eval events --gold examples/gold/events.jsonl --corpus examples/news --errors")]
pub struct Args {
    /// Gold annotations (JSON Lines; default: the bundled examples/gold/events.jsonl).
    #[arg(long)]
    pub gold: Option<PathBuf>,
    /// The corpus the gold annotates (default: the bundled examples/news).
    #[arg(long)]
    pub corpus: Option<PathBuf>,
    /// List missed and spurious events.
    #[arg(long)]
    pub errors: bool,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// A gold date.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldDate {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
}

/// A gold location.
#[derive(Debug, Clone, Deserialize)]
#[allow(dead_code)] // read for completeness of the gold format; scoring compares countries
pub struct GoldLocation {
    /// Place name.
    pub name: String,
    /// ISO alpha-3.
    pub country: Option<String>,
}

/// One gold event line.
#[derive(Debug, Clone, Deserialize)]
#[allow(dead_code)] // `event` (the cluster id) is scored by cross-document resolution
pub struct Gold {
    /// Document key.
    pub doc: String,
    /// Cluster id of the real-world event.
    pub event: String,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// CONSULT mode.
    pub mode: Option<Mode>,
    /// Status as reported.
    pub status: EventStatus,
    /// States involved.
    pub countries: Vec<String>,
    /// Date.
    pub date: Option<GoldDate>,
    /// Place.
    pub location: Option<GoldLocation>,
    /// Evidence text.
    pub evidence: String,
}

/// Reads a gold file.
///
/// # Errors
/// A line that is not valid gold JSON (the message names the line).
pub fn load_gold(path: &Path) -> anyhow::Result<Vec<Gold>> {
    super::eval::read_jsonl(path, "gold event")
}

fn pdate(e: &EventRecord) -> Option<(NaiveDate, NaiveDate)> {
    let d = e.date.as_ref()?;
    Some((d.start.parse().ok()?, d.end.parse().ok()?))
}

fn date_ok(p: Option<(NaiveDate, NaiveDate)>, g: Option<&GoldDate>) -> bool {
    match (p, g) {
        (None, None) => true,
        (Some((ps, pe)), Some(g)) => {
            let inter = (pe.min(g.end) - ps.max(g.start)).num_days() + 1;
            if inter <= 0 {
                return false;
            }
            let union = (pe.max(g.end) - ps.min(g.start)).num_days() + 1;
            inter as f64 / union as f64 >= 0.5
        }
        _ => false,
    }
}

fn show_gold_date(g: Option<&GoldDate>) -> String {
    g.map_or("none".to_string(), |d| format!("{}..{}", d.start, d.end))
}

fn jaccard(a: &[String], b: &[String]) -> f64 {
    let inter = a.iter().filter(|x| b.contains(x)).count();
    let union = a.len() + b.len() - inter;
    if union == 0 {
        1.0
    } else {
        inter as f64 / union as f64
    }
}

/// Field scores.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FieldScore {
    /// Correct aligned pairs.
    pub correct: usize,
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

/// The report.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Documents scored.
    pub documents: usize,
    /// Gold events.
    pub gold: usize,
    /// Predicted events.
    pub predicted: usize,
    /// Per field.
    pub fields: BTreeMap<String, FieldScore>,
    /// Type + countries + date + status.
    pub overall: FieldScore,
    /// Gold events aligned with no prediction (doc, type, countries, status, evidence).
    pub missed: Vec<String>,
    /// Predictions aligned with no gold event.
    pub spurious: Vec<String>,
    /// Aligned pairs with a wrong field: the fields (gold → predicted), then the gold line.
    pub wrong: Vec<String>,
}

fn score(correct: usize, pred: usize, gold: usize) -> FieldScore {
    let p = if pred == 0 {
        0.0
    } else {
        correct as f64 / pred as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        correct as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    FieldScore {
        correct,
        precision: p,
        recall: r,
        f1: f,
    }
}

/// Scores predictions (per document key) against gold.
pub fn evaluate(pred: &BTreeMap<String, Vec<EventRecord>>, gold: &[Gold]) -> Report {
    let mut by_doc: BTreeMap<&str, Vec<&Gold>> = BTreeMap::new();
    for g in gold {
        by_doc.entry(g.doc.as_str()).or_default().push(g);
    }
    let names = ["type", "countries", "date", "status", "mode", "location"];
    let mut correct: BTreeMap<&str, usize> = names.iter().map(|n| (*n, 0)).collect();
    let mut overall = 0;
    let mut report = Report {
        documents: by_doc.len(),
        gold: gold.len(),
        ..Report::default()
    };
    let empty = Vec::new();
    for (doc, golds) in &by_doc {
        let preds = pred.get(*doc).unwrap_or(&empty);
        let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
        for (pi, p) in preds.iter().enumerate() {
            for (gi, g) in golds.iter().enumerate() {
                if p.event_type != g.event_type {
                    continue;
                }
                let j = jaccard(&p.countries, &g.countries);
                let ev = p.sources.iter().any(|s| {
                    s.text.contains(g.evidence.trim()) || g.evidence.contains(s.text.trim())
                });
                if j == 0.0 && !ev {
                    continue;
                }
                let s = 2.0 * j
                    + f64::from(u8::from(ev)) * 1.5
                    + f64::from(u8::from(date_ok(pdate(p), g.date.as_ref())))
                    + f64::from(u8::from(p.status == g.status));
                pairs.push((s, pi, gi));
            }
        }
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut used_p = vec![false; preds.len()];
        let mut used_g = vec![false; golds.len()];
        for (_, pi, gi) in pairs {
            if used_p[pi] || used_g[gi] {
                continue;
            }
            used_p[pi] = true;
            used_g[gi] = true;
            let (p, g) = (&preds[pi], golds[gi]);
            let mut gc = g.countries.clone();
            gc.sort();
            let ok_c = p.countries == gc;
            let ok_d = date_ok(pdate(p), g.date.as_ref());
            let ok_s = p.status == g.status;
            let ok_m = p.mode == g.mode;
            let ok_l = match (&p.location, &g.location) {
                (None, None) => true,
                (Some(a), Some(b)) => a.country == b.country,
                _ => false,
            };
            for (n, ok) in [
                ("type", true),
                ("countries", ok_c),
                ("date", ok_d),
                ("status", ok_s),
                ("mode", ok_m),
                ("location", ok_l),
            ] {
                if ok {
                    *correct.entry(n).or_default() += 1;
                }
            }
            if ok_c && ok_d && ok_s {
                overall += 1;
            } else {
                let mut why = Vec::new();
                if !ok_c {
                    why.push(format!(
                        "countries {} → {}",
                        gc.join(","),
                        p.countries.join(",")
                    ));
                }
                if !ok_d {
                    why.push(format!(
                        "date {} → {}",
                        show_gold_date(g.date.as_ref()),
                        p.date
                            .as_ref()
                            .map_or("none".to_string(), |d| format!("{}..{}", d.start, d.end))
                    ));
                }
                if !ok_s {
                    why.push(format!("status {} → {}", g.status, p.status));
                }
                report.wrong.push(format!(
                    "{} | {} | {} | {}",
                    doc,
                    g.event_type,
                    why.join("; "),
                    cut(&g.evidence, 90)
                ));
            }
        }
        for (gi, g) in golds.iter().enumerate() {
            if !used_g[gi] {
                report.missed.push(format!(
                    "{} | {} {} {:?} {} | {}",
                    doc,
                    g.event_type,
                    g.countries.join(","),
                    g.date.as_ref().map(|d| format!("{}..{}", d.start, d.end)),
                    g.status,
                    cut(&g.evidence, 110)
                ));
            }
        }
        for (pi, p) in preds.iter().enumerate() {
            if !used_p[pi] {
                report.spurious.push(format!(
                    "{} | {} {} {:?} {} | {}",
                    doc,
                    p.event_type,
                    p.countries.join(","),
                    p.date.as_ref().map(|d| format!("{}..{}", d.start, d.end)),
                    p.status,
                    cut(
                        p.sources.first().map(|s| s.text.as_str()).unwrap_or(""),
                        110
                    )
                ));
            }
        }
    }
    report.predicted = by_doc
        .keys()
        .map(|d| pred.get(*d).map_or(0, Vec::len))
        .sum();
    for n in names {
        report.fields.insert(
            n.to_string(),
            score(correct[n], report.predicted, report.gold),
        );
    }
    report.overall = score(overall, report.predicted, report.gold);
    report
}

/// Runs the extractor over a corpus in memory and returns its events per document key.
///
/// # Errors
/// When the data cannot be loaded.
pub fn predict(data: &Path, corpus: &Path) -> anyhow::Result<BTreeMap<String, Vec<EventRecord>>> {
    let engine =
        Engine::load(data).with_context(|| format!("loading data from {}", data.display()))?;
    let articles: Vec<_> = read_paths(&[corpus.to_path_buf()], &ReadOptions::default())
        .filter_map(Result::ok)
        .collect();
    let docs: Vec<(String, Vec<EventRecord>)> = articles
        .into_par_iter()
        .filter_map(|a| {
            let key = a.key.clone();
            engine.process(a).ok().map(|d| (key, d.events))
        })
        .collect();
    Ok(docs.into_iter().collect())
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "event extraction: {} documents, {} gold events, {} predicted",
            self.documents, self.gold, self.predicted
        )?;
        writeln!(
            f,
            "{:<10} {:>9} {:>9} {:>9} {:>8}",
            "field", "precision", "recall", "F1", "correct"
        )?;
        for (n, s) in &self.fields {
            writeln!(
                f,
                "{:<10} {:>9.3} {:>9.3} {:>9.3} {:>8}",
                n, s.precision, s.recall, s.f1, s.correct
            )?;
        }
        write!(
            f,
            "{:<10} {:>9.3} {:>9.3} {:>9.3} {:>8}   (type + countries + date + status)",
            "overall",
            self.overall.precision,
            self.overall.recall,
            self.overall.f1,
            self.overall.correct
        )
    }
}

/// Runs `entente eval events`.
pub fn run(data: &Path, a: Args) -> anyhow::Result<ExitCode> {
    let gold_path = a.gold.unwrap_or_else(crate::paths::sample_gold);
    let corpus = a.corpus.unwrap_or_else(crate::paths::sample_news);
    let gold = load_gold(&gold_path)?;
    let pred = predict(data, &corpus)?;
    let mut r = evaluate(&pred, &gold);
    if a.json {
        if !a.errors {
            r.missed.clear();
            r.spurious.clear();
            r.wrong.clear();
        }
        println!("{}", serde_json::to_string_pretty(&r)?);
    } else {
        println!("{r}");
        if a.errors {
            super::eval::print_lists(&[
                ("missed", &r.missed),
                ("spurious", &r.spurious),
                ("aligned with a wrong field", &r.wrong),
            ]);
        }
    }
    Ok(ExitCode::SUCCESS)
}

//! `entente eval resolution`: cross-document resolution scored against the gold clusters.
//!
//! The sample corpus is ingested into an in-memory store (so resolution runs exactly as after
//! `entente ingest`). Each gold line (one event as reported by one document, with its cluster
//! id `event`) is aligned one-to-one with an extracted event of the same document and type,
//! greedily by country overlap and evidence-sentence overlap. Over the aligned mentions the
//! system's resolved clusters are compared with the gold clusters: pairwise precision/recall/F1
//! (pairs of mentions put together) and B-cubed precision/recall/F1 (per-mention overlap of
//! its system and gold clusters). For each chained gold event (`chains.jsonl`) the resolved
//! event holding most of its aligned mentions is compared with the final status and date
//! (dates match when both are absent or overlap with intersection-over-union at least 0.5).

use super::eval_events::load_gold;
use anyhow::Context;
use chrono::NaiveDate;
use entente_pipeline::Engine;
use entente_read::ReadOptions;
use entente_resolve::{
    parties_of, resolve, resolve_stored, summarise, Interval, Mention, ResolvedEvent,
};
use entente_store::{DocFilter, EventFilter, Store};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `entente eval resolution`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  entente eval resolution
  entente eval resolution --gold examples/gold/events.jsonl --chains examples/gold/chains.jsonl --json")]
pub struct Args {
    /// Gold event mentions with cluster ids (default: the bundled examples/gold/events.jsonl).
    #[arg(long)]
    pub gold: Option<PathBuf>,
    /// Gold chains: final status and date per cluster (default: chains.jsonl beside --gold).
    #[arg(long)]
    pub chains: Option<PathBuf>,
    /// The corpus the gold annotates (default: the bundled examples/news).
    #[arg(long)]
    pub corpus: Option<PathBuf>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// List the gold events split over several resolved events, and the merged ones.
    #[arg(long)]
    pub errors: bool,
    /// Resolve the gold mentions themselves instead of the extracted events (each document's
    /// publication date still comes from the corpus): the score of resolution alone, with
    /// extraction errors taken out.
    #[arg(long)]
    pub oracle: bool,
}

#[derive(Debug, Clone, Deserialize)]
struct GoldDate {
    start: NaiveDate,
    end: NaiveDate,
}

/// The fields of a gold line an oracle mention needs beyond [`load_gold`]'s.
#[derive(Debug, Clone, Deserialize)]
struct GoldExtra {
    #[serde(default)]
    orgs: Vec<String>,
    #[serde(default)]
    kind: String,
    date: Option<GoldPrecision>,
}

#[derive(Debug, Clone, Deserialize)]
struct GoldPrecision {
    precision: String,
}

fn load_extra(path: &Path) -> anyhow::Result<Vec<GoldExtra>> {
    super::eval::read_jsonl(path, "gold event")
}

/// The gold lines as mentions to resolve (publication dates from the store's documents).
fn oracle_mentions(
    gold: &[super::eval_events::Gold],
    extra: &[GoldExtra],
    published: &HashMap<String, (Option<NaiveDate>, Option<String>)>,
) -> Vec<Mention> {
    let mut idx: HashMap<&str, i64> = HashMap::new();
    gold.iter()
        .zip(extra)
        .enumerate()
        .map(|(i, (g, x))| {
            let n = idx.entry(g.doc.as_str()).or_default();
            let doc_idx = *n;
            *n += 1;
            let (pubd, source) = published.get(&g.doc).cloned().unwrap_or((None, None));
            let parties = parties_of(&g.countries, &x.orgs);
            let refs: Vec<&str> = parties.iter().map(String::as_str).collect();
            let mut m = Mention::new(&format!("gold-{i:04}"), &g.doc, g.event_type, &refs);
            m.doc_idx = doc_idx;
            m.published = pubd;
            m.source = source;
            m.mode = g.mode;
            m.kind.clone_from(&x.kind);
            m.status = g.status;
            m.date = g.date.as_ref().and_then(|d| {
                let p = x.date.as_ref().map_or("day", |p| p.precision.as_str());
                Interval::new(d.start, d.end, p)
            });
            m.location = g.location.as_ref().map(|l| l.name.clone());
            m.location_country = g.location.as_ref().and_then(|l| l.country.clone());
            m
        })
        .collect()
}

#[derive(Debug, Clone, Deserialize)]
struct Chain {
    event: String,
    final_status: String,
    final_date: Option<GoldDate>,
}

/// Precision, recall, F1.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

impl Prf {
    fn new(precision: f64, recall: f64) -> Prf {
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// The scores.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Gold mention lines.
    pub gold_mentions: usize,
    /// Gold lines aligned with an extracted event.
    pub aligned: usize,
    /// Gold clusters among the aligned mentions.
    pub gold_clusters: usize,
    /// System clusters among the aligned mentions.
    pub system_clusters: usize,
    /// Resolved events in the whole corpus.
    pub resolved_events: usize,
    /// Extracted per-document events in the whole corpus.
    pub extracted_events: usize,
    /// Pairwise scores.
    pub pairwise: Prf,
    /// B-cubed scores.
    pub bcubed: Prf,
    /// Aligned mentions that extraction got right (countries, status, a date overlapping the
    /// gold one or both undated, no place in another country): what resolution alone is to
    /// blame for.
    pub clean: usize,
    /// B-cubed scores over the clean mentions only.
    pub bcubed_clean: Prf,
    /// Pairwise scores over the clean mentions only.
    pub pairwise_clean: Prf,
    /// Gold pairs (two aligned mentions of one gold event) that resolution keeps apart.
    pub pairs_lost: usize,
    /// Of those, the pairs where extraction got both mentions right: resolution's own misses
    /// (the rest have an extraction error in one mention at least).
    pub pairs_lost_clean: usize,
    /// Pairs that resolution puts together across gold events.
    pub pairs_wrong: usize,
    /// Of those, the pairs where extraction got both mentions right.
    pub pairs_wrong_clean: usize,
    /// Chained gold events.
    pub chains: usize,
    /// Chains with at least one aligned mention.
    pub chains_aligned: usize,
    /// Chains whose resolved event has the right final status.
    pub final_status: usize,
    /// Chains whose resolved event has the right final date.
    pub final_date: usize,
    /// Both right.
    pub final_both: usize,
    /// Gold events split over several resolved events, and resolved events merging gold
    /// events: one line per aligned mention (filled with `--errors`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<String>,
}

/// Pairwise and B-cubed scores of `system` against `gold` cluster labels of the same items.
pub fn cluster_scores<S: Ord + Clone, G: Ord + Clone>(system: &[S], gold: &[G]) -> (Prf, Prf) {
    let n = system.len().min(gold.len());
    let mut both = 0u64;
    let mut sys_pairs = 0u64;
    let mut gold_pairs = 0u64;
    for i in 0..n {
        for j in i + 1..n {
            let s = system[i] == system[j];
            let g = gold[i] == gold[j];
            sys_pairs += u64::from(s);
            gold_pairs += u64::from(g);
            both += u64::from(s && g);
        }
    }
    let ratio = |a: u64, b: u64| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let pairwise = Prf::new(ratio(both, sys_pairs), ratio(both, gold_pairs));
    let (mut p, mut r) = (0.0, 0.0);
    for i in 0..n {
        let (mut s, mut g, mut sg) = (0usize, 0usize, 0usize);
        for j in 0..n {
            let a = system[i] == system[j];
            let b = gold[i] == gold[j];
            s += usize::from(a);
            g += usize::from(b);
            sg += usize::from(a && b);
        }
        p += sg as f64 / s as f64;
        r += sg as f64 / g as f64;
    }
    let bcubed = if n == 0 {
        Prf::new(1.0, 1.0)
    } else {
        Prf::new(p / n as f64, r / n as f64)
    };
    (pairwise, bcubed)
}

/// Pair errors of `system` against `gold` labels: ((gold pairs split, of which both items
/// are `clean`), (system pairs across gold clusters, of which both are `clean`)).
pub fn pair_errors<S: Eq, G: Eq>(
    system: &[S],
    gold: &[G],
    clean: &[bool],
) -> ((usize, usize), (usize, usize)) {
    let n = system.len().min(gold.len()).min(clean.len());
    let (mut lost, mut wrong) = ((0, 0), (0, 0));
    for i in 0..n {
        for j in i + 1..n {
            let s = system[i] == system[j];
            let g = gold[i] == gold[j];
            let both = usize::from(clean[i] && clean[j]);
            if g && !s {
                lost.0 += 1;
                lost.1 += both;
            }
            if s && !g {
                wrong.0 += 1;
                wrong.1 += both;
            }
        }
    }
    (lost, wrong)
}

fn words(s: &str) -> BTreeSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 2)
        .map(str::to_lowercase)
        .collect()
}

fn overlap(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    a.intersection(b).count() as f64 / a.len().min(b.len()) as f64
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

fn date_ok(p: Option<(NaiveDate, NaiveDate)>, g: Option<&GoldDate>) -> bool {
    match (p, g) {
        (None, None) => true,
        (Some((ps, pe)), Some(g)) => {
            let inter = (pe.min(g.end) - ps.max(g.start)).num_days() + 1;
            let union = (pe.max(g.end) - ps.min(g.start)).num_days() + 1;
            inter > 0 && inter as f64 / union as f64 >= 0.5
        }
        _ => false,
    }
}

fn load_chains(path: &Path) -> anyhow::Result<Vec<Chain>> {
    super::eval::read_jsonl(path, "gold chain")
}

/// Ingests the corpus into memory and scores resolution.
pub fn evaluate(
    data: &Path,
    corpus: &Path,
    gold_path: &Path,
    chains_path: &Path,
    errors: bool,
    oracle: bool,
) -> anyhow::Result<Report> {
    let gold = load_gold(gold_path)?;
    let chains = if chains_path.is_file() {
        load_chains(chains_path)?
    } else {
        Vec::new()
    };
    let engine =
        Engine::load(data).with_context(|| format!("loading data from {}", data.display()))?;
    let mut store = Store::open_in_memory()?;
    entente_pipeline::ingest(
        &engine,
        &[corpus.to_path_buf()],
        &ReadOptions::default(),
        &mut store,
        256,
        |_| {},
    )?;
    let records = store.events(&EventFilter::default())?;
    // the final status is the one known at the end of the corpus (an event reported under way
    // is over once its date has passed)
    let end = store
        .events(&EventFilter::default())?
        .iter()
        .flat_map(|r| {
            r.sources
                .iter()
                .filter_map(|s| s.published.as_deref()?.parse().ok())
        })
        .max();
    let resolved: Vec<ResolvedEvent> = if oracle {
        let published: HashMap<String, (Option<NaiveDate>, Option<String>)> = store
            .documents(&DocFilter::default())?
            .into_iter()
            .map(|d| (d.key, (d.published, d.source)))
            .collect();
        let extra = load_extra(gold_path)?;
        resolve(oracle_mentions(&gold, &extra, &published), end)
    } else {
        resolve_stored(&store, None)?
            .into_iter()
            .map(|e| summarise(e.reports, end))
            .collect()
    };
    let mut cluster_of: HashMap<&str, usize> = HashMap::new();
    for (i, e) in resolved.iter().enumerate() {
        for m in &e.reports {
            cluster_of.insert(m.id.as_str(), i);
        }
    }
    // per-document extracted events
    let mut by_doc: BTreeMap<&str, Vec<&entente_doc::EventRecord>> = BTreeMap::new();
    for r in &records {
        if let Some(s) = r.sources.first() {
            by_doc.entry(s.doc.as_str()).or_default().push(r);
        }
    }
    // greedy one-to-one alignment per document
    let mut aligned: Vec<(usize, &str)> = Vec::new(); // (system cluster, gold cluster)
    let mut clean: Vec<bool> = Vec::new(); // whether extraction got the aligned mention right
    let mut gold_by_doc: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, g) in gold.iter().enumerate() {
        gold_by_doc.entry(g.doc.as_str()).or_default().push(i);
    }
    let mut aligned_by_gold: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut lines: Vec<(usize, &str, String)> = Vec::new();
    if oracle {
        for (gi, g) in gold.iter().enumerate() {
            let Some(&c) = cluster_of.get(format!("gold-{gi:04}").as_str()) else {
                continue;
            };
            lines.push((
                c,
                g.event.as_str(),
                format!(
                    "{} {} {} [{}] {} {}",
                    g.doc,
                    g.event_type,
                    g.status,
                    g.countries.join(","),
                    g.date
                        .as_ref()
                        .map_or_else(|| "-".to_string(), |d| format!("{}..{}", d.start, d.end)),
                    g.location.as_ref().map_or("", |l| l.name.as_str())
                ),
            ));
            aligned.push((c, g.event.as_str()));
            clean.push(true);
            aligned_by_gold.entry(g.event.as_str()).or_default().push(c);
        }
    }
    for (doc, gis) in gold_by_doc.iter().filter(|_| !oracle) {
        let preds = by_doc.get(doc).cloned().unwrap_or_default();
        let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
        for &gi in gis {
            let g = &gold[gi];
            let gw = words(&g.evidence);
            for (pi, p) in preds.iter().enumerate() {
                if p.event_type != g.event_type {
                    continue;
                }
                let ev = p
                    .sources
                    .iter()
                    .map(|s| overlap(&gw, &words(&s.text)))
                    .fold(0.0, f64::max);
                // countries and evidence first; the date and status as reported break ties
                // between events of one document that share both
                let pd: Option<(NaiveDate, NaiveDate)> = p
                    .date
                    .as_ref()
                    .and_then(|d| Some((d.start.parse().ok()?, d.end.parse().ok()?)));
                let same_date = match (pd, g.date.as_ref()) {
                    (None, None) => true,
                    (Some((s, e)), Some(gd)) => s <= gd.end && gd.start <= e,
                    _ => false,
                };
                let score = jaccard(&p.countries, &g.countries)
                    + ev
                    + 0.2 * f64::from(u8::from(same_date))
                    + 0.1 * f64::from(u8::from(p.status == g.status));
                if score > 0.0 {
                    pairs.push((score, gi, pi));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let (mut used_g, mut used_p) = (BTreeSet::new(), BTreeSet::new());
        for (_, gi, pi) in pairs {
            if used_g.contains(&gi) || used_p.contains(&pi) {
                continue;
            }
            used_g.insert(gi);
            used_p.insert(pi);
            if let Some(&c) = cluster_of.get(preds[pi].id.as_str()) {
                let p = preds[pi];
                let g = &gold[gi];
                let mut pc = p.countries.clone();
                pc.sort();
                let mut gc = g.countries.clone();
                gc.sort();
                let pd: Option<(NaiveDate, NaiveDate)> = p
                    .date
                    .as_ref()
                    .and_then(|d| Some((d.start.parse().ok()?, d.end.parse().ok()?)));
                let date_agrees = match (pd, g.date.as_ref()) {
                    (None, None) => true,
                    (Some((s, e)), Some(gd)) => s <= gd.end && gd.start <= e,
                    _ => false,
                };
                // a place in another country than the gold one (a missing place is no error)
                let place_agrees = match (
                    p.location.as_ref().and_then(|l| l.country.as_deref()),
                    g.location.as_ref().and_then(|l| l.country.as_deref()),
                ) {
                    (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                    _ => true,
                };
                let ok = pc == gc && p.status == g.status && date_agrees && place_agrees;
                lines.push((
                    c,
                    g.event.as_str(),
                    format!(
                        "{}{} {} {} [{}] {} {}",
                        if ok { "" } else { "(extraction differs) " },
                        doc,
                        p.event_type,
                        p.status,
                        p.countries.join(","),
                        p.date.as_ref().map_or_else(
                            || "-".to_string(),
                            |d| format!("{}..{} {}", d.start, d.end, d.precision)
                        ),
                        p.location.as_ref().map_or("", |l| l.name.as_str())
                    ),
                ));
                aligned.push((c, g.event.as_str()));
                clean.push(ok);
                aligned_by_gold
                    .entry(gold[gi].event.as_str())
                    .or_default()
                    .push(c);
            }
        }
    }
    let sys: Vec<usize> = aligned.iter().map(|a| a.0).collect();
    let gld: Vec<&str> = aligned.iter().map(|a| a.1).collect();
    let (pairwise, bcubed) = cluster_scores(&sys, &gld);
    let (sys_clean, gld_clean): (Vec<usize>, Vec<&str>) = aligned
        .iter()
        .zip(&clean)
        .filter(|(_, c)| **c)
        .map(|(a, _)| *a)
        .unzip();
    let (pairwise_clean, bcubed_clean) = cluster_scores(&sys_clean, &gld_clean);
    let (lost, wrong) = pair_errors(&sys, &gld, &clean);
    let mut report = Report {
        gold_mentions: gold.len(),
        aligned: aligned.len(),
        gold_clusters: gld.iter().collect::<BTreeSet<_>>().len(),
        system_clusters: sys.iter().collect::<BTreeSet<_>>().len(),
        resolved_events: resolved.len(),
        extracted_events: records.len(),
        pairwise,
        bcubed,
        clean: sys_clean.len(),
        bcubed_clean,
        pairwise_clean,
        pairs_lost: lost.0,
        pairs_lost_clean: lost.1,
        pairs_wrong: wrong.0,
        pairs_wrong_clean: wrong.1,
        chains: chains.len(),
        ..Report::default()
    };
    if errors {
        let mut sys_of: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
        let mut gold_of: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
        for (c, g, _) in &lines {
            sys_of.entry(g).or_default().insert(*c);
            gold_of.entry(*c).or_default().insert(g);
        }
        lines.sort();
        for (g, cs) in &sys_of {
            if cs.len() > 1 {
                report.errors.push(format!("split gold {g}:"));
                for (c, lg, text) in &lines {
                    if lg == g {
                        report.errors.push(format!("  {} {text}", resolved[*c].id));
                    }
                }
            }
        }
        for (c, gs) in &gold_of {
            if gs.len() > 1 {
                report
                    .errors
                    .push(format!("merged in {}:", resolved[*c].id));
                for (lc, g, text) in &lines {
                    if lc == c {
                        report.errors.push(format!("  {g}: {text}"));
                    }
                }
            }
        }
    }
    let mut size_of: HashMap<usize, usize> = HashMap::new();
    for (c, _) in &aligned {
        *size_of.entry(*c).or_default() += 1;
    }
    for ch in &chains {
        let Some(cs) = aligned_by_gold.get(ch.event.as_str()) else {
            continue;
        };
        report.chains_aligned += 1;
        let mut votes: BTreeMap<usize, usize> = BTreeMap::new();
        for c in cs {
            *votes.entry(*c).or_default() += 1;
        }
        // the resolved event holding most of the chain's mentions; on a tie, the one where the
        // chain's mentions are the largest share (the event that is mostly this chain)
        let share =
            |c: usize, n: usize| n as f64 / size_of.get(&c).copied().unwrap_or(1).max(1) as f64;
        let Some((&c, _)) = votes.iter().max_by(|a, b| {
            a.1.cmp(b.1)
                .then(share(*a.0, *a.1).total_cmp(&share(*b.0, *b.1)))
                .then(b.0.cmp(a.0))
        }) else {
            continue;
        };
        let e = &resolved[c];
        let status_ok = e.status.as_str() == ch.final_status;
        let date_ok = date_ok(
            e.date.as_ref().map(|d| (d.start, d.end)),
            ch.final_date.as_ref(),
        );
        if errors && !(status_ok && date_ok) {
            let got = e
                .date
                .as_ref()
                .map_or_else(|| "-".to_string(), |d| format!("{}..{}", d.start, d.end));
            let want = ch
                .final_date
                .as_ref()
                .map_or_else(|| "-".to_string(), |d| format!("{}..{}", d.start, d.end));
            report.errors.push(format!(
                "chain {}: {} status {} (gold {}), date {got} (gold {want})",
                ch.event, e.id, e.status, ch.final_status
            ));
            for r in &e.reports {
                report.errors.push(format!(
                    "    {} {} {} [{}] {}",
                    r.published
                        .map_or_else(|| "-".to_string(), |d| d.to_string()),
                    r.doc,
                    r.status,
                    r.parties.join(","),
                    r.date.as_ref().map_or_else(
                        || "-".to_string(),
                        |d| format!("{}..{} {}", d.start, d.end, d.precision)
                    ),
                ));
            }
        }
        report.final_status += usize::from(status_ok);
        report.final_date += usize::from(date_ok);
        report.final_both += usize::from(status_ok && date_ok);
    }
    Ok(report)
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "event resolution: {} gold mentions, {} aligned ({} gold clusters, {} system clusters); corpus: {} extracted events -> {} resolved",
            self.gold_mentions, self.aligned, self.gold_clusters, self.system_clusters,
            self.extracted_events, self.resolved_events
        )?;
        writeln!(
            f,
            "{:<10} {:>9} {:>9} {:>9}",
            "metric", "precision", "recall", "F1"
        )?;
        for (name, s) in [
            ("pairwise", self.pairwise),
            ("b-cubed", self.bcubed),
            ("pw clean", self.pairwise_clean),
            ("b3 clean", self.bcubed_clean),
        ] {
            writeln!(
                f,
                "{:<10} {:>9.3} {:>9.3} {:>9.3}",
                name, s.precision, s.recall, s.f1
            )?;
        }
        writeln!(
            f,
            "(clean: over the {} aligned mentions whose countries, status, date and place extraction got right)",
            self.clean
        )?;
        writeln!(
            f,
            "gold pairs split: {} ({} with both mentions clean: resolution's own); pairs merged across gold events: {} ({} clean)",
            self.pairs_lost, self.pairs_lost_clean, self.pairs_wrong, self.pairs_wrong_clean
        )?;
        write!(
            f,
            "chains: {} gold, {} aligned; final status right {}, final date right {}, both {}",
            self.chains, self.chains_aligned, self.final_status, self.final_date, self.final_both
        )
    }
}

/// Runs `entente eval resolution`.
pub fn run(data: &Path, a: Args) -> anyhow::Result<ExitCode> {
    let gold = a.gold.unwrap_or_else(crate::paths::sample_gold);
    let chains = a
        .chains
        .unwrap_or_else(|| gold.with_file_name("chains.jsonl"));
    let corpus = a.corpus.unwrap_or_else(crate::paths::sample_news);
    let r = evaluate(data, &corpus, &gold, &chains, a.errors, a.oracle)?;
    if a.json {
        println!("{}", serde_json::to_string_pretty(&r)?);
    } else {
        println!("{r}");
        for e in &r.errors {
            println!("{e}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pair_errors_table() {
        // (system, gold, clean, (lost, lost clean), (wrong, wrong clean))
        type Case<'a> = (
            &'a [u8],
            &'a [u8],
            &'a [bool],
            (usize, usize),
            (usize, usize),
        );
        let cases: &[Case<'_>] = &[
            (&[1, 1, 2], &[1, 1, 2], &[true, true, true], (0, 0), (0, 0)),
            (&[1, 2, 3], &[1, 1, 1], &[true, true, false], (3, 1), (0, 0)),
            (&[1, 1, 1], &[1, 1, 2], &[true, false, true], (0, 0), (2, 1)),
        ];
        for (s, g, c, lost, wrong) in cases {
            assert_eq!(pair_errors(s, g, c), (*lost, *wrong), "{s:?} {g:?} {c:?}");
        }
    }

    #[test]
    fn cluster_scores_table() {
        // (system, gold, pairwise P, R, b-cubed P, R)
        type Case<'a> = (&'a [u8], &'a [u8], f64, f64, f64, f64);
        let cases: &[Case<'_>] = &[
            (&[1, 1, 2], &[1, 1, 2], 1.0, 1.0, 1.0, 1.0),
            (&[1, 2, 3], &[1, 1, 1], 1.0, 0.0, 1.0, 1.0 / 3.0),
            (&[1, 1, 1], &[1, 1, 2], 1.0 / 3.0, 1.0, 5.0 / 9.0, 1.0),
        ];
        for (s, g, pp, pr, bp, br) in cases {
            let (pw, b3) = cluster_scores(s, g);
            let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
            assert!(
                close(pw.precision, *pp) && close(pw.recall, *pr),
                "{s:?} {g:?} {pw:?}"
            );
            assert!(
                close(b3.precision, *bp) && close(b3.recall, *br),
                "{s:?} {g:?} {b3:?}"
            );
        }
    }
}

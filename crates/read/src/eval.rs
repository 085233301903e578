//! Scoring main-content extraction on the article-extraction benchmark.
//!
//! The benchmark (181 pages, `html/<hash>.html.gz`, gold bodies in `ground-truth.json` under
//! `articleBody`) scores an extractor the way its `evaluate.py` does:
//! * tokens are maximal runs of word characters (`\w+`: letters, digits, underscore), case kept;
//! * each text becomes a multiset of 4-token *shingles* (a text shorter than 4 tokens is one
//!   shingle);
//! * per page, true/false positives and false negatives are counted over shingles and
//!   normalised by their sum so that long pages weigh no more than short ones;
//! * precision is averaged over pages where something was predicted or expected
//!   (`tp + fp > 0`), recall over pages with `tp + fn > 0`, and F1 is the harmonic mean of the
//!   two averages.
//!
//! [`HtmlReport`] also gives the plainer bag-of-words figures (whitespace-split words, per-page
//! P/R/F1 averaged over pages), since that is the other measure people quote.

use crate::html::{read_html, HtmlPage};
use flate2::read::GzDecoder;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Why the benchmark could not be run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    /// A benchmark file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// `ground-truth.json` is not what the benchmark ships.
    #[error("{path}: {message}")]
    GroundTruth {
        /// The file.
        path: PathBuf,
        /// What was wrong.
        message: String,
    },
}

/// Scores of one page.
#[derive(Debug, Clone, Serialize)]
pub struct PageScore {
    /// The page's key (file hash).
    pub key: String,
    /// Shingle precision.
    pub precision: f64,
    /// Shingle recall.
    pub recall: f64,
    /// Shingle F1.
    pub f1: f64,
}

/// Benchmark result: macro-averaged precision, recall and F1.
#[derive(Debug, Clone, Serialize)]
pub struct HtmlReport {
    /// Pages scored.
    pub pages: usize,
    /// Mean shingle precision (benchmark definition).
    pub precision: f64,
    /// Mean shingle recall (benchmark definition).
    pub recall: f64,
    /// Harmonic mean of `precision` and `recall` (benchmark definition).
    pub f1: f64,
    /// Bag-of-words (whitespace tokens) precision, averaged over pages.
    pub bow_precision: f64,
    /// Bag-of-words recall, averaged over pages.
    pub bow_recall: f64,
    /// Bag-of-words F1, averaged over pages.
    pub bow_f1: f64,
    /// Seconds spent in extraction (reading and decompressing excluded).
    pub extract_seconds: f64,
    /// The ten pages with the lowest shingle F1.
    pub worst: Vec<PageScore>,
}

impl fmt::Display for HtmlReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "pages {}: precision {:.3}, recall {:.3}, F1 {:.3} (4-gram shingles, benchmark definition)",
            self.pages, self.precision, self.recall, self.f1
        )?;
        writeln!(
            f,
            "bag of words: precision {:.3}, recall {:.3}, F1 {:.3}",
            self.bow_precision, self.bow_recall, self.bow_f1
        )?;
        writeln!(
            f,
            "extraction: {:.2} s, {:.0} pages/s",
            self.extract_seconds,
            self.pages as f64 / self.extract_seconds.max(1e-9)
        )?;
        writeln!(f, "worst pages:")?;
        for p in &self.worst {
            writeln!(
                f,
                "  {}  F1 {:.3}  P {:.3}  R {:.3}",
                p.key, p.f1, p.precision, p.recall
            )?;
        }
        Ok(())
    }
}

/// Normalised (tp, fp, fn) of one page.
type Counts = (f64, f64, f64);

fn word_tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect()
}

fn multiset<T: std::hash::Hash + Eq>(items: impl Iterator<Item = T>) -> HashMap<T, usize> {
    let mut m = HashMap::new();
    for i in items {
        *m.entry(i).or_insert(0) += 1;
    }
    m
}

fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let tokens = word_tokens(text);
    if tokens.len() < 4 {
        return multiset((!tokens.is_empty()).then(|| tokens.clone()).into_iter());
    }
    multiset(tokens.windows(4).map(<[&str]>::to_vec))
}

fn counts<T: std::hash::Hash + Eq>(gold: &HashMap<T, usize>, pred: &HashMap<T, usize>) -> Counts {
    let (mut tp, mut fp, mut fneg) = (0.0, 0.0, 0.0);
    for (k, &g) in gold {
        let p = pred.get(k).copied().unwrap_or(0);
        tp += g.min(p) as f64;
        fneg += g.saturating_sub(p) as f64;
    }
    for (k, &p) in pred {
        fp += p.saturating_sub(gold.get(k).copied().unwrap_or(0)) as f64;
    }
    let sum = tp + fp + fneg;
    if sum > 0.0 {
        (tp / sum, fp / sum, fneg / sum)
    } else {
        (0.0, 0.0, 0.0)
    }
}

fn precision(&(tp, fp, fneg): &Counts) -> f64 {
    if fp == 0.0 && fneg == 0.0 {
        1.0
    } else if tp == 0.0 && fp == 0.0 {
        0.0
    } else {
        tp / (tp + fp)
    }
}

fn recall(&(tp, fp, fneg): &Counts) -> f64 {
    if fp == 0.0 && fneg == 0.0 {
        1.0
    } else if tp == 0.0 && fneg == 0.0 {
        0.0
    } else {
        tp / (tp + fneg)
    }
}

fn mean(xs: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = xs.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    if n == 0 {
        0.0
    } else {
        sum / n as f64
    }
}

fn harmonic(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// Scores a set of (gold, predicted) texts as the benchmark does.
fn score(pairs: &[(String, String, String)], extract_seconds: f64) -> HtmlReport {
    let mut shingle_counts = Vec::with_capacity(pairs.len());
    let mut bow = Vec::with_capacity(pairs.len());
    let mut pages = Vec::with_capacity(pairs.len());
    for (key, gold, pred) in pairs {
        let c = counts(&shingles(gold), &shingles(pred));
        let (p, r) = (precision(&c), recall(&c));
        pages.push(PageScore {
            key: key.clone(),
            precision: p,
            recall: r,
            f1: harmonic(p, r),
        });
        shingle_counts.push(c);
        let b = counts(
            &multiset(gold.split_whitespace()),
            &multiset(pred.split_whitespace()),
        );
        bow.push((precision(&b), recall(&b)));
    }
    let p = mean(
        shingle_counts
            .iter()
            .filter(|c| c.0 + c.1 > 0.0)
            .map(precision),
    );
    let r = mean(
        shingle_counts
            .iter()
            .filter(|c| c.0 + c.2 > 0.0)
            .map(recall),
    );
    pages.sort_by(|a, b| a.f1.total_cmp(&b.f1));
    pages.truncate(10);
    HtmlReport {
        pages: pairs.len(),
        precision: p,
        recall: r,
        f1: harmonic(p, r),
        bow_precision: mean(bow.iter().map(|b| b.0)),
        bow_recall: mean(bow.iter().map(|b| b.1)),
        bow_f1: mean(bow.iter().map(|&(p, r)| harmonic(p, r))),
        extract_seconds,
        worst: pages,
    }
}

/// The benchmark's pages in key order: (key, gold body, page HTML).
fn pages(dir: &Path) -> Result<Vec<(String, String, String)>, EvalError> {
    let gt_path = dir.join("ground-truth.json");
    let gt_text = std::fs::read_to_string(&gt_path).map_err(io_error(&gt_path))?;
    let gt: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&gt_text).map_err(|e| EvalError::GroundTruth {
            path: gt_path.clone(),
            message: e.to_string(),
        })?;
    let mut keys: Vec<&String> = gt.keys().collect();
    keys.sort();
    let mut out = Vec::with_capacity(keys.len());
    for key in keys {
        let gold = gt[key]
            .get("articleBody")
            .and_then(|b| b.as_str())
            .unwrap_or_default();
        let path = dir.join("html").join(format!("{key}.html.gz"));
        let file = std::fs::File::open(&path).map_err(io_error(&path))?;
        let mut raw = Vec::new();
        GzDecoder::new(file)
            .read_to_end(&mut raw)
            .map_err(io_error(&path))?;
        let html = String::from_utf8_lossy(&raw).into_owned();
        out.push((key.clone(), gold.to_string(), html));
    }
    Ok(out)
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> EvalError {
    let path = path.to_path_buf();
    move |source| EvalError::Io { path, source }
}

/// Writes the body we extract from each benchmark page to `out/<key>.txt` (for inspection).
///
/// # Errors
/// When a benchmark file cannot be read or an output file cannot be written.
pub fn dump_bodies(dir: &Path, out: &Path) -> Result<(), EvalError> {
    std::fs::create_dir_all(out).map_err(io_error(out))?;
    for (key, _, html) in pages(dir)? {
        let path = out.join(format!("{key}.txt"));
        std::fs::write(&path, read_html(&html).body).map_err(io_error(&path))?;
    }
    Ok(())
}

/// Runs our HTML reader on every page of the benchmark in `dir` and scores the bodies.
///
/// `dir` holds `ground-truth.json` and `html/*.html.gz`.
///
/// # Errors
/// When a file cannot be read or the ground truth does not parse.
pub fn html_benchmark(dir: &Path) -> Result<HtmlReport, EvalError> {
    html_benchmark_with(dir, |page| page.body)
}

/// Like [`html_benchmark`], scoring `post(page)` instead of the body: for measuring what later
/// stages (cleaning, caption removal) do to extraction quality. The time reported includes
/// `post`.
///
/// # Errors
/// When a file cannot be read or the ground truth does not parse.
pub fn html_benchmark_with(
    dir: &Path,
    post: impl Fn(HtmlPage) -> String,
) -> Result<HtmlReport, EvalError> {
    let pages = pages(dir)?;
    let mut pairs = Vec::with_capacity(pages.len());
    let mut seconds = 0.0;
    for (key, gold, html) in pages {
        let started = std::time::Instant::now();
        let text = post(read_html(&html));
        seconds += started.elapsed().as_secs_f64();
        pairs.push((key, gold, text));
    }
    Ok(score(&pairs, seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingle_scores() {
        let pairs = vec![
            ("same".into(), "a b c d e".into(), "a b c d e".into()),
            ("half".into(), "a b c d e".into(), "a b c d".into()),
            ("none".into(), "a b c d e".into(), String::new()),
        ];
        let r = score(&pairs, 1.0);
        // Page "half": shingles {abcd, bcde} vs {abcd}: tp 1, fn 1 → P 1, R 0.5.
        // Page "none": tp 0, fn 2 → P skipped (tp + fp = 0), R 0.
        assert!((r.precision - 1.0).abs() < 1e-9);
        assert!((r.recall - 0.5).abs() < 1e-9);
        assert!((r.f1 - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(r.worst[0].key, "none");
        assert_eq!(
            word_tokens("Kim's (2019) talks_x"),
            ["Kim", "s", "2019", "talks_x"]
        );
    }
}

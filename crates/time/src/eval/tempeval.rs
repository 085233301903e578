//! TempEval-3 platinum scoring.
//!
//! Reads `te3-platinum.flat.jsonl` (one document per line: `doc`, `dct`, `text`, `timex3`
//! with `start`/`end`/`text`/`type`/`value`/`mod`). Offsets are taken as byte offsets when they
//! slice the gold text out of `text`, else as character offsets (converted).
//!
//! Scoring follows the official TempEval-3 entity scorer: a system expression is a relaxed
//! match when it overlaps a gold one and a strict match when the extents are equal; precision
//! counts matched system expressions, recall matched gold ones. For attributes, each matched
//! gold expression is compared with its best-overlapping system expression; attribute F1 =
//! (matching attributes / relaxed gold matches) × relaxed F1.

use std::fmt;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use super::{parse_err, read, EvalError};
use crate::{Tagger, Timex};

/// Precision, recall, F1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f1: f64,
}

impl Prf {
    fn new(p: f64, r: f64) -> Prf {
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Prf { p, r, f1 }
    }
}

/// One disagreement, for error analysis.
#[derive(Clone, Debug, Serialize)]
pub struct TempevalMiss {
    /// Document name.
    pub doc: String,
    /// "missed", "spurious" or "value".
    pub what: String,
    /// Gold text and value ("" when spurious).
    pub gold: String,
    /// System text and value ("" when missed).
    pub system: String,
    /// Some text before the expression.
    pub context: String,
}

/// TempEval-3 results.
#[derive(Clone, Debug, Serialize)]
pub struct TempevalReport {
    /// Documents.
    pub docs: usize,
    /// Gold expressions.
    pub gold: usize,
    /// System expressions.
    pub system: usize,
    /// Strict extent scores.
    pub strict: Prf,
    /// Relaxed extent scores.
    pub relaxed: Prf,
    /// Value F1 (official: value accuracy over relaxed matches × relaxed F1).
    pub value_f1: f64,
    /// Type F1 (same construction).
    pub type_f1: f64,
    /// Value-and-type F1 (both must match).
    pub value_type_f1: f64,
    /// Value accuracy over relaxed gold matches.
    pub value_accuracy: f64,
    /// Disagreements.
    pub misses: Vec<TempevalMiss>,
}

impl fmt::Display for TempevalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "TempEval-3 platinum: {} documents, {} gold, {} system",
            self.docs, self.gold, self.system
        )?;
        writeln!(f, "{:<16} {:>7} {:>7} {:>7}", "", "P", "R", "F1")?;
        for (name, s) in [
            ("strict extent", self.strict),
            ("relaxed extent", self.relaxed),
        ] {
            writeln!(
                f,
                "{:<16} {:>7.2} {:>7.2} {:>7.2}",
                name,
                s.p * 100.0,
                s.r * 100.0,
                s.f1 * 100.0
            )?;
        }
        writeln!(f, "{:<16} {:>23.2}", "value F1", self.value_f1 * 100.0)?;
        writeln!(f, "{:<16} {:>23.2}", "type F1", self.type_f1 * 100.0)?;
        writeln!(
            f,
            "{:<16} {:>23.2}",
            "value+type F1",
            self.value_type_f1 * 100.0
        )?;
        write!(
            f,
            "{:<16} {:>23.2}",
            "value accuracy",
            self.value_accuracy * 100.0
        )
    }
}

impl TempevalReport {
    /// The disagreements as a table (one per line).
    pub fn misses_table(&self) -> String {
        let mut s = String::new();
        for m in &self.misses {
            s.push_str(&format!(
                "{:<28} {:<8} gold={:<40} sys={:<40} | {}\n",
                m.doc, m.what, m.gold, m.system, m.context
            ));
        }
        s
    }
}

struct Gold {
    start: usize,
    end: usize,
    text: String,
    kind: String,
    value: String,
}

/// Runs the tagger over the TempEval-3 platinum documents in `dir` and scores it.
pub fn tempeval(dir: &Path, tagger: &Tagger) -> Result<TempevalReport, EvalError> {
    let path = if dir.is_file() {
        dir.to_path_buf()
    } else {
        dir.join("te3-platinum.flat.jsonl")
    };
    let body = read(&path)?;
    let mut docs = 0;
    let (mut n_gold, mut n_sys) = (0usize, 0usize);
    let (mut strict_p, mut strict_r, mut relaxed_p, mut relaxed_r) =
        (0usize, 0usize, 0usize, 0usize);
    let (mut value_ok, mut type_ok, mut both_ok) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for (ln, line) in body.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| parse_err(&path, ln + 1, e.to_string()))?;
        let name = v["doc"].as_str().unwrap_or("").to_string();
        let text = v["text"]
            .as_str()
            .ok_or_else(|| parse_err(&path, ln + 1, "missing field text"))?;
        let dct_s = v["dct"]
            .as_str()
            .ok_or_else(|| parse_err(&path, ln + 1, "missing field dct"))?;
        let dct = NaiveDate::parse_from_str(dct_s.get(..10).unwrap_or(dct_s), "%Y-%m-%d")
            .map_err(|e| parse_err(&path, ln + 1, format!("bad dct {dct_s:?}: {e}")))?;
        let golds =
            gold_list(&v, text).ok_or_else(|| parse_err(&path, ln + 1, "bad timex3 list"))?;
        let sys = tagger.tag(text, dct);
        docs += 1;
        n_gold += golds.len();
        n_sys += sys.len();
        let overlaps = |g: &Gold, s: &Timex| s.start < g.end && g.start < s.end;
        for s in &sys {
            if golds.iter().any(|g| g.start == s.start && g.end == s.end) {
                strict_p += 1;
            }
            if golds.iter().any(|g| overlaps(g, s)) {
                relaxed_p += 1;
            } else {
                misses.push(miss(
                    &name,
                    "spurious",
                    "",
                    &format!("{} {}", s.text, s.value),
                    text,
                    s.start,
                ));
            }
        }
        for g in &golds {
            if sys.iter().any(|s| g.start == s.start && g.end == s.end) {
                strict_r += 1;
            }
            let best = sys
                .iter()
                .filter(|s| overlaps(g, s))
                .max_by_key(|s| s.end.min(g.end).saturating_sub(s.start.max(g.start)));
            let gs = format!("{} {} {}", g.text, g.kind, g.value);
            match best {
                None => misses.push(miss(&name, "missed", &gs, "", text, g.start)),
                Some(s) => {
                    relaxed_r += 1;
                    let vo = s.value == g.value;
                    let to = s.kind.as_str() == g.kind;
                    value_ok += usize::from(vo);
                    type_ok += usize::from(to);
                    both_ok += usize::from(vo && to);
                    if !vo || !to {
                        let ss = format!("{} {} {}", s.text, s.kind.as_str(), s.value);
                        misses.push(miss(&name, "value", &gs, &ss, text, g.start));
                    }
                }
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let strict = Prf::new(ratio(strict_p, n_sys), ratio(strict_r, n_gold));
    let relaxed = Prf::new(ratio(relaxed_p, n_sys), ratio(relaxed_r, n_gold));
    let acc = |k: usize| ratio(k, relaxed_r);
    Ok(TempevalReport {
        docs,
        gold: n_gold,
        system: n_sys,
        strict,
        relaxed,
        value_f1: acc(value_ok) * relaxed.f1,
        type_f1: acc(type_ok) * relaxed.f1,
        value_type_f1: acc(both_ok) * relaxed.f1,
        value_accuracy: acc(value_ok),
        misses,
    })
}

fn miss(doc: &str, what: &str, gold: &str, system: &str, text: &str, at: usize) -> TempevalMiss {
    let mut a = at.saturating_sub(50);
    while !text.is_char_boundary(a) {
        a += 1;
    }
    let mut b = (at + 30).min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    TempevalMiss {
        doc: doc.to_string(),
        what: what.to_string(),
        gold: gold.to_string(),
        system: system.to_string(),
        context: text.get(a..b).unwrap_or("").replace('\n', " "),
    }
}

/// Gold expressions with byte offsets.
fn gold_list(v: &serde_json::Value, text: &str) -> Option<Vec<Gold>> {
    let mut out = Vec::new();
    // character index → byte index table, built only when needed
    let mut char_to_byte: Option<Vec<usize>> = None;
    for t in v["timex3"].as_array()? {
        let (s, e) = (t["start"].as_u64()? as usize, t["end"].as_u64()? as usize);
        let gtext = t["text"].as_str().unwrap_or("");
        let (s, e) = if text.get(s..e) == Some(gtext) {
            (s, e)
        } else {
            let tab = char_to_byte.get_or_insert_with(|| {
                let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
                v.push(text.len());
                v
            });
            (*tab.get(s)?, *tab.get(e)?)
        };
        out.push(Gold {
            start: s,
            end: e,
            text: gtext.to_string(),
            kind: t["type"].as_str().unwrap_or("").to_string(),
            value: t["value"].as_str().unwrap_or("").to_string(),
        });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_table() {
        for (p, r, f) in [(1.0, 1.0, 1.0), (0.5, 1.0, 2.0 / 3.0), (0.0, 0.0, 0.0)] {
            assert!((Prf::new(p, r).f1 - f).abs() < 1e-9);
        }
    }
}

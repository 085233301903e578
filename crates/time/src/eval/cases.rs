//! The crate's own case table.
//!
//! Format (tab-separated, `#` comments): `published  sentence  expected_text  expected`
//! where `expected` is `START..END` (inclusive ISO dates), `-` for an expression without an
//! interval (durations, sets, vague references), or `none` for text that must not be tagged
//! (no expression may overlap `expected_text`). An optional fifth column gives the expected
//! TIMEX3 value. The case passes when a found expression has exactly `expected_text` as its
//! text and the expected interval (and value).

use std::fmt;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use super::{parse_err, read, EvalError};
use crate::Tagger;

/// One failing case.
#[derive(Clone, Debug, Serialize)]
pub struct CaseFailure {
    /// 1-based line.
    pub line: usize,
    /// The sentence.
    pub sentence: String,
    /// Expected text and interval.
    pub expected: String,
    /// What was found.
    pub got: String,
}

/// Case table results.
#[derive(Clone, Debug, Serialize)]
pub struct CasesReport {
    /// Cases.
    pub total: usize,
    /// Passing cases.
    pub passed: usize,
    /// Failures.
    pub failures: Vec<CaseFailure>,
}

impl fmt::Display for CasesReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "own cases: {}/{} pass", self.passed, self.total)?;
        for x in &self.failures {
            writeln!(
                f,
                "  line {}: {:?}\n    want {}\n    got  {}",
                x.line, x.sentence, x.expected, x.got
            )?;
        }
        Ok(())
    }
}

/// Runs the case table at `path`.
pub fn cases(path: &Path, tagger: &Tagger) -> Result<CasesReport, EvalError> {
    let body = read(path)?;
    let mut rep = CasesReport {
        total: 0,
        passed: 0,
        failures: Vec::new(),
    };
    for (ln, line) in body.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 4 {
            return Err(parse_err(
                path,
                ln + 1,
                "expected at least 4 tab-separated columns",
            ));
        }
        let dct = NaiveDate::parse_from_str(cols[0], "%Y-%m-%d").map_err(|e| {
            parse_err(
                path,
                ln + 1,
                format!("bad published date {:?}: {e}", cols[0]),
            )
        })?;
        let (sentence, want_text, want) = (cols[1], cols[2], cols[3].trim());
        let want_value = cols.get(4).map(|s| s.trim()).filter(|s| !s.is_empty());
        rep.total += 1;
        let found = tagger.tag(sentence, dct);
        let got = found
            .iter()
            .map(|t| {
                let iv = t
                    .interval
                    .map_or("-".to_string(), |i| format!("{}..{}", i.start, i.end));
                format!("[{} | {} | {} | {}]", t.text, t.kind.as_str(), t.value, iv)
            })
            .collect::<Vec<_>>()
            .join(" ");
        let ok = if want == "none" {
            match sentence.find(want_text) {
                Some(a) => {
                    let b = a + want_text.len();
                    !found.iter().any(|t| t.start < b && a < t.end)
                }
                None => false,
            }
        } else {
            found.iter().any(|t| {
                let iv = t
                    .interval
                    .map_or("-".to_string(), |i| format!("{}..{}", i.start, i.end));
                t.text == want_text && iv == want && want_value.is_none_or(|v| v == t.value)
            })
        };
        if ok {
            rep.passed += 1;
        } else {
            let mut expected = format!("{want_text:?} {want}");
            if let Some(v) = want_value {
                expected.push_str(&format!(" {v}"));
            }
            rep.failures.push(CaseFailure {
                line: ln + 1,
                sentence: sentence.to_string(),
                expected,
                got,
            });
        }
    }
    Ok(rep)
}

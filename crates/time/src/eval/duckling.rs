//! Duckling English datetime corpus.
//!
//! Selection (printed in the report): lines whose `kind` is `datetime` or `datetimeInterval`
//! (holidays, open intervals and negative examples excluded) and whose `grain` is `Day`,
//! `Week`, `Month`, `Quarter` or `Year`. Reference time: Tuesday 2013-02-12 (the corpus's
//! 04:30 -02:00 only matters below day grain).
//!
//! Expected interval: for a `value` at grain G, from the value's day to the last day of that
//! G; for an interval, from `start` to the day before the exclusive `end`. The prediction is
//! the interval of the longest expression the tagger finds in the input, read with
//! [`crate::Bias::Future`] (Duckling resolves bare weekdays, months and day numbers to the next
//! occurrence). Correct = identical interval; seasons may differ by up to three days at each
//! end (their astronomical boundaries move from year to year).

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::{parse_err, read, EvalError};
use crate::{Bias, Interval, Precision, Tagger};

/// One wrong case.
#[derive(Clone, Debug, Serialize)]
pub struct DucklingFailure {
    /// The input.
    pub input: String,
    /// Duckling grain.
    pub grain: String,
    /// Expected interval.
    pub expected: Interval,
    /// What the tagger found ("" when nothing).
    pub got: String,
}

/// Duckling corpus results.
#[derive(Clone, Debug, Serialize)]
pub struct DucklingReport {
    /// Lines in the corpus.
    pub total_lines: usize,
    /// Cases selected.
    pub selected: usize,
    /// Correct.
    pub correct: usize,
    /// Accuracy.
    pub accuracy: f64,
    /// Per grain: (selected, correct).
    pub by_grain: BTreeMap<String, (usize, usize)>,
    /// Negative examples (no date expected).
    pub negatives: usize,
    /// Negative examples where the tagger found nothing.
    pub negatives_clean: usize,
    /// Failures.
    pub failures: Vec<DucklingFailure>,
}

impl fmt::Display for DucklingReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Duckling corpus: {} lines, {} selected (datetime/datetimeInterval at Day..Year grain)",
            self.total_lines, self.selected
        )?;
        writeln!(
            f,
            "{:<10} {:>8} {:>8} {:>8}",
            "grain", "cases", "correct", "acc%"
        )?;
        for (g, (n, c)) in &self.by_grain {
            writeln!(
                f,
                "{:<10} {:>8} {:>8} {:>8.1}",
                g,
                n,
                c,
                100.0 * *c as f64 / (*n).max(1) as f64
            )?;
        }
        writeln!(
            f,
            "{:<10} {:>8} {:>8} {:>8.1}",
            "all",
            self.selected,
            self.correct,
            100.0 * self.accuracy
        )?;
        write!(
            f,
            "negative examples with no expression found: {}/{}",
            self.negatives_clean, self.negatives
        )
    }
}

impl DucklingReport {
    /// Failures as a table.
    pub fn failures_table(&self) -> String {
        let mut s = String::new();
        for x in &self.failures {
            s.push_str(&format!(
                "{:<45} {:<8} want {}..{} got {}\n",
                x.input, x.grain, x.expected.start, x.expected.end, x.got
            ));
        }
        s
    }
}

fn parse_day(s: &str) -> Option<NaiveDate> {
    let (neg, body) = match s.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, s),
    };
    let d = body.get(..10)?;
    let mut it = d.split('-');
    let y: i32 = it.next()?.parse().ok()?;
    let m: u32 = it.next()?.parse().ok()?;
    let dd: u32 = it.next()?.parse().ok()?;
    NaiveDate::from_ymd_opt(if neg { -y } else { y }, m, dd)
}

fn grain_end(start: NaiveDate, grain: &str) -> Option<NaiveDate> {
    use chrono::Datelike;
    let months = |n: i32| {
        let t = start.year() * 12 + start.month0() as i32 + n;
        NaiveDate::from_ymd_opt(t.div_euclid(12), t.rem_euclid(12) as u32 + 1, 1)
            .map(|d| d - Duration::days(1))
    };
    match grain {
        "Day" => Some(start),
        "Week" => Some(start + Duration::days(6)),
        "Month" => months(1),
        "Quarter" => months(3),
        "Year" => months(12),
        _ => None,
    }
}

/// Runs the tagger (future-biased) over the Duckling corpus at `path`.
pub fn duckling(path: &Path, tagger: &Tagger) -> Result<DucklingReport, EvalError> {
    let body = read(path)?;
    let future;
    let tagger = if tagger.bias() == Bias::Future {
        tagger
    } else {
        future = Tagger::with_bias(Bias::Future);
        &future
    };
    let reference = NaiveDate::from_ymd_opt(2013, 2, 12)
        .ok_or_else(|| parse_err(path, 0, "bad reference date"))?;
    let mut rep = DucklingReport {
        total_lines: 0,
        selected: 0,
        correct: 0,
        accuracy: 0.0,
        by_grain: BTreeMap::new(),
        negatives: 0,
        negatives_clean: 0,
        failures: Vec::new(),
    };
    for (ln, line) in body.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        rep.total_lines += 1;
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| parse_err(path, ln + 1, e.to_string()))?;
        let kind = v["kind"].as_str().unwrap_or("");
        let input = v["input"]
            .as_str()
            .ok_or_else(|| parse_err(path, ln + 1, "missing field input"))?;
        if kind == "negative" {
            rep.negatives += 1;
            if tagger.tag(input, reference).is_empty() {
                rep.negatives_clean += 1;
            }
            continue;
        }
        let grain = v["grain"].as_str().unwrap_or("");
        if !matches!(kind, "datetime" | "datetimeInterval")
            || !matches!(grain, "Day" | "Week" | "Month" | "Quarter" | "Year")
        {
            continue;
        }
        let expected = if let Some(val) = v["value"].as_str() {
            let s = parse_day(val)
                .ok_or_else(|| parse_err(path, ln + 1, format!("bad value {val:?}")))?;
            let e = grain_end(s, grain).ok_or_else(|| parse_err(path, ln + 1, "bad grain"))?;
            Interval { start: s, end: e }
        } else {
            let s = v["start"]
                .as_str()
                .and_then(parse_day)
                .ok_or_else(|| parse_err(path, ln + 1, "bad start"))?;
            let e = v["end"]
                .as_str()
                .and_then(parse_day)
                .ok_or_else(|| parse_err(path, ln + 1, "bad end"))?;
            Interval {
                start: s,
                end: e - Duration::days(1),
            }
        };
        rep.selected += 1;
        let found = tagger.tag(input, reference);
        let best = found
            .iter()
            .max_by_key(|t| (t.end - t.start, usize::MAX - t.start));
        let ok = best.is_some_and(|t| match t.interval {
            Some(iv) if t.precision == Precision::Season => {
                (iv.start - expected.start).num_days().abs() <= 3
                    && (iv.end - expected.end).num_days().abs() <= 3
            }
            Some(iv) => iv == expected,
            None => false,
        });
        let entry = rep.by_grain.entry(grain.to_string()).or_insert((0, 0));
        entry.0 += 1;
        if ok {
            entry.1 += 1;
            rep.correct += 1;
        } else {
            let got = best.map_or(String::new(), |t| {
                let iv = t
                    .interval
                    .map_or("-".to_string(), |i| format!("{}..{}", i.start, i.end));
                format!("{:?} {} {}", t.text, t.value, iv)
            });
            rep.failures.push(DucklingFailure {
                input: input.to_string(),
                grain: grain.to_string(),
                expected,
                got,
            });
        }
    }
    rep.accuracy = rep.correct as f64 / rep.selected.max(1) as f64;
    Ok(rep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grain_ends() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        let table = [
            ("Day", d(2013, 2, 12), d(2013, 2, 12)),
            ("Month", d(2013, 2, 1), d(2013, 2, 28)),
            ("Quarter", d(2013, 10, 1), d(2013, 12, 31)),
            ("Year", d(2014, 1, 1), d(2014, 12, 31)),
        ];
        for (g, s, want) in table {
            assert_eq!(s.and_then(|s| grain_end(s, g)), want);
        }
        assert_eq!(parse_day("-2014-01-01T00:00:00"), d(-2014, 1, 1));
    }
}

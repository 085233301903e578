//! Dates: which time expressions of a trigger's clause date its event.
//!
//! A trigger usually gets one date, the nearest dated expression of its clause (after the
//! trigger first), skipping the date of a report ("said on Thursday"). A list of dates
//! governed by one trigger ("three summits: on April 27 and May 26 ... and from September 18
//! to 20") gives one date per item, and the stage makes one event of each.

use crate::clause::Clause;
use crate::ctx::SentenceCtx;
use crate::draft::DraftDate;
use crate::lexicon::{TriggerDef, TriggerMatch};
use entente_doc::{EventType, Timex};

/// Words after which a date dates the report, not the event.
const REPORTING_DATE: &[&str] = &[
    "said",
    "says",
    "announced",
    "told",
    "confirmed",
    "cancelled",
    "canceled",
    "postponed",
    "added",
    "reported",
    "stated",
    "revealed",
    "tweeted",
    "wrote",
    "declared",
];

/// The dates chosen for one trigger.
pub(crate) struct DatePick {
    /// One date per event the trigger starts (empty: the event is undated).
    pub dates: Vec<DraftDate>,
    /// A vague future expression ("soon", "in the near future") sits in the clause.
    pub vague_future: bool,
}

/// The dates of the event(s) started by trigger `t`.
pub(crate) fn pick(
    cx: &SentenceCtx<'_>,
    def: &TriggerDef,
    t: &TriggerMatch,
    clause: &Clause,
) -> DatePick {
    let s = cx.text;
    let in_clause = |a: usize, b: usize| a >= clause.start && b <= clause.end;
    let mut best: Option<(usize, &Timex)> = None;
    for x in cx.timexes.iter().filter(|x| in_clause(x.start, x.end)) {
        let tx = x.item;
        if tx.start.is_none()
            || tx.kind == "DURATION"
            || tx.kind == "SET"
            || matches!(tx.precision.as_str(), "century" | "unknown")
        {
            continue;
        }
        // The date of a report ("said on Thursday", "cancelled on Friday") is not the
        // date of the event it reports.
        let lead = s[clause.start.min(x.start)..x.start].to_ascii_lowercase();
        let last: Vec<&str> = lead.split_whitespace().rev().take(3).collect();
        let reported = last
            .iter()
            .any(|w| REPORTING_DATE.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())));
        if reported && def.event_type == EventType::Consult && t.start.abs_diff(x.start) > 12 {
            continue;
        }
        let dist = if x.start >= t.end {
            x.start - t.end
        } else if t.start.saturating_sub(x.end) <= 2 {
            0 // "his June 12 summit"
        } else {
            (t.start - x.end.min(t.start)) + 8
        };
        if best.is_none_or(|(d, _)| dist < d) {
            best = Some((dist, tx));
        }
    }
    let vague_future = cx
        .timexes
        .iter()
        .filter(|x| in_clause(x.start, x.end))
        .any(|x| x.item.future == Some(true) && x.item.vague);
    let dates = best
        .and_then(|(_, tx)| {
            Some(DraftDate {
                start: tx.start?,
                end: tx.end?,
                precision: tx.precision.clone(),
                text: cx.doc.text.get(tx.span.range())?.to_string(),
            })
        })
        .into_iter()
        .collect();
    DatePick {
        dates,
        vague_future,
    }
}

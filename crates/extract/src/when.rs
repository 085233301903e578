//! Dates: which time expressions of a trigger's clause date its event.
//!
//! 1. **Candidates**: the normalized dates of the trigger's clause, minus those that date
//!    something else (see [`crate::when_cues`]): a report or a cancellation ("said on Friday
//!    that ...", "on Friday cancelled a trip"), a relative clause the trigger is not part of
//!    ("the summit, which runs on Friday", "signed on Wednesday under which the North
//!    agreed"), a bound ("since March 2018", "agree by Thursday"), a possessive modifier of
//!    another noun ("next year's election"), a bare time of day ("a midnight news
//!    conference"), the date of the verb whose complement holds the trigger ("Putin, speaking
//!    on Thursday, warned that it would be a mistake for Seoul to send arms"; "agreed last
//!    month to hold regular talks"), a date inside a temporal phrase of its own after the
//!    trigger ("the third meeting, following their summits in Singapore last June"). A
//!    count's window ("his fourth this year") only counts when nothing else does. Forward
//!    spans count too: "within the next two weeks", "in the coming days". An event made by
//!    speaking is dated by its saying ("told him on Friday that ... was a violation"), and
//!    the occasion of a statement past a complement ("... to change its approach in a speech
//!    in April") dates it. A past date of a verb announcing an event that takes place at its
//!    own time dates the announcing ("had announced the visit only last week"). A length
//!    "later"/"earlier" ("eight days later", "hours later") measures from the last day named.
//! 2. **One date**: the nearest candidate, after the trigger first ("met Kim on Thursday"),
//!    then right before it ("his June 12 summit"), then further before. A part of a month
//!    ("at the end of April", "later this month") dates the whole month; a deadline year
//!    ("before the end of the year") the whole year; a season is three whole months. A
//!    stated length next to the trigger stretches a day ("arrived on Tuesday for a three-day
//!    visit" → three days; "wrapped up three days of talks on Friday" → the three days up to
//!    Friday).
//!    A list of days apart under one trigger ("held talks on April 27 and May 26") is two
//!    events; a contiguous one ("on February 27 and 28") is one event of two days.
//! 3. **Several dates**: a counted or plural meeting trigger ("three summits", "met three
//!    times", "their talks") with non-contiguous dates ("on April 27 and May 26 ..., and from
//!    September 18 to 20"; "in March and June and in May") gives one date per item; the
//!    stage makes one event of each. An umbrella period holding the items ("in 2018") is
//!    dropped.
//! 4. **Inherited**: a conjoined predicate without a date of its own ("summoned the
//!    ambassador on Friday ..., and urged Russia to stop") takes the first date of the
//!    predicate it is conjoined to. "Within hours of his departure" takes the last day of the
//!    days named before ("his arrival": the first).
//! 5. **From outside the clause** ([`crate::when_scope`]): a fronted date ("On Sunday, X
//!    met Y, and Z also met W"), "hours later", a distance from a day of the sentence ("on
//!    Tuesday, a day after Kishida arrived"), "there" / "on the sidelines", a length opening
//!    the next sentence ("The three-day drills"), and the sentence before where the words say
//!    the event follows on from it (the flight home, "The statement ...", a short dated
//!    lead, a definite object "unveiled the pact").
//!
//! An event whose clause has no date stays undated: the publication date is never a default.

use crate::clause::{clause_of, Clause};
use crate::ctx::{Local, SentenceCtx};
use crate::draft::DraftDate;
use crate::lexicon::{Form, TriggerDef, TriggerMatch};
use crate::when_cues::{
    complement_before, complement_between, complement_start, control_between, is_announced_object,
    is_announcing, is_attributive_of_other, is_bare_time_of_day, is_bound, is_count_window,
    is_past_verb, is_possessive_of_other, is_report_date_of, is_superseded, participle_between,
    participle_clause_between, preposition_after, preposition_between, relative_spans,
    split_by_relative, words, Word,
};
use crate::when_list::{ahead, duration_days, list_items, list_parts, widen, Span};
use crate::when_occasion::{dates_purpose, mentions, occasion_phrase, where_clause};
use crate::when_offset::{apposed, fronted, later_shift, length, occasion_key, relation, shifted};
use crate::when_scope::{
    is_definite_object, is_fronted, is_past_report, is_return_journey, is_short_lead,
    is_taken_up_subject, occasion_after, points_back, reaches, stay_edge,
};
use chrono::Duration;
use entente_doc::{EventType, Timex};

/// The dates chosen for one trigger.
pub(crate) struct DatePick {
    /// One date per event the trigger starts (empty: the event is undated).
    pub dates: Vec<DraftDate>,
    /// A vague future expression ("soon", "in the near future") sits in the clause.
    pub vague_future: bool,
}

/// A usable date of the sentence.
struct Cand<'a> {
    start: usize,
    end: usize,
    span: Span,
    precision: String,
    timex: &'a Timex,
}

/// Words that count the events of a trigger ("three summits", "met twice").
const COUNT: &[&str] = &["twice", "thrice", "times", "series", "round"];

/// Plural trigger nouns that still name one event.
const SINGULAR_PLURALS: &[&str] = &["news", "crisis", "process", "sanctions", "relations"];

/// The sentence's words, its relative clauses and the publication date.
struct Sent<'s> {
    s: &'s str,
    ws: Vec<Word>,
    rel: Vec<(usize, usize)>,
    published: Option<chrono::NaiveDate>,
    /// The document's time expressions (for days named in earlier sentences).
    doc_timexes: &'s [Timex],
    /// The trigger is a noun ("summit"), which may head a relative clause.
    noun: bool,
    /// The event is made by speaking (a threat, an accusation, a protest): the date of the
    /// saying dates it ("said on Monday that Seoul would take countermeasures").
    speech: bool,
    /// The event takes place at a time of its own (a meeting, a visit, a drill): announcing
    /// it does not date it ("had announced the visit only last week").
    scheduled: bool,
}

/// The dates of the event(s) started by trigger `t`.
pub(crate) fn pick(
    cx: &SentenceCtx<'_>,
    def: &TriggerDef,
    t: &TriggerMatch,
    clause: &Clause,
) -> DatePick {
    let s = cx.text;
    let ws = words(s);
    let rel = relative_spans(s, &ws);
    let se = Sent {
        s,
        ws,
        rel,
        published: cx.doc.published_date(),
        doc_timexes: &cx.doc.timexes,
        noun: t.form == Form::Noun,
        speech: matches!(
            def.event_type,
            EventType::Threaten | EventType::Accuse | EventType::Protest
        ),
        scheduled: matches!(def.event_type, EventType::Consult | EventType::Mobilize),
    };
    let trig = (t.start, t.end);
    let in_clause = |a: usize, b: usize| a >= clause.start && b <= clause.end;
    let vague_future = cx
        .timexes
        .iter()
        .filter(|x| in_clause(x.start, x.end))
        .any(|x| x.item.future == Some(true) && x.item.vague);

    let plural = def.event_type == EventType::Consult && is_counted(&se, t, clause);
    let end = if plural {
        extend_list(s, clause.end, &cx.timexes)
    } else {
        clause.end
    };
    let from = object_of_announcement(&se, clause, trig)
        .or_else(|| saying_of(&se, clause))
        .unwrap_or(clause.start);
    // "agreed that Yellen would travel in the coming days": the complement's dates are its own.
    let full_end = end;
    let end = match complement_start(s, &se.ws, trig) {
        Some(c) if def.event_type != EventType::Consult => end.min(c),
        _ => end,
    };
    // "... as a deadline for Washington to change its approach in a speech to the North's
    // parliament in April": the occasion of the saying, past the complement, is the trigger's.
    let occasion = (end < full_end)
        .then(|| occasion_after(&se.ws, end, full_end))
        .flatten();
    let (cands, windows): (Vec<Cand>, Vec<Cand>) = cx
        .timexes
        .iter()
        .filter(|x| {
            x.start >= from && x.end <= end
                || occasion.is_some_and(|o| x.start >= o && x.end <= full_end)
        })
        .filter_map(|x| candidate(&se, x, Some(trig)))
        .partition(|c| {
            !is_count_window(s, &se.ws, (c.start, c.end))
                && !is_superseded(&se.ws, (c.start, c.end))
        });

    let mut dates = Vec::new();
    if plural {
        dates = items(cx, &cands);
    }
    if dates.is_empty() {
        let near = nearest(s, &cands, trig);
        // "is visiting Beijing for two days, his third trip to China this year": the stay
        // beats a coarser date of an apposition.
        let prog = progressive(&se, cx, trig, clause)
            .filter(|_| near.is_none_or(|c| !matches!(c.precision.as_str(), "day" | "time")));
        // "The drills come a week after Putin and Kim signed a pact": a distance from the
        // occasion, unless a nearer date of the trigger's own stands after the distance.
        let off = offset(&se, cx, trig).filter(|(at, _)| near.is_none_or(|c| c.end <= *at));
        if let Some((_, d)) = off {
            dates.push(d);
        } else if let Some(d) = prog {
            dates.push(d);
        } else if let Some(c) = near {
            // "held talks on April 27 and May 26": days apart are two events.
            let text = s.get(c.start..c.end).unwrap_or("");
            match list_items(text, c.span).filter(|_| !after_between(s, c.start)) {
                Some(parts) => dates.extend(parts.into_iter().map(|p| draft(cx, c, p))),
                None => {
                    let sp = stretch(&se, cx, c, trig, clause);
                    dates.push(draft(cx, c, sp));
                }
            }
        } else if let Some(d) = inherited(&se, cx, clause, trig) {
            dates.push(d);
        } else if let Some(d) = saying_inherited(&se, cx, clause) {
            dates.push(d);
        } else if let Some(d) = fronted_date(&se, cx, clause, trig) {
            dates.push(d);
        } else if let Some(d) = taken_up(&se, cx, clause, trig) {
            dates.push(d);
        } else if let Some(d) = spelt_out(&se, cx, trig) {
            dates.push(d);
        } else if let Some(d) = eve(&se, cx) {
            dates.push(d);
        } else if let Some(d) = stay_day(&se, cx, trig) {
            dates.push(d);
        } else if let Some(d) = there(&se, cx, clause, trig) {
            dates.push(d);
        } else if let Some(d) = where_inherited(&se, cx, trig) {
            dates.push(d);
        } else if let Some(d) = setting_date(&se, cx, clause, trig) {
            dates.push(d);
        } else if let Some(d) = from_context(&se, cx, clause, trig) {
            dates.push(d);
        } else if let Some(c) = nearest(s, &windows, trig) {
            // "his fourth this year" says no more than the year
            dates.push(draft(cx, c, c.span));
        }
    }
    DatePick {
        dates,
        vague_future,
    }
}

/// "on Friday, when China announced retaliatory tariffs": the clause was cut after the
/// announcing verb, but the trigger is its object, so the verb's dates count. Returns where
/// the dates may start.
fn object_of_announcement(se: &Sent<'_>, clause: &Clause, t: (usize, usize)) -> Option<usize> {
    let (a, b) = clause.speaker?;
    if b != clause.start {
        return None;
    }
    let verb = se.ws.iter().rev().find(|w| w.end <= b)?;
    if !is_announcing(&verb.lower) || verb.start < a {
        return None;
    }
    let between = se
        .ws
        .iter()
        .filter(|w| w.start >= b && w.end <= t.0)
        .count();
    (between <= 3).then_some(a)
}

/// "told him on Friday that the balloon was a clear violation": an event made by speaking
/// is dated by the saying, so the reporting part before its clause counts. Returns where the
/// dates may start.
fn saying_of(se: &Sent<'_>, clause: &Clause) -> Option<usize> {
    let (a, b) = clause.speaker?;
    (se.speech && b == clause.start).then_some(a)
}

/// "had spoken by phone on Friday with Wang Yi, and told him that ... was a clear violation":
/// the saying of an event made by speaking is a conjoined predicate, dated by the first one.
fn saying_inherited(se: &Sent<'_>, cx: &SentenceCtx<'_>, clause: &Clause) -> Option<DraftDate> {
    let a = saying_of(se, clause)?;
    let verb = se
        .ws
        .iter()
        .filter(|w| w.start >= a && w.end <= clause.start)
        .find(|w| !["and", "but", "then", "also"].contains(&w.lower.as_str()))?;
    let saying = Clause {
        start: a,
        end: clause.start,
        speaker: None,
    };
    inherited(se, cx, &saying, (verb.start, verb.end))
}

/// The usable date of expression `x`, or `None` when it dates something else. With `trig`
/// absent, report dates are kept (a conjoined predicate shares its subject's report).
fn candidate<'a>(
    se: &Sent<'_>,
    x: &Local<'a, Timex>,
    trig: Option<(usize, usize)>,
) -> Option<Cand<'a>> {
    let tx = x.item;
    let s = se.s;
    let text = s.get(x.start..x.end)?;
    let lead = s.get(..x.start)?.to_lowercase();
    let pos = (x.start, x.end);
    if tx.kind == "DURATION" {
        // "Trump responded hours later", "reversed course eight days later": the length
        // from the last day named before.
        if let Some((n, unit, sign)) = later_shift(&tx.value, s.get(x.end..).unwrap_or("")) {
            let d = last_day_before(se.doc_timexes, x.item.span.start())?;
            let (span, precision) = shifted(d, n, unit, sign)?;
            return Some(Cand {
                start: x.start,
                end: x.end,
                span,
                precision: precision.into(),
                timex: tx,
            });
        }
    }
    if tx.kind == "DURATION" {
        // "within the next two to three weeks": the upper bound is the other expression.
        let rest = s.get(x.end..).unwrap_or("");
        if rest.starts_with(" to ") || rest.starts_with(" or ") {
            return None;
        }
        let sp = ahead(&tx.value, text, &lead, se.published?)?;
        return Some(Cand {
            start: x.start,
            end: x.end,
            span: sp,
            precision: if sp.end - sp.start <= Duration::days(7) {
                "week".into()
            } else {
                "month".into()
            },
            timex: tx,
        });
    }
    // "He invited Kim to Russia at the time": the time named just before (within a few
    // hundred bytes: this sentence or the one before).
    if is_anaphoric_time(text) {
        let at = tx.span.start();
        let prev = se.doc_timexes.iter().rev().find(|y| {
            y.span.end() <= at
                && at - y.span.end() <= ANAPHORA_REACH
                && y.kind == "DATE"
                && !y.vague
                && !matches!(y.precision.as_str(), "unknown" | "century")
        })?;
        let (start, end) = (prev.start?, prev.end?);
        return Some(Cand {
            start: x.start,
            end: x.end,
            span: Span { start, end },
            precision: prev.precision.clone(),
            timex: tx,
        });
    }
    if tx.kind == "SET" || matches!(tx.precision.as_str(), "century" | "unknown") {
        return None;
    }
    let (start, end) = (tx.start?, tx.end?);
    if is_bare_time_of_day(text)
        || is_bound(&se.ws, pos, &tx.precision, trig.map_or(0, |t| t.0))
        || is_possessive_of_other(s, &se.ws, pos, trig.map_or(usize::MAX, |t| t.0))
        || is_attributive_of_other(s, &se.ws, pos, trig.map_or(usize::MAX, |t| t.0))
    {
        return None;
    }
    if let Some(t) = trig {
        // A date right before the trigger modifies it: "his planned June 12 summit".
        let modifies = modifies(s, x.end, t.0);
        if !modifies
            && (is_report_date_of(s, &se.ws, pos, t, se.speech)
                || se.scheduled
                    && se.published.is_some_and(|p| end <= p)
                    && is_announced_object(s, &se.ws, pos, t)
                || split_by_relative(s, &se.ws, &se.rel, pos, t, se.noun)
                || participle_between(s, &se.ws, pos, t)
                || complement_between(s, &se.ws, pos, t)
                || !se.speech && complement_before(s, &se.ws, pos, t)
                || control_between(&se.ws, pos, t)
                || preposition_after(s, &se.ws, pos, t)
                || se.noun && preposition_between(s, &se.ws, pos, t)
                || se.noun && participle_clause_between(s, &se.ws, pos, t)
                || !se.scheduled && dates_purpose(&se.ws, pos, t))
        {
            return None;
        }
    }
    Some(Cand {
        start: x.start,
        end: x.end,
        span: widen(Span { start, end }, &tx.precision, &lead, text),
        precision: tx.precision.clone(),
        timex: tx,
    })
}

/// True when a date ending at byte `x_end` stands right before the trigger at byte `t0`,
/// as its modifier: "his June 12 summit", "Tuesday's talks".
fn modifies(s: &str, x_end: usize, t0: usize) -> bool {
    x_end <= t0
        && s.get(x_end..t0).is_some_and(|g| {
            let g = g.trim();
            g.is_empty() || g == "'s" || g == "’s"
        })
}

/// How far back (bytes) "at the time" looks for the time it takes up.
const ANAPHORA_REACH: usize = 400;

/// True for words that take up a time named before: "at the time", "at that time".
fn is_anaphoric_time(text: &str) -> bool {
    let t = text.trim().to_ascii_lowercase();
    ["at the time", "at that time", "the time", "that time"].contains(&t.as_str())
}

/// The nearest candidate: after the trigger first, right before it ("his June 12 summit"),
/// then further before.
/// A date before the trigger with a coordination between them belongs to the first
/// predicate ("flew to Seoul on Saturday and will hold talks ... on Sunday").
/// A date before a second complement ("agreed that Yellen would travel in the coming days and
/// that Blinken would visit") belongs to the first.
fn nearest<'c, 'a>(s: &str, cands: &'c [Cand<'a>], t: (usize, usize)) -> Option<&'c Cand<'a>> {
    let own = |c: &&Cand<'_>| {
        c.start >= t.1
            || !s.get(c.end..t.0).is_some_and(|g| {
                let g = g.to_lowercase();
                g.contains(" and that ") || g.contains(", that ") || g.contains(" but that ")
            })
    };
    cands.iter().filter(own).min_by_key(|c| {
        if c.start >= t.1 {
            c.start - t.1
        } else if t.0.saturating_sub(c.end) <= 2 {
            0
        } else {
            let gap = s.get(c.end..t.0).unwrap_or("");
            let coordinated = [" and ", " but ", " then ", " before ", " after ", " since "]
                .iter()
                .any(|w| gap.contains(w));
            (t.0 - c.end.min(t.0)) + if coordinated { 80 } else { 8 }
        }
    })
}

fn draft(cx: &SentenceCtx<'_>, c: &Cand<'_>, sp: Span) -> DraftDate {
    DraftDate {
        start: sp.start,
        end: sp.end,
        precision: c.precision.clone(),
        text: cx
            .doc
            .text
            .get(c.timex.span.range())
            .unwrap_or_default()
            .to_string(),
    }
}

/// True for a trigger that names several events: a plural noun ("summits", "talks") or a
/// count next to it ("three times", "twice").
fn is_counted(se: &Sent<'_>, t: &TriggerMatch, clause: &Clause) -> bool {
    let word = se.s.get(t.start..t.end).unwrap_or("").to_lowercase();
    if t.form == Form::Noun
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !SINGULAR_PLURALS.contains(&word.as_str())
    {
        return true;
    }
    let i = se.ws.iter().position(|w| w.start >= t.start).unwrap_or(0);
    se.ws
        .iter()
        .enumerate()
        .filter(|(j, w)| {
            w.start >= clause.start && w.end <= clause.end && j.abs_diff(i) <= 6 && *j != i
        })
        .any(|(_, w)| COUNT.contains(&w.lower.as_str()))
}

/// "between Monday and June 4" is a range, not a list.
fn after_between(s: &str, at: usize) -> bool {
    s.get(..at)
        .is_some_and(|h| h.trim_end().to_ascii_lowercase().ends_with("between"))
}

/// A list of dates may go on past the clause: "The three summits ... in 2018 -- on April 27
/// and May 26 at Panmunjom, and from September 18 to 20 in Pyongyang".
fn extend_list(s: &str, mut end: usize, timexes: &[Local<'_, Timex>]) -> usize {
    const SEPARATORS: &[&str] = &[", and ", "-- ", "— ", "– ", ": ", ", "];
    loop {
        let mut at = end;
        // a short place phrase after the last date: " at Panmunjom", " in Pyongyang"
        let rest = s.get(at..).unwrap_or("");
        for prep in [" at ", " in "] {
            if let Some(after) = rest.strip_prefix(prep) {
                let name: usize = after
                    .split(' ')
                    .take(2)
                    .take_while(|w| w.starts_with(char::is_uppercase))
                    .map(|w| w.trim_end_matches([',', '.']).len() + 1)
                    .sum();
                if name > 0 {
                    let skip = prep.len() + name - 1;
                    let cut = after
                        .get(..name - 1)
                        .map_or(0, |n| n.len() - n.trim_end_matches([',', '.']).len());
                    at += skip - cut;
                }
                break;
            }
        }
        let rest = s.get(at..).unwrap_or("");
        let trimmed = rest.trim_start();
        at += rest.len() - trimmed.len();
        let Some(sep) = SEPARATORS.iter().find(|p| trimmed.starts_with(**p)) else {
            return end;
        };
        at += sep.len();
        let after = s.get(at..).unwrap_or("");
        for prep in ["from ", "on ", "in ", "at ", "between "] {
            if after.starts_with(prep) {
                at += prep.len();
                break;
            }
        }
        match timexes.iter().find(|x| x.start == at) {
            Some(x) => end = x.end,
            None => return end,
        }
    }
}

/// One date per item of the candidates, when there are at least two: lists split, periods
/// holding other items ("in 2018" around "in March and June") dropped.
fn items(cx: &SentenceCtx<'_>, cands: &[Cand<'_>]) -> Vec<DraftDate> {
    // (item, from a list, candidate)
    let mut all: Vec<(Span, bool, &Cand<'_>)> = Vec::new();
    for c in cands {
        let text = cx.text.get(c.start..c.end).unwrap_or("");
        // "their talks in April and May": whole months are separate meetings even when they
        // touch; touching days ("February 27 and 28") are one.
        let parts = if c.precision == "month" {
            list_parts(text, c.span)
        } else {
            list_items(text, c.span)
        };
        match parts.filter(|_| !after_between(cx.text, c.start)) {
            Some(parts) => all.extend(parts.into_iter().map(|p| (p, true, c))),
            None => all.push((c.span, false, c)),
        }
    }
    let mut out: Vec<DraftDate> = Vec::new();
    for (i, (sp, listed, c)) in all.iter().enumerate() {
        let umbrella = !listed
            && all
                .iter()
                .enumerate()
                .any(|(j, (o, _, _))| j != i && sp.start <= o.start && o.end <= sp.end && sp != o);
        if umbrella {
            continue;
        }
        let mut d = draft(cx, c, *sp);
        if *listed && c.precision == "month" && (sp.end - sp.start).num_days() < 27 {
            d.precision = "day".into();
        }
        if !out.contains(&d) {
            out.push(d);
        }
    }
    if out.len() < 2 {
        return Vec::new();
    }
    out
}

/// Words before a stated length that put the date at its end ("wrapped up three days of
/// talks on Friday", "at the end of a two-day visit").
const ENDING: &[&str] = &[
    "end of",
    "wrapped up",
    "wrapping up",
    "wraps up",
    "concluded",
    "concluding",
    "ended",
    "ending",
    "wound up",
    "returned from",
    "back from",
];

/// A single day stretched by a stated length next to the trigger ("arrived on Tuesday for a
/// three-day visit").
fn stretch(
    se: &Sent<'_>,
    cx: &SentenceCtx<'_>,
    c: &Cand<'_>,
    t: (usize, usize),
    clause: &Clause,
) -> Span {
    let sp = c.span;
    if sp.start != sp.end || !matches!(c.precision.as_str(), "day" | "time") {
        return sp;
    }
    let Some((days, y)) = stated_length(se, cx, t, clause).or_else(|| {
        (clause.start <= 2)
            .then(|| next_length(cx))
            .flatten()
            .map(|n| (n, t.0))
    }) else {
        return sp;
    };
    let before =
        se.s.get(clause.start..y.min(t.0).max(clause.start))
            .unwrap_or("")
            .to_lowercase();
    if ENDING.iter().any(|w| before.contains(w)) {
        Span {
            start: sp
                .end
                .checked_sub_signed(Duration::days(days - 1))
                .unwrap_or(sp.end),
            end: sp.end,
        }
    } else {
        Span {
            start: sp.start,
            end: sp
                .start
                .checked_add_signed(Duration::days(days - 1))
                .unwrap_or(sp.start),
        }
    }
}

/// A length in days (2 to 14) stated next to the trigger: "three-day visit", "three days of
/// talks", "visiting Beijing for two days". Returns the days and where the length starts.
fn stated_length(
    se: &Sent<'_>,
    cx: &SentenceCtx<'_>,
    t: (usize, usize),
    clause: &Clause,
) -> Option<(i64, usize)> {
    let between = |a: usize, b: usize| se.ws.iter().filter(|w| w.start >= a && w.end <= b).count();
    cx.timexes
        .iter()
        .filter(|x| x.item.kind == "DURATION" && x.start >= clause.start && x.end <= clause.end)
        .filter(|x| x.item.value.ends_with('D'))
        .filter(|x| {
            // "a two-day journey and held talks": the length belongs to the journey.
            let joined = |a: usize, b: usize| {
                se.ws.iter().any(|w| {
                    w.start >= a && w.end <= b && ["and", "but", "or"].contains(&w.lower.as_str())
                })
            };
            // "arrived in Washington on Tuesday for a three-day visit"
            let purpose = se.s.get(..x.start).is_some_and(|h| {
                h.ends_with("for a ") || h.ends_with("for an ") || h.ends_with("for ")
            });
            // "two days after talks in Shanghai": a distance, not a length
            let distance = se.ws.iter().find(|w| w.start >= x.end).is_some_and(|w| {
                ["after", "before", "later", "earlier", "ago"].contains(&w.lower.as_str())
            });
            if distance {
                return false;
            }
            let reach = if purpose { 7 } else { 3 };
            (x.end <= t.0 && between(x.end, t.0) <= 2 && !joined(x.end, t.0))
                || (x.start >= t.1 && between(t.1, x.start) <= reach && !joined(t.1, x.start))
        })
        .find_map(|x| {
            let n = duration_days(&x.item.value)?;
            (2..=14).contains(&n).then_some((n, x.start))
        })
}

/// "... began their first three-way exercise on Thursday. The three-day drills ...": the
/// length (2 to 14 days) that opens the next sentence's subject, which takes up the event.
fn next_length(cx: &SentenceCtx<'_>) -> Option<i64> {
    let doc = cx.doc;
    let next = doc
        .sentences
        .iter()
        .skip(usize::try_from(cx.sid).ok()? + 1)
        .find(|n| !n.caption && !n.headline)?;
    let text = doc.text.get(next.span.range())?;
    let ws = words(text);
    if ws.first().is_none_or(|w| w.lower != "the") {
        return None;
    }
    let second = ws.get(1)?;
    let x = doc.timexes.iter().find(|x| {
        x.kind == "DURATION"
            && [0, second.start].contains(&(x.span.start().saturating_sub(next.span.start())))
            && x.span.end() >= next.span.start() + second.end
    })?;
    // "The three-day drills", not "The three days of talks were ..."
    let adjective = text.get(second.start..second.end)?.contains('-');
    let n = duration_days(&x.value)?;
    (adjective && (2..=14).contains(&n)).then_some(n)
}

/// "Kim is visiting Beijing for two days": the stay starts on the publication day.
fn progressive(
    se: &Sent<'_>,
    cx: &SentenceCtx<'_>,
    t: (usize, usize),
    clause: &Clause,
) -> Option<DraftDate> {
    let word = se.s.get(t.0..t.1)?.to_lowercase();
    let aux = se.ws.iter().rev().find(|w| w.end <= t.0);
    let be = |w: &str| ["is", "are"].contains(&w);
    let first = word.split_whitespace().next().unwrap_or("");
    let ing = word.split_whitespace().any(|w| w.ends_with("ing"));
    if !ing || !(be(first) || aux.is_some_and(|a| be(&a.lower))) {
        return None;
    }
    let (days, y) = stated_length(se, cx, t, clause)?;
    let p = se.published?;
    Some(DraftDate {
        start: p,
        end: p.checked_add_signed(Duration::days(days - 1))?,
        precision: "day".into(),
        text: se.s.get(y..).and_then(|r| r.split(',').next())?.to_string(),
    })
}

/// The date of trigger `t` from a distance to the occasion ("comes a week after ...", see
/// [`crate::when_offset`]), with where the distance starts. A past "came" measures from the
/// last day named before it in the document.
fn offset(se: &Sent<'_>, cx: &SentenceCtx<'_>, t: (usize, usize)) -> Option<(usize, DraftDate)> {
    cx.timexes
        .iter()
        .rev()
        .filter(|x| x.item.kind == "DURATION" && x.end <= t.0)
        .find_map(|x| {
            let pos = (x.start, x.end);
            // the day of the sentence that an apposed distance hangs on
            let day_end = cx
                .timexes
                .iter()
                .filter(|y| y.end <= x.start && y.item.kind == "DATE" && y.item.precision == "day")
                .map(|y| y.end)
                .max();
            let (sign, present, told) = relation(se.s, &se.ws, pos, t)
                .map(|(sign, present)| (sign, present, false))
                .or_else(|| Some((fronted(se.s, &se.ws, pos, t)?, false, true)))
                .or_else(|| Some((apposed(se.s, &se.ws, pos, t, day_end?)?, false, false)))?;
            let (n, unit) = length(&x.item.value)?;
            let anchor = if present {
                se.published?
            } else {
                // "Hours after the trip was announced, ...": the day of the occasion's own
                // earlier mention; else "China and Russia on Thursday vetoed ... The vote
                // came a day after": the last day named before, in this sentence or an
                // earlier one.
                told.then(|| {
                    // "A day before Thursday's meeting, ...": the occasion's own day
                    cx.timexes
                        .iter()
                        .filter(|y| y.start >= x.end && y.end <= t.0)
                        .filter(|y| y.item.kind == "DATE" && y.item.precision == "day")
                        .find_map(|y| y.item.start)
                        .or_else(|| occasion_day(se, cx, pos, t))
                })
                .flatten()
                .or_else(|| last_day_before(&cx.doc.timexes, x.item.span.start()))?
            };
            let (sp, precision) = shifted(anchor, n, unit, sign)?;
            Some((
                x.start,
                DraftDate {
                    start: sp.start,
                    end: sp.end,
                    precision: precision.into(),
                    text: se.s.get(x.start..x.end)?.to_string(),
                },
            ))
        })
}

/// The sentences before `cx`'s, latest first, with their text: body text only (no captions,
/// no headline).
fn earlier_body_sentences<'a>(
    cx: &SentenceCtx<'a>,
) -> impl Iterator<Item = (&'a entente_doc::Sentence, &'a str)> {
    let doc = cx.doc;
    let sid = usize::try_from(cx.sid).unwrap_or(usize::MAX);
    doc.sentences
        .get(..sid)
        .unwrap_or_default()
        .iter()
        .rev()
        .filter(|prev| !prev.caption && !prev.headline)
        .filter_map(|prev| Some((prev, doc.text.get(prev.span.range())?)))
}

/// "Hours after the trip was announced, the court issued a warrant": the day of the latest
/// earlier sentence that tells of the occasion's verb ("announced"), or of its head noun when
/// it has none, with a day-precise date in that word's clause. `x` is the distance, `t` the
/// trigger.
fn occasion_day(
    se: &Sent<'_>,
    cx: &SentenceCtx<'_>,
    x: (usize, usize),
    t: (usize, usize),
) -> Option<chrono::NaiveDate> {
    let key = occasion_key(se.s, &se.ws, x, t)?;
    for (prev, text) in earlier_body_sentences(cx) {
        let ws = words(text);
        let Some(m) = ws.iter().find(|w| w.lower == key) else {
            continue;
        };
        let cl = clause_of(text, m.start, m.end);
        let at = |y: &Timex| y.span.start().saturating_sub(prev.span.start());
        return cx
            .doc
            .timexes
            .iter()
            .filter(|y| y.span.start() >= prev.span.start() && y.span.end() <= prev.span.end())
            .filter(|y| y.kind == "DATE" && y.precision == "day" && y.start.is_some())
            .filter(|y| at(y) >= cl.start && at(y) < cl.end)
            .min_by_key(|y| at(y).abs_diff(m.start))
            .and_then(|y| y.end)
            .filter(|d| se.published.is_none_or(|p| *d <= p));
    }
    None
}

/// "On Sunday, Yoon held talks with Li, and Li and Kishida also met each other": the date
/// that opens the sentence dates a later coordinated clause without a date of its own (see
/// [`crate::when_scope`]).
fn fronted_date(
    se: &Sent<'_>,
    cx: &SentenceCtx<'_>,
    clause: &Clause,
    t: (usize, usize),
) -> Option<DraftDate> {
    if clause.speaker.is_some() || se.rel.iter().any(|&(a, b)| a <= t.0 && t.1 <= b) {
        return None;
    }
    let x = cx
        .timexes
        .iter()
        .find(|x| x.end <= clause.start && is_fronted(se.s, &se.ws, (x.start, x.end)))?;
    if !reaches(&se.ws, x.end, t) {
        return None;
    }
    let c = candidate(se, x, None)?;
    Some(draft(cx, &c, c.span))
}

/// "The G7 summit runs from Friday to Sunday, and the four leaders could meet there on the
/// sidelines": "there" (or "on the sidelines" of nothing named) takes up the occasion of the
/// clause before, and its date.
fn there(
    se: &Sent<'_>,
    cx: &SentenceCtx<'_>,
    clause: &Clause,
    t: (usize, usize),
) -> Option<DraftDate> {
    if !points_back(&se.ws, t.1) {
        return None;
    }
    cx.timexes
        .iter()
        .filter(|x| x.end <= clause.start)
        .filter_map(|x| candidate(se, x, None))
        .max_by_key(|c| c.start)
        .map(|c| draft(cx, &c, c.span))
}

/// "Pompeo stopped in Tokyo on Saturday, where he met Abe": a ", where" clause without a
/// date of its own takes the nearest date of the clause it hangs on (see
/// [`crate::when_occasion`]).
fn where_inherited(se: &Sent<'_>, cx: &SentenceCtx<'_>, t: (usize, usize)) -> Option<DraftDate> {
    let at = where_clause(se.s, &se.ws, t)?;
    let head = clause_of(se.s, at.saturating_sub(1), at);
    let verb = se
        .ws
        .iter()
        .rev()
        .find(|w| w.end <= at && w.start >= head.start)?;
    let cands: Vec<Cand> = cx
        .timexes
        .iter()
        .filter(|x| x.start >= head.start && x.end <= at)
        .filter_map(|x| candidate(se, x, None))
        .collect();
    nearest(se.s, &cands, (verb.start, verb.end)).map(|c| draft(cx, c, c.span))
}

/// "At the summit, the two leaders agreed ...": a definite occasion phrase names a meeting
/// told of before; the latest earlier mention of it with a date of its own dates the event
/// (see [`crate::when_occasion`]).
fn setting_date(
    se: &Sent<'_>,
    cx: &SentenceCtx<'_>,
    clause: &Clause,
    t: (usize, usize),
) -> Option<DraftDate> {
    let occ = occasion_phrase(se.s, &se.ws, (clause.start, clause.end), t)?;
    for (prev, text) in earlier_body_sentences(cx) {
        let ws = words(text);
        let found: Vec<(usize, usize)> = mentions(&ws, &occ)
            .iter()
            .map(|w| (w.start, w.end))
            .collect();
        if found.is_empty() {
            continue;
        }
        let timexes = crate::ctx::local(&cx.doc.timexes, prev.span);
        let rel = relative_spans(text, &ws);
        let ps = Sent {
            s: text,
            ws,
            rel,
            published: se.published,
            doc_timexes: se.doc_timexes,
            noun: true,
            speech: false,
            scheduled: true,
        };
        for m in found {
            let cl = clause_of(text, m.0, m.1);
            let cands: Vec<Cand> = timexes
                .iter()
                .filter(|x| x.start >= cl.start && x.end <= cl.end)
                .filter_map(|x| candidate(&ps, x, Some(m)))
                .filter(|c| {
                    !is_count_window(text, &ps.ws, (c.start, c.end))
                        && !is_superseded(&ps.ws, (c.start, c.end))
                })
                .collect();
            if let Some(c) = nearest(text, &cands, m) {
                return Some(draft(cx, c, c.span));
            }
        }
    }
    None
}

/// A date from the sentences before, where the words say the event follows on from them
/// (see [`crate::when_scope`]): the return journey of a trip, a subject taking up the
/// previous sentence's event, the detail of a short dated lead.
fn from_context(
    se: &Sent<'_>,
    cx: &SentenceCtx<'_>,
    clause: &Clause,
    t: (usize, usize),
) -> Option<DraftDate> {
    let doc = cx.doc;
    let here = doc.sentences.get(usize::try_from(cx.sid).ok()?)?;
    let day = |d: chrono::NaiveDate, text: &str| DraftDate {
        start: d,
        end: d,
        precision: "day".into(),
        text: text.to_string(),
    };
    if is_return_journey(se.s, t.0) && clause.speaker.is_none() {
        let d = latest_day_before(&doc.timexes, here.span.start(), se.published)?;
        return Some(day(d, "the flight home"));
    }
    // the main verb of the sentence's first clause ("The statement ... accused"), not a
    // noun naming some other occasion ("using the talks as a trick"), unless the noun is the
    // definite object of a past verb ("... unveiled the pact"), taking up the event before
    let definite = se.noun && is_definite_object(&se.ws, clause.start, t);
    if clause.start > 2 || clause.speaker.is_some() || se.noun && !definite {
        return None;
    }
    let prev = doc
        .sentences
        .iter()
        .take(usize::try_from(cx.sid).ok()?)
        .rev()
        .find(|p| !p.caption && !p.headline)?;
    let first_day = || {
        doc.timexes
            .iter()
            .filter(|x| x.span.start() >= prev.span.start() && x.span.end() <= prev.span.end())
            .find(|x| x.kind == "DATE" && x.precision == "day" && x.start.is_some())
    };
    let taken_up = is_taken_up_subject(&se.ws) || definite;
    let lead = !taken_up
        && is_past_report(&se.ws, clause.start, t)
        && is_short_lead(&words(doc.text.get(prev.span.range())?));
    if !(taken_up || lead) {
        return None;
    }
    let x = first_day()?;
    Some(day(x.start?, doc.text.get(x.span.range())?))
}

/// The latest day named by a day-precise date ending at or before document offset `at`, up
/// to the publication day.
fn latest_day_before(
    timexes: &[Timex],
    at: usize,
    published: Option<chrono::NaiveDate>,
) -> Option<chrono::NaiveDate> {
    timexes
        .iter()
        .filter(|y| y.span.end() <= at && y.kind == "DATE" && y.precision == "day")
        .filter_map(|y| y.end)
        .filter(|d| published.is_none_or(|p| *d <= p))
        .max()
}

/// The day of the last day-precise date that ends at or before document offset `at`.
fn last_day_before(timexes: &[Timex], at: usize) -> Option<chrono::NaiveDate> {
    timexes
        .iter()
        .rev()
        .find(|y| {
            y.span.end() <= at && y.kind == "DATE" && y.precision == "day" && y.start.is_some()
        })?
        .start
}

/// Phrases after "it" that give the time of an event named before ("it could take place in
/// February").
const TAKES_PLACE: &[&str] = &[
    "take place",
    "takes place",
    "took place",
    "be held",
    "is held",
    "happen",
    "go ahead",
    "is scheduled",
    "was scheduled",
    "is expected",
    "is due",
    "is set",
];

/// "negotiating a location for a second summit, and officials have said it could take place
/// in February": a later "it" taking up an event noun of the sentence, with a date, dates it.
fn taken_up(
    se: &Sent<'_>,
    cx: &SentenceCtx<'_>,
    clause: &Clause,
    t: (usize, usize),
) -> Option<DraftDate> {
    if !se.noun {
        return None;
    }
    let from = clause.end.max(t.1);
    // "The trip, which would have been his fourth this year, was expected to take place
    // next week": the subject's own predicate, past a relative clause.
    let subject = se.ws.iter().filter(|w| w.end <= t.0).count() <= 3;
    let at = it_takes_place(se.s, &se.ws, from)
        .or_else(|| subject.then(|| predicate_takes_place(se.s, from)).flatten())?;
    cx.timexes
        .iter()
        .filter(|x| x.start >= at)
        .filter_map(|x| candidate(se, x, None))
        .min_by_key(|c| c.start)
        .map(|c| draft(cx, &c, c.span))
}

/// Where the first "it could take place" (see [`TAKES_PLACE`]) at or after byte `from`
/// ends its "it".
fn it_takes_place(s: &str, ws: &[Word], from: usize) -> Option<usize> {
    ws.iter()
        .filter(|w| w.start >= from && w.lower == "it")
        .find(|w| {
            let rest = s.get(w.end..).unwrap_or("").to_lowercase();
            let head = rest
                .split_whitespace()
                .take(4)
                .collect::<Vec<_>>()
                .join(" ");
            TAKES_PLACE.iter().any(|p| head.contains(p))
        })
        .map(|w| w.end)
}

/// Where the first phrase of [`TAKES_PLACE`] at or after byte `from` ends.
fn predicate_takes_place(s: &str, from: usize) -> Option<usize> {
    let rest = s.get(from..)?.to_ascii_lowercase();
    TAKES_PLACE
        .iter()
        .filter_map(|p| rest.find(p).map(|i| i + p.len()))
        .min()
        .map(|i| from + i)
}

/// "met in Osaka on the eve of the Group of 20 summit, which runs on Friday and Saturday":
/// the day before the first day named after "the eve of".
fn eve(se: &Sent<'_>, cx: &SentenceCtx<'_>) -> Option<DraftDate> {
    let at = eve_of_at(&se.ws)?;
    let x = cx
        .timexes
        .iter()
        .find(|x| x.start >= at && x.item.kind == "DATE" && x.item.precision == "day")?;
    let d = x.item.start?.pred_opt()?;
    Some(DraftDate {
        start: d,
        end: d,
        precision: "day".into(),
        text: "the eve".into(),
    })
}

/// "His last visit, on July 6 and 7, went badly. ... within hours of his departure the
/// ministry accused Washington": the first or last day of the last days named before.
fn stay_day(se: &Sent<'_>, cx: &SentenceCtx<'_>, t: (usize, usize)) -> Option<DraftDate> {
    let first = stay_edge(&se.ws, t.0)?;
    let here = cx.doc.sentences.get(usize::try_from(cx.sid).ok()?)?;
    let at = here.span.start() + t.0;
    let x = cx.doc.timexes.iter().rev().find(|y| {
        y.span.end() <= at && y.kind == "DATE" && y.precision == "day" && y.start.is_some()
    })?;
    let d = if first { x.start? } else { x.end? };
    Some(DraftDate {
        start: d,
        end: d,
        precision: "day".into(),
        text: if first {
            "the arrival"
        } else {
            "the departure"
        }
        .into(),
    })
}

/// Where "the eve of" ends in the words, if they hold it.
fn eve_of_at(ws: &[Word]) -> Option<usize> {
    ws.windows(3)
        .find(|w| w[0].lower == "the" && w[1].lower == "eve" && w[2].lower == "of")
        .map(|w| w[2].end)
}

/// Vague times that a following "which could mean ..." spells out.
const VAGUE_TIME: &[&str] = &["date", "soon", "time", "future", "point", "stage", "later"];

/// "agreed to visit Seoul at an early date, which Moon said could mean before the end of this
/// year": a relative clause that spells out a vague time right after the trigger dates it.
fn spelt_out(se: &Sent<'_>, cx: &SentenceCtx<'_>, t: (usize, usize)) -> Option<DraftDate> {
    let at = means_at(&se.ws, t.1)?;
    cx.timexes
        .iter()
        .filter(|x| x.start >= at)
        .filter_map(|x| candidate(se, x, None))
        .min_by_key(|c| c.start)
        .map(|c| draft(cx, &c, c.span))
}

/// Where "mean(s)" ends in "<vague time>, which ... could mean" within a few words after
/// byte `from`.
fn means_at(ws: &[Word], from: usize) -> Option<usize> {
    let k = ws.iter().position(|w| w.start >= from)?;
    let which = (k..ws.len().min(k + 7)).find(|&i| ws[i].lower == "which")?;
    let before = ws.get(which.checked_sub(1)?)?;
    if !VAGUE_TIME.contains(&before.lower.as_str()) {
        return None;
    }
    ws.iter()
        .skip(which + 1)
        .take(6)
        .find(|w| ["mean", "means", "meant", "meaning"].contains(&w.lower.as_str()))
        .map(|w| w.end)
}

/// Words that open a conjoined predicate ("..., and urged", "..., and told him").
fn opens_predicate(w: &str) -> bool {
    w.ends_with("ed") || is_past_verb(w) || ["also", "then", "later", "again"].contains(&w)
}

/// The first date of the predicate this clause is conjoined to ("summoned the ambassador on
/// Friday ..., and urged Russia to stop").
fn inherited(
    se: &Sent<'_>,
    cx: &SentenceCtx<'_>,
    clause: &Clause,
    t: (usize, usize),
) -> Option<DraftDate> {
    let head = se.s.get(clause.start..)?.trim_start();
    let rest = head
        .strip_prefix("and ")
        .or_else(|| head.strip_prefix("but "))?;
    let first = rest.split_whitespace().next()?.to_lowercase();
    if !opens_predicate(&first) {
        return None;
    }
    // The subject is shared: the trigger must sit in the conjoined predicate's first words.
    if se
        .ws
        .iter()
        .filter(|w| w.start >= clause.start && w.end <= t.0)
        .count()
        > 4
    {
        return None;
    }
    let comma = se.s.get(..clause.start)?.rfind(',')?;
    let prev = clause_of(se.s, comma.saturating_sub(1), comma);
    let from = prev.speaker.map_or(prev.start, |(a, _)| a.min(prev.start));
    cx.timexes
        .iter()
        .filter(|x| x.start >= from && x.end <= comma)
        .filter_map(|x| candidate(se, x, None))
        // "helps the Panmunjom Declaration signed by the two leaders last week, and praised":
        // the participle's date is not the first predicate's.
        .filter(|c| !participle_between(se.s, &se.ws, (c.start, c.end), (prev.start, prev.start)))
        .filter(|c| {
            !split_by_relative(
                se.s,
                &se.ws,
                &se.rel,
                (c.start, c.end),
                (prev.start, prev.start),
                false,
            )
        })
        .min_by_key(|c| c.start)
        .map(|c| draft(cx, &c, c.span))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_past_the_clause() {
        use entente_text::Span as TSpan;
        let s = "The three summits in 2018 -- on April 27 and May 26 at Panmunjom, and from September 18 to 20 in Pyongyang -- were historic.";
        let items = ["April 27 and May 26", "September 18 to 20"];
        let tx: Vec<Timex> = items
            .iter()
            .map(|it| {
                let a = s.find(it).unwrap_or(0);
                Timex {
                    span: TSpan::new(a, a + it.len()),
                    kind: "DATE".into(),
                    value: String::new(),
                    modifier: None,
                    start: None,
                    end: None,
                    precision: "day".into(),
                    vague: false,
                    future: None,
                }
            })
            .collect();
        let locals: Vec<Local<'_, Timex>> = tx
            .iter()
            .map(|t| Local {
                start: t.span.start(),
                end: t.span.end(),
                item: t,
            })
            .collect();
        let clause_end = s.find("--").unwrap_or(0);
        let end = extend_list(s, clause_end, &locals);
        assert_eq!(&s[..end], "The three summits in 2018 -- on April 27 and May 26 at Panmunjom, and from September 18 to 20");
        let s2 = "They met in Seoul, which was nice.";
        assert_eq!(extend_list(s2, 16, &[]), 16);
    }

    #[test]
    fn dates_modifying_the_trigger() {
        // (sentence, date, trigger, modifies)
        for (s, x, t, want) in [
            (
                "Ahead of his June 12 summit, he rested.",
                "June 12",
                "summit",
                true,
            ),
            ("He spoke at Tuesday's talks.", "Tuesday", "talks", true),
            ("On Tuesday, the talks began.", "Tuesday", "talks", false),
        ] {
            let a = s.find(x).unwrap_or(0) + x.len();
            let b = s.find(t).unwrap_or(0);
            assert_eq!(modifies(s, a, b), want, "{s}");
        }
    }

    #[test]
    fn anaphoric_times() {
        for (text, want) in [
            ("at the time", true),
            ("At that time", true),
            ("the time being", false),
            ("at times", false),
        ] {
            assert_eq!(is_anaphoric_time(text), want, "{text}");
        }
    }

    #[test]
    fn ranges_after_between() {
        let s = "It would launch a satellite between Monday and June 4.";
        assert!(after_between(s, s.find("Monday").unwrap_or(0)));
        assert!(!after_between(s, s.find("June").unwrap_or(0)));
    }

    #[test]
    fn pronoun_takes_up_an_event() {
        // (sentence, found)
        for (s, want) in [
            ("A second summit was discussed, and officials said it could take place in February.", true),
            ("The summit, officials said, is likely; it will be held in Hanoi.", true),
            ("The summit was discussed, and it rained in February.", false),
            ("They met, and said it was a good meeting.", false),
        ] {
            let ws = words(s);
            assert_eq!(it_takes_place(s, &ws, 0).is_some(), want, "{s}");
        }
    }

    #[test]
    fn subjects_take_place() {
        // (sentence, from, found after)
        for (s, from, want) in [
            (
                "The trip, which was his fourth, was expected to take place next week.",
                8,
                Some("take place"),
            ),
            ("The trip was announced on Monday.", 8, None),
        ] {
            let got = predicate_takes_place(s, from).map(|i| &s[..i]);
            assert_eq!(
                got.map(|h| h.ends_with(want.unwrap_or("-"))),
                want.map(|_| true),
                "{s}"
            );
        }
    }

    #[test]
    fn second_complements_keep_their_own_dates() {
        let s =
            "They agreed that Yellen would travel in the coming days and that Blinken would visit.";
        let a = s.find("the coming days").unwrap_or(0);
        let b = s.find("visit").unwrap_or(0);
        let tx = Timex {
            span: entente_text::Span::new(a, a + 15),
            kind: "DATE".into(),
            value: String::new(),
            modifier: None,
            start: None,
            end: None,
            precision: "week".into(),
            vague: false,
            future: None,
        };
        let d = chrono::NaiveDate::from_ymd_opt(2024, 4, 2).unwrap_or_default();
        let c = Cand {
            start: a,
            end: a + 15,
            span: Span { start: d, end: d },
            precision: "week".into(),
            timex: &tx,
        };
        let cands = [c];
        assert!(nearest(s, &cands, (b, b + 5)).is_none());
        let y = s.find("travel").unwrap_or(0);
        assert!(nearest(s, &cands, (y, y + 6)).is_some());
    }

    #[test]
    fn vague_times_spelt_out() {
        // (sentence, trigger, found)
        for (s, trig, want) in [
            ("Kim agreed to visit Seoul at an early date, which Moon said could mean before the end of this year.", "visit", true),
            ("The talks will resume soon, which could mean next month.", "talks", true),
            ("Kim agreed to visit Seoul, which he said means a lot.", "visit", false),
            ("They met at the hotel, which officials said was chosen for security.", "met", false),
        ] {
            let ws = words(s);
            let b = s.find(trig).unwrap_or(0) + trig.len();
            assert_eq!(means_at(&ws, b).is_some(), want, "{s}");
        }
    }

    #[test]
    fn eves() {
        for (s, want) in [
            (
                "They met on the eve of the summit, which opens on Friday.",
                true,
            ),
            ("On the eve of the talks, Kim arrived.", true),
            ("They met on Christmas Eve.", false),
        ] {
            assert_eq!(eve_of_at(&words(s)).is_some(), want, "{s}");
        }
    }

    #[test]
    fn predicate_openers() {
        for (w, want) in [
            ("urged", true),
            ("also", true),
            ("told", true),
            ("officials", false),
            ("the", false),
        ] {
            assert_eq!(opens_predicate(w), want, "{w}");
        }
    }
}

//! Merging drafts that report the same event within one document.
//!
//! Headline, lead and body often repeat one summit ("Kim, Trump to meet in Hanoi" / "The two
//! leaders will meet on Feb. 27-28" / "the summit will focus on..."). Two drafts are merged
//! when their types agree, a call is not merged with an in-person meeting, one's states are a
//! subset of the other's (a draft with no states of its own — "the summit" — joins the most
//! recent event of its type), and their dates do not conflict.

use crate::draft::{Draft, Side};
use crate::lexicon::Form;
use crate::stage::decide_mode;
use entente_doc::{EventStatus, EventType, Mode};

fn subset(a: &[String], b: &[String]) -> bool {
    a.iter().all(|x| b.contains(x))
}

fn dates_compatible(a: &Draft, b: &Draft) -> bool {
    match (&a.date, &b.date) {
        (Some(x), Some(y)) => x.start <= y.end && y.start <= x.end,
        _ => true,
    }
}

fn is_call(d: &Draft) -> bool {
    d.mode == Some(Mode::Phone)
}

/// True when `d` is a noun naming, in a sentence of `e`, the event another trigger of that
/// sentence reports ("will pay a state visit on Thursday ..., the first trip to Pyongyang"):
/// one event whatever date each picked.
fn same_sentence_naming(e: &Draft, d: &Draft) -> bool {
    (d.form == Form::Noun || e.form == Form::Noun)
        && e.sentences.contains(&d.trigger_at.0)
        && e.trigger_at != d.trigger_at
        && e.trigger_at.0 == d.trigger_at.0
}

fn compatible(e: &Draft, d: &Draft) -> bool {
    if e.event_type != d.event_type || is_call(e) != is_call(d) {
        return false;
    }
    if !dates_compatible(e, d) {
        let (ce, cd) = (e.countries(), d.countries());
        let nested = !cd.is_empty() && (subset(&cd, &ce) || subset(&ce, &cd));
        return nested && same_sentence_naming(e, d);
    }
    // Two stated, different statuses are two events unless their dates pin them together
    // ("cancelled his planned June 12 summit" / "the June 12 summit").
    if e.explicit && d.explicit && e.status != d.status {
        let pinned = e.date.is_some() && d.date.is_some();
        // an end (cancelled, denied) closes a plan, not a speculation about a new date
        let ends_it = matches!(
            (e.status, d.status),
            (
                EventStatus::Cancelled | EventStatus::Denied,
                EventStatus::Planned
            ) | (
                EventStatus::Planned,
                EventStatus::Cancelled | EventStatus::Denied
            ) | (EventStatus::Cancelled, EventStatus::Denied)
                | (EventStatus::Denied, EventStatus::Cancelled)
        );
        if !pinned && !ends_it {
            return false;
        }
    }
    let (ce, cd) = (e.countries(), d.countries());
    if cd.is_empty() && d.orgs().is_empty() {
        return d.form == Form::Noun;
    }
    if d.event_type != EventType::Consult {
        // statements: same states, and the same direction when both say who acted on whom
        // ("Trump warned Kim" and "Pyongyang warned Washington" are two threats).
        let (se, sd) = (
            side_countries(e, Side::Source),
            side_countries(d, Side::Source),
        );
        return ce == cd && (se.is_empty() || sd.is_empty() || se == sd);
    }
    // A draft naming one state (or none) may complete an event; two drafts naming different
    // pairs of states are different events even when one pair contains the other.
    if cd.len() <= 1 || ce.len() <= 1 {
        return subset(&cd, &ce) || subset(&ce, &cd);
    }
    if ce != cd {
        return false;
    }
    // Same parties: one event unless both carry dates (checked above to overlap).
    true
}

/// Sorted countries of the actors on one side.
fn side_countries(d: &Draft, side: Side) -> Vec<String> {
    let mut c: Vec<String> = d
        .actors
        .iter()
        .filter(|(a, s)| *s == side && a.kind != entente_doc::ActorKind::Organization)
        .filter_map(|(a, _)| a.country.clone())
        .collect();
    c.sort();
    c.dedup();
    c
}

/// Which of two stated statuses of one event wins within a document: an end (cancelled,
/// denied) over everything; "is visiting" over a past step of the visit ("greeted him").
fn status_rank(s: EventStatus) -> u8 {
    match s {
        EventStatus::Cancelled => 6,
        EventStatus::Denied => 5,
        EventStatus::Ongoing => 4,
        EventStatus::Occurred => 3,
        EventStatus::Planned => 2,
        EventStatus::Speculated => 1,
    }
}

fn absorb(e: &mut Draft, d: Draft) {
    // A noun naming the event of its sentence's verb with another date: the verb's date and
    // status stand.
    let conflict = !dates_compatible(e, &d);
    if conflict && e.form == Form::Noun {
        e.status = d.status;
        e.explicit = d.explicit;
    }
    let keep_status = conflict;
    for (a, side) in d.actors {
        if !e.actors.iter().any(|(x, _)| x.id == a.id) {
            e.actors.push((a, side));
        } else if side == Side::Host || side == Side::Guest {
            if let Some(x) = e.actors.iter_mut().find(|(x, _)| x.id == a.id) {
                if x.1 == Side::Participant {
                    x.1 = side;
                }
            }
        }
    }
    e.date = match (e.date.take(), d.date) {
        // a noun's date gives way to the date of the verb of its sentence
        (Some(x), Some(y)) if conflict => Some(if e.form == Form::Noun { y } else { x }),
        (Some(x), Some(y)) => Some(if y.days() < x.days() { y } else { x }),
        (x, y) => x.or(y),
    };
    if e.location.is_none() {
        e.location = d.location;
    }
    if !keep_status
        && (!e.explicit && d.explicit
            || e.explicit == d.explicit && status_rank(d.status) > status_rank(e.status))
    {
        e.status = d.status;
    }
    e.explicit |= d.explicit;
    if e.kind != "summit" && d.kind == "summit" {
        e.kind = d.kind;
        e.cameo = d.cameo;
    }
    if matches!(e.hint, Some(crate::lexicon::ModeHint::Meet) | None) && d.hint.is_some() {
        e.hint = d.hint;
    }
    for s in d.sentences {
        if !e.sentences.contains(&s) {
            e.sentences.push(s);
        }
    }
    e.sentences.sort_unstable();
    e.confidence = e.confidence.max(d.confidence) + 0.05;
    if e.form == Form::Noun {
        e.form = d.form;
    }
}

/// Merges drafts of one document; drafts without enough participants to stand alone are
/// dropped unless they join an event.
pub fn merge_drafts(drafts: Vec<Draft>) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    for d in drafts {
        if let Some(e) = out.iter_mut().rev().find(|e| compatible(e, &d)) {
            absorb(e, d);
            e.mode = decide_mode(e);
            e.confidence = e.confidence.min(0.99);
            continue;
        }
        out.push(d);
    }
    out.retain(|d| {
        let n = d.countries().len() + d.orgs().len();
        match d.event_type {
            EventType::Consult => n >= 2 || d.mode == Some(Mode::Multilateral),
            _ => n >= 1,
        }
    });
    out
}

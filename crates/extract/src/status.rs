//! Status: did the event happen, is it planned, only speculated, cancelled or denied?
//!
//! The decision reads the cues of `data/lexicon/status.toml` in the trigger's clause, the
//! trigger's grammatical form, and the event date against the publication date, in this order:
//!
//! 1. a negation right before the trigger ("has not visited", "no summit") — no event;
//! 2. a denial, then a cancellation anywhere in the window ("was called off");
//! 3. speculation before the trigger ("could meet", "analysts suggest");
//! 4. a past form of the trigger ("met", "visited") — occurred, unless 2–3 said otherwise;
//! 5. a progressive form or an ongoing cue ("is visiting") — ongoing;
//! 6. a plan cue ("will", "is scheduled to", "agreed to hold") or a bare form — planned;
//! 7. otherwise the date: wholly after the publication date — planned; else occurred.

use crate::lexicon::{Cue, CueMatch, Form, Lexicon};
use chrono::NaiveDate;
use entente_doc::EventStatus;

/// What the status decision needs to know about one trigger.
pub struct StatusInput<'a> {
    /// The sentence text.
    pub sentence: &'a str,
    /// Cues found in the sentence.
    pub cues: &'a [CueMatch],
    /// Clause bounds in the sentence.
    pub clause: (usize, usize),
    /// Trigger bounds in the sentence.
    pub trigger: (usize, usize),
    /// The trigger's form.
    pub form: Form,
    /// The trigger is a pledge ("would stop the exercises"): a bare form with no date of its
    /// own has occurred.
    pub pledge: bool,
    /// Event date interval, if any.
    pub date: Option<(NaiveDate, NaiveDate)>,
    /// The date is a day or a range of days ("from Sunday to Wednesday"), not a vaguer
    /// period.
    pub date_in_days: bool,
    /// The date expression was judged future-tense.
    pub date_future: Option<bool>,
    /// The document's publication date.
    pub published: Option<NaiveDate>,
    /// Start of the next trigger of the sentence after this one, if any: a cue right before
    /// it is that trigger's ("the summit, where Xi could meet Trump").
    pub next_trigger: Option<usize>,
}

/// Words after a noun trigger searched for its predicate's cues ("a summit between Kim and
/// Trump could be held", "a meeting that was scheduled for Thursday was postponed").
const NOUN_PREDICATE_WORDS: usize = 10;
/// The same for cancellations and denials, which often close a long subject.
const NOUN_END_WORDS: usize = 16;

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Decides the status, or `None` when the event is negated (it did not happen and nothing says
/// it will).
pub fn decide(lex: &Lexicon, inp: &StatusInput<'_>) -> Option<(EventStatus, bool)> {
    // `None`: negated, no event. The flag says whether anything but the default decided.
    decide_inner(lex, inp).map(|s| (s, !is_default(inp, s)))
}

/// True when nothing but the default rule decided the status (a bare "the summit": no cue in
/// its clause, no date, a noun or present form, hence "occurred").
fn is_default(inp: &StatusInput<'_>, status: EventStatus) -> bool {
    status == EventStatus::Occurred
        && matches!(inp.form, Form::Noun | Form::Present)
        && inp.date.is_none()
        && !inp
            .cues
            .iter()
            .any(|c| c.start >= inp.clause.0 && c.end <= inp.clause.1)
}

fn decide_inner(lex: &Lexicon, inp: &StatusInput<'_>) -> Option<EventStatus> {
    let status = decide_cues(lex, inp)?;
    if inp.pledge && inp.form == Form::Base && status == EventStatus::Planned && inp.date.is_none()
    {
        return Some(EventStatus::Occurred);
    }
    // "arrived on Tuesday for a three-day visit", published on the second day: the visit is
    // under way.
    if status == EventStatus::Occurred {
        if let (Some((s, e)), Some(p)) = (inp.date, inp.published) {
            if inp.date_in_days && s <= p && e > p {
                return Some(EventStatus::Ongoing);
            }
        }
    }
    Some(status)
}

fn decide_cues(lex: &Lexicon, inp: &StatusInput<'_>) -> Option<EventStatus> {
    let (cs, ce) = inp.clause;
    let (ts, te) = inp.trigger;
    let before = |c: &CueMatch, max_words: usize| {
        c.end <= ts && c.start >= cs && word_count(&inp.sentence[c.end..ts]) <= max_words
    };
    let after = |c: &CueMatch, max_words: usize| {
        c.start >= te && c.end <= ce && word_count(&inp.sentence[te..c.start]) <= max_words
    };
    let w = lex.window;
    // A cue after a noun belongs to it unless it sits right before the next trigger.
    let noun_after = |c: &CueMatch, max_words: usize| {
        inp.form == Form::Noun
            && after(c, max_words)
            && inp
                .next_trigger
                .is_none_or(|n| c.end > n || word_count(&inp.sentence[c.end.min(n)..n]) > 2)
    };
    let (noun_pred, noun_end) = if inp.form == Form::Noun {
        (NOUN_PREDICATE_WORDS, NOUN_END_WORDS)
    } else {
        (0, 0)
    };
    let has = |cue: Cue, wb: usize, wa: usize| {
        inp.cues
            .iter()
            .any(|c| c.cue == cue && (before(c, wb) || after(c, wa)))
    };
    let has_noun_after =
        |cue: Cue, wa: usize| wa > 0 && inp.cues.iter().any(|c| c.cue == cue && noun_after(c, wa));
    let has_before = |cue: Cue, wb: usize| inp.cues.iter().any(|c| c.cue == cue && before(c, wb));

    if has(Cue::Denied, w.before, w.after) || has_noun_after(Cue::Denied, noun_end) {
        return Some(EventStatus::Denied);
    }
    if has(Cue::Cancelled, w.before, w.after) || has_noun_after(Cue::Cancelled, noun_end) {
        return Some(EventStatus::Cancelled);
    }
    if has_before(Cue::Negation, 3) {
        return None;
    }
    let speculated =
        has_before(Cue::Speculated, w.before) || has_noun_after(Cue::Speculated, noun_pred);
    let planned = has_before(Cue::Planned, w.before)
        || has(Cue::Planned, 0, 3)
        || has_noun_after(Cue::Planned, noun_pred);
    let today = inp.published;
    let date_after = match (inp.date, today) {
        (Some((s, _)), Some(p)) => Some(s > p),
        _ => None,
    };
    let date_before = match (inp.date, today) {
        (Some((_, e)), Some(p)) => Some(e < p),
        _ => None,
    };
    if speculated {
        return Some(EventStatus::Speculated);
    }
    match inp.form {
        Form::Past => {
            // "announced on Monday that Kim visited" is a past report; a past form with a
            // future date is a plan ("had planned to meet next week" is rare and planned).
            if date_after == Some(true) {
                return Some(EventStatus::Planned);
            }
            return Some(EventStatus::Occurred);
        }
        Form::Present => {
            let t = &inp.sentence[ts..te];
            if t.contains("ing") && t.split_whitespace().count() > 1 {
                return Some(EventStatus::Ongoing);
            }
        }
        Form::Base | Form::Noun => {}
    }
    if has(Cue::Ongoing, w.before, 0) && date_after != Some(true) && date_before != Some(true) {
        return Some(EventStatus::Ongoing);
    }
    if planned || date_after == Some(true) {
        if date_before == Some(true) && !planned {
            return Some(EventStatus::Occurred);
        }
        return Some(EventStatus::Planned);
    }
    if inp.date.is_none() && inp.date_future == Some(true) {
        return Some(EventStatus::Planned);
    }
    match inp.form {
        Form::Base => {
            // "Kim to visit Russia": a headline plan. A bare form with a past date happened.
            if date_before == Some(true) {
                Some(EventStatus::Occurred)
            } else {
                Some(EventStatus::Planned)
            }
        }
        _ => Some(EventStatus::Occurred),
    }
}

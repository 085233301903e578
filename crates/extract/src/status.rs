//! Status: did the event happen, is it planned, only speculated, cancelled or denied?
//!
//! The decision reads the cues of `data/lexicon/status.toml` in the trigger's clause, the
//! trigger's grammatical form, and the event date against the publication date, in this order:
//!
//! 1. a denial, then a cancellation in the window ("was called off"; after a noun, up to the
//!    end of its long subject: "a meeting that was scheduled for Thursday was postponed");
//! 2. a negation right before the trigger ("has not visited", "no summit") — no event;
//! 3. an `occurred` cue right after a noun ("their first summit, held on April 27");
//! 4. speculation before the trigger, or after a noun ("could meet", "the meeting could still
//!    go ahead"); a cue does not reach across a relative clause (", whose talks");
//! 5. a past form of the trigger ("met", "visited") — occurred;
//! 6. a progressive form or an ongoing cue ("is visiting") — ongoing;
//! 7. a date wholly before the publication date — occurred; a plan cue ("will", "is scheduled
//!    to", "agreed to hold") or a date after it — planned;
//! 8. a bare form: planned after "to" or a modal ("will visit"), occurred as a present
//!    ("Washington and Seoul accuse") or as the purpose of a past act ("summoned the envoy to
//!    protest"); otherwise occurred.
//!
//! Cues after a statement verb belong to its content ("urged Pyongyang to cancel the launch").
//! A pledge trigger ("said it would stop the exercises") with no date has occurred. Finally an
//! event whose days began before the publication day and go on after it is ongoing.

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
    /// The trigger is an arrival ("arrived in"): on the publication day, a stay under way.
    pub arrival: bool,
    /// The trigger is a statement whose content follows it ("urged X to cancel"): cues after
    /// a verb form belong to the content.
    pub content_follows: bool,
    /// A bare form is the purpose of a past act of its clause ("summoned the envoy to
    /// protest").
    pub purpose_of_past: bool,
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
    decide_inner(lex, inp).map(|s| {
        (
            s,
            !is_default(inp, s) || past_copula(inp) || past_support(inp),
        )
    })
}

/// Past verbs that make a meeting or act noun after them happen ("held bilateral talks",
/// "had a brief meeting", "attended the summit").
const PAST_SUPPORT: &[&str] = &[
    "held",
    "had",
    "attended",
    "hosted",
    "concluded",
    "wrapped",
    "completed",
    "conducted",
    "staged",
];

/// True when a noun trigger follows a past support verb within three words in its clause
/// ("Park also held bilateral talks with Wang"): the sentence states that the event took
/// place, as firmly as a past verb would.
fn past_support(inp: &StatusInput<'_>) -> bool {
    if inp.form != Form::Noun {
        return false;
    }
    let (cs, ts) = (inp.clause.0.min(inp.trigger.0), inp.trigger.0);
    let Some(head) = inp.sentence.get(cs..ts) else {
        return false;
    };
    if head.trim_end().ends_with(',') {
        return false;
    }
    head.split_whitespace()
        .rev()
        .take(COPULA_WORDS + 1)
        .take_while(|w| !w.ends_with(','))
        .any(|w| PAST_SUPPORT.contains(&w.to_ascii_lowercase().as_str()))
}

/// Words allowed between a past copula and the noun it predicates ("was the third meeting").
const COPULA_WORDS: usize = 3;

/// True when a noun trigger is the complement of a past copula ("It was the third meeting
/// between Trump and Kim"): the sentence states that the event took place.
fn past_copula(inp: &StatusInput<'_>) -> bool {
    if inp.form != Form::Noun {
        return false;
    }
    let (cs, ts) = (inp.clause.0.min(inp.trigger.0), inp.trigger.0);
    let Some(head) = inp.sentence.get(cs..ts) else {
        return false;
    };
    let words: Vec<&str> = head.split_whitespace().collect();
    words
        .iter()
        .rev()
        .take(COPULA_WORDS + 1)
        .any(|w| matches!(w.to_ascii_lowercase().as_str(), "was" | "were"))
        && !head.contains(',')
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
    if inp.pledge
        && matches!(inp.form, Form::Base | Form::Noun)
        && status == EventStatus::Planned
        && inp.date.is_none()
    {
        return Some(EventStatus::Occurred);
    }
    // "arrived on Tuesday for a three-day visit", published on the second day: the visit is
    // under way.
    // "arrived in Pyongyang on Wednesday for talks", published that Wednesday: under way.
    if inp.arrival && status == EventStatus::Occurred && inp.date_in_days {
        if let (Some((s, e)), Some(p)) = (inp.date, inp.published) {
            if s == p && e == p {
                return Some(EventStatus::Ongoing);
            }
        }
    }
    // A plan whose days began before the publication day and go on after it is under way.
    if let (Some((s, e)), Some(p)) = (inp.date, inp.published) {
        let begun = match status {
            EventStatus::Occurred => s <= p,
            EventStatus::Planned => s < p,
            _ => false,
        };
        if inp.date_in_days && begun && e > p {
            return Some(EventStatus::Ongoing);
        }
    }
    Some(status)
}

fn decide_cues(lex: &Lexicon, inp: &StatusInput<'_>) -> Option<EventStatus> {
    let (cs, ce) = inp.clause;
    let (ts, te) = inp.trigger;
    let before = |c: &CueMatch, max_words: usize| {
        c.end <= ts
            && c.start >= cs
            && word_count(&inp.sentence[c.end..ts]) <= max_words
            && !crosses_barrier(&inp.sentence[c.end..ts])
    };
    // What follows a statement verb is its content ("urged Pyongyang to cancel the launch"),
    // not a cue about the statement.
    let after = |c: &CueMatch, max_words: usize| {
        !(inp.content_follows && inp.form != Form::Noun)
            && c.start >= te
            && c.end <= ce
            && word_count(&inp.sentence[te..c.start]) <= max_words
            && !contrasts(&inp.sentence[te..c.start])
    };
    let w = lex.window;
    // A cue after a noun belongs to it unless it sits right before the next trigger.
    let noun_after = |c: &CueMatch, max_words: usize| {
        inp.form == Form::Noun
            && after(c, max_words)
            && !opens_clause(&inp.sentence[te..c.start.max(te)])
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
    // a cue that runs into the trigger ("will not travel" before "travel to")
    let into_trigger = |cue: Cue| {
        inp.cues
            .iter()
            .any(|c| c.cue == cue && c.start >= cs && c.start < ts && c.end > ts && c.end <= te)
    };
    if has(Cue::Cancelled, w.before, w.after)
        || has_noun_after(Cue::Cancelled, noun_end)
        || into_trigger(Cue::Cancelled)
    {
        return Some(EventStatus::Cancelled);
    }
    if has_before(Cue::Negation, 3) || negated_noun_predicate(inp) {
        return None;
    }
    let today = inp.published;
    let date_after = match (inp.date, today) {
        (Some((s, _)), Some(p)) => Some(s > p),
        _ => None,
    };
    let date_before = match (inp.date, today) {
        (Some((_, e)), Some(p)) => Some(e < p),
        _ => None,
    };
    // "held a ceremony to mark the start of a project to reconnect ...": the act has begun.
    if has_before(Cue::Begun, BEGUN_WORDS) && date_after != Some(true) {
        return Some(EventStatus::Occurred);
    }
    // "their first summit, held on April 27": the noun's own predicate says it happened.
    if has_noun_after(Cue::Occurred, 3) && date_after != Some(true) {
        return Some(EventStatus::Occurred);
    }
    let speculated =
        has_before(Cue::Speculated, w.before) || has_noun_after(Cue::Speculated, noun_pred);
    let planned = has_before(Cue::Planned, w.before)
        || has(Cue::Planned, 0, 3)
        || has_noun_after(Cue::Planned, noun_pred);
    if speculated {
        return Some(EventStatus::Speculated);
    }
    match inp.form {
        Form::Past => {
            // "announced on Monday that Kim visited" is a past report, whatever date was
            // picked; only a plan cue makes a past form a plan ("had planned to meet").
            if planned && date_after == Some(true) {
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
    // An event dated wholly before the publication date happened, whatever plan led to it
    // ("agreed at their September summit").
    if date_before == Some(true) {
        return Some(EventStatus::Occurred);
    }
    if planned || date_after == Some(true) {
        return Some(EventStatus::Planned);
    }
    if inp.date.is_none() && inp.date_future == Some(true) {
        return Some(EventStatus::Planned);
    }
    match inp.form {
        // "Kim to visit Russia", "will visit": a plan; "summoned the envoy to protest": the
        // purpose of a past act, done with it; "Washington and Seoul accuse": a present.
        Form::Base if inp.purpose_of_past || !after_modal(&inp.sentence[cs.min(ts)..ts]) => {
            Some(EventStatus::Occurred)
        }
        Form::Base => Some(EventStatus::Planned),
        _ => Some(EventStatus::Occurred),
    }
}

/// Words allowed between a cue of a beginning and the event it starts ("to mark the start of
/// a joint project to reconnect").
const BEGUN_WORDS: usize = 5;

/// True when a cue before a trigger is cut off from it by a relative or temporal clause
/// ("Analysts say Xi may carry messages between Kim and Trump, whose negotiations have been
/// stalled since their summit").
fn crosses_barrier(between: &str) -> bool {
    const BARRIERS: &[&str] = &[
        ", whose ", ", which ", ", who ", ", where ", ", when ", " since ", " after ",
    ];
    let lower = between.to_ascii_lowercase();
    BARRIERS.iter().any(|b| lower.contains(b))
}

/// True when a noun trigger's own predicate is a negated passive right after it ("a deal
/// might not be reached", "the summit will never be held"): nothing happened.
fn negated_noun_predicate(inp: &StatusInput<'_>) -> bool {
    if inp.form != Form::Noun {
        return false;
    }
    let (te, ce) = (inp.trigger.1, inp.clause.1.max(inp.trigger.1));
    let after = inp.sentence[te..ce].to_ascii_lowercase();
    let words: Vec<&str> = after
        .split_whitespace()
        .take(4)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    words
        .windows(2)
        .any(|w| matches!(w[0], "not" | "never") && w[1] == "be")
}

/// True when a contrastive conjunction separates a trigger from a cue after it ("would still
/// attend the summit in Hiroshima, but would skip the later legs"): the cue is the other
/// predicate's.
fn contrasts(between: &str) -> bool {
    const CONTRAST: &[&str] = &[" but ", ", while ", " whereas ", ";", " yet "];
    let lower = between.to_ascii_lowercase();
    CONTRAST.iter().any(|c| lower.contains(c))
}

/// True when the words between a noun and a cue after it open a subordinate clause of
/// another event ("The visit comes a day after the allies said they had suspended planning"):
/// the cue is that clause's, not the noun's predicate.
fn opens_clause(between: &str) -> bool {
    const OPENERS: &[&str] = &[" after ", " since ", " before ", " because ", " while "];
    let lower = between.to_ascii_lowercase();
    OPENERS.iter().any(|o| lower.contains(o))
}

/// True when the words before a bare verb make it an infinitive or a modal form ("to visit",
/// "will also visit", "could meet"), not a present tense ("Washington and Seoul accuse").
fn after_modal(before: &str) -> bool {
    const GOVERNORS: &[&str] = &[
        "to", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "'ll",
        "not", "n't", "and", "or", "then", "let", "help", "did", "does", "do", "cannot",
    ];
    const ADVERBS: &[&str] = &[
        "also",
        "still",
        "soon",
        "then",
        "never",
        "jointly",
        "again",
        "further",
        "first",
        "personally",
        "formally",
        "officially",
        "finally",
    ];
    let lower = before.to_ascii_lowercase();
    let words = lower
        .split_whitespace()
        .rev()
        .map(|w| w.trim_matches(|c: char| !(c.is_alphanumeric() || c == '\'')));
    for w in words.take(4) {
        if GOVERNORS.contains(&w) || w.ends_with("'ll") || w.ends_with("n't") {
            return true;
        }
        if ADVERBS.contains(&w) || w.ends_with("ly") {
            continue;
        }
        return false;
    }
    // at the start of the clause: a headline or a command ("Visit Pyongyang")
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clause::clause_of;
    use std::path::PathBuf;

    /// `f` of the noun trigger `trig` of `s`, with no cues and no date.
    fn on_noun(lex: &Lexicon, s: &str, trig: &str, f: fn(&StatusInput<'_>) -> bool) -> bool {
        let at = s.find(trig).expect("trigger in sentence");
        let t = lex
            .triggers_in(s)
            .into_iter()
            .find(|t| t.start == at)
            .expect("a trigger");
        let clause = clause_of(s, t.start, t.end);
        let inp = StatusInput {
            sentence: s,
            cues: &[],
            clause: (clause.start, clause.end),
            trigger: (t.start, t.end),
            form: Form::Noun,
            pledge: false,
            arrival: false,
            content_follows: false,
            purpose_of_past: false,
            date: None,
            date_in_days: false,
            date_future: None,
            published: None,
            next_trigger: None,
        };
        f(&inp)
    }

    fn lexicon() -> Lexicon {
        Lexicon::load(&PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data"
        )))
        .expect("repository lexicon loads")
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("test date")
    }

    /// The status of the first trigger `trigger` of `s`, published on 2019-06-20, with an
    /// optional event date.
    fn status_of(
        lex: &Lexicon,
        s: &str,
        trigger: &str,
        date: Option<(&str, &str)>,
    ) -> Option<EventStatus> {
        let at = s.find(trigger).expect("trigger in sentence");
        let trig = lex.triggers_in(s);
        let t = trig
            .iter()
            .find(|t| t.start == at)
            .unwrap_or_else(|| panic!("{trigger} is not a trigger of {s}"));
        let def = lex.def(t);
        let clause = clause_of(s, t.start, t.end);
        let cues = lex.cues_in(s);
        let inp = StatusInput {
            sentence: s,
            cues: &cues,
            clause: (clause.start, clause.end),
            trigger: (t.start, t.end),
            form: t.form,
            pledge: def.pledge,
            arrival: lex.is_arrival(t),
            content_follows: def.event_type != entente_doc::EventType::Consult,
            purpose_of_past: s[..t.start].contains("summoned"),
            date: date.map(|(a, b)| (day(a), day(b))),
            date_in_days: true,
            date_future: None,
            published: Some(day("2019-06-20")),
            next_trigger: trig.iter().find(|n| n.start >= t.end).map(|n| n.start),
        };
        decide(lex, &inp).map(|(s, _)| s)
    }

    /// (sentence, trigger, event date, expected status).
    type Case = (
        &'static str,
        &'static str,
        Option<(&'static str, &'static str)>,
        Option<EventStatus>,
    );

    #[test]
    fn a_noun_after_a_past_copula_is_stated() {
        let lex = lexicon();
        // (sentence, trigger, stated)
        let table = [
            (
                "It was the third meeting between Trump and Kim.",
                "meeting",
                true,
            ),
            (
                "The meeting between Trump and Kim ended early.",
                "meeting",
                false,
            ),
        ];
        for (s, trig, want) in table {
            assert_eq!(on_noun(&lex, s, trig, past_copula), want, "{s}");
        }
    }

    #[test]
    fn a_noun_after_a_past_support_verb_is_stated() {
        let lex = lexicon();
        // (sentence, trigger, stated)
        let table = [
            (
                "Lula also held bilateral talks with Ruto.",
                "bilateral talks",
                true,
            ),
            (
                "The ministers had a brief meeting in Lima.",
                "meeting",
                true,
            ),
            ("The summit opened in Lima.", "summit", false),
            ("They held firm, and the talks went on.", "talks", false),
        ];
        for (s, trig, want) in table {
            assert_eq!(on_noun(&lex, s, trig, past_support), want, "{s}");
        }
    }

    #[test]
    fn statuses_from_cues_forms_and_dates() {
        use EventStatus::*;
        let lex = lexicon();
        let table: &[Case] = &[
            ("Kim met Xi in Beijing.", "met", None, Some(Occurred)),
            // a ceremony that starts the act
            (
                "The two Koreas held a ceremony to mark the start of a project to reconnect their railways.",
                "reconnect",
                Some(("2019-06-20", "2019-06-20")),
                Some(Occurred),
            ),
            ("Kim will meet Xi.", "meet", None, Some(Planned)),
            // a trip declined
            (
                "Ruto will not travel to Lima for the summit.",
                "travel to",
                None,
                Some(Cancelled),
            ),
            ("Ruto will not meet Xi.", "meet", None, None),
            // a noun whose own predicate is a negated passive
            (
                "Trump cautioned that a deal might not be reached in one session.",
                "deal",
                None,
                None,
            ),
            ("Kim has not met Xi.", "met", None, None),
            // a cue past a contrast or inside a subordinate clause is another predicate's
            (
                "Biden will still attend the summit in Hiroshima, but would skip Sydney.",
                "attend",
                None,
                Some(Planned),
            ),
            (
                "The visit comes a day after the allies said they had suspended the drills.",
                "visit",
                None,
                Some(Occurred),
            ),
            // a noun's own predicate
            (
                "The meeting between Trump and Kim could still go ahead.",
                "meeting",
                None,
                Some(Speculated),
            ),
            (
                "A meeting that was scheduled for last Thursday in New York was postponed.",
                "meeting",
                None,
                Some(Cancelled),
            ),
            (
                "It followed their first summit, held on April 27.",
                "first summit",
                Some(("2018-04-27", "2018-04-27")),
                Some(Occurred),
            ),
            // a past date beats a plan cue
            (
                "They agreed at their September summit to hold the ceremony.",
                "summit",
                Some(("2018-09-01", "2018-09-30")),
                Some(Occurred),
            ),
            // a past form with a wrongly picked future date stays past
            (
                "North Korea blew up tunnels at its test site.",
                "blew up tunnels",
                Some(("2019-06-28", "2019-06-28")),
                Some(Occurred),
            ),
            // the content of a statement is not its status
            (
                "Yoon and Kishida urged Pyongyang to cancel the launch.",
                "urged",
                None,
                Some(Occurred),
            ),
            // a present plural, a purpose infinitive, a pledge
            (
                "Washington and Seoul accuse North Korea of supplying arms.",
                "accuse",
                None,
                Some(Occurred),
            ),
            (
                "Seoul summoned the envoy on Friday to protest the treaty.",
                "protest",
                None,
                Some(Occurred),
            ),
            (
                "Trump said he would halt the exercises.",
                "halt",
                None,
                Some(Occurred),
            ),
            // modality cues
            (
                "Chinese officials have not said whether Xi will travel to Pyongyang.",
                "travel to",
                None,
                Some(Speculated),
            ),
            (
                "Putin said Russia did not rule out developing military cooperation.",
                "military cooperation",
                None,
                Some(Speculated),
            ),
            (
                "Kim expressed regret that he could not visit Seoul.",
                "visit",
                None,
                Some(Cancelled),
            ),
            (
                "Biden would skip the trip to Sydney.",
                "trip",
                None,
                Some(Cancelled),
            ),
            (
                "Blinken had been due to visit Beijing on Sunday.",
                "visit",
                None,
                Some(Cancelled),
            ),
            // a speculation does not reach across a relative clause
            (
                "Xi may carry messages to Trump, whose negotiations have been stalled.",
                "negotiations",
                None,
                Some(Occurred),
            ),
        ];
        for (s, trig, date, want) in table {
            assert_eq!(status_of(&lex, s, trig, *date), *want, "{s}");
        }
    }

    #[test]
    fn an_arrival_on_the_publication_day_is_a_stay_under_way() {
        let lex = lexicon();
        let s = "Biegun arrived in Pyongyang on Wednesday for talks.";
        let day = Some(("2019-06-20", "2019-06-20"));
        assert_eq!(
            status_of(&lex, s, "arrived in", day),
            Some(EventStatus::Ongoing)
        );
        let before = Some(("2019-06-19", "2019-06-19"));
        assert_eq!(
            status_of(&lex, s, "arrived in", before),
            Some(EventStatus::Occurred)
        );
    }

    #[test]
    fn a_multi_day_stay_over_the_publication_day_is_ongoing() {
        let lex = lexicon();
        let s = "Moon, who arrived on Tuesday for a three-day visit, will travel on.";
        let got = status_of(&lex, s, "visit", Some(("2019-06-19", "2019-06-21")));
        assert_eq!(got, Some(EventStatus::Ongoing));
    }
}

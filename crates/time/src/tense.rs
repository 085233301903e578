//! Tense cues. A weekday, month or day number without a year is resolved forward or backward
//! from the publication date depending on the tense of the clause around it: the nearest cue to
//! the left of the expression wins, else the nearest to the right, within the sentence.
//!
//! Future cues: modal "will"/"shall"/"would"/"'ll", "going to", "is expected to", "plans to",
//! "is scheduled", "is due to", "is set to", "is to", "upcoming", "scheduled for", and a
//! speculative modal before a plain verb ("could take place", "may travel"; not "could have",
//! "could not"). Past cues: irregular past
//! forms ("said", "met", "was"), perfect "has/have + participle", and "-ed" forms that are not
//! passive present ("is expected").

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::lexicon::Lexicon;
use crate::token::{Doc, Kind};

/// Cue carried by one word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cue {
    Future,
    Past,
}

const FUTURE: [&str; 12] = [
    "will", "shall", "would", "ll", "wo", "plans", "plan", "intends", "aims", "hopes", "slated",
    "upcoming",
];
const PAST: [&str; 62] = [
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "met",
    "held",
    "went",
    "came",
    "took",
    "made",
    "gave",
    "left",
    "began",
    "spoke",
    "saw",
    "sent",
    "wrote",
    "got",
    "won",
    "lost",
    "fell",
    "rose",
    "led",
    "fled",
    "hit",
    "struck",
    "became",
    "brought",
    "bought",
    "sold",
    "paid",
    "found",
    "thought",
    "felt",
    "kept",
    "ran",
    "sat",
    "stood",
    "broke",
    "chose",
    "drove",
    "flew",
    "grew",
    "knew",
    "shot",
    "caught",
    "fought",
    "taught",
    "meant",
    "heard",
    "built",
    "spent",
    "sought",
    "ago",
    "yesterday",
    "last",
    "earlier",
    "previously",
    "been",
    "did",
];
const NOT_PAST_ED: [&str; 30] = [
    "need",
    "speed",
    "feed",
    "seed",
    "hundred",
    "united",
    "indeed",
    "based",
    "related",
    "expected",
    "scheduled",
    "planned",
    "proposed",
    "supposed",
    "interested",
    "concerned",
    "advanced",
    "limited",
    "detailed",
    "armed",
    "exceed",
    "proceed",
    "succeed",
    "sacred",
    "breed",
    "creed",
    "greed",
    "naked",
    "embed",
    "red",
];

/// Verbs that move a plan to a new date ("postponed to April").
const MOVED: [&str; 8] = [
    "postponed",
    "delayed",
    "moved",
    "pushed",
    "rescheduled",
    "deferred",
    "shifted",
    "put",
];

/// Verbs whose simple past is their base form.
const SAME_PAST: [&str; 9] = [
    "set", "put", "cut", "let", "cast", "quit", "shut", "spread", "upset",
];

/// Word class for the cue tables.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Future,
    Past,
    NotPastEd,
}

fn table() -> &'static HashMap<&'static str, Class> {
    static T: OnceLock<HashMap<&'static str, Class>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m = HashMap::new();
        for w in NOT_PAST_ED {
            m.insert(w, Class::NotPastEd);
        }
        for w in PAST {
            m.insert(w, Class::Past);
        }
        for w in FUTURE {
            m.insert(w, Class::Future);
        }
        m
    })
}

/// Table class of a word (any case).
fn class(w: &str) -> Option<Class> {
    let b = w.as_bytes();
    if b.len() > 16 {
        return None;
    }
    let mut buf = [0u8; 16];
    for (k, c) in b.iter().enumerate() {
        buf[k] = c.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()])
        .ok()
        .and_then(|s| table().get(s).copied())
}

fn cue_of(doc: &Doc<'_>, i: usize, modal: bool) -> Option<Cue> {
    let t = doc.toks.get(i)?;
    if t.kind != Kind::Word {
        return None;
    }
    let w = doc.word(i);
    let cls = class(w);
    let b = w.as_bytes();
    let ed = b.len() >= 5 && b[b.len() - 2..].eq_ignore_ascii_case(b"ed");
    let special = [
        "expected",
        "scheduled",
        "due",
        "set",
        "poised",
        "likely",
        "planned",
        "slated",
        "to",
        "going",
    ];
    // "a meeting could take place on Sunday", "Kim may travel to Russia": a speculative
    // modal before a plain verb looks forward ("could have met", "could not" do not).
    if modal
        && !t.cap
        && ["could", "may", "might"]
            .iter()
            .any(|x| x.eq_ignore_ascii_case(w))
    {
        let next = if doc.toks.get(i + 1).is_some_and(|n| n.kind == Kind::Word) {
            doc.word(i + 1)
        } else {
            ""
        };
        let open = !next.is_empty()
            && !["have", "not", "n", "never", "well"]
                .iter()
                .any(|x| x.eq_ignore_ascii_case(next));
        return open.then_some(Cue::Future);
    }
    // "the summit, which runs on Friday and Saturday": a scheduled event in the present
    // simple looks forward.
    const SCHEDULED: [&str; 7] = [
        "runs", "opens", "begins", "starts", "ends", "closes", "convenes",
    ];
    if !t.cap && SCHEDULED.iter().any(|x| x.eq_ignore_ascii_case(w)) {
        return Some(Cue::Future);
    }
    let prev = |k: usize| if i >= k { doc.word(i - k) } else { "" };
    // "the drill that the allies normally hold in August": a habit in the present names
    // its next occurrence ("was normally held", "normally held" stay past).
    const HABITUAL: [&str; 6] = [
        "normally",
        "usually",
        "typically",
        "traditionally",
        "customarily",
        "generally",
    ];
    if !t.cap && HABITUAL.iter().any(|x| x.eq_ignore_ascii_case(w)) {
        const NOT_VERB: [&str; 8] = ["in", "on", "at", "by", "for", "from", "around", "during"];
        let verb = doc
            .toks
            .get(i + 1)
            .is_some_and(|n| n.kind == Kind::Word && !n.cap)
            && !NOT_VERB.iter().any(|x| doc.is(i + 1, x))
            && cue_of(doc, i + 1, false).is_none();
        let past_before = ["was", "were", "had", "did", "been"]
            .iter()
            .any(|x| x.eq_ignore_ascii_case(prev(1)));
        return (verb && !past_before).then_some(Cue::Future);
    }
    // "Kim set a deadline", "he put the talks off": a verb whose past is its base form is
    // past after a singular subject (the present would be "sets", "puts").
    if !t.cap && SAME_PAST.iter().any(|x| x.eq_ignore_ascii_case(w)) {
        let p = doc.toks.get(i.wrapping_sub(1)).filter(|_| i > 0);
        // a name or "he/she/it", not a determiner ("The set of rules")
        const NOT_SUBJECT: [&str; 14] = [
            "i", "we", "they", "you", "the", "a", "an", "this", "that", "its", "his", "her",
            "their", "our",
        ];
        let singular = p.is_some_and(|p| {
            let pw = prev(1);
            p.kind == Kind::Word
                && !NOT_SUBJECT.iter().any(|x| x.eq_ignore_ascii_case(pw))
                && (p.cap
                    || ["he", "she", "it"]
                        .iter()
                        .any(|x| x.eq_ignore_ascii_case(pw)))
        });
        if singular {
            return Some(Cue::Past);
        }
    }
    if cls.is_none() && !ed && !special.iter().any(|x| x.eq_ignore_ascii_case(w)) {
        return None;
    }
    let lw = |s: &str, list: &[&str]| list.iter().any(|x| x.eq_ignore_ascii_case(s));
    if cls == Some(Class::Future) {
        if w.eq_ignore_ascii_case("wo") && !doc.is(i + 1, "n") && !doc.is(i + 2, "t") {
            return None;
        }
        return Some(Cue::Future);
    }
    const BE: [&str; 7] = ["is", "are", "am", "be", "being", "s", "re"];
    // "is already expected in Osaka": an adverb may stand between.
    let adverb = lw(
        prev(1),
        &["already", "also", "still", "now", "widely", "originally"],
    );
    let be_before = lw(prev(1), &BE) || adverb && lw(prev(2), &BE);
    // "is expected to", "is scheduled to", "is due to", "is set to", "is to", "going to"
    const BE_FUTURE: [&str; 9] = [
        "expected",
        "scheduled",
        "due",
        "set",
        "poised",
        "likely",
        "planned",
        "slated",
        "to",
    ];
    let to_next = doc.is(i + 1, "to");
    let be_future = lw(w, &BE_FUTURE)
        && be_before
        && (to_next
            || lw(
                w,
                &[
                    "to",
                    "scheduled",
                    "planned",
                    "slated",
                    "set",
                    "due",
                    "expected",
                ],
            ));
    if be_future || w.eq_ignore_ascii_case("going") && to_next {
        return Some(Cue::Future);
    }
    if lw(w, &["expected", "scheduled", "planned"])
        && doc.is(i + 1, "to")
        && !lw(prev(1), &["was", "were", "had"])
    {
        return Some(Cue::Future);
    }
    // "had been due to arrive on Sunday": a plan not yet carried out ("due to" alone is
    // "because of").
    if w.eq_ignore_ascii_case("due") && to_next && lw(prev(1), &["been"]) {
        return Some(Cue::Future);
    }
    // "the exercise, scheduled for August": a plan, unless "was scheduled for".
    if lw(w, &["scheduled", "planned", "slated"])
        && doc.is(i + 1, "for")
        && !lw(prev(1), &["was", "were", "had", "been"])
    {
        return Some(Cue::Future);
    }
    if cls == Some(Class::Past) {
        if w.eq_ignore_ascii_case("held") && lw(prev(1), &["be", "being", "is", "are"]) {
            return None;
        }
        return Some(Cue::Past);
    }
    if ed && !t.cap && cls != Some(Class::NotPastEd) {
        if be_before || lw(prev(1), &["will", "to", "be", "been", "being"]) {
            return None;
        }
        return Some(Cue::Past);
    }
    None
}

/// Tense judgement for the expression occupying tokens `[a, b)`: nearest cue to the left within
/// the sentence, else nearest to the right. `modal`: speculative modals count as future cues
/// (for calendar names such as "on Sunday", "in August"; not for "in a decade", "today").
pub(crate) fn tense_at(doc: &Doc<'_>, a: usize, b: usize, modal: bool) -> Option<bool> {
    let sent = doc.toks.get(a)?.sent;
    let (s0, s1) = doc.sentence(sent);
    // "postponed until Saturday": a deadline looks forward unless a finite past verb says otherwise
    if a > s0 && (doc.is(a - 1, "until") || doc.is(a - 1, "till")) {
        let strong_past = (s0..a).any(|i| {
            let w = doc.word(i);
            PAST[4..40].iter().any(|x| x.eq_ignore_ascii_case(w))
        });
        return Some(!strong_past);
    }
    // "postponed to April", "pushed back to next week": the new date of a plan looks forward
    if a > s0 + 1 && doc.is(a - 1, "to") {
        let verb = if a > s0 + 2 && doc.is(a - 2, "back") {
            doc.word(a - 3)
        } else {
            doc.word(a - 2)
        };
        if MOVED.iter().any(|x| x.eq_ignore_ascii_case(verb)) {
            return Some(true);
        }
    }
    let mut i = a;
    while i > s0 {
        i -= 1;
        if let Some(c) = cue_of(doc, i, modal) {
            return Some(c == Cue::Future);
        }
    }
    for j in b..s1 {
        if let Some(c) = cue_of(doc, j, modal) {
            return Some(c == Cue::Future);
        }
    }
    None
}

/// True when, between the past cue of the clause and token `a`, a planning word ("planned",
/// "scheduled", "proposed", "upcoming") or an infinitive ("agreed to hold talks on June 1")
/// turns the clause toward a later time: "cancelled his planned June 12 summit".
pub(crate) fn planned_before(doc: &Doc<'_>, a: usize) -> bool {
    const PLAN: [&str; 6] = [
        "planned",
        "scheduled",
        "proposed",
        "upcoming",
        "expected",
        "promised",
    ];
    let Some(sent) = doc.toks.get(a).map(|t| t.sent) else {
        return false;
    };
    for i in (a.saturating_sub(10)..a).rev() {
        if doc.toks.get(i).is_none_or(|t| t.sent != sent) {
            return false;
        }
        let w = doc.word(i);
        if PLAN.iter().any(|p| p.eq_ignore_ascii_case(w)) {
            return true;
        }
        let infinitive = w.eq_ignore_ascii_case("to")
            && doc
                .toks
                .get(i + 1)
                .is_some_and(|n| n.kind == Kind::Word && !n.cap)
            && doc
                .toks
                .get(i + 1)
                .map(|_| doc.word(i + 1))
                .is_some_and(|n| !["the", "a", "an", "his", "her", "its", "their"].contains(&n));
        if infinitive {
            return true;
        }
        if cue_of(doc, i, false) == Some(Cue::Past) {
            return false;
        }
    }
    false
}

/// Tense of a whole sentence: `Some(true)` when any future cue is present ("officials said Kim
/// will visit" is a plan), `Some(false)` when only past cues are, `None` without cues.
pub fn tag_sentence_tense(sentence: &str) -> Option<bool> {
    thread_local! {
        static LEX: Lexicon = Lexicon::new();
    }
    LEX.with(|lex| {
        let doc = Doc::new(sentence, lex);
        let mut past = false;
        for i in 0..doc.toks.len() {
            match cue_of(&doc, i, true) {
                Some(Cue::Future) => return Some(true),
                Some(Cue::Past) => past = true,
                None => {}
            }
        }
        past.then_some(false)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_tense_table() {
        let table = [
            ("Kim will visit Seoul.", Some(true)),
            ("Officials said Kim will visit Seoul.", Some(true)),
            ("The summit is expected to open in Hanoi.", Some(true)),
            ("Putin met Xi in Beijing.", Some(false)),
            ("The ministers signed the accord.", Some(false)),
            ("The talks are scheduled for Monday.", Some(true)),
            ("A meeting could take place on Sunday.", Some(true)),
            (
                "Xi is already expected in Osaka for the summit in June.",
                Some(true),
            ),
            ("He could not make the visit.", None),
            (
                "The allies' exercise, scheduled for August, angered Pyongyang.",
                Some(true),
            ),
            ("Blinken had been due to arrive in Beijing.", Some(true)),
            (
                "The forum, which closes on Wednesday, drew leaders.",
                Some(true),
            ),
            ("The visit was cancelled due to the storm.", Some(false)),
            ("Relations remain tense.", None),
            ("Kim set a deadline in a speech.", Some(false)),
            ("He put the talks off.", Some(false)),
            ("They set a deadline.", None),
            ("The set of rules is long.", None),
            ("The United Nations is a body.", None),
        ];
        for (s, want) in table {
            assert_eq!(tag_sentence_tense(s), want, "{s}");
        }
    }

    #[test]
    fn local_tense_prefers_left_cue() {
        let lex = Lexicon::new();
        let text = "Kim said on Monday that he will visit Seoul on Friday.";
        let d = Doc::new(text, &lex);
        let mon = (0..d.toks.len())
            .position(|i| d.word(i) == "Monday")
            .unwrap_or(0);
        let fri = (0..d.toks.len())
            .position(|i| d.word(i) == "Friday")
            .unwrap_or(0);
        assert_eq!(tense_at(&d, mon, mon + 1, true), Some(false));
        assert_eq!(tense_at(&d, fri, fri + 1, true), Some(true));
    }

    #[test]
    fn habits_look_forward() {
        // (sentence, expression word, forward)
        let lex = Lexicon::new();
        let table = [
            (
                "They had suspended the drill that the allies normally hold in August.",
                "August",
                Some(true),
            ),
            (
                "They had suspended the drill that was normally held in August.",
                "August",
                Some(false),
            ),
            (
                "They had suspended the drill, usually in August.",
                "August",
                Some(false),
            ),
        ];
        for (text, word, want) in table {
            let d = Doc::new(text, &lex);
            let at = (0..d.toks.len())
                .position(|i| d.word(i) == word)
                .unwrap_or(0);
            assert_eq!(tense_at(&d, at, at + 1, true), want, "{text}");
        }
    }
}

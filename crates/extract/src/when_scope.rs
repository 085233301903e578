//! Dates that reach a trigger from outside its own clause.
//!
//! - **A fronted date scopes over the sentence.** "On Sunday, Yoon held talks with Li, and Li
//!   and Kishida also met each other": a time adverbial that opens the sentence, set off by a
//!   comma, dates every coordinated clause after it that has no date of its own, unless a
//!   subordinating word, a reporting verb or a modal stands between ("On Sunday, Kim said
//!   that ...", "..., and the two will meet again").
//! - **"Hours later".** A length in hours or minutes followed by "later" or "earlier"
//!   ("Trump responded hours later") keeps the day of the last day named before it.
//! - **"Within hours of his departure".** A short distance from one end of a stay dates the
//!   event on the last day of the days named before (an arrival: the first).
//! - **The previous sentence.** With no date of its own, an event takes one from the text
//!   before it only where the words say it follows on: the return journey of a trip ("On
//!   the flight home, Trump spoke by phone with Moon": the latest day named so far, up to
//!   the publication day), a subject that takes up the previous sentence's event ("The
//!   statement by Ri ... accused": that sentence's first day), or the detail of a short dated
//!   lead ("China reacted angrily on Thursday. Zhao accused ...": its day, for a past verb).
//! - **The occasion of a statement.** "set a deadline for Washington to change its approach
//!   in a speech to parliament in April": past the complement of a request or a threat, a
//!   phrase naming the occasion of the saying ("in a speech", "at a news conference") brings
//!   its date back to the trigger.
//! - **"There".** "The G7 summit runs from Friday to Sunday, and the four leaders could
//!   meet there on the sidelines": "there", or "on the sidelines" of nothing named, takes up
//!   the occasion of the clause before, and its date ([`points_back`]).
//! - **A gerund after a preposition** ("held talks on Tuesday before signing a joint
//!   statement") opens a verb phrase of the same subject: the main verb's date reaches the
//!   gerund's object (see [`is_gerund`]).

use crate::when_cues::{is_past_verb, Word};

/// Words before a fronted date ("On Sunday,", "Earlier on Friday,", "Late last week,").
const LEAD: &[&str] = &[
    "on", "in", "at", "during", "early", "late", "earlier", "later", "also", "then", "and", "but",
    "by", "over",
];

/// Words that open a subordinate or embedded clause: a fronted date of the main clause does
/// not reach past them.
const SUBORDINATE: &[&str] = &[
    "that", "which", "who", "whom", "whose", "when", "where", "whether", "if", "because", "after",
    "before", "since", "until", "unless", "although", "though", "once", "as",
];

/// Modal and future words: the event they govern is not dated by a past fronted date.
const MODAL: &[&str] = &[
    "will", "would", "could", "can", "may", "might", "shall", "should", "must", "to", "plans",
    "planned", "plan", "expected", "hopes", "hoped", "wants", "due", "intends", "next",
];

/// True when the date at `x` opens sentence `s` as an adverbial set off by a comma: at most
/// two lead words before it ("On Sunday,", "Earlier on Friday,"), after an optional wire
/// dateline ("SEOUL -- ").
pub(crate) fn is_fronted(s: &str, ws: &[Word], x: (usize, usize)) -> bool {
    if !s.get(x.1..).is_some_and(|r| r.starts_with(',')) {
        return false;
    }
    let from = dateline_end(s);
    let before: Vec<&Word> = ws
        .iter()
        .filter(|w| w.start >= from && w.end <= x.0)
        .collect();
    before.len() <= 2 && before.iter().all(|w| LEAD.contains(&w.lower.as_str()))
}

/// Where a wire dateline ("SEOUL -- ", "UNITED NATIONS — ") at the start of `s` ends (0 when
/// there is none).
fn dateline_end(s: &str) -> usize {
    for sep in ["-- ", "— ", "– "] {
        if let Some(i) = s.find(sep) {
            let head = &s[..i];
            if i <= 40
                && head.chars().any(char::is_alphabetic)
                && !head.chars().any(char::is_lowercase)
            {
                return i + sep.len();
            }
        }
    }
    0
}

/// True when a fronted date ending at `x_end` reaches the trigger at `t` of a clause starting
/// at `clause_start`: no subordinating word, reporting verb or modal between the date and the
/// trigger.
pub(crate) fn reaches(ws: &[Word], x_end: usize, t: (usize, usize)) -> bool {
    ws.iter()
        .filter(|w| w.start >= x_end && w.end <= t.0)
        .all(|w| {
            let l = w.lower.as_str();
            !SUBORDINATE.contains(&l) && !MODAL.contains(&l) && !blocks_as_report(l)
        })
}

/// A reporting verb between a fronted date and a trigger takes the date: "On Sunday, Kim
/// said Trump had met Xi" dates the saying. Any kind of the shared list
/// (`data/kb/reporting_verbs.txt`) blocks, except "according": "On Sunday, according to
/// KCNA, Kim met Putin" still dates the meeting.
fn blocks_as_report(l: &str) -> bool {
    l != "according" && crate::roles_verbs::is_any(l)
}

/// Nouns naming one end of a stay: `true` for its first day (an arrival), `false` for its
/// last (a departure).
const STAY_EDGE: &[(&str, bool)] = &[
    ("arrival", true),
    ("landing", true),
    ("departure", false),
    ("exit", false),
];

/// "within hours of his departure North Korea's foreign ministry accused Washington": a
/// short distance ("within hours of", "hours after", "minutes after", "shortly after")
/// from one end of a stay, before the trigger `t`, with no verb between. Returns whether
/// the end is the stay's first day (`true`) or its last (`false`).
pub(crate) fn stay_edge(ws: &[Word], t: usize) -> Option<bool> {
    let before: Vec<&Word> = ws.iter().filter(|w| w.end <= t).collect();
    before.iter().enumerate().find_map(|(k, w)| {
        let &(_, first) = STAY_EDGE.iter().find(|(n, _)| *n == w.lower)?;
        // "of his departure", "after the arrival", "after arrival"
        let mut j = k.checked_sub(1)?;
        if ["his", "her", "their", "its", "the"].contains(&before[j].lower.as_str()) {
            j = j.checked_sub(1)?;
        }
        let prep = before[j].lower.as_str();
        let length = before.get(j.checked_sub(1)?)?.lower.as_str();
        let near = match prep {
            "of" => {
                length == "hours"
                    || length == "minutes"
                    || length == "days" && j >= 2 && before[j - 2].lower == "within"
            }
            "after" | "before" => ["hours", "minutes", "shortly", "moments"].contains(&length),
            _ => false,
        };
        let verb_between = before[k + 1..].iter().any(|v| is_past_verb(&v.lower));
        (near && !verb_between).then_some(first)
    })
}

/// True when word `n`, right after a preposition, is a gerund ("before signing", "after
/// receiving"): the preposition opens a verb phrase of the main clause's subject, not a noun
/// phrase naming another occasion.
pub(crate) fn is_gerund(s: &str, n: &Word) -> bool {
    n.lower.len() > 5
        && n.lower.ends_with("ing")
        && s.get(n.start..)
            .is_some_and(|r| r.starts_with(char::is_lowercase))
        && !NOT_GERUND.contains(&n.lower.as_str())
}

/// Words in "-ing" that are nouns or adjectives after a preposition ("before morning talks",
/// "after meeting notes" is rare; "before meetings" does not end in -ing).
const NOT_GERUND: &[&str] = &[
    "morning",
    "evening",
    "during",
    "upcoming",
    "ongoing",
    "nothing",
    "something",
    "anything",
    "everything",
    "spring",
    "meeting",
    "briefing",
    "hearing",
    "gathering",
    "wedding",
    "building",
    "funding",
];

/// Nouns of the occasion a statement is made on ("in a speech", "at a news conference").
const OCCASION: &[&str] = &[
    "speech",
    "address",
    "statement",
    "interview",
    "letter",
    "message",
    "broadcast",
    "conference",
    "briefing",
    "remarks",
    "post",
    "posts",
    "call",
];

/// Where an occasion phrase ("in a speech to parliament", "at a news conference", "during a
/// phone call") opens between bytes `from` and `to`: a preposition with an occasion noun at
/// most three words after it. Dates after it date the statement, not the complement's
/// event before it.
pub(crate) fn occasion_after(ws: &[Word], from: usize, to: usize) -> Option<usize> {
    let inside: Vec<&Word> = ws
        .iter()
        .filter(|w| w.start >= from && w.end <= to)
        .collect();
    inside.iter().enumerate().find_map(|(k, w)| {
        let prep = ["in", "at", "during"].contains(&w.lower.as_str());
        let noun = inside
            .iter()
            .skip(k + 1)
            .take(3)
            .any(|n| OCCASION.contains(&n.lower.as_str()));
        (prep && noun).then_some(w.start)
    })
}

/// True when the words right after byte `t_end` (the trigger's end) point back to an
/// occasion named before: "meet there", "could meet there on the sidelines", "meet on the
/// sidelines" (of nothing named).
pub(crate) fn points_back(ws: &[Word], t_end: usize) -> bool {
    let after: Vec<&Word> = ws.iter().filter(|w| w.start >= t_end).take(5).collect();
    let there = after.iter().take(2).any(|w| w.lower == "there");
    let sidelines = (0..3).any(|k| {
        after.get(k).is_some_and(|w| w.lower == "the")
            && after.get(k + 1).is_some_and(|w| w.lower == "sidelines")
            && after.get(k + 2).is_none_or(|w| w.lower != "of")
    });
    there || sidelines
}

/// Phrases of the return journey of a trip.
const RETURN: &[&str] = &[
    "flight home",
    "flight back",
    "return flight",
    "way home",
    "way back",
    "journey home",
    "trip home",
    "ride home",
];

/// True when sentence `s` speaks of the return journey before byte `t` ("On the flight home
/// aboard Air Force One, Trump spoke ...").
pub(crate) fn is_return_journey(s: &str, t: usize) -> bool {
    let head = s.get(..t).unwrap_or("").to_lowercase();
    RETURN.iter().any(|p| head.contains(p))
}

/// Nouns that take up an event of the previous sentence ("The statement by Ri ...").
const TAKE_UP: &[&str] = &[
    "statement",
    "remarks",
    "comments",
    "announcement",
    "letter",
    "message",
    "warning",
    "threat",
    "speech",
    "report",
    "declaration",
    "communique",
];

/// True when sentence `ws` opens with a definite subject that takes up an earlier event
/// ("The statement by ...", "His remarks ...").
pub(crate) fn is_taken_up_subject(ws: &[Word]) -> bool {
    const DET: &[&str] = &["the", "this", "that", "its", "his", "her", "their", "these"];
    matches!(ws, [d, n, ..] if DET.contains(&d.lower.as_str()) && TAKE_UP.contains(&n.lower.as_str()))
}

/// True when the trigger noun at `t` is the definite object of a past verb of the clause
/// starting at `clause_start` ("Biden, Johnson and Morrison unveiled the pact"), with no modal
/// before: it takes up an event named before.
pub(crate) fn is_definite_object(ws: &[Word], clause_start: usize, t: (usize, usize)) -> bool {
    let before: Vec<&Word> = ws.iter().filter(|w| w.end <= t.0).rev().take(2).collect();
    let [det, verb] = before[..] else {
        return false;
    };
    ["the", "this"].contains(&det.lower.as_str())
        && !verb.cap
        && is_past_verb(&verb.lower)
        && ws
            .iter()
            .filter(|w| w.start >= clause_start && w.end <= t.0)
            .all(|w| !MODAL.contains(&w.lower.as_str()))
}

/// True for a short lead sentence ("China reacted angrily on Thursday."): at most eight
/// words.
pub(crate) fn is_short_lead(ws: &[Word]) -> bool {
    (2..=8).contains(&ws.len())
}

/// True when the words before the trigger at `t` hold no modal or future word and the
/// trigger is a past verb ("accused", "spoke").
pub(crate) fn is_past_report(ws: &[Word], clause_start: usize, t: (usize, usize)) -> bool {
    let head = ws.iter().find(|w| w.start >= t.0 && w.end <= t.1);
    head.is_some_and(|w| is_past_verb(&w.lower))
        && ws
            .iter()
            .filter(|w| w.start >= clause_start && w.end <= t.0)
            .all(|w| !MODAL.contains(&w.lower.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::when_cues::words;

    fn span(s: &str, part: &str) -> (usize, usize) {
        let a = s.find(part).unwrap_or(0);
        (a, a + part.len())
    }

    #[test]
    fn fronted_dates() {
        // (sentence, date, fronted)
        for (s, d, want) in [
            ("On Sunday, Yoon held talks with Li.", "Sunday", true),
            ("Earlier on Friday, Abe held talks with Li.", "Friday", true),
            ("Last week, the two sides met.", "Last week", true),
            ("SEOUL -- On Monday, the two sides met.", "Monday", true),
            (
                "Yoon held talks with Li on Sunday, and left.",
                "Sunday",
                false,
            ),
            ("On Sunday Yoon held talks with Li.", "Sunday", false),
            (
                "The ministry said on Sunday, after talks, that ...",
                "Sunday",
                false,
            ),
        ] {
            let ws = words(s);
            assert_eq!(is_fronted(s, &ws, span(s, d)), want, "{s}");
        }
    }

    #[test]
    fn fronted_reach() {
        // (sentence, date, trigger, reaches)
        for (s, d, t, want) in [
            (
                "On Sunday, Yoon held talks with Li, and Li and Kishida also met each other.",
                "Sunday",
                "met",
                true,
            ),
            (
                "On Sunday, Yoon held talks with Li, and the two will meet again.",
                "Sunday",
                "meet",
                false,
            ),
            (
                "On Sunday, Kim said that Trump had met Xi.",
                "Sunday",
                "met",
                false,
            ),
            (
                "On Sunday, Yoon held talks with Li, who visited Seoul.",
                "Sunday",
                "visited",
                false,
            ),
        ] {
            let ws = words(s);
            assert_eq!(reaches(&ws, span(s, d).1, span(s, t)), want, "{s}");
        }
    }

    #[test]
    fn previous_sentence_cues() {
        for (s, want) in [
            (
                "On the flight home aboard Air Force One, Trump spoke by phone with Moon.",
                true,
            ),
            ("On his way back to Seoul, Moon called Trump.", true),
            ("Trump spoke by phone with Moon, and flew home.", false),
        ] {
            let t = s.find("spoke").or_else(|| s.find("called")).unwrap_or(0);
            assert_eq!(is_return_journey(s, t), want, "{s}");
        }
        for (s, want) in [
            (
                "The statement by Ri Thae Song accused the administration.",
                true,
            ),
            ("His remarks drew a rebuke.", true),
            ("The summit ended early.", false),
            ("A statement was issued.", false),
        ] {
            assert_eq!(is_taken_up_subject(&words(s)), want, "{s}");
        }
        for (s, t, want) in [
            (
                "Biden, Johnson and Morrison unveiled the pact in a joint appearance.",
                "pact",
                true,
            ),
            ("Biden will unveil the pact.", "pact", false),
            ("Biden unveiled a pact.", "pact", false),
            ("Biden has unveiled the pact.", "pact", true),
        ] {
            assert_eq!(is_definite_object(&words(s), 0, span(s, t)), want, "{s}");
        }
        for (s, want) in [
            ("China reacted angrily on Thursday.", true),
            ("The United States, Britain and Australia announced a new security partnership on Wednesday.", false),
        ] {
            assert_eq!(is_short_lead(&words(s)), want, "{s}");
        }
        for (s, t, want) in [
            (
                "Zhao accused the three countries of undermining peace.",
                "accused",
                true,
            ),
            ("Zhao would meet the envoys.", "meet", false),
            ("Zhao will have accused them.", "accused", false),
        ] {
            let ws = words(s);
            assert_eq!(is_past_report(&ws, 0, span(s, t)), want, "{s}");
        }
    }

    #[test]
    fn pointing_back() {
        // (sentence, trigger, points back)
        for (s, t, want) in [
            (
                "The summit runs from Friday, and the leaders could meet there on the sidelines.",
                "meet",
                true,
            ),
            ("The leaders could meet on the sidelines.", "meet", true),
            (
                "The leaders could meet on the sidelines of the summit.",
                "meet",
                false,
            ),
            ("The leaders could meet in Tokyo.", "meet", false),
        ] {
            assert_eq!(points_back(&words(s), span(s, t).1), want, "{s}");
        }
    }

    #[test]
    fn occasions() {
        // (sentence, from, found at)
        for (s, from, want) in [
            ("Kim set a deadline for Washington to change its approach in a speech to parliament in April.", "to change", Some("in a speech")),
            ("Trump urged Kim to give up his weapons at a news conference on Friday.", "to give", Some("at a news conference")),
            ("Japan asked Seoul to agree by Thursday to set up a panel in Geneva.", "to agree", None),
        ] {
            let ws = words(s);
            let a = s.find(from).unwrap_or(0);
            let got = occasion_after(&ws, a, s.len()).map(|i| &s[i..]);
            assert_eq!(got.map(|g| g.starts_with(want.unwrap_or("-"))), want.map(|_| true), "{s}");
        }
    }

    #[test]
    fn any_spans_do_not_panic() {
        for s in [
            "",
            "SEOUL -- ",
            "— é, the sidelines there",
            "On the flight home, ’s",
        ] {
            let ws = words(s);
            let bounds: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
            for &a in &bounds {
                for &b in bounds.iter().filter(|&&b| b >= a) {
                    is_fronted(s, &ws, (a, b));
                    reaches(&ws, b, (a, b));
                    is_return_journey(s, a);
                    points_back(&ws, a);
                    occasion_after(&ws, a, b);
                    is_past_report(&ws, a, (a, b));
                    is_definite_object(&ws, a, (a, b));
                }
            }
        }
    }

    #[test]
    fn stay_edges() {
        // (sentence, trigger, which end of the stay)
        let table = [
            (
                "Kim did not receive him, and within hours of his departure the ministry accused Washington.",
                "accused",
                Some(false),
            ),
            ("Hours after his arrival, the envoy met Moon.", "met", Some(true)),
            ("Minutes after arrival, he met Moon.", "met", Some(true)),
            ("After his departure, the ministry accused Washington.", "accused", None),
            ("Days after his departure was announced, Seoul protested.", "protested", None),
        ];
        for (s, trig, want) in table {
            let ws = words(s);
            let t = s.find(trig).unwrap_or(0);
            assert_eq!(stay_edge(&ws, t), want, "{s}");
        }
    }

    #[test]
    fn gerunds() {
        // (sentence, preposition, gerund follows)
        for (s, p, want) in [
            (
                "met on Tuesday before signing a joint statement",
                "before",
                true,
            ),
            ("reversed course after receiving an envoy", "after", true),
            ("opened in 2018 after the first summit", "after", false),
            (
                "met on Tuesday before the signing ceremony",
                "before",
                false,
            ),
            ("left before morning talks", "before", false),
        ] {
            let ws = words(s);
            let k = ws.iter().position(|w| w.lower == p).unwrap_or(0);
            let got = ws.get(k + 1).is_some_and(|n| is_gerund(s, n));
            assert_eq!(got, want, "{s}");
        }
    }

    #[test]
    fn reporting_verbs_block_a_fronted_date() {
        // (word between date and trigger, blocks)
        let cases = [
            ("said", true),
            ("told", true),
            ("warned", true),
            ("stressed", true),
            ("according", false),
            ("officials", false),
        ];
        for (w, blocks) in cases {
            assert_eq!(blocks_as_report(w), blocks, "{w}");
        }
    }
}

//! Occasions: an event set at a meeting named elsewhere takes that meeting's date.
//!
//! - **Occasion phrase**: "At the summit, the two leaders agreed ...", "agreed during the
//!   talks to ...", "told reporters at the Pyongyang meeting": a preposition of setting
//!   ("at", "during"), a definite determiner and, a few words on, a meeting noun
//!   ([`MEETING_GROUPS`]). The definite article says the meeting was named before; the
//!   latest earlier mention of it that has a date of its own dates the event. Names in the
//!   phrase ("the Pyongyang summit") must be in the mention too, so that "at the Singapore
//!   summit" does not take up the Hanoi one. An indefinite occasion ("at a news conference")
//!   is new and gives nothing. A fronted "after" ("After their talks, X said ...") tells
//!   what followed on the meeting's day.
//! - **Relative "where" / "when"**: "Pompeo stopped in Tokyo on Saturday, where he met
//!   Abe", "the visit Yoon made to Tokyo on March 16, when the two leaders agreed ...": a
//!   clause opened by ", where" or ", when" without a date of its own happens at the time of
//!   the clause it hangs on.
//!
//! Both are fallbacks: a date in the trigger's own clause always wins.

use crate::when_cues::Word;

/// Groups of words that name the same kind of meeting: a mention of any word of a group
/// can be the antecedent of an occasion phrase whose head is in the group.
pub(crate) const MEETING_GROUPS: &[&[&str]] = &[
    &[
        "summit",
        "summits",
        "meeting",
        "meetings",
        "talks",
        "met",
        "meet",
        "meets",
        "session",
        "negotiations",
        "dialogue",
    ],
    &[
        "visit", "visits", "visited", "visiting", "trip", "tour", "stay", "journey",
    ],
    &["call", "phone", "spoke", "phoned", "telephone"],
    &["conference", "forum", "gathering", "ceremony"],
    &["dinner", "banquet", "luncheon", "lunch", "breakfast"],
];

/// Prepositions that set an event at an occasion.
const SETTING: &[&str] = &["at", "during"];

/// Determiners of an occasion named before.
const DEFINITE: &[&str] = &["the", "their", "his", "her", "its", "this", "that", "these"];

/// Words between the determiner and the head that end the phrase (the occasion is not the
/// meeting: "at the request of", "at the time of").
const BREAKERS: &[&str] = &[
    "request",
    "time",
    "invitation",
    "height",
    "urging",
    "behest",
    "expense",
    "heart",
    "centre",
    "center",
    "risk",
    "cost",
    "same",
    "next",
    "last",
    "first",
    "upcoming",
    "planned",
    "proposed",
];

/// An occasion phrase of a sentence: where it starts, its head word's group, and the names
/// (capitalised words) between the determiner and the head.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Occasion {
    /// Byte where the preposition starts.
    pub start: usize,
    /// Byte where the head noun ends.
    pub end: usize,
    /// Index into [`MEETING_GROUPS`].
    pub group: usize,
    /// Lower-case names between determiner and head ("pyongyang").
    pub names: Vec<String>,
}

/// The group of a meeting word, if any.
pub(crate) fn group_of(w: &str) -> Option<usize> {
    MEETING_GROUPS.iter().position(|g| g.contains(&w))
}

/// The occasion phrase of the trigger at `t` within `clause` (byte range of the clause):
/// fronted before the trigger in the clause ("At the summit, the two leaders agreed"), or
/// within a few words after it ("agreed at the summit to resume visits").
pub(crate) fn occasion_phrase(
    s: &str,
    ws: &[Word],
    clause: (usize, usize),
    t: (usize, usize),
) -> Option<Occasion> {
    let inside: Vec<&Word> = ws
        .iter()
        .filter(|w| w.start >= clause.0 && w.end <= clause.1)
        .collect();
    for (k, w) in inside.iter().enumerate() {
        // "After their talks, Trump said ...": a fronted "after" tells what followed on the
        // meeting's day
        let fronted_after = w.lower == "after" && k == 0;
        if !SETTING.contains(&w.lower.as_str()) && !fronted_after {
            continue;
        }
        let Some(det) = inside.get(k + 1) else {
            continue;
        };
        if !DEFINITE.contains(&det.lower.as_str()) {
            continue;
        }
        let mut names = Vec::new();
        let mut found = None;
        for n in inside.iter().skip(k + 2).take(4) {
            if let Some(g) = group_of(&n.lower).filter(|_| !n.cap) {
                found = Some((g, n.end));
                break;
            }
            if BREAKERS.contains(&n.lower.as_str()) || n.lower == "of" && names.is_empty() {
                break;
            }
            if n.cap {
                names.push(n.lower.clone());
            }
        }
        let Some((group, end)) = found else {
            continue;
        };
        // The phrase must be the trigger's: before it (fronted or adverbial) with no other
        // clause between, or right after it.
        let before = end <= t.0 && !s.get(end..t.0).unwrap_or("").contains([';', ':']);
        let after = w.start >= t.1
            && ws
                .iter()
                .filter(|x| x.start >= t.1 && x.end <= w.start)
                .count()
                <= 4;
        // the trigger itself is the phrase's head ("at the summit" naming the event)
        let own = t.0 >= w.start && t.1 <= end;
        if (before || after) && !own {
            return Some(Occasion {
                start: w.start,
                end,
                group,
                names,
            });
        }
    }
    None
}

/// The words of an earlier sentence that mention a meeting of the occasion's group, with
/// every name of the occasion present somewhere in the sentence.
pub(crate) fn mentions<'w>(ws: &'w [Word], occ: &Occasion) -> Vec<&'w Word> {
    let named = occ.names.iter().all(|n| {
        ws.iter()
            .any(|w| w.lower == *n || w.lower.starts_with(&format!("{n}'")))
    });
    if !named {
        return Vec::new();
    }
    ws.iter()
        .filter(|w| !w.cap && group_of(&w.lower) == Some(occ.group))
        .collect()
}

/// Where the ", where" clause holding the trigger at `t` starts (the comma), when the
/// trigger lies in one: "stopped in Tokyo on Saturday, where he met Abe".
pub(crate) fn where_clause(s: &str, ws: &[Word], t: (usize, usize)) -> Option<usize> {
    let w = ws.iter().rev().filter(|w| w.end <= t.0).find(|w| {
        ["where", "when"].contains(&w.lower.as_str())
            || s.get(w.end..t.0).is_some_and(|g| g.contains([',', ';']))
    })?;
    if !["where", "when"].contains(&w.lower.as_str()) {
        return None;
    }
    // The clause's own predicate ("where he met Abe"), not a complement of it ("where the two
    // sides agreed that Blinken would travel"), nor a plan ("where they will meet").
    const NOT_OWN: &[&str] = &[
        "that", "to", "will", "would", "could", "may", "might", "should", "shall", "can",
    ];
    let between: Vec<&Word> = ws
        .iter()
        .filter(|x| x.start >= w.end && x.end <= t.0)
        .collect();
    // "when the United States imposed tariffs on Chinese goods and Beijing responded": a
    // conjoined predicate of the clause is its own too
    let own = match between.iter().rposition(|x| x.lower == "and") {
        Some(k) if between.len() > 5 => &between[k + 1..],
        _ => &between[..],
    };
    if own.len() > 5 || between.iter().any(|x| NOT_OWN.contains(&x.lower.as_str())) {
        return None;
    }
    let head = s.get(..w.start)?.trim_end();
    head.ends_with(',').then(|| head.len() - 1)
}

/// True when the date at `x` closes a purpose phrase naming a meeting after the trigger at
/// `t`: "invited Modi to Washington for a state visit in June", "called him in for talks
/// next week" — the date is the meeting's, not the inviting's.
pub(crate) fn dates_purpose(ws: &[Word], x: (usize, usize), t: (usize, usize)) -> bool {
    if x.0 < t.1 {
        return false;
    }
    let between = crate::when_cues::words_in(ws, t.1, x.0);
    between.iter().enumerate().any(|(k, w)| {
        // a meeting to come ("for a state visit", "for talks"), not one told of ("granted
        // an exemption for the ceremony last week")
        let told = between
            .get(k + 1)
            .is_some_and(|d| DEFINITE.contains(&d.lower.as_str()));
        w.lower == "for"
            && !told
            && between
                .iter()
                .enumerate()
                .skip(k + 1)
                .take(4)
                .any(|(j, m)| !m.cap && group_of(&m.lower).is_some() && between.len() - j <= 3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::when_cues::words;

    fn trig(s: &str, t: &str) -> (usize, usize) {
        let a = s.find(t).unwrap_or(0);
        (a, a + t.len())
    }

    #[test]
    fn occasion_phrases() {
        // (sentence, trigger, head group or none, names)
        for (s, t, want, names) in [
            (
                "At the summit, the two ministers agreed to set up a hotline.",
                "agreed",
                Some(0),
                vec![],
            ),
            (
                "During their talks, the premier invited his guest to Rome.",
                "invited",
                Some(0),
                vec![],
            ),
            (
                "The envoys agreed at the Geneva meeting to exchange prisoners.",
                "agreed",
                Some(0),
                vec!["geneva"],
            ),
            (
                "During his visit, the president signed a trade deal.",
                "signed",
                Some(1),
                vec![],
            ),
            (
                "At a news conference, the minister accused Ankara of lying.",
                "accused",
                None,
                vec![],
            ),
            (
                "At the request of Paris, the council condemned the attack.",
                "condemned",
                None,
                vec![],
            ),
            (
                "The talks were held at the foreign ministry.",
                "talks",
                None,
                vec![],
            ),
            (
                "They agreed to meet at the next summit in Lima.",
                "agreed",
                None,
                vec![],
            ),
            (
                "At the dinner, the king praised the alliance.",
                "praised",
                Some(4),
                vec![],
            ),
        ] {
            let ws = words(s);
            let got = occasion_phrase(s, &ws, (0, s.len()), trig(s, t));
            assert_eq!(got.as_ref().map(|o| o.group), want, "{s}");
            if let Some(o) = got {
                assert_eq!(o.names, names, "{s}");
            }
        }
    }

    #[test]
    fn purposes() {
        // (sentence, trigger, date, the date is the purpose's meeting's)
        for (s, t, x, want) in [
            (
                "Biden invited Modi to Washington for a state visit in June.",
                "invited",
                "June",
                true,
            ),
            (
                "Paris summoned the envoy for talks on Monday.",
                "summoned",
                "Monday",
                true,
            ),
            (
                "Paris summoned the envoy on Monday for talks.",
                "summoned",
                "Monday",
                false,
            ),
            ("Oslo asked for calm in June.", "asked", "June", false),
            (
                "The council granted an exemption for the ceremony last week.",
                "granted",
                "last week",
                false,
            ),
        ] {
            let ws = words(s);
            assert_eq!(dates_purpose(&ws, trig(s, x), trig(s, t)), want, "{s}");
        }
    }

    #[test]
    fn antecedent_mentions() {
        let occ = Occasion {
            start: 0,
            end: 0,
            group: 0,
            names: vec!["geneva".into()],
        };
        // (earlier sentence, mentions found)
        for (s, want) in [
            ("The envoys held talks in Geneva on Monday.", 1),
            ("The envoys held talks in Vienna on Monday.", 0),
            (
                "The Geneva summit, the first since 2015, ended on Monday.",
                1,
            ),
            ("Geneva hosted a trade fair on Monday.", 0),
        ] {
            let ws = words(s);
            assert_eq!(mentions(&ws, &occ).len(), want, "{s}");
        }
    }

    #[test]
    fn where_clauses() {
        // (sentence, trigger, head clause found)
        for (s, t, want) in [
            (
                "The minister stopped in Oslo on Friday, where he met the king.",
                "met",
                true,
            ),
            (
                "The premier flew to Lima, where talks were held.",
                "talks",
                true,
            ),
            (
                "The premier flew to Lima, and he met the president there.",
                "met",
                false,
            ),
            ("Where they met is unknown.", "met", false),
            (
                "They met in Oslo on May 3, where both agreed that the envoy would visit Rome.",
                "visit",
                false,
            ),
            (
                "It began in May, when Oslo imposed duties on fish and Moscow responded in kind.",
                "responded",
                true,
            ),
            (
                "It began in May, when Oslo imposed duties on fish from the northern fjords.",
                "fjords",
                false,
            ),
            (
                "The premier is in Lima this week, where he will meet the president.",
                "meet",
                false,
            ),
        ] {
            let ws = words(s);
            assert_eq!(where_clause(s, &ws, trig(s, t)).is_some(), want, "{s}");
        }
    }
}

//! Background events named by a "since" phrase: "the first visit to Seoul by a Japanese
//! leader since Yoshihiko Noda came in October 2011", "has not visited North Korea since Hu
//! Jintao in October 2005", "the first summit of the three countries since 2019".
//!
//! Such a phrase, after a trigger counted as the first (or negated: "no president has
//! visited"), names the last time the event took place. That past event takes the type and
//! mode of the trigger, its parties (a person named after "since" takes the place of the
//! party of the same state) and the date of the phrase, and it occurred. A negated trigger
//! reports nothing else; a counted one ("the first visit") keeps its own event, without the
//! phrase's date.

use crate::ctx::SentenceCtx;
use crate::draft::{Draft, DraftDate};
use entente_doc::{ActorKind, EventStatus, EventType};

/// Words before a trigger that make a "since" phrase name its last occurrence.
const FIRST: &[&str] = &[
    "first",
    "last",
    "most senior",
    "highest-ranking",
    "highest-level",
    "most senior-level",
];
/// Words that negate the trigger ("has not visited since", "no president has visited since").
const NEGATION: &[&str] = &["no", "not", "never"];

/// How far (bytes) "since" may lie after the trigger, and the date after "since".
const GAP: usize = 110;
const PHRASE: usize = 70;

/// Adds the background event of each "since" phrase to the drafts of sentence `cx` (those
/// from index `from` on), and takes the phrase's date and negated triggers out.
///
/// `triggers` are the sentence's triggers (start, type). A trigger without a draft of its own
/// (a noun in apposition: "held talks on Sunday, the first visit since ...") takes the last
/// draft of its type before it.
pub(crate) fn since_backgrounds(
    cx: &SentenceCtx<'_>,
    triggers: &[(usize, EventType)],
    drafts: &mut Vec<Draft>,
    from: usize,
) {
    let s = cx.text;
    let mut added = Vec::new();
    let mut drop = Vec::new();
    for &(t, ty) in triggers {
        let own = (from..drafts.len()).find(|&i| drafts[i].trigger_at.1 == t);
        let before = (from..drafts.len())
            .rev()
            .find(|&i| drafts[i].trigger_at.1 < t && drafts[i].event_type == ty);
        // "will visit North Korea ..., his first trip to the country since": a meeting
        // whose own draft lacks a party takes the parties of the one it repeats
        let lacking = |i: usize| ty == EventType::Consult && drafts[i].countries().len() < 2;
        let i = match (own, before) {
            (Some(o), Some(b)) if lacking(o) && !lacking(b) => b,
            (Some(o), _) => o,
            (None, Some(b)) => b,
            (None, None) => continue,
        };
        let Some(d) = drafts.get_mut(i) else { continue };
        let Some((since, negated)) = last_occurrence(s, t) else {
            continue;
        };
        // the phrase runs to the next comma or the end of the sentence
        let body_start = since + "since ".len();
        let end = s[body_start..]
            .find([',', ';', '.', '('])
            .map_or(s.len(), |e| body_start + e);
        let Some(x) = cx.timexes.iter().find(|x| {
            x.start >= body_start
                && x.end <= end
                && x.start <= body_start + PHRASE
                && x.item.kind == "DATE"
                && !x.item.vague
        }) else {
            continue;
        };
        // "since Noda came in October 2011" repeats the event; "since Biden took office in
        // January" names another one
        let between = s.get(body_start..x.start).unwrap_or_default();
        if !repeats(between) {
            continue;
        }
        let (Some(a), Some(b)) = (x.item.start, x.item.end) else {
            continue;
        };
        if cx.doc.published_date().is_some_and(|p| a > p) {
            continue;
        }
        let date = DraftDate {
            start: a,
            end: b,
            precision: x.item.precision.clone(),
            text: s.get(x.start..x.end).unwrap_or_default().to_string(),
        };
        let mut bg = d.clone();
        bg.status = EventStatus::Occurred;
        bg.explicit = true;
        bg.historical = true;
        bg.relative = false;
        bg.own_predicate = true;
        bg.trigger_at = (d.trigger_at.0, since);
        bg.date = Some(date.clone());
        // "since Yoshihiko Noda came": the person named replaces the party of his state
        for m in cx
            .mentions
            .iter()
            .filter(|m| m.start >= body_start && m.end <= x.start)
        {
            for actor in &m.item.actors {
                if actor.kind != ActorKind::Person {
                    continue;
                }
                if let Some(slot) = bg
                    .actors
                    .iter_mut()
                    .find(|(a, _)| a.country.is_some() && a.country == actor.country)
                {
                    slot.0 = actor.clone();
                }
            }
        }
        if d.date.as_ref() == Some(&date) {
            d.date = None;
        }
        if negated && own.is_some() {
            drop.push(i);
        }
        added.push(bg);
    }
    drop.sort_unstable();
    drop.dedup();
    for i in drop.into_iter().rev() {
        drafts.remove(i);
    }
    drafts.extend(added);
}

/// Lower-case words that may stand between "since" and its date when the phrase repeats the
/// event ("since Noda came in", "since Hu Jintao visited in").
const REPEATING: &[&str] = &[
    "in",
    "on",
    "at",
    "of",
    "the",
    "came",
    "visited",
    "went",
    "travelled",
    "traveled",
    "met",
    "did",
    "was",
    "were",
    "held",
    "one",
    "late",
    "early",
    "mid",
    "back",
];

/// True when the words between "since" and its date name no other act than the event itself.
fn repeats(between: &str) -> bool {
    between
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| w.chars().next().is_some_and(|c| c.is_lowercase()))
        .all(|w| REPEATING.contains(&w))
}

/// The offset of a "since" that names the last occurrence of the trigger at `t` ("the first
/// visit to Oslo since ...", "has not visited Oslo since ..."), and whether the trigger is
/// negated.
fn last_occurrence(s: &str, t: usize) -> Option<(usize, bool)> {
    let rest = s.get(t..)?;
    let k = rest.find(" since ")?;
    let since = t + k + 1;
    let gap = &rest[..k];
    // "since Noda came", "since 2019": a name or a date; "since a seven-week war" names
    // another event
    let named = rest[k + " since ".len()..]
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    if !named || k > GAP || gap.contains([',', ';', ':', '(']) || gap.contains(" and ") {
        return None;
    }
    // the marker lies in the four words before the trigger ("the first such summit",
    // "has not visited"); "for the first time since" counts times, not the trigger
    if gap.split_whitespace().any(|w| w == "time" || w == "times") {
        return None;
    }
    let head: Vec<String> = s[..t]
        .split_whitespace()
        .rev()
        .take(4)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .to_lowercase()
        })
        .collect();
    let negated = head
        .iter()
        .any(|w| NEGATION.contains(&w.as_str()) || w.ends_with("n't"));
    // "the first visit", "the most senior official to visit": the trigger's first word and
    // six before it, within its comma
    // (a trigger may start with the marker: "first summit")
    let word_end = rest.find(' ').map_or(s.len(), |e| t + e);
    let clause = s[..word_end].rsplit([',', ';']).next().unwrap_or_default();
    let near: Vec<String> = clause
        .split_whitespace()
        .rev()
        .take(7)
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let near = format!(" {} ", near.join(" "));
    let counted = FIRST.iter().any(|m| near.contains(&format!(" {m} ")));
    (negated || counted).then_some((since, negated))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_since_phrase_repeats_the_event_or_names_another() {
        let table = [
            ("Bachelet came in ", true),
            ("Hu Jintao in ", true),
            ("", true),
            ("Biden took office in ", false),
            ("the war ended in ", false),
        ];
        for (between, want) in table {
            assert_eq!(repeats(between), want, "{between}");
        }
    }

    #[test]
    fn a_since_phrase_names_the_last_occurrence() {
        // (sentence, trigger, expected (text from "since", negated))
        type Row = (&'static str, &'static str, Option<(&'static str, bool)>);
        let table: &[Row] = &[
            (
                "It is the first visit to Oslo by a Chilean leader since Bachelet came in 2009.",
                "visit",
                Some(("since Bachelet", false)),
            ),
            (
                "No Peruvian minister has visited Quito since March 2012.",
                "visited",
                Some(("since March", true)),
            ),
            (
                "They held the first such summit since 2015.",
                "summit",
                Some(("since 2015", false)),
            ),
            // a bound, not an occurrence
            ("Ghana has backed the talks since 2016.", "talks", None),
            // "first time" counts times
            (
                "The first leaders met for the first time since 1990.",
                "met",
                None,
            ),
            (
                "He is the most senior Chilean official to visit Peru since May 2001, when Lagos came.",
                "visit",
                Some(("since May", false)),
            ),
            (
                "Talks could pave the way for the first summit of the two states since 2018.",
                "first summit",
                Some(("since 2018", false)),
            ),
            // another event
            (
                "It was the first such raid since a ten-day war ended in May.",
                "raid",
                None,
            ),
            // another clause between
            (
                "The first visit was brief, and prices have risen since May.",
                "visit",
                None,
            ),
        ];
        for (s, trig, want) in table {
            let t = s.find(trig).unwrap_or(0);
            let got = last_occurrence(s, t)
                .map(|(k, neg)| (&s[k..k + want.map_or(0, |w| w.0.len())], neg));
            assert_eq!(got, *want, "{s}");
        }
    }
}

//! Location: the place of a trigger's event, from the places of its clause.

use crate::clause::Clause;
use crate::ctx::{is_locative, prev_word, SentenceCtx};
use crate::lexicon::TriggerMatch;
use entente_doc::Location;

/// A place of the sentence that may be an event's place.
struct Spot {
    start: usize,
    end: usize,
    loc: Location,
}

/// Verbs whose subject is a speaker: a place in that subject ("Diplomats in Seoul say ...")
/// is where the speakers are, not where the event they report happens. "Expected" is left
/// out: its subject is often the event's own ("Trump, in Hanoi, is expected to meet Kim").
const REPORTING: &[&str] = &[
    "say",
    "says",
    "said",
    "tell",
    "tells",
    "told",
    "report",
    "reports",
    "reported",
    "believe",
    "believes",
    "believed",
    "think",
    "thinks",
    "thought",
    "predict",
    "predicts",
    "predicted",
    "suggest",
    "suggests",
    "suggested",
    "speculate",
    "speculated",
    "add",
    "added",
    "note",
    "noted",
    "claim",
    "claims",
    "claimed",
    "insist",
    "insisted",
    "according",
];

/// Prepositions after which a state's name is the place of an event ("a summit in Vietnam"),
/// not a party to it.
const IN_STATE: &[&str] = &["in", "inside", "within"];

/// True when a reporting verb lies in `gap`, the text between a place and the trigger after
/// it: the place is in the speaker's part of the sentence.
fn reporting_between(gap: &str) -> bool {
    gap.split(|c: char| !c.is_alphanumeric())
        .any(|w| REPORTING.contains(&w.to_ascii_lowercase().as_str()))
}

/// The places of the clause: the place mentions, and states named after "in" ("possibly in
/// Vietnam"), which the recogniser keeps as actors. Places in the subject of a reporting
/// verb before the trigger are left out.
fn spots(cx: &SentenceCtx<'_>, t: &TriggerMatch, clause: &Clause) -> Vec<Spot> {
    let s = cx.text;
    let mut out: Vec<Spot> = cx
        .places
        .iter()
        .filter(|p| p.start >= clause.start && p.end <= clause.end)
        .map(|p| Spot {
            start: p.start,
            end: p.end,
            loc: Location {
                name: p.item.name.clone(),
                country: Some(p.item.country.clone()).filter(|c| !c.is_empty()),
                lat: Some(p.item.lat),
                lon: Some(p.item.lon),
            },
        })
        .collect();
    for m in &cx.mentions {
        if m.start < clause.start || m.end > clause.end || m.item.form != "name" {
            continue;
        }
        let [a] = m.item.actors.as_slice() else {
            continue;
        };
        if a.kind != entente_doc::ActorKind::State
            || out.iter().any(|p| p.start < m.end && m.start < p.end)
        {
            continue;
        }
        let prep = prev_word(s, m.start).to_ascii_lowercase();
        let prep = if prep == "the" {
            let head = s[..m.start].trim_end();
            let head = &head[..head.len().saturating_sub(3)];
            prev_word(head, head.len()).to_ascii_lowercase()
        } else {
            prep
        };
        if IN_STATE.contains(&prep.as_str()) {
            out.push(Spot {
                start: m.start,
                end: m.end,
                loc: Location {
                    name: a.name.clone(),
                    country: a.country.clone(),
                    lat: None,
                    lon: None,
                },
            });
        }
    }
    out.retain(|p| p.end > t.start || !reporting_between(s.get(p.end..t.start).unwrap_or("")));
    out.sort_by_key(|p| p.start);
    out
}

/// The place of the event started by trigger `t`: a place of the clause, one after a
/// locative preposition first, nearest after the trigger first. With `locative_only` (a
/// statement or an act, not a meeting) only a place after a locative preposition counts: a
/// capital standing for its government ("accused Washington") is no place of the event.
pub(crate) fn locate(
    cx: &SentenceCtx<'_>,
    t: &TriggerMatch,
    clause: &Clause,
    locative_only: bool,
) -> Option<Location> {
    let s = cx.text;
    spots(cx, t, clause)
        .into_iter()
        .filter(|p| !locative_only || is_locative(s, p.start))
        .min_by_key(|p| {
            let loc = if is_locative(s, p.start) { 0 } else { 1000 };
            let dist = if p.start >= t.end {
                p.start - t.end
            } else {
                t.start.saturating_sub(p.end) + 50
            };
            loc + dist
        })
        .map(|p| p.loc)
}

/// The place of one item of a list of dates that trigger `t` governs ("their summits in
/// Singapore last June and in Hanoi in February"): the place nearest the item's date `at`
/// that no other date of the list separates from it, one in the same item (no comma or
/// "and" between) first. `None` when no place is that close.
pub(crate) fn locate_item(
    cx: &SentenceCtx<'_>,
    t: &TriggerMatch,
    clause: &Clause,
    locative_only: bool,
    at: (usize, usize),
    others: &[(usize, usize)],
) -> Option<Location> {
    let s = cx.text;
    spots(cx, t, clause)
        .into_iter()
        .filter(|p| p.start >= t.end && (!locative_only || is_locative(s, p.start)))
        .filter_map(|p| {
            let (lo, hi) = if p.end <= at.0 {
                (p.end, at.0)
            } else if p.start >= at.1 {
                (at.1, p.start)
            } else {
                return None;
            };
            if others.iter().any(|o| o.0 >= lo && o.1 <= hi) {
                return None;
            }
            let gap = s.get(lo..hi).unwrap_or("");
            let joined = gap.contains(',') || gap.contains(" and ");
            let dist = hi - lo + if joined { 100 } else { 0 };
            Some((dist, p))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, p)| p.loc)
}

/// Where the date with text `text` lies in the clause: its occurrence nearest the trigger.
pub(crate) fn date_at(
    s: &str,
    clause: &Clause,
    t: &TriggerMatch,
    text: &str,
) -> Option<(usize, usize)> {
    if text.is_empty() {
        return None;
    }
    s.match_indices(text)
        .map(|(i, _)| (i, i + text.len()))
        .filter(|&(a, b)| a >= clause.start && b <= clause.end)
        .min_by_key(|&(a, _)| {
            if a >= t.end {
                a - t.end
            } else {
                t.start - a.min(t.start) + 1000
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clause::clause_of;
    use crate::ctx::Local;
    use crate::lexicon::Lexicon;
    use entente_doc::{Document, PlaceMention};

    #[test]
    fn statements_take_only_a_place_after_a_locative_preposition() {
        let lex = Lexicon::load(&std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data"
        )))
        .expect("repository lexicon loads");
        let doc = Document::default();
        // (sentence, trigger, place word, locative only, expected place)
        let table = [
            (
                "Pyongyang accused Washington of lying.",
                "accused",
                "Washington",
                true,
                None,
            ),
            (
                "Kim accused Seoul in Pyongyang.",
                "accused",
                "Pyongyang",
                true,
                Some("Pyongyang"),
            ),
            (
                "Kim met Moon in Panmunjom.",
                "met",
                "Panmunjom",
                false,
                Some("Panmunjom"),
            ),
        ];
        for (s, trig, word, locative_only, want) in table {
            let at = s.find(word).expect("place word in sentence");
            let pm = PlaceMention {
                span: entente_text::Span::new(at, at + word.len()),
                sentence: 0,
                name: word.to_string(),
                country: "XXX".to_string(),
                lat: 0.0,
                lon: 0.0,
            };
            let cx = SentenceCtx {
                doc: &doc,
                sid: 0,
                text: s,
                cues: Vec::new(),
                mentions: Vec::new(),
                places: vec![Local {
                    start: at,
                    end: at + word.len(),
                    item: &pm,
                }],
                timexes: Vec::new(),
            };
            let t = lex
                .triggers_in(s)
                .into_iter()
                .find(|t| &s[t.start..t.end] == trig)
                .expect("a trigger");
            let clause = clause_of(s, t.start, t.end);
            let got = locate(&cx, &t, &clause, locative_only).map(|l| l.name);
            assert_eq!(got.as_deref(), want, "{s}");
        }
    }

    #[test]
    fn places_of_speakers_and_of_list_items() {
        let lex = Lexicon::load(&std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data"
        )))
        .expect("repository lexicon loads");
        let doc = Document::default();
        // (sentence, trigger, places, list dates, expected place per date or of the trigger)
        type Case<'a> = (
            &'a str,
            &'a str,
            &'a [&'a str],
            &'a [&'a str],
            &'a [&'a str],
        );
        let table: [Case; 3] = [
            (
                "Diplomats in Seoul say a summit could be held early next year, possibly in Hanoi.",
                "summit",
                &["Seoul", "Hanoi"],
                &[],
                &["Hanoi"],
            ),
            (
                "It followed their summits in Singapore last June and in Hanoi in February.",
                "summits",
                &["Singapore", "Hanoi"],
                &["last June", "February"],
                &["Singapore", "Hanoi"],
            ),
            (
                "They held summits last June in Singapore and in February in Hanoi.",
                "summits",
                &["Singapore", "Hanoi"],
                &["last June", "February"],
                &["Singapore", "Hanoi"],
            ),
        ];
        for (s, trig, words, dates, want) in table {
            let pms: Vec<PlaceMention> = words
                .iter()
                .map(|w| {
                    let at = s.find(w).expect("place word in sentence");
                    PlaceMention {
                        span: entente_text::Span::new(at, at + w.len()),
                        sentence: 0,
                        name: w.to_string(),
                        country: "XXX".to_string(),
                        lat: 0.0,
                        lon: 0.0,
                    }
                })
                .collect();
            let cx = SentenceCtx {
                doc: &doc,
                sid: 0,
                text: s,
                cues: Vec::new(),
                mentions: Vec::new(),
                places: pms
                    .iter()
                    .map(|p| Local {
                        start: p.span.start(),
                        end: p.span.end(),
                        item: p,
                    })
                    .collect(),
                timexes: Vec::new(),
            };
            let t = lex
                .triggers_in(s)
                .into_iter()
                .find(|t| &s[t.start..t.end] == trig)
                .expect("a trigger");
            let clause = clause_of(s, t.start, t.end);
            if dates.is_empty() {
                let got = locate(&cx, &t, &clause, false).map(|l| l.name);
                assert_eq!(got.as_deref(), want.first().copied(), "{s}");
                continue;
            }
            let spans: Vec<(usize, usize)> = dates
                .iter()
                .filter_map(|d| date_at(s, &clause, &t, d))
                .collect();
            for (k, at) in spans.iter().enumerate() {
                let others: Vec<(usize, usize)> =
                    spans.iter().copied().filter(|o| o != at).collect();
                let got = locate_item(&cx, &t, &clause, false, *at, &others).map(|l| l.name);
                assert_eq!(got.as_deref(), want.get(k).copied(), "{s} / {}", dates[k]);
            }
        }
    }
}

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

/// Titles of people: a place name right after one is a person's name ("President Bush",
/// "House Speaker Nancy Pelosi"), not a place.
const TITLES: &[&str] = &[
    "president",
    "premier",
    "minister",
    "secretary",
    "speaker",
    "senator",
    "sen",
    "general",
    "gen",
    "ambassador",
    "envoy",
    "mr",
    "mrs",
    "ms",
    "dr",
    "king",
    "queen",
    "prince",
    "princess",
    "chancellor",
    "governor",
    "mayor",
    "chairman",
    "chairwoman",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "representative",
    "rep",
    "admiral",
    "adm",
    "colonel",
    "col",
    "lieutenant",
    "lt",
    "captain",
    "capt",
    "pope",
    "emperor",
    "sheikh",
    "emir",
    "sultan",
    "commander",
    "judge",
    "justice",
    "lawmaker",
    "leader",
    "counterpart",
];

/// True when the word right before byte `at` is a person's title.
fn after_title(s: &str, at: usize) -> bool {
    let head = s[..at].trim_end().trim_end_matches('.');
    let w = prev_word(head, head.len()).to_ascii_lowercase();
    TITLES.contains(&w.as_str())
}

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
    out.retain(|p| !after_title(s, p.start));
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

/// Words that open the complement of a statement or an act: a place after one of them
/// belongs to what is said or done to someone ("accused Moscow of buying arms for its war in
/// Ukraine", "urged Pyongyang to halt its tests near the border"), not to where the
/// statement was made ("signed a pact in Pyongyang").
const COMPLEMENT_OPENERS: &[&str] = &[
    "of", "for", "that", "against", "about", "over", "whether", "because", "after", "before",
    "while", "which", "who", "where", "when",
];

/// True when `gap`, the text between a trigger and a later place, opens a complement: a
/// complement word, an infinitive ("to" before a lower-case word other than an article or
/// possessive: "to build a base in"), or a clause break (a comma, a semicolon).
pub(crate) fn opens_complement(gap: &str) -> bool {
    if gap.contains([',', ';', ':']) {
        return true;
    }
    let words: Vec<&str> = gap
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        let lw = w.to_ascii_lowercase();
        if COMPLEMENT_OPENERS.contains(&lw.as_str()) {
            return true;
        }
        if lw == "to" {
            if let Some(next) = words.get(i + 1) {
                let starts_lower = next.chars().next().is_some_and(|c| c.is_lowercase());
                const DETERMINERS: &[&str] = &[
                    "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these",
                    "those", "all", "both", "each",
                ];
                return starts_lower && !DETERMINERS.contains(&next.to_ascii_lowercase().as_str());
            }
        }
        false
    })
}

/// The place of a statement: a place of its clause after a locative preposition (with
/// `locative_only`), nearest after the trigger first, but never one inside the complement of
/// the trigger (see [`opens_complement`]). An act's place is found by [`locate`]: it happens
/// where its object is ("released the mayor of Nablus").
pub(crate) fn locate_act(
    cx: &SentenceCtx<'_>,
    t: &TriggerMatch,
    clause: &Clause,
    locative_only: bool,
) -> Option<Location> {
    let s = cx.text;
    spots(cx, t, clause)
        .into_iter()
        .filter(|p| !locative_only || is_locative(s, p.start))
        .filter(|p| p.start < t.end || !opens_complement(s.get(t.end..p.start).unwrap_or("")))
        // "offered talks to Pyongyang", "a message from Seoul": the addressee or the sender
        .filter(|p| !directional(s, p.start))
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

/// True when the place at byte `at` follows a preposition of direction ("to", "from",
/// "toward"), possibly with "the": for a statement it names a party, not where it was made.
fn directional(s: &str, at: usize) -> bool {
    let w = prev_word(s, at).to_ascii_lowercase();
    let w = if w == "the" {
        let head = s[..at].trim_end();
        let head = &head[..head.len().saturating_sub(3)];
        prev_word(head, head.len()).to_ascii_lowercase()
    } else {
        w
    };
    matches!(w.as_str(), "to" | "from" | "toward" | "towards" | "into")
}

/// Words that may stand between a visit verb and its destination ("travelled to the
/// Russian city of Vladivostok").
const DESTINATION_GAP: usize = 1;

/// The destination of a visit: the place or state named right after the trigger ("will
/// visit North Korea", "travelled to the Russian Far East"), or right after a "to" that
/// follows it ("a trip to Beijing"); a place of the same state in the next few words wins
/// over the state ("went to Russia's Far East port of Vladivostok"). `None` when the trigger
/// is not followed by a place.
pub(crate) fn destination(cx: &SentenceCtx<'_>, t: &TriggerMatch) -> Option<Location> {
    let s = cx.text;
    let mut head = t.end;
    let rest = s.get(t.end..)?;
    let trimmed = rest.trim_start();
    let lead = rest.len() - trimmed.len();
    if trimmed.to_ascii_lowercase().starts_with("to ") {
        head = t.end + lead + 2;
    }
    let near = |start: usize| -> bool {
        let Some(gap) = s.get(head..start) else {
            return false;
        };
        let words: Vec<&str> = gap.split_whitespace().collect();
        words.len() <= DESTINATION_GAP
            && words
                .iter()
                .all(|w| matches!(w.to_ascii_lowercase().as_str(), "the"))
    };
    let place = cx
        .places
        .iter()
        .filter(|p| p.start >= head && near(p.start) && !after_title(s, p.start))
        .map(|p| {
            (
                p.start,
                p.end,
                Location {
                    name: p.item.name.clone(),
                    country: Some(p.item.country.clone()).filter(|c| !c.is_empty()),
                    lat: Some(p.item.lat),
                    lon: Some(p.item.lon),
                },
            )
        })
        .next();
    let state = cx
        .mentions
        .iter()
        .filter(|m| m.start >= head && near(m.start) && m.item.form == "name")
        .find_map(|m| {
            let [a] = m.item.actors.as_slice() else {
                return None;
            };
            (a.kind == entente_doc::ActorKind::State).then(|| {
                (
                    m.start,
                    m.end,
                    Location {
                        name: a.name.clone(),
                        country: a.country.clone(),
                        lat: None,
                        lon: None,
                    },
                )
            })
        });
    let (start, end, loc) = match (place, state) {
        (Some(p), Some(st)) => {
            if p.0 <= st.0 {
                p
            } else {
                st
            }
        }
        (Some(p), None) => p,
        (None, Some(st)) => st,
        (None, None) => return None,
    };
    let _ = start;
    // a place of the same state just after the state ("Russia's Far East", "China's
    // northeastern city of Dalian")
    if loc.lat.is_none() {
        let finer = cx.places.iter().find(|p| {
            p.start >= end
                && Some(p.item.country.as_str()) == loc.country.as_deref()
                && s.get(end..p.start)
                    .is_some_and(|g| g.split_whitespace().count() <= 5 && !g.contains([',', ';']))
        });
        if let Some(p) = finer {
            return Some(Location {
                name: p.item.name.clone(),
                country: Some(p.item.country.clone()).filter(|c| !c.is_empty()),
                lat: Some(p.item.lat),
                lon: Some(p.item.lon),
            });
        }
    }
    Some(loc)
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

    /// Place mentions of `words` (each found in `s`), of a made-up country.
    fn place_mentions(s: &str, words: &[&str]) -> Vec<PlaceMention> {
        words
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
            .collect()
    }

    /// The context of sentence `s` holding only the places `pms`.
    fn sentence_ctx<'a>(doc: &'a Document, s: &'a str, pms: &'a [PlaceMention]) -> SentenceCtx<'a> {
        SentenceCtx {
            doc,
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
        }
    }

    /// The trigger of `s` whose text is `trig`.
    fn trigger(lex: &Lexicon, s: &str, trig: &str) -> crate::lexicon::TriggerMatch {
        lex.triggers_in(s)
            .into_iter()
            .find(|t| &s[t.start..t.end] == trig)
            .expect("a trigger")
    }

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
            let pms = place_mentions(s, &[word]);
            let cx = sentence_ctx(&doc, s, &pms);
            let t = trigger(&lex, s, trig);
            let clause = clause_of(s, t.start, t.end);
            let got = locate(&cx, &t, &clause, locative_only).map(|l| l.name);
            assert_eq!(got.as_deref(), want, "{s}");
        }
    }

    #[test]
    fn a_name_after_a_title_is_no_place() {
        // (sentence, place word, after a title)
        let table = [
            ("He met President Bush in Cairo.", "Bush", true),
            ("He met President Bush in Cairo.", "Cairo", false),
            ("House Speaker Nancy Pelosi visited Taipei.", "Nancy", true),
            ("Gen. Jackson arrived.", "Jackson", true),
            ("Troops left Jackson.", "Jackson", false),
        ];
        for (s, word, want) in table {
            let at = s.find(word).expect("word in sentence");
            assert_eq!(after_title(s, at), want, "{s}");
        }
    }

    #[test]
    fn directions_name_parties() {
        // (sentence, place word, after a preposition of direction)
        let table = [
            ("Lima offered talks to Quito.", "Quito", true),
            ("A letter came from the Hague.", "Hague", true),
            ("Lima protested in Quito.", "Quito", false),
        ];
        for (s, word, want) in table {
            let at = s.find(word).expect("word in sentence");
            assert_eq!(directional(s, at), want, "{s}");
        }
    }

    #[test]
    fn complements_of_statements_hold_no_place_of_the_statement() {
        // (text between a trigger and a later place, opens a complement)
        let table = [
            (" Moscow of buying weapons for its war ", true),
            (" Washington of trying to build a base ", true),
            (" that troops would stay ", true),
            (" Seoul to halt its drills ", true),
            (" the pact, which was signed ", true),
            (" a mutual defence pact ", false),
            (" a joint statement ", false),
            (" the treaty ", false),
            (" new sanctions ", false),
            (" to the talks ", false),
            (" ", false),
        ];
        for (gap, want) in table {
            assert_eq!(opens_complement(gap), want, "{gap:?}");
        }
    }

    #[test]
    fn a_visit_is_placed_at_the_destination_it_names() {
        let lex = Lexicon::load(&std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data"
        )))
        .expect("repository lexicon loads");
        let doc = Document::default();
        // (sentence, trigger, places, expected destination)
        let table: [(&str, &str, &[&str], Option<&str>); 5] = [
            (
                "The minister may travel to Lagos this month to discuss the war in Sudan.",
                "travel to",
                &["Lagos", "Sudan"],
                Some("Lagos"),
            ),
            (
                "The premier will visit the Hague next week.",
                "visit",
                &["Hague"],
                Some("Hague"),
            ),
            (
                "She flew to Nairobi after talks in Cairo.",
                "flew to",
                &["Nairobi", "Cairo"],
                Some("Nairobi"),
            ),
            (
                "He will visit next month, officials in Lima said.",
                "visit",
                &["Lima"],
                None,
            ),
            (
                "His trip to Oslo was short.",
                "trip to",
                &["Oslo"],
                Some("Oslo"),
            ),
        ];
        for (s, trig, words, want) in table {
            let pms = place_mentions(s, words);
            let cx = sentence_ctx(&doc, s, &pms);
            let t = trigger(&lex, s, trig);
            let got = destination(&cx, &t).map(|l| l.name);
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
            let pms = place_mentions(s, words);
            let cx = sentence_ctx(&doc, s, &pms);
            let t = trigger(&lex, s, trig);
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

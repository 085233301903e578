//! Location: the place of a trigger's event, from the places of its clause.

use crate::clause::Clause;
use crate::ctx::{is_locative, SentenceCtx};
use crate::lexicon::TriggerMatch;
use entente_doc::Location;

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
    cx.places
        .iter()
        .filter(|p| p.start >= clause.start && p.end <= clause.end)
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
        .map(|p| Location {
            name: p.item.name.clone(),
            country: Some(p.item.country.clone()).filter(|c| !c.is_empty()),
            lat: Some(p.item.lat),
            lon: Some(p.item.lon),
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
}

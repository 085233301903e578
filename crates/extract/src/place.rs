//! Location: the place of a trigger's event, from the places of its clause.

use crate::clause::Clause;
use crate::ctx::{is_locative, SentenceCtx};
use crate::lexicon::TriggerMatch;
use entente_doc::Location;

/// The place of the event started by trigger `t`: a place of the clause, one after a
/// locative preposition first, nearest after the trigger first.
pub(crate) fn locate(cx: &SentenceCtx<'_>, t: &TriggerMatch, clause: &Clause) -> Option<Location> {
    let s = cx.text;
    cx.places
        .iter()
        .filter(|p| p.start >= clause.start && p.end <= clause.end)
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

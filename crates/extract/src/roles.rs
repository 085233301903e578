//! Participants: which actors of a trigger's clause take part in its event, and on which side
//! (source/target, guest/host, participant).

use crate::clause::Clause;
use crate::ctx::{is_locative, SentenceCtx};
use crate::draft::Side;
use crate::lexicon::{Form, ModeHint, TriggerDef, TriggerMatch};
use entente_doc::{Actor, Mention};

fn push(actors: &mut Vec<(Actor, Side)>, m: &Mention, side: Side) {
    for a in &m.actors {
        if !actors.iter().any(|(x, _)| x.id == a.id) {
            actors.push((a.clone(), side));
        }
    }
}

/// The actors of the event started by trigger `t`, each with its side.
pub(crate) fn assign(
    cx: &SentenceCtx<'_>,
    def: &TriggerDef,
    t: &TriggerMatch,
    clause: &Clause,
) -> Vec<(Actor, Side)> {
    let s = cx.text;
    let in_clause = |a: usize, b: usize| a >= clause.start && b <= clause.end;
    let mut actors: Vec<(Actor, Side)> = Vec::new();
    let after_noun = &s[t.end..clause.end.max(t.end)];
    let lower_after = after_noun.to_ascii_lowercase();
    let between = t.form == Form::Noun
        && ["between", "among", "involving"]
            .iter()
            .any(|p| lower_after.trim_start().starts_with(p));
    let place_form = |m: &Mention| m.form == "capital" || m.form == "place";
    for m in cx.mentions.iter().filter(|m| in_clause(m.start, m.end)) {
        let before = m.end <= t.start;
        let locative = is_locative(s, m.start);
        let side = match def.mode {
            _ if between => {
                // only the parties named after "between", plus a possessive or joint form
                // right before the noun ("the Kim-Trump summit").
                if before && s[m.end..t.start].split_whitespace().count() > 2 {
                    continue;
                }
                Side::Participant
            }
            Some(ModeHint::Visit) => {
                if before {
                    if locative && place_form(m.item) {
                        continue;
                    }
                    Side::Guest
                } else {
                    Side::Host
                }
            }
            Some(ModeHint::Host) => {
                if before {
                    Side::Host
                } else {
                    if locative && place_form(m.item) {
                        continue;
                    }
                    Side::Guest
                }
            }
            Some(ModeHint::Meet) | Some(ModeHint::Phone) => {
                if locative || place_form(m.item) && !before {
                    continue;
                }
                Side::Participant
            }
            None => {
                if locative && place_form(m.item) {
                    continue;
                }
                if def.symmetric {
                    Side::Participant
                } else if before {
                    Side::Source
                } else {
                    Side::Target
                }
            }
        };
        push(&mut actors, m.item, side);
    }
    // A statement with no subject of its own takes the speaker as its source
    // ("Beijing said it welcomed the summit").
    if !def.symmetric && def.mode.is_none() && !actors.iter().any(|(_, s)| *s == Side::Source) {
        if let Some((a, b)) = clause.speaker {
            for m in cx.mentions.iter().filter(|m| m.start >= a && m.end <= b) {
                push(&mut actors, m.item, Side::Source);
            }
        }
    }
    actors
}

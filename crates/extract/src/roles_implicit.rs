//! Implicit targets: an act aimed at someone whose clause names only the actor ("Seoul said
//! it would take countermeasures", "officials in Tokyo described the measures as
//! retaliation") is aimed at the state the discourse is about, the counterpart named in the
//! sentences just before.
//!
//! Only event types that always have a counterpart take one (accusations, threats, demands,
//! sanctions, protests, rejections, concessions, support, aid, coercion, attacks); unilateral
//! acts (a missile launch, a withdrawal) and meetings never do. The counterpart is the state
//! most prominent in the previous two sentences, other than the actor's own: each mention
//! counts, twice when it opens its sentence (the subject), half as much two sentences back.

use crate::draft::Side;
use entente_doc::{Actor, ActorKind, EventType, Mention};

/// Event types whose events always have a target.
const TARGETED: &[EventType] = &[
    EventType::Accuse,
    EventType::Threaten,
    EventType::Protest,
    EventType::Reject,
    EventType::Request,
    EventType::Sanction,
    EventType::Coerce,
    EventType::Assault,
    EventType::Concede,
    EventType::Support,
    EventType::Aid,
];

/// How many sentences back the counterpart may be named.
const LOOK_BACK: u32 = 2;

/// Adds the implicit target (a state, or a body when the discourse is about one) of an asymmetric event of `ty` in sentence `sid` whose `actors`
/// have a source but no target, chosen among `mentions` (the document's, in text order).
pub(crate) fn add_implicit_target(
    ty: EventType,
    sid: u32,
    mentions: &[Mention],
    actors: &mut Vec<(Actor, Side)>,
) {
    if !TARGETED.contains(&ty)
        || actors.is_empty()
        || actors.iter().any(|(_, s)| *s != Side::Source)
    {
        return;
    }
    let mut own: Vec<&str> = actors
        .iter()
        .filter_map(|(a, _)| a.country.as_deref())
        .collect();
    own.sort_unstable();
    own.dedup();
    // "The four countries announced support", "the two leaders agreed to hold off on
    // tariffs": a joint act of several states is not aimed at the one named before them.
    if own.len() > 1 {
        return;
    }
    // (country, actor, score)
    let mut cands: Vec<(String, Actor, f64)> = Vec::new();
    let mut opened: Option<u32> = None;
    for m in mentions
        .iter()
        .filter(|m| m.sentence < sid && m.sentence + LOOK_BACK >= sid)
    {
        let opens = opened != Some(m.sentence);
        opened = Some(m.sentence);
        let back = sid - m.sentence;
        let mut w = 0.5f64.powi(back as i32 - 1);
        if opens {
            w *= 2.0;
        }
        for a in &m.actors {
            // A state by its country; a body ("China criticised the Quad. It called it
            // ...") by itself, so that it can outweigh its members.
            let key = match (a.kind, a.country.as_deref()) {
                (ActorKind::Organization, _) => a.id.as_str(),
                (_, Some(c)) if !own.contains(&c) => c,
                _ => continue,
            };
            if actors.iter().any(|(x, _)| x.id == a.id) {
                continue;
            }
            match cands.iter_mut().find(|x| x.0 == key) {
                Some(x) => x.2 += w,
                None => cands.push((key.to_string(), a.clone(), w)),
            }
        }
    }
    // The most prominent, ties to the one named first.
    let mut best: Option<&(String, Actor, f64)> = None;
    for c in &cands {
        if best.is_none_or(|b| c.2 > b.2) {
            best = Some(c);
        }
    }
    if let Some((_, a, _)) = best {
        actors.push((a.clone(), Side::Target));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use entente_text::Span;

    fn state(code: &str, sentence: u32) -> Mention {
        Mention {
            span: Span::new(0, 1),
            sentence,
            actors: vec![Actor {
                id: format!("state:{}", code.to_ascii_lowercase()),
                name: code.into(),
                kind: ActorKind::State,
                country: Some(code.into()),
                role: None,
            }],
            form: "name".into(),
        }
    }

    fn source(codes: &str) -> Vec<(Actor, Side)> {
        codes
            .split('+')
            .flat_map(|c| state(c, 0).actors)
            .map(|a| (a, Side::Source))
            .collect()
    }

    #[test]
    fn implicit_targets() {
        // (type, sentence, mentions as (code, sentence), actors' source, wanted target)
        type Case = (
            EventType,
            u32,
            Vec<(&'static str, u32)>,
            &'static str,
            Option<&'static str>,
        );
        let cases: Vec<Case> = vec![
            // "Norway imposed tariffs on Chilean salmon. Santiago said it would retaliate."
            (
                EventType::Threaten,
                1,
                vec![("NOR", 0), ("CHL", 0), ("CHL", 1)],
                "CHL",
                Some("NOR"),
            ),
            // the subject of the sentence before outweighs a state it merely names
            (
                EventType::Accuse,
                2,
                vec![("NOR", 1), ("DNK", 1), ("SWE", 2)],
                "SWE",
                Some("NOR"),
            ),
            // a missile launch has no target
            (
                EventType::Mobilize,
                1,
                vec![("JPN", 0), ("PRK", 1)],
                "PRK",
                None,
            ),
            // nothing named before
            (EventType::Sanction, 0, vec![("FRA", 0)], "FRA", None),
            // too far back
            (
                EventType::Protest,
                3,
                vec![("ITA", 0), ("FRA", 3)],
                "FRA",
                None,
            ),
            // a joint act of two states
            (EventType::Support, 1, vec![("PER", 0)], "CHL+ARG", None),
            // only the actor's own state before
            (
                EventType::Reject,
                1,
                vec![("EGY", 0), ("EGY", 1)],
                "EGY",
                None,
            ),
        ];
        for (ty, sid, ms, src, want) in cases {
            let ms: Vec<Mention> = ms.iter().map(|(c, s)| state(c, *s)).collect();
            let mut actors = source(src);
            add_implicit_target(ty, sid, &ms, &mut actors);
            let got = actors
                .iter()
                .find(|(_, s)| *s == Side::Target)
                .and_then(|(a, _)| a.country.as_deref());
            assert_eq!(got, want, "{ty:?} {src} {ms:?}");
        }
    }
}

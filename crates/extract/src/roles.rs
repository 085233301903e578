//! Participants: which actors of a trigger's clause take part in its event, and on which side
//! (source/target, guest/host, participant).
//!
//! A light predicate–argument finder over the clause's actor mentions, joined into
//! coordinated groups ([`crate::roles_np`]):
//!
//! - **subject** of a verb trigger: the nearest group before it that no preposition governs
//!   ("*Kim*, who arrived in Beijing on Monday, met Xi"); of a noun trigger: a possessor or
//!   modifier right before it ("*Xi's* trip", "*Chinese* sanctions", "the *Kim-Trump* summit");
//! - **object** of a verb trigger: the group right after it ("accused *Washington*");
//! - **adjuncts** after the trigger, up to the first comma or subordinate clause: "with X",
//!   "between X and Y" (participants), "to/in X" (the host of a visit), "on/against X" (the
//!   target of an asymmetric event), "by X" (the source of a passive or of a noun);
//! - a verb with no subject takes the speaker of its reporting frame ("Beijing said it would
//!   ..."), or the subject of the predicate it is coordinated with ("South Korea summoned ...,
//!   and urged Russia ...").
//!
//! Everything else in the clause (places, relative clauses, complements) is left out.

use crate::clause::{participant_window, Clause};
use crate::ctx::{Local, SentenceCtx};
use crate::draft::Side;
use crate::lexicon::{Form, ModeHint, TriggerDef, TriggerMatch};
use crate::roles_np::{coordinates, gap_info, governor, is_passive, np_start, words};
use entente_doc::{Actor, EventType, Mention};

/// A coordinated group of mentions.
#[derive(Debug)]
struct Group<'a> {
    /// Start of the noun phrase (determiners included).
    start: usize,
    /// End of the last mention.
    end: usize,
    /// The preposition governing the group.
    gov: Option<String>,
    /// The mentions.
    items: Vec<&'a Mention>,
}

/// Joins the mentions of `s[lo..hi]` into coordinated groups.
fn groups<'a>(s: &str, mentions: &[Local<'a, Mention>], lo: usize, hi: usize) -> Vec<Group<'a>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Link {
        Join,
        Conj,
        Comma,
        Apart,
    }
    let ms: Vec<&Local<'a, Mention>> = mentions
        .iter()
        .filter(|m| m.start >= lo && m.end <= hi)
        .collect();
    // How each mention relates to the one before it.
    let mut links: Vec<Link> = Vec::with_capacity(ms.len());
    let mut end = 0;
    for (i, m) in ms.iter().enumerate() {
        if i == 0 {
            links.push(Link::Apart);
            end = m.end;
            continue;
        }
        let prev = ms[i - 1];
        let link = if m.start < end {
            Link::Join
        } else {
            let gap = &s[end..m.start];
            let g = gap.trim();
            if g == "," {
                Link::Comma
            } else if coordinates(gap) {
                let lower = g.to_ascii_lowercase();
                if words(&lower)
                    .iter()
                    .any(|(_, w)| matches!(*w, "and" | "or" | "plus" | "well"))
                    || lower.contains('&')
                {
                    Link::Conj
                } else {
                    Link::Join
                }
            } else if prev.item.form == "adjective" && head_noun_gap(gap) {
                Link::Join
            } else {
                Link::Apart
            }
        };
        links.push(link);
        end = end.max(m.end);
    }
    // A comma joins only inside a list that ends with a conjunction ("the US, Russia, and
    // Switzerland"), not before a subject ("From North Korea, Putin will travel").
    for i in 0..links.len() {
        if links[i] == Link::Comma {
            let list = links[i + 1..]
                .iter()
                .take_while(|l| **l != Link::Apart)
                .any(|l| *l == Link::Conj);
            if !list {
                links[i] = Link::Apart;
            }
        }
    }
    let mut out: Vec<Group<'a>> = Vec::new();
    for (m, link) in ms.iter().zip(&links) {
        if let (Some(g), false) = (out.last_mut(), *link == Link::Apart) {
            g.end = g.end.max(m.end);
            g.items.push(m.item);
            continue;
        }
        let start = np_start(s, m.start).max(lo);
        out.push(Group {
            start,
            end: m.end,
            gov: governor(s, start),
            items: vec![m.item],
        });
    }
    out
}

/// True when `gap` is a head noun between a state adjective and a name ("North Korean
/// *leader* Kim Jong Un", "his Chinese *counterpart* Wang Yi").
fn head_noun_gap(gap: &str) -> bool {
    let ws = words(gap);
    !ws.is_empty()
        && ws.len() <= 3
        && gap
            .trim()
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
        && ws.iter().all(|(_, w)| {
            w.chars().all(|c| c.is_lowercase() || c == '-')
                && !crate::roles_np::BARRIERS.contains(w)
                && !w.ends_with("ed")
                && !matches!(
                    *w,
                    "and"
                        | "or"
                        | "the"
                        | "a"
                        | "an"
                        | "to"
                        | "of"
                        | "in"
                        | "with"
                        | "said"
                        | "says"
                        | "told"
                        | "met"
                        | "will"
                        | "would"
                        | "has"
                        | "have"
                        | "had"
                        | "is"
                        | "are"
                        | "was"
                        | "were"
                        | "can"
                        | "could"
                        | "may"
                        | "might"
                        | "says,"
                        | "meets"
                        | "visits"
                        | "urges"
                        | "warns"
                        | "tells"
                )
        })
}

/// Words that may stand between a modifier mention and a noun trigger ("the *Quad leaders'*
/// summit", "*North Korean* nuclear talks").
const NOUN_MODIFIERS: &[&str] = &[
    "leaders'",
    "leaders’",
    "leaders",
    "leader",
    "ministers'",
    "ministers’",
    "foreign",
    "defence",
    "defense",
    "ministerial",
    "nuclear",
    "bilateral",
    "trilateral",
    "planned",
    "proposed",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "historic",
    "upcoming",
    "possible",
    "official",
    "state",
    "working",
    "high-level",
    "working-level",
    "summit",
    "trade",
    "military",
    "economic",
    "joint",
    "new",
    "fresh",
    "latest",
    "unilateral",
    "additional",
    "further",
    "tough",
    "tougher",
    "sweeping",
    "strategic",
    "security",
    "peace",
    "diplomatic",
    "formal",
    "informal",
    "video",
    "phone",
    "emergency",
    "virtual",
    "unofficial",
    "surprise",
    "secret",
    "rare",
    "long-awaited",
    "much-awaited",
    "much-anticipated",
    "two-day",
    "three-day",
    "four-day",
    "five-day",
    "landmark",
    "missile",
    "tank",
    "artillery",
    "rocket",
    "drone",
    "mortar",
    "border",
    "naval",
    "air",
    "weapons",
    "arms",
    "export",
    "financial",
    "senior",
    "top",
    "government",
    "presidential",
];

/// True when a verb trigger of several words ends in its object noun ("issued arrest
/// warrants", "imposed a curfew"), not in a verb or a preposition ("set fire to").
fn object_noun_phrase(phrase: &str) -> bool {
    let ws = words(phrase);
    ws.len() >= 2
        && ws.last().is_some_and(|(_, w)| {
            let w = w.to_ascii_lowercase();
            !(w.ends_with("ed")
                || w.ends_with("ing")
                || crate::roles_np::is_function_word(&w)
                || matches!(
                    w.as_str(),
                    "to" | "on"
                        | "for"
                        | "with"
                        | "at"
                        | "of"
                        | "off"
                        | "out"
                        | "up"
                        | "down"
                        | "over"
                        | "into"
                ))
        })
}

/// True when the last word of `np` is a possessive pronoun ("his", "her", "their").
fn possessive_pronoun(np: &str) -> bool {
    words(np).last().is_some_and(|(_, w)| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "his" | "her" | "their" | "its"
        )
    })
}

/// True when `gap` may separate a modifier or possessor from the noun trigger after it.
fn modifier_gap(gap: &str) -> bool {
    let g = gap.trim();
    let (possessive, rest) = match g
        .strip_prefix("'s")
        .or_else(|| g.strip_prefix("’s"))
        .or_else(|| g.strip_prefix('\''))
        .or_else(|| g.strip_prefix('’'))
    {
        Some(r) => (true, r.trim()),
        None => (false, g),
    };
    let (n, barrier) = gap_info(rest);
    if barrier || rest.contains(['.', ';']) {
        return false;
    }
    let ws = words(rest);
    if possessive {
        // "Trump's planned June 12 summit"
        n <= 4
            && ws.iter().all(|(_, w)| {
                let lw = w.to_ascii_lowercase();
                !matches!(
                    lw.as_str(),
                    "the" | "a" | "an" | "to" | "in" | "with" | "of"
                )
            })
    } else {
        n <= 3
            && ws.iter().all(|(_, w)| {
                NOUN_MODIFIERS.contains(&w.to_ascii_lowercase().as_str())
                    || w.chars().all(|c| c.is_ascii_digit())
            })
    }
}

fn push(actors: &mut Vec<(Actor, Side)>, g: &Group<'_>, side: Side) {
    for m in &g.items {
        for a in &m.actors {
            // A state may act on itself ("Georgian demonstrators attacked the Georgian
            // government"): one source and one target entry.
            let known = actors.iter().any(|(x, xs)| {
                x.id == a.id
                    && !matches!(
                        (*xs, side),
                        (Side::Source, Side::Target) | (Side::Target, Side::Source)
                    )
            });
            if !known {
                actors.push((a.clone(), side));
            }
        }
    }
}

/// The sides of the subject, the object and the "by" agent of a trigger.
struct Sides {
    subject: Side,
    object: Side,
    agent: Side,
}

fn sides(def: &TriggerDef, passive: bool) -> Sides {
    let (subject, object) = match def.mode {
        Some(ModeHint::Visit) => (Side::Guest, Side::Host),
        Some(ModeHint::Host) => (Side::Host, Side::Guest),
        Some(ModeHint::Meet) | Some(ModeHint::Phone) => (Side::Participant, Side::Participant),
        None if def.symmetric => (Side::Participant, Side::Participant),
        None => (Side::Source, Side::Target),
    };
    if passive {
        Sides {
            subject: object,
            object,
            agent: subject,
        }
    } else {
        Sides {
            subject,
            object,
            agent: subject,
        }
    }
}

/// The side of a group after the trigger governed by `gov`, or None when it is an adjunct
/// the event does not take.
fn adjunct_side(def: &TriggerDef, noun: bool, gov: &str, sd: &Sides) -> Option<Side> {
    if gov == "by" {
        return Some(sd.agent);
    }
    if gov == "by:other" {
        return Some(sd.object);
    }
    match def.mode {
        Some(ModeHint::Visit) => match gov {
            "to" | "in" | "with" | "at" => Some(Side::Host),
            "of" if noun => Some(Side::Guest),
            _ => None,
        },
        Some(ModeHint::Host) => match gov {
            "with" | "for" => Some(Side::Guest),
            _ => None,
        },
        Some(ModeHint::Meet) | Some(ModeHint::Phone) => match gov {
            "with" | "between" | "among" | "amongst" | "involving" => Some(Side::Participant),
            "of" if noun => Some(Side::Participant),
            _ => None,
        },
        None if def.symmetric => match gov {
            "with" | "between" | "among" | "amongst" | "involving" => Some(Side::Participant),
            _ => None,
        },
        None => match gov {
            "on" | "against" | "at" | "to" | "toward" | "towards" | "upon" | "over" => {
                Some(Side::Target)
            }
            "from" if noun => Some(Side::Source),
            // "a deadline for Washington", "aid for Ukraine", "a suspension of air links
            // with Serbia"
            "for" | "with" if noun => Some(Side::Target),
            // "withdraw inspectors from Iraq", "demanded concessions from Seoul"
            "from" => Some(Side::Target),
            _ => None,
        },
    }
}

/// The actors of the event started by trigger `t`, each with its side.
pub(crate) fn assign(
    cx: &SentenceCtx<'_>,
    def: &TriggerDef,
    t: &TriggerMatch,
    clause: &Clause,
) -> Vec<(Actor, Side)> {
    let mut actors = assign_in(cx.text, &cx.mentions, def, t, clause);
    crate::roles_implicit::add_implicit_target(
        def.event_type,
        cx.sid,
        &cx.doc.mentions,
        &mut actors,
    );

    actors
}

fn assign_in(
    s: &str,
    mentions: &[Local<'_, Mention>],
    def: &TriggerDef,
    t: &TriggerMatch,
    clause: &Clause,
) -> Vec<(Actor, Side)> {
    let window = participant_window(s, clause, t.start, t.end);
    let clause = &window;
    let gs = groups(s, mentions, clause.start, clause.end);
    let noun = t.form == Form::Noun;
    let phrase = s[t.start..t.end].to_ascii_lowercase();
    // "Japanese citizens abducted by the North": a participle right before its "by" agent
    // is a passive without an auxiliary (a reduced relative).
    let reduced = s[t.end..]
        .trim_start()
        .get(..3)
        .is_some_and(|w| w.eq_ignore_ascii_case("by "));
    let passive = t.form == Form::Past
        && (is_passive(s, t.start)
            || reduced
            || ["was ", "were ", "been ", "being "]
                .iter()
                .any(|b| phrase.starts_with(b)));
    let sd = sides(def, passive);
    let mut actors: Vec<(Actor, Side)> = Vec::new();

    // Mentions inside the trigger phrase ("inter-Korean summit").
    for g in gs.iter().filter(|g| g.start < t.end && g.end > t.start) {
        push(&mut actors, g, sd.subject);
    }

    // Subject.
    let before: Vec<&Group<'_>> = gs.iter().filter(|g| g.end <= t.start).collect();
    let mut subject = None;
    let mut venue: Option<usize> = None;
    if noun {
        if let Some(g) = before.last() {
            // "the Singapore summit", "the Hanoi talks": a state or capital named right
            // before a meeting is its venue, not a party.
            let gap = &s[g.end..t.start];
            let is_venue = def.event_type == EventType::Consult
                && !gap.trim_start().starts_with(['\'', '’'])
                && g.items
                    .iter()
                    .all(|m| matches!(m.form.as_str(), "name" | "capital"));
            // "his June 12 summit", "their planned talks": a possessive pronoun is a
            // possessor like "Kim's".
            let owner = possessive_pronoun(&s[g.start..g.end]);
            if modifier_gap(gap) || (owner && modifier_gap(&format!("'s {gap}"))) {
                if is_venue {
                    venue = Some(g.start);
                } else {
                    subject = Some(*g);
                }
            }
        }
    } else {
        // "Lavrov, who was met by his counterpart, Choe, held talks": the names inside a
        // relative clause closed before the verb are not its subject.
        let relative = crate::clause::closed_relative_before(s, t.start);
        let open: Vec<&Group<'_>> = before
            .iter()
            .filter(|g| !relative.is_some_and(|(a, close)| g.start > a && g.end <= close))
            .filter(|g| match g.gov.as_deref() {
                None => true,
                // "a day after North Korea fired", "as the US leader prepared to attend": a
                // subordinate clause's subject.
                Some("after" | "before" | "since" | "until" | "once" | "as") => {
                    let (n, barrier) = gap_info(&s[g.end..t.start]);
                    !barrier && n <= 3
                }
                // "with the North's chief negotiator accusing the American delegation": the
                // subject of an absolute "with" clause.
                Some("with") => {
                    let (n, barrier) = gap_info(&s[g.end..t.start]);
                    !barrier && n == 0 && gerund(&s[t.start..t.end])
                }
                Some(_) => false,
            })
            .copied()
            .collect();
        let infinitive = after_to(s, t.start);
        // "a big mistake for South Korea to send arms": the "for" group is the subject.
        let for_subject = infinitive
            .then(|| {
                before.last().filter(|g| {
                    g.gov.as_deref() == Some("for") && words(&s[g.end..t.start]).len() == 1
                })
            })
            .flatten()
            .copied();
        let controlled = open
            .last()
            .is_some_and(|g| object_control(s, g.start) || !infinitive);
        // "accused Israel of violating the ceasefire", "praised China for helping": the
        // object before "of"/"for" is the subject of the gerund.
        let of_subject = gerund(&s[t.start..t.end])
            .then(|| {
                before.last().filter(|g| {
                    let gap = s[g.end..t.start].trim().to_ascii_lowercase();
                    gap == "of" || gap == "for"
                })
            })
            .flatten()
            .copied();
        if let Some(g) = for_subject.or(of_subject) {
            subject = Some(g);
        } else if infinitive && !controlled && open.len() >= 2 {
            // "Kono summoned South Korea's ambassador on Friday to protest": the main
            // subject acts, the main object is the other party.
            subject = open.first().copied();
            for g in &open[1..] {
                if !gap_info(&s[g.end..t.start]).1 {
                    push(&mut actors, g, sd.object);
                }
            }
        } else if infinitive && open.last().is_some_and(|g| object_control(s, g.start)) {
            // "Obama wants Putin to attack Switzerland": the object acts.
            subject = open.last().copied();
        } else {
            // The nearest group that is not the object of an earlier verb ("North Korea
            // told the World Food Programme it would not accept").
            subject = open
                .iter()
                .enumerate()
                .rev()
                .find(|(i, g)| *i == 0 || !object_like(s, g.start))
                .map(|(_, g)| *g);
        }
    }
    let mut undergone = false;
    if let Some(g) = subject {
        // "Obama faces pressure from Congress" read with a verb "pressure": the subject
        // undergoes it.
        let undergo = |w: &str| UNDERGO.contains(&w.to_ascii_lowercase().as_str());
        let phrase = words(&s[t.start..t.end]);
        undergone = !noun
            && def.mode.is_none()
            && !def.symmetric
            && (words(&s[g.end..t.start])
                .last()
                .is_some_and(|(_, w)| undergo(w))
                || phrase.len() >= 2 && phrase.first().is_some_and(|(_, w)| undergo(w)));
        push(
            &mut actors,
            g,
            if undergone { sd.object } else { sd.subject },
        );
    }

    // Object and adjuncts after the trigger, up to the first comma or subordinate clause.
    let mut prev = t.end;
    let mut object_taken = false;
    let mut target_taken = false;
    // "the meeting between Trump and Kim": the noun names all its parties itself.
    let mut pair_given = false;
    for g in gs.iter().filter(|g| g.start >= t.end) {
        let gap = &s[prev..g.start];
        let (n, barrier) = gap_info(gap);
        if barrier {
            break;
        }
        // "stand with Russia", "travelled to Beijing": a preposition ending the trigger
        // phrase makes the group right after it the trigger's object.
        let gov = if n == 0 && g.start == t.end + gap.len() && t.end > t.start {
            match &g.gov {
                // A noun keeps its preposition ("a trip to North Korea by Pompeo": the host).
                Some(p)
                    if !noun && s[t.start..t.end].to_ascii_lowercase().ends_with(p.as_str()) =>
                {
                    None
                }
                other => other.clone(),
            }
        } else {
            g.gov.clone()
        };
        prev = g.end;
        // "tariffs on 75 billion dollars of American goods": a party inside the trigger's
        // "on"/"against" phrase takes that preposition.
        let gov = match gov.as_deref() {
            Some("of") if n <= 6 => words(gap)
                .iter()
                .find(|(_, w)| matches!(*w, "on" | "against"))
                .map(|(_, w)| w.to_string())
                .or(gov),
            _ => gov,
        };
        let side = match gov.as_deref() {
            None => {
                // A direct object: right after a verb trigger.
                // "met with exiled dissidents from Myanmar": the group stands for the head
                // of its phrase, however many modifiers the head has.
                let far = n > 3 && !(n <= 6 && crate::roles_np::head_of_phrase(gap));
                if noun || object_taken || far || prev_is_infinitive(gap) {
                    continue;
                }
                object_taken = true;
                sd.object
            }
            Some(gov) => {
                // "rice offered by South Korea": a "by" after an active verb is another
                // party, not the agent.
                let gov = if gov == "by" && !noun && !passive && n > 0 {
                    "by:other"
                } else {
                    gov
                };
                // "were killed in Israeli tank shelling": a state adjective in the "in"
                // phrase of a passive names its agent.
                let adjective = g.items.iter().all(|m| m.form == "adjective");
                // "were killed during the Russian occupation", "died under Israeli fire".
                let agentive = matches!(gov, "in" | "during" | "under" | "amid");
                if passive && agentive && adjective && !words(gap).is_empty() {
                    sd.agent
                } else if gov == "of"
                    && noun
                    && subject.is_some()
                    && def.mode.is_none()
                    && !def.symmetric
                {
                    // "Moscow's seizure of Ukrainian ships", "Russia's invasion of Ukraine":
                    // with its agent given as possessor, the "of" phrase of an asymmetric
                    // noun is its target.
                    sd.object
                } else {
                    // "issued arrest warrants for two Brazilian men", "will attend a summit of the
                    // Quad": a verb phrase ending in its object noun takes the adjuncts of
                    // that noun.
                    let noun = noun
                        || (matches!(gov, "for" | "of") && object_noun_phrase(&s[t.start..t.end]));
                    match adjunct_side(def, noun, gov, &sd) {
                        Some(side) => side,
                        None => continue,
                    }
                }
            }
        };
        if side == Side::Target {
            // One target: "give permission to Russia to help Israel".
            if target_taken {
                continue;
            }
            target_taken = true;
        }
        if matches!(gov.as_deref(), Some("between" | "among" | "amongst")) && g.items.len() >= 2 {
            pair_given = true;
        }
        push(&mut actors, g, side);
        if def.event_type == EventType::Accuse && side == Side::Target {
            // "accused Moscow of buying North Korean weapons": the complement's object.
            accuse_complement(s, &gs, g.end, clause.end, &mut actors);
        }
    }

    // A noun with no actor of its own: the subject (and object) of the verb governing it
    // ("Kim made a trip to Beijing", "South Korea would drop Japan from its list").
    // "Xi is expected in Osaka for the Group of 20 summit": a meeting named by its
    // organisation also has the attendees its clause names.
    let org_subject = def.event_type == EventType::Consult
        && subject.is_some_and(|g| {
            g.items
                .iter()
                .flat_map(|m| &m.actors)
                .all(|a| a.kind == entente_doc::ActorKind::Organization)
        });
    if noun && (subject.is_none() || org_subject) && !pair_given {
        let near: Vec<&&Group<'_>> = before
            .iter()
            .filter(|g| {
                let open = matches!(
                    g.gov.as_deref(),
                    None | Some("after" | "before" | "since" | "until" | "once")
                );
                open && venue != Some(g.start) && !gap_info(&s[g.end..t.start]).1
            })
            .collect();
        if def.mode == Some(ModeHint::Visit) {
            // "fly on to Vietnam for a two-day state visit": the destination hosts.
            for g in before
                .iter()
                .filter(|g| g.gov.as_deref() == Some("to") && !gap_info(&s[g.end..t.start]).1)
            {
                push(&mut actors, g, Side::Host);
            }
        }
        match near.as_slice() {
            [] => {
                // "Putin, speaking in Hanoi at the end of a state visit to Vietnam", "Moon
                // and Kim pledge end to war at border summit": the clause's subject.
                if !actors.iter().any(|(_, side)| *side == sd.subject) {
                    if let Some(g) = before
                        .iter()
                        .find(|g| g.gov.is_none() && venue != Some(g.start))
                    {
                        if object_like(s, g.start) {
                            object_and_speaker(s, mentions, clause, g, &sd, &mut actors);
                        } else {
                            push(&mut actors, g, sd.subject);
                        }
                    } else if let Some((a, b)) = clause.speaker.filter(|(a, b)| {
                        pronoun_subject(&s[clause.start..t.start])
                            || announced(&s[*a..*b], &s[clause.start..t.start])
                            || told_frame(&s[*a..*b]).is_some()
                    }) {
                        // "Japan said it would impose new sanctions on Russia": the speaker of
                        // a report whose clause names no subject.
                        let frame = groups(s, mentions, a, b);
                        if let Some(sp) = frame.iter().find(|x| speaker_subject(x)) {
                            push(&mut actors, sp, sd.subject);
                        }
                        // "told him that the balloon was a violation": the one told is the
                        // other party.
                        if let Some(after) = told_frame(&s[a..b]).map(|k| a + k) {
                            if let Some(o) = frame
                                .iter()
                                .find(|x| x.start >= after && words(&s[after..x.start]).is_empty())
                            {
                                push(&mut actors, o, sd.object);
                            }
                        }
                    }
                }
            }
            [g] if object_like(s, g.start) => {
                object_and_speaker(s, mentions, clause, g, &sd, &mut actors);
            }
            // "Obama faces pressure from Congress": the subject of a verb of undergoing is
            // the one acted upon.
            [g] if undergoes(&s[g.end..t.start]) => push(&mut actors, g, sd.object),
            [g] => push(&mut actors, g, sd.subject),
            [g, o, ..] => {
                push(&mut actors, g, sd.subject);
                push(&mut actors, o, sd.object);
            }
        }
        // "approved the removal of South Korea from its list of trusted partners": the
        // object of a nominalised verb before an asymmetric noun is its target.
        let asymmetric = def.mode.is_none() && !def.symmetric;
        if asymmetric && !actors.iter().any(|(_, side)| *side == Side::Target) {
            let after_subject = near.last().map_or(0, |g| g.end);
            if let Some(g) = before.iter().rev().find(|g| {
                g.start >= after_subject
                    && matches!(g.gov.as_deref(), Some("of" | "on" | "against"))
                    && !gap_info(&s[g.end..t.start]).1
            }) {
                push(&mut actors, g, Side::Target);
            }
        }
    }

    // A meeting with no party yet, described by a relative clause after it ("the Singapore
    // summit last June, when the two men signed a statement"): that clause's subject.
    if noun && def.event_type == EventType::Consult && actors.is_empty() {
        let tail = &s[t.end..clause.end];
        let rel = [", when ", ", where "]
            .iter()
            .filter_map(|r| tail.find(r).map(|k| t.end + k + r.len()))
            .min();
        if let Some(from) = rel.filter(|f| words(&s[t.end..*f]).len() <= 6) {
            if let Some(g) = gs.iter().find(|g| g.start >= from) {
                let (n, barrier) = gap_info(&s[from..g.start]);
                if g.gov.is_none() && !barrier && n <= 1 {
                    push(&mut actors, g, sd.subject);
                }
            }
        }
    }

    // A verb with no subject: the speaker of the report, else the subject of the predicate
    // it is coordinated with.
    if !noun && subject.is_none() {
        let mut found = false;
        if let Some((a, b)) = clause.speaker {
            if let Some(g) = groups(s, mentions, a, b)
                .iter()
                .find(|g| speaker_subject(g))
            {
                push(&mut actors, g, sd.subject);
                found = true;
            }
        }
        if !found && clause.start > 0 && coordinated_predicate(s, clause.start) {
            if let Some(g) = groups(s, mentions, 0, clause.start)
                .iter()
                .find(|g| g.gov.is_none())
            {
                push(&mut actors, g, sd.subject);
            }
        }
    }
    // An asymmetric verb with no target: the parties of its complement ("warned that the
    // South would respond", "blew up the liaison office with South Korea").
    let asymmetric = def.mode.is_none() && !def.symmetric;
    if asymmetric && !noun && !actors.iter().any(|(_, side)| *side == Side::Target) {
        complement_targets(s, &gs, t.end, clause.end, &mut actors);
    }

    // Still nothing: an actor located in the subject ("Demonstrators in Baghdad blocked a
    // road"), else the first actor after the verb ("continued their strike to demand the
    // resignation of Algerian President Ben Bella").
    if !noun && !undergone && !actors.iter().any(|(_, side)| *side == sd.agent) {
        // "The statement by Ri Thae Song, a vice foreign minister in charge of US affairs,
        // accused": an appositive between the subject and its verb is left out.
        let upto = appositive_before(s, t.start).unwrap_or(t.start);
        let located = before.iter().rev().find(|g| {
            g.end <= upto
                && matches!(
                    g.gov.as_deref(),
                    Some("in" | "of" | "from" | "throughout" | "across" | "inside" | "by")
                )
                && !gap_info(&s[g.end..upto]).1
        });
        if let Some(g) = located {
            push(&mut actors, g, sd.subject);
        } else if let Some(g) = gs.iter().find(|g| g.start >= t.end) {
            if !gap_info(&s[t.end..g.start]).1 {
                push(&mut actors, g, sd.object);
            }
        }
    }
    // "... North Korea had wanted the sanctions lifted, and that he could not accept that":
    // a demonstrative object stands for the proposal just reported; its author is the target.
    if asymmetric
        && !noun
        && !actors.iter().any(|(_, side)| *side == Side::Target)
        && demonstrative_object(&s[t.end..])
    {
        let earlier = groups(s, mentions, 0, clause.start.min(t.start));
        if let Some(g) = earlier.iter().rev().find(|g| {
            g.gov.is_none()
                && g.items.iter().flat_map(|m| &m.actors).all(|a| {
                    a.country.is_some() && !actors.iter().any(|(x, _)| x.country == a.country)
                })
        }) {
            push(&mut actors, g, Side::Target);
        }
    }

    // "Moon said Kim had proposed the meeting": a request reported by another party with no
    // addressee of its own was made to that party.
    if def.event_type == EventType::Request
        && !actors.iter().any(|(_, side)| *side == Side::Target)
        && actors.iter().any(|(_, side)| *side == Side::Source)
    {
        if let Some((a, b)) = clause.speaker {
            let frame = groups(s, mentions, a, b);
            if let Some(sp) = frame.iter().find(|g| {
                speaker_subject(g)
                    && g.items.iter().flat_map(|m| &m.actors).all(|x| {
                        x.country.is_some() && !actors.iter().any(|(y, _)| y.country == x.country)
                    })
            }) {
                push(&mut actors, sp, Side::Target);
            }
        }
    }

    // An act with no target that happens in a named state ("re-examine the refineries in
    // Iran"): that state, when it is not the actor's own.
    if asymmetric && !actors.iter().any(|(_, side)| *side == Side::Target) {
        let mut prev = t.end;
        for g in gs.iter().filter(|g| g.start >= t.end) {
            let (n, barrier) = gap_info(&s[prev..g.start]);
            if barrier || n > 8 {
                break;
            }
            prev = g.end;
            let named = g.items.iter().all(|m| m.form == "name");
            let other = g.items.iter().flat_map(|m| &m.actors).all(|a| {
                a.country.is_some() && !actors.iter().any(|(x, _)| x.country == a.country)
            });
            if matches!(g.gov.as_deref(), Some("in" | "inside" | "into")) && named && other {
                push(&mut actors, g, Side::Target);
                break;
            }
        }
    }

    actors
}

/// "it plans to remove South Korea from its white list": a group that is the object of the
/// verb governing a noun trigger is the event's object; its subject is the speaker of the
/// report ("Tokyo said it plans ...").
fn object_and_speaker(
    s: &str,
    mentions: &[Local<'_, Mention>],
    clause: &Clause,
    g: &Group<'_>,
    sd: &Sides,
    actors: &mut Vec<(Actor, Side)>,
) {
    push(actors, g, sd.object);
    if let Some((a, b)) = clause.speaker {
        if let Some(sp) = groups(s, mentions, a, b)
            .iter()
            .find(|x| speaker_subject(x))
        {
            push(actors, sp, sd.subject);
        }
    }
}

/// The targets of an asymmetric verb without an object: the subject of a "that"
/// complement right after it (and the group right after that subject's verb), else the
/// first group after it governed by "with" or "of".
fn complement_targets(
    s: &str,
    gs: &[Group<'_>],
    t_end: usize,
    clause_end: usize,
    actors: &mut Vec<(Actor, Side)>,
) {
    let rest = &s[t_end..clause_end];
    let ws = words(rest);
    // "warned (on Saturday) that X ...", "said X would ..."
    let that = ws
        .iter()
        .take(6)
        .position(|(_, w)| w.eq_ignore_ascii_case("that"))
        .and_then(|i| ws.get(i))
        .map(|(p, w)| t_end + p + w.len());
    if let Some(from) = that {
        let comp: Vec<&Group<'_>> = gs.iter().filter(|g| g.start >= from).collect();
        if let Some(first) = comp.first() {
            let (n, barrier) = gap_info(&s[from..first.start]);
            // "warned that it would be a mistake for South Korea to send arms"
            let for_to = first.gov.as_deref() == Some("for")
                && s[first.end..].trim_start().starts_with("to ")
                && !barrier
                && n <= 8;
            if first.gov.is_none() && !barrier && n <= 2 || for_to {
                let own = first.items.iter().flat_map(|m| &m.actors).all(|a| {
                    a.country.is_some() && actors.iter().any(|(x, _)| x.country == a.country)
                });
                if own {
                    // "warned that the South would respond strongly if the North took
                    // further steps": the speaker's own side; the other party follows.
                    for g in &comp[1..] {
                        let gap = &s[first.end..g.start];
                        if gap.contains([',', ';', ':', '(']) || words(gap).len() > 10 {
                            break;
                        }
                        if g.gov.is_none() {
                            push(actors, g, Side::Target);
                            break;
                        }
                    }
                    return;
                }
                push(actors, first, Side::Target);
                if let Some(second) = comp.get(1) {
                    let (n, barrier) = gap_info(&s[first.end..second.start]);
                    if second.gov.is_none() && !barrier && n <= 4 {
                        push(actors, second, Side::Target);
                    }
                }
                return;
            }
            // "warned that it would respond to the deployment of US missiles": a pronoun
            // subject is the speaker itself; the party is the complement verb's own.
            if pronoun_subject(&s[from..clause_end]) && comp.first().is_some_and(|g| g.start > from)
            {
                let mut prev = from;
                for g in &comp {
                    let gap = &s[prev..g.start];
                    if gap.contains([',', ';', ':', '(']) || words(gap).len() > 8 {
                        break;
                    }
                    prev = g.end;
                    if matches!(
                        g.gov.as_deref(),
                        None | Some("to" | "against" | "on" | "of" | "with" | "at")
                    ) {
                        push(actors, g, Side::Target);
                        return;
                    }
                }
            }
            // "warned that any transfer of North Korean weapons to Russia would violate":
            // the parties named in the complement's subject, before its verb.
            let rest = &s[from..clause_end];
            if let Some(v) = words(rest)
                .iter()
                .take(14)
                .find(|(_, w)| COMPLEMENT_VERBS.contains(&w.to_ascii_lowercase().as_str()))
            {
                let vpos = from + v.0;
                let subject_np = &s[from..vpos];
                if !gap_info(subject_np).1 {
                    let mut any = false;
                    for g in comp.iter().filter(|g| g.end <= vpos) {
                        if matches!(
                            g.gov.as_deref(),
                            None | Some("of" | "to" | "from" | "with" | "between" | "against")
                        ) {
                            push(actors, g, Side::Target);
                            any = true;
                        }
                    }
                    if any {
                        return;
                    }
                }
            }
        }
    }
    let mut prev = t_end;
    for g in gs.iter().filter(|g| g.start >= t_end) {
        let (n, barrier) = gap_info(&s[prev..g.start]);
        if barrier || n > 8 {
            return;
        }
        prev = g.end;
        if matches!(g.gov.as_deref(), Some("with" | "of")) {
            push(actors, g, Side::Target);
            return;
        }
    }
}

/// Verbs whose object is the subject of the infinitive after it ("urged Russia to stop").
const OBJECT_CONTROL: &[&str] = &[
    "urged",
    "urges",
    "urge",
    "urging",
    "asked",
    "asks",
    "ask",
    "asking",
    "invited",
    "invites",
    "invite",
    "inviting",
    "called",
    "calls",
    "pressed",
    "presses",
    "press",
    "encouraged",
    "encourage",
    "allowed",
    "allow",
    "allows",
    "wants",
    "want",
    "wanted",
    "told",
    "tell",
    "tells",
    "persuaded",
    "forced",
    "pushed",
    "requested",
    "request",
    "requests",
    "on",
];

/// True when a group of a report's frame may be its speaker: ungoverned, or the subject of
/// a subordinate frame ("came as *Israel* announced it would free ...").
fn speaker_subject(g: &Group<'_>) -> bool {
    matches!(
        g.gov.as_deref(),
        None | Some("as" | "after" | "before" | "since" | "until" | "once" | "when" | "while")
    )
}

/// True when `head` (a clause up to its trigger) opens with a subject pronoun that stands
/// for the speaker of the report ("Japan said *it* would impose new sanctions").
fn pronoun_subject(head: &str) -> bool {
    words(head)
        .first()
        .is_some_and(|(_, w)| matches!(w.to_ascii_lowercase().as_str(), "it" | "they" | "we"))
}

/// True when a report's verb takes the noun trigger as its object ("China *announced*
/// retaliatory tariffs"): the speaker is the event's subject.
fn announced(speaker: &str, head: &str) -> bool {
    words(speaker).last().is_some_and(|(_, w)| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "announced" | "announces" | "announce" | "declared" | "declares" | "unveiled"
        )
    }) && words(head).len() <= 3
}

/// True when `rest` (the text after a verb) is a bare demonstrative object ("could not
/// accept that.", "rejected this,").
fn demonstrative_object(rest: &str) -> bool {
    let r = rest.trim_start();
    ["that", "this", "it"].iter().any(|d| {
        r.strip_prefix(d).is_some_and(|after| {
            after.is_empty() || after.starts_with(['.', ',', ';', '"', '”', '\''])
        })
    })
}

/// The byte offset right after the last "told" of a report's frame ending in "told X
/// that", if any.
fn told_frame(frame: &str) -> Option<usize> {
    let lower = frame.to_ascii_lowercase();
    let at = lower.rfind("told ")?;
    let rest = lower[at..].trim_end();
    (rest.ends_with(" that") && words(rest).len() <= 5).then_some(at + "told ".len())
}

/// Verbs whose subject undergoes the noun after them ("faces pressure", "came under fire").
const UNDERGO: &[&str] = &[
    "face",
    "faces",
    "faced",
    "facing",
    "received",
    "receives",
    "receive",
    "receiving",
    "suffered",
    "suffers",
    "suffer",
    "endured",
    "under",
    "enjoyed",
    "enjoys",
    "enjoy",
    "won",
    "wins",
    "gained",
    "gains",
    "garnered",
];

/// True when `gap` (between a subject and a noun trigger) holds a verb of undergoing.
fn undergoes(gap: &str) -> bool {
    let ws = words(gap);
    ws.len() <= 4
        && ws
            .iter()
            .any(|(_, w)| UNDERGO.contains(&w.to_ascii_lowercase().as_str()))
}

/// Modals and forms of "be"/"have" that end the subject of a complement clause.
const COMPLEMENT_VERBS: &[&str] = &[
    "would", "will", "could", "can", "may", "might", "should", "must", "is", "are", "was", "were",
    "has", "have", "had",
];

/// True when the trigger phrase starts with an "-ing" form ("accusing", "meeting with").
fn gerund(phrase: &str) -> bool {
    phrase
        .split_whitespace()
        .next()
        .is_some_and(|w| w.len() > 4 && w.ends_with("ing"))
}

/// Determiners that open an appositive noun phrase ("Kim, *a* vice foreign minister, said").
const APPOSITIVE_OPENERS: &[&str] = &["a", "an", "the", "his", "her", "its", "their"];

/// The start of an appositive right before byte `at` (", a vice foreign minister in charge
/// of US affairs, accused"): the comma that opens it.
fn appositive_before(s: &str, at: usize) -> Option<usize> {
    let head = s[..at].trim_end();
    let inner = head.strip_suffix(',')?;
    let open = inner.rfind(',')?;
    let body = inner[open + 1..].trim_start();
    let first = body.split_whitespace().next()?;
    let (n, barrier) = gap_info(body);
    (APPOSITIVE_OPENERS.contains(&first) && !barrier && n <= 12).then_some(open)
}

/// True when the trigger at `at` follows "to" (an infinitive: "to protest", "to meet").
fn after_to(s: &str, at: usize) -> bool {
    let ws = words(&s[..at]);
    ws.last().is_some_and(|(_, w)| w.eq_ignore_ascii_case("to"))
}

/// True when the word before a noun phrase is an object-control verb ("urged *Russia* to").
fn object_control(s: &str, np: usize) -> bool {
    let ws = words(&s[..np]);
    ws.last()
        .is_some_and(|(_, w)| OBJECT_CONTROL.contains(&w.to_ascii_lowercase().as_str()))
}

/// True when the noun phrase at `np` follows a word that is likely a transitive verb
/// ("summoned *South Korea's ambassador*", "told *the World Food Programme*").
fn object_like(s: &str, np: usize) -> bool {
    let head = s[..np].trim_end();
    if head.ends_with([',', ';', ':', '"', '“', '(', '-']) {
        return false;
    }
    let ws = words(head);
    let Some((_, w)) = ws.last() else {
        return false;
    };
    let ok_chars = w.chars().all(|c| c.is_lowercase() || c == '-');
    ok_chars
        && !crate::roles_np::is_function_word(w)
        && !crate::roles_verbs::takes_clause(w)
        && !w.ends_with("ly")
}

/// True when the text right before a clause ends with a coordinating comma (", and urged").
fn coordinated_predicate(s: &str, clause_start: usize) -> bool {
    let head = s[..clause_start].trim_end();
    let tail = s[clause_start..].trim_start().to_ascii_lowercase();
    // "..., and urged", or a plain "and urged" that the clause finder cut at
    (head.ends_with(',') && tail.starts_with("while "))
        || ["and ", "but "].iter().any(|c| tail.starts_with(c))
}

/// True when the gap before a group ends in "to" + a verb ("to help Israel"): the group
/// is the object of another verb.
fn prev_is_infinitive(gap: &str) -> bool {
    let ws = words(gap);
    ws.len() >= 2
        && ws
            .get(ws.len() - 2)
            .is_some_and(|(_, w)| w.eq_ignore_ascii_case("to"))
}

/// "of V-ing X": adds X as a target.
fn accuse_complement(
    s: &str,
    gs: &[Group<'_>],
    from: usize,
    to: usize,
    actors: &mut Vec<(Actor, Side)>,
) {
    let rest = &s[from..to];
    let ws = words(rest);
    let Some(i) = ws.iter().position(|(_, w)| w.eq_ignore_ascii_case("of")) else {
        return;
    };
    if i > 1 {
        return;
    }
    let Some((vpos, v)) = ws.get(i + 1).or_else(|| ws.get(i + 2)) else {
        return;
    };
    if !v.ends_with("ing") {
        return;
    }
    let vend = from + vpos + v.len();
    if let Some(g) = gs.iter().find(|g| g.start >= vend) {
        let (n, barrier) = gap_info(&s[vend..g.start]);
        if g.gov.is_none() && !barrier && n <= 3 {
            push(actors, g, Side::Target);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clause::clause_of;
    use entente_doc::ActorKind;
    use entente_text::Span;

    fn mention(s: &str, text: &str, codes: &[&str]) -> Local<'static, Mention> {
        let start = s.find(text).unwrap_or_else(|| panic!("{text} not in {s}"));
        let m = Mention {
            span: Span::new(start, start + text.len()),
            sentence: 0,
            actors: codes
                .iter()
                .map(|c| Actor {
                    id: format!("state:{}", c.to_ascii_lowercase()),
                    name: c.to_string(),
                    kind: ActorKind::State,
                    country: Some(c.to_string()),
                    role: None,
                })
                .collect(),
            form: "name".into(),
        };
        Local {
            start,
            end: start + text.len(),
            item: Box::leak(Box::new(m)),
        }
    }

    fn def(mode: Option<ModeHint>, symmetric: bool, ty: EventType) -> TriggerDef {
        TriggerDef {
            event_type: ty,
            kind: "x".into(),
            cameo: "000".into(),
            mode,
            symmetric,
            pledge: false,
            standalone_nouns: true,
        }
    }

    fn run(
        s: &str,
        trigger: &str,
        form: Form,
        d: &TriggerDef,
        ms: &[(&str, &[&str])],
    ) -> Vec<String> {
        let mut ls: Vec<Local<'static, Mention>> = ms
            .iter()
            .map(|(t, c)| match t.split_once('@') {
                // "Israeli@adjective": a mention of another form than a name.
                Some((t, form)) => {
                    let mut l = mention(s, t, c);
                    let mut m = l.item.clone();
                    m.form = form.into();
                    l.item = Box::leak(Box::new(m));
                    l
                }
                None => mention(s, t, c),
            })
            .collect();
        ls.sort_by_key(|l| l.start);
        let start = s
            .find(trigger)
            .unwrap_or_else(|| panic!("{trigger} not in {s}"));
        let t = TriggerMatch {
            start,
            end: start + trigger.len(),
            trigger: 0,
            form,
        };
        let clause = clause_of(s, t.start, t.end);
        let mut got: Vec<String> = assign_in(s, &ls, d, &t, &clause)
            .into_iter()
            .map(|(a, side)| format!("{}:{}", a.id.trim_start_matches("state:"), side.as_str()))
            .collect();
        got.sort();
        got
    }

    #[test]
    fn participants_of_verbs_and_nouns() {
        let meet = def(Some(ModeHint::Meet), true, EventType::Consult);
        let visit = def(Some(ModeHint::Visit), false, EventType::Consult);
        let accuse = def(None, false, EventType::Accuse);
        let sanction = def(None, false, EventType::Sanction);
        let request = def(None, false, EventType::Request);
        let mobilize = def(None, false, EventType::Mobilize);
        let threaten = def(None, false, EventType::Threaten);
        let assault = def(None, false, EventType::Assault);
        let protest = def(None, false, EventType::Protest);
        let reject = def(None, false, EventType::Reject);
        let concede = def(None, false, EventType::Concede);
        let support = def(None, false, EventType::Support);
        let retreat = def(None, false, EventType::Retreat);
        let aid = def(None, false, EventType::Aid);
        let host = def(Some(ModeHint::Host), false, EventType::Consult);
        type Case<'a> = (
            &'a str,
            &'a str,
            Form,
            &'a TriggerDef,
            Vec<(&'a str, &'a [&'a str])>,
            &'a [&'a str],
        );
        let cases: Vec<Case<'_>> = vec![
            (
                "Tokyo also said it plans to remove South Korea from its \"white list\" of trusted trading partners.",
                "remove",
                Form::Base,
                &sanction,
                vec![("Tokyo", &["JPN"]), ("South Korea", &["KOR"])],
                &["jpn:source", "kor:target"],
            ),
            (
                "Moon said he believed the meeting between Trump and Kim could go ahead.",
                "meeting",
                Form::Noun,
                &meet,
                vec![("Moon", &["KOR"]), ("Trump", &["USA"]), ("Kim", &["PRK"])],
                &["prk:participant", "usa:participant"],
            ),
            (
                "North Korea said it will not accept 50,000 tonnes of rice offered by South Korea.",
                "will not accept",
                Form::Base,
                &reject,
                vec![("North Korea", &["PRK"]), ("South Korea", &["KOR"])],
                &["kor:target", "prk:source"],
            ),
            (
                "Xi also met Moon in Osaka and told him that Kim was ready.",
                "met",
                Form::Past,
                &meet,
                vec![("Xi", &["CHN"]), ("Moon", &["KOR"]), ("Kim", &["PRK"])],
                &["chn:participant", "kor:participant"],
            ),
            (
                "Wang Yi will travel to Pyongyang next week.",
                "travel to",
                Form::Base,
                &visit,
                vec![("Wang Yi", &["CHN"]), ("Pyongyang", &["PRK"])],
                &["chn:guest", "prk:host"],
            ),
            (
                "Russia was accused by the US of meddling.",
                "accused",
                Form::Past,
                &accuse,
                vec![("Russia", &["RUS"]), ("US", &["USA"])],
                &["rus:target", "usa:source"],
            ),
            (
                "Washington and Seoul accuse North Korea of supplying Russia with shells for use in Ukraine.",
                "accuse",
                Form::Present,
                &accuse,
                vec![
                    ("Washington", &["USA"]),
                    ("Seoul", &["KOR"]),
                    ("North Korea", &["PRK"]),
                    ("Russia", &["RUS"]),
                    ("Ukraine", &["UKR"]),
                ],
                &["kor:source", "prk:target", "rus:target", "usa:source"],
            ),
            (
                "It was the third meeting between Trump and Kim, following their summits in Singapore and in Vietnam.",
                "meeting",
                Form::Noun,
                &meet,
                vec![
                    ("Trump", &["USA"]),
                    ("Kim", &["PRK"]),
                    ("Singapore", &["SGP"]),
                    ("Vietnam", &["VNM"]),
                ],
                &["prk:participant", "usa:participant"],
            ),
            (
                "The new Chinese sanctions target Lockheed.",
                "sanctions",
                Form::Noun,
                &sanction,
                vec![("Chinese", &["CHN"])],
                &["chn:source"],
            ),
            (
                "South Korea summoned the envoy on Friday, and urged Russia to stop its cooperation with Pyongyang.",
                "urged",
                Form::Past,
                &request,
                vec![
                    ("South Korea", &["KOR"]),
                    ("Russia", &["RUS"]),
                    ("Pyongyang", &["PRK"]),
                ],
                &["kor:source", "rus:target"],
            ),
            (
                "The vote came a day after North Korea fired three missiles, shortly after Biden ended a trip to Japan.",
                "fired",
                Form::Past,
                &mobilize,
                vec![("North Korea", &["PRK"]), ("Biden", &["USA"]), ("Japan", &["JPN"])],
                &["prk:source"],
            ),
            (
                "Trump, who arrived in Osaka on Thursday, will hold talks with Abe on Friday.",
                "hold talks",
                Form::Base,
                &meet,
                vec![("Trump", &["USA"]), ("Osaka", &["JPN"]), ("Abe", &["JPN"])],
                &["jpn:participant", "usa:participant"],
            ),
            (
                "The US, Russia, and Switzerland met yesterday.",
                "met",
                Form::Past,
                &meet,
                vec![("US", &["USA"]), ("Russia", &["RUS"]), ("Switzerland", &["CHE"])],
                &["che:participant", "rus:participant", "usa:participant"],
            ),
            (
                "Putin, speaking in Hanoi at the end of a state visit to Vietnam, warned South Korea.",
                "state visit",
                Form::Noun,
                &visit,
                vec![("Putin", &["RUS"]), ("Vietnam", &["VNM"]), ("South Korea", &["KOR"])],
                &["rus:guest", "vnm:host"],
            ),
            (
                "Kim Yo Jong had warned on Saturday that the South would see the office collapse.",
                "warned",
                Form::Past,
                &threaten,
                vec![("Kim Yo Jong", &["PRK"]), ("the South", &["KOR"])],
                &["kor:target", "prk:source"],
            ),
            (
                "North Korea blew up the joint liaison office with South Korea in Kaesong.",
                "blew up",
                Form::Past,
                &assault,
                vec![("North Korea", &["PRK"]), ("South Korea", &["KOR"])],
                &["kor:target", "prk:source"],
            ),
            (
                "The minister said South Korea would also drop Japan from its own list of trusted partners.",
                "list of trusted partners",
                Form::Noun,
                &sanction,
                vec![("South Korea", &["KOR"]), ("Japan", &["JPN"])],
                &["jpn:target", "kor:source"],
            ),
            (
                "Putin was due to fly on to Vietnam later on Wednesday for a two-day state visit.",
                "state visit",
                Form::Noun,
                &visit,
                vec![("Putin", &["RUS"]), ("Vietnam", &["VNM"])],
                &["rus:guest", "vnm:host"],
            ),
            (
                "The vote came a day after North Korea fired three ballistic missiles.",
                "ballistic missiles",
                Form::Noun,
                &mobilize,
                vec![("North Korea", &["PRK"])],
                &["prk:source"],
            ),
            (
                "Japanese Foreign Minister Taro Kono summoned South Korea's ambassador on Friday to protest the refusal.",
                "protest",
                Form::Base,
                &protest,
                vec![("Japanese Foreign Minister Taro Kono", &["JPN"]), ("South Korea", &["KOR"])],
                &["jpn:source", "kor:target"],
            ),
            (
                "North Korea has told the World Food Programme that it will not accept rice offered by South Korea.",
                "will not accept",
                Form::Base,
                &reject,
                vec![("North Korea", &["PRK"]), ("World Food Programme", &["WFP"]), ("South Korea", &["KOR"])],
                &["kor:target", "prk:source"],
            ),
            (
                "Moon's office said Trump asked Kim to play a more active role.",
                "asked",
                Form::Past,
                &request,
                vec![("Moon", &["KOR"]), ("Trump", &["USA"]), ("Kim", &["PRK"])],
                &["prk:target", "usa:source"],
            ),
            (
                "Obama wants Putin to attack Switzerland.",
                "attack",
                Form::Base,
                &assault,
                vec![("Obama", &["USA"]), ("Putin", &["RUS"]), ("Switzerland", &["CHE"])],
                &["che:target", "rus:source"],
            ),
            (
                "The civilians imprisoned for acting against Moscow were released yesterday by Putin himself.",
                "were released",
                Form::Past,
                &concede,
                vec![("Moscow", &["RUS"]), ("Putin", &["RUS"])],
                &["rus:source"],
            ),
            (
                "Georgian demonstrators launched missiles at the Georgian government.",
                "launched missiles",
                Form::Past,
                &assault,
                vec![("Georgian", &["GEO"]), ("Georgian government", &["GEO"])],
                &["geo:source", "geo:target"],
            ),
            (
                "The Singapore summit produced a vague statement.",
                "summit",
                Form::Noun,
                &meet,
                vec![("Singapore", &["SGP"])],
                &[],
            ),
            (
                "From North Korea, Putin will travel to Vietnam.",
                "travel to",
                Form::Base,
                &visit,
                vec![("North Korea", &["PRK"]), ("Putin", &["RUS"]), ("Vietnam", &["VNM"])],
                &["rus:guest", "vnm:host"],
            ),
            (
                "North Korea would always stand with Russia in what he called its fight.",
                "would always stand with",
                Form::Base,
                &support,
                vec![("North Korea", &["PRK"]), ("Russia", &["RUS"]), ("he", &["PRK"])],
                &["prk:source", "rus:target"],
            ),
            (
                "Annan said the UN will withdraw inspectors from Iraq.",
                "will withdraw",
                Form::Base,
                &retreat,
                vec![("UN", &["UNO"]), ("Iraq", &["IRQ"])],
                &["irq:target", "uno:source"],
            ),
            (
                "Beijing said it would impose sanctions on Lockheed.",
                "impose sanctions",
                Form::Base,
                &sanction,
                vec![("Beijing", &["CHN"])],
                &["chn:source"],
            ),
            (
                "Tokyo also said it plans to remove South Korea from its \"white list\" of trusted trading partners.",
                "white list",
                Form::Noun,
                &sanction,
                vec![("Tokyo", &["JPN"]), ("South Korea", &["KOR"])],
                &["jpn:source", "kor:target"],
            ),
            (
                "Japan's cabinet on Friday approved the removal of South Korea from its list of trusted trading partners.",
                "list of trusted trading partners",
                Form::Noun,
                &sanction,
                vec![("Japan", &["JPN"]), ("South Korea", &["KOR"])],
                &["jpn:source", "kor:target"],
            ),
            (
                "Seoul's security council warned that the South would respond strongly if the North took further steps.",
                "warned",
                Form::Past,
                &threaten,
                vec![("Seoul", &["KOR"]), ("the South", &["KOR"]), ("the North", &["PRK"])],
                &["kor:source", "prk:target"],
            ),
            (
                "Putin warned that it would be a very big mistake for South Korea to send arms to Ukraine.",
                "warned",
                Form::Past,
                &threaten,
                vec![("Putin", &["RUS"]), ("South Korea", &["KOR"]), ("Ukraine", &["UKR"])],
                &["kor:target", "rus:source"],
            ),
            (
                "Putin warned that it would be a very big mistake for South Korea to send arms to Ukraine.",
                "send",
                Form::Base,
                &aid,
                vec![("Putin", &["RUS"]), ("South Korea", &["KOR"]), ("Ukraine", &["UKR"])],
                &["kor:source", "ukr:target"],
            ),
            (
                "Kim set the end of the year as a deadline for Washington to change its approach.",
                "deadline",
                Form::Noun,
                &request,
                vec![("Kim", &["PRK"]), ("Washington", &["USA"])],
                &["prk:source", "usa:target"],
            ),
            (
                "Talks broke down, with the North's chief negotiator Kim Myong Gil accusing the American delegation of coming empty-handed.",
                "accusing",
                Form::Present,
                &accuse,
                vec![("the North", &["PRK"]), ("Kim Myong Gil", &["PRK"]), ("American", &["USA"])],
                &["prk:source", "usa:target"],
            ),
            (
                "The statement by Ri Thae Song, a vice foreign minister in charge of US affairs, accused the Trump administration of lying.",
                "accused",
                Form::Past,
                &accuse,
                vec![("Ri Thae Song", &["PRK"]), ("US", &["USA"]), ("Trump", &["USA"])],
                &["prk:source", "usa:target"],
            ),
            (
                "Washington has warned that any transfer of North Korean weapons to Russia for use in Ukraine would violate UN resolutions.",
                "warned",
                Form::Past,
                &threaten,
                vec![("Washington", &["USA"]), ("North Korean", &["PRK"]), ("Russia", &["RUS"]), ("Ukraine", &["UKR"])],
                &["prk:target", "rus:target", "usa:source"],
            ),
            (
                "Obama faces pressure from Congress to help Iran.",
                "pressure",
                Form::Noun,
                &request,
                vec![("Obama", &["USA"]), ("Iran", &["IRN"])],
                &["usa:target"],
            ),
            (
                "The stopover came as the US leader prepared to attend the Olympics.",
                "attend",
                Form::Base,
                &visit,
                vec![("US", &["USA"])],
                &["usa:guest"],
            ),
            (
                "It contrasted with the Singapore summit last June, when the two men signed a statement.",
                "summit",
                Form::Noun,
                &meet,
                vec![("Singapore", &["SGP"]), ("the two men", &["USA", "PRK"])],
                &["prk:participant", "usa:participant"],
            ),
            (
                "Obama faces pressure from Congress to help Iran.",
                "faces pressure",
                Form::Past,
                &request,
                vec![("Obama", &["USA"]), ("Iran", &["IRN"])],
                &["usa:target"],
            ),
            (
                "Japan said it would impose new sanctions on Russia.",
                "new sanctions",
                Form::Noun,
                &sanction,
                vec![("Japan", &["JPN"]), ("Russia", &["RUS"])],
                &["jpn:source", "rus:target"],
            ),
            (
                "When China announced retaliatory tariffs on 75 billion dollars of American goods.",
                "retaliatory tariffs",
                Form::Noun,
                &sanction,
                vec![("China", &["CHN"]), ("American", &["USA"])],
                &["chn:source", "usa:target"],
            ),
            (
                "Italy announced a suspension of air links with Serbia on Wednesday.",
                "suspension of air links",
                Form::Noun,
                &sanction,
                vec![("Italy", &["ITA"]), ("Serbia", &["SRB"])],
                &["ita:source", "srb:target"],
            ),
            (
                "Four children were killed in Israeli tank shelling in the east of the Gaza Strip.",
                "killed",
                Form::Past,
                &assault,
                vec![("Israeli@adjective", &["ISR"])],
                &["isr:source"],
            ),
            (
                "The United Nations inspectors want to re-examine the refineries in Iran.",
                "re-examine",
                Form::Base,
                &protest,
                vec![("United Nations", &["UNO"]), ("Iran", &["IRN"])],
                &["irn:target", "uno:source"],
            ),
            (
                "Kim Jong Un supervised a missile test in Pyongyang.",
                "missile test",
                Form::Noun,
                &mobilize,
                vec![("Kim Jong Un", &["PRK"]), ("Pyongyang@capital", &["PRK"])],
                &["prk:source"],
            ),
            (
                "Israel's release came as Israel announced it would free 150 Palestinian prisoners.",
                "free",
                Form::Base,
                &concede,
                vec![("Israel", &["ISR"]), ("Palestinian", &["PSE"])],
                &["isr:source", "pse:target"],
            ),
            (
                "Kim Jong Un received Russian Defence Minister Andrei Belousov in Pyongyang.",
                "received",
                Form::Past,
                &host,
                vec![("Kim Jong Un", &["PRK"]), ("Russian Defence Minister Andrei Belousov", &["RUS"])],
                &["prk:host", "rus:guest"],
            ),
            (
                "Iran accused Israel of violating the ceasefire.",
                "violating",
                Form::Present,
                &assault,
                vec![("Iran", &["IRN"]), ("Israel", &["ISR"])],
                &["isr:source"],
            ),
            (
                "Moscow warned that it would respond to the deployment of US missiles in Germany.",
                "warned",
                Form::Past,
                &threaten,
                vec![("Moscow", &["RUS"]), ("US", &["USA"]), ("Germany", &["DEU"])],
                &["rus:source", "usa:target"],
            ),
            (
                "Blinken told Wang Yi that the balloon's presence in US airspace was a clear violation of US sovereignty.",
                "violation",
                Form::Noun,
                &protest,
                vec![("Blinken", &["USA"]), ("Wang Yi", &["CHN"]), ("US", &["USA"])],
                &["chn:target", "usa:source"],
            ),
            (
                "Trump said North Korea had wanted the sanctions lifted in their entirety, and that he could not accept that.",
                "could not accept",
                Form::Base,
                &reject,
                vec![("Trump", &["USA"]), ("North Korea", &["PRK"])],
                &["prk:target", "usa:source"],
            ),
            (
                "Moon said Kim had proposed the meeting on Friday afternoon.",
                "proposed",
                Form::Past,
                &request,
                vec![("Moon", &["KOR"]), ("Kim", &["PRK"])],
                &["kor:target", "prk:source"],
            ),
            (
                "The statement by Ri Thae Song accused the Trump administration of using the talks.",
                "accused",
                Form::Past,
                &accuse,
                vec![("Ri Thae Song", &["PRK"]), ("Trump", &["USA"])],
                &["prk:source", "usa:target"],
            ),
            (
                "Merkel will brief Macron on her March 3 meeting with Putin.",
                "meeting",
                Form::Noun,
                &meet,
                vec![
                    ("Merkel", &["DEU"]),
                    ("Macron", &["FRA"]),
                    ("her@pronoun", &["DEU"]),
                    ("Putin", &["RUS"]),
                ],
                &["deu:participant", "rus:participant"],
            ),
            (
                "Lula told Biden about his talks with Xi in Beijing.",
                "talks",
                Form::Noun,
                &meet,
                vec![
                    ("Lula", &["BRA"]),
                    ("Biden", &["USA"]),
                    ("his@pronoun", &["BRA"]),
                    ("Xi", &["CHN"]),
                ],
                &["bra:participant", "chn:participant"],
            ),
            (
                "Kyiv protested against Moscow's seizure of three Ukrainian navy ships.",
                "seizure",
                Form::Noun,
                &sanction,
                vec![
                    ("Kyiv", &["UKR"]),
                    ("Moscow", &["RUS"]),
                    ("Ukrainian@adjective", &["UKR"]),
                ],
                &["rus:source", "ukr:target"],
            ),
            (
                "Analysts condemned Turkey's invasion of Syria in 2019.",
                "invasion",
                Form::Noun,
                &assault,
                vec![("Turkey", &["TUR"]), ("Syria", &["SYR"])],
                &["syr:target", "tur:source"],
            ),
            (
                "Lula will attend a summit of the G4 grouping of India, Japan and Germany.",
                "attend a summit",
                Form::Base,
                &meet,
                vec![
                    ("Lula", &["BRA"]),
                    ("India", &["IND"]),
                    ("Japan", &["JPN"]),
                    ("Germany", &["DEU"]),
                ],
                &[
                    "bra:participant",
                    "deu:participant",
                    "ind:participant",
                    "jpn:participant",
                ],
            ),
            (
                "A court in Lima issued arrest warrants for two Chilean men.",
                "issued arrest warrants",
                Form::Past,
                &sanction,
                vec![("Lima", &["PER"]), ("Chilean@adjective", &["CHL"])],
                &["chl:target", "per:source"],
            ),
            (
                "Lula will meet with exiled dissidents from military-ruled Nicaragua.",
                "meet with",
                Form::Base,
                &meet,
                vec![("Lula", &["BRA"]), ("Nicaragua", &["NIC"])],
                &["bra:participant", "nic:participant"],
            ),
            (
                "Macron, who flew in from Berlin and was met by his counterpart, Sanchez, held talks with him.",
                "held talks",
                Form::Past,
                &meet,
                vec![
                    ("Macron", &["FRA"]),
                    ("Berlin", &["DEU"]),
                    ("Sanchez", &["ESP"]),
                    ("him@pronoun", &["ESP"]),
                ],
                &["esp:participant", "fra:participant"],
            ),
            (
                "Hundreds of civilians were killed during the Ethiopian occupation of the town.",
                "were killed",
                Form::Past,
                &assault,
                vec![("Ethiopian@adjective", &["ETH"])],
                &["eth:source"],
            ),
            (
                "Dozens of Nigerian students kidnapped by Chadian rebels were freed.",
                "kidnapped",
                Form::Past,
                &assault,
                vec![
                    ("Nigerian@adjective", &["NGA"]),
                    ("Chadian@adjective", &["TCD"]),
                ],
                &["nga:target", "tcd:source"],
            ),
            (
                "The invasion of Syria was condemned.",
                "invasion",
                Form::Noun,
                &assault,
                vec![("Syria", &["SYR"])],
                &[],
            ),
        ];
        for (s, trig, form, d, ms, want) in cases {
            assert_eq!(run(s, trig, form, d, &ms), want, "{s}");
        }
    }

    #[test]
    fn head_noun_gaps() {
        let cases = [
            (" leader ", true),
            (" top diplomat ", true),
            (" and ", false),
            (", ", false),
            (" officials said ", false),
            (" counterpart ", true),
            (" that ", false),
        ];
        for (g, want) in cases {
            assert_eq!(head_noun_gap(g), want, "{g:?}");
        }
    }

    #[test]
    fn object_noun_phrases() {
        let cases = [
            ("issued arrest warrants", true),
            ("imposed a curfew", true),
            ("set fire to", false),
            ("arrested", false),
            ("has jailed", false),
            ("cracked down", false),
            ("were killed", false),
        ];
        for (p, want) in cases {
            assert_eq!(object_noun_phrase(p), want, "{p:?}");
        }
    }

    #[test]
    fn modifier_gaps() {
        let cases = [
            ("", true),
            ("'s ", true),
            ("'s planned June 12 ", true),
            (" leaders' ", true),
            (" proposed the ", false),
            (" hoped the ", false),
            (", and the ", false),
        ];
        for (g, want) in cases {
            assert_eq!(modifier_gap(g), want, "{g:?}");
        }
    }
}

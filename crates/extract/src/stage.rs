//! The event extraction stage: triggers → drafts → events of the document.

use crate::clause::{clause_of, Clause};
use crate::draft::{Draft, DraftDate, Side};
use crate::lexicon::{CueMatch, Form, Lexicon, LexiconError, ModeHint, TriggerMatch};
use crate::merge::merge_drafts;
use crate::status::{decide, StatusInput};
use entente_doc::{
    Actor, ActorKind, Document, EventDate, EventRecord, EventSource, EventType, Layer, Location,
    Mention, Mode, PlaceMention, Stage, StageError, Timex,
};
use std::path::Path;

/// Extracts diplomatic events from a document's sentences.
///
/// # What it does
/// Finds trigger words of `data/lexicon/triggers.toml` in each sentence, takes the actors,
/// dates, places and status cues of the trigger's clause, and builds one draft per trigger;
/// drafts reporting the same event within the document are merged into one event with
/// several source sentences.
///
/// # Reads / Writes
/// Reads sentences, timexes, mentions, places; writes events.
///
/// # Example
/// "Wang Yi will travel to Pyongyang next week." (published 2019-09-01) → CONSULT, mode visit,
/// guest CHN, host PRK, status planned, date 2019-09-02..2019-09-08.
///
/// # Limits
/// Rule-based: participants come from the clause around the trigger, not from a parse;
/// long sentences with several events may mix their actors.
#[derive(Debug, Clone)]
pub struct EventExtractor {
    lex: Lexicon,
}

const LOCATIVE: &[&str] = &[
    "in", "at", "to", "from", "into", "near", "inside", "outside", "via", "toward", "towards", "on",
];

/// Words after which a date dates the report, not the event.
const REPORTING_DATE: &[&str] = &[
    "said",
    "says",
    "announced",
    "told",
    "confirmed",
    "cancelled",
    "canceled",
    "postponed",
    "added",
    "reported",
    "stated",
    "revealed",
    "tweeted",
    "wrote",
    "declared",
];

fn prev_word(s: &str, at: usize) -> &str {
    let head = s[..at].trim_end();
    let start = head
        .rfind(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|i| i + 1)
        .unwrap_or(0);
    &head[start..]
}

fn is_locative(s: &str, at: usize) -> bool {
    let w = prev_word(s, at).to_ascii_lowercase();
    if LOCATIVE.contains(&w.as_str()) {
        return true;
    }
    // "in the Russian city of Vladivostok", "to the capital Pyongyang"
    if w == "the" {
        let before_the = s[..at].trim_end();
        let before_the = &before_the[..before_the.len() - 3];
        let w2 = prev_word(before_the, before_the.len()).to_ascii_lowercase();
        return LOCATIVE.contains(&w2.as_str());
    }
    false
}

fn is_question(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '\'', '”', '’', ')']).trim_end();
    t.ends_with('?')
        || s.starts_with("Q:")
        || s.starts_with("Q.")
        || s.starts_with("Question:")
        || s.starts_with("QUESTION:")
}

/// A mention, timex or place positioned relative to the sentence.
struct Local<'a, T> {
    start: usize,
    end: usize,
    item: &'a T,
}

fn local<'a, T: entente_text::Ranged>(
    items: &'a [T],
    span: entente_text::Span,
) -> Vec<Local<'a, T>> {
    let lo = items.partition_point(|x| x.span().start < span.start);
    items[lo..]
        .iter()
        .take_while(|x| x.span().start < span.end)
        .filter(|x| x.span().end <= span.end)
        .map(|x| Local {
            start: x.span().start() - span.start(),
            end: x.span().end() - span.start(),
            item: x,
        })
        .collect()
}

impl EventExtractor {
    /// An extractor using the given lexicon.
    pub fn new(lex: Lexicon) -> EventExtractor {
        EventExtractor { lex }
    }

    /// Loads the lexicon from a data directory.
    ///
    /// # Errors
    /// See [`Lexicon::load`].
    pub fn load(data_dir: &Path) -> Result<EventExtractor, LexiconError> {
        Ok(EventExtractor::new(Lexicon::load(data_dir)?))
    }

    /// The lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// Chooses which triggers of a sentence start events, each with its clause.
    fn select(&self, s: &str, trig: &[TriggerMatch]) -> Vec<(TriggerMatch, Clause)> {
        let mut out: Vec<(TriggerMatch, Clause)> = Vec::new();
        for (i, t) in trig.iter().enumerate() {
            let def = self.lex.def(t);
            let clause = clause_of(s, t.start, t.end);
            // "host city", "host country": a noun modifier, not a hosting.
            if def.mode == Some(crate::lexicon::ModeHint::Host) {
                let next = s[t.end..].split_whitespace().next().unwrap_or("");
                if ["city", "country", "nation", "venue", "government"]
                    .contains(&next.trim_matches(|c: char| !c.is_alphanumeric()))
                {
                    continue;
                }
            }
            // An earlier verb trigger in the same clause governs a later noun
            // ("called for the lifting of sanctions", "met ... at the summit").
            let governed = out.iter().any(|(p, _)| {
                p.form != Form::Noun
                    && p.start >= clause.start
                    && t.form == Form::Noun
                    && (def.event_type != EventType::Consult
                        || self.lex.def(p).event_type == EventType::Consult)
                    && !s[p.end..t.start].contains(" between ")
            });
            if governed {
                continue;
            }
            // "agreed to hold a summit": the agreement is the plan of the meeting.
            if def.event_type == EventType::Agree && t.form != Form::Noun {
                let next = trig.get(i + 1);
                if let Some(n) = next {
                    let gap = s[t.end..n.start].to_ascii_lowercase();
                    if n.form == Form::Base
                        && gap.trim_start().starts_with("to")
                        && gap.split_whitespace().count() <= 4
                    {
                        continue;
                    }
                }
            }
            // "urged Pyongyang to hold talks", "refused to meet": the complement is not
            // an event of its own.
            if def.event_type == EventType::Consult && t.form == Form::Base {
                if let Some((p, _)) = out.last() {
                    let pt = self.lex.def(p).event_type;
                    if matches!(
                        pt,
                        EventType::Request | EventType::Reject | EventType::Threaten
                    ) && p.start >= clause.start
                    {
                        continue;
                    }
                }
            }
            // Same type twice in one clause: keep the first.
            if out.iter().any(|(p, _)| {
                self.lex.def(p).event_type == def.event_type
                    && self.lex.def(p).mode == def.mode
                    && p.start >= clause.start
                    && p.end <= clause.end
            }) {
                continue;
            }
            out.push((*t, clause));
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn draft(
        &self,
        doc: &Document,
        sid: u32,
        s: &str,
        t: &TriggerMatch,
        clause: &Clause,
        cues: &[CueMatch],
        mentions: &[Local<'_, Mention>],
        places: &[Local<'_, PlaceMention>],
        timexes: &[Local<'_, Timex>],
    ) -> Option<Draft> {
        let def = self.lex.def(t);
        let in_clause = |a: usize, b: usize| a >= clause.start && b <= clause.end;
        let mut actors: Vec<(Actor, Side)> = Vec::new();
        let push = |actors: &mut Vec<(Actor, Side)>, m: &Mention, side: Side| {
            for a in &m.actors {
                if !actors.iter().any(|(x, _)| x.id == a.id) {
                    actors.push((a.clone(), side));
                }
            }
        };
        let after_noun = &s[t.end..clause.end.max(t.end)];
        let lower_after = after_noun.to_ascii_lowercase();
        let between = t.form == Form::Noun
            && ["between", "among", "involving"]
                .iter()
                .any(|p| lower_after.trim_start().starts_with(p));
        let place_form = |m: &Mention| m.form == "capital" || m.form == "place";
        for m in mentions.iter().filter(|m| in_clause(m.start, m.end)) {
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
                for m in mentions.iter().filter(|m| m.start >= a && m.end <= b) {
                    push(&mut actors, m.item, Side::Source);
                }
            }
        }
        if actors.is_empty() && t.form != Form::Noun {
            return None;
        }

        // Date: the nearest dated expression in the clause (after the trigger first).
        let mut best: Option<(usize, &Timex)> = None;
        for x in timexes.iter().filter(|x| in_clause(x.start, x.end)) {
            let tx = x.item;
            if tx.start.is_none()
                || tx.kind == "DURATION"
                || tx.kind == "SET"
                || matches!(tx.precision.as_str(), "century" | "unknown")
            {
                continue;
            }
            // The date of a report ("said on Thursday", "cancelled on Friday") is not the
            // date of the event it reports.
            let lead = s[clause.start.min(x.start)..x.start].to_ascii_lowercase();
            let last: Vec<&str> = lead.split_whitespace().rev().take(3).collect();
            let reported = last
                .iter()
                .any(|w| REPORTING_DATE.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())));
            if reported && def.event_type == EventType::Consult && t.start.abs_diff(x.start) > 12 {
                continue;
            }
            let dist = if x.start >= t.end {
                x.start - t.end
            } else if t.start.saturating_sub(x.end) <= 2 {
                0 // "his June 12 summit"
            } else {
                (t.start - x.end.min(t.start)) + 8
            };
            if best.is_none_or(|(d, _)| dist < d) {
                best = Some((dist, tx));
            }
        }
        let vague_future = timexes
            .iter()
            .filter(|x| in_clause(x.start, x.end))
            .any(|x| x.item.future == Some(true) && x.item.vague);
        let date = best.and_then(|(_, tx)| {
            Some(DraftDate {
                start: tx.start?,
                end: tx.end?,
                precision: tx.precision.clone(),
                text: doc.text.get(tx.span.range())?.to_string(),
            })
        });

        let inp = StatusInput {
            sentence: s,
            cues,
            clause: (clause.start, clause.end),
            trigger: (t.start, t.end),
            form: t.form,
            date: date.as_ref().map(|d| (d.start, d.end)),
            date_future: if vague_future { Some(true) } else { None },
            published: doc.published_date(),
        };
        let (status, explicit) = decide(&self.lex, &inp)?;

        // Location: a place in the clause, after a locative preposition first.
        let location = places
            .iter()
            .filter(|p| in_clause(p.start, p.end))
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
            });

        let mut d = Draft {
            event_type: def.event_type,
            kind: def.kind.clone(),
            cameo: def.cameo.clone(),
            hint: def.mode,
            mode: None,
            form: t.form,
            status,
            explicit,
            actors,
            date,
            location,
            sentences: vec![sid],
            confidence: 0.0,
        };
        // A visit to a place whose country no actor stands for: the place's state hosts.
        if def.mode == Some(ModeHint::Visit) && !d.actors.iter().any(|(_, s)| *s == Side::Host) {
            if let Some(c) = d.location.as_ref().and_then(|l| l.country.clone()) {
                if !d.countries().contains(&c) {
                    let name = c.clone();
                    d.actors.push((
                        Actor {
                            id: format!("state:{}", c.to_ascii_lowercase()),
                            name,
                            kind: ActorKind::State,
                            country: Some(c),
                            role: None,
                        },
                        Side::Host,
                    ));
                }
            }
        }
        d.mode = decide_mode(&d);
        d.confidence = confidence(&d);
        Some(d)
    }
}

/// The CONSULT mode from the trigger's framing, the parties and the place.
pub(crate) fn decide_mode(d: &Draft) -> Option<Mode> {
    if d.event_type != EventType::Consult {
        return None;
    }
    let countries = d.countries();
    match d.hint? {
        ModeHint::Phone => Some(Mode::Phone),
        _ if countries.len() >= 3 || !d.orgs().is_empty() && d.kind == "summit" => {
            Some(Mode::Multilateral)
        }
        ModeHint::Visit => Some(Mode::Visit),
        ModeHint::Host => Some(Mode::Host),
        ModeHint::Meet => {
            let place = d.location.as_ref().and_then(|l| l.country.as_ref())?;
            if countries.contains(place) {
                Some(Mode::Visit)
            } else {
                Some(Mode::ThirdParty)
            }
        }
    }
}

fn confidence(d: &Draft) -> f32 {
    let mut c: f32 = 0.45;
    let n = d.countries().len() + d.orgs().len();
    c += 0.1 * n.min(2) as f32;
    if d.date.is_some() {
        c += 0.1;
    }
    if d.form != Form::Noun {
        c += 0.1;
    }
    if d.location.is_some() {
        c += 0.05;
    }
    if d.status == entente_doc::EventStatus::Speculated {
        c -= 0.15;
    }
    c.clamp(0.05, 0.99)
}

impl Stage for EventExtractor {
    fn name(&self) -> &'static str {
        "events"
    }
    fn reads(&self) -> &'static [Layer] {
        &[
            Layer::Sentences,
            Layer::Timexes,
            Layer::Mentions,
            Layer::Places,
        ]
    }
    fn writes(&self) -> &'static [Layer] {
        &[Layer::Events]
    }
    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        let mut drafts = Vec::new();
        for (si, sent) in doc.sentences.iter().enumerate() {
            let Some(s) = sent.span.get(&doc.text) else {
                continue;
            };
            if is_question(s) {
                continue;
            }
            let trig = self.lex.triggers_in(s);
            if trig.is_empty() {
                continue;
            }
            let cues = self.lex.cues_in(s);
            let mentions = local(&doc.mentions, sent.span);
            let places = local(&doc.places, sent.span);
            let timexes = local(&doc.timexes, sent.span);
            for (t, clause) in self.select(s, &trig) {
                if let Some(d) = self.draft(
                    doc, si as u32, s, &t, &clause, &cues, &mentions, &places, &timexes,
                ) {
                    drafts.push(d);
                }
            }
        }
        let merged = merge_drafts(drafts);
        doc.events = merged.into_iter().map(|d| record(doc, d)).collect();
        Ok(())
    }
}

fn record(doc: &Document, d: Draft) -> EventRecord {
    let published = doc.published_date().map(|p| p.to_string());
    let sources = d
        .sentences
        .iter()
        .filter_map(|&sid| {
            let s = doc.sentences.get(sid as usize)?;
            let src = doc.source_span(s.span);
            Some(EventSource {
                doc: doc.key.clone(),
                sentence: sid,
                text: doc.text.get(s.span.range())?.to_string(),
                start: src.start,
                end: src.end,
                published: published.clone(),
            })
        })
        .collect();
    EventRecord {
        id: String::new(),
        event_type: d.event_type,
        mode: d.mode,
        kind: d.kind.clone(),
        cameo: d.cameo.clone(),
        status: d.status,
        participants: d.participants(),
        countries: d.countries(),
        orgs: d.orgs(),
        date: d.date.as_ref().map(|x| EventDate {
            start: x.start.to_string(),
            end: x.end.to_string(),
            precision: x.precision.clone(),
            text: Some(x.text.clone()),
        }),
        location: d.location.clone(),
        sources,
        confidence: (d.confidence * 100.0).round() / 100.0,
    }
}

//! Event drafts: one per trigger occurrence, before merging within the document.

use crate::lexicon::{Form, ModeHint};
use chrono::NaiveDate;
use entente_doc::{Actor, ActorKind, EventStatus, EventType, Location, Mode, Participant};

/// The side an actor takes in an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Side {
    /// Acts (accuses, sanctions, visits as guest).
    Source,
    /// Is acted upon.
    Target,
    /// Travels to the host.
    Guest,
    /// Receives the guest.
    Host,
    /// An equal participant.
    Participant,
}

impl Side {
    /// Lower-case name used in `Participant::role`.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Source => "source",
            Side::Target => "target",
            Side::Guest => "guest",
            Side::Host => "host",
            Side::Participant => "participant",
        }
    }
}

/// One event mention in one sentence.
#[derive(Debug, Clone)]
pub struct Draft {
    /// PLOVER type.
    pub event_type: EventType,
    /// Finer kind.
    pub kind: String,
    /// CAMEO code.
    pub cameo: String,
    /// CONSULT framing from the trigger.
    pub hint: Option<ModeHint>,
    /// Decided mode.
    pub mode: Option<Mode>,
    /// Trigger form.
    pub form: Form,
    /// Sentence and byte offset of the trigger that started the draft (drafts of one trigger
    /// with several dates share it).
    pub trigger_at: (u32, usize),
    /// Status.
    pub status: EventStatus,
    /// The status was stated (a cue, a verb form, a date), not the default of a bare noun.
    pub explicit: bool,
    /// Actors and their sides.
    pub actors: Vec<(Actor, Side)>,
    /// Date interval, precision and text.
    pub date: Option<DraftDate>,
    /// Place.
    pub location: Option<Location>,
    /// Sentences reporting it (ids).
    pub sentences: Vec<u32>,
    /// Confidence.
    pub confidence: f32,
    /// The draft comes from the headline lines that open the document: it repeats an event
    /// of the body, whose date and status stand.
    pub headline: bool,
    /// The draft's date ends well before the publication date: a past event the article
    /// recalls, not the news of the day.
    pub historical: bool,
    /// The draft reports only an arrival ("arrived in Vladivostok on Wednesday"), a step of a
    /// stay rather than a meeting of its own.
    pub arrival: bool,
    /// The draft is a noun with a predicate of its own that reports it done ("their first
    /// summit, held on April 27"): another event than the verb of its sentence.
    pub own_predicate: bool,
    /// The trigger lies in a relative clause set off by commas that closes before the end of
    /// its clause ("Kim, who travelled to Vietnam by train, will stay on for an official
    /// visit"): background of the subject, whose status gives way to the main predicate's.
    pub relative: bool,
    /// The words of the triggers that report it, lower case ("tighten controls", "white
    /// list"): two measures of one type by the same parties are told apart by them.
    pub trigger_words: Vec<String>,
}

/// A draft's date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftDate {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// Precision word.
    pub precision: String,
    /// Text of the expression.
    pub text: String,
}

impl DraftDate {
    /// Length in days; smaller is more precise.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
}

impl Draft {
    /// Sorted, deduplicated ISO codes of the states involved.
    pub fn countries(&self) -> Vec<String> {
        let mut c: Vec<String> = self
            .actors
            .iter()
            .filter(|(a, _)| a.kind != ActorKind::Organization)
            .filter_map(|(a, _)| a.country.clone())
            .collect();
        c.sort();
        c.dedup();
        c
    }

    /// Sorted organisation codes.
    pub fn orgs(&self) -> Vec<String> {
        let mut o: Vec<String> = self
            .actors
            .iter()
            .filter(|(a, _)| a.kind == ActorKind::Organization)
            .map(|(a, _)| a.id.trim_start_matches("org:").to_ascii_uppercase())
            .collect();
        o.sort();
        o.dedup();
        o
    }

    /// Sorted ids of the persons taking part.
    pub fn persons(&self) -> Vec<String> {
        let mut p: Vec<String> = self
            .actors
            .iter()
            .filter(|(a, _)| a.kind == ActorKind::Person)
            .map(|(a, _)| a.id.clone())
            .collect();
        p.sort();
        p.dedup();
        p
    }

    /// Participant records.
    pub fn participants(&self) -> Vec<Participant> {
        self.actors
            .iter()
            .map(|(a, side)| Participant {
                actor: a.id.clone(),
                name: a.name.clone(),
                kind: a.kind,
                country: a.country.clone(),
                role: Some(match &a.role {
                    Some(r) => format!("{} {}", side.as_str(), r),
                    None => side.as_str().to_string(),
                }),
            })
            .collect()
    }
}

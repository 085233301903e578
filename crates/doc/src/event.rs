//! The event record: entente's output schema (documented in `docs/schema.md`).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// An unknown name for one of the enums of the schema.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} '{value}', expected one of: {expected}")]
pub struct ParseEnumError {
    /// Which field.
    pub what: &'static str,
    /// The value given.
    pub value: String,
    /// The accepted values.
    pub expected: String,
}

macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident, $what:literal, $case:literal, { $($(#[$vm:meta])* $var:ident => $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = $case)]
        pub enum $name { $($(#[$vm])* $var),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$var),+];
            /// The name used in output and in the store.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$var => $s),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = ParseEnumError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $(if s.eq_ignore_ascii_case($s) { return Ok($name::$var); })+
                Err(ParseEnumError {
                    what: $what,
                    value: s.to_string(),
                    expected: [$($s),+].join(", "),
                })
            }
        }
    };
}

string_enum!(
    /// PLOVER event type.
    EventType, "event type", "UPPERCASE", {
    /// Meetings, visits, talks, calls, summits.
    Consult => "CONSULT",
    /// Agreements, pacts, treaties, alliances.
    Agree => "AGREE",
    /// Military, economic, cultural or transport cooperation.
    Cooperate => "COOPERATE",
    /// Humanitarian, economic or military aid.
    Aid => "AID",
    /// Verbal support, endorsement, praise.
    Support => "SUPPORT",
    /// Concessions: easing sanctions, releasing prisoners.
    Concede => "CONCEDE",
    /// Withdrawals, de-escalation.
    Retreat => "RETREAT",
    /// Requests and demands.
    Request => "REQUEST",
    /// Accusations, criticism, disapproval.
    Accuse => "ACCUSE",
    /// Rejections and refusals.
    Reject => "REJECT",
    /// Threats.
    Threaten => "THREATEN",
    /// Protests and demonstrations.
    Protest => "PROTEST",
    /// Sanctions, embargoes, expulsions, severed ties.
    Sanction => "SANCTION",
    /// Military mobilization, drills, alerts.
    Mobilize => "MOBILIZE",
    /// Coercion: blockades, arrests, seizures.
    Coerce => "COERCE",
    /// Use of force.
    Assault => "ASSAULT",
});

impl EventType {
    /// Goldstein-style cooperation (+) / conflict (−) weight of the type, on the −10..10 scale.
    pub fn goldstein(self) -> f32 {
        match self {
            EventType::Consult => 3.0,
            EventType::Agree => 5.0,
            EventType::Cooperate => 6.0,
            EventType::Aid => 7.0,
            EventType::Support => 3.5,
            EventType::Concede => 5.0,
            EventType::Retreat => 4.0,
            EventType::Request => -1.0,
            EventType::Accuse => -2.0,
            EventType::Reject => -4.0,
            EventType::Threaten => -6.0,
            EventType::Protest => -6.5,
            EventType::Sanction => -8.0,
            EventType::Mobilize => -7.2,
            EventType::Coerce => -7.0,
            EventType::Assault => -10.0,
        }
    }

    /// The CAMEO root code (two digits) closest to this type.
    pub fn cameo_root(self) -> &'static str {
        match self {
            EventType::Consult => "04",
            EventType::Agree => "05",
            EventType::Cooperate => "06",
            EventType::Aid => "07",
            EventType::Support => "05",
            EventType::Concede => "08",
            EventType::Retreat => "08",
            EventType::Request => "10",
            EventType::Accuse => "11",
            EventType::Reject => "12",
            EventType::Threaten => "13",
            EventType::Protest => "14",
            EventType::Sanction => "16",
            EventType::Mobilize => "15",
            EventType::Coerce => "17",
            EventType::Assault => "19",
        }
    }
}

string_enum!(
    /// CONSULT mode.
    Mode, "mode", "kebab-case", {
    /// The guest travels to the host.
    Visit => "visit",
    /// Coded from the host's side.
    Host => "host",
    /// A meeting in a third country.
    ThirdParty => "third-party",
    /// Three or more parties, or an organisation's summit.
    Multilateral => "multilateral",
    /// A phone or video call.
    Phone => "phone",
});

string_enum!(
    /// Whether an event really happened.
    EventStatus, "status", "lowercase", {
    /// It happened.
    Occurred => "occurred",
    /// It is happening as reported.
    Ongoing => "ongoing",
    /// It is announced or scheduled.
    Planned => "planned",
    /// It is only possible, rumoured or suggested.
    Speculated => "speculated",
    /// It was called off or postponed.
    Cancelled => "cancelled",
    /// A party denies it happened.
    Denied => "denied",
});

/// A participant of an event.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Participant {
    /// Actor id (`state:kor`, `person:moon-jae-in`, `org:nato`).
    pub actor: String,
    /// Display name.
    pub name: String,
    /// `person`, `state` or `organization`.
    pub kind: crate::ActorKind,
    /// ISO alpha-3 code of the participant's state.
    pub country: Option<String>,
    /// Role in the event: `source`, `target`, `guest`, `host`, `participant`; followed by the
    /// person's office when known (`source president`).
    pub role: Option<String>,
}

/// The event's own date as an inclusive interval.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    /// First day (ISO date).
    pub start: String,
    /// Last day (ISO date, inclusive).
    pub end: String,
    /// day, week, month, quarter, half, season, year, decade.
    pub precision: String,
    /// The words of the text the date comes from.
    pub text: Option<String>,
}

/// Where the event took place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// Place name.
    pub name: String,
    /// ISO alpha-3 code of its country.
    pub country: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
}

/// One report of the event: the sentence that states it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventSource {
    /// Document key.
    pub doc: String,
    /// Sentence index in the document.
    pub sentence: u32,
    /// The sentence text.
    pub text: String,
    /// Byte offset of the sentence start in the document body as read.
    pub start: u32,
    /// Byte offset of the sentence end in the document body as read.
    pub end: u32,
    /// Publication date of the document (ISO), when known.
    pub published: Option<String>,
}

/// An event record, as stored and printed (`docs/schema.md`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    /// Stable id (`ev-` followed by hex digits); empty before the store assigns it.
    pub id: String,
    /// PLOVER event type.
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// CONSULT mode, or null.
    pub mode: Option<Mode>,
    /// A finer word: summit, state visit, talks, meeting, call, agreement…
    pub kind: String,
    /// Closest CAMEO code.
    pub cameo: String,
    /// occurred, ongoing, planned, speculated, cancelled, denied.
    pub status: EventStatus,
    /// Who took part.
    pub participants: Vec<Participant>,
    /// Sorted ISO alpha-3 codes of the states involved.
    pub countries: Vec<String>,
    /// Codes of organisations involved.
    pub orgs: Vec<String>,
    /// The event's own date, or null when the text gives none.
    pub date: Option<EventDate>,
    /// Where, or null.
    pub location: Option<Location>,
    /// The sentences that report it.
    pub sources: Vec<EventSource>,
    /// Confidence, 0..1.
    pub confidence: f32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_round_trip_through_strings() {
        for t in EventType::ALL {
            assert_eq!(t.as_str().parse::<EventType>(), Ok(*t));
            let json = serde_json::to_string(t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.as_str()));
        }
        for m in Mode::ALL {
            assert_eq!(m.as_str().parse::<Mode>(), Ok(*m));
            assert_eq!(
                serde_json::to_string(m).unwrap(),
                format!("\"{}\"", m.as_str())
            );
        }
        for s in EventStatus::ALL {
            assert_eq!(s.as_str().parse::<EventStatus>(), Ok(*s));
            assert_eq!(
                serde_json::to_string(s).unwrap(),
                format!("\"{}\"", s.as_str())
            );
        }
        let err = "MEET".parse::<EventType>().unwrap_err();
        assert!(err.to_string().starts_with("unknown event type 'MEET'"));
    }
}

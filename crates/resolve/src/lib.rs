//! Cross-document event resolution: one record per real-world event.
//!
//! The extractor produces one [`entente_doc::EventRecord`] per event *per document*; a summit
//! reported by thirty articles is thirty records. This crate links every such record (a
//! [`Mention`]) to one resolved event ([`ResolvedEvent`]), which keeps every report with the
//! status and date as each document gave them, and derives the current status and best date.
//!
//! Data flow: mentions are sorted by (publication date, document key, event id) and fed one
//! at a time to a [`Resolver`]. For each mention the resolver looks up candidate events in an
//! index keyed by (type, pair of parties, and each party alone for reports that name only
//! one) holding ordered trees of dates, so the cost of a
//! new mention is logarithmic in the number of stored events. A candidate is compatible when
//! the type agrees (and the CONSULT mode: a phone call never matches a meeting), one party set
//! contains the other, the date intervals overlap (an absent date is compatible), the place
//! countries do not differ and it has no report from the same document. The best compatible
//! candidate (closest date) takes the mention; otherwise the mention starts a new event whose
//! id (`re-` + 16 hex digits) is a hash of its first report's event id. Because the order is
//! fixed by the mentions themselves, resolving a corpus gives the same events and ids whatever
//! order the documents were ingested in.
//!
//! A stored event must share the new mention's type and CONSULT mode (a call, a meeting in
//! person of a few parties, a multilateral summit: a bilateral meeting on the sidelines of a
//! summit is not the summit), one party set must contain the other (or, for two reports of
//! the same day, share two; a report naming one party of an event of several joins only when
//! both give a date or the same place), and the dates must overlap: against the event's
//! *span*, the pooled day-precise dates of its reports (a visit reported by its first and its
//! last day), or its best date when that is vaguer. A vague date is first cut by what the
//! report's status and publication date allow: "this year" in a plan published in September
//! means September to December, "in June" in a report of a past event published on the 10th
//! means the 1st to the 10th. An undated event is bounded by its reports: one reported held
//! happened on or before that report, one reported planned comes after. Statements (an
//! accusation, a demand, a refusal, praise, a threat, a protest) and denials are news: an
//! undated report of one means one made in the fortnight before publication, not a year
//! earlier. Places in different countries part events unless both reports give the same day
//! (a place is often where a plan was announced); the event's place is the one of its most
//! trusted report (held over planned, then the most precise date). Among compatible events
//! the closest date wins, then the same place, mode and party set; a report that the event
//! happened leans to an event reported held (or planned for a set day now over). Within one article the
//! reports that name a day are resolved first. A report "held" whose date lies after its
//! publication is read as a plan; a vaguely dated report of an event under way means the one
//! under way at publication. A meeting in a third country never joins an event placed in a
//! country of its parties. A dated report that matches nothing may be a plan that slipped:
//! the latest plan of the same parties, type and mode, never reported held, postponed or with
//! a vague window already over, ended at most half a year before, with no event held since,
//! takes it (a trip postponed in February and made in June is one event).
//!
//! [`summarise`] folds the reports into the current state ([`Summary`]): an occurred report
//! beats planned or speculated ones, a cancellation after a plan ends it until a later dated
//! occurred or planned report revives it; the most precise date wins (ties: the later report;
//! a slipped plan's date gives way to the date it was held or planned anew);
//! a planned event whose date ended more than [`GRACE_DAYS`] before the as-of date is flagged
//! overdue.
//!
//! [`incremental`]: because resolution is a fold in a fixed order and ties are broken by
//! creation order, new mentions that sort after everything resolved can be added to the
//! stored events in place (same ids), reading only the index pages (type, party pair, 32-day
//! period) they need ([`resolve_new`] over a [`ResolutionDb`]); an older article or a
//! replaced document makes it resolve everything again. [`MemoryStore`] is the reference
//! implementation and the test that daily ingest equals a single run.
//!
//! ```
//! use entente_doc::{EventStatus, EventType};
//! use entente_resolve::{resolve, Interval, Mention};
//! use chrono::NaiveDate;
//!
//! let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
//! let mut a = Mention::new("ev-1", "doc-a", EventType::Consult, &["PRK", "USA"]);
//! a.status = EventStatus::Planned;
//! a.published = d("2019-02-06");
//! a.date = Interval::new(d("2019-02-01").unwrap(), d("2019-02-28").unwrap(), "month");
//! let mut b = Mention::new("ev-2", "doc-b", EventType::Consult, &["PRK", "USA"]);
//! b.status = EventStatus::Occurred;
//! b.published = d("2019-02-28");
//! b.date = Interval::new(d("2019-02-27").unwrap(), d("2019-02-28").unwrap(), "day");
//! let events = resolve(vec![b, a], None);
//! assert_eq!(events.len(), 1);
//! assert_eq!(events[0].status, EventStatus::Occurred);
//! assert_eq!(events[0].date.as_ref().unwrap().precision, "day");
//! ```
#![deny(missing_docs)]

pub mod incremental;
mod resolver;
mod sqlite;
mod store;
mod summary;

pub use incremental::{
    resolve_increment, resolve_new, EventUpdate, MemoryStore, ResolutionDb, ResolutionStore,
};
pub use resolver::{resolve, resolve_clusters, Resolver};
pub use store::{event_date, resolve_store, resolve_store_full, resolve_stored, ResolveStats};
pub use summary::{next_status, summarise, ResolvedEvent, Summary, GRACE_DAYS};

use chrono::NaiveDate;
use entente_doc::{EventStatus, EventType, Mode};

/// Version of the matching and folding rules (and of the index keys events are filed under).
/// Events resolved under another version must be resolved again from scratch before new
/// reports are added in place: a store should keep the version it was resolved with and ask
/// for a rebuild when it differs. Version 2: dates cut by status and publication, statements
/// and denials looked up a fortnight back, undated events bounded by their reports, events
/// filed under each party, undated plans met within 120 days. Version 3: plans that slipped
/// (postponed, or a vague window over) take the same event held or planned anew later, a
/// meeting in a third country never joins one placed in a country of its parties, a report
/// that an event happened leans to an event held, and a cancellation of a vague window spans
/// from a fortnight before its publication.
pub const RULES_VERSION: u32 = 3;

/// A date interval with its precision.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Interval {
    /// First day.
    pub start: NaiveDate,
    /// Last day (inclusive).
    pub end: NaiveDate,
    /// `time`, `day`, `week`, `month`, `quarter`, `half`, `season`, `year`, `decade`.
    pub precision: String,
}

impl Interval {
    /// An interval; `None` when `end` is before `start`.
    pub fn new(start: NaiveDate, end: NaiveDate, precision: &str) -> Option<Interval> {
        (start <= end).then(|| Interval {
            start,
            end,
            precision: precision.to_string(),
        })
    }

    /// Rank of the precision: 0 for a day, larger for vaguer dates.
    pub fn rank(&self) -> u8 {
        precision_rank(&self.precision)
    }

    /// Whether the two intervals share at least one day.
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.start <= other.end && other.start <= self.end
    }
}

/// Rank of a date precision: 0 for a day, larger for vaguer ones.
pub fn precision_rank(p: &str) -> u8 {
    match p {
        // a time of day is as precise as a date can be
        "time" | "hour" | "minute" | "day" => 0,
        "week" => 1,
        "month" => 2,
        "quarter" => 3,
        "half" | "season" => 4,
        "year" => 5,
        "decade" => 6,
        _ => 7,
    }
}

/// One per-document event to resolve.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Per-document event id (`ev-…`).
    pub id: String,
    /// `events.seq` in the store (0 outside a store).
    pub seq: i64,
    /// Document key.
    pub doc: String,
    /// Index of the event in its document.
    pub doc_idx: i64,
    /// Publisher.
    pub source: Option<String>,
    /// Publication date of the document.
    pub published: Option<NaiveDate>,
    /// PLOVER type.
    pub event_type: EventType,
    /// CONSULT mode.
    pub mode: Option<Mode>,
    /// Finer kind.
    pub kind: String,
    /// Status as reported.
    pub status: EventStatus,
    /// Sorted states involved, or organisation codes when no state is.
    pub parties: Vec<String>,
    /// Date as reported.
    pub date: Option<Interval>,
    /// Place name.
    pub location: Option<String>,
    /// Place country.
    pub location_country: Option<String>,
    /// Confidence.
    pub confidence: f32,
}

impl Mention {
    /// A mention with the given id, document, type and parties; everything else empty
    /// (status `occurred`, confidence 1).
    pub fn new(id: &str, doc: &str, event_type: EventType, parties: &[&str]) -> Mention {
        let mut parties: Vec<String> = parties.iter().map(|s| s.to_string()).collect();
        parties.sort();
        parties.dedup();
        Mention {
            id: id.to_string(),
            seq: 0,
            doc: doc.to_string(),
            doc_idx: 0,
            source: None,
            published: None,
            event_type,
            mode: None,
            kind: String::new(),
            status: EventStatus::Occurred,
            parties,
            date: None,
            location: None,
            location_country: None,
            confidence: 1.0,
        }
    }

    /// A mention from an extracted record of a document (published date and publisher given
    /// separately, as a record only carries its sources' dates).
    pub fn from_record(
        rec: &entente_doc::EventRecord,
        doc: &str,
        doc_idx: usize,
        published: Option<NaiveDate>,
        source: Option<String>,
    ) -> Mention {
        let date = rec
            .date
            .as_ref()
            .and_then(|d| Interval::new(d.start.parse().ok()?, d.end.parse().ok()?, &d.precision));
        Mention {
            id: rec.id.clone(),
            seq: 0,
            doc: doc.to_string(),
            doc_idx: doc_idx as i64,
            source,
            published,
            event_type: rec.event_type,
            mode: rec.mode,
            kind: rec.kind.clone(),
            status: rec.status,
            parties: parties_of(&rec.countries, &rec.orgs),
            date,
            location: rec.location.as_ref().map(|l| l.name.clone()),
            location_country: rec.location.as_ref().and_then(|l| l.country.clone()),
            confidence: rec.confidence,
        }
    }

    /// The status the resolver trusts: a report that the event happened (or is under way)
    /// while its own date lies after the publication date contradicts itself, and is read as
    /// a plan.
    pub fn effective_status(&self) -> EventStatus {
        match (self.status, &self.date, self.published) {
            (EventStatus::Occurred | EventStatus::Ongoing, Some(d), Some(p)) if d.start > p => {
                EventStatus::Planned
            }
            (s, _, _) => s,
        }
    }

    /// The order mentions are resolved in: publication date (undated documents last),
    /// document key, then, within a document, the more precise dates first (a report that
    /// names the day claims its event before a vague or undated one of the same article
    /// picks among the rest), index in the document, event id.
    pub fn order_key(&self) -> (NaiveDate, &str, u8, i64, &str) {
        (
            self.published.unwrap_or(NaiveDate::MAX),
            &self.doc,
            self.date.as_ref().map_or(u8::MAX, Interval::rank),
            self.doc_idx,
            &self.id,
        )
    }
}

/// The parties of an event: its sorted states, or its organisations when no state is known.
pub fn parties_of(countries: &[String], orgs: &[String]) -> Vec<String> {
    let src = if countries.is_empty() {
        orgs
    } else {
        countries
    };
    let mut v: Vec<String> = src.iter().map(|c| c.to_ascii_uppercase()).collect();
    v.sort();
    v.dedup();
    v
}

/// The id of a resolved event whose earliest report has the event id `first`.
pub fn resolved_id(first: &str) -> String {
    format!("re-{:016x}", xxhash_rust::xxh3::xxh3_64(first.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_ranks_order_vagueness() {
        let cases = [
            ("time", 0),
            ("day", 0),
            ("week", 1),
            ("month", 2),
            ("year", 5),
            ("x", 7),
        ];
        for (p, r) in cases {
            assert_eq!(precision_rank(p), r, "{p}");
        }
    }

    #[test]
    fn parties_prefer_states() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let cases = [
            (s(&["USA", "PRK"]), s(&["UN"]), s(&["PRK", "USA"])),
            (s(&[]), s(&["UNSC"]), s(&["UNSC"])),
            (s(&[]), s(&[]), s(&[])),
        ];
        for (c, o, want) in cases {
            assert_eq!(parties_of(&c, &o), want);
        }
    }

    #[test]
    fn held_before_its_date_reads_as_planned() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        // (reported status, published, date start, effective status)
        let cases = [
            (
                EventStatus::Occurred,
                "2018-05-10",
                "2018-06-12",
                EventStatus::Planned,
            ),
            (
                EventStatus::Ongoing,
                "2018-05-10",
                "2018-06-12",
                EventStatus::Planned,
            ),
            (
                EventStatus::Occurred,
                "2018-06-12",
                "2018-06-12",
                EventStatus::Occurred,
            ),
            (
                EventStatus::Occurred,
                "2018-06-13",
                "2018-06-12",
                EventStatus::Occurred,
            ),
            (
                EventStatus::Cancelled,
                "2018-05-10",
                "2018-06-12",
                EventStatus::Cancelled,
            ),
        ];
        for (status, published, start, want) in cases {
            let mut m = Mention::new("ev-1", "d1", EventType::Consult, &["PRK", "USA"]);
            m.status = status;
            m.published = d(published);
            m.date = d(start).and_then(|s| Interval::new(s, s, "day"));
            assert_eq!(m.effective_status(), want, "{status:?} {published} {start}");
        }
    }

    #[test]
    fn resolved_ids_are_stable() {
        assert_eq!(resolved_id("ev-1"), resolved_id("ev-1"));
        assert_ne!(resolved_id("ev-1"), resolved_id("ev-2"));
        assert_eq!(resolved_id("ev-1").len(), 19);
    }
}

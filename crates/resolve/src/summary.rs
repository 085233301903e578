//! The current state of a resolved event from its reports: status, best date, provenance.

use crate::{resolved_id, Interval, Mention};
use chrono::NaiveDate;
use entente_doc::{EventStatus, EventType, Mode};
use std::collections::BTreeSet;

/// A planned event whose date ended more than this many days before the as-of date, with no
/// report that it happened, is flagged overdue.
pub const GRACE_DAYS: i64 = 7;

/// A real-world event with every report of it.
#[derive(Clone, Debug, PartialEq)]
pub struct ResolvedEvent {
    /// `re-` and 16 hex digits: a hash of the first report's event id.
    pub id: String,
    /// PLOVER type.
    pub event_type: EventType,
    /// CONSULT mode (the first report that gives one).
    pub mode: Option<Mode>,
    /// Finer kind (the first report's).
    pub kind: String,
    /// Union of the reports' parties, sorted.
    pub parties: Vec<String>,
    /// Current status from every report in order.
    pub status: EventStatus,
    /// Planned, its date over by more than [`GRACE_DAYS`] at the as-of date, never reported held.
    pub overdue: bool,
    /// Best date: the most precise one (ties: the later report).
    pub date: Option<Interval>,
    /// Place name (the first report that gives one).
    pub location: Option<String>,
    /// Place country.
    pub location_country: Option<String>,
    /// Highest confidence of a report.
    pub confidence: f32,
    /// Distinct reporting documents.
    pub documents: usize,
    /// Distinct publishers.
    pub sources: usize,
    /// Earliest publication date of a report.
    pub first_reported: Option<NaiveDate>,
    /// Latest publication date of a report.
    pub last_reported: Option<NaiveDate>,
    /// Every report, in resolution order.
    pub reports: Vec<Mention>,
}

/// The status after a report of `next` when the event stood at `cur`.
pub fn next_status(cur: Option<EventStatus>, next: EventStatus) -> EventStatus {
    use EventStatus::*;
    match (cur, next) {
        (None, s) => s,
        (Some(Occurred), _) | (_, Occurred) => Occurred,
        (Some(Ongoing), _) | (_, Ongoing) => Ongoing,
        // a plan revives a cancelled event and firms up a speculation
        (_, Planned) => Planned,
        (Some(c @ (Planned | Cancelled)), Speculated) => c,
        (Some(Speculated | Denied), Speculated) => Speculated,
        (_, Cancelled) => Cancelled,
        (Some(Speculated), Denied) => Denied,
        (Some(c), Denied) => c,
    }
}

/// Summarises reports (in resolution order) into a resolved event as of `as_of`.
pub fn summarise(reports: Vec<Mention>, as_of: Option<NaiveDate>) -> ResolvedEvent {
    let mut status: Option<EventStatus> = None;
    let mut best: Option<(u8, bool, &Interval)> = None;
    let mut parties: BTreeSet<&str> = BTreeSet::new();
    let mut docs: BTreeSet<&str> = BTreeSet::new();
    let mut sources: BTreeSet<&str> = BTreeSet::new();
    let mut confidence = 0.0f32;
    for r in &reports {
        let reported = r.effective_status();
        status = Some(next_status(status, reported));
        if let Some(d) = &r.date {
            let occ = matches!(reported, EventStatus::Occurred | EventStatus::Ongoing);
            let rank = d.rank();
            let better =
                best.is_none_or(|(br, bocc, _)| rank < br || (rank == br && (occ || !bocc)));
            if better {
                best = Some((rank, occ, d));
            }
        }
        parties.extend(r.parties.iter().map(String::as_str));
        docs.insert(&r.doc);
        if let Some(s) = &r.source {
            sources.insert(s);
        }
        confidence = confidence.max(r.confidence);
    }
    let date = best.map(|(_, _, d)| d.clone());
    let last = reports.iter().filter_map(|r| r.published).max();
    let status = match status.unwrap_or(EventStatus::Speculated) {
        // an event reported as under way is over once its date has passed
        EventStatus::Ongoing if matches!((&date, as_of.max(last)), (Some(d), Some(now)) if d.end < now) => {
            EventStatus::Occurred
        }
        s => s,
    };
    let overdue = status == EventStatus::Planned
        && matches!((&date, as_of), (Some(d), Some(a)) if (a - d.end).num_days() > GRACE_DAYS);
    let first = reports.first();
    let published: Vec<NaiveDate> = reports.iter().filter_map(|r| r.published).collect();
    ResolvedEvent {
        id: first.map_or_else(|| resolved_id(""), |m| resolved_id(&m.id)),
        event_type: first.map_or(EventType::Consult, |m| m.event_type),
        mode: reports.iter().find_map(|r| r.mode),
        kind: first.map(|m| m.kind.clone()).unwrap_or_default(),
        parties: parties.into_iter().map(str::to_string).collect(),
        status,
        overdue,
        date,
        location: reports.iter().find_map(|r| r.location.clone()),
        location_country: reports.iter().find_map(|r| r.location_country.clone()),
        confidence,
        documents: docs.len(),
        sources: sources.len(),
        first_reported: published.iter().min().copied(),
        last_reported: published.iter().max().copied(),
        reports,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EventStatus::*;

    #[test]
    fn status_follows_the_reports() {
        let cases: &[(&[EventStatus], EventStatus)] = &[
            (&[Planned, Occurred], Occurred),
            (&[Occurred, Planned], Occurred),
            (&[Speculated, Planned], Planned),
            (&[Planned, Cancelled], Cancelled),
            (&[Planned, Cancelled, Planned], Planned),
            (&[Planned, Cancelled, Occurred], Occurred),
            (&[Planned, Cancelled, Speculated], Cancelled),
            (&[Planned, Speculated], Planned),
            (&[Speculated, Denied], Denied),
            (&[Occurred, Cancelled], Occurred),
        ];
        for (seq, want) in cases {
            let mut s = None;
            for x in *seq {
                s = Some(next_status(s, *x));
            }
            assert_eq!(s, Some(*want), "{seq:?}");
        }
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn rep(
        doc: &str,
        published: &str,
        status: EventStatus,
        date: Option<(&str, &str, &str)>,
    ) -> Mention {
        let mut m = Mention::new(
            &format!("ev-{doc}"),
            doc,
            EventType::Consult,
            &["PRK", "USA"],
        );
        m.published = Some(d(published));
        m.status = status;
        m.source = Some(format!("src-{}", &doc[..1]));
        m.date = date.and_then(|(s, e, p)| Interval::new(d(s), d(e), p));
        m
    }

    #[test]
    fn ongoing_is_over_once_its_date_has_passed() {
        let cases = [
            ("2019-02-27", None, Ongoing),
            ("2019-02-27", Some("2019-03-01"), Occurred),
            ("2019-02-28", None, Occurred),
        ];
        for (published, as_of, want) in cases {
            let r = rep(
                "a1",
                published,
                Ongoing,
                Some(("2019-02-27", "2019-02-27", "day")),
            );
            let e = summarise(vec![r], as_of.map(d));
            assert_eq!(e.status, want, "{published} {as_of:?}");
        }
    }

    #[test]
    fn dates_provenance_and_overdue() {
        let reports = vec![
            rep(
                "a1",
                "2019-01-10",
                Planned,
                Some(("2019-02-01", "2019-02-28", "month")),
            ),
            rep(
                "a2",
                "2019-02-08",
                Planned,
                Some(("2019-02-27", "2019-02-28", "day")),
            ),
            rep(
                "b1",
                "2019-02-20",
                Planned,
                Some(("2019-01-01", "2019-12-31", "year")),
            ),
        ];
        let cases = [
            (Some(d("2019-03-01")), false),
            (Some(d("2019-03-08")), true),
            (None, false),
        ];
        for (as_of, overdue) in cases {
            let e = summarise(reports.clone(), as_of);
            assert_eq!(e.status, Planned);
            assert_eq!(e.overdue, overdue, "{as_of:?}");
            let date = e.date.unwrap();
            assert_eq!((date.start, date.end), (d("2019-02-27"), d("2019-02-28")));
            assert_eq!((e.documents, e.sources), (3, 2));
            assert_eq!(e.first_reported, Some(d("2019-01-10")));
            assert_eq!(e.last_reported, Some(d("2019-02-20")));
            assert_eq!(e.id, resolved_id("ev-a1"));
        }
    }
}

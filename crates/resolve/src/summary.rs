//! The current state of a resolved event from its reports: status, best date, provenance.

use crate::resolver::{day, REPORT_LAG_DAYS};
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

/// The status of an event at `cur` after the report `r` (its effective status folded in by
/// [`next_status`]); an undated report is too weak to revive a cancelled event (it is more
/// often a reference to another meeting of the same parties).
pub(crate) fn fold_status(cur: Option<EventStatus>, r: &Mention) -> Option<EventStatus> {
    let reported = r.effective_status();
    let revives = matches!(
        reported,
        EventStatus::Occurred | EventStatus::Ongoing | EventStatus::Planned
    );
    if cur == Some(EventStatus::Cancelled) && r.date.is_none() && revives {
        cur
    } else {
        Some(next_status(cur, reported))
    }
}

/// Whether a report's date `new` replaces the event's best date `best`, each given as
/// (precision rank, whether a report that the event happened gave it, first day, last day in
/// days from CE). The more precise date wins; at equal precision the later report, unless
/// only the earlier one said the event had happened. But a date wholly after a best date that
/// only plans gave means the plan slipped: a report that the event happened then replaces it
/// whatever its precision, and so does a new plan once the old one was postponed (`cancelled`:
/// the event stands cancelled) or its date is over at the new report's publication
/// (`published`, days from CE, less the lag of a report).
pub(crate) fn supersedes(
    best: (u8, bool, i32, i32),
    new: (u8, bool, i32, i32),
    published: Option<i32>,
    cancelled: bool,
) -> bool {
    let (br, bocc, _, be) = best;
    let (nr, nocc, ns, _) = new;
    if !bocc
        && ns > be
        && (nocc || cancelled || published.is_some_and(|p| p + REPORT_LAG_DAYS >= be))
    {
        return true;
    }
    nr < br || (nr == br && (nocc || !bocc))
}

/// How much a report's place is trusted, lower first: (0 when it says the event happened or is
/// under way, otherwise 1; the precision rank of its date, 255 when undated).
pub fn location_key(status: EventStatus, date: Option<&Interval>) -> (u8, u8) {
    let held = matches!(status, EventStatus::Occurred | EventStatus::Ongoing);
    (u8::from(!held), date.map_or(u8::MAX, Interval::rank))
}

/// The running summary of an event's reports: a left fold, so an event stored after
/// yesterday's ingest takes today's reports without reading yesterday's again.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    /// Event id of the first report.
    pub first: String,
    /// PLOVER type of the first report.
    pub event_type: Option<EventType>,
    /// First mode reported.
    pub mode: Option<Mode>,
    /// Kind of the first report.
    pub kind: String,
    /// Status after the reports so far ([`next_status`]).
    pub status: Option<EventStatus>,
    /// Status after the reports that do not say the event happened or is under way.
    #[serde(default)]
    pub plan_status: Option<EventStatus>,
    /// Latest publication of a dated report counted as saying it happened or is under way.
    #[serde(default)]
    pub held_published: Option<NaiveDate>,
    /// The same for undated reports.
    #[serde(default)]
    pub held_undated_published: Option<NaiveDate>,
    /// Earliest publication of an undated report that the event happened or is under way.
    #[serde(default)]
    pub held_undated_first: Option<NaiveDate>,
    /// Latest publication of an undated report of a plan or a speculation.
    #[serde(default)]
    pub planned_undated_last: Option<NaiveDate>,
    /// Best date so far, its precision rank and whether an occurred report gave it.
    pub date: Option<(u8, bool, Interval)>,
    /// Union of the parties.
    pub parties: BTreeSet<String>,
    /// First place reported, and its country.
    pub location: Option<String>,
    /// Country of the place (see [`location_key`]).
    pub location_country: Option<String>,
    /// How much the report that gave the place's country is trusted ([`location_key`]).
    #[serde(default)]
    pub location_key: Option<(u8, u8)>,
    /// Highest confidence.
    pub confidence: f32,
    /// Reports folded in.
    pub reports: usize,
    /// Distinct reporting documents (two reports of one event never share a document, but
    /// a repeated key is not counted twice in a row).
    pub documents: usize,
    /// Document of the last report.
    pub last_doc: String,
    /// Distinct publishers.
    pub sources: BTreeSet<String>,
    /// Earliest and latest publication dates.
    pub first_reported: Option<NaiveDate>,
    /// Latest publication date.
    pub last_reported: Option<NaiveDate>,
}

impl Summary {
    /// Folds in the next report (reports come in resolution order).
    pub fn push(&mut self, r: &Mention) {
        if self.reports == 0 {
            self.first = r.id.clone();
            self.event_type = Some(r.event_type);
            self.kind = r.kind.clone();
        }
        self.reports += 1;
        let reported = r.effective_status();
        if r.date.is_none() {
            match reported {
                EventStatus::Occurred | EventStatus::Ongoing => {
                    self.held_undated_first = match (self.held_undated_first, r.published) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, b) => a.or(b),
                    };
                }
                EventStatus::Planned | EventStatus::Speculated => {
                    self.planned_undated_last = self.planned_undated_last.max(r.published);
                }
                _ => {}
            }
        }
        // an undated report is too weak to revive a cancelled event (it is more often a
        // reference to another meeting of the same parties)
        let revives = matches!(
            reported,
            EventStatus::Occurred | EventStatus::Ongoing | EventStatus::Planned
        );
        let cancelled = self.status == Some(EventStatus::Cancelled);
        if !(cancelled && r.date.is_none() && revives) {
            self.status = fold_status(self.status, r);
            if matches!(reported, EventStatus::Occurred | EventStatus::Ongoing) {
                if r.date.is_some() {
                    self.held_published = self.held_published.max(r.published);
                } else {
                    self.held_undated_published = self.held_undated_published.max(r.published);
                }
            }
        }
        let held = matches!(reported, EventStatus::Occurred | EventStatus::Ongoing);
        let blocked =
            self.plan_status == Some(EventStatus::Cancelled) && r.date.is_none() && revives;
        if !(held || blocked) {
            self.plan_status = Some(next_status(self.plan_status, reported));
        }
        if let Some(d) = &r.date {
            let occ = matches!(reported, EventStatus::Occurred | EventStatus::Ongoing);
            let rank = d.rank();
            let better = self.date.as_ref().is_none_or(|(br, bocc, bd)| {
                supersedes(
                    (*br, *bocc, day(bd.start), day(bd.end)),
                    (rank, occ, day(d.start), day(d.end)),
                    r.published.map(day),
                    cancelled,
                )
            });
            if better {
                self.date = Some((rank, occ, d.clone()));
            }
        }
        self.mode = self.mode.or(r.mode);
        // the place of the most trusted report: one that the event happened over a plan (a
        // plan is often placed where it was announced), a precise date over a vague one
        if r.location_country.is_some() {
            let key = location_key(reported, r.date.as_ref());
            if self.location_country.is_none() || self.location_key.is_some_and(|k| key < k) {
                self.location_key = Some(key);
                self.location_country.clone_from(&r.location_country);
                self.location.clone_from(&r.location);
            }
        } else if self.location.is_none() {
            self.location.clone_from(&r.location);
        }
        for p in &r.parties {
            if !self.parties.contains(p) {
                self.parties.insert(p.clone());
            }
        }
        if self.documents == 0 || self.last_doc != r.doc {
            self.documents += 1;
            self.last_doc.clone_from(&r.doc);
        }
        if let Some(s) = &r.source {
            if !self.sources.contains(s) {
                self.sources.insert(s.clone());
            }
        }
        self.confidence = self.confidence.max(r.confidence);
        if let Some(p) = r.published {
            self.first_reported = Some(self.first_reported.map_or(p, |f| f.min(p)));
            self.last_reported = Some(self.last_reported.map_or(p, |l| l.max(p)));
        }
    }

    /// The event as of `as_of` (overdue flags need it), with `reports` attached.
    pub fn finish(&self, as_of: Option<NaiveDate>, reports: Vec<Mention>) -> ResolvedEvent {
        let date = self.date.as_ref().map(|(_, _, d)| d.clone());
        // "held" reports all published before the event's best date began were wrong (an
        // undated "it happened" that meant an earlier meeting): the plans decide. An undated
        // one counts for a date vaguer than a month ("early next year") only once it is over.
        let early = match (&self.date, self.held_published, self.held_undated_published) {
            (Some((rank, _, d)), dated, undated) => {
                let undated_ok =
                    undated.is_some_and(|p| if *rank >= 3 { p > d.end } else { p >= d.start });
                !undated_ok && dated.is_none_or(|p| p < d.start)
            }
            _ => false,
        };
        let status = match self.status {
            Some(EventStatus::Occurred | EventStatus::Ongoing) if early => {
                self.plan_status.unwrap_or(EventStatus::Planned)
            }
            s => s.unwrap_or(EventStatus::Speculated),
        };
        let status = match status {
            // an event reported as under way is over once its date has passed
            EventStatus::Ongoing if matches!((&date, as_of.max(self.last_reported)), (Some(d), Some(now)) if d.end < now) => {
                EventStatus::Occurred
            }
            s => s,
        };
        let overdue = status == EventStatus::Planned
            && matches!((&date, as_of), (Some(d), Some(a)) if (a - d.end).num_days() > GRACE_DAYS);
        ResolvedEvent {
            id: resolved_id(&self.first),
            event_type: self.event_type.unwrap_or(EventType::Consult),
            mode: self.mode,
            kind: self.kind.clone(),
            parties: self.parties.iter().cloned().collect(),
            status,
            overdue,
            date,
            location: self.location.clone(),
            location_country: self.location_country.clone(),
            confidence: self.confidence,
            documents: self.documents,
            sources: self.sources.len(),
            first_reported: self.first_reported,
            last_reported: self.last_reported,
            reports,
        }
    }
}

/// Summarises reports (in resolution order) into a resolved event as of `as_of`.
pub fn summarise(reports: Vec<Mention>, as_of: Option<NaiveDate>) -> ResolvedEvent {
    let mut s = Summary::default();
    for r in &reports {
        s.push(r);
    }
    s.finish(as_of, reports)
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

    #[test]
    fn held_before_the_event_began_does_not_count() {
        // an undated "held" published on 2019-01-10, then the date is set to 2019-02-27
        let reports = vec![
            rep(
                "a1",
                "2018-12-30",
                Speculated,
                Some(("2019-01-01", "2019-03-31", "quarter")),
            ),
            rep("a2", "2019-01-10", Occurred, None),
            rep(
                "b1",
                "2019-02-06",
                Planned,
                Some(("2019-02-27", "2019-02-28", "day")),
            ),
        ];
        let e = summarise(reports.clone(), None);
        assert_eq!(e.status, Planned);
        // nor, for a vague date, while that date is not over
        let vague = vec![
            rep(
                "a1",
                "2018-12-30",
                Speculated,
                Some(("2019-01-01", "2019-03-31", "quarter")),
            ),
            rep("a2", "2019-01-10", Occurred, None),
        ];
        assert_eq!(summarise(vague.clone(), None).status, Speculated);
        let mut later = vague;
        later.push(rep("c1", "2019-04-02", Occurred, None));
        assert_eq!(summarise(later, None).status, Occurred);
        // once reported held after it began, it is
        let mut more = reports;
        more.push(rep("c1", "2019-02-28", Occurred, None));
        assert_eq!(summarise(more, None).status, Occurred);
    }

    #[test]
    fn only_a_dated_report_revives_a_cancelled_event() {
        let day = Some(("2018-06-12", "2018-06-12", "day"));
        // (later report's status, its date, final status)
        let cases = [
            (Occurred, day, Occurred),
            (Planned, day, Planned),
            (Occurred, None, Cancelled),
            (Planned, None, Cancelled),
            (Speculated, day, Cancelled),
        ];
        for (status, date, want) in cases {
            let reports = vec![
                rep("a1", "2018-05-10", Planned, day),
                rep("a2", "2018-05-24", Cancelled, None),
                rep("b1", "2018-06-13", status, date),
            ];
            assert_eq!(summarise(reports, None).status, want, "{status:?} {date:?}");
        }
    }

    #[test]
    fn a_slipped_plan_gives_way() {
        // (best: rank, occurred, start, end; new: the same; published; cancelled; replaces)
        type Case = (
            (u8, bool, i32, i32),
            (u8, bool, i32, i32),
            Option<i32>,
            bool,
            bool,
        );
        let cases: &[Case] = &[
            // the usual order: precision, then the later report unless only the earlier held
            ((2, false, 0, 30), (0, false, 10, 10), Some(5), false, true),
            ((0, false, 10, 10), (2, false, 0, 30), Some(5), false, false),
            (
                (0, true, 10, 10),
                (0, false, 10, 10),
                Some(20),
                false,
                false,
            ),
            ((0, false, 10, 10), (0, true, 10, 10), Some(20), false, true),
            // held after a plan's window: the held date, whatever its precision
            (
                (0, false, 10, 10),
                (2, true, 100, 130),
                Some(140),
                false,
                true,
            ),
            // not after a held date
            (
                (0, true, 10, 10),
                (2, true, 100, 130),
                Some(140),
                false,
                false,
            ),
            // planned anew after a postponement, or once the old window is over
            (
                (0, false, 10, 10),
                (2, false, 100, 130),
                Some(8),
                true,
                true,
            ),
            (
                (0, false, 10, 10),
                (2, false, 100, 130),
                Some(20),
                false,
                true,
            ),
            // planned anew while the old window is still ahead: the precise one stays
            (
                (0, false, 10, 10),
                (2, false, 100, 130),
                Some(5),
                false,
                false,
            ),
        ];
        for (best, new, published, cancelled, want) in cases {
            assert_eq!(
                supersedes(*best, *new, *published, *cancelled),
                *want,
                "{best:?} {new:?} {published:?} {cancelled}"
            );
        }
    }

    #[test]
    fn a_postponed_event_held_later_takes_the_new_date() {
        let reports = vec![
            rep(
                "a1",
                "2023-02-01",
                Planned,
                Some(("2023-02-05", "2023-02-06", "day")),
            ),
            rep(
                "a2",
                "2023-02-04",
                Cancelled,
                Some(("2023-02-05", "2023-02-06", "day")),
            ),
            rep(
                "b1",
                "2023-06-25",
                Occurred,
                Some(("2023-06-01", "2023-06-30", "month")),
            ),
        ];
        let e = summarise(reports, None);
        assert_eq!(e.status, Occurred);
        let date = e.date.unwrap();
        assert_eq!((date.start, date.end), (d("2023-06-01"), d("2023-06-30")));
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

    #[test]
    fn the_place_is_the_most_trusted_reports() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        type Place<'a> = (
            EventStatus,
            Option<(&'a str, &'a str, &'a str)>,
            &'a str,
            &'a str,
        );
        // (reports: status, date, place, country; expected place)
        let cases: Vec<(Vec<Place<'_>>, &str)> = vec![
            (
                vec![
                    (
                        Planned,
                        Some(("2019-02-01", "2019-02-28", "month")),
                        "Pyongyang",
                        "PRK",
                    ),
                    (
                        Occurred,
                        Some(("2019-02-27", "2019-02-28", "day")),
                        "Hanoi",
                        "VNM",
                    ),
                ],
                "Hanoi",
            ),
            (
                vec![
                    (
                        Occurred,
                        Some(("2019-02-27", "2019-02-28", "day")),
                        "Hanoi",
                        "VNM",
                    ),
                    (
                        Occurred,
                        Some(("2019-02-01", "2019-02-28", "month")),
                        "Seoul",
                        "KOR",
                    ),
                ],
                "Hanoi",
            ),
            (
                vec![
                    (Planned, None, "Singapore", "SGP"),
                    (
                        Planned,
                        Some(("2018-06-12", "2018-06-12", "day")),
                        "Sentosa",
                        "SGP",
                    ),
                ],
                "Sentosa",
            ),
            // ties: the first report
            (
                vec![
                    (
                        Occurred,
                        Some(("2018-06-12", "2018-06-12", "day")),
                        "Sentosa",
                        "SGP",
                    ),
                    (
                        Occurred,
                        Some(("2018-06-12", "2018-06-12", "day")),
                        "Washington",
                        "USA",
                    ),
                ],
                "Sentosa",
            ),
        ];
        for (reports, want) in cases {
            let reports: Vec<Mention> = reports
                .iter()
                .enumerate()
                .map(|(i, (status, date, place, country))| {
                    let mut m = Mention::new(
                        &format!("ev-{i}"),
                        &format!("d{i}"),
                        EventType::Consult,
                        &["PRK", "USA"],
                    );
                    m.status = *status;
                    m.published = d("2019-03-01");
                    m.date = date.and_then(|(s, e, p)| Interval::new(d(s)?, d(e)?, p));
                    m.location = Some(place.to_string());
                    m.location_country = Some(country.to_string());
                    m
                })
                .collect();
            let e = summarise(reports, None);
            assert_eq!(e.location.as_deref(), Some(want), "{want}");
        }
    }
}

//! The incremental resolver: an index of resolved events by (type, party pair) and date.
//!
//! Every tree entry carries the event's *stable* number (the hash behind its `re-` id), and
//! ties are broken by it, so a resolver that starts from events stored by an earlier ingest
//! (paged in by [`crate::incremental`]) decides exactly as one that resolved everything in
//! one run.

use crate::incremental::{ClusterState, Page, StoredEvent};
use crate::summary::{fold_status, location_key, summarise, supersedes, ResolvedEvent, Summary};
use crate::{precision_rank, Mention};
use chrono::{Datelike, NaiveDate};
use entente_doc::{EventStatus, EventType, Mode};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Parties beyond this many are not used to build index keys (a 20-state summit would
/// otherwise be filed under 190 pairs).
const MAX_KEY_PARTIES: usize = 6;
/// At most this many index entries are examined per tier and key for one mention.
const SCAN_CAP: usize = 512;
/// An undated mention reported as having happened looks this far back for its event.
const LOOK_BACK_DAYS: i32 = 730;
/// An undated mention of a plan looks this far ahead for its event: a plan that names no date
/// ("the two sides agreed to meet again", "accepted an invitation to visit") is met within a
/// few months or is re-announced with a date; the next meeting of the same parties half a year
/// later is more often another one.
const LOOK_AHEAD_DAYS: i32 = 120;
/// An undated plan still finds an event whose date ended this many days before publication.
const PLAN_GRACE_DAYS: i32 = 7;
/// Dates of this precision rank or vaguer (a month, a season, a year) say little about which
/// event a report means.
const VAGUE_RANK: u8 = 2;
/// An undated event is found by mentions published at most this long after its first report.
const UNDATED_WINDOW_DAYS: i32 = 180;
/// Dated intervals longer than this many days are kept in the "vague" tree of a bucket.
const PRECISE_DAYS: i32 = 31;
/// The day-precise dates of an event's reports are pooled into one span of at most this many
/// days (a three-day visit reported by its first, second and last day is one event).
const HULL_DAYS: i32 = 14;
/// A plan that slipped: a report of the same parties, type and mode dated at most this many
/// days after the date of a postponed plan is that plan when nothing else of theirs came
/// between (a trip postponed in February and made in June). Half a year: a meeting later than
/// that is more often a new one.
const SLIP_DAYS: i32 = 180;
/// The same for a plan whose vague window ("within two to three weeks", "this year") went by
/// with no report: silence ties the later meeting to it less long than a postponement does
/// (talks agreed for July and held in October), a quarter.
const LAPSE_DAYS: i32 = 90;
/// What a report that an event happened adds to the score of a candidate reported held (less
/// than a better overlap of dates counts).
const HELD_BONUS: f64 = 0.2;

pub(crate) fn day(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

/// An undated report that a statement (an accusation, a demand, a refusal, praise, a threat, a
/// protest) was made means one made this many days before publication at most: statements
/// are reported as news, while a meeting or a pact is recalled for years.
const STATEMENT_LOOK_BACK_DAYS: i32 = 14;
/// A report of a plan published on a day speaks of that day or later (less this many days for
/// the time a report takes), and one of a past event of that day or earlier.
pub(crate) const REPORT_LAG_DAYS: i32 = 2;

/// The kind of meeting a CONSULT mode names: a visit, its hosting and a meeting in a third
/// country are all meetings in person of a few parties (reports often tell them apart
/// loosely); a multilateral summit and a call are each another kind (a bilateral meeting on
/// the sidelines of a summit is not the summit).
fn mode_class(m: Mode) -> u8 {
    match m {
        Mode::Visit | Mode::Host | Mode::ThirdParty => 0,
        Mode::Multilateral => 2,
        Mode::Phone => 3,
    }
}

/// Whether events of this type are statements, made on the day they are reported.
fn is_statement(t: EventType) -> bool {
    matches!(
        t,
        EventType::Support
            | EventType::Request
            | EventType::Accuse
            | EventType::Reject
            | EventType::Threaten
            | EventType::Protest
    )
}

/// How far back an undated report that an event happened looks for it: not far for a
/// statement, nor for a denial (it denies a recent claim).
fn look_back(m: &Mention) -> i32 {
    if is_statement(m.event_type) || m.effective_status() == EventStatus::Denied {
        STATEMENT_LOOK_BACK_DAYS
    } else {
        LOOK_BACK_DAYS
    }
}

/// The days a mention can mean, for matching: its date, less the days its status and
/// publication date rule out when the date is vaguer than a day ("this year" in a report of a
/// plan published in September means September to December; "in June" in a report that it
/// happened published on the 10th means the 1st to the 10th; a plan called off "this year",
/// reported in December, was not due before mid-December).
pub(crate) fn match_date(m: &Mention) -> Option<(i32, i32)> {
    let d = m.date.as_ref()?;
    let (s, e) = (day(d.start), day(d.end));
    let Some(p) = m.published.map(day).filter(|_| d.rank() > 0) else {
        return Some((s, e));
    };
    match m.effective_status() {
        EventStatus::Planned | EventStatus::Speculated if s < p - REPORT_LAG_DAYS && e >= p => {
            Some((p - REPORT_LAG_DAYS, e))
        }
        // a cancellation is news: it was announced at most a fortnight before publication, of
        // a plan not yet due then
        EventStatus::Cancelled if s < p - STATEMENT_LOOK_BACK_DAYS && e >= p => {
            Some((p - STATEMENT_LOOK_BACK_DAYS, e))
        }
        EventStatus::Occurred if e > p && s <= p => Some((s, p)),
        _ => Some((s, e)),
    }
}

/// The name standing for "any party" in the index keys that file an event under each of its
/// parties (it sorts before every party code, as page keys are in name order).
const MEMBER: &str = "*";

/// Days per page of the index (see [`Page`]).
pub const PAGE_DAYS: i32 = 32;

/// The page period of a day.
fn period_of(d: i32) -> i32 {
    d.div_euclid(PAGE_DAYS)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Key {
    ty: u8,
    a: u32,
    b: u32,
}

/// A tree entry: (day, creation order, index in `clusters`).
type Entry = (i32, u64, u32);

#[derive(Default)]
struct Bucket {
    precise: BTreeSet<Entry>,
    max_precise: i32,
    vague: BTreeSet<Entry>,
    max_vague: i32,
    undated: BTreeSet<Entry>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    Precise(i32),
    Vague(i32),
    Undated(i32),
}

struct Cluster {
    /// Creation order, the same whether the event was created in this run or paged in: its
    /// first report's publication day, then the hash behind its `re-` id (ties between candidates go to
    /// the event created first, as in a single run).
    order: u64,
    mode: Option<Mode>,
    parties: Vec<u32>,
    /// Best date so far (days from CE), its precision rank and whether an occurred report gave it.
    date: Option<(i32, i32)>,
    date_rank: u8,
    date_occurred: bool,
    /// Span of the day-precise dates reported (at most [`HULL_DAYS`] long).
    hull: Option<(i32, i32)>,
    /// The interval a new report must meet: the hull when the best date is day-precise,
    /// otherwise the best date. Events are filed in the index by it.
    span: Option<(i32, i32)>,
    location: Option<u32>,
    /// How much the report that gave `location` is trusted ([`location_key`]).
    loc_key: (u8, u8),
    /// Publication day of the first report (the key of an undated event).
    anchor: i32,
    /// Earliest publication day of an undated report that the event happened: an undated
    /// event happened on that day or before.
    held_by: Option<i32>,
    /// Latest publication day of an undated report of a plan or a speculation: an undated
    /// event is for that day or after.
    planned_from: Option<i32>,
    slot: Slot,
    keys: Vec<Key>,
    /// Reports added to this resolver (a stored event paged in has none yet).
    mentions: Vec<u32>,
    /// The summary of the reports stored before (paged-in events only).
    prior: Option<Box<Summary>>,
    /// Status after the reports so far (as the summary folds it).
    status: Option<EventStatus>,
}

/// Links mentions, fed in [`Mention::order_key`] order, to resolved events.
#[derive(Default)]
pub struct Resolver {
    mentions: Vec<Mention>,
    clusters: Vec<Cluster>,
    buckets: HashMap<Key, Bucket>,
    names: HashMap<String, u32>,
    name_of: Vec<String>,
    /// Stored events paged in, by stable number.
    known: HashMap<u64, u32>,
    /// Pages already read from the store.
    loaded: HashSet<Page>,
}

impl std::fmt::Debug for Resolver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Resolver")
            .field("mentions", &self.mentions.len())
            .field("events", &self.clusters.len())
            .finish()
    }
}

/// Whether every party of `a` is in `b` (party lists are short).
fn is_subset(a: &[u32], b: &[u32]) -> bool {
    a.iter().all(|x| b.contains(x))
}

fn forward_looking(s: EventStatus) -> bool {
    matches!(
        s,
        EventStatus::Planned | EventStatus::Speculated | EventStatus::Cancelled
    )
}

fn slot_of(date: Option<(i32, i32)>, anchor: i32) -> Slot {
    match date {
        Some((s, e)) if e - s <= PRECISE_DAYS => Slot::Precise(s),
        Some((s, _)) => Slot::Vague(s),
        None => Slot::Undated(anchor),
    }
}

/// The stable number of an event whose first report has the event id `first`.
pub(crate) fn stable_of(first: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(first.as_bytes())
}

/// The creation order of an event from its first report's publication date and stable number.
fn order_of(published: Option<NaiveDate>, stable: u64) -> u64 {
    let day = published.map_or(u32::MAX, |p| day(p) as u32);
    (u64::from(day) << 32) | (stable & 0xffff_ffff)
}

impl Bucket {
    fn insert(&mut self, slot: Slot, e: (u64, u32), len: i32) {
        match slot {
            Slot::Precise(s) => {
                self.precise.insert((s, e.0, e.1));
                self.max_precise = self.max_precise.max(len);
            }
            Slot::Vague(s) => {
                self.vague.insert((s, e.0, e.1));
                self.max_vague = self.max_vague.max(len);
            }
            Slot::Undated(a) => {
                self.undated.insert((a, e.0, e.1));
            }
        }
    }

    fn remove(&mut self, slot: Slot, e: (u64, u32)) {
        match slot {
            Slot::Precise(s) => self.precise.remove(&(s, e.0, e.1)),
            Slot::Vague(s) => self.vague.remove(&(s, e.0, e.1)),
            Slot::Undated(a) => self.undated.remove(&(a, e.0, e.1)),
        };
    }
}

/// The windows of days a mention's candidate search reads: (dated events overlapping these
/// days, undated events anchored on these days).
fn windows(m: &Mention, date: Option<(i32, i32)>) -> Option<((i32, i32), (i32, i32))> {
    let published = m.published.map(day);
    match date {
        Some((s, e)) => {
            let hi = published.unwrap_or(e).max(e);
            Some(((s, e), (s - LOOK_AHEAD_DAYS, hi)))
        }
        None => {
            let p = published?;
            if forward_looking(m.effective_status()) {
                Some((
                    (p - PLAN_GRACE_DAYS, p + LOOK_AHEAD_DAYS),
                    (p - LOOK_AHEAD_DAYS.min(UNDATED_WINDOW_DAYS), p),
                ))
            } else {
                let back = look_back(m);
                Some(((p - back, p + 1), (p - back.min(UNDATED_WINDOW_DAYS), p)))
            }
        }
    }
}

impl Resolver {
    /// An empty resolver.
    pub fn new() -> Resolver {
        Resolver::default()
    }

    /// Number of resolved events so far.
    pub fn len(&self) -> usize {
        self.clusters.len()
    }

    /// Whether no mention was added yet.
    pub fn is_empty(&self) -> bool {
        self.clusters.is_empty()
    }

    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.names.get(s) {
            return i;
        }
        let i = self.name_of.len() as u32;
        self.names.insert(s.to_string(), i);
        self.name_of.push(s.to_string());
        i
    }

    /// The ids of parties, in name order (party lists are kept in name order, so the index
    /// keys do not depend on the order names were first seen).
    fn party_ids(&mut self, parties: &[String]) -> Vec<u32> {
        let mut ids: Vec<u32> = if parties.is_sorted() {
            parties.iter().map(|p| self.intern(p)).collect()
        } else {
            let mut sorted: Vec<&String> = parties.iter().collect();
            sorted.sort();
            sorted.into_iter().map(|p| self.intern(p)).collect()
        };
        ids.dedup();
        ids
    }

    /// Index keys of a party set (in name order): every pair of its first parties and each of
    /// them as a member (for reports that name one party only), or the single party.
    fn pair_keys(&mut self, ty: u8, parties: &[u32]) -> Vec<Key> {
        let p = &parties[..parties.len().min(MAX_KEY_PARTIES)];
        if p.len() == 1 {
            return vec![Key {
                ty,
                a: p[0],
                b: p[0],
            }];
        }
        let star = self.intern(MEMBER);
        let mut keys = Vec::with_capacity(p.len() * (p.len() + 1) / 2);
        keys.extend(p.iter().map(|&b| Key { ty, a: star, b }));
        for i in 0..p.len() {
            for j in i + 1..p.len() {
                keys.push(Key {
                    ty,
                    a: p[i],
                    b: p[j],
                });
            }
        }
        keys
    }

    /// Keys searched for a mention: its pairs, and each party alone (single-party events);
    /// for a mention of one party, also the events it is a member of.
    fn search_keys(&self, ty: u8, pids: &[u32]) -> Vec<Key> {
        let p = &pids[..pids.len().min(MAX_KEY_PARTIES)];
        let mut keys = Vec::with_capacity(p.len() * (p.len() + 1) / 2);
        for i in 0..p.len() {
            keys.push(Key {
                ty,
                a: p[i],
                b: p[i],
            });
            for j in i + 1..p.len() {
                keys.push(Key {
                    ty,
                    a: p[i],
                    b: p[j],
                });
            }
        }
        if let ([one], Some(&star)) = (p, self.names.get(MEMBER)) {
            keys.push(Key {
                ty,
                a: star,
                b: *one,
            });
        }
        keys
    }

    /// The pages a mention's candidate search reads (for [`Resolver::adopt`] beforehand).
    pub(crate) fn pages_for(&mut self, m: &Mention) -> Vec<Page> {
        let pids = self.party_ids(&m.parties);
        self.intern(MEMBER);
        let date = match_date(m);
        let Some(((ds, de), (us, ue))) = windows(m, date) else {
            return Vec::new();
        };
        if pids.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        if date.is_some() && !is_statement(m.event_type) {
            // the plans that may have slipped to this date
            for k in slip_keys(m.event_type as u8, &pids) {
                for y in period_of(ds - SLIP_DAYS)..=period_of(ds) {
                    out.push(page_of(&self.name_of, &k, false, y));
                }
            }
        }
        for k in self.search_keys(m.event_type as u8, &pids) {
            for y in period_of(ds)..=period_of(de) {
                out.push(page_of(&self.name_of, &k, false, y));
            }
            for y in period_of(us)..=period_of(ue) {
                out.push(page_of(&self.name_of, &k, true, y));
            }
        }
        out.retain(|p| !self.loaded.contains(p));
        out.sort();
        out.dedup();
        out
    }

    /// Takes in events stored by an earlier run, read from `page` (events already known are
    /// skipped: the copy in memory is newer).
    pub(crate) fn adopt(&mut self, page: Page, events: Vec<StoredEvent>) {
        self.loaded.insert(page);
        for ev in events {
            let stable = stable_of(&ev.summary.first);
            if self.known.contains_key(&stable) {
                continue;
            }
            let order = order_of(ev.summary.first_reported, stable);
            let st = &ev.state;
            let parties = self.party_ids(&st.parties);
            let location = st.location_country.as_deref().map(|c| self.intern(c));
            let ty = st.event_type as u8;
            // the keys it was filed under (a grown party set keeps its first keys too); a page
            // names its pair in name order, as `pair_keys` builds them
            let mut keys: Vec<Key> = Vec::new();
            for p in &ev.pages {
                let k = Key {
                    ty,
                    a: self.intern(&p.a),
                    b: self.intern(&p.b),
                };
                if !keys.contains(&k) {
                    keys.push(k);
                }
            }
            let slot = slot_of(st.span, st.anchor);
            let id = self.clusters.len() as u32;
            let len = st.span.map_or(0, |(s, e)| e - s);
            for k in &keys {
                self.buckets
                    .entry(*k)
                    .or_default()
                    .insert(slot, (order, id), len);
            }
            self.known.insert(stable, id);
            self.clusters.push(Cluster {
                order,
                mode: st.mode,
                parties,
                date: st.date,
                date_rank: st.date_rank,
                date_occurred: st.date_occurred,
                hull: st.hull,
                span: st.span,
                location,
                loc_key: ev.summary.location_key.unwrap_or((0, 0)),
                anchor: st.anchor,
                held_by: ev.summary.held_undated_first.map(day),
                planned_from: ev.summary.planned_undated_last.map(day),
                slot,
                keys,
                mentions: Vec::new(),
                status: ev.summary.status,
                prior: Some(Box::new(ev.summary)),
            });
        }
    }

    fn compatible(
        &self,
        c: &Cluster,
        m: &Mention,
        pids: &[u32],
        date: Option<(i32, i32)>,
        rank: u8,
        loc: Option<u32>,
    ) -> bool {
        if let (Some(a), Some(b)) = (c.mode, m.mode) {
            if mode_class(a) != mode_class(b) {
                return false;
            }
        }
        if let (Some((cs, ce)), Some((s, e))) = (c.span, date) {
            if cs > e || s > ce {
                return false;
            }
        }
        // an undated event reported as held happened before its report (a statement, just
        // before), and one reported as planned comes after
        if let (None, Some((s, e))) = (c.span, date) {
            if let Some(h) = c.held_by {
                if s > h + 1 || (is_statement(m.event_type) && e < h - STATEMENT_LOOK_BACK_DAYS) {
                    return false;
                }
            }
            if c.planned_from.is_some_and(|p| e < p - PLAN_GRACE_DAYS) {
                return false;
            }
        }
        // a vague date says little: an event reported under way is the one under way at
        // publication
        if let (Some((cs, ce)), Some(p), EventStatus::Ongoing) =
            (c.span, m.published, m.effective_status())
        {
            let p = day(p);
            if rank >= VAGUE_RANK && (ce < p - PLAN_GRACE_DAYS || cs > p + PLAN_GRACE_DAYS) {
                return false;
            }
        }
        // places in different countries tell events apart, unless both reports give the same
        // day (a place is often where a plan was announced, not where it was held)
        if let (Some(a), Some(b)) = (c.location, loc) {
            let same_day = rank == 0 && c.date_rank == 0 && date.is_some();
            if a != b && !same_day {
                return false;
            }
        }
        // a meeting in a third country is not one held in a country of its parties (unless
        // both reports give the same day, as for places)
        let in_party = |mode: Option<Mode>, place: Option<u32>, parties: &[u32]| {
            mode == Some(Mode::ThirdParty) && place.is_some_and(|p| parties.contains(&p))
        };
        let same_day = rank == 0 && c.date_rank == 0 && date.is_some();
        if !same_day && (in_party(m.mode, c.location, pids) || in_party(c.mode, loc, &c.parties)) {
            return false;
        }
        // two events of one article are distinct: the extractor already merged the repeats
        // it could tell apart
        let last_doc = match (c.mentions.last(), &c.prior) {
            (Some(&last), _) => Some(self.mentions[last as usize].doc.as_str()),
            (None, Some(prior)) => Some(prior.last_doc.as_str()),
            (None, None) => None,
        };
        if last_doc == Some(m.doc.as_str()) {
            return false;
        }
        // a report naming one party of an event of several ("Japan hosted the summit") says
        // little: it joins when both give a date, or the same place
        if pids.len() == 1
            && c.parties.len() > 1
            && !(date.is_some() && c.span.is_some())
            && !(loc.is_some() && loc == c.location)
        {
            return false;
        }
        // one party set contains the other ("Putin met Xi" and "the China-Russia summit");
        // two reports of the same day may each add a party the other lacks (a host country,
        // a mediator) when they share two
        is_subset(pids, &c.parties)
            || is_subset(&c.parties, pids)
            || (rank == 0
                && c.date_rank == 0
                && date.is_some()
                && pids.iter().filter(|p| c.parties.contains(p)).count() >= 2)
    }

    /// Scores a compatible candidate for a mention (higher is better).
    fn score(
        c: &Cluster,
        m: &Mention,
        pids: &[u32],
        date: Option<(i32, i32)>,
        published: Option<i32>,
        loc: Option<u32>,
    ) -> f64 {
        let mut score = match (c.span, date) {
            (Some((cs, ce)), Some((s, e))) => {
                let inter = f64::from((ce.min(e) - cs.max(s) + 1).max(0));
                let shorter = f64::from((ce - cs).min(e - s) + 1);
                let union = f64::from(ce.max(e) - cs.min(s) + 1);
                1.0 + inter / shorter + 0.1 * inter / union
            }
            (None, Some(_)) => 0.5,
            (Some((cs, ce)), None) => {
                let p = published.unwrap_or(cs);
                let dist = if forward_looking(m.effective_status()) {
                    (cs - p).max(0)
                } else {
                    (p - ce).max(0)
                };
                0.9 - f64::from(dist) / 5000.0
            }
            (None, None) => {
                0.6 - f64::from(published.unwrap_or(c.anchor) - c.anchor).abs() / 5000.0
            }
        };
        if c.location.is_some() && c.location == loc {
            score += 0.05;
        }
        // a report that an event happened means one that happened rather than a plan of the
        // same window ("they met in 2019": the December summit, not the autumn one planned);
        // a plan for a set day that is over counts as held (it is met that day, or postponed)
        let held_report = matches!(
            m.effective_status(),
            EventStatus::Occurred | EventStatus::Ongoing
        );
        let held_event = match c.status {
            Some(EventStatus::Occurred | EventStatus::Ongoing) => true,
            Some(EventStatus::Planned) => {
                c.date_rank == 0 && matches!((c.span, published), (Some((_, e)), Some(p)) if e < p)
            }
            _ => false,
        };
        if held_report && held_event {
            score += HELD_BONUS;
        }
        if c.mode.is_some() && c.mode == m.mode {
            score += 0.02;
        }
        // the event whose parties are the mention's (a bilateral meeting on the sidelines of
        // a summit of four is not the summit)
        let shared = pids.iter().filter(|p| c.parties.contains(p)).count();
        let union = c.parties.len() + pids.len() - shared;
        if union > 0 {
            score += 0.15 * shared as f64 / union as f64;
        }
        score
    }

    fn best_candidate(
        &self,
        m: &Mention,
        pids: &[u32],
        date: Option<(i32, i32)>,
        rank: u8,
        loc: Option<u32>,
    ) -> Option<u32> {
        let ty = m.event_type as u8;
        let keys = self.search_keys(ty, pids);
        let published = m.published.map(day);
        let ((ds, de), (us, ue)) = windows(m, date)?;
        let mut best: Option<(f64, u64, u32)> = None;
        let consider = |id: u32, best: &mut Option<(f64, u64, u32)>| -> bool {
            let c = &self.clusters[id as usize];
            if !self.compatible(c, m, pids, date, rank, loc) {
                return false;
            }
            let s = Self::score(c, m, pids, date, published, loc);
            if best.is_none_or(|(bs, bo, _)| s > bs || (s == bs && c.order < bo)) {
                *best = Some((s, c.order, id));
            }
            true
        };
        // only events whose span meets the window count (and count against the cap), so a
        // resolver holding just the pages of the window decides the same
        let ends = |id: u32| self.clusters[id as usize].span.map_or(i32::MIN, |d| d.1);
        for key in &keys {
            let Some(b) = self.buckets.get(key) else {
                continue;
            };
            for (set, max) in [(&b.precise, b.max_precise), (&b.vague, b.max_vague)] {
                let range = (ds - max, 0, 0)..=(de, u64::MAX, u32::MAX);
                match date {
                    Some(_) => {
                        for &(_, _, id) in
                            set.range(range).filter(|e| ends(e.2) >= ds).take(SCAN_CAP)
                        {
                            consider(id, &mut best);
                        }
                    }
                    None if forward_looking(m.effective_status()) => {
                        // the nearest event not yet over
                        for &(_, _, id) in
                            set.range(range).filter(|e| ends(e.2) >= ds).take(SCAN_CAP)
                        {
                            if consider(id, &mut best) {
                                break;
                            }
                        }
                    }
                    None => {
                        // the latest event already begun
                        for &(_, _, id) in set
                            .range(..=(de, u64::MAX, u32::MAX))
                            .rev()
                            .take_while(|e| ends(e.2).saturating_add(max) >= ds)
                            .filter(|e| ends(e.2) >= ds)
                            .take(SCAN_CAP)
                        {
                            if consider(id, &mut best) {
                                break;
                            }
                        }
                    }
                }
            }
            let undated = b
                .undated
                .range((us, 0, 0)..=(ue, u64::MAX, u32::MAX))
                .rev()
                .take(SCAN_CAP);
            for &(_, _, id) in undated {
                if consider(id, &mut best) && date.is_none() {
                    break;
                }
            }
        }
        best.map(|(_, _, id)| id)
    }

    /// The plan that slipped to a mention's date, if any. Among the events of the mention's
    /// type and kind of meeting whose parties agree with it (one set contains the other) and
    /// whose span began before the mention's date and ended at most [`SLIP_DAYS`] before it,
    /// the latest one never reported held, of the mention's mode where both give one, is the
    /// plan that may have slipped. It did when it was postponed, or its window (vaguer than a
    /// day) was over when the mention was published and ended at most [`LAPSE_DAYS`] before
    /// the mention's date; it ended before the mention's date; its
    /// place country is the mention's where both give one; it has no report from the
    /// mention's document; and no event reported held began after it (the plan was met, or
    /// overtaken, by that one). A later plan of the same kind overtakes an earlier one (a trip
    /// called off in August and another planned for November: a visit in February is not the
    /// August one). Statements do not slip.
    fn slipped_plan(
        &self,
        m: &Mention,
        pids: &[u32],
        date: Option<(i32, i32)>,
        loc: Option<u32>,
    ) -> Option<u32> {
        let (ds, _) = date?;
        if is_statement(m.event_type) || pids.is_empty() {
            return None;
        }
        let lo = ds - SLIP_DAYS;
        let published = m.published.map(day);
        let same_kind = |c: &Cluster| match (c.mode, m.mode) {
            (Some(a), Some(b)) => mode_class(a) == mode_class(b),
            _ => true,
        };
        let parties_agree =
            |c: &Cluster| is_subset(pids, &c.parties) || is_subset(&c.parties, pids);
        let same_mode = |c: &Cluster| match (c.mode, m.mode) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        let candidate = |c: &Cluster| -> bool {
            let Some((_, ce)) = c.span else {
                return false;
            };
            // a plan for a set day is met on that day or postponed; one of a vaguer window
            // ("within weeks", "this year") is not kept to so strictly, once it is over
            let over = if c.status == Some(EventStatus::Cancelled) {
                ce >= lo
            } else {
                c.date_rank > 0
                    && ce >= ds - LAPSE_DAYS
                    && published.is_some_and(|p| p + REPORT_LAG_DAYS >= ce)
            };
            let same_place = match (c.location, loc) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            };
            let last_doc = match (c.mentions.last(), &c.prior) {
                (Some(&last), _) => Some(self.mentions[last as usize].doc.as_str()),
                (None, Some(prior)) => Some(prior.last_doc.as_str()),
                (None, None) => None,
            };
            ce < ds && over && same_place && last_doc != Some(m.doc.as_str())
        };
        // only events whose span meets the window count (and count against the cap), so a
        // resolver holding just the window's pages decides the same
        let mut plan: Option<(i32, u64, u32)> = None;
        let mut last_held: Option<i32> = None;
        for key in slip_keys(m.event_type as u8, pids) {
            let Some(b) = self.buckets.get(&key) else {
                continue;
            };
            for (set, max) in [(&b.precise, b.max_precise), (&b.vague, b.max_vague)] {
                let events = set
                    .range((lo - max, 0, 0)..(ds, 0, 0))
                    .rev()
                    .filter(|e| {
                        let c = &self.clusters[e.2 as usize];
                        c.span.is_some_and(|(_, ce)| ce >= lo) && parties_agree(c) && same_kind(c)
                    })
                    .take(SCAN_CAP);
                for &(s, order, id) in events {
                    let c = &self.clusters[id as usize];
                    let plan_only = matches!(
                        c.status,
                        Some(
                            EventStatus::Planned | EventStatus::Speculated | EventStatus::Cancelled
                        )
                    );
                    if !plan_only {
                        last_held = last_held.max(Some(s));
                    } else if same_mode(c) && plan.is_none_or(|(ps, po, _)| (s, order) > (ps, po)) {
                        plan = Some((s, order, id));
                    }
                }
            }
        }
        let (ps, _, id) = plan?;
        (candidate(&self.clusters[id as usize]) && last_held.is_none_or(|h| h <= ps)).then_some(id)
    }

    /// Adds one mention (mentions must come in [`Mention::order_key`] order for the result to
    /// be independent of ingest order); returns the index of its resolved event.
    pub fn add(&mut self, m: Mention) -> usize {
        let pids = self.party_ids(&m.parties);
        let loc = m.location_country.as_deref().map(|c| self.intern(c));
        let date = match_date(&m);
        let rank = m
            .date
            .as_ref()
            .map_or(u8::MAX, |d| precision_rank(&d.precision));
        let occurred = matches!(
            m.effective_status(),
            EventStatus::Occurred | EventStatus::Ongoing
        );
        let found = if pids.is_empty() {
            None
        } else {
            self.best_candidate(&m, &pids, date, rank, loc)
        };
        // a plan that slipped takes the report of the event held (or planned anew) later
        let (found, slipped) = match found {
            Some(id) => (Some(id), false),
            None => match self.slipped_plan(&m, &pids, date, loc) {
                Some(id) => (Some(id), true),
                None => (None, false),
            },
        };
        let mi = self.mentions.len() as u32;
        let ty = m.event_type as u8;
        let undated_pub = m.published.filter(|_| date.is_none()).map(day);
        let loc_key = location_key(m.effective_status(), m.date.as_ref());
        let held_by = undated_pub.filter(|_| occurred);
        let planned_from = undated_pub.filter(|_| {
            matches!(
                m.effective_status(),
                EventStatus::Planned | EventStatus::Speculated
            )
        });
        let id = match found {
            None => {
                let id = self.clusters.len() as u32;
                let stable = stable_of(&m.id);
                let order = order_of(m.published, stable);
                let anchor = m.published.map(day).or(date.map(|d| d.0)).unwrap_or(0);
                let slot = slot_of(date, anchor);
                let keys = if pids.is_empty() {
                    Vec::new()
                } else {
                    self.pair_keys(ty, &pids)
                };
                let len = date.map_or(0, |(s, e)| e - s);
                for k in &keys {
                    self.buckets
                        .entry(*k)
                        .or_default()
                        .insert(slot, (order, id), len);
                }
                // (`known` only guards against paging in a stored event twice: an event
                // created here is in no stored page)
                self.clusters.push(Cluster {
                    order,
                    mode: m.mode,
                    parties: pids,
                    date,
                    date_rank: rank,
                    date_occurred: occurred && date.is_some(),
                    hull: date.filter(|_| rank == 0),
                    span: date,
                    location: loc,
                    loc_key,
                    anchor,
                    held_by,
                    planned_from,
                    slot,
                    keys,
                    mentions: vec![mi],
                    prior: None,
                    status: fold_status(None, &m),
                });
                id
            }
            Some(id) => {
                let grown = {
                    let c = &self.clusters[id as usize];
                    (!is_subset(&pids, &c.parties)).then(|| {
                        let mut u = c.parties.clone();
                        u.extend(pids.iter().filter(|p| !c.parties.contains(p)));
                        u.sort_by(|a, b| self.name_of[*a as usize].cmp(&self.name_of[*b as usize]));
                        u
                    })
                };
                let new_keys = grown.as_ref().map(|u| self.pair_keys(ty, u));
                let c = &mut self.clusters[id as usize];
                c.mentions.push(mi);
                c.held_by = match (c.held_by, held_by) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
                c.planned_from = c.planned_from.max(planned_from);
                c.mode = c.mode.or(m.mode);
                if loc.is_some() && (c.location.is_none() || loc_key < c.loc_key) {
                    c.location = loc;
                    c.loc_key = loc_key;
                }
                // a more precise date wins; at equal precision the later report, unless only
                // the earlier one said the event had happened; a slipped plan's date gives
                // way (as the summary decides)
                let cancelled = c.status == Some(EventStatus::Cancelled);
                let better = match (date, c.date) {
                    (None, _) => false,
                    (Some(_), None) => true,
                    (Some((s, e)), Some((bs, be))) => supersedes(
                        (c.date_rank, c.date_occurred, bs, be),
                        (rank, occurred, s, e),
                        m.published.map(day),
                        cancelled,
                    ),
                };
                c.status = fold_status(c.status, &m);
                let old_slot = c.slot;
                let old_keys = c.keys.clone();
                if slipped {
                    // the days pooled for the old plan say nothing of the new date
                    c.hull = None;
                }
                if rank == 0 {
                    if let Some((s, e)) = date {
                        c.hull = match c.hull {
                            None => Some((s, e)),
                            Some((hs, he)) if he.max(e) - hs.min(s) < HULL_DAYS => {
                                Some((hs.min(s), he.max(e)))
                            }
                            keep => keep,
                        };
                    }
                }
                if better {
                    c.date = date;
                    c.date_rank = rank;
                    c.date_occurred = occurred;
                }
                c.span = if c.date_rank == 0 {
                    c.hull.or(c.date)
                } else {
                    c.date
                };
                c.slot = slot_of(c.span, c.anchor);
                if let (Some(u), Some(nk)) = (grown, new_keys) {
                    c.parties = u;
                    for k in nk {
                        if !c.keys.contains(&k) {
                            c.keys.push(k);
                        }
                    }
                }
                let (slot, keys, order) = (c.slot, c.keys.clone(), c.order);
                let len = c.span.map_or(0, |(s, e)| e - s);
                if slot != old_slot {
                    for k in &old_keys {
                        if let Some(b) = self.buckets.get_mut(k) {
                            b.remove(old_slot, (order, id));
                        }
                    }
                }
                // new keys, a new slot, or a longer span under the same start
                for k in &keys {
                    self.buckets
                        .entry(*k)
                        .or_default()
                        .insert(slot, (order, id), len);
                }
                id
            }
        };
        self.mentions.push(m);
        id as usize
    }

    /// The events that took reports in this resolver, as they are to be stored: the summary
    /// of all their reports (stored before and new), the matching state, the pages they are
    /// filed under, and their new reports with the rank of the first one.
    pub(crate) fn into_updates(mut self) -> Vec<(StoredEvent, Vec<Mention>, usize)> {
        self.updates(false)
    }

    /// The same updates without giving the resolver up: it keeps every event, with the
    /// summary of the reports taken so far, and takes the next mentions (that sort after these)
    /// as if they had come in the same run (resolution batch by batch during an ingest).
    pub(crate) fn take_updates(&mut self) -> Vec<(StoredEvent, Vec<Mention>, usize)> {
        self.updates(true)
    }

    fn updates(&mut self, keep: bool) -> Vec<(StoredEvent, Vec<Mention>, usize)> {
        let mut slots: Vec<Option<Mention>> = std::mem::take(&mut self.mentions)
            .into_iter()
            .map(Some)
            .collect();
        let mut out = Vec::new();
        for (i, c) in self.clusters.iter_mut().enumerate() {
            if c.mentions.is_empty() {
                continue;
            }
            let new: Vec<Mention> = c
                .mentions
                .iter()
                .filter_map(|&i| slots[i as usize].take())
                .collect();
            let mut summary = c.prior.as_deref().cloned().unwrap_or_default();
            let first_pos = summary.reports;
            for r in &new {
                summary.push(r);
            }
            let name = |i: &u32| self.name_of[*i as usize].clone();
            let mut parties: Vec<String> = c.parties.iter().map(name).collect();
            parties.sort();
            let state = ClusterState {
                event_type: summary.event_type.unwrap_or(EventType::Consult),
                mode: c.mode,
                parties,
                date: c.date,
                date_rank: c.date_rank,
                date_occurred: c.date_occurred,
                hull: c.hull,
                span: c.span,
                location_country: c.location.as_ref().map(name),
                anchor: c.anchor,
            };
            let mut pages = Vec::new();
            for k in &c.keys {
                match c.span {
                    Some((s, e)) => {
                        for y in period_of(s)..=period_of(e) {
                            pages.push(page_of(&self.name_of, k, false, y));
                        }
                    }
                    None => pages.push(page_of(&self.name_of, k, true, period_of(c.anchor))),
                }
            }
            pages.sort();
            pages.dedup();
            if keep {
                // the event is stored now: a page read later holds it, and the copy here is
                // the one to keep
                self.known.insert(stable_of(&summary.first), i as u32);
                c.mentions.clear();
                c.prior = Some(Box::new(summary.clone()));
            }
            out.push((
                StoredEvent {
                    summary,
                    state,
                    pages,
                },
                new,
                first_pos,
            ));
        }
        out
    }

    /// The mentions of every resolved event, in the order they were added.
    pub fn into_clusters(self) -> Vec<Vec<Mention>> {
        let mut slots: Vec<Option<Mention>> = self.mentions.into_iter().map(Some).collect();
        self.clusters
            .iter()
            .map(|c| {
                c.mentions
                    .iter()
                    .filter_map(|&i| slots[i as usize].take())
                    .collect()
            })
            .collect()
    }
}

/// The index keys a slipped plan of these parties (in name order), or of some of them, is
/// found under: each pair of its first parties, or the single party.
fn slip_keys(ty: u8, pids: &[u32]) -> Vec<Key> {
    let p = &pids[..pids.len().min(MAX_KEY_PARTIES)];
    if let [a] = p {
        return vec![Key { ty, a: *a, b: *a }];
    }
    let mut keys = Vec::with_capacity(p.len() * (p.len() - 1) / 2);
    for i in 0..p.len() {
        for j in i + 1..p.len() {
            keys.push(Key {
                ty,
                a: p[i],
                b: p[j],
            });
        }
    }
    keys
}

fn page_of(names: &[String], k: &Key, undated: bool, period: i32) -> Page {
    let (a, b) = (&names[k.a as usize], &names[k.b as usize]);
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    Page {
        event_type: EventType::ALL
            .iter()
            .copied()
            .find(|t| *t as u8 == k.ty)
            .unwrap_or(EventType::Consult),
        a: a.clone(),
        b: b.clone(),
        undated,
        period,
    }
}

/// Groups mentions into resolved events (sorting them into resolution order first).
pub fn resolve_clusters(mut mentions: Vec<Mention>) -> Vec<Vec<Mention>> {
    mentions.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
    let mut r = Resolver::new();
    for m in mentions {
        r.add(m);
    }
    r.into_clusters()
}

/// Resolves mentions into events with their current status as of `as_of` (overdue flags need
/// it), sorted by date (undated last) then id.
pub fn resolve(mentions: Vec<Mention>, as_of: Option<NaiveDate>) -> Vec<ResolvedEvent> {
    let mut events: Vec<ResolvedEvent> = resolve_clusters(mentions)
        .into_iter()
        .map(|reports| summarise(reports, as_of))
        .collect();
    events.sort_by(|a, b| {
        let ka = (a.date.is_none(), a.date.as_ref().map(|d| d.start), &a.id);
        let kb = (b.date.is_none(), b.date.as_ref().map(|d| d.start), &b.id);
        ka.cmp(&kb)
    });
    events
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Interval;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// (id, doc, published, countries, status, date start, end, precision, mode, place country)
    type Row<'a> = (
        &'a str,
        &'a str,
        &'a str,
        &'a [&'a str],
        EventStatus,
        Option<(&'a str, &'a str, &'a str)>,
        Option<Mode>,
        Option<&'a str>,
    );

    fn mention(r: &Row<'_>) -> Mention {
        let (id, doc, published, parties, status, date, mode, place) = *r;
        let mut m = Mention::new(id, doc, EventType::Consult, parties);
        m.published = Some(d(published));
        m.status = status;
        m.date = date.and_then(|(s, e, p)| Interval::new(d(s), d(e), p));
        m.mode = mode;
        m.location_country = place.map(str::to_string);
        m
    }

    fn groups(rows: &[Row<'_>]) -> Vec<Vec<String>> {
        let mut g: Vec<Vec<String>> = resolve_clusters(rows.iter().map(mention).collect())
            .into_iter()
            .map(|c| {
                let mut ids: Vec<String> = c.into_iter().map(|m| m.id).collect();
                ids.sort();
                ids
            })
            .collect();
        g.sort();
        g
    }

    /// (what, mentions, expected groups of ids)
    type Case<'a> = (&'a str, Vec<Row<'a>>, Vec<Vec<&'a str>>);

    use EventStatus::{Cancelled, Occurred, Ongoing, Planned, Speculated};
    const KP_US: &[&str] = &["PRK", "USA"];
    const KR_KP: &[&str] = &["KOR", "PRK"];

    /// A generated corpus: few parties, dates over a year, a third undated or vague.
    fn generated(n: usize) -> Vec<Mention> {
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move |m: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % m
        };
        let states = ["CHN", "JPN", "KOR", "PRK", "RUS", "USA"];
        let statuses = [Occurred, Planned, Speculated, Cancelled];
        (0..n)
            .map(|i| {
                let a = states[next(6) as usize];
                let b = states[next(6) as usize];
                let day = d("2019-01-01") + chrono::Duration::days(next(365) as i64);
                let mut m = Mention::new(
                    &format!("ev-{i}"),
                    &format!("doc-{}", i / 2),
                    if next(4) == 0 {
                        EventType::Agree
                    } else {
                        EventType::Consult
                    },
                    &[a, b],
                );
                m.published = Some(day + chrono::Duration::days(next(30) as i64 - 15));
                m.status = statuses[next(4) as usize];
                m.date = match next(6) {
                    0 => None,
                    1 => Interval::new(day, day + chrono::Duration::days(29), "month"),
                    _ => Interval::new(day, day, "day"),
                };
                m
            })
            .collect()
    }

    #[test]
    fn shuffled_input_gives_the_same_events() {
        let mentions = generated(3000);
        let reference = resolve(mentions.clone(), Some(d("2019-06-01")));
        assert!(reference.len() > 100 && reference.len() < 3000);
        let mut shuffled = mentions.clone();
        let mut x: u64 = 17;
        for i in (1..shuffled.len()).rev() {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            shuffled.swap(i, (x >> 33) as usize % (i + 1));
        }
        assert_ne!(shuffled, mentions);
        assert_eq!(resolve(shuffled, Some(d("2019-06-01"))), reference);
    }

    #[test]
    fn places_part_events_but_not_reports_of_one_day() {
        // (type, date precision, expected number of events for reports placed in Seoul and
        // in Moscow)
        let cases = [
            (EventType::Consult, "month", 2),
            (EventType::Consult, "day", 1),
            (EventType::Accuse, "month", 2),
            (EventType::Accuse, "day", 1),
        ];
        for (ty, precision, want) in cases {
            let mentions: Vec<Mention> = [("a", "d1", "KOR"), ("b", "d2", "RUS")]
                .iter()
                .map(|(id, doc, place)| {
                    let mut m = Mention::new(id, doc, ty, &["KOR", "PRK", "RUS"]);
                    m.published = Some(d("2024-06-19"));
                    m.date = if precision == "day" {
                        Interval::new(d("2024-06-19"), d("2024-06-19"), "day")
                    } else {
                        Interval::new(d("2024-06-01"), d("2024-06-30"), "month")
                    };
                    m.location_country = Some(place.to_string());
                    m
                })
                .collect();
            assert_eq!(resolve_clusters(mentions).len(), want, "{ty:?} {precision}");
        }
    }

    #[test]
    fn same_and_distinct_events() {
        let cases: Vec<Case<'_>> = vec![
            (
                "month plan contains the exact date",
                vec![
                    (
                        "a",
                        "d1",
                        "2019-01-20",
                        KP_US,
                        Planned,
                        Some(("2019-02-01", "2019-02-28", "month")),
                        None,
                        None,
                    ),
                    (
                        "b",
                        "d2",
                        "2019-02-28",
                        KP_US,
                        Occurred,
                        Some(("2019-02-27", "2019-02-28", "day")),
                        None,
                        Some("VNM"),
                    ),
                ],
                vec![vec!["a", "b"]],
            ),
            (
                "Singapore and Hanoi stay apart",
                vec![
                    (
                        "a",
                        "d1",
                        "2018-06-12",
                        KP_US,
                        Occurred,
                        Some(("2018-06-12", "2018-06-12", "day")),
                        None,
                        Some("SGP"),
                    ),
                    (
                        "b",
                        "d2",
                        "2019-02-28",
                        KP_US,
                        Occurred,
                        Some(("2019-02-27", "2019-02-28", "day")),
                        None,
                        Some("VNM"),
                    ),
                ],
                vec![vec!["a"], vec!["b"]],
            ),
            (
                "three Moon-Kim meetings of 2018",
                vec![
                    (
                        "a",
                        "d1",
                        "2018-04-27",
                        KR_KP,
                        Occurred,
                        Some(("2018-04-27", "2018-04-27", "day")),
                        None,
                        None,
                    ),
                    (
                        "b",
                        "d2",
                        "2018-05-27",
                        KR_KP,
                        Occurred,
                        Some(("2018-05-26", "2018-05-26", "day")),
                        None,
                        None,
                    ),
                    (
                        "c",
                        "d3",
                        "2018-09-19",
                        KR_KP,
                        Occurred,
                        Some(("2018-09-18", "2018-09-20", "day")),
                        None,
                        None,
                    ),
                ],
                vec![vec!["a"], vec!["b"], vec!["c"]],
            ),
            (
                "a meeting on the sidelines of a summit is not the summit",
                vec![
                    (
                        "a",
                        "d1",
                        "2019-06-20",
                        &["CHN", "USA"],
                        Planned,
                        Some(("2019-06-24", "2019-06-30", "week")),
                        Some(Mode::ThirdParty),
                        Some("JPN"),
                    ),
                    (
                        "b",
                        "d2",
                        "2019-06-27",
                        &["CHN", "JPN", "USA"],
                        Planned,
                        Some(("2019-06-28", "2019-06-29", "day")),
                        Some(Mode::Multilateral),
                        Some("JPN"),
                    ),
                ],
                vec![vec!["a"], vec!["b"]],
            ),
            (
                "the place it was held in overrides the place of a plan",
                vec![
                    (
                        "a",
                        "d1",
                        "2019-01-10",
                        KP_US,
                        Planned,
                        Some(("2019-02-01", "2019-02-28", "month")),
                        None,
                        Some("PRK"),
                    ),
                    (
                        "b",
                        "d2",
                        "2019-02-06",
                        KP_US,
                        Planned,
                        Some(("2019-02-27", "2019-02-28", "day")),
                        None,
                        None,
                    ),
                    (
                        "c",
                        "d3",
                        "2019-02-28",
                        KP_US,
                        Occurred,
                        Some(("2019-02-27", "2019-02-28", "day")),
                        None,
                        Some("VNM"),
                    ),
                    (
                        "d",
                        "d4",
                        "2019-04-18",
                        KP_US,
                        Occurred,
                        Some(("2019-02-25", "2019-03-03", "week")),
                        None,
                        Some("VNM"),
                    ),
                ],
                vec![vec!["a", "b", "c", "d"]],
            ),
            (
                "a report naming one party joins a dated event of several",
                vec![
                    (
                        "a",
                        "d1",
                        "2019-07-02",
                        &["JPN", "KOR"],
                        Planned,
                        Some(("2019-07-04", "2019-07-04", "day")),
                        None,
                        None,
                    ),
                    (
                        "b",
                        "d2",
                        "2019-07-20",
                        &["JPN"],
                        Occurred,
                        Some(("2019-07-04", "2019-07-04", "day")),
                        None,
                        None,
                    ),
                    (
                        "c",
                        "d3",
                        "2019-07-21",
                        &["KOR"],
                        Occurred,
                        None,
                        None,
                        None,
                    ),
                ],
                vec![vec!["a", "b"], vec!["c"]],
            ),
            (
                "an undated plan is not met by a meeting five months later",
                vec![
                    (
                        "a",
                        "d1",
                        "2023-06-19",
                        &["CHN", "USA"],
                        Planned,
                        None,
                        None,
                        None,
                    ),
                    (
                        "b",
                        "d2",
                        "2023-11-16",
                        &["CHN", "USA"],
                        Occurred,
                        Some(("2023-11-15", "2023-11-15", "day")),
                        None,
                        None,
                    ),
                    (
                        "c",
                        "d3",
                        "2023-12-01",
                        &["CHN", "USA"],
                        Planned,
                        None,
                        None,
                        None,
                    ),
                    (
                        "d",
                        "d4",
                        "2024-01-10",
                        &["CHN", "USA"],
                        Occurred,
                        Some(("2024-01-09", "2024-01-09", "day")),
                        None,
                        None,
                    ),
                ],
                vec![vec!["a"], vec!["b"], vec!["c", "d"]],
            ),
            (
                "a call never matches a meeting",
                vec![
                    (
                        "a",
                        "d1",
                        "2018-05-01",
                        KP_US,
                        Occurred,
                        Some(("2018-05-01", "2018-05-01", "day")),
                        Some(Mode::Phone),
                        None,
                    ),
                    (
                        "b",
                        "d2",
                        "2018-05-02",
                        KP_US,
                        Occurred,
                        Some(("2018-05-01", "2018-05-01", "day")),
                        Some(Mode::ThirdParty),
                        None,
                    ),
                ],
                vec![vec!["a"], vec!["b"]],
            ),
            (
                "a subset of parties and an undated speculation join",
                vec![
                    ("a", "d1", "2018-03-28", KP_US, Speculated, None, None, None),
                    (
                        "b",
                        "d2",
                        "2018-05-10",
                        &["KOR", "PRK", "USA"],
                        Planned,
                        Some(("2018-06-12", "2018-06-12", "day")),
                        None,
                        None,
                    ),
                    (
                        "c",
                        "d3",
                        "2018-06-12",
                        KP_US,
                        Occurred,
                        Some(("2018-06-12", "2018-06-12", "day")),
                        None,
                        Some("SGP"),
                    ),
                ],
                vec![vec!["a", "b", "c"]],
            ),
            (
                "places in different countries conflict",
                vec![
                    (
                        "a",
                        "d1",
                        "2018-06-01",
                        KP_US,
                        Planned,
                        Some(("2018-06-01", "2018-06-30", "month")),
                        None,
                        Some("SGP"),
                    ),
                    (
                        "b",
                        "d2",
                        "2018-06-20",
                        KP_US,
                        Occurred,
                        Some(("2018-06-19", "2018-06-19", "day")),
                        None,
                        Some("VNM"),
                    ),
                ],
                vec![vec!["a"], vec!["b"]],
            ),
            (
                "two events of one document stay apart",
                vec![
                    ("a", "d1", "2018-06-01", KP_US, Occurred, None, None, None),
                    ("b", "d1", "2018-06-01", KP_US, Planned, None, None, None),
                ],
                vec![vec!["a"], vec!["b"]],
            ),
            (
                "an undated past reference joins the latest held event",
                vec![
                    (
                        "a",
                        "d1",
                        "2018-06-12",
                        KP_US,
                        Occurred,
                        Some(("2018-06-12", "2018-06-12", "day")),
                        None,
                        None,
                    ),
                    ("b", "d2", "2018-11-01", KP_US, Occurred, None, None, None),
                ],
                vec![vec!["a", "b"]],
            ),
            (
                "an undated plan does not join an event already held",
                vec![
                    (
                        "a",
                        "d1",
                        "2018-06-12",
                        KP_US,
                        Occurred,
                        Some(("2018-06-12", "2018-06-12", "day")),
                        None,
                        None,
                    ),
                    ("b", "d2", "2018-11-01", KP_US, Planned, None, None, None),
                ],
                vec![vec!["a"], vec!["b"]],
            ),
            (
                "a later report of the last day of a visit joins its first days",
                vec![
                    (
                        "a",
                        "d1",
                        "2023-09-05",
                        &["PRK", "RUS"],
                        Planned,
                        Some(("2023-09-10", "2023-09-13", "day")),
                        None,
                        None,
                    ),
                    (
                        "b",
                        "d2",
                        "2023-09-11",
                        &["PRK", "RUS"],
                        Occurred,
                        Some(("2023-09-11", "2023-09-11", "day")),
                        None,
                        None,
                    ),
                    (
                        "c",
                        "d3",
                        "2023-09-13",
                        &["PRK", "RUS"],
                        Occurred,
                        Some(("2023-09-13", "2023-09-13", "day")),
                        None,
                        None,
                    ),
                ],
                vec![vec!["a", "b", "c"]],
            ),
            (
                "meetings on consecutive days stay apart",
                vec![
                    (
                        "a",
                        "d1",
                        "2018-04-05",
                        &["CHN", "PRK"],
                        Occurred,
                        Some(("2018-04-04", "2018-04-04", "day")),
                        None,
                        None,
                    ),
                    (
                        "b",
                        "d2",
                        "2018-04-06",
                        &["CHN", "PRK"],
                        Occurred,
                        Some(("2018-04-05", "2018-04-05", "day")),
                        None,
                        None,
                    ),
                ],
                vec![vec!["a"], vec!["b"]],
            ),
            (
                "a report of a plan as held before its day counts as a plan",
                vec![
                    (
                        "a",
                        "d1",
                        "2018-06-12",
                        KP_US,
                        Occurred,
                        Some(("2018-06-12", "2018-06-12", "day")),
                        None,
                        None,
                    ),
                    // "occurred" on a date after publication: read as planned, so an undated
                    // plan published in between finds it
                    (
                        "b",
                        "d2",
                        "2018-09-01",
                        KP_US,
                        Occurred,
                        Some(("2018-10-07", "2018-10-07", "day")),
                        None,
                        None,
                    ),
                    ("c", "d3", "2018-09-20", KP_US, Planned, None, None, None),
                ],
                vec![vec!["a"], vec!["b", "c"]],
            ),
            (
                "within an article the dated report claims the event first",
                vec![
                    (
                        "p",
                        "d1",
                        "2018-09-06",
                        KR_KP,
                        Planned,
                        Some(("2018-09-18", "2018-09-20", "day")),
                        None,
                        None,
                    ),
                    ("a", "d2", "2018-09-19", KR_KP, Occurred, None, None, None),
                    (
                        "b",
                        "d2",
                        "2018-09-19",
                        KR_KP,
                        Ongoing,
                        Some(("2018-09-18", "2018-09-20", "day")),
                        None,
                        None,
                    ),
                ],
                vec![vec!["a"], vec!["b", "p"]],
            ),
            (
                "a vaguely dated visit under way is the one of the day",
                vec![
                    (
                        "a",
                        "d1",
                        "2018-03-28",
                        &["CHN", "PRK"],
                        Occurred,
                        Some(("2018-03-25", "2018-03-28", "day")),
                        None,
                        None,
                    ),
                    (
                        "b",
                        "d2",
                        "2018-06-19",
                        &["CHN", "PRK"],
                        Ongoing,
                        Some(("2018-01-01", "2018-12-31", "year")),
                        None,
                        None,
                    ),
                ],
                vec![vec!["a"], vec!["b"]],
            ),
            (
                "reports of one day may each add a party",
                vec![
                    (
                        "a",
                        "d1",
                        "2018-05-10",
                        &["PRK", "SGP", "USA"],
                        Planned,
                        Some(("2018-06-12", "2018-06-12", "day")),
                        None,
                        None,
                    ),
                    (
                        "b",
                        "d2",
                        "2018-06-19",
                        &["CHN", "PRK", "USA"],
                        Occurred,
                        Some(("2018-06-12", "2018-06-12", "day")),
                        None,
                        None,
                    ),
                    // a month is not enough
                    (
                        "c",
                        "d3",
                        "2018-06-20",
                        &["JPN", "PRK", "USA"],
                        Occurred,
                        Some(("2018-06-01", "2018-06-30", "month")),
                        None,
                        None,
                    ),
                ],
                vec![vec!["a", "b"], vec!["c"]],
            ),
            (
                "a plan for later this year is not an event of the year already held",
                vec![
                    (
                        "a",
                        "d1",
                        "2018-06-12",
                        KP_US,
                        Occurred,
                        Some(("2018-06-12", "2018-06-12", "day")),
                        None,
                        None,
                    ),
                    (
                        "b",
                        "d2",
                        "2018-09-06",
                        KP_US,
                        Speculated,
                        Some(("2018-01-01", "2018-12-31", "year")),
                        None,
                        None,
                    ),
                ],
                vec![vec!["a"], vec!["b"]],
            ),
            (
                "an event reported held is not a later dated one",
                vec![
                    ("a", "d1", "2018-08-24", KP_US, Occurred, None, None, None),
                    (
                        "b",
                        "d2",
                        "2019-12-04",
                        KP_US,
                        Occurred,
                        Some(("2019-04-01", "2019-04-30", "month")),
                        None,
                        None,
                    ),
                ],
                vec![vec!["a"], vec!["b"]],
            ),
            (
                "an undated plan is not an event dated before it",
                vec![
                    ("a", "d1", "2019-06-30", KP_US, Planned, None, None, None),
                    (
                        "b",
                        "d2",
                        "2019-12-04",
                        KP_US,
                        Occurred,
                        Some(("2019-04-01", "2019-04-30", "month")),
                        None,
                        None,
                    ),
                ],
                vec![vec!["a"], vec!["b"]],
            ),
            (
                "the event whose parties are the report's takes it",
                vec![
                    (
                        "a",
                        "d1",
                        "2023-05-17",
                        &["AUS", "IND", "JPN", "USA"],
                        Speculated,
                        Some(("2023-05-19", "2023-05-21", "day")),
                        None,
                        Some("JPN"),
                    ),
                    (
                        "b",
                        "d1",
                        "2023-05-17",
                        &["JPN", "USA"],
                        Planned,
                        Some(("2023-05-19", "2023-05-21", "day")),
                        None,
                        Some("JPN"),
                    ),
                    (
                        "c",
                        "d2",
                        "2023-05-20",
                        &["AUS", "IND", "JPN", "USA"],
                        Occurred,
                        Some(("2023-05-20", "2023-05-20", "day")),
                        None,
                        Some("JPN"),
                    ),
                ],
                vec![vec!["a", "c"], vec!["b"]],
            ),
            (
                "a cancellation joins the plan",
                vec![
                    (
                        "a",
                        "d1",
                        "2018-05-10",
                        KP_US,
                        Planned,
                        Some(("2018-06-12", "2018-06-12", "day")),
                        None,
                        None,
                    ),
                    ("b", "d2", "2018-05-24", KP_US, Cancelled, None, None, None),
                ],
                vec![vec!["a", "b"]],
            ),
        ];
        for (what, rows, want) in cases {
            let mut want: Vec<Vec<String>> = want
                .into_iter()
                .map(|g| g.into_iter().map(str::to_string).collect())
                .collect();
            want.sort();
            assert_eq!(groups(&rows), want, "{what}");
            // any input order gives the same groups
            let mut rev = rows.clone();
            rev.reverse();
            assert_eq!(groups(&rev), want, "{what} (reversed)");
        }
    }

    #[test]
    fn plans_that_slipped() {
        use Mode::{ThirdParty, Visit};
        let wk = |s: &'static str, e: &'static str| Some((s, e, "week"));
        let dy = |s: &'static str| Some((s, s, "day"));
        // (what, mentions, expected groups)
        let cases: Vec<Case<'_>> = vec![
            (
                "a trip postponed in February and made in June",
                vec![
                    (
                        "a",
                        "d1",
                        "2023-02-01",
                        KP_US,
                        Planned,
                        dy("2023-02-05"),
                        Some(Visit),
                        Some("PRK"),
                    ),
                    (
                        "b",
                        "d2",
                        "2023-02-04",
                        KP_US,
                        Cancelled,
                        dy("2023-02-05"),
                        Some(Visit),
                        Some("PRK"),
                    ),
                    (
                        "c",
                        "d3",
                        "2023-06-19",
                        KP_US,
                        Occurred,
                        dy("2023-06-18"),
                        Some(Visit),
                        Some("PRK"),
                    ),
                ],
                vec![vec!["a", "b", "c"]],
            ),
            (
                "talks agreed within weeks and held three months later",
                vec![
                    (
                        "a",
                        "d1",
                        "2019-06-30",
                        KP_US,
                        Planned,
                        wk("2019-07-01", "2019-07-21"),
                        None,
                        None,
                    ),
                    (
                        "b",
                        "d2",
                        "2019-12-04",
                        KP_US,
                        Occurred,
                        dy("2019-10-05"),
                        Some(ThirdParty),
                        Some("SWE"),
                    ),
                ],
                vec![vec!["a", "b"]],
            ),
            (
                "a plan for a set day, never postponed, is not a meeting a month later",
                vec![
                    (
                        "a",
                        "d1",
                        "2018-03-28",
                        KR_KP,
                        Planned,
                        dy("2018-04-27"),
                        None,
                        None,
                    ),
                    (
                        "b",
                        "d2",
                        "2018-05-27",
                        KR_KP,
                        Occurred,
                        dy("2018-05-26"),
                        None,
                        None,
                    ),
                ],
                vec![vec!["a"], vec!["b"]],
            ),
            (
                "a plan met within its window does not slip again",
                vec![
                    (
                        "a",
                        "d1",
                        "2019-06-30",
                        KP_US,
                        Planned,
                        wk("2019-07-01", "2019-07-21"),
                        None,
                        None,
                    ),
                    (
                        "b",
                        "d2",
                        "2019-07-11",
                        KP_US,
                        Occurred,
                        dy("2019-07-10"),
                        None,
                        None,
                    ),
                    (
                        "c",
                        "d3",
                        "2019-12-04",
                        KP_US,
                        Occurred,
                        dy("2019-10-05"),
                        None,
                        None,
                    ),
                ],
                vec![vec!["a", "b"], vec!["c"]],
            ),
            (
                "a later plan of the same kind overtakes an earlier one",
                vec![
                    (
                        "a",
                        "d1",
                        "2018-08-24",
                        KP_US,
                        Planned,
                        wk("2018-08-27", "2018-09-02"),
                        Some(Visit),
                        Some("PRK"),
                    ),
                    (
                        "b",
                        "d2",
                        "2018-08-25",
                        KP_US,
                        Cancelled,
                        wk("2018-08-27", "2018-09-02"),
                        Some(Visit),
                        Some("PRK"),
                    ),
                    (
                        "c",
                        "d3",
                        "2018-11-05",
                        KP_US,
                        Planned,
                        dy("2018-11-08"),
                        Some(Visit),
                        Some("USA"),
                    ),
                    (
                        "d",
                        "d4",
                        "2018-11-07",
                        KP_US,
                        Cancelled,
                        dy("2018-11-08"),
                        Some(Visit),
                        Some("USA"),
                    ),
                    (
                        "e",
                        "d5",
                        "2019-02-09",
                        KP_US,
                        Occurred,
                        dy("2019-02-07"),
                        Some(Visit),
                        Some("PRK"),
                    ),
                ],
                vec![vec!["a", "b"], vec!["c", "d"], vec!["e"]],
            ),
            (
                "half a year after a postponed date is another meeting",
                vec![
                    (
                        "a",
                        "d1",
                        "2023-02-04",
                        KP_US,
                        Cancelled,
                        dy("2023-02-05"),
                        None,
                        None,
                    ),
                    (
                        "b",
                        "d2",
                        "2023-08-10",
                        KP_US,
                        Occurred,
                        dy("2023-08-09"),
                        None,
                        None,
                    ),
                ],
                vec![vec!["a"], vec!["b"]],
            ),
            (
                "a quarter after a window that went by unreported is another meeting",
                vec![
                    (
                        "a",
                        "d1",
                        "2019-06-30",
                        KP_US,
                        Planned,
                        wk("2019-07-01", "2019-07-21"),
                        None,
                        None,
                    ),
                    (
                        "b",
                        "d2",
                        "2019-11-02",
                        KP_US,
                        Occurred,
                        dy("2019-11-01"),
                        None,
                        None,
                    ),
                ],
                vec![vec!["a"], vec!["b"]],
            ),
            (
                "a postponed trip is not a meeting in another country",
                vec![
                    (
                        "a",
                        "d1",
                        "2023-02-04",
                        KP_US,
                        Cancelled,
                        dy("2023-02-05"),
                        Some(Visit),
                        Some("PRK"),
                    ),
                    (
                        "b",
                        "d2",
                        "2023-06-19",
                        KP_US,
                        Occurred,
                        dy("2023-06-18"),
                        Some(Visit),
                        Some("USA"),
                    ),
                ],
                vec![vec!["a"], vec!["b"]],
            ),
            (
                "a window not over when the next plan is announced: two plans",
                vec![
                    (
                        "a",
                        "d1",
                        "2019-02-01",
                        KP_US,
                        Planned,
                        Some(("2019-03-01", "2019-03-31", "month")),
                        None,
                        None,
                    ),
                    (
                        "b",
                        "d2",
                        "2019-02-10",
                        KP_US,
                        Planned,
                        dy("2019-04-05"),
                        None,
                        None,
                    ),
                ],
                vec![vec!["a"], vec!["b"]],
            ),
            (
                "a speculation for this year that slipped into the next",
                vec![
                    (
                        "a",
                        "d1",
                        "2018-09-06",
                        KP_US,
                        Speculated,
                        Some(("2018-01-01", "2018-12-31", "year")),
                        Some(ThirdParty),
                        None,
                    ),
                    (
                        "b",
                        "d2",
                        "2018-12-30",
                        KP_US,
                        Speculated,
                        Some(("2019-01-01", "2019-03-31", "quarter")),
                        Some(ThirdParty),
                        Some("VNM"),
                    ),
                ],
                vec![vec!["a", "b"]],
            ),
            (
                "a meeting in a third country is not one in a party's country",
                vec![
                    (
                        "a",
                        "d1",
                        "2018-08-25",
                        KP_US,
                        Speculated,
                        None,
                        Some(Visit),
                        Some("PRK"),
                    ),
                    (
                        "b",
                        "d2",
                        "2018-09-06",
                        KP_US,
                        Speculated,
                        Some(("2018-01-01", "2018-12-31", "year")),
                        Some(ThirdParty),
                        None,
                    ),
                ],
                vec![vec!["a"], vec!["b"]],
            ),
            (
                "a call is not the meeting that slipped",
                vec![
                    (
                        "a",
                        "d1",
                        "2019-06-30",
                        KP_US,
                        Planned,
                        wk("2019-07-01", "2019-07-21"),
                        Some(ThirdParty),
                        None,
                    ),
                    (
                        "b",
                        "d2",
                        "2019-09-02",
                        KP_US,
                        Occurred,
                        dy("2019-09-01"),
                        Some(Mode::Phone),
                        None,
                    ),
                ],
                vec![vec!["a"], vec!["b"]],
            ),
        ];
        for (what, rows, want) in cases {
            let mut want: Vec<Vec<String>> = want
                .into_iter()
                .map(|g| g.into_iter().map(str::to_string).collect())
                .collect();
            want.sort();
            assert_eq!(groups(&rows), want, "{what}");
            let mut rev = rows.clone();
            rev.reverse();
            assert_eq!(groups(&rev), want, "{what} (reversed)");
        }
    }

    #[test]
    fn a_held_report_goes_to_an_event_held() {
        const CJK: &[&str] = &["CHN", "JPN", "KOR"];
        let dy = |s: &'static str, e: &'static str| Some((s, e, "day"));
        let cases: Vec<Case<'_>> = vec![
            (
                "a meeting held in 2019 is the December summit in Chengdu, not the autumn plan for Tokyo",
                vec![
                    (
                        "a",
                        "d1",
                        "2019-08-23",
                        CJK,
                        Planned,
                        Some(("2019-09-01", "2019-11-30", "season")),
                        None,
                        Some("JPN"),
                    ),
                    (
                        "b",
                        "d2",
                        "2020-01-10",
                        CJK,
                        Occurred,
                        dy("2019-12-24", "2019-12-24"),
                        None,
                        Some("CHN"),
                    ),
                    (
                        "c",
                        "d3",
                        "2023-11-16",
                        CJK,
                        Occurred,
                        Some(("2019-01-01", "2019-12-31", "year")),
                        None,
                        None,
                    ),
                ],
                vec![vec!["a"], vec!["b", "c"]],
            ),
            (
                "a plan for a set day that is over counts as held",
                vec![
                    (
                        "a",
                        "d1",
                        "2018-09-06",
                        KR_KP,
                        Planned,
                        dy("2018-09-18", "2018-09-20"),
                        None,
                        None,
                    ),
                    (
                        "b",
                        "d2",
                        "2018-09-06",
                        KR_KP,
                        Occurred,
                        dy("2018-09-05", "2018-09-05"),
                        None,
                        None,
                    ),
                    (
                        "c",
                        "d3",
                        "2018-11-12",
                        KR_KP,
                        Occurred,
                        Some(("2018-09-01", "2018-09-30", "month")),
                        None,
                        None,
                    ),
                ],
                vec![vec!["a", "c"], vec!["b"]],
            ),
        ];
        for (what, rows, want) in cases {
            let mut want: Vec<Vec<String>> = want
                .into_iter()
                .map(|g| g.into_iter().map(str::to_string).collect())
                .collect();
            want.sort();
            assert_eq!(groups(&rows), want, "{what}");
        }
    }

    #[test]
    fn statements_are_news() {
        // (what, type, rows, expected groups)
        type StatementCase<'a> = (&'a str, EventType, Vec<Row<'a>>, Vec<Vec<&'a str>>);
        let cases: Vec<StatementCase<'_>> = vec![
            (
                "undated accusations a month apart are two",
                EventType::Accuse,
                vec![
                    (
                        "a",
                        "d1",
                        "2019-07-02",
                        &["JPN", "KOR"],
                        Occurred,
                        None,
                        None,
                        None,
                    ),
                    (
                        "b",
                        "d2",
                        "2019-08-02",
                        &["JPN", "KOR"],
                        Occurred,
                        None,
                        None,
                        None,
                    ),
                ],
                vec![vec!["a"], vec!["b"]],
            ),
            (
                "undated demands of consecutive days are one",
                EventType::Request,
                vec![
                    ("a", "d1", "2019-02-28", KP_US, Occurred, None, None, None),
                    ("b", "d2", "2019-03-01", KP_US, Occurred, None, None, None),
                ],
                vec![vec!["a", "b"]],
            ),
            (
                "an undated refusal is not one of a year before",
                EventType::Reject,
                vec![
                    (
                        "a",
                        "d1",
                        "2022-05-27",
                        &["CHN", "USA"],
                        Occurred,
                        Some(("2022-05-26", "2022-05-26", "day")),
                        None,
                        None,
                    ),
                    (
                        "b",
                        "d2",
                        "2023-06-19",
                        &["CHN", "USA"],
                        Occurred,
                        None,
                        None,
                        None,
                    ),
                ],
                vec![vec!["a"], vec!["b"]],
            ),
            (
                "a meeting is recalled for longer",
                EventType::Consult,
                vec![
                    (
                        "a",
                        "d1",
                        "2022-05-27",
                        &["CHN", "USA"],
                        Occurred,
                        Some(("2022-05-26", "2022-05-26", "day")),
                        None,
                        None,
                    ),
                    (
                        "b",
                        "d2",
                        "2023-06-19",
                        &["CHN", "USA"],
                        Occurred,
                        None,
                        None,
                        None,
                    ),
                ],
                vec![vec!["a", "b"]],
            ),
        ];
        for (what, ty, rows, want) in cases {
            let mut want: Vec<Vec<String>> = want
                .into_iter()
                .map(|g| g.into_iter().map(str::to_string).collect())
                .collect();
            want.sort();
            let mentions: Vec<Mention> = rows
                .iter()
                .map(|r| {
                    let mut m = mention(r);
                    m.event_type = ty;
                    m
                })
                .collect();
            let mut got: Vec<Vec<String>> = resolve_clusters(mentions)
                .into_iter()
                .map(|c| {
                    let mut ids: Vec<String> = c.into_iter().map(|m| m.id).collect();
                    ids.sort();
                    ids
                })
                .collect();
            got.sort();
            assert_eq!(got, want, "{what}");
        }
    }

    #[test]
    fn match_dates_keep_what_the_status_allows() {
        // (status, published, date start, end, precision, matched start, end)
        let cases = [
            // a plan for "this year" published in September: September to December
            (
                Planned,
                "2018-09-06",
                "2018-01-01",
                "2018-12-31",
                "year",
                "2018-09-04",
                "2018-12-31",
            ),
            (
                Speculated,
                "2018-09-06",
                "2018-01-01",
                "2018-12-31",
                "year",
                "2018-09-04",
                "2018-12-31",
            ),
            // a past event "in June" reported on the 10th: the 1st to the 10th
            (
                Occurred,
                "2018-06-10",
                "2018-06-01",
                "2018-06-30",
                "month",
                "2018-06-01",
                "2018-06-10",
            ),
            // a day is kept as given
            (
                Planned,
                "2018-09-06",
                "2018-09-05",
                "2018-09-07",
                "day",
                "2018-09-05",
                "2018-09-07",
            ),
            (
                Occurred,
                "2018-09-06",
                "2018-09-05",
                "2018-09-07",
                "day",
                "2018-09-05",
                "2018-09-07",
            ),
            // under way: kept
            (
                Ongoing,
                "2018-06-10",
                "2018-06-01",
                "2018-06-30",
                "month",
                "2018-06-01",
                "2018-06-30",
            ),
            // a cancellation is news: of a plan not yet due a fortnight before publication
            (
                Cancelled,
                "2018-09-06",
                "2018-01-01",
                "2018-12-31",
                "year",
                "2018-08-23",
                "2018-12-31",
            ),
            // a cancelled plan of a window already over is kept as given
            (
                Cancelled,
                "2018-09-06",
                "2018-06-01",
                "2018-06-30",
                "month",
                "2018-06-01",
                "2018-06-30",
            ),
            // a plan for next year is not cut
            (
                Planned,
                "2018-09-06",
                "2019-01-01",
                "2019-12-31",
                "year",
                "2019-01-01",
                "2019-12-31",
            ),
        ];
        for (status, published, s, e, p, ws, we) in cases {
            let mut m = Mention::new("ev-1", "d1", EventType::Consult, KP_US);
            m.status = status;
            m.published = Some(d(published));
            m.date = Interval::new(d(s), d(e), p);
            assert_eq!(
                match_date(&m),
                Some((day(d(ws)), day(d(we)))),
                "{status:?} {published} {s}..{e}"
            );
        }
    }
}

//! Incremental resolution: today's mentions update the events stored by earlier runs in place,
//! reading only the index pages their candidate search needs.
//!
//! A resolved event is stored with its [`Summary`] (the fold of its reports: status, best
//! date, provenance), its matching state ([`ClusterState`]) and the [`Page`]s of the index it
//! is filed under: (type, party pair, dated or undated, period of [`PAGE_DAYS`] days). A new mention reads the pages of
//! its search keys (its party pairs and each party alone) for the periods of its search windows,
//! so its cost depends on how many events share its parties in those periods, not on the size
//! of the store; with the pages in an indexed table, a lookup is logarithmic.
//!
//! Resolution is a fold over the mentions in [`Mention::order_key`] order. When every new
//! mention sorts after the last one resolved (the daily case: new articles are newer), adding
//! them to the stored events gives exactly what resolving everything again would give: ties
//! are broken by the events' stable numbers and candidate scans only count events of the
//! window. When a new mention sorts earlier (a backfill), [`resolve_increment`] says so and
//! the caller resolves from scratch.

use crate::resolver::Resolver;
pub use crate::resolver::PAGE_DAYS;
pub use crate::sqlite::PreparedApply;
use crate::summary::{ResolvedEvent, Summary};
use crate::Mention;
use chrono::NaiveDate;
use entente_doc::{EventType, Mode};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// A page of the resolution index: the events of one type and party pair (a single party
/// is paired with itself) whose dates touch one period of [`PAGE_DAYS`] days, or, undated,
/// first reported in that period.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Page {
    /// PLOVER type.
    pub event_type: EventType,
    /// First party (by name).
    pub a: String,
    /// Second party (equal to `a` for a single party).
    pub b: String,
    /// Undated events (filed by the year of their first report).
    pub undated: bool,
    /// The period: days from the common era divided by [`PAGE_DAYS`].
    pub period: i32,
}

/// What the resolver needs to match new reports against a stored event. Days are counted
/// from the common era (`NaiveDate::num_days_from_ce`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClusterState {
    /// PLOVER type.
    pub event_type: EventType,
    /// First mode reported.
    pub mode: Option<Mode>,
    /// Union of the parties, sorted.
    pub parties: Vec<String>,
    /// Best date (first and last day), its precision rank, and whether a report that the
    /// event happened gave it.
    pub date: Option<(i32, i32)>,
    /// Precision rank of `date` (255 when undated).
    pub date_rank: u8,
    /// Whether an occurred report gave `date`.
    pub date_occurred: bool,
    /// Span of the day-precise dates reported.
    pub hull: Option<(i32, i32)>,
    /// The interval new reports must meet.
    pub span: Option<(i32, i32)>,
    /// Country of the first place reported.
    pub location_country: Option<String>,
    /// Publication day of the first report.
    pub anchor: i32,
}

/// A resolved event as stored between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredEvent {
    /// The fold of its reports.
    pub summary: Summary,
    /// Its matching state.
    pub state: ClusterState,
    /// The pages it is filed under (sorted).
    pub pages: Vec<Page>,
}

impl StoredEvent {
    /// The event's id (`re-…`).
    pub fn id(&self) -> String {
        crate::resolved_id(&self.summary.first)
    }

    /// The opaque form a database keeps beside the resolved event (JSON).
    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// Reads the stored form back; `what` names the row in the error.
    pub fn from_bytes(bytes: &[u8], what: &str) -> Result<StoredEvent, StateError> {
        serde_json::from_slice(bytes).map_err(|e| StateError {
            what: what.to_string(),
            detail: e.to_string(),
        })
    }
}

/// A stored resolution state that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateError {
    /// Which row.
    pub what: String,
    /// What is wrong.
    pub detail: String,
}

impl std::fmt::Display for StateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "resolution state of {}: {}", self.what, self.detail)
    }
}

impl std::error::Error for StateError {}

/// One event created or updated by an incremental run.
#[derive(Clone, Debug, PartialEq)]
pub struct EventUpdate {
    /// What to store (replacing the stored event of the same id, and its pages).
    pub stored: StoredEvent,
    /// The event as of the last report; `reports` holds only the new reports.
    pub event: ResolvedEvent,
    /// Rank of the first new report among all the event's reports (0 for a new event).
    pub first_pos: usize,
    /// Its pages and parties are those the same resolver wrote before (an earlier
    /// [`BatchResolution::step`]): a database need not rewrite them.
    pub same_index: bool,
    /// The pages and parties the same resolver wrote it with before, when it did (an earlier
    /// [`BatchResolution::step`]): a database need only write the difference.
    pub before: Option<(Vec<Page>, Vec<String>)>,
}

/// The owned form of [`Mention::order_key`].
pub type OrderKey = (NaiveDate, String, u8, i64, String);

fn owned_key(m: &Mention) -> OrderKey {
    let (p, d, r, i, id) = m.order_key();
    (p, d.to_string(), r, i, id.to_string())
}

/// Where an incremental run finds the stored events.
pub trait ResolutionStore {
    /// The store's error.
    type Error;
    /// The order key of the last mention resolved so far (`None`: nothing resolved yet).
    fn last_resolved(&mut self) -> Result<Option<OrderKey>, Self::Error>;
    /// Every stored event filed under `page`.
    fn page(&mut self, page: &Page) -> Result<Vec<StoredEvent>, Self::Error>;
}

/// Resolves new mentions against the stored events. Returns the events created or updated
/// (to be written back), or `None` when a new mention sorts before the last one resolved:
/// then only resolving everything again gives the result of a single run.
pub fn resolve_increment<S: ResolutionStore>(
    store: &mut S,
    mut new: Vec<Mention>,
) -> Result<Option<Vec<EventUpdate>>, S::Error> {
    new.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
    if let (Some(last), Some(first)) = (store.last_resolved()?, new.first()) {
        if first.order_key() <= (last.0, last.1.as_str(), last.2, last.3, last.4.as_str()) {
            return Ok(None);
        }
    }
    let mut r = Resolver::new();
    for m in new {
        for page in r.pages_for(&m) {
            let events = store.page(&page)?;
            r.adopt(page, events);
        }
        r.add(m);
    }
    Ok(Some(
        r.into_updates()
            .into_iter()
            .map(|(stored, reports, first_pos)| EventUpdate {
                event: stored.summary.finish(None, reports),
                stored,
                first_pos,
                same_index: false,
                before: None,
            })
            .collect(),
    ))
}

/// A database that keeps the resolution between ingests: what [`resolve_new`] needs beyond
/// reading pages.
pub trait ResolutionDb: ResolutionStore {
    /// Whether a stored document was replaced or deleted since the last resolution (its
    /// reports are gone from events that summarised them: only a full run is right then).
    fn needs_rebuild(&mut self) -> Result<bool, Self::Error>;
    /// The stored mentions not yet linked to a resolved event.
    fn unresolved(&mut self) -> Result<Vec<Mention>, Self::Error>;
    /// Every stored mention (for a full run).
    fn all_mentions(&mut self) -> Result<Vec<Mention>, Self::Error>;
    /// Writes created and updated events in one transaction: each replaces the stored event
    /// of its id (row, state, pages), its new reports are linked from rank `first_pos` on,
    /// and the last resolved order key becomes the greatest of theirs. With `clear`, every
    /// stored event, page and link is deleted first (a full run).
    fn apply(&mut self, updates: &[EventUpdate], clear: bool) -> Result<(), Self::Error>;
}

/// What [`resolve_new`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NewStats {
    /// Mentions resolved.
    pub mentions: usize,
    /// Events created or updated.
    pub events: usize,
    /// Whether everything was resolved again (an older article, or a replaced document).
    pub rebuilt: bool,
}

/// Resolves the mentions stored since the last resolution: in place when they are newer than
/// every mention resolved before, otherwise all of them again. Either way the stored events
/// are those a single run over everything gives.
pub fn resolve_new<D: ResolutionDb>(db: &mut D) -> Result<NewStats, D::Error> {
    if !db.needs_rebuild()? {
        let new = db.unresolved()?;
        let mentions = new.len();
        if let Some(updates) = resolve_increment(db, new)? {
            db.apply(&updates, false)?;
            return Ok(NewStats {
                mentions,
                events: updates.len(),
                rebuilt: false,
            });
        }
    }
    let all = db.all_mentions()?;
    let mentions = all.len();
    let mut empty = Empty;
    let updates = match resolve_increment(&mut empty, all) {
        Ok(Some(u)) => u,
        Ok(None) | Err(_) => Vec::new(),
    };
    db.apply(&updates, true)?;
    Ok(NewStats {
        mentions,
        events: updates.len(),
        rebuilt: true,
    })
}

/// Resolution that keeps up with an ingest, batch by batch: each [`BatchResolution::step`]
/// resolves the mentions committed since the previous step and writes the events they created
/// or updated, so an ingest never holds more than a batch of mentions and resolution overlaps
/// the processing of the next batch.
///
/// The resolver lives from one step to the next: the events of earlier steps stay in memory
/// (summaries and matching state, not their reports), so a step reads from the store only the
/// pages no earlier step read, and none at all when the first step started the store's
/// resolution afresh (everything stored is then in memory). Because resolution is a fold in
/// [`Mention::order_key`] order, steps over batches that come in that order (the daily case: a
/// day's articles, keyed in order) give exactly what one run at the end gives.
///
/// A step declines (returns `None`, and every later step too) when that would not hold: a
/// mention sorts before one already resolved (a backfill, or keys out of order), a stored
/// document was replaced or deleted, or the store needs a full run and already held resolved
/// events. The caller then resolves at the end ([`resolve_new`]), which runs from scratch.
#[derive(Debug, Default)]
pub struct BatchResolution {
    resolver: Resolver,
    /// Order key of the last mention resolved.
    last: Option<OrderKey>,
    steps: usize,
    declined: bool,
    /// Every stored event is in `resolver` (the first step resolved the store afresh).
    complete: bool,
    /// The pages and parties each event was last written with, by id.
    written: HashMap<String, (Vec<Page>, Vec<String>)>,
}

impl BatchResolution {
    /// Nothing resolved yet.
    pub fn new() -> BatchResolution {
        BatchResolution::default()
    }

    /// Steps taken (declined ones not counted).
    pub fn steps(&self) -> usize {
        self.steps
    }

    /// Whether a step declined: what is stored since must be resolved by [`resolve_new`].
    pub fn declined(&self) -> bool {
        self.declined
    }

    /// Resolves the mentions stored since the previous step and writes the events they
    /// created or updated (one [`ResolutionDb::apply`]); `None` when it declines (see
    /// [`BatchResolution`]), having written nothing.
    pub fn step<D: ResolutionDb>(&mut self, db: &mut D) -> Result<Option<NewStats>, D::Error> {
        if self.declined {
            return Ok(None);
        }
        let first = self.steps == 0;
        let clear = db.needs_rebuild()?;
        let mut new = if clear {
            // a full run costs no more than the batch only before anything was resolved
            if !first || db.last_resolved()?.is_some() {
                self.declined = true;
                return Ok(None);
            }
            self.complete = true;
            db.all_mentions()?
        } else {
            if first {
                self.last = db.last_resolved()?;
            }
            db.unresolved()?
        };
        new.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
        if let (Some(last), Some(m)) = (&self.last, new.first()) {
            if m.order_key() <= (last.0, last.1.as_str(), last.2, last.3, last.4.as_str()) {
                self.declined = true;
                return Ok(None);
            }
        }
        let mentions = new.len();
        let last = new.last().map(owned_key);
        for m in new {
            if !self.complete {
                for page in self.resolver.pages_for(&m) {
                    let events = db.page(&page)?;
                    self.resolver.adopt(page, events);
                }
            }
            self.resolver.add(m);
        }
        let updates: Vec<EventUpdate> = self
            .resolver
            .take_updates()
            .into_iter()
            .map(|(stored, reports, first_pos)| {
                let event = stored.summary.finish(None, reports);
                // a widely reported event takes reports in every step, mostly without a new
                // party or date: its pages and countries then stay as written
                let index = (stored.pages.clone(), event.parties.clone());
                let (same_index, before) = match self.written.get_mut(&event.id) {
                    Some(old) if *old == index => (true, None),
                    Some(old) => (false, Some(std::mem::replace(old, index))),
                    None => {
                        self.written.insert(event.id.clone(), index);
                        (false, None)
                    }
                };
                EventUpdate {
                    event,
                    stored,
                    first_pos,
                    same_index,
                    before,
                }
            })
            .collect();
        db.apply(&updates, clear)?;
        if last.is_some() {
            self.last = last;
        }
        self.steps += 1;
        Ok(Some(NewStats {
            mentions,
            events: updates.len(),
            rebuilt: clear,
        }))
    }
}

/// A store with nothing resolved (for a full run).
struct Empty;

impl ResolutionStore for Empty {
    type Error = std::convert::Infallible;

    fn last_resolved(&mut self) -> Result<Option<OrderKey>, Self::Error> {
        Ok(None)
    }

    fn page(&mut self, _: &Page) -> Result<Vec<StoredEvent>, Self::Error> {
        Ok(Vec::new())
    }
}

/// A resolution store in memory: the reference for a database implementation of
/// [`ResolutionDb`], used by the tests and the benchmark.
#[derive(Debug, Default)]
pub struct MemoryStore {
    mentions: Vec<Mention>,
    events: HashMap<String, StoredEvent>,
    pages: HashMap<Page, BTreeSet<String>>,
    /// Mention id → (resolved id, rank of the report).
    links: HashMap<String, (String, usize)>,
    last: Option<OrderKey>,
    /// Mentions stored but not resolved yet.
    pending: Vec<Mention>,
    /// Pages read by incremental runs (for the benchmark).
    pub pages_read: usize,
    /// Runs that had to resolve everything again.
    pub rebuilds: usize,
    /// Updates whose pages were kept as filed ([`EventUpdate::same_index`]).
    pub index_kept: usize,
}

impl ResolutionStore for MemoryStore {
    type Error = std::convert::Infallible;

    fn last_resolved(&mut self) -> Result<Option<OrderKey>, Self::Error> {
        Ok(self.last.clone())
    }

    fn page(&mut self, page: &Page) -> Result<Vec<StoredEvent>, Self::Error> {
        self.pages_read += 1;
        Ok(self
            .pages
            .get(page)
            .map(|ids| {
                ids.iter()
                    .filter_map(|id| self.events.get(id).cloned())
                    .collect()
            })
            .unwrap_or_default())
    }
}

impl ResolutionDb for MemoryStore {
    fn needs_rebuild(&mut self) -> Result<bool, Self::Error> {
        Ok(false)
    }

    fn unresolved(&mut self) -> Result<Vec<Mention>, Self::Error> {
        Ok(self.pending.clone())
    }

    fn all_mentions(&mut self) -> Result<Vec<Mention>, Self::Error> {
        Ok(self.mentions.clone())
    }

    fn apply(&mut self, updates: &[EventUpdate], clear: bool) -> Result<(), Self::Error> {
        self.write(updates, clear);
        Ok(())
    }
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// Stores new mentions without resolving them (for [`BatchResolution::step`] or
    /// [`resolve_new`] to do).
    pub fn store(&mut self, new: Vec<Mention>) {
        self.mentions.extend(new.iter().cloned());
        self.pending.extend(new);
    }

    /// Stores new mentions and resolves them ([`resolve_new`]).
    pub fn ingest(&mut self, new: Vec<Mention>) {
        self.store(new);
        match resolve_new(self) {
            Ok(stats) => self.rebuilds += usize::from(stats.rebuilt),
            Err(never) => match never {},
        }
    }

    fn write(&mut self, updates: &[EventUpdate], clear: bool) {
        if clear {
            self.events.clear();
            self.pages.clear();
            self.links.clear();
            self.last = None;
        }
        self.pending.clear();
        for u in updates {
            let id = u.stored.id();
            if u.same_index && !clear {
                // as a database does: the pages stay as filed
                self.index_kept += 1;
            } else if let Some(old) = self.events.get(&id) {
                for p in &old.pages {
                    if let Some(ids) = self.pages.get_mut(p) {
                        ids.remove(&id);
                    }
                }
            }
            if !u.same_index || clear {
                for p in &u.stored.pages {
                    self.pages.entry(p.clone()).or_default().insert(id.clone());
                }
            }
            for (i, m) in u.event.reports.iter().enumerate() {
                self.links
                    .insert(m.id.clone(), (id.clone(), u.first_pos + i));
                let k = owned_key(m);
                if self.last.as_ref().is_none_or(|l| k > *l) {
                    self.last = Some(k);
                }
            }
            self.events.insert(id, u.stored.clone());
        }
    }

    /// Number of stored events.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// Whether no event is stored.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// Every stored event with the ids of its reports in order, sorted by id.
    pub fn snapshot(&self) -> Vec<(ResolvedEvent, Vec<String>)> {
        let mut reports: HashMap<&str, Vec<(usize, &str)>> = HashMap::new();
        for (m, (e, pos)) in &self.links {
            reports.entry(e).or_default().push((*pos, m));
        }
        let mut out: Vec<(ResolvedEvent, Vec<String>)> = self
            .events
            .iter()
            .map(|(id, e)| {
                let mut r = reports.remove(id.as_str()).unwrap_or_default();
                r.sort();
                (
                    e.summary.finish(None, Vec::new()),
                    r.into_iter().map(|(_, m)| m.to_string()).collect(),
                )
            })
            .collect();
        out.sort_by(|a, b| a.0.id.cmp(&b.0.id));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{resolve, Interval};
    use chrono::Duration;
    use entente_doc::EventStatus;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// A generated corpus over two years: few parties, a third undated or vague.
    fn generated(n: usize, seed: u64) -> Vec<Mention> {
        let mut x = seed;
        let mut next = move |m: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % m
        };
        let states = ["CHN", "JPN", "KOR", "PRK", "RUS", "USA", "VNM"];
        let statuses = [
            EventStatus::Occurred,
            EventStatus::Planned,
            EventStatus::Speculated,
            EventStatus::Cancelled,
        ];
        (0..n)
            .map(|i| {
                let a = states[next(7) as usize];
                let b = states[next(7) as usize];
                let c = states[next(7) as usize];
                let day = d("2018-11-01") + Duration::days(next(500) as i64);
                let parties: Vec<&str> = match next(5) {
                    0 => vec![a],
                    1 => vec![a, b, c],
                    _ => vec![a, b],
                };
                let mut m = Mention::new(
                    &format!("ev-{i}"),
                    &format!("doc-{}", i / 3),
                    if next(4) == 0 {
                        EventType::Agree
                    } else {
                        EventType::Consult
                    },
                    &parties,
                );
                m.published = Some(day + Duration::days(next(30) as i64 - 15));
                m.status = statuses[next(4) as usize];
                m.date = match next(8) {
                    0 | 1 => None,
                    2 => Interval::new(day, day + Duration::days(29), "month"),
                    3 => Interval::new(day, day + Duration::days(364), "year"),
                    4 => Interval::new(day, day + Duration::days(2), "day"),
                    _ => Interval::new(day, day, "day"),
                };
                if next(3) == 0 {
                    m.location_country = Some(states[next(7) as usize].to_string());
                }
                m
            })
            .collect()
    }

    fn from_scratch(mentions: &[Mention]) -> Vec<(ResolvedEvent, Vec<String>)> {
        let mut out: Vec<(ResolvedEvent, Vec<String>)> = resolve(mentions.to_vec(), None)
            .into_iter()
            .map(|mut e| {
                let ids = e.reports.iter().map(|m| m.id.clone()).collect();
                e.reports.clear();
                (e, ids)
            })
            .collect();
        out.sort_by(|a, b| a.0.id.cmp(&b.0.id));
        out
    }

    type Snapshot = Vec<(ResolvedEvent, Vec<String>)>;

    /// Asserts equality, showing the first event that differs.
    fn same(got: &Snapshot, want: &Snapshot, what: &str) {
        let only = |a: &Snapshot, b: &Snapshot| {
            a.iter()
                .find(|x| !b.contains(x))
                .map(|x| format!("{:?} {:?} {:?} {:?}", x.0.id, x.0.parties, x.0.date, x.1))
        };
        assert!(
            got == want,
            "{what}: {} events, want {}; only got {:?}; only wanted {:?}",
            got.len(),
            want.len(),
            only(got, want),
            only(want, got)
        );
    }

    #[test]
    fn daily_ingest_equals_resolution_from_scratch() {
        for seed in [0x2545_f491_4f6c_dd1d_u64, 7, 99] {
            let mut mentions = generated(4000, seed);
            mentions.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
            let mut store = MemoryStore::new();
            // one batch per publication day, oldest first
            let mut batch: Vec<Mention> = Vec::new();
            for m in mentions.iter().cloned() {
                if batch.last().is_some_and(|b| b.published != m.published) {
                    store.ingest(std::mem::take(&mut batch));
                }
                batch.push(m);
            }
            store.ingest(batch);
            assert_eq!(store.rebuilds, 0);
            let want = from_scratch(&mentions);
            assert!(want.len() > 300 && want.len() < 4000, "{}", want.len());
            same(&store.snapshot(), &want, &format!("seed {seed}"));
        }
    }

    #[test]
    fn an_older_article_resolves_everything_again() {
        let mut mentions = generated(1500, 5);
        mentions.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
        let mut store = MemoryStore::new();
        let (old, new) = mentions.split_at(700);
        store.ingest(new.to_vec());
        store.ingest(old[..300].to_vec());
        store.ingest(old[300..].to_vec());
        assert_eq!(store.rebuilds, 2);
        same(&store.snapshot(), &from_scratch(&mentions), "backfill");
    }

    #[test]
    fn resolution_batch_by_batch_equals_one_run_at_the_end() {
        // (batch size, mentions): one batch, many, one mention each
        let cases = [(4000, 4000), (500, 4000), (1, 600)];
        for (size, n) in cases {
            let mut mentions = generated(n, 3);
            mentions.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
            let mut store = MemoryStore::new();
            let mut batches = BatchResolution::new();
            for chunk in mentions.chunks(size) {
                store.store(chunk.to_vec());
                let stats = batches.step(&mut store).unwrap();
                assert_eq!(stats.map(|s| s.mentions), Some(chunk.len()));
            }
            assert!(!batches.declined());
            assert_eq!(batches.steps(), n.div_ceil(size));
            // what a single resolution at the end of the ingest gives
            let mut once = MemoryStore::new();
            once.ingest(mentions.clone());
            same(
                &store.snapshot(),
                &once.snapshot(),
                &format!("batches of {size}"),
            );
            same(&store.snapshot(), &from_scratch(&mentions), "from scratch");
        }
    }

    #[test]
    fn resolution_batch_by_batch_reads_pages_of_events_stored_before() {
        let mut mentions = generated(3000, 17);
        mentions.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
        let (yesterday, today) = mentions.split_at(1200);
        let mut store = MemoryStore::new();
        store.ingest(yesterday.to_vec());
        let mut batches = BatchResolution::new();
        for chunk in today.chunks(250) {
            store.store(chunk.to_vec());
            assert!(batches.step(&mut store).unwrap().is_some());
        }
        assert!(store.pages_read > 0);
        assert!(store.index_kept > 0);
        same(
            &store.snapshot(),
            &from_scratch(&mentions),
            "after a day's batches",
        );
    }

    #[test]
    fn resolution_batch_by_batch_declines_a_batch_out_of_order() {
        let mut mentions = generated(2000, 23);
        mentions.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
        let mut store = MemoryStore::new();
        let mut batches = BatchResolution::new();
        // (batch, resolved in its step)
        let cases = [(1000..1500, true), (0..400, false), (1500..2000, false)];
        for (range, resolved) in cases {
            store.store(mentions[range.clone()].to_vec());
            let got = batches.step(&mut store).unwrap();
            assert_eq!(got.is_some(), resolved, "{range:?}");
        }
        assert!(batches.declined());
        // the end of the ingest resolves what was declined: everything again
        let stats = resolve_new(&mut store).unwrap();
        assert!(stats.rebuilt);
        store.store(mentions[400..1000].to_vec());
        resolve_new(&mut store).unwrap();
        same(
            &store.snapshot(),
            &from_scratch(&mentions),
            "after the backfill",
        );
    }

    #[test]
    fn stored_events_round_trip_through_bytes() {
        let mut store = MemoryStore::new();
        store.ingest(generated(300, 11));
        for e in store.events.values() {
            let back = StoredEvent::from_bytes(&e.to_bytes(), "test").unwrap();
            assert_eq!(&back, e);
        }
        let bad = StoredEvent::from_bytes(b"{", "re-1").unwrap_err();
        assert!(
            bad.to_string().starts_with("resolution state of re-1: "),
            "{bad}"
        );
    }

    #[test]
    fn an_update_keeps_the_event_id_and_ranks_its_reports() {
        let mk =
            |id: &str, doc: &str, published: &str, status, date: Option<(&str, &str, &str)>| {
                let mut m = Mention::new(id, doc, EventType::Consult, &["PRK", "USA"]);
                m.published = Some(d(published));
                m.status = status;
                m.date = date.and_then(|(s, e, p)| Interval::new(d(s), d(e), p));
                m
            };
        let mut store = MemoryStore::new();
        store.ingest(vec![mk(
            "ev-a",
            "d1",
            "2019-02-06",
            EventStatus::Planned,
            Some(("2019-02-01", "2019-02-28", "month")),
        )]);
        let before = store.snapshot();
        store.ingest(vec![mk(
            "ev-b",
            "d2",
            "2019-02-28",
            EventStatus::Occurred,
            Some(("2019-02-27", "2019-02-28", "day")),
        )]);
        let after = store.snapshot();
        assert_eq!(after.len(), 1);
        assert_eq!(after[0].0.id, before[0].0.id);
        assert_eq!(after[0].0.status, EventStatus::Occurred);
        assert_eq!(after[0].0.documents, 2);
        assert_eq!(after[0].1, vec!["ev-a".to_string(), "ev-b".to_string()]);
    }
}

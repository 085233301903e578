//! Resolution over the store: resolve the stored events (incrementally, see [`resolve_store`])
//! and write the resolved tables.

use crate::{parties_of, resolve, Interval, Mention, ResolvedEvent};
use chrono::NaiveDate;
use entente_doc::EventDate;
use entente_store::{MentionRow, ResolvedRow, ResolvedWrite, Store, StoreError};

/// What a resolution pass did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ResolveStats {
    /// Per-document events read.
    pub mentions: usize,
    /// Resolved events written (created or updated).
    pub events: usize,
    /// Whether everything was resolved again.
    pub rebuilt: bool,
}

impl From<MentionRow> for Mention {
    fn from(r: MentionRow) -> Mention {
        let date = r
            .date
            .as_ref()
            .and_then(|d| Interval::new(d.start.parse().ok()?, d.end.parse().ok()?, &d.precision));
        Mention {
            parties: parties_of(&r.countries, &r.orgs),
            id: r.id,
            seq: r.seq,
            doc: r.doc,
            doc_idx: r.doc_idx,
            source: r.source,
            published: r.published,
            event_type: r.event_type,
            mode: r.mode,
            kind: r.kind,
            status: r.status,
            date,
            location: r.location_name,
            location_country: r.location_country,
            confidence: r.confidence,
        }
    }
}

/// The stored form of an interval.
pub fn event_date(d: &Interval) -> EventDate {
    EventDate {
        start: d.start.to_string(),
        end: d.end.to_string(),
        precision: d.precision.clone(),
        text: None,
    }
}

impl ResolvedEvent {
    /// The row written to `resolved_events`.
    pub fn to_row(&self) -> ResolvedRow {
        ResolvedRow {
            id: self.id.clone(),
            event_type: self.event_type,
            mode: self.mode,
            kind: self.kind.clone(),
            countries: self.parties.clone(),
            status: self.status,
            date: self.date.as_ref().map(event_date),
            location_name: self.location.clone(),
            location_country: self.location_country.clone(),
            confidence: self.confidence,
            documents: self.documents as u32,
            sources: self.sources as u32,
            first_reported: self.first_reported,
            last_reported: self.last_reported,
        }
    }
}

/// Reads the stored events (of documents published on or before `as_of`, when given) and
/// resolves them, without writing anything.
pub fn resolve_stored(
    store: &Store,
    as_of: Option<NaiveDate>,
) -> Result<Vec<ResolvedEvent>, StoreError> {
    let mentions: Vec<Mention> = store
        .resolution_mentions(as_of)?
        .into_iter()
        .map(Mention::from)
        .collect();
    Ok(resolve(mentions, as_of))
}

/// Resolves the events stored since the last resolution and writes the resolved tables in
/// one transaction ([`crate::resolve_new`] over the store): in place, reading only the index
/// pages the new events need, when they were published after everything resolved before;
/// from scratch after an older article or a replaced or deleted document.
///
/// Resolution is a pure function of the stored events (ordered by publication date), so the
/// result, ids included, does not depend on the order documents were ingested in.
pub fn resolve_store(store: &mut Store) -> Result<ResolveStats, StoreError> {
    let stats = crate::resolve_new(store)?;
    Ok(ResolveStats {
        mentions: stats.mentions,
        events: stats.events,
        rebuilt: stats.rebuilt,
    })
}

/// Resolves every stored event and rewrites the resolution tables in one transaction, without
/// the state incremental resolution keeps (the next [`resolve_store`] starts from scratch).
pub fn resolve_store_full(store: &mut Store) -> Result<ResolveStats, StoreError> {
    let events = resolve_stored(store, None)?;
    let mentions = events.iter().map(|e| e.reports.len()).sum();
    let writes: Vec<ResolvedWrite> = events
        .iter()
        .map(|e| ResolvedWrite {
            row: e.to_row(),
            events: e.reports.iter().map(|m| m.seq).collect(),
        })
        .collect();
    store.write_resolution(&writes)?;
    Ok(ResolveStats {
        mentions,
        events: writes.len(),
        rebuilt: true,
    })
}

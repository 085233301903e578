//! The SQLite store as a [`ResolutionDb`]: incremental resolution reads the unresolved
//! per-document events, the index pages it needs and the last resolved order key from the
//! store's schema-4 tables (`resolved_pages`, `resolution_state`, `resolved_events.state`),
//! and writes each run back in one transaction.

use crate::incremental::{EventUpdate, OrderKey, Page, ResolutionDb, ResolutionStore, StoredEvent};
use crate::Mention;
use chrono::{Datelike, NaiveDate};
use entente_store::{PageKey, ResolutionOrder, StateWrite, Store, StoreError};

fn page_key(p: &Page) -> PageKey {
    PageKey {
        event_type: p.event_type.as_str().to_string(),
        a: p.a.clone(),
        b: p.b.clone(),
        undated: p.undated,
        period: p.period,
    }
}

fn order_of(m: &Mention) -> ResolutionOrder {
    let (published, doc, rank, idx, id) = m.order_key();
    ResolutionOrder {
        day: published.num_days_from_ce(),
        doc: doc.to_string(),
        rank,
        idx,
        id: id.to_string(),
    }
}

impl ResolutionStore for Store {
    type Error = StoreError;

    fn last_resolved(&mut self) -> Result<Option<OrderKey>, StoreError> {
        let Some(o) = self.last_resolved_order()? else {
            return Ok(None);
        };
        let day =
            NaiveDate::from_num_days_from_ce_opt(o.day).ok_or_else(|| StoreError::Corrupt {
                path: self.path().to_string(),
                what: "resolution_state.last_day".into(),
                detail: format!("{} is not a day", o.day),
            })?;
        Ok(Some((day, o.doc, o.rank, o.idx, o.id)))
    }

    fn page(&mut self, page: &Page) -> Result<Vec<StoredEvent>, StoreError> {
        self.resolution_page(&page_key(page))?
            .into_iter()
            .map(|(id, bytes)| {
                StoredEvent::from_bytes(&bytes, &id).map_err(|e| StoreError::Corrupt {
                    path: self.path().to_string(),
                    what: format!("resolved_events.state of {id}"),
                    detail: e.detail,
                })
            })
            .collect()
    }
}

impl ResolutionDb for Store {
    fn needs_rebuild(&mut self) -> Result<bool, StoreError> {
        // events matched under other rules are not extended in place: resolve them again
        Ok(self.resolution_needs_rebuild()? || self.resolution_rules()? != crate::RULES_VERSION)
    }

    fn unresolved(&mut self) -> Result<Vec<Mention>, StoreError> {
        Ok(self
            .unresolved_mentions()?
            .into_iter()
            .map(Mention::from)
            .collect())
    }

    fn all_mentions(&mut self) -> Result<Vec<Mention>, StoreError> {
        Ok(self
            .resolution_mentions(None)?
            .into_iter()
            .map(Mention::from)
            .collect())
    }

    fn apply(&mut self, updates: &[EventUpdate], clear: bool) -> Result<(), StoreError> {
        PreparedApply::new(updates, clear).write_to(self)
    }
}

/// What [`ResolutionDb::apply`] writes to the store, prepared from a step's updates (rows and
/// serialized states): a thread that resolves with a connection of its own can prepare it and
/// hand it to the thread that owns the writing connection.
#[derive(Clone, Debug, PartialEq)]
pub struct PreparedApply {
    /// The created and updated events.
    pub writes: Vec<StateWrite>,
    /// The order key of the last report resolved.
    pub last: Option<ResolutionOrder>,
    /// Whether every stored resolved event is replaced (a full run).
    pub clear: bool,
}

impl PreparedApply {
    /// Prepares the writes of `updates`.
    pub fn new(updates: &[EventUpdate], clear: bool) -> PreparedApply {
        let last = updates
            .iter()
            .flat_map(|u| u.event.reports.iter())
            .max_by(|a, b| a.order_key().cmp(&b.order_key()))
            .map(order_of);
        let writes = updates
            .iter()
            .map(|u| StateWrite {
                row: u.event.to_row(),
                state: u.stored.to_bytes(),
                pages: u.stored.pages.iter().map(page_key).collect(),
                first_pos: u.first_pos,
                events: u.event.reports.iter().map(|m| m.seq).collect(),
                same_index: u.same_index,
                before: u.before.as_ref().map(|(pages, parties)| {
                    (pages.iter().map(page_key).collect(), parties.clone())
                }),
            })
            .collect();
        PreparedApply {
            writes,
            last,
            clear,
        }
    }

    /// Writes them in one transaction (as [`ResolutionDb::apply`] does).
    pub fn write_to(&self, store: &mut Store) -> Result<(), StoreError> {
        store.apply_resolution(&self.writes, self.last.as_ref(), self.clear)?;
        if self.clear {
            store.set_resolution_rules(crate::RULES_VERSION)?;
        }
        Ok(())
    }
}

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
        let last = updates
            .iter()
            .flat_map(|u| u.event.reports.iter())
            .max_by(|a, b| a.order_key().cmp(&b.order_key()))
            .map(order_of);
        let writes: Vec<StateWrite> = updates
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
        self.apply_resolution(&writes, last.as_ref(), clear)?;
        if clear {
            self.set_resolution_rules(crate::RULES_VERSION)?;
        }
        Ok(())
    }
}

//! Parallel, streaming ingest into the store.

use crate::Engine;
use entente_doc::Document;
use entente_read::{read_paths, ReadOptions};
use entente_resolve::incremental::{
    BatchResolution, EventUpdate, OrderKey, Page, ResolutionDb, ResolutionStore, StoredEvent,
};
use entente_resolve::Mention;
use entente_store::{BatchOutcome, Store, StoreError};
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::{mpsc, Mutex, PoisonError};

/// An input that could not be stored, with the reason.
#[derive(Debug, Clone)]
pub struct Rejection {
    /// `path:line` or document key.
    pub what: String,
    /// Why.
    pub message: String,
}

/// Totals of one ingest run.
#[derive(Debug, Clone, Default)]
pub struct IngestSummary {
    /// Articles read.
    pub read: usize,
    /// Store outcome (inserted, replaced, unchanged, events).
    pub stored: BatchOutcome,
    /// Inputs rejected.
    pub rejected: Vec<Rejection>,
    /// Articles with no publication date.
    pub undated: usize,
    /// Bytes of article text processed.
    pub bytes: u64,
}

/// Progress after each committed batch.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    /// Articles read so far.
    pub read: usize,
    /// Articles committed so far.
    pub stored: usize,
    /// Rejections so far.
    pub rejected: usize,
    /// Events stored so far.
    pub events: usize,
}

/// Events stored between two resolution steps. Each step rewrites every resolved event its
/// mentions joined (row, state, pages), and the events of a day's news are few and widely
/// reported, so resolving after every batch of 2,048 articles (about 10,000 events) would
/// rewrite the same events over and over (12 % more CPU on 20,000 articles of the day
/// corpus); every 40,000 events costs what one resolution at the end costs, and memory holds
/// no more than these mentions.
const RESOLVE_EVERY: usize = 40_000;

enum Item {
    Doc(Box<Document>),
    Rejected(Rejection),
}

/// Reads every path, processes articles on all cores in chunks of `batch`, and stores each
/// chunk in one transaction. Bad inputs are reported in the summary and skipped.
///
/// # Errors
/// Only when the store itself fails (disk full, database locked); what was committed before
/// stays committed.
pub fn ingest(
    engine: &Engine,
    paths: &[PathBuf],
    opts: &ReadOptions,
    store: &mut Store,
    batch: usize,
    on_progress: impl FnMut(Progress),
) -> Result<IngestSummary, StoreError> {
    let run = RunOptions {
        batch,
        ..RunOptions::default()
    };
    ingest_with(engine, paths, opts, store, &run, on_progress)
}

/// How [`ingest_with`] batches its work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RunOptions {
    /// Articles per transaction (2,048).
    pub batch: usize,
    /// Events stored between two steps of cross-document resolution (40,000): each step
    /// resolves what the batches since the previous one stored, on a thread of its own (a
    /// database file) while the next batches are processed and stored; the last step runs
    /// when everything is stored.
    pub resolve_every: usize,
}

impl Default for RunOptions {
    fn default() -> RunOptions {
        RunOptions {
            batch: 2048,
            resolve_every: RESOLVE_EVERY,
        }
    }
}

/// [`ingest`] with every option.
///
/// # Errors
/// Only when the store itself fails (disk full, database locked); what was committed before
/// stays committed.
pub fn ingest_with(
    engine: &Engine,
    paths: &[PathBuf],
    opts: &ReadOptions,
    store: &mut Store,
    run: &RunOptions,
    mut on_progress: impl FnMut(Progress),
) -> Result<IngestSummary, StoreError> {
    let batch = run.batch.max(1);
    let resolve_every = run.resolve_every.max(1);
    let mut summary = IngestSummary::default();
    let (tx, rx) = mpsc::sync_channel::<Vec<Item>>(2);
    // a database file gets a second connection, and its resolution steps their own thread
    let second = store.open_another()?;
    // the writers' turn: held by the ingest for each batch and by each resolution step while
    // it writes; true once a batch replaced a stored document
    let turn = Mutex::new(false);
    let (committed_tx, committed_rx) = mpsc::channel::<usize>();
    // resolution on the writer thread (a database in memory)
    let mut inline = BatchResolution::new();
    // events stored since the last resolution step on the writer thread
    let mut unresolved = 0;
    let (result, threaded) = std::thread::scope(|scope| {
        let producer = scope.spawn(move || {
            let mut reader = read_paths(paths, opts);
            loop {
                let chunk: Vec<_> = reader.by_ref().take(batch).collect();
                if chunk.is_empty() {
                    break;
                }
                let items: Vec<Item> = chunk
                    .into_par_iter()
                    .map(|r| match r {
                        Err(e) => Item::Rejected(Rejection {
                            what: e.path.display().to_string()
                                + &e.line.map(|l| format!(":{l}")).unwrap_or_default(),
                            message: e.kind.to_string(),
                        }),
                        Ok(article) => {
                            let key = article.key.clone();
                            // A bug in a stage must not take the whole ingest down: the
                            // article is rejected with the panic message and the batch goes on.
                            let outcome =
                                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                                    engine.process(article)
                                }));
                            match outcome {
                                Ok(Ok(doc)) => Item::Doc(Box::new(doc)),
                                Ok(Err(e)) => Item::Rejected(Rejection {
                                    what: key,
                                    message: e.to_string(),
                                }),
                                Err(panic) => Item::Rejected(Rejection {
                                    what: key,
                                    message: format!(
                                        "internal error while processing: {}",
                                        panic
                                            .downcast_ref::<&str>()
                                            .map(|s| s.to_string())
                                            .or_else(|| panic.downcast_ref::<String>().cloned())
                                            .unwrap_or_default()
                                    ),
                                }),
                            }
                        }
                    })
                    .collect();
                if tx.send(items).is_err() {
                    break;
                }
            }
        });
        let turn = &turn;
        let resolver = second.map(|db| {
            scope.spawn(move || resolve_alongside(db, turn, committed_rx, resolve_every))
        });
        let mut result = Ok(());
        for items in rx {
            let mut docs = Vec::with_capacity(items.len());
            for it in items {
                match it {
                    Item::Doc(d) => {
                        summary.read += 1;
                        summary.bytes += d.body.len() as u64;
                        if d.published.is_none() {
                            summary.undated += 1;
                        }
                        docs.push(*d);
                    }
                    Item::Rejected(r) => summary.rejected.push(r),
                }
            }
            let stored = {
                let mut replaced = turn.lock().unwrap_or_else(PoisonError::into_inner);
                let stored = store.ingest_batch(&docs);
                if let Ok(out) = &stored {
                    *replaced |= out.replaced > 0;
                }
                stored
            };
            match stored {
                Ok(out) => {
                    summary.stored.add(out);
                    unresolved += out.events;
                }
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
            // the batch's documents are no longer needed: free them before resolving
            drop(docs);
            // cross-document resolution of the committed batches, while the producer
            // processes the next one (it declines, leaving the work to the end, when they
            // cannot be resolved in place: an older article, a replaced document)
            if resolver.is_some() {
                // the resolution thread stopped early (it failed): so does the ingest
                if committed_tx.send(std::mem::take(&mut unresolved)).is_err() {
                    break;
                }
            } else if unresolved >= resolve_every {
                unresolved = 0;
                if let Err(e) = inline.step(store) {
                    result = Err(e);
                    break;
                }
            }
            on_progress(Progress {
                read: summary.read + summary.rejected.len(),
                stored: summary.stored.inserted
                    + summary.stored.replaced
                    + summary.stored.unchanged,
                rejected: summary.rejected.len(),
                events: summary.stored.events,
            });
        }
        // the resolution thread takes its last step once it has seen every batch
        drop(committed_tx);
        let threaded = resolver.map(|handle| match handle.join() {
            Ok(outcome) => outcome,
            Err(panic) => std::panic::resume_unwind(panic),
        });
        // dropping the receiver stops the producer at its next send
        if let Err(panic) = producer.join() {
            std::panic::resume_unwind(panic);
        }
        (result, threaded)
    });
    result?;
    // Cross-document resolution (`crates/resolve`) is done step by step above when the
    // batches come in resolution order (a day's articles); otherwise what was left is
    // resolved here, so the resolved events never lag the committed documents: incremental
    // (only the new mentions, updating events in place) unless an older or replaced document
    // requires a run from scratch. Either way the result is that of one run at the end.
    let resolved = match threaded {
        Some(outcome) => outcome?,
        None if inline.declined() => false,
        None if unresolved > 0 || inline.steps() == 0 => inline.step(store)?.is_some(),
        None => true,
    };
    if !resolved {
        entente_resolve::resolve_store(store)?;
    }
    Ok(summary)
}

/// Why a resolution step on its own thread did not write.
enum StepError {
    Store(StoreError),
    /// A batch committed since the step began replaced a stored document.
    Replaced,
}

/// The second connection of a resolution thread: it writes only in its turn, and not at all
/// once a batch replaced a stored document (the step read the store before: only a run from
/// scratch at the end is right then).
struct Alongside<'a> {
    db: Store,
    turn: &'a Mutex<bool>,
}

impl ResolutionStore for Alongside<'_> {
    type Error = StepError;

    fn last_resolved(&mut self) -> Result<Option<OrderKey>, StepError> {
        self.db.last_resolved().map_err(StepError::Store)
    }

    fn page(&mut self, page: &Page) -> Result<Vec<StoredEvent>, StepError> {
        self.db.page(page).map_err(StepError::Store)
    }
}

impl ResolutionDb for Alongside<'_> {
    fn needs_rebuild(&mut self) -> Result<bool, StepError> {
        self.db.needs_rebuild().map_err(StepError::Store)
    }

    fn unresolved(&mut self) -> Result<Vec<Mention>, StepError> {
        self.db.unresolved().map_err(StepError::Store)
    }

    fn all_mentions(&mut self) -> Result<Vec<Mention>, StepError> {
        self.db.all_mentions().map_err(StepError::Store)
    }

    fn apply(&mut self, updates: &[EventUpdate], clear: bool) -> Result<(), StepError> {
        let replaced = self.turn.lock().unwrap_or_else(PoisonError::into_inner);
        if *replaced {
            return Err(StepError::Replaced);
        }
        self.db.apply(updates, clear).map_err(StepError::Store)
    }
}

/// The resolution thread: takes a step whenever `resolve_every` events were committed since
/// the last one (`committed` says how many each batch stored), and a last one when the ingest
/// is over. Returns whether everything stored is resolved (`false`: a step declined, and the
/// caller resolves at the end).
fn resolve_alongside(
    db: Store,
    turn: &Mutex<bool>,
    committed: mpsc::Receiver<usize>,
    resolve_every: usize,
) -> Result<bool, StoreError> {
    let mut db = Alongside { db, turn };
    let mut resolution = BatchResolution::new();
    let mut unresolved = 0;
    let mut step = |resolution: &mut BatchResolution| match resolution.step(&mut db) {
        Ok(stepped) => Ok(stepped.is_some()),
        Err(StepError::Replaced) => Ok(false),
        Err(StepError::Store(e)) => Err(e),
    };
    while let Ok(events) = committed.recv() {
        // batches committed while the previous step ran are resolved together
        unresolved += events + committed.try_iter().sum::<usize>();
        if unresolved >= resolve_every {
            unresolved = 0;
            if !step(&mut resolution)? {
                // the end of the ingest resolves what is left (dropping `committed` would
                // stop the ingest: drain it instead)
                for _ in committed.iter() {}
                return Ok(false);
            }
        }
    }
    if unresolved > 0 || resolution.steps() == 0 {
        step(&mut resolution)
    } else {
        Ok(true)
    }
}

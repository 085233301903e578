//! Parallel, streaming ingest into the store.

use crate::Engine;
use entente_doc::Document;
use entente_read::{read_paths, ReadOptions};
use entente_resolve::incremental::BatchResolution;
use entente_store::{BatchOutcome, Store, StoreError};
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::mpsc;

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
    /// resolves what the batches since the previous one stored, while the next batches are
    /// processed; the last step runs when everything is stored.
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
    let mut resolution = BatchResolution::new();
    // events stored since the last resolution step
    let mut unresolved = 0;
    std::thread::scope(|scope| {
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
            match store.ingest_batch(&docs) {
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
            if unresolved >= resolve_every {
                unresolved = 0;
                if let Err(e) = resolution.step(store) {
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
        // dropping the receiver stops the producer at its next send
        if let Err(panic) = producer.join() {
            std::panic::resume_unwind(panic);
        }
        result
    })?;
    // Cross-document resolution (`crates/resolve`) is done batch by batch above when the
    // batches come in resolution order (a day's articles); otherwise what was left is
    // resolved here, so the resolved events never lag the committed documents: incremental
    // (only the new mentions, updating events in place) unless an older or replaced document
    // requires a run from scratch. Either way the result is that of one run at the end.
    let resolved = if resolution.declined() {
        None
    } else if unresolved > 0 || resolution.steps() == 0 {
        resolution.step(store)?
    } else {
        Some(Default::default())
    };
    if resolved.is_none() {
        entente_resolve::resolve_store(store)?;
    }
    Ok(summary)
}

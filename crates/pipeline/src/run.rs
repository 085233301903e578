//! Parallel, streaming ingest into the store.

use crate::Engine;
use entente_doc::Document;
use entente_read::{read_paths, ReadOptions};
use entente_resolve::incremental::{
    BatchResolution, EventUpdate, OrderKey, Page, PreparedApply, ResolutionDb, ResolutionStore,
    StoredEvent,
};
use entente_resolve::Mention;
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
    // a database file gets a second connection, for resolution steps on a thread of their
    // own: they read the committed mentions and resolve them there, and hand their writes to
    // this thread (the only one that writes: a commit by another connection would empty this
    // connection's page cache)
    let second = store.open_another()?;
    let (to_resolver, messages) = mpsc::channel::<ToResolver>();
    let (jobs_tx, jobs) = mpsc::channel::<PreparedApply>();
    // a batch replaced a stored document: steps that read the store before must not write
    let mut replaced = false;
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
        let resolver = second
            .map(|db| scope.spawn(move || resolve_alongside(db, messages, jobs_tx, resolve_every)));
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
                    replaced |= out.replaced > 0;
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
                let committed = ToResolver::Committed(std::mem::take(&mut unresolved));
                // the resolution thread stopped early (it failed): so does the ingest
                if to_resolver.send(committed).is_err() {
                    break;
                }
                // the writes of a step that is ready
                if let Ok(job) = jobs.try_recv() {
                    if let Err(e) = write_step(store, &job, replaced, &to_resolver) {
                        result = Err(e);
                        break;
                    }
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
        // the resolution thread takes its last step once it has seen every batch; its writes
        // come here until it ends (after a failure here, none is written)
        if resolver.is_some() {
            let _ = to_resolver.send(ToResolver::Done);
            for job in jobs.iter() {
                if result.is_err() {
                    let _ = to_resolver.send(ToResolver::Applied(Err(Refusal::Failed)));
                } else if let Err(e) = write_step(store, &job, replaced, &to_resolver) {
                    result = Err(e);
                }
            }
        }
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

/// What the writer tells the resolution thread.
enum ToResolver {
    /// A batch was committed with this many events.
    Committed(usize),
    /// The writes of the last step handed over were written, or not.
    Applied(Result<(), Refusal>),
    /// Every batch is committed.
    Done,
}

/// Why the writer did not write a step.
#[derive(Clone, Copy, Debug)]
enum Refusal {
    /// A batch committed since the step read the store replaced a stored document.
    Replaced,
    /// The ingest failed.
    Failed,
}

/// Writes a step's writes handed over by the resolution thread, unless a batch replaced a
/// stored document (the step may have read the store before: only a run from scratch at the
/// end is right then), and tells the thread.
fn write_step(
    store: &mut Store,
    job: &PreparedApply,
    replaced: bool,
    to_resolver: &mpsc::Sender<ToResolver>,
) -> Result<(), StoreError> {
    let (answer, outcome) = if replaced {
        (Err(Refusal::Replaced), Ok(()))
    } else {
        match job.write_to(store) {
            Ok(()) => (Ok(()), Ok(())),
            Err(e) => (Err(Refusal::Failed), Err(e)),
        }
    };
    // the thread has ended only if it failed, which the end of the ingest reports
    let _ = to_resolver.send(ToResolver::Applied(answer));
    outcome
}

/// Why a resolution step on its own thread did not write.
enum StepError {
    Store(StoreError),
    /// The writer did not write them ([`Refusal`]).
    Refused,
}

/// The second connection of a resolution thread: it reads the committed mentions and the
/// index pages; its writes go to the writer thread ([`write_step`]).
struct Alongside {
    db: Store,
    messages: mpsc::Receiver<ToResolver>,
    jobs: mpsc::Sender<PreparedApply>,
    /// Events committed since the last step.
    pending: usize,
    /// Every batch is committed.
    done: bool,
}

impl Alongside {
    /// Takes one message from the writer (`None`: the end of the ingest); returns the
    /// writer's answer to the writes of a step.
    fn take(&mut self, message: Option<ToResolver>) -> Option<Result<(), Refusal>> {
        match message {
            Some(ToResolver::Committed(n)) => self.pending += n,
            Some(ToResolver::Applied(answer)) => return Some(answer),
            Some(ToResolver::Done) | None => self.done = true,
        }
        None
    }
}

impl ResolutionStore for Alongside {
    type Error = StepError;

    fn last_resolved(&mut self) -> Result<Option<OrderKey>, StepError> {
        self.db.last_resolved().map_err(StepError::Store)
    }

    fn page(&mut self, page: &Page) -> Result<Vec<StoredEvent>, StepError> {
        self.db.page(page).map_err(StepError::Store)
    }
}

impl ResolutionDb for Alongside {
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
        // rows and states are prepared here, written by the writer between two batches
        let job = PreparedApply::new(updates, clear);
        if self.jobs.send(job).is_err() {
            return Err(StepError::Refused);
        }
        loop {
            let Ok(message) = self.messages.recv() else {
                return Err(StepError::Refused);
            };
            if let Some(answer) = self.take(Some(message)) {
                return answer.map_err(|_| StepError::Refused);
            }
        }
    }
}

/// The resolution thread: takes a step whenever `resolve_every` events were committed since
/// the last one (the writer says how many each batch stored), and a last one when the ingest
/// is over. Returns whether everything stored is resolved (`false`: a step declined, and the
/// caller resolves at the end).
fn resolve_alongside(
    db: Store,
    messages: mpsc::Receiver<ToResolver>,
    jobs: mpsc::Sender<PreparedApply>,
    resolve_every: usize,
) -> Result<bool, StoreError> {
    let mut db = Alongside {
        db,
        messages,
        jobs,
        pending: 0,
        done: false,
    };
    let mut resolution = BatchResolution::new();
    let step = |resolution: &mut BatchResolution, db: &mut Alongside| {
        db.pending = 0;
        match resolution.step(db) {
            Ok(stepped) => Ok(stepped.is_some()),
            Err(StepError::Refused) => Ok(false),
            Err(StepError::Store(e)) => Err(e),
        }
    };
    while !db.done {
        let message = db.messages.recv().ok();
        db.take(message);
        // batches committed while the previous step ran are resolved together
        while let Ok(message) = db.messages.try_recv() {
            db.take(Some(message));
        }
        if !db.done && db.pending >= resolve_every && !step(&mut resolution, &mut db)? {
            // the end of the ingest resolves what is left (ending now would stop the
            // ingest: wait for its end instead)
            while !db.done {
                let message = db.messages.recv().ok();
                db.take(message);
            }
            return Ok(false);
        }
    }
    if db.pending > 0 || resolution.steps() == 0 {
        step(&mut resolution, &mut db)
    } else {
        Ok(true)
    }
}

//! The standard pipeline, assembled and run.
//!
//! [`Engine::load`] loads the knowledge base and lexicons from the data directory once and
//! builds the per-article stages in order:
//!
//! ```text
//! read (entente-read) → clean → sentences → timexes → mentions → events → store
//! ```
//!
//! [`ingest`] streams articles from the readers in chunks, runs the stages on all cores
//! (rayon), and hands each processed chunk to the store as one transaction, so memory stays
//! bounded whatever the corpus size and an interruption loses no committed document.
#![deny(missing_docs)]

mod engine;
mod run;
mod stages;

pub use engine::{Engine, EngineError};
pub use run::{ingest, IngestSummary, Progress, Rejection};
pub use stages::{document_from_article, CleanStage, TimeStage};

/// The memory allocator the pipeline is measured with: a binary that runs the pipeline
/// declares it as its global allocator,
///
/// ```ignore
/// #[global_allocator]
/// static ALLOCATOR: entente_pipeline::Allocator = entente_pipeline::Allocator;
/// ```
///
/// Processing allocates many short-lived strings and vectors on every thread, and SQLite
/// allocates for every bound value; with mimalloc (which then also serves SQLite's C
/// allocations) both cost about 15-25 % less CPU than with the system allocator
/// (`benches/README.md`). A library never picks the allocator itself: declaring it is the
/// binary's choice.
pub use mimalloc::MiMalloc as Allocator;

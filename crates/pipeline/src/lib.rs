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

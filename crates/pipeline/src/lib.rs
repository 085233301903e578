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
//! bounded whatever the corpus size and an interruption loses no committed document. Every
//! 40,000 stored events ([`RunOptions::resolve_every`]) a resolution thread, with a second
//! connection to the database file, resolves what was committed across documents
//! (`entente_resolve::incremental::BatchResolution`) while the writer stores the next chunks
//! and the workers process more, so resolution overlaps both and never holds more than those
//! mentions (a store in memory has no second connection: its writer thread takes the steps
//! between chunks). The two connections write in turn, each step in one transaction. A chunk
//! that cannot be resolved in place (an older article, a replaced document) leaves the
//! resolution to the end of the ingest, with the same result.
#![deny(missing_docs)]

mod engine;
mod run;
mod stages;

pub use engine::{Engine, EngineError};
pub use run::{ingest, ingest_with, IngestSummary, Progress, Rejection, RunOptions};
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

/// mimalloc's `mi_option_purge_delay`: its index in `mi_option_t` (the same in mimalloc 2
/// and 3, the version the `mimalloc` crate builds).
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

unsafe extern "C" {
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    fn mi_option_get(option: std::ffi::c_int) -> std::ffi::c_long;
}

/// Tells the [`Allocator`] to keep the memory it frees for reuse instead of handing it back
/// to the system a second later (mimalloc's default). An ingest frees every batch's documents and allocates the next
/// batch's at once, so by default each batch faults the same memory in again (the kernel
/// zeroing 2 MiB pages): about 100,000 page faults and 8 % of the CPU time for 20,000
/// articles, against under 1,000 faults when freed memory is kept; the peak memory is the
/// same (`benches/README.md`). For a process that runs the pipeline and ends, such as
/// `entente ingest`; a binary with another global allocator is not affected.
pub fn keep_freed_memory() {
    // SAFETY: sets one of mimalloc's global options, which it allows at any time from any
    // thread; -1 means "never purge".
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
}

/// The allocator's purge delay in milliseconds (-1: freed memory is kept).
pub fn purge_delay_ms() -> std::ffi::c_long {
    // SAFETY: reads one of mimalloc's global options.
    unsafe { mi_option_get(MI_OPTION_PURGE_DELAY) }
}

#[cfg(test)]
mod tests {
    #[test]
    fn freed_memory_is_kept_after_the_call() {
        // mimalloc 3's default is 1,000 ms (10 in mimalloc 2): the index names the purge delay
        let before = super::purge_delay_ms();
        assert!([1000, 10, -1].contains(&before), "{before}");
        super::keep_freed_memory();
        assert_eq!(super::purge_delay_ms(), -1);
    }
}

//! One module per command.

pub mod demo;
pub mod eval;
pub mod eval_events;
pub mod eval_petrarch;
pub mod eval_plover;
pub mod ingest;
pub mod query;
pub mod time;

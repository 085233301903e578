//! One module per command.

pub mod demo;
pub mod eval;
pub mod eval_events;
pub mod eval_petrarch;
pub mod eval_plover;
pub mod eval_resolution;
pub mod history;
pub mod ingest;
pub mod query;
pub mod time;
pub mod timeline;
pub mod upcoming;

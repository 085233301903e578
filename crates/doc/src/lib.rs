//! The document model of entente.
//!
//! A [`Document`] is created by the reader with its metadata and body, then every per-article
//! stage adds one *layer* to it:
//!
//! | stage       | writes                      |
//! |-------------|-----------------------------|
//! | clean       | [`Layer::Text`] (`text`, `map`, `captions`) |
//! | segment     | [`Layer::Sentences`], [`Layer::Tokens`] |
//! | time        | [`Layer::Timexes`]          |
//! | recognise   | [`Layer::Mentions`], [`Layer::Places`] |
//! | extract     | [`Layer::Events`]           |
//!
//! After cleaning, `Document::text` is frozen: every span of every later layer indexes into it,
//! and [`Document::source_span`] maps a span back into the body as read (for plain text and
//! JSON Lines that is the original text; for HTML it is the extracted main-content text).
//!
//! Stages implement [`Stage`]; a [`Pipeline`] checks at construction that every layer a stage
//! reads is written by an earlier stage, and runs them in order.
//!
//! The event record that entente stores and prints is [`EventRecord`]; its JSON form is the
//! documented output schema (`docs/schema.md`).
#![deny(missing_docs)]

mod document;
mod event;
mod pipeline;

pub use document::{
    Actor, ActorKind, Document, Format, Mention, MentionId, PlaceMention, Published, PublishedFrom,
    Sentence, SentenceId, Timex, Token,
};
pub use event::{
    EventDate, EventRecord, EventSource, EventStatus, EventType, Location, Mode, ParseEnumError,
    Participant,
};
pub use pipeline::{Layer, Pipeline, PipelineError, Stage, StageError};

//! Diplomatic event extraction.
//!
//! The [`EventExtractor`] stage turns a document's sentences, actor mentions, places and time
//! expressions into [`entente_doc::EventRecord`]s:
//!
//! 1. **Triggers** ([`Lexicon`], from `data/lexicon/triggers.toml`): words that signal an event
//!    type ("met", "summit", "accused", "imposed sanctions"), with their grammatical form.
//! 2. **Clause** ([`clause::clause_of`]): the part of the sentence that belongs to the trigger,
//!    minus reporting frames ("..., the White House said").
//! 3. **Participants**: the actors of the clause, with their side (source/target, guest/host).
//! 4. **Status** ([`status::decide`], cues from `data/lexicon/status.toml`): occurred, ongoing,
//!    planned, speculated, cancelled, denied — or no event when negated.
//! 5. **Date and place**: the nearest normalized date expression and place of the clause.
//! 6. **Merge**: drafts reporting the same event within the document become one event.
#![deny(missing_docs)]

pub mod clause;
mod ctx;
mod draft;
pub mod lexicon;
mod merge;
pub mod phrase;
mod place;
mod roles;
mod roles_implicit;
mod roles_np;
mod roles_verbs;
mod stage;
pub mod status;
mod trigger_since;
mod when;
mod when_cues;
mod when_list;
mod when_occasion;
mod when_offset;
mod when_scope;

pub use lexicon::{default_data_dir, Lexicon, LexiconError};
pub use stage::EventExtractor;

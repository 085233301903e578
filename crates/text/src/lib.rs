//! Text primitives shared by every stage of entente.
//!
//! * [`Span`]: a half-open byte range into a document's text, always on `char` boundaries.
//! * [`Ranged`]: anything that has a position in the text (sentences, mentions, triggers).
//!
//! Spans are byte offsets (as Rust slices are); conversion to characters or UTF-16 happens only
//! at the edges (JSON output, web page).
//!
//! ```
//! use entente_text::Span;
//! let text = "Moon met Kim in Panmunjom.";
//! let s = Span::new(9, 12);
//! assert_eq!(&text[s], "Kim");
//! ```
#![deny(missing_docs)]

mod span;

pub use span::{Ranged, Span};

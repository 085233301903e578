//! Text primitives shared by every stage of entente.
//!
//! * [`Span`]: a half-open byte range into a document's text, always on `char` boundaries.
//! * [`Ranged`]: anything that has a position in the text (sentences, mentions, triggers).
//! * [`CleanText`]: the only way cleaning edits text — removals, replacements and whitespace
//!   collapsing recorded in source coordinates and applied in one pass.
//! * [`OffsetMap`]: what [`CleanText::finish`] returns beside the clean text; maps clean offsets
//!   back to the source (raw article body) for highlighting and provenance.
//!
//! Spans are byte offsets (as Rust slices are); conversion to characters or UTF-16 happens only
//! at the edges (JSON output, web page).
//!
//! Data flow: a reader produces an article body; the cleaner records edits on a [`CleanText`]
//! over it and freezes the result as the document text plus an [`OffsetMap`]; every later span
//! indexes the clean text and can be mapped back with [`OffsetMap::span_to_source`].
//!
//! ```
//! use entente_text::{CleanText, Span};
//! let text = "Moon met Kim in Panmunjom.";
//! let s = Span::new(9, 12);
//! assert_eq!(&text[s], "Kim");
//!
//! let mut ct = CleanText::new("Moon met  Kim (Yonhap)");
//! ct.remove(Span::new(13, 22)).unwrap();
//! ct.collapse_whitespace();
//! let (clean, map) = ct.finish();
//! assert_eq!(clean, "Moon met Kim");
//! assert_eq!(map.span_to_source(Span::new(9, 12)), Span::new(10, 13));
//! ```
#![deny(missing_docs)]

mod clean_text;
mod offset_map;
mod span;
pub mod words;

pub use clean_text::{CleanText, EditError};
pub use offset_map::{OffsetMap, Segment, SegmentKind};
pub use span::{Ranged, Span};

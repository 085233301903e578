//! Sentence and token segmentation for news text.
//!
//! News text is not literary prose: it has headline lines without final punctuation, datelines,
//! captions, numbered lists, abbreviations (`U.S.`, `D.C.`, `Gen.`, `No. 2`), initials
//! (`Kim Jong Un`, `George W. Bush`) and quotes that end sentences (`...," he said.`). The
//! segmenter is rule-based and byte-exact:
//!
//! * every line is segmented on its own (a line break always ends a sentence);
//! * inside a line, `.`, `!`, `?` (and `…`), followed by optional closing quotes or brackets,
//!   whitespace and an upper-case letter, digit or opening quote, end a sentence — unless the
//!   word before the dot is a known abbreviation or an initial;
//! * sentences never drop or reorder text: concatenating them with the whitespace between
//!   them gives back the text (tested with property tests).
//!
//! ```
//! use entente_segment::sentences;
//! let text = "Gen. Kim met U.S. officials. They talked.";
//! let s: Vec<&str> = sentences(text).into_iter().map(|s| &text[s.span]).collect();
//! assert_eq!(s, ["Gen. Kim met U.S. officials.", "They talked."]);
//! ```
#![deny(missing_docs)]

mod sentence;
mod stage;
mod token;

pub use sentence::{sentences, SentenceSpan};
pub use stage::Segmenter;
pub use token::tokens;

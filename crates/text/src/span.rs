//! Byte spans into text.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Index;

/// A half-open byte range `start..end` into a text.
///
/// Invariant: `start <= end`. Whether both ends lie on `char` boundaries of a given text is
/// checked when the span is used to slice (`&text[span]` panics otherwise, like `&text[a..b]`);
/// use [`Span::get`] for a non-panicking slice.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the span.
    pub start: u32,
    /// One past the last byte of the span.
    pub end: u32,
}

impl Span {
    /// Creates a span from `start..end`.
    ///
    /// # Panics
    /// If `start > end` or either does not fit in `u32` (texts over 4 GiB are refused by readers).
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} is after its end {end}");
        let s = u32::try_from(start).unwrap_or_else(|_| panic!("span start {start} over 4 GiB"));
        let e = u32::try_from(end).unwrap_or_else(|_| panic!("span end {end} over 4 GiB"));
        Span { start: s, end: e }
    }

    /// The start as `usize`.
    pub fn start(self) -> usize {
        self.start as usize
    }

    /// The end as `usize`.
    pub fn end(self) -> usize {
        self.end as usize
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// True when the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// The slice of `text` this span covers, or `None` when out of bounds or off a char boundary.
    pub fn get(self, text: &str) -> Option<&str> {
        text.get(self.start()..self.end())
    }

    /// The span as a `Range<usize>`.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl Index<Span> for str {
    type Output = str;
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

/// Anything with a position in a document's text.
pub trait Ranged {
    /// The span this item covers.
    fn span(&self) -> Span;
}

impl Ranged for Span {
    fn span(&self) -> Span {
        *self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slicing_and_relations() {
        let t = "Xi Jinping met Putin";
        let a = Span::new(0, 10);
        let b = Span::new(15, 20);
        assert_eq!(&t[a], "Xi Jinping");
        assert_eq!(&t[b], "Putin");
        assert!(!a.overlaps(b));
        assert_eq!(a.cover(b), Span::new(0, 20));
        assert!(a.cover(b).contains(b));
        assert_eq!(format!("{a:?}"), "0..10");
        assert_eq!(Span::new(1, 3).get("é"), None);
    }

    #[test]
    #[should_panic(expected = "after its end")]
    fn reversed_span_panics() {
        let _ = Span::new(3, 2);
    }
}

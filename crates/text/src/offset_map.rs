//! Mapping offsets of a cleaned text back to the text it was cleaned from.
//!
//! Cleaning removes and replaces stretches of a source text; every later stage works on the
//! cleaned text, but highlights and provenance must point into the source. An [`OffsetMap`]
//! answers "which source byte does this clean byte come from?".
//!
//! The map is a sorted list of [`Segment`]s, one per maximal stretch of clean text that was
//! either copied verbatim from the source or produced by one replacement. Removed source text
//! has no segment (it is the gap between two segments). A map therefore costs one entry per
//! edit, not one per byte, and a lookup is a binary search.
//!
//! Offsets that fall between or inside edited stretches need a policy: a span *start* maps to
//! the source position of the byte that follows it ([`OffsetMap::to_source`]), a span *end* to
//! the position just after the byte that precedes it ([`OffsetMap::to_source_end`]). So a span
//! never swallows removed text at its edges, and a span that touches a replacement grows to
//! cover the whole replaced source stretch (the replacement has no finer alignment).

use crate::Span;
use serde::{Deserialize, Serialize};

/// How a stretch of clean text came about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SegmentKind {
    /// Copied byte for byte from the source: clean and source stretches have the same text.
    Copied,
    /// Written by a replacement of the whole source stretch.
    Replaced,
}

/// One stretch of clean text and the source stretch it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    /// Where the stretch lies in the clean text (never empty).
    pub clean: Span,
    /// Where it comes from in the source text; for [`SegmentKind::Copied`] it has the same
    /// length and the same bytes as `clean`.
    pub source: Span,
    /// Copied or replaced.
    pub kind: SegmentKind,
}

/// Maps byte offsets of a cleaned text to byte offsets of its source text.
///
/// Invariants (checked by the property tests of [`crate::CleanText`]):
/// * segments are sorted, their clean spans tile `0..clean_len` without gaps or overlaps, their
///   source spans are disjoint, in order, and inside `0..source_len`;
/// * both [`to_source`](Self::to_source) and [`to_source_end`](Self::to_source_end) are
///   monotone (non-decreasing) and return values in `0..=source_len` on char boundaries;
/// * [`span_to_source`](Self::span_to_source) of a non-empty span is a valid span covering at
///   least the source of every byte in it (inside a replaced stretch the end-biased offset is
///   the end of what was replaced, so it may exceed the start-biased one).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OffsetMap {
    segments: Vec<Segment>,
    clean_len: u32,
    source_len: u32,
}

impl OffsetMap {
    /// The map of a text that was not changed at all.
    pub fn identity(len: usize) -> OffsetMap {
        let mut b = MapBuilder::new(len);
        b.copied(0, len);
        b.finish()
    }

    /// Length of the clean text in bytes.
    pub fn clean_len(&self) -> usize {
        self.clean_len as usize
    }

    /// Length of the source text in bytes.
    pub fn source_len(&self) -> usize {
        self.source_len as usize
    }

    /// The segments, in clean-text order.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// True when the clean text is the source text, byte for byte.
    pub fn is_identity(&self) -> bool {
        self.clean_len == self.source_len
            && match self.segments.as_slice() {
                [] => true,
                [s] => s.kind == SegmentKind::Copied && s.source.start == 0,
                _ => false,
            }
    }

    /// Source offset for a clean offset used as a span *start*: the source position of the clean
    /// byte at `clean` (for a replaced stretch, the start of what it replaced); `clean_len` maps
    /// to `source_len`.
    ///
    /// # Panics
    /// If `clean > clean_len`.
    pub fn to_source(&self, clean: usize) -> usize {
        self.check(clean);
        if clean == self.clean_len() {
            return self.source_len();
        }
        // The segment holding byte `clean`: the last one starting at or before it.
        let i = self.segments.partition_point(|s| s.clean.start() <= clean) - 1;
        let s = &self.segments[i];
        match s.kind {
            SegmentKind::Copied => s.source.start() + (clean - s.clean.start()),
            SegmentKind::Replaced => s.source.start(),
        }
    }

    /// Source offset for a clean offset used as a span *end*: just after the source position of
    /// the clean byte before `clean` (for a replaced stretch, the end of what it replaced);
    /// `0` maps like [`to_source`](Self::to_source).
    ///
    /// # Panics
    /// If `clean > clean_len`.
    pub fn to_source_end(&self, clean: usize) -> usize {
        self.check(clean);
        if clean == 0 {
            return self.to_source(0);
        }
        // The segment holding byte `clean - 1`.
        let i = self.segments.partition_point(|s| s.clean.start() < clean) - 1;
        let s = &self.segments[i];
        match s.kind {
            SegmentKind::Copied => s.source.start() + (clean - s.clean.start()),
            SegmentKind::Replaced => s.source.end(),
        }
    }

    /// Maps a span of the clean text to the source span it was made from.
    ///
    /// The start uses [`to_source`](Self::to_source), the end
    /// [`to_source_end`](Self::to_source_end); an empty span maps to an empty span at the
    /// start's position.
    ///
    /// # Panics
    /// If the span ends past `clean_len`.
    pub fn span_to_source(&self, span: Span) -> Span {
        let start = self.to_source(span.start());
        if span.is_empty() {
            return Span::new(start, start);
        }
        let end = self.to_source_end(span.end()).max(start);
        Span::new(start, end)
    }

    /// Clean offset for a source offset used as a span *start*: where the source byte at
    /// `source` ended up, or — when it was removed — where the next surviving text starts; inside
    /// a replaced stretch, the start of its replacement.
    ///
    /// # Panics
    /// If `source > source_len`.
    pub fn to_clean(&self, source: usize) -> usize {
        self.check_source(source);
        // First segment whose source stretch ends after `source`.
        let i = self.segments.partition_point(|s| s.source.end() <= source);
        match self.segments.get(i) {
            None => self.clean_len(),
            Some(s) if source < s.source.start() => s.clean.start(),
            Some(s) => match s.kind {
                SegmentKind::Copied => s.clean.start() + (source - s.source.start()),
                SegmentKind::Replaced => s.clean.start(),
            },
        }
    }

    /// Clean offset for a source offset used as a span *end*: just after where the source byte
    /// before `source` ended up, or — when it was removed — where the previous surviving text
    /// ends; inside a replaced stretch, the end of its replacement.
    ///
    /// # Panics
    /// If `source > source_len`.
    pub fn to_clean_end(&self, source: usize) -> usize {
        self.check_source(source);
        // Last segment whose source stretch starts before `source`.
        let i = self.segments.partition_point(|s| s.source.start() < source);
        let Some(s) = i.checked_sub(1).and_then(|j| self.segments.get(j)) else {
            return 0;
        };
        if source >= s.source.end() {
            return s.clean.end();
        }
        match s.kind {
            SegmentKind::Copied => s.clean.start() + (source - s.source.start()),
            SegmentKind::Replaced => s.clean.end(),
        }
    }

    /// Maps a span of the source text to the clean text: the clean text that survives of it.
    /// A span whose text was wholly removed maps to an empty span where it was.
    ///
    /// # Panics
    /// If the span ends past `source_len`.
    pub fn span_to_clean(&self, span: Span) -> Span {
        let start = self.to_clean(span.start());
        let end = self.to_clean_end(span.end()).max(start);
        Span::new(start, end)
    }

    fn check_source(&self, source: usize) {
        assert!(
            source <= self.source_len(),
            "source offset {source} is past the source text's end {}",
            self.source_len
        );
    }

    fn check(&self, clean: usize) {
        assert!(
            clean <= self.clean_len(),
            "clean offset {clean} is past the clean text's end {}",
            self.clean_len
        );
    }
}

/// Builds an [`OffsetMap`] while clean text is appended piece by piece.
///
/// Used by [`crate::CleanText`]; kept separate so the map's invariants are established in one
/// place. Consecutive copied pieces that are contiguous in the source merge into one segment,
/// and so do consecutive pieces of one replacement.
#[derive(Debug)]
pub(crate) struct MapBuilder {
    segments: Vec<Segment>,
    clean_len: usize,
    source_len: usize,
}

impl MapBuilder {
    pub(crate) fn new(source_len: usize) -> MapBuilder {
        MapBuilder {
            segments: Vec::new(),
            clean_len: 0,
            source_len,
        }
    }

    /// Appends `len` bytes copied from the source at `source_start`.
    pub(crate) fn copied(&mut self, source_start: usize, len: usize) {
        if len == 0 {
            return;
        }
        let clean_end = self.clean_len + len;
        if let Some(last) = self.segments.last_mut() {
            if last.kind == SegmentKind::Copied && last.source.end() == source_start {
                last.clean = Span::new(last.clean.start(), clean_end);
                last.source = Span::new(last.source.start(), source_start + len);
                self.clean_len = clean_end;
                return;
            }
        }
        self.segments.push(Segment {
            clean: Span::new(self.clean_len, clean_end),
            source: Span::new(source_start, source_start + len),
            kind: SegmentKind::Copied,
        });
        self.clean_len = clean_end;
    }

    /// Appends `len` bytes written in place of the source stretch `source`.
    pub(crate) fn replaced(&mut self, source: Span, len: usize) {
        if len == 0 {
            return;
        }
        let clean_end = self.clean_len + len;
        if let Some(last) = self.segments.last_mut() {
            if last.kind == SegmentKind::Replaced && last.source == source {
                last.clean = Span::new(last.clean.start(), clean_end);
                self.clean_len = clean_end;
                return;
            }
        }
        self.segments.push(Segment {
            clean: Span::new(self.clean_len, clean_end),
            source,
            kind: SegmentKind::Replaced,
        });
        self.clean_len = clean_end;
    }

    pub(crate) fn finish(self) -> OffsetMap {
        let to_u32 =
            |n: usize| u32::try_from(n).unwrap_or_else(|_| panic!("text length {n} over 4 GiB"));
        OffsetMap {
            segments: self.segments,
            clean_len: to_u32(self.clean_len),
            source_len: to_u32(self.source_len),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "ab" copied from 0, "XY" replacing source 4..7, "cd" copied from 9; source length 12.
    fn sample() -> OffsetMap {
        let mut b = MapBuilder::new(12);
        b.copied(0, 2);
        b.replaced(Span::new(4, 7), 2);
        b.copied(9, 2);
        b.finish()
    }

    #[test]
    fn start_and_end_policies() {
        let m = sample();
        // (clean offset, to_source, to_source_end)
        let table = [
            (0, 0, 0),
            (1, 1, 1),
            (2, 4, 2),
            (3, 4, 7),
            (4, 9, 7),
            (5, 10, 10),
            (6, 12, 11),
        ];
        for (c, s, e) in table {
            assert_eq!(
                (m.to_source(c), m.to_source_end(c)),
                (s, e),
                "clean offset {c}"
            );
        }
        assert_eq!(m.span_to_source(Span::new(0, 2)), Span::new(0, 2));
        assert_eq!(m.span_to_source(Span::new(2, 3)), Span::new(4, 7));
        assert_eq!(m.span_to_source(Span::new(1, 5)), Span::new(1, 10));
        assert_eq!(m.span_to_source(Span::new(4, 4)), Span::new(9, 9));
        assert_eq!(m.segments().len(), 3);
        // (source offset, to_clean, to_clean_end)
        let back = [
            (0, 0, 0),
            (2, 2, 2),
            (3, 2, 2),
            (4, 2, 2),
            (5, 2, 4),
            (7, 4, 4),
            (8, 4, 4),
            (9, 4, 4),
            (10, 5, 5),
            (12, 6, 6),
        ];
        for (s, c, e) in back {
            assert_eq!(
                (m.to_clean(s), m.to_clean_end(s)),
                (c, e),
                "source offset {s}"
            );
        }
        assert_eq!(m.span_to_clean(Span::new(9, 11)), Span::new(4, 6));
        assert_eq!(m.span_to_clean(Span::new(2, 4)), Span::new(2, 2));
        assert_eq!(m.span_to_clean(Span::new(5, 6)), Span::new(2, 4));
    }

    #[test]
    fn identity_and_merging() {
        let m = OffsetMap::identity(5);
        assert!(m.is_identity());
        assert_eq!(m.span_to_source(Span::new(1, 4)), Span::new(1, 4));
        let mut b = MapBuilder::new(6);
        b.copied(0, 2);
        b.copied(2, 3);
        let m = b.finish();
        assert_eq!(m.segments().len(), 1);
        assert!(!m.is_identity());
        assert_eq!(m.to_source(5), 6);
        assert_eq!(m.to_source_end(5), 5);
        let empty = OffsetMap::identity(0);
        assert_eq!(empty.to_source(0), 0);
    }

    #[test]
    #[should_panic(expected = "past the clean text's end")]
    fn offset_past_end_panics() {
        let _ = sample().to_source(7);
    }
}

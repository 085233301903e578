//! Offset-keeping text edits: the only way cleaning changes text.
//!
//! A [`CleanText`] collects edits against a source text — [`remove`](CleanText::remove),
//! [`replace`](CleanText::replace), [`collapse_whitespace`](CleanText::collapse_whitespace) —
//! and [`finish`](CleanText::finish) applies them in one pass, producing the clean text and the
//! [`OffsetMap`] from clean to source offsets.
//!
//! # Contract
//! * Every span is in **source** coordinates, whatever edits came before: callers find what to
//!   remove by looking at the source and never have to track shifting offsets.
//! * Spans must lie inside the source and on `char` boundaries.
//! * Edits must not overlap, with one exception: removals may overlap or touch other removals
//!   (they merge). Edits may touch (`a.end == b.start`) and may be given in any order. An empty
//!   replacement span is an insertion; two insertions at one position conflict, because their
//!   order would be ambiguous.
//! * Whitespace collapsing applies to the text *after* the other edits, so removing a line
//!   between two blank lines leaves one paragraph break, not three newlines.
//!
//! Edits that break the contract are refused with an [`EditError`] and leave the `CleanText`
//! unchanged.
//!
//! The trade-off: edits are recorded, not applied, so a caller cannot look at intermediate
//! text. In exchange there is exactly one copy of the text per document and the map is built
//! once, with one segment per edit.
//!
//! ```
//! use entente_text::{CleanText, Span};
//! let src = "Kim met Moon.\n\nADVERTISEMENT\n\n\nThey  signed it.";
//! let mut ct = CleanText::new(src);
//! ct.remove(Span::new(15, 28)).unwrap();
//! ct.collapse_whitespace();
//! let (text, map) = ct.finish();
//! assert_eq!(text, "Kim met Moon.\n\nThey signed it.");
//! let they = text.find("They").unwrap();
//! assert_eq!(&src[map.span_to_source(Span::new(they, they + 4))], "They");
//! ```

use crate::offset_map::MapBuilder;
use crate::{OffsetMap, Span};
use std::fmt;

/// Why an edit was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EditError {
    /// The span ends past the source text.
    OutOfBounds {
        /// The refused span.
        span: Span,
        /// Length of the source text.
        len: usize,
    },
    /// An end of the span is inside a multi-byte character.
    NotCharBoundary {
        /// The refused span.
        span: Span,
    },
    /// The span overlaps an edit made before.
    Overlap {
        /// The refused span.
        span: Span,
        /// The earlier edit's span.
        with: Span,
    },
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::OutOfBounds { span, len } => {
                write!(
                    f,
                    "edit span {span:?} ends past the source text's end {len}"
                )
            }
            EditError::NotCharBoundary { span } => {
                write!(f, "edit span {span:?} is not on char boundaries")
            }
            EditError::Overlap { span, with } => {
                write!(
                    f,
                    "edit span {span:?} overlaps the earlier edit at {with:?}"
                )
            }
        }
    }
}

impl std::error::Error for EditError {}

/// One recorded edit: `with == None` is a removal.
#[derive(Debug, Clone)]
struct Edit {
    span: Span,
    with: Option<Box<str>>,
}

/// Edits to a source text that keep track of where every clean byte came from.
///
/// See the [module docs](self) for the contract.
#[derive(Debug, Clone)]
pub struct CleanText<'a> {
    source: &'a str,
    /// Sorted by `(start, end)`, pairwise non-overlapping.
    edits: Vec<Edit>,
    collapse: bool,
}

impl<'a> CleanText<'a> {
    /// Starts editing `source`.
    pub fn new(source: &'a str) -> CleanText<'a> {
        CleanText {
            source,
            edits: Vec::new(),
            collapse: false,
        }
    }

    /// The source text.
    pub fn source(&self) -> &'a str {
        self.source
    }

    /// True when some edit touches a byte of `span` (or, for an empty span, sits strictly
    /// inside a removal or replacement).
    pub fn is_edited(&self, span: Span) -> bool {
        let i = self.edits.partition_point(|e| e.span.end <= span.start);
        self.edits
            .get(i)
            .is_some_and(|e| conflicts(e.span, span) || e.span.overlaps(span))
    }

    /// Removes the source text in `span`. Removals may overlap or touch earlier removals.
    ///
    /// # Errors
    /// See [`EditError`]; a refused edit changes nothing.
    pub fn remove(&mut self, span: Span) -> Result<(), EditError> {
        self.check(span)?;
        if span.is_empty() {
            return Ok(());
        }
        // Existing removals are pairwise apart (touching ones were merged), so one pass finds
        // every removal that overlaps or touches `span`.
        let joins =
            |e: &Edit| e.with.is_none() && e.span.start <= span.end && span.start <= e.span.end;
        let merged = self
            .edits
            .iter()
            .filter(|e| joins(e))
            .fold(span, |m, e| m.cover(e.span));
        // The merged removal must not swallow a replacement or split an insertion, including
        // one sitting exactly where two removals touch.
        if let Some(e) = self
            .edits
            .iter()
            .find(|e| e.with.is_some() && (conflicts(e.span, span) || conflicts(e.span, merged)))
        {
            return Err(EditError::Overlap { span, with: e.span });
        }
        self.edits.retain(|e| !joins(e));
        let i = self
            .edits
            .partition_point(|e| (e.span.start, e.span.end) < (merged.start, merged.end));
        self.edits.insert(
            i,
            Edit {
                span: merged,
                with: None,
            },
        );
        Ok(())
    }

    /// Replaces the source text in `span` with `with`; an empty `span` inserts.
    ///
    /// # Errors
    /// See [`EditError`]; a refused edit changes nothing.
    pub fn replace(&mut self, span: Span, with: &str) -> Result<(), EditError> {
        self.check(span)?;
        let i = self
            .edits
            .partition_point(|e| (e.span.start, e.span.end) < (span.start, span.end));
        for e in [i.checked_sub(1), Some(i)]
            .into_iter()
            .flatten()
            .filter_map(|j| self.edits.get(j))
        {
            if conflicts(e.span, span) {
                return Err(EditError::Overlap { span, with: e.span });
            }
        }
        self.edits.insert(
            i,
            Edit {
                span,
                with: Some(with.into()),
            },
        );
        Ok(())
    }

    /// Collapses whitespace in the final text: a whitespace run with two or more line breaks
    /// becomes `"\n\n"`, with one `"\n"`, otherwise `" "`; whitespace at the start and end of
    /// the text is dropped. Applies after all other edits (see the module docs).
    pub fn collapse_whitespace(&mut self) {
        self.collapse = true;
    }

    /// Applies the edits; returns the clean text and its map to source offsets.
    pub fn finish(self) -> (String, OffsetMap) {
        let mut sink = Sink::new(self.source.len(), self.collapse);
        let mut pos = 0;
        for e in &self.edits {
            sink.piece(&self.source[pos..e.span.start()], Origin::Copied(pos));
            if let Some(with) = &e.with {
                sink.piece(with, Origin::Replaced(e.span));
            }
            pos = e.span.end();
        }
        sink.piece(&self.source[pos..], Origin::Copied(pos));
        sink.finish()
    }

    fn check(&self, span: Span) -> Result<(), EditError> {
        if span.end() > self.source.len() {
            return Err(EditError::OutOfBounds {
                span,
                len: self.source.len(),
            });
        }
        if span.get(self.source).is_none() {
            return Err(EditError::NotCharBoundary { span });
        }
        Ok(())
    }
}

/// True when edits at `a` and `b` cannot both be applied: they share a byte, an insertion
/// sits strictly inside the other, or both are insertions at one position.
fn conflicts(a: Span, b: Span) -> bool {
    match (a.is_empty(), b.is_empty()) {
        (false, false) => a.overlaps(b),
        (true, true) => a.start == b.start,
        (true, false) => b.start < a.start && a.start < b.end,
        (false, true) => a.start < b.start && b.start < a.end,
    }
}

/// Where a piece of output text comes from.
#[derive(Debug, Clone, Copy)]
enum Origin {
    /// Copied from the source, starting at this byte.
    Copied(usize),
    /// Written in place of this source span.
    Replaced(Span),
}

impl Origin {
    /// The origin of the sub-piece starting `offset` bytes into the piece, and the source
    /// stretch a sub-piece `offset..offset + len` stands for.
    fn at(self, offset: usize, len: usize) -> (Origin, Span) {
        match self {
            Origin::Copied(s) => (
                Origin::Copied(s + offset),
                Span::new(s + offset, s + offset + len),
            ),
            Origin::Replaced(span) => (self, span),
        }
    }
}

/// A whitespace run seen but not yet written (its length depends on what follows).
#[derive(Debug)]
struct PendingSpace<'t> {
    first: &'t str,
    first_origin: Origin,
    source: Span,
    newlines: usize,
}

/// Receives output pieces in order, collapsing whitespace across piece borders when asked.
struct Sink<'t> {
    text: String,
    map: MapBuilder,
    collapse: bool,
    pending: Option<PendingSpace<'t>>,
}

impl<'t> Sink<'t> {
    fn new(source_len: usize, collapse: bool) -> Sink<'t> {
        Sink {
            text: String::with_capacity(source_len),
            map: MapBuilder::new(source_len),
            collapse,
            pending: None,
        }
    }

    fn piece(&mut self, piece: &'t str, origin: Origin) {
        if piece.is_empty() {
            return;
        }
        if !self.collapse {
            self.emit(piece, origin);
            return;
        }
        let mut start = 0;
        let mut in_space = None;
        for (i, c) in piece.char_indices() {
            let space = c.is_whitespace();
            match in_space {
                None => in_space = Some(space),
                Some(was) if was != space => {
                    self.run(piece, start, i, was, origin);
                    start = i;
                    in_space = Some(space);
                }
                Some(_) => {}
            }
        }
        if let Some(was) = in_space {
            self.run(piece, start, piece.len(), was, origin);
        }
    }

    fn run(&mut self, piece: &'t str, start: usize, end: usize, space: bool, origin: Origin) {
        let (sub_origin, source) = origin.at(start, end - start);
        let text = &piece[start..end];
        if !space {
            self.flush_space();
            self.emit(text, sub_origin);
            return;
        }
        let newlines = text.bytes().filter(|&b| b == b'\n').count();
        match &mut self.pending {
            Some(p) => {
                p.source = p.source.cover(source);
                p.newlines += newlines;
            }
            None => {
                self.pending = Some(PendingSpace {
                    first: text,
                    first_origin: sub_origin,
                    source,
                    newlines,
                })
            }
        }
    }

    fn flush_space(&mut self) {
        let Some(p) = self.pending.take() else {
            return;
        };
        if self.text.is_empty() {
            return; // leading whitespace is dropped
        }
        let target = match p.newlines {
            0 => " ",
            1 => "\n",
            _ => "\n\n",
        };
        // Prefer copying the target from the run itself, so the map stays exact.
        match (p.first_origin, p.first.find(target)) {
            (Origin::Copied(s), Some(at)) => self.map.copied(s + at, target.len()),
            _ => self.map.replaced(p.source, target.len()),
        }
        self.text.push_str(target);
    }

    fn emit(&mut self, text: &str, origin: Origin) {
        match origin {
            Origin::Copied(s) => self.map.copied(s, text.len()),
            Origin::Replaced(span) => self.map.replaced(span, text.len()),
        }
        self.text.push_str(text);
    }

    fn finish(self) -> (String, OffsetMap) {
        // A pending run here is trailing whitespace: dropped.
        (self.text, self.map.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(src: &str, edits: &[(usize, usize, Option<&str>)], collapse: bool) -> String {
        let mut ct = CleanText::new(src);
        for &(s, e, with) in edits {
            let span = Span::new(s, e);
            match with {
                None => ct.remove(span).unwrap(),
                Some(w) => ct.replace(span, w).unwrap(),
            }
        }
        if collapse {
            ct.collapse_whitespace();
        }
        ct.finish().0
    }

    #[test]
    fn edits_table() {
        // (source, edits, collapse, expected)
        type Case<'c> = (
            &'c str,
            &'c [(usize, usize, Option<&'c str>)],
            bool,
            &'c str,
        );
        let table: &[Case] = &[
            ("abc", &[], false, "abc"),
            ("abcdef", &[(1, 3, None)], false, "adef"),
            ("abcdef", &[(4, 5, None), (1, 3, None)], false, "adf"),
            ("abcdef", &[(1, 3, None), (2, 4, None)], false, "aef"),
            (
                "abcdef",
                &[(1, 3, Some("XY")), (3, 3, Some("-"))],
                false,
                "aXY-def",
            ),
            ("a  b\t\tc", &[], true, "a b c"),
            ("  a \n b\n\n\n c  ", &[], true, "a\nb\n\nc"),
            ("p1\n\nAD\n\np2", &[(4, 6, None)], true, "p1\n\np2"),
            ("x(END)", &[(1, 6, None)], true, "x"),
            ("a b", &[(1, 2, Some("\n\n"))], true, "a\n\nb"),
            ("Seoul—Tokyo", &[(5, 8, Some(" - "))], true, "Seoul - Tokyo"),
        ];
        for (src, edits, collapse, want) in table {
            assert_eq!(run(src, edits, *collapse), *want, "source {src:?}");
        }
    }

    #[test]
    fn refused_edits() {
        let mut ct = CleanText::new("héllo world");
        assert!(matches!(
            ct.remove(Span::new(2, 4)),
            Err(EditError::NotCharBoundary { .. })
        ));
        assert!(matches!(
            ct.remove(Span::new(0, 40)),
            Err(EditError::OutOfBounds { .. })
        ));
        ct.replace(Span::new(0, 3), "he").unwrap();
        assert!(matches!(
            ct.remove(Span::new(1, 5)),
            Err(EditError::Overlap { .. })
        ));
        assert!(ct.replace(Span::new(3, 3), "x").is_ok());
        assert!(ct.replace(Span::new(3, 3), "y").is_err());
        assert!(ct.remove(Span::new(3, 6)).is_ok());
        assert!(ct.is_edited(Span::new(4, 5)));
        assert!(!ct.is_edited(Span::new(7, 9)));
        assert_eq!(ct.finish().0, "hex world");
        let e = EditError::Overlap {
            span: Span::new(1, 5),
            with: Span::new(0, 3),
        };
        assert_eq!(
            e.to_string(),
            "edit span 1..5 overlaps the earlier edit at 0..3"
        );
    }

    #[test]
    fn a_removal_may_not_join_across_an_insertion() {
        // "aa|bb": an insertion where two removals would touch.
        let mut ct = CleanText::new("aabbcc");
        ct.replace(Span::new(2, 2), "X").unwrap();
        ct.remove(Span::new(2, 4)).unwrap();
        assert!(matches!(
            ct.remove(Span::new(0, 2)),
            Err(EditError::Overlap { .. })
        ));
        assert_eq!(ct.finish().0, "aaXcc");
    }

    #[test]
    fn map_after_collapse_points_into_source() {
        let src = "Moon  met\n\n\n\nKim";
        let mut ct = CleanText::new(src);
        ct.collapse_whitespace();
        let (text, map) = ct.finish();
        assert_eq!(text, "Moon met\n\nKim");
        let kim = Span::new(10, 13);
        assert_eq!(&text[kim.range()], "Kim");
        assert_eq!(&src[map.span_to_source(kim)], "Kim");
        assert_eq!(&src[map.span_to_source(Span::new(5, 8))], "met");
    }
}

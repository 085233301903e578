//! Property tests for `CleanText` and `OffsetMap`: any sequence of edits (accepted or refused),
//! with or without whitespace collapsing, yields a map that is monotone, in bounds, and maps
//! every untouched stretch to identical source text.
//!
//! Run more cases with `PROPTEST_CASES=20000 cargo test -p entente-text --test offset_props`.

use entente_text::{CleanText, OffsetMap, SegmentKind, Span};
use proptest::prelude::*;

/// Pieces chosen to exercise multi-byte chars and every whitespace class the collapser knows.
const PIECES: &[&str] = &[
    "a", "b", "Kim", " ", "  ", "\n", "\n\n", "\t", "é", "語", "\u{a0}",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

#[derive(Debug, Clone)]
enum Op {
    Remove(usize, usize),
    Replace(usize, usize, &'static str),
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    let op = prop_oneof![
        (0..200usize, 0..12usize).prop_map(|(a, l)| Op::Remove(a, l)),
        (
            0..200usize,
            0..6usize,
            prop::sample::select(&["", "X", " ", "\n\n", "é é"][..])
        )
            .prop_map(|(a, l, w)| Op::Replace(a, l, w)),
    ];
    prop::collection::vec(op, 0..8)
}

/// Snaps `a` (taken modulo the length) and `a + len` down to char boundaries of `s`.
fn span_in(s: &str, a: usize, len: usize) -> Span {
    let floor = |mut i: usize| {
        i = i.min(s.len());
        while !s.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(if s.is_empty() { 0 } else { a % (s.len() + 1) });
    Span::new(start, floor(start + len).max(start))
}

/// Applies `ops`, returning the accepted edits as (span, replacement) pairs.
fn apply<'a>(
    src: &'a str,
    ops: &[Op],
    collapse: bool,
) -> (CleanText<'a>, Vec<(Span, Option<&'static str>)>) {
    let mut ct = CleanText::new(src);
    let mut accepted = Vec::new();
    for op in ops {
        match *op {
            Op::Remove(a, l) => {
                let sp = span_in(src, a, l);
                if ct.remove(sp).is_ok() {
                    accepted.push((sp, None));
                }
            }
            Op::Replace(a, l, w) => {
                let sp = span_in(src, a, l);
                if ct.replace(sp, w).is_ok() {
                    accepted.push((sp, Some(w)));
                }
            }
        }
    }
    if collapse {
        ct.collapse_whitespace();
    }
    (ct, accepted)
}

fn check_map(src: &str, clean: &str, map: &OffsetMap) {
    assert_eq!(map.clean_len(), clean.len());
    assert_eq!(map.source_len(), src.len());
    // Segments tile the clean text; source spans are ordered and disjoint.
    let mut clean_pos = 0;
    let mut source_pos = 0;
    for seg in map.segments() {
        assert_eq!(
            seg.clean.start(),
            clean_pos,
            "segments {:?}",
            map.segments()
        );
        assert!(!seg.clean.is_empty());
        assert!(seg.source.start() >= source_pos && seg.source.end() <= src.len());
        if seg.kind == SegmentKind::Copied {
            assert_eq!(&clean[seg.clean.range()], &src[seg.source.range()]);
        }
        clean_pos = seg.clean.end();
        source_pos = seg.source.end();
    }
    assert_eq!(clean_pos, clean.len());
    // Monotone, in bounds, on char boundaries.
    let (mut last_s, mut last_e) = (0, 0);
    for c in (0..=clean.len()).filter(|&c| clean.is_char_boundary(c)) {
        let (s, e) = (map.to_source(c), map.to_source_end(c));
        assert!(s >= last_s && e >= last_e, "not monotone at {c}");
        assert!(
            s <= src.len() && e <= src.len(),
            "out of bounds at {c}: {s}, {e}"
        );
        assert!(src.is_char_boundary(s) && src.is_char_boundary(e));
        (last_s, last_e) = (s, e);
    }
    // Every span maps to a valid span (Span::new panics otherwise).
    let bounds: Vec<usize> = (0..=clean.len())
        .filter(|&c| clean.is_char_boundary(c))
        .collect();
    for (i, &a) in bounds.iter().enumerate() {
        for &b in &bounds[i..] {
            let _ = map.span_to_source(Span::new(a, b));
        }
    }
    // Source to clean: monotone, in bounds, and a round trip for copied text.
    let (mut last_c, mut last_ce) = (0, 0);
    for s in (0..=src.len()).filter(|&s| src.is_char_boundary(s)) {
        let (c, ce) = (map.to_clean(s), map.to_clean_end(s));
        assert!(c >= last_c && ce >= last_ce && c <= clean.len() && ce <= clean.len());
        assert!(clean.is_char_boundary(c) && clean.is_char_boundary(ce));
        (last_c, last_ce) = (c, ce);
    }
    for seg in map
        .segments()
        .iter()
        .filter(|s| s.kind == SegmentKind::Copied)
    {
        assert_eq!(map.span_to_clean(seg.source), seg.clean);
    }
    // Any span inside a copied segment maps to identical source text.
    for seg in map
        .segments()
        .iter()
        .filter(|s| s.kind == SegmentKind::Copied)
    {
        let piece = &clean[seg.clean.range()];
        for (i, _) in piece.char_indices() {
            let sp = Span::new(seg.clean.start() + i, seg.clean.end());
            assert_eq!(&src[map.span_to_source(sp).range()], &clean[sp.range()]);
        }
    }
}

proptest! {
    #[test]
    fn edits_keep_map_sound(src in text(), ops in ops(), collapse in any::<bool>()) {
        let (ct, accepted) = apply(&src, &ops, collapse);
        let (clean, map) = ct.finish();
        check_map(&src, &clean, &map);

        // Every source char untouched by an edit (and not whitespace, when collapsing) is copied.
        let touched = |i: usize| accepted.iter().any(|(sp, _)| sp.start() <= i && i < sp.end());
        for (i, ch) in src.char_indices() {
            if touched(i) || (collapse && ch.is_whitespace()) {
                continue;
            }
            let copied = map.segments().iter().any(|s| {
                s.kind == SegmentKind::Copied && s.source.start() <= i && i < s.source.end()
            });
            prop_assert!(copied, "untouched char {ch:?} at {i} lost; clean {clean:?}");
        }

        // Without collapsing, the result equals a naive application of the accepted edits.
        if !collapse {
            let mut edits = accepted.clone();
            edits.sort_by_key(|(sp, w)| (sp.start, sp.end, w.is_none()));
            let mut want = String::new();
            for (i, ch) in src.char_indices() {
                for (sp, w) in &edits {
                    if let Some(w) = w {
                        if sp.start() == i { want.push_str(w); }
                    }
                }
                if !touched(i) { want.push(ch); }
            }
            for (sp, w) in &edits {
                if let Some(w) = w {
                    if sp.start() == src.len() { want.push_str(w); }
                }
            }
            prop_assert_eq!(clean, want);
        }
    }

    #[test]
    fn collapsed_text_has_no_whitespace_runs(src in text()) {
        let mut ct = CleanText::new(&src);
        ct.collapse_whitespace();
        let (clean, map) = ct.finish();
        check_map(&src, &clean, &map);
        prop_assert_eq!(clean.trim(), clean.as_str());
        let chars: Vec<char> = clean.chars().collect();
        for w in chars.windows(2) {
            let both_space = w[0].is_whitespace() && w[1].is_whitespace();
            prop_assert!(!both_space || (w[0] == '\n' && w[1] == '\n'), "run in {clean:?}");
        }
        prop_assert!(!clean.contains("\n\n\n"));
    }
}

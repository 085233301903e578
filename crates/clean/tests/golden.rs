//! Golden tests: each fixture in `tests/fixtures/` is cleaned and the result snapshotted with
//! `insta` as readable text (clean text, captions, removed stretches with their reasons).
//! `.txt` fixtures are bodies as a text reader yields them; `.html` fixtures go through
//! `entente-read`'s HTML reader first, so figcaption hints are exercised. Leading `//!` lines
//! (and an HTML comment) hold a note of what the fixture should yield and are not cleaned.
//!
//! Update snapshots after a deliberate change with `INSTA_UPDATE=always cargo test -p
//! entente-clean --test golden` and review the diff.

use entente_clean::{Cleaned, Cleaner};
use entente_text::Span;
use std::fmt::Write;
use std::path::Path;

fn fixture(name: &str) -> (String, Vec<Span>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if name.ends_with(".html") {
        let page = entente_read::html::read_html(&raw);
        return (page.body, page.caption_hints);
    }
    let body: Vec<&str> = raw.lines().skip_while(|l| l.starts_with("//!")).collect();
    (body.join("\n") + "\n", Vec::new())
}

fn render(body: &str, c: &Cleaned) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "--- text ---\n{}", c.text);
    let _ = writeln!(out, "--- captions ---");
    for s in &c.captions {
        let _ = writeln!(out, "{:?}", &c.text[s.range()]);
    }
    let _ = writeln!(out, "--- removed ---");
    for r in &c.removed {
        let _ = writeln!(out, "{:<14} {:?}", r.reason, &body[r.span.range()]);
    }
    out
}

/// Every caption maps back to the same words in the body; every removed stretch is gone from
/// the clean text (maps to an empty span).
fn check_spans(body: &str, c: &Cleaned) {
    for &cap in &c.captions {
        let src = c.map.span_to_source(cap);
        let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        assert_eq!(
            words(&body[src.range()]),
            words(&c.text[cap.range()]),
            "caption {cap:?}"
        );
    }
    for r in &c.removed {
        assert!(!r.span.is_empty(), "empty removal {r:?}");
        assert!(
            c.map.span_to_clean(r.span).is_empty(),
            "removed {r:?} still in the text"
        );
    }
    // Every word of the clean text maps back to the same word of the body.
    let mut pos = 0;
    for w in c.text.split_whitespace() {
        let start = pos + c.text[pos..].find(w).unwrap_or(0);
        let span = Span::new(start, start + w.len());
        assert_eq!(&body[c.map.span_to_source(span).range()], w);
        pos = span.end();
    }
}

fn golden(name: &str) -> Cleaned {
    let (body, hints) = fixture(name);
    let cleaned = Cleaner::new().clean(&body, &hints);
    check_spans(&body, &cleaned);
    insta::assert_snapshot!(name.replace('.', "_"), render(&body, &cleaned));
    cleaned
}

#[test]
fn wire_noisy() {
    golden("wire_noisy.txt");
}

#[test]
fn blog_comments() {
    golden("blog_comments.txt");
}

#[test]
fn noisy_page() {
    let c = golden("noisy_page.html");
    assert_eq!(c.captions.len(), 2);
}

#[test]
fn clean_article_is_unchanged_but_for_whitespace() {
    let (body, _) = fixture("clean_article.txt");
    let c = golden("clean_article.txt");
    assert!(c.removed.is_empty(), "{:?}", c.removed);
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(words(&c.text), words(&body));
}

//! Property tests: segmentation never drops or reorders text.

use entente_segment::{sentences, tokens};
use proptest::prelude::*;

proptest! {
    #[test]
    fn sentences_cover_all_non_space_text_in_order(text in "[A-Za-z .,!?\"'\n()0-9é-]{0,200}") {
        let spans = sentences(&text);
        let mut last = 0usize;
        let mut rebuilt = String::new();
        for s in &spans {
            prop_assert!(s.span.start() >= last, "sentences overlap or go backwards");
            prop_assert!(text[last..s.span.start()].trim().is_empty(), "text dropped between sentences");
            rebuilt.push_str(&text.as_str()[s.span]);
            last = s.span.end();
        }
        prop_assert!(text[last..].trim().is_empty(), "text dropped at the end");
        let a: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let b: String = rebuilt.chars().filter(|c| !c.is_whitespace()).collect();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn tokens_cover_all_non_space_text(text in "[A-Za-z .,'\"0-9-]{0,120}") {
        let span = entente_text::Span::new(0, text.len());
        let toks = tokens(&text, span);
        let joined: String = toks.iter().map(|t| &text.as_str()[*t]).collect();
        let a: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        prop_assert_eq!(a, joined);
    }
}

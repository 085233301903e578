//! The per-sentence context every extraction step reads: the sentence text and the mentions,
//! places, time expressions and status cues that lie inside it, with offsets relative to the
//! sentence.

use crate::lexicon::CueMatch;
use entente_doc::{Document, Mention, PlaceMention, Timex};

/// A mention, timex or place positioned relative to the sentence.
pub(crate) struct Local<'a, T> {
    /// Start (bytes, relative to the sentence).
    pub start: usize,
    /// End (bytes, relative to the sentence).
    pub end: usize,
    /// The item itself.
    pub item: &'a T,
}

/// The items of `items` (sorted by start) that lie inside `span`.
pub(crate) fn local<'a, T: entente_text::Ranged>(
    items: &'a [T],
    span: entente_text::Span,
) -> Vec<Local<'a, T>> {
    let lo = items.partition_point(|x| x.span().start < span.start);
    items[lo..]
        .iter()
        .take_while(|x| x.span().start < span.end)
        .filter(|x| x.span().end <= span.end)
        .map(|x| Local {
            start: x.span().start() - span.start(),
            end: x.span().end() - span.start(),
            item: x,
        })
        .collect()
}

/// One sentence with everything found in it.
pub(crate) struct SentenceCtx<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Sentence index.
    pub sid: u32,
    /// Sentence text.
    pub text: &'a str,
    /// Status cues.
    pub cues: Vec<CueMatch>,
    /// Actor mentions.
    pub mentions: Vec<Local<'a, Mention>>,
    /// Places.
    pub places: Vec<Local<'a, PlaceMention>>,
    /// Time expressions.
    pub timexes: Vec<Local<'a, Timex>>,
}

const LOCATIVE: &[&str] = &[
    "in", "at", "to", "from", "into", "near", "inside", "outside", "via", "toward", "towards", "on",
];

/// The word right before byte `at` of `s`.
pub(crate) fn prev_word(s: &str, at: usize) -> &str {
    let head = s[..at].trim_end();
    let start = head
        .rfind(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|i| i + head[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    &head[start..]
}

/// True when the item at `at` follows a locative preposition ("in Seoul", "to the capital").
pub(crate) fn is_locative(s: &str, at: usize) -> bool {
    let w = prev_word(s, at).to_ascii_lowercase();
    if LOCATIVE.contains(&w.as_str()) {
        return true;
    }
    // "in the Russian city of Vladivostok", "to the capital Pyongyang"
    if w == "the" {
        let before_the = s[..at].trim_end();
        let before_the = &before_the[..before_the.len() - 3];
        let w2 = prev_word(before_the, before_the.len()).to_ascii_lowercase();
        return LOCATIVE.contains(&w2.as_str());
    }
    false
}

/// True for questions and interviewer prompts, which assert nothing.
pub(crate) fn is_question(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '\'', '”', '’', ')']).trim_end();
    t.ends_with('?')
        || s.starts_with("Q:")
        || s.starts_with("Q.")
        || s.starts_with("Question:")
        || s.starts_with("QUESTION:")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prev_word_after_multibyte_punctuation() {
        let cases = [
            ("TAIPEI –Pelosi", 16, "Pelosi"),
            ("TAIPEI – Pelosi", 11, ""),
            ("Seoul—Tokyo", 13, "Tokyo"),
            ("in Seoul", 8, "Seoul"),
            ("", 0, ""),
        ];
        for (s, at, want) in cases {
            assert_eq!(prev_word(s, at), want, "{s:?} at {at}");
        }
        assert!(!is_locative("TAIPEI – Pelosi", 11));
    }
}

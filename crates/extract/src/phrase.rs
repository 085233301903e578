//! Whole-word, case-insensitive phrase matching over a compiled automaton.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// A set of phrases compiled once; finds non-overlapping whole-word matches, longest first.
#[derive(Debug, Clone)]
pub struct PhraseMatcher {
    ac: AhoCorasick,
    /// Payload of each pattern.
    values: Vec<usize>,
}

/// A match of [`PhraseMatcher::find`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    /// Byte start in the searched text.
    pub start: usize,
    /// Byte end.
    pub end: usize,
    /// The payload given with the phrase.
    pub value: usize,
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

impl PhraseMatcher {
    /// Compiles `(phrase, payload)` pairs. Curly apostrophes are added as variants of straight
    /// ones. Returns `None` only when the automaton cannot be built (too large).
    pub fn new(phrases: impl IntoIterator<Item = (String, usize)>) -> Option<PhraseMatcher> {
        let mut pats = Vec::new();
        let mut values = Vec::new();
        for (p, v) in phrases {
            if p.contains('\'') {
                pats.push(p.replace('\'', "\u{2019}"));
                values.push(v);
            }
            pats.push(p);
            values.push(v);
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&pats)
            .ok()?;
        Some(PhraseMatcher { ac, values })
    }

    /// Non-overlapping whole-word matches in `text`, longest first at each position.
    pub fn find(&self, text: &str) -> Vec<PhraseMatch> {
        let bytes = text.as_bytes();
        let mut all: Vec<PhraseMatch> = self
            .ac
            .find_overlapping_iter(text)
            .filter(|m| {
                let (s, e) = (m.start(), m.end());
                let left_ok = s == 0 || !is_word_byte(bytes[s - 1]) || !is_word_byte(bytes[s]);
                let right_ok =
                    e == bytes.len() || !is_word_byte(bytes[e]) || !is_word_byte(bytes[e - 1]);
                left_ok && right_ok
            })
            .map(|m| PhraseMatch {
                start: m.start(),
                end: m.end(),
                value: self.values[m.pattern().as_usize()],
            })
            .collect();
        all.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut out: Vec<PhraseMatch> = Vec::with_capacity(all.len());
        for m in all {
            if out.last().is_some_and(|l| m.start < l.end) {
                continue;
            }
            out.push(m);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_longest_first() {
        let m = PhraseMatcher::new(
            [
                ("meet", 0),
                ("met", 1),
                ("held talks", 2),
                ("talks", 3),
                ("leaders' meeting", 4),
            ]
            .into_iter()
            .map(|(p, v)| (p.to_string(), v)),
        )
        .unwrap();
        let t = "They met, held talks and helmet talks; a leaders’ meeting";
        let got: Vec<(&str, usize)> = m
            .find(t)
            .into_iter()
            .map(|x| (&t[x.start..x.end], x.value))
            .collect();
        assert_eq!(
            got,
            [
                ("met", 1),
                ("held talks", 2),
                ("talks", 3),
                ("leaders’ meeting", 4)
            ]
        );
    }
}

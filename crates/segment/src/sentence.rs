//! Sentence boundaries.

use entente_text::Span;

/// A sentence found by [`sentences`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SentenceSpan {
    /// Span of the sentence (trimmed of surrounding whitespace).
    pub span: Span,
    /// The sentence is a whole line without final punctuation (headline, dateline, caption).
    pub headline: bool,
}

/// Abbreviations after which a dot does not end a sentence (compared case-sensitively,
/// without the final dot).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm", "Sgt",
    "Cpl", "Pvt", "Sen", "Rep", "Gov", "Pres", "Amb", "Rev", "Hon", "Supt", "Insp", "Jr", "Sr",
    "St", "Mt", "Ft", "No", "Nos", "Vol", "Art", "Sec", "Para", "Fig", "Jan", "Feb", "Mar", "Apr",
    "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Inc", "Corp", "Co", "Ltd", "Bros", "vs", "etc",
    "approx", "est", "Dept", "Univ", "Assn", "Ave", "Blvd", "Rd", "Gov't", "Govt", "ca", "cf",
    "al", "Sens", "Reps", "Messrs", "Mme", "Mlle", "Pte", "Bhd",
];

/// Capitalised words that usually start a sentence; after an ambiguous abbreviation such as
/// `U.S.` they signal a boundary.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "Or",
    "In",
    "On",
    "At",
    "After",
    "Before",
    "However",
    "Meanwhile",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "There",
    "When",
    "While",
    "As",
    "If",
    "Yet",
    "So",
    "Still",
    "Officials",
    "Analysts",
    "Experts",
    "Both",
    "Earlier",
    "Later",
    "Last",
    "Next",
];

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '’' | '”' | '»')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '(' | '[' | '‘' | '“' | '«')
}

/// The word (letters, digits, dots, apostrophes) ending right before byte `end` of `line`.
fn word_before(line: &str, end: usize) -> &str {
    let head = &line[..end];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || c == '\'' || c == '’'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    &head[start..]
}

fn next_word(rest: &str) -> &str {
    let rest = rest.trim_start_matches(|c: char| is_opener(c));
    let end = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    &rest[..end]
}

/// Decides whether a terminal `.` at `dot` (byte index in `line`) ends the sentence, given
/// what follows.
fn dot_ends_sentence(line: &str, dot: usize, following: &str) -> bool {
    let word = word_before(line, dot);
    let core = word.trim_end_matches('.');
    if core.is_empty() {
        return true;
    }
    // Numbers at the very start of a line are list markers ("1. The first point").
    if core.chars().all(|c| c.is_ascii_digit()) && line[..dot].trim_start().len() == core.len() {
        return false;
    }
    if ABBREVIATIONS.contains(&core) {
        // "No." only abbreviates before a number.
        if core == "No" || core == "Nos" {
            return !following.starts_with(|c: char| c.is_ascii_digit());
        }
        return false;
    }
    let mut chars = core.chars();
    let first = chars.next();
    // A single upper-case initial ("George W. Bush", "J. Smith").
    if core.chars().count() == 1 && first.is_some_and(char::is_uppercase) {
        return false;
    }
    // Dotted abbreviations: U.S., U.N., D.C., e.g., a.m.
    if core.contains('.') && core.split('.').all(|p| p.chars().count() <= 2) {
        let next = next_word(following);
        return SENTENCE_STARTERS.contains(&next);
    }
    true
}

fn starts_sentence(rest: &str) -> bool {
    let trimmed = rest.trim_start_matches(is_opener);
    match trimmed.chars().next() {
        Some(c) => c.is_uppercase() || c.is_ascii_digit() || !c.is_alphabetic() && is_opener(c),
        None => false,
    }
}

/// Splits `text` into sentences. Byte-exact; never drops or reorders text.
pub fn sentences(text: &str) -> Vec<SentenceSpan> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        segment_line(
            text,
            line_start,
            line.trim_end_matches(['\n', '\r']),
            &mut out,
        );
        line_start += line.len();
    }
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<SentenceSpan>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    let (s, e) = (start + lead, end - trail);
    if s < e {
        out.push(SentenceSpan {
            span: Span::new(s, e),
            headline: false,
        });
    }
}

fn segment_line(text: &str, base: usize, line: &str, out: &mut Vec<SentenceSpan>) {
    if line.trim().is_empty() {
        return;
    }
    let first_of_line = out.len();
    let mut start = 0;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // Consume runs of terminal marks and closing quotes/brackets.
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if matches!(d, '.' | '!' | '?' | '…') || is_closer(d) {
                end = j + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let rest = &line[end..];
        if !rest.starts_with(char::is_whitespace) {
            continue;
        }
        let following = rest.trim_start();
        if !starts_sentence(following) {
            continue;
        }
        if c == '.' && end == i + 1 && !dot_ends_sentence(line, i, following) {
            continue;
        }
        push_trimmed(text, base + start, base + end, out);
        start = end;
    }
    push_trimmed(text, base + start, base + line.len(), out);
    // A line made of one sentence without final punctuation is a headline-like line.
    if out.len() == first_of_line + 1 {
        let last = &text[out[first_of_line].span];
        let ends = last.trim_end_matches(is_closer);
        if !ends.ends_with(['.', '!', '?', '…', ':', ';']) {
            out[first_of_line].headline = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|s| &text[s.span]).collect()
    }

    #[test]
    fn table_of_cases() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Moon met Kim. They talked.",
                &["Moon met Kim.", "They talked."],
            ),
            (
                "U.S. Secretary of State Mike Pompeo arrived in Pyongyang.",
                &["U.S. Secretary of State Mike Pompeo arrived in Pyongyang."],
            ),
            (
                "He flew to Washington, D.C. on Monday.",
                &["He flew to Washington, D.C. on Monday."],
            ),
            (
                "Officials met in the U.S. The talks went well.",
                &["Officials met in the U.S.", "The talks went well."],
            ),
            (
                "Gen. Vincent Brooks spoke.",
                &["Gen. Vincent Brooks spoke."],
            ),
            (
                "Kim Jong Un is the No. 1 leader. Choe is No. 2 in the ranks.",
                &[
                    "Kim Jong Un is the No. 1 leader.",
                    "Choe is No. 2 in the ranks.",
                ],
            ),
            (
                "George W. Bush visited Seoul.",
                &["George W. Bush visited Seoul."],
            ),
            (
                "\"We will meet again,\" Trump said. \"It was great.\" Kim smiled.",
                &[
                    "\"We will meet again,\" Trump said.",
                    "\"It was great.\"",
                    "Kim smiled.",
                ],
            ),
            (
                "Kim and Trump to meet in Hanoi\nPublished: 2019-02-08\nThe two leaders will meet.",
                &[
                    "Kim and Trump to meet in Hanoi",
                    "Published: 2019-02-08",
                    "The two leaders will meet.",
                ],
            ),
            (
                "1. Denuclearization of the peninsula.\n2. A peace regime.",
                &[
                    "1. Denuclearization of the peninsula.",
                    "2. A peace regime.",
                ],
            ),
            (
                "Will they meet? Nobody knows!",
                &["Will they meet?", "Nobody knows!"],
            ),
            (
                "The summit is set for Feb. 27 in Hanoi.",
                &["The summit is set for Feb. 27 in Hanoi."],
            ),
            (
                "the ratio was 3.5 to 1. Then it fell.",
                &["the ratio was 3.5 to 1.", "Then it fell."],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&split(text), want, "segmenting {text:?}");
        }
    }

    #[test]
    fn headline_flags() {
        let t = "Kim and Trump to meet in Hanoi\nThe two leaders will meet.";
        let s = sentences(t);
        assert!(s[0].headline);
        assert!(!s[1].headline);
    }
}

//! Telling lines in another script from the article's own.
//!
//! English news pages scraped from Korean, Japanese or Russian sites carry stray lines in the
//! site's language (menus, related headlines, the original-language version of a quote). A line
//! is *foreign* when most of its letters are outside the Latin script while the article as a
//! whole is mostly Latin. Articles written in another script are left alone.
//!
//! Letters are classed by code-point range rather than with a full Unicode script table: only
//! "Latin or not" matters, and a range check per char keeps the pass cheap.

/// True for letters of the Latin script (ASCII, Latin-1, Latin Extended A/B and Additional).
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}')
            && c.is_alphabetic()
            && c != '\u{d7}'
            && c != '\u{f7}'
}

/// Counts (Latin letters, other letters) in `s`.
fn letters(s: &str) -> (usize, usize) {
    // most news text is plain ASCII: count its letters a byte at a time
    if s.is_ascii() {
        return (s.bytes().filter(u8::is_ascii_alphabetic).count(), 0);
    }
    let (mut latin, mut other) = (0, 0);
    for c in s.chars() {
        if c.is_ascii() {
            latin += usize::from(c.is_ascii_alphabetic());
        } else if is_latin(c) {
            latin += 1;
        } else if c.is_alphabetic() {
            other += 1;
        }
    }
    (latin, other)
}

/// True when at least two thirds of the letters of `text` are Latin.
pub(crate) fn is_mostly_latin(text: &str) -> bool {
    if text.is_ascii() {
        return true;
    }
    let (latin, other) = letters(text);
    latin >= 2 * other
}

/// True when a line holds at least three non-Latin letters and more non-Latin than Latin ones.
pub(crate) fn is_foreign_line(line: &str) -> bool {
    if line.is_ascii() {
        return false;
    }
    let (latin, other) = letters(line);
    other >= 3 && other > latin
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines() {
        // (line, foreign)
        let table = [
            ("Kim Jong Un met Moon Jae-in.", false),
            ("Kim Jong Un (김정은) met Moon Jae-in.", false),
            ("김정은 국무위원장", true),
            ("Владимир Путин встретился", true),
            ("安倍晋三首相", true),
            ("Zürich, São Paulo, Łódź and Hà Nội", false),
            ("2019 — 3:0", false),
        ];
        for (line, want) in table {
            assert_eq!(is_foreign_line(line), want, "{line:?}");
        }
        assert!(is_mostly_latin("Moon met Kim in Pyongyang. 김정은"));
        assert!(!is_mostly_latin("문재인 대통령과 김정은 위원장"));
    }
}

//! Tokens: words (with inner hyphens, apostrophes and dotted abbreviations), numbers and
//! punctuation marks.

use entente_text::Span;

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits `text[span]` into tokens; spans are absolute offsets into `text`.
pub fn tokens(text: &str, span: Span) -> Vec<Span> {
    let base = span.start();
    let s = &text[span];
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if !is_word_char(c) {
            out.push(Span::new(base + i, base + i + c.len_utf8()));
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            if is_word_char(d) {
                end = j + d.len_utf8();
                it.next();
                continue;
            }
            // Inner joiners: "Jae-in", "Kim's", "U.S.", "3.5", "1,000".
            if matches!(d, '-' | '\'' | '’' | '.' | ',') {
                let after = s[j + d.len_utf8()..].chars().next();
                let joins = match d {
                    '.' => after.is_some_and(is_word_char) || is_dotted_abbrev(&s[i..j]),
                    ',' => {
                        after.is_some_and(|a| a.is_ascii_digit())
                            && s[i..j].chars().all(|x| x.is_ascii_digit())
                    }
                    _ => after.is_some_and(is_word_char),
                };
                if joins {
                    end = j + d.len_utf8();
                    it.next();
                    continue;
                }
            }
            break;
        }
        out.push(Span::new(base + i, base + end));
    }
    out
}

/// "U.S" (before its final dot), "D.C", "e.g": single letters separated by dots.
fn is_dotted_abbrev(w: &str) -> bool {
    w.contains('.') && w.split('.').all(|p| p.chars().count() == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_inner_joiners() {
        let t = "Moon Jae-in met U.S. envoy Kim's team, paying $1,000.5 (approx.)";
        let got: Vec<&str> = tokens(t, Span::new(0, t.len()))
            .into_iter()
            .map(|s| &t[s])
            .collect();
        assert_eq!(
            got,
            [
                "Moon", "Jae-in", "met", "U.S.", "envoy", "Kim's", "team", ",", "paying", "$",
                "1,000.5", "(", "approx", ".", ")"
            ]
        );
    }
}

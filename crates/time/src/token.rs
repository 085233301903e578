//! One-pass tokenizer: words, digit runs and single punctuation marks with byte offsets, the
//! lexicon class of every word, and sentence boundaries. Letters and digits are split apart
//! ("12th" is `12` + `th`, "1990s" is `1990` + `s`); adjacency is kept in [`Tok::gap`].

use crate::lexicon::{Lex, Lexicon};

/// Token category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct,
}

/// One token.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub lex: Lex,
    /// Numeric value of a digit run (saturating), 0 otherwise.
    pub num: u32,
    /// Number of digits of a digit run.
    pub ndig: u8,
    /// First letter is upper case.
    pub cap: bool,
    /// Whitespace (or start of text) before the token.
    pub gap: bool,
    /// The punctuation byte (with dashes mapped to `-` and curly quotes to `'`).
    pub ch: u8,
    /// Sentence index.
    pub sent: u32,
}

/// Tokenized document.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    /// Token index where each sentence starts, plus a final sentinel `toks.len()`.
    pub sents: Vec<usize>,
}

impl<'a> Doc<'a> {
    /// Tokenizes `text`.
    pub(crate) fn new(text: &'a str, lex: &Lexicon) -> Doc<'a> {
        let b = text.as_bytes();
        let mut toks: Vec<Tok> = Vec::with_capacity(b.len() / 3 + 4);
        let mut i = 0;
        let mut gap = true;
        let mut newlines = 0u32;
        let mut sent = 0u32;
        let mut pending_break = false;
        let mut sents = vec![0usize];
        while i < b.len() {
            let c = b[i];
            if c == b' ' || c == b'\t' || c == b'\r' || c == b'\n' {
                if c == b'\n' {
                    newlines += 1;
                }
                gap = true;
                i += 1;
                continue;
            }
            let start = i;
            let (kind, ch) = if c.is_ascii_alphabetic() {
                while i < b.len()
                    && (b[i].is_ascii_alphabetic() || b[i] >= 0x80 && is_letter_at(text, i))
                {
                    i += char_len(b[i]);
                }
                (Kind::Word, 0)
            } else if c.is_ascii_digit() {
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                (Kind::Num, 0)
            } else if c < 0x80 {
                i += 1;
                (Kind::Punct, c)
            } else {
                let n = char_len(c);
                let ch = text
                    .get(i..i + n)
                    .and_then(|s| s.chars().next())
                    .unwrap_or(' ');
                i += n;
                match ch {
                    '\u{2013}' | '\u{2014}' | '\u{2011}' | '\u{2012}' => (Kind::Punct, b'-'),
                    '\u{2019}' | '\u{2018}' => (Kind::Punct, b'\''),
                    '\u{201c}' | '\u{201d}' => (Kind::Punct, b'"'),
                    '\u{a0}' | '\u{2009}' | '\u{202f}' => {
                        gap = true;
                        continue;
                    }
                    c if c.is_alphabetic() => {
                        while i < b.len()
                            && (b[i].is_ascii_alphabetic() || b[i] >= 0x80 && is_letter_at(text, i))
                        {
                            i += char_len(b[i]);
                        }
                        (Kind::Word, 0)
                    }
                    _ => (Kind::Punct, 1),
                }
            };
            // sentence boundary: paragraph break, or a pending full stop followed by a gap
            // and an upper-case letter, digit or quote
            if !toks.is_empty()
                && (newlines >= 2 || pending_break && gap && starts_sentence(b[start]))
            {
                sent += 1;
                sents.push(toks.len());
            }
            newlines = 0;
            pending_break = false;
            let word = &text[start..i];
            let (lexc, num, ndig) = match kind {
                Kind::Word => (lex.lookup(word), 0, 0),
                Kind::Num => {
                    let mut v: u32 = 0;
                    for d in word.bytes() {
                        v = v.saturating_mul(10).saturating_add(u32::from(d - b'0'));
                    }
                    (Lex::None, v, word.len().min(255) as u8)
                }
                Kind::Punct => (Lex::None, 0, 0),
            };
            let cap = kind == Kind::Word && c.is_ascii_uppercase();
            if kind == Kind::Punct
                && (ch == b'.' || ch == b'!' || ch == b'?')
                && !abbreviation_before(&toks, text)
            {
                pending_break = true;
            }
            toks.push(Tok {
                start,
                end: i,
                kind,
                lex: lexc,
                num,
                ndig,
                cap,
                gap,
                ch,
                sent,
            });
            gap = false;
        }
        sents.push(toks.len());
        // "may" in lower case is the modal ("Moon may travel to Tokyo next week"), unless a
        // day number follows ("may 5") or a word that takes a month stands before it ("in
        // may", "the 1st of may").
        const BEFORE_MONTH: &[&str] = &[
            "of", "in", "since", "until", "till", "by", "early", "late", "mid", "last", "next",
            "this", "from", "to", "through", "before", "after", "during", "and", "or",
        ];
        for k in 0..toks.len() {
            let t = &toks[k];
            let ambiguous = t.lex == Lex::Month(5, false)
                && !t.cap
                && text.get(t.start..t.end).is_some_and(|w| w.len() == 3);
            if !ambiguous {
                continue;
            }
            let day_next = toks
                .get(k + 1)
                .is_some_and(|n| n.kind == Kind::Num && n.gap);
            let month_before = k > 0
                && toks.get(k - 1).is_some_and(|p| {
                    // a word of its own, not the end of a name ("Moon Jae-in may")
                    p.kind == Kind::Word
                        && p.gap
                        && text
                            .get(p.start..p.end)
                            .is_some_and(|w| BEFORE_MONTH.iter().any(|b| b.eq_ignore_ascii_case(w)))
                });
            if !day_next && !month_before {
                toks[k].lex = Lex::None;
            }
        }
        Doc { text, toks, sents }
    }

    /// Lower-case-insensitive comparison of token `i` with `w`.
    pub(crate) fn is(&self, i: usize, w: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| self.text[t.start..t.end].eq_ignore_ascii_case(w))
    }

    /// Surface text of token `i`.
    pub(crate) fn word(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    /// Token range `[start, end)` of sentence `s`.
    pub(crate) fn sentence(&self, s: u32) -> (usize, usize) {
        let s = s as usize;
        let a = self.sents.get(s).copied().unwrap_or(0);
        let b = self.sents.get(s + 1).copied().unwrap_or(self.toks.len());
        (a, b)
    }
}

fn char_len(b: u8) -> usize {
    match b {
        0xf0..=0xff => 4,
        0xe0..=0xef => 3,
        0xc0..=0xdf => 2,
        _ => 1,
    }
}

fn is_letter_at(text: &str, i: usize) -> bool {
    text.get(i..)
        .and_then(|s| s.chars().next())
        .is_some_and(|c| c.is_alphabetic())
}

fn starts_sentence(c: u8) -> bool {
    c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'"' || c == b'\'' || c >= 0x80
}

/// Whether the full stop about to be pushed ends an abbreviation ("Mr.", "Oct.", "U.S.").
fn abbreviation_before(toks: &[Tok], text: &str) -> bool {
    let Some(prev) = toks.last() else {
        return false;
    };
    if prev.kind != Kind::Word {
        return false;
    }
    let w = &text[prev.start..prev.end];
    if w.len() == 1 {
        return true;
    }
    const ABBR: [&str; 34] = [
        "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "gov", "sen", "rep", "prof",
        "jr", "sr", "no", "vs", "inc", "co", "corp", "jan", "feb", "mar", "apr", "aug", "sep",
        "sept", "oct", "nov", "dec", "rev", "capt", "adm", "maj",
    ];
    ABBR.iter().any(|a| a.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_letters_digits_and_sentences() {
        let lex = Lexicon::new();
        let d = Doc::new(
            "On Oct. 17th, Mr. Kim met Moon. They will meet again.",
            &lex,
        );
        let words: Vec<&str> = (0..d.toks.len()).map(|i| d.word(i)).collect();
        assert_eq!(&words[..6], &["On", "Oct", ".", "17", "th", ","]);
        assert_eq!(d.sents.len(), 3);
        assert!(!d.toks[4].gap);
        assert_eq!(d.toks[3].num, 17);
    }

    #[test]
    fn dashes_are_hyphens() {
        let lex = Lexicon::new();
        let d = Doc::new("27\u{2013}28 Feb", &lex);
        assert_eq!(d.toks[1].ch, b'-');
        assert_eq!(d.toks[2].num, 28);
    }
}

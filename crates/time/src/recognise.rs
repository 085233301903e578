//! Recognition driver: walks the tokens once, tries the grammar only at tokens that can start a
//! temporal expression (cheap lexicon/number test), keeps the longest match and extends it
//! with ranges, lists and trailing qualifiers. The grammar itself lives in [`crate::rules`]
//! (calendar forms) and [`crate::rules_rel`] (relative expressions, durations, sets, times).

use crate::expr::E;
use crate::lexicon::{Kw, Lex, Rel, Unit};
use crate::token::{Doc, Kind, Tok};

/// A recognised expression over tokens `[a, b)`.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    pub a: usize,
    pub b: usize,
    pub e: E,
    /// TIMEX3 mod given by the words ("about" → APPROX, "almost" → LESS_THAN).
    pub modifier: Option<&'static str>,
    /// Vague reference ("soon", "recent weeks").
    pub vague: bool,
    /// A literal TIMEX3 value that overrides normalization (clock-shaped durations).
    pub literal: Option<String>,
}

/// Result of one grammar rule: end token (exclusive) and meaning.
pub(crate) type M = Option<(usize, E)>;

/// Grammar context over one document.
pub(crate) struct Rec<'d, 'a> {
    pub d: &'d Doc<'a>,
    /// Query reading (see [`crate::Bias::Future`]).
    pub future_bias: bool,
}

impl<'d, 'a> Rec<'d, 'a> {
    pub(crate) fn t(&self, i: usize) -> Option<&'d Tok> {
        self.d.toks.get(i)
    }
    pub(crate) fn lex(&self, i: usize) -> Lex {
        self.t(i).map_or(Lex::None, |t| t.lex)
    }
    pub(crate) fn kw(&self, i: usize, k: Kw) -> bool {
        self.lex(i) == Lex::Kw(k)
    }
    pub(crate) fn p(&self, i: usize, c: u8) -> bool {
        self.t(i)
            .is_some_and(|t| t.kind == Kind::Punct && t.ch == c)
    }
    pub(crate) fn is(&self, i: usize, w: &str) -> bool {
        self.d.is(i, w)
    }
    pub(crate) fn rel(&self, i: usize) -> Option<Rel> {
        match self.lex(i) {
            Lex::Rel(r) => Some(r),
            _ => None,
        }
    }
    pub(crate) fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        match self.lex(i) {
            Lex::Unit(u, p) => Some((u, p)),
            _ => None,
        }
    }
    pub(crate) fn num(&self, i: usize) -> Option<&'d Tok> {
        self.t(i).filter(|t| t.kind == Kind::Num)
    }
    /// Token `i` directly follows token `i - 1` (no whitespace).
    pub(crate) fn tight(&self, i: usize) -> bool {
        self.t(i).is_some_and(|t| !t.gap)
    }
    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.t(i).is_some_and(|t| t.kind == Kind::Word)
    }
    pub(crate) fn cap(&self, i: usize) -> bool {
        self.t(i).is_some_and(|t| t.cap)
    }
    pub(crate) fn sent_start(&self, i: usize) -> bool {
        i == 0
            || self.t(i - 1).map(|t| t.sent) != self.t(i).map(|t| t.sent)
            || (self.p(i - 1, b'"') || self.p(i - 1, b'('))
                && (i == 1 || self.t(i - 2).map(|t| t.sent) != self.t(i).map(|t| t.sent))
    }
    /// Whole input is at most `n` tokens (query-like input such as "May").
    pub(crate) fn tiny(&self, n: usize) -> bool {
        self.d.toks.len() <= n
    }
    /// Skips an optional "the" at `i`.
    pub(crate) fn the(&self, i: usize) -> usize {
        if self.kw(i, Kw::The) {
            i + 1
        } else {
            i
        }
    }

    /// Token `i` can anchor an expression on its own (digits, month, weekday, unit, season,
    /// deictic words).
    fn strong(&self, i: usize) -> bool {
        let Some(t) = self.t(i) else { return false };
        match t.kind {
            Kind::Num => true,
            Kind::Punct => false,
            Kind::Word => match t.lex {
                Lex::Month(..) | Lex::Weekday(..) | Lex::Season(_) | Lex::Unit(..) => true,
                Lex::Kw(k) => matches!(
                    k,
                    Kw::Today
                        | Kw::Yesterday
                        | Kw::Tomorrow
                        | Kw::Tonight
                        | Kw::Now
                        | Kw::Currently
                        | Kw::Nowadays
                        | Kw::Recently
                        | Kw::Soon
                        | Kw::Future
                        | Kw::Annually
                        | Kw::Noon
                        | Kw::Midnight
                        | Kw::Eom
                        | Kw::Bom
                        | Kw::Eoy
                        | Kw::Boy
                        | Kw::Q
                        | Kw::H
                        | Kw::Time
                        | Kw::Morning
                        | Kw::Night
                        | Kw::Evening
                        | Kw::Afternoon
                ),
                Lex::Rel(_) => {
                    self.is(i, "past")
                        || self.is(i, "present")
                        || self.is(i + 1, "season")
                        || self.is(i + 1, "seasons")
                }
                Lex::Ord(_) => true,
                _ => false,
            },
        }
    }

    /// Can a temporal expression start at token `i`? Cheap prefilter: the token can start one
    /// and a strong token lies within the next few.
    fn may_start(&self, i: usize) -> bool {
        let Some(t) = self.t(i) else { return false };
        match t.kind {
            Kind::Num => true,
            Kind::Punct => t.ch == b'\'',
            Kind::Word => match t.lex {
                Lex::None => false,
                Lex::Kw(k) => !matches!(
                    k,
                    Kw::Of
                        | Kw::By
                        | Kw::Since
                        | Kw::Until
                        | Kw::From
                        | Kw::To
                        | Kw::Through
                        | Kw::Between
                        | Kw::And
                        | Kw::Or
                        | Kw::For
                        | Kw::During
                        | Kw::Within
                        | Kw::Before
                        | Kw::After
                        | Kw::Than
                        | Kw::Least
                        | Kw::Ago
                        | Kw::Hence
                        | Kw::Per
                        | Kw::Same
                        | Kw::Few
                        | Kw::Couple
                        | Kw::Moment
                ),
                _ => true,
            },
        }
    }

    /// Longest expression starting at `i`.
    fn parse_at(&self, i: usize) -> Option<Mention> {
        let mut best: Option<Mention> = None;
        let mut consider = |m: Option<Mention>| {
            if let Some(m) = m {
                if best.as_ref().is_none_or(|b| m.b > b.b) {
                    best = Some(m);
                }
            }
        };
        consider(self.calendar(i).map(|(b, e)| Mention {
            a: i,
            b,
            e,
            modifier: None,
            vague: false,
            literal: None,
        }));
        consider(self.relative(i));
        let mut m = best?;
        self.extend(&mut m);
        Some(m)
    }

    /// Recognises every expression in the document, left to right, without overlaps.
    pub(crate) fn run(&self) -> Vec<Mention> {
        let n = self.d.toks.len();
        // next_strong[i]: first strong token at or after i
        let mut next_strong = vec![usize::MAX; n + 1];
        for k in (0..n).rev() {
            next_strong[k] = if self.strong(k) {
                k
            } else {
                next_strong[k + 1]
            };
        }
        let mut out = Vec::new();
        let mut i = 0;
        while i < n {
            if next_strong[i] < i + 5 && self.may_start(i) {
                if let Some(m) = self.parse_at(i) {
                    i = m.b.max(i + 1);
                    out.extend(self.split(m));
                    continue;
                }
            }
            i += 1;
        }
        out
    }

    /// Duration lists such as "12 and 18 months" become two mentions (TIMEX3 convention).
    fn split(&self, m: Mention) -> Vec<Mention> {
        vec![m]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    #[test]
    fn prefilter_skips_plain_words() {
        let lex = Lexicon::new();
        let d = Doc::new("the talks of Moon", &lex);
        let r = Rec {
            d: &d,
            future_bias: false,
        };
        assert!(r.may_start(0));
        assert!(!r.may_start(1));
        assert!(!r.may_start(2));
    }
}

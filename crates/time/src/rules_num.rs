//! Numeric and coarse calendar forms: numeric dates (2018-10-09, 10/31/1974), years in year
//! contexts and year ranges, decades, centuries, quarters, halves and seasons.

use crate::expr::{Anchor, Part, Yr, E};
use crate::lexicon::{Kw, Lex, Rel, Unit};
use crate::recognise::{Rec, M};
use crate::rules::{rel_n, two_digit_year, valid_day};
use crate::token::Kind;

impl Rec<'_, '_> {
    /// Numeric dates: 2018-10-09, 2023/09/19, 10/31/1974, 3/3/15, 31/Oct/1974, 2014-10, 2/2013, 2/15.
    pub(crate) fn numeric(&self, i: usize) -> M {
        let t = self.num(i)?;
        if i > 0
            && (self.p(i - 1, b'/')
                || self.p(i - 1, b'.') && self.num(i.saturating_sub(2)).is_some())
            && self.tight(i)
        {
            return None;
        }
        let sep = self
            .t(i + 1)
            .filter(|s| s.kind == Kind::Punct && matches!(s.ch, b'-' | b'/' | b'.'))?
            .ch;
        let spaced_slash = sep == b'/' && !self.tight(i + 1);
        if !self.tight(i + 1) && !spaced_slash {
            return None;
        }
        // D-Mon-Y
        if let Some((m, e)) = self.month_at(i + 2, true) {
            if t.ndig <= 2 && self.p(e, sep) {
                let yt = self.num(e + 1)?;
                let y = match yt.ndig {
                    4 => yt.num as i32,
                    2 => two_digit_year(yt.num),
                    _ => return None,
                };
                return valid_day(Yr::Abs(y), m, t.num).then_some((
                    e + 2,
                    E::Day {
                        y: Yr::Abs(y),
                        m,
                        d: t.num,
                        wd: None,
                    },
                ));
            }
            return None;
        }
        let b = self.num(i + 2)?;
        if !self.tight(i + 2) && !spaced_slash {
            return None;
        }
        let third = if self.p(i + 3, sep) && self.tight(i + 3) && self.tight(i + 4) {
            self.num(i + 4)
        } else {
            None
        };
        if self.p(i + 5, sep) && third.is_some() {
            return None; // longer dotted number such as an IP address
        }
        if t.ndig == 4 {
            let y = t.num as i32;
            if !(1000..=2199).contains(&y) || b.ndig > 2 || sep == b'.' && third.is_none() {
                return None;
            }
            if let Some(c) = third {
                if c.ndig > 2 {
                    return None;
                }
                let (m, d) = (b.num, c.num);
                return valid_day(Yr::Abs(y), m, d).then_some((
                    i + 5,
                    E::Day {
                        y: Yr::Abs(y),
                        m,
                        d,
                        wd: None,
                    },
                ));
            }
            // 2009-10 is a year range when the second part continues the first
            if sep == b'-' && b.ndig == 2 && b.num > (t.num % 100) && b.num - (t.num % 100) <= 10 {
                return None;
            }
            if (1..=12).contains(&b.num) && !self.p(i + 3, b'-') {
                return Some((
                    i + 3,
                    E::Month {
                        y: Yr::Abs(y),
                        m: b.num,
                    },
                ));
            }
            return None;
        }
        if t.ndig > 2 {
            return None;
        }
        if let Some(c) = third {
            let y = match c.ndig {
                4 => c.num as i32,
                2 => two_digit_year(c.num),
                _ => return None,
            };
            let (m, d) = if t.num > 12 {
                (b.num, t.num)
            } else {
                (t.num, b.num)
            };
            return valid_day(Yr::Abs(y), m, d).then_some((
                i + 5,
                E::Day {
                    y: Yr::Abs(y),
                    m,
                    d,
                    wd: None,
                },
            ));
        }
        if sep != b'/' {
            return None;
        }
        if b.ndig == 4 && (1..=12).contains(&t.num) {
            return Some((
                i + 3,
                E::Month {
                    y: Yr::Abs(b.num as i32),
                    m: t.num,
                },
            ));
        }
        // M/D: reject fractions such as 1/2 or 3/4
        if b.ndig > 2 || t.num < b.num && b.num <= 10 || self.num(i + 3).is_some() {
            return None;
        }
        let (m, d) = (t.num, b.num);
        valid_day(Yr::Implicit, m, d).then_some((
            i + 3,
            E::Day {
                y: Yr::Implicit,
                m,
                d,
                wd: None,
            },
        ))
    }

    /// Whether a four-digit number at `i` stands in a year context.
    pub(crate) fn year_context(&self, i: usize) -> bool {
        if self.tiny(2) {
            return true;
        }
        if self.p(i + 1, b'\'') && self.is(i + 2, "s")
            || self.p(i + 1, b'%')
            || self.is(i + 1, "percent")
        {
            return self.p(i + 1, b'\'');
        }
        if i == 0 {
            return false;
        }
        let pv = i - 1;
        if self.p(pv, b'$')
            || self.is(pv, "no")
            || self.p(pv, b'-') && self.is_word(pv.saturating_sub(1)) && !self.kw(pv - 1, Kw::Mid)
        {
            return false;
        }
        if self.p(pv, b'-') && self.kw(pv.saturating_sub(1), Kw::Mid) {
            return true;
        }
        match self.lex(pv) {
            Lex::Kw(
                Kw::In
                | Kw::Since
                | Kw::Until
                | Kw::By
                | Kw::Of
                | Kw::From
                | Kw::Through
                | Kw::During
                | Kw::Before
                | Kw::After
                | Kw::Early
                | Kw::Mid
                | Kw::Late
                | Kw::Around
                | Kw::Between
                | Kw::Fiscal
                | Kw::To
                | Kw::And,
            ) => true,
            Lex::Season(_) | Lex::Month(..) => true,
            _ if ["his", "her", "its", "their", "our", "my", "s"]
                .iter()
                .any(|w| self.is(pv, w))
                || matches!(self.lex(pv), Lex::Kw(Kw::The | Kw::A) | Lex::Rel(_)) =>
            {
                self.is_word(i + 1)
                    && !self.cap(i + 1)
                    && self.unit(i + 1).is_none()
                    && !self.is(i + 1, "percent")
                    && !self.is(i + 1, "people")
                    && self.lex(i + 1) != Lex::Kw(Kw::Of)
            }
            _ => {
                self.is(pv, "year") || self.is(pv, "circa") || self.is(pv, "c") || self.is(pv, "ca")
            }
        }
    }

    /// Years, year ranges, decades: "in 2018", "2009-2010", "1957-58", "the 1990s", "2018's".
    pub(crate) fn year_expr(&self, i: usize) -> M {
        if self.p(i, b'\'') {
            // '90s
            let t = self.num(i + 1)?;
            if t.ndig == 2
                && t.num % 10 == 0
                && self.is(i + 2, "s")
                && self.tight(i + 2)
                && self.tight(i + 1)
            {
                return Some((
                    i + 3,
                    E::Decade {
                        d: (two_digit_year(t.num) / 10),
                    },
                ));
            }
            return None;
        }
        let t = self.num(i)?;
        if t.ndig != 4 || !(1000..=2199).contains(&t.num) {
            return None;
        }
        let y = t.num as i32;
        if y % 10 == 0 && self.tight(i + 1) && self.is(i + 1, "s") {
            return Some((i + 2, E::Decade { d: y / 10 }));
        }
        if y % 10 == 0
            && self.p(i + 1, b'\'')
            && self.is(i + 2, "s")
            && self.tight(i + 2)
            && !self.kw(i.wrapping_sub(1), Kw::Of)
        {
            // "the 1990's" — but "2010's" after "of" is a possessive year
            if i > 0 && self.kw(i - 1, Kw::The) {
                return Some((i + 3, E::Decade { d: y / 10 }));
            }
        }
        // ranges
        let sep = self.p(i + 1, b'-')
            || self.kw(i + 1, Kw::To)
            || self.kw(i + 1, Kw::Through)
            || self.kw(i + 1, Kw::And);
        if sep {
            if let Some(t2) = self.num(i + 2) {
                let y2 = match t2.ndig {
                    4 => t2.num as i32,
                    2 if self.p(i + 1, b'-') && t2.num as i32 > y % 100 => {
                        y - y % 100 + t2.num as i32
                    }
                    _ => 0,
                };
                let ctx = self.p(i + 1, b'-') || self.year_context(i);
                if y2 > y && y2 - y <= 200 && ctx && !self.p(i + 3, b'-') {
                    let (y2, end) = self.era(i + 3, y2);
                    let a = E::Year { y };
                    let b = E::Year { y: y2 };
                    return Some((
                        end,
                        E::Range {
                            a: Box::new(a),
                            b: Box::new(b),
                        },
                    ));
                }
            }
        }
        if !self.year_context(i) {
            return None;
        }
        let (yy, end) = self.era(i + 1, y);
        Some((end, E::Year { y: yy }))
    }

    /// Quarters and halves: "the first quarter of 2019", "Q1 2019", "2018Q4", "H1", "third qtr".
    pub(crate) fn quarter(&self, i: usize) -> M {
        // Q1 / H1
        if (self.kw(i, Kw::Q) || self.kw(i, Kw::H)) && self.cap(i) && self.tight(i + 1) {
            let n = self.num(i + 1)?;
            let half = self.kw(i, Kw::H);
            let max = if half { 2 } else { 4 };
            if n.ndig != 1
                || !(1..=max).contains(&n.num)
                || self.is_word(i + 2) && self.tight(i + 2)
            {
                return None;
            }
            let (y, end) = self.year_suffix(i + 2);
            let e = if half {
                E::Half { y, h: n.num }
            } else {
                E::Quarter { y, q: n.num }
            };
            return Some((end, e));
        }
        // 2018Q4 / 18q4
        if let Some(t) = self.num(i) {
            if (t.ndig == 4 || t.ndig == 2)
                && self.tight(i + 1)
                && self.kw(i + 1, Kw::Q)
                && self.tight(i + 2)
            {
                let q = self.num(i + 2)?;
                if q.ndig == 1 && (1..=4).contains(&q.num) && !self.tight(i + 3) {
                    let y = if t.ndig == 4 {
                        t.num as i32
                    } else {
                        two_digit_year(t.num)
                    };
                    return Some((
                        i + 3,
                        E::Quarter {
                            y: Yr::Abs(y),
                            q: q.num,
                        },
                    ));
                }
            }
        }
        // (the) third quarter (of 2019); (the) first half of next year
        let k = self.the(i);
        let (n, j) = match self.lex(k) {
            Lex::Ord(n) if n <= 4 => (n, k + 1),
            Lex::Rel(Rel::Last) if self.is(k, "last") || self.is(k, "final") => (0, k + 1),
            _ => {
                let (n, j, marked) = self.day_num(k)?;
                if !marked || n > 4 {
                    return None;
                }
                (n, j)
            }
        };
        let j = if self.p(j, b'-') { j + 1 } else { j };
        let (u, plural) = self.unit(j)?;
        if plural {
            return None;
        }
        match u {
            Unit::Quarter => {
                let (y, end) = self.year_suffix(j + 1);
                if n == 0 && y == Yr::Implicit {
                    return None; // "last quarter" is relative
                }
                let q = if n == 0 { 4 } else { n };
                let start = if k > i && n != 0 && y == Yr::Implicit && self.is(j + 1, "of") {
                    k
                } else {
                    i
                };
                let _ = start;
                Some((end, E::Quarter { y, q }))
            }
            Unit::Half if n <= 2 && self.kw(j + 1, Kw::Of) => {
                let base_at = j + 2;
                let (e, base) = self.period(base_at)?;
                let n = if n == 0 { 2 } else { n };
                let part = if n == 1 {
                    Part::FirstHalf
                } else {
                    Part::SecondHalf
                };
                match base {
                    E::Year { y } => Some((
                        e,
                        E::Half {
                            y: Yr::Abs(y),
                            h: n,
                        },
                    )),
                    E::Unit {
                        unit: Unit::Year,
                        n: r,
                        anchor,
                    } if anchor != Anchor::Narrative => Some((
                        e,
                        E::Half {
                            y: Yr::Rel(r),
                            h: n,
                        },
                    )),
                    other => Some((
                        e,
                        E::Part {
                            part,
                            base: Box::new(other),
                        },
                    )),
                }
            }
            _ => None,
        }
    }

    /// Year given after a quarter/half/season: " 2019", " of 2019", " of next year", "next year".
    pub(crate) fn year_suffix(&self, j: usize) -> (Yr, usize) {
        let k = if self.kw(j, Kw::Of) || self.p(j, b',') {
            j + 1
        } else {
            j
        };
        if let Some((y, e)) = self.year4(k) {
            return (Yr::Abs(y), e);
        }
        let k2 = self.the(k);
        if let Some(r) = self.rel(k2) {
            if self
                .unit(k2 + 1)
                .is_some_and(|(u, p)| u == Unit::Year && !p)
            {
                return (Yr::Rel(rel_n(r)), k2 + 2);
            }
        }
        if k2 > k && self.unit(k2).is_some_and(|(u, p)| u == Unit::Year && !p) {
            return (Yr::Rel(0), k2 + 1);
        }
        (Yr::Implicit, j)
    }

    /// Seasons with a year or a context: "summer 2019", "the summer of 2018", "in the spring".
    pub(crate) fn season(&self, i: usize) -> M {
        let Lex::Season(s) = self.lex(i) else {
            return None;
        };
        let s = u32::from(s);
        let (y, end) = self.year_suffix(i + 1);
        if let Yr::Abs(_) = y {
            return Some((end, E::Season { y, s }));
        }
        let ctx = i >= 2
            && self.kw(i - 1, Kw::The)
            && matches!(
                self.lex(i - 2),
                Lex::Kw(
                    Kw::In | Kw::During | Kw::Over | Kw::Through | Kw::By | Kw::Until | Kw::Since
                )
            );
        let ctx = ctx
            || i >= 1
                && matches!(
                    self.lex(i - 1),
                    Lex::Kw(Kw::In | Kw::During | Kw::Since | Kw::Until)
                )
                && s != 3;
        (ctx || self.tiny(2)).then_some((end, E::Season { y, s }))
    }

    /// Decades and centuries: "the 1990s" (in year_expr), "the 20th century", "the twenty-first century".
    pub(crate) fn decade_century(&self, i: usize) -> M {
        let (n, j, marked) = self.day_num(i)?;
        if !marked || n == 0 || n > 22 {
            return None;
        }
        let j = if self.p(j, b'-') { j + 1 } else { j };
        let (u, plural) = self.unit(j)?;
        if u != Unit::Century || plural {
            return None;
        }
        Some((j + 1, E::Century { c: n as i32 - 1 }))
    }
}

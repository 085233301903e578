//! Calendar grammar: named and numeric dates, months, years, decades, centuries, quarters,
//! halves, seasons, bare day numbers and weekdays, plus the range/list extension.

use crate::expr::{Anchor, Part, WdRel, Yr, E};
use crate::lexicon::{Kw, Lex, Rel, Unit};
use crate::recognise::{Mention, Rec, M};
use crate::token::Kind;

/// Keep the longer of two matches.
pub(crate) fn longer(a: M, b: M) -> M {
    match (&a, &b) {
        (Some((ea, _)), Some((eb, _))) => {
            if eb > ea {
                b
            } else {
                a
            }
        }
        (None, _) => b,
        _ => a,
    }
}

/// Days in a month (year `None` allows 29 February).
pub(crate) fn month_len(y: Option<i32>, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match y {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

fn valid_day(y: Yr, m: u32, d: u32) -> bool {
    let yy = if let Yr::Abs(y) = y { Some(y) } else { None };
    (1..=12).contains(&m) && d >= 1 && d <= month_len(yy, m)
}

impl Rec<'_, '_> {
    /// Month name at `i`; `strong` when a day or year is adjacent (then lower case and
    /// abbreviations are accepted). Returns month and the end (after an abbreviation's period).
    pub(crate) fn month_at(&self, i: usize, strong: bool) -> Option<(u32, usize)> {
        let Lex::Month(m, abbr) = self.lex(i) else { return None };
        let t = self.t(i)?;
        if !strong && !t.cap && !self.tiny(3) {
            return None;
        }
        let mut e = i + 1;
        if abbr && self.p(e, b'.') && (self.num(e + 1).is_some() || self.p(e + 1, b',') || self.t(e + 1).is_some_and(|t| !t.cap)) {
            e += 1;
        }
        Some((u32::from(m), e))
    }

    /// Whether a month name standing alone at `i` is a month ("in May") rather than a modal,
    /// a march, or a surname ("Theresa May").
    fn month_alone_ok(&self, i: usize, m: u32) -> bool {
        if self.tiny(2) {
            return true;
        }
        let Some(t) = self.t(i) else { return false };
        let Lex::Month(_, abbr) = t.lex else { return false };
        let prev_ok = i > 0
            && (matches!(
                self.lex(i - 1),
                Lex::Kw(
                    Kw::In | Kw::Since | Kw::Until | Kw::By | Kw::Of | Kw::During | Kw::From | Kw::To | Kw::Through
                        | Kw::Early | Kw::Mid | Kw::Late | Kw::Before | Kw::After | Kw::And | Kw::Or | Kw::Between
                        | Kw::End | Kw::Beginning | Kw::Start | Kw::Middle | Kw::Around
                )
            ) || self.rel(i - 1).is_some()
                || self.p(i - 1, b'-') && i > 1 && self.kw(i - 2, Kw::Mid)
                || self.is(i - 1, "until") || self.is(i - 1, "last"));
        if !t.cap || abbr || m == 5 || m == 3 {
            return prev_ok;
        }
        // "April Ryan": a capitalised word after a month alone is a name
        if !prev_ok && self.cap(i + 1) && self.is_word(i + 1) {
            return false;
        }
        // preceded by a capitalised non-initial word: part of a name
        if !prev_ok && i > 0 && self.cap(i - 1) && !self.sent_start(i - 1) {
            return false;
        }
        true
    }

    /// Day number at `i`: "17", "17th", "seventeenth", "twenty-first". Returns (day, end,
    /// marked) where marked says an ordinal form was used.
    pub(crate) fn day_num(&self, i: usize) -> Option<(u32, usize, bool)> {
        let t = self.t(i)?;
        match t.kind {
            Kind::Num if t.ndig <= 2 && (1..=31).contains(&t.num) => {
                let sfx = self.is_word(i + 1)
                    && self.tight(i + 1)
                    && ["st", "nd", "rd", "th"].iter().any(|s| self.is(i + 1, s));
                if sfx {
                    Some((t.num, i + 2, true))
                } else if self.is_word(i + 1) && self.tight(i + 1) && self.lex(i + 1) == Lex::None {
                    None
                } else {
                    Some((t.num, i + 1, false))
                }
            }
            Kind::Word => match t.lex {
                Lex::Ord(n) => Some((n, i + 1, true)),
                Lex::Num(tens @ (20 | 30)) => {
                    let j = if self.p(i + 1, b'-') { i + 2 } else { i + 1 };
                    match self.lex(j) {
                        Lex::Ord(u) if u < 10 && tens + u <= 31 => Some((tens + u, j + 1, true)),
                        _ => None,
                    }
                }
                _ if self.is(i, "twentieth") => Some((20, i + 1, true)),
                _ if self.is(i, "thirtieth") => Some((30, i + 1, true)),
                _ => None,
            },
            _ => None,
        }
    }

    /// A four-digit year at `i` (1000..=2199), with an optional era.
    pub(crate) fn year4(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.num(i)?;
        if t.ndig != 4 || !(1000..=2199).contains(&t.num) {
            return None;
        }
        if self.p(i + 1, b',') && self.num(i + 2).is_some_and(|n| n.ndig == 3) && self.tight(i + 1) {
            return None;
        }
        let y = t.num as i32;
        Some(self.era(i + 1, y))
    }

    /// Optional "AD"/"BC"/"A.D."/"B.C." after a year.
    fn era(&self, j: usize, y: i32) -> (i32, usize) {
        if self.kw(j, Kw::Ad) {
            return (y, j + 1);
        }
        if self.kw(j, Kw::Bc) {
            return (-y, j + 1);
        }
        let dotted = |a: &str, b: &str| {
            self.is(j, a) && self.p(j + 1, b'.') && self.is(j + 2, b) && self.tight(j + 2)
        };
        if dotted("a", "d") {
            let e = if self.p(j + 3, b'.') { j + 4 } else { j + 3 };
            return (y, e);
        }
        if dotted("b", "c") {
            let e = if self.p(j + 3, b'.') { j + 4 } else { j + 3 };
            return (-y, e);
        }
        (y, j)
    }

    /// Year after a day-month: ", 2019", " 2019", "'19"; two-digit only when `short` allowed.
    fn year_after(&self, j: usize, short: bool) -> Option<(i32, usize)> {
        let k = if self.p(j, b',') { j + 1 } else { j };
        if let Some(r) = self.year4(k) {
            return Some(r);
        }
        if self.p(k, b'\'') && self.num(k + 1).is_some_and(|t| t.ndig == 2) && self.tight(k + 1) {
            return Some((two_digit_year(self.num(k + 1)?.num), k + 2));
        }
        if short && k == j {
            let t = self.num(k)?;
            if t.ndig == 2 && !self.is_word(k + 1) && !self.p(k + 1, b':') && !self.p(k + 1, b'%') {
                return Some((two_digit_year(t.num), k + 1));
            }
        }
        None
    }

    /// Everything calendar-shaped at `i`.
    pub(crate) fn calendar(&self, i: usize) -> M {
        let Some(t) = self.t(i) else { return None };
        match (t.kind, t.lex) {
            (Kind::Word, Lex::Month(..)) => return self.month_first(i),
            (Kind::Word, Lex::Weekday(..)) => return self.weekday_expr(i),
            (Kind::Word, Lex::Season(_)) => return self.season(i),
            (Kind::Word, Lex::Kw(Kw::Q | Kw::H)) => return self.quarter(i),
            (Kind::Punct, _) => return self.year_expr(i),
            (Kind::Word, Lex::Kw(Kw::The) | Lex::Ord(_) | Lex::Num(_) | Lex::Rel(Rel::Last)) | (Kind::Num, _) => {}
            _ => return None,
        }
        let mut best = self.month_first(i);
        best = longer(best, self.day_first(i));
        best = longer(best, self.day_range_first(i));
        best = longer(best, self.numeric(i));
        best = longer(best, self.year_expr(i));
        best = longer(best, self.weekday_expr(i));
        best = longer(best, self.bare_day(i));
        best = longer(best, self.quarter(i));
        best = longer(best, self.season(i));
        best = longer(best, self.decade_century(i));
        best
    }

    /// "October 17, 2023", "Oct. 17", "March 3rd", "May 2010", "October".
    fn month_first(&self, i: usize) -> M {
        let (m, j) = self.month_at(i, true)?;
        let k = self.the(j);
        if let Some((d, e, _)) = self.day_num(k) {
            if !self.p(e, b':') && !(self.p(e, b'.') && self.num(e + 1).is_some()) {
                let (y, end) = match self.year_after(e, false) {
                    Some((y, end)) => (Yr::Abs(y), end),
                    None => (Yr::Implicit, e),
                };
                if valid_day(y, m, d) {
                    return Some((end, E::Day { y, m, d, wd: None }));
                }
            }
        }
        let k = if self.kw(j, Kw::Of) || self.p(j, b',') { j + 1 } else { j };
        if let Some((y, end)) = self.year4(k) {
            return Some((end, E::Month { y: Yr::Abs(y), m }));
        }
        if self.p(j, b'\'') && self.num(j + 1).is_some_and(|t| t.ndig == 2) {
            let y = two_digit_year(self.num(j + 1)?.num);
            return Some((j + 2, E::Month { y: Yr::Abs(y), m }));
        }
        let end = j;
        let after_next = self.kw(end, Kw::After) && self.is(end + 1, "next");
        let in_a_year = self.kw(end, Kw::In)
            && (self.is(end + 1, "1") || self.kw(end + 1, Kw::A) || self.is(end + 1, "one"))
            && self.unit(end + 2).is_some_and(|(u, _)| u == Unit::Year);
        if !after_next && !in_a_year && !self.month_alone_ok(i, m) {
            return None;
        }
        if self.kw(end, Kw::After) && self.rel(end + 1) == Some(Rel::Next) && self.is(end + 1, "next") {
            return Some((end + 2, E::MonthRel { m, rel: 2 }));
        }
        // "March in 1 year" / "March in a year"
        if self.kw(end, Kw::In)
            && (self.is(end + 1, "1") || self.kw(end + 1, Kw::A) || self.is(end + 1, "one"))
            && self.unit(end + 2).is_some_and(|(u, _)| u == Unit::Year)
        {
            return Some((end + 3, E::Month { y: Yr::Rel(1), m }));
        }
        Some((end, E::Month { y: Yr::Implicit, m }))
    }

    /// "17 October 2023", "the 15th of February", "31st Oct 1974", "14april 2015".
    fn day_first(&self, i: usize) -> M {
        let k = self.the(i);
        let (d, j, marked) = self.day_num(k)?;
        if k > i && !marked {
            return None;
        }
        let j2 = if self.kw(j, Kw::Of) { j + 1 } else { j };
        let (m, e) = self.month_at(j2, true)?;
        let (y, end) = match self.year_after(e, true) {
            Some((y, end)) => (Yr::Abs(y), end),
            None => (Yr::Implicit, e),
        };
        valid_day(y, m, d).then_some((end, E::Day { y, m, d, wd: None }))
    }

    /// "13 to 15 July", "from the 13th to the 15th of July", "1-8 september".
    fn day_range_first(&self, i: usize) -> M {
        let k = self.the(i);
        let (d1, j, _) = self.day_num(k)?;
        let sep = self.p(j, b'-')
            || self.kw(j, Kw::To)
            || self.kw(j, Kw::Through)
            || self.kw(j, Kw::And)
            || self.kw(j, Kw::Until);
        if !sep {
            return None;
        }
        let k2 = self.the(j + 1);
        let (d2, j2, _) = self.day_num(k2)?;
        let j3 = if self.kw(j2, Kw::Of) { j2 + 1 } else { j2 };
        let (m, e) = self.month_at(j3, true)?;
        let (y, end) = match self.year_after(e, false) {
            Some((y, end)) => (Yr::Abs(y), end),
            None => (Yr::Implicit, e),
        };
        if !valid_day(y, m, d1) || !valid_day(y, m, d2) || d2 <= d1 {
            return None;
        }
        let a = E::Day { y, m, d: d1, wd: None };
        let b = E::Day { y, m, d: d2, wd: None };
        Some((end, E::Range { a: Box::new(a), b: Box::new(b) }))
    }

    /// Numeric dates: 2018-10-09, 2023/09/19, 10/31/1974, 3/3/15, 31/Oct/1974, 2014-10, 2/2013, 2/15.
    fn numeric(&self, i: usize) -> M {
        let t = self.num(i)?;
        if i > 0 && (self.p(i - 1, b'/') || self.p(i - 1, b'.') && self.num(i.saturating_sub(2)).is_some()) && self.tight(i) {
            return None;
        }
        let sep = self.t(i + 1).filter(|s| s.kind == Kind::Punct && matches!(s.ch, b'-' | b'/' | b'.'))?.ch;
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
                return valid_day(Yr::Abs(y), m, t.num).then_some((e + 2, E::Day { y: Yr::Abs(y), m, d: t.num, wd: None }));
            }
            return None;
        }
        let b = self.num(i + 2)?;
        if !self.tight(i + 2) && !spaced_slash {
            return None;
        }
        let third = if self.p(i + 3, sep) && self.tight(i + 3) && self.tight(i + 4) { self.num(i + 4) } else { None };
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
                return valid_day(Yr::Abs(y), m, d).then_some((i + 5, E::Day { y: Yr::Abs(y), m, d, wd: None }));
            }
            // 2009-10 is a year range when the second part continues the first
            if sep == b'-' && b.ndig == 2 && b.num > (t.num % 100) && b.num - (t.num % 100) <= 10 {
                return None;
            }
            if (1..=12).contains(&b.num) && !self.p(i + 3, b'-') {
                return Some((i + 3, E::Month { y: Yr::Abs(y), m: b.num }));
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
            let (m, d) = if t.num > 12 { (b.num, t.num) } else { (t.num, b.num) };
            return valid_day(Yr::Abs(y), m, d).then_some((i + 5, E::Day { y: Yr::Abs(y), m, d, wd: None }));
        }
        if sep != b'/' {
            return None;
        }
        if b.ndig == 4 && (1..=12).contains(&t.num) {
            return Some((i + 3, E::Month { y: Yr::Abs(b.num as i32), m: t.num }));
        }
        // M/D: reject fractions such as 1/2 or 3/4
        if b.ndig > 2 || t.num < b.num && b.num <= 10 || self.num(i + 3).is_some() {
            return None;
        }
        let (m, d) = (t.num, b.num);
        valid_day(Yr::Implicit, m, d).then_some((i + 3, E::Day { y: Yr::Implicit, m, d, wd: None }))
    }

    /// Whether a four-digit number at `i` stands in a year context.
    fn year_context(&self, i: usize) -> bool {
        if self.tiny(2) {
            return true;
        }
        if self.p(i + 1, b'\'') && self.is(i + 2, "s") || self.p(i + 1, b'%') || self.is(i + 1, "percent") {
            return self.p(i + 1, b'\'');
        }
        if i == 0 {
            return false;
        }
        let pv = i - 1;
        if self.p(pv, b'$') || self.is(pv, "no") || self.p(pv, b'-') && self.is_word(pv.saturating_sub(1)) && !self.kw(pv - 1, Kw::Mid) {
            return false;
        }
        if self.p(pv, b'-') && self.kw(pv.saturating_sub(1), Kw::Mid) {
            return true;
        }
        match self.lex(pv) {
            Lex::Kw(
                Kw::In | Kw::Since | Kw::Until | Kw::By | Kw::Of | Kw::From | Kw::Through | Kw::During | Kw::Before
                | Kw::After | Kw::Early | Kw::Mid | Kw::Late | Kw::Around | Kw::Between | Kw::Fiscal | Kw::To | Kw::And,
            ) => true,
            Lex::Season(_) | Lex::Month(..) => true,
            _ if ["his", "her", "its", "their", "our", "my", "s"].iter().any(|w| self.is(pv, w)) || matches!(self.lex(pv), Lex::Kw(Kw::The | Kw::A) | Lex::Rel(_)) => {
                self.is_word(i + 1) && !self.cap(i + 1) && self.unit(i + 1).is_none() && !self.is(i + 1, "percent")
                    && !self.is(i + 1, "people") && self.lex(i + 1) != Lex::Kw(Kw::Of)
            }
            _ => self.is(pv, "year") || self.is(pv, "circa") || self.is(pv, "c") || self.is(pv, "ca"),
        }
    }

    /// Years, year ranges, decades: "in 2018", "2009-2010", "1957-58", "the 1990s", "2018's".
    fn year_expr(&self, i: usize) -> M {
        if self.p(i, b'\'') {
            // '90s
            let t = self.num(i + 1)?;
            if t.ndig == 2 && t.num % 10 == 0 && self.is(i + 2, "s") && self.tight(i + 2) && self.tight(i + 1) {
                return Some((i + 3, E::Decade { d: (two_digit_year(t.num) / 10) }));
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
        if y % 10 == 0 && self.p(i + 1, b'\'') && self.is(i + 2, "s") && self.tight(i + 2) && !self.kw(i.wrapping_sub(1), Kw::Of) {
            // "the 1990's" — but "2010's" after "of" is a possessive year
            if i > 0 && self.kw(i - 1, Kw::The) {
                return Some((i + 3, E::Decade { d: y / 10 }));
            }
        }
        // ranges
        let sep = self.p(i + 1, b'-') || self.kw(i + 1, Kw::To) || self.kw(i + 1, Kw::Through) || self.kw(i + 1, Kw::And);
        if sep {
            if let Some(t2) = self.num(i + 2) {
                let y2 = match t2.ndig {
                    4 => t2.num as i32,
                    2 if self.p(i + 1, b'-') && t2.num as i32 > y % 100 => y - y % 100 + t2.num as i32,
                    _ => 0,
                };
                let ctx = self.p(i + 1, b'-') || self.year_context(i);
                if y2 > y && y2 - y <= 200 && ctx && !self.p(i + 3, b'-') {
                    let (y2, end) = self.era(i + 3, y2);
                    let a = E::Year { y };
                    let b = E::Year { y: y2 };
                    return Some((end, E::Range { a: Box::new(a), b: Box::new(b) }));
                }
            }
        }
        if !self.year_context(i) {
            return None;
        }
        let (yy, end) = self.era(i + 1, y);
        Some((end, E::Year { y: yy }))
    }

    /// Weekdays: "Monday, Feb 18", "Tuesday the 19th", "last Monday" (handled in relative),
    /// "Friday after next", "wednesday of next week", "Friday afternoon", bare "Friday".
    fn weekday_expr(&self, i: usize) -> M {
        let Lex::Weekday(wd, plural) = self.lex(i) else { return None };
        if plural {
            return None;
        }
        let wd = u32::from(wd);
        let t = self.t(i)?;
        let w = self.d.word(i);
        let mut j = i + 1;
        let dotted = self.p(j, b'.');
        if w.len() <= 4 {
            // abbreviations: Sun/Sat/Wed are words too
            let ambiguous = ["sun", "sat", "wed"].iter().any(|a| a.eq_ignore_ascii_case(w));
            let followed_by_date = self.p(j, b',') || self.month_at(j, true).is_some() || self.day_num(j).is_some();
            if ambiguous && !(t.cap && (dotted || followed_by_date)) && !self.tiny(2) {
                return None;
            }
            if !ambiguous && !t.cap && !dotted && !self.tiny(3) && !followed_by_date {
                return None;
            }
            if dotted {
                j += 1;
            }
        }
        // Weekday [,] date
        let k = if self.p(j, b',') { j + 1 } else { j };
        let date = longer(self.month_first(k), self.day_first(k));
        if let Some((e, E::Day { y, m, d, .. })) = date {
            return Some((e, E::Day { y, m, d, wd: Some(wd) }));
        }
        let k2 = self.the(k);
        if let Some((d, e, marked)) = self.day_num(k2) {
            if (marked || k2 > k) && !self.is_word(e) {
                return Some((e, E::DayOnly { d, wd: Some(wd), month: None }));
            }
        }
        // "Friday after next"
        if self.kw(j, Kw::After) && self.is(j + 1, "next") {
            return Some((j + 2, E::Weekday { wd, rel: WdRel::AfterNext }));
        }
        // "wednesday of next week", "wednesday next week", "sunday from last week"
        let k = if self.kw(j, Kw::Of) || self.kw(j, Kw::From) { j + 1 } else { j };
        if let Some(r) = self.rel(k) {
            if self.unit(k + 1).is_some_and(|(u, p)| u == Unit::Week && !p) {
                let n = match r {
                    Rel::Last => -1,
                    Rel::This => 0,
                    Rel::Next => 1,
                };
                return Some((k + 2, E::Weekday { wd, rel: WdRel::Week(n) }));
            }
        }
        let base = E::Weekday { wd, rel: WdRel::Bare };
        if let Some((pod, e)) = self.pod(j) {
            return Some((e, E::Pod { pod, day: Box::new(base) }));
        }
        Some((j, base))
    }

    /// Part of day word at `j`.
    pub(crate) fn pod(&self, j: usize) -> Option<(&'static str, usize)> {
        let pod = match self.lex(j) {
            Lex::Kw(Kw::Morning) => "MO",
            Lex::Kw(Kw::Afternoon) => "AF",
            Lex::Kw(Kw::Evening) => "EV",
            Lex::Kw(Kw::Night) => "NI",
            _ => return None,
        };
        Some((pod, j + 1))
    }

    /// Bare day numbers: "on the 12th", "On 24th", "by the 15th", "the 5th of next month".
    fn bare_day(&self, i: usize) -> M {
        let k = self.the(i);
        let (d, j, marked) = self.day_num(k)?;
        let the = k > i;
        let prev_ok = i > 0
            && matches!(
                self.lex(i - 1),
                Lex::Kw(Kw::On | Kw::By | Kw::Until | Kw::Since | Kw::From | Kw::Before | Kw::After | Kw::To | Kw::And)
            );
        // "the 5th of next month", "20th day of the current month"
        let j2 = if self.unit(j).is_some_and(|(u, p)| u == Unit::Day && !p) && self.kw(j + 1, Kw::Of) { j + 1 } else { j };
        if self.kw(j2, Kw::Of) {
            let k2 = self.the(j2 + 1);
            if let Some(r) = self.rel(k2) {
                if self.unit(k2 + 1).is_some_and(|(u, _)| u == Unit::Month) {
                    let n = rel_n(r);
                    let month = E::Unit { unit: Unit::Month, n, anchor: Anchor::Dct };
                    return Some((k2 + 2, E::DayOnly { d, wd: None, month: Some(Box::new(month)) }));
                }
            }
            if self.unit(k2).is_some_and(|(u, _)| u == Unit::Month) && k2 > j2 + 1 {
                let month = E::Unit { unit: Unit::Month, n: 0, anchor: Anchor::Dct };
                return Some((k2 + 1, E::DayOnly { d, wd: None, month: Some(Box::new(month)) }));
            }
        }
        if j2 > j || !(prev_ok && (marked || the) || self.tiny(3) && (marked || the)) {
            return None;
        }
        // what follows must not make the ordinal a noun modifier ("the 75th anniversary")
        if let Some(nt) = self.t(j) {
            if nt.kind == Kind::Word {
                const CLAUSE: [&str; 16] = [
                    "he", "she", "it", "they", "we", "i", "you", "the", "a", "an", "his", "her", "their", "its", "there",
                    "when",
                ];
                let on = i > 0 && self.kw(i - 1, Kw::On);
                let ok = matches!(
                    nt.lex,
                    Lex::Kw(Kw::And | Kw::Or | Kw::To | Kw::Through | Kw::At | Kw::In | Kw::Of | Kw::Until | Kw::For)
                ) || nt.lex == Lex::None && !nt.cap && self.tiny(4)
                    || on && (nt.cap || CLAUSE.iter().any(|w| self.is(j, w)));
                if !ok {
                    return None;
                }
            } else if nt.kind == Kind::Num {
                return None;
            } else if nt.ch == b'-' && self.num(j + 1).is_none() && self.day_num(self.the(j + 1)).is_none() {
                return None;
            }
        }
        Some((j, E::DayOnly { d, wd: None, month: None }))
    }

    /// Quarters and halves: "the first quarter of 2019", "Q1 2019", "2018Q4", "H1", "third qtr".
    fn quarter(&self, i: usize) -> M {
        // Q1 / H1
        if (self.kw(i, Kw::Q) || self.kw(i, Kw::H)) && self.cap(i) && self.tight(i + 1) {
            let n = self.num(i + 1)?;
            let half = self.kw(i, Kw::H);
            let max = if half { 2 } else { 4 };
            if n.ndig != 1 || !(1..=max).contains(&n.num) || self.is_word(i + 2) && self.tight(i + 2) {
                return None;
            }
            let (y, end) = self.year_suffix(i + 2);
            let e = if half { E::Half { y, h: n.num } } else { E::Quarter { y, q: n.num } };
            return Some((end, e));
        }
        // 2018Q4 / 18q4
        if let Some(t) = self.num(i) {
            if (t.ndig == 4 || t.ndig == 2) && self.tight(i + 1) && self.kw(i + 1, Kw::Q) && self.tight(i + 2) {
                let q = self.num(i + 2)?;
                if q.ndig == 1 && (1..=4).contains(&q.num) && !self.tight(i + 3) {
                    let y = if t.ndig == 4 { t.num as i32 } else { two_digit_year(t.num) };
                    return Some((i + 3, E::Quarter { y: Yr::Abs(y), q: q.num }));
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
                let start = if k > i && n != 0 && y == Yr::Implicit && self.is(j + 1, "of") { k } else { i };
                let _ = start;
                Some((end, E::Quarter { y, q }))
            }
            Unit::Half if n <= 2 && self.kw(j + 1, Kw::Of) => {
                let base_at = j + 2;
                let (e, base) = self.period(base_at)?;
                let n = if n == 0 { 2 } else { n };
                let part = if n == 1 { Part::FirstHalf } else { Part::SecondHalf };
                match base {
                    E::Year { y } => Some((e, E::Half { y: Yr::Abs(y), h: n })),
                    E::Unit { unit: Unit::Year, n: r, anchor } if anchor != Anchor::Narrative => {
                        Some((e, E::Half { y: Yr::Rel(r), h: n }))
                    }
                    other => Some((e, E::Part { part, base: Box::new(other) })),
                }
            }
            _ => None,
        }
    }

    /// Year given after a quarter/half/season: " 2019", " of 2019", " of next year", "next year".
    pub(crate) fn year_suffix(&self, j: usize) -> (Yr, usize) {
        let k = if self.kw(j, Kw::Of) || self.p(j, b',') { j + 1 } else { j };
        if let Some((y, e)) = self.year4(k) {
            return (Yr::Abs(y), e);
        }
        let k2 = self.the(k);
        if let Some(r) = self.rel(k2) {
            if self.unit(k2 + 1).is_some_and(|(u, p)| u == Unit::Year && !p) {
                return (Yr::Rel(rel_n(r)), k2 + 2);
            }
        }
        if k2 > k && self.unit(k2).is_some_and(|(u, p)| u == Unit::Year && !p) {
            return (Yr::Rel(0), k2 + 1);
        }
        (Yr::Implicit, j)
    }

    /// Seasons with a year or a context: "summer 2019", "the summer of 2018", "in the spring".
    fn season(&self, i: usize) -> M {
        let Lex::Season(s) = self.lex(i) else { return None };
        let s = u32::from(s);
        let (y, end) = self.year_suffix(i + 1);
        if let Yr::Abs(_) = y {
            return Some((end, E::Season { y, s }));
        }
        let ctx = i >= 2
            && self.kw(i - 1, Kw::The)
            && matches!(self.lex(i - 2), Lex::Kw(Kw::In | Kw::During | Kw::Over | Kw::Through | Kw::By | Kw::Until | Kw::Since));
        let ctx = ctx || i >= 1 && matches!(self.lex(i - 1), Lex::Kw(Kw::In | Kw::During | Kw::Since | Kw::Until)) && s != 3;
        (ctx || self.tiny(2)).then_some((end, E::Season { y, s }))
    }

    /// Decades and centuries: "the 1990s" (in year_expr), "the 20th century", "the twenty-first century".
    fn decade_century(&self, i: usize) -> M {
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

    /// Extends a mention with a range/list partner, a trailing weekday, a relative year, or a clock time.
    pub(crate) fn extend(&self, m: &mut Mention) {
        let j = m.b;
        // "March 3 last year", "in March of next year"
        if matches!(m.e, E::Day { y: Yr::Implicit, .. } | E::Month { y: Yr::Implicit, .. }) {
            let k = if self.kw(j, Kw::Of) { j + 1 } else { j };
            if let Some(r) = self.rel(k) {
                if self.unit(k + 1).is_some_and(|(u, p)| u == Unit::Year && !p) && !self.p(k + 2, b'\'') {
                    let n = rel_n(r);
                    match &mut m.e {
                        E::Day { y, .. } | E::Month { y, .. } => *y = Yr::Rel(n),
                        _ => {}
                    }
                    m.b = k + 2;
                    return;
                }
            }
        }
        // "Jul 18, Fri"
        if let E::Day { wd: wd @ None, .. } = &mut m.e {
            if self.p(j, b',') {
                if let Lex::Weekday(w, false) = self.lex(j + 1) {
                    *wd = Some(u32::from(w));
                    m.b = j + 2;
                    return;
                }
            }
        }
        self.extend_range(m);
    }

    fn extend_range(&self, m: &mut Mention) {
        let j = m.b;
        let sep = self.p(j, b'-')
            || self.kw(j, Kw::To)
            || self.kw(j, Kw::Through)
            || self.kw(j, Kw::Until)
            || self.kw(j, Kw::And) && !self.p(j + 1, b',');
        if !sep || self.p(j, b'-') && self.p(j + 1, b'-') {
            return;
        }
        let k = j + 1;
        match &m.e {
            E::Day { y, m: mo, d, .. } => {
                // "February 27-28", "June 11 and 12", "May 5-7, 2019"
                if let Some((d2, e, _)) = self.day_num(self.the(k)) {
                    if self.month_at(e, true).is_none() && !(self.kw(e, Kw::Of) && self.month_at(e + 1, true).is_some()) && d2 > *d && !self.unit(e).is_some() && !self.is_word(e) || d2 > *d && self.p(e, b',') {
                        let (yy, end) = match (*y, self.year_after(e, false)) {
                            (Yr::Implicit, Some((yy, end))) => (Yr::Abs(yy), end),
                            (y0, _) => (y0, e),
                        };
                        if valid_day(yy, *mo, d2) {
                            let a = E::Day { y: yy, m: *mo, d: *d, wd: None };
                            let b = E::Day { y: yy, m: *mo, d: d2, wd: None };
                            m.e = E::Range { a: Box::new(a), b: Box::new(b) };
                            m.b = end;
                            return;
                        }
                    }
                }
                if let Some((e, E::Day { y: y2, m: m2, d: d2, wd })) = longer(self.month_first(k), self.day_first(k)) {
                    let ya = if *y == Yr::Implicit { y2 } else { *y };
                    let a = E::Day { y: ya, m: *mo, d: *d, wd: None };
                    let b = E::Day { y: y2, m: m2, d: d2, wd };
                    m.e = E::Range { a: Box::new(a), b: Box::new(b) };
                    m.b = e;
                }
            }
            E::DayOnly { d, wd: None, month: None } => {
                let k2 = self.the(k);
                if let Some((e, E::Day { y, m: mo, d: d2, wd })) = self.day_first(k2) {
                    let a = E::Day { y, m: mo, d: *d, wd: None };
                    let b = E::Day { y, m: mo, d: d2, wd };
                    m.e = E::Range { a: Box::new(a), b: Box::new(b) };
                    m.b = e;
                } else if let Some((d2, e, marked)) = self.day_num(k2) {
                    if marked && d2 > *d && !self.is_word(e) {
                        let a = E::DayOnly { d: *d, wd: None, month: None };
                        let b = E::DayOnly { d: d2, wd: None, month: None };
                        m.e = E::Range { a: Box::new(a), b: Box::new(b) };
                        m.b = e;
                    }
                }
            }
            E::Month { y, m: mo } => {
                if let Some((e, E::Month { y: y2, m: m2 })) = self.month_first(k) {
                    let ya = if *y == Yr::Implicit { y2 } else { *y };
                    let a = E::Month { y: ya, m: *mo };
                    m.e = E::Range { a: Box::new(a), b: Box::new(E::Month { y: y2, m: m2 }) };
                    m.b = e;
                }
            }
            E::Weekday { rel: WdRel::Bare, .. } => {
                if let Some((e, b @ E::Weekday { rel: WdRel::Bare, .. })) = self.weekday_expr(k) {
                    let a = std::mem::replace(&mut m.e, E::Ref { kind: crate::expr::RefKind::Present });
                    m.e = E::Range { a: Box::new(a), b: Box::new(b) };
                    m.b = e;
                }
            }
            E::Year { y } if self.kw(j, Kw::And) || self.kw(j, Kw::To) => {
                if let Some((y2, e)) = self.year4(k) {
                    if y2 > *y {
                        let a = E::Year { y: *y };
                        m.e = E::Range { a: Box::new(a), b: Box::new(E::Year { y: y2 }) };
                        m.b = e;
                    }
                }
            }
            _ => {}
        }
    }
}

/// Direction word to offset.
pub(crate) fn rel_n(r: Rel) -> i32 {
    match r {
        Rel::Last => -1,
        Rel::This => 0,
        Rel::Next => 1,
    }
}

/// Two-digit year: 00-49 → 20xx, 50-99 → 19xx.
pub(crate) fn two_digit_year(n: u32) -> i32 {
    if n < 50 {
        2000 + n as i32
    } else {
        1900 + n as i32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_lengths() {
        let table = [(Some(2019), 2, 28), (Some(2020), 2, 29), (None, 2, 29), (Some(2019), 4, 30), (Some(1900), 2, 28)];
        for (y, m, want) in table {
            assert_eq!(month_len(y, m), want);
        }
    }

    #[test]
    fn two_digit_years() {
        for (n, want) in [(74, 1974), (15, 2015), (58, 1958), (0, 2000)] {
            assert_eq!(two_digit_year(n), want);
        }
    }
}

//! Calendar grammar: named and numeric dates, months, years, decades, centuries, quarters,
//! halves, seasons, bare day numbers and weekdays, plus the range/list extension.

use crate::expr::{Anchor, WdRel, Yr, E};
use crate::lexicon::{Kw, Lex, Rel, Unit};
use crate::recognise::{Rec, M};
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

pub(crate) fn valid_day(y: Yr, m: u32, d: u32) -> bool {
    let yy = if let Yr::Abs(y) = y { Some(y) } else { None };
    (1..=12).contains(&m) && d >= 1 && d <= month_len(yy, m)
}

impl Rec<'_, '_> {
    /// Month name at `i`; `strong` when a day or year is adjacent (then lower case and
    /// abbreviations are accepted). Returns month and the end (after an abbreviation's period).
    pub(crate) fn month_at(&self, i: usize, strong: bool) -> Option<(u32, usize)> {
        let Lex::Month(m, abbr) = self.lex(i) else {
            return None;
        };
        let t = self.t(i)?;
        if !strong && !t.cap && !self.tiny(3) {
            return None;
        }
        let mut e = i + 1;
        if abbr
            && self.p(e, b'.')
            && (self.num(e + 1).is_some()
                || self.p(e + 1, b',')
                || self.t(e + 1).is_some_and(|t| !t.cap))
        {
            e += 1;
        }
        Some((u32::from(m), e))
    }

    /// Whether a month name standing alone at `i` is a month ("in May") rather than a modal,
    /// a march, or a surname ("Theresa May").
    pub(crate) fn month_alone_ok(&self, i: usize, m: u32) -> bool {
        if self.tiny(2) {
            return true;
        }
        let Some(t) = self.t(i) else { return false };
        let Lex::Month(_, abbr) = t.lex else {
            return false;
        };
        let prev_ok = i > 0
            && (matches!(
                self.lex(i - 1),
                Lex::Kw(
                    Kw::In
                        | Kw::Since
                        | Kw::Until
                        | Kw::By
                        | Kw::Of
                        | Kw::During
                        | Kw::From
                        | Kw::To
                        | Kw::Through
                        | Kw::Early
                        | Kw::Mid
                        | Kw::Late
                        | Kw::Before
                        | Kw::After
                        | Kw::And
                        | Kw::Or
                        | Kw::Between
                        | Kw::End
                        | Kw::Beginning
                        | Kw::Start
                        | Kw::Middle
                        | Kw::Around
                )
            ) || self.rel(i - 1).is_some()
                || self.p(i - 1, b'-') && i > 1 && self.kw(i - 2, Kw::Mid)
                || self.is(i - 1, "until")
                || self.is(i - 1, "last"));
        // In a list of months: "in April, May and September", "May and June".
        let month_at = |k: usize| matches!(self.lex(k), Lex::Month(..));
        let listed = t.cap
            && (i > 1 && self.p(i - 1, b',') && month_at(i - 2)
                || (self.kw(i + 1, Kw::And) || self.kw(i + 1, Kw::Or)) && month_at(i + 2));
        let prev_ok = prev_ok || listed;
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
        if self.p(i + 1, b',') && self.num(i + 2).is_some_and(|n| n.ndig == 3) && self.tight(i + 1)
        {
            return None;
        }
        let y = t.num as i32;
        Some(self.era(i + 1, y))
    }

    /// Optional "AD"/"BC"/"A.D."/"B.C." after a year.
    pub(crate) fn era(&self, j: usize, y: i32) -> (i32, usize) {
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
    pub(crate) fn year_after(&self, j: usize, short: bool) -> Option<(i32, usize)> {
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
        let t = self.t(i)?;
        match (t.kind, t.lex) {
            (Kind::Word, Lex::Month(..)) => return self.month_first(i),
            (Kind::Word, Lex::Weekday(..)) => return self.weekday_expr(i),
            (Kind::Word, Lex::Season(_)) => return self.season(i),
            (Kind::Word, Lex::Kw(Kw::Q | Kw::H)) => return self.quarter(i),
            (Kind::Punct, _) => return self.year_expr(i),
            (Kind::Word, Lex::Kw(Kw::The) | Lex::Ord(_) | Lex::Num(_) | Lex::Rel(Rel::Last))
            | (Kind::Num, _) => {}
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
    pub(crate) fn month_first(&self, i: usize) -> M {
        let (m, j) = self.month_at(i, true)?;
        let k = self.the(j);
        if let Some((d, e, _)) = self.day_num(k) {
            if !(self.p(e, b':') || self.p(e, b'.') && self.num(e + 1).is_some()) {
                let (y, end) = match self.year_after(e, false) {
                    Some((y, end)) => (Yr::Abs(y), end),
                    None => (Yr::Implicit, e),
                };
                if valid_day(y, m, d) {
                    return Some((end, E::Day { y, m, d, wd: None }));
                }
            }
        }
        let k = if self.kw(j, Kw::Of) || self.p(j, b',') {
            j + 1
        } else {
            j
        };
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
        if self.kw(end, Kw::After)
            && self.rel(end + 1) == Some(Rel::Next)
            && self.is(end + 1, "next")
        {
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
    pub(crate) fn day_first(&self, i: usize) -> M {
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
    pub(crate) fn day_range_first(&self, i: usize) -> M {
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
        let a = E::Day {
            y,
            m,
            d: d1,
            wd: None,
        };
        let b = E::Day {
            y,
            m,
            d: d2,
            wd: None,
        };
        Some((
            end,
            E::Range {
                a: Box::new(a),
                b: Box::new(b),
            },
        ))
    }

    /// Weekdays: "Monday, Feb 18", "Tuesday the 19th", "last Monday" (handled in relative),
    /// "Friday after next", "wednesday of next week", "Friday afternoon", bare "Friday".
    pub(crate) fn weekday_expr(&self, i: usize) -> M {
        let Lex::Weekday(wd, plural) = self.lex(i) else {
            return None;
        };
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
            let ambiguous = ["sun", "sat", "wed"]
                .iter()
                .any(|a| a.eq_ignore_ascii_case(w));
            let followed_by_date =
                self.p(j, b',') || self.month_at(j, true).is_some() || self.day_num(j).is_some();
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
            return Some((
                e,
                E::Day {
                    y,
                    m,
                    d,
                    wd: Some(wd),
                },
            ));
        }
        let k2 = self.the(k);
        if let Some((d, e, marked)) = self.day_num(k2) {
            if (marked || k2 > k) && !self.is_word(e) {
                return Some((
                    e,
                    E::DayOnly {
                        d,
                        wd: Some(wd),
                        month: None,
                    },
                ));
            }
        }
        // "Friday after next"
        if self.kw(j, Kw::After) && self.is(j + 1, "next") {
            return Some((
                j + 2,
                E::Weekday {
                    wd,
                    rel: WdRel::AfterNext,
                },
            ));
        }
        // "wednesday of next week", "wednesday next week", "sunday from last week"
        let k = if self.kw(j, Kw::Of) || self.kw(j, Kw::From) {
            j + 1
        } else {
            j
        };
        if let Some(r) = self.rel(k) {
            if self.unit(k + 1).is_some_and(|(u, p)| u == Unit::Week && !p) {
                let n = match r {
                    Rel::Last => -1,
                    Rel::This => 0,
                    Rel::Next => 1,
                };
                return Some((
                    k + 2,
                    E::Weekday {
                        wd,
                        rel: WdRel::Week(n),
                    },
                ));
            }
        }
        let base = E::Weekday {
            wd,
            rel: WdRel::Bare,
        };
        if let Some((pod, e)) = self.pod(j) {
            return Some((
                e,
                E::Pod {
                    pod,
                    day: Box::new(base),
                },
            ));
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
    pub(crate) fn bare_day(&self, i: usize) -> M {
        let k = self.the(i);
        let (d, j, marked) = self.day_num(k)?;
        let the = k > i;
        let prev_ok = i > 0
            && matches!(
                self.lex(i - 1),
                Lex::Kw(
                    Kw::On
                        | Kw::By
                        | Kw::Until
                        | Kw::Since
                        | Kw::From
                        | Kw::Before
                        | Kw::After
                        | Kw::To
                        | Kw::And
                )
            );
        // "the 5th of next month", "20th day of the current month"
        let j2 =
            if self.unit(j).is_some_and(|(u, p)| u == Unit::Day && !p) && self.kw(j + 1, Kw::Of) {
                j + 1
            } else {
                j
            };
        if self.kw(j2, Kw::Of) {
            let k2 = self.the(j2 + 1);
            if let Some(r) = self.rel(k2) {
                if self.unit(k2 + 1).is_some_and(|(u, _)| u == Unit::Month) {
                    let n = rel_n(r);
                    let month = E::Unit {
                        unit: Unit::Month,
                        n,
                        anchor: Anchor::Dct,
                    };
                    return Some((
                        k2 + 2,
                        E::DayOnly {
                            d,
                            wd: None,
                            month: Some(Box::new(month)),
                        },
                    ));
                }
            }
            if self.unit(k2).is_some_and(|(u, _)| u == Unit::Month) && k2 > j2 + 1 {
                let month = E::Unit {
                    unit: Unit::Month,
                    n: 0,
                    anchor: Anchor::Dct,
                };
                return Some((
                    k2 + 1,
                    E::DayOnly {
                        d,
                        wd: None,
                        month: Some(Box::new(month)),
                    },
                ));
            }
        }
        if j2 > j || !(marked || the) || !(prev_ok || self.tiny(3)) {
            return None;
        }
        // what follows must not make the ordinal a noun modifier ("the 75th anniversary")
        if let Some(nt) = self.t(j) {
            if nt.kind == Kind::Word {
                const CLAUSE: [&str; 16] = [
                    "he", "she", "it", "they", "we", "i", "you", "the", "a", "an", "his", "her",
                    "their", "its", "there", "when",
                ];
                let on = i > 0 && self.kw(i - 1, Kw::On);
                let ok = matches!(
                    nt.lex,
                    Lex::Kw(
                        Kw::And
                            | Kw::Or
                            | Kw::To
                            | Kw::Through
                            | Kw::At
                            | Kw::In
                            | Kw::Of
                            | Kw::Until
                            | Kw::For
                    )
                ) || nt.lex == Lex::None && !nt.cap && self.tiny(4)
                    || on && (nt.cap || CLAUSE.iter().any(|w| self.is(j, w)));
                if !ok {
                    return None;
                }
            } else if nt.kind == Kind::Num
                || nt.ch == b'-'
                    && self.num(j + 1).is_none()
                    && self.day_num(self.the(j + 1)).is_none()
            {
                return None;
            }
        }
        Some((
            j,
            E::DayOnly {
                d,
                wd: None,
                month: None,
            },
        ))
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
        let table = [
            (Some(2019), 2, 28),
            (Some(2020), 2, 29),
            (None, 2, 29),
            (Some(2019), 4, 30),
            (Some(1900), 2, 28),
        ];
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

//! Vague references ("now", "the past", "soon"), sets ("every week", "annually") and clock
//! times ("8 PM", "15:00 GMT Saturday"), plus value-formatting helpers.

use crate::expr::{Qty, RefKind, E};
use crate::lexicon::{Kw, Lex, Rel, Unit};
use crate::recognise::{Mention, Rec};
use crate::rules_rel::mention;
use crate::token::Kind;

impl Rec<'_, '_> {
    /// Vague references: now, currently, nowadays, (the) past, the future, the near future,
    /// soon, recently, at present, the present, at the time.
    pub(crate) fn reference(&self, i: usize) -> Option<Mention> {
        let vague = |a: usize, b: usize, kind: RefKind, vague: bool| {
            let mut m = mention(a, b, E::Ref { kind });
            m.vague = vague;
            Some(m)
        };
        match self.lex(i) {
            Lex::Kw(Kw::Now) => vague(i, i + 1, RefKind::Present, false),
            Lex::Kw(Kw::Currently | Kw::Nowadays) => vague(i, i + 1, RefKind::Present, false),
            Lex::Kw(Kw::Recently) => vague(i, i + 1, RefKind::Past, true),
            Lex::Kw(Kw::Soon)
                if !matches!(self.lex(i + 1), Lex::Kw(Kw::After | Kw::Before | Kw::Than)) =>
            {
                if i > 0 && (self.is(i - 1, "as") || self.kw(i - 1, Kw::More)) {
                    return None;
                }
                vague(i, i + 1, RefKind::Future, true)
            }
            Lex::Rel(Rel::This) if self.is(i, "present") && i > 0 && self.kw(i - 1, Kw::At) => {
                vague(i, i + 1, RefKind::Present, false)
            }
            Lex::Kw(Kw::The) => {
                let j = i + 1;
                if self.is(j, "past")
                    && self.number(j + 1).is_none()
                    && self.unit(j + 1).is_none()
                    && !self.is_word(j + 1)
                    || self.is(j, "past") && self.kw(j + 1, Kw::And)
                {
                    return vague(i, j + 1, RefKind::Past, true);
                }
                if self.is(j, "present") && !self.is_word(j + 1) {
                    return vague(i, j + 1, RefKind::Present, false);
                }
                if self.kw(j, Kw::Future) {
                    return vague(i, j + 1, RefKind::Future, true);
                }
                if (self.kw(j, Kw::Near)
                    || self.is(j, "distant")
                    || self.is(j, "foreseeable")
                    || self.is(j, "immediate"))
                    && self.kw(j + 1, Kw::Future)
                {
                    return vague(i, j + 2, RefKind::Future, true);
                }
                None
            }
            Lex::Kw(Kw::At)
                if self.is(i + 1, "this")
                    && self.kw(i + 2, Kw::Time)
                    && !self.kw(i + 3, Kw::Of) =>
            {
                vague(i, i + 3, RefKind::Present, false)
            }
            Lex::Kw(Kw::At) if self.kw(i + 1, Kw::The) && self.kw(i + 2, Kw::Time) => {
                let nt = self.t(i + 3);
                if nt.is_none_or(|t| {
                    t.kind == Kind::Punct && matches!(t.ch, b',' | b'.' | b')' | b';')
                }) {
                    return vague(i, i + 3, RefKind::Past, true);
                }
                None
            }
            _ => None,
        }
    }

    /// Sets: "every morning", "each week", "every two years", "annually", "on Mondays".
    pub(crate) fn set(&self, i: usize) -> Option<Mention> {
        match self.lex(i) {
            Lex::Kw(Kw::Every | Kw::Each) => {
                let j = i + 1;
                let (q, k) = match self.number(j) {
                    Some((Qty::N(n), k)) if self.unit(k).is_some() => (n, k),
                    _ => (1.0, j),
                };
                let value = match self.lex(k) {
                    Lex::Unit(u, _) => format!("P{}{}", fmt_num(q), unit_letter(u)),
                    Lex::Weekday(wd, _) => format!("XXXX-WXX-{wd}"),
                    Lex::Kw(Kw::Morning) => "XXXX-XX-XXTMO".to_string(),
                    Lex::Kw(Kw::Afternoon) => "XXXX-XX-XXTAF".to_string(),
                    Lex::Kw(Kw::Evening) => "XXXX-XX-XXTEV".to_string(),
                    Lex::Kw(Kw::Night) => "XXXX-XX-XXTNI".to_string(),
                    Lex::Month(m, _) if self.cap(k) => format!("XXXX-{m:02}"),
                    Lex::Season(s) => format!("XXXX-{}", season_code(u32::from(s))),
                    _ => return None,
                };
                Some(mention(i, k + 1, E::Set { value }))
            }
            Lex::Kw(Kw::Annually)
                if self.is(i, "annually") || self.is(i, "yearly") && !self.is_word(i + 1) =>
            {
                Some(mention(
                    i,
                    i + 1,
                    E::Set {
                        value: "P1Y".to_string(),
                    },
                ))
            }
            Lex::Weekday(wd, true) if i > 0 && self.kw(i - 1, Kw::On) => Some(mention(
                i,
                i + 1,
                E::Set {
                    value: format!("XXXX-WXX-{wd}"),
                },
            )),
            _ => None,
        }
    }

    /// Clock times: "8 PM", "10:30 a.m.", "15:00 GMT Saturday", "noon".
    pub(crate) fn clock(&self, i: usize) -> Option<Mention> {
        let (h, mi, mut e) = match self.lex(i) {
            Lex::Kw(Kw::Noon) => (12, 0, i + 1),
            Lex::Kw(Kw::Midnight) => (24, 0, i + 1),
            _ => {
                let t = self.num(i)?;
                if t.ndig > 2 || t.num > 24 {
                    return None;
                }
                let minutes =
                    self.tight(i + 1) && self.num(i + 2).is_some_and(|n| n.ndig == 2 && n.num < 60);
                let (mi, mut e) = if minutes
                    && (self.p(i + 1, b':') || self.p(i + 1, b'.') && self.ampm(i + 3).is_some())
                {
                    (self.num(i + 2)?.num, i + 3)
                } else {
                    (0, i + 1)
                };
                // h:mm:ss after "in" is a duration ("finished in 3:07:35")
                if self.p(e, b':') && self.tight(e) && self.num(e + 1).is_some_and(|n| n.ndig == 2)
                {
                    if i > 0 && self.kw(i - 1, Kw::In) {
                        let s = self.num(e + 1)?.num;
                        let value = format!("PT{}H{}M{}S", t.num, mi, s);
                        return Some(mention(i, e + 2, E::Set { value }).with_duration());
                    }
                    e += 2;
                }
                let mut h = t.num;
                match self.ampm(e) {
                    Some((pm, e2)) => {
                        if h == 0 || h > 12 {
                            return None;
                        }
                        if pm && h < 12 {
                            h += 12;
                        } else if !pm && h == 12 {
                            h = 0;
                        }
                        (h, mi, e2)
                    }
                    None if e > i + 1
                        && (t.ndig == 2
                            || self.kw(e, Kw::Gmt)
                            || i > 0 && self.kw(i - 1, Kw::At)) =>
                    {
                        (h, mi, e)
                    }
                    None => return None,
                }
            }
        };
        if self.kw(e, Kw::Gmt) {
            e += 1;
        } else if self.is(e, "local") && self.kw(e + 1, Kw::Time) {
            e += 2;
        }
        // attached day: "15:00 GMT Saturday", "10 am on Monday", "8 p.m. Friday"
        let k = if self.kw(e, Kw::On) { e + 1 } else { e };
        let day = self
            .calendar(k)
            .or_else(|| self.deictic(k).map(|m| (m.b, m.e)));
        let (end, day) = match day {
            Some((
                e2,
                d @ (E::Weekday { .. }
                | E::Day { .. }
                | E::Unit {
                    unit: Unit::Day, ..
                }),
            )) => (e2, Some(Box::new(d))),
            _ => (e, None),
        };
        Some(mention(i, end, E::Clock { h, mi, day }))
    }

    /// "am"/"pm"/"a.m."/"p.m." at `j`: (is pm, end).
    pub(crate) fn ampm(&self, j: usize) -> Option<(bool, usize)> {
        match self.lex(j) {
            Lex::Kw(Kw::Am) => Some((false, j + 1)),
            Lex::Kw(Kw::Pm) => Some((true, j + 1)),
            _ => {
                let a = self.is(j, "a") || self.is(j, "p");
                if a && self.p(j + 1, b'.')
                    && self.is(j + 2, "m")
                    && self.tight(j + 1)
                    && self.tight(j + 2)
                {
                    let e = if self.p(j + 3, b'.') { j + 4 } else { j + 3 };
                    return Some((self.is(j, "p"), e));
                }
                None
            }
        }
    }
}

impl Mention {
    /// Marks a `Set`-encoded literal value as a duration (used for clock-shaped durations).
    fn with_duration(mut self) -> Mention {
        if let E::Set { value } = &self.e {
            self.literal = Some(value.clone());
            self.e = E::Dur {
                parts: vec![],
                dir: 0,
            };
            self.modifier = None;
            self.vague = false;
        }
        self
    }
}

/// TIMEX3 letter of a unit in a duration value (time units after "T").
pub(crate) fn unit_letter(u: Unit) -> &'static str {
    match u {
        Unit::Second => "S",
        Unit::Minute => "M",
        Unit::Hour => "H",
        Unit::Day => "D",
        Unit::Week | Unit::Weekend => "W",
        Unit::Fortnight => "W",
        Unit::Month => "M",
        Unit::Quarter => "Q",
        Unit::Half => "H",
        Unit::Year => "Y",
        Unit::Decade => "DE",
        Unit::Century => "CE",
    }
}

/// Season code used in values.
pub(crate) fn season_code(s: u32) -> &'static str {
    match s {
        1 => "SP",
        2 => "SU",
        3 => "FA",
        _ => "WI",
    }
}

/// Number in a duration value: integers without a fraction.
pub(crate) fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

//! Relative grammar: deictic words, "last/next/this X", parts ("early July", "the end of the
//! year"), n-th units ("the first week of October"), offsets ("three days ago"), durations,
//! vague references, sets and clock times.

use crate::expr::{Anchor, Part, Qty, RefKind, WdRel, Yr, E};
use crate::lexicon::{Kw, Lex, Rel, Unit};
use crate::recognise::{Mention, Rec, M};
use crate::rules::{longer, rel_n};

pub(crate) fn mention(a: usize, b: usize, e: E) -> Mention {
    Mention {
        a,
        b,
        e,
        modifier: None,
        vague: false,
        literal: None,
    }
}

impl Rec<'_, '_> {
    /// A period usable after "of" or a part word: "the year", "this month", "2012", "April",
    /// "next week", "the 1990s", "October 2014".
    pub(crate) fn period(&self, k: usize) -> M {
        let k2 = self.the(k);
        if let Some((u, false)) = self.unit(k2) {
            if k2 > k
                && matches!(
                    u,
                    Unit::Year
                        | Unit::Month
                        | Unit::Week
                        | Unit::Quarter
                        | Unit::Decade
                        | Unit::Century
                )
            {
                return Some((
                    k2 + 1,
                    E::Unit {
                        unit: u,
                        n: 0,
                        anchor: Anchor::Tensed,
                    },
                ));
            }
            if k2 == k && matches!(u, Unit::Year | Unit::Month | Unit::Week) {
                return Some((
                    k2 + 1,
                    E::Unit {
                        unit: u,
                        n: 0,
                        anchor: Anchor::Tensed,
                    },
                ));
            }
        }
        let rel = self.rel_unit(k2).map(|m| (m.b, m.e));
        let rel = match rel {
            Some((e, E::Dur { .. })) => {
                let _ = e;
                None
            }
            other => other,
        };
        let cal = self.calendar(k2).or_else(|| {
            let (m, e) = self.month_at(k2, true)?;
            Some((e, E::Month { y: Yr::Implicit, m }))
        });
        longer(rel, cal)
    }

    /// Everything that is not a plain calendar form.
    pub(crate) fn relative(&self, i: usize) -> Option<Mention> {
        let mut best: Option<Mention> = None;
        let mut consider = |m: Option<Mention>| {
            if let Some(m) = m {
                if best.as_ref().is_none_or(|b| m.b > b.b) {
                    best = Some(m);
                }
            }
        };
        consider(self.deictic(i));
        consider(self.rel_unit(i));
        consider(self.part(i));
        consider(self.nth(i));
        consider(self.duration_like(i));
        consider(self.reference(i));
        consider(self.set(i));
        consider(self.clock(i));
        best
    }

    /// today, tomorrow, yesterday, tonight, "the day before yesterday", "yesterday morning".
    pub(crate) fn deictic(&self, i: usize) -> Option<Mention> {
        let (n, j) = match self.lex(i) {
            Lex::Kw(Kw::Today) => (0, i + 1),
            Lex::Kw(Kw::Yesterday) => (-1, i + 1),
            Lex::Kw(Kw::Tomorrow) => (1, i + 1),
            Lex::Kw(Kw::Tonight) => {
                let day = E::Unit {
                    unit: Unit::Day,
                    n: 0,
                    anchor: Anchor::Dct,
                };
                return Some(mention(
                    i,
                    i + 1,
                    E::Pod {
                        pod: "NI",
                        day: Box::new(day),
                    },
                ));
            }
            Lex::Kw(Kw::The) if self.unit(i + 1) == Some((Unit::Day, false)) => {
                let n = if self.kw(i + 2, Kw::Before) && self.kw(i + 3, Kw::Yesterday) {
                    -2
                } else if self.kw(i + 2, Kw::After) && self.kw(i + 3, Kw::Tomorrow) {
                    2
                } else {
                    return None;
                };
                (n, i + 4)
            }
            _ => return None,
        };
        let day = E::Unit {
            unit: Unit::Day,
            n,
            anchor: Anchor::Dct,
        };
        if let Some((pod, e)) = self.pod(j) {
            return Some(mention(
                i,
                e,
                E::Pod {
                    pod,
                    day: Box::new(day),
                },
            ));
        }
        Some(mention(i, j, day))
    }

    /// "last week", "the previous day", "next March", "last Monday", "last summer",
    /// "the past two years", "the coming months", "this fiscal year", "last night".
    pub(crate) fn rel_unit(&self, i: usize) -> Option<Mention> {
        let k = self.the(i);
        let the = k > i;
        // "within the year", "later in the month": the current one.
        if the && i > 0 {
            let within = self.kw(i - 1, Kw::Within)
                || self.kw(i - 1, Kw::In)
                    && i > 1
                    && (self.is(i - 2, "later") || self.is(i - 2, "earlier"));
            if let Some((u @ (Unit::Year | Unit::Month | Unit::Week), false)) = self.unit(k) {
                let bare = !self.kw(k + 1, Kw::Of) && !self.p(k + 1, b'\'');
                if within && bare {
                    return Some(mention(
                        i,
                        k + 1,
                        E::Unit {
                            unit: u,
                            n: 0,
                            anchor: Anchor::Dct,
                        },
                    ));
                }
            }
        }
        // "over the weekend", "at the weekend": the weekend nearest the publication date on
        // the side the tense says
        if the
            && i > 0
            && self.unit(k) == Some((Unit::Weekend, false))
            && ["over", "at", "during", "on"]
                .iter()
                .any(|w| self.is(i - 1, w))
            && !self.kw(k + 1, Kw::Of)
            && !self.p(k + 1, b'\'')
        {
            return Some(mention(
                i,
                k + 1,
                E::Unit {
                    unit: Unit::Weekend,
                    n: 0,
                    anchor: Anchor::Tensed,
                },
            ));
        }
        // "that day", "the same day"
        if self.kw(k, Kw::That) || the && self.kw(k, Kw::Same) {
            if let Some((u, false)) = self.unit(k + 1) {
                if matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year)
                    && !self.kw(k + 2, Kw::Of)
                {
                    return Some(mention(
                        i,
                        k + 2,
                        E::Unit {
                            unit: u,
                            n: 0,
                            anchor: Anchor::Narrative,
                        },
                    ));
                }
            }
            return None;
        }
        let r = self.rel(k)?;
        let word = self.d.word(k);
        let n = rel_n(r);
        let mut j = k + 1;
        if self.kw(j, Kw::Fiscal) {
            j += 1;
        }
        let narrative = the
            && ["previous", "following", "preceding", "prior", "subsequent"]
                .iter()
                .any(|w| w.eq_ignore_ascii_case(word))
            || the && word.eq_ignore_ascii_case("next") && self.unit(j) == Some((Unit::Day, false));
        let anchor = if narrative {
            Anchor::Narrative
        } else {
            Anchor::Dct
        };
        let spun_final = ["final", "latest"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word));
        let is_past_word = word.eq_ignore_ascii_case("past");
        match self.lex(j) {
            Lex::Unit(u, false) => {
                if self.kw(j + 1, Kw::Of) && (spun_final || word.eq_ignore_ascii_case("last")) {
                    return None;
                }
                if spun_final && !matches!(u, Unit::Week | Unit::Month | Unit::Year) {
                    return None;
                }
                if word.eq_ignore_ascii_case("present") && u == Unit::Day {
                    return Some(mention(
                        i,
                        j + 1,
                        E::Ref {
                            kind: RefKind::Present,
                        },
                    ));
                }
                // "over the next decade" is a duration
                let over = i > 0
                    && matches!(
                        self.lex(i - 1),
                        Lex::Kw(Kw::Over | Kw::During | Kw::For | Kw::Within)
                    )
                    && the
                    && n != 0;
                if over {
                    let dir = n.signum();
                    return Some(mention(
                        i,
                        j + 1,
                        E::Dur {
                            parts: vec![(Qty::N(1.0), u)],
                            dir,
                        },
                    ));
                }
                if u == Unit::Half {
                    return None;
                }
                let e = E::Unit { unit: u, n, anchor };
                if u == Unit::Week && self.p(j + 1, b'\'') && self.is(j + 2, "s") {
                    if let Lex::Weekday(wd, false) = self.lex(j + 3) {
                        return Some(mention(
                            i,
                            j + 4,
                            E::Weekday {
                                wd: u32::from(wd),
                                rel: WdRel::Week(n),
                            },
                        ));
                    }
                }
                // "last night", "this morning"
                if let Some((pod, e2)) = self.pod(j + 1) {
                    if u == Unit::Day {
                        return Some(mention(
                            i,
                            e2,
                            E::Pod {
                                pod,
                                day: Box::new(e),
                            },
                        ));
                    }
                }
                Some(mention(i, j + 1, e))
            }
            // "the previous night", "the next morning", "the following evening": the day
            // before or after the last day the narrative named
            Lex::Kw(Kw::Night | Kw::Morning | Kw::Afternoon | Kw::Evening)
                if !the || n != 0 && narrative_pod(word) =>
            {
                let (pod, e) = self.pod(j)?;
                let day = E::Unit {
                    unit: Unit::Day,
                    n: n.signum(),
                    anchor: if the { Anchor::Narrative } else { Anchor::Dct },
                };
                Some(mention(
                    i,
                    e,
                    E::Pod {
                        pod,
                        day: Box::new(day),
                    },
                ))
            }
            Lex::Month(..) if !the || word.eq_ignore_ascii_case("past") => {
                let (m, e) = self.month_at(j, true)?;
                let e = if self.p(e - 1, b'.') && self.num(e).is_none() {
                    e - 1
                } else {
                    e
                };
                Some(mention(i, e, E::MonthRel { m, rel: n }))
            }
            Lex::Weekday(wd, false) => {
                let rel = match r {
                    Rel::Last => WdRel::Last,
                    Rel::Next => WdRel::Next,
                    Rel::This => WdRel::This,
                };
                let base = E::Weekday {
                    wd: u32::from(wd),
                    rel,
                };
                if let Some((pod, e)) = self.pod(j + 1) {
                    return Some(mention(
                        i,
                        e,
                        E::Pod {
                            pod,
                            day: Box::new(base),
                        },
                    ));
                }
                Some(mention(i, j + 1, base))
            }
            Lex::Season(s) => Some(mention(
                i,
                j + 1,
                E::Season {
                    y: Yr::Rel(n),
                    s: u32::from(s),
                },
            )),
            _ if self.is(j, "season") || self.is(j, "seasons") && !the => {
                Some(mention(i, j + 1, E::CurSeason { n }))
            }
            _ => {
                // "the past two years", "the next few months", "the coming months", "last 2 weeks"
                let (q, e) = match self.number(j) {
                    Some((q, e)) => (q, e),
                    None => (Qty::Vague, j),
                };
                let (u, plural) = self.unit(e)?;
                if !plural && e == j {
                    return None;
                }
                // spun "this twelve months" = this year
                if q == Qty::N(12.0)
                    && u == Unit::Month
                    && (n == 0 || spun_final || word.eq_ignore_ascii_case("approaching"))
                {
                    return Some(mention(
                        i,
                        e + 1,
                        E::Unit {
                            unit: Unit::Year,
                            n,
                            anchor,
                        },
                    ));
                }
                if n == 0 && !is_past_word || spun_final && q == Qty::Vague {
                    return None;
                }
                // "upcoming two weeks" read as Duckling does (the unit N ahead) under the future bias
                if self.future_bias && word.eq_ignore_ascii_case("upcoming") {
                    if let Qty::N(x) = q {
                        return Some(mention(
                            i,
                            e + 1,
                            E::Unit {
                                unit: u,
                                n: x as i32,
                                anchor: Anchor::Dct,
                            },
                        ));
                    }
                }
                let dir = if n == 0 { -1 } else { n.signum() };
                let mut m = mention(
                    i,
                    e + 1,
                    E::Dur {
                        parts: vec![(q, u)],
                        dir,
                    },
                );
                m.vague = q == Qty::Vague;
                Some(m)
            }
        }
    }

    /// "early July", "mid-2019", "late last July", "the end of this month", "the first half of
    /// next year", "earlier this month", "later this week", "the rest of the week", "EOY".
    pub(crate) fn part(&self, i: usize) -> Option<Mention> {
        let part_of_word = |i: usize| -> Option<Part> {
            match self.lex(i) {
                Lex::Kw(Kw::Early) => Some(Part::Start),
                Lex::Kw(Kw::Mid) => Some(Part::Mid),
                Lex::Kw(Kw::Late) => Some(Part::End),
                _ => None,
            }
        };
        // early/mid/late X (not "as early as")
        if let Some(part) = part_of_word(i) {
            if i > 0 && self.is(i - 1, "as") {
                return None;
            }
            let j = if self.p(i + 1, b'-') { i + 2 } else { i + 1 };
            let (e, base) = self.period(j)?;
            if !part_base_ok(&base) {
                return None;
            }
            return Some(mention(
                i,
                e,
                E::Part {
                    part,
                    base: Box::new(base),
                },
            ));
        }
        // "earlier this month", "later this year"
        if self.kw(i, Kw::Earlier) || self.kw(i, Kw::Later) {
            let r = self.rel(i + 1)?;
            let (u, false) = self.unit(i + 2)? else {
                return None;
            };
            if !matches!(u, Unit::Week | Unit::Month | Unit::Year) {
                return None;
            }
            let part = if self.kw(i, Kw::Earlier) {
                Part::Earlier
            } else {
                Part::Later
            };
            let base = E::Unit {
                unit: u,
                n: rel_n(r),
                anchor: Anchor::Dct,
            };
            return Some(mention(
                i,
                i + 3,
                E::Part {
                    part,
                    base: Box::new(base),
                },
            ));
        }
        // EOM / BOM / EOY / BOY
        let abbr = match self.lex(self.the(i)) {
            Lex::Kw(Kw::Eom) => Some((Part::End, Unit::Month)),
            Lex::Kw(Kw::Bom) => Some((Part::Start, Unit::Month)),
            Lex::Kw(Kw::Eoy) => Some((Part::End, Unit::Year)),
            Lex::Kw(Kw::Boy) if self.cap(self.the(i)) || self.tiny(3) => {
                Some((Part::Start, Unit::Year))
            }
            _ => None,
        };
        if let Some((part, unit)) = abbr {
            let base = E::Unit {
                unit,
                n: 0,
                anchor: Anchor::Tensed,
            };
            return Some(mention(
                i,
                self.the(i) + 1,
                E::Part {
                    part,
                    base: Box::new(base),
                },
            ));
        }
        // (the) end/beginning/start/middle/rest of X
        let k = self.the(i);
        let part = match self.lex(k) {
            Lex::Kw(Kw::End) => Part::End,
            Lex::Kw(Kw::Beginning | Kw::Start) => Part::Start,
            Lex::Kw(Kw::Middle) => Part::Mid,
            Lex::Kw(Kw::Rest) => Part::Rest,
            Lex::Ord(1 | 2)
                if self.unit(k + 1) == Some((Unit::Half, false)) && self.kw(k + 2, Kw::Of) =>
            {
                let part = if self.lex(k) == Lex::Ord(1) {
                    Part::FirstHalf
                } else {
                    Part::SecondHalf
                };
                let (e, base) = self.period(k + 3)?;
                return Some(mention(
                    i,
                    e,
                    E::Part {
                        part,
                        base: Box::new(base),
                    },
                ));
            }
            _ => return None,
        };
        if !self.kw(k + 1, Kw::Of) {
            return None;
        }
        let (e, base) = self.period(k + 2)?;
        if !part_base_ok(&base) {
            return None;
        }
        Some(mention(
            i,
            e,
            E::Part {
                part,
                base: Box::new(base),
            },
        ))
    }

    /// "the first week of October 2014", "last Monday of March", "the 3rd last week of 2018",
    /// "third day of october", "first tuesday in october".
    pub(crate) fn nth(&self, i: usize) -> Option<Mention> {
        let k = self.the(i);
        let (mut n, mut j) = match self.lex(k) {
            Lex::Ord(n) => (n as i32, k + 1),
            Lex::Rel(Rel::Last) if self.is(k, "last") || self.is(k, "final") => (-1, k + 1),
            _ => {
                let (n, j, marked) = self.day_num(k)?;
                if !marked {
                    return None;
                }
                (n as i32, j)
            }
        };
        if n > 0 && self.is(j, "last") {
            n = -n;
            j += 1;
        }
        let what = self.lex(j);
        if !(self.kw(j + 1, Kw::Of) || self.kw(j + 1, Kw::In)) {
            return None;
        }
        let (e, base) = self.period(j + 2)?;
        if !matches!(
            base,
            E::Month { .. }
                | E::MonthRel { .. }
                | E::Year { .. }
                | E::Unit { .. }
                | E::Quarter { .. }
        ) {
            return None;
        }
        let base = Box::new(base);
        let ex = match what {
            Lex::Weekday(wd, false) => E::NthWeekday {
                n,
                wd: u32::from(wd),
                base,
            },
            Lex::Unit(u @ (Unit::Day | Unit::Week | Unit::Weekend), false) => {
                E::NthUnit { n, unit: u, base }
            }
            _ => return None,
        };
        Some(mention(i, e, ex))
    }
}

/// Bases a part word may apply to.
fn part_base_ok(e: &E) -> bool {
    !matches!(
        e,
        E::Ref { .. }
            | E::Dur { .. }
            | E::Set { .. }
            | E::Clock { .. }
            | E::Range { .. }
            | E::InDur { .. }
    )
}

/// Direction words that, after "the", place a part of the day next to the narrative's day
/// ("the previous night", "the next morning", "the following evening").
fn narrative_pod(word: &str) -> bool {
    ["previous", "following", "preceding", "prior", "next"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
}

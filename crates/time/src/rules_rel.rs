//! Relative grammar: deictic words, "last/next/this X", parts ("early July", "the end of the
//! year"), n-th units ("the first week of October"), offsets ("three days ago"), durations,
//! vague references, sets and clock times.

use crate::expr::{Anchor, Part, Qty, RefKind, WdRel, Yr, E};
use crate::lexicon::{Kw, Lex, Rel, Unit};
use crate::recognise::{Mention, Rec, M};
use crate::rules::{longer, rel_n};
use crate::token::Kind;

fn mention(a: usize, b: usize, e: E) -> Mention {
    Mention { a, b, e, modifier: None, vague: false, literal: None }
}

impl Rec<'_, '_> {
    /// A number for a duration: digits, words ("twenty-five"), "a"/"an", "a few", "several".
    pub(crate) fn number(&self, i: usize) -> Option<(Qty, usize)> {
        let t = self.t(i)?;
        match t.kind {
            Kind::Num => {
                if t.ndig > 6 {
                    return None;
                }
                let mut v = f64::from(t.num);
                let mut e = i + 1;
                if self.p(e, b',') && self.tight(e) && self.num(e + 1).is_some_and(|n| n.ndig == 3) && self.tight(e + 1) {
                    v = v * 1000.0 + f64::from(self.num(e + 1)?.num);
                    e += 2;
                } else if self.p(e, b'.') && self.tight(e) && self.num(e + 1).is_some() && self.tight(e + 1) {
                    let f = self.num(e + 1)?;
                    v += f64::from(f.num) / 10f64.powi(i32::from(f.ndig));
                    e += 2;
                }
                Some((Qty::N(v), e))
            }
            Kind::Word => match t.lex {
                Lex::Num(n) if n >= 20 && n < 100 && n % 10 == 0 => {
                    let j = if self.p(i + 1, b'-') { i + 2 } else { i + 1 };
                    if let Lex::Num(u) = self.lex(j) {
                        if u < 10 {
                            return Some((Qty::N(f64::from(n + u)), j + 1));
                        }
                    }
                    Some((Qty::N(f64::from(n)), i + 1))
                }
                Lex::Num(n) => Some((Qty::N(f64::from(n)), i + 1)),
                Lex::Kw(Kw::A) => {
                    if self.kw(i + 1, Kw::Few) {
                        return Some((Qty::Vague, i + 2));
                    }
                    if self.kw(i + 1, Kw::Couple) && self.kw(i + 2, Kw::Of) {
                        return Some((Qty::N(2.0), i + 3));
                    }
                    if self.is(i + 1, "dozen") {
                        return Some((Qty::N(12.0), i + 2));
                    }
                    self.unit(i + 1).is_some().then_some((Qty::N(1.0), i + 1))
                }
                Lex::Kw(Kw::Few | Kw::Several | Kw::Many) => Some((Qty::Vague, i + 1)),
                Lex::Kw(Kw::Couple) if self.kw(i + 1, Kw::Of) => Some((Qty::N(2.0), i + 2)),
                _ => None,
            },
            Kind::Punct => None,
        }
    }

    /// "three days", "two years and seven months", "four-week", "a mere 24 hours".
    fn dur(&self, i: usize) -> Option<(usize, Vec<(Qty, Unit)>)> {
        let (q, j) = self.number(i)?;
        let j2 = if self.p(j, b'-') && self.tight(j) { j + 1 } else { j };
        let (u, plural) = self.unit(j2)?;
        if j2 > j && plural || self.p(j2 + 1, b'-') && self.is(j2 + 2, "old") {
            return None;
        }
        if u == Unit::Half {
            return None;
        }
        let mut parts = vec![(q, u)];
        let mut e = j2 + 1;
        // "' time" in "three days' time"
        while self.kw(e, Kw::And) || self.p(e, b',') {
            let Some((q2, k)) = self.number(e + 1) else { break };
            let Some((u2, _)) = self.unit(k) else { break };
            if u2 == u || u2 == Unit::Half {
                break;
            }
            parts.push((q2, u2));
            e = k + 1;
        }
        Some((e, parts))
    }

    /// A period usable after "of" or a part word: "the year", "this month", "2012", "April",
    /// "next week", "the 1990s", "October 2014".
    pub(crate) fn period(&self, k: usize) -> M {
        let k2 = self.the(k);
        if let Some((u, false)) = self.unit(k2) {
            if k2 > k && matches!(u, Unit::Year | Unit::Month | Unit::Week | Unit::Quarter | Unit::Decade | Unit::Century) {
                return Some((k2 + 1, E::Unit { unit: u, n: 0, anchor: Anchor::Tensed }));
            }
            if k2 == k && matches!(u, Unit::Year | Unit::Month | Unit::Week) {
                return Some((k2 + 1, E::Unit { unit: u, n: 0, anchor: Anchor::Tensed }));
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
    fn deictic(&self, i: usize) -> Option<Mention> {
        let (n, j) = match self.lex(i) {
            Lex::Kw(Kw::Today) => (0, i + 1),
            Lex::Kw(Kw::Yesterday) => (-1, i + 1),
            Lex::Kw(Kw::Tomorrow) => (1, i + 1),
            Lex::Kw(Kw::Tonight) => {
                let day = E::Unit { unit: Unit::Day, n: 0, anchor: Anchor::Dct };
                return Some(mention(i, i + 1, E::Pod { pod: "NI", day: Box::new(day) }));
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
        let day = E::Unit { unit: Unit::Day, n, anchor: Anchor::Dct };
        if let Some((pod, e)) = self.pod(j) {
            return Some(mention(i, e, E::Pod { pod, day: Box::new(day) }));
        }
        Some(mention(i, j, day))
    }

    /// "last week", "the previous day", "next March", "last Monday", "last summer",
    /// "the past two years", "the coming months", "this fiscal year", "last night".
    pub(crate) fn rel_unit(&self, i: usize) -> Option<Mention> {
        let k = self.the(i);
        let the = k > i;
        // "that day", "the same day"
        if self.kw(k, Kw::That) || the && self.kw(k, Kw::Same) {
            if let Some((u, false)) = self.unit(k + 1) {
                if matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year) && !self.kw(k + 2, Kw::Of) {
                    return Some(mention(i, k + 2, E::Unit { unit: u, n: 0, anchor: Anchor::Narrative }));
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
        let narrative = the && ["previous", "following", "preceding", "prior", "subsequent"].iter().any(|w| w.eq_ignore_ascii_case(word))
            || the && word.eq_ignore_ascii_case("next") && self.unit(j) == Some((Unit::Day, false));
        let anchor = if narrative { Anchor::Narrative } else { Anchor::Dct };
        let spun_final = ["final", "latest"].iter().any(|w| w.eq_ignore_ascii_case(word));
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
                    return Some(mention(i, j + 1, E::Ref { kind: RefKind::Present }));
                }
                // "over the next decade" is a duration
                let over = i > 0 && matches!(self.lex(i - 1), Lex::Kw(Kw::Over | Kw::During | Kw::For | Kw::Within))
                    && the && n != 0;
                if over {
                    let dir = n.signum();
                    return Some(mention(i, j + 1, E::Dur { parts: vec![(Qty::N(1.0), u)], dir }));
                }
                if u == Unit::Half {
                    return None;
                }
                let e = E::Unit { unit: u, n, anchor };
                if u == Unit::Week && self.p(j + 1, b'\'') && self.is(j + 2, "s") {
                    if let Lex::Weekday(wd, false) = self.lex(j + 3) {
                        return Some(mention(i, j + 4, E::Weekday { wd: u32::from(wd), rel: WdRel::Week(n) }));
                    }
                }
                // "last night", "this morning"
                if let Some((pod, e2)) = self.pod(j + 1) {
                    if u == Unit::Day {
                        return Some(mention(i, e2, E::Pod { pod, day: Box::new(e) }));
                    }
                }
                Some(mention(i, j + 1, e))
            }
            Lex::Kw(Kw::Night | Kw::Morning | Kw::Afternoon | Kw::Evening) if !the => {
                let (pod, e) = self.pod(j)?;
                let day = E::Unit { unit: Unit::Day, n: if n < 0 { -1 } else { 0 }, anchor: Anchor::Dct };
                let day = if n > 0 { E::Unit { unit: Unit::Day, n: 1, anchor: Anchor::Dct } } else { day };
                Some(mention(i, e, E::Pod { pod, day: Box::new(day) }))
            }
            Lex::Month(..) if !the || word.eq_ignore_ascii_case("past") => {
                let (m, e) = self.month_at(j, true)?;
                let e = if self.p(e - 1, b'.') && !self.num(e).is_some() { e - 1 } else { e };
                Some(mention(i, e, E::MonthRel { m, rel: n }))
            }
            Lex::Weekday(wd, false) => {
                let rel = match r {
                    Rel::Last => WdRel::Last,
                    Rel::Next => WdRel::Next,
                    Rel::This => WdRel::This,
                };
                let base = E::Weekday { wd: u32::from(wd), rel };
                if let Some((pod, e)) = self.pod(j + 1) {
                    return Some(mention(i, e, E::Pod { pod, day: Box::new(base) }));
                }
                Some(mention(i, j + 1, base))
            }
            Lex::Season(s) => Some(mention(i, j + 1, E::Season { y: Yr::Rel(n), s: u32::from(s) })),
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
                if q == Qty::N(12.0) && u == Unit::Month && (n == 0 || spun_final || word.eq_ignore_ascii_case("approaching")) {
                    return Some(mention(i, e + 1, E::Unit { unit: Unit::Year, n, anchor }));
                }
                if n == 0 && !is_past_word || spun_final && q == Qty::Vague {
                    return None;
                }
                // "upcoming two weeks" read as Duckling does (the unit N ahead) under the future bias
                if self.future_bias && word.eq_ignore_ascii_case("upcoming") {
                    if let Qty::N(x) = q {
                        return Some(mention(i, e + 1, E::Unit { unit: u, n: x as i32, anchor: Anchor::Dct }));
                    }
                }
                let dir = if n == 0 { -1 } else { n.signum() };
                let mut m = mention(i, e + 1, E::Dur { parts: vec![(q, u)], dir });
                m.vague = q == Qty::Vague;
                Some(m)
            }
        }
    }

    /// "early July", "mid-2019", "late last July", "the end of this month", "the first half of
    /// next year", "earlier this month", "later this week", "the rest of the week", "EOY".
    fn part(&self, i: usize) -> Option<Mention> {
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
            return Some(mention(i, e, E::Part { part, base: Box::new(base) }));
        }
        // "earlier this month", "later this year"
        if self.kw(i, Kw::Earlier) || self.kw(i, Kw::Later) {
            let r = self.rel(i + 1)?;
            let (u, false) = self.unit(i + 2)? else { return None };
            if !matches!(u, Unit::Week | Unit::Month | Unit::Year) {
                return None;
            }
            let part = if self.kw(i, Kw::Earlier) { Part::Earlier } else { Part::Later };
            let base = E::Unit { unit: u, n: rel_n(r), anchor: Anchor::Dct };
            return Some(mention(i, i + 3, E::Part { part, base: Box::new(base) }));
        }
        // EOM / BOM / EOY / BOY
        let abbr = match self.lex(self.the(i)) {
            Lex::Kw(Kw::Eom) => Some((Part::End, Unit::Month)),
            Lex::Kw(Kw::Bom) => Some((Part::Start, Unit::Month)),
            Lex::Kw(Kw::Eoy) => Some((Part::End, Unit::Year)),
            Lex::Kw(Kw::Boy) if self.cap(self.the(i)) || self.tiny(3) => Some((Part::Start, Unit::Year)),
            _ => None,
        };
        if let Some((part, unit)) = abbr {
            let base = E::Unit { unit, n: 0, anchor: Anchor::Tensed };
            return Some(mention(i, self.the(i) + 1, E::Part { part, base: Box::new(base) }));
        }
        // (the) end/beginning/start/middle/rest of X
        let k = self.the(i);
        let part = match self.lex(k) {
            Lex::Kw(Kw::End) => Part::End,
            Lex::Kw(Kw::Beginning | Kw::Start) => Part::Start,
            Lex::Kw(Kw::Middle) => Part::Mid,
            Lex::Kw(Kw::Rest) => Part::Rest,
            Lex::Ord(1 | 2) if self.unit(k + 1) == Some((Unit::Half, false)) && self.kw(k + 2, Kw::Of) => {
                let part = if self.lex(k) == Lex::Ord(1) { Part::FirstHalf } else { Part::SecondHalf };
                let (e, base) = self.period(k + 3)?;
                return Some(mention(i, e, E::Part { part, base: Box::new(base) }));
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
        Some(mention(i, e, E::Part { part, base: Box::new(base) }))
    }

    /// "the first week of October 2014", "last Monday of March", "the 3rd last week of 2018",
    /// "third day of october", "first tuesday in october".
    fn nth(&self, i: usize) -> Option<Mention> {
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
        if !matches!(base, E::Month { .. } | E::MonthRel { .. } | E::Year { .. } | E::Unit { .. } | E::Quarter { .. }) {
            return None;
        }
        let base = Box::new(base);
        let ex = match what {
            Lex::Weekday(wd, false) => E::NthWeekday { n, wd: u32::from(wd), base },
            Lex::Unit(u @ (Unit::Day | Unit::Week | Unit::Weekend), false) => E::NthUnit { n, unit: u, base },
            _ => return None,
        };
        Some(mention(i, e, ex))
    }

    /// Durations, offsets ("three days ago", "two days later", "3 years from today"), "in two
    /// weeks", weekday counts ("3 fridays from now"), bare plural units ("for years"),
    /// "recent weeks", with approximators ("about", "almost", "more than").
    fn duration_like(&self, i: usize) -> Option<Mention> {
        // approximators
        let (modifier, k) = self.approximator(i);
        let k2 = if self.kw(k, Kw::The) && self.number(k + 1).is_some_and(|(q, _)| matches!(q, Qty::N(_))) { k + 1 } else { k };
        let start = if k2 > k && modifier.is_none() { i } else { i };
        // "two upcoming weeks" read as Duckling does under the future bias
        if let Some((Qty::N(n), j)) = self.number(k2) {
            if self.future_bias && self.is(j, "upcoming") {
                if let Some((u, _)) = self.unit(j + 1) {
                    return Some(mention(start, j + 2, E::Unit { unit: u, n: n as i32, anchor: Anchor::Dct }));
                }
            }
        }
        // weekday counts
        if let Some((Qty::N(n), j)) = self.number(k2) {
            if let Lex::Weekday(wd, true) = self.lex(j) {
                let fwd = self.is(j + 1, "from") && self.kw(j + 2, Kw::Now) || self.kw(j + 1, Kw::Hence);
                let back = self.kw(j + 1, Kw::Ago) || self.is(j + 1, "back");
                let end = if fwd && self.is(j + 1, "from") { j + 3 } else { j + 2 };
                if fwd || back {
                    let n = if back { -(n as i32) } else { n as i32 };
                    return Some(mention(start, end, E::WdOffset { n, wd: u32::from(wd) }));
                }
            }
        }
        let Some((e, parts)) = self.dur(k2) else {
            // "between 12 and 18 months": the first number is a duration of the second's unit
            if let Some((q, j)) = self.number(k2) {
                if matches!(q, Qty::N(_)) && (self.kw(j, Kw::And) || self.kw(j, Kw::To) || self.kw(j, Kw::Or) || self.p(j, b'-')) {
                    if let Some((_, parts2)) = self.dur(j + 1) {
                        if parts2.len() == 1 && self.num(k2).is_some() == self.num(j + 1).is_some() {
                            let mut m = mention(start, j, E::Dur { parts: vec![(q, parts2[0].1)], dir: 0 });
                            m.modifier = modifier;
                            return Some(m);
                        }
                    }
                }
            }
            if modifier.is_some() {
                return None;
            }
            return self.vague_units(i);
        };
        // "12 and 18 months": the first number alone is its own duration (handled by the caller
        // seeing a number followed by "and"/"to" and a duration)
        let single = parts.len() == 1;
        let (q, u) = parts[0];
        if single {
            if let Qty::N(n) = q {
                let ni = n as i32;
                let from_now = self.is(e, "from") && (self.kw(e + 1, Kw::Now) || self.kw(e + 1, Kw::Today));
                if (self.kw(e, Kw::Ago) || from_now || self.kw(e, Kw::Hence)) && f64::from(ni) == n {
                    let neg = self.kw(e, Kw::Ago);
                    let end = if from_now { e + 2 } else { e + 1 };
                    let mut m = mention(i, end, E::Offset { n: if neg { -ni } else { ni }, unit: u, anchor: Anchor::Dct });
                    m.modifier = modifier.filter(|m| *m == "APPROX");
                    return Some(m);
                }
                if (self.kw(e, Kw::Later) || self.kw(e, Kw::Earlier)) && f64::from(ni) == n && !self.kw(e + 1, Kw::Than) {
                    let neg = self.kw(e, Kw::Earlier);
                    let off = E::Offset { n: if neg { -ni } else { ni }, unit: u, anchor: Anchor::Narrative };
                    return Some(mention(i, e + 1, off));
                }
                if i > 0 && self.kw(i - 1, Kw::In) && modifier.is_none() && k2 == i && !matches!(u, Unit::Half) {
                    return Some(mention(i, e, E::InDur { n, unit: u }));
                }
            }
        }
        // list of durations "between 12 and 18 months": first number alone
        let mut m = mention(start, e, E::Dur { parts, dir: 0 });
        m.modifier = modifier;
        Some(m)
    }

    /// Approximators before a duration; returns the TIMEX3 mod and where the number starts.
    fn approximator(&self, i: usize) -> (Option<&'static str>, usize) {
        match self.lex(i) {
            Lex::Kw(Kw::About | Kw::Around | Kw::Approximately | Kw::Roughly | Kw::Some) => (Some("APPROX"), i + 1),
            Lex::Kw(Kw::Nearly | Kw::Almost) => (Some("LESS_THAN"), i + 1),
            Lex::Kw(Kw::More) if self.kw(i + 1, Kw::Than) => (Some("MORE_THAN"), i + 2),
            Lex::Kw(Kw::Less) if self.kw(i + 1, Kw::Than) => (Some("LESS_THAN"), i + 2),
            Lex::Kw(Kw::Over) if self.number(i + 1).is_some() => (Some("MORE_THAN"), i + 1),
            Lex::Kw(Kw::At) if self.kw(i + 1, Kw::Least) => (Some("EQUAL_OR_MORE"), i + 2),
            Lex::Kw(Kw::Up) if self.kw(i + 1, Kw::To) => (Some("EQUAL_OR_LESS"), i + 2),
            Lex::Kw(Kw::A) if self.kw(i + 1, Kw::Mere) => (None, i + 2),
            Lex::Kw(Kw::Mere) => (None, i + 1),
            _ => (None, i),
        }
    }

    /// Bare plural units in duration contexts ("for years", "days before") and "recent weeks".
    fn vague_units(&self, i: usize) -> Option<Mention> {
        if self.kw(i, Kw::Recent) {
            let (u, true) = self.unit(i + 1)? else { return None };
            let mut m = mention(i, i + 2, E::Dur { parts: vec![(Qty::Vague, u)], dir: -1 });
            m.vague = true;
            return Some(m);
        }
        let (u, true) = self.unit(i)? else { return None };
        if matches!(u, Unit::Second | Unit::Half | Unit::Quarter | Unit::Weekend) {
            return None;
        }
        let prev_ok = i > 0
            && (matches!(self.lex(i - 1), Lex::Kw(Kw::For | Kw::Within | Kw::Over))
                || ["take", "takes", "took", "taking", "last", "lasted", "spent", "spend"].iter().any(|w| self.is(i - 1, w)));
        let next_ok = matches!(self.lex(i + 1), Lex::Kw(Kw::Before | Kw::After | Kw::Later | Kw::Earlier | Kw::Ago));
        if !(prev_ok || next_ok) || self.kw(i + 1, Kw::Of) {
            return None;
        }
        Some(mention(i, i + 1, E::Dur { parts: vec![(Qty::Vague, u)], dir: 0 }))
    }

    /// Vague references: now, currently, nowadays, (the) past, the future, the near future,
    /// soon, recently, at present, the present, at the time.
    fn reference(&self, i: usize) -> Option<Mention> {
        let vague = |a: usize, b: usize, kind: RefKind, vague: bool| {
            let mut m = mention(a, b, E::Ref { kind });
            m.vague = vague;
            Some(m)
        };
        match self.lex(i) {
            Lex::Kw(Kw::Now) => vague(i, i + 1, RefKind::Present, false),
            Lex::Kw(Kw::Currently | Kw::Nowadays) => vague(i, i + 1, RefKind::Present, false),
            Lex::Kw(Kw::Recently) => vague(i, i + 1, RefKind::Past, true),
            Lex::Kw(Kw::Soon) if !matches!(self.lex(i + 1), Lex::Kw(Kw::After | Kw::Before | Kw::Than)) => {
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
                if self.is(j, "past") && !self.number(j + 1).is_some() && self.unit(j + 1).is_none() && !self.is_word(j + 1)
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
                if (self.kw(j, Kw::Near) || self.is(j, "distant") || self.is(j, "foreseeable") || self.is(j, "immediate"))
                    && self.kw(j + 1, Kw::Future)
                {
                    return vague(i, j + 2, RefKind::Future, true);
                }
                None
            }
            Lex::Kw(Kw::At) if self.is(i + 1, "this") && self.kw(i + 2, Kw::Time) && !self.kw(i + 3, Kw::Of) => {
                vague(i, i + 3, RefKind::Present, false)
            }
            Lex::Kw(Kw::At) if self.kw(i + 1, Kw::The) && self.kw(i + 2, Kw::Time) => {
                let nt = self.t(i + 3);
                if nt.is_none_or(|t| t.kind == Kind::Punct && matches!(t.ch, b',' | b'.' | b')' | b';')) {
                    return vague(i, i + 3, RefKind::Past, true);
                }
                None
            }
            _ => None,
        }
    }

    /// Sets: "every morning", "each week", "every two years", "annually", "on Mondays".
    fn set(&self, i: usize) -> Option<Mention> {
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
            Lex::Kw(Kw::Annually) if self.is(i, "annually") || self.is(i, "yearly") && !self.is_word(i + 1) => {
                Some(mention(i, i + 1, E::Set { value: "P1Y".to_string() }))
            }
            Lex::Weekday(wd, true) if i > 0 && self.kw(i - 1, Kw::On) => {
                Some(mention(i, i + 1, E::Set { value: format!("XXXX-WXX-{wd}") }))
            }
            _ => None,
        }
    }

    /// Clock times: "8 PM", "10:30 a.m.", "15:00 GMT Saturday", "noon".
    fn clock(&self, i: usize) -> Option<Mention> {
        let (h, mi, mut e) = match self.lex(i) {
            Lex::Kw(Kw::Noon) => (12, 0, i + 1),
            Lex::Kw(Kw::Midnight) => (24, 0, i + 1),
            _ => {
                let t = self.num(i)?;
                if t.ndig > 2 || t.num > 24 {
                    return None;
                }
                let (mi, mut e) = if self.p(i + 1, b':') && self.tight(i + 1) && self.num(i + 2).is_some_and(|n| n.ndig == 2 && n.num < 60) {
                    (self.num(i + 2)?.num, i + 3)
                } else if self.p(i + 1, b'.') && self.tight(i + 1) && self.num(i + 2).is_some_and(|n| n.ndig == 2 && n.num < 60) && self.ampm(i + 3).is_some() {
                    (self.num(i + 2)?.num, i + 3)
                } else {
                    (0, i + 1)
                };
                // h:mm:ss after "in" is a duration ("finished in 3:07:35")
                if self.p(e, b':') && self.tight(e) && self.num(e + 1).is_some_and(|n| n.ndig == 2) {
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
                    None if e > i + 1 && t.ndig == 2 || e > i + 1 && self.kw(e, Kw::Gmt) || e > i + 1 && i > 0 && self.kw(i - 1, Kw::At) => {
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
        let day = self.calendar(k).or_else(|| self.deictic(k).map(|m| (m.b, m.e)));
        let (end, day) = match day {
            Some((e2, d @ (E::Weekday { .. } | E::Day { .. } | E::Unit { unit: Unit::Day, .. }))) => (e2, Some(Box::new(d))),
            _ => (e, None),
        };
        Some(mention(i, end, E::Clock { h, mi, day }))
    }

    /// "am"/"pm"/"a.m."/"p.m." at `j`: (is pm, end).
    fn ampm(&self, j: usize) -> Option<(bool, usize)> {
        match self.lex(j) {
            Lex::Kw(Kw::Am) => Some((false, j + 1)),
            Lex::Kw(Kw::Pm) => Some((true, j + 1)),
            _ => {
                let a = self.is(j, "a") || self.is(j, "p");
                if a && self.p(j + 1, b'.') && self.is(j + 2, "m") && self.tight(j + 1) && self.tight(j + 2) {
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
            self.e = E::Dur { parts: vec![], dir: 0 };
            self.modifier = None;
            self.vague = false;
        }
        self
    }
}

/// Bases a part word may apply to.
fn part_base_ok(e: &E) -> bool {
    !matches!(e, E::Ref { .. } | E::Dur { .. } | E::Set { .. } | E::Clock { .. } | E::Range { .. } | E::InDur { .. })
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

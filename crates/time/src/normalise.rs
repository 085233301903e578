//! Normalization: turns a recognised [`E`] into a TIMEX3 value, a calendar interval and a
//! precision, using the publication date, the tense of the clause and the narrative anchor
//! (the last date the text mentioned).

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::calendar::{
    add_months, century_per, day_per, decade_per, half_per, month_per, quarter_per, season_per,
    wd_num, week_per, weekend, year_per, ymd, Per, V,
};
use crate::expr::{Anchor, Part, Qty, RefKind, WdRel, Yr, E};
use crate::lexicon::Unit;
use crate::rules_misc::{fmt_num, unit_letter};
use crate::{Bias, Interval, Precision, TimexKind};

/// A resolved expression.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Res {
    pub value: String,
    pub interval: Option<Interval>,
    pub prec: Precision,
    pub kind: TimexKind,
    pub modifier: Option<&'static str>,
}

/// Per-document resolution state.
pub(crate) struct Ctx {
    pub dct: NaiveDate,
    pub bias: Bias,
    /// Tense of the clause of the expression being resolved.
    pub tense: Option<bool>,
    /// Last mentioned day (with its sentence).
    pub anchor_day: Option<(NaiveDate, u32)>,
    /// Last mentioned month (year, month, sentence).
    pub anchor_month: Option<(i32, u32, u32)>,
    /// Last explicitly written year (with its sentence).
    pub anchor_year: Option<(i32, u32)>,
    /// Sentence of the expression being resolved.
    pub sent: u32,
    /// A planning word ("planned", "scheduled") stands between the tense cue and the
    /// expression: "cancelled his planned June 12 summit" — the past cue may be about the
    /// cancelling, not the date.
    pub planned: bool,
}

impl Ctx {
    /// Picks among candidate periods (in time order) by tense: past takes the latest that has
    /// begun, future the earliest that has not ended, no cue the nearest (or, with the
    /// future bias, the earliest that has not ended).
    fn choose(&self, cands: Vec<Per>) -> Option<Per> {
        self.choose_cur(cands, None)
    }

    /// As [`Ctx::choose`]; without a cue in news reading, the current candidate (`cur`) wins
    /// when it has not ended yet.
    fn choose_cur(&self, cands: Vec<Per>, cur: Option<usize>) -> Option<Per> {
        if self.tense.is_none() && self.bias == Bias::News {
            if let Some(c) = cur.and_then(|k| cands.get(k)) {
                if c.e >= self.dct {
                    return Some(c.clone());
                }
            }
        }
        let dct = self.dct;
        let future = match self.tense {
            Some(f) => Some(f),
            None if self.bias == Bias::Future => Some(true),
            None => None,
        };
        let dist = |p: &Per| {
            if p.s <= dct && dct <= p.e {
                0
            } else if p.e < dct {
                (dct - p.e).num_days()
            } else {
                (p.s - dct).num_days()
            }
        };
        // A tense cue belongs to the clause, which may be about something else than the date
        // ("cancelled his planned June 12 summit" said on May 24): a tense that would push a
        // short period most of a year away loses to a candidate within a few weeks.
        let near = cands
            .iter()
            .filter(|p| dist(p) <= 45)
            .min_by_key(|p| dist(p))
            .cloned();
        let short = |p: &Per| (p.e - p.s).num_days() < 27;
        match future {
            Some(false) => cands
                .iter()
                .rev()
                .find(|p| p.s <= dct)
                .or(cands.first())
                .cloned()
                .map(|c| match &near {
                    Some(n) if self.planned && short(&c) && dist(&c) > 180 => n.clone(),
                    _ => c,
                }),
            Some(true) => cands
                .iter()
                .find(|p| p.e >= dct)
                .or(cands.last())
                .cloned()
                .map(|c| match &near {
                    Some(n) if short(&c) && dist(&c) > 180 => n.clone(),
                    _ => c,
                }),
            None => {
                let dist = |p: &Per| {
                    if p.s <= dct && dct <= p.e {
                        0
                    } else if p.e < dct {
                        (dct - p.e).num_days()
                    } else {
                        (p.s - dct).num_days()
                    }
                };
                let mut best: Option<&Per> = None;
                for p in &cands {
                    let better = match best {
                        None => true,
                        Some(b) => {
                            let (dp, db) = (dist(p), dist(b));
                            dp < db
                                || dp == db && p.s.year() == dct.year() && b.s.year() != dct.year()
                        }
                    };
                    if better {
                        best = Some(p);
                    }
                }
                best.cloned()
            }
        }
    }

    /// Candidate years for an implicit year: the narrative year when one was written in this
    /// or the previous sentence, else publication year ± 1 by tense.
    fn implicit_year<F: Fn(i32) -> Option<Per>>(&self, f: F) -> Option<Per> {
        if let Some((y, s)) = self.anchor_year {
            if self.sent == s && y != self.dct.year() && y < self.dct.year() {
                if let Some(p) = f(y) {
                    return Some(p);
                }
            }
        }
        let y = self.dct.year();
        let cands: Vec<Per> = [y - 1, y, y + 1].iter().filter_map(|&y| f(y)).collect();
        let cur = (cands.len() == 3).then_some(1);
        self.choose_cur(cands, cur)
    }

    fn yr<F: Fn(i32) -> Option<Per>>(&self, y: Yr, f: F) -> Option<Per> {
        match y {
            Yr::Abs(y) => f(y),
            Yr::Rel(n) => f(self.dct.year() + n),
            Yr::Implicit => self.implicit_year(f),
        }
    }

    /// The first day of the latest month (or year) the narrative named, when it is named
    /// later than the last day.
    fn coarse_anchor(&self) -> Option<NaiveDate> {
        let day_sent = self.anchor_day.map(|(_, s)| s);
        let month = self
            .anchor_month
            .map(|(y, m, s)| (s, NaiveDate::from_ymd_opt(y, m, 1)));
        let year = self
            .anchor_year
            .map(|(y, s)| (s, NaiveDate::from_ymd_opt(y, 1, 1)));
        let (s, d) = match (month, year) {
            (Some(m), Some(y)) if y.0 > m.0 => y,
            (Some(m), _) => m,
            (None, Some(y)) => y,
            (None, None) => return None,
        };
        if day_sent.is_some_and(|ds| ds >= s) {
            return None;
        }
        d
    }

    /// Base day for relative expressions.
    fn base(&self, anchor: Anchor) -> NaiveDate {
        match anchor {
            Anchor::Narrative => self.anchor_day.map_or(self.dct, |(d, _)| d),
            _ => self.dct,
        }
    }

    /// "over the weekend": the weekend of the publication week, moved back a week when the
    /// clause is past and it has not begun, forward when the clause is future and it is over;
    /// with no tense, the nearer of the last and the coming weekend.
    fn tensed_weekend(&self) -> Option<Per> {
        let this = self.unit_per(Unit::Weekend, 0, Anchor::Dct)?;
        let shift = match self.tense {
            Some(false) if this.s > self.dct => -1,
            Some(true) if this.e < self.dct => 1,
            None if (this.s - self.dct).num_days() > 2 => -1,
            _ => 0,
        };
        if shift == 0 {
            Some(this)
        } else {
            self.unit_per(Unit::Weekend, shift, Anchor::Dct)
        }
    }

    fn unit_per(&self, unit: Unit, n: i32, anchor: Anchor) -> Option<Per> {
        let b = self.base(anchor);
        match unit {
            Unit::Day => Some(day_per(b + Duration::days(i64::from(n)))),
            Unit::Week | Unit::Fortnight => Some(week_per(b + Duration::weeks(i64::from(n)))),
            Unit::Weekend => {
                let w = week_per(b + Duration::weeks(i64::from(n)));
                Some(Per {
                    s: w.s + Duration::days(5),
                    e: w.e,
                    prec: Precision::Week,
                    value: weekend(w.value),
                })
            }
            Unit::Month => {
                let (y, m) = add_months(b.year(), b.month(), n);
                month_per(y, m)
            }
            Unit::Quarter => {
                let q0 = (b.month() - 1) / 3;
                let t = b.year() * 4 + q0 as i32 + n;
                quarter_per(t.div_euclid(4), t.rem_euclid(4) as u32 + 1)
            }
            Unit::Half => {
                let h0 = (b.month() - 1) / 6;
                let t = b.year() * 2 + h0 as i32 + n;
                half_per(t.div_euclid(2), t.rem_euclid(2) as u32 + 1)
            }
            Unit::Year => year_per(b.year() + n),
            Unit::Decade => decade_per(b.year().div_euclid(10) + n),
            Unit::Century => century_per(b.year().div_euclid(100) + n),
            Unit::Hour | Unit::Minute | Unit::Second => Some(day_per(b)),
        }
    }

    /// Resolves a calendar-shaped expression to a period.
    pub(crate) fn period(&self, e: &E) -> Option<Per> {
        match e {
            E::Day { y, m, d, wd } => {
                let (m, d) = (*m, *d);
                if let (Some(wd), Yr::Implicit) = (wd, y) {
                    let y0 = self.dct.year();
                    let cands: Vec<Per> = [y0 - 1, y0, y0 + 1]
                        .iter()
                        .filter_map(|&y| ymd(y, m, d))
                        .filter(|x| wd_num(*x) == *wd)
                        .map(day_per)
                        .collect();
                    if !cands.is_empty() {
                        return self.choose(cands);
                    }
                }
                self.yr(*y, |y| ymd(y, m, d).map(day_per))
            }
            E::DayOnly { d, wd, month } => self.day_only(*d, *wd, month.as_deref()),
            E::Month { y, m } => self.yr(*y, |y| month_per(y, *m)),
            E::MonthRel { m, rel } => {
                let (y0, m0) = (self.dct.year(), self.dct.month());
                let y = match rel {
                    -1 => {
                        if *m < m0 {
                            y0
                        } else {
                            y0 - 1
                        }
                    }
                    0 => y0,
                    1 => {
                        if *m > m0 {
                            y0
                        } else {
                            y0 + 1
                        }
                    }
                    _ => {
                        if *m > m0 {
                            y0 + 1
                        } else {
                            y0 + 2
                        }
                    }
                };
                month_per(y, *m)
            }
            E::Year { y } => year_per(*y),
            E::Decade { d } => decade_per(*d),
            E::Century { c } => century_per(*c),
            E::Quarter { y, q } => self.yr(*y, |y| quarter_per(y, *q)),
            E::Half { y, h } => self.yr(*y, |y| half_per(y, *h)),
            E::Season { y, s } => match y {
                Yr::Rel(n) => {
                    let y0 = self.dct.year();
                    let c: Vec<Per> = (y0 - 2..=y0 + 1)
                        .filter_map(|y| season_per(y, *s))
                        .collect();
                    let dct = self.dct;
                    match n {
                        n if *n < 0 => c.iter().rev().find(|p| p.e < dct).cloned(),
                        0 => c
                            .iter()
                            .find(|p| p.s <= dct && dct <= p.e)
                            .or_else(|| c.iter().find(|p| p.s > dct))
                            .cloned(),
                        _ => c.iter().find(|p| p.s > dct).cloned(),
                    }
                }
                _ => self.yr(*y, |y| season_per(y, *s)),
            },
            E::Unit {
                unit: Unit::Weekend,
                n: 0,
                anchor: Anchor::Tensed,
            } => self.tensed_weekend(),
            E::Unit { unit, n, anchor } => self.unit_per(*unit, *n, *anchor),
            E::Weekday { wd, rel } => self.weekday(*wd, *rel).map(day_per),
            E::WdOffset { n, wd } => {
                let mut d = self.dct;
                let step = if *n < 0 { -1 } else { 1 };
                let mut left = n.abs().min(1000);
                while left > 0 {
                    d += Duration::days(step);
                    if wd_num(d) == *wd {
                        left -= 1;
                    }
                }
                Some(day_per(d))
            }
            E::Offset { n, unit, anchor } => {
                let mut b = self.base(*anchor);
                // "in May 2018 ...; the visit took place a year later": a coarse distance
                // counts from the last month or year named, not only from a day.
                if *anchor == Anchor::Narrative
                    && matches!(
                        unit,
                        Unit::Month | Unit::Quarter | Unit::Half | Unit::Year | Unit::Decade
                    )
                {
                    if let Some(d) = self.coarse_anchor() {
                        b = d;
                    }
                }
                let n64 = i64::from(*n);
                match unit {
                    Unit::Day => Some(day_per(b + Duration::days(n64))),
                    Unit::Week => Some(day_per(b + Duration::weeks(n64))),
                    Unit::Fortnight => Some(day_per(b + Duration::weeks(2 * n64))),
                    Unit::Weekend => Some(week_per(b + Duration::weeks(n64))),
                    Unit::Month => {
                        let (y, m) = add_months(b.year(), b.month(), *n);
                        month_per(y, m)
                    }
                    Unit::Quarter => {
                        let (y, m) = add_months(b.year(), b.month(), 3 * n);
                        quarter_per(y, (m - 1) / 3 + 1)
                    }
                    Unit::Half => {
                        let (y, m) = add_months(b.year(), b.month(), 6 * n);
                        half_per(y, (m - 1) / 6 + 1)
                    }
                    Unit::Year => year_per(b.year() + n),
                    Unit::Decade => year_per(b.year() + 10 * n),
                    Unit::Century => year_per(b.year() + 100 * n),
                    Unit::Hour => Some(day_per(b + Duration::hours(n64))),
                    Unit::Minute | Unit::Second => Some(day_per(b)),
                }
            }
            E::NthWeekday { n, wd, base } => {
                let p = self.period(base)?;
                let d = if *n > 0 {
                    let mut d = p.s;
                    while wd_num(d) != *wd {
                        d += Duration::days(1);
                    }
                    d + Duration::weeks(i64::from(n - 1))
                } else {
                    let mut d = p.e;
                    while wd_num(d) != *wd {
                        d -= Duration::days(1);
                    }
                    d - Duration::weeks(i64::from(-n - 1))
                };
                (d >= p.s && d <= p.e).then(|| day_per(d))
            }
            E::NthUnit { n, unit, base } => {
                let p = self.period(base)?;
                match unit {
                    Unit::Day => {
                        let d = if *n > 0 {
                            p.s + Duration::days(i64::from(n - 1))
                        } else {
                            p.e - Duration::days(i64::from(-n - 1))
                        };
                        (d >= p.s && d <= p.e).then(|| day_per(d))
                    }
                    _ => {
                        // full Monday-to-Sunday weeks inside the period
                        let w = if *n > 0 {
                            let mut d = p.s;
                            while d.weekday() != Weekday::Mon {
                                d += Duration::days(1);
                            }
                            d + Duration::weeks(i64::from(n - 1))
                        } else {
                            let mut d = p.e;
                            while d.weekday() != Weekday::Sun {
                                d -= Duration::days(1);
                            }
                            d - Duration::days(6) - Duration::weeks(i64::from(-n - 1))
                        };
                        let wp = week_per(w);
                        if *unit == Unit::Weekend {
                            return Some(Per {
                                s: wp.s + Duration::days(5),
                                e: wp.e,
                                prec: Precision::Week,
                                value: weekend(wp.value),
                            });
                        }
                        (wp.s >= p.s && wp.e <= p.e).then_some(wp)
                    }
                }
            }
            E::Part { part, base } => self.part(*part, base).map(|(p, _)| p),
            E::Range { a, b } => {
                let pa = self.period(a)?;
                let pb = self.period(b)?;
                let e = if pb.e < pa.s { pa.e } else { pb.e };
                Some(Per {
                    s: pa.s,
                    e,
                    prec: pa.prec,
                    value: pa.value,
                })
            }
            E::Pod { day, .. } => self.period(day),
            E::CurSeason { n } => {
                let y0 = self.dct.year();
                let c: Vec<Per> = (y0 - 2..=y0 + 1)
                    .flat_map(|y| (1..=4).filter_map(move |s| season_per(y, s)))
                    .collect();
                let k = c.iter().position(|p| p.s <= self.dct && self.dct <= p.e)?;
                c.get((k as i64 + i64::from(*n)) as usize).cloned()
            }
            _ => None,
        }
    }

    fn day_only(&self, d: u32, wd: Option<u32>, month: Option<&E>) -> Option<Per> {
        if let Some(me) = month {
            let p = self.period(me)?;
            return ymd(p.s.year(), p.s.month(), d).map(day_per);
        }
        let (y0, m0) = (self.dct.year(), self.dct.month());
        if let Some(wd) = wd {
            // nearest month (by tense direction) where that day is that weekday
            let future = self.tense.unwrap_or(self.bias == Bias::Future);
            for k in 0..15 {
                let off = if future { k } else { -k };
                let (y, m) = add_months(y0, m0, off);
                if let Some(x) = ymd(y, m, d) {
                    if wd_num(x) == wd && (future && x >= self.dct || !future && x <= self.dct) {
                        return Some(day_per(x));
                    }
                }
            }
            return None;
        }
        if let Some((y, m, s)) = self.anchor_month {
            if self.sent <= s + 2 && (y, m) != (y0, m0) {
                if let Some(x) = ymd(y, m, d) {
                    return Some(day_per(x));
                }
            }
        }
        let cands: Vec<Per> = [-1, 0, 1]
            .iter()
            .filter_map(|&o| {
                let (y, m) = add_months(y0, m0, o);
                ymd(y, m, d).map(day_per)
            })
            .collect();
        let cur = (cands.len() == 3).then_some(1);
        self.choose_cur(cands, cur)
    }

    fn weekday(&self, wd: u32, rel: WdRel) -> Option<NaiveDate> {
        let dct = self.dct;
        let cur = wd_num(dct) as i64;
        let w = wd as i64;
        let back = (cur - w).rem_euclid(7); // days back to the latest on-or-before
        let fwd = (w - cur).rem_euclid(7); // days forward to the earliest on-or-after
        let latest = dct - Duration::days(back);
        let earliest = dct + Duration::days(fwd);
        let strictly_next = dct + Duration::days(if fwd == 0 { 7 } else { fwd });
        let strictly_prev = dct - Duration::days(if back == 0 { 7 } else { back });
        Some(match rel {
            WdRel::Bare => match self.tense {
                Some(true) => earliest,
                Some(false) => latest,
                None if self.bias == Bias::Future => strictly_next,
                None => latest,
            },
            WdRel::This => match self.tense {
                Some(false) => latest,
                _ => earliest,
            },
            WdRel::Last => strictly_prev,
            WdRel::Next => {
                let mon = dct - Duration::days(cur - 1) + Duration::weeks(1);
                mon + Duration::days(w - 1)
            }
            WdRel::AfterNext => strictly_next + Duration::weeks(1),
            WdRel::Week(n) => {
                let mon = dct - Duration::days(cur - 1) + Duration::weeks(i64::from(n));
                mon + Duration::days(w - 1)
            }
        })
    }

    /// Part of a period, with the TIMEX3 mod. "The end of the year" in a past-tense clause
    /// whose end has not come yet refers to the previous year (and vice versa).
    fn part(&self, part: Part, base: &E) -> Option<(Per, Option<&'static str>)> {
        let mut p = self.period(base)?;
        let mut r = sub_part(&p, part, self.dct);
        if let E::Unit {
            unit,
            n: 0,
            anchor: Anchor::Tensed,
        } = base
        {
            let shift = match self.tense {
                Some(false) if r.0 > self.dct => -1,
                Some(true) if r.1 < self.dct => 1,
                _ => 0,
            };
            if shift != 0 {
                p = self.unit_per(*unit, shift, Anchor::Dct)?;
                r = sub_part(&p, part, self.dct);
            }
        }
        let modifier = match part {
            Part::Start => Some("START"),
            Part::Mid => Some("MID"),
            Part::End => Some("END"),
            _ => None,
        };
        let value = match (part, p.prec) {
            (Part::FirstHalf | Part::SecondHalf, Precision::Year) => {
                V::Half(p.s.year(), if part == Part::FirstHalf { 1 } else { 2 })
            }
            _ => p.value,
        };
        let prec = match (part, p.prec) {
            (Part::FirstHalf | Part::SecondHalf, Precision::Year) => Precision::Half,
            (_, pr) => pr,
        };
        Some((
            Per {
                s: r.0,
                e: r.1,
                prec,
                value,
            },
            modifier,
        ))
    }

    /// Full resolution.
    pub(crate) fn resolve(&self, e: &E) -> Option<Res> {
        let date = |p: Per, modifier: Option<&'static str>| Res {
            value: p.value.to_string(),
            interval: Some(Interval {
                start: p.s,
                end: p.e,
            }),
            prec: p.prec,
            kind: TimexKind::Date,
            modifier,
        };
        match e {
            E::Ref { kind } => {
                let (value, interval, prec) = match kind {
                    RefKind::Present => (
                        "PRESENT_REF",
                        Some(Interval {
                            start: self.dct,
                            end: self.dct,
                        }),
                        Precision::Day,
                    ),
                    RefKind::Past => ("PAST_REF", None, Precision::Unknown),
                    RefKind::Future => ("FUTURE_REF", None, Precision::Unknown),
                };
                Some(Res {
                    value: value.to_string(),
                    interval,
                    prec,
                    kind: TimexKind::Date,
                    modifier: None,
                })
            }
            E::Set { value } => Some(Res {
                value: value.clone(),
                interval: None,
                prec: Precision::Unknown,
                kind: TimexKind::Set,
                modifier: None,
            }),
            E::Dur { parts, dir } => Some(self.duration(parts, *dir)),
            E::InDur { n, unit } => {
                let future = self.tense != Some(false);
                let whole = n.fract() == 0.0;
                if future && whole && !matches!(unit, Unit::Hour | Unit::Minute | Unit::Second) {
                    let p = self.period(&E::Offset {
                        n: *n as i32,
                        unit: *unit,
                        anchor: Anchor::Dct,
                    })?;
                    Some(date(p, None))
                } else {
                    Some(self.duration(&[(Qty::N(*n), *unit)], 0))
                }
            }
            E::Clock { h, mi, day } => {
                let d = match day {
                    Some(x) => self.period(x)?.s,
                    None => self.base(Anchor::Narrative),
                };
                Some(Res {
                    value: format!("{}T{h:02}:{mi:02}", V::Day(d)),
                    interval: Some(Interval { start: d, end: d }),
                    prec: Precision::Time,
                    kind: TimexKind::Time,
                    modifier: None,
                })
            }
            E::Pod { pod, day } => {
                let p = self.period(day)?;
                Some(Res {
                    value: format!("{}T{pod}", p.value),
                    interval: Some(Interval {
                        start: p.s,
                        end: p.e,
                    }),
                    prec: Precision::Time,
                    kind: TimexKind::Time,
                    modifier: None,
                })
            }
            E::Part { part, base } => {
                let (p, m) = self.part(*part, base)?;
                Some(date(p, m))
            }
            E::Unit {
                unit: Unit::Day,
                n: 0,
                anchor: Anchor::Dct,
            } if self.tense.is_none() && self.bias == Bias::News => {
                let mut r = date(day_per(self.dct), None);
                r.value = "PRESENT_REF".to_string();
                Some(r)
            }
            other => self.period(other).map(|p| date(p, None)),
        }
    }

    fn duration(&self, parts: &[(Qty, Unit)], dir: i32) -> Res {
        let mut date_part = String::new();
        let mut time_part = String::new();
        for (q, u) in parts {
            let n = match q {
                Qty::N(n) => fmt_num(match u {
                    Unit::Fortnight => n * 2.0,
                    Unit::Decade => n * 10.0,
                    _ => *n,
                }),
                Qty::Vague => "X".to_string(),
            };
            let letter = match u {
                Unit::Decade if matches!(q, Qty::N(_)) => "Y",
                Unit::Century if matches!(q, Qty::N(_)) => "CE",
                _ => unit_letter(*u),
            };
            let target = if matches!(u, Unit::Hour | Unit::Minute | Unit::Second) {
                &mut time_part
            } else {
                &mut date_part
            };
            target.push_str(&n);
            target.push_str(letter);
        }
        let value = if time_part.is_empty() {
            format!("P{date_part}")
        } else {
            format!("P{date_part}T{time_part}")
        };
        let mut interval = None;
        let mut prec = Precision::Unknown;
        if let ([(Qty::N(n), u)], true) = (parts, dir != 0) {
            let n = *n as i32;
            if n >= 1 {
                let (a, b) = if dir < 0 { (-n, -1) } else { (1, n) };
                if let (Some(pa), Some(pb)) = (
                    self.unit_per(*u, a, Anchor::Dct),
                    self.unit_per(*u, b, Anchor::Dct),
                ) {
                    if !matches!(u, Unit::Hour | Unit::Minute | Unit::Second) {
                        interval = Some(Interval {
                            start: pa.s,
                            end: pb.e,
                        });
                        prec = pa.prec;
                    }
                }
            }
        }
        Res {
            value,
            interval,
            prec,
            kind: TimexKind::Duration,
            modifier: None,
        }
    }
}

/// Sub-interval of a period for a part word.
fn sub_part(p: &Per, part: Part, dct: NaiveDate) -> (NaiveDate, NaiveDate) {
    let days = (p.e - p.s).num_days() + 1;
    let thirds = |k: i64| -> (NaiveDate, NaiveDate) {
        let a = p.s + Duration::days(days * k / 3);
        let b = p.s + Duration::days(days * (k + 1) / 3 - 1);
        (a, b)
    };
    match (part, p.prec) {
        (Part::Start | Part::Mid | Part::End, Precision::Day | Precision::Time) => (p.s, p.e),
        (Part::Start, Precision::Month) => (p.s, p.s + Duration::days(9)),
        (Part::Mid, Precision::Month) => (p.s + Duration::days(10), p.s + Duration::days(19)),
        (Part::End, Precision::Month) => (p.s + Duration::days(20), p.e),
        (Part::Start, Precision::Week) => {
            (p.s, p.s + Duration::days(2).min(Duration::days(days - 1)))
        }
        (Part::Mid, Precision::Week) => (
            p.s + Duration::days(2).min(Duration::days(days - 1)),
            p.s + Duration::days(3).min(Duration::days(days - 1)),
        ),
        (Part::End, Precision::Week) => {
            (p.s + Duration::days(4).min(Duration::days(days - 1)), p.e)
        }
        (Part::Start, Precision::Year) => (p.s, ymd(p.s.year(), 3, 31).unwrap_or(p.e)),
        (Part::Mid, Precision::Year) => (
            ymd(p.s.year(), 5, 1).unwrap_or(p.s),
            ymd(p.s.year(), 8, 31).unwrap_or(p.e),
        ),
        (Part::End, Precision::Year) => (ymd(p.s.year(), 9, 1).unwrap_or(p.s), p.e),
        (Part::Start, _) => thirds(0),
        (Part::Mid, _) => thirds(1),
        (Part::End, _) => thirds(2),
        (Part::FirstHalf, _) => (p.s, p.s + Duration::days(days / 2 - 1)),
        (Part::SecondHalf, _) => (p.s + Duration::days(days / 2), p.e),
        (Part::Earlier, _) => (p.s, (dct - Duration::days(1)).max(p.s)),
        (Part::Later, _) => ((dct + Duration::days(1)).min(p.e), p.e),
        (Part::Rest, _) => (dct.max(p.s), p.e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(y: i32, m: u32, d: u32, tense: Option<bool>) -> Ctx {
        Ctx {
            dct: NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default(),
            bias: Bias::News,
            tense,
            anchor_day: None,
            anchor_month: None,
            anchor_year: None,
            sent: 0,
            planned: false,
        }
    }

    #[test]
    fn months_by_tense() {
        let table = [
            (ctx(2019, 2, 10, Some(false)), 3, "2018-03"),
            (ctx(2019, 2, 10, Some(true)), 3, "2019-03"),
            (ctx(2019, 8, 10, None), 10, "2019-10"),
            (ctx(2019, 8, 10, Some(true)), 1, "2020-01"),
        ];
        for (c, m, want) in table {
            let p = c.period(&E::Month { y: Yr::Implicit, m });
            assert_eq!(p.map(|p| p.value.to_string()), Some(want.to_string()));
        }
    }

    #[test]
    fn weekdays_by_tense() {
        // 2013-02-12 is a Tuesday
        let table = [
            (Some(false), 1, "2013-02-11"),
            (Some(true), 1, "2013-02-18"),
            (None, 5, "2013-02-08"),
            (Some(false), 2, "2013-02-12"),
        ];
        for (t, wd, want) in table {
            let c = ctx(2013, 2, 12, t);
            let p = c.period(&E::Weekday {
                wd,
                rel: WdRel::Bare,
            });
            assert_eq!(p.map(|p| p.value.to_string()), Some(want.to_string()));
        }
    }

    #[test]
    fn end_of_month_is_last_ten_days() {
        let c = ctx(2019, 2, 10, None);
        let base = E::Unit {
            unit: Unit::Month,
            n: 0,
            anchor: Anchor::Dct,
        };
        let r = c.resolve(&E::Part {
            part: Part::End,
            base: Box::new(base),
        });
        let iv = r.and_then(|r| r.interval);
        assert_eq!(iv.map(|i| (i.start.day(), i.end.day())), Some((21, 28)));
    }
}

//! Extensions of a recognised expression: ranges and lists ("February 27-28", "June 11 and
//! 12", "between May and June", "2009 to 2011"), a trailing weekday ("Jul 18, Fri") and a
//! trailing relative year ("March 3 last year").

use crate::expr::{WdRel, Yr, E};
use crate::lexicon::{Kw, Lex, Unit};
use crate::recognise::{Mention, Rec};
use crate::rules::{longer, rel_n, valid_day};

impl Rec<'_, '_> {
    /// Extends a mention with a range/list partner, a trailing weekday, a relative year, or a clock time.
    pub(crate) fn extend(&self, m: &mut Mention) {
        let j = m.b;
        // "March 3 last year", "in March of next year"
        if matches!(
            m.e,
            E::Day {
                y: Yr::Implicit,
                ..
            } | E::Month {
                y: Yr::Implicit,
                ..
            }
        ) {
            let k = if self.kw(j, Kw::Of) { j + 1 } else { j };
            if let Some(r) = self.rel(k) {
                if self.unit(k + 1).is_some_and(|(u, p)| u == Unit::Year && !p)
                    && !self.p(k + 2, b'\'')
                {
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

    /// True when a day range ("September 18 to 20") may end before token `e`: no word
    /// follows, or the word starts a new sentence, or it is a function word ("... to 20 in
    /// Pyongyang", "... 27-28 at the border"), not a noun the number would count ("3 and 4
    /// people").
    fn range_may_end(&self, e: usize) -> bool {
        const FUNCTION: &[&str] = &[
            "in",
            "at",
            "on",
            "for",
            "with",
            "when",
            "while",
            "before",
            "after",
            "during",
            "as",
            "but",
            "or",
            "and",
            "amid",
            "under",
            "near",
            "inclusive",
            "respectively",
        ];
        if !self.is_word(e) || self.sent_start(e) {
            return true;
        }
        FUNCTION.iter().any(|w| self.is(e, w))
    }

    pub(crate) fn extend_range(&self, m: &mut Mention) {
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
                    if self.month_at(e, true).is_none()
                        && !(self.kw(e, Kw::Of) && self.month_at(e + 1, true).is_some())
                        && d2 > *d
                        && self.unit(e).is_none()
                        && self.range_may_end(e)
                        || d2 > *d && self.p(e, b',')
                    {
                        let (yy, end) = match (*y, self.year_after(e, false)) {
                            (Yr::Implicit, Some((yy, end))) => (Yr::Abs(yy), end),
                            (y0, _) => (y0, e),
                        };
                        if valid_day(yy, *mo, d2) {
                            let a = E::Day {
                                y: yy,
                                m: *mo,
                                d: *d,
                                wd: None,
                            };
                            let b = E::Day {
                                y: yy,
                                m: *mo,
                                d: d2,
                                wd: None,
                            };
                            m.e = E::Range {
                                a: Box::new(a),
                                b: Box::new(b),
                            };
                            m.b = end;
                            return;
                        }
                    }
                }
                if let Some((
                    e,
                    E::Day {
                        y: y2,
                        m: m2,
                        d: d2,
                        wd,
                    },
                )) = longer(self.month_first(k), self.day_first(k))
                {
                    let ya = if *y == Yr::Implicit { y2 } else { *y };
                    let a = E::Day {
                        y: ya,
                        m: *mo,
                        d: *d,
                        wd: None,
                    };
                    let b = E::Day {
                        y: y2,
                        m: m2,
                        d: d2,
                        wd,
                    };
                    m.e = E::Range {
                        a: Box::new(a),
                        b: Box::new(b),
                    };
                    m.b = e;
                }
            }
            E::DayOnly {
                d,
                wd: None,
                month: None,
            } => {
                let k2 = self.the(k);
                if let Some((
                    e,
                    E::Day {
                        y,
                        m: mo,
                        d: d2,
                        wd,
                    },
                )) = self.day_first(k2)
                {
                    let a = E::Day {
                        y,
                        m: mo,
                        d: *d,
                        wd: None,
                    };
                    let b = E::Day {
                        y,
                        m: mo,
                        d: d2,
                        wd,
                    };
                    m.e = E::Range {
                        a: Box::new(a),
                        b: Box::new(b),
                    };
                    m.b = e;
                } else if let Some((d2, e, marked)) = self.day_num(k2) {
                    if marked && d2 > *d && !self.is_word(e) {
                        let a = E::DayOnly {
                            d: *d,
                            wd: None,
                            month: None,
                        };
                        let b = E::DayOnly {
                            d: d2,
                            wd: None,
                            month: None,
                        };
                        m.e = E::Range {
                            a: Box::new(a),
                            b: Box::new(b),
                        };
                        m.b = e;
                    }
                }
            }
            E::Month { y, m: mo } => {
                if let Some((e, E::Month { y: y2, m: m2 })) = self.month_first(k) {
                    let ya = if *y == Yr::Implicit { y2 } else { *y };
                    let a = E::Month { y: ya, m: *mo };
                    m.e = E::Range {
                        a: Box::new(a),
                        b: Box::new(E::Month { y: y2, m: m2 }),
                    };
                    m.b = e;
                }
            }
            E::Weekday {
                rel: WdRel::Bare, ..
            } => {
                // "between Monday and June 4": a weekday up to a date
                let to_date = self.kw(j, Kw::And) && i_between(self, m.a)
                    || self.kw(j, Kw::To)
                    || self.kw(j, Kw::Until)
                    || self.kw(j, Kw::Through);
                if let Some((e, b @ E::Day { .. })) = self.month_first(k).filter(|_| to_date) {
                    let a = std::mem::replace(
                        &mut m.e,
                        E::Ref {
                            kind: crate::expr::RefKind::Present,
                        },
                    );
                    m.e = E::Range {
                        a: Box::new(a),
                        b: Box::new(b),
                    };
                    m.b = e;
                } else if let Some((
                    e,
                    b @ E::Weekday {
                        rel: WdRel::Bare, ..
                    },
                )) = self.weekday_expr(k)
                {
                    let a = std::mem::replace(
                        &mut m.e,
                        E::Ref {
                            kind: crate::expr::RefKind::Present,
                        },
                    );
                    m.e = E::Range {
                        a: Box::new(a),
                        b: Box::new(b),
                    };
                    m.b = e;
                }
            }
            E::Year { y } if self.kw(j, Kw::And) || self.kw(j, Kw::To) => {
                if let Some((y2, e)) = self.year4(k) {
                    if y2 > *y {
                        let a = E::Year { y: *y };
                        m.e = E::Range {
                            a: Box::new(a),
                            b: Box::new(E::Year { y: y2 }),
                        };
                        m.b = e;
                    }
                }
            }
            _ => {}
        }
    }
}

/// True when the mention starting at token `a` follows "between".
fn i_between(r: &Rec<'_, '_>, a: usize) -> bool {
    a > 0 && r.kw(a - 1, Kw::Between)
}

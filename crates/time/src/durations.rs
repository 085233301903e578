//! Durations and offsets: "three days", "two years and seven months", "four-week", "almost
//! seven years", "three days ago", "two days later", "in two weeks", "3 fridays from now",
//! bare plural units in duration contexts ("for years") and "recent weeks".

use crate::expr::{Anchor, Qty, E};
use crate::lexicon::{Kw, Lex, Unit};
use crate::recognise::{Mention, Rec};
use crate::rules_rel::mention;
use crate::token::Kind;

impl Rec<'_, '_> {
    /// "the first visit ... in 24 years", "the highest level in a decade": a span of time
    /// back from now, not a date ahead. True when a first/superlative word stands among the
    /// twelve tokens before `i` in the same sentence.
    fn after_superlative(&self, i: usize) -> bool {
        const SUPER: &[&str] = &[
            "first",
            "biggest",
            "largest",
            "highest",
            "lowest",
            "worst",
            "best",
            "longest",
            "strongest",
            "greatest",
            "fewest",
            "smallest",
            "deadliest",
            "heaviest",
            "warmest",
            "coldest",
            "fastest",
            "slowest",
            "weakest",
            "sharpest",
            "steepest",
            "most",
            "least",
        ];
        let sent = self.t(i).map(|t| t.sent);
        (i.saturating_sub(12)..i)
            .rev()
            .take_while(|&k| self.t(k).map(|t| t.sent) == sent)
            .any(|k| SUPER.iter().any(|w| self.is(k, w)))
    }

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
                if self.p(e, b',')
                    && self.tight(e)
                    && self.num(e + 1).is_some_and(|n| n.ndig == 3)
                    && self.tight(e + 1)
                {
                    v = v * 1000.0 + f64::from(self.num(e + 1)?.num);
                    e += 2;
                } else if self.p(e, b'.')
                    && self.tight(e)
                    && self.num(e + 1).is_some()
                    && self.tight(e + 1)
                {
                    let f = self.num(e + 1)?;
                    v += f64::from(f.num) / 10f64.powi(i32::from(f.ndig));
                    e += 2;
                }
                Some((Qty::N(v), e))
            }
            Kind::Word => match t.lex {
                Lex::Num(n) if (20..100).contains(&n) && n % 10 == 0 => {
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
    pub(crate) fn dur(&self, i: usize) -> Option<(usize, Vec<(Qty, Unit)>)> {
        let (q, j) = self.number(i)?;
        let j2 = if self.p(j, b'-') && self.tight(j) {
            j + 1
        } else {
            j
        };
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
            let Some((q2, k)) = self.number(e + 1) else {
                break;
            };
            let Some((u2, _)) = self.unit(k) else { break };
            if u2 == u || u2 == Unit::Half {
                break;
            }
            parts.push((q2, u2));
            e = k + 1;
        }
        Some((e, parts))
    }

    /// Durations, offsets ("three days ago", "two days later", "3 years from today"), "in two
    /// weeks", weekday counts ("3 fridays from now"), bare plural units ("for years"),
    /// "recent weeks", with approximators ("about", "almost", "more than").
    pub(crate) fn duration_like(&self, i: usize) -> Option<Mention> {
        // approximators
        let (modifier, k) = self.approximator(i);
        let k2 = if self.kw(k, Kw::The)
            && self
                .number(k + 1)
                .is_some_and(|(q, _)| matches!(q, Qty::N(_)))
        {
            k + 1
        } else {
            k
        };
        let start = i;
        // "two upcoming weeks" read as Duckling does under the future bias
        if let Some((Qty::N(n), j)) = self.number(k2) {
            if self.future_bias && self.is(j, "upcoming") {
                if let Some((u, _)) = self.unit(j + 1) {
                    return Some(mention(
                        start,
                        j + 2,
                        E::Unit {
                            unit: u,
                            n: n as i32,
                            anchor: Anchor::Dct,
                        },
                    ));
                }
            }
        }
        // weekday counts
        if let Some((Qty::N(n), j)) = self.number(k2) {
            if let Lex::Weekday(wd, true) = self.lex(j) {
                let fwd =
                    self.is(j + 1, "from") && self.kw(j + 2, Kw::Now) || self.kw(j + 1, Kw::Hence);
                let back = self.kw(j + 1, Kw::Ago) || self.is(j + 1, "back");
                let end = if fwd && self.is(j + 1, "from") {
                    j + 3
                } else {
                    j + 2
                };
                if fwd || back {
                    let n = if back { -(n as i32) } else { n as i32 };
                    return Some(mention(
                        start,
                        end,
                        E::WdOffset {
                            n,
                            wd: u32::from(wd),
                        },
                    ));
                }
            }
        }
        let Some((e, parts)) = self.dur(k2) else {
            // "between 12 and 18 months": the first number is a duration of the second's unit
            if let Some((q, j)) = self.number(k2) {
                if matches!(q, Qty::N(_))
                    && (self.kw(j, Kw::And)
                        || self.kw(j, Kw::To)
                        || self.kw(j, Kw::Or)
                        || self.p(j, b'-'))
                {
                    if let Some((_, parts2)) = self.dur(j + 1) {
                        if parts2.len() == 1 && self.num(k2).is_some() == self.num(j + 1).is_some()
                        {
                            let mut m = mention(
                                start,
                                j,
                                E::Dur {
                                    parts: vec![(q, parts2[0].1)],
                                    dir: 0,
                                },
                            );
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
                let from_now =
                    self.is(e, "from") && (self.kw(e + 1, Kw::Now) || self.kw(e + 1, Kw::Today));
                if (self.kw(e, Kw::Ago) || from_now || self.kw(e, Kw::Hence)) && f64::from(ni) == n
                {
                    let neg = self.kw(e, Kw::Ago);
                    let end = if from_now { e + 2 } else { e + 1 };
                    let mut m = mention(
                        i,
                        end,
                        E::Offset {
                            n: if neg { -ni } else { ni },
                            unit: u,
                            anchor: Anchor::Dct,
                        },
                    );
                    m.modifier = modifier.filter(|m| *m == "APPROX");
                    return Some(m);
                }
                if (self.kw(e, Kw::Later) || self.kw(e, Kw::Earlier))
                    && f64::from(ni) == n
                    && !self.kw(e + 1, Kw::Than)
                {
                    let neg = self.kw(e, Kw::Earlier);
                    let off = E::Offset {
                        n: if neg { -ni } else { ni },
                        unit: u,
                        anchor: Anchor::Narrative,
                    };
                    return Some(mention(i, e + 1, off));
                }
                if i > 0
                    && self.kw(i - 1, Kw::In)
                    && modifier.is_none()
                    && k2 == i
                    && !matches!(u, Unit::Half)
                    && !self.after_superlative(i - 1)
                {
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
    pub(crate) fn approximator(&self, i: usize) -> (Option<&'static str>, usize) {
        match self.lex(i) {
            Lex::Kw(Kw::About | Kw::Around | Kw::Approximately | Kw::Roughly | Kw::Some) => {
                (Some("APPROX"), i + 1)
            }
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
    pub(crate) fn vague_units(&self, i: usize) -> Option<Mention> {
        if self.kw(i, Kw::Recent) {
            let (u, true) = self.unit(i + 1)? else {
                return None;
            };
            let mut m = mention(
                i,
                i + 2,
                E::Dur {
                    parts: vec![(Qty::Vague, u)],
                    dir: -1,
                },
            );
            m.vague = true;
            return Some(m);
        }
        let (u, true) = self.unit(i)? else {
            return None;
        };
        if matches!(u, Unit::Second | Unit::Half | Unit::Quarter | Unit::Weekend) {
            return None;
        }
        let prev_ok = i > 0
            && (matches!(self.lex(i - 1), Lex::Kw(Kw::For | Kw::Within | Kw::Over))
                || [
                    "take", "takes", "took", "taking", "last", "lasted", "spent", "spend",
                ]
                .iter()
                .any(|w| self.is(i - 1, w)));
        let next_ok = matches!(
            self.lex(i + 1),
            Lex::Kw(Kw::Before | Kw::After | Kw::Later | Kw::Earlier | Kw::Ago)
        );
        if !(prev_ok || next_ok) || self.kw(i + 1, Kw::Of) {
            return None;
        }
        Some(mention(
            i,
            i + 1,
            E::Dur {
                parts: vec![(Qty::Vague, u)],
                dir: 0,
            },
        ))
    }
}

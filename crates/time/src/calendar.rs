//! Calendar periods (day, week, month, quarter, half, season, year, decade, century) with
//! their inclusive bounds and lazily formatted TIMEX3 values.

use chrono::{Datelike, Duration, NaiveDate};

use crate::rules::month_len;
use crate::rules_misc::season_code;
use crate::Precision;

/// TIMEX3 value of a period, formatted only when the expression is output.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum V {
    Day(NaiveDate),
    Month(i32, u32),
    Year(i32),
    Week(i32, u32),
    Weekend(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    Season(i32, u32),
    Decade(i32),
    Century(i32),
}

impl std::fmt::Display for V {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            V::Day(d) => write!(f, "{}-{:02}-{:02}", fmt_year(d.year()), d.month(), d.day()),
            V::Month(y, m) => write!(f, "{}-{m:02}", fmt_year(y)),
            V::Year(y) => write!(f, "{}", fmt_year(y)),
            V::Week(y, w) => write!(f, "{}-W{w:02}", fmt_year(y)),
            V::Weekend(y, w) => write!(f, "{}-W{w:02}-WE", fmt_year(y)),
            V::Quarter(y, q) => write!(f, "{}-Q{q}", fmt_year(y)),
            V::Half(y, h) => write!(f, "{}-H{h}", fmt_year(y)),
            V::Season(y, s) => write!(f, "{}-{}", fmt_year(y), season_code(s)),
            V::Decade(d) => write!(f, "{d:03}"),
            V::Century(c) => write!(f, "{c:02}"),
        }
    }
}

/// A resolved calendar period.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Per {
    pub s: NaiveDate,
    pub e: NaiveDate,
    pub prec: Precision,
    pub value: V,
}

pub(crate) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// A single day.
pub(crate) fn day_per(d: NaiveDate) -> Per {
    Per {
        s: d,
        e: d,
        prec: Precision::Day,
        value: V::Day(d),
    }
}

pub(crate) fn month_per(y: i32, m: u32) -> Option<Per> {
    let s = ymd(y, m, 1)?;
    let e = ymd(y, m, month_len(Some(y), m))?;
    Some(Per {
        s,
        e,
        prec: Precision::Month,
        value: V::Month(y, m),
    })
}

pub(crate) fn year_per(y: i32) -> Option<Per> {
    Some(Per {
        s: ymd(y, 1, 1)?,
        e: ymd(y, 12, 31)?,
        prec: Precision::Year,
        value: V::Year(y),
    })
}

pub(crate) fn fmt_year(y: i32) -> String {
    if y < 0 {
        format!("BC{:04}", -y)
    } else {
        format!("{y:04}")
    }
}

pub(crate) fn week_per(d: NaiveDate) -> Per {
    let mon = d - Duration::days(i64::from(d.weekday().num_days_from_monday()));
    let w = mon.iso_week();
    Per {
        s: mon,
        e: mon + Duration::days(6),
        prec: Precision::Week,
        value: V::Week(w.year(), w.week()),
    }
}

pub(crate) fn quarter_per(y: i32, q: u32) -> Option<Per> {
    let s = ymd(y, 3 * (q - 1) + 1, 1)?;
    let em = 3 * q;
    Some(Per {
        s,
        e: ymd(y, em, month_len(Some(y), em))?,
        prec: Precision::Quarter,
        value: V::Quarter(y, q),
    })
}

pub(crate) fn half_per(y: i32, h: u32) -> Option<Per> {
    let (s, e) = if h == 1 {
        (ymd(y, 1, 1)?, ymd(y, 6, 30)?)
    } else {
        (ymd(y, 7, 1)?, ymd(y, 12, 31)?)
    };
    Some(Per {
        s,
        e,
        prec: Precision::Half,
        value: V::Half(y, h),
    })
}

/// Seasons by approximate equinoxes and solstices; winter belongs to the year of its December.
pub(crate) fn season_per(y: i32, s: u32) -> Option<Per> {
    let (a, b) = match s {
        1 => (ymd(y, 3, 20)?, ymd(y, 6, 20)?),
        2 => (ymd(y, 6, 21)?, ymd(y, 9, 22)?),
        3 => (ymd(y, 9, 23)?, ymd(y, 12, 20)?),
        _ => (ymd(y, 12, 21)?, ymd(y + 1, 3, 19)?),
    };
    Some(Per {
        s: a,
        e: b,
        prec: Precision::Season,
        value: V::Season(y, s),
    })
}

pub(crate) fn decade_per(d: i32) -> Option<Per> {
    Some(Per {
        s: ymd(d * 10, 1, 1)?,
        e: ymd(d * 10 + 9, 12, 31)?,
        prec: Precision::Decade,
        value: V::Decade(d),
    })
}

pub(crate) fn century_per(c: i32) -> Option<Per> {
    Some(Per {
        s: ymd(c * 100, 1, 1)?,
        e: ymd(c * 100 + 99, 12, 31)?,
        prec: Precision::Century,
        value: V::Century(c),
    })
}

pub(crate) fn weekend(v: V) -> V {
    match v {
        V::Week(y, w) => V::Weekend(y, w),
        other => other,
    }
}

pub(crate) fn add_months(y: i32, m: u32, n: i32) -> (i32, u32) {
    let t = y * 12 + (m as i32 - 1) + n;
    (t.div_euclid(12), (t.rem_euclid(12) + 1) as u32)
}

pub(crate) fn wd_num(d: NaiveDate) -> u32 {
    d.weekday().number_from_monday()
}

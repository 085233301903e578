//! The semantic form of a recognised expression, between recognition and normalization.

use crate::lexicon::Unit;

/// How the year of a partial date is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Yr {
    /// Written out: "2019".
    Abs(i32),
    /// Not given: chosen from tense and the publication date.
    Implicit,
    /// Relative to the publication year: "last year" is -1.
    Rel(i32),
}

/// Where relative expressions count from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// The publication date ("yesterday", "last week", "three days ago").
    Dct,
    /// The last mentioned date ("the previous day", "two days later").
    Narrative,
    /// The publication date's period, moved one period back (past tense) or forward (future
    /// tense) when the named part lies on the wrong side of it: "the end of the year".
    Tensed,
}

/// Sub-part of a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Start,
    Mid,
    End,
    FirstHalf,
    SecondHalf,
    /// "earlier this month": from the start to the day before the anchor.
    Earlier,
    /// "later this month": from the day after the anchor to the end.
    Later,
    /// "the rest of the week".
    Rest,
}

/// Qualifier of a weekday.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WdRel {
    /// Bare: resolved by tense.
    Bare,
    /// "last Monday": most recent before the anchor day.
    Last,
    /// "next Monday": that day of the following week.
    Next,
    /// "this Monday": by tense, within a week.
    This,
    /// "Monday after next": the second upcoming.
    AfterNext,
    /// "Monday of next week": weekday of the week offset by n.
    Week(i32),
}

/// Kinds of vague reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RefKind {
    Present,
    Past,
    Future,
}

/// A duration quantity.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Qty {
    N(f64),
    Vague,
}

/// Semantic form.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum E {
    /// A calendar day with month; weekday when written ("Monday, Feb 18").
    Day {
        y: Yr,
        m: u32,
        d: u32,
        wd: Option<u32>,
    },
    /// A day of a month that is not named: "on the 12th", "the 5th of next month".
    DayOnly {
        d: u32,
        wd: Option<u32>,
        month: Option<Box<E>>,
    },
    /// A named month.
    Month { y: Yr, m: u32 },
    /// "last March" (-1), "this March" (0), "next March" (1), "March after next" (2).
    MonthRel { m: u32, rel: i32 },
    /// A year.
    Year { y: i32 },
    /// A decade given by its first three digits (199 for the 1990s).
    Decade { d: i32 },
    /// A century given by its first two digits (19 for the 20th century).
    Century { c: i32 },
    /// Quarter 1..=4.
    Quarter { y: Yr, q: u32 },
    /// Half-year 1..=2.
    Half { y: Yr, h: u32 },
    /// Season 1 spring .. 4 winter; `Yr::Rel` means last/this/next occurrence.
    Season { y: Yr, s: u32 },
    /// A calendar unit relative to an anchor: "last week" (Week, -1), "yesterday" (Day, -1).
    Unit { unit: Unit, n: i32, anchor: Anchor },
    /// A weekday.
    Weekday { wd: u32, rel: WdRel },
    /// A point shifted by an amount: "three days ago" (Day, -3).
    Offset { n: i32, unit: Unit, anchor: Anchor },
    /// The n-th (negative: from the end) weekday of a period: "the first Tuesday of October".
    NthWeekday { n: i32, wd: u32, base: Box<E> },
    /// The n-th (negative: from the end) day or week of a period: "the last week of 2018".
    NthUnit { n: i32, unit: Unit, base: Box<E> },
    /// Part of a period: "early July", "the end of the year".
    Part { part: Part, base: Box<E> },
    /// A range or list of two points: "February 27-28", "between May and June".
    Range { a: Box<E>, b: Box<E> },
    /// Vague reference: "now", "the past", "in the near future".
    Ref { kind: RefKind },
    /// A duration; `dir` -1 for "the past two years", 1 for "the next three days", 0 free.
    Dur { parts: Vec<(Qty, Unit)>, dir: i32 },
    /// "in two weeks": a date when the clause looks forward, else a duration.
    InDur { n: f64, unit: Unit },
    /// The n-th weekday from the publication date: "3 fridays from now" (3), "2 thursdays ago" (-2).
    WdOffset { n: i32, wd: u32 },
    /// A repeated time, with its TIMEX3 value.
    Set { value: String },
    /// The season containing the anchor, shifted by n seasons ("this season", "last season").
    CurSeason { n: i32 },
    /// A clock time, on a day when one is attached.
    Clock {
        h: u32,
        mi: u32,
        day: Option<Box<E>>,
    },
    /// A part of a day: "Friday afternoon" (day, "AF"), "tonight" (today, "NI").
    Pod { pod: &'static str, day: Box<E> },
}

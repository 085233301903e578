//! Shapes of event dates: the items of a list of dates ("on April 27 and May 26"), the whole
//! period of a part ("at the end of April" → April), meteorological seasons, the interval of
//! "within the next two weeks" / "in the coming days", and a stated length ("a three-day
//! visit" starting on a day).

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// One date of an event: interval and precision word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

fn month_of(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.').to_ascii_lowercase();
    let m = entente_text::words::month_by_prefix(&w)?;
    // "mar" must not match "march on", "may" the modal: only month names and abbreviations
    let name = entente_text::words::MONTH_NAMES.get(m as usize - 1)?;
    (name.starts_with(&w) && w.len() >= 3 || w == "sept").then_some(m)
}

fn weekday_of(w: &str) -> Option<Weekday> {
    let w = w.to_ascii_lowercase();
    Some(match w.get(..3)? {
        "mon" => Weekday::Mon,
        "tue" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return None,
    })
}

pub(crate) fn last_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt())
}

/// The dates of one list item ("May 26", "June", "18 to 20", "Friday") inside the list's
/// overall interval `all`; `month` is the month of the previous item ("June 11 and 12").
fn item(text: &str, all: Span, month: &mut Option<u32>) -> Option<Span> {
    let toks: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '-' || c == '–')
        .filter(|w| !w.is_empty() && !["on", "in", "from", "to", "the", "of"].contains(w))
        .collect();
    let mut m = None;
    let mut days: Vec<u32> = Vec::new();
    let mut wd = None;
    for w in &toks {
        let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
        if let Some(x) = month_of(w) {
            m = Some(x);
        } else if let Some(x) = weekday_of(w) {
            wd = Some(x);
        } else if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
            let n: u32 = digits.parse().ok()?;
            if n >= 1000 {
                continue; // a year: the overall interval already has it
            }
            days.push(n);
        } else {
            return None;
        }
    }
    if let Some(w) = wd {
        let mut d = all.start;
        while d <= all.end {
            if d.weekday() == w {
                return Some(Span { start: d, end: d });
            }
            d = d.succ_opt()?;
        }
        return None;
    }
    let m = m.or(*month)?;
    *month = Some(m);
    let years = all.start.year()..=all.end.year();
    for y in years {
        let sp = match days.as_slice() {
            [] => Span {
                start: NaiveDate::from_ymd_opt(y, m, 1)?,
                end: last_of_month(y, m)?,
            },
            [d] => {
                let x = NaiveDate::from_ymd_opt(y, m, *d)?;
                Span { start: x, end: x }
            }
            [a, b] => Span {
                start: NaiveDate::from_ymd_opt(y, m, *a)?,
                end: NaiveDate::from_ymd_opt(y, m, *b)?,
            },
            _ => return None,
        };
        if sp.start >= all.start && sp.end <= all.end {
            return Some(sp);
        }
    }
    None
}

/// The items of a list expression ("April 27 and May 26", "March and June", "Monday and
/// Thursday") when they are not contiguous; `None` for a single date, a contiguous list
/// ("February 27 and 28": one two-day event) or a text this reader does not understand.
pub(crate) fn list_items(text: &str, all: Span) -> Option<Vec<Span>> {
    let out = list_parts(text, all)?;
    let contiguous = out
        .windows(2)
        .all(|w| w[1].start <= w[0].end.succ_opt().unwrap_or(w[0].end));
    (!contiguous).then_some(out)
}

/// The items of a list expression, contiguous or not ("April and May" → April, May); `None`
/// for a single date or a text this reader does not understand.
pub(crate) fn list_parts(text: &str, all: Span) -> Option<Vec<Span>> {
    let pieces: Vec<&str> = text
        .split(" and ")
        .flat_map(|p| p.split(", "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if pieces.len() < 2 {
        return None;
    }
    let mut month = None;
    // A month named only in the last item ("27 and 28 February") is the month of all.
    if let Some(m) = pieces
        .last()
        .and_then(|p| p.split_whitespace().find_map(month_of))
    {
        month = Some(m);
    }
    let mut out = Vec::new();
    for p in &pieces {
        out.push(item(p, all, &mut month)?);
    }
    Some(out)
}

/// The whole month or year of a part of it: "at the end of April", "later this month",
/// "earlier this month" name the month; "before the end of the year" the year. `lead` is the
/// text before the expression, lower case.
/// `text` is the expression's own words: "earlier this month" is the part of the month
/// already past (up to the day before publication, as the tagger gives it), not the whole
/// month.
pub(crate) fn widen(sp: Span, precision: &str, lead: &str, text: &str) -> Span {
    let t = text.trim_start().to_ascii_lowercase();
    if t.starts_with("earlier this ") || t.starts_with("earlier in this ") {
        return sp;
    }
    let y = sp.start.year();
    let same_month = sp.start.year() == sp.end.year() && sp.start.month() == sp.end.month();
    match precision {
        "month" if same_month => {
            let start = NaiveDate::from_ymd_opt(y, sp.start.month(), 1);
            let end = last_of_month(y, sp.start.month());
            match (start, end) {
                (Some(start), Some(end)) => Span { start, end },
                _ => sp,
            }
        }
        "year" if sp.start.year() == sp.end.year() => {
            let t = lead.trim_end();
            let deadline = ["by", "before", "until", "within"]
                .iter()
                .any(|w| t.ends_with(w));
            let whole = (
                NaiveDate::from_ymd_opt(y, 1, 1),
                NaiveDate::from_ymd_opt(y, 12, 31),
            );
            match whole {
                (Some(start), Some(end)) if deadline => Span { start, end },
                _ => sp,
            }
        }
        "season" => {
            // Meteorological seasons (three whole months), as annotators and readers count
            // them: the season holding the middle of the interval.
            let mid = sp.start + (sp.end - sp.start) / 2;
            let m0 = match mid.month() {
                3..=5 => 3,
                6..=8 => 6,
                9..=11 => 9,
                _ => 12,
            };
            let sy = if mid.month() <= 2 {
                mid.year() - 1
            } else {
                mid.year()
            };
            let start = NaiveDate::from_ymd_opt(sy, m0, 1);
            let (ey, em) = if m0 == 12 { (sy + 1, 2) } else { (sy, m0 + 2) };
            match (start, last_of_month(ey, em)) {
                (Some(start), Some(end)) => Span { start, end },
                _ => sp,
            }
        }
        _ => sp,
    }
}

/// Days in a TIMEX3 duration value of whole days or weeks ("P3D" → 3, "P2W" → 14).
pub(crate) fn duration_days(value: &str) -> Option<i64> {
    let v = value.strip_prefix('P')?;
    let (n, unit) = v.split_at(v.len().checked_sub(1)?);
    let n: i64 = n.parse().ok()?;
    match unit {
        "D" => Some(n),
        "W" => Some(7 * n),
        _ => None,
    }
}

/// The interval of a forward-looking span from the publication date: "within the next two
/// weeks" → the 14 days after `published`; "in the coming days" → `published` and the six
/// days after. `lead` is the text before the expression (lower case), `text` the expression.
pub(crate) fn ahead(value: &str, text: &str, lead: &str, published: NaiveDate) -> Option<Span> {
    let t = text.to_ascii_lowercase();
    let mut lead = lead.trim_end();
    // "within the next two to three weeks": the upper bound counts.
    for sep in [" to", " or"] {
        if let Some(head) = lead.strip_suffix(sep) {
            lead = head.trim_end().rsplit_once(' ').map_or(lead, |(h, _)| h);
        }
    }
    if t.contains("coming days") || t.contains("next few days") {
        return Some(Span {
            start: published,
            end: published.checked_add_signed(Duration::days(6))?,
        });
    }
    let within = [
        "within",
        "within the next",
        "in the next",
        "over the next",
        "within the coming",
    ]
    .iter()
    .any(|w| lead.ends_with(w));
    if !within {
        return None;
    }
    let days = duration_days(value)?;
    if !(1..=366).contains(&days) {
        return None;
    }
    Some(Span {
        start: published.succ_opt()?,
        end: published.checked_add_signed(Duration::days(days))?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn sp(a: &str, b: &str) -> Span {
        Span {
            start: d(a),
            end: d(b),
        }
    }

    #[test]
    fn lists() {
        // (text, overall interval, items)
        let table: Vec<(&str, Span, Option<Vec<Span>>)> = vec![
            (
                "April 27 and May 26",
                sp("2018-04-27", "2018-05-26"),
                Some(vec![
                    sp("2018-04-27", "2018-04-27"),
                    sp("2018-05-26", "2018-05-26"),
                ]),
            ),
            (
                "March and June",
                sp("2018-03-01", "2018-06-30"),
                Some(vec![
                    sp("2018-03-01", "2018-03-31"),
                    sp("2018-06-01", "2018-06-30"),
                ]),
            ),
            ("February 27 and 28", sp("2019-02-27", "2019-02-28"), None),
            ("Friday and Saturday", sp("2019-06-28", "2019-06-29"), None),
            (
                "Monday and Thursday",
                sp("2019-06-24", "2019-06-27"),
                Some(vec![
                    sp("2019-06-24", "2019-06-24"),
                    sp("2019-06-27", "2019-06-27"),
                ]),
            ),
            (
                "December 2018 and March 2019",
                sp("2018-12-01", "2019-03-31"),
                Some(vec![
                    sp("2018-12-01", "2018-12-31"),
                    sp("2019-03-01", "2019-03-31"),
                ]),
            ),
            ("September 18 to 20", sp("2018-09-18", "2018-09-20"), None),
            (
                "the spring and the fall",
                sp("2018-03-01", "2018-11-30"),
                None,
            ),
        ];
        for (text, all, want) in table {
            assert_eq!(list_items(text, all), want, "{text}");
        }
    }

    #[test]
    fn parts_keep_touching_items() {
        // (text, overall interval, items)
        let table: Vec<(&str, Span, Option<Vec<Span>>)> = vec![
            (
                "April and May",
                sp("2018-04-01", "2018-05-31"),
                Some(vec![
                    sp("2018-04-01", "2018-04-30"),
                    sp("2018-05-01", "2018-05-31"),
                ]),
            ),
            (
                "February 27 and 28",
                sp("2019-02-27", "2019-02-28"),
                Some(vec![
                    sp("2019-02-27", "2019-02-27"),
                    sp("2019-02-28", "2019-02-28"),
                ]),
            ),
            ("September 18 to 20", sp("2018-09-18", "2018-09-20"), None),
        ];
        for (text, all, want) in table {
            assert_eq!(list_parts(text, all), want, "{text}");
        }
    }

    #[test]
    fn odd_lists_do_not_panic() {
        let all = sp("2018-01-01", "2018-12-31");
        for text in [
            "",
            " and ",
            "and and, ,",
            "May and",
            "99 and 100",
            "Feb 30 and March 40",
            "0 and 1",
            "Sept. 31 and Oct. 1",
            "mayday and junebug",
            "1999999999999 and 2",
        ] {
            let _ = list_items(text, all);
        }
        assert_eq!(duration_days("P"), None);
        assert_eq!(duration_days(""), None);
        assert_eq!(duration_days("P99999999999999999999D"), None);
    }

    #[test]
    fn widening() {
        // (interval, precision, lead, widened)
        let table = [
            (
                sp("2018-04-21", "2018-04-30"),
                "month",
                "due to meet Moon at ",
                sp("2018-04-01", "2018-04-30"),
            ),
            (
                sp("2019-04-19", "2019-04-30"),
                "month",
                "will visit Russia ",
                sp("2019-04-01", "2019-04-30"),
            ),
            (
                sp("2018-09-01", "2018-12-31"),
                "year",
                "the trip before ",
                sp("2018-01-01", "2018-12-31"),
            ),
            (
                sp("2018-09-01", "2018-12-31"),
                "year",
                "took power at ",
                sp("2018-09-01", "2018-12-31"),
            ),
            (
                sp("2019-01-01", "2019-03-31"),
                "year",
                "could be held ",
                sp("2019-01-01", "2019-03-31"),
            ),
            (
                sp("2018-09-23", "2018-12-20"),
                "season",
                "will visit ",
                sp("2018-09-01", "2018-11-30"),
            ),
            (
                sp("2019-12-21", "2020-03-19"),
                "season",
                "this ",
                sp("2019-12-01", "2020-02-29"),
            ),
            (
                sp("2018-05-14", "2018-05-20"),
                "week",
                "last ",
                sp("2018-05-14", "2018-05-20"),
            ),
        ];
        for (iv, prec, lead, want) in table {
            assert_eq!(widen(iv, prec, lead, ""), want, "{iv:?} {prec} {lead}");
        }
        // (interval as tagged, text, interval kept): the past part of the month stays
        for (iv, text, want) in [
            (
                sp("2021-03-01", "2021-03-09"),
                "earlier this month",
                sp("2021-03-01", "2021-03-09"),
            ),
            (
                sp("2021-03-11", "2021-03-31"),
                "later this month",
                sp("2021-03-01", "2021-03-31"),
            ),
        ] {
            assert_eq!(widen(iv, "month", "", text), want, "{text}");
        }
    }

    #[test]
    fn spans_ahead() {
        let p = d("2019-06-30");
        // (value, text, lead, interval)
        let table = [
            (
                "P3W",
                "three weeks",
                "within the next two to",
                Some(sp("2019-07-01", "2019-07-21")),
            ),
            (
                "P3W",
                "three weeks",
                "within the next",
                Some(sp("2019-07-01", "2019-07-21")),
            ),
            (
                "P2W",
                "the next two weeks",
                "within",
                Some(sp("2019-07-01", "2019-07-14")),
            ),
            (
                "PXD",
                "the coming days",
                "visit russia in",
                Some(sp("2019-06-30", "2019-07-06")),
            ),
            ("P3D", "three days", "talks lasted", None),
        ];
        for (value, text, lead, want) in table {
            assert_eq!(ahead(value, text, lead, p), want, "{text}");
        }
        assert_eq!(duration_days("P3D"), Some(3));
        assert_eq!(duration_days("P2W"), Some(14));
        assert_eq!(duration_days("P1Y"), None);
        assert_eq!(duration_days("PXD"), None);
    }
}

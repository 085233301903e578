//! Dates from a stated distance to the reported occasion: "The drills come a week after
//! Putin and Kim signed a defence pact", "Xi's trip comes a week before the G20 summit",
//! "The vote came a day after North Korea fired ...".
//!
//! The construction is `<occasion> come(s)/came <length> after|before <event>`. The
//! occasion of a present "comes" is the publication day; that of a past "came" is the last
//! day named earlier in the sentence (none: no date). The event lies the length before
//! ("after") or after ("before") that day, at the length's unit: a day, the Monday-to-Sunday
//! week holding it, its month or its year. A length in hours keeps the day. A fronted
//! distance ("Hours before the summit, North Korea fired ...") measures the trigger's event
//! from the last day named before.

use crate::when_cues::Word;
use crate::when_list::{last_of_month, Span};
use chrono::{Datelike, Duration, Months, NaiveDate};

/// Verbs that put an occasion at a distance from another event.
const COME: &[&str] = &["comes", "come", "came"];

/// Most words between the preposition and the trigger.
const REACH: usize = 14;

/// A length: how many of which unit ('D', 'W', 'M', 'Y'; hours count as 0 days).
pub(crate) fn length(value: &str) -> Option<(i64, char)> {
    if let Some(t) = value.strip_prefix("PT") {
        return (t.ends_with('H') || t.ends_with('M')).then_some((0, 'D'));
    }
    let v = value.strip_prefix('P')?;
    let (n, unit) = v.split_at(v.len().checked_sub(1)?);
    let n: i64 = n.parse().ok()?;
    let u = unit.chars().next()?;
    matches!(u, 'D' | 'W' | 'M' | 'Y').then_some((n, u))
}

/// A length followed by "later" or "earlier" in `rest`, the text after it ("eight days
/// later", "hours earlier"): how many of which unit, and the sign of the shift from the
/// occasion named before. Hours count as 0 days (the day is kept).
pub(crate) fn later_shift(value: &str, rest: &str) -> Option<(i64, char, i64)> {
    let (n, unit) = length(value)?;
    let rest = rest.trim_start().to_ascii_lowercase();
    let sign = if rest.starts_with("later") {
        1
    } else if rest.starts_with("earlier") {
        -1
    } else {
        return None;
    };
    Some((n, unit, sign))
}

/// The interval `n` units before (`sign` -1) or after (+1) `anchor`, widened to the unit,
/// with its precision word.
pub(crate) fn shifted(
    anchor: NaiveDate,
    n: i64,
    unit: char,
    sign: i64,
) -> Option<(Span, &'static str)> {
    match unit {
        'D' => {
            let d = anchor.checked_add_signed(Duration::days(sign * n))?;
            Some((Span { start: d, end: d }, "day"))
        }
        'W' => {
            let d = anchor.checked_add_signed(Duration::days(sign * 7 * n))?;
            let mon = d.checked_sub_signed(Duration::days(i64::from(
                d.weekday().num_days_from_monday(),
            )))?;
            let sun = mon.checked_add_signed(Duration::days(6))?;
            Some((
                Span {
                    start: mon,
                    end: sun,
                },
                "week",
            ))
        }
        'M' => {
            let m = Months::new(u32::try_from(n).ok()?);
            let d = if sign < 0 {
                anchor.checked_sub_months(m)?
            } else {
                anchor.checked_add_months(m)?
            };
            let start = d.with_day(1)?;
            let end = last_of_month(d.year(), d.month())?;
            Some((Span { start, end }, "month"))
        }
        'Y' => {
            let y = anchor.year() + i32::try_from(sign * n).ok()?;
            Some((
                Span {
                    start: NaiveDate::from_ymd_opt(y, 1, 1)?,
                    end: NaiveDate::from_ymd_opt(y, 12, 31)?,
                },
                "year",
            ))
        }
        _ => None,
    }
}

/// How a length at `x` relates the trigger `t` to the occasion: the sign of the event's
/// distance from the occasion, and whether the occasion is the present ("comes") rather
/// than a day named before ("came"). `None` when the words do not read
/// `come(s)/came <length> after|before ... <trigger>`.
pub(crate) fn relation(
    s: &str,
    ws: &[Word],
    x: (usize, usize),
    t: (usize, usize),
) -> Option<(i64, bool)> {
    let verb = ws.iter().rev().find(|w| w.end <= x.0)?;
    if !COME.contains(&verb.lower.as_str()) {
        return None;
    }
    let k = ws.iter().position(|w| w.start >= x.1)?;
    let prep = ws.get(k)?;
    let sign = match prep.lower.as_str() {
        "after" => -1,
        "before" => 1,
        _ => return None,
    };
    if t.0 < prep.end {
        return None;
    }
    let gap: Vec<&Word> = ws
        .iter()
        .filter(|w| w.start >= prep.end && w.end <= t.0)
        .collect();
    // "came hours after Choe called Pence a dummy and warned that ...": a longer
    // occasion clause reaches a conjoined verb, unless a comma or a complement intervenes.
    let whole_clause = gap.len() <= 2 * REACH
        && !s.get(prep.end..t.0).is_some_and(|g| g.contains([',', ';']))
        && !gap.iter().any(|w| w.lower == "that");
    (gap.len() <= REACH || whole_clause).then_some((sign, verb.lower != "came"))
}

/// A fronted distance: "Hours before the summit, North Korea fired ...", "A day after the
/// talks, Kim left": the sentence opens with `<length> before|after <occasion>,` and the
/// trigger stands after the comma. Returns the sign of the event's distance from the occasion.
pub(crate) fn fronted(s: &str, ws: &[Word], x: (usize, usize), t: (usize, usize)) -> Option<i64> {
    const LEAD: &[&str] = &["just", "only", "some", "about", "barely"];
    if ws
        .iter()
        .filter(|w| w.end <= x.0)
        .any(|w| !LEAD.contains(&w.lower.as_str()))
    {
        return None;
    }
    let prep = ws.iter().find(|w| w.start >= x.1)?;
    let sign = match prep.lower.as_str() {
        "before" => -1,
        "after" => 1,
        _ => return None,
    };
    let comma = s.get(prep.end..t.0)?.find(',')?;
    // the occasion is a short phrase: "the summit", "the vote in New York"
    let phrase = ws
        .iter()
        .filter(|w| w.start >= prep.end && w.end <= prep.end + comma)
        .count();
    (phrase <= 6).then_some(sign)
}

/// An apposed distance: "Xi met Putin on Tuesday, a day after Kishida arrived in Kyiv": a
/// length set off by a comma right after a day of the sentence (ending at `day_end`), then
/// after|before, then the trigger's clause. Returns the sign of the trigger's event's
/// distance from that day.
pub(crate) fn apposed(
    s: &str,
    ws: &[Word],
    x: (usize, usize),
    t: (usize, usize),
    day_end: usize,
) -> Option<i64> {
    if s.get(day_end..x.0)?.trim() != "," {
        return None;
    }
    let k = ws.iter().position(|w| w.start >= x.1)?;
    let prep = ws.get(k)?;
    let sign = match prep.lower.as_str() {
        "after" => -1,
        "before" => 1,
        _ => return None,
    };
    if t.0 < prep.end || s.get(prep.end..t.0)?.contains([',', ';']) {
        return None;
    }
    let between = ws
        .iter()
        .filter(|w| w.start >= prep.end && w.end <= t.0)
        .count();
    (between <= REACH).then_some(sign)
}

/// Words of an occasion phrase that say nothing of which occasion it is.
const OCCASION_STOP: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "was", "were", "had", "been", "has", "have",
    "first", "last", "latest", "that", "this", "of", "in", "at", "with", "by", "and", "to",
];

/// The word that names the occasion after a distance at `x` ("hours after the trip was
/// announced" → "announced", "a day after the vote" → "vote"): its past verb if it has one,
/// else its last content word. The phrase runs from after|before to a comma or the trigger
/// at `t`.
pub(crate) fn occasion_key(
    s: &str,
    ws: &[Word],
    x: (usize, usize),
    t: (usize, usize),
) -> Option<String> {
    let prep = ws.iter().find(|w| w.start >= x.1)?;
    if !["after", "before"].contains(&prep.lower.as_str()) {
        return None;
    }
    let end = s
        .get(prep.end..t.0)
        .and_then(|g| g.find([',', ';']))
        .map_or(t.0, |k| prep.end + k);
    let phrase: Vec<&Word> = ws
        .iter()
        .filter(|w| w.start >= prep.end && w.end <= end)
        .filter(|w| !OCCASION_STOP.contains(&w.lower.as_str()) && !w.cap)
        .collect();
    phrase
        .iter()
        .find(|w| w.lower.len() > 4 && w.lower.ends_with("ed"))
        .or(phrase.last())
        .map(|w| w.lower.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::when_cues::words;

    #[test]
    fn later_shifts() {
        // (length, text after it, shift)
        for (v, rest, want) in [
            ("PTXH", " later by raising duties", Some((0, 'D', 1))),
            ("PT3H", " earlier, Kim left", Some((0, 'D', -1))),
            ("PT30M", " later", Some((0, 'D', 1))),
            ("P8D", " later after receiving", Some((8, 'D', 1))),
            ("P1W", " earlier", Some((1, 'W', -1))),
            ("P3D", " of talks", None),
            ("PTXH", " of talks", None),
            ("PXD", " later", None),
        ] {
            assert_eq!(later_shift(v, rest), want, "{v}{rest}");
        }
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn apposed_distances() {
        // (sentence, day, length, trigger, sign)
        for (s, day, len, trig, want) in [
            (
                "Xi met Putin on Tuesday, a day after Kishida arrived in Kyiv.",
                "Tuesday",
                "a day",
                "arrived",
                Some(-1),
            ),
            (
                "Kim left on Friday, two days before the summit opened.",
                "Friday",
                "two days",
                "summit",
                Some(1),
            ),
            (
                "Xi met Putin on Tuesday, a day after the vote, and Kishida arrived.",
                "Tuesday",
                "a day",
                "arrived",
                None,
            ),
            (
                "Xi met Putin on Tuesday and a day after Kishida arrived.",
                "Tuesday",
                "a day",
                "arrived",
                None,
            ),
        ] {
            let ws = words(s);
            let d = s.find(day).unwrap_or(0) + day.len();
            let a = s.find(len).unwrap_or(0);
            let b = s.find(trig).unwrap_or(0);
            assert_eq!(
                apposed(s, &ws, (a, a + len.len()), (b, b + trig.len()), d),
                want,
                "{s}"
            );
        }
    }

    #[test]
    fn lengths() {
        for (v, want) in [
            ("P1W", Some((1, 'W'))),
            ("P7W", Some((7, 'W'))),
            ("P1D", Some((1, 'D'))),
            ("P2M", Some((2, 'M'))),
            ("P3Y", Some((3, 'Y'))),
            ("PTXH", Some((0, 'D'))),
            ("PXW", None),
            ("P1Q", None),
        ] {
            assert_eq!(length(v), want, "{v}");
        }
    }

    #[test]
    fn shifts() {
        // (anchor, n, unit, sign, start, end, precision)
        for (a, n, u, sign, s, e, p) in [
            ("2024-06-27", 1, 'W', -1, "2024-06-17", "2024-06-23", "week"),
            ("2019-04-18", 7, 'W', -1, "2019-02-25", "2019-03-03", "week"),
            ("2019-06-17", 1, 'W', 1, "2019-06-24", "2019-06-30", "week"),
            ("2022-05-26", 1, 'D', -1, "2022-05-25", "2022-05-25", "day"),
            ("2023-09-13", 0, 'D', -1, "2023-09-13", "2023-09-13", "day"),
            (
                "2019-03-31",
                1,
                'M',
                -1,
                "2019-02-01",
                "2019-02-28",
                "month",
            ),
            ("2019-12-15", 1, 'M', 1, "2020-01-01", "2020-01-31", "month"),
            ("2019-06-01", 2, 'Y', -1, "2017-01-01", "2017-12-31", "year"),
        ] {
            let got = shifted(d(a), n, u, sign);
            assert_eq!(
                got,
                Some((
                    Span {
                        start: d(s),
                        end: d(e)
                    },
                    p
                )),
                "{a} {n}{u} {sign}"
            );
        }
    }

    #[test]
    fn fronted_distances() {
        // (sentence, length, trigger, expected)
        for (s, len, trig, want) in [
            (
                "Hours before the summit, North Korea fired two missiles.",
                "Hours",
                "fired",
                Some(-1),
            ),
            (
                "A day after the talks, Kim left for Pyongyang.",
                "A day",
                "left",
                Some(1),
            ),
            (
                "North Korea fired missiles hours before the summit, officials said.",
                "hours",
                "said",
                None,
            ),
            (
                "Two days of talks, which ended on Friday, produced a deal.",
                "Two days",
                "deal",
                None,
            ),
        ] {
            let ws = words(s);
            let a = s.find(len).unwrap_or(0);
            let b = s.find(trig).unwrap_or(0);
            assert_eq!(
                fronted(s, &ws, (a, a + len.len()), (b, b + trig.len())),
                want,
                "{s}"
            );
        }
    }

    #[test]
    fn relations() {
        // (sentence, length, trigger, expected)
        for (s, len, trig, want) in [
            (
                "The drills come a week after Putin and Kim signed a pact.",
                "a week",
                "signed",
                Some((-1, true)),
            ),
            (
                "Xi's trip comes a week before the G20 summit in Osaka.",
                "a week",
                "summit",
                Some((1, true)),
            ),
            (
                "The vote came a day after North Korea fired three missiles.",
                "a day",
                "fired",
                Some((-1, false)),
            ),
            (
                "The decision came hours after Vice Foreign Minister Choe Son Hui called Vice President Mike Pence a dummy and warned of a showdown.",
                "hours",
                "warned",
                Some((-1, false)),
            ),
            (
                "The decision came hours after the minister said that the country could soon hold an unusually large number of military drills near the border and warned of a showdown.",
                "hours",
                "warned",
                None,
            ),
            (
                "The talks lasted a week after Kim arrived.",
                "a week",
                "arrived",
                None,
            ),
            (
                "Kim arrived, and the visit comes a week after the talks.",
                "a week",
                "arrived",
                None,
            ),
            (
                "The visit comes a week later than the summit.",
                "a week",
                "summit",
                None,
            ),
        ] {
            let ws = words(s);
            let a = s.find(len).unwrap_or(0);
            let b = s.find(trig).unwrap_or(0);
            assert_eq!(
                relation(s, &ws, (a, a + len.len()), (b, b + trig.len())),
                want,
                "{s}"
            );
        }
    }

    #[test]
    fn occasion_keys() {
        // (sentence, distance, trigger, key)
        for (s, x, t, want) in [
            (
                "Hours after the trip was announced, the court issued a warrant.",
                "Hours",
                "issued",
                Some("announced"),
            ),
            (
                "A day after the vote, Moscow protested.",
                "A day",
                "protested",
                Some("vote"),
            ),
            (
                "Weeks after Kim left Moscow, the envoy returned.",
                "Weeks",
                "returned",
                Some("left"),
            ),
            ("Days later the envoy returned.", "Days", "returned", None),
        ] {
            let a = s.find(x).unwrap_or(0);
            let b = s.find(t).unwrap_or(0);
            let got = occasion_key(s, &words(s), (a, a + x.len()), (b, b + t.len()));
            assert_eq!(got.as_deref(), want, "{s}");
        }
    }
}

//! Publication dates: parsing metadata values and spotting date lines near the top of a text.
//!
//! Two entry points:
//! * [`parse_date_value`] reads a metadata value (`2019-02-27T09:14:00+09:00`, `Feb 27, 2019`,
//!   `20190227`) as a whole;
//! * [`detect_in_text`] looks at the first [`DATE_LINES`] lines of an article for a *date line*:
//!   a line with a cue word (`Published`, `Updated`, `Posted on`, `Date:`) or a short line that
//!   is little more than a date, a time and a byline. Anchoring on such lines keeps body
//!   sentences like "the summit on June 12" from being taken for the publication date.
//!
//! Dates are kept as written: a time zone, when present, is reported in the ISO string but the
//! date is never shifted to another zone (a Seoul paper's "Feb 28, 01:00 KST" stays Feb 28).
//!
//! A third helper, [`date_in_name`], reads a date written in a file name or key
//! (`2018-05-27-summit.txt`, `feed-20180527-x`), and [`date_in_url`] one written in a URL's
//! path (`…/2018/05/27/summit`). [`detect_in_text_hinted`] uses it as a *hint*:
//!
//! * an all-numeric date line that reads both ways (`04/05/2018`) is read day first when the
//!   hint is that day-first date (4 May 2018), month first otherwise;
//! * a wire dateline without a year at the head of a paragraph (`Seoul, May 27 (Staff) --`,
//!   `WASHINGTON, Dec. 30 (Reuters) -`) takes its year from the hint (the year of the hint that
//!   puts the dateline nearest to the hinted day);
//! * when the text has no date line at all, the hint itself is the publication date (the
//!   caller decides; see `article.rs`).
//!
//! An all-numeric date line that reads both ways and is not settled by the hint follows the
//! text's own convention ([`numeric_order`]: another numeric date whose first or second number
//! is over 12, or a majority of `12 June 2018` over `June 12, 2018`).
//!
//! Limits: all-numeric dates like `03/04/2019` are read month first (US order) unless the first
//! number is over 12, the hint or the text's convention says otherwise; non-English month
//! names are not recognised.

use chrono::NaiveDate;
use entente_text::words::month_by_prefix as month_number;
use regex::Regex;
use std::sync::LazyLock;

/// How many lines from the top of a text may hold the date line.
pub const DATE_LINES: usize = 30;

/// A date found in a string, with the time when one was next to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    /// The calendar date as written.
    pub date: NaiveDate,
    /// ISO 8601 rendering of the date and time (`2019-02-27T09:14:00+09:00`), when a time was
    /// found; the offset only when the text gave one.
    pub datetime: Option<String>,
    /// Byte range of the date expression in the searched string.
    pub start: usize,
    /// End of the date expression.
    pub end: usize,
}

const MONTHS: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

/// Year-first numeric dates: 2019-02-27, 2019/02/27, 2019.02.27, 2019. 2. 27.
static YMD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b((?:19|20)\d\d)(?:([-/.])\s?(\d{1,2})[-/.]\s?(\d{1,2})|(\d\d)(\d\d))\b")
        .unwrap_or_else(|e| panic!("bad YMD regex: {e}"))
});
/// Month-name first: Feb 27, 2019 / February 27 2019 / Feb. 27th, 2019.
static MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b"
    ))
    .unwrap_or_else(|e| panic!("bad MDY regex: {e}"))
});
/// Day first: 12 June 2018 / 12th Jun. 2018 / 12 June, 2018.
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS})\.?,?\s+((?:19|20)\d\d)\b"
    ))
    .unwrap_or_else(|e| panic!("bad DMY regex: {e}"))
});
/// All-numeric with the year last: 02/27/2019, 27.02.2019.
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b")
        .unwrap_or_else(|e| panic!("bad numeric date regex: {e}"))
});
/// A date in a file name or key: 2018-05-27, 2018_05_27 or 20180527, not inside a longer number.
static IN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])((?:19|20)\d\d)([-_.]?)(\d\d)([-_.]?)(\d\d)(?:[^0-9]|$)")
        .unwrap_or_else(|e| panic!("bad file-name date regex: {e}"))
});
/// A date in a URL path: `/2018/05/27/`, `/2018-05-27/`, `/20180527/` (a whole path segment,
/// or the start of one: `/2018-05-27-summit`).
static IN_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)\d\d)(?:/(\d{1,2})/(\d{1,2})(?:/|$|[?#])|-(\d\d)-(\d\d)(?:[-/_.?#]|$)|(\d\d)(\d\d)(?:/|$|[?#]))")
        .unwrap_or_else(|e| panic!("bad URL date regex: {e}"))
});
/// A wire dateline without a year at the start of a line: `Seoul, May 27 (Staff) --`.
static WIRE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*[A-Z][A-Za-z .'-]{{1,40}},\s+({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:\([^)]{{1,40}}\)\s*)?(?:--|-|—|–|:)"
    ))
    .unwrap_or_else(|e| panic!("bad wire dateline regex: {e}"))
});
/// A clock time with optional seconds, am/pm and zone: 09:14, 10:14 AM, 14:05:00+09:00, 9:14 KST.
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\b|T)(\d{1,2}):(\d\d)(?::(\d\d))?(?:\.\d+)?\s*([ap]\.?m\.?)?(?:\s*(Z\b|[+-]\d\d:?\d\d\b|(?:GMT|UTC)(?:\s?[+-]\d{1,2}(?::?\d\d)?)?\b|[A-Z]{2,4}T\b))?",
    )
    .unwrap_or_else(|e| panic!("bad time regex: {e}"))
});
/// Words that announce a publication date.
static CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:published|posted|updated|date[d:]?|created|issued|first\s+published)\b|(?:^|\s)(?:입력|수정|发布)")
        .unwrap_or_else(|e| panic!("bad cue regex: {e}"))
});

fn num(s: &str) -> Option<u32> {
    s.parse().ok()
}

/// Finds the first date expression in `s` (any supported form), without a time.
fn find_date(s: &str) -> Option<(NaiveDate, usize, usize)> {
    let mut best: Option<(NaiveDate, usize, usize)> = None;
    let mut consider = |d: Option<NaiveDate>, start: usize, end: usize| {
        if let Some(d) = d {
            if best.is_none_or(|b| start < b.1) {
                best = Some((d, start, end));
            }
        }
    };
    for c in YMD.captures_iter(s) {
        let y = num(&c[1]);
        let (m, d) = match (c.get(3), c.get(4)) {
            (Some(m), Some(d)) => (num(m.as_str()), num(d.as_str())),
            _ => (
                c.get(5).and_then(|m| num(m.as_str())),
                c.get(6).and_then(|d| num(d.as_str())),
            ),
        };
        let whole = c.get(0).map_or(0..0, |m| m.range());
        let date = match (y, m, d) {
            (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y as i32, m, d),
            _ => None,
        };
        if date.is_some() {
            consider(date, whole.start, whole.end);
            break;
        }
    }
    if let Some(c) = MDY.captures(s) {
        let date = match (month_number(&c[1]), num(&c[2]), num(&c[3])) {
            (Some(m), Some(d), Some(y)) => NaiveDate::from_ymd_opt(y as i32, m, d),
            _ => None,
        };
        let r = c.get(0).map_or(0..0, |m| m.range());
        consider(date, r.start, r.end);
    }
    if let Some(c) = DMY.captures(s) {
        let date = match (num(&c[1]), month_number(&c[2]), num(&c[3])) {
            (Some(d), Some(m), Some(y)) => NaiveDate::from_ymd_opt(y as i32, m, d),
            _ => None,
        };
        let r = c.get(0).map_or(0..0, |m| m.range());
        consider(date, r.start, r.end);
    }
    if let Some(c) = NUMERIC.captures(s) {
        let (a, b, y) = (num(&c[1]), num(&c[2]), num(&c[3]));
        let date = match (a, b, y) {
            // Day first only when the first number cannot be a month.
            (Some(a), Some(b), Some(y)) if a > 12 => NaiveDate::from_ymd_opt(y as i32, b, a),
            (Some(a), Some(b), Some(y)) => NaiveDate::from_ymd_opt(y as i32, a, b),
            _ => None,
        };
        let r = c.get(0).map_or(0..0, |m| m.range());
        consider(date, r.start, r.end);
    }
    best
}

/// Known zone abbreviations and their UTC offsets; others are ignored (the time stays local).
fn zone_offset(zone: &str) -> Option<String> {
    let z = zone.to_ascii_uppercase().replace(' ', "");
    let fixed = match z.as_str() {
        "Z" | "UTC" | "GMT" => "+00:00",
        "KST" | "JST" => "+09:00",
        "CST" => "-06:00",
        "EST" => "-05:00",
        "EDT" => "-04:00",
        "PST" => "-08:00",
        "PDT" => "-07:00",
        "CET" => "+01:00",
        "CEST" => "+02:00",
        "BST" => "+01:00",
        "MSK" => "+03:00",
        _ => "",
    };
    if !fixed.is_empty() {
        return Some(fixed.to_string());
    }
    let rest = z
        .strip_prefix("GMT")
        .or_else(|| z.strip_prefix("UTC"))
        .unwrap_or(&z);
    let (sign, digits) = rest.split_at(rest.find(['+', '-']).map_or(0, |i| i + 1));
    let sign = sign.chars().last()?;
    let digits = digits.replace(':', "");
    let (h, m) = match digits.len() {
        1 | 2 => (num(&digits)?, 0),
        4 => (num(&digits[..2])?, num(&digits[2..])?),
        _ => return None,
    };
    (h <= 14 && m < 60).then(|| format!("{sign}{h:02}:{m:02}"))
}

/// The first clock time in `s`, as `HH:MM:SS` plus an offset when one was given.
fn find_time(s: &str) -> Option<String> {
    let c = TIME.captures(s)?;
    let mut h = num(&c[1])?;
    let m = num(&c[2])?;
    let sec = c.get(3).and_then(|x| num(x.as_str())).unwrap_or(0);
    if let Some(ampm) = c.get(4) {
        let pm = ampm.as_str().to_ascii_lowercase().starts_with('p');
        if !(1..=12).contains(&h) {
            return None;
        }
        h = match (pm, h) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
    }
    if h > 23 || m > 59 || sec > 59 {
        return None;
    }
    let zone = c
        .get(5)
        .and_then(|z| zone_offset(z.as_str()))
        .unwrap_or_default();
    Some(format!("{h:02}:{m:02}:{sec:02}{zone}"))
}

/// Finds a date and, when present, a time in `s`.
pub fn find_datetime(s: &str) -> Option<FoundDate> {
    let (date, start, end) = find_date(s)?;
    // The time usually follows the date; a time before it ("10:14 AM, Feb 27, 2019") also counts.
    let time = find_time(&s[end..]).or_else(|| find_time(&s[..start]));
    Some(FoundDate {
        date,
        datetime: time.map(|t| format!("{date}T{t}")),
        start,
        end,
    })
}

/// Parses a metadata value that should be a date or a date-time.
///
/// ISO 8601 values are read exactly (the date part as written, no zone shift); anything else
/// goes through the same patterns as text dates.
pub fn parse_date_value(value: &str) -> Option<FoundDate> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(v) {
        let date = dt.date_naive();
        return Some(FoundDate {
            date,
            datetime: Some(dt.to_rfc3339()),
            start: 0,
            end: v.len(),
        });
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(v) {
        return Some(FoundDate {
            date: dt.date_naive(),
            datetime: Some(dt.to_rfc3339()),
            start: 0,
            end: v.len(),
        });
    }
    find_datetime(v)
}

/// Lower-case words that may stand on a date line besides the date itself.
const DATE_LINE_WORDS: &[&str] = &["at", "am", "pm", "a", "m", "by", "and", "on", "the", "last"];

/// True when `line`, with the date and any time removed, holds only a byline-like remainder:
/// few words, none of them an ordinary lower-case word (which would make it a sentence).
fn is_bare_date_line(line: &str, found: &FoundDate) -> bool {
    if line.len() > 120 {
        return false;
    }
    let rest = format!("{} {}", &line[..found.start], &line[found.end..]);
    let rest = TIME.replace_all(&rest, " ");
    let words: Vec<&str> = rest
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 8 {
        return false;
    }
    words.iter().all(|w| {
        let lower = w.chars().next().is_some_and(char::is_lowercase);
        !lower || DATE_LINE_WORDS.contains(w)
    })
}

/// Looks for the publication date on a date line among the first [`DATE_LINES`] lines.
pub fn detect_in_text(text: &str) -> Option<FoundDate> {
    detect_in_text_hinted(text, None)
}

/// The date written in a file name or key (`2018-05-27-summit.txt` → 2018-05-27).
pub fn date_in_name(name: &str) -> Option<NaiveDate> {
    // Only the last path component counts.
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    IN_NAME.captures_iter(base).find_map(|c| {
        // The two separators must agree: 2018-05-27 or 20180527, not 2018-0527.
        if c[2] != c[4] {
            return None;
        }
        NaiveDate::from_ymd_opt(c[1].parse().ok()?, num(&c[3])?, num(&c[5])?)
    })
}

/// The date written in the path of a URL (`https://example.com/2018/05/27/summit` →
/// 2018-05-27); the host is not searched.
pub fn date_in_url(url: &str) -> Option<NaiveDate> {
    let path = match url.find("://") {
        Some(i) => url
            .get(i + 3..)
            .and_then(|r| r.find('/').map(|j| &r[j..]))?,
        None => url,
    };
    IN_URL.captures_iter(path).find_map(|c| {
        let y = c[1].parse().ok()?;
        let (m, d) = [(2, 3), (4, 5), (6, 7)]
            .into_iter()
            .find_map(|(a, b)| Some((c.get(a)?.as_str(), c.get(b)?.as_str())))?;
        NaiveDate::from_ymd_opt(y, num(m)?, num(d)?)
    })
}

/// [`detect_in_text`] with a hint (usually the date of the file name): it settles day-first
/// numeric dates and gives year-less wire datelines their year. The hint itself is never
/// returned when the text has no date line.
pub fn detect_in_text_hinted(text: &str, hint: Option<NaiveDate>) -> Option<FoundDate> {
    for line in text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(DATE_LINES)
    {
        if let Some(found) = find_datetime(line) {
            if CUE.is_match(line) || is_bare_date_line(line, &found) {
                return Some(settle_numeric(text, line, found, hint));
            }
        }
        if let Some(found) = hint.and_then(|h| wire_dateline(line, h)) {
            return Some(found);
        }
    }
    None
}

/// How a text writes its all-numeric dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumericOrder {
    /// `27/02/2019`: day, month, year.
    DayFirst,
    /// `02/27/2019`: month, day, year (US).
    MonthFirst,
}

/// How many bytes of a text [`numeric_order`] looks at.
const ORDER_SCAN_BYTES: usize = 20_000;

/// The order a text writes its numeric dates in, from its own evidence: an impossible value
/// settles it (`27/02/2019` can only be day first, `02/27/2019` only month first); otherwise
/// the order of its dates with month names (`12 June 2018` against `June 12, 2018`), when one
/// order is in the majority. `None` when the text does not tell.
pub fn numeric_order(text: &str) -> Option<NumericOrder> {
    let mut end = text.len().min(ORDER_SCAN_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let text = &text[..end];
    for c in NUMERIC.captures_iter(text) {
        match (num(&c[1]), num(&c[2])) {
            (Some(a), Some(b)) if a > 12 && (1..=12).contains(&b) => {
                return Some(NumericOrder::DayFirst)
            }
            (Some(a), Some(b)) if b > 12 && (1..=12).contains(&a) => {
                return Some(NumericOrder::MonthFirst)
            }
            _ => {}
        }
    }
    let dmy = DMY.find_iter(text).count();
    let mdy = MDY.find_iter(text).count();
    match dmy.cmp(&mdy) {
        std::cmp::Ordering::Greater => Some(NumericOrder::DayFirst),
        std::cmp::Ordering::Less => Some(NumericOrder::MonthFirst),
        std::cmp::Ordering::Equal => None,
    }
}

/// Reads an ambiguous all-numeric date line (`04/05/2018`, both numbers 12 or less) in the
/// right order. The rule, in order:
///
/// 1. the hint (the date of the file name or key, else `--published`) when it is one of
///    the two readings;
/// 2. the text's own convention ([`numeric_order`]): another numeric date with an
///    impossible month, or a majority of `12 June 2018` over `June 12, 2018`;
/// 3. month first (US order), as [`find_date`] reads it.
fn settle_numeric(text: &str, line: &str, found: FoundDate, hint: Option<NaiveDate>) -> FoundDate {
    use chrono::Datelike;
    let Some(c) = line
        .get(found.start..found.end)
        .and_then(|s| NUMERIC.captures(s))
    else {
        return found;
    };
    let (Some(a), Some(b), Some(y)) = (num(&c[1]), num(&c[2]), num(&c[3])) else {
        return found;
    };
    let Some(swapped) = NaiveDate::from_ymd_opt(y as i32, a, b)
        .and_then(|_| NaiveDate::from_ymd_opt(y as i32, b, a))
        .filter(|d| *d != found.date && found.date.year() == y as i32)
    else {
        return found;
    };
    let day_first = match hint {
        Some(h) if h == swapped => true,
        Some(h) if h == found.date => false,
        _ => numeric_order(text) == Some(NumericOrder::DayFirst),
    };
    if !day_first {
        return found;
    }
    FoundDate {
        date: swapped,
        datetime: found
            .datetime
            .map(|t| t.replacen(&found.date.to_string(), &swapped.to_string(), 1)),
        ..found
    }
}

/// A year-less wire dateline (`Seoul, May 27 (Staff) --`) dated with the hint's year (or the
/// neighbouring year when that puts it nearer the hint).
fn wire_dateline(line: &str, hint: NaiveDate) -> Option<FoundDate> {
    use chrono::Datelike;
    let c = WIRE.captures(line)?;
    let (m, d) = (month_number(&c[1])?, num(&c[2])?);
    let whole = c.get(0)?;
    let date = [hint.year(), hint.year() - 1, hint.year() + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
        .min_by_key(|x| (*x - hint).num_days().abs())?;
    Some(FoundDate {
        date,
        datetime: None,
        start: whole.start(),
        end: whole.end(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_orders() {
        // (text, order)
        let table = [
            ("Seen on 27/02/2019.", Some(NumericOrder::DayFirst)),
            ("Seen on 02/27/2019.", Some(NumericOrder::MonthFirst)),
            ("Seen on 03/04/2019.", None),
            (
                "They met on 12 June 2018 in Singapore.",
                Some(NumericOrder::DayFirst),
            ),
            (
                "They met on June 12, 2018 in Singapore.",
                Some(NumericOrder::MonthFirst),
            ),
            ("No dates.", None),
        ];
        for (text, want) in table {
            assert_eq!(numeric_order(text), want, "{text}");
        }
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn metadata_values() {
        // (value, date, datetime)
        let table = [
            ("2019-02-27", "2019-02-27", None),
            (
                "2019-02-27T09:14:00+09:00",
                "2019-02-27",
                Some("2019-02-27T09:14:00+09:00"),
            ),
            (
                "2019-02-27T23:30:00-05:00",
                "2019-02-27",
                Some("2019-02-27T23:30:00-05:00"),
            ),
            (
                "2019-02-27 09:14",
                "2019-02-27",
                Some("2019-02-27T09:14:00"),
            ),
            ("20190227", "2019-02-27", None),
            (
                "Wed, 27 Feb 2019 09:14:00 +0900",
                "2019-02-27",
                Some("2019-02-27T09:14:00+09:00"),
            ),
            ("February 27, 2019", "2019-02-27", None),
        ];
        for (v, date, dt) in table {
            let f = parse_date_value(v).unwrap_or_else(|| panic!("no date in {v:?}"));
            assert_eq!(
                (f.date, f.datetime.as_deref()),
                (d(date), dt),
                "value {v:?}"
            );
        }
        assert_eq!(parse_date_value("soon"), None);
        assert_eq!(parse_date_value("2019-02-30"), None);
    }

    #[test]
    fn date_lines() {
        // (text, date, datetime)
        let table = [
            (
                "Title\nPublished: 2019-02-27 09:14 KST\nBody.",
                Some("2019-02-27"),
                Some("2019-02-27T09:14:00+09:00"),
            ),
            (
                "Title\n2019.02.28 14:05 Updated\nBody",
                Some("2019-02-28"),
                Some("2019-02-28T14:05:00"),
            ),
            ("Title\nUpdated 12 June 2018\n", Some("2018-06-12"), None),
            (
                "Title\nPosted on June 12, 2018 by Jane Roe\n",
                Some("2018-06-12"),
                None,
            ),
            (
                "Title\nFeb 27, 2019 10:14 AM\nText",
                Some("2019-02-27"),
                Some("2019-02-27T10:14:00"),
            ),
            (
                "Title\nBy John Smith | Feb. 27th, 2019 | 3:05 p.m. EST\n",
                Some("2019-02-27"),
                Some("2019-02-27T15:05:00-05:00"),
            ),
            (
                "Trump and Kim will meet on June 12, 2018 in Singapore, officials said.\n",
                None,
                None,
            ),
            ("Title\nThe summit was held June 12, 2018.\n", None, None),
            ("Title\nDate: 03/04/2019\n", Some("2019-03-04"), None),
            ("Title\nDate: 27/02/2019\n", Some("2019-02-27"), None),
            ("Title\nNo date here at all.\n", None, None),
        ];
        for (text, date, dt) in table {
            let got = detect_in_text(text);
            assert_eq!(got.as_ref().map(|f| f.date), date.map(d), "text {text:?}");
            assert_eq!(got.and_then(|f| f.datetime).as_deref(), dt, "text {text:?}");
        }
    }

    #[test]
    fn dates_in_names() {
        let table = [
            ("2018-05-27-second-summit.txt", Some("2018-05-27")),
            ("news/2019_02_08_hanoi.html", Some("2019-02-08")),
            ("feed-20190208-x", Some("2019-02-08")),
            ("feed-2018-03-31-unsc-blacklist", Some("2018-03-31")),
            ("2018-0527.txt", None),
            ("2018-13-40-x.txt", None),
            ("120180527.txt", None),
            ("summit.txt", None),
        ];
        for (name, want) in table {
            assert_eq!(date_in_name(name), want.map(d), "{name}");
        }
    }

    #[test]
    fn dates_in_urls() {
        let table = [
            (
                "https://wire.example.net/2018/03/31/un-blacklists-ships",
                Some("2018-03-31"),
            ),
            (
                "https://example.com/news/2019-02-28-hanoi",
                Some("2019-02-28"),
            ),
            (
                "https://example.com/world/20190228/hanoi",
                Some("2019-02-28"),
            ),
            ("https://example.com/2019/2/8/hanoi", Some("2019-02-08")),
            ("https://example.com/story/123456789", None),
            ("https://2019.example.com/a", None),
            ("https://example.com/2019/13/40/x", None),
            ("https://example.com/tags/2019", None),
        ];
        for (url, want) in table {
            assert_eq!(date_in_url(url), want.map(d), "{url}");
        }
    }

    #[test]
    fn hinted_date_lines() {
        // (text, hint, date)
        let table = [
            (
                "Title\n\nPosted on 04/05/2018 08:30\n",
                Some("2018-05-04"),
                Some("2018-05-04"),
            ),
            (
                "Title\n\nPosted on 04/05/2018 08:30\n",
                Some("2018-04-05"),
                Some("2018-04-05"),
            ),
            (
                "Title\n\nPosted on 04/05/2018 08:30\n",
                None,
                Some("2018-04-05"),
            ),
            (
                "Title\n\nPosted on 04/05/2018\n",
                Some("2018-07-01"),
                Some("2018-04-05"),
            ),
            (
                "Title\n\nSeoul, May 27 (Staff) -- Moon said on Sunday that ...\n",
                Some("2018-05-27"),
                Some("2018-05-27"),
            ),
            (
                "Title\n\nWASHINGTON, Dec. 30 (Reuters) - Kim sent a letter.\n",
                Some("2019-01-02"),
                Some("2018-12-30"),
            ),
            ("Title\n\nSeoul, May 27 (Staff) -- Moon said.\n", None, None),
            // the text's own convention settles what the hint does not
            (
                "Title\n\nPosted on 04/05/2018\nThe talks of 21/04/2018 failed.\n",
                None,
                Some("2018-05-04"),
            ),
            (
                "Title\n\nPosted on 04/05/2018\nThe talks of 04/21/2018 failed.\n",
                None,
                Some("2018-04-05"),
            ),
            (
                "Title\n\nPosted on 04/05/2018\nThey met on 27 April 2018 and 1 May 2018.\n",
                Some("2018-07-01"),
                Some("2018-05-04"),
            ),
            (
                "Title\n\nPosted on 04/05/2018\nThey met on 27 April 2018.\n",
                Some("2018-04-05"),
                Some("2018-04-05"),
            ),
            (
                "Title\n\nMoon met Kim on May 26, officials said.\n",
                Some("2018-05-27"),
                None,
            ),
        ];
        for (text, hint, want) in table {
            let got = detect_in_text_hinted(text, hint.map(d)).map(|f| f.date);
            assert_eq!(got, want.map(d), "{text:?} {hint:?}");
        }
    }

    #[test]
    fn date_line_must_be_near_the_top() {
        let mut text = "Title\n".to_string();
        for _ in 0..DATE_LINES {
            text.push_str("A body paragraph.\n");
        }
        text.push_str("Published: 2019-02-27\n");
        assert_eq!(detect_in_text(&text), None);
    }
}

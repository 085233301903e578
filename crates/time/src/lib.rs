//! Temporal tagger and normalizer for entente.
//!
//! News events carry the article's date; analysts need the date of the event itself. This
//! stage finds TIMEX3-style expressions (DATE, TIME, DURATION, SET) in running text and
//! normalizes each to a TIMEX3 value and an inclusive calendar [`Interval`] with a
//! [`Precision`], anchored on the publication date (DCT) and, for anaphoric expressions ("the
//! previous day", "two days later", "on the 12th"), on the last date the text mentioned.
//!
//! Data flow inside [`Tagger::tag`]:
//!
//! 1. `token`: one pass over the bytes: words, digit runs, punctuation, each word's lexicon
//!    class (month, weekday, unit, number word, direction word, keyword), sentence ids.
//! 2. `recognise`/`rules`/`rules_rel`: a hand-written grammar over tokens, tried only at tokens
//!    whose class can start an expression; the longest match wins and is extended with
//!    ranges/lists ("February 27-28", "June 11 and 12", "between May and June").
//! 3. `tense`: for expressions whose year, month or week is not written ("in March", "on
//!    Monday"), the clause's tense (nearest cue left of the expression, else right) decides
//!    between the past and the future occurrence; see [`tag_sentence_tense`].
//! 4. `normalise`: value, interval, precision and TIMEX3 mod.
//!
//! Conventions (documented choices):
//! * A range or list is one [`Timex`] whose `value` is the first element's value and whose
//!   `interval` covers both ends.
//! * Anchored durations ("the past two years", "the next three days") are DURATIONs that also
//!   carry an interval of whole units before/after the current one; free durations have none.
//! * "the end of this month" is the 21st to the last day (mod END); beginning = days 1-10;
//!   the end of a year is September-December, its beginning January-March; the end of a week
//!   is Friday-Sunday.
//! * "the 20th century" is a DATE of precision century (value "19"), never a day.
//! * "today" in a clause with no tense cue is `PRESENT_REF` (interval: the publication day).
//!
//! ```
//! use chrono::NaiveDate;
//! use entente_time::{Tagger, TimexKind};
//! let tagger = Tagger::new();
//! let dct = NaiveDate::from_ymd_opt(2019, 2, 20).unwrap();
//! let found = tagger.tag("Kim and Trump will meet in Hanoi on February 27-28.", dct);
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].text, "February 27-28");
//! assert_eq!(found[0].kind, TimexKind::Date);
//! let iv = found[0].interval.unwrap();
//! assert_eq!((iv.start.to_string(), iv.end.to_string()), ("2019-02-27".into(), "2019-02-28".into()));
//! ```
#![deny(missing_docs)]

mod calendar;
mod durations;
pub mod eval;
mod expr;
mod lexicon;
mod normalise;
mod ranges;
mod recognise;
mod rules;
mod rules_misc;
mod rules_num;
mod rules_rel;
mod tense;
mod token;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use tense::tag_sentence_tense;

use crate::expr::{Anchor, Yr, E};
use crate::normalise::Ctx;

/// Kind of temporal expression (TIMEX3 `type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexKind {
    /// A calendar date or period.
    Date,
    /// A time of day (possibly with its date).
    Time,
    /// A length of time.
    Duration,
    /// A recurring time.
    Set,
}

impl TimexKind {
    /// TIMEX3 spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexKind::Date => "DATE",
            TimexKind::Time => "TIME",
            TimexKind::Duration => "DURATION",
            TimexKind::Set => "SET",
        }
    }
}

/// Granularity of a normalized expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// One day.
    Day,
    /// A week (or weekend).
    Week,
    /// A month.
    Month,
    /// A quarter.
    Quarter,
    /// A half-year.
    Half,
    /// A season.
    Season,
    /// A year.
    Year,
    /// A decade.
    Decade,
    /// A century.
    Century,
    /// A time of day.
    Time,
    /// Not a calendar period.
    Unknown,
}

/// Inclusive calendar interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interval {
    /// First day.
    pub start: NaiveDate,
    /// Last day (inclusive).
    pub end: NaiveDate,
}

/// One temporal expression found in a text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset after the last byte.
    pub end: usize,
    /// The matched surface text.
    pub text: String,
    /// TIMEX3 type.
    pub kind: TimexKind,
    /// TIMEX3 value ("2019-02-27", "2019-W07", "P3D", "PRESENT_REF", ...).
    pub value: String,
    /// TIMEX3 mod ("START", "END", "APPROX", "LESS_THAN", ...).
    pub modifier: Option<String>,
    /// Normalized inclusive interval; `None` for free durations, sets and vague references.
    pub interval: Option<Interval>,
    /// Granularity.
    pub precision: Precision,
    /// Vague reference ("soon", "recently", "in the coming months").
    pub vague: bool,
    /// Tense judgement used: `Some(true)` future, `Some(false)` past, `None` no cue.
    pub future: Option<bool>,
}

/// How expressions without a tense cue are resolved.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Bias {
    /// News reading: a bare weekday with no cue is the latest one (reports are about the
    /// past); a bare month or day number is the nearest occurrence.
    #[default]
    News,
    /// Query reading (Duckling semantics): a bare weekday, month or day number without a cue
    /// is the next occurrence.
    Future,
}

/// The compiled tagger; cheap to share between threads.
pub struct Tagger {
    lex: lexicon::Lexicon,
    bias: Bias,
}

impl Default for Tagger {
    fn default() -> Self {
        Tagger::new()
    }
}

impl Tagger {
    /// Builds the lexicon once.
    pub fn new() -> Tagger {
        Tagger {
            lex: lexicon::Lexicon::new(),
            bias: Bias::News,
        }
    }

    /// A tagger with another default for expressions without a tense cue.
    pub fn with_bias(bias: Bias) -> Tagger {
        Tagger {
            lex: lexicon::Lexicon::new(),
            bias,
        }
    }

    /// The bias in use.
    pub fn bias(&self) -> Bias {
        self.bias
    }

    /// Tags a whole document published on `dct`.
    pub fn tag(&self, text: &str, dct: NaiveDate) -> Vec<Timex> {
        let doc = token::Doc::new(text, &self.lex);
        let mentions = recognise::Rec {
            d: &doc,
            future_bias: self.bias == Bias::Future,
        }
        .run();
        let mut ctx = Ctx {
            dct,
            bias: self.bias,
            tense: None,
            anchor_day: None,
            anchor_month: None,
            anchor_year: None,
            sent: 0,
            planned: false,
        };
        let mut out = Vec::with_capacity(mentions.len());
        for m in mentions {
            let (Some(first), Some(last)) =
                (doc.toks.get(m.a), doc.toks.get(m.b.saturating_sub(1)))
            else {
                continue;
            };
            let (start, end) = (first.start, last.end);
            ctx.sent = first.sent;
            let tense = if needs_tense(&m.e) {
                tense::tense_at(&doc, m.a, m.b, calendar_name(&m.e))
            } else {
                None
            };
            ctx.tense = tense;
            ctx.planned = tense == Some(false) && tense::planned_before(&doc, m.a);
            let Some(res) = ctx.resolve(&m.e) else {
                continue;
            };
            let (value, kind) = match &m.literal {
                Some(v) => (v.clone(), TimexKind::Duration),
                None => (res.value, res.kind),
            };
            let modifier = m.modifier.or(res.modifier).map(str::to_string);
            if let Some(iv) = res.interval {
                // "since March 2018, most recently in January": the start of a period that
                // runs to the present is not the narrative's year.
                let since = m.a > 0 && doc.is(m.a - 1, "since");
                let year_before = ctx.anchor_year;
                let day_before = ctx.anchor_day;
                update_anchor(&mut ctx, &m.e, iv, res.prec, first.sent);
                if since {
                    ctx.anchor_year = year_before;
                }
                // "cancelled his planned June 12 summit": a date naming another event is not
                // the narrative's day ("on the same day" later means the day of the report).
                if attributive(&doc, m.a, m.b) {
                    ctx.anchor_day = day_before;
                }
            }
            out.push(Timex {
                start,
                end,
                text: text[start..end].to_string(),
                kind,
                value,
                modifier,
                interval: res.interval,
                precision: res.prec,
                vague: m.vague,
                future: tense,
            });
        }
        out
    }
}

/// Whether resolving `e` depends on the clause's tense.
fn needs_tense(e: &E) -> bool {
    match e {
        E::Day {
            y: Yr::Implicit, ..
        }
        | E::Month {
            y: Yr::Implicit, ..
        }
        | E::DayOnly { .. } => true,
        E::Quarter {
            y: Yr::Implicit, ..
        }
        | E::Half {
            y: Yr::Implicit, ..
        }
        | E::Season {
            y: Yr::Implicit, ..
        } => true,
        E::Weekday { .. } | E::InDur { .. } => true,
        E::Unit {
            anchor: Anchor::Tensed,
            ..
        } => true,
        E::Unit {
            unit: lexicon::Unit::Day,
            n: 0,
            anchor: Anchor::Dct,
        } => true,
        E::Part { base, .. } | E::NthWeekday { base, .. } | E::NthUnit { base, .. } => {
            needs_tense(base)
        }
        E::Range { a, b } => needs_tense(a) || needs_tense(b),
        E::Pod { day, .. } => needs_tense(day),
        E::Clock { day: Some(d), .. } => needs_tense(d),
        _ => false,
    }
}

/// A calendar name without its year ("on Sunday", "in August", "June 12"): speculative modals
/// ("could take place on Sunday") decide its direction; other expressions ("in a decade",
/// "today") ignore them.
fn calendar_name(e: &E) -> bool {
    match e {
        E::Day { .. } | E::Month { .. } | E::DayOnly { .. } | E::Weekday { .. } => true,
        E::Range { a, .. } => calendar_name(a),
        E::Pod { day, .. } => calendar_name(day),
        _ => false,
    }
}

/// True when the expression at tokens `[a, b)` modifies a following noun and no preposition
/// introduces it: "his planned June 12 summit", "the May 26 meeting".
fn attributive(doc: &token::Doc<'_>, a: usize, b: usize) -> bool {
    const PREP: [&str; 14] = [
        "on", "in", "at", "by", "since", "until", "from", "to", "before", "after", "for", "during",
        "of", "between",
    ];
    const FUNCTION: [&str; 12] = [
        "and", "or", "but", "to", "in", "on", "at", "that", "when", "as", "with", "for",
    ];
    let next_noun = doc.toks.get(b).is_some_and(|t| {
        t.kind == token::Kind::Word && !t.cap && t.gap && {
            let w = doc.word(b);
            !FUNCTION.iter().any(|f| f.eq_ignore_ascii_case(w))
        }
    });
    let after_prep = a > 0 && PREP.iter().any(|p| p.eq_ignore_ascii_case(doc.word(a - 1)));
    next_noun && !after_prep
}

/// Moves the narrative anchor after a resolved date.
fn update_anchor(ctx: &mut Ctx, e: &E, iv: Interval, prec: Precision, sent: u32) {
    use chrono::Datelike;
    if matches!(e, E::Ref { .. } | E::Dur { .. } | E::Set { .. }) {
        return;
    }
    match prec {
        Precision::Day | Precision::Time => {
            ctx.anchor_day = Some((iv.start, sent));
            ctx.anchor_month = Some((iv.start.year(), iv.start.month(), sent));
        }
        Precision::Month => ctx.anchor_month = Some((iv.start.year(), iv.start.month(), sent)),
        _ => {}
    }
    if written_year(e) {
        ctx.anchor_year = Some((iv.start.year(), sent));
    }
}

fn written_year(e: &E) -> bool {
    match e {
        E::Day { y: Yr::Abs(_), .. } | E::Month { y: Yr::Abs(_), .. } | E::Year { .. } => true,
        E::Range { a, .. } => written_year(a),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap_or_default()
    }

    #[test]
    fn offsets_are_bytes_on_char_boundaries() {
        let t = Tagger::new();
        let text = "Le président — réuni le 3 mai? No: on Oct. 17, 2023 Moon met Kim.";
        let found = t.tag(text, d(2023, 10, 20));
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].start..found[0].end], "Oct. 17, 2023");
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let t = Tagger::new();
        let f = Tagger::with_bias(Bias::Future);
        let table = [
            "",
            "-",
            "'",
            "the",
            "in 999999 years",
            "999999 fridays from now",
            "1/2/3/4/5",
            "2019-13-45 and 31/02/2019",
            "on the 31st of February",
            "Feb. 29, 2019 — and Feb. 29, 2020",
            "at 25:99 pm on the 0th",
            "the first half of the century between 1999 and",
            "é 12 ü Mai 2019 ß 2018’s “March 3” – 4",
            "last last last week next next",
            "early late mid- end of the of",
            "10 a.m. p.m. noon midnight 24:00",
            "the 5th of next month of next year",
            "in the 1990s, the '90s and 2010's",
        ];
        for text in table {
            for tagger in [&t, &f] {
                for x in tagger.tag(text, d(2019, 2, 20)) {
                    assert!(
                        text.is_char_boundary(x.start) && text.is_char_boundary(x.end),
                        "{text}"
                    );
                    assert_eq!(&text[x.start..x.end], x.text);
                }
            }
        }
    }

    #[test]
    fn serde_spellings() {
        let t = Tagger::new();
        let found = t.tag("He left for three days.", d(2023, 10, 20));
        let json = serde_json::to_string(&found).unwrap_or_default();
        assert!(json.contains("\"DURATION\""), "{json}");
        assert!(json.contains("\"unknown\""), "{json}");
    }
}

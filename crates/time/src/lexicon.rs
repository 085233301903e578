//! Word classes used by the recogniser: month and weekday names, calendar units, number words,
//! relative words (including the synonyms that machine-paraphrased news uses) and the handful
//! of function words the grammar needs. Built once per [`crate::Tagger`].

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Calendar and clock units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
}

/// Direction words: "last", "next", "this" and their synonyms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Rel {
    /// last, previous, past, prior, preceding, final (spun)
    Last,
    /// next, coming, following, upcoming, approaching (spun), subsequent
    Next,
    /// this, current, present
    This,
}

/// Function and content keywords that the grammar tests for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub(crate) enum Kw {
    The,
    A,
    In,
    On,
    At,
    Of,
    By,
    Since,
    Until,
    From,
    To,
    Through,
    Between,
    And,
    Or,
    For,
    During,
    Within,
    Over,
    Before,
    After,
    Ago,
    Later,
    Earlier,
    Hence,
    Now,
    Early,
    Mid,
    Late,
    End,
    Beginning,
    Start,
    Middle,
    Rest,
    Today,
    Tonight,
    Yesterday,
    Tomorrow,
    Morning,
    Afternoon,
    Evening,
    Night,
    Noon,
    Midnight,
    Am,
    Pm,
    Gmt,
    Every,
    Each,
    Per,
    Daily,
    Weekly,
    Monthly,
    Annually,
    Few,
    Several,
    Many,
    Couple,
    Recent,
    Recently,
    Soon,
    Currently,
    Nowadays,
    Present,
    Past,
    Future,
    Near,
    Time,
    Moment,
    About,
    Around,
    Approximately,
    Nearly,
    Almost,
    Some,
    Roughly,
    More,
    Less,
    Than,
    Least,
    Just,
    Up,
    Fiscal,
    Same,
    That,
    Day0,
    Ad,
    Bc,
    Half,
    Ides,
    Quarter,
    Last,
    Mere,
    Following,
    Eom,
    Bom,
    Eoy,
    Boy,
    Q,
    H,
    Turn,
    Year,
}

/// The class of one word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum Lex {
    /// Not a temporal word.
    #[default]
    None,
    /// Month 1..=12; the flag says whether it is an abbreviation.
    Month(u8, bool),
    /// Weekday 1 (Monday) ..= 7; the flag says plural ("Mondays").
    Weekday(u8, bool),
    /// Season: 1 spring, 2 summer, 3 autumn, 4 winter.
    Season(u8),
    /// A unit; the flag says plural.
    Unit(Unit, bool),
    /// A cardinal number word.
    Num(u32),
    /// An ordinal number word.
    Ord(u32),
    /// A direction word.
    Rel(Rel),
    /// A keyword.
    Kw(Kw),
}

/// FNV-1a hasher: the keys are short lower-case words.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Lower-case word to class.
pub(crate) struct Lexicon {
    map: HashMap<&'static str, Lex, BuildHasherDefault<Fnv>>,
    /// Bit `len` of `shape[first letter]` is set when some entry has that first letter and length.
    shape: [u32; 26],
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const MONTH_ABBR: [(&str, u8); 13] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("febr", 2),
];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const WEEKDAY_ABBR: [(&str, u8); 10] = [
    ("mon", 1),
    ("tue", 2),
    ("tues", 2),
    ("wed", 3),
    ("thu", 4),
    ("thur", 4),
    ("thurs", 4),
    ("fri", 5),
    ("sat", 6),
    ("sun", 7),
];
const NUMS: [(&str, u32); 28] = [
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
];
const ORDS: [(&str, u32); 26] = [
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("twenty-first", 21),
    ("1st", 1),
    ("2nd", 2),
    ("3rd", 3),
    ("4th", 4),
];

impl Lexicon {
    /// Builds the table.
    pub(crate) fn new() -> Lexicon {
        let mut map: HashMap<&'static str, Lex, BuildHasherDefault<Fnv>> = HashMap::default();
        for (i, m) in MONTHS.iter().enumerate() {
            map.insert(m, Lex::Month(i as u8 + 1, false));
        }
        for (a, m) in MONTH_ABBR {
            map.insert(a, Lex::Month(m, true));
        }
        for (i, d) in WEEKDAYS.iter().enumerate() {
            map.insert(d, Lex::Weekday(i as u8 + 1, false));
        }
        for (p, i) in [
            ("mondays", 1),
            ("tuesdays", 2),
            ("wednesdays", 3),
            ("thursdays", 4),
            ("fridays", 5),
            ("saturdays", 6),
            ("sundays", 7),
        ] {
            map.insert(p, Lex::Weekday(i, true));
        }
        for (a, d) in WEEKDAY_ABBR {
            map.insert(a, Lex::Weekday(d, false));
        }
        for (s, i) in [
            ("spring", 1),
            ("summer", 2),
            ("autumn", 3),
            ("fall", 3),
            ("winter", 4),
        ] {
            map.insert(s, Lex::Season(i));
        }
        let units: [(&str, Unit, bool); 37] = [
            ("second", Unit::Second, false),
            ("seconds", Unit::Second, true),
            ("secs", Unit::Second, true),
            ("minute", Unit::Minute, false),
            ("minutes", Unit::Minute, true),
            ("mins", Unit::Minute, true),
            ("hour", Unit::Hour, false),
            ("hours", Unit::Hour, true),
            ("hrs", Unit::Hour, true),
            ("day", Unit::Day, false),
            ("days", Unit::Day, true),
            ("week", Unit::Week, false),
            ("weeks", Unit::Week, true),
            ("wk", Unit::Week, false),
            ("weekend", Unit::Weekend, false),
            ("weekends", Unit::Weekend, true),
            ("fortnight", Unit::Fortnight, false),
            ("fortnights", Unit::Fortnight, true),
            ("month", Unit::Month, false),
            ("months", Unit::Month, true),
            ("quarter", Unit::Quarter, false),
            ("quarters", Unit::Quarter, true),
            ("qtr", Unit::Quarter, false),
            ("qtrs", Unit::Quarter, true),
            ("year", Unit::Year, false),
            ("years", Unit::Year, true),
            ("yr", Unit::Year, false),
            ("yrs", Unit::Year, true),
            ("decade", Unit::Decade, false),
            ("decades", Unit::Decade, true),
            ("century", Unit::Century, false),
            ("centuries", Unit::Century, true),
            ("half", Unit::Half, false),
            ("halves", Unit::Half, true),
            ("semester", Unit::Half, false),
            ("biennium", Unit::Year, false),
            ("millennium", Unit::Century, false),
        ];
        for (w, u, p) in units {
            map.insert(w, Lex::Unit(u, p));
        }
        for (w, n) in NUMS {
            map.insert(w, Lex::Num(n));
        }
        map.insert("dozen", Lex::Num(12));
        for (w, n) in ORDS {
            map.insert(w, Lex::Ord(n));
        }
        for (w, r) in [
            ("last", Rel::Last),
            ("previous", Rel::Last),
            ("past", Rel::Last),
            ("prior", Rel::Last),
            ("preceding", Rel::Last),
            ("final", Rel::Last),
            ("latest", Rel::Last),
            ("next", Rel::Next),
            ("coming", Rel::Next),
            ("following", Rel::Next),
            ("upcoming", Rel::Next),
            ("approaching", Rel::Next),
            ("subsequent", Rel::Next),
            ("forthcoming", Rel::Next),
            ("this", Rel::This),
            ("current", Rel::This),
            ("present", Rel::This),
            ("ongoing", Rel::This),
        ] {
            map.insert(w, Lex::Rel(r));
        }
        let kws: &[(&str, Kw)] = &[
            ("the", Kw::The),
            ("a", Kw::A),
            ("an", Kw::A),
            ("in", Kw::In),
            ("on", Kw::On),
            ("at", Kw::At),
            ("of", Kw::Of),
            ("by", Kw::By),
            ("since", Kw::Since),
            ("until", Kw::Until),
            ("till", Kw::Until),
            ("til", Kw::Until),
            ("from", Kw::From),
            ("to", Kw::To),
            ("through", Kw::Through),
            ("thru", Kw::Through),
            ("between", Kw::Between),
            ("and", Kw::And),
            ("or", Kw::Or),
            ("for", Kw::For),
            ("during", Kw::During),
            ("within", Kw::Within),
            ("over", Kw::Over),
            ("before", Kw::Before),
            ("after", Kw::After),
            ("ago", Kw::Ago),
            ("later", Kw::Later),
            ("earlier", Kw::Earlier),
            ("hence", Kw::Hence),
            ("now", Kw::Now),
            ("early", Kw::Early),
            ("mid", Kw::Mid),
            ("late", Kw::Late),
            ("end", Kw::End),
            ("close", Kw::End),
            ("beginning", Kw::Beginning),
            ("start", Kw::Start),
            ("outset", Kw::Start),
            ("middle", Kw::Middle),
            ("rest", Kw::Rest),
            ("remainder", Kw::Rest),
            ("today", Kw::Today),
            ("tonight", Kw::Tonight),
            ("yesterday", Kw::Yesterday),
            ("tomorrow", Kw::Tomorrow),
            ("tomorrows", Kw::Tomorrow),
            ("morning", Kw::Morning),
            ("afternoon", Kw::Afternoon),
            ("evening", Kw::Evening),
            ("night", Kw::Night),
            ("overnight", Kw::Night),
            ("noon", Kw::Noon),
            ("midday", Kw::Noon),
            ("midnight", Kw::Midnight),
            ("am", Kw::Am),
            ("pm", Kw::Pm),
            ("gmt", Kw::Gmt),
            ("utc", Kw::Gmt),
            ("every", Kw::Every),
            ("each", Kw::Each),
            ("per", Kw::Per),
            ("daily", Kw::Daily),
            ("weekly", Kw::Weekly),
            ("monthly", Kw::Monthly),
            ("annually", Kw::Annually),
            ("yearly", Kw::Annually),
            ("annual", Kw::Annually),
            ("few", Kw::Few),
            ("several", Kw::Several),
            ("many", Kw::Many),
            ("couple", Kw::Couple),
            ("recent", Kw::Recent),
            ("recently", Kw::Recently),
            ("lately", Kw::Recently),
            ("soon", Kw::Soon),
            ("shortly", Kw::Soon),
            ("currently", Kw::Currently),
            ("nowadays", Kw::Nowadays),
            ("presently", Kw::Currently),
            ("future", Kw::Future),
            ("near", Kw::Near),
            ("time", Kw::Time),
            ("moment", Kw::Moment),
            ("about", Kw::About),
            ("around", Kw::Around),
            ("approximately", Kw::Approximately),
            ("nearly", Kw::Nearly),
            ("almost", Kw::Almost),
            ("some", Kw::Some),
            ("roughly", Kw::Roughly),
            ("more", Kw::More),
            ("less", Kw::Less),
            ("fewer", Kw::Less),
            ("than", Kw::Than),
            ("least", Kw::Least),
            ("just", Kw::Just),
            ("up", Kw::Up),
            ("fiscal", Kw::Fiscal),
            ("financial", Kw::Fiscal),
            ("same", Kw::Same),
            ("that", Kw::That),
            ("ad", Kw::Ad),
            ("bc", Kw::Bc),
            ("ides", Kw::Ides),
            ("mere", Kw::Mere),
            ("eom", Kw::Eom),
            ("bom", Kw::Bom),
            ("eoy", Kw::Eoy),
            ("boy", Kw::Boy),
            ("q", Kw::Q),
            ("h", Kw::H),
            ("turn", Kw::Turn),
        ];
        for (w, k) in kws {
            map.insert(w, Lex::Kw(*k));
        }
        // "past" and "present" are both direction words and keywords; the grammar asks
        // `is_kw_past` through the direction class. `half`, `quarter`, `last` likewise.
        let _ = (Kw::Past, Kw::Present, Kw::Half, Kw::Quarter, Kw::Last);
        let _ = (Kw::Day0, Kw::Following, Kw::Year);
        let mut shape = [0u32; 26];
        for k in map.keys() {
            let b = k.as_bytes();
            if let Some(c) = b.first().filter(|c| c.is_ascii_lowercase()) {
                shape[usize::from(c - b'a')] |= 1 << b.len().min(31);
            }
        }
        Lexicon { map, shape }
    }

    /// Class of a word given in any case; words longer than 16 bytes are never temporal.
    pub(crate) fn lookup(&self, word: &str) -> Lex {
        let b = word.as_bytes();
        if b.len() > 16 || b.is_empty() {
            return Lex::None;
        }
        let c = b[0].to_ascii_lowercase();
        if !c.is_ascii_lowercase() || self.shape[usize::from(c - b'a')] & (1 << b.len()) == 0 {
            return Lex::None;
        }
        let mut buf = [0u8; 16];
        for (i, c) in b.iter().enumerate() {
            buf[i] = c.to_ascii_lowercase();
        }
        match std::str::from_utf8(&buf[..b.len()]) {
            Ok(s) => self.map.get(s).copied().unwrap_or_default(),
            Err(_) => Lex::None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        let l = Lexicon::new();
        let table = [
            ("October", Lex::Month(10, false)),
            ("Oct", Lex::Month(10, true)),
            ("MONDAY", Lex::Weekday(1, false)),
            ("weeks", Lex::Unit(Unit::Week, true)),
            ("approaching", Lex::Rel(Rel::Next)),
            ("final", Lex::Rel(Rel::Last)),
            ("twelve", Lex::Num(12)),
            ("third", Lex::Ord(3)),
            ("diplomacy", Lex::None),
            ("an", Lex::Kw(Kw::A)),
        ];
        for (w, want) in table {
            assert_eq!(l.lookup(w), want, "{w}");
        }
    }
}

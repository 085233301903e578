//! One Aho-Corasick automaton over every surface form of the knowledge base.
//!
//! # Why one automaton
//!
//! A regular expression per form, or one automaton per kind, would scan the text many times;
//! a single leftmost-longest automaton scans it once and resolves overlaps the way readers do
//! ("North Korean" wins over "Korean", "Sino-" then "Japanese" in "Sino-Japanese").
//!
//! # Case
//!
//! The automaton is case-sensitive. Instead of folding case at search time, each form is
//! added in the case variants that are safe for it (its [`Mode`]): abbreviations ("US",
//! "DPRK") and forms that collide with common words ("Chad", "May", "Moon", "Turkey") only as
//! written; single-word names also in upper case and with a capital first letter (headlines,
//! sentence starts); multi-word names and titles also in lower case ("north korea",
//! "foreign minister"). "US" therefore never matches "us", nor "Chad" "chad".
//!
//! # Word boundaries
//!
//! A match must not start or end inside a word. When the longest match at a position ends
//! inside a word ("Korean" in "Koreanness"), shorter patterns starting at the same position are
//! tried with anchored searches before moving on, so no valid match is hidden by an invalid
//! longer one.

use std::collections::HashMap;

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};
use serde::{Deserialize, Serialize};

use crate::Kb;

/// Which column of `states.tsv` a matched form came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StateForm {
    /// The `name` column ("South Korea").
    Name,
    /// The `forms` column: official, short, abbreviated, historical ("ROK", "Burma").
    Short,
    /// The `adjectives` column ("South Korean").
    Adjective,
    /// The `combining` column ("Sino-").
    Combining,
    /// The `capital` column ("Seoul").
    Capital,
    /// The `metonyms` column ("the Kremlin").
    Metonym,
    /// The `contextual` column ("the North"): names the state only in context.
    Contextual,
}

/// How a matched person alias relates to the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PersonForm {
    /// The name or a multi-word alias ("Moon Jae-in", "Abe Shinzo").
    FullName,
    /// A one-word alias: a surname or short name used alone ("Moon", "Lula"); ambiguous when it
    /// is also an English word or names several people.
    Surname,
    /// An alias that starts with a title or honorific ("President Moon", "Mrs May").
    TitleAlias,
}

/// One thing a matched form may refer to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Target {
    /// A state, by alpha-3 code, and the kind of form matched.
    State {
        /// Alpha-3 code.
        iso3: String,
        /// Which kind of form matched.
        form: StateForm,
    },
    /// An organisation, by code.
    Org {
        /// Organisation code (`NATO`).
        code: String,
    },
    /// A person, by id.
    Person {
        /// Person id (`person:moon-jae-in`).
        id: String,
        /// How the matched alias relates to the person.
        form: PersonForm,
    },
    /// A title and its role key.
    Title {
        /// Role key (`foreign_minister`).
        role: String,
        /// The title as listed in `titles.tsv` ("Foreign Minister").
        title: String,
    },
    /// A city or landmark, by index into [`Kb::places`].
    Place {
        /// Index into [`Kb::places`].
        idx: usize,
    },
}

/// A match of the gazetteer in a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GazMatch {
    /// Byte offset of the first byte (on a `char` boundary).
    pub start: usize,
    /// Byte offset after the last byte (on a `char` boundary).
    pub end: usize,
    /// Every candidate the form may refer to, most specific first: states, organisations,
    /// people, titles, then places (cities by decreasing population).
    pub targets: Vec<Target>,
    /// True when the form needs context to resolve: it is listed as ambiguous in the data, it
    /// is a bare surname or a contextual form, or it names more than one state, organisation or
    /// person.
    pub ambiguous: bool,
}

impl GazMatch {
    /// The matched text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Which case variants of a form are added to the automaton.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Only as written.
    Exact,
    /// As written, in upper case, and with a capital first letter.
    Caps,
    /// As `Caps`, plus lower case and lower case with a capital first letter.
    Fold,
}

#[derive(Debug, Clone, Default)]
struct Entry {
    targets: Vec<Target>,
    ambiguous: bool,
}

/// The compiled gazetteer; build it with [`Kb::gazetteer`].
#[derive(Debug, Clone)]
pub struct Gazetteer {
    ac: AhoCorasick,
    entries: Vec<Entry>,
}

/// A one-word city name that is also a common English word ("Police", "Most", "Time") is left
/// out of the automaton below this population, and flagged ambiguous above it ("Nice",
/// "Split"): a small town is far less likely in the news than the word at a sentence start.
/// Other one-word names of cities below this population are flagged ambiguous.
const COMMON_WORD_CITY_MIN_POPULATION: u64 = 100_000;

/// Words that, at the start of an alias, make it a [`PersonForm::TitleAlias`].
const HONORIFICS: &[&str] = &[
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir", "Lady", "Lord", "Baroness",
    "Dame", "Prince", "Princess", "Marshal", "Leader", "Chairman", "General", "the", "Her", "His",
];

/// True for forms written without lower-case letters: abbreviations such as "US" or "G7".
fn is_abbreviation(form: &str) -> bool {
    !form.chars().any(char::is_lowercase) && form.chars().any(char::is_uppercase)
}

fn capitalize_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The mode for a name-like form: exact when ambiguous or an abbreviation, else `multi` for
/// multi-word forms and `Caps` for single words.
fn name_mode(form: &str, ambiguous: bool, multi: Mode) -> Mode {
    if ambiguous || is_abbreviation(form) {
        Mode::Exact
    } else if form.contains(' ') {
        multi
    } else {
        Mode::Caps
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

struct Builder {
    index: HashMap<String, usize>,
    patterns: Vec<String>,
    entries: Vec<Entry>,
}

impl Builder {
    fn add(&mut self, form: &str, mode: Mode, target: &Target, ambiguous: bool) {
        let form = form.trim();
        if form.is_empty() {
            return;
        }
        let mut variants = vec![form.to_string()];
        if mode != Mode::Exact {
            variants.push(form.to_uppercase());
            variants.push(capitalize_first(form));
            // Curly apostrophes are common in news ("Côte d’Ivoire").
            if form.contains('\'') {
                variants.push(form.replace('\'', "\u{2019}"));
            }
        }
        if mode == Mode::Fold {
            let lower = form.to_lowercase();
            variants.push(capitalize_first(&lower));
            variants.push(lower);
        }
        variants.sort();
        variants.dedup();
        for v in variants {
            let next = self.patterns.len();
            let idx = *self.index.entry(v.clone()).or_insert(next);
            if idx == next {
                self.patterns.push(v);
                self.entries.push(Entry::default());
            }
            let entry = &mut self.entries[idx];
            entry.ambiguous |= ambiguous;
            if !entry.targets.iter().any(|t| same_entity(t, target)) {
                entry.targets.push(target.clone());
            }
        }
    }
}

/// True when two targets name the same entity (so only the first form found is kept).
fn same_entity(a: &Target, b: &Target) -> bool {
    match (a, b) {
        (Target::State { iso3: x, .. }, Target::State { iso3: y, .. }) => x == y,
        (Target::Person { id: x, .. }, Target::Person { id: y, .. }) => x == y,
        _ => a == b,
    }
}

fn person_form(alias: &str, title_prefixes: &[String]) -> PersonForm {
    let first = alias.split(' ').next().unwrap_or("");
    if !alias.contains(' ') {
        return PersonForm::Surname;
    }
    let lower = alias.to_lowercase();
    let titled = HONORIFICS.contains(&first)
        || title_prefixes
            .iter()
            .any(|t| lower.starts_with(t.as_str()) && lower.as_bytes().get(t.len()) == Some(&b' '));
    if titled {
        PersonForm::TitleAlias
    } else {
        PersonForm::FullName
    }
}

impl Gazetteer {
    pub(crate) fn build(kb: &Kb) -> Gazetteer {
        let mut b = Builder {
            index: HashMap::new(),
            patterns: Vec::new(),
            entries: Vec::new(),
        };

        for s in &kb.states {
            let amb = |f: &str| s.ambiguous.iter().any(|a| a == f);
            let columns: [(StateForm, &[String]); 2] = [
                (StateForm::Short, &s.forms),
                (StateForm::Adjective, &s.adjectives),
            ];
            let t = |form| Target::State {
                iso3: s.iso3.clone(),
                form,
            };
            b.add(
                &s.name,
                name_mode(&s.name, amb(&s.name), Mode::Fold),
                &t(StateForm::Name),
                amb(&s.name),
            );
            for (form, list) in columns {
                for f in list {
                    b.add(f, name_mode(f, amb(f), Mode::Fold), &t(form), amb(f));
                }
            }
            for f in &s.combining {
                b.add(f, Mode::Caps, &t(StateForm::Combining), amb(f));
            }
            b.add(
                &s.capital,
                name_mode(&s.capital, amb(&s.capital), Mode::Caps),
                &t(StateForm::Capital),
                amb(&s.capital),
            );
            for f in &s.metonyms {
                b.add(
                    f,
                    name_mode(f, amb(f), Mode::Caps),
                    &t(StateForm::Metonym),
                    amb(f),
                );
            }
            for f in &s.contextual {
                b.add(f, Mode::Caps, &t(StateForm::Contextual), true);
            }
        }

        for o in &kb.orgs {
            let t = Target::Org {
                code: o.code.clone(),
            };
            for f in std::iter::once(&o.name).chain(&o.aliases) {
                let amb = o.ambiguous.iter().any(|a| a == f);
                b.add(f, name_mode(f, amb, Mode::Fold), &t, amb);
            }
        }

        let title_prefixes: Vec<String> = kb.titles.iter().map(|t| t.form.to_lowercase()).collect();
        for p in &kb.people {
            b.add(
                &p.name,
                name_mode(&p.name, false, Mode::Caps),
                &Target::Person {
                    id: p.id.clone(),
                    form: PersonForm::FullName,
                },
                false,
            );
            for a in &p.aliases {
                let form = person_form(a, &title_prefixes);
                let surname = form == PersonForm::Surname;
                let mode = if surname { Mode::Exact } else { Mode::Caps };
                // A surname alone is flagged only when it is also an English word ("Moon",
                // "May", "Rice"); "Putin" or "Obama" alone name the person. Surnames shared
                // by several people are flagged below.
                let common = surname && kb.common_words.contains(&a.to_lowercase());
                b.add(
                    a,
                    mode,
                    &Target::Person {
                        id: p.id.clone(),
                        form,
                    },
                    common,
                );
            }
        }

        for t in &kb.titles {
            let mode = if is_abbreviation(&t.form) {
                Mode::Exact
            } else {
                Mode::Fold
            };
            b.add(
                &t.form,
                mode,
                &Target::Title {
                    role: t.role.clone(),
                    title: t.form.clone(),
                },
                false,
            );
        }

        for (idx, p) in kb.places.iter().enumerate() {
            let t = Target::Place { idx };
            for f in std::iter::once(&p.name).chain(&p.aliases) {
                let mode = match p.kind {
                    crate::PlaceKind::City => Mode::Exact,
                    crate::PlaceKind::Landmark => name_mode(f, false, Mode::Caps),
                };
                let common = !f.contains(' ') && kb.common_words.contains(&f.to_lowercase());
                if common
                    && p.kind == crate::PlaceKind::City
                    && p.population < COMMON_WORD_CITY_MIN_POPULATION
                {
                    continue;
                }
                b.add(f, mode, &t, common);
            }
        }

        // One-word names of small towns are mostly surnames or given names in the news
        // ("Taylor", "Lynn", "Davis"): flag them when nothing else (a state, a large city, a
        // person) shares the form, so "Moscow" is not ambiguous because of Moscow, Idaho.
        let small_town = |t: &Target| match t {
            Target::Place { idx } => {
                let p = &kb.places[*idx];
                p.kind == crate::PlaceKind::City && p.population < COMMON_WORD_CITY_MIN_POPULATION
            }
            _ => false,
        };
        for (e, pattern) in b.entries.iter_mut().zip(&b.patterns) {
            if !pattern.contains(' ') && e.targets.iter().all(small_town) {
                e.ambiguous = true;
            }
        }
        for e in &mut b.entries {
            let count = |pred: fn(&Target) -> bool| e.targets.iter().filter(|t| pred(t)).count();
            let several = count(|t| matches!(t, Target::State { .. })) > 1
                || count(|t| matches!(t, Target::Org { .. })) > 1
                || count(|t| matches!(t, Target::Person { .. })) > 1;
            e.ambiguous |= several;
        }

        // The contiguous NFA takes about a quarter longer to build than the noncontiguous one
        // but searches news text about 1.7 times faster; the gazetteer is built once.
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&b.patterns);
        let ac = match ac {
            Ok(ac) => ac,
            // Only exceeding the automaton's size limits fails, which our data cannot reach.
            Err(e) => panic!(
                "gazetteer automaton over {} patterns failed to build: {e}",
                b.patterns.len()
            ),
        };
        Gazetteer {
            ac,
            entries: b.entries,
        }
    }

    /// The number of distinct surface strings (case variants included) in the automaton.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the gazetteer has no patterns.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Finds non-overlapping, leftmost-longest matches that start and end on word boundaries.
    pub fn find(&self, text: &str) -> Vec<GazMatch> {
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            let Some(m) = self.ac.find(Input::new(text).span(pos..text.len())) else {
                break;
            };
            let start = m.start();
            let mut found = if starts_word(text, start) {
                self.valid_prefix(text, m)
            } else {
                None
            };
            // "the UN Security Council": a form with a leading article ("the UN") must not hide
            // a longer form that starts after the article.
            if let Some(c) = found {
                if let Some(article) = article_len(&text[start..c.end()]) {
                    let after = start + article;
                    let longer = self
                        .ac
                        .find(
                            Input::new(text)
                                .span(after..text.len())
                                .anchored(Anchored::Yes),
                        )
                        .and_then(|m| self.valid_prefix(text, m))
                        .filter(|m| m.end() > c.end());
                    if longer.is_some() {
                        found = longer;
                    }
                }
            }
            match found {
                Some(c) => {
                    let entry = &self.entries[c.pattern().as_usize()];
                    out.push(GazMatch {
                        start: c.start(),
                        end: c.end(),
                        targets: entry.targets.clone(),
                        ambiguous: entry.ambiguous,
                    });
                    pos = c.end();
                }
                None => pos = next_char(text, start),
            }
        }
        out
    }

    /// The longest match starting where `m` starts, `m` itself included, that ends on a word
    /// boundary.
    fn valid_prefix(&self, text: &str, m: aho_corasick::Match) -> Option<aho_corasick::Match> {
        let start = m.start();
        let mut cur = Some(m);
        while let Some(c) = cur {
            if ends_word(text, c.end()) {
                return Some(c);
            }
            let limit = c.end() - 1;
            cur = if limit > start {
                self.ac
                    .find(Input::new(text).span(start..limit).anchored(Anchored::Yes))
            } else {
                None
            };
        }
        None
    }
}

/// The length of a leading "the " (any case) in a matched form that continues after it.
fn article_len(matched: &str) -> Option<usize> {
    let head = matched.get(..4)?;
    (head.eq_ignore_ascii_case("the ") && matched.len() > 4).then_some(4)
}

/// True when a match starting at `start` does not begin inside a word.
fn starts_word(text: &str, start: usize) -> bool {
    let first = text[start..].chars().next();
    let prev = text[..start].chars().next_back();
    match (prev, first) {
        (Some(p), Some(f)) => !(is_word_char(p) && is_word_char(f)),
        _ => true,
    }
}

/// True when a match ending at `end` does not stop inside a word.
fn ends_word(text: &str, end: usize) -> bool {
    let last = text[..end].chars().next_back();
    let next = text[end..].chars().next();
    match (last, next) {
        (Some(l), Some(n)) => !(is_word_char(l) && is_word_char(n)),
        _ => true,
    }
}

fn next_char(text: &str, pos: usize) -> usize {
    text[pos..]
        .chars()
        .next()
        .map_or(text.len(), |c| pos + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_variants_by_mode() {
        let cases: [(&str, Mode, &[&str]); 4] = [
            ("US", Mode::Exact, &["US"]),
            ("Seoul", Mode::Caps, &["SEOUL", "Seoul"]),
            (
                "the Kremlin",
                Mode::Caps,
                &["THE KREMLIN", "The Kremlin", "the Kremlin"],
            ),
            (
                "North Korea",
                Mode::Fold,
                &["NORTH KOREA", "North Korea", "North korea", "north korea"],
            ),
        ];
        for (form, mode, want) in cases {
            let mut b = Builder {
                index: HashMap::new(),
                patterns: Vec::new(),
                entries: Vec::new(),
            };
            b.add(form, mode, &Target::Org { code: "X".into() }, false);
            let mut got = b.patterns.clone();
            got.sort();
            assert_eq!(got, want, "{form}");
        }
    }

    #[test]
    fn classifies_person_aliases() {
        let titles = vec!["president".to_string(), "foreign minister".to_string()];
        let cases = [
            ("Moon", PersonForm::Surname),
            ("Moon Jae In", PersonForm::FullName),
            ("President Moon", PersonForm::TitleAlias),
            ("Foreign Minister Wang Yi", PersonForm::TitleAlias),
            ("Mrs May", PersonForm::TitleAlias),
            ("Presidential Moon", PersonForm::FullName),
        ];
        for (alias, want) in cases {
            assert_eq!(person_form(alias, &titles), want, "{alias}");
        }
    }

    #[test]
    fn word_boundaries() {
        let cases = [
            ("Koreans", 0, 6, true, false),
            ("a Korean.", 2, 8, true, true),
            ("xKorea", 1, 6, false, true),
            ("Sino-Japanese", 0, 5, true, true),
            ("Sino-Japanese", 5, 13, true, true),
            ("U.S.-led", 0, 4, true, true),
        ];
        for (text, s, e, want_s, want_e) in cases {
            assert_eq!(
                (starts_word(text, s), ends_word(text, e)),
                (want_s, want_e),
                "{text} {s}..{e}"
            );
        }
    }
}

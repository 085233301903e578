//! The knowledge base of entente: states, international organisations, office holders, titles
//! and places, loaded from human-editable TSV files, with a fast gazetteer over every surface
//! form they list.
//!
//! # Data flow
//!
//! `data/kb/*.tsv` (edited by hand, except `places.tsv`, which `crates/kb/tools/make_places.py`
//! generates from GeoNames) → [`Kb::load`] parses and validates every file, reporting the first
//! problem as `file:line: message` → lookups ([`Kb::state`], [`Kb::org`], [`Kb::holders`], ...)
//! answer questions such as "who was Japan's foreign minister on 2019-06-01?" →
//! [`Kb::gazetteer`] compiles all names, adjectives, combining forms, capitals, metonyms,
//! organisation names, person aliases, titles and places into one Aho-Corasick automaton →
//! [`Gazetteer::find`] returns non-overlapping, longest, word-bounded matches, each with every
//! candidate it may refer to. Choosing among candidates (which "Kim"? the Georgia in the
//! Caucasus or in the US?) is left to the caller, who knows the date and the context.
//!
//! The file formats are documented for editors in `docs/knowledge-base.md`.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use entente_kb::{Kb, Target};
//!
//! let kb = Kb::load_default().expect("knowledge base");
//! let day = NaiveDate::from_ymd_opt(2018, 4, 27).unwrap();
//! let who: Vec<&str> = kb.holders("president", "KOR", day).iter().map(|p| p.name.as_str()).collect();
//! assert_eq!(who, ["Moon Jae-in"]);
//!
//! let gaz = kb.gazetteer();
//! let text = "Pyongyang rejected the Sino-Japanese statement.";
//! let m = &gaz.find(text)[0];
//! assert_eq!(&text[m.start..m.end], "Pyongyang");
//! assert!(m.targets.iter().any(|t| matches!(t, Target::State { iso3, .. } if iso3 == "PRK")));
//! ```
#![deny(missing_docs)]

mod error;
mod gazetteer;
mod load;
mod model;
mod tsv;
pub mod verbs;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use error::KbError;
pub use gazetteer::{GazMatch, Gazetteer, PersonForm, StateForm, Target};
pub use model::{Org, Person, Place, PlaceKind, Role, State, Title};

/// The loaded knowledge base. Fields are public for reading; lookups go through the methods,
/// which use indices built at load time (so do not modify the vectors after loading).
#[derive(Debug, Clone)]
pub struct Kb {
    /// States, in file order.
    pub states: Vec<State>,
    /// Organisations, in file order.
    pub orgs: Vec<Org>,
    /// People with their roles, in file order.
    pub people: Vec<Person>,
    /// Titles, in file order.
    pub titles: Vec<Title>,
    /// Cities (from `places.tsv`, most populous first) followed by landmarks.
    pub places: Vec<Place>,
    /// Lower-case English words from `common_words.txt`; a one-word place name found here is
    /// flagged ambiguous by the gazetteer ("Police", "Split").
    pub common_words: HashSet<String>,
    by_iso3: HashMap<String, usize>,
    by_iso2: HashMap<String, usize>,
    by_org: HashMap<String, usize>,
    by_person: HashMap<String, usize>,
}

impl Kb {
    pub(crate) fn from_parts(
        states: Vec<State>,
        orgs: Vec<Org>,
        people: Vec<Person>,
        titles: Vec<Title>,
        places: Vec<Place>,
        common_words: HashSet<String>,
    ) -> Kb {
        let by_iso3 = states
            .iter()
            .enumerate()
            .map(|(i, s)| (s.iso3.clone(), i))
            .collect();
        let by_iso2 = states
            .iter()
            .enumerate()
            .map(|(i, s)| (s.iso2.clone(), i))
            .collect();
        let mut by_org = HashMap::new();
        for (i, o) in orgs.iter().enumerate() {
            by_org.insert(o.code.clone(), i);
            by_org.insert(o.id.clone(), i);
        }
        let by_person = people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        Kb {
            states,
            orgs,
            people,
            titles,
            places,
            common_words,
            by_iso3,
            by_iso2,
            by_org,
            by_person,
        }
    }

    /// Loads and validates the knowledge base in `dir` (the directory holding `states.tsv`).
    ///
    /// # Errors
    ///
    /// [`KbError::Io`] when a required file cannot be read; [`KbError::Invalid`] naming
    /// `file:line` for a wrong column count, a bad date, an unknown country or organisation
    /// code, a duplicate id or any other inconsistency.
    pub fn load(dir: &Path) -> Result<Kb, KbError> {
        load::load_dir(dir)
    }

    /// Finds and loads the knowledge base: `$ENTENTE_DATA/kb` when that variable is set, else
    /// `./data/kb`, else the repository's `data/kb` as seen when this crate was compiled.
    ///
    /// # Errors
    ///
    /// [`KbError::NotFound`] when none of these directories has a `states.tsv`; otherwise as
    /// [`Kb::load`].
    pub fn load_default() -> Result<Kb, KbError> {
        let mut tried: Vec<PathBuf> = Vec::new();
        if let Some(dir) = std::env::var_os("ENTENTE_DATA") {
            tried.push(PathBuf::from(dir).join("kb"));
        }
        tried.push(PathBuf::from("data").join("kb"));
        tried.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/kb"));
        for dir in &tried {
            if dir.join("states.tsv").is_file() {
                return Kb::load(dir);
            }
        }
        let tried = tried
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        Err(KbError::NotFound { tried })
    }

    /// The state with this alpha-3 code (case-insensitive), or with this id (`state:kor`).
    pub fn state(&self, iso3: &str) -> Option<&State> {
        let code = iso3
            .strip_prefix("state:")
            .unwrap_or(iso3)
            .to_ascii_uppercase();
        self.by_iso3.get(&code).map(|&i| &self.states[i])
    }

    /// The state with this alpha-2 code (case-insensitive).
    pub fn state_by_iso2(&self, iso2: &str) -> Option<&State> {
        self.by_iso2
            .get(&iso2.to_ascii_uppercase())
            .map(|&i| &self.states[i])
    }

    /// The organisation with this code (`NATO`, case-insensitive) or id (`org:nato`).
    pub fn org(&self, code_or_id: &str) -> Option<&Org> {
        self.by_org
            .get(code_or_id)
            .or_else(|| self.by_org.get(&code_or_id.to_ascii_uppercase()))
            .map(|&i| &self.orgs[i])
    }

    /// The person with this id (`person:moon-jae-in`).
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.by_person.get(id).map(|&i| &self.people[i])
    }

    /// The roles `person` held on `date`.
    pub fn roles_on<'a>(&self, person: &'a Person, date: NaiveDate) -> Vec<&'a Role> {
        person.roles.iter().filter(|r| r.held_on(date)).collect()
    }

    /// The people who held `role_key` (directly or as an implied key, see `offices.tsv`) for
    /// `country` on `date`. `country` is an alpha-3 code, a state id, an organisation code or an
    /// organisation id. Several people are returned around handovers (both days count) and
    /// where the data lists acting holders next to a suspended one.
    pub fn holders(&self, role_key: &str, country: &str, date: NaiveDate) -> Vec<&Person> {
        let Some(code) = self.office_code(country) else {
            return Vec::new();
        };
        self.people
            .iter()
            .filter(|p| {
                p.roles
                    .iter()
                    .any(|r| r.country == code && r.has_key(role_key) && r.held_on(date))
            })
            .collect()
    }

    /// Every (person, role) pair ever recorded for `role_key` and `country`, ordered by start.
    pub fn history(&self, role_key: &str, country: &str) -> Vec<(&Person, &Role)> {
        let Some(code) = self.office_code(country) else {
            return Vec::new();
        };
        let mut out: Vec<(&Person, &Role)> = self
            .people
            .iter()
            .flat_map(|p| p.roles.iter().map(move |r| (p, r)))
            .filter(|(_, r)| r.country == code && r.has_key(role_key))
            .collect();
        out.sort_by_key(|(_, r)| r.start);
        out
    }

    /// The titles whose written form equals `form`, ignoring case.
    pub fn titles_for(&self, form: &str) -> Vec<&Title> {
        self.titles
            .iter()
            .filter(|t| t.form.eq_ignore_ascii_case(form))
            .collect()
    }

    /// Normalises a state or organisation reference to the code used in roles.
    fn office_code(&self, country: &str) -> Option<String> {
        if let Some(s) = self.state(country) {
            return Some(s.iso3.clone());
        }
        self.org(country).map(|o| o.code.clone())
    }

    /// Compiles the gazetteer over every surface form in the knowledge base. This takes tens of
    /// milliseconds: call it once and share the result.
    pub fn gazetteer(&self) -> Gazetteer {
        Gazetteer::build(self)
    }
}

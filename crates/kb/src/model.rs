//! The records of the knowledge base, one type per data file.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A sovereign state (UN member or observer, plus Taiwan and Kosovo): one row of `states.tsv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct State {
    /// Stable id, `state:` + lower-case alpha-3 code (`state:kor`).
    pub id: String,
    /// ISO 3166-1 alpha-3 code (`KOR`; Kosovo uses the user-assigned `XKX`).
    pub iso3: String,
    /// ISO 3166-1 alpha-2 code (`KR`; Kosovo `XK`).
    pub iso2: String,
    /// `un_member`, `un_observer` or `non_member`.
    pub status: String,
    /// The short English name used in news ("South Korea").
    pub name: String,
    /// Official, short, abbreviated and historical names ("Republic of Korea", "ROK").
    pub forms: Vec<String>,
    /// Adjectives and demonyms ("South Korean", "South Koreans").
    pub adjectives: Vec<String>,
    /// Combining forms written with their hyphen ("Sino-").
    pub combining: Vec<String>,
    /// The capital city as named in news.
    pub capital: String,
    /// Other seats of government and metonyms ("the Kremlin", "Blue House").
    pub metonyms: Vec<String>,
    /// Forms that name the state only in context ("the North"); consumers decide.
    pub contextual: Vec<String>,
    /// Forms (from the other columns) that collide with common words or other entities; they
    /// are matched in exact case only and flagged.
    pub ambiguous: Vec<String>,
}

/// An international organisation, organ, forum or conference: one row of `organisations.tsv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Org {
    /// Stable id (`org:nato`).
    pub id: String,
    /// Short upper-case code, unique across organisations and distinct from every alpha-3 code
    /// (`NATO`, `UNSC`, `G7`). Roles of organisations name it in their `of` column.
    pub code: String,
    /// Full English name.
    pub name: String,
    /// Other written forms, including the code when it is used in text.
    pub aliases: Vec<String>,
    /// `intergovernmental`, `organ`, `agency`, `forum`, `alliance`, `court`, ... (see docs).
    pub kind: String,
    /// Code of the parent organisation for organs and agencies (`UN` for `UNSC`).
    pub parent: Option<String>,
    /// Alpha-3 codes of current members, where fixed and well known; empty otherwise.
    pub members: Vec<String>,
    /// Aliases that collide with common words (`WHO`); matched in exact case and flagged.
    pub ambiguous: Vec<String>,
}

/// A dated office held by a person: one row of `roles.tsv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Role {
    /// Role key (`foreign_minister`, `president`, `head_of_state`, ...).
    pub key: String,
    /// The title as news writes it ("Secretary of State").
    pub title: String,
    /// Alpha-3 code of the state, or code of the organisation (`UN`, `NATO`, `EC`).
    pub country: String,
    /// First day in office.
    pub start: NaiveDate,
    /// Last day in office; `None` for an incumbent.
    pub end: Option<NaiveDate>,
    /// True when a date was given only to the month or year, or marked uncertain with `~`.
    pub approximate: bool,
    /// Further role keys this office counts as, from `offices.tsv` (a US `president` is also
    /// `head_of_state` and `head_of_government`).
    pub implies: Vec<String>,
}

impl Role {
    /// True when the role was held on `date` (start and end days included).
    pub fn held_on(&self, date: NaiveDate) -> bool {
        self.start <= date && self.end.is_none_or(|end| date <= end)
    }

    /// True when `key` is this role's key or one it implies.
    pub fn has_key(&self, key: &str) -> bool {
        self.key == key || self.implies.iter().any(|k| k == key)
    }
}

/// A person: one row of `people.tsv` with the rows of `roles.tsv` that name them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// Stable id (`person:moon-jae-in`).
    pub id: String,
    /// The name as most English news writes it ("Moon Jae-in", "Shinzo Abe").
    pub name: String,
    /// Alpha-3 code of the person's state.
    pub country: String,
    /// Other written forms: spellings, name orders, surnames used alone, "President Moon".
    pub aliases: Vec<String>,
    /// Offices held, in file order.
    pub roles: Vec<Role>,
}

/// A title as written in news and the role key it stands for: one row of `titles.tsv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Title {
    /// Stable id (`title:foreign_minister`).
    pub id: String,
    /// The written form ("Foreign Minister", "Exterior Secretary").
    pub form: String,
    /// Role key.
    pub role: String,
    /// Alpha-3 or organisation code when the title belongs to one state or body.
    pub scope: Option<String>,
    /// `standard`, `informal`, `abbreviation` or `spun` (machine-paraphrased).
    pub variant: String,
}

/// Whether a place is a city (generated from GeoNames) or a hand-listed landmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PlaceKind {
    /// A populated place from `places.tsv`.
    City,
    /// A venue, building, site, border or region from `landmarks.tsv`.
    Landmark,
}

/// A city or landmark.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// `geonames:<id>` for cities, `landmark:<slug>` for landmarks.
    pub id: String,
    /// Main name.
    pub name: String,
    /// ASCII spelling and other English forms.
    pub aliases: Vec<String>,
    /// Alpha-3 code (territories keep their own code, e.g. `HKG`); empty for seas and regions
    /// that belong to no single state.
    pub country: String,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// Population (0 for landmarks).
    pub population: u64,
    /// City or landmark.
    pub kind: PlaceKind,
    /// For landmarks: `venue`, `government_building`, `military_site`, `airport`, `border` or
    /// `region`; `city` for cities.
    pub category: String,
}

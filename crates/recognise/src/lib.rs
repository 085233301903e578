//! Recognition and resolution of actors and places.
//!
//! The [`Recogniser`] stage runs the knowledge base's gazetteer over the cleaned text once and
//! turns its matches into [`entente_doc::Mention`]s (states, organisations, people) and
//! [`entente_doc::PlaceMention`]s, resolving on the way:
//!
//! * **people to their role on the article's date** (`President Moon` → Moon Jae-in,
//!   president of KOR in 2018); an ambiguous surname ("Kim") goes to the person named in full
//!   earlier in the article, else to the candidate holding an office that day;
//! * **titles with unknown names** ("Russian Deputy Foreign Minister Igor Morgulov", were he
//!   missing from the data) to a role actor with country and role;
//! * **titles without names** ("the Japanese foreign minister") to the office holder that day;
//! * **joint forms** ("China-Japan-South Korea", "Sino-Japanese", "U.S.-Philippine",
//!   "inter-Korean") to one mention of all member states;
//! * **plural references** ("the two presidents", "the four countries", "both governments") to
//!   the actors named just before;
//! * **capitals** to both a state mention (metonym: "Pyongyang said") and a place.
#![deny(missing_docs)]

mod plural;
mod stage;
mod verbs;

pub use stage::Recogniser;

//! Reading and validating the data files.
//!
//! Each file is parsed into its records, then cross-file references are checked (a role's
//! person and `of`, an organisation's members, a title's scope). The first problem stops the
//! load and is reported as `file:line: message`; a knowledge base that loads is consistent.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::{Datelike, NaiveDate};

use crate::model::{Org, Person, Place, PlaceKind, Role, State, Title};
use crate::tsv::{self, Row};
use crate::{Kb, KbError};

const STATES: &str = "states.tsv";
const ORGS: &str = "organisations.tsv";
const PEOPLE: &str = "people.tsv";
const ROLES: &str = "roles.tsv";
const OFFICES: &str = "offices.tsv";
const TITLES: &str = "titles.tsv";
const PLACES: &str = "places.tsv";
const LANDMARKS: &str = "landmarks.tsv";
const COMMON_WORDS: &str = "common_words.txt";

fn read(dir: &Path, file: &str) -> Result<String, KbError> {
    let path = dir.join(file);
    std::fs::read_to_string(&path).map_err(|source| KbError::Io { path, source })
}

/// Loads every file of the knowledge base in `dir`; `places.tsv`, `landmarks.tsv` and
/// `common_words.txt` are optional (a missing file yields no entries), the others are required.
pub(crate) fn load_dir(dir: &Path) -> Result<Kb, KbError> {
    let states = parse_states(&read(dir, STATES)?)?;
    let iso3: HashSet<&str> = states.iter().map(|s| s.iso3.as_str()).collect();
    let orgs = parse_orgs(&read(dir, ORGS)?, &iso3)?;
    let codes: HashSet<&str> = orgs.iter().map(|o| o.code.as_str()).collect();
    let is_of = |c: &str| iso3.contains(c) || codes.contains(c);
    let offices = parse_offices(&read(dir, OFFICES)?, &is_of)?;
    let mut people = parse_people(&read(dir, PEOPLE)?, &iso3)?;
    parse_roles(&read(dir, ROLES)?, &mut people, &offices, &is_of)?;
    let titles = parse_titles(&read(dir, TITLES)?, &is_of)?;
    let mut places = Vec::new();
    if dir.join(PLACES).exists() {
        parse_places(&read(dir, PLACES)?, &mut places)?;
    }
    if dir.join(LANDMARKS).exists() {
        parse_landmarks(&read(dir, LANDMARKS)?, &iso3, &mut places)?;
    }
    if dir.join(crate::verbs::FILE).exists() {
        let text = read(dir, crate::verbs::FILE)?;
        crate::verbs::install(crate::verbs::ReportingVerbs::parse(
            &text,
            crate::verbs::FILE,
        )?);
    }
    let mut common_words = HashSet::new();
    if dir.join(COMMON_WORDS).exists() {
        let text = read(dir, COMMON_WORDS)?;
        common_words = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect();
    }
    Ok(Kb::from_parts(
        states,
        orgs,
        people,
        titles,
        places,
        common_words,
    ))
}

/// Remembers ids of one file and reports the second use of one.
struct Ids<'a> {
    file: &'static str,
    seen: HashMap<&'a str, usize>,
}

impl<'a> Ids<'a> {
    fn new(file: &'static str) -> Self {
        Ids {
            file,
            seen: HashMap::new(),
        }
    }

    fn add(&mut self, id: &'a str, line: usize) -> Result<(), KbError> {
        if id.is_empty() {
            return Err(KbError::invalid(self.file, line, "empty id"));
        }
        if let Some(first) = self.seen.insert(id, line) {
            return Err(KbError::invalid(
                self.file,
                line,
                format!("duplicate id '{id}' (first at line {first})"),
            ));
        }
        Ok(())
    }
}

fn check_prefix(file: &str, line: usize, id: &str, prefix: &str) -> Result<(), KbError> {
    if id.strip_prefix(prefix).is_none_or(str::is_empty) {
        return Err(KbError::invalid(
            file,
            line,
            format!("id '{id}' must start with '{prefix}'"),
        ));
    }
    Ok(())
}

fn check_country(
    file: &str,
    line: usize,
    column: &str,
    code: &str,
    iso3: &HashSet<&str>,
) -> Result<(), KbError> {
    if !iso3.contains(code) {
        return Err(KbError::invalid(
            file,
            line,
            format!("unknown country code '{code}' in column '{column}'"),
        ));
    }
    Ok(())
}

fn is_code(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_uppercase())
}

fn parse_states(text: &str) -> Result<Vec<State>, KbError> {
    let header = [
        "id",
        "iso3",
        "iso2",
        "status",
        "name",
        "forms",
        "adjectives",
        "combining",
        "capital",
        "metonyms",
        "contextual",
        "ambiguous",
    ];
    let rows = tsv::rows(STATES, text, &header)?;
    let mut ids = Ids::new(STATES);
    let mut iso3s = Ids::new(STATES);
    let mut iso2s = Ids::new(STATES);
    let mut out = Vec::with_capacity(rows.len());
    for Row { line, fields: f } in rows {
        ids.add(f[0], line)?;
        check_prefix(STATES, line, f[0], "state:")?;
        if !is_code(f[1], 3) {
            return Err(KbError::invalid(
                STATES,
                line,
                format!("bad alpha-3 code '{}'", f[1]),
            ));
        }
        if !is_code(f[2], 2) {
            return Err(KbError::invalid(
                STATES,
                line,
                format!("bad alpha-2 code '{}'", f[2]),
            ));
        }
        if f[0] != format!("state:{}", f[1].to_ascii_lowercase()) {
            return Err(KbError::invalid(
                STATES,
                line,
                format!("id '{}' does not match alpha-3 code '{}'", f[0], f[1]),
            ));
        }
        iso3s.add(f[1], line)?;
        iso2s.add(f[2], line)?;
        if !matches!(f[3], "un_member" | "un_observer" | "non_member") {
            return Err(KbError::invalid(
                STATES,
                line,
                format!(
                    "bad status '{}' (expected un_member, un_observer or non_member)",
                    f[3]
                ),
            ));
        }
        if f[4].is_empty() || f[8].is_empty() {
            return Err(KbError::invalid(
                STATES,
                line,
                "name and capital must not be empty",
            ));
        }
        let state = State {
            id: f[0].into(),
            iso3: f[1].into(),
            iso2: f[2].into(),
            status: f[3].into(),
            name: f[4].into(),
            forms: tsv::list(f[5]),
            adjectives: tsv::list(f[6]),
            combining: tsv::list(f[7]),
            capital: f[8].into(),
            metonyms: tsv::list(f[9]),
            contextual: tsv::list(f[10]),
            ambiguous: tsv::list(f[11]),
        };
        for c in &state.combining {
            if !c.ends_with('-') {
                return Err(KbError::invalid(
                    STATES,
                    line,
                    format!("combining form '{c}' must end with '-'"),
                ));
            }
        }
        for a in &state.ambiguous {
            let listed = a == &state.name
                || a == &state.capital
                || [
                    &state.forms,
                    &state.adjectives,
                    &state.metonyms,
                    &state.contextual,
                ]
                .iter()
                .any(|l| l.contains(a));
            if !listed {
                return Err(KbError::invalid(
                    STATES,
                    line,
                    format!("ambiguous form '{a}' is not listed in another column"),
                ));
            }
        }
        out.push(state);
    }
    Ok(out)
}

fn parse_orgs(text: &str, iso3: &HashSet<&str>) -> Result<Vec<Org>, KbError> {
    let header = [
        "id",
        "code",
        "name",
        "aliases",
        "kind",
        "parent",
        "members",
        "ambiguous",
    ];
    let rows = tsv::rows(ORGS, text, &header)?;
    let mut ids = Ids::new(ORGS);
    let mut codes = Ids::new(ORGS);
    let mut out: Vec<Org> = Vec::with_capacity(rows.len());
    let mut parents = Vec::new();
    for Row { line, fields: f } in rows {
        ids.add(f[0], line)?;
        check_prefix(ORGS, line, f[0], "org:")?;
        codes.add(f[1], line)?;
        if iso3.contains(f[1]) {
            return Err(KbError::invalid(
                ORGS,
                line,
                format!("code '{}' is also a country code", f[1]),
            ));
        }
        if f[2].is_empty() || f[4].is_empty() {
            return Err(KbError::invalid(
                ORGS,
                line,
                "name and kind must not be empty",
            ));
        }
        let members = tsv::list(f[6]);
        for m in &members {
            check_country(ORGS, line, "members", m, iso3)?;
        }
        let org = Org {
            id: f[0].into(),
            code: f[1].into(),
            name: f[2].into(),
            aliases: tsv::list(f[3]),
            kind: f[4].into(),
            parent: (!f[5].is_empty()).then(|| f[5].to_string()),
            members,
            ambiguous: tsv::list(f[7]),
        };
        for a in &org.ambiguous {
            if a != &org.name && !org.aliases.contains(a) {
                return Err(KbError::invalid(
                    ORGS,
                    line,
                    format!("ambiguous form '{a}' is not an alias"),
                ));
            }
        }
        if let Some(p) = &org.parent {
            parents.push((line, p.clone()));
        }
        out.push(org);
    }
    for (line, p) in parents {
        if !out.iter().any(|o| o.code == p) {
            return Err(KbError::invalid(
                ORGS,
                line,
                format!("unknown parent organisation '{p}'"),
            ));
        }
    }
    Ok(out)
}

/// (of, role) -> implied role keys.
type Offices = HashMap<(String, String), Vec<String>>;

fn parse_offices(text: &str, is_of: &dyn Fn(&str) -> bool) -> Result<Offices, KbError> {
    let rows = tsv::rows(OFFICES, text, &["of", "role", "implies"])?;
    let mut out = Offices::new();
    for Row { line, fields: f } in rows {
        if !is_of(f[0]) {
            return Err(KbError::invalid(
                OFFICES,
                line,
                format!(
                    "unknown country or organisation code '{}' in column 'of'",
                    f[0]
                ),
            ));
        }
        check_key(OFFICES, line, f[1])?;
        let implies = tsv::list(f[2]);
        for k in &implies {
            check_key(OFFICES, line, k)?;
        }
        if out
            .insert((f[0].to_string(), f[1].to_string()), implies)
            .is_some()
        {
            return Err(KbError::invalid(
                OFFICES,
                line,
                format!("duplicate office '{}' '{}'", f[0], f[1]),
            ));
        }
    }
    Ok(out)
}

fn check_key(file: &str, line: usize, key: &str) -> Result<(), KbError> {
    let ok = !key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
    if !ok {
        return Err(KbError::invalid(
            file,
            line,
            format!("bad role key '{key}' (expected lower_snake_case)"),
        ));
    }
    Ok(())
}

fn parse_people(text: &str, iso3: &HashSet<&str>) -> Result<Vec<Person>, KbError> {
    let rows = tsv::rows(PEOPLE, text, &["id", "name", "country", "aliases"])?;
    let mut ids = Ids::new(PEOPLE);
    let mut out = Vec::with_capacity(rows.len());
    for Row { line, fields: f } in rows {
        ids.add(f[0], line)?;
        check_prefix(PEOPLE, line, f[0], "person:")?;
        if f[1].is_empty() {
            return Err(KbError::invalid(PEOPLE, line, "name must not be empty"));
        }
        check_country(PEOPLE, line, "country", f[2], iso3)?;
        out.push(Person {
            id: f[0].into(),
            name: f[1].into(),
            country: f[2].into(),
            aliases: tsv::list(f[3]),
            roles: Vec::new(),
        });
    }
    Ok(out)
}

/// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, with an optional trailing `~`. Partial dates take
/// the first day of the period (`last == false`) or the last (`last == true`). Returns the date
/// and whether it is approximate.
pub(crate) fn parse_date(s: &str, last: bool) -> Option<(NaiveDate, bool)> {
    let (s, tilde) = match s.strip_suffix('~') {
        Some(rest) => (rest, true),
        None => (s, false),
    };
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| -> Option<u32> {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let year = i32::try_from(num(parts.first()?, 4)?).ok()?;
    match parts.len() {
        1 => {
            let d = if last {
                NaiveDate::from_ymd_opt(year, 12, 31)
            } else {
                NaiveDate::from_ymd_opt(year, 1, 1)
            };
            Some((d?, true))
        }
        2 => {
            let month = num(parts[1], 2)?;
            let first = NaiveDate::from_ymd_opt(year, month, 1)?;
            if !last {
                return Some((first, true));
            }
            let next = if month == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(year, month + 1, 1)?
            };
            Some((next.pred_opt()?, true))
        }
        3 => {
            let d = NaiveDate::from_ymd_opt(year, num(parts[1], 2)?, num(parts[2], 2)?)?;
            debug_assert!(d.year() == year);
            Some((d, tilde))
        }
        _ => None,
    }
}

fn date_field(
    file: &str,
    line: usize,
    column: &str,
    value: &str,
    last: bool,
) -> Result<(NaiveDate, bool), KbError> {
    parse_date(value, last).ok_or_else(|| {
        KbError::invalid(
            file,
            line,
            format!("bad date '{value}' in column '{column}' (expected YYYY-MM-DD, YYYY-MM or YYYY, optionally followed by '~')"),
        )
    })
}

fn parse_roles(
    text: &str,
    people: &mut [Person],
    offices: &Offices,
    is_of: &dyn Fn(&str) -> bool,
) -> Result<(), KbError> {
    let rows = tsv::rows(
        ROLES,
        text,
        &["person", "role", "title", "of", "start", "end"],
    )?;
    let index: HashMap<String, usize> = people
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.clone(), i))
        .collect();
    for Row { line, fields: f } in rows {
        let Some(&pi) = index.get(f[0]) else {
            return Err(KbError::invalid(
                ROLES,
                line,
                format!("unknown person '{}'", f[0]),
            ));
        };
        check_key(ROLES, line, f[1])?;
        if f[2].is_empty() {
            return Err(KbError::invalid(ROLES, line, "title must not be empty"));
        }
        if !is_of(f[3]) {
            return Err(KbError::invalid(
                ROLES,
                line,
                format!(
                    "unknown country or organisation code '{}' in column 'of'",
                    f[3]
                ),
            ));
        }
        let (start, approx_start) = date_field(ROLES, line, "start", f[4], false)?;
        let (end, approx_end) = if f[5].is_empty() {
            (None, false)
        } else {
            let (d, a) = date_field(ROLES, line, "end", f[5], true)?;
            (Some(d), a)
        };
        if let Some(e) = end {
            if e < start {
                return Err(KbError::invalid(
                    ROLES,
                    line,
                    format!("end {e} is before start {start}"),
                ));
            }
        }
        let implies = offices
            .get(&(f[3].to_string(), f[1].to_string()))
            .cloned()
            .unwrap_or_default();
        people[pi].roles.push(Role {
            key: f[1].into(),
            title: f[2].into(),
            country: f[3].into(),
            start,
            end,
            approximate: approx_start || approx_end,
            implies,
        });
    }
    Ok(())
}

fn parse_titles(text: &str, is_of: &dyn Fn(&str) -> bool) -> Result<Vec<Title>, KbError> {
    let rows = tsv::rows(TITLES, text, &["id", "form", "role", "scope", "variant"])?;
    let mut ids = Ids::new(TITLES);
    let mut out = Vec::with_capacity(rows.len());
    for Row { line, fields: f } in rows {
        ids.add(f[0], line)?;
        check_prefix(TITLES, line, f[0], "title:")?;
        if f[1].is_empty() {
            return Err(KbError::invalid(TITLES, line, "form must not be empty"));
        }
        check_key(TITLES, line, f[2])?;
        if !f[3].is_empty() && !is_of(f[3]) {
            return Err(KbError::invalid(
                TITLES,
                line,
                format!(
                    "unknown country or organisation code '{}' in column 'scope'",
                    f[3]
                ),
            ));
        }
        if !matches!(f[4], "standard" | "informal" | "abbreviation" | "spun") {
            return Err(KbError::invalid(
                TITLES,
                line,
                format!(
                    "bad variant '{}' (expected standard, informal, abbreviation or spun)",
                    f[4]
                ),
            ));
        }
        out.push(Title {
            id: f[0].into(),
            form: f[1].into(),
            role: f[2].into(),
            scope: (!f[3].is_empty()).then(|| f[3].to_string()),
            variant: f[4].into(),
        });
    }
    Ok(out)
}

fn coord(file: &str, line: usize, column: &str, value: &str, limit: f64) -> Result<f64, KbError> {
    match value.parse::<f64>() {
        Ok(v) if v.abs() <= limit => Ok(v),
        _ => Err(KbError::invalid(
            file,
            line,
            format!("bad coordinate '{value}' in column '{column}'"),
        )),
    }
}

fn parse_places(text: &str, out: &mut Vec<Place>) -> Result<(), KbError> {
    let header = [
        "geonameid",
        "name",
        "ascii",
        "alternates",
        "country",
        "lat",
        "lon",
        "population",
    ];
    let rows = tsv::rows(PLACES, text, &header)?;
    let mut ids = Ids::new(PLACES);
    out.reserve(rows.len());
    for Row { line, fields: f } in rows {
        ids.add(f[0], line)?;
        if !f[0].bytes().all(|b| b.is_ascii_digit()) {
            return Err(KbError::invalid(
                PLACES,
                line,
                format!("bad geonameid '{}'", f[0]),
            ));
        }
        if !is_code(f[4], 3) {
            return Err(KbError::invalid(
                PLACES,
                line,
                format!("bad country code '{}'", f[4]),
            ));
        }
        let population = f[7]
            .parse::<u64>()
            .map_err(|_| KbError::invalid(PLACES, line, format!("bad population '{}'", f[7])))?;
        let mut aliases = Vec::new();
        if !f[2].is_empty() {
            aliases.push(f[2].to_string());
        }
        aliases.extend(tsv::list(f[3]));
        out.push(Place {
            id: format!("geonames:{}", f[0]),
            name: f[1].into(),
            aliases,
            country: f[4].into(),
            lat: coord(PLACES, line, "lat", f[5], 90.0)?,
            lon: coord(PLACES, line, "lon", f[6], 180.0)?,
            population,
            kind: PlaceKind::City,
            category: "city".into(),
        });
    }
    Ok(())
}

fn parse_landmarks(text: &str, iso3: &HashSet<&str>, out: &mut Vec<Place>) -> Result<(), KbError> {
    let header = ["id", "name", "aliases", "country", "lat", "lon", "category"];
    let rows = tsv::rows(LANDMARKS, text, &header)?;
    let mut ids = Ids::new(LANDMARKS);
    for Row { line, fields: f } in rows {
        ids.add(f[0], line)?;
        check_prefix(LANDMARKS, line, f[0], "landmark:")?;
        if !f[3].is_empty() {
            check_country(LANDMARKS, line, "country", f[3], iso3)?;
        }
        if !matches!(
            f[6],
            "venue" | "government_building" | "military_site" | "airport" | "border" | "region"
        ) {
            return Err(KbError::invalid(
                LANDMARKS,
                line,
                format!("bad category '{}'", f[6]),
            ));
        }
        out.push(Place {
            id: f[0].into(),
            name: f[1].into(),
            aliases: tsv::list(f[2]),
            country: f[3].into(),
            lat: coord(LANDMARKS, line, "lat", f[4], 90.0)?,
            lon: coord(LANDMARKS, line, "lon", f[5], 180.0)?,
            population: 0,
            kind: PlaceKind::Landmark,
            category: f[6].into(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn parses_dates() {
        let cases = [
            ("2019-06-01", false, Some((d(2019, 6, 1), false))),
            ("2019-06-01~", false, Some((d(2019, 6, 1), true))),
            ("2019-06", false, Some((d(2019, 6, 1), true))),
            ("2019-06", true, Some((d(2019, 6, 30), true))),
            ("2020-02", true, Some((d(2020, 2, 29), true))),
            ("2019-12", true, Some((d(2019, 12, 31), true))),
            ("2019", true, Some((d(2019, 12, 31), true))),
            ("2019", false, Some((d(2019, 1, 1), true))),
            ("2019-13-01", false, None),
            ("2019-02-30", false, None),
            ("19-01-01", false, None),
            ("2019-1-01", false, None),
            ("", false, None),
            ("2019-06-01-02", false, None),
        ];
        for (input, last, want) in cases {
            assert_eq!(parse_date(input, last), want, "{input}");
        }
    }
}

//! Every event record of the sample corpus checked field by field against docs/schema.md.

mod util;

use regex::Regex;
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use util::Sandbox;

const TYPES: [&str; 16] = [
    "CONSULT",
    "AGREE",
    "COOPERATE",
    "AID",
    "SUPPORT",
    "CONCEDE",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];
const STATUSES: [&str; 6] = [
    "occurred",
    "ongoing",
    "planned",
    "speculated",
    "cancelled",
    "denied",
];
const MODES: [&str; 5] = ["visit", "host", "third-party", "multilateral", "phone"];
const PRECISIONS: [&str; 8] = [
    "day", "week", "month", "quarter", "half", "season", "year", "decade",
];
const ACTOR_KINDS: [&str; 3] = ["person", "state", "organization"];
const SIDES: [&str; 5] = ["source", "target", "guest", "host", "participant"];
const TOP_FIELDS: [&str; 13] = [
    "id",
    "type",
    "mode",
    "kind",
    "cameo",
    "status",
    "participants",
    "countries",
    "orgs",
    "date",
    "location",
    "sources",
    "confidence",
];

fn keys(o: &Map<String, Value>) -> BTreeSet<&str> {
    o.keys().map(String::as_str).collect()
}

fn set(names: &[&'static str]) -> BTreeSet<&'static str> {
    names.iter().copied().collect()
}

fn obj<'a>(v: &'a Value, what: &str) -> &'a Map<String, Value> {
    v.as_object()
        .unwrap_or_else(|| panic!("{what} is not an object: {v}"))
}

fn string<'a>(v: &'a Value, what: &str) -> &'a str {
    v.as_str()
        .unwrap_or_else(|| panic!("{what} is not a string: {v}"))
}

fn opt_string<'a>(v: &'a Value, what: &str) -> Option<&'a str> {
    if v.is_null() {
        None
    } else {
        Some(string(v, what))
    }
}

fn country_code(c: &str, what: &str, errs: &mut Vec<String>) {
    if !(c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())) {
        errs.push(format!("{what}: {c:?} is not an upper-case alpha-3 code"));
    }
}

fn iso_date(s: &str, what: &str, errs: &mut Vec<String>) -> Option<chrono::NaiveDate> {
    let d = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|_| s.len() == 10);
    if d.is_none() {
        errs.push(format!("{what}: {s:?} is not an ISO date YYYY-MM-DD"));
    }
    d
}

/// Records a violation instead of stopping at the first one.
macro_rules! check {
    ($errs:expr, $cond:expr, $($fmt:tt)+) => {
        if !$cond {
            $errs.push(format!($($fmt)+));
        }
    };
}

/// Records a violation when the two sides differ.
macro_rules! check_eq {
    ($errs:expr, $a:expr, $b:expr, $($fmt:tt)+) => {
        if $a != $b {
            $errs.push(format!("{}: {:?} != {:?}", format!($($fmt)+), $a, $b));
        }
    };
}

/// Checks one record, pushing a message naming the event for each violation.
fn check_record(ev: &Value, id_re: &Regex, cameo_re: &Regex, errs: &mut Vec<String>) {
    let o = obj(ev, "record");
    let id = string(&o["id"], "id");
    let ctx = format!("event {id}");
    check_eq!(errs, keys(o), set(&TOP_FIELDS), "{ctx}: top-level fields");
    check!(
        errs,
        id_re.is_match(id),
        "{ctx}: id does not match ^ev-[0-9a-f]{{16}}$"
    );

    let ty = string(&o["type"], "type");
    check!(errs, TYPES.contains(&ty), "{ctx}: type {ty:?}");
    let status = string(&o["status"], "status");
    check!(errs, STATUSES.contains(&status), "{ctx}: status {status:?}");
    match opt_string(&o["mode"], "mode") {
        None => {}
        Some(m) => {
            check!(errs, MODES.contains(&m), "{ctx}: mode {m:?}");
            check_eq!(
                errs,
                ty,
                "CONSULT",
                "{ctx}: mode {m:?} on a non-CONSULT event"
            );
        }
    }
    let kind = string(&o["kind"], "kind");
    check!(errs, !kind.is_empty(), "{ctx}: empty kind");
    let cameo = string(&o["cameo"], "cameo");
    check!(errs, cameo_re.is_match(cameo), "{ctx}: cameo {cameo:?}");

    // participants
    let parts = o["participants"]
        .as_array()
        .unwrap_or_else(|| panic!("{ctx}: participants is not an array"));
    check!(errs, !parts.is_empty(), "{ctx}: no participants");
    for p in parts {
        let p = obj(p, "participant");
        check_eq!(
            errs,
            keys(p),
            set(&["actor", "name", "kind", "country", "role"]),
            "{ctx}: participant fields"
        );
        let actor = string(&p["actor"], "participants[].actor");
        check!(
            errs,
            ["state:", "org:", "person:", "role:"]
                .iter()
                .any(|pre| actor.starts_with(pre) && actor.len() > pre.len()),
            "{ctx}: actor id {actor:?}"
        );
        check!(
            errs,
            !string(&p["name"], "participants[].name").is_empty(),
            "{ctx}: empty name"
        );
        let k = string(&p["kind"], "participants[].kind");
        check!(
            errs,
            ACTOR_KINDS.contains(&k),
            "{ctx}: participant kind {k:?}"
        );
        if let Some(c) = opt_string(&p["country"], "participants[].country") {
            country_code(c, &format!("{ctx}: participants[].country"), errs);
        }
        if let Some(role) = opt_string(&p["role"], "participants[].role") {
            let side = role.split(' ').next().unwrap_or("");
            check!(
                errs,
                SIDES.contains(&side),
                "{ctx}: role {role:?} starts with no side"
            );
        }
    }

    // countries and orgs: sorted, unique
    for field in ["countries", "orgs"] {
        let list: Vec<&str> = o[field]
            .as_array()
            .unwrap_or_else(|| panic!("{ctx}: {field} is not an array"))
            .iter()
            .map(|c| string(c, field))
            .collect();
        let mut sorted = list.clone();
        sorted.sort_unstable();
        sorted.dedup();
        check_eq!(errs, list, sorted, "{ctx}: {field} not sorted and unique");
        for c in &list {
            if field == "countries" {
                country_code(c, &format!("{ctx}: countries"), errs);
            } else {
                check!(errs, !c.is_empty(), "{ctx}: empty org code");
            }
        }
    }

    // date
    if !o["date"].is_null() {
        let d = obj(&o["date"], "date");
        check_eq!(
            errs,
            keys(d),
            set(&["start", "end", "precision", "text"]),
            "{ctx}: date fields"
        );
        let start = iso_date(string(&d["start"], "date.start"), &ctx, errs);
        let end = iso_date(string(&d["end"], "date.end"), &ctx, errs);
        if let (Some(start), Some(end)) = (start, end) {
            check!(
                errs,
                start <= end,
                "{ctx}: date.start {start} after date.end {end}"
            );
        }
        let p = string(&d["precision"], "date.precision");
        check!(errs, PRECISIONS.contains(&p), "{ctx}: precision {p:?}");
        opt_string(&d["text"], "date.text");
    }

    // location
    if !o["location"].is_null() {
        let l = obj(&o["location"], "location");
        check_eq!(
            errs,
            keys(l),
            set(&["name", "country", "lat", "lon"]),
            "{ctx}: location fields"
        );
        check!(
            errs,
            !string(&l["name"], "location.name").is_empty(),
            "{ctx}: empty place name"
        );
        if let Some(c) = opt_string(&l["country"], "location.country") {
            country_code(c, &format!("{ctx}: location.country"), errs);
        }
        for (f, lim) in [("lat", 90.0), ("lon", 180.0)] {
            if !l[f].is_null() {
                let x = l[f]
                    .as_f64()
                    .unwrap_or_else(|| panic!("{ctx}: location.{f} is not a number"));
                check!(errs, (-lim..=lim).contains(&x), "{ctx}: location.{f} = {x}");
            }
        }
    }

    // sources
    let sources = o["sources"]
        .as_array()
        .unwrap_or_else(|| panic!("{ctx}: sources is not an array"));
    check!(errs, !sources.is_empty(), "{ctx}: no sources");
    for s in sources {
        let s = obj(s, "source");
        check_eq!(
            errs,
            keys(s),
            set(&["doc", "sentence", "text", "start", "end", "published"]),
            "{ctx}: source fields"
        );
        check!(
            errs,
            !string(&s["doc"], "sources[].doc").is_empty(),
            "{ctx}: empty doc"
        );
        check!(
            errs,
            s["sentence"].is_u64(),
            "{ctx}: sentence is not an index"
        );
        check!(
            errs,
            !string(&s["text"], "sources[].text").is_empty(),
            "{ctx}: empty text"
        );
        let start = s["start"]
            .as_u64()
            .unwrap_or_else(|| panic!("{ctx}: sources[].start is not an offset"));
        let end = s["end"]
            .as_u64()
            .unwrap_or_else(|| panic!("{ctx}: sources[].end is not an offset"));
        check!(
            errs,
            start <= end,
            "{ctx}: source start {start} > end {end}"
        );
        if let Some(p) = opt_string(&s["published"], "sources[].published") {
            iso_date(p, &ctx, errs);
        }
    }

    let conf = o["confidence"]
        .as_f64()
        .unwrap_or_else(|| panic!("{ctx}: confidence is not a number"));
    check!(
        errs,
        (0.0..=1.0).contains(&conf),
        "{ctx}: confidence {conf}"
    );
}

fn regexes() -> (Regex, Regex) {
    (
        Regex::new("^ev-[0-9a-f]{16}$").expect("regex"),
        Regex::new("^[0-9]{2,3}$").expect("regex"),
    )
}

/// A sandbox holding the sample corpus, and its events as JSON Lines.
fn sample() -> (Sandbox, Vec<Value>) {
    let sb = Sandbox::new();
    sb.ingest(&[util::news()]).ok();
    let events = sb.events();
    assert!(!events.is_empty(), "the sample corpus gave no events");
    (sb, events)
}

#[test]
fn every_jsonl_record_matches_the_documented_schema() {
    let (_sb, events) = sample();
    let (id_re, cameo_re) = regexes();
    let mut errs = Vec::new();
    let mut ids = BTreeSet::new();
    for ev in &events {
        check_record(ev, &id_re, &cameo_re, &mut errs);
        let id = ev["id"].as_str().unwrap_or_default().to_string();
        check!(errs, ids.insert(id.clone()), "duplicate event id {id}");
    }
    assert!(
        errs.is_empty(),
        "{} schema violation(s) in {} records:\n{}",
        errs.len(),
        events.len(),
        errs.join("\n")
    );
}

#[test]
fn json_format_is_an_array_of_the_same_records() {
    let (sb, events) = sample();
    let arr = sb.run(&["events", "--format", "json"]).ok().json();
    let arr = arr.as_array().expect("--format json prints an array");
    assert_eq!(arr, &events, "--format json and jsonl disagree");
}

#[test]
fn csv_format_has_a_header_and_a_row_per_event() {
    let (sb, events) = sample();
    let out = sb.run(&["events", "--format", "csv"]).ok().stdout;
    let mut rdr = csv::Reader::from_reader(out.as_bytes());
    let header = rdr.headers().expect("csv header").clone();
    for col in ["ID", "TYPE", "STATUS"] {
        assert!(
            header.iter().any(|h| h == col),
            "csv header {header:?} lacks {col}"
        );
    }
    let mut rows = 0;
    for r in rdr.records() {
        r.expect("csv row");
        rows += 1;
    }
    assert_eq!(rows, events.len(), "one csv row per event");
}

#[test]
fn show_json_prints_one_record() {
    let (sb, events) = sample();
    let (id_re, cameo_re) = regexes();
    let id = events[0]["id"].as_str().expect("id");
    let shown = sb.run(&["show", id, "--format", "json"]).ok().json();
    assert!(
        shown.is_object(),
        "docs/schema.md: `entente show ID --format json` prints one record (an object), got: {}",
        &shown.to_string().chars().take(80).collect::<String>()
    );
    let mut errs = Vec::new();
    check_record(&shown, &id_re, &cameo_re, &mut errs);
    assert!(errs.is_empty(), "show --format json: {errs:?}");
    assert_eq!(&shown, &events[0], "show and events disagree");
}

//! Loader errors: a malformed row is reported as `file:line: message`.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use entente_kb::{Kb, KbError};

const STATES: &str = "id\tiso3\tiso2\tstatus\tname\tforms\tadjectives\tcombining\tcapital\tmetonyms\tcontextual\tambiguous
state:kor\tKOR\tKR\tun_member\tSouth Korea\tROK|Korea\tSouth Korean\t\tSeoul\tBlue House\tthe South\tKorea
state:prk\tPRK\tKP\tun_member\tNorth Korea\tDPRK\tNorth Korean\t\tPyongyang\t\tthe North\t
";
const ORGS: &str = "id\tcode\tname\taliases\tkind\tparent\tmembers\tambiguous
org:un\tUN\tUnited Nations\tUN\tintergovernmental\t\t\t
";
const PEOPLE: &str = "# people
id\tname\tcountry\taliases
person:moon-jae-in\tMoon Jae-in\tKOR\tMoon|President Moon
";
const ROLES: &str = "person\trole\ttitle\tof\tstart\tend
person:moon-jae-in\tpresident\tPresident\tKOR\t2017-05-10\t2022-05-09
";
const OFFICES: &str = "of\trole\timplies\nKOR\tpresident\thead_of_state\n";
const TITLES: &str =
    "id\tform\trole\tscope\tvariant\ntitle:president\tPresident\tpresident\t\tstandard\n";

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// Writes a small knowledge base with `file` replaced by `contents` and loads it.
fn load_with(file: &str, contents: &str) -> Result<Kb, KbError> {
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let dir: PathBuf =
        std::env::temp_dir().join(format!("entente-kb-test-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let files = [
        ("states.tsv", STATES),
        ("organisations.tsv", ORGS),
        ("people.tsv", PEOPLE),
        ("roles.tsv", ROLES),
        ("offices.tsv", OFFICES),
        ("titles.tsv", TITLES),
    ];
    for (name, text) in files {
        let text = if name == file { contents } else { text };
        std::fs::write(dir.join(name), text).unwrap();
    }
    let kb = Kb::load(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
    kb
}

#[test]
fn small_knowledge_base_loads() {
    let kb = load_with("", "").unwrap();
    assert_eq!(kb.states.len(), 2);
    assert!(kb.places.is_empty());
    let day = chrono::NaiveDate::from_ymd_opt(2018, 4, 27).unwrap();
    assert_eq!(kb.holders("head_of_state", "KOR", day).len(), 1);
    let gaz = kb.gazetteer();
    assert_eq!(gaz.find("President Moon met the North").len(), 2);
}

#[test]
fn malformed_rows_name_file_and_line() {
    let bad_roles = |row: &str| format!("person\trole\ttitle\tof\tstart\tend\n{row}\n");
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "roles.tsv",
            bad_roles("person:moon-jae-in\tpresident\tPresident\tKOR\t2017-13-10\t"),
            "roles.tsv:2: bad date '2017-13-10' in column 'start'",
        ),
        (
            "roles.tsv",
            bad_roles("person:moon-jae-in\tpresident\tPresident\tKOR\t2017-05-10"),
            "roles.tsv:2: expected 6 columns, found 5",
        ),
        (
            "roles.tsv",
            bad_roles("person:moon-jae-in\tpresident\tPresident\tXYZ\t2017-05-10\t"),
            "roles.tsv:2: unknown country or organisation code 'XYZ' in column 'of'",
        ),
        (
            "roles.tsv",
            bad_roles("person:nobody\tpresident\tPresident\tKOR\t2017-05-10\t"),
            "roles.tsv:2: unknown person 'person:nobody'",
        ),
        (
            "roles.tsv",
            bad_roles("person:moon-jae-in\tpresident\tPresident\tKOR\t2017-05-10\t2016-01-01"),
            "roles.tsv:2: end 2016-01-01 is before start 2017-05-10",
        ),
        (
            "people.tsv",
            format!("{PEOPLE}person:moon-jae-in\tMoon\tKOR\t\n"),
            "people.tsv:4: duplicate id 'person:moon-jae-in' (first at line 3)",
        ),
        (
            "people.tsv",
            format!("{PEOPLE}person:x\tX\tZZZ\t\n"),
            "people.tsv:4: unknown country code 'ZZZ' in column 'country'",
        ),
        (
            "states.tsv",
            format!("{STATES}state:jpn\tJPN\tJP\tun_member\tJapan\t\t\tJapano\tTokyo\t\t\t\n"),
            "states.tsv:4: combining form 'Japano' must end with '-'",
        ),
        (
            "states.tsv",
            format!("{STATES}state:jpn\tJPN\tJP\tun_member\tJapan\t\t\t\tTokyo\t\t\tNippon\n"),
            "states.tsv:4: ambiguous form 'Nippon' is not listed in another column",
        ),
        (
            "organisations.tsv",
            format!("{ORGS}org:x\tKOR\tX\t\tforum\t\t\t\n"),
            "organisations.tsv:3: code 'KOR' is also a country code",
        ),
        (
            "organisations.tsv",
            format!("{ORGS}org:g2\tG2\tG2\t\tforum\t\tKOR|XXX\t\n"),
            "organisations.tsv:3: unknown country code 'XXX' in column 'members'",
        ),
        (
            "titles.tsv",
            format!("{TITLES}title:x\tX\tBad Key\t\tstandard\n"),
            "titles.tsv:3: bad role key 'Bad Key' (expected lower_snake_case)",
        ),
        (
            "offices.tsv",
            "of\trole\n".to_string(),
            "offices.tsv:1: expected header",
        ),
    ];
    for (file, contents, want) in cases {
        let err = load_with(file, &contents)
            .err()
            .unwrap_or_else(|| panic!("{file} loaded: {contents}"));
        let msg = err.to_string();
        assert!(msg.starts_with(want), "got {msg:?}, want prefix {want:?}");
    }
}

#[test]
fn missing_file_names_the_path() {
    let dir = std::env::temp_dir().join(format!("entente-kb-missing-{}", std::process::id()));
    let err = Kb::load(&dir).err().unwrap();
    assert!(matches!(err, KbError::Io { .. }));
    assert!(err.to_string().contains("states.tsv"), "{err}");
}

//! Resolution of the tricky forms: people by date, titles with unknown names, titles without
//! names, joint actors, plural references, metonyms and contextual forms.

use chrono::NaiveDate;
use entente_doc::{Document, Published, PublishedFrom, Stage};
use entente_kb::Kb;
use entente_recognise::Recogniser;
use entente_segment::Segmenter;
use std::sync::{Arc, OnceLock};

fn recogniser() -> &'static Recogniser {
    static R: OnceLock<Recogniser> = OnceLock::new();
    R.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/kb");
        let kb = Kb::load(std::path::Path::new(dir)).expect("repository knowledge base loads");
        Recogniser::new(Arc::new(kb))
    })
}

/// `text`, published on `date`, segmented and recognised.
fn recognised(text: &str, date: &str) -> Document {
    let mut doc = Document {
        key: "t".into(),
        text: text.into(),
        body: text.into(),
        published: Some(Published {
            date: NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap(),
            datetime: None,
            from: PublishedFrom::CommandLine,
        }),
        ..Document::default()
    };
    Segmenter.run(&mut doc).unwrap();
    recogniser().run(&mut doc).unwrap();
    doc
}

/// (mention text, actor ids, form) for every mention of `text` published on `date`.
fn mentions(text: &str, date: &str) -> Vec<(String, Vec<String>, String)> {
    recognised(text, date)
        .mentions
        .iter()
        .map(|m| {
            (
                text[m.span.range()].to_string(),
                m.actors.iter().map(|a| a.id.clone()).collect(),
                m.form.clone(),
            )
        })
        .collect()
}

fn ids_of(text: &str, date: &str, surface: &str) -> Vec<String> {
    mentions(text, date)
        .into_iter()
        .find(|(t, _, _)| t == surface)
        .map(|(_, ids, _)| ids)
        .unwrap_or_else(|| panic!("no mention '{surface}' in {:?}", mentions(text, date)))
}

fn role_of(text: &str, date: &str, surface: &str) -> Option<String> {
    recognised(text, date)
        .mentions
        .iter()
        .find(|m| &text[m.span.range()] == surface)
        .and_then(|m| m.actors.first())
        .and_then(|a| a.role.clone())
}

#[test]
fn people_resolve_to_their_role_on_the_day() {
    let t = "South Korean President Moon Jae-in met Kim Jong Un.";
    assert_eq!(
        ids_of(t, "2018-04-27", "South Korean President Moon Jae-in"),
        ["person:moon-jae-in"]
    );
    assert_eq!(
        role_of(t, "2018-04-27", "South Korean President Moon Jae-in").as_deref(),
        Some("president")
    );
    // The same name before he took office holds no presidency.
    assert_ne!(
        role_of("Moon Jae-in spoke.", "2015-01-05", "Moon Jae-in").as_deref(),
        Some("president")
    );
}

#[test]
fn a_bare_surname_goes_to_the_person_named_in_full() {
    let t = "Kim Jong Un arrived in Hanoi. Kim then met Trump.";
    assert_eq!(ids_of(t, "2019-02-27", "Kim"), ["person:kim-jong-un"]);
}

#[test]
fn a_capitalised_surname_alone_names_its_one_holder() {
    let cases = [
        (
            "Obama said he would not go.",
            "Obama",
            Some("person:barack-obama"),
        ),
        ("Putin met Xi.", "Putin", Some("person:vladimir-putin")),
    ];
    for (t, surface, want) in cases {
        let got = mentions(t, "2012-05-01")
            .into_iter()
            .find(|(s, _, _)| s == surface)
            .and_then(|(_, ids, _)| ids.first().cloned());
        assert_eq!(got.as_deref(), want, "{t}");
    }
    // An article before it makes it a word.
    assert!(!mentions("They watched the Moon rise.", "2019-01-01")
        .iter()
        .any(|(s, _, _)| s == "Moon"));
}

#[test]
fn unknown_names_after_titles_still_yield_an_actor() {
    let t = "Russian Deputy Foreign Minister Ivan Petrovsky held talks in Seoul.";
    let m = mentions(t, "2019-03-01");
    let (_, ids, form) = m
        .iter()
        .find(|(s, _, _)| s.contains("Ivan Petrovsky"))
        .expect("a mention for the unknown deputy minister");
    assert_eq!(form, "title+unknown");
    assert_eq!(ids.len(), 1);
    assert!(ids[0].starts_with("role:rus:"), "{ids:?}");
    assert!(ids[0].ends_with(":ivan-petrovsky"), "{ids:?}");
}

#[test]
fn joint_actors_resolve_to_member_states() {
    let cases = [
        (
            "The China-Japan-South Korea summit opened.",
            "China-Japan-South Korea summit",
            &["state:chn", "state:jpn", "state:kor"][..],
        ),
        (
            "The US-Japan-Australia-India group met.",
            "US-Japan-Australia-India",
            &["state:usa", "state:jpn", "state:aus", "state:ind"][..],
        ),
        (
            "Sino-Japanese ties improved.",
            "Sino-Japanese",
            &["state:chn", "state:jpn"][..],
        ),
        (
            "Russia-DPRK relations deepened.",
            "Russia-DPRK",
            &["state:rus", "state:prk"][..],
        ),
        (
            "The U.S.-Philippine alliance held.",
            "U.S.-Philippine",
            &["state:usa", "state:phl"][..],
        ),
        (
            "The inter-Korean summit began.",
            "inter-Korean",
            &["state:kor", "state:prk"][..],
        ),
        (
            "Kim and Moon met. The two Koreas agreed.",
            "The two Koreas",
            &["state:kor", "state:prk"][..],
        ),
        (
            "The Quad met in Tokyo.",
            "The Quad",
            &[
                "org:quad",
                "state:aus",
                "state:ind",
                "state:jpn",
                "state:usa",
            ][..],
        ),
        (
            "North and South Korea held a ceremony.",
            "North and South Korea",
            &["state:kor", "state:prk"][..],
        ),
    ];
    for (text, surface, want) in cases {
        let mut got = ids_of(text, "2019-01-01", surface);
        let mut want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn plural_references_resolve_to_participants_in_context() {
    let t = "Moon Jae-in and Kim Jong Un embraced. The two leaders then walked together.";
    let mut ids = ids_of(t, "2018-04-27", "The two leaders");
    ids.sort();
    assert_eq!(ids, ["person:kim-jong-un", "person:moon-jae-in"]);
    let t = "Japan, India, Australia and the United States met. The four countries agreed.";
    assert_eq!(ids_of(t, "2021-03-12", "The four countries").len(), 4);
    let t = "Seoul and Tokyo traded barbs. Both governments later softened.";
    let mut ids = ids_of(t, "2019-08-01", "Both governments");
    ids.sort();
    assert_eq!(ids, ["state:jpn", "state:kor"]);
}

#[test]
fn metonyms_and_short_forms() {
    let t = "Pyongyang fired back at the White House, and the Kremlin stayed silent. The DPRK and the ROK talked.";
    assert_eq!(ids_of(t, "2019-01-01", "Pyongyang"), ["state:prk"]);
    assert_eq!(ids_of(t, "2019-01-01", "the White House"), ["state:usa"]);
    assert_eq!(ids_of(t, "2019-01-01", "the Kremlin"), ["state:rus"]);
    assert_eq!(ids_of(t, "2019-01-01", "DPRK"), ["state:prk"]);
    assert_eq!(ids_of(t, "2019-01-01", "ROK"), ["state:kor"]);
}

#[test]
fn titles_without_names_resolve_to_the_office_holder() {
    let t = "The Japanese foreign minister flew to Seoul.";
    let ids = ids_of(t, "2019-06-01", "Japanese foreign minister");
    assert_eq!(ids, ["person:taro-kono"]);
}

#[test]
fn object_pronouns_resolve_to_the_other_person() {
    let t = "Antony Blinken spoke by phone with Wang Yi and told him the flight was unacceptable.";
    assert_eq!(ids_of(t, "2023-02-04", "him"), ["person:wang-yi"]);
}

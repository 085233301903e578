//! Gazetteer behaviour on the real knowledge base: tricky state forms, case rules, people and
//! places.

use std::sync::OnceLock;

use entente_kb::{GazMatch, Gazetteer, Kb, PersonForm, StateForm, Target};

fn kb_and_gaz() -> &'static (Kb, Gazetteer) {
    static CELL: OnceLock<(Kb, Gazetteer)> = OnceLock::new();
    CELL.get_or_init(|| {
        let kb =
            Kb::load_default().unwrap_or_else(|e| panic!("knowledge base failed to load: {e}"));
        let gaz = kb.gazetteer();
        (kb, gaz)
    })
}

fn find(text: &str) -> Vec<GazMatch> {
    kb_and_gaz().1.find(text)
}

/// The matched strings of `text`.
fn spans(text: &str) -> Vec<&str> {
    find(text)
        .into_iter()
        .map(|m| &text[m.start..m.end])
        .collect()
}

/// The state codes each match refers to, in order.
fn states(text: &str) -> Vec<Vec<String>> {
    find(text)
        .into_iter()
        .map(|m| {
            m.targets
                .iter()
                .filter_map(|t| match t {
                    Target::State { iso3, .. } => Some(iso3.clone()),
                    _ => None,
                })
                .collect()
        })
        .collect()
}

fn state_form(text: &str, iso3: &str) -> Option<StateForm> {
    find(text)
        .into_iter()
        .flat_map(|m| m.targets)
        .find_map(|t| match t {
            Target::State { iso3: c, form } if c == iso3 => Some(form),
            _ => None,
        })
}

/// (text, matched spans, state codes of each match).
type StateCase = (
    &'static str,
    &'static [&'static str],
    &'static [&'static [&'static str]],
);

#[test]
fn tricky_state_forms() {
    let cases: &[StateCase] = &[
        ("the DPRK said", &["DPRK"], &[&["PRK"]]),
        ("ROK forces", &["ROK"], &[&["KOR"]]),
        (
            "the Sino-Japanese war",
            &["Sino-", "Japanese"],
            &[&["CHN"], &["JPN"]],
        ),
        (
            "U.S.-Philippine drills",
            &["U.S.", "Philippine"],
            &[&["USA"], &["PHL"]],
        ),
        (
            "Russia-DPRK treaty",
            &["Russia", "DPRK"],
            &[&["RUS"], &["PRK"]],
        ),
        (
            "the US-Japan-Australia-India grouping",
            &["US", "Japan", "Australia", "India"],
            &[&["USA"], &["JPN"], &["AUS"], &["IND"]],
        ),
        ("a North Korean missile", &["North Korean"], &[&["PRK"]]),
        ("South Korean troops", &["South Korean"], &[&["KOR"]]),
        ("North Koreans fled", &["North Koreans"], &[&["PRK"]]),
        ("N. Korea fired", &["N. Korea"], &[&["PRK"]]),
        (
            "the Democratic People's Republic of Korea",
            &["Democratic People's Republic of Korea"],
            &[&["PRK"]],
        ),
        (
            "PRC and ROC officials",
            &["PRC", "ROC"],
            &[&["CHN"], &["TWN"]],
        ),
        ("mainland China", &["mainland China"], &[&["CHN"]]),
        (
            "Türkiye, formerly Turkey",
            &["Türkiye", "Turkey"],
            &[&["TUR"], &["TUR"]],
        ),
        (
            "Côte d’Ivoire and Ivory Coast",
            &["Côte d’Ivoire", "Ivory Coast"],
            &[&["CIV"], &["CIV"]],
        ),
        (
            "Myanmar, also called Burma",
            &["Myanmar", "Burma"],
            &[&["MMR"], &["MMR"]],
        ),
        (
            "Eswatini (Swaziland)",
            &["Eswatini", "Swaziland"],
            &[&["SWZ"], &["SWZ"]],
        ),
        (
            "North Macedonia, once Macedonia",
            &["North Macedonia", "Macedonia"],
            &[&["MKD"], &["MKD"]],
        ),
        (
            "the U.K. and Great Britain",
            &["U.K.", "Great Britain"],
            &[&["GBR"], &["GBR"]],
        ),
        (
            "the United States and America",
            &["the United States", "America"],
            &[&["USA"], &["USA"]],
        ),
        (
            "the Russian Federation",
            &["Russian Federation"],
            &[&["RUS"]],
        ),
        ("NORTH KOREA LAUNCHES", &["NORTH KOREA"], &[&["PRK"]]),
        (
            "Anglo-French talks",
            &["Anglo-", "French"],
            &[&["GBR"], &["FRA"]],
        ),
        ("Czechia", &["Czechia"], &[&["CZE"]]),
    ];
    for (text, want_spans, want_states) in cases {
        assert_eq!(spans(text), *want_spans, "spans of {text:?}");
        let got = states(text);
        let want: Vec<Vec<String>> = want_states
            .iter()
            .map(|v| v.iter().map(|s| s.to_string()).collect())
            .collect();
        assert_eq!(got, want, "states of {text:?}");
    }
}

#[test]
fn metonyms_and_capitals() {
    let cases = [
        ("the Kremlin said", "RUS", StateForm::Metonym),
        ("The White House said", "USA", StateForm::Metonym),
        ("Pyongyang said", "PRK", StateForm::Capital),
        ("Zhongnanhai", "CHN", StateForm::Metonym),
        ("the Blue House", "KOR", StateForm::Metonym),
        ("Cheong Wa Dae", "KOR", StateForm::Metonym),
        ("Yongsan", "KOR", StateForm::Metonym),
        ("Kasumigaseki", "JPN", StateForm::Metonym),
        ("Foggy Bottom", "USA", StateForm::Metonym),
        ("Downing Street", "GBR", StateForm::Metonym),
        ("the Élysée", "FRA", StateForm::Metonym),
        ("the Elysee", "FRA", StateForm::Metonym),
        ("Whitehall", "GBR", StateForm::Metonym),
        ("Berlin", "DEU", StateForm::Capital),
        ("Kyiv", "UKR", StateForm::Capital),
        ("Kiev", "UKR", StateForm::Metonym),
        ("Seoul", "KOR", StateForm::Capital),
        ("the North", "PRK", StateForm::Contextual),
        ("The South", "KOR", StateForm::Contextual),
        ("Sino-", "CHN", StateForm::Combining),
        ("Russo-Ukrainian", "RUS", StateForm::Combining),
    ];
    for (text, iso3, form) in cases {
        assert_eq!(state_form(text, iso3), Some(form), "{text:?}");
    }
    // Capitals are also places.
    let m = &find("talks in Pyongyang")[0];
    assert!(m.targets.iter().any(|t| matches!(t, Target::Place { .. })));
}

#[test]
fn north_korean_is_not_south_korean() {
    for text in ["North Korean", "north korean", "NORTH KOREAN", "N. Korean"] {
        let got = states(text);
        assert_eq!(got, [vec!["PRK".to_string()]], "{text:?}");
    }
    // Bare "Korean" is ambiguous between the two Koreas.
    let m = &find("the Korean side")[0];
    assert!(m.ambiguous);
    assert_eq!(
        states("the Korean side"),
        [vec!["PRK".to_string(), "KOR".to_string()]]
    );
}

#[test]
fn case_rules_for_ambiguous_forms() {
    // (text, expected matched spans)
    let cases: &[(&str, &[&str])] = &[
        ("Chad and Niger", &["Chad", "Niger"]),
        ("a hanging chad", &[]),
        ("the US said", &["US"]),
        ("let us go", &[]),
        ("Turkey said", &["Turkey"]),
        ("roast turkey", &[]),
        ("fine china", &[]),
        ("China said", &["China"]),
        ("Jordan and Georgia", &["Jordan", "Georgia"]),
        (
            "Dominica, not the Dominican Republic",
            &["Dominica", "Dominican Republic"],
        ),
        ("Guinea-Bissau and Guinea", &["Guinea-Bissau", "Guinea"]),
        ("Nigeria and Niger", &["Nigeria", "Niger"]),
        ("it may rain", &[]),
    ];
    for (text, want) in cases {
        assert_eq!(spans(text), *want, "{text:?}");
    }
    // Ambiguous forms are flagged.
    for text in [
        "Chad",
        "Turkey",
        "Georgia",
        "Jordan",
        "Guinea",
        "Niger",
        "Dominica",
        "Washington",
    ] {
        let m = find(text);
        assert!(m.first().is_some_and(|m| m.ambiguous), "{text} not flagged");
    }
    // Capitalised "China" and "US" are not ambiguous: the case rule already excludes "china" and
    // "us".
    for text in ["Japan", "China", "US"] {
        assert!(!find(text)[0].ambiguous, "{text}");
    }
}

#[test]
fn georgia_has_both_candidates() {
    let m = &find("Georgia")[0];
    let (kb, _) = kb_and_gaz();
    assert!(m
        .targets
        .iter()
        .any(|t| matches!(t, Target::State { iso3, .. } if iso3 == "GEO")));
    let us_state = m.targets.iter().any(|t| match t {
        Target::Place { idx } => kb.places[*idx].country == "USA",
        _ => false,
    });
    assert!(us_state, "{m:?}");
}

fn people(text: &str) -> Vec<(String, PersonForm)> {
    find(text)
        .into_iter()
        .flat_map(|m| m.targets)
        .filter_map(|t| match t {
            Target::Person { id, form } => Some((id, form)),
            _ => None,
        })
        .collect()
}

#[test]
fn people_and_surnames() {
    let may = people("Theresa May met Shinzo Abe");
    assert_eq!(
        may,
        [
            ("person:theresa-may".to_string(), PersonForm::FullName),
            ("person:shinzo-abe".to_string(), PersonForm::FullName)
        ]
    );
    assert!(people("talks may resume").is_empty());
    assert_eq!(
        people("May said"),
        [("person:theresa-may".to_string(), PersonForm::Surname)]
    );
    assert!(find("May said")[0].ambiguous);
    assert_eq!(
        people("President Moon"),
        [("person:moon-jae-in".to_string(), PersonForm::TitleAlias)]
    );
    assert_eq!(
        people("Moon Jae In"),
        [("person:moon-jae-in".to_string(), PersonForm::FullName)]
    );
    assert!(people("the moon landing").is_empty());
    // "Kim" is several people: all are candidates, and the match is ambiguous.
    let kim = find("Kim said");
    let ids: Vec<String> = people("Kim said").into_iter().map(|(id, _)| id).collect();
    assert!(
        ids.contains(&"person:kim-jong-un".to_string())
            && ids.contains(&"person:kim-yo-jong".to_string())
    );
    assert!(kim[0].ambiguous);
    assert_eq!(
        spans("Kim Jong Un and Kim Yo Jong"),
        ["Kim Jong Un", "Kim Yo Jong"]
    );
    assert_eq!(people("Wang Yi")[0].0, "person:wang-yi");
}

#[test]
fn organisations_and_titles() {
    let cases: &[(&str, &[&str])] = &[
        ("the UN Security Council", &["UN Security Council"]),
        ("the UN said", &["the UN"]),
        ("NATO and the EU", &["NATO", "the EU"]),
        ("the WHO said", &["WHO"]),
        ("who said", &[]),
        ("the Quad summit", &["the Quad"]),
        ("Quad leaders", &["Quad"]),
        ("a quad bike", &[]),
        ("AUKUS partners", &["AUKUS"]),
        (
            "Foreign Minister Choe Son Hui",
            &["Foreign Minister", "Choe Son Hui"],
        ),
        ("Foreign Minister Wang Yi", &["Foreign Minister Wang Yi"]),
        ("the foreign minister said", &["foreign minister"]),
        (
            "Exterior Secretary Blinken",
            &["Exterior Secretary", "Blinken"],
        ),
        (
            "Secretary of State Mike Pompeo",
            &["Secretary of State", "Mike Pompeo"],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(spans(text), *want, "{text:?}");
    }
    let title = find("Protection Minister")
        .into_iter()
        .flat_map(|m| m.targets)
        .next();
    assert_eq!(
        title,
        Some(Target::Title {
            role: "defence_minister".into(),
            title: "Protection Minister".into()
        })
    );
    let org = find("the Six-Party Talks")
        .into_iter()
        .flat_map(|m| m.targets)
        .next();
    assert_eq!(
        org,
        Some(Target::Org {
            code: "SIXPARTY".into()
        })
    );
}

#[test]
fn places_and_landmarks() {
    let (kb, _) = kb_and_gaz();
    let place_names = |text: &str| -> Vec<String> {
        find(text)
            .into_iter()
            .filter_map(|m| {
                m.targets.iter().find_map(|t| match t {
                    Target::Place { idx } => Some(kb.places[*idx].name.clone()),
                    _ => None,
                })
            })
            .collect()
    };
    assert_eq!(place_names("They met at Panmunjom"), ["Panmunjom"]);
    assert_eq!(place_names("in the Peace House"), ["Peace House"]);
    assert_eq!(
        place_names("at Camp David and Mar-a-Lago"),
        ["Camp David", "Mar-a-Lago"]
    );
    assert_eq!(
        place_names("the Capella Hotel in Sentosa"),
        ["Capella Hotel", "Sentosa"]
    );
    assert_eq!(place_names("the Indo-Pacific"), ["Indo-Pacific"]);
    assert_eq!(place_names("a summit in Hanoi"), ["Hanoi"]);
    assert_eq!(place_names("a summit in Da Nang"), ["Da Nang"]);
    assert_eq!(place_names("Vladivostok"), ["Vladivostok"]);
}

#[test]
fn offsets_are_char_boundaries() {
    let text = "Élysée, Türkiye, Côte d'Ivoire — 北朝鮮 Pyongyang";
    for m in find(text) {
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        assert!(!m.text(text).is_empty());
    }
    assert_eq!(
        spans(text),
        ["Élysée", "Türkiye", "Côte d'Ivoire", "Pyongyang"]
    );
    assert!(find("").is_empty());
}

#[test]
fn longer_invalid_match_does_not_hide_shorter() {
    // "Koreanness" ends inside a word; nothing matches. "Korea's" keeps "Korea".
    assert!(spans("Koreanness").is_empty());
    assert_eq!(spans("Korea's"), ["Korea"]);
    assert_eq!(spans("Japan-based"), ["Japan"]);
}

#[test]
fn common_word_places_are_flagged() {
    for text in ["Split", "Nice", "Reading"] {
        let m = find(text);
        assert!(
            m.first().is_some_and(
                |m| m.ambiguous && m.targets.iter().any(|t| matches!(t, Target::Place { .. }))
            ),
            "{text}: {m:?}"
        );
    }
    assert!(find("Pyongyang").first().is_some_and(|m| !m.ambiguous));
    // Small towns named like common words are left out: "Police" (Poland), "Most" (Czechia).
    for text in ["Police said", "Most agreed", "Time will tell", "To be fair"] {
        assert!(spans(text).is_empty(), "{text}: {:?}", spans(text));
    }
    assert_eq!(spans("talks in New York"), ["New York"]);
    // One-word small towns are flagged; big cities are not.
    assert!(find("Taylor said").first().is_some_and(|m| m.ambiguous));
    assert!(find("in Vladivostok").first().is_some_and(|m| !m.ambiguous));
    assert!(find("in Moscow").first().is_some_and(|m| !m.ambiguous));
}

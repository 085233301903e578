//! Property test: the whole pipeline (clean → segment → time → recognise → extract) never
//! panics on news-like text, whatever punctuation and scripts it mixes. A panic on one
//! article would stop a day's ingest; these inputs mix the words extraction rules look for
//! with multi-byte dashes, quotes, spaces and non-Latin scripts at every position.

use chrono::NaiveDate;
use entente_doc::{Document, Format, Published, PublishedFrom};
use entente_pipeline::Engine;
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
        Engine::load(&data).expect("the bundled data directory loads")
    })
}

const PIECES: &[&str] = &[
    "Kim Jong Un",
    "Donald Trump",
    "Moon Jae-in",
    "Xi Jinping",
    "Putin",
    "the two leaders",
    "South Korea",
    "Japan's",
    "Washington",
    "Pyongyang",
    "TAIPEI",
    "Seoul",
    "the White House",
    "met",
    "will visit",
    "held talks with",
    "called off",
    "agreed to",
    "accused",
    "sanctions",
    "is expected to",
    "could",
    "did not",
    "postponed",
    "summit",
    "on Tuesday",
    "next week",
    "last March",
    "on the 12th",
    "Feb. 4",
    "1910-45",
    "in 2018",
    "since",
    "earlier this month",
    "–",
    "—",
    "-",
    "--",
    "’s",
    "'",
    "“",
    "”",
    "\"",
    "…",
    ",",
    ".",
    ";",
    ":",
    "?",
    "(",
    ")",
    "\u{a0}",
    "\u{200b}",
    "é",
    "한국",
    "北朝鮮",
    "。",
    "🙂",
    "Q:",
    "\n",
    "\n\n",
    " ",
    "  ",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec((0..PIECES.len(), any::<bool>()), 0..80).prop_map(|parts| {
        let mut s = String::new();
        for (i, space) in parts {
            s.push_str(PIECES[i]);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]
    #[test]
    fn extraction_never_panics(body in text()) {
        let mut doc = Document {
            key: "prop.txt".into(),
            format: Some(Format::Text),
            published: Some(Published {
                date: NaiveDate::from_ymd_opt(2019, 2, 9).unwrap(),
                datetime: None,
                from: PublishedFrom::Metadata,
            }),
            body,
            ..Default::default()
        };
        // Errors are allowed (they name the document); panics are not.
        let _ = engine().process_document(&mut doc);
        // Evidence offsets point into the original body, on character boundaries.
        for e in &doc.events {
            for src in &e.sources {
                let span = src.start as usize..src.end as usize;
                prop_assert!(doc.body.get(span).is_some(), "bad evidence span {}..{}", src.start, src.end);
            }
        }
    }
}

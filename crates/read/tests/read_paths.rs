//! Reading files, directories and JSONL streams through the public API.

use entente_read::{read_paths, Format, PublishedFrom, ReadErrorKind, ReadOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("entente-read-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    dir
}

#[test]
fn walks_a_directory_in_order() {
    let fallback = chrono::NaiveDate::from_ymd_opt(2020, 1, 1);
    let opts = ReadOptions {
        published: fallback,
        ..ReadOptions::default()
    };
    let mut it = read_paths(&[corpus()], &opts);
    let items: Vec<_> = it.by_ref().collect();
    let articles: Vec<_> = items
        .into_iter()
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .collect();
    let keys: Vec<(&str, Format, Option<usize>)> = articles
        .iter()
        .map(|a| (a.key.as_str(), a.format, a.origin.line))
        .collect();
    assert_eq!(
        keys,
        [
            ("2018-04-27-panmunjom.html", Format::Html, None),
            ("2019-02-27-talks.txt", Format::Text, None),
            ("w-1", Format::Jsonl, Some(1)),
            ("wire.jsonl#3", Format::Jsonl, Some(3)),
            ("7", Format::Jsonl, Some(4)),
        ]
    );
    // (date, from) per article
    let dates: Vec<(String, PublishedFrom)> = articles
        .iter()
        .map(|a| {
            a.published
                .as_ref()
                .map(|p| (p.date.to_string(), p.from))
                .unwrap_or_else(|| panic!("{}", a.key))
        })
        .collect();
    assert_eq!(
        dates,
        [
            ("2018-04-27".into(), PublishedFrom::Metadata),
            ("2019-02-27".into(), PublishedFrom::Text),
            ("2019-05-02".into(), PublishedFrom::Metadata),
            ("2018-06-12".into(), PublishedFrom::Text),
            ("2019-11-13".into(), PublishedFrom::Metadata),
        ]
    );
    let html = &articles[0];
    assert_eq!(
        html.title.as_deref(),
        Some("Moon and Kim meet in Panmunjom")
    );
    assert_eq!(html.source.as_deref(), Some("Example Daily"));
    assert_eq!(html.caption_hints.len(), 2);
    assert_eq!(
        articles[1].title.as_deref(),
        Some("Envoys agree to resume working-level talks")
    );
    assert_eq!(articles[2].extra["lang"], "en");
    assert_eq!(articles[4].title.as_deref(), Some("Visit to Ankara"));
    let stats = it.stats();
    assert_eq!((stats.files, stats.articles, stats.errors), (3, 5, 0));
    assert_eq!(stats.skipped.get("rst"), Some(&1));
}

#[test]
fn bad_lines_are_reported_and_reading_goes_on() {
    let dir = temp_dir("bad");
    let path = dir.join("bad.jsonl");
    std::fs::write(
        &path,
        "{\"text\": \"ok one\"}\n{not json\n[1]\n{\"id\": \"x\"}\n{\"text\": \"ok two\"}\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let results: Vec<_> =
        read_paths(std::slice::from_ref(&path), &ReadOptions::default()).collect();
    let summary: Vec<String> = results
        .iter()
        .map(|r| match r {
            Ok(a) => a.key.clone(),
            Err(e) => e.to_string().replace(&dir.display().to_string(), "DIR"),
        })
        .collect();
    assert_eq!(summary[0], "bad.jsonl#1");
    assert!(
        summary[1].starts_with("DIR/bad.jsonl:2: invalid JSON:"),
        "{}",
        summary[1]
    );
    assert_eq!(
        summary[2],
        "DIR/bad.jsonl:3: invalid JSON: expected an object per line"
    );
    assert_eq!(summary[3], "DIR/bad.jsonl:4: missing or malformed field 'text': expected a string (or an 'html' string)");
    assert_eq!(summary[4], "bad.jsonl#5");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn limits_missing_files_and_gzip() {
    let dir = temp_dir("limits");
    let big = dir.join("big.txt");
    std::fs::write(&big, "x".repeat(100)).unwrap_or_else(|e| panic!("{e}"));
    let opts = ReadOptions {
        max_file_bytes: 50,
        ..ReadOptions::default()
    };
    let err = read_paths(&[big], &opts)
        .next()
        .and_then(Result::err)
        .unwrap_or_else(|| panic!("no error"));
    assert!(
        matches!(
            err.kind,
            ReadErrorKind::TooLarge {
                bytes: 100,
                limit: 50
            }
        ),
        "{err}"
    );

    let missing = read_paths(&[dir.join("nope.txt")], &ReadOptions::default()).next();
    assert!(matches!(missing, Some(Err(e)) if matches!(e.kind, ReadErrorKind::Io(_))));

    let gz = dir.join("w.jsonl.gz");
    let file = std::fs::File::create(&gz).unwrap_or_else(|e| panic!("{e}"));
    let mut enc = flate2::write::GzEncoder::new(file, flate2::Compression::fast());
    writeln!(enc, "{{\"id\": \"g1\", \"text\": \"Zipped.\"}}").unwrap_or_else(|e| panic!("{e}"));
    enc.finish().unwrap_or_else(|e| panic!("{e}"));
    let keys: Vec<String> = read_paths(&[gz], &ReadOptions::default())
        .map(|r| r.map(|a| a.key).unwrap_or_else(|e| e.to_string()))
        .collect();
    assert_eq!(keys, ["g1"]);

    let bad = dir.join("latin.txt");
    std::fs::write(&bad, b"caf\xe9").unwrap_or_else(|e| panic!("{e}"));
    let err = read_paths(&[bad], &ReadOptions::default())
        .next()
        .and_then(Result::err)
        .unwrap_or_else(|| panic!("no error"));
    assert!(
        matches!(err.kind, ReadErrorKind::InvalidUtf8 { offset: 3 }),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

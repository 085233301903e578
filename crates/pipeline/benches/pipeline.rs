//! Benchmarks of the whole pipeline on generated news articles.
//!
//! - `pipeline/process`: [`Engine::process`] over N articles on all cores (rayon), no store.
//! - `pipeline/ingest`: [`entente_pipeline::ingest`] of the same articles, read from a JSON
//!   Lines file into a fresh SQLite store (reading, processing and committing).
//!
//! The articles (about 3 KB each) are built here from template sentences with varied actors,
//! places and dates; none is copied from anywhere. `ENTENTE_BENCH_ARTICLES` sets N (default
//! 2000). With `ENTENTE_BENCH_CORPUS_OUT=FILE` the binary only writes the corpus as JSON Lines
//! to FILE and exits (`benches/run.sh` uses that to time the command line on the same text).

/// The allocator of the `entente` binary, so that the figures match it.
#[global_allocator]
static ALLOCATOR: entente_pipeline::Allocator = entente_pipeline::Allocator;

use criterion::{BatchSize, Criterion, Throughput};
use entente_pipeline::{ingest, Engine};
use entente_read::{read_paths, Article, ReadOptions};
use entente_store::Store;
use rayon::prelude::*;
use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// People with the state they serve, for the templates.
const PEOPLE: [(&str, &str); 12] = [
    ("North Korean leader Kim Jong Un", "Kim"),
    ("South Korean President Moon Jae-in", "Moon"),
    ("US President Donald Trump", "Trump"),
    ("Chinese President Xi Jinping", "Xi"),
    ("Russian President Vladimir Putin", "Putin"),
    ("Japanese Prime Minister Shinzo Abe", "Abe"),
    ("Secretary of State Mike Pompeo", "Pompeo"),
    ("Chinese Foreign Minister Wang Yi", "Wang"),
    ("North Korean Foreign Minister Ri Yong Ho", "Ri"),
    ("Russian Foreign Minister Sergei Lavrov", "Lavrov"),
    ("Japanese Foreign Minister Taro Kono", "Kono"),
    ("South Korean Foreign Minister Kang Kyung-wha", "Kang"),
];
const PLACES: [&str; 10] = [
    "Hanoi",
    "Beijing",
    "Seoul",
    "Pyongyang",
    "Moscow",
    "Tokyo",
    "Singapore",
    "Panmunjom",
    "Vladivostok",
    "Washington",
];
const STATES: [&str; 6] = [
    "North Korea",
    "South Korea",
    "the United States",
    "China",
    "Russia",
    "Japan",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 5] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

/// A small deterministic generator (64-bit LCG), so that every run sees the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.next(xs.len())]
    }
}

/// One news-like article of about 3 KB: (title, published, body).
fn article(i: usize) -> (String, String, String) {
    let mut r = Rng(i as u64 ^ 0x9e37_79b9_7f4a_7c15);
    let (a_full, a) = PEOPLE[r.next(PEOPLE.len())];
    let (b_full, b) = loop {
        let p = PEOPLE[r.next(PEOPLE.len())];
        if p.1 != a {
            break p;
        }
    };
    let place = r.pick(&PLACES);
    let other = r.pick(&PLACES);
    let s1 = r.pick(&STATES);
    let s2 = r.pick(&STATES);
    let year = 2017 + r.next(8);
    let month = r.next(12);
    let day = 1 + r.next(28);
    let published = format!("{year}-{:02}-{day:02}", month + 1);
    let day2 = 1 + r.next(28);
    let wd = r.pick(&WEEKDAYS);
    let next_month = MONTHS[(month + 1) % 12];
    let past_month = MONTHS[(month + 11) % 12];
    let paras = [
        format!(
            "{a_full} met {b_full} in {place} on {wd}, officials said, in the latest round of \
             talks between {s1} and {s2}. The two leaders discussed security on the peninsula, \
             trade and the humanitarian situation, according to a statement released after the \
             meeting."
        ),
        format!(
            "{a} will travel to {other} next week for further talks, a spokesman said. {b} is \
             expected to visit {place} on {next_month} {day2}, although no date has been \
             confirmed, and aides said a third summit could be held later this year."
        ),
        format!(
            "In {past_month}, {s1} accused {s2} of violating the terms of an earlier agreement, \
             and the foreign ministry summoned the ambassador in protest. {b} rejected the \
             accusation and called for the sanctions to be lifted."
        ),
        format!(
            "The United Nations Security Council imposed new sanctions on {s2} last year, and \
             {s1} demanded that the measures be enforced. {a} said on {wd} that the talks in \
             {place} had been constructive and that both sides agreed to keep working toward a \
             lasting peace."
        ),
        format!(
            "Analysts in Seoul and Tokyo said the meeting could open the way to a wider \
             agreement. {a} and {b} last met in {other} in {past_month} {}, when they signed a \
             joint statement pledging cooperation on rail links and family reunions.",
            year - 1
        ),
        format!(
            "{s1} has offered food aid to {s2}, and officials said a shipment of rice could \
             arrive in {next_month}. {b} thanked {a} for the support, while the military \
             postponed a planned exercise near the border as a goodwill gesture."
        ),
        format!(
            "Critics warned that {s2} had threatened to resume missile tests if the talks \
             failed, and the Pentagon said it was moving additional forces to the region. A \
             senior official said the delegations would meet again in {place} on {wd} to \
             prepare the next summit."
        ),
        format!(
            "{b} told reporters in {other} on {wd} that {s2} would not give up its weapons \
             programme while the sanctions remained, and warned that any military drills \
             near its territory would be met with a firm response. {a} urged patience and \
             said the door to dialogue remained open."
        ),
        format!(
            "Earlier this month, the foreign ministers of {s1} and {s2} spoke by phone and \
             agreed to set up working groups on economic cooperation and the return of \
             detained citizens. A follow-up meeting is planned in {place} in {next_month}, \
             the ministry said in a brief statement."
        ),
        format!(
            "Protesters gathered outside the embassy of {s2} in {other} on {wd}, calling on \
             the government to withdraw its troops and to release the fishermen held since \
             {past_month}. Police said the demonstration was peaceful and ended by evening."
        ),
        format!(
            "The European Union and NATO welcomed the talks, while the International Atomic \
             Energy Agency said its inspectors were ready to return if asked. {s1} pledged \
             $50 million in humanitarian assistance over the next two years, officials said."
        ),
        format!(
            "The meeting in {place} on {published} was the {} such encounter between the two \
             sides this year. Article {i} ends here; no further details were released by \
             either government, and spokesmen declined to comment on the timing of the next \
             round.",
            ["first", "second", "third", "fourth"][r.next(4)]
        ),
    ];
    let mut body = String::with_capacity(3600);
    for p in paras {
        body.push_str(&p);
        body.push_str("\n\n");
    }
    (format!("{a} meets {b} in {place}"), published, body)
}

/// The generated corpus as JSON Lines.
fn corpus_jsonl(n: usize) -> String {
    let mut out = String::with_capacity(n * 3300);
    for i in 0..n {
        let (title, published, text) = article(i);
        let rec = serde_json::json!({
            "id": format!("bench-{i:07}"),
            "source": "Bench Wire",
            "url": format!("https://bench.example/{i}"),
            "published": published,
            "title": title,
            "text": text,
        });
        let _ = writeln!(out, "{rec}");
    }
    out
}

fn articles_count() -> usize {
    std::env::var("ENTENTE_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000)
}

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

fn benches(c: &mut Criterion) {
    let n = articles_count();
    let engine = Engine::load(&data_dir()).expect("load data/");
    let dir = tempfile::tempdir().expect("temp dir");
    let feed = dir.path().join("bench.jsonl");
    std::fs::write(&feed, corpus_jsonl(n)).expect("write corpus");
    let opts = ReadOptions::default();
    let articles: Vec<Article> = read_paths(std::slice::from_ref(&feed), &opts)
        .map(|r| r.expect("generated article reads"))
        .collect();
    let bytes: u64 = articles.iter().map(|a| a.body.len() as u64).sum();
    eprintln!(
        "corpus: {n} articles, {bytes} bytes of text ({} bytes per article), {} threads",
        bytes / n.max(1) as u64,
        rayon::current_num_threads()
    );

    let mut g = c.benchmark_group("pipeline");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    g.throughput(Throughput::Elements(n as u64));
    g.bench_function("process", |b| {
        b.iter(|| {
            let events: usize = articles
                .par_iter()
                .map(|a| {
                    engine
                        .process(a.clone())
                        .map(|d| d.events.len())
                        .unwrap_or(0)
                })
                .sum();
            black_box(events)
        })
    });
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("process_bytes", |b| {
        b.iter(|| {
            articles
                .par_iter()
                .for_each(|a| drop(black_box(engine.process(a.clone()))))
        })
    });
    g.throughput(Throughput::Elements(n as u64));
    g.bench_function("ingest", |b| {
        b.iter_batched(
            || {
                let d = tempfile::tempdir().expect("temp dir");
                let store = Store::open(d.path().join("bench.db")).expect("open store");
                (d, store)
            },
            |(d, mut store)| {
                let s = ingest(
                    &engine,
                    std::slice::from_ref(&feed),
                    &opts,
                    &mut store,
                    512,
                    |_| {},
                )
                .expect("ingest");
                assert_eq!(s.read, n);
                drop(store);
                drop(d);
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

fn main() {
    if let Ok(out) = std::env::var("ENTENTE_BENCH_CORPUS_OUT") {
        let n = articles_count();
        std::fs::write(&out, corpus_jsonl(n)).expect("write corpus");
        eprintln!("wrote {n} articles to {out}");
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    benches(&mut c);
    c.final_summary();
}

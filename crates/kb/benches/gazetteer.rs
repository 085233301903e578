//! Benchmarks: loading the knowledge base, compiling the gazetteer, and matching news text.
//!
//! The text is the article bodies of `../shared/eval/html/article_extraction_benchmark`
//! when present, else a built-in diplomatic paragraph repeated to about 1 MB.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use entente_kb::Kb;

const PARAGRAPH: &str =
    "North Korean leader Kim Jong Un met South Korean President Moon Jae-in at \
Panmunjom on Friday, the first such summit since 2007. The White House welcomed the talks, and \
Secretary of State Mike Pompeo said Washington would keep sanctions until the DPRK dismantles its \
arsenal. In Beijing, Foreign Minister Wang Yi praised the Sino-Korean dialogue, while the Kremlin \
said Russia-DPRK ties were growing. Japan's Prime Minister Shinzo Abe called Chief Cabinet \
Secretary Yoshihide Suga and the US-Japan-Australia-India Quad partners. Talks may resume in \
Singapore or Hanoi next month, officials told reporters in Seoul and Tokyo. ";

fn corpus() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/eval/html/article_extraction_benchmark/ground-truth.json");
    if let Ok(json) = std::fs::read_to_string(&path) {
        if let Ok(serde_json::Value::Object(map)) = serde_json::from_str::<serde_json::Value>(&json)
        {
            let bodies: Vec<&str> = map
                .values()
                .filter_map(|v| v.get("articleBody")?.as_str())
                .collect();
            if !bodies.is_empty() {
                return bodies.join("\n\n");
            }
        }
    }
    eprintln!(
        "note: {} not found; using the built-in paragraph",
        path.display()
    );
    PARAGRAPH.repeat(1_000_000 / PARAGRAPH.len())
}

fn bench(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/kb");
    let kb = Kb::load(&dir).unwrap_or_else(|e| panic!("{e}"));
    let gaz = kb.gazetteer();
    eprintln!(
        "gazetteer: {} patterns, {} places",
        gaz.len(),
        kb.places.len()
    );

    let mut group = c.benchmark_group("kb");
    group.sample_size(10);
    group.bench_function("load", |b| b.iter(|| Kb::load(black_box(&dir))));
    group.bench_function("gazetteer", |b| b.iter(|| black_box(&kb).gazetteer()));
    group.finish();

    let text = corpus();
    let mut group = c.benchmark_group("find");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("news", |b| b.iter(|| gaz.find(black_box(&text)).len()));
    let paragraph = PARAGRAPH.repeat(1_000_000 / PARAGRAPH.len());
    group.throughput(Throughput::Bytes(paragraph.len() as u64));
    group.bench_function("dense", |b| {
        b.iter(|| gaz.find(black_box(&paragraph)).len())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

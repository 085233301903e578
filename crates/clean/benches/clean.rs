//! Cleaning throughput on the golden fixtures: a noisy wire story, a blog page with comment
//! furniture, a clean article, and an HTML page's extracted body.
//!
//! `cargo bench -p entente-clean --bench clean`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use entente_clean::Cleaner;
use std::path::Path;

fn fixture(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let raw = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    if name.ends_with(".html") {
        return entente_read::html::read_html(&raw).body;
    }
    raw.lines()
        .filter(|l| !l.starts_with("//!"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn bench(c: &mut Criterion) {
    let cleaner = Cleaner::new();
    let bodies: Vec<String> = [
        "wire_noisy.txt",
        "blog_comments.txt",
        "clean_article.txt",
        "noisy_page.html",
    ]
    .iter()
    .map(|n| fixture(n))
    .collect();
    let bytes: usize = bodies.iter().map(String::len).sum();
    let mut g = c.benchmark_group("clean");
    g.throughput(Throughput::Elements(bodies.len() as u64));
    g.bench_function("fixtures-articles", |b| {
        b.iter(|| {
            bodies
                .iter()
                .map(|t| cleaner.clean(t, &[]).text.len())
                .sum::<usize>()
        })
    });
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("fixtures-bytes", |b| {
        b.iter(|| {
            bodies
                .iter()
                .map(|t| cleaner.clean(t, &[]).text.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Reading throughput per format, in articles per second, on a corpus built from the checked-in
//! fixtures (`tests/fixtures/corpus`) at start-up: 500 text files, one JSONL file of 2,000
//! lines, 200 HTML files, and — when `shared/` is present — the 181 benchmark pages.
//!
//! `cargo bench -p entente-read --bench read`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use entente_clean::Cleaner;
use entente_read::{read_paths, ReadOptions};
use std::io::Read;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/corpus")
        .join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn write_corpus(root: &Path) -> (PathBuf, PathBuf, PathBuf, Option<PathBuf>) {
    let text = fixture("2019-02-27-talks.txt");
    let html = fixture("2018-04-27-panmunjom.html");
    let (tdir, hdir, jdir) = (root.join("text"), root.join("html"), root.join("jsonl"));
    for d in [&tdir, &hdir, &jdir] {
        std::fs::create_dir_all(d).unwrap_or_else(|e| panic!("{e}"));
    }
    for i in 0..500 {
        std::fs::write(tdir.join(format!("{i:04}.txt")), &text).unwrap_or_else(|e| panic!("{e}"));
    }
    for i in 0..200 {
        std::fs::write(hdir.join(format!("{i:04}.html")), &html).unwrap_or_else(|e| panic!("{e}"));
    }
    let line =
        serde_json::json!({"id": "x", "title": "T", "published": "2019-02-27", "text": text})
            .to_string();
    let jsonl: String = (0..2000).map(|_| format!("{line}\n")).collect();
    std::fs::write(jdir.join("all.jsonl"), jsonl).unwrap_or_else(|e| panic!("{e}"));
    let bench = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/eval/html/article_extraction_benchmark/html");
    let real = bench.exists().then(|| {
        let rdir = root.join("real");
        std::fs::create_dir_all(&rdir).unwrap_or_else(|e| panic!("{e}"));
        for entry in std::fs::read_dir(&bench).into_iter().flatten().flatten() {
            let mut s = String::new();
            let f = std::fs::File::open(entry.path()).unwrap_or_else(|e| panic!("{e}"));
            let _ = flate2::read::GzDecoder::new(f).read_to_string(&mut s);
            let name = entry.file_name().to_string_lossy().replace(".gz", "");
            std::fs::write(rdir.join(name), s).unwrap_or_else(|e| panic!("{e}"));
        }
        rdir
    });
    (tdir, hdir, jdir, real)
}

fn bench(c: &mut Criterion) {
    let root = std::env::temp_dir().join(format!("entente-read-bench-{}", std::process::id()));
    let (tdir, hdir, jdir, real) = write_corpus(&root);
    let opts = ReadOptions::default();
    let cleaner = Cleaner::new();
    let mut g = c.benchmark_group("read");
    g.sample_size(10);
    let mut cases = vec![
        ("text", tdir, 500u64),
        ("jsonl", jdir, 2000),
        ("html-fixture", hdir, 200),
    ];
    if let Some(r) = real {
        cases.push(("html-benchmark-pages", r, 181));
    }
    for (name, dir, n) in cases {
        g.throughput(Throughput::Elements(n));
        let dirs = [dir];
        g.bench_function(name, |b| {
            b.iter(|| read_paths(&dirs, &opts).filter(Result::is_ok).count())
        });
        g.bench_function(format!("{name}+clean"), |b| {
            b.iter(|| {
                read_paths(&dirs, &opts)
                    .flatten()
                    .map(|a| cleaner.clean(&a.body, &a.caption_hints).text.len())
                    .sum::<usize>()
            })
        });
    }
    g.finish();
    let _ = std::fs::remove_dir_all(&root);
}

criterion_group!(benches, bench);
criterion_main!(benches);

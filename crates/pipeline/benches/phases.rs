//! CPU cost per article of each phase of an ingest, measured apart: reading, processing
//! (all stages), storing (the single writer thread) and resolving across documents.
//!
//! ```sh
//! ENTENTE_BENCH_INPUT=/tmp/day.jsonl ENTENTE_BENCH_ARTICLES=20000 \
//!     cargo bench -p entente-pipeline --bench phases
//! ```
//!
//! It reads the first `ENTENTE_BENCH_ARTICLES` (default 5,000) articles of the JSON Lines file
//! `ENTENTE_BENCH_INPUT` (for example one written by `benches/day_corpus.py`), processes them
//! on all cores, then stores them in batches of 512 into a fresh database on one thread,
//! `ENTENTE_BENCH_ROUNDS` times (default 2). The figures are CPU time of the measuring thread
//! (Linux `/proc/thread-self/schedstat`) or, for processing, of the whole process, so that a
//! machine busy with other work changes them less than wall-clock time; both are printed.

/// The allocator of the `entente` binary, so that the figures match it.
#[global_allocator]
static ALLOCATOR: entente_pipeline::Allocator = entente_pipeline::Allocator;

use entente_doc::Document;
use entente_pipeline::Engine;
use entente_read::{read_paths, Article, ReadOptions};
use entente_store::Store;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// CPU time of the calling thread, in nanoseconds (0 where unavailable).
fn thread_cpu() -> Duration {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    let ns = s
        .split_whitespace()
        .next()
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0);
    Duration::from_nanos(ns)
}

/// CPU time of the whole process (user + system, clock ticks of 10 ms).
fn process_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let ticks: u64 = rest
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|t| t.parse::<u64>().ok())
        .sum();
    Duration::from_millis(ticks * 10)
}

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn report(what: &str, n: usize, wall: Duration, cpu: Duration) {
    let per_second = if cpu.as_secs_f64() > 0.01 {
        format!("{:.0}", n as f64 / cpu.as_secs_f64())
    } else {
        "too few to tell".to_string()
    };
    println!(
        "{what:<10} {n} articles: {:>7.3} ms CPU/article, {:>7.3} ms wall/article ({per_second} articles per CPU-second)",
        cpu.as_secs_f64() * 1e3 / n as f64,
        wall.as_secs_f64() * 1e3 / n as f64,
    );
}

fn main() {
    // `cargo bench` passes `--bench`; nothing else is expected
    let Ok(input) = std::env::var("ENTENTE_BENCH_INPUT") else {
        eprintln!("phases: set ENTENTE_BENCH_INPUT to a JSON Lines file (benches/day_corpus.py writes one); skipped");
        return;
    };
    let n = env_usize("ENTENTE_BENCH_ARTICLES", 5000);
    let rounds = env_usize("ENTENTE_BENCH_ROUNDS", 2).max(1);
    let engine = Engine::load(&data_dir()).expect("load data/");

    let (t, c) = (Instant::now(), thread_cpu());
    let articles: Vec<Article> = read_paths(&[PathBuf::from(&input)], &ReadOptions::default())
        .take(n)
        .filter_map(Result::ok)
        .collect();
    let n = articles.len();
    report("read", n, t.elapsed(), thread_cpu() - c);

    let (t, c) = (Instant::now(), process_cpu());
    let docs: Vec<Document> = articles
        .into_par_iter()
        .filter_map(|a| engine.process(a).ok())
        .collect();
    report("process", n, t.elapsed(), process_cpu() - c);

    for round in 0..rounds {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(dir.path().join("phases.db")).expect("open store");
        let (t, c) = (Instant::now(), thread_cpu());
        for chunk in docs.chunks(512) {
            store.ingest_batch(chunk).expect("store");
        }
        report(
            &format!("store #{}", round + 1),
            n,
            t.elapsed(),
            thread_cpu() - c,
        );
        let (t, c) = (Instant::now(), thread_cpu());
        entente_resolve::resolve_store(&mut store).expect("resolve");
        report(
            &format!("resolve #{}", round + 1),
            n,
            t.elapsed(),
            thread_cpu() - c,
        );
    }
}

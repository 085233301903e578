//! Ingest throughput on generated articles (~3 KB, 20 sentences, ~30 mentions, 3 events).
//!
//! `cargo bench -p entente-store --bench ingest` runs the criterion benchmark (1,000 documents
//! into a fresh file database). With `ENTENTE_BENCH_DOCS=250000` it then also ingests that many
//! documents into one file in batches of `ENTENTE_BENCH_BATCH` (default 1,000) and prints the
//! sustained rate (document generation excluded).

#[path = "../tests/common/mod.rs"]
mod common;

use criterion::{BatchSize, Criterion, Throughput};
use entente_store::Store;
use std::time::{Duration, Instant};

fn bench_ingest(c: &mut Criterion) {
    let docs: Vec<_> = (0..1000).map(common::article).collect();
    let mut group = c.benchmark_group("ingest");
    group.throughput(Throughput::Elements(docs.len() as u64));
    group.sample_size(10);
    group.bench_function("1000 docs, fresh file, batches of 500", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().expect("temporary directory");
                let store = Store::open(dir.path().join("bench.db")).expect("open store");
                (dir, store)
            },
            |(dir, mut store)| {
                for chunk in docs.chunks(500) {
                    store.ingest_batch(chunk).expect("ingest");
                }
                (dir, store)
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function("1000 docs, unchanged re-ingest", |b| {
        let dir = tempfile::tempdir().expect("temporary directory");
        let mut store = Store::open(dir.path().join("bench.db")).expect("open store");
        store.ingest_batch(&docs).expect("ingest");
        b.iter(|| store.ingest_batch(&docs).expect("re-ingest"))
    });
    group.finish();
}

/// CPU time of this process so far (Linux; zero elsewhere), to tell the ingest's own cost
/// apart from a busy machine's waiting.
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // fields after the parenthesised command name; utime and stime are the 12th and 13th
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let ticks: u64 = rest
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|t| t.parse::<u64>().ok())
        .sum();
    Duration::from_millis(ticks * 10)
}

/// Sustained ingest of many documents into one file.
fn bulk(total: usize, batch: usize) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("bulk.db");
    let mut store = Store::open(&path).expect("open store");
    let mut spent = Duration::ZERO;
    let mut cpu = Duration::ZERO;
    let mut done = 0;
    while done < total {
        let n = batch.min(total - done);
        let docs: Vec<_> = (done..done + n).map(common::article).collect();
        let (t, c) = (Instant::now(), cpu_time());
        store.ingest_batch(&docs).expect("ingest");
        spent += t.elapsed();
        cpu += cpu_time().saturating_sub(c);
        done += n;
        if done % (batch * 50) == 0 || done == total {
            println!(
                "bulk: {done} docs in {:.1} s: {:.0} docs/s",
                spent.as_secs_f64(),
                done as f64 / spent.as_secs_f64()
            );
        }
    }
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0)
        + std::fs::metadata(path.with_extension("db-wal"))
            .map(|m| m.len())
            .unwrap_or(0);
    println!(
        "bulk: {total} docs, batches of {batch}: {:.1} s, {:.0} docs/s; {:.1} s of CPU, {:.0} docs per CPU-second; {} MiB on disk",
        spent.as_secs_f64(),
        total as f64 / spent.as_secs_f64(),
        cpu.as_secs_f64(),
        total as f64 / cpu.as_secs_f64().max(1e-9),
        size >> 20
    );
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bench_ingest(&mut c);
    c.final_summary();
    let env = |name: &str| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse::<usize>().ok())
    };
    if let Some(total) = env("ENTENTE_BENCH_DOCS") {
        bulk(total, env("ENTENTE_BENCH_BATCH").unwrap_or(1000).max(1));
    }
}

//! Resolution at scale: 1,000,000 generated event mentions.
//!
//! The generator draws real-world events (200 states with Zipf-skewed pair frequencies, 16
//! types, dates over five years) and reports of them (skewed: a few events get many reports),
//! published around the event's date; 70% of reports give the exact day, 15% a vague date
//! (the month or the year) and 15% none. Mentions are resolved in publication order; the time
//! per new mention is printed when the store holds 10k, 100k and 1M mentions, with the peak
//! resident memory at the end (Linux).
//!
//! Run with `cargo bench -p entente-resolve --bench resolve` (optionally `-- N` mentions; add
//! `incremental` to also feed the mentions one publication day at a time to a store that keeps
//! the resolved events between days, and print the cost per new mention as the store grows).

use chrono::{Duration, NaiveDate};
use entente_doc::{EventStatus, EventType};
use entente_resolve::{Interval, MemoryStore, Mention, Resolver};
use std::time::Instant;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Cumulative Zipf weights over `n` items with exponent `s`.
fn zipf(n: usize, s: f64) -> Vec<f64> {
    let mut acc = 0.0;
    let mut v: Vec<f64> = (1..=n)
        .map(|k| {
            acc += 1.0 / (k as f64).powf(s);
            acc
        })
        .collect();
    for x in &mut v {
        *x /= acc;
    }
    v
}

fn draw(cum: &[f64], rng: &mut Rng) -> usize {
    let u = rng.unit();
    cum.partition_point(|&c| c < u).min(cum.len() - 1)
}

struct Real {
    ty: EventType,
    a: usize,
    b: usize,
    start: NaiveDate,
    len: i64,
}

fn generate(n: usize) -> Vec<Mention> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let states: Vec<String> = (0..200).map(|i| format!("S{i:03}")).collect();
    let state_w = zipf(states.len(), 1.1);
    let type_w = zipf(EventType::ALL.len(), 1.0);
    let base = NaiveDate::from_ymd_opt(2019, 1, 1).unwrap_or_default();
    let reals: Vec<Real> = (0..n / 3)
        .map(|_| {
            let a = draw(&state_w, &mut rng);
            let mut b = draw(&state_w, &mut rng);
            if b == a {
                b = (a + 1 + rng.below(199)) % 200;
            }
            Real {
                ty: EventType::ALL[draw(&type_w, &mut rng)],
                a,
                b,
                start: base + Duration::days(rng.below(5 * 365) as i64),
                len: if rng.unit() < 0.8 {
                    0
                } else {
                    1 + rng.below(3) as i64
                },
            }
        })
        .collect();
    let real_w = zipf(reals.len(), 0.6);
    (0..n)
        .map(|i| {
            let r = &reals[draw(&real_w, &mut rng)];
            let offset = rng.below(40) as i64 - 20;
            let published = r.start + Duration::days(offset);
            let end = r.start + Duration::days(r.len);
            let u = rng.unit();
            let date = if u < 0.70 {
                Interval::new(r.start, end, "day")
            } else if u < 0.80 {
                let m = r.start.with_day0_safe();
                Interval::new(m, m + Duration::days(27), "month")
            } else if u < 0.85 {
                let y =
                    NaiveDate::from_ymd_opt(chrono::Datelike::year(&r.start), 1, 1).unwrap_or(base);
                Interval::new(y, y + Duration::days(364), "year")
            } else {
                None
            };
            let mut m = Mention::new(
                &format!("ev-{i:016x}"),
                &format!("doc-{}", i / 3),
                r.ty,
                &[&states[r.a], &states[r.b]],
            );
            m.published = Some(published);
            m.source = Some(format!("pub{}", i % 50));
            m.status = if offset < 0 {
                EventStatus::Planned
            } else {
                EventStatus::Occurred
            };
            m.date = date;
            m
        })
        .collect()
}

trait Day0 {
    fn with_day0_safe(self) -> NaiveDate;
}

impl Day0 for NaiveDate {
    fn with_day0_safe(self) -> NaiveDate {
        chrono::Datelike::with_day(&self, 1).unwrap_or(self)
    }
}

fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let t = Instant::now();
    let mut mentions = generate(n);
    mentions.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
    println!(
        "generated and sorted {n} mentions in {:.2} s",
        t.elapsed().as_secs_f64()
    );
    let marks = [10_000usize, 100_000, 1_000_000];
    let mut resolver = Resolver::new();
    let start = Instant::now();
    let mut last = (0usize, start);
    for (i, m) in mentions.into_iter().enumerate() {
        resolver.add(m);
        let done = i + 1;
        if marks.contains(&done) || done == n {
            let now = Instant::now();
            let per = (now - last.1).as_secs_f64() * 1e6 / (done - last.0) as f64;
            println!(
                "{done:>9} mentions stored: {:>8.2} s total, {per:>6.2} µs per new mention since {} ({} resolved events)",
                (now - start).as_secs_f64(),
                last.0,
                resolver.len()
            );
            last = (done, now);
        }
        if done == n {
            break;
        }
    }
    let total = start.elapsed().as_secs_f64();
    let t = Instant::now();
    let clusters = resolver.into_clusters();
    let summarised: usize = clusters
        .into_iter()
        .map(|c| entente_resolve::summarise(c, None).documents)
        .sum();
    println!(
        "resolved {n} mentions in {total:.2} s; summarised {} documents' reports in {:.2} s",
        summarised,
        t.elapsed().as_secs_f64()
    );
    if let Some(mib) = peak_rss_mib() {
        println!("peak resident memory: {mib:.0} MiB");
    }
    if std::env::args().any(|a| a == "incremental") {
        incremental(n);
    }
}

/// Daily ingest: the same mentions fed one publication day at a time to a store that keeps
/// the resolved events between runs ([`MemoryStore`], the reference for the database), so each
/// day reads only the index pages its mentions need.
fn incremental(n: usize) {
    let mut mentions = generate(n);
    mentions.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
    let marks = [10_000usize, 100_000, 1_000_000];
    let mut store = MemoryStore::new();
    let start = Instant::now();
    let mut last = (0usize, start, 0usize);
    let mut done = 0usize;
    let mut batch: Vec<Mention> = Vec::new();
    let mut it = mentions.into_iter().peekable();
    while let Some(m) = it.next() {
        let day_ends = it.peek().is_none_or(|next| next.published != m.published);
        batch.push(m);
        if !day_ends {
            continue;
        }
        done += batch.len();
        store.ingest(std::mem::take(&mut batch));
        if let Some(&mark) = marks.iter().find(|&&k| k <= done && k > last.0) {
            let now = Instant::now();
            let per = (now - last.1).as_secs_f64() * 1e6 / (done - last.0) as f64;
            let pages = (store.pages_read - last.2) as f64 / (done - last.0) as f64;
            println!(
                "incremental: {done:>9} mentions stored (mark {mark}): {per:>6.2} µs and {pages:.1} index pages per new mention since {} ({} resolved events, {} rebuilds)",
                last.0,
                store.len(),
                store.rebuilds
            );
            last = (done, now, store.pages_read);
        }
    }
    println!(
        "incremental: {done} mentions in daily batches in {:.2} s",
        start.elapsed().as_secs_f64()
    );
}

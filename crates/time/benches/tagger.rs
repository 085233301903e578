//! Throughput of `Tagger::tag` on a news-like text built from our own sentences.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use entente_time::Tagger;

const SENTENCES: &[&str] = &[
    "Foreign ministers of the two countries met in Geneva on Tuesday and agreed to resume talks next month.",
    "The summit, first proposed in October 2018, is expected to take place in Hanoi on February 27-28.",
    "Officials said the delegation would travel to Beijing later this week for three days of consultations.",
    "Relations between the neighbours have improved markedly since 2014, according to a report published last year.",
    "The sanctions, imposed on March 3 last year, will be reviewed by the end of the year.",
    "In a statement released on the 12th, the ministry said 1,000 observers and 2% of the budget were committed.",
    "The president plans to visit Tokyo in the near future, possibly in early July or mid-2019.",
    "Negotiators worked for two years and seven months before the accord was signed on 17 October 2023.",
    "A protest march through the capital drew thousands, and Kim may visit Seoul again, aides said.",
    "The 75th anniversary of the treaty falls on 2023/09/19, and the 2nd Eastern Economic Forum opens in Vladivostok.",
    "Three days ago the envoy returned from Moscow; the previous day he had met the foreign minister.",
    "Trade volumes fell sharply in the first half of next year, analysts warned in a note on Monday.",
];

fn corpus(min_bytes: usize) -> String {
    let mut s = String::with_capacity(min_bytes + 512);
    let mut i = 0;
    while s.len() < min_bytes {
        s.push_str(SENTENCES[i % SENTENCES.len()]);
        s.push(if i % 5 == 4 { '\n' } else { ' ' });
        if i % 5 == 4 {
            s.push('\n');
        }
        i += 1;
    }
    s
}

fn bench(c: &mut Criterion) {
    let tagger = Tagger::new();
    let text = corpus(1 << 20);
    let dct = NaiveDate::from_ymd_opt(2019, 2, 20).unwrap_or_default();
    let mut g = c.benchmark_group("tagger");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function("tag_news_1MiB", |b| {
        b.iter(|| tagger.tag(std::hint::black_box(&text), dct))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

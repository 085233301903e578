//! Scores HTML main-content extraction on the article-extraction benchmark.
//!
//! `cargo run --release -p entente-read --example html_eval -- [BENCH_DIR] [--dump OUT_DIR]`
//! prints the report; with `--dump`, writes each page's extracted body to `OUT_DIR/<key>.txt`.
//! Also scores the body after `entente-clean`, with captions kept and with captions dropped.

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut dir = PathBuf::from("../shared/eval/html/article_extraction_benchmark");
    let mut dump = None;
    while let Some(a) = args.next() {
        if a == "--dump" {
            dump = args.next().map(PathBuf::from);
        } else {
            dir = PathBuf::from(a);
        }
    }
    match entente_read::eval::html_benchmark(&dir) {
        Ok(report) => print!("{report}"),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
    let cleaner = entente_clean::Cleaner::new();
    let cleaned = |drop_captions: bool| {
        let cleaner = &cleaner;
        move |page: entente_read::html::HtmlPage| {
            let c = cleaner.clean(&page.body, &page.caption_hints);
            if !drop_captions {
                return c.text;
            }
            let mut text = c.text.clone();
            for cap in c.captions.iter().rev() {
                text.replace_range(cap.range(), "");
            }
            text
        }
    };
    for (label, drop) in [
        ("after cleaning", false),
        ("after cleaning, captions dropped", true),
    ] {
        match entente_read::eval::html_benchmark_with(&dir, cleaned(drop)) {
            Ok(r) => println!(
                "{label}: precision {:.3}, recall {:.3}, F1 {:.3}",
                r.precision, r.recall, r.f1
            ),
            Err(e) => eprintln!("error: {e}"),
        }
    }
    if let Some(out) = dump {
        if let Err(e) = entente_read::eval::dump_bodies(&dir, &out) {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}

//! Scores HTML main-content extraction on the article-extraction benchmark.
//!
//! `cargo run --release -p entente-read --example html_eval -- [BENCH_DIR] [--dump OUT_DIR]`
//! prints the report; with `--dump`, writes each page's extracted body to `OUT_DIR/<key>.txt`.

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
    if let Some(out) = dump {
        if let Err(e) = entente_read::eval::dump_bodies(&dir, &out) {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}

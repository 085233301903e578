//! Main-content extraction quality on the article-extraction benchmark in `shared/`.
//!
//! Runs when the shared evaluation data is present (`$ENTENTE_SHARED`, else `shared/` beside
//! the repository) and skips with a note otherwise. See `entente_read::eval` for the metric.

use std::path::PathBuf;

fn benchmark_dir() -> Option<PathBuf> {
    let shared = std::env::var_os("ENTENTE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let dir = shared.join("eval/html/article_extraction_benchmark");
    dir.join("ground-truth.json").exists().then_some(dir)
}

#[test]
fn html_extraction_f1_at_least_0_95() {
    let Some(dir) = benchmark_dir() else {
        eprintln!("skipped: article extraction benchmark not found (set ENTENTE_SHARED)");
        return;
    };
    let report = entente_read::eval::html_benchmark(&dir).unwrap_or_else(|e| panic!("{e}"));
    eprintln!("{report}");
    assert_eq!(report.pages, 181);
    assert!(
        report.f1 >= 0.95,
        "F1 {:.4} below 0.95\n{report}",
        report.f1
    );
}

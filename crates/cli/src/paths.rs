//! Where the data directory, the sample corpus and the shared evaluation data are found.

use std::path::PathBuf;

const REPO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// The data directory: `./data` when it holds the knowledge base, else the repository's.
pub fn data_dir() -> PathBuf {
    let local = PathBuf::from("data");
    if local.join("kb").is_dir() && local.join("lexicon").is_dir() {
        return local;
    }
    PathBuf::from(REPO).join("data")
}

/// The bundled sample news: `./examples/news` or the repository's.
pub fn sample_news() -> PathBuf {
    let local = PathBuf::from("examples/news");
    if local.is_dir() {
        return local;
    }
    PathBuf::from(REPO).join("examples/news")
}

/// The sample corpus gold file.
pub fn sample_gold() -> PathBuf {
    let local = PathBuf::from("examples/gold/events.jsonl");
    if local.is_file() {
        return local;
    }
    PathBuf::from(REPO).join("examples/gold/events.jsonl")
}

/// The shared evaluation folder beside the repository (`../shared`), or `$ENTENTE_SHARED`.
pub fn shared() -> PathBuf {
    if let Some(p) = std::env::var_os("ENTENTE_SHARED") {
        return PathBuf::from(p);
    }
    let local = PathBuf::from("../shared");
    if local.is_dir() {
        return local;
    }
    PathBuf::from(REPO).join("../shared")
}

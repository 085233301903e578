//! Reading news articles: the first stage of entente's pipeline.
//!
//! [`read_paths`] turns files, directories and standard input into a stream of [`Article`]s:
//!
//! | input | format | body |
//! |---|---|---|
//! | `.txt`, `.text`, `.md` | [`Format::Text`] | the file's content (title line included) |
//! | `.html`, `.htm` | [`Format::Html`] | main-content text of the page, paragraphs split by `"\n\n"` |
//! | `.jsonl`, `.ndjson` | [`Format::Jsonl`] | each line's `text`, or the main content of its `html` |
//!
//! Each may also be gzipped (`.txt.gz`, `.jsonl.gz`…). Directories are walked recursively in
//! sorted order; files with other extensions are skipped and counted ([`ReadStats::skipped`]);
//! a file named explicitly, or `-` for standard input, is recognised by its first bytes.
//!
//! Reading streams: a directory is listed when reached, a JSONL file is read line by line,
//! so a corpus of any size is read in bounded memory. A bad file or line becomes one
//! [`ReadError`] (`path:line: message`) in the stream and reading goes on.
//!
//! For every article the reader also finds a title and the publication date — metadata first,
//! then a date line near the top of the text ([`date`]; the date written in the file name or
//! key, `2018-05-27-summit.txt`, or else in the URL's path, `…/2018/05/27/summit`, settles
//! day-first numeric lines and gives a year to wire datelines such as
//! `Seoul, May 27 (Staff) --`), then that date of the name or URL itself, then the
//! `--published` fallback of [`ReadOptions::published`]. HTML main-content extraction is described in [`html`]; its
//! quality is measured by [`eval::html_benchmark`].
//!
//! ```no_run
//! use entente_read::{read_paths, ReadOptions};
//! use std::path::PathBuf;
//!
//! let mut articles = read_paths(&[PathBuf::from("news/")], &ReadOptions::default());
//! for item in articles.by_ref() {
//!     match item {
//!         Ok(a) => println!("{} {:?} {} bytes", a.key, a.published.map(|p| p.date), a.body.len()),
//!         Err(e) => eprintln!("{e}"),
//!     }
//! }
//! eprintln!("{:?}", articles.stats());
//! ```
#![deny(missing_docs)]

mod article;
pub mod date;
mod error;
pub mod eval;
pub mod html;
mod sources;

pub use article::{Article, Format, Origin, Published, PublishedFrom};
pub use error::{ReadError, ReadErrorKind};
pub use sources::{Articles, ReadStats};

use chrono::NaiveDate;
use std::path::PathBuf;

/// Default for [`ReadOptions::max_file_bytes`]: 16 MiB.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Options for [`read_paths`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// Publication date for articles where neither metadata nor a date line gives one
    /// (`--published`).
    pub published: Option<NaiveDate>,
    /// Largest text or HTML file accepted (after decompression), and largest JSONL line;
    /// bigger ones are reported as [`ReadErrorKind::TooLarge`].
    pub max_file_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            published: None,
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
        }
    }
}

/// Streams the articles of `paths` (files, directories, `-` for standard input) in order.
///
/// The returned [`Articles`] is an iterator of `Result<Article, ReadError>` that also keeps
/// [`ReadStats`] (files, articles, errors, skipped extensions).
pub fn read_paths(paths: &[PathBuf], opts: &ReadOptions) -> Articles {
    Articles::new(paths, opts)
}

//! Evaluations of the tagger.
//!
//! * [`tempeval`]: TempEval-3 platinum test set, scored as the official TempEval-3 entity
//!   scorer does (relaxed and strict extent P/R/F1; value and type attribute F1 =
//!   attribute accuracy over relaxed matches × relaxed F1).
//! * [`duckling`]: the Duckling English datetime corpus (reference time Tuesday 2013-02-12),
//!   cases at day precision or coarser, with the future-biased reading Duckling uses.
//! * [`cases`]: the crate's own table of news sentences (`tests/data/cases.tsv`).
//!
//! Every report implements `Display` (a human table) and `Serialize` (for `--format json`).

mod cases;
mod duckling;
mod tempeval;

use std::path::PathBuf;

pub use cases::{cases, CaseFailure, CasesReport};
pub use duckling::{duckling, DucklingFailure, DucklingReport};
pub use tempeval::{tempeval, Prf, TempevalMiss, TempevalReport};

/// Evaluation errors.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A line is not valid JSON or lacks a field.
    #[error("{path} line {line}: {msg}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        msg: String,
    },
}

pub(crate) fn read(path: &std::path::Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })
}

pub(crate) fn parse_err(path: &std::path::Path, line: usize, msg: impl Into<String>) -> EvalError {
    EvalError::Parse {
        path: path.to_path_buf(),
        line,
        msg: msg.into(),
    }
}

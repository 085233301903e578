//! The one error type of the knowledge base.

use std::path::PathBuf;

/// Everything that can go wrong while loading the knowledge base.
///
/// Messages name the file and line (`states.tsv:12: ...`), are lower case and have no final
/// period, so that a command-line tool can print them as they are.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum KbError {
    /// A file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file that could not be read.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A row (or the header) of a data file is malformed or inconsistent with other files.
    #[error("{file}:{line}: {message}")]
    Invalid {
        /// File name relative to the knowledge-base directory, e.g. `roles.tsv`.
        file: String,
        /// 1-based line number in that file.
        line: usize,
        /// What was found and what was expected.
        message: String,
    },
    /// No knowledge-base directory was found by [`crate::Kb::load_default`].
    #[error("no knowledge-base directory found (tried {tried})")]
    NotFound {
        /// The directories that were tried, separated by commas.
        tried: String,
    },
}

impl KbError {
    pub(crate) fn invalid(file: &str, line: usize, message: impl Into<String>) -> Self {
        KbError::Invalid {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_file_and_line() {
        let cases = [
            (
                KbError::invalid("roles.tsv", 7, "bad date '2019-13-01'"),
                "roles.tsv:7: bad date '2019-13-01'",
            ),
            (
                KbError::NotFound {
                    tried: "a, b".into(),
                },
                "no knowledge-base directory found (tried a, b)",
            ),
        ];
        for (err, want) in cases {
            assert_eq!(err.to_string(), want);
        }
    }
}

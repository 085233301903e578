//! Errors about one input file or JSONL line.

use std::fmt;
use std::path::PathBuf;

/// An article that could not be read: where, and why.
///
/// Displays as `path:line: message` (`path: message` without a line). A bad article is
/// reported and the iteration goes on with the next one.
#[derive(Debug)]
pub struct ReadError {
    /// The file (`-` for standard input).
    pub path: PathBuf,
    /// The 1-based line of a JSONL file, when the problem is in one line.
    pub line: Option<usize>,
    /// What went wrong.
    pub kind: ReadErrorKind,
}

/// What went wrong while reading.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadErrorKind {
    /// The file or directory could not be opened or read.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The bytes are not UTF-8 (and, for HTML, not in a declared charset we can decode).
    #[error("invalid UTF-8 at byte {offset}")]
    InvalidUtf8 {
        /// Offset of the first bad byte in the file or line.
        offset: usize,
    },
    /// A JSONL line is not a JSON object.
    #[error("invalid JSON: {message}")]
    Json {
        /// The parser's message.
        message: String,
    },
    /// A JSONL object has neither `text` nor `html`, or a field has the wrong type.
    #[error("missing or malformed field '{field}': expected {expected}")]
    MissingField {
        /// The field.
        field: &'static str,
        /// What was expected there.
        expected: &'static str,
    },
    /// The article has no text.
    #[error("empty article: no text found")]
    Empty,
    /// The file (or JSONL line) is larger than the limit.
    #[error("{bytes} bytes is over the limit of {limit} bytes (see --max-file-bytes)")]
    TooLarge {
        /// Size found (at least this many bytes).
        bytes: u64,
        /// The limit in force.
        limit: u64,
    },
}

impl ReadError {
    pub(crate) fn new(path: impl Into<PathBuf>, line: Option<usize>, kind: ReadErrorKind) -> Self {
        ReadError {
            path: path.into(),
            line,
            kind,
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path.display(), line, self.kind),
            None => write!(f, "{}: {}", self.path.display(), self.kind),
        }
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ReadErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages() {
        let table = [
            (
                ReadError::new(
                    "a.jsonl",
                    Some(3),
                    ReadErrorKind::Json {
                        message: "expected value".into(),
                    },
                ),
                "a.jsonl:3: invalid JSON: expected value",
            ),
            (
                ReadError::new("b.txt", None, ReadErrorKind::InvalidUtf8 { offset: 17 }),
                "b.txt: invalid UTF-8 at byte 17",
            ),
            (
                ReadError::new(
                    "c.html",
                    None,
                    ReadErrorKind::TooLarge {
                        bytes: 20,
                        limit: 10,
                    },
                ),
                "c.html: 20 bytes is over the limit of 10 bytes (see --max-file-bytes)",
            ),
            (
                ReadError::new(
                    "d.jsonl",
                    Some(1),
                    ReadErrorKind::MissingField {
                        field: "text",
                        expected: "a string (or 'html')",
                    },
                ),
                "d.jsonl:1: missing or malformed field 'text': expected a string (or 'html')",
            ),
        ];
        for (err, want) in table {
            assert_eq!(err.to_string(), want);
        }
    }
}

//! Walking input paths and streaming articles out of them.
//!
//! [`Articles`] is a lazy iterator: directories are listed one at a time (names only, sorted),
//! a text or HTML file is read when its turn comes, and a JSONL file is read one line at a
//! time, so memory stays bounded by the largest single article whatever the input size.

use crate::article::{html_article, jsonl_article, text_article, Article, Format, Origin};
use crate::error::{ReadError, ReadErrorKind};
use crate::ReadOptions;
use flate2::read::MultiGzDecoder;
use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Counts kept while iterating, for the end-of-run summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadStats {
    /// Files opened (a JSONL file counts once).
    pub files: usize,
    /// Articles produced.
    pub articles: usize,
    /// Errors reported.
    pub errors: usize,
    /// Files skipped during directory walks because of their extension, by extension.
    pub skipped: HashMap<String, usize>,
}

/// How deep directory walks go (guards against symlink cycles).
const MAX_DEPTH: usize = 64;

/// The format implied by a file name, looking through a `.gz` suffix.
pub(crate) fn format_of(path: &Path) -> (Option<Format>, bool) {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let (name, gz) = match name.strip_suffix(".gz") {
        Some(n) => (n.to_string(), true),
        None => (name, false),
    };
    let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or_default();
    let format = match ext {
        "txt" | "text" | "md" => Some(Format::Text),
        "html" | "htm" => Some(Format::Html),
        "jsonl" | "ndjson" => Some(Format::Jsonl),
        _ => None,
    };
    (format, gz)
}

/// Guesses the format of content from its first bytes: `{` is JSONL, `<` is HTML.
fn sniff(head: &[u8]) -> Format {
    let head = head.strip_prefix("\u{feff}".as_bytes()).unwrap_or(head);
    match head.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => Format::Jsonl,
        Some(b'<') => Format::Html,
        _ => Format::Text,
    }
}

/// A JSONL file being read line by line.
struct JsonlStream {
    path: PathBuf,
    file_name: String,
    reader: Box<dyn BufRead>,
    line: usize,
    buf: Vec<u8>,
}

/// Streams articles from files, directories and standard input; see [`crate::read_paths`].
pub struct Articles {
    opts: ReadOptions,
    /// Paths still to visit, last first; `bool` = named by the user (not found by a walk).
    stack: Vec<(PathBuf, bool, usize)>,
    jsonl: Option<JsonlStream>,
    stats: ReadStats,
}

impl Articles {
    pub(crate) fn new(paths: &[PathBuf], opts: &ReadOptions) -> Articles {
        Articles {
            opts: opts.clone(),
            stack: paths.iter().rev().map(|p| (p.clone(), true, 0)).collect(),
            jsonl: None,
            stats: ReadStats::default(),
        }
    }

    /// Counts so far (complete once the iterator is exhausted).
    pub fn stats(&self) -> &ReadStats {
        &self.stats
    }

    fn next_item(&mut self) -> Option<Result<Article, ReadError>> {
        loop {
            if let Some(stream) = &mut self.jsonl {
                match next_jsonl(stream, &self.opts) {
                    Some(item) => return Some(item),
                    None => self.jsonl = None,
                }
            }
            let (path, explicit, depth) = self.stack.pop()?;
            if path.as_os_str() == "-" {
                self.stats.files += 1;
                let reader: Box<dyn BufRead> = Box::new(BufReader::new(io::stdin()));
                match self.open_stream(path, "-".into(), reader, None) {
                    Some(item) => return Some(item),
                    None => continue,
                }
            }
            let meta = match std::fs::metadata(&path) {
                Ok(m) => m,
                Err(e) => return Some(Err(ReadError::new(path, None, e.into()))),
            };
            if meta.is_dir() {
                if depth >= MAX_DEPTH {
                    continue;
                }
                if let Err(e) = self.push_dir(&path, depth) {
                    return Some(Err(ReadError::new(path, None, e.into())));
                }
                continue;
            }
            let (format, gz) = format_of(&path);
            if format.is_none() && !explicit {
                let ext = path
                    .extension()
                    .map(|e| e.to_string_lossy().to_ascii_lowercase())
                    .unwrap_or_default();
                *self.stats.skipped.entry(ext).or_insert(0) += 1;
                continue;
            }
            self.stats.files += 1;
            let file_name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string());
            let file = match File::open(&path) {
                Ok(f) => f,
                Err(e) => return Some(Err(ReadError::new(path, None, e.into()))),
            };
            if !gz && format != Some(Format::Jsonl) && meta.len() > self.opts.max_file_bytes {
                let kind = ReadErrorKind::TooLarge {
                    bytes: meta.len(),
                    limit: self.opts.max_file_bytes,
                };
                return Some(Err(ReadError::new(path, None, kind)));
            }
            let reader: Box<dyn BufRead> = if gz {
                Box::new(BufReader::new(MultiGzDecoder::new(file)))
            } else {
                Box::new(BufReader::new(file))
            };
            if let Some(item) = self.open_stream(path, file_name, reader, format) {
                return Some(item);
            }
        }
    }

    /// Reads a whole text/HTML article, or starts a JSONL stream (returning `None`).
    fn open_stream(
        &mut self,
        path: PathBuf,
        file_name: String,
        mut reader: Box<dyn BufRead>,
        format: Option<Format>,
    ) -> Option<Result<Article, ReadError>> {
        let format = match format {
            Some(f) => f,
            None => match reader.fill_buf() {
                Ok(head) => sniff(head),
                Err(e) => return Some(Err(ReadError::new(path, None, e.into()))),
            },
        };
        if format == Format::Jsonl {
            self.jsonl = Some(JsonlStream {
                path,
                file_name,
                reader,
                line: 0,
                buf: Vec::new(),
            });
            return None;
        }
        let limit = self.opts.max_file_bytes;
        let result = read_limited(reader, limit).and_then(|bytes| {
            let origin = Origin {
                path: path.clone(),
                line: None,
            };
            let fallback = self.opts.published;
            match format {
                Format::Html => {
                    let html = decode_html(bytes)?;
                    html_article(file_name, origin, &html, fallback)
                }
                _ => {
                    let text =
                        String::from_utf8(bytes).map_err(|e| ReadErrorKind::InvalidUtf8 {
                            offset: e.utf8_error().valid_up_to(),
                        })?;
                    text_article(file_name, origin, text, fallback)
                }
            }
        });
        Some(result.map_err(|kind| ReadError::new(path, None, kind)))
    }

    fn push_dir(&mut self, dir: &Path, depth: usize) -> io::Result<()> {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
            .filter_map(Result::ok)
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .map(|e| e.path())
            .collect();
        entries.sort();
        self.stack
            .extend(entries.into_iter().rev().map(|p| (p, false, depth + 1)));
        Ok(())
    }
}

impl Iterator for Articles {
    type Item = Result<Article, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        let item = self.next_item()?;
        match &item {
            Ok(_) => self.stats.articles += 1,
            Err(_) => self.stats.errors += 1,
        }
        Some(item)
    }
}

/// Reads at most `limit` bytes; more is an error.
fn read_limited(reader: impl Read, limit: u64) -> Result<Vec<u8>, ReadErrorKind> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadErrorKind::TooLarge {
            bytes: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Decodes an HTML page: UTF-8, or a declared Latin-1/Windows-1252 page.
fn decode_html(bytes: Vec<u8>) -> Result<String, ReadErrorKind> {
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let head =
                String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
            let single_byte = [
                "iso-8859-1",
                "latin1",
                "windows-1252",
                "latin-1",
                "us-ascii",
            ]
            .iter()
            .any(|cs| {
                head.contains(&format!("charset={cs}")) || head.contains(&format!("charset=\"{cs}"))
            });
            if single_byte {
                Ok(bytes.iter().map(|&b| windows_1252(b)).collect())
            } else {
                Err(ReadErrorKind::InvalidUtf8 { offset })
            }
        }
    }
}

/// Windows-1252 (a superset of Latin-1 as browsers read it) byte to char.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[(b - 0x80) as usize],
        _ => char::from(b),
    }
}

/// Reads the next non-blank line of a JSONL stream into an article; `None` at the end.
fn next_jsonl(s: &mut JsonlStream, opts: &ReadOptions) -> Option<Result<Article, ReadError>> {
    loop {
        s.buf.clear();
        s.line += 1;
        let err = |kind| Some(Err(ReadError::new(s.path.clone(), Some(s.line), kind)));
        let len = match read_line_limited(&mut *s.reader, &mut s.buf, opts.max_file_bytes) {
            Ok(None) => return None,
            Ok(Some(len)) => len,
            Err(e) => return err(e.into()),
        };
        if len > opts.max_file_bytes {
            return err(ReadErrorKind::TooLarge {
                bytes: len,
                limit: opts.max_file_bytes,
            });
        }
        let line = match std::str::from_utf8(&s.buf) {
            Ok(l) => l,
            Err(e) => {
                return err(ReadErrorKind::InvalidUtf8 {
                    offset: e.valid_up_to(),
                })
            }
        };
        let line = line.trim_start_matches('\u{feff}');
        if line.trim().is_empty() {
            continue;
        }
        let obj = match serde_json::from_str::<serde_json::Value>(line) {
            Ok(serde_json::Value::Object(o)) => o,
            Ok(_) => {
                return err(ReadErrorKind::Json {
                    message: "expected an object per line".into(),
                })
            }
            Err(e) => {
                return err(ReadErrorKind::Json {
                    message: e.to_string(),
                })
            }
        };
        let origin = Origin {
            path: s.path.clone(),
            line: Some(s.line),
        };
        return Some(
            jsonl_article(&s.file_name, origin, obj, opts.published)
                .map_err(|kind| ReadError::new(s.path.clone(), Some(s.line), kind)),
        );
    }
}

/// Reads one line (without its `\n`/`\r\n`) into `buf`, keeping at most `limit` bytes.
/// Returns the line's full length (which may exceed `limit`), or `None` at the end of input.
fn read_line_limited(
    r: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: u64,
) -> io::Result<Option<u64>> {
    let mut total: u64 = 0;
    let mut seen_any = false;
    loop {
        let available = r.fill_buf()?;
        if available.is_empty() {
            break;
        }
        seen_any = true;
        let (take, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        let content = &available[..if done { take - 1 } else { take }];
        if total + (content.len() as u64) <= limit {
            buf.extend_from_slice(content);
        }
        total += content.len() as u64;
        r.consume(take);
        if done {
            break;
        }
    }
    if !seen_any {
        return Ok(None);
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Some(total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_name() {
        let table = [
            ("a.txt", (Some(Format::Text), false)),
            ("a.MD", (Some(Format::Text), false)),
            ("dir/a.htm", (Some(Format::Html), false)),
            ("a.ndjson.gz", (Some(Format::Jsonl), true)),
            ("a.html.gz", (Some(Format::Html), true)),
            ("a.pdf", (None, false)),
            ("README", (None, false)),
        ];
        for (name, want) in table {
            assert_eq!(format_of(Path::new(name)), want, "{name}");
        }
        assert_eq!(sniff(b"  {\"a\":1}"), Format::Jsonl);
        assert_eq!(sniff(b"\n<!doctype html>"), Format::Html);
        assert_eq!(sniff(b"Kim meets Moon"), Format::Text);
    }

    #[test]
    fn limited_lines() {
        let mut r = io::Cursor::new(b"short\r\nmuch longer line\nlast".to_vec());
        let mut buf = Vec::new();
        let mut lines = Vec::new();
        while let Some(n) = read_line_limited(&mut r, &mut buf, 8).unwrap_or_else(|e| panic!("{e}"))
        {
            lines.push((String::from_utf8_lossy(&buf).into_owned(), n));
            buf.clear();
        }
        assert_eq!(
            lines,
            [
                ("short".to_string(), 6),
                (String::new(), 16),
                ("last".to_string(), 4)
            ]
        );
    }

    #[test]
    fn latin1_pages_decode() {
        let mut page = b"<meta charset=\"windows-1252\"><p>caf".to_vec();
        page.extend([0xe9, b' ', 0x93, b'x', 0x94]);
        assert_eq!(
            decode_html(page).unwrap_or_else(|e| panic!("{e}")),
            "<meta charset=\"windows-1252\"><p>café “x”"
        );
        assert!(matches!(
            decode_html(vec![b'<', 0xff]),
            Err(ReadErrorKind::InvalidUtf8 { offset: 1 })
        ));
    }
}

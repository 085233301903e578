//! Cleaning article bodies: the second stage of entente's pipeline.
//!
//! Scraped news text carries boilerplate inside it — ad placeholders, sharing bars, comment
//! forms, "Read more" pointers, newsletter pitches, copyright notices, wire end markers, tip
//! lines, hashtag lines, cookie notices, stray lines in another script — and image captions
//! with credits. A [`Cleaner`] removes the boilerplate, marks captions (they often state real,
//! dated meetings, so their text stays), strips the credit markers, and collapses whitespace.
//!
//! Data flow: `body` (from `entente-read`) → line-by-line matching against the pattern table in
//! [`patterns`] → edits recorded on an [`entente_text::CleanText`] in body coordinates → one
//! pass that yields the clean text and its [`OffsetMap`] back to the body. Nothing edits text
//! any other way, so every span of the clean text maps back to the body exactly.
//!
//! The cleaner works on lines: boilerplate is nearly always a line or paragraph of its own
//! once HTML is laid out as text. Only a few markers are removed inside lines (an inline
//! `(END)`, `ADVERTISEMENT`, a trailing "Read more »", photo-credit markers).
//!
//! ```
//! use entente_clean::Cleaner;
//! let body = "Moon meets Kim\n\nADVERTISEMENT\n\nThe leaders met in Pyongyang. (END)\n\n\
//!             Moon and Kim wave. (Photo: Yonhap)\n\n#NorthKorea #Diplomacy";
//! let cleaned = Cleaner::new().clean(body, &[]);
//! assert_eq!(cleaned.text, "Moon meets Kim\n\nThe leaders met in Pyongyang.\n\nMoon and Kim wave.");
//! assert_eq!(&cleaned.text[cleaned.captions[0].range()], "Moon and Kim wave.");
//! let reasons: Vec<_> = cleaned.removed.iter().map(|r| r.reason).collect();
//! assert_eq!(reasons, ["advertisement", "end-marker", "photo-credit", "hashtags"]);
//! ```
#![deny(missing_docs)]

pub mod patterns;
mod script;

use entente_text::{CleanText, OffsetMap, Span};
use patterns::{Action, Pattern, MAX_BOILERPLATE_LINE, PATTERNS};
use regex::{Regex, RegexSet};
use std::path::{Path, PathBuf};

/// A stretch of the body that cleaning removed, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Removed {
    /// The removed text in body coordinates (for a removed line: the line without its
    /// surrounding whitespace).
    pub span: Span,
    /// The pattern's reason (`advertisement`, `share`, `foreign-script`…).
    pub reason: &'static str,
}

/// The result of cleaning one body.
#[derive(Debug, Clone, PartialEq)]
pub struct Cleaned {
    /// The clean text: boilerplate and credit markers removed, whitespace collapsed
    /// (paragraphs separated by `"\n\n"`).
    pub text: String,
    /// Maps offsets of `text` to offsets of the body.
    pub map: OffsetMap,
    /// Spans of `text` that are image captions, in order.
    pub captions: Vec<Span>,
    /// What was removed, in body order.
    pub removed: Vec<Removed>,
}

/// An extra-pattern file could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PatternError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A line is not `ACTION<TAB>REASON<TAB>REGEX` with a known action and a valid regex.
    #[error("{path}:{line}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

struct Compiled {
    action: Action,
    reason: &'static str,
    regex: Regex,
}

/// Removes boilerplate and marks captions; build once, use for every article.
pub struct Cleaner {
    set: RegexSet,
    patterns: Vec<Compiled>,
}

impl Default for Cleaner {
    fn default() -> Self {
        Cleaner::new()
    }
}

impl std::fmt::Debug for Cleaner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cleaner")
            .field("patterns", &self.patterns.len())
            .finish()
    }
}

/// Prepares a table regex: case-insensitive, and with ASCII word boundaries. A Unicode `\b`
/// makes the regex engine leave its fast DFA on any non-ASCII text (curly quotes, dashes), which
/// made cleaning several times slower; boilerplate cue words are ASCII anyway.
fn case_insensitive(regex: &str) -> String {
    format!("(?i){}", regex.replace(r"\b", r"(?-u:\b)"))
}

impl Cleaner {
    /// A cleaner with the built-in [`PATTERNS`].
    ///
    /// # Panics
    /// Never in practice: the built-in patterns are checked by a unit test.
    pub fn new() -> Cleaner {
        Cleaner::with_patterns(PATTERNS.iter().copied())
            .unwrap_or_else(|e| panic!("built-in pattern does not compile: {e}"))
    }

    fn with_patterns(patterns: impl Iterator<Item = Pattern>) -> Result<Cleaner, regex::Error> {
        let compiled = patterns
            .map(|p| {
                Ok(Compiled {
                    action: p.action,
                    reason: p.reason,
                    regex: Regex::new(&case_insensitive(p.regex))?,
                })
            })
            .collect::<Result<Vec<_>, regex::Error>>()?;
        let set = RegexSet::new(compiled.iter().map(|c| c.regex.as_str()))?;
        Ok(Cleaner {
            set,
            patterns: compiled,
        })
    }

    /// A cleaner with the built-in patterns plus those of `path` (format in [`patterns`]).
    ///
    /// # Errors
    /// When the file cannot be read or a line is malformed; the message names `path:line`.
    pub fn with_extra_patterns(path: &Path) -> Result<Cleaner, PatternError> {
        let text = std::fs::read_to_string(path).map_err(|source| PatternError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let invalid = |line: usize, message: String| PatternError::Invalid {
            path: path.to_path_buf(),
            line,
            message,
        };
        let mut extra = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let l = raw.trim_end();
            if l.trim().is_empty() || l.trim_start().starts_with('#') {
                continue;
            }
            let mut fields = l.splitn(3, '\t');
            let (Some(action), Some(reason), Some(regex)) =
                (fields.next(), fields.next(), fields.next())
            else {
                return Err(invalid(
                    i + 1,
                    "expected ACTION<TAB>REASON<TAB>REGEX".to_string(),
                ));
            };
            let action = Action::from_name(action.trim()).ok_or_else(|| {
                invalid(
                    i + 1,
                    format!(
                        "unknown action '{action}', expected remove-line, remove-match or credit"
                    ),
                )
            })?;
            if let Err(e) = Regex::new(&case_insensitive(regex)) {
                return Err(invalid(i + 1, format!("bad regex: {e}")));
            }
            // Reasons live as long as the cleaner's patterns; extra files are loaded once at
            // start-up, so leaking their few strings costs nothing that matters.
            let reason: &'static str = Box::leak(reason.trim().to_string().into_boxed_str());
            let regex: &'static str = Box::leak(regex.to_string().into_boxed_str());
            extra.push(Pattern {
                action,
                reason,
                regex,
            });
        }
        Cleaner::with_patterns(PATTERNS.iter().copied().chain(extra))
            .map_err(|e| invalid(0, format!("patterns do not compile together: {e}")))
    }

    /// Cleans `body`; `caption_hints` are spans of `body` the reader knows to be captions.
    pub fn clean(&self, body: &str, caption_hints: &[Span]) -> Cleaned {
        let mut ct = CleanText::new(body);
        let mut removed = Vec::new();
        let mut captions = Vec::new();
        let latin_article = script::is_mostly_latin(body);
        let mut line_start = 0;
        for raw in body.split_inclusive('\n') {
            let line_end = line_start + raw.len();
            let content = raw.trim();
            if !content.is_empty() {
                let lead = raw.len() - raw.trim_start().len();
                let span = Span::new(line_start + lead, line_start + lead + content.len());
                let hinted = caption_hints.iter().any(|h| h.overlaps(span));
                let whole = Span::new(line_start, line_end);
                self.clean_line(
                    body,
                    span,
                    whole,
                    hinted,
                    latin_article,
                    &mut ct,
                    &mut removed,
                    &mut captions,
                );
            }
            line_start = line_end;
        }
        ct.collapse_whitespace();
        let (text, map) = ct.finish();
        let captions = captions
            .into_iter()
            .map(|s| map.span_to_clean(s))
            .filter(|s| !s.is_empty())
            .collect();
        removed.sort_by_key(|r: &Removed| (r.span.start, r.span.end));
        Cleaned {
            text,
            map,
            captions,
            removed,
        }
    }

    /// Decides the fate of one non-blank line: `span` is its trimmed text, `whole` the line
    /// with its indentation and newline.
    #[allow(clippy::too_many_arguments)]
    fn clean_line(
        &self,
        body: &str,
        span: Span,
        whole: Span,
        hinted: bool,
        latin_article: bool,
        ct: &mut CleanText,
        removed: &mut Vec<Removed>,
        captions: &mut Vec<Span>,
    ) {
        let line = &body[span.range()];
        let mut remove_line = |reason: &'static str, ct: &mut CleanText| {
            // Removals never conflict: CleanText merges overlapping removals.
            let _ = ct.remove(whole);
            removed.push(Removed { span, reason });
        };
        let matches = self.set.matches(line);
        if line.len() <= MAX_BOILERPLATE_LINE {
            let whole_line = matches
                .iter()
                .map(|i| &self.patterns[i])
                .find(|p| p.action == Action::RemoveLine);
            if let Some(p) = whole_line {
                remove_line(p.reason, ct);
                return;
            }
        }
        if latin_article && script::is_foreign_line(line) {
            remove_line("foreign-script", ct);
            return;
        }
        let mut caption = hinted.then_some(span);
        let mut cuts: Vec<(Span, &'static str)> = Vec::new();
        for p in matches.iter().map(|i| &self.patterns[i]) {
            match p.action {
                Action::RemoveLine => {}
                Action::RemoveMatch => {
                    cuts.extend(p.regex.find_iter(line).filter(|m| !m.is_empty()).map(|m| {
                        (
                            Span::new(span.start() + m.start(), span.start() + m.end()),
                            p.reason,
                        )
                    }))
                }
                Action::Credit => {
                    let Some(m) = p.regex.find(line).filter(|m| !m.is_empty()) else {
                        continue;
                    };
                    let marker = Span::new(span.start() + m.start(), span.start() + m.end());
                    let before = &line[..m.start()];
                    let after = &line[m.end()..];
                    if !has_words(before) && !has_words(after) {
                        remove_line(p.reason, ct);
                        return;
                    }
                    if caption.is_none() || hinted {
                        cuts.push((marker, p.reason));
                        // The caption is the line minus its marker, trimmed.
                        let rest = if has_words(before) {
                            Span::new(span.start(), marker.start())
                        } else {
                            Span::new(marker.end(), span.end())
                        };
                        caption = Some(trim_span(body, rest));
                    }
                }
            }
        }
        for (cut, reason) in cuts {
            if ct.remove(cut).is_ok() {
                removed.push(Removed { span: cut, reason });
            }
        }
        if let Some(c) = caption {
            captions.push(c);
        }
    }
}

/// True when `s` has at least one word of two or more letters.
fn has_words(s: &str) -> bool {
    s.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.chars().count() >= 2)
}

/// `span` without leading and trailing whitespace and separator punctuation.
fn trim_span(body: &str, span: Span) -> Span {
    let text = &body[span.range()];
    let is_edge = |c: char| c.is_whitespace() || matches!(c, '|' | '/' | '-' | '–' | '—' | ':');
    let start_trim = text.len() - text.trim_start_matches(is_edge).len();
    let end = text.trim_end_matches(is_edge).len().max(start_trim);
    Span::new(span.start() + start_trim, span.start() + end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_table() {
        let c = Cleaner::new();
        // (body, clean text, captions, reasons)
        let table: &[(&str, &str, &[&str], &[&str])] = &[
            ("Kim met Moon.", "Kim met Moon.", &[], &[]),
            ("A\n\nAdvertisement\n\nB", "A\n\nB", &[], &["advertisement"]),
            ("A\n- ADVERTISEMENT -\nB", "A\nB", &[], &["advertisement"]),
            ("They met. ADVERTISEMENT The talks went on.", "They met. The talks went on.", &[], &["advertisement"]),
            ("A\n\nLeave a comment\n\nYour email address will not be published. Required fields are marked *", "A", &[], &["comment-form", "comment-form"]),
            ("A\n\nShare this article\n\nShare on Facebook\n\nFacebook Twitter WhatsApp Email", "A", &[], &["share", "share", "share"]),
            ("A\n\nRead more: Kim arrives in Hanoi\n\nRelated:\n\nTrending now\n\nMost read", "A", &[], &["read-more", "read-more", "read-more", "read-more"]),
            ("They agreed to meet again. Read more »", "They agreed to meet again.", &[], &["read-more"]),
            ("A\n\nSubscribe to our newsletter\n\nSign up for our daily briefing", "A", &[], &["newsletter", "newsletter"]),
            ("A\n\n© 2019 Yonhap. All rights reserved.\n\nReproduction and redistribution prohibited", "A", &[], &["copyright", "copyright"]),
            ("The talks ended. (END)", "The talks ended.", &[], &["end-marker"]),
            ("A\n\n(END)", "A", &[], &["end-marker"]),
            ("A\n\nFollow us on Twitter @example\n\nGot a tip? Email tips@example.com", "A", &[], &["social", "tip-line"]),
            ("A\n\n#NorthKorea #Diplomacy", "A", &[], &["hashtags"]),
            ("A\n\nWe use cookies to improve your experience.", "A", &[], &["cookie-notice"]),
            ("Kim met Moon in Seoul.\n\n김정은 위원장과 문재인 대통령이 만났다.\n\nThey talked about the railway.", "Kim met Moon in Seoul.\n\nThey talked about the railway.", &[], &["foreign-script"]),
            ("Moon and Kim shake hands. (Photo: Reuters)", "Moon and Kim shake hands.", &["Moon and Kim shake hands."], &["photo-credit"]),
            ("Kim arrives in Hanoi. [Photo credit=AFP]", "Kim arrives in Hanoi.", &["Kim arrives in Hanoi."], &["photo-credit"]),
            ("Moon speaks at the summit. (Yonhap)", "Moon speaks at the summit.", &["Moon speaks at the summit."], &["photo-credit"]),
            ("A\n\nPhoto: AP\n\nB", "A\n\nB", &[], &["photo-credit"]),
            ("Xi greets Putin in Beijing / Getty Images", "Xi greets Putin in Beijing", &["Xi greets Putin in Beijing"], &["photo-credit"]),
            ("SEOUL, Feb. 27 (Yonhap) -- Moon met Kim.", "SEOUL, Feb. 27 (Yonhap) -- Moon met Kim.", &[], &[]),
            ("More than 200 people attended the summit on June 12.", "More than 200 people attended the summit on June 12.", &[], &[]),
            ("The ad campaign was announced on Monday.", "The ad campaign was announced on Monday.", &[], &[]),
        ];
        for (body, text, caps, reasons) in table {
            let out = c.clean(body, &[]);
            assert_eq!(out.text, *text, "body {body:?}");
            let got_caps: Vec<&str> = out.captions.iter().map(|s| &out.text[s.range()]).collect();
            assert_eq!(got_caps, *caps, "body {body:?}");
            let got: Vec<&str> = out.removed.iter().map(|r| r.reason).collect();
            assert_eq!(got, *reasons, "body {body:?}");
        }
    }

    #[test]
    fn caption_hints_mark_captions() {
        let body = "Leaders meet\n\nMoon and Trump at the White House\n\nThey talked.";
        let hint = Span::new(14, 47);
        assert_eq!(&body[hint.range()], "Moon and Trump at the White House");
        let out = Cleaner::new().clean(body, &[hint]);
        assert_eq!(out.captions.len(), 1);
        assert_eq!(
            &out.text[out.captions[0].range()],
            "Moon and Trump at the White House"
        );
    }

    #[test]
    fn extra_patterns_file() {
        let dir = std::env::temp_dir().join(format!("entente-clean-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        let good = dir.join("good.tsv");
        std::fs::write(&good, "# ours\nremove-line\tnavigation\t^back to top$\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let c = Cleaner::with_extra_patterns(&good).unwrap_or_else(|e| panic!("{e}"));
        let out = c.clean("A\n\nBack to top", &[]);
        assert_eq!(out.text, "A");
        assert_eq!(out.removed[0].reason, "navigation");
        let bad = dir.join("bad.tsv");
        std::fs::write(&bad, "\nremove-line\tx\t(unclosed\n").unwrap_or_else(|e| panic!("{e}"));
        let err = Cleaner::with_extra_patterns(&bad)
            .map(|_| ())
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with(&format!("{}:2: bad regex", bad.display())),
            "{err}"
        );
        std::fs::write(&bad, "drop\tx\ty\n").unwrap_or_else(|e| panic!("{e}"));
        let err = Cleaner::with_extra_patterns(&bad)
            .map(|_| ())
            .unwrap_err()
            .to_string();
        assert!(err.contains(":1: unknown action 'drop'"), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}

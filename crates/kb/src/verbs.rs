//! Reporting verbs ("said", "told", "believes"): `reporting_verbs.txt` of the knowledge-base
//! directory, one `form<TAB>kind` per line, shared by every stage that must tell a reporting
//! frame from an event ("Seoul said …", "Kim told Moon that …", "analysts believe …").
//!
//! [`crate::Kb::load`] reads the file of the directory it loads and installs it for the whole
//! process (the first load wins); before any load, or when the directory has no such file, the
//! copy compiled from the repository's `data/kb` serves. Stages deep in extraction ask
//! [`reporting_verbs`] without carrying the knowledge base around.

use crate::KbError;
use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

/// The file name inside the knowledge-base directory.
pub const FILE: &str = "reporting_verbs.txt";

/// How a reporting verb behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbKind {
    /// "said": opens a reporting frame whose subject is the speaker; no person as object.
    Frame,
    /// "told": opens a reporting frame and takes the addressee as object.
    FrameObject,
    /// "believes", "warned": takes a clause but is no frame of its own.
    Clause,
}

/// The reporting verbs of one data file.
#[derive(Debug, Clone, Default)]
pub struct ReportingVerbs {
    kinds: HashMap<String, VerbKind>,
}

impl ReportingVerbs {
    /// Parses the file's text; errors name `file` and the line.
    ///
    /// # Errors
    /// [`KbError::Invalid`] for a line without a tab or with an unknown kind.
    pub fn parse(text: &str, file: &str) -> Result<ReportingVerbs, KbError> {
        let mut kinds = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            let l = line.trim();
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            let Some((form, kind)) = l.split_once('\t') else {
                return Err(KbError::invalid(file, i + 1, "expected form<TAB>kind"));
            };
            let kind = match kind.trim() {
                "frame" => VerbKind::Frame,
                "frame-object" => VerbKind::FrameObject,
                "clause" => VerbKind::Clause,
                other => {
                    return Err(KbError::invalid(
                        file,
                        i + 1,
                        format!("unknown kind '{other}' (frame, frame-object or clause)"),
                    ))
                }
            };
            kinds.insert(form.trim().to_lowercase(), kind);
        }
        Ok(ReportingVerbs { kinds })
    }

    /// The kind of this (lower-case) word, when it is a reporting verb.
    pub fn kind(&self, w: &str) -> Option<VerbKind> {
        self.kinds.get(w).copied()
    }

    /// True for a verb that opens a reporting frame ("said", "told", "according").
    pub fn is_reporting(&self, w: &str) -> bool {
        matches!(self.kind(w), Some(VerbKind::Frame | VerbKind::FrameObject))
    }

    /// True for a verb that takes a clause rather than a person as object ("said",
    /// "believes", "warned"; not "told").
    pub fn takes_clause(&self, w: &str) -> bool {
        matches!(self.kind(w), Some(VerbKind::Frame | VerbKind::Clause))
    }

    /// True for a reporting verb of any kind.
    pub fn is_any(&self, w: &str) -> bool {
        self.kind(w).is_some()
    }

    /// Number of forms.
    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }
}

static INSTALLED: OnceLock<ReportingVerbs> = OnceLock::new();

static BUILT_IN: LazyLock<ReportingVerbs> = LazyLock::new(|| {
    // The repository's file, checked by the tests below: it always parses.
    ReportingVerbs::parse(include_str!("../../../data/kb/reporting_verbs.txt"), FILE)
        .unwrap_or_default()
});

/// Makes `verbs` the process's reporting verbs, unless some were installed before.
pub(crate) fn install(verbs: ReportingVerbs) {
    let _ = INSTALLED.set(verbs);
}

/// The process's reporting verbs: those of the first knowledge base loaded, else the
/// repository's.
pub fn reporting_verbs() -> &'static ReportingVerbs {
    INSTALLED.get().unwrap_or(&BUILT_IN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_repository_file_parses() {
        let text = include_str!("../../../data/kb/reporting_verbs.txt");
        let v = ReportingVerbs::parse(text, FILE).expect("data/kb/reporting_verbs.txt parses");
        let lines = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(v.len(), lines);
    }

    #[test]
    fn kinds() {
        let v = ReportingVerbs::parse("said\tframe\ntold\tframe-object\nbelieves\tclause\n", FILE)
            .expect("parses");
        // (word, reporting frame, takes a clause, any kind)
        let cases = [
            ("said", true, true, true),
            ("told", true, false, true),
            ("believes", false, true, true),
            ("met", false, false, false),
        ];
        for (w, frame, clause, any) in cases {
            assert_eq!(
                (v.is_reporting(w), v.takes_clause(w), v.is_any(w)),
                (frame, clause, any),
                "{w}"
            );
        }
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let cases = [
            (
                "said\tframe\nwarned clause\n",
                "reporting_verbs.txt:2: expected form<TAB>kind",
            ),
            (
                "# c\nsaid\tspeech\n",
                "reporting_verbs.txt:2: unknown kind 'speech' (frame, frame-object or clause)",
            ),
        ];
        for (text, want) in cases {
            let err = ReportingVerbs::parse(text, FILE).expect_err(text);
            assert_eq!(err.to_string(), want);
        }
    }
}

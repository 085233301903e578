//! Reporting verbs ("said", "told", "believes"), read from `data/kb/reporting_verbs.txt`,
//! which is compiled into the binary, so that every stage shares one list.

use std::sync::LazyLock;

/// The data file, one `form<TAB>kind` per line.
const DATA: &str = include_str!("../../../data/kb/reporting_verbs.txt");

/// The kinds of reporting verb (see the data file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// "said": a reporting frame.
    Frame,
    /// "told": a reporting frame with the addressee as object.
    FrameObject,
    /// "believes", "warned": takes a clause, no frame.
    Clause,
}

static VERBS: LazyLock<Vec<(&'static str, Kind)>> = LazyLock::new(|| {
    DATA.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (form, kind) = l.split_once('\t')?;
            let kind = match kind.trim() {
                "frame" => Kind::Frame,
                "frame-object" => Kind::FrameObject,
                "clause" => Kind::Clause,
                _ => return None,
            };
            Some((form.trim(), kind))
        })
        .collect()
});

/// True for a verb that opens a reporting frame ("said", "told", "according").
pub(crate) fn is_reporting(w: &str) -> bool {
    VERBS
        .iter()
        .any(|(f, k)| *f == w && matches!(k, Kind::Frame | Kind::FrameObject))
}

/// True for a verb that takes a clause rather than a person as object ("said", "believes",
/// "warned"; not "told").
pub(crate) fn takes_clause(w: &str) -> bool {
    VERBS
        .iter()
        .any(|(f, k)| *f == w && matches!(k, Kind::Frame | Kind::Clause))
}

/// True for any reporting verb of the data file, whatever its kind ("said", "told",
/// "warned", "believes", "according").
pub(crate) fn is_any(w: &str) -> bool {
    VERBS.iter().any(|(f, _)| *f == w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_parses() {
        let lines = DATA
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(VERBS.len(), lines);
    }

    #[test]
    fn kinds() {
        // (word, reporting frame, takes a clause, any kind)
        let cases = [
            ("said", true, true, true),
            ("told", true, false, true),
            ("believes", false, true, true),
            ("according", true, true, true),
            ("met", false, false, false),
        ];
        for (w, frame, clause, any) in cases {
            assert_eq!(
                (is_reporting(w), takes_clause(w), is_any(w)),
                (frame, clause, any),
                "{w}"
            );
        }
    }
}

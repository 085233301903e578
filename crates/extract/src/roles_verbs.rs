//! Reporting verbs ("said", "told", "believes"): the knowledge base's `reporting_verbs.txt`
//! (see `entente_kb::verbs`), so that every stage shares one list that users can edit.

use entente_kb::verbs::reporting_verbs;

/// True for a verb that opens a reporting frame ("said", "told", "according").
pub(crate) fn is_reporting(w: &str) -> bool {
    reporting_verbs().is_reporting(w)
}

/// True for a verb that takes a clause rather than a person as object ("said", "believes",
/// "warned"; not "told").
pub(crate) fn takes_clause(w: &str) -> bool {
    reporting_verbs().takes_clause(w)
}

/// True for any reporting verb of the data file, whatever its kind ("said", "told",
/// "warned", "believes", "according").
pub(crate) fn is_any(w: &str) -> bool {
    reporting_verbs().is_any(w)
}

#[cfg(test)]
mod tests {
    use super::*;

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

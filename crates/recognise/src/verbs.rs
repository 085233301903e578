//! Reporting verbs ("said", "told", "believes"): the knowledge base's
//! `reporting_verbs.txt` (see `entente_kb::verbs`), shared with entente-extract.

use entente_kb::verbs::reporting_verbs;

/// True for a verb that takes a clause rather than a person as object ("said", "believes",
/// "warned"; not "told").
pub(crate) fn takes_clause(w: &str) -> bool {
    reporting_verbs().takes_clause(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        // (word, takes a clause)
        let cases = [
            ("said", true),
            ("told", false),
            ("believes", true),
            ("met", false),
        ];
        for (w, clause) in cases {
            assert_eq!(takes_clause(w), clause, "{w}");
        }
    }
}

//! Plural references: "the two leaders", "the four countries", "both governments".

use entente_doc::{Actor, ActorKind, Mention};
use regex::Regex;

/// A compiled finder of plural references.
#[derive(Debug, Clone)]
pub struct PluralFinder {
    re: Regex,
}

/// What a plural reference stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralKind {
    /// People: leaders, presidents, ministers.
    People,
    /// States: countries, nations, sides, governments.
    States,
}

/// A plural reference found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plural {
    /// Byte start.
    pub start: usize,
    /// Byte end.
    pub end: usize,
    /// How many actors it stands for.
    pub count: usize,
    /// Which kind of actors.
    pub kind: PluralKind,
}

fn number(word: &str) -> Option<usize> {
    Some(match word.to_ascii_lowercase().as_str() {
        "two" | "2" | "both" => 2,
        "three" | "3" => 3,
        "four" | "4" => 4,
        "five" | "5" => 5,
        "six" | "6" => 6,
        _ => return None,
    })
}

impl PluralFinder {
    /// Compiles the pattern.
    ///
    /// # Panics
    /// Never: the pattern is a constant tested below.
    pub fn new() -> PluralFinder {
        let re = Regex::new(
            r"(?i)\b(?:the\s+(two|three|four|five|six|2|3|4|5|6)|(both))\s+(?:(?:Korean|Asian|Western|allied|neighbouring|neighboring|nuclear|rival)\s+)?(leaders|presidents|heads of state|heads of government|premiers|prime ministers|ministers|foreign ministers|defen[cs]e ministers|top diplomats|envoys|countries|nations|states|sides|governments|allies|neighbou?rs|capitals|parties|Koreas)\b",
        )
        .expect("constant pattern compiles");
        PluralFinder { re }
    }

    /// Plural references in `text`.
    pub fn find(&self, text: &str) -> Vec<Plural> {
        self.re
            .captures_iter(text)
            .filter_map(|c| {
                let m = c.get(0)?;
                let n = c.get(1).or(c.get(2)).and_then(|w| number(w.as_str()))?;
                let noun = c.get(3)?.as_str().to_ascii_lowercase();
                let kind = match noun.as_str() {
                    "countries" | "nations" | "states" | "sides" | "governments" | "allies"
                    | "neighbours" | "neighbors" | "capitals" | "parties" | "koreas" => {
                        PluralKind::States
                    }
                    _ => PluralKind::People,
                };
                Some(Plural {
                    start: m.start(),
                    end: m.end(),
                    count: n,
                    kind,
                })
            })
            .collect()
    }
}

impl Default for PluralFinder {
    fn default() -> Self {
        PluralFinder::new()
    }
}

/// Resolves a plural reference to the `count` most recent distinct actors of the right kind
/// among `earlier` mentions (most recent last). States are counted by country; people stand
/// for themselves, and a "countries" reference also counts people by their state.
pub fn resolve(p: &Plural, earlier: &[Mention]) -> Option<Vec<Actor>> {
    let mut picked: Vec<Actor> = Vec::new();
    let mut countries: Vec<String> = Vec::new();
    for m in earlier.iter().rev() {
        for a in m.actors.iter().rev() {
            let ok = match p.kind {
                PluralKind::People => a.kind == ActorKind::Person,
                PluralKind::States => a.kind != ActorKind::Organization,
            };
            let Some(c) = a.country.clone() else { continue };
            if !ok || countries.contains(&c) {
                continue;
            }
            countries.push(c);
            picked.push(a.clone());
            if picked.len() == p.count {
                picked.reverse();
                return Some(picked);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_plural_references() {
        let f = PluralFinder::new();
        let t = "The two presidents met. Both governments agreed; the four countries and the two Koreas.";
        let got: Vec<(&str, usize, PluralKind)> = f
            .find(t)
            .into_iter()
            .map(|p| (&t[p.start..p.end], p.count, p.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("The two presidents", 2, PluralKind::People),
                ("Both governments", 2, PluralKind::States),
                ("the four countries", 4, PluralKind::States),
                ("the two Koreas", 2, PluralKind::States),
            ]
        );
    }
}

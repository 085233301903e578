//! Plural references: "the two leaders", "the four countries", "both governments".

use entente_doc::{Actor, ActorKind, Mention};
use regex::Regex;

/// A compiled finder of plural references.
#[derive(Debug, Clone)]
pub struct PluralFinder {
    re: Regex,
    pronoun: Regex,
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
    /// A possessive pronoun ("their summit"): its antecedents are most often named earlier in
    /// its own sentence ("between Trump and Kim, following their summits").
    pub pronoun: bool,
    /// The object of a verb ("Zhao accused *the three countries*"): the actors its own
    /// sentence names before it are the other side, not among its referents.
    pub object: bool,
}

/// Words after which a noun phrase is not the object of a verb: prepositions, conjunctions
/// and relative words; verbs that take a clause ("said the two leaders would") come from
/// `data/kb/reporting_verbs.txt`.
const NOT_OBJECT_AFTER: &[&str] = &[
    "and", "or", "but", "nor", "that", "which", "who", "whom", "whose", "when", "while", "where",
    "if", "as", "than", "of", "in", "on", "at", "to", "with", "between", "among", "amongst", "for",
    "from", "by", "into", "about", "after", "before", "since", "until", "during", "against",
    "without", "within", "under", "over", "across", "through", "all", "because", "so", "then",
    "also", "both",
];

/// True when the word right before byte `at` of `text` is a lower-case word that may be a
/// transitive verb.
fn after_verb(text: &str, at: usize) -> bool {
    let head = text[..at].trim_end_matches(' ');
    if head.len() == text[..at].len() {
        return false;
    }
    let start = head.rfind(|c: char| !c.is_alphabetic()).map_or(0, |k| {
        k + head[k..].chars().next().map_or(1, char::len_utf8)
    });
    let w = &head[start..];
    !w.is_empty()
        && w.chars().all(|c| c.is_lowercase())
        && !NOT_OBJECT_AFTER.contains(&w)
        && !crate::verbs::takes_clause(w)
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
            r"(?i)\b(?:the\s+(two|three|four|five|six|2|3|4|5|6)|(both))\s+(?:(?:Korean|Asian|Western|allied|neighbouring|neighboring|nuclear|rival)\s+)?(leaders|presidents|heads of state|heads of government|premiers|prime ministers|ministers|foreign ministers|defen[cs]e ministers|top diplomats|envoys|men|women|officials|counterparts|countries|nations|states|sides|governments|allies|neighbou?rs|capitals|parties|powers|economies|militaries|delegations|Koreas)\b",
        )
        .expect("constant pattern compiles");
        // "They also agreed ...", "their first summit", "both of them": a pair named
        // before. "they" inside a sentence is too often someone else ("officials said
        // they ..."), so only a sentence-initial "They" counts.
        let pronoun = Regex::new(
            r"\b(?:(They)|([Tt]heir)\s+(?:(?:first|second|third|last|latest|previous|next|recent)\s+)?(?:summits?|meetings?|talks|delegations|governments|countries|nations|negotiators|envoys|(?:foreign\s+)?ministers)|(both of them)|([Tt]he two)\s+(?:could|would|will|may|might|should|can|have|had|met|agreed|held|signed|also|last)|([Tt]he three)\s+(?:could|would|will|may|might|should|can|have|had|met|agreed|held|signed|also|last))\b",
        )
        .expect("constant pattern compiles");
        PluralFinder { re, pronoun }
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
                    | "neighbours" | "neighbors" | "capitals" | "parties" | "koreas" | "powers"
                    | "economies" | "militaries" | "delegations" => PluralKind::States,
                    _ => PluralKind::People,
                };
                Some(Plural {
                    start: m.start(),
                    end: m.end(),
                    count: n,
                    kind,
                    pronoun: false,
                    object: after_verb(text, m.start()),
                })
            })
            .chain(self.pronoun.captures_iter(text).filter_map(|c| {
                // "the two could meet there": a bare number stands for a pair (or three).
                let m = c
                    .get(1)
                    .or(c.get(2))
                    .or(c.get(3))
                    .or(c.get(4))
                    .or(c.get(5))?;
                let opens = text[..m.start()]
                    .trim_end_matches([' ', '"', '“'])
                    .chars()
                    .last()
                    .is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n'));
                if c.get(1).is_some() && !opens {
                    return None;
                }
                Some(Plural {
                    start: m.start(),
                    end: m.end(),
                    count: if c.get(5).is_some() { 3 } else { 2 },
                    kind: PluralKind::States,
                    // "Pompeo met both of them": the rest of its sentence is someone else.
                    pronoun: c.get(2).is_some(),
                    object: false,
                })
            }))
            .collect()
    }
}

impl Default for PluralFinder {
    fn default() -> Self {
        PluralFinder::new()
    }
}

/// What each earlier mention of an actor adds to its salience, wherever it lies.
const TOPIC_WEIGHT: f64 = 0.05;

/// Resolves a plural reference to `count` distinct actors of the right kind among `earlier`
/// mentions (in text order), counted by country: states for "countries", people for
/// "leaders" (a "countries" reference also counts people by their state).
///
/// The actors are the most salient ones: each earlier mention counts for its actor, twice
/// when it opens its sentence (the subject), less the further back its sentence lies, and
/// little when it shares the plural's own sentence (the speaker of "Moon said the two
/// leaders…" is not one of them). Ties go to the most recent.
pub fn resolve(p: &Plural, earlier: &[Mention], sentence: u32) -> Option<Vec<Actor>> {
    // (country, actor, score, last position)
    let mut cands: Vec<(String, Actor, f64, usize)> = Vec::new();
    let mut first_of_sentence: Option<u32> = None;
    let mut rank = 0i32;
    for (i, m) in earlier.iter().enumerate() {
        let opens = first_of_sentence != Some(m.sentence);
        first_of_sentence = Some(m.sentence);
        rank = if opens { 0 } else { rank + 1 };
        let back = sentence.saturating_sub(m.sentence);
        let mut w = 0.6f64.powi(back.min(30) as i32);
        if back == 0 {
            w *= if p.pronoun { 1.5 } else { 0.2 };
        }
        if opens {
            w *= 2.0;
        }
        // The main clause names its parties first ("Kim will brief Xi on his summit with
        // Trump": Kim and Xi).
        w *= 0.85f64.powi(rank.min(10));
        // The article's protagonists: every earlier mention adds a little, however far back
        // ("Trump and Kim" through an article that names Moon in its last paragraphs).
        w += TOPIC_WEIGHT;
        for a in &m.actors {
            let ok = match p.kind {
                PluralKind::People => a.kind == ActorKind::Person,
                PluralKind::States => a.kind != ActorKind::Organization,
            };
            let Some(c) = a.country.clone() else { continue };
            if !ok {
                continue;
            }
            match cands.iter_mut().find(|x| x.0 == c) {
                Some(x) => {
                    x.2 += w;
                    x.3 = i;
                    if a.kind == x.1.kind || a.kind == ActorKind::Person {
                        x.1 = a.clone();
                    }
                }
                None => cands.push((c, a.clone(), w, i)),
            }
        }
    }
    if p.object {
        // "Zhao Lijian accused the three countries": not Zhao's own state.
        let own: Vec<String> = earlier
            .iter()
            .filter(|m| m.sentence == sentence)
            .flat_map(|m| m.actors.iter().filter_map(|a| a.country.clone()))
            .collect();
        let others = cands.iter().filter(|x| !own.contains(&x.0)).count();
        if !own.is_empty() && others >= p.count {
            cands.retain(|x| !own.contains(&x.0));
        }
    }
    if cands.len() < p.count {
        return None;
    }
    cands.sort_by(|a, b| b.2.total_cmp(&a.2).then(b.3.cmp(&a.3)));
    cands.truncate(p.count);
    cands.sort_by_key(|x| x.3);
    Some(cands.into_iter().map(|x| x.1).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, country: &str, sentence: u32) -> Mention {
        Mention {
            span: entente_text::Span::new(0, 1),
            sentence,
            actors: vec![Actor {
                id: format!("person:{name}"),
                name: name.into(),
                kind: ActorKind::Person,
                country: Some(country.into()),
                role: None,
            }],
            form: "person".into(),
        }
    }

    #[test]
    fn resolves_to_salient_actors() {
        let two = Plural {
            start: 0,
            end: 1,
            count: 2,
            kind: PluralKind::People,
            pronoun: false,
            object: false,
        };
        let cases: [(Vec<Mention>, u32, [&str; 2]); 4] = [
            (
                // "Kim will brief Xi on his summit with Trump. The two leaders last met in
                // Dalian.": the main clause's parties outrank a complement's.
                vec![
                    person("kim", "PRK", 0),
                    person("xi", "CHN", 0),
                    person("trump", "USA", 0),
                ],
                1,
                ["kim", "xi"],
            ),
            (
                vec![person("moon", "KOR", 0), person("kim", "PRK", 0)],
                1,
                ["moon", "kim"],
            ),
            (
                // "Kim visited Xi. Kim will brief Xi on his summit with Trump. The two
                // leaders last met in Dalian."
                vec![
                    person("kim", "PRK", 0),
                    person("xi", "CHN", 0),
                    person("kim", "PRK", 1),
                    person("xi", "CHN", 1),
                    person("trump", "USA", 1),
                ],
                2,
                ["kim", "xi"],
            ),
            (
                // "Trump met Kim. Moon said the two leaders agreed."
                vec![
                    person("trump", "USA", 0),
                    person("kim", "PRK", 0),
                    person("moon", "KOR", 1),
                ],
                1,
                ["trump", "kim"],
            ),
        ];
        for (ms, sentence, want) in cases {
            let got: Vec<String> = resolve(&two, &ms, sentence)
                .unwrap_or_default()
                .into_iter()
                .map(|a| a.name)
                .collect();
            assert_eq!(got, want, "{ms:?}");
        }
    }

    #[test]
    fn pronouns_prefer_their_own_sentence() {
        // "Moon greeted them. It was the third meeting between Trump and Kim, following
        // their summits in Singapore."
        let their = Plural {
            start: 0,
            end: 1,
            count: 2,
            kind: PluralKind::States,
            pronoun: true,
            object: false,
        };
        let ms = vec![
            person("moon", "KOR", 0),
            person("trump", "USA", 1),
            person("kim", "PRK", 1),
        ];
        let got: Vec<String> = resolve(&their, &ms, 1)
            .unwrap_or_default()
            .into_iter()
            .map(|a| a.name)
            .collect();
        assert_eq!(got, ["trump", "kim"]);
    }

    #[test]
    fn the_articles_protagonists_outweigh_a_late_mention() {
        // Trump and Kim throughout; Moon opens the sentence before the last.
        let two = Plural {
            start: 0,
            end: 1,
            count: 2,
            kind: PluralKind::People,
            pronoun: false,
            object: false,
        };
        let mut ms = Vec::new();
        for s in 0..6 {
            ms.push(person("kim", "PRK", s));
            ms.push(person("trump", "USA", s));
        }
        ms.push(person("moon", "KOR", 6));
        ms.push(person("trump", "USA", 6));
        ms.push(person("moon", "KOR", 6));
        ms.push(person("kim", "PRK", 7));
        let mut got: Vec<String> = resolve(&two, &ms, 8)
            .unwrap_or_default()
            .into_iter()
            .map(|a| a.name)
            .collect();
        got.sort();
        assert_eq!(got, ["kim", "trump"]);
    }

    #[test]
    fn an_object_plural_leaves_out_its_own_sentence() {
        // "The US, Britain and Australia unveiled a pact. China reacted. Zhao accused the
        // three countries."
        let three = Plural {
            start: 0,
            end: 1,
            count: 3,
            kind: PluralKind::States,
            pronoun: false,
            object: true,
        };
        let ms = vec![
            person("biden", "USA", 0),
            person("johnson", "GBR", 0),
            person("morrison", "AUS", 0),
            person("xi", "CHN", 1),
            person("zhao", "CHN", 2),
        ];
        let mut got: Vec<String> = resolve(&three, &ms, 2)
            .unwrap_or_default()
            .into_iter()
            .map(|a| a.name)
            .collect();
        got.sort();
        assert_eq!(got, ["biden", "johnson", "morrison"]);
    }

    #[test]
    fn objects_follow_verbs() {
        let cases = [
            ("Zhao accused the three countries", true),
            ("Moon said the two leaders", false),
            ("talks between the two sides", false),
            ("The two leaders", false),
            ("He urged the two Koreas", true),
            ("Trump and the two leaders", false),
        ];
        for (t, want) in cases {
            let at = ["the two", "the three", "The two"]
                .iter()
                .filter_map(|p| t.find(p))
                .min()
                .unwrap_or(0);
            assert_eq!(after_verb(t, at), want, "{t}");
        }
    }

    #[test]
    fn finds_plural_references() {
        let f = PluralFinder::new();
        let t = "The two presidents met. Both governments agreed; the four countries and the two Koreas. The two men and the two powers.";
        let got: Vec<(&str, usize, PluralKind)> = f
            .find(t)
            .into_iter()
            .map(|p| (&t[p.start..p.end], p.count, p.kind))
            .collect();
        let t2 = "They met. Then they left after their first summit, and both of them said so. The two could meet; the two countries, the two of us, the three will. Their previous meeting was in May. Talks between their delegations, their own words.";
        let got2: Vec<&str> = f
            .find(t2)
            .into_iter()
            .map(|p| &t2[p.start..p.end])
            .collect();
        assert_eq!(
            got2,
            [
                "the two countries",
                "They",
                "their",
                "both of them",
                "The two",
                "the three",
                "Their",
                "their"
            ]
        );
        assert_eq!(
            got,
            [
                ("The two presidents", 2, PluralKind::People),
                ("Both governments", 2, PluralKind::States),
                ("the four countries", 4, PluralKind::States),
                ("the two Koreas", 2, PluralKind::States),
                ("The two men", 2, PluralKind::People),
                ("the two powers", 2, PluralKind::States),
            ]
        );
    }
}

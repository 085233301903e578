//! Actor phrases of a sentence for the participant finder: mentions joined into coordinated
//! groups ("the US, Russia and Switzerland"), each with the preposition that governs it, if any
//! ("in Beijing", "with Xi", "by the US").
//!
//! There is no parse: a group's governor is the word before its noun phrase (after skipping
//! determiners and possessive pronouns); "of"/"from" after a word naming people or a body
//! ("the leaders of the two Koreas", "a delegation from Japan") do not govern, as the group
//! then stands for the phrase's head.

/// Words that may start a noun phrase before an actor mention.
const DETERMINERS: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "his",
    "her",
    "their",
    "our",
    "both",
    "all",
    "fellow",
    "former",
    "visiting",
    "then-",
    "ex-",
    "now-",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozens",
    "hundreds",
    "thousands",
    "several",
    "many",
    "some",
];

/// Prepositions that put an actor in an adjunct rather than in the subject or object.
const PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "to",
    "from",
    "into",
    "near",
    "inside",
    "outside",
    "via",
    "toward",
    "towards",
    "on",
    "of",
    "for",
    "about",
    "over",
    "against",
    "with",
    "by",
    "between",
    "among",
    "amongst",
    "after",
    "before",
    "during",
    "under",
    "than",
    "like",
    "including",
    "across",
    "through",
    "within",
    "without",
    "despite",
    "amid",
    "around",
    "behind",
    "beyond",
    "since",
    "until",
    "upon",
    "involving",
    "onto",
    "off",
    "unlike",
    "regarding",
    "concerning",
    "per",
    "as",
    "post",
    "alongside",
    "beside",
    "besides",
    "throughout",
];

/// Words naming people or a body: "of"/"from" after them do not govern.
const HEADS: &[&str] = &[
    "leader",
    "leaders",
    "official",
    "officials",
    "delegation",
    "delegations",
    "representative",
    "representatives",
    "envoy",
    "envoys",
    "minister",
    "ministers",
    "president",
    "presidents",
    "head",
    "heads",
    "chief",
    "chiefs",
    "members",
    "troops",
    "forces",
    "government",
    "governments",
    "diplomat",
    "diplomats",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "ambassadors",
    "team",
    "navy",
    "army",
    "military",
    "authorities",
    "soldiers",
    "negotiators",
    "negotiator",
    "premier",
    "king",
    "queen",
    "emperor",
    "foreign",
    "ministry",
    "parliament",
    "lawmakers",
    "rebels",
    "militants",
    "police",
    "group",
    "groups",
    "delegates",
    "people",
    "citizens",
    "nationals",
    "residents",
    "dissidents",
    "activists",
    "protesters",
    "protestors",
    "demonstrators",
    "students",
    "journalists",
    "opposition",
    "legislators",
    "senators",
    "counterpart",
    "counterparts",
    "embassy",
    "fighters",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "scores",
    "tens",
];

/// Words that open a subordinate or relative clause: an object or adjunct is not sought
/// beyond them.
pub(crate) const BARRIERS: &[&str] = &[
    "who", "which", "whose", "whom", "where", "when", "that", "while", "whereas", "because",
    "although", "though", "unless", "if", "after", "before", "since", "until", "as",
];

/// Forms of "be" (and "get") that make a following participle passive.
const BE: &[&str] = &[
    "was", "were", "been", "being", "is", "are", "be", "get", "got", "gets", "getting",
];

/// True for determiners, prepositions, conjunctions, clause openers and auxiliaries: words
/// that are not a verb taking an object.
pub(crate) fn is_function_word(w: &str) -> bool {
    let lw = w.to_ascii_lowercase();
    let lw = lw.as_str();
    DETERMINERS.contains(&lw)
        || PREPOSITIONS.contains(&lw)
        || BARRIERS.contains(&lw)
        || BE.contains(&lw)
        || matches!(
            lw,
            "and"
                | "or"
                | "but"
                | "nor"
                | "not"
                | "also"
                | "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "could"
                | "can"
                | "may"
                | "might"
                | "should"
                | "must"
                | "did"
                | "does"
                | "do"
                | "then"
                | "now"
                | "still"
                | "even"
                | "just"
                | "only"
                | "both"
                | "either"
                | "neither"
                | "said"
                | "says"
        )
}

/// The words of `s` with their byte offsets.
pub(crate) fn words(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let w = c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
        match (w, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push((st, &s[st..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// The last word of `s[..at]` and its start, skipping spaces only (None after punctuation).
fn word_before(s: &str, at: usize) -> Option<(usize, &str)> {
    let head = s[..at].trim_end();
    let start = head
        .rfind(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .map(|i| i + head[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let w = &head[start..];
    (!w.is_empty()).then_some((start, w))
}

/// True when `w` is a written count ("27", "1,500"), not a year ("In 2019 China ...").
fn count(w: &str) -> bool {
    let digits = w.chars().filter(char::is_ascii_digit).count();
    digits > 0
        && w.chars().all(|c| c.is_ascii_digit() || c == ',')
        && (digits <= 3 || w.contains(','))
}

/// Start of the noun phrase of a mention at `at`: determiners before it are included.
pub(crate) fn np_start(s: &str, at: usize) -> usize {
    let mut at = at;
    while let Some((ws, w)) = word_before(s, at) {
        // "three Ukrainian ships", "27 Chinese vessels": a count is a determiner too.
        if DETERMINERS.contains(&w.to_ascii_lowercase().as_str()) || count(w) {
            at = ws;
            continue;
        }
        // "the presidential Blue House", "a senior North Korean envoy": up to two
        // lower-case modifiers after a determiner.
        let mut probe = ws;
        let mut mods = 1;
        let lower = |w: &str| {
            w.chars().all(|c| c.is_lowercase() || c == '-')
                && !PREPOSITIONS.contains(&w)
                && !BARRIERS.contains(&w)
                && !matches!(w, "and" | "or" | "but" | "nor")
        };
        if !lower(w) {
            break;
        }
        let mut found = None;
        while let Some((ps, pw)) = word_before(s, probe) {
            if DETERMINERS.contains(&pw.to_ascii_lowercase().as_str()) {
                found = Some(ps);
                break;
            }
            if !lower(pw) || mods == 2 {
                break;
            }
            mods += 1;
            probe = ps;
        }
        match found {
            Some(ps) => at = ps,
            None => break,
        }
    }
    at
}

/// True when `gap` (the words before a mention) ends in a noun for people or a body and
/// "of"/"from" ("exiled dissidents from", "the leaders of"): the mention stands for that head.
pub(crate) fn head_of_phrase(gap: &str) -> bool {
    let ws = words(gap);
    // "of"/"from" among the last three words, the rest lower-case modifiers ("from
    // military-ruled", "of the")
    let Some(k) = ws
        .iter()
        .rposition(|(_, w)| w.eq_ignore_ascii_case("of") || w.eq_ignore_ascii_case("from"))
    else {
        return false;
    };
    let modifiers = &ws[k + 1..];
    k >= 1
        && modifiers.len() <= 2
        && modifiers
            .iter()
            .all(|(_, w)| w.chars().all(|c| c.is_lowercase() || c == '-'))
        && HEADS.contains(
            &ws[k - 1]
                .1
                .to_ascii_lowercase()
                .trim_end_matches(['\'', '’']),
        )
}

/// The preposition governing a noun phrase starting at `np` ("in", "with"), if any.
pub(crate) fn governor(s: &str, np: usize) -> Option<String> {
    let (ws, w) = word_before(s, np)?;
    let lw = w.to_ascii_lowercase();
    if !PREPOSITIONS.contains(&lw.as_str()) {
        return None;
    }
    if lw == "of" || lw == "from" {
        if let Some((_, head)) = word_before(s, ws) {
            let lh = head.to_ascii_lowercase();
            let lh = lh.trim_end_matches(['\'', '’']);
            if HEADS.contains(&lh) {
                return None;
            }
        }
    }
    // "as well as X" coordinates rather than governs.
    if lw == "as" && s[..ws].trim_end().to_ascii_lowercase().ends_with("as well") {
        return None;
    }
    Some(lw)
}

/// True when `gap` (the text between two mentions) joins them into one group: a
/// coordination ("and", ",", ", and", "as well as", "or"), a possessive ("'s") or a joiner.
pub(crate) fn coordinates(gap: &str) -> bool {
    let g = gap.trim();
    if g.is_empty() || matches!(g, "'s" | "’s" | "-" | "–" | "/" | "," | "'" | "’") {
        return true;
    }
    let lower = g.to_ascii_lowercase();
    let ws = words(&lower);
    let has_conj = ws
        .iter()
        .any(|(_, w)| matches!(*w, "and" | "or" | "&" | "plus" | "well"))
        || lower.contains('&');
    has_conj
        && ws.len() <= 4
        && ws.iter().all(|(_, w)| {
            matches!(
                *w,
                "and"
                    | "or"
                    | "plus"
                    | "as"
                    | "well"
                    | "the"
                    | "its"
                    | "his"
                    | "her"
                    | "their"
                    | "both"
                    | "with"
                    | "also"
                    | "then"
            )
        })
}

/// True when the trigger at `t_start` is a passive participle ("was accused", "were
/// reportedly sanctioned").
pub(crate) fn is_passive(s: &str, t_start: usize) -> bool {
    let mut at = t_start;
    for _ in 0..3 {
        let Some((ws, w)) = word_before(s, at) else {
            return false;
        };
        let lw = w.to_ascii_lowercase();
        if BE.contains(&lw.as_str()) {
            return true;
        }
        if !(lw.ends_with("ly") || lw == "not" || lw == "also" || lw == "then") {
            return false;
        }
        at = ws;
    }
    false
}

/// Number of words in `s` and whether it holds a comma, semicolon or a barrier word.
pub(crate) fn gap_info(s: &str) -> (usize, bool) {
    let ws = words(s);
    // A comma between digits groups thousands ("50,000 tonnes"): no clause seam.
    let seam = s.char_indices().any(|(i, c)| match c {
        ',' => {
            let digit_before = s[..i].chars().last().is_some_and(|d| d.is_ascii_digit());
            let digit_after = s[i + 1..]
                .chars()
                .next()
                .is_some_and(|d| d.is_ascii_digit());
            !(digit_before && digit_after)
        }
        ';' | ':' | '(' | '"' | '“' | '”' => true,
        _ => false,
    });
    let barrier = seam
        || ws
            .iter()
            .any(|(_, w)| BARRIERS.contains(&w.to_ascii_lowercase().as_str()));
    (ws.len(), barrier)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn governors() {
        let cases = [
            ("Kim met Xi in Beijing", "Beijing", Some("in")),
            (
                "the seizure of three Ukrainian ships",
                "Ukrainian",
                Some("of"),
            ),
            ("the seizure of 27 Ukrainian ships", "Ukrainian", Some("of")),
            ("In 2019 China imposed tariffs", "China", None),
            ("Dozens of Nigerian students were freed", "Nigerian", None),
            ("met with exiled dissidents from Myanmar", "Myanmar", None),
            ("a visit by then-US Speaker Pelosi", "US", Some("by")),
            ("Kim met Xi in Beijing", "Xi", None),
            (
                "talks with the United States",
                "United States",
                Some("with"),
            ),
            ("the leaders of the two Koreas", "two Koreas", None),
            ("a delegation from Japan arrived", "Japan", None),
            ("A group of Moroccan diplomats met", "Moroccan", None),
            ("the mayor of Nablus", "Nablus", Some("of")),
            ("China as well as Russia", "Russia", None),
            ("accused by the US", "US", Some("by")),
            (
                "a summit at the presidential Blue House",
                "Blue House",
                Some("at"),
            ),
            (
                "after receiving a senior North Korean envoy",
                "North Korean",
                None,
            ),
            ("Trump met Kim", "Kim", None),
        ];
        for (s, m, want) in cases {
            let at = s.find(m).unwrap();
            assert_eq!(governor(s, np_start(s, at)).as_deref(), want, "{s}");
        }
    }

    #[test]
    fn heads_of_phrases() {
        let cases = [
            (" exiled dissidents from military-ruled ", true),
            (" exiled dissidents from ", true),
            (" the leaders of the ", true),
            (" the leaders of ", true),
            (" weapons from ", false),
            (" in ", false),
        ];
        for (g, want) in cases {
            assert_eq!(head_of_phrase(g), want, "{g:?}");
        }
    }

    #[test]
    fn coordination_gaps() {
        let cases = [
            (" and ", true),
            (", ", true),
            (", and ", true),
            (" as well as ", true),
            ("'s ", true),
            ("", true),
            (" and with ", true),
            (", the US special representative for ", false),
            (" met ", false),
            (" said ", false),
        ];
        for (g, want) in cases {
            assert_eq!(coordinates(g), want, "{g:?}");
        }
    }

    #[test]
    fn passives() {
        let cases = [
            ("Russia was accused by the US", "accused", true),
            ("They were reportedly sanctioned", "sanctioned", true),
            ("The US accused Russia", "accused", false),
            ("it has not been visited", "visited", true),
        ];
        for (s, t, want) in cases {
            assert_eq!(is_passive(s, s.find(t).unwrap()), want, "{s}");
        }
    }

    #[test]
    fn gaps() {
        let cases = [
            (" 50,000 tonnes of rice offered by ", (7, false)),
            (", the ", (1, true)),
            (" said: ", (1, true)),
            (" and ", (1, false)),
        ];
        for (g, want) in cases {
            assert_eq!(gap_info(g), want, "{g:?}");
        }
    }

    #[test]
    fn words_with_offsets() {
        assert_eq!(
            words("Kim's trip, to Beijing."),
            [(0, "Kim's"), (6, "trip"), (12, "to"), (15, "Beijing")]
        );
    }
}

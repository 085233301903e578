//! Clause windows: the part of a sentence whose actors, dates and cues belong to a trigger.
//!
//! News sentences pack a report ("..., the White House said") and sometimes two events
//! ("X met Y on Monday; Z will visit W next week") into one sentence. A trigger's clause is the
//! stretch between the nearest boundaries around it. Boundaries are `;`, dashes, and the seams
//! of reporting constructions: after "X said (that)" when the trigger follows it, and before
//! ", X said" when the trigger precedes it. The reporting part is kept aside as the *speaker*
//! window: the source of a statement whose clause has no subject of its own.

/// A clause window of a sentence (byte offsets relative to the sentence).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clause {
    /// Start.
    pub start: usize,
    /// End.
    pub end: usize,
    /// The reporting part before the clause ("Beijing said"), if any.
    pub speaker: Option<(usize, usize)>,
}

fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .scan(0usize, |pos, w| {
            let start = *pos;
            *pos += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

/// The clause of `sentence` around the trigger at `trigger_start..trigger_end`.
pub fn clause_of(sentence: &str, trigger_start: usize, trigger_end: usize) -> Clause {
    let mut start = 0;
    let mut end = sentence.len();
    // Hard boundaries.
    for (i, c) in sentence.char_indices() {
        let hard = c == ';'
            || c == '—'
            || c == '–' && sentence[i..].starts_with("– ")
            || c == '-' && sentence[i..].starts_with("-- ")
            || c == '-' && sentence[i..].starts_with("- ") && dateline_dash(sentence, i);
        if !hard {
            continue;
        }
        let width = if sentence[i..].starts_with("--") {
            2
        } else {
            c.len_utf8()
        };
        if i < trigger_start {
            start = start.max(i + width);
        } else if i >= trigger_end {
            end = end.min(i);
            break;
        }
    }
    // "Lavrov, who flew in from Beijing and was met by Choe, held talks": nothing inside a
    // relative clause closed before the trigger starts the trigger's clause.
    let hard_start = start;
    let relative = closed_relative_before(sentence, trigger_start);
    // A comma + conjunction + a lower-case word starts a new predicate ("…, and has also
    // offered to meet Trump", "…, but Kim refused").
    for conj in [
        ", and ",
        ", but ",
        ", while ",
        ", whereas ",
        ", although ",
        ", as ",
    ] {
        let mut from = 0;
        while let Some(off) = sentence[from..].find(conj) {
            let at = from + off;
            from = at + conj.len();
            let next = sentence[from..].chars().next();
            // A capital after the conjunction is a new subject when what precedes it since
            // the last comma is a clause of its own ("Beijing has criticised such blocs, and
            // Chinese media accused Washington"), not the last item of a list ("Japan,
            // India, and the US").
            let segment = sentence[..at].rsplit(',').next().unwrap_or("");
            let next_word = sentence[from..]
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let noun_phrase = next.is_some_and(char::is_uppercase)
                || ["the", "a", "an", "its", "his", "her", "their", "both"].contains(&next_word);
            let new_subject = noun_phrase
                && ["and", "but"].contains(&conj.trim_matches([',', ' ']))
                && segment.split_whitespace().count() >= 5;
            let predicate = next.is_some_and(|c| c.is_lowercase()) && !noun_phrase;
            if !predicate && !new_subject {
                continue;
            }
            if at < trigger_start && at >= start {
                start = start.max(at + 1);
            } else if at >= trigger_end && at < end {
                end = at;
            }
        }
    }
    // "China announced tariffs on American goods and Trump responded by ...": a plain "and"
    // before a new subject and its verb starts a new clause.
    let mut from = 0;
    while let Some(off) = sentence[from..].find(" and ") {
        let at = from + off;
        from = at + " and ".len();
        if !and_new_subject(sentence, start, at) && !and_new_predicate(sentence, start, at) {
            continue;
        }
        if at + 1 < trigger_start && at >= start {
            start = at + 1;
        } else if at >= trigger_end && at < end {
            end = at;
        }
    }
    if let Some((a, close)) = relative {
        if a >= hard_start && start > a && start <= close {
            start = hard_start;
        }
    }
    let mut speaker = None;
    for (pos, w) in words(sentence) {
        let lw = w.to_ascii_lowercase();
        if !crate::roles_verbs::is_reporting(&lw) {
            continue;
        }
        let wend = pos + w.len();
        if wend <= trigger_start && pos >= start {
            // "X said (that) ... trigger": the clause starts after the verb.
            let mut cut = wend;
            let rest = &sentence[wend..];
            let trimmed = rest.trim_start();
            if let Some(after) = trimmed.strip_prefix("that ") {
                cut = sentence.len() - after.len();
            } else if let Some(that) = (lw == "told")
                .then(|| rest.find(" that "))
                .flatten()
                .filter(|&k| rest[..k].split_whitespace().count() <= 6)
            {
                // "X told the World Food Programme that ...": the clause starts after "that".
                cut = wend + that + " that ".len();
            } else if lw == "according" {
                // "according to X, ..." : the clause starts after the comma.
                if let Some(comma) = rest.find(',') {
                    if wend + comma < trigger_start {
                        cut = wend + comma + 1;
                    }
                }
            }
            if cut <= trigger_start {
                speaker = Some((start, cut));
                start = cut;
            }
        } else if pos >= trigger_end && pos < end {
            // "trigger ..., X said": the clause ends at the comma before the speaker.
            let head = &sentence[trigger_end..pos];
            if let Some(comma) = head.rfind(',') {
                let cut = trigger_end + comma;
                if sentence[cut..pos].split_whitespace().count() <= 9 {
                    // The nearer frame ("X told Y that ...") stays the speaker.
                    if speaker.is_none() {
                        speaker = Some((cut, end));
                    }
                    end = cut;
                }
            }
            break;
        }
    }
    Clause {
        start,
        end,
        speaker,
    }
}

/// A relative clause set off by commas that closes right before the trigger at `at` ("Kim,
/// who arrived on Monday and was met by Xi, *held* talks"): the byte offsets of its opening
/// comma and of its closing comma. At most two words (auxiliaries, adverbs) may stand between
/// the closing comma and the trigger.
pub(crate) fn closed_relative_before(sentence: &str, at: usize) -> Option<(usize, usize)> {
    let head = sentence.get(..at)?;
    let close = head.rfind(',')?;
    let between = &head[close + 1..];
    if between.split_whitespace().count() > 2 || between.contains(['"', '“', '”']) {
        return None;
    }
    let a = [", who ", ", which "]
        .iter()
        .filter_map(|r| head[..close].rfind(r))
        .max()?;
    Some((a, close))
}

/// The part of `clause` whose actors may take part in the trigger's event: a relative
/// clause that the trigger lies in starts after its relative word ("the Singapore summit,
/// when the two men signed"); one after the trigger ends it ("Kim met Xi, whose country
/// ..."). Dates and places keep the whole clause ("on Friday, when China announced").
pub fn participant_window(
    sentence: &str,
    clause: &Clause,
    trigger_start: usize,
    trigger_end: usize,
) -> Clause {
    let mut start = clause.start;
    let mut end = clause.end.min(sentence.len());
    for rel in [", when ", ", where ", ", which ", ", whose ", ", who "] {
        let mut from = 0;
        while let Some(off) = sentence[from..].find(rel) {
            let at = from + off;
            from = at + rel.len();
            // "Kim, who arrived on Monday, met Xi": the antecedent of "who" is the subject.
            let opens = !matches!(rel, ", who " | ", whose ");
            if opens && from <= trigger_start && at >= start {
                start = start.max(from);
            } else if !matches!(rel, ", when " | ", where ") && at >= trigger_end && at < end {
                end = at;
            }
        }
    }
    Clause {
        start,
        end,
        speaker: clause.speaker,
    }
}

/// Finite verbs and auxiliaries that may follow a subject.
const FINITE: &[&str] = &[
    "said", "says", "will", "would", "could", "can", "may", "might", "should", "must", "has",
    "have", "had", "is", "are", "was", "were", "did", "does", "also", "then", "later", "told",
    "met", "made", "sent", "took", "gave", "began", "held", "hit", "cut", "set", "put", "struck",
    "threw", "wrote", "spoke", "meets", "visits", "warns", "says,",
];

/// Words that end in "-ed" but are no verbs after a name.
const NOT_VERBS: &[&str] = &[
    "led", "based", "backed", "owned", "run", "linked", "related",
];

/// True when `w` looks like a finite verb ("responded", "will", "met").
fn verb_like(w: &str) -> bool {
    let lw = w.to_ascii_lowercase();
    w.chars().all(|c| c.is_ascii_lowercase())
        && (FINITE.contains(&lw.as_str())
            || lw.len() >= 5 && lw.ends_with("ed") && !NOT_VERBS.contains(&lw.as_str()))
}

/// True when the plain " and " at `at` joins two clauses with subjects of their own: a name
/// and a verb follow it ("and Trump responded"), and what precedes it since `from` (or the
/// last comma) holds a verb with at least one word after it ("China announced tariffs").
fn and_new_subject(sentence: &str, from: usize, at: usize) -> bool {
    let after: Vec<&str> = sentence[at + " and ".len()..]
        .split_whitespace()
        .take(7)
        .collect();
    let mut i = usize::from(after.first() == Some(&"the"));
    let name_start = i;
    while after.get(i).is_some_and(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
    }) {
        i += 1;
    }
    if i == name_start || i - name_start > 4 || !after.get(i).is_some_and(|w| verb_like(w)) {
        return false;
    }
    let lo = sentence[..at].rfind(',').map_or(from, |c| c.max(from));
    let seg: Vec<&str> = sentence[lo.min(at)..at].split_whitespace().collect();
    if seg.last().is_some_and(|w| {
        matches!(
            *w,
            "he" | "she" | "it" | "they" | "we" | "I" | "him" | "her"
        )
    }) {
        return false;
    }
    // "said that Putin and Kim could sign", "talks between Russia and North Korea were":
    // the "and" joins two names inside a complement or a prepositional phrase.
    let opener = seg.iter().rposition(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "that"
                | "between"
                | "among"
                | "when"
                | "if"
                | "because"
                | "as"
                | "who"
                | "which"
                | "after"
                | "before"
                | "since"
                | "until"
                | "while"
                | "once"
                | "although"
                | "though"
                | "unless"
                | "whereas"
                | "where"
        )
    });
    let seg = &seg[opener.map_or(0, |o| o + 1)..];
    let Some(v) = seg.iter().rposition(|w| verb_like(w)) else {
        return false;
    };
    let rest = seg.len() - v - 1;
    let reporting = crate::roles_verbs::is_reporting(&seg[v].to_ascii_lowercase());
    rest >= if reporting { 3 } else { 1 }
}

/// True when the plain " and " at `at` starts a second predicate of the same subject ("China
/// condemned the visit and urged Washington to stop"): a verb follows it, and what precedes
/// it since `from` (or the last comma) holds a verb with at least one word after it.
fn and_new_predicate(sentence: &str, from: usize, at: usize) -> bool {
    let next = sentence[at + " and ".len()..].split_whitespace().next();
    if !next.is_some_and(|w| verb_like(w) && !matches!(w, "also" | "then" | "later")) {
        return false;
    }
    let lo = sentence[..at].rfind(',').map_or(from, |c| c.max(from));
    let seg: Vec<&str> = sentence[lo.min(at)..at].split_whitespace().collect();
    let Some(v) = seg.iter().rposition(|w| verb_like(w)) else {
        return false;
    };
    let reporting = crate::roles_verbs::is_reporting(&seg[v].to_ascii_lowercase());
    let rest = seg.len() - v - 1;
    rest >= if reporting { 3 } else { 1 }
}

/// True when the single dash at `at` closes a dateline ("SEOUL (Reuters) - ...").
fn dateline_dash(sentence: &str, at: usize) -> bool {
    let head = sentence[..at].trim_end();
    head.ends_with(')') && head.split_whitespace().count() <= 6
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clause<'a>(s: &'a str, trigger: &str) -> (&'a str, Option<&'a str>) {
        let t = s.find(trigger).unwrap();
        let c = clause_of(s, t, t + trigger.len());
        (&s[c.start..c.end], c.speaker.map(|(a, b)| &s[a..b]))
    }

    #[test]
    fn clauses_around_triggers() {
        let cases = [
            (
                "Trump will meet Kim in Hanoi, the White House said on Tuesday.",
                "meet",
                "Trump will meet Kim in Hanoi",
                Some(", the White House said on Tuesday."),
            ),
            (
                "The foreign ministry said that Wang Yi will visit Pyongyang.",
                "visit",
                "Wang Yi will visit Pyongyang.",
                Some("The foreign ministry said that "),
            ),
            (
                "Moon met Xi on Monday; Abe will visit Seoul next week.",
                "visit",
                " Abe will visit Seoul next week.",
                None,
            ),
            (
                "Beijing has repeatedly criticised exclusive blocs in Asia, and Chinese media accused Washington of plotting.",
                "accused",
                " and Chinese media accused Washington of plotting.",
                None,
            ),
            (
                "Leaders of Japan, India, and the United States met in Tokyo.",
                "met",
                "Leaders of Japan, India, and the United States met in Tokyo.",
                None,
            ),
            (
                "SEOUL -- The leaders of the two Koreas agreed on Friday to meet again.",
                "agreed",
                " The leaders of the two Koreas agreed on Friday to meet again.",
                None,
            ),
            (
                "North Korea has told the World Food Programme that it will not accept rice.",
                "will not accept",
                "it will not accept rice.",
                Some("North Korea has told the World Food Programme that "),
            ),
            (
                "According to Yonhap, the two leaders met twice.",
                "met",
                " the two leaders met twice.",
                Some("According to Yonhap,"),
            ),
            (
                "SEOUL (Reuters) - Moon met Abe in Bangkok.",
                "met",
                " Moon met Abe in Bangkok.",
                None,
            ),
            (
                "China announced tariffs on American goods and Trump responded by raising duties.",
                "tariffs",
                " tariffs on American goods",
                Some("China announced"),
            ),
            (
                "China announced tariffs on American goods and Trump responded by raising duties.",
                "raising duties",
                "and Trump responded by raising duties.",
                None,
            ),
            (
                "China and Russia vetoed the draft.",
                "vetoed",
                "China and Russia vetoed the draft.",
                None,
            ),
            (
                "Officials from Japan and China met in Seoul.",
                "met",
                "Officials from Japan and China met in Seoul.",
                None,
            ),
            (
                "Kim met Xi and Trump called Moon.",
                "met",
                "Kim met Xi",
                None,
            ),
            (
                "Moon said he and Kim agreed to meet.",
                "agreed",
                " he and Kim agreed to meet.",
                Some("Moon said"),
            ),
            (
                "Ushakov told reporters on Monday that Putin and Kim could sign a treaty.",
                "sign",
                "Putin and Kim could sign a treaty.",
                Some("Ushakov told reporters on Monday that "),
            ),
            (
                "Moon said he believed the meeting between Trump and Kim could go ahead.",
                "meeting",
                " he believed the meeting between Trump and Kim could go ahead.",
                Some("Moon said"),
            ),
            (
                "China condemned the visit and urged Washington to stop arms sales to Taiwan.",
                "condemned",
                "China condemned the visit",
                None,
            ),
            (
                "China condemned the visit and urged Washington to stop arms sales to Taiwan.",
                "urged",
                "and urged Washington to stop arms sales to Taiwan.",
                None,
            ),
            (
                "The United States and allied forces launched strikes.",
                "launched",
                "The United States and allied forces launched strikes.",
                None,
            ),
            (
                "Zhao accused the two countries of hypocrisy after Japan and Australia signed the pact.",
                "signed",
                "Zhao accused the two countries of hypocrisy after Japan and Australia signed the pact.",
                None,
            ),
            (
                "Abe said Japan and China will hold talks.",
                "talks",
                " Japan and China will hold talks.",
                Some("Abe said"),
            ),
        ];
        for (s, trig, want, speaker) in cases {
            assert_eq!(clause(s, trig), (want, speaker), "{s}");
        }
    }

    #[test]
    fn participant_windows() {
        let cases = [
            (
                "It recalled the Singapore summit last June, when the two men signed a statement.",
                "signed",
                "the two men signed a statement.",
            ),
            (
                "Kim met Xi, whose country is the main ally of Russia.",
                "met",
                "Kim met Xi",
            ),
            (
                "Kim, who arrived in Beijing on Monday, met Xi.",
                "met",
                "Kim, who arrived in Beijing on Monday, met Xi.",
            ),
            (
                "Kim met Xi in Beijing, where Putin visited last year.",
                "met",
                "Kim met Xi in Beijing, where Putin visited last year.",
            ),
            (
                "Macron, who flew in from Berlin and was met by his counterpart, Sanchez, held talks with him.",
                "held talks",
                "Macron, who flew in from Berlin and was met by his counterpart, Sanchez, held talks with him.",
            ),
        ];
        for (s, trig, want) in cases {
            let t = s.find(trig).unwrap();
            let c = clause_of(s, t, t + trig.len());
            let w = participant_window(s, &c, t, t + trig.len());
            assert_eq!(&s[w.start..w.end], want, "{s}");
        }
    }
}

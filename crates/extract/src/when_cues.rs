//! Cues that tell whether a time expression of a sentence dates a trigger's event: report
//! and cancellation dates, relative clauses, possessive modifiers, "since"/"by" phrases.
//!
//! All positions are byte offsets relative to the sentence.

use crate::when_scope::is_gerund;

/// Verbs of the shared list (`data/kb/reporting_verbs.txt`) that take no frame but are
/// speech acts whose complement is a reported clause ("warned on Friday that ..."). The
/// other clause verbs are left out on purpose: verbs of thought and expectation take an
/// infinitive whose date is the event's ("hopes to meet Xi on Friday", "expects to visit on
/// Monday"), and "suggested" proposes an event (see `PROPOSE`).
const SAY_CLAUSE: &[&str] = &["warned", "argued", "predicted"];

/// True for a verb whose complement is always a reported clause: a date attached to it
/// dates the report ("said on Friday that ...", "told reporters on Monday ..."). These are
/// the reporting frames of the shared list, less the announcing verbs (their object may be
/// the event itself, see `ANNOUNCE`) and "according" (no verb of its own), plus
/// `SAY_CLAUSE`.
fn is_say(w: &str) -> bool {
    use crate::roles_verbs::{is_reporting, takes_clause};
    is_reporting(w) && !ANNOUNCE.contains(&w) && w != "according"
        || SAY_CLAUSE.contains(&w) && takes_clause(w)
}

/// Verbs whose object may be the event itself ("announced sanctions on Friday") or a
/// reported clause ("announced on Thursday that his meeting will take place ...").
const ANNOUNCE: &[&str] = &[
    "announced",
    "announces",
    "confirmed",
    "confirms",
    "revealed",
    "reveals",
    "disclosed",
    "reported",
    "declared",
];

/// Verbs that put forward an event still to come ("had proposed the meeting on Friday"):
/// a past date of theirs dates the proposing.
const PROPOSE: &[&str] = &["proposed", "suggested", "requested", "offered", "sought"];

/// True for a verb that announces (its object may be the event itself).
pub(crate) fn is_announcing(w: &str) -> bool {
    ANNOUNCE.contains(&w)
}

/// Verbs that call an event off: their date is not the event's date.
const CANCEL: &[&str] = &[
    "cancelled",
    "canceled",
    "cancels",
    "postponed",
    "postpones",
    "scrapped",
    "delayed",
    "shelved",
    "suspended",
    "suspends",
    "halted",
    "off", // "called off"
];

/// Words that mark an embedded clause after an announcing verb.
const EMBED: &[&str] = &[
    "that", "whether", "will", "would", "could", "may", "might", "is", "was", "are", "were", "has",
    "had", "have", "should", "to",
];

/// Relative pronouns that open a clause of their own ("the summit, which runs on Friday").
const RELATIVE: &[&str] = &["which", "where", "who", "whom", "whose"];

/// A word of the sentence: start, end, lower-case text.
pub(crate) struct Word {
    pub start: usize,
    pub end: usize,
    pub lower: String,
    /// Starts with a capital letter (a name or a sentence start).
    pub cap: bool,
}

/// The words of `s` (letters, digits, apostrophes and hyphens).
pub(crate) fn words(s: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let inside = c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                out.push(word(s, a, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(a) = start {
        out.push(word(s, a, s.len()));
    }
    out
}

fn word(s: &str, a: usize, b: usize) -> Word {
    Word {
        start: a,
        end: b,
        lower: s[a..b].to_lowercase(),
        cap: s[a..b].starts_with(char::is_uppercase),
    }
}

/// The words of `ws` lying inside `a..b`.
pub(crate) fn words_in(ws: &[Word], a: usize, b: usize) -> Vec<&Word> {
    ws.iter().filter(|w| w.start >= a && w.end <= b).collect()
}

/// Number of words of `ws` lying inside `a..b`.
fn words_between(ws: &[Word], a: usize, b: usize) -> usize {
    ws.iter().filter(|w| w.start >= a && w.end <= b).count()
}

/// True when the date at `x` is attached to the verb `v`: right after it (up to three words
/// between, no comma), or right before it ("on Friday cancelled", "Last week, X said").
fn attached(s: &str, ws: &[Word], v: &Word, x: (usize, usize)) -> bool {
    if x.0 >= v.end {
        let gap = &s[v.end..x.0];
        return !gap.contains([',', ';', '(']) && words_between(ws, v.end, x.0) <= 3;
    }
    if x.1 <= v.start {
        let gap = &s[x.1..v.start];
        let n = words_between(ws, x.1, v.start);
        // "Trump on Friday cancelled", "Last week, the White House said"
        return n == 0 && !gap.contains(',') || (s[..x.0].trim().len() <= 8 && n <= 4);
    }
    false
}

/// True when the date at `x` dates a report or a cancellation rather than the event of the
/// trigger at `t`. With `spoken`, the event is made by the saying (a threat, an
/// accusation), so a date of a verb of saying dates it too ("said on Monday that Seoul
/// would take countermeasures"); an announcement or a cancellation still does not.
pub(crate) fn is_report_date_of(
    s: &str,
    ws: &[Word],
    x: (usize, usize),
    t: (usize, usize),
    spoken: bool,
) -> bool {
    for v in ws {
        let lw = v.lower.as_str();
        let say = is_say(lw) && !spoken;
        let announce = ANNOUNCE.contains(&lw);
        let cancel = CANCEL.contains(&lw)
            && (lw != "off" || s[..v.start].trim_end().to_lowercase().ends_with("called"));
        if !(say || announce || cancel) || (v.start <= t.0 && v.end >= t.1) {
            continue;
        }
        let att = attached(s, ws, v, x) || (say || announce) && dates_report(s, ws, v, x, t);
        if !att {
            continue;
        }
        if cancel {
            // "postponed to April", "delayed until June": the new date, not the cancelling
            let new_date = x.0 >= v.end
                && ws
                    .iter()
                    .rev()
                    .find(|w| w.end <= x.0)
                    .is_some_and(|w| ["to", "until", "till"].contains(&w.lower.as_str()));
            if !new_date {
                return true;
            }
            continue;
        }
        if t.0 >= v.end {
            if say {
                return true;
            }
            // "announced on Thursday that his meeting ... will take place": an embedded
            // clause between the date and the trigger; "announced on Monday, the first
            // trip ...": an apposition.
            let from = x.1.max(v.end);
            if x.0 >= v.end && s.get(from..t.0).is_some_and(|g| g.contains(',')) {
                return true;
            }
            if ws
                .iter()
                .filter(|w| w.start >= from && w.end <= t.0)
                .any(|w| EMBED.contains(&w.lower.as_str()))
            {
                return true;
            }
        } else if say && x.0 >= v.end {
            // "trigger ..., X said on Friday"
            return true;
        }
    }
    false
}

/// True when the date at `x` belongs to an announcing verb whose object is the trigger at
/// `t` ("The Kremlin had announced the visit only last week", "on Monday confirmed the
/// trip"): for an event that takes place at its own time (a visit, a meeting, a drill), the
/// date dates the announcing, not the event announced.
pub(crate) fn is_announced_object(
    s: &str,
    ws: &[Word],
    x: (usize, usize),
    t: (usize, usize),
) -> bool {
    ws.iter().any(|v| {
        (ANNOUNCE.contains(&v.lower.as_str()) || PROPOSE.contains(&v.lower.as_str()))
            && v.end <= t.0
            && words_between(ws, v.end, t.0) <= 3
            && !s[v.end..t.0].contains([',', ';', '('])
            && (x.1 <= v.start || x.0 >= v.end)
            && attached(s, ws, v, x)
    })
}

/// "announced in his State of the Union address on Tuesday night that he will meet ...": a
/// date between a reporting verb and the "that" of its complement (no comma or other clause
/// between) dates the report even when it is not right after the verb.
fn dates_report(s: &str, ws: &[Word], v: &Word, x: (usize, usize), t: (usize, usize)) -> bool {
    if x.0 < v.end || t.0 < x.1 || s[v.end..x.0].contains([',', ';']) {
        return false;
    }
    if words_between(ws, v.end, x.0) > 10 {
        return false;
    }
    ws.iter()
        .find(|w| w.start >= x.1)
        .is_some_and(|w| w.lower == "that" && w.end <= t.0)
}

/// Spans of relative clauses: from ", which" / "under which" to the next comma (or the end).
pub(crate) fn relative_spans(s: &str, ws: &[Word]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        // ", scheduled for August,": a participle phrase set off by commas.
        let participle = [
            "scheduled",
            "planned",
            "slated",
            "set",
            "due",
            "expected",
            "held",
        ]
        .contains(&w.lower.as_str())
            && s[..w.start].trim_end().ends_with(',');
        if participle {
            let end = s[w.end..].find([',', ';']).map_or(s.len(), |k| w.end + k);
            out.push((s[..w.start].trim_end().len() - 1, end));
            continue;
        }
        if w.lower == "that" && i > 0 && relative_that(s, ws, i) {
            let end = s[w.end..].find([',', ';']).map_or(s.len(), |k| w.end + k);
            out.push((w.start, end));
            continue;
        }
        if !RELATIVE.contains(&w.lower.as_str()) {
            continue;
        }
        let before = s[..w.start].trim_end();
        let prep = i > 0
            && ws.get(i - 1).is_some_and(|p| {
                ["under", "in", "by", "during", "at", "after", "on"].contains(&p.lower.as_str())
            });
        let start = if before.ends_with(',') {
            before.len() - 1
        } else if prep && w.lower == "which" {
            ws.get(i - 1).map_or(w.start, |p| p.start)
        } else if ["who", "whom", "which"].contains(&w.lower.as_str())
            && i > 0
            && relative_that(s, ws, i)
        {
            // "an employee of the firm who was detained in March": a restrictive clause
            w.start
        } else {
            continue;
        };
        let end = s[w.end..].find([',', ';']).map_or(s.len(), |k| w.end + k);
        out.push((start, end));
    }
    out
}

/// Words after which "that" introduces a complement clause ("said that", "so that"), not a
/// relative clause.
const THAT_COMPLEMENT: &[&str] = &[
    "said",
    "say",
    "says",
    "told",
    "tell",
    "tells",
    "announced",
    "announce",
    "announces",
    "agreed",
    "agree",
    "agrees",
    "warned",
    "warn",
    "warns",
    "believe",
    "believes",
    "hope",
    "hopes",
    "suggest",
    "suggests",
    "confirm",
    "confirms",
    "insist",
    "insists",
    "claim",
    "claims",
    "deny",
    "denies",
    "note",
    "notes",
    "add",
    "adds",
    "argue",
    "argues",
    "know",
    "knows",
    "clear",
    "so",
    "such",
    "now",
    "given",
    "sure",
    "aware",
    "fact",
    "means",
    "ensure",
    "ensures",
    "show",
    "shows",
    "signal",
    "signals",
    "indicate",
    "indicates",
    "think",
    "thinks",
    "feel",
    "feels",
    "report",
    "reports",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "and",
    "but",
    "or",
    "than",
    "after",
    "before",
    "because",
    "since",
    "while",
    "not",
    "only",
    "also",
    "likely",
    "possible",
    "certain",
    "expect",
    "expects",
    "fear",
    "fears",
    "assured",
    "promised",
    "pledged",
    "stated",
    "noted",
    "explained",
    "realise",
    "realize",
    "recognise",
    "recognize",
    "learn",
    "learned",
    "decided",
    "decide",
    "demand",
    "demands",
    "demanded",
    "request",
    "requests",
    "requested",
    "urged",
    "ruled",
];

/// True when the "that" at word `i` opens a relative clause: it follows a noun ("the drill
/// that the allies hold in August", "the treaty that Moscow signed this week"), not a verb
/// or an adjective taking a complement.
fn relative_that(s: &str, ws: &[Word], i: usize) -> bool {
    let Some(prev) = ws.get(i.wrapping_sub(1)) else {
        return false;
    };
    let gap = s.get(prev.end..ws[i].start).unwrap_or(",");
    if !gap.trim().is_empty() {
        return false; // "..., that" or a quotation mark: leave it
    }
    // "earlier that day", "that week": a time expression, not a pronoun.
    const UNITS: &[&str] = &[
        "day",
        "days",
        "week",
        "month",
        "year",
        "morning",
        "afternoon",
        "evening",
        "night",
        "time",
        "weekend",
    ];
    if ws
        .get(i + 1)
        .is_some_and(|n| UNITS.contains(&n.lower.as_str()))
    {
        return false;
    }
    let p = prev.lower.as_str();
    if THAT_COMPLEMENT.contains(&p) || p.ends_with("ed") || p.ends_with("ly") {
        return false;
    }
    // "said on Tuesday that", "announced last week that": a time phrase between the verb
    // and its complement
    const TIME_WORDS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "week",
        "month",
        "year",
        "morning",
        "afternoon",
        "evening",
        "night",
        "weekend",
    ];
    let timed = TIME_WORDS.contains(&p)
        || entente_text::words::MONTH_NAMES.contains(&p)
        || p.chars().all(|c| c.is_ascii_digit());
    let verb_before =
        ws[..i.saturating_sub(1)].iter().rev().take(4).any(|w| {
            THAT_COMPLEMENT.contains(&w.lower.as_str()) || !w.cap && w.lower.ends_with("ed")
        });
    !(timed && verb_before)
}

/// True when the relative clauses separate the date at `x` from the trigger at `t`: one lies
/// inside a relative clause and the other outside, unless the trigger is the clause's head
/// noun ("the Group of 20 summit, which runs on Friday"; "a meeting between Pompeo and Kim
/// Yong Chol that was scheduled for last Thursday": a noun trigger may head it from up to six
/// words away).
pub(crate) fn split_by_relative(
    s: &str,
    ws: &[Word],
    rel: &[(usize, usize)],
    x: (usize, usize),
    t: (usize, usize),
    noun: bool,
) -> bool {
    let inside = |a: usize, r: &(usize, usize)| a >= r.0 && a < r.1;
    for r in rel {
        let (xi, ti) = (inside(x.0, r), inside(t.0, r));
        if xi == ti {
            continue;
        }
        let reach = if noun { 6 } else { 3 };
        // ... across a phrase without a verb of its own ("notified Japan that" is a verb's).
        let plain = s
            .get(t.1..r.0)
            .is_some_and(|g| !g.contains([';', '(']) && g.matches(',').count() <= 1)
            && !ws
                .iter()
                .filter(|w| w.start >= t.1 && w.end <= r.0)
                .any(|w| {
                    !w.cap && w.lower.len() > 3 && w.lower.ends_with("ed") || w.lower == "said"
                });
        if xi && t.1 <= r.0 && words_between(ws, t.1, r.0) <= reach && plain {
            continue; // the trigger heads the relative clause
        }
        let head = ws.iter().rev().find(|w| w.end <= r.0);
        // "at an early date, which Moon said could mean before the end of this year": the
        // clause says when.
        if xi
            && head.is_some_and(|h| {
                ["date", "time", "point", "stage", "moment"].contains(&h.lower.as_str())
            })
        {
            continue;
        }
        // "on the same day that North Korea blew up tunnels": the date heads the clause.
        let opener = ws.iter().find(|w| w.start >= r.0).map(|w| w.lower.as_str());
        if ti && head.is_some_and(|h| h.end == x.1) && opener == Some("that") {
            continue;
        }
        return true;
    }
    false
}

/// True for a date that only bounds the event ("since March 2018", "until June") or sets a
/// deadline ("agree by Thursday", "set the end of the year as a deadline").
pub(crate) fn is_bound(ws: &[Word], x: (usize, usize), precision: &str, t: usize) -> bool {
    let Some(prev) = ws.iter().rev().find(|w| w.end <= x.0) else {
        return false;
    };
    // "since he took power at the end of 2011": the date of a since-clause dates its own
    // verb ("since Hu Jintao in October 2005" has none and still dates a visit).
    let before: Vec<&Word> = ws.iter().filter(|w| w.end <= x.0).rev().take(9).collect();
    // "set the end of the year as a deadline", "a deadline of June 30": a deadline.
    let after: Vec<&str> = ws
        .iter()
        .filter(|w| w.start >= x.1)
        .take(3)
        .map(|w| w.lower.as_str())
        .collect();
    if after.contains(&"deadline") || before.iter().take(2).any(|w| w.lower == "deadline") {
        return true;
    }
    if let Some(k) = before.iter().position(|w| w.lower == "since") {
        // ... unless the trigger is that verb ("since they met in Woodside in November").
        let trigger_inside = t >= before[k].end && t < x.0;
        if !trigger_inside && before[..k].iter().any(|w| !w.cap && is_past_verb(&w.lower)) {
            return true;
        }
        // "Since the Singapore summit in June, Pyongyang has returned ...": a phrase of its
        // own bounds the event; only a negated or counted one ("No president has visited
        // since Hu Jintao in 2005", "the first leader to visit since ...") names its last
        // occurrence.
        let last_occurrence = ws.iter().take_while(|w| w.end <= before[k].start).any(|w| {
            ["no", "not", "never", "first", "last"].contains(&w.lower.as_str())
                || w.lower.ends_with("n't")
        });
        // one phrase: single spaces from "since" to the date ("since March 2018, most
        // recently in January" is two)
        let chain: Vec<&Word> = before[..=k].iter().rev().copied().collect();
        let plain = chain.windows(2).all(|p| p[1].start == p[0].end + 1)
            && before.first().is_some_and(|w| x.0 == w.end + 1);
        if !trigger_inside && !last_occurrence && plain {
            return true;
        }
    }
    match prev.lower.as_str() {
        "since" | "until" | "till" | "untill" => true,
        "by" | "before" => precision == "day" || precision == "time",
        _ => false,
    }
}

/// A past verb form: "-ed" or a common irregular past.
pub(crate) fn is_past_verb(w: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "took", "came", "met", "went", "became", "began", "left", "won", "made", "held", "gave",
        "fell", "rose", "was", "were", "told", "spoke", "sent", "flew", "said", "wrote", "saw",
        "brought", "sought", "struck", "led", "drew", "threw", "broke", "chose", "set", "put",
    ];
    w.len() > 4 && w.ends_with("ed") || IRREGULAR.contains(&w)
}

/// True when a complement clause opens between the trigger and a later date: "Shortly before
/// the summit, North Korea notified Japan that it would launch a satellite on Monday" (the
/// date is the launch's).
pub(crate) fn complement_between(
    s: &str,
    ws: &[Word],
    x: (usize, usize),
    t: (usize, usize),
) -> bool {
    if x.0 < t.1 {
        return false;
    }
    ws.iter().enumerate().any(|(i, w)| {
        w.start >= t.1
            && w.end <= x.0
            && w.lower == "that"
            && i > 0
            && !relative_that(s, ws, i)
            && ws.get(i + 1).is_none_or(|n| n.start < x.0)
            && ws.get(i - 1).is_some_and(|p| p.start >= t.1)
    })
}

/// True when a complement clause opens between an earlier date and the trigger: "Putin,
/// speaking on Thursday, warned that it would be a mistake for Seoul to send arms" (the date
/// is the warning's, not the arms'). Events made by speaking keep the date of their saying;
/// the caller leaves them out.
pub(crate) fn complement_before(
    s: &str,
    ws: &[Word],
    x: (usize, usize),
    t: (usize, usize),
) -> bool {
    const UNITS: &[&str] = &[
        "day",
        "days",
        "week",
        "month",
        "year",
        "morning",
        "afternoon",
        "evening",
        "night",
        "time",
        "weekend",
    ];
    if x.1 > t.0 {
        return false;
    }
    ws.iter().enumerate().any(|(i, w)| {
        w.start >= x.1
            && w.end <= t.0
            && w.lower == "that"
            && i > 0
            && !relative_that(s, ws, i)
            && !ws
                .get(i + 1)
                .is_some_and(|n| UNITS.contains(&n.lower.as_str()))
            && ws.get(i - 1).is_some_and(|p| {
                s.get(p.end..w.start).is_some_and(|g| g.trim().is_empty())
                    && (THAT_COMPLEMENT.contains(&p.lower.as_str()) || p.lower.ends_with("ed"))
                    && !["is", "was", "are", "were", "be", "been"].contains(&p.lower.as_str())
            })
    })
}

/// Verbs that take an infinitive of a later event ("agreed last month to hold talks").
const CONTROL: &[&str] = &[
    "agreed", "agree", "agrees", "decided", "decide", "decides", "pledged", "promised", "vowed",
    "offered", "proposed", "planned", "plans", "hopes", "hoped", "wants", "wanted", "intends",
    "aims", "invited", "asked", "urged", "called", "voted", "resolved",
];

/// True when the date at `x` stands with a verb that takes an infinitive and the trigger is
/// the infinitive's event: "Moscow and Beijing agreed last month to hold regular talks",
/// "Kim on Friday invited Putin to visit" (the date is the agreement's, the invitation's).
pub(crate) fn control_between(ws: &[Word], x: (usize, usize), t: (usize, usize)) -> bool {
    if x.1 > t.0 {
        return false;
    }
    let Some(to) = ws
        .iter()
        .position(|w| w.start >= x.1 && w.end <= t.0 && w.lower == "to")
    else {
        return false;
    };
    // the infinitive reaches the trigger closely ("to hold regular talks")
    if ws
        .iter()
        .filter(|w| w.start > ws[to].end && w.end <= t.0)
        .count()
        > 3
    {
        return false;
    }
    // the controlling verb stands next to the date: just before it or between it and "to"
    let near: Vec<&Word> = ws
        .iter()
        .enumerate()
        .filter(|(i, w)| (w.start >= x.1 || w.end <= x.0) && *i < to)
        .map(|(_, w)| w)
        .collect();
    let k = near.iter().rposition(|w| w.end <= x.0).map_or(0, |k| k + 1);
    let before = near[..k].iter().rev().take(2);
    let after = near[k..].iter().take(4);
    before
        .chain(after)
        .any(|w| CONTROL.contains(&w.lower.as_str()))
}

/// True when a passive participle with its agent stands between the trigger and a later
/// date: "helps the Panmunjom Declaration signed by the leaders of the two Koreas last week"
/// (the date is the signing's). A participle right after the trigger modifies the trigger
/// itself ("talks hosted by Qatar on Monday") and does not count.
pub(crate) fn participle_between(
    s: &str,
    ws: &[Word],
    x: (usize, usize),
    t: (usize, usize),
) -> bool {
    const AUX: &[&str] = &[
        "has", "have", "had", "was", "were", "is", "are", "be", "been", "being", "and", "or",
    ];
    if x.0 < t.1 {
        return false;
    }
    let between = words_in(ws, t.1, x.0);
    let agent = between.windows(3).enumerate().any(|(k, w)| {
        k >= 1
            && w[1].lower.len() > 4
            && w[1].lower.ends_with("ed")
            && w[2].lower == "by"
            && !AUX.contains(&w[0].lower.as_str())
    });
    // "asked for the removal of five resolutions, those adopted in 2016 and 2017": a
    // participle set off by a comma or after "those", right before the date, dates its own
    // noun.
    let n = between.len();
    let apposed = (2..n).any(|k| {
        let (p, w) = (between[k - 1], between[k]);
        w.lower.len() > 4
            && w.lower.ends_with("ed")
            && n - k <= 2
            && (["those", "ones"].contains(&p.lower.as_str())
                || s.get(p.end..w.start).is_some_and(|g| g.contains(',')))
    });
    // "... during the visit, which would replace treaties signed in 1961 and 2000": a noun
    // with a past participle right before the date (a reduced relative) dates that noun,
    // once a finite verb of its own stands between it and the trigger.
    let reduced = n >= 3 && {
        let last = between[n - 1];
        let k = if ["in", "on", "at", "during"].contains(&last.lower.as_str()) {
            n - 2
        } else {
            n - 1
        };
        let part = between[k];
        let noun = k.checked_sub(1).map(|j| between[j]);
        const FINITE: &[&str] = &[
            "would", "will", "could", "can", "may", "might", "should", "is", "are", "was", "were",
            "has", "have", "had",
        ];
        part.lower.len() > 4
            && part.lower.ends_with("ed")
            && noun.is_some_and(|m| {
                !m.cap
                    && !AUX.contains(&m.lower.as_str())
                    && !FINITE.contains(&m.lower.as_str())
                    && !m.lower.ends_with("ly")
                    && !["it", "they", "he", "she", "we", "who", "which", "that"]
                        .contains(&m.lower.as_str())
            })
            && between[..k.saturating_sub(1)]
                .iter()
                .any(|w| FINITE.contains(&w.lower.as_str()))
    };
    agent || apposed || reduced
}

/// Where the complement of a statement-like trigger starts: "agreed to hold ...", "asked
/// South Korea to agree ...", "agreed that Yellen would travel ...". Dates after it date the
/// complement's event, not the agreement or the request.
pub(crate) fn complement_start(s: &str, ws: &[Word], t: (usize, usize)) -> Option<usize> {
    const NOT_VERB: &[&str] = &[
        "the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "some",
        "all", "any", "each", "both",
    ];
    let after: Vec<&Word> = ws.iter().filter(|w| w.start >= t.1).take(5).collect();
    after
        .iter()
        .enumerate()
        .take(4)
        .take_while(|(_, w)| !s[t.1..w.start].contains([',', ';']))
        .find(|(k, w)| {
            w.lower == "that"
                || w.lower == "to"
                    && after.get(k + 1).is_some_and(|n| {
                        let first = s[n.start..].chars().next().unwrap_or('A');
                        first.is_lowercase() && !NOT_VERB.contains(&n.lower.as_str())
                    })
        })
        .map(|(_, w)| w.start)
}

/// Participles that refer to another event as a reason or a topic ("..., citing Moscow's
/// seizure of three ships"): the event they name has a time of its own. Concurrent acts
/// ("..., shaking hands before signing a joint statement") share the main clause's date.
const REFERRING: &[&str] = &[
    "citing",
    "blaming",
    "condemning",
    "denouncing",
    "criticising",
    "criticizing",
    "welcoming",
    "praising",
    "recalling",
    "referring",
    "noting",
    "mentioning",
    "describing",
    "invoking",
    "pointing",
];

/// True when a participle clause set off by a comma, referring to another event (see
/// [`REFERRING`]), opens between an earlier date and a noun trigger inside it: "cancelled the
/// meeting on Thursday, citing Moscow's seizure of three ships" (the seizure is a reason, at
/// a time of its own).
pub(crate) fn participle_clause_between(
    s: &str,
    ws: &[Word],
    x: (usize, usize),
    t: (usize, usize),
) -> bool {
    if x.1 > t.0 {
        return false;
    }
    ws.iter()
        .filter(|w| w.start >= x.1 && w.end <= t.0)
        .any(|w| {
            REFERRING.contains(&w.lower.as_str())
                && s.get(..w.start)
                    .is_some_and(|h| h.trim_end().ends_with(','))
        })
}

/// True when the date is a possessive modifier of another noun ("next year's election"), not
/// of the trigger ("Sunday's meeting").
pub(crate) fn is_possessive_of_other(s: &str, ws: &[Word], x: (usize, usize), t: usize) -> bool {
    let rest = &s[x.1..];
    if !(rest.starts_with("'s") || rest.starts_with("’s")) {
        return false;
    }
    let after = x.1 + 2;
    // "agreed at Wednesday's talks", "during Monday's call": the occasion of the phrase is
    // the setting of the trigger's, and its date is shared.
    if setting_before(ws, x.0) && occasion_head(ws, after) && near_trigger(ws, x.0, t) {
        return false;
    }
    // "Sunday's meeting", "Monday's emergency session": the trigger is the possessed noun
    // (no comma between: "after Monday's vote, Russia fired" is another noun's)
    let possessed = t >= after
        && words_between(ws, after, t) <= 2
        && !s.get(after..t).is_some_and(|g| g.contains([',', ';', ':']));
    !possessed
}

/// True when a preposition of setting ("at", "during", "on") stands right before byte `at`,
/// or right before a determiner there ("at their September summit").
fn setting_before(ws: &[Word], at: usize) -> bool {
    let mut before = ws.iter().rev().filter(|w| w.end <= at);
    let setting = |w: &Word| ["at", "during", "on"].contains(&w.lower.as_str());
    match before.next() {
        Some(w) if setting(w) => true,
        Some(w)
            if ["the", "their", "his", "her", "its", "this", "that"]
                .contains(&w.lower.as_str()) =>
        {
            before.next().is_some_and(setting)
        }
        _ => false,
    }
}

/// True when the phrase of a date at byte `x0` belongs to the trigger at byte `t`: within
/// four words after the trigger, or fronted at the start of the sentence before it.
fn near_trigger(ws: &[Word], x0: usize, t: usize) -> bool {
    if x0 >= t {
        return words_between(ws, t, x0) <= 5;
    }
    ws.iter().filter(|w| w.end <= x0).count() <= 2
}

/// True when a meeting noun (see [`crate::when_occasion::MEETING_GROUPS`]) heads the noun
/// phrase starting at byte `from`, within three words.
fn occasion_head(ws: &[Word], from: usize) -> bool {
    ws.iter()
        .filter(|w| w.start >= from)
        .take(3)
        .any(|w| !w.cap && crate::when_occasion::group_of(&w.lower).is_some())
}

/// True when the date is an attributive modifier of another noun ("as provided for in a 1965
/// treaty", "under a 2018 military agreement"), not of the trigger ("the 2018 summit").
pub(crate) fn is_attributive_of_other(s: &str, ws: &[Word], x: (usize, usize), t: usize) -> bool {
    const DET: &[&str] = &[
        "a", "an", "the", "its", "their", "his", "her", "this", "that",
    ];
    let Some(prev) = ws.iter().rev().find(|w| w.end <= x.0) else {
        return false;
    };
    let Some(next) = ws.iter().find(|w| w.start >= x.1) else {
        return false;
    };
    let tight = s.get(x.1..next.start).is_some_and(|g| g == " ");
    let lower_noun = s[next.start..].starts_with(|c: char| c.is_lowercase())
        && ![
            "and", "or", "to", "in", "on", "at", "for", "of", "when", "as", "after", "before",
        ]
        .contains(&next.lower.as_str());
    if !(DET.contains(&prev.lower.as_str()) && tight && lower_noun) {
        return false;
    }
    // "agreed at their September summit", "during his June visit": the event of the phrase
    // is the setting of the trigger's, and its date is shared.
    // Not a period of something else ("during the 1910-45 colonial rule").
    let setting = ws
        .iter()
        .rev()
        .find(|w| w.end <= prev.start)
        .is_some_and(|w| ["at", "during", "on"].contains(&w.lower.as_str()));
    if setting && occasion_head(ws, next.start) {
        return false;
    }
    !(t >= next.start && words_between(ws, next.start, t) <= 2)
}

/// True when a temporal preposition stands between an earlier date and the trigger: "the
/// office opened in September 2018 after the first summit" (the date is the opening's).
pub(crate) fn preposition_between(
    s: &str,
    ws: &[Word],
    x: (usize, usize),
    t: (usize, usize),
) -> bool {
    const PREP: &[&str] = &[
        "after",
        "before",
        "since",
        "following",
        "ahead",
        "until",
        "prior",
    ];
    if x.1 > t.0 {
        return false;
    }
    let between: Vec<&Word> = ws
        .iter()
        .filter(|w| w.start >= x.1 && w.end <= t.0)
        .collect();
    // A phrase ("after the first summit"), not a clause ("before the two leaders held
    // talks"): the trigger follows the preposition closely, with no verb between.
    // "reversed course eight days later after receiving an envoy": the trigger itself may
    // be the gerund right after the preposition.
    let trigger = ws.iter().find(|w| w.start >= t.0);
    between.iter().enumerate().any(|(k, w)| {
        let rest = &between[k + 1..];
        // "met on Wednesday, months after the two leaders agreed": a stated distance puts
        // what follows at another time, phrase or clause
        let distance = k > 0
            && between.get(k - 1).is_some_and(|p| {
                [
                    "day", "days", "week", "weeks", "month", "months", "year", "years", "decades",
                ]
                .contains(&p.lower.as_str())
            });
        if distance && ["after", "before", "since"].contains(&w.lower.as_str()) {
            return true;
        }
        PREP.contains(&w.lower.as_str())
            && rest.len() <= 3
            // "held talks on Tuesday before signing a joint statement": a verb phrase
            && !rest.first().copied().or(trigger).is_some_and(|n| is_gerund(s, n))
            && !rest.iter().any(|r| {
                !r.cap && r.lower.len() > 3 && r.lower.ends_with("ed") || r.lower == "held"
            })
    })
}

/// Ordinal words that count events within a period ("his fourth this year").
const ORDINAL: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "latest",
];

/// True when the date at `x` is a superseded plan: "originally planned for March 5",
/// "initially scheduled for Thursday". It yields to any other date (the new one).
pub(crate) fn is_superseded(ws: &[Word], x: (usize, usize)) -> bool {
    let before: Vec<&str> = ws
        .iter()
        .filter(|w| w.end <= x.0)
        .rev()
        .take(4)
        .map(|w| w.lower.as_str())
        .collect();
    before
        .iter()
        .any(|w| ["originally", "initially"].contains(w))
        && before
            .first()
            .is_some_and(|w| ["for", "on", "in"].contains(w))
}

/// True when the date at `x` is the window of a count ("Pompeo's fourth this year", "his
/// third trip to China this month"): the current period right after an ordinal. It says
/// only that the event falls in that period, and yields to any other date.
pub(crate) fn is_count_window(s: &str, ws: &[Word], x: (usize, usize)) -> bool {
    let text = s.get(x.0..x.1).unwrap_or("").to_ascii_lowercase();
    if !text.starts_with("this ") && !text.starts_with("so far") {
        return false;
    }
    let before: Vec<&Word> = ws.iter().filter(|w| w.end <= x.0).rev().take(4).collect();
    let Some(k) = before
        .iter()
        .position(|w| ORDINAL.contains(&w.lower.as_str()))
    else {
        return false;
    };
    // a noun phrase between ("third trip to China"), no verb ("first summit was held")
    const AUX: &[&str] = &[
        "is", "are", "was", "were", "be", "been", "will", "would", "has", "have", "had",
    ];
    !before[..k].iter().any(|w| {
        AUX.contains(&w.lower.as_str()) || is_past_verb(&w.lower) || w.lower.ends_with("ed")
    })
}

/// True when a temporal preposition opens a phrase of its own between the trigger and a
/// later date: "the third meeting between Trump and Kim, following their summits in
/// Singapore last June" (the date is the summits'), "met Xi after talks in Geneva on
/// Thursday". A distance before the preposition ("a day after") is left to the offsets.
pub(crate) fn preposition_after(
    s: &str,
    ws: &[Word],
    x: (usize, usize),
    t: (usize, usize),
) -> bool {
    // not "since": "the first leader to visit since Hu Jintao in 2005" leaves the verb out
    const PREP: &[&str] = &["after", "before", "following", "ahead", "prior"];
    if x.0 < t.1 {
        return false;
    }
    let between = words_in(ws, t.1, x.0);
    between.iter().enumerate().any(|(k, w)| {
        PREP.contains(&w.lower.as_str())
            && !between.get(k.wrapping_sub(1)).is_some_and(|p| {
                // "a day after", "hours before": a distance, dated by the offsets
                [
                    "day", "days", "week", "weeks", "hours", "month", "months", "shortly", "soon",
                    "just", "long",
                ]
                .contains(&p.lower.as_str())
                    && s.get(p.end..w.start) == Some(" ")
            })
            && s.get(w.end..).is_some_and(|r| r.starts_with(' '))
            // "ahead of", "prior to", not "go ahead on June 12"
            && match w.lower.as_str() {
                "ahead" => between.get(k + 1).is_some_and(|n| n.lower == "of"),
                "prior" => between.get(k + 1).is_some_and(|n| n.lower == "to"),
                _ => true,
            }
            // a phrase of its own before the date ("after talks in Geneva on Thursday"), not
            // the date as the preposition's object ("before the end of the year")
            && between[k + 1..]
                .iter()
                .any(|n| !["the", "of", "a", "an"].contains(&n.lower.as_str()))
    })
}

/// True for a bare part of the day with no day of its own ("a rare midnight news
/// conference").
pub(crate) fn is_bare_time_of_day(text: &str) -> bool {
    matches!(
        text.to_ascii_lowercase().as_str(),
        "midnight" | "noon" | "midday" | "morning" | "afternoon" | "evening" | "night" | "dawn"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(s: &str, part: &str) -> (usize, usize) {
        let a = s.find(part).unwrap_or_else(|| panic!("{part} not in {s}"));
        (a, a + part.len())
    }

    #[test]
    fn report_dates() {
        // (sentence, date, trigger, is a report date)
        let table = [
            (
                "The summit, originally planned for March 5, was postponed to April.",
                "April",
                "summit",
                false,
            ),
            (
                "Japan and South Korea agreed on Monday to restart a financial dialogue suspended in 2016.",
                "2016",
                "dialogue",
                true,
            ),
            (
                "Trump announced on Thursday that his meeting with Kim will take place on June 12.",
                "Thursday",
                "meeting",
                true,
            ),
            (
                "Trump announced on Thursday that his meeting with Kim will take place on June 12.",
                "June 12",
                "meeting",
                false,
            ),
            (
                "China announced retaliatory tariffs on Friday.",
                "Friday",
                "tariffs",
                false,
            ),
            (
                "The US, Britain and Australia announced a new security partnership on Wednesday.",
                "Wednesday",
                "partnership",
                false,
            ),
            (
                "Yuri Ushakov told reporters on Monday that Putin and Kim could sign an agreement.",
                "Monday",
                "agreement",
                true,
            ),
            (
                "Trump said on Saturday he was willing to meet Kim at the border.",
                "Saturday",
                "meet",
                true,
            ),
            (
                "Trump on Friday cancelled a planned trip to North Korea by Pompeo.",
                "Friday",
                "trip",
                true,
            ),
            (
                "Blinken on Friday postponed a long-awaited trip to Beijing.",
                "Friday",
                "trip",
                true,
            ),
            (
                "Kim will visit Russia later this month, the Kremlin said on Monday.",
                "Monday",
                "visit",
                true,
            ),
            (
                "Kim will visit Russia later this month, the Kremlin said on Monday.",
                "later this month",
                "visit",
                false,
            ),
            (
                "Moon said Kim had proposed the meeting on Friday afternoon.",
                "Friday afternoon",
                "proposed",
                false,
            ),
            (
                "Xi met Kim in Beijing on Tuesday, state media said.",
                "Tuesday",
                "met",
                false,
            ),
            (
                "Last week, the White House said arms talks were advancing.",
                "Last week",
                "talks",
                true,
            ),
        ];
        for (s, date, trig, want) in table {
            let ws = words(s);
            assert_eq!(
                is_report_date_of(s, &ws, span(s, date), span(s, trig), false),
                want,
                "{s} / {date}"
            );
        }
    }

    #[test]
    fn announced_objects() {
        // (sentence, date, trigger, the date is the announcing's)
        let table = [
            (
                "The Kremlin had announced the visit only last week.",
                "last week",
                "visit",
                true,
            ),
            (
                "Moon said Kim had proposed the meeting on Friday afternoon.",
                "Friday afternoon",
                "meeting",
                true,
            ),
            (
                "On Monday, Beijing confirmed the trip.",
                "Monday",
                "trip",
                true,
            ),
            (
                "Moscow announced on Friday a visit by Kim.",
                "Friday",
                "visit",
                true,
            ),
            (
                "The Kremlin announced details of the planned visit last week.",
                "last week",
                "visit",
                false,
            ),
            (
                "Kim visited the factory last week, Pyongyang announced.",
                "last week",
                "visited",
                false,
            ),
            (
                "They announced that the visit would take place next week.",
                "next week",
                "visit",
                false,
            ),
        ];
        for (s, date, trig, want) in table {
            let ws = words(s);
            let span = |s: &str, w: &str| {
                let a = s.find(w).unwrap_or(0);
                (a, a + w.len())
            };
            assert_eq!(
                is_announced_object(s, &ws, span(s, date), span(s, trig)),
                want,
                "{s}"
            );
        }
    }

    #[test]
    fn spoken_events_keep_the_saying_date() {
        // (sentence, date, trigger, is a report date for an event made by speaking)
        let table = [
            (
                "The minister said on Monday that Seoul would take countermeasures.",
                "Monday",
                "countermeasures",
                false,
            ),
            (
                "Trump on Thursday cancelled the summit, blaming Pyongyang's hostility.",
                "Thursday",
                "hostility",
                true,
            ),
        ];
        for (s, date, trig, want) in table {
            let ws = words(s);
            let span = |s: &str, w: &str| {
                let a = s.find(w).unwrap_or(0);
                (a, a + w.len())
            };
            assert_eq!(
                is_report_date_of(s, &ws, span(s, date), span(s, trig), true),
                want,
                "{s}"
            );
        }
    }

    #[test]
    fn relative_clauses() {
        // (sentence, date, trigger, separated)
        let table = [
            ("The two leaders met in Osaka on the eve of the G20 summit, which runs on Friday and Saturday.", "Friday and Saturday", "met", true),
            ("The two leaders met in Osaka on the eve of the G20 summit, which runs on Friday and Saturday.", "Friday and Saturday", "summit", false),
            ("Moon and Kim signed a declaration on Wednesday under which the North agreed to dismantle a site.", "Wednesday", "agreed", true),
            ("Moon, who arrived on Tuesday for a three-day visit, will travel to Mount Paektu on Thursday.", "Thursday", "visit", true),
            ("Moon, who arrived on Tuesday for a three-day visit, will travel to Mount Paektu on Thursday.", "Tuesday", "visit", false),
            ("the Singapore summit last June, when the two men signed a statement", "last June", "signed", false),
            ("Pyongyang has condemned the allies' summer exercise, scheduled for August, as a violation.", "August", "condemned", true),
            ("The two sides agreed to hold high-level talks on June 1 to follow up on their first summit, held on April 27 at Panmunjom.", "April 27", "talks", true),
            ("The two sides agreed to hold high-level talks on June 1 to follow up on their first summit, held on April 27 at Panmunjom.", "April 27", "summit", false),
            ("The defence ministers signed a separate military agreement that halts hostile acts from November 1.", "November 1", "signed", true),
            ("Seoul summoned the ambassador on Friday to protest against the treaty that Moscow signed this week.", "Friday", "summoned", false),
            ("Seoul summoned the ambassador on Friday to protest against the treaty that Moscow signed this week.", "this week", "summoned", true),
            ("The Quad summit that was scheduled to take place in Sydney next week has been called off.", "next week", "summit", false),
            ("Trump said that he will meet Kim on June 12.", "June 12", "meet", false),
            ("Shortly before the summit, North Korea notified Japan that it would launch a satellite on Monday.", "Monday", "summit", true),
            ("A meeting between Pompeo and Kim Yong Chol that was scheduled for last Thursday was postponed.", "last Thursday", "meeting", false),
            ("Pompeo, who had met Kim in Pyongyang earlier that day, flew home.", "that day", "had met", false),
            ("Kim agreed to visit Seoul at an early date, which Moon said could mean before the end of this year.", "the end of this year", "visit", false),
            ("It came on the same day that North Korea blew up tunnels at its test site.", "the same day", "blew up", false),
            ("Officials hope that the trip could take place before the end of December.", "the end of December", "trip", false),
        ];
        for (s, date, trig, want) in table {
            let ws = words(s);
            let rel = relative_spans(s, &ws);
            let noun = ![
                "met",
                "agreed",
                "had met",
                "signed",
                "summoned",
                "meet",
                "condemned",
            ]
            .contains(&trig);
            assert_eq!(
                split_by_relative(s, &ws, &rel, span(s, date), span(s, trig), noun),
                want,
                "{s} / {date}"
            );
        }
    }

    #[test]
    fn any_spans_do_not_panic() {
        let table = [
            "",
            ",",
            "said",
            "Trump, said on Friday, — that",
            "Le président a dit — réuni le 3 mai, which où “that” ’s",
            "on Friday cancelled; called off, which since by 's",
            "signed by by by, to to that",
            "agreed this year to to, the fourth this that day",
        ];
        for s in table {
            let ws = words(s);
            let rel = relative_spans(s, &ws);
            let bounds: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
            for &a in &bounds {
                for &b in bounds.iter().filter(|&&b| b >= a) {
                    for &c in &bounds {
                        for &d in bounds.iter().filter(|&&d| d >= c).take(3) {
                            let (x, t) = ((a, b), (c, d));
                            is_report_date_of(s, &ws, x, t, false);
                            split_by_relative(s, &ws, &rel, x, t, true);
                            participle_between(s, &ws, x, t);
                            complement_between(s, &ws, x, t);
                            is_attributive_of_other(s, &ws, x, c);
                            preposition_between(s, &ws, x, t);
                            is_possessive_of_other(s, &ws, x, c);
                            is_bound(&ws, x, "day", c);
                            complement_start(s, &ws, t);
                            complement_before(s, &ws, x, t);
                            control_between(&ws, x, t);
                            is_count_window(s, &ws, x);
                            is_superseded(&ws, x);
                            preposition_after(s, &ws, x, t);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn complement_clauses() {
        // (sentence, date, trigger, separated)
        let table = [
            ("Shortly before the summit, North Korea said that it would launch a satellite on Monday.", "Monday", "summit", true),
            ("Trump said that he will meet Kim on June 12.", "June 12", "meet", false),
            ("A meeting that was scheduled for last Thursday was postponed.", "last Thursday", "meeting", false),
            ("Pompeo had met Kim earlier that day.", "that day", "met", false),
        ];
        for (s, date, trig, want) in table {
            assert_eq!(
                complement_between(s, &words(s), span(s, date), span(s, trig)),
                want,
                "{s}"
            );
        }
    }

    #[test]
    fn complements_before() {
        // (sentence, date, trigger, separated)
        for (s, d, t, want) in [
            ("Putin, speaking in Hanoi on Thursday, warned that it would be a mistake for Seoul to send arms.", "Thursday", "send arms", true),
            ("Kim met Xi on Thursday and agreed to expand trade.", "Thursday", "agreed", false),
            ("On Thursday, officials confirmed that the talks had ended.", "Thursday", "talks", true),
            ("They met on the day that the talks ended.", "the day", "ended", false),
        ] {
            assert_eq!(complement_before(s, &words(s), span(s, d), span(s, t)), want, "{s}");
        }
    }

    #[test]
    fn controls() {
        // (sentence, date, trigger, separated)
        for (s, d, t, want) in [
            (
                "Moscow and Beijing had agreed last month to hold regular talks.",
                "last month",
                "talks",
                true,
            ),
            (
                "Kim on Friday invited Putin to visit Pyongyang.",
                "Friday",
                "visit",
                true,
            ),
            ("Kim agreed on Friday to meet Moon.", "Friday", "meet", true),
            (
                "Kim travelled on Friday to Beijing for talks.",
                "Friday",
                "talks",
                false,
            ),
            (
                "Kim met Moon on Friday to discuss the summit.",
                "Friday",
                "summit",
                false,
            ),
        ] {
            assert_eq!(
                control_between(&words(s), span(s, d), span(s, t)),
                want,
                "{s}"
            );
        }
    }

    #[test]
    fn prepositions_after() {
        // (sentence, date, trigger, separated)
        for (s, d, t, want) in [
            ("It was the third meeting between Trump and Kim, following their summits in Singapore last June.", "last June", "meeting", true),
            ("Kim met Xi after talks in Geneva on Thursday.", "Thursday", "met", true),
            ("Kim met Xi a day after the vote on Thursday.", "Thursday", "met", false),
            ("Kim met Xi in Beijing on Thursday.", "Thursday", "met", false),
            ("The meeting could still go ahead on June 12.", "June 12", "meeting", false),
            ("The encounter was arranged in a day, after Trump floated the idea on Saturday.", "Saturday", "encounter", true),
            ("Kim met Xi ahead of the summit on Friday.", "Friday", "met", true),
            ("Kim could visit before the end of the year.", "the end of the year", "visit", false),
        ] {
            assert_eq!(preposition_after(s, &words(s), span(s, d), span(s, t)), want, "{s}");
        }
    }

    #[test]
    fn superseded_plans() {
        for (s, d, want) in [
            (
                "The summit, originally planned for March 5, was postponed to April.",
                "March 5",
                true,
            ),
            (
                "The talks, initially scheduled for Thursday, were held on Friday.",
                "Thursday",
                true,
            ),
            ("The summit was planned for March 5.", "March 5", false),
        ] {
            assert_eq!(is_superseded(&words(s), span(s, d)), want, "{s}");
        }
    }

    #[test]
    fn count_windows() {
        // (sentence, date, window)
        for (s, d, want) in [
            (
                "The trip, which would have been Pompeo's fourth this year, was called off.",
                "this year",
                true,
            ),
            (
                "It is his third trip to China this year.",
                "this year",
                true,
            ),
            ("Kim will visit Seoul this year.", "this year", false),
            ("The first summit was held this month.", "this month", false),
        ] {
            assert_eq!(is_count_window(s, &words(s), span(s, d)), want, "{s}");
        }
    }

    #[test]
    fn participles() {
        // (sentence, date, trigger, separated)
        let table = [
            ("Wang said Beijing supports the Panmunjom Declaration signed by the leaders of the two Koreas last week.", "last week", "supports", true),
            ("Qatar hosted talks organised by the UN on Monday.", "Monday", "talks", false),
            ("The report was published by the ministry on Monday.", "Monday", "report", false),
            ("Ri said the North had asked for the removal of five resolutions, those adopted in 2016 and 2017.", "2016 and 2017", "asked", true),
            ("Kim asked for talks, held in Hanoi, on Friday.", "Friday", "asked", false),
            ("Kim asked for talks on Friday.", "Friday", "asked", false),
        ];
        for (s, date, trig, want) in table {
            assert_eq!(
                participle_between(s, &words(s), span(s, date), span(s, trig)),
                want,
                "{s}"
            );
        }
    }

    #[test]
    fn complements() {
        // (sentence, trigger, complement starts at)
        let table = [
            (
                "The two leaders agreed that Yellen would travel to China in the coming days.",
                "agreed",
                Some("that Yellen"),
            ),
            (
                "Japan had asked South Korea to agree by Thursday to set up a panel.",
                "asked",
                Some("to agree"),
            ),
            ("Seoul sent aid to North Korea on Friday.", "sent aid", None),
            (
                "They agreed at their September summit to hold the groundbreaking.",
                "agreed",
                None,
            ),
            (
                "They agreed on Monday to hold the summit regularly.",
                "agreed",
                Some("to hold"),
            ),
        ];
        for (s, trig, want) in table {
            let got = complement_start(s, &words(s), span(s, trig));
            assert_eq!(got, want.map(|w| span(s, w).0), "{s}");
        }
    }

    #[test]
    fn since_phrases() {
        // (sentence, date, trigger, the date only bounds the event)
        let table = [
            (
                "Since the Singapore summit in June, Pyongyang has returned the remains.",
                "June",
                "returned",
                true,
            ),
            (
                "No Chinese president has visited North Korea since Hu Jintao in October 2005.",
                "October 2005",
                "visited",
                false,
            ),
            (
                "Xi is the first Chinese leader to visit the North since Hu Jintao in 2005.",
                "2005",
                "visit",
                false,
            ),
            (
                "Trump and Kim haven't met since their encounter at the border in June.",
                "June",
                "met",
                false,
            ),
            (
                "Since the Singapore summit in June, Pyongyang has returned the remains.",
                "June",
                "summit",
                false,
            ),
        ];
        for (s, date, trig, want) in table {
            let ws = words(s);
            assert_eq!(
                is_bound(&ws, span(s, date), "month", span(s, trig).0),
                want,
                "{s}"
            );
        }
    }

    #[test]
    fn bounds_and_modifiers() {
        let s = "Kim has travelled to China four times since March 2018, most recently in January.";
        let ws = words(s);
        assert!(is_bound(
            &ws,
            span(s, "March 2018"),
            "month",
            span(s, "travelled").0
        ));
        assert!(!is_bound(
            &ws,
            span(s, "January"),
            "month",
            span(s, "travelled").0
        ));
        let s = "The trip, his first abroad since he took power at the end of 2011, was secret.";
        assert!(is_bound(
            &words(s),
            span(s, "the end of 2011"),
            "year",
            span(s, "trip").0
        ));
        let s = "Biden and Xi spoke on Tuesday, their first call since they met in Woodside, California, in November.";
        assert!(!is_bound(
            &words(s),
            span(s, "November"),
            "month",
            span(s, "met").0
        ));
        let s =
            "Trump and Kim have not met since their encounter at the Demilitarized Zone in June.";
        assert!(!is_bound(
            &words(s),
            span(s, "June"),
            "month",
            span(s, "met").0
        ));
        let s = "No Chinese president has visited North Korea since Hu Jintao in October 2005.";
        assert!(!is_bound(
            &words(s),
            span(s, "October 2005"),
            "month",
            span(s, "visited").0
        ));
        let s = "Kim set the end of the year as a deadline for Washington in a speech in April.";
        let ws = words(s);
        assert!(is_bound(
            &ws,
            span(s, "the end of the year"),
            "year",
            span(s, "set").0
        ));
        assert!(!is_bound(&ws, span(s, "April"), "month", span(s, "set").0));
        let s = "Japan had asked South Korea to agree by Thursday to set up a panel.";
        assert!(is_bound(
            &words(s),
            span(s, "Thursday"),
            "day",
            span(s, "asked").0
        ));
        let s = "The statement accused the US of stalling to get through next year's presidential election.";
        let ws = words(s);
        assert!(is_possessive_of_other(
            s,
            &ws,
            span(s, "next year"),
            span(s, "accused").0
        ));
        let s = "Japan asked Seoul to agree to a panel, as provided for in a 1965 treaty.";
        assert!(is_attributive_of_other(
            s,
            &words(s),
            span(s, "1965"),
            span(s, "agree").0
        ));
        let s = "Moon and Kim agreed at their September summit to hold the ceremony.";
        assert!(!is_attributive_of_other(
            s,
            &words(s),
            span(s, "September"),
            span(s, "agreed").0
        ));
        let s = "They recalled the 2018 summit in Singapore.";
        assert!(!is_attributive_of_other(
            s,
            &words(s),
            span(s, "2018"),
            span(s, "summit").0
        ));
        // (sentence, date, trigger, the date is another predicate's)
        for (s, x, t, want) in [
            (
                "The envoys met on Friday, months after the two sides agreed to talk.",
                "Friday",
                "agreed",
                true,
            ),
            (
                "The envoys met on Friday, two weeks before the ministers signed a pact.",
                "Friday",
                "signed",
                true,
            ),
            (
                "The envoys met on Friday, before the two ministers held talks.",
                "Friday",
                "talks",
                false,
            ),
        ] {
            assert_eq!(
                preposition_between(s, &words(s), span(s, x), span(s, t)),
                want,
                "{s}"
            );
        }
        let s = "The office opened in September 2018 after the first summit.";
        assert!(preposition_between(
            s,
            &words(s),
            span(s, "September 2018"),
            span(s, "summit")
        ));
        let s = "Trump set foot in North Korea on Sunday, before the two leaders held an hour of talks.";
        assert!(!preposition_between(
            s,
            &words(s),
            span(s, "Sunday"),
            span(s, "talks")
        ));
        let s = "They met on Tuesday, shaking hands before signing a joint statement.";
        assert!(!preposition_between(
            s,
            &words(s),
            span(s, "Tuesday"),
            span(s, "joint statement")
        ));
        let s = "He reversed course eight days later after receiving an envoy.";
        assert!(!preposition_between(
            s,
            &words(s),
            span(s, "eight days later"),
            span(s, "receiving")
        ));
        let s = "Earlier on Sunday, Trump held a summit with Moon.";
        assert!(!preposition_between(
            s,
            &words(s),
            span(s, "Sunday"),
            span(s, "summit")
        ));
        let s = "Sunday's meeting was short.";
        assert!(!is_possessive_of_other(
            s,
            &words(s),
            span(s, "Sunday"),
            span(s, "meeting").0
        ));
        assert!(is_bare_time_of_day("midnight"));
        assert!(!is_bare_time_of_day("Friday afternoon"));
    }

    #[test]
    fn restrictive_relatives() {
        // (sentence, start of a relative clause found)
        for (s, want) in [
            (
                "Tokyo said on Tuesday that it would send a minister next month.",
                None,
            ),
            (
                "Oslo announced last week that talks would resume in May.",
                None,
            ),
            (
                "The talks on Tuesday that ended in a deal were short.",
                Some("that ended in a deal were short."),
            ),
            (
                "He sought the release of a banker who was detained in March.",
                Some("who was detained in March."),
            ),
            (
                "The ban which Seoul imposed in July stays.",
                Some("which Seoul imposed in July stays."),
            ),
            ("Officials asked who had ordered the raid in May.", None),
            (
                "The envoy, who arrived in May, met the king.",
                Some(", who arrived in May"),
            ),
        ] {
            let ws = words(s);
            let got = relative_spans(s, &ws).first().map(|&(a, b)| &s[a..b]);
            assert_eq!(got, want, "{s}");
        }
    }

    #[test]
    fn reduced_relatives() {
        // (sentence, trigger, date, the date is another noun's)
        for (s, t, x, want) in [
            ("They may sign a pact during the visit, which would replace treaties signed in 1961.", "visit", "1961", true),
            ("The talks, which will cover deals reached in May, start soon.", "talks", "May", true),
            ("The minister visited Seoul and the aides arrived on Tuesday.", "visited", "Tuesday", false),
            ("The envoy will visit Oslo, where talks resumed in May.", "visit", "May", false),
        ] {
            assert_eq!(participle_between(s, &words(s), span(s, x), span(s, t)), want, "{s}");
        }
    }

    #[test]
    fn participle_clauses() {
        // (sentence, date, trigger, the date is the main clause's only)
        for (s, x, t, want) in [
            (
                "Ankara recalled its envoy on Monday, citing the seizure of two ships.",
                "Monday",
                "seizure",
                true,
            ),
            (
                "Rome froze talks on Monday, including the planned summit.",
                "Monday",
                "summit",
                false,
            ),
            (
                "The leaders met on Monday, shaking hands before signing a joint statement.",
                "Monday",
                "statement",
                false,
            ),
            (
                "Oslo protested on Friday, condemning the attack on its embassy.",
                "Friday",
                "attack",
                true,
            ),
            (
                "Seoul summoned the envoy on Friday, accusing Moscow of lying.",
                "Friday",
                "accusing",
                false,
            ),
            (
                "On Monday the minister, angered by the raid, recalled the envoy.",
                "Monday",
                "raid",
                false,
            ),
        ] {
            assert_eq!(
                participle_clause_between(s, &words(s), span(s, x), span(s, t)),
                want,
                "{s}"
            );
        }
    }

    #[test]
    fn settings_share_their_date() {
        // (sentence, date, trigger, the date is another noun's)
        for (s, x, t, want) in [
            (
                "The envoys agreed at Wednesday's talks to swap prisoners.",
                "Wednesday",
                "agreed",
                false,
            ),
            (
                "During Monday's call, the premier urged calm.",
                "Monday",
                "urged",
                false,
            ),
            (
                "The minister warned before next week's election that taxes would rise.",
                "next week",
                "warned",
                true,
            ),
            (
                "At Tuesday's parade, the army fired rockets.",
                "Tuesday",
                "fired",
                true,
            ),
            (
                "Two days after Monday's vote, Russia fired a missile.",
                "Monday",
                "fired",
                true,
            ),
        ] {
            let ws = words(s);
            assert_eq!(
                is_possessive_of_other(s, &ws, span(s, x), span(s, t).0),
                want,
                "{s}"
            );
        }
        for (s, x, t, want) in [
            (
                "The court ordered payment for labour during the 1939-45 occupation.",
                "1939-45",
                "ordered",
                true,
            ),
            (
                "The ministers agreed during their June visit to open a consulate.",
                "June",
                "agreed",
                false,
            ),
            (
                "Rebels attacked the town during the 2014 election campaign.",
                "2014",
                "attacked",
                true,
            ),
        ] {
            let ws = words(s);
            assert_eq!(
                is_attributive_of_other(s, &ws, span(s, x), span(s, t).0),
                want,
                "{s}"
            );
        }
    }

    #[test]
    fn say_verbs_from_shared_list() {
        // (word, always reports a clause)
        let cases = [
            ("said", true),
            ("told", true),
            ("wrote", true),
            ("warned", true),
            ("predicted", true),
            ("announced", false), // ANNOUNCE
            ("according", false),
            ("hopes", false),
            ("suggested", false), // PROPOSE
            ("met", false),
        ];
        for (w, say) in cases {
            assert_eq!(is_say(w), say, "{w}");
        }
    }
}

//! The trigger and status-cue lexicon, loaded from `data/lexicon/*.toml` and compiled once.

use crate::phrase::{PhraseMatch, PhraseMatcher};
use entente_doc::{EventType, Mode};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The lexicon could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LexiconError {
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A file is not valid TOML or has wrong fields.
    #[error("{path}: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// What is wrong, with line and column.
        message: String,
    },
    /// A value is not one of the allowed ones.
    #[error("{path}: trigger #{index}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// 1-based index of the `[[trigger]]` entry.
        index: usize,
        /// What is wrong.
        message: String,
    },
    /// The compiled automaton would be too large.
    #[error("{path}: too many phrases to compile")]
    TooLarge {
        /// The file.
        path: PathBuf,
    },
}

/// How a CONSULT trigger frames the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModeHint {
    /// The subject travels to the object or place.
    Visit,
    /// The subject receives the object.
    Host,
    /// A phone or video call.
    Phone,
    /// A meeting: third-party or multilateral depending on place and parties.
    Meet,
}

/// The grammatical form of a trigger occurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Reports the event as done ("met").
    Past,
    /// Present tense ("meets", "is visiting").
    Present,
    /// Bare or infinitive ("meet").
    Base,
    /// A noun naming the event ("summit").
    Noun,
}

/// One event kind of the lexicon.
#[derive(Debug, Clone)]
pub struct TriggerDef {
    /// PLOVER type.
    pub event_type: EventType,
    /// Finer kind word.
    pub kind: String,
    /// Closest CAMEO code.
    pub cameo: String,
    /// CONSULT framing.
    pub mode: Option<ModeHint>,
    /// All actors are equal participants.
    pub symmetric: bool,
    /// A bare form with no date of its own reports a pledge made, not a plan.
    pub pledge: bool,
    /// A noun reports an event without a support verb (CONSULT, attacks, protests).
    pub standalone_nouns: bool,
}

/// Status cue classes, in priority order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// A negation.
    Negation,
    /// A denial.
    Denied,
    /// Cancelled or postponed.
    Cancelled,
    /// Only possible.
    Speculated,
    /// Announced or scheduled.
    Planned,
    /// Happening now.
    Ongoing,
    /// Reported as done, after a noun ("the summit, held on April 27").
    Occurred,
    /// A ceremony or act that starts the event, before it ("held a ceremony to mark the
    /// start of a project to reconnect the railways"): the event has begun.
    Begun,
}

const CUES: [Cue; 8] = [
    Cue::Negation,
    Cue::Denied,
    Cue::Cancelled,
    Cue::Speculated,
    Cue::Planned,
    Cue::Ongoing,
    Cue::Occurred,
    Cue::Begun,
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TriggerFile {
    #[serde(default)]
    noun_support: NounSupport,
    #[serde(default)]
    stop: Stop,
    #[serde(default)]
    characterise: Characterise,
    trigger: Vec<RawTrigger>,
}

/// Verbs that characterise something, which accuse only when what follows "as" is damning
/// ("described the measures as economic retaliation", not "described the talks as useful").
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Characterise {
    /// The characterising verbs (also listed as ACCUSE forms).
    #[serde(default)]
    verbs: Vec<String>,
    /// Damning words or phrases after "as".
    #[serde(default)]
    damning: Vec<String>,
}

/// Phrases that contain a trigger word but report no event ("a sign of", "truce village").
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Stop {
    #[serde(default)]
    phrases: Vec<String>,
}

/// Words that make a noun trigger of a statement or action an event of its own.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct NounSupport {
    /// Verbs right before the noun ("imposed new sanctions", "signed an agreement").
    #[serde(default)]
    before: Vec<String>,
    /// Participles right after it ("the declaration signed by", "an agreement reached").
    #[serde(default)]
    after: Vec<String>,
    /// Verbs of holding back right before the noun ("agreed to hold off on new tariffs",
    /// "refrained from sanctions"): the noun names what is not done, with or without a
    /// support verb.
    #[serde(default)]
    withheld: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTrigger {
    #[serde(rename = "type")]
    event_type: String,
    kind: String,
    cameo: String,
    mode: Option<String>,
    #[serde(default)]
    symmetric: bool,
    #[serde(default)]
    pledge: bool,
    #[serde(default)]
    standalone_nouns: bool,
    #[serde(default)]
    arrival: bool,
    #[serde(default)]
    past: Vec<String>,
    #[serde(default)]
    present: Vec<String>,
    #[serde(default)]
    base: Vec<String>,
    #[serde(default)]
    noun: Vec<String>,
}

#[derive(Deserialize)]
struct StatusFile {
    window: Window,
    cues: RawCues,
}

/// How many words around a trigger are searched for cues.
#[derive(Deserialize, Debug, Clone, Copy)]
pub struct Window {
    /// Words before the trigger.
    pub before: usize,
    /// Words after the trigger.
    pub after: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCues {
    negation: Vec<String>,
    denied: Vec<String>,
    cancelled: Vec<String>,
    speculated: Vec<String>,
    planned: Vec<String>,
    ongoing: Vec<String>,
    #[serde(default)]
    occurred: Vec<String>,
    #[serde(default)]
    begun: Vec<String>,
}

/// The compiled lexicon.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Event kinds.
    pub triggers: Vec<TriggerDef>,
    /// Per event kind: an arrival ("arrived in"), which on the publication day starts a stay
    /// under way.
    arrivals: Vec<bool>,
    forms: Vec<(usize, Form)>,
    trigger_matcher: PhraseMatcher,
    cue_kinds: Vec<Cue>,
    cue_matcher: PhraseMatcher,
    /// Support verbs of noun triggers, before the noun.
    support_before: PhraseMatcher,
    /// Support participles of noun triggers, after the noun.
    support_after: PhraseMatcher,
    /// Verbs of holding back before a noun trigger: no support.
    withheld: PhraseMatcher,
    /// Characterising verbs ("described"), lower case.
    characterise_verbs: Vec<String>,
    /// Damning words after "as" that make a characterisation an accusation.
    damning: PhraseMatcher,
    /// Cue search window.
    pub window: Window,
}

/// A trigger found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TriggerMatch {
    /// Byte start.
    pub start: usize,
    /// Byte end.
    pub end: usize,
    /// Index into [`Lexicon::triggers`].
    pub trigger: usize,
    /// The form matched.
    pub form: Form,
}

/// A status cue found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueMatch {
    /// Byte start.
    pub start: usize,
    /// Byte end.
    pub end: usize,
    /// Which cue class.
    pub cue: Cue,
}

/// The default data directory: `ENTENTE_DATA`, else `./data` when it has a lexicon, else the
/// repository's `data/` as seen at compile time.
pub fn default_data_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("ENTENTE_DATA") {
        return PathBuf::from(d);
    }
    let local = PathBuf::from("data");
    if local.join("lexicon/triggers.toml").is_file() {
        return local;
    }
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data"))
}

fn read(path: &Path) -> Result<String, LexiconError> {
    std::fs::read_to_string(path).map_err(|source| LexiconError::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn parse_type(s: &str) -> Result<EventType, String> {
    s.parse::<EventType>().map_err(|e| e.to_string())
}

impl Lexicon {
    /// Loads `lexicon/triggers.toml` and `lexicon/status.toml` from a data directory.
    ///
    /// # Errors
    /// A file that cannot be read or parsed, or an unknown type or mode; the message names the
    /// file and the entry.
    pub fn load(data_dir: &Path) -> Result<Lexicon, LexiconError> {
        let tpath = data_dir.join("lexicon/triggers.toml");
        let spath = data_dir.join("lexicon/status.toml");
        Lexicon::from_strs(&read(&tpath)?, &tpath, &read(&spath)?, &spath)
    }

    /// Builds the lexicon from file contents (`*_path` only name the sources in errors).
    ///
    /// # Errors
    /// As [`Lexicon::load`].
    pub fn from_strs(
        triggers: &str,
        triggers_path: &Path,
        status: &str,
        status_path: &Path,
    ) -> Result<Lexicon, LexiconError> {
        let file: TriggerFile = toml::from_str(triggers).map_err(|e| LexiconError::Parse {
            path: triggers_path.to_path_buf(),
            message: e.to_string(),
        })?;
        let mut defs = Vec::new();
        let mut arrivals = Vec::new();
        let mut forms = Vec::new();
        let mut phrases: Vec<(String, usize)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (i, raw) in file.trigger.into_iter().enumerate() {
            let invalid = |message: String| LexiconError::Invalid {
                path: triggers_path.to_path_buf(),
                index: i + 1,
                message,
            };
            let event_type = parse_type(&raw.event_type).map_err(invalid)?;
            let mode = match raw.mode.as_deref() {
                None => None,
                Some("visit") => Some(ModeHint::Visit),
                Some("host") => Some(ModeHint::Host),
                Some("phone") => Some(ModeHint::Phone),
                Some("meet") => Some(ModeHint::Meet),
                Some(other) => {
                    return Err(invalid(format!(
                        "unknown mode '{other}', expected visit, host, phone or meet"
                    )))
                }
            };
            if mode.is_some() && event_type != EventType::Consult {
                return Err(invalid("mode is only for CONSULT triggers".into()));
            }
            let idx = defs.len();
            arrivals.push(raw.arrival);
            defs.push(TriggerDef {
                event_type,
                kind: raw.kind,
                cameo: raw.cameo,
                mode,
                symmetric: raw.symmetric,
                pledge: raw.pledge,
                standalone_nouns: raw.standalone_nouns || event_type == EventType::Consult,
            });
            for (list, form) in [
                (raw.past, Form::Past),
                (raw.present, Form::Present),
                (raw.base, Form::Base),
                (raw.noun, Form::Noun),
            ] {
                for p in list {
                    let key = p.to_lowercase();
                    if key.trim().is_empty() || !seen.insert(key.clone()) {
                        continue;
                    }
                    phrases.push((key, forms.len()));
                    forms.push((idx, form));
                }
            }
        }
        // Stop phrases take part in the longest-match competition and then yield nothing.
        let n_forms = forms.len();
        for p in file.stop.phrases {
            let key = p.to_lowercase();
            if !key.trim().is_empty() && seen.insert(key.clone()) {
                phrases.push((key, n_forms));
            }
        }
        let trigger_matcher = PhraseMatcher::new(phrases).ok_or(LexiconError::TooLarge {
            path: triggers_path.to_path_buf(),
        })?;
        let support = file.noun_support;
        let compile = |list: Vec<String>| {
            PhraseMatcher::new(
                list.into_iter()
                    .map(|p| (p.to_lowercase(), 0))
                    .filter(|(p, _)| !p.trim().is_empty()),
            )
            .ok_or(LexiconError::TooLarge {
                path: triggers_path.to_path_buf(),
            })
        };
        let support_before = compile(support.before)?;
        let support_after = compile(support.after)?;
        let withheld = compile(support.withheld)?;
        let characterise_verbs: Vec<String> = file
            .characterise
            .verbs
            .iter()
            .map(|v| v.to_lowercase())
            .collect();
        let damning = compile(file.characterise.damning)?;

        let sfile: StatusFile = toml::from_str(status).map_err(|e| LexiconError::Parse {
            path: status_path.to_path_buf(),
            message: e.to_string(),
        })?;
        let c = sfile.cues;
        let lists = [
            c.negation,
            c.denied,
            c.cancelled,
            c.speculated,
            c.planned,
            c.ongoing,
            c.occurred,
            c.begun,
        ];
        let mut cue_kinds = Vec::new();
        let mut cue_phrases = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (cue, list) in CUES.iter().zip(lists) {
            for p in list {
                let key = p.to_lowercase();
                if !seen.insert(key.clone()) {
                    continue;
                }
                cue_phrases.push((key, cue_kinds.len()));
                cue_kinds.push(*cue);
            }
        }
        let cue_matcher = PhraseMatcher::new(cue_phrases).ok_or(LexiconError::TooLarge {
            path: status_path.to_path_buf(),
        })?;
        Ok(Lexicon {
            triggers: defs,
            arrivals,
            forms,
            trigger_matcher,
            cue_kinds,
            cue_matcher,
            support_before,
            support_after,
            withheld,
            characterise_verbs,
            damning,
            window: sfile.window,
        })
    }

    /// Triggers in `text`.
    pub fn triggers_in(&self, text: &str) -> Vec<TriggerMatch> {
        self.trigger_matcher
            .find(text)
            .into_iter()
            .filter_map(|PhraseMatch { start, end, value }| {
                let &(trigger, form) = self.forms.get(value)?;
                Some(TriggerMatch {
                    start,
                    end,
                    trigger,
                    form,
                })
            })
            .collect()
    }

    /// Status cues in `text`. A one-word cue capitalised inside the sentence is a name, not
    /// a cue ("in April and May", "Will Ripley").
    pub fn cues_in(&self, text: &str) -> Vec<CueMatch> {
        self.cue_matcher
            .find(text)
            .into_iter()
            .filter(|m| {
                let word = &text[m.start..m.end];
                let inside = !text[..m.start].trim().is_empty();
                !(inside
                    && !word.contains(' ')
                    && word.chars().next().is_some_and(char::is_uppercase))
            })
            .map(|m| CueMatch {
                start: m.start,
                end: m.end,
                cue: self.cue_kinds[m.value],
            })
            .collect()
    }

    /// True when the noun trigger at `start..end` of `text` has a support verb: one of the
    /// `before` words at most `max_gap` words before it ("imposed new sanctions"), or one of the
    /// `after` participles at most `max_gap` words after it ("the declaration signed by"), with
    /// no comma, colon or semicolon in between.
    pub fn noun_supported(&self, text: &str, start: usize, end: usize, max_gap: usize) -> bool {
        // the gap stays within one phrase: no comma, colon or semicolon
        let close =
            |gap: &str| gap.split_whitespace().count() <= max_gap && !gap.contains([',', ';', ':']);
        // "agreed to hold off on new tariffs": what is held back does not happen
        if self
            .withheld
            .find(text)
            .into_iter()
            .any(|m| m.end <= start && close(&text[m.end..start]))
        {
            return false;
        }
        let before = self
            .support_before
            .find(text)
            .into_iter()
            .any(|m| m.end <= start && close(&text[m.end..start]));
        // a support verb after the noun is its own unless another noun trigger comes between
        // ("The exercise implements an agreement reached at Camp David": the agreement was
        // reached)
        before
            || self.support_after.find(text).into_iter().any(|m| {
                m.start >= end
                    && close(&text[end..m.start])
                    && self
                        .triggers_in(&text[end..m.start])
                        .iter()
                        .all(|t| t.form != Form::Noun)
            })
    }

    /// For a characterising verb ("described", "branded"): whether "as" follows it in
    /// `text[..clause_end]` with a damning word at most six words after the "as" ("described
    /// the measures as economic retaliation"). `None` for every other trigger.
    pub fn characterises_damningly(
        &self,
        text: &str,
        t: &TriggerMatch,
        clause_end: usize,
    ) -> Option<bool> {
        let word = text.get(t.start..t.end)?.to_lowercase();
        if !self.characterise_verbs.contains(&word) {
            return None;
        }
        let rest = text.get(t.end..clause_end.max(t.end))?;
        let lower = rest.to_ascii_lowercase();
        let Some(at) = lower.find(" as ") else {
            return Some(false);
        };
        let tail = &rest[at + 4..];
        Some(
            self.damning
                .find(tail)
                .into_iter()
                .any(|m| tail[..m.start].split_whitespace().count() <= 6),
        )
    }

    /// True when the matched trigger is an arrival ("arrived in").
    pub fn is_arrival(&self, m: &TriggerMatch) -> bool {
        self.arrivals.get(m.trigger).copied().unwrap_or(false)
    }

    /// The definition of a matched trigger.
    pub fn def(&self, m: &TriggerMatch) -> &TriggerDef {
        &self.triggers[m.trigger]
    }
}

/// The CONSULT mode a hint gives before places and parties are known.
pub fn mode_of(hint: ModeHint) -> Mode {
    match hint {
        ModeHint::Visit => Mode::Visit,
        ModeHint::Host => Mode::Host,
        ModeHint::Phone => Mode::Phone,
        ModeHint::Meet => Mode::ThirdParty,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo_lexicon() -> Lexicon {
        Lexicon::load(&PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data"
        )))
        .expect("repository lexicon loads")
    }

    #[test]
    fn finds_triggers_with_their_forms() {
        let lex = repo_lexicon();
        let t = "Kim and Trump held talks in Hanoi and will visit Seoul for a summit.";
        let got: Vec<(&str, EventType, Form)> = lex
            .triggers_in(t)
            .iter()
            .map(|m| (&t[m.start..m.end], lex.def(m).event_type, m.form))
            .collect();
        assert_eq!(
            got,
            [
                ("held talks", EventType::Consult, Form::Past),
                ("visit", EventType::Consult, Form::Base),
                ("summit", EventType::Consult, Form::Noun),
            ]
        );
    }

    #[test]
    fn nouns_need_a_close_support_verb() {
        let lex = repo_lexicon();
        let table = [
            (
                "Japan imposed new export controls.",
                "export controls",
                true,
            ),
            (
                "The declaration signed by both leaders.",
                "declaration",
                true,
            ),
            ("UN sanctions on the country.", "sanctions", false),
            // a participle after another noun trigger is that noun's
            (
                "The exercise implements an agreement reached at Camp David.",
                "exercise",
                false,
            ),
            (
                "The summer exercise, scheduled for August.",
                "exercise",
                false,
            ),
            ("The exercise scheduled for August.", "exercise", true),
            // what is held back is not done
            (
                "The two sides agreed to hold off on new tariffs.",
                "tariffs",
                false,
            ),
            (
                "Ottawa refrained from imposing sanctions.",
                "sanctions",
                false,
            ),
            ("Ottawa imposed sanctions.", "sanctions", true),
            (
                "The launch failed, with the missile exploding.",
                "missile",
                false,
            ),
        ];
        for (s, noun, want) in table {
            let at = s.find(noun).expect("noun in sentence");
            assert_eq!(lex.noun_supported(s, at, at + noun.len(), 6), want, "{s}");
        }
    }

    #[test]
    fn stop_phrases_yield_no_trigger() {
        let lex = repo_lexicon();
        for s in [
            "It is a sign of warming ties.",
            "They met in the truce village.",
            "The spokesman declined to comment.",
        ] {
            let got: Vec<&str> = lex
                .triggers_in(s)
                .iter()
                .map(|m| &s[m.start..m.end])
                .collect();
            let want: Vec<&str> = if s.contains("met") {
                vec!["met"]
            } else {
                vec![]
            };
            assert_eq!(got, want, "{s}");
        }
    }

    #[test]
    fn capitalised_cue_words_inside_a_sentence_are_names() {
        let lex = repo_lexicon();
        let count = |s: &str| lex.cues_in(s).len();
        assert_eq!(count("They met in April and May."), 0);
        assert_eq!(count("They may meet in April."), 1);
        assert_eq!(count("May they meet again."), 1);
    }

    #[test]
    fn errors_name_the_file_and_entry() {
        let bad = "[[trigger]]\ntype = \"MEET\"\nkind = \"x\"\ncameo = \"040\"\n";
        let status = include_str!("../../../data/lexicon/status.toml");
        let err = Lexicon::from_strs(bad, Path::new("t.toml"), status, Path::new("s.toml"))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("t.toml: trigger #1: unknown event type 'MEET'"),
            "{err}"
        );
        let err = Lexicon::from_strs("[[trigger]\n", Path::new("t.toml"), status, Path::new("s"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("t.toml: "), "{err}");
    }
}

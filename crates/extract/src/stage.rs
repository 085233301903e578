//! The event extraction stage: triggers → drafts → events of the document.

use crate::clause::{clause_of, Clause};
use crate::ctx::{is_question, local, SentenceCtx};
use crate::draft::{Draft, DraftDate, Side};
use crate::lexicon::{Cue, CueMatch, Form, Lexicon, LexiconError, ModeHint, TriggerMatch};
use crate::merge::merge_drafts;
use crate::status::{decide, StatusInput};
use crate::{place, roles, when};
use entente_doc::{
    Actor, ActorKind, Document, EventDate, EventRecord, EventSource, EventType, Layer, Mode, Stage,
    StageError,
};
use std::path::Path;

/// Extracts diplomatic events from a document's sentences.
///
/// # What it does
/// Finds trigger words of `data/lexicon/triggers.toml` in each sentence, takes the actors,
/// dates, places and status cues of the trigger's clause, and builds one draft per trigger;
/// drafts reporting the same event within the document are merged into one event with
/// several source sentences.
///
/// # Reads / Writes
/// Reads sentences, timexes, mentions, places; writes events.
///
/// # Example
/// "Wang Yi will travel to Pyongyang next week." (published 2019-09-01) → CONSULT, mode visit,
/// guest CHN, host PRK, status planned, date 2019-09-02..2019-09-08.
///
/// # Which triggers start events
/// A trigger is skipped when it names no event of its own: a stop phrase ("a sign of"); a
/// noun of a statement or action with no support verb ("UN sanctions" but "imposed new
/// sanctions"); a condition ("if either country is attacked"); a question ("asked whether");
/// a trigger inside a longer speculation cue ("did not rule out"); the complement of a request
/// or refusal ("urged Pyongyang to hold talks"); the meeting noun a request names ("called for
/// dialogue"); an agreement whose complement is the event ("agreed to hold talks": the talks,
/// planned), unless it is a standing arrangement ("agreed to meet regularly"); a second
/// trigger of the same type in a clause, unless it refers to another event ("after their
/// meeting in March"); an invitation the sentence reports as accepted (the visit it names is
/// the planned event). Only the reported invitation ("said he had invited Xi to talk") is a
/// request; a background one ("has invited him to do") is not a trigger. A bare form after a determiner reads as a noun ("a three-day visit").
///
/// Also skipped: a habit or standing position ("has in the past condemned such drills", "has
/// backed UN sanctions since 2016") and what it names; a characterisation whose "as" is not
/// followed by a damning word ("described the talks as useful"; "described the measures as
/// economic retaliation" accuses); a protest noun after "in" that gives the purpose of an
/// earlier act ("recalled its ambassadors in protest at the pact"). "Want" with an object is a
/// request ("wants Putin to attack", "wanted the sanctions lifted"); "want to" is a wish, a
/// speculation cue on the act it governs. An agreement to resume talks with no date for them
/// ("agreed to restart trade negotiations") stays an agreement; a second trigger of the same
/// type stands when it is coordinated ("and has also offered to meet Trump"), subordinate
/// ("since Kim Jong Il met Medvedev") or has a predicate of its own ("their first summit, held
/// on April 27").
///
/// # Limits
/// Rule-based: participants come from the clause around the trigger, not from a parse;
/// long sentences with several events may mix their actors.
#[derive(Debug, Clone)]
pub struct EventExtractor {
    lex: Lexicon,
}

impl EventExtractor {
    /// An extractor using the given lexicon.
    pub fn new(lex: Lexicon) -> EventExtractor {
        EventExtractor { lex }
    }

    /// Loads the lexicon from a data directory.
    ///
    /// # Errors
    /// See [`Lexicon::load`].
    pub fn load(data_dir: &Path) -> Result<EventExtractor, LexiconError> {
        Ok(EventExtractor::new(Lexicon::load(data_dir)?))
    }

    /// The lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// Chooses which triggers of a sentence start events, each with its clause.
    fn select(
        &self,
        s: &str,
        trig: &[TriggerMatch],
        cues: &[CueMatch],
        timex_starts: &[usize],
        mentions: &[crate::ctx::Local<'_, entente_doc::Mention>],
    ) -> Vec<(TriggerMatch, Clause)> {
        let mut out: Vec<(TriggerMatch, Clause)> = Vec::new();
        let mut standing_until = 0;
        for (i, t) in trig.iter().enumerate() {
            let def = self.lex.def(t);
            let clause = clause_of(s, t.start, t.end);
            // "host city", "host country": a noun modifier, not a hosting.
            if def.mode == Some(crate::lexicon::ModeHint::Host) {
                let next = s[t.end..].split_whitespace().next().unwrap_or("");
                if ["city", "country", "nation", "venue", "government"]
                    .contains(&next.trim_matches(|c: char| !c.is_alphanumeric()))
                {
                    continue;
                }
            }
            // A trigger inside a longer modal or negated cue is part of the modality, not an
            // event ("did not rule out cooperation": no rejection).
            if inside_cue(t, cues) {
                continue;
            }
            // "if either country is attacked", "until the talks show progress": a condition,
            // not an event.
            if is_conditional(&s[clause.start.min(t.start)..t.start]) {
                continue;
            }
            // "has in the past condemned such drills", "has backed UN sanctions since 2016": a
            // habit or a standing position, not one event.
            if standing(s, t, &clause) {
                standing_until = clause.end;
                continue;
            }
            // ... and what it names ("condemned such drills as rehearsals for an invasion")
            if t.start < standing_until {
                continue;
            }
            // "described the measures as economic retaliation" accuses; "described the talks as
            // useful" does not.
            if self.lex.characterises_damningly(s, t, clause.end) == Some(false) {
                continue;
            }
            // "Asked whether Xi had accepted an invitation to visit, a spokesman said ...": the
            // question's content is no event.
            if in_opening_question(s, t) {
                continue;
            }
            // "two men sought in the slaying", "officials accused of playing a role": a
            // participle after a noun describes it; what it names is no event of the clause
            if reduced_relative(s, t, def.event_type) {
                continue;
            }
            // "the missiles that Pyongyang fired on May 9": "fired on" before a date is no
            // attack on anyone
            if def.event_type == EventType::Assault && preposition_before_date(s, t, timex_starts) {
                continue;
            }
            // "the militant group that has seized parts of Iraq": a relative clause whose
            // subject is no actor tells about something else than the clause's parties
            if relative_of_non_actor(s, t, mentions) {
                continue;
            }
            // "officials warned that North Korea could carry out a test": a forecast about
            // another party, not a threat; the act it names is coded, speculated.
            if def.event_type == EventType::Threaten && forecast_about_other(s, t, mentions) {
                continue;
            }
            // "asked whether he would meet Kim": a question put, not a request.
            if def.event_type == EventType::Request && asks_a_question(s, t) {
                continue;
            }
            // "invited Putin to visit, and Putin accepted": the invitation is the plan of the
            // visit it names, which is coded instead; an invitation not taken up stays a
            // request ("had invited Xi to talk, an offer that has so far gone unanswered").
            if def.event_type == EventType::Request && accepted_invitation(s, t) {
                continue;
            }
            // An earlier verb trigger in the same clause governs a later noun
            // ("called for the lifting of sanctions", "met ... at the summit").
            let governed = !is_reference(s, t)
                && out.iter().any(|(p, _)| {
                    p.form != Form::Noun
                        && p.start >= clause.start
                        && t.form == Form::Noun
                        && (def.event_type != EventType::Consult
                            || self.lex.def(p).event_type == EventType::Consult)
                        && !s[p.end..t.start].contains(" between ")
                        && !closed_relative(s, clause.start, p, t)
                })
                || out.iter().any(|(p, _)| {
                    // a request, refusal or threat governs the meeting it names ("called for
                    // dialogue", "proposed the meeting", "urged all sides to return to talks")
                    let pt = self.lex.def(p).event_type;
                    matches!(
                        pt,
                        EventType::Request | EventType::Reject | EventType::Threaten
                    ) && p.form != Form::Noun
                        && t.form == Form::Noun
                        && def.event_type == EventType::Consult
                        && p.start >= clause.start
                        && s[p.end..t.start].split_whitespace().count() <= GOVERNED_GAP
                })
                || out.iter().any(|(p, _)| {
                    // an agreement kept for a standing arrangement governs its complement
                    self.lex.def(p).event_type == EventType::Agree
                        && p.form != Form::Noun
                        && def.event_type != EventType::Agree
                        && governs_complement(s, p, t)
                });
            if governed {
                continue;
            }
            // "recalled its ambassadors ... in an unprecedented protest at the pact": a protest
            // noun after "in" gives the purpose of an earlier act of its sentence.
            if def.event_type == EventType::Protest
                && matches!(t.form, Form::Noun | Form::Base)
                && !out.is_empty()
                && in_manner_phrase(s, t)
            {
                continue;
            }
            // A noun naming a statement or an action ("sanctions", "the declaration") is an
            // event only with a verb that makes it happen ("imposed sanctions", "the
            // declaration signed by"); otherwise it names a standing thing.
            if t.form == Form::Noun
                && !def.standalone_nouns
                && !self.lex.noun_supported(s, t.start, t.end, NOUN_SUPPORT_GAP)
            {
                continue;
            }
            // "agreed to hold a summit", "agreed that Xi will visit", "offered to meet": the
            // agreement is the plan of the event it governs, which is coded instead.
            if def.event_type == EventType::Agree && t.form != Form::Noun {
                if let Some(n) = trig.get(i + 1) {
                    let nd = self.lex.def(n);
                    // the complement must stand as an event: a verb, or a noun that stands
                    // alone ("agreed to undertake joint exercises" stays an agreement)
                    let stands = n.form != Form::Noun
                        || nd.standalone_nouns
                        || self.lex.noun_supported(s, n.start, n.end, NOUN_SUPPORT_GAP);
                    if governs_complement(s, t, n)
                        && nd.event_type != EventType::Agree
                        && stands
                        && !habitual(&s[n.end..clause.end.max(n.end)])
                        && (!resumes_process(&s[t.end..n.start])
                            || timex_starts.iter().any(|&x| {
                                x >= n.end
                                    && x < clause.end
                                    && s[n.end..x].split_whitespace().count() <= DATE_AFTER_WORDS
                            }))
                    {
                        continue;
                    }
                }
            }
            // "urged Pyongyang to hold talks", "refused to meet", "asked Seoul to agree": the
            // complement is the content of the statement, not an event of its own.
            if t.form == Form::Base {
                if let Some((p, _)) = out.last() {
                    let pt = self.lex.def(p).event_type;
                    if matches!(
                        pt,
                        EventType::Request | EventType::Reject | EventType::Threaten
                    ) && p.start >= clause.start
                    {
                        continue;
                    }
                }
            }
            // Same type twice in one clause: keep the first, unless the second refers to
            // another event ("after their meeting in Vladivostok", "their first summit, held
            // on April 27"), has a subject of its own ("China announced tariffs and Trump
            // responded by raising duties"), opens a subordinate clause ("the first meeting
            // since Kim Jong Il met Medvedev") or is a verb of a coordinated predicate ("is
            // scheduled to meet Moon ... and has also offered to meet Trump"): merging then
            // joins the two when they report one event.
            if !is_reference(s, t)
                && !has_own_predicate(s, t, cues)
                && out.iter().any(|(p, _)| {
                    self.lex.def(p).event_type == def.event_type
                        && self.lex.def(p).mode == def.mode
                        && p.start >= clause.start
                        && p.end <= clause.end
                        && !new_subject_between(&s[p.end..t.start])
                        && !closed_relative(s, clause.start, p, t)
                        && !(t.form != Form::Noun && subordinate_between(&s[p.end..t.start]))
                        && !(p.form != Form::Noun
                            && t.form != Form::Noun
                            && coordinated_predicate(&s[p.end..t.start]))
                })
            {
                continue;
            }
            out.push((*t, clause));
        }
        out
    }

    /// The drafts of trigger `t`: usually one; one per date when the trigger governs a
    /// list of dates; none when the event is negated or has no participant.
    fn drafts(
        &self,
        cx: &SentenceCtx<'_>,
        t: &TriggerMatch,
        clause: &Clause,
        next_trigger: Option<usize>,
    ) -> Vec<Draft> {
        let def = self.lex.def(t);
        // any place of the clause can stand for the state where an act happens; a
        // statement's place is a locative one, or one whose state takes no part (a capital
        // standing for a party, "accused Washington", is no place of the event)
        // a visit's place is its destination when the trigger names one ("may travel to
        // Russia this month to discuss arms for the war in Ukraine")
        let destination = (def.event_type == EventType::Consult
            && def.mode == Some(ModeHint::Visit))
        .then(|| place::destination(cx, t))
        .flatten();
        // a statement's place is only one said to be where it was made; an act's may be
        // the state it is done in ("students throughout Indonesia staged protests")
        let statement = matches!(
            def.event_type,
            EventType::Request
                | EventType::Accuse
                | EventType::Reject
                | EventType::Threaten
                | EventType::Support
                | EventType::Agree
        );
        let any_place = if def.event_type == EventType::Consult {
            destination.or_else(|| place::locate(cx, t, clause, false))
        } else {
            place::locate(cx, t, clause, false)
        };
        let locative = if def.event_type == EventType::Consult {
            None
        } else if statement {
            place::locate_act(cx, t, clause, true)
        } else {
            place::locate(cx, t, clause, true)
        };
        let mut actors = roles::assign(cx, def, t, clause);
        // An event whose parties the participant finder could not place still has the
        // parties named in its clause (before it: source; after it: target), or else, for an
        // action, the state where it happens ("students throughout Indonesia staged
        // demonstrations").
        if actors.is_empty() {
            actors = clause_parties(cx, def.mode, t, clause);
            if actors.is_empty() && def.event_type != EventType::Consult {
                if let Some(state) = any_place.as_ref().and_then(place_state) {
                    actors.push((state, Side::Source));
                }
            }
        }
        if actors.is_empty() && t.form != Form::Noun {
            return Vec::new();
        }
        let location = if def.event_type == EventType::Consult {
            any_place
        } else {
            locative.or_else(|| {
                any_place.filter(|_| !statement).filter(|l| {
                    !actors
                        .iter()
                        .any(|(a, _)| a.country.is_some() && a.country == l.country)
                })
            })
        };
        let when = when::pick(cx, def, t, clause);
        // each date of a list keeps the place of its own item ("their summits in Singapore
        // last June and in Hanoi in February")
        let spans: Vec<(usize, usize)> = if when.dates.len() >= 2 {
            when.dates
                .iter()
                .filter_map(|d| place::date_at(cx.text, clause, t, &d.text))
                .collect()
        } else {
            Vec::new()
        };
        let item_place = |d: &DraftDate| -> Option<entente_doc::Location> {
            if spans.len() < 2 {
                return None;
            }
            let at = place::date_at(cx.text, clause, t, &d.text)?;
            let others: Vec<(usize, usize)> = spans.iter().copied().filter(|o| *o != at).collect();
            let l = place::locate_item(
                cx,
                t,
                clause,
                def.event_type != EventType::Consult,
                at,
                &others,
            )?;
            let party = actors
                .iter()
                .any(|(a, _)| a.country.is_some() && a.country == l.country);
            (def.event_type == EventType::Consult || !party).then_some(l)
        };
        let dates: Vec<Option<DraftDate>> = if when.dates.is_empty() {
            vec![None]
        } else {
            when.dates.into_iter().map(Some).collect()
        };
        let purpose_of_past = t.form == Form::Base && self.purpose_of_past(cx, t, clause);
        let mut out = Vec::new();
        for date in dates {
            let inp = StatusInput {
                sentence: cx.text,
                cues: &cx.cues,
                clause: (clause.start, clause.end),
                trigger: (t.start, t.end),
                form: t.form,
                pledge: def.pledge,
                arrival: self.lex.is_arrival(t),
                content_follows: matches!(
                    def.event_type,
                    EventType::Request
                        | EventType::Threaten
                        | EventType::Accuse
                        | EventType::Reject
                        | EventType::Protest
                        | EventType::Support
                        | EventType::Agree
                ),
                purpose_of_past,
                date: date.as_ref().map(|d| (d.start, d.end)),
                date_in_days: date.as_ref().is_some_and(|d| d.precision == "day"),
                date_future: if when.vague_future { Some(true) } else { None },
                published: cx.doc.published_date(),
                next_trigger,
            };
            let Some((status, explicit)) = decide(&self.lex, &inp) else {
                continue;
            };
            let here = date
                .as_ref()
                .and_then(item_place)
                .or_else(|| location.clone());
            let mut d = Draft {
                event_type: def.event_type,
                kind: def.kind.clone(),
                cameo: def.cameo.clone(),
                hint: def.mode,
                mode: None,
                form: t.form,
                trigger_at: (cx.sid, t.start),
                status,
                explicit,
                actors: actors.clone(),
                date,
                location: here,
                sentences: vec![cx.sid],
                confidence: 0.0,
                headline: opening_headline(cx.doc, cx.sid),
                historical: false,
                arrival: self.lex.is_arrival(t),
                own_predicate: has_own_predicate(cx.text, t, &cx.cues)
                    || prior_reference(cx.text, t),
                relative: in_relative(cx.text, clause, t),
                trigger_words: cx.text[t.start..t.end]
                    .split_whitespace()
                    .map(str::to_lowercase)
                    .collect(),
            };
            d.historical = historical(d.date.as_ref(), cx.doc.published_date());
            host_from_place(&mut d);
            d.mode = decide_mode(&d);
            d.confidence = confidence(&d);
            out.push(d);
        }
        out
    }
}

/// True when trigger `p` lies in a relative clause set off by commas that closes before
/// trigger `t` ("Kim, who travelled to Vietnam by train, will stay on for an official
/// visit"): `p` tells the background of the subject, `t` belongs to the main predicate, and
/// `p` does not govern it.
pub(crate) fn closed_relative(s: &str, from: usize, p: &TriggerMatch, t: &TriggerMatch) -> bool {
    let Some(head) = s.get(from..p.start) else {
        return false;
    };
    let open = [", who ", ", which ", ", whose ", ", where "]
        .iter()
        .filter_map(|r| head.rfind(r).map(|i| i + r.len()))
        .max();
    let Some(open) = open else {
        return false;
    };
    !head[open..].contains(',') && s.get(p.end..t.start).is_some_and(|g| g.contains(','))
}

/// True when trigger `t` lies in a relative clause set off by commas that closes before the
/// end of its clause ("Kim, who travelled to Vietnam by train, will stay on ...").
fn in_relative(s: &str, clause: &Clause, t: &TriggerMatch) -> bool {
    let Some(head) = s.get(clause.start..t.start) else {
        return false;
    };
    let open = [", who ", ", which ", ", whose ", ", where "]
        .iter()
        .filter_map(|r| head.rfind(r).map(|i| i + r.len()))
        .max();
    open.is_some_and(|o| !head[o..].contains(','))
        && s.get(t.end..clause.end).is_some_and(|g| g.contains(','))
}

/// Words allowed between a request verb and the meeting noun it governs ("urged all sides
/// to return to dialogue").
const GOVERNED_GAP: usize = 7;

/// Words allowed between a support verb and its noun ("announced on Wednesday a new pact").
const NOUN_SUPPORT_GAP: usize = 6;

/// Words allowed between resumed talks and their date ("agreed to resume working-level
/// negotiations within the next two weeks").
const DATE_AFTER_WORDS: usize = 3;

/// Words allowed between an agreement verb and the event it governs ("agreed on Thursday
/// that Xi will make a state visit").
const COMPLEMENT_GAP: usize = 8;

/// True when trigger `t` lies inside a strictly longer cue of speculation ("did not rule
/// out"); a negation cue around a trigger is the event itself ("refused to").
fn inside_cue(t: &TriggerMatch, cues: &[CueMatch]) -> bool {
    cues.iter().any(|c| {
        c.cue == Cue::Speculated
            && c.start <= t.start
            && c.end >= t.end
            && c.end - c.start > t.end - t.start
    })
}

/// Words after which a past form is a participle describing a noun ("men sought in", "a
/// member jailed over a year ago", "officials accused of").
const PARTICIPLE_FOLLOWERS: &[&str] = &[
    "by", "for", "over", "since", "last", "during", "earlier", "under", "as", "years", "months",
    "weeks", "days",
];

/// Words before a past form that make it a finite verb, not a participle after a noun.
const FINITE_BEFORE: &[&str] = &[
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "who",
    "which",
    "that",
    "it",
    "they",
    "he",
    "she",
    "we",
    "i",
    "you",
    "and",
    "but",
    "or",
    "then",
    "also",
    "not",
    "never",
    "jointly",
    "publicly",
    "reportedly",
    "formally",
    "officially",
];

/// True when past-form trigger `t` of a statement, request or coercion is a participle that
/// describes the noun before it ("two Brazilian men sought in the slaying", "a Hamas member
/// jailed over a year ago", "officials accused of playing a role"): a lower-case word that
/// is not an auxiliary, pronoun or adverb stands before it, and a preposition or a time word
/// follows its verb ("servicemen killed in the Korean War"). An existential sentence keeps it
/// ("There were ten soldiers killed in Ukraine today" reports the killing).
fn reduced_relative(s: &str, t: &TriggerMatch, ty: EventType) -> bool {
    if t.form != Form::Past
        || !matches!(
            ty,
            EventType::Request
                | EventType::Accuse
                | EventType::Coerce
                | EventType::Support
                | EventType::Reject
                | EventType::Sanction
                | EventType::Assault
        )
    {
        return false;
    }
    // "There were ten soldiers killed in Ukraine today": the participle is the assertion
    let head = s[..t.start].to_ascii_lowercase();
    if head.contains("there were") || head.contains("there was") || head.contains("there have been")
    {
        return false;
    }
    let trig = &s[t.start..t.end];
    let mut tw = trig.split_whitespace();
    let Some(verb) = tw.next() else {
        return false;
    };
    if !verb.ends_with("ed") && !matches!(verb, "sought" | "held" | "made") {
        return false;
    }
    let prev = crate::ctx::prev_word(s, t.start);
    let lower_word = prev.chars().next().is_some_and(char::is_lowercase)
        && prev.chars().all(|c| c.is_alphabetic() || c == '-');
    if !lower_word
        || FINITE_BEFORE.contains(&prev.to_ascii_lowercase().as_str())
        || prev.ends_with("ly")
        || s[..t.start].trim_end().ends_with(',')
    {
        return false;
    }
    if tw.next().is_some() {
        // a phrasal trigger carries its own particle ("called for dialogue"), except for a
        // verb whose object comes before it: "accused of" right after a noun is passive
        // ("one individual accused of smuggling")
        const OBJECT_FIRST: &[&str] = &[
            "accused",
            "charged",
            "blamed",
            "suspected",
            "convicted",
            "sentenced",
            "indicted",
        ];
        return OBJECT_FIRST.contains(&verb.to_ascii_lowercase().as_str());
    }
    let after: Vec<String> = s[t.end..]
        .split_whitespace()
        .take(2)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .collect();
    match after.as_slice() {
        // "sought in the killing", "jailed in 2010"; not "urged in a statement"
        [first, second, ..] if first == "in" => {
            second == "the" || second.chars().all(|c| c.is_ascii_digit())
        }
        [first, ..] => PARTICIPLE_FOLLOWERS.contains(&first.as_str()),
        [] => false,
    }
}

/// True when trigger `t` ends in a preposition ("fired on", "fired at") and a time
/// expression starts right after it ("fired on May 9", "opened fire at dawn" is not matched):
/// the preposition belongs to the date, not to a target.
fn preposition_before_date(s: &str, t: &TriggerMatch, timex_starts: &[usize]) -> bool {
    let trig = s[t.start..t.end].to_ascii_lowercase();
    if !(trig.ends_with(" on") || trig.ends_with(" at") || trig.ends_with(" in")) {
        return false;
    }
    let next = t.end + (s[t.end..].len() - s[t.end..].trim_start().len());
    timex_starts.contains(&next)
}

/// True when verb trigger `t` opens a relative clause ("that has seized", "which attacked")
/// whose antecedent, the noun right before the pronoun, is no actor ("the militant group
/// that has seized parts of Iraq"): the clause's subject is not one of its parties.
fn relative_of_non_actor(
    s: &str,
    t: &TriggerMatch,
    mentions: &[crate::ctx::Local<'_, entente_doc::Mention>],
) -> bool {
    if t.form == Form::Noun || mentions.is_empty() {
        return false;
    }
    let head = s[..t.start].trim_end();
    let words: Vec<&str> = head.rsplitn(4, char::is_whitespace).collect();
    // words[0] is the word right before the trigger
    // active voice only: in "an employee who was detained in Beijing" the antecedent is the
    // one acted on, and the act stands
    let aux = |w: &str| matches!(w, "has" | "have" | "had");
    let pron_at = match words.as_slice() {
        [w0, ..] if matches!(*w0, "that" | "which" | "who") => 0,
        [w0, w1, ..] if aux(w0) && matches!(*w1, "that" | "which" | "who") => 1,
        _ => return false,
    };
    // the byte where the pronoun starts: the antecedent ends before it
    let pron_start = head.len()
        - words[..=pron_at]
            .iter()
            .map(|w| w.len() + 1)
            .sum::<usize>()
            .min(head.len());
    let ante_end = s[..pron_start].trim_end_matches([' ', ',']).len();
    !mentions
        .iter()
        .any(|m| m.end <= ante_end && m.end + 2 >= ante_end)
}

/// Pronouns by which a speaker names itself as the subject of what it warns of ("warned
/// that it could respond"): a threat.
const SPEAKER_PRONOUNS: &[&str] = &["it", "they", "we", "he", "she", "i", "its", "their", "our"];

/// Modals of a forecast ("could", "may", "might").
const FORECAST_MODALS: &[&str] = &["could", "may", "might"];

/// True when a warning verb is followed by a "that" clause whose subject is another party
/// and whose verb is a modal of possibility ("warned that North Korea could carry out a
/// nuclear test", "warns that the virus may spread"): a forecast, not a threat. "Warned that
/// it could retaliate" (the speaker's own act) and "warned that Washington would pay a
/// price" (a consequence it promises) stay threats, and so does a warning whose subject is
/// the speaker's own state ("Choe warned that Pyongyang could take the US to a showdown").
fn forecast_about_other(
    s: &str,
    t: &TriggerMatch,
    mentions: &[crate::ctx::Local<'_, entente_doc::Mention>],
) -> bool {
    let trig = s[t.start..t.end].to_ascii_lowercase();
    if !trig.split_whitespace().any(|w| w.starts_with("warn")) {
        return false;
    }
    let words: Vec<String> = s[t.end..]
        .split_whitespace()
        .take(10)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .collect();
    // "warned that ...", "warned on Tuesday that ...": the "that" of the complement within
    // the first four words
    let Some(k) = words.iter().take(4).position(|w| w == "that") else {
        return false;
    };
    let Some(subject) = words.get(k + 1) else {
        return false;
    };
    if SPEAKER_PRONOUNS.contains(&subject.as_str()) {
        return false;
    }
    let countries = |m: &crate::ctx::Local<'_, entente_doc::Mention>| -> Vec<String> {
        m.item
            .actors
            .iter()
            .filter_map(|a| a.country.clone())
            .collect()
    };
    let speaker: Vec<String> = mentions
        .iter()
        .filter(|m| m.end <= t.start)
        .flat_map(countries)
        .collect();
    let that_end = s[t.end..]
        .to_ascii_lowercase()
        .find("that")
        .map_or(t.end, |i| t.end + i + 4);
    let own_side = mentions
        .iter()
        .filter(|m| m.start >= that_end)
        .take(1)
        .flat_map(countries)
        .any(|c| speaker.contains(&c));
    if own_side {
        return false;
    }
    words
        .iter()
        .skip(k + 2)
        .take(6)
        .any(|w| FORECAST_MODALS.contains(&w.as_str()))
}

/// True when a verb trigger reports a habit or a standing position rather than one event:
/// "in the past" right before it ("has in the past condemned such drills"), or a present
/// perfect whose clause runs "since" a time ("has backed UN sanctions since 2016").
fn standing(s: &str, t: &TriggerMatch, clause: &Clause) -> bool {
    if t.form == Form::Noun {
        return false;
    }
    let lower = s[..t.start].to_ascii_lowercase();
    let before: Vec<&str> = lower.split_whitespace().rev().take(5).collect();
    let recent = before.iter().rev().copied().collect::<Vec<_>>().join(" ");
    if recent.contains("in the past") {
        return true;
    }
    let perfect = before
        .iter()
        .take(3)
        .any(|w| matches!(*w, "has" | "have" | "'s" | "'ve"));
    // "has repeatedly invited him", "have long backed the plan": a present perfect of a
    // habit or a standing position
    // ("has repeatedly called on Seoul to ..." reports recent statements: it stands)
    const HABIT: &[&str] = &["long", "consistently", "always", "traditionally"];
    if perfect && before.first().is_some_and(|w| HABIT.contains(w)) {
        return true;
    }
    let rest = s[t.end..clause.end.max(t.end)].to_ascii_lowercase();
    let mut words = rest
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let since_time = words
        .by_ref()
        .take(10)
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| {
            w[0] == "since"
                && (w[1].chars().all(|c| c.is_ascii_digit()) && w[1].len() == 4
                    || entente_text::words::MONTH_NAMES
                        .contains(&w[1].to_ascii_lowercase().as_str()))
        });
    perfect && since_time
}

/// True when the text before a trigger ends in a condition ("if either country is", "for as
/// long as").
fn is_conditional(before: &str) -> bool {
    const CONDITION: &[&str] = &["if", "unless", "until", "lest"];
    const CONDITION_PHRASES: &[&str] = &["as long as", "so long as", "in case", "in the event"];
    let lower = before.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let tail = &words[words.len().saturating_sub(4)..];
    if tail.iter().any(|w| CONDITION.contains(w)) {
        return true;
    }
    let tail = words[words.len().saturating_sub(7)..].join(" ");
    CONDITION_PHRASES.iter().any(|p| tail.contains(p))
}

/// True when trigger `t` lies in a question that opens the sentence, before its first comma
/// ("Asked whether Xi would visit Pyongyang, the spokesman said ...").
fn in_opening_question(s: &str, t: &TriggerMatch) -> bool {
    let lead = s.trim_start();
    let opened = [
        "Asked whether",
        "Asked if",
        "Asked about",
        "When asked whether",
        "When asked if",
    ]
    .iter()
    .any(|q| lead.starts_with(q));
    opened && s.find(',').is_some_and(|comma| t.end <= comma)
}

/// True when a request verb introduces a question ("asked whether", "asked by a reporter if").
fn asks_a_question(s: &str, t: &TriggerMatch) -> bool {
    const QUESTION: &[&str] = &[
        "whether", "if", "how", "what", "why", "when", "who", "about",
    ];
    let rest = s[t.end..].to_ascii_lowercase();
    let mut words = rest
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    // "asked whether", "asked him whether", "asked by a reporter whether"
    let first: Vec<&str> = words.by_ref().take(5).collect();
    let lead = s[..t.start].trim();
    let sentence_initial = lead.is_empty() || lead.ends_with("--");
    match first.first() {
        Some(w) if QUESTION.contains(w) => true,
        Some(&"by") => first.iter().skip(1).any(|w| QUESTION.contains(w)),
        Some(_) => sentence_initial && first.iter().take(2).skip(1).any(|w| QUESTION.contains(w)),
        None => false,
    }
}

/// True when request trigger `t` is an invitation that the sentence reports as accepted
/// ("invited Putin to visit North Korea, and Putin gladly accepted").
fn accepted_invitation(s: &str, t: &TriggerMatch) -> bool {
    const ACCEPTED: &[&str] = &["accepted", "accepts", "agreed to come", "took up"];
    let trig = s[t.start..t.end].to_ascii_lowercase();
    if !trig.split_whitespace().any(|w| w.starts_with("invit")) {
        return false;
    }
    let rest = s[t.end..].to_ascii_lowercase();
    ACCEPTED.iter().any(|a| rest.contains(a))
}

/// True when the words after an agreed event make it a standing arrangement rather than one
/// event ("agreed to hold their summit regularly", "summits every year"): the agreement stays.
fn habitual(after: &str) -> bool {
    const HABITUAL: &[&str] = &[
        "regularly",
        "every year",
        "each year",
        "annually",
        "annual",
        "on a regular basis",
        "every two years",
        "twice a year",
        "frequently",
        "often",
        "more often",
    ];
    let lower = after.to_ascii_lowercase();
    let head: String = lower
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    HABITUAL.iter().any(|h| head.contains(h))
}

/// True when the words between an agreement and the talks it governs resume a process
/// ("agreed to restart trade negotiations", "agreed to return to dialogue"): with no date for
/// the talks, the agreement is the event, as no one meeting is planned ("agreed to resume
/// working-level negotiations within two weeks" plans the talks).
fn resumes_process(gap: &str) -> bool {
    const RESUME: &[&str] = &[
        "resume", "restart", "reopen", "revive", "relaunch", "continue", "return",
    ];
    gap.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .any(|w| RESUME.contains(&w.as_str()))
}

/// True when agreement trigger `t` governs the next trigger `n` as its complement: "to" or
/// "that" opens the gap (or ends the trigger), and the gap is short.
fn governs_complement(s: &str, t: &TriggerMatch, n: &TriggerMatch) -> bool {
    if n.start < t.end {
        return false;
    }
    let gap = s[t.end..n.start].to_ascii_lowercase();
    let words: Vec<&str> = gap.split_whitespace().collect();
    if words.len() > COMPLEMENT_GAP || gap.contains(';') {
        return false;
    }
    let trig = s[t.start..t.end].to_ascii_lowercase();
    let opens = |w: &&str| *w == "to" || *w == "that";
    trig.ends_with(" to")
        || words.first().is_some_and(opens)
        || trig.starts_with("agree") && words.iter().any(opens)
}

impl EventExtractor {
    /// True when bare trigger `t` follows "to" after a past-form trigger of its clause
    /// ("summoned Russia's ambassador on Friday to protest").
    fn purpose_of_past(&self, cx: &SentenceCtx<'_>, t: &TriggerMatch, clause: &Clause) -> bool {
        let s = cx.text;
        if !crate::ctx::prev_word(s, t.start).eq_ignore_ascii_case("to") {
            return false;
        }
        self.lex
            .triggers_in(&s[clause.start..t.start])
            .iter()
            .any(|p| {
                p.form == Form::Past
                    && s[clause.start + p.end..t.start].split_whitespace().count() <= 8
            })
    }
}

/// True when a bare form (or a present form in -s) reads as a noun: after a determiner, a
/// possessive, a quoted or hyphenated adjective or an adjective of length ("his visit", "a
/// three-day visit", "Kim's visit", "making \"gangster-like\" demands").
fn noun_reading(s: &str, t: &TriggerMatch) -> bool {
    const DETERMINERS: &[&str] = &[
        "making",
        "new",
        "fresh",
        "renewed",
        "repeated",
        "growing",
        "a",
        "an",
        "the",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "this",
        "that",
        "these",
        "those",
        "first",
        "second",
        "third",
        "last",
        "next",
        "any",
        "such",
        "whose",
        "official",
        "state",
        "planned",
        "upcoming",
        "surprise",
        "rare",
        "historic",
        "brief",
        "reciprocal",
        "return",
        "overseas",
        "foreign",
        "working",
        "private",
        "secret",
    ];
    let w = crate::ctx::prev_word(s, t.start).to_ascii_lowercase();
    let before = s[..t.start].trim_end();
    // "may next move troops", "will first visit Seoul": an adverb after a modal
    const ORDINAL_ADVERBS: &[&str] = &["next", "first", "last", "second", "third"];
    const MODALS: &[&str] = &[
        "will", "would", "may", "might", "could", "can", "should", "must", "shall", "to", "also",
        "then",
    ];
    // "bans on travel to Canada", "a plan for talks": a bare form after a preposition is a
    // noun ("to" is the infinitive's)
    const PREPOSITIONS: &[&str] = &[
        "on", "of", "for", "about", "against", "from", "without", "upon", "over", "during", "into",
        "with",
    ];
    if PREPOSITIONS.contains(&w.as_str()) && t.form == Form::Base {
        return true;
    }
    if ORDINAL_ADVERBS.contains(&w.as_str()) {
        let head = &before[..before.len().saturating_sub(w.len())];
        let w2 = crate::ctx::prev_word(head, head.len()).to_ascii_lowercase();
        if MODALS.contains(&w2.as_str()) {
            return false;
        }
    }
    DETERMINERS.contains(&w.as_str())
        || before.ends_with(['"', '\u{201d}'])
        || w.ends_with("-like")
        || before.ends_with("'s")
        || before.ends_with("\u{2019}s")
        || w.ends_with("-day")
        || w.ends_with("-week")
        || w.ends_with("-long")
}

/// Words before a noun that make it a reference to another event than the clause's
/// ("It will be his second summit with Putin, after their meeting in Vladivostok").
const REFERENCE_WORDS: &[&str] = &["after", "since", "before", "following", "than"];

/// True when `between` two triggers a conjunction opens a new subject ("... and Trump
/// responded"): a capitalised word right after "and", "but" or "while".
fn new_subject_between(between: &str) -> bool {
    let words: Vec<&str> = between.split_whitespace().collect();
    words.windows(2).any(|w| {
        ["and", "but", "while"].contains(&w[0])
            && w[1].chars().next().is_some_and(char::is_uppercase)
    })
}

/// True when `between` two triggers a subordinating word opens a clause of its own ("the
/// first meeting since Kim Jong Il met Medvedev in 2011", "hours after Trump spoke").
fn subordinate_between(between: &str) -> bool {
    const SUBORDINATORS: &[&str] = &["since", "after", "before", "when", "following", "until"];
    between
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .any(|w| SUBORDINATORS.contains(&w.as_str()))
}

/// Where a subordinate clause with a subject of its own opens between byte `from` (the end of
/// a trigger) and byte `to` (the start of a later verb trigger): the byte of a subordinating
/// word followed by a capitalised word or a determiner ("since Kim Jong Il met", "after the
/// two leaders spoke"). `None` when there is none ("after talks", "since 2011").
fn subordinate_clause_start(s: &str, from: usize, to: usize) -> Option<usize> {
    const SUBORDINATORS: &[&str] = &["since", "after", "before", "when", "until", "while"];
    const DETERMINERS: &[&str] = &["the", "their", "his", "her", "its", "both", "two"];
    let gap = s.get(from..to)?;
    let mut at = 0;
    let mut found = None;
    let words: Vec<(usize, &str)> = gap
        .split(' ')
        .map(|w| {
            let here = at;
            at += w.len() + 1;
            (here, w)
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    for (i, (off, w)) in words.iter().enumerate() {
        let lw = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase();
        if !SUBORDINATORS.contains(&lw.as_str()) {
            continue;
        }
        let Some((_, next)) = words.get(i + 1) else {
            continue;
        };
        let subject = next.chars().next().is_some_and(char::is_uppercase)
            || DETERMINERS.contains(&next.to_ascii_lowercase().as_str());
        if subject {
            found = Some(from + off);
        }
    }
    found
}

/// The end (the byte of its comma) of an opening subordinate clause that holds byte `at`
/// ("Hours after the trip was announced, ...", "Three weeks before the invasion, ..."):
/// one of the sentence's first four words is a subordinating word and no comma comes
/// between the sentence start and `at`. `None` otherwise.
fn opening_subordinate_end(s: &str, at: usize) -> Option<usize> {
    const OPENERS: &[&str] = &["after", "before", "since", "when", "while", "as", "once"];
    let head = s.get(..at)?;
    if head.contains(',') {
        return None;
    }
    let opens = head.split_whitespace().take(4).any(|w| {
        OPENERS.contains(
            &w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
                .as_str(),
        )
    });
    if !opens {
        return None;
    }
    s.get(at..)?.find(',').map(|i| at + i)
}

/// True when `between` two verb triggers a conjunction joins a second predicate to the first
/// ("is scheduled to meet Moon on April 27, and has also offered to meet Trump"): "and",
/// "but" or a semicolon followed, within three words, by an auxiliary or a modal.
fn coordinated_predicate(between: &str) -> bool {
    const AUX: &[&str] = &[
        "has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "may", "might",
        "also", "later", "then", "plans", "planned", "offered", "wants", "hopes",
    ];
    let words: Vec<String> = between
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .collect();
    let joined = between.contains(';');
    words.iter().enumerate().any(|(i, w)| {
        (w == "and" || w == "but" || joined)
            && words
                .iter()
                .skip(i + 1)
                .take(3)
                .any(|x| AUX.contains(&x.as_str()))
    })
}

/// True when noun trigger `t` is followed by a predicate of its own that reports it done
/// ("their first summit, held on April 27"): it names an event of its own, not the one of an
/// earlier trigger of its clause.
fn has_own_predicate(s: &str, t: &TriggerMatch, cues: &[CueMatch]) -> bool {
    t.form == Form::Noun
        && cues.iter().any(|c| {
            c.cue == Cue::Occurred
                && c.start >= t.end
                && s[t.end..c.start]
                    .trim_matches(|ch: char| ch == ',' || ch.is_whitespace())
                    .is_empty()
        })
}

/// True when "in" opens the phrase of noun trigger `t` within three words ("in protest at",
/// "in an unprecedented protest at").
fn in_manner_phrase(s: &str, t: &TriggerMatch) -> bool {
    s[..t.start]
        .split_whitespace()
        .rev()
        .take(3)
        .any(|w| w.eq_ignore_ascii_case("in"))
}

/// True when noun trigger `t` names an earlier event than the article's: "last" or
/// "previous" right before it, or before one adjective ("The last inter-Korean summit took
/// place in October 2007"); not a time phrase ("last week's summit").
fn prior_reference(s: &str, t: &TriggerMatch) -> bool {
    const PRIOR: &[&str] = &["last", "previous", "preceding"];
    if t.form != Form::Noun {
        return false;
    }
    let words: Vec<String> = s[..t.start]
        .split_whitespace()
        .rev()
        .take(2)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .to_ascii_lowercase()
        })
        .collect();
    match words.as_slice() {
        [w, ..] if PRIOR.contains(&w.as_str()) => true,
        [adj, w] => PRIOR.contains(&w.as_str()) && !adj.ends_with("'s") && !adj.ends_with('s'),
        _ => false,
    }
}

/// True when the noun trigger at `t` follows a reference word within three words.
fn is_reference(s: &str, t: &TriggerMatch) -> bool {
    t.form == Form::Noun
        && s[..t.start]
            .split_whitespace()
            .rev()
            .take(3)
            .any(|w| REFERENCE_WORDS.contains(&w.to_ascii_lowercase().as_str()))
}

/// The actors named in the clause of `t` (its reporting part included), outside locative
/// place phrases: those before the trigger act (or travel, or host), those after it are acted
/// upon (or host, or are received); all take part in a meeting or a call.
fn clause_parties(
    cx: &SentenceCtx<'_>,
    mode: Option<ModeHint>,
    t: &TriggerMatch,
    clause: &Clause,
) -> Vec<(Actor, Side)> {
    let lo = clause
        .speaker
        .map_or(clause.start, |(a, _)| a.min(clause.start));
    let mut out: Vec<(Actor, Side)> = Vec::new();
    for m in cx
        .mentions
        .iter()
        .filter(|m| m.start >= lo && m.end <= clause.end)
    {
        let place = m.item.form == "capital" || m.item.form == "place";
        if place && crate::ctx::is_locative(cx.text, m.start) {
            continue;
        }
        let before = m.end <= t.start;
        let side = match mode {
            Some(ModeHint::Meet | ModeHint::Phone) => Side::Participant,
            Some(ModeHint::Visit) if before => Side::Guest,
            Some(ModeHint::Visit) => Side::Host,
            Some(ModeHint::Host) if before => Side::Host,
            Some(ModeHint::Host) => Side::Guest,
            None if before => Side::Source,
            None => Side::Target,
        };
        for a in &m.item.actors {
            if !out.iter().any(|(x, _)| x.id == a.id) {
                out.push((a.clone(), side));
            }
        }
    }
    out
}

/// Days before publication after which a dated event is a recalled past one.
const HISTORICAL_DAYS: i64 = 60;

/// True when `date` ends more than [`HISTORICAL_DAYS`] before `published`.
fn historical(date: Option<&DraftDate>, published: Option<chrono::NaiveDate>) -> bool {
    match (date, published) {
        (Some(d), Some(p)) => (p - d.end).num_days() > HISTORICAL_DAYS,
        _ => false,
    }
}

/// True when sentence `sid` is one of the headline lines that open the document (before its
/// first sentence of running text).
fn opening_headline(doc: &Document, sid: u32) -> bool {
    doc.sentences
        .iter()
        .take(sid as usize + 1)
        .all(|s| s.headline)
}

/// The state of a place, as an actor.
fn place_state(l: &entente_doc::Location) -> Option<Actor> {
    let c = l.country.clone()?;
    Some(Actor {
        id: format!("state:{}", c.to_ascii_lowercase()),
        name: c.clone(),
        kind: ActorKind::State,
        country: Some(c),
        role: None,
    })
}

/// A visit to a place whose country no actor stands for, or a meeting that a verb says one
/// state attends in another state's city ("would still attend the Group of Seven summit in
/// Hiroshima"): the place's state hosts.
fn host_from_place(d: &mut Draft) {
    let lone_meeting =
        d.hint == Some(ModeHint::Meet) && d.form != Form::Noun && d.countries().len() == 1;
    if !(d.hint == Some(ModeHint::Visit) || lone_meeting)
        || d.actors.iter().any(|(_, s)| *s == Side::Host)
    {
        return;
    }
    if let Some(c) = d.location.as_ref().and_then(|l| l.country.clone()) {
        if !d.countries().contains(&c) {
            let name = c.clone();
            d.actors.push((
                Actor {
                    id: format!("state:{}", c.to_ascii_lowercase()),
                    name,
                    kind: ActorKind::State,
                    country: Some(c),
                    role: None,
                },
                Side::Host,
            ));
        }
    }
}

/// The place of a visit that names none: the host state ("will visit North Korea").
fn host_place(d: &Draft) -> Option<entente_doc::Location> {
    if d.mode != Some(Mode::Visit) {
        return None;
    }
    let hosts = || d.actors.iter().filter(|(_, side)| *side == Side::Host);
    // the host state by name, or else the state of a host leader
    let (host, _) = hosts()
        .find(|(a, _)| a.kind == ActorKind::State)
        .or_else(|| hosts().find(|(a, _)| a.kind != ActorKind::Organization))?;
    let country = host.country.clone()?;
    let name = if host.kind == ActorKind::State {
        host.name.clone()
    } else {
        country.clone()
    };
    Some(entente_doc::Location {
        name,
        country: Some(country),
        lat: None,
        lon: None,
    })
}

/// The CONSULT mode from the trigger's framing, the parties and the place.
pub(crate) fn decide_mode(d: &Draft) -> Option<Mode> {
    if d.event_type != EventType::Consult {
        return None;
    }
    let countries = d.countries();
    match d.hint? {
        ModeHint::Phone => Some(Mode::Phone),
        _ if countries.len() >= 3 || !d.orgs().is_empty() && d.kind == "summit" => {
            Some(Mode::Multilateral)
        }
        ModeHint::Visit => Some(Mode::Visit),
        ModeHint::Host => Some(Mode::Host),
        ModeHint::Meet => {
            let place = d.location.as_ref().and_then(|l| l.country.as_ref())?;
            if countries.contains(place) {
                Some(Mode::Visit)
            } else {
                Some(Mode::ThirdParty)
            }
        }
    }
}

/// The CAMEO code of a meeting from its decided mode: a call 041, a visit 042, a hosting 043,
/// a meeting in a third country 044. Mediation (045) and meetings of unknown or multilateral
/// mode keep the trigger's code.
fn consult_cameo(d: &Draft) -> Option<&'static str> {
    if d.event_type != EventType::Consult || d.cameo == "045" {
        return None;
    }
    match d.mode? {
        Mode::Phone => Some("041"),
        Mode::Visit => Some("042"),
        Mode::Host => Some("043"),
        Mode::ThirdParty => Some("044"),
        _ => None,
    }
}

fn confidence(d: &Draft) -> f32 {
    let mut c: f32 = 0.45;
    let n = d.countries().len() + d.orgs().len();
    c += 0.1 * n.min(2) as f32;
    if d.date.is_some() {
        c += 0.1;
    }
    if d.form != Form::Noun {
        c += 0.1;
    }
    if d.location.is_some() {
        c += 0.05;
    }
    if d.status == entente_doc::EventStatus::Speculated {
        c -= 0.15;
    }
    c.clamp(0.05, 0.99)
}

impl Stage for EventExtractor {
    fn name(&self) -> &'static str {
        "events"
    }
    fn reads(&self) -> &'static [Layer] {
        &[
            Layer::Sentences,
            Layer::Timexes,
            Layer::Mentions,
            Layer::Places,
        ]
    }
    fn writes(&self) -> &'static [Layer] {
        &[Layer::Events]
    }
    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        let mut drafts = Vec::new();
        for (si, sent) in doc.sentences.iter().enumerate() {
            let Some(s) = sent.span.get(&doc.text) else {
                continue;
            };
            if is_question(s) {
                continue;
            }
            let mut trig = self.lex.triggers_in(s);
            for t in trig.iter_mut() {
                let plural = t.form == Form::Present && s[t.start..t.end].ends_with('s');
                if (t.form == Form::Base || plural) && noun_reading(s, t) {
                    t.form = Form::Noun;
                }
            }
            if trig.is_empty() {
                continue;
            }
            let cues = self.lex.cues_in(s);
            let timexes = local(&doc.timexes, sent.span);
            let starts: Vec<usize> = timexes.iter().map(|x| x.start).collect();
            let mentions = local(&doc.mentions, sent.span);
            let selected = self.select(s, &trig, &cues, &starts, &mentions);
            let cx = SentenceCtx {
                doc,
                sid: si as u32,
                text: s,
                cues,
                mentions,
                places: local(&doc.places, sent.span),
                timexes,
            };
            let first = drafts.len();
            for (t, mut clause) in selected {
                let next = trig.iter().find(|n| n.start >= t.end);
                // "the first meeting between the two since Kim Jong Il met Medvedev": the
                // subordinate clause of a later verb trigger has parties and a date of its own
                if let Some(n) = next.filter(|n| n.form != Form::Noun && n.start < clause.end) {
                    if let Some(cut) = subordinate_clause_start(s, t.end, n.start) {
                        clause.end = cut;
                    }
                }
                // "Hours after the trip was announced, the court issued a warrant": a trigger
                // in an opening subordinate clause ends at its comma
                if let Some(comma) = opening_subordinate_end(s, t.start) {
                    clause.end = clause.end.min(comma);
                }
                drafts.extend(self.drafts(&cx, &t, &clause, next.map(|n| n.start)));
            }
            let kinds: Vec<(usize, EventType)> = trig
                .iter()
                .map(|t| (t.start, self.lex.def(t).event_type))
                .collect();
            crate::trigger_since::since_backgrounds(&cx, &kinds, &mut drafts, first);
        }
        let merged = merge_drafts(drafts);
        doc.events = merged.into_iter().map(|d| record(doc, d)).collect();
        Ok(())
    }
}

fn record(doc: &Document, d: Draft) -> EventRecord {
    let published = doc.published_date().map(|p| p.to_string());
    let sources = d
        .sentences
        .iter()
        .filter_map(|&sid| {
            let s = doc.sentences.get(sid as usize)?;
            let src = doc.source_span(s.span);
            Some(EventSource {
                doc: doc.key.clone(),
                sentence: sid,
                text: doc.text.get(s.span.range())?.to_string(),
                start: src.start,
                end: src.end,
                published: published.clone(),
            })
        })
        .collect();
    EventRecord {
        id: String::new(),
        event_type: d.event_type,
        mode: d.mode,
        kind: d.kind.clone(),
        cameo: consult_cameo(&d).unwrap_or(&d.cameo).to_string(),
        status: d.status,
        participants: d.participants(),
        countries: d.countries(),
        orgs: d.orgs(),
        date: d.date.as_ref().map(|x| EventDate {
            start: x.start.to_string(),
            end: x.end.to_string(),
            precision: x.precision.clone(),
            text: Some(x.text.clone()),
        }),
        // a call joins two places: it has none of its own
        location: if d.mode == Some(Mode::Phone) {
            None
        } else {
            d.location.clone().or_else(|| host_place(&d))
        },
        sources,
        confidence: (d.confidence * 100.0).round() / 100.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extractor() -> EventExtractor {
        EventExtractor::load(&std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data"
        )))
        .expect("repository lexicon loads")
    }

    /// The selected triggers of `s`, as (text, type).
    fn selected(x: &EventExtractor, s: &str) -> Vec<(String, EventType)> {
        selected_with_dates(x, s, &[])
    }

    /// The same, with time expressions starting at the first occurrence of each of `dates`.
    fn selected_with_dates(
        x: &EventExtractor,
        s: &str,
        dates: &[&str],
    ) -> Vec<(String, EventType)> {
        let trig = x.lex.triggers_in(s);
        let cues = x.lex.cues_in(s);
        let starts: Vec<usize> = dates.iter().filter_map(|d| s.find(d)).collect();
        x.select(s, &trig, &cues, &starts, &[])
            .into_iter()
            .map(|(t, _)| (s[t.start..t.end].to_string(), x.lex.def(&t).event_type))
            .collect()
    }

    #[test]
    fn an_opening_subordinate_clause_ends_at_its_comma() {
        // (sentence, trigger, text where its clause ends)
        let table = [
            (
                "Hours after the trip was announced, the court in Lyon issued a warrant.",
                "trip",
                Some(", the court"),
            ),
            (
                "Three weeks before the talks, Lima recalled its envoy.",
                "talks",
                Some(", Lima"),
            ),
            (
                "Lima recalled its envoy after the talks, officials said.",
                "talks",
                None,
            ),
            (
                "After the talks, Lima recalled its envoy.",
                "recalled",
                None,
            ),
        ];
        for (s, trig, want) in table {
            let at = s.find(trig).expect("trigger");
            assert_eq!(
                opening_subordinate_end(s, at),
                want.map(|w| s.find(w).expect("end")),
                "{s}"
            );
        }
    }

    #[test]
    fn a_subordinate_clause_with_its_own_subject_closes_the_clause() {
        // (sentence, trigger, later verb trigger, text where the clause is cut)
        let table = [
            (
                "It was their first meeting since Kim Jong Il met Medvedev in 2011.",
                "meeting",
                "met",
                Some("since Kim"),
            ),
            (
                "Lula visited Rome after the two presidents spoke by phone.",
                "visited",
                "spoke by phone",
                Some("after the"),
            ),
            (
                "They met after talks in Lima collapsed.",
                "met",
                "collapsed",
                None,
            ),
        ];
        for (s, a, b, want) in table {
            let from = s.find(a).expect("trigger") + a.len();
            let to = s.rfind(b).expect("later trigger");
            let got = subordinate_clause_start(s, from, to);
            assert_eq!(got, want.map(|w| s.find(w).expect("cut")), "{s}");
        }
    }

    #[test]
    fn participles_after_nouns_and_relatives_of_non_actors_start_no_event() {
        use crate::ctx::Local;
        use entente_doc::Mention;
        let x = extractor();
        let state = |c: &str| Actor {
            id: format!("state:{}", c.to_ascii_lowercase()),
            name: c.to_string(),
            kind: ActorKind::State,
            country: Some(c.to_string()),
            role: None,
        };
        // (sentence, trigger, actor names in the sentence, participle, non-actor relative)
        type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)], bool, bool);
        let table: &[Case] = &[
            (
                "Police want two Chilean men sought in the killing.",
                "sought",
                &[],
                true,
                false,
            ),
            (
                "He is a Fatah member jailed over a year ago.",
                "jailed",
                &[],
                true,
                false,
            ),
            (
                "Peru sought talks.",
                "sought",
                &[("Peru", "PER")],
                false,
                false,
            ),
            (
                "Lima fined a firm accused of fraud.",
                "accused of",
                &[],
                true,
                false,
            ),
            (
                "The envoy called for dialogue.",
                "called for",
                &[],
                false,
                false,
            ),
            (
                "Lima returned the remains of servicemen killed in the war.",
                "killed",
                &[],
                true,
                false,
            ),
            (
                "There were ten soldiers killed in the town today.",
                "killed",
                &[],
                false,
                false,
            ),
            (
                "The court jailed him for two years.",
                "jailed",
                &[],
                false,
                false,
            ),
            (
                "It fights the militia that has seized parts of Mali.",
                "seized",
                &[("Mali", "MLI")],
                false,
                true,
            ),
            (
                "It backs Chad, which seized the town.",
                "seized",
                &[("Chad", "TCD")],
                false,
                false,
            ),
            (
                "It named an engineer who was detained in Minsk.",
                "detained",
                &[("Minsk", "BLR")],
                false,
                false,
            ),
        ];
        for (s, trig, names, participle, relative) in table {
            let ms: Vec<Mention> = names
                .iter()
                .map(|(w, c)| {
                    let at = s.find(w).expect("word in sentence");
                    Mention {
                        span: entente_text::Span::new(at, at + w.len()),
                        sentence: 0,
                        actors: vec![state(c)],
                        form: "name".to_string(),
                    }
                })
                .collect();
            let locals: Vec<Local<'_, Mention>> = ms
                .iter()
                .map(|m| Local {
                    start: m.span.start(),
                    end: m.span.end(),
                    item: m,
                })
                .collect();
            let t = x
                .lex
                .triggers_in(s)
                .into_iter()
                .find(|t| &s[t.start..t.end] == *trig)
                .expect("a trigger");
            let ty = x.lex.def(&t).event_type;
            assert_eq!(reduced_relative(s, &t, ty), *participle, "{s}");
            assert_eq!(relative_of_non_actor(s, &t, &locals), *relative, "{s}");
        }
    }

    #[test]
    fn clause_parties_are_the_named_states_around_the_trigger() {
        use crate::ctx::Local;
        use entente_doc::Mention;
        let x = extractor();
        let doc = Document::default();
        let state = |c: &str| Actor {
            id: format!("state:{}", c.to_ascii_lowercase()),
            name: c.to_string(),
            kind: ActorKind::State,
            country: Some(c.to_string()),
            role: None,
        };
        let s = "Students throughout Indonesia protested in Jakarta against Japan.";
        let mention = |word: &str, c: &str, form: &str| {
            let at = s.find(word).expect("word in sentence");
            Mention {
                span: entente_text::Span::new(at, at + word.len()),
                sentence: 0,
                actors: vec![state(c)],
                form: form.to_string(),
            }
        };
        let ms = [
            mention("Indonesia", "IDN", "name"),
            mention("Jakarta", "IDN", "capital"),
            mention("Japan", "JPN", "name"),
        ];
        let cx = SentenceCtx {
            doc: &doc,
            sid: 0,
            text: s,
            cues: Vec::new(),
            mentions: ms
                .iter()
                .map(|m| Local {
                    start: m.span.start(),
                    end: m.span.end(),
                    item: m,
                })
                .collect(),
            places: Vec::new(),
            timexes: Vec::new(),
        };
        let t = x.lex.triggers_in(s).into_iter().next().expect("a trigger");
        let clause = clause_of(s, t.start, t.end);
        let got: Vec<(String, Side)> = clause_parties(&cx, None, &t, &clause)
            .into_iter()
            .map(|(a, side)| (a.id, side))
            .collect();
        assert_eq!(
            got,
            [
                ("state:idn".to_string(), Side::Source),
                ("state:jpn".to_string(), Side::Target)
            ]
        );
    }

    #[test]
    fn a_verb_in_a_closed_relative_clause_governs_no_later_noun() {
        let x = extractor();
        // (sentence, trigger text expected among the selected)
        let table = [
            (
                "Kim, who travelled to Vietnam by train, will stay on for an official visit on Friday.",
                "official visit",
            ),
            (
                "Xi, who visited Pyongyang last year, will make a state visit to Seoul.",
                "state visit",
            ),
        ];
        for (s, want) in table {
            let got = selected(&x, s);
            assert!(got.iter().any(|(t, _)| t == want), "{s}: {got:?}");
        }
    }

    #[test]
    fn bare_forms_after_determiners_read_as_nouns() {
        let x = extractor();
        let table = [
            ("Moon arrived for a three-day visit.", true),
            ("It is Kim's visit to Seoul.", true),
            ("Kim will visit Seoul.", false),
            ("Kim may next visit Seoul.", false),
            ("Kim will first visit Seoul.", false),
            ("It was his first visit to Seoul.", true),
            ("It lifted its ban on visit requests.", true),
            ("Kim to visit Seoul.", false),
            ("Kim denounced the \"gangster-like\" visit.", true),
        ];
        for (s, want) in table {
            let t = x
                .lex
                .triggers_in(s)
                .into_iter()
                .find(|t| s[t.start..t.end].starts_with("visit"))
                .expect("visit is a trigger");
            assert_eq!(noun_reading(s, &t), want, "{s}");
        }
    }

    #[test]
    fn selects_the_triggers_that_start_events() {
        use EventType::*;
        let x = extractor();
        let table: &[(&str, &[(&str, EventType)])] = &[
            // an agreement gives way to the event it governs
            (
                "Xi and Abe agreed on Thursday that Xi will make a state visit to Japan.",
                &[("state visit", Consult)],
            ),
            (
                "The two sides agreed to hold high-level talks on June 1.",
                &[("high-level talks", Consult)],
            ),
            ("Kim has also offered to meet Trump.", &[("meet", Consult)]),
            // ... unless the complement cannot stand alone
            (
                "Jordan and Britain agreed to undertake joint naval drills.",
                &[("agreed", Agree)],
            ),
            // an invitation is a request unless the sentence reports it accepted
            (
                "He said he had invited Xi to talk, an offer that has gone unanswered.",
                &[("had invited", Request)],
            ),
            (
                "Kim had invited Putin to visit North Korea, and Putin gladly accepted.",
                &[("visit", Consult)],
            ),
            // the content of an opening question is no event
            (
                "Asked whether Xi had accepted an invitation to visit North Korea, a spokesman said he had no information.",
                &[],
            ),
            // a question is not a request
            ("Asked whether he would invite Kim, Trump said no.", &[]),
            // a noun of a statement needs a verb that makes it happen
            (
                "Beijing has backed UN sanctions on the country.",
                &[("backed", Support)],
            ),
            ("Sanctions, he added, would stay in place.", &[]),
            (
                "Japan imposed new export controls on Seoul.",
                &[("export controls", Sanction)],
            ),
            (
                "The Panmunjom Declaration signed by the two leaders.",
                &[("Declaration", Agree)],
            ),
            // a standing arrangement keeps its agreement
            (
                "The leaders agreed to hold their trilateral summit regularly.",
                &[("agreed", Agree)],
            ),
            // the complement of a request is its content
            (
                "Japan had asked South Korea to agree by Thursday to set up a panel.",
                &[("asked", Request)],
            ),
            // a request governs the meeting it names
            (
                "Russia's envoy called for dialogue instead of pressure.",
                &[("called for", Request)],
            ),
            // a reference to an earlier meeting is its own event
            (
                "They last met in Dalian in May, six weeks after their first meeting in March.",
                &[("met", Consult), ("meeting", Consult)],
            ),
            // a second event of the same type with its own subject
            (
                "China announced retaliatory tariffs and Trump responded by raising duties.",
                &[
                    ("retaliatory tariffs", Sanction),
                    ("raising duties", Sanction),
                ],
            ),
            // an agreement to resume a process, with no date for it, is the agreement
            (
                "Trump said the two sides had agreed to restart trade negotiations.",
                &[("agreed", Agree)],
            ),
            // a standing arrangement
            (
                "The two leaders had agreed to meet frequently in the future.",
                &[("agreed", Agree)],
            ),
            // a coordinated second predicate of the same type
            (
                "He is scheduled to meet Moon on April 27, and has also offered to meet Trump.",
                &[("meet", Consult), ("meet", Consult)],
            ),
            // a verb in a subordinate clause reports another event
            (
                "It was their first meeting since Kim Jong Il met Dmitry Medvedev in 2011.",
                &[("meeting", Consult), ("met", Consult)],
            ),
            // a noun with a predicate of its own reports another event
            (
                "The two sides agreed to hold high-level talks on June 1 to follow up on their first summit, held on April 27.",
                &[("high-level talks", Consult), ("first summit", Consult)],
            ),
            // a habit or a standing position is not one event
            (
                "North Korea has in the past condemned such drills as rehearsals for an invasion.",
                &[],
            ),
            (
                "Beijing has backed UN sanctions on the country since 2016.",
                &[],
            ),
            (
                "Lagos has always backed the Ghanaian president.",
                &[],
            ),
            // a warning that another party may act is a forecast of that act
            (
                "Kenyan officials warned that Somalia could deploy troops near the border.",
                &[("deploy troops", Mobilize)],
            ),
            (
                "Tehran warned that it could retaliate.",
                &[("warned", Threaten)],
            ),
            (
                "Kenyan officials warned on Tuesday that Somalia could deploy troops near the border.",
                &[("deploy troops", Mobilize)],
            ),
            (
                "Beijing warned that Washington would pay a heavy price.",
                &[("warned", Threaten)],
            ),
            (
                "Canberra has long criticised the base.",
                &[],
            ),
            (
                "The army repeatedly shelled the town on Friday.",
                &[("shelled", Assault)],
            ),
            // a protest noun after "in" is the purpose of the act before it
            (
                "France recalled its ambassadors in an unprecedented protest at the pact.",
                &[("recalled its ambassadors", Sanction)],
            ),
            ("Thousands joined a protest in Seoul.", &[("protest", Protest)]),
            // a characterisation accuses when what follows "as" is damning
            (
                "Officials in Seoul described the measures as economic retaliation.",
                &[("described", Accuse)],
            ),
            ("Officials described the measures as useful.", &[]),
            // a condition is not an event
            (
                "They signed a pact of mutual assistance if either country is attacked.",
                &[("signed", Agree)],
            ),
            ("The latest sign of warming ties.", &[]),
            // attacks and protests stand alone
            (
                "The shelling continued overnight.",
                &[("shelling", Assault)],
            ),
            // a trigger inside a longer speculation cue
            (
                "Putin did not rule out developing military cooperation.",
                &[("military cooperation", Cooperate)],
            ),
            // a pledge
            (
                "Trump said the US would stop its joint military exercises.",
                &[("stop its joint military exercises", Concede)],
            ),
        ];
        for (s, want) in table {
            let got = selected(&x, s);
            let want: Vec<(String, EventType)> =
                want.iter().map(|(t, e)| (t.to_string(), *e)).collect();
            assert_eq!(got, want, "{s}");
        }
    }

    #[test]
    fn last_and_previous_name_an_earlier_event() {
        let x = extractor();
        // (sentence, noun trigger, names an earlier event)
        let table = [
            (
                "The last inter-Korean summit took place in 2007.",
                "summit",
                true,
            ),
            ("The previous meeting was in May.", "meeting", true),
            ("Last week's summit ended early.", "summit", false),
            ("The summit ended early.", "summit", false),
        ];
        for (s, trigger, want) in table {
            let at = s.find(trigger).expect("trigger in sentence");
            let t = x
                .lex
                .triggers_in(s)
                .into_iter()
                .find(|t| t.start == at)
                .expect("a trigger");
            assert_eq!(prior_reference(s, &t), want, "{s}");
        }
    }

    #[test]
    fn a_dated_resumption_plans_the_talks() {
        use EventType::*;
        let x = extractor();
        // (sentence, time expressions, selected triggers)
        type Case<'a> = (&'a str, &'a [&'a str], &'a [(&'a str, EventType)]);
        let table: &[Case] = &[
            (
                "The two sides agreed to resume working-level negotiations within the next two weeks.",
                &["within the next two weeks"],
                &[("negotiations", Consult)],
            ),
            (
                "The two sides agreed to resume working-level negotiations.",
                &[],
                &[("agreed", Agree)],
            ),
        ];
        for (s, dates, want) in table {
            let got = selected_with_dates(&x, s, dates);
            let want: Vec<(String, EventType)> =
                want.iter().map(|(t, e)| (t.to_string(), *e)).collect();
            assert_eq!(got, want, "{s}");
        }
    }

    #[test]
    fn a_visit_naming_no_place_is_placed_at_its_host() {
        let actor = |id: &str, kind: ActorKind, c: &str| Actor {
            id: id.to_string(),
            name: id.to_string(),
            kind,
            country: Some(c.to_string()),
            role: None,
        };
        let draft = |mode: Option<Mode>, actors: Vec<(Actor, Side)>| Draft {
            event_type: EventType::Consult,
            kind: "visit".into(),
            cameo: "042".into(),
            hint: Some(ModeHint::Visit),
            mode,
            form: Form::Base,
            trigger_at: (0, 0),
            status: entente_doc::EventStatus::Planned,
            explicit: true,
            actors,
            date: None,
            location: None,
            sentences: vec![0],
            confidence: 0.5,
            headline: false,
            historical: false,
            arrival: false,
            own_predicate: false,
            relative: false,
            trigger_words: Vec::new(),
        };
        // (mode, actors, expected place country)
        let table = [
            (
                Some(Mode::Visit),
                vec![
                    (actor("putin", ActorKind::Person, "RUS"), Side::Guest),
                    (actor("North Korea", ActorKind::State, "PRK"), Side::Host),
                ],
                Some("PRK"),
            ),
            (
                Some(Mode::Visit),
                vec![
                    (actor("wang", ActorKind::Person, "CHN"), Side::Guest),
                    (actor("kim", ActorKind::Person, "PRK"), Side::Host),
                ],
                Some("PRK"),
            ),
            (
                Some(Mode::ThirdParty),
                vec![(actor("kim", ActorKind::Person, "PRK"), Side::Host)],
                None,
            ),
        ];
        for (mode, actors, want) in table {
            let got = host_place(&draft(mode, actors)).and_then(|l| l.country);
            assert_eq!(got.as_deref(), want);
        }
    }
}

//! Merging drafts that report the same event within one document.
//!
//! Headline, lead and body often repeat one summit ("Kim, Trump to meet in Hanoi" / "The two
//! leaders will meet on Feb. 27-28" / "the summit will focus on..."). Two drafts are merged
//! when their types agree, a call is not merged with an in-person meeting, one's states are a
//! subset of the other's (a draft with no states of its own — "the summit" — joins the most
//! recent event of its type), and their dates do not conflict.

use crate::draft::{Draft, DraftDate, Side};
use crate::lexicon::{Form, ModeHint};
use crate::stage::decide_mode;
use entente_doc::{EventStatus, EventType, Mode};

fn subset(a: &[String], b: &[String]) -> bool {
    a.iter().all(|x| b.contains(x))
}

fn dates_compatible(a: &Draft, b: &Draft) -> bool {
    match (&a.date, &b.date) {
        (Some(x), Some(y)) => x.start <= y.end && y.start <= x.end,
        _ => true,
    }
}

/// True when one date is a day of a stay of at most a week ("met Xi on Friday" during "a
/// three-day trip").
fn day_of_stay(x: &DraftDate, y: &DraftDate) -> bool {
    let within = |a: &DraftDate, b: &DraftDate| {
        a.start >= b.start && a.end <= b.end && b.days() <= STAY_DAYS
    };
    within(x, y) || within(y, x)
}

/// True when two dates cover mostly the same days (intersection over union at least one
/// half): "the June 12 summit" and "June 12", not "this year" and "in September".
fn same_span(x: &DraftDate, y: &DraftDate) -> bool {
    let start = x.start.max(y.start);
    let end = x.end.min(y.end);
    if end < start {
        return false;
    }
    let inter = (end - start).num_days() + 1;
    let union = (x.end.max(y.end) - x.start.min(y.start)).num_days() + 1;
    2 * inter >= union
}

/// The longest stay whose days are pinned to it ("a three-day visit", "a week-long tour").
const STAY_DAYS: i64 = 7;

fn is_call(d: &Draft) -> bool {
    d.mode == Some(Mode::Phone)
}

/// True when `d` is a noun naming, in a sentence of `e`, the event another trigger of that
/// sentence reports ("will pay a state visit on Thursday ..., the first trip to Pyongyang"):
/// one event whatever date each picked; not a noun with a predicate of its own ("agreed to
/// hold talks on June 1 to follow up on their first summit, held on April 27").
fn same_sentence_naming(e: &Draft, d: &Draft) -> bool {
    (d.form == Form::Noun || e.form == Form::Noun)
        && !d.own_predicate
        && !e.own_predicate
        && e.sentences.contains(&d.trigger_at.0)
        && e.trigger_at != d.trigger_at
        && e.trigger_at.0 == d.trigger_at.0
}

/// True when `d` is an undated noun of a meeting whose states all take part in `e`: a later
/// mention of the same meeting ("the visit", "a summit would be a clear signal"), which takes
/// its date and status from `e`.
fn mention_of(e: &Draft, d: &Draft) -> bool {
    let (ce, cd) = (e.countries(), d.countries());
    d.event_type == EventType::Consult
        && d.form == Form::Noun
        && d.date.is_none()
        && cd.len() >= 2
        && subset(&cd, &ce)
}

/// True when two in-person meetings of the same states, in the same status, fall on
/// neighbouring days within a stay ("opened the summit with a dinner on Wednesday" / "the
/// summit ended on Thursday"; "arrived on Wednesday" / "held talks on Thursday").
fn adjacent_days(e: &Draft, d: &Draft) -> bool {
    let (Some(x), Some(y)) = (&e.date, &d.date) else {
        return false;
    };
    let in_days = |z: &DraftDate| z.precision == "day";
    let gap = (x.start.max(y.start) - x.end.min(y.end)).num_days();
    let span = (x.end.max(y.end) - x.start.min(y.start)).num_days() + 1;
    e.event_type == EventType::Consult
        && d.event_type == EventType::Consult
        && !is_call(e)
        && !is_call(d)
        && e.status == d.status
        && matches!(e.status, EventStatus::Occurred | EventStatus::Planned)
        && in_days(x)
        && in_days(y)
        && (1..=1).contains(&gap)
        && span <= STAY_DAYS
        && e.countries().len() >= 2
        && e.countries() == d.countries()
}

/// True when `d` is a day of the stay or summit `e` reports on the next or previous day: the
/// same persons hold the summit on both days ("the two leaders had opened the summit with a dinner on
/// Wednesday" / "the summit ended on Thursday"), or `d` is only the arrival, the day before,
/// of a guest of `e` ("Kim arrived in Russia on Wednesday" / "held their first summit on
/// Thursday"). Two meetings of other persons on neighbouring days stay two ("sat down with
/// Kim on Thursday" / "held talks with Ri on Wednesday").
fn day_of_same_stay(e: &Draft, d: &Draft) -> bool {
    if !adjacent_days(e, d) || e.arrival {
        return false;
    }
    let (pe, pd) = (e.persons(), d.persons());
    if d.arrival {
        let before = match (&d.date, &e.date) {
            (Some(x), Some(y)) => x.end < y.start,
            _ => false,
        };
        return before && !pd.is_empty() && subset(&pd, &pe);
    }
    e.kind == "summit" && d.kind == "summit" && !pe.is_empty() && pe == pd
}

/// Joins the days of one stay or summit reported as events of neighbouring days (see
/// [`day_of_same_stay`]).
fn join_stay_days(out: &mut Vec<Draft>) {
    let mut i = 0;
    while i < out.len() {
        let host = (0..out.len()).find(|&j| j != i && day_of_same_stay(&out[j], &out[i]));
        match host {
            Some(j) => {
                let d = out.remove(i);
                let j = if j > i { j - 1 } else { j };
                if let Some(e) = out.get_mut(j) {
                    absorb(e, d);
                    e.mode = decide_mode(e);
                    e.confidence = e.confidence.min(0.99);
                }
                i = 0;
            }
            None => i += 1,
        }
    }
}

/// True when one draft lies in a relative clause of the other's sentence and the other in
/// its main predicate ("Kim, who travelled to Vietnam by train, will stay on for an official
/// visit on Friday"): the background and the news of one stay.
fn background(e: &Draft, d: &Draft) -> bool {
    e.relative != d.relative && e.trigger_at.0 == d.trigger_at.0
}

/// The farthest two places of one meeting may lie apart (a hotel and its city, a truce
/// village and the border zone around it).
const SAME_PLACE_KM: f64 = 25.0;

/// True when `d` names no party, only a place, and that place and `e`'s lie farther apart
/// than one venue and its city ("talks with Moon in Seoul" / "a meeting at the DMZ"): the
/// place tells the meetings apart.
fn far_apart(e: &Draft, d: &Draft) -> bool {
    if !d.countries().is_empty() || !d.orgs().is_empty() {
        return false;
    }
    let (Some(a), Some(b)) = (&e.location, &d.location) else {
        return false;
    };
    let (Some(la), Some(oa), Some(lb), Some(ob)) = (a.lat, a.lon, b.lat, b.lon) else {
        return false;
    };
    km_between((la, oa), (lb, ob)) > SAME_PLACE_KM
}

/// Great-circle distance in kilometres between two (latitude, longitude) points.
fn km_between(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (p1, p2) = (a.0.to_radians(), b.0.to_radians());
    let dp = p2 - p1;
    let dl = (b.1 - a.1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

fn compatible(e: &Draft, d: &Draft) -> bool {
    if e.event_type != d.event_type || is_call(e) != is_call(d) {
        return false;
    }
    if !dates_compatible(e, d) {
        let (ce, cd) = (e.countries(), d.countries());
        let nested = !cd.is_empty() && (subset(&cd, &ce) || subset(&ce, &cd));
        return nested && same_sentence_naming(e, d);
    }
    // Two stated, different statuses are two events unless their dates pin them together
    // ("cancelled his planned June 12 summit" / "the June 12 summit"), or one is a mere
    // mention of the other ("Analysts suggest Xi may use the visit to ...").
    if far_apart(e, d) {
        return false;
    }
    if e.explicit && d.explicit && e.status != d.status && !mention_of(e, d) && !background(e, d) {
        let pinned = match (&e.date, &d.date) {
            (Some(x), Some(y)) => {
                let under_way =
                    |s: EventStatus| matches!(s, EventStatus::Occurred | EventStatus::Ongoing);
                same_span(x, y) || day_of_stay(x, y) && under_way(e.status) && under_way(d.status)
            }
            _ => false,
        };
        // an end (cancelled, denied) closes a plan, a denial a report that it happened; not
        // a speculation about a new date
        let ends_it = matches!(
            (e.status, d.status),
            (
                EventStatus::Cancelled | EventStatus::Denied,
                EventStatus::Planned
            ) | (
                EventStatus::Planned,
                EventStatus::Cancelled | EventStatus::Denied
            ) | (EventStatus::Cancelled, EventStatus::Denied)
                | (EventStatus::Denied, EventStatus::Cancelled)
                | (EventStatus::Denied, EventStatus::Occurred)
                | (EventStatus::Occurred, EventStatus::Denied)
        );
        // ... and only when neither is dated (a dated cancellation is another trip than an
        // undated invitation)
        let ends_it = ends_it && e.date.is_none() && d.date.is_none();
        if !pinned && !ends_it {
            return false;
        }
    }
    // two measures of one kind by the same parties, told in other sentences with other words
    // ("will tighten controls on exports" / "plans to remove South Korea from its white
    // list"): two acts
    if d.event_type == EventType::Sanction && other_measure(e, d) {
        return false;
    }
    let (ce, cd) = (e.countries(), d.countries());
    if cd.is_empty() && d.orgs().is_empty() {
        return d.form == Form::Noun;
    }
    if d.event_type != EventType::Consult {
        // statements: same states, and the same direction when both say who acted on whom
        // ("Trump warned Kim" and "Pyongyang warned Washington" are two threats).
        let (se, sd) = (
            side_countries(e, Side::Source),
            side_countries(d, Side::Source),
        );
        if ce == cd {
            return se.is_empty() || sd.is_empty() || se == sd;
        }
        // A statement naming one state only joins the last one of its type by that state
        // ("Chinese state media accused Washington ..." / "China has criticised it");
        // an agreement naming one party joins one of its parties' agreement.
        let joins = |one: &[String], s_one: &[String], other: &[String], s_other: &[String]| {
            one.len() == 1 && s_other == one && (s_one.is_empty() || s_one == one)
                || one.len() == 1 && subset(one, other) && s_one.is_empty() && s_other.is_empty()
        };
        // An undated later mention by the same source of part of the targets ("France recalled
        // its ambassadors to the United States and Australia on Friday" / "the first time
        // France has recalled its ambassador to Washington") is the same act.
        let part = |a: &Draft, ca: &[String], sa: &[String], cb: &[String], sb: &[String]| {
            a.date.is_none() && !sa.is_empty() && sa == sb && subset(ca, cb)
        };
        return joins(&cd, &sd, &ce, &se)
            || joins(&ce, &se, &cd, &sd)
            || part(d, &cd, &sd, &ce, &se)
            || part(e, &ce, &se, &cd, &sd);
    }
    // A draft naming one state (or none) may complete an event; two drafts naming different
    // pairs of states are different events even when one pair contains the other.
    if cd.len() <= 1 || ce.len() <= 1 {
        return subset(&cd, &ce) || subset(&ce, &cd);
    }
    if ce != cd {
        return false;
    }
    // Same parties: one event unless both carry dates (checked above to overlap).
    true
}

/// Content words shorter than this are not compared ("on", "the").
const STEM_MIN: usize = 4;

/// The first letters of a trigger word that stand for its stem ("tighten", "tightening").
const STEM_LEN: usize = 5;

/// True when `d` comes from a sentence of its own (not one of `e`'s) and no trigger word of
/// `d` shares a stem with one of `e`'s ("export curbs" / "the curbs": one measure; "tighten
/// controls" / "white list": two).
fn other_measure(e: &Draft, d: &Draft) -> bool {
    if e.sentences.contains(&d.trigger_at.0) || e.trigger_words.is_empty() {
        return false;
    }
    let stems = |x: &Draft| -> Vec<String> {
        x.trigger_words
            .iter()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.len() >= STEM_MIN)
            .map(|w| w.chars().take(STEM_LEN).collect())
            .collect()
    };
    let (se, sd) = (stems(e), stems(d));
    !sd.is_empty() && !sd.iter().any(|w| se.contains(w))
}

/// Sorted countries of the actors on one side.
fn side_countries(d: &Draft, side: Side) -> Vec<String> {
    let mut c: Vec<String> = d
        .actors
        .iter()
        .filter(|(a, s)| *s == side && a.kind != entente_doc::ActorKind::Organization)
        .filter_map(|(a, _)| a.country.clone())
        .collect();
    c.sort();
    c.dedup();
    c
}

/// Which of two stated statuses of one event wins within a document: an end (cancelled,
/// denied) over everything; "is visiting" over a past step of the visit ("greeted him").
fn status_rank(s: EventStatus) -> u8 {
    match s {
        EventStatus::Cancelled => 6,
        EventStatus::Denied => 5,
        EventStatus::Ongoing => 4,
        EventStatus::Occurred => 3,
        EventStatus::Planned => 2,
        EventStatus::Speculated => 1,
    }
}

fn absorb(e: &mut Draft, mut d: Draft) {
    // Neighbouring days of one summit or stay: the event spans them.
    if adjacent_days(e, &d) {
        if let (Some(x), Some(y)) = (e.date.as_mut(), d.date.as_ref()) {
            x.start = x.start.min(y.start);
            x.end = x.end.max(y.end);
            x.text = format!("{}; {}", x.text, y.text);
        }
        d.date = None;
    }
    // A noun naming the event of its sentence's verb with another date: the verb's date and
    // status stand.
    let conflict = !dates_compatible(e, &d);
    if conflict && e.form == Form::Noun {
        e.status = d.status;
        e.explicit = d.explicit;
    }
    let keep_status = conflict || mention_of(e, &d);
    // A day of a stay reported as done ("met Xi on Friday" during "a three-day trip"): the
    // report is of that day, done.
    let day_of_stay = |o: &Draft, g: &Draft| match (&o.date, &g.date) {
        (Some(x), Some(y)) => {
            o.status == EventStatus::Occurred
                && g.status == EventStatus::Ongoing
                && x.days() < y.days()
                && x.start >= y.start
                && x.end <= y.end
        }
        _ => false,
    };
    // The relative clause tells the background; the main predicate's status stands.
    let relative_pair = background(e, &d);
    if relative_pair && e.relative {
        e.status = d.status;
        e.explicit = d.explicit;
        e.relative = false;
    }
    let keep_status = keep_status || relative_pair;
    let (e_day, d_day) = (day_of_stay(e, &d), day_of_stay(&d, e));
    if d_day {
        e.status = EventStatus::Occurred;
    }
    let keep_status = keep_status || e_day || d_day;
    // an undated noun ("the talks lasted three hours") names the event, whatever it is, and
    // a welcome in the arrival's own sentence ("and was greeted at the station") is the
    // arrival
    let welcome = d.hint == Some(ModeHint::Host) && e.sentences.contains(&d.trigger_at.0);
    if (d.form != Form::Noun || d.date.is_some()) && !welcome {
        e.arrival &= d.arrival;
    }
    for (a, side) in d.actors {
        if !e.actors.iter().any(|(x, _)| x.id == a.id) {
            e.actors.push((a, side));
        } else if side == Side::Host || side == Side::Guest {
            if let Some(x) = e.actors.iter_mut().find(|(x, _)| x.id == a.id) {
                if x.1 == Side::Participant {
                    x.1 = side;
                }
            }
        }
    }
    e.date = match (e.date.take(), d.date) {
        // a noun's date gives way to the date of the verb of its sentence
        (Some(x), Some(y)) if conflict => Some(if e.form == Form::Noun { y } else { x }),
        (Some(x), Some(y)) => Some(if y.days() < x.days() { y } else { x }),
        (x, y) => x.or(y),
    };
    if e.location.is_none() {
        e.location = d.location;
    }
    if !keep_status
        && (!e.explicit && d.explicit
            || e.explicit == d.explicit && status_rank(d.status) > status_rank(e.status))
    {
        e.status = d.status;
    }
    e.explicit |= d.explicit;
    if e.kind != "summit" && d.kind == "summit" {
        e.kind = d.kind;
        e.cameo = d.cameo;
    }
    if matches!(e.hint, Some(crate::lexicon::ModeHint::Meet) | None) && d.hint.is_some() {
        e.hint = d.hint;
    }
    for w in d.trigger_words {
        if !e.trigger_words.contains(&w) {
            e.trigger_words.push(w);
        }
    }
    for s in d.sentences {
        if !e.sentences.contains(&s) {
            e.sentences.push(s);
        }
    }
    e.sentences.sort_unstable();

    e.confidence = e.confidence.max(d.confidence) + 0.05;
    if e.form == Form::Noun {
        e.form = d.form;
    }
}

/// True when headline draft `h` repeats body event `e`: same type, a call only with a call,
/// not a recalled past event, and one's states contain the other's.
fn repeats(e: &Draft, h: &Draft) -> bool {
    if e.event_type != h.event_type || is_call(e) != is_call(h) || e.historical {
        return false;
    }
    let (ce, ch) = (e.countries(), h.countries());
    if ch.is_empty() {
        return h.form == Form::Noun || !h.orgs().is_empty() && subset(&h.orgs(), &e.orgs());
    }
    subset(&ch, &ce) || subset(&ce, &ch)
}

/// Joins headline draft `h` to the body event `e` it repeats: the body's date (or its lack of
/// one), stated status and parties stand (a headline's relative day is often another's, and
/// its short phrases mix in the places of other events: "says Singapore meeting can be saved").
fn join_headline(e: &mut Draft, mut h: Draft) {
    let (date, status, explicit) = (e.date.clone(), e.status, e.explicit);
    let stay = day_of_same_stay(&h, e) || day_of_same_stay(e, &h);
    let keep = explicit || !h.explicit;
    if e.countries().len() + e.orgs().len() >= 2 {
        h.actors.clear();
    }
    absorb(e, h);
    if !stay {
        e.date = date;
    }
    if keep {
        e.status = status;
        e.explicit = explicit;
    }
}

fn merge_into(out: &mut Vec<Draft>, d: Draft) {
    // An undated draft with a stated status joins the latest compatible event of that
    // status first ("It was the third meeting between Trump and Kim" joins the meeting that
    // took place, not the talks planned since).
    let same_status = if d.date.is_none() && d.explicit {
        out.iter()
            .rposition(|e| e.status == d.status && compatible(e, &d))
    } else {
        None
    };
    let at = same_status.or_else(|| out.iter().rposition(|e| compatible(e, &d)));
    if let Some(e) = at.and_then(|i| out.get_mut(i)) {
        absorb(e, d);
        e.mode = decide_mode(e);
        e.confidence = e.confidence.min(0.99);
        return;
    }
    out.push(d);
}

/// Merges drafts of one document; drafts without enough participants to stand alone are
/// dropped unless they join an event. The body is merged first; a headline draft then joins
/// the first body event it repeats (one of the same status first), or stands alone.
pub fn merge_drafts(drafts: Vec<Draft>) -> Vec<Draft> {
    let (heads, body): (Vec<Draft>, Vec<Draft>) = drafts.into_iter().partition(|d| d.headline);
    let mut out: Vec<Draft> = Vec::new();
    for d in body {
        merge_into(&mut out, d);
    }
    join_stay_days(&mut out);
    let mut lead: Vec<Draft> = Vec::new();
    for h in heads {
        let at = out
            .iter()
            .position(|e| repeats(e, &h) && e.status == h.status)
            .or_else(|| out.iter().position(|e| repeats(e, &h)));
        match at.and_then(|i| out.get_mut(i)) {
            Some(e) => {
                join_headline(e, h);
                e.mode = decide_mode(e);
                e.confidence = e.confidence.min(0.99);
            }
            None => merge_into(&mut lead, h),
        }
    }
    lead.append(&mut out);
    let mut out = lead;
    out.retain(|d| {
        let n = d.countries().len() + d.orgs().len();
        match d.event_type {
            EventType::Consult => n >= 2 || d.mode == Some(Mode::Multilateral),
            _ => n >= 1 && !domestic_statement(d),
        }
    });
    out
}

/// True when a statement (a request, an accusation, support, a rejection or a threat) goes
/// from an office holder to an office holder of the same state, and names no one else
/// ("Trump said he had asked Pompeo not to go"): an instruction inside one government, not
/// an event between parties. A government's statement against its own citizens or
/// opposition ("threatened to ban opposition candidates") stays an event.
fn domestic_statement(d: &Draft) -> bool {
    let statement = matches!(
        d.event_type,
        EventType::Request
            | EventType::Accuse
            | EventType::Support
            | EventType::Reject
            | EventType::Threaten
    );
    let officials = d.actors.iter().all(|(a, _)| {
        a.kind == entente_doc::ActorKind::Person && a.role.is_some() && a.country.is_some()
    });
    let (src, tgt) = (
        side_countries(d, Side::Source),
        side_countries(d, Side::Target),
    );
    statement && officials && d.countries().len() == 1 && !src.is_empty() && src == tgt
}

#[cfg(test)]
mod tests {
    use super::*;
    use entente_doc::{Actor, ActorKind};

    /// A draft of `ty` in sentence `sid` (trigger at `at`) with the states as (code, side).
    fn draft(
        ty: EventType,
        form: Form,
        status: EventStatus,
        states: &[(&str, Side)],
        date: Option<(&str, &str)>,
        (sid, at): (u32, usize),
    ) -> Draft {
        let day = |s: &str| s.parse().expect("test date");
        Draft {
            event_type: ty,
            kind: "meeting".into(),
            cameo: "040".into(),
            hint: (ty == EventType::Consult).then_some(ModeHint::Meet),
            mode: None,
            form,
            trigger_at: (sid, at),
            status,
            explicit: true,
            actors: states
                .iter()
                .map(|(c, side)| {
                    (
                        Actor {
                            id: format!("state:{}", c.to_ascii_lowercase()),
                            name: c.to_string(),
                            kind: ActorKind::State,
                            country: Some(c.to_string()),
                            role: None,
                        },
                        *side,
                    )
                })
                .collect(),
            date: date.map(|(a, b)| DraftDate {
                start: day(a),
                end: day(b),
                precision: "day".into(),
                text: String::new(),
            }),
            location: None,
            sentences: vec![sid],
            confidence: 0.5,
            headline: false,
            historical: false,
            arrival: false,
            own_predicate: false,
            relative: false,
            trigger_words: Vec::new(),
        }
    }

    #[test]
    fn measures_told_with_other_words_in_other_sentences_are_two() {
        // (words of e, sentence of e, words of d, sentence of d, two measures)
        type Case<'a> = (&'a [&'a str], u32, &'a [&'a str], u32, bool);
        let table: [Case; 4] = [
            (&["tighten", "controls"], 0, &["white", "list"], 2, true),
            (&["export", "curbs"], 0, &["curbs"], 3, false),
            (&["tighten", "controls"], 0, &["tightening", "of"], 1, false),
            (&["tighten", "controls"], 0, &["white", "list"], 0, false),
        ];
        for (we, se, wd, sd, want) in table {
            let mut e = draft(
                EventType::Sanction,
                Form::Base,
                EventStatus::Planned,
                &[("JPN", Side::Source), ("KOR", Side::Target)],
                None,
                (se, 0),
            );
            e.trigger_words = we.iter().map(|w| w.to_string()).collect();
            let mut d = draft(
                EventType::Sanction,
                Form::Noun,
                EventStatus::Planned,
                &[("JPN", Side::Source), ("KOR", Side::Target)],
                None,
                (sd, 5),
            );
            d.trigger_words = wd.iter().map(|w| w.to_string()).collect();
            assert_eq!(other_measure(&e, &d), want, "{we:?} / {wd:?}");
        }
    }

    #[test]
    fn a_relative_clause_gives_way_to_the_main_predicate() {
        // "Kim, who travelled to Vietnam ..., will stay on for an official visit on Friday
        // and Saturday": one planned visit, dated.
        let mut travel = draft(
            EventType::Consult,
            Form::Past,
            EventStatus::Occurred,
            &[("PRK", Side::Guest), ("VNM", Side::Host)],
            None,
            (12, 9),
        );
        travel.relative = true;
        let visit = draft(
            EventType::Consult,
            Form::Noun,
            EventStatus::Planned,
            &[("PRK", Side::Guest)],
            Some(("2019-03-01", "2019-03-02")),
            (12, 85),
        );
        let out = merge_drafts(vec![travel, visit]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].status, EventStatus::Planned);
        assert_eq!(
            out[0].date.as_ref().map(|d| d.start.to_string()).as_deref(),
            Some("2019-03-01")
        );
    }

    #[test]
    fn a_partyless_meeting_elsewhere_joins_the_meeting_of_its_place() {
        let place = |name: &str, lat: f64, lon: f64| entente_doc::Location {
            name: name.into(),
            country: Some("KOR".into()),
            lat: Some(lat),
            lon: Some(lon),
        };
        // "will hold talks with Moon on Sunday" in Seoul, then "Kim could meet Trump", then
        // "a meeting at the DMZ could take place on Sunday"
        let mut seoul = draft(
            EventType::Consult,
            Form::Base,
            EventStatus::Planned,
            &[("KOR", Side::Participant), ("USA", Side::Participant)],
            Some(("2019-06-30", "2019-06-30")),
            (9, 51),
        );
        seoul.location = Some(place("Seoul", 37.566, 126.978));
        let kim = draft(
            EventType::Consult,
            Form::Base,
            EventStatus::Speculated,
            &[("PRK", Side::Participant), ("USA", Side::Participant)],
            None,
            (4, 47),
        );
        let mut dmz = draft(
            EventType::Consult,
            Form::Noun,
            EventStatus::Speculated,
            &[],
            Some(("2019-06-30", "2019-06-30")),
            (11, 31),
        );
        dmz.location = Some(place("Demilitarized Zone", 38.0, 127.0));
        let out = merge_drafts(vec![kim, seoul, dmz]);
        let spec = out
            .iter()
            .find(|d| d.status == EventStatus::Speculated)
            .expect("the speculated meeting");
        assert_eq!(spec.countries(), vec!["PRK".to_string(), "USA".to_string()]);
        assert!(spec.date.is_some());
    }

    #[test]
    fn distances_between_places() {
        // (a, b, at most km, at least km)
        let table = [
            ((37.566, 126.978), (38.0, 127.0), 60.0, 40.0),
            ((21.0245, 105.8412), (21.0257, 105.856), 2.0, 0.0),
        ];
        for (a, b, most, least) in table {
            let d = km_between(a, b);
            assert!(d <= most && d >= least, "{a:?} {b:?}: {d}");
        }
    }

    #[test]
    fn a_statement_within_one_state_is_dropped() {
        use EventType::*;
        use Side::*;
        // (the states of a request's office holders with their sides, kept)
        let table: &[(&[(&str, Side)], bool)] = &[
            (&[("USA", Source), ("USA", Target)], false),
            (&[("USA", Source), ("PRK", Target)], true),
            (&[("USA", Source)], true),
        ];
        for (states, kept) in table {
            let mut d = draft(
                Request,
                Form::Past,
                EventStatus::Occurred,
                states,
                None,
                (0, 0),
            );
            for (i, (a, _)) in d.actors.iter_mut().enumerate() {
                a.kind = ActorKind::Person;
                a.id = format!("person:{i}");
                a.role = Some("minister".into());
            }
            assert_eq!(merge_drafts(vec![d]).len() == 1, *kept, "{states:?}");
        }
    }

    /// Drafts and the (status, date start) of the events they merge into.
    type Case = (Vec<Draft>, Vec<(EventStatus, Option<&'static str>)>);

    #[test]
    fn merges_what_reports_one_event() {
        use EventStatus::*;
        use EventType::*;
        use Form::*;
        use Side::*;
        let p = Participant;
        // (drafts, expected (status, date start) of the merged events)
        let table: Vec<Case> = vec![
            // two threats in opposite directions stay two
            (
                vec![
                    draft(
                        Threaten,
                        Past,
                        Occurred,
                        &[("USA", Source), ("PRK", Target)],
                        None,
                        (1, 0),
                    ),
                    draft(
                        Threaten,
                        Past,
                        Occurred,
                        &[("PRK", Source), ("USA", Target)],
                        None,
                        (2, 0),
                    ),
                ],
                vec![(Occurred, None), (Occurred, None)],
            ),
            // a noun of the sentence's verb with another (report) date joins the verb's event
            (
                vec![
                    draft(
                        Consult,
                        Base,
                        Planned,
                        &[("CHN", p), ("PRK", p)],
                        Some(("2019-06-20", "2019-06-21")),
                        (2, 10),
                    ),
                    draft(
                        Consult,
                        Noun,
                        Occurred,
                        &[("CHN", p), ("PRK", p)],
                        Some(("2019-06-17", "2019-06-17")),
                        (2, 90),
                    ),
                ],
                vec![(Planned, Some("2019-06-20"))],
            ),
            // an undated mention joins without changing the status
            (
                vec![
                    draft(
                        Consult,
                        Base,
                        Planned,
                        &[("CHN", p), ("PRK", p)],
                        None,
                        (0, 10),
                    ),
                    draft(
                        Consult,
                        Noun,
                        Speculated,
                        &[("CHN", p), ("PRK", p)],
                        None,
                        (5, 10),
                    ),
                ],
                vec![(Planned, None)],
            ),
            // a day of a stay reported as done
            (
                vec![
                    draft(
                        Consult,
                        Noun,
                        Ongoing,
                        &[("CHN", p), ("JPN", p)],
                        Some(("2018-10-25", "2018-10-27")),
                        (0, 10),
                    ),
                    draft(
                        Consult,
                        Past,
                        Occurred,
                        &[("CHN", p), ("JPN", p)],
                        Some(("2018-10-26", "2018-10-26")),
                        (1, 10),
                    ),
                ],
                vec![(Occurred, Some("2018-10-26"))],
            ),
            // a one-state statement joins its source's statement of the same type
            (
                vec![
                    draft(
                        Accuse,
                        Past,
                        Occurred,
                        &[("CHN", Source), ("USA", Target)],
                        None,
                        (6, 0),
                    ),
                    draft(Accuse, Past, Occurred, &[("CHN", Source)], None, (8, 0)),
                ],
                vec![(Occurred, None)],
            ),
            // ... whichever comes first
            (
                vec![
                    draft(Accuse, Past, Occurred, &[("CHN", Source)], None, (6, 0)),
                    draft(
                        Accuse,
                        Past,
                        Occurred,
                        &[("CHN", Source), ("USA", Target)],
                        None,
                        (6, 90),
                    ),
                ],
                vec![(Occurred, None)],
            ),
            // a speculation about this year is not the trip made in September
            (
                vec![
                    draft(
                        Consult,
                        Past,
                        Occurred,
                        &[("KOR", p), ("PRK", p)],
                        Some(("2018-09-18", "2018-09-20")),
                        (0, 10),
                    ),
                    draft(
                        Consult,
                        Base,
                        Speculated,
                        &[("KOR", p), ("PRK", p)],
                        Some(("2018-01-01", "2018-12-31")),
                        (4, 10),
                    ),
                ],
                vec![
                    (Occurred, Some("2018-09-18")),
                    (Speculated, Some("2018-01-01")),
                ],
            ),
            // a cancellation does not swallow a speculation about a new trip
            (
                vec![
                    draft(
                        Consult,
                        Past,
                        Cancelled,
                        &[("USA", p), ("PRK", p)],
                        None,
                        (0, 10),
                    ),
                    draft(
                        Consult,
                        Base,
                        Speculated,
                        &[("USA", p), ("PRK", p)],
                        None,
                        (4, 10),
                    ),
                ],
                vec![(Cancelled, None), (Speculated, None)],
            ),
        ];
        for (drafts, want) in table {
            let got: Vec<(EventStatus, Option<String>)> = merge_drafts(drafts)
                .iter()
                .map(|d| (d.status, d.date.as_ref().map(|x| x.start.to_string())))
                .collect();
            let want: Vec<(EventStatus, Option<String>)> = want
                .into_iter()
                .map(|(s, d)| (s, d.map(str::to_string)))
                .collect();
            assert_eq!(got, want);
        }
    }

    #[test]
    fn a_headline_joins_the_body_event_it_repeats() {
        use EventStatus::*;
        use EventType::*;
        use Form::*;
        use Side::*;
        let p = Participant;
        let head = |states: &[(&str, Side)], date: Option<(&str, &str)>, status| {
            let mut d = draft(Consult, Base, status, states, date, (0, 0));
            d.headline = true;
            d
        };
        // (drafts, expected (status, date start, countries) of the merged events)
        type HeadCase = (Vec<Draft>, Vec<(EventStatus, Option<&'static str>, usize)>);
        let table: Vec<HeadCase> = vec![
            // the body's date stands against the headline's relative day
            (
                vec![
                    head(
                        &[("CHN", p), ("USA", p)],
                        Some(("2023-01-29", "2023-01-29")),
                        Cancelled,
                    ),
                    draft(
                        Consult,
                        Past,
                        Cancelled,
                        &[("CHN", p), ("USA", p)],
                        Some(("2023-02-05", "2023-02-06")),
                        (2, 0),
                    ),
                ],
                vec![(Cancelled, Some("2023-02-05"), 2)],
            ),
            // the body's parties stand against a place the headline mixes in
            (
                vec![
                    head(&[("KOR", p), ("PRK", p), ("SGP", p)], None, Occurred),
                    draft(
                        Consult,
                        Past,
                        Occurred,
                        &[("KOR", p), ("PRK", p)],
                        Some(("2018-05-26", "2018-05-26")),
                        (2, 0),
                    ),
                ],
                vec![(Occurred, Some("2018-05-26"), 2)],
            ),
            // a headline with no body event stands alone, first
            (
                vec![
                    head(&[("AUS", p), ("USA", p)], None, Cancelled),
                    draft(
                        Consult,
                        Past,
                        Occurred,
                        &[("KOR", p), ("PRK", p)],
                        None,
                        (2, 0),
                    ),
                ],
                vec![(Cancelled, None, 2), (Occurred, None, 2)],
            ),
        ];
        for (drafts, want) in table {
            let got: Vec<(EventStatus, Option<String>, usize)> = merge_drafts(drafts)
                .iter()
                .map(|d| {
                    (
                        d.status,
                        d.date.as_ref().map(|x| x.start.to_string()),
                        d.countries().len(),
                    )
                })
                .collect();
            let want: Vec<(EventStatus, Option<String>, usize)> = want
                .into_iter()
                .map(|(s, d, n)| (s, d.map(str::to_string), n))
                .collect();
            assert_eq!(got, want);
        }
    }
}

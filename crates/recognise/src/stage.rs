//! The recognition stage.

use crate::plural::{resolve, PluralFinder};
use chrono::NaiveDate;
use entente_doc::{Actor, ActorKind, Document, Layer, Mention, PlaceMention, Stage, StageError};
use entente_kb::{GazMatch, Gazetteer, Kb, Person, PersonForm, PlaceKind, StateForm, Target};
use entente_text::Span;
use std::sync::Arc;

/// Finds and resolves actor and place mentions (see the crate docs).
///
/// # Reads / Writes
/// Reads text and sentences; writes mentions and places.
pub struct Recogniser {
    kb: Arc<Kb>,
    gaz: Gazetteer,
    plurals: PluralFinder,
}

/// Words that may not be taken as a person's name after a title ("President said").
fn looks_like_name(word: &str) -> bool {
    let mut cs = word.chars();
    let Some(first) = cs.next() else { return false };
    first.is_uppercase()
        && word.len() > 1
        && !matches!(
            word,
            "The"
                | "A"
                | "An"
                | "And"
                | "Of"
                | "On"
                | "In"
                | "At"
                | "For"
                | "To"
                | "With"
                | "Said"
                | "Says"
                | "Has"
                | "Is"
                | "Was"
                | "Will"
                | "Who"
                | "He"
                | "She"
                | "It"
                | "This"
                | "That"
                | "But"
                | "Office"
                | "Ministry"
                | "Minister"
                | "Secretary"
                | "Department"
        )
}

/// Up to three capitalised words right after `at` (a name following a title).
fn name_after(text: &str, at: usize) -> Option<(usize, usize)> {
    let rest = &text[at..];
    let lead = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
    if lead == 0 || lead > 2 {
        return None;
    }
    let start = at + lead;
    let mut end = start;
    let mut words = 0;
    for w in text[start..].split(' ') {
        let clean = w.trim_end_matches([',', '.', ';', ':', ')', '\'', '’', 's']);
        let clean = if clean.is_empty() { w } else { clean };
        let core = w.trim_end_matches([',', '.', ';', ':', ')']);
        let core = core
            .strip_suffix("'s")
            .or(core.strip_suffix("’s"))
            .unwrap_or(core);
        if words == 3
            || !looks_like_name(clean)
            || !core
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        {
            break;
        }
        end = start + (w.as_ptr() as usize - text[start..].as_ptr() as usize) + core.len();
        words += 1;
        if core.len() < w.len() {
            break;
        }
    }
    (words > 0).then_some((start, end))
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn only_joiners(s: &str) -> bool {
    !s.is_empty() && s.len() <= 3 && s.chars().all(|c| matches!(c, '-' | '–' | '/'))
}

impl Recogniser {
    /// Builds the stage, compiling the gazetteer once.
    pub fn new(kb: Arc<Kb>) -> Recogniser {
        let gaz = kb.gazetteer();
        Recogniser {
            kb,
            gaz,
            plurals: PluralFinder::new(),
        }
    }

    /// The knowledge base in use.
    pub fn kb(&self) -> &Kb {
        &self.kb
    }

    fn state_actor(&self, iso3: &str) -> Option<Actor> {
        let s = self.kb.state(iso3)?;
        Some(Actor {
            id: s.id.clone(),
            name: s.name.clone(),
            kind: ActorKind::State,
            country: Some(s.iso3.clone()),
            role: None,
        })
    }

    fn person_actor(&self, p: &Person, date: Option<NaiveDate>) -> Actor {
        let role = date.and_then(|d| self.kb.roles_on(p, d).first().map(|r| r.key.clone()));
        Actor {
            id: p.id.clone(),
            name: p.name.clone(),
            kind: ActorKind::Person,
            country: Some(p.country.clone()),
            role,
        }
    }

    fn org_actor(&self, code: &str) -> Option<Actor> {
        let o = self.kb.org(code)?;
        Some(Actor {
            id: o.id.clone(),
            name: o.name.clone(),
            kind: ActorKind::Organization,
            country: None,
            role: None,
        })
    }

    /// Chooses among person candidates: one named in full in the article, else one holding
    /// an office that day, else the only candidate.
    fn pick_person<'k>(
        &'k self,
        ids: &[&'k str],
        full_named: &[String],
        date: Option<NaiveDate>,
    ) -> Option<&'k Person> {
        let people: Vec<&Person> = ids.iter().filter_map(|id| self.kb.person(id)).collect();
        if let Some(p) = people.iter().find(|p| full_named.contains(&p.id)) {
            return Some(p);
        }
        if let Some(d) = date {
            let active: Vec<&&Person> = people
                .iter()
                .filter(|p| !self.kb.roles_on(p, d).is_empty())
                .collect();
            if active.len() == 1 {
                return Some(active[0]);
            }
        }
        (people.len() == 1).then(|| people[0])
    }

    fn recognise(&self, doc: &mut Document) {
        let date = doc.published_date();
        let text = doc.text.as_str();
        let matches: Vec<GazMatch> = self.gaz.find(text);
        // People named in full (or with their title: "President Moon") anywhere in the
        // article disambiguate bare surnames.
        let full_named: Vec<String> = matches
            .iter()
            .flat_map(|m| m.targets.iter())
            .filter_map(|t| match t {
                Target::Person {
                    id,
                    form: PersonForm::FullName | PersonForm::TitleAlias,
                } => Some(id.clone()),
                _ => None,
            })
            .collect();
        let mentions_states: Vec<String> = matches
            .iter()
            .flat_map(|m| m.targets.iter())
            .filter_map(|t| match t {
                Target::State { iso3, form } if *form != StateForm::Contextual => {
                    Some(iso3.clone())
                }
                _ => None,
            })
            .collect();

        let mut mentions: Vec<Mention> = Vec::new();
        let mut places: Vec<PlaceMention> = Vec::new();
        let mut i = 0;
        while i < matches.len() {
            let m = &matches[i];
            let mut span = Span::new(m.start, m.end);
            let mut actors: Vec<Actor> = Vec::new();
            let mut form = "name";
            let state = m.targets.iter().find_map(|t| match t {
                Target::State { iso3, form } => Some((iso3.as_str(), *form)),
                _ => None,
            });
            let title = m.targets.iter().find_map(|t| match t {
                Target::Title { role, .. } => Some(role.as_str()),
                _ => None,
            });
            let person_ids: Vec<&str> = m
                .targets
                .iter()
                .filter_map(|t| match t {
                    Target::Person { id, .. } => Some(id.as_str()),
                    _ => None,
                })
                .collect();
            let org = m.targets.iter().find_map(|t| match t {
                Target::Org { code } => Some(code.as_str()),
                _ => None,
            });
            let place = m.targets.iter().find_map(|t| match t {
                Target::Place { idx } => Some(*idx),
                _ => None,
            });
            let next = matches.get(i + 1);
            let gap_next = next.map(|n| &text[m.end..n.start.max(m.end)]);

            // Joint forms: "US-Japan-Australia-India", "Sino-Japanese", "Russia-DPRK".
            if state.is_some()
                && gap_next.is_some_and(|g| {
                    only_joiners(g) || g.is_empty() && text[..m.end].ends_with('-')
                })
            {
                let mut j = i;
                let mut codes: Vec<String> = Vec::new();
                let mut end = m.end;
                loop {
                    let mj = &matches[j];
                    let Some(code) = mj.targets.iter().find_map(|t| match t {
                        Target::State { iso3, .. } => Some(iso3.clone()),
                        _ => None,
                    }) else {
                        break;
                    };
                    if !codes.contains(&code) {
                        codes.push(code);
                    }
                    end = mj.end;
                    match matches.get(j + 1) {
                        Some(n) => {
                            let gap = &text[mj.end..n.start.max(mj.end)];
                            if only_joiners(gap) || gap.is_empty() && text[..mj.end].ends_with('-')
                            {
                                j += 1;
                            } else {
                                break;
                            }
                        }
                        None => break,
                    }
                }
                if j > i {
                    actors = codes.iter().filter_map(|c| self.state_actor(c)).collect();
                    span = Span::new(m.start, end);
                    form = "joint";
                    i = j;
                }
            }
            if actors.is_empty() {
                // State adjective or name + title (+ name): "Russian Deputy Foreign Minister
                // Igor Morgulov", "the Japanese foreign minister", "South Korean President Moon".
                let (title_m, title_role, country) = match (state, title) {
                    (_, Some(r)) => (i, Some(r), None),
                    (Some((iso, _)), None) => match next {
                        Some(n)
                            if gap_next
                                .is_some_and(|g| g.trim().is_empty() || g.trim() == "'s")
                                && n.targets.iter().any(|t| matches!(t, Target::Title { .. })) =>
                        {
                            let r = n.targets.iter().find_map(|t| match t {
                                Target::Title { role, .. } => Some(role.as_str()),
                                _ => None,
                            });
                            (i + 1, r, Some(iso))
                        }
                        _ => (i, None, None),
                    },
                    _ => (i, None, None),
                };
                if let Some(role) = title_role {
                    let tm = &matches[title_m];
                    let after = matches.get(title_m + 1);
                    let adjacent_person = after.filter(|n| {
                        text[tm.end..n.start.max(tm.end)].trim().is_empty()
                            && n.targets.iter().any(|t| matches!(t, Target::Person { .. }))
                    });
                    if let Some(pm) = adjacent_person {
                        let ids: Vec<&str> = pm
                            .targets
                            .iter()
                            .filter_map(|t| match t {
                                Target::Person { id, .. } => Some(id.as_str()),
                                _ => None,
                            })
                            .collect();
                        if let Some(p) = self.pick_person(&ids, &full_named, date) {
                            actors.push(self.person_actor(p, date));
                            span = Span::new(m.start, pm.end);
                            form = "title+name";
                            i = title_m + 1;
                        }
                    } else if let Some((ns, ne)) = name_after(text, tm.end)
                        .filter(|(ns, _)| {
                            after.is_none_or(|n| n.start > *ns || n.start > tm.end + 3)
                        })
                        .filter(|(_, ne)| after.is_none_or(|n| n.start >= *ne))
                    {
                        // A title followed by a name the data does not know.
                        let country = country.map(str::to_string).or_else(|| {
                            mentions
                                .last()
                                .filter(|l| l.span.end as usize + 3 >= m.start)
                                .and_then(|l| l.actors.first())
                                .and_then(|a| a.country.clone())
                        });
                        let name = text[ns..ne].to_string();
                        actors.push(Actor {
                            id: format!(
                                "role:{}:{}:{}",
                                country.as_deref().unwrap_or("xxx").to_ascii_lowercase(),
                                role,
                                slug(&name)
                            ),
                            name,
                            kind: ActorKind::Person,
                            country,
                            role: Some(role.to_string()),
                        });
                        span = Span::new(m.start, ne);
                        form = "title+unknown";
                        i = title_m;
                    } else if let (Some(c), Some(d)) = (country, date) {
                        // "the Japanese foreign minister": whoever held the office that day.
                        let holders = self.kb.holders(role, c, d);
                        if let [p] = holders.as_slice() {
                            actors.push(self.person_actor(p, date));
                        } else if let Some(a) = self.state_actor(c) {
                            actors.push(a);
                        }
                        span = Span::new(m.start, tm.end);
                        form = "title";
                        i = title_m;
                    } else if let Some(c) = country {
                        if let Some(a) = self.state_actor(c) {
                            actors.push(a);
                            span = Span::new(m.start, tm.end);
                            form = "title";
                            i = title_m;
                        }
                    }
                }
            }
            // A bare surname that is also a common word ("May", "Moon", "Rice") counts only
            // when the article names the person in full somewhere.
            let surname_only = m
                .targets
                .iter()
                .all(|t| !matches!(t, Target::Person { form, .. } if *form != PersonForm::Surname));
            let in_date = doc
                .timexes
                .iter()
                .any(|x| x.span.overlaps(Span::new(m.start, m.end)));
            // A capitalised surname that is also a word ("Obama", "Moon") names its one
            // holder unless an article precedes it ("the Moon").
            let after_article = ["the", "a", "an", "The", "A", "An"]
                .iter()
                .any(|w| text[..m.start].trim_end().ends_with(&format!(" {w}")));
            let person_ok = !in_date
                && (!surname_only
                    || !m.ambiguous
                    || person_ids.len() == 1 && !after_article
                    || person_ids
                        .iter()
                        .any(|id| full_named.iter().any(|f| f == id)));
            if actors.is_empty() && !person_ids.is_empty() && person_ok {
                if let Some(p) = self.pick_person(&person_ids, &full_named, date) {
                    actors.push(self.person_actor(p, date));
                    form = "person";
                    // "President Moon" matched inside "President Moon Jae-in": take the
                    // whole name, and skip the matches it swallows.
                    let mut end = m.end;
                    for name in std::iter::once(&p.name).chain(p.aliases.iter()) {
                        for (off, _) in text[m.start..m.end].char_indices() {
                            let at = m.start + off;
                            if text[at..].starts_with(name.as_str()) && at + name.len() > end {
                                end = at + name.len();
                            }
                        }
                    }
                    if end > m.end {
                        span = Span::new(m.start, end);
                        while matches.get(i + 1).is_some_and(|n| n.start < end) {
                            i += 1;
                        }
                    }
                }
            }
            if actors.is_empty() {
                if let Some((iso, sf)) = state {
                    let ok = match sf {
                        StateForm::Contextual => {
                            // "the North" only in an article about the Koreas (or the like)
                            mentions_states.iter().any(|c| c == iso)
                                || (iso == "PRK" && mentions_states.iter().any(|c| c == "KOR"))
                                || (iso == "KOR" && mentions_states.iter().any(|c| c == "PRK"))
                        }
                        _ => true,
                    };
                    // A contextual form listed for several states stands for all of them
                    // ("the two Koreas", "both Koreas").
                    let shared: Vec<&str> = m
                        .targets
                        .iter()
                        .filter_map(|t| match t {
                            Target::State {
                                iso3,
                                form: StateForm::Contextual,
                            } => Some(iso3.as_str()),
                            _ => None,
                        })
                        .collect();
                    // "the Korean War", "the Korean Peninsula": a name, not an actor.
                    let proper_name = sf == StateForm::Adjective
                        && NOT_ACTORS_AFTER_ADJECTIVE
                            .iter()
                            .any(|w| text[m.end..].starts_with(w));
                    if ok && sf == StateForm::Contextual && shared.len() > 1 {
                        actors = shared.iter().filter_map(|c| self.state_actor(c)).collect();
                        form = "joint";
                    } else if ok && !proper_name {
                        if let Some(a) = self.state_actor(iso) {
                            actors.push(a);
                            form = match sf {
                                StateForm::Name | StateForm::Short => "name",
                                StateForm::Adjective => "adjective",
                                StateForm::Combining => "joint",
                                StateForm::Capital => "capital",
                                StateForm::Metonym => "metonym",
                                StateForm::Contextual => "contextual",
                            };
                        }
                    }
                }
            }
            // "Seoul's National Security Council": an organisation's alias inside a longer
            // proper name is another body.
            let prev_end = i.checked_sub(1).map_or(0, |j| matches[j].end);
            let org = org.filter(|_| !inside_longer_name(text, m.start, prev_end));
            if actors.is_empty() {
                if let Some(o) = org.and_then(|code| self.kb.org(code)) {
                    if o.kind == "summit" && !o.members.is_empty() {
                        // A summit series named by its states ("China-Japan-South Korea
                        // summit") stands for those states.
                        actors = o
                            .members
                            .iter()
                            .filter_map(|c| self.state_actor(c))
                            .collect();
                        form = "joint";
                    } else if let Some(a) = self.org_actor(&o.code) {
                        actors.push(a);
                        form = "organization";
                        // A small grouping ("the Quad", "AUKUS") also stands for its members.
                        if matches!(o.kind.as_str(), "forum" | "alliance")
                            && (2..=SMALL_GROUPING).contains(&o.members.len())
                        {
                            actors.extend(o.members.iter().filter_map(|c| self.state_actor(c)));
                        }
                    }
                }
            }
            // Places: cities and landmarks (a capital is both a state mention and a place).
            if let Some(idx) = place {
                if let Some(p) = self.kb.places.get(idx) {
                    let keep = p.kind == PlaceKind::Landmark
                        || form == "capital"
                        || actors.is_empty() && p.population >= 100_000
                        || actors.is_empty()
                            && ["in", "at", "to", "near"]
                                .iter()
                                .any(|w| text[..m.start].trim_end().ends_with(&format!(" {w}")));
                    if keep {
                        let s = Span::new(m.start, m.end);
                        places.push(PlaceMention {
                            span: s,
                            sentence: doc.sentence_at(m.start).unwrap_or(0),
                            name: p.name.clone(),
                            country: p.country.clone(),
                            lat: p.lat,
                            lon: p.lon,
                        });
                        if actors.is_empty() {
                            form = "place";
                        }
                    }
                }
            }
            if !actors.is_empty() {
                mentions.push(Mention {
                    span,
                    sentence: doc.sentence_at(span.start()).unwrap_or(0),
                    actors,
                    form: form.to_string(),
                });
            }
            i += 1;
        }
        // "inter-Korean", "North and South Korea": both Koreas.
        let mut extra = Vec::new();
        let both_koreas = BOTH_KOREAS
            .iter()
            .flat_map(|f| text.match_indices(f).map(|(pos, f)| (pos, f.len())));
        for (pos, len) in both_koreas {
            let span = Span::new(pos, pos + len);
            mentions.retain(|m| !m.span.overlaps(span));
            let actors: Vec<Actor> = ["KOR", "PRK"]
                .iter()
                .filter_map(|c| self.state_actor(c))
                .collect();
            extra.push(Mention {
                span,
                sentence: doc.sentence_at(pos).unwrap_or(0),
                actors,
                form: "joint".into(),
            });
        }
        // Plural references resolve to the actors named before them.
        for p in self.plurals.find(text) {
            let span = Span::new(p.start, p.end);
            if mentions.iter().any(|m| m.span.overlaps(span)) {
                continue;
            }
            let actors = if text[p.start..p.end]
                .to_ascii_lowercase()
                .ends_with("koreas")
            {
                Some(
                    ["KOR", "PRK"]
                        .iter()
                        .filter_map(|c| self.state_actor(c))
                        .collect(),
                )
            } else {
                let upto = mentions.partition_point(|m| m.span.end as usize <= p.start);
                let from = upto.saturating_sub(40);
                // "Li, Kishida and Yoon adopted a declaration after their talks", "between
                // Kim and Trump, whose talks stalled after their summit": a possessive
                // pronoun stands for the last list its own sentence names.
                let listed = if p.pronoun {
                    list_before(text, &mentions[from..upto], doc.sentence_at(p.start))
                } else {
                    Vec::new()
                };
                if listed.len() >= 2 {
                    Some(listed)
                } else {
                    resolve(
                        &p,
                        &mentions[from..upto],
                        doc.sentence_at(p.start).unwrap_or(0),
                    )
                }
            };
            if let Some(actors) = actors {
                extra.push(Mention {
                    span,
                    sentence: doc.sentence_at(p.start).unwrap_or(0),
                    actors,
                    form: "plural".into(),
                });
            }
        }
        mentions.extend(extra);
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
        merge_adjective_with_person(text, &mut mentions);
        let pronouns = resolve_pronouns(doc, &mentions);
        mentions.extend(pronouns);
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
        doc.mentions = mentions;
        doc.places = places;
    }
}

impl Stage for Recogniser {
    fn name(&self) -> &'static str {
        "mentions"
    }
    fn reads(&self) -> &'static [Layer] {
        &[Layer::Text, Layer::Sentences]
    }
    fn writes(&self) -> &'static [Layer] {
        &[Layer::Mentions, Layer::Places]
    }
    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        self.recognise(doc);
        Ok(())
    }
}

/// "South Korean President Moon Jae-in": a state adjective or name right before a person of
/// that state joins the person's mention.
fn merge_adjective_with_person(text: &str, mentions: &mut Vec<Mention>) {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions.drain(..) {
        if let Some(prev) = out.last() {
            let gap = &text[prev.span.end()..m.span.start().max(prev.span.end())];
            let gap = gap.trim();
            let joins = (gap.is_empty() || gap == "'s" || gap == "’s")
                && prev.actors.len() == 1
                && prev.actors[0].kind == ActorKind::State
                && m.actors.len() == 1
                && m.actors[0].kind == ActorKind::Person
                && m.actors[0].country == prev.actors[0].country;
            if joins {
                let prev = out.pop().map(|p| p.span.start).unwrap_or(m.span.start);
                out.push(Mention {
                    span: Span {
                        start: prev,
                        end: m.span.end,
                    },
                    ..m
                });
                continue;
            }
        }
        out.push(m);
    }
    *mentions = out;
}

/// The actors of the last list ("X and Y", "X, Y and Z") of two or more states that
/// `earlier` names in `sentence`, one per state, in text order; empty when there is none.
fn list_before(text: &str, earlier: &[Mention], sentence: Option<u32>) -> Vec<Actor> {
    let mut last: Vec<Actor> = Vec::new();
    let mut run: Vec<Actor> = Vec::new();
    let mut prev_end: Option<usize> = None;
    for m in earlier.iter().filter(|m| Some(m.sentence) == sentence) {
        let joined = prev_end.is_some_and(|e| {
            let gap = text
                .get(e..m.span.start().max(e))
                .unwrap_or_default()
                .trim();
            matches!(gap, "," | "and" | ", and" | "&")
        });
        if !joined {
            run.clear();
        }
        for a in m.actors.iter().filter(|a| a.country.is_some()) {
            if !run.iter().any(|x| x.country == a.country) {
                run.push(a.clone());
            }
        }
        if run.len() >= 2 {
            last = run.clone();
        }
        prev_end = Some(m.span.end());
    }
    last.truncate(6);
    last
}

/// Capitalised words that may stand right before a name without being part of it.
const NOT_NAME_PARTS: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "Both",
    "Each",
    "Every",
    "When",
    "While",
    "After",
    "Before",
    "At",
    "In",
    "On",
    "For",
    "With",
    "From",
    "By",
    "As",
    "If",
    "But",
    "And",
    "Or",
    "Since",
    "Under",
    "Then",
    "Also",
    "Last",
    "Next",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
    "Said",
    "Says",
    "Told",
    "Meanwhile",
    "However",
    "Yet",
    "So",
    "Still",
    "Earlier",
    "Later",
    "Now",
    "Today",
    "Instead",
    "Why",
    "How",
    "What",
    "Where",
    "Who",
];

/// True when the match at `start` continues a capitalised word that no earlier match covers
/// ("National Security Council", "Korean Red Cross" for an alias "Security Council", "Red
/// Cross"): the alias is part of a longer name of another body.
fn inside_longer_name(text: &str, start: usize, prev_end: usize) -> bool {
    let head = &text[..start];
    let Some(before) = head.strip_suffix(' ') else {
        return false;
    };
    let word_start = before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |k| {
        k + before[k..].chars().next().map_or(1, char::len_utf8)
    });
    let word = &before[word_start..];
    let capitalised = word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).any(char::is_lowercase);
    capitalised && prev_end <= word_start && !NOT_NAME_PARTS.contains(&word)
}

/// The most member states of a forum or alliance that a mention of it stands for.
const SMALL_GROUPING: usize = 4;

/// Words after a state adjective that make a proper name rather than an actor.
const NOT_ACTORS_AFTER_ADJECTIVE: &[&str] = &[" War", " Peninsula", " peninsula"];

/// Forms that name both Koreas at once.
const BOTH_KOREAS: &[&str] = &[
    "inter-Korean",
    "North and South Korea",
    "South and North Korea",
];

const PRONOUNS: &[&str] = &["He", "She", "he", "she", "His", "Her", "his", "her", "him"];

/// Words after which a name is the subject of a new clause: conjunctions and subordinators;
/// verbs that take a clause ("said Kim had ...") come from `data/kb/reporting_verbs.txt`.
const CLAUSE_OPENERS: &[&str] = &[
    "and", "but", "or", "as", "when", "while", "after", "before", "because", "since", "that", "if",
    "although", "though", "once", "until", "whereas", "where", "so",
];

fn opener(w: &str) -> bool {
    CLAUSE_OPENERS.contains(&w) || crate::verbs::takes_clause(w)
}

/// Lower-case words of a title that may stand between a clause opener and a name
/// ("as North Korean leader Kim").
const TITLE_WORDS: &[&str] = &[
    "leader",
    "president",
    "minister",
    "foreign",
    "prime",
    "defence",
    "defense",
    "secretary",
    "envoy",
    "chief",
    "top",
    "diplomat",
    "counterpart",
    "premier",
    "chancellor",
    "the",
    "former",
];

/// True when a name right after `head` (its sentence up to the name) opens a clause: it
/// starts the sentence or follows a comma, a conjunction or a verb taking a clause, past any
/// title ("as North Korean leader").
fn opens_clause(head: &str) -> bool {
    let mut rest = head.trim_end();
    loop {
        if rest.is_empty() {
            return true;
        }
        if rest.ends_with([',', ';', ':', '—', '–', '"', '“']) {
            return true;
        }
        let start = rest
            .rfind(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
            .map_or(0, |k| {
                k + rest[k..].chars().next().map_or(1, char::len_utf8)
            });
        let w = &rest[start..];
        let lw = w.to_lowercase();
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        if capitalised || TITLE_WORDS.contains(&lw.as_str()) {
            // part of the title or name ("North Korean leader"); "As Kim ..." opens too
            if opener(&lw) {
                return true;
            }
            rest = rest[..start].trim_end();
            continue;
        }
        return opener(&lw);
    }
}

/// Third-person pronouns ("He is scheduled to meet…", "his summit with Trump") resolve to a
/// person: the first person named earlier in the same sentence, else the first person of the
/// nearest earlier sentence (within three) that names one — in news prose, the subject.
fn resolve_pronouns(doc: &Document, mentions: &[Mention]) -> Vec<Mention> {
    let text = doc.text.as_str();
    let mut out = Vec::new();
    for (si, sent) in doc.sentences.iter().enumerate() {
        let Some(s) = sent.span.get(text) else {
            continue;
        };
        let base = sent.span.start();
        let mut pos = 0;
        for w in s.split(|c: char| !c.is_alphanumeric()) {
            let at = base + pos;
            pos += w.len() + 1;
            if !PRONOUNS.contains(&w) {
                continue;
            }
            let span = Span::new(at, at + w.len());
            let person_of = |m: &Mention| {
                m.actors
                    .first()
                    .filter(|a| a.kind == ActorKind::Person && m.actors.len() == 1)
                    .cloned()
            };
            if w == "him" {
                // An object pronoun ("Blinken spoke with Wang Yi and told him"): the last
                // person named before it in its sentence other than the sentence's subject.
                let before: Vec<(usize, Actor)> = mentions
                    .iter()
                    .filter(|m| m.sentence as usize == si && m.span.end() <= at)
                    .filter_map(|m| person_of(m).map(|a| (m.span.start(), a)))
                    .collect();
                // The sentence's subject, when its first person opens it ("Blinken spoke
                // with Wang Yi and told him"; not "a warrant for Putin, accusing him").
                let subject = before
                    .first()
                    .filter(|(start, _)| text.get(base..*start).is_some_and(opens_clause))
                    .map(|(_, a)| a.id.clone());
                let before: Vec<Actor> = before.into_iter().map(|(_, a)| a).collect();
                if let Some(a) = before
                    .iter()
                    .rev()
                    .find(|a| Some(&a.id) != subject.as_ref())
                {
                    out.push(Mention {
                        span,
                        sentence: si as u32,
                        actors: vec![a.clone()],
                        form: "pronoun".into(),
                    });
                }
                continue;
            }
            // The person the pronoun's own clause is about: the last one named before it
            // that opens a clause ("Lavrov's trip took place as Kim was preparing for his
            // first summit"), else the first of the sentence ("Kim will brief Xi on his
            // summit").
            let before: Vec<(usize, Actor)> = mentions
                .iter()
                .filter(|m| m.sentence as usize == si && m.span.end() <= at)
                .filter_map(|m| person_of(m).map(|a| (m.span.start(), a)))
                .collect();
            let same = before
                .iter()
                .rev()
                .find(|(start, _)| text.get(base..*start).is_some_and(opens_clause))
                .or(before.first())
                .map(|(_, a)| a.clone());
            let earlier = || {
                (si.saturating_sub(3)..si).rev().find_map(|j| {
                    mentions
                        .iter()
                        .filter(|m| m.sentence as usize == j)
                        .find_map(person_of)
                })
            };
            if let Some(a) = same.or_else(earlier) {
                out.push(Mention {
                    span,
                    sentence: si as u32,
                    actors: vec![a],
                    form: "pronoun".into(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_before_a_pronoun() {
        let m = |text: &str, name: &str, c: &str| Mention {
            span: {
                let at = text.find(name).unwrap_or(0);
                Span::new(at, at + name.len())
            },
            sentence: 0,
            actors: vec![Actor {
                id: format!("state:{c}"),
                name: name.into(),
                kind: ActorKind::State,
                country: Some(c.into()),
                role: None,
            }],
            form: "name".into(),
        };
        let t1 = "Li, Kishida and Yoon adopted a declaration after their talks.";
        let t2 = "Trump met Kim in Hanoi, after their summit.";
        let t3 = "Moon said Trump and Kim had ended their talks.";
        let t4 = "Lula carried messages between Putin and Zelensky, whose talks stalled after their summit.";
        let cases: [(&str, Vec<Mention>, &[&str]); 4] = [
            (
                t1,
                vec![
                    m(t1, "Li", "CHN"),
                    m(t1, "Kishida", "JPN"),
                    m(t1, "Yoon", "KOR"),
                ],
                &["CHN", "JPN", "KOR"],
            ),
            (t2, vec![m(t2, "Trump", "USA"), m(t2, "Kim", "PRK")], &[]),
            (
                t3,
                vec![
                    m(t3, "Moon", "KOR"),
                    m(t3, "Trump", "USA"),
                    m(t3, "Kim", "PRK"),
                ],
                &["USA", "PRK"],
            ),
            (
                t4,
                vec![
                    m(t4, "Lula", "BRA"),
                    m(t4, "Putin", "RUS"),
                    m(t4, "Zelensky", "UKR"),
                ],
                &["RUS", "UKR"],
            ),
        ];
        for (text, ms, want) in cases {
            let got: Vec<String> = list_before(text, &ms, Some(0))
                .into_iter()
                .filter_map(|a| a.country)
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn clause_openers() {
        // (the sentence up to a name, whether the name opens a clause)
        let cases = [
            ("", true),
            ("Lavrov's previous trip took place as ", true),
            (
                "Lavrov's previous trip took place as North Korean leader ",
                true,
            ),
            ("Merkel will brief ", false),
            ("Merkel will brief French President ", false),
            ("Macron said ", true),
            ("After talks, ", true),
            ("Scholz met ", false),
            ("a visit by ", false),
        ];
        for (head, want) in cases {
            assert_eq!(opens_clause(head), want, "{head:?}");
        }
    }

    #[test]
    fn aliases_inside_longer_names() {
        // (text, alias, end of the match before it, inside a longer name)
        let cases = [
            (
                "Seoul's National Security Council met",
                "Security Council",
                5,
                true,
            ),
            ("National Security Council met", "Security Council", 0, true),
            ("The Security Council met", "Security Council", 0, false),
            ("the UN Security Council met", "Security Council", 6, false),
            (
                "On Friday the Security Council met",
                "Security Council",
                0,
                false,
            ),
            (
                "said Security Council members",
                "Security Council",
                0,
                false,
            ),
        ];
        for (text, alias, prev_end, want) in cases {
            let start = text.find(alias).unwrap_or(0);
            assert_eq!(inside_longer_name(text, start, prev_end), want, "{text}");
        }
    }
}

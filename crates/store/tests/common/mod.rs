//! Generated documents for the store's tests and benchmark: articles of about 3 KB with
//! 20 sentences, about 30 mentions and 3 events, fully deterministic in their number.
#![allow(dead_code)]

use chrono::NaiveDate;
use entente_doc::{
    Actor, ActorKind, Document, EventDate, EventRecord, EventSource, EventStatus, EventType,
    Format, Location, Mention, Mode, Participant, Published, PublishedFrom, Sentence,
};
use entente_text::Span;

/// Countries used by the generator (ISO alpha-3, name, leader id, leader name).
const STATES: &[(&str, &str, &str, &str)] = &[
    ("KOR", "South Korea", "person:moon-jae-in", "Moon Jae-in"),
    ("PRK", "North Korea", "person:kim-jong-un", "Kim Jong-un"),
    (
        "USA",
        "the United States",
        "person:donald-trump",
        "Donald Trump",
    ),
    ("CHN", "China", "person:xi-jinping", "Xi Jinping"),
    ("JPN", "Japan", "person:shinzo-abe", "Shinzo Abe"),
    ("RUS", "Russia", "person:vladimir-putin", "Vladimir Putin"),
    (
        "TUR",
        "Turkey",
        "person:recep-tayyip-erdogan",
        "Recep Tayyip Erdoğan",
    ),
    (
        "VNM",
        "Vietnam",
        "person:nguyen-phu-trong",
        "Nguyen Phu Trong",
    ),
    ("IND", "India", "person:narendra-modi", "Narendra Modi"),
    ("FRA", "France", "person:emmanuel-macron", "Emmanuel Macron"),
    ("DEU", "Germany", "person:angela-merkel", "Angela Merkel"),
    ("BRA", "Brazil", "person:jair-bolsonaro", "Jair Bolsonaro"),
];

/// A small deterministic generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

pub fn state(code: &str) -> Actor {
    let (c, name, _, _) = STATES
        .iter()
        .find(|s| s.0 == code)
        .copied()
        .unwrap_or(STATES[0]);
    Actor {
        id: format!("state:{}", c.to_ascii_lowercase()),
        name: name.trim_start_matches("the ").to_string(),
        kind: ActorKind::State,
        country: Some(c.to_string()),
        role: None,
    }
}

pub fn leader(code: &str) -> Actor {
    let (c, _, id, name) = STATES
        .iter()
        .find(|s| s.0 == code)
        .copied()
        .unwrap_or(STATES[0]);
    Actor {
        id: id.to_string(),
        name: name.to_string(),
        kind: ActorKind::Person,
        country: Some(c.to_string()),
        role: Some("president".into()),
    }
}

pub fn participant(a: &Actor, role: &str) -> Participant {
    Participant {
        actor: a.id.clone(),
        name: a.name.clone(),
        kind: a.kind,
        country: a.country.clone(),
        role: Some(role.to_string()),
    }
}

/// Article number `n`: about 3 KB, 20 sentences, ~30 mentions, 3 events (ids left empty).
pub fn article(n: usize) -> Document {
    let mut rng = Rng::new(n as u64);
    let date = NaiveDate::from_ymd_opt(2018, 1, 1).unwrap() + chrono::Days::new((n % 1500) as u64);
    let mut text = String::with_capacity(3200);
    let mut sentences = Vec::new();
    let mut mentions = Vec::new();
    let mut involved: Vec<usize> = Vec::new();
    for s in 0..20u32 {
        let start = text.len();
        let a = rng.below(STATES.len());
        let b = (a + 1 + rng.below(STATES.len() - 1)) % STATES.len();
        involved.push(a);
        involved.push(b);
        let (_, a_name, _, a_leader) = STATES[a];
        let (_, b_name, _, _) = STATES[b];
        let push = |text: &mut String,
                    mentions: &mut Vec<Mention>,
                    word: &str,
                    actor: Actor,
                    form: &str| {
            let at = text.len();
            text.push_str(word);
            mentions.push(Mention {
                span: Span::new(at, text.len()),
                sentence: s,
                actors: vec![actor],
                form: form.to_string(),
            });
        };
        if s == 0 {
            text.push_str("Leaders gather as talks resume");
        } else if s % 2 == 1 {
            text.push_str("Officials said on Tuesday that ");
            push(
                &mut text,
                &mut mentions,
                a_leader,
                leader(STATES[a].0),
                "name",
            );
            text.push_str(" would continue discussions with ");
            push(&mut text, &mut mentions, b_name, state(STATES[b].0), "name");
            text.push_str(" in the coming weeks, according to people familiar with the plans.");
        } else {
            text.push_str("Diplomats in ");
            push(&mut text, &mut mentions, a_name, state(STATES[a].0), "name");
            text.push_str(
                " said talks about trade, security and the wider situation in the region \
                           would go on, while the delegation signalled a cautious approach.",
            );
        }
        sentences.push(Sentence {
            span: Span::new(start, text.len()),
            caption: s == 19,
            headline: s == 0,
            first_token: 0,
            end_token: 0,
        });
        text.push(' ');
    }
    text.pop();
    let key = format!("article-{n:07}");
    let published = Published {
        date,
        datetime: Some(format!("{date}T09:14:00+09:00")),
        from: PublishedFrom::Metadata,
    };
    let mut events = Vec::new();
    for k in 0..3usize {
        let a = STATES[involved[2 * k + 2]].0;
        let b = STATES[involved[2 * k + 3]].0;
        let mut countries = vec![a.to_string(), b.to_string()];
        countries.sort();
        countries.dedup();
        let sentence = (k + 1) as u32;
        let span = sentences[sentence as usize].span;
        let event_type = [EventType::Consult, EventType::Agree, EventType::Accuse][k];
        let day = date + chrono::Days::new(k as u64);
        events.push(EventRecord {
            id: String::new(),
            event_type,
            mode: (k == 0).then_some(Mode::Visit),
            kind: ["summit", "agreement", "criticism"][k].to_string(),
            cameo: event_type.cameo_root().to_string(),
            status: [
                EventStatus::Occurred,
                EventStatus::Planned,
                EventStatus::Occurred,
            ][k],
            participants: vec![
                participant(&leader(a), "source president"),
                participant(&state(b), "target"),
            ],
            countries,
            orgs: if k == 1 { vec!["UN".into()] } else { vec![] },
            date: (k != 2).then(|| EventDate {
                start: day.to_string(),
                end: (day + chrono::Days::new(1)).to_string(),
                precision: "day".into(),
                text: Some("on Tuesday".into()),
            }),
            location: (k == 0).then(|| Location {
                name: "Hanoi".into(),
                country: Some("VNM".into()),
                lat: Some(21.0285),
                lon: Some(105.8542),
            }),
            sources: vec![EventSource {
                doc: key.clone(),
                sentence,
                text: span.get(&text).unwrap_or("").to_string(),
                start: span.start,
                end: span.end,
                published: Some(date.to_string()),
            }],
            confidence: 0.5 + 0.1 * k as f32,
        });
    }
    let mut extra = serde_json::Map::new();
    extra.insert("lang".into(), serde_json::Value::String("en".into()));
    Document {
        key,
        path: Some("corpus/feed.jsonl".into()),
        line: Some(n + 1),
        format: Some(Format::Jsonl),
        url: Some(format!("https://news.example.org/{n}")),
        source: Some(["Yonhap", "Reuters", "VnExpress"][n % 3].into()),
        title: Some(text[..sentences[0].span.end()].to_string()),
        published: Some(published),
        body: text.clone(),
        extra,
        map: vec![(0, 0)],
        captions: vec![sentences[19].span],
        text,
        sentences,
        mentions,
        events,
        ..Document::default()
    }
}

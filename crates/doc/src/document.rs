//! The document and its layers.

use chrono::NaiveDate;
use entente_text::{Ranged, Span};
use serde::{Deserialize, Serialize};

/// The input format a document was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A plain UTF-8 text file whose first non-empty line is the title.
    Text,
    /// An HTML page (main content extracted).
    Html,
    /// A JSON Lines feed (one article per line).
    Jsonl,
}

impl Format {
    /// The lower-case name used in output and in the store.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
        }
    }
}

/// Where a publication date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PublishedFrom {
    /// Metadata: a JSON field, an HTML meta tag, JSON-LD.
    Metadata,
    /// A date line detected in the text ("Published: 2019-02-27 09:14 KST").
    Text,
    /// The date in the file name, feed key or URL path (`2018-05-27-summit.txt`).
    Name,
    /// The `--published` option.
    CommandLine,
}

impl PublishedFrom {
    /// The kebab-case name used in output and in the store.
    pub fn as_str(self) -> &'static str {
        match self {
            PublishedFrom::Metadata => "metadata",
            PublishedFrom::Text => "text",
            PublishedFrom::Name => "name",
            PublishedFrom::CommandLine => "command-line",
        }
    }
}

/// A publication date and its provenance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    /// The local calendar date of publication.
    pub date: NaiveDate,
    /// The date-time as found, when there was one.
    pub datetime: Option<String>,
    /// Where it came from.
    pub from: PublishedFrom,
}

/// Index of a sentence in [`Document::sentences`].
pub type SentenceId = u32;
/// Index of a mention in [`Document::mentions`].
pub type MentionId = u32;

/// A sentence (or a headline / caption line, which are sentences too).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Span in [`Document::text`].
    pub span: Span,
    /// The sentence is (part of) an image caption.
    pub caption: bool,
    /// The sentence is a headline or a line without final punctuation.
    pub headline: bool,
    /// First token of the sentence in [`Document::tokens`].
    pub first_token: u32,
    /// One past the last token of the sentence.
    pub end_token: u32,
}

impl Ranged for Sentence {
    fn span(&self) -> Span {
        self.span
    }
}

/// A token: a word, number or punctuation mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Span in [`Document::text`].
    pub span: Span,
}

impl Ranged for Token {
    fn span(&self) -> Span {
        self.span
    }
}

/// A time expression normalized against the publication date (the time stage's layer).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    /// Span in [`Document::text`].
    pub span: Span,
    /// TIMEX3 type: DATE, TIME, DURATION or SET.
    pub kind: String,
    /// TIMEX3 value ("2019-02-27", "2019-W07", "P3D", "FUTURE_REF").
    pub value: String,
    /// TIMEX3 modifier (START, MID, END, APPROX…).
    pub modifier: Option<String>,
    /// First day of the normalized interval.
    pub start: Option<NaiveDate>,
    /// Last day of the normalized interval (inclusive).
    pub end: Option<NaiveDate>,
    /// Precision: day, week, month, quarter, half, season, year, decade, century, time, unknown.
    pub precision: String,
    /// A vague reference ("soon", "recently").
    pub vague: bool,
    /// Tense judgement the normalizer used: future (true), past (false) or none.
    pub future: Option<bool>,
}

impl Ranged for Timex {
    fn span(&self) -> Span {
        self.span
    }
}

/// The kind of an actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A person (with a role on the document's date when known).
    Person,
    /// A state.
    State,
    /// An international organisation.
    Organization,
}

impl ActorKind {
    /// The lower-case name used in output and in the store.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::State => "state",
            ActorKind::Organization => "organization",
        }
    }
}

/// A resolved actor: who a mention refers to.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Actor {
    /// Stable id: `state:kor`, `org:nato`, `person:moon-jae-in`, or for a person known only by
    /// title and country `role:rus:deputy_foreign_minister:igor-morgulov`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Person, state or organization.
    pub kind: ActorKind,
    /// ISO alpha-3 code of the actor's state (for a person, the state they serve).
    pub country: Option<String>,
    /// Role key on the document's date (`president`, `foreign_minister`…), for people.
    pub role: Option<String>,
}

/// A mention of one or more actors in the text.
///
/// A joint form ("Sino-Japanese", "US-Japan-Australia-India") is one mention with several
/// actors; a plural reference ("the two presidents") resolves to the participants in context.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Span in [`Document::text`].
    pub span: Span,
    /// Sentence containing the mention.
    pub sentence: SentenceId,
    /// The actors referred to (one for most mentions).
    pub actors: Vec<Actor>,
    /// How the text refers to them: name, adjective, capital, metonym, title, joint, plural…
    pub form: String,
}

impl Ranged for Mention {
    fn span(&self) -> Span {
        self.span
    }
}

/// A place named in the text, resolved through the gazetteer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    /// Span in [`Document::text`].
    pub span: Span,
    /// Sentence containing the place.
    pub sentence: SentenceId,
    /// Place name as in the gazetteer.
    pub name: String,
    /// ISO alpha-3 code of its country.
    pub country: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
}

impl Ranged for PlaceMention {
    fn span(&self) -> Span {
        self.span
    }
}

/// One news article and every layer the pipeline has added to it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Document {
    /// External key: the JSON Lines `id`, or the file name.
    pub key: String,
    /// Path of the file it was read from (`-` for standard input).
    pub path: Option<String>,
    /// Line number in a JSON Lines file (1-based).
    pub line: Option<usize>,
    /// Input format.
    pub format: Option<Format>,
    /// Article URL.
    pub url: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Publication date, when known.
    pub published: Option<Published>,
    /// The body as read (plain text, JSON `text`, or the main text extracted from HTML).
    pub body: String,
    /// Unknown JSON Lines fields, kept as they were.
    pub extra: serde_json::Map<String, serde_json::Value>,
    /// Cleaned text; frozen once written, every later span indexes into it.
    pub text: String,
    /// Maps offsets of `text` back to `body`, as `(text_offset, body_offset)` anchor pairs at
    /// the start of every unchanged stretch; offsets between anchors are shifted alike.
    pub map: Vec<(u32, u32)>,
    /// Caption spans in `text`.
    pub captions: Vec<Span>,
    /// Sentences, in text order, covering the text without overlap.
    pub sentences: Vec<Sentence>,
    /// Tokens, in text order.
    pub tokens: Vec<Token>,
    /// Time expressions.
    pub timexes: Vec<Timex>,
    /// Actor mentions, in text order.
    pub mentions: Vec<Mention>,
    /// Place mentions, in text order.
    pub places: Vec<PlaceMention>,
    /// Events extracted from this document (ids not yet assigned).
    pub events: Vec<crate::EventRecord>,
}

impl Document {
    /// The publication date, if known.
    pub fn published_date(&self) -> Option<NaiveDate> {
        self.published.as_ref().map(|p| p.date)
    }

    /// Maps a span of [`Document::text`] back to [`Document::body`].
    pub fn source_span(&self, span: Span) -> Span {
        let a = self.to_source(span.start());
        let b = self.to_source(span.end());
        Span::new(a, b.max(a))
    }

    /// Maps one offset of [`Document::text`] back to [`Document::body`].
    pub fn to_source(&self, offset: usize) -> usize {
        if self.map.is_empty() {
            return offset;
        }
        let o = offset as u32;
        let i = self.map.partition_point(|&(t, _)| t <= o);
        if i == 0 {
            return offset;
        }
        let (t, b) = self.map[i - 1];
        (b + (o - t)) as usize
    }

    /// The sentence with the given id.
    pub fn sentence_text(&self, id: SentenceId) -> &str {
        self.sentences
            .get(id as usize)
            .and_then(|s| s.span.get(&self.text))
            .unwrap_or("")
    }

    /// Index of the sentence containing byte `offset` of the text.
    pub fn sentence_at(&self, offset: usize) -> Option<SentenceId> {
        let o = offset as u32;
        let i = self.sentences.partition_point(|s| s.span.end <= o);
        let s = self.sentences.get(i)?;
        (s.span.start <= o).then_some(i as SentenceId)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_offsets_follow_anchor_pairs() {
        let doc = Document {
            // body "ab  cd": text "ab cd" with the second space removed
            body: "ab  cd".into(),
            text: "ab cd".into(),
            map: vec![(0, 0), (3, 4)],
            ..Document::default()
        };
        assert_eq!(doc.to_source(0), 0);
        assert_eq!(doc.to_source(2), 2);
        assert_eq!(doc.to_source(3), 4);
        assert_eq!(&doc.body.as_str()[doc.source_span(Span::new(3, 5))], "cd");
    }

    #[test]
    fn sentence_lookup() {
        let doc = Document {
            text: "One. Two.".into(),
            sentences: vec![
                Sentence {
                    span: Span::new(0, 4),
                    caption: false,
                    headline: false,
                    first_token: 0,
                    end_token: 0,
                },
                Sentence {
                    span: Span::new(5, 9),
                    caption: false,
                    headline: false,
                    first_token: 0,
                    end_token: 0,
                },
            ],
            ..Document::default()
        };
        assert_eq!(doc.sentence_at(1), Some(0));
        assert_eq!(doc.sentence_at(4), None);
        assert_eq!(doc.sentence_at(6), Some(1));
        assert_eq!(doc.sentence_text(1), "Two.");
    }
}

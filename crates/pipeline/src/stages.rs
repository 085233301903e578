//! Stage adapters for the crates that are plain libraries (cleaning, time tagging), and the
//! conversion of a read article into a document.

use entente_clean::Cleaner;
use entente_doc::{Document, Format, Layer, Published, PublishedFrom, Stage, StageError, Timex};
use entente_read::Article;
use entente_text::Span;
use entente_time::{Precision, Tagger, TimexKind};

/// Turns a read article into a document with its body and metadata (the reader's layer).
pub fn document_from_article(a: Article) -> Document {
    let format = match a.format {
        entente_read::Format::Text => Format::Text,
        entente_read::Format::Html => Format::Html,
        entente_read::Format::Jsonl => Format::Jsonl,
    };
    let published = a.published.map(|p| Published {
        date: p.date,
        datetime: p.datetime,
        from: match p.from {
            entente_read::PublishedFrom::Metadata => PublishedFrom::Metadata,
            entente_read::PublishedFrom::Text => PublishedFrom::Text,
            entente_read::PublishedFrom::Name => PublishedFrom::Name,
            entente_read::PublishedFrom::CommandLine => PublishedFrom::CommandLine,
        },
    });
    let mut doc = Document {
        key: a.key,
        path: Some(a.origin.path.display().to_string()),
        line: a.origin.line,
        format: Some(format),
        url: a.url,
        source: a.source,
        title: a.title,
        published,
        body: a.body,
        extra: a.extra,
        ..Document::default()
    };
    // Caption hints from the reader travel in `captions` until cleaning maps them.
    doc.captions = a.caption_hints;
    doc
}

/// Cleaning: removes boilerplate, marks captions, keeps the offset map.
pub struct CleanStage {
    cleaner: Cleaner,
}

impl CleanStage {
    /// Wraps a cleaner.
    pub fn new(cleaner: Cleaner) -> CleanStage {
        CleanStage { cleaner }
    }
}

impl Stage for CleanStage {
    fn name(&self) -> &'static str {
        "text"
    }
    fn reads(&self) -> &'static [Layer] {
        &[Layer::Body]
    }
    fn writes(&self) -> &'static [Layer] {
        &[Layer::Text]
    }
    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        let hints = std::mem::take(&mut doc.captions);
        let cleaned = self.cleaner.clean(&doc.body, &hints);
        doc.map = cleaned
            .map
            .segments()
            .iter()
            .map(|seg| (seg.clean.start, seg.source.start))
            .collect();
        doc.text = cleaned.text;
        doc.captions = cleaned.captions;
        Ok(())
    }
}

/// Time expressions, normalized against the publication date.
pub struct TimeStage {
    tagger: Tagger,
}

impl TimeStage {
    /// Wraps a tagger.
    pub fn new(tagger: Tagger) -> TimeStage {
        TimeStage { tagger }
    }
}

fn precision_name(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Week => "week",
        Precision::Month => "month",
        Precision::Quarter => "quarter",
        Precision::Half => "half",
        Precision::Season => "season",
        Precision::Year => "year",
        Precision::Decade => "decade",
        Precision::Century => "century",
        // a time of day dates its day
        Precision::Time => "day",
        Precision::Unknown => "unknown",
    }
}

fn kind_name(k: TimexKind) -> &'static str {
    match k {
        TimexKind::Date => "DATE",
        TimexKind::Time => "TIME",
        TimexKind::Duration => "DURATION",
        TimexKind::Set => "SET",
    }
}

impl Stage for TimeStage {
    fn name(&self) -> &'static str {
        "timexes"
    }
    fn reads(&self) -> &'static [Layer] {
        &[Layer::Text]
    }
    fn writes(&self) -> &'static [Layer] {
        &[Layer::Timexes]
    }
    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        // An undated article keeps only expressions that name their year; relative ones
        // ("next week") cannot be resolved and are dropped rather than guessed.
        let (dct, dated) = match doc.published_date() {
            Some(d) => (d, true),
            None => (
                chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default(),
                false,
            ),
        };
        let found = self.tagger.tag(&doc.text, dct);
        doc.timexes = found
            .into_iter()
            .filter(|t| dated || t.text.bytes().filter(u8::is_ascii_digit).count() >= 4)
            .map(|t| Timex {
                span: Span::new(t.start, t.end),
                kind: kind_name(t.kind).to_string(),
                value: t.value,
                modifier: t.modifier,
                start: t.interval.map(|i| i.start),
                end: t.interval.map(|i| i.end),
                precision: precision_name(t.precision).to_string(),
                vague: t.vague,
                future: t.future,
            })
            .collect();
        Ok(())
    }
}

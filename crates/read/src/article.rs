//! The article record and how each format fills it.

use crate::date::{date_in_name, date_in_url, detect_in_text_hinted, parse_date_value, FoundDate};
use crate::error::ReadErrorKind;
use crate::html::read_html;
use chrono::NaiveDate;
use entente_text::Span;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The kind of file an article came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text (`.txt`, `.text`, `.md`).
    Text,
    /// An HTML page (`.html`, `.htm`).
    Html,
    /// One line of a JSON Lines file (`.jsonl`, `.ndjson`), whether it carried `text` or `html`.
    Jsonl,
}

/// Where an article was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// The file, or `-` for standard input.
    pub path: PathBuf,
    /// The 1-based line of a JSONL file.
    pub line: Option<usize>,
}

/// Where the publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PublishedFrom {
    /// A metadata field: JSONL `published`, an HTML meta tag, JSON-LD or `<time datetime>`.
    Metadata,
    /// A date line near the top of the text ("Published: 2019-02-27 09:14 KST").
    Text,
    /// The date in the file name or feed key (`2018-05-27-summit.txt`) or in the URL's path
    /// (`…/2018/05/27/summit`).
    Name,
    /// The `--published` fallback given by the user.
    CommandLine,
}

/// An article's publication date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    /// The local date as written (never shifted between time zones).
    pub date: NaiveDate,
    /// Date and time in ISO 8601 when a time was found (`2019-02-27T09:14:00+09:00`; the offset
    /// only when the source gave one).
    pub datetime: Option<String>,
    /// Where it came from.
    pub from: PublishedFrom,
}

impl Published {
    fn found(f: FoundDate, from: PublishedFrom) -> Published {
        Published {
            date: f.date,
            datetime: f.datetime,
            from,
        }
    }
}

/// One article as read, before cleaning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable key: the JSONL `id` when present, else the file name with extension
    /// (`2019-02-08-hanoi.txt`), or `<file name>#<line>` for a JSONL line without `id`.
    pub key: String,
    /// File and line.
    pub origin: Origin,
    /// Kind of input.
    pub format: Format,
    /// URL of the article, when known.
    pub url: Option<String>,
    /// Publisher or site name, when known.
    pub source: Option<String>,
    /// Headline: first non-empty line of a text file, `og:title`/`<title>`/`<h1>` of a page,
    /// JSONL `title`.
    pub title: Option<String>,
    /// Publication date: metadata, else a date line in the text, else `--published`.
    pub published: Option<Published>,
    /// The article text as read: a text file's content (title line included, byte-order mark
    /// dropped), the JSONL `text`, or for HTML the main-content text with paragraphs separated by
    /// `"\n\n"` and figure captions as paragraphs of their own.
    pub body: String,
    /// Spans of `body` known to be captions (from `<figcaption>`).
    pub caption_hints: Vec<Span>,
    /// JSONL fields we do not interpret, kept as they were.
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Longest first line still taken for a title of a plain-text article.
const MAX_TITLE_BYTES: usize = 300;

/// The publication date, in order: metadata; a date line of the text (read with the date of
/// the file name or key, else of the URL, as a hint, see
/// [`crate::date::detect_in_text_hinted`]); the date of the file name or key
/// (`2018-05-27-summit.txt`) or else of the URL's path (`…/2018/05/27/summit`), both reported
/// as [`PublishedFrom::Name`]; the `--published` fallback.
fn published_or(
    meta: Option<FoundDate>,
    body: &str,
    name: &str,
    url: Option<&str>,
    fallback: Option<NaiveDate>,
) -> Option<Published> {
    let hint = date_in_name(name).or_else(|| url.and_then(date_in_url));
    meta.map(|f| Published::found(f, PublishedFrom::Metadata))
        .or_else(|| {
            detect_in_text_hinted(body, hint.or(fallback))
                .map(|f| Published::found(f, PublishedFrom::Text))
        })
        .or_else(|| {
            hint.map(|date| Published {
                date,
                datetime: None,
                from: PublishedFrom::Name,
            })
        })
        .or_else(|| {
            fallback.map(|date| Published {
                date,
                datetime: None,
                from: PublishedFrom::CommandLine,
            })
        })
}

/// Builds the article of a plain-text file.
pub(crate) fn text_article(
    key: String,
    origin: Origin,
    mut body: String,
    fallback: Option<NaiveDate>,
) -> Result<Article, ReadErrorKind> {
    if body.starts_with('\u{feff}') {
        body.drain(..'\u{feff}'.len_utf8());
    }
    if body.trim().is_empty() {
        return Err(ReadErrorKind::Empty);
    }
    let title = body
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .filter(|l| l.len() <= MAX_TITLE_BYTES)
        .map(str::to_string);
    let published = published_or(None, &body, &key, None, fallback);
    Ok(Article {
        key,
        origin,
        format: Format::Text,
        url: None,
        source: None,
        title,
        published,
        body,
        caption_hints: Vec::new(),
        extra: serde_json::Map::new(),
    })
}

/// Builds the article of an HTML page.
pub(crate) fn html_article(
    key: String,
    origin: Origin,
    html: &str,
    fallback: Option<NaiveDate>,
) -> Result<Article, ReadErrorKind> {
    let page = read_html(html);
    if page.body.trim().is_empty() {
        return Err(ReadErrorKind::Empty);
    }
    let published = published_or(
        page.published,
        &page.body,
        &key,
        page.url.as_deref(),
        fallback,
    );
    Ok(Article {
        key,
        origin,
        format: Format::Html,
        url: page.url,
        source: page.source,
        title: page.title,
        published,
        body: page.body,
        caption_hints: page.caption_hints,
        extra: serde_json::Map::new(),
    })
}

/// JSONL keys read as the publication date, in order.
const PUBLISHED_KEYS: &[&str] = &["published", "published_at", "publish_date", "date"];

/// Takes a string field out of `obj`; a non-string value stays in `obj` (it ends in `extra`).
fn take_string(obj: &mut serde_json::Map<String, serde_json::Value>, key: &str) -> Option<String> {
    match obj.get(key) {
        Some(serde_json::Value::String(_)) => match obj.remove(key) {
            Some(serde_json::Value::String(s)) => Some(s),
            _ => None,
        },
        Some(serde_json::Value::Null) => {
            obj.remove(key);
            None
        }
        _ => None,
    }
}

/// Builds the article of one JSONL object (`line` is 1-based).
pub(crate) fn jsonl_article(
    file_name: &str,
    origin: Origin,
    mut obj: serde_json::Map<String, serde_json::Value>,
    fallback: Option<NaiveDate>,
) -> Result<Article, ReadErrorKind> {
    let line = origin.line.unwrap_or(0);
    let key = match obj.get("id") {
        Some(serde_json::Value::String(s)) if !s.is_empty() => Some(s.clone()),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let key = match key {
        Some(k) => {
            obj.remove("id");
            k
        }
        None => format!("{file_name}#{line}"),
    };
    let mut url = take_string(&mut obj, "url");
    let mut source = take_string(&mut obj, "source");
    let mut title = take_string(&mut obj, "title");
    let mut meta_date = None;
    for k in PUBLISHED_KEYS {
        let parsed = obj
            .get(*k)
            .and_then(|v| v.as_str())
            .and_then(parse_date_value);
        if let Some(found) = parsed {
            obj.remove(*k);
            meta_date = Some(found);
            break;
        }
    }
    let had_text = matches!(obj.get("text"), Some(serde_json::Value::String(_)));
    let text = take_string(&mut obj, "text").filter(|t| !t.trim().is_empty());
    let (body, caption_hints) = match text {
        Some(text) => (text, Vec::new()),
        None => {
            let Some(html) = take_string(&mut obj, "html") else {
                return Err(if had_text {
                    ReadErrorKind::Empty
                } else {
                    ReadErrorKind::MissingField {
                        field: "text",
                        expected: "a string (or an 'html' string)",
                    }
                });
            };
            let page = read_html(&html);
            url = url.or(page.url);
            source = source.or(page.source);
            title = title.or(page.title);
            meta_date = meta_date.or(page.published);
            (page.body, page.caption_hints)
        }
    };
    if body.trim().is_empty() {
        return Err(ReadErrorKind::Empty);
    }
    let published = published_or(meta_date, &body, &key, url.as_deref(), fallback);
    Ok(Article {
        key,
        origin,
        format: Format::Jsonl,
        url,
        source,
        title,
        published,
        body,
        caption_hints,
        extra: obj,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin(line: Option<usize>) -> Origin {
        Origin {
            path: "x".into(),
            line,
        }
    }

    fn obj(json: &str) -> serde_json::Map<String, serde_json::Value> {
        serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"))
    }

    #[test]
    fn text_titles_and_dates() {
        let fallback = NaiveDate::from_ymd_opt(2020, 1, 1);
        // (body, title, date, from)
        let table = [
            (
                "\u{feff}\n  Kim visits Hanoi  \nPublished: 2019-02-27\nBody.",
                Some("Kim visits Hanoi"),
                "2019-02-27",
                PublishedFrom::Text,
            ),
            (
                "Talks\n\nThe leaders met on June 12, 2018 in Singapore to talk.",
                Some("Talks"),
                "2020-01-01",
                PublishedFrom::CommandLine,
            ),
        ];
        for (body, title, date, from) in table {
            let a = text_article("k".into(), origin(None), body.into(), fallback)
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(a.title.as_deref(), title);
            let p = a
                .published
                .unwrap_or_else(|| panic!("no date for {body:?}"));
            assert_eq!((p.date.to_string().as_str(), p.from), (date, from));
            assert!(!a.body.starts_with('\u{feff}'));
        }
        assert!(matches!(
            text_article("k".into(), origin(None), " \n\t".into(), None),
            Err(ReadErrorKind::Empty)
        ));
    }

    #[test]
    fn a_date_from_the_file_name_says_so() {
        let fallback = NaiveDate::from_ymd_opt(2020, 1, 1);
        let a = text_article(
            "2018-05-27-summit.txt".into(),
            origin(None),
            "Talks\n\nThe leaders met in Panmunjom.".into(),
            fallback,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let p = a.published.unwrap_or_else(|| panic!("no date"));
        assert_eq!(
            (p.date.to_string().as_str(), p.from),
            ("2018-05-27", PublishedFrom::Name)
        );
    }

    #[test]
    fn dates_from_urls() {
        // (JSONL line, date): the URL's date is a hint and a last resort like the key's
        let table = [
            (
                r#"{"id": "a1", "url": "https://wire.example.net/2018/05/27/summit", "text": "Moon met Kim."}"#,
                Some("2018-05-27"),
            ),
            (
                r#"{"id": "a1", "url": "https://wire.example.net/2018/05/27/summit", "text": "Seoul, May 26 (Staff) -- Moon met Kim."}"#,
                Some("2018-05-26"),
            ),
            (
                r#"{"id": "a1", "url": "https://wire.example.net/story/77", "text": "Moon met Kim."}"#,
                None,
            ),
        ];
        for (line, want) in table {
            let a = jsonl_article("f.jsonl", origin(Some(1)), obj(line), None)
                .unwrap_or_else(|e| panic!("{e}"));
            let got = a.published.map(|p| p.date.to_string());
            assert_eq!(got.as_deref(), want, "{line}");
        }
    }

    #[test]
    fn dates_from_file_names() {
        // (key, body, date): the name is a hint for the text and the last resort before the
        // command line.
        let table = [
            (
                "2018-05-27-summit.txt",
                "Summit\n\nMoon met Kim.",
                "2018-05-27",
            ),
            (
                "2018-05-27-summit.txt",
                "Summit\n\nSeoul, May 27 (Staff) -- Moon met Kim.",
                "2018-05-27",
            ),
            (
                "2018-05-04-spun.txt",
                "Wang meets Kim\n\nPosted on 04/05/2018 08:30\n\nBody.",
                "2018-05-04",
            ),
            (
                "2018-05-04-spun.txt",
                "Wang meets Kim\n\nPublished: 2018-05-03\n\nBody.",
                "2018-05-03",
            ),
            ("summit.txt", "Summit\n\nMoon met Kim.", "2020-01-01"),
        ];
        for (key, body, date) in table {
            let a = text_article(
                key.into(),
                origin(None),
                body.into(),
                NaiveDate::from_ymd_opt(2020, 1, 1),
            )
            .unwrap_or_else(|e| panic!("{e}"));
            let p = a
                .published
                .unwrap_or_else(|| panic!("no date for {body:?}"));
            assert_eq!(p.date.to_string(), date, "{key} {body:?}");
        }
    }

    #[test]
    fn jsonl_fields() {
        let a = jsonl_article(
            "f.jsonl",
            origin(Some(4)),
            obj(
                r#"{"id": 17, "title": "T", "published": "2019-02-27T09:14:00+09:00",
                    "text": "Body text.", "lang": "en", "url": null}"#,
            ),
            None,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(a.key, "17");
        assert_eq!(a.title.as_deref(), Some("T"));
        let p = a.published.unwrap_or_else(|| panic!("no date"));
        assert_eq!(p.from, PublishedFrom::Metadata);
        assert_eq!(p.datetime.as_deref(), Some("2019-02-27T09:14:00+09:00"));
        assert_eq!(a.extra.len(), 1);
        assert_eq!(a.extra["lang"], "en");

        let a = jsonl_article(
            "f.jsonl",
            origin(Some(2)),
            obj(r#"{"published": "someday", "text": "x"}"#),
            None,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(a.key, "f.jsonl#2");
        assert_eq!(a.extra["published"], "someday");
        assert_eq!(a.published, None);

        let a = jsonl_article(
            "f.jsonl",
            origin(Some(3)),
            obj(r#"{"html": "<html><head><title>Leaders meet | Site</title></head><body><p>Para one.</p><figure><figcaption>Cap</figcaption></figure></body></html>"}"#),
            None,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(a.format, Format::Jsonl);
        assert_eq!(a.title.as_deref(), Some("Leaders meet"));
        assert_eq!(a.caption_hints.len(), 1);
        assert_eq!(&a.body[a.caption_hints[0].range()], "Cap");

        let missing = jsonl_article("f.jsonl", origin(Some(1)), obj(r#"{"id": "a"}"#), None);
        assert!(matches!(
            missing,
            Err(ReadErrorKind::MissingField { field: "text", .. })
        ));
        let empty = jsonl_article("f.jsonl", origin(Some(1)), obj(r#"{"text": "  "}"#), None);
        assert!(matches!(empty, Err(ReadErrorKind::Empty)));
    }
}

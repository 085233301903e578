//! HTML pages: metadata from the head, main content from the body.
//!
//! One parse per page ([`dom_query`], html5ever underneath). Metadata (title, URL, site name,
//! publication date) is read first, because the main-content extractor rewrites the tree.
//! The main content is found by [`dom_smoothie`], a port of Mozilla's Readability; its cleaned
//! article fragment is then turned into text by [`TextWalker`], which writes one paragraph per
//! block element separated by `"\n\n"`, keeps `<figcaption>` text as paragraphs of its own and
//! records their spans as caption hints.
//!
//! Why dom_smoothie rather than rs-trafilatura: on the article-extraction benchmark both clear
//! the 0.95 F1 bar once their text is laid out by paragraphs (see [`crate::eval`]), but
//! dom_smoothie is about five times faster, builds with half the dependencies, and shares its
//! HTML tree crate with our metadata reader so each page is parsed once.
//! When Readability finds no article (tiny or odd pages) the whole `<body>` is walked instead,
//! minus navigation, headers, footers and forms.

use crate::date::{parse_date_value, FoundDate};
use dom_query::{Document, Matcher, NodeRef};
use entente_text::Span;
use std::sync::LazyLock;

/// What one HTML page yields.
#[derive(Debug, Clone, Default)]
pub struct HtmlPage {
    /// Page title without a site-name suffix.
    pub title: Option<String>,
    /// Canonical URL (`og:url` or `<link rel=canonical>`).
    pub url: Option<String>,
    /// Site name (`og:site_name`, `application-name`, JSON-LD publisher).
    pub source: Option<String>,
    /// Publication date from metadata.
    pub published: Option<FoundDate>,
    /// Main-content text, paragraphs separated by `"\n\n"`.
    pub body: String,
    /// Spans of `body` that are figure captions.
    pub caption_hints: Vec<Span>,
}

fn matcher(sel: &str) -> Matcher {
    Matcher::new(sel).unwrap_or_else(|e| panic!("bad CSS selector {sel:?}: {e:?}"))
}

macro_rules! matchers {
    ($($name:ident = $sel:expr;)*) => {
        $(static $name: LazyLock<Matcher> = LazyLock::new(|| matcher($sel));)*
    };
}

matchers! {
    META = "meta";
    TITLE = "title";
    H1 = "h1";
    CANONICAL = "link[rel=canonical]";
    JSON_LD = "script[type='application/ld+json']";
    TIME = "time[datetime]";
    CLASS_OR_ID = "[class], [id]";
    FALLBACK_DROP = "nav, header, footer, form, aside, script, style, noscript, template, iframe, [role=navigation], [role=banner], [role=contentinfo]";
}

/// Meta `property`/`name`/`itemprop` keys giving the publication date, in order of trust.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "datepublished",
    "sailthru.date",
    "parsely-pub-date",
];

/// Metadata gathered from `<meta>` in one pass.
#[derive(Default)]
struct Meta {
    og_title: Option<String>,
    site_name: Option<String>,
    og_url: Option<String>,
    /// (index in DATE_KEYS, value)
    date: Option<(usize, String)>,
}

fn read_meta(doc: &Document) -> Meta {
    let mut m = Meta::default();
    for node in doc.select_matcher(&META).nodes() {
        let Some(content) = node.attr("content") else {
            continue;
        };
        let content = content.trim();
        if content.is_empty() {
            continue;
        }
        for key_attr in ["property", "name", "itemprop"] {
            let Some(key) = node.attr(key_attr) else {
                continue;
            };
            let key = key.trim().to_ascii_lowercase();
            match key.as_str() {
                "og:title" | "twitter:title" if m.og_title.is_none() => {
                    m.og_title = Some(content.to_string())
                }
                "og:site_name" | "application-name" if m.site_name.is_none() => {
                    m.site_name = Some(content.to_string())
                }
                "og:url" if m.og_url.is_none() => m.og_url = Some(content.to_string()),
                _ => {
                    if let Some(rank) = DATE_KEYS.iter().position(|k| *k == key) {
                        if m.date.as_ref().is_none_or(|(r, _)| rank < *r)
                            && parse_date_value(content).is_some()
                        {
                            m.date = Some((rank, content.to_string()));
                        }
                    }
                }
            }
        }
    }
    m
}

/// Finds `key` anywhere in a JSON-LD value (objects, arrays, `@graph`).
fn json_find<'v>(v: &'v serde_json::Value, key: &str) -> Option<&'v serde_json::Value> {
    match v {
        serde_json::Value::Object(map) => map
            .get(key)
            .or_else(|| map.values().find_map(|x| json_find(x, key))),
        serde_json::Value::Array(items) => items.iter().find_map(|x| json_find(x, key)),
        _ => None,
    }
}

/// `datePublished` and the publisher's name from JSON-LD blocks.
fn read_json_ld(doc: &Document) -> (Option<FoundDate>, Option<String>) {
    let (mut date, mut publisher) = (None, None);
    for node in doc.select_matcher(&JSON_LD).nodes() {
        let text = node.text();
        let Ok(v) = serde_json::from_str::<serde_json::Value>(text.trim()) else {
            continue;
        };
        if date.is_none() {
            date = json_find(&v, "datePublished")
                .and_then(|d| d.as_str())
                .and_then(parse_date_value);
        }
        if publisher.is_none() {
            publisher = json_find(&v, "publisher")
                .and_then(|p| p.get("name").or(Some(p)))
                .and_then(|n| n.as_str())
                .map(str::to_string);
        }
    }
    (date, publisher)
}

/// Separators between a headline and a site name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " // "];

/// Strips a site-name part from a page title: the part equal to (or contained in) the site
/// name, else a short (≤ 4 words) last part after a longer headline.
pub fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(sep) = TITLE_SEPARATORS.iter().find(|s| title.contains(**s)) else {
        return title;
    };
    let parts: Vec<&str> = title.split(sep).collect();
    let words = |s: &str| s.split_whitespace().count();
    if let Some(site) = site.map(str::to_lowercase).filter(|s| !s.is_empty()) {
        let kept: Vec<&str> = parts
            .iter()
            .copied()
            .filter(|p| {
                let p = p.trim().to_lowercase();
                !(p == site || site.contains(&p) || p.contains(&site) && words(&p) <= 5)
            })
            .collect();
        if !kept.is_empty() && kept.len() < parts.len() {
            return kept.join(sep);
        }
    }
    match parts.as_slice() {
        [head @ .., last] if !head.is_empty() => {
            let head_words: usize = head.iter().map(|p| words(p)).sum();
            if words(last) <= 4 && head_words > words(last) {
                head.join(sep)
            } else {
                title
            }
        }
        _ => title,
    }
}

/// Reads an HTML page: metadata and main-content text.
pub fn read_html(html: &str) -> HtmlPage {
    let doc = Document::from(html);
    let meta = read_meta(&doc);
    let (ld_date, publisher) = read_json_ld(&doc);
    let text_of = |m: &Matcher| {
        doc.select_single_matcher(m)
            .nodes()
            .first()
            .map(|n| n.text().split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|t| !t.is_empty())
    };
    let source = meta.site_name.clone().or(publisher);
    let raw_title = meta
        .og_title
        .clone()
        .or_else(|| text_of(&TITLE))
        .or_else(|| text_of(&H1));
    let title = raw_title
        .map(|t| strip_site_suffix(&t, source.as_deref()))
        .filter(|t| !t.is_empty());
    let url = meta.og_url.clone().or_else(|| {
        doc.select_single_matcher(&CANONICAL)
            .attr("href")
            .map(|h| h.to_string())
    });
    let published = meta
        .date
        .as_ref()
        .and_then(|(_, v)| parse_date_value(v))
        .or(ld_date)
        .or_else(|| {
            doc.select_matcher(&TIME)
                .nodes()
                .iter()
                .find_map(|n| n.attr("datetime").and_then(|v| parse_date_value(&v)))
        });

    let (body, caption_hints) = main_text(doc, html);
    HtmlPage {
        title,
        url,
        source,
        published,
        body,
        caption_hints,
    }
}

/// The main-content text of a parsed page and its caption spans.
fn main_text(doc: Document, html: &str) -> (String, Vec<Span>) {
    prune_chrome(&doc);
    let article = dom_smoothie::Readability::with_document(doc, None, None)
        .ok()
        .and_then(|mut r| r.parse().ok());
    if let Some(article) = article {
        let fragment = Document::fragment(article.content);
        let mut w = TextWalker::default();
        w.walk(&fragment.root());
        let (body, captions) = w.finish();
        if !body.trim().is_empty() {
            return (body, captions);
        }
    }
    // Readability gave up: walk the whole body minus obvious chrome.
    let doc = Document::from(html);
    doc.select_matcher(&FALLBACK_DROP).remove();
    let mut w = TextWalker::default();
    if let Some(body) = doc.body() {
        w.walk(&body);
    }
    w.finish()
}

/// Class/id words that mark page chrome: sharing bars, bylines, datelines, teasers, comment
/// sections. Matched against whole words of `class` and `id` (split at spaces, `-` and `_`).
const CHROME_WORDS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "byline",
    "author",
    "dateline",
    "timestamp",
    "date",
    "related",
    "newsletter",
    "subscribe",
    "subscription",
    "promo",
    "breadcrumb",
    "breadcrumbs",
    "tags",
    "tag",
    "comments",
    "comment",
    "credit",
    "credits",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "sponsor",
    "sponsored",
    "recommended",
    "popular",
    "trending",
    "mostread",
    "outbrain",
    "taboola",
    "readmore",
    "toolbar",
    "modal",
    "cookie",
    "cookies",
    "disclaimer",
    "signup",
];

/// Longest text an element marked as chrome may hold and still be removed; bigger ones are
/// more likely an article wrapper with an unlucky class name.
const CHROME_MAX_TEXT: usize = 400;

/// Class/id words that mark content; an element carrying one is never pruned (WordPress, for
/// one, classes the post wrapper `post tag-foo category-bar`).
const CONTENT_WORDS: &[&str] = &[
    "post", "entry", "content", "article", "story", "body", "text", "main", "hentry",
];

/// Whether an element's class/id words mark it as chrome and not as content.
fn is_chrome(node: &NodeRef) -> bool {
    let (mut chrome, mut content) = (false, false);
    for attr in ["class", "id"] {
        let Some(v) = node.attr(attr) else { continue };
        for w in v.split(|c: char| c.is_whitespace() || c == '-' || c == '_') {
            let w = w.to_ascii_lowercase();
            chrome |= CHROME_WORDS.contains(&w.as_str());
            content |= CONTENT_WORDS.contains(&w.as_str());
        }
    }
    chrome && !content
}

/// Removes small elements whose class or id names them as page chrome.
fn prune_chrome(doc: &Document) {
    let mut doomed = Vec::new();
    for node in doc.select_matcher(&CLASS_OR_ID).nodes() {
        if !is_chrome(node) {
            continue;
        }
        let name = node.node_name().unwrap_or_default();
        if matches!(&*name, "html" | "body" | "article" | "main") {
            continue;
        }
        if node.text().len() <= CHROME_MAX_TEXT {
            doomed.push(*node);
        }
    }
    for node in doomed {
        node.remove_from_parent();
    }
}

/// Elements whose content is never text of the article.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "button", "select", "option",
    "textarea", "input", "canvas", "object", "embed", "audio", "video", "head", "title", "meta",
    "link",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "caption",
    "hr",
    "address",
    "details",
    "summary",
    "center",
    "form",
    "fieldset",
    "body",
    "html",
];

/// Lays out the text of an HTML tree as paragraphs.
///
/// Inside a paragraph, whitespace runs become one space (except in `<pre>`), `<br>` becomes a
/// line break and table cells are separated by a space. Each block element closes the current
/// paragraph; non-empty paragraphs are joined with `"\n\n"`.
#[derive(Default)]
struct TextWalker {
    out: String,
    para: String,
    captions: Vec<Span>,
    caption_depth: usize,
    pre_depth: usize,
    /// The current paragraph holds a caption.
    para_is_caption: bool,
    /// Depth of `<a>` elements around the current node.
    link_depth: usize,
    /// Bytes of the current paragraph that are link text.
    para_link_bytes: usize,
}

impl TextWalker {
    fn walk(&mut self, node: &NodeRef) {
        for child in node.children_it(false) {
            if child.is_text() {
                let text = child.text();
                self.push_text(&text);
            } else if child.is_element() {
                self.element(&child);
            } else if child.is_document() || child.is_fragment() {
                self.walk(&child);
            }
        }
    }

    fn element(&mut self, el: &NodeRef) {
        let Some(name) = el.node_name() else {
            return;
        };
        let name = name.to_ascii_lowercase();
        let name = name.as_str();
        if SKIP.contains(&name) {
            return;
        }
        match name {
            "br" => {
                self.trim_para_end();
                if !self.para.is_empty() {
                    self.para.push('\n');
                }
                return;
            }
            "td" | "th" => {
                self.space();
                self.walk(el);
                self.space();
                return;
            }
            "img" => return,
            _ => {}
        }
        if name == "a" {
            self.link_depth += 1;
            self.walk(el);
            self.link_depth -= 1;
            return;
        }
        if !BLOCKS.contains(&name) {
            self.walk(el);
            return;
        }
        self.flush();
        let caption = name == "figcaption";
        let pre = name == "pre";
        self.caption_depth += usize::from(caption);
        self.pre_depth += usize::from(pre);
        self.walk(el);
        self.flush();
        self.caption_depth -= usize::from(caption);
        self.pre_depth -= usize::from(pre);
    }

    fn push_text(&mut self, text: &str) {
        if self.para.is_empty() {
            self.para_is_caption = self.caption_depth > 0;
        }
        if self.pre_depth > 0 {
            self.para.push_str(text);
            return;
        }
        for (i, piece) in text.split(char::is_whitespace).enumerate() {
            if i > 0 {
                self.space();
            }
            self.para.push_str(piece);
            if self.link_depth > 0 {
                self.para_link_bytes += piece.len();
            }
        }
    }

    fn space(&mut self) {
        if !self.para.is_empty() && !self.para.ends_with([' ', '\n']) {
            self.para.push(' ');
        }
    }

    fn trim_para_end(&mut self) {
        let keep = self.para.trim_end_matches(' ').len();
        self.para.truncate(keep);
    }

    fn flush(&mut self) {
        let para = std::mem::take(&mut self.para);
        let link_bytes = std::mem::take(&mut self.para_link_bytes);
        let text = para.trim();
        if text.is_empty() {
            return;
        }
        let caption = self.para_is_caption || self.caption_depth > 0;
        // A paragraph that is all link text is a teaser, menu item or share button.
        let words = text.len() - text.matches(' ').count();
        if !caption && link_bytes * 10 >= words * 9 {
            self.para_is_caption = false;
            return;
        }
        if !self.out.is_empty() {
            self.out.push_str("\n\n");
        }
        let start = self.out.len();
        self.out.push_str(text);
        if caption {
            self.captions.push(Span::new(start, self.out.len()));
        }
        self.para_is_caption = false;
    }

    fn finish(mut self) -> (String, Vec<Span>) {
        self.flush();
        (self.out, self.captions)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffixes() {
        // (title, site, expected)
        let table = [
            (
                "Kim and Trump meet in Hanoi | Yonhap News Agency",
                Some("Yonhap News Agency"),
                "Kim and Trump meet in Hanoi",
            ),
            (
                "Kim and Trump meet in Hanoi - BBC News",
                None,
                "Kim and Trump meet in Hanoi",
            ),
            (
                "The Korea Herald - Moon visits Paris for talks",
                Some("The Korea Herald"),
                "Moon visits Paris for talks",
            ),
            ("Putin - Xi talks", None, "Putin - Xi talks"),
            (
                "Summit ends without deal",
                Some("Reuters"),
                "Summit ends without deal",
            ),
        ];
        for (t, site, want) in table {
            assert_eq!(strip_site_suffix(t, site), want, "title {t:?}");
        }
    }

    #[test]
    fn walker_layout() {
        let html = "<div><h1>Title</h1><p>First  para\n with <b>bold</b>text.</p>\
            <figure><img src=x><figcaption>Moon and Kim (Yonhap)</figcaption></figure>\
            <p>Line one<br>line two</p><ul><li>a</li><li>b</li></ul>\
            <table><tr><td>x</td><td>y</td></tr></table><script>var x;</script></div>";
        let doc = Document::fragment(html);
        let mut w = TextWalker::default();
        w.walk(&doc.root());
        let (text, caps) = w.finish();
        assert_eq!(
            text,
            "Title\n\nFirst para with boldtext.\n\nMoon and Kim (Yonhap)\n\nLine one\nline two\n\na\n\nb\n\nx y"
        );
        assert_eq!(caps.len(), 1);
        assert_eq!(&text[caps[0].range()], "Moon and Kim (Yonhap)");
    }

    #[test]
    fn page_metadata() {
        let html = r#"<html><head><title>Talks resume | Example Times</title>
            <meta property="og:site_name" content="Example Times">
            <meta property="article:published_time" content="2019-02-27T09:14:00+09:00">
            <link rel="canonical" href="https://example.com/a"></head>
            <body><article><p>Talks resumed on Wednesday between the two delegations, officials said.</p>
            <p>Negotiators met for three hours in the capital and agreed to meet again next month.</p></article></body></html>"#;
        let page = read_html(html);
        assert_eq!(page.title.as_deref(), Some("Talks resume"));
        assert_eq!(page.source.as_deref(), Some("Example Times"));
        assert_eq!(page.url.as_deref(), Some("https://example.com/a"));
        let p = page.published.unwrap_or_else(|| panic!("no date"));
        assert_eq!(p.date.to_string(), "2019-02-27");
        assert!(
            page.body.contains("Talks resumed on Wednesday"),
            "{}",
            page.body
        );
        assert!(page.body.contains("\n\nNegotiators met"), "{}", page.body);
    }

    #[test]
    fn json_ld_date_and_time_element() {
        let html = r#"<html><head><script type="application/ld+json">
            {"@graph":[{"@type":"NewsArticle","datePublished":"2018-06-12T08:00:00+08:00",
            "publisher":{"name":"Straits Daily"}}]}</script></head>
            <body><p>Short.</p><time datetime="2017-01-01">old</time></body></html>"#;
        let page = read_html(html);
        assert_eq!(
            page.published.map(|p| p.date.to_string()).as_deref(),
            Some("2018-06-12")
        );
        assert_eq!(page.source.as_deref(), Some("Straits Daily"));
        assert_eq!(page.body, "Short.\n\nold");
    }
}

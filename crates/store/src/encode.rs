//! Stable hashes (content hash, event ids) and the compact encodings of stored values.

use entente_doc::{Document, EventRecord};
use xxhash_rust::xxh3::Xxh3;

/// Feeds one length-prefixed field to the hasher, so that field boundaries are unambiguous.
fn field(h: &mut Xxh3, bytes: &[u8]) {
    h.update(&(bytes.len() as u64).to_le_bytes());
    h.update(bytes);
}

/// Feeds an optional field: a tag byte, then the value.
fn opt_field(h: &mut Xxh3, value: Option<&str>) {
    match value {
        Some(v) => {
            h.update(&[1]);
            field(h, v.as_bytes());
        }
        None => h.update(&[0]),
    }
}

/// The content hash of a document (XXH3-64 of its key, metadata and body).
///
/// Covers key, format, URL, source, title, publication date / date-time / provenance, body and
/// the extra JSON fields; not the path or line (moving a corpus changes nothing) nor the derived
/// layers. Stable across runs and platforms.
pub fn content_hash(doc: &Document) -> u64 {
    let mut h = Xxh3::new();
    field(&mut h, doc.key.as_bytes());
    opt_field(&mut h, doc.format.map(|f| f.as_str()));
    opt_field(&mut h, doc.url.as_deref());
    opt_field(&mut h, doc.source.as_deref());
    opt_field(&mut h, doc.title.as_deref());
    match &doc.published {
        Some(p) => {
            h.update(&[1]);
            field(&mut h, p.date.to_string().as_bytes());
            opt_field(&mut h, p.datetime.as_deref());
            field(&mut h, p.from.as_str().as_bytes());
        }
        None => h.update(&[0]),
    }
    field(&mut h, doc.body.as_bytes());
    h.update(&(doc.extra.len() as u64).to_le_bytes());
    for (k, v) in &doc.extra {
        field(&mut h, k.as_bytes());
        field(&mut h, v.to_string().as_bytes());
    }
    h.digest()
}

/// The deterministic id of the `index`-th event of document `doc_key`: `ev-` and 16 hex digits
/// of XXH3-64 over the key, the index, the event type and the sorted country codes.
pub fn event_id(doc_key: &str, index: usize, event: &EventRecord) -> String {
    let mut h = Xxh3::new();
    field(&mut h, doc_key.as_bytes());
    h.update(&(index as u64).to_le_bytes());
    field(&mut h, event.event_type.as_str().as_bytes());
    let mut countries: Vec<&str> = event.countries.iter().map(String::as_str).collect();
    countries.sort_unstable();
    h.update(&(countries.len() as u64).to_le_bytes());
    for c in countries {
        field(&mut h, c.as_bytes());
    }
    format!("ev-{:016x}", h.digest())
}

/// Packs `u32` pairs little-endian, or `None` for an empty list.
pub(crate) fn pack_pairs(pairs: impl ExactSizeIterator<Item = (u32, u32)>) -> Option<Vec<u8>> {
    if pairs.len() == 0 {
        return None;
    }
    let mut out = Vec::with_capacity(pairs.len() * 8);
    for (a, b) in pairs {
        out.extend_from_slice(&a.to_le_bytes());
        out.extend_from_slice(&b.to_le_bytes());
    }
    Some(out)
}

/// A JSON array of strings.
pub(crate) fn json_array<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    json_array_into(&mut out, items);
    out
}

/// Appends a JSON array of strings to `out`.
pub(crate) fn json_array_into<'a>(out: &mut String, items: impl IntoIterator<Item = &'a str>) {
    out.push('[');
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        json_string_into(out, item);
    }
    out.push(']');
}

/// Appends `s` as a JSON string literal to `out`.
fn json_string_into(out: &mut String, s: &str) {
    use std::fmt::Write;
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use entente_doc::{EventStatus, EventType};

    fn event(t: EventType, countries: &[&str]) -> EventRecord {
        EventRecord {
            id: String::new(),
            event_type: t,
            mode: None,
            kind: "meeting".into(),
            cameo: "040".into(),
            status: EventStatus::Occurred,
            participants: vec![],
            countries: countries.iter().map(|c| c.to_string()).collect(),
            orgs: vec![],
            date: None,
            location: None,
            sources: vec![],
            confidence: 0.5,
        }
    }

    #[test]
    fn event_ids_are_stable_and_ignore_country_order() {
        let a = event(EventType::Consult, &["KOR", "PRK"]);
        let b = event(EventType::Consult, &["PRK", "KOR"]);
        let id = event_id("doc-1", 0, &a);
        assert_eq!(id.len(), 19);
        assert!(id.starts_with("ev-"));
        assert_eq!(id, event_id("doc-1", 0, &b));
        // pinned: the ids must not change between builds or platforms
        assert_eq!(id, "ev-6f3f664d0829d7d6");
        let differing = [
            event_id("doc-2", 0, &a),
            event_id("doc-1", 1, &a),
            event_id("doc-1", 0, &event(EventType::Agree, &["KOR", "PRK"])),
            event_id("doc-1", 0, &event(EventType::Consult, &["KOR"])),
        ];
        for other in differing {
            assert_ne!(id, other);
        }
    }

    #[test]
    fn content_hash_covers_body_and_metadata_but_not_path() {
        let base = Document {
            key: "k".into(),
            body: "Body.".into(),
            title: Some("T".into()),
            ..Document::default()
        };
        let h = content_hash(&base);
        let cases: Vec<(Document, bool)> = vec![
            (
                Document {
                    path: Some("/elsewhere/k.txt".into()),
                    ..base.clone()
                },
                true,
            ),
            (
                Document {
                    line: Some(9),
                    ..base.clone()
                },
                true,
            ),
            (
                Document {
                    text: "changed layers".into(),
                    ..base.clone()
                },
                true,
            ),
            (
                Document {
                    body: "Body!".into(),
                    ..base.clone()
                },
                false,
            ),
            (
                Document {
                    title: None,
                    ..base.clone()
                },
                false,
            ),
            (
                Document {
                    source: Some("T".into()),
                    title: None,
                    ..base.clone()
                },
                false,
            ),
            (
                Document {
                    key: "k2".into(),
                    ..base.clone()
                },
                false,
            ),
        ];
        for (doc, same) in cases {
            assert_eq!(content_hash(&doc) == h, same, "{doc:?}");
        }
    }

    #[test]
    fn json_arrays_match_serde() {
        let cases: &[&[&str]] = &[
            &[],
            &["state:kor"],
            &[
                "a\"b",
                "back\\slash",
                "tab\tnew\nline\r",
                "\u{1}ctl",
                "Erdoğan",
            ],
        ];
        for items in cases {
            let ours = json_array(items.iter().copied());
            assert_eq!(ours, serde_json::to_string(items).unwrap());
            let back: Vec<String> = serde_json::from_str(&ours).unwrap();
            assert_eq!(back, *items);
        }
    }

    #[test]
    fn pairs_pack_little_endian() {
        assert_eq!(pack_pairs(std::iter::empty()), None);
        assert_eq!(
            pack_pairs([(1u32, 258u32)].into_iter()),
            Some(vec![1, 0, 0, 0, 2, 1, 0, 0])
        );
    }
}

//! A minimal reader for the knowledge base's TSV files.
//!
//! The format is deliberately simpler than CSV so that editors can work in any text editor or
//! spreadsheet: UTF-8, one record per line, fields separated by a tab, no quoting. Lines that
//! start with `#` and blank lines are skipped. The first other line is the header, which must
//! name exactly the expected columns in order; list fields use `|` between items.

use crate::KbError;

/// One data row: its 1-based line number and its fields (same count as the header).
pub(crate) struct Row<'a> {
    pub line: usize,
    pub fields: Vec<&'a str>,
}

/// Splits `text` (the contents of `file`) into rows, checking the header and column counts.
pub(crate) fn rows<'a>(
    file: &str,
    text: &'a str,
    header: &[&str],
) -> Result<Vec<Row<'a>>, KbError> {
    let mut out = Vec::new();
    let mut seen_header = false;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let raw = if line == 1 {
            raw.strip_prefix('\u{feff}').unwrap_or(raw)
        } else {
            raw
        };
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = raw.split('\t').collect();
        if !seen_header {
            if fields != header {
                return Err(KbError::invalid(
                    file,
                    line,
                    format!(
                        "expected header '{}', found '{}'",
                        header.join("\\t"),
                        fields.join("\\t")
                    ),
                ));
            }
            seen_header = true;
            continue;
        }
        if fields.len() != header.len() {
            return Err(KbError::invalid(
                file,
                line,
                format!("expected {} columns, found {}", header.len(), fields.len()),
            ));
        }
        out.push(Row {
            line,
            fields: fields.into_iter().map(str::trim).collect(),
        });
    }
    if !seen_header {
        return Err(KbError::invalid(file, 1, "missing header row"));
    }
    Ok(out)
}

/// Splits a `|`-separated list field, dropping empty items.
pub(crate) fn list(field: &str) -> Vec<String> {
    field
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_and_skips_comments() {
        let text = "# comment\nid\tname\n\na\tAlpha\n# more\nb\tBeta\r\n";
        let rows = rows("x.tsv", text, &["id", "name"]).unwrap();
        let got: Vec<(usize, Vec<&str>)> = rows.into_iter().map(|r| (r.line, r.fields)).collect();
        assert_eq!(got, vec![(4, vec!["a", "Alpha"]), (6, vec!["b", "Beta"])]);
    }

    #[test]
    fn errors_name_file_and_line() {
        let cases = [
            ("id\tname\na\n", "x.tsv:2: expected 2 columns, found 1"),
            (
                "id\tnom\n",
                "x.tsv:1: expected header 'id\\tname', found 'id\\tnom'",
            ),
            ("# only\n", "x.tsv:1: missing header row"),
        ];
        for (text, want) in cases {
            let err = rows("x.tsv", text, &["id", "name"]).err().unwrap();
            assert_eq!(err.to_string(), want);
        }
    }

    #[test]
    fn splits_lists() {
        let cases = [
            ("a|b", vec!["a", "b"]),
            ("", vec![]),
            (" a || b ", vec!["a", "b"]),
        ];
        for (input, want) in cases {
            assert_eq!(list(input), want);
        }
    }
}

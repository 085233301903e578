//! Output formats: a table for people, JSON / JSON Lines / CSV for programs.

use clap::ValueEnum;
use serde::Serialize;
use std::io::{self, Write};

/// How results are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// Aligned columns for people.
    #[default]
    Table,
    /// One JSON array.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header row.
    Csv,
}

/// Prints rows as JSON or JSON Lines.
pub fn print_json<T: Serialize>(rows: &[T], format: Format) -> anyhow::Result<()> {
    let out = io::stdout();
    let mut w = io::BufWriter::new(out.lock());
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut w, rows)?;
            writeln!(w)?;
        }
        _ => {
            for r in rows {
                serde_json::to_writer(&mut w, r)?;
                writeln!(w)?;
            }
        }
    }
    w.flush()?;
    Ok(())
}

/// Prints one record: a JSON object for `json`, one line for `jsonl`.
pub fn print_one<T: Serialize>(row: &T, format: Format) -> anyhow::Result<()> {
    if format == Format::Json {
        println!("{}", serde_json::to_string_pretty(row)?);
        Ok(())
    } else {
        print_json(std::slice::from_ref(row), format)
    }
}

/// Prints a header and rows as CSV.
pub fn print_csv(header: &[&str], rows: &[Vec<String>]) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(io::stdout().lock());
    w.write_record(header)?;
    for r in rows {
        w.write_record(r)?;
    }
    w.flush()?;
    Ok(())
}

fn width(s: &str) -> usize {
    s.chars().count()
}

/// Cuts `s` to at most `n` characters, marking the cut with an ellipsis.
pub fn cut(s: &str, n: usize) -> String {
    if width(s) <= n {
        return s.to_string();
    }
    let mut out: String = s.chars().take(n.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Prints an aligned table; the last column is not padded.
pub fn print_table(header: &[&str], rows: &[Vec<String>]) -> anyhow::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            if i < widths.len() {
                widths[i] = widths[i].max(width(c));
            }
        }
    }
    let out = io::stdout();
    let mut w = io::BufWriter::new(out.lock());
    let line = |w: &mut dyn Write, cells: &[String]| -> io::Result<()> {
        let n = cells.len();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == n {
                write!(w, "{c}")?;
            } else {
                write!(w, "{c}{}  ", " ".repeat(widths[i].saturating_sub(width(c))))?;
            }
        }
        writeln!(w)
    };
    let h: Vec<String> = header.iter().map(|s| s.to_string()).collect();
    line(&mut w, &h)?;
    for r in rows {
        line(&mut w, r)?;
    }
    w.flush()?;
    Ok(())
}

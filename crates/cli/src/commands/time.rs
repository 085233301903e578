//! `entente time`: the time engine on a text.

use crate::output::{print_json, print_table, Format};
use chrono::NaiveDate;
use entente_time::Tagger;
use std::process::ExitCode;

/// Arguments of `entente time`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  entente time \"Kim will travel to Hanoi next week for talks held on the 27th and 28th.\" --published 2019-02-18
  echo \"the summit held last March\" | entente time - --published 2019-02-18 --format json")]
pub struct Args {
    /// The text ("-" reads standard input).
    pub text: String,
    /// Publication date the expressions are anchored on (YYYY-MM-DD).
    #[arg(long)]
    pub published: NaiveDate,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// Runs `entente time`.
pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let text = if a.text == "-" {
        std::io::read_to_string(std::io::stdin())?
    } else {
        a.text
    };
    let found = Tagger::new().tag(&text, a.published);
    match a.format {
        Format::Table | Format::Csv => {
            let rows: Vec<Vec<String>> = found
                .iter()
                .map(|t| {
                    vec![
                        format!("{}..{}", t.start, t.end),
                        t.text.clone(),
                        serde_json::to_value(t.kind)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_string))
                            .unwrap_or_default(),
                        t.value.clone(),
                        t.interval
                            .map(|i| format!("{}..{}", i.start, i.end))
                            .unwrap_or_else(|| "—".into()),
                        serde_json::to_value(t.precision)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_string))
                            .unwrap_or_default(),
                        [
                            t.modifier.clone().unwrap_or_default(),
                            if t.vague {
                                "vague".into()
                            } else {
                                String::new()
                            },
                        ]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" "),
                    ]
                })
                .collect();
            print_table(
                &[
                    "SPAN",
                    "TEXT",
                    "TYPE",
                    "VALUE",
                    "INTERVAL",
                    "PRECISION",
                    "NOTES",
                ],
                &rows,
            )?;
        }
        f => print_json(&found, f)?,
    }
    Ok(ExitCode::SUCCESS)
}

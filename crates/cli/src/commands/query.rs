//! `entente docs`, `actors`, `events`, `show`.

use crate::output::{cut, print_csv, print_json, print_one, print_table, Format};
use anyhow::{bail, Context};
use chrono::NaiveDate;
use entente_doc::{ActorKind, EventRecord, EventStatus, EventType};
use entente_store::{ActorFilter, DocFilter, EventFilter, Store};
use serde::Serialize;
use std::path::Path;
use std::process::ExitCode;

fn open(db: &Path) -> anyhow::Result<Store> {
    if !db.exists() {
        bail!(
            "database {} does not exist (run `entente ingest PATH` or `entente demo` first, or pass --db)",
            db.display()
        );
    }
    Store::open_read_only(db).with_context(|| format!("opening database {}", db.display()))
}

/// Arguments of `entente docs`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  entente docs
  entente docs --from 2019-02-01 --to 2019-02-28 --format jsonl")]
pub struct DocsArgs {
    /// Published on or after (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<NaiveDate>,
    /// Published on or before (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<NaiveDate>,
    /// Only this publisher.
    #[arg(long)]
    pub source: Option<String>,
    /// At most this many.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Serialize)]
struct DocRow {
    key: String,
    title: Option<String>,
    source: Option<String>,
    url: Option<String>,
    published: Option<String>,
    published_from: Option<String>,
    format: Option<String>,
    events: u64,
}

/// Runs `entente docs`.
pub fn docs(db: &Path, a: DocsArgs) -> anyhow::Result<ExitCode> {
    let store = open(db)?;
    let rows = store.documents(&DocFilter {
        from: a.from,
        to: a.to,
        source: a.source,
        limit: a.limit,
        offset: 0,
    })?;
    let rows: Vec<DocRow> = rows
        .into_iter()
        .map(|d| DocRow {
            key: d.key,
            title: d.title,
            source: d.source,
            url: d.url,
            published: d.published.map(|p| p.to_string()),
            published_from: d.published_from.map(|p| p.as_str().to_string()),
            format: d.format.map(|f| f.as_str().to_string()),
            events: d.events,
        })
        .collect();
    let header = ["KEY", "PUBLISHED", "FORMAT", "EVENTS", "TITLE"];
    let cells = |d: &DocRow, width: usize| {
        vec![
            d.key.clone(),
            d.published.clone().unwrap_or_else(|| "undated".into()),
            d.format.clone().unwrap_or_default(),
            d.events.to_string(),
            cut(d.title.as_deref().unwrap_or(""), width),
        ]
    };
    match a.format {
        Format::Table => print_table(
            &header,
            &rows.iter().map(|d| cells(d, 70)).collect::<Vec<_>>(),
        )?,
        Format::Csv => print_csv(
            &header,
            &rows
                .iter()
                .map(|d| cells(d, usize::MAX))
                .collect::<Vec<_>>(),
        )?,
        f => print_json(&rows, f)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `entente actors`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  entente actors --kind person --country PRK
  entente actors --format jsonl")]
pub struct ActorsArgs {
    /// Only this kind.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// Only actors of this state (ISO alpha-3, e.g. KOR).
    #[arg(long)]
    pub country: Option<String>,
    /// At most this many.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// Actor kinds on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum KindArg {
    /// People.
    Person,
    /// States.
    State,
    /// International organisations.
    #[value(alias = "organisation", alias = "org")]
    Organization,
}

#[derive(Serialize)]
struct ActorRow {
    id: String,
    name: String,
    kind: ActorKind,
    country: Option<String>,
    role: Option<String>,
    mentions: u64,
    documents: u64,
    events: u64,
}

/// Runs `entente actors`.
pub fn actors(db: &Path, a: ActorsArgs) -> anyhow::Result<ExitCode> {
    let store = open(db)?;
    let rows = store.actors(&ActorFilter {
        kind: a.kind.map(|k| match k {
            KindArg::Person => ActorKind::Person,
            KindArg::State => ActorKind::State,
            KindArg::Organization => ActorKind::Organization,
        }),
        country: a.country.map(|c| c.to_ascii_uppercase()),
        limit: a.limit,
    })?;
    let rows: Vec<ActorRow> = rows
        .into_iter()
        .map(|s| ActorRow {
            id: s.actor.id,
            name: s.actor.name,
            kind: s.actor.kind,
            country: s.actor.country,
            role: s.actor.role,
            mentions: s.mentions,
            documents: s.documents,
            events: s.events,
        })
        .collect();
    let header = [
        "ID", "KIND", "COUNTRY", "MENTIONS", "DOCS", "EVENTS", "NAME",
    ];
    let cells = |r: &ActorRow| {
        vec![
            r.id.clone(),
            r.kind.as_str().to_string(),
            r.country.clone().unwrap_or_default(),
            r.mentions.to_string(),
            r.documents.to_string(),
            r.events.to_string(),
            r.name.clone(),
        ]
    };
    let table: Vec<Vec<String>> = rows.iter().map(cells).collect();
    match a.format {
        Format::Table => print_table(&header, &table)?,
        Format::Csv => print_csv(&header, &table)?,
        f => print_json(&rows, f)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `entente events`.
#[derive(clap::Args, Debug, Default)]
#[command(after_help = "Examples:
  entente events --country PRK --country USA
  entente events --type CONSULT --status planned --from 2019-02-01 --to 2019-03-31
  entente events --actor \"Moon Jae-in\" --format jsonl

--country may be repeated: every listed state must be involved. --from/--to keep events whose
date interval overlaps the range (events without a date are then left out). JSON Lines output
follows docs/schema.md.")]
pub struct EventsArgs {
    /// Involving this state (ISO alpha-3); repeat for several.
    #[arg(long = "country")]
    pub countries: Vec<String>,
    /// Involving this actor (id like person:moon-jae-in, or part of a name).
    #[arg(long)]
    pub actor: Option<String>,
    /// Of this PLOVER type (CONSULT, AGREE, …); repeat for several.
    #[arg(long = "type")]
    pub types: Vec<EventType>,
    /// With this status (occurred, planned, …); repeat for several.
    #[arg(long = "status")]
    pub statuses: Vec<EventStatus>,
    /// Dated on or after (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<NaiveDate>,
    /// Dated on or before (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<NaiveDate>,
    /// Only events of this document.
    #[arg(long)]
    pub doc: Option<String>,
    /// At most this many.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

fn date_cell(e: &EventRecord) -> String {
    match &e.date {
        None => "—".into(),
        Some(d) if d.start == d.end => d.start.clone(),
        Some(d) => format!("{}..{}", d.start, d.end),
    }
}

fn event_cells(e: &EventRecord, evidence_width: usize) -> Vec<String> {
    vec![
        e.id.clone(),
        date_cell(e),
        e.event_type.as_str().to_string(),
        e.mode.map(|m| m.as_str().to_string()).unwrap_or_default(),
        e.status.as_str().to_string(),
        [e.countries.join(","), e.orgs.join(",")]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
        e.location
            .as_ref()
            .map(|l| l.name.clone())
            .unwrap_or_default(),
        cut(
            e.sources.first().map(|s| s.text.as_str()).unwrap_or(""),
            evidence_width,
        ),
    ]
}

/// Prints events matching the arguments (shared with `demo`).
pub fn print_events(db: &Path, a: &EventsArgs) -> anyhow::Result<usize> {
    let store = open(db)?;
    let events = store.events(&EventFilter {
        countries: a.countries.iter().map(|c| c.to_ascii_uppercase()).collect(),
        actor: a.actor.clone(),
        types: a.types.clone(),
        statuses: a.statuses.clone(),
        from: a.from,
        to: a.to,
        doc: a.doc.clone(),
        limit: a.limit,
    })?;
    let header = [
        "ID", "DATE", "TYPE", "MODE", "STATUS", "PARTIES", "PLACE", "EVIDENCE",
    ];
    match a.format {
        Format::Table => {
            let rows: Vec<Vec<String>> = events.iter().map(|e| event_cells(e, 80)).collect();
            print_table(&header, &rows)?;
        }
        Format::Csv => {
            let rows: Vec<Vec<String>> =
                events.iter().map(|e| event_cells(e, usize::MAX)).collect();
            print_csv(&header, &rows)?;
        }
        f => print_json(&events, f)?,
    }
    Ok(events.len())
}

/// Runs `entente events`.
pub fn events(db: &Path, a: EventsArgs) -> anyhow::Result<ExitCode> {
    print_events(db, &a)?;
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `entente show`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  entente show ev-1a2b3c4d5e6f7a8b
  entente show 2019-02-08-hanoi-venue.txt --format json")]
pub struct ShowArgs {
    /// An event id (ev-…) or a document key.
    pub id: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

fn print_event_detail(e: &EventRecord) {
    println!("{}  {} {}", e.id, e.event_type, e.kind);
    println!("  status      {}", e.status);
    if let Some(m) = e.mode {
        println!("  mode        {m}");
    }
    match &e.date {
        Some(d) => println!(
            "  date        {}  ({} precision, from \"{}\")",
            date_cell(e),
            d.precision,
            d.text.as_deref().unwrap_or("")
        ),
        None => println!("  date        unknown (the text gives none)"),
    }
    if let Some(l) = &e.location {
        println!(
            "  place       {}{}",
            l.name,
            l.country
                .as_ref()
                .map(|c| format!(", {c}"))
                .unwrap_or_default()
        );
    }
    println!("  countries   {}", e.countries.join(", "));
    if !e.orgs.is_empty() {
        println!("  orgs        {}", e.orgs.join(", "));
    }
    println!("  cameo       {}   confidence {:.2}", e.cameo, e.confidence);
    println!("  participants");
    for p in &e.participants {
        println!(
            "    {:<28} {:<12} {:<4} {}",
            p.name,
            p.kind.as_str(),
            p.country.as_deref().unwrap_or(""),
            p.role.as_deref().unwrap_or("")
        );
    }
    println!("  evidence");
    for s in &e.sources {
        println!(
            "    [{} · sentence {} · bytes {}..{}{}]",
            s.doc,
            s.sentence,
            s.start,
            s.end,
            s.published
                .as_ref()
                .map(|p| format!(" · published {p}"))
                .unwrap_or_default()
        );
        println!("    {}", s.text);
    }
}

/// Runs `entente show`.
pub fn show(db: &Path, a: ShowArgs) -> anyhow::Result<ExitCode> {
    let store = open(db)?;
    if let Some(e) = store.event(&a.id)? {
        match a.format {
            Format::Table | Format::Csv => print_event_detail(&e),
            f => print_one(&e, f)?,
        }
        return Ok(ExitCode::SUCCESS);
    }
    if let Some((summary, doc, events)) = store.document(&a.id)? {
        match a.format {
            Format::Table | Format::Csv => {
                println!("{}", summary.key);
                println!("  title      {}", summary.title.as_deref().unwrap_or(""));
                println!(
                    "  published  {}",
                    summary
                        .published
                        .map(|p| p.to_string())
                        .unwrap_or_else(|| "unknown".into())
                );
                if let Some(s) = &summary.source {
                    println!("  source     {s}");
                }
                if let Some(u) = &summary.url {
                    println!("  url        {u}");
                }
                println!(
                    "  {} sentences, {} mentions, {} events",
                    doc.sentences.len(),
                    doc.mentions.len(),
                    events.len()
                );
                for e in &events {
                    println!();
                    print_event_detail(e);
                }
            }
            f => {
                #[derive(Serialize)]
                struct DocOut<'a> {
                    key: &'a str,
                    title: Option<&'a str>,
                    published: Option<String>,
                    source: Option<&'a str>,
                    url: Option<&'a str>,
                    text: &'a str,
                    events: &'a [EventRecord],
                }
                let out = DocOut {
                    key: &summary.key,
                    title: summary.title.as_deref(),
                    published: summary.published.map(|p| p.to_string()),
                    source: summary.source.as_deref(),
                    url: summary.url.as_deref(),
                    text: &doc.text,
                    events: &events,
                };
                print_one(&out, f)?;
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    bail!("no event or document '{}' in {}", a.id, db.display())
}

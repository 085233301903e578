//! Prints gazetteer matches for text read from stdin: `span<TAB>ambiguous<TAB>targets`.
//!
//! `echo "Moon met Kim at Panmunjom" | cargo run --release -p entente-kb --example kb_probe`

use std::io::Read;

use entente_kb::{Kb, Target};

fn main() {
    let kb = match Kb::load_default() {
        Ok(kb) => kb,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let gaz = kb.gazetteer();
    let mut text = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
    for m in gaz.find(&text) {
        let targets: Vec<String> = m
            .targets
            .iter()
            .take(4)
            .map(|t| match t {
                Target::State { iso3, form } => format!("{iso3}/{form:?}"),
                Target::Org { code } => format!("org:{code}"),
                Target::Person { id, form } => format!("{id}/{form:?}"),
                Target::Title { role, .. } => format!("title:{role}"),
                Target::Place { idx } => {
                    let p = &kb.places[*idx];
                    format!("place:{}/{}", p.name, p.country)
                }
            })
            .collect();
        println!("{}\t{}\t{}", m.text(&text), m.ambiguous, targets.join(" "));
    }
}

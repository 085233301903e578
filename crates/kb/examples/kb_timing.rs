//! Prints how long loading the knowledge base and compiling the gazetteer take.
//!
//! `cargo run --release -p entente-kb --example kb_timing`

use std::time::Instant;

fn main() {
    let t = Instant::now();
    let kb = match entente_kb::Kb::load_default() {
        Ok(kb) => kb,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let loaded = t.elapsed();
    let t = Instant::now();
    let gaz = kb.gazetteer();
    let built = t.elapsed();
    let roles: usize = kb.people.iter().map(|p| p.roles.len()).sum();
    println!(
        "states {} orgs {} people {} roles {} titles {} places {} patterns {}",
        kb.states.len(),
        kb.orgs.len(),
        kb.people.len(),
        roles,
        kb.titles.len(),
        kb.places.len(),
        gaz.len()
    );
    println!(
        "load {loaded:?} gazetteer {built:?} total {:?}",
        loaded + built
    );
}

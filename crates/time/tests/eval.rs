//! Runs the three evaluations and asserts their targets. The shared evaluation data is looked
//! up in `$ENTENTE_SHARED` or `../../../shared` from this crate; tests that need it skip with
//! a note when it is absent. Set `ENTENTE_TIME_VERBOSE=1` to print every disagreement.

use std::path::PathBuf;

use entente_time::{eval, Tagger};

fn shared() -> Option<PathBuf> {
    let p = match std::env::var_os("ENTENTE_SHARED") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    };
    p.is_dir().then_some(p)
}

fn verbose() -> bool {
    std::env::var_os("ENTENTE_TIME_VERBOSE").is_some()
}

#[test]
fn tempeval3_platinum_meets_targets() {
    let Some(sh) = shared() else {
        eprintln!("note: shared evaluation data not found; skipping TempEval-3");
        return;
    };
    let dir = sh.join("eval/time/tempeval3");
    if !dir.is_dir() {
        eprintln!("note: {} not found; skipping TempEval-3", dir.display());
        return;
    }
    let rep = match eval::tempeval(&dir, &Tagger::new()) {
        Ok(r) => r,
        Err(e) => panic!("tempeval failed: {e}"),
    };
    println!("{rep}");
    if verbose() {
        println!("{}", rep.misses_table());
    }
    assert!(
        rep.relaxed.f1 >= 0.90,
        "relaxed extent F1 {:.4} < 0.90",
        rep.relaxed.f1
    );
    assert!(rep.value_f1 >= 0.80, "value F1 {:.4} < 0.80", rep.value_f1);
}

#[test]
fn duckling_corpus_meets_target() {
    let Some(sh) = shared() else {
        eprintln!("note: shared evaluation data not found; skipping Duckling");
        return;
    };
    let path = sh.join("eval/time/duckling_en_corpus.jsonl");
    if !path.is_file() {
        eprintln!("note: {} not found; skipping Duckling", path.display());
        return;
    }
    let rep = match eval::duckling(&path, &Tagger::new()) {
        Ok(r) => r,
        Err(e) => panic!("duckling failed: {e}"),
    };
    println!("{rep}");
    if verbose() {
        println!("{}", rep.failures_table());
    }
    assert!(
        rep.accuracy >= 0.90,
        "Duckling accuracy {:.4} < 0.90",
        rep.accuracy
    );
}

#[test]
fn own_cases_all_pass() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/cases.tsv");
    let rep = match eval::cases(&path, &Tagger::new()) {
        Ok(r) => r,
        Err(e) => panic!("cases failed: {e}"),
    };
    println!("{rep}");
    assert!(rep.total >= 150, "only {} cases", rep.total);
    assert_eq!(rep.passed, rep.total, "{rep}");
}

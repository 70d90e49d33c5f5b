//! The annotated texts of a directory (a report `X.txt` beside its answer file `X.gold.json`), for
//! the tests that score against the answer files (`tests/corpus.rs`, `tests/metric_names.rs`).
//! Included with `#[path = "support/annotated.rs"] mod annotated;`.

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The annotated texts of `dir`, sorted: (path, text, answer file).
pub fn annotated(dir: &Path) -> Vec<(PathBuf, String, Value)> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter(|p| p.with_extension("gold.json").exists())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("report text");
            let gold = std::fs::read_to_string(p.with_extension("gold.json")).expect("gold file");
            let gold: Value = serde_json::from_str(&gold).expect("gold JSON");
            (p, text, gold)
        })
        .collect()
}

//! The fuzz targets' seeds and findings, replayed on stable: what `scripts/fuzz.sh` found
//! stays fixed. Each input goes through the same checks as in the fuzz target
//! (`tests/fuzz/checks.rs`).

#[path = "fuzz/checks.rs"]
mod checks;

use std::fs;
use std::path::{Path, PathBuf};

/// Every file of `dirs`, below the package.
fn inputs(dirs: &[&str]) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = dirs
        .iter()
        .flat_map(|dir| fs::read_dir(root.join(dir)).into_iter().flatten())
        .map(|entry| entry.expect("a readable directory").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

fn text(path: &Path) -> Option<String> {
    let bytes = fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    String::from_utf8(bytes).ok()
}

#[test]
fn reason_seeds_and_findings() {
    let files = inputs(&["tests/fuzz/seeds/reason", "tests/fuzz/regressions/reason"]);
    assert!(files.len() >= 10, "the seeds are there: {files:?}");
    for path in files {
        if let Some(text) = text(&path) {
            checks::reason(&text);
        }
    }
}

#[test]
fn table_seeds_and_findings() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = inputs(&[
        "tests/fuzz/regressions/table",
        "cause-macros/tests/snapshots",
    ]);
    files.retain(|path| {
        path.extension().is_some_and(|e| e == "toml") || path.starts_with(root.join("tests"))
    });
    for table in [
        "causes.toml",
        "q850.toml",
        "freeswitch.toml",
        "asterisk.toml",
        "jssip.toml",
    ] {
        files.push(root.join(table));
    }
    for path in files {
        if let Some(text) = text(&path) {
            checks::table(&text);
        }
    }
}

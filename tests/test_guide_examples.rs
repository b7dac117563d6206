//! The README's and the guides' Rust examples are cause-core's: each is one of the examples
//! `cause-core/examples.md` keeps inside the package, byte for byte, where they run as doctests
//! (from the published crate too, as `.ci/run` checks). A guide that shows an example this file
//! does not keep fails here: add it there.

use std::fs;
use std::path::Path;

/// The fenced Rust blocks of a markdown text, fence line and body.
fn rust_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut lines = markdown.lines();
    while let Some(line) = lines.next() {
        if !line.starts_with("```rust") {
            continue;
        }
        let body: Vec<&str> = lines
            .by_ref()
            .take_while(|l| !l.starts_with("```"))
            .collect();
        blocks.push(format!("{line}\n{}\n```", body.join("\n")));
    }
    blocks
}

#[test]
fn every_rust_example_of_the_guides_runs_as_a_cause_core_doctest() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let kept = fs::read_to_string(root.join("cause-core/examples.md")).expect("examples.md");
    let kept = rust_blocks(&kept);
    let mut guides = vec![root.join("README.md")];
    if let Ok(docs) = fs::read_dir(root.join("docs")) {
        guides.extend(
            docs.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "md")),
        );
    }
    let mut shown = 0;
    for guide in &guides {
        let text = fs::read_to_string(guide).expect("a guide");
        for block in rust_blocks(&text) {
            shown += 1;
            assert!(
                kept.contains(&block),
                "{} shows an example cause-core/examples.md does not keep:\n{block}",
                guide.display()
            );
        }
    }
    assert!(shown >= 7, "{shown} examples found");
}

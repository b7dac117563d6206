//! The README and `docs/` as a reader meets them: a README read in one sitting, code blocks
//! that render as written (no hidden doctest lines) and whose Rust runs (`doc-examples/`), and
//! no link or path to a file that is not there.

mod doc_blocks;

use std::path::Path;

/// The README and every file of `docs/`, by their path from the repository's root.
fn documents() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    let mut docs: Vec<String> = std::fs::read_dir(&dir)
        .expect("docs/ is readable")
        .map(|entry| entry.expect("an entry of docs/").file_name())
        .map(|name| name.to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".md"))
        .map(|name| format!("docs/{name}"))
        .collect();
    docs.sort();
    docs.insert(0, "README.md".to_owned());
    docs
}

#[test]
fn the_readme_is_read_in_one_sitting() {
    let lines = doc_blocks::read("README.md").lines().count();
    assert!(lines <= 300, "README.md has {lines} lines");
}

/// Each document's Rust examples are the doctests of an item of `doc-examples/lib.rs`.
#[test]
fn every_document_is_run_by_doc_examples() {
    let lib = doc_blocks::read("doc-examples/lib.rs");
    for doc in documents() {
        let include = format!("#[doc = include_str!(\"../{doc}\")]");
        assert!(
            lib.contains(&include),
            "doc-examples/lib.rs does not run {doc}"
        );
    }
}

/// A line rustdoc would hide (`# #[cfg(...)] {`) shows on the forge as written.
#[test]
fn rust_examples_hide_nothing() {
    for doc in documents() {
        let mut rust = false;
        for (number, line) in doc_blocks::read(&doc).lines().enumerate() {
            if let Some(info) = line.trim_start().strip_prefix("```") {
                rust = !rust && (info.is_empty() || info.starts_with("rust"));
                continue;
            }
            let hidden = line.trim_start() == "#" || line.trim_start().starts_with("# ");
            assert!(
                !(rust && hidden),
                "{doc}:{}: a hidden line: {line}",
                number + 1
            );
        }
    }
}

/// Where a path may be: from the root, or inside one of the crates (a crate's `src/lib.rs`,
/// named in the paragraph about that crate).
fn exists(path: &str) -> bool {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let crates = [
        "",
        "cause-core",
        "cause-macros",
        "cause-table",
        "cause-gen",
        "cause-reason",
    ];
    crates.iter().any(|dir| root.join(dir).join(path).exists())
}

/// Every markdown link to a file, and every path of the repository in a code span.
#[test]
fn every_file_named_is_there() {
    let tops = [
        "tests/",
        "src/",
        "examples/",
        "scripts/",
        "docs/",
        "benches/",
        "fuzz/",
        "doc-examples/",
        "cause-",
        ".ci/",
    ];
    for doc in documents() {
        let text = doc_blocks::read(&doc);
        let base = Path::new(&doc).parent().expect("a document's folder");
        for link in text.split("](").skip(1) {
            let target = link.split([')', '#']).next().unwrap_or_default();
            if target.is_empty() || target.contains("://") {
                continue;
            }
            let path = base.join(target);
            assert!(exists(&path.to_string_lossy()), "{doc}: a link to {target}");
        }
        for span in text.split('`').skip(1).step_by(2) {
            let path = span.trim_end_matches(['.', ',']);
            let is_path = tops.iter().any(|top| path.starts_with(top))
                && !path.contains([' ', '*', '(', '{'])
                && !path.contains("COMMIT");
            if is_path {
                assert!(exists(path), "{doc}: `{path}` is not in the repository");
            }
        }
    }
}

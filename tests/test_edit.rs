//! Editing a table and rebuilding: a plain `cargo build` picks up the change, with no `touch`
//! and no `cargo clean`, because the generated code includes the table with `include_bytes!`.

mod nested;

use std::fs;
use std::path::Path;

const TABLE: &str = r#"
[failure]
codes = [300, 699]
fallback = "OTHER"

[[category]]
key = "errors"
title = "Errors"

[[cause]]
constant = "OTHER"
value = "Other"
category = "errors"
description = "Any failure."
"#;

const ADDED: &str = r#"
[[cause]]
constant = "GONE_AWAY"
value = "Gone Away"
category = "errors"
description = "The callee left."
status-codes = [410]
"#;

const MAIN: &str = r#"
cause_macros::cause_table! {
    /// A cause.
    pub enum Cause in "../table.toml";
    /// A category.
    pub enum Category;
    /// A parse error.
    pub struct ParseCauseError;
    /// A reason phrase.
    pub fn reason_phrase;
}

fn main() {
    for cause in Cause::ALL {
        println!("{} {:?} {:?}", cause.name(), cause.as_str(), Cause::for_failure_response(410));
    }
}
"#;

/// A crate of its own that uses `cause-macros` by path, with the table beside `src/`.
fn write_crate(dir: &Path) {
    let macros = nested::workspace().join("cause-macros");
    let manifest = format!(
        "[package]\nname = \"edit-probe\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\ncause-macros = {{ path = {:?} }}\n\n[workspace]\n",
        macros.display().to_string()
    );
    fs::create_dir_all(dir.join("src")).unwrap();
    fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    fs::write(dir.join("src/main.rs"), MAIN).unwrap();
    fs::write(dir.join("table.toml"), TABLE).unwrap();
    // The workspace's lock file: the same dependency versions, none fetched.
    fs::copy(
        nested::workspace().join("Cargo.lock"),
        dir.join("Cargo.lock"),
    )
    .unwrap();
}

fn run(dir: &Path) -> String {
    nested::cargo_ok(dir, &["build", "--quiet"]);
    let output = nested::cargo_ok(dir, &["run", "--quiet"]);
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn appending_a_cause_to_the_table_rebuilds_with_the_new_variant() {
    let dir = tempfile::tempdir().unwrap();
    write_crate(dir.path());
    assert_eq!(run(dir.path()), "OTHER \"Other\" Some(Other)\n");

    let mut table = fs::read_to_string(dir.path().join("table.toml")).unwrap();
    table.push_str(ADDED);
    fs::write(dir.path().join("table.toml"), table).unwrap();
    assert_eq!(
        run(dir.path()),
        "OTHER \"Other\" Some(GoneAway)\nGONE_AWAY \"Gone Away\" Some(GoneAway)\n"
    );
}

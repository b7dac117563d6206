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

fn main() {
    for cause in Cause::ALL {
        println!("{} {:?} {:?}", cause.name(), cause.as_str(), Cause::for_failure_response(410));
    }
}
"#;

fn run(dir: &Path) -> String {
    nested::cargo_ok(dir, &["build", "--quiet"]);
    let output = nested::cargo_ok(dir, &["run", "--quiet"]);
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn appending_a_cause_to_the_table_rebuilds_with_the_new_variant() {
    let dir = tempfile::tempdir().unwrap();
    nested::write_probe_crate(dir.path(), "main.rs", MAIN, TABLE);
    assert_eq!(run(dir.path()), "OTHER \"Other\" Some(Other)\n");

    let mut table = fs::read_to_string(dir.path().join("table.toml")).unwrap();
    table.push_str(ADDED);
    fs::write(dir.path().join("table.toml"), table).unwrap();
    assert_eq!(
        run(dir.path()),
        "OTHER \"Other\" Some(GoneAway)\nGONE_AWAY \"Gone Away\" Some(GoneAway)\n"
    );
}

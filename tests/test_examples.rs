//! The variants' examples run wherever the enum lives: `cargo test --doc` of a crate with
//! tables at the root, in a module, in two modules under one name, `pub(crate)`, private, and
//! `pub` in a private module (re-exported, with `#[examples(path = ...)]`).

mod nested;

use std::fs;

const TABLE: &str = r#"
[table]
codes = "every-row"

[[cause]]
constant = "DONE"
value = "done"
description = "The job ran to its end."
code = 1

[[cause]]
constant = "KILLED"
value = "killed"
description = "The job was killed."
code = 9
"#;

const LIB: &str = r#"
//! A crate with cause tables in every place a user puts them.

cause_macros::cause_table! {
    /// At the root.
    pub enum Root in "jobs.toml";
    /// Its parse error.
    pub struct ParseRootError;
}

/// A public module.
pub mod jobs {
    cause_macros::cause_table! {
        /// In a module.
        pub enum JobCause in "jobs.toml";
    }
}

/// Two tables, one name.
pub mod a {
    cause_macros::cause_table! {
        /// `a::Cause`.
        pub enum Cause in "jobs.toml";
    }
}

/// Two tables, one name.
pub mod b {
    cause_macros::cause_table! {
        /// `b::Cause`.
        pub enum Cause in "jobs.toml";
    }
}

mod hidden {
    cause_macros::cause_table! {
        /// Crate-visible only.
        pub(crate) enum Hidden in "jobs.toml";
    }

    cause_macros::cause_table! {
        /// Private.
        enum Private in "jobs.toml";
    }

    /// Keeps the private enum used.
    pub(crate) fn private_count() -> usize {
        Private::ALL.len()
    }

    cause_macros::cause_table! {
        /// Public, in a private module, re-exported at the root.
        #[examples(path = "probe::Reexported")]
        pub enum Reexported in "jobs.toml";
    }
}

pub use hidden::Reexported;

/// Uses the crate-visible items.
pub fn hidden_counts() -> (usize, usize) {
    (hidden::Hidden::ALL.len(), hidden::private_count())
}
"#;

#[test]
fn examples_run_wherever_the_enum_lives() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    nested::write_probe_crate(dir.path(), "lib.rs", "", TABLE);
    // Replace the shared call with the placements above; the table sits beside lib.rs.
    fs::write(dir.path().join("src/lib.rs"), LIB).expect("write lib.rs");
    fs::write(dir.path().join("src/jobs.toml"), TABLE).expect("write the table");
    let output = nested::cargo_ok(dir.path(), &["test", "--doc", "--quiet"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    // Each enum has 11 examples: its 2 variants and 9 methods (ALL, name, as_str, description,
    // aliases, from_name, find, code, from_code); Root's parse error adds input() and
    // suggestions(). Root, JobCause, a::Cause, b::Cause and Reexported run: 57; Hidden and
    // Private are shown, not run: 22.
    let summary = stdout
        .lines()
        .find(|line| line.starts_with("test result:"))
        .unwrap_or_else(|| panic!("no summary in:\n{stdout}"));
    assert!(
        summary.starts_with("test result: ok. 57 passed; 0 failed; 22 ignored;"),
        "{summary}\n{stdout}"
    );
}

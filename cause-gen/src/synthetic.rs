//! Synthetic tables of any size, for measuring how the generator scales: `n` causes in ten
//! categories, the first 600 with one status code each (100..=699, so codes spread over the
//! whole range), every fifth with an alias, long markdown descriptions, and a reason phrase
//! for every code. Used by cause-macros' expansion test (`scale.rs`) and by the workspace's
//! build-and-doc scale test (`tests/test_scale.rs`, which includes this file by path).

#![allow(dead_code)] // each user takes part of it

use std::fmt::Write as _;

pub const CATEGORIES: usize = 10;

pub fn constant(i: usize) -> String {
    format!("SYNTHETIC_CAUSE_{i:05}")
}

/// All values have the same length: the worst case for a lookup that dispatches on length.
pub fn value(i: usize) -> String {
    format!("Synthetic cause {i:05}")
}

pub fn alias(i: usize) -> Option<String> {
    i.is_multiple_of(5).then(|| format!("synthetic-{i}"))
}

pub fn code(i: usize) -> Option<u16> {
    u16::try_from(i).ok().filter(|&i| i < 600).map(|i| 100 + i)
}

pub fn table(n: usize) -> String {
    let mut toml =
        String::from("[failure]\ncodes = [300, 699]\nfallback = \"SYNTHETIC_CAUSE_00000\"\n");
    for k in 0..CATEGORIES.min(n) {
        let _ = write!(
            toml,
            "\n[[category]]\nkey = \"group-{k}\"\ntitle = \"Group {k}\"\n"
        );
    }
    for i in 0..n {
        let _ = write!(
            toml,
            "\n[[cause]]\nconstant = \"{}\"\nvalue = \"{}\"\ncategory = \"group-{}\"\n",
            constant(i),
            value(i),
            i % CATEGORIES
        );
        let _ = writeln!(
            toml,
            "description = \"\"\"\nCause number {i} of a synthetic table: it ends a request when `something | odd` \
             happens, <em>not</em> otherwise. {}\"\"\"",
            "Long text keeps the docs honest about their size. ".repeat(6)
        );
        if let Some(code) = code(i) {
            let _ = writeln!(toml, "status-codes = [{code}]");
        }
        if let Some(alias) = alias(i) {
            let _ = writeln!(toml, "aliases = [\"{alias}\"]");
        }
    }
    toml.push_str("\n[reason-phrases]\n");
    for code in 100..=699 {
        let _ = writeln!(toml, "{code} = \"Phrase {code}\"");
    }
    toml
}

//! What `cause_macros::cause_table!` generates for the snapshot tables, one module each, as
//! `cause-macros/src/snapshots.rs` calls it: the public API the semver check of `.ci/run`
//! compares with its recorded baseline (`.ci/semver/`).
#![no_std]

/// Row codes on some rows, responses, in-dialog codes, aliases, `[failure]`, two categories,
/// serde.
pub mod codes {
    cause_macros::cause_table! {
        /// Why it ended.
        #[serde]
        pub enum Cause in "../../tests/snapshots/codes.toml";
        /// Groups.
        pub enum Category;
        /// Its parse error.
        pub struct ParseCauseError;
        /// Reason phrases.
        pub fn reason_phrase;
    }
}

/// The enum alone: codes on every row, no categories, no failure range.
pub mod jobs {
    cause_macros::cause_table! {
        /// Why a job ended.
        pub enum Cause in "../../tests/snapshots/jobs.toml";
    }
}

/// Markdown in the descriptions, no codes.
pub mod markdown {
    cause_macros::cause_table! {
        /// Why it ended.
        pub enum Cause in "../../tests/snapshots/markdown.toml";
        /// Groups.
        pub enum Category;
        /// Its parse error.
        pub struct ParseCauseError;
        /// Reason phrases.
        pub fn reason_phrase;
    }
}

/// The least a table holds.
pub mod minimal {
    cause_macros::cause_table! {
        /// Why it ended.
        pub enum Cause in "../../tests/snapshots/minimal.toml";
        /// Groups.
        pub enum Category;
        /// Its parse error.
        pub struct ParseCauseError;
        /// Reason phrases.
        pub fn reason_phrase;
    }
}

/// A switch's hangup causes: codes as discriminants, `[defaults] response`, `[[failure]]`
/// ranges.
pub mod switch {
    cause_macros::cause_table! {
        /// Why a job ended.
        pub enum Cause in "../../tests/snapshots/switch.toml";
    }
}

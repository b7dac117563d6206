//! A checked cause table, the [`Model`] behind [`cause-macros`](https://docs.rs/cause-macros):
//! what [`cause-table`](https://docs.rs/cause-table) reads from a TOML file and
//! [`cause-gen`](https://docs.rs/cause-gen) expands into items, with the rustdoc it gets and the
//! messages of a table's errors.
//!
//! **Internal.** This crate is part of `cause-macros` (through `cause-table` and `cause-gen`,
//! which depend on it at exactly its own version, `=0.1.0`): its items may change in any
//! release, minor or patch; `cause-table` builds the model's types, `cause-gen` reads them.
//! Depend on `cause-macros`; its `cause_table!` documents the table format.
//!
//! It depends on nothing, and nothing of the reader's: a crate of its own so that a clean
//! build compiles the two halves of the generator side by side on two cores, `cause-table`
//! (after `toml-span`) beside `cause-gen` (after `proc-macro2` and `quote`), rather than one
//! after the other. `model.rs` is the checked table, `docs.rs` the rustdoc of its items,
//! `markdown.rs` the rules by which the table's text lands in rustdoc, `diag.rs` how an
//! error is shown.

#![deny(missing_docs, unsafe_code)]

pub mod diag;
pub mod docs;
pub mod markdown;
pub mod model;

use model::Model;

/// A table with errors.
#[derive(Debug)]
pub struct Rejected {
    /// Every error in the table, in table order (file-level faults first).
    pub errors: Vec<diag::Diagnostic>,
    /// The stand-in to expand beside the errors: the rows that parsed, so that the caller's
    /// uses of their variants add no errors of their own.
    pub stand_in: Box<Model>,
}

/// How a table's text becomes its model: `cause_table::check`, which `cause-gen` is handed
/// rather than depending on, so that the two build side by side.
pub type Check = fn(&str) -> Result<Model, Rejected>;

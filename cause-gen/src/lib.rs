//! The generator behind [`cause-macros`](https://docs.rs/cause-macros): a TOML table of causes
//! read, checked and expanded into Rust, as an ordinary library.
//!
//! **Internal.** This crate is part of `cause-macros`, which depends on it at exactly its own
//! version (`=0.1.0`): its items may change in any release, minor or patch. Depend on
//! `cause-macros`; its `cause_table!` documents the table format and the generated API, the
//! promise that semver covers.
//!
//! `cause-macros` is a thin procedural macro over [`generate`]; the stages live here so that
//! anything can reach them without a macro: tests and fuzz targets run the whole pipeline on
//! any text ([`expand_table`]). The table format and the generated API are
//! documented on `cause_macros::cause_table!`.
//!
//! The pipeline, one file per stage: `load.rs` reads the file, `cause_table::check` (handed in,
//! as a [`Check`](cause_model::Check)) checks its text into a [model](cause_model::model) or
//! every error in it, and `expand.rs` turns the model into items, with the docs' strings from
//! `cause_model::docs`. This crate depends on `cause-model`, not on `cause-table`, so that a
//! clean build compiles the two side by side. A table with errors becomes those errors
//! beside stand-in items (`fallback.rs`).
//!
//! It depends on nothing but `cause-model`: the macro hands it the call as [`tt`] trees (the
//! compiler's tokens, owned and numbered) and gets back an [`Expansion`], Rust source text
//! with holes where the caller's tokens go, which the macro lexes and fills. `proc-macro2`
//! and `quote`, with their build scripts, were a fifth of the CPU of a clean build of
//! cause-core and the start of its longest chain. The feature `from-str` reads a call written
//! as text (`Input: FromStr`, with `proc-macro2`), for tests and fuzz targets.

// Lints for the generated code are checked in the crates that call the macro (cause-core and
// the tests): these cover the generator's own code.
#![deny(missing_docs, unsafe_code)]

mod error;
mod expand;
mod fallback;
mod input;
mod load;
mod pipeline;
pub mod tt;

#[cfg(test)]
mod robustness;
#[cfg(test)]
mod scale;
#[cfg(test)]
mod synthetic;

pub use error::{Error, Result};
pub use input::Input;
pub use pipeline::{CallSite, Expansion, expand_table, generate};

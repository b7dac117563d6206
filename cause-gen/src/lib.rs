//! The generator behind [`cause-macros`](https://docs.rs/cause-macros): a TOML table of causes
//! read, checked and expanded into Rust, as an ordinary library.
//!
//! `cause-macros` is a thin procedural macro over [`generate`]; the stages live here so that
//! anything can reach them without a macro: the `sip-cause` tool renders markdown with the
//! same rules as the generated docs ([`markdown`]), tests and fuzz targets run the whole
//! pipeline on any text ([`expand_table`]). The table format and the generated API are
//! documented on `cause_macros::cause_table!`.
//!
//! The pipeline, one file per stage: `load.rs` reads the file, `spec.rs` turns its TOML into a
//! spec (per-row checks), `validate.rs` checks across rows and produces the checked model
//! (`model.rs`), and `expand.rs` turns the model into items, with the docs' strings from
//! `docs.rs`. A table with errors becomes those errors beside stand-in items (`fallback.rs`).

// Lints for the generated code are checked in the crates that call the macro (cause-core and
// the tests): these cover the generator's own code.
#![deny(missing_docs, unsafe_code)]

mod diag;
mod docs;
mod expand;
mod fallback;
mod input;
mod load;
pub mod markdown;
mod model;
mod names;
mod pipeline;
mod ranges;
mod spec;
mod toml_fields;
mod validate;

#[cfg(test)]
mod robustness;
#[cfg(test)]
mod scale;
#[cfg(test)]
mod synthetic;

pub use input::Input;
pub use pipeline::{CallSite, expand_table, generate};

//! A cause table, the TOML file behind [`cause-macros`](https://docs.rs/cause-macros), read and
//! checked: its [`Model`], or every error in it with its line and column.
//!
//! **Internal.** This crate is part of `cause-macros` (through `cause-gen`, which depends on it
//! at exactly its own version, `=0.1.0`): its items may change in any release, minor or patch,
//! and the model's types are `#[non_exhaustive]`, to grow with the table format. Depend on
//! `cause-macros`; its `cause_table!` documents the table format.
//!
//! This is the first half of the generator, the half that writes strings, not tokens, so it
//! needs no Rust syntax crate: [`check`] turns the table's text into the checked model that
//! [`cause-gen`](https://docs.rs/cause-gen) expands into items, [`docs`] writes the rustdoc of
//! those items from it, and [`markdown`] holds the rules by which the table's text lands in
//! rustdoc. Keeping it a crate of its own lets it compile beside `proc-macro2` and `quote`
//! rather than after them: a clean build of `cause-core` is the two halves side by side on two
//! cores, not one after the other. The table format is documented on `cause_macros::cause_table!`.
//!
//! The stages, one file each: `spec.rs` turns the TOML into a spec (per-row checks, with
//! `toml_fields.rs`, `ranges.rs` and the naming rules of `names.rs`), `validate.rs` checks
//! across rows and produces the model (`model.rs`); `diag.rs` collects and renders errors;
//! `docs.rs` describes the checked table.

#![deny(missing_docs, unsafe_code)]

pub mod diag;
pub mod docs;
pub mod markdown;
pub mod model;
mod names;
mod ranges;
mod spec;
mod toml_fields;
mod validate;

use diag::{Diagnostic, Diagnostics};
use model::Model;
use spec::Spec;

/// A table with errors.
#[derive(Debug)]
pub struct Rejected {
    /// Every error in the table, in table order (file-level faults first).
    pub errors: Vec<Diagnostic>,
    /// The stand-in to expand beside the errors: the rows that parsed, so that the caller's
    /// uses of their variants add no errors to the table's own.
    pub stand_in: Box<Model>,
}

/// The checked model of a table's text, or every error in it with the stand-in model of the
/// rows that parsed.
///
/// ```
/// let table = "[[cause]]\nconstant = \"BUSY\"\nvalue = \"Busy\"\ndescription = \"Busy.\"\n";
/// let model = cause_table::check(table).expect("a valid table");
/// assert_eq!(model.causes[0].variant, "Busy");
///
/// let table = table.replace("BUSY", "busy");
/// let rejected = cause_table::check(&table).unwrap_err();
/// let renderer = cause_table::diag::Renderer { path: "t.toml", source: &table };
/// assert_eq!(
///     renderer.messages(&rejected.errors),
///     ["t.toml:2:13: constant `busy` is not SCREAMING_SNAKE_CASE: use ASCII upper case \
///       letters, digits and `_`, starting with a letter (like `NO_ANSWER`)\n  |\n\
///       2 | constant = \"busy\"\n  |             ^^^^"],
/// );
/// ```
pub fn check(source: &str) -> Result<Model, Rejected> {
    let diags = Diagnostics::new();
    let spec = Spec::from_toml(source, &diags);
    let model = spec
        .clone()
        .and_then(|spec| validate::validate(spec, &diags));
    if let Err(errors) = diags.check() {
        let stand_in = Box::new(validate::stand_in(spec.as_ref()));
        return Err(Rejected { errors, stand_in });
    }
    // Each stage records why it returns no model, so no errors means a model.
    model.ok_or_else(|| Rejected {
        errors: vec![Diagnostic {
            span: None,
            message: "internal error: the table has no errors but no model; please report this"
                .to_owned(),
            first_defined: None,
        }],
        stand_in: Box::new(Model::stand_in_without_rows()),
    })
}

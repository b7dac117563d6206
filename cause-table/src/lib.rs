//! A cause table, the TOML file behind [`cause-macros`](https://docs.rs/cause-macros), read and
//! checked: its [`Model`], or every error in it with its line and column.
//!
//! **Internal.** This crate is part of `cause-macros` (through cause-macros-impl, which
//! depends on it at exactly its own version, `=0.1.0`): its items may change in any release,
//! minor or patch. Depend on `cause-macros`; its `cause_table!` documents the table format.
//!
//! This is the first half of the generator: [`check`] reads the table's TOML with `toml-span`,
//! which keeps every value's position, and turns it into the checked [`Model`] (of the crate
//! `cause-model`, re-exported here with its rustdoc writer, [`docs`], and [`markdown`]) that
//! [`cause-gen`](https://docs.rs/cause-gen) expands into items. `cause-gen` does not depend on
//! this crate, only on `cause-model`: the proc macro hands it [`check`], so that a clean build
//! compiles `toml-span` and this crate on one core while `proc-macro2`, `quote` and
//! `cause-gen` compile on the other.
//!
//! The stages, one file each: `spec.rs` turns the TOML into a spec (per-row checks, with
//! `toml_fields.rs`, `ranges.rs` and the naming rules of `names.rs`), `validate.rs` checks
//! across rows and produces the model; `diag.rs` collects the errors.

#![deny(missing_docs, unsafe_code)]

pub mod diag;
mod names;
mod ranges;
mod spec;
mod toml_fields;
mod validate;

pub use cause_model::{Rejected, docs, markdown, model};

use diag::{Diagnostic, Diagnostics};
use model::Model;
use spec::Spec;

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

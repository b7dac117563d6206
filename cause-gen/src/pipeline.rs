//! The stages of one macro call, in order: read the table file (`load.rs`), build its spec
//! (`spec.rs`), validate it into a checked model (`validate.rs`), expand the model into items
//! (`expand.rs`). A table with errors becomes those errors beside stand-in items
//! (`fallback.rs`).

use std::path::PathBuf;

use proc_macro2::TokenStream;

use crate::diag::{Diagnostic, Diagnostics, Renderer};
use crate::expand::{Env, expand};
use crate::fallback;
use crate::input::Input;
use crate::load::TableFile;
use crate::model::Model;
use crate::spec::Spec;
use crate::validate::{self, validate};

/// What the macro learns from the compiler about the call.
#[derive(Debug, Clone)]
pub struct CallSite {
    /// The directory of the calling file: the table's path is relative to it.
    pub base_dir: PathBuf,
}

/// The items for the call, or its errors beside stand-in items.
pub fn generate(input: &Input, call: &CallSite) -> TokenStream {
    try_generate(input, call)
        .unwrap_or_else(|(error, stand_in)| fallback::expand_with_errors(input, error, &stand_in))
}

/// An error of the call or its table, and the stand-in model to expand beside it.
type Failed = (syn::Error, Box<Model>);

/// Read the table, build and validate its model, then expand it.
fn try_generate(input: &Input, call: &CallSite) -> Result<TokenStream, Failed> {
    let file = TableFile::read(&input.path, &call.base_dir)
        .map_err(|error| (error, Box::new(validate::stand_in(None))))?;
    let track_path = file.path.to_string_lossy();
    expand_source(input, &file.source, &file.written, Some(&track_path))
}

/// The items for `input` from the text of its table, without reading a file or tracking one:
/// every stage after the read (spec, validate, expand), for tests and fuzz targets. A table
/// with errors gives them as one error, as the macro reports them (the path as the call
/// writes it, line, column, the offending line).
pub fn expand_table(input: &Input, source: &str) -> syn::Result<TokenStream> {
    expand_source(input, source, &input.path.value(), None).map_err(|(error, _)| error)
}

/// Build and validate the model of `source` (the table `written` names), then expand it.
fn expand_source(
    input: &Input,
    source: &str,
    written: &str,
    track_path: Option<&str>,
) -> Result<TokenStream, Failed> {
    let model = build_or_stand_in(source).map_err(|(errors, stand_in)| {
        let renderer = Renderer {
            path: written,
            source,
            span: input.path.span(),
        };
        (renderer.to_syn_error(&errors), stand_in)
    })?;
    if let Err(error) = check_call_fits_table(input, &model, written) {
        return Err((error, Box::new(validate::stand_in(None))));
    }
    let env = Env { track_path };
    Ok(expand(input, &model, &env))
}

/// The call's items and the table must agree: a table with categories needs their enum, and
/// a category enum needs categories.
fn check_call_fits_table(input: &Input, model: &Model, table: &str) -> syn::Result<()> {
    match (&input.category, model.categories.is_none()) {
        (None, false) => Err(syn::Error::new(
            input.cause.ident.span(),
            format!(
                "{table} declares categories (`[[category]]`): name their enum in the call, such as `pub enum Category;` after this enum"
            ),
        )),
        (Some(item), true) => Err(syn::Error::new(
            item.ident.span(),
            format!(
                "`{}` would be the category enum, but {table} declares no `[[category]]`: remove it from the call, or declare categories",
                item.ident
            ),
        )),
        _ => Ok(()),
    }
}

/// The checked model of a table's text: the model, or every error in the table.
#[cfg(test)]
pub fn build(source: &str) -> Result<Model, Vec<Diagnostic>> {
    build_or_stand_in(source).map_err(|(errors, _)| errors)
}

/// The checked model of a table's text, or every error in the table with the stand-in model
/// of the rows that parsed.
fn build_or_stand_in(source: &str) -> Result<Model, (Vec<Diagnostic>, Box<Model>)> {
    let diags = Diagnostics::new();
    let spec = Spec::from_toml(source, &diags);
    let model = spec.clone().and_then(|spec| validate(spec, &diags));
    if let Err(errors) = diags.check() {
        return Err((errors, Box::new(validate::stand_in(spec.as_ref()))));
    }
    // Each stage records why it returns no model, so no errors means a model.
    model.ok_or_else(|| {
        let bug = "internal error: the table has no errors but no model; please report this";
        let error = Diagnostic {
            span: None,
            message: bug.to_owned(),
            first_defined: None,
        };
        (vec![error], Box::new(validate::stand_in(None)))
    })
}

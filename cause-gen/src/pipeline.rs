//! The stages of one macro call, in order: read the table file (`load.rs`), check its text into
//! a model (`cause_table::check`, handed in as a [`Check`]), expand the model into items (`expand.rs`). A table with
//! errors becomes those errors beside stand-in items (`fallback.rs`).

use std::path::PathBuf;

use cause_model::diag::Renderer;
use cause_model::model::Model;
use cause_model::{Check, Rejected};

use crate::error::{Error, Result};
use crate::expand::{Env, expand};
use crate::fallback;
use crate::input::Input;
use crate::load::TableFile;
use crate::tt::{HOLE_PREFIX, Span, TokenStream, TokenTree, hole_index};

/// What the macro learns from the compiler about the call.
#[derive(Debug, Clone)]
pub struct CallSite {
    /// The directory of the calling file: the table's path is relative to it.
    pub base_dir: PathBuf,
}

/// What a call expands to: the items as Rust source text, with a hole for each token of the
/// caller's it repeats (see [`tt`](crate::tt)), and the errors to emit before them.
#[derive(Debug)]
pub struct Expansion {
    /// The call's or the table's errors; the items are then stand-ins.
    pub errors: Option<Error>,
    /// The items, as source text with holes.
    pub code: String,
}

impl Expansion {
    /// The items as source text with every hole filled with the caller's tokens, as text:
    /// for tests, snapshots and fuzz targets (the macro fills them with the tokens themselves).
    pub fn text(&self, input: &Input) -> String {
        let mut out = String::with_capacity(self.code.len());
        let mut rest = self.code.as_str();
        while let Some(at) = rest.find(HOLE_PREFIX) {
            out.push_str(&rest[..at]);
            let hole = &rest[at..];
            let end = hole[HOLE_PREFIX.len()..]
                .find(|c: char| !c.is_ascii_digit())
                .map_or(hole.len(), |digits| HOLE_PREFIX.len() + digits);
            let tree = hole_index(&hole[..end]).and_then(|index| input.token(index));
            let tree = tree.expect("every hole stands for a token of the call");
            out.push_str(&TokenStream::from_iter([tree.clone()]).text());
            rest = &hole[end..];
            // `::` written as two holes reads as `::` again, not `: :`.
            if matches!(tree, TokenTree::Punct(punct) if punct.is_joint()) {
                rest = rest.strip_prefix(' ').unwrap_or(rest);
            }
        }
        out.push_str(rest);
        out
    }
}

/// The items for the call, or its errors beside stand-in items; `check` reads the table
/// (`cause_table::check`).
pub fn generate(input: &Input, call: &CallSite, check: Check) -> Expansion {
    match try_generate(input, call, check) {
        Ok(code) => Expansion { errors: None, code },
        Err((error, stand_in)) => fallback::expand_with_errors(input, error, &stand_in),
    }
}

/// An error of the call or its table, and the stand-in model to expand beside it.
type Failed = (Error, Box<Model>);

/// Read the table, build and validate its model, then expand it.
fn try_generate(
    input: &Input,
    call: &CallSite,
    check: Check,
) -> std::result::Result<String, Failed> {
    let file = TableFile::read(&input.path, &call.base_dir)
        .map_err(|error| (error, Box::new(Model::stand_in_without_rows())))?;
    let track_path = file.path.to_string_lossy();
    expand_source(input, &file.source, &file.written, Some(&track_path), check)
}

/// The items for `input` from the text of its table, without reading a file or tracking one:
/// every stage after the read (spec, validate, expand), for tests and fuzz targets. A table
/// with errors gives them as one error, as the macro reports them (the path as the call
/// writes it, line, column, the offending line). `check` reads the table (`cause_table::check`).
pub fn expand_table(input: &Input, source: &str, check: Check) -> Result<Expansion> {
    let code = expand_source(input, source, &input.path.value(), None, check);
    let code = code.map_err(|(error, _)| error)?;
    Ok(Expansion { errors: None, code })
}

/// Build and validate the model of `source` (the table `written` names), then expand it.
fn expand_source(
    input: &Input,
    source: &str,
    written: &str,
    track_path: Option<&str>,
    check: Check,
) -> std::result::Result<String, Failed> {
    let model = check(source).map_err(|Rejected { errors, stand_in }| {
        let renderer = Renderer {
            path: written,
            source,
        };
        let messages = renderer.messages(&errors);
        (
            combined_error(input.path.span(), written, messages),
            stand_in,
        )
    })?;
    if let Err(error) = check_call_fits_table(input, &model, written) {
        return Err((error, Box::new(model.stand_in_of_rows())));
    }
    let env = Env { track_path };
    Ok(expand(input, &model, &env))
}

/// The call's items and the table must agree: a table with categories needs their enum, and
/// a category enum needs categories.
fn check_call_fits_table(input: &Input, model: &Model, table: &str) -> Result<()> {
    match (&input.category, model.categories.is_none()) {
        (None, false) => Err(Error::new(
            input.cause.ident.span(),
            format!(
                "{table} declares categories (`[[category]]`): name their enum in the call, such as `pub enum Category;` after this enum"
            ),
        )),
        (Some(item), true) => Err(Error::new(
            item.ident.span(),
            format!(
                "`{}` would be the category enum, but {table} declares no `[[category]]`: remove it from the call, or declare categories",
                item.ident.name()
            ),
        )),
        _ => Ok(()),
    }
}

/// One compiler error of every message, each on `span` (the path literal of the call). A
/// rejected table has at least one; were it none, the error still says the table is invalid.
fn combined_error(span: Span, table: &str, messages: Vec<String>) -> Error {
    let mut errors = messages.into_iter().map(|m| Error::new(span, m));
    let first = errors
        .next()
        .unwrap_or_else(|| Error::new(span, format!("{table}: invalid table")));
    errors.fold(first, |mut combined, error| {
        combined.combine(error);
        combined
    })
}

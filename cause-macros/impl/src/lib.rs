//! The procedural macro of [`cause-macros`](https://docs.rs/cause-macros), which re-exports it
//! beside the support code its expansions call.
//!
//! **Internal.** `cause-macros` depends on this crate at exactly its own version (`=0.1.0`):
//! depend on `cause-macros`, whose `cause_table!` is this macro and documents it. A proc-macro
//! crate can export nothing but macros, so the code every table's expansion shares lives in
//! `cause-macros-support`, re-exported as `cause_macros::__private`; `cause-macros`' own
//! `cause_table!` is a `macro_rules!` that calls this macro with its own `$crate`, so the
//! expansion reaches that code however the caller named the dependency.

#![deny(missing_docs, unsafe_code)]

use std::path::PathBuf;

use proc_macro::TokenStream;

/// The macro behind `cause_macros::cause_table!`, which documents it and calls this with
/// `[$crate]` before the caller's items: the path, however the caller named the dependency, of
/// the support code the expansion calls.
#[proc_macro]
pub fn cause_table(input: TokenStream) -> TokenStream {
    let input = match cause_gen::Input::from_tokens(input.into()) {
        Ok(input) => input,
        Err(error) => return error.into_compile_error().into(),
    };
    let call = cause_gen::CallSite {
        base_dir: calling_dir(&input),
    };
    cause_gen::generate(&input, &call, cause_table::check).into()
}

/// The directory of the file that calls the macro, as `include_str!` resolves paths; the
/// crate's manifest directory where the compiler does not say (some IDE expansions).
fn calling_dir(input: &cause_gen::Input) -> PathBuf {
    let file = input.path_span().unwrap().local_file(); // ok: to proc_macro::Span, in a macro
    let dir = file.and_then(|f| f.parent().map(PathBuf::from));
    let dir = dir.or_else(|| std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from));
    let dir = dir.unwrap_or_default();
    // rustc may give the file relative to its working directory, which this process shares.
    std::path::absolute(&dir).unwrap_or(dir)
}

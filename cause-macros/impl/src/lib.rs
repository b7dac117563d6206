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

use cause_gen::tt;
use proc_macro::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};

/// The macro behind `cause_macros::cause_table!`, which documents it and calls this with
/// `[$crate]` before the caller's items: the path, however the caller named the dependency, of
/// the support code the expansion calls.
#[proc_macro]
pub fn cause_table(input: TokenStream) -> TokenStream {
    let mut call = Vec::new();
    let trees = convert(input, &mut call);
    let input = match cause_gen::Input::from_tokens(trees) {
        Ok(input) => input,
        Err(error) => return compile_errors(&error, &call),
    };
    let site = cause_gen::CallSite {
        base_dir: calling_dir(&input, &call),
    };
    let expansion = cause_gen::generate(&input, &site, cause_table::check);
    let code: TokenStream = match expansion.code.parse() {
        Ok(code) => code,
        // The generator writes Rust that lexes; were it ever not to, say so where the call is.
        Err(error) => return compile_error(Span::call_site(), &format!("cause_table!: {error}")),
    };
    let mut out = match &expansion.errors {
        Some(errors) => compile_errors(errors, &call),
        None => TokenStream::new(),
    };
    out.extend(fill(code, &call));
    out
}

/// The compiler's tokens as the generator reads them, numbered in pre-order; `call` keeps
/// each original tree, for the spans of errors and for the expansion's holes.
fn convert(stream: TokenStream, call: &mut Vec<TokenTree>) -> tt::TokenStream {
    stream
        .into_iter()
        .map(|tree| {
            let span = tt::Span::token(call.len());
            call.push(tree.clone());
            match tree {
                TokenTree::Group(group) => {
                    let delimiter = match group.delimiter() {
                        Delimiter::Parenthesis => tt::Delimiter::Parenthesis,
                        Delimiter::Brace => tt::Delimiter::Brace,
                        Delimiter::Bracket => tt::Delimiter::Bracket,
                        Delimiter::None => tt::Delimiter::None,
                    };
                    let stream = convert(group.stream(), call);
                    tt::TokenTree::Group(tt::Group::new(delimiter, stream, span))
                }
                TokenTree::Ident(ident) => {
                    tt::TokenTree::Ident(tt::Ident::new(ident.to_string(), span))
                }
                TokenTree::Punct(punct) => {
                    let joint = punct.spacing() == Spacing::Joint;
                    tt::TokenTree::Punct(tt::Punct::new(punct.as_char(), joint, span))
                }
                TokenTree::Literal(literal) => {
                    tt::TokenTree::Literal(tt::Literal::new(literal.to_string(), span))
                }
            }
        })
        .collect()
}

/// The expansion with each hole replaced by the caller's own tree, spans and all.
fn fill(code: TokenStream, call: &[TokenTree]) -> TokenStream {
    code.into_iter()
        .map(|tree| match tree {
            TokenTree::Ident(ident) => {
                let hole = tt::hole_index(&ident.to_string()).and_then(|index| call.get(index));
                hole.cloned().unwrap_or(TokenTree::Ident(ident))
            }
            TokenTree::Group(group) => {
                let mut filled = Group::new(group.delimiter(), fill(group.stream(), call));
                filled.set_span(group.span());
                TokenTree::Group(filled)
            }
            tree => tree,
        })
        .collect()
}

/// The span of the call's token at `span`, or the call site.
fn span_of(span: tt::Span, call: &[TokenTree]) -> Span {
    let tree = span.index().and_then(|index| call.get(index));
    tree.map_or_else(Span::call_site, TokenTree::span)
}

/// `::core::compile_error! { "message" }` for every message of `error`, each on its token.
fn compile_errors(error: &cause_gen::Error, call: &[TokenTree]) -> TokenStream {
    let errors = error.spanned();
    let errors = errors.map(|(span, message)| compile_error(span_of(span, call), message));
    errors.collect()
}

fn compile_error(span: Span, message: &str) -> TokenStream {
    let punct = |ch, spacing| {
        let mut punct = Punct::new(ch, spacing);
        punct.set_span(span);
        TokenTree::Punct(punct)
    };
    let mut text = Literal::string(message);
    text.set_span(span);
    let mut body = Group::new(Delimiter::Brace, TokenTree::Literal(text).into());
    body.set_span(span);
    TokenStream::from_iter([
        punct(':', Spacing::Joint),
        punct(':', Spacing::Alone),
        TokenTree::Ident(Ident::new("core", span)),
        punct(':', Spacing::Joint),
        punct(':', Spacing::Alone),
        TokenTree::Ident(Ident::new("compile_error", span)),
        punct('!', Spacing::Alone),
        TokenTree::Group(body),
    ])
}

/// The directory of the file that calls the macro, as `include_str!` resolves paths; the
/// crate's manifest directory where the compiler does not say (some IDE expansions).
fn calling_dir(input: &cause_gen::Input, call: &[TokenTree]) -> PathBuf {
    let file = span_of(input.path_span(), call).local_file();
    let dir = file.and_then(|f| f.parent().map(PathBuf::from));
    let dir = dir.or_else(|| std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from));
    let dir = dir.unwrap_or_default();
    // rustc may give the file relative to its working directory, which this process shares.
    std::path::absolute(&dir).unwrap_or(dir)
}

//! The macro call: the items to generate, their names, attributes and the table's path.
//!
//! ```text
//! /// docs
//! #[derive(...)]
//! pub enum Cause in "causes.toml";
//! /// docs
//! pub enum Category;
//! /// docs
//! pub struct ParseCauseError;
//! /// docs
//! pub fn reason_phrase;
//! ```

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use quote::ToTokens;
use syn::parse::{Parse, ParseStream};
use syn::{Ident, LitStr, Token};

pub struct Input {
    pub cause: Item,
    /// The table's path, relative to the file that calls the macro.
    pub path: LitStr,
    pub category: Item,
    pub parse_error: Item,
    pub reason_phrase: Item,
}

/// One item to generate: what the caller wrote before and as its name.
pub struct Item {
    /// Outer attributes (`#[...]`, doc comments), passed through as written.
    pub attrs: Vec<TokenStream>,
    /// `pub`, `pub(crate)`, `pub(in path)` or nothing, passed through as written.
    pub vis: TokenStream,
    pub ident: Ident,
}

impl Parse for Input {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let (cause, path) = Item::parse_with(input, |input| {
            input.parse::<Token![enum]>()?;
            let ident = input.parse()?;
            if !input.peek(Token![in]) || !input.peek2(LitStr) {
                return Err(input.error(
                    "expected `in \"causes.toml\"` after the enum's name: the path of the table, relative to this file",
                ));
            }
            input.parse::<Token![in]>()?;
            Ok((ident, input.parse::<LitStr>()?))
        })?;
        let (category, ()) = Item::parse_with(input, |input| {
            input.parse::<Token![enum]>()?;
            Ok((input.parse()?, ()))
        })?;
        let (parse_error, ()) = Item::parse_with(input, |input| {
            input.parse::<Token![struct]>()?;
            Ok((input.parse()?, ()))
        })?;
        let (reason_phrase, ()) = Item::parse_with(input, |input| {
            input.parse::<Token![fn]>()?;
            Ok((input.parse()?, ()))
        })?;
        if !input.is_empty() {
            return Err(
                input.error("unexpected tokens after `fn ...;`: the macro takes four items")
            );
        }
        Ok(Input {
            cause,
            path,
            category,
            parse_error,
            reason_phrase,
        })
    }
}

impl Item {
    /// Whether the caller wrote documentation for the item (a doc comment or `#[doc = ...]`):
    /// then the generated summary stays out, so that the two are not run together.
    pub fn has_doc(&self) -> bool {
        self.attrs.iter().any(|attr| {
            let mut tokens = attr.clone().into_iter().skip(1);
            let Some(TokenTree::Group(body)) = tokens.next() else {
                return false;
            };
            matches!(body.stream().into_iter().next(), Some(TokenTree::Ident(name)) if name == "doc")
        })
    }

    /// `#[attrs] vis <rest> ;` where `rest` parses the keyword and the name.
    fn parse_with<T>(
        input: ParseStream,
        rest: impl FnOnce(ParseStream) -> syn::Result<(Ident, T)>,
    ) -> syn::Result<(Item, T)> {
        let attrs = parse_attributes(input)?;
        let vis = parse_visibility(input)?;
        let (ident, extra) = rest(input)?;
        input.parse::<Token![;]>()?;
        Ok((Item { attrs, vis, ident }, extra))
    }
}

// Attributes and visibility are only passed through, so they are read as tokens: syn's
// `Attribute` and `Visibility` would need its `derive` feature, measured as a third of the
// crate's clean build.

/// `#[...]` and doc comments (which reach a macro as `#[doc = "..."]`).
fn parse_attributes(input: ParseStream) -> syn::Result<Vec<TokenStream>> {
    let mut attrs = Vec::new();
    while input.peek(Token![#]) {
        let pound: Token![#] = input.parse()?;
        let body: TokenTree = input.parse()?;
        match &body {
            TokenTree::Group(group) if group.delimiter() == Delimiter::Bracket => {
                let mut attr = pound.to_token_stream();
                attr.extend([body]);
                attrs.push(attr);
            }
            _ => return Err(syn::Error::new(body.span(), "expected `[` after `#`")),
        }
    }
    Ok(attrs)
}

/// `pub`, `pub(crate)`, `pub(super)`, `pub(in path)`, or nothing.
fn parse_visibility(input: ParseStream) -> syn::Result<TokenStream> {
    if !input.peek(Token![pub]) {
        return Ok(TokenStream::new());
    }
    let mut vis = input.parse::<Token![pub]>()?.to_token_stream();
    if input.peek(syn::token::Paren) {
        vis.extend([input.parse::<TokenTree>()?]);
    }
    Ok(vis)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_four_items() {
        let input: Input = syn::parse_str(
            r#"
            /// Why.
            #[derive(Default)]
            pub enum Cause in "causes.toml";
            pub(crate) enum Category;
            pub struct ParseCauseError;
            fn reason_phrase;
            "#,
        )
        .expect("the four items parse");
        assert_eq!(input.cause.ident, "Cause");
        assert_eq!(input.cause.attrs.len(), 2);
        assert_eq!(input.path.value(), "causes.toml");
        assert_eq!(input.category.ident, "Category");
        assert_eq!(input.category.vis.to_string(), "pub (crate)");
        assert_eq!(input.parse_error.ident, "ParseCauseError");
        assert!(input.reason_phrase.vis.is_empty());
        assert_eq!(input.cause.attrs[1].to_string(), "# [derive (Default)]");
        assert!(input.cause.has_doc());
        assert!(!input.category.has_doc());
    }

    #[test]
    fn rejects_a_missing_path() {
        let error = syn::parse_str::<Input>("pub enum Cause;")
            .err()
            .expect("no path is an error");
        assert_eq!(
            error.to_string(),
            "expected `in \"causes.toml\"` after the enum's name: the path of the table, relative to this file"
        );
    }
}

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

use syn::parse::{Parse, ParseStream};
use syn::{Attribute, Ident, LitStr, Token, Visibility};

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
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
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
    /// `#[attrs] vis <rest> ;` where `rest` parses the keyword and the name.
    fn parse_with<T>(
        input: ParseStream,
        rest: impl FnOnce(ParseStream) -> syn::Result<(Ident, T)>,
    ) -> syn::Result<(Item, T)> {
        let attrs = input.call(Attribute::parse_outer)?;
        let vis = input.parse()?;
        let (ident, extra) = rest(input)?;
        input.parse::<Token![;]>()?;
        Ok((Item { attrs, vis, ident }, extra))
    }
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
        .unwrap();
        assert_eq!(input.cause.ident, "Cause");
        assert_eq!(input.cause.attrs.len(), 2);
        assert_eq!(input.path.value(), "causes.toml");
        assert_eq!(input.category.ident, "Category");
        assert!(matches!(input.category.vis, Visibility::Restricted(_)));
        assert_eq!(input.parse_error.ident, "ParseCauseError");
        assert!(matches!(input.reason_phrase.vis, Visibility::Inherited));
    }

    #[test]
    fn rejects_a_missing_path() {
        let error = syn::parse_str::<Input>("pub enum Cause;").err().unwrap();
        assert_eq!(
            error.to_string(),
            "expected `in \"causes.toml\"` after the enum's name: the path of the table, relative to this file"
        );
    }
}

//! Code for the error of parsing a string that names no cause: a type of the table's own
//! around the support's `ParseError` (`cause_macros::__private`), which keeps the start of the
//! string and writes the message. Only the items a user sees on the type, with their docs and
//! examples, are written here; each calls the support with the table (`Cause::__TABLE`).

use super::member::Member;
use super::{Generator, derive, doc_attr, lit};
use crate::input::Item;

/// How many bytes of the input the error keeps, and the longest strings it compares (as
/// `cause_macros::__private` does).
const KEPT: usize = 32;

impl Generator<'_> {
    pub(super) fn parse_error(&self, item: &Item) -> String {
        let (attrs, vis, ident) = (self.attrs(item), item.vis.code(), item.ident.code());
        let cause = self.input.cause.ident.code();
        // Generated only where the caller wrote none: two summaries would run together.
        let doc = (!item.has_doc()).then(|| {
            doc_attr(&format!(
                " The error of parsing a string that is no [`{}`]'s value or alias.",
                self.input.cause.ident.name()
            ))
        });
        let doc = doc.unwrap_or_default();
        let derive = derive(&["Clone", "Copy", "PartialEq", "Eq", "Hash"]);
        let support = self.support();
        let name = lit(item.ident.name());
        let input = self.member(input_member);
        let suggestions = self.member(suggestions_member);
        format!(
            "
            {attrs}
            {doc}
            {derive}
            {vis} struct {ident}({support}::ParseError);

            impl {ident} {{
                // A miss's error is built out of line (`ParseError::new`), so that a hit's code
                // stays small.
                #[inline]
                fn __new(__s: &::core::primitive::str) -> Self {{
                    Self({support}::ParseError::new(__s))
                }}

                // `TryFrom<u16>`'s error: the code in decimal digits, as the input.
                #[inline]
                #[allow(dead_code)]
                fn __from_code(__code: ::core::primitive::u16) -> Self {{
                    Self({support}::ParseError::from_code(__code))
                }}

                {input}

                /// Whether the string was longer than [`input`](Self::input) keeps.
                #[must_use]
                pub fn is_cut(&self) -> ::core::primitive::bool {{
                    self.0.is_cut()
                }}

                {suggestions}
            }}

            impl ::core::fmt::Debug for {ident} {{
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{
                    self.0.debug({name}, f)
                }}
            }}

            impl ::core::fmt::Display for {ident} {{
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{
                    self.0.display(&{cause}::__TABLE, f)
                }}
            }}

            impl ::core::error::Error for {ident} {{}}
            "
        )
    }
}

fn input_member(g: &Generator) -> Option<Member> {
    let name = &g.docs.enum_name;
    // A trailing space: no value or alias can end in one.
    let example = format!(
        "let error = \"nope \".parse::<{name}>().unwrap_err();\nassert_eq!(error.input(), \"nope \");\nassert!(!error.is_cut());\n"
    );
    Some(Member {
        doc: "The string that did not parse: all of it, or its first 32 bytes (see\n\
              [`is_cut`](Self::is_cut))."
            .into(),
        example: g.model.causes.first().map(|_| example),
        with_category: false,
        item: "
            #[must_use]
            pub fn input(&self) -> &::core::primitive::str {
                self.0.input()
            }
            "
        .to_owned(),
    })
}

fn suggestions_member(g: &Generator) -> Option<Member> {
    let name = &g.docs.enum_name;
    let cause = g.input.cause.ident.code();
    // A value with its last letter doubled: one edit away, so it is offered.
    let example = g.model.causes.first().and_then(|first| {
        let last = first.value.chars().last().filter(char::is_ascii_alphanumeric)?;
        let typo = format!("{}{last}", first.value);
        // The error keeps and compares 32 bytes at most.
        if typo.len() > KEPT {
            return None;
        }
        (g.model.causes.iter().all(|c| c.value != typo && !c.aliases.contains(&typo))).then(|| {
            format!(
                "let error = {typo:?}.parse::<{name}>().unwrap_err();\nassert_eq!(error.suggestions().next(), Some({:?}));\n",
                first.value
            )
        })
    });
    Some(Member {
        doc: "The values or aliases closest to the input, best first, at most three: those its\n\
              message offers (\"did you mean ...\"). A cause's constant counts too, and offers\n\
              its value. None for a code given to `TryFrom<u16>`."
            .into(),
        example,
        with_category: false,
        item: format!("
            pub fn suggestions(&self) -> impl ::core::iter::Iterator<Item = &'static ::core::primitive::str> {{
                self.0.closest(&{cause}::__TABLE).into_iter().flatten()
            }}
            "),
    })
}

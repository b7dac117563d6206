//! The standard traits of the cause enum: `Debug`, `Display`, `FromStr` (with the call's parse
//! error), the conversion to `&'static str`, and where every row has a code, the conversions
//! to and from `u16`.

use super::tables::StringMatch;
use super::{Generator, doc_attr, lit};
use crate::tt::Ident;
use cause_model::model::RowCodes;

impl Generator<'_> {
    pub(super) fn cause_traits(&self) -> String {
        let ident = self.input.cause.ident.code();
        let from_str = self
            .input
            .parse_error
            .as_ref()
            .map(|item| self.impl_from_str(&item.ident));
        let from_str = from_str.unwrap_or_default();
        let codes = self.impl_codes();
        let debug = if self.model.causes.is_empty() {
            "match *self {}".to_owned()
        } else {
            let str = "&::core::primitive::str".to_owned();
            let names = self.per_cause_of("*self".to_owned(), str, |c| lit(&c.variant));
            format!("f.write_str({{ {names} }})")
        };
        format!(
            "
            // Written out, not derived: rustc checks a derived `Debug` (a `match` with an arm per
            // variant) in time quadratic in the variants, 26 s for 20,000 of them.
            impl ::core::fmt::Debug for {ident} {{
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{
                    {debug}
                }}
            }}

            impl ::core::fmt::Display for {ident} {{
                #[inline]
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{
                    f.pad(self.as_str())
                }}
            }}

            {from_str}
            {codes}

            impl ::core::convert::From<{ident}> for &'static ::core::primitive::str {{
                #[inline]
                fn from(cause: {ident}) -> Self {{
                    cause.as_str()
                }}
            }}
            "
        )
    }

    /// Where every row has a code: `From<Cause> for u16` (the code) and, with the parse error,
    /// `TryFrom<u16>` (the cause of a code).
    fn impl_codes(&self) -> String {
        if self.model.row_codes != RowCodes::All {
            return String::new();
        }
        let ident = self.input.cause.ident.code();
        let name = self.input.cause.ident.name();
        let try_from = self.input.parse_error.as_ref().map(|item| {
            let error = item.ident.code();
            let doc = doc_attr(&format!(" The cause whose `code` is `code`, or an error naming the code (see [`{name}::from_code`])."));
            format!("
                impl ::core::convert::TryFrom<::core::primitive::u16> for {ident} {{
                    type Error = {error};

                    {doc}
                    #[inline]
                    fn try_from(code: ::core::primitive::u16) -> ::core::result::Result<Self, Self::Error> {{
                        match Self::from_code(code) {{
                            ::core::option::Option::Some(__cause) => ::core::result::Result::Ok(__cause),
                            ::core::option::Option::None => ::core::result::Result::Err({error}::__from_code(code)),
                        }}
                    }}
                }}
                ")
        });
        let try_from = try_from.unwrap_or_default();
        let doc = doc_attr(&format!(
            " The cause's `code`, as [`{name}::code`] gives it."
        ));
        format!(
            "
            {try_from}

            impl ::core::convert::From<{ident}> for ::core::primitive::u16 {{
                {doc}
                #[inline]
                fn from(cause: {ident}) -> Self {{
                    cause.code()
                }}
            }}
            "
        )
    }

    /// `FromStr` by every exact spelling ([`Generator::spellings`]), failing with the declared
    /// parse error `error`.
    fn impl_from_str(&self, error: &Ident) -> String {
        let ident = self.input.cause.ident.code();
        let error = error.code();
        // The match yields an `Option` (a register, not the error's 40 bytes in memory), and
        // only a miss builds the error: hits measured 1.2 times a hand-written `match` when
        // each arm wrote a whole `Result`.
        let matcher = StringMatch {
            cause: ident.clone(),
            variants: &self.variants,
            hit: |variant| format!("::core::option::Option::Some({variant})"),
            miss: "::core::option::Option::None".to_owned(),
        };
        let found = matcher.expand("s".to_owned(), self.spellings().entries());
        let body = format!(
            "
            let __found: ::core::option::Option<Self> = {found};
            match __found {{
                ::core::option::Option::Some(cause) => ::core::result::Result::Ok(cause),
                ::core::option::Option::None => ::core::result::Result::Err({error}::__new(s)),
            }}
            "
        );
        let doc = doc_attr(&format!(
            " Parses {}, matched exactly (case and spaces included).",
            self.spellings_text()
        ));
        format!("
            impl ::core::str::FromStr for {ident} {{
                type Err = {error};

                {doc}
                #[inline]
                fn from_str(s: &::core::primitive::str) -> ::core::result::Result<Self, Self::Err> {{
                    {body}
                }}
            }}
            ")
    }

    /// Every exact spelling of a cause, the one rule that `FromStr`, serde and the first step
    /// of `find` share: each value and alias, then each constant, then each `code` as digits;
    /// where two causes share a spelling, the first in that order has it.
    pub(super) fn spellings(&self) -> Spellings {
        let causes = self.model.causes.iter().enumerate();
        let values = causes.clone().flat_map(|(index, cause)| {
            let strings = std::iter::once(&cause.value).chain(&cause.aliases);
            strings.map(move |s| (s.clone(), index))
        });
        let constants = causes
            .clone()
            .map(|(index, cause)| (cause.constant.clone(), index));
        let codes = causes.filter_map(|(index, cause)| Some((cause.code?.to_string(), index)));
        let mut seen = std::collections::HashSet::new();
        let all = values.chain(constants).chain(codes);
        Spellings(all.filter(|(s, _)| seen.insert(s.clone())).collect())
    }

    /// What [`Generator::spellings`] reads, in words: "a value, an alias, a constant or a code".
    pub(super) fn spellings_text(&self) -> &'static str {
        let aliases = self.model.causes.iter().any(|c| !c.aliases.is_empty());
        match (aliases, self.model.row_codes != RowCodes::None) {
            (true, true) => "a cause's value, an alias, its constant or its `code` in digits",
            (true, false) => "a cause's value, an alias or its constant",
            (false, true) => "a cause's value, its constant or its `code` in digits",
            (false, false) => "a cause's value or its constant",
        }
    }
}

/// The exact spellings of the causes, each with the index of its cause.
pub(super) struct Spellings(Vec<(String, usize)>);

impl Spellings {
    /// As [`StringMatch::expand`] takes them.
    pub(super) fn entries(&self) -> Vec<(&str, usize)> {
        self.0
            .iter()
            .map(|(s, index)| (s.as_str(), *index))
            .collect()
    }
}

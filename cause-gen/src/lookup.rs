//! The lookups of the cause enum: from a constant, from a status code. Their bodies go from a
//! status code through an array indexed by `code - lowest`, from a string through a dispatch on
//! its length.

use std::collections::BTreeMap;

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use crate::expand::{Generator, accessor};
use crate::method_docs::Method;
use crate::model::RowCodes;

impl Generator<'_> {
    pub fn by_name(&self) -> TokenStream {
        let names = self.model.causes.iter().enumerate();
        let names = names.map(|(index, cause)| (cause.row.constant.value.as_str(), index));
        let matcher = StringMatch {
            cause: &self.input.cause.ident,
            variants: &self.variants,
            hit: |variant| quote!(::core::option::Option::Some(#variant)),
            miss: quote!(::core::option::Option::None),
        };
        let body = matcher.expand(quote!(name), names.collect());
        let accessor = accessor();
        let ex_fromname = self.method_example(Method::FromName);
        quote! {
            /// The cause whose constant is `name` (`"BUSY"`), matched exactly; `None` for any
            /// other string.
            #ex_fromname
            #accessor
            pub fn from_name(name: &::core::primitive::str) -> ::core::option::Option<Self> {
                #body
            }
        }
    }

    /// `code()` and `from_code()`, for a table whose rows have their own `code`.
    pub fn row_code_lookups(&self) -> TokenStream {
        let ident = &self.input.cause.ident;
        let accessor = accessor();
        let u16 = quote!(::core::primitive::u16);
        let (ty, item): (TokenStream, fn(u16) -> TokenStream) = match self.model.row_codes {
            RowCodes::None => return TokenStream::new(),
            RowCodes::All => (quote!(#u16), |code| {
                let code = Literal::u16_unsuffixed(code);
                quote!(#code)
            }),
            RowCodes::Some => (quote!(::core::option::Option<#u16>), |code| {
                let code = Literal::u16_unsuffixed(code);
                quote!(::core::option::Option::Some(#code))
            }),
        };
        let codes = self.per_cause(ty.clone(), |cause| match &cause.row.code {
            Some(code) => item(code.value),
            None => quote!(::core::option::Option::None),
        });
        let causes = self.model.causes.iter().zip(&self.variants);
        let listed = causes.filter_map(|(cause, variant)| {
            let code = cause.row.code.as_ref()?.value;
            Some((code, quote!(::core::option::Option::Some(#variant))))
        });
        let body = code_table(
            quote!(::core::option::Option<#ident>),
            listed.collect(),
            None,
            quote!(::core::option::Option::None),
        );
        let ex_code = self.method_example(Method::Code);
        let ex_fromcode = self.method_example(Method::FromCode);
        quote! {
            /// The row's own number in the table (its `code`).
            #ex_code
            #accessor
            pub const fn code(self) -> #ty { #codes }

            /// The cause whose `code` is `code`; `None` if no row has it.
            #ex_fromcode
            #accessor
            pub const fn from_code(code: #u16) -> ::core::option::Option<Self> {
                #body
            }
        }
    }

    pub fn code_lookups(&self) -> TokenStream {
        let by_code = self.by_status_code();
        let for_failure = self.for_failure_response();
        let in_dialog = self.for_in_dialog_failure();
        quote!(#by_code #for_failure #in_dialog)
    }

    /// `Some(Cause::X)` for each code a cause lists in `status-codes`.
    fn status_code_items(&self) -> Vec<(u16, TokenStream)> {
        let causes = self.model.causes.iter().zip(&self.variants);
        let listed = causes.flat_map(|(cause, variant)| {
            let some = quote!(::core::option::Option::Some(#variant));
            cause
                .row
                .status_codes
                .iter()
                .map(move |code| (code.value, some.clone()))
        });
        listed.collect()
    }

    fn by_status_code(&self) -> TokenStream {
        let cause = &self.input.cause.ident;
        let body = code_table(
            quote!(::core::option::Option<#cause>),
            self.status_code_items(),
            None,
            quote!(::core::option::Option::None),
        );
        let accessor = accessor();
        let ex_fromstatuscode = self.method_example(Method::FromStatusCode);
        quote! {
            /// The cause whose `status-codes` list `code`, whatever the response class;
            /// `None` if no cause lists it.
            #ex_fromstatuscode
            #accessor
            pub const fn from_status_code(code: ::core::primitive::u16) -> ::core::option::Option<Self> {
                #body
            }
        }
    }

    fn for_failure_response(&self) -> TokenStream {
        let accessor = accessor();
        // Without `[failure]` there are no failure codes, and nothing to generate, but for the
        // stand-in beside a table's errors, which keeps the method so that its uses compile.
        let Some(failure) = self.model.failure else {
            if !self.model.stand_in {
                return TokenStream::new();
            }
            return quote! {
                /// The cause of a failure response (none: the table has errors).
                #[inline]
                #[must_use]
                pub const fn for_failure_response(code: ::core::primitive::u16) -> ::core::option::Option<Self> {
                    let _ = code;
                    ::core::option::Option::None
                }
            };
        };
        let cause = &self.input.cause.ident;
        let fallback = &self.model.causes[failure.fallback];
        let fallback_variant = &self.variants[failure.fallback];
        let (low, high) = (failure.low, failure.high);
        let body = code_table(
            quote!(::core::option::Option<#cause>),
            self.status_code_items(),
            Some((low, high)),
            quote!(::core::option::Option::Some(#fallback_variant)),
        );
        let doc = format!(
            " The cause of a final failure response: `None` outside {low}..={high}; inside, the \
             cause whose `status-codes` list `code`, or [`{}`](Self::FALLBACK) if none does.",
            fallback.row.constant.value
        );
        let low_lit = Literal::u16_unsuffixed(low);
        let high_lit = Literal::u16_unsuffixed(high);
        let ex_failurecodes = self.method_example(Method::FailureCodes);
        let ex_fallback = self.method_example(Method::Fallback);
        let ex_forfailureresponse = self.method_example(Method::ForFailureResponse);
        quote! {
            /// The final failure responses, as the table's `[failure] codes` bounds them.
            #ex_failurecodes
            pub const FAILURE_CODES: ::core::ops::RangeInclusive<::core::primitive::u16> = #low_lit..=#high_lit;

            /// The cause of a failure response whose code no cause lists.
            #ex_fallback
            pub const FALLBACK: Self = #fallback_variant;

            #[doc = #doc]
            #ex_forfailureresponse
            #accessor
            pub const fn for_failure_response(code: ::core::primitive::u16) -> ::core::option::Option<Self> {
                #body
            }
        }
    }

    fn for_in_dialog_failure(&self) -> TokenStream {
        if !self.model.has_in_dialog {
            return TokenStream::new();
        }
        // Outside the in-dialog codes, a code means what it means outside a dialog.
        let (otherwise, otherwise_doc) = match self.model.failure {
            Some(_) => (
                quote!(Self::for_failure_response(code)),
                "for_failure_response",
            ),
            None => (quote!(Self::from_status_code(code)), "from_status_code"),
        };
        let doc = format!(
            " The cause of a failure response to a request sent inside a dialog: the cause whose \
             `in-dialog-status-codes` list `code`, else [`{otherwise_doc}`](Self::{otherwise_doc})."
        );
        let causes = self.model.causes.iter().zip(&self.variants);
        let arms = causes
            .filter(|(cause, _)| !cause.row.in_dialog_status_codes.is_empty())
            .map(|(cause, variant)| {
                let codes = cause.row.in_dialog_status_codes.iter();
                let codes = codes.map(|code| Literal::u16_unsuffixed(code.value));
                quote!(#(#codes)|* => ::core::option::Option::Some(#variant),)
            });
        let accessor = accessor();
        let ex_forindialogfailure = self.method_example(Method::ForInDialogFailure);
        quote! {
            #[doc = #doc]
            #ex_forindialogfailure
            #accessor
            pub const fn for_in_dialog_failure(code: ::core::primitive::u16) -> ::core::option::Option<Self> {
                match code {
                    #(#arms)*
                    _ => #otherwise,
                }
            }
        }
    }
}

/// A lookup from strings to variants.
pub struct StringMatch<'a> {
    /// The cause enum, for the tables of large groups.
    pub cause: &'a Ident,
    /// The variant of each cause, by index in the table.
    pub variants: &'a [TokenStream],
    /// The expression for a found variant: `Some(#variant)`, `Ok(#variant)`.
    pub hit: fn(&TokenStream) -> TokenStream,
    /// The expression for a string that names nothing.
    pub miss: TokenStream,
}

/// Above this many strings of one length, a group is searched by bisection instead of a
/// `match`, which compares its arms one by one: a large table must not become a linear scan.
const LARGE_GROUP: usize = 8;

impl StringMatch<'_> {
    /// Dispatches `subject` (a `&str`) on its length first, so the length picks the few
    /// candidates in one jump (measured as fast as or faster than a plain `match`, and faster
    /// than byte-string patterns, which compare element by element), then on the string.
    /// `entries` are the strings with the index of their cause.
    pub fn expand(&self, subject: TokenStream, entries: Vec<(&str, usize)>) -> TokenStream {
        let mut by_length: BTreeMap<usize, Vec<(&str, usize)>> = BTreeMap::new();
        for (text, index) in entries {
            by_length.entry(text.len()).or_default().push((text, index));
        }
        let miss = &self.miss;
        let arms = by_length.into_iter().map(|(length, mut group)| {
            let body = if group.len() > LARGE_GROUP {
                group.sort_by_key(|(text, _)| *text);
                self.bisect(&subject, &group)
            } else {
                let arms = group.iter().map(|&(text, index)| {
                    let found = (self.hit)(&self.variants[index]);
                    quote!(#text => #found,)
                });
                quote!(match #subject { #(#arms)* _ => #miss, })
            };
            quote!(#length => { #body })
        });
        quote! {
            match #subject.len() {
                #(#arms)*
                _ => #miss,
            }
        }
    }

    /// A binary search over the group's strings, sorted, each with the index of its cause in
    /// `ALL`: an array of integers costs rustc far less than one of enum paths (measured: the
    /// paths made `FromStr` a third of the type-checking of a 10,000-cause table).
    fn bisect(&self, subject: &TokenStream, group: &[(&str, usize)]) -> TokenStream {
        let cause = self.cause;
        let len = group.len();
        let entries = group.iter().map(|&(text, index)| quote!((#text, #index)));
        let found = (self.hit)(&quote!(#cause::ALL[__GROUP[__index].1]));
        let miss = &self.miss;
        quote! {
            const __GROUP: [(&::core::primitive::str, ::core::primitive::usize); #len] = [#(#entries),*];
            match __GROUP.binary_search_by(|__entry| ::core::cmp::Ord::cmp(__entry.0, #subject)) {
                ::core::result::Result::Ok(__index) => #found,
                ::core::result::Result::Err(_) => #miss,
            }
        }
    }
}

/// The body of a `const fn(code: u16)`: an array over `low..=high` (the given range, or the
/// span of the listed codes) holding `listed` items and `default` elsewhere.
pub fn code_table(
    ty: TokenStream,
    listed: Vec<(u16, TokenStream)>,
    range: Option<(u16, u16)>,
    default: TokenStream,
) -> TokenStream {
    let (low, high) = match range {
        Some(range) => range,
        None => {
            let codes = listed.iter().map(|(code, _)| *code);
            match (codes.clone().min(), codes.max()) {
                (Some(low), Some(high)) => (low, high),
                _ => return quote!(let _ = code; #default),
            }
        }
    };
    let mut items = vec![None; usize::from(high - low) + 1];
    for (code, item) in listed {
        if (low..=high).contains(&code) {
            items[usize::from(code - low)] = Some(item);
        }
    }
    let items = items
        .into_iter()
        .map(|item| item.unwrap_or_else(|| default.clone()));
    let len = usize::from(high - low) + 1;
    let (low, high) = (Literal::u16_unsuffixed(low), Literal::u16_unsuffixed(high));
    quote! {
        const __TABLE: [#ty; #len] = [#(#items),*];
        if code < #low || code > #high {
            return ::core::option::Option::None;
        }
        __TABLE[(code - #low) as ::core::primitive::usize]
    }
}

#[cfg(test)]
mod tests {
    use quote::format_ident;

    use super::*;

    #[test]
    fn code_table_indexes_by_code_minus_the_lowest() {
        let listed = vec![(486, quote!(A)), (488, quote!(B))];
        let body = code_table(quote!(T), listed, None, quote!(N));
        let expected = quote! {
            const __TABLE: [T; 3usize] = [A, N, B];
            if code < 486 || code > 488 {
                return ::core::option::Option::None;
            }
            __TABLE[(code - 486) as ::core::primitive::usize]
        };
        assert_eq!(body.to_string(), expected.to_string());
    }

    #[test]
    fn code_table_without_codes_is_the_default() {
        let body = code_table(quote!(T), Vec::new(), None, quote!(N));
        assert_eq!(body.to_string(), quote!(let _ = code; N).to_string());
    }

    #[test]
    fn strings_dispatch_on_length_then_match_or_bisect() {
        let cause = format_ident!("Cause");
        let variants: Vec<TokenStream> = (0..10).map(|i| quote!(V(#i))).collect();
        let matcher = StringMatch {
            cause: &cause,
            variants: &variants,
            hit: |variant| quote!(Some(#variant)),
            miss: quote!(None),
        };
        let small = matcher.expand(quote!(s), vec![("ab", 0), ("c", 1), ("de", 2)]);
        let expected = quote! {
            match s.len() {
                1usize => { match s { "c" => Some(V(1i32)), _ => None, } }
                2usize => { match s { "ab" => Some(V(0i32)), "de" => Some(V(2i32)), _ => None, } }
                _ => None,
            }
        };
        assert_eq!(small.to_string(), expected.to_string());

        // Nine strings of one length: a sorted table searched by bisection.
        let names = ["i", "h", "g", "f", "e", "d", "c", "b", "a"];
        let large = matcher.expand(quote!(s), names.iter().copied().zip(0..).collect());
        let text = large.to_string();
        assert!(text.contains("binary_search_by"), "{text}");
        let sorted = "[(\"a\" , 8usize) , (\"b\" , 7usize) , (\"c\" , 6usize)";
        assert!(text.contains(sorted), "{text}");
        assert!(
            text.contains("Some (Cause :: ALL [__GROUP [__index] . 1])"),
            "{text}"
        );
    }
}

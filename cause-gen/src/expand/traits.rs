//! The standard traits of the cause enum: `Debug`, `Display`, `FromStr` (with the call's parse
//! error) and the conversion to `&'static str`.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::tables::StringMatch;
use super::{Generator, str_lit};

impl Generator<'_> {
    pub(super) fn cause_traits(&self) -> TokenStream {
        let ident = &self.input.cause.ident;
        let from_str = self
            .input
            .parse_error
            .as_ref()
            .map(|item| self.impl_from_str(&item.ident));
        let debug = if self.model.causes.is_empty() {
            quote!(match *self {})
        } else {
            let str = quote!(&::core::primitive::str);
            let names = self.per_cause_of(quote!(*self), str, |c| str_lit(&c.variant));
            quote!(__formatter.write_str({ #names }))
        };
        quote! {
            // Written out, not derived: rustc checks a derived `Debug` (a `match` with an arm per
            // variant) in time quadratic in the variants, 26 s for 20,000 of them.
            impl ::core::fmt::Debug for #ident {
                fn fmt(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    #debug
                }
            }

            impl ::core::fmt::Display for #ident {
                #[inline]
                fn fmt(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    __formatter.pad(self.as_str())
                }
            }

            #from_str

            impl ::core::convert::From<#ident> for &'static ::core::primitive::str {
                #[inline]
                fn from(__cause: #ident) -> Self {
                    __cause.as_str()
                }
            }
        }
    }

    /// `FromStr` by value or alias, failing with the declared parse error `error`.
    fn impl_from_str(&self, error: &Ident) -> TokenStream {
        let ident = &self.input.cause.ident;
        let strings = self
            .model
            .causes
            .iter()
            .enumerate()
            .flat_map(|(index, cause)| {
                let strings = std::iter::once(&cause.value).chain(&cause.aliases);
                strings.map(move |s| (s.as_str(), index))
            });
        let matcher = StringMatch {
            cause: ident,
            variants: &self.variants,
            hit: |variant| quote!(::core::result::Result::Ok(#variant)),
            miss: quote!(::core::result::Result::Err(#error::__new(__s))),
        };
        let body = matcher.expand(quote!(__s), strings.collect());
        quote! {
            impl ::core::str::FromStr for #ident {
                type Err = #error;

                /// Parses a value or an alias, matched exactly (case and spaces included).
                #[inline]
                fn from_str(__s: &::core::primitive::str) -> ::core::result::Result<Self, Self::Err> {
                    #body
                }
            }
        }
    }
}

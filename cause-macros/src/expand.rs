//! Tokens from a validated table.
//!
//! The generated code names only `::core` items and items it defines, so it compiles in any
//! crate, `no_std` or not, whatever that crate calls its own types. Per-variant data lives in
//! `const` arrays indexed by the discriminant, and code lookups in arrays indexed by
//! `code - lowest`, so every lookup is a bounds check and a load: no search at run time.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use std::path::PathBuf;

use crate::diag::{Diagnostic, Diagnostics, Renderer};
use crate::docs::DocContext;
use crate::input::{Input, Item};
use crate::load::Table;
use crate::lookup::{StringMatch, code_table};
use crate::spec::{CategorySpec, CauseSpec, Spec};
use crate::{fallback, validate};

/// What the macro learns from the compiler about the call.
pub struct CallSite {
    /// The directory of the calling file: the table's path is relative to it.
    pub base_dir: PathBuf,
    /// The crate being compiled (`CARGO_CRATE_NAME`), for the examples in the docs.
    pub crate_name: Option<String>,
}

/// The items for the call, or its errors beside stand-in items.
pub fn generate(input: &Input, call: &CallSite) -> TokenStream {
    try_generate(input, call).unwrap_or_else(|error| fallback::expand_with_errors(input, error))
}

/// Read the table, build and validate its model, then expand it.
fn try_generate(input: &Input, call: &CallSite) -> syn::Result<TokenStream> {
    let table = Table::read(&input.path, &call.base_dir)?;
    let spec = build(&table.source).map_err(|errors| {
        let renderer = Renderer {
            path: &table.written,
            source: &table.source,
            span: input.path.span(),
        };
        renderer.to_syn_error(&errors)
    })?;
    let track_path = table.path.to_string_lossy();
    let env = Env {
        crate_name: call.crate_name.as_deref(),
        track_path: Some(&track_path),
    };
    Ok(expand(input, &spec, &env))
}

/// The model of a table's text, validated: the table, or every error in it.
pub fn build(source: &str) -> Result<Spec, Vec<Diagnostic>> {
    let diags = Diagnostics::new();
    let spec = Spec::from_toml(source, &diags);
    if let Some(spec) = &spec {
        validate::validate(spec, &diags);
    }
    diags.check()?;
    // No model without errors cannot happen: a table that does not parse records why.
    spec.ok_or_else(Vec::new)
}

/// What the expansion needs besides the macro call and the table.
pub struct Env<'a> {
    /// The crate being compiled, for the examples in the docs.
    pub crate_name: Option<&'a str>,
    /// The table's absolute path, for `include_bytes!`: without it Cargo would not rebuild
    /// the calling crate when only the table changed.
    pub track_path: Option<&'a str>,
}

pub fn expand(input: &Input, spec: &Spec, env: &Env) -> TokenStream {
    let generator = Generator::new(input, spec, env);
    let cause_enum = generator.cause_enum();
    let cause_impl = generator.cause_impl();
    let cause_traits = generator.cause_traits();
    let category = generator.category();
    let parse_error = generator.parse_error();
    let reason_phrase = generator.reason_phrase();
    let track = env.track_path.map(|path| {
        quote!(
            const _: &[::core::primitive::u8] = ::core::include_bytes!(#path);
        )
    });
    quote! {
        #cause_enum
        #cause_impl
        #cause_traits
        #category
        #parse_error
        #reason_phrase
        #track
    }
}

struct Generator<'a> {
    input: &'a Input,
    spec: &'a Spec,
    docs: DocContext<'a>,
    /// `Cause::Busy`, one path per cause, in table order.
    variants: Vec<TokenStream>,
    /// The category variant of each category, in table order.
    category_variants: Vec<Ident>,
}

impl<'a> Generator<'a> {
    fn new(input: &'a Input, spec: &'a Spec, env: &'a Env<'a>) -> Self {
        let cause = &input.cause.ident;
        let variants = spec
            .causes
            .iter()
            .map(|c| {
                let variant = format_ident!("{}", c.variant.value);
                quote!(#cause::#variant)
            })
            .collect();
        let category_variants = spec
            .categories
            .iter()
            .map(|c| format_ident!("{}", c.variant.value))
            .collect();
        let docs = DocContext {
            spec,
            enum_name: input.cause.ident.to_string(),
            category_name: input.category.ident.to_string(),
            crate_name: env.crate_name,
        };
        Generator {
            input,
            spec,
            docs,
            variants,
            category_variants,
        }
    }

    fn cause_enum(&self) -> TokenStream {
        let Item { attrs, vis, ident } = &self.input.cause;
        let doc = self.docs.enum_doc();
        let variants = self.spec.causes.iter().map(|cause| {
            let doc = self.docs.variant_doc(cause);
            let variant = format_ident!("{}", cause.variant.value);
            quote!(#[doc = #doc] #variant,)
        });
        quote! {
            #(#attrs)*
            #[doc = #doc]
            #[derive(
                ::core::clone::Clone,
                ::core::marker::Copy,
                ::core::cmp::PartialEq,
                ::core::cmp::Eq,
                ::core::hash::Hash,
                ::core::cmp::PartialOrd,
                ::core::cmp::Ord
            )]
            #[non_exhaustive]
            #vis enum #ident {
                #(#variants)*
            }
        }
    }

    fn cause_impl(&self) -> TokenStream {
        let ident = &self.input.cause.ident;
        let category = &self.input.category.ident;
        let variants = &self.variants;
        let names = self.per_cause(quote!(&'static ::core::primitive::str), |c| {
            str_lit(&c.constant.value)
        });
        let values = self.per_cause(quote!(&'static ::core::primitive::str), |c| {
            str_lit(&c.value.value)
        });
        let descriptions = self.per_cause(quote!(&'static ::core::primitive::str), |c| {
            str_lit(&c.description.value)
        });
        let categories = self.per_cause(quote!(#category), |c| self.category_path(c));
        let u16 = quote!(::core::primitive::u16);
        let status_codes = self.per_cause_slice(&u16, |c| codes(&c.status_codes));
        let in_dialog = self.per_cause_slice(&u16, |c| codes(&c.in_dialog_status_codes));
        let str = quote!(&'static ::core::primitive::str);
        let aliases = self.per_cause_slice(&str, |c| {
            c.aliases.iter().map(|a| str_lit(&a.value)).collect()
        });
        let from_name = self.by_name();
        let lookups = self.code_lookups();
        quote! {
            impl #ident {
                /// Every cause, in the order of the table.
                pub const ALL: &'static [Self] = &[#(#variants),*];

                /// The constant naming this cause in the table, such as `"BUSY"`.
                #[inline]
                #[must_use]
                pub const fn name(self) -> &'static ::core::primitive::str { #names }

                /// The cause's value: the exact string SIP.js-style peers use for it, which
                /// [`Display`](::core::fmt::Display) prints and [`FromStr`](::core::str::FromStr)
                /// parses.
                #[inline]
                #[must_use]
                pub const fn as_str(self) -> &'static ::core::primitive::str { #values }

                /// When this cause happens, as the table describes it (markdown).
                #[inline]
                #[must_use]
                pub const fn description(self) -> &'static ::core::primitive::str { #descriptions }

                /// The category the table puts this cause in.
                #[inline]
                #[must_use]
                pub const fn category(self) -> #category { #categories }

                /// The status codes that mean this cause, in the order of the table; empty for a
                /// cause that no response code produces.
                #[inline]
                #[must_use]
                pub const fn status_codes(self) -> &'static [::core::primitive::u16] { #status_codes }

                /// The status codes that mean this cause when they answer a request sent inside
                /// a dialog (see [`for_in_dialog_failure`](Self::for_in_dialog_failure)).
                #[inline]
                #[must_use]
                pub const fn in_dialog_status_codes(self) -> &'static [::core::primitive::u16] { #in_dialog }

                /// Other spellings that [`FromStr`](::core::str::FromStr) accepts for this
                /// cause besides its value.
                #[inline]
                #[must_use]
                pub const fn aliases(self) -> &'static [&'static ::core::primitive::str] { #aliases }

                #from_name
                #lookups
            }
        }
    }

    /// A `const fn(self)` body returning one item per cause (see [`indexed_table`]).
    fn per_cause(&self, ty: TokenStream, item: impl Fn(&CauseSpec) -> TokenStream) -> TokenStream {
        self.per_cause_of(quote!(self), ty, item)
    }

    /// [`per_cause`](Self::per_cause) for slices, the empty ones sharing one constant: every
    /// `&[...]` in a `const` is a promoted constant of its own, and 10,000 empty ones took
    /// rustc 1.5 s.
    fn per_cause_slice(
        &self,
        elem: &TokenStream,
        items: impl Fn(&CauseSpec) -> Vec<TokenStream>,
    ) -> TokenStream {
        let body = self.per_cause(quote!(&'static [#elem]), |cause| {
            let items = items(cause);
            if items.is_empty() {
                quote!(__EMPTY)
            } else {
                quote!(&[#(#items),*])
            }
        });
        if self.spec.causes.is_empty() {
            return body;
        }
        quote!(const __EMPTY: &[#elem] = &[]; #body)
    }

    /// [`per_cause`](Self::per_cause) for the cause `subject` (an expression of the enum).
    fn per_cause_of(
        &self,
        subject: TokenStream,
        ty: TokenStream,
        item: impl Fn(&CauseSpec) -> TokenStream,
    ) -> TokenStream {
        let items = self.spec.causes.iter().map(item).collect();
        indexed_table(subject, ty, items)
    }

    fn category_path(&self, cause: &CauseSpec) -> TokenStream {
        let category = &self.input.category.ident;
        let index = self
            .spec
            .categories
            .iter()
            .position(|k| k.key.value == cause.category.value);
        // Validation guarantees the category exists; an unknown one never reaches expansion.
        let variant = index.map(|i| &self.category_variants[i]);
        quote!(#category::#variant)
    }

    fn by_name(&self) -> TokenStream {
        let names = self.spec.causes.iter().enumerate();
        let names = names.map(|(index, cause)| (cause.constant.value.as_str(), index));
        let matcher = StringMatch {
            cause: &self.input.cause.ident,
            variants: &self.variants,
            hit: |variant| quote!(::core::option::Option::Some(#variant)),
            miss: quote!(::core::option::Option::None),
        };
        let body = matcher.expand(quote!(name), names.collect());
        quote! {
            /// The cause whose constant is `name` (`"BUSY"`), matched exactly; `None` for any
            /// other string.
            #[inline]
            #[must_use]
            pub fn from_name(name: &::core::primitive::str) -> ::core::option::Option<Self> {
                #body
            }
        }
    }

    fn code_lookups(&self) -> TokenStream {
        let by_code = self.by_status_code();
        let for_failure = self.for_failure_response();
        let in_dialog = self.for_in_dialog_failure();
        quote!(#by_code #for_failure #in_dialog)
    }

    fn by_status_code(&self) -> TokenStream {
        let cause = &self.input.cause.ident;
        let listed =
            self.spec
                .causes
                .iter()
                .zip(&self.variants)
                .flat_map(|(cause, variant)| {
                    cause.status_codes.iter().map(move |code| {
                        (code.value, quote!(::core::option::Option::Some(#variant)))
                    })
                });
        let body = code_table(
            quote!(::core::option::Option<#cause>),
            listed.collect(),
            None,
            quote!(::core::option::Option::None),
        );
        quote! {
            /// The cause whose `status-codes` list `code`, whatever the response class;
            /// `None` if no cause lists it.
            #[inline]
                #[must_use]
            pub const fn from_status_code(code: ::core::primitive::u16) -> ::core::option::Option<Self> {
                #body
            }
        }
    }

    fn for_failure_response(&self) -> TokenStream {
        let Some((low, high, fallback)) = self.spec.failure() else {
            return quote! {
                /// Always `None`: the table defines no failure codes.
                #[inline]
                #[must_use]
                pub const fn for_failure_response(code: ::core::primitive::u16) -> ::core::option::Option<Self> {
                    let _ = code;
                    ::core::option::Option::None
                }
            };
        };
        let cause = &self.input.cause.ident;
        let fallback_variant = self
            .spec
            .causes
            .iter()
            .zip(&self.variants)
            .find(|(c, _)| c.constant.value == fallback)
            .map(|(_, v)| v.clone());
        let listed =
            self.spec
                .causes
                .iter()
                .zip(&self.variants)
                .flat_map(|(cause, variant)| {
                    cause.status_codes.iter().map(move |code| {
                        (code.value, quote!(::core::option::Option::Some(#variant)))
                    })
                });
        let body = code_table(
            quote!(::core::option::Option<#cause>),
            listed.collect(),
            Some((low, high)),
            quote!(::core::option::Option::Some(#fallback_variant)),
        );
        let doc = format!(
            " The cause of a final failure response: `None` outside {low}..={high}; inside, the \
             cause whose `status-codes` list `code`, or [`{}`](Self::FALLBACK) if none does.",
            fallback
        );
        let low_lit = Literal::u16_unsuffixed(low);
        let high_lit = Literal::u16_unsuffixed(high);
        quote! {
            /// The final failure responses, as the table's `[failure] codes` bounds them.
            pub const FAILURE_CODES: ::core::ops::RangeInclusive<::core::primitive::u16> = #low_lit..=#high_lit;

            /// The cause of a failure response whose code no cause lists.
            pub const FALLBACK: Self = #fallback_variant;

            #[doc = #doc]
            #[inline]
                #[must_use]
            pub const fn for_failure_response(code: ::core::primitive::u16) -> ::core::option::Option<Self> {
                #body
            }
        }
    }

    fn for_in_dialog_failure(&self) -> TokenStream {
        let arms = self
            .spec
            .causes
            .iter()
            .zip(&self.variants)
            .filter(|(c, _)| !c.in_dialog_status_codes.is_empty())
            .map(|(cause, variant)| {
                let codes = cause
                    .in_dialog_status_codes
                    .iter()
                    .map(|c| Literal::u16_unsuffixed(c.value));
                quote!(#(#codes)|* => ::core::option::Option::Some(#variant),)
            });
        quote! {
            /// The cause of a failure response to a request sent inside a dialog: the cause
            /// whose `in-dialog-status-codes` list `code`, else
            /// [`for_failure_response`](Self::for_failure_response).
            #[inline]
                #[must_use]
            pub const fn for_in_dialog_failure(code: ::core::primitive::u16) -> ::core::option::Option<Self> {
                match code {
                    #(#arms)*
                    _ => Self::for_failure_response(code),
                }
            }
        }
    }

    fn cause_traits(&self) -> TokenStream {
        let ident = &self.input.cause.ident;
        let error = &self.input.parse_error.ident;
        let strings = self
            .spec
            .causes
            .iter()
            .enumerate()
            .flat_map(|(index, cause)| {
                let strings = std::iter::once(&cause.value).chain(&cause.aliases);
                strings.map(move |s| (s.value.as_str(), index))
            });
        let matcher = StringMatch {
            cause: ident,
            variants: &self.variants,
            hit: |variant| quote!(::core::result::Result::Ok(#variant)),
            miss: quote!(::core::result::Result::Err(#error { __private: () })),
        };
        let from_str = matcher.expand(quote!(__s), strings.collect());
        let debug = if self.spec.causes.is_empty() {
            quote!(match *self {})
        } else {
            let str = quote!(&::core::primitive::str);
            let names = self.per_cause_of(quote!(*self), str, |c| str_lit(&c.variant.value));
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

            impl ::core::str::FromStr for #ident {
                type Err = #error;

                /// Parses a value or an alias, matched exactly (case and spaces included).
                #[inline]
                fn from_str(__s: &::core::primitive::str) -> ::core::result::Result<Self, Self::Err> {
                    #from_str
                }
            }

            impl ::core::convert::From<#ident> for &'static ::core::primitive::str {
                #[inline]
                fn from(__cause: #ident) -> Self {
                    __cause.as_str()
                }
            }
        }
    }

    fn category(&self) -> TokenStream {
        let Item { attrs, vis, ident } = &self.input.category;
        let cause = &self.input.cause.ident;
        let variants = self
            .spec
            .categories
            .iter()
            .zip(&self.category_variants)
            .map(|(c, v)| {
                let doc = self.docs.category_doc(c);
                quote!(#[doc = #doc] #v,)
            });
        let all = self.category_variants.iter().map(|v| quote!(Self::#v));
        let per = |ty: TokenStream, item: &dyn Fn(&CategorySpec) -> TokenStream| {
            let items = self.spec.categories.iter().map(item).collect();
            indexed_table(quote!(self), ty, items)
        };
        let str = quote!(&'static ::core::primitive::str);
        let keys = per(str.clone(), &|c| str_lit(&c.key.value));
        let titles = per(str, &|c| str_lit(&c.title.value));
        let causes = per(quote!(&'static [#cause]), &|category| {
            let members = self
                .spec
                .causes
                .iter()
                .zip(&self.variants)
                .filter(|(c, _)| c.category.value == category.key.value)
                .map(|(_, v)| v);
            quote!(&[#(#members),*])
        });
        quote! {
            #(#attrs)*
            #[derive(
                ::core::fmt::Debug,
                ::core::clone::Clone,
                ::core::marker::Copy,
                ::core::cmp::PartialEq,
                ::core::cmp::Eq,
                ::core::hash::Hash,
                ::core::cmp::PartialOrd,
                ::core::cmp::Ord
            )]
            #[non_exhaustive]
            #vis enum #ident {
                #(#variants)*
            }

            impl #ident {
                /// Every category, in the order of the table.
                pub const ALL: &'static [Self] = &[#(#all),*];

                /// The category's key in the table, such as `"sip-error"`.
                #[inline]
                #[must_use]
                pub const fn key(self) -> &'static ::core::primitive::str { #keys }

                /// The category's title, which [`Display`](::core::fmt::Display) prints.
                #[inline]
                #[must_use]
                pub const fn title(self) -> &'static ::core::primitive::str { #titles }

                /// The causes in this category, in the order of the table.
                #[inline]
                #[must_use]
                pub const fn causes(self) -> &'static [#cause] { #causes }
            }

            impl ::core::fmt::Display for #ident {
                #[inline]
                fn fmt(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    __formatter.pad(self.title())
                }
            }
        }
    }

    fn parse_error(&self) -> TokenStream {
        let Item { attrs, vis, ident } = &self.input.parse_error;
        let cause = &self.input.cause.ident;
        let message = parse_error_message(&cause.to_string(), self.spec);
        let doc =
            format!(" The error of parsing a string that is no [`{cause}`]'s value or alias.");
        quote! {
            #(#attrs)*
            #[doc = #doc]
            #[derive(
                ::core::fmt::Debug,
                ::core::clone::Clone,
                ::core::marker::Copy,
                ::core::cmp::PartialEq,
                ::core::cmp::Eq,
                ::core::hash::Hash
            )]
            #vis struct #ident {
                __private: (),
            }

            impl ::core::fmt::Display for #ident {
                #[inline]
                fn fmt(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    __formatter.write_str(#message)
                }
            }

            impl ::core::error::Error for #ident {}
        }
    }

    fn reason_phrase(&self) -> TokenStream {
        let Item { attrs, vis, ident } = &self.input.reason_phrase;
        let phrases = self.spec.reason_phrases.iter().map(|p| {
            let phrase = str_lit(&p.phrase.value);
            (p.code.value, quote!(::core::option::Option::Some(#phrase)))
        });
        let body = code_table(
            quote!(::core::option::Option<&'static ::core::primitive::str>),
            phrases.collect(),
            None,
            quote!(::core::option::Option::None),
        );
        quote! {
            #(#attrs)*
            /// The reason phrase of a status code, as the table's `[reason-phrases]` spells it
            /// (`486` → `"Busy Here"`); `None` for a code it does not list.
            #[inline]
                #[must_use]
            #vis const fn #ident(code: ::core::primitive::u16) -> ::core::option::Option<&'static ::core::primitive::str> {
                #body
            }
        }
    }
}

/// The body of a `const fn` returning `items[subject as usize]`, for an enum whose variants
/// are `items` in order (an array indexed by the discriminant, measured faster than a `match`
/// returning the same items); `match subject {}` for an enum without variants.
fn indexed_table(subject: TokenStream, ty: TokenStream, items: Vec<TokenStream>) -> TokenStream {
    if items.is_empty() {
        return quote!(match #subject {});
    }
    let len = items.len();
    quote! {
        const __TABLE: [#ty; #len] = [#(#items),*];
        __TABLE[#subject as ::core::primitive::usize]
    }
}

fn codes(codes: &[crate::spec::Loc<u16>]) -> Vec<TokenStream> {
    let literal = |code: &crate::spec::Loc<u16>| {
        let literal = Literal::u16_unsuffixed(code.value);
        quote!(#literal)
    };
    codes.iter().map(literal).collect()
}

fn str_lit(s: &str) -> TokenStream {
    let lit = Literal::string(s);
    quote!(#lit)
}

/// `not the value of any Cause: expected one of "Busy", …`, listing a short table whole.
fn parse_error_message(cause: &str, spec: &Spec) -> String {
    const LISTED: usize = 32;
    let values: Vec<String> = spec
        .causes
        .iter()
        .take(LISTED)
        .map(|c| format!("{:?}", c.value.value))
        .collect();
    let more = spec.causes.len().saturating_sub(LISTED);
    let tail = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    if values.is_empty() {
        return format!("not the value of any {cause}");
    }
    format!(
        "not the value of any {cause}: expected one of {}{tail}",
        values.join(", ")
    )
}

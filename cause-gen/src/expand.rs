//! Tokens from a checked model.
//!
//! The generated code names only `::core` items and items it defines, so it compiles in any
//! crate, `no_std` or not, whatever that crate calls its own types. Per-variant data lives in
//! `const` arrays indexed by the discriminant, and code lookups in arrays indexed by
//! `code - lowest`, so every lookup is a bounds check and a load: no search at run time. The
//! cause enum is here, the category enum in `category.rs`, the lookups' bodies in `lookup.rs`,
//! the parse error in `parse_error.rs`.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use crate::diag::Loc;
use crate::docs::{DocContext, VariantDoc};
use crate::examples::example_mode;
use crate::input::{Input, Item};
use crate::lookup::{StringMatch, code_table};
use crate::method_docs::Method;
use crate::model::{Cause, Model};

/// What the expansion needs besides the macro call and the table.
pub struct Env<'a> {
    /// Whether to write the variants' examples (not for the stand-in items beside errors).
    pub examples: bool,
    /// The table's absolute path, for `include_bytes!`: without it Cargo would not rebuild
    /// the calling crate when only the table changed.
    pub track_path: Option<&'a str>,
}

pub fn expand(input: &Input, model: &Model, env: &Env) -> TokenStream {
    let generator = Generator::new(input, model, env);
    let cause_enum = generator.cause_enum();
    let cause_impl = generator.cause_impl();
    let cause_traits = generator.cause_traits();
    let category = input.category.as_ref().map(|item| generator.category(item));
    let parse_error = input
        .parse_error
        .as_ref()
        .map(|item| generator.parse_error(item));
    let reason_phrase = input
        .reason_phrase
        .as_ref()
        .map(|item| generator.reason_phrase(item));
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

pub struct Generator<'a> {
    pub input: &'a Input,
    pub model: &'a Model,
    pub docs: DocContext<'a>,
    /// `Cause::Busy`, one path per cause, in table order.
    pub variants: Vec<TokenStream>,
    /// The category variant of each category, in table order.
    pub category_variants: Vec<Ident>,
}

impl<'a> Generator<'a> {
    fn new(input: &'a Input, model: &'a Model, env: &'a Env<'a>) -> Self {
        let cause = &input.cause.ident;
        let variants = model
            .causes
            .iter()
            .map(|c| {
                let variant = format_ident!("{}", c.row.variant.value);
                quote!(#cause::#variant)
            })
            .collect();
        let category_variants = model
            .categories
            .iter()
            .map(|c| format_ident!("{}", c.row.variant.value))
            .collect();
        let docs = DocContext {
            model,
            enum_name: input.cause.ident.to_string(),
            category_name: input.category.as_ref().map(|item| item.ident.to_string()),
            parses: input.parse_error.is_some(),
            examples: example_mode(input, env),
        };
        Generator {
            input,
            model,
            docs,
            variants,
            category_variants,
        }
    }

    fn cause_enum(&self) -> TokenStream {
        let Item { vis, ident, .. } = &self.input.cause;
        let attrs: Vec<&TokenStream> = if self.model.stand_in {
            self.input.cause.attrs_without_repr().collect()
        } else {
            self.input.cause.attrs.iter().collect()
        };
        let doc = self.docs.enum_doc();
        let variants = self.model.causes.iter().map(|cause| {
            let VariantDoc { text, example } = self.docs.variant_doc(cause);
            let example = example.map(|example| self.example_attrs(example));
            let variant = format_ident!("{}", cause.row.variant.value);
            quote!(#[doc = #text] #example #variant,)
        });
        let derive = derive(&[
            "Clone",
            "Copy",
            "PartialEq",
            "Eq",
            "Hash",
            "PartialOrd",
            "Ord",
        ]);
        quote! {
            #(#attrs)*
            #[doc = #doc]
            #derive
            #[non_exhaustive]
            #vis enum #ident {
                #(#variants)*
            }
        }
    }

    fn cause_impl(&self) -> TokenStream {
        let ident = &self.input.cause.ident;
        let accessor = accessor();
        let variants = &self.variants;
        let str = quote!(&'static ::core::primitive::str);
        let names = self.per_cause(str.clone(), |c| str_lit(&c.row.constant.value));
        let values = self.per_cause(str.clone(), |c| str_lit(&c.row.value.value));
        let descriptions = self.per_cause(str.clone(), |c| str_lit(&c.row.description.value));
        let category = self.input.category.as_ref().map(|item| {
            let category = &item.ident;
            let body = self.per_cause(quote!(#category), |c| {
                // The pipeline refuses a category enum for a table without categories, and
                // validation gives every cause of a table with categories its own.
                let index = c
                    .category
                    .expect("a table with categories gives each cause one");
                let variant = &self.category_variants[index];
                quote!(#category::#variant)
            });
            let example = self.method_example(Method::Category);
            quote! {
                /// The category the table puts this cause in.
                #example
                #accessor
                pub const fn category(self) -> #category { #body }
            }
        });
        let u16 = quote!(::core::primitive::u16);
        let status_codes = self.per_cause_slice(&u16, |c| codes(&c.row.status_codes));
        let in_dialog = self.model.has_in_dialog.then(|| {
            let body = self.per_cause_slice(&u16, |c| codes(&c.row.in_dialog_status_codes));
            let example = self.method_example(Method::InDialogStatusCodes);
            quote! {
                /// The status codes that mean this cause when they answer a request sent inside
                /// a dialog (see [`for_in_dialog_failure`](Self::for_in_dialog_failure)).
                #example
                #accessor
                pub const fn in_dialog_status_codes(self) -> &'static [::core::primitive::u16] { #body }
            }
        });
        let option_u16 = quote!(::core::option::Option<::core::primitive::u16>);
        let responses = self.model.has_responses.then(|| {
            let body = self.per_cause(option_u16, |c| match &c.row.response {
                Some(code) => {
                    let code = Literal::u16_unsuffixed(code.value);
                    quote!(::core::option::Option::Some(#code))
                }
                None => quote!(::core::option::Option::None),
            });
            let example = self.method_example(Method::Response);
            quote! {
                /// The final response to send to end a request for this cause, as the table's
                /// `response` gives it; `None` for a cause that no response ends.
                #example
                #accessor
                pub const fn response(self) -> ::core::option::Option<::core::primitive::u16> { #body }
            }
        });
        let aliases = self.per_cause_slice(&str, |c| {
            c.row.aliases.iter().map(|a| str_lit(&a.value)).collect()
        });
        let ex_all = self.method_example(Method::All);
        let ex_name = self.method_example(Method::Name);
        let ex_as_str = self.method_example(Method::AsStr);
        let ex_description = self.method_example(Method::Description);
        let ex_status_codes = self.method_example(Method::StatusCodes);
        let ex_aliases = self.method_example(Method::Aliases);
        let from_name = self.by_name();
        let lookups = self.code_lookups();
        let row_codes = self.row_code_lookups();

        quote! {
            impl #ident {
                /// Every cause, in the order of the table.
                #ex_all
                pub const ALL: &'static [Self] = &[#(#variants),*];

                /// The constant naming this cause in the table, such as `"BUSY"`.
                #ex_name
                #accessor
                pub const fn name(self) -> &'static ::core::primitive::str { #names }

                /// The cause's value: the string that stands for it (on the wire, in logs), which
                /// [`Display`](::core::fmt::Display) prints and [`FromStr`](::core::str::FromStr)
                /// parses.
                #ex_as_str
                #accessor
                pub const fn as_str(self) -> &'static ::core::primitive::str { #values }

                /// When this cause happens, as the table describes it (markdown).
                #ex_description
                #accessor
                pub const fn description(self) -> &'static ::core::primitive::str { #descriptions }

                #category

                /// The status codes that mean this cause, in the order of the table; empty for a
                /// cause that no response code produces.
                #ex_status_codes
                #accessor
                pub const fn status_codes(self) -> &'static [::core::primitive::u16] { #status_codes }

                #in_dialog

                #responses

                /// Other spellings that [`FromStr`](::core::str::FromStr) accepts for this
                /// cause besides its value.
                #ex_aliases
                #accessor
                pub const fn aliases(self) -> &'static [&'static ::core::primitive::str] { #aliases }

                #from_name
                #lookups
                #row_codes
            }
        }
    }

    /// A `const fn(self)` body returning one item per cause (see [`indexed_table`]).
    pub fn per_cause(&self, ty: TokenStream, item: impl Fn(&Cause) -> TokenStream) -> TokenStream {
        self.per_cause_of(quote!(self), ty, item)
    }

    /// [`per_cause`](Self::per_cause) for slices, the empty ones sharing one constant: every
    /// `&[...]` in a `const` is a promoted constant of its own, and 10,000 empty ones took
    /// rustc 1.5 s.
    fn per_cause_slice(
        &self,
        elem: &TokenStream,
        items: impl Fn(&Cause) -> Vec<TokenStream>,
    ) -> TokenStream {
        let body = self.per_cause(quote!(&'static [#elem]), |cause| {
            let items = items(cause);
            if items.is_empty() {
                quote!(__EMPTY)
            } else {
                quote!(&[#(#items),*])
            }
        });
        if self.model.causes.is_empty() {
            return body;
        }
        quote!(const __EMPTY: &[#elem] = &[]; #body)
    }

    /// [`per_cause`](Self::per_cause) for the cause `subject` (an expression of the enum).
    fn per_cause_of(
        &self,
        subject: TokenStream,
        ty: TokenStream,
        item: impl Fn(&Cause) -> TokenStream,
    ) -> TokenStream {
        let items = self.model.causes.iter().map(item).collect();
        indexed_table(subject, ty, items)
    }

    fn cause_traits(&self) -> TokenStream {
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
            let names = self.per_cause_of(quote!(*self), str, |c| str_lit(&c.row.variant.value));
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
                let strings = std::iter::once(&cause.row.value).chain(&cause.row.aliases);
                strings.map(move |s| (s.value.as_str(), index))
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

    fn reason_phrase(&self, item: &Item) -> TokenStream {
        let Item { attrs, vis, ident } = item;
        let phrases = self.model.reason_phrases.iter().map(|p| {
            let phrase = str_lit(&p.phrase.value);
            (p.code.value, quote!(::core::option::Option::Some(#phrase)))
        });
        let body = code_table(
            quote!(::core::option::Option<&'static ::core::primitive::str>),
            phrases.collect(),
            None,
            quote!(::core::option::Option::None),
        );
        let accessor = accessor();
        let doc = (!item.has_doc()).then(|| {
            quote! {
                /// The reason phrase of a status code, as the table's `[reason-phrases]` spells it
                /// (`486` → `"Busy Here"`); `None` for a code it does not list.
            }
        });
        quote! {
            #(#attrs)*
            #doc
            #accessor
            #vis const fn #ident(code: ::core::primitive::u16) -> ::core::option::Option<&'static ::core::primitive::str> {
                #body
            }
        }
    }
}

/// The attributes of every generated lookup: `#[inline]`, so that a lookup across crates is
/// as fast as a local `match`, and `#[must_use]`, since a lookup has no other effect.
pub fn accessor() -> TokenStream {
    quote!(#[inline] #[must_use])
}

/// `#[derive(...)]` of the named traits, each by its full `::core` path.
pub fn derive(traits: &[&str]) -> TokenStream {
    let paths = traits.iter().map(|name| {
        let module = match *name {
            "Debug" => "fmt",
            "Clone" => "clone",
            "Copy" => "marker",
            "Hash" => "hash",
            _ => "cmp",
        };
        let (module, name) = (format_ident!("{module}"), format_ident!("{name}"));
        quote!(::core::#module::#name)
    });
    quote!(#[derive(#(#paths),*)])
}

/// The body of a `const fn` returning `items[subject as usize]`, for an enum whose variants
/// are `items` in order (an array indexed by the discriminant, measured faster than a `match`
/// returning the same items); `match subject {}` for an enum without variants.
pub fn indexed_table(
    subject: TokenStream,
    ty: TokenStream,
    items: Vec<TokenStream>,
) -> TokenStream {
    if items.is_empty() {
        return quote!(match #subject {});
    }
    let len = items.len();
    quote! {
        const __TABLE: [#ty; #len] = [#(#items),*];
        __TABLE[#subject as ::core::primitive::usize]
    }
}

fn codes(codes: &[Loc<u16>]) -> Vec<TokenStream> {
    let literal = |code: &Loc<u16>| {
        let literal = Literal::u16_unsuffixed(code.value);
        quote!(#literal)
    };
    codes.iter().map(literal).collect()
}

pub fn str_lit(s: &str) -> TokenStream {
    let lit = Literal::string(s);
    quote!(#lit)
}

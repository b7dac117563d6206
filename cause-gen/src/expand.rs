//! Tokens from a checked model.
//!
//! The generated code names only `::core` items, items it defines, and the support code every
//! table shares, in `::cause_macros::__private` (the crate the caller names the macro through,
//! as serde's derives reach `serde::__private`), so it compiles in any crate, `no_std` or not,
//! whatever that crate calls its own types. An expansion keeps only what is its table's own:
//! its data, and the items that must be its own types with their docs. Per-variant data lives in
//! `const` arrays indexed by the discriminant, and code lookups in arrays indexed by
//! `code - lowest`, so every lookup is a bounds check and a load: no search at run time.
//!
//! Each generated method or constant is one function that writes its rustdoc, its example
//! and its tokens together ([`member::Member`]): the cause enum's accessors are in
//! `accessors.rs`, its lookups in `lookups.rs`, each file with the list that orders them.
//! The category enum is in `category.rs`, the parse error in `parse_error.rs`, the standard
//! traits in `traits.rs`, serde in `serde_impls.rs`, and the token helpers the lookups share in
//! `tables.rs`.

mod accessors;
mod category;
mod failures;
mod lookups;
mod member;
mod parse_error;
mod serde_impls;
mod tables;
mod traits;

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use crate::input::{Input, Item};
use cause_model::docs::{DocContext, VariantDoc};
use cause_model::model::{Cause, Model, RowCodes};

use tables::{code_table, total_code_table};

/// What the expansion needs besides the macro call and the table.
pub struct Env<'a> {
    /// The table's absolute path, for `include_bytes!`: without it Cargo would not rebuild
    /// the calling crate when only the table changed.
    pub track_path: Option<&'a str>,
}

pub fn expand(input: &Input, model: &Model, env: &Env) -> TokenStream {
    let generator = Generator::new(input, model);
    let cause_enum = generator.cause_enum();
    let cause_impl = generator.cause_impl();
    let cause_traits = generator.cause_traits();
    let serde = generator.serde();
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
        #serde
        #category
        #parse_error
        #reason_phrase
        #track
    }
}

/// The expansion of one call: the call, the model, and what is derived from them once.
struct Generator<'a> {
    input: &'a Input,
    model: &'a Model,
    docs: DocContext<'a>,
    /// `Cause::Busy`, one path per cause, in table order.
    variants: Vec<TokenStream>,
    /// The category variant of each category, in table order.
    category_variants: Vec<Ident>,
}

impl<'a> Generator<'a> {
    fn new(input: &'a Input, model: &'a Model) -> Self {
        let cause = &input.cause.ident;
        let variants = model
            .causes
            .iter()
            .map(|c| {
                let variant = format_ident!("{}", c.variant);
                quote!(#cause::#variant)
            })
            .collect();
        let category_variants = model
            .category_list()
            .iter()
            .map(|c| format_ident!("{}", c.variant))
            .collect();
        let names = (
            input.cause.ident.to_string(),
            input.category.as_ref().map(|item| item.ident.to_string()),
        );
        let parses = input.parse_error.is_some();
        let docs = DocContext::new(model, names, parses, member::example_mode(input, model));
        Generator {
            input,
            model,
            docs,
            variants,
            category_variants,
        }
    }

    /// The item's attributes; the stand-in drops a `repr`, which an enum without variants
    /// cannot have (E0084).
    fn attrs<'i>(&self, item: &'i Item) -> Vec<&'i TokenStream> {
        if self.model.is_stand_in() {
            item.attrs_without_repr().collect()
        } else {
            item.attrs.iter().collect()
        }
    }

    fn cause_enum(&self) -> TokenStream {
        let Item { vis, ident, .. } = &self.input.cause;
        let attrs = self.attrs(&self.input.cause);
        let doc = self.docs.enum_doc();
        let variants = self.model.causes.iter().enumerate().map(|(index, cause)| {
            let VariantDoc { text, example } = self.docs.variant_doc(index);
            let example = example.map(|example| self.example_attrs(example));
            let variant = format_ident!("{}", cause.variant);
            // Where every row has a code, the code is the discriminant: `Q850::UserBusy as u8`.
            let discriminant = (self.model.code_repr.zip(cause.code)).map(|(_, code)| {
                let code = Literal::u16_unsuffixed(code);
                quote!(= #code)
            });
            quote!(#[doc = #text] #example #variant #discriminant,)
        });
        let repr = self
            .model
            .code_repr
            .filter(|_| !self.input.cause.has_repr());
        let repr = repr.map(|ty| {
            let ty = format_ident!("{ty}");
            quote!(#[repr(#ty)])
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
            #repr
            #[non_exhaustive]
            #vis enum #ident {
                #(#variants)*
            }
        }
    }

    /// The cause enum's inherent impl: its accessors, then its lookups.
    fn cause_impl(&self) -> TokenStream {
        let ident = &self.input.cause.ident;
        let members = accessors::MEMBERS.iter().chain(lookups::MEMBERS);
        let members = members.map(|&member| self.member(member));
        let table = self.support_table();
        quote! {
            impl #ident {
                #table
                #(#members)*
            }
        }
    }

    /// The module of `cause-macros` that holds what every expansion shares (`ParseError`,
    /// `find`'s forgiving search): through the `$crate` that `cause_macros::cause_table!`
    /// passes on, which reaches it from the calling crate however that crate named the
    /// dependency; `::cause_macros` where the call came without it (tests, fuzz targets).
    fn support(&self) -> TokenStream {
        match &self.input.krate {
            Some(krate) => quote!(#krate::__private),
            None => quote!(::cause_macros::__private),
        }
    }

    /// The table as the shared code reads it: the enum's name and each cause's spellings,
    /// read from the per-cause arrays.
    fn support_table(&self) -> TokenStream {
        let ident = &self.input.cause.ident;
        let name = ident.to_string();
        let codes = self.model.row_codes != RowCodes::None;
        let support = self.support();
        quote! {
            const __TABLE: #support::Table = #support::Table {
                name: #name,
                len: #ident::ALL.len(),
                spellings: |__at| {
                    let __cause = #ident::ALL[__at];
                    (__cause.as_str(), __cause.name(), __cause.aliases())
                },
                codes: #codes,
            };
        }
    }

    /// A `const fn(self)` body returning one item per cause (see [`tables::indexed_table`]).
    fn per_cause(&self, ty: TokenStream, item: impl Fn(&Cause) -> TokenStream) -> TokenStream {
        self.per_cause_of(quote!(self), ty, item)
    }

    /// [`per_cause`](Self::per_cause) for the cause `subject` (an expression of the enum).
    fn per_cause_of(
        &self,
        subject: TokenStream,
        ty: TokenStream,
        item: impl Fn(&Cause) -> TokenStream,
    ) -> TokenStream {
        let items = self.model.causes.iter().map(item).collect();
        self.per_cause_items(subject, ty, items)
    }

    /// The body returning `items[i]` for the cause at position `i`.
    fn per_cause_items(
        &self,
        subject: TokenStream,
        ty: TokenStream,
        items: Vec<TokenStream>,
    ) -> TokenStream {
        let position = self.position(&subject);
        tables::indexed_table(subject, position, ty, items)
    }

    /// The position in the table of the cause `subject`: its discriminant, or where the
    /// discriminants are the rows' codes, the private `__position()`.
    fn position(&self, subject: &TokenStream) -> TokenStream {
        match self.model.code_repr {
            Some(_) => quote!(Self::__position(#subject)),
            None => quote!(#subject as ::core::primitive::usize),
        }
    }

    /// `Some(Cause::X)` for each code a cause lists in `status-codes`.
    fn status_code_items(&self) -> Vec<(u16, TokenStream)> {
        let causes = self.model.causes.iter().zip(&self.variants);
        let listed = causes.flat_map(|(cause, variant)| {
            let some = quote!(::core::option::Option::Some(#variant));
            let codes = cause.status_codes.iter();
            codes.map(move |&code| (code, some.clone()))
        });
        listed.collect()
    }

    /// The reason-phrase lookup: `Option<&str>`, or with `[defaults] reason-phrase` a `&str`
    /// for every code, the default for a code the table does not list.
    fn reason_phrase(&self, item: &Item) -> TokenStream {
        let Item { attrs, vis, ident } = item;
        let default = self.model.default_reason_phrase.as_deref();
        let wrap = |phrase: TokenStream| match default {
            Some(_) => phrase,
            None => quote!(::core::option::Option::Some(#phrase)),
        };
        let phrases = self.model.reason_phrases.iter();
        let phrases = phrases.map(|(code, phrase)| (*code, wrap(str_lit(phrase))));
        let str_type = quote!(&'static ::core::primitive::str);
        let (output, otherwise) = match default {
            Some(default) => (str_type, str_lit(default)),
            None => (
                quote!(::core::option::Option<#str_type>),
                quote!(::core::option::Option::None),
            ),
        };
        let body = match default {
            Some(_) => total_code_table(output.clone(), phrases.collect(), otherwise),
            None => code_table(output.clone(), phrases.collect(), None, otherwise),
        };
        let accessor = accessor();
        // Generated only where the caller wrote none, with the table's first phrase.
        let doc = (!item.has_doc()).then(|| {
            let example = self.model.reason_phrases.first();
            let example = example.map(|(code, phrase)| format!(" (`{code}` → `{phrase:?}`)"));
            let otherwise = match default {
                Some(default) => format!("the table's default, `{default:?}`"),
                None => "`None`".to_owned(),
            };
            let doc = format!(
                " The reason phrase of a status code, as the table's `[reason-phrases]` spells it{}; {otherwise} for a code it does not list.",
                example.unwrap_or_default()
            );
            quote!(#[doc = #doc])
        });
        quote! {
            #(#attrs)*
            #doc
            #accessor
            #vis const fn #ident(code: ::core::primitive::u16) -> #output {
                #body
            }
        }
    }
}

/// The attributes of every generated lookup: `#[inline]`, so that a lookup across crates is
/// as fast as a local `match`, and `#[must_use]`, since a lookup has no other effect.
fn accessor() -> TokenStream {
    quote!(#[inline] #[must_use])
}

/// `#[derive(...)]` of the named traits, each by its full `::core` path.
fn derive(traits: &[&str]) -> TokenStream {
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

fn codes(codes: &[u16]) -> Vec<TokenStream> {
    let literal = |&code: &u16| {
        let literal = Literal::u16_unsuffixed(code);
        quote!(#literal)
    };
    codes.iter().map(literal).collect()
}

fn str_lit(s: &str) -> TokenStream {
    let lit = Literal::string(s);
    quote!(#lit)
}

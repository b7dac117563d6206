//! Rust source from a checked model.
//!
//! The expansion is written as text (`format!` templates, `{{`/`}}` for the braces of the code
//! they write), as askama's generator writes a template's code into a `String` buffer
//! (`askama_derive/src/generator.rs`): the macro lexes it with the compiler's own lexer, the
//! work that `quote!` and `proc-macro2` cost a clean build a fifth of its time to do. What the
//! caller wrote (attributes, visibilities, names, `$crate`) goes in as holes
//! ([`Ident::code`](crate::tt::Ident::code)) that the macro fills with the caller's tokens,
//! spans and hygiene included; [`lit`] writes a string as a literal. The snapshots
//! (`cause-macros/tests/snapshots`) show the expansion of small tables and trybuild compiles
//! them; the robustness tests check that whatever a table holds, the text lexes.
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
//! and its code together ([`member::Member`]): the cause enum's accessors are in
//! `accessors.rs`, its lookups in `lookups.rs`, each file with the list that orders them.
//! The category enum is in `category.rs`, the parse error in `parse_error.rs`, the standard
//! traits in `traits.rs`, serde in `serde_impls.rs`, and the code helpers the lookups share in
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

pub fn expand(input: &Input, model: &Model, env: &Env) -> String {
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
        let path = lit(path);
        format!("const _: &[::core::primitive::u8] = ::core::include_bytes!({path});")
    });
    let items = [
        Some(cause_enum),
        Some(cause_impl),
        Some(cause_traits),
        Some(serde),
    ];
    let items = items
        .into_iter()
        .chain([category, parse_error, reason_phrase, track]);
    join_with(items.flatten(), "\n")
}

/// The expansion of one call: the call, the model, and what is derived from them once.
struct Generator<'a> {
    input: &'a Input,
    model: &'a Model,
    docs: DocContext<'a>,
    /// `Cause::Busy`, one path per cause, in table order.
    variants: Vec<String>,
    /// The category variant of each category, in table order.
    category_variants: Vec<String>,
}

impl<'a> Generator<'a> {
    fn new(input: &'a Input, model: &'a Model) -> Self {
        let cause = input.cause.ident.code();
        let variants = model
            .causes
            .iter()
            .map(|c| format!("{cause}::{}", c.variant))
            .collect();
        let category_variants = model
            .category_list()
            .iter()
            .map(|c| c.variant.to_string())
            .collect();
        let names = (
            input.cause.ident.name().to_owned(),
            input
                .category
                .as_ref()
                .map(|item| item.ident.name().to_owned()),
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
    fn attrs(&self, item: &Item) -> String {
        if self.model.is_stand_in() {
            join(item.attrs_without_repr().map(|attr| attr.code()))
        } else {
            join(item.attrs.iter().map(|attr| attr.code()))
        }
    }

    fn cause_enum(&self) -> String {
        let Item { vis, ident, .. } = &self.input.cause;
        let (vis, ident) = (vis.code(), ident.code());
        let attrs = self.attrs(&self.input.cause);
        let doc = lit(&self.docs.enum_doc());
        let variants = self.model.causes.iter().enumerate().map(|(index, cause)| {
            let VariantDoc { text, example } = self.docs.variant_doc(index);
            let example = example.map(|example| self.example_attrs(example));
            let example = example.unwrap_or_default();
            let variant = &cause.variant;
            // Where every row has a code, the code is the discriminant: `Q850::UserBusy as u8`.
            let discriminant =
                (self.model.code_repr.zip(cause.code)).map(|(_, code)| format!("= {code}"));
            let discriminant = discriminant.unwrap_or_default();
            let text = lit(&text);
            format!("#[doc = {text}] {example} {variant} {discriminant},")
        });
        let repr = self
            .model
            .code_repr
            .filter(|_| !self.input.cause.has_repr());
        let repr = repr.map(|ty| format!("#[repr({ty})]")).unwrap_or_default();
        let derive = derive(&[
            "Clone",
            "Copy",
            "PartialEq",
            "Eq",
            "Hash",
            "PartialOrd",
            "Ord",
        ]);
        format!(
            "
            {attrs}
            #[doc = {doc}]
            {derive}
            {repr}
            #[non_exhaustive]
            {vis} enum {ident} {{
                {variants}
            }}
            ",
            variants = join(variants)
        )
    }

    /// The cause enum's inherent impl: its accessors, then its lookups.
    fn cause_impl(&self) -> String {
        let ident = self.input.cause.ident.code();
        let members = accessors::MEMBERS.iter().chain(lookups::MEMBERS);
        let members = members.map(|&member| self.member(member));
        let table = self.support_table();
        format!(
            "
            impl {ident} {{
                {table}
                {members}
            }}
            ",
            members = join(members)
        )
    }

    /// The module of `cause-macros` that holds what every expansion shares (`ParseError`,
    /// `find`'s forgiving search): through the `$crate` that `cause_macros::cause_table!`
    /// passes on, which reaches it from the calling crate however that crate named the
    /// dependency; `::cause_macros` where the call came without it (tests, fuzz targets).
    fn support(&self) -> String {
        match &self.input.krate {
            Some(krate) => format!("{}::__private", krate.code()),
            None => "::cause_macros::__private".to_owned(),
        }
    }

    /// The table as the shared code reads it: the enum's name and each cause's spellings,
    /// read from the per-cause arrays.
    fn support_table(&self) -> String {
        let ident = self.input.cause.ident.code();
        let name = lit(self.input.cause.ident.name());
        let codes = self.model.row_codes != RowCodes::None;
        let support = self.support();
        format!(
            "
            const __TABLE: {support}::Table = {support}::Table {{
                name: {name},
                len: {ident}::ALL.len(),
                spellings: |__at| {{
                    let __cause = {ident}::ALL[__at];
                    (__cause.as_str(), __cause.name(), __cause.aliases())
                }},
                codes: {codes},
            }};
            "
        )
    }

    /// A `const fn(self)` body returning one item per cause (see [`tables::indexed_table`]).
    fn per_cause(&self, ty: String, item: impl Fn(&Cause) -> String) -> String {
        self.per_cause_of("self".to_owned(), ty, item)
    }

    /// [`per_cause`](Self::per_cause) for the cause `subject` (an expression of the enum).
    fn per_cause_of(&self, subject: String, ty: String, item: impl Fn(&Cause) -> String) -> String {
        let items = self.model.causes.iter().map(item).collect();
        self.per_cause_items(subject, ty, items)
    }

    /// The body returning `items[i]` for the cause at position `i`.
    fn per_cause_items(&self, subject: String, ty: String, items: Vec<String>) -> String {
        let position = self.position(&subject);
        tables::indexed_table(subject, position, ty, items)
    }

    /// The position in the table of the cause `subject`: its discriminant, or where the
    /// discriminants are the rows' codes, the private `__position()`.
    fn position(&self, subject: &str) -> String {
        match self.model.code_repr {
            Some(_) => format!("Self::__position({subject})"),
            None => format!("{subject} as ::core::primitive::usize"),
        }
    }

    /// `Some(Cause::X)` for each code a cause lists in `status-codes`.
    fn status_code_items(&self) -> Vec<(u16, String)> {
        let causes = self.model.causes.iter().zip(&self.variants);
        let listed = causes.flat_map(|(cause, variant)| {
            let some = format!("::core::option::Option::Some({variant})");
            let codes = cause.status_codes.iter();
            codes.map(move |&code| (code, some.clone()))
        });
        listed.collect()
    }

    /// The reason-phrase lookup: `Option<&str>`, or with `[defaults] reason-phrase` a `&str`
    /// for every code, the default for a code the table does not list.
    fn reason_phrase(&self, item: &Item) -> String {
        let (attrs, vis, ident) = (self.attrs(item), item.vis.code(), item.ident.code());
        let default = self.model.default_reason_phrase.as_deref();
        let wrap = |phrase: String| match default {
            Some(_) => phrase,
            None => format!("::core::option::Option::Some({phrase})"),
        };
        let phrases = self.model.reason_phrases.iter();
        let phrases = phrases.map(|(code, phrase)| (*code, wrap(lit(phrase))));
        let str_type = "&'static ::core::primitive::str".to_owned();
        let (output, otherwise) = match default {
            Some(default) => (str_type, lit(default)),
            None => (
                format!("::core::option::Option<{str_type}>"),
                "::core::option::Option::None".to_owned(),
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
            doc_attr(&doc)
        });
        let doc = doc.unwrap_or_default();
        format!(
            "
            {attrs}
            {doc}
            {accessor}
            {vis} const fn {ident}(code: ::core::primitive::u16) -> {output} {{
                {body}
            }}
            "
        )
    }
}

/// The attributes of every generated lookup: `#[inline]`, so that a lookup across crates is
/// as fast as a local `match`, and `#[must_use]`, since a lookup has no other effect.
fn accessor() -> &'static str {
    "#[inline] #[must_use]"
}

/// `#[derive(...)]` of the named traits, each by its full `::core` path.
fn derive(traits: &[&str]) -> String {
    let paths = traits.iter().map(|name| {
        let module = match *name {
            "Debug" => "fmt",
            "Clone" => "clone",
            "Copy" => "marker",
            "Hash" => "hash",
            _ => "cmp",
        };
        format!("::core::{module}::{name}")
    });
    format!("#[derive({paths})]", paths = join_with(paths, ","))
}

fn codes(codes: &[u16]) -> Vec<String> {
    codes.iter().map(u16::to_string).collect()
}

/// `#[doc = "text"]`.
pub(crate) fn doc_attr(text: &str) -> String {
    format!("#[doc = {}]", lit(text))
}

/// A Rust string literal of `s`, escaped as `proc_macro2::Literal::string` escapes it
/// (`\u{..}` for what is not printable, `\"` and `\\`, a `'` as itself).
pub(crate) fn lit(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars();
    while let Some(ch) = chars.next() {
        match ch {
            // `\0` before an octal digit would read as clippy's `octal_escapes`.
            '\0' if chars.as_str().starts_with(|next: char| next.is_digit(8)) => {
                out.push_str("\\x00")
            }
            '\0' => out.push_str("\\0"),
            '\'' => out.push(ch),
            _ => out.extend(ch.escape_debug()),
        }
    }
    out.push('"');
    out
}

/// Code fragments one after another: `#(#items)*`.
pub(crate) fn join<T: AsRef<str>>(items: impl IntoIterator<Item = T>) -> String {
    join_with(items, "")
}

/// Code fragments with `separator` between them: `#(#items),*`.
pub(crate) fn join_with<T: AsRef<str>>(
    items: impl IntoIterator<Item = T>,
    separator: &str,
) -> String {
    let mut out = String::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push(' ');
        out.push_str(item.as_ref());
    }
    out
}

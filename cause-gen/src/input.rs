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

mod serde_attr;
mod tokens;

pub use serde_attr::SerdeAttr;

use crate::tt::{Delimiter, Ident, Span, TokenStream, TokenTree};

use crate::error::{Error, Result};
pub(crate) use tokens::LitStr;
use tokens::Tokens;

/// A parsed call of `cause_table!`: the items to generate and the table's path.
pub struct Input {
    /// The whole call, as the macro gave it: what the expansion's holes stand for.
    call: TokenStream,
    /// `[$crate]`, which `cause_macros::cause_table!` puts before the caller's items: the path
    /// of the crate holding the support code the expansion calls.
    pub(crate) krate: Option<TokenStream>,
    pub(crate) cause: Item,
    /// `#[examples(...)]` on the cause enum: how the variants' examples reach it.
    pub(crate) examples: ExamplesAttr,
    /// `#[serde]` or `#[serde(feature = "...")]` on the cause enum: serde for the generated
    /// types.
    pub(crate) serde: Option<SerdeAttr>,
    /// The table's path, relative to the file that calls the macro.
    pub(crate) path: LitStr,
    /// The category enum: required when the table has `[[category]]` rows.
    pub(crate) category: Option<Item>,
    /// The parse error: with it, the cause enum implements `FromStr`.
    pub(crate) parse_error: Option<Item>,
    /// The reason-phrase lookup.
    pub(crate) reason_phrase: Option<Item>,
}

/// One item to generate: what the caller wrote before and as its name.
pub struct Item {
    /// Outer attributes (`#[...]`, doc comments), passed through as written.
    pub attrs: Vec<TokenStream>,
    /// `pub`, `pub(crate)`, `pub(in path)` or nothing, passed through as written.
    pub vis: TokenStream,
    pub ident: Ident,
}

/// `#[examples(path = "my_crate::jobs::JobCause")]` or `#[examples(ignore)]` on the cause enum,
/// consumed by the macro; `Default` without one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ExamplesAttr {
    /// Run them with `use <module_path!()>::Cause;` when the enum is `pub`, show them unrun
    /// otherwise.
    #[default]
    Default,
    /// Run them with `use <path>;`.
    Path(String),
    /// Show them, unrun.
    Ignore,
}

const EXAMPLES_FORMS: &str = "expected `#[examples(path = \"my_crate::module::Cause\")]` (the path the doctests `use`) or `#[examples(ignore)]` (show the examples without running them)";

/// Takes the `#[examples(...)]` attribute out of `attrs`.
fn take_examples(attrs: &mut Vec<TokenStream>) -> Result<ExamplesAttr> {
    let mut found = ExamplesAttr::Default;
    let mut error = None;
    attrs.retain(|attr| {
        let Some(TokenTree::Group(body)) = attr.clone().into_iter().nth(1) else {
            return true;
        };
        let mut inner = body.stream().into_iter();
        if !matches!(inner.next(), Some(TokenTree::Ident(name)) if name == "examples") {
            return true;
        }
        match inner.next() {
            Some(TokenTree::Group(args)) => match examples_args(args.stream()) {
                Ok(args) => found = args,
                Err(e) => error = Some(Error::new(e.span(), EXAMPLES_FORMS)),
            },
            other => {
                let span = other.map_or(body.span(), |t| t.span());
                error = Some(Error::new(span, EXAMPLES_FORMS));
            }
        }
        false
    });
    error.map_or(Ok(found), Err)
}

/// `path = "..."` or `ignore`, inside `#[examples(...)]`.
fn examples_args(args: TokenStream) -> Result<ExamplesAttr> {
    let mut input = Tokens::new(args);
    let name = input.ident()?;
    let attr = if name == "ignore" {
        ExamplesAttr::Ignore
    } else if name == "path" {
        input.punct('=')?;
        ExamplesAttr::Path(input.lit_str()?.value())
    } else {
        return Err(Error::new(name.span(), EXAMPLES_FORMS));
    };
    if !input.is_empty() {
        return Err(input.error(EXAMPLES_FORMS));
    }
    Ok(attr)
}

/// What every error about the call's shape shows: the items, in order, and which are optional.
const USAGE: &str = "the macro takes these items, in this order:
    pub enum Cause in \"causes.toml\";  // required: the cause enum, and its table's path
    pub enum Category;                // optional: the category enum, needed with [[category]] rows
    pub struct ParseCauseError;       // optional: the parse error, with which Cause implements FromStr
    pub fn reason_phrase;             // optional: the [reason-phrases] lookup";

/// The optional items, in the order the call takes them.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Optional {
    Category,
    ParseError,
    ReasonPhrase,
}

impl Optional {
    fn keyword(self) -> &'static str {
        match self {
            Optional::Category => "enum",
            Optional::ParseError => "struct",
            Optional::ReasonPhrase => "fn",
        }
    }
}

impl Input {
    /// The call from the macro's tokens.
    pub fn from_tokens(tokens: TokenStream) -> Result<Input> {
        Input::parse(&mut Tokens::new(tokens.clone()), tokens)
    }

    fn parse(input: &mut Tokens, call: TokenStream) -> Result<Self> {
        // `[$crate]`: no call of the user's can start with a bracket (an attribute starts with
        // `#`).
        let krate = input.group(Delimiter::Bracket).map(|group| group.stream());
        let (cause, path) = Item::parse_with(input, |input| {
            if !input.peek_word("enum") {
                return Err(input.error(format!(
                    "expected the cause enum first, such as `pub enum Cause in \"causes.toml\";`\n{USAGE}"
                )));
            }
            input.word("enum")?;
            let ident = input.ident()?;
            if !input.peek_word("in") || !input.peek_str_after_one() {
                return Err(input.error(
                    "expected `in \"causes.toml\"` after the enum's name: the path of the table, relative to this file",
                ));
            }
            input.word("in")?;
            Ok((ident, input.lit_str()?))
        })?;
        let mut cause = cause;
        let examples = take_examples(&mut cause.attrs)?;
        let serde = serde_attr::take_serde(&mut cause.attrs)?;
        let mut parsed = Input {
            call,
            krate,
            cause,
            examples,
            serde,
            path,
            category: None,
            parse_error: None,
            reason_phrase: None,
        };
        let mut last = None;
        while !input.is_empty() {
            let (kind, item) = parse_optional(input)?;
            let slot = match kind {
                Optional::Category => &mut parsed.category,
                Optional::ParseError => &mut parsed.parse_error,
                Optional::ReasonPhrase => &mut parsed.reason_phrase,
            };
            if slot.is_some() {
                let message = format!(
                    "a second `{}` item: the call names each item once\n{USAGE}",
                    kind.keyword()
                );
                return Err(Error::new(item.ident.span(), message));
            }
            if last.is_some_and(|last| last > kind) {
                let message = format!(
                    "`{} {}` is out of order\n{USAGE}",
                    kind.keyword(),
                    item.ident.name()
                );
                return Err(Error::new(item.ident.span(), message));
            }
            last = Some(kind);
            *slot = Some(item);
        }
        parsed.check_names()?;
        parsed.check_derives()?;
        parsed.check_serde()?;
        Ok(parsed)
    }
}

/// One optional item: `#[attrs] vis enum|struct|fn Name;`.
fn parse_optional(input: &mut Tokens) -> Result<(Optional, Item)> {
    let (item, kind) = Item::parse_with(input, |input| {
        let optionals = [
            Optional::Category,
            Optional::ParseError,
            Optional::ReasonPhrase,
        ];
        let Some(kind) = optionals
            .into_iter()
            .find(|kind| input.peek_word(kind.keyword()))
        else {
            return Err(input.error(format!("expected `enum`, `struct` or `fn`\n{USAGE}")));
        };
        input.word(kind.keyword())?;
        let ident = input.ident()?;
        if input.peek_word("in") {
            return Err(input.error(format!(
                "only the first enum, the cause enum, names a table\n{USAGE}"
            )));
        }
        Ok((ident, kind))
    })?;
    Ok((kind, item))
}

/// A call from its text, as tests and fuzz targets write it: `"pub enum Cause in \"t.toml\";"`
/// (with the feature `from-str`, which reads it with `proc-macro2`).
#[cfg(any(test, feature = "from-str"))]
impl std::str::FromStr for Input {
    type Err = Error;

    fn from_str(call: &str) -> Result<Input> {
        let tokens = crate::tt::from_text(call).map_err(|e| Error::new(Span::call_site(), e))?;
        Input::from_tokens(tokens)
    }
}

impl Input {
    /// The span of the table's path literal: where the table's errors point, and whose file
    /// the path is relative to.
    pub fn path_span(&self) -> Span {
        self.path.span()
    }

    /// The call's tree numbered `index` (the tree a hole of the expansion stands for).
    pub fn token(&self, index: usize) -> Option<&TokenTree> {
        self.call.find(index)
    }

    /// The items, in the order of the call.
    fn items(&self) -> impl Iterator<Item = &Item> {
        std::iter::once(&self.cause)
            .chain(&self.category)
            .chain(&self.parse_error)
            .chain(&self.reason_phrase)
    }

    /// Each item defines a name in the caller's module: two with one name cannot both exist.
    fn check_names(&self) -> Result<()> {
        let items: Vec<&Item> = self.items().collect();
        for (i, item) in items.iter().enumerate() {
            if let Some(first) = items[..i].iter().find(|other| other.ident == item.ident) {
                let mut error = Error::new(
                    item.ident.span(),
                    format!(
                        "the name `{}` is given to two items: each generated item needs a name of its own",
                        item.ident.name()
                    ),
                );
                error.combine(Error::new(first.ident.span(), "first given here"));
                return Err(error);
            }
        }
        Ok(())
    }

    /// serde reads a cause with `FromStr`, which needs the parse error.
    fn check_serde(&self) -> Result<()> {
        match (&self.serde, &self.parse_error) {
            (Some(serde), None) => Err(Error::new(
                serde.span,
                format!(
                    "`#[serde]` needs the parse error item, such as `pub struct Parse{}Error;`: serde reads a cause as `FromStr` does, and fails with its error",
                    self.cause.ident.name()
                ),
            )),
            _ => Ok(()),
        }
    }

    /// `#[derive(Default)]` on a generated enum cannot work: say so once, at the derive.
    fn check_derives(&self) -> Result<()> {
        let enums = std::iter::once(&self.cause).chain(&self.category);
        for item in enums {
            for attr in &item.attrs {
                let mut tokens = attr.clone().into_iter().skip(1);
                let Some(TokenTree::Group(body)) = tokens.next() else {
                    continue;
                };
                let mut inner = body.stream().into_iter();
                let is_derive =
                    matches!(inner.next(), Some(TokenTree::Ident(name)) if name == "derive");
                let Some(TokenTree::Group(list)) = inner.next().filter(|_| is_derive) else {
                    continue;
                };
                let default = list
                    .stream()
                    .into_iter()
                    .find(|t| matches!(t, TokenTree::Ident(name) if name == "Default"));
                if let Some(default) = default {
                    return Err(Error::new(
                        default.span(),
                        format!(
                            "`Default` cannot be derived for `{}`: a generated enum has no variant marked `#[default]`; implement `Default` by hand, returning the variant you mean",
                            item.ident.name()
                        ),
                    ));
                }
            }
        }
        Ok(())
    }
}

impl Item {
    /// The item's attributes but `#[repr(...)]`: the stand-in enums beside a table's errors
    /// have no variants, and a `repr` on one would be an error of its own (E0084).
    pub fn attrs_without_repr(&self) -> impl Iterator<Item = &TokenStream> {
        self.attrs.iter().filter(|attr| {
            let Some(TokenTree::Group(body)) = (*attr).clone().into_iter().nth(1) else {
                return true;
            };
            !matches!(body.stream().into_iter().next(), Some(TokenTree::Ident(name)) if name == "repr")
        })
    }

    /// Whether the caller gave the item a `#[repr(...)]`.
    pub fn has_repr(&self) -> bool {
        self.attrs_without_repr().count() != self.attrs.len()
    }

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
        input: &mut Tokens,
        rest: impl FnOnce(&mut Tokens) -> Result<(Ident, T)>,
    ) -> Result<(Item, T)> {
        let attrs = parse_attributes(input)?;
        let vis = parse_visibility(input);
        let (ident, extra) = rest(input)?;
        input.punct(';')?;
        Ok((Item { attrs, vis, ident }, extra))
    }
}

// Attributes and visibility are only passed through, so they are read as tokens.

/// `#[...]` and doc comments (which reach a macro as `#[doc = "..."]`).
fn parse_attributes(input: &mut Tokens) -> Result<Vec<TokenStream>> {
    let mut attrs = Vec::new();
    while input.peek_punct('#') {
        let pound = input.punct('#')?;
        let Some(body) = input.group(Delimiter::Bracket) else {
            return Err(input.error("expected `[` after `#`"));
        };
        attrs.push(TokenStream::from_iter([
            TokenTree::Punct(pound),
            TokenTree::Group(body),
        ]));
    }
    Ok(attrs)
}

/// `pub`, `pub(crate)`, `pub(super)`, `pub(in path)`, or nothing.
fn parse_visibility(input: &mut Tokens) -> TokenStream {
    let Ok(public) = input.word("pub") else {
        return TokenStream::new();
    };
    let mut vis = TokenStream::from_iter([TokenTree::Ident(public)]);
    if let Some(scope) = input.group(Delimiter::Parenthesis) {
        vis.extend([TokenTree::Group(scope)]);
    }
    vis
}

#[cfg(test)]
mod tests;

//! The call's tokens as the generator reads them: the shapes of `proc_macro`'s token trees,
//! owned, each with the place of the compiler's token it stands for.
//!
//! The macro (`cause-macros-impl`) turns the compiler's tokens into these, numbering each tree
//! in pre-order, and keeps the originals. The generator reads the call from these and writes
//! the expansion as Rust source text; where the expansion repeats what the caller wrote (an
//! attribute, a visibility, an item's name, `$crate`) it writes a placeholder, a hole, that the
//! macro replaces with the original token, so the caller's tokens keep their spans (and
//! `$crate` its meaning). Everything else the generator writes has the call site's span, as
//! `quote!` gives it. Without `proc-macro2` and `quote`, the generator builds beside the crates
//! a build of cause-core compiles anyway: they were a fifth of its CPU time.

use std::fmt;

/// The text that starts every hole's identifier: `__cause_hole_7` is the tree numbered 7.
pub const HOLE_PREFIX: &str = "__cause_hole_";

/// The place of one of the call's tokens: its number in the pre-order walk of the call, or
/// the call site (no token: the end of the input, or an error of the call's whole text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span(Option<u32>);

impl Span {
    /// The call site: no token of the call.
    pub fn call_site() -> Span {
        Span(None)
    }

    /// The tree numbered `index` in the pre-order walk of the call.
    pub fn token(index: usize) -> Span {
        Span(Some(
            u32::try_from(index).expect("fewer than 2^32 tokens in a call"),
        ))
    }

    /// The number of the token, `None` for the call site.
    pub fn index(self) -> Option<usize> {
        self.0.map(|index| index as usize)
    }
}

/// The number of a hole's tree: `Some(7)` for `__cause_hole_7`.
pub fn hole_index(ident: &str) -> Option<usize> {
    ident.strip_prefix(HOLE_PREFIX)?.parse().ok()
}

/// How a group is delimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    /// `( ... )`
    Parenthesis,
    /// `{ ... }`
    Brace,
    /// `[ ... ]`
    Bracket,
    /// An invisible group, around a fragment a `macro_rules!` forwarded.
    None,
}

/// A token tree.
#[derive(Debug, Clone)]
pub enum TokenTree {
    /// A delimited group.
    Group(Group),
    /// An identifier or keyword.
    Ident(Ident),
    /// A punctuation character.
    Punct(Punct),
    /// A literal.
    Literal(Literal),
}

impl TokenTree {
    /// Where the token is.
    pub fn span(&self) -> Span {
        match self {
            TokenTree::Group(group) => group.span,
            TokenTree::Ident(ident) => ident.span,
            TokenTree::Punct(punct) => punct.span,
            TokenTree::Literal(literal) => literal.span,
        }
    }

    /// The tree as source text, the way `proc_macro2` shows it (for tests and messages).
    fn write_text(&self, out: &mut String) {
        match self {
            TokenTree::Group(group) => {
                let (open, close) = match group.delimiter {
                    Delimiter::Parenthesis => ("(", ")"),
                    Delimiter::Brace => ("{ ", " }"),
                    Delimiter::Bracket => ("[", "]"),
                    Delimiter::None => ("", ""),
                };
                out.push_str(open);
                group.stream.write_text(out);
                out.push_str(close);
            }
            TokenTree::Ident(ident) => out.push_str(&ident.name),
            TokenTree::Punct(punct) => out.push(punct.ch),
            TokenTree::Literal(literal) => out.push_str(&literal.text),
        }
    }
}

/// A sequence of token trees.
#[derive(Debug, Clone, Default)]
pub struct TokenStream(Vec<TokenTree>);

impl TokenStream {
    /// A new one, from its parts.
    pub fn new() -> TokenStream {
        TokenStream(Vec::new())
    }

    /// Whether the stream has no tree.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Its trees.
    pub fn iter(&self) -> std::slice::Iter<'_, TokenTree> {
        self.0.iter()
    }

    /// The stream as it goes into the expansion: a hole for each of its trees.
    pub fn code(&self) -> String {
        let holes = self.0.iter().map(|tree| hole(tree.span()));
        holes.collect::<Vec<_>>().join(" ")
    }

    /// The stream as source text, the way `proc_macro2` shows it: `pub (crate)`,
    /// `# [derive (Clone)]` (for tests and messages).
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.write_text(&mut out);
        out
    }

    fn write_text(&self, out: &mut String) {
        let mut joint = true;
        for tree in &self.0 {
            if !joint {
                out.push(' ');
            }
            tree.write_text(out);
            joint = matches!(tree, TokenTree::Punct(punct) if punct.joint);
        }
    }

    /// The tree numbered `index`, in this stream or a group inside it.
    pub fn find(&self, index: usize) -> Option<&TokenTree> {
        self.0.iter().find_map(|tree| match tree {
            _ if tree.span().index() == Some(index) => Some(tree),
            TokenTree::Group(group) => group.stream.find(index),
            _ => None,
        })
    }
}

impl Extend<TokenTree> for TokenStream {
    fn extend<I: IntoIterator<Item = TokenTree>>(&mut self, trees: I) {
        self.0.extend(trees);
    }
}

impl FromIterator<TokenTree> for TokenStream {
    fn from_iter<I: IntoIterator<Item = TokenTree>>(trees: I) -> Self {
        TokenStream(trees.into_iter().collect())
    }
}

impl IntoIterator for TokenStream {
    type Item = TokenTree;
    type IntoIter = std::vec::IntoIter<TokenTree>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// The placeholder of the call's tree at `span` in the expansion's text.
fn hole(span: Span) -> String {
    let index = span.index().expect("a tree of the call has a number");
    format!("{HOLE_PREFIX}{index}")
}

/// A delimited group.
#[derive(Debug, Clone)]
pub struct Group {
    delimiter: Delimiter,
    stream: TokenStream,
    span: Span,
}

impl Group {
    /// A new one, from its parts.
    pub fn new(delimiter: Delimiter, stream: TokenStream, span: Span) -> Group {
        Group {
            delimiter,
            stream,
            span,
        }
    }

    /// How the group is delimited.
    pub fn delimiter(&self) -> Delimiter {
        self.delimiter
    }

    /// The trees inside the group.
    pub fn stream(&self) -> TokenStream {
        self.stream.clone()
    }

    /// Where the token is.
    pub fn span(&self) -> Span {
        self.span
    }
}

/// An identifier or keyword: its [`name`](Ident::name) for messages and docs; into the
/// expansion it goes as a hole ([`code`](Ident::code)), with the caller's span. It has no
/// `Display`, so that neither can be written where the other is meant.
#[derive(Debug, Clone)]
pub struct Ident {
    name: String,
    span: Span,
}

impl Ident {
    /// A new one, from its parts.
    pub fn new(name: impl Into<String>, span: Span) -> Ident {
        Ident {
            name: name.into(),
            span,
        }
    }

    /// Where the token is.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The name, as written (`r#type` included).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The identifier as it goes into the expansion: a hole, so that it keeps its span.
    pub fn code(&self) -> String {
        hole(self.span)
    }
}

impl PartialEq for Ident {
    fn eq(&self, other: &Ident) -> bool {
        self.name == other.name
    }
}

impl PartialEq<str> for Ident {
    fn eq(&self, other: &str) -> bool {
        self.name == other
    }
}

impl PartialEq<&str> for Ident {
    fn eq(&self, other: &&str) -> bool {
        self.name == *other
    }
}

/// One punctuation character; `joint` when the next one is part of the same operator (`::`).
#[derive(Debug, Clone)]
pub struct Punct {
    ch: char,
    joint: bool,
    span: Span,
}

impl Punct {
    /// A new one, from its parts.
    pub fn new(ch: char, joint: bool, span: Span) -> Punct {
        Punct { ch, joint, span }
    }

    /// The character.
    pub fn as_char(&self) -> char {
        self.ch
    }

    /// Whether the next character is part of the same operator (`::`).
    pub fn is_joint(&self) -> bool {
        self.joint
    }

    /// Where the token is.
    pub fn span(&self) -> Span {
        self.span
    }
}

/// A literal, as its source text (`"causes.toml"`, `r#"a"#`, `17`).
#[derive(Debug, Clone)]
pub struct Literal {
    text: String,
    span: Span,
}

impl Literal {
    /// A new one, from its parts.
    pub fn new(text: impl Into<String>, span: Span) -> Literal {
        Literal {
            text: text.into(),
            span,
        }
    }

    /// Where the token is.
    pub fn span(&self) -> Span {
        self.span
    }
}

impl fmt::Display for Literal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// The call's text as token trees, read by `proc-macro2` (for tests and fuzz targets, which
/// write calls as text; the macro converts the compiler's own tokens the same way).
#[cfg(any(test, feature = "from-str"))]
pub fn from_text(text: &str) -> Result<TokenStream, String> {
    let stream: proc_macro2::TokenStream = text.parse().map_err(|e| format!("{e}"))?;
    let mut count = 0;
    Ok(convert(stream, &mut count))
}

#[cfg(any(test, feature = "from-str"))]
fn convert(stream: proc_macro2::TokenStream, count: &mut usize) -> TokenStream {
    use proc_macro2::TokenTree as T;
    stream
        .into_iter()
        .map(|tree| {
            let span = Span::token(*count);
            *count += 1;
            match tree {
                T::Group(group) => {
                    let delimiter = match group.delimiter() {
                        proc_macro2::Delimiter::Parenthesis => Delimiter::Parenthesis,
                        proc_macro2::Delimiter::Brace => Delimiter::Brace,
                        proc_macro2::Delimiter::Bracket => Delimiter::Bracket,
                        proc_macro2::Delimiter::None => Delimiter::None,
                    };
                    let stream = convert(group.stream(), count);
                    TokenTree::Group(Group::new(delimiter, stream, span))
                }
                T::Ident(ident) => TokenTree::Ident(Ident::new(ident.to_string(), span)),
                T::Punct(punct) => {
                    let joint = punct.spacing() == proc_macro2::Spacing::Joint;
                    TokenTree::Punct(Punct::new(punct.as_char(), joint, span))
                }
                T::Literal(literal) => TokenTree::Literal(Literal::new(literal.to_string(), span)),
            }
        })
        .collect()
}

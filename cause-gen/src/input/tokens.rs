//! The call's tokens, read one at a time: the little of `syn`'s `ParseStream` that a call of
//! items without bodies needs, with syn's wording for what it expected.

use crate::tt::{Delimiter, Group, Ident, Literal, Punct, Span, TokenStream, TokenTree};

use crate::error::{Error, Result};

/// A cursor over a token stream, with the groups that macros put around forwarded fragments
/// (`Delimiter::None`) opened.
pub struct Tokens {
    tokens: Vec<TokenTree>,
    at: usize,
}

impl Tokens {
    pub fn new(stream: TokenStream) -> Tokens {
        let mut tokens = Vec::new();
        flatten(stream, &mut tokens);
        Tokens { tokens, at: 0 }
    }

    pub fn is_empty(&self) -> bool {
        self.at == self.tokens.len()
    }

    fn peek(&self) -> Option<&TokenTree> {
        self.tokens.get(self.at)
    }

    /// Whether the next token is the keyword or identifier `word`.
    pub fn peek_word(&self, word: &str) -> bool {
        matches!(self.peek(), Some(TokenTree::Ident(ident)) if ident == word)
    }

    /// Whether the token after the next is a string literal.
    pub fn peek_str_after_one(&self) -> bool {
        let second = self.tokens.get(self.at + 1);
        matches!(second, Some(TokenTree::Literal(literal)) if LitStr::read(literal).is_some())
    }

    /// Whether the next token is the punctuation `ch`.
    pub fn peek_punct(&self, ch: char) -> bool {
        matches!(self.peek(), Some(TokenTree::Punct(punct)) if punct.as_char() == ch)
    }

    /// The next token if it is a group in `delimiter`.
    pub fn group(&mut self, delimiter: Delimiter) -> Option<Group> {
        match self.peek() {
            Some(TokenTree::Group(group)) if group.delimiter() == delimiter => {
                let group = group.clone();
                self.at += 1;
                Some(group)
            }
            _ => None,
        }
    }

    /// `message` on the next token, or at the end of the input (`syn`'s "unexpected end of
    /// input, ...").
    pub fn error(&self, message: impl std::fmt::Display) -> Error {
        match self.peek() {
            Some(token) => Error::new(token.span(), message),
            None => Error::new(
                Span::call_site(),
                format!("unexpected end of input, {message}"),
            ),
        }
    }

    /// The keyword or identifier `word`, else an error that expected it.
    pub fn word(&mut self, word: &str) -> Result<Ident> {
        match self.peek() {
            Some(TokenTree::Ident(ident)) if ident == word => {
                let ident = ident.clone();
                self.at += 1;
                Ok(ident)
            }
            _ => Err(self.error(format!("expected `{word}`"))),
        }
    }

    /// The punctuation `ch`, else an error that expected it.
    pub fn punct(&mut self, ch: char) -> Result<Punct> {
        match self.peek() {
            Some(TokenTree::Punct(punct)) if punct.as_char() == ch => {
                let punct = punct.clone();
                self.at += 1;
                Ok(punct)
            }
            _ => Err(self.error(format!("expected `{ch}`"))),
        }
    }

    /// An identifier that is no keyword.
    pub fn ident(&mut self) -> Result<Ident> {
        match self.peek() {
            Some(TokenTree::Ident(ident)) if KEYWORDS.contains(&ident.name()) => Err(self.error(
                format!("expected identifier, found keyword `{}`", ident.name()),
            )),
            Some(TokenTree::Ident(ident)) => {
                let ident = ident.clone();
                self.at += 1;
                Ok(ident)
            }
            _ => Err(self.error("expected identifier")),
        }
    }

    /// A string literal.
    pub fn lit_str(&mut self) -> Result<LitStr> {
        let found = match self.peek() {
            Some(TokenTree::Literal(literal)) => LitStr::read(literal),
            _ => None,
        };
        let lit = found.ok_or_else(|| self.error("expected string literal"))?;
        self.at += 1;
        Ok(lit)
    }
}

fn flatten(stream: TokenStream, into: &mut Vec<TokenTree>) {
    for token in stream {
        match token {
            TokenTree::Group(group) if group.delimiter() == Delimiter::None => {
                flatten(group.stream(), into);
            }
            token => into.push(token),
        }
    }
}

/// The words an identifier cannot be: Rust's strict and reserved keywords (`syn`'s list).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "if", "impl", "in",
    "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "Self", "self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// A string literal of the call: its value, with escapes read, and where it is.
#[derive(Clone)]
pub struct LitStr {
    value: String,
    span: Span,
}

impl LitStr {
    pub fn value(&self) -> String {
        self.value.clone()
    }

    pub fn span(&self) -> Span {
        self.span
    }

    /// The literal's value, if it is a string (`"..."` or `r#"..."#`, no suffix).
    fn read(literal: &Literal) -> Option<LitStr> {
        let text = literal.to_string();
        let value = match text.strip_prefix('r') {
            Some(raw) => {
                let hashes = raw.len() - raw.trim_start_matches('#').len();
                let body = raw[hashes..].strip_prefix('"')?;
                body.strip_suffix(&raw[..hashes])?
                    .strip_suffix('"')?
                    .to_owned()
            }
            None => unescape(text.strip_prefix('"')?.strip_suffix('"')?)?,
        };
        Some(LitStr {
            value,
            span: literal.span(),
        })
    }
}

/// The text of a string literal between its quotes, its escapes read; `None` where the
/// compiler would have refused the literal.
fn unescape(body: &str) -> Option<String> {
    let mut value = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(ch) = chars.next() {
        if ch != '\\' {
            value.push(ch);
            continue;
        }
        let escaped = match chars.next()? {
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            '0' => '\0',
            '\\' => '\\',
            '\'' => '\'',
            '"' => '"',
            'x' => {
                let digits: String = chars.by_ref().take(2).collect();
                char::from(u8::from_str_radix(&digits, 16).ok().filter(u8::is_ascii)?)
            }
            'u' => {
                let rest = chars.as_str().strip_prefix('{')?;
                let (digits, after) = rest.split_once('}')?;
                chars = after.chars();
                char::from_u32(u32::from_str_radix(&digits.replace('_', ""), 16).ok()?)?
            }
            // A line continuation: the line break and the white space after it are dropped.
            '\n' | '\r' => {
                let rest = chars.as_str().trim_start_matches([' ', '\t', '\n', '\r']);
                chars = rest.chars();
                continue;
            }
            _ => return None,
        };
        value.push(escaped);
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(source: &str) -> Option<String> {
        let stream = crate::tt::from_text(source).expect("a token");
        match stream.into_iter().next() {
            Some(TokenTree::Literal(literal)) => LitStr::read(&literal).map(|lit| lit.value()),
            _ => None,
        }
    }

    #[test]
    fn string_literals_are_read_as_the_compiler_reads_them() {
        assert_eq!(value(r#""causes.toml""#).as_deref(), Some("causes.toml"));
        assert_eq!(
            value(r#""a\"b\\c\n\t\x41\u{e9}""#).as_deref(),
            Some("a\"b\\c\n\tAé")
        );
        assert_eq!(value(r##"r#"a "b" c"#"##).as_deref(), Some("a \"b\" c"));
        assert_eq!(value(r#"r"plain""#).as_deref(), Some("plain"));
        assert_eq!(value("\"one \\\n    two\"").as_deref(), Some("one two"));
        assert_eq!(value("17"), None);
        assert_eq!(value("b\"bytes\""), None);
        assert_eq!(value("'c'"), None);
    }
}

//! TOML into values that keep their byte spans: the little a table of causes needs, in the
//! shape `toml_fields.rs` reads (the API of `toml-span`, which this replaces).
//!
//! A reader of its own, not a dependency: `toml-span` and `smallvec` were a sixth of a clean
//! build's CPU and the first link of its longest chain (cause-table could start only after
//! them). It reads all of TOML 1.0 but dates and times, which no key of a cause table takes
//! and which are reported as such: tables and arrays of tables with dotted headers, dotted
//! keys, the four kinds of string, integers (decimal, hexadecimal, octal, binary), floats,
//! booleans, arrays and inline tables. It stops at the first error, as `toml-span` did, with
//! its wording.

use std::borrow::{Borrow, Cow};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::ops::Range;

/// A byte range of the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl From<Span> for Range<usize> {
    fn from(span: Span) -> Range<usize> {
        span.start..span.end
    }
}

fn span(start: usize, end: usize) -> Span {
    Span { start, end }
}

/// A key of a table, with where it is written (its first definition, for a table).
#[derive(Debug, Clone)]
pub struct Key<'i> {
    pub name: Cow<'i, str>,
    pub span: Span,
}

impl PartialEq for Key<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Eq for Key<'_> {}

impl PartialOrd for Key<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Key<'_> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.name.cmp(&other.name)
    }
}

impl Borrow<str> for Key<'_> {
    fn borrow(&self) -> &str {
        &self.name
    }
}

/// A table's keys in the order of their names (as `toml-span` kept them).
pub type Table<'i> = BTreeMap<Key<'i>, Value<'i>>;

pub type Array<'i> = Vec<Value<'i>>;

/// A value and where it is written.
#[derive(Debug, Clone)]
pub struct Value<'i> {
    pub span: Span,
    inner: ValueInner<'i>,
}

impl<'i> Value<'i> {
    pub fn as_ref(&self) -> &ValueInner<'i> {
        &self.inner
    }
}

#[derive(Debug, Clone)]
pub enum ValueInner<'i> {
    String(Cow<'i, str>),
    Integer(i64),
    /// A float, which no key of a cause table takes: only its kind is kept.
    Float,
    Boolean(bool),
    Array(Array<'i>),
    Table(Table<'i>),
}

/// The first error in the TOML, and where it is.
#[derive(Debug, Clone)]
pub struct Error {
    pub kind: ErrorKind,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum ErrorKind {
    UnterminatedString,
    InvalidCharInString(char),
    InvalidEscape(char),
    InvalidHexEscape(char),
    InvalidEscapeValue(u32),
    Unexpected(char),
    Wanted {
        expected: &'static str,
        found: &'static str,
    },
    InvalidNumber,
    DuplicateTable {
        name: String,
        first: Span,
    },
    DuplicateKey {
        key: String,
        first: Span,
    },
    RedefineAsArray,
    MultilineStringKey,
    DottedKeyInvalidType,
    UnquotedString,
    ExceededDepthLimit,
}

/// `toml-span`'s wording.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let escape = |c: char| c.escape_debug().to_string();
        match &self.kind {
            ErrorKind::UnterminatedString => f.write_str("unterminated string"),
            ErrorKind::InvalidCharInString(c) => {
                write!(f, "invalid character in string: `{}`", escape(*c))
            }
            ErrorKind::InvalidEscape(c) => {
                write!(f, "invalid escape character in string: `{}`", escape(*c))
            }
            ErrorKind::InvalidHexEscape(c) => {
                write!(
                    f,
                    "invalid hex escape character in string: `{}`",
                    escape(*c)
                )
            }
            ErrorKind::InvalidEscapeValue(c) => write!(f, "invalid escape value: `{c}`"),
            ErrorKind::Unexpected(c) => write!(f, "unexpected character found: `{}`", escape(*c)),
            ErrorKind::Wanted { expected, found } => {
                write!(f, "expected {expected}, found {found}")
            }
            ErrorKind::InvalidNumber => f.write_str("invalid number"),
            ErrorKind::DuplicateTable { name, .. } => write!(f, "redefinition of table `{name}`"),
            ErrorKind::DuplicateKey { key, .. } => write!(f, "duplicate key: `{key}`"),
            ErrorKind::RedefineAsArray => f.write_str("table redefined as array"),
            ErrorKind::MultilineStringKey => {
                f.write_str("multiline strings are not allowed for key")
            }
            ErrorKind::DottedKeyInvalidType => {
                f.write_str("dotted key attempted to extend non-table type")
            }
            ErrorKind::UnquotedString => {
                f.write_str("invalid TOML value, did you mean to use a quoted string?")
            }
            ErrorKind::ExceededDepthLimit => f.write_str("exceeded maximum nesting depth"),
        }
    }
}

/// Arrays and inline tables nest at most this deep, so that no input exhausts the stack.
const MAX_DEPTH: usize = 128;

/// The document: its root table, spanning the whole text.
pub fn parse(source: &str) -> Result<Value<'_>, Error> {
    let mut reader = Reader {
        src: source,
        pos: 0,
        depth: 0,
    };
    let mut doc = Document {
        root: Table::new(),
        defined: HashMap::new(),
        current: Vec::new(),
    };
    loop {
        reader.skip_blank_lines()?;
        let Some(b) = reader.peek() else { break };
        if b == b'[' {
            let header = reader.header()?;
            doc.open(header)?;
        } else {
            let start = reader.pos;
            let keys = reader.dotted_key()?;
            reader.skip_spaces();
            reader.expect(b'=', "an equals")?;
            reader.skip_spaces();
            let value = reader.value()?;
            let end = reader.pos;
            reader.end_of_line()?;
            doc.insert(keys, value, span(start, end))?;
        }
    }
    Ok(Value {
        span: span(0, source.len()),
        inner: ValueInner::Table(doc.root),
    })
}

/// `[a.b]` or `[[a.b]]`, from `[` to the end of its line.
struct Header<'i> {
    keys: Vec<Key<'i>>,
    array: bool,
    span: Span,
}

/// One step from a table to a table in it: a key, and for an array of tables its last table.
type Path = Vec<String>;

/// The tables read so far, and where key-values go.
struct Document<'i> {
    root: Table<'i>,
    /// Each table a header defined, by its path (an array's tables by their index), with the
    /// header's span: a second header for one is an error.
    defined: HashMap<Path, Span>,
    /// The path of the table the last header opened.
    current: Path,
}

impl<'i> Document<'i> {
    fn open(&mut self, header: Header<'i>) -> Result<(), Error> {
        let Header { keys, array, span } = header;
        let mut path = Path::new();
        let mut table = &mut self.root;
        let Some((last, parents)) = keys.split_last() else {
            return Ok(());
        };
        for key in parents {
            let entry = table.entry(key.clone()).or_insert_with(|| Value {
                span,
                inner: ValueInner::Table(Table::new()),
            });
            path.push(key.name.to_string());
            table = match &mut entry.inner {
                ValueInner::Table(inner) => inner,
                ValueInner::Array(items) if is_array_of_tables(items) => {
                    path.push(format!("#{}", items.len() - 1));
                    match items.last_mut().map(|v| &mut v.inner) {
                        Some(ValueInner::Table(inner)) => inner,
                        _ => return Err(dotted_error(key)),
                    }
                }
                _ => return Err(dotted_error(key)),
            };
        }
        path.push(last.name.to_string());
        let new_table = || Value {
            span,
            inner: ValueInner::Table(Table::new()),
        };
        if array {
            let entry = table.entry(last.clone()).or_insert_with(|| Value {
                span,
                inner: ValueInner::Array(Array::new()),
            });
            match &mut entry.inner {
                ValueInner::Array(items) if items.is_empty() || is_array_of_tables(items) => {
                    path.push(format!("#{}", items.len()));
                    items.push(new_table());
                }
                _ => {
                    return Err(Error {
                        kind: ErrorKind::RedefineAsArray,
                        span,
                    });
                }
            }
        } else {
            if let Some(first) = self.defined.get(&path) {
                return Err(Error {
                    kind: ErrorKind::DuplicateTable {
                        name: last.name.to_string(),
                        first: *first,
                    },
                    span,
                });
            }
            match table.get_mut(last.name.as_ref()) {
                // Made by a header below it (`[a.b]` before `[a]`): now defined.
                Some(Value {
                    inner: ValueInner::Table(_),
                    span: made,
                }) => *made = span,
                Some(_) => {
                    return Err(Error {
                        kind: ErrorKind::DuplicateKey {
                            key: last.name.to_string(),
                            first: last.span,
                        },
                        span: last.span,
                    });
                }
                None => {
                    table.insert(last.clone(), new_table());
                }
            }
        }
        if !array {
            self.defined.insert(path.clone(), span);
        }
        self.current = path;
        Ok(())
    }

    /// `keys = value` in the current table, whose span grows to hold it.
    fn insert(&mut self, keys: Vec<Key<'i>>, value: Value<'i>, line: Span) -> Result<(), Error> {
        let mut table = &mut self.root;
        // An index step follows its array's key, which has already taken the last table.
        for step in self.current.iter().filter(|step| !step.starts_with('#')) {
            let Some(entry) = table.get_mut(step.as_str()) else {
                return Err(Error {
                    kind: ErrorKind::DottedKeyInvalidType,
                    span: line,
                });
            };
            entry.span.start = entry.span.start.min(line.start);
            entry.span.end = entry.span.end.max(line.end);
            let inner = match &mut entry.inner {
                ValueInner::Array(items) => match items.last_mut() {
                    Some(last) => {
                        last.span.end = last.span.end.max(line.end);
                        &mut last.inner
                    }
                    None => {
                        return Err(Error {
                            kind: ErrorKind::DottedKeyInvalidType,
                            span: line,
                        });
                    }
                },
                inner => inner,
            };
            table = match inner {
                ValueInner::Table(inner) => inner,
                _ => {
                    return Err(Error {
                        kind: ErrorKind::DottedKeyInvalidType,
                        span: line,
                    });
                }
            };
        }
        insert_dotted(table, keys, value)
    }
}

/// Whether `items` is an array of tables, as far as a header needs to know: its last item
/// (which a header goes into) is a table. Checking every item made a table of 10,000 causes
/// quadratic.
fn is_array_of_tables(items: &Array<'_>) -> bool {
    matches!(items.last().map(|v| &v.inner), Some(ValueInner::Table(_)))
}

fn dotted_error(key: &Key<'_>) -> Error {
    Error {
        kind: ErrorKind::DottedKeyInvalidType,
        span: key.span,
    }
}

/// `a.b.c = value` into `table`: `a` and `b` are tables made by dotted keys, or already there.
fn insert_dotted<'i>(
    mut table: &mut Table<'i>,
    keys: Vec<Key<'i>>,
    value: Value<'i>,
) -> Result<(), Error> {
    let count = keys.len();
    for (at, key) in keys.into_iter().enumerate() {
        if at + 1 == count {
            if let Some((first, _)) = table.get_key_value(key.name.as_ref()) {
                return Err(Error {
                    kind: ErrorKind::DuplicateKey {
                        key: key.name.to_string(),
                        first: first.span,
                    },
                    span: key.span,
                });
            }
            table.insert(key, value);
            return Ok(());
        }
        let key_span = key.span;
        let entry = table.entry(key).or_insert_with(|| Value {
            span: value.span,
            inner: ValueInner::Table(Table::new()),
        });
        table = match &mut entry.inner {
            ValueInner::Table(inner) => inner,
            _ => {
                return Err(Error {
                    kind: ErrorKind::DottedKeyInvalidType,
                    span: key_span,
                });
            }
        };
    }
    Ok(())
}

struct Reader<'i> {
    src: &'i str,
    pos: usize,
    depth: usize,
}

impl<'i> Reader<'i> {
    fn peek(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.src.as_bytes().get(self.pos + ahead).copied()
    }

    fn rest(&self) -> &'i str {
        &self.src[self.pos..]
    }

    fn error(&self, at: usize, kind: ErrorKind) -> Error {
        let end = self.src[at..]
            .chars()
            .next()
            .map_or(at, |c| at + c.len_utf8());
        Error {
            kind,
            span: span(at, end),
        }
    }

    /// What is at the reader, for "expected X, found Y".
    fn found(&self) -> &'static str {
        match self.peek() {
            None => "eof",
            Some(b'\n') => "a newline",
            Some(b'\r') if self.peek_at(1) == Some(b'\n') => "a newline",
            Some(b' ' | b'\t') => "whitespace",
            Some(b'#') => "a comment",
            Some(b'=') => "an equals",
            Some(b'.') => "a period",
            Some(b',') => "a comma",
            Some(b':') => "a colon",
            Some(b'+') => "a plus",
            Some(b'{') => "a left brace",
            Some(b'}') => "a right brace",
            Some(b'[') => "a left bracket",
            Some(b']') => "a right bracket",
            Some(b'"' | b'\'') => "a string",
            Some(b) if is_keylike(b) => "an identifier",
            Some(_) => "a character",
        }
    }

    fn wanted(&self, expected: &'static str) -> Error {
        let found = self.found();
        let at = self.pos.min(self.src.len());
        let mut error = self.error(at, ErrorKind::Wanted { expected, found });
        if self.peek().is_none() {
            error.span = span(at, at);
        }
        error
    }

    fn expect(&mut self, b: u8, expected: &'static str) -> Result<(), Error> {
        if self.peek() == Some(b) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.wanted(expected))
        }
    }

    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    /// A comment to the end of its line (not the line break), whose characters must be text.
    fn skip_comment(&mut self) -> Result<(), Error> {
        if self.peek() != Some(b'#') {
            return Ok(());
        }
        let line = self.rest().find('\n').unwrap_or(self.rest().len());
        for (offset, c) in self.rest()[..line].char_indices() {
            let bare_cr = c == '\r' && offset + 1 != line;
            if (c.is_control() && c != '\t' && c != '\r') || bare_cr || c == '\u{7f}' {
                return Err(self.error(self.pos + offset, ErrorKind::Unexpected(c)));
            }
        }
        self.pos += line;
        Ok(())
    }

    /// A line break, `\n` or `\r\n`.
    fn newline(&mut self) -> bool {
        match (self.peek(), self.peek_at(1)) {
            (Some(b'\n'), _) => self.pos += 1,
            (Some(b'\r'), Some(b'\n')) => self.pos += 2,
            _ => return false,
        }
        true
    }

    fn skip_blank_lines(&mut self) -> Result<(), Error> {
        loop {
            self.skip_spaces();
            self.skip_comment()?;
            if !self.newline() {
                return Ok(());
            }
        }
    }

    /// After a key-value or a header: spaces, a comment, then a line break or the end.
    fn end_of_line(&mut self) -> Result<(), Error> {
        self.skip_spaces();
        self.skip_comment()?;
        if self.peek().is_none() || self.newline() {
            Ok(())
        } else {
            Err(self.wanted("newline"))
        }
    }

    fn header(&mut self) -> Result<Header<'i>, Error> {
        let start = self.pos;
        self.pos += 1;
        let array = self.peek() == Some(b'[');
        if array {
            self.pos += 1;
        }
        self.skip_spaces();
        let keys = self.dotted_key()?;
        self.skip_spaces();
        self.expect(b']', "a right bracket")?;
        if array {
            self.expect(b']', "a right bracket")?;
        }
        let end = self.pos;
        self.end_of_line()?;
        Ok(Header {
            keys,
            array,
            span: span(start, end),
        })
    }

    /// `a`, `"a b"`, `'a'`, or those joined by dots.
    fn dotted_key(&mut self) -> Result<Vec<Key<'i>>, Error> {
        let mut keys = vec![self.key()?];
        loop {
            let at = self.pos;
            self.skip_spaces();
            if self.peek() != Some(b'.') {
                self.pos = at;
                return Ok(keys);
            }
            self.pos += 1;
            self.skip_spaces();
            if keys.len() >= MAX_DEPTH {
                return Err(self.error(self.pos, ErrorKind::ExceededDepthLimit));
            }
            keys.push(self.key()?);
        }
    }

    fn key(&mut self) -> Result<Key<'i>, Error> {
        let start = self.pos;
        match self.peek() {
            Some(b'"' | b'\'') => {
                if self.rest().starts_with("\"\"\"") || self.rest().starts_with("'''") {
                    return Err(self.error(start, ErrorKind::MultilineStringKey));
                }
                let (name, span) = self.string()?;
                Ok(Key { name, span })
            }
            Some(b) if is_keylike(b) => {
                let len = self.rest().bytes().take_while(|&b| is_keylike(b)).count();
                self.pos += len;
                Ok(Key {
                    name: Cow::Borrowed(&self.src[start..self.pos]),
                    span: span(start, self.pos),
                })
            }
            _ => Err(self.wanted("a table key")),
        }
    }

    fn value(&mut self) -> Result<Value<'i>, Error> {
        let start = self.pos;
        let inner = match self.peek() {
            Some(b'"' | b'\'') => {
                let (text, span) = self.string()?;
                return Ok(Value {
                    span,
                    inner: ValueInner::String(text),
                });
            }
            Some(b'[') => self.nested(Self::array)?,
            Some(b'{') => self.nested(Self::inline_table)?,
            Some(b) if is_keylike(b) || b == b'+' || b == b'.' => self.scalar()?,
            _ => return Err(self.wanted("a value")),
        };
        Ok(Value {
            span: span(start, self.pos),
            inner,
        })
    }

    fn nested(
        &mut self,
        read: fn(&mut Self) -> Result<ValueInner<'i>, Error>,
    ) -> Result<ValueInner<'i>, Error> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error(self.pos, ErrorKind::ExceededDepthLimit));
        }
        self.depth += 1;
        let inner = read(self);
        self.depth -= 1;
        inner
    }

    /// Space, comments and line breaks inside an array.
    fn skip_array_space(&mut self) -> Result<(), Error> {
        loop {
            self.skip_spaces();
            self.skip_comment()?;
            if !self.newline() {
                return Ok(());
            }
        }
    }

    fn array(&mut self) -> Result<ValueInner<'i>, Error> {
        self.pos += 1;
        let mut items = Array::new();
        loop {
            self.skip_array_space()?;
            if self.peek() == Some(b']') {
                self.pos += 1;
                return Ok(ValueInner::Array(items));
            }
            items.push(self.value()?);
            self.skip_array_space()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {}
                _ => return Err(self.wanted("a comma")),
            }
        }
    }

    fn inline_table(&mut self) -> Result<ValueInner<'i>, Error> {
        self.pos += 1;
        let mut table = Table::new();
        self.skip_spaces();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(ValueInner::Table(table));
        }
        loop {
            self.skip_spaces();
            let keys = self.dotted_key()?;
            self.skip_spaces();
            self.expect(b'=', "an equals")?;
            self.skip_spaces();
            let value = self.value()?;
            insert_dotted(&mut table, keys, value)?;
            self.skip_spaces();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(ValueInner::Table(table));
                }
                _ => return Err(self.wanted("a comma")),
            }
        }
    }

    /// A boolean or a number, from a run of the characters they are written with.
    fn scalar(&mut self) -> Result<ValueInner<'i>, Error> {
        let start = self.pos;
        let len = self
            .rest()
            .bytes()
            .take_while(|&b| is_keylike(b) || matches!(b, b'+' | b'.' | b':'))
            .count();
        let text = &self.src[start..start + len];
        self.pos += len;
        let invalid = || Error {
            kind: ErrorKind::InvalidNumber,
            span: span(start, start + len),
        };
        match text {
            "true" => return Ok(ValueInner::Boolean(true)),
            "false" => return Ok(ValueInner::Boolean(false)),
            "inf" | "+inf" | "-inf" | "nan" | "+nan" | "-nan" => return Ok(ValueInner::Float),
            _ => {}
        }
        let first = text.as_bytes()[0];
        if !(first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.')) {
            return Err(Error {
                kind: ErrorKind::UnquotedString,
                span: span(start, start + len),
            });
        }
        if let Some(integer) = integer(text) {
            return integer.map(ValueInner::Integer).ok_or_else(invalid);
        }
        float(text).map(|_| ValueInner::Float).ok_or_else(invalid)
    }

    /// A string of any of the four kinds, the reader on its opening quote.
    /// Its span is the text between the quotes, as `toml-span` gave it (the opening quote for
    /// `""`).
    fn string(&mut self) -> Result<(Cow<'i, str>, Span), Error> {
        let start = self.pos;
        let literal = self.peek() == Some(b'\'');
        let quote = if literal { "'" } else { "\"" };
        let multiline = self.rest().starts_with(&quote.repeat(3));
        self.pos += if multiline { 3 } else { 1 };
        if multiline {
            // A line break right after the opening quotes is not part of the string.
            self.newline();
        }
        let body_start = self.pos;
        let mut value: Option<String> = None;
        loop {
            let Some(c) = self.rest().chars().next() else {
                return Err(self.error(start, ErrorKind::UnterminatedString));
            };
            let at = self.pos;
            if c == quote.chars().next().unwrap_or('"') {
                if !multiline {
                    self.pos += 1;
                    break;
                }
                if self.rest().starts_with(&quote.repeat(3)) {
                    // Up to two quotes may end the string before its closing three.
                    let run = self
                        .rest()
                        .bytes()
                        .take_while(|&b| b == quote.as_bytes()[0])
                        .count();
                    let extra = run.min(5) - 3;
                    let body_end = self.pos + extra;
                    if let Some(value) = &mut value {
                        value.push_str(&quote.repeat(extra));
                    }
                    self.pos += run.min(5);
                    let text = match value {
                        Some(value) => Cow::Owned(value),
                        None => Cow::Borrowed(&self.src[body_start..body_end]),
                    };
                    return Ok((text, span(body_start, body_end)));
                }
            }
            if c == '\\' && !literal {
                let owned = value.get_or_insert_with(|| self.src[body_start..at].to_owned());
                self.pos += 1;
                if let Some(escaped) = self.escape(multiline)? {
                    owned.push(escaped);
                }
                continue;
            }
            let newline = c == '\n' || (c == '\r' && self.peek_at(1) == Some(b'\n'));
            let allowed = c == '\t' || (multiline && newline) || !(c.is_control() || c == '\u{7f}');
            if !allowed {
                return Err(self.error(at, ErrorKind::InvalidCharInString(c)));
            }
            self.pos += c.len_utf8();
            if let Some(value) = &mut value {
                value.push(c);
            }
        }
        let body_end = self.pos - 1;
        let text = match value {
            Some(value) => Cow::Owned(value),
            None => Cow::Borrowed(&self.src[body_start..body_end]),
        };
        let at = match body_start == body_end {
            true => span(start, start + 1),
            false => span(body_start, body_end),
        };
        Ok((text, at))
    }

    /// The character an escape stands for, the reader past the backslash; `None` for a
    /// line-ending backslash of a multi-line string, which drops the white space after it.
    fn escape(&mut self, multiline: bool) -> Result<Option<char>, Error> {
        let at = self.pos;
        let Some(c) = self.rest().chars().next() else {
            return Err(self.error(at.saturating_sub(1), ErrorKind::UnterminatedString));
        };
        self.pos += c.len_utf8();
        let escaped = match c {
            'b' => '\u{8}',
            't' => '\t',
            'n' => '\n',
            'f' => '\u{c}',
            'r' => '\r',
            '"' => '"',
            '\\' => '\\',
            'u' | 'U' => {
                let len = if c == 'u' { 4 } else { 8 };
                let digits = self.rest().get(..len).unwrap_or(self.rest());
                if let Some(bad) = digits.chars().find(|c| !c.is_ascii_hexdigit()) {
                    let offset = digits.find(bad).unwrap_or(0);
                    return Err(self.error(self.pos + offset, ErrorKind::InvalidHexEscape(bad)));
                }
                if digits.len() < len {
                    return Err(self.error(at, ErrorKind::UnterminatedString));
                }
                let code = u32::from_str_radix(digits, 16).unwrap_or(u32::MAX);
                self.pos += len;
                match char::from_u32(code) {
                    Some(c) => c,
                    None => return Err(self.error(at, ErrorKind::InvalidEscapeValue(code))),
                }
            }
            ' ' | '\t' | '\n' | '\r' if multiline => {
                // A backslash, then only white space to the end of the line: the line break
                // and the white space after it are dropped.
                self.pos = at;
                self.skip_spaces();
                if !self.newline() {
                    return Err(self.error(at, ErrorKind::InvalidEscape(c)));
                }
                while matches!(self.peek(), Some(b' ' | b'\t')) || self.newline() {
                    self.skip_spaces();
                }
                return Ok(None);
            }
            other => return Err(self.error(at, ErrorKind::InvalidEscape(other))),
        };
        Ok(Some(escaped))
    }
}

fn is_keylike(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// `Some` where `text` is written as an integer: its value, or `None` out of range.
fn integer(text: &str) -> Option<Option<i64>> {
    let radix = |prefix: &str| text.strip_prefix(prefix);
    for (prefix, base) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(digits) = radix(prefix) {
            let valid = digits_with_underscores(digits, |c| c.is_digit(base));
            return Some(valid.and_then(|d| i64::from_str_radix(&d, base).ok()));
        }
    }
    let (sign, digits) = match text.as_bytes()[0] {
        b'+' | b'-' => text.split_at(1),
        _ => ("", text),
    };
    if !digits.bytes().all(|b| b.is_ascii_digit() || b == b'_') {
        return None;
    }
    let digits = digits_with_underscores(digits, |c| c.is_ascii_digit())?;
    if digits.len() > 1 && digits.starts_with('0') {
        return Some(None);
    }
    Some(format!("{sign}{digits}").parse().ok())
}

/// The digits without their underscores, each of which must stand between two digits.
fn digits_with_underscores(text: &str, digit: impl Fn(char) -> bool) -> Option<String> {
    let valid = !text.is_empty()
        && !text.starts_with('_')
        && !text.ends_with('_')
        && !text.contains("__")
        && text.chars().all(|c| c == '_' || digit(c));
    valid.then(|| text.replace('_', ""))
}

/// A float: an integer part, then a fraction, an exponent or both.
fn float(text: &str) -> Option<f64> {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (mantissa, None),
    };
    let digits = |t: &str| digits_with_underscores(t, |c| c.is_ascii_digit());
    let whole = digits(whole)?;
    if whole.len() > 1 && whole.starts_with('0') {
        return None;
    }
    let fraction = match fraction {
        Some(f) => Some(digits(f)?),
        None => None,
    };
    let exponent = match exponent {
        Some(e) => {
            let (sign, rest) = match e.as_bytes().first() {
                Some(b'+' | b'-') => e.split_at(1),
                _ => ("", e),
            };
            Some(format!("{sign}{}", digits(rest)?))
        }
        None => None,
    };
    if fraction.is_none() && exponent.is_none() {
        return None;
    }
    let sign = if text.starts_with('-') { "-" } else { "" };
    let mut normal = format!("{sign}{whole}");
    if let Some(fraction) = fraction {
        normal.push('.');
        normal.push_str(&fraction);
    }
    if let Some(exponent) = exponent {
        normal.push('e');
        normal.push_str(&exponent);
    }
    normal.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get<'a>(value: &'a Value<'a>, key: &str) -> &'a ValueInner<'a> {
        match value.as_ref() {
            ValueInner::Table(table) => table.get(key).expect("the key").as_ref(),
            _ => panic!("a table"),
        }
    }

    #[test]
    fn reads_what_the_tables_write() {
        let doc = parse(
            "# A table.\n[table]\ncodes = \"every-row\"\nresponses = true\n\n[[cause]]\nconstant = 'A'\ncode = 1_7\nstatus-codes = [\n  486, # busy\n  600,\n]\ndescription = \"\"\"\nOne \\\n   line, \"quoted\".\"\"\"\n[[cause]]\nconstant = \"B\\u00e9\"\n[reason-phrases]\n486 = \"Busy Here\"\n",
        )
        .expect("parses");
        let ValueInner::Table(table) = get(&doc, "table") else {
            panic!()
        };
        assert!(matches!(
            table.get("responses").unwrap().as_ref(),
            ValueInner::Boolean(true)
        ));
        let ValueInner::Array(causes) = get(&doc, "cause") else {
            panic!()
        };
        assert_eq!(causes.len(), 2);
        assert!(matches!(get(&causes[0], "code"), ValueInner::Integer(17)));
        let ValueInner::String(text) = get(&causes[0], "description") else {
            panic!()
        };
        assert_eq!(text, "One line, \"quoted\".");
        let ValueInner::String(name) = get(&causes[1], "constant") else {
            panic!()
        };
        assert_eq!(name, "Bé");
        let ValueInner::Table(phrases) = get(&doc, "reason-phrases") else {
            panic!()
        };
        assert!(phrases.keys().any(|k| k.name == "486"));
    }

    #[test]
    fn numbers_as_toml_writes_them() {
        let value = |text: &str| match parse(&format!("v = {text}")) {
            Ok(doc) => format!("{:?}", get(&doc, "v")),
            Err(e) => e.to_string(),
        };
        assert_eq!(value("0x1F"), "Integer(31)");
        assert_eq!(value("-17"), "Integer(-17)");
        assert_eq!(value("1.5e3"), "Float");
        assert_eq!(value("1e"), "invalid number");
        assert_eq!(value("017"), "invalid number");
        assert_eq!(value("1__0"), "invalid number");
        assert_eq!(value("99999999999999999999"), "invalid number");
        assert_eq!(
            value("busy"),
            "invalid TOML value, did you mean to use a quoted string?"
        );
    }

    #[test]
    fn errors_say_where() {
        let error = |source: &str| {
            let e = parse(source).unwrap_err();
            (e.to_string(), e.span.start)
        };
        assert_eq!(
            error("v = \"a\nb\""),
            ("invalid character in string: `\\n`".into(), 6)
        );
        assert_eq!(error("v = \"abc"), ("unterminated string".into(), 4));
        assert_eq!(error("v = 1\nv = 2"), ("duplicate key: `v`".into(), 6));
        assert_eq!(error("[a]\n[a]"), ("redefinition of table `a`".into(), 4));
        assert_eq!(
            error("v = [1 2]"),
            ("expected a comma, found an identifier".into(), 7)
        );
    }
}

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

mod read;
#[cfg(test)]
mod tests;

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

/// The document: its root table, spanning the whole text.
pub fn parse(source: &str) -> Result<Value<'_>, Error> {
    let mut reader = read::Reader {
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

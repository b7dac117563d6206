//! Reading a TOML document with positions: the keys of a table, typed, each value with its
//! byte span. It knows TOML, not what a table of causes means: `spec.rs` gives the meaning.

use toml_span::Value;
use toml_span::value::{Array, Table, ValueInner};

use crate::diag::{ByteSpan, Diagnostics, Loc};
use crate::names;

/// The keys of one TOML table, read with their positions. Unknown keys are reported as soon
/// as the table is opened, with the nearest allowed key as a suggestion.
pub struct Fields<'a, 'i> {
    table: &'a Table<'i>,
    span: ByteSpan,
    what: &'static str,
    diags: &'a Diagnostics,
}

impl<'a, 'i> Fields<'a, 'i> {
    pub fn new(
        table: &'a Table<'i>,
        span: ByteSpan,
        what: &'static str,
        allowed: &[&str],
        diags: &'a Diagnostics,
    ) -> Self {
        for key in table.keys() {
            if !allowed.contains(&key.name.as_ref()) {
                diags.error(key.span.into(), unknown_key(&key.name, what, allowed));
            }
        }
        Fields {
            table,
            span,
            what,
            diags,
        }
    }

    pub fn get(&self, key: &str) -> Option<&'a Value<'i>> {
        self.table.get(key)
    }

    pub fn required(&self, key: &str) -> Option<&'a Value<'i>> {
        let value = self.get(key);
        if value.is_none() {
            self.diags.error(
                self.header_span(),
                format!("missing key `{key}` in {}", self.what),
            );
        }
        value
    }

    /// Where to point for a missing key: the start of the table (its header line).
    fn header_span(&self) -> ByteSpan {
        self.span.start..self.span.start
    }

    pub fn required_string(&self, key: &str) -> Option<Loc<String>> {
        string_value(key, self.required(key)?, self.diags)
    }

    pub fn optional_string(&self, key: &str) -> Option<Loc<String>> {
        string_value(key, self.get(key)?, self.diags)
    }

    /// A sub-table such as `[failure]`, or `None` (with an error if it is something else).
    pub fn table(&self, key: &str) -> Option<(&'a Table<'i>, ByteSpan)> {
        let value = self.get(key)?;
        match value.as_ref() {
            ValueInner::Table(table) => Some((table, value.span.into())),
            other => {
                self.diags.error(
                    value.span.into(),
                    format!(
                        "`{key}` must be a table (`[{key}]`), found {}",
                        describe(other)
                    ),
                );
                None
            }
        }
    }

    /// One table (`[failure]`) or the rows of an array of tables (`[[failure]]`).
    pub fn table_or_tables(&self, key: &str) -> Vec<(&'a Table<'i>, ByteSpan)> {
        match self
            .get(key)
            .map(|value| (value.as_ref(), value.span.into()))
        {
            Some((ValueInner::Table(table), span)) => vec![(table, span)],
            Some(_) => self.tables(key),
            None => Vec::new(),
        }
    }

    /// Whether `key` is one table (`[failure]`), not an array of them (`[[failure]]`).
    pub fn table_is_single(&self, key: &str) -> bool {
        matches!(self.get(key).map(Value::as_ref), Some(ValueInner::Table(_)))
    }

    /// Reports that `key` is missing from this table, and `why` it is required.
    pub fn missing(&self, key: &str, why: &str) {
        self.diags.error(
            self.header_span(),
            format!("missing key `{key}` in {}: {why}", self.what),
        );
    }

    /// The rows of an array of tables such as `[[cause]]`.
    pub fn tables(&self, key: &str) -> Vec<(&'a Table<'i>, ByteSpan)> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let expected = format!("`{key}` must be an array of tables (`[[{key}]]`)");
        let Some(array) = array_value(value, &expected, self.diags) else {
            return Vec::new();
        };
        let mut rows = Vec::new();
        for item in array.iter() {
            match item.as_ref() {
                ValueInner::Table(table) => rows.push((table, item.span.into())),
                other => self.diags.error(
                    item.span.into(),
                    format!("{expected}, found {} in it", describe(other)),
                ),
            }
        }
        rows
    }

    /// The integers of an array, each with its span, and how many items the array held
    /// (anything that is no integer is reported with `expected`); `None` if it is no array.
    pub fn integers(
        &self,
        value: &Value<'_>,
        expected: &str,
    ) -> Option<(Loc<Vec<Loc<i64>>>, usize)> {
        let array = array_value(value, expected, self.diags)?;
        let integers = array
            .iter()
            .filter_map(|item| integer_value(item, expected, self.diags))
            .collect();
        Some((Loc::new(integers, value.span.into()), array.len()))
    }

    /// An integer value, or `None` (reported with `expected`) if it is anything else.
    pub fn integer(&self, value: &Value<'_>, expected: &str) -> Option<Loc<i64>> {
        integer_value(value, expected, self.diags)
    }

    /// An optional list of strings: the strings (anything else is reported), or `None` if
    /// the key is not an array.
    pub fn string_list(&self, key: &str) -> Option<Vec<Loc<String>>> {
        let Some(value) = self.get(key) else {
            return Some(Vec::new());
        };
        let expected = format!("`{key}` must be an array of strings");
        let array = array_value(value, &expected, self.diags)?;
        let mut strings = Vec::new();
        for item in array.iter() {
            match item.as_ref() {
                ValueInner::String(s) => strings.push(Loc::new(s.to_string(), item.span.into())),
                other => self.diags.error(
                    item.span.into(),
                    format!("{expected}, found {} in it", describe(other)),
                ),
            }
        }
        Some(strings)
    }

    pub fn diags(&self) -> &'a Diagnostics {
        self.diags
    }
}

fn array_value<'a, 'i>(
    value: &'a Value<'i>,
    expected: &str,
    diags: &Diagnostics,
) -> Option<&'a Array<'i>> {
    match value.as_ref() {
        ValueInner::Array(array) => Some(array),
        other => {
            diags.error(
                value.span.into(),
                format!("{expected}, found {}", describe(other)),
            );
            None
        }
    }
}

/// A string value; anything else is reported as not a string for `key`.
pub fn string_value(key: &str, value: &Value<'_>, diags: &Diagnostics) -> Option<Loc<String>> {
    match value.as_ref() {
        ValueInner::String(s) => Some(Loc::new(s.to_string(), value.span.into())),
        other => {
            diags.error(
                value.span.into(),
                format!("`{key}` must be a string, found {}", describe(other)),
            );
            None
        }
    }
}

fn integer_value(item: &Value<'_>, expected: &str, diags: &Diagnostics) -> Option<Loc<i64>> {
    let ValueInner::Integer(integer) = item.as_ref() else {
        diags.error(
            item.span.into(),
            format!("{expected}, found {}", describe(item.as_ref())),
        );
        return None;
    };
    Some(Loc::new(*integer, item.span.into()))
}

fn unknown_key(key: &str, what: &str, allowed: &[&str]) -> String {
    let list = names::backticked(allowed);
    let near = names::did_you_mean(key, allowed).unwrap_or_default();
    format!("unknown key `{key}` in {what}{near} (allowed keys: {list})")
}

fn describe(value: &ValueInner<'_>) -> &'static str {
    match value {
        ValueInner::String(_) => "a string",
        ValueInner::Integer(_) => "an integer",
        ValueInner::Float(_) => "a float",
        ValueInner::Boolean(_) => "a boolean",
        ValueInner::Array(_) => "an array",
        ValueInner::Table(_) => "a table",
    }
}

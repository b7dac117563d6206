//! Reading a TOML document with positions: the keys of a table, typed, each value with its
//! byte span. It knows TOML, not what a table of causes means: `spec.rs` gives the meaning.

use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use crate::diag::{ByteSpan, Diagnostics, Loc};
use crate::names;

/// An integer as written (`486`, `0x1e6`, `-1`), and its value when one fits in `i128`.
pub struct Integer {
    pub written: String,
    pub value: Option<i128>,
}

/// The keys of one TOML table, read with their positions. Unknown keys are reported as soon
/// as the table is opened, with the nearest allowed key as a suggestion.
pub struct Fields<'a, 'i> {
    table: &'a DeTable<'i>,
    span: ByteSpan,
    what: &'static str,
    diags: &'a Diagnostics,
}

impl<'a, 'i> Fields<'a, 'i> {
    pub fn new(
        table: &'a DeTable<'i>,
        span: ByteSpan,
        what: &'static str,
        allowed: &[&str],
        diags: &'a Diagnostics,
    ) -> Self {
        for key in table.keys() {
            if !allowed.contains(&key.get_ref().as_ref()) {
                diags.error(key.span(), unknown_key(key.get_ref(), what, allowed));
            }
        }
        Fields {
            table,
            span,
            what,
            diags,
        }
    }

    pub fn get(&self, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
        self.table.get(key)
    }

    pub fn required(&self, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
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
    pub fn table(&self, key: &str) -> Option<(&'a DeTable<'i>, ByteSpan)> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Table(table) => Some((table, value.span())),
            other => {
                self.diags.error(
                    value.span(),
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
    pub fn table_or_tables(&self, key: &str) -> Vec<(&'a DeTable<'i>, ByteSpan)> {
        match self.get(key).map(|value| (value.get_ref(), value.span())) {
            Some((DeValue::Table(table), span)) => vec![(table, span)],
            Some(_) => self.tables(key),
            None => Vec::new(),
        }
    }

    /// The rows of an array of tables such as `[[cause]]`.
    pub fn tables(&self, key: &str) -> Vec<(&'a DeTable<'i>, ByteSpan)> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let expected = format!("`{key}` must be an array of tables (`[[{key}]]`)");
        let Some(array) = array_value(value, &expected, self.diags) else {
            return Vec::new();
        };
        let mut rows = Vec::new();
        for item in array.iter() {
            match item.get_ref() {
                DeValue::Table(table) => rows.push((table, item.span())),
                other => self.diags.error(
                    item.span(),
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
        value: &Spanned<DeValue<'_>>,
        expected: &str,
    ) -> Option<(Loc<Vec<Loc<Integer>>>, usize)> {
        let array = array_value(value, expected, self.diags)?;
        let integers = array
            .iter()
            .filter_map(|item| integer_value(item, expected, self.diags))
            .collect();
        Some((Loc::new(integers, value.span()), array.len()))
    }

    /// An integer value, or `None` (reported with `expected`) if it is anything else.
    pub fn integer(&self, value: &Spanned<DeValue<'_>>, expected: &str) -> Option<Loc<Integer>> {
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
            match item.get_ref() {
                DeValue::String(s) => strings.push(Loc::new(s.to_string(), item.span())),
                other => self.diags.error(
                    item.span(),
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
    value: &'a Spanned<DeValue<'i>>,
    expected: &str,
    diags: &Diagnostics,
) -> Option<&'a DeArray<'i>> {
    match value.get_ref() {
        DeValue::Array(array) => Some(array),
        other => {
            diags.error(
                value.span(),
                format!("{expected}, found {}", describe(other)),
            );
            None
        }
    }
}

/// A string value; anything else is reported as not a string for `key`.
pub fn string_value(
    key: &str,
    value: &Spanned<DeValue<'_>>,
    diags: &Diagnostics,
) -> Option<Loc<String>> {
    match value.get_ref() {
        DeValue::String(s) => Some(Loc::new(s.to_string(), value.span())),
        other => {
            diags.error(
                value.span(),
                format!("`{key}` must be a string, found {}", describe(other)),
            );
            None
        }
    }
}

fn integer_value(
    item: &Spanned<DeValue<'_>>,
    expected: &str,
    diags: &Diagnostics,
) -> Option<Loc<Integer>> {
    let DeValue::Integer(integer) = item.get_ref() else {
        diags.error(
            item.span(),
            format!("{expected}, found {}", describe(item.get_ref())),
        );
        return None;
    };
    // Parsed wide so that a number too large for any integer type is an error, not a panic.
    let value = i128::from_str_radix(integer.as_str(), integer.radix()).ok();
    let written = integer.to_string();
    Some(Loc::new(Integer { written, value }, item.span()))
}

fn unknown_key(key: &str, what: &str, allowed: &[&str]) -> String {
    let list = names::backticked(allowed);
    let near = names::did_you_mean(key, allowed).unwrap_or_default();
    format!("unknown key `{key}` in {what}{near} (allowed keys: {list})")
}

fn describe(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

//! `[ranges]`: the numbers a table allows, declared by the table itself, since the macro knows
//! no protocol. `status-codes = [100, 699]` bounds every status code (`status-codes`,
//! `in-dialog-status-codes`, `response`, `[failure] codes` and the keys of `[reason-phrases]`);
//! `code = [1, 127]` bounds each row's own `code`. Without a range, any `u16` is allowed.

use toml_span::Value;

use crate::diag::{Diagnostics, Loc};
use crate::toml_fields::Fields;

const RANGES_KEYS: &[&str] = &["status-codes", "code"];

/// The ranges of a table, declared or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranges {
    pub status_codes: NumberRange,
    pub code: NumberRange,
}

/// One inclusive range, and how to name what it bounds in a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberRange {
    pub low: u16,
    pub high: u16,
    /// The key in `[ranges]`, when the table declared it.
    declared: Option<&'static str>,
}

impl Ranges {
    /// Every `u16` allowed: a table without `[ranges]`.
    pub fn any() -> Ranges {
        Ranges {
            status_codes: NumberRange::any(),
            code: NumberRange::any(),
        }
    }

    /// Reads `[ranges]` from the top of the table, if it is there.
    pub fn from_toml(top: &Fields<'_, '_>, diags: &Diagnostics) -> Ranges {
        let mut ranges = Ranges::any();
        let Some((table, span)) = top.table("ranges") else {
            return ranges;
        };
        let fields = Fields::new(table, span, "`[ranges]`", RANGES_KEYS, diags);
        if let Some(range) = NumberRange::from_toml(&fields, "status-codes", diags) {
            ranges.status_codes = range;
        }
        if let Some(range) = NumberRange::from_toml(&fields, "code", diags) {
            ranges.code = range;
        }
        ranges
    }
}

impl NumberRange {
    fn any() -> NumberRange {
        NumberRange {
            low: 0,
            high: u16::MAX,
            declared: None,
        }
    }

    /// `key = [low, high]`: two integers in `u16`, the first not above the second.
    fn from_toml(
        fields: &Fields<'_, '_>,
        key: &'static str,
        diags: &Diagnostics,
    ) -> Option<NumberRange> {
        let value: &Value<'_> = fields.get(key)?;
        let expected =
            format!("`{key}` in `[ranges]` must be `[low, high]`, two integers in 0..=65535");
        let (integers, len) = fields.integers(value, &expected)?;
        let bounds: Vec<u16> = integers
            .value
            .iter()
            .filter_map(|i| u16::try_from(i.value).ok())
            .collect();
        let [low, high] = <[u16; 2]>::try_from(bounds)
            .ok()
            .filter(|_| len == 2)
            .or_else(|| {
                diags.error(integers.span.clone(), expected.clone());
                None
            })?;
        if low > high {
            diags.error(
                integers.span,
                format!("`{key}` is `[{low}, {high}]`, an empty range: the first number must not be greater than the second"),
            );
            return None;
        }
        Some(NumberRange {
            low,
            high,
            declared: Some(key),
        })
    }

    /// `(low, high)`, where the table declared the range.
    pub fn declared(&self) -> Option<(u16, u16)> {
        self.declared.map(|_| (self.low, self.high))
    }

    /// The number `integer` stands for, if in range; else an error naming it as `what`.
    pub fn check(&self, integer: Loc<i64>, what: &str, diags: &Diagnostics) -> Option<Loc<u16>> {
        let (low, high) = (i64::from(self.low), i64::from(self.high));
        match Some(integer.value).filter(|v| (low..=high).contains(v)) {
            Some(value) => Some(Loc::new(value as u16, integer.span)),
            None => {
                let written = integer.value;
                diags.error(
                    integer.span,
                    format!("{what} `{written}` is out of range: {}", self.allows()),
                );
                None
            }
        }
    }

    /// `` `[ranges] status-codes` allows 100..=699 ``, or the `u16` bounds.
    pub fn allows(&self) -> String {
        match self.declared {
            Some(key) => format!("`[ranges] {key}` allows {}..={}", self.low, self.high),
            None => "numbers are 0..=65535 (a `u16`) unless `[ranges]` says otherwise".to_owned(),
        }
    }
}

//! `[table]`: which optional keys the rows use. The declaration, not the rows, decides the
//! shape of the generated API (which methods exist, what `code()` returns), so that adding or
//! editing a row can never change a signature; every row is checked against it.
//!
//! ```toml
//! [table]
//! codes = "every-row"              # or "some-rows"; without it no row has a `code`
//! responses = true                 # rows may give a `response`
//! in-dialog-status-codes = true    # rows may give `in-dialog-status-codes`
//! without-contact-status-codes = true  # rows may give `without-contact-status-codes`
//! ```

use toml_span::value::ValueInner;

use crate::diag::{ByteSpan, Diagnostics};
use crate::model::RowCodes;
use crate::toml_fields::Fields;

const TABLE_KEYS: &[&str] = &[
    "codes",
    "responses",
    "in-dialog-status-codes",
    "without-contact-status-codes",
];

/// What `[table]` declares, each with where it says so (for the errors of rows that break it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declared {
    /// `codes`: which rows have a `code` (`RowCodes::None` where undeclared).
    pub codes: RowCodes,
    /// `responses = true`: rows may give a `response`.
    pub responses: bool,
    /// `in-dialog-status-codes = true`: rows may give `in-dialog-status-codes`.
    pub in_dialog: bool,
    /// `without-contact-status-codes = true`: rows may give `without-contact-status-codes`.
    pub without_contact: bool,
}

impl Declared {
    /// A table that declares nothing: its rows have none of the optional keys.
    pub fn nothing() -> Declared {
        Declared {
            codes: RowCodes::None,
            responses: false,
            in_dialog: false,
            without_contact: false,
        }
    }

    /// Reads `[table]` from the top of the table, if it is there.
    pub(super) fn from_toml(top: &Fields<'_, '_>, diags: &Diagnostics) -> Declared {
        let mut declared = Declared::nothing();
        let Some((table, span)) = top.table("table") else {
            return declared;
        };
        let fields = Fields::new(table, span, "`[table]`", TABLE_KEYS, diags);
        if let Some(value) = fields.get("codes") {
            // codes = "every-row"
            let codes = match value.as_ref() {
                ValueInner::String(s) if s == "every-row" => Some(RowCodes::All),
                ValueInner::String(s) if s == "some-rows" => Some(RowCodes::Some),
                _ => None,
            };
            match codes {
                Some(codes) => declared.codes = codes,
                None => diags.error(
                    value.span.into(),
                    "`codes` must be \"every-row\" (each row has a `code`: `code()` returns a `u16`, the code is the discriminant, with `From` and `TryFrom` for `u16`) or \"some-rows\" (`code()` returns an `Option<u16>`); leave it out where no row has a `code`",
                ),
            }
        }
        declared.responses = flag(&fields, "responses", "response", diags);
        declared.in_dialog = flag(
            &fields,
            "in-dialog-status-codes",
            "in-dialog-status-codes",
            diags,
        );
        declared.without_contact = flag(
            &fields,
            "without-contact-status-codes",
            "without-contact-status-codes",
            diags,
        );
        declared
    }
}

/// `key = true` of `[table]`: whether rows may give `row_key`.
fn flag(fields: &Fields<'_, '_>, key: &str, row_key: &str, diags: &Diagnostics) -> bool {
    let Some(value) = fields.get(key) else {
        return false;
    };
    match value.as_ref() {
        ValueInner::Boolean(flag) => *flag,
        _ => {
            diags.error(
                value.span.into(),
                format!(
                    "`{key}` must be `true` (rows may give `{row_key}`) or `false` (none does, as without the key)"
                ),
            );
            false
        }
    }
}

/// The error of a row that gives `key` where `[table]` does not declare it.
pub(super) fn undeclared(span: ByteSpan, key: &str, declaration: &str, diags: &Diagnostics) {
    diags.error(
        span,
        format!(
            "`{key}` is not declared: add {declaration} to the table's `[table]`, the declaration that gives the enum its items for `{key}` whatever the rows hold"
        ),
    );
}

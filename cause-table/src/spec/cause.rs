//! One `[[cause]]` row: its keys read and checked on their own, whole, or what the stand-in
//! keeps of it beside its errors.

use toml_span::value::Table;

use super::table::{Declared, undeclared};
use super::{
    CAUSE_KEYS, CauseSpec, check_non_empty, check_value_like, code_list, names, reports,
    single_code, variant_of,
};
use crate::diag::{ByteSpan, Diagnostics, Loc};
use crate::model::RowCodes;
use crate::ranges::Ranges;
use crate::toml_fields::Fields;

/// A `[[cause]]` row as read.
pub(super) enum CauseRow {
    Whole(CauseSpec),
    /// A row with errors but a constant: what the stand-in keeps of it.
    Partial(CauseSpec),
    /// A row without a constant: nothing to keep.
    Unnamed,
}

impl CauseSpec {
    pub(super) fn from_toml(
        table: (&Table<'_>, ByteSpan),
        (ranges, declared, has_categories): (&Ranges, &Declared, bool),
        diags: &Diagnostics,
    ) -> CauseRow {
        let fields = Fields::new(table.0, table.1, "`[[cause]]`", CAUSE_KEYS, diags);
        check_declared(&fields, declared, diags);
        let constant = fields.required_string("constant");
        let value = fields.required_string("value");
        let category = if has_categories {
            fields.required_string("category").map(Some)
        } else {
            Some(fields.optional_string("category"))
        };
        let description = fields.required_string("description");
        let range = &ranges.status_codes;
        let status_codes = code_list(&fields, "status-codes", range);
        let in_dialog_status_codes = code_list(&fields, "in-dialog-status-codes", range);
        let without_contact_status_codes =
            code_list(&fields, "without-contact-status-codes", range);
        let response = single_code(&fields, "response", &ranges.status_codes, "status code");
        let code = single_code(&fields, "code", &ranges.code, "code");
        let aliases = fields.string_list("aliases");
        let report = reports::row_report(&fields, diags);
        let explicit = fields.optional_string("variant");
        let Some(constant) = constant else {
            return CauseRow::Unnamed;
        };
        let constant_ok = names::check_constant(&constant, diags);
        let variant = variant_of(&constant, constant_ok, explicit, "constant", diags);
        let codes_parsed = status_codes.is_some()
            && in_dialog_status_codes.is_some()
            && without_contact_status_codes.is_some()
            && response.is_some()
            && code.is_some()
            && report.is_some();
        let (Some(value), Some(category), Some(description), Some(aliases), true) =
            (value.clone(), category, description, aliases, codes_parsed)
        else {
            return CauseRow::Partial(CauseSpec::partial(constant, variant, value, code));
        };
        check_value_like(&value, "value", diags);
        for alias in &aliases {
            check_value_like(alias, "alias", diags);
        }
        check_non_empty(&description, "description", diags);
        CauseRow::Whole(CauseSpec {
            constant,
            value,
            category,
            description,
            status_codes: status_codes.unwrap_or_default(),
            in_dialog_status_codes: in_dialog_status_codes.unwrap_or_default(),
            without_contact_status_codes: without_contact_status_codes.unwrap_or_default(),
            response: response.flatten(),
            code: code.flatten(),
            aliases,
            report: report.flatten(),
            variant,
        })
    }

    /// What the stand-in keeps of a row with errors: its constant and variant, its value (else
    /// the constant) and code where they parsed; nothing that another row could clash with.
    fn partial(
        constant: Loc<String>,
        variant: Loc<String>,
        value: Option<Loc<String>>,
        code: Option<Option<Loc<u16>>>,
    ) -> CauseSpec {
        let span = constant.span.clone();
        CauseSpec {
            value: value.unwrap_or_else(|| constant.clone()),
            constant,
            category: None,
            description: Loc::new(String::new(), span),
            status_codes: Vec::new(),
            in_dialog_status_codes: Vec::new(),
            without_contact_status_codes: Vec::new(),
            response: None,
            code: code.flatten(),
            aliases: Vec::new(),
            report: None,
            variant,
        }
    }
}

/// The row against `[table]`: it gives only the optional keys the table declares, and a
/// `code` where the table declares one on every row.
fn check_declared(fields: &Fields<'_, '_>, declared: &Declared, diags: &Diagnostics) {
    let optional = [
        (
            "code",
            declared.codes != RowCodes::None,
            "`codes = \"every-row\"` (or `\"some-rows\"`)",
        ),
        ("response", declared.responses, "`responses = true`"),
        (
            "in-dialog-status-codes",
            declared.in_dialog,
            "`in-dialog-status-codes = true`",
        ),
        (
            "without-contact-status-codes",
            declared.without_contact,
            "`without-contact-status-codes = true`",
        ),
    ];
    for (key, allowed, declaration) in optional {
        if let Some(value) = fields.get(key).filter(|_| !allowed) {
            undeclared(value.span.into(), key, declaration, diags);
        }
    }
    if declared.codes == RowCodes::All && fields.get("code").is_none() {
        fields.missing(
            "code",
            "the table's `[table]` declares `codes = \"every-row\"`; give this row its `code`, or declare `codes = \"some-rows\"`",
        );
    }
}

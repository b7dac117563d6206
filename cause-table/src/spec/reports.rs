//! `[reports] by` and each row's `reported` or `never-reported`: whether the software the
//! table is the vocabulary of (a client library, a PBX) ever reports the row's value, and how.
//! A value it defines but never reports is worth knowing: a peer waiting for it waits forever.

use crate::diag::{Diagnostics, Loc};
use crate::toml_fields::Fields;

use super::check_non_empty;

/// A row's `reported` or `never-reported`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportSpec {
    /// `reported`: how the reporter reports the value (its event, and what triggers it).
    Reported(Loc<String>),
    /// `never-reported`: the reporter never reports the value; what happens instead.
    Never(Loc<String>),
}

pub(super) const REPORTS_KEYS: &[&str] = &["by"];

/// `[reports] by = "SIP.js 0.6.4"`, where the table has `[reports]`.
pub(super) fn reported_by(top: &Fields<'_, '_>, diags: &Diagnostics) -> Option<Loc<String>> {
    let (table, span) = top.table("reports")?;
    let fields = Fields::new(table, span, "`[reports]`", REPORTS_KEYS, diags);
    let by = fields.required_string("by")?;
    check_non_empty(&by, "by", diags).then_some(by)
}

/// A row's `reported` or `never-reported`: `Some(None)` for neither, `None` where one of them
/// is wrong (the error said so).
pub(super) fn row_report(
    fields: &Fields<'_, '_>,
    diags: &Diagnostics,
) -> Option<Option<ReportSpec>> {
    let reported = keyed(fields, "reported", diags)?;
    let never = keyed(fields, "never-reported", diags)?;
    match (reported, never) {
        (Some(_), Some(never)) => {
            let message = "a row says `reported` or `never-reported`, not both";
            diags.error(never.span, message);
            None
        }
        (Some(reported), None) => Some(Some(ReportSpec::Reported(reported))),
        (None, Some(never)) => Some(Some(ReportSpec::Never(never))),
        (None, None) => Some(None),
    }
}

/// An optional, non-empty string: `Some(None)` where absent.
fn keyed(fields: &Fields<'_, '_>, key: &str, diags: &Diagnostics) -> Option<Option<Loc<String>>> {
    if fields.get(key).is_none() {
        return Some(None);
    }
    let text = fields.optional_string(key)?;
    check_non_empty(&text, key, diags).then_some(Some(text))
}

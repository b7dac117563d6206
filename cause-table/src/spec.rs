//! The table as a model: TOML text in, plain structs out, every value keeping its position.
//!
//! This stage checks each row on its own (keys, types, the form of every value); checks that
//! compare rows live in `validate.rs`. The model knows nothing about tokens.

mod cause;
mod reports;
mod syntax;
mod table;

use toml_span::Value;
use toml_span::value::{Table, ValueInner};

use cause::CauseRow;
use syntax::syntax_error;

pub use reports::ReportSpec;
pub use table::Declared;

use crate::diag::{ByteSpan, Diagnostics, Loc};
use crate::names;
use crate::ranges::{NumberRange, Ranges};
use crate::toml_fields::{Fields, string_value};

/// The whole table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// `[table]`: which optional keys the rows use, the shape of the generated API.
    pub declared: Declared,
    /// Whether `[failure]` is one table (then `FALLBACK` exists) rather than `[[failure]]`
    /// ranges, each with its own fallback.
    pub single_failure: bool,
    /// `[failure]`, or each `[[failure]]`: a range of final failure responses and the cause
    /// of the codes in it that no cause lists.
    pub failures: Vec<FailureSpec>,
    /// `[defaults] response`: the response of a cause that gives none.
    pub default_response: Option<Loc<u16>>,
    /// `[defaults] reason-phrase`: the phrase of a status code `[reason-phrases]` does not
    /// list (empty where the system writes none).
    pub default_reason_phrase: Option<Loc<String>>,
    pub categories: Vec<CategorySpec>,
    pub causes: Vec<CauseSpec>,
    /// Every `[[cause]]` row whose constant parsed, in table order, whatever else is wrong with
    /// it (a missing key filled with what cannot clash): what the stand-in beside the table's
    /// errors keeps, so that code naming the row's variant adds no error of its own.
    pub stand_in_rows: Vec<CauseSpec>,
    /// Sorted by code.
    pub reason_phrases: Vec<ReasonPhrase>,
    /// Whether `[reason-phrases]` was given at all (an empty table still asks for coverage).
    pub has_reason_phrases: bool,
    /// `[reports] by`: the software whose reports the rows' `reported` and `never-reported`
    /// describe.
    pub reported_by: Option<Loc<String>>,
    /// False when a `[[category]]` row was dropped for an error: checks across rows then stay
    /// quiet about the key that row would have defined.
    pub categories_complete: bool,
    /// False when a `[[cause]]` row was dropped for an error (likewise, for its constant).
    pub causes_complete: bool,
    /// The highest row `code` the table allows (`[ranges] code`, else `u16::MAX`).
    pub code_high: u16,
    /// `[ranges] status-codes`, where the table declares it.
    pub status_code_range: Option<(u16, u16)>,
}

/// One `[failure]` (or `[[failure]]`) table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailureSpec {
    /// `codes`: the inclusive range, where it is valid.
    pub codes: Option<FailureCodes>,
    /// `fallback`: the constant of the cause for codes that no cause lists.
    pub fallback: Option<Loc<String>>,
}

/// `[failure] codes = [low, high]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailureCodes {
    pub low: Loc<u16>,
    pub high: Loc<u16>,
}

/// One `[[category]]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategorySpec {
    pub key: Loc<String>,
    pub title: Loc<String>,
    pub description: Option<Loc<String>>,
    /// The enum variant: `variant`, or the UpperCamelCase of the key (spanned on the key).
    pub variant: Loc<String>,
}

/// One `[[cause]]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CauseSpec {
    pub constant: Loc<String>,
    pub value: Loc<String>,
    /// The key of its `[[category]]`: required when the table has categories, else absent.
    pub category: Option<Loc<String>>,
    pub description: Loc<String>,
    pub status_codes: Vec<Loc<u16>>,
    pub in_dialog_status_codes: Vec<Loc<u16>>,
    /// `without-contact-status-codes`: the redirects (3xx) that end the request as this cause
    /// when they carry no usable `Contact`.
    pub without_contact_status_codes: Vec<Loc<u16>>,
    /// `response`: the final response a user agent sends to end a request for this cause.
    pub response: Option<Loc<u16>>,
    /// `code`: the row's own number, unique in the table (a Q.850 cause value, an exit code).
    pub code: Option<Loc<u16>>,
    pub aliases: Vec<Loc<String>>,
    /// `reported` or `never-reported`: whether `[reports] by` ever reports the value.
    pub report: Option<ReportSpec>,
    /// The enum variant: `variant`, or the UpperCamelCase of the constant (spanned on it).
    pub variant: Loc<String>,
}

/// One entry of `[reason-phrases]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReasonPhrase {
    pub code: Loc<u16>,
    pub phrase: Loc<String>,
}

const TOP_KEYS: &[&str] = &[
    "table",
    "ranges",
    "failure",
    "defaults",
    "category",
    "cause",
    "reason-phrases",
    "reports",
];
const DEFAULTS_KEYS: &[&str] = &["response", "reason-phrase"];
const FAILURE_KEYS: &[&str] = &["codes", "fallback"];
const CATEGORY_KEYS: &[&str] = &["key", "title", "description", "variant"];
const CAUSE_KEYS: &[&str] = &[
    "constant",
    "value",
    "category",
    "description",
    "status-codes",
    "in-dialog-status-codes",
    "without-contact-status-codes",
    "response",
    "code",
    "aliases",
    "variant",
    "reported",
    "never-reported",
];

impl Spec {
    /// A table with nothing in it, complete: what the stand-in items beside errors are made of.
    pub fn empty() -> Spec {
        Spec {
            declared: Declared::nothing(),
            single_failure: false,
            failures: Vec::new(),
            default_response: None,
            default_reason_phrase: None,
            categories: Vec::new(),
            causes: Vec::new(),
            stand_in_rows: Vec::new(),
            reason_phrases: Vec::new(),
            has_reason_phrases: false,
            reported_by: None,
            categories_complete: true,
            causes_complete: true,
            code_high: u16::MAX,
            status_code_range: None,
        }
    }

    /// Parses `source`; `None` when the TOML itself does not parse (its first syntax error is
    /// recorded).
    pub fn from_toml(source: &str, diags: &Diagnostics) -> Option<Spec> {
        let document = match toml_span::parse(source) {
            Ok(document) => document,
            Err(error) => {
                syntax_error(&error, source, diags);
                return None;
            }
        };
        let whole: ByteSpan = document.span.into();
        // The parser's root is always a table; if that ever changed, say so rather than fail
        // without an error.
        let ValueInner::Table(document) = document.as_ref() else {
            diags.table_error("the file is not a TOML table");
            return None;
        };
        let top = Fields::new(document, whole.clone(), "the table", TOP_KEYS, diags);
        let mut spec = Spec::empty();
        let ranges = Ranges::from_toml(&top, diags);
        spec.code_high = ranges.code.high;
        spec.status_code_range = ranges.status_codes.declared();
        spec.declared = Declared::from_toml(&top, diags);
        let codes = &ranges.status_codes;
        spec.single_failure = top.table_is_single("failure");
        for (table, span) in top.table_or_tables("failure") {
            let fields = Fields::new(table, span, "`[failure]`", FAILURE_KEYS, diags);
            spec.failures.push(FailureSpec {
                codes: FailureCodes::from_toml(&fields, codes, diags),
                fallback: fields.required_string("fallback"),
            });
        }
        if let Some((table, span)) = top.table("defaults") {
            let fields = Fields::new(table, span, "`[defaults]`", DEFAULTS_KEYS, diags);
            spec.default_response =
                single_code(&fields, "response", codes, "status code").flatten();
            spec.default_reason_phrase = fields.optional_string("reason-phrase");
        }
        for row in top.tables("category") {
            match CategorySpec::from_toml(row, diags) {
                Some(category) => spec.categories.push(category),
                None => spec.categories_complete = false,
            }
        }
        for row in top.tables("cause") {
            let has_categories = top.get("category").is_some();
            let row_rules = (&ranges, &spec.declared, has_categories);
            match CauseSpec::from_toml(row, row_rules, diags) {
                CauseRow::Whole(cause) => {
                    spec.stand_in_rows.push(cause.clone());
                    spec.causes.push(cause);
                }
                CauseRow::Partial(cause) => {
                    spec.stand_in_rows.push(cause);
                    spec.causes_complete = false;
                }
                CauseRow::Unnamed => spec.causes_complete = false,
            }
        }
        spec.reported_by = reports::reported_by(&top, diags);
        if let Some(phrases) = top.table("reason-phrases") {
            spec.has_reason_phrases = true;
            spec.reason_phrases = ReasonPhrase::from_toml(phrases, codes, diags);
        }
        Some(spec)
    }
}

impl FailureCodes {
    fn from_toml(
        fields: &Fields<'_, '_>,
        range: &NumberRange,
        diags: &Diagnostics,
    ) -> Option<FailureCodes> {
        let value = fields.required("codes")?;
        let (codes, all_valid) = status_codes(fields, "codes", value, range)?;
        if !all_valid {
            return None;
        }
        let Ok([low, high]) = <[Loc<u16>; 2]>::try_from(codes.value) else {
            diags.error(
                codes.span,
                "`codes` must hold exactly two status codes: `[low, high]`, the inclusive range of final failure responses",
            );
            return None;
        };
        if low.value > high.value {
            diags.error(
                codes.span,
                format!(
                    "`codes` is `[{}, {}]`, an empty range: the first code must not be greater than the second",
                    low.value, high.value
                ),
            );
        }
        Some(FailureCodes { low, high })
    }
}

// Rows are kept when only the form of a value is wrong (the error is recorded, so nothing is
// generated), so that the checks across rows still see them; a row is dropped only when a
// required key is missing or of the wrong type.

impl CategorySpec {
    fn from_toml(table: (&Table<'_>, ByteSpan), diags: &Diagnostics) -> Option<CategorySpec> {
        let fields = Fields::new(table.0, table.1, "`[[category]]`", CATEGORY_KEYS, diags);
        let key = fields.required_string("key");
        let title = fields.required_string("title");
        let description = fields.optional_string("description");
        let explicit = fields.optional_string("variant");
        let (key, title) = (key?, title?);
        check_non_empty(&title, "title", diags);
        if let Some(description) = &description {
            check_non_empty(description, "description", diags);
        }
        let key_ok = names::check_category_key(&key, diags);
        let variant = variant_of(&key, key_ok, explicit, "key", diags);
        Some(CategorySpec {
            key,
            title,
            description,
            variant,
        })
    }
}

/// The variant of a row: `variant = "..."` if given, else the UpperCamelCase of its name
/// (spanned on the name). A derived variant is checked only when the name itself is valid:
/// otherwise the name's error says it all.
fn variant_of(
    name: &Loc<String>,
    name_ok: bool,
    explicit: Option<Loc<String>>,
    from: &str,
    diags: &Diagnostics,
) -> Loc<String> {
    if let Some(variant) = explicit {
        names::check_variant(&variant, diags);
        return variant;
    }
    let derived = Loc::new(
        names::upper_camel(&name.value, &['-', '_']),
        name.span.clone(),
    );
    if name_ok {
        names::check_derived_variant(&derived, from, diags);
    }
    derived
}

impl ReasonPhrase {
    fn from_toml(
        table: (&Table<'_>, ByteSpan),
        range: &NumberRange,
        diags: &Diagnostics,
    ) -> Vec<ReasonPhrase> {
        let mut phrases = Vec::new();
        for (key, value) in table.0.iter() {
            // 486 = "Busy Here"
            let key_span: ByteSpan = key.span.into();
            let code = key.name.parse::<u16>().ok();
            let code = match code.filter(|c| (range.low..=range.high).contains(c)) {
                Some(code) => Loc::new(code, key_span),
                None => {
                    diags.error(
                        key_span,
                        format!(
                            "`{}` is not a status code in range: keys of `[reason-phrases]` are status codes, and {}",
                            key.name,
                            range.allows()
                        ),
                    );
                    continue;
                }
            };
            let Some(phrase) = string_value(&key.name, value, diags) else {
                continue;
            };
            check_non_empty(&phrase, "reason phrase", diags);
            phrases.push(ReasonPhrase { code, phrase });
        }
        phrases.sort_by_key(|p| p.code.value);
        phrases
    }
}

/// An optional list of codes: the valid ones, or `None` if the key is not an array.
fn code_list(fields: &Fields<'_, '_>, key: &str, range: &NumberRange) -> Option<Vec<Loc<u16>>> {
    match fields.get(key) {
        None => Some(Vec::new()),
        Some(value) => status_codes(fields, key, value, range).map(|(codes, _)| codes.value),
    }
}

/// An optional single number such as `response = 486` or `code = 17` (`what` names it):
/// `Some(None)` when absent or out of range (the error is recorded), `None` when the key holds
/// no integer, which drops the row.
fn single_code(
    fields: &Fields<'_, '_>,
    key: &str,
    range: &NumberRange,
    what: &str,
) -> Option<Option<Loc<u16>>> {
    let Some(value) = fields.get(key) else {
        return Some(None);
    };
    let example = if what == "code" { 17 } else { 486 };
    let expected = format!("`{key}` must be a {what} such as `{example}`");
    let integer = fields.integer(value, &expected)?;
    Some(range.check(integer, what, fields.diags()))
}

/// The valid codes of an array (each invalid one is reported), and whether all were.
fn status_codes(
    fields: &Fields<'_, '_>,
    key: &str,
    value: &Value<'_>,
    range: &NumberRange,
) -> Option<(Loc<Vec<Loc<u16>>>, bool)> {
    let expected = format!("`{key}` must be an array of status codes such as `[486, 600]`");
    let (integers, len) = fields.integers(value, &expected)?;
    let codes: Vec<_> = integers
        .value
        .into_iter()
        .filter_map(|integer| range.check(integer, "status code", fields.diags()))
        .collect();
    let all_valid = codes.len() == len;
    Some((Loc::new(codes, integers.span), all_valid))
}

/// Values and aliases are matched byte for byte, so stray white space would never match.
fn check_value_like(value: &Loc<String>, what: &str, diags: &Diagnostics) {
    if !check_non_empty(value, what, diags) {
        return;
    }
    if value.value.trim() != value.value {
        diags.error(
            value.span.clone(),
            format!(
                "{what} `{}` has leading or trailing white space: write it as `{}`",
                value.value.escape_debug(),
                value.value.trim()
            ),
        );
    }
}

fn check_non_empty(value: &Loc<String>, what: &str, diags: &Diagnostics) -> bool {
    let empty = value.value.trim().is_empty();
    if empty {
        diags.error(value.span.clone(), format!("{what} must not be empty"));
    }
    !empty
}

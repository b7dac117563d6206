//! Whole tables: markdown by the rules of the generated docs (cause-table's), JSON with the keys
//! of the tables' TOML files.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use cause_core::{
    AsteriskCause, Category, Cause, FreeSwitchCategory, FreeSwitchCause, JsSipCategory, JsSipCause,
    Q850, Q850Class, reason_phrase,
};
use cause_model::markdown::{code_span, link_labels};
use serde::Serialize;

use crate::text::{codes_text, head, row, status_codes};

/// SIP.js's table and JsSIP's, which have one shape: `$markdown` writes one markdown table per
/// category, `$json` the table as JSON with the keys of its TOML file (`$phrases`: its
/// `[reason-phrases]`, where it has them).
macro_rules! client_table {
    ($markdown:ident, $json:ident, $cause:ident, $category:ident, $phrases:expr) => {
        /// Every cause, one markdown table per category.
        pub fn $markdown() -> String {
            let mut out = String::new();
            for &category in $category::ALL {
                let _ = writeln!(out, "## {category}\n");
                head(
                    &mut out,
                    &[
                        "Constant",
                        "Value",
                        "Status codes",
                        "Response",
                        "Description",
                    ],
                );
                for &cause in category.causes() {
                    let mut codes =
                        status_codes(cause.status_codes(), $cause::FAILURES, &cause, "cause");
                    if !cause.in_dialog_status_codes().is_empty() {
                        let separator = if codes.is_empty() { "" } else { "; " };
                        let in_dialog = codes_text(cause.in_dialog_status_codes());
                        let _ = write!(codes, "{separator}in a dialog: {in_dialog}");
                    }
                    let response = cause.response().map(|code| codes_text(&[code]));
                    let cells = [
                        code_span(cause.name()),
                        code_span(cause.as_str()),
                        codes,
                        response.unwrap_or_default(),
                        link_labels(cause.description()),
                    ];
                    row(&mut out, &cells);
                }
                out.push('\n');
            }
            out
        }

        /// The table as JSON, with the keys of its TOML file.
        pub fn $json() -> String {
            let cause = $cause::ALL.iter().map(|&c| JsonCause {
                constant: c.name(),
                value: c.as_str(),
                category: c.category().key(),
                code: None,
                description: c.description(),
                status_codes: c.status_codes(),
                in_dialog_status_codes: Some(c.in_dialog_status_codes()),
                response: c.response(),
                aliases: c.aliases(),
                reported: c.reported(),
                never_reported: c.never_reported(),
            });
            let category = $category::ALL.iter().map(|c| JsonCategory {
                key: c.key(),
                title: c.title(),
            });
            json(&JsonTable {
                ranges: JsonRanges {
                    status_codes: pair($cause::STATUS_CODES),
                    code: None,
                },
                defaults: None,
                failure: failures($cause::FAILURES, $cause::name),
                category: category.collect(),
                cause: cause.collect(),
                reason_phrases: $phrases,
                reports: Some(JsonReports {
                    by: $cause::REPORTED_BY,
                }),
            })
        }
    };
}

client_table!(
    causes_markdown,
    causes_json,
    Cause,
    Category,
    Some(
        Cause::STATUS_CODES
            .filter_map(|code| Some((code, reason_phrase(code)?)))
            .collect()
    )
);
client_table!(jssip_markdown, jssip_json, JsSipCause, JsSipCategory, None);

/// The Q.850 causes, one markdown table per class, with their RFC 3398 mappings.
pub fn q850_markdown() -> String {
    let mut out = String::new();
    for &class in Q850Class::ALL {
        let _ = writeln!(out, "## {class}\n");
        let names = [
            "Value",
            "Name",
            "ITU name",
            "SIP response",
            "From SIP",
            "Description",
        ];
        head(&mut out, &names);
        for &q850 in class.causes() {
            let response = q850.response().map(|code| codes_text(&[code]));
            let cells = [
                q850.code().to_string(),
                code_span(q850.name()),
                q850.as_str().to_owned(),
                response.unwrap_or_default(),
                codes_text(q850.status_codes()),
                link_labels(q850.description()),
            ];
            row(&mut out, &cells);
        }
        out.push('\n');
    }
    out
}

/// FreeSWITCH's hangup causes, one markdown table per category.
pub fn freeswitch_markdown() -> String {
    let mut out = String::new();
    for &category in FreeSwitchCategory::ALL {
        let _ = writeln!(out, "## {category}\n");
        head(
            &mut out,
            &["Value", "Name", "Response", "From SIP", "Description"],
        );
        for &cause in category.causes() {
            let failures = FreeSwitchCause::FAILURES;
            let from_sip = status_codes(cause.status_codes(), failures, &cause, "cause");
            let cells = [
                cause.code().to_string(),
                code_span(cause.name()),
                cause
                    .response()
                    .map(|c| codes_text(&[c]))
                    .unwrap_or_default(),
                from_sip,
                link_labels(cause.description()),
            ];
            row(&mut out, &cells);
        }
        out.push('\n');
    }
    out
}

/// Asterisk's hangup causes, one markdown table.
pub fn asterisk_markdown() -> String {
    let mut out = String::new();
    let names = [
        "Value",
        "Name",
        "Text",
        "Response",
        "From SIP",
        "Description",
    ];
    head(&mut out, &names);
    for &cause in AsteriskCause::ALL {
        let mut name = code_span(cause.name());
        for alias in cause.aliases() {
            let _ = write!(name, ", {}", code_span(alias));
        }
        let cells = [
            cause.code().to_string(),
            name,
            cause.as_str().to_owned(),
            cause
                .response()
                .map(|c| codes_text(&[c]))
                .unwrap_or_default(),
            status_codes(
                cause.status_codes(),
                AsteriskCause::FAILURES,
                &cause,
                "cause",
            ),
            link_labels(cause.description()),
        ];
        row(&mut out, &cells);
    }
    out
}

/// A table as JSON, with the keys of its TOML file.
#[derive(Serialize)]
pub(crate) struct JsonTable {
    pub(crate) ranges: JsonRanges,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) defaults: Option<JsonDefaults>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) failure: Option<JsonFailures>,
    pub(crate) category: Vec<JsonCategory>,
    pub(crate) cause: Vec<JsonCause>,
    #[serde(rename = "reason-phrases", skip_serializing_if = "Option::is_none")]
    pub(crate) reason_phrases: Option<BTreeMap<u16, &'static str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) reports: Option<JsonReports>,
}

/// `[reports] by`.
#[derive(Serialize)]
pub(crate) struct JsonReports {
    pub(crate) by: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct JsonRanges {
    pub(crate) status_codes: [u16; 2],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) code: Option<[u16; 2]>,
}

#[derive(Serialize)]
pub(crate) struct JsonDefaults {
    pub(crate) response: u16,
}

#[derive(Serialize)]
pub(crate) struct JsonFailure {
    pub(crate) codes: [u16; 2],
    pub(crate) fallback: &'static str,
}

/// `[failure]` as its table writes it: one range, or several (`[[failure]]`).
#[derive(Serialize)]
#[serde(untagged)]
pub(crate) enum JsonFailures {
    One(JsonFailure),
    Several(Vec<JsonFailure>),
}

/// A table's `FAILURES`, each fallback by its constant.
pub(crate) fn failures<T: Copy>(
    list: &[(std::ops::RangeInclusive<u16>, T)],
    name: fn(T) -> &'static str,
) -> Option<JsonFailures> {
    let mut ranges: Vec<JsonFailure> = (list.iter())
        .map(|(codes, fallback)| JsonFailure {
            codes: pair(codes.clone()),
            fallback: name(*fallback),
        })
        .collect();
    match ranges.len() {
        0 => None,
        1 => ranges.pop().map(JsonFailures::One),
        _ => Some(JsonFailures::Several(ranges)),
    }
}

#[derive(Serialize)]
pub(crate) struct JsonCategory {
    pub(crate) key: &'static str,
    pub(crate) title: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct JsonCause {
    pub(crate) constant: &'static str,
    pub(crate) value: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub(crate) category: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) code: Option<u16>,
    pub(crate) description: &'static str,
    pub(crate) status_codes: &'static [u16],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) in_dialog_status_codes: Option<&'static [u16]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) response: Option<u16>,
    pub(crate) aliases: &'static [&'static str],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) reported: Option<&'static str>,
    #[serde(rename = "never-reported", skip_serializing_if = "Option::is_none")]
    pub(crate) never_reported: Option<&'static str>,
}

pub(crate) fn pair(range: std::ops::RangeInclusive<u16>) -> [u16; 2] {
    [*range.start(), *range.end()]
}

/// The Q.850 causes as JSON, with the keys of `q850.toml`.
pub fn q850_json() -> String {
    let cause = Q850::ALL.iter().map(|&q| JsonCause {
        constant: q.name(),
        value: q.as_str(),
        category: q.category().key(),
        code: Some(q.code()),
        description: q.description(),
        status_codes: q.status_codes(),
        in_dialog_status_codes: None,
        response: q.response(),
        aliases: q.aliases(),
        reported: None,
        never_reported: None,
    });
    let category = Q850Class::ALL.iter().map(|c| JsonCategory {
        key: c.key(),
        title: c.title(),
    });
    let codes = Q850::ALL.iter().map(|q| q.code());
    let code = codes
        .clone()
        .min()
        .zip(codes.max())
        .map(|(low, high)| [low, high]);
    json(&JsonTable {
        ranges: JsonRanges {
            status_codes: pair(Q850::STATUS_CODES),
            code,
        },
        defaults: None,
        failure: None,
        category: category.collect(),
        cause: cause.collect(),
        reason_phrases: None,
        reports: None,
    })
}

/// A table whose rows have codes (FreeSWITCH's, Asterisk's, liblinphone's) as JSON, with the
/// keys of its TOML file: `$category` gives a row's category key, `$categories` the
/// categories, `$defaults` its `[defaults]`.
macro_rules! numbered_json {
    ($cause:ident, $category:expr, $categories:expr, $defaults:expr) => {{
        let category: fn($cause) -> &'static str = $category;
        let cause = $cause::ALL.iter().map(|&c| $crate::table::JsonCause {
            constant: c.name(),
            value: c.as_str(),
            category: category(c),
            code: Some(c.code()),
            description: c.description(),
            status_codes: c.status_codes(),
            in_dialog_status_codes: None,
            response: c.response(),
            aliases: c.aliases(),
            reported: None,
            never_reported: None,
        });
        $crate::table::json(&$crate::table::JsonTable {
            ranges: $crate::table::JsonRanges {
                status_codes: $crate::table::pair($cause::STATUS_CODES),
                code: $crate::table::span($cause::ALL.iter().map(|c| c.code())),
            },
            defaults: $defaults,
            failure: $crate::table::failures($cause::FAILURES, $cause::name),
            category: $categories,
            cause: cause.collect(),
            reason_phrases: None,
            reports: None,
        })
    }};
}
pub(crate) use numbered_json;

/// FreeSWITCH's causes as JSON, with the keys of `freeswitch.toml`.
pub fn freeswitch_json() -> String {
    let categories = FreeSwitchCategory::ALL.iter().map(|c| JsonCategory {
        key: c.key(),
        title: c.title(),
    });
    let defaults = JsonDefaults {
        response: FreeSwitchCause::DEFAULT_RESPONSE,
    };
    numbered_json!(
        FreeSwitchCause,
        |c| c.category().key(),
        categories.collect(),
        Some(defaults)
    )
}

/// Asterisk's causes as JSON, with the keys of `asterisk.toml`.
pub fn asterisk_json() -> String {
    let defaults = JsonDefaults {
        response: AsteriskCause::DEFAULT_RESPONSE,
    };
    numbered_json!(AsteriskCause, |_| "", Vec::new(), Some(defaults))
}

/// `[lowest, highest]` of `codes`.
pub(crate) fn span(codes: impl Iterator<Item = u16> + Clone) -> Option<[u16; 2]> {
    let (low, high) = (codes.clone().min()?, codes.max()?);
    Some([low, high])
}

pub(crate) fn json(table: &JsonTable) -> String {
    // Strings, integers and maps with integer keys: serializing cannot fail.
    let mut json = serde_json::to_string_pretty(table).expect("the table serializes");
    json.push('\n');
    json
}

#[cfg(test)]
mod tests;

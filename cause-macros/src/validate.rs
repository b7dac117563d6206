//! Checks across rows of a parsed table. Checks of one row alone (the form of a constant, the
//! range of a code, a missing key) happen while the model is built in `spec.rs`; here are the
//! rules that need the whole table, each in its own `check_*` function.

use std::collections::HashMap;
use std::hash::Hash;

use crate::diag::{ByteSpan, Diagnostics};
use crate::spec::{Loc, Spec};

pub fn validate(spec: &Spec, diags: &Diagnostics) {
    check_not_empty(spec, diags);
    check_unique_categories(spec, diags);
    if spec.causes.is_empty() {
        // Every check below is about causes; with none, they would only repeat that.
        return;
    }
    check_unique_constants(spec, diags);
    check_unique_variants(spec, diags);
    check_unique_strings(spec, diags);
    check_known_categories(spec, diags);
    check_categories_used(spec, diags);
    check_codes_once_per_list(spec, diags);
    check_codes_once_across_causes(spec, diags);
    check_fallback(spec, diags);
    check_reason_phrases_cover_codes(spec, diags);
}

/// A table with no cause would generate an uninhabited enum: almost surely a mistake.
fn check_not_empty(spec: &Spec, diags: &Diagnostics) {
    if spec.causes.is_empty() && spec.causes_complete {
        diags.table_error(
            "the table has no causes: add at least one `[[cause]]` with `constant`, `value`, `category` and `description`",
        );
    }
}

/// Constants name the causes: `BUSY` twice would make two causes indistinguishable.
fn check_unique_constants(spec: &Spec, diags: &Diagnostics) {
    let constants = spec.causes.iter().map(|c| &c.constant);
    report_duplicates(constants, diags, |c| format!("duplicate constant `{c}`"));
}

/// Two rows may not become the same variant (`NO_ACK` and `NO__ACK` both make `NoAck`). Rows
/// with the same name are left to the duplicate-name checks, which say it better.
fn check_unique_variants(spec: &Spec, diags: &Diagnostics) {
    let causes = spec
        .causes
        .iter()
        .map(|c| (&c.variant, c.constant.value.as_str()));
    report_variant_collisions(causes, "causes", diags);
    let categories = spec
        .categories
        .iter()
        .map(|c| (&c.variant, c.key.value.as_str()));
    report_variant_collisions(categories, "categories", diags);
}

fn report_variant_collisions<'a>(
    rows: impl Iterator<Item = (&'a Loc<String>, &'a str)>,
    what: &str,
    diags: &Diagnostics,
) {
    let mut first: HashMap<&str, (&ByteSpan, &str)> = HashMap::new();
    for (variant, name) in rows {
        match first.get(variant.value.as_str()) {
            Some((span, other)) if *other != name => diags.duplicate(
                variant.span.clone(),
                ByteSpan::clone(span),
                format!(
                    "{what} `{name}` and `{other}` both make the variant `{}`: set `variant = \"...\"` on one of them",
                    variant.value
                ),
            ),
            Some(_) => {}
            None => {
                first.insert(&variant.value, (&variant.span, name));
            }
        }
    }
}

/// Parsing must be unambiguous: no value or alias may stand for two causes, or twice for one.
fn check_unique_strings(spec: &Spec, diags: &Diagnostics) {
    let strings = spec
        .causes
        .iter()
        .flat_map(|c| std::iter::once(&c.value).chain(&c.aliases));
    report_duplicates(strings, diags, |s| {
        format!("duplicate value `{s}`: each value and alias must name one cause, once")
    });
}

fn check_unique_categories(spec: &Spec, diags: &Diagnostics) {
    let keys = spec.categories.iter().map(|c| &c.key);
    report_duplicates(keys, diags, |k| format!("duplicate category key `{k}`"));
}

/// Every cause's `category` must be declared with `[[category]]`.
fn check_known_categories(spec: &Spec, diags: &Diagnostics) {
    let keys: Vec<&str> = spec
        .categories
        .iter()
        .map(|c| c.key.value.as_str())
        .collect();
    for cause in &spec.causes {
        let category = &cause.category;
        if keys.contains(&category.value.as_str()) || !spec.categories_complete {
            continue;
        }
        let listed = keys
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let message = match crate::names::nearest(&category.value, &keys) {
            Some(near) => format!(
                "unknown category `{}`: did you mean `{near}`? (declared: {listed})",
                category.value
            ),
            None => format!(
                "unknown category `{}`: declare it with `[[category]]` or use one of {listed}",
                category.value
            ),
        };
        diags.error(category.span.clone(), message);
    }
}

/// A declared category with no cause would be an enum variant that nothing returns.
fn check_categories_used(spec: &Spec, diags: &Diagnostics) {
    if !spec.causes_complete {
        return;
    }
    for category in &spec.categories {
        let used = spec
            .causes
            .iter()
            .any(|cause| cause.category.value == category.key.value);
        if !used {
            diags.error(
                category.key.span.clone(),
                format!(
                    "category `{}` has no causes: remove it or give it a `[[cause]]`",
                    category.key.value
                ),
            );
        }
    }
}

/// `status-codes = [486, 486]` is a typo, not a meaning.
fn check_codes_once_per_list(spec: &Spec, diags: &Diagnostics) {
    for cause in &spec.causes {
        for list in [&cause.status_codes, &cause.in_dialog_status_codes] {
            report_duplicates(list.iter(), diags, |code| {
                format!("status code {code} is listed twice")
            });
        }
    }
}

/// A code maps to one cause: no code in two causes' `status-codes`, nor in two causes'
/// `in-dialog-status-codes`. (One code may be in both kinds of list: 408 means Unavailable
/// for a new request and Dialog Error inside a dialog.)
fn check_codes_once_across_causes(spec: &Spec, diags: &Diagnostics) {
    let mut status = HashMap::new();
    let mut in_dialog = HashMap::new();
    for cause in &spec.causes {
        let lists = [
            (&cause.status_codes, &mut status, "status-codes"),
            (
                &cause.in_dialog_status_codes,
                &mut in_dialog,
                "in-dialog-status-codes",
            ),
        ];
        for (codes, seen, key) in lists {
            for code in dedup(codes) {
                match seen.get(&code.value) {
                    Some((first, owner)) => diags.duplicate(
                        code.span.clone(),
                        ByteSpan::clone(first),
                        format!(
                            "status code {} is already in the `{key}` of `{owner}`: a code can mean only one cause",
                            code.value
                        ),
                    ),
                    None => {
                        seen.insert(code.value, (code.span.clone(), cause.constant.value.clone()));
                    }
                }
            }
        }
    }
}

/// The fallback must be a cause of the table.
fn check_fallback(spec: &Spec, diags: &Diagnostics) {
    let Some(fallback) = &spec.fallback else {
        return;
    };
    let known = spec
        .causes
        .iter()
        .any(|c| c.constant.value == fallback.value);
    if !known && spec.causes_complete {
        let constants: Vec<&str> = spec
            .causes
            .iter()
            .map(|c| c.constant.value.as_str())
            .collect();
        let hint = crate::names::nearest(&fallback.value, &constants)
            .map(|near| format!(": did you mean `{near}`?"))
            .unwrap_or_else(|| ": name the `constant` of a `[[cause]]`".to_owned());
        diags.error(
            fallback.span.clone(),
            format!("`fallback` names no cause, `{}`{hint}", fallback.value),
        );
    }
}

/// With `[reason-phrases]`, the docs show a phrase beside every code, so each needs one.
fn check_reason_phrases_cover_codes(spec: &Spec, diags: &Diagnostics) {
    if !spec.has_reason_phrases {
        return;
    }
    let known: Vec<u16> = spec.reason_phrases.iter().map(|p| p.code.value).collect();
    for cause in &spec.causes {
        let codes = cause
            .status_codes
            .iter()
            .chain(&cause.in_dialog_status_codes);
        for code in codes {
            if !known.contains(&code.value) {
                diags.error(
                    code.span.clone(),
                    format!(
                        "status code {} has no reason phrase: add `{} = \"...\"` to `[reason-phrases]`",
                        code.value, code.value
                    ),
                );
            }
        }
    }
}

/// Reports every repeat of a value after its first occurrence, pointing back at the first.
fn report_duplicates<'a, T, I, F>(items: I, diags: &Diagnostics, message: F)
where
    T: Eq + Hash + std::fmt::Display + 'a,
    I: IntoIterator<Item = &'a Loc<T>>,
    F: Fn(&T) -> String,
{
    let mut first: HashMap<&T, &ByteSpan> = HashMap::new();
    for item in items {
        match first.get(&item.value) {
            Some(span) => diags.duplicate(
                item.span.clone(),
                ByteSpan::clone(span),
                message(&item.value),
            ),
            None => {
                first.insert(&item.value, &item.span);
            }
        }
    }
}

/// The codes of a list without repeats (already reported by `check_codes_once_per_list`).
fn dedup(codes: &[Loc<u16>]) -> impl Iterator<Item = &Loc<u16>> {
    codes
        .iter()
        .enumerate()
        .filter(|(i, code)| !codes[..*i].iter().any(|c| c.value == code.value))
        .map(|(_, code)| code)
}

#[cfg(test)]
mod tests {
    use proc_macro2::Span;

    use crate::diag::Renderer;
    use crate::expand::build;

    const BASE: &str = r#"
[failure]
codes = [300, 699]
fallback = "BUSY"

[[category]]
key = "errors"
title = "Errors"

[[cause]]
constant = "BUSY"
value = "Busy"
category = "errors"
description = "Busy."
status-codes = [486]
"#;

    /// The first line of each error of `source`: `t.toml:LINE:COL: message`.
    fn errors(source: &str) -> Vec<String> {
        let renderer = Renderer {
            path: "t.toml",
            source,
            span: Span::call_site(),
        };
        match build(source) {
            Ok(_) => Vec::new(),
            Err(errors) => errors
                .iter()
                .map(|e| {
                    renderer
                        .render(e)
                        .lines()
                        .next()
                        .unwrap_or_default()
                        .to_owned()
                })
                .collect(),
        }
    }

    fn with_cause(extra: &str) -> String {
        format!("{BASE}\n[[cause]]\n{extra}")
    }

    #[test]
    fn a_valid_table_has_no_errors() {
        assert_eq!(errors(BASE), Vec::<String>::new());
        let spec = build(BASE).expect("BASE is valid");
        assert_eq!(spec.causes[0].variant.value, "Busy");
        assert_eq!(spec.failure(), Some((300, 699, "BUSY")));
    }

    #[test]
    fn duplicates_point_at_the_first_definition() {
        let source = with_cause(
            "constant = \"BUSY\"\nvalue = \"Busy\"\ncategory = \"errors\"\ndescription = \"x\"\nstatus-codes = [486]",
        );
        assert_eq!(
            errors(&source),
            [
                "t.toml:18:12: duplicate constant `BUSY`",
                "t.toml:19:9: duplicate value `Busy`: each value and alias must name one cause, once",
                "t.toml:22:17: status code 486 is already in the `status-codes` of `BUSY`: a code can mean only one cause",
            ]
        );
        let error = build(&source).unwrap_err();
        let renderer = Renderer {
            path: "t.toml",
            source: &source,
            span: Span::call_site(),
        };
        assert!(
            renderer
                .render(&error[0])
                .ends_with("first defined at t.toml:11:12")
        );
    }

    #[test]
    fn variants_must_be_distinct_identifiers() {
        let source = with_cause(
            "constant = \"BUSY_\"\nvalue = \"B\"\ncategory = \"errors\"\ndescription = \"x\"\n\n[[cause]]\nconstant = \"SELF\"\nvalue = \"S\"\ncategory = \"errors\"\ndescription = \"x\"",
        );
        assert_eq!(
            errors(&source),
            [
                "t.toml:18:12: causes `BUSY_` and `BUSY` both make the variant `Busy`: set `variant = \"...\"` on one of them",
                "t.toml:24:12: the variant made from this constant, `Self`, is a Rust keyword: add `variant = \"...\"` with another name",
            ]
        );
    }

    #[test]
    fn aliases_may_not_repeat_values() {
        let source = with_cause(
            "constant = \"B\"\nvalue = \"B\"\ncategory = \"errors\"\ndescription = \"x\"\naliases = [\"Busy\", \"C\", \"C\"]",
        );
        assert_eq!(
            errors(&source),
            [
                "t.toml:22:12: duplicate value `Busy`: each value and alias must name one cause, once",
                "t.toml:22:25: duplicate value `C`: each value and alias must name one cause, once",
            ]
        );
    }

    #[test]
    fn one_code_may_mean_one_cause_in_each_kind_of_list() {
        // 486 in one cause's status-codes and another's in-dialog codes is allowed.
        let source = with_cause(
            "constant = \"D\"\nvalue = \"D\"\ncategory = \"errors\"\ndescription = \"x\"\nin-dialog-status-codes = [486, 481, 481]",
        );
        assert_eq!(
            errors(&source),
            ["t.toml:22:37: status code 481 is listed twice"]
        );
    }

    #[test]
    fn categories_must_be_declared_used_and_unique() {
        let source = BASE.replace("category = \"errors\"", "category = \"eror\"");
        assert_eq!(
            errors(&source),
            [
                "t.toml:7:7: category `errors` has no causes: remove it or give it a `[[cause]]`",
                "t.toml:13:12: unknown category `eror`: did you mean `errors`? (declared: `errors`)",
            ]
        );
    }

    #[test]
    fn failure_codes_and_fallback() {
        let source = BASE
            .replace("[300, 699]", "[699, 300]")
            .replace("fallback = \"BUSY\"", "fallback = \"BUS\"");
        assert_eq!(
            errors(&source),
            [
                "t.toml:3:9: `codes` is `[699, 300]`, an empty range: the first code must not be greater than the second",
                "t.toml:4:12: `fallback` names no cause, `BUS`: did you mean `BUSY`?",
            ]
        );
    }

    #[test]
    fn reason_phrases_cover_every_listed_code() {
        let source = format!("{BASE}\n[reason-phrases]\n600 = \"Busy Everywhere\"\n");
        assert_eq!(
            errors(&source),
            [
                "t.toml:15:17: status code 486 has no reason phrase: add `486 = \"...\"` to `[reason-phrases]`"
            ]
        );
        let source = format!("{BASE}\n[reason-phrases]\n486 = \"Busy Here\"\n");
        assert_eq!(errors(&source), Vec::<String>::new());
    }

    #[test]
    fn an_empty_table_says_what_is_missing() {
        assert_eq!(
            errors(""),
            [
                "t.toml:1:1: missing `[failure]`: add `[failure]` with `codes = [300, 699]` and `fallback = \"CONSTANT\"`",
                "t.toml:1:1: the table has no causes: add at least one `[[cause]]` with `constant`, `value`, `category` and `description`",
            ]
        );
    }

    #[test]
    fn every_error_of_a_table_is_reported_at_once() {
        let source = r#"[failure]
codes = [300]
fallback = "NOPE"
colour = "red"

[[category]]
key = "errors"
title = ""

[[cause]]
constant = "busy"
value = " Busy"
category = "errorz"
description = ""
status-codes = [486, 486, 1000]

[[cause]]
constant = "NO_ACK"
value = "No ACK"
category = "errors"
description = "No ACK."
aliases = ["No ACK"]
staus-codes = [408]
"#;
        let found = errors(source);
        let positions: Vec<&str> = found
            .iter()
            .map(|e| e.split(": ").next().unwrap_or(""))
            .collect();
        assert_eq!(
            positions,
            [
                "t.toml:2:9",
                "t.toml:3:12",
                "t.toml:4:1",
                "t.toml:8:9",
                "t.toml:11:12",
                "t.toml:12:9",
                "t.toml:13:12",
                "t.toml:14:15",
                "t.toml:15:22",
                "t.toml:15:27",
                "t.toml:22:12",
                "t.toml:23:1",
            ],
            "{found:#?}"
        );
    }
}

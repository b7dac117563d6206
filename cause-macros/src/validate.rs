//! Checks across rows of a parsed table. Checks of one row alone (the form of a constant, the
//! range of a code, a missing key) happen while the model is built in `spec.rs`; here are the
//! rules that need the whole table, each in its own `check_*` function.

use std::collections::HashMap;
use std::hash::Hash;

use crate::diag::{ByteSpan, Diagnostics};
use crate::spec::{Loc, Spec};

pub fn validate(spec: &Spec, diags: &Diagnostics) {
    check_not_empty(spec, diags);
    check_unique_constants(spec, diags);
    check_unique_variants(spec, diags);
    check_unique_strings(spec, diags);
    check_unique_categories(spec, diags);
    check_known_categories(spec, diags);
    check_categories_used(spec, diags);
    check_codes_once_per_list(spec, diags);
    check_codes_once_across_causes(spec, diags);
    check_fallback(spec, diags);
    check_reason_phrases_cover_codes(spec, diags);
}

/// A table with no cause would generate an uninhabited enum: almost surely a mistake.
fn check_not_empty(spec: &Spec, diags: &Diagnostics) {
    if spec.causes.is_empty() && spec.complete {
        diags.error(
            0..0,
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
/// with the same constant are left to `check_unique_constants`, which says it better.
fn check_unique_variants(spec: &Spec, diags: &Diagnostics) {
    let mut first: HashMap<&str, (&ByteSpan, &str)> = HashMap::new();
    for cause in &spec.causes {
        let (variant, constant) = (&cause.variant, cause.constant.value.as_str());
        match first.get(variant.value.as_str()) {
            Some((span, other)) if *other != constant => diags.duplicate(
                variant.span.clone(),
                ByteSpan::clone(span),
                format!(
                    "`{constant}` and `{other}` both make the variant `{}`: set `variant = \"...\"` on one of them",
                    variant.value
                ),
            ),
            Some(_) => {}
            None => {
                first.insert(&variant.value, (&variant.span, constant));
            }
        }
    }
    let variants = spec.categories.iter().map(|c| &c.variant);
    report_duplicates(variants, diags, |v| {
        format!("two categories make the variant `{v}`: set `variant = \"...\"` on one of them")
    });
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
        if keys.contains(&category.value.as_str()) || !spec.complete {
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
    if !spec.complete {
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
    let Some(failure) = &spec.failure else {
        return;
    };
    let fallback = &failure.fallback;
    let known = spec
        .causes
        .iter()
        .any(|c| c.constant.value == fallback.value);
    if !known && spec.complete {
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

//! Checks across rows of a parsed table, and the checked model they produce. Checks of one row
//! alone (the form of a constant, the range of a code, a missing key) happen while the spec is
//! built in `spec.rs`; here are the rules that need the whole table, each in its own `check_*`
//! function. The checks that resolve a reference (a cause's category, the fallback) return the
//! index they found, and the model is built from those (`into_model`).

use std::collections::HashMap;
use std::hash::Hash;

mod build;

pub use build::stand_in;

use build::into_model;

use crate::diag::{ByteSpan, Diagnostics, Loc};
use crate::model::{Failure, Model};
use crate::names;
use crate::spec::{ReportSpec, Spec};

/// An error was recorded in the diagnostics: there is nothing to resolve.
struct Reported;

/// The checked model of `spec`, or `None` when an error was recorded.
pub fn validate(spec: Spec, diags: &Diagnostics) -> Option<Model> {
    check_not_empty(&spec, diags);
    check_unique_categories(&spec, diags);
    if spec.causes.is_empty() {
        // Every check below is about causes; with none, they would only repeat that.
        return None;
    }
    check_unique_constants(&spec, diags);
    check_unique_variants(&spec, diags);
    check_unique_strings(&spec, diags);
    let categories = check_known_categories(&spec, diags);
    check_categories_used(&spec, diags);
    check_codes_once_per_list(&spec, diags);
    check_codes_once_across_causes(&spec, diags);
    check_unique_row_codes(&spec, diags);
    check_failure_ranges_disjoint(&spec, diags);
    let failures = check_fallbacks(&spec, diags);
    check_reason_phrases_cover_codes(&spec, diags);
    check_default_phrase_has_phrases(&spec, diags);
    check_reports_have_a_reporter(&spec, diags);
    let (Ok(categories), Ok(failures)) = (categories, failures) else {
        return None;
    };
    Some(into_model(spec, categories, failures))
}

/// `reported` and `never-reported` say what the table's reporter does with a value: without
/// `[reports] by`, nobody could tell whose reports they are.
fn check_reports_have_a_reporter(spec: &Spec, diags: &Diagnostics) {
    if spec.reported_by.is_some() {
        return;
    }
    for cause in &spec.causes {
        let (key, span) = match &cause.report {
            Some(ReportSpec::Reported(text)) => ("reported", &text.span),
            Some(ReportSpec::Never(text)) => ("never-reported", &text.span),
            None => continue,
        };
        diags.error(
            span.clone(),
            format!(
                "`{key}` needs the table's `[reports] by = \"...\"`: the software (and version) whose reports it describes"
            ),
        );
    }
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

/// Every cause's `category` must be declared with `[[category]]`: the index of each cause's
/// (`None` for all of them in a table without categories).
fn check_known_categories(
    spec: &Spec,
    diags: &Diagnostics,
) -> Result<Vec<Option<usize>>, Reported> {
    let keys: Vec<&str> = spec
        .categories
        .iter()
        .map(|c| c.key.value.as_str())
        .collect();
    let mut indices = Vec::with_capacity(spec.causes.len());
    let mut result = Ok(());
    for cause in &spec.causes {
        let Some(category) = &cause.category else {
            // Required (and reported as missing) when the table has categories.
            indices.push(None);
            continue;
        };
        if let Some(index) = keys.iter().position(|key| *key == category.value) {
            indices.push(Some(index));
            continue;
        }
        result = Err(Reported);
        if !spec.categories_complete {
            // The key may be that of a row dropped for its own error.
            continue;
        }
        let listed = names::backticked(&keys);
        let message = match names::did_you_mean(&category.value, &keys) {
            Some(near) => format!(
                "unknown category `{}`{near} (declared: {listed})",
                category.value
            ),
            None if keys.is_empty() => format!(
                "unknown category `{}`: the table declares no `[[category]]`; declare it, or remove `category` from the row",
                category.value
            ),
            None => format!(
                "unknown category `{}`: declare it with `[[category]]` or use one of {listed}",
                category.value
            ),
        };
        diags.error(category.span.clone(), message);
    }
    result.map(|()| indices)
}

/// A declared category with no cause would be an enum variant that nothing returns.
fn check_categories_used(spec: &Spec, diags: &Diagnostics) {
    if !spec.causes_complete {
        return;
    }
    for category in &spec.categories {
        let used = spec.causes.iter().any(|cause| {
            cause
                .category
                .as_ref()
                .is_some_and(|c| c.value == category.key.value)
        });
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
        let lists = [
            &cause.status_codes,
            &cause.in_dialog_status_codes,
            &cause.without_contact_status_codes,
        ];
        for list in lists {
            report_duplicates(list.iter(), diags, |code| {
                format!("status code {code} is listed twice")
            });
        }
    }
}

/// A code maps to one cause: no code in two causes' `status-codes`, nor in two causes'
/// `in-dialog-status-codes` or `without-contact-status-codes`. (One code may be in two kinds
/// of list: 408 means Unavailable for a new request and Dialog Error inside a dialog.) And a
/// `without-contact-status-codes` code is a redirect, 300..=399: no other response has a
/// `Contact` to follow.
fn check_codes_once_across_causes(spec: &Spec, diags: &Diagnostics) {
    let mut status = HashMap::new();
    let mut in_dialog = HashMap::new();
    let mut without_contact = HashMap::new();
    for cause in &spec.causes {
        let lists = [
            (&cause.status_codes, &mut status, "status-codes"),
            (
                &cause.in_dialog_status_codes,
                &mut in_dialog,
                "in-dialog-status-codes",
            ),
            (
                &cause.without_contact_status_codes,
                &mut without_contact,
                "without-contact-status-codes",
            ),
        ];
        for code in &cause.without_contact_status_codes {
            if !(300..=399).contains(&code.value) {
                diags.error(
                    code.span.clone(),
                    format!(
                        "status code {} is not a redirect: `without-contact-status-codes` lists 3xx responses (300..=399), the ones a `Contact` is followed on",
                        code.value
                    ),
                );
            }
        }
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

/// A row's `code` names it: two rows with one code would make `from_code` ambiguous.
fn check_unique_row_codes(spec: &Spec, diags: &Diagnostics) {
    let codes = spec.causes.iter().filter_map(|c| c.code.as_ref());
    report_duplicates(codes, diags, |code| {
        format!(
            "code {code} is already the `code` of another cause: each row's code must be unique"
        )
    });
}

/// Each `[failure]`'s fallback must be a cause of the table: each resolved, when complete.
fn check_fallbacks(spec: &Spec, diags: &Diagnostics) -> Result<Vec<Failure>, Reported> {
    let constants: Vec<&str> = spec
        .causes
        .iter()
        .map(|c| c.constant.value.as_str())
        .collect();
    let mut failures = Vec::new();
    let mut result = Ok(());
    for failure in &spec.failures {
        let Some(fallback) = &failure.fallback else {
            continue;
        };
        let Some(index) = constants.iter().position(|c| *c == fallback.value) else {
            if spec.causes_complete {
                let hint = names::did_you_mean(&fallback.value, &constants)
                    .unwrap_or_else(|| ": name the `constant` of a `[[cause]]`".to_owned());
                diags.error(
                    fallback.span.clone(),
                    format!("`fallback` names no cause, `{}`{hint}", fallback.value),
                );
            }
            result = Err(Reported);
            continue;
        };
        // Without valid `codes` (an error of their own), there is no range to resolve.
        if let Some(codes) = &failure.codes {
            failures.push(Failure {
                low: codes.low.value,
                high: codes.high.value,
                fallback: index,
            });
        }
    }
    failures.sort_by_key(|f| f.low);
    result.map(|()| failures)
}

/// A failure code has one fallback: `[[failure]]` ranges may not overlap.
fn check_failure_ranges_disjoint(spec: &Spec, diags: &Diagnostics) {
    let mut ranges: Vec<&crate::spec::FailureCodes> = spec
        .failures
        .iter()
        .filter_map(|f| f.codes.as_ref())
        .collect();
    ranges.sort_by_key(|codes| codes.low.value);
    for pair in ranges.windows(2) {
        let (first, second) = (pair[0], pair[1]);
        if second.low.value <= first.high.value {
            diags.duplicate(
                second.low.span.start..second.high.span.end,
                first.low.span.start..first.high.span.end,
                format!(
                    "the failure codes {}..={} overlap {}..={}: each code can fall back to one cause",
                    second.low.value, second.high.value, first.low.value, first.high.value
                ),
            );
        }
    }
}

/// With `[reason-phrases]`, the docs show a phrase beside every code, so each needs one, or
/// the table's `[defaults] reason-phrase`.
fn check_reason_phrases_cover_codes(spec: &Spec, diags: &Diagnostics) {
    if !spec.has_reason_phrases || spec.default_reason_phrase.is_some() {
        return;
    }
    let known: Vec<u16> = spec.reason_phrases.iter().map(|p| p.code.value).collect();
    let default = spec.default_response.iter();
    let rows = spec.causes.iter().flat_map(|cause| {
        (cause.status_codes.iter())
            .chain(&cause.in_dialog_status_codes)
            .chain(&cause.without_contact_status_codes)
            .chain(&cause.response)
    });
    for code in default.chain(rows) {
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

/// `[defaults] reason-phrase` is the phrase of the codes `[reason-phrases]` does not list: it
/// needs that table.
fn check_default_phrase_has_phrases(spec: &Spec, diags: &Diagnostics) {
    if let (Some(phrase), false) = (&spec.default_reason_phrase, spec.has_reason_phrases) {
        diags.error(
            phrase.span.clone(),
            "`reason-phrase` in `[defaults]` is the phrase of the codes `[reason-phrases]` does not list, and the table has no `[reason-phrases]`: add one, or remove `reason-phrase`".to_owned(),
        );
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
mod tests;

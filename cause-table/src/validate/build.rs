//! The model a checked table produces, and the stand-in for a table with errors: the rows
//! without their positions, references resolved to indices.

use crate::diag::Loc;
use crate::model::{self, Categories, Failure, Mode, Model, Report, Response, Shape};
use crate::names;
use crate::spec::{CategorySpec, CauseSpec, ReportSpec, Spec};

/// The model of a checked spec: its rows without their positions, each cause's category by
/// index (every cause has one in a table with categories: `check_known_categories`).
pub(super) fn into_model(
    spec: Spec,
    categories: Vec<Option<usize>>,
    failures: Vec<Failure>,
) -> Model {
    let of_cause: Vec<usize> = categories.into_iter().flatten().collect();
    let categories = (!spec.categories.is_empty()).then(|| {
        let list = spec.categories.into_iter().enumerate();
        let list = list.map(|(index, row)| {
            let causes = (0..of_cause.len()).filter(|&c| of_cause[c] == index);
            category(row, causes.collect())
        });
        Categories {
            list: list.collect(),
            of_cause,
        }
    });
    let default = spec.default_response.map(|code| code.value);
    let causes = spec
        .causes
        .into_iter()
        .map(|row| with_default(cause(row), default));
    let causes = causes.collect();
    let phrases = spec.reason_phrases.into_iter();
    let phrases = phrases.map(|p| (p.code.value, p.phrase.value)).collect();
    let (code_high, status_code_range) = (spec.code_high, spec.status_code_range);
    let declared = &spec.declared;
    let shape = Shape {
        without_contact: declared.without_contact,
        ..Shape::with(
            declared.codes,
            declared.responses,
            declared.in_dialog,
            spec.single_failure,
        )
    };
    let mode = (shape, code_high, Mode::Checked);
    let mut model = Model::new(causes, categories, failures, phrases, mode);
    model.status_code_range = status_code_range;
    model.default_response = default;
    model.default_reason_phrase = spec.default_reason_phrase.map(|phrase| phrase.value);
    model.reported_by = spec.reported_by.map(|by| by.value);
    model
}

/// A cause without its own `response` gets the table's `[defaults] response`.
fn with_default(mut cause: model::Cause, default: Option<u16>) -> model::Cause {
    if cause.response.is_none() {
        cause.response = default.map(|code| Response {
            code,
            maps_back: None,
            by_default: true,
        });
    }
    cause
}

/// The stand-in for a table with errors: the rows that parsed (`spec`, where the TOML did),
/// so that the caller's uses of their variants add no errors to the table's own. Only what
/// cannot clash is kept: the first row of each variant, value and code; no status codes or
/// aliases.
pub fn stand_in(spec: Option<&Spec>) -> Model {
    let Some(spec) = spec else {
        return Model::stand_in_without_rows();
    };
    let mut variants = std::collections::HashSet::new();
    let mut values = std::collections::HashSet::new();
    // A row whose variant is no identifier (a keyword, a bad `variant`) is an error of its own.
    let is_ident = |variant: &Loc<String>| names::is_variant(&variant.value);
    let list: Vec<model::Category> = (spec.categories.iter())
        .filter(|c| is_ident(&c.variant) && variants.insert(c.variant.value.clone()))
        .map(|row| category(row.clone(), Vec::new()))
        .collect();
    variants.clear();
    let rows = spec.stand_in_rows.iter().filter(|c| is_ident(&c.variant));
    let rows = rows.filter(|c| variants.insert(c.variant.value.clone()));
    let rows = rows.filter(|c| values.insert(c.value.value.clone()));
    let mut codes = std::collections::HashSet::new();
    // The first row of each code keeps it: two rows sharing one is an error of its own.
    let causes: Vec<model::Cause> = rows
        .map(|row| {
            let code = row.code.as_ref().map(|c| c.value);
            model::Cause {
                code: code.filter(|&c| codes.insert(c)),
                ..cause(row.clone()).for_stand_in()
            }
        })
        .collect();
    // Each cause in the first category: the stand-in's `category()` is never run.
    let categories = (!list.is_empty()).then(|| Categories {
        of_cause: vec![0; causes.len()],
        list,
    });
    let mut model = Model::stand_in(causes, categories, spec.status_code_range);
    // The lookup keeps its type: `&str` with a default phrase, else `Option<&str>`.
    model.default_reason_phrase = spec.default_reason_phrase.as_ref().map(|p| p.value.clone());
    model
}

fn cause(row: CauseSpec) -> model::Cause {
    let codes = |codes: Vec<Loc<u16>>| codes.into_iter().map(|c| c.value).collect();
    model::Cause {
        constant: row.constant.value,
        value: row.value.value,
        variant: row.variant.value,
        description: row.description.value,
        status_codes: codes(row.status_codes),
        in_dialog_status_codes: codes(row.in_dialog_status_codes),
        without_contact_status_codes: codes(row.without_contact_status_codes),
        response: row.response.map(|code| Response {
            code: code.value,
            maps_back: None,
            by_default: false,
        }),
        code: row.code.map(|code| code.value),
        aliases: row.aliases.into_iter().map(|a| a.value).collect(),
        report: row.report.map(|report| match report {
            ReportSpec::Reported(text) => Report::Reported(text.value),
            ReportSpec::Never(text) => Report::Never(text.value),
        }),
        fallback_of: Vec::new(),
    }
}

fn category(row: CategorySpec, causes: Vec<usize>) -> model::Category {
    model::Category {
        key: row.key.value,
        title: row.title.value,
        description: row.description.map(|d| d.value),
        variant: row.variant.value,
        causes,
    }
}

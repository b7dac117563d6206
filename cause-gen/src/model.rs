//! The checked table: the rows of the spec with every reference between them resolved to an
//! index, once, by `validate.rs`. The stages after validation (`docs.rs`, `expand.rs`) read
//! these facts and never look a name up again. Like the spec, it knows nothing about tokens.

use crate::spec::{CategorySpec, CauseSpec, ReasonPhrase, Spec};

/// A table that passed every check.
#[derive(Debug)]
pub struct Model {
    /// In table order: the variants of the cause enum.
    pub causes: Vec<Cause>,
    /// In table order: the variants of the category enum.
    pub categories: Vec<Category>,
    pub failure: Option<Failure>,
    /// Sorted by code.
    pub reason_phrases: Vec<ReasonPhrase>,
    /// Whether any cause has a `response`: only then do the docs give it a column.
    pub has_responses: bool,
    /// Whether any cause has `in-dialog-status-codes`: only then are their lookups generated.
    pub has_in_dialog: bool,
    /// Whether this is the stand-in of a table with errors (see [`Model::stand_in`]).
    pub stand_in: bool,
    /// How many causes have a `code`: it decides the type of the generated `code()`.
    pub row_codes: RowCodes,
}

/// Which rows have their own `code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowCodes {
    /// None: no `code()` or `from_code()` is generated.
    None,
    /// Some: `code()` returns an `Option<u16>`.
    Some,
    /// Every row: `code()` returns a `u16`.
    All,
}

/// One `[[cause]]`, with the index of its category in [`Model::categories`] (`None` in a
/// table without categories, for every cause).
#[derive(Debug)]
pub struct Cause {
    pub row: CauseSpec,
    pub category: Option<usize>,
}

/// One `[[category]]`, with the indices of its causes in [`Model::causes`], in table order.
#[derive(Debug)]
pub struct Category {
    pub row: CategorySpec,
    pub causes: Vec<usize>,
}

/// `[failure]`: the range of failure codes and the index of the fallback cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failure {
    pub low: u16,
    pub high: u16,
    pub fallback: usize,
}

impl Model {
    /// The model of `spec`, given the category index of each cause (in table order) and the
    /// resolved `[failure]`.
    pub fn new(
        spec: Spec,
        cause_categories: Vec<Option<usize>>,
        failure: Option<Failure>,
    ) -> Model {
        let mut categories: Vec<Category> = spec
            .categories
            .into_iter()
            .map(|row| Category {
                row,
                causes: Vec::new(),
            })
            .collect();
        for (index, category) in cause_categories.iter().enumerate() {
            if let Some(category) = *category {
                categories[category].causes.push(index);
            }
        }
        let has_responses = spec.causes.iter().any(|c| c.response.is_some());
        let has_in_dialog = spec
            .causes
            .iter()
            .any(|c| !c.in_dialog_status_codes.is_empty());
        let with_code = spec.causes.iter().filter(|c| c.code.is_some()).count();
        let row_codes = match with_code {
            0 => RowCodes::None,
            n if n == spec.causes.len() => RowCodes::All,
            _ => RowCodes::Some,
        };
        let causes = spec
            .causes
            .into_iter()
            .zip(cause_categories)
            .map(|(row, category)| Cause { row, category })
            .collect();
        Model {
            causes,
            categories,
            failure,
            reason_phrases: spec.reason_phrases,
            has_responses,
            has_in_dialog,
            row_codes,
            stand_in: false,
        }
    }

    /// The model of a table with nothing in it: what the stand-in items beside errors are
    /// made of. It has every optional method (`response`, `code`, the in-dialog lookups, a
    /// `for_failure_response` that finds nothing), so that no use of them in the caller's code
    /// adds an error to the table's own.
    pub fn stand_in() -> Model {
        let mut model = Model::new(Spec::empty(), Vec::new(), None);
        model.has_responses = true;
        model.has_in_dialog = true;
        model.row_codes = RowCodes::Some;
        model.stand_in = true;
        model
    }

    pub fn category_of(&self, cause: &Cause) -> Option<&Category> {
        cause.category.map(|index| &self.categories[index])
    }

    /// The causes of `category`, in table order.
    pub fn causes_in<'m>(&'m self, category: &'m Category) -> impl Iterator<Item = &'m Cause> {
        category.causes.iter().map(|&index| &self.causes[index])
    }

    /// The cause a failure response with `code` maps to, as the generated
    /// `for_failure_response` maps it: the cause listing it, else the fallback inside the
    /// failure range.
    pub fn failure_cause(&self, code: u16) -> Option<&Cause> {
        let failure = self.failure?;
        if !(failure.low..=failure.high).contains(&code) {
            return None;
        }
        let listing = self
            .causes
            .iter()
            .find(|cause| cause.row.status_codes.iter().any(|c| c.value == code));
        listing.or(Some(&self.causes[failure.fallback]))
    }

    pub fn reason_phrase(&self, code: u16) -> Option<&str> {
        let phrases = &self.reason_phrases;
        let index = phrases.binary_search_by_key(&code, |p| p.code.value).ok()?;
        Some(&phrases[index].phrase.value)
    }
}

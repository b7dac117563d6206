//! The checked table: every fact the later stages need, resolved once by `validate.rs` and
//! read, never looked up again, by `docs.rs` and `expand.rs`. Plain values, no positions (the
//! spec keeps those, for errors) and no tokens.

use std::collections::BTreeMap;

/// A table that passed every check, or the stand-in beside a table's errors.
#[derive(Debug)]
pub struct Model {
    /// In table order: the variants of the cause enum.
    pub causes: Vec<Cause>,
    /// The categories, where the table declares any.
    pub categories: Option<Categories>,
    pub failure: Option<Failure>,
    /// Sorted by code.
    pub reason_phrases: Vec<(u16, String)>,
    /// Whether any cause has a `response`: only then is `response()` generated and do the docs
    /// give it a column.
    pub has_responses: bool,
    /// Whether any cause has `in-dialog-status-codes`: only then are their lookups generated.
    pub has_in_dialog: bool,
    /// Which rows have a `code`: it decides whether `code()` is generated and its type.
    pub row_codes: RowCodes,
    /// `[ranges] status-codes`, where the table declares it.
    pub status_code_range: Option<(u16, u16)>,
    /// Where every row has a `code`: the integer type that holds every code the table allows
    /// (`"u8"` or `"u16"`), the enum's `repr`, its discriminants being the codes.
    pub code_repr: Option<&'static str>,
    pub mode: Mode,
}

/// What the model is made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A table that passed every check: its items, documented, with examples.
    Checked,
    /// The stand-in for a table with errors, emitted beside them so that the caller's uses of
    /// the items add no errors of their own: every optional method, no examples, no `repr`.
    StandIn,
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

/// One `[[cause]]`.
#[derive(Debug, Clone)]
pub struct Cause {
    pub constant: String,
    pub value: String,
    /// The enum variant's name.
    pub variant: String,
    pub description: String,
    pub status_codes: Vec<u16>,
    pub in_dialog_status_codes: Vec<u16>,
    pub response: Option<Response>,
    pub code: Option<u16>,
    pub aliases: Vec<String>,
    /// Whether this is `[failure] fallback`: it then also stands for every failure response
    /// that no cause lists.
    pub is_fallback: bool,
}

/// A cause's `response`, and the cause that response maps back to as a failure response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Response {
    pub code: u16,
    /// The index of `for_failure_response(code)`'s cause, with `[failure]`.
    pub maps_back: Option<usize>,
}

/// The `[[category]]` rows and which causes each holds.
#[derive(Debug)]
pub struct Categories {
    /// In table order: the variants of the category enum.
    pub list: Vec<Category>,
    /// The index in `list` of each cause's category, in table order of the causes.
    pub of_cause: Vec<usize>,
}

/// One `[[category]]`.
#[derive(Debug, Clone)]
pub struct Category {
    pub key: String,
    pub title: String,
    pub description: Option<String>,
    pub variant: String,
    /// The indices of its causes in [`Model::causes`], in table order.
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
    /// The model of a table whose rows' `code`s are at most `code_high`; the facts derived
    /// from the rows are computed here, once.
    pub fn new(
        causes: Vec<Cause>,
        categories: Option<Categories>,
        failure: Option<Failure>,
        reason_phrases: Vec<(u16, String)>,
        (code_high, mode): (u16, Mode),
    ) -> Model {
        let with_code = causes.iter().filter(|c| c.code.is_some()).count();
        let stand_in = mode == Mode::StandIn;
        // The stand-in has `code()` and the conversions whatever its rows, so that a use of
        // them adds no error.
        let row_codes = match with_code {
            _ if stand_in => RowCodes::All,
            0 => RowCodes::None,
            n if n == causes.len() => RowCodes::All,
            _ => RowCodes::Some,
        };
        // The stand-in has no discriminants: two of its rows may share a code (the error).
        let code_repr = (row_codes == RowCodes::All && !stand_in).then_some(
            if code_high <= u16::from(u8::MAX) {
                "u8"
            } else {
                "u16"
            },
        );
        let mut model = Model {
            has_responses: stand_in || causes.iter().any(|c| c.response.is_some()),
            has_in_dialog: stand_in || causes.iter().any(|c| !c.in_dialog_status_codes.is_empty()),
            causes,
            categories,
            failure,
            reason_phrases,
            row_codes,
            code_repr,
            status_code_range: None,
            mode,
        };
        model.resolve_failure_facts();
        model
    }

    /// Marks the fallback and resolves each response to the cause it maps back to.
    fn resolve_failure_facts(&mut self) {
        let Some(failure) = self.failure else {
            return;
        };
        self.causes[failure.fallback].is_fallback = true;
        let owners = self.status_code_owners();
        for cause in &mut self.causes {
            if let Some(response) = &mut cause.response {
                response.maps_back = failure_cause(failure, &owners, response.code);
            }
        }
    }

    /// The cause listing each status code in its `status-codes`.
    fn status_code_owners(&self) -> BTreeMap<u16, usize> {
        let mut owners = BTreeMap::new();
        for (index, cause) in self.causes.iter().enumerate() {
            for &code in &cause.status_codes {
                owners.entry(code).or_insert(index);
            }
        }
        owners
    }

    /// The index of the cause a failure response with `code` maps to, as the generated
    /// `for_failure_response` maps it.
    pub fn failure_cause(&self, code: u16) -> Option<usize> {
        let failure = self.failure?;
        failure_cause(failure, &self.status_code_owners(), code)
    }

    /// Whether this is the stand-in beside a table's errors.
    pub fn is_stand_in(&self) -> bool {
        self.mode == Mode::StandIn
    }

    /// The category of the cause at `index`, where the table has categories.
    pub fn category_of(&self, index: usize) -> Option<&Category> {
        let categories = self.categories.as_ref()?;
        Some(&categories.list[categories.of_cause[index]])
    }

    /// The categories, in table order (none in a table without them).
    pub fn category_list(&self) -> &[Category] {
        self.categories.as_ref().map_or(&[], |c| &c.list)
    }

    /// The causes of `category`, in table order.
    pub fn causes_in<'m>(&'m self, category: &'m Category) -> impl Iterator<Item = &'m Cause> {
        category.causes.iter().map(|&index| &self.causes[index])
    }

    pub fn reason_phrase(&self, code: u16) -> Option<&str> {
        let phrases = &self.reason_phrases;
        let index = phrases.binary_search_by_key(&code, |p| p.0).ok()?;
        Some(&phrases[index].1)
    }
}

/// The cause listing `code`, else the fallback inside the failure range.
fn failure_cause(failure: Failure, owners: &BTreeMap<u16, usize>, code: u16) -> Option<usize> {
    if !(failure.low..=failure.high).contains(&code) {
        return None;
    }
    Some(owners.get(&code).copied().unwrap_or(failure.fallback))
}

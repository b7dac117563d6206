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
    /// The `[failure]` ranges, sorted and disjoint (none without `[failure]`).
    pub failures: Vec<Failure>,
    /// `[defaults] response`: the response of a cause that gives none, and of a code that
    /// no row has (`response_for_code`).
    pub default_response: Option<u16>,
    /// Sorted by code.
    pub reason_phrases: Vec<(u16, String)>,
    /// `[defaults] reason-phrase`: the phrase of every code `reason_phrases` does not list;
    /// with it, the reason-phrase lookup answers every code.
    pub default_reason_phrase: Option<String>,
    /// `[table] responses = true`: only then is `response()` generated and do the docs give
    /// it a column.
    pub has_responses: bool,
    /// `[table] in-dialog-status-codes = true`: only then are their lookups generated.
    pub has_in_dialog: bool,
    /// `[table] without-contact-status-codes = true`: only then are their lookups generated.
    pub has_without_contact: bool,
    /// `[table] codes`: whether `code()` is generated and its type.
    pub row_codes: RowCodes,
    /// `[failure]` as one table: only then is `FALLBACK` generated (`[[failure]]` ranges each
    /// have their own, in `FAILURES`).
    pub has_fallback: bool,
    /// `[ranges] status-codes`, where the table declares it.
    pub status_code_range: Option<(u16, u16)>,
    /// Where every row has a `code`: the integer type that holds every code the table allows
    /// (`"u8"` or `"u16"`), the enum's `repr`, its discriminants being the codes.
    pub code_repr: Option<&'static str>,
    /// A checked table, or the stand-in beside errors.
    pub mode: Mode,
    /// `[reports] by`: who reports the values, where the table says; only then are
    /// `reported()` and `never_reported()` generated (always in the stand-in).
    pub reported_by: Option<String>,
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

/// Which rows have their own `code`, as `[table] codes` declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowCodes {
    /// None (no `codes`): no `code()` or `from_code()` is generated.
    None,
    /// `codes = "some-rows"`: `code()` returns an `Option<u16>`.
    Some,
    /// `codes = "every-row"`: `code()` returns a `u16`, the discriminant.
    All,
}

/// The shape of the generated API as the table declares it (`[table]`, and `[failure]` as one
/// table or as `[[failure]]` ranges), never as its rows happen to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// `[table] codes`.
    pub row_codes: RowCodes,
    /// `[table] responses`.
    pub responses: bool,
    /// `[table] in-dialog-status-codes`.
    pub in_dialog: bool,
    /// `[table] without-contact-status-codes`.
    pub without_contact: bool,
    /// `[failure]` as one table.
    pub fallback: bool,
}

impl Shape {
    /// What the stand-in beside errors has whatever its table: every optional item (but
    /// `FALLBACK`, which needs a row), so that a use of one adds no error.
    pub fn stand_in() -> Shape {
        Shape {
            row_codes: RowCodes::All,
            responses: true,
            in_dialog: true,
            without_contact: true,
            fallback: false,
        }
    }

    /// The shape with `row_codes`, `responses`, `in_dialog` and `fallback` as given, and no
    /// `without-contact-status-codes` (set the field where the table declares them).
    pub fn with(row_codes: RowCodes, responses: bool, in_dialog: bool, fallback: bool) -> Shape {
        Shape {
            row_codes,
            responses,
            in_dialog,
            without_contact: false,
            fallback,
        }
    }
}

/// One `[[cause]]`.
#[derive(Debug, Clone)]
pub struct Cause {
    /// `constant`: `BUSY`.
    pub constant: String,
    /// `value`, the string form: `Busy`.
    pub value: String,
    /// The enum variant's name.
    pub variant: String,
    /// `description`, markdown as the table writes it.
    pub description: String,
    /// `status-codes`, in table order.
    pub status_codes: Vec<u16>,
    /// `in-dialog-status-codes`, in table order.
    pub in_dialog_status_codes: Vec<u16>,
    /// `without-contact-status-codes`, in table order.
    pub without_contact_status_codes: Vec<u16>,
    /// `response`, or the table's default response.
    pub response: Option<Response>,
    /// `code`: the row's own number.
    pub code: Option<u16>,
    /// `aliases`: other spellings that parsing accepts.
    pub aliases: Vec<String>,
    /// `reported` or `never-reported`.
    pub report: Option<Report>,
    /// The `[failure]` ranges whose `fallback` this is: it then also stands for every failure
    /// response in them that no cause lists.
    pub fallback_of: Vec<(u16, u16)>,
}

/// Whether the table's reporter (`[reports] by`) reports a cause's value, as the row says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Report {
    /// `reported`: how (its event, and what triggers it), markdown.
    Reported(String),
    /// `never-reported`: what happens instead, markdown.
    Never(String),
}

/// A cause's `response`, and the cause that response maps back to as a failure response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Response {
    /// The status code.
    pub code: u16,
    /// The index of `for_failure_response(code)`'s cause, with `[failure]`.
    pub maps_back: Option<usize>,
    /// Whether it is the table's `[defaults] response`, the row giving none.
    pub by_default: bool,
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
    /// `key`: `sip-error`.
    pub key: String,
    /// `title`, plain text.
    pub title: String,
    /// `description`, markdown, where the row has one.
    pub description: Option<String>,
    /// The enum variant's name.
    pub variant: String,
    /// The indices of its causes in [`Model::causes`], in table order.
    pub causes: Vec<usize>,
}

/// A `[failure]` range of failure codes and the index of its fallback cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failure {
    /// The lowest code of the range.
    pub low: u16,
    /// The highest code of the range.
    pub high: u16,
    /// The index of the fallback cause in [`Model::causes`].
    pub fallback: usize,
}

impl Cause {
    /// The row as a stand-in keeps it: what names it (constant, variant, value, code), none
    /// of the codes or aliases that another row could clash with.
    pub fn for_stand_in(self) -> Cause {
        Cause {
            status_codes: Vec::new(),
            in_dialog_status_codes: Vec::new(),
            without_contact_status_codes: Vec::new(),
            response: None,
            aliases: Vec::new(),
            report: None,
            fallback_of: Vec::new(),
            ..self
        }
    }
}

impl Model {
    /// The model of a table of the declared `shape` whose rows' `code`s are at most
    /// `code_high`; the facts derived from the rows are computed here, once.
    pub fn new(
        causes: Vec<Cause>,
        categories: Option<Categories>,
        failures: Vec<Failure>,
        reason_phrases: Vec<(u16, String)>,
        (shape, code_high, mode): (Shape, u16, Mode),
    ) -> Model {
        let stand_in = mode == Mode::StandIn;
        // The stand-in has every optional item whatever its table, so that a use of one adds
        // no error.
        let shape = if stand_in { Shape::stand_in() } else { shape };
        let row_codes = shape.row_codes;
        // The stand-in has no discriminants: two of its rows may share a code (the error).
        let code_repr = (row_codes == RowCodes::All && !stand_in).then_some(
            if code_high <= u16::from(u8::MAX) {
                "u8"
            } else {
                "u16"
            },
        );
        let mut model = Model {
            has_responses: shape.responses,
            has_in_dialog: shape.in_dialog,
            has_without_contact: shape.without_contact,
            has_fallback: shape.fallback && failures.len() == 1,
            causes,
            categories,
            failures,
            default_response: None,
            default_reason_phrase: None,
            reason_phrases,
            row_codes,
            code_repr,
            status_code_range: None,
            mode,
            reported_by: None,
        };
        model.resolve_failure_facts();
        model
    }

    /// The stand-in for a table of which nothing parsed (or a call that names none): no rows.
    pub fn stand_in_without_rows() -> Model {
        let stand_in = (Shape::stand_in(), 0, Mode::StandIn);
        Model::new(Vec::new(), None, Vec::new(), Vec::new(), stand_in)
    }

    /// The stand-in for a valid table that the call does not fit (categories without their
    /// enum in the call, or the reverse): its rows, as the stand-in of a table with errors
    /// keeps them, without categories, so that the call's error is the only one.
    pub fn stand_in_of_rows(&self) -> Model {
        let causes = self.causes.iter().cloned().map(Cause::for_stand_in);
        Model::stand_in(causes.collect(), None, self.status_code_range)
    }

    /// A stand-in model of `causes` (already [`Cause::for_stand_in`]).
    pub fn stand_in(
        causes: Vec<Cause>,
        categories: Option<Categories>,
        status_code_range: Option<(u16, u16)>,
    ) -> Model {
        let stand_in = (Shape::stand_in(), 0, Mode::StandIn);
        let mut model = Model::new(causes, categories, Vec::new(), Vec::new(), stand_in);
        model.status_code_range = status_code_range;
        model
    }

    /// Marks each fallback with its ranges and resolves each response to the cause it maps
    /// back to.
    fn resolve_failure_facts(&mut self) {
        if self.failures.is_empty() {
            return;
        }
        for failure in &self.failures {
            let ranges = &mut self.causes[failure.fallback].fallback_of;
            ranges.push((failure.low, failure.high));
        }
        let owners = self.status_code_owners();
        let failures = self.failures.clone();
        for cause in &mut self.causes {
            if let Some(response) = &mut cause.response {
                response.maps_back = failure_cause(&failures, &owners, response.code);
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
        failure_cause(&self.failures, &self.status_code_owners(), code)
    }

    /// Every code of the failure span with the index of its cause, as `for_failure_response`
    /// maps it (the causes' codes gathered once, not once per code).
    pub fn failure_causes(&self) -> Vec<(u16, usize)> {
        let Some((low, high)) = self.failure_span() else {
            return Vec::new();
        };
        let owners = self.status_code_owners();
        let causes = (low..=high).map(|code| (code, failure_cause(&self.failures, &owners, code)));
        causes
            .filter_map(|(code, cause)| Some((code, cause?)))
            .collect()
    }

    /// The lowest and highest failure code, with `[failure]`.
    pub fn failure_span(&self) -> Option<(u16, u16)> {
        let first = self.failures.first()?;
        let last = self.failures.last()?;
        Some((first.low, last.high))
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

    /// The reason phrase of `code`, where `[reason-phrases]` gives one, else the table's
    /// `[defaults] reason-phrase`.
    pub fn reason_phrase(&self, code: u16) -> Option<&str> {
        let phrases = &self.reason_phrases;
        match phrases.binary_search_by_key(&code, |p| p.0) {
            Ok(index) => Some(&phrases[index].1),
            Err(_) => self.default_reason_phrase.as_deref(),
        }
    }
}

/// The cause listing `code`, else the fallback of the failure range it is in.
fn failure_cause(failures: &[Failure], owners: &BTreeMap<u16, usize>, code: u16) -> Option<usize> {
    let failure = failures.iter().find(|f| (f.low..=f.high).contains(&code))?;
    Some(owners.get(&code).copied().unwrap_or(failure.fallback))
}

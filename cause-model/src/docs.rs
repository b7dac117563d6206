//! The rustdoc of the enums generated from a table and of their variants, as plain strings:
//! the table described in markdown, one table of causes per category, each variant's facts and
//! example. `cause-gen` only splices them in (each generated method's own rustdoc is written
//! beside its tokens, in `cause-gen`'s `expand/`). Strings here, tokens there: so this crate
//! needs no Rust syntax crate and builds beside `proc-macro2` and `quote`.
//!
//! Descriptions are markdown written by whoever edits the table, so everything taken from it is
//! escaped for where it lands, by the rules of `markdown.rs`.

use std::fmt::Write as _;

use crate::markdown::{code_span, description_block, escape_html, inline, one_line, table_cell};
use crate::model::{Category, Cause, Model, Report, RowCodes};

/// What the docs need besides the table.
#[non_exhaustive]
pub struct DocContext<'a> {
    /// The checked table.
    pub model: &'a Model,
    /// The name of the generated cause enum (`Cause`).
    pub enum_name: String,
    /// The name of the generated category enum (`Category`), if the call names one.
    pub category_name: Option<String>,
    /// Whether the call declares a parse error, and so `FromStr` exists for the examples.
    pub parses: bool,
    /// Whether and how the variants' examples run.
    pub examples: ExampleMode,
}

impl<'a> DocContext<'a> {
    /// The context of `model`'s docs for the call's `enum_name` (and `category_name`), whether
    /// it `parses` and how its `examples` run.
    pub fn new(
        model: &'a Model,
        (enum_name, category_name): (String, Option<String>),
        parses: bool,
        examples: ExampleMode,
    ) -> Self {
        DocContext {
            model,
            enum_name,
            category_name,
            parses,
            examples,
        }
    }
}

/// Whether a variant's example is a doctest, and how it names the enum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExampleMode {
    /// No examples (the stand-in items beside errors).
    None,
    /// A doctest that `use`s the enum.
    Run(ExampleUse),
    /// Shown but not run (```` ```ignore ````), for the reason given (markdown).
    Show(ExampleUse, String),
}

/// How an example names the enum: `use` of the calling module's path (from `module_path!()`
/// where the item is expanded), or of a path the call gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExampleUse {
    /// `use` the enum from the module the macro expands in.
    ModulePath,
    /// `use` this path (`my_crate::jobs::JobCause`).
    Path(String),
}

/// A variant's rustdoc: its text, then its example, whose `use` line may need the compiler
/// (`module_path!()`), so it is spliced in by `cause-gen` between `open` and `body`.
pub struct VariantDoc {
    /// The description and the facts.
    pub text: String,
    /// The example, where the examples' mode has one.
    pub example: Option<ExampleDoc>,
}

/// An example in parts, around its `use` line.
pub struct ExampleDoc {
    /// The heading and the opening fence.
    pub open: String,
    /// How the example names the enum.
    pub use_line: ExampleUse,
    /// Whether the example names the category enum too, so the `use` brings it in.
    pub with_category: bool,
    /// The assertions and the closing fence.
    pub body: String,
}

impl DocContext<'_> {
    /// An example of `body` (assertions), as the examples' mode writes it: a doctest, shown
    /// unrun, or none.
    pub fn example(&self, body: String, with_category: bool) -> Option<ExampleDoc> {
        let (use_line, fence) = match &self.examples {
            ExampleMode::None => return None,
            ExampleMode::Run(use_line) => (use_line.clone(), "```"),
            ExampleMode::Show(use_line, _) => (use_line.clone(), "```ignore"),
        };
        Some(ExampleDoc {
            open: format!("\n# Example\n\n{fence}"),
            use_line,
            with_category,
            body: format!("\n{body}```\n"),
        })
    }

    /// The doc appended to the enum's own: one table per category.
    pub fn enum_doc(&self) -> String {
        let mut doc = String::from("\n# Causes\n");
        if self.model.categories.is_none() {
            // One table of every cause, in table order.
            doc.push('\n');
            doc.push_str(&self.table_head());
            for cause in &self.model.causes {
                doc.push_str(&self.table_row(cause));
            }
        }
        for category in self.model.category_list() {
            let _ = write!(doc, "\n## {}\n\n", escape_html(&one_line(&category.title)));
            if let Some(description) = &category.description {
                let _ = write!(doc, "{}\n\n", description_block(description));
            }
            doc.push_str(&self.table_head());
            for cause in self.model.causes_in(category) {
                doc.push_str(&self.table_row(cause));
            }
        }
        doc.push_str(&self.failure_note());
        if let ExampleMode::Show(_, reason) = &self.examples {
            let _ = write!(
                doc,
                "\nThe examples on the variants are shown but not run as doctests: {reason}.\n"
            );
        }
        doc
    }

    /// The optional columns of the tables: Code and Response, as `[table]` declares them.
    fn optional_columns(&self) -> (bool, bool) {
        (
            self.model.row_codes != RowCodes::None,
            self.model.has_responses,
        )
    }

    /// The head of a category's table.
    fn table_head(&self) -> String {
        let (code, response) = self.optional_columns();
        let mut names = vec!["Constant", "Value"];
        names.extend(code.then_some("Code"));
        names.push("Status codes");
        names.extend(response.then_some("Response"));
        names.push("Description");
        let rule: Vec<String> = names.iter().map(|n| "-".repeat(n.len() + 2)).collect();
        format!("| {} |\n|{}|\n", names.join(" | "), rule.join("|"))
    }

    fn table_row(&self, cause: &Cause) -> String {
        let (code, response) = self.optional_columns();
        let mut cells = vec![self.link(cause), table_cell(&code_span(&cause.value))];
        if code {
            let text = cause.code.map(|c| c.to_string());
            cells.push(table_cell(&text.unwrap_or_default()));
        }
        cells.push(table_cell(&self.codes_cell(cause)));
        if response {
            let text = cause.response.map(|r| self.code_text(r.code));
            cells.push(table_cell(&text.unwrap_or_default()));
        }
        cells.push(table_cell(&cause.description));
        format!("| {} |\n", cells.join(" | "))
    }

    /// `486 Busy Here`, or `486` for a code without a phrase.
    fn code_text(&self, code: u16) -> String {
        match self.model.reason_phrase(code) {
            Some(phrase) if !phrase.is_empty() => format!("{code} {}", one_line(phrase)),
            _ => code.to_string(),
        }
    }

    /// `` [`BUSY`](Cause::Busy) ``
    fn link(&self, cause: &Cause) -> String {
        let constant = code_span(&cause.constant);
        format!("[{constant}]({}::{})", self.enum_name, cause.variant)
    }

    fn codes_cell(&self, cause: &Cause) -> String {
        let mut cell = self.status_codes_text(cause);
        if !cause.in_dialog_status_codes.is_empty() {
            if !cell.is_empty() {
                cell.push_str("; ");
            }
            cell.push_str("in a dialog: ");
            cell.push_str(&self.codes_text(&cause.in_dialog_status_codes));
        }
        if !cause.without_contact_status_codes.is_empty() {
            if !cell.is_empty() {
                cell.push_str("; ");
            }
            cell.push_str("without a `Contact`: ");
            cell.push_str(&self.codes_text(&cause.without_contact_status_codes));
        }
        cell
    }

    /// The codes a cause's `status-codes` list; for the fallback, what it stands for: the
    /// responses no cause lists.
    fn status_codes_text(&self, cause: &Cause) -> String {
        let listed = self.codes_text(&cause.status_codes);
        if cause.fallback_of.is_empty() {
            return listed;
        }
        let rest = unlisted_codes(&cause.fallback_of, "cause");
        if listed.is_empty() {
            rest
        } else {
            format!("{listed}, and {rest}")
        }
    }

    /// `486 Busy Here, 600 Busy Everywhere`
    fn codes_text(&self, codes: &[u16]) -> String {
        let codes: Vec<String> = codes.iter().map(|&code| self.code_text(code)).collect();
        codes.join(", ")
    }

    /// One line per `[failure]` range: where its unlisted codes go.
    fn failure_note(&self) -> String {
        let mut note = String::new();
        for failure in &self.model.failures {
            let fallback = self.link(&self.model.causes[failure.fallback]);
            let (low, high) = (failure.low, failure.high);
            let _ = write!(
                note,
                "\nA {} ({low}..={high}) whose code no cause lists maps to {fallback}.\n",
                ResponseKind::of(&[(low, high)]).one(),
            );
        }
        note
    }

    /// The doc of the variant of the cause at `index`: its description, its facts, and an
    /// example.
    pub fn variant_doc(&self, index: usize) -> VariantDoc {
        let cause = &self.model.causes[index];
        let mut doc = description_block(&cause.description);
        doc.push_str("\n\n");
        let mut fact = |name: &str, text: String| {
            let _ = writeln!(doc, "- {name}: {}", inline(&text));
        };
        fact("Constant", code_span(&cause.constant));
        fact("Value", code_span(&cause.value));
        if let Some(code) = cause.code {
            fact("Code", code.to_string());
        }
        if let (Some(category), Some(name)) = (self.model.category_of(index), &self.category_name) {
            fact(
                "Category",
                format!("[{}]({name}::{})", category.title, category.variant),
            );
        }
        let status_codes = self.status_codes_text(cause);
        if !status_codes.is_empty() {
            fact("Status codes", status_codes);
        }
        if !cause.in_dialog_status_codes.is_empty() {
            let codes = self.codes_text(&cause.in_dialog_status_codes);
            fact("In-dialog status codes", codes);
        }
        if !cause.without_contact_status_codes.is_empty() {
            let codes = self.codes_text(&cause.without_contact_status_codes);
            fact("Redirects without a `Contact`", codes);
        }
        if let Some(response) = cause.response {
            let mut text = self.code_text(response.code);
            if response.by_default {
                text.push_str(" (the table's `[defaults] response`)");
            }
            if let Some(back) = response.maps_back {
                let _ = write!(
                    text,
                    ", which maps back to {}",
                    self.link(&self.model.causes[back])
                );
            }
            fact("Response", text);
        }
        if !cause.aliases.is_empty() {
            let aliases: Vec<String> = cause.aliases.iter().map(|a| code_span(a)).collect();
            fact("Also parsed from", aliases.join(", "));
        }
        if let (Some(report), Some(by)) = (&cause.report, &self.model.reported_by) {
            match report {
                Report::Reported(how) => fact(&format!("Reported by {by}"), how.clone()),
                Report::Never(instead) => {
                    fact(&format!("**Never reported by {by}**"), instead.clone());
                }
            }
        }
        VariantDoc {
            text: doc,
            example: self.example(self.variant_example(cause), false),
        }
    }

    /// The assertions of a variant's example: each lookup that finds it.
    fn variant_example(&self, cause: &Cause) -> String {
        let name = &self.enum_name;
        let variant = format!("{name}::{}", cause.variant);
        let value = &cause.value;
        let mut example = format!("assert_eq!({variant}.as_str(), {value:?});\n");
        if self.parses {
            let _ = writeln!(
                example,
                "assert_eq!({value:?}.parse::<{name}>(), Ok({variant}));"
            );
        }
        let constant = &cause.constant;
        let _ = writeln!(
            example,
            "assert_eq!({name}::from_name({constant:?}), Some({variant}));"
        );
        if let Some(code) = cause.status_codes.first() {
            let _ = writeln!(
                example,
                "assert_eq!({name}::from_status_code({code}), Some({variant}));"
            );
        }
        if let Some(response) = cause.response {
            let _ = writeln!(
                example,
                "assert_eq!({variant}.response(), Some({}));",
                response.code
            );
        }
        if let Some(code) = cause.code {
            let returned = match self.model.row_codes {
                RowCodes::All => code.to_string(),
                _ => format!("Some({code})"),
            };
            let _ = writeln!(example, "assert_eq!({variant}.code(), {returned});");
            let _ = writeln!(
                example,
                "assert_eq!({name}::from_code({code}), Some({variant}));"
            );
        }
        if let Some(code) = cause.in_dialog_status_codes.first() {
            let _ = writeln!(
                example,
                "assert_eq!({name}::for_in_dialog_failure({code}), Some({variant}));"
            );
        }
        if let Some(code) = cause.without_contact_status_codes.first() {
            let _ = writeln!(
                example,
                "assert_eq!({name}::for_redirect_without_contact({code}), Some({variant}));"
            );
        }
        example
    }

    /// A category variant's doc: its title, description and the constants it holds.
    pub fn category_doc(&self, category: &Category) -> String {
        let mut doc = escape_html(&one_line(&category.title));
        if let Some(description) = &category.description {
            let _ = write!(doc, "\n\n{}", description_block(description));
        }
        let members = self.model.causes_in(category).map(|c| self.link(c));
        let members: Vec<String> = members.collect();
        let _ = write!(doc, "\n\nCauses: {}.", members.join(", "));
        doc
    }
}

/// What a fallback stands for: every code of its `[failure]` `ranges` that no other of the
/// table's `rows` (`cause`, `reason`) lists, named for what those codes are: `every failure
/// response (300..=699) no other cause lists`, but `every response (100..=399) ...` for a range
/// that holds provisional or success responses too. One rule for the generated docs and for
/// whatever else shows a table (the `sip-cause` tool).
///
/// ```
/// use cause_model::docs::unlisted_codes;
///
/// assert_eq!(unlisted_codes(&[(300, 699)], "cause"), "every failure response (300..=699) no other cause lists");
/// assert_eq!(unlisted_codes(&[(100, 399)], "cause"), "every response (100..=399) no other cause lists");
/// assert_eq!(
///     unlisted_codes(&[(300, 300), (303, 400), (423, 699)], "reason"),
///     "every failure response (300, 303..=400 or 423..=699) no other reason lists",
/// );
/// ```
pub fn unlisted_codes(ranges: &[(u16, u16)], rows: &str) -> String {
    let every = ResponseKind::of(ranges).every();
    format!(
        "every {every} ({}) no other {rows} lists",
        ranges_text(ranges)
    )
}

/// What the codes of some ranges are, named by the lowest: a failure response is a final
/// response from 300 up (SIP's non-2xx final responses), and a range that starts lower holds
/// responses that are no failures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ResponseKind {
    /// 300 to 699.
    Failure,
    /// 200 and up: final, 2xx included.
    Final,
    /// From 100: provisional ones too.
    Any,
}

impl ResponseKind {
    fn of(ranges: &[(u16, u16)]) -> Self {
        match ranges.iter().map(|&(low, _)| low).min() {
            Some(300..) => ResponseKind::Failure,
            Some(200..) => ResponseKind::Final,
            _ => ResponseKind::Any,
        }
    }

    /// After "every".
    fn every(self) -> &'static str {
        match self {
            ResponseKind::Failure => "failure response",
            ResponseKind::Final => "final response",
            ResponseKind::Any => "response",
        }
    }

    /// After "A".
    fn one(self) -> &'static str {
        match self {
            ResponseKind::Failure => "final failure response",
            ResponseKind::Final => "final response",
            ResponseKind::Any => "response",
        }
    }
}

/// `300..=699`, `300, 303..=400 or 423..=699`: a single code as itself.
fn ranges_text(ranges: &[(u16, u16)]) -> String {
    let mut parts: Vec<String> = ranges
        .iter()
        .map(|&(low, high)| match low == high {
            true => low.to_string(),
            false => format!("{low}..={high}"),
        })
        .collect();
    let last = parts.pop().unwrap_or_default();
    match parts.is_empty() {
        true => last,
        false => format!("{} or {last}", parts.join(", ")),
    }
}

//! The generated rustdoc, as plain strings: `expand.rs` only splices them in.
//!
//! Descriptions are markdown written by whoever edits the table, so everything taken from it is
//! escaped for where it lands, by the rules of `markdown.rs`.

use std::fmt::Write as _;

use crate::diag::Loc;
use crate::markdown::{code_span, description_block, escape_html, inline, one_line, table_cell};
use crate::model::{Category, Cause, Model, RowCodes};
use crate::spec::CauseSpec;

/// What the docs need besides the table.
pub struct DocContext<'a> {
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
    ModulePath,
    Path(String),
}

/// A variant's rustdoc: its text, then its example, whose `use` line may need the compiler
/// (`module_path!()`), so it is spliced in by `expand.rs` between `open` and `body`.
pub struct VariantDoc {
    pub text: String,
    pub example: Option<ExampleDoc>,
}

pub struct ExampleDoc {
    /// The heading and the opening fence.
    pub open: String,
    pub use_line: ExampleUse,
    /// Whether the example names the category enum too, so the `use` brings it in.
    pub with_category: bool,
    /// The assertions and the closing fence.
    pub body: String,
}

impl DocContext<'_> {
    /// The doc appended to the enum's own: one table per category.
    pub fn enum_doc(&self) -> String {
        let mut doc = String::from("\n# Causes\n");
        if self.model.categories.is_empty() {
            // One table of every cause, in table order.
            doc.push('\n');
            doc.push_str(&self.table_head());
            for cause in &self.model.causes {
                doc.push_str(&self.table_row(cause));
            }
        }
        for category in &self.model.categories {
            let _ = write!(
                doc,
                "\n## {}\n\n",
                escape_html(&one_line(&category.row.title.value))
            );
            if let Some(description) = &category.row.description {
                let _ = write!(doc, "{}\n\n", description_block(&description.value));
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

    /// The optional columns of the tables: Code when rows have their own `code`, Response
    /// when some cause has one.
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
        let row = &cause.row;
        let (code, response) = self.optional_columns();
        let mut cells = vec![
            format!(
                "[{}]({}::{})",
                code_span(&row.constant.value),
                self.enum_name,
                row.variant.value
            ),
            table_cell(&code_span(&row.value.value)),
        ];
        if code {
            cells.push(table_cell(
                &row.code
                    .as_ref()
                    .map(|c| c.value.to_string())
                    .unwrap_or_default(),
            ));
        }
        cells.push(table_cell(&self.codes_cell(cause)));
        if response {
            let text = row.response.as_ref().map(|code| self.code_text(code.value));
            cells.push(table_cell(&text.unwrap_or_default()));
        }
        cells.push(table_cell(&row.description.value));
        format!("| {} |\n", cells.join(" | "))
    }

    /// `486 Busy Here`, or `486` for a code without a phrase.
    fn code_text(&self, code: u16) -> String {
        match self.model.reason_phrase(code) {
            Some(phrase) => format!("{code} {}", one_line(phrase)),
            None => code.to_string(),
        }
    }

    fn codes_cell(&self, cause: &Cause) -> String {
        let mut cell = self.status_codes_text(cause);
        let cause = &cause.row;
        if !cause.in_dialog_status_codes.is_empty() {
            if !cell.is_empty() {
                cell.push_str("; ");
            }
            cell.push_str("in a dialog: ");
            cell.push_str(&self.codes_text(&cause.in_dialog_status_codes));
        }
        cell
    }

    /// The codes a cause's `status-codes` list; for the fallback, what it stands for: the
    /// failure responses no cause lists.
    fn status_codes_text(&self, cause: &Cause) -> String {
        let listed = self.codes_text(&cause.row.status_codes);
        let Some(failure) = self.model.failure else {
            return listed;
        };
        if !std::ptr::eq(cause, &self.model.causes[failure.fallback]) {
            return listed;
        }
        let rest = format!(
            "every failure response ({}..={}) no other cause lists",
            failure.low, failure.high
        );
        if listed.is_empty() {
            rest
        } else {
            format!("{listed}, and {rest}")
        }
    }

    /// `486 Busy Here, 600 Busy Everywhere`
    fn codes_text(&self, codes: &[Loc<u16>]) -> String {
        let codes: Vec<String> = codes
            .iter()
            .map(|code| self.code_text(code.value))
            .collect();
        codes.join(", ")
    }

    fn failure_note(&self) -> String {
        let Some(failure) = self.model.failure else {
            return String::new();
        };
        let fallback = &self.model.causes[failure.fallback];
        format!(
            "\nA final failure response ({}..={}) whose code no cause lists maps to [{}]({}::{}).\n",
            failure.low,
            failure.high,
            code_span(&fallback.row.constant.value),
            self.enum_name,
            fallback.row.variant.value
        )
    }

    /// A variant's own doc: its description, its facts, and an example.
    pub fn variant_doc(&self, cause: &Cause) -> VariantDoc {
        let category = self.model.category_of(cause).map(|c| &c.row);
        let status_codes = self.status_codes_text(cause);
        let response = cause
            .row
            .response
            .as_ref()
            .map(|code| self.response_fact(code.value));
        let cause = &cause.row;
        let mut doc = description_block(&cause.description.value);
        doc.push_str("\n\n");
        let mut fact = |name: &str, text: String| {
            let _ = writeln!(doc, "- {name}: {}", inline(&text));
        };
        fact("Constant", code_span(&cause.constant.value));
        fact("Value", code_span(&cause.value.value));
        if let Some(code) = &cause.code {
            fact("Code", code.value.to_string());
        }
        if let (Some(category), Some(name)) = (category, &self.category_name) {
            let link = format!(
                "[{}]({name}::{})",
                category.title.value, category.variant.value
            );
            fact("Category", link);
        }
        if !status_codes.is_empty() {
            fact("Status codes", status_codes);
        }
        if !cause.in_dialog_status_codes.is_empty() {
            fact(
                "In-dialog status codes",
                self.codes_text(&cause.in_dialog_status_codes),
            );
        }
        if let Some(response) = response {
            fact("Response", response);
        }
        if !cause.aliases.is_empty() {
            let aliases: Vec<String> = cause.aliases.iter().map(|a| code_span(&a.value)).collect();
            fact("Also parsed from", aliases.join(", "));
        }
        VariantDoc {
            text: doc,
            example: self.variant_example(cause),
        }
    }

    /// `480 Temporarily Unavailable, which maps back to [`UNAVAILABLE`](Cause::Unavailable)`.
    fn response_fact(&self, code: u16) -> String {
        let mut text = self.code_text(code);
        if let Some(back) = self.model.failure_cause(code) {
            let _ = write!(
                text,
                ", which maps back to [{}]({}::{})",
                code_span(&back.row.constant.value),
                self.enum_name,
                back.row.variant.value
            );
        }
        text
    }

    fn variant_example(&self, cause: &CauseSpec) -> Option<ExampleDoc> {
        let (use_line, fence) = match &self.examples {
            ExampleMode::None => return None,
            ExampleMode::Run(use_line) => (use_line.clone(), "```"),
            ExampleMode::Show(use_line, _) => (use_line.clone(), "```ignore"),
        };
        let name = &self.enum_name;
        let variant = format!("{name}::{}", cause.variant.value);
        let value = &cause.value.value;
        let mut example = format!("\nassert_eq!({variant}.as_str(), {value:?});\n");
        if self.parses {
            let _ = writeln!(
                example,
                "assert_eq!({value:?}.parse::<{name}>(), Ok({variant}));"
            );
        }
        let _ = writeln!(
            example,
            "assert_eq!({name}::from_name({:?}), Some({variant}));",
            cause.constant.value
        );
        if let Some(code) = cause.status_codes.first() {
            let _ = writeln!(
                example,
                "assert_eq!({name}::from_status_code({}), Some({variant}));",
                code.value
            );
        }
        if let Some(code) = &cause.response {
            let _ = writeln!(
                example,
                "assert_eq!({variant}.response(), Some({}));",
                code.value
            );
        }
        if let Some(code) = &cause.code {
            let code = code.value;
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
                "assert_eq!({name}::for_in_dialog_failure({}), Some({variant}));",
                code.value
            );
        }
        example.push_str("```\n");
        Some(ExampleDoc {
            open: format!("\n# Example\n\n{fence}"),
            use_line,
            with_category: false,
            body: example,
        })
    }

    /// A category variant's doc: its title, description and the constants it holds.
    pub fn category_doc(&self, category: &Category) -> String {
        let row = &category.row;
        let mut doc = escape_html(&one_line(&row.title.value));
        if let Some(description) = &row.description {
            let _ = write!(doc, "\n\n{}", description_block(&description.value));
        }
        let members: Vec<String> = self
            .model
            .causes_in(category)
            .map(|c| {
                format!(
                    "[{}]({}::{})",
                    code_span(&c.row.constant.value),
                    self.enum_name,
                    c.row.variant.value
                )
            })
            .collect();
        let _ = write!(doc, "\n\nCauses: {}.", members.join(", "));
        doc
    }
}

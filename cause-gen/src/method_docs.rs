//! The examples of the generated methods and constants, as plain strings: a few assertions on
//! the table's own rows (the first cause, the first code…), so that each runs as a doctest
//! and shows real values. `expand.rs` splices them in with the `use` line.

use std::fmt::Write as _;

use crate::diag::Loc;
use crate::docs::{DocContext, ExampleDoc, ExampleMode};
use crate::model::{Cause, RowCodes};

/// A generated method or constant that gets an example.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    All,
    Name,
    AsStr,
    Description,
    Category,
    StatusCodes,
    InDialogStatusCodes,
    Response,
    Aliases,
    FromName,
    FromStatusCode,
    FailureCodes,
    Fallback,
    ForFailureResponse,
    ForInDialogFailure,
    Code,
    FromCode,
    CategoryAll,
    CategoryKey,
    CategoryTitle,
    CategoryCauses,
    ErrorInput,
}

impl DocContext<'_> {
    /// The example of `method`, or `None` where there is no example (beside errors, or a
    /// table without a row to show it on).
    pub fn method_example(&self, method: Method) -> Option<ExampleDoc> {
        let (use_line, fence) = match &self.examples {
            ExampleMode::None => return None,
            ExampleMode::Run(use_line) => (use_line.clone(), "```"),
            ExampleMode::Show(use_line, _) => (use_line.clone(), "```ignore"),
        };
        let body = self.method_body(method)?;
        let with_category = matches!(
            method,
            Method::Category
                | Method::CategoryAll
                | Method::CategoryKey
                | Method::CategoryTitle
                | Method::CategoryCauses
        );
        Some(ExampleDoc {
            open: format!("\n# Example\n\n{fence}"),
            use_line,
            with_category,
            body: format!("\n{body}```\n"),
        })
    }

    /// `Cause::Busy`
    fn path(&self, cause: &Cause) -> String {
        format!("{}::{}", self.enum_name, cause.row.variant.value)
    }

    /// The first cause with something to show for `has`.
    fn first(&self, has: impl Fn(&Cause) -> bool) -> Option<&Cause> {
        self.model.causes.iter().find(|c| has(c))
    }

    /// `assert_eq!(Cause::Busy.status_codes(), &[486, 600]);` for the first cause with codes in
    /// `list`; `call` has `{p}` where the cause goes.
    fn code_list_example(
        &self,
        out: &mut String,
        list: fn(&Cause) -> &[Loc<u16>],
        call: &str,
    ) -> Option<()> {
        let cause = self.first(|c| !list(c).is_empty())?;
        let codes: Vec<String> = list(cause).iter().map(|c| c.value.to_string()).collect();
        let call = call.replace("{p}", &self.path(cause));
        let _ = writeln!(out, "assert_eq!({call}, &[{}]);", codes.join(", "));
        Some(())
    }

    /// `assert_eq!(Cause::from_status_code(486), Some(Cause::Busy));` for the first cause with
    /// codes in `list`; `call` has `{code}` where its first code goes.
    fn code_lookup_example(
        &self,
        out: &mut String,
        list: fn(&Cause) -> &[Loc<u16>],
        call: &str,
    ) -> Option<()> {
        let cause = self.first(|c| !list(c).is_empty())?;
        let call = call.replace("{code}", &list(cause)[0].value.to_string());
        let _ = writeln!(out, "assert_eq!({call}, Some({}));", self.path(cause));
        Some(())
    }

    fn method_body(&self, method: Method) -> Option<String> {
        let name = &self.enum_name;
        let first = self.model.causes.first()?;
        let v = self.path(first);
        let row = &first.row;
        let mut out = String::new();
        match method {
            Method::All => {
                let _ = writeln!(
                    out,
                    "assert_eq!({name}::ALL.len(), {});",
                    self.model.causes.len()
                );
                let _ = writeln!(out, "assert_eq!({name}::ALL[0], {v});");
            }
            Method::Name => {
                let _ = writeln!(out, "assert_eq!({v}.name(), {:?});", row.constant.value);
            }
            Method::AsStr => {
                let value = &row.value.value;
                let _ = writeln!(out, "assert_eq!({v}.as_str(), {value:?});");
                let _ = writeln!(out, "assert_eq!({v}.to_string(), {value:?});");
            }
            Method::Description => {
                let start: String = row.description.value.chars().take(24).collect();
                let _ = writeln!(out, "assert!({v}.description().starts_with({start:?}));");
            }
            Method::Category => {
                let category = &self.model.category_of(first)?.row;
                let cat = self.category_name.as_ref()?;
                let _ = writeln!(
                    out,
                    "assert_eq!({v}.category(), {cat}::{});",
                    category.variant.value
                );
            }
            Method::StatusCodes => {
                self.code_list_example(&mut out, |c| &c.row.status_codes, "{p}.status_codes()")?;
            }
            Method::FromStatusCode => {
                let call = format!("{name}::from_status_code({{code}})");
                self.code_lookup_example(&mut out, |c| &c.row.status_codes, &call)?;
            }
            Method::InDialogStatusCodes => {
                let call = "{p}.in_dialog_status_codes()";
                self.code_list_example(&mut out, |c| &c.row.in_dialog_status_codes, call)?;
            }
            Method::ForInDialogFailure => {
                let call = format!("{name}::for_in_dialog_failure({{code}})");
                self.code_lookup_example(&mut out, |c| &c.row.in_dialog_status_codes, &call)?;
            }
            Method::Response => {
                let cause = self.first(|c| c.row.response.is_some())?;
                let code = cause.row.response.as_ref()?.value;
                let _ = writeln!(
                    out,
                    "assert_eq!({}.response(), Some({code}));",
                    self.path(cause)
                );
                if let Some(none) = self.first(|c| c.row.response.is_none()) {
                    let _ = writeln!(out, "assert_eq!({}.response(), None);", self.path(none));
                }
            }
            Method::Aliases => match self.first(|c| !c.row.aliases.is_empty()) {
                Some(cause) => {
                    let alias = &cause.row.aliases[0].value;
                    let p = self.path(cause);
                    let _ = writeln!(out, "assert!({p}.aliases().contains(&{alias:?}));");
                    if self.parses {
                        let _ = writeln!(out, "assert_eq!({alias:?}.parse::<{name}>(), Ok({p}));");
                    }
                }
                None => {
                    let _ = writeln!(out, "assert!({v}.aliases().is_empty());");
                }
            },
            Method::FromName => {
                let _ = writeln!(
                    out,
                    "assert_eq!({name}::from_name({:?}), Some({v}));",
                    row.constant.value
                );
                let _ = writeln!(
                    out,
                    "assert_eq!({name}::from_name(\"no such constant\"), None);"
                );
            }
            Method::FailureCodes | Method::Fallback | Method::ForFailureResponse => {
                let failure = self.model.failure?;
                let fallback = self.path(&self.model.causes[failure.fallback]);
                match method {
                    Method::FailureCodes => {
                        let _ = writeln!(
                            out,
                            "assert_eq!({name}::FAILURE_CODES, {}..={});",
                            failure.low, failure.high
                        );
                    }
                    Method::Fallback => {
                        let _ = writeln!(out, "assert_eq!({name}::FALLBACK, {fallback});");
                    }
                    _ => {
                        let low = failure.low;
                        let expected = self.path(self.model.failure_cause(low)?);
                        let _ = writeln!(
                            out,
                            "assert_eq!({name}::for_failure_response({low}), Some({expected}));"
                        );
                        if let Some(below) = low.checked_sub(1) {
                            let _ = writeln!(
                                out,
                                "assert_eq!({name}::for_failure_response({below}), None);"
                            );
                        }
                    }
                }
            }
            Method::Code | Method::FromCode => {
                let cause = self.first(|c| c.row.code.is_some())?;
                let code = cause.row.code.as_ref()?.value;
                let p = self.path(cause);
                if method == Method::Code {
                    let returned = match self.model.row_codes {
                        RowCodes::All => code.to_string(),
                        _ => format!("Some({code})"),
                    };
                    let _ = writeln!(out, "assert_eq!({p}.code(), {returned});");
                } else {
                    let _ = writeln!(out, "assert_eq!({name}::from_code({code}), Some({p}));");
                }
            }
            Method::CategoryAll
            | Method::CategoryKey
            | Method::CategoryTitle
            | Method::CategoryCauses => {
                let cat = self.category_name.as_ref()?;
                let category = self.model.categories.first()?;
                let c = format!("{cat}::{}", category.row.variant.value);
                let _ = match method {
                    Method::CategoryAll => writeln!(
                        out,
                        "assert_eq!({cat}::ALL.len(), {});\nassert_eq!({cat}::ALL[0], {c});",
                        self.model.categories.len()
                    ),
                    Method::CategoryKey => {
                        writeln!(out, "assert_eq!({c}.key(), {:?});", category.row.key.value)
                    }
                    Method::CategoryTitle => writeln!(
                        out,
                        "assert_eq!({c}.title(), {:?});\nassert_eq!({c}.to_string(), {:?});",
                        category.row.title.value, category.row.title.value
                    ),
                    _ => {
                        let member = self.path(self.model.causes_in(category).next()?);
                        writeln!(out, "assert!({c}.causes().contains(&{member}));")
                    }
                };
            }
            Method::ErrorInput => {
                // A trailing space: no value or alias can end in one.
                let _ = writeln!(out, "let error = \"nope \".parse::<{name}>().unwrap_err();");
                let _ = writeln!(
                    out,
                    "assert_eq!(error.input(), \"nope \");\nassert!(!error.is_cut());"
                );
            }
        }
        Some(out)
    }
}

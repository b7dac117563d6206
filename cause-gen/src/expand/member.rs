//! One generated method or constant as its function writes it: rustdoc, example and item side
//! by side, emitted in that order. Here too the examples' `use` line is made (from
//! `module_path!()`, which rustdoc evaluates where the enum is expanded, or from the path the
//! call gives) and whether they run is decided.

use std::fmt::Write as _;

use super::{Generator, doc_attr, join, lit};
use crate::input::{ExamplesAttr, Input};
use cause_model::docs::{ExampleDoc, ExampleMode, ExampleUse};
use cause_model::model::{Cause, Model};

/// A generated method or constant.
pub struct Member {
    /// The rustdoc, one line per `///` line.
    pub doc: String,
    /// The example's assertions, where the table has a row to show them on.
    pub example: Option<String>,
    /// Whether the example names the category enum, so that its `use` brings it in.
    pub with_category: bool,
    /// The item, with its attributes.
    pub item: String,
}

/// The function of one member: its code, or none where the table does not call for it.
pub type MemberFn = fn(&Generator) -> Option<Member>;

impl Generator<'_> {
    /// The member's code, or nothing for `None`.
    pub(super) fn member(&self, member: MemberFn) -> String {
        let Some(Member {
            doc,
            example,
            with_category,
            item,
        }) = member(self)
        else {
            return String::new();
        };
        let doc = join(doc.lines().map(|line| doc_attr(&format!(" {line}"))));
        let example = example.and_then(|body| self.docs.example(body, with_category));
        let example = example.map(|example| self.example_attrs(example));
        let example = example.unwrap_or_default();
        format!("{doc} {example} {item}")
    }

    /// An example as doc attributes; its `use` line names the module the enum is expanded in
    /// with `module_path!()`, which rustdoc evaluates, so it runs wherever a `pub` enum lives.
    pub(super) fn example_attrs(&self, example: ExampleDoc) -> String {
        let ExampleDoc {
            open,
            use_line,
            with_category,
            body,
        } = example;
        let category = self.input.category.as_ref().filter(|_| with_category);
        let category = category.map(|item| item.ident.name());
        let cause = self.input.cause.ident.name();
        let use_line = match use_line {
            ExampleUse::ModulePath => {
                let names = match &category {
                    Some(category) => format!("{{{cause}, {category}}}"),
                    None => cause.to_owned(),
                };
                let names = lit(&names);
                format!(r#"::core::concat!("use ", ::core::module_path!(), "::", {names}, ";")"#)
            }
            ExampleUse::Path(path) => {
                let mut line = format!("use {path};");
                if let (Some(category), Some((parent, _))) = (&category, path.rsplit_once("::")) {
                    line.push_str(&format!("\nuse {parent}::{category};"));
                }
                lit(&line)
            }
        };
        let (open, body) = (lit(&open), lit(&body));
        format!("#[doc = {open}] #[doc = {use_line}] #[doc = {body}]")
    }

    /// `Cause::Busy`, as an example names it.
    pub(super) fn path(&self, cause: &Cause) -> String {
        format!("{}::{}", self.docs.enum_name, cause.variant)
    }

    /// The first cause with something to show for `has`.
    pub(super) fn first(&self, has: impl Fn(&Cause) -> bool) -> Option<&Cause> {
        self.model.causes.iter().find(|c| has(c))
    }

    /// `assert_eq!(Cause::Busy.status_codes(), &[486, 600]);` for the first cause with codes in
    /// `list`; `call` has `{p}` where the cause goes.
    pub(super) fn code_list_example(
        &self,
        list: fn(&Cause) -> &[u16],
        call: &str,
    ) -> Option<String> {
        let cause = self.first(|c| !list(c).is_empty())?;
        let codes: Vec<String> = list(cause).iter().map(u16::to_string).collect();
        let call = call.replace("{p}", &self.path(cause));
        Some(format!("assert_eq!({call}, &[{}]);\n", codes.join(", ")))
    }

    /// `assert_eq!(Cause::from_status_code(486), Some(Cause::Busy));` for the first cause with
    /// codes in `list`; `call` has `{code}` where its first code goes.
    pub(super) fn code_lookup_example(
        &self,
        list: fn(&Cause) -> &[u16],
        call: &str,
    ) -> Option<String> {
        let cause = self.first(|c| !list(c).is_empty())?;
        let call = call.replace("{code}", &list(cause)[0].to_string());
        let mut out = String::new();
        let _ = writeln!(out, "assert_eq!({call}, Some({}));", self.path(cause));
        Some(out)
    }
}

/// Whether the examples run: a `pub` enum is reached by the path of the module it is
/// expanded in; any other is not reachable from a doctest, so its examples are shown unrun.
/// The stand-in beside errors has none.
pub fn example_mode(input: &Input, model: &Model) -> ExampleMode {
    if model.is_stand_in() {
        return ExampleMode::None;
    }
    let name = input.cause.ident.name();
    match &input.examples {
        ExamplesAttr::Path(path) => ExampleMode::Run(ExampleUse::Path(path.clone())),
        ExamplesAttr::Ignore => ExampleMode::Show(
            ExampleUse::ModulePath,
            "the macro call says `#[examples(ignore)]`".to_owned(),
        ),
        ExamplesAttr::Default if input.cause.vis.text() == "pub" => {
            ExampleMode::Run(ExampleUse::ModulePath)
        }
        ExamplesAttr::Default => ExampleMode::Show(
            ExampleUse::ModulePath,
            format!("`{name}` is not `pub`, so no doctest can name it"),
        ),
    }
}

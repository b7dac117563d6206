//! The examples in the generated docs, as tokens: `docs.rs` and `method_docs.rs` write their
//! text; here the `use` line is made (from `module_path!()`, which rustdoc evaluates where the
//! enum is expanded, or from the path the call gives) and whether they run is decided.

use proc_macro2::TokenStream;
use quote::quote;

use crate::docs::{ExampleDoc, ExampleMode, ExampleUse};
use crate::expand::{Env, Generator};
use crate::input::{ExamplesAttr, Input};
use crate::method_docs::Method;

impl Generator<'_> {
    /// An example as doc attributes; its `use` line names the module the enum is expanded in
    /// with `module_path!()`, which rustdoc evaluates, so it runs wherever a `pub` enum lives.
    pub fn example_attrs(&self, example: ExampleDoc) -> TokenStream {
        let ExampleDoc {
            open,
            use_line,
            with_category,
            body,
        } = example;
        let category = self.input.category.as_ref().filter(|_| with_category);
        let category = category.map(|item| item.ident.to_string());
        let use_line = match use_line {
            ExampleUse::ModulePath => {
                let names = match &category {
                    Some(category) => format!("{{{}, {category}}}", self.input.cause.ident),
                    None => self.input.cause.ident.to_string(),
                };
                quote!(::core::concat!("use ", ::core::module_path!(), "::", #names, ";"))
            }
            ExampleUse::Path(path) => {
                let mut line = format!("use {path};");
                if let (Some(category), Some((parent, _))) = (&category, path.rsplit_once("::")) {
                    line.push_str(&format!("\nuse {parent}::{category};"));
                }
                quote!(#line)
            }
        };
        quote!(#[doc = #open] #[doc = #use_line] #[doc = #body])
    }

    /// The example of a generated method or constant, as doc attributes (none beside errors).
    pub fn method_example(&self, method: Method) -> TokenStream {
        match self.docs.method_example(method) {
            Some(example) => self.example_attrs(example),
            None => TokenStream::new(),
        }
    }
}

/// Whether the variants' examples run: a `pub` enum is reached by the path of the module it is
/// expanded in; any other is not reachable from a doctest, so its examples are shown unrun.
pub fn example_mode(input: &Input, env: &Env) -> ExampleMode {
    if !env.examples {
        return ExampleMode::None;
    }
    let name = &input.cause.ident;
    match &input.examples {
        ExamplesAttr::Path(path) => ExampleMode::Run(ExampleUse::Path(path.clone())),
        ExamplesAttr::Ignore => ExampleMode::Show(
            ExampleUse::ModulePath,
            "the macro call says `#[examples(ignore)]`".to_owned(),
        ),
        ExamplesAttr::Default if input.cause.vis.to_string() == "pub" => {
            ExampleMode::Run(ExampleUse::ModulePath)
        }
        ExamplesAttr::Default => ExampleMode::Show(
            ExampleUse::ModulePath,
            format!("`{name}` is not `pub`, so no doctest can name it"),
        ),
    }
}

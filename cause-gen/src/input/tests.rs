//! The macro call as users write it, and its mistakes.
use super::*;

fn parse(call: &str) -> Result<Input> {
    call.parse()
}

fn item(slot: &Option<Item>) -> &Item {
    slot.as_ref().expect("the item was given")
}

#[test]
fn parses_the_four_items() {
    let input: Input = parse(
        r#"
        /// Why.
        #[derive(Clone)]
        pub enum Cause in "causes.toml";
        pub(crate) enum Category;
        pub struct ParseCauseError;
        fn reason_phrase;
        "#,
    )
    .expect("the four items parse");
    assert_eq!(input.cause.ident, "Cause");
    assert_eq!(input.cause.attrs.len(), 2);
    assert_eq!(input.path.value(), "causes.toml");
    assert_eq!(item(&input.category).ident, "Category");
    assert_eq!(item(&input.category).vis.text(), "pub (crate)");
    assert_eq!(item(&input.parse_error).ident, "ParseCauseError");
    assert!(item(&input.reason_phrase).vis.is_empty());
    assert_eq!(input.cause.attrs[1].text(), "# [derive (Clone)]");
    assert!(input.cause.has_doc());
    assert!(!item(&input.category).has_doc());
}

#[test]
fn the_enum_alone_is_a_call_and_the_others_are_optional() {
    let input: Input = parse(r#"pub enum JobCause in "jobs.toml";"#).expect("parses");
    assert!(input.category.is_none() && input.parse_error.is_none());
    assert!(input.reason_phrase.is_none());
    let input: Input =
        parse(r#"enum Job in "jobs.toml"; struct BadJob; fn phrase;"#).expect("parses");
    assert!(input.category.is_none());
    assert_eq!(item(&input.parse_error).ident, "BadJob");
    assert_eq!(item(&input.reason_phrase).ident, "phrase");
}

fn error(call: &str) -> String {
    let error = call.parse::<Input>().err().expect("the call is an error");
    error.messages().collect::<Vec<_>>().join("\n---\n")
}

#[test]
fn rejects_a_missing_path() {
    assert_eq!(
        error("pub enum Cause;"),
        "expected `in \"causes.toml\"` after the enum's name: the path of the table, relative to this file"
    );
}

#[test]
fn call_errors_show_the_items_in_order() {
    assert_eq!(
        error(r#"pub struct E; pub enum Cause in "t.toml";"#),
        format!(
            "expected the cause enum first, such as `pub enum Cause in \"causes.toml\";`\n{USAGE}"
        )
    );
    assert_eq!(
        error(r#"pub enum Cause in "t.toml"; pub struct E; pub enum Category;"#),
        format!("`enum Category` is out of order\n{USAGE}")
    );
    assert_eq!(
        error(r#"pub enum Cause in "t.toml"; pub fn a; pub fn b;"#),
        format!("a second `fn` item: the call names each item once\n{USAGE}")
    );
    assert_eq!(
        error(r#"pub enum Cause in "t.toml"; pub type X;"#),
        format!("expected `enum`, `struct` or `fn`\n{USAGE}")
    );
    assert_eq!(
        error(r#"pub enum Cause in "t.toml"; pub enum Category in "u.toml";"#),
        format!("only the first enum, the cause enum, names a table\n{USAGE}")
    );
}

#[test]
fn one_error_for_a_name_given_twice() {
    assert_eq!(
        error(r#"pub enum Cause in "t.toml"; pub enum Category; pub struct Cause;"#),
        "the name `Cause` is given to two items: each generated item needs a name of its own\n---\nfirst given here"
    );
}

#[test]
fn examples_attribute_is_read_and_consumed() {
    let input: Input = parse(
        r#"/// Doc.
        #[examples(path = "my_crate::jobs::JobCause")] pub enum JobCause in "t.toml";"#,
    )
    .expect("parses");
    assert_eq!(
        input.examples,
        ExamplesAttr::Path("my_crate::jobs::JobCause".into())
    );
    assert_eq!(
        input.cause.attrs.len(),
        1,
        "the attribute is the macro's, not the enum's"
    );
    let input: Input = parse(r#"#[examples(ignore)] pub enum C in "t.toml";"#).expect("parses");
    assert_eq!(input.examples, ExamplesAttr::Ignore);
    assert_eq!(
        error(r#"#[examples(run)] pub enum C in "t.toml";"#),
        EXAMPLES_FORMS
    );
    assert_eq!(
        error(r#"#[examples] pub enum C in "t.toml";"#),
        EXAMPLES_FORMS
    );
}

#[test]
fn derive_default_is_refused_with_a_reason() {
    assert_eq!(
        error(r#"#[derive(serde::Serialize, Default)] pub enum Cause in "t.toml";"#),
        "`Default` cannot be derived for `Cause`: a generated enum has no variant marked `#[default]`; implement `Default` by hand, returning the variant you mean"
    );
}

#[test]
fn malformed_calls_say_what_was_expected() {
    assert_eq!(
        error(r#"pub enum Cause in "t.toml""#),
        "unexpected end of input, expected `;`"
    );
    assert_eq!(
        error(r#"pub enum Cause in "t.toml"; pub struct E,"#),
        "expected `;`"
    );
    assert_eq!(
        error(r#"pub enum enum in "t.toml";"#),
        "expected identifier, found keyword `enum`"
    );
    assert_eq!(
        error("pub enum Cause in t;"),
        "expected `in \"causes.toml\"` after the enum's name: the path of the table, relative to this file"
    );
    assert_eq!(
        error("# pub enum Cause in \"t.toml\";"),
        "expected `[` after `#`"
    );
    assert_eq!(
        error(r#"#[serde(feature = "")] pub enum C in "t.toml";"#),
        SERDE_FORMS_FOR_TESTS
    );
}

/// `#[serde(feature = "")]`: the message is the attribute's forms, on the empty name.
const SERDE_FORMS_FOR_TESTS: &str = "expected `#[serde]` (serde always) or `#[serde(feature = \"serde\")]` (serde when the calling crate's feature is on): the generated types then implement `Serialize` and `Deserialize`";

#[test]
fn the_crate_path_comes_first_in_brackets() {
    let input = parse(r#"[::my_crate] pub enum Cause in "t.toml";"#).expect("parses");
    let krate = input.krate.expect("the path is read");
    assert_eq!(krate.text(), ":: my_crate");
    assert!(
        parse(r#"pub enum Cause in "t.toml";"#)
            .expect("parses")
            .krate
            .is_none()
    );
    let raw = parse(r##"pub enum Cause in r#"dir/t.toml"#;"##).expect("parses");
    assert_eq!(raw.path.value(), "dir/t.toml");
}

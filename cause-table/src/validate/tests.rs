//! The checks across rows, as the user reads their messages.

use super::Failure;
use crate::diag::Diagnostic;
use crate::diag::Renderer;
use crate::model::Model;

/// The checked model of a table, or its errors.
fn build(source: &str) -> Result<Model, Vec<Diagnostic>> {
    crate::check(source).map_err(|rejected| rejected.errors)
}

const BASE: &str = r#"
[failure]
codes = [300, 699]
fallback = "BUSY"

[[category]]
key = "errors"
title = "Errors"

[[cause]]
constant = "BUSY"
value = "Busy"
category = "errors"
description = "Busy."
status-codes = [486]
"#;

/// The first line of each error of `source`: `t.toml:LINE:COL: message`.
fn errors(source: &str) -> Vec<String> {
    let renderer = Renderer {
        path: "t.toml",
        source,
    };
    match build(source) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|e| {
                renderer
                    .render(e)
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect(),
    }
}

fn with_cause(extra: &str) -> String {
    format!("{BASE}\n[[cause]]\n{extra}")
}

#[test]
fn a_valid_table_has_no_errors() {
    assert_eq!(errors(BASE), Vec::<String>::new());
    let model = build(BASE).expect("BASE is valid");
    assert_eq!(model.causes[0].variant, "Busy");
    assert_eq!(model.causes[0].fallback_of, [(300, 699)]);
    let categories = model.categories.as_ref().expect("BASE has categories");
    assert_eq!(categories.of_cause, [0]);
    assert_eq!(categories.list[0].causes, [0]);
    let failure = Failure {
        low: 300,
        high: 699,
        fallback: 0,
    };
    assert_eq!(model.failures, [failure]);
}

#[test]
fn duplicates_point_at_the_first_definition() {
    let source = with_cause(
        "constant = \"BUSY\"\nvalue = \"Busy\"\ncategory = \"errors\"\ndescription = \"x\"\nstatus-codes = [486]",
    );
    assert_eq!(
        errors(&source),
        [
            "t.toml:18:13: duplicate constant `BUSY`",
            "t.toml:19:10: duplicate value `Busy`: each value and alias must name one cause, once",
            "t.toml:22:17: status code 486 is already in the `status-codes` of `BUSY`: a code can mean only one cause",
        ]
    );
    let error = build(&source).unwrap_err();
    let renderer = Renderer {
        path: "t.toml",
        source: &source,
    };
    assert!(
        renderer
            .render(&error[0])
            .ends_with("first defined at t.toml:11:13")
    );
}

#[test]
fn variants_must_be_distinct_identifiers() {
    let source = with_cause(
        "constant = \"BUSY_\"\nvalue = \"B\"\ncategory = \"errors\"\ndescription = \"x\"\n\n[[cause]]\nconstant = \"SELF\"\nvalue = \"S\"\ncategory = \"errors\"\ndescription = \"x\"",
    );
    assert_eq!(
        errors(&source),
        [
            "t.toml:18:13: causes `BUSY_` and `BUSY` both make the variant `Busy`: set `variant = \"...\"` on one of them",
            "t.toml:24:13: the variant made from this constant, `Self`, is a Rust keyword: add `variant = \"...\"` with another name",
        ]
    );
}

#[test]
fn aliases_may_not_repeat_values() {
    let source = with_cause(
        "constant = \"B\"\nvalue = \"B\"\ncategory = \"errors\"\ndescription = \"x\"\naliases = [\"Busy\", \"C\", \"C\"]",
    );
    assert_eq!(
        errors(&source),
        [
            "t.toml:22:13: duplicate value `Busy`: each value and alias must name one cause, once",
            "t.toml:22:26: duplicate value `C`: each value and alias must name one cause, once",
        ]
    );
}

#[test]
fn one_code_may_mean_one_cause_in_each_kind_of_list() {
    // 486 in one cause's status-codes and another's in-dialog codes is allowed.
    let source = with_cause(
        "constant = \"D\"\nvalue = \"D\"\ncategory = \"errors\"\ndescription = \"x\"\nin-dialog-status-codes = [486, 481, 481]\n\n[table]\nin-dialog-status-codes = true",
    );
    assert_eq!(
        errors(&source),
        ["t.toml:22:37: status code 481 is listed twice"]
    );
}

#[test]
fn categories_must_be_declared_used_and_unique() {
    let source = BASE.replace("category = \"errors\"", "category = \"eror\"");
    assert_eq!(
        errors(&source),
        [
            "t.toml:7:8: category `errors` has no causes: remove it or give it a `[[cause]]`",
            "t.toml:13:13: unknown category `eror`: did you mean `errors`? (declared: `errors`)",
        ]
    );
}

#[test]
fn failure_codes_and_fallback() {
    let source = BASE
        .replace("[300, 699]", "[699, 300]")
        .replace("fallback = \"BUSY\"", "fallback = \"BUS\"");
    assert_eq!(
        errors(&source),
        [
            "t.toml:3:9: `codes` is `[699, 300]`, an empty range: the first code must not be greater than the second",
            "t.toml:4:13: `fallback` names no cause, `BUS`: did you mean `BUSY`?",
        ]
    );
}

#[test]
fn reason_phrases_cover_every_listed_code() {
    let source = format!("{BASE}\n[reason-phrases]\n600 = \"Busy Everywhere\"\n");
    assert_eq!(
        errors(&source),
        [
            "t.toml:15:17: status code 486 has no reason phrase: add `486 = \"...\"` to `[reason-phrases]`"
        ]
    );
    let source = format!("{BASE}\n[reason-phrases]\n486 = \"Busy Here\"\n");
    assert_eq!(errors(&source), Vec::<String>::new());
}

#[test]
fn an_empty_table_says_what_is_missing() {
    assert_eq!(
        errors(""),
        [
            "t.toml:1:1: the table has no causes: add at least one `[[cause]]` with `constant`, `value`, `category` and `description`",
        ]
    );
}

#[test]
fn every_error_of_a_table_is_reported_at_once() {
    let source = r#"[failure]
codes = [300]
fallback = "NOPE"
colour = "red"

[[category]]
key = "errors"
title = ""

[[cause]]
constant = "busy"
value = " Busy"
category = "errorz"
description = ""
status-codes = [486, 486, 70000]

[[cause]]
constant = "NO_ACK"
value = "No ACK"
category = "errors"
description = "No ACK."
aliases = ["No ACK"]
staus-codes = [408]
"#;
    let found = errors(source);
    let positions: Vec<&str> = found
        .iter()
        .map(|e| e.split(": ").next().unwrap_or(""))
        .collect();
    assert_eq!(
        positions,
        [
            "t.toml:2:9",
            "t.toml:3:13",
            "t.toml:4:1",
            "t.toml:8:9",
            "t.toml:11:13",
            "t.toml:12:10",
            "t.toml:13:13",
            "t.toml:14:15",
            "t.toml:15:22",
            "t.toml:15:27",
            "t.toml:22:13",
            "t.toml:23:1",
        ],
        "{found:#?}"
    );
}

#[test]
fn ranges_are_the_tables_own() {
    // Without `[ranges]`, any u16 is a status code: job exit codes, say.
    let any = BASE
        .replace("codes = [300, 699]", "codes = [1, 99]")
        .replace("[486]", "[17]");
    assert_eq!(errors(&any), Vec::<String>::new());
    assert_eq!(
        errors(&BASE.replace("[486]", "[65536]")),
        [
            "t.toml:15:17: status code `65536` is out of range: numbers are 0..=65535 (a `u16`) unless `[ranges]` says otherwise"
        ]
    );
    // Declared, the range bounds every status code, and says where it comes from.
    let http = format!(
        "[ranges]\nstatus-codes = [400, 599]\n{}",
        BASE.replace("[300, 699]", "[400, 599]")
    );
    assert_eq!(errors(&http), Vec::<String>::new());
    assert_eq!(
        errors(&http.replace("[486]", "[486, 399]")),
        [
            "t.toml:17:22: status code `399` is out of range: `[ranges] status-codes` allows 400..=599"
        ]
    );
    let broken = "[ranges]\nstatus-codes = [599, 400]\ncode = [1]\ncolour = [1, 2]\n";
    assert_eq!(
        errors(&format!("{broken}{BASE}")),
        [
            "t.toml:2:16: `status-codes` is `[599, 400]`, an empty range: the first number must not be greater than the second",
            "t.toml:3:8: `code` in `[ranges]` must be `[low, high]`, two integers in 0..=65535",
            "t.toml:4:1: unknown key `colour` in `[ranges]` (allowed keys: `status-codes`, `code`)",
        ]
    );
}

#[test]
fn several_failure_ranges_each_fall_back_to_their_own_cause() {
    let table = BASE.replace("[failure]\ncodes = [300, 699]\nfallback = \"BUSY\"", "");
    let table = format!(
        "[[failure]]\ncodes = [400, 499]\nfallback = \"BUSY\"\n\n[[failure]]\ncodes = [300, 399]\nfallback = \"BUSY\"\n\n{table}"
    );
    let model = build(&table).unwrap_or_else(|e| panic!("valid: {e:?}"));
    let lows: Vec<u16> = model.failures.iter().map(|f| f.low).collect();
    assert_eq!(lows, [300, 400], "sorted");
    assert_eq!(model.failure_span(), Some((300, 499)));
    assert_eq!(model.causes[0].fallback_of, [(300, 399), (400, 499)]);

    let overlapping = table.replace("codes = [300, 399]", "codes = [300, 400]");
    let errors = errors(&overlapping);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].ends_with(
            "the failure codes 400..=499 overlap 300..=400: each code can fall back to one cause"
        ),
        "{errors:?}"
    );
}

#[test]
fn a_default_response_fills_the_rows_without_one() {
    let table = format!("[defaults]\nresponse = 486\n\n{BASE}");
    let model = build(&table).unwrap_or_else(|e| panic!("valid: {e:?}"));
    assert_eq!(model.default_response, Some(486));
    let response = model.causes[0].response.expect("the default");
    assert_eq!((response.code, response.by_default), (486, true));
    let unknown = table.replace("response = 486", "response = 70000");
    assert_eq!(errors(&unknown).len(), 1, "{:?}", errors(&unknown));
}

#[test]
fn toml_errors_say_where_and_what() {
    let first = |source: &str| errors(source).remove(0);
    assert_eq!(
        first("[[cause]]\nconstant = \"A\"\nconstant = \"B\"\n"),
        "t.toml:3:1: invalid TOML: duplicate key: `constant`"
    );
    assert_eq!(
        first("code = 99999999999999999999\n"),
        "t.toml:1:8: invalid TOML: invalid number"
    );
    for (source, column) in [("value = 1979-05-27\n", 9), ("value = 07:32:00\n", 10)] {
        assert_eq!(
            first(source),
            format!(
                "t.toml:1:{column}: invalid TOML: invalid number (a date or time, which no key of a cause table takes; quoted, it is a string)"
            )
        );
    }
    // The first definition of a duplicate is named too.
    let source = "[failure]\ncodes = [300, 699]\n[failure]\n";
    let rejected = crate::check(source).unwrap_err();
    let renderer = Renderer {
        path: "t.toml",
        source,
    };
    let text = renderer.render(&rejected.errors[0]);
    assert!(
        text.starts_with("t.toml:3:1: invalid TOML: redefinition of table `failure`"),
        "{text}"
    );
    assert!(text.ends_with("first defined at t.toml:1:1"), "{text}");
}

#[test]
fn the_declaration_not_the_rows_gives_the_shape() {
    let declared = |table: &str| build(&format!("[table]\n{table}\n{BASE}"));
    // Declared, with no row using it: the items exist all the same.
    let model = declared("codes = \"some-rows\"\nresponses = true\nin-dialog-status-codes = true")
        .unwrap_or_else(|e| panic!("valid: {e:?}"));
    assert_eq!(model.row_codes, crate::model::RowCodes::Some);
    assert!(model.has_responses && model.has_in_dialog);
    // `[failure]` as one table has `FALLBACK`; `[[failure]]`, even one, does not.
    assert!(model.has_fallback);
    let ranges = BASE.replace("[failure]", "[[failure]]");
    assert!(!build(&ranges).expect("valid").has_fallback);
    // Nothing declared: none of them, whatever the rows.
    let model = build(BASE).expect("valid");
    assert_eq!(model.row_codes, crate::model::RowCodes::None);
    assert!(!model.has_responses && !model.has_in_dialog);
}

#[test]
fn every_row_keeps_to_the_declaration() {
    let source = format!(
        "{}\n[table]\ncodes = \"every-row\"\n",
        with_cause(
            "constant = \"D\"\nvalue = \"D\"\ncategory = \"errors\"\ndescription = \"x\"\ncode = 4\nresponse = 486"
        ),
    );
    assert_eq!(
        errors(&source),
        [
            "t.toml:10:1: missing key `code` in `[[cause]]`: the table's `[table]` declares `codes = \"every-row\"`; give this row its `code`, or declare `codes = \"some-rows\"`",
            "t.toml:23:12: `response` is not declared: add `responses = true` to the table's `[table]`, the declaration that gives the enum its items for `response` whatever the rows hold",
        ]
    );
    let undeclared = source.replace("[table]\ncodes = \"every-row\"\n", "");
    assert!(
        errors(&undeclared)[0].starts_with(
            "t.toml:22:8: `code` is not declared: add `codes = \"every-row\"` (or `\"some-rows\"`)"
        ),
        "{:?}",
        errors(&undeclared)
    );
    let invalid = source.replace("\"every-row\"", "\"all\"") + "responses = 1\n";
    let invalid = errors(&invalid);
    assert!(
        invalid[2].starts_with("t.toml:25:10: `codes` must be \"every-row\""),
        "{invalid:?}"
    );
    assert!(
        invalid[3].starts_with("t.toml:26:13: `responses` must be `true`"),
        "{invalid:?}"
    );
}

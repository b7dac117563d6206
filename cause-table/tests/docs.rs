//! The rustdoc `cause_model::docs` writes for tables read by `check`: here, where a table can
//! be read (`cause-model` cannot depend on its reader, even for tests).

use cause_table::docs::{DocContext, ExampleMode};

/// A table whose fallbacks stand for a range below the failures too, as Asterisk's
/// `ast_sip_hangup_sip2cause` defaults do (anything under 400 is normal clearing).
const CLASSES: &str = r#"
[[failure]]
codes = [100, 399]
fallback = "NORMAL"

[[failure]]
codes = [400, 699]
fallback = "OTHER"

[[cause]]
constant = "NORMAL"
value = "Normal"
description = "Normal."
status-codes = [200]

[[cause]]
constant = "OTHER"
value = "Other"
description = "Other."
"#;

#[test]
fn a_fallback_is_described_by_what_its_codes_are() {
    let model = cause_table::check(CLASSES).expect("a valid table");
    let docs = DocContext::new(&model, ("Cause".to_owned(), None), false, ExampleMode::None);
    let page = docs.enum_doc();
    assert!(
        page.contains("| 200, and every response (100..=399) no other cause lists |"),
        "{page}"
    );
    assert!(
        page.contains(
            "A response (100..=399) whose code no cause lists maps to [`NORMAL`](Cause::Normal)."
        ),
        "{page}"
    );
    assert!(
        page.contains("A final failure response (400..=699) whose code no cause lists maps to [`OTHER`](Cause::Other)."),
        "{page}"
    );
    let normal = docs.variant_doc(0).text;
    assert!(
        normal
            .contains("- Status codes: 200, and every response (100..=399) no other cause lists\n"),
        "{normal}"
    );
}

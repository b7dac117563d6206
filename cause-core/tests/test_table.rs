//! Every row of the reference page, as the generated enum has it.

mod common;

use cause_core::{Category, Cause, reason_phrase};
use common::{ALIASES, IN_DIALOG, REASON_PHRASES, ROWS};

#[test]
fn all_lists_every_row_in_table_order() {
    let expected: Vec<Cause> = ROWS.iter().map(|row| row.cause).collect();
    assert_eq!(Cause::ALL, expected.as_slice());
}

#[test]
fn every_row_has_its_constant_value_category_and_codes() {
    for row in ROWS {
        let cause = row.cause;
        assert_eq!(cause.name(), row.constant);
        assert_eq!(cause.as_str(), row.value, "{}", row.constant);
        assert_eq!(cause.category(), row.category, "{}", row.constant);
        assert_eq!(cause.status_codes(), row.codes, "{}", row.constant);
        assert!(!cause.description().trim().is_empty(), "{}", row.constant);
    }
}

#[test]
fn in_dialog_codes_and_aliases_are_where_the_reference_puts_them() {
    for &cause in Cause::ALL {
        let in_dialog: Vec<u16> = IN_DIALOG
            .iter()
            .filter(|(_, c)| *c == cause)
            .map(|(code, _)| *code)
            .collect();
        assert_eq!(
            cause.in_dialog_status_codes(),
            in_dialog.as_slice(),
            "{cause:?}"
        );
        let aliases: Vec<&str> = ALIASES
            .iter()
            .filter(|(_, c)| *c == cause)
            .map(|(alias, _)| *alias)
            .collect();
        assert_eq!(cause.aliases(), aliases.as_slice(), "{cause:?}");
    }
}

#[test]
fn categories_hold_their_causes_in_order() {
    assert_eq!(
        Category::ALL,
        &[Category::Common, Category::SipError, Category::Session]
    );
    let keys: Vec<&str> = Category::ALL.iter().map(|c| c.key()).collect();
    assert_eq!(keys, ["common", "sip-error", "session"]);
    let titles: Vec<String> = Category::ALL.iter().map(|c| c.to_string()).collect();
    assert_eq!(
        titles,
        ["Common causes", "SIP error causes", "Session causes"]
    );
    for &category in Category::ALL {
        let expected: Vec<Cause> = ROWS
            .iter()
            .filter(|row| row.category == category)
            .map(|row| row.cause)
            .collect();
        assert_eq!(category.causes(), expected.as_slice(), "{category:?}");
    }
}

#[test]
fn reason_phrases_are_the_iana_registry_exactly() {
    for code in 0..=u16::MAX {
        let expected = REASON_PHRASES
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, phrase)| *phrase);
        assert_eq!(reason_phrase(code), expected, "code {code}");
    }
}

#[test]
fn every_listed_code_has_a_reason_phrase() {
    for &cause in Cause::ALL {
        for &code in cause
            .status_codes()
            .iter()
            .chain(cause.in_dialog_status_codes())
        {
            assert!(reason_phrase(code).is_some(), "{cause:?} lists {code}");
        }
    }
}

#[test]
fn lookups_are_const() {
    const BUSY: Option<Cause> = Cause::for_failure_response(486);
    const NAME: &str = Cause::Busy.name();
    const PHRASE: Option<&str> = reason_phrase(486);
    assert_eq!(BUSY, Some(Cause::Busy));
    assert_eq!(NAME, "BUSY");
    assert_eq!(PHRASE, Some("Busy Here"));
}

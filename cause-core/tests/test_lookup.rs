//! Status code to cause, for every `u16`.

mod common;

use cause_core::Cause;
use common::{IN_DIALOG, ROWS, expected_failure_cause};

#[test]
fn for_failure_response_matches_sipjs_for_every_code() {
    for code in 0..=u16::MAX {
        assert_eq!(
            Cause::for_failure_response(code),
            expected_failure_cause(code),
            "code {code}"
        );
    }
}

#[test]
fn from_status_code_finds_the_grouping_cause_only() {
    for code in 0..=u16::MAX {
        let expected = ROWS
            .iter()
            .find(|row| row.codes.contains(&code))
            .map(|row| row.cause);
        assert_eq!(Cause::from_status_code(code), expected, "code {code}");
    }
}

#[test]
fn for_in_dialog_failure_checks_dialog_codes_first() {
    for code in 0..=u16::MAX {
        let expected = IN_DIALOG
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, cause)| *cause)
            .or_else(|| expected_failure_cause(code));
        assert_eq!(Cause::for_in_dialog_failure(code), expected, "code {code}");
    }
    // Outside a dialog, 408 is only a callee that did not answer in time.
    assert_eq!(Cause::for_failure_response(408), Some(Cause::Unavailable));
    assert_eq!(Cause::for_in_dialog_failure(408), Some(Cause::DialogError));
    assert_eq!(
        Cause::for_failure_response(481),
        Some(Cause::SipFailureCode)
    );
    assert_eq!(Cause::for_in_dialog_failure(481), Some(Cause::DialogError));
}

#[test]
fn failure_range_and_fallback() {
    assert_eq!(Cause::FAILURE_CODES, 300..=699);
    assert_eq!(Cause::FALLBACK, Cause::SipFailureCode);
    assert_eq!(Cause::for_failure_response(299), None);
    assert_eq!(Cause::for_failure_response(300), Some(Cause::Redirected));
    assert_eq!(
        Cause::for_failure_response(699),
        Some(Cause::SipFailureCode)
    );
    assert_eq!(Cause::for_failure_response(700), None);
}

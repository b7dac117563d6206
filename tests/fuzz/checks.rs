//! The properties the fuzz targets check, shared with the test that replays their corpus on
//! stable (`tests/test_fuzz_corpus.rs`): a fuzz target and its regression test check the same
//! things. Each function panics, with what it found, where a property does not hold.

#![allow(dead_code)] // the fuzz targets and the corpus test each use part of it

use cause_core::{Cause, Reason};

/// `Reason::parse` and `parse_list` on any text: a value or an error whose offset is inside
/// the input, never a panic; what parses writes back in a form that parses to an equal value
/// (equal by meaning); `Cause::from_reason` answers for every value.
pub fn reason(text: &str) {
    match Reason::parse(text) {
        Ok(reason) => round_trip(&reason),
        Err(error) => {
            assert!(
                error.offset() <= text.len(),
                "{error:?} past the end of {text:?}"
            );
            let _ = error.to_string();
        }
    }
    for item in Reason::parse_list(text) {
        match item {
            Ok(reason) => round_trip(&reason),
            Err(error) => assert!(error.offset() <= text.len(), "{error:?} in {text:?}"),
        }
    }
}

fn round_trip(reason: &Reason<'_>) {
    let written = reason.to_string();
    let again = Reason::parse(&written)
        .unwrap_or_else(|e| panic!("{reason:?} writes {written:?}, which does not parse: {e}"));
    assert_eq!(&again, reason, "{written:?}");
    assert_eq!(again.to_string(), written, "written twice differently");
    let _ = Cause::from_reason(reason);
    let _ = reason.is_answered_elsewhere();
}

/// The table pipeline on any text: tokens or an error, never a panic.
pub fn table(text: &str) {
    let calls = [
        "pub enum Cause in \"t.toml\"; pub enum Category; pub struct ParseCauseError; pub fn reason_phrase;",
        "pub enum Cause in \"t.toml\"; pub struct ParseCauseError;",
    ];
    for call in calls {
        let input: cause_gen::Input = call.parse().expect("the call parses");
        let _ = cause_gen::expand_table(&input, text);
    }
}

/// Where sip-header also reads a value, both read the same protocol, cause and text. The
/// differences allowed are those the README names: cause-core refuses values RFC 3326 forbids
/// that sip-header reads (`sip_header` gives `None` for a value it refuses), and sip-header
/// decodes `%XX` in the protocol and the text (it reads the value as a URI's parameters),
/// where RFC 3326's token and quoted-string hold `%` as itself.
pub fn reason_diff(text: &str, sip_header: Option<(String, Option<u16>, Option<String>)>) {
    let (Ok(ours), Some((protocol, cause, their_text))) = (Reason::parse(text), sip_header) else {
        return;
    };
    let escaped = |field: &str| field.contains('%');
    assert!(
        escaped(ours.protocol()) || ours.protocol().eq_ignore_ascii_case(&protocol),
        "{text:?}: protocol {:?} against sip-header's {protocol:?}",
        ours.protocol()
    );
    assert_eq!(ours.cause(), cause, "{text:?}: cause");
    let our_text = ours.text().map(|t| t.to_string());
    if !our_text.as_deref().is_some_and(escaped) {
        assert_eq!(our_text, their_text, "{text:?}: text");
    }
}

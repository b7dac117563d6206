//! Causes to and from the `Reason` header: the response and Reason each cause is ended
//! with, what a SIP.js peer reports for it, and the cause each Reason a peer sends says.

use cause_core::{Cause, Reason, reason_phrase};

fn parse(value: &str) -> Reason<'_> {
    Reason::parse(value).unwrap_or_else(|e| panic!("{value:?} parses: {e}"))
}

/// Rows: cause, response, and what a SIP.js peer reports on receiving that response, by
/// SIP.js 0.6.4's own mapping (`sipErrorCause`), written out apart from the table.
const RESPONSES: &[(Cause, u16, Cause)] = &[
    (Cause::InternalError, 500, Cause::SipFailureCode),
    (Cause::Busy, 486, Cause::Busy),
    (Cause::Rejected, 603, Cause::Rejected),
    (Cause::Redirected, 302, Cause::Redirected),
    (Cause::Unavailable, 480, Cause::Unavailable),
    (Cause::NotFound, 404, Cause::NotFound),
    (Cause::AddressIncomplete, 484, Cause::AddressIncomplete),
    (Cause::IncompatibleSdp, 488, Cause::IncompatibleSdp),
    (Cause::AuthenticationError, 401, Cause::AuthenticationError),
    (Cause::Canceled, 487, Cause::SipFailureCode),
    (Cause::NoAnswer, 408, Cause::Unavailable),
    (Cause::Expires, 487, Cause::SipFailureCode),
    (Cause::NoPrack, 504, Cause::SipFailureCode),
    (Cause::UserDeniedMediaAccess, 480, Cause::Unavailable),
    (Cause::WebrtcNotSupported, 488, Cause::IncompatibleSdp),
    (Cause::BadMediaDescription, 488, Cause::IncompatibleSdp),
];

#[test]
fn every_cause_has_its_response_and_the_peer_report_is_documented() {
    for &cause in Cause::ALL {
        let row = RESPONSES.iter().find(|(c, _, _)| *c == cause);
        assert_eq!(cause.response(), row.map(|r| r.1), "{cause:?}");
        let Some(&(_, response, reported)) = row else {
            assert_eq!(cause.reason(), None, "{cause:?}");
            continue;
        };
        assert_eq!(
            Cause::for_failure_response(response),
            Some(reported),
            "{cause:?}"
        );
        // The SIP error causes come back as themselves.
        if cause.status_codes().contains(&response) {
            assert_eq!(reported, cause, "{cause:?}");
        } else {
            assert!(
                cause.description().contains(reported.name()),
                "the description of {cause:?} does not say a SIP.js peer reports {}",
                reported.name()
            );
        }
        let phrase = reason_phrase(response).expect("every response has a phrase");
        let reason = cause
            .reason()
            .expect("a cause with a response has a Reason");
        assert_eq!(
            reason.to_string(),
            format!("SIP;cause={response};text=\"{phrase}\"")
        );
        assert_eq!(reason.code(), Some(response));
        assert_eq!(reason.text().unwrap(), phrase);
        // What `Reason::new` makes of it (so the phrase has no control character), and what a
        // peer reads back.
        assert_eq!(Reason::new("SIP", response, Some(phrase)), Ok(reason));
        assert_eq!(Reason::parse(&reason.to_string()), Ok(reason), "{cause:?}");
        assert_eq!(Cause::from_reason(&reason), Some(reported), "{cause:?}");
    }
}

#[test]
fn from_reason_reads_sip_and_q850_causes() {
    let cause = |value: &str| Cause::from_reason(&parse(value));
    assert_eq!(
        cause(r#"SIP ;cause=486 ;text="Busy Here""#),
        Some(Cause::Busy)
    );
    assert_eq!(cause("sip;cause=603"), Some(Cause::Rejected));
    assert_eq!(cause("SIP;cause=499"), Some(Cause::SipFailureCode));
    assert_eq!(
        cause("SIP;cause=200;text=\"Call completed elsewhere\""),
        None
    );
    assert_eq!(cause("SIP"), None);
    assert_eq!(cause("Q.850;cause=17"), Some(Cause::Busy));
    assert_eq!(cause("STIR;cause=436"), None);
}

#[test]
fn reason_new_refuses_what_cannot_be_written_and_round_trips_the_rest() {
    use cause_core::ReasonErrorKind::{ControlCharacter, InvalidToken, MissingProtocol};
    let refused = |protocol: &str, text: Option<&str>| {
        let error = Reason::new(protocol, 486, text).unwrap_err();
        (error.kind(), error.offset())
    };
    assert_eq!(refused("", None), (MissingProtocol, 0));
    assert_eq!(refused("S P", None), (InvalidToken, 1));
    assert_eq!(refused("SIP;", None), (InvalidToken, 3));
    assert_eq!(refused("Q.850\"", None), (InvalidToken, 5));
    assert_eq!(refused("SIP", Some("a\nb")), (ControlCharacter, 1));
    assert_eq!(refused("SIP", Some("\u{7f}")), (ControlCharacter, 0));
    assert_eq!(refused("SIP", Some("bad\r")), (ControlCharacter, 3));
    for text in [
        None,
        Some(""),
        Some("Busy Here"),
        Some("tab\there"),
        Some(r#"say "no""#),
        Some(r"back\slash"),
        Some("¿Ocupado? 忙"),
        Some(",;="),
    ] {
        for protocol in ["SIP", "Q.850", "x-custom", "STIR"] {
            for cause in [0, 16, 486, u16::MAX] {
                let reason = Reason::new(protocol, cause, text).expect("valid");
                assert_eq!(reason.protocol(), protocol);
                assert_eq!(reason.code(), Some(cause));
                let written = reason.to_string();
                let parsed = parse(&written);
                assert_eq!(parsed, reason, "{written}");
                assert_eq!(
                    parsed.text().map(|t| t.to_string()),
                    text.map(str::to_owned)
                );
                assert_eq!(
                    reason.text().map(|t| t.to_string()),
                    text.map(str::to_owned)
                );
            }
        }
    }
    let escaped = Reason::new("SIP", 480, Some(r#"say "no""#)).unwrap();
    assert_eq!(escaped.text().unwrap().as_escaped(), None);
    let plain = Reason::new("SIP", 480, Some("Busy Here")).unwrap();
    assert_eq!(plain.text().unwrap().as_escaped(), Some("Busy Here"));
}

#[test]
fn answered_elsewhere_is_no_failure() {
    for value in [
        r#"SIP;cause=200;text="Call completed elsewhere""#,
        "sip ;cause=200",
        "Q.850;cause=26",
        r#"Q.850;cause=26;text="ANSWERED_ELSEWHERE""#,
    ] {
        let reason = parse(value);
        assert!(reason.is_answered_elsewhere(), "{value}");
        assert_eq!(Cause::from_reason(&reason), None, "{value}");
    }
    for value in [
        "SIP;cause=486",
        "Q.850;cause=16",
        "STIR;cause=200",
        "Q.850;cause=200",
        "SIP",
    ] {
        assert!(!parse(value).is_answered_elsewhere(), "{value}");
    }
}

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
        assert_eq!(reason.cause(), Some(response));
        assert_eq!(reason.text().unwrap(), phrase);
        assert_eq!(reason.param("cause"), Some(response.to_string().as_str()));
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

//! JsSIP 3.13.8's table, checked against `JsSIP_C.causes` and `SIP_ERROR_CAUSES` as
//! lib/Constants.js of the pinned package spells them (transcribed here apart from jssip.toml
//! on purpose), and its links to SIP.js's table. The real JsSIP is run against the table by the
//! workspace's `tests/test_interop.rs`, the README's table and the tool by its
//! `tests/test_jssip.rs`.

use cause_core::{Cause, JsSipCause};

/// `JsSIP_C.causes`, in order.
const CAUSES: &[(&str, &str)] = &[
    ("CONNECTION_ERROR", "Connection Error"),
    ("REQUEST_TIMEOUT", "Request Timeout"),
    ("SIP_FAILURE_CODE", "SIP Failure Code"),
    ("INTERNAL_ERROR", "Internal Error"),
    ("BUSY", "Busy"),
    ("REJECTED", "Rejected"),
    ("REDIRECTED", "Redirected"),
    ("UNAVAILABLE", "Unavailable"),
    ("NOT_FOUND", "Not Found"),
    ("ADDRESS_INCOMPLETE", "Address Incomplete"),
    ("INCOMPATIBLE_SDP", "Incompatible SDP"),
    ("MISSING_SDP", "Missing SDP"),
    ("AUTHENTICATION_ERROR", "Authentication Error"),
    ("BYE", "Terminated"),
    ("WEBRTC_ERROR", "WebRTC Error"),
    ("CANCELED", "Canceled"),
    ("NO_ANSWER", "No Answer"),
    ("EXPIRES", "Expires"),
    ("NO_ACK", "No ACK"),
    ("DIALOG_ERROR", "Dialog Error"),
    ("USER_DENIED_MEDIA_ACCESS", "User Denied Media Access"),
    ("BAD_MEDIA_DESCRIPTION", "Bad Media Description"),
    ("RTP_TIMEOUT", "RTP Timeout"),
];

/// `JsSIP_C.SIP_ERROR_CAUSES`.
const SIP_ERROR_CAUSES: &[(&str, &[u16])] = &[
    ("REDIRECTED", &[300, 301, 302, 305, 380]),
    ("BUSY", &[486, 600]),
    ("REJECTED", &[403, 603]),
    ("NOT_FOUND", &[404, 604]),
    ("UNAVAILABLE", &[480, 410, 408, 430]),
    ("ADDRESS_INCOMPLETE", &[484, 424]),
    ("INCOMPATIBLE_SDP", &[488, 606]),
    ("AUTHENTICATION_ERROR", &[401, 407]),
];

#[test]
fn every_cause_as_jssip_spells_it() {
    assert_eq!(JsSipCause::ALL.len(), CAUSES.len());
    for (&cause, &(constant, value)) in JsSipCause::ALL.iter().zip(CAUSES) {
        assert_eq!((cause.name(), cause.as_str()), (constant, value));
        assert_eq!(value.parse::<JsSipCause>(), Ok(cause));
    }
}

#[test]
fn sip_error_causes_group_the_codes_and_the_rest_falls_back() {
    for code in 0..=u16::MAX {
        let listed = SIP_ERROR_CAUSES
            .iter()
            .find(|(_, codes)| codes.contains(&code));
        let expected = match listed {
            Some((constant, _)) => Some(*constant),
            None if (300..=699).contains(&code) => Some("SIP_FAILURE_CODE"),
            None => None,
        };
        let cause = JsSipCause::for_failure_response(code);
        assert_eq!(cause.map(JsSipCause::name), expected, "{code}");
    }
    for code in [408, 481] {
        assert_eq!(
            JsSipCause::for_in_dialog_failure(code),
            Some(JsSipCause::DialogError)
        );
    }
}

#[test]
fn the_two_tables_link_by_constant() {
    for &cause in Cause::ALL {
        assert_eq!(
            cause.jssip().map(JsSipCause::name),
            JsSipCause::from_name(cause.name()).map(JsSipCause::name)
        );
        if let Some(jssip) = cause.jssip() {
            assert_eq!(jssip.sipjs(), Some(cause));
        }
    }
    for &cause in JsSipCause::ALL {
        if let Some(sipjs) = cause.sipjs() {
            assert_eq!(sipjs.name(), cause.name());
            assert_eq!(sipjs.jssip(), Some(cause));
        }
    }
}

//! JsSIP 3.13.8's table, checked against `JsSIP_C.causes` and `SIP_ERROR_CAUSES` as
//! lib/Constants.js of the pinned package spells them (transcribed here apart from jssip.toml
//! on purpose), its links to SIP.js's table, and the table of `docs/clients.md` of where the two differ.
//! The real JsSIP is run against the table by `test_interop.rs`.

mod doc_blocks;
mod tool;

use cause_core::{Cause, JsSipCause, reason_phrase};
use tool::{failure, stdout};

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

/// Where SIP.js 0.6's table and JsSIP 3.13.8's differ, as markdown: the causes only one has,
/// the values spelt differently, and every final failure code they map apart.
fn differences() -> String {
    let mut out =
        String::from("| | SIP.js 0.6 (`Cause`) | JsSIP 3.13.8 (`JsSipCause`) |\n|---|---|---|\n");
    let names = |causes: &mut dyn Iterator<Item = &'static str>| {
        causes
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let only_sipjs = Cause::ALL
        .iter()
        .filter(|c| c.jssip().is_none())
        .map(|c| c.name());
    let only_jssip = JsSipCause::ALL
        .iter()
        .filter(|c| c.sipjs().is_none())
        .map(|c| c.name());
    out.push_str(&format!(
        "| Only one has | {} | {} |\n",
        names(&mut only_sipjs.into_iter()),
        names(&mut only_jssip.into_iter())
    ));
    for &cause in JsSipCause::ALL {
        if let Some(sipjs) = cause.sipjs().filter(|s| s.as_str() != cause.as_str()) {
            out.push_str(&format!(
                "| `{}` | `{:?}` | `{:?}` |\n",
                cause.name(),
                sipjs.as_str(),
                cause.as_str()
            ));
        }
    }
    for code in 300..=699 {
        let sipjs = Cause::for_failure_response(code).map(Cause::name);
        let jssip = JsSipCause::for_failure_response(code).map(JsSipCause::name);
        if sipjs != jssip {
            let phrase = reason_phrase(code)
                .map(|p| format!(" {p}"))
                .unwrap_or_default();
            out.push_str(&format!(
                "| {code}{phrase} | `{}` | `{}` |\n",
                sipjs.unwrap_or("none"),
                jssip.unwrap_or("none")
            ));
        }
    }
    out
}

#[test]
fn the_clients_doc_shows_where_the_two_browser_tables_differ() {
    let section = doc_blocks::block("docs/clients.md", "jssip-differences");
    assert_eq!(
        section.trim_end(),
        differences().trim_end(),
        "\n{}",
        differences()
    );
}

#[test]
fn the_tool_looks_codes_and_causes_up_as_jssip_sees_them() {
    let description = JsSipCause::AddressIncomplete.description();
    assert_eq!(
        stdout(&["--jssip", "424"]),
        format!(
            "424 Bad Location Information\njssip: ADDRESS_INCOMPLETE \"Address Incomplete\" (SIP error causes)\nsip.js: SIP_FAILURE_CODE \"SIP Failure Code\" (Common causes)\n{description}\n"
        )
    );
    // Where both agree, no second line.
    assert!(!stdout(&["--jssip", "486"]).contains("sip.js:"));
    assert!(stdout(&["--jssip", "--in-dialog", "481"]).contains("jssip: DIALOG_ERROR"));
    let missing = stdout(&["--jssip", "missing sdp"]);
    assert!(
        missing.starts_with("MISSING_SDP \"Missing SDP\" (SIP error causes)\nsip.js: none"),
        "{missing}"
    );
    assert!(stdout(&["--jssip", "BUSY"]).contains("sip.js: BUSY \"Busy\" (SIP error causes)\n"));
    assert_eq!(
        failure(&["--jssip", "MISING_SDP"]),
        "sip-cause: error: `MISING_SDP` is no status code, cause or reason phrase: did you mean `MISSING_SDP` (\"Missing SDP\")?\n"
    );
}

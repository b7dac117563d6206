//! The reference data the tests check the generated enum against, written out from the SIP.js
//! 0.6 "Failure and End Causes" page and the IANA registry of SIP response codes, apart from
//! `causes.toml` on purpose: a slip in the table must fail a test, not move its expectation.

#![allow(dead_code)] // each test file uses part of it

use cause_core::{Category, Cause};

/// One row of the reference page: constant, value, category, status codes.
pub struct Row {
    pub constant: &'static str,
    pub value: &'static str,
    pub category: Category,
    pub codes: &'static [u16],
    pub cause: Cause,
}

const fn row(
    constant: &'static str,
    value: &'static str,
    category: Category,
    codes: &'static [u16],
    cause: Cause,
) -> Row {
    Row {
        constant,
        value,
        category,
        codes,
        cause,
    }
}

use Category::{Common, Session, SipError};

/// Every cause, in table order: the page's rows, plus INTERNAL_ERROR and WEBRTC_ERROR, which
/// SIP.js 0.6 emits but its page omits.
pub const ROWS: &[Row] = &[
    row(
        "INVALID_TARGET",
        "Invalid target",
        Common,
        &[],
        Cause::InvalidTarget,
    ),
    row(
        "CONNECTION_ERROR",
        "Connection Error",
        Common,
        &[],
        Cause::ConnectionError,
    ),
    row(
        "REQUEST_TIMEOUT",
        "Request Timeout",
        Common,
        &[],
        Cause::RequestTimeout,
    ),
    row(
        "SIP_FAILURE_CODE",
        "SIP Failure Code",
        Common,
        &[],
        Cause::SipFailureCode,
    ),
    row(
        "INTERNAL_ERROR",
        "Internal Error",
        Common,
        &[],
        Cause::InternalError,
    ),
    row("BUSY", "Busy", SipError, &[486, 600], Cause::Busy),
    row(
        "REJECTED",
        "Rejected",
        SipError,
        &[403, 603],
        Cause::Rejected,
    ),
    row(
        "REDIRECTED",
        "Redirected",
        SipError,
        &[300, 301, 302, 305, 380],
        Cause::Redirected,
    ),
    row(
        "UNAVAILABLE",
        "Unavailable",
        SipError,
        &[408, 410, 430, 480],
        Cause::Unavailable,
    ),
    row(
        "NOT_FOUND",
        "Not Found",
        SipError,
        &[404, 604],
        Cause::NotFound,
    ),
    row(
        "ADDRESS_INCOMPLETE",
        "Address Incomplete",
        SipError,
        &[484],
        Cause::AddressIncomplete,
    ),
    row(
        "INCOMPATIBLE_SDP",
        "Incompatible SDP",
        SipError,
        &[488, 606],
        Cause::IncompatibleSdp,
    ),
    row(
        "AUTHENTICATION_ERROR",
        "Authentication Error",
        SipError,
        &[401, 407],
        Cause::AuthenticationError,
    ),
    row("BYE", "Terminated", Session, &[], Cause::Bye),
    row("CANCELED", "Canceled", Session, &[], Cause::Canceled),
    row("NO_ANSWER", "No Answer", Session, &[], Cause::NoAnswer),
    row("EXPIRES", "Expires", Session, &[], Cause::Expires),
    row("NO_ACK", "No ACK", Session, &[], Cause::NoAck),
    row("NO_PRACK", "No PRACK", Session, &[], Cause::NoPrack),
    row(
        "USER_DENIED_MEDIA_ACCESS",
        "User Denied Media Access",
        Session,
        &[],
        Cause::UserDeniedMediaAccess,
    ),
    row(
        "WEBRTC_NOT_SUPPORTED",
        "WebRTC not supported",
        Session,
        &[],
        Cause::WebrtcNotSupported,
    ),
    row(
        "WEBRTC_ERROR",
        "WebRTC Error",
        Session,
        &[],
        Cause::WebrtcError,
    ),
    row(
        "RTP_TIMEOUT",
        "RTP Timeout",
        Session,
        &[],
        Cause::RtpTimeout,
    ),
    row(
        "BAD_MEDIA_DESCRIPTION",
        "Bad Media Description",
        Session,
        &[],
        Cause::BadMediaDescription,
    ),
    row(
        "DIALOG_ERROR",
        "Dialog Error",
        Session,
        &[],
        Cause::DialogError,
    ),
];

/// Codes that end a dialog when they answer a request sent inside it (RFC 3261 12.2.1.2).
pub const IN_DIALOG: &[(u16, Cause)] = &[(408, Cause::DialogError), (481, Cause::DialogError)];

/// Spellings besides the value that parsing accepts.
pub const ALIASES: &[(&str, Cause)] = &[("WebRTC Not Supported", Cause::WebrtcNotSupported)];

/// The IANA registry of SIP response codes, spelled as there.
pub const REASON_PHRASES: &[(u16, &str)] = &[
    (100, "Trying"),
    (180, "Ringing"),
    (181, "Call Is Being Forwarded"),
    (182, "Queued"),
    (183, "Session Progress"),
    (199, "Early Dialog Terminated"),
    (200, "OK"),
    (202, "Accepted (Deprecated)"),
    (204, "No Notification"),
    (300, "Multiple Choices"),
    (301, "Moved Permanently"),
    (302, "Moved Temporarily"),
    (305, "Use Proxy"),
    (380, "Alternative Service"),
    (400, "Bad Request"),
    (401, "Unauthorized"),
    (402, "Payment Required"),
    (403, "Forbidden"),
    (404, "Not Found"),
    (405, "Method Not Allowed"),
    (406, "Not Acceptable"),
    (407, "Proxy Authentication Required"),
    (408, "Request Timeout"),
    (410, "Gone"),
    (412, "Conditional Request Failed"),
    (413, "Request Entity Too Large"),
    (414, "Request-URI Too Long"),
    (415, "Unsupported Media Type"),
    (416, "Unsupported URI Scheme"),
    (417, "Unknown Resource-Priority"),
    (420, "Bad Extension"),
    (421, "Extension Required"),
    (422, "Session Interval Too Small"),
    (423, "Interval Too Brief"),
    (424, "Bad Location Information"),
    (425, "Bad Alert Message"),
    (428, "Use Identity Header"),
    (429, "Provide Referrer Identity"),
    (430, "Flow Failed"),
    (433, "Anonymity Disallowed"),
    (436, "Bad Identity-Info"),
    (437, "Unsupported Certificate"),
    (438, "Invalid Identity Header"),
    (439, "First Hop Lacks Outbound Support"),
    (440, "Max-Breadth Exceeded"),
    (469, "Bad Info Package"),
    (470, "Consent Needed"),
    (480, "Temporarily Unavailable"),
    (481, "Call/Transaction Does Not Exist"),
    (482, "Loop Detected"),
    (483, "Too Many Hops"),
    (484, "Address Incomplete"),
    (485, "Ambiguous"),
    (486, "Busy Here"),
    (487, "Request Terminated"),
    (488, "Not Acceptable Here"),
    (489, "Bad Event"),
    (491, "Request Pending"),
    (493, "Undecipherable"),
    (494, "Security Agreement Required"),
    (500, "Server Internal Error"),
    (501, "Not Implemented"),
    (502, "Bad Gateway"),
    (503, "Service Unavailable"),
    (504, "Server Time-out"),
    (505, "Version Not Supported"),
    (513, "Message Too Large"),
    (555, "Push Notification Service Not Supported"),
    (580, "Precondition Failure"),
    (600, "Busy Everywhere"),
    (603, "Decline"),
    (604, "Does Not Exist Anywhere"),
    (606, "Not Acceptable"),
    (607, "Unwanted"),
    (608, "Rejected"),
];

/// What SIP.js's `sipErrorCause` gives for a final response: the grouping cause, else
/// SIP_FAILURE_CODE for 300..=699, else nothing.
pub fn expected_failure_cause(code: u16) -> Option<Cause> {
    if !(300..=699).contains(&code) {
        return None;
    }
    let grouped = ROWS.iter().find(|row| row.codes.contains(&code));
    Some(grouped.map_or(Cause::SipFailureCode, |row| row.cause))
}

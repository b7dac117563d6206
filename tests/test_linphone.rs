//! `LinphoneReason` against the real liblinphone (Debian's liblinphone10), as
//! `scripts/record_linphone.py` recorded it in `tests/recorded/liblinphone.json` (`.ci/run`
//! records again through `scripts/record-libraries.sh` and fails on any difference), so this
//! test needs no system library: every reason's spelling and value, the response liblinphone
//! sends when an app declines a call with it, the reason a real call reports for every final
//! response 300..=699 and for every redirect without a `Contact`, and every code where the
//! public `linphone_error_code_to_reason` answers otherwise, which the row it names must say.

mod doc_blocks;

use std::collections::BTreeMap;

use cause_core::LinphoneReason;
use serde::Deserialize;

#[derive(Deserialize)]
struct Recording {
    package: String,
    version: String,
    /// By `LinphoneReason` value: `linphone_reason_to_string`, `linphone_reason_to_error_code`.
    reasons: BTreeMap<u16, Reason>,
    /// `linphone_error_code_to_reason` for the codes it maps to a reason of their own.
    error_code_to_reason: BTreeMap<u16, u16>,
    /// `linphone_error_code_to_reason` for every other code.
    error_code_to_reason_otherwise: u16,
    /// By final response: what a call the far end ended with it reports.
    calls: BTreeMap<u16, Call>,
    /// By redirect (300..=399): what a call reports when the far end's 3xx has no `Contact`.
    calls_without_contact: BTreeMap<u16, Call>,
    /// By `LinphoneReason` value: what the far end got when the app declined its call.
    declines: BTreeMap<u16, Decline>,
    /// How a process ends whose call gets a 422 without `Min-SE`: `exit 0` or a signal.
    call_ended_by_422_without_min_se: String,
}

#[derive(Deserialize)]
struct Reason {
    string: String,
    error_code: u16,
}

#[derive(Deserialize)]
struct Call {
    reason: u16,
    /// Whether the call was released within the recorder's bound.
    ends: bool,
    /// `one`, or `several` where liblinphone sent the INVITE again (a redirect followed, a
    /// 422 retried).
    invites: String,
}

#[derive(Deserialize)]
struct Decline {
    response: Option<u16>,
    reason_header: Option<String>,
}

fn recording() -> Recording {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/recorded/liblinphone.json"
    );
    let text = std::fs::read_to_string(path).expect("the recording is readable");
    serde_json::from_str(&text).expect("the recording is JSON of the expected shape")
}

fn reason(value: u16) -> LinphoneReason {
    LinphoneReason::from_code(value).unwrap_or_else(|| panic!("no LinphoneReason {value}"))
}

#[test]
fn the_recording_is_of_liblinphone_5_1_65() {
    let recording = recording();
    assert_eq!(recording.package, "liblinphone10");
    assert!(
        recording.version.starts_with("5.1.65"),
        "{}",
        recording.version
    );
}

#[test]
fn every_reason_is_spelled_and_answered_as_liblinphone_does() {
    let recording = recording();
    let values: Vec<u16> = recording.reasons.keys().copied().collect();
    let table: Vec<u16> = LinphoneReason::ALL.iter().map(|r| r.code()).collect();
    assert_eq!(values, table, "a row for every LinphoneReason, in order");
    for (&value, recorded) in &recording.reasons {
        let row = reason(value);
        assert_eq!(row.as_str(), recorded.string, "{row:?}");
        assert_eq!(row.response(), Some(recorded.error_code), "{row:?}");
        let declined = &recording.declines[&value];
        assert_eq!(declined.response, row.response(), "{row:?} declined");
        assert_eq!(declined.reason_header, None, "{row:?} declined");
    }
}

/// What a call reports for a final response, as the table should say it: `None` where the call
/// does not end on it (liblinphone waits, retries, or follows a redirect).
fn reported(call: &Call) -> Option<LinphoneReason> {
    (call.ends && call.invites == "one").then(|| reason(call.reason))
}

#[test]
fn every_final_response_gives_the_reason_a_real_call_reports() {
    let recording = recording();
    assert_eq!(
        recording.calls.keys().copied().collect::<Vec<_>>(),
        (300..=699).collect::<Vec<u16>>()
    );
    for (&code, call) in &recording.calls {
        assert_eq!(
            LinphoneReason::for_failure_response(code),
            reported(call),
            "{code}"
        );
    }
    // The five codes a call does not end on, for the reasons the table gives.
    let not_ending: Vec<u16> = (recording.calls.iter())
        .filter(|(_, call)| reported(call).is_none())
        .map(|(&code, _)| code)
        .collect();
    assert_eq!(not_ending, [301, 302, 401, 407, 422]);
}

#[test]
fn every_redirect_without_a_contact_gives_the_reason_a_real_call_reports() {
    let recording = recording();
    let calls = &recording.calls_without_contact;
    assert_eq!(
        calls.keys().copied().collect::<Vec<_>>(),
        (300..=399).collect::<Vec<u16>>()
    );
    for (&code, call) in calls {
        // Without a Contact nothing is followed: every redirect ends the call at once.
        assert!(
            call.ends && call.invites == "one",
            "{code}: {:?}",
            call.invites
        );
        assert_eq!(
            LinphoneReason::for_redirect_without_contact(code),
            Some(reason(call.reason)),
            "{code}"
        );
    }
    // Only the two redirects liblinphone follows report something of their own without a
    // Contact; every other 3xx reports what it does with one.
    let own: Vec<(u16, LinphoneReason)> = (300..=399)
        .filter_map(|code| {
            let reason = LinphoneReason::for_redirect_without_contact(code)?;
            (Some(reason) != LinphoneReason::for_failure_response(code)).then_some((code, reason))
        })
        .collect();
    assert_eq!(
        own,
        [
            (301, LinphoneReason::MovedPermanently),
            (302, LinphoneReason::None)
        ]
    );
    assert_eq!(
        LinphoneReason::MovedPermanently.without_contact_status_codes(),
        &[301]
    );
}

#[test]
fn where_the_public_mapping_differs_from_a_call_its_row_says_so() {
    let recording = recording();
    let public = |code: u16| {
        let value = recording.error_code_to_reason.get(&code);
        reason(*value.unwrap_or(&recording.error_code_to_reason_otherwise))
    };
    let mut differ = Vec::new();
    for (&code, call) in &recording.calls {
        let public = public(code);
        if reported(call) == Some(public) {
            continue;
        }
        differ.push(code);
        let description = public.description();
        assert!(
            description.contains("linphone_error_code_to_reason")
                && description.contains(&code.to_string()),
            "{code}: linphone_error_code_to_reason gives {public:?}, whose description does not \
             say that a call reports {:?}: {description}",
            reported(call)
        );
    }
    assert_eq!(differ, [301, 302, 401, 407, 408, 422, 487, 491]);
    check_doc(&recording, &differ, public);
}

/// The table of `docs/clients.md` of the codes where the public mapping and a call differ.
fn check_doc(recording: &Recording, differ: &[u16], public: impl Fn(u16) -> LinphoneReason) {
    let mut table = String::from(
        "| final response | `linphone_error_code_to_reason` | a call reports |\n|---|---|---|\n",
    );
    for &code in differ {
        let call = &recording.calls[&code];
        let reports = match reported(call) {
            Some(reason) => format!("`{}`", reason.name()),
            None if !call.ends => "nothing: the call does not end".to_owned(),
            None => format!(
                "what the new target answers (the recorder's 486: `{}`)",
                reason(call.reason).name()
            ),
        };
        let phrase = cause_core::reason_phrase(code).unwrap_or("");
        table.push_str(&format!(
            "| {code} {phrase} | `{}` | {reports} |\n",
            public(code).name()
        ));
    }
    assert_eq!(
        doc_blocks::block("docs/clients.md", "linphone-differences"),
        table,
        "docs/clients.md's table of the codes where liblinphone's public mapping differs; it should be:\n{table}"
    );
}

#[test]
fn a_422_without_min_se_takes_liblinphone_down_as_the_row_says() {
    let recording = recording();
    assert_eq!(recording.call_ended_by_422_without_min_se, "SIGSEGV");
    let description = LinphoneReason::SessionIntervalTooSmall.description();
    assert!(
        description.contains("crashes on a 422 without `Min-SE`"),
        "{description}"
    );
}

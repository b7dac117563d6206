//! Every cause of SIP.js 0.6.4's and JsSIP 3.13.8's tables triggered in the real, unmodified
//! library (`tests/interop/triggers.js`, run by the driver) against the scripted peer of
//! `tests/gateway/ws_peer.rs`: each scenario must end with the event and the cause written
//! here, the library must send the peer what is written here, and a cause a library never
//! reports must show what happens instead (the exception thrown, the other cause reported, or
//! no live line of the library's code naming it). The table of triggers of `docs/proofs.md` is
//! rendered from what the libraries did, and must be the document's.

// The gateway's helpers this test needs, without the gateway itself: a test binary that links
// rsipstack takes seconds more to build.
#[allow(dead_code)]
#[path = "gateway/node.rs"]
mod node;
#[allow(dead_code)]
#[path = "../examples/far_end/sip_text.rs"]
mod sip_text;
#[path = "gateway/ws_peer.rs"]
mod ws_peer;
// The table of triggers of `docs/proofs.md`, rendered from what the libraries did.
mod doc_blocks;
#[path = "triggers/doc_table.rs"]
mod doc_table;

use std::collections::BTreeSet;
use std::time::Duration;

use cause_core::{Cause, JsSipCause};
use node::{drive, ensure_packages};
use serde_json::{Map, Value, json};
use ws_peer::{Seen, WsPeer};

/// Every scenario of both libraries runs at once; the longest waits 1 s (`Expires: 1`).
const RUN_LIMIT: Duration = Duration::from_secs(60);

/// What a library does for a cause.
#[derive(Clone, Copy)]
enum Outcome {
    /// It reports the cause's value on this event.
    Reports(&'static str),
    /// It never reports the value: it throws this (`Name: message`) instead.
    Throws(&'static str),
    /// It never reports the value: it reports this other cause of its table instead.
    ReportsInstead(&'static str),
    /// It never reports the value: the event carries no cause (`null`) where it would.
    ReportsNull(&'static str),
    /// No live line of its code names the cause (only comments do): nothing to trigger.
    NoLiveCode,
    /// The cause is not in this library's table.
    Absent,
    /// The cause is not in this library's table, and the trigger throws this.
    AbsentThrows(&'static str),
}

/// One row of the trigger table: the cause, what triggers it, and what each library does,
/// with what it sends the peer (a response code, `BYE`), where it sends something.
struct Row {
    cause: &'static str,
    trigger: &'static str,
    sipjs: (Outcome, Option<&'static str>),
    jssip: (Outcome, Option<&'static str>),
}

use Outcome::*;

impl Row {
    /// A cause a final response to the INVITE names: both libraries report it on `failed`.
    const fn reject(cause: &'static str) -> Row {
        Row {
            cause,
            trigger: REJECT,
            sipjs: (Reports("failed"), None),
            jssip: (Reports("failed"), None),
        }
    }
}

/// The trigger of a row whose cause a final response to the INVITE names: `docs/proofs.md` says
/// which code each library was sent.
const REJECT: &str = "";

const ROWS: &[Row] = &[
    Row {
        cause: "INVALID_TARGET",
        trigger: "a target that is not a SIP URI: `invite('')`, `call('sip:@@')`",
        sipjs: (Throws("TypeError: Invalid target: "), None),
        jssip: (AbsentThrows("TypeError: Invalid target: sip:@@"), None),
    },
    Row {
        cause: "CONNECTION_ERROR",
        trigger: "the server closes the WebSocket on an INVITE (SIP.js) or a MESSAGE (JsSIP)",
        sipjs: (Reports("failed"), None),
        jssip: (Reports("failed"), None),
    },
    Row {
        cause: "REQUEST_TIMEOUT",
        trigger: "no response to an INVITE (SIP.js) or a MESSAGE (JsSIP) before Timer B or F",
        sipjs: (Reports("failed"), None),
        jssip: (Reports("failed"), None),
    },
    Row::reject("SIP_FAILURE_CODE"),
    Row {
        cause: "INTERNAL_ERROR",
        trigger: "a 200 to the INVITE without a Contact",
        sipjs: (Reports("failed"), None),
        jssip: (Reports("failed"), None),
    },
    Row::reject("BUSY"),
    Row::reject("REJECTED"),
    Row::reject("REDIRECTED"),
    Row::reject("UNAVAILABLE"),
    Row::reject("NOT_FOUND"),
    Row::reject("ADDRESS_INCOMPLETE"),
    Row::reject("INCOMPATIBLE_SDP"),
    Row {
        cause: "MISSING_SDP",
        trigger: "an INVITE without SDP, answered, and an ACK without SDP",
        sipjs: (Absent, None),
        jssip: (Reports("ended"), Some("BYE")),
    },
    Row::reject("AUTHENTICATION_ERROR"),
    Row {
        cause: "BYE",
        trigger: "the server's BYE in an answered call",
        sipjs: (ReportsNull("terminated"), Some("200")),
        jssip: (Reports("ended"), Some("200")),
    },
    Row {
        cause: "CANCELED",
        trigger: "the server's CANCEL of its INVITE, ringing",
        sipjs: (Reports("failed"), Some("487")),
        jssip: (Reports("failed"), Some("487")),
    },
    Row {
        cause: "NO_ANSWER",
        trigger: "an incoming INVITE left ringing past the no-answer timeout (1 s)",
        sipjs: (Reports("failed"), Some("408")),
        jssip: (Reports("failed"), Some("408")),
    },
    Row {
        cause: "EXPIRES",
        trigger: "an incoming INVITE with `Expires: 1`, left ringing",
        sipjs: (Reports("failed"), Some("487")),
        jssip: (Reports("failed"), Some("487")),
    },
    Row {
        cause: "NO_ACK",
        trigger: "an incoming INVITE answered, and no ACK before Timer H",
        sipjs: (Reports("terminated"), Some("BYE")),
        jssip: (Reports("ended"), Some("BYE")),
    },
    Row {
        cause: "NO_PRACK",
        trigger: "an incoming INVITE with `Require: 100rel`, a reliable 183, and no PRACK",
        sipjs: (Reports("terminated"), Some("504")),
        jssip: (Absent, None),
    },
    Row {
        cause: "USER_DENIED_MEDIA_ACCESS",
        trigger: "getUserMedia refused (SIP.js: the media handler fails)",
        sipjs: (ReportsInstead("WEBRTC_ERROR"), None),
        jssip: (Reports("failed"), None),
    },
    Row {
        cause: "WEBRTC_NOT_SUPPORTED",
        trigger: "a media handler factory whose `isSupported()` is false",
        sipjs: (Throws("NOT_SUPPORTED_ERROR: Media not supported"), None),
        jssip: (Absent, None),
    },
    Row {
        cause: "WEBRTC_ERROR",
        trigger: "the media handler fails (SIP.js); an offer the peer connection refuses (JsSIP)",
        sipjs: (Reports("failed"), None),
        jssip: (Reports("failed"), Some("488")),
    },
    Row {
        cause: "RTP_TIMEOUT",
        trigger: "ICE fails in an answered call",
        sipjs: (NoLiveCode, None),
        jssip: (Reports("ended"), Some("BYE")),
    },
    Row {
        cause: "BAD_MEDIA_DESCRIPTION",
        trigger: "a 200 to the INVITE whose SDP has no media",
        sipjs: (Reports("failed"), Some("BYE")),
        jssip: (Reports("failed"), Some("BYE")),
    },
    Row {
        cause: "DIALOG_ERROR",
        trigger: "a 481 to an INFO in an answered call",
        sipjs: (Reports("terminated"), None),
        jssip: (Reports("ended"), Some("BYE")),
    },
];

/// A library under test: its name in the driver and `docs/proofs.md`, and its table's constants
/// with their values.
struct Library {
    key: &'static str,
    name: &'static str,
    causes: Vec<(&'static str, &'static str)>,
}

fn libraries() -> [Library; 2] {
    [
        Library {
            key: "sipjs",
            name: "SIP.js 0.6.4",
            causes: Cause::ALL.iter().map(|c| (c.name(), c.as_str())).collect(),
        },
        Library {
            key: "jssip",
            name: "JsSIP 3.13.8",
            causes: JsSipCause::ALL
                .iter()
                .map(|c| (c.name(), c.as_str()))
                .collect(),
        },
    ]
}

/// The codes that end an INVITE for the causes a code names: each cause's own response where
/// the library maps it back to the cause, and for the fallback the first code mapped to it.
fn rejects<C: Copy + PartialEq>(
    all: &[C],
    response: impl Fn(C) -> Option<u16>,
    mapped: impl Fn(u16) -> Option<C>,
    name: impl Fn(C) -> &'static str,
) -> Map<String, Value> {
    let mut rejects = Map::new();
    for &cause in all {
        let code = response(cause)
            .filter(|&code| mapped(code) == Some(cause))
            .or_else(|| (300..=699).find(|&code| code >= 400 && mapped(code) == Some(cause)));
        if let Some(code) = code {
            rejects.insert(name(cause).to_owned(), json!(code));
        }
    }
    rejects
}

struct Run {
    reports: Vec<Value>,
    peer: WsPeer,
}

fn run() -> Run {
    let _packages = ensure_packages();
    let peer = WsPeer::start();
    let sipjs = rejects(
        Cause::ALL,
        Cause::response,
        Cause::for_failure_response,
        Cause::name,
    );
    let jssip = rejects(
        JsSipCause::ALL,
        JsSipCause::response,
        JsSipCause::for_failure_response,
        JsSipCause::name,
    );
    // Only the causes a scenario of triggers.js does not trigger otherwise.
    let scripted: BTreeSet<&str> = ["INTERNAL_ERROR", "CANCELED", "NO_ANSWER", "EXPIRES"].into();
    let keep = |map: Map<String, Value>| -> Map<String, Value> {
        map.into_iter()
            .filter(|(name, _)| !scripted.contains(name.as_str()))
            .collect()
    };
    let spec = json!({ "triggers": {
        "rejects": { "sipjs": keep(sipjs), "jssip": keep(jssip) },
        "names": {
            "sipjs": Cause::ALL.iter().map(|c| c.name()).collect::<Vec<_>>(),
            "jssip": JsSipCause::ALL.iter().map(|c| c.name()).collect::<Vec<_>>(),
        },
    }});
    let reports = drive(&peer.url, &spec, RUN_LIMIT);
    Run { reports, peer }
}

#[test]
fn every_cause_is_triggered_in_the_real_libraries_or_shown_never_reported() {
    let run = run();
    let libraries = libraries();
    for library in &libraries {
        let rows: BTreeSet<&str> = ROWS
            .iter()
            .filter(|row| !matches!(outcome(row, library.key).0, Absent | AbsentThrows(_)))
            .map(|row| row.cause)
            .collect();
        let table: BTreeSet<&str> = library.causes.iter().map(|(name, _)| *name).collect();
        assert_eq!(
            rows, table,
            "{}: a row for every cause of its table",
            library.name
        );
        for row in ROWS {
            check(&run, library, row);
        }
    }
    doc_table::check_doc(&run, &libraries);
    check_tables_say_it();
}

/// The tables say what the test saw: `never-reported` on each SIP.js cause SIP.js 0.6.4 never
/// reports, and elsewhere `reported`, starting with the event each library emitted.
fn check_tables_say_it() {
    for row in ROWS {
        if let Some(cause) = Cause::from_name(row.cause) {
            check_report(
                row.cause,
                row.sipjs.0,
                cause.reported(),
                cause.never_reported(),
            );
        }
        if let Some(cause) = JsSipCause::from_name(row.cause) {
            check_report(
                row.cause,
                row.jssip.0,
                cause.reported(),
                cause.never_reported(),
            );
        }
    }
}

fn check_report(cause: &str, outcome: Outcome, reported: Option<&str>, never: Option<&str>) {
    match outcome {
        Reports(event) => {
            let reported = reported.unwrap_or_else(|| panic!("{cause}: no `reported`"));
            assert!(
                reported.starts_with(&format!("`{event}`")),
                "{cause}: {reported}"
            );
            assert_eq!(never, None, "{cause}");
        }
        Throws(_) | ReportsInstead(_) | ReportsNull(_) | NoLiveCode => {
            assert!(never.is_some(), "{cause}: no `never-reported`");
            assert_eq!(reported, None, "{cause}");
        }
        Absent | AbsentThrows(_) => unreachable!("{cause} is in the table"),
    }
}

fn outcome(row: &Row, lib: &str) -> (Outcome, Option<&'static str>) {
    if lib == "sipjs" { row.sipjs } else { row.jssip }
}

fn report<'a>(run: &'a Run, lib: &str, cause: &str) -> Option<&'a Value> {
    run.reports
        .iter()
        .find(|r| r["scenario"] == "trigger" && r["lib"] == lib && r["constant"] == cause)
}

fn live_references(run: &Run, lib: &str, cause: &str) -> u64 {
    let sources = run
        .reports
        .iter()
        .find(|r| r["scenario"] == "sources" && r["lib"] == lib)
        .expect("a sources report");
    sources["live"][cause].as_u64().expect("a count")
}

fn value_of(library: &Library, constant: &str) -> &'static str {
    let found = library.causes.iter().find(|(name, _)| *name == constant);
    found.expect("a cause of the table").1
}

/// One cause in one library: the report, and what the peer received.
fn check(run: &Run, library: &Library, row: &Row) {
    let (outcome, reply) = outcome(row, library.key);
    let what = format!("{} {}", library.name, row.cause);
    let found = report(run, library.key, row.cause);
    match outcome {
        Absent => return assert!(found.is_none(), "{what}: not in its table"),
        AbsentThrows(error) => {
            let found = found.unwrap_or_else(|| panic!("{what}: no report"));
            return assert_eq!(found["thrown"], error, "{what}: {found}");
        }
        NoLiveCode => {
            assert!(found.is_none(), "{what}: no scenario");
            assert_eq!(live_references(run, library.key, row.cause), 0, "{what}");
            return;
        }
        _ => {}
    }
    let found = found.unwrap_or_else(|| panic!("{what}: no report"));
    let value = value_of(library, row.cause);
    match outcome {
        Reports(event) => {
            assert_eq!(found["event"], event, "{what}: {found}");
            assert_eq!(found["cause"], value, "{what}: {found}");
        }
        Throws(error) => {
            assert_eq!(found["thrown"], error, "{what}: {found}");
            assert_eq!(live_references(run, library.key, row.cause), 0, "{what}");
        }
        ReportsInstead(other) => {
            assert_eq!(found["cause"], value_of(library, other), "{what}: {found}");
            assert_eq!(live_references(run, library.key, row.cause), 0, "{what}");
        }
        ReportsNull(event) => {
            assert_eq!(found["event"], event, "{what}: {found}");
            assert_eq!(found["cause"], Value::Null, "{what}: {found}");
        }
        Absent | AbsentThrows(_) | NoLiveCode => unreachable!(),
    }
    let behaviour = found["behaviour"].as_str().expect("a behaviour");
    let seen = run.peer.seen(&format!("{}.{behaviour}", library.key));
    if let Some(reply) = reply {
        assert!(
            sent(&seen, reply),
            "{what}: the library sent no {reply}: {seen:#?}"
        );
    }
}

/// Whether the library sent `reply`: a response with that code to the peer's request (an
/// INVITE, or the BYE for `200`), or a request of that method.
fn sent(seen: &[Seen], reply: &str) -> bool {
    match reply.parse::<u16>() {
        Ok(code) => seen.iter().any(|s| s.status() == Some(code)),
        Err(_) => seen.iter().any(|s| s.method() == Some(reply)),
    }
}

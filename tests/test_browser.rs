//! The media causes in a real browser: SIP.js 0.6.4 and JsSIP 3.13.8 with their own WebRTC
//! code in Debian's headless Chromium (`tests/browser/page.js`, run by `record.js`), against
//! the scripted peer of `tests/gateway/ws_peer.rs`, with the microphone granted (a fake device)
//! or denied, an SDP the peer connection refuses, and an answer whose ICE never connects.
//!
//! What the libraries reported is read from `tests/recorded/chromium-media.json`, so the
//! README's test command needs no browser: the first test checks the recording against what
//! the tables say and renders the table of `docs/proofs.md` from it. The ignored `record` test makes the
//! recording; `scripts/record-browser.sh` installs Chromium and the packages and runs it
//! (`.ci/run` does, and fails where a new recording differs from the committed one).

mod doc_blocks;
#[allow(dead_code)]
#[path = "gateway/node.rs"]
mod node;
#[allow(dead_code)]
#[path = "../examples/far_end/sip_text.rs"]
mod sip_text;
#[path = "gateway/ws_peer.rs"]
mod ws_peer;

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use cause_core::{Cause, JsSipCause};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ws_peer::WsPeer;

const RECORDING: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/recorded/chromium-media.json"
);

/// The scenarios run at once; the longest waits 15 s for ICE to give up, then 20 s more.
const RUN_LIMIT: Duration = Duration::from_secs(120);

/// The recording: the browser, then what each scenario's library reported and what the peer
/// received from it.
#[derive(Debug, Deserialize, Serialize)]
struct Recording {
    /// Debian's package and its version.
    browser: Browser,
    scenarios: Vec<Scenario>,
}

#[derive(Debug, Deserialize, Serialize)]
struct Browser {
    package: String,
    version: String,
}

#[derive(Debug, Deserialize, Serialize)]
struct Scenario {
    /// `sipjs` or `jssip`.
    lib: String,
    /// The cause the scenario is meant to show.
    cause: String,
    /// The peer's behaviour (`answer.noice`: ICE never connects; see ws_peer.rs).
    behaviour: String,
    /// The microphone permission the page saw: `granted` or `denied`.
    microphone: String,
    /// The event the library emitted; `None` where it emitted none.
    event: Option<String>,
    /// The cause the event carried.
    reported: Option<String>,
    /// What the library threw instead of reporting (`Name: message`), uncaught.
    thrown: Option<String>,
    /// Where the library reported nothing after its peer connection failed: the ICE state and
    /// the connection state then.
    ice: Option<String>,
    connection: Option<String>,
    /// How long the page then waited for a report, in milliseconds.
    quiet_ms: Option<u64>,
    /// What the peer received from the library, in order: methods, and status codes, until
    /// the page stopped the user agent (which then ends a call still up with a BYE).
    peer_received: Vec<String>,
}

/// What a library does in a scenario.
#[derive(Clone, Copy, Debug)]
enum Outcome {
    /// It reports the scenario's cause on this event.
    Reports(&'static str),
    /// It reports this other cause of its table instead, on `failed`.
    ReportsInstead(&'static str),
    /// It reports nothing: it throws this (`Name: message`) from its own callback first.
    Throws(&'static str),
    /// Its peer connection fails, ICE left `disconnected`, and it reports nothing.
    Silent,
}

use Outcome::*;

/// One scenario: the library, the cause, the trigger as `docs/proofs.md` says it, what the library
/// does, and what it sends the peer (a method or a response code), where it sends something.
struct Expected {
    lib: &'static str,
    cause: &'static str,
    trigger: &'static str,
    outcome: Outcome,
    sends: Option<&'static str>,
}

const DENIED: &str = "the microphone permission denied";
const BAD_ANSWER: &str = "a 200 to the INVITE whose SDP has no media";
const NO_ICE: &str = "a 200 whose one ICE candidate never answers";
const OWN_MEDIA_BUSY: &str = "a 486 to the INVITE, the library having called getUserMedia itself";

const EXPECTED: &[Expected] = &[
    Expected {
        lib: "sipjs",
        cause: "USER_DENIED_MEDIA_ACCESS",
        trigger: DENIED,
        outcome: ReportsInstead("WEBRTC_ERROR"),
        sends: None,
    },
    Expected {
        lib: "sipjs",
        cause: "WEBRTC_ERROR",
        trigger: DENIED,
        outcome: Reports("failed"),
        sends: None,
    },
    // SIP.js 0.6.4 stops a stream it got from getUserMedia itself with `MediaStream.stop()`,
    // which browsers dropped in 2015: every end of such a call throws before it is reported.
    Expected {
        lib: "sipjs",
        cause: "BUSY",
        trigger: OWN_MEDIA_BUSY,
        outcome: Throws("TypeError: stream.stop is not a function"),
        sends: Some("ACK"),
    },
    Expected {
        lib: "sipjs",
        cause: "BAD_MEDIA_DESCRIPTION",
        trigger: BAD_ANSWER,
        outcome: Reports("failed"),
        sends: Some("BYE"),
    },
    Expected {
        lib: "sipjs",
        cause: "RTP_TIMEOUT",
        trigger: NO_ICE,
        outcome: Silent,
        sends: None,
    },
    Expected {
        lib: "jssip",
        cause: "USER_DENIED_MEDIA_ACCESS",
        trigger: DENIED,
        outcome: Reports("failed"),
        sends: None,
    },
    Expected {
        lib: "jssip",
        cause: "WEBRTC_ERROR",
        trigger: "an incoming INVITE whose SDP has no ICE credentials or DTLS fingerprint",
        outcome: Reports("failed"),
        sends: Some("488"),
    },
    Expected {
        lib: "jssip",
        cause: "BUSY",
        trigger: OWN_MEDIA_BUSY,
        outcome: Reports("failed"),
        sends: Some("ACK"),
    },
    Expected {
        lib: "jssip",
        cause: "BAD_MEDIA_DESCRIPTION",
        trigger: BAD_ANSWER,
        outcome: Reports("failed"),
        sends: Some("BYE"),
    },
    Expected {
        lib: "jssip",
        cause: "RTP_TIMEOUT",
        trigger: NO_ICE,
        outcome: Silent,
        sends: None,
    },
];

/// A cause's value in a library's table.
fn value(lib: &str, constant: &str) -> &'static str {
    let found = match lib {
        "sipjs" => Cause::from_name(constant).map(Cause::as_str),
        _ => JsSipCause::from_name(constant).map(JsSipCause::as_str),
    };
    found.unwrap_or_else(|| panic!("{lib}: no cause {constant}"))
}

fn read_recording() -> Recording {
    let text = std::fs::read_to_string(RECORDING).expect("the recording is readable");
    serde_json::from_str(&text).expect("the recording is JSON of the expected shape")
}

fn scenario<'a>(recording: &'a Recording, expected: &Expected) -> &'a Scenario {
    let found =
        (recording.scenarios.iter()).find(|s| s.lib == expected.lib && s.cause == expected.cause);
    found.unwrap_or_else(|| panic!("no recorded {} {}", expected.lib, expected.cause))
}

#[test]
fn the_media_causes_recorded_in_chromium_are_what_the_tables_say() {
    let recording = read_recording();
    assert_eq!(recording.browser.package, "chromium");
    assert_eq!(recording.scenarios.len(), EXPECTED.len());
    for expected in EXPECTED {
        let found = scenario(&recording, expected);
        let what = format!("{} {}: {found:?}", expected.lib, expected.cause);
        let microphone = if expected.trigger == DENIED {
            "denied"
        } else {
            "granted"
        };
        assert_eq!(found.microphone, microphone, "{what}");
        match expected.outcome {
            Reports(event) => {
                assert_eq!(found.event.as_deref(), Some(event), "{what}");
                let cause = value(expected.lib, expected.cause);
                assert_eq!(found.reported.as_deref(), Some(cause), "{what}");
            }
            ReportsInstead(other) => {
                assert_eq!(found.event.as_deref(), Some("failed"), "{what}");
                let other = value(expected.lib, other);
                assert_eq!(found.reported.as_deref(), Some(other), "{what}");
            }
            Throws(error) => {
                assert_eq!(
                    (found.event.as_deref(), found.reported.as_deref()),
                    (None, None)
                );
                assert_eq!(found.thrown.as_deref(), Some(error), "{what}");
            }
            Silent => {
                assert_eq!(
                    (found.event.as_deref(), found.reported.as_deref()),
                    (None, None)
                );
                assert_eq!(found.ice.as_deref(), Some("disconnected"), "{what}");
                assert_eq!(found.connection.as_deref(), Some("failed"), "{what}");
            }
        }
        if let Some(sends) = expected.sends {
            assert!(found.peer_received.iter().any(|r| r == sends), "{what}");
        }
        check_table(expected);
    }
    check_doc(&recording);
}

/// The table's `reported` or `never-reported` says what the browser showed.
fn check_table(expected: &Expected) {
    let (reported, never) = match expected.lib {
        "sipjs" => {
            let cause = Cause::from_name(expected.cause).expect("a SIP.js cause");
            (cause.reported(), cause.never_reported())
        }
        _ => {
            let cause = JsSipCause::from_name(expected.cause).expect("a JsSIP cause");
            (cause.reported(), cause.never_reported())
        }
    };
    let what = format!("{} {}", expected.lib, expected.cause);
    match expected.outcome {
        Reports(event) => {
            let reported = reported.unwrap_or_else(|| panic!("{what}: no `reported`"));
            assert!(reported.starts_with(&format!("`{event}`")), "{what}");
        }
        ReportsInstead(other) => {
            assert!(never.is_some(), "{what}: no `never-reported`");
            // The value reported instead says so in its own description: someone reading why
            // a call failed with it learns what the browser did.
            let description = match expected.lib {
                "sipjs" => Cause::from_name(other).map(Cause::description),
                _ => JsSipCause::from_name(other).map(JsSipCause::description),
            };
            let description = description.unwrap_or_else(|| panic!("{what}: no {other}"));
            if expected.trigger == DENIED {
                assert!(
                    description.contains("microphone") && description.contains(expected.cause),
                    "{what}: {other}'s description does not name a refused microphone"
                );
            }
        }
        // The table says what happens in Chromium, whichever key it uses.
        Silent => {
            let text = reported.or(never).unwrap_or_default();
            assert!(text.contains("Chromium"), "{what}: {text}");
        }
        // A flaw of the library in every browser, not of one cause: `docs/proofs.md` says it.
        Throws(_) => {}
    }
}

/// The table of the media causes in Chromium in `docs/proofs.md`, from the recording.
fn check_doc(recording: &Recording) {
    let mut table = format!(
        "| cause | what triggers it in {} | SIP.js 0.6.4 | JsSIP 3.13.8 |\n|---|---|---|---|\n",
        chromium_name(&recording.browser.version)
    );
    let mut causes: Vec<&str> = Vec::new();
    for expected in EXPECTED {
        if !causes.contains(&expected.cause) {
            causes.push(expected.cause);
        }
    }
    for cause in causes {
        let cells: Vec<(&Expected, String)> = EXPECTED
            .iter()
            .filter(|e| e.cause == cause)
            .map(|e| (e, cell(scenario(recording, e), e)))
            .collect();
        let mut triggers: Vec<&str> = cells.iter().map(|(e, _)| e.trigger).collect();
        triggers.dedup();
        let trigger = match triggers.as_slice() {
            [one] => (*one).to_owned(),
            _ => format!("{} (SIP.js); {} (JsSIP)", triggers[0], triggers[1]),
        };
        table.push_str(&format!(
            "| `{cause}` | {trigger} | {} | {} |\n",
            cells[0].1, cells[1].1
        ));
    }
    assert_eq!(
        doc_blocks::block("docs/proofs.md", "chromium"),
        table,
        "docs/proofs.md's table of the media causes in Chromium differs; it should be:\n{table}"
    );
}

/// "Chromium 156" of Debian's `156.0.8078.114-1~deb12u1`.
fn chromium_name(version: &str) -> String {
    let major = version.split('.').next().unwrap_or(version);
    format!("Chromium {major}")
}

/// What a library did, as `docs/proofs.md` says it: from the recording.
fn cell(found: &Scenario, expected: &Expected) -> String {
    let sends = expected
        .sends
        .map_or(String::new(), |s| format!(", sends {s}"));
    match (&found.event, &found.reported, expected.outcome) {
        (None, _, Throws(_)) => format!(
            "never: throws `{}`{sends}",
            found.thrown.as_deref().unwrap_or("?")
        ),
        (None, _, _) => format!(
            "never: ICE stays `{}`, no event in {} s",
            found.ice.as_deref().unwrap_or("?"),
            found.quiet_ms.unwrap_or_default() / 1000
        ),
        (Some(event), Some(cause), ReportsInstead(_)) => {
            format!("never: `{event}` with {cause:?} instead")
        }
        (Some(event), _, _) => format!("`{event}`{sends}"),
    }
}

/// Makes the recording: Chromium must be installed and `npm ci` done in `tests/browser`
/// (`scripts/record-browser.sh` does both, then runs this with `RECORD_TO` set).
#[test]
#[ignore = "needs Debian's chromium and tests/browser's packages: scripts/record-browser.sh runs it"]
fn record() {
    let target = std::env::var_os("RECORD_TO")
        .map(PathBuf::from)
        .expect("RECORD_TO names the file to write the recording to");
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    assert!(
        dir.join("node_modules/playwright-core").is_dir(),
        "run `npm ci` in {} first (scripts/record-browser.sh does)",
        dir.display()
    );
    let peer = WsPeer::start();
    let lines = node::run_script(&dir, &["record.js", &peer.url], RUN_LIMIT, "record.js");
    let scenarios = lines
        .iter()
        .filter(|line| line["scenario"] == "media")
        .map(|line| recorded(line, &peer))
        .collect();
    let recording = Recording {
        browser: Browser {
            package: "chromium".to_owned(),
            version: debian_version("chromium"),
        },
        scenarios,
    };
    let text = serde_json::to_string_pretty(&recording).expect("JSON") + "\n";
    std::fs::write(&target, text).expect("the recording is written");
}

/// One scenario as recorded: what the page reported, and what the peer received.
fn recorded(line: &Value, peer: &WsPeer) -> Scenario {
    let text = |key: &str| line[key].as_str().map(str::to_owned);
    let field = |key: &str| text(key).unwrap_or_else(|| panic!("no {key}: {line}"));
    assert_eq!(line["timeout"], Value::Null, "a scenario timed out: {line}");
    let (lib, cause, behaviour) = (field("lib"), field("cause"), field("behaviour"));
    // page.js's user for the scenario.
    let user = format!("{lib}-{}.{behaviour}", cause.to_lowercase());
    let peer_received = peer
        .seen(&user)
        .iter()
        .map(|seen| {
            seen.status()
                .map(|code| code.to_string())
                .or_else(|| seen.method().map(str::to_owned))
                .unwrap_or_default()
        })
        .collect();
    Scenario {
        lib,
        cause,
        behaviour,
        microphone: field("permission"),
        event: text("event"),
        reported: text("reported"),
        thrown: text("thrown"),
        ice: text("ice"),
        connection: text("connection"),
        quiet_ms: line["quietMs"].as_u64(),
        peer_received,
    }
}

/// The version of an installed Debian package.
fn debian_version(package: &str) -> String {
    let output = Command::new("dpkg-query")
        .args(["-W", "-f=${Version}", package])
        .output()
        .expect("dpkg-query runs");
    assert!(output.status.success(), "{package} is not installed");
    String::from_utf8(output.stdout).expect("a UTF-8 version")
}

//! The gateway of `examples/gateway` behaving as Asterisk and as FreeSWITCH, against what the
//! real PBXs sent (`tests/recorded/`, `scripts/record-pbx.sh`): every recorded relay row, the
//! far end of `examples/far_end` answering as the PBX's far end did, a caller over UDP. The
//! caller must get what the PBX sent: the status, the phrase byte for byte (FreeSWITCH's empty
//! one included) and every `Reason` value; where the PBX varied, one of the outcomes it was
//! seen to have. Then a sample of the rows with the real SIP.js and JsSIP as the caller: each
//! must get the status the PBX sent and report the cause cause-core predicts for it.

// The gateway's harness and the PBX recorder each include the far end of `examples/far_end`,
// and this test needs both: two copies of one file, in two modules that never meet.
#![allow(clippy::duplicate_mod)]

mod gateway;
mod pbx;

use std::time::Duration;

use cause_core::{Cause, Gateway, JsSipCause, Reason};
use gateway::Harness;
use gateway::node::{drive, ensure_packages};
use pbx::recording::{Kind, Recording};
use pbx::ua::{Caller, Plan};
use serde_json::json;

fn recording(name: &str) -> Recording {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/recorded")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every `Reason` value of some header lines, as written.
fn values(lines: &[String]) -> Vec<String> {
    let parsed: Vec<Reason<'_>> = lines
        .iter()
        .flat_map(|line| Reason::parse_list(line))
        .collect::<Result<_, _>>()
        .expect("Reason lines parse");
    parsed.iter().map(ToString::to_string).collect()
}

fn check(behave: Gateway, recording: &Recording) {
    let harness = Harness::start(behave);
    let caller = Caller::new();
    let mut mismatches = Vec::new();
    for row in recording.rows.iter().filter(|row| row.kind == Kind::Relay) {
        let heard = caller
            .call(harness.udp, "caller", &row.target, &Plan::Final)
            .unwrap_or_else(|error| panic!("{behave} {}: {error}", row.target));
        let got = (heard.status, heard.phrase.clone(), values(&heard.reasons));
        let recorded: Vec<_> = row
            .seen
            .iter()
            .map(|seen| (seen.status, seen.phrase.clone(), values(&seen.reasons)))
            .collect();
        if !recorded.contains(&got) {
            mismatches.push(format!(
                "{}: the gateway {got:?}, the PBX {recorded:?}",
                row.target
            ));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{behave}: {} of the recorded rows differ:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

#[test]
fn the_gateway_sends_what_asterisk_sent_on_every_recorded_row() {
    check(Gateway::Asterisk, &recording("asterisk-f0c1c1a.json"));
}

#[test]
fn the_gateway_sends_what_freeswitch_1_10_sent_on_every_recorded_row() {
    check(
        Gateway::FreeSwitchRelease,
        &recording("freeswitch-1.10.12.json"),
    );
}

#[test]
fn the_gateway_sends_what_asterisk_22_sent_on_every_recorded_row() {
    check(Gateway::Asterisk, &recording("asterisk-22.10.1.json"));
}

#[test]
fn the_gateway_sends_what_freeswitch_sent_on_every_recorded_row() {
    check(Gateway::FreeSwitch, &recording("freeswitch-cc93a68.json"));
}

/// Recorded rows the browsers call: plain codes, a Q.850 `Reason`, two values, a 3xx with and
/// without its `Contact`, a 401 and a 407 with and without a challenge, a 422 with `Min-SE`,
/// a code sofia-sip has no phrase for.
const SAMPLE: [&str; 13] = [
    "486",
    "404",
    "404.q850-63",
    "503.sipq850-34",
    "301",
    "302.nocontact",
    "401",
    "401.challenge",
    "407.challenge",
    "422.minse",
    "480.q850-27",
    "603.q850sip-21",
    "608",
];

#[test]
fn the_real_clients_get_what_each_pbx_sent_on_a_sample_of_the_rows() {
    let _packages = ensure_packages();
    let systems = [
        (Gateway::Asterisk, recording("asterisk-f0c1c1a.json")),
        (Gateway::FreeSwitch, recording("freeswitch-cc93a68.json")),
    ];
    for (behave, recording) in systems {
        let harness = Harness::start(behave);
        let spec = json!({ "gateway": { "jssip": SAMPLE, "sipjs": SAMPLE } });
        let reports = drive(&harness.ws, &spec, Duration::from_secs(60));
        let mut checked = 0;
        for report in reports.iter().filter(|r| r["scenario"] == "gateway") {
            let lib = report["lib"].as_str().expect("a library");
            for result in report["results"].as_array().expect("results") {
                let target = result["target"].as_str().expect("a target");
                let row = recording
                    .rows
                    .iter()
                    .find(|r| r.kind == Kind::Relay && r.target == target);
                let row = row.unwrap_or_else(|| panic!("{target} is no recorded row"));
                let status = result["status"].as_u64().expect("a status") as u16;
                assert!(
                    row.seen.iter().any(|seen| seen.status == status),
                    "{behave} {lib} {target}: {status}, the PBX sent {:?}",
                    row.seen.iter().map(|seen| seen.status).collect::<Vec<_>>()
                );
                let cause = match lib {
                    "jssip" => JsSipCause::for_failure_response(status).map(JsSipCause::as_str),
                    _ => Cause::for_failure_response(status).map(Cause::as_str),
                };
                assert_eq!(
                    result["cause"],
                    json!(cause),
                    "{behave} {lib} {target}: {result}"
                );
                checked += 1;
            }
        }
        assert_eq!(checked, 2 * SAMPLE.len(), "{behave}");
    }
}

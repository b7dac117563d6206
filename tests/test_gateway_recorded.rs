//! The gateway of `examples/gateway` behaving as Asterisk and as FreeSWITCH, against what the
//! real PBXs sent (`tests/recorded/`, `scripts/record-pbx.sh`): every recorded relay row, the
//! far end of `examples/far_end` answering as the PBX's far end did, a caller over UDP. The
//! caller must get what the PBX sent: the status, the phrase byte for byte (FreeSWITCH's empty
//! one included) and every `Reason` value; where the PBX varied, one of the outcomes it was
//! seen to have.

// The gateway harness and the PBX recorder each load the far end of `examples/far_end` for
// their own use; both are needed here.
#![allow(clippy::duplicate_mod)]

mod gateway;
mod pbx;

use cause_core::{Gateway, Reason};
use gateway::Harness;
use pbx::recording::{Kind, Recording};
use pbx::ua::{Caller, Plan};

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
fn the_gateway_sends_what_freeswitch_sent_on_every_recorded_row() {
    check(Gateway::FreeSwitch, &recording("freeswitch-cc93a68.json"));
}

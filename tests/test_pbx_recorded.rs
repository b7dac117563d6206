//! `Gateway::{Asterisk, FreeSwitch}`, `asterisk.toml` and `freeswitch.toml` against what the
//! real PBXs did, as `scripts/record-pbx.sh` recorded them in `tests/recorded/` (no PBX needed
//! here): every relayed final response (status, phrase byte for byte, every `Reason` value),
//! every `CANCEL` and `BYE` passed on, every cause a dial plan ended a call with, and what the
//! PBX recorded for each leg. Where a PBX varies from call to call, every value it was seen to
//! send must be one the rule's documentation names.

mod pbx;

use std::collections::BTreeMap;
use std::path::Path;

use cause_core::{AsteriskCause, FailureResponse, FreeSwitchCause, Gateway, Reason, Teardown};
use pbx::recording::{Kind, Recording, Row, Seen};
use pbx::ua::Ending;

fn recording(name: &str) -> Recording {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/recorded").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The recordings of the commits the tables cite.
fn asterisk() -> Recording {
    recording("asterisk-f0c1c1a.json")
}

fn freeswitch() -> Recording {
    recording("freeswitch-cc93a68.json")
}

/// Every `Reason` value of some header lines, in order.
fn values(lines: &[String]) -> Vec<Reason<'_>> {
    lines
        .iter()
        .flat_map(|line| Reason::parse_list(line))
        .collect::<Result<_, _>>()
        .expect("recorded Reason lines parse")
}

fn written(reasons: &[Reason<'_>]) -> Vec<String> {
    reasons.iter().map(ToString::to_string).collect()
}

/// The mismatches of one recording, reported together.
#[derive(Default)]
struct Mismatches(Vec<String>);

impl Mismatches {
    fn check<T: PartialEq + std::fmt::Debug>(&mut self, row: &Row, what: &str, seen: T, expected: T) {
        if seen != expected {
            self.0.push(format!("{:?} {} {:?}: {what}: the PBX {seen:?}, the library {expected:?}", row.kind, row.target, row.sent));
        }
    }

    fn assert_none(self, name: &str) {
        assert!(self.0.is_empty(), "{name}: {} mismatches:\n{}", self.0.len(), self.0.join("\n"));
    }
}

#[test]
fn the_recordings_are_of_the_commits_the_tables_cite() {
    for (recording, table) in [(asterisk(), "asterisk.toml"), (freeswitch(), "freeswitch.toml")] {
        let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(table)).expect("the table");
        assert!(text.contains(&format!("at commit {}", recording.commit)), "{table} cites another commit than {}", recording.commit);
        assert!(recording.version.contains(&recording.commit[..7]), "{}", recording.version);
    }
}

#[test]
fn the_recordings_ran_with_the_committed_configuration() {
    for recording in [asterisk(), freeswitch()] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pbx").join(&recording.pbx);
        assert_eq!(recording.config, pbx::config_files(&dir), "tests/pbx/{}/ changed since it was recorded: record again", recording.pbx);
    }
}

/// Leg A's record: Asterisk's caller channel, FreeSWITCH's inbound leg.
fn leg<'r>(seen: &'r Seen, name: &str) -> Vec<&'r BTreeMap<String, String>> {
    seen.records.iter().filter(|record| record.get("leg").is_some_and(|l| l == name)).collect()
}

#[test]
fn asterisk_relays_every_failure_as_recorded() {
    let mut mismatches = Mismatches::default();
    for row in asterisk().rows.iter().filter(|row| row.kind == Kind::Relay) {
        let ending = Ending::parse(&row.target).expect("a relay row's target");
        let lines = Ending::reasons(ending.code, &ending.variant);
        let reasons = values(&lines);
        let relay = Gateway::Asterisk.relay_failure(ending.code, &reasons).expect("a failure");
        let followed = ending.code < 400 && ending.variant != "nocontact";
        let response = match (relay.response(), followed) {
            (_, true) => Gateway::Asterisk.relay_failure(486, &[]).and_then(|r| r.response()),
            (response, false) => response,
        };
        let Some(response) = response else {
            mismatches.0.push(format!("{} gives no response", row.target));
            continue;
        };
        for seen in &row.seen {
            mismatches.check(row, "status", seen.status, response.status());
            mismatches.check(row, "phrase", seen.phrase.as_str(), response.reason_phrase(&format!("Far End {}", ending.code)));
            mismatches.check(row, "Reason", written(&values(&seen.reasons)), written(response.reasons()));
            let caller = leg(seen, "caller");
            mismatches.check(row, "HANGUPCAUSE of the caller", caller[0].get("HANGUPCAUSE").cloned(), Some(response.cause().to_string()));
            let far = leg(seen, "far");
            mismatches.check(row, "HANGUPCAUSE of the far leg", far[0].get("HANGUPCAUSE").cloned(), Some(response.far_cause().to_string()));
        }
    }
    mismatches.assert_none("Asterisk relay");
}

#[test]
fn freeswitch_relays_every_failure_as_recorded() {
    let mut mismatches = Mismatches::default();
    for row in freeswitch().rows.iter().filter(|row| row.kind == Kind::Relay) {
        let ending = Ending::parse(&row.target).expect("a relay row's target");
        let lines = Ending::reasons(ending.code, &ending.variant);
        let reasons = values(&lines);
        let relay = Gateway::FreeSwitch.relay_failure(ending.code, &reasons).expect("a failure");
        let followed = matches!(ending.code, 300 | 301 | 302 | 305) && ending.variant != "nocontact";
        let response = match (relay.response(), followed) {
            (_, true) => Gateway::FreeSwitch.relay_failure(486, &[]).and_then(|r| r.response()),
            (response, false) => response,
        };
        let Some(response) = response else {
            mismatches.0.push(format!("{} gives no response", row.target));
            continue;
        };
        for seen in &row.seen {
            mismatches.check(row, "status", seen.status, response.status());
            mismatches.check(row, "phrase", seen.phrase.as_str(), response.reason_phrase(&format!("Far End {}", ending.code)));
            mismatches.check(row, "Reason", written(&values(&seen.reasons)), written(response.reasons()));
            let name = |code: u16| FreeSwitchCause::from_code(code).map(|c| c.name().to_owned());
            let a = leg(seen, "a");
            mismatches.check(row, "hangup_cause of leg A", a[0].get("hangup_cause").cloned(), name(response.cause()));
            let b = leg(seen, "b");
            mismatches.check(row, "hangup_cause of leg B", b[0].get("hangup_cause").cloned(), name(response.far_cause()));
        }
    }
    mismatches.assert_none("FreeSWITCH relay");
}

fn check_teardown(gateway: Gateway, recording: &Recording, records: (&str, &str, &str), mismatches: &mut Mismatches) {
    for row in recording.rows.iter().filter(|row| matches!(row.kind, Kind::Cancel | Kind::ByeFromCaller | Kind::ByeFromFar)) {
        let lines = match row.kind {
            Kind::ByeFromFar => Ending::reasons(0, &row.sent[0]),
            _ => row.sent.clone(),
        };
        let reasons = values(&lines);
        let teardown: Teardown<'_> = match row.kind {
            Kind::Cancel => gateway.relay_cancel(&reasons),
            _ => gateway.relay_bye(&reasons),
        };
        let (origin, other) = match row.kind {
            Kind::ByeFromFar => (records.2, records.1),
            _ => (records.1, records.2),
        };
        for seen in &row.seen {
            mismatches.check(row, "Reason passed on", written(&values(&seen.reasons)), written(teardown.reasons()));
            let cause = |leg_name: &str| leg(seen, leg_name).first().and_then(|r| r.get(records.0)).cloned();
            let named = |code: u16| match gateway {
                Gateway::FreeSwitch => FreeSwitchCause::from_code(code).map(|c| c.name().to_owned()),
                _ => Some(code.to_string()),
            };
            mismatches.check(row, "cause of the ending leg", cause(origin), named(teardown.origin_cause()));
            mismatches.check(row, "cause of the other leg", cause(other), named(teardown.cause()));
        }
    }
}

#[test]
fn asterisk_passes_every_cancel_and_bye_on_as_recorded() {
    let mut mismatches = Mismatches::default();
    check_teardown(Gateway::Asterisk, &asterisk(), ("HANGUPCAUSE", "caller", "far"), &mut mismatches);
    mismatches.assert_none("Asterisk teardown");
}

#[test]
fn freeswitch_passes_every_cancel_and_bye_on_as_recorded() {
    let mut mismatches = Mismatches::default();
    check_teardown(Gateway::FreeSwitch, &freeswitch(), ("hangup_cause", "a", "b"), &mut mismatches);
    mismatches.assert_none("FreeSWITCH teardown");
}

#[test]
fn asterisk_ends_a_call_with_each_cause_as_recorded() {
    let mut mismatches = Mismatches::default();
    for row in asterisk().rows.iter().filter(|row| row.kind == Kind::Map) {
        let cause: u16 = row.target.parse().expect("a cause value");
        for seen in &row.seen {
            mismatches.check(row, "response", Some(seen.status), Gateway::Asterisk.response_for_cause(cause));
            let _ = AsteriskCause::from_code(cause);
        }
    }
    mismatches.assert_none("Asterisk maps");
}

#[test]
fn freeswitch_ends_a_call_with_each_cause_as_recorded() {
    let mut mismatches = Mismatches::default();
    for row in freeswitch().rows.iter().filter(|row| row.kind == Kind::Map) {
        let cause = FreeSwitchCause::from_name(&row.target).expect("a cause name");
        for seen in &row.seen {
            mismatches.check(row, "response", Some(seen.status), Gateway::FreeSwitch.response_for_cause(cause.code()));
        }
    }
    mismatches.assert_none("FreeSWITCH maps");
}

#[allow(dead_code)]
fn _uses(_: FailureResponse<'_>) {}

//! `Gateway::{Asterisk, FreeSwitch}`, `asterisk.toml` and `freeswitch.toml` against what the
//! real PBXs did, as `scripts/record-pbx.sh` recorded them in `tests/recorded/` (no PBX needed
//! here): every relayed final response (status, phrase byte for byte, every `Reason` value),
//! every `CANCEL` and `BYE` passed on, every cause a dial plan ended a call with, and what the
//! PBX recorded for each leg. Where a PBX varies from call to call, the values it was seen to
//! send besides the rule's are exactly those the rule's documentation names, with their counts.

mod doc_blocks;
mod pbx;

use std::path::Path;

use cause_core::{FailureResponse, FreeSwitchCause, Gateway, Reason, Teardown};
use pbx::far_end::{Ending, reason_lines};
use pbx::recording::{Kind, Recording, Row, Seen};

fn recording(name: &str) -> Recording {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/recorded")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A PBX as its recording names things.
struct System {
    gateway: Gateway,
    recording: Recording,
    /// The record of a leg's cause, and the legs' names.
    cause_key: &'static str,
    caller_leg: &'static str,
    far_leg: &'static str,
}

impl System {
    fn asterisk() -> System {
        System {
            gateway: Gateway::Asterisk,
            recording: recording("asterisk-f0c1c1a.json"),
            cause_key: "HANGUPCAUSE",
            caller_leg: "caller",
            far_leg: "far",
        }
    }

    fn freeswitch() -> System {
        System {
            gateway: Gateway::FreeSwitch,
            recording: recording("freeswitch-cc93a68.json"),
            cause_key: "hangup_cause",
            caller_leg: "a",
            far_leg: "b",
        }
    }

    /// A cause as the PBX records it: Asterisk's number, FreeSWITCH's name
    /// (`switch_channel_cause2str`, `UNKNOWN` for a number it does not name).
    fn cause_text(&self, cause: u16) -> String {
        match self.gateway {
            Gateway::FreeSwitch => FreeSwitchCause::from_code(cause)
                .map_or("UNKNOWN", FreeSwitchCause::name)
                .to_owned(),
            _ => cause.to_string(),
        }
    }

    /// The cause recorded for the first (`last` false) or last channel of a leg.
    fn recorded_cause(&self, seen: &Seen, leg: &str, last: bool) -> Option<String> {
        let mut records = seen
            .records
            .iter()
            .filter(|r| r.get("leg").is_some_and(|l| l == leg));
        let record = if last {
            records.next_back()
        } else {
            records.next()
        };
        record.and_then(|r| r.get(self.cause_key)).cloned()
    }

    fn rows(&self, kinds: &[Kind]) -> impl Iterator<Item = &Row> {
        self.recording
            .rows
            .iter()
            .filter(move |row| kinds.contains(&row.kind))
    }
}

/// Every `Reason` value of some header lines, as written.
fn values(lines: &[String]) -> Vec<String> {
    let parsed: Vec<Reason<'_>> = lines
        .iter()
        .flat_map(|line| Reason::parse_list(line))
        .collect::<Result<_, _>>()
        .expect("recorded Reason lines parse");
    written(&parsed)
}

fn written(reasons: &[Reason<'_>]) -> Vec<String> {
    reasons.iter().map(ToString::to_string).collect()
}

/// The mismatches of one recording, reported together.
#[derive(Default)]
struct Mismatches(Vec<String>);

impl Mismatches {
    fn check<T: PartialEq + std::fmt::Debug>(
        &mut self,
        row: &Row,
        what: &str,
        seen: T,
        expected: T,
    ) {
        if seen != expected {
            let sent = if row.sent.is_empty() {
                String::new()
            } else {
                format!(" {:?}", row.sent)
            };
            self.0.push(format!(
                "{:?} {}{sent}: {what}: the PBX {seen:?}, the library {expected:?}",
                row.kind, row.target
            ));
        }
    }

    fn assert_none(self, name: &str) {
        assert!(
            self.0.is_empty(),
            "{name}: {} mismatches:\n{}",
            self.0.len(),
            self.0.join("\n")
        );
    }
}

#[test]
fn the_recordings_are_of_the_commits_the_tables_cite() {
    for (system, table) in [
        (System::asterisk(), "asterisk.toml"),
        (System::freeswitch(), "freeswitch.toml"),
    ] {
        let recording = system.recording;
        let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(table))
            .expect("the table");
        assert!(
            text.contains(&format!("at commit {}", recording.commit)),
            "{table} cites another commit than {}",
            recording.commit
        );
        assert!(
            recording.version.contains(&recording.commit[..7]),
            "{}",
            recording.version
        );
    }
}

#[test]
fn the_recordings_ran_with_the_committed_configuration() {
    for system in [System::asterisk(), System::freeswitch()] {
        let recording = system.recording;
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/pbx")
            .join(&recording.pbx);
        assert_eq!(
            recording.config,
            pbx::config_files(&dir),
            "tests/pbx/{}/ changed since it was recorded: record again",
            recording.pbx
        );
    }
}

/// Where Asterisk varies from call to call: the `Reason` of a 503 that Dial's CHANUNAVAIL
/// answers carries leg B's cause instead of 34 in some calls (the response is queued before
/// the dial plan thread sets 34), and the `BYE` passed on carries `Q.850;cause=16` in some
/// calls and nothing in most (res_pjsip_rfc3326 writes it only while the session still has
/// its channel). Gives the other values a call may have.
fn racy(system: &System, row: &Row, expected: &[String], far_cause: u16) -> Vec<Vec<String>> {
    match (system.gateway, row.kind) {
        (Gateway::Asterisk, Kind::Relay) if expected == [String::from("Q.850;cause=34")] => {
            vec![vec![format!("Q.850;cause={far_cause}")]]
        }
        // A redirect followed through a Local channel: the busy's cause is read before it is set.
        (Gateway::Asterisk, Kind::Relay) if row.target.starts_with('3') => {
            vec![vec!["Q.850;cause=0".to_owned()]]
        }
        (Gateway::Asterisk, Kind::ByeFromCaller | Kind::ByeFromFar) => {
            vec![vec!["Q.850;cause=16".to_owned()]]
        }
        _ => Vec::new(),
    }
}

fn check_relay(system: &System, mismatches: &mut Mismatches) {
    for row in system.rows(&[Kind::Relay]) {
        let ending = Ending::parse(&row.target).expect("a relay row's target");
        let lines = ending.reasons();
        let parsed: Vec<Reason<'_>> = lines
            .iter()
            .flat_map(|l| Reason::parse_list(l))
            .collect::<Result<_, _>>()
            .expect("valid");
        let relay = system
            .gateway
            .relay_failure(ending.code, &parsed)
            .expect("a failure");
        // Whether the far end's response has the header its code calls for: a 3xx's Contact
        // (to `486`), a 401's or 407's challenge.
        let has_header = match ending.code {
            300..=399 => ending.variant != "nocontact",
            401 | 407 => ending.variant == "challenge",
            _ => true,
        };
        let follows = relay.follows_redirect() && has_header;
        let (expected, code): (FailureResponse<'_>, u16) = match (follows, has_header) {
            (true, _) => (
                system
                    .gateway
                    .relay_failure(486, &[])
                    .expect("a failure")
                    .response(),
                486,
            ),
            (false, true) => (relay.response(), ending.code),
            (false, false) => (relay.response_without_header(), ending.code),
        };
        for seen in &row.seen {
            // The redirect's target is the far end's `486`.
            let followed =
                ending.code != 486 && seen.far.iter().any(|request| request == "INVITE 486");
            mismatches.check(row, "redirect followed", followed, follows);
            mismatches.check(row, "status", seen.status, expected.status());
            mismatches.check(
                row,
                "phrase",
                seen.phrase.as_str(),
                expected.reason_phrase(&format!("Far End {code}")),
            );
            let reasons = written(expected.reasons());
            let seen_reasons = values(&seen.reasons);
            if !racy(system, row, &reasons, expected.far_hangup_cause().code())
                .contains(&seen_reasons)
            {
                mismatches.check(row, "Reason", seen_reasons, reasons);
            }
            let (a, b) = (system.caller_leg, system.far_leg);
            mismatches.check(
                row,
                "leg A's cause",
                system.recorded_cause(seen, a, false),
                Some(system.cause_text(expected.hangup_cause().code())),
            );
            mismatches.check(
                row,
                "leg B's cause",
                system.recorded_cause(seen, b, true),
                Some(system.cause_text(expected.far_hangup_cause().code())),
            );
        }
    }
}

#[test]
fn asterisk_relays_every_failure_as_recorded() {
    let mut mismatches = Mismatches::default();
    check_relay(&System::asterisk(), &mut mismatches);
    mismatches.assert_none("Asterisk relay");
}

#[test]
fn freeswitch_relays_every_failure_as_recorded() {
    let mut mismatches = Mismatches::default();
    check_relay(&System::freeswitch(), &mut mismatches);
    mismatches.assert_none("FreeSWITCH relay");
}

fn check_teardown(system: &System, mismatches: &mut Mismatches) {
    for row in system.rows(&[Kind::Cancel, Kind::ByeFromCaller, Kind::ByeFromFar]) {
        let lines = match row.kind {
            Kind::ByeFromFar => reason_lines(0, &row.sent[0]),
            _ => row.sent.clone(),
        };
        let parsed: Vec<Reason<'_>> = lines
            .iter()
            .flat_map(|l| Reason::parse_list(l))
            .collect::<Result<_, _>>()
            .expect("valid");
        let teardown: Teardown<'_> = match row.kind {
            Kind::Cancel => system.gateway.relay_cancel(&parsed),
            _ => system.gateway.relay_bye(&parsed),
        };
        let (origin, other) = match row.kind {
            Kind::ByeFromFar => (system.far_leg, system.caller_leg),
            _ => (system.caller_leg, system.far_leg),
        };
        let reasons = written(teardown.reasons());
        for seen in &row.seen {
            let seen_reasons = values(&seen.reasons);
            if !racy(system, row, &reasons, 0).contains(&seen_reasons) {
                mismatches.check(row, "Reason passed on", seen_reasons, reasons.clone());
            }
            mismatches.check(
                row,
                "the ending leg's cause",
                system.recorded_cause(seen, origin, false),
                Some(system.cause_text(teardown.origin_hangup_cause().code())),
            );
            mismatches.check(
                row,
                "the other leg's cause",
                system.recorded_cause(seen, other, false),
                Some(system.cause_text(teardown.hangup_cause().code())),
            );
        }
    }
}

#[test]
fn asterisk_passes_every_cancel_and_bye_on_as_recorded() {
    let mut mismatches = Mismatches::default();
    check_teardown(&System::asterisk(), &mut mismatches);
    mismatches.assert_none("Asterisk teardown");
}

#[test]
fn freeswitch_passes_every_cancel_and_bye_on_as_recorded() {
    let mut mismatches = Mismatches::default();
    check_teardown(&System::freeswitch(), &mut mismatches);
    mismatches.assert_none("FreeSWITCH teardown");
}

fn check_maps(system: &System, mismatches: &mut Mismatches) {
    for row in system.rows(&[Kind::Map]) {
        let cause = match system.gateway {
            Gateway::FreeSwitch => FreeSwitchCause::from_name(&row.target)
                .expect("a cause name")
                .code(),
            _ => row.target.parse().expect("a cause value"),
        };
        let Some(expected) = system.gateway.hangup_cause(cause).hangup() else {
            mismatches
                .0
                .push(format!("{}: the library sends nothing", row.target));
            continue;
        };
        for seen in &row.seen {
            mismatches.check(row, "status", seen.status, expected.status());
            mismatches.check(
                row,
                "phrase",
                seen.phrase.as_str(),
                expected.reason_phrase(""),
            );
            mismatches.check(
                row,
                "Reason",
                values(&seen.reasons),
                written(expected.reasons()),
            );
            // The call's only channel (Asterisk's `mapper`, FreeSWITCH's leg A).
            let cause = seen
                .records
                .first()
                .and_then(|r| r.get(system.cause_key))
                .cloned();
            mismatches.check(
                row,
                "cause",
                cause,
                Some(system.cause_text(expected.hangup_cause().code())),
            );
        }
    }
}

#[test]
fn asterisk_ends_a_call_with_each_cause_as_recorded() {
    let mut mismatches = Mismatches::default();
    check_maps(&System::asterisk(), &mut mismatches);
    mismatches.assert_none("Asterisk maps");
}

#[test]
fn freeswitch_ends_a_call_with_each_cause_as_recorded() {
    let mut mismatches = Mismatches::default();
    check_maps(&System::freeswitch(), &mut mismatches);
    mismatches.assert_none("FreeSWITCH maps");
}

/// `1,807` for 1807: the counts as docs and rustdoc write them.
fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (at, digit) in digits.chars().enumerate() {
        if at > 0 && (digits.len() - at).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Each way Asterisk was seen to vary: what varies, the rule's value, the other, how many calls
/// had the other, of how many.
fn asterisk_races(
    recording: &Recording,
) -> Vec<(&'static str, &'static str, &'static str, u32, u32)> {
    let mut counts = [(0, 0); 3];
    for row in &recording.rows {
        for seen in &row.seen {
            let redirect =
                row.target.starts_with('3') && seen.far.iter().any(|r| r == "INVITE 486");
            let (at, other) = match row.kind {
                Kind::Relay if seen.status == 503 && !row.target.starts_with('3') => {
                    (0, seen.reasons != ["Q.850;cause=34"])
                }
                Kind::Relay if redirect => (1, seen.reasons == ["Q.850;cause=0"]),
                Kind::ByeFromCaller | Kind::ByeFromFar => (2, !seen.reasons.is_empty()),
                _ => continue,
            };
            counts[at].1 += seen.count;
            if other {
                counts[at].0 += seen.count;
            }
        }
    }
    vec![
        (
            "the `Reason` of the 503 that Dial's CHANUNAVAIL answers",
            "`Q.850;cause=34`",
            "leg B's cause (`Q.850;cause=1` for a 404)",
            counts[0].0,
            counts[0].1,
        ),
        (
            "the `Reason` of a busy reached through a redirect Dial followed",
            "`Q.850;cause=17`",
            "`Q.850;cause=0`",
            counts[1].0,
            counts[1].1,
        ),
        (
            "the `Reason` of the `BYE` passed on",
            "none",
            "`Q.850;cause=16`",
            counts[2].0,
            counts[2].1,
        ),
    ]
}

#[test]
fn where_asterisk_varies_the_docs_say_how_often() {
    let races = asterisk_races(&System::asterisk().recording);
    let mut table = String::from(
        "| What varies | The rule | Otherwise | Calls otherwise | Calls |\n|---|---|---|---:|---:|\n",
    );
    for (what, rule, other, n, of) in &races {
        table.push_str(&format!(
            "| {what} | {rule} | {other} | {} | {} |\n",
            thousands(*n),
            thousands(*of)
        ));
    }
    assert_eq!(
        doc_blocks::block("docs/pbx-recordings.md", "asterisk-races"),
        table
    );
    // The rules' own documentation gives the same counts.
    let rules = doc_blocks::read("cause-core/src/gateway/mod.rs");
    for (_, _, _, n, of) in &races {
        let counted = format!("{} of {} recorded calls", thousands(*n), thousands(*of));
        assert!(
            rules.contains(&counted),
            "Gateway's docs do not say {counted:?}"
        );
    }
}

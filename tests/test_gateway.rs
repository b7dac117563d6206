//! The real clients through the gateway of `examples/gateway`, for each rule it follows: SIP.js
//! 0.6.4 and JsSIP 3.13.8 call a far end (`examples/far_end/far_end.rs`) that fails each call with
//! the code its Request-URI user names, with or without a `Reason: Q.850`. Each library must
//! report the cause cause-core predicts for the response the relay rule sends it
//! (`Gateway::relay_failure`, a redirect followed where FreeSWITCH follows one), and the gateway
//! must send that response's `Reason` values. JsSIP calls every code 300..=699, SIP.js the codes
//! the tables' causes respond with; both call the Q.850 combinations.
//!
//! Then the other direction, for each rule: each library ends calls with a CANCEL and a BYE
//! for a few codes, and the far end must receive the `Reason` values `Gateway::relay_cancel`
//! and `relay_bye` give for what the library wrote (compared on the far end's bytes); the far
//! end ends answered calls with a BYE carrying a Q.850 or a SIP `Reason`, and each library must
//! read the values `relay_bye` gives for it.

mod gateway;

use std::time::Duration;

use cause_core::{Cause, Gateway, JsSipCause, Q850, Reason};
use gateway::node::{drive, ensure_packages};
use gateway::{Harness, relayed_status};
use serde_json::{Value, json};

/// Every behaviour's calls, both libraries: the driver bounds each library's calls at 30 s.
const RUN_LIMIT: Duration = Duration::from_secs(90);

/// The `Reason: Q.850` values the far end adds to a few codes: a cause that agrees with the
/// code, and one that does not.
const Q850_COMBINATIONS: [(u16, u16); 6] = [
    (486, 17),
    (486, 34),
    (404, 1),
    (503, 34),
    (603, 21),
    (480, 16),
];

fn target(code: u16, q850: Option<u16>) -> String {
    match q850 {
        Some(cause) => format!("{code}.q850-{cause}"),
        None => code.to_string(),
    }
}

/// The codes SIP.js calls: the responses of every cause of the SIP.js, JsSIP and Q.850 tables.
fn named_codes() -> Vec<u16> {
    let mut codes: Vec<u16> = Cause::ALL
        .iter()
        .filter_map(|c| c.response())
        .chain(JsSipCause::ALL.iter().filter_map(|c| c.response()))
        .chain(Q850::ALL.iter().filter_map(|q| q.response()))
        .filter(|code| (300..=699).contains(code))
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}

fn targets(codes: impl Iterator<Item = u16>) -> Vec<String> {
    let plain = codes.map(|code| target(code, None));
    let combined = Q850_COMBINATIONS
        .iter()
        .map(|&(code, cause)| target(code, Some(cause)));
    plain.chain(combined).collect()
}

/// What the target asks of the far end: the code, and the `Reason` it adds.
fn far_end_answer(target: &str) -> (u16, Option<String>) {
    let (code, detail) = target.split_once('.').unwrap_or((target, ""));
    let reason = detail
        .strip_prefix("q850-")
        .map(|cause| format!("Q.850;cause={cause}"));
    (code.parse().expect("a code"), reason)
}

#[test]
fn each_library_reports_what_the_relay_rule_predicts_for_every_behaviour() {
    let _packages = ensure_packages();
    for behave in Gateway::ALL.iter().copied() {
        let harness = Harness::start(behave);
        let spec = json!({ "gateway": {
            "jssip": targets(300..=699),
            "sipjs": targets(named_codes().into_iter()),
        }});
        let reports = drive(&harness.ws, &spec, RUN_LIMIT);
        for report in reports.iter().filter(|r| r["scenario"] == "gateway") {
            check_library(behave, report);
        }
        check_gateway_events(behave, &harness.events());
    }
}

/// Every call of one library: the status it got and the cause it reported.
fn check_library(behave: Gateway, report: &Value) {
    let lib = report["lib"].as_str().expect("a library");
    let results = report["results"]
        .as_array()
        .unwrap_or_else(|| panic!("{report}"));
    let expected = if lib == "jssip" {
        400
    } else {
        named_codes().len()
    };
    assert_eq!(
        results.len(),
        expected + Q850_COMBINATIONS.len(),
        "{behave:?} {lib}"
    );
    for result in results {
        let target = result["target"].as_str().expect("a target");
        let (code, reason) = far_end_answer(target);
        let reasons: Vec<Reason<'_>> = reason
            .iter()
            .map(|r| Reason::parse(r).expect("valid"))
            .collect();
        let status = relayed_status(behave, code, &reasons);
        let cause = match lib {
            "jssip" => JsSipCause::for_failure_response(status).map(JsSipCause::as_str),
            _ => Cause::for_failure_response(status).map(Cause::as_str),
        };
        assert_eq!(
            result["status"],
            json!(status),
            "{behave:?} {lib} {target}: {result}"
        );
        assert_eq!(
            result["cause"],
            json!(cause),
            "{behave:?} {lib} {target}: {result}"
        );
    }
}

/// Each failure the gateway relayed carries the `Reason` values and causes of the rule.
fn check_gateway_events(behave: Gateway, events: &[Value]) {
    let failed: Vec<&Value> = events.iter().filter(|e| e["event"] == "failed").collect();
    assert!(
        failed.len() >= 400,
        "{behave:?}: {} failures relayed",
        failed.len()
    );
    for event in failed {
        let far = &event["detail"]["far"];
        let code = far["status"].as_u64().expect("a status") as u16;
        let lines: Vec<String> = serde_json::from_value(far["reason"].clone()).expect("lines");
        let reasons: Vec<Reason<'_>> = lines
            .iter()
            .map(|l| Reason::parse(l).expect("valid"))
            .collect();
        let relay = behave.relay_failure(code, &reasons).expect("a failure");
        // A failure relayed: not a redirect the rule follows (this far end's 3xx has a
        // Contact), and a 401 or 407 of this far end carries no challenge.
        assert!(
            !relay.follows_redirect(),
            "{behave:?}: {event} was relayed, the rule follows it"
        );
        let response = relay.response_without_header();
        let sent: Vec<String> = response.reasons().iter().map(ToString::to_string).collect();
        assert_eq!(
            event["status"],
            json!(response.status()),
            "{behave:?}: {event}"
        );
        assert_eq!(
            event["detail"]["reason"],
            json!(sent),
            "{behave:?}: {event}"
        );
        assert_eq!(
            event["detail"]["cause"],
            json!(response.hangup_cause().code()),
            "{behave:?}: {event}"
        );
        let phrase = response.reason_phrase(far["phrase"].as_str().expect("a phrase"));
        assert_eq!(event["phrase"], json!(phrase), "{behave:?}: {event}");
    }
}

/// The codes the libraries end calls with: CANCEL before the answer, BYE after it.
const ENDING_CODES: [u16; 3] = [486, 480, 603];

/// The far end's BYEs, as its user names them after `answer.`: Q.850 causes and a SIP cause.
const FAR_END_BYES: [&str; 4] = ["q850-16", "q850-17", "q850-31", "BUSY"];

const LIBRARIES: [&str; 2] = ["sipjs", "jssip"];

#[test]
fn cancel_and_bye_reasons_reach_the_other_leg_as_each_rule_says() {
    let _packages = ensure_packages();
    // One gateway per rule, side by side: each run waits on Node more than on the CPU.
    std::thread::scope(|scope| {
        for behave in Gateway::ALL.iter().copied() {
            scope.spawn(move || check_endings(behave));
        }
    });
}

fn check_endings(behave: Gateway) {
    let harness = Harness::start(behave);
    let spec = json!({ "codes": ENDING_CODES, "serverByes": FAR_END_BYES });
    let reports = drive(&harness.ws, &spec, RUN_LIMIT);
    // The gateway handles the last BYE's response after the driver's report; let it record it.
    std::thread::sleep(Duration::from_millis(100));
    let events = harness.events();
    for lib in LIBRARIES {
        for code in ENDING_CODES {
            for method in ["CANCEL", "BYE"] {
                let user = format!("{lib}-{}-{code}", method.to_lowercase());
                check_caller_ending(&harness, &events, method, &user);
            }
        }
        for ending in FAR_END_BYES {
            check_far_end_bye(behave, &reports, &events, lib, ending);
        }
    }
}

/// The CANCEL or BYE the caller `user` sent: the far end got the `Reason` values the rule gives
/// for what the library wrote, byte for byte.
fn check_caller_ending(harness: &Harness, events: &[Value], method: &str, user: &str) {
    let behave = harness.behave;
    let kind = method.to_lowercase();
    let event = one(
        events
            .iter()
            .filter(|e| e["event"] == kind.as_str() && e["from"] == user)
            .filter(|e| method == "CANCEL" || e["leg"] == "a"),
        &format!("{behave:?}: the {method} of {user}"),
    );
    let lines: Vec<String> = serde_json::from_value(event["received"].clone()).expect("lines");
    let received = parse_all(&lines);
    let teardown = match method {
        "CANCEL" => behave.relay_cancel(&received),
        _ => behave.relay_bye(&received),
    };
    let expected = written(teardown.reasons());
    let far = harness.far.requests(method, user);
    assert_eq!(
        far.len(),
        1,
        "{behave:?}: the far end's {method}s from {user}"
    );
    assert_eq!(far[0].reasons, expected, "{behave:?}: {event}");
    assert_eq!(event["sent"], json!(expected), "{behave:?}: {event}");
    assert_eq!(
        event["cause"],
        json!(teardown.hangup_cause().code()),
        "{behave:?}: {event}"
    );
}

/// The far end's BYE (`answer.ENDING`): the library got the `Reason` values the rule gives for
/// the far end's, as it read them off the wire.
fn check_far_end_bye(
    behave: Gateway,
    reports: &[Value],
    events: &[Value],
    lib: &str,
    ending: &str,
) {
    let far_reason = match ending.strip_prefix("q850-") {
        Some(cause) => format!("Q.850;cause={cause}"),
        None => Cause::from_name(ending)
            .and_then(Cause::reason)
            .expect("a cause with a Reason")
            .to_string(),
    };
    let teardown = behave.relay_bye(&parse_all(std::slice::from_ref(&far_reason)));
    let expected = written(teardown.reasons());
    let report = one(
        reports
            .iter()
            .filter(|r| r["scenario"] == "server-bye" && r["lib"] == lib && r["target"] == ending),
        &format!("{behave:?}: {lib}'s report of the far end's BYE {ending}"),
    );
    assert_eq!(report["reasons"], json!(expected), "{behave:?}: {report}");
    let target = format!("answer.{ending}");
    let byes = events
        .iter()
        .filter(|e| e["event"] == "bye" && e["leg"] == "b" && e["to"] == target.as_str());
    for bye in byes {
        assert_eq!(bye["received"], json!([far_reason]), "{behave:?}: {bye}");
        assert_eq!(bye["sent"], json!(expected), "{behave:?}: {bye}");
    }
}

fn one<'a>(mut found: impl Iterator<Item = &'a Value>, what: &str) -> &'a Value {
    let first = found.next().unwrap_or_else(|| panic!("no {what}"));
    assert!(found.next().is_none(), "more than one {what}");
    first
}

fn parse_all(lines: &[String]) -> Vec<Reason<'_>> {
    lines
        .iter()
        .map(|l| Reason::parse(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect()
}

fn written(reasons: &[Reason<'_>]) -> Vec<String> {
    reasons.iter().map(ToString::to_string).collect()
}

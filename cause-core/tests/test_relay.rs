//! `Gateway::relay_failure`, `relay_cancel` and `relay_bye` against each system's rule written
//! out here from its source (see `Gateway::relay_failure`'s docs for the files and lines), apart
//! from the library's code on purpose: every final response 300..=699, without a `Reason` and
//! with each of a set of `Reason` lists, and every `Reason` list for `CANCEL` and `BYE`.

mod sources;

use cause_core::{Gateway, Phrase, Q850, Reason, Relay, Teardown};
use sources::{FREESWITCH, FROM_SIP, TO_SIP, asterisk_cause, asterisk_response, freeswitch_cause};

/// `Reason` lists a far end or a browser sends: none, one value, two, odd protocols and causes.
const REASON_LISTS: &[&str] = &[
    "",
    r#"Q.850;cause=34;text="NORMAL_CIRCUIT_CONGESTION""#,
    "Q.850;cause=17",
    "q.850;cause=127",
    "Q.850;cause=0",
    "Q.850;cause=128",
    "Q.850;cause=13",
    "Q.850",
    "SIP;cause=480",
    r#"SIP;cause=200;text="Call completed elsewhere""#,
    "Q.850;cause=26",
    "SIP;cause=486, Q.850;cause=21",
    "Q.850;cause=17, Q.850;cause=21",
    "Q.850;cause=19, SIP;cause=404",
    "FreeSWITCH;cause=41",
    "SIP-T;cause=603",
    "X-Custom;cause=5",
];

fn parse(list: &str) -> Vec<Reason<'_>> {
    if list.is_empty() {
        return Vec::new();
    }
    Reason::parse_list(list)
        .collect::<Result<_, _>>()
        .expect("a valid list")
}

/// What a relay says, as plain data: the response (status, whether the received phrase goes
/// with it, `Reason` values as written, leg A's and leg B's causes) or a followed redirect,
/// with the response for one without a `Contact`.
#[derive(Debug, PartialEq)]
enum Outcome {
    Follow(Box<Outcome>),
    Respond(u16, bool, Vec<String>, u16, u16),
}

fn outcome(relay: Relay<'_>) -> Outcome {
    let r = relay.response();
    let respond = Outcome::Respond(
        r.status(),
        r.phrase() == Phrase::Received,
        written(r.reasons()),
        r.hangup_cause().code(),
        r.far_hangup_cause().code(),
    );
    match relay.follows_redirect() {
        true => Outcome::Follow(Box::new(respond)),
        false => respond,
    }
}

fn written(reasons: &[Reason<'_>]) -> Vec<String> {
    reasons.iter().map(Reason::to_string).collect()
}

fn protocol(reason: &Reason<'_>) -> String {
    reason.protocol().to_ascii_uppercase()
}

/// `Q850::reason`: the text is the cause's name; a value Q.850 leaves unassigned has none.
fn q850_value(cause: u16) -> String {
    match Q850::from_code(cause) {
        Some(q) => format!(r#"Q.850;cause={cause};text="{}""#, q.name()),
        None => format!("Q.850;cause={cause}"),
    }
}

const ELSEWHERE: &str = r#"SIP;cause=200;text="Call completed elsewhere""#;

/// A 3xx is followed; without a `Contact`, it is read as a rejection §8.2.6.1 does not list.
fn rfc3398(status: u16, reasons: &[Reason<'_>]) -> Outcome {
    let respond = rfc3398_response(status, reasons);
    match status {
        ..400 => Outcome::Follow(Box::new(respond)),
        _ => respond,
    }
}

fn rfc3398_response(status: u16, reasons: &[Reason<'_>]) -> Outcome {
    let from_reason = reasons
        .iter()
        .find(|r| protocol(r) == "Q.850")
        .and_then(Reason::code)
        .filter(|cause| (1..=127).contains(cause));
    let listed = FROM_SIP.iter().find(|(sip, _)| *sip == status);
    let cause = from_reason.unwrap_or(listed.map_or(31, |&(_, q)| q));
    let response = TO_SIP.iter().find(|(q, _)| *q == cause).map(|&(_, s)| s);
    let (sent, received) = match response {
        Some(response) if response != status => (response, false),
        _ => (status, true),
    };
    Outcome::Respond(sent, received, vec![q850_value(cause)], cause, cause)
}

fn freeswitch_name(cause: u16) -> &'static str {
    FREESWITCH
        .iter()
        .find(|(_, code)| *code == cause)
        .map_or("UNKNOWN", |(name, _)| name)
}

/// `sofia_on_hangup`'s own value for a cause.
fn freeswitch_value(cause: u16) -> String {
    let protocol = if (1..=127).contains(&cause) {
        "Q.850"
    } else {
        "SIP"
    };
    format!(
        r#"{protocol};cause={cause};text="{}""#,
        freeswitch_name(cause)
    )
}

/// The cause FreeSWITCH reads from the first value: `Q.850` or `FreeSWITCH`, not 0.
fn freeswitch_remote(reasons: &[Reason<'_>]) -> Option<u16> {
    let first = reasons.first()?;
    let readable = ["Q.850", "FREESWITCH"].contains(&protocol(first).as_str());
    first.code().filter(|&cause| readable && cause != 0)
}

/// 300, 301, 302 and 305 are followed; without a `Contact`, passed on as any other code.
fn freeswitch(status: u16, reasons: &[Reason<'_>]) -> Outcome {
    let respond = freeswitch_response(status, reasons);
    match status {
        300 | 301 | 302 | 305 => Outcome::Follow(Box::new(respond)),
        _ => respond,
    }
}

fn freeswitch_response(status: u16, reasons: &[Reason<'_>]) -> Outcome {
    if [401, 407].contains(&status) {
        return Outcome::Respond(480, false, vec![freeswitch_value(96)], 96, 96);
    }
    freeswitch_passed(status, reasons)
}

/// A code FreeSWITCH passes on: the far end's first `Q.850` or `FreeSWITCH` cause, else the
/// code's; its `Reason` value, else its own.
fn freeswitch_passed(status: u16, reasons: &[Reason<'_>]) -> Outcome {
    let reasons = if status >= 400 { reasons } else { &[] };
    let far = freeswitch_remote(reasons).unwrap_or(freeswitch_cause(status));
    let cause = if [18, 19, 487].contains(&far) {
        16
    } else {
        far
    };
    let reason = reasons
        .first()
        .map_or(freeswitch_value(cause), Reason::to_string);
    Outcome::Respond(status, false, vec![reason], cause, far)
}

/// Every 3xx is a call forward; without a `Contact`, Dial ends with the code's cause.
fn asterisk(status: u16) -> Outcome {
    let respond = asterisk_response_to(status);
    match status {
        ..400 => Outcome::Follow(Box::new(respond)),
        _ => respond,
    }
}

fn asterisk_response_to(status: u16) -> Outcome {
    let far = asterisk_cause(status);
    let (sent, cause) = match far {
        17 => (486, 17),
        34 => (503, 34),
        16 | 19 => (asterisk_response(far), far),
        _ => (503, 34),
    };
    Outcome::Respond(
        sent,
        false,
        vec![format!("Q.850;cause={cause}")],
        cause,
        far,
    )
}

#[test]
fn every_failure_is_relayed_as_each_system_does() {
    for list in REASON_LISTS {
        let reasons = parse(list);
        for status in 300..=699 {
            let relay =
                |gateway: Gateway| outcome(gateway.relay_failure(status, &reasons).unwrap());
            let context = format!("{status} with Reason {list:?}");
            assert_eq!(
                relay(Gateway::Rfc3398),
                rfc3398(status, &reasons),
                "RFC 3398, {context}"
            );
            assert_eq!(
                relay(Gateway::Asterisk),
                asterisk(status),
                "Asterisk, {context}"
            );
            assert_eq!(
                relay(Gateway::FreeSwitch),
                freeswitch(status, &reasons),
                "FreeSWITCH, {context}"
            );
            // A 401 or 407 without a challenge: FreeSWITCH passes it on with the code's own
            // cause, its Reason unread (as recorded).
            let bare = Gateway::FreeSwitch.relay_failure(status, &reasons).unwrap();
            let bare = outcome(Relay::Respond(bare.response_without_header()));
            let expected = match freeswitch(status, &reasons) {
                Outcome::Follow(otherwise) => *otherwise,
                _ if [401, 407].contains(&status) => freeswitch_passed(status, &[]),
                other => other,
            };
            assert_eq!(bare, expected, "FreeSWITCH without the header, {context}");
        }
    }
}

#[test]
fn only_final_failures_are_relayed() {
    for gateway in Gateway::ALL {
        for status in [0, 100, 180, 200, 299, 700, 999, u16::MAX] {
            assert_eq!(
                gateway.relay_failure(status, &[]),
                None,
                "{gateway} {status}"
            );
        }
    }
}

/// A teardown as plain data: the `Reason` values written, the cause of the leg ended, the
/// cause of the leg the request came from.
fn teardown(teardown: Teardown<'_>) -> (Vec<String>, u16, u16) {
    (
        written(teardown.reasons()),
        teardown.hangup_cause().code(),
        teardown.origin_hangup_cause().code(),
    )
}

/// RFC 3398, `CANCEL` and `BYE` alike: the first `Q.850` cause, else 26 for answered
/// elsewhere, else 16.
fn rfc3398_teardown(reasons: &[Reason<'_>]) -> (Vec<String>, u16, u16) {
    let q850 = reasons
        .iter()
        .find(|r| protocol(r) == "Q.850")
        .and_then(Reason::code)
        .filter(|cause| (1..=127).contains(cause));
    let elsewhere = reasons
        .iter()
        .any(|r| protocol(r) == "SIP" && r.code() == Some(200));
    let cause = q850.unwrap_or(if elsewhere { 26 } else { 16 });
    let mut values = vec![q850_value(cause)];
    if cause == 26 {
        values.insert(0, ELSEWHERE.to_owned());
    }
    (values, cause, cause)
}

/// `rfc3326_use_reason_header`: the last `Q.850…` cause (7 bits), else the last `SIP…` cause
/// through `ast_sip_hangup_sip2cause`.
fn asterisk_reason_cause(reasons: &[Reason<'_>]) -> Option<u16> {
    let last = |prefix: &str| {
        let values = reasons.iter().filter(|r| protocol(r).starts_with(prefix));
        values.filter_map(Reason::code).next_back().unwrap_or(0)
    };
    match (last("Q.850"), last("SIP")) {
        (0, 0) => None,
        (0, sip) => Some(asterisk_cause(sip)),
        (q850, _) => Some(q850 & 0x7f),
    }
}

fn asterisk_cancel(reasons: &[Reason<'_>]) -> (Vec<String>, u16, u16) {
    let cause = asterisk_reason_cause(reasons)
        .filter(|&c| c != 0)
        .unwrap_or(127);
    let mut values = vec![format!("Q.850;cause={cause}")];
    if cause == 26 {
        values.insert(0, ELSEWHERE.to_owned());
    }
    (values, cause, cause)
}

/// res_pjsip_rfc3326.c `rfc3326_outgoing_request` writes a `Reason` only while the session has
/// its channel, which the bridge has taken by the time the other leg's `BYE` goes: none, as
/// both PBX recordings show.
fn asterisk_bye(reasons: &[Reason<'_>]) -> (Vec<String>, u16, u16) {
    let origin = asterisk_reason_cause(reasons).unwrap_or(16);
    (Vec::new(), 16, origin)
}

fn freeswitch_passed_on(reasons: &[Reason<'_>], cause: u16) -> Vec<String> {
    vec![
        reasons
            .first()
            .map_or(freeswitch_value(cause), Reason::to_string),
    ]
}

#[test]
fn every_cancel_and_bye_is_relayed_as_each_system_does() {
    for list in REASON_LISTS {
        let reasons = parse(list);
        let rfc = rfc3398_teardown(&reasons);
        assert_eq!(
            teardown(Gateway::Rfc3398.relay_cancel(&reasons)),
            rfc,
            "{list:?}"
        );
        assert_eq!(
            teardown(Gateway::Rfc3398.relay_bye(&reasons)),
            rfc,
            "{list:?}"
        );
        assert_eq!(
            teardown(Gateway::Asterisk.relay_cancel(&reasons)),
            asterisk_cancel(&reasons),
            "Asterisk CANCEL {list:?}"
        );
        assert_eq!(
            teardown(Gateway::Asterisk.relay_bye(&reasons)),
            asterisk_bye(&reasons),
            "Asterisk BYE {list:?}"
        );
        assert_eq!(
            teardown(Gateway::FreeSwitch.relay_cancel(&reasons)),
            (freeswitch_passed_on(&reasons, 487), 487, 487),
            "FreeSWITCH CANCEL {list:?}"
        );
        let origin = freeswitch_remote(&reasons).unwrap_or(16);
        assert_eq!(
            teardown(Gateway::FreeSwitch.relay_bye(&reasons)),
            (freeswitch_passed_on(&reasons, 16), 16, origin),
            "FreeSWITCH BYE {list:?}"
        );
    }
}

/// The rules are `const`: a gateway can fix its answers at build time.
const BUSY_HERE: Option<Relay<'static>> = Gateway::Asterisk.relay_failure(486, &[]);

#[test]
fn the_cases_people_ask_about() {
    let busy = BUSY_HERE.map(Relay::response).unwrap();
    assert_eq!((busy.status(), busy.hangup_cause().code()), (486, 17));
    let congestion = parse("Q.850;cause=34");
    // A 503 with Q.850 34: RFC 3398 and FreeSWITCH keep 34; Asterisk maps the code, also 34.
    for gateway in Gateway::ALL {
        let response = gateway.relay_failure(503, &congestion).unwrap().response();
        assert_eq!(
            (response.status(), response.hangup_cause().code()),
            (503, 34),
            "{gateway}"
        );
    }
    // A 480 with Q.850 34: the cause decides for RFC 3398 (503), the code for the others.
    let rfc = Gateway::Rfc3398.relay_failure(480, &congestion).unwrap();
    let rfc = rfc.response();
    assert_eq!(
        (rfc.status(), rfc.reason_phrase("Gone")),
        (503, "Service Unavailable")
    );
    let fs = Gateway::FreeSwitch.relay_failure(480, &congestion).unwrap();
    let fs = fs.response();
    assert_eq!(
        (
            fs.status(),
            fs.hangup_cause().code(),
            fs.far_hangup_cause().code()
        ),
        (480, 34, 34)
    );
    // FreeSWITCH's no-answer causes end leg A as NORMAL_CLEARING.
    let fs = Gateway::FreeSwitch.relay_failure(480, &[]).unwrap();
    assert_eq!(
        outcome(fs),
        Outcome::Respond(
            480,
            false,
            vec![r#"Q.850;cause=16;text="NORMAL_CLEARING""#.to_owned()],
            16,
            18
        )
    );
    // A phrase sofia-sip lacks goes out empty, as FreeSWITCH sends it; RFC 3398 passes the
    // received one on with the code it passes on, and writes its own with a code of its own
    // (499 is 31, which goes out as 480).
    let odd = Gateway::FreeSwitch.relay_failure(499, &[]).unwrap();
    assert_eq!(odd.response().reason_phrase("Odd"), "");
    let odd = Gateway::Rfc3398.relay_failure(499, &[]).unwrap().response();
    assert_eq!(
        (odd.status(), odd.reason_phrase("Odd")),
        (480, "Temporarily Unavailable")
    );
    let busy = Gateway::Rfc3398.relay_failure(486, &[]).unwrap().response();
    assert_eq!((busy.status(), busy.reason_phrase("Odd")), (486, "Odd"));
    // A 302 is followed; without a Contact, Asterisk ends Dial with CHANUNAVAIL (503, 34).
    let redirect = Gateway::Asterisk.relay_failure(302, &[]).unwrap();
    assert!(redirect.follows_redirect());
    assert_eq!(
        (
            redirect.response().status(),
            redirect.response().hangup_cause().code()
        ),
        (503, 34)
    );
}

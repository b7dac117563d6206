//! The gateways side by side (`docs/gateway.md`, "The three side by side"): the response each
//! sends for the common causes, the cause each records for the common responses, and what each
//! relays from one leg to the other when a call fails or is cancelled.

use std::fmt::Write as _;

use cause_core::{AsteriskCause, FreeSwitchCause, Gateway, Q850, Reason, Relay};
use cause_model::markdown::code_span;

use crate::text::{codes_text, row};

/// The causes the gateways section compares: the common ends of a call.
const COMMON_CAUSES: [u16; 10] = [16, 17, 18, 19, 21, 31, 34, 38, 41, 127];

/// The final responses it compares.
const COMMON_RESPONSES: [u16; 12] = [403, 404, 408, 480, 486, 487, 488, 500, 502, 503, 600, 603];

/// The `Reason` values a far end's failure comes with, in the relay table.
const FAILURE_REASONS: [&str; 2] = ["", "Q.850;cause=34"];

/// The `Reason` values a caller's `CANCEL` comes with: none, what a browser sends when the user
/// picked up elsewhere or declined, and what a PBX sends.
const CANCEL_REASONS: [&str; 4] = [
    "",
    r#"SIP;cause=200;text="Call completed elsewhere""#,
    r#"SIP;cause=486;text="Busy Here""#,
    "Q.850;cause=16",
];

/// RFC 3398, Asterisk and FreeSWITCH side by side.
pub fn gateways_markdown() -> String {
    let mut out = String::new();
    responses(&mut out);
    causes(&mut out);
    failures(&mut out);
    cancels(&mut out);
    out
}

/// The systems a table compares: one per table of causes (FreeSWITCH's release shares
/// master's), or every one where a release differs (the failures relayed).
fn systems(with_releases: bool) -> Vec<Gateway> {
    let release = |g: &Gateway| matches!(g, Gateway::FreeSwitchRelease);
    Gateway::ALL
        .iter()
        .copied()
        .filter(|g| with_releases || !release(g))
        .collect()
}

/// `| first | RFC 3398 | Asterisk | FreeSWITCH |` and its rule, after a line that says what
/// the table shows.
fn head(out: &mut String, caption: &str, first: &str, with_releases: bool) {
    let systems: Vec<&str> = systems(with_releases).iter().map(|g| g.name()).collect();
    if !out.is_empty() {
        out.push('\n');
    }
    let _ = writeln!(out, "{caption}\n");
    let _ = writeln!(out, "| {first} | {} |", systems.join(" | "));
    let _ = writeln!(out, "|---|{}", "---|".repeat(systems.len()));
}

/// One row: the first cell, then one per system.
fn system_row(
    out: &mut String,
    first: String,
    with_releases: bool,
    cell: impl Fn(Gateway) -> String,
) {
    let mut cells = vec![first];
    cells.extend(systems(with_releases).into_iter().map(cell));
    row(out, &cells);
}

fn responses(out: &mut String) {
    head(
        out,
        "The response each sends when a call fails with the cause:",
        "Cause",
        false,
    );
    for cause in COMMON_CAUSES {
        let name = Q850::from_code(cause).map_or("", Q850::name);
        system_row(
            out,
            format!("{cause} {}", code_span(name)),
            false,
            |g| match g.hangup_cause(cause).response() {
                Some(code) => codes_text(&[code]),
                None => "none".to_owned(),
            },
        );
    }
}

fn causes(out: &mut String) {
    head(
        out,
        "The cause each records for a final response:",
        "Response",
        false,
    );
    for status in COMMON_RESPONSES {
        system_row(out, codes_text(&[status]), false, |g| {
            match g.for_failure_response(status).map(|c| c.code()) {
                Some(cause) => format!("{cause} {}", code_span(cause_name(g, cause))),
                None => "none".to_owned(),
            }
        });
    }
}

/// What reaches the caller when the far end fails (`Gateway::relay_failure`).
fn failures(out: &mut String) {
    head(
        out,
        "What each sends the caller when the far end's INVITE fails: the response, its \
         `Reason`, and the cause it records for the caller's leg (FreeSWITCH's newest \
         release, 1.10.12, writes its own `Reason` where master passes the far end's on):",
        "Far end",
        true,
    );
    for status in COMMON_RESPONSES {
        for list in FAILURE_REASONS {
            let reasons = parse(list);
            let mut first = codes_text(&[status]);
            if !list.is_empty() {
                let _ = write!(first, " with {}", code_span(list));
            }
            system_row(out, first, true, |g| {
                match g.relay_failure(status, &reasons) {
                    Some(Relay::Respond(r)) => format!(
                        "{} {}, cause {}",
                        r.status(),
                        reasons_text(r.reasons()),
                        r.hangup_cause().code()
                    ),
                    _ => "follows the redirect".to_owned(),
                }
            });
        }
    }
}

/// What the far end's `CANCEL` carries when the caller cancels (`Gateway::relay_cancel`).
fn cancels(out: &mut String) {
    head(
        out,
        "The `Reason` each puts on the far end's CANCEL when the caller cancels:",
        "Caller's CANCEL",
        false,
    );
    for list in CANCEL_REASONS {
        let reasons = parse(list);
        let first = match list {
            "" => "no `Reason`".to_owned(),
            list => code_span(list),
        };
        system_row(out, first, false, |g| {
            reasons_text(g.relay_cancel(&reasons).reasons())
        });
    }
}

/// The values as one code span each, or "no `Reason`".
fn reasons_text(reasons: &[Reason<'_>]) -> String {
    if reasons.is_empty() {
        return "no `Reason`".to_owned();
    }
    let spans: Vec<String> = reasons.iter().map(|r| code_span(&r.to_string())).collect();
    spans.join(" and ")
}

/// One of the tables' own `Reason` lists above (valid, as a test of the tool shows).
fn parse(list: &str) -> Vec<Reason<'_>> {
    if list.is_empty() {
        return Vec::new();
    }
    let reasons = Reason::parse_list(list).collect::<Result<_, _>>();
    reasons.expect("the table's own Reason lists are valid")
}

/// The name `gateway` gives the cause value `cause`.
fn cause_name(gateway: Gateway, cause: u16) -> &'static str {
    let name = match gateway {
        Gateway::Asterisk => AsteriskCause::from_code(cause).map(AsteriskCause::name),
        Gateway::FreeSwitch => FreeSwitchCause::from_code(cause).map(FreeSwitchCause::name),
        _ => Q850::from_code(cause).map(Q850::name),
    };
    name.unwrap_or("")
}

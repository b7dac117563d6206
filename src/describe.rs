//! The answers, as text: a status code, a cause, a Q.850 cause, a `Reason` header value.

use std::fmt::Write as _;

use cause_core::{
    AsteriskCause, Cause, FreeSwitchCause, Gateway, JsSipCause, ParseReasonError, Q850, Reason,
    ReasonErrorKind, reason_phrase,
};

use crate::lookup;
use crate::phrases::Given;
use crate::registry;
use crate::text::{codes_text, plain, quoted, status_codes, status_head};

/// `BUSY "Busy" (SIP error causes)`
fn headline(cause: Cause) -> String {
    format!(
        "{} {:?} ({})",
        cause.name(),
        cause.as_str(),
        cause.category()
    )
}

/// `17 USER_BUSY "User busy" (Normal event)`
fn q850_headline(q850: Q850) -> String {
    let (code, name, value) = (q850.code(), q850.name(), q850.as_str());
    format!("{code} {name} {value:?} ({})", q850.category())
}

/// `486` → the code, its reason phrase, its cause and its Q.850 cause.
pub fn code(code: u16, given: Option<&Given>, in_dialog: bool) -> String {
    let mut out = status_head(code, given);
    let cause = match in_dialog {
        true => Cause::for_in_dialog_failure(code),
        false => Cause::for_failure_response(code),
    };
    let Some(cause) = cause else {
        let range = Cause::FAILURE_CODES;
        let (low, high) = (range.start(), range.end());
        let _ = writeln!(
            out,
            "cause: none ({code} is not a final failure response, {low}..={high})"
        );
        return out;
    };
    let _ = writeln!(out, "cause: {}", headline(cause));
    // The library's one answer for the Q.850 cause of a response (RFC 3398 §8.2.6.1 with its
    // default, as `Gateway::Rfc3398` records it), for every code.
    match Q850::for_failure_response(code) {
        Some(q850) => {
            let _ = writeln!(out, "q850: {}", q850_headline(q850));
        }
        None => {
            let range = Q850::FAILURE_CODES;
            let (low, high) = (range.start(), range.end());
            let _ = writeln!(
                out,
                "q850: none (RFC 3398 maps the rejections, {low}..={high}, to Q.850)"
            );
        }
    }
    let _ = writeln!(out, "{}", plain(cause.description()));
    out
}

/// A cause with its codes, aliases, response, Reason and description.
pub fn cause(cause: Cause) -> String {
    let mut out = format!("{}\n", headline(cause));
    let codes = status_codes(cause.status_codes(), Cause::FAILURES, &cause, "cause");
    if !codes.is_empty() {
        let _ = writeln!(out, "status codes: {codes}");
    }
    if !cause.in_dialog_status_codes().is_empty() {
        let codes = codes_text(cause.in_dialog_status_codes());
        let _ = writeln!(out, "in-dialog status codes: {codes}");
    }
    if !cause.aliases().is_empty() {
        let aliases: Vec<String> = cause.aliases().iter().map(|a| format!("{a:?}")).collect();
        let _ = writeln!(out, "also parsed from: {}", aliases.join(", "));
    }
    if let Some(response) = cause.response() {
        let _ = writeln!(out, "response: {}", codes_text(&[response]));
    }
    if let Some(reason) = cause.reason() {
        let _ = writeln!(out, "Reason: {reason}");
    }
    if let Some(q850) = cause.q850() {
        let _ = writeln!(out, "q850: {}", q850_headline(q850));
    }
    let (reported, never) = (cause.reported(), cause.never_reported());
    report_lines(&mut out, Cause::REPORTED_BY, reported, never);
    let _ = writeln!(out, "{}", plain(cause.description()));
    out
}

/// `reported by SIP.js 0.6.4: ...` or `never reported by SIP.js 0.6.4: ...`, as the table says.
fn report_lines(out: &mut String, by: &str, reported: Option<&str>, never: Option<&str>) {
    if let Some(how) = reported {
        let _ = writeln!(out, "reported by {by}: {}", plain(how));
    }
    if let Some(instead) = never {
        let _ = writeln!(out, "never reported by {by}: {}", plain(instead));
    }
}

/// A Q.850 cause: its class, the response each gateway sends for it, and its SIP cause.
pub fn q850(q850: Q850) -> String {
    let mut out = format!("{}\n", q850_headline(q850));
    match q850.response() {
        Some(code) => {
            let _ = writeln!(out, "response: {} (RFC 3398)", codes_text(&[code]));
        }
        None => out.push_str("response: none (RFC 3398 gives none)\n"),
    }
    // One line per table of causes: FreeSWITCH's release shares master's.
    let tables = Gateway::ALL[1..]
        .iter()
        .filter(|g| !matches!(g, Gateway::FreeSwitchRelease));
    for &gateway in tables {
        if let Some(code) = gateway.hangup_cause(q850.code()).response() {
            let _ = writeln!(out, "{} sends: {}", gateway.name(), codes_text(&[code]));
        }
    }
    match q850.sipjs() {
        Some(cause) => {
            let _ = writeln!(out, "cause: {}", headline(cause));
        }
        None => out.push_str("cause: none\n"),
    }
    let _ = writeln!(out, "{}", plain(q850.description()));
    out
}

/// Each value of a `Reason` header, or of a whole header line as pasted from a trace (which
/// cause-core reads: `Reason::parse_list` says when it is given one): its Q.850 cause where it
/// is one, and the SIP cause it says; an error names the byte.
pub fn reason(pasted: &str) -> Result<String, String> {
    // Indented in a trace, perhaps: bytes count from the start of what was pasted.
    let text = pasted.trim_start();
    let indent = pasted.len() - text.len();
    let invalid = |e: ParseReasonError| {
        let message = e.to_string();
        let what = message.strip_suffix(&format!(", at byte {}", e.offset()));
        let what = what.unwrap_or(&message);
        let at = indent + e.offset();
        format!(
            "invalid Reason value {:?}: {what}, at byte {at}",
            quoted(pasted)
        )
    };
    let is_line = matches!(
        Reason::parse_list(text).next(),
        Some(Err(e)) if e.kind() == ReasonErrorKind::HeaderLine
    );
    let values = match is_line {
        true => Reason::parse_header_line(text).map_err(invalid)?,
        false => Reason::parse_list(text),
    };
    let mut out = String::new();
    for reason in values {
        let reason = reason.map_err(invalid)?;
        let _ = writeln!(out, "reason: {}", quoted(&reason.to_string()));
        out.extend(registry::location_line(&reason));
        // Any other protocol's cause, in its table: SIP.js reads SIP's and Q.850's only.
        if let Some(lines) = registry::reason_lines(&reason) {
            out.push_str(&lines);
            continue;
        }
        let is = |protocol: &str| reason.protocol().eq_ignore_ascii_case(protocol);
        let q850 = reason
            .code()
            .filter(|_| is("Q.850"))
            .map(|code| (code, Q850::from_code(code)));
        match q850 {
            Some((_, Some(q850))) => {
                let _ = writeln!(out, "q850: {}", q850_headline(q850));
            }
            Some((code, None)) => {
                let _ = writeln!(out, "q850: none ({code} is no Q.850 cause value)");
            }
            None => {}
        }
        let none = match (Cause::from_reason(&reason), reason.code(), q850) {
            (Some(cause), ..) => {
                let _ = writeln!(out, "cause: {}", headline(cause));
                continue;
            }
            _ if reason.is_answered_elsewhere() => {
                "the call was answered elsewhere: nothing failed".to_owned()
            }
            (None, _, Some((_, Some(q850)))) if q850.response().is_none() => format!(
                "{} has no SIP response in RFC 3398, so no SIP cause",
                q850.name()
            ),
            (None, _, Some(_)) => "no SIP cause maps to it".to_owned(),
            (None, Some(code), None) => format!("{code} is not a final failure response"),
            (None, None, None) => "no cause code".to_owned(),
        };
        let _ = writeln!(out, "cause: none ({none})");
    }
    Ok(out)
}

/// A request line: for a BYE or a CANCEL, the cause the peer that receives it reports; any
/// other request says no cause.
pub fn request_line(line: &str, method: &str) -> Result<String, String> {
    let cause = lookup::request_cause(method).ok_or_else(|| lookup::request_line_hint(line))?;
    let ends = match cause {
        Cause::Bye => "an answered call",
        _ => "a call before it is answered",
    };
    let head = format!(
        "request: {method}, which ends {ends}; its Reason header line says why (`sip-cause 'Reason: ...'`)\n"
    );
    Ok(head + &self::cause(cause))
}

/// A FreeSWITCH or Asterisk hangup cause, as the tool shows either.
pub struct PbxCause {
    system: Gateway,
    code: u16,
    name: &'static str,
    text: &'static str,
    group: Option<&'static str>,
    aliases: &'static [&'static str],
    response: Option<u16>,
    /// The responses it is recorded for, as `status codes:` shows them.
    recorded_for: String,
    q850: Option<Q850>,
    description: &'static str,
}

impl PbxCause {
    /// The cause `code` of `system`'s numbering.
    fn of(system: Gateway, code: u16) -> Option<Self> {
        match system {
            Gateway::FreeSwitch => FreeSwitchCause::from_code(code).map(Self::freeswitch),
            Gateway::Asterisk => AsteriskCause::from_code(code).map(Self::asterisk),
            _ => None,
        }
    }

    /// `806 USER_NOT_REGISTERED "USER_NOT_REGISTERED" (FreeSWITCH's own causes)`
    fn headline(&self) -> String {
        let mut out = format!("{} {} {:?}", self.code, self.name, self.text);
        if let Some(group) = self.group {
            let _ = write!(out, " ({group})");
        }
        out
    }

    pub fn freeswitch(cause: FreeSwitchCause) -> Self {
        PbxCause {
            system: Gateway::FreeSwitch,
            code: cause.code(),
            name: cause.name(),
            text: cause.as_str(),
            group: Some(cause.category().title()),
            aliases: cause.aliases(),
            response: cause.response(),
            recorded_for: status_codes(
                cause.status_codes(),
                FreeSwitchCause::FAILURES,
                &cause,
                "cause",
            ),
            q850: cause.q850(),
            description: cause.description(),
        }
    }

    pub fn asterisk(cause: AsteriskCause) -> Self {
        PbxCause {
            system: Gateway::Asterisk,
            code: cause.code(),
            name: cause.name(),
            text: cause.as_str(),
            group: None,
            aliases: cause.aliases(),
            response: cause.response(),
            recorded_for: status_codes(
                cause.status_codes(),
                AsteriskCause::FAILURES,
                &cause,
                "cause",
            ),
            q850: cause.q850(),
            description: cause.description(),
        }
    }
}

/// `806 USER_NOT_REGISTERED "USER_NOT_REGISTERED" (FreeSWITCH's own causes)`, laid out as every
/// other table's cause (code, constant, value, group), the response it sends, its Q.850 cause.
pub fn pbx(cause: &PbxCause) -> String {
    let mut out = format!("{}\n", cause.headline());
    if !cause.aliases.is_empty() {
        let aliases: Vec<String> = cause.aliases.iter().map(|a| format!("{a:?}")).collect();
        let _ = writeln!(out, "also parsed from: {}", aliases.join(", "));
    }
    if let Some(code) = cause.response {
        let _ = writeln!(
            out,
            "{} sends: {}",
            cause.system.name(),
            codes_text(&[code])
        );
    }
    if !cause.recorded_for.is_empty() {
        let (system, codes) = (cause.system.name(), &cause.recorded_for);
        let _ = writeln!(out, "{system} records it for: {codes}");
    }
    // FreeSWITCH's 487 is a cause and a response.
    if Cause::FAILURE_CODES.contains(&cause.code) {
        let (key, system, code) = (cause.system.key(), cause.system.name(), cause.code);
        let _ = writeln!(
            out,
            "{code} is also a response: `sip-cause {key} sip:{code}` says what {system} records for it"
        );
    }
    match cause.q850 {
        Some(q850) => {
            let _ = writeln!(out, "q850: {}", q850_headline(q850));
        }
        None if (1..=127).contains(&cause.code) => {
            let _ = writeln!(out, "q850: none (Q.850 leaves {} unassigned)", cause.code);
        }
        None => {
            let _ = writeln!(
                out,
                "q850: none ({} is outside Q.850's 1..=127)",
                cause.code
            );
        }
    }
    let _ = writeln!(out, "{}", plain(cause.description));
    out
}

/// A response, as `system` reads it: the cause it records, and when it bridges a call whose
/// far end ends with it, what it sends the caller.
pub fn pbx_response(system: Gateway, code: u16, given: Option<&Given>) -> String {
    let mut out = status_head(code, given);
    let name = system.name();
    let recorded = system.for_failure_response(code);
    let recorded = recorded.and_then(|cause| PbxCause::of(system, cause.code()));
    if let Some(recorded) = &recorded {
        let _ = writeln!(out, "{name} records: {}", recorded.headline());
    }
    if let Some(relay) = system.relay_failure(code, &[]) {
        let response = relay.response();
        let received = given.map_or(reason_phrase(code).unwrap_or(""), |g| g.text.as_str());
        // FreeSWITCH writes `SIP/2.0 608 `, a phrase of nothing, where sofia-sip has none.
        let phrase = match response.reason_phrase(received) {
            "" => "(an empty reason phrase)",
            phrase => phrase,
        };
        let reasons: Vec<String> = response.reasons().iter().map(|r| r.to_string()).collect();
        let caller = PbxCause::of(system, response.hangup_cause().code())
            .map_or(String::new(), |c| {
                format!(", recording {} {} for the caller", c.code, c.name)
            });
        let sends = format!(
            "{} {phrase}{}{caller}",
            response.status(),
            match reasons.is_empty() {
                true => String::new(),
                false => format!(", Reason: {}", reasons.join(", ")),
            }
        );
        let _ = match relay.follows_redirect() {
            true => writeln!(
                out,
                "{name} follows it to its Contact; without one, it sends the caller: {sends}"
            ),
            false => writeln!(out, "{name} sends the caller: {sends}"),
        };
        // FreeSWITCH passes a far end's Q.850 cause on; say so where it changes the answer.
        let congestion = Reason::parse("Q.850;cause=34").expect("a valid Reason value");
        let with_reason = system.relay_failure(code, &[congestion]);
        if with_reason.map(|r| r.response()) != Some(response) {
            let _ = writeln!(
                out,
                "(for a far end's {code} without a Reason header; one with Q.850;cause=34 in `sip-cause table --gateways`)"
            );
        }
    }
    if let Some(recorded) = recorded {
        let _ = writeln!(out, "{}", plain(recorded.description));
    }
    out
}

/// `BUSY "Busy" (SIP error causes)`, in JsSIP's table.
fn jssip_headline(cause: JsSipCause) -> String {
    format!(
        "{} {:?} ({})",
        cause.name(),
        cause.as_str(),
        cause.category()
    )
}

/// `424` with `--jssip`: the code and the cause JsSIP reports for it, and SIP.js's where it
/// differs.
pub fn jssip_code(code: u16, given: Option<&Given>, in_dialog: bool) -> String {
    let mut out = status_head(code, given);
    let (jssip, sipjs) = match in_dialog {
        true => (
            JsSipCause::for_in_dialog_failure(code),
            Cause::for_in_dialog_failure(code),
        ),
        false => (
            JsSipCause::for_failure_response(code),
            Cause::for_failure_response(code),
        ),
    };
    let Some(cause) = jssip else {
        let range = JsSipCause::FAILURE_CODES;
        let (low, high) = (range.start(), range.end());
        let _ = writeln!(
            out,
            "jssip: none ({code} is not a final failure response, {low}..={high})"
        );
        return out;
    };
    let _ = writeln!(out, "jssip: {}", jssip_headline(cause));
    if sipjs.map(Cause::name) != Some(cause.name()) {
        let sipjs = sipjs.map_or("none".to_owned(), headline);
        let _ = writeln!(out, "sip.js: {sipjs}");
    }
    let _ = writeln!(out, "{}", plain(cause.description()));
    out
}

/// A JsSIP cause with its codes, response, the SIP.js cause of the same constant, and its
/// description.
pub fn jssip_cause(cause: JsSipCause) -> String {
    let mut out = format!("{}\n", jssip_headline(cause));
    let codes = status_codes(cause.status_codes(), JsSipCause::FAILURES, &cause, "cause");
    if !codes.is_empty() {
        let _ = writeln!(out, "status codes: {codes}");
    }
    if !cause.in_dialog_status_codes().is_empty() {
        let codes = codes_text(cause.in_dialog_status_codes());
        let _ = writeln!(out, "in-dialog status codes: {codes}");
    }
    if let Some(response) = cause.response() {
        let _ = writeln!(out, "response: {}", codes_text(&[response]));
    }
    match cause.sipjs() {
        Some(sipjs) => {
            let _ = writeln!(out, "sip.js: {}", headline(sipjs));
        }
        None => out.push_str("sip.js: none (SIP.js 0.6 has no such cause)\n"),
    }
    let (reported, never) = (cause.reported(), cause.never_reported());
    report_lines(&mut out, JsSipCause::REPORTED_BY, reported, never);
    let _ = writeln!(out, "{}", plain(cause.description()));
    out
}

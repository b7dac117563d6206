//! The answers, as text: a status code, a cause, a Q.850 cause, a `Reason` header value.

use std::fmt::Write as _;

use cause_core::{
    AsteriskCause, Cause, FreeSwitchCause, Gateway, JsSipCause, Q850, Reason, reason_phrase,
};

use crate::text::{codes_text, plain, quoted, status_codes};

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
pub fn code(code: u16, in_dialog: bool) -> String {
    let mut out = match reason_phrase(code) {
        Some(phrase) => format!("{code} {phrase}\n"),
        None => format!("{code} (no registered reason phrase)\n"),
    };
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
    if let Some(q850) = Q850::from_status_code(code) {
        let _ = writeln!(out, "q850: {}", q850_headline(q850));
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
    for &gateway in &Gateway::ALL[1..] {
        if let Some(code) = gateway.response_for_cause(q850.code()) {
            let _ = writeln!(out, "{} sends: {}", gateway.name(), codes_text(&[code]));
        }
    }
    match q850.cause() {
        Some(cause) => {
            let _ = writeln!(out, "cause: {}", headline(cause));
        }
        None => out.push_str("cause: none\n"),
    }
    let _ = writeln!(out, "{}", plain(q850.description()));
    out
}

/// Each value of a `Reason` header: its Q.850 cause where it is one, and the SIP cause it
/// says; an error names the byte.
pub fn reason(pasted: &str) -> Result<String, String> {
    let (name, value) = without_header_name(pasted);
    let mut out = String::new();
    for reason in Reason::parse_list(value) {
        let reason = reason.map_err(|e| {
            // The byte counts from the start of what was pasted, header name included.
            let message = e.to_string();
            let what = message.strip_suffix(&format!(", at byte {}", e.offset()));
            let at = name + e.offset();
            let what = what.unwrap_or(&message);
            format!(
                "invalid Reason value {:?}: {what}, at byte {at}",
                quoted(pasted)
            )
        })?;
        let _ = writeln!(out, "reason: {}", quoted(&reason.to_string()));
        let is = |protocol: &str| reason.protocol().eq_ignore_ascii_case(protocol);
        let q850 = reason
            .cause()
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
        let none = match (Cause::from_reason(&reason), reason.cause(), q850) {
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
            (None, _, None) if !is("SIP") => {
                format!(
                    "protocol {} is neither SIP nor Q.850",
                    quoted(reason.protocol())
                )
            }
            (None, Some(code), None) => format!("{code} is not a final failure response"),
            (None, None, None) => "no cause code".to_owned(),
        };
        let _ = writeln!(out, "cause: none ({none})");
    }
    Ok(out)
}

/// A whole header line as pasted from a trace, `Reason: SIP;cause=486`, folded or not: the
/// length of the `Reason:` before the value (0 without one), and the value.
fn without_header_name(line: &str) -> (usize, &str) {
    let trimmed = line.trim_start();
    let skipped = line.len() - trimmed.len();
    let named = trimmed
        .get(..6)
        .filter(|name| name.eq_ignore_ascii_case("Reason"))
        .and_then(|_| {
            trimmed[6..]
                .trim_start_matches([' ', '\t'])
                .strip_prefix(':')
        });
    match named {
        Some(value) => (line.len() - value.len(), value),
        None => (skipped, trimmed),
    }
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
    let mut out = format!("{} {} {:?}", cause.code, cause.name, cause.text);
    if let Some(group) = cause.group {
        let _ = write!(out, " ({group})");
    }
    out.push('\n');
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
pub fn jssip_code(code: u16, in_dialog: bool) -> String {
    let mut out = match reason_phrase(code) {
        Some(phrase) => format!("{code} {phrase}\n"),
        None => format!("{code} (no registered reason phrase)\n"),
    };
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

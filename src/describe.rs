//! The answers, as text: a status code, a cause, a Q.850 cause, a `Reason` header value.

use std::fmt::Write as _;

use cause_core::{
    AsteriskCause, Cause, FreeSwitchCause, Gateway, JsSipCause, ParseReasonError, Q850, Reason,
    ReasonErrorKind, reason_phrase,
};

use cause_table::markdown::plain_text;

use crate::lookup::quoted;

/// A description as the terminal shows it: no markdown, and a Rust path such as
/// `Q850::UserBusy` as the cause's name (`Q.850 17 USER_BUSY`).
pub(crate) fn plain(description: &str) -> String {
    plain_text(description, |code| {
        let debug = |name: &str, variant: &str| name == variant;
        let name = match code.split_once("::") {
            Some(("Q850", variant)) => Q850::ALL
                .iter()
                .find(|q| debug(&format!("{q:?}"), variant))
                .map(|q| format!("Q.850 {} {}", q.code(), q.name())),
            Some(("Cause", variant)) => Cause::ALL
                .iter()
                .find(|c| debug(&format!("{c:?}"), variant))
                .map(|c| c.name().to_owned()),
            Some(("JsSipCause", variant)) => JsSipCause::ALL
                .iter()
                .find(|c| debug(&format!("{c:?}"), variant))
                .map(|c| format!("JsSIP's {}", c.name())),
            _ => None,
        };
        name.unwrap_or_else(|| code.to_owned())
    })
}

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

/// `486 Busy Here, 600 Busy Everywhere`
pub fn codes_text(codes: &[u16]) -> String {
    let codes = codes.iter().map(|&code| match reason_phrase(code) {
        Some(phrase) => format!("{code} {phrase}"),
        None => code.to_string(),
    });
    codes.collect::<Vec<_>>().join(", ")
}

/// What the fallback cause's codes are: all the failure responses the others leave.
pub fn fallback_codes_text() -> String {
    crate::table::fallback_text("", Cause::FAILURE_CODES)
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
    if cause == Cause::FALLBACK {
        let _ = writeln!(out, "status codes: {}", fallback_codes_text());
    }
    if !cause.status_codes().is_empty() {
        let _ = writeln!(out, "status codes: {}", codes_text(cause.status_codes()));
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

/// A FreeSWITCH or Asterisk hangup cause, as the tool shows either.
pub struct PbxCause {
    system: Gateway,
    code: u16,
    name: &'static str,
    text: &'static str,
    group: Option<&'static str>,
    aliases: &'static [&'static str],
    response: Option<u16>,
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
    if cause == JsSipCause::FALLBACK {
        let codes = crate::table::fallback_text("", JsSipCause::FAILURE_CODES);
        let _ = writeln!(out, "status codes: {codes}");
    }
    if !cause.status_codes().is_empty() {
        let _ = writeln!(out, "status codes: {}", codes_text(cause.status_codes()));
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

//! liblinphone's table in the tool: `sip-cause --linphone 486|REASON`, `table --linphone`, and
//! `table --clients`, what the three client libraries report for each code side by side.

use std::fmt::Write as _;

use cause_core::{Cause, JsSipCause, LinphoneReason};
use cause_model::markdown::{code_span, link_labels};

use crate::lookup::{
    did_you_mean, looks_like_a_number, reason_hint, request_line_hint, status_code,
};
use crate::phrases::{self, Given};
use crate::table;
use crate::text::{codes_text, head, plain, quoted, row, status_codes, status_head};
use crate::trace::{self, Line};

/// What `--linphone` names: a status code (as a number, a status line or its reason phrase,
/// with the phrase where it is not the registry's), or a reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Code(u16, Option<Given>),
    Reason(LinphoneReason),
}

/// `486`, `busy`, `Call declined`, `Busy Here`, `SIP/2.0 486 Busy Here`: a status code, a
/// reason, a reason phrase or a status line.
pub fn lookup(text: &str) -> Result<Found, String> {
    let text = text.trim();
    if looks_like_a_number(text) {
        return status_code(text).map(|code| Found::Code(code, None));
    }
    match trace::read(text) {
        Some(Line::Status { code, phrase }) => {
            let code = status_code(code)?;
            return Ok(Found::Code(code, Given::with_code(code, phrase)));
        }
        Some(Line::Reason { .. }) => return Err(reason_hint(text)),
        Some(Line::Request { .. }) => return Err(request_line_hint(text)),
        None => {}
    }
    if let Some(reason) = LinphoneReason::find(text) {
        return Ok(Found::Reason(reason));
    }
    if let Some((code, given)) = phrases::find(text) {
        return Ok(Found::Code(code, given));
    }
    let near = text.parse::<LinphoneReason>().err().and_then(|error| {
        did_you_mean(error.suggestions(), |s| {
            LinphoneReason::find(s).map(LinphoneReason::name)
        })
    });
    let hint = near.unwrap_or_else(|| {
        "give a status code (486), a reason (BUSY, \"Call declined\") or a reason phrase; \
         `sip-cause table --linphone` lists them"
            .to_owned()
    });
    Err(format!(
        "`{}` is no status code, Linphone reason or reason phrase: {hint}",
        quoted(text)
    ))
}

/// `BUSY "Busy" (LinphoneReason 6)`
fn headline(reason: LinphoneReason) -> String {
    format!(
        "{} {:?} (LinphoneReason {})",
        reason.name(),
        reason.as_str(),
        reason.code()
    )
}

/// `486` with `--linphone`: the code and the reason a Linphone call reports for it.
pub fn code(code: u16, given: Option<&Given>) -> String {
    let mut out = status_head(code, given);
    let Some(reason) = LinphoneReason::for_failure_response(code) else {
        // A redirect it follows: the call ends on it only where it carries no Contact.
        let unfollowed = LinphoneReason::for_redirect_without_contact(code)
            .filter(|_| (300..=399).contains(&code));
        let with = match unfollowed {
            Some(_) => " with a Contact (it follows one)",
            None => "",
        };
        let _ = writeln!(
            out,
            "linphone: none (a Linphone call does not end on {code}{with}; the responses it ends on are {})",
            failure_ranges()
        );
        if let Some(reason) = unfollowed {
            let _ = writeln!(out, "linphone, without a Contact: {}", headline(reason));
        }
        return out;
    };
    let _ = writeln!(out, "linphone: {}", headline(reason));
    let _ = writeln!(out, "{}", plain(reason.description()));
    out
}

/// `300, 303..=400, 402..=406, 408..=421, 423..=699`
fn failure_ranges() -> String {
    let ranges = LinphoneReason::FAILURES.iter().map(|(range, _)| {
        let (low, high) = (range.start(), range.end());
        match low == high {
            true => low.to_string(),
            false => format!("{low}..={high}"),
        }
    });
    ranges.collect::<Vec<_>>().join(", ")
}

/// A reason with its status codes, the response that declines a call with it, and its
/// description.
pub fn reason(reason: LinphoneReason) -> String {
    let mut out = format!("{}\n", headline(reason));
    if reason.status_codes().is_empty() && !is_fallback(reason) {
        out.push_str("status codes: none (no final response ends a call with it)\n");
    } else {
        let _ = writeln!(out, "status codes: {}", status_codes_text(reason));
    }
    if let Some(response) = reason.response() {
        let _ = writeln!(out, "declined with it: {}", codes_text(&[response]));
        let callers = [
            ("SIP.js", reason.sipjs().map(Cause::name)),
            ("JsSIP", reason.jssip().map(JsSipCause::name)),
        ];
        for (library, cause) in callers {
            let cause = cause.unwrap_or("none (not a failure)");
            let _ = writeln!(out, "a {library} caller then reports: {cause}");
        }
    }
    let _ = writeln!(out, "{}", plain(reason.description()));
    out
}

fn is_fallback(reason: LinphoneReason) -> bool {
    LinphoneReason::FAILURES
        .iter()
        .any(|(_, fallback)| *fallback == reason)
}

/// The codes a reason lists, and for the fallback every failure response the others leave.
fn status_codes_text(reason: LinphoneReason) -> String {
    status_codes(
        reason.status_codes(),
        LinphoneReason::FAILURES,
        &reason,
        "reason",
    )
}

/// Every reason, one markdown table.
pub fn markdown() -> String {
    let mut out = String::new();
    let names = [
        "Value",
        "Constant",
        "Text",
        "Status codes",
        "Declined with",
        "Description",
    ];
    head(&mut out, &names);
    for &reason in LinphoneReason::ALL {
        let cells = [
            reason.code().to_string(),
            code_span(reason.name()),
            code_span(reason.as_str()),
            status_codes_text(reason),
            reason
                .response()
                .map(|c| codes_text(&[c]))
                .unwrap_or_default(),
            link_labels(reason.description()),
        ];
        row(&mut out, &cells);
    }
    out
}

/// liblinphone's table as JSON, with the keys of `linphone.toml`.
pub fn json() -> String {
    table::numbered_json!(LinphoneReason, |_| "", Vec::new(), None)
}

/// What SIP.js 0.6.4, JsSIP 3.13.8 and liblinphone 5.1.65 report for each final response any
/// of their tables lists, side by side.
pub fn clients_markdown() -> String {
    let mut codes: Vec<u16> = (Cause::ALL.iter().flat_map(|c| c.status_codes()))
        .chain(JsSipCause::ALL.iter().flat_map(|c| c.status_codes()))
        .chain(LinphoneReason::ALL.iter().flat_map(|c| c.status_codes()))
        .copied()
        .collect();
    codes.sort_unstable();
    codes.dedup();
    let mut out = String::new();
    let names = [
        "Final response",
        "SIP.js 0.6.4",
        "JsSIP 3.13.8",
        "liblinphone 5.1.65",
    ];
    head(&mut out, &names);
    let name = |name: Option<&str>| name.map_or("none: not an end".to_owned(), code_span);
    for code in codes {
        let cells = [
            codes_text(&[code]),
            name(Cause::for_failure_response(code).map(Cause::name)),
            name(JsSipCause::for_failure_response(code).map(JsSipCause::name)),
            name(LinphoneReason::for_failure_response(code).map(LinphoneReason::name)),
        ];
        row(&mut out, &cells);
    }
    out
}

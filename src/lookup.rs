//! What a query names, as cause-core answers it: a status code (as a number, a status line or
//! the reason phrase of one, whichever stack writes it), a cause, a Q.850 cause, a PBX's cause
//! or a response it records; and for a miss, the closest names cause-core suggests, or the
//! command that reads it.

use cause_core::{AsteriskCause, Cause, FreeSwitchCause, JsSipCause, LinphoneReason, Q850};

use crate::phrases::{self, Given};
use crate::text::quoted;
use crate::trace::{self, Line};

/// What a query to `sip-cause` names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A status code, given as a number, a status line or a reason phrase; with the phrase
    /// given where it is not the registry's.
    Code(u16, Option<Given>),
    Cause(Cause),
    /// A cause of JsSIP's table (with `--jssip`).
    JsSip(JsSipCause),
}

/// `486`, ` BUSY`, `webrtc not supported`, `Busy Here`, `SIP/2.0 486 Busy Here`: a code, a
/// cause, a reason phrase or a status line.
pub fn query(text: &str, in_dialog: bool, jssip: bool) -> Result<Found, String> {
    let text = text.trim();
    let codes = Cause::STATUS_CODES;
    let range = format!("{}..={}", codes.start(), codes.end());
    if text.is_empty() {
        return Err(match in_dialog {
            true => "--in-dialog needs a status code, as in `sip-cause --in-dialog 481`".into(),
            false => format!("empty argument: {}", expected()),
        });
    }
    if looks_like_a_number(text) {
        return status_code(text)
            .map(|code| Found::Code(code, None))
            .map_err(|error| match other_tables(text, jssip) {
                Some(hint) => format!("{error}; {} {hint}", quoted(text)),
                None => error,
            });
    }
    if let Some(line) = trace::read(text) {
        return trace_line(text, line);
    }
    if in_dialog {
        let text = quoted(text);
        return Err(format!(
            "--in-dialog maps a status code, not `{text}`: give a code in {range}"
        ));
    }
    let found = match jssip {
        true => JsSipCause::find(text).map(Found::JsSip),
        false => Cause::find(text).map(Found::Cause),
    };
    if let Some(found) = found {
        return Ok(found);
    }
    if let Some((code, given)) = phrases::find(text) {
        return Ok(Found::Code(code, given));
    }
    if let Some(hint) = other_tables(text, jssip) {
        return Err(format!("`{}` {hint}", quoted(text)));
    }
    if let Some(command) = crate::args::suggested_command(text) {
        return Err(format!(
            "`{}` is no status code, cause or reason phrase: did you mean the command `sip-cause {command}`?",
            quoted(text)
        ));
    }
    let hint = match jssip {
        true => text.parse::<JsSipCause>().err().and_then(|error| {
            did_you_mean(error.suggestions(), |s| {
                JsSipCause::find(s).map(JsSipCause::name)
            })
        }),
        false => text.parse::<Cause>().err().and_then(|error| {
            did_you_mean(error.suggestions(), |s| Cause::find(s).map(Cause::name))
        }),
    };
    let text = quoted(text);
    Err(format!(
        "`{text}` is no status code, cause or reason phrase: {}",
        hint.unwrap_or_else(expected)
    ))
}

/// A status line's code, with its phrase where it is not the registry's; any other line says
/// what reads it. (Without `--jssip`, `--linphone` or `--in-dialog`, a `Reason` header or
/// request line never gets here: the command line reads it as what it is.)
fn trace_line(text: &str, line: Line<'_>) -> Result<Found, String> {
    match line {
        Line::Status { code, phrase } => {
            let code = status_code(code)?;
            Ok(Found::Code(code, Given::with_code(code, phrase)))
        }
        Line::Reason { .. } => Err(reason_hint(text)),
        Line::Request { .. } => Err(request_line_hint(text)),
    }
}

/// `... is a Reason header value: `sip-cause reason '...'``
pub fn reason_hint(text: &str) -> String {
    let text = text.trim();
    let what = match text
        .get(..6)
        .is_some_and(|n| n.eq_ignore_ascii_case("Reason"))
    {
        true => "header line",
        false => "header value",
    };
    let (text, word) = (quoted(text), shell_word(text));
    format!("`{text}` is a Reason {what}: `sip-cause reason {word}`")
}

/// A request line says no cause but for the request that ends a call.
pub fn request_line_hint(text: &str) -> String {
    format!(
        "`{}` is a request line: its final response's status line says how it ended \
         (`sip-cause 'SIP/2.0 486 Busy Here'`), and a CANCEL's or BYE's `Reason:` line why",
        quoted(text.trim())
    )
}

/// The cause a request that ends a call stands for, as the peer that receives it reports it:
/// a BYE ends an answered call (BYE), a CANCEL an unanswered one (CANCELED).
pub fn request_cause(method: &str) -> Option<Cause> {
    match method {
        "BYE" => Some(Cause::Bye),
        "CANCEL" => Some(Cause::Canceled),
        _ => None,
    }
}

/// The status code whose reason phrase `text` is in the IANA registry, in any ASCII case.
pub fn phrase_code(text: &str) -> Option<u16> {
    phrases::find(text).and_then(|(code, given)| given.is_none().then_some(code))
}

/// Where a query the main lookup missed belongs: `is a Q.850 cause: `sip-cause q850 17``.
/// The other client's table first, then Q.850, FreeSWITCH and Asterisk; each `find` reads a
/// code in digits too (`17` is Q.850's, `806` FreeSWITCH's).
fn other_tables(text: &str, jssip: bool) -> Option<String> {
    let command = |what: &str, command: &str| {
        format!("is {what}: `sip-cause {command} {}`", shell_word(text))
    };
    let hint = if jssip && Cause::find(text).is_some() {
        format!(
            "is a SIP.js cause that JsSIP 3.13.8 does not have: `sip-cause {}`",
            shell_word(text)
        )
    } else if !jssip && JsSipCause::find(text).is_some() {
        command("a JsSIP cause that SIP.js 0.6 does not have", "--jssip")
    } else if Q850::find(text).is_some() {
        command("a Q.850 cause", "q850")
    } else if FreeSwitchCause::find(text).is_some() {
        command("a FreeSWITCH hangup cause", "freeswitch")
    } else if AsteriskCause::find(text).is_some() {
        command("an Asterisk hangup cause", "asterisk")
    } else if LinphoneReason::find(text).is_some() {
        command("a reason of liblinphone 5.1.65's", "--linphone")
    } else {
        return None;
    };
    Some(hint)
}

/// `text` as a shell would take it back: quoted where it holds anything but letters, digits
/// and `_.-`, and cut like every argument a message repeats.
fn shell_word(text: &str) -> String {
    let text = quoted(text);
    let plain = |c: char| c.is_ascii_alphanumeric() || "_.-".contains(c);
    match text.chars().all(plain) {
        true => text,
        false => format!("'{}'", text.replace('\'', r"'\''")),
    }
}

/// What the tool takes, for an error that has nothing closer to offer.
fn expected() -> String {
    let codes = Cause::STATUS_CODES;
    format!(
        "expected a status code in {}..={} (486), a cause constant (BUSY) or value (\"Busy\"), a reason phrase (\"Busy Here\") or a status line (\"SIP/2.0 486 Busy Here\"); `sip-cause table` lists them all",
        codes.start(),
        codes.end()
    )
}

/// `486`, `-1`, `+7`: what a person means as a number, in range or not.
pub(crate) fn looks_like_a_number(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A status code in the table's range.
pub(crate) fn status_code(text: &str) -> Result<u16, String> {
    let codes = Cause::STATUS_CODES;
    let code = text.strip_prefix('+').unwrap_or(text).parse::<u16>().ok();
    code.filter(|code| codes.contains(code)).ok_or_else(|| {
        format!(
            "status code {} is out of range: expected {}..={}",
            quoted(text),
            codes.start(),
            codes.end()
        )
    })
}

/// `did you mean `CANCELED` ("Canceled")?` for the first suggestion, named by its constant.
pub(crate) fn did_you_mean<'a>(
    mut suggestions: impl Iterator<Item = &'a str>,
    constant: impl Fn(&str) -> Option<&'static str>,
) -> Option<String> {
    let value = suggestions.next()?;
    let constant = constant(value)?;
    Some(match constant == value {
        true => format!("did you mean `{constant}`?"),
        false => format!("did you mean `{constant}` ({value:?})?"),
    })
}

/// What `freeswitch` or `asterisk` names: one of the PBX's causes, or a response whose cause
/// it records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pbx<T> {
    Cause(T),
    /// A status code: `480`, `sip:487` (as FreeSWITCH logs a call's SIP code), a status line
    /// or a reason phrase, with the phrase given where it is not the registry's.
    Response(u16, Option<Given>),
}

/// A table whose causes have numbers, as a lookup sees it.
struct Numbered<T> {
    /// `Q.850 cause`, for messages.
    what: &'static str,
    /// The `sip-cause` command that lists them.
    listed_by: &'static str,
    /// What to type, for a message.
    examples: &'static str,
    from_code: fn(u16) -> Option<T>,
    find: fn(&str) -> Option<T>,
    /// `did you mean ...?` for a near miss, from the table's parse error.
    near: fn(&str) -> Option<String>,
}

impl<T> Numbered<T> {
    /// A cause by number or by name, value or alias, in any case.
    fn cause(&self, text: &str) -> Result<T, String> {
        let text = text.trim();
        if let Some(Line::Reason { .. }) = trace::read(text) {
            return Err(reason_hint(text));
        }
        if let Ok(code) = text.parse::<u16>() {
            return (self.from_code)(code).ok_or_else(|| {
                format!(
                    "{code} is no {} value: `{}` lists them",
                    self.what, self.listed_by
                )
            });
        }
        if let Some(found) = (self.find)(text) {
            return Ok(found);
        }
        let hint = (self.near)(text).unwrap_or_else(|| format!("give {}", self.examples));
        Err(format!("`{}` is no {}: {hint}", quoted(text), self.what))
    }

    /// A cause as [`cause`](Self::cause) reads it, or a response: `sip:487`, a status line,
    /// or a code or reason phrase that names no cause (a PBX's causes and SIP's codes share
    /// 487, which is the cause).
    fn cause_or_response(&self, text: &str) -> Result<Pbx<T>, String> {
        let text = text.trim();
        if let Some(prefix) = text.get(..4).filter(|p| p.eq_ignore_ascii_case("sip:")) {
            return status_code(&text[prefix.len()..]).map(|code| Pbx::Response(code, None));
        }
        if let Some(Line::Status { code, phrase }) = trace::read(text) {
            let code = status_code(code)?;
            return Ok(Pbx::Response(code, Given::with_code(code, phrase)));
        }
        let error = match self.cause(text) {
            Ok(cause) => return Ok(Pbx::Cause(cause)),
            Err(error) => error,
        };
        if let Ok(code) = text.parse::<u16>()
            && Cause::STATUS_CODES.contains(&code)
        {
            return Ok(Pbx::Response(code, None));
        }
        match phrases::find(text) {
            Some((code, given)) => Ok(Pbx::Response(code, given)),
            None => Err(error),
        }
    }
}

/// A Q.850 cause by value (17) or by name, value or alias, in any case.
pub fn q850(text: &str) -> Result<Q850, String> {
    let table = Numbered {
        what: "Q.850 cause",
        listed_by: "sip-cause table --q850",
        examples: "a cause value (17), a name (USER_BUSY) or an ITU name (\"User busy\")",
        from_code: Q850::from_code,
        // Asterisk's #define aliases (BUSY, CONGESTION) name Q.850 causes too, and so do the
        // C names of both PBXs (AST_CAUSE_BUSY, SWITCH_CAUSE_USER_BUSY).
        find: |text| {
            let asterisk = || AsteriskCause::find(text)?.q850();
            let freeswitch = || FreeSwitchCause::find(text)?.q850();
            Q850::find(text).or_else(asterisk).or_else(freeswitch)
        },
        near: |text| {
            let error = text.parse::<Q850>().err()?;
            did_you_mean(error.suggestions(), |s| Q850::find(s).map(Q850::name))
        },
    };
    table.cause(text)
}

/// A FreeSWITCH hangup cause by number (806) or name (USER_NOT_REGISTERED), in any case, or a
/// response (480, `sip:487`).
pub fn freeswitch(text: &str) -> Result<Pbx<FreeSwitchCause>, String> {
    Numbered {
        what: "FreeSWITCH cause",
        listed_by: "sip-cause table --freeswitch",
        examples: "a cause value (806), a name (USER_NOT_REGISTERED) or a response (480)",
        from_code: FreeSwitchCause::from_code,
        find: FreeSwitchCause::find,
        near: |text| {
            let error = text.parse::<FreeSwitchCause>().err()?;
            let name = |s: &str| FreeSwitchCause::find(s).map(FreeSwitchCause::name);
            did_you_mean(error.suggestions(), name)
        },
    }
    .cause_or_response(text)
}

/// An Asterisk hangup cause by number (8), name (PRE_EMPTED), alias (BUSY) or text, or a
/// response (480).
pub fn asterisk(text: &str) -> Result<Pbx<AsteriskCause>, String> {
    Numbered {
        what: "Asterisk cause",
        listed_by: "sip-cause table --asterisk",
        examples: "a cause value (17), a name (USER_BUSY), an alias (BUSY), its text (\"User busy\") or a response (480)",
        from_code: AsteriskCause::from_code,
        find: AsteriskCause::find,
        near: |text| {
            let error = text.parse::<AsteriskCause>().err()?;
            let name = |s: &str| AsteriskCause::find(s).map(AsteriskCause::name);
            did_you_mean(error.suggestions(), name)
        },
    }
    .cause_or_response(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_name_codes_causes_and_phrases() {
        assert_eq!(query(" 486", false, false), Ok(Found::Code(486, None)));
        assert_eq!(query("busy", false, false), Ok(Found::Cause(Cause::Busy)));
        assert_eq!(query("busy here", false, false), Ok(Found::Code(486, None)));
        assert_eq!(
            query("SIP/2.0 486 Busy Here", true, false),
            Ok(Found::Code(486, None))
        );
        assert_eq!(
            query("missing sdp", false, true),
            Ok(Found::JsSip(JsSipCause::MissingSdp))
        );
        assert!(query("missing sdp", false, false).is_err());
        assert_eq!(q850("unallocated"), Ok(Q850::UnallocatedNumber));
        assert_eq!(
            freeswitch("487"),
            Ok(Pbx::Cause(FreeSwitchCause::OriginatorCancel))
        );
        assert_eq!(freeswitch("sip:487"), Ok(Pbx::Response(487, None)));
        assert_eq!(asterisk(" 480"), Ok(Pbx::Response(480, None)));
    }
}

//! What a query names, as cause-core answers it: a status code (or the reason phrase of one),
//! a cause, a Q.850 cause; and for a miss, the closest names cause-core suggests.

use cause_core::{
    AsteriskCause, Cause, FreeSwitchCause, JsSipCause, LinphoneReason, Q850, reason_phrase,
};

use crate::text::quoted;

/// What a query to `sip-cause` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// A status code, given as a number or as its reason phrase.
    Code(u16),
    Cause(Cause),
    /// A cause of JsSIP's table (with `--jssip`).
    JsSip(JsSipCause),
}

/// `486`, ` BUSY`, `webrtc not supported`, `Busy Here`: a code, a cause or a reason phrase.
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
        return status_code(text).map(Found::Code).map_err(|error| {
            match other_tables(text, jssip) {
                Some(hint) => format!("{error}; {} {hint}", quoted(text)),
                None => error,
            }
        });
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
    if let Some(code) = phrase_code(text) {
        return Ok(Found::Code(code));
    }
    if let Some(hint) = other_tables(text, jssip) {
        return Err(format!("`{}` {hint}", quoted(text)));
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

/// The status code whose reason phrase `text` is, in any ASCII case.
pub fn phrase_code(text: &str) -> Option<u16> {
    let text = text.trim();
    let mut codes = Cause::STATUS_CODES;
    codes.find(|&c| reason_phrase(c).is_some_and(|p| p.eq_ignore_ascii_case(text)))
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
        "expected a status code in {}..={} (486), a cause constant (BUSY) or value (\"Busy\"), or a reason phrase (\"Busy Here\"); `sip-cause table` lists them all",
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
    fn lookup(&self, text: &str) -> Result<T, String> {
        let text = text.trim();
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
}

/// A Q.850 cause by value (17) or by name, value or alias, in any case.
pub fn q850(text: &str) -> Result<Q850, String> {
    Numbered {
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
    }
    .lookup(text)
}

/// A FreeSWITCH hangup cause by number (806) or name (USER_NOT_REGISTERED), in any case.
pub fn freeswitch(text: &str) -> Result<FreeSwitchCause, String> {
    Numbered {
        what: "FreeSWITCH cause",
        listed_by: "sip-cause table --freeswitch",
        examples: "a cause value (806) or a name (USER_NOT_REGISTERED)",
        from_code: FreeSwitchCause::from_code,
        find: FreeSwitchCause::find,
        near: |text| {
            let error = text.parse::<FreeSwitchCause>().err()?;
            let name = |s: &str| FreeSwitchCause::find(s).map(FreeSwitchCause::name);
            did_you_mean(error.suggestions(), name)
        },
    }
    .lookup(text)
}

/// An Asterisk hangup cause by number (8), name (PRE_EMPTED), alias (BUSY) or text.
pub fn asterisk(text: &str) -> Result<AsteriskCause, String> {
    Numbered {
        what: "Asterisk cause",
        listed_by: "sip-cause table --asterisk",
        examples: "a cause value (17), a name (USER_BUSY), an alias (BUSY) or its text (\"User busy\")",
        from_code: AsteriskCause::from_code,
        find: AsteriskCause::find,
        near: |text| {
            let error = text.parse::<AsteriskCause>().err()?;
            let name = |s: &str| AsteriskCause::find(s).map(AsteriskCause::name);
            did_you_mean(error.suggestions(), name)
        },
    }
    .lookup(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_name_codes_causes_and_phrases() {
        assert_eq!(query(" 486", false, false), Ok(Found::Code(486)));
        assert_eq!(query("busy", false, false), Ok(Found::Cause(Cause::Busy)));
        assert_eq!(query("busy here", false, false), Ok(Found::Code(486)));
        assert_eq!(
            query("missing sdp", false, true),
            Ok(Found::JsSip(JsSipCause::MissingSdp))
        );
        assert!(query("missing sdp", false, false).is_err());
        assert_eq!(q850("unallocated"), Ok(Q850::UnallocatedNumber));
    }
}

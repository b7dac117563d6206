//! A line pasted from a SIP trace, read for what it is (RFC 3261 §7.1, §7.2, §7.3; RFC 3326):
//!
//! ```text
//! Status-Line  = SIP-Version SP Status-Code SP Reason-Phrase     SIP/2.0 486 Busy Here
//! Request-Line = Method SP Request-URI SP SIP-Version            BYE sip:bob@192.0.2.4 SIP/2.0
//! Reason       = "Reason" HCOLON reason-value *(COMMA reason-value)
//!                                                                Reason: Q.850;cause=34
//! ```
//!
//! and a `Reason` value on its own (`Q.850;cause=17`), which holds a `cause`. Anything else
//! is no trace line: a code, a cause or a phrase, for the lookups. White space around a line is
//! dropped, and a status line's `SIP/2.0` is read in any case, as people retype it.

use cause_core::Reason;

/// What a pasted line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line<'a> {
    /// A status line: its code, as written (three digits), and its reason phrase (empty where
    /// the line has none).
    Status { code: &'a str, phrase: &'a str },
    /// A request line: its method.
    Request { method: &'a str },
    /// A `Reason` header line, or a `Reason` value with a `cause`: the value, and where it
    /// starts in the line (after `Reason:`), for an error to count bytes from.
    Reason { value: &'a str, at: usize },
}

/// The line `text` is, if it is one.
pub fn read(text: &str) -> Option<Line<'_>> {
    status(text)
        .or_else(|| request(text))
        .or_else(|| reason_header(text))
        .or_else(|| reason_value(text))
}

/// `SIP/2.0 486 Busy Here`, `SIP/2.0 486`.
fn status(text: &str) -> Option<Line<'_>> {
    let rest = strip_version(text.trim())?.strip_prefix(' ')?;
    let (code, phrase) = rest.split_once(' ').unwrap_or((rest, ""));
    let digits = code.len() == 3 && code.bytes().all(|b| b.is_ascii_digit());
    digits.then_some(Line::Status {
        code,
        phrase: phrase.trim(),
    })
}

/// `BYE sip:bob@192.0.2.4 SIP/2.0`: a method (a token of letters), a URI and the version.
fn request(text: &str) -> Option<Line<'_>> {
    let mut words = text.split_whitespace();
    let (method, _uri, version) = (words.next()?, words.next()?, words.next()?);
    let method_like = method.bytes().all(|b| b.is_ascii_alphabetic());
    let request = words.next().is_none() && method_like && strip_version(version) == Some("");
    request.then_some(Line::Request { method })
}

/// `Reason: SIP;cause=486`, the header name in any case, white space before the colon.
fn reason_header(text: &str) -> Option<Line<'_>> {
    let line = text.trim_start();
    let name = line.get(..6).filter(|n| n.eq_ignore_ascii_case("Reason"))?;
    let value = line[name.len()..]
        .trim_start_matches([' ', '\t'])
        .strip_prefix(':')?;
    let at = text.len() - value.len();
    Some(Line::Reason { value, at })
}

/// `Q.850;cause=17`: a whole `Reason` value whose every element parses and one has a cause (a
/// bare word such as `Busy` parses too, as a protocol alone, so that is no trace line).
fn reason_value(text: &str) -> Option<Line<'_>> {
    let value = text.trim_start();
    let mut values = Reason::parse_list(value).peekable();
    values.peek()?;
    let mut with_cause = false;
    for reason in values {
        with_cause |= reason.ok()?.code().is_some();
    }
    let at = text.len() - value.len();
    with_cause.then_some(Line::Reason { value, at })
}

/// The rest of `text` after `SIP/2.0`, in any case.
fn strip_version(text: &str) -> Option<&str> {
    let version = text
        .get(..7)
        .filter(|v| v.eq_ignore_ascii_case("SIP/2.0"))?;
    Some(&text[version.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_line_is_read() {
        let status = |code, phrase| Some(Line::Status { code, phrase });
        assert_eq!(read("SIP/2.0 486 Busy Here"), status("486", "Busy Here"));
        assert_eq!(
            read(" sip/2.0 500 Internal Server Error\r\n"),
            status("500", "Internal Server Error")
        );
        assert_eq!(read("SIP/2.0 608"), status("608", ""));
        assert_eq!(read("SIP/2.0 4861 Busy"), None);
        let request = |method| Some(Line::Request { method });
        assert_eq!(read("BYE sip:bob@192.0.2.4 SIP/2.0"), request("BYE"));
        assert_eq!(
            read("INVITE sip:486@127.0.0.1:5070;transport=udp SIP/2.0\r\n"),
            request("INVITE")
        );
        assert_eq!(read("BYE sip:bob@192.0.2.4"), None);
        assert_eq!(
            read("Reason: Q.850;cause=34"),
            Some(Line::Reason {
                value: " Q.850;cause=34",
                at: 7
            })
        );
        assert_eq!(
            read("Q.850;cause=17"),
            Some(Line::Reason {
                value: "Q.850;cause=17",
                at: 0
            })
        );
        // A word, a phrase, a code: for the lookups.
        for text in [
            "Busy",
            "Busy Here",
            "486",
            "USER_BUSY",
            "SIP",
            "Q.850;cause=",
            "",
        ] {
            assert_eq!(read(text), None, "{text:?}");
        }
    }
}

//! A cause on the wire: the `Reason` header value that says it, and the cause a received
//! `Reason` says.

use crate::reason::Reason;
use crate::{Cause, Q850, reason_phrase};

impl Cause {
    /// The `Reason` header value that says this cause, `SIP;cause=<response>;text="<reason
    /// phrase>"`, to put on a `BYE` or `CANCEL` (RFC 3326); `None` for a cause without a
    /// [`response`](Self::response).
    ///
    /// ```
    /// use cause_core::Cause;
    ///
    /// let reason = Cause::Busy.reason().unwrap();
    /// assert_eq!(reason.to_string(), r#"SIP;cause=486;text="Busy Here""#);
    /// assert_eq!(Cause::from_reason(&reason), Some(Cause::Busy));
    /// assert_eq!(Cause::Bye.reason(), None);
    /// ```
    #[must_use]
    pub fn reason(self) -> Option<Reason<'static>> {
        let (start, end) = REASONS.spans[self as usize];
        if start == end {
            return None;
        }
        // Every span was written by `write_reasons` and is parsed in a test for every cause.
        Reason::parse(&REASON_TEXT[start..end]).ok()
    }

    /// The cause a received `Reason` value says: for protocol `SIP` (in any case), the cause
    /// of its `cause` code as [`for_failure_response`](Self::for_failure_response) maps it; for
    /// `Q.850`, the cause of that Q.850 cause value ([`Q850::cause`](crate::Q850::cause)); `None`
    /// for any other protocol, a value without a cause, or a code that maps to none.
    ///
    /// A call answered elsewhere ([`Reason::is_answered_elsewhere`]: `SIP;cause=200`, RFC
    /// 3326, or `Q.850;cause=26`) gives `None`: nothing failed, another device took the call.
    /// (RFC 3398 would read Q.850 26 through its 404 as [`NotFound`](Cause::NotFound), which
    /// would tell the user the callee does not exist.) A SIP.js 0.6 callee reports every
    /// received `CANCEL` as [`Canceled`](Cause::Canceled) whatever its `Reason`
    /// (`Session.js`:1442).
    ///
    /// ```
    /// use cause_core::{Cause, Reason};
    ///
    /// let reason = Reason::parse(r#"SIP ;cause=486 ;text="Busy Here""#)?;
    /// assert_eq!(Cause::from_reason(&reason), Some(Cause::Busy));
    /// let elsewhere = Reason::parse(r#"SIP;cause=200;text="Call completed elsewhere""#)?;
    /// assert_eq!(Cause::from_reason(&elsewhere), None);
    /// let non_selected = Reason::parse("Q.850;cause=26")?;
    /// assert_eq!(Cause::from_reason(&non_selected), None);
    /// // FreeSWITCH and Asterisk.
    /// let pstn = Reason::parse(r#"Q.850;cause=17;text="USER_BUSY""#)?;
    /// assert_eq!(Cause::from_reason(&pstn), Some(Cause::Busy));
    /// # Ok::<(), cause_core::ParseReasonError>(())
    /// ```
    #[must_use]
    pub fn from_reason(reason: &Reason<'_>) -> Option<Cause> {
        if reason.is_answered_elsewhere() {
            return None;
        }
        let protocol = reason.protocol();
        if protocol.eq_ignore_ascii_case("SIP") {
            Cause::for_failure_response(reason.cause()?)
        } else if protocol.eq_ignore_ascii_case("Q.850") {
            Q850::from_code(reason.cause()?)?.cause()
        } else {
            None
        }
    }
}

/// Every cause's `Reason` value, one after the other in one string, and where each is.
struct Reasons<const N: usize> {
    bytes: [u8; N],
    /// `(start, end)` of each cause's value in `bytes`, by discriminant; empty for none.
    spans: [(usize, usize); Cause::ALL.len()],
}

const REASONS_LEN: usize = write_reasons(&mut []).0;
const REASONS: Reasons<REASONS_LEN> = {
    let mut bytes = [0; REASONS_LEN];
    let spans = write_reasons(&mut bytes).1;
    Reasons { bytes, spans }
};
const REASON_TEXT: &str = match core::str::from_utf8(&REASONS.bytes) {
    Ok(text) => text,
    Err(_) => panic!("reason phrases are UTF-8"),
};

/// Writes `SIP;cause=486;text="Busy Here"` for every cause with a response into `out` (as
/// much as fits: an empty `out` only measures), escaping `"` and `\` in the phrase; returns
/// the length needed and the spans.
const fn write_reasons(out: &mut [u8]) -> (usize, [(usize, usize); Cause::ALL.len()]) {
    let mut spans = [(0, 0); Cause::ALL.len()];
    let mut at = 0;
    let mut i = 0;
    while i < Cause::ALL.len() {
        let cause = Cause::ALL[i];
        if let Some(code) = cause.response() {
            let start = at;
            at = put(out, at, b"SIP;cause=");
            at = put_number(out, at, code);
            at = put(out, at, b";text=\"");
            if let Some(phrase) = reason_phrase(code) {
                at = put_escaped(out, at, phrase.as_bytes());
            }
            at = put(out, at, b"\"");
            spans[cause as usize] = (start, at);
        }
        i += 1;
    }
    (at, spans)
}

const fn put(out: &mut [u8], at: usize, bytes: &[u8]) -> usize {
    let mut i = 0;
    while i < bytes.len() {
        if at + i < out.len() {
            out[at + i] = bytes[i];
        }
        i += 1;
    }
    at + bytes.len()
}

const fn put_escaped(out: &mut [u8], mut at: usize, bytes: &[u8]) -> usize {
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'"' || bytes[i] == b'\\' {
            at = put(out, at, b"\\");
        }
        at = put(out, at, &[bytes[i]]);
        i += 1;
    }
    at
}

const fn put_number(out: &mut [u8], at: usize, number: u16) -> usize {
    let mut digits = [0u8; 5];
    let mut len = 0;
    let mut n = number;
    loop {
        digits[4 - len] = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut i = 0;
    let mut at = at;
    while i < len {
        at = put(out, at, &[digits[5 - len + i]]);
        i += 1;
    }
    at
}

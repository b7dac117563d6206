//! A cause on the wire: the `Reason` header value that says it, and the cause a received
//! `Reason` says.

use crate::Reason;
use crate::{Cause, Q850, reason_phrase};
use cause_reason::ParseReasonError;

impl Cause {
    /// The `Reason` header value that says this cause, `SIP;cause=<response>;text="<reason
    /// phrase>"`, to put on a `BYE` or `CANCEL` (RFC 3326); `None` for a cause without a
    /// [`response`](Self::response). Like [`Reason::new`]'s, the value has a cause and a text
    /// but lists no [`params`](Reason::params).
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
    pub const fn reason(self) -> Option<Reason<'static>> {
        // Every response has a reason phrase, none with a control character: a test checks
        // both for every cause. Like any value made rather than parsed, it lists no `params`.
        match self.response() {
            Some(code) => Some(expect_valid(Reason::new("SIP", code, reason_phrase(code)))),
            None => None,
        }
    }

    /// The cause a received `Reason` value says: for protocol `SIP` (in any case), the cause
    /// of its `cause` code as [`for_failure_response`](Self::for_failure_response) maps it; for
    /// `Q.850`, the SIP.js cause of that Q.850 cause value ([`Q850::sipjs`](crate::Q850::sipjs)); `None`
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
            Cause::for_failure_response(reason.code()?)
        } else if protocol.eq_ignore_ascii_case("Q.850") {
            Q850::from_code(reason.code()?)?.sipjs()
        } else {
            None
        }
    }
}

/// The `Reason` of a table's own names, which are valid by construction: a protocol that is a
/// token (`SIP`, `Q.850`) and a text without control characters (a constant, checked
/// SCREAMING_SNAKE_CASE by the generator, or a reason phrase, checked by a test for every
/// cause). Tests build every table's values, so the panic is unreachable.
pub(crate) const fn expect_valid(
    reason: Result<Reason<'static>, ParseReasonError>,
) -> Reason<'static> {
    match reason {
        Ok(reason) => reason,
        Err(_) => panic!("a table's Reason is valid"),
    }
}

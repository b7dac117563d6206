//! What a gateway sends on one leg when the other ends: the types of [`Gateway::relay_failure`],
//! [`Gateway::relay_cancel`] and [`Gateway::relay_bye`], and the helpers the systems' rules
//! share.
//!
//! [`Gateway::relay_failure`]: super::Gateway::relay_failure
//! [`Gateway::relay_cancel`]: super::Gateway::relay_cancel
//! [`Gateway::relay_bye`]: super::Gateway::relay_bye

use crate::Reason;
use crate::response::expect_valid;

/// What a gateway does on the caller's leg (leg A) when the INVITE it sent on (leg B) ends with
/// a final response from 300 to 699: [`Gateway::relay_failure`](super::Gateway::relay_failure).
///
/// Every relay ends leg A with a response when nothing else happens ([`Relay::response`]):
/// for a redirect the system follows, the one it sends when the 3xx has no `Contact` it can
/// follow (as the real systems were recorded doing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Relay<'a> {
    /// It ends leg A with this final response.
    Respond(FailureResponse<'a>),
    /// It tries the redirect's `Contact` itself, as a new call on leg B, instead of passing the
    /// 3xx on: what leg A gets is what that new attempt ends with. A 3xx without a `Contact` is
    /// not followed: leg A then gets `otherwise`.
    FollowRedirect {
        /// The response for a 3xx that carries no usable `Contact`.
        otherwise: FailureResponse<'a>,
    },
}

impl<'a> Relay<'a> {
    /// The response that ends leg A: the one of [`Relay::Respond`], or for a redirect the
    /// system follows, the one it sends when the 3xx has no `Contact` ([`Relay::FollowRedirect`]'s
    /// `otherwise`).
    #[must_use]
    pub const fn response(self) -> FailureResponse<'a> {
        match self {
            Relay::Respond(response)
            | Relay::FollowRedirect {
                otherwise: response,
            } => response,
        }
    }

    /// Whether the system follows the redirect (when the 3xx has a `Contact`).
    #[must_use]
    pub const fn follows_redirect(self) -> bool {
        matches!(self, Relay::FollowRedirect { .. })
    }
}

/// The final response a gateway sends on leg A for a failure on leg B, with the `Reason` values
/// it adds and the causes it records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FailureResponse<'a> {
    pub(super) status: u16,
    pub(super) phrase: Phrase,
    /// For [`Phrase::Standard`]: the phrase the system's stack writes for `status`, or `None`
    /// where the system passes the received one on for a code its stack does not name.
    pub(super) own_phrase: Option<&'static str>,
    pub(super) reasons: Values<'a>,
    pub(super) cause: u16,
    pub(super) far_cause: u16,
}

impl<'a> FailureResponse<'a> {
    /// The status code of the response on leg A.
    #[must_use]
    pub const fn status(&self) -> u16 {
        self.status
    }

    /// Which reason phrase goes with [`status`](Self::status).
    #[must_use]
    pub const fn phrase(&self) -> Phrase {
        self.phrase
    }

    /// The reason phrase to write, byte for byte, given the one leg B's response came with:
    /// that one for [`Phrase::Received`]; for [`Phrase::Standard`], the system's own
    /// ([`Gateway::reason_phrase`](super::Gateway::reason_phrase)), and for a code its stack does
    /// not name, what the system writes then: FreeSWITCH an empty phrase, Asterisk pjsip's
    /// `Default status message`, RFC 3398 the received one.
    #[must_use]
    pub const fn reason_phrase<'p>(&self, received: &'p str) -> &'p str {
        match (self.phrase, self.own_phrase) {
            (Phrase::Standard, Some(own)) => own,
            _ => received,
        }
    }

    /// The `Reason` header values to add to the response, in order (none, one, or a `SIP` and a
    /// `Q.850` one). A value leg B sent is passed on as it came, borrowed from it.
    #[must_use]
    pub const fn reasons(&self) -> &[Reason<'a>] {
        self.reasons.as_slice()
    }

    /// The cause value the system records for leg A, the call this response ends, in the
    /// system's numbering (Q.850's for RFC 3398, `AST_CAUSE_*` for Asterisk,
    /// `switch_call_cause_t` for FreeSWITCH).
    #[must_use]
    pub const fn cause(&self) -> u16 {
        self.cause
    }

    /// The cause value the system records for leg B, the call that failed.
    #[must_use]
    pub const fn far_cause(&self) -> u16 {
        self.far_cause
    }
}

/// Which reason phrase a gateway writes on a response it relays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Phrase {
    /// Its SIP stack's own phrase for the status code
    /// ([`Gateway::reason_phrase`](super::Gateway::reason_phrase): sofia-sip's for FreeSWITCH,
    /// pjsip's for Asterisk, the registry's for RFC 3398).
    Standard,
    /// The phrase leg B's response came with, passed on.
    Received,
}

/// What a gateway sends on the other leg when one leg ends with a `CANCEL` (before answer) or a
/// `BYE` (after): [`Gateway::relay_cancel`](super::Gateway::relay_cancel) and
/// [`Gateway::relay_bye`](super::Gateway::relay_bye).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Teardown<'a> {
    pub(super) reasons: Values<'a>,
    pub(super) cause: u16,
    pub(super) origin_cause: u16,
}

impl<'a> Teardown<'a> {
    /// The `Reason` header values to put on the `CANCEL` or `BYE` the gateway sends, in order.
    /// A value the ending leg sent is passed on as it came, borrowed from it.
    #[must_use]
    pub const fn reasons(&self) -> &[Reason<'a>] {
        self.reasons.as_slice()
    }

    /// The cause value the system records for the leg it ends with that request.
    #[must_use]
    pub const fn cause(&self) -> u16 {
        self.cause
    }

    /// The cause value the system records for the leg the `CANCEL` or `BYE` came from.
    #[must_use]
    pub const fn origin_cause(&self) -> u16 {
        self.origin_cause
    }
}

/// At most two `Reason` values: RFC 3326 allows one per protocol, and the systems here write a
/// `SIP` one, a `Q.850` one, or both.
#[derive(Debug, Clone, Copy)]
pub(super) struct Values<'a> {
    values: [Reason<'a>; 2],
    len: usize,
}

/// What fills the slots a [`Values`] does not use; never shown.
const UNUSED: Reason<'static> = expect_valid(Reason::new("SIP", 0, None));

impl<'a> Values<'a> {
    pub(super) const fn none() -> Self {
        Values {
            values: [UNUSED, UNUSED],
            len: 0,
        }
    }

    pub(super) const fn one(reason: Reason<'a>) -> Self {
        Values {
            values: [reason, UNUSED],
            len: 1,
        }
    }

    pub(super) const fn two(first: Reason<'a>, second: Reason<'a>) -> Self {
        Values {
            values: [first, second],
            len: 2,
        }
    }

    const fn as_slice(&self) -> &[Reason<'a>] {
        self.values.split_at(self.len).0
    }
}

impl PartialEq for Values<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for Values<'_> {}

/// The value RFC 3326 shows for a call answered elsewhere, as FreeSWITCH and Asterisk write it.
pub(super) const ANSWERED_ELSEWHERE: Reason<'static> =
    expect_valid(Reason::new("SIP", 200, Some("Call completed elsewhere")));

/// Whether a value's protocol is `name` in any ASCII case (RFC 3326's protocol is a token, and
/// the systems compare it with `strcasecmp`). A loop, not `str::eq_ignore_ascii_case`: `const`.
pub(super) const fn protocol_is(reason: &Reason<'_>, name: &str) -> bool {
    protocol_starts_with(reason, name) && reason.protocol().len() == name.len()
}

/// Whether a value's protocol starts with `prefix` in any ASCII case, as Asterisk's
/// `strncasecmp` reads it.
pub(super) const fn protocol_starts_with(reason: &Reason<'_>, prefix: &str) -> bool {
    let (protocol, prefix) = (reason.protocol().as_bytes(), prefix.as_bytes());
    if protocol.len() < prefix.len() {
        return false;
    }
    let mut at = 0;
    while at < prefix.len() {
        if !protocol[at].eq_ignore_ascii_case(&prefix[at]) {
            return false;
        }
        at += 1;
    }
    true
}

/// The cause of the first `Q.850` value that has one in Q.850's range, 1 to 127.
pub(super) const fn first_q850_cause(reasons: &[Reason<'_>]) -> Option<u16> {
    let mut at = 0;
    while at < reasons.len() {
        if protocol_is(&reasons[at], "Q.850")
            && let Some(cause @ 1..=127) = reasons[at].cause()
        {
            return Some(cause);
        }
        at += 1;
    }
    None
}

/// Whether some value says the call was answered elsewhere, `SIP;cause=200` (RFC 3326 §3.1).
pub(super) const fn says_answered_elsewhere(reasons: &[Reason<'_>]) -> bool {
    let mut at = 0;
    while at < reasons.len() {
        if protocol_is(&reasons[at], "SIP") && matches!(reasons[at].cause(), Some(200)) {
            return true;
        }
        at += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protocols_compare_in_any_case() {
        let reason = Reason::parse("q.850;cause=17").unwrap();
        assert!(protocol_is(&reason, "Q.850"));
        assert!(!protocol_is(&reason, "Q.85"));
        assert!(protocol_starts_with(&reason, "Q.85"));
        assert!(!protocol_starts_with(&reason, "Q.8500"));
    }

    #[test]
    fn values_compare_what_they_hold() {
        let busy = Reason::parse("SIP;cause=486").unwrap();
        assert_eq!(Values::one(busy).as_slice(), [busy]);
        assert_eq!(Values::one(busy), Values::one(busy));
        assert_ne!(Values::one(busy), Values::two(busy, busy));
    }

    #[test]
    fn the_first_q850_cause_in_range_counts() {
        let list = [
            Reason::parse("SIP;cause=486").unwrap(),
            Reason::parse("Q.850;cause=0").unwrap(),
            Reason::parse("Q.850;cause=34").unwrap(),
            Reason::parse("Q.850;cause=17").unwrap(),
        ];
        assert_eq!(first_q850_cause(&list), Some(34));
        assert_eq!(first_q850_cause(&list[..2]), None);
        assert!(!says_answered_elsewhere(&list));
        let elsewhere = [Reason::parse("sip;cause=200").unwrap()];
        assert!(says_answered_elsewhere(&elsewhere));
    }
}

//! A hangup cause as a system records it: a number, and the system whose table it is in.

#[cfg(feature = "asterisk")]
use crate::AsteriskCause;
#[cfg(feature = "freeswitch")]
use crate::FreeSwitchCause;
use crate::Q850;

use super::{FailureResponse, Gateway, rfc3398};

/// A hangup cause in a system's own numbering: Q.850's cause values for
/// [`Gateway::Rfc3398`], `AST_CAUSE_*` for [`Gateway::Asterisk`], `switch_call_cause_t` for
/// [`Gateway::FreeSwitch`]. The number alone would not say which table it is in (FreeSWITCH's
/// run past Q.850's 127, and a 45 is Asterisk's preemption but FreeSWITCH's own PRE_EMPTED),
/// and a `u16` passed where a status code was meant would compile: so the gateway's lookups take
/// and return this type, made by [`Gateway::hangup_cause`].
///
/// A hangup cause the system received in a `Reason` may be a number its table lacks (a Q.850
/// value left unassigned); it is kept as it came.
///
/// ```
/// use cause_core::{Gateway, Q850};
///
/// let busy = Gateway::Rfc3398.hangup_cause(17);
/// assert_eq!((busy.code(), busy.q850(), busy.name()), (17, Some(Q850::UserBusy), Some("USER_BUSY")));
/// assert_eq!(busy.response(), Some(486));                       // what the system sends
/// assert_eq!(Gateway::Rfc3398.for_failure_response(487), Some(Gateway::Rfc3398.hangup_cause(31)));
/// # #[cfg(feature = "freeswitch")] {
/// let cancel = Gateway::FreeSwitch.hangup_cause(487);
/// assert_eq!((cancel.name(), cancel.q850()), (Some("ORIGINATOR_CANCEL"), None));
/// # }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HangupCause {
    system: Gateway,
    code: u16,
}

impl Gateway {
    /// The hangup cause `code` in this system's numbering: the only way a number becomes one,
    /// so that a status code cannot be passed for it unawares.
    #[must_use]
    pub const fn hangup_cause(self, code: u16) -> HangupCause {
        HangupCause { system: self, code }
    }
}

impl HangupCause {
    /// The system whose table the number is in.
    #[must_use]
    pub const fn gateway(self) -> Gateway {
        self.system
    }

    /// The number, as the system writes it (in its logs, CDRs and `Reason` values).
    #[must_use]
    pub const fn code(self) -> u16 {
        self.code
    }

    /// The Q.850 cause the number means: for RFC 3398 and Asterisk, whose numbers are Q.850's,
    /// the cause of that value; for FreeSWITCH, [`FreeSwitchCause::q850`] (none for its own
    /// causes, such as 487 ORIGINATOR_CANCEL, or for its 45, PRE_EMPTED). `None` for a value
    /// Q.850 leaves unassigned.
    #[must_use]
    pub const fn q850(self) -> Option<Q850> {
        match self.system {
            #[cfg(feature = "freeswitch")]
            Gateway::FreeSwitch | Gateway::FreeSwitchRelease => {
                match FreeSwitchCause::from_code(self.code) {
                    Some(cause) => cause.q850(),
                    None => Q850::from_code(self.code),
                }
            }
            _ => Q850::from_code(self.code),
        }
    }

    /// The Asterisk cause, for a hangup cause of [`Gateway::Asterisk`] its table has.
    #[cfg(feature = "asterisk")]
    #[must_use]
    pub const fn asterisk(self) -> Option<AsteriskCause> {
        match self.system {
            Gateway::Asterisk => AsteriskCause::from_code(self.code),
            _ => None,
        }
    }

    /// The FreeSWITCH cause, for a hangup cause of [`Gateway::FreeSwitch`] its table has.
    #[cfg(feature = "freeswitch")]
    #[must_use]
    pub const fn freeswitch(self) -> Option<FreeSwitchCause> {
        match self.system {
            Gateway::FreeSwitch | Gateway::FreeSwitchRelease => {
                FreeSwitchCause::from_code(self.code)
            }
            _ => None,
        }
    }

    /// The system's name for the number (`USER_BUSY`; Q.850's as FreeSWITCH spells it for RFC
    /// 3398), where its table has the number.
    #[must_use]
    pub const fn name(self) -> Option<&'static str> {
        match self.system {
            Gateway::Rfc3398 => match Q850::from_code(self.code) {
                Some(cause) => Some(cause.name()),
                None => None,
            },
            #[cfg(feature = "asterisk")]
            Gateway::Asterisk => match AsteriskCause::from_code(self.code) {
                Some(cause) => Some(cause.name()),
                None => None,
            },
            #[cfg(feature = "freeswitch")]
            Gateway::FreeSwitch | Gateway::FreeSwitchRelease => {
                match FreeSwitchCause::from_code(self.code) {
                    Some(cause) => Some(cause.name()),
                    None => None,
                }
            }
        }
    }

    /// The final response the system sends when a call fails with this cause, its defaults
    /// included: Asterisk 603 and FreeSWITCH 480 for a cause they do not list. `None` only
    /// where the system sends nothing it documents: RFC 3398 for a cause it does not list (such
    /// as 16, normal clearing, which ends an answered call with a `BYE`).
    ///
    /// ```
    /// use cause_core::Gateway;
    ///
    /// // A call fails with cause 16 (normal clearing) before it is answered.
    /// assert_eq!(Gateway::Rfc3398.hangup_cause(16).response(), None);
    /// # #[cfg(all(feature = "asterisk", feature = "freeswitch"))] {
    /// assert_eq!(Gateway::Asterisk.hangup_cause(16).response(), Some(603));
    /// assert_eq!(Gateway::FreeSwitch.hangup_cause(16).response(), Some(480));
    /// # }
    /// ```
    #[must_use]
    pub const fn response(self) -> Option<u16> {
        match self.system {
            Gateway::Rfc3398 => Q850::response_for_code(self.code),
            #[cfg(feature = "asterisk")]
            Gateway::Asterisk => AsteriskCause::response_for_code(self.code),
            #[cfg(feature = "freeswitch")]
            Gateway::FreeSwitch | Gateway::FreeSwitchRelease => {
                FreeSwitchCause::response_for_code(self.code)
            }
        }
    }

    /// What the system sends the caller when it ends an unanswered call with this cause itself,
    /// as a dial plan's `Hangup(17)` (Asterisk) or `hangup USER_BUSY` (FreeSWITCH) does: the
    /// response ([`response`](Self::response)), its phrase, its `Reason` values and the cause
    /// recorded (this one, on both legs). `None` only where the system sends no response for
    /// the cause (RFC 3398 and 16, normal clearing).
    ///
    /// ```
    /// use cause_core::Gateway;
    ///
    /// let busy = Gateway::Rfc3398.hangup_cause(17).hangup().unwrap();
    /// assert_eq!((busy.status(), busy.reasons()[0].to_string().as_str()), (486, r#"Q.850;cause=17;text="USER_BUSY""#));
    /// # #[cfg(all(feature = "asterisk", feature = "freeswitch"))] {
    /// let busy = Gateway::Asterisk.hangup_cause(17).hangup().unwrap();
    /// assert_eq!((busy.status(), busy.reason_phrase(""), busy.reasons()[0].to_string().as_str()), (486, "Busy Here", "Q.850;cause=17"));
    /// // FreeSWITCH's own causes go out as `SIP` values.
    /// let unwanted = Gateway::FreeSwitch.hangup_cause(819).hangup().unwrap();
    /// assert_eq!((unwanted.status(), unwanted.reasons()[0].to_string().as_str()), (607, r#"SIP;cause=819;text="UNWANTED""#));
    /// # }
    /// ```
    ///
    /// Asterisk: chan_pjsip.c `hangup_cause2sip` (603 for a cause it does not list, as
    /// res_pjsip_session.c `ast_sip_session_terminate` sends for 0), and
    /// res_pjsip_rfc3326.c `rfc3326_add_reason_header`'s `Q.850;cause=N` (to seven bits),
    /// after `SIP;cause=200;text="Call completed elsewhere"` for 26. FreeSWITCH: mod_sofia.c
    /// `hangup_cause_to_sip` (480 where it lists none) and `sofia_on_hangup`'s own value, the
    /// cause's name as text (`Q.850` for 1 to 127, `SIP` for its own causes and 0). RFC 3398:
    /// §7.2.4.1's response and [`Q850::reason`] (RFC 6432).
    #[must_use]
    pub const fn hangup(self) -> Option<FailureResponse<'static>> {
        match self.system {
            Gateway::Rfc3398 => rfc3398::ended(self.code),
            #[cfg(feature = "asterisk")]
            Gateway::Asterisk => Some(super::asterisk::ended(self.code)),
            #[cfg(feature = "freeswitch")]
            Gateway::FreeSwitch | Gateway::FreeSwitchRelease => {
                Some(super::freeswitch::own_failure(self.system, self.code))
            }
        }
    }
}

//! What a system sends of its own: the response, phrase and `Reason` of a call it ends itself
//! ([`Gateway::end_with_cause`]), and its stack's reason phrases ([`Gateway::reason_phrase`]).

#[cfg(feature = "asterisk")]
use super::asterisk;
#[cfg(feature = "freeswitch")]
use super::freeswitch;
use super::{FailureResponse, Gateway, rfc3398};

impl Gateway {
    /// What the system sends the caller when it ends an unanswered call with the cause value
    /// `cause` itself, as a dial plan's `Hangup(17)` (Asterisk) or `hangup USER_BUSY`
    /// (FreeSWITCH) does: the response ([`response_for_cause`](Self::response_for_cause)), its
    /// phrase, its `Reason` values and the cause recorded (`cause`; both causes are it). `None`
    /// only where the system sends no response for the cause (RFC 3398 and 16, normal clearing).
    ///
    /// ```
    /// use cause_core::Gateway;
    ///
    /// let busy = Gateway::Rfc3398.end_with_cause(17).unwrap();
    /// assert_eq!((busy.status(), busy.reasons()[0].to_string().as_str()), (486, r#"Q.850;cause=17;text="USER_BUSY""#));
    /// # #[cfg(all(feature = "asterisk", feature = "freeswitch"))] {
    /// let busy = Gateway::Asterisk.end_with_cause(17).unwrap();
    /// assert_eq!((busy.status(), busy.reason_phrase(""), busy.reasons()[0].to_string().as_str()), (486, "Busy Here", "Q.850;cause=17"));
    /// // FreeSWITCH's own causes go out as `SIP` values.
    /// let unwanted = Gateway::FreeSwitch.end_with_cause(819).unwrap();
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
    pub const fn end_with_cause(self, cause: u16) -> Option<FailureResponse<'static>> {
        match self {
            Gateway::Rfc3398 => rfc3398::ended(cause),
            #[cfg(feature = "asterisk")]
            Gateway::Asterisk => Some(asterisk::ended(cause)),
            #[cfg(feature = "freeswitch")]
            Gateway::FreeSwitch => Some(freeswitch::own_failure(cause)),
        }
    }

    /// The reason phrase the system writes on a response of its own for `status`: its SIP
    /// stack's, byte for byte. FreeSWITCH: sofia-sip's (`sip_status_phrase`), and an empty
    /// phrase for a code it does not name (`SIP/2.0 608 `); Asterisk: pjsip's
    /// (`pjsip_get_status_text`: `Server Internal Error` for 500), `Default status message` for
    /// a code it does not name; RFC 3398: the IANA registry's ([`reason_phrase`](crate::reason_phrase)),
    /// `None` for a code it does not name. Both PBXs were recorded writing these.
    ///
    /// ```
    /// use cause_core::Gateway;
    ///
    /// assert_eq!(Gateway::Rfc3398.reason_phrase(480), Some("Temporarily Unavailable"));
    /// # #[cfg(all(feature = "asterisk", feature = "freeswitch"))] {
    /// assert_eq!(Gateway::FreeSwitch.reason_phrase(608), Some(""));
    /// assert_eq!(Gateway::Asterisk.reason_phrase(504), Some("Server Time-out"));
    /// # }
    /// ```
    #[must_use]
    pub const fn reason_phrase(self, status: u16) -> Option<&'static str> {
        match self {
            Gateway::Rfc3398 => crate::reason_phrase(status),
            #[cfg(feature = "asterisk")]
            Gateway::Asterisk => Some(crate::asterisk_reason_phrase(status)),
            #[cfg(feature = "freeswitch")]
            Gateway::FreeSwitch => Some(crate::freeswitch_reason_phrase(status)),
        }
    }
}

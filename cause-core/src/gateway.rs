//! Behaving like a system: the response a gateway sends for a cause value and the cause value
//! it records for a response, as RFC 3398, Asterisk or FreeSWITCH does it, defaults included.

#[cfg(feature = "asterisk")]
use crate::AsteriskCause;
#[cfg(feature = "freeswitch")]
use crate::FreeSwitchCause;
use crate::Q850;

/// A system whose mapping between cause values and SIP responses a gateway can follow: to
/// behave like the box it replaces, or to read what the box beside it logs.
///
/// Cause values are numbers because FreeSWITCH's run past Q.850's 127; the typed tables are
/// one call away ([`Q850::from_code`], `AsteriskCause::from_code`, `FreeSwitchCause::from_code`).
///
/// ```
/// use cause_core::Gateway;
///
/// // A call fails with cause 16 (normal clearing) before it is answered.
/// assert_eq!(Gateway::Rfc3398.response_for_cause(16), None);
/// # #[cfg(all(feature = "asterisk", feature = "freeswitch"))] {
/// assert_eq!(Gateway::Asterisk.response_for_cause(16), Some(603));
/// assert_eq!(Gateway::FreeSwitch.response_for_cause(16), Some(480));
/// // A 503 comes back.
/// assert_eq!(Gateway::Asterisk.cause_for_response(503), Some(34));
/// assert_eq!(Gateway::FreeSwitch.cause_for_response(503), Some(41));
/// # }
/// assert_eq!(Gateway::Rfc3398.cause_for_response(503), Some(41));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Gateway {
    /// RFC 3398, as `q850.toml` gives it: the Q.850 causes and SIP responses it lists, nothing
    /// for the others.
    Rfc3398,
    /// Asterisk's `chan_pjsip`, as `asterisk.toml` gives it (feature `asterisk`).
    #[cfg(feature = "asterisk")]
    Asterisk,
    /// FreeSWITCH's `mod_sofia`, as `freeswitch.toml` gives it (feature `freeswitch`).
    #[cfg(feature = "freeswitch")]
    FreeSwitch,
}

impl Gateway {
    /// Every system, in the order above.
    pub const ALL: &'static [Gateway] = &[
        Gateway::Rfc3398,
        #[cfg(feature = "asterisk")]
        Gateway::Asterisk,
        #[cfg(feature = "freeswitch")]
        Gateway::FreeSwitch,
    ];

    /// The system's name, as people write it.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Gateway::Rfc3398 => "RFC 3398",
            #[cfg(feature = "asterisk")]
            Gateway::Asterisk => "Asterisk",
            #[cfg(feature = "freeswitch")]
            Gateway::FreeSwitch => "FreeSWITCH",
        }
    }

    /// The final response the system sends when a call fails with the cause value `cause`,
    /// its defaults included: Asterisk 603 and FreeSWITCH 480 for a cause they do not list.
    /// `None` only where the system sends nothing it documents: RFC 3398 for a cause it does
    /// not list (such as 16, normal clearing, which ends an answered call with a `BYE`).
    #[must_use]
    pub const fn response_for_cause(self, cause: u16) -> Option<u16> {
        match self {
            Gateway::Rfc3398 => Q850::response_for_code(cause),
            #[cfg(feature = "asterisk")]
            Gateway::Asterisk => AsteriskCause::response_for_code(cause),
            #[cfg(feature = "freeswitch")]
            Gateway::FreeSwitch => FreeSwitchCause::response_for_code(cause),
        }
    }

    /// The cause value the system records for the final response `status` (100 to 699), its
    /// defaults included: Asterisk per class of codes (an unlisted 4xx or 6xx is 127, a 5xx
    /// 34, anything else 16), FreeSWITCH 31. `None` only for RFC 3398 and a response it does
    /// not map, or a status outside 100..=699.
    #[must_use]
    pub const fn cause_for_response(self, status: u16) -> Option<u16> {
        match self {
            Gateway::Rfc3398 => match Q850::from_status_code(status) {
                Some(cause) => Some(cause.code()),
                None => None,
            },
            #[cfg(feature = "asterisk")]
            Gateway::Asterisk => match AsteriskCause::for_failure_response(status) {
                Some(cause) => Some(cause.code()),
                None => None,
            },
            #[cfg(feature = "freeswitch")]
            Gateway::FreeSwitch => match FreeSwitchCause::for_failure_response(status) {
                Some(cause) => Some(cause.code()),
                None => None,
            },
        }
    }
}

impl core::fmt::Display for Gateway {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.pad(self.name())
    }
}

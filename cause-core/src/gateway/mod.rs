//! Behaving like a system: the response a gateway sends for a cause value and the cause value
//! it records for a response, and what it relays from one leg to the other when a call fails or
//! ends, as RFC 3398, Asterisk or FreeSWITCH does it, defaults included.

#[cfg(feature = "asterisk")]
mod asterisk;
#[cfg(feature = "freeswitch")]
mod freeswitch;
mod hangup;
mod parse;
mod relay;
mod rfc3398;

pub use hangup::HangupCause;
pub use parse::ParseGatewayError;
pub use relay::{FailureResponse, Phrase, Relay, Teardown};

#[cfg(feature = "asterisk")]
use crate::AsteriskCause;
#[cfg(feature = "freeswitch")]
use crate::FreeSwitchCause;
use crate::{Q850, Reason};

/// A system whose mapping between hangup causes and SIP responses a gateway can follow: to
/// behave like the box it replaces, or to read what the box beside it logs.
///
/// A system's hangup causes are numbers in its own table, [`HangupCause`]s (FreeSWITCH's run
/// past Q.850's 127); the typed tables are one call away ([`HangupCause::q850`],
/// `HangupCause::asterisk`, `HangupCause::freeswitch`).
///
/// ```
/// use cause_core::Gateway;
///
/// // A call fails with cause 16 (normal clearing) before it is answered.
/// assert_eq!(Gateway::Rfc3398.hangup_cause(16).response(), None);
/// # #[cfg(all(feature = "asterisk", feature = "freeswitch"))] {
/// assert_eq!(Gateway::Asterisk.hangup_cause(16).response(), Some(603));
/// assert_eq!(Gateway::FreeSwitch.hangup_cause(16).response(), Some(480));
/// // A 503 comes back.
/// assert_eq!(Gateway::Asterisk.for_failure_response(503), Some(Gateway::Asterisk.hangup_cause(34)));
/// assert_eq!(Gateway::FreeSwitch.for_failure_response(503), Some(Gateway::FreeSwitch.hangup_cause(41)));
/// # }
/// assert_eq!(Gateway::Rfc3398.for_failure_response(503), Some(Gateway::Rfc3398.hangup_cause(41)));
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
    /// FreeSWITCH's `mod_sofia`, as `freeswitch.toml` gives it (feature `freeswitch`): master
    /// at the commit the table cites, signalwire/freeswitch cc93a683.
    #[cfg(feature = "freeswitch")]
    FreeSwitch,
    /// FreeSWITCH's newest release, v1.10.12, recorded beside master (feature `freeswitch`).
    /// It does all [`Gateway::FreeSwitch`] does but for one thing: on a failure it relays, it
    /// writes its own `Reason` value for leg A's cause (`Q.850;cause=47;text="UNKNOWN"`) where
    /// master passes on the one leg B's response came with (`Q.850;cause=47`).
    #[cfg(feature = "freeswitch")]
    FreeSwitchRelease,
}

impl Gateway {
    /// Every system, in the order above.
    pub const ALL: &'static [Gateway] = &[
        Gateway::Rfc3398,
        #[cfg(feature = "asterisk")]
        Gateway::Asterisk,
        #[cfg(feature = "freeswitch")]
        Gateway::FreeSwitch,
        #[cfg(feature = "freeswitch")]
        Gateway::FreeSwitchRelease,
    ];

    /// The system's key, an identifier for configuration files and command lines (`rfc3398`,
    /// `asterisk`, `freeswitch`, `freeswitch-1.10`): what serde writes.
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            Gateway::Rfc3398 => "rfc3398",
            #[cfg(feature = "asterisk")]
            Gateway::Asterisk => "asterisk",
            #[cfg(feature = "freeswitch")]
            Gateway::FreeSwitch => "freeswitch",
            #[cfg(feature = "freeswitch")]
            Gateway::FreeSwitchRelease => "freeswitch-1.10",
        }
    }

    /// The system's name, as people write it: what `Display` writes.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Gateway::Rfc3398 => "RFC 3398",
            #[cfg(feature = "asterisk")]
            Gateway::Asterisk => "Asterisk",
            #[cfg(feature = "freeswitch")]
            Gateway::FreeSwitch => "FreeSWITCH",
            #[cfg(feature = "freeswitch")]
            Gateway::FreeSwitchRelease => "FreeSWITCH 1.10.12",
        }
    }

    /// The hangup cause the system records for the final response `status` (100 to 699), its
    /// defaults included: RFC 3398 31 for a 4xx to 6xx it does not list (§8.2.6.1), Asterisk
    /// per class of codes (an unlisted 4xx or 6xx is 127, a 5xx 34, anything else 16),
    /// FreeSWITCH 31. `None` only for RFC 3398 and a response below 400, which rejects
    /// nothing, or a status outside 100..=699. The same lookup, by the same name, as each
    /// system's table's (`Q850::for_failure_response` for RFC 3398), as a [`HangupCause`].
    ///
    /// ```
    /// use cause_core::Gateway;
    ///
    /// let code = |gateway: Gateway, status| gateway.for_failure_response(status).map(|c| c.code());
    /// assert_eq!(code(Gateway::Rfc3398, 503), Some(41));
    /// assert_eq!(code(Gateway::Rfc3398, 487), Some(31));        // not listed: normal, unspecified
    /// # #[cfg(all(feature = "asterisk", feature = "freeswitch"))] {
    /// assert_eq!(code(Gateway::Asterisk, 503), Some(34));
    /// assert_eq!(code(Gateway::FreeSwitch, 503), Some(41));
    /// # }
    /// ```
    #[must_use]
    pub const fn for_failure_response(self, status: u16) -> Option<HangupCause> {
        let code = match self {
            Gateway::Rfc3398 => match Q850::for_failure_response(status) {
                Some(cause) => cause.code(),
                None => return None,
            },
            #[cfg(feature = "asterisk")]
            Gateway::Asterisk => match AsteriskCause::for_failure_response(status) {
                Some(cause) => cause.code(),
                None => return None,
            },
            #[cfg(feature = "freeswitch")]
            Gateway::FreeSwitch | Gateway::FreeSwitchRelease => {
                match FreeSwitchCause::for_failure_response(status) {
                    Some(cause) => cause.code(),
                    None => return None,
                }
            }
        };
        Some(self.hangup_cause(code))
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
            Gateway::FreeSwitch | Gateway::FreeSwitchRelease => {
                Some(crate::freeswitch_reason_phrase(status))
            }
        }
    }

    /// What the system sends on leg A, the caller's, when the INVITE it sent on leg B ends with
    /// the final response `status`, carrying the `Reason` values `reasons` (every value of every
    /// `Reason` header, in order, as [`Reason::parse_list`] reads them; empty for none):
    /// [`Relay::Respond`] with the response, which reason phrase goes with it, the `Reason`
    /// values to add and the causes recorded, or [`Relay::FollowRedirect`] for a 3xx the system
    /// follows itself. `None` for a `status` outside 300..=699.
    ///
    /// `const`, and allocation-free: a value passed on borrows from `reasons`.
    ///
    /// ```
    /// use cause_core::{Gateway, Phrase, Reason};
    ///
    /// // The far end: 503, and the PSTN's own cause, no circuit available.
    /// let reasons = [Reason::parse(r#"Q.850;cause=34;text="NORMAL_CIRCUIT_CONGESTION""#)?];
    /// let relay = Gateway::Rfc3398.relay_failure(503, &reasons).unwrap();
    /// let response = relay.response();
    /// assert_eq!((response.status(), response.phrase(), response.hangup_cause().code()), (503, Phrase::Received, 34));
    /// assert_eq!(response.reasons()[0].to_string(), r#"Q.850;cause=34;text="NORMAL_CIRCUIT_CONGESTION""#);
    ///
    /// // Without the Reason, RFC 3398 reads the 503 as 41, temporary failure.
    /// let response = Gateway::Rfc3398.relay_failure(503, &[]).unwrap().response();
    /// assert_eq!((response.status(), response.hangup_cause().code()), (503, 41));
    /// // A 600 crosses the PSTN as 17, user busy, which comes back as 486.
    /// let response = Gateway::Rfc3398.relay_failure(600, &[]).unwrap().response();
    /// assert_eq!((response.status(), response.reason_phrase("Busy Everywhere")), (486, "Busy Here"));
    /// # #[cfg(all(feature = "asterisk", feature = "freeswitch"))] {
    /// // Asterisk answers every failure but busy and no-answer with congestion.
    /// let response = Gateway::Asterisk.relay_failure(404, &[]).unwrap().response();
    /// assert_eq!((response.status(), response.hangup_cause().code(), response.far_hangup_cause().code()), (503, 34, 1));
    /// assert_eq!(response.reasons()[0].to_string(), "Q.850;cause=34");
    /// // FreeSWITCH relays the code, and the far end's Reason as it came.
    /// let response = Gateway::FreeSwitch.relay_failure(503, &reasons).unwrap().response();
    /// assert_eq!((response.status(), response.hangup_cause().code()), (503, 34));
    /// assert_eq!(response.reasons(), &reasons);
    /// # }
    /// # Ok::<(), cause_core::ParseReasonError>(())
    /// ```
    ///
    /// # RFC 3398
    ///
    /// A SIP-to-SIP gateway that behaves as if the call crossed the PSTN between its legs, so
    /// that only a Q.850 cause passes from one to the other: RFC 3398's two mappings composed.
    ///
    /// - The cause is the one a `Q.850` value of `reasons` carries (the first, 1 to 127),
    ///   else §8.2.6.1's for the status code ([`Q850::for_failure_response`]: 31, normal
    ///   unspecified, for a 4xx to 6xx it does not list). The `Reason` decides: §8.2.6.1 says
    ///   the cause the far side sent with a rejection ("an encapsulated REL") SHOULD be used
    ///   instead of its table, and RFC 6432 (Q.850 in `Reason` for responses) is how that cause
    ///   now travels in SIP. RFC 3326 §2 keeps the header out of SIP's own processing, which the
    ///   status code still drives on leg B.
    /// - The response is §7.2.4.1's for that cause ([`Q850::response`]). Where it gives none
    ///   (16 "will usually result in a BYE or CANCEL"), the gateway relays the code it received;
    ///   where the response is the received code, it keeps the received phrase
    ///   ([`Phrase::Received`]).
    /// - One `Reason` value, [`Q850::reason`] of the cause, as RFC 6432 has gateways add.
    /// - A 3xx is followed ([`Relay::FollowRedirect`]): §8.2.6.1 maps rejections, and a UAC
    ///   may recurse on a redirect (RFC 3261 §8.1.3.4), as FreeSWITCH and Asterisk both do.
    ///   RFC 3398 says nothing of a 3xx without a `Contact`: the rule reads it as a rejection
    ///   §8.2.6.1 does not list, 31.
    ///
    /// §7.2.4.1 adds that where the cause's location is the user (which §8.2.6.1 gives a 6xx),
    /// some causes "could" be sent as a 6xx rather than their 4xx; the rule keeps the table's
    /// response, so a 600 comes back as 486.
    ///
    /// # Asterisk
    ///
    /// `Dial(PJSIP/...)` between two chan_pjsip legs as the last priority of the extension,
    /// default configuration, as asterisk/asterisk f0c1c1a7 does it, read from its source and
    /// recorded from the running PBX (docs/pbx-recordings.md):
    ///
    /// - Leg B's cause is `ast_sip_hangup_sip2cause(status)` (res/res_pjsip.c,
    ///   [`AsteriskCause::for_failure_response`]), whatever the `Reason`: res_pjsip_rfc3326.c
    ///   `rfc3326_incoming_response` sets the `Reason`'s cause first, and chan_pjsip.c
    ///   `chan_pjsip_session_end` (lines 3106-3163) then overwrites it with the code's.
    /// - apps/app_dial.c `wait_for_answer` gives leg A that cause and `handle_cause` (877-897)
    ///   sets DIALSTATUS: 17 BUSY, 34 CONGESTION, 16 or 19 NOANSWER, anything else
    ///   CHANUNAVAIL. With `autofallthrough` on (its default), main/pbx.c `__ast_pbx_run`
    ///   (3074-3092) then answers BUSY with main/pbx_builtins.c `indicate_busy` (486, cause 17)
    ///   and CONGESTION or CHANUNAVAIL with `indicate_congestion` (503, cause 34); NOANSWER
    ///   hangs up leg A with leg B's cause, sent as chan_pjsip.c `hangup_cause2sip` gives it
    ///   (480 for 19, 603 for 16). So a 404 reaches the caller as 503.
    /// - The phrase is pjsip's (`pjsip_get_status_text`, [`Gateway::reason_phrase`]): Asterisk
    ///   passes no text.
    /// - res_pjsip_rfc3326.c `rfc3326_add_reason_header` adds `Q.850;cause=N`, without text, N
    ///   the cause leg A has when the response is written. For CHANUNAVAIL,
    ///   `indicate_congestion` queues the 503 on the session's thread just before the dial plan
    ///   thread sets 34, a race: the value reads 34 as a rule, and leg B's cause (1 for a 404,
    ///   21 for a 603) in 2,564 of 22,059 recorded calls.
    /// - A 3xx is a call forward (res_pjsip_session.c `session_inv_on_redirected`,
    ///   `redirect_method=user`), which Dial follows, through a Local channel; where it ends
    ///   busy, the 486's value reads `Q.850;cause=17` as a rule and `Q.850;cause=0` in
    ///   1,807 of 11,382 recorded calls. A 3xx without a `Contact` ends Dial with the code's
    ///   cause, as any failure: a 302 (23, CHANUNAVAIL) as a 503, the others (16, NOANSWER) as a
    ///   603.
    ///
    /// Changed by: an explicit `Hangup()` after `Dial` or `autofallthrough=no` (leg A then gets
    /// `hangup_cause2sip` of leg B's cause: 404 for a 404), `PJSIPHangup()` with
    /// `HANGUPCAUSE()` to send leg B's exact code, the endpoint's
    /// `suppress_q850_reason_headers` (no `Reason`) and `redirect_method`.
    ///
    /// # FreeSWITCH
    ///
    /// `bridge` between two mod_sofia legs, default configuration, as signalwire/freeswitch
    /// cc93a683 does it:
    ///
    /// - Leg B's cause: for a 4xx to 6xx whose first `Reason` value is `Q.850` (or
    ///   `FreeSWITCH`, the profile's `username`) with a cause other than 0, that cause
    ///   (src/mod/endpoints/mod_sofia/sofia.c `sofia_handle_sip_r_invite`, 6680-6683, then
    ///   `sofia_handle_sip_i_state`, 8725-8748); else `sofia_glue_sip_cause_to_freeswitch`
    ///   ([`FreeSwitchCause::for_failure_response`]).
    /// - Leg A's cause is the same, but for NO_USER_RESPONSE, NO_ANSWER and ORIGINATOR_CANCEL:
    ///   src/switch_channel.c `switch_channel_handle_cause` (4955-4958) continues the dialplan
    ///   after those, and leg A ends when it runs out, with NORMAL_CLEARING.
    /// - The status code is leg B's: src/switch_channel.c `switch_channel_perform_hangup`
    ///   hands leg B's "sip:CODE" to leg A (`last_bridge_proto_specific_hangup_cause`), which
    ///   mod_sofia.c `sofia_on_hangup` (456-466) sends instead of `hangup_cause_to_sip`. The
    ///   phrase is sofia-sip's (`sip_status_phrase`, 575-585), not leg B's.
    /// - The `Reason` is leg B's first value as it came (`sip_reason`, sofia.c 6656-6659);
    ///   without one, `sofia_on_hangup` (499-514) writes leg A's cause with its name as text:
    ///   `Q.850;cause=16;text="NORMAL_CLEARING"` for 1 to 127, `SIP` for FreeSWITCH's own
    ///   causes above (`SIP;cause=819;text="UNWANTED"` after a 607).
    /// - 300, 301, 302 and 305 are followed (sofia.c `sofia_handle_sip_r_invite`, 6821); without
    ///   a `Contact`, passed on as any other code (31, NORMAL_UNSPECIFIED). A 401 or 407 is
    ///   answered with credentials for the far end where FreeSWITCH has some; with none (no
    ///   gateway, no `sip_auth_username`), sofia_reg.c `sofia_reg_handle_sip_r_challenge` hangs
    ///   leg B up with MANDATORY_IE_MISSING before any code is recorded, and leg A gets
    ///   `hangup_cause_to_sip` of it, 480 ([`Relay::Challenged`]); a 401 or 407 without a
    ///   challenge is passed on with its own cause (21), its `Reason` unread.
    ///
    /// Changed by the channel variables `sip_ignore_remote_cause` (leg A: no code relay, its
    /// own cause's response instead), `ignore_q850_reason` (leg B: the code's cause over the
    /// `Reason`), `disable_q850_reason` (no `Reason`), `continue_on_fail`/`failure_causes`,
    /// the `respond` application (its own code and phrase), and the profile's
    /// `manual-redirect` or `outbound_redirect_fatal`.
    #[must_use]
    pub const fn relay_failure<'a>(self, status: u16, reasons: &[Reason<'a>]) -> Option<Relay<'a>> {
        if status < 300 || status > 699 {
            return None;
        }
        Some(match self {
            Gateway::Rfc3398 => rfc3398::failure(status, reasons),
            #[cfg(feature = "asterisk")]
            Gateway::Asterisk => asterisk::failure(status),
            #[cfg(feature = "freeswitch")]
            Gateway::FreeSwitch | Gateway::FreeSwitchRelease => {
                freeswitch::failure(self, status, reasons)
            }
        })
    }

    /// What the system sends on leg B when leg A cancels its INVITE with a `CANCEL` carrying
    /// the `Reason` values `reasons` (empty for none): the `Reason` values of leg B's `CANCEL`
    /// and the causes both legs record. `SIP;cause=200` says the call was answered elsewhere
    /// (RFC 3326 §3.1).
    ///
    /// ```
    /// use cause_core::{Gateway, Reason};
    ///
    /// let elsewhere = [Reason::parse(r#"SIP;cause=200;text="Call completed elsewhere""#)?];
    /// let teardown = Gateway::Rfc3398.relay_cancel(&elsewhere);
    /// assert_eq!(teardown.hangup_cause().code(), 26);                     // non-selected user clearing
    /// assert_eq!(teardown.reasons()[0], elsewhere[0]);
    /// assert_eq!(teardown.reasons()[1].to_string(), r#"Q.850;cause=26;text="ANSWERED_ELSEWHERE""#);
    /// # #[cfg(all(feature = "asterisk", feature = "freeswitch"))] {
    /// // Asterisk reads SIP;cause=200 as any other SIP code: 16.
    /// assert_eq!(Gateway::Asterisk.relay_cancel(&elsewhere).reasons()[0].to_string(), "Q.850;cause=16");
    /// // FreeSWITCH passes the value on.
    /// assert_eq!(Gateway::FreeSwitch.relay_cancel(&elsewhere).reasons(), &elsewhere);
    /// assert_eq!(
    ///     Gateway::FreeSwitch.relay_cancel(&[]).reasons()[0].to_string(),
    ///     r#"SIP;cause=487;text="ORIGINATOR_CANCEL""#
    /// );
    /// # }
    /// # Ok::<(), cause_core::ParseReasonError>(())
    /// ```
    ///
    /// # RFC 3398
    ///
    /// §8.2.6.1 maps a `CANCEL` to 16, normal clearing, "under most circumstances"; a `Q.850`
    /// value (the first, 1 to 127) carries the cause itself, which is what RFC 3326 added the
    /// header for, and `SIP;cause=200` is Q.850's 26, non-selected user clearing. Leg B's
    /// `CANCEL` carries [`Q850::reason`] of the cause, after `SIP;cause=200;text="Call
    /// completed elsewhere"` for 26, so that the far end does not log a missed call.
    ///
    /// # Asterisk
    ///
    /// res_pjsip_rfc3326.c `rfc3326_use_reason_header` sets leg A's cause: the last `Q.850`
    /// value's (to seven bits), else the last `SIP` value's through `ast_sip_hangup_sip2cause`
    /// (`SIP;cause=200` is 16, like any code below 400), protocols matched on their first
    /// letters. Without either, chan_pjsip.c `chan_pjsip_session_end` takes the 487 that ends
    /// the INVITE: 127, interworking. app_dial.c `dial_exec_full` (3452-3460) ends leg B with
    /// that cause, and its `CANCEL` carries `Q.850;cause=N`, after `SIP;cause=200;text="Call
    /// completed elsewhere"` for 26. (Asterisk reads the first value of each `Reason` header
    /// line; pass one value per line. A `CANCEL` pjsip must send before any provisional
    /// response goes without a `Reason`.)
    ///
    /// # FreeSWITCH
    ///
    /// sofia.c `our_sofia_event_callback` (`nua_i_cancel`, 1643-1660) keeps the `Reason` for
    /// leg B without reading a cause from it; both legs end with ORIGINATOR_CANCEL (487,
    /// switch_ivr_originate.c 3774-3820), and leg B's `CANCEL` carries leg A's first value as
    /// it came, or `SIP;cause=487;text="ORIGINATOR_CANCEL"` (mod_sofia.c `sofia_on_hangup`).
    /// `disable_q850_reason` drops the `Reason`.
    #[must_use]
    pub const fn relay_cancel<'a>(self, reasons: &[Reason<'a>]) -> Teardown<'a> {
        match self {
            Gateway::Rfc3398 => rfc3398::teardown(reasons),
            #[cfg(feature = "asterisk")]
            Gateway::Asterisk => asterisk::cancel(reasons),
            #[cfg(feature = "freeswitch")]
            Gateway::FreeSwitch | Gateway::FreeSwitchRelease => freeswitch::cancel(self, reasons),
        }
    }

    /// What the system sends on one leg of an answered call when the other leg ends it with a
    /// `BYE` carrying the `Reason` values `reasons` (empty for none), either way round: the
    /// `Reason` values of its own `BYE` and the causes both legs record.
    ///
    /// ```
    /// use cause_core::{Gateway, Reason};
    ///
    /// let busy = [Reason::parse("Q.850;cause=17")?];
    /// let teardown = Gateway::Rfc3398.relay_bye(&busy);
    /// assert_eq!((teardown.hangup_cause().code(), teardown.origin_hangup_cause().code()), (17, 17));
    /// assert_eq!(Gateway::Rfc3398.relay_bye(&[]).reasons()[0].to_string(), r#"Q.850;cause=16;text="NORMAL_CLEARING""#);
    /// # #[cfg(all(feature = "asterisk", feature = "freeswitch"))] {
    /// let teardown = Gateway::Asterisk.relay_bye(&busy);
    /// assert_eq!((teardown.hangup_cause().code(), teardown.origin_hangup_cause().code()), (16, 17));
    /// assert!(teardown.reasons().is_empty());                   // as recorded: no Reason
    /// assert_eq!(Gateway::FreeSwitch.relay_bye(&busy).reasons(), &busy);
    /// # }
    /// # Ok::<(), cause_core::ParseReasonError>(())
    /// ```
    ///
    /// # RFC 3398
    ///
    /// As for a `CANCEL` ([`relay_cancel`](Self::relay_cancel)): §8.2.6.1 maps a `BYE` to 16,
    /// a `Q.850` value carries its own cause, and the other leg's `BYE` says it.
    ///
    /// # Asterisk
    ///
    /// app_dial.c sets both legs to 16 when the call is answered (1469-1470). The `Reason`
    /// changes the cause of the leg it came on (res_pjsip_rfc3326.c, as for a `CANCEL`), but
    /// main/bridge_channel.c `channel_set_cause` keeps the other leg's 16. Its `BYE` goes
    /// without a `Reason` as a rule: res_pjsip_rfc3326.c `rfc3326_outgoing_request` writes one
    /// only while the session still has its channel, which the bridge has taken by then, and
    /// did so, `Q.850;cause=16`, in 37 of 816 recorded calls.
    ///
    /// # FreeSWITCH
    ///
    /// sofia.c `sofia_handle_sip_i_bye` (1009-1025) takes the leg's cause from a first value
    /// that is `Q.850` (or `FreeSWITCH`), else NORMAL_CLEARING, and keeps the value for the
    /// other leg; switch_ivr_bridge.c (1026-1027) ends the other leg with NORMAL_CLEARING, and
    /// its `BYE` carries the received value as it came, or
    /// `Q.850;cause=16;text="NORMAL_CLEARING"`.
    #[must_use]
    pub const fn relay_bye<'a>(self, reasons: &[Reason<'a>]) -> Teardown<'a> {
        match self {
            Gateway::Rfc3398 => rfc3398::teardown(reasons),
            #[cfg(feature = "asterisk")]
            Gateway::Asterisk => asterisk::bye(reasons),
            #[cfg(feature = "freeswitch")]
            Gateway::FreeSwitch | Gateway::FreeSwitchRelease => freeswitch::bye(self, reasons),
        }
    }
}

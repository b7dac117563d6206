//! Asterisk's relay rule: `Dial(PJSIP/...)` from one chan_pjsip leg to another as the last
//! priority, default configuration, as asterisk/asterisk f0c1c1a7 does it (the files and lines
//! are on [`Gateway::relay_failure`](super::Gateway::relay_failure) and its siblings).

use super::relay::{
    ANSWERED_ELSEWHERE, FailureResponse, Phrase, Relay, Teardown, Values, protocol_starts_with,
};
use crate::response::expect_valid;
use crate::{AsteriskCause, Reason};

const NORMAL_CLEARING: u16 = AsteriskCause::NormalClearing.code();
const BUSY: u16 = AsteriskCause::UserBusy.code();
const NO_ANSWER: u16 = AsteriskCause::NoAnswer.code();
const ANSWERED_ELSEWHERE_CAUSE: u16 = AsteriskCause::AnsweredElsewhere.code();
const CONGESTION: u16 = AsteriskCause::NoCircuitAvailable.code();
const INTERWORKING: u16 = AsteriskCause::Interworking.code();

/// A final response 300..=699 on leg B. res_pjsip_session.c `session_inv_on_redirected` hands a
/// 3xx to Dial as a call forward; chan_pjsip.c `chan_pjsip_session_end` records the code's cause
/// (`ast_sip_hangup_sip2cause`) over any `Reason`; app_dial.c `handle_cause` and pbx.c's
/// auto-fallthrough answer leg A with busy (486) or congestion (503), except for a no-answer,
/// which ends leg A with its own cause (`hangup_cause2sip`).
pub(super) const fn failure<'a>(status: u16) -> Relay<'a> {
    let response = response(status);
    match status {
        // A call forward, which Dial follows; without a Contact, `ast_sip_hangup_sip2cause` of
        // the code: 16 (NOANSWER) for most, 23 (CHANUNAVAIL) for a 302.
        ..400 => Relay::FollowRedirect {
            otherwise: response,
        },
        _ => Relay::Respond(response),
    }
}

/// What leg A gets when Dial ends with leg B's `status`.
const fn response<'a>(status: u16) -> FailureResponse<'a> {
    let far_cause = sip_to_cause(status);
    let (status, cause) = match far_cause {
        BUSY => (486, BUSY),
        CONGESTION => (503, CONGESTION),
        NORMAL_CLEARING | NO_ANSWER => match AsteriskCause::response_for_code(far_cause) {
            Some(status) => (status, far_cause),
            None => (AsteriskCause::DEFAULT_RESPONSE, far_cause),
        },
        // DIALSTATUS CHANUNAVAIL: `indicate_congestion`, which sets CONGESTION.
        _ => (503, CONGESTION),
    };
    FailureResponse {
        system: super::Gateway::Asterisk,
        status,
        phrase: Phrase::Standard,
        own_phrase: super::Gateway::Asterisk.reason_phrase(status),
        reasons: Values::one(q850(cause)),
        cause,
        far_cause,
    }
}

/// The dial plan ends leg A with `cause` (`Hangup(N)`): `hangup_cause2sip`'s response, with
/// the cause's `Reason`.
pub(super) const fn ended(cause: u16) -> FailureResponse<'static> {
    // main/pbx_builtins.c `pbx_builtin_hangup`: no cause (0) is the channel's own, and a new
    // channel has none: NORMAL_CLEARING.
    let cause = match cause {
        0 => NORMAL_CLEARING,
        cause => cause,
    };
    let status = match AsteriskCause::response_for_code(cause) {
        Some(status) => status,
        None => AsteriskCause::DEFAULT_RESPONSE,
    };
    FailureResponse {
        system: super::Gateway::Asterisk,
        status,
        phrase: Phrase::Standard,
        own_phrase: super::Gateway::Asterisk.reason_phrase(status),
        reasons: reasons_for(cause),
        cause,
        far_cause: cause,
    }
}

/// `rfc3326_add_reason_header`: `Q.850;cause=N`, after the answered-elsewhere value for 26.
const fn reasons_for(cause: u16) -> Values<'static> {
    match cause {
        ANSWERED_ELSEWHERE_CAUSE => Values::two(ANSWERED_ELSEWHERE, q850(cause)),
        _ => Values::one(q850(cause)),
    }
}

/// A `CANCEL` on leg A: its cause comes from the `Reason` (res_pjsip_rfc3326.c), else from the
/// 487 that ends its INVITE (INTERWORKING); Dial ends leg B with the same cause, or with
/// ANSWERED_ELSEWHERE's two values for 26 (app_dial.c `dial_exec_full`, `hanguptree`).
pub(super) const fn cancel<'a>(reasons: &[Reason<'a>]) -> Teardown<'a> {
    let origin_cause = match reason_cause(reasons) {
        Some(0) | None => INTERWORKING,
        Some(cause) => cause,
    };
    Teardown {
        system: super::Gateway::Asterisk,
        reasons: reasons_for(origin_cause),
        cause: origin_cause,
        origin_cause,
    }
}

/// A `BYE` on either leg of an answered call: Dial set both legs to NORMAL_CLEARING on answer;
/// the `Reason` changes the cause of the leg it came on only (bridge_channel.c
/// `channel_set_cause` keeps the other's), and the other leg's `BYE` goes, as a rule, without a
/// `Reason`: res_pjsip_rfc3326.c `rfc3326_outgoing_request` writes one only while the session
/// still has its channel, which the bridge has taken by then.
pub(super) const fn bye<'a>(reasons: &[Reason<'a>]) -> Teardown<'a> {
    let origin_cause = match reason_cause(reasons) {
        Some(cause) => cause,
        None => NORMAL_CLEARING,
    };
    Teardown {
        system: super::Gateway::Asterisk,
        reasons: Values::none(),
        cause: NORMAL_CLEARING,
        origin_cause,
    }
}

/// res_pjsip_rfc3326.c `rfc3326_use_reason_header`: the last `Q.850` value's cause, kept to
/// seven bits, else the last `SIP` value's cause through `ast_sip_hangup_sip2cause`; `None`
/// where no value has a cause other than 0. Protocols are matched on their first letters
/// (`strncasecmp`), as Asterisk does.
const fn reason_cause(reasons: &[Reason<'_>]) -> Option<u16> {
    let (mut q850, mut sip) = (0, 0);
    let mut at = 0;
    while at < reasons.len() {
        let reason = &reasons[at];
        if let Some(cause) = reason.code() {
            if protocol_starts_with(reason, "Q.850") {
                q850 = cause;
            } else if protocol_starts_with(reason, "SIP") {
                sip = cause;
            }
        }
        at += 1;
    }
    match (q850, sip) {
        (0, 0) => None,
        (0, sip) => Some(sip_to_cause(sip)),
        (q850, _) => Some(q850 & 0x7f),
    }
}

/// res_pjsip.c `ast_sip_hangup_sip2cause`, for any number: NORMAL_CLEARING outside 400..=699
/// where it lists nothing.
const fn sip_to_cause(status: u16) -> u16 {
    match AsteriskCause::for_failure_response(status) {
        Some(cause) => cause.code(),
        None => NORMAL_CLEARING,
    }
}

/// res_pjsip_rfc3326.c `rfc3326_add_reason_header`: `Q.850;cause=N` (to seven bits), without
/// a text.
const fn q850(cause: u16) -> Reason<'static> {
    expect_valid(Reason::new("Q.850", cause & 0x7f, None))
}

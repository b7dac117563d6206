//! FreeSWITCH's relay rule: a `bridge` from one mod_sofia leg to another, default configuration,
//! as signalwire/freeswitch cc93a683 does it (the files and lines are on
//! [`Gateway::relay_failure`](super::Gateway::relay_failure) and its siblings).

use super::Gateway;
use super::relay::{FailureResponse, Phrase, Relay, Teardown, Values, protocol_is};
use crate::response::expect_valid;
use crate::{FreeSwitchCause, Reason};

const NORMAL_CLEARING: u16 = FreeSwitchCause::NormalClearing.code();
const NO_USER_RESPONSE: u16 = FreeSwitchCause::NoUserResponse.code();
const NO_ANSWER: u16 = FreeSwitchCause::NoAnswer.code();
const NORMAL_UNSPECIFIED: u16 = FreeSwitchCause::NormalUnspecified.code();
const MANDATORY_IE_MISSING: u16 = FreeSwitchCause::MandatoryInformationElementMissing.code();
const ORIGINATOR_CANCEL: u16 = FreeSwitchCause::OriginatorCancel.code();
const LOSE_RACE: u16 = FreeSwitchCause::LoseRace.code();
const PICKED_OFF: u16 = FreeSwitchCause::PickedOff.code();

/// A final response 300..=699 on leg B (sofia.c `sofia_handle_sip_r_invite`,
/// `sofia_handle_sip_i_state`; mod_dptools.c `audio_bridge_function`; mod_sofia.c
/// `sofia_on_hangup`).
pub(super) const fn failure<'a>(system: Gateway, status: u16, reasons: &[Reason<'a>]) -> Relay<'a> {
    // Only a 4xx to 6xx response's `Reason` is read and kept (`sip_reason`).
    let reasons: &[Reason<'a>] = if status >= 400 { reasons } else { &[] };
    let response = response(system, status, reasons);
    match status {
        // Followed to the Contact unless `outbound_redirect_fatal` or `manual-redirect`;
        // without one, passed on as any other code.
        300 | 301 | 302 | 305 => Relay::FollowRedirect {
            otherwise: response,
        },
        // sofia_reg.c `sofia_reg_handle_sip_r_challenge`: with no credentials for the far end,
        // leg B hangs up with MANDATORY_IE_MISSING before the code is recorded anywhere. Without
        // a challenge to answer, the code is passed on with its own cause: the `Reason` of a 401
        // or 407 is not read (as recorded).
        401 | 407 => Relay::Challenged {
            otherwise: own_failure(system, MANDATORY_IE_MISSING),
            unchallenged: self::response(system, status, &[]),
        },
        _ => Relay::Respond(response),
    }
}

/// What leg A gets when the bridge ends with leg B's `status` and `reasons`.
const fn response<'a>(system: Gateway, status: u16, reasons: &[Reason<'a>]) -> FailureResponse<'a> {
    let far_cause = match remote_cause(reasons) {
        Some(cause) => cause,
        None => match FreeSwitchCause::for_failure_response(status) {
            Some(cause) => cause.code(),
            None => NORMAL_UNSPECIFIED,
        },
    };
    // switch_channel.c `switch_channel_handle_cause`: after these the dialplan goes on, and leg
    // A ends when it runs out, with NORMAL_CLEARING.
    let cause = match far_cause {
        NO_USER_RESPONSE | NO_ANSWER | ORIGINATOR_CANCEL => NORMAL_CLEARING,
        cause => cause,
    };
    // mod_sofia.c `sofia_on_hangup`: the code is leg B's (`last_bridge_proto_specific_hangup_cause`,
    // "sip:CODE"), the phrase sofia-sip's, the Reason leg B's first value if it sent one; the
    // 1.10.12 release writes its own for leg A's cause whatever leg B sent (as recorded).
    let reason = match (system, reasons.first()) {
        (Gateway::FreeSwitch, Some(reason)) => *reason,
        _ => own_reason(cause),
    };
    FailureResponse {
        system,
        status,
        phrase: Phrase::Standard,
        own_phrase: super::Gateway::FreeSwitch.reason_phrase(status),
        reasons: Values::one(reason),
        cause,
        far_cause,
    }
}

/// Leg B hung up with `cause` before any SIP code was recorded: leg A gets the response
/// `hangup_cause_to_sip` gives the cause.
pub(super) const fn own_failure<'a>(system: Gateway, cause: u16) -> FailureResponse<'a> {
    let status = match FreeSwitchCause::response_for_code(cause) {
        Some(status) => status,
        None => FreeSwitchCause::DEFAULT_RESPONSE,
    };
    FailureResponse {
        system,
        status,
        phrase: Phrase::Standard,
        own_phrase: super::Gateway::FreeSwitch.reason_phrase(status),
        reasons: Values::one(own_reason(cause)),
        cause,
        far_cause: cause,
    }
}

/// A `CANCEL` on leg A (sofia.c `our_sofia_event_callback`, `nua_i_cancel`; switch_ivr_originate.c):
/// both legs end with ORIGINATOR_CANCEL whatever the `Reason`, which leg B's `CANCEL` carries on.
pub(super) const fn cancel<'a>(system: Gateway, reasons: &[Reason<'a>]) -> Teardown<'a> {
    Teardown {
        system,
        reasons: Values::one(passed_on(reasons, ORIGINATOR_CANCEL)),
        cause: ORIGINATOR_CANCEL,
        origin_cause: ORIGINATOR_CANCEL,
    }
}

/// A `BYE` on either leg of an answered call (sofia.c `sofia_handle_sip_i_bye`;
/// switch_ivr_bridge.c): the other leg ends with NORMAL_CLEARING, its `BYE` carrying the
/// received `Reason` on.
pub(super) const fn bye<'a>(system: Gateway, reasons: &[Reason<'a>]) -> Teardown<'a> {
    let origin_cause = match remote_cause(reasons) {
        Some(cause) => cause,
        None => NORMAL_CLEARING,
    };
    Teardown {
        system,
        reasons: Values::one(passed_on(reasons, NORMAL_CLEARING)),
        cause: NORMAL_CLEARING,
        origin_cause,
    }
}

/// The cause FreeSWITCH takes from a message's `Reason`: the first value only (`sip->sip_reason`),
/// if its protocol is `Q.850` or `FreeSWITCH` (the profile's `username`, by default) and its
/// cause is not 0.
const fn remote_cause(reasons: &[Reason<'_>]) -> Option<u16> {
    match reasons.first() {
        Some(reason) if protocol_is(reason, "Q.850") || protocol_is(reason, "FreeSWITCH") => {
            match reason.code() {
                Some(0) | None => None,
                cause => cause,
            }
        }
        _ => None,
    }
}

/// The first value received (the `sip_reason` variable, copied to the other leg), else
/// FreeSWITCH's own value for `cause`.
const fn passed_on<'a>(reasons: &[Reason<'a>], cause: u16) -> Reason<'a> {
    match reasons.first() {
        Some(reason) => *reason,
        None => own_reason(cause),
    }
}

/// `sofia_on_hangup`'s own `Reason` for a hangup cause: "Call completed elsewhere" for a call
/// picked up or lost to another leg, `Q.850` for causes 1 to 127, `SIP` with FreeSWITCH's number
/// for the others; the text is the cause's name (`switch_channel_cause2str`).
const fn own_reason(cause: u16) -> Reason<'static> {
    let name = match FreeSwitchCause::from_code(cause) {
        Some(cause) => cause.name(),
        None => "UNKNOWN",
    };
    let protocol = match cause {
        LOSE_RACE | PICKED_OFF => return super::relay::ANSWERED_ELSEWHERE,
        1..=127 => "Q.850",
        _ => "SIP",
    };
    expect_valid(Reason::new(protocol, cause, Some(name)))
}

//! RFC 3398's relay rule: a SIP-to-SIP gateway behaving as if the call crossed the PSTN between
//! its legs, so that only a Q.850 cause passes from one to the other.

use super::relay::{
    ANSWERED_ELSEWHERE, FailureResponse, Phrase, Relay, Teardown, Values, first_q850_cause,
    says_answered_elsewhere,
};
use crate::response::expect_valid;
use crate::{Q850, Reason};

/// Q.850's normal call clearing, what §8.2.6.1 gives a `BYE` or `CANCEL`.
const NORMAL_CLEARING: u16 = Q850::NormalClearing.code();
/// Q.850's non-selected user clearing: the call was answered by another device.
const NON_SELECTED_USER_CLEARING: u16 = Q850::AnsweredElsewhere.code();

/// A final response 300..=699 from leg B. The cause: a `Q.850` `Reason` the response carried
/// (the far side's own cause, which §8.2.6.1 puts ahead of its table), else §8.2.6.1's cause for
/// the status code, 31 for a code it does not list. The response: §7.2.4.1's for that cause;
/// for a cause it gives none, the code received, phrase and all.
pub(super) const fn failure<'a>(status: u16, reasons: &[Reason<'a>]) -> Relay<'a> {
    let response = response(status, reasons);
    match status {
        // RFC 3261 §8.1.3.4: a UAC may recurse on a redirect. RFC 3398 says nothing of one it
        // cannot follow (no Contact): §8.2.6.1's catch-all, 31, as for any code it does not list.
        ..400 => Relay::FollowRedirect {
            otherwise: response,
        },
        _ => Relay::Respond(response),
    }
}

/// What leg A gets for leg B's `status` and `reasons`, a 3xx read as an unlisted rejection.
const fn response<'a>(status: u16, reasons: &[Reason<'a>]) -> FailureResponse<'a> {
    let cause = match first_q850_cause(reasons) {
        Some(cause) => cause,
        None => match Q850::for_failure_response(status) {
            Some(cause) => cause.code(),
            None => Q850::FALLBACK.code(),
        },
    };
    let (status, phrase) = match Q850::response_for_code(cause) {
        Some(response) if response != status => (response, Phrase::Standard),
        _ => (status, Phrase::Received),
    };
    FailureResponse {
        status,
        phrase,
        own_phrase: super::Gateway::Rfc3398.reason_phrase(status),
        reasons: Values::one(q850_reason(cause)),
        cause,
        far_cause: cause,
    }
}

/// The gateway ends the call with `cause` itself: §7.2.4.1's response, with RFC 6432's `Reason`.
pub(super) const fn ended(cause: u16) -> Option<FailureResponse<'static>> {
    let Some(status) = Q850::response_for_code(cause) else {
        return None;
    };
    Some(FailureResponse {
        status,
        phrase: Phrase::Standard,
        own_phrase: super::Gateway::Rfc3398.reason_phrase(status),
        reasons: Values::one(q850_reason(cause)),
        cause,
        far_cause: cause,
    })
}

/// A `CANCEL` or a `BYE`: §8.2.6.1 maps both to 16 "under most circumstances"; a `Q.850` value
/// carries the cause itself (RFC 3326 §2), and `SIP;cause=200` is Q.850's 26.
pub(super) const fn teardown<'a>(reasons: &[Reason<'a>]) -> Teardown<'a> {
    let cause = match first_q850_cause(reasons) {
        Some(cause) => cause,
        None if says_answered_elsewhere(reasons) => NON_SELECTED_USER_CLEARING,
        None => NORMAL_CLEARING,
    };
    let reasons = match cause {
        NON_SELECTED_USER_CLEARING => Values::two(ANSWERED_ELSEWHERE, q850_reason(cause)),
        _ => Values::one(q850_reason(cause)),
    };
    Teardown {
        reasons,
        cause,
        origin_cause: cause,
    }
}

/// [`Q850::reason`] for a cause of the table, a bare `Q.850;cause=N` for a value Q.850 leaves
/// unassigned (a far end may send one).
const fn q850_reason(cause: u16) -> Reason<'static> {
    match Q850::from_code(cause) {
        Some(q850) => q850.reason(),
        None => expect_valid(Reason::new("Q.850", cause, None)),
    }
}

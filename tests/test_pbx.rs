//! FreeSWITCH's and Asterisk's tables, and `Gateway`, checked against the C source they were
//! read from, transcribed here apart from the TOML tables on purpose (a slip in a table must
//! fail a test): every cause value with its name, both directions of each system's mapping with
//! its defaults, for every cause value 0..=1000 and every final response 100..=699.
//!
//! signalwire/freeswitch cc93a683: src/include/switch_types.h (`switch_call_cause_t`),
//! src/mod/endpoints/mod_sofia/mod_sofia.c (`hangup_cause_to_sip`),
//! src/mod/endpoints/mod_sofia/sofia_glue.c (`sofia_glue_sip_cause_to_freeswitch`).
//! asterisk/asterisk f0c1c1a7: include/asterisk/causes.h, channels/chan_pjsip.c
//! (`hangup_cause2sip`), res/res_pjsip.c (`ast_sip_hangup_sip2cause`),
//! res/res_pjsip_session.c (`ast_sip_session_terminate`: 603 for 0).

use cause_core::{AsteriskCause, Cause, FreeSwitchCause, Gateway, Q850, Reason};

/// `switch_call_cause_t`, without `SWITCH_CAUSE_`.
const FREESWITCH: &[(&str, u16)] = &[
    ("NONE", 0),
    ("UNALLOCATED_NUMBER", 1),
    ("NO_ROUTE_TRANSIT_NET", 2),
    ("NO_ROUTE_DESTINATION", 3),
    ("CHANNEL_UNACCEPTABLE", 6),
    ("CALL_AWARDED_DELIVERED", 7),
    ("NORMAL_CLEARING", 16),
    ("USER_BUSY", 17),
    ("NO_USER_RESPONSE", 18),
    ("NO_ANSWER", 19),
    ("SUBSCRIBER_ABSENT", 20),
    ("CALL_REJECTED", 21),
    ("NUMBER_CHANGED", 22),
    ("REDIRECTION_TO_NEW_DESTINATION", 23),
    ("EXCHANGE_ROUTING_ERROR", 25),
    ("DESTINATION_OUT_OF_ORDER", 27),
    ("INVALID_NUMBER_FORMAT", 28),
    ("FACILITY_REJECTED", 29),
    ("RESPONSE_TO_STATUS_ENQUIRY", 30),
    ("NORMAL_UNSPECIFIED", 31),
    ("NORMAL_CIRCUIT_CONGESTION", 34),
    ("NETWORK_OUT_OF_ORDER", 38),
    ("NORMAL_TEMPORARY_FAILURE", 41),
    ("SWITCH_CONGESTION", 42),
    ("ACCESS_INFO_DISCARDED", 43),
    ("REQUESTED_CHAN_UNAVAIL", 44),
    ("PRE_EMPTED", 45),
    ("FACILITY_NOT_SUBSCRIBED", 50),
    ("OUTGOING_CALL_BARRED", 52),
    ("INCOMING_CALL_BARRED", 54),
    ("BEARERCAPABILITY_NOTAUTH", 57),
    ("BEARERCAPABILITY_NOTAVAIL", 58),
    ("SERVICE_UNAVAILABLE", 63),
    ("BEARERCAPABILITY_NOTIMPL", 65),
    ("CHAN_NOT_IMPLEMENTED", 66),
    ("FACILITY_NOT_IMPLEMENTED", 69),
    ("SERVICE_NOT_IMPLEMENTED", 79),
    ("INVALID_CALL_REFERENCE", 81),
    ("INCOMPATIBLE_DESTINATION", 88),
    ("INVALID_MSG_UNSPECIFIED", 95),
    ("MANDATORY_IE_MISSING", 96),
    ("MESSAGE_TYPE_NONEXIST", 97),
    ("WRONG_MESSAGE", 98),
    ("IE_NONEXIST", 99),
    ("INVALID_IE_CONTENTS", 100),
    ("WRONG_CALL_STATE", 101),
    ("RECOVERY_ON_TIMER_EXPIRE", 102),
    ("MANDATORY_IE_LENGTH_ERROR", 103),
    ("PROTOCOL_ERROR", 111),
    ("INTERWORKING", 127),
    ("SUCCESS", 142),
    ("ORIGINATOR_CANCEL", 487),
    ("CRASH", 700),
    ("SYSTEM_SHUTDOWN", 701),
    ("LOSE_RACE", 702),
    ("MANAGER_REQUEST", 703),
    ("BLIND_TRANSFER", 800),
    ("ATTENDED_TRANSFER", 801),
    ("ALLOTTED_TIMEOUT", 802),
    ("USER_CHALLENGE", 803),
    ("MEDIA_TIMEOUT", 804),
    ("PICKED_OFF", 805),
    ("USER_NOT_REGISTERED", 806),
    ("PROGRESS_TIMEOUT", 807),
    ("INVALID_GATEWAY", 808),
    ("GATEWAY_DOWN", 809),
    ("INVALID_URL", 810),
    ("INVALID_PROFILE", 811),
    ("NO_PICKUP", 812),
    ("SRTP_READ_ERROR", 813),
    ("BOWOUT", 814),
    ("BUSY_EVERYWHERE", 815),
    ("DECLINE", 816),
    ("DOES_NOT_EXIST_ANYWHERE", 817),
    ("NOT_ACCEPTABLE", 818),
    ("UNWANTED", 819),
    ("NO_IDENTITY", 820),
    ("BAD_IDENTITY_INFO", 821),
    ("UNSUPPORTED_CERTIFICATE", 822),
    ("INVALID_IDENTITY", 823),
    ("STALE_DATE", 824),
    ("REJECT_ALL", 825),
];

/// `hangup_cause_to_sip`, by cause value.
fn freeswitch_response(cause: u16) -> u16 {
    match cause {
        1..=3 => 404,
        17 => 486,
        18 => 408,
        19 | 20 => 480,
        21 => 603,
        22 | 23 => 410,
        27 | 811 => 502,
        28 | 810 | 808 => 484,
        29 => 501,
        31 => 480,
        44 | 34 | 38 | 41 | 42 | 809 => 503,
        52 | 54 | 57 => 403,
        58 => 503,
        65 | 88 => 488,
        69 | 79 => 501,
        102 => 504,
        487 => 487,
        25 => 483,
        815 => 600,
        816 | 825 => 603,
        817 => 604,
        818 => 606,
        819 => 607,
        820 => 428,
        821 => 429,
        822 => 437,
        823 => 438,
        824 => 403,
        _ => 480,
    }
}

/// `sofia_glue_sip_cause_to_freeswitch`, by final response.
fn freeswitch_cause(status: u16) -> u16 {
    match status {
        200 => 16,
        401 | 402 | 403 | 407 | 603 | 608 => 21,
        607 => 819,
        404 => 1,
        485 | 604 => 3,
        408 | 504 => 102,
        410 => 22,
        413 | 414 | 416 | 420 | 421 | 423 | 505 | 513 => 127,
        480 => 18,
        400 | 481 | 500 | 503 => 41,
        486 | 600 => 17,
        484 => 28,
        488 | 606 => 88,
        502 => 38,
        405 => 63,
        406 | 415 | 501 => 79,
        482 | 483 => 25,
        487 => 487,
        428 => 820,
        429 => 821,
        437 => 822,
        438 => 823,
        _ => 31,
    }
}

/// causes.h: every `AST_CAUSE_*` with a number.
const ASTERISK: &[(&str, u16)] = &[
    ("NOTDEFINED", 0),
    ("UNALLOCATED", 1),
    ("NO_ROUTE_TRANSIT_NET", 2),
    ("NO_ROUTE_DESTINATION", 3),
    ("MISDIALLED_TRUNK_PREFIX", 5),
    ("CHANNEL_UNACCEPTABLE", 6),
    ("CALL_AWARDED_DELIVERED", 7),
    ("PRE_EMPTED", 8),
    ("NUMBER_PORTED_NOT_HERE", 14),
    ("NORMAL_CLEARING", 16),
    ("USER_BUSY", 17),
    ("NO_USER_RESPONSE", 18),
    ("NO_ANSWER", 19),
    ("SUBSCRIBER_ABSENT", 20),
    ("CALL_REJECTED", 21),
    ("NUMBER_CHANGED", 22),
    ("REDIRECTED_TO_NEW_DESTINATION", 23),
    ("ANSWERED_ELSEWHERE", 26),
    ("DESTINATION_OUT_OF_ORDER", 27),
    ("INVALID_NUMBER_FORMAT", 28),
    ("FACILITY_REJECTED", 29),
    ("RESPONSE_TO_STATUS_ENQUIRY", 30),
    ("NORMAL_UNSPECIFIED", 31),
    ("NORMAL_CIRCUIT_CONGESTION", 34),
    ("NETWORK_OUT_OF_ORDER", 38),
    ("NORMAL_TEMPORARY_FAILURE", 41),
    ("SWITCH_CONGESTION", 42),
    ("ACCESS_INFO_DISCARDED", 43),
    ("REQUESTED_CHAN_UNAVAIL", 44),
    ("FACILITY_NOT_SUBSCRIBED", 50),
    ("OUTGOING_CALL_BARRED", 52),
    ("INCOMING_CALL_BARRED", 54),
    ("BEARERCAPABILITY_NOTAUTH", 57),
    ("BEARERCAPABILITY_NOTAVAIL", 58),
    ("BEARERCAPABILITY_NOTIMPL", 65),
    ("CHAN_NOT_IMPLEMENTED", 66),
    ("FACILITY_NOT_IMPLEMENTED", 69),
    ("INVALID_CALL_REFERENCE", 81),
    ("INCOMPATIBLE_DESTINATION", 88),
    ("INVALID_MSG_UNSPECIFIED", 95),
    ("MANDATORY_IE_MISSING", 96),
    ("MESSAGE_TYPE_NONEXIST", 97),
    ("WRONG_MESSAGE", 98),
    ("IE_NONEXIST", 99),
    ("INVALID_IE_CONTENTS", 100),
    ("WRONG_CALL_STATE", 101),
    ("RECOVERY_ON_TIMER_EXPIRE", 102),
    ("MANDATORY_IE_LENGTH_ERROR", 103),
    ("PROTOCOL_ERROR", 111),
    ("INTERWORKING", 127),
];

/// causes.h's `#define` aliases and the cause each stands for.
const ASTERISK_ALIASES: &[(&str, u16)] = &[
    ("BUSY", 17),
    ("FAILURE", 38),
    ("NORMAL", 16),
    ("NOANSWER", 19),
    ("CONGESTION", 34),
    ("UNREGISTERED", 20),
    ("NOSUCHDRIVER", 66),
];

/// `hangup_cause2sip`, then `ast_sip_session_terminate`'s 603 for its 0.
fn asterisk_response(cause: u16) -> u16 {
    match cause {
        23 => 302,
        1..=3 => 404,
        34 | 42 => 503,
        18 => 408,
        19 | 20 => 480,
        21 => 403,
        22 => 410,
        31 => 480,
        28 => 484,
        17 => 486,
        38 => 500,
        29 => 501,
        66 => 503,
        27 => 502,
        58 => 488,
        127 => 500,
        _ => 603,
    }
}

/// `ast_sip_hangup_sip2cause`, by final response: the codes it lists, else its class defaults.
fn asterisk_cause(status: u16) -> u16 {
    asterisk_listed(status).unwrap_or(match status {
        400..=499 | 600..=699 => 127,
        500..=599 => 34,
        _ => 16,
    })
}

fn asterisk_listed(status: u16) -> Option<u16> {
    let cause = match status {
        302 => 23,
        401 | 403 | 407 | 603 => 21,
        404 | 485 | 604 => 1,
        405 | 411 | 413 | 414 | 415 | 481 | 482 | 487 | 491 | 493 | 505 => 127,
        408 => 18,
        409 => 41,
        410 => 22,
        420 => 3,
        480 | 483 => 19,
        484 => 28,
        486 | 600 => 17,
        488 | 606 => 58,
        500 => 38,
        501 => 29,
        502 => 27,
        503 => 34,
        504 => 102,
        _ => return None,
    };
    Some(cause)
}

#[test]
fn freeswitch_has_every_cause_by_its_name_and_number() {
    assert_eq!(FreeSwitchCause::ALL.len(), FREESWITCH.len());
    for (&cause, &(name, code)) in FreeSwitchCause::ALL.iter().zip(FREESWITCH) {
        assert_eq!(
            (cause.name(), cause.code(), cause.as_str()),
            (name, code, name)
        );
        assert_eq!(cause as u16, code);
        assert_eq!(FreeSwitchCause::from_name(name), Some(cause));
        assert_eq!(name.parse::<FreeSwitchCause>(), Ok(cause));
        assert_eq!(FreeSwitchCause::try_from(code), Ok(cause));
    }
    assert_eq!(FreeSwitchCause::PreEmpted.code(), 45);
    assert_eq!(FreeSwitchCause::UserNotRegistered.code(), 806);
    assert_eq!(FreeSwitchCause::OriginatorCancel.code(), 487);
}

#[test]
fn asterisk_has_every_cause_by_its_name_number_and_alias() {
    assert_eq!(AsteriskCause::ALL.len(), ASTERISK.len());
    for (&cause, &(name, code)) in AsteriskCause::ALL.iter().zip(ASTERISK) {
        assert_eq!((cause.name(), cause.code()), (name, code));
        assert_eq!(AsteriskCause::from_name(name), Some(cause));
        assert_eq!(AsteriskCause::find(name), Some(cause));
    }
    for &(alias, code) in ASTERISK_ALIASES {
        let cause = AsteriskCause::from_code(code).expect("an alias of a cause");
        assert!(cause.aliases().contains(&alias), "{alias}");
        assert_eq!(alias.parse::<AsteriskCause>(), Ok(cause));
    }
    assert_eq!(AsteriskCause::Preemption.code(), 8);
    assert_eq!(AsteriskCause::UserBusy.to_string(), "User busy");
}

#[test]
fn each_system_maps_every_cause_value_as_its_source_does() {
    for cause in 0..=1000 {
        assert_eq!(
            Gateway::FreeSwitch.response_for_cause(cause),
            Some(freeswitch_response(cause)),
            "FreeSWITCH {cause}"
        );
        assert_eq!(
            Gateway::Asterisk.response_for_cause(cause),
            Some(asterisk_response(cause)),
            "Asterisk {cause}"
        );
        let rfc = Q850::from_code(cause).and_then(Q850::response);
        assert_eq!(
            Gateway::Rfc3398.response_for_cause(cause),
            rfc,
            "RFC 3398 {cause}"
        );
    }
    for cause in FreeSwitchCause::ALL {
        assert_eq!(
            cause.response(),
            Some(freeswitch_response(cause.code())),
            "{cause:?}"
        );
    }
    for cause in AsteriskCause::ALL {
        assert_eq!(
            cause.response(),
            Some(asterisk_response(cause.code())),
            "{cause:?}"
        );
    }
}

#[test]
fn each_system_records_every_final_response_as_its_source_does() {
    for status in 100..=699 {
        assert_eq!(
            Gateway::FreeSwitch.cause_for_response(status),
            Some(freeswitch_cause(status)),
            "FreeSWITCH {status}"
        );
        assert_eq!(
            Gateway::Asterisk.cause_for_response(status),
            Some(asterisk_cause(status)),
            "Asterisk {status}"
        );
        let rfc = Q850::from_status_code(status).map(Q850::code);
        assert_eq!(
            Gateway::Rfc3398.cause_for_response(status),
            rfc,
            "RFC 3398 {status}"
        );
    }
    for gateway in Gateway::ALL {
        for status in [0, 99, 700, u16::MAX] {
            assert_eq!(
                gateway.cause_for_response(status),
                None,
                "{gateway} {status}"
            );
        }
    }
}

#[test]
fn the_tables_link_to_q850_and_say_where_names_clash() {
    for cause in FreeSwitchCause::ALL {
        let expected = Q850::from_code(cause.code()).filter(|_| cause.code() != 45);
        assert_eq!(cause.q850(), expected, "{cause:?}");
        if let Some(q850) = expected {
            assert!(
                cause.description().contains(&format!("Q850::{q850:?}")),
                "{cause:?}"
            );
        }
    }
    for cause in AsteriskCause::ALL {
        assert_eq!(cause.q850(), Q850::from_code(cause.code()), "{cause:?}");
    }
    assert_eq!(Q850::from_name("PRE_EMPTED"), Some(Q850::Preemption));
    assert!(Q850::Preemption.description().contains("FreeSWITCH"));
    assert!(
        FreeSwitchCause::PreEmpted
            .description()
            .contains("Q.850 leaves unassigned")
    );
}

#[test]
fn each_system_writes_its_reasons() {
    let reason = FreeSwitchCause::UserBusy.reason().expect("a Q.850 value");
    assert_eq!(reason.to_string(), r#"Q.850;cause=17;text="USER_BUSY""#);
    assert_eq!(Cause::from_reason(&reason), Some(Cause::Busy));
    assert_eq!(FreeSwitchCause::LoseRace.reason(), None);
    let reason = AsteriskCause::Preemption.reason().expect("a Q.850 value");
    assert_eq!(reason.to_string(), r#"Q.850;cause=8;text="PRE_EMPTED""#);
    for q850 in Q850::ALL {
        let written = q850.reason().to_string();
        assert_eq!(Reason::parse(&written), Ok(q850.reason()), "{written}");
    }
    // Every row's value is made (a name is always a valid text) and reads back.
    let reasons = FreeSwitchCause::ALL
        .iter()
        .map(|c| (c.reason(), c.code(), c.name()));
    let reasons = reasons.chain(
        AsteriskCause::ALL
            .iter()
            .map(|c| (c.reason(), c.code(), c.name())),
    );
    for (reason, code, name) in reasons {
        let Some(reason) = reason else {
            continue;
        };
        assert_eq!(
            reason.to_string(),
            format!(r#"Q.850;cause={code};text="{name}""#)
        );
        assert_eq!(Reason::parse(&reason.to_string()), Ok(reason), "{name}");
    }
}

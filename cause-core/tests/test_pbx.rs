//! FreeSWITCH's and Asterisk's tables, and `Gateway`, checked against the C source they were
//! read from, transcribed here apart from the TOML tables on purpose (a slip in a table must
//! fail a test): every cause value with its name (and its C names), both directions of each system's mapping with
//! its defaults, for every cause value 0..=1000 and every final response 100..=699.
//!
//! signalwire/freeswitch cc93a683: src/include/switch_types.h (`switch_call_cause_t`),
//! src/mod/endpoints/mod_sofia/mod_sofia.c (`hangup_cause_to_sip`),
//! src/mod/endpoints/mod_sofia/sofia_glue.c (`sofia_glue_sip_cause_to_freeswitch`).
//! asterisk/asterisk f0c1c1a7: include/asterisk/causes.h, channels/chan_pjsip.c
//! (`hangup_cause2sip`), res/res_pjsip.c (`ast_sip_hangup_sip2cause`),
//! res/res_pjsip_session.c (`ast_sip_session_terminate`: 603 for 0).

mod sources;

use cause_core::{AsteriskCause, Cause, FreeSwitchCause, Gateway, Q850, Reason};
use sources::{
    ASTERISK, ASTERISK_ALIASES, FREESWITCH, FROM_SIP, asterisk_cause, asterisk_response,
    freeswitch_cause, freeswitch_response,
};

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
        // The C enumerator, as switch_types.h spells it: its only other spelling.
        let c_name = format!("SWITCH_CAUSE_{name}");
        assert_eq!(cause.aliases(), [c_name.as_str()], "{name}");
        assert_eq!(c_name.parse::<FreeSwitchCause>(), Ok(cause));
        assert_eq!(FreeSwitchCause::find(&c_name.to_lowercase()), Some(cause));
    }
    assert_eq!(FreeSwitchCause::PreEmpted.code(), 45);
    assert_eq!(FreeSwitchCause::UserNotRegistered.code(), 806);
    assert_eq!(FreeSwitchCause::OriginatorCancel.code(), 487);
}

#[test]
fn asterisk_has_every_cause_by_its_name_number_alias_and_c_name() {
    assert_eq!(AsteriskCause::ALL.len(), ASTERISK.len());
    for (&cause, &(name, code)) in AsteriskCause::ALL.iter().zip(ASTERISK) {
        assert_eq!((cause.name(), cause.code()), (name, code));
        assert_eq!(AsteriskCause::from_name(name), Some(cause));
        assert_eq!(AsteriskCause::find(name), Some(cause));
    }
    // Every spelling of causes.h: each `#define` alias without its prefix, then every C name
    // in full, the cause's own and its aliases', and nothing else.
    for &cause in AsteriskCause::ALL {
        let defines = ASTERISK_ALIASES
            .iter()
            .filter(|(_, code)| *code == cause.code());
        let defines: Vec<&str> = defines.map(|(alias, _)| *alias).collect();
        let c_names = std::iter::once(cause.name()).chain(defines.iter().copied());
        let c_names = c_names.map(|name| format!("AST_CAUSE_{name}"));
        let mut expected: Vec<String> = defines.iter().map(|d| d.to_string()).collect();
        expected.extend(c_names);
        assert_eq!(cause.aliases(), expected, "{}", cause.name());
        for alias in &expected {
            assert_eq!(alias.parse::<AsteriskCause>(), Ok(cause), "{alias}");
            assert_eq!(
                AsteriskCause::find(&alias.to_lowercase()),
                Some(cause),
                "{alias}"
            );
        }
    }
    assert_eq!(
        AsteriskCause::find("AST_CAUSE_BUSY"),
        Some(AsteriskCause::UserBusy)
    );
    assert_eq!(AsteriskCause::Preemption.code(), 8);
    assert_eq!(AsteriskCause::UserBusy.to_string(), "User busy");
}

#[test]
fn each_system_maps_every_cause_value_as_its_source_does() {
    for cause in 0..=1000 {
        assert_eq!(
            Gateway::FreeSwitch.hangup_cause(cause).response(),
            Some(freeswitch_response(cause)),
            "FreeSWITCH {cause}"
        );
        assert_eq!(
            Gateway::Asterisk.hangup_cause(cause).response(),
            Some(asterisk_response(cause)),
            "Asterisk {cause}"
        );
        let rfc = Q850::from_code(cause).and_then(Q850::response);
        assert_eq!(
            Gateway::Rfc3398.hangup_cause(cause).response(),
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
            Gateway::FreeSwitch
                .for_failure_response(status)
                .map(|c| c.code()),
            Some(freeswitch_cause(status)),
            "FreeSWITCH {status}"
        );
        assert_eq!(
            Gateway::Asterisk
                .for_failure_response(status)
                .map(|c| c.code()),
            Some(asterisk_cause(status)),
            "Asterisk {status}"
        );
        // RFC 3398 §8.2.6.1, with its 31 for a rejection it does not list.
        let listed = FROM_SIP.iter().find(|(sip, _)| *sip == status);
        let rfc = listed
            .map(|&(_, cause)| cause)
            .or((400..=699).contains(&status).then_some(31));
        assert_eq!(
            Gateway::Rfc3398
                .for_failure_response(status)
                .map(|c| c.code()),
            rfc,
            "RFC 3398 {status}"
        );
    }
    for gateway in Gateway::ALL {
        for status in [0, 99, 700, u16::MAX] {
            assert_eq!(
                gateway.for_failure_response(status).map(|c| c.code()),
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

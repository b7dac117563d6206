//! The Q.850 table against RFC 3398, written out here apart from `q850.toml`: every row of
//! both directions, the classes, and the links between the two tables.

mod sources;

use cause_core::{Cause, Q850, Q850Class, Reason};
use sources::{FROM_SIP, TO_SIP};

/// The cause values of Q.850 Table 1 by class, plus Q.931's 52 and 54.
const CLASSES: &[(&str, &[u16])] = &[
    (
        "normal",
        &[
            1, 2, 3, 4, 5, 6, 7, 8, 9, 14, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31,
        ],
    ),
    ("resource", &[34, 38, 39, 40, 41, 42, 43, 44, 46, 47]),
    ("unavailable", &[49, 50, 52, 53, 54, 55, 57, 58, 62, 63]),
    ("unimplemented", &[65, 66, 69, 70, 79]),
    ("invalid", &[81, 82, 83, 84, 85, 86, 87, 88, 90, 91, 95]),
    ("protocol", &[96, 97, 98, 99, 100, 101, 102, 103, 110, 111]),
    ("interworking", &[127]),
];

#[test]
fn every_cause_value_is_there_once_in_its_class() {
    let mut all: Vec<u16> = CLASSES
        .iter()
        .flat_map(|(_, codes)| codes.iter().copied())
        .collect();
    all.sort_unstable();
    let mut table: Vec<u16> = Q850::ALL.iter().map(|q| q.code()).collect();
    table.sort_unstable();
    assert_eq!(table, all);
    for &(key, codes) in CLASSES {
        let class = Q850Class::ALL
            .iter()
            .find(|c| c.key() == key)
            .expect("the class exists");
        let members: Vec<u16> = class.causes().iter().map(|q| q.code()).collect();
        assert_eq!(members, codes, "{key}");
    }
    for code in 0..=u16::MAX {
        let expected = all.contains(&code);
        assert_eq!(Q850::from_code(code).is_some(), expected, "{code}");
        if let Some(q) = Q850::from_code(code) {
            assert_eq!(q.code(), code);
        }
    }
}

#[test]
fn q850_to_sip_is_rfc_3398_section_7_2_4_1() {
    for &q in Q850::ALL {
        let expected = TO_SIP
            .iter()
            .find(|(c, _)| *c == q.code())
            .map(|(_, sip)| *sip);
        assert_eq!(q.response(), expected, "{q:?}");
    }
}

#[test]
fn sip_to_q850_is_rfc_3398_section_8_2_6_1() {
    for code in 0..=u16::MAX {
        let expected = FROM_SIP
            .iter()
            .find(|(sip, _)| *sip == code)
            .map(|(_, q)| *q);
        assert_eq!(
            Q850::from_status_code(code).map(Q850::code),
            expected,
            "{code}"
        );
    }
    // No mapping there for these.
    for code in [487, 488, 606] {
        assert_eq!(Q850::from_status_code(code), None);
    }
}

#[test]
fn a_rejection_section_8_2_6_1_does_not_list_is_normal_unspecified() {
    // "Any SIP status codes not listed below ... should be mapping to cause code 31".
    for code in 0..=u16::MAX {
        let listed = FROM_SIP.iter().find(|(sip, _)| *sip == code);
        let expected = match (code, listed) {
            (_, Some(&(_, q))) => Some(q),
            (400..=699, None) => Some(31),
            _ => None,
        };
        assert_eq!(
            Q850::for_failure_response(code).map(Q850::code),
            expected,
            "{code}"
        );
    }
    assert_eq!(Q850::FALLBACK, Q850::NormalUnspecified);
    assert_eq!(Q850::FAILURE_CODES, 400..=699);
}

#[test]
fn names_are_freeswitch_values_are_itu_and_asterisk_spellings_parse() {
    assert_eq!(Q850::UserBusy.name(), "USER_BUSY");
    assert_eq!(Q850::NormalClearing.name(), "NORMAL_CLEARING");
    assert_eq!(Q850::UserBusy.to_string(), "User busy");
    assert_eq!(
        Q850::from_name("NORMAL_CLEARING"),
        Some(Q850::NormalClearing)
    );
    assert_eq!("User busy".parse::<Q850>(), Ok(Q850::UserBusy));
    assert_eq!("UNALLOCATED".parse::<Q850>(), Ok(Q850::UnallocatedNumber));
    assert_eq!(
        "REDIRECTED_TO_NEW_DESTINATION".parse::<Q850>(),
        Ok(Q850::RedirectionToNewDestination)
    );
    assert_eq!(
        Q850::from_code(26).map(Q850::name),
        Some("ANSWERED_ELSEWHERE")
    );
    assert!(Q850::from_code(29).unwrap().description().contains("510"));
    for (code, text) in [
        (52, "Q.931"),
        (54, "Q.931"),
        (23, "302"),
        (38, "500"),
        (58, "488"),
        (21, "603"),
        (88, "488"),
        (18, "408"),
        (19, "480"),
        (41, "503"),
    ] {
        let q = Q850::from_code(code).unwrap();
        assert!(
            q.description().contains(text),
            "{q:?} should mention {text}"
        );
    }
}

#[test]
fn the_tables_link_through_their_responses() {
    for &cause in Cause::ALL {
        let expected = match cause {
            Cause::Bye => Some(Q850::NormalClearing),
            _ => cause.response().and_then(Q850::from_status_code),
        };
        assert_eq!(cause.q850(), expected, "{cause:?}");
    }
    assert_eq!(Cause::Busy.q850(), Some(Q850::UserBusy));
    assert_eq!(Cause::Rejected.q850(), Some(Q850::CallRejected));
    assert_eq!(Cause::InternalError.q850(), Some(Q850::TemporaryFailure));
    for &q in Q850::ALL {
        let expected = match q {
            Q850::NormalClearing => Some(Cause::Bye),
            _ => q.response().and_then(Cause::for_failure_response),
        };
        assert_eq!(q.sipjs(), expected, "{q:?}");
    }
}

#[test]
fn a_q850_reason_maps_to_its_sip_cause() {
    let cause = |value: &str| Cause::from_reason(&Reason::parse(value).expect("parses"));
    assert_eq!(cause("Q.850;cause=17"), Some(Cause::Busy));
    assert_eq!(
        cause(r#"Q.850;cause=16;text="NORMAL_CLEARING""#),
        Some(Cause::Bye)
    );
    assert_eq!(cause("q.850;cause=1"), Some(Cause::NotFound));
    // 34 maps to 503, which no SIP cause lists: the fallback.
    assert_eq!(
        cause("Q.850;cause=34;location=LN"),
        Some(Cause::SipFailureCode)
    );
    assert_eq!(cause("Q.850;cause=4"), None, "no SIP response for 4");
    assert_eq!(cause("Q.850;cause=200"), None, "no such Q.850 cause");
    assert_eq!(cause("Q.850"), None);
}

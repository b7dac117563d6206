//! The Q.850 table against RFC 3398, written out here apart from `q850.toml`: every row of
//! both directions, the classes, and the links between the two tables.

use cause_core::{Cause, Q850, Q850Class, Reason};

/// Q.850 to SIP, RFC 3398 §7.2.4.1 (29 is printed there as 510; see the table's description).
const TO_SIP: &[(u16, u16)] = &[
    (1, 404),
    (2, 404),
    (3, 404),
    (17, 486),
    (18, 408),
    (19, 480),
    (20, 480),
    (21, 403),
    (22, 410),
    (23, 410),
    (26, 404),
    (27, 502),
    (28, 484),
    (29, 501),
    (31, 480),
    (34, 503),
    (38, 503),
    (41, 503),
    (42, 503),
    (47, 503),
    (55, 403),
    (57, 403),
    (58, 503),
    (65, 488),
    (70, 488),
    (79, 501),
    (87, 403),
    (88, 503),
    (102, 504),
    (111, 500),
    (127, 500),
];

/// SIP to Q.850, RFC 3398 §8.2.6.1.
const FROM_SIP: &[(u16, u16)] = &[
    (400, 41),
    (401, 21),
    (402, 21),
    (403, 21),
    (404, 1),
    (405, 63),
    (406, 79),
    (407, 21),
    (408, 102),
    (410, 22),
    (413, 127),
    (414, 127),
    (415, 79),
    (416, 127),
    (420, 127),
    (421, 127),
    (423, 127),
    (480, 18),
    (481, 41),
    (482, 25),
    (483, 25),
    (484, 28),
    (485, 1),
    (486, 17),
    (500, 41),
    (501, 79),
    (502, 38),
    (503, 41),
    (504, 102),
    (505, 127),
    (513, 127),
    (600, 17),
    (603, 21),
    (604, 1),
];

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
        assert_eq!(q.cause(), expected, "{q:?}");
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

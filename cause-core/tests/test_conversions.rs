//! What a gateway developer reaches for first: numbers in and out of a coded table, a set of
//! `Reason`s, lookups that forgive case and spaces, and the suggestions of a failed parse.

use std::collections::HashSet;

use std::fmt::{Debug, Display};

use cause_core::{
    AsteriskCause, Cause, FreeSwitchCause, JsSipCause, LinphoneReason, NoCounterpartError, Q850,
    Reason,
};

#[test]
fn a_q850_cause_is_its_code() {
    assert_eq!(Q850::UserBusy as u8, 17);
    assert_eq!(
        size_of::<Q850>(),
        1,
        "repr(u8): the table's [ranges] code is 1..=127"
    );
    for &q850 in Q850::ALL {
        assert_eq!(u16::from(q850 as u8), q850.code(), "{q850:?}");
        assert_eq!(u16::from(q850), q850.code(), "{q850:?}");
        assert_eq!(Q850::try_from(q850.code()), Ok(q850));
    }
}

#[test]
fn try_from_every_u16_agrees_with_from_code_and_names_the_code() {
    for code in 0..=u16::MAX {
        match (Q850::try_from(code), Q850::from_code(code)) {
            (Ok(q850), Some(expected)) => assert_eq!(q850, expected),
            (Err(error), None) => {
                assert_eq!(error.input(), code.to_string());
                assert_eq!(error.suggestions().count(), 0);
                if code == 200 || code == u16::MAX {
                    let expected = format!("`{code}` is not the code of any Q850");
                    assert_eq!(error.to_string(), expected);
                }
            }
            (result, expected) => panic!("{code}: try_from {result:?}, from_code {expected:?}"),
        }
    }
}

#[test]
fn q850_variants_read_as_words_and_names_stay_freeswitchs() {
    let named = [
        (
            Q850::BearerCapabilityNotAuthorized,
            "BEARERCAPABILITY_NOTAUTH",
            57,
        ),
        (Q850::InformationElementNonexistent, "IE_NONEXIST", 99),
        (
            Q850::RequestedChannelUnavailable,
            "REQUESTED_CHAN_UNAVAIL",
            44,
        ),
        (Q850::Preemption, "PRE_EMPTED", 8),
        (Q850::NoCircuitAvailable, "NORMAL_CIRCUIT_CONGESTION", 34),
    ];
    for (q850, name, code) in named {
        assert_eq!((q850.name(), q850.code()), (name, code));
        assert_eq!(Q850::from_name(name), Some(q850));
    }
}

#[test]
fn reasons_that_say_the_same_hash_the_same() {
    let set = |values: &[&'static str]| -> HashSet<Reason<'static>> {
        values.iter().map(|v| Reason::parse(v).unwrap()).collect()
    };
    let same = set(&[
        r#"SIP;cause=486;text="Busy Here""#,
        r#"sip ;cause=486; text="Busy Here""#,
        r#"SIP;text="Busy Here";cause=486"#,
        r#"Sip;CAUSE=486;TEXT="Busy \Here""#,
    ]);
    assert_eq!(same.len(), 1, "{same:?}");
    let different = set(&[
        r#"SIP;cause=486;text="Busy Here""#,
        r#"SIP;cause=487;text="Busy Here""#,
        r#"SIP;cause=486;text="busy here""#,
        r#"SIP;cause=486"#,
        r#"Q.850;cause=486;text="Busy Here""#,
        r#"SIP;cause=486;text="Busy Here";x=1"#,
        r#"SIP;cause=486;text="Busy Here";x=2"#,
    ]);
    assert_eq!(different.len(), 7, "{different:?}");
}

#[test]
fn find_forgives_case_and_spaces_over_constants_values_and_aliases() {
    assert_eq!(
        Cause::find("webrtc not supported"),
        Some(Cause::WebrtcNotSupported)
    );
    assert_eq!(Cause::find("  busy\t"), Some(Cause::Busy));
    assert_eq!(Cause::find("BUSY"), Some(Cause::Busy));
    assert_eq!(Q850::find("unallocated"), Some(Q850::UnallocatedNumber));
    assert_eq!(Q850::find("user_busy"), Some(Q850::UserBusy));
    assert_eq!(Q850::find("user busy"), Some(Q850::UserBusy));
    assert_eq!(Cause::find("nope"), None);
    assert_eq!(Cause::find(""), None);
    for &cause in Cause::ALL {
        for text in [cause.as_str(), cause.name()] {
            assert_eq!(Cause::find(text), Some(cause), "{text}");
            let loose = format!(" {} ", text.to_ascii_lowercase());
            assert_eq!(Cause::find(&loose), Some(cause), "{loose:?}");
        }
    }
    for &q850 in Q850::ALL {
        for text in [q850.as_str(), q850.name()] {
            let loose = format!(" {} ", text.to_ascii_uppercase());
            assert_eq!(Q850::find(&loose), Some(q850), "{loose:?}");
        }
    }
}

#[test]
fn a_failed_parse_suggests_what_its_message_offers() {
    let error = "Bussy".parse::<Cause>().unwrap_err();
    assert_eq!(error.suggestions().collect::<Vec<_>>(), ["Busy"]);
    assert_eq!(
        error.to_string(),
        "`Bussy` is not the value of any Cause: did you mean \"Busy\"?"
    );
    // A constant counts too, and offers its value.
    let error = "USR_BUSY".parse::<Q850>().unwrap_err();
    assert_eq!(error.suggestions().next(), Some("User busy"));
    let error = "CANCELD".parse::<Cause>().unwrap_err();
    assert_eq!(error.suggestions().next(), Some("Canceled"));
    assert_eq!(
        "zzzzzzzz"
            .parse::<Cause>()
            .unwrap_err()
            .suggestions()
            .count(),
        0
    );
    // Each offered once, at most three.
    for input in ["Busy ", "Canceled!", "sip failure code", "Q", "Not Found"] {
        if let Err(error) = input.parse::<Cause>() {
            let offered: Vec<_> = error.suggestions().collect();
            let unique: HashSet<_> = offered.iter().collect();
            assert!(
                offered.len() <= 3 && unique.len() == offered.len(),
                "{offered:?}"
            );
        }
    }
}

/// Every value of `all` through `TryFrom`, against the link it follows, and the error's words.
fn every_link<F, T>(all: &[F], link: impl Fn(F) -> Option<T>, from: &str, to: &str)
where
    F: Copy + PartialEq + Debug + Display,
    T: TryFrom<F, Error = NoCounterpartError<F>> + PartialEq + Debug,
{
    let mut missing = 0;
    for &value in all {
        match (T::try_from(value), link(value)) {
            (Ok(converted), Some(linked)) => assert_eq!(converted, linked, "{value:?}"),
            (Err(error), None) => {
                missing += 1;
                assert_eq!(error.value(), value);
                assert_eq!(error.target(), to);
                assert_eq!(
                    error.to_string(),
                    format!("the {from} `{value}` has no {to} counterpart")
                );
            }
            (converted, linked) => panic!("{value:?}: {converted:?} but the link says {linked:?}"),
        }
    }
    // No link is total: else it would be a `From`.
    assert!(missing > 0, "{from} -> {to}");
}

#[test]
fn linked_tables_convert_both_ways_where_a_cause_has_a_counterpart() {
    every_link(Cause::ALL, Cause::q850, "Cause", "Q850");
    every_link(Q850::ALL, Q850::sipjs, "Q850", "Cause");
    every_link(Cause::ALL, Cause::jssip, "Cause", "JsSipCause");
    every_link(JsSipCause::ALL, JsSipCause::sipjs, "JsSipCause", "Cause");
    let (linphone, sipjs) = (LinphoneReason::ALL, LinphoneReason::sipjs);
    every_link(linphone, sipjs, "LinphoneReason", "Cause");
    every_link(Cause::ALL, Cause::linphone, "Cause", "LinphoneReason");
    every_link(
        linphone,
        LinphoneReason::jssip,
        "LinphoneReason",
        "JsSipCause",
    );
    every_link(
        JsSipCause::ALL,
        JsSipCause::linphone,
        "JsSipCause",
        "LinphoneReason",
    );
    every_link(
        FreeSwitchCause::ALL,
        FreeSwitchCause::q850,
        "FreeSwitchCause",
        "Q850",
    );
    let fs = |q: Q850| FreeSwitchCause::from_code(q.code());
    every_link(Q850::ALL, fs, "Q850", "FreeSwitchCause");
    every_link(
        AsteriskCause::ALL,
        AsteriskCause::q850,
        "AsteriskCause",
        "Q850",
    );
    let asterisk = |q: Q850| AsteriskCause::from_code(q.code());
    every_link(Q850::ALL, asterisk, "Q850", "AsteriskCause");
    assert_eq!(
        FreeSwitchCause::try_from(Q850::UserBusy),
        Ok(FreeSwitchCause::UserBusy)
    );
    assert!(FreeSwitchCause::try_from(Q850::Preemption).is_err());
}

//! The Reason registry: `ReasonProtocol` against IANA's registry written out apart, how a token
//! is compared, and `ReasonCause` for every row of every protocol's table, read back from the
//! `Reason` that says it; RFC 9366's several values of one protocol in one header field; RFC
//! 8606's `location`.
//!
//! `cargo test -p cause-core --all-features --test test_registry` runs it with every table;
//! `cargo test -p cause-core --features reason-protocols --test test_registry` with none but
//! SIP's and Q.850's, where every other protocol's cause is its protocol and its number.

use cause_core::{Cause, Location, Q850, Reason, ReasonCause, ReasonProtocol, reason_phrase};

/// IANA's "Reason Protocols" registry (sip-parameters-3), in its order: each token and a part
/// of its reference that the variant's description must cite.
const IANA: [(&str, &str); 22] = [
    ("SIP", "RFC 3261"),
    ("Q.850", "Q.850"),
    ("Preemption", "RFC 4411"),
    ("EMM", "3GPP TS 24.301 subclause 9.9.3.9, Table 9.9.3.9.1"),
    ("ESM", "3GPP TS 24.301 subclause 9.9.4.4, Table 9.9.4.4.1"),
    ("S1AP-RNL", "3GPP TS 36.413"),
    ("S1AP-TL", "3GPP TS 36.413 subclause 9.2.1.3"),
    ("S1AP-NAS", "3GPP TS 36.413 subclause 9.2.1.3"),
    ("S1AP-MISC", "3GPP TS 36.413 subclause 9.2.1.3"),
    ("S1AP-PROT", "3GPP TS 36.413 subclause 9.2.1.3"),
    ("DIAMETER", "3GPP TS 29.274 subclause 8.103"),
    ("IKEV2", "3GPP TS 29.274 subclause 8.103"),
    ("RELEASE_CAUSE", "3GPP TS 24.229"),
    ("FAILURE_CAUSE", "3GPP TS 24.229"),
    ("STIR", "RFC 8224"),
    ("5GMM", "3GPP TS 24.501 subclause 9.11.3.2"),
    ("5GSM", "3GPP TS 24.501 subclause 9.11.4.2"),
    ("NGAP-RNL", "3GPP TS 38.413 subclause 9.3.1.2"),
    ("NGAP-TL", "3GPP TS 38.413 subclause 9.3.1.2"),
    ("NGAP-NAS", "3GPP TS 38.413 subclause 9.3.1.2"),
    ("NGAP-MISC", "3GPP TS 38.413 subclause 9.3.1.2"),
    ("NGAP-PROT", "3GPP TS 38.413 subclause 9.3.1.2"),
];

/// How many causes each protocol's table holds, and its cargo feature: written out apart.
const ROWS: [(&str, usize, &str); 20] = [
    ("Preemption", 4, "preemption"),
    ("EMM", 37, "nas"),
    ("ESM", 47, "nas"),
    ("S1AP-RNL", 44, "ran"),
    ("S1AP-TL", 2, "ran"),
    ("S1AP-NAS", 6, "ran"),
    ("S1AP-MISC", 6, "ran"),
    ("S1AP-PROT", 7, "ran"),
    ("DIAMETER", 30, "wlan"),
    ("IKEV2", 22, "wlan"),
    ("RELEASE_CAUSE", 7, "ims"),
    ("FAILURE_CAUSE", 3, "ims"),
    ("STIR", 5, "stir"),
    ("5GMM", 42, "nas"),
    ("5GSM", 44, "nas"),
    ("NGAP-RNL", 53, "ran"),
    ("NGAP-TL", 2, "ran"),
    ("NGAP-NAS", 5, "ran"),
    ("NGAP-MISC", 6, "ran"),
    ("NGAP-PROT", 7, "ran"),
];

/// Whether this build has the table of `feature`.
fn built(feature: &str) -> bool {
    match feature {
        "preemption" => cfg!(feature = "preemption"),
        "nas" => cfg!(feature = "nas"),
        "ran" => cfg!(feature = "ran"),
        "wlan" => cfg!(feature = "wlan"),
        "ims" => cfg!(feature = "ims"),
        "stir" => cfg!(feature = "stir"),
        _ => panic!("no feature {feature}"),
    }
}

fn registered() -> impl Iterator<Item = ReasonProtocol> {
    ReasonProtocol::ALL
        .iter()
        .copied()
        .filter(|p| p.is_registered())
}

#[test]
fn the_protocols_are_the_registrys_in_its_order_and_cite_its_references() {
    let tokens: Vec<&str> = registered().map(ReasonProtocol::as_str).collect();
    let iana: Vec<&str> = IANA.iter().map(|(token, _)| *token).collect();
    assert_eq!(tokens, iana);
    assert_eq!(
        ReasonProtocol::ALL.last(),
        Some(&ReasonProtocol::Unregistered)
    );
    assert_eq!(ReasonProtocol::ALL.len(), 23);
    for (protocol, (token, reference)) in registered().zip(IANA) {
        assert!(
            protocol.description().contains(reference),
            "{token}: {}",
            protocol.description()
        );
    }
    // Each description names the type of its causes, and the type's feature.
    for (token, _, feature) in ROWS {
        let description = ReasonProtocol::from_token(token).description();
        assert!(
            description.contains(&format!("(feature `{feature}`)")),
            "{token}: {description}"
        );
    }
}

/// Every case of `token`: as written, lower, upper, and each letter flipped in turn.
fn cases(token: &str) -> Vec<String> {
    let mut cases = vec![
        token.to_owned(),
        token.to_ascii_lowercase(),
        token.to_ascii_uppercase(),
    ];
    for (i, c) in token
        .char_indices()
        .filter(|(_, c)| c.is_ascii_alphabetic())
    {
        let flipped = match c.is_ascii_lowercase() {
            true => c.to_ascii_uppercase(),
            false => c.to_ascii_lowercase(),
        };
        cases.push(format!("{}{flipped}{}", &token[..i], &token[i + 1..]));
    }
    cases
}

#[test]
fn a_token_is_its_protocol_in_any_ascii_case_and_in_no_other_spelling() {
    for protocol in registered() {
        for token in cases(protocol.as_str()) {
            assert_eq!(ReasonProtocol::from_token(&token), protocol, "{token}");
            let value = format!("{token};cause=1");
            let reason = Reason::parse(&value).unwrap();
            assert_eq!(ReasonProtocol::from_reason(&reason), protocol, "{token}");
        }
        // The constant is no token, unless it is spelled like one.
        let constant = protocol.name();
        let same = constant.eq_ignore_ascii_case(protocol.as_str());
        assert_eq!(
            ReasonProtocol::from_token(constant) == protocol,
            same,
            "{constant}"
        );
        for near in [
            format!(" {}", protocol.as_str()),
            format!("{}x", protocol.as_str()),
        ] {
            assert_eq!(
                ReasonProtocol::from_token(&near),
                ReasonProtocol::Unregistered,
                "{near:?}"
            );
        }
    }
    for other in [
        "",
        "Q850",
        "Q 850",
        "S1AP_RNL",
        "FIVE_GMM",
        "X-ACME",
        "unregistered",
        "UNREGISTERED",
    ] {
        assert_eq!(
            ReasonProtocol::from_token(other),
            ReasonProtocol::Unregistered,
            "{other}"
        );
    }
    // RFC 4411's own example writes the token in lower case.
    let reason = Reason::parse(r#"preemption;cause=1;text="UA Preemption""#).unwrap();
    assert_eq!(
        ReasonProtocol::from_reason(&reason),
        ReasonProtocol::Preemption
    );
    // `find` and `FromStr` are for people: they read constants too.
    assert_eq!("FIVE_GMM".parse(), Ok(ReasonProtocol::FiveGmm));
    assert_eq!(
        ReasonProtocol::find(" 5gmm "),
        Some(ReasonProtocol::FiveGmm)
    );
}

#[test]
fn every_cause_of_every_table_reads_back_from_the_reason_that_says_it() {
    for (token, rows, feature) in ROWS {
        let protocol = ReasonProtocol::from_token(token);
        let causes: Vec<ReasonCause> = protocol.causes().collect();
        assert_eq!(
            causes.len(),
            if built(feature) { rows } else { 0 },
            "{token}"
        );
        for cause in causes {
            check_cause(protocol, cause);
        }
    }
    let sip: Vec<ReasonCause> = ReasonProtocol::Sip.causes().collect();
    assert_eq!(
        sip.len(),
        (100..=699).filter(|&c| reason_phrase(c).is_some()).count()
    );
    let q850: Vec<ReasonCause> = ReasonProtocol::Q850.causes().collect();
    assert_eq!(q850.len(), Q850::ALL.len());
    for cause in sip.into_iter().chain(q850) {
        check_cause(cause.protocol(), cause);
    }
    assert_eq!(ReasonProtocol::Unregistered.causes().count(), 0);
}

/// `cause`, of `protocol`'s table: its number gives it back, and so does the `Reason` value it
/// writes, which names it by its table's text.
fn check_cause(protocol: ReasonProtocol, cause: ReasonCause) {
    assert_eq!(cause.protocol(), protocol);
    assert_eq!(ReasonCause::new(protocol, cause.code()), cause);
    assert!(!matches!(cause, ReasonCause::Other(..)), "{cause:?}");
    let reason = cause.reason().expect("a registered protocol's value");
    let written = reason.to_string();
    let read = Reason::parse(&written).unwrap();
    assert_eq!(read, reason, "{written}");
    assert_eq!(ReasonCause::from_reason(&read), Some(cause), "{written}");
    assert_eq!(read.protocol(), protocol.as_str());
    let text = read.text().map(|t| t.to_string());
    match cause {
        ReasonCause::Q850(q850) => assert_eq!(text.as_deref(), Some(q850.name())),
        _ => assert_eq!(text.as_deref(), cause.as_str(), "{written}"),
    }
    if !matches!(cause, ReasonCause::Sip(_)) {
        assert!(
            cause.name().is_some() && cause.description().is_some(),
            "{cause:?}"
        );
    }
}

#[test]
fn a_number_a_table_lacks_keeps_its_protocol_and_number() {
    for protocol in ReasonProtocol::ALL.iter().copied() {
        let mut listed: Vec<u16> = protocol.causes().map(ReasonCause::code).collect();
        if protocol == ReasonProtocol::Sip {
            // A status code is SIP's cause whether or not the registry names it.
            listed = (100..=699).collect();
        }
        for code in 0..=u16::MAX {
            let cause = ReasonCause::new(protocol, code);
            assert_eq!((cause.protocol(), cause.code()), (protocol, code));
            let other = matches!(cause, ReasonCause::Other(..));
            assert_eq!(other, !listed.contains(&code), "{protocol:?} {code}");
            if other {
                assert_eq!(cause.name(), None);
                assert_eq!(cause.as_str(), None);
            }
        }
    }
    assert_eq!(
        ReasonCause::new(ReasonProtocol::Sip, 99),
        ReasonCause::Other(ReasonProtocol::Sip, 99)
    );
    assert_eq!(
        ReasonCause::new(ReasonProtocol::Q850, 0),
        ReasonCause::Other(ReasonProtocol::Q850, 0)
    );
}

#[test]
fn a_protocol_whose_table_is_left_out_gives_its_protocol_and_number() {
    let reason = Reason::parse("5GMM;cause=7").unwrap();
    let cause = ReasonCause::from_reason(&reason).unwrap();
    assert_eq!(
        (cause.protocol(), cause.code()),
        (ReasonProtocol::FiveGmm, 7)
    );
    #[cfg(feature = "nas")]
    assert_eq!(
        cause,
        ReasonCause::FiveGmm(cause_core::FiveGmmCause::FiveGsServicesNotAllowed)
    );
    #[cfg(not(feature = "nas"))]
    assert_eq!(cause, ReasonCause::Other(ReasonProtocol::FiveGmm, 7));
    // Either way, the value it writes says the same.
    assert_eq!(cause.reason().unwrap().code(), Some(7));
}

#[test]
fn sip_and_q850_keep_their_meaning() {
    let busy = Reason::parse(r#"SIP;cause=486;text="Busy Here""#).unwrap();
    assert_eq!(ReasonCause::from_reason(&busy), Some(ReasonCause::Sip(486)));
    assert_eq!(ReasonCause::Sip(486).as_str(), Some("Busy Here"));
    assert_eq!(ReasonCause::Sip(486).name(), None);
    // SIP.js's reading is `Cause::from_reason`'s, unchanged: a call answered elsewhere is no
    // failure there, and a status code here.
    assert_eq!(Cause::from_reason(&busy), Some(Cause::Busy));
    let elsewhere = Reason::parse("SIP;cause=200").unwrap();
    assert_eq!(Cause::from_reason(&elsewhere), None);
    assert_eq!(
        ReasonCause::from_reason(&elsewhere),
        Some(ReasonCause::Sip(200))
    );
    let q850 = Reason::parse("Q.850;cause=17").unwrap();
    assert_eq!(
        ReasonCause::from_reason(&q850),
        Some(ReasonCause::Q850(Q850::UserBusy))
    );
    assert_eq!(
        ReasonCause::Q850(Q850::UserBusy).reason(),
        Some(Q850::UserBusy.reason())
    );
}

#[test]
fn an_unregistered_protocol_keeps_its_number_and_writes_nothing() {
    let reason = Reason::parse("X-ACME;cause=5;text=\"ours\"").unwrap();
    let cause = ReasonCause::from_reason(&reason).unwrap();
    assert_eq!(cause, ReasonCause::Other(ReasonProtocol::Unregistered, 5));
    assert_eq!(cause.reason(), None);
    assert_eq!(
        ReasonCause::from_reason(&Reason::parse("EMM").unwrap()),
        None
    );
    // A registered protocol with an unlisted number writes its value without text.
    let other = ReasonCause::Other(ReasonProtocol::Emm, 250)
        .reason()
        .unwrap();
    assert_eq!(other.to_string(), "EMM;cause=250");
}

/// RFC 9366: several values of one protocol in one header field, where the protocol says what
/// that means (STIR, RFC 9410), are read, in order, as the other values are.
#[test]
fn several_values_of_one_protocol_are_read_in_order() {
    let header = concat!(
        r#"STIR;cause=436;text="Bad Identity Info", "#,
        r#"STIR ;cause=438 ;text="Invalid Identity Header","#,
        "\r\n SIP;cause=480, STIR;cause=428",
    );
    let values: Vec<Reason<'_>> = Reason::parse_list(header)
        .collect::<Result<_, _>>()
        .unwrap();
    let read: Vec<(&str, Option<u16>)> = values.iter().map(|r| (r.protocol(), r.code())).collect();
    assert_eq!(
        read,
        [
            ("STIR", Some(436)),
            ("STIR", Some(438)),
            ("SIP", Some(480)),
            ("STIR", Some(428))
        ]
    );
    let causes: Vec<ReasonCause> = values.iter().filter_map(ReasonCause::from_reason).collect();
    let codes: Vec<(ReasonProtocol, u16)> =
        causes.iter().map(|c| (c.protocol(), c.code())).collect();
    assert_eq!(
        codes,
        [
            (ReasonProtocol::Stir, 436),
            (ReasonProtocol::Stir, 438),
            (ReasonProtocol::Sip, 480),
            (ReasonProtocol::Stir, 428),
        ]
    );
    #[cfg(feature = "stir")]
    assert_eq!(causes[0].as_str(), Some("Bad Identity Info"));
    // The same field as a whole header line, from a trace.
    let line = format!("Reason: {header}\r\n");
    let again: Vec<Reason<'_>> = Reason::parse_header_line(&line)
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(again, values);
}

/// RFC 8224's phrases, written out apart, and 403 with the phrase of its section 6.2.2.
#[test]
fn stir_causes_are_rfc_8224s_phrases() {
    #[cfg(feature = "stir")]
    {
        let rfc_8224 = [
            (403, "Stale Date"),
            (428, "Use Identity Header"),
            (436, "Bad Identity Info"),
            (437, "Unsupported Credential"),
            (438, "Invalid Identity Header"),
        ];
        let rows: Vec<(u16, &str)> = cause_core::StirCause::ALL
            .iter()
            .map(|c| (c.code(), c.as_str()))
            .collect();
        assert_eq!(rows, rfc_8224);
    }
    // causes.toml's `[reason-phrases]` agree on 428 and 438, and keep RFC 4474's phrases for
    // 436 and 437, which RFC 8224 renamed in IANA's registry (noticed here, not changed here).
    assert_eq!(reason_phrase(428), Some("Use Identity Header"));
    assert_eq!(reason_phrase(438), Some("Invalid Identity Header"));
    assert_eq!(reason_phrase(436), Some("Bad Identity-Info"));
    assert_eq!(reason_phrase(437), Some("Unsupported Certificate"));
}

#[test]
fn rfc_8606_locations_are_read_and_written() {
    let codes: Vec<u8> = Location::ALL.iter().map(|l| l.code()).collect();
    assert_eq!(codes, [0, 1, 2, 3, 4, 5, 7, 10]);
    let tokens: Vec<&str> = Location::ALL.iter().map(|l| l.as_str()).collect();
    assert_eq!(tokens, ["U", "LPN", "LN", "TN", "RLN", "RPN", "INTL", "BI"]);
    for &location in Location::ALL {
        assert_eq!(Location::from_code(location.code()), Some(location));
        for token in cases(location.as_str()) {
            assert_eq!(token.parse::<Location>(), Ok(location), "{token}");
        }
        // Written by the builders, read back by the parser.
        let reason = Q850::NoCircuitAvailable.reason().with_location(location);
        let written = reason.to_string();
        assert_eq!(
            written,
            format!(r#"Q.850;cause=34;text="NORMAL_CIRCUIT_CONGESTION";location={location}"#)
        );
        let read = Reason::parse(&written).unwrap();
        assert_eq!((read, read.location()), (reason, Some(location)));
        let lower = format!(
            "Q.850 ; cause=34 ; location={}",
            location.as_str().to_lowercase()
        );
        assert_eq!(Reason::parse(&lower).unwrap().location(), Some(location));
        let spaced = format!("Q.850 ; cause=34 ; location={location}");
        let built = Reason::new("Q.850", 34, None)
            .unwrap()
            .with_location(location);
        assert_eq!(Reason::parse(&spaced).unwrap(), built);
    }
    for code in (0..16).filter(|c| ![0, 1, 2, 3, 4, 5, 7, 10].contains(c)) {
        assert_eq!(Location::from_code(code), None, "{code}");
    }
    let unknown = Reason::parse("Q.850;cause=34;location=MARS").unwrap();
    assert_eq!(
        (unknown.location(), unknown.param("location")),
        (None, Some("MARS"))
    );
    assert!("MARS".parse::<Location>().is_err());
    // A value's other parameters give way to the location.
    let other = Reason::parse("Q.850;cause=34;ppi=x")
        .unwrap()
        .with_location(Location::Tn);
    assert_eq!(other.to_string(), "Q.850;cause=34;location=TN");
}

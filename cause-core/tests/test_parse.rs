//! Strings to causes and back: `FromStr`, `Display`, `from_name`.

mod common;

use std::error::Error as _;

use cause_core::{Cause, ParseCauseError};
use common::{ALIASES, ROWS};

#[test]
fn display_and_from_str_round_trip_every_value() {
    for row in ROWS {
        assert_eq!(row.cause.to_string(), row.value);
        assert_eq!(row.value.parse::<Cause>(), Ok(row.cause));
        let text: &'static str = row.cause.into();
        assert_eq!(text, row.value);
    }
}

#[test]
fn from_name_round_trips_every_constant() {
    for row in ROWS {
        assert_eq!(Cause::from_name(row.constant), Some(row.cause));
        assert_eq!(Cause::from_name(row.cause.name()), Some(row.cause));
    }
}

#[test]
fn aliases_parse_to_their_cause() {
    for (alias, cause) in ALIASES {
        assert_eq!(alias.parse::<Cause>(), Ok(*cause));
        assert_ne!(
            cause.to_string(),
            *alias,
            "Display prints the value, not the alias"
        );
    }
}

#[test]
fn constants_parse_to_their_cause_as_serde_reads_them() {
    for row in ROWS {
        assert_eq!(
            row.constant.parse::<Cause>(),
            Ok(row.cause),
            "{}",
            row.constant
        );
        assert_eq!(Cause::find(row.constant), Some(row.cause));
    }
}

#[test]
fn parsing_is_exact() {
    let misses = [
        "",
        "busy",
        "Busy_",
        " BUSY",
        " Busy",
        "Busy ",
        "Invalid Target",
        "No Ack",
        "Bus",
    ];
    for miss in misses {
        assert!(miss.parse::<Cause>().is_err(), "{miss:?} parsed");
    }
    assert_eq!(Cause::from_name("Busy"), None);
    assert_eq!(Cause::from_name("busy"), None);
    assert_eq!(Cause::from_name(""), None);
}

#[test]
fn parse_error_names_the_input_and_the_closest_values() {
    let message = |s: &str| s.parse::<Cause>().unwrap_err().to_string();
    assert_eq!(message("nope"), "`nope` is not the value of any Cause");
    assert_eq!(
        message("Bussy"),
        "`Bussy` is not the value of any Cause: did you mean \"Busy\"?"
    );
    assert_eq!(
        message("canceled"),
        "`canceled` is not the value of any Cause: did you mean \"Canceled\"?"
    );
    // Every value in another case is the first suggestion (distance 0, case aside).
    for row in ROWS {
        let upper = row.value.to_uppercase();
        // A value in capitals may be a constant, which parses.
        if upper == row.value || ROWS.iter().any(|other| other.constant == upper) {
            continue;
        }
        let error = message(&upper);
        let first = format!(
            "`{upper}` is not the value of any Cause: did you mean {:?}",
            row.value
        );
        assert!(error.starts_with(&first), "{error}");
    }
    // Several near values, best first; an alias counts as a value.
    assert_eq!(
        message("No ACKS"),
        "`No ACKS` is not the value of any Cause: did you mean \"No ACK\"?"
    );
    assert_eq!(
        message("WebRTC Not Supportd"),
        "`WebRTC Not Supportd` is not the value of any Cause: did you mean \"WebRTC not supported\" or \"WebRTC Not Supported\"?"
    );
    let error: ParseCauseError = "nope".parse::<Cause>().unwrap_err();
    assert_eq!(error.input(), "nope");
    assert!(!error.is_cut());
    assert_eq!(
        format!("{error:?}"),
        "ParseCauseError { input: \"nope\", cut: false }"
    );
    assert!(error.source().is_none());
    // A long input is kept in part, cut on a character boundary.
    let long = format!("{}é and more", "x".repeat(31));
    let error = long.parse::<Cause>().unwrap_err();
    assert_eq!(error.input(), "x".repeat(31));
    assert!(error.is_cut());
    assert_eq!(
        error.to_string(),
        format!("`{}\u{2026}` is not the value of any Cause", "x".repeat(31))
    );
}

#[test]
fn the_error_keeps_every_length_exactly() {
    // Each length the copy handles its own way: below 4 bytes, 4..8, 8..16, 16..=32, longer;
    // and a character cut at every offset near the end.
    for len in 0..=40 {
        let input: String = (0..len)
            .map(|i| char::from(b'a' + (i % 26) as u8))
            .collect();
        let error = input.parse::<Cause>().unwrap_err();
        assert_eq!(error.input(), &input[..len.min(32)], "{len}");
        assert_eq!(error.is_cut(), len > 32, "{len}");
        let wide = format!("{}\u{1F4DE}", &input[..len.min(31)]);
        let kept = wide.parse::<Cause>().unwrap_err();
        let expected = if wide.len() <= 32 {
            wide.as_str()
        } else {
            &input[..len.min(31)]
        };
        assert_eq!(kept.input(), expected, "{len}");
    }
}

#[test]
fn display_honours_width_and_alignment() {
    assert_eq!(format!("[{:>6}]", Cause::Busy), "[  Busy]");
    assert_eq!(format!("[{:<6}]", Cause::Busy), "[Busy  ]");
}

#[test]
fn the_error_keeps_every_length_of_input_byte_for_byte() {
    // Distinct bytes at every position, so that a misplaced or lost byte shows.
    let text: String = (0..40).map(|i| char::from(b'!' + i)).collect();
    for len in 0..=40 {
        let input = &text[..len];
        let error = input.parse::<Cause>().unwrap_err();
        assert_eq!(error.input(), &text[..len.min(32)], "{len}");
        assert_eq!(error.is_cut(), len > 32, "{len}");
    }
    // Cut inside a character: the kept input ends before it.
    let text = format!("{}é", "x".repeat(31));
    assert_eq!(text.parse::<Cause>().unwrap_err().input(), "x".repeat(31));
}

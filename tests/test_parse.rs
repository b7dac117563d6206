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
fn parsing_is_exact() {
    let misses = [
        "",
        "busy",
        "BUSY",
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
fn parse_error_says_what_was_expected() {
    let error: ParseCauseError = "nope".parse::<Cause>().unwrap_err();
    let expected_values: Vec<String> = ROWS.iter().map(|r| format!("{:?}", r.value)).collect();
    assert_eq!(
        error.to_string(),
        format!(
            "not the value of any Cause: expected one of {}",
            expected_values.join(", ")
        )
    );
    assert!(error.source().is_none());
}

#[test]
fn display_honours_width_and_alignment() {
    assert_eq!(format!("[{:>6}]", Cause::Busy), "[  Busy]");
    assert_eq!(format!("[{:<6}]", Cause::Busy), "[Busy  ]");
}

//! `Reason::parse_list` reads a header field in one pass, each value ending at its comma: it
//! must read what splitting the field at its commas outside quoted strings, then parsing each
//! piece with `Reason::parse`, reads (the parser did that before, in two passes).

use cause_core::{ParseReasonError, Reason};
use proptest::prelude::*;

/// The pieces a field is cut into at each comma outside a quoted string (a `\` in quotes
/// escapes the next byte), with the offset each starts at.
fn pieces(field: &str) -> Vec<(usize, &str)> {
    let (mut quoted, mut escaped, mut start) = (false, false, 0);
    let mut pieces = Vec::new();
    for (i, b) in field.bytes().enumerate() {
        match (quoted, escaped, b) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (_, false, b'"') => quoted = !quoted,
            (false, _, b',') => {
                pieces.push((start, &field[start..i]));
                start = i + 1;
            }
            _ => {}
        }
    }
    pieces.push((start, &field[start..]));
    pieces
}

/// A value or an error, the error's offset counted from the start of the field.
fn shown(item: Result<Reason<'_>, ParseReasonError>, start: usize) -> String {
    match item {
        Ok(reason) => format!("{reason:?}"),
        Err(error) => format!("{:?} at {}", error.kind(), start + error.offset()),
    }
}

fn two_passes(field: &str) -> Vec<String> {
    let parsed = pieces(field).into_iter();
    parsed
        .map(|(start, piece)| shown(Reason::parse(piece), start))
        .collect()
}

fn one_pass(field: &str) -> Vec<String> {
    Reason::parse_list(field)
        .map(|item| shown(item, 0))
        .collect()
}

#[test]
fn a_list_is_read_as_its_pieces_are() {
    for field in [
        "",
        ",",
        "SIP;cause=486, Q.850;cause=16",
        r#"SIP;text="a, b", Q.850"#,
        r#"SIP;x=a"b, c", STIR"#,
        r#"SIP;cause=1"x", Q.850"#,
        r#"SIP;text="open, Q.850"#,
        "SIP;cause=, Q.850;cause=16,",
        "SIP;x=[::1,], Q.850",
        " , SIP ,Q.850 ; cause = 16 , ",
    ] {
        assert_eq!(one_pass(field), two_passes(field), "{field:?}");
    }
}

/// Pieces of `Reason` values, quotes, escapes, separators and line breaks, so that random
/// fields hit every rule and every way a value can end.
const FRAGMENTS: &[&str] = &[
    "SIP", "Q.850", "cause", "TEXT", "loc", "=", ";", ",", ",", "\"", "\"", "\\", " ", "\t",
    "\r\n", "\r\n ", "\r", "\n", "[", "]", "::1", "486", "65536", "é", "\u{1}", "x", "@",
    "\"a, b\"", "\\\"",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn any_list_is_read_as_its_pieces_are(
        parts in prop::collection::vec(prop::sample::select(FRAGMENTS), 0..24)
    ) {
        let field = parts.concat();
        prop_assert_eq!(one_pass(&field), two_passes(&field), "{:?}", field);
    }
}

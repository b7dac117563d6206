//! `Reason::parse_header_line`: a whole `Reason` header line as read from a socket, name, colon,
//! folds and line end included; and `Reason::parse` and `parse_list` naming it when they are
//! given such a line.

use cause_core::{ParseReasonError, Reason, ReasonErrorKind};
use proptest::prelude::*;

/// Each value's protocol, cause and unescaped text, or the error's kind and offset.
type Read = Result<(String, Option<u16>, Option<String>), (ReasonErrorKind, usize)>;

fn read(item: Result<Reason<'_>, ParseReasonError>) -> Read {
    item.map(|r| {
        let text = r.text().map(|t| t.to_string());
        (r.protocol().to_owned(), r.code(), text)
    })
    .map_err(|e| (e.kind(), e.offset()))
}

fn line(line: &str) -> Vec<Read> {
    let values = Reason::parse_header_line(line).unwrap_or_else(|e| panic!("{line:?}: {e}"));
    values.map(read).collect()
}

fn value(protocol: &str, cause: u16, text: Option<&str>) -> Read {
    Ok((protocol.to_owned(), Some(cause), text.map(str::to_owned)))
}

#[test]
fn a_line_is_read_with_its_name_and_line_end() {
    let q850 = || vec![value("Q.850", 34, None)];
    for text in [
        "Reason: Q.850;cause=34",
        "Reason: Q.850;cause=34\r\n",
        "Reason: Q.850;cause=34\n",
        "Reason:Q.850;cause=34",
        "REASON: Q.850;cause=34",
        "reason : Q.850;cause=34",
        "ReAsOn \t:\tQ.850 ; cause = 34 \r\n",
        "Reason:\r\n Q.850;cause=34\r\n",
    ] {
        assert_eq!(line(text), q850(), "{text:?}");
    }
    let busy = || value("SIP", 486, Some("Busy Here"));
    assert_eq!(
        line("Reason: SIP;cause=486;text=\"Busy Here\"\r\n"),
        [busy()]
    );
    // Folded over three lines, with a list: what RFC 3261 §7.3.1 allows a sender to write.
    let folded = "Reason: SIP ;cause=486\r\n ;text=\"Busy Here\",\r\n\tQ.850;cause=17\r\n";
    assert_eq!(line(folded), [busy(), value("Q.850", 17, None)]);
    // A comma inside quotes separates nothing, on a line as in a value.
    assert_eq!(
        line("Reason: SIP;cause=480;text=\"a, b\", Q.850;cause=18\n"),
        [value("SIP", 480, Some("a, b")), value("Q.850", 18, None)]
    );
}

#[test]
fn errors_in_values_count_from_the_start_of_the_line() {
    use ReasonErrorKind::*;
    let cases: &[(&str, &[Read])] = &[
        ("Reason: SIP;cause=4x6\r\n", &[Err((CauseNotDigits, 18))]),
        ("Reason:", &[Err((Empty, 7))]),
        ("Reason: \r\n", &[Err((Empty, 8))]),
        // One line end is the line's; a second is no part of any value.
        ("Reason: SIP\r\n\r\n", &[Err((TrailingCharacters, 11))]),
        ("Reason: SIP\r\nVia: x", &[Err((TrailingCharacters, 11))]),
        // A line fold is CRLF with a space or tab: a lone LF ends the line, and more is left.
        ("Reason: SIP\n ;cause=1", &[Err((InvalidToken, 11))]),
        (
            "Reason: SIP\r\n \r\n ;cause=1",
            &[Err((EmptyFoldedLine, 14))],
        ),
        (
            "Reason: SIP;cause=1, S@P, Q.850",
            &[
                Ok(("SIP".to_owned(), Some(1), None)),
                Err((InvalidToken, 22)),
                Ok(("Q.850".to_owned(), None, None)),
            ],
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(line(text), *expected, "{text:?}");
    }
}

#[test]
fn a_line_of_another_header_is_no_reason_line() {
    let message = "not a `Reason` header line: expected `Reason:` at its start";
    for (text, offset) in [
        ("Via: SIP/2.0/UDP pc33.example.com", 0),
        ("Reasons: SIP;cause=486", 0),
        ("X-Reason: SIP;cause=486", 0),
        ("Q.850;cause=16", 0),
        ("", 0),
        // White space first is a folded line's continuation, not a header line.
        (" Reason: SIP", 0),
        // The name without its colon.
        ("Reason SIP;cause=486", 7),
        ("Reason\r\n : SIP", 6),
    ] {
        let error = Reason::parse_header_line(text).unwrap_err();
        assert_eq!(
            (error.kind(), error.offset()),
            (ReasonErrorKind::NotReasonHeader, offset),
            "{text:?}"
        );
        assert_eq!(error.to_string(), format!("{message}, at byte {offset}"));
    }
}

#[test]
fn a_value_that_is_a_line_names_the_call_that_reads_one() {
    let message = |offset: usize| {
        format!(
            "value starts with the header name `Reason:`: `Reason::parse_header_line` reads a \
             whole header line, at byte {offset}"
        )
    };
    for (text, offset) in [
        ("Reason: Q.850;cause=34", 0),
        ("Reason: Q.850;cause=34\r\n", 0),
        ("reason :SIP", 0),
        ("  REASON\t: SIP", 2),
    ] {
        for error in [
            Reason::parse(text).unwrap_err(),
            Reason::parse_list(text).next().unwrap().unwrap_err(),
        ] {
            assert_eq!(
                (error.kind(), error.offset()),
                (ReasonErrorKind::HeaderLine, offset),
                "{text:?}"
            );
            assert_eq!(error.to_string(), message(offset));
        }
    }
    // Later in a list, a value may start with the name too.
    let list: Vec<_> = Reason::parse_list("SIP, Reason: Q.850").map(read).collect();
    assert_eq!(list[1], Err((ReasonErrorKind::HeaderLine, 5)));
    // `Reason` is a token, so a protocol by that name is no header line, nor is a colon elsewhere.
    assert_eq!(
        read(Reason::parse("Reason;cause=1")),
        value("Reason", 1, None)
    );
    for (text, kind, offset) in [
        ("Reason\r\n :SIP", ReasonErrorKind::TrailingCharacters, 9),
        ("SIP: Q.850", ReasonErrorKind::InvalidToken, 3),
        ("SIP;x=Reason:", ReasonErrorKind::InvalidToken, 12),
    ] {
        assert_eq!(read(Reason::parse(text)), Err((kind, offset)), "{text:?}");
    }
}

/// Pieces of values and line ends, for the properties below.
const FRAGMENTS: &[&str] = &[
    "SIP", "Q.850", "cause", "text", "=", ";", ",", "\"", " ", "\t", "\r\n", "\r\n ", "\n", "486",
    "x", ":", "Reason", "\"a, b\"",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    /// After `Reason:`, a line's values are the list's, offsets moved by the name and colon.
    #[test]
    fn a_line_reads_as_its_value(
        parts in prop::collection::vec(prop::sample::select(FRAGMENTS), 0..16)
    ) {
        let text = parts.concat();
        let value = text
            .strip_suffix("\r\n")
            .or_else(|| text.strip_suffix('\n'))
            .unwrap_or(&text);
        let list: Vec<_> = Reason::parse_list(value)
            .map(|r| read(r).map_err(|(kind, offset)| (kind, offset + 7)))
            .collect();
        prop_assert_eq!(line(&format!("Reason:{text}")), list);
    }

    /// What `Display` writes, put on a line, reads back the same.
    #[test]
    fn a_written_value_reads_back_from_a_line(
        value in r#"(SIP|Q\.850|x-y)(;(cause=[0-9]{1,5}|text="([a-z ,;]|\\["\\a])*"|[a-z]{1,5}(=[a-z0-9.]{1,4})?)){0,4}"#
    ) {
        if let Ok(reason) = Reason::parse(&value) {
            let line = format!("Reason: {reason}\r\n");
            let back: Vec<_> = Reason::parse_header_line(&line).unwrap().collect();
            prop_assert_eq!(back, vec![Ok(reason)], "{:?}", line);
        }
    }

    #[test]
    fn any_line_parses_or_errors(text in any::<String>()) {
        if let Ok(values) = Reason::parse_header_line(&text) {
            for value in values {
                if let Err(error) = value {
                    prop_assert!(error.offset() <= text.len());
                }
            }
        }
    }
}

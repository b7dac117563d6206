//! The `Reason` header (RFC 3326): what real peers send, every error, round trips. The
//! mapping to and from causes is in `test_response.rs`.

use cause_core::{ParseReasonError, Reason, ReasonErrorKind};
use proptest::prelude::*;

fn parse(value: &str) -> Reason<'_> {
    Reason::parse(value).unwrap_or_else(|e| panic!("{value:?} parses: {e}"))
}

/// Protocol, cause and unescaped text of `value`.
fn fields(value: &str) -> (String, Option<u16>, Option<String>) {
    let reason = parse(value);
    let text = reason.text().map(|t| t.to_string());
    (reason.protocol().to_owned(), reason.code(), text)
}

fn expect(
    protocol: &str,
    cause: Option<u16>,
    text: Option<&str>,
) -> (String, Option<u16>, Option<String>) {
    (protocol.to_owned(), cause, text.map(str::to_owned))
}

/// What a value should parse to: protocol, cause and unescaped text.
type Expected<'a> = (&'a str, Option<u16>, Option<&'a str>);

#[test]
fn what_real_peers_send() {
    let cases: &[(&str, Expected<'_>)] = &[
        // SIP.js 0.6 CANCEL
        (
            r#"SIP ;cause=486 ;text="Busy Here""#,
            ("SIP", Some(486), Some("Busy Here")),
        ),
        // SIP.js and JsSIP BYE
        (
            r#"SIP ;cause=486; text="Busy Here""#,
            ("SIP", Some(486), Some("Busy Here")),
        ),
        // SIP.js 0.15 and later
        (
            r#"SIP;cause=486;text="Busy Here""#,
            ("SIP", Some(486), Some("Busy Here")),
        ),
        // FreeSWITCH
        (
            r#"Q.850;cause=16;text="NORMAL_CLEARING""#,
            ("Q.850", Some(16), Some("NORMAL_CLEARING")),
        ),
        // Asterisk
        ("Q.850;cause=17", ("Q.850", Some(17), None)),
        // RFC 3326's example
        (
            r#"Q.850 ;cause=16 ;text="Terminated""#,
            ("Q.850", Some(16), Some("Terminated")),
        ),
        // RFC 8606
        ("Q.850;cause=34;location=LN", ("Q.850", Some(34), None)),
        // RFC 9410
        (
            r#"STIR ;cause=436 ;text="Bad Identity Info" ;ppi="sip:alice@example.com""#,
            ("STIR", Some(436), Some("Bad Identity Info")),
        ),
        ("Q.850", ("Q.850", None, None)),
        ("sip;CAUSE=486", ("sip", Some(486), None)),
        (
            "SIP\t;\tcause\t=\t486\t;  text = \"Busy Here\"  ",
            ("SIP", Some(486), Some("Busy Here")),
        ),
        ("  SIP;cause=0486", ("SIP", Some(486), None)),
        (
            "SIP;cause=480\r\n ;text=\"folded\"",
            ("SIP", Some(480), Some("folded")),
        ),
        // One fold in each separator, so two lines.
        (
            "SIP\r\n ;\r\n\tcause=480 \r\n ; text = \"folded\"\r\n ",
            ("SIP", Some(480), Some("folded")),
        ),
        ("SIP;cause=65535", ("SIP", Some(65535), None)),
        (
            r#"SIP;cause=480;TEXT="a;b,c \"q\" \\ é""#,
            ("SIP", Some(480), Some(r#"a;b,c "q" \ é"#)),
        ),
    ];
    for (value, (protocol, cause, text)) in cases {
        assert_eq!(fields(value), expect(protocol, *cause, *text), "{value:?}");
    }
    let stir = parse(r#"STIR ;cause=436 ;text="Bad Identity Info" ;ppi="sip:alice@example.com""#);
    assert_eq!(stir.param("ppi"), Some(r#""sip:alice@example.com""#));
    assert_eq!(stir.param("PPI"), Some(r#""sip:alice@example.com""#));
    assert_eq!(stir.param("text"), Some(r#""Bad Identity Info""#));
    assert_eq!(stir.param("cause"), Some("436"));
    assert_eq!(stir.param("location"), None);
    let flags = parse("SIP;cause=487;flag;host=[2001:db8::1];v4=192.0.2.1");
    let params: Vec<_> = flags.params().collect();
    assert_eq!(
        params,
        [
            ("cause", Some("487")),
            ("flag", None),
            ("host", Some("[2001:db8::1]")),
            ("v4", Some("192.0.2.1")),
        ]
    );
    assert_eq!(flags.param("flag"), Some(""));
}

#[test]
fn a_header_value_holds_a_list() {
    let header = r#"SIP;cause=480;text="Temporarily Unavailable", Q.850;cause=18"#;
    let list: Vec<_> = Reason::parse_list(header).collect();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].map(|r| r.code()), Ok(Some(480)));
    assert_eq!(
        list[1].map(|r| (r.protocol(), r.code())),
        Ok(("Q.850", Some(18)))
    );
    // Commas and semicolons inside quotes separate nothing.
    let quoted = r#"SIP;cause=486;text="a, b; c" , Q.850 ;cause=17 ,STIR"#;
    let protocols: Vec<_> = Reason::parse_list(quoted)
        .map(|r| r.map(|r| r.protocol()))
        .collect();
    assert_eq!(protocols, [Ok("SIP"), Ok("Q.850"), Ok("STIR")]);
    // Errors carry offsets into the whole value, and the other values still parse.
    let broken: Vec<_> = Reason::parse_list("SIP;cause=486, ;cause=1, Q.850,").collect();
    assert_eq!(broken[0].map(|r| r.code()), Ok(Some(486)));
    let kind_at = |e: ParseReasonError| (e.kind(), e.offset());
    assert_eq!(
        broken[1].map(|_| ()).map_err(kind_at),
        Err(error(ReasonErrorKind::MissingProtocol, 15))
    );
    assert_eq!(broken[2].map(|r| r.protocol()), Ok("Q.850"));
    assert_eq!(
        broken[3].map(|_| ()).map_err(kind_at),
        Err(error(ReasonErrorKind::Empty, 31))
    );
    assert_eq!(broken.len(), 4);
    let empty: Vec<_> = Reason::parse_list("")
        .map(|r| r.map(|_| ()).map_err(kind_at))
        .collect();
    assert_eq!(empty, [Err(error(ReasonErrorKind::Empty, 0))]);
}

/// An error as its kind and offset.
fn error(kind: ReasonErrorKind, offset: usize) -> (ReasonErrorKind, usize) {
    (kind, offset)
}

#[test]
fn every_error_says_what_and_where() {
    use ReasonErrorKind::*;
    let cases: &[(&str, ReasonErrorKind, usize, &str)] = &[
        (
            "",
            Empty,
            0,
            "empty reason value: expected a protocol such as `SIP` or `Q.850`, at byte 0",
        ),
        (
            "  \t",
            Empty,
            3,
            "empty reason value: expected a protocol such as `SIP` or `Q.850`, at byte 3",
        ),
        (
            ";cause=1",
            MissingProtocol,
            0,
            "missing protocol: a reason value starts with `SIP`, `Q.850` or a token, at byte 0",
        ),
        (
            "S@P;cause=1",
            InvalidToken,
            1,
            "invalid character in a token, at byte 1",
        ),
        (
            "\"SIP\"",
            InvalidToken,
            0,
            "invalid character in a token, at byte 0",
        ),
        (
            "SIP;ca/use=1",
            InvalidToken,
            6,
            "invalid character in a token, at byte 6",
        ),
        (
            "SIP;cause=",
            CauseEmpty,
            10,
            "`cause` has no value: expected digits, as in `cause=486`, at byte 10",
        ),
        (
            "SIP;cause",
            CauseEmpty,
            9,
            "`cause` has no value: expected digits, as in `cause=486`, at byte 9",
        ),
        (
            "SIP;cause=4x6",
            CauseNotDigits,
            10,
            "`cause` is not a number of digits, at byte 10",
        ),
        (
            "SIP;cause=\"486\"",
            CauseNotDigits,
            10,
            "`cause` is not a number of digits, at byte 10",
        ),
        (
            "SIP;cause=-1",
            CauseNotDigits,
            10,
            "`cause` is not a number of digits, at byte 10",
        ),
        (
            "SIP;cause=65536",
            CauseTooLarge,
            10,
            "`cause` is over 65535, at byte 10",
        ),
        (
            "SIP;cause=99999999999999999999999",
            CauseTooLarge,
            10,
            "`cause` is over 65535, at byte 10",
        ),
        (
            "SIP;cause=1;cause=2",
            DuplicateCause,
            18,
            "`cause` is given twice, at byte 18",
        ),
        (
            "SIP;text=\"a\";TEXT=\"b\"",
            DuplicateText,
            18,
            "`text` is given twice, at byte 18",
        ),
        (
            "SIP;text=Busy",
            TextNotQuoted,
            9,
            "`text` must be a quoted string, as in `text=\"Busy Here\"`, at byte 9",
        ),
        (
            "SIP;text",
            TextNotQuoted,
            8,
            "`text` must be a quoted string, as in `text=\"Busy Here\"`, at byte 8",
        ),
        (
            "SIP;text=\"Busy",
            UnterminatedQuote,
            9,
            "quoted string without its closing `\"`, at byte 9",
        ),
        (
            "SIP;text=\"Busy\\\"",
            UnterminatedQuote,
            9,
            "quoted string without its closing `\"`, at byte 9",
        ),
        (
            "SIP;text=\"a\u{1}b\"",
            ControlCharacter,
            11,
            "control character in a quoted string, at byte 11",
        ),
        (
            "SIP;text=\"a\nb\"",
            ControlCharacter,
            11,
            "control character in a quoted string, at byte 11",
        ),
        (
            "SIP;text=\"a\\\u{7f}\"",
            ControlCharacter,
            12,
            "control character in a quoted string, at byte 12",
        ),
        (
            "SIP;;cause=1",
            EmptyParameter,
            3,
            "empty parameter: a `;` must be followed by a parameter name, at byte 3",
        ),
        (
            "SIP;cause=1;",
            EmptyParameter,
            11,
            "empty parameter: a `;` must be followed by a parameter name, at byte 11",
        ),
        (
            "SIP;=1",
            EmptyParameter,
            3,
            "empty parameter: a `;` must be followed by a parameter name, at byte 3",
        ),
        (
            "SIP;location=",
            MissingValue,
            13,
            "parameter has `=` but no value, at byte 13",
        ),
        (
            "SIP;cause=486 x",
            TrailingCharacters,
            14,
            "unexpected character after the reason value, at byte 14",
        ),
        (
            "SIP;cause=486, Q.850",
            TrailingCharacters,
            13,
            "unexpected character after the reason value, at byte 13",
        ),
        (
            "SIP;cause=486\r\nX",
            TrailingCharacters,
            13,
            "unexpected character after the reason value, at byte 13",
        ),
        // Found by scripts/fuzz.sh (reason_sofia): an empty folded line, which RFC 3261's
        // `LWS = [*WSP CRLF] 1*WSP` cannot hold and sofia-sip refuses too.
        (
            "SIP;ct=4z5 ;%4;~t=SIPS;\r\n\t\r\n\tt=SIP;q",
            EmptyFoldedLine,
            26,
            "empty folded line: nothing but white space between two line breaks, at byte 26",
        ),
        (
            "SIP\r\n \r\n ;cause=1",
            EmptyFoldedLine,
            6,
            "empty folded line: nothing but white space between two line breaks, at byte 6",
        ),
        (
            "SIP;cause=1 \r\n\t \r\n ",
            EmptyFoldedLine,
            16,
            "empty folded line: nothing but white space between two line breaks, at byte 16",
        ),
    ];
    for &(input, kind, offset, message) in cases {
        let error = Reason::parse(input).expect_err(input);
        assert_eq!((error.kind(), error.offset()), (kind, offset), "{input:?}");
        assert_eq!(error.to_string(), message, "{input:?}");
    }
    // The tab is the one control character text may hold.
    assert_eq!(fields("SIP;text=\"a\tb\"").2.as_deref(), Some("a\tb"));
    let _: &dyn core::error::Error = &Reason::parse("").unwrap_err();
}

/// Quoted text is scanned eight bytes at a time: a quote, an escape, a tab, a control
/// character or a non-ASCII character at every offset of texts up to 40 bytes long, with
/// and without something after the closing quote.
#[test]
fn text_is_read_the_same_at_every_offset() {
    for len in 1..40 {
        for at in 0..len {
            for after in ["", ";x=1"] {
                let text = |middle: &str| {
                    let mut text = "t".repeat(len - 1);
                    text.insert_str(at, middle);
                    text
                };
                let value = |middle: &str| format!("SIP;text=\"{}\"{after}", text(middle));
                let read = |middle: &str| parse(&value(middle)).text().unwrap().to_string();
                assert_eq!(read("\\\""), text("\""), "{}", value("\\\""));
                assert_eq!(read("\t"), text("\t"));
                assert_eq!(read("é"), text("é"));
                let control = Reason::parse(&value("\u{7f}")).unwrap_err();
                assert_eq!(
                    (control.kind(), control.offset()),
                    (ReasonErrorKind::ControlCharacter, 10 + at),
                    "{}",
                    value("\u{7f}")
                );
                // A quote inside ends the text there.
                let early = Reason::parse(&value("\"")).unwrap_err();
                let trailing = (ReasonErrorKind::TrailingCharacters, 11 + at);
                assert_eq!((early.kind(), early.offset()), trailing);
            }
        }
    }
}

#[test]
fn display_is_canonical_and_parses_back() {
    let cases = [
        (
            r#"SIP ;cause=486 ;text="Busy Here""#,
            r#"SIP;cause=486;text="Busy Here""#,
        ),
        (r#"sip;TEXT="x";CAUSE=0486"#, r#"sip;cause=486;text="x""#),
        (
            r#"Q.850 ; location = LN ; cause = 34"#,
            "Q.850;cause=34;location=LN",
        ),
        (r#"SIP;text="a \"b\" \\ \c""#, r#"SIP;text="a \"b\" \\ c""#),
        ("STIR;ppi=\"x y\";flag", "STIR;ppi=\"x y\";flag"),
        ("Q.850", "Q.850"),
    ];
    for (input, canonical) in cases {
        let reason = parse(input);
        assert_eq!(reason.to_string(), canonical, "{input:?}");
        assert_eq!(parse(canonical), reason, "{input:?}");
    }
    assert_ne!(parse("SIP;cause=486"), parse("SIP;cause=487"));
    assert_ne!(parse("SIP;cause=486"), parse("Q.850;cause=486"));
    assert_ne!(parse("SIP;a=1"), parse("SIP;a=2"));
    assert_eq!(parse("SIP;A=1"), parse("SIP ; a = 1"));
    assert_eq!(parse("SIP;text=\"\\a\"").text().unwrap(), "a");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn parse_never_panics(value in any::<String>()) {
        let _ = Reason::parse(&value);
        for item in Reason::parse_list(&value) {
            let _ = item;
        }
    }

    #[test]
    fn what_display_writes_parses_back(
        value in r#"[ \t]{0,2}(SIP|sip|Q\.850|STIR|x-y)([ \t]{0,2};[ \t]{0,2}(cause=[0-9]{1,5}|text="([a-z ,;]|\\["\\a])*"|[a-z]{1,5}(=([a-z0-9.]{1,4}|"[^"\\\x00-\x1f]*"))?)){0,4}[ \t]{0,2}"#
    ) {
        if let Ok(reason) = Reason::parse(&value) {
            let written = reason.to_string();
            prop_assert_eq!(Reason::parse(&written), Ok(reason), "{:?} -> {:?}", value, written);
        }
    }
}

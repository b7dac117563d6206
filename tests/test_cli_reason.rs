//! `sip-cause reason`: a `Reason` header value, or a whole header line as pasted from a trace,
//! read value by value into the causes it says.

mod tool;

use tool::{failure, stdout};

#[test]
fn reason_reads_each_value_of_a_header() {
    assert_eq!(
        stdout(&["reason", r#"SIP ;cause=486 ;text="Busy Here""#]),
        "reason: SIP;cause=486;text=\"Busy Here\"\ncause: BUSY \"Busy\" (SIP error causes)\n"
    );
    assert_eq!(
        stdout(&[
            "reason",
            r#"SIP;cause=200;text="Call completed elsewhere", Q.850;cause=16, SIP"#
        ]),
        "reason: SIP;cause=200;text=\"Call completed elsewhere\"\ncause: none (the call was answered elsewhere: nothing failed)\n\
         reason: Q.850;cause=16\nq850: 16 NORMAL_CLEARING \"Normal call clearing\" (Normal event)\ncause: BYE \"Terminated\" (Session causes)\n\
         reason: SIP\ncause: none (no cause code)\n"
    );
    // A Q.850 value is named even where it has no SIP side.
    assert_eq!(
        stdout(&["reason", "Q.850;cause=4"]),
        "reason: Q.850;cause=4\nq850: 4 SEND_SPECIAL_INFORMATION_TONE \"Send special information tone\" (Normal event)\n\
         cause: none (SEND_SPECIAL_INFORMATION_TONE has no SIP response in RFC 3398, so no SIP cause)\n"
    );
    assert_eq!(
        stdout(&["reason", "Q.850;cause=200"]),
        "reason: Q.850;cause=200\nq850: none (200 is no Q.850 cause value)\ncause: none (no SIP cause maps to it)\n"
    );
    assert_eq!(
        failure(&["reason", "SIP;cause=4x6"]),
        "sip-cause: error: invalid Reason value \"SIP;cause=4x6\": `cause` is not a number of digits, at byte 10\n"
    );
    assert_eq!(
        failure(&["reason", ""]),
        "sip-cause: error: invalid Reason value \"\": empty reason value: expected a protocol such as `SIP` or `Q.850`, at byte 0\n"
    );
}

#[test]
fn a_reason_header_line_is_read_as_pasted() {
    let expected =
        "reason: SIP;cause=486;text=\"Busy Here\"\ncause: BUSY \"Busy\" (SIP error causes)\n";
    for line in [
        "Reason: SIP;cause=486;text=\"Busy Here\"",
        "reason :SIP;cause=486;text=\"Busy Here\"",
        "Reason: SIP ;cause=486\r\n ;text=\"Busy Here\"",
        // With its line end, as read from a socket.
        "Reason: SIP;cause=486;text=\"Busy Here\"\r\n",
    ] {
        assert_eq!(stdout(&["reason", line]), expected, "{line:?}");
    }
    // The byte of an error counts from the start of the line, header name included.
    assert_eq!(
        failure(&["reason", "Reason: SIP;cause=4x"]),
        "sip-cause: error: invalid Reason value \"Reason: SIP;cause=4x\": `cause` is not a number of digits, at byte 18\n"
    );
    // A long value is quoted on the `reason:` line at most 80 characters long.
    let long = format!("SIP;text=\"{}\"", "a".repeat(100_000));
    let out = stdout(&["reason", &long]);
    let first = out.lines().next().unwrap_or_default();
    assert_eq!(first.chars().count(), "reason: ".len() + 81, "{first}");
}

//! What people paste into `sip-cause` from elsewhere: lines of a SIP trace, the reason phrases of
//! other stacks, the C names of the PBXs' causes, a PBX's response codes, and commands
//! misspelled; each read for what it is, or answered with the command that reads it.

mod tool;

use tool::{failure, stdout};

#[test]
fn a_status_line_is_its_code() {
    assert_eq!(stdout(&["SIP/2.0 486 Busy Here"]), stdout(&["486"]));
    assert_eq!(stdout(&[" sip/2.0 486 Busy Here\r\n"]), stdout(&["486"]));
    assert_eq!(
        stdout(&["--in-dialog", "SIP/2.0 481 Call/Transaction Does Not Exist"]),
        stdout(&["--in-dialog", "481"])
    );
    assert_eq!(
        stdout(&["--jssip", "SIP/2.0 424 Bad Location Information"]),
        stdout(&["--jssip", "424"])
    );
    assert_eq!(
        failure(&["SIP/2.0 999 Odd"]),
        "sip-cause: error: status code 999 is out of range: expected 100..=699\n"
    );
}

#[test]
fn a_phrase_of_another_stack_says_whose_it_is() {
    let internal = "500 Server Internal Error\n\
        phrase: \"Internal Server Error\" is FreeSWITCH's and sofia-sip 1.12.11's\n\
        cause: SIP_FAILURE_CODE \"SIP Failure Code\" (Common causes)\n\
        q850: 41 NORMAL_TEMPORARY_FAILURE \"Temporary failure\" (Resource unavailable)\n\
        A final failure response (300 to 699) arrived whose status code no other cause lists; \
        the response's own status code and reason phrase say more.\n";
    assert_eq!(stdout(&["Internal Server Error"]), internal);
    assert_eq!(stdout(&["SIP/2.0 500 Internal Server Error"]), internal);
    assert!(
        stdout(&["Conflict"]).starts_with(
            "409 (no registered reason phrase)\nphrase: \"Conflict\" is FreeSWITCH's, Asterisk's, sofia-sip 1.12.11's and libosip2 5.3.0's\ncause: SIP_FAILURE_CODE"
        )
    );
    assert!(
        stdout(&["SIP/2.0 486 Far End 486"]).starts_with(
            "486 Busy Here\nphrase: \"Far End 486\" is no phrase a stack the project knows writes for 486\ncause: BUSY"
        )
    );
    assert!(stdout(&["--linphone", "Gateway Time-out"]).starts_with(
        "504 Server Time-out\nphrase: \"Gateway Time-out\" is FreeSWITCH's and sofia-sip 1.12.11's\nlinphone: "
    ));
    // The registry's own phrase needs no note.
    assert_eq!(
        stdout(&["SIP/2.0 500 Server Internal Error"]),
        stdout(&["500"])
    );
}

#[test]
fn a_reason_header_line_is_read_as_reason_reads_it() {
    let congestion = "reason: Q.850;cause=34\n\
        q850: 34 NORMAL_CIRCUIT_CONGESTION \"No circuit/channel available\" (Resource unavailable)\n\
        cause: SIP_FAILURE_CODE \"SIP Failure Code\" (Common causes)\n";
    assert_eq!(stdout(&["Reason: Q.850;cause=34"]), congestion);
    assert_eq!(stdout(&["Q.850;cause=34"]), congestion);
    assert_eq!(
        stdout(&["Reason: SIP;cause=486;text=\"Busy Here\""]),
        stdout(&["reason", "SIP;cause=486;text=\"Busy Here\""])
    );
    // An option that maps a code says where the line goes.
    assert_eq!(
        failure(&["--jssip", "Reason: SIP;cause=486"]),
        "sip-cause: error: `Reason: SIP;cause=486` is a Reason header line: `sip-cause reason 'Reason: SIP;cause=486'`\n"
    );
    assert_eq!(
        failure(&["q850", "Q.850;cause=17"]),
        "sip-cause: error: `Q.850;cause=17` is a Reason header value: `sip-cause reason 'Q.850;cause=17'`\n"
    );
    assert_eq!(
        failure(&["asterisk", "Reason: Q.850;cause=17"]),
        "sip-cause: error: `Reason: Q.850;cause=17` is a Reason header line: `sip-cause reason 'Reason: Q.850;cause=17'`\n"
    );
}

#[test]
fn a_request_line_says_what_ending_a_call_with_it_means() {
    let bye = stdout(&["BYE sip:alice@192.0.2.10:5060;transport=udp SIP/2.0"]);
    assert_eq!(
        bye,
        format!(
            "request: BYE, which ends an answered call; its Reason header line says why (`sip-cause 'Reason: ...'`)\n{}",
            stdout(&["BYE"])
        )
    );
    let cancel = stdout(&["CANCEL sip:bob@192.0.2.4 SIP/2.0"]);
    assert_eq!(
        cancel,
        format!(
            "request: CANCEL, which ends a call before it is answered; its Reason header line says why (`sip-cause 'Reason: ...'`)\n{}",
            stdout(&["CANCELED"])
        )
    );
    assert_eq!(
        failure(&["INVITE sip:bob@example.com SIP/2.0"]),
        "sip-cause: error: `INVITE sip:bob@example.com SIP/2.0` is a request line: its final response's status line says how it ended (`sip-cause 'SIP/2.0 486 Busy Here'`), and a CANCEL's or BYE's `Reason:` line why\n"
    );
}

#[test]
fn a_misspelled_command_or_option_is_suggested() {
    let did_you_mean = |typed: &str, command: &str| {
        format!(
            "sip-cause: error: `{typed}` is no status code, cause or reason phrase: did you mean the command `sip-cause {command}`?\n"
        )
    };
    assert_eq!(failure(&["tabel"]), did_you_mean("tabel", "table"));
    assert_eq!(failure(&["reasn"]), did_you_mean("reasn", "reason"));
    assert_eq!(failure(&["Asterix"]), did_you_mean("Asterix", "asterisk"));
    assert_eq!(
        failure(&["--jsip", "486"]),
        "sip-cause: error: unknown option `--jsip`: did you mean `--jssip`? (see `sip-cause --help`)\n"
    );
    assert_eq!(
        failure(&["table", "--gateway"]),
        "sip-cause: error: unknown option `--gateway`: did you mean `--gateways`? (see `sip-cause --help`)\n"
    );
    // A cause's near miss is still the cause's.
    assert!(failure(&["canceld"]).contains("did you mean `CANCELED`"));
}

#[test]
fn a_pbx_says_what_it_records_for_a_response_and_what_it_sends_on() {
    assert_eq!(
        stdout(&["freeswitch", "480"]),
        "480 Temporarily Unavailable\n\
         FreeSWITCH records: 18 NO_USER_RESPONSE \"NO_USER_RESPONSE\" (Q.850 cause values)\n\
         FreeSWITCH sends the caller: 480 Temporarily Unavailable, Reason: Q.850;cause=16;text=\"NORMAL_CLEARING\", recording 16 NORMAL_CLEARING for the caller\n\
         (for a far end's 480 without a Reason header; one with Q.850;cause=34 in `sip-cause table --gateways`)\n\
         The Q.850 cause 18, No user responding (Q.850 18 NO_USER_RESPONSE), as FreeSWITCH names it.\n"
    );
    assert_eq!(
        stdout(&["asterisk", "480"]),
        "480 Temporarily Unavailable\n\
         Asterisk records: 19 NO_ANSWER \"User alerting, no answer\"\n\
         Asterisk sends the caller: 480 Temporarily Unavailable, Reason: Q.850;cause=19, recording 19 NO_ANSWER for the caller\n\
         The Q.850 cause 19, No answer from user (user alerted) (Q.850 19 NO_ANSWER), as Asterisk names it.\n"
    );
    assert!(stdout(&["asterisk", "404"]).contains(
        "\nAsterisk sends the caller: 503 Service Unavailable, Reason: Q.850;cause=34, recording 34 NORMAL_CIRCUIT_CONGESTION for the caller\n"
    ));
    // The same response typed as a status line or a phrase, or as FreeSWITCH logs it.
    let busy = stdout(&["freeswitch", "486"]);
    for query in ["SIP/2.0 486 Busy Here", "Busy Here", "sip:486"] {
        assert_eq!(stdout(&["freeswitch", query]), busy, "{query}");
    }
    // 487 is one of FreeSWITCH's causes and a response: the cause, and how to ask for the other.
    assert!(stdout(&["freeswitch", "487"]).contains(
        "\n487 is also a response: `sip-cause freeswitch sip:487` says what FreeSWITCH records for it\n"
    ));
    assert!(
        stdout(&["freeswitch", "sip:487"]).starts_with(
            "487 Request Terminated\nFreeSWITCH records: 487 ORIGINATOR_CANCEL \"ORIGINATOR_CANCEL\" (FreeSWITCH's own causes)\n"
        )
    );
    // A redirect is followed; a phrase sofia-sip lacks goes out empty.
    assert!(stdout(&["asterisk", "302"]).contains(
        "\nAsterisk follows it to its Contact; without one, it sends the caller: 503 Service Unavailable, "
    ));
    assert!(
        stdout(&["freeswitch", "608"])
            .contains("\nFreeSWITCH sends the caller: 608 (an empty reason phrase), ")
    );
    assert_eq!(
        failure(&["freeswitch", "900"]),
        "sip-cause: error: 900 is no FreeSWITCH cause value: `sip-cause table --freeswitch` lists them\n"
    );
}

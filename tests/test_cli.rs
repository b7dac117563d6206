//! The `sip-cause` tool, run as a user runs it.

#[path = "../cause-core/tests/common/mod.rs"]
mod common;
mod doc_blocks;
mod tool;

use common::ROWS;
use tool::{failure, sip_cause, stdout};

#[test]
fn a_code_prints_its_phrase_and_cause() {
    let description = cause_core::Cause::Busy.description();
    assert_eq!(
        stdout(&["486"]),
        format!(
            "486 Busy Here\ncause: BUSY \"Busy\" (SIP error causes)\nq850: 17 USER_BUSY \"User busy\" (Normal event)\n{description}\n"
        )
    );
}

#[test]
fn an_unlisted_failure_code_falls_back() {
    let out = stdout(&["499"]);
    assert!(
        out.starts_with("499 (no registered reason phrase)\ncause: SIP_FAILURE_CODE \"SIP Failure Code\" (Common causes)\n"),
        "{out}"
    );
}

#[test]
fn a_success_code_has_no_cause() {
    assert_eq!(
        stdout(&["200"]),
        "200 OK\ncause: none (200 is not a final failure response, 300..=699)\n"
    );
}

#[test]
fn in_dialog_switches_the_mapping() {
    assert!(stdout(&["408"]).contains("cause: UNAVAILABLE \"Unavailable\""));
    assert!(stdout(&["--in-dialog", "408"]).contains("cause: DIALOG_ERROR \"Dialog Error\""));
    assert!(stdout(&["481", "--in-dialog"]).contains("cause: DIALOG_ERROR \"Dialog Error\""));
}

#[test]
fn a_cause_sip_js_never_reports_says_what_happens_instead() {
    let description = cause_core::Cause::InvalidTarget
        .description()
        .replace('`', "");
    assert_eq!(
        stdout(&["INVALID_TARGET"]),
        format!(
            "INVALID_TARGET \"Invalid target\" (Common causes)\nnever reported by SIP.js 0.6.4: invite('') and message('', body) throw a TypeError saying Invalid target: and the target before sending anything (ClientContext.js:22); 0.6.4's C.causes does not define the value.\n{description}\n"
        )
    );
    assert!(
        stdout(&["--jssip", "RTP_TIMEOUT"]).contains(
            "\nreported by JsSIP 3.13.8: ended (originator local), when the peer connection's ICE state turns failed in a confirmed call; JsSIP sends a BYE with Reason: SIP ;cause=408. Chromium 156 never turns it failed when the peer's media address stops answering (it stays disconnected), so there the call stays up and nothing is reported.\n"
        )
    );
}

/// What SIP.js 0.6.4 reports for a refused microphone (recorded in Chromium) is said where a
/// user looks the value up.
#[test]
fn webrtc_error_names_the_refused_microphone() {
    let out = stdout(&["WEBRTC_ERROR"]);
    assert!(
        out.contains("In SIP.js 0.6.4 this is also what a refused microphone gives")
            && out.contains("never USER_DENIED_MEDIA_ACCESS"),
        "{out}"
    );
}

#[test]
fn a_cause_prints_the_response_and_reason_to_send() {
    let description = cause_core::Cause::Busy.description();
    assert_eq!(
        stdout(&["BUSY"]),
        format!(
            "BUSY \"Busy\" (SIP error causes)\nstatus codes: 486 Busy Here, 600 Busy Everywhere\nresponse: 486 Busy Here\nReason: SIP;cause=486;text=\"Busy Here\"\nq850: 17 USER_BUSY \"User busy\" (Normal event)\nreported by SIP.js 0.6.4: failed and rejected, when the final response to an INVITE is one of its status codes; SIP.js does not follow a 3xx.\n{description}\n"
        )
    );
    let bye = stdout(&["BYE"]);
    assert!(
        !bye.contains("response:") && !bye.contains("Reason:"),
        "{bye}"
    );
}

#[test]
fn a_constant_or_value_prints_the_cause() {
    let busy = stdout(&["BUSY"]);
    assert_eq!(busy, stdout(&["Busy"]));
    assert!(busy.starts_with(
        "BUSY \"Busy\" (SIP error causes)\nstatus codes: 486 Busy Here, 600 Busy Everywhere\n"
    ));
    let dialog = stdout(&["DIALOG_ERROR"]);
    assert!(dialog.contains(
        "in-dialog status codes: 408 Request Timeout, 481 Call/Transaction Does Not Exist\n"
    ));
    let webrtc = stdout(&["WebRTC Not Supported"]);
    assert!(webrtc.starts_with("WEBRTC_NOT_SUPPORTED \"WebRTC not supported\" (Session causes)\nalso parsed from: \"WebRTC Not Supported\"\n"));
    for row in ROWS {
        assert!(
            stdout(&[row.constant]).starts_with(row.constant),
            "{}",
            row.constant
        );
        assert!(
            stdout(&[row.value]).starts_with(row.constant),
            "{}",
            row.value
        );
    }
}

#[test]
fn bad_input_is_a_one_line_error() {
    let expected = "expected a status code in 100..=699 (486), a cause constant (BUSY) or value (\"Busy\"), a reason phrase (\"Busy Here\") or a status line (\"SIP/2.0 486 Busy Here\"); `sip-cause table` lists them all";
    assert_eq!(
        failure(&[""]),
        format!("sip-cause: error: empty argument: {expected}\n")
    );
    assert_eq!(
        failure(&["nope"]),
        format!("sip-cause: error: `nope` is no status code, cause or reason phrase: {expected}\n")
    );
    for code in ["65536", "99999999999999999999"] {
        assert_eq!(
            failure(&[code]),
            format!("sip-cause: error: status code {code} is out of range: expected 100..=699\n")
        );
    }
    // A number another table has says which command finds it.
    for (code, hint) in [
        ("99", "99 is a Q.850 cause: `sip-cause q850 99`"),
        (
            "700",
            "700 is a FreeSWITCH hangup cause: `sip-cause freeswitch 700`",
        ),
        (
            "0",
            "0 is a FreeSWITCH hangup cause: `sip-cause freeswitch 0`",
        ),
    ] {
        assert_eq!(
            failure(&[code]),
            format!(
                "sip-cause: error: status code {code} is out of range: expected 100..=699; {hint}\n"
            )
        );
    }
    assert_eq!(
        failure(&["--in-dialog", "BUSY"]),
        "sip-cause: error: --in-dialog maps a status code, not `BUSY`: give a code in 100..=699\n"
    );
}

#[test]
fn table_prints_one_markdown_table_per_category() {
    let out = stdout(&["table"]);
    let headings: Vec<&str> = out.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            "## Common causes",
            "## SIP error causes",
            "## Session causes"
        ]
    );
    assert_eq!(
        out.matches("| Constant | Value | Status codes | Response | Description |")
            .count(),
        3
    );
    for row in ROWS {
        let line = out
            .lines()
            .find(|l| l.starts_with(&format!("| `{}` |", row.constant)))
            .unwrap_or_else(|| panic!("no row for {}", row.constant));
        assert!(line.contains(&format!("| `{}` |", row.value)), "{line}");
        assert_eq!(line.matches(" | ").count(), 4, "five cells: {line}");
    }
    assert!(out.contains("| 486 Busy Here, 600 Busy Everywhere | 486 Busy Here |"));
    assert!(out.contains("| `NO_ANSWER` | `No Answer` | \u{2014} | 408 Request Timeout |"));
}

#[test]
fn table_json_has_the_whole_table() {
    let out = stdout(&["table", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(json["failure"]["codes"], serde_json::json!([300, 699]));
    assert_eq!(json["failure"]["fallback"], "SIP_FAILURE_CODE");
    assert_eq!(json["category"][1]["key"], "sip-error");
    let causes = json["cause"].as_array().expect("an array of causes");
    assert_eq!(causes.len(), ROWS.len());
    for (cause, row) in causes.iter().zip(ROWS) {
        assert_eq!(cause["constant"], row.constant);
        assert_eq!(cause["value"], row.value);
        assert_eq!(cause["category"], row.category.key());
        assert_eq!(cause["status-codes"], serde_json::json!(row.codes));
        assert_eq!(cause["description"], row.cause.description());
        let response = row
            .cause
            .response()
            .map_or(serde_json::Value::Null, |r| r.into());
        assert_eq!(cause["response"], response);
        let text = |t: Option<&str>| t.map_or(serde_json::Value::Null, Into::into);
        assert_eq!(cause["reported"], text(row.cause.reported()));
        assert_eq!(cause["never-reported"], text(row.cause.never_reported()));
    }
    assert_eq!(json["reports"]["by"], "SIP.js 0.6.4");
    assert_eq!(
        json["cause"][20]["aliases"],
        serde_json::json!(["WebRTC Not Supported"])
    );
    assert_eq!(json["reason-phrases"]["486"], "Busy Here");
    let phrases = json["reason-phrases"].as_object().expect("an object");
    assert_eq!(phrases.len(), common::REASON_PHRASES.len());
}

#[test]
fn no_argument_prints_a_short_usage() {
    let output = sip_cause(&[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "Usage: sip-cause [--in-dialog] [--jssip|--linphone] <CODE|CAUSE|PHRASE|LINE>\n       sip-cause q850|freeswitch|asterisk <CAUSE>\n       sip-cause reason <VALUE>\n       sip-cause table [--q850|--jssip|--freeswitch|--asterisk|--linphone|--gateways|--clients|--reason-protocols|--PROTOCOL] [--json]\nRun `sip-cause --help` for more.\n"
    );
    // `--jssip` alone asks for nothing either.
    let output = sip_cause(&["--jssip"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).starts_with("Usage: sip-cause "));
    let help = stdout(&["--help"]);
    assert!(
        help.contains("Usage: sip-cause [OPTIONS] [CODE|CAUSE|PHRASE|LINE]\n"),
        "{help}"
    );
    assert!(!help.contains("..."), "one argument, not a list: {help}");
}

#[test]
fn people_type_lowercase_and_stray_spaces() {
    let busy = stdout(&["BUSY"]);
    for query in ["busy", "Busy ", " BUSY", "bUsY"] {
        assert_eq!(stdout(&[query]), busy, "{query:?}");
    }
    assert!(stdout(&["canceled"]).starts_with("CANCELED \"Canceled\""));
    assert!(stdout(&["no answer"]).starts_with("NO_ANSWER \"No Answer\""));
    assert!(stdout(&["webrtc not supported"]).starts_with("WEBRTC_NOT_SUPPORTED"));
    assert_eq!(stdout(&[" 486"]), stdout(&["486"]));
    assert_eq!(stdout(&["+486"]), stdout(&["486"]));
}

#[test]
fn near_misses_get_a_suggestion() {
    assert_eq!(
        failure(&["canceld"]),
        "sip-cause: error: `canceld` is no status code, cause or reason phrase: did you mean `CANCELED` (\"Canceled\")?\n"
    );
    assert_eq!(
        failure(&["NO_ANSWR"]),
        "sip-cause: error: `NO_ANSWR` is no status code, cause or reason phrase: did you mean `NO_ANSWER` (\"No Answer\")?\n"
    );
    assert_eq!(
        failure(&["Busy Heer"]),
        "sip-cause: error: `Busy Heer` is no status code, cause or reason phrase: expected a status code in 100..=699 (486), a cause constant (BUSY) or value (\"Busy\"), a reason phrase (\"Busy Here\") or a status line (\"SIP/2.0 486 Busy Here\"); `sip-cause table` lists them all\n"
    );
}

#[test]
fn every_command_line_mistake_is_one_line_and_exit_2() {
    for code in ["-1", "-486"] {
        assert_eq!(
            failure(&[code]),
            format!("sip-cause: error: status code {code} is out of range: expected 100..=699\n")
        );
    }
    assert_eq!(
        failure(&["486", "487"]),
        "sip-cause: error: unexpected argument `487`: one code or cause at a time (see `sip-cause --help`)\n"
    );
    assert_eq!(
        failure(&["--in-dialog"]),
        "sip-cause: error: --in-dialog needs a status code, as in `sip-cause --in-dialog 481`\n"
    );
    assert_eq!(
        failure(&["--colour"]),
        "sip-cause: error: unknown option `--colour` (see `sip-cause --help`)\n"
    );
    assert_eq!(
        failure(&["table", "--csv"]),
        "sip-cause: error: unknown option `--csv` (see `sip-cause --help`)\n"
    );
    assert_eq!(
        failure(&["reason"]),
        "sip-cause: error: missing <VALUE> (see `sip-cause --help`)\n"
    );
}

#[test]
fn the_fallback_says_which_codes_it_stands_for() {
    let out = stdout(&["SIP_FAILURE_CODE"]);
    assert!(
        out.contains("status codes: every failure response (300..=699) no other cause lists\n"),
        "{out}"
    );
}

/// The transcripts of `docs/cli.md`: each `$ cargo run -- ARGS` followed by output lines is
/// what the tool prints, on stdout or (for an error) stderr.
#[test]
fn the_cli_doc_shows_what_the_tool_prints() {
    let section = doc_blocks::block("docs/cli.md", "transcripts");
    let section = section
        .split("```")
        .nth(1)
        .expect("a code block of transcripts");
    let mut checked = 0;
    for transcript in section.split("\n\n") {
        let mut lines = transcript.trim_start_matches("text\n").lines();
        let Some(command) = lines.next().and_then(|l| l.strip_prefix("$ cargo run -- ")) else {
            continue;
        };
        let expected: Vec<&str> = lines.collect();
        if expected.is_empty() || expected[0].starts_with("$ ") {
            continue; // a list of commands without output
        }
        let args = shell_words(command);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = sip_cause(&args);
        let shown = if output.status.success() {
            output.stdout
        } else {
            output.stderr
        };
        let shown = String::from_utf8(shown).expect("UTF-8 output");
        assert_eq!(shown, format!("{}\n", expected.join("\n")), "{command}");
        checked += 1;
    }
    assert_eq!(checked, 17, "transcripts with output in docs/cli.md");
}

/// Splits a command line as a POSIX shell does for words and single quotes.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '\'' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

#[test]
fn a_reason_phrase_finds_its_code() {
    assert_eq!(stdout(&["Busy Here"]), stdout(&["486"]));
    assert_eq!(stdout(&["temporarily unavailable"]), stdout(&["480"]));
}

#[test]
fn errors_quote_at_most_80_characters_of_an_argument() {
    let long = "x".repeat(100_000);
    let error = failure(&[&long]);
    assert!(error.len() < 400, "{} bytes: {error}", error.len());
    assert!(error.contains(&format!("`{}…`", "x".repeat(80))), "{error}");
    let error = failure(&["q850", &long]);
    assert!(error.len() < 400, "{} bytes", error.len());
    let error = failure(&["reason", &format!("{long};cause=")]);
    assert!(error.len() < 400, "{} bytes", error.len());
}

#[test]
fn a_name_of_another_table_says_which_command_finds_it() {
    let cases = [
        (
            vec!["17"],
            "status code 17 is out of range: expected 100..=699; 17 is a Q.850 cause: `sip-cause q850 17`",
        ),
        (
            vec!["USER_BUSY"],
            "`USER_BUSY` is a Q.850 cause: `sip-cause q850 USER_BUSY`",
        ),
        (
            vec!["CONGESTION"],
            "`CONGESTION` is an Asterisk hangup cause: `sip-cause asterisk CONGESTION`",
        ),
        (
            vec!["missing_sdp"],
            "`missing_sdp` is a JsSIP cause that SIP.js 0.6 does not have: `sip-cause --jssip missing_sdp`",
        ),
        (
            vec!["--jssip", "invalid_target"],
            "`invalid_target` is a SIP.js cause that JsSIP 3.13.8 does not have: `sip-cause invalid_target`",
        ),
        (
            vec!["user_not_registered"],
            "`user_not_registered` is a FreeSWITCH hangup cause: `sip-cause freeswitch user_not_registered`",
        ),
        (
            vec!["User busy"],
            "`User busy` is a Q.850 cause: `sip-cause q850 'User busy'`",
        ),
    ];
    for (args, message) in cases {
        assert_eq!(
            failure(&args),
            format!("sip-cause: error: {message}\n"),
            "{args:?}"
        );
    }
}

#[test]
fn subcommands_are_read_in_any_case() {
    assert_eq!(
        stdout(&["Reason", "SIP;cause=486"]),
        stdout(&["reason", "SIP;cause=486"])
    );
    assert_eq!(stdout(&["Q850", "17"]), stdout(&["q850", "17"]));
    assert_eq!(stdout(&["TABLE", "--jssip"]), stdout(&["table", "--jssip"]));
}

#[test]
fn a_cause_named_like_a_reason_phrase_says_both() {
    let out = stdout(&["Request Timeout"]);
    assert!(
        out.starts_with("REQUEST_TIMEOUT \"Request Timeout\" (Common causes)\n"),
        "{out}"
    );
    assert!(
        out.ends_with("also the reason phrase of 408 Request Timeout: `sip-cause 408`\n"),
        "{out}"
    );
}

//! `sip-cause --linphone`, `table --linphone` and `table --clients`: liblinphone's table in
//! the tool, as forgiving as the other tables' lookups.

mod tool;

use cause_core::{Cause, JsSipCause, LinphoneReason};
use tool::{failure, sip_cause, stdout};

#[test]
fn a_code_shows_the_reason_a_linphone_call_reports() {
    let description = LinphoneReason::Busy.description();
    let expected =
        format!("486 Busy Here\nlinphone: BUSY \"Busy\" (LinphoneReason 6)\n{description}\n");
    for query in ["486", " 486 ", "Busy Here", "busy here"] {
        assert_eq!(stdout(&["--linphone", query]), expected, "{query:?}");
    }
    assert_eq!(
        stdout(&["--linphone", "302"]),
        "302 Moved Temporarily\nlinphone: none (a Linphone call does not end on 302 with a Contact (it follows one); the responses it ends on are 300, 303..=400, 402..=406, 408..=421, 423..=699)\nlinphone, without a Contact: NONE \"No error\" (LinphoneReason 0)\n"
    );
    assert_eq!(
        stdout(&["--linphone", "401"]),
        "401 Unauthorized\nlinphone: none (a Linphone call does not end on 401; the responses it ends on are 300, 303..=400, 402..=406, 408..=421, 423..=699)\n"
    );
    assert!(stdout(&["--linphone", "500"]).starts_with(
        "500 Server Internal Error\nlinphone: UNKNOWN \"Unknown error\" (LinphoneReason 22)\n"
    ));
}

#[test]
fn a_reason_shows_its_codes_and_what_declining_with_it_sends() {
    let description = LinphoneReason::Declined.description().replace('`', "");
    let expected = format!(
        "DECLINED \"Call declined\" (LinphoneReason 3)\nstatus codes: 603 Decline\ndeclined with it: 603 Decline\na SIP.js caller then reports: REJECTED\na JsSIP caller then reports: REJECTED\n{description}\n"
    );
    for query in ["DECLINED", "declined", "Call declined", " call DECLINED "] {
        assert_eq!(stdout(&["--linphone", query]), expected, "{query:?}");
    }
    let none = stdout(&["--linphone", "NO_RESPONSE"]);
    assert!(
        none.contains("\nstatus codes: none (no final response ends a call with it)\ndeclined with it: 400 Bad Request\na SIP.js caller then reports: SIP_FAILURE_CODE\n"),
        "{none}"
    );
    let unknown = stdout(&["--linphone", "unknown"]);
    assert!(
        unknown.contains("\nstatus codes: every failure response (300, 303..=400, 402..=406, 408..=421 or 423..=699) no other reason lists\n"),
        "{unknown}"
    );
    // The C enum's other names.
    assert!(stdout(&["--linphone", "bad_credentials"]).starts_with("FORBIDDEN "));
}

#[test]
fn mistakes_say_what_is_wrong() {
    assert_eq!(
        failure(&["--linphone", "BUSSY"]),
        "sip-cause: error: `BUSSY` is no status code, Linphone reason or reason phrase: did you mean `BUSY` (\"Busy\")?\n"
    );
    assert_eq!(
        failure(&["--linphone", "--jssip", "486"]),
        "sip-cause: error: `--linphone` cannot be used with `--jssip` (see `sip-cause --help`)\n"
    );
    assert_eq!(
        failure(&["--linphone", "--in-dialog", "481"]),
        "sip-cause: error: `--linphone` cannot be used with `--in-dialog` (see `sip-cause --help`)\n"
    );
    assert_eq!(
        failure(&["Call declined"]),
        "sip-cause: error: `Call declined` is a reason of liblinphone 5.1.65's: `sip-cause --linphone 'Call declined'`\n"
    );
    // `--linphone` alone asks for nothing: the usage, as for no argument.
    let alone = sip_cause(&["--linphone"]);
    assert_eq!(alone.status.code(), Some(2));
    assert_eq!(alone.stderr, sip_cause(&[]).stderr);
}

#[test]
fn table_linphone_lists_every_reason_as_markdown_and_json() {
    let table = stdout(&["table", "--linphone"]);
    for reason in LinphoneReason::ALL {
        let row = format!(
            "| {} | `{}` | `{}` |",
            reason.code(),
            reason.name(),
            reason.as_str()
        );
        assert!(table.contains(&row), "{row}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["table", "--linphone", "--json"])).expect("JSON");
    let rows = json["cause"].as_array().expect("a list of reasons");
    assert_eq!(rows.len(), LinphoneReason::ALL.len());
    for (row, reason) in rows.iter().zip(LinphoneReason::ALL) {
        assert_eq!(row["constant"], reason.name());
        assert_eq!(row["code"], reason.code());
        assert_eq!(row["response"], serde_json::json!(reason.response()));
        assert_eq!(
            row["status-codes"],
            serde_json::json!(reason.status_codes())
        );
    }
    assert_eq!(json["failure"].as_array().map(Vec::len), Some(5));
}

#[test]
fn table_clients_puts_the_three_libraries_side_by_side() {
    let table = stdout(&["table", "--clients"]);
    let rows: Vec<&str> = table.lines().skip(2).collect();
    let mut codes: Vec<u16> = (Cause::ALL.iter().flat_map(|c| c.status_codes()))
        .chain(JsSipCause::ALL.iter().flat_map(|c| c.status_codes()))
        .chain(LinphoneReason::ALL.iter().flat_map(|c| c.status_codes()))
        .copied()
        .collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(rows.len(), codes.len(), "{table}");
    assert!(
        table.contains(
            "| 302 Moved Temporarily | `REDIRECTED` | `REDIRECTED` | none: not an end |\n"
        )
    );
    assert!(table.contains(
        "| 487 Request Terminated | `SIP_FAILURE_CODE` | `SIP_FAILURE_CODE` | `NONE` |\n"
    ));
    assert!(table.contains("| 486 Busy Here | `BUSY` | `BUSY` | `BUSY` |\n"));
}

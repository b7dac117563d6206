//! `sip-cause q850` and `sip-cause table --q850`: the Q.850 side of the tool, as forgiving as
//! the causes' side.

mod doc_blocks;
mod tool;

use tool::{failure, stdout};

#[test]
fn q850_shows_a_pstn_cause_and_its_sip_side() {
    let description = cause_core::Q850::UserBusy.description();
    let expected = format!(
        "17 USER_BUSY \"User busy\" (Normal event)\nresponse: 486 Busy Here (RFC 3398)\nAsterisk sends: 486 Busy Here\nFreeSWITCH sends: 486 Busy Here\ncause: BUSY \"Busy\" (SIP error causes)\n{description}\n"
    );
    for query in ["17", "USER_BUSY", "user_busy", "User busy", " 17 "] {
        assert_eq!(stdout(&["q850", query]), expected, "{query:?}");
    }
    let status = stdout(&["q850", "30"]);
    assert!(
        status.contains("response: none (RFC 3398 gives none)\nAsterisk sends: 603 Decline\nFreeSWITCH sends: 480 Temporarily Unavailable\ncause: none\n"),
        "{status}"
    );
    assert_eq!(
        failure(&["q850", "200"]),
        "sip-cause: error: 200 is no Q.850 cause value: `sip-cause table --q850` lists them\n"
    );
    let table = stdout(&["table", "--q850"]);
    assert_eq!(
        table.matches("\n## ").count() + usize::from(table.starts_with("## ")),
        7
    );
    for &q850 in cause_core::Q850::ALL {
        assert!(
            table.contains(&format!("| {} | `{}` |", q850.code(), q850.name())),
            "{q850:?}"
        );
    }
}

/// Issue 15's transcript: the Q.850 side as forgiving as the causes', whole tables as JSON,
/// long arguments cut, reason phrases understood.
#[test]
fn q850_lookups_forgive_and_suggest_like_causes() {
    let unallocated = stdout(&["q850", "UNALLOCATED"]);
    for query in ["unallocated", " Unallocated ", "unallocated_number", "1"] {
        assert_eq!(stdout(&["q850", query]), unallocated, "{query:?}");
    }
    // Asterisk's aliases, which `sip-cause help q850` offers, name Q.850 causes too.
    assert_eq!(stdout(&["q850", "BUSY"]), stdout(&["q850", "17"]));
    assert_eq!(stdout(&["q850", "congestion"]), stdout(&["q850", "34"]));
    assert_eq!(
        failure(&["q850", "USR_BUSY"]),
        "sip-cause: error: `USR_BUSY` is no Q.850 cause: did you mean `USER_BUSY` (\"User busy\")?\n"
    );
    assert_eq!(
        failure(&["q850", "zzz"]),
        "sip-cause: error: `zzz` is no Q.850 cause: give a cause value (17), a name (USER_BUSY) or an ITU name (\"User busy\")\n"
    );
}

#[test]
fn table_json_q850_is_the_q850_table() {
    let json: serde_json::Value = serde_json::from_str(&stdout(&["table", "--json", "--q850"]))
        .expect("the Q.850 table is JSON");
    let causes = json["cause"].as_array().expect("a list of causes");
    assert_eq!(causes.len(), cause_core::Q850::ALL.len());
    for (row, q850) in causes.iter().zip(cause_core::Q850::ALL) {
        assert_eq!(row["code"], q850.code());
        assert_eq!(row["constant"], q850.name());
        assert_eq!(row["value"], q850.as_str());
        assert_eq!(row["category"], q850.category().key());
    }
    assert_eq!(json["ranges"]["code"], serde_json::json!([1, 127]));
    assert_eq!(json["category"].as_array().map(Vec::len), Some(7));
}

#[test]
fn freeswitch_and_asterisk_causes_by_name_or_number() {
    // The description as a terminal shows it: code spans without their backticks.
    let expected = "806 USER_NOT_REGISTERED \"USER_NOT_REGISTERED\" (FreeSWITCH's own causes)\nalso parsed from: \"SWITCH_CAUSE_USER_NOT_REGISTERED\"\nFreeSWITCH sends: 480 Temporarily Unavailable\nq850: none (806 is outside Q.850's 1..=127)\nThe dialled user has no registration, so there is no contact to ring. hangup_cause_to_sip does not list it, so FreeSWITCH answers 480, its default.\n";
    for query in [
        "806",
        "USER_NOT_REGISTERED",
        " user_not_registered ",
        "SWITCH_CAUSE_USER_NOT_REGISTERED",
    ] {
        assert_eq!(stdout(&["freeswitch", query]), expected, "{query:?}");
    }
    let busy = stdout(&["asterisk", "17"]);
    assert!(
        busy.starts_with("17 USER_BUSY \"User busy\"\nalso parsed from: \"BUSY\", \"AST_CAUSE_USER_BUSY\", \"AST_CAUSE_BUSY\"\nAsterisk sends: 486 Busy Here\nAsterisk records it for: 486 Busy Here, 600 Busy Everywhere\nq850: 17 USER_BUSY"),
        "{busy}"
    );
    // A description's rustdoc links show as their labels, its markdown as plain text and a
    // Rust path as the cause it names: a terminal shows no markup.
    assert!(
        busy.ends_with(
            "\nThe Q.850 cause 17, User busy (Q.850 17 USER_BUSY), as Asterisk names it.\n"
        ),
        "{busy}"
    );
    for table in ["--freeswitch", "--asterisk"] {
        assert!(!stdout(&["table", table]).contains("](crate::"), "{table}");
    }
    // The C names of causes.h too, as code and logs print them.
    for query in [
        "BUSY",
        "busy",
        "User busy",
        "user_busy",
        "AST_CAUSE_BUSY",
        "ast_cause_user_busy",
    ] {
        assert_eq!(stdout(&["asterisk", query]), busy, "{query:?}");
    }
    assert!(stdout(&["asterisk", "8"]).starts_with("8 PRE_EMPTED \"Pre-empted\"\n"));
    // A C name pasted without the subcommand says which one reads it; `q850` reads both.
    assert_eq!(
        failure(&["AST_CAUSE_BUSY"]),
        "sip-cause: error: `AST_CAUSE_BUSY` is an Asterisk hangup cause: `sip-cause asterisk AST_CAUSE_BUSY`\n"
    );
    assert_eq!(
        failure(&["SWITCH_CAUSE_USER_BUSY"]),
        "sip-cause: error: `SWITCH_CAUSE_USER_BUSY` is a FreeSWITCH hangup cause: `sip-cause freeswitch SWITCH_CAUSE_USER_BUSY`\n"
    );
    for query in ["AST_CAUSE_BUSY", "SWITCH_CAUSE_USER_BUSY"] {
        assert_eq!(stdout(&["q850", query]), stdout(&["q850", "17"]), "{query}");
    }
    // One layout for every table's cause: code, constant, value in quotes, group where the
    // table has groups, then the aliases as `sip-cause` and `q850` show them.
    let freeswitch = stdout(&["freeswitch", "USER_BUSY"]);
    assert!(
        freeswitch.starts_with(
            "17 USER_BUSY \"USER_BUSY\" (Q.850 cause values)\nalso parsed from: \"SWITCH_CAUSE_USER_BUSY\"\nFreeSWITCH sends: 486 Busy Here\n"
        ),
        "{freeswitch}"
    );
    assert!(
        stdout(&["WebRTC Not Supported"]).contains("also parsed from: \"WebRTC Not Supported\"\n")
    );
    assert!(stdout(&["freeswitch", "45"]).contains("q850: none (Q.850 leaves 45 unassigned)\n"));
    // A fallback's codes are named for what they are: Asterisk's normal clearing stands for
    // every response below 400 (1xx and 2xx too), not for failures.
    let recorded = [
        (
            "asterisk",
            "NORMAL_CLEARING",
            "Asterisk records it for: every response (100..=399) no other cause lists\n",
        ),
        (
            "asterisk",
            "INTERWORKING",
            "505 Version Not Supported, and every failure response (400..=499 or 600..=699) no other cause lists\n",
        ),
        (
            "freeswitch",
            "NORMAL_UNSPECIFIED",
            "FreeSWITCH records it for: every response (100..=699) no other cause lists\n",
        ),
    ];
    for (system, cause, line) in recorded {
        assert!(stdout(&[system, cause]).contains(line), "{system} {cause}");
    }
    assert!(
        stdout(&["table", "--asterisk"])
            .contains(" | every response (100..=399) no other cause lists | ")
    );
    assert!(
        stdout(&["table", "--freeswitch"])
            .contains(" | every response (100..=699) no other cause lists | ")
    );
    assert!(stdout(&["asterisk", "0"]).contains("q850: none (0 is outside Q.850's 1..=127)\n"));
    // A constant that is also the value is named once.
    assert_eq!(
        failure(&["freeswitch", "USR_BUSY"]),
        "sip-cause: error: `USR_BUSY` is no FreeSWITCH cause: did you mean `USER_BUSY`?\n"
    );
    assert_eq!(
        failure(&["asterisk", "PRE_EMPTD"]),
        "sip-cause: error: `PRE_EMPTD` is no Asterisk cause: did you mean `PRE_EMPTED` (\"Pre-empted\")?\n"
    );
    assert_eq!(
        failure(&["freeswitch", "900"]),
        "sip-cause: error: 900 is no FreeSWITCH cause value: `sip-cause table --freeswitch` lists them\n"
    );
    let table = stdout(&["table", "--freeswitch"]);
    for cause in cause_core::FreeSwitchCause::ALL {
        assert!(
            table.contains(&format!("| {} | `{}` |", cause.code(), cause.name())),
            "{cause:?}"
        );
    }
    let table = stdout(&["table", "--asterisk"]);
    assert_eq!(
        table.lines().count(),
        cause_core::AsteriskCause::ALL.len() + 2
    );
    for table in ["--freeswitch", "--asterisk"] {
        let json: serde_json::Value =
            serde_json::from_str(&stdout(&["table", table, "--json"])).expect("JSON");
        assert!(json["defaults"]["response"].is_u64(), "{table}");
    }
    // Each `[failure]` range with its fallback, as the table writes them: one for FreeSWITCH
    // (31 for any code `sofia_glue_sip_cause_to_freeswitch` does not list), the four class
    // defaults of `ast_sip_hangup_sip2cause` for Asterisk.
    let failure = |table: &str| {
        let json: serde_json::Value =
            serde_json::from_str(&stdout(&["table", table, "--json"])).expect("JSON");
        json["failure"].clone()
    };
    assert_eq!(
        failure("--freeswitch"),
        serde_json::json!({"codes": [100, 699], "fallback": "NORMAL_UNSPECIFIED"})
    );
    assert_eq!(
        failure("--asterisk"),
        serde_json::json!([
            {"codes": [100, 399], "fallback": "NORMAL_CLEARING"},
            {"codes": [400, 499], "fallback": "INTERWORKING"},
            {"codes": [500, 599], "fallback": "NORMAL_CIRCUIT_CONGESTION"},
            {"codes": [600, 699], "fallback": "INTERWORKING"},
        ])
    );
}

#[test]
fn the_gateway_doc_shows_the_gateways_table_the_tool_prints() {
    let section = doc_blocks::block("docs/gateway.md", "gateways");
    assert_eq!(
        section.trim_end(),
        stdout(&["table", "--gateways"]).trim_end()
    );
}

#[test]
fn table_jssip_is_jssips_table_like_the_others() {
    let table = stdout(&["table", "--jssip"]);
    for category in cause_core::JsSipCategory::ALL {
        assert!(table.contains(&format!("## {category}\n")), "{category}");
    }
    for cause in cause_core::JsSipCause::ALL {
        assert!(
            table.contains(&format!("| `{}` | `{}` |", cause.name(), cause.as_str())),
            "{cause:?}"
        );
    }
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["table", "--jssip", "--json"])).expect("JSON");
    let causes = json["cause"].as_array().expect("a list of causes");
    assert_eq!(causes.len(), cause_core::JsSipCause::ALL.len());
    for (row, cause) in causes.iter().zip(cause_core::JsSipCause::ALL) {
        assert_eq!(
            (&row["constant"], &row["value"]),
            (&cause.name().into(), &cause.as_str().into())
        );
    }
    assert_eq!(
        json["failure"],
        serde_json::json!({"codes": [300, 699], "fallback": "SIP_FAILURE_CODE"})
    );
    assert!(json.get("reason-phrases").is_none());
}

/// Issue 34, point 6: a status code's `q850:` line is what the library answers for it,
/// `Q850::for_failure_response` (RFC 3398 §8.2.6.1 with its default, 31), for every code that
/// has a SIP cause: 487 and 488 included, not only the codes a row lists.
#[test]
fn every_code_shows_the_q850_cause_the_library_answers() {
    use cause_core::{Cause, Gateway, Q850};
    for &code in &[300, 302, 399, 400, 403, 486, 487, 488, 503, 599, 606, 699] {
        let out = stdout(&[&code.to_string()]);
        let lines: Vec<&str> = out.lines().filter(|l| l.starts_with("q850: ")).collect();
        let expected = match Q850::for_failure_response(code) {
            Some(q850) => format!("q850: {} {}", q850.code(), q850.name()),
            None => "q850: none (RFC 3398 maps the rejections, 400..=699, to Q.850)".to_owned(),
        };
        assert_eq!(lines.len(), 1, "{code}: {out}");
        assert!(lines[0].starts_with(&expected), "{code}: {out}");
        // One answer: the gateway's RFC 3398 rule records the same.
        assert_eq!(
            Gateway::Rfc3398
                .for_failure_response(code)
                .map(|c| c.code()),
            Q850::for_failure_response(code).map(Q850::code),
            "{code}"
        );
        assert!(Cause::for_failure_response(code).is_some(), "{code}");
    }
    assert!(stdout(&["487"]).contains("q850: 31 NORMAL_UNSPECIFIED"));
    assert!(stdout(&["488"]).contains("q850: 31 NORMAL_UNSPECIFIED"));
}

//! `sip-cause q850` and `sip-cause table --q850`: the Q.850 side of the tool, as forgiving as
//! the causes' side.

mod tool;

use tool::{failure, stdout};

#[test]
fn q850_shows_a_pstn_cause_and_its_sip_side() {
    let description = cause_core::Q850::UserBusy.description();
    let expected = format!(
        "17 USER_BUSY \"User busy\" (Normal event)\nresponse: 486 Busy Here (RFC 3398)\ncause: BUSY \"Busy\" (SIP error causes)\n{description}\n"
    );
    for query in ["17", "USER_BUSY", "user_busy", "User busy", " 17 "] {
        assert_eq!(stdout(&["q850", query]), expected, "{query:?}");
    }
    let status = stdout(&["q850", "30"]);
    assert!(
        status.contains("response: none (RFC 3398 gives none)\ncause: none\n"),
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

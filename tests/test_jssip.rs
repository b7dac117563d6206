//! JsSIP 3.13.8's table as the docs and the tool show it: the table of `docs/clients.md` of where
//! SIP.js's and JsSIP's tables differ, and `sip-cause --jssip`. The table itself is checked
//! against JsSIP's `Constants.js` by cause-core's `tests/test_jssip.rs`.

mod doc_blocks;
mod tool;

use cause_core::{Cause, JsSipCause, reason_phrase};
use tool::{failure, stdout};

/// Where SIP.js 0.6's table and JsSIP 3.13.8's differ, as markdown: the causes only one has,
/// the values spelt differently, and every final failure code they map apart.
fn differences() -> String {
    let mut out =
        String::from("| | SIP.js 0.6 (`Cause`) | JsSIP 3.13.8 (`JsSipCause`) |\n|---|---|---|\n");
    let names = |causes: &mut dyn Iterator<Item = &'static str>| {
        causes
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let only_sipjs = Cause::ALL
        .iter()
        .filter(|c| c.jssip().is_none())
        .map(|c| c.name());
    let only_jssip = JsSipCause::ALL
        .iter()
        .filter(|c| c.sipjs().is_none())
        .map(|c| c.name());
    out.push_str(&format!(
        "| Only one has | {} | {} |\n",
        names(&mut only_sipjs.into_iter()),
        names(&mut only_jssip.into_iter())
    ));
    for &cause in JsSipCause::ALL {
        if let Some(sipjs) = cause.sipjs().filter(|s| s.as_str() != cause.as_str()) {
            out.push_str(&format!(
                "| `{}` | `{:?}` | `{:?}` |\n",
                cause.name(),
                sipjs.as_str(),
                cause.as_str()
            ));
        }
    }
    for code in 300..=699 {
        let sipjs = Cause::for_failure_response(code).map(Cause::name);
        let jssip = JsSipCause::for_failure_response(code).map(JsSipCause::name);
        if sipjs != jssip {
            let phrase = reason_phrase(code)
                .map(|p| format!(" {p}"))
                .unwrap_or_default();
            out.push_str(&format!(
                "| {code}{phrase} | `{}` | `{}` |\n",
                sipjs.unwrap_or("none"),
                jssip.unwrap_or("none")
            ));
        }
    }
    out
}

#[test]
fn the_clients_doc_shows_where_the_two_browser_tables_differ() {
    let section = doc_blocks::block("docs/clients.md", "jssip-differences");
    assert_eq!(
        section.trim_end(),
        differences().trim_end(),
        "\n{}",
        differences()
    );
}

#[test]
fn the_tool_looks_codes_and_causes_up_as_jssip_sees_them() {
    let description = JsSipCause::AddressIncomplete.description();
    assert_eq!(
        stdout(&["--jssip", "424"]),
        format!(
            "424 Bad Location Information\njssip: ADDRESS_INCOMPLETE \"Address Incomplete\" (SIP error causes)\nsip.js: SIP_FAILURE_CODE \"SIP Failure Code\" (Common causes)\n{description}\n"
        )
    );
    // Where both agree, no second line.
    assert!(!stdout(&["--jssip", "486"]).contains("sip.js:"));
    assert!(stdout(&["--jssip", "--in-dialog", "481"]).contains("jssip: DIALOG_ERROR"));
    let missing = stdout(&["--jssip", "missing sdp"]);
    assert!(
        missing.starts_with("MISSING_SDP \"Missing SDP\" (SIP error causes)\nsip.js: none"),
        "{missing}"
    );
    assert!(stdout(&["--jssip", "BUSY"]).contains("sip.js: BUSY \"Busy\" (SIP error causes)\n"));
    assert_eq!(
        failure(&["--jssip", "MISING_SDP"]),
        "sip-cause: error: `MISING_SDP` is no status code, cause or reason phrase: did you mean `MISSING_SDP` (\"Missing SDP\")?\n"
    );
}

//! The table of triggers of `docs/proofs.md`, written from what the libraries reported (not
//! from the expectations of `ROWS`), and compared with the document's.

use std::collections::BTreeSet;

use serde_json::Value;

use super::{Library, Outcome::*, REJECT, ROWS, Row, Run, outcome, report};

/// What a library did, as `docs/proofs.md` says it: from the report, not from the expectations.
fn cell(run: &Run, library: &Library, row: &Row) -> String {
    let (outcome, reply) = outcome(row, library.key);
    let found = report(run, library.key, row.cause);
    let sends = reply.map_or(String::new(), |r| format!(", sends {r}"));
    match (outcome, found) {
        (Absent, _) => "not in its table".to_owned(),
        (AbsentThrows(_), Some(r)) => {
            format!("not in its table; throws `{}`", str(&r["thrown"]))
        }
        (NoLiveCode, _) => "never: only comments name it".to_owned(),
        (Throws(_), Some(r)) => format!("never: throws `{}`", str(&r["thrown"])),
        (ReportsInstead(_), Some(r)) => {
            format!(
                "never: `{}` with {:?} instead",
                str(&r["event"]),
                str(&r["cause"])
            )
        }
        (ReportsNull(_), Some(r)) => format!("never: `{}` with `null`{sends}", str(&r["event"])),
        (Reports(_), Some(r)) => format!("`{}`{sends}", str(&r["event"])),
        (_, None) => panic!("{} {}: no report", library.name, row.cause),
    }
}

/// "a 486 to the INVITE", or "a 400 (SIP.js), 500 (JsSIP) to the INVITE" where they differ.
fn reject_text(run: &Run, cause: &str) -> String {
    let codes: Vec<(&str, u64)> = ["sipjs", "jssip"]
        .into_iter()
        .filter_map(|lib| {
            let found = report(run, lib, cause)?;
            let code = str(&found["behaviour"])
                .strip_prefix("reject.")?
                .parse()
                .ok()?;
            Some((if lib == "sipjs" { "SIP.js" } else { "JsSIP" }, code))
        })
        .collect();
    let distinct: BTreeSet<u64> = codes.iter().map(|(_, code)| *code).collect();
    let codes = match distinct.len() {
        1 => codes[0].1.to_string(),
        _ => codes
            .iter()
            .map(|(lib, code)| format!("{code} ({lib})"))
            .collect::<Vec<_>>()
            .join(", "),
    };
    format!("a {codes} to the INVITE")
}

fn str(value: &Value) -> &str {
    value.as_str().unwrap_or("null")
}

pub(super) fn check_doc(run: &Run, libraries: &[Library; 2]) {
    let mut table = format!(
        "| cause | what triggers it | {} | {} |\n|---|---|---|---|\n",
        libraries[0].name, libraries[1].name
    );
    for row in ROWS {
        let trigger = match row.trigger {
            REJECT => reject_text(run, row.cause),
            text => text.to_owned(),
        };
        table.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            row.cause,
            trigger,
            cell(run, &libraries[0], row),
            cell(run, &libraries[1], row),
        ));
    }
    // A blank line ends the table before the closing comment.
    assert_eq!(
        super::doc_blocks::block("docs/proofs.md", "triggers").trim_end(),
        table.trim_end(),
        "docs/proofs.md's triggers table differs; it should be:\n{table}"
    );
}

//! Every Reason protocol's table against Wireshark, the third oracle: Debian's tshark 4.0.17
//! names every EMM, ESM, 5GMM, 5GSM, S1AP and NGAP cause, and the Diameter and IKEv2 causes of
//! GTPv2's RAN/NAS Cause, in the value strings of its dissectors, which
//! `scripts/record_wireshark.py` recorded in `tests/recorded/wireshark-4.0.17.json` ("fields";
//! `.ci/run` records again and fails on any difference), so this test needs no Wireshark.
//!
//! The rule, for each table and each Wireshark field that decodes its numbers: the field's
//! numbers, but for its placeholders ("Unused", "RESERVED", "Unassigned"), are the table's
//! numbers; each string Wireshark prints for a number is the row's value or one of its aliases,
//! but for the slips listed below; and each alias is a string Wireshark prints for that number.
//! docs/proofs.md shows the outcome, table by table, in a block this test writes.

mod doc_blocks;

use std::collections::{BTreeMap, BTreeSet};

use cause_core::{ReasonCause, ReasonProtocol};
use serde::Deserialize;

#[derive(Deserialize)]
struct Recording {
    tshark: String,
    fields: BTreeMap<String, Vec<serde_json::Value>>,
    blocks: BTreeMap<String, Vec<usize>>,
}

/// A Wireshark field that decodes a protocol's cause numbers.
struct Mirror {
    field: &'static str,
    /// For a field registered more than once under one name, which registration.
    block: Option<usize>,
    /// Strings that stand for no cause.
    placeholders: &'static [&'static str],
    /// The numbers of the field that are causes of the protocol.
    codes: std::ops::RangeInclusive<u16>,
}

const fn mirror(field: &'static str) -> Mirror {
    Mirror {
        field,
        block: None,
        placeholders: &[],
        codes: 0..=u16::MAX,
    }
}

/// The fields each protocol's table mirrors; the protocols not listed have none.
fn mirrors(protocol: ReasonProtocol) -> Vec<Mirror> {
    use ReasonProtocol as P;
    let one = |field| vec![mirror(field)];
    match protocol {
        P::Emm => one("nas_eps.emm.cause"),
        P::Esm => vec![Mirror {
            placeholders: &["Unused"],
            ..mirror("nas_eps.esm.cause")
        }],
        P::FiveGmm => one("nas_5gs.mm.5gmm_cause"),
        P::FiveGsm => one("nas_5gs.sm.5gsm_cause"),
        P::S1apRnl => one("s1ap.radioNetwork"),
        P::S1apTl => one("s1ap.transport"),
        P::S1apNas => one("s1ap.nas"),
        P::S1apMisc => one("s1ap.misc"),
        P::S1apProt => one("s1ap.protocol"),
        P::NgapRnl => one("ngap.radioNetwork"),
        P::NgapTl => one("ngap.transport"),
        P::NgapNas => one("ngap.nas"),
        P::NgapMisc => one("ngap.misc"),
        P::NgapProt => one("ngap.protocol"),
        // The cause of GTPv2's RAN/NAS Cause that IANA's entry references, and the AVP.
        P::Diameter => vec![
            Mirror {
                placeholders: &["Unassigned"],
                ..mirror("gtpv2.ran_nas.diameter_cause")
            },
            Mirror {
                placeholders: &["Unassigned"],
                ..mirror("diameter.Termination-Cause")
            },
        ],
        // The cause of GTPv2's RAN/NAS Cause, and IKEv2's own notify types (the field's second
        // registration, IKEv2's after IKEv1's).
        P::Ikev2 => vec![
            mirror("gtpv2.ran_nas.ikev2_cause"),
            // Its error types; 16384 on are status types.
            Mirror {
                block: Some(1),
                placeholders: &["RESERVED"],
                codes: 1..=16383,
                ..mirror("isakmp.notify.msgtype")
            },
        ],
        _ => vec![],
    }
}

/// Recorded fields no table mirrors, and why.
const NOT_MIRRORED: [(&str, &str); 2] = [
    (
        "diameter.Result-Code",
        "DIAMETER's `cause=` is a Termination-Cause, not a Result-Code (registry/diameter.toml)",
    ),
    (
        "diameter.Experimental-Result-Code",
        "vendor-scoped codes, which a two-octet cause without a vendor id cannot carry",
    ),
];

/// Where Wireshark prints for a number another row's name: a copy slip in one of its tables,
/// which the other field decoding the same cause gets right.
const SLIPS: [(&str, u16, &str); 2] = [
    ("diameter.Termination-Cause", 31, "Reauthentication Failure"),
    ("isakmp.notify.msgtype", 46, "CHILD_SA_NOT_FOUND"),
];

fn recording() -> Recording {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/recorded/wireshark-4.0.17.json"
    );
    let text = std::fs::read_to_string(path).expect("the recording is readable");
    serde_json::from_str(&text).expect("the recording is JSON of the expected shape")
}

/// `{number: [strings]}` of one mirror: its single values (`[value, "string"]`, and ranges
/// of one value), placeholders left out.
fn wireshark(recording: &Recording, mirror: &Mirror) -> BTreeMap<u16, Vec<String>> {
    let mut entries = &recording.fields[mirror.field][..];
    if let Some(block) = mirror.block {
        let sizes = &recording.blocks[mirror.field];
        let start: usize = sizes[..block].iter().sum();
        entries = &entries[start..start + sizes[block]];
    }
    let mut strings = BTreeMap::new();
    for entry in entries {
        let entry = entry.as_array().expect("an entry is an array");
        let (code, string) = match entry.as_slice() {
            [code, string] => (code.as_u64(), string.as_str()),
            [kind, low, high, string] if kind == "R" && low == high => {
                (low.as_u64(), string.as_str())
            }
            _ => continue,
        };
        let (code, string) = (code.expect("a number"), string.expect("a string"));
        if mirror.placeholders.contains(&string) {
            continue;
        }
        let code = u16::try_from(code).expect("a cause number");
        if !mirror.codes.contains(&code) {
            continue;
        }
        strings
            .entry(code)
            .or_insert_with(Vec::new)
            .push(string.to_owned());
    }
    strings
}

/// The outcome for one table: its rows, and the aliases Wireshark's strings account for.
struct Checked {
    protocol: ReasonProtocol,
    rows: usize,
    fields: Vec<&'static str>,
    /// Each row whose value Wireshark prints otherwise: number, value, Wireshark's string.
    renamed: Vec<(u16, &'static str, String)>,
}

fn check_table(recording: &Recording, protocol: ReasonProtocol) -> Result<Checked, Vec<String>> {
    let causes: Vec<ReasonCause> = protocol.causes().collect();
    let codes: BTreeSet<u16> = causes.iter().map(|c| c.code()).collect();
    let mut errors = Vec::new();
    let mut seen: BTreeMap<u16, BTreeSet<String>> = BTreeMap::new();
    let mut renamed = Vec::new();
    let mirrors = mirrors(protocol);
    for mirror in &mirrors {
        let strings = wireshark(recording, mirror);
        let field = mirror.field;
        let theirs: BTreeSet<u16> = strings.keys().copied().collect();
        if theirs != codes {
            let only_theirs: Vec<_> = theirs.difference(&codes).collect();
            let only_ours: Vec<_> = codes.difference(&theirs).collect();
            errors.push(format!(
                "{field}: only Wireshark {only_theirs:?}, only the table {only_ours:?}"
            ));
        }
        for cause in &causes {
            for string in strings.get(&cause.code()).into_iter().flatten() {
                seen.entry(cause.code()).or_default().insert(string.clone());
                let named = cause.as_str() == Some(string.as_str())
                    || cause.aliases().contains(&string.as_str());
                let slip = SLIPS.contains(&(field, cause.code(), string.as_str()));
                match (named, slip) {
                    (true, true) => {
                        errors.push(format!("{field} {}: {string:?} is no slip", cause.code()))
                    }
                    (false, false) => errors.push(format!(
                        "{field} {}: {string:?} is neither value nor alias",
                        cause.code()
                    )),
                    (false, true) => {}
                    (true, false) if cause.as_str() != Some(string.as_str()) => {
                        let value = cause.as_str().expect("a row's value");
                        let entry = (cause.code(), value, string.clone());
                        if !renamed.contains(&entry) {
                            renamed.push(entry);
                        }
                    }
                    (true, false) => {}
                }
            }
        }
    }
    for cause in &causes {
        for alias in cause.aliases() {
            if !seen.get(&cause.code()).is_some_and(|s| s.contains(*alias)) {
                errors.push(format!(
                    "{}: alias {alias:?} is no string of Wireshark's",
                    cause.code()
                ));
            }
        }
    }
    match errors.is_empty() {
        true => Ok(Checked {
            protocol,
            rows: causes.len(),
            fields: mirrors.iter().map(|m| m.field).collect(),
            renamed,
        }),
        false => Err(errors),
    }
}

fn checked_tables(recording: &Recording) -> Vec<Checked> {
    let mut failures = Vec::new();
    let mut checked = Vec::new();
    for &protocol in ReasonProtocol::ALL {
        // SIP's and Q.850's tables have oracles of their own.
        if matches!(
            protocol,
            ReasonProtocol::Sip | ReasonProtocol::Q850 | ReasonProtocol::Unregistered
        ) {
            continue;
        }
        match check_table(recording, protocol) {
            Ok(table) => checked.push(table),
            Err(errors) => failures.push(format!("{protocol}:\n  {}", errors.join("\n  "))),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    checked
}

#[test]
fn every_table_names_the_numbers_wireshark_names_as_wireshark_does() {
    let recording = recording();
    assert!(recording.tshark.contains("4.0.17"), "{}", recording.tshark);
    let checked = checked_tables(&recording);
    assert_eq!(checked.len(), 20);
    let without: Vec<String> = (checked.iter())
        .filter(|t| t.fields.is_empty())
        .map(|t| t.protocol.to_string())
        .collect();
    assert_eq!(
        without,
        ["Preemption", "RELEASE_CAUSE", "FAILURE_CAUSE", "STIR"]
    );
    // Every recorded field is mirrored, or said why not.
    let mirrored: BTreeSet<&str> = checked
        .iter()
        .flat_map(|t| t.fields.iter().copied())
        .collect();
    for field in recording.fields.keys() {
        let why = NOT_MIRRORED.iter().any(|(f, _)| f == field);
        assert!(mirrored.contains(field.as_str()) != why, "{field}");
    }
}

#[test]
fn each_slip_is_another_rows_name_which_the_other_field_gets_right() {
    let recording = recording();
    for (field, code, string) in SLIPS {
        let protocol = ReasonProtocol::ALL
            .iter()
            .copied()
            .find(|&p| mirrors(p).iter().any(|m| m.field == field))
            .expect("a mirrored field");
        let mirrors = mirrors(protocol);
        let slipped = mirrors.iter().find(|m| m.field == field).unwrap();
        assert!(wireshark(&recording, slipped)[&code].contains(&string.to_owned()));
        let other = ReasonProtocol::causes(protocol).find(|c| c.as_str() == Some(string));
        assert!(
            other.is_some_and(|c| c.code() != code),
            "{string} is another row's value"
        );
        let row = ReasonCause::new(protocol, code);
        let right = mirrors.iter().find(|m| m.field != field).unwrap();
        let value = row.as_str().unwrap().to_owned();
        assert_eq!(
            wireshark(&recording, right)[&code],
            [value],
            "{}",
            right.field
        );
    }
}

/// The type and feature a protocol's description names: "Its causes: `EmmCause` (feature
/// `nas`)."
fn type_and_feature(protocol: ReasonProtocol) -> (&'static str, &'static str) {
    let after = |text: &'static str, mark: &str| {
        let rest = text.split_once(mark).map(|(_, rest)| rest);
        rest.and_then(|rest| rest.split('`').next())
            .expect("the description names it")
    };
    let causes = after(protocol.description(), "Its causes: `");
    (causes, after(protocol.description(), "(feature `"))
}

/// The block of docs/proofs.md: each table, its rows, the fields it is checked against, and
/// where Wireshark names a cause otherwise than the specification.
#[test]
fn the_proofs_doc_shows_each_table_against_wireshark() {
    let recording = recording();
    let mut block = String::from(
        "| Protocol | Type (feature) | Rows | Checked against | Where Wireshark 4.0.17 writes the name otherwise |\n|---|---|---|---|---|\n",
    );
    for table in checked_tables(&recording) {
        let fields = match table.fields.is_empty() {
            true => "no Wireshark field decodes it".to_owned(),
            false => table
                .fields
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(", "),
        };
        let mut renamed: Vec<String> = (table.renamed.iter())
            .map(|(code, value, theirs)| format!("{code} `{value}`: `{theirs}`"))
            .collect();
        renamed.extend(
            (SLIPS.iter())
                .filter(|(field, ..)| table.fields.contains(field))
                .map(|(field, code, string)| {
                    format!("{code} in `{field}`: `{string}` (another row's name)")
                }),
        );
        let (ty, feature) = type_and_feature(table.protocol);
        block.push_str(&format!(
            "| `{}` | `{ty}` (`{feature}`) | {} | {fields} | {} |\n",
            table.protocol,
            table.rows,
            match renamed.is_empty() {
                true => "\u{2014}".to_owned(),
                false => renamed.join("; "),
            }
        ));
    }
    let shown = doc_blocks::block("docs/proofs.md", "wireshark-tables");
    assert_eq!(shown, block, "docs/proofs.md's block should be:\n{block}");
}

//! cause-core's `Reason` parser against the real sofia-sip's (FreeSWITCH's SIP stack), on the
//! project's fuzz seeds and findings and a fixed set of generated values: every value both
//! accept means the same protocol, cause and text, and every value one refuses is one of the
//! documented differences, listed in `docs/fuzzing.md`. sofia-sip's answers are read from
//! `tests/recorded/sofia-reason.json`, which `scripts/record-libraries.sh` records from the
//! Debian package (`.ci/run` records again and compares), so this test needs no system library.

#[path = "fuzz/checks.rs"]
mod checks;
mod doc_blocks;

use cause_core::Reason;
use checks::{Difference, classify};
use serde::Deserialize;

#[derive(Deserialize)]
struct Recording {
    package: String,
    version: String,
    values: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    input: String,
    /// `None` where sofia-sip refused the input.
    sofia: Option<Vec<SofiaValue>>,
}

#[derive(Deserialize)]
struct SofiaValue {
    protocol: Option<String>,
    cause: Option<String>,
    /// As sofia-sip stores it: the quoted string with its quotes and escapes.
    text: Option<String>,
}

impl From<&SofiaValue> for checks::SofiaValue {
    fn from(value: &SofiaValue) -> Self {
        checks::SofiaValue {
            protocol: value.protocol.clone(),
            cause: value.cause.clone(),
            text: value.text.clone(),
        }
    }
}

fn recording() -> Recording {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/recorded/sofia-reason.json"
    );
    let text = std::fs::read_to_string(path).expect("the recording is readable");
    serde_json::from_str(&text).expect("the recording is JSON of the expected shape")
}

#[test]
fn sofia_sip_and_cause_core_read_reason_values_alike_but_for_the_documented_differences() {
    let recording = recording();
    assert_eq!(recording.package, "libsofia-sip-ua0");
    assert!(!recording.version.is_empty());
    assert!(recording.values.len() > 100, "{}", recording.values.len());
    let mut seen = std::collections::BTreeMap::new();
    for entry in &recording.values {
        let ours = Reason::parse_list(&entry.input).collect::<Result<Vec<_>, _>>();
        let sofia = (entry.sofia.as_ref()).map(|values| values.iter().map(Into::into).collect());
        match classify(&entry.input, &ours, &sofia) {
            Ok(Some(difference)) => seen
                .entry(difference)
                .or_insert_with(Vec::new)
                .push(entry.input.as_str()),
            Ok(None) => {}
            Err(why) => panic!("{:?}: {why}", entry.input),
        }
    }
    // Each listed difference is seen, on its example among others.
    for difference in Difference::ALL {
        let inputs = seen.get(&difference).map(Vec::as_slice).unwrap_or_default();
        assert!(
            inputs.contains(&difference.example()),
            "{difference:?}: {inputs:?}"
        );
    }
    // Where both read a value, they read the same: most of the recording.
    let agreed = recording.values.len() - seen.values().map(Vec::len).sum::<usize>();
    assert!(agreed > 80, "{agreed}");
}

#[test]
fn the_fuzzing_doc_lists_each_difference_with_its_example() {
    let section = doc_blocks::block("docs/fuzzing.md", "sofia-reason");
    for difference in Difference::ALL {
        assert!(
            section.contains(&format!("`{}`", difference.shown())),
            "{difference:?}"
        );
    }
    assert_eq!(
        section
            .lines()
            .filter(|line| line.starts_with("- "))
            .count(),
        Difference::ALL.len(),
        "{section}"
    );
}

//! cause-core's `Reason` parser against the real sofia-sip's (FreeSWITCH's SIP stack), on the
//! project's fuzz seeds and findings and a fixed set of generated values: every value both
//! accept means the same protocol, cause and text, and every value one refuses is one of the
//! documented differences, listed in the README. sofia-sip's answers are read from
//! `tests/recorded/sofia-reason.json`, which `scripts/record-libraries.sh` records from the
//! Debian package (`.ci/run` records again and compares), so this test needs no system library.

use cause_core::{ParseReasonError, Reason, ReasonErrorKind};
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

fn recording() -> Recording {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/recorded/sofia-reason.json"
    );
    let text = std::fs::read_to_string(path).expect("the recording is readable");
    serde_json::from_str(&text).expect("the recording is JSON of the expected shape")
}

/// Why the two parsers part on a value: each the README lists, with one example.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Difference {
    /// sofia-sip keeps any token as `cause` (`abc`, `-1`, `65536`); cause-core takes digits up
    /// to 65535, the only causes SIP and Q.850 define.
    CauseNotANumber,
    /// sofia-sip keeps both of `cause=16;cause=1`; cause-core refuses a parameter RFC 3326
    /// gives one meaning twice.
    CauseTwice,
    /// sofia-sip takes `text` unquoted (`text=Busy`) or bare (`;text`); RFC 3326 makes it a
    /// quoted string, and so does cause-core.
    TextNotQuoted,
    /// sofia-sip skips an empty element of a list (`a,,b`); cause-core calls it an empty
    /// value, as RFC 3261's `#` rule allows but does not ask of a parser.
    EmptyListElement,
}

impl Difference {
    /// The README's line for it: an input from the recording it is seen on.
    fn example(self) -> &'static str {
        match self {
            Difference::CauseNotANumber => "SIP;cause=abc",
            Difference::CauseTwice => "Q.850;cause=16;cause=1",
            Difference::TextNotQuoted => "SIP;text=Busy;cause=486",
            Difference::EmptyListElement => {
                r#"SIP;cause=200;text="Call completed elsewhere",,Q.850;cause=26"#
            }
        }
    }
}

/// The difference an input shows, where the two disagree; `Err` for one no listed difference
/// explains (a new one: look at it, then list it).
fn classify(
    ours: &Result<Vec<Reason<'_>>, ParseReasonError>,
    sofia: &Option<Vec<SofiaValue>>,
) -> Result<Option<Difference>, String> {
    use ReasonErrorKind::*;
    let difference = match (ours, sofia) {
        (Ok(ours), Some(theirs)) if same(ours, theirs) => return Ok(None),
        (Err(_), None) => return Ok(None),
        (Err(error), Some(_)) => match error.kind() {
            CauseNotDigits | CauseTooLarge => Difference::CauseNotANumber,
            DuplicateCause => Difference::CauseTwice,
            TextNotQuoted | MissingValue => Difference::TextNotQuoted,
            Empty => Difference::EmptyListElement,
            kind => {
                return Err(format!(
                    "cause-core refuses it ({kind:?}), sofia-sip reads it"
                ));
            }
        },
        (Ok(_), None) => return Err("cause-core reads it, sofia-sip refuses it".to_owned()),
        (Ok(_), Some(_)) => return Err("both read it, differently".to_owned()),
    };
    Ok(Some(difference))
}

/// Whether the values say the same: protocol as written, the cause's number, the text with its
/// quotes and escapes.
fn same(ours: &[Reason<'_>], theirs: &[SofiaValue]) -> bool {
    ours.len() == theirs.len()
        && ours.iter().zip(theirs).all(|(ours, theirs)| {
            let cause = theirs.cause.as_deref().map(|c| c.parse::<u16>().ok());
            let text = ours
                .text()
                .and_then(|t| t.as_escaped())
                .map(|t| format!("\"{t}\""));
            theirs.protocol.as_deref() == Some(ours.protocol())
                && cause == ours.cause().map(Some)
                && theirs.text == text
        })
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
        match classify(&ours, &entry.sofia) {
            Ok(Some(difference)) => seen
                .entry(difference)
                .or_insert_with(Vec::new)
                .push(entry.input.as_str()),
            Ok(None) => {}
            Err(why) => panic!("{:?}: {why}", entry.input),
        }
    }
    // Each listed difference is seen, on its example among others.
    for difference in [
        Difference::CauseNotANumber,
        Difference::CauseTwice,
        Difference::TextNotQuoted,
        Difference::EmptyListElement,
    ] {
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
fn the_readme_lists_each_difference_with_its_example() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md is readable");
    let section = readme
        .split("<!-- sofia-reason: begin -->")
        .nth(1)
        .and_then(|rest| rest.split("<!-- sofia-reason: end -->").next())
        .expect("the README lists the differences with sofia-sip");
    for difference in [
        Difference::CauseNotANumber,
        Difference::CauseTwice,
        Difference::TextNotQuoted,
        Difference::EmptyListElement,
    ] {
        assert!(
            section.contains(&format!("`{}`", difference.example())),
            "{difference:?}"
        );
    }
    assert_eq!(section.matches("\n- ").count(), 4, "{section}");
}

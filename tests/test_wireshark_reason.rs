//! cause-core's `Reason` parser against Wireshark's (Debian's tshark 4.0.17, the SIP dissector's
//! `sip.reason_*` fields), on the project's Reason corpus, the values sofia-sip is recorded
//! reading too: `scripts/record_wireshark.py` sends each as the `Reason` of a BYE in a capture
//! file and records what tshark shows (`tests/recorded/wireshark-4.0.17.json`; `.ci/run`
//! records again and fails on any difference), so this test needs no Wireshark. Every value
//! either reads alike or shows one of the differences listed in docs/fuzzing.md (a block this
//! test writes, beside sofia-sip's), each with an example the recording holds.

mod doc_blocks;

use cause_core::Reason;
use cause_model::markdown::{code_span, table_cell};
use serde::Deserialize;

#[derive(Deserialize)]
struct Recording {
    tshark: String,
    reason: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    input: String,
    wireshark: Shown,
}

/// What Wireshark shows of one `Reason` header: every occurrence of each field, in order.
#[derive(Deserialize)]
struct Shown {
    #[serde(rename = "sip.reason_protocols")]
    protocols: Vec<String>,
    #[serde(rename = "sip.reason_cause_q850")]
    q850: Vec<String>,
    #[serde(rename = "sip.reason_cause_sip")]
    sip: Vec<String>,
    #[serde(rename = "sip.reason_cause_other")]
    other: Vec<String>,
    #[serde(rename = "sip.reason_text")]
    text: Vec<String>,
}

impl Shown {
    fn cause(&self) -> Option<&str> {
        self.q850
            .iter()
            .chain(&self.sip)
            .chain(&self.other)
            .next()
            .map(String::as_str)
    }

    fn is_empty(&self) -> bool {
        self.protocols.is_empty() && self.cause().is_none() && self.text.is_empty()
    }
}

/// How Wireshark reads a value otherwise than RFC 3326 and cause-core.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Difference {
    /// It shows the first value of a list only.
    FirstValueOnly,
    /// It keeps the white space before `;` in the protocol (`SIP `), and so files the cause
    /// under no known protocol.
    SpaceInProtocol,
    /// It shows nothing of a value without parameters.
    NothingWithoutParameters,
    /// It reads a `cause` that is no number up to 65535 as a number: 0, the leading digits, or
    /// 4294967295.
    CauseNotANumber,
    /// It reads `text` placed before `cause` as no cause (0) and no text.
    TextBeforeCause,
    /// With white space around `=`, it shows as text the message from its first byte.
    TextAfterSpacedEquals,
    /// It ends a quoted text at its first escaped quote (`say \`).
    EscapedQuoteEndsText,
    /// It shows any quoted parameter as the text (`x="y"` gives `y`).
    AnyQuotedParameterAsText,
    /// It finds a cause where the value's `cause` parameter does not give that one: in
    /// another parameter whose name holds `cause` (`%0acause=46`), or none beside others.
    CauseFoundElsewhere,
    /// It shows no text for a quoted text with a tab in it.
    TabDropsText,
    /// It reads, as far as it goes, a value RFC 3326's grammar refuses (an unterminated quote,
    /// an unquoted text, a character no token holds, a parameter twice or empty).
    ReadsWhatTheGrammarRefuses,
}

impl Difference {
    const ALL: [Difference; 11] = [
        Difference::FirstValueOnly,
        Difference::SpaceInProtocol,
        Difference::NothingWithoutParameters,
        Difference::CauseNotANumber,
        Difference::TextBeforeCause,
        Difference::TextAfterSpacedEquals,
        Difference::EscapedQuoteEndsText,
        Difference::AnyQuotedParameterAsText,
        Difference::CauseFoundElsewhere,
        Difference::TabDropsText,
        Difference::ReadsWhatTheGrammarRefuses,
    ];

    /// What Wireshark does, as docs/fuzzing.md says it.
    fn describe(self) -> &'static str {
        match self {
            Difference::FirstValueOnly => "shows the first value of a list only",
            Difference::SpaceInProtocol => {
                "keeps the white space before `;` in the protocol, and so files the cause under no known protocol"
            }
            Difference::NothingWithoutParameters => "shows nothing of a value without parameters",
            Difference::CauseNotANumber => {
                "reads a `cause` that is no number up to 65535 as 0, its leading digits or 4294967295"
            }
            Difference::TextBeforeCause => {
                "reads `text` before `cause` as no cause (0) and no text"
            }
            Difference::TextAfterSpacedEquals => {
                "with white space around `=`, shows as the text the message from its first byte"
            }
            Difference::EscapedQuoteEndsText => "ends a quoted text at its first escaped quote",
            Difference::AnyQuotedParameterAsText => "shows any quoted parameter as the text",
            Difference::CauseFoundElsewhere => {
                "finds a cause in another parameter whose name holds `cause`"
            }
            Difference::TabDropsText => "shows no text for a quoted text with a tab in it",
            Difference::ReadsWhatTheGrammarRefuses => {
                "reads, as far as it goes, a value RFC 3326's grammar refuses"
            }
        }
    }

    /// The value docs/fuzzing.md shows for it, as it stands in the recording.
    fn example(self) -> &'static str {
        match self {
            Difference::FirstValueOnly => {
                r#"SIP;cause=200;text="Call completed elsewhere", Q.850;cause=26"#
            }
            Difference::SpaceInProtocol => "Q.850 ;cause=16",
            Difference::NothingWithoutParameters => "SIP",
            Difference::CauseNotANumber => "SIP;cause=abc",
            Difference::TextBeforeCause => r#"SIP;text="Busy; call later";cause=486"#,
            Difference::TextAfterSpacedEquals => r#"SIP ; text = "Busy Here" ; cause = 486"#,
            Difference::EscapedQuoteEndsText => r#"SIP;cause=486;text="say \"no\"""#,
            Difference::AnyQuotedParameterAsText => r#"SIP;cause=486;x="y""#,
            Difference::CauseFoundElsewhere => "SIP;caust;%0acause=46;u",
            Difference::TabDropsText => "SIP;text=\"a\tb\"",
            Difference::ReadsWhatTheGrammarRefuses => r#"SIP;cause=486;text="open"#,
        }
    }
}

fn recording() -> Recording {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/recorded/wireshark-4.0.17.json"
    );
    let text = std::fs::read_to_string(path).expect("the recording is readable");
    serde_json::from_str(&text).expect("the recording is JSON of the expected shape")
}

/// What cause-core reads of the first value, as Wireshark would show it.
fn ours_first(values: &[Reason<'_>]) -> (String, Option<String>, Option<String>) {
    let first = &values[0];
    (
        first.protocol().to_owned(),
        first.code().map(|cause| cause.to_string()),
        first
            .param("text")
            .map(|quoted| quoted.trim_matches('"').to_owned()),
    )
}

/// The difference an entry shows, `None` where both read it alike; `Err` for one no listed
/// difference explains.
fn classify(entry: &Entry) -> Result<Option<Difference>, String> {
    let input = entry.input.as_str();
    let shown = &entry.wireshark;
    let ours = Reason::parse_list(input).collect::<Result<Vec<_>, _>>();
    let spaced_equals = input.contains("text =");
    let Ok(values) = ours else {
        return Ok((!shown.is_empty()).then(|| {
            if spaced_equals {
                Difference::TextAfterSpacedEquals
            } else if let Some(text_at) = input
                .find("text=")
                .filter(|&t| input.find("cause=").is_some_and(|c| t < c))
            {
                let _ = text_at;
                Difference::TextBeforeCause
            } else if input
                .split(';')
                .any(|p| p.trim_start().starts_with("cause=") && !cause_is_number(p))
            {
                Difference::CauseNotANumber
            } else {
                Difference::ReadsWhatTheGrammarRefuses
            }
        }));
    };
    let (protocol, cause, text) = ours_first(&values);
    if shown.is_empty() {
        return match values[0].code().is_none() && values[0].param("text").is_none() {
            true => Ok(Some(Difference::NothingWithoutParameters)),
            false => Err("Wireshark shows nothing of a value with parameters".to_owned()),
        };
    }
    // Its most striking difference first: the text is the message's start.
    if spaced_equals {
        return Ok(Some(Difference::TextAfterSpacedEquals));
    }
    if shown.protocols.first().is_some_and(|p| p != &protocol) {
        return match shown.protocols[0].trim_end() == protocol {
            true => Ok(Some(Difference::SpaceInProtocol)),
            false => Err(format!("protocol {:?}", shown.protocols)),
        };
    }
    if input
        .find("text=")
        .zip(input.find("cause="))
        .is_some_and(|(t, c)| t < c)
    {
        return Ok(Some(Difference::TextBeforeCause));
    }
    if shown.cause().map(str::to_owned)
        != cause
            .or_else(|| Some("0".to_owned()))
            .filter(|_| shown.cause().is_some())
    {
        // A parameter other than `cause` whose name is close to it: `caus`, `%0acause`.
        let near = values[0]
            .params()
            .any(|(name, _)| name != "cause" && name.contains("caus"));
        return match near {
            true => Ok(Some(Difference::CauseFoundElsewhere)),
            false => Err(format!("cause {:?}", shown.cause())),
        };
    }
    let shown_text = shown.text.first().cloned();
    if shown_text != text {
        return match (&text, &shown_text) {
            (Some(ours), Some(theirs))
                if ours.contains("\\\"") && ours.starts_with(theirs.as_str()) =>
            {
                Ok(Some(Difference::EscapedQuoteEndsText))
            }
            (None, Some(_)) => Ok(Some(Difference::AnyQuotedParameterAsText)),
            (Some(ours), None) if ours.contains('\t') => Ok(Some(Difference::TabDropsText)),
            _ => Err(format!("text {shown_text:?}")),
        };
    }
    if values.len() > 1 {
        return Ok(Some(Difference::FirstValueOnly));
    }
    Ok(None)
}

fn cause_is_number(part: &str) -> bool {
    let digits = part.trim_start().trim_start_matches("cause=");
    !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && digits.parse::<u16>().is_ok()
}

#[test]
fn wireshark_reads_reason_values_as_cause_core_does_but_for_the_listed_differences() {
    let recording = recording();
    assert!(recording.tshark.contains("4.0.17"), "{}", recording.tshark);
    assert!(recording.reason.len() > 100, "{}", recording.reason.len());
    let mut seen = std::collections::BTreeMap::new();
    let mut unexplained = Vec::new();
    for entry in &recording.reason {
        match classify(entry) {
            Ok(Some(difference)) => seen
                .entry(difference)
                .or_insert_with(Vec::new)
                .push(entry.input.as_str()),
            Ok(None) => {}
            Err(why) => unexplained.push(format!("{:?}: {why}", entry.input)),
        }
    }
    assert!(unexplained.is_empty(), "{}", unexplained.join("\n"));
    for difference in Difference::ALL {
        let inputs = seen.get(&difference).map(Vec::as_slice).unwrap_or_default();
        assert!(
            inputs.contains(&difference.example()),
            "{difference:?}: {inputs:?}"
        );
    }
    let agreed = recording.reason.len() - seen.values().map(Vec::len).sum::<usize>();
    assert!(agreed > 30, "{agreed}");
}

/// `text` with its control characters written as escapes (`\t`), the rest as it is.
fn escaped(text: &str) -> String {
    text.chars()
        .map(|c| match c.is_control() {
            true => c.escape_default().collect(),
            false => c.to_string(),
        })
        .collect()
}

/// A text Wireshark shows, escaped, and cut after 32 characters (it can be a whole message).
fn shown_text(text: &str) -> String {
    let escaped = escaped(text);
    match escaped.char_indices().nth(32) {
        Some((cut, _)) => format!("{}…", &escaped[..cut]),
        None => escaped,
    }
}

/// What Wireshark shows of a value: its protocol, cause and text, as the recording holds them.
fn wireshark_shows(shown: &Shown) -> String {
    if shown.is_empty() {
        return "nothing".to_owned();
    }
    let mut parts = Vec::new();
    if let Some(protocol) = shown.protocols.first() {
        parts.push(format!("protocol {}", code_span(&shown_text(protocol))));
    }
    if let Some(cause) = shown.cause() {
        parts.push(format!("cause {cause}"));
    }
    if let Some(text) = shown.text.first() {
        parts.push(format!("text {}", code_span(&shown_text(text))));
    }
    parts.join(", ")
}

/// What cause-core reads of a value: its values' protocols, causes and texts, or its error.
fn cause_core_reads(input: &str) -> String {
    match Reason::parse_list(input).collect::<Result<Vec<_>, _>>() {
        Err(error) => format!("refuses it: {error}"),
        Ok(values) => {
            let read: Vec<String> = (values.iter())
                .map(|value| {
                    let mut parts = vec![format!("protocol {}", code_span(value.protocol()))];
                    parts.extend(value.code().map(|cause| format!("cause {cause}")));
                    let text = value.text().map(|text| text.to_string());
                    parts
                        .extend(text.map(|text| format!("text {}", code_span(&shown_text(&text)))));
                    parts.join(", ")
                })
                .collect();
            read.join("; then ")
        }
    }
}

#[test]
fn the_fuzzing_doc_lists_each_difference_with_its_example() {
    let recording = recording();
    let mut counts = std::collections::BTreeMap::new();
    for entry in &recording.reason {
        if let Ok(Some(difference)) = classify(entry) {
            *counts.entry(difference).or_insert(0) += 1;
        }
    }
    let mut block = String::from(
        "| Wireshark 4.0.17 | Example | Wireshark shows | cause-core reads | Values |\n|---|---|---|---|---:|\n",
    );
    for difference in Difference::ALL {
        let example = difference.example();
        let entry = (recording.reason.iter())
            .find(|e| e.input == example)
            .expect("the example is recorded");
        let cells = [
            difference.describe().to_owned(),
            code_span(&escaped(example)),
            wireshark_shows(&entry.wireshark),
            cause_core_reads(example),
            counts[&difference].to_string(),
        ];
        let cells: Vec<String> = cells.iter().map(|cell| table_cell(cell)).collect();
        block.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    let shown = doc_blocks::block("docs/fuzzing.md", "wireshark-reason");
    assert_eq!(shown, block, "docs/fuzzing.md's block should be:\n{block}");
}

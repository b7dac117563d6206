//! Reason phrases as the SIP stacks the project knows write them, to read a phrase pasted from
//! any of them: the IANA registry's (cause-core's `reason_phrase`), FreeSWITCH's and
//! Asterisk's, of their sofia-sip and pjsip (cause-core's `Gateway::reason_phrase`), and
//! Debian's sofia-sip and libosip2, as recorded from the real libraries
//! (`tests/recorded/reason-phrases.json`, which the test command checks and `.ci/run` records
//! again).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use cause_core::{Cause, Gateway, reason_phrase};

/// A SIP stack whose reason phrases the tool reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stack {
    /// The IANA registry, as cause-core spells it.
    Iana,
    /// FreeSWITCH: its sofia-sip's, as `freeswitch.toml` has them.
    FreeSwitch,
    /// Asterisk: its pjsip's, as `asterisk.toml` has them.
    Asterisk,
    /// Debian's sofia-sip, as recorded.
    SofiaSip,
    /// Debian's libosip2, as recorded.
    Libosip2,
}

impl Stack {
    /// Every stack, the registry first: a phrase is the first one's that writes it.
    pub const ALL: [Stack; 5] = [
        Stack::Iana,
        Stack::FreeSwitch,
        Stack::Asterisk,
        Stack::SofiaSip,
        Stack::Libosip2,
    ];

    /// `FreeSWITCH's`, `libosip2 5.3.0's`: whose phrase it is, as a note says it.
    pub fn whose(self) -> String {
        match self {
            Stack::Iana => "the IANA registry's".to_owned(),
            Stack::FreeSwitch => "FreeSWITCH's".to_owned(),
            Stack::Asterisk => "Asterisk's".to_owned(),
            Stack::SofiaSip => format!("sofia-sip {}'s", recorded("sofia-sip").version),
            Stack::Libosip2 => format!("libosip2 {}'s", recorded("libosip2").version),
        }
    }

    /// The stack's phrase for `code`, where it names the code.
    pub fn phrase(self, code: u16) -> Option<&'static str> {
        // A PBX writes a phrase of its own for a code its stack does not name (FreeSWITCH none,
        // Asterisk `Default status message`): what it writes for 0, which no stack names.
        let named = |gateway: Gateway| {
            let phrase = gateway.reason_phrase(code)?;
            let fallback = gateway.reason_phrase(0);
            (!phrase.is_empty() && Some(phrase) != fallback).then_some(phrase)
        };
        match self {
            Stack::Iana => reason_phrase(code),
            Stack::FreeSwitch => named(Gateway::FreeSwitch),
            Stack::Asterisk => named(Gateway::Asterisk),
            Stack::SofiaSip => recorded("sofia-sip").phrases.get(&code).map(String::as_str),
            Stack::Libosip2 => recorded("libosip2").phrases.get(&code).map(String::as_str),
        }
    }
}

/// A phrase as given, where it is not the registry's for its code: which stacks write it for
/// that code (none for a phrase of the far end's own).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Given {
    pub text: String,
    pub writers: Vec<Stack>,
}

impl Given {
    /// The phrase `text` given with `code`: `None` where it is the registry's or empty.
    pub fn with_code(code: u16, text: &str) -> Option<Given> {
        let same = |p: &str| p.eq_ignore_ascii_case(text);
        if text.is_empty() || reason_phrase(code).is_some_and(same) {
            return None;
        }
        let writers = Stack::ALL
            .into_iter()
            .filter(|s| s.phrase(code).is_some_and(same));
        Some(Given {
            text: text.to_owned(),
            writers: writers.collect(),
        })
    }
}

/// The status code `text` is the reason phrase of, in any ASCII case, for the first stack that
/// writes it (the registry first), with the phrase as given where it is not the registry's.
pub fn find(text: &str) -> Option<(u16, Option<Given>)> {
    let text = text.trim();
    let same = |p: &str| p.eq_ignore_ascii_case(text);
    Stack::ALL.into_iter().find_map(|stack| {
        let mut codes = Cause::STATUS_CODES;
        let code = codes.find(|&code| stack.phrase(code).is_some_and(same))?;
        Some((code, Given::with_code(code, text)))
    })
}

/// A library's recorded phrases.
struct Recorded {
    /// The upstream version: `5.3.0` of Debian's `5.3.0-2.1`.
    version: String,
    phrases: BTreeMap<u16, String>,
}

/// The recording of `library` (`sofia-sip`, `libosip2`), read once.
fn recorded(library: &str) -> &'static Recorded {
    static RECORDING: OnceLock<BTreeMap<String, Recorded>> = OnceLock::new();
    let recording = RECORDING.get_or_init(|| {
        #[derive(serde::Deserialize)]
        struct Library {
            version: String,
            phrases: BTreeMap<u16, String>,
        }
        let json = include_str!("../tests/recorded/reason-phrases.json");
        let recording: BTreeMap<String, Library> =
            serde_json::from_str(json).expect("the recording is JSON of its shape");
        let recorded = recording.into_iter().map(|(name, library)| {
            let version = library.version.split(['+', '-', '~']).next();
            let version = version.unwrap_or_default().to_owned();
            let phrases = library.phrases;
            (name, Recorded { version, phrases })
        });
        recorded.collect()
    });
    &recording[library]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_is_found_in_whichever_stack_writes_it() {
        assert_eq!(find("busy here"), Some((486, None)));
        let given = |text: &str, writers: Vec<Stack>| {
            Some(Given {
                text: text.to_owned(),
                writers,
            })
        };
        let sofia = "Internal Server Error";
        let writers = vec![Stack::FreeSwitch, Stack::SofiaSip];
        assert_eq!(find(sofia), Some((500, given(sofia, writers))));
        let osip = "Bad Identity Info";
        let writers = vec![Stack::FreeSwitch, Stack::Libosip2];
        assert_eq!(find(osip), Some((436, given(osip, writers))));
        let ended = "dialog terminated";
        let writers = vec![Stack::FreeSwitch, Stack::SofiaSip, Stack::Libosip2];
        assert_eq!(find(ended), Some((687, given(ended, writers))));
        // What a PBX writes for a code its stack does not name is no phrase of a code.
        assert_eq!(find("Default status message"), None);
        assert_eq!(Stack::Libosip2.whose(), "libosip2 5.3.0's");
        assert_eq!(Stack::SofiaSip.whose(), "sofia-sip 1.12.11's");
    }

    /// Each phrase names one code, whichever stack writes it, but where the registry itself
    /// gives one phrase to two codes.
    #[test]
    fn no_stack_gives_a_phrase_to_another_code() {
        let mut codes: BTreeMap<String, Vec<u16>> = BTreeMap::new();
        for stack in Stack::ALL {
            for code in Cause::STATUS_CODES {
                if let Some(phrase) = stack.phrase(code) {
                    let named = codes.entry(phrase.to_ascii_lowercase()).or_default();
                    if !named.contains(&code) {
                        named.push(code);
                    }
                }
            }
        }
        codes.retain(|_, codes| codes.len() > 1);
        let registry_twice = BTreeMap::from([("not acceptable".to_owned(), vec![406, 606])]);
        assert_eq!(codes, registry_twice);
    }
}

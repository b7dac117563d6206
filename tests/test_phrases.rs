//! The reason phrases of three SIP stacks side by side: cause-core's (`causes.toml`'s
//! `[reason-phrases]`, the IANA registry's spelling), and those the real sofia-sip
//! (FreeSWITCH's stack) and libosip2 give, read from `tests/recorded/reason-phrases.json`, which
//! `scripts/record-libraries.sh` records from the Debian packages (and `.ci/run` re-records and
//! compares). `docs/pbx.md` shows every code on which they differ; this test fails if it does
//! not.

mod doc_blocks;

use std::collections::BTreeMap;

use cause_core::reason_phrase;
use serde::Deserialize;

/// One library of the recording.
#[derive(Deserialize)]
struct Library {
    package: String,
    version: String,
    function: String,
    phrases: BTreeMap<u16, String>,
}

fn recording() -> BTreeMap<String, Library> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/recorded/reason-phrases.json"
    );
    let text = std::fs::read_to_string(path).expect("the recording is readable");
    serde_json::from_str(&text).expect("the recording is JSON of the expected shape")
}

/// The upstream version of a Debian version: `1.12.11` of `1.12.11+20110422.1+1e14eea~dfsg-6`.
fn upstream(version: &str) -> &str {
    version.split(['+', '-', '~']).next().unwrap_or(version)
}

/// The table of `docs/pbx.md`: every code 100..=699 on which the three stacks do not all give the same
/// phrase (one of them naming none included).
fn differences(sofia: &Library, osip: &Library) -> String {
    let cell = |phrase: Option<&str>| phrase.map_or("\u{2014}".to_owned(), str::to_owned);
    let mut rows = String::new();
    let mut differing = 0;
    for code in 100..=699 {
        let phrases = [
            reason_phrase(code),
            sofia.phrases.get(&code).map(String::as_str),
            osip.phrases.get(&code).map(String::as_str),
        ];
        if phrases.iter().all(Option::is_none) || phrases.iter().all(|p| *p == phrases[0]) {
            continue;
        }
        differing += 1;
        let cells = phrases.map(cell);
        rows.push_str(&format!("| {code} | {} |\n", cells.join(" | ")));
    }
    format!(
        "Of the codes 100..=699 the IANA registry names {}, sofia-sip {} {} and libosip2 {} {}; \
         the three differ on {differing}:\n\n\
         | Code | IANA (cause-core) | sofia-sip {} | libosip2 {} |\n|---|---|---|---|\n{rows}",
        (100..=699).filter(|&c| reason_phrase(c).is_some()).count(),
        upstream(&sofia.version),
        sofia.phrases.len(),
        upstream(&osip.version),
        osip.phrases.len(),
        upstream(&sofia.version),
        upstream(&osip.version),
    )
}

#[test]
fn the_recording_is_of_both_libraries_and_every_code_in_range() {
    let recording = recording();
    let names: Vec<&str> = recording.keys().map(String::as_str).collect();
    assert_eq!(names, ["libosip2", "sofia-sip"]);
    for (name, library) in &recording {
        assert!(
            !library.package.is_empty() && !library.version.is_empty(),
            "{name}"
        );
        assert!(!library.function.is_empty(), "{name}");
        for (code, phrase) in &library.phrases {
            assert!((100..=699).contains(code), "{name} {code}");
            assert!(
                !phrase.is_empty() && phrase.trim() == phrase,
                "{name} {code} {phrase:?}"
            );
        }
    }
    // What a gateway relaying a 500 or a 504 sees: three spellings.
    let (sofia, osip) = (&recording["sofia-sip"], &recording["libosip2"]);
    assert_eq!(reason_phrase(500), Some("Server Internal Error"));
    assert_eq!(sofia.phrases[&500], "Internal Server Error");
    assert_eq!(osip.phrases[&500], "Server Internal Error");
    assert_eq!(sofia.phrases[&504], "Gateway Time-out");
}

#[test]
fn the_pbx_doc_shows_where_the_three_stacks_differ() {
    let recording = recording();
    let expected = differences(&recording["sofia-sip"], &recording["libosip2"]);
    let shown = doc_blocks::block("docs/pbx.md", "phrases");
    assert_eq!(
        shown, expected,
        "docs/pbx.md's phrases block should be:\n{expected}"
    );
}

//! Parsing `Reason` header values (RFC 3326) with cause-core against the Rust crates that also
//! parse them, `sip-header` (`SipReason`) and `rvoip-sip-core` (`types::Reason`), in one run
//! on the same corpus: the forms SIP.js, JsSIP, FreeSWITCH, Asterisk and the RFCs write.
//!
//! Run with `cargo bench --bench reason`. divan's allocation profiler counts the allocations
//! of each parser (cause-core has no allocator to call: it does not link `alloc`). Before
//! timing, `main` checks that each peer reads the protocol and cause cause-core reads, for
//! every value it accepts.

use std::hint::black_box;
use std::str::FromStr as _;

use cause_core::Reason;
use divan::{AllocProfiler, Bencher};
use sip_header::UriHeaderParse as _;

#[global_allocator]
static ALLOC: AllocProfiler = AllocProfiler::system();

/// Header values as real peers and the RFCs write them.
const CORPUS: &[&str] = &[
    r#"SIP ;cause=486 ;text="Busy Here""#,
    r#"SIP ;cause=486; text="Busy Here""#,
    r#"SIP;cause=486;text="Busy Here""#,
    r#"SIP;cause=480;text="Temporarily Unavailable""#,
    r#"SIP;cause=603;text="Decline""#,
    r#"Q.850;cause=16;text="NORMAL_CLEARING""#,
    "Q.850;cause=17",
    r#"Q.850 ;cause=16 ;text="Terminated""#,
    "Q.850;cause=34;location=LN",
    r#"STIR ;cause=436 ;text="Bad Identity Info" ;ppi="sip:alice@example.com""#,
    "sip;CAUSE=487",
    r#"SIP;cause=200;text="Call completed elsewhere""#,
];

fn main() {
    check_same_answers();
    divan::Divan::from_args()
        .sample_count(300)
        .sample_size(64)
        .main();
}

fn ours(value: &str) -> Option<(String, Option<u16>)> {
    let reason = Reason::parse(value).ok()?;
    Some((reason.protocol().to_owned(), reason.cause()))
}

fn check_same_answers() {
    let bytes: usize = CORPUS.iter().map(|v| v.len()).sum();
    println!("corpus: {} header values, {bytes} bytes", CORPUS.len());
    let (mut sip_header_ok, mut rvoip_ok) = (0, 0);
    for value in CORPUS {
        let expected = ours(value).unwrap_or_else(|| panic!("cause-core parses {value:?}"));
        if let Ok(reason) = sip_header::SipReason::parse_uri_header(value) {
            sip_header_ok += 1;
            let cause = reason.cause().and_then(|c| c.as_u16());
            assert!(
                reason.protocol().eq_ignore_ascii_case(&expected.0),
                "sip-header, {value:?}"
            );
            assert_eq!(cause, expected.1, "sip-header, {value:?}");
        }
        if let Ok(reason) = rvoip_sip_core::types::Reason::from_str(value) {
            rvoip_ok += 1;
            assert!(
                reason.protocol().eq_ignore_ascii_case(&expected.0),
                "rvoip, {value:?}"
            );
            assert_eq!(Some(reason.cause()), expected.1, "rvoip, {value:?}");
        }
    }
    println!(
        "accepted: cause-core {n}/{n}, sip-header {sip_header_ok}/{n}, rvoip-sip-core {rvoip_ok}/{n}",
        n = CORPUS.len()
    );
}

/// Parses every value of the corpus once, keeping each result alive until the next.
fn over_corpus<T>(parse: impl Fn(&'static str) -> T) {
    for value in CORPUS {
        black_box(parse(black_box(value)));
    }
}

#[divan::bench]
fn cause_core(b: Bencher) {
    b.bench(|| over_corpus(Reason::parse));
}

#[divan::bench]
fn sip_header(b: Bencher) {
    b.bench(|| over_corpus(sip_header::SipReason::parse_uri_header));
}

#[divan::bench]
fn rvoip_sip_core(b: Bencher) {
    b.bench(|| over_corpus(rvoip_sip_core::types::Reason::from_str));
}

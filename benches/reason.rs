//! Parsing `Reason` header values (RFC 3326) with cause-core against the Rust crates that also
//! parse them, `sip-header` (`SipReason`) and `rvoip-sip-core` (`types::Reason`), in one run
//! on the same corpus: the forms SIP.js, JsSIP, FreeSWITCH, Asterisk and the RFCs write.
//!
//! Run with `scripts/bench.sh reason`. divan's allocation profiler counts the allocations
//! of each parser (cause-core has no allocator to call: it does not link `alloc`). Before
//! timing, `main` checks that each peer reads the protocol and cause cause-core reads, for
//! every value it accepts, and prints how many invalid values each refuses and how many
//! tricky valid ones each reads right: speed bought by checking less shows there.

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

/// Values of the lengths most peers write, 20 to 60 bytes (FreeSWITCH's Q.850 names, the
/// RFCs' examples, SIP.js's and JsSIP's spacing), and three long free-text ones, as gateways
/// write a diagnostic into `text`: a per-value cost shows on the short ones, the scan of
/// quoted text on the long ones.
const MIX: &[&str] = &[
    r#"Q.850;cause=16;text="NORMAL_CLEARING""#,
    r#"Q.850;cause=17;text="USER_BUSY""#,
    r#"Q.850;cause=19;text="NO_ANSWER""#,
    r#"Q.850;cause=21;text="CALL_REJECTED""#,
    r#"Q.850;cause=102;text="RECOVERY_ON_TIMER_EXPIRE""#,
    r#"SIP;cause=200;text="Call completed elsewhere""#,
    r#"SIP ;cause=580 ;text="Precondition Failure""#,
    r#"SIP ;cause=487 ;text="Request Terminated""#,
    r#"SIP;cause=503;text="Service Unavailable""#,
    r#"Q.850;cause=16;text="Terminated";location=LN"#,
    r#"Q.850 ;cause=31 ;text="Normal, unspecified""#,
    r#"STIR;cause=438;text="Invalid Identity Header""#,
    "Q.850;cause=41;location=PN",
    r#"SIP;cause=408;text="Request Timeout""#,
    r#"SIP;cause=503;text="Service Unavailable: no route to gateway gw-east-2.example.net, all 4 trunks busy or out of service since 2024-05-01 10:00:00 UTC""#,
    r#"Q.850;cause=34;text="No circuit/channel available: trunk group \"PSTN-OUT\" exhausted (120 of 120 channels in use), retry after 30 s""#,
    r#"STIR ;cause=437 ;text="Unsupported credential: https://cert.example.org/passports/2024/alice-example-com.pem is not a trusted certificate" ;ppi="sip:alice@example.com""#,
];

/// Values RFC 3326 does not allow (not timed): a fast parser should still refuse them.
const INVALID: &[&str] = &[
    r#"SIP;cause=486;text="Busy Here"#,
    "S@P;cause=486",
    "SIP;cause=486;cause=487",
    r#"SIP;text=Busy;cause=486"#,
    "SIP;;cause=486",
    "SIP;cause=486 x",
    "SIP;cause=486;text=\"a\u{1}b\"",
    "SIP cause=486",
];

/// Values RFC 3326 allows that a split on `;` or a case-sensitive match gets wrong (not
/// timed): each with the cause it carries.
const TRICKY: &[(&str, u16)] = &[
    (r#"SIP;text="Busy; call later";cause=486"#, 486),
    ("sip;CAUSE=486", 486),
    ("SIP ; cause = 486", 486),
    (r#"SIP;cause=486;text="a \"quoted\" word""#, 486),
];

fn main() {
    check_same_answers();
    check_strictness();
    divan::Divan::from_args()
        .sample_count(300)
        .sample_size(64)
        .main();
}

fn ours(value: &str) -> Option<(String, Option<u16>)> {
    let reason = Reason::parse(value).ok()?;
    Some((reason.protocol().to_owned(), reason.code()))
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
    let bytes: usize = MIX.iter().map(|v| v.len()).sum();
    println!("mix: {} header values, {bytes} bytes", MIX.len());
    for value in MIX {
        assert!(ours(value).is_some(), "cause-core parses {value:?}");
    }
}

/// Prints how many invalid values each parser refuses and how many tricky ones it reads right.
fn check_strictness() {
    for value in INVALID {
        assert!(
            Reason::parse(value).is_err(),
            "cause-core refuses {value:?}"
        );
    }
    for (value, cause) in TRICKY {
        assert_eq!(
            ours(value).and_then(|r| r.1),
            Some(*cause),
            "cause-core reads {value:?}"
        );
    }
    let refused = |accepts: &dyn Fn(&str) -> bool| INVALID.iter().filter(|v| !accepts(v)).count();
    let read = |cause: &dyn Fn(&str) -> Option<u16>| {
        TRICKY.iter().filter(|(v, c)| cause(v) == Some(*c)).count()
    };
    let sip_header = |v: &str| sip_header::SipReason::parse_uri_header(v).ok();
    let rvoip = |v: &str| rvoip_sip_core::types::Reason::from_str(v).ok();
    println!(
        "invalid values refused: cause-core {}/{n}, sip-header {}/{n}, rvoip-sip-core {}/{n}",
        refused(&|v| Reason::parse(v).is_ok()),
        refused(&|v| sip_header(v).is_some()),
        refused(&|v| rvoip(v).is_some()),
        n = INVALID.len()
    );
    println!(
        "tricky values read right: cause-core {}/{n}, sip-header {}/{n}, rvoip-sip-core {}/{n}",
        read(&|v| Reason::parse(v).ok()?.code()),
        read(&|v| sip_header(v)?.cause()?.as_u16()),
        read(&|v| Some(rvoip(v)?.cause())),
        n = TRICKY.len()
    );
}

/// Parses every value of the corpus once, keeping each result alive until the next.
fn over_corpus<T>(parse: impl Fn(&'static str) -> T) {
    for value in CORPUS {
        black_box(parse(black_box(value)));
    }
}

/// Parses every value of [`MIX`] once, keeping each result alive until the next.
fn over_mix<T>(parse: impl Fn(&'static str) -> T) {
    for value in MIX {
        black_box(parse(black_box(value)));
    }
}

#[divan::bench]
fn cause_core(b: Bencher) {
    b.bench(|| over_corpus(Reason::parse));
}

/// The corpus as one header field, its values joined by `, `, read by `parse_list`: the
/// same values, and the commas between them to find.
#[divan::bench]
fn cause_core_list(b: Bencher) {
    let field = CORPUS.join(", ");
    b.bench(|| {
        Reason::parse_list(black_box(&field)).for_each(|r| {
            let _ = black_box(r);
        })
    });
}

#[divan::bench]
fn sip_header(b: Bencher) {
    b.bench(|| over_corpus(sip_header::SipReason::parse_uri_header));
}

#[divan::bench]
fn rvoip_sip_core(b: Bencher) {
    b.bench(|| over_corpus(rvoip_sip_core::types::Reason::from_str));
}

/// What any parser that looks at each byte pays at the least, as baselines for the parsers
/// above (not parsers: they check nothing and build nothing).
mod floor {
    use super::{Bencher, over_corpus};

    /// Letters and digits: a class a byte-at-a-time parser looks up for every byte.
    static ALPHANUMERIC: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = (b as u8).is_ascii_alphanumeric();
            b += 1;
        }
        table
    };

    /// One table look-up a byte, summed, without a branch. The floors are closures written
    /// out in each bench by these macros, as they were before the mix had floors too: as
    /// functions, even `#[inline(always)]`, the compiler laid them out differently and
    /// `split_into_runs` took 258 ns instead of 200.
    macro_rules! count_alphanumeric {
        () => {
            |value: &str| {
                let bytes = value.bytes();
                bytes.filter(|&b| ALPHANUMERIC[usize::from(b)]).count()
            }
        };
    }

    /// Splitting each value into runs of letters and digits, a branch a byte, as a tokenizer
    /// does before it checks anything.
    macro_rules! count_runs {
        () => {
            |value: &str| {
                let bytes = value.as_bytes();
                let (mut i, mut runs) = (0, 0);
                while i < bytes.len() {
                    while i < bytes.len() && ALPHANUMERIC[usize::from(bytes[i])] {
                        i += 1;
                    }
                    runs += 1;
                    i += 1;
                }
                runs
            }
        };
    }

    #[divan::bench]
    fn table_lookup_per_byte(b: Bencher) {
        b.bench(|| over_corpus(count_alphanumeric!()));
    }

    #[divan::bench]
    fn split_into_runs(b: Bencher) {
        b.bench(|| over_corpus(count_runs!()));
    }

    /// The same on [`MIX`](super::MIX).
    pub(super) mod mix {
        use super::super::{Bencher, over_mix};
        use super::ALPHANUMERIC;

        #[divan::bench]
        fn table_lookup_per_byte(b: Bencher) {
            b.bench(|| over_mix(count_alphanumeric!()));
        }

        #[divan::bench]
        fn split_into_runs(b: Bencher) {
            b.bench(|| over_mix(count_runs!()));
        }
    }
}

/// cause-core on [`MIX`], short values and long texts (its floors are `floor::mix`).
mod mix {
    use super::{Bencher, Reason, over_mix};

    #[divan::bench]
    fn cause_core(b: Bencher) {
        b.bench(|| over_mix(Reason::parse));
    }
}

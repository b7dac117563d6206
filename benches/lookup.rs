//! Lookups of the generated `Cause` against what users would otherwise write, in one run on the
//! same inputs: a hand-written `match`, a `HashMap` built once, `phf` maps, and strum's derives.
//!
//! Run with `cargo bench --bench lookup`. Before timing, `main` checks that every
//! implementation gives the same answers, so a faster one cannot be a wrong one.

use std::hint::black_box;
use std::sync::LazyLock;

use cause_core::{Cause, reason_phrase};
use divan::Bencher;

fn main() {
    check_same_answers();
    // The same number of iterations in every sample, so that no implementation is measured
    // with coarser samples than another (divan's automatic sizing varied it 16-fold here).
    divan::Divan::from_args()
        .sample_count(300)
        .sample_size(64)
        .main();
}

/// Codes 0..1000: below, inside and above the failure range.
const CODES: std::ops::Range<u16> = 0..1000;

/// Every value and alias, and as many misses: empty, one letter off, wrong case, long garbage.
static STRINGS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut strings: Vec<String> = Cause::ALL.iter().map(|c| c.as_str().to_owned()).collect();
    strings.push("WebRTC Not Supported".to_owned());
    let hits = strings.len();
    for (i, value) in strings.clone().iter().enumerate().take(hits) {
        let miss = match i % 4 {
            0 => String::new(),
            1 => {
                let mut off = value.clone();
                off.pop();
                off.push('!');
                off
            }
            2 => value.to_lowercase(),
            _ => format!("{value}{}", "garbage ".repeat(16)),
        };
        strings.push(miss);
    }
    strings
});

/// The same table as a plain `match`, as a careful programmer would write it by hand.
mod hand {
    use cause_core::Cause;

    pub fn for_failure_response(code: u16) -> Option<Cause> {
        match code {
            486 | 600 => Some(Cause::Busy),
            403 | 603 => Some(Cause::Rejected),
            300 | 301 | 302 | 305 | 380 => Some(Cause::Redirected),
            408 | 410 | 430 | 480 => Some(Cause::Unavailable),
            404 | 604 => Some(Cause::NotFound),
            484 => Some(Cause::AddressIncomplete),
            488 | 606 => Some(Cause::IncompatibleSdp),
            401 | 407 => Some(Cause::AuthenticationError),
            300..=699 => Some(Cause::SipFailureCode),
            _ => None,
        }
    }

    pub fn from_str(s: &str) -> Option<Cause> {
        match s {
            "Invalid target" => Some(Cause::InvalidTarget),
            "Connection Error" => Some(Cause::ConnectionError),
            "Request Timeout" => Some(Cause::RequestTimeout),
            "SIP Failure Code" => Some(Cause::SipFailureCode),
            "Internal Error" => Some(Cause::InternalError),
            "Busy" => Some(Cause::Busy),
            "Rejected" => Some(Cause::Rejected),
            "Redirected" => Some(Cause::Redirected),
            "Unavailable" => Some(Cause::Unavailable),
            "Not Found" => Some(Cause::NotFound),
            "Address Incomplete" => Some(Cause::AddressIncomplete),
            "Incompatible SDP" => Some(Cause::IncompatibleSdp),
            "Authentication Error" => Some(Cause::AuthenticationError),
            "Terminated" => Some(Cause::Bye),
            "Canceled" => Some(Cause::Canceled),
            "No Answer" => Some(Cause::NoAnswer),
            "Expires" => Some(Cause::Expires),
            "No ACK" => Some(Cause::NoAck),
            "No PRACK" => Some(Cause::NoPrack),
            "User Denied Media Access" => Some(Cause::UserDeniedMediaAccess),
            "WebRTC not supported" => Some(Cause::WebrtcNotSupported),
            "WebRTC Error" => Some(Cause::WebrtcError),
            "RTP Timeout" => Some(Cause::RtpTimeout),
            "Bad Media Description" => Some(Cause::BadMediaDescription),
            "Dialog Error" => Some(Cause::DialogError),
            "WebRTC Not Supported" => Some(Cause::WebrtcNotSupported),
            _ => None,
        }
    }

    pub fn as_str(cause: Cause) -> &'static str {
        match cause {
            Cause::InvalidTarget => "Invalid target",
            Cause::ConnectionError => "Connection Error",
            Cause::RequestTimeout => "Request Timeout",
            Cause::SipFailureCode => "SIP Failure Code",
            Cause::InternalError => "Internal Error",
            Cause::Busy => "Busy",
            Cause::Rejected => "Rejected",
            Cause::Redirected => "Redirected",
            Cause::Unavailable => "Unavailable",
            Cause::NotFound => "Not Found",
            Cause::AddressIncomplete => "Address Incomplete",
            Cause::IncompatibleSdp => "Incompatible SDP",
            Cause::AuthenticationError => "Authentication Error",
            Cause::Bye => "Terminated",
            Cause::Canceled => "Canceled",
            Cause::NoAnswer => "No Answer",
            Cause::Expires => "Expires",
            Cause::NoAck => "No ACK",
            Cause::NoPrack => "No PRACK",
            Cause::UserDeniedMediaAccess => "User Denied Media Access",
            Cause::WebrtcNotSupported => "WebRTC not supported",
            Cause::WebrtcError => "WebRTC Error",
            Cause::RtpTimeout => "RTP Timeout",
            Cause::BadMediaDescription => "Bad Media Description",
            Cause::DialogError => "Dialog Error",
            _ => unreachable!("a cause added to the table after this bench was written"),
        }
    }

    pub fn reason_phrase(code: u16) -> Option<&'static str> {
        match code {
            100 => Some("Trying"),
            180 => Some("Ringing"),
            181 => Some("Call Is Being Forwarded"),
            182 => Some("Queued"),
            183 => Some("Session Progress"),
            199 => Some("Early Dialog Terminated"),
            200 => Some("OK"),
            202 => Some("Accepted (Deprecated)"),
            204 => Some("No Notification"),
            300 => Some("Multiple Choices"),
            301 => Some("Moved Permanently"),
            302 => Some("Moved Temporarily"),
            305 => Some("Use Proxy"),
            380 => Some("Alternative Service"),
            400 => Some("Bad Request"),
            401 => Some("Unauthorized"),
            402 => Some("Payment Required"),
            403 => Some("Forbidden"),
            404 => Some("Not Found"),
            405 => Some("Method Not Allowed"),
            406 => Some("Not Acceptable"),
            407 => Some("Proxy Authentication Required"),
            408 => Some("Request Timeout"),
            410 => Some("Gone"),
            412 => Some("Conditional Request Failed"),
            413 => Some("Request Entity Too Large"),
            414 => Some("Request-URI Too Long"),
            415 => Some("Unsupported Media Type"),
            416 => Some("Unsupported URI Scheme"),
            417 => Some("Unknown Resource-Priority"),
            420 => Some("Bad Extension"),
            421 => Some("Extension Required"),
            422 => Some("Session Interval Too Small"),
            423 => Some("Interval Too Brief"),
            424 => Some("Bad Location Information"),
            425 => Some("Bad Alert Message"),
            428 => Some("Use Identity Header"),
            429 => Some("Provide Referrer Identity"),
            430 => Some("Flow Failed"),
            433 => Some("Anonymity Disallowed"),
            436 => Some("Bad Identity-Info"),
            437 => Some("Unsupported Certificate"),
            438 => Some("Invalid Identity Header"),
            439 => Some("First Hop Lacks Outbound Support"),
            440 => Some("Max-Breadth Exceeded"),
            469 => Some("Bad Info Package"),
            470 => Some("Consent Needed"),
            480 => Some("Temporarily Unavailable"),
            481 => Some("Call/Transaction Does Not Exist"),
            482 => Some("Loop Detected"),
            483 => Some("Too Many Hops"),
            484 => Some("Address Incomplete"),
            485 => Some("Ambiguous"),
            486 => Some("Busy Here"),
            487 => Some("Request Terminated"),
            488 => Some("Not Acceptable Here"),
            489 => Some("Bad Event"),
            491 => Some("Request Pending"),
            493 => Some("Undecipherable"),
            494 => Some("Security Agreement Required"),
            500 => Some("Server Internal Error"),
            501 => Some("Not Implemented"),
            502 => Some("Bad Gateway"),
            503 => Some("Service Unavailable"),
            504 => Some("Server Time-out"),
            505 => Some("Version Not Supported"),
            513 => Some("Message Too Large"),
            555 => Some("Push Notification Service Not Supported"),
            580 => Some("Precondition Failure"),
            600 => Some("Busy Everywhere"),
            603 => Some("Decline"),
            604 => Some("Does Not Exist Anywhere"),
            606 => Some("Not Acceptable"),
            607 => Some("Unwanted"),
            608 => Some("Rejected"),
            _ => None,
        }
    }
}

/// `HashMap`s built once from the table.
mod maps {
    use std::collections::HashMap;
    use std::sync::LazyLock;

    use cause_core::{Cause, reason_phrase};

    pub static BY_CODE: LazyLock<HashMap<u16, Cause>> = LazyLock::new(|| {
        Cause::ALL
            .iter()
            .flat_map(|&c| c.status_codes().iter().map(move |&code| (code, c)))
            .collect()
    });
    pub static BY_VALUE: LazyLock<HashMap<&'static str, Cause>> = LazyLock::new(|| {
        Cause::ALL
            .iter()
            .flat_map(|&c| {
                std::iter::once(c.as_str())
                    .chain(c.aliases().iter().copied())
                    .map(move |s| (s, c))
            })
            .collect()
    });
    pub static VALUES: LazyLock<HashMap<Cause, &'static str>> =
        LazyLock::new(|| Cause::ALL.iter().map(|&c| (c, c.as_str())).collect());
    pub static PHRASES: LazyLock<HashMap<u16, &'static str>> = LazyLock::new(|| {
        (0..=u16::MAX)
            .filter_map(|code| Some((code, reason_phrase(code)?)))
            .collect()
    });

    pub fn for_failure_response(code: u16) -> Option<Cause> {
        match BY_CODE.get(&code) {
            Some(&cause) => Some(cause),
            None => (300..=699).contains(&code).then_some(Cause::SipFailureCode),
        }
    }
}

/// Perfect-hash maps, built at compile time.
mod phf_maps {
    use cause_core::Cause;
    use phf::phf_map;

    pub static BY_CODE: phf::Map<u16, Cause> = phf_map! {
        486u16 => Cause::Busy,
        600u16 => Cause::Busy,
        403u16 => Cause::Rejected,
        603u16 => Cause::Rejected,
        300u16 => Cause::Redirected,
        301u16 => Cause::Redirected,
        302u16 => Cause::Redirected,
        305u16 => Cause::Redirected,
        380u16 => Cause::Redirected,
        408u16 => Cause::Unavailable,
        410u16 => Cause::Unavailable,
        430u16 => Cause::Unavailable,
        480u16 => Cause::Unavailable,
        404u16 => Cause::NotFound,
        604u16 => Cause::NotFound,
        484u16 => Cause::AddressIncomplete,
        488u16 => Cause::IncompatibleSdp,
        606u16 => Cause::IncompatibleSdp,
        401u16 => Cause::AuthenticationError,
        407u16 => Cause::AuthenticationError,
    };

    pub static BY_VALUE: phf::Map<&'static str, Cause> = phf_map! {
        "Invalid target" => Cause::InvalidTarget,
        "Connection Error" => Cause::ConnectionError,
        "Request Timeout" => Cause::RequestTimeout,
        "SIP Failure Code" => Cause::SipFailureCode,
        "Internal Error" => Cause::InternalError,
        "Busy" => Cause::Busy,
        "Rejected" => Cause::Rejected,
        "Redirected" => Cause::Redirected,
        "Unavailable" => Cause::Unavailable,
        "Not Found" => Cause::NotFound,
        "Address Incomplete" => Cause::AddressIncomplete,
        "Incompatible SDP" => Cause::IncompatibleSdp,
        "Authentication Error" => Cause::AuthenticationError,
        "Terminated" => Cause::Bye,
        "Canceled" => Cause::Canceled,
        "No Answer" => Cause::NoAnswer,
        "Expires" => Cause::Expires,
        "No ACK" => Cause::NoAck,
        "No PRACK" => Cause::NoPrack,
        "User Denied Media Access" => Cause::UserDeniedMediaAccess,
        "WebRTC not supported" => Cause::WebrtcNotSupported,
        "WebRTC Error" => Cause::WebrtcError,
        "RTP Timeout" => Cause::RtpTimeout,
        "Bad Media Description" => Cause::BadMediaDescription,
        "Dialog Error" => Cause::DialogError,
        "WebRTC Not Supported" => Cause::WebrtcNotSupported,
    };

    pub static VALUES: phf::Map<u8, &'static str> = phf_map! {
        0u8 => "Invalid target",
        1u8 => "Connection Error",
        2u8 => "Request Timeout",
        3u8 => "SIP Failure Code",
        4u8 => "Internal Error",
        5u8 => "Busy",
        6u8 => "Rejected",
        7u8 => "Redirected",
        8u8 => "Unavailable",
        9u8 => "Not Found",
        10u8 => "Address Incomplete",
        11u8 => "Incompatible SDP",
        12u8 => "Authentication Error",
        13u8 => "Terminated",
        14u8 => "Canceled",
        15u8 => "No Answer",
        16u8 => "Expires",
        17u8 => "No ACK",
        18u8 => "No PRACK",
        19u8 => "User Denied Media Access",
        20u8 => "WebRTC not supported",
        21u8 => "WebRTC Error",
        22u8 => "RTP Timeout",
        23u8 => "Bad Media Description",
        24u8 => "Dialog Error",
    };

    pub static PHRASES: phf::Map<u16, &'static str> = phf_map! {
        100u16 => "Trying",
        180u16 => "Ringing",
        181u16 => "Call Is Being Forwarded",
        182u16 => "Queued",
        183u16 => "Session Progress",
        199u16 => "Early Dialog Terminated",
        200u16 => "OK",
        202u16 => "Accepted (Deprecated)",
        204u16 => "No Notification",
        300u16 => "Multiple Choices",
        301u16 => "Moved Permanently",
        302u16 => "Moved Temporarily",
        305u16 => "Use Proxy",
        380u16 => "Alternative Service",
        400u16 => "Bad Request",
        401u16 => "Unauthorized",
        402u16 => "Payment Required",
        403u16 => "Forbidden",
        404u16 => "Not Found",
        405u16 => "Method Not Allowed",
        406u16 => "Not Acceptable",
        407u16 => "Proxy Authentication Required",
        408u16 => "Request Timeout",
        410u16 => "Gone",
        412u16 => "Conditional Request Failed",
        413u16 => "Request Entity Too Large",
        414u16 => "Request-URI Too Long",
        415u16 => "Unsupported Media Type",
        416u16 => "Unsupported URI Scheme",
        417u16 => "Unknown Resource-Priority",
        420u16 => "Bad Extension",
        421u16 => "Extension Required",
        422u16 => "Session Interval Too Small",
        423u16 => "Interval Too Brief",
        424u16 => "Bad Location Information",
        425u16 => "Bad Alert Message",
        428u16 => "Use Identity Header",
        429u16 => "Provide Referrer Identity",
        430u16 => "Flow Failed",
        433u16 => "Anonymity Disallowed",
        436u16 => "Bad Identity-Info",
        437u16 => "Unsupported Certificate",
        438u16 => "Invalid Identity Header",
        439u16 => "First Hop Lacks Outbound Support",
        440u16 => "Max-Breadth Exceeded",
        469u16 => "Bad Info Package",
        470u16 => "Consent Needed",
        480u16 => "Temporarily Unavailable",
        481u16 => "Call/Transaction Does Not Exist",
        482u16 => "Loop Detected",
        483u16 => "Too Many Hops",
        484u16 => "Address Incomplete",
        485u16 => "Ambiguous",
        486u16 => "Busy Here",
        487u16 => "Request Terminated",
        488u16 => "Not Acceptable Here",
        489u16 => "Bad Event",
        491u16 => "Request Pending",
        493u16 => "Undecipherable",
        494u16 => "Security Agreement Required",
        500u16 => "Server Internal Error",
        501u16 => "Not Implemented",
        502u16 => "Bad Gateway",
        503u16 => "Service Unavailable",
        504u16 => "Server Time-out",
        505u16 => "Version Not Supported",
        513u16 => "Message Too Large",
        555u16 => "Push Notification Service Not Supported",
        580u16 => "Precondition Failure",
        600u16 => "Busy Everywhere",
        603u16 => "Decline",
        604u16 => "Does Not Exist Anywhere",
        606u16 => "Not Acceptable",
        607u16 => "Unwanted",
        608u16 => "Rejected",
    };

    pub fn for_failure_response(code: u16) -> Option<Cause> {
        match BY_CODE.get(&code) {
            Some(&cause) => Some(cause),
            None => (300..=699).contains(&code).then_some(Cause::SipFailureCode),
        }
    }
}

/// The same enum with strum's derives, for parsing and `&'static str`.
mod strum_enum {
    use strum::{EnumIter, EnumString, IntoStaticStr};

    #[derive(Debug, Clone, Copy, PartialEq, Eq, EnumString, IntoStaticStr, EnumIter)]
    pub enum StrumCause {
        #[strum(to_string = "Invalid target")]
        InvalidTarget,
        #[strum(to_string = "Connection Error")]
        ConnectionError,
        #[strum(to_string = "Request Timeout")]
        RequestTimeout,
        #[strum(to_string = "SIP Failure Code")]
        SipFailureCode,
        #[strum(to_string = "Internal Error")]
        InternalError,
        #[strum(to_string = "Busy")]
        Busy,
        #[strum(to_string = "Rejected")]
        Rejected,
        #[strum(to_string = "Redirected")]
        Redirected,
        #[strum(to_string = "Unavailable")]
        Unavailable,
        #[strum(to_string = "Not Found")]
        NotFound,
        #[strum(to_string = "Address Incomplete")]
        AddressIncomplete,
        #[strum(to_string = "Incompatible SDP")]
        IncompatibleSdp,
        #[strum(to_string = "Authentication Error")]
        AuthenticationError,
        #[strum(to_string = "Terminated")]
        Bye,
        #[strum(to_string = "Canceled")]
        Canceled,
        #[strum(to_string = "No Answer")]
        NoAnswer,
        #[strum(to_string = "Expires")]
        Expires,
        #[strum(to_string = "No ACK")]
        NoAck,
        #[strum(to_string = "No PRACK")]
        NoPrack,
        #[strum(to_string = "User Denied Media Access")]
        UserDeniedMediaAccess,
        #[strum(to_string = "WebRTC not supported", serialize = "WebRTC Not Supported")]
        WebrtcNotSupported,
        #[strum(to_string = "WebRTC Error")]
        WebrtcError,
        #[strum(to_string = "RTP Timeout")]
        RtpTimeout,
        #[strum(to_string = "Bad Media Description")]
        BadMediaDescription,
        #[strum(to_string = "Dialog Error")]
        DialogError,
    }
}

use strum::IntoEnumIterator as _;
use strum_enum::StrumCause;

static STRUM_ALL: LazyLock<Vec<StrumCause>> = LazyLock::new(|| StrumCause::iter().collect());

fn check_same_answers() {
    for code in CODES {
        let expected = Cause::for_failure_response(code);
        assert_eq!(hand::for_failure_response(code), expected, "hand, {code}");
        assert_eq!(
            maps::for_failure_response(code),
            expected,
            "HashMap, {code}"
        );
        assert_eq!(
            phf_maps::for_failure_response(code),
            expected,
            "phf, {code}"
        );
        let phrase = reason_phrase(code);
        assert_eq!(hand::reason_phrase(code), phrase, "hand, {code}");
        assert_eq!(maps::PHRASES.get(&code).copied(), phrase, "HashMap, {code}");
        assert_eq!(phf_maps::PHRASES.get(&code).copied(), phrase, "phf, {code}");
    }
    for s in STRINGS.iter() {
        let expected = s.parse::<Cause>().ok();
        assert_eq!(hand::from_str(s), expected, "hand, {s:?}");
        assert_eq!(
            maps::BY_VALUE.get(s.as_str()).copied(),
            expected,
            "HashMap, {s:?}"
        );
        assert_eq!(
            phf_maps::BY_VALUE.get(s.as_str()).copied(),
            expected,
            "phf, {s:?}"
        );
        let strum = s.parse::<StrumCause>().ok().map(|c| Cause::ALL[c as usize]);
        assert_eq!(strum, expected, "strum, {s:?}");
    }
    assert_eq!(STRUM_ALL.len(), Cause::ALL.len());
    for (i, &cause) in Cause::ALL.iter().enumerate() {
        assert_eq!(hand::as_str(cause), cause.as_str());
        assert_eq!(maps::VALUES[&cause], cause.as_str());
        assert_eq!(phf_maps::VALUES[&(i as u8)], cause.as_str());
        let strum: &'static str = STRUM_ALL[i].into();
        assert_eq!(strum, cause.as_str());
    }
}

fn over_codes(lookup: impl Fn(u16) -> Option<Cause>) -> usize {
    CODES
        .map(|code| lookup(black_box(code)).map_or(0, |c| c as usize))
        .sum()
}

fn over_phrases(lookup: impl Fn(u16) -> Option<&'static str>) -> usize {
    CODES
        .map(|code| lookup(black_box(code)).map_or(0, str::len))
        .sum()
}

fn over_strings<T: Copy>(parse: impl Fn(&str) -> Option<T>) -> usize {
    STRINGS
        .iter()
        .map(|s| usize::from(parse(black_box(s)).is_some()))
        .sum()
}

fn over_causes<T: Copy>(all: &[T], as_str: impl Fn(T) -> &'static str) -> usize {
    // The whole `&str` goes through `black_box`: summing lengths alone would let a `match` be
    // compiled to a table of lengths, without the pointers a caller needs.
    all.iter()
        .map(|&c| black_box(as_str(black_box(c))).len())
        .sum()
}

#[divan::bench_group]
mod for_failure_response {
    use super::*;

    #[divan::bench]
    fn generated(b: Bencher) {
        b.bench(|| over_codes(Cause::for_failure_response));
    }

    #[divan::bench]
    fn hand_match(b: Bencher) {
        b.bench(|| over_codes(hand::for_failure_response));
    }

    #[divan::bench]
    fn hashmap(b: Bencher) {
        LazyLock::force(&maps::BY_CODE);
        b.bench(|| over_codes(maps::for_failure_response));
    }

    #[divan::bench]
    fn phf(b: Bencher) {
        b.bench(|| over_codes(phf_maps::for_failure_response));
    }
}

#[divan::bench_group]
mod from_str {
    use super::*;

    #[divan::bench]
    fn generated(b: Bencher) {
        LazyLock::force(&STRINGS);
        b.bench(|| over_strings(|s| s.parse::<Cause>().ok()));
    }

    #[divan::bench]
    fn hand_match(b: Bencher) {
        LazyLock::force(&STRINGS);
        b.bench(|| over_strings(hand::from_str));
    }

    #[divan::bench]
    fn hashmap(b: Bencher) {
        LazyLock::force(&STRINGS);
        LazyLock::force(&maps::BY_VALUE);
        b.bench(|| over_strings(|s| maps::BY_VALUE.get(s).copied()));
    }

    #[divan::bench]
    fn phf(b: Bencher) {
        LazyLock::force(&STRINGS);
        b.bench(|| over_strings(|s| phf_maps::BY_VALUE.get(s).copied()));
    }

    #[divan::bench]
    fn strum(b: Bencher) {
        LazyLock::force(&STRINGS);
        b.bench(|| over_strings(|s| s.parse::<StrumCause>().ok()));
    }
}

#[divan::bench_group]
mod as_str {
    use super::*;

    #[divan::bench]
    fn generated(b: Bencher) {
        b.bench(|| over_causes(Cause::ALL, Cause::as_str));
    }

    #[divan::bench]
    fn hand_match(b: Bencher) {
        b.bench(|| over_causes(Cause::ALL, hand::as_str));
    }

    #[divan::bench]
    fn hashmap(b: Bencher) {
        LazyLock::force(&maps::VALUES);
        b.bench(|| over_causes(Cause::ALL, |c| maps::VALUES[&c]));
    }

    #[divan::bench]
    fn phf(b: Bencher) {
        b.bench(|| over_causes(Cause::ALL, |c| phf_maps::VALUES[&(c as u8)]));
    }

    #[divan::bench]
    fn strum(b: Bencher) {
        let all = STRUM_ALL.clone();
        b.bench(|| over_causes(&all, <&'static str>::from));
    }
}

#[divan::bench_group]
mod reason_phrase {
    use super::*;

    #[divan::bench]
    fn generated(b: Bencher) {
        b.bench(|| over_phrases(cause_core::reason_phrase));
    }

    #[divan::bench]
    fn hand_match(b: Bencher) {
        b.bench(|| over_phrases(hand::reason_phrase));
    }

    #[divan::bench]
    fn hashmap(b: Bencher) {
        LazyLock::force(&maps::PHRASES);
        b.bench(|| over_phrases(|code| maps::PHRASES.get(&code).copied()));
    }

    #[divan::bench]
    fn phf(b: Bencher) {
        b.bench(|| over_phrases(|code| phf_maps::PHRASES.get(&code).copied()));
    }
}

//! Lookups of the generated `Cause` against what users would otherwise write, in one run on the
//! same inputs: a hand-written `match`, a `HashMap` built once, `phf` maps, and strum's derives.
//!
//! Run with `scripts/bench.sh`. Before timing, `main` checks that every
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

mod baselines;
mod inputs;

use baselines::{hand, phf_maps, strum_enum};
use inputs::{STRINGS, hits};

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
                    .chain(std::iter::once(c.name()))
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

fn over<T: Copy>(strings: &[String], parse: impl Fn(&str) -> Option<T>) -> usize {
    strings
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

/// `FromStr` over the hits alone, the misses alone, and both (the inputs of `STRINGS`).
macro_rules! from_str_benches {
    ($($group:ident: $part:expr,)*) => {$(
        #[divan::bench_group]
        mod $group {
            use super::*;

            #[divan::bench]
            fn generated(b: Bencher) {
                let strings = $part;
                b.bench(|| over(strings, |s| s.parse::<Cause>().ok()));
            }

            #[divan::bench]
            fn hand_match(b: Bencher) {
                let strings = $part;
                b.bench(|| over(strings, hand::from_str));
            }

            #[divan::bench]
            fn hashmap(b: Bencher) {
                let strings = $part;
                LazyLock::force(&maps::BY_VALUE);
                b.bench(|| over(strings, |s| maps::BY_VALUE.get(s).copied()));
            }

            #[divan::bench]
            fn phf(b: Bencher) {
                let strings = $part;
                b.bench(|| over(strings, |s| phf_maps::BY_VALUE.get(s).copied()));
            }

            #[divan::bench]
            fn strum(b: Bencher) {
                let strings = $part;
                b.bench(|| over(strings, |s| s.parse::<StrumCause>().ok()));
            }
        }
    )*};
}

from_str_benches! {
    from_str: &STRINGS[..],
    from_str_hits: &STRINGS[..hits()],
    from_str_misses: &STRINGS[hits()..],
}

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

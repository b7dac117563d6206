//! `FromStr` against its two fastest baselines (a hand-written `match` and strum's derive),
//! paired: each sample times the three, one right after another, over the same inputs (the
//! order rotating from sample to sample), and the ratio is taken inside the sample. On a
//! shared 2-core VM the machine's speed drifts between runs and within one; divan's medians,
//! taken bench after bench, then move apart (the baselines alone by 1.7 times between two
//! runs), while a ratio of neighbouring timings cancels the drift. The report is the median
//! ratio with its quartiles, for the hits, the misses and both.
//!
//! Run with `scripts/bench.sh paired`. `lookup.rs` checks first that every implementation gives
//! the same answers.

use std::hint::black_box;
use std::time::{Duration, Instant};

use cause_core::Cause;

// Only the parsers of the baselines: `lookup.rs` uses the rest.
#[allow(dead_code)]
mod baselines;
mod inputs;

use baselines::{hand, strum_enum::StrumCause};
use inputs::{STRINGS, hits};

/// Samples per measurement, and passes over the inputs in each timing (a few microseconds,
/// well above the clock's resolution).
const SAMPLES: usize = 3000;
const PASSES: usize = 32;

type Parse = fn(&str) -> bool;

fn generated(s: &str) -> bool {
    s.parse::<Cause>().is_ok()
}

fn hand_match(s: &str) -> bool {
    hand::from_str(s).is_some()
}

fn strum(s: &str) -> bool {
    s.parse::<StrumCause>().is_ok()
}

/// One timing: `PASSES` passes of `parse` over `strings`.
fn time(strings: &[String], parse: Parse) -> Duration {
    let start = Instant::now();
    for _ in 0..PASSES {
        for s in strings {
            black_box(parse(black_box(s)));
        }
    }
    start.elapsed()
}

/// The ratio of the generated code's time to the faster baseline's, in each sample.
fn ratios(strings: &[String]) -> Vec<f64> {
    let contenders: [Parse; 3] = [generated, hand_match, strum];
    (0..SAMPLES)
        .map(|sample| {
            let mut times = [Duration::ZERO; 3];
            for step in 0..3 {
                let which = (sample + step) % 3;
                times[which] = time(strings, contenders[which]);
            }
            let best = times[1].min(times[2]).as_secs_f64();
            times[0].as_secs_f64() / best
        })
        .collect()
}

/// The value at `q` (0 to 1) of sorted `values`.
fn quantile(sorted: &[f64], q: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

fn main() {
    let parts = [
        ("hits and misses", &STRINGS[..]),
        ("hits", &STRINGS[..hits()]),
        ("misses", &STRINGS[hits()..]),
    ];
    println!("| `from_str`, paired | median ratio | quartiles |\n|---|---|---|");
    for (name, strings) in parts {
        // A first round warms caches and predictors; it is not reported.
        ratios(strings);
        let mut ratios = ratios(strings);
        ratios.sort_by(f64::total_cmp);
        let (low, median, high) = (
            quantile(&ratios, 0.25),
            quantile(&ratios, 0.5),
            quantile(&ratios, 0.75),
        );
        println!("| {name} | {median:.2} | {low:.2} to {high:.2} |");
    }
}

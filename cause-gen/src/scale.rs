//! How the expansion itself scales with the table: read, validate and expand synthetic tables
//! of 1,000 and 10,000 causes. Timed in the test profile, which is what a build uses (Cargo
//! compiles proc macros without optimisations by default). Ignored by default; run with
//! `cargo test -p cause-gen --lib scale -- --ignored --nocapture`.

use std::time::{Duration, Instant};

use crate::expand::{Env, expand};
use crate::input::Input;
use crate::synthetic;

fn expansion_time(n: usize) -> (Duration, usize) {
    let source = synthetic::table(n);
    let input: Input = "pub enum Cause in \"t.toml\"; pub enum Category; pub struct ParseCauseError; pub fn reason_phrase;"
        .parse()
    .unwrap_or_else(|e| panic!("the test's macro input parses: {e}"));
    let env = Env { track_path: None };
    let start = Instant::now();
    let model = cause_table::check(&source)
        .unwrap_or_else(|e| panic!("the synthetic table is valid: {e:?}"));
    let tokens = expand(&input, &model, &env).to_string();
    (start.elapsed(), tokens.len())
}

#[test]
#[ignore = "slow: expands tables of 1,000 and 10,000 causes"]
fn expansion_time_grows_linearly_with_the_table() {
    let (small, small_len) = expansion_time(1_000);
    let (large, large_len) = expansion_time(10_000);
    println!(
        "expansion: 1,000 causes {:.3} s ({:.1} MB of code), 10,000 causes {:.3} s ({:.1} MB)",
        small.as_secs_f64(),
        small_len as f64 / 1e6,
        large.as_secs_f64(),
        large_len as f64 / 1e6
    );
    let ratio = large.as_secs_f64() / small.as_secs_f64();
    println!("expansion time, 10,000 vs 1,000 causes: {ratio:.1}x");
    assert!(
        ratio <= 12.0,
        "expansion time grew {ratio:.1}x for 10x the causes"
    );
}

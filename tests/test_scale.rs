//! How the generator scales: synthetic tables of 1,000 and 10,000 causes, built, documented
//! and checked in probe crates. Slow (minutes), so ignored by default; run it with
//! `cargo test --release --test test_scale -- --ignored --nocapture` to see the figures.

mod nested;
// The generator of synthetic tables lives with cause-macros, whose expansion test uses it too.
#[path = "../cause-gen/src/synthetic.rs"]
mod synthetic;

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

/// The probe checks every lookup against the synthetic table's own rules.
const MAIN: &str = r#"
mod synthetic;


fn main() {
    for (i, &cause) in Cause::ALL.iter().enumerate() {
        assert_eq!(synthetic::value(i).parse::<Cause>(), Ok(cause));
        assert_eq!(Cause::from_name(&synthetic::constant(i)), Some(cause));
        if let Some(alias) = synthetic::alias(i) {
            assert_eq!(alias.parse::<Cause>(), Ok(cause));
        }
        if let Some(code) = synthetic::code(i) {
            assert_eq!(Cause::from_status_code(code), Some(cause));
            assert_eq!(reason_phrase(code), Some(format!("Phrase {code}").as_str()));
        }
        assert_eq!(cause.category().key(), format!("group-{}", i % synthetic::CATEGORIES));
    }
    assert!("Synthetic cause 99999".parse::<Cause>().is_err());
    assert!("Synthetic cause 0000".parse::<Cause>().is_err());
    assert_eq!(Cause::for_failure_response(299), None);
    println!("{} causes checked", Cause::ALL.len());
}
"#;

struct Figures {
    build: Duration,
    doc: Duration,
    page_bytes: u64,
}

fn measure(n: usize) -> Figures {
    let dir = tempfile::tempdir().unwrap();
    nested::write_probe_crate(dir.path(), "main.rs", MAIN, &synthetic::table(n));
    let synthetic = nested::workspace().join("cause-gen/src/synthetic.rs");
    fs::copy(synthetic, dir.path().join("src/synthetic.rs")).unwrap();
    // Dependencies first, so that the timed build is the table's crate alone.
    nested::cargo_ok(dir.path(), &["build", "--quiet", "-p", "cause-macros"]);
    let build = timed(dir.path(), &["build", "--quiet"]);
    let run = nested::cargo_ok(dir.path(), &["run", "--quiet"]);
    assert_eq!(
        String::from_utf8_lossy(&run.stdout),
        format!("{n} causes checked\n")
    );
    let doc = timed(dir.path(), &["doc", "--quiet", "--no-deps"]);
    let page = nested::target_dir().join("doc/probe/enum.Cause.html");
    let page_bytes = fs::metadata(page).unwrap().len();
    Figures {
        build,
        doc,
        page_bytes,
    }
}

fn timed(dir: &Path, args: &[&str]) -> Duration {
    let start = Instant::now();
    nested::cargo_ok(dir, args);
    start.elapsed()
}

#[test]
#[ignore = "slow: builds and documents tables of 1,000 and 10,000 causes"]
fn build_time_grows_linearly_with_the_table() {
    let small = measure(1_000);
    let large = measure(10_000);
    for (n, f) in [(1_000, &small), (10_000, &large)] {
        println!(
            "{n:>6} causes: cargo build {:.2} s, cargo doc {:.2} s, enum page {:.1} MB",
            f.build.as_secs_f64(),
            f.doc.as_secs_f64(),
            f.page_bytes as f64 / 1e6
        );
    }
    let ratio = large.build.as_secs_f64() / small.build.as_secs_f64();
    println!("build time, 10,000 vs 1,000 causes: {ratio:.1}x");
    assert!(
        ratio <= 12.0,
        "build time grew {ratio:.1}x for 10x the causes"
    );
    let ratio = large.doc.as_secs_f64() / small.doc.as_secs_f64();
    println!("doc time, 10,000 vs 1,000 causes: {ratio:.1}x");
    assert!(
        ratio <= 12.0,
        "doc time grew {ratio:.1}x for 10x the causes"
    );
}

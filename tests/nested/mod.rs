//! Running cargo from a test, for what only a real build shows: rustdoc output, and a rebuild
//! after an edit to a table.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The workspace root.
pub fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A target directory of its own, so that the nested cargo never waits on the lock of the
/// `cargo test` that runs it, and shared by these tests so dependencies build once.
pub fn target_dir() -> PathBuf {
    workspace().join("target").join("nested")
}

/// `cargo ARGS` in `dir`, offline (everything was fetched for the outer build).
pub fn cargo(dir: &Path, args: &[&str]) -> Output {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    Command::new(cargo)
        .args(args)
        .arg("--offline")
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target_dir())
        // Flags for the outer build (RUSTDOCFLAGS="-D warnings" in CI) must not leak in.
        .env_remove("RUSTFLAGS")
        .env_remove("RUSTDOCFLAGS")
        .output()
        .expect("cargo runs")
}

/// `cargo ARGS` in `dir` with the outer build's own target directory and environment (its
/// flags included, so that what it built stays fresh), failing the test with cargo's output if
/// the command fails.
#[allow(dead_code)] // Not every test binary that uses this module runs the examples.
pub fn cargo_in_target_ok(dir: &Path, args: &[&str], target: &Path) -> Output {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args(args)
        .arg("--offline")
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo {args:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Like [`cargo`], failing the test with cargo's output if the command fails.
pub fn cargo_ok(dir: &Path, args: &[&str]) -> Output {
    let output = cargo(dir, args);
    assert!(
        output.status.success(),
        "cargo {args:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// The macro call of every probe crate: `Cause`, `Category`, `ParseCauseError` and
/// `reason_phrase` from `table.toml`.
const CALL: &str = r#"
cause_macros::cause_table! {
    /// A cause.
    pub enum Cause in "../table.toml";
    /// A category.
    pub enum Category;
    /// A parse error.
    pub struct ParseCauseError;
    /// A reason phrase.
    pub fn reason_phrase;
}
"#;

/// Writes a crate of its own in `dir` that uses `cause-macros` by path: `table.toml` beside
/// `src/`, and `src/{file}` (`main.rs` or `lib.rs`) holding `code` followed by the macro call.
pub fn write_probe_crate(dir: &Path, file: &str, code: &str, table: &str) {
    let macros = workspace().join("cause-macros");
    let manifest = format!(
        "[package]\nname = \"probe\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\ncause-macros = {{ path = {:?} }}\n\n[workspace]\n",
        macros.display().to_string()
    );
    fs::create_dir_all(dir.join("src")).expect("create src/");
    fs::write(dir.join("Cargo.toml"), manifest).expect("write Cargo.toml");
    fs::write(dir.join("src").join(file), format!("{code}{CALL}")).expect("write the source");
    fs::write(dir.join("table.toml"), table).expect("write the table");
    // The workspace's lock file: the same dependency versions, none fetched.
    fs::copy(workspace().join("Cargo.lock"), dir.join("Cargo.lock")).expect("copy Cargo.lock");
}

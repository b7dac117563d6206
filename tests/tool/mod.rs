//! Running the `sip-cause` binary as a user does, for the CLI tests.

#![allow(dead_code)] // each test file uses part of it

use std::process::{Command, Output};

pub fn sip_cause(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sip-cause"))
        .args(args)
        .output()
        .expect("the sip-cause binary runs")
}

pub fn stdout(args: &[&str]) -> String {
    let output = sip_cause(args);
    assert!(output.status.success(), "{args:?}: {output:?}");
    assert!(output.stderr.is_empty(), "{args:?}: {output:?}");
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// The one-line error and the exit code of a rejected argument.
pub fn failure(args: &[&str]) -> String {
    let output = sip_cause(args);
    assert_eq!(output.status.code(), Some(2), "{args:?}: {output:?}");
    assert!(output.stdout.is_empty(), "{args:?}: {output:?}");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8 output");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    stderr
}

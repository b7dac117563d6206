//! The PBX recorder, ignored by the test command: `scripts/record-pbx.sh` builds nothing and
//! runs this on the PBXs a user built (their install prefixes), writing the recordings that
//! `tests/test_pbx_recorded.rs` checks. Environment: `PBX_PREFIX` (the install prefix),
//! `PBX_COMMIT` (the commit it was built from, in full), `RECORD_TO` (the file to write);
//! optionally `PBX_ROWS` (`relay,teardown,maps`, the default), `PBX_RUNS` (calls of every row,
//! 2) and `PBX_RACY_RUNS` (calls at least of a row of a class seen to vary, 24).

mod pbx;

use std::path::{Path, PathBuf};

use pbx::asterisk::Asterisk;
use pbx::freeswitch::FreeSwitch;
use pbx::recording::Recording;
use pbx::ua::{Caller, FarEnd};
use pbx::{Pbx, config_files, recorder, rows};

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set: run scripts/record-pbx.sh"))
}

fn number(name: &str, default: u32) -> u32 {
    std::env::var(name).map_or(default, |text| {
        text.parse()
            .unwrap_or_else(|_| panic!("{name}={text} is no number"))
    })
}

fn config_dir(pbx: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/pbx")
        .join(pbx)
}

/// Where the PBX runs: a temporary directory, or `PBX_RUN_DIR` (kept, with the PBX's logs).
fn scratch() -> tempfile::TempDir {
    match std::env::var_os("PBX_RUN_DIR") {
        Some(dir) => {
            std::fs::create_dir_all(&dir).expect("PBX_RUN_DIR can be made");
            tempfile::Builder::new()
                .disable_cleanup(true)
                .tempdir_in(dir)
                .expect("a scratch directory")
        }
        None => tempfile::tempdir().expect("a scratch directory"),
    }
}

/// What `scripts/record-pbx.sh` found of the build (`PBX_BUILD`, `key: value` lines): the
/// versions of the libraries it was built with.
fn given_build() -> Vec<(String, String)> {
    let text = std::env::var("PBX_BUILD").unwrap_or_default();
    text.lines()
        .filter_map(|line| line.split_once(": "))
        .map(|(key, value)| (key.trim().to_owned(), value.trim().to_owned()))
        .collect()
}

/// The rows `PBX_ROWS` asks for, maps of `map_causes`.
fn wanted_rows(map_causes: Vec<String>) -> Vec<rows::Row> {
    let wanted = std::env::var("PBX_ROWS").unwrap_or_else(|_| "relay,teardown,maps".to_owned());
    let mut all = Vec::new();
    for part in wanted.split(',') {
        match part {
            "relay" => all.extend(rows::relay()),
            "teardown" => all.extend(rows::teardown()),
            "maps" => all.extend(rows::maps(map_causes.clone())),
            other => panic!("PBX_ROWS: {other} is none of relay, teardown, maps"),
        }
    }
    all
}

fn write_with(
    pbx: &dyn Pbx,
    far: &FarEnd,
    name: &str,
    version: String,
    build: Vec<(String, String)>,
    rows: &[rows::Row],
) {
    let caller = Caller::new();
    let (runs, racy_runs) = (number("PBX_RUNS", 2), number("PBX_RACY_RUNS", 24));
    let recorded = recorder::record(pbx, &caller, far, rows, runs, racy_runs);
    let recording = Recording {
        pbx: name.to_owned(),
        commit: env("PBX_COMMIT"),
        version,
        build: build.into_iter().collect(),
        config: config_files(&config_dir(name)),
        runs,
        racy_runs,
        rows: recorded,
    };
    std::fs::write(env("RECORD_TO"), recording.to_text()).expect("the recording is written");
}

#[test]
#[ignore = "needs an Asterisk built from source: scripts/record-pbx.sh"]
fn record_asterisk() {
    let prefix = PathBuf::from(env("PBX_PREFIX"));
    let run = scratch();
    let far = FarEnd::start();
    let asterisk = Asterisk::start(&prefix, &config_dir("asterisk"), run.path(), far.addr);
    let settings = asterisk.cli("core show settings");
    let setting = |name: &str| {
        settings
            .lines()
            .find_map(|line| line.trim().strip_prefix(name))
            .map(|value| value.trim_start_matches(':').trim().to_owned())
            .unwrap_or_else(|| panic!("`core show settings` has no {name}"))
    };
    let mut build = given_build();
    build.extend([
        ("build options".to_owned(), setting("All Build Options")),
        (
            "pjsip show version".to_owned(),
            asterisk.cli("pjsip show version").trim().to_owned(),
        ),
    ]);
    let rows = wanted_rows((0..=127).map(|cause| cause.to_string()).collect());
    write_with(
        &asterisk,
        &far,
        "asterisk",
        setting("Version"),
        build,
        &rows,
    );
}

#[test]
#[ignore = "needs a FreeSWITCH built from source: scripts/record-pbx.sh"]
fn record_freeswitch() {
    let prefix = PathBuf::from(env("PBX_PREFIX"));
    let run = scratch();
    let far = FarEnd::start();
    let freeswitch = FreeSwitch::start(&prefix, &config_dir("freeswitch"), run.path(), far.addr);
    let version = freeswitch.api("version").trim().to_owned();
    let build = given_build();
    let causes = cause_core::FreeSwitchCause::ALL
        .iter()
        .map(|cause| cause.name().to_owned())
        .collect();
    write_with(
        &freeswitch,
        &far,
        "freeswitch",
        version,
        build,
        &wanted_rows(causes),
    );
}

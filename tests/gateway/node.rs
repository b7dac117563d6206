//! Node.js for the tests that drive the real SIP.js and JsSIP (`tests/interop/driver.js`): the
//! pinned packages installed with `npm ci`, the driver run with a bound on time.

use std::fs::{self, File};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

pub fn interop_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/interop")
}

/// How long `npm ci` may take: it fetches three packages from the registry (seconds here).
const INSTALL_LIMIT: Duration = Duration::from_secs(300);

/// The pinned packages the driver needs, installed by `npm ci` from the lockfile.
const PACKAGES: [&str; 3] = ["sip.js", "jssip", "ws"];

/// Makes sure the pinned packages are installed, running `npm ci` when `node_modules` is
/// missing, incomplete or older than `package-lock.json`, and returns a shared lock to hold
/// while the driver runs. The lock (a file under the target directory) makes this safe when
/// several test binaries start at once: one installs while the others wait, and none installs
/// while another's driver reads `node_modules`.
pub fn ensure_packages() -> File {
    require_tool("node");
    require_tool("npm");
    let lock_path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("interop-npm.lock");
    let lock = File::create(&lock_path)
        .unwrap_or_else(|e| panic!("cannot create {}: {e}", lock_path.display()));
    lock.lock().expect("an exclusive lock on the npm lock file");
    if !packages_are_current() {
        npm_ci();
        assert!(
            packages_are_current(),
            "`npm ci` succeeded but left {} without the pinned packages",
            interop_dir().join("node_modules").display()
        );
    }
    lock.unlock().expect("the npm lock file unlocks");
    lock.lock_shared()
        .expect("a shared lock on the npm lock file");
    lock
}

/// Fails with one line naming what to install where a tool the interop test runs is missing.
fn require_tool(tool: &str) {
    let found = Command::new(tool)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    assert!(
        found,
        "the interop test needs `{tool}` on PATH: install Node.js 20 or later with npm (for example `apt-get install nodejs npm`)"
    );
}

/// Whether every pinned package is installed by an `npm ci` newer than the lockfile (npm
/// writes `node_modules/.package-lock.json` when it installs).
fn packages_are_current() -> bool {
    let modified = |path: PathBuf| fs::metadata(path).and_then(|m| m.modified()).ok();
    let dir = interop_dir();
    let installed = modified(dir.join("node_modules/.package-lock.json"));
    let locked = modified(dir.join("package-lock.json"));
    let complete = PACKAGES
        .iter()
        .all(|package| dir.join("node_modules").join(package).is_dir());
    matches!((installed, locked), (Some(installed), Some(locked)) if installed >= locked)
        && complete
}

/// `npm ci` in `tests/interop`: the exact versions of `package-lock.json`, nothing else.
fn npm_ci() {
    eprintln!("test_interop: installing the pinned SIP.js, JsSIP and ws (npm ci in tests/interop)");
    let mut npm = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(interop_dir())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("npm starts");
    let stderr = npm.stderr.take().expect("piped stderr");
    let reader = std::thread::spawn(move || std::io::read_to_string(stderr).unwrap_or_default());
    let status = wait_for(&mut npm, INSTALL_LIMIT, "`npm ci` in tests/interop");
    let stderr = reader.join().unwrap_or_default();
    assert!(
        status.success(),
        "`npm ci` in tests/interop failed: {status}\n{stderr}"
    );
}

/// Waits for `child` to exit, killing it and failing the test after `limit`.
pub fn wait_for(child: &mut Child, limit: Duration, what: &str) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("the child can be waited on") {
            return status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Runs the driver against the gateway at `url` with `spec`, within `limit`, and returns what it
/// printed, one JSON object per line, the last being `{"scenario":"done"}`.
pub fn drive(url: &str, spec: &Value, limit: Duration) -> Vec<Value> {
    let spec = spec.to_string();
    run_script(
        &interop_dir(),
        &["driver.js", url, &spec],
        limit,
        "the driver",
    )
}

/// Runs `node ARGS` in `dir` within `limit` and returns what it printed, one JSON object per
/// line, the last being `{"scenario":"done"}`; `what` names the script in failures.
pub fn run_script(dir: &Path, args: &[&str], limit: Duration, what: &str) -> Vec<Value> {
    let mut script = Command::new("node")
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node starts");
    let stdout = script.stdout.take().expect("piped stdout");
    let reader = std::thread::spawn(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .map(|line| {
                serde_json::from_str::<Value>(&line).unwrap_or_else(|e| panic!("{e}: {line}"))
            })
            .collect::<Vec<_>>()
    });
    let status = wait_for(&mut script, limit, what);
    let mut stderr = String::new();
    if let Some(mut pipe) = script.stderr.take() {
        let _ = std::io::Read::read_to_string(&mut pipe, &mut stderr);
    }
    assert!(status.success(), "{what} failed: {status}\n{stderr}");
    let reports = reader.join().expect("the reader thread ends");
    assert_eq!(
        reports.last(),
        Some(&json!({ "scenario": "done" })),
        "{reports:#?}"
    );
    reports
}

//! The examples as a user runs them: `gateway`, `far_end` and `caller`, each started with its
//! output read line by line. `cargo test` builds the examples before it runs a test, into the
//! target directory the test binaries are in; each test binary asks cargo for them once more,
//! with the README's options, which is a no-op after the README's command and a build where a
//! test runs alone (`cargo test --test NAME` builds no example) or an example changed. Cargo
//! holds no lock while the tests run, so the nested cargo does not wait; building into a target
//! directory of its own instead compiled tokio, rsipstack and cause-core a second time, about a
//! sixth of the test command's time from cold.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::OnceLock;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use crate::nested;

const EXAMPLES: [&str; 3] = ["gateway", "far_end", "caller"];

/// The built example `name`.
pub fn example(name: &str) -> PathBuf {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    let profile = BUILT.get_or_init(|| {
        // This binary is PROFILE/deps/NAME-HASH: the examples are in PROFILE/examples.
        let exe = std::env::current_exe().expect("the test binary's path");
        let profile = exe
            .ancestors()
            .nth(2)
            .expect("PROFILE/deps/NAME")
            .to_owned();
        let target = profile.parent().expect("TARGET/PROFILE");
        // The directory of the `dev` profile is `debug`; any other is named after its profile.
        let name = profile.file_name().and_then(|name| name.to_str());
        let name = name.expect("a profile directory named in UTF-8");
        let name = if name == "debug" { "dev" } else { name };
        let mut args = vec!["build", "--quiet", "--workspace", "--all-features"];
        args.extend(["--profile", name]);
        for example in EXAMPLES {
            args.extend(["--example", example]);
        }
        nested::cargo_in_target_ok(&nested::workspace(), &args, target);
        profile
    });
    profile.join("examples").join(name)
}

/// A running example, killed when dropped, whose stdout is read a line at a time.
pub struct Running {
    child: Child,
    lines: Receiver<String>,
}

impl Running {
    pub fn start(name: &str, args: &[String]) -> Running {
        let mut child = Command::new(example(name))
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("{name} starts: {e}"));
        let stdout = child.stdout.take().expect("a piped stdout");
        Running {
            child,
            lines: read_lines(stdout),
        }
    }

    /// The next line it prints, within `limit`; `None` if it prints none (or has exited).
    pub fn line_within(&self, limit: Duration) -> Option<String> {
        self.lines.recv_timeout(limit).ok()
    }

    pub fn id(&self) -> u32 {
        self.child.id()
    }

    /// Waits for it to exit, at most `limit`; its status code, or `None` if it still runs.
    pub fn exit_within(&mut self, limit: Duration) -> Option<i32> {
        let deadline = std::time::Instant::now() + limit;
        while std::time::Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().expect("a status") {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

fn read_lines(stdout: ChildStdout) -> Receiver<String> {
    let (sender, receiver) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { return };
            if sender.send(line).is_err() {
                return;
            }
        }
    });
    receiver
}

/// What a run of an example that ends by itself printed, and its status code: `None` if it
/// was still running at `limit` (and was killed then).
pub struct Ran {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(name: &str, args: &[String], limit: Duration) -> Ran {
    let mut running = Running::start(name, args);
    let stderr = running.child.stderr.take().expect("a piped stderr");
    let stderr = std::thread::spawn(move || std::io::read_to_string(stderr).unwrap_or_default());
    let code = running.exit_within(limit);
    let mut stdout = String::new();
    while let Some(line) = running.line_within(Duration::from_millis(100)) {
        stdout.push_str(&line);
        stdout.push('\n');
    }
    drop(running);
    let stderr = stderr.join().expect("stderr is read");
    Ran {
        code,
        stdout,
        stderr,
    }
}

/// Sends it SIGINT, as Ctrl-C in its terminal does.
pub fn interrupt(id: u32) {
    let status = Command::new("kill")
        .args(["-INT", &id.to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill -INT {id}");
}

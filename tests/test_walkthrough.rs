//! The walk-through of `docs/gateway.md` runs as written: its commands (the far end, the
//! gateway, two calls) are run as the built examples, on ports the OS picks instead of the
//! ones shown, and every line the document shows each of them printing must be what it
//! printed. The blocks are read from the document between their markers, so that the text and
//! this test cannot drift apart.

mod binaries;
mod doc_blocks;
#[allow(dead_code)]
mod nested;

use std::time::Duration;

use binaries::{Running, interrupt, run};

/// How long any one step may take.
const LIMIT: Duration = Duration::from_secs(10);

/// A block of the walk-through: the command shown (`$ cargo run --example NAME -- ARGS`), if
/// any, and the lines it prints.
struct Block {
    command: Option<(String, Vec<String>)>,
    lines: Vec<String>,
}

/// The block between `<!-- walkthrough NAME: begin -->` and its end marker, without its fence.
fn block(name: &str) -> Block {
    let text = doc_blocks::block("docs/gateway.md", &format!("walkthrough {name}"));
    let mut lines: Vec<String> = text
        .lines()
        .filter(|line| !line.starts_with("```"))
        .map(str::to_owned)
        .collect();
    let command = lines
        .first()
        .and_then(|line| line.strip_prefix("$ cargo run --example "))
        .map(|line| {
            let (name, args) = line.split_once(" -- ").unwrap_or((line, ""));
            let args = args.split_whitespace().map(str::to_owned).collect();
            (name.to_owned(), args)
        });
    if command.is_some() {
        lines.remove(0);
    }
    Block { command, lines }
}

/// The ports of the document and the ones the OS picked instead, learned as each program says
/// where it listens.
#[derive(Default)]
struct Ports(Vec<(String, String)>);

impl Ports {
    /// A command's arguments on this machine: a port already known is the real one, any other
    /// (one the program is to bind) is 0, for the OS to pick.
    fn args(&self, args: &[String]) -> Vec<String> {
        args.iter()
            .map(|arg| match address_port(arg) {
                Some(shown) => {
                    let real = self.real(shown).unwrap_or("0");
                    arg.replacen(
                        &format!("127.0.0.1:{shown}"),
                        &format!("127.0.0.1:{real}"),
                        1,
                    )
                }
                None => arg.clone(),
            })
            .collect()
    }

    fn real(&self, shown: &str) -> Option<&str> {
        let found = self.0.iter().find(|(doc, _)| doc == shown);
        found.map(|(_, real)| real.as_str())
    }

    /// Learns the ports of a line that says where a program listens, from the line shown.
    fn learn(&mut self, shown: &str, printed: &str) {
        for (doc, real) in ports(shown).into_iter().zip(ports(printed)) {
            self.0.push((doc.to_owned(), real.to_owned()));
        }
    }

    /// A printed line as the document would show it.
    fn shown(&self, printed: &str) -> String {
        let mut line = printed.to_owned();
        for (doc, real) in &self.0 {
            line = line.replace(
                &format!("127.0.0.1:{real}\""),
                &format!("127.0.0.1:{doc}\""),
            );
        }
        line
    }
}

/// The port of `127.0.0.1:PORT` in an argument (`ws://127.0.0.1:5066` too).
fn address_port(arg: &str) -> Option<&str> {
    let port = arg.split("127.0.0.1:").nth(1)?;
    Some(port.trim_end_matches('/'))
}

/// Every port of `127.0.0.1:PORT` in a line, in order.
fn ports(line: &str) -> Vec<&str> {
    line.split("127.0.0.1:")
        .skip(1)
        .map(|rest| {
            rest.split(|c: char| !c.is_ascii_digit())
                .next()
                .unwrap_or(rest)
        })
        .collect()
}

/// Starts the program of a block that keeps running, and checks the lines it prints first.
fn start(name: &str, ports: &mut Ports) -> Running {
    let block = block(name);
    let (example, args) = block.command.expect("a command");
    let running = Running::start(&example, &ports.args(&args));
    let first = running
        .line_within(LIMIT)
        .unwrap_or_else(|| panic!("{example} printed nothing"));
    ports.learn(&block.lines[0], &first);
    assert_eq!(ports.shown(&first), block.lines[0], "{name}");
    expect_lines(&running, &block.lines[1..], name, ports);
    running
}

/// The next lines a running program prints are `lines`.
fn expect_lines(running: &Running, lines: &[String], name: &str, ports: &Ports) {
    for shown in lines {
        let printed = running
            .line_within(LIMIT)
            .unwrap_or_else(|| panic!("{name}: no line where the document shows {shown}"));
        assert_eq!(&ports.shown(&printed), shown, "{name}");
    }
}

#[test]
fn the_walkthrough_runs_as_written() {
    let mut ports = Ports::default();
    let far_end = start("far-end", &mut ports);
    let gateway = start("gateway", &mut ports);
    for call in ["busy", "answer"] {
        let block = block(call);
        let (example, args) = block.command.expect("a command");
        let ran = run(&example, &ports.args(&args), LIMIT);
        assert_eq!(ran.code, Some(0), "{call}: {}", ran.stderr);
        let printed: Vec<String> = ran.stdout.lines().map(|l| ports.shown(l)).collect();
        assert_eq!(printed, block.lines, "{call}");
    }
    expect_lines(
        &gateway,
        &block("gateway-lines").lines,
        "gateway-lines",
        &ports,
    );
    expect_lines(
        &far_end,
        &block("far-end-lines").lines,
        "far-end-lines",
        &ports,
    );
    interrupt(gateway.id());
    expect_lines(&gateway, &block("stop").lines, "stop", &ports);
    for (name, running) in [("gateway", &gateway), ("far end", &far_end)] {
        let more = running.line_within(Duration::from_millis(200));
        assert_eq!(
            more, None,
            "the {name} printed a line the document does not show"
        );
    }
}

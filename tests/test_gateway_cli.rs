//! The gateway's command line (`examples/gateway/cli.rs`), read strictly: `--help` prints the
//! usage with the defaults, each mistake names the option, a host name resolves. Then the
//! binary as a user runs it: an address it cannot bind fails it before the line that says
//! where it listens, and Ctrl-C stops it.

mod binaries;
#[path = "../examples/gateway/cli.rs"]
mod cli;
#[allow(dead_code)]
mod nested;

use std::net::{SocketAddr, TcpListener, UdpSocket};
use std::time::Duration;

use binaries::{Running, interrupt, run};
use cause_core::Gateway;
use clap::error::{ContextKind, ContextValue, ErrorKind};

/// How long a gateway that must not start may take to say so.
const EXIT_LIMIT: Duration = Duration::from_secs(10);

fn parse(args: &[&str]) -> Result<cli::Options, clap::Error> {
    cli::parse(std::iter::once("gateway").chain(args.iter().copied()))
}

fn error(args: &[&str]) -> clap::Error {
    match parse(args) {
        Ok(options) => panic!("{args:?} was accepted: {options:?}"),
        Err(error) => error,
    }
}

/// The option a clap error is about.
fn named(error: &clap::Error) -> String {
    match error.get(ContextKind::InvalidArg) {
        Some(ContextValue::String(name)) => name.clone(),
        Some(ContextValue::Strings(names)) => names.join(" "),
        other => panic!("{:?} names no option ({other:?})", error.kind()),
    }
}

const FAR: [&str; 2] = ["--far", "127.0.0.1:5080"];

#[test]
fn help_is_the_usage_with_every_default() {
    let help = error(&["--help"]);
    assert_eq!(help.kind(), ErrorKind::DisplayHelp);
    let text = help.render().to_string();
    for shown in [
        "--far <HOST:PORT>",
        "[default: rfc3398] [possible values: rfc3398, asterisk, freeswitch, freeswitch-1.10]",
        "--ws <HOST:PORT>",
        "--udp <HOST:PORT>",
    ] {
        assert!(text.contains(shown), "{shown:?} is not in:\n{text}");
    }
    assert_eq!(text.matches("[default: 127.0.0.1:0]").count(), 2, "{text}");
}

#[test]
fn an_unknown_option_is_named() {
    let unknown = error(&[&FAR[..], &["--verbose"]].concat());
    assert_eq!(unknown.kind(), ErrorKind::UnknownArgument);
    assert_eq!(named(&unknown), "--verbose");
}

#[test]
fn a_missing_value_is_named() {
    for args in [&["--far"][..], &[&FAR[..], &["--behave"]].concat()] {
        let missing = error(args);
        assert_eq!(missing.kind(), ErrorKind::InvalidValue, "{args:?}");
        let option = args.last().expect("an option");
        assert!(named(&missing).starts_with(option), "{args:?}: {missing}");
    }
}

#[test]
fn a_repeated_option_is_named() {
    let twice = [
        &FAR[..],
        &["--behave", "freeswitch", "--behave", "asterisk"],
    ]
    .concat();
    let repeated = error(&twice);
    assert_eq!(repeated.kind(), ErrorKind::ArgumentConflict);
    assert!(named(&repeated).starts_with("--behave"), "{repeated}");
    let far_twice = [&FAR[..], &FAR[..]].concat();
    assert!(named(&error(&far_twice)).starts_with("--far"));
}

#[test]
fn the_far_end_is_required() {
    let missing = error(&["--behave", "asterisk"]);
    assert_eq!(missing.kind(), ErrorKind::MissingRequiredArgument);
    assert!(named(&missing).starts_with("--far"), "{missing}");
}

#[test]
fn a_rule_is_one_of_the_gateways() {
    let unknown = error(&[&FAR[..], &["--behave", "kamailio"]].concat());
    assert_eq!(unknown.kind(), ErrorKind::InvalidValue);
    for rule in Gateway::ALL {
        let options = parse(&[&FAR[..], &["--behave", rule.key()]].concat()).expect("a rule");
        assert_eq!(options.behave, *rule);
    }
}

#[test]
fn defaults_are_rfc3398_and_ports_the_os_picks() {
    let options = parse(&FAR).expect("valid");
    let any = SocketAddr::from(([127, 0, 0, 1], 0));
    assert_eq!(options.behave, Gateway::Rfc3398);
    assert_eq!((options.ws, options.udp), (any, any));
}

#[test]
fn a_host_name_resolves() {
    let options = parse(&["--far", "localhost:5080", "--ws", "localhost:5066"]).expect("valid");
    // The UDP socket is IPv4 by default: the far end is localhost's IPv4 address.
    assert_eq!(options.far, SocketAddr::from(([127, 0, 0, 1], 5080)));
    assert!(options.ws.ip().is_loopback() && options.ws.port() == 5066);
}

#[test]
fn an_address_that_is_not_host_and_port_is_refused() {
    for far in [
        "127.0.0.1",
        "5080",
        "nowhere.invalid:5080",
        "127.0.0.1:99999",
    ] {
        let refused = error(&["--far", far]);
        assert_eq!(refused.kind(), ErrorKind::ValueValidation, "{far}");
    }
    // Reached from an IPv4 socket, an IPv6 far end is out of reach.
    let other_family = error(&["--far", "[::1]:5080"]);
    assert_eq!(other_family.kind(), ErrorKind::ValueValidation);
}

fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|arg| (*arg).to_owned()).collect()
}

#[test]
fn help_on_the_command_line_exits_0() {
    let ran = run("gateway", &strings(&["--help"]), EXIT_LIMIT);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert!(ran.stdout.contains("[default: rfc3398]"), "{}", ran.stdout);
}

#[test]
fn a_mistake_on_the_command_line_exits_2_naming_it() {
    let ran = run(
        "gateway",
        &strings(&[&FAR[..], &["--verbose"]].concat()),
        EXIT_LIMIT,
    );
    assert_eq!(ran.code, Some(2));
    assert!(ran.stderr.contains("'--verbose'"), "{}", ran.stderr);
    assert!(ran.stdout.is_empty(), "{}", ran.stdout);
}

#[test]
fn a_websocket_port_in_use_fails_before_the_address_line() {
    let taken = TcpListener::bind("127.0.0.1:0").expect("a TCP port");
    let address = taken.local_addr().expect("bound").to_string();
    let ran = run(
        "gateway",
        &strings(&[&FAR[..], &["--ws", &address]].concat()),
        EXIT_LIMIT,
    );
    assert_eq!(
        ran.code,
        Some(1),
        "stdout: {}\nstderr: {}",
        ran.stdout,
        ran.stderr
    );
    assert!(ran.stdout.is_empty(), "it said it listens: {}", ran.stdout);
    assert!(
        ran.stderr.contains(&format!("WebSocket on {address}")),
        "{}",
        ran.stderr
    );
}

#[test]
fn a_udp_port_in_use_fails_before_the_address_line() {
    let taken = UdpSocket::bind("127.0.0.1:0").expect("a UDP port");
    let address = taken.local_addr().expect("bound").to_string();
    let ran = run(
        "gateway",
        &strings(&[&FAR[..], &["--udp", &address]].concat()),
        EXIT_LIMIT,
    );
    assert_eq!(
        ran.code,
        Some(1),
        "stdout: {}\nstderr: {}",
        ran.stdout,
        ran.stderr
    );
    assert!(ran.stdout.is_empty(), "it said it listens: {}", ran.stdout);
    assert!(
        ran.stderr.contains(&format!("UDP on {address}")),
        "{}",
        ran.stderr
    );
}

#[test]
fn ctrl_c_stops_it_once_no_call_is_in_flight() {
    let mut gateway = Running::start("gateway", &strings(&FAR));
    let first = gateway.line_within(EXIT_LIMIT).expect("the address line");
    assert!(first.starts_with(r#"{"udp":"127.0.0.1:"#), "{first}");
    interrupt(gateway.id());
    let last = gateway.line_within(EXIT_LIMIT).expect("a last line");
    assert_eq!(last, r#"{"cut_short":0,"event":"stopped"}"#);
    assert_eq!(gateway.exit_within(EXIT_LIMIT), Some(0));
}

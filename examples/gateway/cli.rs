//! The gateway's command line, read once into [`Options`]: every option at most once, every
//! value checked, host names resolved. clap writes the usage and the errors; the tests read
//! each error's kind (`tests/test_gateway_cli.rs`).

use std::ffi::OsString;
use std::net::{SocketAddr, ToSocketAddrs};

use cause_core::Gateway;
use clap::builder::PossibleValuesParser;
use clap::error::ErrorKind;
use clap::{Arg, ArgMatches, Command};

/// What the command line asks for.
#[derive(Debug)]
pub struct Options {
    /// The far end every call goes to, over UDP.
    pub far: SocketAddr,
    /// Whose rule the gateway follows.
    pub behave: Gateway,
    /// Where browsers connect (SIP over WebSocket).
    pub ws: SocketAddr,
    /// The gateway's UDP socket, for callers on UDP and for the far end.
    pub udp: SocketAddr,
}

pub fn command() -> Command {
    let rules: Vec<&'static str> = Gateway::ALL.iter().map(|rule| rule.key()).collect();
    let address = |name: &'static str| {
        Arg::new(name)
            .long(name)
            .value_name("HOST:PORT")
            .value_parser(resolve)
    };
    Command::new("gateway")
        .about(
            "A SIP gateway between browsers (SIP over WebSocket) and a far end (SIP over UDP) \
             that ends each leg as RFC 3398, Asterisk or FreeSWITCH would",
        )
        .arg(
            address("far")
                .required(true)
                .help("Where every call goes, over UDP"),
        )
        .arg(
            Arg::new("behave")
                .long("behave")
                .value_name("RULE")
                .value_parser(PossibleValuesParser::new(rules))
                .default_value(Gateway::Rfc3398.key())
                .help("Whose rule says what each leg hears when the other ends the call"),
        )
        .arg(
            address("ws")
                .default_value("127.0.0.1:0")
                .help("Where browsers connect, SIP over WebSocket; port 0 lets the OS pick"),
        )
        .arg(
            address("udp").default_value("127.0.0.1:0").help(
                "The gateway's UDP socket, for callers and the far end; port 0 lets the OS pick",
            ),
        )
}

/// Reads the command line (`args` starts with the program's name). `--help` comes back as an
/// error of kind [`ErrorKind::DisplayHelp`], as clap has it.
pub fn parse<I, T>(args: I) -> Result<Options, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let matches = command().try_get_matches_from(args)?;
    let first = |name| addresses(&matches, name)[0];
    let (ws, udp) = (first("ws"), first("udp"));
    // The far end is reached from the UDP socket: it needs an address of the same family.
    let far = addresses(&matches, "far")
        .iter()
        .copied()
        .find(|far| far.is_ipv4() == udp.is_ipv4());
    let Some(far) = far else {
        let family = if udp.is_ipv4() { "IPv4" } else { "IPv6" };
        let message = format!("--far has no {family} address, and --udp {udp} is {family}");
        return Err(command().error(ErrorKind::ValueValidation, message));
    };
    let behave = matches
        .get_one::<String>("behave")
        .and_then(|key| key.parse().ok())
        .expect("clap accepts only the keys of Gateway::ALL");
    Ok(Options {
        far,
        behave,
        ws,
        udp,
    })
}

/// The addresses an option names: required or defaulted, so always there.
fn addresses<'m>(matches: &'m ArgMatches, name: &str) -> &'m [SocketAddr] {
    matches
        .get_one::<Vec<SocketAddr>>(name)
        .expect("each address option is required or has a default")
}

/// `127.0.0.1:5080`, `[::1]:5080` or `localhost:5080`: every address the host has.
fn resolve(text: &str) -> Result<Vec<SocketAddr>, String> {
    let found: Vec<SocketAddr> = text
        .to_socket_addrs()
        .map_err(|error| format!("expected HOST:PORT ({error})"))?
        .collect();
    if found.is_empty() {
        return Err("the host has no address".to_owned());
    }
    Ok(found)
}

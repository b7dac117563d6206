//! `cargo run --example gateway -- --far 127.0.0.1:5080 --behave freeswitch`: a SIP gateway
//! (a back-to-back user agent) between browsers and a far end, that ends each leg as RFC 3398,
//! Asterisk or FreeSWITCH would, with cause-core's [`Gateway`](cause_core::Gateway) rules.
//!
//! It prints one JSON line with the addresses it bound, then one per call it relays. See
//! `b2bua/mod.rs` for how it is built, and the README's "Gateway" section for a walk-through.

mod b2bua;

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

use cause_core::Gateway;

const USAGE: &str = "usage: gateway --far HOST:PORT [--behave rfc3398|asterisk|freeswitch] \
[--ws 127.0.0.1:PORT] [--udp 127.0.0.1:PORT]";

#[tokio::main]
async fn main() -> ExitCode {
    let config = match config(std::env::args().skip(1)) {
        Ok(config) => config,
        Err(error) => {
            eprintln!("gateway: {error}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let events: b2bua::Events = Arc::new(|line| println!("{line}"));
    let running = match b2bua::start(config, events).await {
        Ok(running) => running,
        Err(error) => {
            eprintln!("gateway: cannot listen: {error}");
            return ExitCode::FAILURE;
        }
    };
    println!("{}", running.addresses());
    let _ = tokio::signal::ctrl_c().await;
    running.stop();
    ExitCode::SUCCESS
}

/// The command line, read strictly: every option once, every value checked.
fn config(mut args: impl Iterator<Item = String>) -> Result<b2bua::Config, String> {
    let localhost = |port| SocketAddr::from(([127, 0, 0, 1], port));
    let (mut far, mut behave, mut ws, mut udp) = (None, None, localhost(0), localhost(0));
    while let Some(option) = args.next() {
        let value = args.next().ok_or(format!("{option} needs a value"))?;
        let address = || {
            value.parse::<SocketAddr>().map_err(|_| {
                format!(
                    "{option} {value:?}: expected an IP address and a port, like 127.0.0.1:5080"
                )
            })
        };
        match option.as_str() {
            "--far" => far = Some(address()?),
            "--ws" => ws = address()?,
            "--udp" => udp = address()?,
            "--behave" => {
                let parsed = value.parse::<Gateway>().map_err(|_| {
                    format!("--behave {value:?}: expected rfc3398, asterisk or freeswitch")
                })?;
                behave = Some(parsed);
            }
            _ => return Err(format!("unknown option {option:?}")),
        }
    }
    let far = far.ok_or("--far is required: the address calls go to")?;
    let behave = behave.unwrap_or(Gateway::Rfc3398);
    Ok(b2bua::Config {
        ws,
        udp,
        far,
        behave,
    })
}

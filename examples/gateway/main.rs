//! `cargo run --example gateway -- --far 127.0.0.1:5080 --behave freeswitch`: a SIP gateway
//! (a back-to-back user agent) between browsers and a far end, that ends each leg as RFC 3398,
//! Asterisk or FreeSWITCH would, with cause-core's [`Gateway`](cause_core::Gateway) rules.
//!
//! It prints one JSON line with the addresses it bound, then one per call it relays. See
//! `b2bua/mod.rs` for how it is built, and the README's "Gateway" section for a walk-through.

mod b2bua;
mod cli;

use std::process::ExitCode;
use std::sync::Arc;

fn main() -> ExitCode {
    let options = match cli::parse(std::env::args_os()) {
        Ok(options) => options,
        // `--help` on stdout with status 0, a mistake on stderr with status 2.
        Err(error) => error.exit(),
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("gateway: cannot start tokio: {error}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(run(options))
}

async fn run(options: cli::Options) -> ExitCode {
    let config = b2bua::Config {
        ws: options.ws,
        udp: options.udp,
        far: options.far,
        behave: options.behave,
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
    if let Err(error) = tokio::signal::ctrl_c().await {
        eprintln!("gateway: cannot wait for Ctrl-C ({error}); stopping");
    }
    running.stop();
    ExitCode::SUCCESS
}

//! `cargo run --example gateway -- --far 127.0.0.1:5080 --behave freeswitch`: a SIP gateway
//! (a back-to-back user agent) between browsers and a far end, that ends each leg as RFC 3398,
//! Asterisk or FreeSWITCH would, with cause-core's [`Gateway`](cause_core::Gateway) rules.
//!
//! It prints one JSON line with the addresses it bound, then one per call it relays; Ctrl-C
//! (or SIGTERM) stops it once the calls in flight have ended (at most [`DRAIN_LIMIT`]). See `b2bua/mod.rs`
//! for how it is built, and `docs/gateway.md` for a walk-through.

mod b2bua;
mod cli;

use std::future::Future;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use serde_json::json;

/// How long Ctrl-C (or SIGTERM) waits for the calls in flight before it cuts them short.
const DRAIN_LIMIT: Duration = Duration::from_secs(10);

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
    // Listened for before the address line invites a signal, which would otherwise kill it.
    let stop = match stop_signal() {
        Ok(stop) => stop,
        Err(error) => {
            eprintln!("gateway: cannot listen for Ctrl-C: {error}");
            return ExitCode::FAILURE;
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
    stop.await;
    let cut_short = running.stop(DRAIN_LIMIT).await;
    println!("{}", json!({ "event": "stopped", "cut_short": cut_short }));
    ExitCode::SUCCESS
}

/// Ctrl-C, or SIGTERM from a service manager.
#[cfg(unix)]
fn stop_signal() -> std::io::Result<impl Future<Output = ()>> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut terminate = signal(SignalKind::terminate())?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = terminate.recv() => {}
        }
    })
}

/// Ctrl-C.
#[cfg(not(unix))]
fn stop_signal() -> std::io::Result<impl Future<Output = ()>> {
    Ok(async {
        tokio::signal::ctrl_c().await.ok();
    })
}

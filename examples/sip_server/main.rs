//! `cargo run --example sip_server`: a SIP-over-WebSocket endpoint on 127.0.0.1 that ends each
//! request for a cause with cause-core, and reads the `Reason` of every CANCEL and BYE. It
//! prints `{"event":"listening","url":"ws://127.0.0.1:PORT"}`, then one JSON line per event.
//! See `server.rs` for the scenarios. The interop test (`tests/test_interop.rs`) runs the same
//! server in-process against SIP.js and JsSIP.

mod server;

use std::net::TcpListener;
use std::sync::Arc;

fn main() -> std::io::Result<()> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let url = format!("ws://{}", listener.local_addr()?);
    println!(
        "{}",
        serde_json::json!({ "event": "listening", "url": url })
    );
    server::serve(listener, Arc::new(|event| println!("{event}")))
}

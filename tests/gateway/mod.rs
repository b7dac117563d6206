//! The gateway of `examples/gateway`, run in-process on 127.0.0.1 with a far end of its own,
//! for the tests that put the real clients (or a load of bad messages) through it.
//! (`ws_peer.rs`, the scripted WebSocket peer of `tests/test_triggers.rs`, lives here beside
//! `node.rs` and `sip_text.rs`, which that test includes without the gateway.)

// Each test binary that includes this module uses a part of it.
#![allow(dead_code)]

#[path = "../../examples/gateway/b2bua/mod.rs"]
pub mod b2bua;
pub mod far_end;
pub mod node;
pub mod sip_text;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use cause_core::{Gateway, Reason};
use serde_json::Value;

use far_end::FarEnd;

/// A gateway and its far end, running until dropped.
pub struct Harness {
    pub ws: String,
    pub udp: SocketAddr,
    pub far: FarEnd,
    pub behave: Gateway,
    events: Arc<Mutex<Vec<Value>>>,
    running: b2bua::Running,
    // Last: the gateway's tasks run on it until the harness goes.
    _runtime: tokio::runtime::Runtime,
}

impl Harness {
    pub fn start(behave: Gateway) -> Harness {
        let far = FarEnd::start();
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("a tokio runtime");
        let events = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&events);
        let localhost = SocketAddr::from(([127, 0, 0, 1], 0));
        let config = b2bua::Config {
            ws: localhost,
            udp: localhost,
            far: far.addr,
            behave,
        };
        let record: b2bua::Events = Arc::new(move |event| sink.lock().unwrap().push(event));
        let running = runtime
            .block_on(b2bua::start(config, record))
            .expect("the gateway binds 127.0.0.1");
        let ws = format!("ws://{}", running.ws);
        Harness {
            ws,
            udp: running.udp,
            far,
            behave,
            events,
            running,
            _runtime: runtime,
        }
    }

    /// What the gateway said so far, one JSON object per line it would print.
    pub fn events(&self) -> Vec<Value> {
        self.events.lock().unwrap().clone()
    }
}

impl Drop for Harness {
    fn drop(&mut self) {
        self.running.stop();
    }
}

/// The final response a caller gets through a gateway behaving as `behave` when the far end
/// of these tests answers `code` with `reasons`: the relay rule, a redirect followed to the
/// far end's `Contact` (a 486 without `Reason`).
pub fn relayed_status(behave: Gateway, code: u16, reasons: &[Reason<'_>]) -> u16 {
    match behave.relay_failure(code, reasons) {
        Some(relay) if relay.follows_redirect() => relayed_status(behave, 486, &[]),
        Some(relay) => relay.response().status(),
        None => panic!("{code} is no failure"),
    }
}

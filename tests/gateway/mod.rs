//! The gateway of `examples/gateway`, run in-process on 127.0.0.1 with the far end of
//! `examples/far_end`, for the tests that put the real clients (or a load of bad messages)
//! through it. (`ws_peer.rs`, the scripted WebSocket peer of `tests/test_triggers.rs`, lives
//! here beside `node.rs`, which that test includes without the gateway, as it does the far
//! end's `sip_text.rs`.)

// Each test binary that includes this module uses a part of it.
#![allow(dead_code)]

#[path = "../../examples/gateway/b2bua/mod.rs"]
pub mod b2bua;
#[path = "../../examples/far_end/far_end.rs"]
pub mod far_end;
pub mod node;
pub mod peer;
#[path = "../../examples/far_end/sip_text.rs"]
pub mod sip_text;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use cause_core::{Gateway, Reason};
use serde_json::Value;

use far_end::{FarEnd, Log, Received};

/// The far end of `examples/far_end` on a port the OS picks, keeping what it receives.
pub struct Far {
    pub addr: SocketAddr,
    pub log: Log,
}

impl Far {
    pub fn start() -> Far {
        let log = Log::default();
        let localhost = SocketAddr::from(([127, 0, 0, 1], 0));
        let far = FarEnd::bind(localhost, log.report()).expect("a UDP port on 127.0.0.1");
        Far {
            addr: far.addr,
            log,
        }
    }

    /// The requests received so far with `method` from the caller `from`.
    pub fn requests(&self, method: &str, from: &str) -> Vec<Received> {
        let received = self.log.all().into_iter();
        received
            .filter(|r| r.method == method && r.from == from)
            .collect()
    }
}

/// The gateway alone, in-process, its calls going to `far`, running until stopped or dropped.
pub struct InProcess {
    pub ws: String,
    pub udp: SocketAddr,
    events: Arc<Mutex<Vec<Value>>>,
    running: Option<b2bua::Running>,
    // Last: the gateway's tasks run on it until the gateway goes.
    runtime: tokio::runtime::Runtime,
}

impl InProcess {
    pub fn start(behave: Gateway, far: SocketAddr) -> InProcess {
        let localhost = SocketAddr::from(([127, 0, 0, 1], 0));
        let config = b2bua::Config {
            ws: localhost,
            udp: localhost,
            far,
            behave,
        };
        InProcess::try_start(config).expect("the gateway binds 127.0.0.1")
    }

    /// The gateway as `config` says, or why it could not start.
    pub fn try_start(config: b2bua::Config) -> std::io::Result<InProcess> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("a tokio runtime");
        let events = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&events);
        let record: b2bua::Events = Arc::new(move |event| sink.lock().unwrap().push(event));
        let running = runtime.block_on(b2bua::start(config, record))?;
        Ok(InProcess {
            ws: format!("ws://{}", running.ws),
            udp: running.udp,
            events,
            running: Some(running),
            runtime,
        })
    }

    /// What the gateway said so far, one JSON object per line it would print.
    pub fn events(&self) -> Vec<Value> {
        self.events.lock().unwrap().clone()
    }

    /// [`b2bua::Running::stop`]: how many calls were cut short at `limit`.
    pub fn stop(&mut self, limit: Duration) -> usize {
        let running = self.running.take().expect("the gateway runs");
        self.runtime.block_on(running.stop(limit))
    }

    /// [`stop`](Self::stop) on a thread of its own: new requests are refused from the moment
    /// this returns, while the test goes on with the calls in flight.
    pub fn stopping(mut self, limit: Duration) -> std::thread::JoinHandle<usize> {
        let running = self.running.take().expect("the gateway runs");
        let stopped = running.stop(limit);
        std::thread::spawn(move || self.runtime.block_on(stopped))
    }
}

impl Drop for InProcess {
    fn drop(&mut self) {
        if self.running.is_some() {
            self.stop(Duration::ZERO);
        }
    }
}

/// A gateway and its far end, running until dropped.
pub struct Harness {
    pub ws: String,
    pub udp: SocketAddr,
    pub far: Far,
    pub behave: Gateway,
    gateway: InProcess,
}

impl Harness {
    pub fn start(behave: Gateway) -> Harness {
        let far = Far::start();
        let gateway = InProcess::start(behave, far.addr);
        Harness {
            ws: gateway.ws.clone(),
            udp: gateway.udp,
            far,
            behave,
            gateway,
        }
    }

    /// What the gateway said so far, one JSON object per line it would print.
    pub fn events(&self) -> Vec<Value> {
        self.gateway.events()
    }
}

/// The final response a caller gets through a gateway behaving as `behave` when the far end
/// of these tests answers `code` with `reasons`: the relay rule, a redirect followed to the
/// far end's `Contact` (a 486 without `Reason`); a 401 or 407 of that far end carries no
/// challenge.
pub fn relayed_status(behave: Gateway, code: u16, reasons: &[Reason<'_>]) -> u16 {
    match behave.relay_failure(code, reasons) {
        Some(relay) if relay.follows_redirect() => relayed_status(behave, 486, &[]),
        Some(relay) => relay.response_without_header().status(),
        None => panic!("{code} is no failure"),
    }
}

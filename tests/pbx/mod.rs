//! The PBX recorder (`tests/record_pbx.rs`, run by `scripts/record-pbx.sh`): Asterisk and
//! FreeSWITCH, built from the commits their tables cite, run as back-to-back gateways on
//! 127.0.0.1 with the configuration committed beside this file, between a caller and a far end
//! of the project's own ([`ua`]); every row of [`rows`] called through them, what each side got
//! and what the PBX recorded kept in `tests/recorded/`.

// The recorder uses all of it, the checks of `tests/test_pbx_recorded.rs` only the recording.
#![allow(dead_code)]

pub mod asterisk;
#[path = "../../examples/far_end/far_end.rs"]
pub mod far_end;
pub mod freeswitch;
pub mod recorder;
pub mod recording;
pub mod rows;
#[path = "../../examples/far_end/sip_text.rs"]
pub mod sip_text;
pub mod ua;

use std::collections::BTreeMap;
use std::net::{SocketAddr, UdpSocket};
use std::path::Path;
use std::time::{Duration, Instant};

/// What a PBX recorded for one channel of a call.
#[derive(Clone, Debug)]
pub struct ChannelRecord {
    /// Which leg: the caller's endpoint (`caller`, `mapper`) or the far end's (`far`) for
    /// Asterisk; `a` or `b` for FreeSWITCH.
    pub leg: String,
    /// The PBX's name of the channel, to tell two of a leg apart.
    pub channel: String,
    /// The values the PBX recorded, by the name its users know them by.
    pub values: BTreeMap<String, String>,
}

/// A running PBX, as the recorder drives it.
pub trait Pbx {
    /// Where it takes SIP.
    fn sip(&self) -> SocketAddr;
    /// What it recorded for the channels of the call just made, once every one has ended.
    fn records(&self) -> Vec<ChannelRecord>;
    /// The caller's user and the target that make the dial plan end a call with `cause`.
    fn map_call(&self, cause: &str) -> (&'static str, String);
}

/// The committed configuration files of `dir`, by name, in name order.
pub fn config_files(dir: &Path) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(dir).expect("the configuration directory") {
        let path = entry.expect("a directory entry").path();
        if path.is_file() {
            let name = path
                .file_name()
                .expect("a file name")
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&path).expect("a configuration file is text");
            files.insert(name, text);
        }
    }
    files
}

/// A port on 127.0.0.1 free for both UDP and TCP a moment ago, for a PBX's configuration
/// (which needs a number before the PBX starts).
pub fn free_port() -> u16 {
    loop {
        let udp = UdpSocket::bind("127.0.0.1:0").expect("a UDP port");
        let port = udp.local_addr().expect("a bound address").port();
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
}

/// Polls `ready` until it gives a value, for at most 60 seconds.
pub fn wait_for<T>(what: &str, mut ready: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(value) = ready() {
            return value;
        }
        assert!(Instant::now() < deadline, "waited a minute for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Waits until the channels a PBX created since the last call have all ended: `counts` gives
/// how many were created and how many ended, and both must hold still for a moment (a
/// redirect's second channel, or the far leg's end, may come after the caller's), for at most
/// five seconds; a call that made no channel within a second made none.
pub fn wait_for_channels(counts: impl Fn() -> (usize, usize)) {
    let start = Instant::now();
    let mut last = (usize::MAX, 0);
    loop {
        let now = counts();
        let still = now == last && now.0 == now.1;
        if still && (now.0 > 0 || start.elapsed() > Duration::from_secs(1)) {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the PBX's channels did not all end within five seconds: {now:?}"
        );
        last = now;
        std::thread::sleep(Duration::from_millis(30));
    }
}

//! What the gateway does when something goes wrong around a call: an address it cannot bind
//! is an error.

mod gateway;

use std::net::{SocketAddr, TcpListener, UdpSocket};

use cause_core::Gateway;
use gateway::InProcess;
use gateway::b2bua;

/// An address the gateway cannot bind fails its start, naming it: a WebSocket port another
/// listener holds, a UDP port another socket holds.
#[test]
fn an_address_in_use_fails_the_start() {
    let localhost = SocketAddr::from(([127, 0, 0, 1], 0));
    let far = SocketAddr::from(([127, 0, 0, 1], 9));
    let tcp = TcpListener::bind(localhost).expect("a TCP port");
    let udp = UdpSocket::bind(localhost).expect("a UDP port");
    let taken = [
        ("WebSocket", tcp.local_addr().expect("bound"), localhost),
        ("UDP", localhost, udp.local_addr().expect("bound")),
    ];
    for (transport, ws, udp) in taken {
        let config = b2bua::Config {
            ws,
            udp,
            far,
            behave: Gateway::Rfc3398,
        };
        let error = match InProcess::try_start(config) {
            Ok(_) => panic!("the gateway started on a {transport} address in use"),
            Err(error) => error.to_string(),
        };
        let address = if transport == "UDP" { udp } else { ws };
        assert!(
            error.starts_with(&format!("{transport} on {address}: ")),
            "{error}"
        );
    }
}

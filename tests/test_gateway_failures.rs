//! What the gateway does when something goes wrong around a call: stopping lets the calls in
//! flight end first; an address it cannot bind is an error. The callers and far ends are
//! played by hand (`tests/gateway/peer.rs`).

mod gateway;

use std::net::{SocketAddr, TcpListener, UdpSocket};
use std::time::{Duration, Instant};

use cause_core::Gateway;
use gateway::InProcess;
use gateway::b2bua;
use gateway::peer::{Caller, Udp};
use gateway::sip_text::{SipMessage, response};

/// Stopping the gateway with a call in flight: new calls get 503 at once, the far end's late
/// answer still reaches the caller, and the stop returns when the caller has acknowledged it.
#[test]
fn stopping_lets_the_calls_in_flight_end() {
    let far = Udp::bind();
    let gateway = InProcess::start(Gateway::Rfc3398, far.addr);
    let gateway_udp = gateway.udp;
    let caller = Udp::bind();
    let call = Caller::udp(&caller, "someone");
    caller.send(&call.invite(&[]), gateway_udp);
    let (invite, from) = far.expect("INVITE");
    let began = Instant::now();
    let stopping = gateway.stopping(Duration::from_secs(10));
    // While it stops, a new call is refused, and never reaches the far end.
    let late = Udp::bind();
    late.send(&Caller::udp(&late, "someone-else").invite(&[]), gateway_udp);
    late.expect("503");
    // The call in flight ends as it would have: the far end's 486, relayed.
    let invite_message = SipMessage::parse(&invite).expect("a request");
    far.send(
        &response(&invite_message, 486, "Busy Here", &[], "", Some("far1")),
        from,
    );
    let (busy, _) = caller.expect("486");
    far.expect("ACK");
    let ack = format!(
        "ACK sip:someone@127.0.0.1 SIP/2.0\r\nVia: {via}\r\nMax-Forwards: 70\r\n\
         From: <sip:alice@127.0.0.1>;tag={tag}\r\nTo: {to}\r\nCall-ID: {call_id}\r\n\
         CSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n",
        via = SipMessage::parse(&busy)
            .and_then(|m| m.header("Via"))
            .expect("a Via"),
        tag = call.tag,
        to = SipMessage::parse(&busy)
            .and_then(|m| m.header("To"))
            .expect("a To"),
        call_id = call.call_id,
    );
    caller.send(&ack, gateway_udp);
    let cut_short = stopping.join().expect("the stop returns");
    assert_eq!(cut_short, 0, "no call was cut short");
    assert!(
        began.elapsed() < Duration::from_secs(5),
        "{:?}",
        began.elapsed()
    );
    assert!(
        far.receive_within(Duration::from_millis(200)).is_none(),
        "the call refused while stopping reached the far end"
    );
}

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
